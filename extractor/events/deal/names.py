"""The companies of one article by every form it writes them in: a name found in one sentence ('Itochu Corp.',
"Japan's Idemitsu Kosan Co.", 'LG Energy Solution (LGES)') is found in the others in its short form ('Itochu',
'Idemitsu Kosan', 'LGES'), where the name finder, reading one sentence at a time, sees only a capitalised word."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass, field
from functools import cache

import regex

from extractor.contract import Located
from extractor.datafiles import load_json
from extractor.events.common import occurrences
from extractor.facts.analysis import ArticleView, Facts, OrgRef, clean_org_text, company_key, is_source, plain_name
from extractor.facts.defined_terms import is_defined_term
from extractor.facts.lexicon import phrases, words
from extractor.facts.names import lowercase_words, not_name_words
from extractor.facts.patterns import alternation

#: a short form shorter than this is no name to look for ('LG' alone is too likely another word's part)
SHORTEST_FORM = 3
#: "Japan's Idemitsu Kosan", 'South Korea’s LG Energy': a place's possessive before a name, no part of it
_PLACE_POSSESSIVE = regex.compile(r"^(?:\p{Lu}[\p{L}.-]*+\s++){0,2}?\p{Lu}[\p{L}.-]*+['’]s\s++(?=\p{Lu})")


#: "LG Energy Solution (LGES)", "Kuala Lumpur Kepong Bhd's (KLK)", "Harbor Pharma Co., Ltd., or HP,": the short form an
#: article defines for a company, in brackets or after ', or' (a filing's layout)
_ACRONYM_AFTER = regex.compile(
    r"(?:['’]s)?(?:\s*+[(（]\s*+(?P<acronym>\p{Lu}[\p{Lu}&\d]{1,7})\s*+[)）]"
    r"|(?:[\s\p{L}.,]{0,16}?),\s*+or\s++(?P<acronym>\p{Lu}[\p{Lu}&\d]{1,7})(?=[,.;:)]|\s*+$))"
)
#: a short form of one or two capitalised words, perhaps hyphenated and quoted, that a marker defines
_MARKED_FORM = r"[“\"‘']?(?P<acronym>\p{Lu}[\p{L}\d&]*+(?:-\p{L}[\p{L}\d&]*+)?)[”\"’']?(?=[\s,.;:)）])"


def _written_before(text: str, form: str, at: int) -> bool:
    """The article writes the short form before the name that defines it ('CATL held ...', then 'Contemporary Amperex
    Technology Co Ltd., better known as CATL,'): the form as first written is the party's name."""
    first = occurrences(text, form, standalone=True)
    return bool(first) and first[0][0] < at


@cache
def _marked_after() -> regex.Pattern[str]:
    """'Harbor Pharma (NASDAQ: HPH), also known as Har-Pharm,': the short form a marker after a name (perhaps after its
    ticker in brackets) defines (words.json short_form_markers)."""
    markers = alternation(words("deal")["short_form_markers"], space=r"\s++")
    return regex.compile(rf"(?:\s*+[(（][^()（）\n]{{1,30}}[)）])?\s*+[,(（]?\s*+(?i:{markers})\s++{_MARKED_FORM}")


def _defined_short(text: str, end: int) -> tuple[str, bool] | None:
    """The short form an article defines for the name ending at `end`: an acronym in brackets or after ', or', or a
    form after a marker ('also known as'), which the second item tells."""
    m = _ACRONYM_AFTER.match(text, end)
    if m is not None:
        return m.group("acronym"), False
    m = _marked_after().match(text, end)
    return (m.group("acronym"), True) if m is not None else None


@cache
def _legal_tail() -> regex.Pattern[str]:
    """The legal form the name finder left after a name ('First Delta Holdings' + ' Corp.'), words.json name_tails."""
    tails = alternation(sorted(_tail_words()))
    return regex.compile(rf"(?:,?\s++(?:{tails})(?![\p{{L}}\p{{N}}-])\.?){{1,3}}")


def _after_tail(text: str, end: int) -> int:
    """Where a name ends with the legal form written right after it, if any ('Delta Holdings Corp. (DHC)')."""
    m = _legal_tail().match(text, end)
    return m.end() if m is not None else end


#: the word before a name
_LAST_WORD = regex.compile(r"([\p{L}-]++)[\s,]*+$")
#: what may stand between a name that acts and its verb: its code in brackets, a day ('on Wednesday'), an adverb in
#: '-ly', an auxiliary ('has announced', 'is acquiring') perhaps with an adverb after it ('has formally agreed'), a verb
#: of intent and 'to' ('intends to buy', 'has agreed to acquire')
_BEFORE_VERB = regex.compile(
    r"(?:\s*+[(（][^()（）\n]{1,24}[)）])?(?:\s++on\s++\p{Lu}\w++)?(?:\s++\p{Ll}++(?<=ly))?"
    r"(?:\s++(?:has|have|had|is|are|was|were)(?:\s++\p{Ll}++(?<=ly))?)?(?:\s++\p{Ll}++\s++to)?\s++"
)


@cache
def _headed() -> tuple[regex.Pattern[str], frozenset[str], frozenset[str]]:
    """A capitalised name ending in a head the name finder takes for no party ('Haitong Securities', 'AGIC
    Capital'), perhaps then a legal form or group ending ('Delta Exchange Group Plc'), and the words after which such
    a name is a party, alone or with 'the' between (words.json acting_heads)."""
    table = words("deal")["acting_heads"]
    word = r"\p{Lu}[\p{L}\p{N}&'’.-]*+"
    tails = alternation(sorted(_tail_words()))
    pattern = regex.compile(
        rf"(?<![\p{{L}}\p{{N}}&'’.-])(?P<name>{word}(?:\s++(?:{word}|&)){{0,4}}\s++(?:{alternation(table['heads'])})"
        rf"(?:,?\s++(?:{tails})(?![\p{{L}}\p{{N}}-]))*+)"
        r"(?![\p{L}\p{N}-])"
    )
    return pattern, frozenset(table["before"]), frozenset(table["before_the"])


#: the word before 'the' right before a name
_WORD_BEFORE_THE = regex.compile(r"([\p{L}-]++)\s++(?i:the)\s++$")


def _placed_before(text: str, start: int) -> bool:
    """A name standing right after a word that places a party ('with Delta Capital'), or after one that places it
    with 'the' between ('a stake in the Delta Stock Exchange') (words.json acting_heads)."""
    _, before, before_the = _headed()
    last = _LAST_WORD.search(text, 0, start)
    if last is not None and last.group(1).lower() in before:
        return True
    if _part_of_before().search(text, max(0, start - 40), start) is not None:
        return True  # 'acquired by an affiliate of Delta Capital': the company the buying part belongs to
    placed = _WORD_BEFORE_THE.search(text, max(0, start - 40), start)
    return placed is not None and placed.group(1).lower() in before_the


@cache
def _part_of_before() -> regex.Pattern[str]:
    """'an affiliate of ', 'a unit of the ' right before a name: the name is the company the part belongs to
    (words.json placed_names part_of)."""
    return regex.compile(rf"(?i)\b(?:{_part_nouns()})\s++of\s++(?:the\s++)?$")


#: a wire's instrument code right after a name ('Delta Capital DCAP.MI'): the name is a listed company's
_INSTRUMENT_AFTER = regex.compile(r"\s++\p{Lu}[\p{Lu}\d]{0,5}\.\p{Lu}{1,2}(?![\p{L}\p{N}])")


def acting_headed(text: str) -> list[Located[OrgRef]]:
    """Names ending in a head of brokers, funds, investors or venues that stand where a party stands: acting
    ('Guotai Junan Securities on Wednesday announced'), right after a word of a deal ('merge with its rival Haitong
    Securities') or a part's noun ('an affiliate of Delta Capital'), or listed, their instrument code right after them
    ('Delta Capital DCAP.MI')."""
    pattern = _headed()[0]
    found: list[Located[OrgRef]] = []
    if not any(head in text for head in words("deal")["acting_heads"]["heads"]):
        return found
    for m in pattern.finditer(text):
        start, end = m.span("name")
        listed = _INSTRUMENT_AFTER.match(text, end) is not None
        if not (_placed_before(text, start) or _announces_after(text, end) or listed) or is_source(text, start, end):
            continue
        name = _without_verb(plain_name(m.group("name")))
        start = end - len(name)
        if len(name.split()) > 1:
            found.append(Located(start, end, OrgRef(name, company_key(name), "pattern")))
    return found


def _without_verb(name: str) -> str:
    """A name without a capitalised verb that announces a deal before it ('Introducing Delta Capital' of a brief's
    item after its company's name: 'Delta Capital')."""
    first, _, rest = name.partition(" ")
    return rest if rest and first.lower() in _announce_words() else name


def _verb_cut(c: Located[OrgRef]) -> Located[OrgRef]:
    """A company found with a capitalised verb that announces a deal before it, without that verb (`_without_verb`)."""
    name = _without_verb(c.item.text)
    if name == c.item.text:
        return c
    start = c.end - len(name)
    return Located(start, c.end, OrgRef(name, company_key(name), c.item.kind, c.item.description))


@cache
def _announce_words() -> frozenset[str]:
    """The one-word verbs that announce a deal (words.json announce_verbs), in lower case."""
    return frozenset(v.lower() for v in words("deal")["announce_verbs"] if " " not in v)


@cache
def _placed() -> regex.Pattern[str]:
    """A capitalised name right after a word that places a party (words.json placed_names): 'to buy H. D. Smith',
    'a joint venture with Zotye', 'a stake in YTN', 'developer Animalcare'."""
    word = r"(?!\p{Lu}++\.\p{Lu}{1,2}(?![\p{L}.]))\p{Lu}[\p{L}\p{N}&.-]*+"  # no ticker ('GMEXICOB.MX')
    link = r"(?:&|and|of|de|y|[(（]\p{Lu}[\p{L}\s]{1,20}[)）])"
    table = words("deal")["placed_names"]
    before = alternation(table["before"], space=r"\s++")
    appositive = alternation(table["appositive"], space=r"\s++")
    owned = alternation(table["owned_parts"], space=r"\s++")
    name = rf"(?P<name>{word}(?:\s++(?:{word}|{link}(?=\s++\p{{Lu}}))){{0,5}}+)"
    return regex.compile(
        rf"(?:(?<![\p{{L}}-])(?:{before}|(?:{appositive}),)|{_SHARE_OF})\s++{name}"
        # nor an owner ("buy New Zealand's second largest co-operative"), but of a part of it bought ("the purchase
        # of Delta Marine's shipping business")
        rf"(?:(?![\p{{L}}\p{{N}}&'’-])|(?=['’]s?\s++(?:[\p{{Ll}}-]++\s++){{0,4}}(?:{owned})(?![\p{{L}}\p{{N}}-])))"
        # or a name in apposition with a company's part it is: 'Delta Port Services, a subsidiary of Kestrel, will pay'
        rf"|(?<![\p{{L}}\p{{N}}&'’.-]){name.replace('?P<name>', '?P<part>')},\s++(?:an?|its|the)\s++(?:[\p{{Ll}}-]++\s++)?(?:{_part_nouns()})\s++of\b"
    )


#: a share bought of a company right before its name: '46.7% of', '20 per cent of'
_SHARE_OF = r"(?<![\p{L}\p{N}.,])\d[\d.,]*+\s*+(?:%|per\s*+cent|percent)\s++of"


def _part_nouns() -> str:
    """The nouns of a company that is part of another (words.json placed_names part_of): '..., a subsidiary of X'."""
    return alternation(words("deal")["placed_names"]["part_of"])


@cache
def _description_suffixes() -> tuple[str, ...]:
    """'-based', '-listed': endings of a word that describes the name after it (name_words.json suffixes)."""
    return tuple(x.lower() for x in load_json("name_words.json")["suffixes"] if x.startswith("-"))


def _without_full_stop(name: str) -> str:
    """'Kane.' -> 'Kane', 'Delta Bank.' -> 'Delta Bank': a name ending a sentence, without its full stop; a legal form
    ('Orion Corp.', 'Delta Co.') or an initial ('H. D.') keeps its own."""
    last = name.split()[-1]
    if not last.endswith(".") or last in _tail_words() or len(last) <= 2 or last.count(".") > 1:
        return name
    return name[:-1]


#: a lower-case word, then a capitalised one
_LOWER_THEN_NAME = regex.compile(r"\s++(?P<noun>\p{Ll}++)\s++\p{Lu}")


def _describes_next(text: str, end: int) -> bool:
    """'with Islamic entity Boubyan Bank': a capitalised word before a lower-case noun (no function word: 'Ablynx on
    Wednesday', nor a word that places a party: 'Secil to Delta') and a name describes that name."""
    m = _LOWER_THEN_NAME.match(text, end)
    return (
        m is not None
        and m.group("noun") not in not_name_words()
        and m.group("noun") not in words("deal")["placed_names"]["links"]
    )


def describes(text: str, name: str, end: int) -> bool:
    """A capitalised 'name' ending at `end` that describes what follows rather than naming anything: a word ending as
    descriptions do ('Hong Kong-based'), one before a lower-case noun and a name ('German utility Uniper'), or a place
    or another word that makes no name on its own."""
    after = _LOWER_THEN_NAME.match(text, end)
    linked = after is not None and after.group("noun") in words("deal")["acting_heads"]["before"]  # 'X to Delta'
    return (
        name.lower().endswith(_description_suffixes())
        or (_describes_next(text, end) and not linked)
        or all(w.lower() in not_name_words() for w in name.split())
    )


def _owner_of_next(text: str, end: int) -> bool:
    """'Sichuan unit SystImmune': a word before a noun of a company (words.json placed_names appositive) and a name
    says whose that name is."""
    m = _LOWER_THEN_NAME.match(text, end)
    return m is not None and m.group("noun") in words("deal")["placed_names"]["appositive"]


def _may_name(name: str) -> bool:
    """A name that opens on no word that makes none and is no place as a whole ('New Zealand')."""
    return name.split()[0].lower() not in not_name_words() and name.lower() not in not_name_words()


def _apposed_name(text: str) -> str | None:
    """A name in apposition with a part's noun ('Delta Port Terminal, a subsidiary of X'): the apposition makes it a
    company whatever head ends it (a venue's, a fund's), so only its shape is asked; None for no name."""
    name = plain_name(text)
    if len(name) < SHORTEST_FORM or not name[:1].isupper() or "\n" in name or is_defined_term(name):
        return None
    return name


def placed_names(text: str) -> list[Located[OrgRef]]:
    """Capitalised names standing where a party stands (`_placed`); never one opening on a word that makes no name
    (a place, a month, a function word), nor a source, nor what the name finder would refuse as a company."""
    found: list[Located[OrgRef]] = []
    for m in _placed().finditer(text):
        group = "name" if m.group("name") is not None else "part"
        start, end = m.span(group)
        raw = _without_full_stop(m.group(group))
        name = clean_org_text(raw) if group == "name" else clean_org_text(raw) or _apposed_name(raw)
        if name is None or is_source(text, start, end):
            continue
        # a name in apposition ('Shanghai Delta Port, a unit of X') may open on a place, not be one
        if not (_may_name(name) or (group == "part" and not all(w.lower() in not_name_words() for w in name.split()))):
            continue
        if name.lower().endswith(_description_suffixes()) or _describes_next(text, end):
            continue  # 'with Canada-based biotech company ...', 'with Islamic entity Boubyan Bank': a description
        start += m.group(group).find(name)
        found.append(Located(start, start + len(name), OrgRef(name, company_key(name), "pattern")))
    return found


@cache
def _bullet_subject() -> regex.Pattern[str]:
    """A capitalised name right after a line's bullet mark (words.json brief_layout) and before a verb in the past
    tense or a present one in '-s' ('* Delta Marine reported ...', '** Kestrel Holding says ...'), not an auxiliary
    ('* Says has signed ...': a brief's bullet without its subject)."""
    bullets = "".join(regex.escape(b) for b in words("deal")["brief_layout"]["bullets"])
    word = r"\p{Lu}[\p{L}\p{N}&'’.-]*+"
    return regex.compile(
        rf"(?m)^[ \t]*+[{bullets}]++[ \t]*+(?P<name>{word}(?:[ \t]++{word}){{0,4}}+)\s++"
        r"(?!(?:has|is|was|does)\b)(?=\p{Ll}++(?<=ed|s|said|made)\b)"
    )


@cache
def _trigger_words() -> frozenset[str]:
    """The deal's trigger words (words.json triggers), in lower case."""
    return frozenset(t.lower() for t in words("deal")["triggers"])


def bullet_subjects(text: str) -> list[Located[OrgRef]]:
    """The companies that open a brief's bullets as the subject of their verb (`_bullet_subject`); never a name
    opening on a word that makes none, nor one the name finder would refuse."""
    found: list[Located[OrgRef]] = []
    for m in _bullet_subject().finditer(text):
        name = clean_org_text(m.group("name"))
        if name is None or not _may_name(name) or name.lower() in _trigger_words():
            continue  # '* Deal values ...': the deal's own word
        start = m.start("name") + m.group("name").find(name)
        found.append(Located(start, start + len(name), OrgRef(name, company_key(name), "pattern")))
    return found


@cache
def _person_title() -> regex.Pattern[str]:
    """'Chief Executive Officer Richard Adkerson', 'CEO Jane Doe': a person's title opening a name (words.json
    person_titles)."""
    titles = alternation(words("deal")["person_titles"], space=r"\s++")
    return regex.compile(rf"^(?:{titles})\s++\p{{Lu}}")


def _titled(name: str) -> bool:
    """A 'company' that is a person named with the title before it: never a party (a name ending in a legal form,
    'President Energy Ltd', is a company's)."""
    return _person_title().match(name) is not None and name.split()[-1] not in _tail_words()


def _announces_after(text: str, end: int) -> bool:
    """A verb that announces a deal, or one of buying, right after a name ('on Wednesday announced', 'will acquire',
    'is acquiring')."""
    gap = _BEFORE_VERB.match(text, end)
    return gap is not None and (
        phrases("deal", "announce_verbs").match(text, gap.end()) is not None
        or phrases("deal", "types", "acquisition").match(text, gap.end()) is not None
    )


def short_form(text: str) -> str:
    """The form a company's later mentions take: no description, possessive place, legal form or group ending before
    or after it ("Japan's Idemitsu Kosan Co." -> 'Idemitsu Kosan', 'Cargo-Partner Group Holding AG' -> 'Cargo-Partner')."""
    return " ".join(_short_words(text)[0])


def _short_words(text: str) -> tuple[list[str], bool]:
    """The words of `short_form`, and whether a group ending was dropped from them ('Delta Group' -> 'Delta')."""
    form = company_key(_PLACE_POSSESSIVE.sub("", plain_name(text))).strip(" ,.")
    words_ = form.split()
    grouped = False
    while len(words_) > 1 and words_[-1] in _group_endings():
        words_.pop()  # 'Cargo-Partner Group Holdings AG' and '... Holding AG' are one: 'Cargo-Partner'
        grouped = True
    return words_, grouped


@dataclass
class ArticleNames:
    """The short forms of an article's companies, each with the key of the company it names: a form that opens a
    longer one the article writes ('Mabwell' of 'Mabwell Bioscience') names that company, where only one does."""

    forms: dict[str, str] = field(default_factory=dict)
    #: the forms that are the first word of one company's longer name ('Perseus' of 'Perseus Mining Limited')
    leads: frozenset[str] = frozenset()
    #: the full name as written of each short form the article defines ('LGES' of 'LG Energy Solution (LGES)')
    full: dict[str, str] = field(default_factory=dict)
    #: the words the article writes in lower case (a capitalised one of them opens a sentence, it names nothing)
    lower: Container[str] = field(default_factory=frozenset)
    #: the company each role a filing's party lines define names ('Purchaser': 'Harbor Tide Limited'), or each
    #: reference it defines in brackets after a name ('company' of 'X Co.Ltd (hereinafter "X" or "the company")')
    roles: dict[str, str] = field(default_factory=dict)
    #: the article's text
    text: str = ""

    @classmethod
    def of(cls, view: ArticleView) -> ArticleNames:
        """The forms of every company the article names, longest first, each with the canonical name of its first
        mention, or of the one longer company it opens."""
        canonical: dict[str, str] = {}
        #: the forms of a group's name without its ending ('Delta' of 'Delta Group'): the group, not a longer name's unit
        groups: set[str] = set()
        acronyms: dict[str, str] = {}
        full: dict[str, str] = {}
        references: dict[str, str] = {}
        for f in view.facts:
            found = [*f.companies, *acting_headed(f.text), *ticker_headed(f.text)]
            for c in join_tails(f.text, sorted(found, key=lambda m: m.start)):
                for written in (c.item.text, c.item.name):
                    words_, grouped = _short_words(written)
                    form = " ".join(words_)
                    if len(form) >= SHORTEST_FORM and form[:1].isupper():
                        canonical.setdefault(form, c.item.name)
                        if grouped and canonical[form] == c.item.name:
                            groups.add(form)
                for reference in _defined_references(f.text, _after_tail(f.text, c.end)):
                    references.setdefault(reference, plain_name(c.item.text))
                defined = _defined_short(f.text, _after_tail(f.text, c.end))
                if defined is not None:
                    short, marked = defined
                    acronyms.setdefault(short, c.item.name)
                    # a form a marker defines after the article first wrote it stays as written ('CATL')
                    if not (marked and _written_before(view.article.text, short, f.sentence.start + c.start)):
                        full.setdefault(short, plain_name(c.item.text))
        for acronym, name in acronyms.items():
            canonical.setdefault(acronym, name)
        lower = lowercase_words(view.article.text)
        leads = lead_words(canonical, view.article.text)
        for lead, name in leads.items():
            canonical.setdefault(lead, name)
        ordered = sorted(canonical, key=lambda s: (-len(s), s))
        book = cls(
            leads=frozenset(lead for lead in leads if canonical[lead] == leads[lead]),
            full={short: name for short, name in full.items() if len(name) > len(short)},
            lower=lower,
            roles={**references, **defined_roles(view)},
            text=view.article.text,
        )
        for form in ordered:
            longer = {book.forms[o] for o in ordered if o.startswith(form + " ")}
            # 'Delta' of 'Delta Group' stays the group where 'Delta Aerospace', one of its units, is named too
            book.forms[form] = longer.pop() if len(longer) == 1 and form not in groups else canonical[form]
        return book

    def written(self, ref: OrgRef) -> str:
        """The name a party is reported by: the full name where the mention is a short form the article defines for
        it ('RCL' of 'Rivercrest Logistics (RCL)'), else the mention as written."""
        return self.full.get(ref.text, ref.text)

    def key(self, ref: OrgRef) -> str:
        """The key two mentions of one party share, whichever form each is written in: a form the book lacks that
        opens the forms of one company only ('Belenos' of 'Belenos Biosciences') is that company's, and so is a name
        whose part before an ampersand is a known form."""
        form = short_form(ref.name)
        if form in self.forms:
            return self.forms[form]
        head = form.split(" & ", 1)[0]
        if head != form and head in self.forms:
            return self.forms[head]  # 'Delta Shipping & Marine Engineering', joined at its ampersand: 'Delta Shipping's
        longer = {key for known, key in self.forms.items() if known.startswith(form + " ")}
        return longer.pop() if len(longer) == 1 and len(form) >= SHORTEST_FORM else ref.name

    def _known(self, form: str, joined: str) -> bool:
        """A form the article names a company by, or a word it writes apart from the name `joined` that holds it
        ('Delta' of 'Delta Marine' written elsewhere)."""
        if form in self.forms:
            return True
        alone = occurrences(self.text, form, standalone=True)
        within = {start + joined.find(form) for start, _ in occurrences(self.text, joined, standalone=True)}
        return any(start not in within for start, _ in alone)

    def _unjoined(self, c: Located[OrgRef]) -> list[Located[OrgRef]]:
        """A name read across 'and' ('ABC and Delta') is two companies where one side is a form the article names a
        company by and the other one too, or a word the article writes apart from the joined name; any other stays
        whole ('Johnson and Johnson', 'Procter and Gamble')."""
        text = c.item.text
        m = _JOINED.fullmatch(text)
        if m is None or m.group("a") == m.group("b"):
            return [c]
        a, b = m.group("a"), m.group("b")
        if not ((a in self.forms or b in self.forms) and self._known(a, text) and self._known(b, text)):
            return [c]
        parts = []
        for side in ("a", "b"):
            ref = OrgRef(m.group(side), m.group(side), "pattern")
            parts.append(
                Located(c.start + m.start(side), c.start + m.end(side), OrgRef(ref.text, self.key(ref), "pattern"))
            )
        return parts

    def _roles_named(self, text: str, taken: list[tuple[int, int]]) -> list[Located[OrgRef]]:
        """The companies a sentence names by the roles the filing's party lines define ('the Purchaser')."""
        out: list[Located[OrgRef]] = []
        if not self.roles or _role_line().match(text) is not None:
            return out
        for role, name in self.roles.items():
            for m in regex.finditer(rf"(?i:\bthe)\s++(?P<role>{regex.escape(role)})(?![\p{{L}}\p{{N}}-])", text):
                start, end = m.span("role")
                if not any(a < end and start < b for a, b in taken):
                    out.append(Located(start, end, OrgRef(name, company_key(name), "pattern")))
        return out

    def companies(self, f: Facts) -> list[Located[OrgRef]]:
        """The sentence's companies and the article's names it writes in a form its own finder missed, in order."""
        text = f.text
        # 'The Wolfsburg-based company': a place the name finder took for a company, describing one
        found = [
            part
            for c in f.companies
            if not text[c.end : c.end + 12].lower().startswith(_description_suffixes()) and not _titled(c.item.text)
            for part in self._unjoined(_verb_cut(c))
        ]
        taken = [(o.start, o.end) for o in f.orgs]
        found += acting_venues(text, f.orgs)
        for headed in [*ticker_headed(text), *acting_headed(text), *placed_names(text), *bullet_subjects(text)]:
            if not any(a < headed.end and headed.start < b for a, b in taken):
                found += self._unjoined(headed)
                taken.append((headed.start, headed.end))
        keys = {self.key(c.item) for c in found}
        for form, key in self.forms.items():
            if form not in text:
                continue
            for start, end in occurrences(text, form, standalone=True):
                if any(a < end and start < b for a, b in taken):
                    continue
                if form in self.leads and (_NAME_GOES_ON.match(text, end) or _owner_of_next(text, end)):
                    # 'Perseus' of 'Perseus Gold Mine', 'Sichuan' of 'Sichuan Province': another name's word; 'Sichuan
                    # unit SystImmune': a description of the name after it
                    continue
                taken.append((start, end))
                if key not in keys:
                    keys.add(key)
                    found.append(Located(start, end, OrgRef(form, key, "pattern")))
        for role in self._roles_named(text, taken):
            found.append(role)
            taken.append((role.start, role.end))
        found = join_tails(text, sorted(found, key=lambda m: m.start))
        listed = list_mates(text, found, self.lower)
        return sorted([*found, *listed], key=lambda m: m.start) if listed else found


#: a name of two capitalised parts joined by 'and' (each one or two words)
_JOINED = regex.compile(
    r"(?P<a>\p{Lu}[\p{L}\p{N}-]*+(?: \p{Lu}[\p{L}\p{N}-]*+)?) and (?P<b>\p{Lu}[\p{L}\p{N}-]*+(?: \p{Lu}[\p{L}\p{N}-]*+)?)"
)
#: a capitalised word right after a word: the word is part of a longer name
_NAME_GOES_ON = regex.compile(r"[ \t]++(?:of\s++)?\p{Lu}|['’]s?\s++\p{Lu}|-\p{L}")
#: a name's first word shorter than this is no name on its own ('Sun' of 'Sun Art Retail')
SHORTEST_LEAD = 4


def lead_words(canonical: dict[str, str], text: str) -> dict[str, str]:
    """The first words that name a company alone in later mentions ('Perseus' of 'Perseus Mining Limited', 'Exore' of
    'Exore Resources Ltd'), each with that company's name: the first word of the longer names of one company only,
    capitalised, never written in lower case in the article, and no word that makes no name on its own (a place, a
    generic word of companies, a legal form)."""
    lower = lowercase_words(text)
    firsts: dict[str, set[str]] = {}
    for form, name in canonical.items():
        words_ = form.split()
        if len(words_) > 1:
            firsts.setdefault(words_[0], set()).add(name)
    out: dict[str, str] = {}
    for word, names in firsts.items():
        if len(names) != 1 or len(word) < SHORTEST_LEAD or not word[:1].isupper() or not word.isalpha():
            continue
        folded = word.lower()
        if folded in not_name_words() or folded in _generic_words() or word in _tail_words() or folded in lower:
            continue
        out[word] = names.pop()
    return out


#: what may stand between a name and the legal form the name finder cut from it: spaces, a short code in brackets
_TAIL_GAP = regex.compile(r"\s*+(?:[(（][\p{Lu}\d]{1,4}[)）]\s*+)?")


@cache
def _tail_words() -> frozenset[str]:
    """The words of a legal form (organization_words.json legal_suffixes, words.json name_tails.other) or a group's
    name ending (name_tails.group)."""
    table = words("deal")["name_tails"]
    legal = [
        w for form in load_json("organization_words.json")["legal_suffixes"] for w in form.replace(",", " ").split()
    ]
    return frozenset([*table["group"], *table["other"], *legal])


@cache
def _generic_words() -> frozenset[str]:
    """Words of descriptions rather than names ('Global', 'Medical', 'Bank'): organization_words.json generic_words."""
    return frozenset(load_json("organization_words.json")["generic_words"])


@cache
def _group_endings() -> frozenset[str]:
    """'Holdings', 'Group': endings that do not tell one company of a group from another (words.json name_tails)."""
    return frozenset(words("deal")["name_tails"]["group"])


def is_tail(name: str) -> bool:
    """A 'name' made only of the words of a legal form ('Holdings AG', 'Sdn Bhd', 'International Ltd')."""
    parts = name.replace(",", " ").split()
    return bool(parts) and all(p in _tail_words() for p in parts)


#: a name the finder cut after a linking word ('Delta Clearing Company of'): the name right after it goes on with it
_OPEN_LINK = regex.compile(r"\s(?:of|de|for)$")


#: an ampersand alone between two names: one name ('Delta Shipping & Marine Engineering'); a list joins with 'and'
_AMPERSAND = regex.compile(r"[ \t]++&[ \t]++")


def _goes_on(text: str, before: Located[OrgRef], c: Located[OrgRef]) -> bool:
    """Name `c` ends name `before`: a legal form alone right after it, a name right after one cut after a linking
    word, or a name after an ampersand."""
    if _OPEN_LINK.search(before.item.text) is not None and not text[before.end : c.start].strip():
        return True
    if _AMPERSAND.fullmatch(text, before.end, c.start) is not None:
        return True
    return is_tail(c.item.text) and _TAIL_GAP.fullmatch(text, before.end, c.start) is not None


def join_tails(text: str, found: list[Located[OrgRef]]) -> list[Located[OrgRef]]:
    """Companies with the legal forms the name finder cut from them joined back ('Cargo-Partner Group' + 'Holdings
    AG' -> 'Cargo-Partner Group Holdings AG'), names cut after a linking word ('Delta Clearing Company of' +
    'Ruritania Limited') or at an ampersand ('Delta Shipping' + 'Marine Engineering Co')."""
    out: list[Located[OrgRef]] = []
    for c in found:
        before = out[-1] if out else None
        if before is not None and _goes_on(text, before, c):
            name = text[before.start : c.end]
            out[-1] = Located(before.start, c.end, OrgRef(name, company_key(name), before.item.kind))
        else:
            out.append(c)
    return out


#: what may stand before a listed name: the share of it bought ('46.7% of ')
_ITEM_SHARE = r"(?:\d[\d.,]*+\s*+(?:%|per\s*+cent|percent)\s++(?:of|in)\s++)?"
#: what may stand after a listed name: the share it holds ('with 47.7%', '(9.8%)')
_ITEM_HELD = r"(?:\s++with\s++\d[\d.,]*+\s*+%|\s*+[(（]\d[\d.,]*+\s*+%[)）])?"
#: an acronym, a name the finders refuse alone ('KBA'), but one among listed companies
_LIST_ACRONYM = regex.compile(r"\p{Lu}{2,5}")
#: fewer items than this make a list only with a conjunction before the last
LIST_WITHOUT_CONJUNCTION = 3


@cache
def _party_list() -> regex.Pattern[str]:
    """A list of capitalised names, each perhaps with a share before or after it, joined by commas or a conjunction
    (words.json party_lists): 'Delta Mining, Kestrel Trading Co., Ltd. and Orion Holdings'."""
    word = r"\p{Lu}[\p{L}\p{N}&'’.-]*+"
    link = r"(?:of|de|y|du|la|&)"
    tails = alternation(sorted(_tail_words()))
    name = rf"{word}(?:\s++(?:{link}\s++)?{word}){{0,6}}+(?:,\s++(?:{tails})(?![\p{{L}}\p{{N}}-])\.?)*+"
    item = rf"{_ITEM_SHARE}(?P<item>{name}){_ITEM_HELD}"
    conjunctions = alternation(words("deal")["party_lists"]["conjunctions"], space=r"\s++")
    separator = rf"(?:\s*+,\s*+(?:(?:{conjunctions})\s++)?|\s++(?:{conjunctions})\s++)"
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}&'’.-]){item}(?:{separator}{item})++(?![\p{{L}}\p{{N}}&'’-])")


@cache
def _conjunction_before() -> regex.Pattern[str]:
    """A separator of a list that holds a conjunction (words.json party_lists)."""
    conjunctions = alternation(words("deal")["party_lists"]["conjunctions"], space=r"\s++")
    return regex.compile(rf"(?i)(?:^|\W)(?:{conjunctions})\s")


def list_mates(text: str, found: list[Located[OrgRef]], lower: Container[str] = frozenset()) -> list[Located[OrgRef]]:
    """The other items of a list of names where one item is a company found ('with Delta Mining, Kestrel Trading and
    Orion Holdings', only 'Delta Mining' found): a list of three names or more, or of two with a conjunction between
    the last two; never a list of people ('X, chairman of Y, and Z'), nor an item that is a person, a place, a month, a
    word the article writes in lower case (`lower`), nor one that describes what follows."""
    out: list[Located[OrgRef]] = []
    for m in _party_list().finditer(text):
        spans = list(zip(m.starts("item"), m.ends("item")))
        last_gap = text[spans[-2][1] : spans[-1][0]]
        if len(spans) < LIST_WITHOUT_CONJUNCTION and _conjunction_before().search(last_gap) is None:
            continue
        seeds = [[c for c in found if c.start < b and a < c.end] for a, b in spans]
        if not any(_sure_seed(c) for seed in seeds for c in seed) or _people(text, m, spans):
            continue
        for (start, end), seed in zip(spans, seeds):
            if seed or any(c.start < end and start < c.end for c in out) or _person(text, start, end):
                continue
            if " " not in text[start:end] and (text[start:end].lower() in lower or not text[:start].strip()):
                continue  # 'Recently, Delta and Kestrel ...': a word the article writes in lower case, or opening it
            written = _without_full_stop(text[start:end])
            # an acronym, or a fund's or an investor's name ('Delta Pioneer Fund'), refused alone, is one of a list
            name = clean_org_text(written) or (
                written if _LIST_ACRONYM.fullmatch(written) or _headed()[0].fullmatch(written) else None
            )
            if name is None or not _listed_name(text, name, start + len(name)):
                continue
            out.append(Located(start, start + len(name), OrgRef(name, company_key(name), "pattern")))
    return out


def _sure_seed(c: Located[OrgRef]) -> bool:
    """A company found that may open a list: no one-word guess of the statistical finder ('Huadu' of a list of
    districts)."""
    return c.item.kind != "ner" or " " in c.item.text.strip()


#: a role after a person's name: ', representative of', ', Member of'
_ROLE_AFTER = regex.compile(r"\s*+,\s*+\p{L}++\s++of\b")


def _person(text: str, start: int, end: int) -> bool:
    """A listed name that is a person's: a title right before it ('vice president Alan Doe'), or a role after it
    (', representative of')."""
    before = text[max(0, start - 40) : start]
    return _title_before().search(before) is not None or _ROLE_AFTER.match(text, end) is not None


@cache
def _title_before() -> regex.Pattern[str]:
    """A person's title (words.json person_titles) right before a name, in any case."""
    titles = alternation(words("deal")["person_titles"], space=r"\s++")
    return regex.compile(rf"(?i)\b(?:{titles})\s++$")


def _people(text: str, m: regex.Match[str], spans: list[tuple[int, int]]) -> bool:
    """A list of people: an item opens with a person's title ('Founder', 'Chairman of Delta')."""
    return any(_person_title().match(text[a:b] + " X") is not None for a, b in spans)


def _listed_name(text: str, name: str, end: int) -> bool:
    """A listed item that may name a company: not only words that make no name (a place, a month), no person's title,
    no description of the name after it, no source."""
    return (
        not all(w.lower() in not_name_words() for w in name.split())
        and not _titled(name)
        and _person_title().match(name + " X") is None
        and not name.lower().endswith(_description_suffixes())
        and not _describes_next(text, end)
        and not is_source(text, end - len(name), end)
    )


@cache
def _role_line() -> regex.Pattern[str]:
    """A filing's party line: '(1) Purchaser: Harbor Tide Limited, a wholly-owned subsidiary of ...', its role (words.json
    defined_parties) and the name after the colon, up to a comma, a bracket or the line's end."""
    roles = alternation(words("deal")["defined_parties"]["roles"])
    return regex.compile(
        r"[\W_]*+(?:[(（]?\w{1,3}[)）.]\s*+)?(?:the\s++)?"
        rf"(?P<role>{roles})\s*+[:：]\s*+(?P<name>\p{{Lu}}[^,;(（\n]{{2,80}}?)\s*+(?:[,;(（]|$)"
    )


def defined_roles(view: ArticleView) -> dict[str, str]:
    """The roles a filing's party lines define, each with the company named (its first line of each role)."""
    roles: dict[str, str] = {}
    for f in view.facts:
        m = _role_line().match(f.text)
        if m is not None:
            name = clean_org_text(m.group("name").strip())
            if name is not None:
                roles.setdefault(m.group("role"), name)
    return roles


#: a digest item opening on its companies' names, their ticker or market code in brackets, then a colon or a dash:
#: 'Harbor Pharma (HPH VN): Plans to acquire ...', 'Delta and Orvano (SA:) – ...' (a colon or an en dash: a wire's
#: dateline has a hyphen or an em dash, 'Oslo (AP) -')
_TICKER_HEAD = regex.compile(
    r"[^\p{L}\p{N}(（]*+(?P<names>\p{Lu}[\p{L}\p{N}&.'’-]*+(?:\s++(?:and\s++|&\s++)?\p{Lu}[\p{L}\p{N}&.'’-]*+){0,5}+)"
    r"\s*+[(（](?P<code>[\p{Lu}\d]{1,8}(?:\s++[\p{Lu}]{2})?|[\p{Lu}]{1,8}:[\p{Lu}\d.]{0,8})[)）]\s*+[:：–]"
)
#: what joins the names of a digest item's heading: 'Delta and Orvano'
_HEAD_JOIN = regex.compile(r"\s++(?:and|&)\s++")


def ticker_headed(text: str) -> list[Located[OrgRef]]:
    """The companies a digest item's heading names before their ticker ('Harbor Pharma (HPH VN): ...'): the names are
    not written all in capitals (a dateline's place: 'OSLO (AP) -'), nor a wire's, nor made only of words that make
    no name."""
    if "(" not in text and "（" not in text:
        return []  # the code stands in brackets
    m = _TICKER_HEAD.match(text)
    if m is None or m.group("names").isupper() or is_source(text, m.start("code"), m.end("code")):
        return []
    found: list[Located[OrgRef]] = []
    start = m.start("names")
    for part in _HEAD_JOIN.split(m.group("names")):
        at = text.index(part, start)
        start = at + len(part)
        if part.isupper() and len(part) <= 1:
            continue
        if all(w.lower() in not_name_words() for w in part.split()):
            continue
        found.append(Located(at, at + len(part), OrgRef(part, company_key(part), "pattern")))
    return found


def acting_venues(text: str, orgs: list[Located[OrgRef]]) -> list[Located[OrgRef]]:
    """Exchanges the finders know that act in a deal ('Nasdaq Inc has agreed to buy', 'Harbor Exchange will acquire'):
    a venue is a party where a verb that announces a deal, or one of buying, follows it; not one that approves it."""
    return [
        o
        for o in orgs
        if o.item.kind == "exchange" and _announces_after(text, _after_tail(text, o.end)) and not _approves(text, o.end)
    ]


def _approves(text: str, end: int) -> bool:
    """A verb that approves a deal right after a name ('has approved'; words.json approvals)."""
    gap = _BEFORE_VERB.match(text, end)
    return gap is not None and phrases("deal", "approvals").match(text, gap.end()) is not None


#: a bracket right after a name, perhaps after a legal form glued to it and its code in brackets: ' Co.Ltd(002240)
#: (hereinafter referred to as ...)'
_DEFINITION = regex.compile(
    r"(?:\s*+[\p{L}.]{1,12}(?=[(（\s]))?\s*+(?:[(（][\p{Lu}\d.:/ ]{1,24}[)）]\s*+)?"
    r"[(（](?P<inside>(?:[^()（）]|[(（][^()（）]{0,24}[)）]){0,200}+)[)）]"
)
#: a quoted definite reference inside it: '“the company”', '"the Company"'
_QUOTED_REFERENCE = regex.compile(r"[“\"”‘’']\s*+(?i:the)\s++(?P<reference>\p{L}++)\s*+[”\"“’']")


def _defined_references(text: str, end: int) -> list[str]:
    """The definite references a bracket right after a name defines for it ('X (hereinafter referred to as “X” or “the
    company”)': 'company'): the article's 'the company' is then that name."""
    m = _DEFINITION.match(text, end)
    if m is None:
        return []
    return [r.group("reference") for r in _QUOTED_REFERENCE.finditer(m.group("inside"))]
