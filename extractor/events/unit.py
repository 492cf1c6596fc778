"""What the pipeline knows of one event type, in one object: its model, recognizer, merge rule and money."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from extractor.contract import Entity, EntityKind, EventBase, Money
from extractor.events.draft import Draft, Recognizer, is_figure, reading
from extractor.events.key import KeyContext, KeyParts
from extractor.facts.analysis import ArticleView, Facts

#: combines a value read later into a draft's field: (target draft, field name, value)
Combiner = Callable[[Draft[Any], str, Any], None]
#: converts one amount (to USD and RMB at the event's date)
Converter = Callable[[Money], Money]
#: where a figure lives in a draft's fields: (the dict that holds it, its key there)
Place = tuple[dict[str, Any], str]
#: an event type's recipe for its event key: (who, what, when) of an event, or None when it cannot tell
Identity = Callable[[Any, KeyContext], KeyParts | None]
#: resolves a name as written to its entity; the kind is that of a name no gazetteer knows
Resolver = Callable[[str, EntityKind], Entity]
#: reads the drafts of one sentence (by index) that the detector flags for the type, with the type's role readers
SentenceReader = Callable[[ArticleView, int], list[Draft[Any]]]


def fill(target: Draft[Any], name: str, value: Any) -> None:
    """The default combiner: the first value read wins."""
    target.fill(name, value)


def top_level_figures(fields: dict[str, Any]) -> dict[str, Place]:
    """The default figures of an event: every field holding an amount or a number, by its name."""
    return {name: (fields, name) for name, value in fields.items() if is_figure(value)}


@dataclass(frozen=True)
class EventUnit:
    """One event type: everything merge, assembly, the pipeline and the schema writer need to know of it."""

    #: the contract's `event_type`
    event_type: str
    #: the contract model its events validate against
    model: type[EventBase]
    #: builds the recognizer that reads its drafts from an article
    recognizer: Callable[[], Recognizer]
    #: whether two drafts of one article speak of the same event
    same: Callable[[Draft[Any], Draft[Any]], bool]
    #: the `TypedDict` of its drafts' fields (keys that are fields of `model`), checked against real drafts by tests
    draft_fields: type[Any]
    #: fields holding one Money, in the order they are converted
    money_fields: tuple[str, ...] = ()
    #: how a field absorbs the value of a merged draft (default: `fill`, the first value wins)
    combiners: Mapping[str, Combiner] = field(default_factory=dict)
    #: converts the amounts of fields that are not plain Money (a list of metrics); after `money_fields`
    convert_more: Callable[[dict[str, Any], Converter], None] | None = None
    #: True for a sentence where a role of this type still lacks a name the statistical model could find
    needs_names: Callable[[Facts], bool] | None = None
    #: the sentences whose names its readers look up for the sentences that need names (an article's lead, which names
    #: its subject): the model reads them too, when a reader first calls `ArticleView.read_context`, and their names are
    #: kept apart (`Facts.context_orgs`)
    context_names: Callable[[ArticleView, list[Facts]], list[Facts]] | None = None
    #: an event the text does not date is dated by the article's publication day
    dated_by_publication: bool = False
    #: an event that neither its sentences, the lead nor a dateline dates is the news of the publication day (a
    #: company's preview told as news); the confidence still reads it as undated
    news_of_the_day: bool = False
    #: the figures of a draft whose disagreements are conflicts, by slot (default: the top-level amounts and numbers)
    figures: Callable[[dict[str, Any]], dict[str, Place]] = top_level_figures
    #: the recipe of its event key (docs/contract.md); None gives every event a key of its own
    identity: Identity | None = None
    #: fields of names resolved to entities: name field -> (its entity field, the kind of a name no gazetteer knows);
    #: a list of names gets a list of entities, in the same order, and keeps one name (the first) per entity
    entities: Mapping[str, tuple[str, EntityKind]] = field(default_factory=dict)
    #: reads a sentence the trained detector flags for this type where no rule drafted it (None: flags are ignored)
    read_flagged: SentenceReader | None = None

    def combine(self, target: Draft[Any], other: Draft[Any]) -> None:
        """Fold the fields of `other` into `target`, field by field, keeping every figure `other` read as a reading."""
        for slot, (where, key) in self.figures(target.fields).items():
            target.reading_list(slot, where[key], where.get(f"{key}_range"))
        for slot, (where, key) in self.figures(other.fields).items():
            theirs = other.readings.get(slot) or [reading(where[key], where.get(f"{key}_range"), other)]
            target.readings.setdefault(slot, []).extend(theirs)
        for name, value in other.fields.items():
            self.combiners.get(name, fill)(target, name, value)

    def resolve_names(self, fields: dict[str, Any], resolve: Resolver) -> None:
        """Add the entity of every name field to a draft's fields; a list of names ('Mengniu', 'China Mengniu Dairy
        Company') keeps the first name of each entity, and gets their entities in the same order."""
        for name, (target, kind) in self.entities.items():
            value = fields.get(name)
            if isinstance(value, list):
                unique: dict[str, tuple[str, Entity]] = {}
                for written in value:
                    entity = resolve(written, kind)
                    unique.setdefault(entity.canonical.casefold(), (written, entity))
                fields[name] = [written for written, _ in unique.values()]
                fields[target] = [entity for _, entity in unique.values()]
            elif isinstance(value, str):
                fields[target] = resolve(value, kind)

    def convert(self, fields: dict[str, Any], convert: Converter) -> None:
        """Convert every amount of a draft's fields in place."""
        for name in self.money_fields:
            if isinstance(fields.get(name), Money):
                fields[name] = convert(fields[name])
        if self.convert_more is not None:
            self.convert_more(fields, convert)
