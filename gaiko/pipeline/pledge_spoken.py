"""Who speaks for a group named before, for the pledge extractor (:mod:`gaiko.pipeline.pledges`; round e36).

"A spokesman for the group said the hostages would be freed": "the group" is the group of its kind named in an
earlier sentence (or earlier in this one), the nearest one that was a subject, else the nearest; the title resolver's guess ("spokesman" as an official
of some country named elsewhere in the article) is no pledger. With no such group before it, the speaker is left
unresolved (no country) rather than given a wrong one. Word lists: ``pledges/spoken_for.yaml``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from ..tables import data_path, load_yaml
from ..types import Actor
from .state import DocState

__all__ = ["spoken_for", "text_issuer"]


@lru_cache(maxsize=None)
def _words() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """(spokes nouns, group noun -> sectors of the actor it refers back to) of ``pledges/spoken_for.yaml``."""
    data = load_yaml(data_path("pledges/spoken_for.yaml")) or {}
    groups = {str(k).lower(): frozenset(str(s) for s in v) for k, v in (data.get("group_nouns") or {}).items()}
    return frozenset(str(w).lower() for w in data.get("spokes_nouns") or ()), groups


def _group_noun(tok: Token) -> Token | None:
    """The body of "a spokesman for/of the group": the object of ``tok``'s "for"/"of" phrase, when it is a group noun
    with only "the" or "this" before it (a named body, "a spokesman for the Chinese embassy", is the resolver's)."""
    spokes, groups = _words()
    if tok.lower_ not in spokes and tok.lemma_.lower() not in spokes:
        return None
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in ("for", "of"):
            body = next((o for o in p.children if o.dep_ == "pobj"), None)
            if body is None or body.lemma_.lower() not in groups:
                continue
            kids = list(body.children)
            if kids and all(k.dep_ == "det" and k.lower_ in ("the", "this", "that") for k in kids):
                return body
    return None


def _subject(doc: Doc, actor: Actor) -> bool:
    """Whether a mention is (in) the subject of its clause."""
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return span is not None and any(t.dep_ in ("nsubj", "nsubjpass") or any(
        a.dep_ in ("nsubj", "nsubjpass") for a in t.ancestors if a.i in range(span.start, span.end + 3)) for t in span)


def spoken_for(tok: Token, state: DocState) -> Actor | None:
    """The actor "a spokesman for the group" speaks for: the nearest earlier actor of a sector the group noun names
    (``group_nouns``), else the mention itself with no country; None when ``tok`` is no such phrase."""
    body = _group_noun(tok)
    if body is None:
        return None
    sectors = _words()[1][body.lemma_.lower()]
    before = [a for a in state.actors if a.end <= tok.idx and a.sector in sectors and (a.country or a.name)]
    # a subject before any other ("Al-Shabaab militants seized two aid workers": the group is the one that acted)
    subjects = [a for a in before if _subject(tok.doc, a)]
    if subjects or before:
        return max(subjects or before, key=lambda a: a.start)
    span = tok.doc[tok.left_edge.i : body.i + 1]
    return Actor(text=span.text, start=span.start_char, end=span.end_char)


def text_issuer(tok: Token, state: DocState, say_verbs: frozenset[str], resolve: Any, memory: dict[str, Actor]) \
        -> Actor | None:
    """The issuer a text speaks for (round x19): ``tok`` the subject of a verb of saying and a noun of ``text_nouns``
    ("..., the letter said", "their joint statement said") that names no actor itself ("the Kremlin statement" is the
    resolver's); its possessor (``resolve``d), else the group most named as a subject before, as for "it said". None
    when ``tok`` is no such text."""
    if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in say_verbs or state.actor_in(tok) is not None:
        return None
    if tok.lemma_.lower() not in _texts() and tok.lower_ not in _texts():
        return None
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is not None:
        return resolve(poss)
    return memory.get("group") or memory.get("any")


@lru_cache(maxsize=None)
def _texts() -> frozenset[str]:
    """``text_nouns`` of ``pledges/spoken_for.yaml``."""
    return frozenset(str(w).lower() for w in (load_yaml(data_path("pledges/spoken_for.yaml")) or {}).get("text_nouns") or ())
