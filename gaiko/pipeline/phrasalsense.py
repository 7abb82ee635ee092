"""Phrasal verbs of leaving read by their bare verb (round x5, kind F6).

The learned type model reads a phrasal verb's bare verb: "the plane took off from Niamey" drafted ASSAULT (abduct,
as in "took hostages") and "the convoy set off from Dakar" AID. A draft at a verb whose particle
(``gaiko/data/primary/phrasal_senses.yaml`` ``pairs``) makes it a verb of departure or flight, and that has no direct
object, is no event and is dropped when its subject is a vehicle or a travelling party (``movers``; rework F6b);
with a direct object ("set off a car bomb") the verb keeps its other sense.
Measured in docs/rounds/accuracy.md ("Kinds round x5").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .eventrecord import Draft

__all__ = ["departure_veto"]

_FILE = "primary/phrasal_senses.yaml"


@lru_cache(maxsize=None)
def _pairs() -> frozenset[str]:
    """The "verb particle" pairs of ``primary/phrasal_senses.yaml``, lower-cased.

    Raises :class:`gaiko.errors.DataFileError` when ``pairs`` is not a list of two-word strings."""
    from ..errors import DataFileError
    from ..tables import data_path, word_lists

    pairs = word_lists(_FILE).get("pairs")
    if pairs is None or not all(len(p.split()) == 2 for p in pairs):
        raise DataFileError(str(data_path(_FILE)), "'pairs' must be a list of 'verb particle' strings")
    return frozenset(p.lower() for p in pairs)


@lru_cache(maxsize=None)
def _movers() -> frozenset[str]:
    """The ``movers`` of ``primary/phrasal_senses.yaml`` (vehicles and travelling parties), lower-cased."""
    from ..tables import word_lists

    return frozenset(w.lower() for w in word_lists(_FILE).get("movers", ()))


def _departure(tok: Token) -> bool:
    """Whether ``tok`` is a listed verb with its listed particle and no direct object."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = tok.lemma_.lower()
    pairs = _pairs()
    if not any(c.dep_ == "prt" and f"{lemma} {c.lower_}" in pairs for c in tok.children):
        return False
    if any(c.dep_ in ("dobj", "obj") for c in tok.children):
        return False
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() in _movers()  # F6b: a vehicle or a travelling party


def departure_veto(drafts: list[Draft]) -> list[Draft]:
    """The drafts less those at a phrasal verb of departure without an object (module docstring)."""
    return [d for d in drafts if not (_departure(d.cand.anchor) or _departure(d.cand.tok))]
