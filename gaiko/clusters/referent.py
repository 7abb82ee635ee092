"""What a report refers to (its *referent*): the names and counts of its own phrases (``referent`` in
gaiko/data/clusters.yaml; docs/rounds/clusters.md, round c28).

An undated follow-up ("Li Qiang met Yellen at the Great Hall", "the reporter detained in Sfax has since been freed")
has only its publication window; when that window holds two events of its type and sides, or none, the unit alone
cannot tell which event it is. What it refers to can: the names its source, target and place phrases give, and the
counts of what they name ("two engineers"). A mention's referent is a short string (:func:`referent_of`), part of its
unit's key, so a unit's referent never changes (the store equals a rebuild). Three uses (:mod:`.core`, :mod:`.units`):

* *share* (:func:`shares`): a name or a count in common. An undated report fitting two events joins the one its
  referent shares, when those it shares with are one event;
* *conflict* (:func:`conflicts`): both name a place in their phrases and no place word is in common ("near Dolow",
  "in Beled Hawo"), or the same noun with different counts; such an undated report does not join (``compatible``).

Everything here is a pure function of the mention row and the rules' word lists.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import DataFileError
from .intents import act_token
from .told import TOLD, phrase_pattern, told_phrase, told_token

__all__ = ["ReferentRules", "parse_referent", "referent_of", "tokens", "shares", "conflicts", "strong"]

_WORD = re.compile(r"[^\W\d_][\w\-']*|\d+", re.UNICODE)
_KINDS = ("names", "counts")


@dataclass(frozen=True)
class ReferentRules:
    """The ``referent`` section: the precisions of the reports it decides for, what it compares, and its word
    lists (lower case)."""

    precisions: frozenset[str]
    share: frozenset[str]  # "names", "counts": what a shared referent may be
    conflict: frozenset[str]  # "places", "counts": what makes two referents conflict
    numbers: dict[str, int]
    stop: frozenset[str]
    titles: frozenset[str]
    time_nouns: frozenset[str]
    skip: frozenset[str]
    #: an undated report fitting no event may join one of its type published up to this many days before (0: never)
    reach_days: int = 0
    reach_precisions: frozenset[str] = frozenset()
    #: an undated report naming two different sides reaches as far without a referent (``reach_dyad``), except for
    #: these types
    reach_dyad: bool = False
    reach_dyad_except: frozenset[str] = frozenset()
    #: reports of these precisions may join a report naming no side and no place whose referent they share
    #: (``empty_parents``; ``attach.empty_parents`` false keeps every other report from joining one)
    empty_parents: frozenset[str] = frozenset()
    #: an undated report told as an earlier act (``told``, :mod:`.told`): the words that mark it, and the types that
    #: do not reach back by it; ``told_before`` empty: off
    told_before: frozenset[str] = frozenset()
    told_between: frozenset[str] = frozenset()
    told_speech: frozenset[str] = frozenset()
    told_except: frozenset[str] = frozenset()
    #: (round c88) the phrases of its sentence that tell an undated report as of another event's day ("the same day",
    #: "the day of the fire", "a week after the flood"; ``told.phrases``, :func:`~.told.told_phrase`); None: off
    told_phrases: Any = None
    told_phrase_types: frozenset[str] = frozenset()
    #: round c82: an intended report's referent names its act (``v:<group>``, :mod:`.intents`)
    acts: bool = False
    #: round c83: with ``acts``, a dated report (of a precision not in ``precisions``) does not join a report naming
    #: another act either
    acts_dated: bool = False


def parse_referent(raw: Any, path: str) -> ReferentRules | None:
    """The checked ``referent`` section (``None`` when absent or ``precisions`` is empty).

    Raises :class:`~gaiko.errors.DataFileError` naming ``path`` and the wrong entry."""
    if not raw:
        return None

    def check(cond: bool, msg: str) -> None:
        if not cond:
            raise DataFileError(path, f"referent: {msg}")

    check(isinstance(raw, dict), "must be a mapping")
    known = {"precisions", "share", "conflict", "reach_days", "reach_precisions", "reach_dyad", "empty_parents",
             "words", "told", "acts", "acts_dated"}
    check(set(raw) <= known, f"use only {', '.join(sorted(known))}")
    for key in ("precisions", "share", "conflict", "reach_precisions", "empty_parents"):
        check(isinstance(raw.get(key) or [], list), f"{key} must be a list")
    check(set(raw.get("share") or []) <= set(_KINDS), "share must list names or counts")
    check(set(raw.get("conflict") or []) <= {"places", "counts"}, "conflict must list places or counts")
    check(isinstance(raw.get("acts", False), bool), "acts must be true or false")
    check(isinstance(raw.get("acts_dated", False), bool), "acts_dated must be true or false")
    reach = raw.get("reach_days", 0)
    check(isinstance(reach, int) and not isinstance(reach, bool) and reach >= 0, "reach_days must be a whole number >= 0")
    dyad = raw.get("reach_dyad") or {}
    check(isinstance(dyad, dict) and set(dyad) <= {"except_types"} and isinstance(dyad.get("except_types") or [], list),
          "reach_dyad must be a mapping with except_types (a list of event types)")
    told = raw.get("told") or {}
    check(isinstance(told, dict) and set(told) <= {"before", "between", "speech", "except_types", "phrases",
                                                   "phrase_types"}
          and all(isinstance(v or [], list) for v in told.values()),
          "told must map before, between, speech, except_types, phrases and phrase_types to lists")
    check(all(re.fullmatch(r"[a-z#]+( [a-z#]+)*", str(x)) for x in told.get("phrases") or ()),
          "told.phrases must be lower-case words (# a count), one space between")
    words = raw.get("words") or {}
    check(isinstance(words, dict) and set(words) <= {"numbers", "stop", "titles", "time_nouns", "skip"},
          "words must map numbers, stop, titles, time_nouns, skip")
    numbers = words.get("numbers") or {}
    check(isinstance(numbers, dict) and all(isinstance(v, int) for v in numbers.values()),
          "words.numbers must map number words to whole numbers")
    for key in ("stop", "titles", "time_nouns", "skip"):
        check(isinstance(words.get(key) or [], list), f"words.{key} must be a list of words")
    if not raw.get("precisions"):
        return None
    low = lambda key: frozenset(str(x).lower() for x in words.get(key) or ())  # noqa: E731
    return ReferentRules(precisions=frozenset(str(x) for x in raw["precisions"]),
                         share=frozenset(str(x) for x in raw.get("share") or ()),
                         conflict=frozenset(str(x) for x in raw.get("conflict") or ()),
                         numbers={str(k).lower(): int(v) for k, v in numbers.items()},
                         stop=low("stop"), titles=low("titles"), time_nouns=low("time_nouns"), skip=low("skip"),
                         reach_days=int(reach),
                         reach_precisions=frozenset(str(x) for x in raw.get("reach_precisions") or ()),
                         reach_dyad=isinstance(raw.get("reach_dyad"), dict),
                         reach_dyad_except=frozenset(str(x) for x in dyad.get("except_types") or ()),
                         empty_parents=frozenset(str(x) for x in raw.get("empty_parents") or ()),
                         acts=bool(raw.get("acts", False)), acts_dated=bool(raw.get("acts_dated", False)),
                         told_before=frozenset(str(x).lower() for x in told.get("before") or ()),
                         told_between=frozenset(str(x).lower() for x in told.get("between") or ()),
                         told_speech=frozenset(str(x).lower() for x in told.get("speech") or ()),
                         told_except=frozenset(str(x) for x in told.get("except_types") or ()),
                         told_phrases=phrase_pattern(told.get("phrases") or (), numbers, low("time_nouns")),
                         told_phrase_types=frozenset(str(x) for x in told.get("phrase_types") or ()))


def referent_of(row: dict[str, Any], rr: ReferentRules | None) -> str:
    """The referent of a mention (flat event row: ``source_text``, ``target_text``, ``place_text``,
    ``sentence_text``): sorted tokens joined by ``,`` — ``n:<name>`` for a capitalised word of its source or target
    phrase (no country, nationality or capital, no title or word of ``stop``), ``p:<name>`` for one of its place
    phrase, ``c:<count> <noun>`` for a count of its phrases ("two Italian engineers" -> ``c:2 engineer``) when ``share``
    or ``conflict`` lists counts; ``""``
    when the rules have no ``referent`` section or the phrases say none of these."""
    if rr is None:
        return ""
    sentence = str(row.get("sentence_text") or "")
    counted = "counts" in rr.share or "counts" in rr.conflict
    out: set[str] = set()
    for field in ("source_text", "target_text", "place_text"):
        text = str(row.get(field) or "").strip()
        if not text:
            continue
        words = _WORD.findall(text.replace("\u2019", "'"))
        words = [w[:-2] if w.lower().endswith("'s") else w for w in words]
        opens = sentence.startswith(text)  # its first word is capitalised as the sentence's first
        tag = "p:" if field == "place_text" else "n:"
        for i, w in enumerate(words):
            lw = w.lower()
            if (i or not opens) and w[:1].isupper() and len(w) > 2 and lw not in rr.stop and lw not in rr.titles \
                    and lw not in _who():
                out.add(tag + lw)
            n = int(w) if w.isdigit() else rr.numbers.get(lw)
            if counted and n is not None and 1 < n < 1000 and not (i and w.isdigit() and words[i - 1].lower() in rr.stop):
                noun = _counted(words, i + 1, rr)
                if noun:
                    out.add(f"c:{n} {noun}")
    if rr.told_before and row.get("date_precision") in rr.precisions \
            and (told_token(row, rr.told_before, rr.told_between, rr.told_speech)
                 or rr.told_phrases is not None and row.get("event_type") in rr.told_phrase_types
                 and told_phrase(row, rr.told_phrases)):
        out.add(TOLD)
    act = act_token(row) if rr.acts else None
    if act:
        out.add(act)
    return ",".join(sorted(out))


def _counted(words: list[str], j: int, rr: ReferentRules) -> str:
    """The noun a count at ``words[j - 1]`` counts: the next word that is no adjective of ``skip``, nationality or
    capitalised name ("two Italian engineers"), singular; ``""`` for a time noun ("three days") or none."""
    while j < len(words) and (words[j].lower() in rr.skip or words[j].lower() in _who() or words[j][:1].isupper()
                              or "-" in words[j]):
        j += 1
    if j >= len(words) or words[j].isdigit() or words[j].lower() in rr.stop:
        return ""
    noun = _singular(words[j].lower())
    return "" if noun in rr.time_nouns else noun


def _singular(w: str) -> str:
    if w.endswith("men"):
        return w[:-3] + "man"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


@lru_cache(maxsize=1)
def _who() -> frozenset[str]:
    """Words of country names, aliases, adjectives, demonyms and capitals (``actors/countries.csv``), with their
    plurals: they say who acts, which the sides already compare, not what the report refers to."""
    from ..tables import data_path

    path = data_path("actors") / "countries.csv"
    out: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        for r in rows:
            for col in ("name", "aliases", "adjectives", "demonyms", "capital"):
                for n in (r.get(col) or "").split(";"):
                    for w in n.lower().split():
                        out.update((w, w + "s"))
    return frozenset(out)


@lru_cache(maxsize=65536)
def tokens(ref: str) -> tuple[frozenset[str], frozenset[str], frozenset[tuple[int, str]]]:
    """(names, place names, counts) of a referent string."""
    names, places, counts = set(), set(), set()
    for t in ref.split(",") if ref else ():
        kind, _, v = t.partition(":")
        if kind == "n":
            names.add(v)
        elif kind == "p":
            places.add(v)
        elif kind == "c":
            n, _, noun = v.partition(" ")
            counts.add((int(n), noun))
    return frozenset(names), frozenset(places), frozenset(counts)


def shares(a: str, b: str, rr: ReferentRules) -> bool:
    """Whether two referents have a name (of their phrases or places) or a count in common, as ``share`` lists."""
    if not a or not b:
        return False
    (na, pa, ca), (nb, pb, cb) = tokens(a), tokens(b)
    return ("names" in rr.share and bool((na | pa) & (nb | pb))) or ("counts" in rr.share and bool(ca & cb))


def strong(a: str, b: str, rr: ReferentRules) -> bool:
    """Whether two referents share what reaches beyond a report's window: a name or count in common
    (:func:`shares`)."""
    return shares(a, b, rr)


def conflicts(a: str, b: str, rr: ReferentRules) -> bool:
    """Whether two referents cannot be one event, as ``conflict`` lists: ``places``, both name a place and no word of
    one's place is among the other's names or place ("near Dolow", "in Beled Hawo"); ``counts``, one noun counted
    differently and no count in common for it ("two priests", "four priests")."""
    if not a or not b:
        return False
    (na, pa, ca), (nb, pb, cb) = tokens(a), tokens(b)
    if "places" in rr.conflict and pa and pb and not (pa & (nb | pb)) and not (pb & na):
        return True
    if "counts" in rr.conflict:
        for noun in {x for _n, x in ca} & {x for _n, x in cb}:
            if not {c for c in ca if c[1] == noun} & {c for c in cb if c[1] == noun}:
                return True
    return False
