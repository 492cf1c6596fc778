"""Lower-casing that agrees with case-blind matching of ASCII words, for looking up what a pattern matched."""

from __future__ import annotations

#: the only characters beyond ASCII that a case-blind pattern takes for ASCII letters (checked over
#: every code point): 'İ' and 'ı' for 'i', 'ſ' for 's', the Kelvin sign for 'k' ('ı' in `re` only)
_AS_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """`text` lower-cased as a case-blind match compares it with ASCII words: 'yeſterday' is 'yesterday'."""
    return text.translate(_AS_ASCII).lower()


def phrase_key(text: str) -> str:
    """`text` folded, its runs of white space made one space: the key of a phrase table ('At  leaſt' is 'at least')."""
    return " ".join(fold(text).split())
