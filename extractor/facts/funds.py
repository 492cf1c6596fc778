"""Fund mentions with their codes: the name before a head word ('ETF', 'Fund', 'Trust') and the code after it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import regex

from extractor.datafiles import load_json
from extractor.facts.amounts import currency_codes
from extractor.facts.lexicon import trie_pattern
from extractor.facts.patterns import REGEX_TIMEOUT, alternation, untimed

#: how far before a head word the name may start
NAME_REACH = 160
#: at most this many words in a fund's name
NAME_WORDS = 12
_TOKEN = regex.compile(r"\S++")
#: words that may join the words of a name
_JOINERS = ("of", "and", "&")
#: at most this many words in a fund's description ('the 30-year government bond ETF')
DESCRIPTION_WORDS = 4
_DESCRIPTION_WORD = regex.compile(r"[\p{L}\d][\p{L}\d-]*+")
#: marks that may open a fund's name ('[SPDR ...](url)', '“iShares ...')
_OPENING_MARKS = "[(\"“‘'*"
#: a date or a time ('2023-07-03', '11:44') is no word of a name, though it starts with a digit
NOT_A_DATE = r"(?!(?:\d++[-/]\d++[-/]\d++|\d{1,2}:\d{2})(?![\w&'’+]))"


@dataclass(frozen=True, slots=True)
class FundMention:
    """A fund named with its code: where the mention starts and ends, the code as printed, the name."""

    start: int
    end: int
    code: str
    name: str | None


@dataclass(frozen=True)
class _Grammar:
    anchor: regex.Pattern[str]
    name_word: regex.Pattern[str]
    not_tickers: frozenset[str]
    openers: regex.Pattern[str]
    needs_prefix: frozenset[str]
    currency_codes: frozenset[str]
    ticker_first: regex.Pattern[str]
    describers: frozenset[str]
    function_words: frozenset[str]
    branded: regex.Pattern[str]
    brands: frozenset[str]
    glued: regex.Pattern[str]
    ticker_heads: frozenset[str]
    fund_words: frozenset[str]


@cache
def _grammar() -> _Grammar:
    table = load_json("funds.json")
    suffixes = [*load_json("exchanges.json")["suffixes"], *table["extra_suffixes"]]
    exchanges = alternation(table["exchange_prefixes"], space=r"\s+")
    prefix = rf"(?P<prefix>(?:{exchanges})\s*+[:：]\s*+)"
    labels = alternation(table["code_labels"])
    label = rf"(?:(?:{labels})\s*+[:：]?\s*+)"
    introducers = alternation(table["code_introducers"], space=r"\s++")
    digits = r"\d{6}|\d{4,5}"
    letters = r"[A-Z]{2,5}(?![A-Za-z])"
    # 'HoSE: FUEVFVND', 'NSE: NIFTYBEES': a longer code of capitals and figures, only after an exchange
    # 'LSE:3SOI': a leveraged product's code, a figure (its leverage) then capitals, only after an exchange
    listed = r"[A-Z][A-Z\d]{5,9}(?![\w])|\d[A-Z]{2,4}(?![\w])"
    # 'A200', 'CW8', 'SXR8': a code of a capital, then capitals and figures, some figure among them (in brackets)
    mixed = r"(?=[A-Z]++\d)[A-Z][A-Z\d]{2,4}(?![\w])"
    # 'SH510300', 'SZ159915': a mainland code with its market's letters glued before it
    coded = rf"(?:{prefix}(?P<code>{listed})|{prefix}?(?P<code>{digits}|{letters}|{mixed})|(?:SH|SZ)(?P<code>\d{{6}})(?!\d))"
    dotted = alternation(table["dot_suffixes"])
    suffix = rf"(?:[.\s](?:{alternation(suffixes)})(?![A-Za-z])|\.(?:{dotted})(?![A-Za-z]))?"
    heads = alternation(table["heads"])
    head = rf"(?P<head>{heads})(?:'s|’s)?"
    capital = rf"(?!(?:{heads})(?![\p{{L}}-]))\p{{Lu}}[\p{{L}}-]*+"
    # 'Shares of Intel Corp (NASDAQ:INTC)': after a head that also ends company names, 'of' opens a company
    needing = "|".join(f"(?i:{regex.escape(h)})" for h in table["heads_needing_prefix"])
    # after a comma only before a mainland fund's code (Shanghai's start with 5, Shenzhen's with 1): 'the ETF, Tencent
    # (0700)' lists a stock
    issuer = (
        rf"\s++{capital}|(?:\s++by|(?<!{needing})\s++(?i:of))\s++{capital}(?:\s++{capital}){{0,2}}(?=\s*+[(（])"
        rf"|,\s*+{capital}(?:\s++{capital})?(?=\s*+[(（]\s*+[15]\d{{5}}(?!\d))|(?=\d*+\p{{Han}})[\p{{Han}}\d]{{1,8}}"
        # 'exchange-traded fund VFMVN Diamond (HoSE: FUEVFVND)': a name after the head, before a code with its exchange
        rf"|\s++{capital}(?:\s++{capital}){{1,2}}(?=\s*+[(（]\s*+(?:{exchanges})\s*+[:：])"
    )
    anchor = untimed(
        "funds.anchor",
        regex.compile(
            rf"(?<![A-Za-z0-9-]){head}"
            # 'ETF (513120)', 'Fund (NASDAQ:KWEB – Free Report)'
            # 'ETF Huaxia (562590)', 'ETF, Bosera (511130)', 'ETF by Ping An (159964)': the issuer (one or two capitalised
            # words) may stand between, and so may the place of a name that goes on after its head ('Tracker Fund of
            # Hong Kong (02800)'); so may a Chinese name's issuer or term ('ETF博时(511130)', 'ETF5至10年(511020)');
            # '(83188/03188)', '(83188 & 03188)': a second counter's code after a slash or an ampersand
            rf"(?:(?:{issuer})?\s*+[(（]\s*+(?P<label>{label})?{coded}{suffix}"
            rf"(?:\s*+(?:/|(?P<both>&))\s*+(?P<other>{digits}|{letters}){suffix})?(?:\s*+[)）]|(?=\s*+[;,–—-]))"
            # 'ETF <GLD.P>', 'ETF [GLD]': a wire's code in angle or square brackets
            rf"|\s*+(?:<{coded}{suffix}>|\[{coded}{suffix}\])"
            # 'ETF, or MCHI,', 'ETF, also called ARKK,', 'exchange-traded fund, ticker EWJ,'
            rf"|,\s++(?:{introducers})\s++{prefix}?(?P<code>{digits}|{letters}){suffix}(?=[,;.)]|\s)"
            # 'ETF SOXX, which', 'ETF SMH slid': a ticker then a clause mark or a lower-case word, not a name going on
            rf"|\s++{prefix}?(?P<code>{letters})(?=[,.;:)]|\s++[a-z]|\s*+$))"
        ),
    )
    word = rf"{NOT_A_DATE}(?:[\p{{Lu}}\d]|[a-z]\p{{Lu}})[\w&'’.+/-]*+"
    name_word = regex.compile(word)
    opening = alternation(table["name_openers"], space=r"\s++")
    openers = regex.compile(rf"^(?:(?:{opening})\s++)+")
    trackers = alternation(table["tracking_openers"], space=r"\s++")
    # 'E1VFVN30 fund (tracking VN30)': a code of capitals and figures (eight to ten) before the head
    alnum = r"(?=[A-Z\d]{8,10}(?![\w]))[A-Z][A-Z\d]*+"
    # a bracket opened by an article describes the fund, no code: 'the KRE ETF (an ETF of regional banks)'
    described = rf"\s*+(?:{alternation(table['description_openers'])})\s"
    # 'SMH ETF': a letter ticker standing for the name before the head, no code in brackets after it
    # 'The RSX fund is designed to track': the same with the head in lower case; 'the leveraged fund BZQ (up 30%
    # today)': a ticker right after a lower-case head, then a bracket or a clause mark
    ticker_first = untimed(
        "funds.ticker_first",
        regex.compile(
            rf"(?<![\w&'’.:/-])(?P<code>{letters})\s++(?P<head>ETFs?|funds?)(?![\w-])(?!\s*+[(（](?!{described}))"
            rf"|(?<![\w&'’.:/-])(?P<code>{alnum})\s++(?P<head>ETFs?|funds?)(?![\w-])"
            # 'FUEVFVND (tracking VNDiamond)': a code, then in brackets the index it tracks
            rf"|(?<![\w&'’.:/-])(?P<code>{letters}|{alnum})(?=\s*+[(（]\s*+(?:{trackers})\s)"
            rf"|(?<![\w-])fund\s++(?P<code>{letters})(?![\w&'’.-])(?=\s*+[(（,;:])"
            # 'the XBNK small bank ETF': after 'the', a ticker, then a few words in lower case describing the fund
            rf"|(?<=\b[Tt]he\s)(?P<code>{letters})(?:\s++[a-z][a-z-]*+){{1,3}}\s++(?P<head>ETF)(?![\w-])"
        ),
    )
    # 'VanEck Semiconductor (SMH)': a name opened by a fund family's brand, with its code in brackets and no head
    brands = alternation(table["brands"], space=r"\s++")
    legal = alternation(load_json("organization_words.json")["legal_suffixes"])
    branded = regex.compile(
        rf"(?<![\w&.-])(?<!\w['’])(?P<name>(?:{brands})(?:\s++(?!(?:{legal})(?![\w.]))(?:{word}|&)){{1,8}}?)"
        rf"\s*+[(（]\s*+(?P<label>{label})?{coded}{suffix}\s*+[)）]"
    )
    return _Grammar(
        anchor,
        name_word,
        frozenset(table["not_tickers"]),
        openers,
        frozenset(table["heads_needing_prefix"]),
        currency_codes(),
        ticker_first,
        frozenset(w.lower() for w in table["description_openers"]),
        frozenset(load_json("name_words.json")["function_words"]),
        branded,
        frozenset(table["brands"]),
        _glued_article(),
        frozenset(table["heads_of_funds_only"]),
        frozenset(table["fund_name_words"]),
    )


@cache
def _glued_article() -> regex.Pattern[str]:
    """An article glued to the capitalised word after it ('theFullgoal', 'TheGuotai'), standing alone before it."""
    articles = alternation(load_json("funds.json")["glued_articles"])
    return regex.compile(rf"(?<![\w&'’.-])(?i:{articles})(?=\p{{Lu}}\p{{Ll}})")


def glued_before(text: str, start: int) -> bool:
    """True where a glued article ends at `start` ('theFullgoal CSI Agriculture Theme ETF': the name starts after
    'the')."""
    return any(m.end() == start for m in _glued_article().finditer(text, max(0, start - 4), start + 2))


def _head_words() -> tuple[list[str], list[str]]:
    """The head words of a fund's name, lower-cased: those that stand alone, and those needing an exchange prefix."""
    table = load_json("funds.json")
    needing = {h.lower() for h in table["heads_needing_prefix"]}
    return sorted({h.lower() for h in table["heads"]} - needing), sorted(needing)


def _prefixed(needing: list[str]) -> list[str]:
    """Patterns for the head words that need an exchange prefix: each only with a ':' after it."""
    return [f"{re.escape(h)}(?=[^:]*:)" for h in needing]


def _written_marks() -> list[str]:
    """The words that mark a fund as written: fund families' brands and the words only funds' names carry."""
    table = load_json("funds.json")
    return [*table["brands"], *table["fund_name_words"]]


@cache
def fund_heads() -> re.Pattern[str]:
    """Any head word of a fund's name, case-blind (one that needs an exchange prefix only with a ':' after it), or
    a fund family's brand or a word only funds' names carry, as written: a sentence without one names no fund."""
    heads, needing = _head_words()
    # the brands as written: case-blind, they would slow every scan
    brands = "|".join(re.escape(b) for b in _written_marks())
    return re.compile(f"(?i:{'|'.join([*map(re.escape, heads), *_prefixed(needing)])})|{brands}")


@cache
def _fund_head_parts() -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """`fund_heads` in two, for ASCII text: the head words for the text lower-cased (there the same as matching
    them case-blind), and the brands as written; None when a head word is not ASCII or a list is empty."""
    heads, needing = _head_words()
    brands = _written_marks()
    if not heads or not all(brands) or not all(h and h.isascii() for h in [*heads, *needing]):
        return None
    return re.compile("|".join([trie_pattern(heads), *_prefixed(needing)])), re.compile(trie_pattern(brands))


def names_fund_head(text: str) -> bool:
    """Whether `fund_heads` matches somewhere in `text` (faster on ASCII text, where the words are read lower-cased)."""
    parts = _fund_head_parts()
    if parts is None or not text.isascii():
        return fund_heads().search(text) is not None
    heads, brands = parts
    return heads.search(text.lower()) is not None or brands.search(text) is not None


#: a renminbi counter's code is its Hong Kong dollar counter's plus this
RMB_COUNTER = 80000


def listed_fund_code(code: str) -> bool:
    """True for a code the exchanges give funds: Shenzhen's and Shanghai's six-digit fund codes, Hong Kong's ranges."""
    table = load_json("funds.json")
    if len(code) == 6:
        return code.startswith(tuple(table["mainland_fund_prefixes"]))
    number = int(code) if code.isdigit() else -1
    if number >= RMB_COUNTER:
        number -= RMB_COUNTER
    return any(low <= number <= high for low, high in table["hong_kong_fund_ranges"])


def _dollar_counter(code: str, other: str | None) -> str:
    """Of a fund's two counters listed as both ('83188 & 03188'), the Hong Kong dollar one: the code the other
    adds RMB_COUNTER to; else the code written first (as after a slash: '(83188/03188)' is written as 83188)."""
    if other is not None and code.isdigit() and other.isdigit() and int(code) - int(other) == RMB_COUNTER:
        return other
    return code


def _initials(name: str) -> str:
    return "".join(w[0] for w in regex.findall(r"[\p{L}\d][\w'’-]*", name) if w[0].isupper())


def _acronym(code: str, name: str | None) -> bool:
    """'National Social Security Fund (NSSF)': a letter code spelling the name's initials (a code labelled as one,
    'United States Oil Fund (ticker USO)', is never asked); never after a head only funds end in ('Vanguard
    Australian Shares Index ETF (VAS)': a ticker often spells its fund's initials)."""
    if name is None or not code.isalpha() or name.split()[-1] in _grammar().ticker_heads:
        return False
    initials = _initials(name)
    return len(code) >= 2 and (initials.endswith(code) or code in initials)


def _name_before(text: str, head: int, g: _Grammar, lo: int = 0) -> tuple[int, list[str]]:
    """(start, words) of the fund's name before its head word: capitalised words (and 'of', 'and', '&' between
    them) walked back from the head, no further than `lo` (the end of the fund named before it: 'X ETF OIH and SPDR S&P
    Oil & Gas ETF XOP'), openers ('The', 'Shares of') dropped from the front."""
    tokens = [(t.start(), t.group()) for t in _TOKEN.finditer(text, max(lo, head - NAME_REACH), head)]
    taken: list[tuple[int, str]] = []
    for at, word in reversed(tokens):
        core = word.lstrip(_OPENING_MARKS)
        glued = g.glued.match(core)
        if glued is not None and g.name_word.fullmatch(core, glued.end()):
            taken.append((at + len(word) - len(core) + glued.end(), core[glued.end() :]))
            break  # 'theFullgoal CSI ...': the name starts after the article glued to it
        if len(taken) == NAME_WORDS or not (g.name_word.fullmatch(core) or word in _JOINERS):
            break
        taken.append((at + len(word) - len(core), core))
        if core != word:
            break  # '[SPDR Portfolio ... ETF (SPTL)](url)': an opening bracket or quote starts the name
    taken.reverse()
    opener = g.openers.match(" ".join(w for _, w in taken) + " ") if taken else None
    if opener:
        taken = taken[len(opener.group().split()) :]
    while taken and taken[0][1] in _JOINERS:
        taken.pop(0)
    return (taken[0][0], [w for _, w in taken]) if taken else (head, [])


def _described_before(text: str, head: int, g: _Grammar) -> tuple[int, list[str]]:
    """(start, words) of a fund named by a description in lower case between an article and its head word ('the
    company bond ETF (511030)', 'the Sci-Tech semiconductor ETF (588170)'), or (head, []) where no article opens
    it within DESCRIPTION_WORDS words."""
    tokens = [(t.start(), t.group()) for t in _TOKEN.finditer(text, max(0, head - NAME_REACH), head)]
    taken: list[tuple[int, str]] = []
    for at, word in reversed(tokens):
        if word.lower() in g.describers:
            return (taken[-1][0], [w for _, w in reversed(taken)]) if taken else (head, [])
        if len(taken) == DESCRIPTION_WORDS or not _DESCRIPTION_WORD.fullmatch(word) or word.lower() in g.function_words:
            break
        taken.append((at, word))
    return head, []


def _listed_as_code(m: regex.Match[str]) -> bool:
    """A code an exchange or a label introduces ('Vanguard Total Bond Market ETF (NASDAQ:BND)', '(ticker: BND)'): a
    fund's ticker even where it spells a currency's code."""
    return m.group("prefix") is not None or m.group("label") is not None


def find_funds(text: str) -> list[FundMention]:
    """Funds named with a code in `text`, in order: the code as printed (no exchange prefix), the name before it."""
    g = _grammar()
    out: list[FundMention] = []
    for m in g.anchor.finditer(text):
        code = _dollar_counter(m.group("code"), m.group("other")) if m.group("both") else m.group("code")
        if code in g.not_tickers or (code in g.currency_codes and not _listed_as_code(m)):
            continue
        head_start = m.start("head")
        start, words = _name_before(text, head_start, g, out[-1].end if out else 0)
        if m.group("head") in g.needs_prefix and m.group("prefix") is None and g.fund_words.isdisjoint(words):
            continue  # 'China Merchants Bank Shares (600036)', but 'Direxion Daily Semiconductor Bull 3X Shares (SOXL)'
        if not words:
            start, words = _described_before(text, head_start, g)
        name = " ".join([*words, m.group("head")]) if words else None
        if m.group("label") is None and _acronym(code, name):
            continue
        out.append(FundMention(start, m.end(), code, name))
    for m in g.branded.finditer(text, timeout=REGEX_TIMEOUT):
        code, name = m.group("code"), m.group("name")
        if code in g.not_tickers or code in g.currency_codes or (m.group("label") is None and _acronym(code, name)):
            continue
        if not any(f.start < m.end() and m.start() < f.end for f in out):
            out.append(FundMention(m.start(), m.end(), code, name))
    for m in g.ticker_first.finditer(text):
        code = m.group("code")
        if (
            code in g.not_tickers
            or code in g.currency_codes
            or code in g.brands
            or any(f.start < m.end() and m.start() < f.end for f in out)
        ):
            continue
        if m.group("head") is not None and _name_before(text, m.start(), g)[1]:
            continue  # 'Global X MSCI ETF': capitalised words before the letters, which are part of a name
        out.append(FundMention(m.start(), m.end(), code, None))
    return sorted(out, key=lambda f: f.start)
