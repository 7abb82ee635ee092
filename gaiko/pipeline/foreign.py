"""Sentences of an English article written in another language, which no coder reads (round a36).

The input check (:func:`gaiko.ingest_checks.check_english`) samples the first 5,000 characters of an article; a
quoted paragraph in Spanish or Arabic further on passed it and was coded as if it were English. Each sentence is
checked here on its own (:func:`gaiko.ingest_checks.not_english_part`); the event and pledge coders skip the
sentences found, and a warning names them ("article X: 2 sentences not in English left uncoded: ...").
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["foreign_sentences"]

_KEY = "gaiko.foreign"


def foreign_sentences(doc: Doc) -> frozenset[int]:
    """Start tokens of the sentences of ``doc`` that are not in English (cached in ``doc.user_data``); the first
    call warns once (``UserWarning``) with the article's id, the count and the first sentence's reason."""
    hit = doc.user_data.get(_KEY)
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    from ..docindex import sentences
    from ..ingest_checks import not_english_part
    from .state import get_state

    found: dict[int, str] = {}
    for sent in sentences(doc).spans:
        why = not_english_part(sent.text)
        if why is not None:
            found[sent.start] = why
    out = frozenset(found)
    doc.user_data[_KEY] = out
    if found:
        first = min(found)
        text = doc[first:first + 8].text
        warnings.warn(f"article {get_state(doc).article_id or '?'}: {len(found)} sentence(s) not in English left "
                      f"uncoded (the first, {text!r}...: {found[first]})", stacklevel=2)
    return out
