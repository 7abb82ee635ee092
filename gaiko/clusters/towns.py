"""The town a report's own sentence places it in, when the coder gave it no place (``places.sentence_town`` in
``gaiko/data/clusters.yaml``; docs/rounds/clusters.md, round c32).

"In Harlo, where a crowd gathered on Sunday, the shops stayed shut": the coder gives the march no place (or only its
country), so it agreed with a march placed in any other town of its country on that Sunday, and the two were joined.
The phrase next to its trigger names its town: the locative phrase ("in", "at", "near", ...; "residents of", "the
streets of") nearest the trigger, at most ``max_gap`` characters away with no semicolon between. When that phrase
names exactly one town of the report's countries in the gazetteer (``places/gazetteer.tsv``, at least
``min_population`` people; no country, nationality or region: "in Tarsia province" names none) the report gets a *soft
place* ``S:<town>|<country>`` (in place of no place, or of that town's country) (:func:`sentence_town`). A soft place
only keeps reports apart: it disagrees with a report placed in, or softly placed in, another town of that country
(:func:`soft_places_agree`) and agrees with everything else (an open place, a country, a town of another country); it
does not make the report say more (it never becomes a parent for naming a place) and never meets others of its day
(``places.meet``). A pure function of the mention row and the gazetteer, so
batches still equal a rebuild.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..errors import DataFileError

__all__ = ["SOFT", "TownRules", "parse_sentence_town", "sentence_town", "soft_places_agree"]

#: the prefix of a soft place (a unit's ``place``): ``S:<town>|<country>``
SOFT = "S:"
_WORD = re.compile(r"[\w\-'\u2019]+")


@dataclass(frozen=True)
class TownRules:
    """The ``places.sentence_town`` section: the locative phrase pattern (group 1: the name after the preposition, over
    joiners and conjunctions), the lower-case words that may stand inside a town's name ("Santa Cruz de la Sierra"),
    the most characters between the phrase and the trigger, the fewest people of a town."""

    pattern: re.Pattern[str]
    joiners: frozenset[str]
    max_gap: int
    min_population: int
    #: (round c86) a report naming no country (no side, no place) takes the town its phrase names, at most this many
    #: characters from its trigger, when the gazetteer has that name (at least ``min_population`` people) in one
    #: country only; 0: never
    sideless_gap: int = 0
    #: words that name no town for such a report ("in March": a month, though a town of that name exists)
    not_towns: frozenset[str] = frozenset()
    #: (round c87) a town is named only by a whole name: a word of a longer capitalised name that is no town ("Bint
    #: Jbeil", "New Caledonia") names none; False: any word of it may (as before)
    whole_names: bool = False
    #: words that may stand before a town's name and leave it named ("East Harlo"), folded
    name_prefixes: frozenset[str] = frozenset()


def parse_sentence_town(raw: Any, path: str) -> TownRules | None:
    """The checked ``places.sentence_town`` section (``None`` when absent). Raises
    :class:`~gaiko.errors.DataFileError` naming ``path`` and the wrong entry."""
    if raw is None:
        return None

    def check(cond: bool, msg: str) -> None:
        if not cond:
            raise DataFileError(path, f"places.sentence_town: {msg}")

    known = {"prepositions", "of_nouns", "joiners", "conjunctions", "max_gap", "min_population", "sideless_gap",
             "not_towns", "whole_names", "name_prefixes"}
    check(isinstance(raw, dict) and set(raw) <= known, f"use only {', '.join(sorted(known))}")
    lists = {k: raw.get(k) or [] for k in ("prepositions", "of_nouns", "joiners", "conjunctions", "not_towns",
                                           "name_prefixes")}
    check(all(isinstance(v, list) and all(re.fullmatch(r"[a-z]+", str(w)) for w in v) for v in lists.values()),
          "prepositions, of_nouns, joiners, conjunctions, not_towns and name_prefixes must list lower-case words")
    check(isinstance(raw.get("whole_names", False), bool), "whole_names must be true or false")
    check(bool(lists["prepositions"]), "prepositions must list at least one word")
    for key in ("max_gap", "min_population", "sideless_gap"):
        v = raw.get(key, 0)
        check(isinstance(v, int) and not isinstance(v, bool) and v >= 0, f"{key} must be a whole number >= 0")
    preps = "|".join(sorted(map(str, lists["prepositions"]), key=len, reverse=True))
    nouns = "|".join(sorted(map(str, lists["of_nouns"]), key=len, reverse=True))
    # a name phrase goes on over its joiners and over conjunctions ("in Harlo and Dunmere": two towns, so none)
    joiners = "|".join(sorted(map(str, lists["joiners"] + lists["conjunctions"]), key=len, reverse=True))
    lead = rf"\b(?i:{preps})" + (rf"|\b(?i:{nouns})\s+of" if nouns else "")
    inner = rf"(?:\s+(?:(?:{joiners})\s+)?[A-Z\u00C0-\u00DE][\w\-'\u2019]*)*" if joiners else \
        r"(?:\s+[A-Z\u00C0-\u00DE][\w\-'\u2019]*)*"
    pattern = re.compile(rf"(?:{lead})\s+((?:the\s+)?[\w\-'\u2019]+{inner})")
    return TownRules(pattern, frozenset(map(str, lists["joiners"])), int(raw["max_gap"]), int(raw["min_population"]),
                     int(raw.get("sideless_gap", 0)), frozenset(map(str, lists["not_towns"])),
                     bool(raw.get("whole_names", False)), frozenset(map(str, lists["name_prefixes"])))


def sentence_town(row: dict[str, Any], tr: TownRules) -> str:
    """The soft place of a mention (flat event row: ``sentence_text``, ``sentence_start``, ``trigger_start``,
    ``source_country``, ``target_country``), ``S:<town>|<country>`` (town in lower case), or ``""`` when the
    locative phrase nearest its trigger names no town of its countries, or names more than one."""
    countries = {c for c in (row.get("source_country"), row.get("target_country")) if c}
    sent = str(row.get("sentence_text") or "")
    anywhere = not countries and tr.sideless_gap > 0 and not row.get("place_country")
    if not (countries or anywhere) or not sent or row.get("trigger_start") is None:
        return ""
    at = int(row["trigger_start"]) - int(row.get("sentence_start") or 0)
    best: tuple[int, str] | None = None
    for m in tr.pattern.finditer(sent):
        lo, hi = (m.end(1), at) if m.end(1) <= at else (at, m.start(1))
        gap = max(hi - lo, 0)
        if gap > (tr.sideless_gap if anywhere else tr.max_gap) or ";" in sent[lo:hi]:
            continue
        span = m.group(1)
        after = sent[m.end(1):].split(None, 1)
        if after and after[0].lower().strip(".,;:") in _generic():
            span = ""  # "in Tarsia province": a region, no town
        if best is None or gap < best[0]:
            best = (gap, span)
    if best is None or not best[1][:1].isupper():
        return ""  # no locative phrase near it, or the nearest names no town ("in the capital")
    found = _towns_in(best[1], None if anywhere else frozenset(countries), tr)
    if len(found) != 1:
        return ""
    name, country = next(iter(found))
    return f"{SOFT}{name.lower()}|{country}"


def _towns_in(span: str, countries: frozenset[str] | None, tr: TownRules) -> set[tuple[str, str]]:
    """The towns of ``countries`` a name phrase names, longest names first ("Santiago de Cuba", not "Santiago"); with
    ``countries`` None (``sideless``), of any country, when every town of that name is of one country."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(span)]
    who = _who()
    found: set[tuple[str, str]] = set()
    i = 0
    while i < len(words):
        if not words[i][2][:1].isupper():
            i += 1
            continue
        hit = None
        for j in range(min(len(words), i + 4), i, -1):
            part = words[i:j]
            if not part[-1][2][:1].isupper() or any(not w[:1].isupper() and w.lower() not in tr.joiners
                                                    for _s, _e, w in part):
                continue
            key = fold(span[part[0][0]:part[-1][1]])
            if key in who or countries is None and key in tr.not_towns:
                continue
            towns = [g for g in _gazetteer().get(key) if (countries is None or g.country in countries)
                     and g.population >= tr.min_population]
            if countries is None and len({g.country for g in towns}) > 1:
                towns = []  # a name of towns in two countries: none
            if towns:
                hit = (j, towns[0])
                break
        if hit is None:
            i = _past_name(words, span, i, who, tr)
            continue
        found.add((hit[1].name, str(hit[1].country)))
        i = hit[0]
    return found


def _past_name(words: list[tuple[int, int, str]], span: str, i: int, who: frozenset[str], tr: TownRules) -> int:
    """Where to look for a town after the capitalised word ``i`` named none (round c87): past the words that go on its
    name ("Bint Jbeil" is no town of the gazetteer, and its "Jbeil" is not Byblos; "New Caledonia" is not a US
    Caledonia), unless the word only qualifies the town after it (``name_prefixes``: "East Harlo"), names a country
    or its people ("Valdorian Harlo") or ends in a possessive ("Valdoria's Harlo")."""
    word = words[i][2]
    if not tr.whole_names or fold(word) in tr.name_prefixes or fold(word) in who or word.endswith(("'s", "\u2019s")):
        return i + 1
    j = i + 1
    while j < len(words) and words[j][2][:1].isupper() and not span[words[j - 1][1]:words[j][0]].strip():
        j += 1
    return j


def soft_places_agree(a: str, b: str) -> bool:
    """Whether two places agree when one of them (or both) is soft: not when both name towns of one country and the
    towns differ (by name, accents and case folded); a soft place agrees with an open place and with any country."""
    soft, other = (a, b) if a.startswith(SOFT) else (b, a)
    if not (other.startswith(SOFT) or other.startswith("P:")):
        return True
    name1, _, c1 = soft[len(SOFT):].rpartition("|")
    name2, _, c2 = other[2:].rpartition("|")
    return c1 != c2 or fold(name1) == fold(name2)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """A name for comparison: accents and quotes folded, lower case, spaces dropped (as the gazetteer's keys)."""
    from ..actors.kb import norm

    return norm(text)


def _gazetteer() -> Any:
    """The GeoNames towns (:func:`gaiko.actors.gazetteer.towns`); tests put a small file of invented towns here."""
    from ..actors.gazetteer import towns

    return towns()


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    from ..actors.gazetteer import generic_words

    return generic_words()


@lru_cache(maxsize=1)
def _who() -> frozenset[str]:
    """Folded names, aliases, adjectives and demonyms of countries (``actors/countries.csv``): "in Mexico" names a
    country, not a town of that name."""
    from ..tables import data_path

    out: set[str] = set()
    with (data_path("actors") / "countries.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(line for line in fh if not line.startswith("#")):
            for col in ("name", "aliases", "adjectives", "demonyms"):
                out.update(fold(n) for n in (r.get(col) or "").split(";") if n.strip())
    return frozenset(out)
