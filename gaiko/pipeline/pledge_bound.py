"""Pledges a body's schedule, a decision or a demand of a noun hid (round t41, b38's F6). Words:
``pledges/bound_acts.yaml``.

* **a body's session bound by a term or an agreement**: round p44 made "the joint commission will meet in October" a
  schedule, no pledge. A session due by a date ("a joint border commission will hold its first meeting by October 20")
  or set by an agreement ("Under the protocol, ...") is a commitment (:func:`bound_session`); the body's side is its
  parties, the countries named before it, when it is a joint body (:func:`joint_body`).
* **a decision with a term**: "The Commission will decide on a suspension by November 30" (:func:`decision_due`);
  a modal "decide" was read as a cue verb with no infinitive of its own and dropped.
* **a demand of an act's noun**: "demanded the immediate release of the detained sailors" (:func:`noun_demands`, the
  act :func:`demanded_act`), made on the holder (:func:`holder`): the last country named before it that is neither
  the demander's nor the one of the people to be released.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from ..tables import data_path, load_yaml
from ..types import Actor

__all__ = ["bound_session", "decision_due", "demanded_act", "holder", "joint_body", "noun_demands"]


@lru_cache(maxsize=None)
def _words() -> dict[str, Any]:
    return load_yaml(data_path("pledges/bound_acts.yaml")) or {}


def _set(key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in _words().get(key) or ())


def _term(v: Token) -> bool:
    """A term prep on ``v`` ("by October 20", "within two weeks") with a date or a number under it."""
    return any(c.dep_ == "prep" and c.lower_ in _set("term_preps") and any(
        x.ent_type_ in ("DATE", "TIME") or x.like_num for x in c.subtree) for c in v.children)


def _provision(v: Token) -> bool:
    """"Under the protocol, ...": an "under" phrase on ``v`` whose noun is an agreement."""
    return any(c.dep_ == "prep" and c.lower_ == "under" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in _set("provision_nouns") for g in c.children) for c in v.children)


def bound_session(v: Token) -> bool:
    """Whether a body's session ("will meet", "will hold its first meeting") is bound by a term or an agreement."""
    return _term(v) or _provision(v)


def decision_due(v: Token) -> bool:
    """Whether a modal's verb is a decision (``decision_verbs``) due by a term: "will decide on X by November 30"."""
    return v.lemma_.lower() in _set("decision_verbs") and _term(v) and not any(
        c.dep_ == "xcomp" for c in v.children)


def joint_body(tok: Token | None) -> bool:
    """Whether a subject is a body of several parties: one of ``joint_mods`` before its head ("a joint commission")."""
    return tok is not None and tok.pos_ == "NOUN" and any(
        c.i < tok.i and c.lower_ in _set("joint_mods") for c in tok.children)


def noun_demands(t: Token) -> list[tuple[Token, Token, str, Token | None]]:
    """(cue, act noun, "demand", None) for "demanded the release of X", "called for the withdrawal of X": a demand
    verb whose object (or "for" object) is one of ``act_nouns`` with an "of" phrase, and no infinitive of its own."""
    lemma = t.lemma_.lower()
    if t.pos_ != "VERB" or any(c.dep_ in ("xcomp", "ccomp") for c in t.children):
        return []
    nouns = [c for c in t.children if c.dep_ == "dobj"] if lemma in _set("demand_verbs") else []
    prep = (_words().get("demand_preps") or {}).get(lemma)
    if prep:
        nouns += [g for c in t.children if c.dep_ == "prep" and c.lower_ == prep for g in c.children if g.dep_ == "pobj"]
    acts = _words().get("act_nouns") or {}
    return [(t, n, "demand", None) for n in nouns if n.lemma_.lower() in acts and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in n.children)]


def demanded_act(n: Token) -> tuple[str, str | None, Token | None]:
    """(act, object text, object head) of an act noun: "the immediate release of the detained sailors" is "release the
    detained sailors"."""
    verb = str((_words().get("act_nouns") or {}).get(n.lemma_.lower(), n.lemma_.lower()))
    of = next(c for c in n.children if c.dep_ == "prep" and c.lower_ == "of")
    obj = next((g for g in of.children if g.dep_ == "pobj"), None)
    text = " ".join(x.text for x in of.subtree if x.i > of.i and x.dep_ != "punct")
    return f"{verb} {text}".strip(), text or None, obj


def holder(n: Token, actor: Actor | None, state: Any) -> Actor | None:
    """The party a demand of act noun ``n`` is made on (``state``: the document's
    :class:`~gaiko.pipeline.state.DocState`): for a noun of ``own_act_nouns`` ("the withdrawal of Ugandan troops")
    the object's side; else the last country named before the cue that is neither the demander's (``actor``) nor
    one named in the object ("the detained Russians": Russia), or None (the object's own country is never the one
    asked to release it)."""
    of = next((c for c in n.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if n.lemma_.lower() in _set("own_act_nouns"):
        return state.actor_in(obj) if obj is not None else None
    own = {actor.country} if actor is not None and actor.country else set()
    lo, hi = (min(x.idx for x in of.subtree), max(x.idx for x in of.subtree) + 1) if of is not None else (0, 0)
    own |= {a.country for a in state.actors if a.country and lo <= a.start < hi}
    cue = n.head if n.dep_ == "dobj" else n.head.head
    before = [a for a in state.actors if a.country and len(a.country) == 3 and a.country not in ("IGO", "IMG", "NGO")
              and a.start < cue.idx and a.country not in own]
    return before[-1] if before else None
