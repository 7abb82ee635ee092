"""Two clauses, two promisers, for the pledge extractor (:mod:`gaiko.pipeline.pledges`; round x18).

* "Uganda agreed to pull out of Ituri and Congo promised to arrest the rebel leaders": the parser makes "Congo" a
  conjunct of "Ituri" and "promised" a conjunct of "agreed", so the second promise inherited Uganda as its subject
  and the first act read "pull out of Ituri and Congo". A finite verb conjunct with no subject of its own that
  directly follows a noun conjunct is that noun's clause (:func:`stolen_subject`), and the noun, with its "and", is
  no part of the act before (:func:`stolen_tokens`).
* "Chad vowed to expel the fighters; Sudan, for its part, said it would stop arming them": the parser hangs the first
  clause on the second one's verb of saying as its complement, so Sudan became the speaker of Chad's pledge. A verb
  of saying that has its own complement after it did not say the clause before it (:func:`said_after`).
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["said_after", "stolen_subject", "stolen_tokens"]

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _finite(verb: Token) -> bool:
    """A finite verb or a verb with a modal ("promised", "will arrest")."""
    return verb.tag_ in _FINITE or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def stolen_subject(verb: Token) -> Token | None:
    """The noun that starts ``verb``'s clause though the parser made it a conjunct inside the clause before ("... out
    of Ituri and Congo promised to ..."), else None. ``verb`` is a conjunct verb with no subject and no "and" of its
    own, right after a noun conjunct that lies inside its head's clause."""
    if verb.dep_ != "conj" or verb.i == 0 or not _finite(verb) or verb.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "cc") for c in verb.children):
        return None
    first = min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "neg", "advmod") and c.i < verb.i)])
    if first == 0:
        return None
    noun = verb.doc[first - 1]
    if noun.pos_ not in ("PROPN", "NOUN") or noun.dep_ != "conj" or noun.head.pos_ not in ("PROPN", "NOUN"):
        return None
    if not any(c.dep_ == "cc" and noun.head.i < c.i < noun.left_edge.i + 1 for c in noun.head.children):
        return None  # "Ituri and Congo": the noun's "and" is there
    if verb.head not in noun.ancestors:
        return None
    return noun


def stolen_tokens(verb: Token) -> set[int]:
    """Indices, inside ``verb``'s subtree, of a noun that starts the next clause (:func:`stolen_subject`), with its
    modifiers and the "and" before it: no part of ``verb``'s act."""
    out: set[int] = set()
    for t in verb.subtree:
        if t.dep_ != "conj" or t.pos_ not in ("PROPN", "NOUN") or t.right_edge.i + 1 >= len(t.doc):
            continue
        nxt = t.doc[t.right_edge.i + 1]  # "Congo promised", "Congo will arrest", "Congo also said"
        clause = nxt.head if nxt.dep_ in ("aux", "neg", "advmod") and nxt.head.i > nxt.i else nxt
        if stolen_subject(clause) == t:
            out |= {x.i for x in t.subtree}
            out |= {c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.left_edge.i}
    return out


def said_after(say: Token, clause: Token) -> bool:
    """Whether the verb of saying ``say`` has a complement of its own after it while ``clause``, its complement by the
    parse, comes before it ("Chad vowed to ...; Sudan said it would ..."): then ``say`` did not say ``clause``."""
    if clause.i > say.i:
        return False
    return any(c.dep_ == "ccomp" and c.i > say.i for c in say.children)
