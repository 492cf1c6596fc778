"""HTML pages saved from the web: the article's main text and its publication date (trafilatura)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from trafilatura.settings import Document

HTML_SUFFIXES = (".html", ".htm")
#: metadata only: no guessing a date from the body or the URL
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


@dataclass(frozen=True, slots=True)
class Page:
    """The main text of a web page, its title and publication date (from metadata)."""

    text: str
    title: str | None
    published: dt.date | None


def page_text(html: str) -> Page:
    """The main text of an HTML page (boilerplate removed) and its metadata date, if any."""
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("htmldate").setLevel(logging.CRITICAL)
    # a Document (or None): a dict only with as_dict=True, left at its default False
    doc = cast(
        "Document | None",
        trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            date_extraction_params=_DATE_PARAMS,
        ),
    )
    if doc is None:
        return Page("", None, None)
    return Page(doc.text or "", doc.title or None, _iso_day(doc.date))


def _iso_day(value: object) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
