"""The canonical form of a company's or body's name, as event keys compare names.

The one place where a name as written becomes the name it stands for: when full entity resolution arrives
(`extractor.facts.gazetteer.resolve`), `canonical_name` is what switches to it.
"""

from __future__ import annotations

import regex

from extractor.facts.analysis import company_key
from extractor.facts.gazetteer import Gazetteer

#: a ticker written after a name: 'Innovent Biologics (01801.HK)', 'Akeso（9926.HK）'
_TICKER = regex.compile(r"\s*+[(（]\s*+(?P<ticker>[^()（）]+?)\s*+[)）]\s*+$")
_LEADING_THE = regex.compile(r"^(?:the|The|THE)\s++")
_APOSTROPHES = regex.compile(r"['’]")
_NOT_WORD = regex.compile(r"[^\p{L}\p{N}]++")


def canonical_name(name: str, gazetteer: Gazetteer) -> str:
    """The gazetteer's name for `name` where it knows the name, an alias or the ticker written after it; else the
    name without its legal form ('Panasonic Corp.' -> 'Panasonic'); in lower case, words separated by one space."""
    bare, ticker = name.strip(), None
    if (found := _TICKER.search(bare)) is not None:
        bare, ticker = bare[: found.start()], found.group("ticker")
    bare = _LEADING_THE.sub("", bare)
    for form in (bare, company_key(bare), ticker):
        entry = gazetteer.forms.get(form) if form else None
        if entry is not None:
            return normalised(entry.name)
    return normalised(company_key(bare)) or normalised(name)


def normalised(name: str) -> str:
    """A name as keys compare it: lower case, apostrophes dropped, every run of other characters that are no letter or digit one space."""
    return _NOT_WORD.sub(" ", _APOSTROPHES.sub("", name.casefold())).strip()
