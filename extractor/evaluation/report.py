"""What `extractor eval` prints: the figures as a table or one JSON object, misses and extras per document, thresholds."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from extractor.evaluation.figures import OVERALL, Figures
from extractor.evaluation.matching import Event, Pairing, Slot
from extractor.evaluation.rules import table

_HEADER = f"{'type':18} {'gold':>5} {'pred':>5} {'match':>5} {'P':>6} {'R':>6} {'F1':>6} {'slots':>6}"


def table_lines(summary: dict[str, Figures]) -> list[str]:
    """The figures as a text table, one line per type and one for all types."""
    rows = [_HEADER]
    for kind, f in summary.items():
        rows.append(
            f"{kind:18} {f.gold:5d} {f.predicted:5d} {f.matched:5d} "
            f"{f.precision:6.3f} {f.recall:6.3f} {f.f1:6.3f} {f.slot_recall:6.3f}"
        )
    return rows


def overall_line(summary: dict[str, Figures]) -> str:
    """One line with the overall figures the thresholds apply to."""
    f = summary[OVERALL]
    return f"overall F1 {f.f1:.3f}, slot recall {f.slot_recall:.3f}"


def below(summary: dict[str, Figures], min_f1: float | None, min_slots: float | None) -> list[str]:
    """The thresholds the overall figures fall short of, each as 'F1 0.812 < 0.900'."""
    f = summary[OVERALL]
    short = []
    if min_f1 is not None and f.f1 < min_f1:
        short.append(f"F1 {f.f1:.4f} < --min-f1 {min_f1:g}")
    if min_slots is not None and f.slot_recall < min_slots:
        short.append(f"slot recall {f.slot_recall:.4f} < --min-slots {min_slots:g}")
    return short


def brief(event: Event) -> dict[str, Any]:
    """The fields that identify an event (fund code, parties, policy, company, period), those it has."""
    return {k: event[k] for k in table()["summary_fields"] if event.get(k) is not None}


def _fields(event: Event) -> dict[str, Any]:
    return {k: v for k, v in event.items() if k not in ("doc_id", "event_type")}


def _slot_json(kind: str, event: Event, slot: Slot) -> dict[str, Any]:
    return {"event_type": kind, "event": brief(event), "slot": slot.label, "want": slot.want, "got": slot.got}


def documents(pairings: list[Pairing]) -> list[dict[str, Any]]:
    """Per document (in order of doc_id): gold events missed, predictions left over, slots a matched prediction got wrong."""
    out: dict[str, dict[str, Any]] = {}
    for p in pairings:
        wrong = [_slot_json(p.event_type, gold, s) for gold, _, slots in p.matched for s in slots if not s.ok]
        if not (p.missed or p.extra or wrong):
            continue
        doc = out.setdefault(p.doc, {"doc_id": p.doc, "missed": [], "extra": [], "slot_misses": []})
        doc["missed"] += [{"event_type": p.event_type, **_fields(gold)} for gold, _ in p.missed]
        doc["extra"] += [{"event_type": p.event_type, **brief(pred)} for pred in p.extra]
        doc["slot_misses"] += wrong
    return [out[k] for k in sorted(out)]


def _inline(fields: dict[str, Any]) -> str:
    return " ".join(f"{k}={json.dumps(v, ensure_ascii=False)}" for k, v in fields.items())


def show_lines(docs: list[dict[str, Any]]) -> list[str]:
    """The listing of `documents` as text: the doc_id, then one indented line per miss, extra and wrong slot."""
    rows = []
    for doc in docs:
        rows.append(doc["doc_id"])
        for event in doc["missed"]:
            rows.append(f"  missed  {event['event_type']:16} {_inline(_fields(event))}")
        for event in doc["extra"]:
            rows.append(f"  extra   {event['event_type']:16} {_inline(_fields(event))}")
        for slot in doc["slot_misses"]:
            got = json.dumps(slot["got"], ensure_ascii=False)
            want = json.dumps(slot["want"], ensure_ascii=False)
            rows.append(
                f"  slot    {slot['event_type']:16} {_inline(slot['event'])}: {slot['slot']} wants {want}, got {got}"
            )
    return rows


def text_lines(summary: dict[str, Figures], docs: list[dict[str, Any]] | None) -> list[str]:
    """The whole text report: the table, the listing of `documents` when given, and the overall line."""
    return [*table_lines(summary), *(show_lines(docs) if docs is not None else []), overall_line(summary)]


def as_json(
    summary: dict[str, Figures],
    thresholds: dict[str, Any],
    docs: list[dict[str, Any]] | None,
    calibration: dict[str, Any] | None = None,
) -> str:
    """One JSON object: the figures per type and of all, the thresholds and what fell short, the listing and the
    calibration if asked."""
    obj: dict[str, Any] = {
        "figures": {kind: asdict(f) for kind, f in summary.items()},
        "thresholds": thresholds,
    }
    if docs is not None:
        obj["documents"] = docs
    if calibration is not None:
        obj["calibration"] = calibration
    return json.dumps(obj, ensure_ascii=False, indent=1)
