"""Assigning roles to figures in a sentence by the nearest phrase that announces one."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from extractor.facts.lexicon import RoleLexicon

#: ", including research funding and milestones," names parts of a figure, not its role
_ASIDE = regex.compile(r",\s*+(?:including|excluding|comprising|covering|plus|such as)\b[^,;]{0,80}+,")

#: 'sales-based milestones': a phrase hyphened to the next word only modifies it
_MODIFIER = regex.compile(r"-\p{L}")

#: a comma, a semicolon or an opening bracket between a figure and a phrase after it ('990 million yen (compared to a
#: loss of ...)': the aside's phrase names its own figure)
_BREAK = regex.compile(r"[,;，；(（]")

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
    right_stops_at_comma: bool = False,
) -> list[str | None]:
    """For each (start, end) figure in text[lo:hi], the role announced nearest to it, or None.

    The left window reaches back to the previous figure, the right window forward to the next (and not
    past a comma or an opening bracket with `right_stops_at_comma`); a phrase on the left wins a tie. A phrase that is a
    neighbouring figure's nearest, and nearer to it, speaks only for that figure ('JPY 7.5 billion
    upfront, and ... up to JPY 45 billion in milestones'). Roles starting with '_' are blockers and
    come back as None.
    """
    hi = len(text) if hi is None else hi
    asides = [(m.start(), m.end()) for m in _ASIDE.finditer(text, lo, hi)]
    hits = [h for h in lexicon.hits(text, lo, hi) if not _MODIFIER.match(text, h[1])]

    def aside_of(start: int, end: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in asides if a <= start and end <= b), None)

    hit_asides = [aside_of(h_start, h_end) for h_start, h_end, _ in hits]

    def ranked(i: int) -> list[tuple[float, int, str]]:
        """(distance, phrase start, role) of the phrases that may speak for figure i, nearest first."""
        start, end = spans[i]
        left_edge = max(lo, start - left, spans[i - 1][1] if i else lo)
        right_edge = min(hi, end + right, spans[i + 1][0] if i + 1 < len(spans) else hi)
        mine = aside_of(start, end)
        found: list[tuple[float, int, str]] = []
        for (h_start, h_end, role), aside in zip(hits, hit_asides):
            if aside is not None and aside != mine:
                continue  # a phrase in an aside (', including royalties,') speaks only for figures in it
            if left_edge <= h_start and h_end <= start:
                distance = float(start - h_end)
            elif end <= h_start and h_end <= right_edge:
                if right_stops_at_comma and _BREAK.search(text, end, h_start):
                    continue  # '..., as sales of its vaccines rose': past a comma, another clause
                distance = (h_start - end) * right_weight + 0.5
            elif h_start < end and start < h_end:
                # a phrase inside the mention ("up to $4.95 billion") counts only when nothing nearer does
                distance = float(left + right)
            else:
                continue
            found.append((distance, h_start, role))
        return sorted(found, key=lambda c: c[0])

    candidates = [ranked(i) for i in range(len(spans))]
    out: list[str | None] = []
    for i, mine in enumerate(candidates):
        taken = [candidates[j][0] for j in (i - 1, i + 1) if 0 <= j < len(spans) and candidates[j]]
        best = next((c for c in mine if not any(t[1] == c[1] and t[0] < c[0] for t in taken)), None)
        out.append(None if best is None or best[2].startswith("_") else best[2])
    return out
