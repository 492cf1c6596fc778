"""Table-driven tests for the day of the act a statement reports (extractor.events.common.act_day) and its use by
the deal recognizer: 'announced on the 17th that it had signed on the 15th' dates the signing."""

from __future__ import annotations

import pytest

from extractor.events.common import act_day
from extractor.facts.analysis import ArticleView
from extractor.facts.gazetteer import default_gazetteer
from extractor.io.inputs import make_article

PUBLISHED = "2026-03-10"  # a Tuesday


def _first(text: str) -> str | None:
    """act_day of the first sentence of a text published on PUBLISHED."""
    view = ArticleView.build(make_article("t", f"---\npublished: {PUBLISHED}\n---\n{text}"), default_gazetteer())
    return act_day(view.facts[0])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Orvane Bio announced on the 9th that it had signed a licence with Peltrix on the 6th.", "2026-03-06"),
        ("Kestrel Mining said Monday that it completed the purchase of Dunmore Ores on March 4.", "2026-03-04"),
        ("Halvik disclosed on March 9 that the merger with Brontal closed on Friday.", "2026-03-06"),
        # one day only, or no statement before the first: nothing to choose
        ("Orvane Bio announced on the 9th that it had signed a licence with Peltrix.", None),
        ("Orvane Bio signed on March 6 a licence with Peltrix and said on March 9 that it was glad.", None),
        # no 'that' between: two days side by side, not a statement and its act
        ("Kestrel said on Monday and on Friday it would sell assets.", None),
        # a day after publication is no act's day
        ("Halvik said on Monday that the deal will close on March 30.", None),
    ],
)
def test_act_day(text: str, expected: str | None) -> None:
    assert _first(text) == expected


def test_a_deal_is_dated_by_its_signing_not_its_announcement(extractor) -> None:
    text = (
        "Orvane Bio announced on the 9th that it signed a licensing agreement with Peltrix Pharma for its antibody "
        "on the 6th. Orvane Bio will receive $40 million upfront."
    )
    dates = {e.event_date for e in extractor.extract(text, published=PUBLISHED) if e.event_type == "deal"}
    assert dates == {"2026-03-06"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label's day gives way to any other day the sentence names, and alone dates nothing
        ("Roundup - Date: 4 Mar. 2026, Kestrel agreed on March 2 to buy Dunmore.", "2026-03-02"),
        ("Roundup - Date: 4 Mar. 2026, Kestrel to buy Dunmore.", None),
        ("Roundup - Updated: March 4, Kestrel to buy Dunmore.", None),
        # no label: the day stays
        ("Kestrel agreed on March 4 to buy Dunmore.", "2026-03-04"),
        ("The update date is March 4 for Kestrel.", "2026-03-04"),
    ],
)
def test_a_labelled_day(text: str, expected: str | None) -> None:
    from extractor.events.common import sentence_date

    view = ArticleView.build(make_article("t", f"---\npublished: {PUBLISHED}\n---\n{text}"), default_gazetteer())
    assert sentence_date(view.facts[-1]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date in a clause telling what the news follows is none of its own
        ("The order comes after Kestrel signed contracts worth about $22.5 million in February.", None),
        ("The sale follows a merger agreed in January, and another one back in February.", None),
        ("The plan came on the heels of a rate cut on March 2.", None),
        # the news's own day before such a clause stays
        ("Kestrel agreed on March 4 to buy Dunmore, which comes after talks in February.", "2026-03-04"),
        # a clause mark ends the clause
        ("The sale comes after a review; Kestrel agreed on March 4.", "2026-03-04"),
    ],
)
def test_a_day_in_a_clause_of_background(text: str, expected: str | None) -> None:
    from extractor.events.common import sentence_date

    view = ArticleView.build(make_article("t", f"---\npublished: {PUBLISHED}\n---\n{text}"), default_gazetteer())
    assert sentence_date(view.facts[0]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month, then a later day of the same sentence: the day
        ("Kestrel exercised its option in January and completed the purchase of Dunmore on Monday.", "2026-03-09"),
        ("Kestrel, which began talks in 2025, agreed on March 4 to buy Dunmore.", "2026-03-04"),
        # a day first stays; a day before the month gives way to nothing
        ("Kestrel agreed on March 4 to buy Dunmore, whose sales fell in February.", "2026-03-04"),
        ("In March Kestrel bought Dunmore, after an offer made on February 20.", "2026-03"),
    ],
)
def test_a_day_after_a_month(text: str, expected: str | None) -> None:
    from extractor.events.common import sentence_date

    view = ArticleView.build(make_article("t", f"---\npublished: {PUBLISHED}\n---\n{text}"), default_gazetteer())
    assert sentence_date(view.facts[0]) == expected


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("DURING FEBRUARY, MINERS LED DEAL ACTIVITY IN THE REGION", {"2026-02"}),
        ("Regional deals roundup - February 2026", {"2026-02"}),
        # a headline naming a day, or no date: the deal stays undated
        ("Miners led deal activity on February 20", {None}),
        ("Miners led deal activity in the region", {None}),
    ],
)
def test_a_roundup_dates_its_undated_deals_by_its_headline_month(extractor, headline: str, expected: set) -> None:
    text = f"{headline}\n\nKestrel Mining agreed to acquire Dunmore Ores Ltd for $40 million in cash."
    dates = {e.event_date for e in extractor.extract(text, published=PUBLISHED) if e.event_type == "deal"}
    assert dates == expected


def test_a_roundups_month_comes_before_its_day_of_writing(extractor) -> None:
    text = (
        "Deals roundup - February 2026\n\nTue, Mar 10, 2026\n\n"
        "Kestrel Mining agreed to acquire Dunmore Ores Ltd for $40 million in cash."
    )
    dates = {e.event_date for e in extractor.extract(text, published=PUBLISHED) if e.event_type == "deal"}
    assert dates == {"2026-02"}
