"""Trigger lexicons: load the YAML pattern files and match them against tokens.

The lexicons live in ``gaiko/data/triggers/*.yaml`` (one file per family of
PLOVER types, plus ``frames.yaml`` for the words that shape a clause rather
than name an event: speech verbs, light verbs, intention markers, modals).
Users can add their own files (``trigger_files=`` on the coder); entries in
later files with the same id replace earlier ones.

Everything is compiled once into dictionaries keyed by lemma, so matching a
token costs one dict lookup plus a check of the few entries for that lemma.
See ``docs/patterns.md`` for the file format.

Entries and their file format are in :mod:`gaiko.pipeline.triggerentry`, the checks of an entry's conditions
against a token in :mod:`gaiko.pipeline.triggermatch`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from ..errors import DataFileError
from ..tables import data_path
from .triggerentry import Entry, entry, read_file, words
from .triggermatch import model_vetoed, object_words, satisfied

__all__ = ["Entry", "Lexicon", "load_lexicon", "default_lexicon", "object_words", "model_entry", "hyphen_word"]


def hyphen_word(tok: Token) -> str:
    """The hyphenated word ``tok`` ends ("sit-in", "walk-out": spaCy splits words at a hyphen and hangs the first
    part on the last), lower case with the last part's lemma; "" when ``tok`` ends no hyphenated word."""
    i = tok.i
    if i < 2 or tok.doc[i - 1].text not in ("-", "\u2011") or tok.doc[i - 1].whitespace_ or tok.doc[i - 2].whitespace_:
        return ""
    return f"{tok.doc[i - 2].lower_}-{tok.lemma_.lower()}"


@dataclass
class Lexicon:
    verbs: dict[str, list[Entry]] = field(default_factory=dict)
    nouns: dict[str, list[Entry]] = field(default_factory=dict)
    adjs: dict[str, list[Entry]] = field(default_factory=dict)
    frames: dict[str, Any] = field(default_factory=dict)
    entries: dict[str, Entry] = field(default_factory=dict)

    # -- frames.yaml shortcuts (sets built once) --
    speech: frozenset[str] = frozenset()
    light: frozenset[str] = frozenset()
    aspect: frozenset[str] = frozenset()
    intent_verbs: frozenset[str] = frozenset()
    intent_adjs: frozenset[str] = frozenset()
    intent_nouns: frozenset[str] = frozenset()
    commitment_verbs: frozenset[str] = frozenset()
    future_aux: frozenset[str] = frozenset()
    hypo_aux: frozenset[str] = frozenset()
    oblige_aux: frozenset[str] = frozenset()
    cond_marks: frozenset[str] = frozenset()
    negators: frozenset[str] = frozenset()
    neg_verbs: frozenset[str] = frozenset()
    neg_subjects: frozenset[str] = frozenset()
    denial_verbs: frozenset[str] = frozenset()  # "denied that its troops had fired": the clause is not asserted (x11)
    yet_to_verbs: frozenset[str] = frozenset()  # "has yet to release": the act has not happened (x17)
    no_comparatives: frozenset[str] = frozenset()
    planned_be: frozenset[str] = frozenset()  # "is to deploy": a plan (e48)
    planned_participles: frozenset[str] = frozenset()  # "is set to expel" (e48)
    planned_idioms: frozenset[str] = frozenset()  # "is to blame": no plan (e48)

    known: frozenset[str] = frozenset()

    def lemma(self, tok: Token) -> str:
        """The token's lemma, repaired when the tagger's lemma is unknown but a
        plain inflection of the word is ("staged" lemmatised as "stag")."""
        joined = hyphen_word(tok)  # "sit-in", "cease-fire": split by the tokenizer (round t31)
        if joined in self.known:
            return joined
        lem = tok.lemma_.lower()
        if lem in self.known:
            return lem
        low = tok.lower_
        if low in self.known:
            return low
        for v in _variants(low):
            if v in self.known:
                return v
        return lem

    def match(self, tok: Token, pos: str) -> Entry | None:
        """Best entry for ``tok`` used as a verb, noun or adjective (``pos``)."""
        index = self.verbs if pos == "verb" else self.nouns if pos == "noun" else self.adjs
        cands = index.get(self.lemma(tok)) or index.get(tok.lower_)
        if not cands:
            return None
        for e in cands:  # sorted most specific first
            if satisfied(e, tok):
                return e
        return None

    def vetoed_types(self, tok: Token) -> frozenset[str]:
        """Event types the lexicon rules out at ``tok`` for the learned type model too: those of its entries for
        the word that an object in their ``model_no_objects`` vetoed ("met with tear gas" is no meeting), unless
        another entry of that type holds. (Plain ``no_objects`` veto the rule only: "rejected the accusations" is
        no refusal by rule, but the model may still code the denial.)"""
        pos = "verb" if tok.pos_ in ("VERB", "AUX") else "noun" if tok.pos_ in ("NOUN", "PROPN") else "adj"
        index = self.verbs if pos == "verb" else self.nouns if pos == "noun" else self.adjs
        cands = index.get(self.lemma(tok)) or index.get(tok.lower_)
        if not cands and pos == "noun":  # a verb's own noun: "the release of the album" (its "of" object; t41)
            cands = [e for e in self.verbs.get(tok.lemma_.lower()) or () if e.model_no_objects]
        if not cands:
            return frozenset()
        vetoed: set[str] = set()
        held: set[str] = set()
        for e in cands:
            if model_vetoed(e, tok):
                vetoed.add(e.event_type)
                continue
            if satisfied(e, tok):
                held.add(e.event_type)
        return frozenset(vetoed - held)

    def refine(self, frame: str, cameo: str) -> str | None:
        """CAMEO code for a frame verb (threaten, refuse...) given the code of its complement."""
        table = self.frames.get("refine", {}).get(frame) or {}
        code = cameo
        while code:
            if code in table:
                return str(table[code])
            code = code[:-1]
        return None


def _variants(w: str) -> list[str]:
    out: list[str] = []
    if w.endswith("ied"):
        out.append(w[:-3] + "y")
    if w.endswith("ies"):
        out.append(w[:-3] + "y")
    if w.endswith("ed") or w.endswith("es"):
        out += [w[:-1], w[:-2]]
        if len(w) > 4 and w[-3] == w[-4]:
            out.append(w[:-3])  # "stopped"
    elif w.endswith("ing"):
        out += [w[:-3], w[:-3] + "e"]
        if len(w) > 5 and w[-4] == w[-5]:
            out.append(w[:-4])
    elif w.endswith("s"):
        out.append(w[:-1])
    return out


def load_lexicon(files: Iterable[str | Path] = ()) -> Lexicon:
    """Compile the bundled trigger files plus ``files`` into a :class:`Lexicon`."""
    bundled = sorted(data_path("triggers").glob("*.yaml"))
    entries: dict[str, Entry] = {}
    frames: dict[str, Any] = {}
    for p in [*bundled, *(Path(f) for f in files)]:
        raw_entries, fr, conf = read_file(p)
        for k, v in fr.items():
            if isinstance(v, dict) and isinstance(frames.get(k), dict):
                frames[k] = {**frames[k], **v}
            else:
                frames[k] = v
        for raw in raw_entries:
            if not isinstance(raw, dict):
                raise DataFileError(str(p), f"entry {raw!r} is not a mapping")
            e = entry(raw, str(p), conf)
            entries.pop(e.id, None)
            entries[e.id] = e
    lex = Lexicon(frames=frames, entries=entries)
    for e in entries.values():
        for index, ws in ((lex.verbs, e.verbs), (lex.nouns, e.nouns), (lex.adjs, e.adjs)):
            for w in ws:
                index.setdefault(w, []).append(e)
    for index in (lex.verbs, lex.nouns, lex.adjs):
        for k in index:
            index[k].sort(key=lambda x: -x.specificity)  # stable: file order among equals

    def fs(key: str) -> frozenset[str]:
        return frozenset(words(frames.get(key), "frames", key))

    lex.known = frozenset(lex.verbs) | frozenset(lex.nouns) | frozenset(lex.adjs) | frozenset(
        w for k, v in frames.items() if isinstance(v, list) for w in words(v, "frames", k))
    lex.speech, lex.light, lex.aspect = fs("speech_verbs"), fs("light_verbs"), fs("aspect_verbs")
    lex.intent_verbs, lex.intent_adjs = fs("intent_verbs"), fs("intent_adjs")
    lex.intent_nouns, lex.commitment_verbs = fs("intent_nouns"), fs("commitment_verbs")
    lex.future_aux, lex.hypo_aux, lex.oblige_aux = fs("future_aux"), fs("hypothetical_aux"), fs("obligation_aux")
    lex.cond_marks, lex.negators, lex.neg_verbs = fs("conditional_marks"), fs("negators"), fs("negative_verbs")
    lex.neg_subjects, lex.no_comparatives = fs("negative_subjects"), fs("no_comparatives")
    lex.denial_verbs, lex.yet_to_verbs = fs("denial_verbs"), fs("yet_to_verbs")
    lex.planned_be, lex.planned_participles = fs("planned_be"), fs("planned_participles")
    lex.planned_idioms = fs("planned_idioms")
    return lex


@lru_cache(maxsize=8)
def default_lexicon(files: tuple[str, ...] = ()) -> Lexicon:
    """The compiled lexicon (cached per set of extra files)."""
    return load_lexicon(files)


@lru_cache(maxsize=32)
def model_entry(event_type: str) -> Entry:
    """A bare entry for an event the type model found where no lexicon entry applies:
    the type's default CAMEO root code, no mode, no target preferences."""
    from ..tables import plover_table

    return Entry(id=f"model.{event_type.lower()}", cameo=str(plover_table()[event_type]["cameo"]),
                 event_type=event_type, mode=None, context=(), confidence=0.5)
