"""A request that someone answers is the asker's, not the answerer's (round x17, kind F13 of newcomer round b41).

"Burhan accepted a request from the United Nations to let aid trucks use the Tine crossing" gave, beside the AGREE,
a REQUEST by Burhan to the United Nations at "request": the noun is hosted by "accepted", and the host's subject
became its source. :func:`answered_requests` turns a REQUEST draft round whose trigger is a noun of asking
(``request_nouns`` of ``gaiko/data/primary/answered_requests.yaml``) that is the object of a verb that answers it
(``answering_verbs``: accept, grant, reject, turn down, ...): its source becomes the asker, named by the noun's
"from/by/of" phrase, its possessor or its modifier ("Kinshasa's request", "a UN request", "a Congolese demand"), and
its target the one who answers (the answering verb's subject); with no asker named it has no source (the one who
answers asked for nothing).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from .primarydata import _words

if TYPE_CHECKING:
    from ..types import Actor
    from .eventrecord import Draft
    from .state import DocState

__all__ = ["answered_requests", "asker"]

_FILE = "answered_requests"


def _answered(noun: Token) -> bool:
    """Whether ``noun`` (a noun of asking) is the object of a verb that answers it."""
    verb = noun.head
    return noun.dep_ in ("dobj", "nsubjpass") and verb.i != noun.i and verb.pos_ in ("VERB", "AUX") \
        and verb.lemma_.lower() in _words(_FILE, "answering_verbs") \
        and (verb.lemma_.lower() != "turn" or any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children))


def asker(noun: Token, state: DocState, drafted: Sequence[Actor] = ()) -> Actor | None:
    """Who made the request ``noun`` names: its possessor or modifier, or the object of its "from/by/of" phrase.
    ``drafted``: the sides of the sentence's drafts, for a nationality the resolver leaves no actor ("a Congolese
    demand": the coder's "Congolese" of the refusal)."""
    for c in noun.children:  # "Kinshasa's request", "a UN request", "a Congolese demand"
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < noun.i:
            a = state.actor_in(c) or next((x for x in drafted if x.start == c.idx and x.country), None)
            if a is not None:
                return a
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in _words(_FILE, "asker_preps")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if (a := state.actor_in(obj)) is not None:
                return a
    return None


def answered_requests(drafts: list[Draft], state: DocState) -> list[Draft]:
    """The drafts with a REQUEST at an answered request noun turned round (module docstring)."""
    out = []
    for d in drafts:
        noun = d.cand.tok
        if d.event_type != "REQUEST" or noun.pos_ != "NOUN" \
                or noun.lemma_.lower() not in _words(_FILE, "request_nouns") or not _answered(noun):
            out.append(d)
            continue
        who = asker(noun, state, [x for o in drafts for x in (o.source, o.target) if x is not None])
        subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        answerer = (state.actor_in(subj) if subj is not None else None) or d.source
        if answerer is not None and who is not None and answerer.start == who.start:
            answerer = None
        out.append(replace(d, source=who, target=answerer))  # no asker named: no source ("heed the call to ...")
    return out
