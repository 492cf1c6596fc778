"""Speed benchmark: the extractor against plain spaCy and the bare tokenizer.

Usage: python benchmarks/run.py [--articles 2000] [--corpus bench-corpus] [--repeat 3] [--plain-sample 300]

Builds (or reuses) a corpus of generated articles (benchmarks/corpus.py; not committed), then
measures, each in a fresh process and repeated `--repeat` times:
  (a) plain `en_core_web_sm` (full pipeline) `nlp.pipe` over the article bodies,
  (b) the bare spaCy tokenizer (`spacy.blank("en")`),
  (c) the extractor with one worker (the batch runner the CLI uses, `--jobs 1`, in this process),
  (d) the extractor with two worker processes (the same runner, `--jobs 2`),
and the cold start (import + model load). It prints medians of articles/s and words/s, the ratios
(c)/(a), (c)/(b), (d)/(c), peak memory per process and the cold-start time. (a) runs on the first
`--plain-sample` articles only: at a few articles per second the whole corpus would take minutes
per repetition, and a rate is a rate. Texts are read before the clock starts; no file I/O is timed.

The tokenizer's speed depends on how many of an article's strings it has read before: it caches how it
split every whitespace-separated string (except, in each text, those after its first special case).
The generated corpus recombines the fixture articles, so nearly every string is a repeat. The same
measurements are therefore also made on the real articles the project has (fixtures/articles, and
those of ../shared/seeds that are not among them), read `REAL_PASSES` times per run: the tokenizer
once with a fresh cache each pass and once with every article seen before.

A stream reads differently: each article is new text, but most of its strings are common words the
tokenizer has met in earlier articles. The "unseen" measurements time each real article read once
after a warm-up, `UNSEEN_ROUNDS` times with the fixtures shuffled differently:
- warm stream: the fixtures are cut into `FOLDS` folds; for each fold, a fresh tokenizer first reads
  `WARM_ARTICLES` generated articles made from the other folds only (a fresh extractor the first
  `EXTRACTOR_WARM` of them). That warm-up holds the words of 24 articles, so about a quarter of the
  strings of the fold are new to it: more than in a long stream, whose vocabulary keeps growing.
- long stream (tokenizer only): a fresh tokenizer first reads `STREAM_ARTICLES` generated articles made
  from every fixture, so only the names and figures the generator swapped are new (about 6%).
The run prints the share of new strings of each.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

KINDS = ("plain", "tokenizer", "extractor1", "extractor2")
REAL_KINDS = ("plain", "tokenizer_cold", "tokenizer_seen", "extractor1")
UNSEEN_KINDS = ("tokenizer_unseen", "tokenizer_stream", "extractor_unseen")
LABELS = {
    "plain": "(a) plain spaCy pipeline",
    "tokenizer": "(b) bare spaCy tokenizer",
    "tokenizer_cold": "(b) tokenizer, fresh cache",
    "tokenizer_seen": "(b) tokenizer, articles seen",
    "tokenizer_unseen": "(b) tokenizer, warm stream",
    "tokenizer_stream": "(b) tokenizer, long stream",
    "extractor1": "(c) extractor, 1 worker",
    "extractor2": "(d) extractor, 2 workers",
    "extractor_unseen": "(c) extractor, 1 worker",
}
REAL = "real"  # the --corpus value that means the real articles
#: passes over the real articles per measurement (there are few of them)
REAL_PASSES = 5
#: the unseen measurements: folds of the fixtures, generated articles read before each fold, rounds
FOLDS = 4
WARM_ARTICLES = 500
UNSEEN_ROUNDS = 3
#: generated articles (made from every fixture) a tokenizer reads before the real articles, in the long-stream measurement
STREAM_ARTICLES = 2000
#: the extractor's caches hold recent sentences only: 160 warm-up articles instead of 32 changed nothing measurable
EXTRACTOR_WARM = 32


def _texts(corpus: Path | str, limit: int | None) -> list[tuple[str, str]]:
    """(doc_id, full text) of the corpus articles, in order."""
    if str(corpus) == REAL:
        fixtures = {
            p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "articles").glob("*.txt"))
        }
        seeds = {
            p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
        }
        known = set(fixtures.values())  # the fixtures include copies of seeds: count each article once
        return [*fixtures.items(), *((name, text) for name, text in seeds.items() if text not in known)]
    corpus = Path(corpus)
    paths = sorted(corpus.rglob("*.txt"))[:limit]
    return [(p.relative_to(corpus).as_posix(), p.read_text(encoding="utf-8")) for p in paths]


def _body(text: str) -> str:
    from extractor.io.inputs import make_article

    article = make_article("x", text)
    return text[article.body_start :]


def _peak_mb(pid: int | str = "self") -> float:
    """Peak resident memory of a process (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _model_name() -> str:
    from extractor.nlp import DEFAULT_MODELS, _installed

    return next((m for m in DEFAULT_MODELS if _installed(m)), DEFAULT_MODELS[-1])


def measure(kind: str, corpus: Path | str, limit: int | None) -> dict:
    """One measurement in this process: seconds for the articles, words, peak memory."""
    texts = _texts(corpus, limit)
    passes = REAL_PASSES if str(corpus) == REAL else 1
    bodies = [_body(t) for _, t in texts]
    words = sum(len(b.split()) for b in bodies) * passes
    workers: list[float] = []
    seconds = 0.0
    new_strings = None
    if kind == "plain":
        import spacy

        nlp = spacy.load(_model_name())
        list(nlp.pipe(bodies[:5]))
        for _ in range(passes):
            start = time.perf_counter()
            for _ in nlp.pipe(bodies, batch_size=32):
                pass
            seconds += time.perf_counter() - start
    elif kind in ("tokenizer", "tokenizer_cold", "tokenizer_seen"):
        import spacy

        tokenizer = spacy.blank("en").tokenizer
        list(tokenizer.pipe(bodies if kind == "tokenizer_seen" else bodies[:5]))
        for _ in range(passes):
            if kind == "tokenizer_cold":
                tokenizer = spacy.blank("en").tokenizer
            start = time.perf_counter()
            for _ in tokenizer.pipe(bodies, batch_size=256):
                pass
            seconds += time.perf_counter() - start
    elif kind in ("extractor1", "extractor2"):
        from extractor.io.batch import Options, Runner, Task, shards
        from extractor.io.inputs import Source

        runner = Runner(Options(), jobs=1 if kind == "extractor1" else 2)
        warm = [[Task(Source(f"warm-{i}", text=texts[i][1]))] for i in range(runner.jobs)]
        for _ in range(passes):
            tasks = [Task(Source(doc_id, text=text)) for doc_id, text in texts]
            run = runner.run(iter([*warm, *shards(tasks)]))
            for _ in warm:  # the pool is up and every worker has loaded the model
                next(run)
            start = time.perf_counter()
            for _ in run:
                if runner.pool is not None:
                    workers = [
                        max(w, _peak_mb(p))
                        for w, p in zip(workers or [0.0] * len(runner.pool._processes), list(runner.pool._processes))
                    ]
            seconds += time.perf_counter() - start
    elif kind in UNSEEN_KINDS:
        seconds, new_strings = _unseen_seconds(kind, texts)
        words = sum(len(b.split()) for b in bodies) * UNSEEN_ROUNDS
        passes = UNSEEN_ROUNDS
    else:
        raise SystemExit(f"unknown measurement {kind}")
    return {
        "kind": kind,
        "articles": len(texts) * passes,
        "words": words,
        "seconds": seconds,
        "peak_mb": _peak_mb(),
        "worker_peak_mb": workers,
        "new_strings": new_strings,
    }


def _unseen_seconds(kind: str, texts: list[tuple[str, str]]) -> tuple[float, float | None]:
    """Seconds to read each article once after a warm-up, and the share of its strings the warm-up did not hold.

    `tokenizer_stream`: a tokenizer warmed on `STREAM_ARTICLES` generated articles made from every fixture.
    The others: a tokenizer or extractor warmed only on articles made from the other folds.
    """
    import spacy

    from corpus import generate_texts
    from extractor.io.batch import Options, Runner, Task, shards
    from extractor.io.inputs import Source

    seconds, new, total = 0.0, 0, 0

    def tokenize(warm: list[str], held: list[tuple[str, str]]) -> float:
        nonlocal new, total
        tokenizer = spacy.blank("en").tokenizer
        warm_bodies = [_body(t) for t in warm]
        for _ in tokenizer.pipe(warm_bodies):
            pass
        bodies = [_body(t) for _, t in held]
        seen = {w for b in warm_bodies for w in b.split()}
        strings = [w for b in bodies for w in b.split()]
        new += sum(w not in seen for w in strings)
        total += len(strings)
        start = time.perf_counter()
        for _ in tokenizer.pipe(bodies):
            pass
        return time.perf_counter() - start

    for round_ in range(UNSEEN_ROUNDS):
        if kind == "tokenizer_stream":
            seconds += tokenize(generate_texts(STREAM_ARTICLES, seed=round_), texts)
            continue
        order = random.Random(round_).sample(texts, len(texts))
        for fold in range(FOLDS):
            held = order[fold::FOLDS]
            warm = generate_texts(WARM_ARTICLES, frozenset(name for name, _ in held), seed=round_)
            if kind == "tokenizer_unseen":
                seconds += tokenize(warm, held)
                continue
            # a fresh extractor, so no cache of it has seen the held-out articles in an earlier fold
            runner = Runner(Options(), jobs=1)
            for _ in runner.run(
                shards([Task(Source(f"warm-{i}", text=t)) for i, t in enumerate(warm[:EXTRACTOR_WARM])])
            ):
                pass
            tasks = [Task(Source(name, text=text)) for name, text in held]
            start = time.perf_counter()
            for _ in runner.run(shards(tasks)):
                pass
            seconds += time.perf_counter() - start
    return seconds, new / total if total else None


def cold_start() -> float:
    """Seconds to import the extractor and load the model, in a fresh interpreter."""
    code = (
        "import time; t = time.perf_counter(); from extractor.pipeline import Extractor; "
        "e = Extractor(); print(time.perf_counter() - t)"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def _run_child(kind: str, corpus: Path | str, limit: int | None) -> dict:
    argv = [sys.executable, __file__, "--measure", kind, "--corpus", str(corpus)]
    if limit:
        argv += ["--limit", str(limit)]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"measurement {kind} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _ensure_corpus(corpus: Path, articles: int) -> None:
    from corpus import build_corpus

    if corpus.exists() and len(list(corpus.rglob("*.txt"))) == articles:
        return
    if corpus.exists() and any(corpus.iterdir()):
        raise SystemExit(f"{corpus} holds another corpus; remove it or pass --corpus")
    started = time.perf_counter()
    build_corpus(corpus, articles)
    print(f"built {articles} articles in {corpus} ({time.perf_counter() - started:.1f}s)")


def main(argv: list[str] | None = None) -> int:
    """Run every measurement, print the medians and the ratios."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--corpus", default=str(ROOT / "bench-corpus"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--plain-sample", type=int, default=300)
    ap.add_argument("--measure", choices=sorted({*KINDS, *REAL_KINDS, *UNSEEN_KINDS}), help=argparse.SUPPRESS)
    ap.add_argument("--limit", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, args.corpus, args.limit)))
        return 0

    corpus = Path(args.corpus)
    _ensure_corpus(corpus, args.articles)
    from extractor.nlp import describe_model

    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"model {describe_model()}"
    )
    generated = _measure_all(KINDS, corpus, args.repeat, {"plain": args.plain_sample})
    real = _measure_all(REAL_KINDS, REAL, args.repeat, {})
    unseen = _measure_all(UNSEEN_KINDS, REAL, args.repeat, {})
    colds = [cold_start() for _ in range(max(3, args.repeat))]

    print(f"\ngenerated corpus ({corpus.name})")
    rates = _table(KINDS, generated)
    print(f"\n(c)/(a) = {rates['extractor1'] / rates['plain']:.1f}x   (target >= 15)")
    print(f"(c)/(b) = {rates['extractor1'] / rates['tokenizer']:.2f}x  (target >= 0.25)")
    print(f"(d)/(c) = {rates['extractor2'] / rates['extractor1']:.2f}x  (target >= 1.8)")
    print(f"\nreal articles ({len(_texts(REAL, None))} articles, each measurement {REAL_PASSES} passes)")
    real_rates = _table(REAL_KINDS, real)
    print(f"\n(c)/(a) = {real_rates['extractor1'] / real_rates['plain']:.1f}x")
    print(
        f"(c)/(b) = {real_rates['extractor1'] / real_rates['tokenizer_cold']:.2f}x with a fresh tokenizer cache, "
        f"{real_rates['extractor1'] / real_rates['tokenizer_seen']:.2f}x with every article seen before"
    )
    print(
        f"\nunseen real articles (each read once, {UNSEEN_ROUNDS} rounds; warm stream: {FOLDS} folds, each after "
        f"{WARM_ARTICLES} generated articles made from the other folds; long stream: after {STREAM_ARTICLES} made from all)"
    )
    unseen_rates = _table(UNSEEN_KINDS, unseen)
    new = {k: statistics.median(r["new_strings"] for r in unseen[k]) for k in ("tokenizer_unseen", "tokenizer_stream")}
    print(
        f"\nstrings of the real articles new to the tokenizer: {new['tokenizer_unseen']:.1%} in the warm stream, "
        f"{new['tokenizer_stream']:.1%} in the long stream (the names and figures the generator swapped)"
    )
    print(
        f"(c)/(b) = {unseen_rates['extractor_unseen'] / unseen_rates['tokenizer_unseen']:.2f}x against the warm stream, "
        f"{unseen_rates['extractor_unseen'] / unseen_rates['tokenizer_stream']:.2f}x against the long stream  (target >= 0.25)"
    )
    print(f"\ncold start (import + model load): median {statistics.median(colds):.2f}s of {len(colds)}  (target <= 3)")
    return 0


def _measure_all(
    kinds: tuple[str, ...], corpus: Path | str, repeat: int, limits: dict[str, int]
) -> dict[str, list[dict]]:
    """Every measurement `repeat` times, each in a fresh process, interleaved so noise spreads evenly."""
    results: dict[str, list[dict]] = {k: [] for k in kinds}
    name = "unseen" if kinds == UNSEEN_KINDS else corpus if isinstance(corpus, str) else corpus.name
    for rep in range(repeat):
        for kind in kinds:
            results[kind].append(_run_child(kind, corpus, limits.get(kind)))
            r = results[kind][-1]
            print(
                f"  {name} run {rep + 1}/{repeat} {LABELS[kind]:28} {r['articles'] / r['seconds']:8.1f} articles/s",
                flush=True,
            )
    return results


def _table(kinds: tuple[str, ...], results: dict[str, list[dict]]) -> dict[str, float]:
    """Print the medians of each measurement; return the median articles/s by kind."""
    rates: dict[str, float] = {}
    print(f"{'measurement':30} {'articles':>8} {'articles/s':>11} {'words/s':>10} {'peak MB':>8}")
    for kind in kinds:
        runs = results[kind]
        rate = statistics.median(r["articles"] / r["seconds"] for r in runs)
        words = statistics.median(r["words"] / r["seconds"] for r in runs)
        peak = statistics.median(max(r["worker_peak_mb"]) if r["worker_peak_mb"] else r["peak_mb"] for r in runs)
        rates[kind] = rate
        note = " per worker" if kind == "extractor2" else ""
        print(f"{LABELS[kind]:30} {runs[0]['articles']:8d} {rate:11.1f} {words:10,.0f} {peak:8.0f}{note}")
    return rates


if __name__ == "__main__":
    sys.exit(main())
