"""The funds of one article: every code and name its mentions give, so that a fund named one way is known by the
others wherever it stands in the article."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from extractor.contract import Located
from extractor.events.common import occurrences
from extractor.facts.analysis import ArticleView, EtfRef, Facts

_BARE_CODE = regex.compile(r"(?<![\w.$¥€£])(?:\d{6}|\d{5})(?![\w%]|\.\d)")


@dataclass
class FundBook:
    """Codes by name and names by code, gathered from the mentions that give both."""

    #: a fund's name in lower case -> its code
    codes: dict[str, str] = field(default_factory=dict)
    #: a code -> the fund's name as the body first writes it (a headline's only where the body gives none)
    names: dict[str, str] = field(default_factory=dict)
    #: codes whose name came from a headline
    from_headline: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, view: ArticleView) -> FundBook:
        """The book of an article: body mentions first, then headlines."""
        book = cls()
        for f in sorted(view.facts, key=lambda f: f.sentence.headline):
            for m in f.etfs:
                code, name = m.item.code, m.item.name
                if code and name:
                    book.codes.setdefault(name.lower(), code)
                    if code not in book.names:
                        book.names[code] = name
                        if f.sentence.headline:
                            book.from_headline.add(code)
        return book

    def resolve(self, m: Located[EtfRef], view: ArticleView) -> Located[EtfRef]:
        """A mention with its code (from its name) and its name (from its code) filled in where the article or the
        gazetteer gives them."""
        code, name = m.item.code, m.item.name
        if code is None and name is not None:
            code = self.codes.get(name.lower())
        if name is None and code is not None:
            known = view.gazetteer.etfs.get(code)
            name = self.names.get(code) or (known.name if known else None)
        return Located(m.start, m.end, EtfRef(code, name))

    def mentions(self, f: Facts, view: ArticleView, known: set[str]) -> list[Located[EtfRef]]:
        """The funds a sentence names, in order: its mentions, resolved, and the funds of `known` codes (and the
        names that go with them) written alone: '515120 drew a net inflow', 'FXI fell 2.9%', 'TRACKER FUND is now
        trading up 1.8%'."""
        found = [self.resolve(m, view) for m in f.etfs]
        if not known:
            return found
        text, low = f.text, f.text.lower()
        spans = [(m.start(), m.end(), m.group()) for m in _BARE_CODE.finditer(text) if m.group() in known]
        spans += [
            (a, b, code)
            for code in known
            if code.isalpha() and code in text
            for a, b in occurrences(text, code, standalone=True)
        ]
        if len(low) == len(text):  # lower-casing kept the offsets (no 'İ'): names are looked up case-blind
            spans += [
                (a, b, code)
                for name, code in self.codes.items()
                if name in low
                for a, b in occurrences(low, name, standalone=True)
            ]
        bare: list[Located[EtfRef]] = []
        for start, end, code in sorted(spans):
            if any(x.start < end and start < x.end for x in [*found, *bare]):
                continue
            bare.append(Located(start, end, EtfRef(code, self.names.get(code))))
        return sorted(found + bare, key=lambda m: m.start)
