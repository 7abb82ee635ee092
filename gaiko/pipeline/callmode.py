"""The mode of a call told as a noun (round n47).

"call" as a noun drafts CONSULT at ``consult.meeting_noun`` (CAMEO 040, no mode) whatever call it is: "paid a
courtesy call on the president" is a visit (PLOVER mode ``visit``, CAMEO 042) and "held a phone call with" a call by
telephone (mode ``phone``, CAMEO 041), as "visited" and "phoned" are; so is "spoke by phone with", and (round n48)
a CONSULT told by a verb "in"/"during" a call named as by telephone or video ("discussed tariffs in a phone call"). By the verb that pays or makes the call, or a
word before the noun (``gaiko/data/primary/call_modes.yaml``), such a draft takes the mode and the CAMEO code; its
sides, date and confidence stay. Other calls ("a call for calm": REQUEST) are untouched.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .eventrecord import Draft

__all__ = ["call_mode", "call_words", "phone_phrase"]


@lru_cache(maxsize=None)
def call_words() -> dict[str, Any]:
    """``primary/call_modes.yaml``, words lower-cased (also read by :mod:`gaiko.pipeline.callarticle`).

    Raises :class:`gaiko.errors.DataFileError` when a list is not a list of strings."""
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    path = data_path("primary/call_modes.yaml")
    data = load_yaml(path) or {}

    def words(v: Any, what: str) -> frozenset[str]:
        if not isinstance(v, list) or not all(isinstance(w, str) for w in v):
            raise DataFileError(str(path), f"'{what}' must be a list of words")
        return frozenset(w.lower() for w in v)

    out: dict[str, Any] = {"nouns": words(data.get("nouns"), "nouns"),
                           "in_preps": words(data.get("in_preps") or [], "in_preps"),
                           "talk_triggers": words(data.get("talk_triggers"), "talk_triggers"),
                           "phone_nouns": words(data.get("phone_nouns"), "phone_nouns")}
    for mode in ("visit", "phone"):
        spec = data.get(mode) or {}
        if not isinstance(spec, dict) or not isinstance(spec.get("cameo"), str):
            raise DataFileError(str(path), f"'{mode}' must hold words and a cameo code")
        out[mode] = (words(spec.get("verbs") or [], f"{mode}.verbs"), words(spec.get("words") or [], f"{mode}.words"),
                     spec["cameo"], words(spec.get("preps") or [], f"{mode}.preps"))
    return out


def _mode(tok: Token) -> tuple[str, str] | None:
    """(mode, CAMEO code) for the noun "call" at ``tok`` that says what call it is, else None."""
    w = call_words()
    if tok.pos_ in ("VERB", "AUX"):
        # "made a courtesy call on": the draft at the verb that makes the call
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj") and c.lower_ in w["nouns"]), None)
        if obj is not None:
            return _mode(obj)
        # "spoke by phone with", "discussed tariffs in a phone call" (round n48)
        if phone_phrase(tok):
            return "phone", w["phone"][2]
        return None
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ not in w["nouns"]:
        return None
    before = {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i}
    for mode in ("visit", "phone"):
        verbs, words, code, _ = w[mode]
        if before & words:
            return mode, code
        if verbs and tok.dep_ in ("dobj", "obj") and tok.head.lemma_.lower() in verbs:
            return mode, code
    return None


def phone_phrase(tok: Token) -> bool:
    """Whether the verb ``tok`` is told as done by telephone or video: a preposition of ``phone.preps`` whose object
    is a word of ``phone.words`` ("spoke by phone with", "talked over the telephone"), or one of ``phone.in_preps``
    whose object is a call named as by telephone ("discussed tariffs in a phone call", "during a video call";
    round n48)."""
    w = call_words()
    _, words, _, preps = w["phone"]
    # the phrase may hang on the verb's object too ("discussed tariffs in a phone call")
    kids = list(tok.children) + [g for o in tok.children if o.dep_ in ("dobj", "obj") for g in o.children]
    for c in kids:
        if c.dep_ != "prep":
            continue
        for g in c.children:
            if g.dep_ != "pobj":
                continue
            if c.lower_ in preps and (g.lower_ in words or " ".join(x.lower_ for x in g.subtree) in words):
                return True
            if c.lower_ in w["in_preps"] and g.lower_ in w["nouns"] and any(
                    m.dep_ in ("compound", "amod", "nmod") and m.i < g.i and m.lower_ in words for m in g.children):
                return True
    return False


def call_mode(drafts: list[Draft]) -> list[Draft]:
    """The drafts, a CONSULT at a call named as a visit or a telephone call given that mode (module docstring)."""
    from ..tables import cameo_table

    out: list[Draft] = []
    told = {d.cand.tok.i for d in drafts if d.event_type == "CONSULT" and d.source is not None and d.target is not None}
    for d in drafts:
        tok = d.cand.tok
        if d.event_type == "CONSULT" and d.source is None and d.target is None and tok.dep_ == "pobj" \
                and tok.head.head.i in told and tok.lower_ in call_words()["nouns"]:
            continue  # "discussed Venezuela with Petro during a phone call": the call is the verb's event (n48)
        found = _mode(d.cand.tok) if d.event_type == "CONSULT" else None
        entry = d.cand.entry
        if found is None or entry.mode == found[0] or cameo_table().get(found[1]) is None:
            out.append(d)
            continue
        mode, code = found
        out.append(replace(d, cameo=code, cand=replace(d.cand, entry=replace(entry, mode=mode, cameo=code)),
                           pattern=f"call_mode>{d.pattern}"))
    return out
