"""Assigning roles to figures in a sentence by the nearest phrase that announces one."""
from __future__ import annotations

from typing import Sequence

import regex

from .lexicon import RoleLexicon

#: ", including research funding and milestones," names parts of a figure, not its role
_ASIDE = regex.compile(r",\s*+(?:including|excluding|comprising|covering|plus|such as)\b[^,;]{0,80}+,")

LEFT_WINDOW = 80
RIGHT_WINDOW = 30


def assign_roles(
    text: str,
    spans: Sequence[tuple[int, int]],
    lexicon: RoleLexicon,
    *,
    left: int = LEFT_WINDOW,
    right: int = RIGHT_WINDOW,
    lo: int = 0,
    hi: int | None = None,
    right_weight: float = 1.0,
) -> list[str | None]:
    """For each (start, end) figure in text[lo:hi], the role announced nearest to it, or None.

    The left window reaches back to the previous figure, the right window forward to the next;
    a phrase on the left wins a tie. Roles starting with '_' are blockers and come back as None.
    """
    hi = len(text) if hi is None else hi
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text, lo, hi)]
    hits = [h for h in lexicon.hits(text, lo, hi) if not any(a <= h[0] and h[1] <= b for a, b in asides)]
    out: list[str | None] = []
    for i, (start, end) in enumerate(spans):
        left_edge = max(lo, start - left, spans[i - 1][1] if i else lo)
        right_edge = min(hi, end + right, spans[i + 1][0] if i + 1 < len(spans) else hi)
        best: tuple[float, str] | None = None
        for h_start, h_end, role in hits:
            if left_edge <= h_start and h_end <= start:
                distance = start - h_end
            elif end <= h_start and h_end <= right_edge:
                distance = (h_start - end) * right_weight + 0.5
            elif h_start < end and start < h_end:
                # a phrase inside the mention ("up to $4.95 billion") counts only when nothing nearer does
                distance = float(left + right)
            else:
                continue
            if best is None or distance < best[0]:
                best = (distance, role)
        out.append(None if best is None or best[1].startswith("_") else best[1])
    return out
