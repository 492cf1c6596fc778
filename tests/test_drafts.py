"""Drafts are typed: each event unit's draft fields are fields of its contract model, and the drafts the recognizers
read from the fixture articles hold only those keys, with values of those types."""

from __future__ import annotations

import types
from typing import Any, Union, get_args, get_origin, get_type_hints

import pytest
import typing_extensions
from pydantic import BaseModel, TypeAdapter

from extractor.events.draft import Draft
from extractor.events.earnings_preview.model import Metric, MetricFields
from extractor.events.registry import units
from extractor.facts.analysis import ArticleView
from extractor.io.inputs import make_article
from extractor.pipeline import Extractor
from tests.conftest import FIXTURES

UNITS = {u.event_type: u for u in units()}


def _without_none(annotation: Any) -> Any:
    """An annotation with None taken out of its union ('Money | None' -> Money)."""
    if get_origin(annotation) in (Union, types.UnionType):
        kept = [a for a in get_args(annotation) if a is not type(None)]
        return kept[0] if len(kept) == 1 else Union[tuple(kept)]  # noqa: UP007
    return annotation


def _field_pairs() -> list[tuple[str, type[Any], type[BaseModel]]]:
    pairs = [(t, u.draft_fields, u.model) for t, u in UNITS.items()]
    return [*pairs, ("metric", MetricFields, Metric)]


@pytest.mark.parametrize(("name", "fields", "model"), _field_pairs(), ids=[p[0] for p in _field_pairs()])
def test_draft_fields_are_fields_of_the_contract_model_with_the_same_types(name, fields, model):
    hints = get_type_hints(fields)
    assert typing_extensions.is_typeddict(fields) and hints
    model_hints = get_type_hints(model)
    for key, annotation in hints.items():
        assert key in model.model_fields, f"{name}: draft field {key!r} is not a field of {model.__name__}"
        if get_origin(annotation) is list and get_args(annotation)[0] is MetricFields:
            assert model_hints[key] == list[Metric]
            continue
        assert _without_none(annotation) == _without_none(model_hints[key]), f"{name}.{key}"


class _Checking:
    """A recognizer that checks every draft it passes on against its unit's draft fields."""

    def __init__(self, inner: Any, adapter: TypeAdapter[Any], seen: dict[str, set[str]]) -> None:
        self.inner, self.adapter, self.seen = inner, adapter, seen

    def extract(self, view: ArticleView) -> list[Draft[Any]]:
        drafts = self.inner.extract(view)
        for d in drafts:
            self.adapter.validate_python(d.fields, strict=True)
            self.seen.setdefault(d.event_type, set()).update(d.fields)
        return drafts


def test_the_drafts_read_from_the_fixtures_hold_only_their_units_fields(extractor):
    seen: dict[str, set[str]] = {}
    checking = [_Checking(u.recognizer(), TypeAdapter(u.draft_fields), seen) for u in UNITS.values()]
    typed = Extractor(loaded=extractor.model, gazetteer=extractor.gazetteer, fx=extractor.fx, recognizers=checking)
    for path in sorted((FIXTURES / "articles").glob("*.txt")):
        typed.extract_article(make_article(path.name, path.read_text(encoding="utf-8")))
    # every event type, and most of its fields, were read somewhere: the check saw real drafts
    assert set(seen) == set(UNITS)
    for event_type, keys in seen.items():
        assert len(keys) >= len(get_type_hints(UNITS[event_type].draft_fields)) // 2, event_type


def test_a_draft_with_a_field_its_model_lacks_fails_the_check():
    adapter = TypeAdapter(UNITS["deal"].draft_fields)
    with pytest.raises(ValueError, match="price_per_share"):
        adapter.validate_python({"parties": ["A"], "price_per_share": 3.0}, strict=True)
