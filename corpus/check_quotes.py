"""List the places where a file in git repeats a run of words from a corpus article.

Usage: python corpus/check_quotes.py [--words 10] [--show 3] [PATH ...]

The corpus articles are third-party text and stay out of git; so do their sentences. Tests, docstrings
and data-file examples are to be written in our own words, with the same constructions. This script
reads every rebuilt article (corpus/articles), then every file git tracks (or the PATHs given), and
reports each file that shares a run of at least `--words` consecutive words with an article, with the
first few runs. Long official names (a law's title, a ministry's full name) are facts and may be
reported too: read the runs before rewriting. The gold, recipes, notes and blind scores are the
team's own record of the corpus and are not checked. Exit status 1 when a file is reported.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
#: the team's own record of the corpus, which names what the articles say
SKIPPED = ("corpus/gold/", "corpus/recipes/", "corpus/notes/", "corpus/blind/")
SUFFIXES = (".py", ".md", ".json", ".jsonl", ".txt", ".cfg", ".toml", ".csv")
WORD = re.compile(r"[A-Za-z0-9$%'’.,-]+")


def words(text: str) -> list[str]:
    """The text's words, lower-cased, without the punctuation that ends them."""
    return [w.lower().strip(".,") for w in WORD.findall(text)]


def runs(text: str, size: int) -> list[tuple[str, ...]]:
    """Every run of `size` consecutive words of the text."""
    ws = words(text)
    return [tuple(ws[i : i + size]) for i in range(len(ws) - size + 1)]


def article_runs(size: int) -> set[tuple[str, ...]]:
    """The runs of `size` words of every rebuilt corpus article."""
    seen: set[tuple[str, ...]] = set()
    for path in sorted((HERE / "articles").glob("*/*.txt")):
        seen.update(runs(path.read_text(encoding="utf-8"), size))
    return seen


def tracked_files() -> list[str]:
    """The files git tracks, relative to the repository's root."""
    listed = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True)
    return listed.stdout.split()


def quoted(path: Path, seen: set[tuple[str, ...]], size: int) -> list[str]:
    """The passages of a file made of runs found in the articles, overlapping runs joined."""
    try:
        ws = words(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return []
    passages: list[str] = []
    end = -1
    for i in range(len(ws) - size + 1):
        if tuple(ws[i : i + size]) not in seen:
            continue
        if i <= end and passages:
            passages[-1] += " " + " ".join(ws[end + 1 : i + size])
        else:
            passages.append(" ".join(ws[i : i + size]))
        end = i + size - 1
    return passages


def main(argv: list[str] | None = None) -> int:
    """Command line: report the files that quote corpus articles."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="files to check (default: every file git tracks)")
    parser.add_argument("--words", type=int, default=10, help="the shortest run of words reported")
    parser.add_argument("--show", type=int, default=3, help="passages shown for each file")
    args = parser.parse_args(argv)
    seen = article_runs(args.words)
    if not seen:
        print("no rebuilt articles: run corpus/rebuild.py first", file=sys.stderr)
        return 2
    names = args.paths or [f for f in tracked_files() if f.endswith(SUFFIXES) and not f.startswith(SKIPPED)]
    reported = 0
    for name in names:
        passages = quoted(ROOT / name, seen, args.words)
        if not passages:
            continue
        reported += 1
        print(f"{name}: {len(passages)} passage(s)")
        for passage in passages[: args.show]:
            print(f"    {passage}")
    print(f"{reported} file(s) repeat runs of {args.words} or more words of the corpus articles")
    return 1 if reported else 0


if __name__ == "__main__":
    sys.exit(main())
