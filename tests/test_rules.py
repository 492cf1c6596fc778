"""The rules alone (no statistical model): one sentence or two in, the event's key fields out."""

from __future__ import annotations

import pytest

PUBLISHED = "2026-03-10"


def events_of(extractor, text, kind=None):
    got = extractor.extract(text, published=PUBLISHED, doc_id="t")
    return [e for e in got if kind is None or e.event_type == kind]


def money(m):
    return None if m is None else (m.value, m.currency)


ETF_CASES = [
    ("The Innovative Drug ETF (159992) rose 2.4% on Monday.", "159992", {"change_pct": 2.4}),
    ("The Hang Seng Biotech ETF (03174) slid 1.8% on Tuesday.", "03174", {"change_pct": -1.8}),
    (
        "ETF 520880 climbed as much as 3.86% intraday and closed 2.9% higher.",
        "520880",
        {"intraday_high_pct": 3.86, "change_pct": 2.9},
    ),
    (
        "The Healthcare ETF (512170) fell as much as 4.2% before ending the session 1.1% lower.",
        "512170",
        {"intraday_low_pct": -4.2, "change_pct": -1.1},
    ),
    (
        "The Hong Kong Innovative Drug ETF (159567) gained 1.2%, with turnover of 4.6亿元.",
        "159567",
        {"change_pct": 1.2, "turnover": (4.6e8, "CNY")},
    ),
    (
        "The Biotech ETF (159859) saw net outflows of 120 million yuan last week.",
        "159859",
        {"net_inflow": (-1.2e8, "CNY")},
    ),
    (
        "The Hang Seng Innovation Drug ETF (520500) drew net subscriptions of RMB 814 million, lifting its fund size to RMB 1.641 billion.",
        "520500",
        {"net_inflow": (8.14e8, "CNY"), "fund_size": (1.641e9, "CNY")},
    ),
    ("The Hang Seng Biotech ETF (03174) traded HK$265 million on Friday.", "03174", {"turnover": (2.65e8, "HKD")}),
]


@pytest.mark.parametrize("text, code, fields", ETF_CASES)
def test_etf_moves(rules_only, text, code, fields):
    (event,) = events_of(rules_only, text, "etf_move")
    assert event.etf_code == code
    for name, want in fields.items():
        got = getattr(event, name)
        assert (money(got) if isinstance(want, tuple) else got) == want, name


def test_two_funds_in_one_sentence_keep_their_own_figures(rules_only):
    text = (
        "The Hang Seng Biotech ETF (03174) rose 1.4% on Friday, while the Innovative Drug ETF (159992) "
        "advanced 0.9% with turnover of 4.7亿元."
    )
    by_code = {e.etf_code: e for e in events_of(rules_only, text, "etf_move")}
    assert by_code["03174"].change_pct == 1.4 and by_code["03174"].turnover is None
    assert by_code["159992"].change_pct == 0.9 and money(by_code["159992"].turnover) == (4.7e8, "CNY")


def test_a_fund_named_again_later_is_one_event(rules_only):
    text = (
        "The Innovative Drug ETF (159992) rose 2.1% on Monday.\n\n"
        "Separately, data showed the ETF drew net inflows of 230 million yuan over the past week."
    )
    (event,) = events_of(rules_only, text, "etf_move")
    assert event.change_pct == 2.1 and money(event.net_inflow) == (2.3e8, "CNY")
    assert len(event.evidence) == 2


def test_the_same_day_is_the_day_named_before(rules_only):
    text = (
        "The Hang Seng Biotech ETF (03174) gained 2.2% on Tuesday. The Innovative Drug ETF (159992) closed up "
        "0.4% on the same day, after a strong run in the last weeks of December."
    )
    events = {e.etf_code: e for e in events_of(rules_only, text, "etf_move")}
    assert events["03174"].event_date == events["159992"].event_date == "2026-03-10"


def test_a_deal_later_the_same_day_is_dated_by_the_one_before(rules_only):
    text = (
        "Akeso signed a licensing agreement with Pfizer on Monday, receiving $100 million upfront.\n\n"
        "Later the same day, Hengrui granted Merck exclusive rights to HRS-1234 for $50 million upfront."
    )
    dates = {e.parties[0]: e.event_date for e in events_of(rules_only, text, "deal")}
    assert dates == {"Akeso": "2026-03-09", "Hengrui": "2026-03-09"}


def test_stock_moves_in_the_paragraph_are_not_the_funds(rules_only):
    text = "The Innovative Drug ETF (159992) rose 2.1% on Monday. Among its holdings, shares of Akeso surged over 10%."
    (event,) = events_of(rules_only, text, "etf_move")
    assert event.change_pct == 2.1


DEAL_CASES = [
    (
        "Akeso announced a licensing agreement with Pfizer worth up to $1.65 billion, including $150 million upfront.",
        ["Akeso", "Pfizer"],
        "licensing",
        {"total_value": (1.65e9, "USD"), "upfront": (1.5e8, "USD")},
    ),
    (
        "Sino Biopharm agreed to acquire LaNova Medicines for $951 million in cash.",
        ["Sino Biopharm", "LaNova Medicines"],
        "acquisition",
        {"total_value": (9.51e8, "USD")},
    ),
    (
        "Ipsen signed an exclusive licence agreement with Duality Biologics for DB-2304, paying EUR 85 million upfront "
        "with up to EUR 960 million in milestones.",
        ["Ipsen", "Duality Biologics"],
        "licensing",
        {"upfront": (8.5e7, "EUR"), "milestones": (9.6e8, "EUR")},
    ),
    # buying a company is acquiring it
    (
        "Sino Biopharm said on Thursday it agreed to buy LaNova Medicines for about $951 million.",
        ["Sino Biopharm", "LaNova Medicines"],
        "acquisition",
        {"total_value": (9.51e8, "USD")},
    ),
    (
        "Akeso has bought Hengrui's oncology unit for RMB 2.3 billion, the company announced.",
        ["Akeso", "Hengrui"],
        "acquisition",
        {"total_value": (2.3e9, "CNY")},
    ),
]


@pytest.mark.parametrize("text, parties, deal_type, fields", DEAL_CASES)
def test_deals(rules_only, text, parties, deal_type, fields):
    (event,) = events_of(rules_only, text, "deal")
    assert event.parties == parties and event.deal_type == deal_type
    for name, want in fields.items():
        assert money(getattr(event, name)) == want, name


def test_deal_terms_spread_over_sentences(rules_only):
    text = (
        "Hengrui said it had granted Merck an exclusive worldwide license to HRS-5346. "
        "Under the terms, Hengrui will receive an upfront payment of $200 million. "
        "It is further eligible for milestone payments of as much as $1.77 billion."
    )
    (event,) = events_of(rules_only, text, "deal")
    assert money(event.upfront) == (2e8, "USD") and money(event.milestones) == (1.77e9, "USD")
    assert event.asset == "HRS-5346" and len(event.evidence) == 3


FOLLOW_UP_CASES = [
    # the subject speaks of the party or the deal just announced, even with a verb that could announce one
    (
        "Kintor Pharma said it had granted Bayer exclusive global rights to KT-621. "
        "The German drugmaker agreed to make an upfront payment of $120 million.",
        {"upfront": (1.2e8, "USD")},
    ),
    (
        "Zelgen signed a licensing agreement with Roche for ZG-005. "
        "Altogether the pact is worth up to $980 million, one of the largest deals signed by a Chinese biotech.",
        {"total_value": (9.8e8, "USD")},
    ),
]


@pytest.mark.parametrize("text, fields", FOLLOW_UP_CASES)
def test_deal_follow_ups_spoken_of_as_known(rules_only, text, fields):
    (event,) = events_of(rules_only, text, "deal")
    for name, want in fields.items():
        assert money(getattr(event, name)) == want, name


def test_two_parties_agreeing_make_a_deal_without_a_figure(rules_only):
    text = "Innovent Biologics, meanwhile, agreed with Roche to co-develop IBI-363 for lung cancer."
    (event,) = events_of(rules_only, text, "deal")
    assert event.parties == ["Innovent Biologics", "Roche"]
    assert event.deal_type == "co_development" and event.asset == "IBI-363"


def test_a_headline_naming_the_parties_of_several_deals_adds_none_to_the_story(rules_only):
    text = (
        "New Models Spread: Innovent Signs Co-Development Pact with Roche, Akeso Seals Option with Pfizer\n\n"
        "Innovent Biologics said on Monday it had formed a joint venture with US investors, receiving "
        "$80 million upfront."
    )
    (event,) = events_of(rules_only, text, "deal")
    assert event.parties == ["Innovent Biologics"] and money(event.upfront) == (8e7, "USD")


@pytest.mark.parametrize(
    "text, parties, upfront",
    [
        (
            "Akeso said it had granted Bayer the exclusive right to sell AK-117 in Japan for JPY 3 billion upfront.",
            ["Akeso", "Bayer"],
            (3e9, "JPY"),
        ),
        (
            "Hengrui said on Tuesday it had obtained exclusive rights in China to TX-101, a drug developed by Zhimeng "
            "Biopharma.",
            ["Hengrui", "Zhimeng Biopharma"],
            None,
        ),
    ],
)
def test_rights_granted_or_obtained_are_a_licensing_deal(rules_only, text, parties, upfront):
    (event,) = events_of(rules_only, text, "deal")
    assert event.parties == parties and event.deal_type == "licensing" and money(event.upfront) == upfront


def test_others_announcing_their_own_deal_are_not_a_follow_up(rules_only):
    text = (
        "Hansoh signed a licensing agreement with Merck for HS-10535, receiving $112 million upfront. "
        "The transaction came days after Luye Pharma said it would acquire Boan Biotech for HK$2.4 billion."
    )
    first, second = events_of(rules_only, text, "deal")
    assert first.parties == ["Hansoh", "Merck"] and money(first.upfront) == (1.12e8, "USD")
    assert second.parties == ["Luye Pharma", "Boan Biotech"] and money(second.total_value) == (2.4e9, "HKD")


def test_statistics_after_a_deal_do_not_join_it(rules_only):
    text = (
        "Akeso signed a licensing agreement with Pfizer worth up to $1.65 billion. "
        "Statistics show license-out transactions reached 75 in 2024, or 11% of the global transaction "
        "volume, with an upfront payment exceeding 5.1 billion USD."
    )
    (event,) = events_of(rules_only, text, "deal")
    assert event.upfront is None and money(event.total_value) == (1.65e9, "USD")


@pytest.mark.parametrize(
    "text",
    [
        "Domestic drugmakers concluded 94 license-out deals in 2024, with a total deal value of $51.9 billion.",
        "License-out transactions reached 75, with upfront payments exceeding 4.8 billion USD.",
        "Investors focused on the company's recent licensing deals.",
        # trading in securities and ratings are no acquisitions
        "Investors continued to buy shares of Akeso and Hengrui on Monday.",
        "Analysts at Citi rate Akeso a buy and see Hengrui gaining 20%.",
    ],
)
def test_market_statistics_are_not_deals(rules_only, text):
    assert events_of(rules_only, text, "deal") == []


POLICY_CASES = [
    ("On Monday the PBOC cut the reserve requirement ratio by 50 basis points.", "People's Bank of China", "cut"),
    (
        "The State Council issued the '2025 Action Plan for Stabilizing Foreign Investment' on Friday.",
        "State Council",
        "issued",
    ),
    (
        "The National Medical Products Administration (NMPA) issued an announcement on optimizing the review of clinical trials.",
        "National Medical Products Administration",
        "issued",
    ),
    (
        "Hong Kong Exchanges and Clearing (HKEX) published a consultation paper proposing amendments to Chapter 18A of the Main Board Listing Rules.",
        "Hong Kong Exchanges and Clearing",
        "proposed",
    ),
    # a verb in a relative clause about the measure is not the issuer's action
    (
        "The State Council issued the 'Opinions on Deepening Drug Regulation Reform' on Friday, which will take "
        "effect on March 1.",
        "State Council",
        "issued",
    ),
    (
        "On Sunday the National Healthcare Security Administration (NHSA) published the national reimbursement drug "
        "list of medicines that passed expert review.",
        "National Healthcare Security Administration",
        "published",
    ),
    (
        "The PBOC announced on Monday that it would cut the reserve requirement ratio by 50 basis points.",
        "People's Bank of China",
        "cut",
    ),
]


@pytest.mark.parametrize("text, issuer, action", POLICY_CASES)
def test_policies(rules_only, text, issuer, action):
    (event,) = events_of(rules_only, text, "policy_change")
    assert event.issuer == issuer and event.action == action and event.policy


@pytest.mark.parametrize(
    "text",
    [
        "Drugs with real innovation are likely to receive better policy support.",
        "Volume-based procurement cut the prices of generic drugs by half over the past decade.",
        "According to data from the NMPA, 48 innovative drugs were approved in 2024.",
    ],
)
def test_background_is_not_policy(rules_only, text):
    assert events_of(rules_only, text, "policy_change") == []


def metric_map(event):
    return {m.metric: (money(m.value), m.yoy_pct) for m in event.metrics}


EARNINGS_CASES = [
    (
        "BeiGene expects 2025 revenue of about RMB 36 billion, up 20% year-on-year.",
        "BeiGene",
        "FY2025",
        {"revenue": ((3.6e10, "CNY"), 20.0)},
    ),
    (
        "Ascentage Pharma expects a net loss of between RMB 450 million and RMB 520 million for the first half of 2025.",
        "Ascentage Pharma",
        "H1 2025",
        {"net_profit": ((-4.85e8, "CNY"), None)},
    ),
    (
        "Hengrui said net profit for the first three quarters of 2025 rose 45% to 60% year on year.",
        "Hengrui",
        "9M2025",
        {"net_profit": (None, 52.5)},
    ),
    (
        "Zai Lab cut its full-year 2025 revenue guidance to US$460 million.",
        "Zai Lab",
        "FY2025",
        {"revenue": ((4.6e8, "USD"), None)},
    ),
]


@pytest.mark.parametrize("text, company, period, metrics", EARNINGS_CASES)
def test_earnings_previews(rules_only, text, company, period, metrics):
    (event,) = events_of(rules_only, text, "earnings_preview")
    assert (event.company, event.period) == (company, period)
    assert metric_map(event) == metrics


EARNINGS_DATES = [
    # the day of the announcement, not the end of the period the figures cover
    (
        "Zai Lab issued a profit alert on Monday. It expects a net loss of RMB 300 million for the six months "
        "ended June 30, 2025.",
        "2026-03-09",
    ),
    (
        "Zai Lab said on March 3 that preliminary net profit for the year ended December 31, 2025 rose 20% to RMB 1.2 billion.",
        "2026-03-03",
    ),
    # a year in a results sentence is a reporting or comparison period: undated, the preview is the day's news
    ("Zai Lab expects a net loss of RMB 300 million for the first half, against RMB 500 million in 2024.", PUBLISHED),
    (
        "Hengrui shares rose 3% on Monday. Later the same day, Zai Lab said it expects a net loss of RMB 300 "
        "million for the first half.",
        "2026-03-09",
    ),
    # an earlier sentence about someone else does not date the results
    ("Hengrui shares rose 3% on Monday. Zai Lab expects a net loss of RMB 300 million for the first half.", PUBLISHED),
]


@pytest.mark.parametrize("text, when", EARNINGS_DATES)
def test_earnings_previews_are_dated_by_their_announcement(rules_only, text, when):
    (event,) = events_of(rules_only, text, "earnings_preview")
    assert event.event_date == when


def test_results_whose_subject_is_the_metric_belong_to_the_company_announcing_them(rules_only):
    text = (
        "Zai Lab published its preliminary results on Tuesday evening. Revenue for the first half of 2025 "
        "rose 22% to RMB 1.9 billion. The company recorded a net loss of RMB 300 million."
    )
    (event,) = events_of(rules_only, text, "earnings_preview")
    assert event.company == "Zai Lab" and event.period == "H1 2025"
    assert {m.metric for m in event.metrics} == {"revenue", "net_profit"}


def test_results_with_no_company_of_their_own_belong_to_the_company_named_before(rules_only):
    # real articles name their company once and go on without it (measured on the real-article corpus)
    text = "Zai Lab shares rose 3% on Tuesday. Revenue for the first half of 2025 is expected to rise 22% to RMB 1.9 billion."
    (event,) = events_of(rules_only, text, "earnings_preview")
    assert event.company == "Zai Lab"


@pytest.mark.usefixtures("unfiltered")
def test_results_of_an_unnamed_company_stay_unnamed(rules_only):
    text = (
        "Zai Lab shares rose 3% on Tuesday. A Shanghai-based drugmaker said revenue for the first half of 2025 "
        "is expected to rise 22% to RMB 1.9 billion."
    )
    (event,) = events_of(rules_only, text, "earnings_preview")
    assert event.company is None


def test_an_anaphoric_subject_outranks_a_name_after_the_metric(rules_only):
    text = (
        "Zai Lab issued a profit alert on Monday. It expects net profit of RMB 100 million for 2025, helped by "
        "sales of a drug it licensed from Innovent Biologics."
    )
    (event,) = events_of(rules_only, text, "earnings_preview")
    assert event.company == "Zai Lab"


@pytest.mark.usefixtures("unfiltered")
def test_unnamed_company_with_two_metrics(rules_only):
    text = (
        "On January 12, a leading CXO company released its 2025 earnings pre-announcement, forecasting revenue of "
        "approximately RMB 45.456 billion, a year-on-year increase of 15.84%, and net profit attributable to "
        "shareholders of about RMB 19.151 billion, surging 102.65% year-on-year."
    )
    (event,) = events_of(rules_only, text, "earnings_preview")
    assert event.company is None and event.period == "FY2025" and event.event_date == "2026-01-12"
    assert metric_map(event) == {"revenue": ((45.456e9, "CNY"), 15.84), "net_profit": ((19.151e9, "CNY"), 102.65)}


@pytest.mark.parametrize(
    "text",
    [
        "In 2025, over 70% of innovative drug companies reported positive revenue growth.",
        "Investing carries risk. This is not financial advice.",
        "The fund's top ten holdings account for over 73% of the portfolio.",
    ],
)
def test_no_event(rules_only, text):
    assert events_of(rules_only, text) == []


def test_rules_only_mode_says_so(rules_only):
    from extractor.io.inputs import make_article

    record = rules_only.extract_article(make_article("t", "The ETF (159992) rose 1%.", PUBLISHED))
    assert record.model == "rules-only" and any("rules-only" in w for w in record.warnings)
