"""What a perfect first pass could buy: the extractor's CPU time on the sentences that yield events, and on the rest.

Usage: python benchmarks/sentence_cost.py [--corpus bench-corpus] [--articles 300] [--repeat 5]

A first pass that found, for free and without a miss, every sentence that yields no event would leave
the extractor only the time it spends on the sentences that do. This script finds those sentences (the
ones some recognizer read a draft event from), then times in one process, the variants alternated
within each repetition, CPU milliseconds per article:
  all sentences      what the extractor does,
  event sentences    only the sentences that yield events (renumbered, in order): the floor such a pass reaches,
  other sentences    only the rest: the most such a pass could save,
and the bare spaCy tokenizer reading the whole corpus with a fresh cache, as (b) of benchmarks/run.py
does. It prints the medians and the time per article that (c) >= 0.25x (b) allows. Articles are parsed
and split into sentences before the clock starts, in every variant; the extractor runs in shards of 16,
the model reading each shard in one batch, as the batch runner does. The corpus is the one benchmarks/run.py builds (made here when missing).
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

#: articles per call of `extract_articles`, as in the batch runner
SHARD = 16
#: the share of the tokenizer's speed the extractor is to reach (issue 4)
TARGET = 0.25


def _renumbered(sentences: list) -> list:
    """The sentences with their indices made consecutive again, as a view of a shorter article needs."""
    return [dataclasses.replace(s, index=i) for i, s in enumerate(sentences)]


def _event_sentences(extractor, articles: list) -> list[set[int]]:
    """For each article, the indices of the sentences some recognizer drafted an event from."""
    from extractor.facts.analysis import ArticleView

    found = []
    for article in articles:
        view = ArticleView.build(article, extractor.gazetteer)
        extractor._add_ner_orgs([view])
        found.append({i for r in extractor.recognizers for d in r.extract(view) for i in d.sentences})
    return found


def _cpu_ms(extractor, articles: list, sentences: list[list]) -> float:
    """CPU milliseconds per article to extract the articles from the given sentences."""
    start = time.process_time()
    for lo in range(0, len(articles), SHARD):
        extractor.extract_articles(articles[lo : lo + SHARD], sentences[lo : lo + SHARD])
    return (time.process_time() - start) * 1000 / len(articles)


def _tokenizer_ms(bodies: list[str]) -> float:
    """CPU milliseconds per article for a fresh bare tokenizer reading every body once."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    start = time.process_time()
    for _ in tokenizer.pipe(bodies, batch_size=256):
        pass
    return (time.process_time() - start) * 1000 / len(bodies)


def main(argv: list[str] | None = None) -> int:
    """Print the extractor's CPU time per article on all, event and other sentences, and the budget."""
    from run import _body, _ensure_corpus, _texts

    from extractor.facts.sentences import split_sentences
    from extractor.io.inputs import make_article
    from extractor.pipeline import Extractor

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(ROOT / "bench-corpus"))
    ap.add_argument("--corpus-articles", type=int, default=2000, help="size of the corpus to build when missing")
    ap.add_argument("--articles", type=int, default=300, help="articles the extractor reads per variant")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)
    corpus = Path(args.corpus)
    _ensure_corpus(corpus, args.corpus_articles)
    texts = _texts(corpus, None)
    bodies = [_body(t) for _, t in texts]
    articles = [make_article(doc_id, text) for doc_id, text in texts[: args.articles]]

    extractor = Extractor()
    split = [split_sentences(a.text, a.body_start) for a in articles]
    wanted = _event_sentences(extractor, articles)
    variants = {
        "all sentences": split,
        "event sentences": [_renumbered([s for s in ss if s.index in w]) for ss, w in zip(split, wanted)],
        "other sentences": [_renumbered([s for s in ss if s.index not in w]) for ss, w in zip(split, wanted)],
    }
    counts = {"all sentences": sum(map(len, split)), "event sentences": sum(map(len, wanted))}
    counts["other sentences"] = counts["all sentences"] - counts["event sentences"]
    _cpu_ms(extractor, articles[:SHARD], variants["all sentences"][:SHARD])  # warm the caches and the model

    times: dict[str, list[float]] = {name: [] for name in [*variants, "tokenizer"]}
    for _ in range(args.repeat):
        for name, sentences in variants.items():
            times[name].append(_cpu_ms(extractor, articles, sentences))
        times["tokenizer"].append(_tokenizer_ms(bodies))
    median = {name: statistics.median(ts) for name, ts in times.items()}

    print(
        f"model: {extractor.model_name}; {len(articles)} articles of {corpus.name}, "
        f"{counts['all sentences'] / len(articles):.1f} sentences each; median of {args.repeat}, CPU ms per article"
    )
    print(f"{'extractor on':22s} {'sentences':>10s} {'ms/article':>11s} {'share':>6s}")
    for name in variants:
        share = median[name] / median["all sentences"]
        print(f"{name:22s} {counts[name] / len(articles):10.1f} {median[name]:11.2f} {share:6.0%}")
    budget = median["tokenizer"] / TARGET
    print(f"\nbare tokenizer, fresh cache, {len(bodies)} articles: {median['tokenizer']:.3f} ms/article")
    print(
        f"(c) >= {TARGET}x (b) allows {budget:.2f} ms/article; "
        f"the event sentences alone take {median['event sentences'] / budget:.1f}x that"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
