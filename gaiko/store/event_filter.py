"""The event filters as SQL: :class:`EventFilter` builds the WHERE clause every event listing, count, chart, export
and download shares, from the filters the CLI, the REST API and Python callers give.

Reads the aliases ``e`` (events), ``s`` (sentences) and ``a`` (articles) of :data:`EVENT_FROM`; a filter that cannot
be read raises :class:`gaiko.errors.ConfigError` naming it. Moved out of :mod:`gaiko.store.queries` in round r34
(which re-exports its public names), to keep both under 400 lines: queries runs them, this module writes them.
"""

from __future__ import annotations

import builtins
import datetime as dt
import re
from typing import Any

from ..errors import ConfigError
from ..isoday import iso_day, no_such_day
from ..types import PLOVER_TYPES

__all__ = ["EventFilter", "EVENT_FROM", "EVENT_FROM_NO_TEXT", "EVENT_DAY", "MODALITIES", "PRECISIONS", "actor_key",
           "applied_filters", "check_filter_names", "coded_since_time", "date_precisions", "event_types", "type_name"]

#: an exact actor: ``CODE:Name`` (``JPNGOV:Sanae Takaichi``; ``USA:`` is the United States with no sector and no
#: name); CODE is the ISO3 country (``---`` for none) followed by the sector, as the actor list shows it
_EXACT = re.compile(r"^([A-Z]{3}|---)([A-Z]{0,6}):(.*)$", re.S)

#: the day an event counts for: its own date, else its article's publication date
EVENT_DAY = "coalesce(e.date, a.published)"

#: how precisely an event's date is known, every precision the coder writes (docs/records.md, ``date_precision``):
#: a unit (``decade`` "in the 1980s", ``century``: :mod:`gaiko.pipeline.dategrammar`; ``era``, a named period:
#: ``gaiko/data/dates/eras.yaml``), ``shared`` (an upper bound, :mod:`gaiko.pipeline.eventdate`) or ``published`` (it
#: has none of its own; the article's date stands in). Round n58: the last four were refused by the filter, so events
#: the store holds (three of the example corpus's) could not be selected by their precision on any surface
PRECISIONS = ("day", "week", "month", "year", "decade", "century", "era", "shared", "published")

#: modalities an event filter can keep (``None`` or ``all``: every event)
MODALITIES = ("actual", "intended", "hypothetical", "all")


def actor_key(country: str | None, sector: str | None, name: str | None) -> str:
    """The exact key of an actor, as :func:`_actor_clause` reads it back (``JPNGOV:Sanae Takaichi``)."""
    return f"{country or '---'}{sector or ''}:{name or ''}"


def _actor_clause(side: str, value: str, params: list[Any], col: str = "") -> str:
    """Match an actor given as country code (JPN), Phoenix code (JPNGOV), exact key (JPNGOV:Name), or a name fragment.
    ``col``: the prefix of the actor's columns (default ``e.SIDE_``; ``x.`` for a member of a compound, round x12)."""
    col = col or f"e.{side}_"
    v = value.strip()
    m = _EXACT.match(v)
    if m:
        country, sector, name = m.group(1), m.group(2), m.group(3).strip()
        parts = [f"{col}text IS NOT NULL"]
        for field, val in (("country", None if country == "---" else country), ("sector", sector or None),
                           ("name", name or None)):
            if val is None:
                parts.append(f"{col}{field} IS NULL")
            else:
                parts.append(f"{col}{field} = ?")
                params.append(val)
        return "(" + " AND ".join(parts) + ")"
    if v == "---":
        return f"({col}text IS NOT NULL AND {col}country IS NULL)"
    if len(v) == 3 and v.isalpha() and v.isupper():
        params.append(v)
        return f"{col}country = ?"
    if len(v) == 6 and v.isalpha() and v.isupper():
        params.extend([v[:3], v[3:]])
        return f"({col}country = ? AND {col}sector = ?)"
    params.extend([v.lower(), v.lower()])
    return f"(contains(lower({col}name), ?) OR contains(lower({col}text), ?))"


def type_name(value: Any) -> str:
    """What kind of Python value ``value`` is, in words (for an error)."""
    return {int: "a number", float: "a number", bool: "true/false", list: "a list", tuple: "a list",
            dict: "a mapping"}.get(builtins.type(value), builtins.type(value).__name__)


def _date(name: str, value: str | dt.date) -> dt.date:
    try:
        return value if isinstance(value, dt.date) else iso_day(value)
    except ValueError:
        # named as the filter is named where this is met: a keyword of Store.events (the CLI and the API check
        # their options first, with their own names)
        raise ConfigError(f"{name} must be a date like 2025-10-26 (YYYY-MM-DD), not {value!r}"
                          f"{no_such_day(value)}") from None


def coded_since_time(value: str | dt.date, name: str = "coded_since") -> dt.datetime:
    """The UTC moment (naive, as ``articles.coded_at`` is stored) of a ``coded_since`` filter: a date (its midnight,
    UTC), or an ISO date-time (``2026-12-02T01:30``, taken as UTC, or with an offset, ``+09:00``, ``Z``).
    ConfigError for anything else."""
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime(value.year, value.month, value.day)
    else:
        try:
            moment = dt.datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise ConfigError(f"{name} must be a date or date-time like 2026-12-02 or 2026-12-02T01:30:00Z "
                              f"(UTC unless an offset is given), not {value!r}") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return moment


def _quads(value: int | str | list[int]) -> list[int]:
    """Quad classes from 3, "1,2" or [1, 2] (ConfigError for anything but 1-4)."""
    items = [value] if isinstance(value, int) else _many(value) if isinstance(value, str) else list(value)
    try:
        out = [int(q) for q in items]
    except (TypeError, ValueError):
        out = []
    if not out or any(q not in (1, 2, 3, 4) for q in out):
        raise ConfigError("quad class must be 1, 2, 3 or 4 (or several, comma-separated)")
    return out


def _many(value: str | list[str] | tuple[str, ...]) -> list[str]:
    items = value.split(",") if isinstance(value, str) else list(value)
    return [t.strip() for t in items if t and t.strip()]


def event_types(value: str | list[str] | tuple[str, ...]) -> list[str]:
    """The PLOVER types a ``type`` filter names, as stored (upper case: ``"agree, Accuse"`` is ``["AGREE",
    "ACCUSE"]``). ConfigError for an unknown type, or for a value that names none (``","``), which is not "every
    type"."""
    types = [t.upper() for t in _many(value)]
    bad = [t for t in types if t not in PLOVER_TYPES]
    if bad:
        raise ConfigError(f"unknown event type(s) {', '.join(bad)}; use one of {', '.join(PLOVER_TYPES)}")
    if not types:  # "," or ",,": no type named, which is not "every type"
        raise ConfigError(f"the type filter {value!r} names no event type; give PLOVER types, comma-separated "
                          "(e.g. ACCUSE,THREATEN), or leave it out for every type")
    return types


def date_precisions(value: str | list[str] | tuple[str, ...]) -> list[str]:
    """The date precisions a ``precision`` filter names, as stored (lower case, :data:`PRECISIONS`). ConfigError for
    an unknown one, or for a value that names none (``","``: round r34, it matched no event, where a type filter of
    commas is refused)."""
    precs = [p.lower() for p in _many(value)]
    bad = [p for p in precs if p not in PRECISIONS]
    if bad:
        raise ConfigError(f"unknown date precision(s) {', '.join(bad)}; use {', '.join(PRECISIONS)}")
    if not precs:
        raise ConfigError(f"the precision filter {value!r} names no date precision; give one or several, "
                          f"comma-separated ({', '.join(PRECISIONS)}), or leave it out for every event")
    return precs


def applied_filters(filters: dict[str, Any]) -> dict[str, Any]:
    """``filters`` (event filter names and values, as given) with each value written as the filter applies it, for an
    answer that echoes them (round r34, after b30: ``type=agree`` was applied as ``AGREE`` and echoed ``agree``):
    ``type`` upper-case PLOVER types, ``precision`` lower-case precisions, ``quad_class`` the classes (``"1,2"``; a
    number stays a number), each list comma-separated once; ``mode`` and ``context`` lower-case, as they are
    matched. Other values as given; empty ones (None, "") left as they are. ConfigError, as :class:`EventFilter`
    says it, for a value it refuses."""
    out = dict(filters)
    readers: dict[str, Any] = {
        "type": lambda v: ",".join(dict.fromkeys(event_types(v))),
        "precision": lambda v: ",".join(dict.fromkeys(date_precisions(v))),
        "quad_class": lambda v: v if isinstance(v, int) else ",".join(str(q) for q in dict.fromkeys(_quads(v))),
        "mode": _lowered, "context": _lowered,
    }
    for name, read in readers.items():
        if out.get(name) not in (None, ""):
            out[name] = read(out[name])
    return out


def _lowered(value: Any) -> Any:
    """A text filter matched in any case (``mode``, ``context``), as matched: stripped and lower-cased."""
    return value.strip().lower() if isinstance(value, str) else value


#: what to write instead of a filter name the event filters do not have (names of the REST API and the CLI)
_FILTER_HINTS = {
    "dyad": "give the two countries as source= and target=; dyad=JPN-CHN is the REST API's spelling",
    "quad": "quad_class=", "quad_classes": "quad_class=", "event_type": "type=", "types": "type=",
    "country": "actor= (either side), source= or target=", "start": "since=", "end": "until=",
    "actual": "modality='actual'", "negated": "include_negated=True",
}


def check_filter_names(filters: dict[str, Any]) -> None:
    """ConfigError for a keyword that is no event filter (``dyad=``, a misspelling), naming the filters and, for a
    name another surface uses, what to write instead."""
    import inspect

    names = [n for n in inspect.signature(EventFilter).parameters if n not in ("day", "table")]
    bad = [k for k in filters if k not in names]
    if bad:
        hint = "; ".join(f"for {k}: {_FILTER_HINTS[k]}" for k in bad if k in _FILTER_HINTS)
        raise ConfigError(f"unknown event filter {', '.join(map(repr, bad))}" + (f" ({hint})" if hint else "")
                          + f"; the filters are {', '.join(names)}")


class EventFilter:
    """Builds the WHERE clause shared by event listings, counts, charts, exports and downloads.

    The clause reads the aliases ``e`` (events), ``s`` (the event's sentence) and ``a`` (its article): use
    :data:`EVENT_FROM`. Dates compare the day an event counts for (:data:`EVENT_DAY`), so a time bucket and the
    listing it opens hold the same events.

    ``modality``: ``actual`` (neither intended nor hypothetical), ``intended``, ``hypothetical``, or ``all``/None;
    ``include_intended=False`` is the older spelling of ``actual``. ``place`` is a resolved place name (exact,
    any case), ``outlet`` an article source (exact), ``mode`` a PLOVER mode, ``context`` one PLOVER context.
    ``resolved=True`` drops events with an actor that has no country (unresolved). ``either=True`` (with ``source``
    and ``target``, a dyad) also takes the events from ``target`` to ``source``. A dyad (``source`` and ``target``)
    also takes the joint acts of the two (one event, a compound source holding both, no recipient:
    :mod:`gaiko.store.joint`, round x12) unless ``directed=True``; ``actor``, ``source`` and a dyad's source also
    match any member of a compound source that acts on a recipient ("A and B accused C": B, and B -> C), unless
    ``directed=True`` (round u40). ``coded_since`` keeps events
    whose article was coded at or after that moment (:func:`coded_since_time`; clusters: those with such a
    mention). ``quad_class`` takes one class
    or several (``"1,2"``: cooperation). ``precision``: date precision(s), see :data:`PRECISIONS`.

    ``day`` replaces :data:`EVENT_DAY` (counting by clusters, ``e`` is the ``clusters`` table and the day is the
    cluster's, :mod:`gaiko.store.counting`), and ``table="clusters"`` says so (a joint act is then read from the
    cluster's mentions). ``needs_mentions`` says the filters read what only mentions have
    (the words of the sentence, the article, its outlet, the contexts): clusters then match through their mentions.
    """

    def __init__(
        self,
        actor: str | None = None,
        source: str | None = None,
        target: str | None = None,
        type: str | list[str] | None = None,  # noqa: A002
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        quad_class: int | str | list[int] | None = None,
        text: str | None = None,
        article_id: str | None = None,
        include_intended: bool = True,
        include_negated: bool = False,
        modality: str | None = None,
        place: str | None = None,
        outlet: str | None = None,
        mode: str | None = None,
        context: str | None = None,
        resolved: bool = False,
        precision: str | list[str] | None = None,
        coded_since: str | dt.date | None = None,
        either: bool = False,
        directed: bool = False,
        day: str = "",
        table: str = "events",
    ) -> None:
        day = day or EVENT_DAY
        for name, value in (("actor", actor), ("source", source), ("target", target), ("text", text),
                            ("article_id", article_id), ("place", place), ("outlet", outlet), ("mode", mode),
                            ("context", context)):
            if value is not None and not isinstance(value, str):  # a Python caller's slip, said as such
                raise ConfigError(f"the {name} filter must be text, not {type_name(value)} ({value!r})")
        for name, value in (("type", type), ("precision", precision)):
            if value is not None and not (isinstance(value, str) or isinstance(value, (list, tuple))
                                          and all(isinstance(v, str) for v in value)):
                raise ConfigError(f"the {name} filter must be text or a list of texts, not {value!r}")
        self.needs_mentions = bool(text or article_id or outlet or context or coded_since)
        clauses: list[str] = []
        params: list[Any] = []
        from .joint import joint_clause, member_clause, member_dyad_clause

        member = lambda v, ps: _actor_clause("", v, ps, col="x.")  # noqa: E731
        if actor:
            p1: list[Any] = []
            a = _actor_clause("source", actor, p1)
            b = _actor_clause("target", actor, p1)
            # every member of a compound source with a recipient, unless directed (round u40)
            m = "" if directed else f" OR {member_clause(actor, p1, member, table)}"
            clauses.append(f"({a} OR {b}{m})")
            params.extend(p1)
        if either and not (source and target):
            raise ConfigError("either (a dyad in both directions) needs a source and a target: --source and --target "
                              "(API: dyad=JPN-CHN, or source= and target=); for one actor on either side use actor "
                              "(--actor)")
        if source and target:  # a dyad (round c53: either, both directions); its joint acts too unless directed (x12)
            p2: list[Any] = []
            dyad = self._dyad_clause(source, target, either, p2)
            if not directed:
                tgt = lambda v, ps: _actor_clause("target", v, ps)  # noqa: E731
                dyad = (f"({dyad} OR {joint_clause(source, target, p2, member, table)}"
                        f" OR {member_dyad_clause(source, target, p2, member, tgt, table)}")
                if either:  # and back: a member of a compound source acting on the dyad's source (round u40)
                    dyad += f" OR {member_dyad_clause(target, source, p2, member, tgt, table)}"
                dyad += ")"
            clauses.append(dyad)
            params.extend(p2)
        else:
            if source and not directed:
                p3: list[Any] = []
                own = _actor_clause("source", source, p3)
                clauses.append(f"({own} OR {member_clause(source, p3, member, table)})")
                params.extend(p3)
            elif source:
                clauses.append(_actor_clause("source", source, params))
            if target:
                clauses.append(_actor_clause("target", target, params))
        if type:
            types = event_types(type)
            clauses.append(f"e.event_type IN ({', '.join('?' for _ in types)})")
            params.extend(types)
        span: dict[str, dt.date] = {}
        for name, value, op in (("since", since, ">="), ("until", until, "<=")):
            if value:
                span[name] = _date(name, value)
                clauses.append(f"{day} {op} ?")
                params.append(span[name])
        if len(span) == 2 and span["since"] > span["until"]:  # as the API and the CLI answer it, not with nothing
            raise ConfigError(f"since ({span['since']}) is after until ({span['until']}): no day is in between; "
                              "swap them")
        if quad_class not in (None, ""):
            quads = _quads(quad_class)
            clauses.append(f"e.quad_class IN ({', '.join('?' for _ in quads)})")
            params.extend(quads)
        if text:
            # plain substring search: % and _ in the words are not wildcards
            clauses.append("contains(lower(s.text), ?)")
            params.append(text.lower())
        if article_id:
            clauses.append("e.article_id = ?")
            params.append(article_id)
        if modality in (None, "", "all"):
            modality = None if include_intended else "actual"
        if modality == "actual":
            clauses.append("NOT e.intended AND NOT e.hypothetical")
        elif modality == "intended":
            clauses.append("e.intended AND NOT e.hypothetical")
        elif modality == "hypothetical":
            clauses.append("e.hypothetical")
        elif modality is not None:
            raise ConfigError(f"unknown modality {modality!r}; use one of {', '.join(MODALITIES)}")
        if not include_negated:
            clauses.append("NOT e.negated")
        if place:
            clauses.append("lower(e.place_name) = ?")
            params.append(place.strip().lower())
        if outlet:
            clauses.append("a.source = ?")
            params.append(outlet.strip())
        if mode:
            clauses.append("lower(e.mode) = ?")
            params.append(mode.strip().lower())
        if context:
            clauses.append("list_contains(e.context, ?)")
            params.append(context.strip().lower())
        if precision:
            precs = date_precisions(precision)
            clauses.append(f"coalesce(e.date_precision, 'day') IN ({', '.join('?' for _ in precs)})")
            params.extend(precs)
        if coded_since not in (None, ""):
            # what a run coded since then (round n39): clusters that gained a mention, with their counts as of now
            clauses.append("a.coded_at >= ?")
            params.append(coded_since_time(coded_since))
        if resolved:
            clauses.append("e.source_country IS NOT NULL AND (e.target_text IS NULL OR e.target_country IS NOT NULL)")
        self.where = " AND ".join(clauses) if clauses else "TRUE"
        self.params = params
        #: the FROM clause these conditions need (the sentence is joined only for a text search)
        self.from_ = EVENT_FROM if text else EVENT_FROM_NO_TEXT

    @staticmethod
    def _dyad_clause(source: str, target: str, either: bool, params: list[Any]) -> str:
        """The directed events of a dyad: ``source`` -> ``target`` (and back, ``either``)."""
        there = f"{_actor_clause('source', source, params)} AND {_actor_clause('target', target, params)}"
        if not either:
            return f"({there})"
        back = f"{_actor_clause('source', target, params)} AND {_actor_clause('target', source, params)}"
        return f"(({there}) OR ({back}))"


#: events joined with their sentence (text search) and article (fallback date, outlet): what EventFilter reads
EVENT_FROM = """FROM events e
JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx
JOIN articles a ON a.id = e.article_id"""
EVENT_FROM_NO_TEXT = """FROM events e
JOIN articles a ON a.id = e.article_id"""
