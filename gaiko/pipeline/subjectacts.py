"""A sentence's subject act noun, coded as its act (issue 12, rounds t26, t27, t31 and t33; kind 3 of
:mod:`gaiko.pipeline.primacy`).

:func:`subject_acts` (round t26): a sentence with no event whose subject is an act noun with a side of its own and a
verb of occurring ("The transfer of 31 tanks by Washington to Kyiv was completed") codes the noun's act
(``gaiko/data/primary/subject_acts.yaml``). :func:`subject_retype` (round t27) gives the type of that file to a
model's draft at such a subject noun ("The deployment of French paratroopers to Chad was confirmed": MOBILIZE, not the
model's AID). Round t31: a noun of two readings takes only the sides of its act (``noun_sides``: "demonstrations
against", never "of"), and a hyphenated noun the tokenizer split ("sit-in") is read whole. Round t33: an act of
``means`` ("A ransomware attack crippled the ministry") needs no side.

Split from :mod:`gaiko.pipeline.primacy` in round e1 of session 33 (docs/rounds/pledges.md, Round e1), moved as they
were. :func:`subject_retype` takes and returns the coder's drafts (``gaiko.pipeline.eventrecord.Draft``); confidences
are in 0..1.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from ..tables import word_sets
from .primarydata import _data, _words
from .triggers import hyphen_word

if TYPE_CHECKING:
    from .eventrecord import Draft as _Draft
    from .events import EventCoder
    from .state import DocState

__all__ = ["subject_acts", "subject_retype", "subject_drafts"]

# a stated plan, threat or demand is typed by its modality, not by the act it names (as in retype.py)
_PLANS = frozenset({"THREATEN", "AGREE", "REQUEST"})


@lru_cache(maxsize=None)
def _subject_nouns() -> dict[str, str]:
    """{noun: PLOVER type} of ``subject_acts.yaml``.

    Raises :class:`gaiko.errors.DataFileError` when ``nouns`` is not a mapping of PLOVER types to lists."""
    from ..errors import DataFileError
    from ..tables import data_path, plover_table

    nouns = _data("subject_acts").get("nouns") or {}
    types = set(plover_table())
    if not isinstance(nouns, dict) or not all(t in types and isinstance(ws, list) for t, ws in nouns.items()):
        raise DataFileError(str(data_path("primary/subject_acts.yaml")), "nouns must map PLOVER types to lists")
    return {str(w).lower(): str(t) for t, ws in nouns.items() for w in ws}


#: word lists: ``gaiko/data/primary/modal_words.yaml`` (read once, on first use)
_WORDS = "primary/modal_words.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``primary/modal_words.yaml`` as a set: ``modals``."""
    return word_sets(_WORDS)[key]


def _happened(verb: Token) -> bool:
    """True when ``verb``, the head of an act noun, tells that the act happened: a verb of ``subject_acts.yaml``
    with no future, modal or negation on it."""

    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _words("subject_acts", "verbs"):
        return False
    if any(c.dep_ in ("aux", "auxpass", "neg") and c.lower_ in ("will", "would", "could", "might", "may", "must",
                                                                "should", "shall", "not", "n't", "never", "'ll")
           or c.dep_ == "neg" for c in verb.children):
        return False
    return True


@lru_cache(maxsize=None)
def _noun_sides() -> dict[str, frozenset[str]]:
    """{noun: prepositions} of ``subject_acts.yaml`` ``noun_sides`` (round t31): the sides a noun of two readings
    needs ("demonstrations against the coup", not "demonstrations of the new drone").

    Raises :class:`gaiko.errors.DataFileError` when ``noun_sides`` is not a mapping of nouns to lists."""
    from ..errors import DataFileError
    from ..tables import data_path

    sides = _data("subject_acts").get("noun_sides") or {}
    if not isinstance(sides, dict) or not all(isinstance(v, list) for v in sides.values()):
        raise DataFileError(str(data_path("primary/subject_acts.yaml")), "noun_sides must map nouns to lists")
    return {str(k).lower(): frozenset(str(w).lower() for w in v) for k, v in sides.items()}


def _own_side(tok: Token, sides: frozenset[str]) -> bool:
    """True when the act noun ``tok`` has a side of its own: a possessive, a preposition of ``sides`` ("of", "by",
    "between" ...; for a noun of ``noun_sides``, its own list) or a named doer before it ("New US tariffs", "the
    Indian embargo": a proper noun or a nationality adjective that names a place, a people or an organisation;
    round t27)."""
    own = _noun_sides()
    sides = own.get(hyphen_word(tok)) or own.get(tok.lemma_.lower()) or sides
    for c in tok.children:
        if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in sides:
            return True
        if c.dep_ in ("compound", "amod") and c.i < tok.i and c.ent_type_ in ("GPE", "NORP", "ORG"):
            return True
    return False


def _noun_type(tok: Token) -> str | None:
    """The type ``subject_acts.yaml`` gives the noun ``tok``: by its lemma, its form, or the hyphenated word the
    tokenizer split ("sit-in" is read as "sit", "-", "in", the last its head; round t31)."""
    nouns = _subject_nouns()
    return nouns.get(hyphen_word(tok)) or nouns.get(tok.lemma_.lower()) or nouns.get(tok.lower_)


def _means_act(tok: Token) -> str | None:
    """The type of ``subject_acts.yaml`` ``means`` of ``tok`` (a word or a phrase ending in it: "ransomware
    attack") when it is the subject of a verb of ``means_verbs`` with no future, modal or negation; else None."""
    from .retype import _listed

    verb = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX") \
            or verb.lemma_.lower() not in _words("subject_acts", "means_verbs") \
            or any(c.dep_ == "neg" or c.dep_ in ("aux", "auxpass") and c.lower_ in _w("modals") for c in verb.children):
        return None
    for etype, words in (_data("subject_acts").get("means") or {}).items():
        if _listed(tok, [str(w).lower() for w in words]):
            return str(etype)
    return None


def _subject_act(tok: Token) -> str | None:
    """The type of ``subject_acts.yaml`` of ``tok`` when it is a listed act noun, subject of a verb of occurring,
    with a side of its own; None otherwise."""
    etype = _noun_type(tok)
    if etype is None or tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass") or not _happened(tok.head):
        return None
    return etype if _own_side(tok, _words("subject_acts", "sides")) else None


def subject_retype(drafts: list[_Draft]) -> list[_Draft]:
    """The drafts, a model's draft at a subject act noun ("The deployment of French paratroopers to Chad was
    confirmed") re-typed by ``subject_acts.yaml`` (MOBILIZE, where the model said AID); the rules' drafts, plans
    and threats keep their type (round t27)."""
    from ..tables import plover_table

    retype = _words("subject_acts", "retype_nouns")
    out = []
    for d in drafts:
        tok = d.cand.tok
        listed = tok.lemma_.lower() in retype or tok.lower_ in retype
        etype = _subject_act(tok) if listed and d.decided_by == "model" and d.event_type not in _PLANS else None
        if etype is None or etype == d.event_type or d.info.intended or d.info.hypothetical:
            out.append(d)
            continue
        out.append(replace(d, event_type=etype, cameo=str(plover_table()[etype]["cameo"]),
                           pattern=f"subject_retype>{d.pattern}"))
    return out


def subject_acts(coder: EventCoder, sent: Span, state: DocState, frames: frozenset[int]) -> list[_Draft]:
    """Drafts for a sentence that has none: its subject act noun ("The exchange of criminal records between
    Ukraine and Moldova began in January": COOPERATE), typed by ``subject_acts.yaml``, with its side of its own
    (a possessive, an "of/by/between/to/for" phrase or a named doer before it) and a verb of occurring; [] when
    there is none."""
    sides = _words("subject_acts", "sides")
    for tok in sent:
        means = _means_act(tok)  # "A ransomware attack crippled the ministry": no side needed (round t33)
        etype = means or _noun_type(tok)
        if etype is None or tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if not means and not (_happened(tok.head) and _own_side(tok, sides)):
            continue
        return subject_drafts(coder, tok, etype, state, frames)
    return []


def subject_drafts(coder: EventCoder, tok: Token, etype: str, state: DocState, frames: frozenset[int]) -> list[_Draft]:
    """The drafts of type ``etype`` at the subject act noun ``tok``, with its sides: its "by" phrase did the act, its
    "to" phrase receives it; pattern ``subject_act>...``, decided by rule; [] below the coder's least confidence."""
    from .eventactors import event_actor

    drafts = coder._draft(coder.model_candidate(tok, etype, None), state, frames, fixed=etype)
    # its "by" phrase, hung on it, on its "of" object (the parser's reading of "The donation of 50 ambulances by
    # China") or on its passive verb ("The transfer of the tanks was completed by Germany")
    near = [*tok.children, *(g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                             if p.dep_ == "pobj" for g in p.children)]
    by = next((g for c in [*near, *tok.head.children] if c.dep_ == "agent" or c in near and c.dep_ == "prep"
               and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"), None)
    doer = event_actor(by, state, drafts[0].info, coder.kb) if by is not None else None
    to = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
               if g.dep_ == "pobj"), None)  # "The transfer of 31 tanks to Ukraine": Ukraine receives them
    taker = event_actor(to, state, drafts[0].info, coder.kb) if to is not None else None
    out = []
    for d in drafts:
        if taker is not None and (taker.country or taker.sector):
            d = replace(d, target=taker)
        if doer is not None and (d.source is None or d.source.start != doer.start):
            # "The donation of 50 ambulances by China": the "by" phrase did the act, it is no target
            same = d.target is not None and d.target.start == doer.start
            d = replace(d, source=doer, target=None if same else d.target)
        out.append(replace(d, pattern=f"subject_act>{d.pattern}", decided_by="rule"))
    return [d for d in out if d.confidence >= coder.min_confidence]
