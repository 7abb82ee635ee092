""""The accord calls for X to ACT" / "calls on X to ACT": an agreed text's term for its party (round x24, issue 14).

Round x23 read an agreed text that "obliges", "binds" or "requires" a party to act as that party's agreement
(:func:`gaiko.pipeline.pledge_forms._bound_by`); "calls for" and "calls on" are the same term in a text's own voice:
"The accord calls for Armenia to open a road to Nakhchivan within a year" is Armenia's agreement to open the road,
"The communique calls on both sides to withdraw their troops by March" one agreement per side. The subject must be an
agreed text (``binding_documents`` of ``pledges/document_nouns.yaml``; a ruling, a decision, a resolution or a law of
one body is no agreement of the parties it names, and a person's call stays a demand), the verb not past ("the accord
called for ..." retells) and under no modal but "will"; the party an actor or "both sides". "Calls for the release of
the prisoners" (no party and infinitive) stays none.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..tables import word_sets
from .pledge_forms import COLLECTIVE
from .pledge_parts import Lexicon, is_actorish

__all__ = ["document_calls"]


def _inf(v: Token) -> bool:
    return v.pos_ in ("VERB", "AUX") and any(a.lower_ == "to" and a.dep_ == "aux" for a in v.children)


def _party_ok(party: Token | None, lex: Lexicon) -> bool:
    if party is None or party.pos_ == "PRON":
        return False
    return is_actorish(party, lex) or bool(COLLECTIVE.match(" ".join(x.text for x in party.subtree)))


def document_calls(t: Token, lex: Lexicon) -> list[tuple[Token, Token, str, Token | None]]:
    """(cue, act, "agreement", party) of "DOC calls for X to ACT" / "DOC calls on X to ACT" at the verb ``t``."""
    if t.lemma_.lower() != "call" or t.pos_ != "VERB" or t.tag_ in ("VBD", "VBN"):
        return []
    subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in word_sets("pledges/document_nouns.yaml")["binding_documents"]:
        return []
    if any(c.tag_ == "MD" and c.lower_ not in ("will", "'ll") for c in t.children):
        return []  # "the accord would call on ...": a condition
    out = []
    for c in t.children:
        # "calls for Armenia to open ...": the parser makes "for" a mark and Armenia the infinitive's subject
        if c.dep_ in ("advcl", "ccomp", "xcomp") and _inf(c) and any(m.lower_ == "for" and m.dep_ == "mark"
                                                                       for m in c.children):
            party = next((x for x in c.children if x.dep_ == "nsubj"), None)
            if _party_ok(party, lex):
                out.append((t, c, "agreement", party))
    on = next((c for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "upon", "for")), None)
    if on is not None:
        party = next((x for x in on.children if x.dep_ == "pobj"), None)
        act = next((c for c in t.children if c.dep_ in ("xcomp", "advcl") and _inf(c)), None) or next(
            (c for c in (party.children if party is not None else ()) if c.dep_ in ("acl", "relcl") and _inf(c)), None)
        if act is not None and _party_ok(party, lex):
            out.append((t, act, "agreement", party))
    return out
