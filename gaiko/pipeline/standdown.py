"""Where the learned type model may not add an event no rule drafted (issue 12, round t41).

The type model (:mod:`gaiko.pipeline.typemodel`) reads an act noun as an act wherever it stands. Three
constructions tell a noun's act as no act of the sentence, and the model's event there stands down
(:func:`stands_down`): the noun is the subject of a verb under *could/might/may* (a possibility: "a ransomware
attack could cripple the hospital"), of a verb of lasting in the perfect (a state that goes on: "the blockade has
lasted three years"; a meeting that "lasted two hours" was held), or of a verb of failing with no complement ("the
talks had failed"; not "failed to calm the protesters"). And an act the model adds at a verb of what people underwent ("fled
their homes") goes below an act the rules drafted in that verb's "after" clause (:func:`undergone_below`).
Data: ``gaiko/data/primary/standdown.yaml``; measured in docs/rounds/accuracy.md ("Kinds round t41").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .eventrecord import Draft

__all__ = ["stands_down", "undergone_below"]

_KEYS = ("modals", "lasting", "failing", "undergone", "pledged")


@lru_cache(maxsize=None)
def _words() -> dict[str, frozenset[str]]:
    """The lists of ``primary/standdown.yaml`` by key (lower-cased words).

    Raises :class:`gaiko.errors.DataFileError` when a list is missing or not a list of strings."""
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    path = data_path("primary/standdown.yaml")
    data = load_yaml(path) or {}
    out: dict[str, frozenset[str]] = {}
    for k in _KEYS:
        v = data.get(k)
        if not isinstance(v, list) or not all(isinstance(w, str) for w in v):
            raise DataFileError(str(path), f"'{k}' must be a list of words")
        out[k] = frozenset(w.lower() for w in v)
    return out


def stands_down(tok: Token) -> bool:
    """Whether a model event at ``tok`` (an act noun) stands down: ``tok`` is the subject of a verb under a modal
    of possibility, of a verb of lasting or of a verb of failing (``standdown.yaml``); or ``tok`` is a verb of
    pledging in a relative clause of a noun with a pronoun subject ("the aid it pledged": ``pledged``, round
    t42)."""
    if tok.dep_ == "relcl" and tok.pos_ == "VERB" and tok.head.pos_ in ("NOUN", "PROPN") \
            and tok.lemma_.lower() in _words()["pledged"]:
        # only with a pronoun subject and no "in which": "the speech in which the president vowed to defend ..." is
        # the president's act (batch 38, tuned: THREATEN)
        return any(c.dep_ == "nsubj" and c.pos_ == "PRON" and c.lower_ not in ("who", "which", "that")
                   for c in tok.children) and not any(c.dep_ == "prep" for c in tok.children
                                                      if any(g.lower_ == "which" for g in c.children))
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    head = tok.head
    if head.pos_ not in ("VERB", "AUX"):
        return False
    w = _words()
    lemma = head.lemma_.lower()
    if lemma in w["lasting"]:
        # only a state that goes on ("has lasted three years"): a meeting that "lasted two hours" was held, and the
        # writers code it (tuned parts of batches 35-37: 3 sentences, CONSULT)
        return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in head.children)
    if lemma in w["failing"]:
        # "the talks failed", not "the abandonment of the tax failed to calm the protesters" (the act happened)
        return not any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in head.children)
    return any(c.dep_ == "aux" and c.lower_ in w["modals"] for c in head.children)


def undergone_below(drafts: list[Draft]) -> list[Draft]:
    """The drafts, a draft of the model at a verb of what people underwent (``undergone``: "fled") put below a
    draft in that verb's "after/following/since" clause or phrase ("fled their homes after rebels attacked
    the town"). Confidences change in place; the list is returned."""
    from .background import _time_head, _words as _time_words
    from .primacy import _outrank

    under = _words()["undergone"]
    time_words = _time_words()[0]
    for d in drafts:
        if d.decided_by != "model" or d.cand.anchor.lemma_.lower() not in under:
            continue
        held = [m for m in drafts if m is not d and m.cand.anchor.lemma_.lower() not in under
                and (h := _time_head(m.cand.tok, time_words)) is not None and h.i == d.cand.anchor.i]
        if held:
            best = max(held, key=lambda m: m.confidence)
            if best.confidence <= d.confidence:
                _outrank([best], [d])
    return drafts
