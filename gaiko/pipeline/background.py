"""An act told as the time of another comes after it (issue 12, round t36).

corpora/events/README.md: "Main clause first" (the act of the main clause is what the sentence is about). An act
named in an "after", "following" or "since" phrase or clause of another act's verb ("had frozen aid to Egypt after
the killing of protesters", "declared martial law hours after the invasion began", "menaced Pakistan with punitive
action after gunmen attacked the parliament") tells when the main act happened; when the coder drafted it with a
confidence as high as the main act's, it is put below it. Data: ``gaiko/data/primary/background.yaml``. Measured in
docs/rounds/accuracy.md ("Kinds round t36").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .eventrecord import Draft

__all__ = ["background_acts"]


@lru_cache(maxsize=None)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(words heading a time phrase or clause, types whose draft may be put below, main verbs of what people
    underwent) of ``primary/background.yaml``.

    Raises :class:`gaiko.errors.DataFileError` when a list is missing or not a list of strings."""
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    path = data_path("primary/background.yaml")
    data = load_yaml(path) or {}
    out = []
    for k in ("time_words", "types", "undergone"):
        v = data.get(k)
        if not isinstance(v, list) or not all(isinstance(w, str) for w in v):
            raise DataFileError(str(path), f"'{k}' must be a list of words")
        out.append(frozenset(w if k == "types" else w.lower() for w in v))
    return out[0], out[1], out[2]


def _time_head(tok: Token, time_words: frozenset[str]) -> Token | None:
    """The verb whose time phrase or clause ("after the killing of", "hours after the invasion began") holds ``tok``,
    or None when ``tok`` is in none."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return None
        if cur.dep_ == "prep" and cur.lower_ in time_words and cur.head.pos_ in ("VERB", "AUX"):
            return cur.head
        # an adverbial clause; a clause the parser hung as a complement ("declared martial law hours after the
        # invasion began": "law ... began" read as what was declared) with "after" is a time all the same
        if cur.dep_ in ("advcl", "ccomp") and any(c.dep_ == "mark" and c.lower_ in time_words for c in cur.children):
            return cur.head
        cur = cur.head
    return None


def background_acts(drafts: list[Draft]) -> list[Draft]:
    """The drafts, each draft of a listed type inside an "after/following/since" phrase or clause of another draft's
    verb put just below that draft when it was not already (confidences change in place; the list is returned)."""
    from .primacy import _outrank

    time_words, types, undergone = _words()
    for d in drafts:
        if d.event_type not in types:
            continue
        head = _time_head(d.cand.tok, time_words)
        if head is None or head.lemma_.lower() in undergone:
            continue
        main = [m for m in drafts if m is not d and m.cand.anchor.i == head.i and m.event_type != d.event_type]
        if main:
            best = max(main, key=lambda m: m.confidence)
            if best.confidence <= d.confidence:
                _outrank([best], [d])
    return drafts
