"""Things, not parties, as sides of an event (round t42, ``gaiko/data/actors/thing_sides.yaml``).

PLOVER's sides are people, groups, organisations and states. A common noun whose WordNet senses all name things
("the works breached a 1991 treaty", "a trade agreement cuts tariffs", "Poland condemned the sanctions") is no source
and takes no country of its sentence as a target, unless the deed done to it is done to its owners ("shelled homes
in Kharkiv"). Receivers of a giving act are its target, the giver its source ("Indonesia received Australian aid").
Measured in docs/rounds/accuracy.md ("Kinds round t42").
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from ..types import Actor

__all__ = ["thing_noun", "thing_source", "thing_target", "owned_type", "judged_type", "self_judged", "equipment_word", "received_sides",
           "own_place_part", "modifier_word", "thing_giver"]


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    """The lists of ``actors/thing_sides.yaml``.

    Raises :class:`gaiko.errors.DataFileError` when a list is missing or not a list of strings."""
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    path = data_path("actors/thing_sides.yaml")
    data = load_yaml(path) or {}
    out: dict[str, frozenset[str]] = {}
    for k in ("party_classes", "owned_types", "judged_types", "receiving", "giving_types", "doer_classes",
              "passive_gift_types"):
        v = data.get(k)
        if not isinstance(v, list) or not all(isinstance(w, str) for w in v):
            raise DataFileError(str(path), f"'{k}' must be a list of words")
        out[k] = frozenset(w if k.endswith("types") else w.lower() for w in v)
    return out


def owned_type(etype: str) -> bool:
    """Whether a deed of PLOVER type ``etype`` done to a thing is done to its owners (``owned_types``)."""
    return etype in _lists()["owned_types"]


def judged_type(etype: str) -> bool:
    """Whether PLOVER type ``etype`` judges what its object names (``judged_types``: "condemned the sanctions")."""
    return etype in _lists()["judged_types"]



def equipment_word(a: Actor, doc: Any) -> bool:
    """Whether the actor ``a`` is named by an equipment noun alone (``no_sides.yaml`` equipment) modifying the noun
    of an act ("North Korea's *missile* launch", "the *drone* strike"): a word of what was done, not a side of a
    judgement of it."""
    from ..actors.nosides import equipment_nouns

    tok = _head(a, doc)
    return tok is not None and tok.dep_ == "compound" and tok.lemma_.lower() in equipment_nouns() and tok.head.pos_ == "NOUN" \
        and tok.head.lemma_.lower() not in equipment_nouns()


def modifier_word(a: Actor, doc: Any) -> bool:
    """Whether the actor ``a`` is a bare sector word that only says what kind a thing is ("cut *labor* taxes",
    "tariffs on *labor*-intensive imports", "*worker* protective equipment"): a compound of a noun none of whose
    senses is of a ``doer_classes`` class, or the first word of a hyphenated adjective. Named actors, people and
    phrases with a country of their own words are not (round t43)."""
    tok = _head(a, doc)
    if tok is None or not a.sector or a.person_id or not (a.resolved_by or "").startswith("sector") \
            or tok.pos_ != "NOUN" or not tok.text.islower():
        return False
    if tok.dep_ == "npadvmod" and (tok.head.pos_ == "ADJ" or tok.head.tag_ == "VBN" and tok.head.dep_ == "amod"):
        return True  # "labor-intensive imports", "union-made goods": the noun they qualify is the side
    if tok.dep_ not in ("compound", "nmod") or tok.head.i < tok.i:
        return False
    head = tok.head
    while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
        head = head.head  # "worker safety equipment": what the whole compound names
    return _noun_classes(head, None, _lists()["doer_classes"])


def thing_noun(tok: Token, kb: Any = None) -> bool:
    """Whether ``tok`` is a common noun that names a thing: WordNet knows it, none of its senses is of a party class
    (``party_classes``: person, group, location) and the sector vocabulary (``kb.nouns``) does not know it. False
    for names, pronouns and words WordNet does not know."""
    return _noun_classes(tok, kb, _lists()["party_classes"])


def _noun_classes(tok: Token, kb: Any, party: frozenset[str]) -> bool:
    """Whether ``tok`` is a common noun WordNet knows, the sector vocabulary does not, and none of whose senses is
    of a class in ``party``."""
    from .lexclasses import word_classes

    if tok.pos_ != "NOUN" or tok.ent_type_ or not tok.text.islower():
        return False  # (a capitalised word may be a name the tagger took for a noun: "Trump did not meet ...")
    lemma, low = tok.lemma_.lower(), tok.lower_
    nouns = getattr(kb, "nouns", None)
    if nouns is None:
        from ..actors.kb import load_kb

        nouns = load_kb(()).nouns
    if lemma in nouns or low in nouns:
        return False
    wc = word_classes()
    if wc is None:
        return False
    wn = wc.wordnet.get((lemma, "n")) or wc.wordnet.get((low, "n"))
    if wn is None:
        return False
    return not (set(wn[0].split("|")) & party)


def _head(a: Actor, doc: Any) -> Token | None:
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def thing_source(a: Actor | None, doc: Any, etype: str) -> Actor | None:
    """``a``, or None when it is a phrase no actor list knows (no country, unresolved) headed by a thing noun ("the
    works", "a trade agreement", "the earthquake") and ``etype`` is no deed of owners (:func:`owned_type`: "bulldozers
    razed homes" keeps its source)."""
    if a is None or owned_type(etype) or a.country or a.person_id or (a.resolved_by or "unresolved") != "unresolved":
        return a
    head = _head(a, doc)
    return None if head is not None and thing_noun(head) else a


def self_judged(source: Actor | None, country: str | None, etype: str) -> bool:
    """Whether a thing of ``country`` judged in an event of type ``etype`` (:func:`judged_type`) would make a state
    judge itself: the source is a state or its government (no sector, or GOV) of that same country ("Poland condemned
    the sanctions"). A party inside it judging its own country's doings ("Bolivia's opposition complained of
    irregularities") is not."""
    return judged_type(etype) and source is not None and source.country is not None \
        and (country is None or source.country == country) and source.sector in (None, "GOV")


def thing_target(a: Actor | None, doc: Any, etype: str, source: Actor | None = None) -> Actor | None:
    """``a``, or None when it is an unresolved phrase with no country headed by a thing noun judged by a state of
    the sentence (:func:`self_judged`: "Japan condemned the launch" has no target; a deed's own object, "pay the
    arrears", may still take the country of its sentence)."""
    return thing_source(a, doc, etype) if self_judged(source, None, etype) else a


def received_sides(c: Any, source: Actor | None, target: Actor | None, etype: str, state: Any = None,
                   kb: Any = None) -> tuple[Actor | None, Actor | None] | None:
    """(giver, receiver) of a giving act told by its receiver ("Indonesia received $50 million of Australian aid",
    "Niger's army received two aircraft from the United States"): the subject of a verb of receiving
    (``receiving``) in an event of a giving type (``giving_types``) is the target; the giver is the target the
    coder found when it is of another country, else the actor of the verb's "from" phrase (``state``: the
    document's :class:`~gaiko.pipeline.state.DocState`), else (with ``kb``, the actor knowledge base) the country of
    a nationality word of the thing received ("received German air defence systems"; t43), else none. None when the event is no such act (the sides stand)."""
    anchor = c.anchor
    lists = _lists()
    if etype not in lists["giving_types"] or anchor.lemma_.lower() not in lists["receiving"] \
            or c.tok.pos_ not in ("VERB", "AUX") or source is None:
        return None
    if not any(s.dep_ == "nsubj" and source.start <= s.idx < source.end for s in anchor.children):
        return None  # a passive ("aid was received by ..."), or the source is not the receiving subject
    giver = target if target is not None and target.country and target.country != source.country else None
    if giver is None and state is not None:  # "Fiji received a patrol boat from Australia"
        giver = next((a for p in anchor.children if p.dep_ == "prep" and p.lower_ == "from" for o in p.children
                      if o.dep_ == "pobj" and (a := state.actor_in(o)) is not None and a.country
                      and a.country != source.country), None)
    if giver is None and state is not None and kb is not None:  # "received German air defence systems" (t43)
        giver = _maker(anchor, source, state, kb)
    return giver, source


def thing_giver(c: Any, target: Actor | None, speaker: Actor | None, etype: str) -> tuple[Actor, Actor] | None:
    """(giver, receiver) of a gift told in the passive with no agent by a speaker ("Ghana's finance ministry said the
    Chinese loan had been disbursed", "... the loan from China had been paid out"): the country named inside the
    passive subject (its nationality word or its "from" phrase), which the coder took as the target, is the giver,
    and the speaker's side, of another country, the receiver (round e47, b46). None when the event is no such act."""
    if etype not in _lists()["passive_gift_types"] or target is None or speaker is None or not target.country \
            or not speaker.country or target.country == speaker.country:
        return None
    for subj in (s for s in c.tok.children if s.dep_ in ("nsubjpass", "nsubj:pass")):
        if not thing_noun(subj):
            continue  # "the Chinese envoy had been given ...": a receiver told in the passive
        lo, hi = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)
        if lo <= target.start and target.end <= hi:
            return target, speaker
    return None


def _maker(verb: Token, receiver: Actor, state: Any, kb: Any) -> Actor | None:
    """The country named by a nationality word or name before the received thing's noun ("received *German* air
    defence systems"), as an actor of its own, when it is not the receiver's; else None."""
    from .roles import kb_actor

    for o in verb.children:
        if o.dep_ not in ("dobj", "obj"):
            continue
        for t in o.subtree:
            if t.i < o.i and t.dep_ in ("amod", "compound", "nmod") and t.pos_ in ("ADJ", "PROPN") \
                    and (a := kb_actor(t, kb, state.places)) is not None and a.country != receiver.country:
                return Actor(**{**a.to_dict(), "sector": None})
    return None


def own_place_part(target: Actor | None, source: Actor | None, doc: Any) -> bool:
    """Whether ``target`` is a place of the source's own country named as a word of a thing ("Kenya pledged to
    reopen the *Busia* crossing", "Peru promised to rebuild the *Cusco* airport"): where the act is, not a side.
    The caller applies it to pledges only: a deed done "at the *Ikorodu* district" for its own people keeps the
    place's country (tuned batch 36, AID)."""
    if target is None or source is None or not source.country or target.country != source.country \
            or target.sector or target.person_id:
        return False
    head = _head(target, doc)
    if head is None or head.dep_ not in ("compound", "amod", "nmod"):
        return False
    return _noun_classes(head.head, None, _PEOPLE)  # "the Busia crossing", not "the Busia police"


#: WordNet classes of nouns of people, whose place word tells whose they are ("the Busia county council")
_PEOPLE = frozenset({"noun.person", "noun.group"})
