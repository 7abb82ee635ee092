"""The act of a dropped plan is no event (round x17, kind F11 of newcomer round b41).

"Egypt has shelved its plan to send soldiers to the African Union force in Somalia" gave, beside the dropping
(CONCEDE), a MOBILIZE at "send" as if the soldiers had gone ("its plan" as its source); "Kenya scrapped plans to
send police officers", "postponed its plan to send" did the same. corpora/events/README.md codes the dropping alone
("dropped its plan to close 200 farms": CONCEDE; "shelved plans to sign the agreement": REJECT): the planned act is
neither done nor still intended. :func:`dropped_plans` drops a draft whose trigger is the act of a plan noun's
to-infinitive (or of its "for" phrase: "shelved plans for a deployment") when that noun is the object, or the
passive subject, of a verb that gives it up (``gaiko/data/primary/dropped_plans.yaml``: shelve, drop, abandon,
scrap, postpone, ...); the act may hang by ``conj``/``xcomp`` links below the infinitive ("plans to send and
station troops"). The dropping verb's own event stays. "announced plans to send" (no dropping verb) is untouched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .primarydata import _words

if TYPE_CHECKING:
    from .eventrecord import Draft

__all__ = ["dropped_plans", "dropping_verb"]

_FILE = "dropped_plans"


def _plan_of(act: Token) -> Token | None:
    """The plan noun whose to-infinitive (or "for" phrase) ``act`` heads, else None."""
    if act.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in act.children):
        return act.head
    if act.dep_ == "advcl" and act.head.i != act.i:
        # the parser may hang "to send" on the verb: the plan noun is then its object, just before "to"
        to = next((c for c in act.children if c.dep_ == "aux" and c.lower_ == "to"), None)
        if to is not None:
            return next((c for c in act.head.children if c.dep_ in ("dobj", "nsubjpass") and c.right_edge.i + 1 == to.i), None)
        return None
    if act.dep_ == "pobj" and act.head.dep_ == "prep" and act.head.lower_ == "for":
        return act.head.head
    return None


def dropping_verb(tok: Token) -> Token | None:
    """The verb that gives up the plan whose act ``tok`` is ("shelved" of "shelved its plan to send soldiers"),
    else None."""
    links = _words(_FILE, "act_links")
    cur = tok
    for _ in range(3):
        plan = _plan_of(cur)
        if plan is not None:
            break
        if cur.dep_ in links and cur.head.i != cur.i:
            cur = cur.head
            continue
        return None
    else:
        return None
    if plan.dep_ == "conj" and plan.head.i != plan.i:
        plan = plan.head  # "dropped its plans and proposals to ..."
    if plan.pos_ not in ("NOUN", "PROPN") or plan.lemma_.lower() not in _words(_FILE, "plan_nouns"):
        return None
    verb = plan.head
    if plan.dep_ not in ("dobj", "nsubjpass") or verb.i == plan.i or verb.pos_ not in ("VERB", "AUX"):
        return None
    return verb if verb.lemma_.lower() in _words(_FILE, "drop_verbs") else None


def dropped_plans(drafts: list[Draft]) -> list[Draft]:
    """The drafts without those at the act of a dropped plan (module docstring)."""
    out = []
    for d in drafts:
        verb = dropping_verb(d.cand.tok)
        if verb is not None and verb.i != d.cand.tok.i:
            continue
        out.append(d)
    return out
