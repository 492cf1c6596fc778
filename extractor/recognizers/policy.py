"""Policy changes: measures by governments, regulators and central banks."""
from __future__ import annotations

from functools import cache

import regex

from ..analysis import ArticleView, Facts
from ..lexicon import phrases, roles, words
from . import Draft, register
from .common import clauses, sentence_date, within

_QUOTED = regex.compile(r"""(?:(?<!\w)['‘]|["“《])(?P<name>[^'"‘’“”《》\n]{4,160}?)(?:['’](?!\w)|["”》])""")
_TITLE_WORD = r"(?:\p{Lu}[\w'’&-]*+|\d{4}|(?:of|for|on|and|to|the|in|with|about|Further|Promoting)(?=\s++\p{Lu}))"


@cache
def _keyword() -> regex.Pattern:
    kws = sorted(words()["policy"]["keywords"], key=len, reverse=True)
    return regex.compile(r"(?<!\w)(?:" + "|".join(regex.escape(k) for k in kws) + r")(?!\w)")


_TITLED = regex.compile(rf"(?:{_TITLE_WORD}\s++){{1,12}}{_TITLE_WORD}")


@register
class PolicyRecognizer:
    """A named measure (quoted, title-cased or a known term) with an issuer or an action."""

    event_type = "policy_change"

    def extract(self, view: ArticleView) -> list[Draft]:
        """Drafts of policy changes, one per clause naming a measure."""
        drafts = []
        terms = phrases("policy", "terms")
        for f in view.facts:
            text = f.text
            if not (f.bodies or terms.search(text) or _keyword().search(text)):
                continue
            for lo, hi in clauses(f):
                draft = self._read_clause(f, lo, hi)
                if draft is not None:
                    drafts.append(draft)
        return drafts

    def _read_clause(self, f: Facts, lo: int, hi: int) -> Draft | None:
        names = self._names(f, lo, hi)
        if not names:
            return None
        bodies = within(f.bodies, lo, hi) or ([] if len(clauses(f)) > 1 else f.bodies)
        action_hits = roles("policy", "actions").hits(f.text, lo, hi)
        action = action_hits[0][2] if action_hits else None
        issuer = bodies[0].item.name if bodies else None
        if issuer is None and action is None:
            return None
        fields = {"issuer": issuer, "policy": names[0], "action": action}
        keys = {n.lower() for n in names}
        date = sentence_date(f, lo, hi) or sentence_date(f)
        return Draft("policy_change", fields, [f.sentence.index], date, f.sentence.headline, keys,
                     signals=1 + (issuer is not None) + (action is not None))

    @staticmethod
    def _names(f: Facts, lo: int, hi: int) -> list[str]:
        """Names of measures in the clause: quoted titles first, then title-cased names, then terms."""
        text = f.text
        names = []
        for m in _QUOTED.finditer(text, lo, hi, timeout=1.0):
            if _keyword().search(m.group("name")):
                names.append(m.group("name").strip())
        if not f.sentence.headline:
            for m in _TITLED.finditer(text, lo, hi, timeout=1.0):
                run = m.group().strip()
                if _keyword().search(run) and not any(run in n or n in run for n in names) and not _is_body(f, m.start(), m.end()):
                    names.append(_trim(run))
        for m in phrases("policy", "terms").finditer(text, lo, hi):
            if not any(m.group().lower() in n.lower() for n in names):
                names.append(m.group())
        return [n for n in names if n]


def _trim(run: str) -> str:
    return regex.sub(r"^(?:The|the)\s++", "", run).strip()


def _is_body(f: Facts, start: int, end: int) -> bool:
    return any(b.start <= start and end <= b.end for b in f.bodies)
