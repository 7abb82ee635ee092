"""A passive or a thing's future "under the deal" with no agent and no speaker (round x23, issue 14): the parties of
the deal the article told before.

"The accord commits Paris to put a revision of the constitution before parliament ... Provincial elections will be
held no later than June 2026 under the deal": the elections are due under the accord, so the accord's parties pledge
them, as they pledged its other terms. The deal is the article's latest agreement (the parties of its last pledge of
kind ``agreement`` in an earlier sentence); with none told before ("... under a trade deal reached in Washington", and
no agreement read before), no pledge, as before. The nouns of a deal are ``binding_documents`` of
``pledges/document_nouns.yaml``.

Round x24: with no agreement read before, the deal is the one between the pledger of the article's latest earlier
pledge made to another party and that party, when the thing due names that party ("The United States will work with
Pakistan to develop its oil reserves ... A 19% tariff will apply to Pakistani goods from August 7 under a trade deal
reached in Washington": the tariff on Pakistan's goods is the United States' act, made to Pakistan;
:func:`deal_side`). "Under a trade deal" counts then too (the deal is named by what follows it). With no such pledge
before, or a clause that does not name its party ("Customs posts will be built along the route under the deal" after
"Kenya said it would build a pipeline to Uganda"), no pledge, as before: nothing says whose act it is.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ..tables import word_sets
from ..types import Actor, Pledge

__all__ = ["deal_parties", "deal_side"]


def _in_other_clause(tok: Token, verb: Token, top: Token) -> bool:
    """Whether a verb other than ``verb`` and ``top`` stands between ``tok`` and ``top`` (a clause of its own)."""
    cur = tok.head
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.pos_ in ("VERB", "AUX") and cur.i != verb.i:
            return True
        cur = cur.head
    return False


def _under_deal(verb: Token, dets: tuple[str, ...] = ("the", "this", "that")) -> bool:
    """Whether ``verb`` (or the verb its infinitive hangs on) has "under the/this/that <deal noun>" (``dets``)."""
    deals = word_sets("pledges/document_nouns.yaml")["binding_documents"]
    top = verb.head if verb.dep_ == "xcomp" else verb
    for c in top.subtree:  # the parser may hang "under the deal" on a noun before it ("the crossing under the deal")
        if c.dep_ != "prep" or c.lower_ != "under" or _in_other_clause(c, verb, top):
            continue
        noun = next((x for x in c.children if x.dep_ == "pobj"), None)
        if noun is not None and noun.lemma_.lower() in deals and any(
                d.dep_ == "det" and d.lower_ in dets for d in noun.children):
            return True
    return False


def deal_parties(verb: Token, sentence_index: int, pledges: list[Pledge]) -> list[Actor]:
    """The parties of the deal a passive or a thing's future at ``verb`` is due under (the actors of the latest
    agreement pledge of an earlier sentence among ``pledges``, the article's so far), else []."""
    if not _under_deal(verb):
        return []
    last = next((p for p in reversed(pledges) if p.kind == "agreement" and p.sentence_index < sentence_index), None)
    if last is None:
        return []
    out: list[Actor] = []
    for p in pledges:
        if p.kind == "agreement" and p.sentence_index == last.sentence_index and p.cue_start == last.cue_start and \
                not any((a.country, a.text) == (p.actor.country, p.actor.text) for a in out):
            out.append(p.actor)
    return out


def deal_side(verb: Token, sentence_index: int, pledges: list[Pledge], named: Any) -> tuple[Actor, Actor] | None:
    """(pledger, party) of a passive or a thing's future under a deal when no agreement was read before (round x24):
    the article's latest pledge of an earlier sentence made to another party, when the clause of ``verb`` names that
    party's country (``named(token)``: the countries a phrase names); else None."""
    if not _under_deal(verb, ("the", "this", "that", "a", "an")):
        return None
    if any(p.kind == "agreement" and p.sentence_index < sentence_index for p in pledges):
        return None  # the deal told before is the agreement's (deal_parties)
    last = next((p for p in reversed(pledges) if p.sentence_index < sentence_index and p.target is not None
                 and p.target.country and p.target.country != p.actor.country), None)
    top = verb.head if verb.dep_ == "xcomp" else verb
    if last is None or last.target.country not in named(top):
        return None  # the clause ("a 19% tariff will apply to Pakistani goods") must name the party
    return last.actor, last.target
