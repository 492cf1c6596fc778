"""A seeded fuzz run: many hostile texts through the parsers and the extractor; nothing but documented errors.

Usage: python benchmarks/fuzz.py [--texts 100000] [--seed 0] [--model NAME] [--batch 64]

Each text is one of: a generated news article (benchmarks/corpus.py) mutated with hostile pieces (runs of
digits before scale words, stacked Chinese scales, currency signs, float literals before '%', lone
surrogates, control characters, cut-off sentences); a jumble of financial tokens; or random code points.
Every text goes through `parse_amounts`, `parse_percentages` and the extractor (with a publication date
that is sometimes absent, at the edges of the years resolved, or malformed). Prints how many texts ran,
the documented errors met (ExtractionError, PublishedDateError) by message, any other exception (a
defect), events found, and events that fail the JSON Schema or whose evidence does not index the text.
Exit status 1 when there is any defect.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

#: pieces a hostile or careless text is made of
HOSTILE = [
    "9" * 16 + " million",
    "RMB " + "9" * 30 + " billion",
    "5" + "亿" * 40 + "元",
    "1e308%",
    "up 1e-308 %",
    "-$200 million",
    "-0.0 million yuan",
    "\ud800",
    "\udfff",
    "\x00",
    "\x1b[2K",
    "\u2028",
    "\ufeff",
    "$",
    "%",
    "亿元",
    "百分之",
    "三成",
    "九折",
    "HK$",
    "US$ -",
    "between 13% and",
    "0" * 400,
    ".5",
    "1,2,3,4,5,6,7,8",
    "(159567)",
    "ETF",
    "upfront payment of",
    "expects net profit to decrease by 40% to 60%",
    "on February 30",
    "in Q5 2025",
    "FY99999",
]
TOKENS = [
    "ETF", "rose", "fell", "3.86%", "turnover", "net inflow", "$8.85 billion", "RMB 1.641 billion", "5.9亿元",
    "yesterday", "10/30", ".", ",", "\n", "the", "company", "respectively", "about", "-", "–", "亿", "万",
    "billion", "million", "bps", "licensing", "deal", "with", "Merck", "CSRC", "cut", "reserve", "ratio",
]  # fmt: skip
PUBLISHED = ["2025-07-01", "2026-02-10", None, "1800-01-01", "2199-12-31", "9999-12-31", "2025-02-30", "soon"]


def hostile_texts(n: int, seed: int) -> list[str]:
    """`n` texts from a seeded generator (the same `n` and `seed` give the same texts)."""
    from corpus import generate_texts

    rng = random.Random(seed)
    bases = generate_texts(min(n, 500), seed=seed, words=120)
    texts = []
    for _ in range(n):
        kind = rng.random()
        if kind < 0.6:  # a real-looking article, mutated
            text = rng.choice(bases)
            for _ in range(rng.randint(1, 8)):
                at = rng.randrange(len(text) + 1)
                text = text[:at] + rng.choice(HOSTILE) + text[at + rng.choice((0, 0, 1, 5)) :]
        elif kind < 0.85:  # a jumble of financial tokens and hostile pieces
            text = " ".join(rng.choice(TOKENS + HOSTILE) for _ in range(rng.randint(1, 60)))
        else:  # random code points, surrogates included
            text = "".join(chr(rng.choice((rng.randrange(0x80), rng.randrange(0x110000)))) for _ in range(200))
        texts.append(text)
    return texts


def main(argv: list[str] | None = None) -> int:
    """Run the fuzz texts and print the tally; exit 1 on any defect."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--model", default=None)
    ap.add_argument("--batch", type=int, default=64)
    args = ap.parse_args(argv)

    from extractor import ExtractionError, parse_amounts, parse_percentages
    from extractor.facts.amounts import LARGEST_AMOUNT
    from extractor.io.inputs import PublishedDateError, make_article
    from extractor.pipeline import Extractor
    from extractor.validate import check_record

    extractor = Extractor(args.model)
    started = time.perf_counter()
    texts = hostile_texts(args.texts, args.seed)
    rng = random.Random(args.seed + 1)
    documented: Counter[str] = Counter()
    defects: Counter[str] = Counter()
    examples: dict[str, str] = {}
    events = invalid = 0

    def defect(kind: str, text: str) -> None:
        defects[kind] += 1
        examples.setdefault(kind, text[:160])

    articles = []
    for i, text in enumerate(texts):
        try:
            for money in parse_amounts(text):
                for value in (money.value, money.low, money.high):
                    if value is not None and not (math.isfinite(value) and abs(value) <= LARGEST_AMOUNT):
                        defect(f"implausible amount {value}", text)
            for pct in parse_percentages(text):
                if not math.isfinite(pct.value):
                    defect("non-finite percentage", text)
        except Exception as err:  # a defect: the parsers document no exception for a string
            defect(f"parser {type(err).__name__}: {err}"[:120], text)
        try:
            articles.append(make_article(f"fuzz-{i}", text, rng.choice(PUBLISHED)))
        except PublishedDateError as err:
            documented["PublishedDateError: " + re.sub(r"'.*'", "…", str(err))[:70]] += 1

    for lo in range(0, len(articles), args.batch):
        chunk = articles[lo : lo + args.batch]
        try:
            records = extractor.extract_articles(chunk)
        except Exception:
            records = []
            for article in chunk:
                try:
                    records.append(extractor.extract_article(article))
                except ExtractionError as err:
                    documented[f"ExtractionError: {err}"[:80]] += 1
                except TimeoutError:
                    documented["TimeoutError: a pattern's time budget"] += 1
                except Exception as err:
                    defect(f"extract {type(err).__name__}: {err}"[:120], article.text)
        for record in records:
            dumped = json.loads(record.model_dump_json())
            for event in dumped["events"]:
                events += 1
                problems = check_record(event, 1)
                bad_offsets = any(
                    record_text(articles, record.doc_id)[e["start"] : e["end"]] != e["text"] for e in event["evidence"]
                )
                if problems or bad_offsets:
                    invalid += 1
                    defect("invalid event" if problems else "evidence offsets", json.dumps(event)[:160])

    elapsed = time.perf_counter() - started
    print(f"model {extractor.model_name}; seed {args.seed}")
    print(f"texts fuzzed: {len(texts):,} in {elapsed:.0f}s; events found: {events:,}; invalid events: {invalid}")
    print(f"documented errors: {sum(documented.values()):,}")
    for kind, count in documented.most_common():
        print(f"  {count:>7,}  {kind}")
    print(f"defects (undocumented exceptions, implausible values, invalid events): {sum(defects.values())}")
    for kind, count in defects.most_common():
        print(f"  {count:>7,}  {kind}\n           e.g. {examples[kind]!r}")
    return 1 if defects else 0


def record_text(articles: list, doc_id: str) -> str:
    """The text of the fuzz article `doc_id` ('fuzz-N' is the N-th text)."""
    index = int(doc_id.removeprefix("fuzz-"))
    for article in articles[min(index, len(articles) - 1) :: -1]:
        if article.doc_id == doc_id:
            return str(article.text)
    return ""


if __name__ == "__main__":
    sys.exit(main())
