"""How long the pathological inputs of tests/test_pathological.py take (the tests only check that they finish).

Usage: python benchmarks/pathological.py [--repeat 3]

Prints, for each input, its size and the median seconds of `--repeat` runs of `Extractor.extract`
(the statistical model loaded once beforehand), plus the throughput in characters per second. Each
run gets a differently shifted copy of the input, so per-sentence caches cannot answer from memory.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def main(argv: list[str] | None = None) -> int:
    """Time every pathological input and print a table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    from test_pathological import PATHOLOGICAL  # the inputs the tests feed

    from extractor.pipeline import Extractor

    extractor = Extractor()
    print(f"model {extractor.model_name}; median of {args.repeat} runs\n")
    print(f"{'input':42} {'chars':>10} {'seconds':>8} {'chars/s':>12} {'events':>6}")
    for name, text in PATHOLOGICAL.items():
        times, events = [], 0
        for rep in range(args.repeat):
            # a different prefix each time shifts every sentence, so no cached result is reused
            varied = "~" * (rep + 1) + " " + text
            start = time.perf_counter()
            events = len(extractor.extract(varied, published="2026-02-10"))
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        print(f"{name:42} {len(text):10,} {median:8.2f} {len(text) / median:12,.0f} {events:6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
