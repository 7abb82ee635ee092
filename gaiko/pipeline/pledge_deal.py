"""A passive or a thing's future "under the deal" with no agent and no speaker (round x23, issue 14): the parties of
the deal the article told before.

"The accord commits Paris to put a revision of the constitution before parliament ... Provincial elections will be
held no later than June 2026 under the deal": the elections are due under the accord, so the accord's parties pledge
them, as they pledged its other terms. The deal is the article's latest agreement (the parties of its last pledge of
kind ``agreement`` in an earlier sentence); with none told before ("... under a trade deal reached in Washington", and
no agreement read before), no pledge, as before. The nouns of a deal are ``binding_documents`` of
``pledges/document_nouns.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..tables import word_sets
from ..types import Actor, Pledge

__all__ = ["deal_parties"]


def _in_other_clause(tok: Token, verb: Token, top: Token) -> bool:
    """Whether a verb other than ``verb`` and ``top`` stands between ``tok`` and ``top`` (a clause of its own)."""
    cur = tok.head
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.pos_ in ("VERB", "AUX") and cur.i != verb.i:
            return True
        cur = cur.head
    return False


def _under_deal(verb: Token) -> bool:
    """Whether ``verb`` (or the verb its infinitive hangs on) has "under the/this/that <deal noun>"."""
    deals = word_sets("pledges/document_nouns.yaml")["binding_documents"]
    top = verb.head if verb.dep_ == "xcomp" else verb
    for c in top.subtree:  # the parser may hang "under the deal" on a noun before it ("the crossing under the deal")
        if c.dep_ != "prep" or c.lower_ != "under" or _in_other_clause(c, verb, top):
            continue
        noun = next((x for x in c.children if x.dep_ == "pobj"), None)
        if noun is not None and noun.lemma_.lower() in deals and any(
                d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in noun.children):
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
