"""An accident is no attack (round x58).

"An explosion at a fireworks factory killed six workers", "a gas explosion tore through an apartment block", "two
trains collided near Athens, killing 57": no actor attacked, yet the rules drafted ASSAULT at "killed" with the
explosion as its doer, and the type model read the same. :func:`accident_veto` drops a draft of a type of
``gaiko/data/primary/accidents.yaml`` ``types`` whose doer is a mishap (a collapse, a crash), an explosion or fire
whose own phrase names a place of work or a fuel, or a vehicle whose verb is one of colliding or capsizing, when the
sentence names no weapon or attacker ("a roadside bomb killed three soldiers", "a blast claimed by the group" stay).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .eventrecord import Draft

__all__ = ["accident_veto"]

_KEYS = ("types_upper", "mishaps", "outbreaks", "settings", "vehicles", "mishap_verbs", "weapons")


def _lists() -> dict[str, frozenset[str]]:
    from .primarydata import _words

    return {k: _words("accidents", k) for k in _KEYS}


def _words_of(toks: list[Token]) -> set[str]:
    """The lemmas and lower-cased forms of the common words among ``toks`` (no proper names)."""
    return {w for t in toks if t.pos_ != "PROPN" for w in (t.lower_, t.lemma_.lower())}


def _doer(d: Draft) -> tuple[Token | None, Token]:
    """The doer of draft ``d`` (the trigger noun itself, else the subject of its verb, or of the verb a participle
    "killing" hangs on) and the verb it is the subject of."""
    from .roles import subjects

    tok, verb = d.cand.tok, d.cand.anchor
    if tok.pos_ == "NOUN":
        return tok, tok.head
    if verb.dep_ in ("advcl", "conj", "xcomp") and verb.tag_ == "VBG" \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head  # "Two trains collided near Athens, killing 57 people": the subject of "collided"
    subj, passive, agent = subjects(verb)
    if passive:
        return agent, verb
    return (subj[0] if subj else None), verb


def _accident(doer: Token, verb: Token, w: dict[str, frozenset[str]]) -> bool:
    names = {doer.lower_, doer.lemma_.lower()}
    if names & w["mishaps"]:
        return True  # "a mine collapse", "the bus crash"
    if names & w["outbreaks"]:
        phrase = [t for t in doer.subtree if t.i != doer.i]
        return bool(_words_of(phrase) & w["settings"])  # "an explosion at a fireworks factory", "a gas explosion"
    if names & w["vehicles"]:
        return verb.lemma_.lower() in w["mishap_verbs"]  # "two trains collided, killing 57"
    return False


def accident_veto(drafts: list[Draft]) -> list[Draft]:
    """The drafts less those of an attack whose doer is an accident (``primary/accidents.yaml``), in a sentence that
    names no weapon or attacker."""
    w = _lists()
    out = []
    for d in drafts:
        if d.event_type in w["types_upper"]:
            doer, verb = _doer(d)
            if doer is not None and doer.pos_ == "NOUN" and _accident(doer, verb, w) \
                    and not _words_of(list(d.cand.tok.sent)) & w["weapons"]:
                continue  # "an explosion at a fireworks factory killed six workers": no one attacked
        out.append(d)
    return out
