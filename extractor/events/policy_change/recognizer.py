"""Policy changes: measures by governments, regulators and central banks."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from extractor.contract import Located
from extractor.datafiles import load_json
from extractor.events.common import clauses, occurrences, sentence_date
from extractor.events.draft import Draft
from extractor.events.key import content_words, table_topic
from extractor.events.policy_change.chains import chain_items
from extractor.events.policy_change.dating import lead_act_day, measure_date, report_day
from extractor.events.policy_change.issuers import (
    article_rate_setter,
    body_head_last,
    body_meant,
    issuer_in,
    issuer_of_verb,
    joint_end,
    known_by_place,
    named_bodies,
    named_rate_setter,
    names_a_place,
    official_acting,
    pattern_bodies,
    place_acting,
    rate_setter_of_place,
)
from extractor.events.policy_change.model import PolicyChangeFields
from extractor.facts.analysis import ArticleView, Facts, OrgRef
from extractor.facts.lexicon import PhraseSet, phrases, roles, words
from extractor.facts.patterns import REGEX_TIMEOUT, alternation, untimed

_LEADING_DETERMINER = regex.compile(r"^(?:that\s++|to\s++)?(?:an?|the)\s++")
_LEADING_THE = regex.compile(r"^(?:The|the)\s++")
_QUOTED = untimed(
    "policy_change.quoted",
    regex.compile(r"""(?:(?<!\w)['‘]|["“《])(?P<name>[^'"‘’“”《》\n]{4,160}?)(?:['’](?!\w)|["”》])"""),
)
#: a word of a title: capitalised, a year, or a small word before a capitalised one, 'the' allowed between them
#: ('Notice on Adjustment on the Supervisory Ratio', 'Regulation for the Adverse Reaction Monitoring of Cosmetics')
_TITLE_WORD = (
    r"(?:\p{Lu}[\w'’&-]*+|\d{4}|\d{1,3}[A-Z]|(?:of|for|on|and|to|the|in|with|about)(?=\s++(?:the\s++)?\p{Lu}))"
)
#: a title opens on a capitalised word or a year and ends on one, never on a small word ('to the Rules of the Exchange')
_TITLE_END = r"(?:\p{Lu}[\w'’&-]*+|\d{4}|\d{1,3}[A-Z])"
_TITLED = regex.compile(rf"(?:\p{{Lu}}[\w'’&-]*+|\d{{4}})(?:\s++{_TITLE_WORD}){{0,11}}\s++{_TITLE_END}")
#: '(the "Listing Rules")': a filing's defined term, a short name for what it cited, not news of a measure
#: '(hereinafter referred to as "China Reform")': the same, in a filing's longer wording
_DEFINES = regex.compile(
    r"[(（]\s*+(?:collectively\s++)?(?:(?:hereinafter|hereafter)\s++)?(?:(?:referred\s++to|called)\s++as\s++)?"
    r"(?:(?<=[(（]\s*+(?:collectively\s++)?)the\s++|(?<=as\s++)(?:the\s++)?|(?<=after\s++)(?:the\s++)?)[\"“'‘]?$",
    regex.I,
)
#: how far before a name the opening bracket of its definition may stand
DEFINES_REACH = 40


#: '... its employment and inflation objectives,': a quotation closed by a comma or a full stop ends a sentence of speech
_SPOKEN_END = regex.compile(r"[,.!?]\s*+$")
#: a quotation whose words are capitalised less often than this is running speech, not a title
TITLE_CAPITALS = 0.5


def _speech(quoted: str) -> bool:
    """'“The committee agreed that a lower rate is necessary,” the bank said': a quotation that ends as a sentence of
    speech ends and is written in running text (most words lower-case) is what someone said, not a measure's title; so
    is a phrase quoted from a speech or a resolution that opens lower-case ('on "building a long-term mechanism for
    ..."')."""
    words_ = regex.findall(r"\p{L}[\p{L}'’-]*+", quoted)
    capitals = sum(w[0].isupper() for w in words_)
    running = capitals < TITLE_CAPITALS * len(words_)
    opens_lower = bool(words_) and words_[0][0].islower()
    return running and (_SPOKEN_END.search(quoted) is not None or opens_lower)


def _defined(text: str, start: int) -> bool:
    """A name a filing defines as a short term for what it cited ('(the "Listing Rules")', '(hereinafter referred to as
    "China Reform")'): no news of a measure."""
    return _DEFINES.search(text, max(0, start - DEFINES_REACH), start) is not None


def _defined_terms(view: ArticleView) -> frozenset[str]:
    """The short terms the article defines for what it names ('(hereinafter referred to as the "New List")'), case
    aside: used again further on, such a term refers back to the measure named at its definition, no new one."""

    def build() -> frozenset[str]:
        """The defined terms, read once per article."""
        text = view.article.text
        return frozenset(
            m.group("name").strip().casefold() for m in _QUOTED.finditer(text) if _defined(text, m.start())
        )

    return view.kept("policy_defined_terms", build)


@cache
def _citation() -> regex.Pattern[str]:
    """'in accordance with Chapter VII of the | ', 'partly based on | ': a name after a words.json citation_leads phrase,
    a few words allowed between, is an existing rule the text cites, not a measure."""
    leads = alternation(words("policy_change")["citation_leads"], space=r"\s++")
    return regex.compile(rf"(?i)\b(?:{leads})\s++(?:the\s++)?(?:[\w’'()-]++\s++){{0,4}}?$")


#: how far before a name a citation's words may stand
CITATION_REACH = 60


def _cited(text: str, start: int) -> bool:
    """A name the text cites as the ground of something ('based on China's Foreign Trade Law')."""
    return _citation().search(text, max(0, start - CITATION_REACH), start) is not None


#: where the description of a measure ends: a clause mark, a relative or participial phrase after a comma
_OBJECT_END = regex.compile(
    r"[;:!?]|,\s*+(?:which|who|while|whereas|as|after|before|saying|according|[a-z]+ing)\b|\s[—–-]\s|\.(?:\s|$)"
    # '... with more stable expectations,” a deputy director said': the end of a quotation
    r"|[,.][”\"]"
    # ', the Monetary Authority announced today': the source of the sentence, after its report
    r"|,\s*+(?:[\w'’.()-]++\s++){1,8}?(?:said|says|announced|announces|told|added|stated|according)\b"
    # ', aimed at ...', ', and would further ...': a purpose or a second predicate after the object
    r"|,\s*+(?:aimed|designed|intended|meant|and)\b"
)
MAX_DESCRIPTION_WORDS = 25
#: '... released by the Ministry': the words between a verb and the body doing it in the passive
_BY = regex.compile(r"\s++by\s++(?:the\s++)?")


@cache
def _measure_before() -> regex.Pattern[str]:
    """'an action plan jointly', 'the guideline was jointly': the measure named before a passive verb, after its
    determiner, without the passive's auxiliaries."""
    auxiliaries = alternation(words("policy_change")["predicate_openers"])
    return regex.compile(
        r"\b(?:an?|the|its|their|this|new)\s++(?P<measure>(?:[\w'’-]++\s++){1,8}?)"
        rf"(?:(?:{auxiliaries})\s++){{0,2}}(?:(?:jointly|recently|newly|officially)\s++)?$",
        regex.I,
    )


#: 'to impose the duty', 'the guideline was': a definite determiner before a measure noun that stands alone
_DEFINITE_BEFORE = regex.compile(r"\b(?:the|this|these|such)\s++$", regex.I)
#: how far before a measure noun its determiner is looked for
DEFINITE_REACH = 12


@cache
def _modifier_word() -> str:
    """A word that may modify a measure noun: any word but the stops that end a measure's phrase (words.json
    measure_stops)."""
    return rf"(?!(?:{alternation(words('policy_change')['measure_stops'])})\b)[\w'’-]++"


@cache
def _mention(noun: str) -> regex.Pattern[str]:
    """'an anti-dumping duty', 'A financial support guideline': a measure noun with its modifiers, after a lead."""
    return regex.compile(
        rf"(?i)\b(?:{alternation(words('policy_change')['measure_leads'])})\s++"
        rf"(?P<measure>(?:{_modifier_word()}\s++){{1,{MAX_MODIFIERS}}}?{regex.escape(noun)})(?![\w-])"
    )


@cache
def _predicate_start() -> regex.Pattern[str]:
    """' has been issued', ' was adopted': where a predicate opens after a measure's phrase."""
    return regex.compile(rf"(?i)\s(?:{alternation(words('policy_change')['predicate_openers'])})\b")


def _antecedent(view: ArticleView, f: Facts, lo: int, hi: int, name: str) -> str:
    """'the ministry will decide whether to impose the levy' -> 'carbon border levy on imported cement ...': a
    measure noun alone after a definite determiner refers back to the latest earlier sentence that names that noun
    with its modifiers, whose phrase (to its predicate or the end of the object) is the measure's name; the name as it
    stands when no earlier sentence does."""
    if name.lower() not in words("policy_change")["measure_nouns"]:
        return name
    at = next((start for start, _ in occurrences(f.text[lo:hi], name, standalone=True)), None)
    if at is None or _DEFINITE_BEFORE.search(f.text, max(0, lo + at - DEFINITE_REACH), lo + at) is None:
        return name
    pattern = _mention(name.lower())
    for earlier in reversed([g for g in view.facts if g.sentence.index < f.sentence.index]):
        mentions = list(pattern.finditer(earlier.text, timeout=REGEX_TIMEOUT))
        if not mentions:
            continue
        text, start = earlier.text, mentions[-1].start("measure")
        ends = [m.start() for m in (_OBJECT_END.search(text, start), _predicate_start().search(text, start)) if m]
        return " ".join(text[start : min(ends, default=len(text))].strip(" ,").split()[:MAX_DESCRIPTION_WORDS])
    return name


def _headed_by_no_measure(run: str) -> bool:
    """'... Connect Innovative Drug Index': a title-cased name whose last word is one of words.json act_not_heads (an
    index, a survey, statistics) names that thing, whatever measure's word stands inside it."""
    return run.split()[-1].casefold() in {w.casefold() for w in words("policy_change")["act_not_heads"]}


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


@cache
def _triggers() -> PhraseSet:
    """The words that make a sentence worth reading for a measure: its keywords and terms, measure nouns, rates, the
    verbs that are a measure in themselves ('banned'), and the places that act in their own names ('Shanghai will
    launch a fund')."""
    table = words("policy_change")
    return PhraseSet.of(
        [
            *table["keywords"],
            *table["terms"],
            *table["measure_nouns"],
            *table["rate_terms"],
            *table["object_verbs"],
            *table["places"],
            *table["local_places"],
        ]
    )


class PolicyRecognizer:
    """A measure, named (quoted, title-cased, a known term) or described after its issuer's verb."""

    def extract(self, view: ArticleView) -> list[Draft[PolicyChangeFields]]:
        """Drafts of policy changes, one per clause naming a measure."""
        drafts = []
        triggers = _triggers()
        heads = phrases("policy_change", "body_heads", ignore_case=False)
        for f in view.facts:
            text = f.text
            if not (triggers.search(text) or f.bodies or heads.search(text)):
                continue  # no measure's word, and no body known or of a body's form ('the Directorate General of ...')
            for opens, hi in clauses(f):
                lo = _after_lead(text, opens, hi)
                chained = self._chain(view, f, lo, hi)
                if chained:
                    drafts.extend(chained)
                    continue
                for start, end in _predicates(text, lo, hi):
                    draft = self._read_clause(view, f, start, end, lo)
                    if draft is not None:
                        drafts.append(draft)
        return _borne_out(view, _fold_summaries(view, _unreferred_dropped(drafts)))

    @staticmethod
    def _chain(view: ArticleView, f: Facts, lo: int, hi: int) -> list[Draft[PolicyChangeFields]]:
        """One draft per measure of a chain of infinitives after a body's verb of deciding ('the State Council
        decided to cut taxes on small firms and to extend the subsidy for electric cars'); none without a body."""
        items = chain_items(f.text, lo, hi, _OBJECT_END, MAX_DESCRIPTION_WORDS)
        if not items:
            return []
        issuer, _ = issuer_of_verb(view, f, lo, hi, items[0].verb_start, items[0].verb_end)
        if issuer is None:
            return []
        date = measure_date(view, f, lo, hi)
        return [
            Draft(
                "policy_change",
                {
                    "issuer": known_by_place(view, issuer),
                    "policy": item.description,
                    "action": _document_action(item.description, item.action),
                },
                [f.sentence.index],
                date,
                f.sentence.headline,
                {_canonical(item.description)},
                signals=3,
            )
            for item in items
        ]

    def _read_clause(
        self, view: ArticleView, f: Facts, lo: int, hi: int, subject_lo: int
    ) -> Draft[PolicyChangeFields] | None:
        """The measure of the predicate text[lo:hi], whose subject may stand before it from `subject_lo` on (a verb
        joined by 'and' to an earlier one shares its subject: 'the meeting deliberated | and adopted guidelines')."""
        if phrases("policy_change", "ruled_out").search(f.text, lo, hi) is not None:
            return None  # 'no chance the FOMC hikes': a measure that will not come
        names = [n for n in self._names(f, lo, hi) if n.casefold() not in _defined_terms(view)]
        hold = _rate_hold(f.text, lo, hi)
        acting = roles("policy_change", "actions").phrases.search(f.text, lo, hi) is not None
        if not names and hold is None and not acting and _body_measure(f, named_bodies(f, lo, hi), lo, hi) is None:
            return None  # neither a measure's name nor a verb of acting on one, nor a rate kept where it is
        if _history(f.text, lo, hi) or _told_as_cause(f.text, lo, hi, hold) or _conceded(f.text, lo, hi):
            return None  # 'the RBI had slashed ...', 'raised rates seven times', 'fell as the Fed raised rates': background
        issuer, bodies, spoken = issuer_in(view, f, lo, hi)
        if not spoken and subject_lo < lo:
            issuer, _, spoken = issuer_in(view, f, subject_lo, lo)  # the subject of the first verb
        if not spoken:
            issuer = _official_of_first_verb(f, subject_lo, lo, hi)
        action = self._action(f, lo, hi, names)
        if action is None and names and hold is not None:
            action = hold[0]  # 'kept its policy rate unchanged': the named rate is held
        elif hold is not None and _held_first(f.text, lo, hi, action):
            action = hold[0]  # 'kept its rate steady, having lowered it in June': the hold is the clause's news
        moved = action in words("policy_change")["rate_actions"]
        if names and not moved and _forecast(_nominal_action(names) or "", f.text, lo, hi):
            return None  # 'the high probability of a rate cut in September': named, hedged, and no verb moves it
        if action is None and names and _dated_to_day(f, lo, hi):
            action = _nominal_action(names)  # 'made its first interest rate cut on Thursday'
        if action is None and not bodies:
            issuer = None  # 'the Chinese government's Five-Year Plan': a description, and no act, is background
        described: tuple[str | None, str] | None = None
        summary = False  # a measure only described by its noun ('published their package'), which a name may tell
        if not names and (rate := _rate_decision(f.text, lo, hi) or hold) is not None:
            action, name = described = rate
            names = [name]
            if issuer is None:
                issuer = _body_in_context(view, f, rate=True) or _unnamed_rate_setter(view, f, lo, name)
        if action in words("policy_change")["rate_actions"] and names and _of_a_rate(names[0]):
            issuer = _rate_setter_acting(view, f, subject_lo, lo, hi) or issuer or _body_in_context(view, f, rate=True)
            issuer = issuer or _unnamed_rate_setter(view, f, lo, names[0])  # 'the loan prime rate was lowered'
        if not names and bodies:
            described = self._description(view, f, bodies, hi) or self._passive(f, bodies, lo)
            if described is not None and _forecast(described[0], f.text, lo, hi):
                return None
        if not names and described is None:
            # the first verb of the clause with a measure for its object and a body behind it: 'After imposing a
            # duty on rice, the government has banned ...' is read at 'banned' when nobody stands behind 'imposing'
            named_issuer = issuer
            for action, name, verb, after in _measure_objects(f, lo, hi):
                issuer, spoken = issuer_of_verb(view, f, subject_lo, hi, verb, after)
                if issuer is None and not spoken and not _acting_company(f, lo, hi):
                    issuer = _body_in_context(view, f)
                if issuer is not None or spoken:
                    described = action, name
                    summary = True
                    break
            else:
                described = _body_measure(f, bodies, lo, hi)  # 'according to a State Council circular on Nov 16'
                issuer = named_issuer
                if described is None and not bodies:
                    acted = _place_described(view, f, lo, hi)  # 'Ruritania City will launch a 5 billion fund'
                    if acted is not None:
                        issuer, described = acted[0], (acted[1], acted[2])
                if described is None and _dated_to_day(f, lo, hi):
                    described = _passive_subject(f, lo, hi)  # 'All limits on home purchases were lifted on Monday'
                    issuer = issuer or _body_in_context(view, f)
                if described is None:
                    return None  # 'the company released a plan': a measure needs a body behind it
        if described is not None and _hedged_move(described[1]):
            return None  # 'officials at the central bank have started to raise rates': a hedged move, described
        if described is not None and not names:
            action, name = described
            names = [name]
        if described is not None:
            names[0] = _antecedent(view, f, lo, hi, names[0])
        if not names or _forecast_object(names[0]):
            return None  # 'revised its GDP estimate': a forecast revised, not a measure
        # an unattributed, undated mention of a measure is background, not news; but a body described acting in the
        # present perfect in the article's body ('the federal government has imposed a 40 percent tax') is news of
        # the day even where the article names no body
        if (
            issuer is None
            and (action is None or sentence_date(f, lo, hi) is None)
            and not (spoken and action is not None and _perfect_news(view, f, lo, hi))
        ):
            return None
        if action is None and described is None and not self._named(f, lo, hi):
            return None
        policy = names[0] if described is not None else _moved_term_described(f.text, lo, hi, names[0])
        fields: PolicyChangeFields = {
            "issuer": known_by_place(view, issuer),
            "policy": policy,
            "action": _future_act(f.text, lo, hi, _document_action(policy, _specific_action(policy, action))),
        }
        keys = {_canonical(n) for n in names}
        date = measure_date(view, f, lo, hi) or _perfect_news(view, f, lo, hi) or report_day(view)
        return Draft(
            "policy_change",
            fields,
            [f.sentence.index],
            date,
            f.sentence.headline,
            keys,
            signals=1 + (issuer is not None) + (action is not None),
            subject=_SUMMARY if summary else None,
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
            and text[h[0] - 1 : h[0]] != "-"
            and _DETERMINER_BEFORE.search(text, lo, h[0]) is None  # 'a lower opening': an adjective
        ]
        if all(_ADVERBED_BEFORE.search(text, lo, h[0]) is not None for h in hits):
            hits = []  # 'on the newly passed law': a participle qualifying a noun, and no verb of the clause acts
        if spans:  # 'The rate cut offers relief to savers, who face tax increases': an act told of someone else
            aside = _RELATIVE_ASIDE.search(text, lo + min(b for _, b in spans), hi)
            hits = [h for h in hits if aside is None or h[0] < aside.start()]
        if hits:
            after = hits[0][1]
            for m in _RELATIVE.finditer(text, after, hi):
                if m.group().lower() != "that" or len(text[after : m.start()].split()) >= RELATIVE_THAT_MIN_WORDS:
                    hits = [h for h in hits if h[0] < m.start()]
                    break
        generic = set(words("policy_change")["generic_actions"])
        specific = [h for h in hits if h[2] not in generic]
        chosen = specific or hits
        if not chosen:
            return None
        moved = _decided_move(text, chosen[0], hits)
        return moved if moved is not None else chosen[0][2]

    @staticmethod
    def _named(f: Facts, lo: int, hi: int) -> bool:
        return any(
            phrases("policy_change", "keywords").search(m.group("name"))
            and not _defined(f.text, m.start())
            and not _speech(m.group("name"))
            for m in _QUOTED.finditer(f.text, lo, hi)
        )

    @staticmethod
    def _description(view: ArticleView, f: Facts, bodies: list[Located[OrgRef]], hi: int) -> tuple[str, str] | None:
        """'[the NMPA] issued an announcement on optimizing ...' -> ('issued', 'announcement on optimizing ...'); the
        verb follows the first body or those joined to it ('the PBC and the SAFE decide to lower ...')."""
        text = f.text
        lead = _acts_after_body().match(text, joint_end(view, f, bodies), hi)
        if lead is None:
            return None
        hits = roles("policy_change", "actions").hits(text, lead.end(), hi)
        if not hits or hits[0][0] != lead.end():
            return None
        start, end, action = hits[0]
        if action in words("policy_change")["no_description_actions"] or _measure_object_form(text[start:end]):
            return None  # "the FDA approved ...": product approvals are not policy; 'took office' is no measure
        span = _time_phrase().match(text, end, hi)  # 'extended for another six months the ban on ...'
        opens = span.end() if span else end
        measure = _measure_pattern().match(text, opens, hi, timeout=REGEX_TIMEOUT) if span else None
        opens = measure.start("measure") if measure is not None else opens  # '... 2026 several policies': the measure
        stop = _OBJECT_END.search(text, opens, hi)
        obj = text[opens : stop.start() if stop else hi].strip(" ,")
        obj_words = obj.split()
        if _company_owned(f, opens, hi):
            return None  # 'the bourse approved Acme Ltd's circular on a disposal': a company's paper, no measure
        if len(obj_words) < 2 or obj[:1].isdigit():
            return None  # 'HKEX decreased 0.84 percent': a figure moving is no measure
        obj = " ".join(obj_words[:MAX_DESCRIPTION_WORDS])
        obj = _LEADING_DETERMINER.sub("", obj)
        if not _moves_a_measure(obj):
            return None  # 'raised questions about contagion', 'extended its losses': nothing a measure sets
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
                measure = _measure_before().search(text, lo, start)
                if measure and phrases("policy_change", "keywords").search(measure.group("measure")) is not None:
                    return action, measure.group("measure").strip()
        return None

    @staticmethod
    def _names(f: Facts, lo: int, hi: int) -> list[str]:
        """Names of measures in the clause: quoted titles first, then title-cased names, then terms."""
        text = f.text
        names = []
        for m in _QUOTED.finditer(text, lo, hi):
            name = m.group("name")
            cited = _defined(text, m.start()) or _cited(text, m.start())
            if phrases("policy_change", "keywords").search(name) and not cited and not _speech(name):
                names.append(name.strip())
        if not f.sentence.headline:
            for m in _TITLED.finditer(text, lo, hi, timeout=REGEX_TIMEOUT):
                run = _trim(m.group())
                if (
                    phrases("policy_change", "keywords").search(run)
                    and len(run.split()) > 1
                    and not any(run in n or n in run for n in names)
                    and not _is_body(f, m.start(), m.end())
                    and not _defined(text, m.start())
                    and not _cited(text, m.start())
                    and not _bracketed(text, m.start(), m.end())
                    and run.split()[-1].lower() not in words("policy_change")["measure_not_before"]
                    and not _headed_by_no_measure(run)
                ):
                    names.append(run)
        for hit in phrases("policy_change", "terms").finditer(text, lo, hi):
            if not any(hit.group().lower() in n.lower() for n in names):
                names.append(hit.group())
        return [n for n in names if n]


#: capitalised words that may name a rate before its head ('the Central Borrowing Rate', 'its Overnight Policy Rate')
TITLED_RATE_WORDS = 3


@cache
def _titled_rate() -> str:
    """'the Central Borrowing Rate': a rate named by its title, a determiner, one to TITLED_RATE_WORDS capitalised words
    and a words.json rate_heads noun written with a capital; the determiner keeps a title-cased headline out."""
    heads = alternation(h.capitalize() for h in words("policy_change")["rate_heads"])
    return rf"(?<=\b(?i:the|its|their)\s++)(?-i:(?:\p{{Lu}}[\w'’-]*+\s++){{1,{TITLED_RATE_WORDS}}}(?:{heads}))"


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
    rates = f"{alternation(table['rate_terms'])}|{_titled_rate()}"
    gap = r"(?:(?:[\w'’%.,-]++|[(（][^()（）]{1,30}[)）])\s++){0,6}?"
    active = regex.compile(rf"(?i)\b(?P<verb>{alternation(verb_action)})\s++{gap}(?P<rate>{rates})\b")
    passive = regex.compile(
        rf"(?i)\b(?P<rate>{rates})\b\s++{gap}(?:(?:will|would|to)\s++(?:also\s++)?be|was|were|is|are|has\s++been"
        rf"|have\s++been)\s++(?:also\s++)?(?P<verb>{alternation(past)})\b"
    )
    hedges = regex.compile(rf"(?i)\b(?:{alternation(table['rate_hedges'])})\b")
    return active, passive, hedges, verb_action


def _rate_decision(text: str, lo: int, hi: int) -> tuple[str, str] | None:
    """'[it] raises its policy rate by 50bp, from 2% to 2.5%' -> ('raised', 'raises its policy rate by ...'):
    a rate or ratio moved in the clause, wherever the verb stands, unless the clause hedges it as a forecast."""
    active, passive, _, verb_action = _rate_patterns()
    found = [m for m in (active.search(text, lo, hi), passive.search(text, lo, hi)) if m is not None]
    if not found:
        return None
    m = min(found, key=lambda x: x.start())
    if _forecast(verb_action[m.group("verb").lower()], text, lo, hi) or _gerund_noun(text, lo, m.start("verb")):
        return None
    stop = _OBJECT_END.search(text, m.end(), hi)
    description = " ".join(text[m.start() : stop.start() if stop else hi].strip(" ,").split()[:MAX_DESCRIPTION_WORDS])
    return verb_action[m.group("verb").lower()], description


@cache
def _gerund_lead() -> regex.Pattern[str]:
    """'talk of | ', 'back from | ': a words.json gerund_leads preposition right before a verb, unless a noun of
    deciding stands before it ('the decision on | ': decision_nouns)."""
    table = words("policy_change")
    return regex.compile(
        rf"(?i)(?<!\b(?:{alternation(table['decision_nouns'])})\s++)\b(?:{alternation(table['gerund_leads'])})\s++$"
    )


def _hedged_move(description: str) -> bool:
    """A description whose own words hedge the move of a rate or ratio they tell ('started to raise interest rates',
    'began to cut rates': a rate_hedges phrase before the move's verb): an ongoing process or a wish, which the rate
    reading turned down, is no measure when a verb before it ('started') carries it instead."""
    active, passive, _, _ = _rate_patterns()
    m = active.search(description) or passive.search(description)
    return m is not None and _hedged(description, 0, m.start("verb"))


def _gerund_noun(text: str, lo: int, verb: int) -> bool:
    """'the Fed's talk of hiking interest rates', 'holds the bank back from cutting rates': a move in its -ing form
    after a preposition is a noun, the topic of something else, not a decision."""
    word = regex.match(r"\w++", text[verb:])
    return (
        word is not None and word.group().lower().endswith("ing") and _gerund_lead().search(text, lo, verb) is not None
    )


@cache
def _hold_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A rate kept where it is, in the active ('left its key rate unchanged') and the passive ('the repo rate was kept
    at 6.25 percent'; words.json hold_verbs, rate_terms, hold_marks)."""
    table = words("policy_change")
    verbs = alternation(table["hold_verbs"])
    rates = alternation(table["rate_terms"])
    marks = alternation(table["hold_marks"], space=r"\s++")
    gap = r"(?:(?:[\w'’%.,-]++|[(（][^()（）]{1,30}[)）])\s++){0,6}?"
    near = r"(?:[\w'’-]++\s++){0,2}?"
    active = regex.compile(rf"(?i)\b(?P<verb>{verbs})\s++{gap}(?P<rate>{rates})\b\s++{near}(?:{marks})\b")
    passive = regex.compile(
        rf"(?i)\b(?P<rate>{rates})\b\s++{gap}(?:(?:will|would|to)\s++be|was|were|is|are|has\s++been|have\s++been)"
        rf"\s++(?P<verb>{verbs})\s++(?:{marks})\b"
    )
    return active, passive


def _rate_hold(text: str, lo: int, hi: int) -> tuple[str, str] | None:
    """'[it] decided to maintain its benchmark interest rate unchanged at 6 percent' -> ('held', 'maintain its
    benchmark ...'): a rate kept where it is, unless the clause hedges it as a forecast."""
    found = [m for m in (p.search(text, lo, hi) for p in _hold_patterns()) if m is not None]
    if not found:
        return None
    aside = _RELATIVE_ASIDE.search(text, lo, hi)
    if _hedged(text, lo, aside.start() if aside is not None else hi):
        return None
    m = min(found, key=lambda x: x.start())
    stop = _OBJECT_END.search(text, m.end(), hi)
    description = " ".join(text[m.start() : stop.start() if stop else hi].strip(" ,").split()[:MAX_DESCRIPTION_WORDS])
    return words("policy_change")["hold_action"], description


def _held_first(text: str, lo: int, hi: int, action: str | None) -> bool:
    """A rate kept where it is, told before the move the clause also names ('held its rate at 4%, after cutting it in
    March', 'maintained the rate, saying there was no need to cut') or after a move told in a gerund ('After cutting
    rates in March, it kept ...'), or decided on ('decided to hold its rate'): the hold is the act, the move its
    background."""
    if action == words("policy_change")["hold_decision"]:
        return True
    if action not in words("policy_change")["rate_actions"]:
        return False
    holds = [m.start("verb") for p in _hold_patterns() if (m := p.search(text, lo, hi)) is not None]
    moves = [h for h in roles("policy_change", "actions").hits(text, lo, hi) if h[2] == action]
    if not holds or not moves:
        return False
    # a move told before the hold only in a gerund ('After cutting rates in March, it kept ...') is background too
    return all(h[0] > min(holds) or text[h[0] : h[1]].endswith("ing") for h in moves)


@cache
def _measure_pattern() -> regex.Pattern[str]:
    """What may follow an action verb to name a measure by description: leads ('a series of'), a few modifiers, and a
    measure noun ('new regulations', 'a notice', 'export controls')."""
    table = words("policy_change")
    leads = alternation(table["measure_leads"])
    nouns = alternation(table["measure_nouns"])
    #: a word, a percentage ('a 40% windfall tax') or a bracketed aside
    modifier = rf"(?:{_modifier_word()}|\d[\d.,]*+%|[(（][^()（）]{{1,30}}[)）])"
    amount = r"(?:\p{Sc}\s*+)?\d[\d.,]*+(?:[\s-]++[\p{L}]++){0,2}?\s++of"  # '500 billion yuan of'

    not_before = alternation(table["measure_not_before"])
    return regex.compile(
        rf"(?i)\s++(?:(?:{leads}|{amount})\s++)*+(?P<measure>(?:{modifier}\s++){{0,{MAX_MODIFIERS}}}?(?:{nouns}))(?![\w-])"
        rf"(?!\s++(?:{not_before})\b)"
    )


@cache
def _measure_hedge() -> regex.Pattern[str]:
    """'departments should introduce measures': a measure asked for or guessed at, before its verb."""
    return regex.compile(rf"(?i)\b(?:{alternation(words('policy_change')['measure_hedges'])})\b")


@cache
def _time_phrase() -> regex.Pattern[str]:
    """' until the end of 2024', ' for another six months': a span of time between a verb and its object, opened by a
    `time_openers` word and closed by a year or a `time_heads` word within a few words."""
    table = words("policy_change")
    dates = load_json("date_words.json")
    heads = alternation([*table["time_heads"], *(m.capitalize() for m in dates["months"])])
    return untimed(
        "policy_change.time_phrase",
        regex.compile(
            rf"\s++(?i:{alternation(table['time_openers'])})\s++(?:[\w'’-]++\s++){{0,4}}?(?:(?:19|20)\d\d|{heads})\b,?"
        ),
    )


#: 'banned the export of rice': the fewest words, verb included, of a measure an object_verbs verb names
MIN_OBJECT_WORDS = 3
#: words a measure noun may have before it: 'sweeping new regulations', 'home appliance trade-in subsidy circular'
MAX_MODIFIERS = 4


def _measure_objects(f: Facts, lo: int, hi: int) -> Iterator[tuple[str, str, int, int]]:
    """'[the meeting] deliberated and adopted guidelines on the planning of affordable housing' -> ('approved',
    'guidelines on the planning of affordable housing', where the verb starts, where the object ends): each action
    verb of the clause whose object is a measure noun, in order, wherever the body stands; the object runs to the end
    of its phrase. A verb after a determiner is an adjective ('the revised regulations')."""
    text = f.text
    for start, end, action in roles("policy_change", "actions").hits(text, lo, hi):
        if _DETERMINER_BEFORE.search(text, lo, start) is not None or _ADVERBED_BEFORE.search(text, lo, start):
            continue
        span = _time_phrase().match(text, end, hi)  # 'extended until 2024 the policies'
        m = _measure_pattern().match(text, span.end() if span else end, hi, timeout=REGEX_TIMEOUT)
        hedge = any(not _capitalised_inside(text, h.start()) for h in _measure_hedge().finditer(text, lo, start))
        if _forecast(action, text, lo, hi) or hedge:
            continue
        if m is not None and _company_owned(f, m.start("measure"), hi):
            continue  # 'approved Acme Ltd's circular on a disposal': a company's paper
        if m is not None:
            stop = _OBJECT_END.search(text, m.end("measure"), hi)
            after = stop.start() if stop else hi
            obj = text[m.start("measure") : after].strip(" ,")
        elif _acting_object(text, start, end):
            stop = _OBJECT_END.search(text, end, hi)  # 'banned the export of broken rice': the verb is the measure
            after = stop.start() if stop else hi
            obj = f"{text[start:end]} {_LEADING_DETERMINER.sub('', text[end:after].strip(' ,'))}"
            if len(obj.split()) < MIN_OBJECT_WORDS:
                continue
        else:
            continue
        yield action, " ".join(obj.split()[:MAX_DESCRIPTION_WORDS]), start, after


#: '12 points', '0.5 percent': a figure opening an object that is a market's move, not a measure's
_MOVE_FIGURE = regex.compile(r"(?i)[\d.,]++\s*+(?:%|pc\b|pct\b|per\s*+cent\b|percent\b|(?:basis\s++)?points?\b|bps?\b)")


#: 'stocks in | Tokyo', 'trade with | China': a preposition before a place makes it no subject
_PLACE_IN = regex.compile(r"\b(?:in|at|from|to|with|across|into|for|on|than|like)\s++(?:the\s++)?$", regex.I)
#: 'ended | on May 18', 'increased | by $1 billion', 'placed | it under sanctions': a verb with no object of its own,
#: or with a pronoun for one, describes no measure
_OBJECT_NOT_OPENING = regex.compile(
    r"(?i)(?:on|in|at|by|from|since|for|with|as|after|before|during|over|it|them|him|her|us|this|that|to(?!\s++\p{Ll}))\b"
)


@cache
def _day_phrase() -> regex.Pattern[str]:
    """' on Friday', ' today': the day of an act, told between its verb and its object ('announced on Friday to cut')."""
    dates = load_json("date_words.json")
    days = alternation(name.capitalize() for name in dates["weekdays"])
    months = alternation(name.capitalize() for name in dates["months"])
    return regex.compile(rf"\s++(?:on\s++(?:{days}|(?:{months})\s++\d{{1,2}})|today|yesterday)\b,?")


def _measure_object_form(verb: str) -> bool:
    """A verb that acts on a measure only with a measure noun for its object (words.json measure_object_forms)."""
    return verb.lower() in words("policy_change")["measure_object_forms"]


def _object_end(text: str, opens: int, hi: int) -> int:
    """Where an object opening at `opens` ends (_OBJECT_END), passing over a mark inside a bracketed aside ('a fund of
    10 billion yuan (about 1.4 billion U.S. dollars) to ...')."""
    at = opens
    while (stop := _OBJECT_END.search(text, at, hi)) is not None:
        shut = text.find(")", stop.start(), hi)
        if text.count("(", opens, stop.start()) <= text.count(")", opens, stop.start()) or shut < 0:
            return stop.start()
        at = shut + 1
    return hi


def _place_described(view: ArticleView, f: Facts, lo: int, hi: int) -> tuple[str, str, str] | None:
    """'Ruritania City has added 5,000 taxi permits to its yearly quota' -> (issuer, 'introduced', 'added 5,000 taxi
    permits to its yearly quota'): a place or an official by title standing as the subject right before the clause's
    first action verb acts in its own name, and the verb's object, whatever its noun, describes the measure; the issuer
    is the one issuer_of_verb reads (the body the article names for a country)."""
    text = f.text
    hit = _first_action(f, lo, hi)
    if hit is None:
        return None
    start, end, action = hit
    if action in words("policy_change")["no_description_actions"] or _forecast(action, text, lo, hi):
        return None
    if _measure_object_form(text[start:end]):
        return None  # 'China took a stake': a verb that names a measure only by a measure noun
    who = official_acting(f, lo, start) or place_acting(f, lo, start)
    at = text.rfind(who, lo, start) if who else -1
    if who is None or at < 0 or "," in text[at + len(who) : start] or _PLACE_IN.search(text, lo, at) is not None:
        return None  # 'stocks in Tokyo extend ...', 'rights in China, also agreed': the place is no subject
    if any(not _capitalised_inside(text, h.start()) for h in _measure_hedge().finditer(text, lo, start)):
        return None  # 'China should cut ...': asked for, not done
    span = _time_phrase().match(text, end, hi) or _day_phrase().match(text, end, hi)
    opens = span.end() if span else end
    after = _object_end(text, opens, hi)
    obj = _LEADING_DETERMINER.sub("", " ".join(text[opens:after].strip(" ,").split()[:MAX_DESCRIPTION_WORDS]))
    if len(obj.split()) < 2 or _MOVE_FIGURE.match(obj) or not _moves_a_measure(obj) or _OBJECT_NOT_OPENING.match(obj):
        return None  # 'Shanghai added 0.4 percent', 'China raised concerns': a market's move or speech
    if obj.split()[0].lower() in words("policy_change")["time_heads"]:
        return None  # 'Ruritania opened the year with ...': a span of time, not a measure
    issuer, _ = issuer_of_verb(view, f, lo, hi, start, after)
    if issuer is None:
        return None
    return issuer, action, f"{text[start:end]} {obj}"


#: 'was suspended', 'have been barred': a passive, whose subject is what the measure acts on; 'controls that have
#: restricted': a relative clause, telling what something else does
_PASSIVE_BEFORE = regex.compile(
    r"\b(?:(?:is|are|was|were|be|been|being)\s++(?:\w+ly\s++)?|(?:that|which|who)\s++(?:\w++\s++){0,2})$", regex.I
)


@cache
def _object_lead() -> regex.Pattern[str]:
    """' the export of', ' exports of': how the object of an object_verbs verb may open."""
    return regex.compile(rf"\s++(?:{alternation(words('policy_change')['object_leads'])})\b")


def _acting_object(text: str, start: int, end: int) -> bool:
    """'[the government has] banned the export of ...': an object_verbs verb in the active voice and not in a relative
    clause, with an object opening as objects do."""
    return (
        text[start:end] in words("policy_change")["object_verbs"]
        and _PASSIVE_BEFORE.search(text, max(0, start - 30), start) is None
        and (_object_lead().match(text, end) is not None or _forbidden_doing(text, start, end))
    )


#: ' major holders from selling': whom a verb of forbidding forbids, a few words, and what, after 'from' in -ing
_FROM_DOING = regex.compile(r"\s++(?:[\w'’-]++\s++){1,4}?from\s++\p{Ll}{2,}+(?<=ing)\b")


def _forbidden_doing(text: str, start: int, end: int) -> bool:
    """'banned major holders from selling shares': a words.json forbidding_verbs verb whose object is the people it
    forbids and the act it forbids them, after 'from'."""
    return text[start:end] in words("policy_change")["forbidding_verbs"] and _FROM_DOING.match(text, end) is not None


#: 'the revised rules', 'a draft announcement', 'the Act, as amended': an action word after a determiner qualifies a noun
_DETERMINER_BEFORE = regex.compile(
    r"(?:\b(?:the|a|an|its|their|this|these|those|his|her|such|of|with|for|on|under|about|including|against|as)\s++|-)$",
    regex.I,
)


#: 'the newly | ', 'a recently | ': a determiner and an adverb in -ly (not a noun in -ly: 'the assembly', 'the supply')
#: right before a participle, which then qualifies the noun after it ('the newly passed law'), unless the clause has
#: no other verb of acting
_ADVERBED_BEFORE = regex.compile(
    r"\b(?:the|a|an|its|their|this|these|those|such|of|on|under|about|including)\s++\p{Ll}{3,}+(?<=ly)(?<![bpio]ly|ally)\s++$",
    regex.I,
)


#: the subject of a draft that only describes its measure by a noun
_SUMMARY = "described"


def _fold_summaries(view: ArticleView, drafts: list[Draft[PolicyChangeFields]]) -> list[Draft[PolicyChangeFields]]:
    """A measure described by its noun ('Chinese authorities published their package yesterday') that a body of the
    same issuer names in the same month ('the NHSA and the NHC issued Several Measures ... on Tuesday') is that named
    measure: its sentence joins the named draft, and bears it out where the name was read only in a headline; not a
    measure told after it as one more ('the ministry also unveiled a plan for ...')."""
    named = [d for d in drafts if d.subject != _SUMMARY]
    kept = []
    for draft in drafts:
        if draft.subject == _SUMMARY:
            same = next((n for n in named if _same_issuer_and_day(draft, n) and not _one_more(view, draft, n)), None)
            if same is not None:
                same.sentences = sorted(set(same.sentences) | set(draft.sentences))
                # a headline's measure that a body sentence describes is borne out by it: news, not a teaser
                same.headline = same.headline and draft.headline
                same.date = same.date or draft.date
                continue
        kept.append(draft)
    return kept


def _one_more(view: ArticleView, earlier: Draft[PolicyChangeFields], later: Draft[PolicyChangeFields]) -> bool:
    """The later draft's sentence tells its measure as one more than those told before it (words.json
    addition_marks: 'also', 'another'), after the earlier draft's sentence: a second measure, not the first again."""
    if later.sentences[0] <= earlier.sentences[0]:
        return False
    text = next((f.text for f in view.facts if f.sentence.index == later.sentences[0]), "")
    return phrases("policy_change", "addition_marks").search(text) is not None


def _same_issuer_and_day(summary: Draft[PolicyChangeFields], named: Draft[PolicyChangeFields]) -> bool:
    """The same issuer (one name within the other), and the same month, or no date for the summary."""
    ia, ib = summary.fields.get("issuer"), named.fields.get("issuer")
    if not (ia and ib and (ia in ib or ib in ia)) or set(summary.sentences) & set(named.sentences):
        return False
    return summary.date is None or (named.date is not None and summary.date[:7] == named.date[:7])


#: the share of a headline measure's content words a body sentence must hold to tell the same measure
BORNE_OUT_SHARE = 0.6
#: the fewest content words of a headline measure that a body sentence is compared with
BORNE_OUT_MIN_WORDS = 3
#: how many body sentences after the headline are read for the measure it names
BORNE_OUT_REACH = 5


def _borne_out(view: ArticleView, drafts: list[Draft[PolicyChangeFields]]) -> list[Draft[PolicyChangeFields]]:
    """A headline's measure that no body draft takes up ('Ruritania imposes levy on imported glass' over 'The
    government has imposed a levy on some imported glass', where no body is named) is news when one of the first body
    sentences, none read as a measure of its own, repeats most of its words: that sentence bears it out, and the draft
    is no longer a headline's alone. (A body measure of the same action or with most of its words, or a sentence read
    as a measure, that did not merge with the headline's tells it under another issuer or name: the headline adds
    nothing; nor does a headline naming a measure with no act.)"""
    from extractor.events.policy_change import same_measure  # the unit's rule of one measure (imports this module)

    body = [d for d in drafts if not d.headline]
    read = {i for d in body for i in d.sentences}  # a sentence a measure was read from tells that measure
    lead = [f for f in view.facts if not f.sentence.headline][:BORNE_OUT_REACH]
    lead = [f for f in lead if f.sentence.index not in read]
    listed = not body and _bulleted_body(view)
    for draft in drafts:
        action = draft.fields.get("action")
        if not draft.headline or action is None or any(same_measure(b, draft) for b in body):
            continue  # taken up by the body, or a name with no act ('"Drug List" makes it into the report')
        issuer = draft.fields.get("issuer")
        if issuer and _document_act(draft) and any(b.fields.get("issuer") == issuer and _document_act(b) for b in body):
            continue  # the body names the measure the same body issued under its own title: the headline adds nothing
        if listed and draft.fields.get("issuer"):
            draft.headline = False  # a wire flash: the headline tells the move, bullets under it what was said
            continue
        wanted = content_words(draft.fields.get("policy") or "")
        if len(wanted) < BORNE_OUT_MIN_WORDS or any(
            b.fields.get("action") == action or _shared(wanted, b.fields.get("policy") or "") for b in body
        ):
            continue  # told by the body under another issuer or name ('China raises ...' over the regulator's move)
        told = next((f for f in lead if _shared(wanted, f.text)), None)
        if told is not None:
            draft.headline = False
            draft.sentences = sorted({*draft.sentences, told.sentence.index})
            draft.date = draft.date or measure_date(view, told, 0, len(told.text))  # the body tells its day
    return drafts


def _document_act(draft: Draft[PolicyChangeFields]) -> bool:
    """A draft whose act is one of issuing or adopting a written measure (words.json generic_actions,
    no_description_actions, document_actions): a rule or a notice, which a headline may name by what it does rather
    than by its title."""
    table = words("policy_change")
    acts = {*table["generic_actions"], *table["no_description_actions"]}
    acts |= {a for pair in table["document_actions"].items() for a in pair}
    return draft.fields.get("action") in acts


#: a line that opens with a bullet mark, up to where its text starts
_BULLET_OPENING = regex.compile(r"(?:^|\n)[ \t]*+[-–•*▪·][ \t]++$")


def _bulleted_body(view: ArticleView) -> bool:
    """Every paragraph of the article's body opens with a bullet mark ('- says the board ...'): a flash whose
    headline tells the news and whose body lists points under it."""
    firsts: dict[int, int] = {}
    for f in view.facts:
        if not f.sentence.headline:
            firsts.setdefault(f.sentence.paragraph, f.sentence.start)
    text = view.article.text
    return bool(firsts) and all(
        _BULLET_OPENING.search(text, max(0, start - BULLET_REACH), start) is not None for start in firsts.values()
    )


#: how far before a paragraph's first sentence its bullet mark may stand
BULLET_REACH = 8


def _shared(wanted: frozenset[str], text: str) -> bool:
    """text holds at least BORNE_OUT_SHARE of the content words wanted."""
    return len(wanted & content_words(text)) >= BORNE_OUT_SHARE * len(wanted)


#: 'and', ', and', 'and also' before a second verb of the same subject
_AND = regex.compile(r"(?:,\s*+|\s++)(?:and|but)\s++(?:also\s++|then\s++)?$")


def _predicates(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The clause cut before each action verb joined to an earlier one by 'and' ('hiked the reserve ratio by 25
    basis points and tightened mortgage terms'): each measure of one subject read on its own."""
    cuts = [lo]
    for start, _, _ in roles("policy_change", "actions").hits(text, lo, hi):
        joined = _AND.search(text, max(lo, start - 12), start)
        if (
            joined is not None
            and joined.start() > cuts[-1]
            and _before_verb(text, cuts[-1], joined.start())
            and _INFINITIVE_BEFORE.search(text, cuts[-1], joined.start()) is None
        ):
            cuts.append(joined.start())
    return list(zip(cuts, [*cuts[1:], hi]))


#: '... to be used to help mortgage holders | and cut taxes': an infinitive and its short object before 'and', which
#: makes the verb after 'and' a second infinitive of that purpose, not a second act of the subject
_INFINITIVE_BEFORE = regex.compile(r"\bto\s++\p{Ll}++\s++(?:[\w'’-]++\s++){0,2}?[\w'’-]++$")


@cache
def _lead_phrase() -> regex.Pattern[str]:
    """'Following the Fed's hike on Wednesday, ': a leading phrase (words.json lead_openers) up to its comma."""
    openers = alternation(words("policy_change")["lead_openers"], space=r"\s++")
    return regex.compile(rf"(?i)\s*+(?:{openers})\s++[^,;:()]{{1,120}}?,\s*+")


def _after_lead(text: str, lo: int, hi: int) -> int:
    """Where a clause's own subject starts after a leading phrase of what came before it ('Following the Fed's hike
    on Wednesday, | the HKMA raised its base rate'): a move that phrase names is the cause of the clause's news, not
    its news, and its body is not the clause's subject; the whole clause where no act of its own follows the phrase
    ('After the bank's cut on Friday, stocks rallied')."""
    m = _lead_phrase().match(text, lo, hi)
    if m is None or not _before_verb(text, m.end(), hi):
        return lo
    return m.end()


def _before_verb(text: str, lo: int, hi: int) -> bool:
    """text[lo:hi] holds an action verb of its own (so that what follows 'and' is a second predicate)."""
    return any(
        _DETERMINER_BEFORE.search(text, lo, s) is None
        for s, _, _ in roles("policy_change", "actions").hits(text, lo, hi)
    )


#: 'decided | on Friday to | raise': what may stand between a verb of deciding and the infinitive it decides on
_TO_INFINITIVE = regex.compile(r"\s++(?:[\w.,'’-]++\s++){0,3}?to\s++")


def _decided_move(text: str, chosen: tuple[int, int, str], hits: list[tuple[int, int, str]]) -> str | None:
    """'decided on Friday to raise its policy rate' -> 'raised': a rate moved by a verb of deciding (words.json
    chain_verbs) is named by its move; None where the decision is not on a move of a rate."""
    if chosen[2] not in words("policy_change")["chain_verbs"]:
        return None
    later = next((h for h in hits if h[0] >= chosen[1]), None)
    if later is None or later[2] not in words("policy_change")["rate_actions"]:
        return None
    return later[2] if _TO_INFINITIVE.fullmatch(text, chosen[1], later[0]) is not None else None


@cache
def _perfect_before() -> regex.Pattern[str]:
    """'has | ', 'have also | ': an auxiliary of the present perfect (words.json perfect_auxiliaries), an adverb allowed
    between it and the verb."""
    auxiliaries = alternation(words("policy_change")["perfect_auxiliaries"])
    return regex.compile(rf"(?i)\b(?:{auxiliaries})\s++(?:(?:also|just|now|again|\w+ly)\s++)?$")


def _perfect_news(view: ArticleView, f: Facts, lo: int, hi: int) -> str | None:
    """The day the article's lead tells the same act on (`lead_act_day`), else the day the article reports its news
    on (`report_day`), else the publication day, for an undated measure told in the present perfect in the article's body ('the Bank of Ruritania has raised its policy rate'); None for a
    headline or another tense."""
    if f.sentence.headline or f.published is None:
        return None
    hits = [
        h
        for h in roles("policy_change", "actions").hits(f.text, lo, hi)
        if _DETERMINER_BEFORE.search(f.text, lo, h[0]) is None
    ]
    if not hits or _perfect_before().search(f.text, max(lo, hits[0][0] - 30), hits[0][0]) is None:
        return None
    return lead_act_day(view, f, hits[0][2]) or report_day(view) or f.published.isoformat()


#: ' were | ', ' has now been | ': the auxiliaries of a passive right before its verb (not 'had been': history)
_PASSIVE_AUXILIARY = regex.compile(
    r"\s(?:is|are|was|were|(?:has|have)\s++(?:\w++\s++)?been|will\s++be)\s++(?:\w+ly\s++)?$", regex.I
)
#: 'A | green lending guideline', 'The | new rules': the article opening a subject
_SUBJECT_ARTICLE = regex.compile(r"^(?:an?|the)\s++", regex.I)
#: how many words the subject of a passive measure may have
MAX_SUBJECT_WORDS = 12


def _passive_subject(f: Facts, lo: int, hi: int) -> tuple[str, str] | None:
    """'All the earlier limits on home purchases in Ruritania City were lifted on Monday' -> ('suspended', 'All the
    earlier limits on home purchases in Ruritania City'): a measure noun phrase standing as the whole subject of a
    passive action verb with no agent, the clause dated to a day; or a scheme's proper name standing so ('On May 2,
    the Ruritania-Utopia Bond Connect was officially launched'): a capitalised name that is no body, company, fund
    or place, after any phrase of time opening the clause."""
    text = f.text
    for start, _, action in roles("policy_change", "actions").hits(text, lo, hi):
        aux = _PASSIVE_AUXILIARY.search(text, lo, start)
        if aux is None or action in words("policy_change")["rate_actions"]:
            continue
        opening = _TIME_OPENING.match(text, lo, aux.start())
        begin = opening.end() if opening is not None else lo
        subject = " ".join(text[begin : aux.start()].strip(" ,").split())
        if not subject[:1].isupper() or len(subject.split()) > MAX_SUBJECT_WORDS:
            return None  # the clause must open with its subject
        subject = _SUBJECT_ARTICLE.sub("", subject)
        if _object_head(subject) in words("policy_change")["measure_nouns"]:
            return action, subject
        at = text.find(subject, begin, aux.start())
        if at >= 0 and _scheme_name(f, subject, at):
            return action, subject
        return None
    return None


#: 'On July 4, ', 'In March 2024, ': a phrase of time opening a clause, closed by a comma
_TIME_OPENING = regex.compile(r"\s*+(?:On|In|From|Since|As\s++of)\s++[\w\s.'’-]{1,30}?,\s*+")


def _scheme_name(f: Facts, subject: str, at: int) -> bool:
    """A proper name of two words or more, each capitalised (hyphens and the small words of a title allowed), that
    is no body, company, fund or place: a scheme's name ('Ruritania-Utopia Bond Connect')."""
    if _TITLED.fullmatch(subject) is None or len(subject.split()) < 2:
        return False
    if not _PLACE_WORDS.sub(
        lambda m: "" if names_a_place(m.group(), 0, len(m.group())) else m.group(), subject
    ).strip():
        return False  # 'Hong Kong': a place, no scheme
    end = at + len(subject)
    if any(at < e.end and e.end >= end for e in f.etfs):
        return False  # 'the Acme Asia Bond ETF': a fund; 'Ruritania ETF Connect' runs past the fund's words
    if any(o.start <= at and end <= o.end for o in [*f.bodies, *f.orgs]):
        return False  # a body's or an organisation's name
    return not any(at <= o.start < end and o.item.is_company for o in f.orgs)  # 'Acme Holdings Pay'


#: a place's words, as a whole
_PLACE_WORDS = regex.compile(r"\p{Lu}[\p{L}'’]*+(?:\s++\p{Lu}[\p{L}'’]*+)*+")


def _dated_to_day(f: Facts, lo: int, hi: int) -> bool:
    day = sentence_date(f, lo, hi)
    return day is not None and len(day) == len("2024-01-01")


def _nominal_action(names: list[str]) -> str | None:
    """'made its first interest rate cut': the action a measure's own name holds, where the clause has no verb."""
    for name in names:
        hits = roles("policy_change", "actions").hits(name)
        if hits:
            return hits[-1][2]
    return None


#: 'that it will increase ...', 'on Friday that it raised ...', 'a full suspension of ...': what may open a
#: description before its word of acting
_ACTING_LEAD = regex.compile(
    r"(?i)(?:on\s++\w++\s++)?(?:that\s++(?:it|they|the\s++\w++)\s++(?:(?:will|would|is\s++to|are\s++to|has|have)\s++)?)?"
    r"(?:(?:a|an|the|its|their|full|partial|temporary|further|new|fresh)\s++){0,3}(?P<word>[\p{L}-]++)"
)


def _specific_action(description: str, action: str | None) -> str | None:
    """A generic action ('announced', 'issued') gives way to the move of a rate the description tells ('its decision
    to lower interest rates' -> 'cut'), else to the one the description opens with: a noun of acting ('a full
    suspension of ...' -> 'suspended'; words.json action_nouns) or a verb ('that it will increase the base rate' ->
    'raised')."""
    if action is not None and action not in words("policy_change")["generic_actions"]:
        return action
    moved = _rate_decision(description, 0, len(description))
    if moved is not None:
        return moved[0]  # 'announced its decision to lower interest rates', 'that it raised its policy rate': the move
    named = _nominal_action([description]) if table_topic(description) is not None else None
    if named in words("policy_change")["rate_actions"]:
        return named  # 'announced the second repo rate cut of the year': the move the rate's name holds
    m = _ACTING_LEAD.match(description)
    if m is None:
        return action
    word = m.group("word").lower()
    if word == "to":  # '[announced] to ban the export of rice': the infinitive the generic verb took
        return _infinitive_action(description, m.start("word")) or action
    nouns: dict[str, list[str]] = words("policy_change")["action_nouns"]
    named = next((a for a, forms in nouns.items() if word in forms), None)
    if named is not None:
        return named
    hits = roles("policy_change", "actions").hits(description, m.start("word"), m.end("word"))
    verb = next((h[2] for h in hits if h[0] == m.start("word") and h[1] == m.end("word")), None)
    generic = words("policy_change")["generic_actions"]
    if verb is not None and verb not in generic:
        return verb
    if verb is not None or word in words("policy_change")["decision_nouns"]:
        return _infinitive_action(description, m.end("word")) or action
    return action


#: ' to | impose': the infinitive's 'to' right after a verb of announcing or a noun of deciding, or opening a description
_TO_AFTER = regex.compile(r"\s*+to\s++")


def _infinitive_action(description: str, at: int) -> str | None:
    """'announced to cut income tax', 'decision to impose export controls', 'to ban the export of rice' -> 'cut',
    'imposed', 'banned': the specific action of the infinitive right after a verb of announcing or a noun of deciding
    that opens a description, or opening it; None where no such infinitive follows, or its verb is generic too."""
    to = _TO_AFTER.match(description, at)
    if to is None:
        return None
    hits = roles("policy_change", "actions").hits(description, to.end(), len(description))
    verb = next((h[2] for h in hits if h[0] == to.end()), None)
    return verb if verb is not None and verb not in words("policy_change")["generic_actions"] else None


def _document_action(description: str, action: str | None) -> str | None:
    """An act on a written measure, described by its common noun or named by a title that holds one ('released new
    guidelines', 'released the Opinions on ...' -> 'issued'; words.json document_actions), in the contract's word for
    it; any act on something else keeps the article's verb ('released reserve pork')."""
    table = words("policy_change")["document_actions"]
    if action not in table or phrases("policy_change", "document_nouns", ignore_case=True).search(description) is None:
        return action
    return str(table[action])


@cache
def _future_before() -> regex.Pattern[str]:
    """'will | ', 'is set to | ', 'would also | ': a words.json future_markers phrase right before a verb."""
    markers = alternation(words("policy_change")["future_markers"], space=r"\s++")
    return regex.compile(rf"(?i)\b(?:{markers})\s++(?:(?:also|further|soon|jointly|\w+ly)\s++)?$")


def _future_act(text: str, lo: int, hi: int, action: str | None) -> str | None:
    """A measure still to come ('will introduce new rules', 'will set up a facility') is announced, in the contract's
    words (words.json future_action); a move of a rate keeps its direction ('will cut its rate'), and a generic act
    its verb ('will issue special treasury bonds')."""
    table = words("policy_change")
    if action is None or action in table["rate_actions"] or action in table["generic_actions"]:
        return action
    verbs = [h[0] for h in roles("policy_change", "actions").hits(text, lo, hi) if h[2] == action]
    if verbs and _future_before().search(text, lo, verbs[0]) is not None:
        return str(table["future_action"])
    return action


def _forecast(action: str, text: str, lo: int, hi: int) -> bool:
    """'economists expect the Fed to cut interest rates': a rate move the clause hedges is no decision; a hedge in a
    relative clause after it speaks of its effects ('cut its rate, which should support growth')."""
    if action not in words("policy_change")["rate_actions"]:
        return False
    aside = _RELATIVE_ASIDE.search(text, lo, hi)
    end = aside.start() if aside is not None else hi
    return _hedged(text, lo, _other_subject_clause(text, lo, end)) or _wished(text, lo, hi)


#: 'as the Fed | ', 'as it | ', 'as the government | ': 'as' opening a clause with a subject of its own (a pronoun, a
#: capitalised name, or a noun after 'the')
_AS_SUBJECT = regex.compile(r"\bas\s++(?:it|they|the\s++\p{L}|\p{Lu}[\w.'’-]*+\b)")


def _other_subject_clause(text: str, lo: int, hi: int) -> int:
    """'raises its base rate as the Fed signals more hikes' -> the offset of 'as': a clause of cause or time with a
    subject of its own after the clause's first move of a rate tells someone else's stance, so its hedges are no hedge on
    the move; `hi` where no such clause follows a move."""
    active, passive, _, _ = _rate_patterns()
    moves = [m.end() for m in (active.search(text, lo, hi), passive.search(text, lo, hi)) if m is not None]
    if not moves:
        return hi
    clause = _AS_SUBJECT.search(text, min(moves), hi)
    return clause.start() if clause is not None else hi


def _wished(text: str, lo: int, hi: int) -> bool:
    """'Wall Street looked to the Fed to raise interest rates': a words.json rate_hedges_before phrase before the verb
    of the clause's first move of a rate makes the move a wish."""
    active, passive, _, _ = _rate_patterns()
    found = [m.start("verb") for m in (active.search(text, lo, hi), passive.search(text, lo, hi)) if m is not None]
    return bool(found) and phrases("policy_change", "rate_hedges_before").search(text, lo, min(found)) is not None


#: how far before a hedge word a comparison word may stand ('more than had been widely expected')
_COMPARISON_REACH = 40


@cache
def _comparison_before() -> regex.Pattern[str]:
    """'as widely ', 'more than ', 'well-': what makes the hedge word after it a comparison with what was expected or
    part of a compound (words.json hedge_comparisons, an adverb allowed before the hedge; or a hyphen)."""
    comparisons = alternation(words("policy_change")["hedge_comparisons"], space=r"\s++")
    return regex.compile(rf"(?i)(?:\b(?:{comparisons})\s++(?:\w+ly\s++)?|-)$")


def _hedged(text: str, lo: int, hi: int) -> bool:
    """text[lo:hi] holds a rate_hedges word that is neither a comparison ('as expected', 'more than expected') nor
    inside a compound ('a well-expected cut')."""
    _, _, hedges, _ = _rate_patterns()
    return any(
        _comparison_before().search(text, max(lo, m.start() - _COMPARISON_REACH), m.start()) is None
        and not _capitalised_inside(text, m.start())
        for m in hedges.finditer(text, lo, hi)
    )


#: what may end the text before a sentence's first word: nothing, or a mark that closes a sentence or opens a quotation
_SENTENCE_OPENS = regex.compile(r"(?:^|[.!?:;\"“‘(\[—–-])\s*+$")


def _capitalised_inside(text: str, start: int) -> bool:
    """A hedge word written with a capital inside a sentence is a name, not a hedge: the month 'in May', not 'may'."""
    return text[start : start + 1].isupper() and _SENTENCE_OPENS.search(text, 0, start) is None


#: ', which should support growth': a relative clause set off by a comma, about what came before it
_RELATIVE_ASIDE = regex.compile(r",\s*+(?:which|who|whose)\b", regex.IGNORECASE)


@cache
def _history_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """An auxiliary that puts a verb before the story's past ('had'), a count of repeated moves ('seven times',
    'twice'), and the forecast nouns that open a revised figure ('its GDP estimate')."""
    table = words("policy_change")
    before = regex.compile(rf"(?i)\b(?:{alternation(table['history_auxiliaries'])})\s++(?:\w+ly\s++)?$")
    counts = alternation(table["repeat_counts"])
    repeats = regex.compile(rf"(?i)\b(?:(?:\d++|{counts})\s++times|{alternation(table['repeat_words'])})\b")
    objects = regex.compile(rf"(?i)^(?:[\w'’-]++\s++){{0,5}}?(?:{alternation(table['forecast_objects'])})\b")
    return before, repeats, objects


def _history(text: str, lo: int, hi: int) -> bool:
    """'the RBI had slashed ...', 'the Fed raised rates seven times': a clause whose first verb of acting is in the
    past before the story's past (not in reported speech: 'said it had drafted'), or that counts repeated moves,
    tells the background."""
    before, repeats, _ = _history_patterns()
    hits = roles("policy_change", "actions").hits(text, lo, hi)
    if not hits:
        return False
    first = hits[0][0]
    reported = phrases("policy_change", "reporting_verbs").search(text, lo, first) is not None
    if any(_perfect_span(text, lo, hi, h[0]) for h in hits):
        return True
    return repeats.search(text, lo, hi) is not None or (before.search(text, lo, first) is not None and not reported)


@cache
def _perfect_span_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """A present perfect auxiliary right before a verb, and 'since' and a year after it."""
    perfect = alternation(words("policy_change")["perfect_auxiliaries"])
    return regex.compile(rf"(?i)\b(?:{perfect})\s++(?:\w+ly\s++)?$"), regex.compile(
        r"(?i)\bsince\s++(?:\d{4}|the\s++\d{4}s)\b"
    )


def _perfect_span(text: str, lo: int, hi: int, verb: int) -> bool:
    """'have issued a series of documents since 2012': acts in the present perfect over a span opened years before
    ('since' and a year, in the verb's own phrase: not 'its first cut since 2019' after a comma) are the background of
    the story, not its news."""
    before, since = _perfect_span_patterns()
    comma = text.find(",", verb, hi)
    return (
        before.search(text, lo, verb) is not None and since.search(text, verb, hi if comma < 0 else comma) is not None
    )


#: 'as it | ', 'as the Federal Reserve has aggressively | ': 'as' and the subject of a clause giving a cause, before its verb
_AS_CAUSE = regex.compile(
    r"\bas\s++(?:(?:it|they)\s++|(?:the\s++)?\p{Lu}[\w.'’()-]*+\s++(?:(?:\p{Lu}[\w.'’()-]*+|of|and|the)\s++){0,6})"
    r"(?:(?:has|have|had)\s++)?(?:\w+ly\s++)?$"
)
#: how far before its verb the 'as' of a clause giving a cause may stand
AS_CAUSE_REACH = 80


def _told_as_cause(text: str, lo: int, hi: int, hold: tuple[str, str] | None) -> bool:
    """'ETFs have fallen as the Federal Reserve has raised interest rates', 'as it kept the benchmark rate steady': a
    clause's first act, or a rate kept, told in a clause of cause opened by 'as' and its subject, is the background of
    other news."""
    starts = [h[0] for h in roles("policy_change", "actions").hits(text, lo, hi)]
    if hold is not None:
        starts += [m.start("verb") for p in _hold_patterns() if (m := p.search(text, lo, hi)) is not None]
    if not starts:
        return False
    verb = min(starts)
    return _AS_CAUSE.search(text, max(lo, verb - AS_CAUSE_REACH), verb) is not None


#: how far before an act the word opening a concession may stand
CONCESSION_REACH = 300


@cache
def _concession() -> regex.Pattern[str]:
    """'despite his plan to | ', 'Despite the measures taken ..., including easing credit, and | ': a words.json
    concession_openers word, then its phrase, which runs on across commas while a list goes on ('including', 'and', a
    gerund) and ends at a clause mark or a comma before anything else (the main clause)."""
    openers = alternation(words("policy_change")["concession_openers"], space=r"\s++")
    go_on = r"(?:including|such\s++as|and|or|\p{L}+ing)\b"
    return regex.compile(rf"(?i)\b(?:{openers})\b[^,;:!?]*+(?:,\s*+{go_on}[^,;:!?]*+)*+$")


def _conceded(text: str, lo: int, hi: int) -> bool:
    """Every act of the clause is told inside a phrase of concession ('despite his proposal to raise the stamp duty',
    'Despite the steps taken in recent months, including cutting mortgage rates'): background of other news."""
    hits = roles("policy_change", "actions").hits(text, lo, hi)
    return bool(hits) and all(
        _concession().search(text, max(0, h[0] - CONCESSION_REACH), h[0], timeout=REGEX_TIMEOUT) is not None
        for h in hits
    )


def _forecast_object(name: str) -> bool:
    """'revised its GDP estimate for Britain': a description whose first words end in a forecast noun."""
    return _history_patterns()[2].match(name) is not None


def _bare_document(name: str) -> bool:
    """A description that is one lower-case document noun of one word (words.json document_nouns) and nothing else:
    'a notice' (an 'action plan' tells its kind)."""
    bare = name.strip()
    return " " not in bare and bare in words("policy_change")["document_nouns"]


def _unreferred_dropped(drafts: list[Draft[PolicyChangeFields]]) -> list[Draft[PolicyChangeFields]]:
    """A bare document noun ('said the guideline') refers back to a measure of the article whose name holds it ('a
    guideline to encourage ...'); where none does ('according to a notice issued by the bank'), it names the paper
    a report came in, not a measure, and its draft goes."""
    named = [str(d.fields.get("policy") or "") for d in drafts if not _bare_document(str(d.fields.get("policy") or ""))]

    def referred(noun: str) -> bool:
        """Some other draft's name holds the noun as a word."""
        return any(regex.search(rf"(?i)\b{regex.escape(noun.strip())}\b", n) is not None for n in named)

    return [d for d in drafts if not _bare_document(p := str(d.fields.get("policy") or "")) or referred(p)]


def _moved_term_described(text: str, lo: int, hi: int, name: str) -> str:
    """'The PBOC decided to cut the RRR by 1 percentage point': a rate's term the clause names and moves is told by
    its move ('cut the RRR by 1 percentage point'); any other name as it is, and so is a term beside which the move
    opens on another rate of the topic table ('Cuts Reserve Ratio and Policy Rate' is no move of the policy rate
    alone)."""
    move = _rate_decision(text, lo, hi)
    if move is None or name not in move[1] or table_topic(move[1]) != table_topic(name):
        return name
    return move[1]


@cache
def _decision_before() -> regex.Pattern[str]:
    """'the decision on | ': a noun of deciding and a preposition right before a move in its -ing form."""
    table = words("policy_change")
    nouns, leads = alternation(table["decision_nouns"]), alternation(table["gerund_leads"])
    return regex.compile(rf"(?i)\b(?:{nouns})\s++(?:{leads})\s++$")


def _unnamed_rate_setter(view: ArticleView, f: Facts, lo: int, move: str) -> str | None:
    """The body that sets the rates the article tells of (`article_rate_setter`), for a move of a rate of the topic
    table that no body or place in sight made: told by a finite verb, or as a decision ('the decision on increasing
    the base rate was made'), not by a gerund that tells how someone else acted ('tried to tame inflation by raising
    rates')."""
    if table_topic(move) is None:
        return None  # 'raise stamp duty': not a rate a central bank sets
    at = f.text.find(move, lo)
    if at < 0 or names_a_place(f.text, lo, at):
        return None  # 'Peru and Chile have hiked their rates': the places that acted, none of them the bank meant
    if move.split()[0].lower().endswith("ing") and _decision_before().search(f.text, lo, at) is None:
        return None
    return article_rate_setter(view) or (named_rate_setter(view) if _in_lead(view, f) else None)


def _in_lead(view: ArticleView, f: Facts) -> bool:
    """The sentence stands in the article's first paragraph after its headline: the lead, which tells the news."""
    body = [g.sentence.paragraph for g in view.facts if not g.sentence.headline]
    return not f.sentence.headline and bool(body) and f.sentence.paragraph == min(body)


def _of_a_rate(name: str) -> bool:
    """A measure's name that names a rate or ratio (words.json rate_terms), itself or by its term's alias ('RRR')."""
    rates = phrases("policy_change", "rate_terms")
    return rates.search(name) is not None or rates.search(_canonical(name)) is not None


def _rate_setter_acting(view: ArticleView, f: Facts, subject_lo: int, lo: int, hi: int) -> str | None:
    """The body that sets a place's rates, where the place stands as the subject of the clause's first action verb
    ('Beijing on Friday cut its benchmark lending rate, a step by the central bank')."""
    first = _first_verb(f, lo, hi)
    return None if first is None else rate_setter_of_place(view, f, subject_lo, first)


def _first_action(f: Facts, lo: int, hi: int) -> tuple[int, int, str] | None:
    """The clause's first action verb (start, end, action); an action word after a determiner is an adjective."""
    return next(
        (
            h
            for h in roles("policy_change", "actions").hits(f.text, lo, hi)
            if not _DETERMINER_BEFORE.search(f.text, lo, h[0])
        ),
        None,
    )


def _first_verb(f: Facts, lo: int, hi: int) -> int | None:
    """Where the clause's first action verb starts."""
    first = _first_action(f, lo, hi)
    return None if first is None else first[0]


def _official_of_first_verb(f: Facts, subject_lo: int, lo: int, hi: int) -> str | None:
    """The official by title (or mainland place) standing as the subject of the clause's first action verb, where no
    body is named ('President Ruritan Smith on Monday announced tariffs on steel')."""
    first = _first_verb(f, lo, hi)
    return None if first is None else official_acting(f, subject_lo, first)


#: 'its losses', 'their gains': a possessive before the object's first noun
_LEADING_POSSESSIVE = regex.compile(r"^(?:its|their|his|her|the|a|an)\s++", regex.I)


def _moves_a_measure(obj: str) -> bool:
    """The object of a move is something a measure sets, not one of the words.json move_not_objects that a verb of
    moving takes in speech ('raised questions about contagion', 'raised concerns')."""
    head = _LEADING_POSSESSIVE.sub("", obj).split()
    if head and head[0].lower() in words("policy_change")["move_not_objects"]:
        return False
    return _object_head(obj) not in words("policy_change")["act_not_heads"]


#: spaces and an article opening an object
_OPENING_THE = regex.compile(r"\s*+(?:the\s++)?", regex.I)
#: a possessive ending a name, after any further capitalised words of it ('Acme Holdings | Bhd's')
_POSSESSIVE_AFTER = regex.compile(r"(?:\s++\p{Lu}[\p{L}.&-]*+){0,3}+['’]s\b")


def _company_owned(f: Facts, opens: int, hi: int) -> bool:
    """The object opens with a company's name in the possessive ('Acme Holdings Bhd's circular'); a body's paper ('the
    State Council's plan') is a measure."""
    lead = _OPENING_THE.match(f.text, opens, hi)
    start = lead.end() if lead is not None else opens
    if _legal_possessive().match(f.text, start, hi) is not None:
        return True  # 'Acme A Bhd's circular': a name of a legal form, whether or not the NER knows it
    return any(
        o.item.is_company and o.start == start and _POSSESSIVE_AFTER.match(f.text, o.end, hi) is not None
        for o in f.orgs
    )


@cache
def _legal_possessive() -> regex.Pattern[str]:
    """'Acme A Bhd's ': a capitalised name ending in a legal form (organization_words.json), in the possessive."""
    suffixes = alternation(load_json("organization_words.json")["legal_suffixes"], space=r"\s++")
    return regex.compile(rf"(?:\p{{Lu}}[\p{{L}}\d.&-]*+\s++){{1,5}}?(?:{suffixes})['’]s\b")


#: where the first phrase of an object ends: a preposition, a relative word or a clause mark
_PHRASE_END = regex.compile(
    r"\s++(?:of|on|for|to|against|in|with|at|by|from|over|that|which|related|relating|regarding|concerning)\b|[,;:(]",
    regex.I,
)


def _object_head(obj: str) -> str:
    """The noun heading an object: the last word of its first phrase, or of the phrase after 'of' where the first is
    no measure noun ('a wave of airstrikes against ...' -> 'airstrikes', 'new rules on data' -> 'rules')."""
    end = _PHRASE_END.search(obj)
    phrase = obj[: end.start() if end else len(obj)].split()
    head = phrase[-1].lower().strip(".'’\"”") if phrase else ""
    if end is not None and end.group().strip().lower() == "of" and head not in words("policy_change")["measure_nouns"]:
        return _object_head(obj[end.end() :].strip())
    return head


#: '[the State Council] (SC) | ', "[the CMA]'s | ": what may stand between a body and the measure noun it qualifies
_BODY_MODIFIER_GAP = regex.compile(r"(?:\s*+[(（][^()（）]{1,16}[)）])?(?:['’]s)?\s++")


@cache
def _body_measure_noun() -> regex.Pattern[str]:
    """A measure noun (words.json measure_nouns) that is no body's stance (body_measure_not): 'circular', 'rules'."""
    table = words("policy_change")
    nouns = [n for n in table["measure_nouns"] if n not in table["body_measure_not"]]
    return regex.compile(rf"(?i)(?:{alternation(nouns)})(?![\w-])")


def _body_measure(f: Facts, bodies: list[Located[OrgRef]], lo: int, hi: int) -> tuple[None, str] | None:
    """'according to a State Council circular on Nov 16' -> (no action, 'State Council circular'): a measure noun
    right after the body's name that qualifies it, in a clause that dates it; a body's rules told without a date, or
    cited, are background."""
    if sentence_date(f, lo, hi) is None:
        return None
    text = f.text
    for body in bodies:
        if not lo <= body.start < hi or _cited(text, body.start):
            continue
        gap = _BODY_MODIFIER_GAP.match(text, body.end, hi)
        m = _body_measure_noun().match(text, gap.end(), hi) if gap is not None else None
        if m is not None:
            return None, f"{text[body.start : body.end]} {m.group()}"
    return None


def _body_in_context(view: ArticleView, f: Facts, rate: bool = False) -> str | None:
    """The body a clause without one speaks of: one named elsewhere in its sentence, else the last named in the
    sentences of its paragraph before it; for a move of a rate, no market (words.json market_kinds: an exchange named
    beside 'central bank officials have started to raise rates')."""
    barred = set(words("policy_change")["market_kinds"]) if rate else set()
    for facts in [f, *view.paragraph_before(f.sentence.index)]:
        bodies = [b for b in named_bodies(facts, 0, len(facts.text)) if b.item.kind not in barred]
        if bodies:
            body = bodies[-1] if facts is not f else bodies[0]
            return body.item.name if body not in facts.bodies else body_meant(view, facts, body)
    return None


def _acting_company(f: Facts, lo: int, hi: int) -> bool:
    """A company named in text[lo:hi], not inside a name of the form of a body ('the Governing Council')."""
    bodies = pattern_bodies(f, lo, hi)
    return any(lo <= c.start < hi and not any(b.start <= c.start < b.end for b in bodies) for c in f.companies)


def _canonical(name: str) -> str:
    key = name.lower()
    aliases: dict[str, str] = words("policy_change")["term_aliases"]
    return aliases.get(key, key)


def _bracketed(text: str, start: int, end: int) -> bool:
    """'the Foreign Trade (Development and Regulation) Act': a title-cased run in brackets is part of a longer name;
    'premiums (excluding Pension Scheme business) rose': one inside a remark in brackets is an aside, no news."""
    if text[start - 1 : start] in ("(", "（") and text[end : end + 1] in (")", "）"):
        return True
    return (
        _ASIDE_BEFORE.search(text, max(0, start - ASIDE_REACH), start) is not None
        and _ASIDE_AFTER.match(text, end) is not None
    )


#: how far before a name the bracket opening a remark may stand
ASIDE_REACH = 40
#: '(excluding | ', '(except for the | ': a bracket opened by a lower-case word, not closed before the name
_ASIDE_BEFORE = regex.compile(r"[(（]\p{Ll}[^()（）]*+$")
#: ' business)': the rest of the remark, closed before the sentence goes on
_ASIDE_AFTER = regex.compile(r"[^()（）.;]{0,40}+[)）]")


def _trim(run: str) -> str:
    return _trailing_date().sub("", _LEADING_THE.sub("", run.strip())).strip()


def _is_body(f: Facts, start: int, end: int) -> bool:
    """A capitalised run that names bodies or a company, not a measure: inside a known body or organisation, or
    nothing but bodies and the words joining them ('People's Bank of China and National Administration of Financial
    Regulation'), or headed by a body's word ('Monetary Policy Committee')."""
    lead = _LEADING_THE.match(f.text, start)
    start = lead.end() if lead is not None else start  # 'The | National Administration of ...': the name after it
    run_words = f.text[start:end].split()
    if (
        body_head_last().search(f.text[start:end]) is not None
        or run_words[-1] in words("policy_change")["committee_heads"]
    ):
        return True  # 'Monetary Policy Committee', 'BOK Monetary Policy Board': a body's or a committee's name
    if any(o.start <= start and end <= o.end for o in [*f.bodies, *f.orgs]):
        return True
    if any(e.start < end and start < e.end for e in f.etfs):
        return True  # 'Acme Bitcoin Strategy ETF': a fund's name
    if any(start <= o.start < end and o.item.is_company for o in f.orgs):
        return True  # 'China Reform Holdings': a company's name
    run = rest = f.text[start:end]
    for b in sorted([*f.bodies, *pattern_bodies(f, start, end)], key=lambda b: -b.start):
        if start <= b.start and b.end <= end:
            rest = rest[: b.start - start] + rest[b.end - start :]
    links = set(words("policy_change")["body_name_links"])
    return rest != run and all(w in links for w in _trim(rest).replace(",", " ").split())
