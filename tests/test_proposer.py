"""extractor/proposer: the trained role-name proposer's spans, its weights table, and where its names go."""

from __future__ import annotations

import pytest

from extractor.datafiles import TableError, checked
from extractor.facts.analysis import ArticleView, clean_org_text
from extractor.facts.gazetteer import default_gazetteer
from extractor.io.inputs import make_article
from extractor.proposer.features import DIM, features, hashed, span_counts, spans
from extractor.proposer.model import PROPOSED, RoleNameModel, add_proposed_names, proposed_kind, role_name_model
from extractor.tables import RoleNames


def _model_for(text: str, name: str, threshold: float = 0.5) -> RoleNameModel:
    """A model that gives the span `name` of `text` (its own words) a high score and every other span a low one."""
    cands, toks = spans(text)
    counts = span_counts(cands, toks)
    weights: dict[int, float] = {hashed(["bias"])[0]: -8.0}
    for c in cands:
        if text[c[0] : c[1]] == name:
            for i in hashed(features(text, c, toks, counts)):
                weights[i] = weights.get(i, 0.0) + 0.6
    return RoleNameModel(weights, threshold)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("National Bank of Kazakhstan", "central_bank"),
        ("Philippine Stock Exchange", "exchange"),
        ("Ministry of Finance", "government"),
        ("Securities and Exchange Commission", "regulator"),
        ("Harbour Gate Therapeutics", PROPOSED),
        ("Bank of Kestrel", PROPOSED),  # a bank named 'Bank of': a company unless the table says otherwise
    ],
)
def test_a_proposed_name_is_a_body_by_its_head(name: str, kind: str) -> None:
    assert proposed_kind(name) == kind


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Alto Brio agreed to buy Harbour Gate Holdings on Monday.", "Harbour Gate Holdings"),
        ("Shares of Kestrel Labs rose after the deal.", "Kestrel Labs"),
    ],
)
def test_propose_keeps_the_best_span_and_nothing_overlapping(text: str, name: str) -> None:
    found = [text[a:b] for a, b, _ in _model_for(text, name).propose(text)]
    assert found == [name]


@pytest.mark.parametrize(
    ("written", "sure", "name"),
    [
        ("Kestrel 4x Labs", True, "Kestrel 4x Labs"),
        ("Kestrel 4x Labs", False, None),
        ("Alto 12% Partners", True, None),
        ("Brio $3 Holdings", True, None),
        ("Harbour Gate Securities", True, None),
    ],
)
def test_a_sure_proposal_may_hold_a_digit_but_no_sign(written: str, sure: bool, name: str | None) -> None:
    assert clean_org_text(written, sure=sure) == name


def test_a_sure_proposal_with_a_digit_goes_to_its_sentence() -> None:
    text = "Markets were calm.\nAlto Brio agreed to buy Tomar 9v Vale on Monday."
    view = ArticleView.build(make_article("x.txt", text, "2025-03-03"), default_gazetteer())
    add_proposed_names(view, model=_model_for(text, "Tomar 9v Vale"))
    assert [m.item.text for f in view.facts for m in f.proposed] == ["Tomar 9v Vale"]


@pytest.mark.parametrize(
    ("text", "name", "kind", "role"),
    [
        ("Markets were calm.\nAlto Brio agreed to buy Tomarnic Vale on Monday.", "Tomarnic Vale", PROPOSED, "company"),
        (
            "Markets were calm.\nRates were cut by the National Bank of Kestrel.",
            "National Bank of Kestrel",
            "central_bank",
            "body",
        ),
        # ranked after the patterns: a name a pattern already reads stays the pattern's
        (
            "Markets were calm.\nAlto Brio bought Harbour Gate Holdings on Monday.",
            "Harbour Gate Holdings",
            PROPOSED,
            None,
        ),
    ],
)
def test_proposals_go_to_the_sentence_they_fall_in(text: str, name: str, kind: str, role: str | None) -> None:
    view = ArticleView.build(make_article("x.txt", text, "2025-03-03"), default_gazetteer())
    add_proposed_names(view, model=_model_for(text, name))
    [(index, found)] = [(i, m) for i, f in enumerate(view.facts) for m in f.proposed]
    f = view.facts[index]
    assert (index, f.text[found.start : found.end], found.item.kind) == (1, name, kind)
    assert (found in f.companies, found in f.bodies) == (role == "company", role == "body")


@pytest.mark.parametrize(
    ("weights", "error"),
    [
        ({"12": 0.5, "w=kestrel": 1.0}, "feature index"),
        ({"12": "heavy"}, "weights"),
    ],
)
def test_the_weights_table_refuses_what_is_no_weight(weights: dict[str, object], error: str) -> None:
    table = {"trained_on": ["b01"], "dim": DIM, "threshold": 0.3, "weights": weights}
    with pytest.raises(TableError, match=error):
        checked(table, RoleNames, "role_names.json")


def test_the_shipped_proposer_loads_and_was_trained_on_development_batches_only() -> None:
    model = role_name_model()
    assert model.weights and 0.0 < model.threshold < 1.0
    assert not {"b37", "b38", "b39", "b40"} & set(model.trained_on)
    assert all(int(b[1:]) <= 46 for b in model.trained_on)


TOUCHING = [
    # a group of overlapping candidates is kept whole when any of it touches a range, else dropped whole
    ([(0, 10), (4, 20), (30, 40)], [(15, 18)], [(0, 10), (4, 20)]),
    ([(0, 10), (4, 20), (30, 40)], [(35, 36)], [(30, 40)]),
    ([(0, 10), (30, 40)], [(10, 30)], []),  # ranges are half-open: touching an edge is not overlapping
    ([(0, 10), (12, 20)], [(0, 100)], [(0, 10), (12, 20)]),
]


@pytest.mark.parametrize(("intervals", "within", "kept"), TOUCHING)
def test_only_the_groups_touching_the_wanted_ranges_are_scored(intervals, within, kept) -> None:
    from extractor.proposer.model import _touching

    cands = [(a, b, ["W"], 0, 0) for a, b in intervals]
    assert [(c[0], c[1]) for c in _touching(cands, within)] == kept


def test_proposals_within_ranges_are_those_of_the_whole_text_there() -> None:
    text = "Acme Holdings will buy Zenith Bank. Borealis Capital Partners said on Monday it sold Nordic Ventures."
    model = _model_for(text, "Borealis Capital Partners", threshold=0.01)
    second = (text.index("Borealis"), len(text))

    def inside(found: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
        return [p for p in found if second[0] <= p[0] and p[1] <= second[1]]

    assert inside(model.propose(text, [second])) == inside(model.propose(text))
    assert inside(model.propose(text))  # the range holds a proposal, so the comparison says something
