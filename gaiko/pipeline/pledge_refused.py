"""A refusal of a thing already pledged is no new pledge (round t57, issue 14, newcomer b48's M2).

"Hungary said it would not build the promised gas interconnector", "... would not build the road it had pledged",
"would not keep its promise to build ...", "would not go ahead with the sale", "... and will not do so": a negated
future whose act is "do so" (the act named before, refused), keeps a
pledge noun, goes on with a plan, or whose object is marked as pledged before ("the promised", "the planned", a
relative clause "it had promised / agreed / backed") refuses or drops that pledge. docs/pledges.md: a negated modal is
a refusal, not a pledge ("would not attend"); these were pledges to refrain ("not build the promised interconnector"),
a second ledger entry beside the refused pledge. The tracker reads the sentence as the report on the earlier pledge
(:mod:`gaiko.tracking.refusedpledge`, the t51 and t44 readings). A plain pledge to refrain ("Kenya will not deploy
troops to Haiti", "will not tax crude for ten years") names no pledge before and stays one.

Words: ``gaiko/data/pledges/refused_pledge.yaml``. Used by :func:`gaiko.pipeline.pledge_cues._modal_verb`.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ..tables import word_sets

__all__ = ["refuses_pledged"]


@lru_cache(maxsize=1)
def _w() -> dict[str, frozenset[str]]:
    return word_sets("pledges/refused_pledge.yaml")


def _objects(v: Token) -> list[Token]:
    """The direct object of ``v`` and the objects of its prepositions ("go ahead with the sale", "stick to it")."""
    out = [c for c in v.children if c.dep_ in ("dobj", "obj")]
    for p in v.children:
        if p.dep_ in ("prep", "prt", "advmod"):
            out += [c for c in p.children if c.dep_ == "pobj"]
            for q in p.children:  # "go ahead with the sale": "with" under "ahead"
                if q.dep_ == "prep":
                    out += [c for c in q.children if c.dep_ == "pobj"]
    return out


def _marked_pledged(obj: Token) -> bool:
    """Whether the object names a thing pledged before: "the promised road", "the road it had pledged"."""
    w = _w()
    if any(c.dep_ in ("amod", "compound") and c.lower_ in w["pledged_marks"] for c in obj.children):
        return True
    for c in obj.subtree:  # "the road to Slovenia it had promised": the clause may hang on a noun inside the object
        if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in w["pledged_verbs"] and \
                any(a.lower_ in ("had", "has", "have") for a in c.children if a.dep_ == "aux"):
            return True
    return False


def refuses_pledged(v: Token) -> bool:
    """Whether the negated future act ``v`` refuses or drops a pledge already made (see the module doc)."""
    if not any(c.dep_ == "neg" for c in v.children):
        return False
    w = _w()
    lemma = v.lemma_.lower()
    objs = _objects(v)
    if lemma == "do" and any(c.lower_ in w["back_words"] and c.dep_ in ("advmod", "dobj", "obj") for c in v.children):
        return True  # "has never agreed to move its plants and will not do so": the act named before refused
    if v.lower_ in w["keep_forms"] and any(o.lower_ in w["pledge_nouns"] for o in objs):
        return True  # "would not keep its promise to build ...", "would not stick to its commitment"
    if lemma in w["continue_verbs"] or (lemma == "go" or lemma == "press" or lemma == "push") and any(
            c.lower_ in w["continue_particles"] for c in v.children):
        if any(o.lower_ in w["pledge_nouns"] or _marked_pledged(o) for o in objs) or lemma == "go":
            return True  # "would not go ahead with the sale", "will not proceed with the planned tender"
    return any(_marked_pledged(o) for o in objs)  # "would not build the promised road"
