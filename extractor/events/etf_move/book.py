"""The funds of one article: every code and name its mentions give, so that a fund named one way is known by the
others wherever it stands in the article."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

import regex

from extractor.contract import Located
from extractor.datafiles import load_json
from extractor.events.common import occurrences
from extractor.facts.amounts import currency_codes
from extractor.facts.analysis import ArticleView, EtfRef, Facts
from extractor.facts.funds import glued_before, listed_fund_code, names_fund_head
from extractor.facts.lexicon import phrases, words
from extractor.facts.patterns import alternation, has_digit

_BARE_CODE = regex.compile(r"(?<![\w.$¥€£])(?:\d{6}|\d{5}|\d{4}(?=\.HK\b|\s++HK\b))(?![\w%]|\.\d)")
#: a code standing alone where a listing writes it: a mainland fund's six digits, or a Hong Kong code with its market
#: or in brackets ('3033.HK', '2800 HK', '(02800)')
_LISTED_CODE = regex.compile(
    r"(?<![\w.$¥€£,])(?:\d{6}(?![\w%]|[.,]\d)|\d{4,5}(?=\.HK\b|\s++HK\b)|(?<=[(（]\s*+)\d{4,5}(?=\s*+[)）]))"
)
#: a fund's trading name in capitals with 'ETF' glued into it, perhaps with its counter's currency: 'GOLDETF',
#: 'CHINAETF-MYR' (exchanges such as Bursa Malaysia list funds by such names)
_GLUED_ETF = regex.compile(r"(?<![\w-])[A-Z][A-Z\d]*ETF[A-Z\d]*(?:-[A-Z]{3})?(?![\w-])")
#: a character before a code that makes it part of a web address or a path
_IN_ADDRESS = "/=.#?&"
#: a signed figure anywhere in a sentence: only then can a ticker stand before one
_SIGN = re.compile(r"[+\-−–]\s?(?:US\$|HK\$|[$¥€£])?\d")
#: how many opening sentences (headlines included) show whether an article is about funds
TOPIC_SENTENCES = 6
#: a letter of the Latin alphabet: a fund's name written in it can be matched with the article's other mentions
_LATIN = regex.compile(r"[A-Za-z]")


#: how far before a fund's name the code it stands in apposition to may end
APPOSITION_REACH = 16
#: a code, its comma and perhaps an article, right before a fund's name ('ZEB, the ')
_APPOSED_CODE = regex.compile(r"(?<![\w.$])(?P<code>[A-Z]{2,5}|\d{4,6})\s*+,\s*+(?:(?:the|a|an)\s++)?$")
#: what closes an apposition after the name: a comma, a dash, a bracket or the sentence's end
_APPOSITION_END = regex.compile(r"\s*+(?:[,，;)—–]|\s-\s|$)")


#: a fund's short name: capitals (two to five), then its head ('AI ETF')
_SHORT_NAME = regex.compile(r"([A-Z]{2,5})\s++(?:ETF|Fund)")


def _spells(letters: str, name: str) -> bool:
    """Whether `letters` are the initials of the words of a name (lower-cased) before its head word:
    'AI' of 'artificial intelligence etf'."""
    words = name.split()[:-1]
    return len(words) == len(letters) and "".join(w[0] for w in words) == letters.lower()


@dataclass(frozen=True)
class _TickerGrammar:
    prefixed: re.Pattern[str]
    signed: re.Pattern[str]
    opening: re.Pattern[str]
    claimed: re.Pattern[str]
    labelled: re.Pattern[str]
    described: re.Pattern[str]
    not_tickers: frozenset[str]
    shares: re.Pattern[str]
    introduced: re.Pattern[str]
    holdings: re.Pattern[str]
    managed: re.Pattern[str]
    brands: frozenset[str]
    tickered: re.Pattern[str]
    #: one-word names of fund brands and managers: a ticker one of them claims in brackets is a fund's
    issuers: frozenset[str]


@cache
def _tickers() -> _TickerGrammar:
    """The patterns of tickers standing alone (plain `re`, each starting at a fixed mark or a capital: they run over
    every sentence of an article about funds)."""
    table = load_json("funds.json")
    exchanges = alternation(table["exchange_prefixes"], space=r"\s+")
    labels = alternation(table["code_labels"], space=r"\s+")
    shares = alternation(table["share_openers"], space=r"\s+")
    holdings = alternation(table["holding_openers"], space=r"\s+")
    managers = alternation([*table["managers"], *table["brands"]], space=r"\s+")
    ticker = r"(?P<code>[A-Z]{2,5})(?![\w&'’-]|\.\w)"
    return _TickerGrammar(
        # 'NASDAQ:SMH', '(NYSEARCA:CQQQ)': after an exchange
        re.compile(rf"(?<![\w&'’.:/$-])(?:{exchanges})\s*[:：]\s*{ticker}"),
        # '(KTEC) +6.3%', 'KWEB +$2.3B', 'FXI -$2.3B', '(QQQ, -$1.4 billion)': before a signed figure
        # (after a comma, only a signed amount: 'AAPL, -1.2%' is a page's quote of any stock)
        re.compile(
            rf"(?<![\w&'’./$-]){ticker}(?:[)）]?\s*[+\-−–]\s*(?:US\$|HK\$|[$¥€£])?|,\s*[+\-−–]\s*(?:US\$|HK\$|[$¥€£]))\d"
        ),
        # 'FXI, the largest China ETF', 'KWEB’s rise': opening a sentence, then a comma or a possessive (not a verb:
        # 'CSOP launched', 'TSMC was' are companies as often as funds)
        # 'XYZ® continued to see outflows': or a trade mark's sign, then a word in lower case (its verb)
        re.compile(r"[\s\"“‘'(\[•●*-]*(?P<code>[A-Z]{2,5})(?:\s*,|[’']s\b|[®™](?=\s+[a-z]))"),
        # 'Alibaba (BABA)', 'Hang Seng Index (HSI)', 'Baidu Inc. (NASDAQ:BIDU)', 'Acme Corp (Symbol: ACM)': a ticker
        # that a name claims, perhaps after its exchange or its label
        re.compile(
            rf"[A-Z\d][\w&'’.-]*\s*[(（]\s*(?:(?:{exchanges}|{labels})\s*[:：]\s*)?(?P<code>[A-Z]{{2,5}})\s*[)）]"
        ),
        # 'USO (ticker: USO)': a ticker written as a name, then labelled in brackets
        re.compile(rf"(?<![\w&'’.-])(?P<code>[A-Z]{{2,5}})\s*[(（]\s*(?:{labels})\s*[:：]?\s*(?P=code)\s*[)）]"),
        # 'LQD (the largest IG corporate bond ETF) has witnessed': a ticker described as a fund in brackets
        re.compile(r"(?<![\w&'’.$-])(?P<code>[A-Z]{2,5})\s*\((?:the|a|an)\s[^()]{0,80}?\b(?:ETF|fund)s?\)"),
        frozenset(table["not_tickers"]) | frozenset(table["exchange_prefixes"]) | currency_codes(),
        # 'Shares of URA were up about 7%': a ticker after the words that name its traded units
        re.compile(rf"(?<![\w&'’.-])(?i:{shares})\s+{ticker}"),
        # 'In fact, ARKK saw $352 million exit', 'On Monday, KWEB fell 2%', 'ETF flows: IVV took in $2 billion': the
        # subject after a short opening phrase and its comma or a label's colon, then a word in lower case (its verb)
        re.compile(r"[\s\"“‘'(\[•●*-]*[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,4}[,:：]\s+(?P<code>[A-Z]{2,5})\s+(?=[a-z])"),
        # 'Among the largest underlying components of SPY, ...': a ticker after the words that name its holdings
        re.compile(rf"(?<![\w&'’.-])(?i:{holdings})\s+{ticker}"),
        # 'BlackRock's IBIT drew $520 million', 'Invesco’s QQQ': a ticker after the possessive of a fund's manager
        # (not a name going on: 'State Street’s SPDR Gold Shares')
        re.compile(rf"(?<![\w&'’.-])(?:{managers})[’']s\s+{ticker}(?!\s+[A-Z\d])"),
        frozenset(table["brands"]),
        # 'trading under ticker ‘USO,’', 'under the ticker symbol $ BITO', 'known for its ‘USO’ ticker': a ticker
        # the word 'ticker' introduces, perhaps quoted or as a cashtag
        re.compile(
            r"\bticker(?:\s+symbol)?\s*[:：]?\s*[‘'\"“]?(?:\$\s?)?(?P<code>[A-Z]{2,5})(?![\w&-]|\.\w)"
            r"|\bits\s+[‘'\"“](?P<quoted>[A-Z]{2,5})[’'\"”],?\s+ticker\b"
        ),
        frozenset(w for w in [*table["managers"], *table["brands"]] if " " not in w),
    )


@dataclass
class FundBook:
    """Codes by name and names by code, gathered from the mentions that give both."""

    #: a fund's name in lower case -> its code
    codes: dict[str, str] = field(default_factory=dict)
    #: a code -> the fund's name as the body first writes it (a headline's only where the body gives none)
    names: dict[str, str] = field(default_factory=dict)
    #: codes whose name came from a headline
    from_headline: set[str] = field(default_factory=set)
    #: letter tickers the article writes where its funds stand, with no name (see `_context_tickers`)
    tickers: set[str] = field(default_factory=set)
    #: short names (lower case) that stand for a coded name: its initials, or its last words (see `_pair_by_initials`)
    short: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, view: ArticleView) -> FundBook:
        """The book of an article: body mentions first, then headlines."""
        book = cls()
        coded: set[str] = set()
        uncoded: dict[str, str] = {}
        for f in sorted(view.facts, key=lambda f: f.sentence.headline):
            for m in f.etfs:
                code, name = m.item.code, m.item.name
                if code:
                    coded.add(code)
                elif name:
                    uncoded.setdefault(name.lower(), name)
                if code and name:
                    book.codes.setdefault(name.lower(), code)
                    if code not in book.names:
                        book.names[code] = name
                        if f.sentence.headline:
                            book.from_headline.add(code)
        book._pair_by_holdings(view)
        book._pair_by_initials(uncoded)
        listed = _listed_codes(view, book)
        book.tickers = _context_tickers(view, book) | listed | _labelled_tickers(view)
        if not coded and not book.tickers:
            book.tickers = _traded_ticker(view, [k for k in uncoded if k not in book.codes])
        book._pair_by_ticker_word(view)
        book._name_described(view)
        book._pair_by_apposition(view)
        book._pair_the_only_fund(coded | book.tickers, uncoded)
        return book

    def _pair_by_apposition(self, view: ArticleView) -> None:
        """A fund named without a code right after a known code and its comma ('TSX:ZEB, the BMO Equal Weight Banks
        Index ETF, fell', 'LSE:VUSA, Vanguard's S&P 500 UCITS ETF,'): the name is the code's, said again."""
        known = self.known
        for f in view.facts:
            for m in f.etfs:
                name = m.item.name
                if m.item.code is not None or not name or name.lower() in self.codes:
                    continue
                found = _APPOSED_CODE.search(f.text, max(0, m.start - APPOSITION_REACH), m.start)
                if found is None or found.group("code") not in known or _APPOSITION_END.match(f.text, m.end) is None:
                    continue
                code = found.group("code")
                self.codes[name.lower()] = code
                self.names.setdefault(code, name)

    def _name_described(self, view: ArticleView) -> None:
        """A ticker known by context that a name claims in brackets, then described as a fund ('Harbor Shares Index
        (ASX:HSI), the largest exchange traded fund of its market') is named so (the name alone is no mention of it:
        it may be its index's too)."""
        g = _tickers()
        for f in view.facts:
            if "(" not in f.text and "（" not in f.text:
                continue
            for m in g.claimed.finditer(f.text):
                code = m.group("code")
                if code not in self.tickers or code in self.names or not _described_after(m):
                    continue
                found = _NAME_BEFORE.search(f.text, 0, m.start() + len(_claimant(m)))
                if found is not None:
                    self.names[code] = found.group().strip()

    def _pair_by_holdings(self, view: ArticleView) -> None:
        """A fund named without a code in one sentence has the ticker whose holdings the next sentence of its
        paragraph names ('the largest drop came in the Harbor Nordic Banks ETF, which lost 900,000 units. Among
        the largest underlying components of NBNK, ...')."""
        g = _tickers()
        for before, f in zip(view.facts, view.facts[1:]):
            if before.sentence.paragraph != f.sentence.paragraph:
                continue
            found = g.holdings.search(f.text)
            names = [m.item.name for m in before.etfs if m.item.code is None and m.item.name]
            if found is None or not names or names[-1].lower() in self.codes:
                continue
            code = found.group("code")
            if code in g.not_tickers or code in view.gazetteer.forms or code in self.names:
                continue
            self.codes[names[-1].lower()] = code
            self.names[code] = names[-1]

    def _pair_by_ticker_word(self, view: ArticleView) -> None:
        """A fund named without a code in a sentence that then gives one ticker with the word 'ticker' ('the
        ProShares Bitcoin Strategy ETF began trading ... under the ticker symbol BITO') has that ticker."""
        g = _tickers()
        for f in view.facts:
            if "ticker" not in f.text:
                continue
            found = [m for m in g.tickered.finditer(f.text) if (m.group("code") or m.group("quoted")) in self.tickers]
            if len(found) != 1:
                continue
            code = found[0].group("code") or found[0].group("quoted")
            names = {m.item.name for m in f.etfs if m.item.code is None and m.item.name and m.end <= found[0].start()}
            if len(names) == 1 and code not in self.names:
                name = names.pop()
                self.codes.setdefault(name.lower(), code)
                self.names[code] = name

    def _pair_by_initials(self, uncoded: dict[str, str]) -> None:
        """A fund named without a code by letters that spell the initials of the words of one coded name ('AI ETF'
        where the article wrote 'Artificial Intelligence ETF (515980)'), or by the last words of one coded name
        ('Bitcoin ETF' where it wrote 'Purpose Bitcoin ETF (BTCC)'), has that name's code."""
        for low, name in uncoded.items():
            if low in self.codes:
                continue
            found = _SHORT_NAME.fullmatch(name)
            code = self._initialled(found.group(1)) if found else self._ending(low)
            if code is not None:
                self.codes[low] = code
                self.short.add(low)

    def _ending(self, low: str) -> str | None:
        """The code of the one coded name that a name of two words or more ends ('Bitcoin ETF' of 'Purpose Bitcoin
        ETF (BTCC)')."""
        if " " not in low:
            return None
        codes = {code for name, code in self.codes.items() if name.endswith(" " + low)}
        return next(iter(codes)) if len(codes) == 1 else None

    def _initialled(self, letters: str) -> str | None:
        """The code of the one coded name whose words' initials `letters` spell, if one does."""
        codes = {code for name, code in self.codes.items() if _spells(letters, name)}
        return next(iter(codes)) if len(codes) == 1 else None

    def _pair_the_only_fund(self, coded: set[str], uncoded: dict[str, str]) -> None:
        """The one fund an article gives a code, with no name in Latin letters (a Chinese headline's
        '恒生科技指数ETF(159742)', a bare '3033.HK', a ticker known by context: 'ARGT, one of a number of small
        country ETFs'), is the one fund it names without a code ('The Hang Seng Tech Index ETF has reached a new
        high')."""
        names = [k for k in uncoded if k not in self.codes]
        if len(coded) != 1 or len(names) != 1:
            return
        code = next(iter(coded))
        if _LATIN.search(self.names.get(code, "")):
            return
        self.codes[names[0]] = code
        self.names[code] = uncoded[names[0]]
        self.from_headline.discard(code)

    @property
    def known(self) -> set[str]:
        """The codes the article names its funds by: those given with a name, and tickers known by context."""
        return set(self.codes.values()) | self.tickers

    def resolve(self, m: Located[EtfRef], view: ArticleView, text: str) -> Located[EtfRef]:
        """A mention with its code (from its name) and its name (from its code) filled in where the article or the
        gazetteer gives them; letters written before a head word that the article gives a name with another code
        ('HSCEI ETF declined' where it wrote 'HSCEI ETF (02828)') are that name, not a ticker."""
        code, name = m.item.code, m.item.name
        if code is None and name is not None:
            code = self.codes.get(name.lower())
            if code is not None and name.lower() in self.short:
                name = self.names.get(code, name)  # 'Bitcoin ETF' is 'Purpose Bitcoin ETF'
        elif name is None and code is not None:
            written = text[m.start : m.end].lower()
            if self.codes.get(written, code) != code:
                code, name = self.codes[written], self.names.get(self.codes[written])
            elif code.isalpha() and code not in self.known and (initialled := self._initialled(code)) is not None:
                code, name = initialled, self.names.get(initialled)  # 'GH ETF' for 'Green Hydrogen ETF (516990)'
        if name is None and code is not None:
            known = view.gazetteer.etfs.get(code)
            name = self.names.get(code) or (known.name if known else None)
        return Located(m.start, m.end, EtfRef(code, name))

    def mentions(self, f: Facts, view: ArticleView, known: set[str]) -> list[Located[EtfRef]]:
        """The funds a sentence names, in order: its mentions, resolved, and the funds of `known` codes (and the
        names that go with them) written alone: '515120 drew a net inflow', 'FXI fell 2.9%', 'TRACKER FUND is now
        trading up 1.8%'."""
        found = [self.resolve(m, view, f.text) for m in f.etfs if not _a_body_described(m, view, f.text)]
        if not known:
            return found
        text, low = f.text, f.text.lower()
        spans = [(m.start(), m.end(), m.group()) for m in _BARE_CODE.finditer(text) if m.group() in known]
        spans += [
            (a, b, code)
            for code in known
            if not code.isdigit() and code in text
            for a, b in occurrences(text, code, standalone=True)
        ]
        if len(low) == len(text):  # lower-casing kept the offsets (no 'İ'): names are looked up case-blind
            spans += [
                (a, b, code)
                for name, code in self.codes.items()
                if name in low
                for a, b in _name_spans(text, low, name)
            ]
        bare: list[Located[EtfRef]] = []
        for start, end, code in sorted(spans):
            if any(x.start < end and start < x.end for x in [*found, *bare]):
                continue
            if start and text[start - 1] in _IN_ADDRESS:
                continue  # 'https://www.etf.com/SPTL': part of a web address
            bare.append(Located(start, end, EtfRef(code, self.names.get(code))))
        return sorted(found + bare, key=lambda m: m.start)


#: letters, then words in lower case, then the head: 'the XBNK small bank ETF'
_DESCRIBED_TICKER = regex.compile(r"[A-Z]{2,5}(?:\s++[a-z][a-z-]*+)++\s++ETF")


def _a_body_described(m: Located[EtfRef], view: ArticleView, text: str) -> bool:
    """Letters written before lower-case words and 'ETF' that the gazetteer knows as a body's or a company's name
    ('the central bank's letters, then words of what it does with ETFs'): that body, no fund's ticker."""
    code = m.item.code
    return (
        m.item.name is None
        and code is not None
        and code in view.gazetteer.forms
        and code not in view.gazetteer.etfs
        and _DESCRIBED_TICKER.fullmatch(text, m.start, m.end) is not None
    )


def _name_spans(text: str, low: str, name: str) -> list[tuple[int, int]]:
    """Where a fund's name (lower-cased) stands alone in `low` (`text` lower-cased), or right after an article glued
    to it ('theFullgoal CSI Agriculture Theme ETF recorded ...')."""
    return [
        (a, b)
        for a, b in occurrences(low, name)
        if (b == len(low) or not low[b].isalnum()) and (a == 0 or not low[a - 1].isalnum() or glued_before(text, a))
    ]


def _about_funds(view: ArticleView, book: FundBook) -> bool:
    """An article about funds: it names one with its code, or its opening lines speak of ETFs."""
    if book.codes:
        return True
    words_of_funds = phrases("etf_move", "fund_words")
    return any(words_of_funds.search(f.text) for f in view.facts[:TOPIC_SENTENCES])


def _traded_ticker(view: ArticleView, uncoded: list[str]) -> set[str]:
    """The ticker of the one fund an article names without a code, where it gives no code at all but writes one
    ticker as what is traded ('The Uranium ETF is seeing unusually high volume ... Shares of URA were up about 7%')."""
    if len(uncoded) != 1:
        return set()
    g = _tickers()
    found = {m.group("code") for f in view.facts for m in g.shares.finditer(f.text)}
    found -= g.not_tickers | set(words("etf_move")["not_tickers"])
    return found if len(found) == 1 and not any(c in view.gazetteer.forms for c in found) else set()


def _listed_codes(view: ArticleView, book: FundBook) -> set[str]:
    """Codes an article about funds writes alone, of the ranges exchanges give funds ('3033.HK has received US$24
    million', '159915 rose 2.1%')."""
    if not _about_funds(view, book):
        return set()
    return {
        m.group()
        for f in view.facts
        if has_digit(f.text)
        for m in _LISTED_CODE.finditer(f.text)
        if listed_fund_code(m.group())
    }


def _dateline(f: Facts, end: int) -> bool:
    """True where a date follows a sentence's opening word and comma: a dateline's place ('TOKYO, Sept 7'), no ticker."""
    return any(0 <= d.start - end <= 2 for d in f.dates)


def _labelled_tickers(view: ArticleView) -> set[str]:
    """Tickers written as a fund's name and labelled in brackets ('USO (ticker: USO), which holds $2 billion') in a
    sentence that, or whose predecessor, speaks of a fund by its head word ('Shares of the United States Oil Fund
    surged'); none that the gazetteer knows as a company or body."""
    g = _tickers()
    found: set[str] = set()
    for i, f in enumerate(view.facts):
        if "(" not in f.text and "（" not in f.text:
            continue
        # test each code against the gazetteer's forms: `set - forms.keys()` would walk every form
        codes = {
            code
            for m in g.labelled.finditer(f.text)
            if (code := m.group("code")) not in g.not_tickers and code not in view.gazetteer.forms
        }
        if codes and any(names_fund_head(x.text) for x in view.facts[max(0, i - 1) : i + 1]):
            found |= codes
    return found


def _context_tickers(view: ArticleView, book: FundBook) -> set[str]:
    """Letter tickers that stand where an article about funds writes its funds, though no name comes with them:
    after an exchange ('NASDAQ:SMH'), before a signed figure ('(KTEC) +6.3%', 'KWEB +$2.3B'), or opening a sentence
    as its subject ('FXI, the largest China ETF, ...', 'MCHI, the second largest, has bled $286 million', though no
    dateline's place: 'TOKYO, Sept 7'), or after its opening phrase ('In fact, ARKK saw $352 million exit'),
    described as a fund in brackets ('LQD (the largest IG corporate bond ETF)'), and trading names with 'ETF' glued
    in ('GOLDETF', 'CHINAETF-MYR'). A ticker a name claims ('Alibaba (BABA)'), an acronym, a currency or a known
    company or body is none, and neither is any ticker of a list where one of them is claimed ('BIDU +6.2%, BABA
    +12.1%, TCOM +6.6%': a list of stocks), nor of a sentence that calls its tickers stocks and names no fund."""
    if not _about_funds(view, book):
        return set()
    g = _tickers()
    claims = [m for f in view.facts if "(" in f.text or "（" in f.text for m in g.claimed.finditer(f.text)]
    # 'Grayscale (GBTC)', 'Harbor Shares Index (ASX:HSI), the largest fund of its market': a fund's ticker
    issued = {m.group("code") for m in claims if _claimant(m) in g.issuers or _described_after(m)}
    claimed = {m.group("code") for m in claims} - issued
    named = set(book.codes.values())
    claimed -= named
    # a fund family's brand in capitals ('CSOP's China bond ETF') names the family, no fund
    refused = g.not_tickers | claimed | set(words("etf_move")["not_tickers"]) | g.brands
    found: set[str] = set()
    stocks, funds = phrases("etf_move", "stock_words"), phrases("etf_move", "fund_words")
    for f in view.facts:
        text = f.text
        if stocks.search(text) and not funds.search(text):
            continue  # 'other popular stocks include (AAA) +8%, (BBB) +6%': a list the sentence calls stocks
        listed = [m.group("code") for m in g.signed.finditer(text)] if _SIGN.search(text) else []
        candidates = list(listed)
        if ":" in text or "：" in text:
            candidates += [m.group("code") for m in g.prefixed.finditer(text)]
        opening = g.opening.match(text)
        if opening and not _dateline(f, opening.end()):
            candidates.append(opening.group("code"))
        introduced = g.introduced.match(text) if any(mark in text[:60] for mark in ",:：") else None
        if introduced:
            candidates.append(introduced.group("code"))
        if "(" in text:
            candidates += [m.group("code") for m in g.described.finditer(text)]
        if "ETF" in text:
            candidates += _GLUED_ETF.findall(text)
        if "'" in text or "’" in text:
            candidates += [code for m in g.managed.finditer(text) if (code := m.group("code")) not in g.brands]
        if "ticker" in text:
            candidates += [m.group("code") or m.group("quoted") for m in g.tickered.finditer(text)]
        if issued:
            candidates += [m.group("code") for m in g.claimed.finditer(text) if m.group("code") in issued]
        found.update(c for c in candidates if c not in refused and c not in view.gazetteer.forms)
        if any(code in claimed for code in listed):
            found -= set(listed) - named  # a list with a stock in it is a list of stocks
    return found - _speakers(view, found - named)


#: capitalised words up to the end of the text searched: a name before its bracket
_NAME_BEFORE = re.compile(r"(?<![\w&'’.-])(?:[A-Z\d][\w&'’.-]*\s+){0,7}[A-Z\d][\w&'’.-]*$")
#: a description in apposition after a bracket: its comma, an article and words up to the next clause mark
_APPOSED_DESCRIPTION = re.compile(r"\s*,\s*(?:the|a|an)\s[^,;:()]{0,80}")


def _described_after(m: re.Match[str]) -> bool:
    """Whether the name claiming a ticker in brackets is then described as a fund ('Harbor Shares Index (ASX:HSI), the
    largest exchange traded fund of its market'): a fund whose name lacks its head word."""
    after = _APPOSED_DESCRIPTION.match(m.string, m.end())
    return after is not None and names_fund_head(after.group())


def _claimant(m: re.Match[str]) -> str:
    """The word that claims a ticker in brackets ('Grayscale' of 'Grayscale (GBTC)')."""
    return m.group().split("(")[0].split("（")[0].strip()


@cache
def _speech() -> re.Pattern[str]:
    """A verb of speech after a name, perhaps after a description between commas ('SSGA said', 'ETFGI, a leading
    research firm, reported today that')."""
    verbs = alternation(words("etf_move")["speech_verbs"], space=r"\s+")
    return re.compile(rf"(?:[’']s)?(?:,\s+(?:a|an|the)\s[^,;]{{0,160}},)?\s+(?:{verbs})\b")


def _speakers(view: ArticleView, codes: set[str]) -> set[str]:
    """The tickers of `codes` that speak somewhere in the article: firms (a research house, a fund manager), no
    funds."""
    speech = _speech()
    return {
        code
        for code in codes
        for f in view.facts
        if code in f.text
        for a, b in occurrences(f.text, code, standalone=True)
        if speech.match(f.text, b)
    }
