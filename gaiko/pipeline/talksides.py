"""Sides of a talk told beside another act (round n50).

:func:`aside_targets`: a participial aside of calling or speaking before its verb ("Erdogan, phoning from Ankara,
thanked Putin for his help", "Trump, phoning from Air Force One, congratulated her") tells how the act was done:
its CONSULT, with no target of its own, takes the target of the verb it hangs on, whatever that act's type.

:func:`talk_sides`: a talk told as a noun in a prepositional phrase ("freed the activists after talks with British
envoy David Lammy in Nairobi", "were released after talks with Qatari envoy X in Kabul") with a "with" side and no
source takes as source the host verb's active subject, else the place "in" or "at" which it is held, when that
actor's country is not the side's.

:func:`between_subject_sides` (round e50, e49's leftover): a verb drafted as an undirected act (CONSULT, AGREE,
COOPERATE) whose subject is a noun of talks or relations naming "between X and Y" ("Talks between Serbia and Kosovo
are set to resume next week", the type model's draft at "set") takes X and Y as its sides, each way, as the talk noun
itself does when it is the trigger ("Negotiations between Armenia and Azerbaijan will resume"). Other acts keep their
sides ("A deal between X and Y angered Z": Z is the target).

Input and output: the sentence's drafts (:class:`gaiko.pipeline.eventrecord.Draft`), changed in place and
returned.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .hostshare import take_host_target

if TYPE_CHECKING:
    from .eventrecord import Draft

__all__ = ["aside_targets", "talk_sides", "between_subject_sides"]


def aside_targets(drafts: list[Draft]) -> list[Draft]:
    """The drafts, a CONSULT at a participle (``advcl`` or ``acl``, VBG; hung on the verb or on its subject) before
    its host verb with no target given the host draft's target when both have one source country (or the aside none)."""
    for d in drafts:
        tok = d.cand.tok
        if d.event_type != "CONSULT" or d.target is not None or tok.dep_ not in ("advcl", "acl") or tok.tag_ != "VBG":
            continue
        verb = tok.head.head if tok.head.dep_ in ("nsubj", "nsubjpass") else tok.head  # hung on the subject
        if verb.pos_ not in ("VERB", "AUX") or tok.i > verb.i:
            continue
        take_host_target(d, next((h for h in drafts if h.cand.tok.i == verb.i and h.target is not None), None))
    return drafts


def talk_sides(drafts: list[Draft], state: Any, kb: Any) -> list[Draft]:
    """The drafts, a CONSULT told by a noun after a preposition with a target and no source given the host verb's
    active subject, else the place it is held "in", when that one's country differs from the target's
    (module docstring). ``state`` is the document's :class:`~gaiko.pipeline.state.DocState`, ``kb`` the actor
    knowledge base (or None)."""
    from .attributes import ClauseInfo
    from .eventactors import event_actor
    from .roles import subjects

    for d in drafts:
        tok = d.cand.tok
        if d.event_type != "CONSULT" or d.source is not None or d.target is None or not d.target.country \
                or tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.head.pos_ not in ("VERB", "AUX"):
            continue
        subj, passive, agent = subjects(tok.head.head)
        toks = ([agent] if agent is not None else []) if passive else list(subj)
        toks += [p for w in tok.subtree if w.dep_ == "prep" and w.lower_ in ("in", "at") for p in w.children
                 if p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC", "FAC")]
        for t in toks:
            a = event_actor(t, state, ClauseInfo(), kb)
            if a is not None and a.country and a.country != d.target.country:
                d.source = a
                break
    return drafts


def between_subject_sides(drafts: list[Draft], state: Any, kb: Any) -> list[Draft]:
    """The drafts, an undirected act at a verb whose subject is a talk noun "between X and Y" given X and Y as its
    sides, with the mirrored draft added (module docstring)."""
    from dataclasses import replace

    from ..actors.mentions import _w
    from .attributes import ClauseInfo
    from .eventactors import event_actor
    from .eventsides import UNDIRECTED

    out = list(drafts)
    for d in drafts:
        tok = d.cand.tok
        if d.event_type not in UNDIRECTED or tok.pos_ not in ("VERB", "AUX"):
            continue
        verbs = [tok] + ([tok.head] if tok.dep_ == "xcomp" else [])  # "are set to resume": the subject of "set"
        subj = next((c for v in verbs for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lemma_.lower() not in _w("between_sides"):
            continue
        prep = next((p for p in subj.children if p.dep_ == "prep" and p.lower_ == "between"), None)
        obj = next((o for o in prep.children if o.dep_ == "pobj"), None) if prep is not None else None
        conj = next((x for x in obj.children if x.dep_ == "conj"), None) if obj is not None else None
        if conj is None:
            continue
        a, b = event_actor(obj, state, ClauseInfo(), kb), event_actor(conj, state, ClauseInfo(), kb)
        if a is None or b is None or not a.country or not b.country or a.country == b.country:
            continue
        if d.source is not None and d.source.country in (a.country, b.country) \
                and d.target is not None and d.target.country in (a.country, b.country):
            continue  # the rules read both sides already
        d.source, d.target = a, b
        out.append(replace(d, source=b, target=a))
    return out
