"""News event extractor: market events from financial news as schema-validated JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from extractor.errors import ExtractionError
from extractor.facts.amounts import find_amounts, parse_amounts
from extractor.facts.percentages import find_percentages, parse_percentages
from extractor.models import (
    Deal,
    DocumentRecord,
    EarningsPreview,
    EtfMove,
    Evidence,
    Metric,
    Money,
    Percentage,
    PolicyChange,
)

if TYPE_CHECKING:
    import datetime as dt

    from extractor.models import Event
    from extractor.pipeline import Extractor

    #: the Extractor `extract` uses, made on its first call (until then the name is unbound)
    _default: Extractor

__version__ = "0.1.0"

__all__ = [
    "Deal",
    "DocumentRecord",
    "EarningsPreview",
    "EtfMove",
    "Evidence",
    "ExtractionError",
    "Extractor",
    "FxRatesError",
    "Metric",
    "Money",
    "Percentage",
    "PolicyChange",
    "__version__",
    "extract",
    "find_amounts",
    "find_percentages",
    "parse_amounts",
    "parse_percentages",
]


def __getattr__(name: str) -> Any:
    """Import the Extractor (and spaCy) and the rate-file error only when they are asked for."""
    if name == "Extractor":
        from extractor.pipeline import Extractor

        return Extractor
    if name == "FxRatesError":
        from extractor.fx_source import FxRatesError

        return FxRatesError
    raise AttributeError(name)


def extract(text: str, published: dt.date | str | None = None, doc_id: str | None = None) -> list[Event]:
    """Events of one article with a shared default Extractor (loaded on first use)."""
    global _default
    try:
        extractor = _default
    except NameError:
        from extractor.pipeline import Extractor

        extractor = _default = Extractor()
    return extractor.extract(text, published=published, doc_id=doc_id)
