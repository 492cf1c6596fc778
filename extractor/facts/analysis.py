"""What a sentence holds: names, funds, amounts, percentages, dates and periods, found lazily."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, TypeVar, cast

import regex

from extractor.contract import Located, Money, Percentage
from extractor.datafiles import load_json
from extractor.facts.amounts import Local, dollar_of, find_amounts, local_of, yen_of
from extractor.facts.dates import ResolvedDate, find_dates
from extractor.facts.defined_terms import is_defined_term, without_heading
from extractor.facts.funds import NOT_A_DATE, find_funds, names_fund_head
from extractor.facts.gazetteer import Gazetteer
from extractor.facts.lazy import lazy
from extractor.facts.lexicon import PhraseSet, trie_pattern
from extractor.facts.memo import remember, remembered
from extractor.facts.names import not_name_words
from extractor.facts.patterns import REGEX_TIMEOUT, alternation, untimed
from extractor.facts.percentages import find_percentages
from extractor.facts.periods import find_periods
from extractor.facts.sentences import Sentence, split_clauses, split_sentences
from extractor.io.inputs import Article

if TYPE_CHECKING:
    from extractor.fx import FxTable

T = TypeVar("T")

_EXCHANGES = load_json("exchanges.json")
#: the suffix of a code listed on any exchange ('.HK'), and on one where mainland funds list ('.SH')
_LISTED = alternation(_EXCHANGES["suffixes"])
_FUND_LISTED = alternation(_EXCHANGES["mainland_fund_exchanges"])
_ETF_CODE_AFTER = untimed(
    "analysis.etf_code_after",
    regex.compile(rf"\bETFs?\s++(?:[(（]\s*+)?(?P<code>[15]\d{{5}})(?:\.(?:{_FUND_LISTED}))?\b"),
)
_CODE_BEFORE_ETF = untimed(
    "analysis.code_before_etf",
    regex.compile(rf"(?<![\d.])(?P<code>[15]\d{{5}})(?:\.(?:{_FUND_LISTED}))?\s++ETF\b"),
)
#: a word of a fund's name: capitalised or a figure ('CSI 300'), or a brand in lower case then capitals ('iShares');
#: no date or time
_FUND_WORD = rf"{NOT_A_DATE}(?:[\p{{Lu}}\d]|[a-z]\p{{Lu}})[\w&'’.+-]*+"
#: the end of an article before a name: a space, or none where web copy glues it on ('theFullgoal CSI ... ETF')
_ARTICLE_END = r"(?:\s++|(?=\p{Lu}\p{Ll}))"
_ETF_NAMED = regex.compile(
    rf"(?<![\w&'’.+-])(?P<name>(?:(?:the|The|THE){_ARTICLE_END})?(?:{_FUND_WORD}\s++){{1,10}}?)ETF\b(?!s?\s*+[(（])"
)
_LEADING_ARTICLE = regex.compile(rf"^(?:the|The|THE){_ARTICLE_END}")
_DETERMINER = regex.compile(
    r"^(?:This|That|These|Those|Each|Every|Any|An?|Our|Its|Their|Such|Which|One|Both|Other)\s++"
)
_POSSESSIVE = regex.compile(r"(?:'s|’s|')$")
_FIGURE_MARK = regex.compile(r"\d|%|\$")
#: a mark no name holds, even one the trained proposer is sure of ('Turri 2k' holds a digit; '15%', '$5' are no names)
_SIGN_MARK = regex.compile(r"%|\$")
_WORD = regex.compile(r"[\w-]+")


@dataclass(frozen=True, slots=True)
class OrgRef:
    """A named organisation as written, with its canonical name and kind."""

    text: str
    name: str
    kind: str  # company, fund, ticker, government, regulator, central_bank, exchange, ner, pattern, subject, proposed
    #: written as a description ('the central bank'): the body the article last named of its kind, if any
    description: bool = False

    @property
    def is_company(self) -> bool:
        """True for companies and funds (from the gazetteer, tickers or the statistical NER)."""
        return self.kind in ("company", "fund", "ticker", "ner", "pattern", "subject", "proposed")

    @property
    def is_body(self) -> bool:
        """True for government bodies, regulators, exchanges and central banks."""
        return not self.is_company


@dataclass(frozen=True, slots=True)
class EtfRef:
    """A fund mentioned in a sentence: its code (when given or known) and its name."""

    code: str | None
    name: str | None


@cache
def _not_party_heads() -> regex.Pattern[str]:
    """Brokers, data vendors, funds, indexes, venues: names that are never deal parties."""
    heads = load_json("organization_words.json")["not_a_party_head"]
    return regex.compile(r"(?<!\w)(?:" + alternation(heads) + r")(?!\w)")


def plain_name(text: str) -> str:
    """A name without what is written around it: a description before it ('Hong Kong-listed '), a leading 'the', a
    possessive, and stray punctuation."""
    return _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", _descriptor().sub("", text.strip()))).strip(" ,;:-")


def clean_org_text(text: str, sure: bool = False) -> str | None:
    """A statistical-NER organisation cleaned for use as a name, or None when it is no company (a defined term of a
    filing, a section heading; a heading glued to a name is cut off). A `sure` name (one the trained proposer rates
    highly) may hold a digit ('Turri 2k', '3D Systems')."""
    text = without_heading(plain_name(text)) or ""
    if len(text) < 3 or not text[:1].isupper() or "\n" in text or is_defined_term(text):
        return None
    if _not_party_heads().search(text) or (_SIGN_MARK if sure else _FIGURE_MARK).search(text):
        return None
    if text.isupper() and len(text) <= 5:
        return None  # bare acronyms: the model guesses; the gazetteer knows the real ones
    if text.lower() in not_name_words():
        return None  # 'YoY', 'EPS': words the name table says are never names
    if all(w.lower() in _generic_words() for w in _WORD.findall(text)):
        return None
    return text


def context_org_text(text: str) -> str | None:
    """A statistical-NER organisation of a sentence read for context, as written (a description, a leading 'the' and a
    possessive cut off), or None when it is no name: the readers that look such names up judge them."""
    text = without_heading(plain_name(text)) or ""
    if len(text) < 3 or not text[:1].isupper() or "\n" in text or is_defined_term(text):
        return None
    return text


@cache
def _descriptor() -> regex.Pattern[str]:
    """'Hong Kong-based ', 'Shanghai-listed ': a description before a name, no part of it."""
    suffixes = [x for x in load_json("name_words.json")["suffixes"] if x.startswith("-")]
    return regex.compile(
        rf"^(?:the\s++)?(?:[\p{{L}}.'’]++[\s-])*?[\p{{L}}.'’]++(?:{alternation(suffixes)})\s++", regex.I
    )


@cache
def _sources() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    table = load_json("organization_words.json")
    openers = alternation(table["source_before"], space=r"\s++")
    closers = alternation(table["source_after"])
    before = regex.compile(rf"(?i)(?<![\w-])(?:{openers})\s++(?:the\s++)?$")
    after = regex.compile(rf"(?i)\s++(?:{closers})(?![\w-])")
    return before, after


@cache
def _source_first_words() -> frozenset[str]:
    """The first word of every phrase that can make a name a source, as the table writes it."""
    table = load_json("organization_words.json")
    return frozenset({w.split()[0] for w in table["source_before"]} | set(table["source_after"]))


@cache
def _source_word() -> regex.Pattern[str]:
    """Any word that can make a name a source ('according', 'data', 'estimates'), case-blind."""
    return regex.compile(rf"(?i)\b(?:{alternation(_source_first_words())})\b")


@cache
def _source_word_lower() -> re.Pattern[str] | None:
    """`_source_word` for ASCII text lower-cased, in the standard engine (the same answer there, faster); None when a
    word is not ASCII."""
    first = {w.lower() for w in _source_first_words()}
    if not all(w.isascii() for w in first):
        return None
    return re.compile(rf"\b(?:{alternation(first)})\b")


def _has_source_word(text: str) -> bool:
    """Whether a word that can make a name a source is in the text."""
    lower = _source_word_lower()
    if lower is not None and text.isascii():
        return lower.search(text.lower()) is not None
    return _source_word().search(text) is not None


def is_source(text: str, start: int, end: int) -> bool:
    """'according to Refinitiv IBES data': a name given as the source of a figure, not a company acting."""
    before, after = _sources()
    return before.search(text, max(0, start - 40), start) is not None or after.match(text, end) is not None


@cache
def _legal_suffix() -> regex.Pattern[str]:
    suffixes = alternation(load_json("organization_words.json")["legal_suffixes"])
    return regex.compile(rf"(?:,?\s++(?:{suffixes}))++$")


def company_key(name: str) -> str:
    """The name two mentions of one company share: its legal form dropped ('Panasonic Corp.' -> 'Panasonic')."""
    stripped = _legal_suffix().sub("", name)
    return stripped or name


@cache
def _generic_words() -> frozenset[str]:
    return frozenset(load_json("organization_words.json")["generic_words"])


@cache
def _company_endings() -> tuple[str, ...]:
    return tuple(sorted(load_json("organization_words.json")["company_name_endings"], key=len, reverse=True))


@cache
def _any_company_ending() -> re.Pattern[str]:
    """Any company ending anywhere in a text, even inside a word: one scan instead of one look per ending."""
    return re.compile(trie_pattern(_company_endings()) or "(?!)")


#: what every ticker of the named-company pattern starts with: a listed code, or a bracket before a capital or a
#: Hong Kong code
_TICKER_HINT = regex.compile(rf"\d{{4,6}}\.(?:{_LISTED})|[(（]\s*+(?:\p{{Lu}}|0\d{{4}})")


@cache
def _ticker() -> str:
    """A stock's ticker in brackets after its name: '000963.SZ', 'NASDAQ:INTC', 'HK:3737', 'NOKIA.HE', '03692', and
    bare letters ('GCI'), which `_pattern_orgs` checks are no acronym of the name."""
    prefixes = alternation([*load_json("funds.json")["exchange_prefixes"], *_EXCHANGES["suffixes"]], space=r"\s++")
    return (
        rf"\d{{4,6}}\.(?:{_LISTED})"
        rf"|(?:{prefixes})\s*+[:：]\s*+[A-Z0-9][A-Z0-9.]{{0,9}}(?![\w-])"
        rf"|[A-Z][A-Z0-9]{{0,5}}\.[A-Z]{{1,2}}(?=\s*+[,;)）])"
        rf"|0\d{{4}}(?=\s*+[)）])"
        rf"|(?P<letters>[A-Z]{{2,5}})(?=\s*+[)）,;]|\s++[-+−–]?\d)"
    )


@cache
def _named_company() -> regex.Pattern[str]:
    """'Huadong Medicine (000963.SZ)', 'Intel Corp (NASDAQ:INTC)' or 'Xuanzhu Biopharm': a capitalised name with a
    ticker or a company ending."""
    ending = alternation(_company_endings())
    word = r"\p{Lu}[\p{L}\d&'’-]*+"
    return untimed(
        "analysis.named_company",
        regex.compile(
            rf"(?P<name>(?:{word}\s++){{0,4}}?(?:{word}\s++(?:&\s++{word}\s++)?)?(?:{ending}))(?![\w-])(?!\s++(?:ETF|Index|Fund|[Ss]ector|[Ss]tocks|[Cc]ompan))"
            rf"|(?P<tname>(?:{word}[ \t]++){{0,4}}{word}(?:,[ \t]++(?:{alternation(_legal_forms())}))?)\s*+[(（]\s*+(?:{_ticker()})"
        ),
    )


#: the longest function word ('THE', 'OF', 'BY') that ends what goes before a name in capitals
FUNCTION_WORD_LETTERS = 3


@cache
def _capital_forms() -> tuple[tuple[str, ...], ...]:
    """The legal forms longer than three letters in capitals, longest first, each split into its words ('CO.,',
    'LTD.')."""
    forms = {f.upper() for f in load_json("organization_words.json")["legal_suffixes"] if len(f) > 3}
    return tuple(tuple(f.replace(",", ", ").split()) for f in sorted(forms, key=lambda f: (-len(f), f)))


@cache
def _capital_form_gate() -> re.Pattern[str]:
    """The first word of any legal form in capitals, as written: a text without one holds no `_capital_company`."""
    return re.compile("|".join(sorted({re.escape(parts[0]) for parts in _capital_forms()})))


@cache
def _capital_company() -> regex.Pattern[str]:
    """'NICHIRYOKU CO., LTD.', 'RISO KAGAKU CORPORATION': a name in capitals with its legal form in capitals, perhaps
    glued to a heading before it ('Earnings ReportFUJI CORPORATION'); legal forms of two or three letters ('SE',
    'PLC') are left out, as capitals alone do not tell them from other words."""
    form = "|".join(r"\s*+".join(regex.escape(part) for part in parts) for parts in _capital_forms())
    word = r"(?:\p{Lu}[\p{Lu}\d&'’.-]*+|\(\p{Lu}[\p{Lu}\d&'’ -]{0,30}\))"
    return regex.compile(
        rf"(?:(?<=\p{{Ll}})|(?<![\p{{L}}\d]))(?P<name>{word}(?:[ \t]++{word}){{0,7}}?,?[ \t]*+(?P<form>{form}))(?![\p{{L}}\d])"
    )


@cache
def _legal_forms() -> list[str]:
    """Legal forms that may follow a name after a comma ('OSI Systems, Inc.'): those of one word."""
    return [x for x in load_json("organization_words.json")["legal_suffixes"] if " " not in x and "," not in x]


@cache
def _not_tickers() -> frozenset[str]:
    return frozenset(load_json("funds.json")["not_tickers"])


#: how many words before a bracket may spell the letters in it
ACRONYM_WORDS = 8


def _acronym_of(letters: str, name: str, before: str) -> bool:
    """'Consumer Price Index (CPI)', 'European Securities and Markets Authority (ESMA)': letters spelling the
    initials of the capitalised words before them (`before`, up to the bracket) make an acronym, not a ticker;
    so do an all-capital name ('LONDON (AFP)') and the words funds.json says are no tickers."""
    if letters in _not_tickers() or name.isupper():
        return True
    initials = "".join(w[0] for w in _WORD.findall(before)[-ACRONYM_WORDS:] if w[0].isupper())
    return any(initials[i:] == letters for i in range(len(initials)))


def _acting_tail(headline: bool) -> str:
    """The pattern of what follows a name that acts: perhaps its stock code and a day, perhaps an auxiliary or adverb,
    then a verb of report (in a headline perhaps in title case)."""
    table = load_json("organization_words.json")
    verbs = alternation(table["subject_verbs"], space=r"\s++")
    verbs = f"(?i:{verbs})" if headline else verbs
    adverbs = alternation(table["subject_adverbs"])
    return (
        rf"(?:\s*+[(（][^()（）\n]{{1,24}}[)）]|\s++\d{{4,6}}\.(?:{_LISTED}))?"
        r"(?:\s++(?:on|late\s++on|early\s++on|last)\s++\p{Lu}\w++)?"
        rf"(?:\s++(?:{adverbs}))?\s++(?:{verbs})(?![\w-])"
    )


@cache
def acting() -> regex.Pattern[str]:
    """What follows a name that acts, matched right after it: ', Samsung Electronics said', 'LG Electronics
    (066570.KS) estimated', 'Zai Lab on Monday reported'."""
    return regex.compile(_acting_tail(False))


@cache
def _subject(headline: bool = False) -> regex.Pattern[str]:
    """A capitalised name opening a sentence (after a dateline), then perhaps its stock code and a day, then a verb
    of report, perhaps after an auxiliary or adverb: 'Aug 10 (Reuters) - Country Garden 2007.HK said on Thursday',
    'Wing Lee Properties (00864) issues', 'Sto SE & Co. KGaA has lowered'. In a headline the verb may be in title
    case ('Tiong Seng Issues Profit Warning')."""
    word = r"\p{Lu}[\p{L}\p{N}&'’.-]*+"
    return regex.compile(
        r"[\s\"“‘']*+(?:date\s++)?(?:\d{4}-\d{2}-\d{2}\s++)?"
        r"(?:[^()\n]{0,30}?[(（]\p{Lu}[\w .&-]{1,30}[)）]\s*+[-–—]++\s*+)?"
        rf"(?P<name>{word}(?:\s++(?:{word}|&|of|and|de))*?){_acting_tail(headline)}"
    )


@cache
def _not_subjects() -> frozenset[str]:
    """Words that make no company on their own: those that make no name, and generic nouns."""
    return not_name_words() | _generic_words()


#: the kinds of organisation found by a pattern or a statistical model rather than a gazetteer
_GUESSED = ("ner", "pattern", "subject", "proposed")


@dataclass
class Facts:
    """The findings of one sentence, computed on first use. Offsets are into the sentence."""

    sentence: Sentence
    published: dt.date | None
    gazetteer: Gazetteer
    extra_orgs: list[Located[OrgRef]] = field(default_factory=list)
    #: names the trained role-name proposer found (extractor/proposer): companies, and bodies by their head word
    proposed: list[Located[OrgRef]] = field(default_factory=list)
    #: names the statistical model found in a sentence read only as context (not among `orgs`: see
    #: `EventUnit.context_names`)
    context_orgs: list[Located[OrgRef]] = field(default_factory=list)
    #: the exchange rates that tell a conversion in brackets from a second amount (None: the bundled table)
    rates: FxTable | None = None
    #: the currency a bare '¥' means in the article (facts/amounts.yen_of)
    yen: str = "CNY"
    #: the currency a bare '$' means in the article (facts/amounts.dollar_of)
    dollar: str = "USD"
    #: what bare letters ('P240 million') and family words ('kroner') mean in the article (facts/amounts.local_of)
    local: Local = ()

    @lazy
    def text(self) -> str:
        """The sentence text."""
        return self.sentence.text

    @lazy
    def clauses(self) -> list[tuple[int, int]]:
        """(start, end) of the sentence's clauses."""
        return split_clauses(self.text)

    @lazy
    def known_orgs(self) -> list[Located[OrgRef]]:
        """The gazetteer's companies, bodies and tickers in the sentence (one fast scan)."""
        text = self.text
        return list(remember(self.gazetteer.memo("known_orgs"), text, lambda: tuple(self._known_orgs(text))))

    def _known_orgs(self, text: str) -> Iterator[Located[OrgRef]]:
        for m in self.gazetteer.find(text):
            yield Located(m.start, m.end, OrgRef(text[m.start : m.end], m.item.name, m.item.kind, m.item.description))

    @lazy
    def orgs(self) -> list[Located[OrgRef]]:
        """Companies and bodies: gazetteer matches, then named-company patterns, then statistical NER."""
        memo = self.gazetteer.memo("rule_orgs")
        found = list(remember(memo, (self.text, self.sentence.headline), self._rule_orgs))
        found = sorted(found + self._ner_orgs(found), key=lambda m: m.start)
        # 'the Baoji Target': a name the filing defined for something it named before
        return [
            m for m in found if m.item.kind not in _GUESSED or not is_defined_term(m.item.text, self.text[: m.start])
        ]

    def _rule_orgs(self) -> tuple[Located[OrgRef], ...]:
        """The gazetteer's names, then those of the named-company patterns: what the sentence's text alone tells."""
        found = list(self.known_orgs)
        found += self._pattern_orgs(found)
        found += self._capital_orgs(found)
        found += self._subject_orgs(found)
        return tuple(found)

    def _pattern_orgs(self, known: list[Located[OrgRef]]) -> list[Located[OrgRef]]:
        out: list[Located[OrgRef]] = []
        text = self.text
        if not (_any_company_ending().search(text) or _TICKER_HINT.search(text)):
            return out  # neither a company ending nor a ticker: the pattern cannot match
        for m in _named_company().finditer(self.text):
            group = "name" if m.group("name") else "tname"
            start, end = m.span(group)
            letters = m.group("letters")
            if letters and _acronym_of(letters, m.group(group), self.text[max(0, end - 120) : end]):
                continue  # 'Consumer Price Index (CPI)', 'LONDON (AFP)': an acronym or a dateline, no ticker
            name = clean_org_text(self.text[start:end])
            if not name or any(k.start < end and start < k.end for k in known + out):
                continue
            start += self.text[start:end].find(name)
            out.append(Located(start, start + len(name), OrgRef(name, company_key(name), "pattern")))
        return out

    def _capital_orgs(self, known: list[Located[OrgRef]]) -> list[Located[OrgRef]]:
        """'FUJI CORPORATION <6134> announced ...': names in capitals that end in a legal form in capitals."""
        out: list[Located[OrgRef]] = []
        if not _capital_form_gate().search(self.text):
            return out
        for m in _capital_company().finditer(self.text, timeout=REGEX_TIMEOUT):
            start, end = m.span("name")
            # 'ANNOUNCEMENT BY ...', 'THE BOARD OF ...': the name starts after the last short word that makes none
            # (a function word)
            for word in _WORD.finditer(self.text, start, m.start("form")):
                inside = word.group() == "AND" and word.start() > start  # 'AND' may join the words of a name
                short = len(word.group()) <= FUNCTION_WORD_LETTERS and not inside
                if short and word.group().lower() in not_name_words():
                    start = word.end() + 1
            words = _WORD.findall(self.text, start, m.start("form"))
            if any(w.lower() not in _not_subjects() for w in words) and not any(
                k.start < end and start < k.end for k in known
            ):
                name = self.text[start:end]
                out.append(Located(start, end, OrgRef(name, company_key(name), "pattern")))
        return out

    def _subject_orgs(self, known: list[Located[OrgRef]]) -> list[Located[OrgRef]]:
        """'Infineon cut its revenue outlook ...': a capitalised name opening the sentence before a verb of report."""
        m = _subject(self.sentence.headline).match(self.text)
        if m is None:
            return []
        start, end = m.span("name")
        name = clean_org_text(self.text[start:end])
        if name is None or any(k.start < end and start < k.end for k in known):
            return []
        if all(w.lower() in _not_subjects() for w in _WORD.findall(name)):
            return []  # 'Meanwhile', 'Hong Kong', 'March': no company
        start += self.text[start:end].find(name)
        return [Located(start, start + len(name), OrgRef(name, company_key(name), "subject"))]

    def _ner_orgs(self, known: list[Located[OrgRef]]) -> list[Located[OrgRef]]:
        """The statistical model's names, then the proposer's, each unless a name before it overlaps it."""
        keep: list[Located[OrgRef]] = []
        for m in [*self.extra_orgs, *self.proposed]:
            if any(k.start < m.end and m.start < k.end for k in known + keep):
                continue
            keep.append(m)
        return keep

    def add_ner_orgs(self, orgs: list[Located[OrgRef]]) -> None:
        """Add organisations found by the statistical NER (before `orgs` is first read)."""
        self.extra_orgs.extend(orgs)
        for derived in ("orgs", "companies"):
            self.__dict__.pop(derived, None)

    def add_proposed(self, orgs: list[Located[OrgRef]]) -> None:
        """Add names the trained role-name proposer found (ranked after every other source)."""
        self.proposed.extend(orgs)
        for derived in ("orgs", "companies", "bodies"):
            self.__dict__.pop(derived, None)

    @lazy
    def companies(self) -> list[Located[OrgRef]]:
        """The companies among `orgs`, one mention per canonical name."""
        seen: set[str] = set()
        out = []
        text = self.text
        sourced = _has_source_word(text)  # no source word, no source: one look per sentence
        for m in self.orgs:
            if m.item.is_company and m.item.name not in seen and not (sourced and is_source(text, m.start, m.end)):
                seen.add(m.item.name)
                out.append(m)
        return out

    @lazy
    def bodies(self) -> list[Located[OrgRef]]:
        """Government bodies, regulators, exchanges and central banks: the gazetteer's, then the proposer's that no
        other name overlaps."""
        known = [m for m in self.known_orgs if m.item.is_body]
        if not self.proposed:
            return known
        orgs = self.orgs
        return sorted(known + [m for m in self.proposed if m.item.is_body and m in orgs], key=lambda m: m.start)

    @lazy
    def amounts(self) -> list[Located[Money]]:
        """Money amounts in the sentence."""
        return find_amounts(self.text, yen=self.yen, dollar=self.dollar, rates=self.rates, local=self.local)

    @lazy
    def percentages(self) -> list[Located[Percentage]]:
        """Percentages in the sentence."""
        return find_percentages(self.text)

    @lazy
    def dates(self) -> list[Located[ResolvedDate]]:
        """Dates in the sentence, resolved against the publication date."""
        return find_dates(self.text, self.published)

    @lazy
    def periods(self) -> list[Located[str]]:
        """Fiscal and reporting periods in the sentence."""
        return find_periods(self.text, self.published)

    @lazy
    def etfs(self) -> list[Located[EtfRef]]:
        """Funds mentioned by code or by name."""
        return funds_in(self.text)


@remembered
def funds_in(text: str) -> list[Located[EtfRef]]:
    """Funds mentioned by code or by name in a sentence."""
    if not names_fund_head(text):
        return []
    found: list[Located[EtfRef]] = []

    def add(start: int, end: int, code: str | None, name: str | None) -> None:
        if any(f.start < end and start < f.end for f in found):
            return
        found.append(Located(start, end, EtfRef(code, name)))

    for fund in find_funds(text):
        add(fund.start, fund.end, fund.code, fund.name)
    if "ETF" not in text and "etf" not in text:
        return sorted(found, key=lambda f: f.start)  # the patterns below all need the word 'ETF'
    for pattern in (_ETF_CODE_AFTER, _CODE_BEFORE_ETF):
        for m in pattern.finditer(text):
            add(m.start(), m.end(), m.group("code"), None)
    for m in _ETF_NAMED.finditer(text, timeout=REGEX_TIMEOUT):
        name = _DETERMINER.sub("", _LEADING_ARTICLE.sub("", m.group("name") + "ETF")).strip()
        if name != "ETF" and not _dated_only(m.group("name")):
            add(m.start(), m.end(), None, name)
    return sorted(found, key=lambda f: f.start)


@cache
def _date_words() -> frozenset[str]:
    """The words of days, months and relative days (lower case): 'Tuesday', 'Today'."""
    table = load_json("date_words.json")
    return frozenset([*table["weekdays"], *table["months"], *table["relative_days"]])


def _dated_only(words: str) -> bool:
    """True where the words before 'ETF' only date it ("Tuesday's ETF with Unusual Volume"): no fund's name."""
    found = [_POSSESSIVE.sub("", w).lower() for w in words.split()]
    return bool(found) and all(w in _date_words() for w in found)


#: where a dateline may stand: in the first sentences, near their start, a few days before publication
DATELINE_SENTENCES, DATELINE_REACH, DATELINE_DAYS = 4, 60, 7
#: how many opening sentences (headlines included) may give the document's day on a line of its own, and how many
#: days before publication it may lie (a notice put on a page months after it was issued; not an old date of an archive)
DOCUMENT_DAY_SENTENCES, DOCUMENT_DAYS = 10, 366
#: what may stand about a date on a line of its own: marks, spaces and a weekday's name
_LONE_DATE = regex.compile(
    r"(?i)[\s\p{P}]*+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)?[\s\p{P}]*+"
)
#: how many characters from a day a report word may stand to make it the day the news was told (`news_day`)
REPORT_WORD_REACH = 50
#: 'Shares plunged on Monday after the group posted a profit warning': a day followed by 'after' is that of a reaction
#: to the news, which came before it
REACTION_AFTER = regex.compile(r"(?i)(?:\s++(?:morning|afternoon|evening))?,?\s++(?:after|following)\b")
#: what may stand before a dateline's date: places, sources, brackets, figures, and labels of a page, but no
#: lower-case word of a sentence ('LONDON, July 14', '(July 27, 2021', '[ET Net News Agency, 6 March 2026]')
_DATELINE_LEAD = regex.compile(r"(?:[^\p{Ll}\s]\S*+|date|updated|published|posted|on|\s++)*+")


def is_dateline(text: str, date: Located[ResolvedDate]) -> bool:
    """A date written with a figure near the start of a line (of the sentence) with nothing before it but places,
    sources and labels ('Today's announcement comes as ...' opens a sentence with no dateline)."""
    line = (
        text.rfind("\n", 0, date.start) + 1
    )  # a sentence may hold the lines of a lead ('* bullet\nSHANGHAI, July 24')
    return (
        date.start - line <= DATELINE_REACH
        and _DIGIT.search(date.item.text) is not None
        and _DATELINE_LEAD.fullmatch(text, line, date.start) is not None
    )


_DIGIT = regex.compile(r"\d")


#: 'on' before a day in a dateline's place: the day of what the sentence tells ('On October 13th,', 'X on Wednesday')
#: (not a page's label 'Published on : Apr 20, 2015')
_SAID_ON = regex.compile(r"(?i)(?<![\w-])on(?![\w-])(?!\s*+[:：])")


@cache
def _report_words() -> PhraseSet:
    return PhraseSet.of(load_json("date_words.json")["report_words"])


@cache
def _statement_words() -> PhraseSet:
    return PhraseSet.of(load_json("date_words.json")["statement_words"])


def _own_statement(f: Facts, date: Located[ResolvedDate], at: int) -> bool:
    """No other date stands between a day and the statement word at `at`: 'a trading halt on Thursday ahead of this
    morning's announcement' tells the announcement this morning, not on Thursday."""
    lo, hi = sorted((date.end, at))
    return not any(d is not date and lo <= d.start and d.end <= hi for d in f.dates)


@dataclass
class ArticleView:
    """An article split into sentences with their facts, shared by all recognizers."""

    article: Article
    sentences: list[Sentence]
    facts: list[Facts]
    gazetteer: Gazetteer
    #: the sentences where a role lacked a name before the model read any (set by the pipeline, asked again after it)
    needing: list[Facts] | None = field(default=None, repr=False, compare=False)
    #: ids of the sentences' facts the model added names to
    model_named: set[int] = field(default_factory=set, repr=False, compare=False)
    #: reads the sentences chosen for context on first need (`read_context`); None once read, or when none are chosen
    context_reader: Callable[[], None] | None = field(default=None, repr=False, compare=False)
    #: what readers of the article compute once and keep with it, by key (`kept`)
    memos: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(
        cls,
        article: Article,
        gazetteer: Gazetteer,
        sentences: list[Sentence] | None = None,
        rates: FxTable | None = None,
    ) -> ArticleView:
        """Segment the article body (or take its given sentences, numbered 0, 1, ...) and prepare lazy facts."""
        if sentences is None:
            sentences = split_sentences(article.text, article.body_start)
        elif any(s.index != i for i, s in enumerate(sentences)):
            raise ValueError("the given sentences must be numbered 0, 1, 2, ... in order (Sentence.index)")
        sentences = _mark_headlines(sentences, article.text)
        yen, dollar, local = yen_of(article.text), dollar_of(article.text), local_of(article.text)
        facts = [
            Facts(s, article.published, gazetteer, rates=rates, yen=yen, dollar=dollar, local=local) for s in sentences
        ]
        return cls(article, sentences, facts, gazetteer)

    def read_context(self) -> None:
        """Have the statistical model read the sentences chosen for context (`EventUnit.context_names`) into their
        `Facts.context_orgs`, once: it reads them only when a reader first needs those names."""
        reader, self.context_reader = self.context_reader, None
        if reader is not None:
            reader()

    def kept(self, key: str, build: Callable[[], T]) -> T:
        """What `build` returns, computed on first need and kept with the view under `key`."""
        if key not in self.memos:
            self.memos[key] = build()
        return cast(T, self.memos[key])

    @lazy
    def dateline(self) -> str | None:
        """The day the article's opening lines give ('LONDON, July 14 (Reuters) -', '(July 27, 2021 - Hong Kong)'),
        within a week before publication: the day of the events the text dates no other way."""
        return self._opening_day(lambda f, d: is_dateline(f.text, d))

    @lazy
    def datelines(self) -> frozenset[str]:
        """Every day the opening lines give in a dateline's place, within a week before publication ('date 2024-07-29
        SHANGHAI, July 29, 2024 (GLOBE NEWSWIRE) --'; not 'On October 13th, X signed', 'X Ltd on Wednesday said', whose
        'on' makes the day that of what the sentence tells): the days of writing, which date no event a sentence tells."""
        published = self.article.published
        return frozenset(
            d.item.value
            for f in self._opening()
            for d in f.dates
            if d.item.kind == "day"
            and is_dateline(f.text, d)
            and _SAID_ON.search(f.text, 0, d.start) is None
            and (published is None or 0 <= (published - dt.date.fromisoformat(d.item.value)).days <= DATELINE_DAYS)
        )

    @lazy
    def document_day(self) -> str | None:
        """The day a line of its own gives in the article's opening lines, with nothing but a weekday and marks about it
        ('May 09, 2024' under a notice's signature, 'Monday, 3 March 2025' under a title), within a year before
        publication: the day the document was issued, for events the text dates no other way (before a page's dateline)."""
        published = self.article.published
        for f in self.facts[:DOCUMENT_DAY_SENTENCES]:
            days = [d for d in f.dates if d.item.kind == "day"]
            if len(days) != 1 or _LONE_DATE.fullmatch(f.text[: days[0].start] + f.text[days[0].end :]) is None:
                continue
            if published is None or 0 <= (published - dt.date.fromisoformat(days[0].item.value)).days <= DOCUMENT_DAYS:
                return days[0].item.value
        return None

    @lazy
    def lead_day(self) -> str | None:
        """The first day the opening lines name, not as a dateline, in a sentence that reports ('said on Monday',
        'in a statement Wednesday'; report_words in date_words.json), within a week before publication: the day
        of the news the lead reports, for events the text dates no other way (before the dateline, which gives
        the day of writing: 'BEIJING, Jan 29 (Reuters) - Mindray said on Sunday')."""
        return self._opening_day(
            lambda f, d: (
                not is_dateline(f.text, d)
                and _report_words().search(f.text) is not None
                and REACTION_AFTER.match(f.text, d.end) is None
            )
        )

    @lazy
    def news_day(self) -> str | None:
        """The day the article's news was told: the `lead_day`, else the first day, within a week before
        publication, that any later sentence names next to a word of a statement ('In a statement issued late Sunday,
        the group said', 'On Thursday the company said'; statement_words in date_words.json, at most
        `REPORT_WORD_REACH` characters away), not as a dateline and not as the day of a reaction ('fell on Monday after ...')."""
        return self.lead_day or self._reported_day()

    def _reported_day(self) -> str | None:
        published = self.article.published
        if published is None:
            return None
        for f in self.facts:
            for d in f.dates:
                if d.item.kind != "day" or is_dateline(f.text, d) or REACTION_AFTER.match(f.text, d.end) is not None:
                    continue
                if not 0 <= (published - dt.date.fromisoformat(d.item.value)).days <= DATELINE_DAYS:
                    continue
                lo, hi = max(0, d.start - REPORT_WORD_REACH), min(len(f.text), d.end + REPORT_WORD_REACH)
                if any(_own_statement(f, d, w.begin) for w in _statement_words().finditer(f.text, lo, hi)):
                    return d.item.value
        return None

    def _opening_day(self, accept: Callable[[Facts, Located[ResolvedDate]], bool]) -> str | None:
        """The first day of the opening lines that `accept` takes, within a week before publication."""
        published = self.article.published
        for f in self._opening():
            for d in f.dates:
                if d.item.kind != "day" or not accept(f, d):
                    continue
                day = dt.date.fromisoformat(d.item.value)
                if published is None or 0 <= (published - day).days <= DATELINE_DAYS:
                    return d.item.value
        return None

    def _opening(self) -> list[Facts]:
        """The opening lines where a dateline may stand: the first DATELINE_SENTENCES sentences of the body, and
        the headlines (titles, bylines, captions) before and among them."""
        out: list[Facts] = []
        body = 0
        for f in self.facts:
            if body == DATELINE_SENTENCES:
                break
            out.append(f)
            body += not f.sentence.headline
        return out

    def body_meant(self, index: int, body: Located[OrgRef]) -> str:
        """The name of the body a mention in sentence `index` means: 'the central bank' is the central bank the
        article last named before it (else the first it names after), and the gazetteer's default only where
        the article names none."""
        if not body.item.description:
            return body.item.name
        places, names = self._bodies_named(body.item.kind)
        at = bisect_left(places, (index, body.start))
        if at:
            return names[at - 1]
        return names[at] if at < len(names) else body.item.name

    def _bodies_named(self, kind: str) -> tuple[list[tuple[int, int]], list[str]]:
        """Where the article names a known body of a kind by its name, in order ((sentence, offset)), and the names;
        read once per article and kind."""

        def build() -> tuple[list[tuple[int, int]], list[str]]:
            found = [
                ((i, b.start), b.item.name)
                for i, f in enumerate(self.facts)
                for b in f.bodies
                if b.item.kind == kind and not b.item.description
            ]
            return [place for place, _ in found], [name for _, name in found]

        return self.kept(f"bodies_named:{kind}", build)

    def paragraph_before(self, index: int, limit: int = 4) -> list[Facts]:
        """Up to `limit` earlier sentences of the same paragraph, nearest first."""
        para = self.sentences[index].paragraph
        out = []
        for j in range(index - 1, max(-1, index - 1 - limit), -1):
            if self.sentences[j].paragraph != para:
                break
            out.append(self.facts[j])
        return out


_TERMINAL = (".", "!", "?", "。", "！", "？", ")", "）", '"', "”", "'", "’", ":", "]")


#: a line without closing punctuation of at most this many words is a title; a longer one only in title case
TITLE_WORDS = 16
#: the longest title in title case
TITLE_CASE_WORDS = 40
_LETTERED = regex.compile(r"[\p{L}][\w'’&.-]*+")
#: a wire story's dateline opening a line: a place in capitals, perhaps a date, then the agency in brackets and a dash
#: ('CHANDLER (dpa-AFX) -', 'HONG KONG, March 3 (Reuters) -'): the line is the story's first sentence, no title
_WIRE_DATELINE = regex.compile(r"\p{Lu}{2,}[\p{Lu} .'-]*+(?:,[^()\n]{1,20})?\s*+\([^()\n]{2,30}\)\s*+[-–—]")
#: '* Deal for a consideration of ...': an item of a list of facts, no title however short (the sentence splitter cuts '•')
_BULLET = regex.compile(r"[*▪·]\s")


def _capitalised(word: str) -> bool:
    """A word written as a name: capitalised, or a brand with a capital after its first letter ('iShares', 'eToro')."""
    return word[:1].isupper() or (word[:1].islower() and word[1:2].isupper())


def _title_like(line: str) -> bool:
    """A short line, or a longer one with most words capitalised; not a bullet or a scraped paragraph."""
    words = _LETTERED.findall(line)
    if len(words) <= TITLE_WORDS:
        return True
    capitalised = sum(1 for w in words if _capitalised(w))
    return len(words) <= TITLE_CASE_WORDS and capitalised * 2 > len(words)


def _bulleted(text: str, s: Sentence) -> bool:
    """A sentence that opens its line after a bullet mark, which the splitter cut ('- Bank ETF (512800) fell 1.1%'):
    an item of a list, no title."""
    return _ITEM_BEFORE.search(text, max(0, s.start - ITEM_MARK_REACH), s.start) is not None


#: how far before a sentence a bullet mark opening its line may stand
ITEM_MARK_REACH = 8
#: a bullet mark opening a line, right before what the line says
_ITEM_BEFORE = regex.compile(r"(?:^|\n)[ \t]*+[-–—•●*▪·][ \t]++$")


def _mark_headlines(sentences: list[Sentence], text: str | None = None) -> list[Sentence]:
    """Short lines without closing punctuation, not starting in lower case (titles, subheads), are headlines:
    facts of low priority; an item of a bulleted list in `text` (the article) is none."""
    last_of: dict[int, Sentence] = {}
    for s in sentences:
        last_of[s.paragraph] = s
    first_of: dict[int, Sentence] = {}
    for s in reversed(sentences):
        first_of[s.paragraph] = s
    titled = {
        p
        for p, s in last_of.items()
        if not s.text.rstrip().endswith(_TERMINAL)
        and (not first_of[p].text[:1].islower() or _capitalised(first_of[p].text))
        and _WIRE_DATELINE.match(first_of[p].text) is None
        and _BULLET.match(first_of[p].text) is None
        and (text is None or not _bulleted(text, first_of[p]))
        and _title_like(" ".join(x.text for x in sentences[first_of[p].index : s.index + 1]))
    }
    return [
        Sentence(s.index, s.paragraph, s.start, s.end, s.text, True) if s.paragraph in titled else s for s in sentences
    ]
