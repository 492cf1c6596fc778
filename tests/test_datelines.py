"""Datelines and report days: the day an article's opening lines say the news was told ('said on Monday'), else the
day its dateline gives, dates the events of its lead that the text dates no other way (an earnings preview dated by
neither is the news of the publication day)."""

from __future__ import annotations

import pytest

CASES = [
    (
        "LONDON, July 14 (Reuters) - Nokia now expects full-year net sales of EUR 23.9 billion.",
        "2023-07-14",
        "2023-07-14",
    ),
    (
        "(July 27, 2021 - Hong Kong) China Grand Pharmaceutical expects net profit to rise 50%.",
        "2021-07-27",
        "2021-07-27",
    ),
    (
        "Nokia results\nJuly 13, 2023\nNokia now expects full-year net sales of EUR 23.9 billion.",
        "2023-07-14",
        "2023-07-13",
    ),
    # no dateline: a date inside a sentence about something else, or one far from publication
    (
        "Hengrui shares rose 3% on Monday. Zai Lab expects a net loss of RMB 300 million for the first half.",
        "2026-03-10",
        "2026-03-10",
    ),
    (
        "Nokia results\nJuly 13, 2019\nNokia now expects full-year net sales of EUR 23.9 billion.",
        "2023-07-14",
        "2023-07-14",
    ),
    # a report day in the opening lines: the day the news was told
    (
        "Nokia now expects full-year net sales of EUR 23.9 billion. The company said in a statement Monday that "
        "demand had slowed.",
        "2023-07-14",
        "2023-07-10",
    ),
    (
        "Nokia now expects full-year net sales of EUR 23.9 billion, down from EUR 25 billion. It announced the "
        "change on Wednesday.",
        "2023-07-14",
        "2023-07-12",
    ),
    # ... before the dateline, which gives the day of writing
    (
        "HELSINKI, July 14 (Reuters)\nNokia now expects full-year net sales of EUR 23.9 billion. It said in a "
        "filing on Thursday that demand had slowed.",
        "2023-07-14",
        "2023-07-13",
    ),
    # the dateline opening the event's sentence gives way to the day the sentence names
    (
        "date 2024-07-29 SHANGHAI, July 29, 2024 -- Guotai Junan sees first-half net profit up 40 percent, it "
        "said in a filing on July 17.",
        "2024-07-29",
        "2024-07-17",
    ),
    # a day after publication is yet to come, and a span of months is the period of the figures: neither dates it
    (
        "Nokia now expects full-year net sales of EUR 23.9 billion and will present the final figures on August 10.",
        "2023-07-14",
        "2023-07-14",
    ),
    (
        "Zai Lab expects net profit from January to June 2023 to rise 50%.",
        "2023-07-14",
        "2023-07-14",
    ),
    # a report day further on in the article: the day the news was told, before the dateline
    (
        "OSLO, July 14 (Wire)\nOrkla warned that it expects full-year operating profit of NOK 9 billion.\n\n"
        "Its shares slid 4% in early trading.\n\nAnalysts had expected NOK 10 billion.\n\nThe group's chief "
        "executive blamed weaker demand.\n\nMarkets were calm.\n\nIn a statement released late Thursday, the "
        "group said costs had risen.",
        "2023-07-14",
        "2023-07-13",
    ),
    # a date in a phrase of background tells what came before the news: it dates nothing
    (
        "Orkla now expects full-year operating profit of NOK 9 billion, the figure it gave earlier in March.",
        "2023-07-14",
        "2023-07-14",
    ),
    (
        "Orkla now expects full-year operating profit of NOK 9 billion, below its previous forecast made on June 2.",
        "2023-07-14",
        "2023-07-14",
    ),
    # ... but 'earlier on Monday' tells the news
    (
        "Orkla said earlier on Monday that it expects full-year operating profit of NOK 9 billion.",
        "2023-07-14",
        "2023-07-10",
    ),
    # a day with another date between it and the statement word is not the day the news was told
    (
        "Orkla now expects full-year operating profit of NOK 9 billion.\n\nIts shares slid 4% in early trading.\n\n"
        "Analysts had expected NOK 10 billion.\n\nThe group's chief executive blamed weaker demand.\n\nMarkets "
        "were calm.\n\nTrading in the stock was paused on Wednesday ahead of this morning's announcement.",
        "2023-07-14",
        "2023-07-14",
    ),
    # 'Today' opening a sentence is no dateline: it tells the day of the announcement
    (
        "Nokia now expects full-year net sales of EUR 23.9 billion.\n\nToday's announcement comes as the group cuts "
        "costs.\n\nA rival said on Tuesday that it was hiring.",
        "2023-07-14",
        "2023-07-14",
    ),
    # the day of a reaction to the news is not the news's day
    (
        "Orkla now expects full-year operating profit of NOK 9 billion; its shares fell 5% this morning following "
        "the warning late Monday.",
        "2023-07-14",
        "2023-07-10",
    ),
    # no report day: a day of something else, or one far from publication
    (
        "Nokia now expects full-year net sales of EUR 23.9 billion. Its shares fell 3% on Thursday.",
        "2023-07-14",
        "2023-07-14",
    ),
    (
        "Nokia now expects full-year net sales of EUR 23.9 billion. It said on March 3, 2021 that demand was strong.",
        "2023-07-14",
        "2023-07-14",
    ),
]


@pytest.mark.parametrize("text, published, date", CASES, ids=[c[0][:30] for c in CASES])
def test_the_report_day_or_the_dateline_dates_the_lead(extractor, text: str, published: str, date: str | None) -> None:
    [event] = [e for e in extractor.extract(text, published=published) if e.event_type == "earnings_preview"]
    assert event.event_date == date


UNDATED = [
    # a deal or a measure that nothing in the text dates stays undated: the gold gives a date only where the text does
    ("Acme Industries agreed to buy Widget Holdings for $50 million in cash.", "deal"),
    (
        "The Ruritania Securities Commission tightened margin rules for retail brokers, citing rising leverage.",
        "policy_change",
    ),
]


@pytest.mark.parametrize("text, event_type", UNDATED, ids=[u[1] for u in UNDATED])
def test_an_undated_deal_or_measure_stays_undated(extractor, text: str, event_type: str) -> None:
    [event] = [e for e in extractor.extract(text, published="2023-07-14") if e.event_type == event_type]
    assert event.event_date is None
