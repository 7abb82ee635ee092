"""Forces or arms sent to fight beside another party are military aid (round x15, kind K3).

"North Korea sent troops to fight alongside Russian forces", "Iran dispatched fighters to back the Syrian army",
"Pyongyang sent 12,000 soldiers to Russia to help Moscow fight Ukraine": the coder drafted MOBILIZE at the verb of
sending (``mobilize.send_troops``, or the type model's re-typing of ``aid.military``), with no target or the country
the troops went to. :func:`military_aid` gives a done MOBILIZE or COOPERATE draft at a verb of sending whose object
is forces or arms and whose purpose clause (a to-infinitive) names a partner of another country than the sender's
(``gaiko/data/primary/military_aid.yaml``) the file's type and CAMEO code (AID, 072) and that partner as target; a
draft at the purpose verb itself ("to fight") is dropped, for it is the aid's purpose, not a deed. Plans, offers,
refusals and hypotheticals keep the intention conventions; a place or an act ("to reinforce the border with
Guyana", "the NATO campaign") is no partner.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .primarydata import _data, _words

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .eventrecord import Draft

__all__ = ["military_aid"]

_FILE = "military_aid"


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


def _partner_tokens(purpose: Token) -> list[Token]:
    """The words naming the partner of a purpose verb: the object of "help, back, reinforce" (or the subject of its
    complement: "help Moscow fight"), or the object of "alongside, with" after "fight, serve"."""
    out: list[Token] = []
    if _lemma(purpose) in _words(_FILE, "helping_verbs"):
        out += [c for c in purpose.children if c.dep_ == "dobj"]
        out += [s for c in purpose.children if c.dep_ in ("ccomp", "xcomp") for s in c.children if s.dep_ == "nsubj"]
    elif _lemma(purpose) in _words(_FILE, "fighting_verbs"):
        out += [p for c in purpose.children if c.dep_ == "prep" and c.lower_ in _words(_FILE, "partner_preps")
                for p in c.children if p.dep_ == "pobj"]
    return [t for t in out if _lemma(t) not in _words(_FILE, "no_partner_heads")
            and t.lower_ not in _words(_FILE, "no_partner_heads")]


def _purpose(verb: Token) -> Token | None:
    """The to-infinitive of purpose on ``verb`` ("sent troops *to fight* ..."), if any."""
    for c in verb.children:
        if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                      for a in c.children):
            return c
    return None


def _partner_actor(t: Token, state: Any, kb: Any) -> Any:
    """The actor the partner phrase headed by ``t`` names, read from its words up to the head only ("Russian units" of
    "Russian units near Kursk": not the place after it): a mention, else the knowledge base's reading of an adjective
    or name before the head ("Russian")."""
    from .roles import kb_actor

    words = list(reversed(t.doc[t.left_edge.i:t.i + 1]))
    found = next((m for w in words if (m := state.actor_at(w)) is not None), None)
    if found is None and kb is not None:
        found = next((m for w in words if w.i != t.i and w.pos_ in ("ADJ", "PROPN")
                      and (m := kb_actor(w, kb, state.places)) is not None and m.country), None)
    return found


def military_aid(drafts: list[Draft], state: Any, kb: Any = None) -> list[Draft]:
    """The drafts, a deployment of forces or arms to fight beside another party re-typed as military aid to it, and
    a draft at its purpose verb dropped (module docstring). ``state`` is the document's
    :class:`~gaiko.pipeline.state.DocState`, ``kb`` the actor knowledge base (or None)."""
    dropped: set[int] = set()
    out: list[Draft] = []
    for d in drafts:
        tok = d.cand.tok
        info = d.info
        if d.event_type not in ("MOBILIZE", "COOPERATE") or _lemma(tok) not in _words(_FILE, "send_verbs") \
                or info.intended or info.negated or info.hypothetical or d.source is None or not d.source.country:
            out.append(d)
            continue
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        purpose = _purpose(tok)
        if not any(_lemma(o) in _words(_FILE, "force_nouns") or o.lower_ in _words(_FILE, "force_nouns")
                   for o in objs) or purpose is None:
            out.append(d)
            continue
        partner = None
        for t in _partner_tokens(purpose):
            a = _partner_actor(t, state, kb)
            if a is not None and a.country and a.country != d.source.country:
                partner = a
                break
        if partner is None:
            out.append(d)
            continue
        d = replace(d, event_type=str(_data(_FILE).get("type") or "AID"), cameo=str(_data(_FILE).get("cameo") or "072"),
                    target=partner, pattern=f"military_aid>{d.pattern}")
        dropped.add(purpose.i)
        out.append(d)
    return [d for d in out if d.cand.tok.i not in dropped]
