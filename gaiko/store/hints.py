"""Why a query matched nothing: one sentence per reason a reader can act on (round n40).

An actor filter that names no actor of the store (a mistyped code, ``ZZZ``; a country code in lower case,
``grc``, which the filters read as part of a name) or a window outside the store's dates gives an empty table,
which a reader takes for "no events". :func:`why_empty` names the filter at fault, so the command line can say so.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from typing import Any

__all__ = ["why_empty", "known_countries"]

_ACTOR_FILTERS = ("actor", "source", "target")

#: filters of one exact value (any case but the outlet), and what an event lacks when none matches
_VALUE_FILTERS = {
    "place": "such a place (matched whole, any case: the place column of `gaiko events`; /api/v1/map lists them)",
    "outlet": "such an outlet (matched whole and as written: an article's `source`)",
    "mode": "this mode (the mode column of `gaiko events`; /api/v1/facets counts them)",
    "context": "this context among its contexts",
}


@lru_cache(maxsize=1)
def known_countries() -> frozenset[str]:
    """The ISO3 codes of gaiko's country table (``gaiko/data/actors/countries.csv``)."""
    from ..tables import data_path

    with open(data_path("actors/countries.csv"), encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return frozenset(r["iso3"].strip().upper() for r in rows if r.get("iso3"))


@lru_cache(maxsize=1)
def known_sectors() -> frozenset[str]:
    """The sector codes of gaiko's sector table (the keys of ``sectors`` in ``gaiko/data/actors/sectors.yaml``)."""
    from ..tables import data_path, load_yaml

    return frozenset(str(k).upper() for k in (load_yaml(data_path("actors/sectors.yaml")).get("sectors") or {}))


def _code_note(name: str, value: str, store_codes: set[str]) -> str | None:
    """A note on a value written as a country code (``ZZZ``, ``ZZZGOV``, ``grc``, ``grcgov``), or None. A lower-case
    word of six letters is a code only when its last three are a sector ("israel", "canada" are names: review r18)."""
    if not value.isalpha() or len(value) not in (3, 6):
        return None
    head = value[:3]
    if value.isupper() and head not in known_countries() and head not in store_codes:
        return (f"{name} {value}: {head} is no country code gaiko knows (ISO 3166 alpha-3, such as GRC for Greece; "
                "`gaiko actors` and /api/v1/actors list the actors of this store)")
    if len(value) == 6 and value[3:].upper() not in known_sectors():
        return None
    if not value.isupper() and head.upper() in known_countries() | store_codes:
        return (f"{name} {value} is read as part of an actor's name, not as a country code: "
                f"write {value.upper()} for the country")
    return None


def why_empty(store: Any, filters: dict[str, Any], count: str = "clusters") -> list[str]:
    """Reasons the events matching ``filters`` (the keywords of ``Store.events``) are none, one sentence each;
    an empty list when no single filter explains it (the filters together leave nothing)."""
    if not store.scalar("SELECT count(*) FROM events"):
        return ["this store holds no events yet (code articles into it with: gaiko code ARTICLES --db STORE)"]
    notes: list[str] = []
    store_codes = {r["c"] for r in store.query(
        "SELECT DISTINCT source_country AS c FROM events WHERE source_country IS NOT NULL UNION "
        "SELECT DISTINCT target_country FROM events WHERE target_country IS NOT NULL")}
    for name in _ACTOR_FILTERS:
        value = filters.get(name)
        if not isinstance(value, str) or not value.strip():
            continue
        value = value.strip()
        note = _code_note(name, value, store_codes)
        if note is None and store.count_events(count, **{name: value}) == 0:
            side = {"actor": "on either side", "source": "as its source", "target": "as its target"}[name]
            note = (f"{name} {value}: no event of this store has such an actor {side} "
                    "(`gaiko actors` and /api/v1/actors list them)")
        if note:
            notes.append(note)
    for name, what in _VALUE_FILTERS.items():  # an exact value no event has (round n58: the CLI took them then)
        value = filters.get(name)
        if isinstance(value, str) and value.strip() and store.count_events(count, **{name: value}) == 0:
            shown = value.strip().lower() if name in ("mode", "context") else value.strip()  # as applied, echoed
            notes.append(f"{name} {shown}: no event of this store has {what}")
    since, until = filters.get("since"), filters.get("until")
    if since or until:
        first, last = store.event_span(count=count)
        if first and last and ((since and str(since)[:10] > str(last)[:10])
                               or (until and str(until)[:10] < str(first)[:10])):
            notes.append(f"the events of this store run from {first} to {last}, outside the dates asked for")
    return notes
