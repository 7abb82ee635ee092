"""An act named in an accusation is the accused's alleged act, not an event of the accuser (round x8, kind F4 of
newcomer round b37).

"Colombia accused Ecuador of attacking its border posts" gave an ASSAULT by Colombia beside the ACCUSE: the act under
"of" took the subject of "accused" as its doer. corpora/events/README.md codes "X accused Y of doing Z" as ACCUSE by X
("Main clause first"), and the coder drafts no event for the alleged act in most such sentences ("India blamed
Pakistan for shelling villages"). :func:`accused_acts` drops a draft whose trigger is the act of an "of/for/with"
phrase of a verb of blame (``gaiko/data/primary/accused_acts.yaml``: accuse, blame, charge, ...), reached through
at most two ``xcomp``/``conj`` links ("of trying to seize", "of shelling and looting"); the accusation stays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .primarydata import _words

if TYPE_CHECKING:
    from .eventrecord import Draft

__all__ = ["accused_acts", "accusing_verb"]

_FILE = "accused_acts"


def accusing_verb(tok: Token) -> Token | None:
    """The verb of blame whose "of/for/with" phrase names the act at ``tok`` ("attacking" of "accused Ecuador of
    attacking"; "attack" of "blamed Kyiv for the attack"), else None."""
    links = _words(_FILE, "act_links")
    cur = tok
    for _ in range(3):
        if cur.dep_ in links and cur.head.i != cur.i:
            cur = cur.head
            continue
        break
    if cur.dep_ not in ("pcomp", "pobj") or cur.head.i == cur.i:
        return None
    prep = cur.head
    if prep.dep_ != "prep" or prep.lower_ not in _words(_FILE, "act_preps") or prep.head.i == prep.i:
        return None
    verb = prep.head
    if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in _words(_FILE, "blame_verbs"):
        return verb
    return None


def accused_acts(drafts: list[Draft]) -> list[Draft]:
    """The drafts without those at an act named by an accusation (module docstring)."""
    out = []
    for d in drafts:
        verb = accusing_verb(d.cand.tok)
        if verb is not None and verb.i != d.cand.tok.i:
            continue
        out.append(d)
    return out
