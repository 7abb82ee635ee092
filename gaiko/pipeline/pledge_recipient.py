"""A pledge's target read from its clause (round u46, issue 14, b45 F16): the party the promise is made to or for, when
no addressee, object or "agreed with" gave one. "lift its ban on onion exports to Bangladesh", "double its gas
deliveries to Afghanistan", "open an embassy for Somalia", "sign a trade pact with Argentina", "roll over a deposit at
the State Bank of Pakistan": the actor named by the "to"/"for" phrase of the verb or of a noun of its object, the
"with" phrase of an agreement, or the other state's bank that holds a deposit. Round e47 (b46 F3): the indirect object
of a verb of giving ("lend Pakistan $2 billion", "grant Georgia a credit line"), the "with" phrase of a border or of
ties ("reopen the border with Benin", "cut ties with Vilnius") and the "on" phrase of a measure ("impose tariffs on
Mexico"). Not a place or a thing ("raise exports
to record levels", "send troops to the border", "for Chinese investment"), and not the pledger's own country ("aid
to its own provinces"). The words are data (``pledges/recipients.yaml``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from ..types import Actor

__all__ = ["recipient"]

_NESTED = ("relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "appos", "parataxis")


def recipient(verb: Token, obj_tok: Token | None, state: Any, own: str | None) -> Actor | None:
    """The party served by the act of ``verb`` (with its object ``obj_tok``), an actor with a country other than
    ``own``; None when the clause names none."""
    words = _words()
    nouns = _object_nouns(verb, obj_tok)
    for x in verb.children:  # "help restructure Ghana's debt": the helped act's object (round e49)
        if x.dep_ in ("xcomp", "ccomp") and verb.lemma_.lower() in words["helping_verbs"] and x.pos_ == "VERB":
            nouns += [n for n in _object_nouns(x, None) if all(n.i != m.i for m in nouns)]
    # "hold drills near the border with Armenia": a border named where the act is done has its other side (round e49)
    nouns += [o for p in verb.children if p.dep_ == "prep" for o in p.children
              if o.dep_ == "pobj" and o.lemma_.lower() in words["border_words"] and all(o.i != n.i for n in nouns)]
    heads = [verb, *nouns]
    partner = any(h.lemma_.lower() in words["partner_words"] for h in heads)
    measure = any(h.lemma_.lower() in words["measure_words"] for h in heads)
    for d in verb.children:  # "lend Pakistan $2 billion": the indirect object is the party served (round e47)
        if d.dep_ == "dative" and d.pos_ in ("PROPN", "NOUN"):
            a = state.actor_at(d)
            if a is not None and a.country and a.country != own:
                return a
    # the partner of an agreement or a dispute and a deposit's holder first: "take the dispute with Thailand to the
    # court" is Thailand's, the court is where it goes
    for second in (False, True):
        for h in heads:
            for p in h.children:
                if p.dep_ not in ("prep", "dative"):
                    continue
                prep = p.lower_
                for o in (x for x in p.children if x.dep_ == "pobj"):
                    holder = prep in words["holder_preps"] and _is_holder(o, words["holder_nouns"])
                    if second and prep not in words["recipient_preps"]:
                        continue
                    if not second and not (holder or (partner and prep in words["partner_preps"])
                                           or (measure and prep in words["measure_preps"])):
                        continue
                    a = _party(o, state, holder)
                    if a is not None and a.country and a.country != own:
                        return a
        if not second:  # "restructure Zambia's debt", "buy Ukraine's grain": the owner of the object (round e49)
            for n in nouns:
                for c in n.children:
                    a = state.actor_at(c) if c.dep_ == "poss" and c.pos_ == "PROPN" else None
                    if a is not None and a.country and a.country != own:
                        return a
    return None


def _object_nouns(verb: Token, obj_tok: Token | None) -> list[Token]:
    """The nouns of the promised act's object phrase, outside nested clauses: "its ban on onion exports" gives ban
    and exports."""
    out: list[Token] = []
    roots = [obj_tok] if obj_tok is not None else []
    roots += [c for c in verb.children if c.dep_ in ("dobj", "obj") and c is not obj_tok]
    stack = list(roots)
    while stack:
        t = stack.pop()
        if t.pos_ not in ("NOUN", "PROPN", "NUM", "SYM") or any(x.i == t.i for x in out):
            continue
        out.append(t)
        for c in t.children:
            if c.dep_ == "prep":
                stack.extend(x for x in c.children if x.dep_ == "pobj")
    return out


def _is_holder(o: Token, nouns: frozenset[str]) -> bool:
    return o.lemma_.lower() in nouns or any(c.dep_ == "compound" and c.lemma_.lower() in nouns for c in o.children)


def _party(o: Token, state: Any, holder: bool) -> Actor | None:
    """The actor that heads the phrase of ``o``: a mention covering ``o`` itself ("to Bangladesh", "for the Afghan
    government"), or for a holder the country that owns it ("Egypt's central bank", "the State Bank of Pakistan")."""
    a = state.actor_at(o)
    if a is not None:
        return a
    if not holder:
        return None
    for c in o.children:
        if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of"):
            for t in ([c] if c.dep_ == "poss" else [x for x in c.children if x.dep_ == "pobj"]):
                b = state.actor_at(t)
                if b is not None:
                    return b
    return None


@lru_cache(maxsize=None)
def _words() -> dict[str, frozenset[str]]:
    from ..tables import data_path, load_yaml

    d = load_yaml(data_path("pledges/recipients.yaml")) or {}
    return {k: frozenset(str(w).lower() for w in d.get(k) or ()) for k in
            ("recipient_preps", "partner_preps", "partner_words", "holder_preps", "holder_nouns", "measure_preps",
             "measure_words", "border_words", "helping_verbs")}
