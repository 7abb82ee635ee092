"""Trigger lexicons: load the YAML pattern files and match them against tokens.

The lexicons live in ``gaiko/data/triggers/*.yaml`` (one file per family of
PLOVER types, plus ``frames.yaml`` for the words that shape a clause rather
than name an event: speech verbs, light verbs, intention markers, modals).
Users can add their own files (``trigger_files=`` on the coder); entries in
later files with the same id replace earlier ones.

Everything is compiled once into dictionaries keyed by lemma, so matching a
token costs one dict lookup plus a check of the few entries for that lemma.
See ``docs/patterns.md`` for the file format.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from ..errors import DataFileError
from ..tables import cameo_table, data_path, load_yaml
from .ordercues import has_infinitive

__all__ = ["Entry", "Lexicon", "load_lexicon", "default_lexicon", "object_words", "model_entry", "hyphen_word"]

KINDS = ("action", "frame", "intent")
ENTRY_FIELDS = {
    "id", "cameo", "type", "mode", "context", "verbs", "nouns", "adjs", "objects", "preps",
    "particle", "kind", "symmetric", "confidence", "frame", "target", "note", "no_objects",
    "mods", "no_deps", "deps", "model_no_objects", "model_no_deps", "firm", "infinitive",
    "firm_target", "subjects",
}
#: dependency labels that hold a verb's object (active, passive, predicate)
OBJ_DEPS = ("dobj", "obj", "nsubjpass", "attr", "oprd", "dative")


@dataclass(frozen=True)
class Entry:
    """One pattern: a trigger word (or phrase) and what it codes as."""

    id: str
    cameo: str
    event_type: str
    mode: str | None
    context: tuple[str, ...]
    kind: str = "action"  # action, frame (threaten/refuse/demand X), intent (plan/vow to X)
    frame: str | None = None  # which refine table a frame uses (threaten, reject, agree, request)
    objects: tuple[tuple[str, ...], ...] = ()  # object phrases, each a tuple of lemmas (head last)
    no_objects: tuple[str, ...] = ()  # object head lemmas that veto the entry
    model_no_objects: tuple[str, ...] = ()  # object heads that veto the entry's type for the type model too
    preps: tuple[tuple[str, frozenset[str]], ...] = ()  # (prep lemma, allowed pobj lemmas or empty)
    particle: str | None = None
    mods: frozenset[str] = frozenset()  # modifier lemmas of the trigger, one of which must be present
    subjects: frozenset[str] = frozenset()  # subject head lemmas, one of which must be the subject (round t40)
    no_deps: frozenset[str] = frozenset()  # dependency labels of children that veto the entry
    deps: frozenset[str] = frozenset()  # dependency labels of children of which one must be present (t38)
    #: child dependency labels that veto the entry's type for the type model too ("called Japan a partner"; t38)
    model_no_deps: frozenset[str] = frozenset()
    #: a construction with one reading ("arraigned", "brought to trial", "handed prison terms to"): the type model
    #: may neither drop nor re-type its draft (typejoin.py; round t37)
    firm: bool = False
    #: firm only when the draft's target is an actor with a country ("called Scholz": a phone call; round t40)
    firm_target: bool = False
    #: the verb must govern a to-infinitive ("told the junta to restore ...", "was told by X to ..."; round t37)
    infinitive: bool = False
    symmetric: bool = False
    confidence: float = 0.8
    target: tuple[str, ...] = ()  # prepositions that introduce the target, tried first
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    adjs: tuple[str, ...] = ()
    file: str = ""

    @property
    def specificity(self) -> int:
        return (2 if self.objects else 0) + len(self.preps) + (1 if self.particle else 0) + (1 if self.mods else 0) \
            + (1 if self.infinitive else 0) + (1 if self.subjects else 0)


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
            if _satisfied(e, tok):
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
            if _model_vetoed(e, tok):
                vetoed.add(e.event_type)
                continue
            if _satisfied(e, tok):
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


def object_words(tok: Token) -> list[Token]:
    """The object tokens of a verb (following one level of conjunction, and
    "of" phrases of measure words: "tons of food aid")."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ in OBJ_DEPS:
            out.append(c)
            out.extend(x for x in c.children if x.dep_ == "conj")
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ == "of":
                    out.extend(o for o in p.children if o.dep_ == "pobj")
    return out


def _phrase_ok(phrase: tuple[str, ...], head: Token) -> bool:
    if head.lemma_.lower() != phrase[-1] and head.lower_ != phrase[-1]:
        return False
    if len(phrase) == 1:
        return True
    mods = {c.lemma_.lower() for c in head.children} | {c.lower_ for c in head.children}
    return all(w in mods for w in phrase[:-1])


def _model_vetoed(e: Entry, tok: Token) -> bool:
    """Whether a common noun in ``e.model_no_objects`` is the direct or prepositional object of ``tok`` ("met with
    tear gas"; not "met leaders of the Eagle Force", nor "met with the Quds Force")."""
    if e.model_no_deps and any(c.dep_ in e.model_no_deps for c in tok.children):
        return True  # "called Japan an indispensable partner": naming, no call on anyone (round t38)
    if not e.model_no_objects:
        return False
    objs = [c for c in tok.children if c.dep_ in OBJ_DEPS] + [
        p for c in tok.children if c.dep_ in ("prep", "agent") for p in c.children if p.dep_ == "pobj"]
    return any(o.pos_ == "NOUN" and o.lemma_.lower() in e.model_no_objects for o in objs)


def _satisfied(e: Entry, tok: Token) -> bool:
    if _model_vetoed(e, tok):
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
    if tok.pos_ in ("NOUN", "PROPN") and e.objects:
        return any(_phrase_ok(ph, tok) for ph in e.objects)
    if e.particle is not None and not any(c.dep_ == "prt" and c.lower_ == e.particle for c in tok.children):
        return False
    if e.infinitive and not has_infinitive(tok):
        return False
    objs: list[Token] | None = None
    if e.objects or e.no_objects:
        objs = object_words(tok)
        # "set fire to", "call for sanctions": objects may sit in a prepositional phrase too
        for c in tok.children:
            if c.dep_ in ("prep", "agent"):
                objs.extend(p for p in c.children if p.dep_ == "pobj")
        # "placed the city under a state of emergency": the "of" noun of "state" (round t33)
        objs.extend(g for o in list(objs) if o.lemma_.lower() == "state" for p in o.children
                    if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj")
        if e.no_objects and any(o.lemma_.lower() in e.no_objects for o in objs):
            return False
        if e.objects and not any(_phrase_ok(ph, o) for o in objs for ph in e.objects):
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


def _words(v: Any, where: str, key: str) -> list[str]:
    if v is None:
        return []
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise DataFileError(where, f"{key!r} must be a word or a list of words")
    return [x.strip().lower() for x in v if x.strip()]


def _entry(raw: dict[str, Any], path: str, default_conf: float) -> Entry:
    eid = str(raw.get("id") or "")
    where = f"{path} (entry {eid or '?'})"
    if not eid:
        raise DataFileError(path, f"an entry has no id: {raw!r}; give every entry a unique id")
    unknown = set(raw) - ENTRY_FIELDS
    if unknown:
        raise DataFileError(where, f"unknown field(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(ENTRY_FIELDS))}")
    cameo = str(raw.get("cameo") or "")
    table = cameo_table()
    if cameo not in table:
        raise DataFileError(where, f"unknown CAMEO code {cameo!r}; use a code listed in gaiko/data/cameo.tsv")
    row = table[cameo]
    etype = raw.get("type") or row.plover_type
    if not etype:
        raise DataFileError(where, f"CAMEO {cameo} has no PLOVER type; set 'type:' explicitly")
    kind = raw.get("kind", "action")
    if kind not in KINDS:
        raise DataFileError(where, f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if not (raw.get("verbs") or raw.get("nouns") or raw.get("adjs")):
        raise DataFileError(where, "entry needs at least one of verbs, nouns, adjs")
    if bad := [w for k in ("verbs", "nouns", "adjs") for w in _words(raw.get(k), where, k) if "_" in w or " " in w]:
        # a lemma is one word: "order_to" never matched (round t39); use particle/preps/objects/infinitive
        raise DataFileError(where, f"trigger words are single lemmas, not phrases: {', '.join(bad)}")
    preps_raw = raw.get("preps") or {}
    if isinstance(preps_raw, list):
        preps_raw = {p: [] for p in preps_raw}
    if not isinstance(preps_raw, dict):
        raise DataFileError(where, "'preps' must map a preposition to a list of object words (or be a list)")
    ctx = raw.get("context")
    context = tuple(_words(ctx, where, "context")) if ctx is not None else row.plover_context
    return Entry(
        id=eid,
        cameo=cameo,
        event_type=str(etype),
        mode=raw.get("mode", row.plover_mode),
        context=context,
        kind=kind,
        frame=raw.get("frame"),
        objects=tuple(tuple(o.split()) for o in _words(raw.get("objects"), where, "objects")),
        no_objects=tuple(_words(raw.get("no_objects"), where, "no_objects")),
        model_no_objects=tuple(_words(raw.get("model_no_objects"), where, "model_no_objects")),
        preps=tuple((str(p).lower(), frozenset(_words(v, where, "preps"))) for p, v in preps_raw.items()),
        particle=raw.get("particle"),
        mods=frozenset(_words(raw.get("mods"), where, "mods")),
        subjects=frozenset(_words(raw.get("subjects"), where, "subjects")),
        no_deps=frozenset(_words(raw.get("no_deps"), where, "no_deps")),
        model_no_deps=frozenset(_words(raw.get("model_no_deps"), where, "model_no_deps")),
        deps=frozenset(_words(raw.get("deps"), where, "deps")),
        symmetric=bool(raw.get("symmetric", False)),
        firm=bool(raw.get("firm", False)),
        firm_target=bool(raw.get("firm_target", False)),
        infinitive=bool(raw.get("infinitive", False)),
        confidence=float(raw.get("confidence", default_conf)),
        target=tuple(_words(raw.get("target"), where, "target")),
        verbs=tuple(_words(raw.get("verbs"), where, "verbs")),
        nouns=tuple(_words(raw.get("nouns"), where, "nouns")),
        adjs=tuple(_words(raw.get("adjs"), where, "adjs")),
        file=path,
    )


def _read(path: Path) -> tuple[list[dict[str, Any]], dict[str, Any], float]:
    data = load_yaml(path)
    if data is None:
        return [], {}, 0.8
    if not isinstance(data, dict):
        raise DataFileError(str(path), "expected a mapping with an 'entries' list (and optional 'frames')")
    entries = data.get("entries") or []
    if not isinstance(entries, list):
        raise DataFileError(str(path), "'entries' must be a list")
    return entries, data.get("frames") or {}, float(data.get("confidence", 0.8))


def load_lexicon(files: Iterable[str | Path] = ()) -> Lexicon:
    """Compile the bundled trigger files plus ``files`` into a :class:`Lexicon`."""
    bundled = sorted(data_path("triggers").glob("*.yaml"))
    entries: dict[str, Entry] = {}
    frames: dict[str, Any] = {}
    for p in [*bundled, *(Path(f) for f in files)]:
        raw_entries, fr, conf = _read(p)
        for k, v in fr.items():
            if isinstance(v, dict) and isinstance(frames.get(k), dict):
                frames[k] = {**frames[k], **v}
            else:
                frames[k] = v
        for raw in raw_entries:
            if not isinstance(raw, dict):
                raise DataFileError(str(p), f"entry {raw!r} is not a mapping")
            e = _entry(raw, str(p), conf)
            entries.pop(e.id, None)
            entries[e.id] = e
    lex = Lexicon(frames=frames, entries=entries)
    for e in entries.values():
        for index, words in ((lex.verbs, e.verbs), (lex.nouns, e.nouns), (lex.adjs, e.adjs)):
            for w in words:
                index.setdefault(w, []).append(e)
    for index in (lex.verbs, lex.nouns, lex.adjs):
        for k in index:
            index[k].sort(key=lambda x: -x.specificity)  # stable: file order among equals

    def fs(key: str) -> frozenset[str]:
        return frozenset(_words(frames.get(key), "frames", key))

    lex.known = frozenset(lex.verbs) | frozenset(lex.nouns) | frozenset(lex.adjs) | frozenset(
        w for k, v in frames.items() if isinstance(v, list) for w in _words(v, "frames", k))
    lex.speech, lex.light, lex.aspect = fs("speech_verbs"), fs("light_verbs"), fs("aspect_verbs")
    lex.intent_verbs, lex.intent_adjs = fs("intent_verbs"), fs("intent_adjs")
    lex.intent_nouns, lex.commitment_verbs = fs("intent_nouns"), fs("commitment_verbs")
    lex.future_aux, lex.hypo_aux, lex.oblige_aux = fs("future_aux"), fs("hypothetical_aux"), fs("obligation_aux")
    lex.cond_marks, lex.negators, lex.neg_verbs = fs("conditional_marks"), fs("negators"), fs("negative_verbs")
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
