"""Idioms of "pay" that are no payment (round n46).

The learned type model reads "paid" as a transfer (AID) whatever it pays: "paid homage to the fallen" and "paid
close attention to the drills" are no aid, "paid a visit" is a visit. By the noun "pay" acts on
(``gaiko/data/primary/pay_idioms.yaml``) a draft at "pay" becomes SUPPORT (tribute, homage, respects), CONSULT with
mode visit (a visit, a courtesy call; dropped when the noun heads its own draft), or no event (attention, heed, a
price). A stated plan or threat ("would pay a heavy price") keeps its type; money ("pay $2 billion") is untouched.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .eventrecord import Draft

__all__ = ["pay_idioms"]

_KEEP = frozenset({"THREATEN", "AGREE", "REQUEST", "REJECT"})
_NEW = {"support": ("SUPPORT", "051"), "visit": ("CONSULT", "042")}


@lru_cache(maxsize=None)
def _lists() -> dict[str, tuple[str, ...]]:
    """The lists of ``primary/pay_idioms.yaml``, lower-cased.

    Raises :class:`gaiko.errors.DataFileError` when a list is missing or not a list of strings."""
    from ..errors import DataFileError
    from ..tables import data_path, word_lists

    data = word_lists("primary/pay_idioms.yaml")
    for k in ('verbs', 'support', 'visit', 'none'):
        if k not in data:
            raise DataFileError(str(data_path("primary/pay_idioms.yaml")), f"'{k}' must be a list of words")
    return {k: tuple(w.lower() for w in data[k]) for k in ('verbs', 'support', 'visit', 'none')}


def _kind(tok: Token) -> tuple[str, Token] | None:
    """("support" | "visit" | "none", the noun) for "pay" acting on a listed noun, else None."""
    from .retype import _listed

    w = _lists()
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in w["verbs"]:
        return None
    for c in tok.children:
        if c.dep_ not in ("dobj", "obj", "nsubjpass"):
            continue
        for kind in ("support", "visit", "none"):
            if _listed(c, list(w[kind])) or any(
                    " " in p and tok.doc[c.i - len(p.split()) + 1:c.i + 1].text.lower() == p for p in w[kind]):
                return kind, c
    return None


def pay_idioms(drafts: list[Draft]) -> list[Draft]:
    """The drafts, those at an idiom of "pay" re-typed or dropped (module docstring)."""
    from ..tables import cameo_table

    out: list[Draft] = []
    for d in drafts:
        found = None if d.event_type in _KEEP else _kind(d.cand.tok)
        if found is None:
            out.append(d)
            continue
        kind, noun = found
        if kind == "none":
            continue
        if kind == "visit" and any(o is not d and o.cand.tok.i == noun.i for o in drafts):
            continue  # "paid a visit": the visit is drafted at its noun
        etype, code = _NEW[kind]
        if d.event_type == etype and d.cameo == code:
            out.append(d)
            continue
        row = cameo_table().get(code)
        out.append(replace(d, event_type=etype, cameo=code if row is not None else d.cameo,
                           pattern=f"pay_idiom>{d.pattern}"))
    return out
