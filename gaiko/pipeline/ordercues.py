"""Orders told by a verb with a to-infinitive ("told the junta to restore order"; issue 12, round t37), and
conditions on a deed ("will send troops if ..."; round t39), and deployments into another's territory on a condition
("troops would be sent into the region if ..."; round t40, ``language/incursions.yaml``).

A trigger entry with ``infinitive: true`` (``gaiko/data/triggers/request.yaml`` ``request.tell_to``) holds only when
its verb governs a to-infinitive that is an order, not an ultimatum (``language/ultimatum_words.yaml``).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ..errors import DataFileError

__all__ = ["has_infinitive", "conditioned", "incursion"]

#: subordinators of a condition on a deed ("will send troops *if* Guyana goes ahead")
CONDITIONS = frozenset({"if", "unless"})


@lru_cache(maxsize=None)
def _ultimatum_words() -> frozenset[str]:
    """{word} of ``language/ultimatum_words.yaml``.

    Raises DataFileError when ``words`` is not a list of words."""
    from ..tables import data_path, load_yaml

    path = data_path("language/ultimatum_words.yaml")
    w = (load_yaml(path) or {}).get("words")
    if not isinstance(w, list) or not all(isinstance(x, str) and x.strip() for x in w):
        raise DataFileError(str(path), "'words' must be a list of words")
    return frozenset(x.strip().lower() for x in w)


def conditioned(tok: Token) -> bool:
    """Whether the deed at ``tok``, or a verb it is the complement or conjunct of, has an "if"/"unless" clause
    ("troops would be sent into the region *if* Guyana went ahead"; "said it would move troops ... *unless*")."""
    t, seen = tok, 0
    while seen < 6:
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
               for c in t.children):
            return True
        if t.dep_ not in ("xcomp", "ccomp", "conj") or t.head.i == t.i:
            return False
        t, seen = t.head, seen + 1
    return False


@lru_cache(maxsize=None)
def _incursion_words() -> tuple[frozenset[str], frozenset[str]]:
    """(prepositions, force nouns) of ``language/incursions.yaml``. Raises DataFileError when a key is missing."""
    from ..tables import data_path, load_yaml

    path = data_path("language/incursions.yaml")
    data = load_yaml(path) or {}
    out = []
    for key in ("preps", "forces"):
        w = data.get(key)
        if not isinstance(w, list) or not all(isinstance(x, str) and x.strip() for x in w):
            raise DataFileError(str(path), f"'{key}' must be a list of words")
        out.append(frozenset(x.strip().lower() for x in w))
    return out[0], out[1]


def incursion(tok: Token) -> bool:
    """Whether the verb ``tok`` sends forces into a place on a condition ("troops would be sent *into* the
    region *if* ...", "will send its army *across* the river *unless* ..."): a force noun as its object or passive
    subject, a preposition of entering, and :func:`conditioned`."""
    preps, forces = _incursion_words()
    kids = list(tok.children)
    return (any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in forces for c in kids)
            and any(c.dep_ == "prep" and c.lower_ in preps for c in kids) and conditioned(tok))


def has_infinitive(tok: Token) -> bool:
    """Whether ``tok`` governs a to-infinitive clause of an order ("told the junta *to restore*", "was told by
    ECOWAS *to restore*"): an ``xcomp``/``ccomp`` verb with the particle "to" as its auxiliary. Not an ultimatum
    ("to leave or face arrest": the type model reads THREATEN there), nor a passive without its "by" agent ("was
    told to reduce its staff": no one asks in the sentence)."""
    if any(c.dep_ == "nsubjpass" for c in tok.children) and not any(c.dep_ == "agent" for c in tok.children):
        return False
    doc, alt = tok.doc, _ultimatum_words()
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") \
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            return not any(w.lower_ == "or" and w.i + 1 < len(doc) and doc[w.i + 1].lower_ in alt for w in c.subtree)
    return False
