"""HTML from the page models, through the jinja2 templates shipped in extractor/render/templates."""

from __future__ import annotations

import hashlib
import re
from functools import cache

import jinja2

from extractor.render.index import Index
from extractor.render.page import Page, palette

INDEX = "index.html"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("extractor.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def page_html(page: Page, index_href: str = INDEX) -> str:
    """The HTML file of one article's page; `index_href` is the link back to the set."""
    return _environment().get_template("page.html.jinja").render(page=page, palette=palette(), index_href=index_href)


def index_html(index: Index) -> str:
    """The HTML file of the index page."""
    return _environment().get_template("index.html.jinja").render(index=index, palette=palette())


class PageNames:
    """File names for the pages of a set: the doc_id made safe, unique within the set, never the index's."""

    def __init__(self) -> None:
        """An empty set, with the index's name taken."""
        self.taken = {INDEX.lower()}

    def name(self, doc_id: str) -> str:
        """The file name of a doc_id's page ('notes/etf.txt' -> 'notes_etf.txt.html'); a clash gets a hash of the id."""
        stem = _UNSAFE.sub("_", doc_id).strip("._")[:120] or "article"
        name = f"{stem}.html"
        if name.lower() in self.taken:
            name = f"{stem}-{hashlib.sha256(doc_id.encode('utf-8', 'surrogatepass')).hexdigest()[:10]}.html"
        self.taken.add(name.lower())
        return name
