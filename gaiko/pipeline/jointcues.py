"""More cues of acting together for :func:`gaiko.pipeline.primacy.joint_operations` (issue 12, round t36).

Data: ``gaiko/data/primary/joint.yaml`` (``help_nouns``, ``help_preps``, ``joint_nouns_t36``, ``exercise_nouns``,
and round s24's ``adjectives`` and ``with_preps``). Measured in docs/rounds/accuracy.md ("Kinds round t36").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["more_cues"]


def _in_clause(tok: Token, anchor: Token) -> bool:
    """Whether ``tok`` hangs on ``anchor`` through nouns and prepositions only (no verb of its own between)."""
    cur = tok
    for _ in range(8):
        if cur.i == anchor.i:
            return True
        if cur.head.i == cur.i or (cur.i != tok.i and cur.pos_ in ("VERB", "AUX")):
            return False
        cur = cur.head
    return False


def _help_on_act(prep: Token, anchor: Token, acts: frozenset[str]) -> bool:
    """Whether the help phrase ``prep`` ("with", "in") hangs on the act ``anchor`` itself, or on a clause of a noun of
    a joint act on its way up ("seized in an operation conducted with the help of"), not on another clause ("arrested
    the banker, who had fled with the help of ...")."""
    cur, verb = prep.head, False
    for _ in range(10):
        if cur.i == anchor.i:
            return not verb
        if cur.head.i == cur.i:
            return False
        if cur.pos_ in ("NOUN", "PROPN") and cur.lemma_.lower() in acts:
            return anchor.i in (a.i for a in cur.ancestors)
        verb = verb or cur.pos_ in ("VERB", "AUX")
        cur = cur.head
    return False


def more_cues(anchor: Token, sides: list[Token], words) -> tuple[bool, list[Token]]:  # type: ignore[no-untyped-def]
    """(a cue of acting together found?, the phrases it adds as sides) in the clause of ``anchor`` with its subject
    phrases ``sides``; ``words(key)`` gives a word list of ``joint.yaml``.

    Cues: a helper named by a noun of help with "of/from/with" under the act ("with the help of Kenyan agents", also
    in a clause of a noun the act hangs on: "in an operation conducted with the help of"); "joint" (or another
    adjective of acting together) on a listed noun anywhere in the act's clause; "alongside" on the act's object; an
    exercise noun in the act's clause when two subject phrases or conjuncts are named (their countries are checked
    by the caller)."""
    cue, extra = False, []
    for t in anchor.subtree:
        low = t.lemma_.lower()
        if t.dep_ == "pobj" and low in words("help_nouns") and t.head.lower_ in ("with", "in") \
                and _help_on_act(t.head, anchor, words("nouns")):
            for p in t.children:
                if p.dep_ == "prep" and p.lower_ in words("help_preps"):
                    extra += [o for o in p.children if o.dep_ == "pobj"]
                    cue = cue or bool(extra)
        elif t.lower_ in words("adjectives") and t.dep_ == "amod" \
                and t.head.lemma_.lower() in words("joint_nouns_t36") | words("nouns") and _in_clause(t.head, anchor):
            cue = True
        elif t.lower_ in words("with_preps") and t.head.dep_ in ("dobj", "obj") and t.head.head.i == anchor.i:
            extra += [o for o in t.children if o.dep_ == "pobj"]
            cue = cue or bool(extra)
        elif low in words("exercise_nouns") and _in_clause(t, anchor) \
                and (len(sides) > 1 or any(c.dep_ == "conj" for s in sides for c in s.subtree)):
            cue = True
    return cue, extra
