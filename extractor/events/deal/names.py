"""The companies of one article by every form it writes them in: a name found in one sentence ('Itochu Corp.',
"Japan's Idemitsu Kosan Co.", 'LG Energy Solution (LGES)') is found in the others in its short form ('Itochu',
'Idemitsu Kosan', 'LGES'), where the name finder, reading one sentence at a time, sees only a capitalised word."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from extractor.contract import Located
from extractor.events.common import occurrences
from extractor.facts.analysis import ArticleView, Facts, OrgRef, company_key, plain_name

#: a short form shorter than this is no name to look for ('LG' alone is too likely another word's part)
SHORTEST_FORM = 3
#: "Japan's Idemitsu Kosan", 'South Korea’s LG Energy': a place's possessive before a name, no part of it
_PLACE_POSSESSIVE = regex.compile(r"^(?:\p{Lu}[\p{L}.-]*+\s++){0,2}?\p{Lu}[\p{L}.-]*+['’]s\s++(?=\p{Lu})")


#: "LG Energy Solution (LGES)", "Kuala Lumpur Kepong Bhd's (KLK)": the short form an article defines for a company
_ACRONYM_AFTER = regex.compile(r"(?:['’]s)?\s*+[(（]\s*+(?P<acronym>\p{Lu}[\p{Lu}&\d]{1,7})\s*+[)）]")


def short_form(text: str) -> str:
    """The form a company's later mentions take: no description, possessive place or legal form before or after it
    ("Japan's Idemitsu Kosan Co." -> 'Idemitsu Kosan')."""
    return company_key(_PLACE_POSSESSIVE.sub("", plain_name(text))).strip(" ,.")


@dataclass
class ArticleNames:
    """The short forms of an article's companies, each with the key of the company it names: a form that opens a
    longer one the article writes ('Mabwell' of 'Mabwell Bioscience') names that company, where only one does."""

    forms: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, view: ArticleView) -> ArticleNames:
        """The forms of every company the article names, longest first, each with the canonical name of its first
        mention, or of the one longer company it opens."""
        canonical: dict[str, str] = {}
        acronyms: dict[str, str] = {}
        for f in view.facts:
            for c in f.companies:
                for form in (short_form(c.item.text), short_form(c.item.name)):
                    if len(form) >= SHORTEST_FORM and form[:1].isupper():
                        canonical.setdefault(form, c.item.name)
                defined = _ACRONYM_AFTER.match(f.text, c.end)
                if defined is not None:
                    acronyms.setdefault(defined.group("acronym"), c.item.name)
        for acronym, name in acronyms.items():
            canonical.setdefault(acronym, name)
        ordered = sorted(canonical, key=lambda s: (-len(s), s))
        book = cls()
        for form in ordered:
            longer = {book.forms[o] for o in ordered if o.startswith(form + " ")}
            book.forms[form] = longer.pop() if len(longer) == 1 else canonical[form]
        return book

    def key(self, ref: OrgRef) -> str:
        """The key two mentions of one party share, whichever form each is written in."""
        return self.forms.get(short_form(ref.name), ref.name)

    def companies(self, f: Facts) -> list[Located[OrgRef]]:
        """The sentence's companies and the article's names it writes in a form its own finder missed, in order."""
        found = list(f.companies)
        keys = {self.key(c.item) for c in found}
        taken = [(o.start, o.end) for o in f.orgs]
        text = f.text
        for form, key in self.forms.items():
            if form not in text:
                continue
            for start, end in occurrences(text, form, standalone=True):
                if any(a < end and start < b for a, b in taken):
                    continue
                taken.append((start, end))
                if key not in keys:
                    keys.add(key)
                    found.append(Located(start, end, OrgRef(form, key, "pattern")))
        return sorted(found, key=lambda m: m.start)
