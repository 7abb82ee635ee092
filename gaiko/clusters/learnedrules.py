"""The ``learned`` section of gaiko/data/clusters.yaml: thresholds of the learned pair score (:mod:`.learned`;
docs/rounds/clusters.md, round c43)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import DataFileError

__all__ = ["LearnedRules", "JoinGuards", "ObjectGuard", "parse_learned", "parse_guards"]


@dataclass(frozen=True)
class LearnedRules:
    """The ``learned`` section: thresholds (``None``: that step is off), reach of the join, weights file, the
    function words the features leave out, and ``enabled``: whether the store's clustering (``gaiko code``,
    ``gaiko cluster eval``; :mod:`.learnedupdate`) applies the steps (the reference
    :func:`~.learned.learned_clusters` applies the thresholds whatever it says)."""

    veto: float | None
    join: float | None
    join_days: int
    model: str
    function_words: frozenset[str]
    enabled: bool = False
    #: round c46: the learned steps compare a unit with only the first ``reps`` units of a cluster so far (in the order
    #: units join along: the most precise first; the veto adds the candidate itself); ``None``: every unit of it
    reps: int | None = None
    #: round c46: the join scores only the units whose sides agree with the joining unit's (:func:`~.sideagree.sides_agree`
    #: either way), as the rules' blocking would let them meet
    join_sides: bool = False
    #: round c54: ``so_far`` (the join inside the order units join along: a joined unit changes its cluster for every
    #: later unit, rounds c43-c52) or ``last`` (the join as a last layer over the clusters the rules, with the veto,
    #: make: :func:`~.learned.join_last_states`)
    join_mode: str = "so_far"
    #: round c65: under ``join_mode: last``, a unit weighs only the ``join_near`` clusters nearest it in days (among
    #: those with a unit it is scored against; :func:`~.learned._nearest`); ``None``: every cluster within ``join_days``
    join_near: int | None = None
    #: round c68: the rules' choice with the veto (the base of both join modes) takes a unit's candidates from its one
    #: bounded list (``attach.max_candidates`` of what ``attach.max_listed`` lets it see: :mod:`.unitlists`), as the
    #: rules' own update does since round c66; read only when both are set. False: every unit its fine keys find
    lists: bool = False
    #: round c79: the guards of the join as a last layer (:mod:`.joinguard`); ``None``: none
    guards: Any = None


def parse_learned(raw: Any, path: str) -> LearnedRules | None:
    """The checked ``learned`` section (``None`` when absent; both thresholds ``None`` when both steps are off).

    Raises :class:`~gaiko.errors.DataFileError` naming ``path`` and the wrong entry."""
    if not raw:
        return None

    def check(cond: bool, msg: str) -> None:
        if not cond:
            raise DataFileError(path, f"learned: {msg}")

    check(isinstance(raw, dict) and set(raw) <= {"enabled", "veto", "join", "join_days", "model", "words", "reps",
                                                    "join_sides", "join_mode", "join_near", "lists", "guards"},
          "must be a mapping of enabled, veto, join, join_days, model, words, reps, join_sides, join_mode, join_near, "
          "lists, guards")
    check(raw.get("join_mode", "so_far") in ("so_far", "last"), "join_mode must be so_far or last")
    check(isinstance(raw.get("enabled", False), bool), "enabled must be true or false")
    for key in ("veto", "join"):
        v = raw.get(key)
        check(v is None or v is False or (isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1),
              f"{key} must be a probability or false")
    days = raw.get("join_days", 31)
    check(isinstance(days, int) and not isinstance(days, bool) and days >= 0, "join_days must be a whole number >= 0")
    reps = raw.get("reps")
    check(reps is None or (isinstance(reps, int) and not isinstance(reps, bool) and reps >= 1),
          "reps must be a whole number >= 1 or absent")
    check(isinstance(raw.get("join_sides", False), bool), "join_sides must be true or false")
    check(isinstance(raw.get("lists", False), bool), "lists must be true or false")
    near = raw.get("join_near")
    check(near is None or (isinstance(near, int) and not isinstance(near, bool) and near >= 1),
          "join_near must be a whole number >= 1 or absent")
    words = (raw.get("words") or {}).get("function") or []
    check(isinstance(words, list), "words.function must be a list of words")
    veto = raw.get("veto") if raw.get("veto") is not False else None
    join = raw.get("join") if raw.get("join") is not False else None
    return LearnedRules(veto=veto, join=join, join_days=days, model=str(raw.get("model") or "clusters_pairs.npz"),
                        function_words=frozenset(str(w).lower() for w in words),
                        enabled=bool(raw.get("enabled", False)) and (veto is not None or join is not None),
                        reps=reps, join_sides=bool(raw.get("join_sides", False)),
                        join_mode=str(raw.get("join_mode", "so_far")), join_near=near,
                        lists=bool(raw.get("lists", False)), guards=parse_guards(raw.get("guards"), path))


@dataclass(frozen=True)
class JoinGuards:
    """The ``learned.guards`` section (round c79): what each field does: :mod:`.joinguard`."""

    places: bool = False
    dated: frozenset[str] = frozenset()
    apart_days: int | None = None
    two_events: bool = False
    #: round c80: the object guard (:func:`~.joinguard.objects_apart`); ``None``: off
    objects: "ObjectGuard | None" = None
    #: round c81: a unit naming no side is not scored against one naming a person (:func:`~.joinguard.pair_apart`)
    sideless: bool = False
    #: round c81: a unit whose open side's phrase names someone else is not scored against one naming a person there
    other_person: bool = False
    #: round c82: the narrowings of ``sideless`` (a list in the file: every one must hold; empty: c81's form)
    sideless_when: frozenset[str] = frozenset()
    #: round c82: the narrowings of ``other_person``
    other_person_when: frozenset[str] = frozenset()
    #: round c83: two intentions naming different acts (``v:`` tokens, :mod:`.intents`) are not scored together
    acts: bool = False
    #: round c86: a loner told as a repetition joins no cluster (:mod:`.joinrepeat`); ``None``: off
    repeats: "RepeatGuard | None" = None
    #: round c87: two statements of one article by two speakers (``k:`` tokens, :mod:`.speakers`) are not scored
    #: together
    speakers: bool = False


@dataclass(frozen=True)
class ObjectGuard:
    """``learned.guards.objects`` (round c80): two units of these precisions whose windows' last days lie more than
    ``days`` apart and whose mentions name objects, none in common (:mod:`.joinobject`), are two acts."""

    days: int
    dated: frozenset[str]
    #: only objects of a ``same_*`` group of gaiko/data/cluster_objects.yaml count (a head in none names no object)
    known: bool = False


@dataclass(frozen=True)
class RepeatGuard:
    """``learned.guards.repeats`` (round c86): a loner one of whose mentions has one of ``words`` within ``span``
    words of its trigger (not followed by one of ``not_before``) is told as another act than one before
    (:mod:`.joinrepeat`)."""

    words: frozenset[str]
    span: int
    not_before: frozenset[str] = frozenset()


def parse_guards(raw: Any, path: str) -> JoinGuards | None:
    """The checked ``learned.guards`` mapping (None when absent or empty). Raises :class:`~gaiko.errors.DataFileError`."""
    if not raw:
        return None
    keys = {"places", "dated", "apart_days", "two_events", "objects", "sideless", "other_person", "acts", "repeats",
            "speakers"}
    if not isinstance(raw, dict) or not set(raw) <= keys:
        raise DataFileError(path, f"learned: guards must be a mapping of {', '.join(sorted(keys))}")
    for key in ("places", "two_events", "acts", "speakers"):
        if not isinstance(raw.get(key, False), bool):
            raise DataFileError(path, f"learned: guards.{key} must be true or false")
    when = {k: _narrowed(raw.get(k, False), k, path) for k in NARROWINGS}
    dated = raw.get("dated") or []
    if not isinstance(dated, list) or not all(isinstance(p, str) for p in dated):
        raise DataFileError(path, "learned: guards.dated must be a list of precisions")
    apart = raw.get("apart_days")
    if apart is not None and (not isinstance(apart, int) or isinstance(apart, bool) or apart < 0):
        raise DataFileError(path, "learned: guards.apart_days must be a whole number >= 0 or absent")
    return JoinGuards(places=bool(raw.get("places", False)), dated=frozenset(dated), apart_days=apart,
                      two_events=bool(raw.get("two_events", False)), objects=_objects(raw.get("objects"), path),
                      sideless=when["sideless"] is not None, other_person=when["other_person"] is not None,
                      sideless_when=when["sideless"] or frozenset(),
                      other_person_when=when["other_person"] or frozenset(), acts=bool(raw.get("acts", False)),
                      repeats=_repeats(raw.get("repeats"), path), speakers=bool(raw.get("speakers", False)))


def _repeats(raw: Any, path: str) -> RepeatGuard | None:
    """The checked ``guards.repeats`` mapping (round c86; None when absent, empty or false)."""
    if not raw:
        return None
    if not isinstance(raw, dict) or not set(raw) <= {"words", "span", "not_before"}:
        raise DataFileError(path, "learned: guards.repeats must be a mapping of words, span, not_before")
    words, span, nb = raw.get("words") or [], raw.get("span"), raw.get("not_before") or []
    if not isinstance(span, int) or isinstance(span, bool) or span < 1:
        raise DataFileError(path, "learned: guards.repeats.span must be a whole number >= 1")
    for key, v in (("words", words), ("not_before", nb)):
        if not isinstance(v, list) or not all(isinstance(w, str) and w == w.lower() and w for w in v):
            raise DataFileError(path, f"learned: guards.repeats.{key} must be a list of lower-case words")
    if not words:
        raise DataFileError(path, "learned: guards.repeats.words must list at least one word")
    return RepeatGuard(words=frozenset(words), span=span, not_before=frozenset(nb))


#: round c82: the narrowings each person guard may list (:func:`~.joinguard.pair_apart`)
NARROWINGS = {"sideless": ("undated", "placeless", "one_sided"), "other_person": ("same_other",)}


def _narrowed(raw: Any, key: str, path: str) -> frozenset[str] | None:
    """``guards.sideless`` / ``other_person`` (rounds c81, c82): false (None: off), true (no narrowing) or a list of
    the narrowings in :data:`NARROWINGS` (every one must hold)."""
    if isinstance(raw, bool):
        return frozenset() if raw else None
    if not isinstance(raw, list) or not raw or not set(raw) <= set(NARROWINGS[key]):
        raise DataFileError(path, f"learned: guards.{key} must be true, false or a list of "
                                  f"{', '.join(NARROWINGS[key])}")
    return frozenset(raw)


def _objects(raw: Any, path: str) -> ObjectGuard | None:
    """The checked ``guards.objects`` mapping (round c80; None when absent, empty or false)."""
    if not raw:
        return None
    if not isinstance(raw, dict) or not set(raw) <= {"days", "dated", "known"}:
        raise DataFileError(path, "learned: guards.objects must be a mapping of days, dated, known")
    days, dated = raw.get("days"), raw.get("dated") or []
    if not isinstance(days, int) or isinstance(days, bool) or days < 0:
        raise DataFileError(path, "learned: guards.objects.days must be a whole number >= 0")
    if not isinstance(dated, list) or not dated or not all(isinstance(p, str) for p in dated):
        raise DataFileError(path, "learned: guards.objects.dated must be a list of precisions")
    if not isinstance(raw.get("known", False), bool):
        raise DataFileError(path, "learned: guards.objects.known must be true or false")
    return ObjectGuard(days=days, dated=frozenset(dated), known=bool(raw.get("known", False)))
