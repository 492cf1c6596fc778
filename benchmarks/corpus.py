"""Synthetic corpus of English financial-news articles, for speed benchmarks and fault-injection runs.

Usage: python benchmarks/corpus.py DEST --articles 2000 [--bad 50] [--seed 0] [--words 800]
                                    [--max-bytes N] [--expected FILE]

Articles are recombined from whole paragraphs of fixtures/articles/*.txt (2-4 source articles each), with
company names swapped consistently inside an article (tables in corpus_words.json), fund codes swapped
consistently, and figures (amounts, percentages, decimals) scaled by a random factor per source article
(0.5-1.5), so ranges stay ordered and paragraphs from one source stay consistent with each other.
Years, dates, tickers, index codes and other plain integers are left alone. The corpus is generated on
demand and never committed; the same (n, seed, words) always gives byte-identical files.
Standard library only.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import functools
import itertools
import json
import math
import os
import random
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "fixtures" / "articles"
WORDS_FILE = Path(__file__).resolve().with_name("corpus_words.json")
PART_SIZE = 500
FIRST_DATE = dt.date(2024, 1, 1)
LAST_DATE = dt.date(2026, 12, 31)
BAD_KINDS = ("empty", "binary", "too_large", "unreadable", "broken_symlink", "malformed_record", "undecodable")

_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_BOILERPLATE = re.compile(
    r"(?i)^(?:disclaimer|risk (?:warning|disclosure)|note:|key takeaway|bottom line)"
    r"|investment advice|financial advice|translation is provided|finance app|views expressed"
)
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
_NUMBER = re.compile(
    r"""
    (?:(?<![A-Za-z0-9_])(?P<cur>US\$|HK\$|RMB|CNY|USD|HKD|EUR|GBP|JPY|CHF|[$€£¥])[ \u00a0]?
      |(?<![A-Za-z0-9_.,$€£¥]))
    (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
    (?P<suf>bn|mn|m|b|k|B|M|K)?
    (?![A-Za-z0-9_]|,\d|\.\d)
    """,
    re.VERBOSE,
)
_PERCENT = re.compile(r"[ \u00a0]?(?:%|percent\b|per cent\b|pct\b)")
_UNIT = re.compile(
    r"[ \u00a0]?(?:%|percent\b|per cent\b|pct\b|percentage points?\b|million\b|billion\b|trillion\b|thousand\b"
    r"|bn\b|mn\b|yuan\b|dollars?\b|euros?\b|pounds?\b|yen\b|亿|万|元)"
)
_TICKER_TAIL = re.compile(r"\.(?:SH|SZ|HK|BJ|SS|US|O|N)\b")
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|~|to)\s*")


@dataclass(frozen=True, slots=True)
class _Source:
    """One fixture article cut into a title and content paragraphs."""

    name: str
    title: str | None
    paragraphs: tuple[str, ...]
    words: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class _Tables:
    """The word tables of corpus_words.json, compiled."""

    names: re.Pattern[str]
    forms: dict[str, tuple[str, int, str]]  # surface form -> (group, entity number, template)
    pools: dict[str, tuple[dict[str, str], ...]]
    fund_codes: dict[str, tuple[str, ...]]  # first digit -> codes
    outlets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Generated:
    """One generated article before it is written."""

    published: dt.date
    title: str
    outlet: str
    paragraphs: tuple[str, ...]

    def body(self) -> str:
        """Title, outlet line and paragraphs separated by blank lines."""
        return "\n\n".join((self.title, self.outlet, *self.paragraphs)) + "\n"

    def text(self) -> str:
        """The whole file: front matter and body."""
        return f"---\npublished: {self.published.isoformat()}\n---\n{self.body()}"


def _is_title(line: str) -> bool:
    """Whether the first body line of a fixture reads like a headline."""
    n = len(line.split())
    return 3 <= n <= 40 and not line.endswith(".") and not _CJK.search(line)


def _is_content(line: str) -> bool:
    """Whether a line is a real news paragraph (not a heading, dateline, question, disclaimer or junk)."""
    if len(line.split()) < 12 or line[-1] not in ".!\"”')":
        return False
    if _BOILERPLATE.search(line):
        return False
    return len(_CJK.findall(line)) <= 0.05 * len(line)


def _parse_source(path: Path) -> _Source:
    """A fixture article as title and content paragraphs (every non-blank line is a paragraph candidate)."""
    text = path.read_text(encoding="utf-8")
    fm = _FRONT_MATTER.match(text)
    body = text[fm.end() :] if fm else text
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    title = lines.pop(0) if lines and _is_title(lines[0]) else None
    paragraphs = tuple(line for line in lines if _is_content(line))
    return _Source(path.name, title, paragraphs, tuple(len(p.split()) for p in paragraphs))


@functools.cache
def _sources() -> tuple[_Source, ...]:
    """The usable fixture articles, in file-name order."""
    sources = tuple(_parse_source(p) for p in sorted(SOURCE_DIR.glob("*.txt")))
    usable = tuple(s for s in sources if s.paragraphs)
    if len(usable) < 4 or not any(s.title for s in usable):
        raise RuntimeError(f"not enough source articles in {SOURCE_DIR}")
    return usable


@functools.cache
def _tables() -> _Tables:
    """corpus_words.json, compiled into one name scanner and lookup tables."""
    data: dict[str, Any] = json.loads(WORDS_FILE.read_text(encoding="utf-8"))
    forms: dict[str, tuple[str, int, str]] = {}
    for group, entities in data["companies"].items():
        for number, entity in enumerate(entities):
            for form, template in entity.items():
                forms[form] = (group, number, template)
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
    names = re.compile(rf"(?<![A-Za-z0-9])(?P<name>{alternation})(?![A-Za-z0-9])(?P<poss>['’]s\b)?")
    pools = {group: tuple(data[f"{group}_pool"]) for group in data["companies"]}
    codes: dict[str, list[str]] = {}
    for code in data["fund_codes"]:
        codes.setdefault(code[0], []).append(code)
    return _Tables(names, forms, pools, {d: tuple(c) for d, c in codes.items()}, tuple(data["outlets"]))


def _pick_paragraphs(rng: random.Random, sources: tuple[_Source, ...], lead: int, target: int) -> list[tuple[int, str]]:
    """(source, paragraph) pairs from the lead and 1-3 more sources, whole paragraphs, about `target` words."""
    others = rng.sample([i for i in range(len(sources)) if i != lead], 3)
    k = rng.randint(2, 4)
    chosen, spare = [lead, *others[: k - 1]], others[k - 1 :]
    start = {lead: 0, **{i: rng.randrange(len(sources[i].paragraphs)) for i in others}}
    taken = dict.fromkeys(start, 0)
    block = max(target / k, 1)
    out: list[tuple[int, str]] = []
    total = 0
    while True:
        progress = False
        for i in chosen:
            src, got = sources[i], 0
            while taken[i] < len(src.paragraphs) and got < block:
                j = (start[i] + taken[i]) % len(src.paragraphs)
                w = src.words[j]
                if out and total + w - target > target - total:
                    return out  # closer to the target without this paragraph
                out.append((i, src.paragraphs[j]))
                taken[i] += 1
                total += w
                got += w
                progress = True
                if total >= target:
                    return out
        if not progress:
            if not spare:
                return out
            chosen.append(spare.pop(0))


def _name_map(texts: list[str], rng: random.Random) -> dict[str, str]:
    """Surface form -> replacement, one invented company per real one, consistent inside the article."""
    tables = _tables()
    order: list[tuple[str, int]] = []
    seen: set[tuple[str, int]] = set()
    found: set[str] = set()
    for text in texts:
        for m in tables.names.finditer(text):
            form = m.group("name")
            found.add(form)
            group, number, _ = tables.forms[form]
            if (group, number) not in seen:
                seen.add((group, number))
                order.append((group, number))
    shuffled = {g: rng.sample(pool, len(pool)) for g, pool in tables.pools.items()}
    chosen: dict[tuple[str, int], dict[str, str] | None] = {}
    for group, number in order:
        chosen[(group, number)] = shuffled[group].pop() if shuffled[group] else None
    mapping: dict[str, str] = {}
    for form in found:
        group, number, template = tables.forms[form]
        rep = chosen[(group, number)]
        mapping[form] = (
            form
            if rep is None
            else template.format(
                full=rep["full"], short=rep["short"], FULL=rep["full"].upper(), SHORT=rep["short"].upper()
            )
        )
    return mapping


def _swap_names(text: str, mapping: dict[str, str]) -> str:
    """The text with every known company form replaced by its mapped name ("Biosciences'" as possessive)."""

    def replace(m: re.Match[str]) -> str:
        name = mapping.get(m.group("name"), m.group("name"))
        poss = m.group("poss") or ""
        return name + poss[0] if poss and name.endswith("s") else name + poss

    return _tables().names.sub(replace, text)


def _scale(num: str, factor: float, percent: bool) -> str:
    """A figure scaled by `factor`, keeping its decimals, thousands separators and round-number look."""
    digits = num.replace(",", "")
    value = float(digits)
    new = value * factor
    if value == 0 or (percent and (value == 100 or value < 100 <= new)):
        return num
    if "." in digits:
        decimals = len(digits.split(".")[1])
        out = f"{new:,.{decimals}f}" if "," in num else f"{new:.{decimals}f}"
        return num if float(out.replace(",", "")) == 0 else out
    zeros = len(digits) - len(digits.rstrip("0"))
    step = 10 ** max(zeros - 1, 0)
    scaled = max(round(new / step) * step, step)
    return f"{scaled:,}" if "," in num else str(scaled)


def _map_code(code: str, codes: dict[str, str], rng: random.Random) -> str:
    """A consistent replacement for a 6-digit fund code (same first digit); unknown prefixes stay."""
    if code not in codes:
        pool = _tables().fund_codes.get(code[0], ())
        used = set(codes.values())
        free = [c for c in pool if c not in used and c != code]
        codes[code] = rng.choice(free) if free else code
    return codes[code]


def _vary_numbers(text: str, factor: float, codes: dict[str, str], rng: random.Random) -> str:
    """The text with figures scaled by `factor` and fund codes swapped; years, dates, tickers left alone."""
    tokens: list[list[Any]] = []  # [match, kind, percent, end including unit]
    for m in _NUMBER.finditer(text):
        num, cur, suf = m.group("num"), m.group("cur"), m.group("suf")
        unit = _UNIT.match(text, m.end())
        percent = bool(_PERCENT.match(text, m.end()))
        plain_int = num.isdigit() and not cur and not suf
        if _TICKER_TAIL.match(text, m.end()):
            kind = "keep"
        elif plain_int and len(num) == 6:
            kind = "code"
        elif plain_int and len(num) > 1 and num[0] == "0":
            kind = "keep"
        elif plain_int and len(num) == 4 and 1900 <= int(num) <= 2100:
            kind = "keep"  # a year
        elif cur or not num.isdigit() or "," in num or unit:
            kind = "figure"
        else:
            kind = "plain"
        tokens.append([m, kind, percent, unit.end() if unit else m.end()])
    for a, b in itertools.pairwise(tokens):  # "RMB 450–520m", "3-5 billion": both ends of a range move together
        if {a[1], b[1]} == {"figure", "plain"} and _RANGE_JOIN.fullmatch(text, a[3], b[0].start()):
            partner = a if a[1] == "figure" else b
            for t in (a, b):
                t[1], t[2] = "figure", t[2] or partner[2]
    pieces: list[str] = []
    pos = 0
    for m, kind, percent, _ in tokens:
        if kind == "figure":
            new = _scale(m.group("num"), factor, percent)
        elif kind == "code":
            new = _map_code(m.group("num"), codes, rng)
        else:
            continue
        pieces.append(text[pos : m.start("num")])
        pieces.append(new)
        pos = m.end("num")
    pieces.append(text[pos:])
    return "".join(pieces)


def _outlet_line(rng: random.Random, published: dt.date) -> str:
    """A source line under the title, as in the fixtures: 'Deep News' over 'Feb 10', or 'cls.cn · Feb 10 09:12'."""
    outlet = rng.choice(_tables().outlets)
    day = f"{calendar.month_abbr[published.month]} {published.day}"
    if outlet in ("Futu News", "cls.cn"):
        return f"{outlet} · {day} {rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}"
    return f"{outlet}\n{day}"


def _generate(key: str, words: int, sources: tuple[_Source, ...] | None = None) -> _Generated:
    """One article, determined entirely by `key`, `words` and the sources (all fixtures by default)."""
    rng = random.Random(key)
    sources = sources or _sources()
    published = FIRST_DATE + dt.timedelta(days=rng.randrange((LAST_DATE - FIRST_DATE).days + 1))
    outlet = _outlet_line(rng, published)
    lead = rng.choice([i for i, s in enumerate(sources) if s.title])
    title = sources[lead].title or ""
    picked = _pick_paragraphs(rng, sources, lead, max(words - len(title.split()) - len(outlet.split()), 1))
    factors = {i: rng.uniform(0.5, 1.5) for i in sorted({i for i, _ in picked} | {lead})}
    mapping = _name_map([title, *(p for _, p in picked)], rng)
    codes: dict[str, str] = {}
    title = _vary_numbers(_swap_names(title, mapping), factors[lead], codes, rng)
    paragraphs = tuple(_vary_numbers(_swap_names(p, mapping), factors[i], codes, rng) for i, p in picked)
    return _Generated(published, title, outlet, paragraphs)


def article_path(dest: Path, index: int) -> Path:
    """Where article number `index` goes: dest/part_NNN/gen_NNNNN.txt, 500 articles per folder."""
    return dest / f"part_{index // PART_SIZE:03d}" / f"gen_{index:05d}.txt"


def build_corpus(dest: Path, n: int, seed: int = 0, words: int = 800) -> list[Path]:
    """Write n generated articles of about `words` words under dest; same arguments, byte-identical files."""
    dest = Path(dest)
    paths: list[Path] = []
    made: set[Path] = set()
    for index in range(n):
        path = article_path(dest, index)
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(_generate(f"corpus:{seed}:{words}:{index}", words).text().encode("utf-8"))
        paths.append(path)
    return paths


def generate_texts(n: int, leave_out: frozenset[str] = frozenset(), seed: int = 0, words: int = 800) -> list[str]:
    """n article texts made in memory from every fixture except those named in `leave_out` (file names).

    The benchmark warms the tokenizer with these before it reads the left-out articles, which are then
    new text to it, as each article of a real stream is.
    """
    sources = tuple(s for s in _sources() if s.name not in leave_out)
    if len(sources) < 4 or not any(s.title for s in sources):
        raise RuntimeError(f"too few source articles left after leaving out {len(leave_out)}")
    return [_generate(f"leave-out:{seed}:{words}:{index}", words, sources).text() for index in range(n)]


def count_words(path: Path) -> int:
    """Whitespace-separated words of an article file after its front matter (title and outlet line included)."""
    text = Path(path).read_text(encoding="utf-8")
    fm = _FRONT_MATTER.match(text)
    return len(text[fm.end() if fm else 0 :].split())


def can_make_unreadable() -> bool:
    """Whether a mode-000 file is really unreadable here (not when running as root, nor without geteuid)."""
    return hasattr(os, "geteuid") and os.geteuid() != 0


def _write_new(path: Path, data: bytes) -> None:
    """Write a file that must not exist yet."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("xb") as fh:
        fh.write(data)


def _bad_binary(rng: random.Random, variant: int) -> bytes:
    """A PNG-, ZIP- or ELF-like header followed by random bytes, with NUL bytes."""
    headers = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x00\xc8\x08\x06\x00\x00\x00",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + b"\x00" * 8 + b"word/document.xml",
        b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x03\x00\x3e\x00\x01\x00\x00\x00",
    )
    body = bytearray(rng.randbytes(rng.randint(512, 4096)))
    for _ in range(16):
        body[rng.randrange(len(body))] = 0
    return headers[variant % len(headers)] + bytes(body)


def _bad_undecodable(rng: random.Random) -> bytes:
    """High bytes 0x80-0xFF mixed with control characters 0x01-0x08: no NUL, not UTF-8."""
    while True:
        data = bytes(
            rng.randint(1, 8) if rng.random() < 0.15 else rng.randint(0x80, 0xFF) for _ in range(rng.randint(256, 2048))
        )
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return data


def _bad_empty(rng: random.Random, variant: int) -> bytes:
    """A 0-byte file, a whitespace-only file, or front matter with no body."""
    if variant % 3 == 0:
        return b""
    if variant % 3 == 1:
        return rng.choice((b" ", b"\n", b"\n\n  \n", b"\t \r\n \r\n", b"   \n\n\n\t\n"))
    day = FIRST_DATE + dt.timedelta(days=rng.randrange((LAST_DATE - FIRST_DATE).days + 1))
    return f"---\npublished: {day.isoformat()}\n---\n{rng.choice(['', chr(10), chr(10) * 3])}".encode()


def _bad_too_large(rng: random.Random, max_bytes: int) -> bytes:
    """A text article just over max_bytes, made by repeating one real paragraph."""
    gen = _generate(f"large:{rng.random()}", 200)
    head = f"---\npublished: {gen.published.isoformat()}\n---\n{gen.title}\n\n".encode()
    unit = (rng.choice(gen.paragraphs) + "\n\n").encode()
    reps = max(math.ceil((max_bytes + 1 - len(head)) / len(unit)), 1)
    return head + unit * reps


def _bad_records(rng: random.Random, number: int) -> tuple[bytes, int]:
    """A JSONL file of good records with one bad line; returns its bytes and the bad line's number (1-based)."""
    lines: list[str] = []
    for r in range(rng.randint(3, 6)):
        gen = _generate(f"record:{rng.random()}", 800)
        record = {"id": f"rec-{number:03d}-{r:02d}", "text": gen.body(), "published": gen.published.isoformat()}
        lines.append(json.dumps(record, ensure_ascii=False))
    gen = _generate(f"record:{rng.random()}", 400)
    variant = number % 3
    if variant == 0:  # a record cut off mid-way: not JSON
        full = json.dumps({"id": f"rec-{number:03d}-bad", "text": gen.body()}, ensure_ascii=False)
        bad = full[: rng.randint(20, len(full) - 20)]
    elif variant == 1:  # a JSON array instead of an object
        bad = json.dumps([f"rec-{number:03d}-bad", gen.body(), gen.published.isoformat()], ensure_ascii=False)
    else:  # an object with other field names: no "text" (and no "id")
        bad = json.dumps(
            {"headline": gen.title, "body": "\n\n".join(gen.paragraphs), "published": gen.published.isoformat()},
            ensure_ascii=False,
        )
    at = rng.randint(0, len(lines))
    lines.insert(at, bad)
    return ("\n".join(lines) + "\n").encode("utf-8"), at + 1


def add_bad_files(dest: Path, k: int = 50, seed: int = 0, max_bytes: int = 10_000_000) -> dict[str, str]:
    """Add k bad inputs spread over the part folders of dest, kinds round-robin; return {doc_id: kind}.

    Kinds: empty (0 bytes, whitespace only, or front matter only), binary (PNG/ZIP/ELF header, NUL bytes),
    too_large (just over max_bytes), unreadable (mode 000), broken_symlink, malformed_record (one bad line in
    records_NN.jsonl of good `rec-` records; doc_id "<relpath>:<line>"), undecodable (high and control bytes,
    no NUL). A doc_id is the path relative to dest in posix form. `unreadable` is skipped, and its share
    spread over the other kinds, when a mode-000 file would still be readable (running as root).
    Files are named bad_NNNNN.txt; an existing name raises FileExistsError, so call once per dest.
    """
    dest = Path(dest)
    kinds = [kind for kind in BAD_KINDS if kind != "unreadable" or can_make_unreadable()]
    parts = sorted(p for p in dest.glob("part_*") if p.is_dir()) or [dest / "part_000"]
    rng = random.Random(f"bad:{seed}")
    seen: dict[str, int] = {}
    result: dict[str, str] = {}
    for j in range(k):
        kind = kinds[j % len(kinds)]
        variant = seen[kind] = seen.get(kind, -1) + 1
        folder = parts[rng.randrange(len(parts))]
        path = folder / f"bad_{j:05d}.txt"
        doc_id = path.relative_to(dest).as_posix()
        if kind == "empty":
            _write_new(path, _bad_empty(rng, variant))
        elif kind == "binary":
            _write_new(path, _bad_binary(rng, variant))
        elif kind == "too_large":
            _write_new(path, _bad_too_large(rng, max_bytes))
        elif kind == "unreadable":
            _write_new(path, _generate(f"unreadable:{rng.random()}", 800).text().encode("utf-8"))
            path.chmod(0)
        elif kind == "broken_symlink":
            folder.mkdir(parents=True, exist_ok=True)
            path.symlink_to(f"../missing_{j:05d}/gen_{j:05d}.txt")
        elif kind == "malformed_record":
            path = folder / f"records_{variant:02d}.jsonl"
            data, line = _bad_records(rng, variant)
            _write_new(path, data)
            doc_id = f"{path.relative_to(dest).as_posix()}:{line}"
        else:
            _write_new(path, _bad_undecodable(rng))
        result[doc_id] = kind
    return result


def main(argv: list[str] | None = None) -> int:
    """Command line: build a corpus (and bad files) into an empty or missing folder and print counts."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dest", type=Path, help="output folder (must be empty or missing)")
    parser.add_argument("--articles", type=int, default=2000, help="number of articles (default 2000)")
    parser.add_argument("--bad", type=int, default=0, help="number of bad inputs to add (default 0)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--words", type=int, default=800, help="about this many words per article")
    parser.add_argument("--max-bytes", type=int, default=10_000_000, help="size limit the too_large files exceed")
    parser.add_argument("--expected", type=Path, help="write the {doc_id: kind} mapping of bad inputs here (JSON)")
    args = parser.parse_args(argv)
    dest: Path = args.dest
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        parser.error(f"{dest} exists and is not an empty folder")
    started = time.perf_counter()
    paths = build_corpus(dest, args.articles, args.seed, args.words)
    built = time.perf_counter()
    bad = add_bad_files(dest, args.bad, args.seed, args.max_bytes) if args.bad > 0 else {}
    done = time.perf_counter()
    counts = [count_words(p) for p in paths]
    print(f"{len(paths)} articles in {dest} ({built - started:.2f} s)")
    if counts:
        print(f"words: total {sum(counts)}, median {statistics.median(counts):g}, min {min(counts)}, max {max(counts)}")
    if args.bad > 0:
        print(f"{len(bad)} bad inputs ({done - built:.2f} s):")
        for kind in BAD_KINDS:
            note = " (skipped: running as root)" if kind == "unreadable" and not can_make_unreadable() else ""
            print(f"  {kind:<17}{sum(1 for v in bad.values() if v == kind)}{note}")
    if args.expected:
        args.expected.parent.mkdir(parents=True, exist_ok=True)
        args.expected.write_text(json.dumps(bad, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"expected bad inputs written to {args.expected}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
