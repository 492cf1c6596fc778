"""Accuracy of the money and percentage parsers on the peer test suites in ../shared/peer.

Usage: python benchmarks/peer_accuracy.py [--peer-dir DIR] [--show-failures SOURCE] [--lang LANG]

Without ../shared/peer (a clone on its own) and no --peer-dir, it says so and exits 0.

A case is correct when the predicted list of (amount, currency) pairs equals the expected list
(same length and order, amounts within a relative tolerance of 1e-6); for percentages, the list
of values. A negative case (empty `expected`) is correct when nothing is predicted.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractor.facts.amounts import parse_amounts  # noqa: E402
from extractor.facts.percentages import parse_percentages  # noqa: E402

DEFAULT_PEER = ROOT.parent / "shared" / "peer"
SOURCES = ["recognizers-text", "duckling", "quantulum3", "price-parser"]


def load_cases(peer_dir: Path) -> list[dict]:
    """All records of the peer suites."""
    cases = []
    for source in SOURCES:
        path = peer_dir / f"{source}.jsonl"
        with path.open(encoding="utf-8") as fh:
            cases.extend(json.loads(line) for line in fh if line.strip())
    return cases


def predict(case: dict) -> list[tuple[float, str | None]]:
    """What the parser finds in a case's text, as (value, currency) pairs."""
    if case["kind"] == "money":
        return [(m.value, m.currency) for m in parse_amounts(case["text"])]
    return [(p.value, None) for p in parse_percentages(case["text"])]


def is_correct(case: dict, got: list[tuple[float, str | None]]) -> bool:
    """Whether the prediction matches the expected list."""
    want = [(e["amount"], e["currency"]) for e in case["expected"]]
    if len(want) != len(got):
        return False
    for (wv, wc), (gv, gc) in zip(want, got):
        if not math.isclose(wv, gv, rel_tol=1e-6, abs_tol=1e-12):
            return False
        if case["kind"] == "money" and wc != gc:
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    """Print cases, correct and accuracy per source, language and kind."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--peer-dir", type=Path, default=DEFAULT_PEER)
    ap.add_argument(
        "--show-failures",
        metavar="SOURCE",
        default=None,
        help="print the failed cases of SOURCE ('all' for every source)",
    )
    ap.add_argument("--lang", default=None, help="only show failures of this language")
    args = ap.parse_args(argv)
    missing = [s for s in SOURCES if not (args.peer_dir / f"{s}.jsonl").is_file()]
    if missing:
        where = f"{args.peer_dir}: no {', '.join(m + '.jsonl' for m in missing)}"
        if args.peer_dir != DEFAULT_PEER:
            print(f"peer_accuracy: {where}", file=sys.stderr)
            return 2
        # the peer suites are the team's, beside the project; a clone on its own has nothing to measure
        print(f"peer_accuracy: skipped, the peer suites are not there ({where}); pass --peer-dir DIR")
        return 0

    totals: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    failures: list[tuple[dict, list]] = []
    for case in load_cases(args.peer_dir):
        got = predict(case)
        ok = is_correct(case, got)
        key = (case["source"], case["lang"], case["kind"])
        totals[key][0] += 1
        totals[key][1] += ok
        if not ok:
            failures.append((case, got))

    print(f"{'source':<18}{'lang':<6}{'kind':<9}{'cases':>7}{'correct':>9}{'accuracy':>10}")
    en_money = [0, 0]
    for key in sorted(totals):
        n, ok = totals[key]
        print(f"{key[0]:<18}{key[1]:<6}{key[2]:<9}{n:>7}{ok:>9}{ok / n:>10.1%}")
        if key[1] == "en" and key[2] == "money":
            en_money[0] += n
            en_money[1] += ok
    print(f"{'all English money':<33}{en_money[0]:>7}{en_money[1]:>9}{en_money[1] / en_money[0]:>10.1%}")

    if args.show_failures:
        for case, got in failures:
            if args.show_failures not in ("all", case["source"]):
                continue
            if args.lang and case["lang"] != args.lang:
                continue
            want = [(e["amount"], e["currency"]) for e in case["expected"]]
            print(f"\n[{case['source']} {case['lang']} {case['kind']}] {case['text'][:200]!r}")
            print(f"  want {want}")
            print(f"  got  {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
