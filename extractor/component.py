"""The spaCy component `financial_events`: events of a Doc on `doc._.events`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol, cast

from spacy.language import Language
from spacy.tokens import Doc, Span

from extractor.contract import Located
from extractor.facts.analysis import OrgRef, clean_org_text
from extractor.facts.sentences import Sentence, split_sentences
from extractor.io.inputs import make_article, parse_published
from extractor.nlp import LoadedModel

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)
if not Doc.has_extension("event_warnings"):
    Doc.set_extension("event_warnings", default=None)
if not Doc.has_extension("published"):
    Doc.set_extension("published", default=None)


class _Sentenced(Protocol):
    """A Span as it is at run time: spaCy's stub (span.pyi) leaves out `Span.sents`."""

    @property
    def sents(self) -> Iterator[Span]: ...


class FinancialEvents:
    """Reads market events from a Doc, using its sentences and ORG entities where it has them."""

    def __init__(self, nlp: Language, name: str, published: str | None, doc_id: str) -> None:
        """Set up the extractor core without loading another model: the host pipeline is the model."""
        from extractor.pipeline import Extractor

        label = f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', 'pipeline')}-{nlp.meta.get('version', '?')}"
        self.extractor = Extractor(loaded=LoadedModel(None, label))
        self.published = parse_published(published) if published else None
        self.doc_id = doc_id
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Set doc._.events (a list of contract events) and doc._.event_warnings."""
        published = doc._.published
        if isinstance(published, str):
            published = parse_published(published)
        article = make_article(self.doc_id, doc.text, None, published or self.published)
        sentences = self._sentences(doc, article.body_start)
        ner = self._orgs(doc, sentences)
        record = self.extractor.extract_article(article, sentences, ner)
        doc._.events = record.events
        doc._.event_warnings = record.warnings
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
                    found.setdefault(s.index, []).append(Located(start, start + len(name), OrgRef(name, name, "ner")))
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


@Language.factory(
    "financial_events",
    default_config={"published": None, "doc_id": "doc"},
)
def make_financial_events(nlp: Language, name: str, published: str | None, doc_id: str) -> FinancialEvents:
    """Factory of the `financial_events` component (also declared as a spacy_factories entry point)."""
    return FinancialEvents(nlp, name, published, doc_id)
