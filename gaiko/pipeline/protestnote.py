"""A government's diplomatic protest is ACCUSE "complain officially", not a street demonstration (round n46).

PLOVER's PROTEST is people acting in public ("demonstrate, strike, boycott, riot"); a state that "protested the
seafood suspension" or "lodged a strong protest with Seoul" voices disapproval through diplomatic channels, CAMEO
114 (``cameo.tsv``: ACCUSE, mode ``allege``, context ``diplomatic``), the entry ``accuse.complain`` that "protested
to Beijing" fires already. The words are data (``gaiko/data/primary/diplomatic_protest.yaml``).

:func:`diplomatic_protest` re-types a draft at the verb "protest" whose doer speaks for a state (a GOV sector, or
the country itself), and a draft at the noun "protest" or at the verb that hands it ("lodged", "filed") when the
note is handed ("lodged a protest") or named as one ("a formal protest"), whoever the doer. Crowds, students,
workers and the opposition keep PROTEST demo; a stated plan or threat keeps its type.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .eventrecord import Draft
    from .triggers import Lexicon

__all__ = ["diplomatic_protest"]

_ENTRY = "accuse.complain"
_KEEP = frozenset({"THREATEN", "AGREE", "REQUEST", "REJECT"})

#: the lists of primary/diplomatic_protest.yaml this module reads
_KEYS = ("nouns", "verbs", "note_verbs", "note_adjectives", "state_sectors", "state_resolved_by", "note_nouns")


@lru_cache(maxsize=None)
def _lists() -> dict[str, frozenset[str]]:
    """The lists of ``primary/diplomatic_protest.yaml`` (sectors as written, words lower-cased).

    Raises :class:`gaiko.errors.DataFileError` when a list is missing or not a list of strings."""
    from ..errors import DataFileError
    from ..tables import data_path, word_lists

    data = word_lists("primary/diplomatic_protest.yaml")
    for k in _KEYS:
        if k not in data:
            raise DataFileError(str(data_path("primary/diplomatic_protest.yaml")), f"'{k}' must be a list of words")
    return {k: frozenset(w if k == "state_sectors" else w.lower() for w in data[k]) for k in _KEYS}


def _note(noun: Token, w: dict[str, frozenset[str]]) -> bool:
    """Whether the noun "protest" names a diplomatic note: handed by a verb of ``note_verbs`` ("lodged a protest")
    or qualified by a word of ``note_adjectives`` ("a formal protest")."""
    if noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in w["note_verbs"]:
        return True
    return any(c.dep_ in ("amod", "compound") and c.lower_ in w["note_adjectives"] for c in noun.children)


def _protest_noun(tok: Token, w: dict[str, frozenset[str]]) -> Token | None:
    """The noun "protest" of a draft at ``tok``: ``tok`` itself, or the object of the verb that hands it."""
    if tok.pos_ == "NOUN" and tok.lower_ in w["nouns"]:
        return tok
    if tok.lemma_.lower() in w["note_verbs"]:
        return next((c for c in tok.children if c.dep_ in ("dobj", "obj") and c.lower_ in w["nouns"]), None)
    return None


def _protest_note(tok: Token, w: dict[str, frozenset[str]]) -> bool:
    """Whether ``tok`` hands a note named a protest ("handed him a protest note", "delivered a note of protest";
    round n49)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in w["note_verbs"]:
        return False
    for o in tok.children:
        if o.dep_ not in ("dobj", "obj") or o.lower_ not in w["note_nouns"]:
            continue
        if any(c.dep_ in ("compound", "amod") and c.lower_ in w["nouns"] for c in o.children):
            return True
        if any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ in w["nouns"] for g in c.children)
               for c in o.children):
            return True
    return False


def _state_side(d: Draft, w: dict[str, frozenset[str]]) -> bool:
    s = d.source
    if s is None:
        return False
    return s.sector in w["state_sectors"] or (not s.sector and s.resolved_by in w["state_resolved_by"])


def diplomatic_protest(drafts: list[Draft], lex: Lexicon) -> list[Draft]:
    """The drafts, a government's protest re-typed ACCUSE with the entry ``accuse.complain`` (CAMEO 114)."""
    entry = lex.entries.get(_ENTRY)
    if entry is None:
        return drafts
    w = _lists()
    out: list[Draft] = []
    for d in drafts:
        tok = d.cand.tok
        handed = not d.info.intended and _protest_note(tok, w)
        if (d.event_type in _KEEP and not (handed and d.event_type == "REQUEST")) or d.info.negated:
            out.append(d)
            continue
        noun = _protest_noun(tok, w)
        hit = handed
        if handed:
            pass
        elif noun is not None:
            hit = _note(noun, w) or (d.event_type == "ACCUSE" and _state_side(d, w))
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in w["verbs"]:
            hit = _state_side(d, w)
        if not hit or (d.event_type == "ACCUSE" and d.cameo == entry.cameo):
            out.append(d)
            continue
        out.append(replace(d, event_type="ACCUSE", cameo=entry.cameo, cand=replace(d.cand, entry=entry),
                           pattern=f"diplomatic_protest>{d.pattern}"))
    return out
