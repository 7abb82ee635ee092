"""Matching a trigger entry's conditions against a token of the parse.

An :class:`~gaiko.pipeline.triggerentry.Entry` holds for a token when the token's objects, prepositions,
particle, modifiers, subject and children's dependency labels meet the entry's conditions (:func:`satisfied`);
some objects veto the entry's type for the learned type model too (:func:`model_vetoed`). The lexicon that picks
the entries to check is :class:`gaiko.pipeline.triggers.Lexicon`.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.nosides import equipment_nouns
from .ordercues import has_infinitive
from .triggerentry import Entry

__all__ = ["OBJ_DEPS", "object_words", "phrase_ok", "model_vetoed", "satisfied"]

#: dependency labels that hold a verb's object (active, passive, predicate)
OBJ_DEPS = ("dobj", "obj", "nsubjpass", "attr", "oprd", "dative")


def object_words(tok: Token) -> list[Token]:
    """The object tokens of a verb (following one level of conjunction, and
    "of" phrases of measure words: "tons of food aid")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in OBJ_DEPS:
            out.append(c)
            out.extend(x for x in c.children if x.dep_ == "conj")
            if c.pos_ == "PROPN":
                # "sent senior diplomat Masaaki Kanai": the title before a person's name (round n48)
                out.extend(x for x in c.children if x.dep_ == "compound" and x.pos_ == "NOUN")
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    out.extend(o for o in p.children if o.dep_ == "pobj")
    return out


def phrase_ok(phrase: tuple[str, ...], head: Token) -> bool:
    """Whether ``head`` is the last lemma of ``phrase`` and the phrase's other lemmas are among its children; a word
    written ``of:noun`` needs an "of" phrase of that noun below the head ("of:trust sign": "a sign of growing trust",
    round e46)."""
    if head.lemma_.lower() != phrase[-1] and head.lower_ != phrase[-1]:
        return False
    if len(phrase) == 1:
        return True
    mods = {c.lemma_.lower() for c in head.children} | {c.lower_ for c in head.children}
    ofs = {f"of:{g.lemma_.lower()}" for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
           for g in c.children if g.dep_ == "pobj"}
    return all(w in mods or w in ofs for w in phrase[:-1])


def model_vetoed(e: Entry, tok: Token) -> bool:
    """Whether a common noun in ``e.model_no_objects`` is the direct or prepositional object of ``tok`` ("met with
    tear gas"; not "met leaders of the Eagle Force", nor "met with the Quds Force")."""
    if e.model_no_deps and any(c.dep_ in e.model_no_deps for c in tok.children):
        return True  # "called Japan an indispensable partner": naming, no call on anyone (round t38)
    if not e.model_no_objects:
        return False
    objs = [c for c in tok.children if c.dep_ in OBJ_DEPS] + [
        p for c in tok.children if c.dep_ in ("prep", "agent") for p in c.children if p.dep_ == "pobj"]
    return any(o.pos_ == "NOUN" and o.lemma_.lower() in e.model_no_objects for o in objs)


def satisfied(e: Entry, tok: Token) -> bool:
    """Whether every condition of ``e`` holds at ``tok`` (vetoes, dependency labels, modifiers, subjects,
    object phrases, particle, to-infinitive, prepositions)."""
    if model_vetoed(e, tok):
        return False
    if e.no_deps and any(c.dep_ in e.no_deps for c in tok.children):
        return False
    if e.deps and not any(c.dep_ in e.deps for c in tok.children):
        return False
    if e.mods:
        near = [c for c in tok.children] + [g for c in tok.children if c.dep_ in ("compound", "amod") for g in c.children]
        if not any(c.lemma_.lower() in e.mods or c.lower_ in e.mods for c in near):
            return False
    if e.subjects and not any(s.lemma_.lower() in e.subjects for c in tok.children if c.dep_ == "nsubj"
                              for s in (c, *(g for p in c.children if p.lower_ == "of" for g in p.children))):
        return False  # "the last Cuban soldiers flew home", "hundreds of peacekeepers sailed home"
    if e.pair_subject and not any(c.dep_ == "nsubj" and any(x.dep_ == "conj" for x in c.children)
                                  for c in tok.children):
        return False  # "Modi and Albanese spoke on Thursday": two sides told as one subject (round x4)
    if tok.pos_ in ("NOUN", "PROPN") and e.objects:
        return any(phrase_ok(ph, tok) for ph in e.objects)
    if e.particle is not None and not any(c.dep_ == "prt" and c.lower_ == e.particle for c in tok.children):
        return False
    if e.infinitive and not has_infinitive(tok):
        return False
    objs: list[Token] | None = None
    if e.objects or e.no_objects or e.no_equipment:
        objs = object_words(tok)
        # "set fire to", "call for sanctions": objects may sit in a prepositional phrase too
        for c in tok.children:
            if c.dep_ in ("prep", "agent"):
                objs.extend(p for p in c.children if p.dep_ == "pobj")
        # "placed the city under a state of emergency": the "of" noun of "state" (round t33)
        objs.extend(g for o in list(objs) if o.lemma_.lower() == "state" for p in o.children
                    if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj")
        if e.no_objects and any(o.lemma_.lower() in e.no_objects or any(
                " " in ph and phrase_ok(tuple(ph.split()), o) for ph in e.no_objects) for o in objs):
            return False  # a phrase ("electricity tariffs") vetoes its head with those words only (round x58)
        if e.no_equipment and any(o.pos_ == "NOUN" and o.lemma_.lower() in equipment_nouns() for o in objs):
            return False  # "received German air defence systems": a thing received, no visitor (round t43)
        if e.objects and not any(phrase_ok(ph, o) for o in objs for ph in e.objects):
            return False
    for prep, allowed in e.preps:
        ok = False
        for c in tok.children:
            if c.dep_ in ("prep", "prt", "agent", "dative") and c.lower_ == prep:
                if not allowed or any(p.lemma_.lower() in allowed for p in c.children if p.dep_ in ("pobj", "pcomp")):
                    ok = True
                    break
        if not ok:
            return False
    return True
