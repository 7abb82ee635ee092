"""Trigger entries: the :class:`Entry` record and reading entries from a trigger YAML file.

One entry of ``gaiko/data/triggers/*.yaml`` is a trigger word (or phrase) and what it codes as; :func:`entry`
checks its fields and fills in the PLOVER type, mode and context from the CAMEO table. The lexicon that indexes
the entries is :mod:`gaiko.pipeline.triggers`; the checks of an entry's conditions against a token are in
:mod:`gaiko.pipeline.triggermatch`. See ``docs/patterns.md`` for the file format.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from ..tables import cameo_table, load_yaml

__all__ = ["Entry", "KINDS", "ENTRY_FIELDS", "words", "entry", "read_file"]

KINDS = ("action", "frame", "intent")
ENTRY_FIELDS = {
    "id", "cameo", "type", "mode", "context", "verbs", "nouns", "adjs", "objects", "preps",
    "particle", "kind", "symmetric", "confidence", "frame", "target", "note", "no_objects",
    "mods", "no_deps", "deps", "model_no_objects", "model_no_deps", "firm", "infinitive",
    "firm_target", "firm_object", "subjects", "no_equipment", "pair_subject", "joint", "lend",
}


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
    #: an object headed by an equipment noun (``actors/no_sides.yaml`` equipment) vetoes the entry: "received German
    #: air defence systems" is no hosting (round t43)
    no_equipment: bool = False
    model_no_objects: tuple[str, ...] = ()  # object heads that veto the entry's type for the type model too
    preps: tuple[tuple[str, frozenset[str]], ...] = ()  # (prep lemma, allowed pobj lemmas or empty)
    particle: str | None = None
    mods: frozenset[str] = frozenset()  # modifier lemmas of the trigger, one of which must be present
    subjects: frozenset[str] = frozenset()  # subject head lemmas, one of which must be the subject (round t40)
    #: the subject must be two or more coordinated phrases ("Modi and Albanese spoke on Thursday"; round x4)
    pair_subject: bool = False
    no_deps: frozenset[str] = frozenset()  # dependency labels of children that veto the entry
    deps: frozenset[str] = frozenset()  # dependency labels of children of which one must be present (t38)
    #: child dependency labels that veto the entry's type for the type model too ("called Japan a partner"; t38)
    model_no_deps: frozenset[str] = frozenset()
    #: a construction with one reading ("arraigned", "brought to trial", "handed prison terms to"): the type model
    #: may neither drop nor re-type its draft (joinconventions.py; round t37)
    firm: bool = False
    #: firm only when the draft's target is an actor with a country ("called Scholz": a phone call; round t40)
    firm_target: bool = False
    #: firm only when the verb's direct object is a noun, not a pronoun ("called the truce a breakthrough", not
    #: "calling it a milestone" after "welcomed ..."; round e47)
    firm_object: bool = False
    #: whether an event the type model places at the word, where the entry's conditions fail, takes the entry's
    #: code, mode and target prepositions (``EventCoder.model_candidate``); ``lend: false`` keeps a narrow entry
    #: ("discovered a cache of rifles") from lending them to other readings of a common verb (round x56)
    lend: bool = True
    #: the verb must govern a to-infinitive ("told the junta to restore ...", "was told by X to ..."; round t37)
    infinitive: bool = False
    symmetric: bool = False
    #: an act two or more parties do together (signing): coordinated subjects keep no place or witness as their
    #: recipient (jointact.py; round x10)
    joint: bool = False
    confidence: float = 0.8
    target: tuple[str, ...] = ()  # prepositions that introduce the target, tried first
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    adjs: tuple[str, ...] = ()
    file: str = ""

    @property
    def specificity(self) -> int:
        return (2 if self.objects else 0) + len(self.preps) + (1 if self.particle else 0) + (1 if self.mods else 0) \
            + (1 if self.infinitive else 0) + (1 if self.subjects else 0) + (1 if self.pair_subject else 0)



def words(v: Any, where: str, key: str) -> list[str]:
    """The words of field ``key`` (a word or a list of words; None: none), stripped and lower case.

    Raises :class:`~gaiko.errors.DataFileError` (naming ``where``) when ``v`` is neither."""
    if v is None:
        return []
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise DataFileError(where, f"{key!r} must be a word or a list of words")
    return [x.strip().lower() for x in v if x.strip()]


def entry(raw: dict[str, Any], path: str, default_conf: float) -> Entry:
    """The :class:`Entry` of one mapping ``raw`` of the file at ``path`` (``default_conf``: the file's confidence).

    Raises :class:`~gaiko.errors.DataFileError` for a missing id, an unknown field or CAMEO code, a CAMEO code
    without a PLOVER type, an unknown kind, no trigger words, a phrase as a trigger word or malformed ``preps``."""
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
    if bad := [w for k in ("verbs", "nouns", "adjs") for w in words(raw.get(k), where, k) if "_" in w or " " in w]:
        # a lemma is one word: "order_to" never matched (round t39); use particle/preps/objects/infinitive
        raise DataFileError(where, f"trigger words are single lemmas, not phrases: {', '.join(bad)}")
    preps_raw = raw.get("preps") or {}
    if isinstance(preps_raw, list):
        preps_raw = {p: [] for p in preps_raw}
    if not isinstance(preps_raw, dict):
        raise DataFileError(where, "'preps' must map a preposition to a list of object words (or be a list)")
    ctx = raw.get("context")
    context = tuple(words(ctx, where, "context")) if ctx is not None else row.plover_context
    return Entry(
        id=eid,
        cameo=cameo,
        event_type=str(etype),
        mode=raw.get("mode", row.plover_mode),
        context=context,
        kind=kind,
        frame=raw.get("frame"),
        objects=tuple(tuple(o.split()) for o in words(raw.get("objects"), where, "objects")),
        no_objects=tuple(words(raw.get("no_objects"), where, "no_objects")),
        no_equipment=bool(raw.get("no_equipment", False)),
        model_no_objects=tuple(words(raw.get("model_no_objects"), where, "model_no_objects")),
        preps=tuple((str(p).lower(), frozenset(words(v, where, "preps"))) for p, v in preps_raw.items()),
        particle=raw.get("particle"),
        mods=frozenset(words(raw.get("mods"), where, "mods")),
        subjects=frozenset(words(raw.get("subjects"), where, "subjects")),
        pair_subject=bool(raw.get("pair_subject", False)),
        no_deps=frozenset(words(raw.get("no_deps"), where, "no_deps")),
        model_no_deps=frozenset(words(raw.get("model_no_deps"), where, "model_no_deps")),
        deps=frozenset(words(raw.get("deps"), where, "deps")),
        symmetric=bool(raw.get("symmetric", False)),
        joint=bool(raw.get("joint", False)),
        firm=bool(raw.get("firm", False)),
        firm_target=bool(raw.get("firm_target", False)),
        firm_object=bool(raw.get("firm_object", False)),
        lend=bool(raw.get("lend", True)),
        infinitive=bool(raw.get("infinitive", False)),
        confidence=float(raw.get("confidence", default_conf)),
        target=tuple(words(raw.get("target"), where, "target")),
        verbs=tuple(words(raw.get("verbs"), where, "verbs")),
        nouns=tuple(words(raw.get("nouns"), where, "nouns")),
        adjs=tuple(words(raw.get("adjs"), where, "adjs")),
        file=path,
    )


def read_file(path: Path) -> tuple[list[dict[str, Any]], dict[str, Any], float]:
    """A trigger file's raw entries, its ``frames`` mapping and its default confidence (0.8 unless set).

    Raises :class:`~gaiko.errors.DataFileError` when the file is not a mapping or ``entries`` not a list."""
    data = load_yaml(path)
    if data is None:
        return [], {}, 0.8
    if not isinstance(data, dict):
        raise DataFileError(str(path), "expected a mapping with an 'entries' list (and optional 'frames')")
    entries = data.get("entries") or []
    if not isinstance(entries, list):
        raise DataFileError(str(path), "'entries' must be a list")
    return entries, data.get("frames") or {}, float(data.get("confidence", 0.8))

