"""The fitted role-name proposer: the names of an article above a probability, each in the sentence it falls in."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from extractor.contract import Located
from extractor.datafiles import TableError, load_json
from extractor.facts.analysis import ArticleView, Facts, OrgRef, clean_org_text, company_key
from extractor.facts.names import not_name_words
from extractor.proposer.features import DIM, Span, features, hashed, span_counts, spans

#: a proposal at least this probable may hold a digit, which `clean_org_text` refuses in the NER's names ('Turri 2k')
SURE = 0.9
#: the kind of a proposed company (a proposed body takes its kind from `proposed_body_heads`)
PROPOSED = "proposed"


@dataclass(frozen=True)
class RoleNameModel:
    """The weights of role_names.json, ready to score candidate spans."""

    weights: dict[int, float]
    threshold: float
    trained_on: tuple[str, ...] = ()

    def propose(self, text: str, within: list[tuple[int, int]] | None = None) -> list[tuple[int, int, float]]:
        """(start, end, probability) of the text's names at or above the threshold, none overlapping another (the
        more probable wins), in text order; with `within`, only those of the groups of overlapping candidates that
        touch one of those (start, end) ranges (groups never compete, so these names are the same)."""
        cands, toks = spans(text)
        counts = span_counts(cands, toks)
        weights = self.weights
        scored = []
        for c in cands if within is None else _touching(cands, within):
            z = math.fsum(weights.get(i, 0.0) for i in hashed(features(text, c, toks, counts)))
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            if p >= self.threshold:
                scored.append((c[0], c[1], p))
        chosen: list[tuple[int, int, float]] = []
        for start, end, p in sorted(scored, key=lambda s: (-s[2], s[0], s[1])):
            if not any(a < end and start < b for a, b, _ in chosen):
                chosen.append((start, end, p))
        return sorted(chosen)


def _touching(cands: list[Span], within: list[tuple[int, int]]) -> list[Span]:
    """The candidates whose group (candidates joined by overlapping one another) touches one of the ranges."""
    kept: list[Span] = []
    group: list[Span] = []
    group_end = -1
    for c in [*sorted(cands, key=lambda c: (c[0], c[1])), None]:
        if c is not None and c[0] < group_end:
            group.append(c)
            group_end = max(group_end, c[1])
            continue
        if group and any(a < group_end and group[0][0] < b for a, b in within):
            kept += group
        if c is not None:
            group, group_end = [c], c[1]
    return kept


@cache
def role_name_model() -> RoleNameModel:
    """The proposer shipped in extractor/data/role_names.json."""
    table = load_json("role_names.json")
    if table["dim"] != DIM:
        raise TableError(f"extractor/data/role_names.json: key 'dim': {table['dim']} features, the hashing makes {DIM}")
    weights = {int(k): float(v) for k, v in table["weights"].items()}
    if any(k >= DIM for k in weights):
        raise TableError("extractor/data/role_names.json: key 'weights': a feature index beyond 'dim'")
    return RoleNameModel(weights, float(table["threshold"]), tuple(table["trained_on"]))


@cache
def _body_heads() -> tuple[tuple[str, str], ...]:
    """(head, body kind) of `proposed_body_heads`, longest head first."""
    heads: dict[str, str] = load_json("organization_words.json")["proposed_body_heads"]
    return tuple(sorted(heads.items(), key=lambda kv: -len(kv[0])))


def proposed_kind(name: str) -> str:
    """A proposed name's kind: the body kind its head (the words before ' of ') ends in, else `PROPOSED`."""
    head = name.split(" of ", 1)[0]
    for words, kind in _body_heads():
        if head == words or head.endswith(" " + words):
            return kind
    return PROPOSED


def _no_name(name: str) -> bool:
    """A proposal made only of words that make no name on their own ('United States', 'March')."""
    return all(w.lower() in not_name_words() for w in name.split())


def add_proposed_names(
    view: ArticleView, wanted: list[Facts] | None = None, model: RoleNameModel | None = None
) -> None:
    """Read the whole article once and add each proposed name to the `Facts` of the sentence it falls in, of the
    `wanted` sentences only when given (those where a role lacks a name)."""
    if wanted is not None and not wanted:
        return
    model = model or role_name_model()
    text = view.article.text
    found = model.propose(text, None if wanted is None else [(f.sentence.start, f.sentence.end) for f in wanted])
    if not found:
        return
    for f in view.facts if wanted is None else wanted:
        s = f.sentence
        if text[s.start : s.end] != s.text:
            continue  # sentences given apart from the text (their offsets say nothing of it)
        names: list[Located[OrgRef]] = []
        for start, end, p in found:
            if start < s.start or end > s.end:
                continue
            written = text[start:end]
            name = clean_org_text(written, sure=p >= SURE)
            if not name or _no_name(name):
                continue
            at = start - s.start + written.find(name)
            kind = proposed_kind(name)
            names.append(
                Located(at, at + len(name), OrgRef(name, company_key(name) if kind == PROPOSED else name, kind))
            )
        if names:
            f.add_proposed(names)
