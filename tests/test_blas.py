"""The model's matrix products on numpy's OpenBLAS held to one thread (extractor/blas.py), and tickers labelled in
brackets tested against the gazetteer one by one (etf_move/book.py)."""

from __future__ import annotations

import pytest

from extractor import blas
from extractor.events.etf_move.book import _labelled_tickers
from extractor.facts.analysis import ArticleView
from extractor.facts.gazetteer import default_gazetteer
from extractor.io.inputs import make_article

SENTENCES = [
    "Shares of Harbour Vale Mining fell 3% after the miner said it would sell its copper unit to Tessaro Metals.",
    "Meridian Therapeutics licensed its antibody to Kestrel Bio for an upfront payment of $40 million.",
    "The Bank of Eastland kept its policy rate at 2.5% on Thursday, Governor Ana Ruiz told reporters in Portmore.",
    "Northwind Capital and Aldgate Partners agreed to form a joint venture, the companies said.",
]


def _entities(nlp, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)]


@pytest.mark.skipif(blas.thread_control() is None, reason="numpy's BLAS here is no OpenBLAS whose threads can be set")
def test_one_thread_sets_and_restores_the_thread_count() -> None:
    control = blas.thread_control()
    assert control is not None
    before = control.get()
    with blas.one_thread():
        assert control.get() == 1
    assert control.get() == before


@pytest.mark.skipif(blas.thread_control() is None, reason="numpy's BLAS here is no OpenBLAS whose threads can be set")
@pytest.mark.parametrize("text", SENTENCES)
def test_numpy_products_find_the_entities_blis_finds(extractor, text: str) -> None:
    import spacy

    from extractor.nlp import KEEP, _meta, _resolve

    name = _resolve(None)
    if name is None:
        pytest.skip("no model installed")
    plain = spacy.load(name, exclude=[p for p in _meta(name).get("pipeline", []) if p not in KEEP])
    fast = spacy.load(name, exclude=[p for p in _meta(name).get("pipeline", []) if p not in KEEP])
    assert blas.use_numpy_products(fast)
    with blas.one_thread():
        got = _entities(fast, [text])
    assert got == _entities(plain, [text])


def test_without_a_thread_control_the_model_keeps_blis(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(blas, "thread_control", lambda: None)

    class Nlp:  # no component is touched: the check comes first
        pipe_names = ("ner",)

        def get_pipe(self, name: str) -> None:
            raise AssertionError("the model must not be changed")

    assert blas.use_numpy_products(Nlp()) is False  # type: ignore[arg-type]
    with blas.one_thread():
        pass


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Shares of the Copperline Fund jumped.\n\nCPLN (ticker: CPLN) holds $1 billion of miners.", {"CPLN"}),
        # a form the gazetteer knows names a company, not the fund
        ("Shares of the Copperline Fund jumped.\n\nBYD (ticker: BYD) rose with it.", set()),
        ("Shares of the timber group rallied.\n\nNTMB (ticker: NTMB) gained 3.4%.", set()),  # no fund spoken of
    ],
)
def test_labelled_tickers_leave_out_known_forms(text: str, want: set[str]) -> None:
    view = ArticleView.build(make_article("t", text, "2026-03-02"), default_gazetteer())
    assert _labelled_tickers(view) == want
