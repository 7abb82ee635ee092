""""Will be able to" / "will have to" over people, vouched by a speaker (round x22, issue 14: a thing's or people's
future with no actor as subject is the speaker's side's act).

"Under the accord up to 5,000 Filipino nurses will be able to work in Japanese hospitals, Japan's health minister
said" is the minister's side's pledge to *let* the nurses work; "Importers will have to register every shipment with
the agency, the agriculture ministry said" its pledge to *require* it. Read only with "will" ("would" is conditional),
a subject whose head is a noun of people (``people_nouns`` of ``pledges/enabled_acts.yaml``, not an actor: "Kenya
will be able to repay" is a forecast of Kenya), a verb of saying over it (the speaker then vouches as for "will",
:func:`gaiko.pipeline.pledge_forms.vouched`), no negation and no condition ("once the road reopens"); "have to" only
over an act a rule requires (``required_acts``: "will have to wait" is a need foreseen).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..tables import word_sets
from ..types import Actor
from .pledge_parts import Lexicon, is_actorish, say_head

__all__ = ["able_of", "able_self", "able_unvouched", "enabled_act", "enabled_action", "obliged_people", "told_of_people"]

_WORDS = "pledges/enabled_acts.yaml"


def _inf(v: Token) -> bool:
    return v.dep_ == "xcomp" and v.pos_ in ("VERB", "AUX") and any(a.lower_ == "to" and a.dep_ == "aux" for a in v.children)


def _people(subj: Token | None, lex: Lexicon) -> bool:
    """A noun of people (``people_nouns``), or a people named by a plural demonym, or counted."""
    if subj is not None and subj.lower_.endswith("s") and subj.pos_ in ("NOUN", "PROPN") and (
            subj.ent_type_ == "NORP" or any(c.dep_ == "nummod" for c in subj.children)):
        return True  # "Ukrainians", "up to 10,000 Papua New Guineans" (a counted people the tagger took for an ORG)
    return subj is not None and subj.pos_ == "NOUN" and not is_actorish(subj, lex) and \
        subj.lemma_.lower() in word_sets(_WORDS)["people_nouns"]


def obliged_people(have: Token, lex: Lexicon) -> bool:
    """Whether "have to" at ``have`` binds people who are no party (round x23): "Fishermen will have to stay in port
    until the storm passes, the coast guard said" is an obligation told of them, no pledge of theirs; and no demand
    either (docs/pledges.md: a demand asks a party by a verb of asking or wishing, and a rule's act is the speaker's
    side's "require", :func:`enabled_act`)."""
    return _people(next((c for c in have.children if c.dep_ in ("nsubj", "nsubjpass")), None), lex)


def _office(speaker: Actor, tok: Token | None) -> bool:
    """Whether a speaker is an office or an official: sector GOV, MIL or COP, a role, or a head noun (with its
    compounds) the actor vocabulary (``actors/sectors.yaml``) puts in one of those sectors ("the coast guard said" in
    an article whose coast guard the resolver left unplaced) or of ``office_nouns`` ("the state's interior department
    said")."""
    if speaker.sector in _OFFICES or speaker.role:
        return True
    if tok is None:
        return False
    from ..actors.kb import load_kb

    nouns = load_kb().nouns
    phrase = " ".join(t.lower_ for t in tok.children if t.dep_ == "compound" and t.i < tok.i)
    return tok.lemma_.lower() in word_sets(_WORDS)["office_nouns"] or any(
        nouns.get(k) in _OFFICES for k in (f"{phrase} {tok.lower_}".strip(), tok.lower_, tok.lemma_.lower()))


_OFFICES = ("GOV", "MIL", "COP")


def told_of_people(cue: Token, subj: Token | None, actor: Actor | None, speaker: Actor | None,
                   speaker_tok: Token | None = None) -> bool:
    """Whether a plain future ("will", "would", "is to") of private people (``third_party_people``) is told by an
    office of another side (round x24): "Fishermen will stay in port until the storm passes, the coast guard said"
    is no pledge of the fishermen, as their "will have to" is none (:func:`obliged_people`), nor the office's. The
    speaker must be an office (sector GOV, MIL or COP) or an official (a role); people whose own side speaks ("farmers
    will block the roads on Monday, their union said") and people with a possessor ("our students") keep their
    reading."""
    if subj is None or subj.pos_ != "NOUN" or subj.lemma_.lower() not in word_sets(_WORDS)["third_party_people"]:
        return False
    if not (cue.dep_ == "aux" or cue.lemma_.lower() == "be") or speaker is None:
        return False
    if any(c.dep_ == "poss" for c in subj.children):
        return False  # "its fishermen", "Kenya's students": a side's own people
    if actor is not None and actor.sector in ("GOV", "MIL"):
        return False
    return _office(speaker, speaker_tok)


def able_self(be: Token, lex: Lexicon) -> Token | None:
    """The act of "would/will be able to ACT" said by the pledger of itself (round x23): "Malawi said it would be able
    to repay the loan by 2028", "'We will be able to reopen the port by June,' the minister said". The subject is a
    pronoun (the speaker's own side, as for "she said she would") under a verb of saying; an actor or a thing named
    ("the IMF said Kenya would be able to repay": a forecast of another), a negation and a condition ("if the rains
    come") give None."""
    subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
    able = next((c for c in be.children if c.dep_ == "acomp" and c.lower_ == "able"), None)
    if subj is None or subj.lower_ not in ("it", "we", "they", "he", "she", "i") or able is None:
        return None
    if subj.lower_ not in ("we", "i") and _quoted(be):
        return None  # '"They will be able to repay the loan," the IMF's mission chief said': others (round x24)
    act = next((c for c in able.children if _inf(c)), None)
    if act is None or any(c.dep_ == "neg" for c in (*be.children, *act.children)) or \
            _conditional(be, act, marks=lex.condition_marks) or say_head(be, lex) is None:
        return None
    return act


def able_of(cue: Token, verb: Token) -> Token | None:
    """The "be" of "will/would be able to VERB" when the modal ``cue`` and the act ``verb`` are its parts, else None:
    the verb of saying over such a pledge is found from the "be", as the act hangs on "able" (round x24: '"We will be
    able to reopen the crossing by June," the minister told reporters' is the minister's side's pledge)."""
    be = cue.head
    if cue.dep_ != "aux" or be.lemma_.lower() != "be" or verb.dep_ != "xcomp" or verb.head.lower_ != "able" or \
            verb.head.head.i != be.i:
        return None
    return be


def _quoted(tok: Token) -> bool:
    """Whether ``tok`` stands inside quotation marks of its sentence (an opening mark before it, none closing between)."""
    marks = [t for t in tok.sent if t.i < tok.i and (t.tag_ in ("``", "''") or t.text in ('"', "\u201c", "\u201d"))]
    return len(marks) % 2 == 1


def able_unvouched(cue: Token, verb: Token, speaker: Actor | None) -> bool:
    """Whether a quoted "we will be able to ACT" (:func:`able_of`) has a speaker who does not speak for a side: an
    office (sector GOV or MIL) or an official (a role, a known person) vouches for "we"; '"We will be able to see the
    first results by June," an economist at a bank said' is no pledge (round x24); nor is a quoted "would" (in the
    speaker's own words, a condition, not a reported "will")."""
    be = able_of(cue, verb)
    if be is None or not _quoted(be):
        return False
    if cue.lower_ not in ("will", "'ll"):
        return True  # '"We would be able to pay ...," the minister said': a quoted "would" is conditional
    return speaker is None or not (speaker.sector in ("GOV", "MIL") or speaker.role or speaker.person_id)


def _conditional(*verbs: Token, marks: frozenset[str]) -> bool:
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks | {"when", "after"} for m in c.children)
               for v in verbs for c in v.children)


def enabled_act(aux: Token, lex: Lexicon) -> tuple[Token, str] | None:
    """(the act, "let", "require" or "grant") of "will be able to ACT" / "will have to ACT" / "will be exempt from"
    at the modal ``aux``, else None."""
    if aux.lower_ not in ("will", "'ll") or aux.dep_ != "aux":
        return None
    head = aux.head
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or any(c.dep_ == "neg" for c in head.children):
        return None
    granted = next((c for c in head.children if c.dep_ == "acomp" and c.lower_ in word_sets(_WORDS)["granted_states"]),
                   None) if head.lemma_.lower() == "be" else None
    if granted is not None and subj.pos_ == "NOUN" and not is_actorish(subj, lex):
        act, how = granted, "grant"  # "goods from Mexico will be exempt from the tariff, the president said" (x22)
    elif not _people(subj, lex):
        return None
    elif head.lemma_.lower() == "be":
        able = next((c for c in head.children if c.dep_ == "acomp" and c.lower_ == "able"), None)
        act = next((c for c in able.children if _inf(c)), None) if able is not None else None
        how = "let"
    elif head.lemma_.lower() == "have":
        act = next((c for c in head.children if _inf(c)), None)
        how = "require"
        if act is not None and act.lemma_.lower() not in word_sets(_WORDS)["required_acts"]:
            return None
    else:
        return None
    if act is None or any(c.dep_ == "neg" for c in act.children) or _conditional(head, act, marks=lex.condition_marks):
        return None
    if say_head(head, lex) is None:
        return None  # no speaker: "Farmers will be able to sell more" foresees, nobody vouches
    return act, how


def enabled_action(cue: Token, verb: Token, action: str, lex: Lexicon) -> str:
    """The action of an enabled act with its people: "let up to 5,000 Filipino nurses work in ...", "require
    importers to register ..."; other actions unchanged."""
    found = enabled_act(cue, lex) if cue.dep_ == "aux" else None
    if found is None or found[0].i != verb.i:
        return action
    subj = next(c for c in cue.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    cut = [range(c.left_edge.i, c.right_edge.i + 1) for c in subj.subtree if c.dep_ in ("relcl", "appos")]
    people = " ".join(t.text for t in subj.subtree if t.dep_ != "punct" and not any(t.i in r for r in cut))
    if found[1] == "grant":  # "exempt goods from Mexico from the new tariffs"
        rest = action.split(" ", 1)[1] if " " in action else ""
        return f"{verb.lower_} {people} {rest}".strip()
    return f"let {people} {action}" if found[1] == "let" else f"require {people} to {action}"
