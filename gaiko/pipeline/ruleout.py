"""Not ruling out an act is a stated possibility of it, not a refusal (issue 12, round t36).

"did not rule out expelling the ambassador", "declined to rule out using military force": a REJECT drafted at the
negated "rule out" or at the refusal verb that governs it takes the type of the act the trigger lexicons read at the
complement of "rule out": THREATEN when that act harms, AGREE when it is cooperative (the README's convention for
stated intentions). Data: ``gaiko/data/primary/ruleout.yaml``. Measured in docs/rounds/accuracy.md ("Kinds round t36").
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .eventrecord import Draft
    from .triggers import Lexicon

__all__ = ["ruled_in"]


@lru_cache(maxsize=None)
def _lists() -> dict[str, frozenset[str]]:
    """The lists of ``primary/ruleout.yaml`` (words lower-cased, types as written).

    Raises :class:`gaiko.errors.DataFileError` when a list is missing or not a list of strings."""
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    path = data_path("primary/ruleout.yaml")
    data = load_yaml(path) or {}
    out = {}
    for k in ("refusals", "negations", "harmful", "cooperative"):
        v = data.get(k)
        if not isinstance(v, list) or not all(isinstance(w, str) for w in v):
            raise DataFileError(str(path), f"'{k}' must be a list of words")
        out[k] = frozenset(w if k in ("harmful", "cooperative") else w.lower() for w in v)
    return out


def _rule_out(tok: Token) -> bool:
    return tok.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)


def _not_ruled_out(tok: Token, w: dict[str, frozenset[str]]) -> Token | None:
    """The "rule out" token when ``tok`` is a negated "rule out" or a refusal verb governing "rule out", else None."""
    if _rule_out(tok):
        return tok if any(c.dep_ == "neg" or c.lower_ in w["negations"] for c in tok.children) else None
    if tok.lemma_.lower() in w["refusals"]:
        return next((c for c in tok.children if c.dep_ == "xcomp" and _rule_out(c)), None)
    return None


def ruled_in(lex: Lexicon, drafts: list[Draft]) -> list[Draft]:
    """The drafts, a REJECT at a negated "rule out" (or a refusal of it) re-typed THREATEN or AGREE by the act its
    complement names (``lex``: the trigger lexicons); drafts without such an act are returned as they were."""
    from ..tables import plover_table

    w = _lists()
    out = []
    for d in drafts:
        rule = _not_ruled_out(d.cand.tok, w) if d.event_type == "REJECT" else None
        act = next((c for c in rule.children if c.dep_ in ("xcomp", "dobj", "obj", "advcl", "pcomp")), None) \
            if rule is not None else None
        entry = None
        if act is not None:
            entry = lex.match(act, "verb" if act.pos_ in ("VERB", "AUX") else "noun")
        new = None if entry is None else "THREATEN" if entry.event_type in w["harmful"] \
            else "AGREE" if entry.event_type in w["cooperative"] else None
        if new is None:
            out.append(d)
            continue
        # the act is stated as possible: not negated, not a refusal; the clause's other facts stay
        info = replace(d.info, negated=False, via_negative_verb=False, intended=True, hypothetical=True)
        out.append(replace(d, info=info, event_type=new, cameo=str(plover_table()[new]["cameo"]),
                           pattern=f"rule_out>{entry.id}", decided_by="rule"))
    return out
