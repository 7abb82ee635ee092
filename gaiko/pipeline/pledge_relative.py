"""A relative passive on a thing (round x22, issue 14: the actor of a passive is its by-agent, else the speaker's side).

"The assembly voted to call a referendum, which will be held on October 25" and "Engineers broke ground on a road
bridge, which is to be finished within a year, the transport ministry said": the clause says what is due for the
noun it hangs on. The pledger is the speaker of the sentence (a verb of saying over the clause's governing verb),
else the subject of the governing verb when that verb sets the thing up (``setting_verbs`` of
``pledges/relative_passives.yaml``: call, order, approve, start ...). A thing taken, bought or suffered ("seized the
town, which will be retaken", "bought a ship, which will be delivered") and a clause with no such verb and no speaker
("the bridge, which will be rebuilt by 2027") give no pledger; the speaker is vouched for as for "will"
(:func:`gaiko.pipeline.pledge_forms.vouched`'s onlookers and trends).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..tables import word_sets
from ..types import Actor
from .pledge_guards import onlooker
from .pledge_parts import Lexicon, is_actorish, say_head, subject_of

__all__ = ["relative_antecedent", "relative_clause", "relative_noun", "relative_pledger", "relative_vouched"]


def relative_clause(verb: Token, agent: bool = False) -> Token | None:
    """The relative clause's verb of a passive "which will be held" / "which is to be finished", else None; with
    ``agent``, of one with a by-agent ("which is to be built by a Chinese consortium", round x23)."""
    if verb.dep_ == "relcl":
        clause = verb
    elif verb.dep_ == "xcomp" and verb.head.dep_ == "relcl" and verb.head.lemma_.lower() == "be":
        clause = verb.head
    else:
        return None
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(c.dep_ == "agent" for c in verb.children) != agent:
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WDT" for c in clause.children):
        return None
    if any(c.dep_ == "neg" for c in (*verb.children, *clause.children)):
        return None
    return clause


def relative_noun(verb: Token, lex: Lexicon) -> Token | None:
    """The thing a relative passive is about: the clause's head noun, or the common noun whose phrase a name ends
    ("a rail link across the Kosi River, which is to be ...": the link); None for an actor or no noun."""
    clause = relative_clause(verb)
    if clause is None:
        return None
    noun = clause.head
    while noun.pos_ == "PROPN" and noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    if noun.pos_ != "NOUN" or is_actorish(noun, lex):
        return None
    return noun


def relative_antecedent(subj: Token) -> tuple[Token, Token] | None:
    """(the noun, the relative clause's verb) a relative pronoun subject stands for: "a new port at Lamu, which will be
    built by Japanese firms" -> (port, built); "..., which is to be built by" -> (port, is). None for any other
    subject (round x23: a relative passive with a by-agent took "which" for its object)."""
    if subj.tag_ != "WDT" or subj.dep_ not in ("nsubj", "nsubjpass") or subj.head.dep_ != "relcl":
        return None
    clause = subj.head
    noun = clause.head
    while noun.pos_ == "PROPN" and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        prep = noun.head
        # "a port at Lamu, which ...": the place is the port's, whether the parser hangs "at" on the noun or the verb
        obj = prep.head if prep.head.pos_ == "NOUN" else next(
            (c for c in prep.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.right_edge.i == prep.i - 1), None)
        if obj is None:
            break
        noun = obj
    return (noun, clause) if noun.pos_ in ("NOUN", "PROPN") else None


def _governing(noun: Token) -> Token | None:
    cur = noun
    for _ in range(6):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def relative_pledger(noun: Token, lex: Lexicon) -> tuple[Token | None, Token | None]:
    """(actor token, verb of saying) for a relative passive about ``noun``: the speaker's verb when one governs the
    clause (its subject is read as the speaker), else the setting verb's subject, else (None, None)."""
    gov = _governing(noun)
    if gov is None:
        return None, None
    setting = gov.lemma_.lower() in word_sets("pledges/relative_passives.yaml")["setting_verbs"] and \
        not any(c.dep_ == "neg" for c in gov.children)
    subj = subject_of(gov)
    doer = subj if subj is not None and subj.pos_ != "PRON" and is_actorish(subj, lex) else None
    if doer is not None and not setting:
        return None, None  # "the rebels seized the town, which will be retaken": another party's act
    say = say_head(gov, lex)
    if say is not None:
        return None, say
    if setting and doer is None and subj is not None and subj.pos_ in ("NOUN", "PROPN"):
        doer = subj  # "the assembly voted to call a referendum": a body the parse's lexicon lacks; the resolver decides
    return (doer, None) if setting else (None, None)


def relative_vouched(verb: Token, doer: Token | None, speaker: Actor | None, speaker_tok: Token | None) -> bool:
    """Whether a relative passive has a pledger: its setter, or a speaker who vouches as for "will" (an office, an
    official or a named actor, no onlooker; the verb no verb of a trend)."""
    if doer is not None:
        return True
    if speaker is None or onlooker(speaker.sector):
        return False
    if verb.lemma_.lower() in word_sets("pledges/modal_forms.yaml")["trend_verbs"]:
        return False
    return bool(speaker.sector in ("GOV", "MIL") or speaker.role or speaker.person_id or speaker.name
                or speaker_tok is not None and speaker_tok.ent_type_ in ("PERSON", "ORG"))
