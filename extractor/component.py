"""The spaCy component `news_events`: events of a Doc on `doc._.news_events`.

Names carry the package's prefix so they cannot clash with other packages' components and extensions.
The names of earlier releases (`financial_events`, `doc._.events`, `doc._.event_warnings`,
`doc._.published`) still work for one release and warn that they are deprecated.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from typing import Protocol, cast

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.contract import Located
from extractor.facts.analysis import OrgRef, clean_org_text, company_key
from extractor.facts.sentences import Sentence, split_sentences
from extractor.io.inputs import make_article, parse_published
from extractor.nlp import LoadedModel, model_label

#: the component's name, and the Doc extensions it reads and writes
FACTORY = "news_events"
EVENTS, WARNINGS, PUBLISHED = "news_events", "news_event_warnings", "news_published"
#: names of earlier releases: old name -> new name
DEPRECATED = {"events": EVENTS, "event_warnings": WARNINGS}


def _deprecated(old: str, new: str) -> Callable[[Doc], object]:
    def getter(doc: Doc) -> object:
        warnings.warn(f"doc._.{old} is deprecated: read doc._.{new}", DeprecationWarning, stacklevel=2)
        return doc._.get(new)

    return getter


for _name in (EVENTS, WARNINGS, PUBLISHED):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _old, _new in DEPRECATED.items():
    if not Doc.has_extension(_old):
        Doc.set_extension(_old, getter=_deprecated(_old, _new))
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)  # deprecated input: doc._.news_published


class _Sentenced(Protocol):
    """A Span as it is at run time: spaCy's stub (span.pyi) leaves out `Span.sents`."""

    @property
    def sents(self) -> Iterator[Span]: ...


class FinancialEvents:
    """Reads market events from a Doc, using its sentences and ORG entities where it has them."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        published: str | None,
        doc_id: str,
        fx_rates: str | None = None,
        gazetteer: str | None = None,
    ) -> None:
        """Set up the extractor core without loading another model: the host pipeline is the model.

        `fx_rates` is an ECB rate file (eurofxref-hist zip or CSV) to convert with instead of the bundled table;
        `gazetteer` a JSONL or CSV file of companies, funds and bodies to add to or replace the bundled entries.
        """
        from extractor.pipeline import Extractor

        self.extractor = Extractor(
            loaded=LoadedModel(None, model_label(nlp.meta, "pipeline")), fx_rates=fx_rates, gazetteer_file=gazetteer
        )
        self.published = parse_published(published) if published else None
        self.doc_id = doc_id
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Set doc._.news_events (a list of contract events) and doc._.news_event_warnings."""
        published = doc._.get(PUBLISHED)
        if published is None and doc._.published is not None:
            warnings.warn("doc._.published is deprecated: set doc._.news_published", DeprecationWarning, stacklevel=2)
            published = doc._.published
        if isinstance(published, str):
            published = parse_published(published)
        article = make_article(self.doc_id, doc.text, None, published or self.published)
        sentences = self._sentences(doc, article.body_start)
        ner = self._orgs(doc, sentences)
        record = self.extractor.extract_article(article, sentences, ner)
        doc._.set(EVENTS, record.events)
        doc._.set(WARNINGS, record.warnings)
        return doc

    @staticmethod
    def _sentences(doc: Doc, body_start: int) -> list[Sentence]:
        if not doc.has_annotation("SENT_START"):
            return split_sentences(doc.text, body_start)
        out: list[Sentence] = []
        for paragraph in split_sentences(doc.text, body_start):
            # keep line-based paragraphs from our splitter, sentence bounds from the pipeline
            span = doc.char_span(paragraph.start, paragraph.end, alignment_mode="expand")
            pieces = list(cast(_Sentenced, span).sents) if span is not None else []
            bounds = [(max(s.start_char, paragraph.start), min(s.end_char, paragraph.end)) for s in pieces] or [
                (paragraph.start, paragraph.end)
            ]
            for start, end in bounds:
                text = doc.text[start:end].strip()
                if text:
                    start = doc.text.index(text, start)
                    out.append(Sentence(len(out), paragraph.paragraph, start, start + len(text), text))
        return _dedupe(out)

    @staticmethod
    def _orgs(doc: Doc, sentences: list[Sentence]) -> dict[int, list[Located[OrgRef]]]:
        found: dict[int, list[Located[OrgRef]]] = {}
        for ent in doc.ents:
            if ent.label_ != "ORG":
                continue
            name = clean_org_text(ent.text)
            if not name:
                continue
            for s in sentences:
                if s.start <= ent.start_char < s.end:
                    start = ent.start_char - s.start + max(0, ent.text.find(name))
                    found.setdefault(s.index, []).append(
                        Located(start, start + len(name), OrgRef(name, company_key(name), "ner"))
                    )
                    break
        return found


def _dedupe(sentences: list[Sentence]) -> list[Sentence]:
    seen: set[tuple[int, int]] = set()
    out: list[Sentence] = []
    for s in sentences:
        if (s.start, s.end) not in seen:
            seen.add((s.start, s.end))
            out.append(Sentence(len(out), s.paragraph, s.start, s.end, s.text))
    return out


#: the settings of the component, as `nlp.add_pipe(FACTORY, config={...})` takes them
DEFAULT_CONFIG = {"published": None, "doc_id": "doc", "fx_rates": None, "gazetteer": None}


@Language.factory(FACTORY, default_config=DEFAULT_CONFIG)
def make_news_events(
    nlp: Language, name: str, published: str | None, doc_id: str, fx_rates: str | None, gazetteer: str | None
) -> FinancialEvents:
    """Factory of the `news_events` component (also declared as a spacy_factories entry point)."""
    return FinancialEvents(nlp, name, published, doc_id, fx_rates, gazetteer)


@Language.factory("financial_events", default_config=DEFAULT_CONFIG)
def make_financial_events(
    nlp: Language, name: str, published: str | None, doc_id: str, fx_rates: str | None, gazetteer: str | None
) -> FinancialEvents:
    """The component under its deprecated name `financial_events`: use `news_events`."""
    warnings.warn("the 'financial_events' component is deprecated: add 'news_events'", DeprecationWarning, stacklevel=2)
    return FinancialEvents(nlp, name, published, doc_id, fx_rates, gazetteer)
