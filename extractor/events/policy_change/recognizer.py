"""Policy changes: measures by governments, regulators and central banks."""

from __future__ import annotations

from functools import cache

import regex

from extractor.contract import Located
from extractor.datafiles import load_json
from extractor.events.common import clauses, context_date, event_date, occurrences, sentence_date, within
from extractor.events.draft import Draft
from extractor.facts.analysis import ArticleView, Facts, OrgRef
from extractor.facts.lexicon import phrases, roles, words
from extractor.facts.patterns import REGEX_TIMEOUT, alternation

_LEADING_DETERMINER = regex.compile(r"^(?:that\s++|to\s++)?(?:an?|the)\s++")
_LEADING_THE = regex.compile(r"^(?:The|the)\s++")
_QUOTED = regex.compile(r"""(?:(?<!\w)['‘]|["“《])(?P<name>[^'"‘’“”《》\n]{4,160}?)(?:['’](?!\w)|["”》])""")
_TITLE_WORD = r"(?:\p{Lu}[\w'’&-]*+|\d{4}|\d{1,3}[A-Z]|(?:of|for|on|and|to|the|in|with|about)(?=\s++\p{Lu}))"
_TITLED = regex.compile(rf"(?:{_TITLE_WORD}\s++){{1,12}}{_TITLE_WORD}")
#: where the description of a measure ends: a clause mark, a relative or participial phrase after a comma
_OBJECT_END = regex.compile(
    r"[;:!?]|,\s*+(?:which|who|while|whereas|as|after|before|saying|according|[a-z]+ing)\b|\s[—–-]\s|\.(?:\s|$)"
)
MAX_DESCRIPTION_WORDS = 25
#: '... released by the Ministry': the words between a verb and the body doing it in the passive
_BY = regex.compile(r"\s++by\s++(?:the\s++)?")
#: 'an action plan jointly': the measure named before a passive verb, after its determiner
_MEASURE_BEFORE = regex.compile(
    r"\b(?:an?|the|its|their|this|new)\s++(?P<measure>(?:[\w'’-]++\s++){1,8}?)(?:(?:jointly|recently|newly|officially)\s++)?$",
    regex.I,
)


@cache
def _trailing_date() -> regex.Pattern[str]:
    """' on Monday ...', ' in March ...': a date that ends a title-cased run and is no part of the measure's name."""
    dates = load_json("date_words.json")
    names = alternation(name.capitalize() for name in [*dates["weekdays"], *dates["months"]])
    return regex.compile(rf"\s++(?:on|in|at|by|from|since|last|this)\s++(?:{names})\b.*$")


@cache
def _acts_after_body() -> regex.Pattern[str]:
    """'[the CSRC] (CSRC) unveiled ...': what may stand between a body and the verb of its action."""
    lead = alternation(words("policy_change")["description_lead"])
    return regex.compile(rf"(?:\s*+[(（][^)）]{{1,16}}[)）])?(?:,?\s++(?:{lead}))*+\s++")


#: ', which will take effect', 'drugs that passed': a relative clause about the object of the action
_RELATIVE = regex.compile(r"\b(?:which|who|whose|that)\b", regex.IGNORECASE)
#: 'announced on Monday that it would cut' is no relative clause: fewer words than this before 'that'
RELATIVE_THAT_MIN_WORDS = 3


class PolicyRecognizer:
    """A measure, named (quoted, title-cased, a known term) or described after its issuer's verb."""

    def extract(self, view: ArticleView) -> list[Draft]:
        """Drafts of policy changes, one per clause naming a measure."""
        drafts = []
        terms, keywords = phrases("policy_change", "terms"), phrases("policy_change", "keywords")
        for f in view.facts:
            text = f.text
            if not (terms.search(text) or keywords.search(text) or f.bodies):
                continue
            for lo, hi in clauses(f):
                draft = self._read_clause(view, f, lo, hi)
                if draft is not None:
                    drafts.append(draft)
        return drafts

    def _read_clause(self, view: ArticleView, f: Facts, lo: int, hi: int) -> Draft | None:
        if phrases("policy_change", "ruled_out").search(f.text, lo, hi) is not None:
            return None  # 'no chance the FOMC hikes': a measure that will not come
        names = self._names(f, lo, hi)
        bodies = within(f.bodies, lo, hi) or ([] if len(clauses(f)) > 1 else f.bodies)
        issuer = view.body_meant(f.sentence.index, bodies[0]) if bodies else None
        action = self._action(f, lo, hi, names)
        described = None
        if not names and (rate := _rate_decision(f.text, lo, hi)) is not None:
            action, name = described = rate
            names = [name]
            if issuer is None:
                issuer = _body_in_context(view, f)
        if not names and bodies:
            described = self._description(f, bodies, hi) or self._passive(f, bodies, lo)
            if described is None or _forecast(described[0], f.text, lo, hi):
                return None
            action, name = described
            names = [name]
        if not names:
            return None
        if issuer is None and (action is None or sentence_date(f, lo, hi) is None):
            return None  # an unattributed, undated mention of a measure is background, not news
        if action is None and described is None and not self._named(f, lo, hi):
            return None
        fields = {"issuer": issuer, "policy": names[0], "action": action}
        keys = {_canonical(n) for n in names}
        date = event_date(view, f.sentence.index, lo, hi) or context_date(view, f.sentence.index)
        return Draft(
            "policy_change",
            fields,
            [f.sentence.index],
            date,
            f.sentence.headline,
            keys,
            signals=1 + (issuer is not None) + (action is not None),
        )

    @staticmethod
    def _action(f: Facts, lo: int, hi: int, names: list[str]) -> str | None:
        """The most specific action verb of the clause that is neither part of a measure's own name nor in a
        relative clause about its object ('published the list of drugs that passed review')."""
        text = f.text
        spans = [span for n in names for span in occurrences(text[lo:hi], n)]
        hits = [
            h
            for h in roles("policy_change", "actions").hits(text, lo, hi)
            if not any(a + lo <= h[0] < b + lo for a, b in spans)
        ]
        if hits:
            after = hits[0][1]
            for m in _RELATIVE.finditer(text, after, hi):
                if m.group().lower() != "that" or len(text[after : m.start()].split()) >= RELATIVE_THAT_MIN_WORDS:
                    hits = [h for h in hits if h[0] < m.start()]
                    break
        generic = set(words("policy_change")["generic_actions"])
        specific = [h for h in hits if h[2] not in generic]
        chosen = specific or hits
        return chosen[0][2] if chosen else None

    @staticmethod
    def _named(f: Facts, lo: int, hi: int) -> bool:
        return any(
            phrases("policy_change", "keywords").search(m.group("name"))
            for m in _QUOTED.finditer(f.text, lo, hi, timeout=REGEX_TIMEOUT)
        )

    @staticmethod
    def _description(f: Facts, bodies: list[Located[OrgRef]], hi: int) -> tuple[str, str] | None:
        """'[the NMPA] issued an announcement on optimizing ...' -> ('issued', 'announcement on optimizing ...')."""
        text = f.text
        body = bodies[0]
        lead = _acts_after_body().match(text, body.end, hi)
        if lead is None:
            return None
        hits = roles("policy_change", "actions").hits(text, lead.end(), hi)
        if not hits or hits[0][0] != lead.end():
            return None
        start, end, action = hits[0]
        if action in words("policy_change")["no_description_actions"]:
            return None  # "the FDA approved ...": product approvals are not policy
        stop = _OBJECT_END.search(text, end, hi)
        obj = text[end : stop.start() if stop else hi].strip(" ,")
        obj_words = obj.split()
        if len(obj_words) < 2:
            return None
        obj = " ".join(obj_words[:MAX_DESCRIPTION_WORDS])
        obj = _LEADING_DETERMINER.sub("", obj)
        generic = set(words("policy_change")["generic_actions"])
        name = obj if action in generic else f"{text[start:end]} {obj}"
        return action, name

    @staticmethod
    def _passive(f: Facts, bodies: list[Located[OrgRef]], lo: int) -> tuple[str, str] | None:
        """'an action plan jointly released by the Ministry of Commerce' -> ('issued', 'action plan')."""
        text = f.text
        for body in bodies:
            for start, end, action in roles("policy_change", "actions").hits(text, lo, body.start):
                if _BY.fullmatch(text, end, body.start) is None:
                    continue
                measure = _MEASURE_BEFORE.search(text, lo, start)
                if measure and phrases("policy_change", "keywords").search(measure.group("measure")) is not None:
                    return action, measure.group("measure").strip()
        return None

    @staticmethod
    def _names(f: Facts, lo: int, hi: int) -> list[str]:
        """Names of measures in the clause: quoted titles first, then title-cased names, then terms."""
        text = f.text
        names = []
        for m in _QUOTED.finditer(text, lo, hi, timeout=REGEX_TIMEOUT):
            if phrases("policy_change", "keywords").search(m.group("name")):
                names.append(m.group("name").strip())
        if not f.sentence.headline:
            for m in _TITLED.finditer(text, lo, hi, timeout=REGEX_TIMEOUT):
                run = _trim(m.group())
                if (
                    phrases("policy_change", "keywords").search(run)
                    and len(run.split()) > 1
                    and not any(run in n or n in run for n in names)
                    and not _is_body(f, m.start(), m.end())
                ):
                    names.append(run)
        for hit in phrases("policy_change", "terms").finditer(text, lo, hi):
            if not any(hit.group().lower() in n.lower() for n in names):
                names.append(hit.group())
        return [n for n in names if n]


@cache
def _rate_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str], dict[str, str]]:
    """The active and passive forms of a rate decision, the hedges that make it a forecast, and verb -> action."""
    table = words("policy_change")
    verb_action: dict[str, str] = {}
    for action in table["rate_actions"]:
        for form in table["actions"][action]:
            verb_action[form.lower()] = action
            if form.endswith("s") and not form.endswith("ss"):  # 'lowers' -> 'lower': 'decided to lower'
                verb_action.setdefault(form[:-1].lower(), action)
    past = [v for v in verb_action if v.endswith("ed") or v in ("cut",)]
    rates = alternation(table["rate_terms"])
    gap = r"(?:[\w'’%.,-]++\s++){0,6}?"
    active = regex.compile(rf"(?i)\b(?P<verb>{alternation(verb_action)})\s++{gap}(?P<rate>{rates})\b")
    passive = regex.compile(
        rf"(?i)\b(?P<rate>{rates})\b\s++{gap}(?:(?:will|would|to)\s++be|was|were|is|are|has\s++been|have\s++been)"
        rf"\s++(?P<verb>{alternation(past)})\b"
    )
    hedges = regex.compile(rf"(?i)\b(?:{alternation(table['rate_hedges'])})\b")
    return active, passive, hedges, verb_action


def _rate_decision(text: str, lo: int, hi: int) -> tuple[str, str] | None:
    """'[it] raises its benchmark rate by 25bp, from 1% to 1.25%' -> ('raised', 'raises its benchmark rate by ...'):
    a rate or ratio moved in the clause, wherever the verb stands, unless the clause hedges it as a forecast."""
    active, passive, _, verb_action = _rate_patterns()
    found = [m for m in (active.search(text, lo, hi), passive.search(text, lo, hi)) if m is not None]
    if not found:
        return None
    m = min(found, key=lambda x: x.start())
    if _forecast(verb_action[m.group("verb").lower()], text, lo, hi):
        return None
    stop = _OBJECT_END.search(text, m.end(), hi)
    description = " ".join(text[m.start() : stop.start() if stop else hi].strip(" ,").split()[:MAX_DESCRIPTION_WORDS])
    return verb_action[m.group("verb").lower()], description


def _forecast(action: str, text: str, lo: int, hi: int) -> bool:
    """'economists expect the Fed to cut interest rates': a rate move the clause hedges is no decision."""
    _, _, hedges, _ = _rate_patterns()
    return action in words("policy_change")["rate_actions"] and hedges.search(text, lo, hi) is not None


def _body_in_context(view: ArticleView, f: Facts) -> str | None:
    """The body a clause without one speaks of: one named elsewhere in its sentence, else the last named in the
    sentences of its paragraph before it."""
    for facts in [f, *view.paragraph_before(f.sentence.index)]:
        if facts.bodies:
            body = facts.bodies[-1] if facts is not f else facts.bodies[0]
            return view.body_meant(facts.sentence.index, body)
    return None


def _canonical(name: str) -> str:
    key = name.lower()
    aliases: dict[str, str] = words("policy_change")["term_aliases"]
    return aliases.get(key, key)


def _trim(run: str) -> str:
    return _trailing_date().sub("", _LEADING_THE.sub("", run.strip())).strip()


def _is_body(f: Facts, start: int, end: int) -> bool:
    return any(b.start <= start and end <= b.end for b in f.bodies)
