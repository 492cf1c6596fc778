#!/usr/bin/env python3
"""Names in extracted events that are no company: a filing's defined terms and section headings.

Reads the events `evaluate.py` wrote (out/eval/*.jsonl, or the files given) and the articles they came from, and
lists every deal party, earnings company and policy issuer that
  - is a defined term of a filing, alone or after 'the' ('the Company', 'the Licensed Products', 'the Baoji Target');
  - holds a heading noun after its first word ('Major Collaboration Events', 'Key Deals Zelgen');
  - occurs in its article only on heading lines (a line without closing punctuation, every word capitalised).
Exit status 1 when it lists any.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from extractor.facts.defined_terms import is_defined_term, without_heading  # noqa: E402
from extractor.io.inputs import read_file  # noqa: E402

_WORD = regex.compile(r"\p{L}[\p{L}'’&.-]*")
_SMALL = {"of", "and", "the", "for", "in", "on", "at", "to", "a", "an", "with", "by", "&"}


def _heading_line(line: str) -> bool:
    """A line with no closing punctuation whose words are all capitalised (small words aside)."""
    words = _WORD.findall(line)
    return (
        bool(words)
        and not line.rstrip().endswith((".", "!", "?", ":", ";", ","))
        and all(w[0].isupper() or w.lower() in _SMALL for w in words)
    )


def problems(event: dict, text: str) -> list[str]:
    """What is wrong with the names of one event."""
    names = [*event.get("parties", []), event.get("company"), event.get("issuer")]
    found = []
    for name in filter(None, names):
        at = [i for i in range(len(text)) if text.startswith(name, i)][:50]
        if is_defined_term(name) or any(is_defined_term(name, text[:i]) for i in at):
            found.append(f"{name!r}: a defined term")
        elif without_heading(name) != name:
            found.append(f"{name!r}: a section heading")
        elif at and all(
            _heading_line(text[text.rfind("\n", 0, i) + 1 : (text.find("\n", i) + 1 or len(text) + 1) - 1]) for i in at
        ):
            found.append(f"{name!r}: only on heading lines")
    return found


def main(argv: list[str]) -> int:
    """Check the event files given (default: out/eval/b*.jsonl) against the rebuilt articles."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path, help="events files (default: out/eval/bNN.jsonl)")
    files = parser.parse_args(argv).files or [
        p for p in sorted((ROOT / "out" / "eval").glob("b*.jsonl")) if not p.name.endswith(".gold.jsonl")
    ]
    count = 0
    for path in files:
        batch = path.stem
        for line in path.read_text(encoding="utf-8").splitlines():
            event = json.loads(line)
            article = HERE / "articles" / batch / event["doc_id"]
            if not article.exists():
                continue
            text = read_file(article, event["doc_id"], None).text
            for problem in problems(event, text):
                count += 1
                print(f"{batch}/{event['doc_id']}: {event['event_type']}: {problem}")
    print(f"{count} name(s) that are no company's", file=sys.stderr)
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
