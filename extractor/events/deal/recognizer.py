"""Deals: licensing, collaboration, acquisition, co-development and NewCo agreements."""

from __future__ import annotations

from functools import cache

import regex

from extractor.contract import Located, Money
from extractor.datafiles import load_json
from extractor.events.common import (
    NOT_EVENT_DATES,
    THE_BEFORE,
    act_day,
    clauses,
    event_date,
    sentence_date,
    within,
)
from extractor.events.deal.model import MONEY_FIELDS, DealFields, DealType, MoneyField, is_money_field
from extractor.events.deal.names import ArticleNames, describes, ticker_headed
from extractor.events.draft import Draft
from extractor.events.roles import assign_roles
from extractor.facts.amounts import currency_codes
from extractor.facts.analysis import ArticleView, Facts, OrgRef, company_key, plain_name
from extractor.facts.defined_terms import is_defined_term
from extractor.facts.lexicon import PhraseSet, phrases, roles, words
from extractor.facts.patterns import alternation

TYPE_ORDER: tuple[DealType, ...] = ("acquisition", "newco", "co_development", "licensing", "collaboration")
#: an amount below this is a price of one share or unit, never a deal's
UNIT_PRICE_CEILING = 10_000
#: how many sentences after a deal a sentence may add its figures to it
FOLLOW_UP_SENTENCES = 3
#: amounts of two mentions agree within this share of the first (one sum said again)
SAME_AMOUNT = 0.005
#: the `subject` of a draft whose clause tells of a further deal of a party already named ('X also agreed to buy Y')
FURTHER = "further deal"
_DRUG_CODE = regex.compile(r"(?<![\w$.])(?P<asset>[A-Z]{2,6}-?[A-Z]?\d{2,5}[A-Za-z]?)(?![\w%]|\.\d)")


def _alternation(key: str) -> str:
    """An alternation of a deal word list, longest first."""
    return alternation(words("deal")[key])


@cache
def _per_share() -> regex.Pattern[str]:
    """'$54.20 per share', 'HK$3.50 a share', '$12 per ordinary share', '2,300 yen apiece' (words.json per_share)."""
    table = words("deal")["per_share"]
    before = alternation(table["before_share"], space=r"\s++")
    return regex.compile(rf"(?i)\s*+(?:(?:{before})\s++(?:[\w-]++\s++)?share\b|(?:{alternation(table['alone'])})\b)")


@cache
def _founded() -> regex.Pattern[str]:
    """'established in the city of Lianyungang in 1997', 'founded in 2006': the year a company began, no deal's
    date (words.json founding_verbs)."""
    verbs = alternation(words("deal")["founding_verbs"], space=r"\s++")
    return regex.compile(rf"(?i)\b(?:{verbs})\b[^.;:()]{{0,60}}?\bin\s++(?:the\s++year\s++)?$")


@cache
def _currency_code() -> regex.Pattern[str]:
    """'USD100': an amount written with a currency code, not a drug code."""
    return regex.compile(rf"^(?:{alternation(currency_codes())})\d")


@cache
def _priced_deal() -> regex.Pattern[str]:
    """A deal noun right after an amount, two words at most between: '... licensing agreement', '... all-stock deal'."""
    return regex.compile(rf"(?i)\s*+(?:[\w-]++\s++){{0,2}}?(?:{_alternation('nouns')})\b(?!s)")


@cache
def _singular_pattern() -> regex.Pattern[str]:
    """'a licensing agreement', 'its NewCo': one deal, not market statistics."""
    return regex.compile(rf"\b(?:an?|the|this|its|their)\s++(?:[\w/-]++\s++){{0,4}}?(?:{_alternation('nouns')})\b(?!s)")


@cache
def _announced_one() -> regex.Pattern[str]:
    """'announced the signing of an out-licensing agreement', 'granted X exclusive rights'."""
    return regex.compile(
        rf"\b(?:{_alternation('announce_verbs')})\b[^.;()]{{0,60}}?"
        rf"(?:\b(?:an?|its|their)\s++(?:[\w/-]++\s++){{0,4}}?(?:{_alternation('nouns')})\b(?!s)"
        r"|\b(?:exclusive|global|worldwide|commercial|development)\s++(?:[\w-]++\s++){0,2}?rights?\b)"
    )


@cache
def _definite_reference() -> regex.Pattern[str]:
    """'The Swiss company ...', 'Altogether the pact ...': a clause whose subject is a deal or party already known."""
    return regex.compile(
        r"[\W_]*+(?:\w++,?\s++)?(?:the|this)\s++(?:[\w'’.-]++\s++){0,3}?"
        rf"(?:{_alternation('definite_heads')})\b(?![-'’]?s\b)",
        regex.IGNORECASE,
    )


@cache
def _asset_phrase() -> regex.Pattern[str]:
    """'for its self-developed PD-1/VEGF bispecific antibody': the asset a deal is about."""
    heads = _alternation("asset_heads")
    return regex.compile(
        r"\b(?:for|of|to|on)\s++(?:its|the|a|an|their)\s++"
        r"(?:self-developed\s++|in-house\s++|proprietary\s++|novel\s++|investigational\s++)?"
        r"(?P<asset>(?:[\w/+-]++\s++){0,5}(?:" + heads + r"))(?:\s++(?:drug|candidate|program|programme))?\b"
    )


#: how many words may stand between a verb of selling and the holding or the buyer it names
SALE_REACH = 8


@cache
def _sale() -> regex.Pattern[str]:
    """'agreed to sell a 30 per cent equity interest', 'sold its stake in', 'has been sold to First Origin': a company
    selling a holding, or selling to a named buyer (words.json sales); no trade in shares or goods."""
    table = words("deal")["sales"]
    verbs = alternation(table["verbs"], space=r"\s++")
    holdings = alternation(table["holdings"], space=r"\s++")
    word = rf"(?!(?:{alternation(table['not_holdings'])})\b)[\w'’%.,-]++"
    # a count of holdings sold is a determiner too ('dispose of three retail properties'; number_words.json en_units)
    counts = alternation([w for w in load_json("number_words.json")["en_units"] if w not in ("zero", "one")])
    determiner = rf"(?:its|their|the|a|an|his|her|our|all|{counts}|\d[\d.,]*+\s*+(?:%|per\s*+cent|percent))"
    # a capital that opens an amount ('US$175', 'HKD 5') names no buyer
    buyer = (
        rf"(?:{alternation(table['to_buyer'])})\s++(?:\p{{Ll}}[\w-]*+\s++){{0,4}}?\p{{Lu}}"
        r"(?!\p{Lu}{0,2}[$€£¥]|\p{Lu}{2}\s*+\d)"
    )
    return regex.compile(
        rf"(?i:\b(?:{verbs}))\b(?:\s++{word}){{0,{SALE_REACH}}}?\s++(?:"
        rf"(?i:{determiner})(?:\s++{word}){{0,4}}?\s++(?i:{holdings})\b|{buyer})"
    )


@cache
def _investment() -> regex.Pattern[str]:
    """'will invest $5 billion in Intel', 'is investing Rs 9,093 crore in Jio Platforms', 'a $2 billion investment in
    Intel': a stake bought for a figure (words.json investments)."""
    table = words("deal")["investments"]
    figure = r"(?:[^\s\d;]++\s++)?[^\s;]*?\d[^\s;]*+(?:\s++[\p{Ll}]++){0,2}?"
    into = rf"\s++(?:{alternation(table['into'])})\s++(?:the\s++)?\p{{Lu}}"
    noun = alternation(table["nouns"], space=r"\s++")
    return regex.compile(
        rf"(?i:\b(?:{alternation(table['verbs'])}))\s++(?:(?i:an?|another|up\s++to|about|around|nearly|some)\s++)?"
        rf"{figure}{into}|(?i:\b(?:an?|its|their))\s++(?:[^\s;]*?\d[^\s;]*+(?:\s++\p{{Ll}}++)?)"
        rf"\s++(?i:{noun}){into}"
    )


@cache
def _invested_total() -> regex.Pattern[str]:
    """'an investment of', 'would invest' right before a figure (words.json investments.before_total)."""
    before = alternation(words("deal")["investments"]["before_total"], space=r"\s++")
    return regex.compile(rf"(?i)\b(?:{before})\s++$")  # a qualifier ('about') is inside the amount's span


@cache
def _facility_after() -> regex.Pattern[str]:
    """A thing a venture builds right after a figure, two words at most between: '... nickel plant' (words.json
    investments.facilities)."""
    noun = alternation(words("deal")["investments"]["facilities"], space=r"\s++")
    return regex.compile(rf"(?i)[\s-]*+(?:[\w-]++\s++){{0,2}}?(?:{noun})\b(?!s)")


@cache
def _builds_facility() -> regex.Pattern[str]:
    """'to build a $1.4 billion nickel plant', 'to establish a 100,000 wafers per month fab': a facility agreed to be
    built, six words at most between (words.json investments.build_verbs, facilities)."""
    table = words("deal")["investments"]
    verbs = alternation(table["build_verbs"], space=r"\s++")
    noun = alternation(table["facilities"], space=r"\s++")
    return regex.compile(rf"(?i)\bto\s++(?:{verbs})\s++(?:[^\s;]++\s++){{0,6}}?(?:{noun})\b(?!s)")


@cache
def _facility_subject() -> regex.Pattern[str]:
    """A clause whose subject is the thing a venture builds: 'The plant would cost ...' (investments.facilities)."""
    noun = alternation(words("deal")["investments"]["facilities"], space=r"\s++")
    return regex.compile(rf"[\W_]*+(?i:the|this)\s++(?:[\w-]++\s++){{0,2}}?(?i:{noun})\b(?!s)")


@cache
def _paid_before() -> regex.Pattern[str]:
    """'for', 'would offer' right before a figure: what is paid for a deal (words.json paid_before)."""
    return regex.compile(rf"(?i)\b(?:{alternation(words('deal')['paid_before'])})\s++$")


#: the deal types whose clause may give the money the deal is set up with as its total
VENTURES = ("newco", "collaboration")
#: the deal types whose clause may give the price of what the deal builds as its total ('other': a venture its
#: type words do not name, 'signed an agreement to build a plant')
BUILDERS = (*VENTURES, "other")


def _builds(text: str, lo: int, hi: int) -> bool:
    """A clause of a deal that may build something (a venture, or a deal of no named type) naming no licence term."""
    return (
        DealRecognizer._type(text, lo, hi) in BUILDERS and phrases("deal", "licence_terms").search(text, lo, hi) is None
    )


def _venture(text: str, lo: int, hi: int) -> bool:
    """A clause of a joint venture or a collaboration that names no licence nor what one is paid in (an upfront
    payment, milestones, royalties)."""
    return (
        DealRecognizer._type(text, lo, hi) in VENTURES and phrases("deal", "licence_terms").search(text, lo, hi) is None
    )


@cache
def _subscription() -> regex.Pattern[str]:
    """'proposed to subscribe to approximately 31.1 per cent in Fortis', 'subscribed for new shares of X': shares of
    a company bought by subscription; not a fund, an offering or a bond issue subscribed to (words.json
    subscriptions)."""
    table = words("deal")["subscriptions"]
    not_objects = alternation(table["not_objects"], space=r"\s++")
    return regex.compile(
        rf"(?i)\b(?:{alternation(table['verbs'])})\s++(?:to|for)\b"
        rf"(?!(?:\s++[\w’'.-]++){{0,{SUBSCRIPTION_REACH - 1}}}?\s++(?:{not_objects})\b)"
    )


#: how many words after 'subscribe to' may name what is subscribed to
SUBSCRIPTION_REACH = 6


@cache
def _stake_raise() -> regex.Pattern[str]:
    """'lifted its stake in', 'raising stakes in', 'boosted its voting rights stake in': a company buying more of
    another (words.json stake_raises)."""
    table = words("deal")["stake_raises"]
    verbs = alternation(table["verbs"])
    holdings = alternation(table["holdings"], space=r"\s++")
    return regex.compile(rf"(?i)\b(?:{verbs})\s++(?:(?:its|their)\s++)?(?:{holdings})\s++in\b")


@cache
def _sale_verbs() -> PhraseSet:
    """The verbs of selling, investing, subscribing and raising a stake alone: a clause without one tells of no sale
    (one fast scan)."""
    table = words("deal")
    investments = table["investments"]
    return PhraseSet.of(
        [
            *table["sales"]["verbs"],
            *investments["verbs"],
            *investments["nouns"],
            *table["subscriptions"]["verbs"],
            *table["stake_raises"]["verbs"],
        ]
    )


def sells(text: str, lo: int, hi: int) -> bool:
    """A clause that tells of a sale of a holding, or to a named buyer, of an investment for a figure, of a
    subscription for a share of a company, or of a stake raised."""
    if _sale_verbs().search(text, lo, hi) is None:
        return False
    return any(p.search(text, lo, hi) is not None for p in (_sale(), _investment(), _subscription(), _stake_raise()))


#: a share of a company written as a percentage ('24.8%', '30 per cent'): a holding bought
_SHARE = regex.compile(r"\d\s*+(?:%|per\s*+cent|percent)", regex.I)


#: how far before a figure the words that make it the whole price may stand
WHOLE_VALUE_REACH = 40


@cache
def _whole_value_before() -> regex.Pattern[str]:
    """Words that make the figure right after them the whole price (words.json whole_values), ending right before
    it (perhaps with 'about' or 'a total' between)."""
    table = alternation(words("deal")["whole_values"], space=r"\s++")
    return regex.compile(rf"(?i)(?<![\w-])(?:{table})\s*+(?:(?:about|around|approximately|some)\s++)?$")


def _whole_value(text: str, totals: list[Located[Money]]) -> Money | None:
    """Of several figures of a clause's price, the one written as its whole value, debt included ('a total
    enterprise value of $12.4 billion'); None where there is no choice or no such figure."""
    if len(totals) < 2:
        return None
    for m in totals:
        if _whole_value_before().search(text, max(0, m.start - WHOLE_VALUE_REACH), m.start) is not None:
            return m.item
    return None


@cache
def _rights_bought() -> regex.Pattern[str]:
    """A verb of buying whose object, up to four words after it, is rights ('acquired the exclusive regional rights
    to'; words.json rights_bought)."""
    table = words("deal")["rights_bought"]
    return regex.compile(
        rf"(?i)(?<![\w-])(?:{alternation(table['verbs'])})\s++(?:[\w’'-]++\s++){{0,4}}?"
        rf"(?:{alternation(table['objects'])})(?![\w-])"
    )


@cache
def _drug_name() -> regex.Pattern[str]:
    """'cabozantinib', 'Trastuzumab deruxtecan': a drug's nonproprietary name, by its stem (words.json asset_stems)."""
    stems = alternation(words("deal")["asset_stems"])
    inn = rf"\p{{L}}{{3,}}(?i:{stems})"
    return regex.compile(rf"(?<![\w-])(?P<asset>{inn}(?:\s++{inn})?)(?![\w-])")


@cache
def _held_asset() -> regex.Pattern[str]:
    """'a 30% stake in the Harbor Tower', 'its holding in the Kestrel Gold Project': the capitalised name a holding is
    held in (words.json held_assets); no name that owns what follows it ('a stake in Delta's copper project')."""
    table = words("deal")["held_assets"]
    word = r"\p{Lu}(?:[\p{L}\p{N}&'’-]|\.(?=\p{L}))*+"
    link = alternation(table["links"])
    holdings = alternation(table["holdings"], space=r"\s++")
    return regex.compile(
        rf"(?i:\b(?:{holdings})\s++(?:in|of)\s++(?:the\s++(?=\p{{Lu}}))?)"
        rf"(?P<asset>{word}(?:\s++(?:{link}\s++)?{word})*+)(?![\p{{L}}\p{{N}}'’-])"
    )


def held_asset(text: str, lo: int, hi: int) -> str | None:
    """The name a holding bought or sold in the clause is held in (`_held_asset`), or None."""
    m = _held_asset().search(text, lo, hi)
    if m is None or _OWNER.search(m.group("asset")) is not None:
        return None  # 'a stake in Delta's copper project': the name owns the asset, it is not one
    asset = plain_name(m.group("asset"))  # 'a stake in Nasdaq-listed X': X
    if not asset or describes(text, asset, m.end("asset")) or is_defined_term(asset, text[: m.start("asset")]):
        return None  # 'a stake in German utility Uniper', 'a stake in Shanghai': no name of what is held
    return asset


#: a possessive inside a name: the name owns what follows it
_OWNER = regex.compile(r"['’](?:s\b|(?!\p{L}))")


def _triggered(text: str, lo: int, hi: int) -> bool:
    """A deal trigger in text[lo:hi] that is not part of a phrase about trading securities ('buy shares', 'a buy'),
    or a sale or investment (`sells`)."""
    hits = [m for m in phrases("deal", "triggers").finditer(text, lo, hi) if not _mentioned(text, m.start(), m.end())]
    if not hits:
        return sells(text, lo, hi)
    blocked = [m.span() for m in phrases("deal", "trigger_blockers").finditer(text, lo, hi)]
    return any(not any(a <= m.start() and m.end() <= b for a, b in blocked) for m in hits) or sells(text, lo, hi)


def _triggers_blocked(text: str, lo: int, hi: int) -> bool:
    """A clause with triggers that `_triggered` rules out, every one: the rules' word against a deal."""
    return not _triggered(text, lo, hi) and phrases("deal", "triggers").search(text, lo, hi) is not None


@cache
def _earlier_frame_pattern() -> regex.Pattern[str]:
    """A clause opening on what came before, up to a figure, no comma between: 'Weeks after its $' (words.json
    earlier_frames)."""
    frames = alternation(words("deal")["earlier_frames"], space=r"\s++")
    return regex.compile(rf"[\W_]*+(?i:{frames})\b[^,;，；]*+$")


#: the most words between a cause word and the deal word it governs
CAUSE_REACH = 12


def _caused(text: str, lo: int, hi: int) -> bool:
    """Every deal word of the clause follows a cause word (words.json causes) within `CAUSE_REACH` words and no
    punctuation: the deal is told as the cause of something else."""
    causes = [m.end() for m in phrases("deal", "causes").finditer(text, lo, hi)]
    triggers = list(phrases("deal", "triggers").finditer(text, lo, hi))
    return bool(causes and triggers) and all(
        any(
            at <= t.start()
            and len(text[at : t.start()].split()) <= CAUSE_REACH
            and not regex.search(r"[,;:()]", text[at : t.start()])
            for at in causes
        )
        for t in triggers
    )


def _hedged(text: str, lo: int, hi: int) -> bool:
    """A clause that tells a deal as a rumour or an option (words.json hedges), the word not inside an opening
    phrase on what came before ('After weeks of rumors, X and Y reached terms' is news)."""
    return any(
        _earlier_frame_pattern().match(text, lo, hit.start()) is None
        for hit in phrases("deal", "hedges").finditer(text, lo, hi)
    )


def _earlier_frame(text: str, lo: int, amounts: list[Located[Money]]) -> list[Located[Money]]:
    """The amounts without those inside an opening phrase on an earlier deal ('Weeks after its $2 billion purchase
    of X, Y agreed to buy Z for $500 million'), where any other amount is left."""
    framed = [a for a in amounts if _earlier_frame_pattern().match(text, lo, a.start) is not None]
    return [a for a in amounts if a not in framed] if framed and len(framed) < len(amounts) else amounts


@cache
def _history_opening() -> regex.Pattern[str]:
    """'In 2017,', 'Back in March 2019': a sentence opening on a year (words.json history_openers)."""
    openers = alternation(words("deal")["history_openers"], space=r"\s++")
    month = r"(?:(?:early|late|mid-?)\s*+)?(?:\p{Lu}\p{Ll}++\s++)?"
    return regex.compile(rf"[\W_]*+(?i:{openers})\s++{month}(?P<year>(?:19|20)\d\d)\b(?!\s*+[-–/]\s*+\d)")


def _history(f: Facts) -> bool:
    """A sentence that opens on a year before the article's: it tells what happened then, not the news."""
    m = _history_opening().match(f.text)
    return m is not None and f.published is not None and int(m.group("year")) < f.published.year


#: quotes that set a word apart as a word: 'reaffirmed its “buy” rating'
_QUOTES = "\"'“”‘’「」"
#: a sentence with fewer capital letters than this share of its letters is in ordinary case
CAPITALS_SHARE = 0.5


def _mentioned(text: str, start: int, end: int) -> bool:
    """A trigger that is no verb or noun of a deal: a word in quotes on its own ('its “buy” rating'), or a word in
    capitals inside a sentence in ordinary case, part of a name ('EAST BUY (01797)')."""
    if text[start - 1 : start] in _QUOTES and text[end : end + 1] in _QUOTES and start > 0 and end < len(text):
        return True
    word = text[start:end]
    if not (word.isupper() and len(word) > 1 and word.lower() in _ordinary_triggers()):
        return False
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) < CAPITALS_SHARE * len(letters)


@cache
def _ordinary_triggers() -> frozenset[str]:
    """The triggers written in lower case in the word list (not 'NewCo', 'JV'): in capitals they are part of a name."""
    return frozenset(t.lower() for t in words("deal")["triggers"] if t == t.lower())


class DealRecognizer:
    """Deals named with parties or figures; figures in the next sentences join the last deal."""

    def extract(self, view: ArticleView) -> list[Draft[DealFields]]:
        """Drafts of deals, one per clause that announces one."""
        drafts: list[Draft[DealFields]] = []
        last: Draft[DealFields] | None = None
        names: _Companies | None = None
        for f in view.facts:
            if not _triggered(f.text, 0, len(f.text)):
                if last is not None and f.amounts:
                    names = names or _Companies.of_article(view)
                    self._add_figures(view, names, f, last)
                if last is not None:
                    names = names or _Companies.of_article(view)
                    self._add_asset(view, names, f, last)
                continue
            names = names or _Companies.of_article(view)
            for lo, hi in _clauses(f):
                if not _triggered(f.text, lo, hi):
                    continue
                draft = self._read_clause(view, names, f, lo, hi, last)
                if draft is not None:
                    drafts.append(draft)
                    last = draft
        kept = [d for d in drafts if d.fields.get("parties") or _has_money(d)]
        for d in kept:
            _settle_type(view, d, kept)
        return kept

    def read_sentence(self, view: ArticleView, index: int) -> list[Draft[DealFields]]:
        """The drafts of one sentence the trained detector flags: its clauses read as `extract` reads them, without
        the trigger words' gate (a clause whose every trigger is blocked, 'a currency swap agreement', stays out);
        only drafts with parties or money."""
        f = view.facts[index]
        names = _Companies.of_article(view)
        drafts = [
            d
            for lo, hi in _clauses(f)
            if not _triggers_blocked(f.text, lo, hi)
            and (d := self._read_clause(view, names, f, lo, hi, None)) is not None
        ]
        kept = [d for d in drafts if d.fields.get("parties") or _has_money(d)]
        for d in kept:
            _settle_type(view, d, kept)
        return kept

    def _read_clause(
        self, view: ArticleView, names: _Companies, f: Facts, lo: int, hi: int, last: Draft[DealFields] | None
    ) -> Draft[DealFields] | None:
        text = f.text
        companies = _referred(view, names, f, lo, hi) + within(names.of(f), lo, hi)
        companies = _opening_owner(names, f, lo, hi, companies) + companies
        parties = [names.written(c.item) for c in companies]
        keys = [names.key(c.item) for c in companies]
        followed = last is not None and self._follows(f, lo, hi, last, keys)
        issuer = None if followed else _brief_issuer(view, names, f, lo, hi)
        filed = None
        if issuer is None and not companies and not followed:
            # 'the Group entered into the Sale and Purchase Agreements': a filing's issuer by its defined reference
            issuer = filed = _filing_party(view, f, lo, hi)
        if issuer is not None:
            # '* Says has signed a deal with Harbor Logistics AB': a bullet's deal is the brief company's
            companies = [issuer, *companies]
            parties = [names.written(issuer.item), *parties]
            keys = [names.key(issuer.item), *keys]
        if last is not None and followed:
            money = self._money(f, lo, hi, bought=last.fields.get("deal_type") == "acquisition")
            for role, m in money.items():
                last.fill(role, m, read_in=[f.sentence.index])
            _name_asset(last, self._named_asset(text, lo, hi))  # 'The agreement covers HRD-9821, ...'
            for c, key in zip(companies, keys):
                if key not in last.keys:
                    last.keys.add(key)
                    last.fields["parties"].append(names.written(c.item))
            if f.sentence.index not in last.sentences and (money or companies):
                last.sentences.append(f.sentence.index)
                last.signals += 1
                last.date = last.date or _deal_date(view, f, lo, hi)  # a deal its first clause left undated
            return None
        if not parties and self._aggregate(text, lo, hi):
            return None
        if _history(f):
            return None  # 'In 2017, PSE also bought out the stakes ...': a deal of an earlier year, told as background
        if _hedged(text, lo, hi):
            return None  # 'the rumor claimed that X would buy Y': no deal announced
        announced_one = self._announced_one(text, lo, hi)
        if not announced_one and not parties:
            return None  # nothing named, nothing announced: no need to read the money
        money = self._money(f, lo, hi)
        if len(companies) < 2 and _caused(text, lo, hi):
            return None  # 'profit rose, helped by its acquisition of a logistics firm': a deal as a cause, told before
        # 'X agreed with Y to co-develop Z': two parties and a verb that announces make a deal without a figure
        # (not in a headline, which may name the parties of several deals)
        pair = (len(companies) > 1 or filed is not None) and not f.sentence.headline
        if not (announced_one or money or (self._announces(text, lo, hi) and (pair or self._singular(text, lo, hi)))):
            return None
        kind = self._type(text, lo, hi)
        fields: DealFields = {"parties": parties, "deal_type": kind, "asset": self._asset(text, lo, hi, kind)}
        for role, amount in money.items():
            fields[role] = amount
        date = _deal_date(view, f, lo, hi)
        return Draft(
            "deal",
            fields,
            [f.sentence.index],
            date,
            f.sentence.headline,
            set(keys),
            signals=1 + len(money) + len(parties),
            subject=FURTHER if phrases("deal", "another_deal").search(text, lo, hi) else None,
        )

    def _add_figures(self, view: ArticleView, names: _Companies, f: Facts, last: Draft[DealFields]) -> None:
        """The figures of a sentence with no deal word that goes on about the last deal, soon after it: one naming
        only its parties ('the scheme values Exore at an equity value of $64 million'), or none with a word that
        refers to it ('Exore will pay the consideration of US$4.5 million')."""
        if last.headline or f.sentence.index - last.sentences[-1] > FOLLOW_UP_SENTENCES:
            return
        _add_contributors(names, f, last)
        for lo, hi in _clauses(f):
            keys = {names.key(c.item) for c in _referred(view, names, f, lo, hi) + within(names.of(f), lo, hi)}
            # 'The smelter would cost about $3 billion': what the venture just announced builds
            built = (
                not keys
                and last.fields.get("deal_type") in BUILDERS
                and _facility_subject().match(f.text, lo, hi) is not None
            )
            # 'The shares were sold at US$175 each, for a total of about US$927.5 million': a total said in full
            summed = phrases("deal", "follow_totals").search(f.text, lo, hi) is not None
            if not keys <= last.keys or not (
                keys or built or summed or phrases("deal", "anaphoric").search(f.text, lo, hi)
            ):
                continue
            money = self._money(f, lo, hi)
            for role, m in money.items():
                last.fill(role, m, read_in=[f.sentence.index])
            if money and f.sentence.index not in last.sentences:
                last.sentences.append(f.sentence.index)
                last.signals += 1

    def _add_asset(self, view: ArticleView, names: _Companies, f: Facts, last: Draft[DealFields]) -> None:
        """The drug code or name of a sentence with no deal word soon after the last deal is that deal's asset where
        the deal has none or only a description, and the sentence names only the deal's parties ('Delta Bio will fund
        the trials of XY-123') or an asset head the deal's last sentence names too ('... an antibody ...', then 'The
        antibody, called XY-123, is in early trials'); never a drug of a sentence about someone else ('Its core
        product, Z, sold ...')."""
        if last.headline or f.sentence.index - last.sentences[-1] > FOLLOW_UP_SENTENCES:
            return
        keys = {names.key(c.item) for c in names.of(f)}
        if not (
            (keys and keys <= last.keys) or _asset_heads(f.text) & _asset_heads(view.facts[last.sentences[-1]].text)
        ):
            return
        _name_asset(last, self._named_asset(f.text, 0, len(f.text)))

    def _follows(self, f: Facts, lo: int, hi: int, last: Draft[DealFields], keys: list[str]) -> bool:
        """A clause that goes on about the last deal: 'Under the agreement, ...', 'it will receive ...'."""
        if last.headline or self._aggregate(f.text, lo, hi):
            return False
        text = f.text
        if ticker_headed(text) and not any(key in last.keys for key in keys):
            return False  # 'Delta (SA:) – Delta informed that ... the acquisition': a digest's next item, its own news
        if f.sentence.index - last.sentences[-1] > FOLLOW_UP_SENTENCES:
            # 'The cost of the acquisition is $347.73 million', further on: the deal named, no other party, no news
            return (
                not keys
                and phrases("deal", "anaphoric").search(text, lo, hi) is not None
                and not self._announces(text, lo, hi)
            )
        if phrases("deal", "anaphoric").search(text, lo, hi) is not None:
            # 'The transaction came days after Kaiyi said it would acquire ...': others, announcing their own
            return not (keys and self._announces(text, lo, hi) and not any(key in last.keys for key in keys))
        if keys and set(keys) <= last.keys and not self._announces(text, lo, hi):
            # 'It also includes up to $147.5 million in milestone payments ... by Astellas': its parties again, no
            # verb that announces another deal
            return True
        if keys and any(key in last.keys for key in keys) and not self._announces(text, lo, hi):
            # 'In this collaboration X and Y will work on ...': a party of the deal with its counterparty, no verb that
            # announces another deal, nor a figure that may price another ('a 2011 acquisition of Z for $9 billion')
            return not within(f.amounts, lo, hi)
        if keys:
            # 'X has announced its newest acquisition. The Ohio lender agreed to acquire its rival Y': the
            # counterparty of a deal that named one party, its subject a description of that party
            return (
                len(last.keys) == 1
                and _definite_reference().match(text, lo, hi) is not None
                and not any(key in last.keys for key in keys)
            )
        # 'The Swiss company agreed to make an upfront payment': a verb that could announce a deal, said of
        # the one just announced; 'the company also signed a new agreement' announces another
        return not self._announces(text, lo, hi) or (
            _definite_reference().match(text, lo, hi) is not None and not self._announced_one(text, lo, hi)
        )

    @staticmethod
    def _money(f: Facts, lo: int, hi: int, bought: bool = False) -> dict[MoneyField, Money]:
        """The figures of the clause by role; with `bought`, a clause going on about an acquisition ('Under the
        agreement, X will pay 5.8 billion yuan for the shares'), whose one unannounced figure is the price."""
        if phrases("deal", "financing").search(f.text) is not None:
            return {}  # 'will borrow $2 billion to finance the purchase and pay the rest from its cash': how the buyer
            # pays, no price
        # no payment is negative, and a price per share is no deal's value ('$54.20 per share', 'the stock price at
        # Thursday's close, at 333 yen')
        amounts = [
            a
            for a in within(f.amounts, lo, hi)
            if a.item.value >= UNIT_PRICE_CEILING and not _per_share().match(f.text, a.end)
        ]
        amounts = _earlier_frame(f.text, lo, amounts)
        found = assign_roles(
            f.text, [(a.start, a.end) for a in amounts], roles("deal", "money_roles"), right=60, lo=lo, hi=hi
        )
        # 'a $1.35 billion licensing agreement', 'its $600m deal': an amount the deal noun right after it prices (not in
        # a headline, whose capitals make names of what follows an amount: '$8.8 Billion Oncology Pact')
        priced = not f.sentence.headline
        found = [
            role if role is not None or not priced or _priced_deal().match(f.text, m.end) is None else "total_value"
            for m, role in zip(amounts, found)
        ]
        found = _milestones_after_upfront(f.text, amounts, found, hi)
        found = _joint_totals(f.text, amounts, found, lo, hi)
        out: dict[MoneyField, Money] = {}
        for m, role in zip(amounts, found):
            if role is not None and is_money_field(role):
                out.setdefault(role, m.item)
        whole = _whole_value(f.text, [m for m, role in zip(amounts, found) if role == "total_value"])
        if whole is not None:
            out["total_value"] = whole  # 'an equity value of $10.5 billion and an enterprise value of $12.4 billion'
        invested = _investment().search(f.text, lo, hi)
        if invested is not None:
            # 'will invest $5 billion in Intel (at an equity value of ...)': the figure invested is the price of the stake
            paid = next((m.item for m in amounts if invested.start() <= m.start < invested.end()), None)
            if paid is not None:
                out["total_value"] = paid
        if "total_value" not in out and _venture(f.text, lo, hi):
            # 'an investment of 4.1 billion euros to form a joint venture': the money a venture is set up with
            put = next(
                (m.item for m in amounts if _invested_total().search(f.text, max(lo, m.start - 40), m.start)), None
            )
            if put is not None:
                out["total_value"] = put
        if "total_value" not in out and _builds(f.text, lo, hi):
            # what a venture builds, priced: 'agreed to build a $1.2 billion copper smelter'
            # or its cost, in a clause on it: 'The smelter would cost about $1.2 billion'
            on_it = _facility_subject().match(f.text, lo, hi) is not None
            built = next(
                (
                    m.item
                    for m in amounts
                    if _facility_after().match(f.text, m.end, hi) is not None
                    or (on_it and _invested_total().search(f.text, max(lo, m.start - 40), m.start) is not None)
                ),
                None,
            )
            if built is not None:
                out["total_value"] = built
        free = [
            m
            for m, role in zip(amounts, found)
            if role is None and not _blocked(f.text, m) and not _conversion(f.text, amounts, m)
        ]
        free = _one_sum(free)
        if (
            "total_value" not in out
            and len(free) == 1
            and (
                bought
                or _paid_before().search(
                    f.text, max(lo, free[0].start - 12), free[0].start
                )  # '... ships for $95 million'
                or phrases("deal", "types", "acquisition").search(f.text, lo, hi)
                or _sale().search(f.text, lo, hi)
                or _subscription().search(f.text, lo, hi)
            )
        ):
            # "agreed to acquire X for $951 million": the one unannounced figure is the price
            out["total_value"] = free[0].item
        return out

    @staticmethod
    def _announces(text: str, lo: int, hi: int) -> bool:
        return phrases("deal", "announce_verbs").search(text, lo, hi) is not None or sells(text, lo, hi)

    @staticmethod
    def _aggregate(text: str, lo: int, hi: int) -> bool:
        """Plural deal nouns with no one named: market statistics, not a deal; a filing's defined term ('the
        Acquisitions', capitalised after 'the') names its deals, no statistics."""
        plural = any(
            not (text[hit.start()].isupper() and THE_BEFORE.search(text, max(0, hit.start() - 4), hit.start()))
            for hit in phrases("deal", "plural_triggers").finditer(text, lo, hi)
        )
        return plural and not DealRecognizer._singular(text, lo, hi)

    @staticmethod
    def _singular(text: str, lo: int, hi: int) -> bool:
        return _singular_pattern().search(text, lo, hi) is not None

    @staticmethod
    def _announced_one(text: str, lo: int, hi: int) -> bool:
        """'announced the signing of an out-licensing agreement': one deal, even with no one named."""
        return _announced_one().search(text, lo, hi) is not None

    @staticmethod
    def _type(text: str, lo: int, hi: int) -> DealType:
        """The first type whose words the clause names (`TYPE_ORDER`), a sale of a holding ranking before a licence
        or a collaboration ('will sell its 30 percent interest in the project and the rights to the lithium') and a
        facility agreed to be built (`_builds_facility`: a newco) before a collaboration; else an acquisition where a
        holding is sold, subscribed for or raised; else 'other'."""
        if (
            _rights_bought().search(text, lo, hi) is not None
            and _sale().search(text, lo, hi) is None
            and _SHARE.search(text, lo, hi) is None
        ):
            return "licensing"  # 'acquired the exclusive regional rights to a drug': a licence, not a share, bought
        for kind in TYPE_ORDER:
            if kind == "collaboration" and _builds_facility().search(text, lo, hi) is not None:
                return "newco"  # 'a cooperation agreement to build a silicon plant': a venture set up
            if phrases("deal", "types", kind).search(text, lo, hi):
                if kind in ("licensing", "collaboration") and _sale().search(text, lo, hi) is not None:
                    return "acquisition"
                return kind
        if _builds_facility().search(text, lo, hi) is not None:
            return "newco"
        # 'agreed to sell its 30% stake in X', 'to subscribe to 31.1 per cent in X': the buyer acquires
        sold = (
            _sale().search(text, lo, hi) or _subscription().search(text, lo, hi) or _stake_raise().search(text, lo, hi)
        )
        return "acquisition" if sold is not None else "other"

    @staticmethod
    def _asset(text: str, lo: int, hi: int, kind: str) -> str | None:
        """The drug a clause names (`_named_asset`), else the asset its phrase describes ('for its bispecific ADC'),
        else, in a clause of an acquisition (its deal type `kind`), what the holding bought is held in (`held_asset`)."""
        named = DealRecognizer._named_asset(text, lo, hi)
        if named is not None:
            return named
        phrase = _asset_phrase().search(text, lo, hi)
        if phrase is not None:
            return phrase.group("asset").strip()
        return held_asset(text, lo, hi) if kind == "acquisition" else None

    @staticmethod
    def _named_asset(text: str, lo: int, hi: int) -> str | None:
        """A drug's code ('HRD-9821') or nonproprietary name ('cabozantinib') in the clause."""
        for m in _DRUG_CODE.finditer(text, lo, hi):
            if not _currency_code().match(m.group("asset")):
                return m.group("asset")
        named = _drug_name().search(text, lo, hi)
        return named.group("asset") if named is not None else None


@cache
def _asset_head() -> regex.Pattern[str]:
    """A head of an asset's description: 'antibody', 'drug', 'candidate' (words.json asset_heads)."""
    return regex.compile(rf"(?i)(?<![\w-])(?:{_alternation('asset_heads')})(?![\w-])")


def _asset_heads(text: str) -> set[str]:
    """The asset heads a text names, in lower case."""
    return {m.group().lower() for m in _asset_head().finditer(text)}


def named_asset(asset: str | None) -> bool:
    """An asset that is a drug's code or nonproprietary name, not a description."""
    return asset is not None and (_DRUG_CODE.fullmatch(asset) is not None or _drug_name().fullmatch(asset) is not None)


def told_asset(asset: str | None) -> bool:
    """An asset told as a drug's code or name or as a description ending in an asset head ('bispecific antibody'),
    not the name of what a holding bought is held in (`held_asset`)."""
    if asset is None:
        return False
    heads = list(_asset_head().finditer(asset))
    return named_asset(asset) or (bool(heads) and heads[-1].end() == len(asset))


def _name_asset(draft: Draft[DealFields], named: str | None) -> None:
    """A drug's code or name read later gives the deal its asset, in place of a description ('tumor antibody')."""
    if named is not None and not named_asset(draft.fields.get("asset")):
        draft.fields["asset"] = named


#: how far after an amount the milestones it is paid on may be named ('up to $410 million more based on reaching
#: clinical and sales milestones')
MILESTONES_REACH = 120


def _milestones_after_upfront(
    text: str, amounts: list[Located[Money]], found: list[str | None], hi: int
) -> list[str | None]:
    """After an upfront payment, a later amount read as the total (or as nothing) that the milestones named after it,
    before the next amount or a total, are paid on: 'an upfront payment of $25 million, with up to $325 million more
    based on hitting development milestones'."""
    if "upfront" not in found or "milestones" in found:
        return found
    out = list(found)
    milestones = phrases("deal", "milestone_words")
    for i in range(found.index("upfront") + 1, len(amounts)):
        if out[i] not in (None, "total_value"):
            continue
        end = min(hi, amounts[i].end + MILESTONES_REACH, amounts[i + 1].start if i + 1 < len(amounts) else hi)
        named = milestones.search(text, amounts[i].end, end)
        if named is not None and phrases("deal", "totals").search(text, amounts[i].end, named.start()) is None:
            out[i] = "milestones"
            break
    return out


#: how far before a figure the phrase naming an upfront payment and milestones together may end
JOINT_REACH = 40


@cache
def _joint_phrase() -> regex.Pattern[str]:
    """'upfront and milestone payments', 'upfront, development, regulatory and sales milestone payments': the parts
    of one figure named together (words.json joint_payments); no figure stands inside."""
    table = words("deal")["joint_payments"]
    word = r"[^\W\d]++(?:[-'’][^\W\d]++)*+"
    last = alternation(table["last"], space=r"\s++")
    return regex.compile(
        rf"(?i)\b(?:{alternation(table['first'])})(?:\s++(?:cash|payments?|fees?))?"
        rf"(?:\s*+,\s*+(?:and\s++)?|\s++(?:and|plus|&)\s++)(?:{word},?\s++){{0,6}}?"
        rf"(?:{last})\b"
    )


#: a figure right before the joint phrase, with only this between them ('$835 million in upfront and milestone ...')
_JOINT_BEFORE = regex.compile(r"\s++(?:in|of)\s++(?:the\s++)?(?:potential\s++)?")


def _joint_totals(
    text: str, amounts: list[Located[Money]], found: list[str | None], lo: int, hi: int
) -> list[str | None]:
    """A figure of an upfront payment and milestones named together is the deal's total, not one of the parts:
    the first figure within `JOINT_REACH` after the joint phrase, or one right before it with 'in'/'of' between; not
    where the upfront has a figure of its own right before it."""
    # '$650 million upfront payment and potential milestone payments of up to ...': an upfront with its own figure
    # is one part, not a joint phrase
    joints = [
        m.span()
        for m in _joint_phrase().finditer(text, lo, hi)
        if not any(a.end <= m.start() and not text[a.end : m.start()].strip() for a in amounts)
    ]
    if not joints:
        return found
    out = list(found)
    for i, a in enumerate(amounts):
        if out[i] not in (None, "upfront", "milestones"):
            continue
        before = amounts[i - 1].end if i else lo
        after = (
            any(before <= end <= a.start and a.start - end <= JOINT_REACH for _, end in joints)
            and "total_value" not in out
        )
        ahead = any(_JOINT_BEFORE.fullmatch(text, a.end, start) is not None for start, _ in joints)
        if after or ahead:
            out[i] = "total_value"
    return out


#: how far before an amount a phrase of what a deal brings besides its price ('cost savings of') speaks for it
NOT_PRICE_REACH = 30


def _one_sum(amounts: list[Located[Money]]) -> list[Located[Money]]:
    """The first of several amounts that are one sum written again ('for $3.4bn ... for $3.4 billion'), else the
    amounts as they are."""
    first = amounts[0].item if amounts else None
    same = first is not None and all(
        a.item.currency == first.currency and abs(a.item.value - first.value) <= SAME_AMOUNT * abs(first.value)
        for a in amounts
    )
    return amounts[:1] if same else amounts


def _blocked(text: str, m: Located[Money]) -> bool:
    """'cost savings of $255 million', 'some $170 billion in assets': an amount a phrase right before it, or right
    after it, says is no price of the deal."""
    after = m.end + len(text[m.end : m.end + NOT_PRICE_REACH]) - len(text[m.end : m.end + NOT_PRICE_REACH].lstrip())
    if phrases("deal", "not_prices_after").match(text, after) is not None:
        return True
    return phrases("deal", "not_prices").search(text, max(0, m.start - NOT_PRICE_REACH), m.start) is not None


def _conversion(text: str, amounts: list[Located[Money]], m: Located[Money]) -> bool:
    """'for HK$7.1bn (£738m, $914m, €850m)': an amount inside brackets opened right after another amount, the same
    sum in other currencies."""
    opened = max(text.rfind("(", 0, m.start), text.rfind("（", 0, m.start))
    if opened < 0 or any(c in text[opened : m.start] for c in ")）"):
        return False
    return any(a.end <= opened and not text[a.end : opened].strip() for a in amounts)


def _settle_type(view: ArticleView, draft: Draft[DealFields], drafts: list[Draft[DealFields]]) -> None:
    """A deal whose clause names no type takes the first type named in its sentences ('Under the agreement, X gets
    exclusive rights ...'), else, paid in an upfront payment, milestones or royalties, is a licence, unless another
    draft of its parties names its type (merging gives it that one)."""
    if draft.fields.get("deal_type") != "other":
        return
    texts = [view.facts[i].text for i in draft.sentences]
    named = [k for k in (DealRecognizer._type(t, 0, len(t)) for t in texts) if k != "other"]
    if named:
        draft.fields["deal_type"] = named[0]
        return
    typed_elsewhere = any(
        d.keys & draft.keys and d.fields.get("deal_type") != "other" for d in drafts if d is not draft
    )
    if not typed_elsewhere and any(phrases("deal", "licence_terms").search(t) is not None for t in texts):
        draft.fields["deal_type"] = "licensing"


def _deal_date(view: ArticleView, f: Facts, lo: int, hi: int) -> str | None:
    """The date the clause gives, else the sentence; a year a company was founded in is none ('Hengrui, established
    in Lianyungang in 1997, would receive ...')."""
    founded = [d for d in f.dates if _founded().search(f.text, max(0, d.start - 80), d.start) is not None]
    if not founded:
        return (
            act_day(f)
            or event_date(view, f.sentence.index, lo, hi)
            or sentence_date(f, datelines=view.datelines, future=False, lead_day=view.lead_day)
        )
    others = [d for d in f.dates if d not in founded and d.item.kind not in NOT_EVENT_DATES]
    first = next((d for d in others if lo <= d.start < hi), None) or next(iter(others), None)
    return first.item.value if first is not None else None


class _Companies:
    """The companies of each sentence of an article, with the short forms of names found elsewhere in it."""

    def __init__(self, view: ArticleView) -> None:
        self.book = ArticleNames.of(view)
        self.found: dict[int, list[Located[OrgRef]]] = {}
        #: `_brief_issuer` of each clause (sentence index, lo, hi) asked about, read once
        self.briefs: dict[tuple[int, int, int], Located[OrgRef] | None] = {}

    @classmethod
    def of_article(cls, view: ArticleView) -> _Companies:
        """The article's companies, built once per article: the rules and the detector's sentences read the same."""
        return view.kept("deal_companies", lambda: cls(view))

    def key(self, ref: OrgRef) -> str:
        """The party's key in this article."""
        return self.book.key(ref)

    def written(self, ref: OrgRef) -> str:
        """The name the party is reported by (`ArticleNames.written`)."""
        return self.book.written(ref)

    def of(self, f: Facts) -> list[Located[OrgRef]]:
        """The sentence's companies, read once."""
        i = f.sentence.index
        if i not in self.found:
            self.found[i] = self.book.companies(f)
        return self.found[i]


def _referred(view: ArticleView, names: _Companies, f: Facts, lo: int, hi: int) -> list[Located[OrgRef]]:
    """The parties a clause names by a reference to the sentence before: 'The companies entered a licensing
    agreement' (all its companies), 'The group acquired a 30% stake', 'First, it entered into an agreement' (its
    first, or the party that sentence itself refers to); none where the clause names a party before its trigger or
    the sentence before names none."""
    if _brief_issuer(view, names, f, lo, hi) is not None:
        return []  # a bullet of a brief refers to its company, not to the bullet before (see `_read_clause`)
    kind = _opening_reference(names, f, lo, hi)
    if kind is None:
        return []
    earlier = [c for c in names.of(f) if c.start < lo]
    if earlier and kind != "plural" and _clause_subject(f.text, earlier[0].start):
        return earlier[:1]  # 'Delta reported a loss; it announced the purchase of ...': the sentence's subject
    before = _antecedents(view, names, f.sentence.index - 1, REFERENCE_CHAIN)
    return before if kind == "plural" else before[:1]


#: how many opening sentences of an article may hold the header line of a wire brief
BRIEF_HEADER_SENTENCES = 4


@cache
def _brief_header() -> regex.Pattern[str]:
    """'Oct 18 (Reuters) - Acotel Group SpA :', 'May 24 Technopolis Oyj :': a date, a wire in brackets, then a name
    only, its words capitalised, figures, brackets or the linking words of words.json brief_layout name_links."""
    links = alternation(words("deal")["brief_layout"]["name_links"])
    word = rf"(?:[\p{{Lu}}\d(（][^\s:]*+|{links})"
    return regex.compile(
        r"\s*+(?:\p{Lu}\p{L}{2,}\.?\s++\d{1,2}\s*+)?(?:[(（][^()（）]{2,24}[)）]\s*+[-–—]\s*+)?"
        rf"(?P<name>\p{{Lu}}[^\s:]*+(?:\s++{word}){{0,7}}?)\s*+:?\s*+"
    )


@cache
def _bullet_line() -> regex.Pattern[str]:
    """A new line that opens with a bullet mark (words.json brief_layout)."""
    bullets = "".join(regex.escape(b) for b in words("deal")["brief_layout"]["bullets"])
    return regex.compile(rf"\n[ \t]*+[{bullets}]")


def _clauses(f: Facts) -> list[tuple[int, int]]:
    """The sentence's clauses, each cut where a line opens with a bullet mark (a bullet is an item of its own where
    the sentence runs on across a brief's lines: '* Delta posted a loss' then '* Kestrel bought ...'); a full stop
    glued to the next sentence's first word already ends the sentence (facts/sentences)."""
    out: list[tuple[int, int]] = []
    for lo, hi in clauses(f):
        cuts = sorted({m.start() + 1 for m in _bullet_line().finditer(f.text, lo, hi) if m.start() + 1 > lo})
        for a, b in zip([lo, *cuts], [*cuts, hi]):
            out.append((a, b))
    return out


def _bullet(text: str) -> bool:
    """A sentence that opens with a bullet mark (words.json brief_layout)."""
    return text.lstrip().startswith(tuple(words("deal")["brief_layout"]["bullets"]))


def _brief_company(view: ArticleView) -> OrgRef | None:
    """The company a wire brief is about: its header line, among the opening sentences, names it alone and the next
    sentence is a bullet ('Oct 18 (Reuters) - Acotel Group SpA :' then '* Said on Monday it entered into ...')."""

    def build() -> OrgRef | None:
        for f, after in zip(view.facts[:BRIEF_HEADER_SENTENCES], view.facts[1 : BRIEF_HEADER_SENTENCES + 1]):
            m = _brief_header().fullmatch(f.text)
            if m is not None and _bullet(after.text) and not _bullet(f.text):
                name = m.group("name").strip()
                return OrgRef(name, company_key(name), "pattern")
        return None

    return view.kept("deal_brief", build)


def _brief_issuer(view: ArticleView, names: _Companies, f: Facts, lo: int, hi: int) -> Located[OrgRef] | None:
    """The company of a wire brief (`_brief_company`) for a bullet's opening clause that tells of a deal before it
    names anyone ('* Says has signed a deal with Harbor Logistics AB', '* Collaboration with Daiichi Sankyo Inc');
    None elsewhere, or where the clause names that company itself. Read once per clause (`_referred` asks too)."""
    key = (f.sentence.index, lo, hi)
    if key not in names.briefs:
        names.briefs[key] = _read_brief_issuer(view, names, f, lo, hi)
    return names.briefs[key]


def _read_brief_issuer(view: ArticleView, names: _Companies, f: Facts, lo: int, hi: int) -> Located[OrgRef] | None:
    """`_brief_issuer`, read."""
    if not _bullet(f.text) or f.text[:lo].strip(" \t*•") or f.sentence.index == 0:
        return None
    company = _brief_company(view)
    if company is None:
        return None
    trigger = phrases("deal", "triggers").search(f.text, lo, hi) or phrases("deal", "announce_verbs").search(
        f.text, lo, hi
    )
    named = within(names.of(f), lo, hi)
    if trigger is None or within(named, lo, trigger.start()):
        return None
    if any(names.key(c.item) == names.key(company) for c in named):
        return None
    return Located(lo, lo, company)


#: 'the ' right before a word
#: how many opening sentences of an article may hold a filing's line of incorporation
FILING_HEADER_SENTENCES = 15
#: how many lines before the line of incorporation the issuer's name may stand (a line in another script between)
ISSUER_LINE_REACH = 2
#: a line longer than this is no line naming an issuer alone
ISSUER_LINE_LENGTH = 90


@cache
def _incorporation() -> regex.Pattern[str]:
    """'(Incorporated in the Cayman Islands ...': a filing's line of incorporation (words.json filing_issuer)."""
    opening = alternation(words("deal")["filing_issuer"]["incorporated"], space=r"\s++")
    return regex.compile(rf"\s*+[(（]\s*+(?i:{opening})\b")


def _filing_issuer(view: ArticleView) -> OrgRef | None:
    """The issuer of a listed company's announcement: the line of its own, in Latin letters, right before its line of
    incorporation among the opening lines ('HARBOR EDUCATION GROUP CO., LTD.', '(Incorporated in ...')."""

    def build() -> OrgRef | None:
        facts = view.facts[:FILING_HEADER_SENTENCES]
        for i, f in enumerate(facts):
            if _incorporation().match(f.text) is None:
                continue
            for before in reversed(facts[max(0, i - ISSUER_LINE_REACH) : i]):
                name = before.text.strip()
                if 0 < len(name) <= ISSUER_LINE_LENGTH and regex.match(r"\p{Latin}", name) and "(" not in name:
                    return OrgRef(name, company_key(name), "pattern")
            return None
        return None

    return view.kept("deal_filing_issuer", build)


def _filing_party(view: ArticleView, f: Facts, lo: int, hi: int) -> Located[OrgRef] | None:
    """The filing's issuer (`_filing_issuer`) for a clause that names it only by the filing's defined reference
    ('the Group entered into the Sale and Purchase Agreements'); None elsewhere."""
    references = words("deal")["filing_issuer"]["references"]
    if not any(r in f.text[lo:hi] for r in references):
        return None
    issuer = _filing_issuer(view)
    return Located(lo, lo, issuer) if issuer is not None else None


#: how many sentences back a chain of references ('it ...', 'its subsidiary ...') may lead to the party named
REFERENCE_CHAIN = 3


def _opening_reference(names: _Companies, f: Facts, lo: int, hi: int) -> str | None:
    """The kind of reference ('plural', 'singular', 'pronouns') a clause opens with before a deal trigger (or a verb
    that announces one), with no party named before it; None otherwise (or in a headline or an article's first
    sentence)."""
    if f.sentence.index == 0 or f.sentence.headline:
        return None
    for kind in ("plural", "singular", "pronouns"):
        opening = _subject_reference(kind).match(f.text, lo, hi)
        if opening is None:
            continue
        # the deal's word, else (a sentence the detector flags) the verb that announces it: 'obtained ... rights'
        trigger = phrases("deal", "triggers").search(f.text, opening.end(), hi) or phrases(
            "deal", "announce_verbs"
        ).search(f.text, opening.end(), hi)
        if trigger is None or within(names.of(f), lo, trigger.start()):
            return None
        return kind
    return None


#: what may open a sentence before its subject: a bullet mark, a quote or bracket, a day or a place and a comma
_SUBJECT_LEAD = regex.compile(r"[\W_]*+(?:(?:\p{L}++\s++){0,2}?\p{L}++,\s*+)?")


#: an owner's mark right after a name
_OWNER_MARK = regex.compile(r"['’]s?(?![\p{L}\p{N}])")


def _opening_owner(
    names: _Companies, f: Facts, lo: int, hi: int, companies: list[Located[OrgRef]]
) -> list[Located[OrgRef]]:
    """The company that opens the clause as an owner ("Delta's shares rose after the developer agreed a deal with
    Kestrel"), which the name finder leaves out: the clause's subject, so a party, where the clause names another
    company only after its deal word and this one nowhere else."""
    start = lo + len(f.text[lo:hi]) - len(f.text[lo:hi].lstrip())
    owner = next((o for o in f.orgs if o.start == start and o.item.is_company), None)
    if owner is None or _OWNER_MARK.match(f.text, owner.end) is None:
        return []
    if any(names.key(c.item) == names.key(owner.item) for c in companies):
        return []
    trigger = phrases("deal", "triggers").search(f.text, lo, hi)
    if trigger is None or any(c.start < trigger.start() for c in companies):
        return []
    return [owner]


def _clause_subject(text: str, start: int) -> bool:
    """A name at `start` that opens its sentence, perhaps after a bullet mark or an opening phrase and a comma."""
    m = _SUBJECT_LEAD.match(text)
    return m is not None and m.end() == start


def _antecedents(view: ArticleView, names: _Companies, index: int, chain: int) -> list[Located[OrgRef]]:
    """The companies sentence `index` names, or, where it names none before the reference it opens with, those that
    reference leads to (at most `chain` sentences back)."""
    if index < 0:
        return []
    before = view.facts[index]
    if before.sentence.headline:
        return []
    kind = _opening_reference(names, before, 0, len(before.text)) if chain > 1 else None
    if kind is not None and kind != "plural":
        return _antecedents(view, names, index - 1, chain - 1)[:1]
    return list(names.of(before))


@cache
def _subject_reference(kind: str) -> regex.Pattern[str]:
    """A clause opening with a reference to parties named before ('The two companies ...', 'On Monday, it ...'),
    a singular head perhaps after capitalised or hyphenated words ('The Wolfsburg-based company')."""
    table: dict[str, list[str]] = words("deal")["subject_references"]
    lead = r"[\W_]*+(?:(?:\p{L}++\s++){0,2}?\p{L}++,\s*+)?"
    if kind != "singular":
        return regex.compile(rf"{lead}(?:{alternation(table[kind])})\b(?!['’-])", regex.IGNORECASE)
    heads = alternation([h.split(None, 1)[1] for h in table[kind]])
    described = r"(?:(?-i:\p{Lu})[\p{L}.'’]*+(?:-\p{L}++)?,?|\p{L}++-\p{L}++)"
    return regex.compile(rf"{lead}the\s++(?:{described}\s++){{0,4}}?(?:{heads})\b(?!['’-])", regex.IGNORECASE)


def _has_money(d: Draft[DealFields]) -> bool:
    return any(d.fields.get(k) is not None for k in MONEY_FIELDS)


#: a share of a sum right before the company that puts it in: '11 billion yuan from '
_PUT_IN_BY = regex.compile(r"\s++(?:from|by)\s++")
#: a sentence splits a deal's sum among its contributors only with at least this many shares of it
FEWEST_SHARES = 2


def _add_contributors(names: _Companies, f: Facts, last: Draft[DealFields]) -> None:
    """The companies a sentence names as putting in shares of the last deal's total, the sentence giving that total
    again ('The 78 billion yuan comprises 11 billion yuan from X, 7 billion yuan from Y'): the deal's parties too."""
    total = last.fields.get("total_value")
    if total is None:
        return
    same = [
        a
        for a in f.amounts
        if a.item.currency == total.currency and abs(a.item.value - total.value) <= SAME_AMOUNT * abs(total.value)
    ]
    shares = [
        a for a in f.amounts if a not in same and a.item.currency == total.currency and a.item.value < total.value
    ]
    if not same or len(shares) < FEWEST_SHARES:
        return
    for c in names.of(f):
        gap = next((a for a in shares if a.end <= c.start and _PUT_IN_BY.fullmatch(f.text, a.end, c.start)), None)
        key = names.key(c.item)
        if gap is not None and key not in last.keys:
            last.keys.add(key)
            last.fields["parties"].append(names.written(c.item))


def read_flagged(view: ArticleView, index: int) -> list[Draft[DealFields]]:
    """The deals of a sentence the trained detector flags where no rule drafted one."""
    return DealRecognizer().read_sentence(view, index)
