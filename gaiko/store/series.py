"""Time series over the store: events per day, week or month, by type, quad class or modality.

Every bucket counts the events on the day each counts for (its own date, else its
article's publication date: :data:`~gaiko.store.event_filter.EVENT_DAY`), the same day
the event filters compare ``since``/``until`` with, so the listing a bucket links to
(``since`` = the bucket's first day, ``until`` = its last) holds exactly its events.
Counting by clusters (the default), a cluster counts once, on its cluster's day (its most
precise date, else its first report's: :data:`~gaiko.store.counting.CLUSTER_DAY`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..errors import ConfigError
from ..types import PLOVER_TYPES
from . import counting

__all__ = ["SeriesMixin", "INTERVALS", "GROUPINGS", "auto_interval", "bucket_end", "AUTO_LIMITS"]

INTERVALS = ("day", "week", "month")
GROUPINGS = ("type", "quad", "modality")
#: the longest span (in days, first to last event) shown per day, then per week; longer spans go per month
AUTO_LIMITS = {"day": 92, "week": 731}
#: per interval, the date precisions coarser than it: such events are counted in the bucket their date falls in
#: (a year-precise date is 1 January) and also reported apart, so a pile-up on 1 January is not read as a surge
COARSER = {"day": ("week", "month", "year"), "week": ("month", "year"), "month": ("year",)}
_MODALITY = "CASE WHEN e.hypothetical THEN 'hypothetical' WHEN e.intended THEN 'intended' ELSE 'actual' END"
MODALITY_ORDER = ("actual", "intended", "hypothetical")


def auto_interval(first: dt.date | None, last: dt.date | None) -> str:
    """``day`` for spans up to :data:`AUTO_LIMITS` ["day"] days, ``week`` up to ["week"], else ``month``."""
    if first is None or last is None:
        return "day"
    span = (last - first).days
    if span <= AUTO_LIMITS["day"]:
        return "day"
    if span <= AUTO_LIMITS["week"]:
        return "week"
    return "month"


def bucket_end(start: dt.date, interval: str) -> dt.date:
    """The last day of the bucket that begins on ``start``."""
    if interval == "day":
        return start
    if interval == "week":
        return start + dt.timedelta(days=6)
    return _next_month(start) - dt.timedelta(days=1)


def _next_month(d: dt.date) -> dt.date:
    return dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)


def _fill(buckets: list[dt.date], interval: str, cap: int = 2000) -> list[dt.date]:
    """Every bucket start from the first to the last (unchanged when that would exceed ``cap``)."""
    if len(buckets) < 2:
        return buckets
    out, cur, last = [], buckets[0], buckets[-1]
    while cur <= last:
        out.append(cur)
        if len(out) > cap:
            return buckets
        cur = _step(cur, interval)
    return out


def _start(d: dt.date, interval: str) -> dt.date:
    """The first day of the bucket ``d`` falls in (``date_trunc``'s: a week starts on Monday)."""
    if interval == "week":
        return d - dt.timedelta(days=d.weekday())
    return d.replace(day=1) if interval == "month" else d


def _step(d: dt.date, interval: str) -> dt.date:
    return d + dt.timedelta(days=1) if interval == "day" else (
        d + dt.timedelta(days=7) if interval == "week" else _next_month(d))


def _consecutive(buckets: list[dt.date], interval: str) -> bool:
    """Whether ``buckets`` follow one another with no bucket missing between them."""
    return all(_step(a, interval) == b for a, b in zip(buckets, buckets[1:]))


def _order(key: str) -> tuple[int, str]:
    if key in PLOVER_TYPES:
        return (PLOVER_TYPES.index(key), key)
    if key in MODALITY_ORDER:
        return (MODALITY_ORDER.index(key), key)
    return (len(PLOVER_TYPES), key)


def _day(v: Any) -> dt.date | None:
    if not v:
        return None
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)[:10])


def _round(v: Any, nd: int = 2) -> float | None:
    return None if v is None else round(float(v), nd) + 0.0  # + 0.0: a sum that rounds to -0.0 is shown as 0.0


def _every_quad(series: dict[str, Any]) -> None:
    """Give a series by quad class all four classes (``keys``, ``counts``, ``labels``), zeros for a class with no
    event."""
    from .analysis import QUAD_NAMES

    n = len(series["buckets"])
    series["counts"] = {str(q): series["counts"].get(str(q), [0] * n) for q in QUAD_NAMES}
    series["keys"] = list(series["counts"])
    series["labels"] = {str(q): name for q, name in QUAD_NAMES.items()}


class SeriesMixin:
    """Mixed into :class:`~gaiko.store.Store`; needs ``query`` and ``con``."""

    con: Any

    def query(self, sql: str, params: Any = None) -> list[dict[str, Any]]:  # provided by Store
        raise NotImplementedError

    def event_span(self, count: str = "clusters", **filters: Any) -> tuple[dt.date | None, dt.date | None]:
        """(first, last) day of the events (clusters, or mentions) matching ``filters``."""
        sc = counting.scope(self.con, count, filters)
        row = self.query(f"SELECT min({sc.day}) AS a, max({sc.day}) AS b {sc.from_} WHERE {sc.where}", sc.params)[0]
        return row["a"], row["b"]

    def event_series(self, *, interval: str = "auto", by: str = "type", fill_gaps: bool = True,
                     count: str = "clusters", **filters: Any) -> dict[str, Any]:
        """Counts per bucket, split by event type, quad class or modality, with cooperation/conflict and mean Goldstein.

        ``interval``: ``day``, ``week`` (ISO weeks, from Monday), ``month`` or ``auto`` (from the span of the
        matching events, see :func:`auto_interval`). With ``fill_gaps`` every bucket from the first to the last is
        there (zero counts, Goldstein ``None``: a line is not drawn across it), from the bucket of ``since`` to the
        bucket of ``until`` when both are given (a panel with its empty months at either end, all zero when no event
        matches), up to 2,000 buckets; beyond them the
        series keeps only the buckets with events, and ``gaps_filled`` (true when every bucket from the first to the
        last is there) says so. Returns
        ``buckets`` (first days, ISO), ``starts``/``ends`` (first and last days of the bucket's events,
        within ``since``/``until``: the dates its link lists), ``keys`` (the series, in order), ``counts`` {key: [n per
        bucket]}, ``labels`` (by quad class, each key's name: ``{"1": "verbal cooperation", ...}``), ``total``,
        ``cooperation`` (quad 1-2), ``conflict`` (quad 3-4), ``coarse`` (of each bucket's events, those whose date is
        known only to a unit coarser than the interval, ``coarse_precisions``: a year-precise date falls on 1 January), ``goldstein`` (mean or None) and
        ``goldstein_sum`` (0.0 for an empty bucket): over the bucket's events, each counted thing once with its own score
        (a cluster's, counting clusters, even under a filter only mentions have), ``by_type`` totals,
        ``events`` (all matching), ``interval`` (the one used), ``requested`` (the one asked for) and ``count``
        (what is counted: ``clusters``, each on its cluster's day, or ``mentions``).
        """
        if interval not in (*INTERVALS, "auto"):
            raise ConfigError(f"unknown interval {interval!r}; use auto or one of {', '.join(INTERVALS)}")
        if by not in GROUPINGS:
            raise ConfigError(f"unknown grouping {by!r}; use one of {', '.join(GROUPINGS)}")
        sc = counting.scope(self.con, count, filters)
        requested = interval
        if interval == "auto":
            interval = auto_interval(*self.event_span(count=count, **filters))
        from .analysis import QUAD_NAMES

        key = {"type": "e.event_type", "quad": "CAST(e.quad_class AS VARCHAR)", "modality": _MODALITY}[by]
        bucket = f"CAST(date_trunc('{interval}', {sc.day}) AS DATE)"
        coarse_dates = f"e.date_precision IN ({', '.join(repr(p) for p in COARSER[interval])})"
        where = f"{sc.from_} WHERE {sc.where} AND {sc.day} IS NOT NULL"
        rows = self.query(f"SELECT {bucket} AS bucket, {key} AS k, {sc.n} AS n {where} GROUP BY 1, 2 ORDER BY 1, 2",
                          sc.params)
        # the bucket's own figures, each counted thing once (through mentions a cluster may be under two keys)
        sums = {r["bucket"]: r for r in self.query(
            f"SELECT {bucket} AS bucket, {sc.n} AS n, {sc.goldstein_agg('sum')} AS gs, "
            f"{sc.goldstein_agg('count')} AS gn, {sc.n_if('e.quad_class IN (1, 2)')} AS coop, "
            f"{sc.n_if('e.quad_class IN (3, 4)')} AS conf, {sc.n_if(coarse_dates)} AS coarse {where} GROUP BY 1",
            sc.params)}
        lo, hi = _day(filters.get("since")), _day(filters.get("until"))
        found = sorted(sums)
        buckets = _fill(found, interval) if fill_gaps else found
        if fill_gaps and lo and hi:
            # a window asked for: every bucket from since to until, a panel with zeros at its ends too (round n40)
            wide = _fill(sorted({*found, _start(lo, interval), _start(hi, interval)}), interval)
            if _consecutive(wide, interval):
                buckets = wide
        # asked to fill but over the cap: said, so a reader does not take the buckets for consecutive ones
        filled = bool(fill_gaps) and _consecutive(buckets, interval)
        index = {b: i for i, b in enumerate(buckets)}
        keys = sorted({str(r["k"]) for r in rows if r["k"] is not None}, key=_order)
        n = len(buckets)
        counts = {k: [0] * n for k in keys}
        total, coop, conf, gsum, gcount, coarse = [0] * n, [0] * n, [0] * n, [0.0] * n, [0] * n, [0] * n
        for r in rows:
            if r["k"] is not None:
                counts[str(r["k"])][index[r["bucket"]]] += int(r["n"])
        for b, r in sums.items():
            i = index[b]
            total[i], coop[i], conf[i], coarse[i] = int(r["n"]), int(r["coop"]), int(r["conf"]), int(r["coarse"])
            gsum[i], gcount[i] = float(r["gs"] or 0.0), int(r["gn"] or 0)
        by_type = {r["event_type"]: int(r["n"]) for r in self.query(
            f"SELECT e.event_type, {sc.n} AS n {sc.from_} WHERE {sc.where} GROUP BY 1 ORDER BY 2 DESC, 1", sc.params)}
        # through mentions a cluster may have mentions of two types: count it once
        events = sum(by_type.values()) if sc.kind != "via" else int(
            self.query(f"SELECT {sc.n} AS n {sc.from_} WHERE {sc.where}", sc.params)[0]["n"])
        return {
            "interval": interval, "requested": requested, "by": by,
            "buckets": [b.isoformat() for b in buckets],
            # the days each bucket's events lie in, within the filter's dates: what its link lists
            "starts": [max(b, lo).isoformat() if lo else b.isoformat() for b in buckets],
            "ends": [min(bucket_end(b, interval), hi).isoformat() if hi else bucket_end(b, interval).isoformat()
                     for b in buckets],
            "keys": keys, "counts": counts, "total": total, "cooperation": coop, "conflict": conf,
            # what each key of ``counts`` means: the quad classes by name (round n46), other keys name themselves
            "labels": {k: QUAD_NAMES[int(k)] for k in keys if k.isdigit() and int(k) in QUAD_NAMES} if by == "quad"
            else {},
            "goldstein": [_round(gsum[i] / gcount[i]) if gcount[i] else None for i in range(n)],
            "goldstein_sum": [_round(gsum[i]) if gcount[i] else (0.0 if not total[i] else None) for i in range(n)],
            "coarse": coarse, "coarse_precisions": list(COARSER[interval]),
            "by_type": by_type, "events": events, "count": count, "gaps_filled": filled,
        }

    def dyad_series(self, source: str | None = None, target: str | None = None, *, interval: str = "auto",
                    by: str | None = None, fill_gaps: bool | None = None, panel: bool = False,
                    **filters: Any) -> dict[str, Any]:
        """:meth:`event_series` for the events from ``source`` to ``target`` (each optional, in any form the filters
        take: ``GRC``, ``GRCGOV``, an exact key or part of a name), with ``source`` and ``target`` added to the answer.
        Unlike :meth:`event_series`, ``fill_gaps`` is off by default (as the API's): pass ``fill_gaps=True`` with
        ``since`` and ``until`` for a panel of every bucket of that window. A direction only: an event from
        ``target`` to ``source`` is not counted (call it again the other way), unless ``either=True`` (both). ConfigError for an unknown interval,
        grouping, count or filter.

        ``panel=True`` gives the shape ``gaiko series`` prints by default: ``by="quad"`` (the four quad-class
        columns in :meth:`series_rows`) and ``fill_gaps=True`` (empty buckets as zeros), each unless given; without
        it ``by`` is ``"type"`` and ``fill_gaps`` False, as ``GET /api/v1/series`` (whose ``panel=true`` is the same
        switch; round r35, b31 F7). A panel by quad class carries all four quad classes in ``keys``, ``counts`` and
        ``labels``, a class with no event as zeros, as the CLI's four columns (round u40, b39 F17: only the classes
        present came)."""
        by = by if by is not None else ("quad" if panel else "type")
        fill_gaps = fill_gaps if fill_gaps is not None else panel
        out = self.event_series(interval=interval, by=by, fill_gaps=fill_gaps, source=source, target=target,
                                **filters)
        if panel and by == "quad":
            _every_quad(out)
        return {"source": source, "target": target, **out}

    def series_rows(self, series: dict[str, Any]) -> list[dict[str, Any]]:
        """A series as one flat row per bucket (for CSV/JSONL export and the "show data" tables): one ``n_KEY``
        column per key of ``counts``, but by quad class the four named columns ``verbal_cooperation`` (1),
        ``material_cooperation`` (2), ``verbal_conflict`` (3) and ``material_conflict`` (4), each always there."""
        from .analysis import QUAD_NAMES

        out = []
        for i, b in enumerate(series["buckets"]):
            row: dict[str, Any] = {"bucket": b, "since": series["starts"][i], "until": series["ends"][i], "events": series["total"][i],
                                   "mean_goldstein": series["goldstein"][i],
                                   "goldstein_sum": series["goldstein_sum"][i], "cooperation": series["cooperation"][i],
                                   "conflict": series["conflict"][i], "coarse_dates": series["coarse"][i]}
            if series.get("by") == "quad":
                # named as GDELT and ICEWS users know them, all four always (round n46: "n_1, n_3, n_4" told nothing)
                for q, name in QUAD_NAMES.items():
                    vals = series["counts"].get(str(q))
                    row[name.replace(" ", "_")] = vals[i] if vals else 0
                out.append(row)
                continue
            for k, vals in series["counts"].items():
                row[f"n_{k}"] = vals[i]
            out.append(row)
        return out
