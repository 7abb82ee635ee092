"""Read queries over the store: events with filters, one event with its evidence, stats."""

from __future__ import annotations

import builtins
import datetime as dt
import re
from typing import Any

from ..errors import ConfigError, NotFound
from ..isoday import iso_day, no_such_day
from ..types import PLOVER_TYPES
from . import counting
from .ledger_state import TRACKED_SQL, ledger_behind, tracked_afresh

__all__ = ["QueryMixin", "EventFilter", "EVENT_FROM", "EVENT_DAY", "MODALITIES", "PRECISIONS", "actor_key",
           "PLAUSIBLE_PUBLISHED"]

#: SQL condition on ``articles``: a publication date that can be true (the rule of
#: :func:`gaiko.ingest_checks.implausible_date`, with the clock at coding time). Articles coded now never
#: store another (their date is dropped); this keeps stores coded before that rule from steering defaults.
PLAUSIBLE_PUBLISHED = ("published BETWEEN DATE '1800-01-01' AND DATE '2100-12-31' "
                       "AND (coded_at IS NULL OR published <= CAST(coded_at AS DATE) + 2)")

SORTS = {
    "date": "e.date ASC NULLS LAST, e.id",
    "-date": "e.date DESC NULLS LAST, e.id",
    "goldstein": "e.goldstein ASC NULLS LAST, e.id",
    "-goldstein": "e.goldstein DESC NULLS LAST, e.id",
    "confidence": "e.confidence ASC, e.id",
    "-confidence": "e.confidence DESC, e.id",
    "article": "e.article_id, e.sentence_idx, e.trigger_start",
}


#: an exact actor: ``CODE:Name`` (``JPNGOV:Sanae Takaichi``; ``USA:`` is the United States with no sector and no
#: name); CODE is the ISO3 country (``---`` for none) followed by the sector, as the actor list shows it
_EXACT = re.compile(r"^([A-Z]{3}|---)([A-Z]{0,6}):(.*)$", re.S)

#: the day an event counts for: its own date, else its article's publication date
EVENT_DAY = "coalesce(e.date, a.published)"

#: how precisely an event's date is known (``published``: it has none of its own; the article's date stands in)
PRECISIONS = ("day", "week", "month", "year", "published")

#: modalities an event filter can keep (``None`` or ``all``: every event)
MODALITIES = ("actual", "intended", "hypothetical", "all")


def actor_key(country: str | None, sector: str | None, name: str | None) -> str:
    """The exact key of an actor, as :func:`_actor_clause` reads it back (``JPNGOV:Sanae Takaichi``)."""
    return f"{country or '---'}{sector or ''}:{name or ''}"


def _actor_clause(side: str, value: str, params: list[Any]) -> str:
    """Match an actor given as country code (JPN), Phoenix code (JPNGOV), exact key (JPNGOV:Name), or a name fragment."""
    v = value.strip()
    m = _EXACT.match(v)
    if m:
        country, sector, name = m.group(1), m.group(2), m.group(3).strip()
        parts = [f"e.{side}_text IS NOT NULL"]
        for col, val in (("country", None if country == "---" else country), ("sector", sector or None),
                         ("name", name or None)):
            if val is None:
                parts.append(f"e.{side}_{col} IS NULL")
            else:
                parts.append(f"e.{side}_{col} = ?")
                params.append(val)
        return "(" + " AND ".join(parts) + ")"
    if v == "---":
        return f"(e.{side}_text IS NOT NULL AND e.{side}_country IS NULL)"
    if len(v) == 3 and v.isalpha() and v.isupper():
        params.append(v)
        return f"e.{side}_country = ?"
    if len(v) == 6 and v.isalpha() and v.isupper():
        params.extend([v[:3], v[3:]])
        return f"(e.{side}_country = ? AND e.{side}_sector = ?)"
    params.extend([v.lower(), v.lower()])
    return f"(contains(lower(e.{side}_name), ?) OR contains(lower(e.{side}_text), ?))"


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

    names = [n for n in inspect.signature(EventFilter).parameters if n != "day"]
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
    and ``target``, a dyad) also takes the events from ``target`` to ``source``. ``coded_since`` keeps events
    whose article was coded at or after that moment (:func:`coded_since_time`; clusters: those with such a
    mention). ``quad_class`` takes one class
    or several (``"1,2"``: cooperation). ``precision``: date precision(s), see :data:`PRECISIONS`.

    ``day`` replaces :data:`EVENT_DAY` (counting by clusters, ``e`` is the ``clusters`` table and the day is the
    cluster's, :mod:`gaiko.store.counting`). ``needs_mentions`` says the filters read what only mentions have
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
        day: str = "",
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
        if actor:
            p1: list[Any] = []
            a = _actor_clause("source", actor, p1)
            b = _actor_clause("target", actor, p1)
            clauses.append(f"({a} OR {b})")
            params.extend(p1)
        if either and not (source and target):
            raise ConfigError("either (a dyad in both directions) needs a source and a target: --source and --target "
                              "(API: dyad=JPN-CHN, or source= and target=); for one actor on either side use actor "
                              "(--actor)")
        if either:  # source -> target, or target -> source (round c53)
            p2: list[Any] = []
            there = f"{_actor_clause('source', source, p2)} AND {_actor_clause('target', target, p2)}"  # type: ignore[arg-type]
            back = f"{_actor_clause('source', target, p2)} AND {_actor_clause('target', source, p2)}"  # type: ignore[arg-type]
            clauses.append(f"(({there}) OR ({back}))")
            params.extend(p2)
        else:
            if source:
                clauses.append(_actor_clause("source", source, params))
            if target:
                clauses.append(_actor_clause("target", target, params))
        if type:
            types = [t.upper() for t in _many(type)]
            bad = [t for t in types if t not in PLOVER_TYPES]
            if bad:
                raise ConfigError(f"unknown event type(s) {', '.join(bad)}; use one of {', '.join(PLOVER_TYPES)}")
            if not types:  # "," or ",,": no type named, which is not "every type"
                raise ConfigError(f"the type filter {type!r} names no event type; give PLOVER types, comma-separated "
                                  "(e.g. ACCUSE,THREATEN), or leave it out for every type")
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
            precs = [p.lower() for p in _many(precision)]
            bad = [p for p in precs if p not in PRECISIONS]
            if bad:
                raise ConfigError(f"unknown date precision(s) {', '.join(bad)}; use {', '.join(PRECISIONS)}")
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


#: events joined with their sentence (text search) and article (fallback date, outlet): what EventFilter reads
EVENT_FROM = """FROM events e
JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx
JOIN articles a ON a.id = e.article_id"""
EVENT_FROM_NO_TEXT = """FROM events e
JOIN articles a ON a.id = e.article_id"""


class QueryMixin:
    con: Any

    def query(self, sql: str, params: Any = None) -> list[dict[str, Any]]:  # provided by Store
        raise NotImplementedError

    def events(
        self, *, limit: int | None = 100, offset: int = 0, sort: str = "date", count: str = "clusters", **filters: Any
    ) -> list[dict[str, Any]]:
        """Events as flat dicts (store columns plus sentence, article and cluster fields).

        ``count="clusters"`` (the default) gives one row per real-world event matching the filters: its
        representative mention with the cluster's date, actors and place; ``count="mentions"`` gives every
        matching mention. Every row carries ``cluster_id``, ``num_mentions``, ``num_articles`` and
        ``num_sources``. ConfigError for an unknown sort, count or filter value (a ``type`` such as ``",,"`` that names
        no type, ``since`` after ``until``), or a negative ``limit``/``offset`` (None: no limit)."""
        if sort not in SORTS:
            raise ConfigError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
        if limit is not None and int(limit) < 0 or int(offset) < 0:
            raise ConfigError(f"limit and offset must be 0 or more, not {limit} and {offset}")
        # DuckDB takes a signed 64-bit LIMIT and OFFSET: a larger one lists every row (or, as an offset, none)
        big = 2**63 - 1
        limit, offset = (None if limit is None else min(int(limit), big)), min(int(offset), big)
        sql, params = counting.event_rows(self.con, count, filters, sort, limit, offset)
        return self.query(sql, params)

    def unclustered_events(self) -> int:
        """Mentions in no cluster yet (0 in a whole store), each counted as a cluster of its own until clustered."""
        return counting.unclustered(self.con)

    def unclustered_note(self, db: str = "STORE") -> str | None:
        """:func:`gaiko.store.counting.unclustered_note` of this store (None when every event is in a cluster),
        naming the ledger's command too when the stored ledger is behind (round r31)."""
        n = self.unclustered_events()
        return counting.unclustered_note(n, db, ledger=ledger_behind(self.con)) if n else None

    def count_events(self, count: str = "clusters", **filters: Any) -> int:
        """How many clusters (default) or mentions match the filters."""
        return counting.count(self.con, count, filters)

    def event(self, event_id: str) -> dict[str, Any]:
        rows = self.query(counting.ONE_EVENT_SQL, [event_id])
        if not rows:
            raise NotFound(f"no event {event_id!r}; list events with: gaiko events")
        return rows[0]

    def article(self, article_id: str) -> dict[str, Any]:
        rows = self.query("SELECT * FROM articles WHERE id = ?", [article_id])
        if not rows:
            raise NotFound(f"no article {article_id!r}")
        art = rows[0]
        art["sentences"] = self.query("SELECT idx, start, \"end\", text FROM sentences WHERE article_id = ? ORDER BY idx", [article_id])
        art["events"] = self.events(article_id=article_id, limit=None, sort="article", include_negated=True,
                                    count="mentions")
        return art

    def stats(self, count: str = "clusters") -> dict[str, Any]:
        """Counts: ``events`` are mentions, ``clusters`` real-world events; ``by_type`` and ``top_dyads`` count
        clusters (default) or mentions (``count``). ``errors`` are distinct inputs that could not be coded, ``warnings`` inputs coded with a note
        (the errors table is a set); ``pledges`` are pledge statements found in articles, ``tracked_pledges`` the
        ledger entries they were grouped into (what ``gaiko pledges`` lists: all but those set ``not_a_pledge`` by
        hand, :data:`gaiko.store.ledger_state.TRACKED_SQL`), ``undated_pledges`` statements whose
        article has no publication date (not tracked). ``last_article`` is the newest plausible publication date.
        ``unclustered_events``: mentions in no cluster yet (an import stopped while clustering), each counted in
        ``clusters`` as one of its own until clustered (:func:`gaiko.store.counting.unclustered_note` says so)."""
        one = self.query(
            f"""SELECT (SELECT count(*) FROM articles) AS articles,
                      (SELECT count(*) FROM sentences) AS sentences,
                      (SELECT count(*) FROM events) AS events,
                      (SELECT count(*) FROM clusters) + (SELECT count(*) FROM events)
                        - (SELECT count(*) FROM cluster_members) AS clusters,
                      (SELECT count(*) FROM pledges) AS pledges,
                      (SELECT count(*) FROM pledge_ledger WHERE {TRACKED_SQL}) AS tracked_pledges,
                      (SELECT count(*) FROM pledges p JOIN articles a ON a.id = p.article_id
                       WHERE a.published IS NULL) AS undated_pledges,
                      (SELECT count(*) FROM actors) AS actor_mentions,
                      (SELECT count(*) FROM errors WHERE severity <> 'warning') AS errors,
                      (SELECT count(*) FROM errors WHERE severity = 'warning') AS warnings,
                      (SELECT count(*) FROM runs) AS runs,
                      (SELECT min(published) FROM articles WHERE {PLAUSIBLE_PUBLISHED}) AS first_article,
                      (SELECT max(published) FROM articles WHERE {PLAUSIBLE_PUBLISHED}) AS last_article"""
        )[0]
        one["count"] = count
        one["unclustered_events"] = counting.unclustered(self.con)  # each counted in ``clusters`` (round r28)
        if ledger_behind(self.con):  # what `gaiko pledges` lists, computed afresh (round r31)
            one["tracked_pledges"] = tracked_afresh(self, one["tracked_pledges"])
        sc = counting.scope(self.con, count, {"include_negated": True})
        one["by_type"] = {
            r["event_type"]: r["n"]
            for r in self.query(f"SELECT e.event_type, {sc.n} AS n {sc.from_} WHERE {sc.where} GROUP BY 1 "
                                "ORDER BY 2 DESC, 1", sc.params)
        }
        one["top_dyads"] = self.query(
            f"""SELECT e.source_country AS source, e.target_country AS target, {sc.n} AS events,
                      round({sc.goldstein_agg("avg")}, 2) AS mean_goldstein
               {sc.from_} WHERE {sc.where} AND e.source_country IS NOT NULL AND e.target_country IS NOT NULL
               GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 10""", sc.params
        )
        one["errors_by_reason"] = {
            r["reason"]: r["n"] for r in self.query(
                "SELECT reason, count(*) AS n FROM errors WHERE severity <> 'warning' GROUP BY 1 ORDER BY 2 DESC, 1")
        }
        one["runs_by_status"] = {  # running, finished, interrupted, failed, killed (see docs/store.md)
            r["status"]: r["n"] for r in self.query(
                "SELECT status, count(*) AS n FROM runs GROUP BY 1 ORDER BY 2 DESC, 1")
        }
        one["warnings_by_reason"] = {
            r["reason"]: r["n"] for r in self.query(
                "SELECT reason, count(*) AS n FROM errors WHERE severity = 'warning' GROUP BY 1 ORDER BY 2 DESC, 1")
        }
        return one

    def newest_article_date(self) -> dt.date | None:
        """The newest publication date in the store that can be true (see :data:`PLAUSIBLE_PUBLISHED`): the
        default date the pledge ledger is judged as of."""
        rows = self.query(f"SELECT max(published) AS d FROM articles WHERE {PLAUSIBLE_PUBLISHED}")
        return rows[0]["d"] if rows else None

    def undated_pledges(self) -> int:
        """Pledge statements whose article has no publication date: their deadlines and later evidence cannot
        be judged, so the ledger does not track them."""
        return int(self.scalar("SELECT count(*) FROM pledges p JOIN articles a ON a.id = p.article_id "
                               "WHERE a.published IS NULL") or 0)
