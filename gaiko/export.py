"""Exports: JSONL in PLOVER's record shape, flat CSV, flat Parquet.

PLOVER fields keep PLOVER's names (``id``, ``date``, ``actor``, ``recipient``,
``event``, ``mode``, ``context``, ``event_text``, ``event_loc``, ...); gaiko's
additions sit in their own clearly named fields (``cameo_root``, ``goldstein``,
``quad_class``, ``evidence``, ``confidence``, ``coder_version``, ...). See
docs/records.md.

By default an export has one record per event cluster (one real-world event,
however many reports it has): the cluster's representative mention, with the
cluster's date, actors and place; ``count="mentions"`` exports every mention.
Both carry GDELT's ``cluster_id``, ``num_mentions``, ``num_articles`` and
``num_sources`` (docs/clusters.md).
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .export_names import FORMATS, export_format, is_stdout, out_names, refuse_unwritten
from .export_names import special_file as _special_file
from .store import counting

__all__ = ["plover_record", "iter_plover_records", "export_events", "export_format", "FORMATS", "FLAT_SELECT",
           "store_target"]

#: the ``--out`` name tables by their names before round r30 (now ``gaiko/data/export/out_names.yaml``, read by
#: :func:`gaiko.export_names.out_names`): read when first asked for
_TABLES = {"SUFFIX_FORMATS": "formats", "FOREIGN_SUFFIXES": "foreign", "OTHER_FORMAT_SUFFIXES": "other",
           "STDOUT_NAMES": "stdout"}


def __getattr__(name: str) -> object:
    if name in _TABLES:
        return getattr(out_names(), _TABLES[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: flat columns shared by CSV and Parquet exports and by distributed runs (whose part stores cluster nothing:
#: each event is its own cluster there, and the importing store clusters them; the importer reads the event columns);
#: ``coded_at`` last, its article's coding (GDELT's DATEADDED, as the exports give it; round p51)
FLAT_SELECT = """
SELECT e.* EXCLUDE (run_id), s.text AS sentence, a.published, a.title AS article_title,
       a.url AS article_url, a.source AS article_source, s.start AS sentence_start, coalesce(c.id, e.id) AS cluster_id,
       coalesce(c.num_mentions, 1) AS num_mentions, coalesce(c.num_articles, 1) AS num_articles,
       coalesce(c.num_sources, 1) AS num_sources, a.coded_at AS coded_at
FROM events e
JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx
JOIN articles a ON a.id = e.article_id
LEFT JOIN cluster_members m ON m.event_id = e.id
LEFT JOIN clusters c ON c.id = m.cluster_id
"""


def _iso(v: Any) -> Any:
    from .utctime import iso_text  # a moment with its zone, Z (round n54)

    return iso_text(v)


def _actor(row: dict[str, Any], side: str) -> dict[str, Any] | None:
    if row.get(f"{side}_text") is None:
        return None
    return {
        "text": row[f"{side}_text"],
        "name": row.get(f"{side}_name"),
        "country": row.get(f"{side}_country"),
        "sector": row.get(f"{side}_sector"),
        "role": row.get(f"{side}_role"),
        "person_id": row.get(f"{side}_person"),
        "resolved_by": row.get(f"{side}_resolved_by"),
        "confidence": row.get(f"{side}_confidence"),
    }


def _members(row: dict[str, Any], side: str) -> list[dict[str, Any]] | None:
    raw = row.get(f"{side}_members")
    if not raw:
        return None
    try:
        out = json.loads(raw)
    except (TypeError, ValueError):
        return None
    return out if isinstance(out, list) and len(out) >= 2 else None


def _listed(one: Any, members: list[dict[str, Any]] | None, key: str) -> Any:
    """PLOVER's list form for a compound actor ("actor": ["EGY", "QAT", "TUR"]), the single value otherwise."""
    return [m.get(key) for m in members] if members else one


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event row from the store as a PLOVER-style JSON record.

    A compound source or target ("Egypt, Qatar and Turkey brokered ...") is written in PLOVER's list
    form: ``actor``, ``actor_sector`` and ``actor_text`` (and the ``recipient`` fields) are lists with
    one item per member, and ``actor_members`` / ``recipient_members`` hold the full actor objects."""
    src, tgt = _actor(row, "source"), _actor(row, "target")
    smem, tmem = _members(row, "source"), _members(row, "target")
    loc = None
    if row.get("place_text"):
        loc = {
            "name": row.get("place_name") or row["place_text"],
            "text": row["place_text"],
            "country": row.get("place_country"),
            "lat": row.get("lat"),
            "lon": row.get("lon"),
            "precision": row.get("place_precision"),
            "region": row.get("place_region"),
        }
    return {
        # PLOVER record fields
        "id": row["id"],
        "date": _iso(row.get("date")),
        "event": row["event_type"],
        "mode": row.get("mode"),
        "context": list(row.get("context") or []),
        "actor": _listed(src["country"] if src else None, smem, "country"),
        "actor_sector": _listed(src["sector"] if src else None, smem, "sector"),
        "actor_text": _listed(src["text"] if src else None, smem, "text"),
        "recipient": _listed(tgt["country"] if tgt else None, tmem, "country"),
        "recipient_sector": _listed(tgt["sector"] if tgt else None, tmem, "sector"),
        "recipient_text": _listed(tgt["text"] if tgt else None, tmem, "text"),
        "event_text": row.get("trigger"),
        "event_loc": loc,
        "text": row.get("sentence"),
        "language": "en",
        "publication": {
            "article_id": row["article_id"],
            "title": row.get("article_title"),
            "url": row.get("article_url"),
            "source": row.get("article_source"),
            "published": _iso(row.get("published")),
        },
        # gaiko additions
        "cameo_root": row.get("cameo"),
        "cameo_code": row.get("cameo_code"),
        "goldstein": row.get("goldstein"),
        "quad_class": row.get("quad_class"),
        "cameo_quad_class": row.get("cameo_quad_class"),
        "actor_detail": src,
        "recipient_detail": tgt,
        "actor_members": smem,
        "recipient_members": tmem,
        "date_text": row.get("date_text"),
        "date_precision": row.get("date_precision"),
        "negated": row.get("negated"),
        "hypothetical": row.get("hypothetical"),
        "intended": row.get("intended"),
        "reported": row.get("reported"),
        "evidence": {
            "article_id": row["article_id"],
            "sentence_index": row["sentence_idx"],
            "sentence": row.get("sentence"),
            "sentence_start": row.get("sentence_start"),
            "trigger": [row.get("trigger_start"), row.get("trigger_end")],
            "actor": [row.get("source_start"), row.get("source_end")]
            if src and row.get("source_start") is not None else None,
            "recipient": [row.get("target_start"), row.get("target_end")]
            if tgt and row.get("target_start") is not None else None,
            "pattern": row.get("pattern"),
        },
        "confidence": row.get("confidence"),
        "coder_version": row.get("coder_version"),
        # event clusters (GDELT's names): the real-world event this record stands for, and how often it was reported
        "cluster_id": row.get("cluster_id"),
        "num_mentions": row.get("num_mentions"),
        "num_articles": row.get("num_articles"),
        "num_sources": row.get("num_sources"),
        # when it was coded into the store (GDELT's DATEADDED; UTC, ISO without an offset; round p51): a mention's
        # article's coding, a cluster's earliest mention's
        "coded_at": _iso(row.get("coded_at")),
    }


def iter_plover_records(store: Any, chunk: int = 5000, count: str = "clusters", **filters: Any) -> Iterator[dict[str, Any]]:
    """PLOVER records of the clusters (default) or mentions matching ``filters``, in article order."""
    from .store.downloads import iter_query  # a cursor of its own, ``chunk`` rows at a time (duplicate D7, round r30)

    sql, params = counting.event_rows(store.con, count, {"include_negated": True, **filters}, "article")
    for row in iter_query(store.con, sql, params, chunk):
        yield plover_record(row)


def export_events(store: Any, fmt: str | None, out: str | Path, count: str = "clusters", **filters: Any) -> int:
    """Write the clusters (default: one record per real-world event) or the mentions matching ``filters`` to
    the file ``out`` (``"-"``: standard output, JSONL and CSV only); returns the number written. ``fmt``: jsonl,
    csv or parquet; None takes the one ``out``'s suffix names (:func:`export_format`).

    Raises ConfigError for an unknown format or count, a format the suffix of ``out`` contradicts, or an ``out``
    that cannot be a file (a directory, a folder that cannot be made, no permission). CSV cells are made safe for
    spreadsheets (:mod:`gaiko.csvcell`).
    """
    fmt = export_format(fmt, out)
    counting.check_count(count)  # before anything is written
    if is_stdout(out):
        return _export_stdout(store, fmt, count, filters)
    out = Path(out)
    if out.is_dir():
        raise ConfigError(f"--out {out} is a directory; give a file name, e.g. --out {out / ('events.' + fmt)}")
    _refuse_a_store(store, out, fmt)
    if not _special_file(out):
        refuse_unwritten(out, out.suffix.lower(), fmt)  # a .duckdb name that is no store yet (round r28)
    if _special_file(out):
        return _export_special(store, fmt, out, count, filters)
    # written beside ``out`` under another name and moved over it once complete (round n39): an export that is
    # interrupted, killed or fails leaves ``out`` as it was (absent, or the previous export), never a part of the rows
    # a symbolic link stays a link: its target is what gets replaced; a previous export's permissions carry over
    target = out.resolve() if out.is_symlink() else out
    part = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        n = _export_file(store, fmt, part, count, filters)
        if target.exists():
            os.chmod(part, stat.S_IMODE(target.stat().st_mode))
        os.replace(part, target)
        return n
    except BaseException as exc:
        part.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ConfigError(f"cannot write {out}: {exc.strerror or exc}") from None
        if type(exc).__name__ == "IOException":  # DuckDB's COPY could not write the file
            raise ConfigError(f"cannot write {out}: {str(exc).splitlines()[0]}") from None
        raise


def _export_file(store: Any, fmt: str, out: Path, count: str, filters: dict[str, Any]) -> int:
    """Write the export to the file ``out``; returns the number of records."""
    if fmt == "jsonl":
        n = 0
        with out.open("w", encoding="utf-8") as fh:
            for rec in iter_plover_records(store, count=count, **filters):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                n += 1
        return n
    sql, params = counting.event_rows(store.con, count, {"include_negated": True, **filters}, "article", flat=True)
    if fmt == "csv":
        return _export_csv(store, sql, params, out)
    from .store.downloads import copy_parquet  # coded_at a time in UTC (round n54)

    copy_parquet(store.con, sql, params, str(out))
    return int(store.con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0])


def _export_special(store: Any, fmt: str, out: Path, count: str, filters: dict[str, Any]) -> int:
    """JSONL or CSV written straight into ``out``, a pipe or a device (round r25): neither read first nor replaced by a
    regular file (which blocked for ever on ``--out /dev/stdout`` or a named pipe, and as root put a file in place of
    ``/dev/null``). Parquet, which DuckDB writes by seeking, is refused as on standard output."""
    if fmt == "parquet":
        raise ConfigError(f"--out {out} is no regular file (a pipe or a device): Parquet cannot be written there; "
                          "give a file name, e.g. --out events.parquet")
    try:
        return _export_file(store, fmt, out, count, filters)
    except OSError as exc:
        raise ConfigError(f"cannot write {out}: {exc.strerror or exc}") from None


def _refuse_a_store(store: Any, out: Path, fmt: str) -> None:
    """ConfigError when ``out`` is a store: the one being exported (or its write-ahead log), or any other DuckDB file.
    Opening it for the export would empty it before a row is read, and every article, event and pledge in it
    would be lost."""
    why = store_target(out, getattr(store, "path", None))
    if why:
        raise ConfigError(f"--out {out} is {why}: writing the export there would destroy it; give another file name, "
                          f"e.g. --out events.{fmt}")


def store_target(out: str | Path, own: str | Path | None = None,
                 own_is: str = "the store being exported (--db)") -> str | None:
    """What store ``out`` is, when it is one, else None: ``own_is`` for ``own`` (the store read) or its write-ahead
    log, ``"a DuckDB store"`` for any other DuckDB file. A missing path, a pipe or a device is none and is never read
    (round r25: reading a pipe blocked for ever). Never raises."""
    out = Path(out)
    try:
        target = out.resolve()
        mine = Path(str(own)).resolve() if own not in (None, "", ":memory:") else None
    except (OSError, RuntimeError):
        return None
    if mine is not None and target in (mine, mine.with_name(mine.name + ".wal")):
        return own_is
    if not out.is_file():
        return None  # missing (to be made), or a pipe or a device, which no reading may block on (round r25)
    try:
        with out.open("rb") as fh:
            head = fh.read(12)
    except OSError:
        return None  # unreadable: the write itself says so
    return "a DuckDB store" if head[8:12] == b"DUCK" else None


def _export_stdout(store: Any, fmt: str, count: str, filters: dict[str, Any]) -> int:
    """JSONL or CSV records on standard output (``--out -``); Parquet is a binary file and is refused."""
    import sys

    if fmt == "parquet":
        raise ConfigError("Parquet cannot go to standard output; give a file name, e.g. --out events.parquet")
    n = 0
    if fmt == "jsonl":
        for rec in iter_plover_records(store, count=count, **filters):
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
        sys.stdout.flush()
        return n
    sql, params = counting.event_rows(store.con, count, {"include_negated": True, **filters}, "article", flat=True)
    return _write_csv_rows(store, sql, params, sys.stdout)


def _export_csv(store: Any, sql: str, params: list[Any], out: Path, chunk: int = 5000) -> int:
    """Flat rows to CSV; lists (context) become '; '-joined text, cells safe for spreadsheets."""
    with out.open("w", encoding="utf-8", newline="") as fh:
        return _write_csv_rows(store, sql, params, fh, chunk)


def _write_csv_rows(store: Any, sql: str, params: list[Any], fh: Any, chunk: int = 5000) -> int:
    """The rows of ``sql`` as CSV on the text stream ``fh``; returns how many."""
    from .csvcell import write_csv

    cur = store.con.cursor()
    n = 0
    try:
        cur.execute(sql, params)
        cols = [d[0] for d in cur.description]
        write_csv(fh, [], cols)
        while rows := cur.fetchmany(chunk):
            n += write_csv(fh, [dict(zip(cols, r)) for r in rows], cols, header=False)  # context '; '-joined
    finally:
        cur.close()
    return n
