#!/usr/bin/env python3
"""Sentence-level labels for the event detector: each development article's sentences, the gold events they state.

For every article of a batch this runs the extractor of this checkout (in process), keeps its sentences, the event
types of the drafts the rules read in each sentence, and the events it found, pairs those with the gold as the scorer
does, and aligns each gold event with the sentences that state it (`align`: the gold's names, figures and period as
the sentence's own facts read them; see docs/detector.md). Writes out/detector/BATCH.json; reads development batches only.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from extractor.evaluation.compare import (  # noqa: E402
    code_key,
    period_key,
    same_money,
    same_percent,
    words,
)
from extractor.evaluation.matching import pair_documents  # noqa: E402
from extractor.evaluation.rules import word_set  # noqa: E402
from extractor.facts.analysis import ArticleView, Facts  # noqa: E402
from extractor.io.inputs import make_article  # noqa: E402
from extractor.pipeline import Extractor  # noqa: E402

OUT = ROOT / "out" / "detector"
TYPES = ("etf_move", "deal", "policy_change", "earnings_preview")
#: the development batches (corpus/README.md): the only ones this script may read (b37-b40 are this session's check set)
DEVELOPMENT = tuple(f"b{n:02d}" for n in (*range(1, 37), *range(41, 56)))
#: share of a name's core words a sentence must hold to name it
NAME_SHARE = 0.6
#: share of a policy name's words (or an alias's) a sentence must hold to name the measure (the scorer's rule)
POLICY_SHARE = 0.5

Event = dict[str, Any]


@dataclass
class Hits:
    """What of one gold event one sentence states."""

    names: int = 0
    figures: int = 0
    period: int = 0
    policy: float = 0.0

    @property
    def score(self) -> float:
        """How much of the event the sentence states."""
        return self.names + self.figures + self.period + (1.0 if self.policy >= POLICY_SHARE else 0.0)


def _core_words(name: str) -> set[str]:
    small = word_set("name_suffixes") | word_set("acronym_skipped_words")
    return {w for w in words(name) if w not in small and len(w) > 1}


def _acronyms(name: str) -> set[str]:
    """'Full Name (NMPA)' -> {'nmpa'}."""
    out = set()
    if "(" in name and name.rstrip().endswith(")"):
        inner = name[name.rfind("(") + 1 : -1]
        if inner and " " not in inner.strip():
            out.add(inner.strip().lower())
    return out


def _names_in(name: str, sentence_words: set[str]) -> bool:
    core = _core_words(name.split("(")[0]) or _core_words(name)
    if _acronyms(name) & sentence_words:
        return True
    if not core:
        return False
    return len(core & sentence_words) >= max(1, NAME_SHARE * len(core))


def _gold_names(event: Event) -> list[str]:
    kind = event["event_type"]
    if kind == "deal":
        return [str(p) for p in event.get("parties") or []]
    if kind == "earnings_preview":
        return [str(event["company"])] if event.get("company") else []
    if kind == "policy_change":
        return [str(event["issuer"])] if event.get("issuer") else []
    return [str(event[k]) for k in ("etf_name", "tracked_index") if event.get(k)]


def _gold_money(event: Event) -> list[Any]:
    found = [v for v in event.values() if isinstance(v, dict) and "currency" in v]
    for metric in event.get("metrics") or []:
        if isinstance(metric.get("value"), dict):
            found.append(metric["value"])
    return found


def _gold_percents(event: Event) -> list[float]:
    keys = ("change_pct", "intraday_high_pct", "intraday_low_pct")
    found = [float(event[k]) for k in keys if isinstance(event.get(k), (int, float))]
    for metric in event.get("metrics") or []:
        if isinstance(metric.get("yoy_pct"), (int, float)):
            found.append(float(metric["yoy_pct"]))
    return found


def _policy_share(event: Event, sentence_words: set[str]) -> float:
    small = word_set("policy_ignored_words")
    best = 0.0
    for name in [event.get("policy"), *(event.get("policy_aliases") or [])]:
        wanted = {w for w in words(name) if w not in small and len(w) > 2}
        if wanted:
            best = max(best, len(wanted & sentence_words) / len(wanted))
    return best


def _unsigned(money: dict[str, Any]) -> dict[str, Any]:
    """A money object without its sign: a loss is written as a positive amount ('a loss of HK$20 billion')."""
    value = money.get("value")
    return {**money, "value": abs(value)} if isinstance(value, (int, float)) else money


def hits(event: Event, facts: Facts) -> Hits:
    """What of a gold event one sentence states, read with the sentence's own facts."""
    text_words = set(words(facts.text))
    found = Hits()
    found.names = sum(_names_in(n, text_words) for n in _gold_names(event))
    if event["event_type"] == "etf_move" and event.get("etf_code"):
        code = code_key(event["etf_code"])
        found.names += any(code_key(w) == code for w in words(facts.text)) or code.lower() in text_words
    monies = _gold_money(event)
    percents = _gold_percents(event)
    if monies:
        amounts = [_unsigned(a.item.model_dump()) for a in facts.amounts]
        found.figures += sum(any(same_money(_unsigned(m), a) for a in amounts) for m in monies)
    if percents:
        values = [p.item.value for p in facts.percentages]
        found.figures += sum(any(same_percent(p, v) or same_percent(-p, v) for v in values) for p in percents)
    if event.get("period"):
        want = period_key(str(event["period"]))
        found.period = int(any(period_key(p.item) == want for p in facts.periods))
    if event["event_type"] == "policy_change":
        found.policy = _policy_share(event, text_words)
    return found


def align(event: Event, view: ArticleView) -> tuple[list[int], str]:
    """The sentences that state a gold event: the best-scoring ones (at least two of its items, or for a measure its
    name), and any other that states a figure of it beside a name or its period; else the first sentence that names it.
    The second value says which rule aligned it: 'strong', 'name' or 'none'."""
    scored = [(i, hits(event, f)) for i, f in enumerate(view.facts)]
    best = max((h.score for _, h in scored), default=0.0)
    chosen = []
    for i, h in scored:
        enough = best >= 2 or (event["event_type"] == "policy_change" and h.policy >= POLICY_SHARE)
        if (h.score == best and enough) or (h.figures >= 1 and h.names + h.period >= 1 and h.score >= 2):
            chosen.append(i)
    if chosen:
        return chosen, "strong"
    named = [i for i, h in scored if h.names]
    return (named[:1], "name") if named else ([], "none")


def _sentence_of(view: ArticleView, start: int, end: int) -> list[int]:
    return [s.index for s in view.sentences if s.start < end and start < s.end]


def batch_records(extractor: Extractor, batch: str) -> dict[str, Any]:
    """The detector's records of one development batch: per article its sentences and its gold events, aligned."""
    if batch not in DEVELOPMENT:
        raise SystemExit(f"{batch} is not a development batch")
    gold_lines = [json.loads(x) for x in (HERE / "gold" / f"{batch}.gold.jsonl").read_text().splitlines() if x.strip()]
    articles_out = []
    predicted: list[Event] = []
    views: dict[str, ArticleView] = {}
    for path in sorted((HERE / "articles" / batch).glob("*.txt")):
        article = make_article(path.name, path.read_text(encoding="utf-8"))
        view = ArticleView.build(article, extractor.gazetteer, None, extractor.fx)
        if not extractor.model.rules_only:
            extractor._add_ner_orgs([view])
        drafts = [d for r in extractor.recognizers for d in r.extract(view)]
        rule_types: list[list[str]] = [[] for _ in view.sentences]
        for d in drafts:
            for i in d.sentences:
                if d.event_type not in rule_types[i]:
                    rule_types[i].append(d.event_type)
        record = extractor.extract_article(article).model_dump(mode="json")
        events = record["events"]
        predicted.extend(events)
        views[path.name] = view
        articles_out.append(
            {
                "doc_id": path.name,
                "sentences": [
                    {
                        "text": s.text,
                        "start": s.start,
                        "end": s.end,
                        "headline": s.headline,
                        "rules": rule_types[s.index],
                    }
                    for s in view.sentences
                ],
                "predicted": [
                    {
                        "event_type": e["event_type"],
                        "sentences": sorted(
                            {i for ev in e["evidence"] for i in _sentence_of(view, ev["start"], ev["end"])}
                        ),
                    }
                    for e in events
                ],
            }
        )
    present = set(views)
    gold = [g for g in gold_lines if g["doc_id"] in present]
    found: dict[int, Event] = {}
    for pairing in pair_documents(gold, predicted):
        for g, p, _ in pairing.matched:
            found[id(g)] = p
    by_doc: dict[str, list[Event]] = {}
    for g in gold:
        if g["event_type"] not in TYPES:
            continue
        view = views[g["doc_id"]]
        pred = found.get(id(g))
        evidence = (
            sorted({i for ev in pred["evidence"] for i in _sentence_of(view, ev["start"], ev["end"])}) if pred else []
        )
        aligned, how = align(g, view)
        by_doc.setdefault(g["doc_id"], []).append(
            {
                "event_type": g["event_type"],
                "optional": bool(g.get("optional")),
                "found": pred is not None,
                "aligned": aligned,
                "alignment": how,
                "evidence": evidence,
                "gold": g,
            }
        )
    for a in articles_out:
        a["gold"] = by_doc.get(a["doc_id"], [])
    return {
        "batch": batch,
        "articles": articles_out,
        "missing_articles": sorted({g["doc_id"] for g in gold_lines} - present),
    }


def main(argv: list[str] | None = None) -> int:
    """Command line: the development batches to label (default: all that are rebuilt)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("batches", nargs="*", default=list(DEVELOPMENT))
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    extractor = Extractor(detect=False)  # the rules alone: what they draft and miss is what the detector learns
    for batch in args.batches:
        data = batch_records(extractor, batch)
        (OUT / f"{batch}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        events = [e for a in data["articles"] for e in a["gold"] if not e["optional"]]
        strong = sum(e["alignment"] == "strong" for e in events)
        named = sum(e["alignment"] == "name" for e in events)
        print(
            f"{batch}: {len(data['articles'])} articles, {len(events)} required events, {strong} aligned by content, "
            f"{named} by a name only, {len(data['missing_articles'])} articles not rebuilt"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
