"""A deal's asset: a drug code, else a drug's nonproprietary name (by its stem), else a phrase naming a drug."""

from __future__ import annotations

import pytest

ASSETS = [
    ("code", "Harbor Pharma licensed HRB-2041 to Delta Bio for $40 million upfront.", "HRB-2041"),
    ("stem-tinib", "Delta Bio acquired China rights to velastinib from Harbor Pharma for $12 million.", "velastinib"),
    (
        "two-word-adc",
        "Harbor Pharma and Delta Bio signed a $1 billion deal to co-develop corzumab tirotecan.",
        "corzumab tirotecan",
    ),
    (
        "name-over-phrase",
        "Delta Bio entered into an agreement with Harbor Pharma for its novel cancer drug Osmirafenib worth $50 million.",
        "Osmirafenib",
    ),
    (
        "phrase",
        "Delta Bio signed a $30 million licensing deal with Harbor Pharma for its PD-1 antibody.",
        "PD-1 antibody",
    ),
    (
        "code-in-a-later-sentence",
        "Harbor Pharma Co., Ltd. entered into a licensing agreement with Delta Bio Inc. on Monday. Under the "
        "agreement, Delta Bio gains rights outside China to HRB-4410, an oral GLP-1 drug.",
        "HRB-4410",
    ),
    (
        "code-after-the-deal-names-its-description",
        "Delta Bio signed a licensing pact with Harbor Pharma for its lung cancer antibody, worth up to $90 million. "
        "The antibody, named DB3318, is still in animal studies.",
        "DB3318",
    ),
    (
        "code-in-a-sentence-with-no-deal-word",
        "Delta Bio acquired the China rights to a Harbor Pharma kidney drug in a deal worth $60 million. Delta Bio "
        "will pay for every trial of HRB-5120 in China.",
        "HRB-5120",
    ),
    # what a holding bought or sold is held in: a building, a project, a unit
    (
        "stake-in-a-building",
        "Orion Land Ltd agreed to sell its 50% stake in the Harbor Plaza Tower to Delta Realty for HK$2.1 billion.",
        "Harbor Plaza Tower",
    ),
    (
        "holding-in-a-project",
        "Cedar Metals Ltd will sell its remaining 20 percent holding in the Quarry Creek Nickel Project to Delta "
        "Mining Ltd for $3 million.",
        "Quarry Creek Nickel Project",
    ),
]

#: a drug named after the deal in a sentence about another company is not the deal's asset
NOT_ASSETS = [
    (
        "another-company's-drug",
        "Delta Bio and Harbor Pharma signed contracts worth $70 million in March. Orion Labs rose 4%. Its best "
        "seller, velastinib, sold $800 million last year.",
    ),
    # a name that owns the thing held, or one that describes the name after it, is no asset
    ("owner", "Delta Mining Ltd will buy a 40% interest in Orion Metals' copper project for $90 million."),
    ("description", "Delta Power Ltd will buy a 20% stake in German utility Harbor Energie for $900 million."),
]


@pytest.mark.parametrize("text", [a[1] for a in NOT_ASSETS], ids=[a[0] for a in NOT_ASSETS])
def test_no_asset_from_a_sentence_about_someone_else(extractor, text: str) -> None:
    deals = [e for e in extractor.extract(text, published="2024-06-12") if e.event_type == "deal"]
    assert deals and all(d.asset is None for d in deals)


@pytest.mark.parametrize("text, asset", [a[1:] for a in ASSETS], ids=[a[0] for a in ASSETS])
def test_the_asset_of_a_deal(extractor, text: str, asset: str) -> None:
    [deal] = [e for e in extractor.extract(text, published="2024-06-12") if e.event_type == "deal"]
    assert deal.asset == asset
