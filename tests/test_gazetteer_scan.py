"""The gazetteer's scan: a known name is found only where it starts a word, and the ruler's check is spared."""

from __future__ import annotations

import pytest

from extractor.facts.gazetteer import Gazetteer, build_gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    """A gazetteer of one company with a short alias (so a name could sit inside a longer word)."""
    return build_gazetteer([{"name": "Zentrix Holdings", "aliases": ["Zentrix"], "kind": "company"}])


@pytest.mark.parametrize(
    "text, found",
    [
        ("Zentrix shares rose on Tuesday.", ["Zentrix"]),
        ("Shares of Zentrix rose.", ["Zentrix"]),
        ("(Zentrix) rose.", ["Zentrix"]),
        ("The deal with 'Zentrix Holdings' closed.", ["Zentrix Holdings"]),
        ("Shares of AZentrix rose.", []),  # a letter glued before: no name
        ("Shares of 3Zentrix rose.", []),  # a digit glued before
        ("The file my_Zentrix was shared.", []),  # an underscore glued before
        ("Smith &Zentrix merged.", []),  # an ampersand glued before
        ("Shares of ÉZentrix rose.", []),  # a non-ASCII letter glued before
        ("Zentrixes rose.", []),  # runs on into a longer word
    ],
)
def test_a_name_is_found_only_where_it_starts_a_word(gazetteer: Gazetteer, text: str, found: list[str]) -> None:
    assert [text[m.start : m.end] for m in gazetteer.find(text)] == found


def test_a_scan_from_inside_a_word_still_reads_the_letter_before_it(gazetteer: Gazetteer) -> None:
    assert gazetteer.scanner.search("AZentrix", 1) is None
