"""The pieces of output contract v1 that every event type shares: money, percentages, evidence, the event base."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_VERSION: Literal["1"] = "1"

Qualifier = Literal["exact", "about", "over", "under", "up_to", "at_least", "range"]

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ISO_DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Located(Generic[T]):
    """A parsed item with the character offsets of its mention in the parsed text."""

    start: int
    end: int
    item: T


class Strict(BaseModel):
    """A contract object: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")


class Money(Strict):
    """An amount of money as written, normalized to an ISO 4217 currency and converted."""

    #: frozen: the finders' memo (extractor/facts/memo.py) hands the same amount to every article that repeats it
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(description="the mention as written, e.g. 'up to $8.85 billion'")
    value: float = Field(description="in units of `currency`; the midpoint for a range")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code")
    qualifier: Qualifier = "exact"
    low: float | None = Field(default=None, description="lower bound of a range")
    high: float | None = Field(default=None, description="upper bound of a range")
    usd: float | None = Field(default=None, description="value in US dollars")
    rmb: float | None = Field(default=None, description="value in renminbi")
    fx_date: str | None = Field(default=None, pattern=ISO_DAY_PATTERN, description="date of the exchange rates used")


class Percentage(Strict):
    """A percentage as written; `value` is in percent (3.86 means 3.86 %)."""

    model_config = ConfigDict(extra="forbid", frozen=True)  # shared by the finders' memo, as Money

    text: str
    value: float
    qualifier: Qualifier = "exact"
    low: float | None = None
    high: float | None = None


#: what an entity is: a company or fund (a deal party, a company reporting), or a body (an issuer of measures)
CompanyKind = Literal["company", "fund"]
BodyKind = Literal["government", "regulator", "central_bank", "exchange"]
EntityKind = Literal[CompanyKind, BodyKind]
#: the Legal Entity Identifier (ISO 17442): 18 letters or digits and two check digits
LEI_PATTERN = r"^[A-Z0-9]{18}[0-9]{2}$"


class Entity(Strict):
    """A name as the article wrote it, resolved: its canonical name, kind and, where known, identifiers.

    A name the gazetteers know (an alias, an upper-case form, a stock code) resolves to their entry; any other keeps
    a cleaned form of itself as `canonical` (no leading 'the', no legal form, ALL-CAPS in ordinary case), with no
    identifiers and `known` false.
    """

    name: str = Field(description="the name as written in the article")
    canonical: str = Field(description="the gazetteer's name for the entity, else the written name cleaned")
    kind: EntityKind = Field(description="company, fund, or the kind of government body")
    tickers: list[str] = Field(
        default_factory=list,
        description="listings in normalised form: '01801.HK', '688235.SH', '000001.SZ', a bare US symbol ('LLY'), "
        "else exchange-qualified ('4568.T')",
    )
    lei: str | None = Field(
        default=None, pattern=LEI_PATTERN, description="Legal Entity Identifier (ISO 17442); null when unknown"
    )
    known: bool = Field(description="true when a gazetteer (bundled or --gazetteer) knows the entity")


class Evidence(Strict):
    """A sentence an event was read from; `text == article_text[start:end]`."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Span(Strict):
    """Character offsets into the article text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class ReadValue(Strict):
    """One value an article gives for a field, with how often and where it gives it."""

    text: str | None = Field(description="as written (null for a percentage, whose wording is not kept)")
    value: Money | float = Field(description="as parsed: an amount, or a number (percent for a percentage)")
    mentions: int = Field(ge=1, description="how many passages give this value (or a rounding of it)")
    kept: bool = Field(description="true for the value the event keeps")
    evidence: list[Span] = Field(min_length=1, description="the sentences that give it")


class Conflict(Strict):
    """A field for which the article gives values that differ beyond rounding."""

    field: str = Field(description="the field, e.g. 'upfront'; a metric's as 'metrics.net_profit.value'")
    values: list[ReadValue] = Field(min_length=2, description="every value given, the kept one first")


class Report(Strict):
    """Another article's report of the same real-world event (`extractor dedupe`)."""

    doc_id: str
    event_id: str


class EventBase(Strict):
    """What every event carries, whatever its type."""

    schema_version: Literal["1"] = SCHEMA_VERSION
    event_id: str = Field(description="deterministic id: same input, same id")
    doc_id: str
    event_date: str | None = Field(default=None, pattern=DATE_PATTERN)
    evidence: list[Evidence] = Field(min_length=1)
    confidence: float = Field(ge=0.0, le=1.0)
    event_key: str | None = Field(
        default=None,
        description="equal for reports of the same real-world event in different articles (recipe: docs/contract.md)",
    )
    conflicts: list[Conflict] = Field(
        default_factory=list, description="fields for which the article gives values that differ beyond rounding"
    )
    also_reported_in: list[Report] = Field(
        default_factory=list, description="later reports of the same event, folded into this one by `extractor dedupe`"
    )
    #: the signals the confidence was computed from (not serialised; read by corpus/calibrate.py)
    _signals: dict[str, float] = PrivateAttr(default_factory=dict)
