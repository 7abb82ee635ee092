"""A person's decisions, carried from one store to another: statuses set by hand and cluster splits and merges.

Both live in the store (``pledge_overrides``, ``cluster_overrules``) and name what they decide by ids that stay the
same when the same articles are coded again (a pledge by its ledger id and mention ids, a mention by its ``mkey``:
article, sentence, trigger offset). So they can be written out and read into another store: one coded afresh with
``--actors`` or a newer gaiko, or a colleague's. The file is JSON Lines, one decision per line:

``{"type": "pledge_status", "ledger_id", "status", "note", "pledge_ids", "evidence_seen", "set_at"}``
``{"type": "cluster_overrule", "id", "seq", "kind" ("split"/"merge"), "mkeys", "event_ids", "from_clusters", "note",
"created_at"}``

Reading is idempotent (a decision already in the store is skipped, so a file read twice adds nothing) and a broken
line is reported with its number while the others are read. Decisions about articles the store does not hold yet are
kept and apply once those articles are coded, as after any recoding. docs/cli.md ("Carrying decisions").
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from typing import Any

from .errors import ConfigError
from .utctime import utc_naive, utc_now

__all__ = ["export_overrules", "import_overrules", "read_overrules_file", "RECORD_TYPES"]

RECORD_TYPES = ("pledge_status", "cluster_overrule")


def export_overrules(store: Any) -> list[dict[str, Any]]:
    """Every decision in ``store``: statuses set by hand (by ledger id), then cluster overrules in the order they were
    made. Returns a list of JSON-ready dicts (the module docstring gives their shape)."""
    from .clusters.overrules import load_overrules
    from .tracking.tables import get_overrides

    out: list[dict[str, Any]] = []
    for o in sorted(get_overrides(store.con), key=lambda o: o["ledger_id"]):
        out.append({"type": "pledge_status", "ledger_id": o["ledger_id"], "status": o["status"], "note": o["note"],
                    "pledge_ids": o["pledge_ids"], "evidence_seen": o["seen"], "set_at": o["set_at"],
                    **({"date": o["date"]} if o.get("date") else {})})
    for o in load_overrules(store.con):
        out.append({"type": "cluster_overrule", "id": o["id"], "seq": o["seq"], "kind": o["kind"],
                    "mkeys": list(o["mkeys"] or []), "event_ids": list(o["event_ids"] or []),
                    "from_clusters": list(o["from_clusters"] or []), "note": o["note"], "created_at": o["created_at"]})
    return out


def read_overrules_file(path: str) -> tuple[list[tuple[int, dict[str, Any]]], list[str]]:
    """``(records, errors)``: the parsed lines of a decisions file with their line numbers, and one message per line
    that is not a JSON object; ``-`` reads standard input, as ``gaiko overrules export -`` writes it (round r25). Raises
    ConfigError when the file cannot be read."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
        else:
            with open(path, "rb") as fh:
                data = fh.read()
    except OSError as exc:
        raise ConfigError(f"cannot read decisions file {path}: {exc.strerror or exc}") from exc
    lines = _decode(data, path).splitlines()
    records, errors = [], []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"line {n}: not JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(rec, dict):
            errors.append(f"line {n}: not a JSON object")
            continue
        records.append((n, rec))
    if (records or errors) and not any(rec.get("type") in RECORD_TYPES for _, rec in records):
        # round r33 (b30 F7): a `gaiko export` of events given here was one "unknown decision type None" per line
        first = errors[0] if errors else f"line {records[0][0]}: \"type\" {records[0][1].get('type')!r}"
        raise ConfigError(f"{path} is not a decisions file: none of its {len(records) + len(errors):,} lines is a "
                          f"decision (a JSON object whose \"type\" is {' or '.join(RECORD_TYPES)}; {first}). Give a "
                          "file written by `gaiko overrules export`")
    return records, errors


#: byte-order marks a hand-edited decisions file may start with (Notepad saves UTF-8 with one), and their codecs
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _decode(data: bytes, path: str) -> str:
    """The text of a decisions file: UTF-8, with or without a byte-order mark, or UTF-16/32 with one (round r33, b30
    F7: "Unexpected UTF-8 BOM (decode using utf-8-sig)" of every line, "'utf-8' codec can't decode byte 0xff").
    Raises ConfigError for other bytes."""
    codec = next((c for bom, c in _BOMS if data.startswith(bom)), "utf-8")
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise ConfigError(f"cannot read decisions file {path}: it is not {codec.upper().replace('-SIG', '')} text "
                          f"(byte 0x{data[exc.start]:02x} at offset {exc.start:,}). `gaiko overrules export` writes "
                          "UTF-8: save the file as UTF-8") from None


def _strs(rec: dict[str, Any], key: str, n: int) -> list[str]:
    v = rec.get(key)
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise ConfigError(f"line {n}: {key!r} must be a list of strings")
    return v


def _pledge_status(con: Any, rec: dict[str, Any], n: int) -> bool:
    """Insert one status set by hand; False when the store has the same one already."""
    from .tracking import STATUSES
    from .tracking.tables import set_override

    lid, status = rec.get("ledger_id"), rec.get("status")
    if isinstance(status, str) and status.strip().lower() in STATUSES:  # in any case, as `gaiko pledge set` (r33)
        status = status.strip().lower()
    if not isinstance(lid, str) or not lid:
        raise ConfigError(f"line {n}: a pledge_status needs a 'ledger_id'")
    if status not in STATUSES:
        raise ConfigError(f"line {n}: unknown status {status!r}; use one of: {', '.join(STATUSES)}")
    pledge_ids = _strs(rec, "pledge_ids", n)
    seen = rec.get("evidence_seen")
    if seen is not None:
        seen = _strs(rec, "evidence_seen", n)
    note = rec.get("note")
    date = rec.get("date")  # the day of the evidence (round r35); absent in files written before
    if date is not None:
        from .isoday import iso_day

        try:
            date = iso_day(str(date)).isoformat()
        except ValueError:
            raise ConfigError(f"line {n}: 'date' must be a day like 2026-01-28, not {date!r}") from None
    have = con.execute("SELECT status, note, CAST(evidence_date AS VARCHAR) FROM pledge_overrides WHERE ledger_id = ?",
                       [lid]).fetchone()
    if have and have[0] == status and have[1] == note and have[2] == date:
        return False
    set_override(con, lid, status, note if isinstance(note, str) else None, pledge_ids, seen=seen, date=date)
    when = utc_naive(rec.get("set_at"))  # in UTC whatever its offset (round n53); a malformed time keeps the time
    if when is not None:                  # of reading
        con.execute("UPDATE pledge_overrides SET set_at = ? WHERE ledger_id = ?", [when, lid])
    return True


def _cluster_overrule(con: Any, rec: dict[str, Any], n: int) -> bool:
    """Append one cluster overrule after the store's own; False when the store has it (same kind and mentions)."""
    kind = rec.get("kind")
    if kind not in ("split", "merge"):
        raise ConfigError(f"line {n}: a cluster_overrule's 'kind' must be split or merge, not {kind!r}")
    mkeys = sorted(_strs(rec, "mkeys", n))
    if not mkeys:
        raise ConfigError(f"line {n}: a cluster_overrule needs the mentions it names ('mkeys')")
    for o_kind, o_mkeys in con.execute("SELECT kind, mkeys FROM cluster_overrules").fetchall():
        if o_kind == kind and sorted(o_mkeys or []) == mkeys:
            return False
    oid = rec.get("id")
    taken = isinstance(oid, str) and con.execute("SELECT count(*) FROM cluster_overrules WHERE id = ?",
                                                 [oid]).fetchone()[0]
    if not isinstance(oid, str) or not oid.startswith("ov-") or taken:
        from .clusters.overrules import add_overrule

        add_overrule(con, kind, mkeys, _strs(rec, "event_ids", n), _strs(rec, "from_clusters", n), rec.get("note"))
        return True
    seq = int(con.execute("SELECT coalesce(max(seq), 0) + 1 FROM cluster_overrules").fetchone()[0])
    # created_at in UTC whatever its offset; none, or malformed: now, in UTC (round n53: now() cast to TIMESTAMP
    # was the machine's local time, and an offset was dropped)
    con.execute("INSERT INTO cluster_overrules VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [oid, seq, kind, mkeys, sorted(_strs(rec, "event_ids", n)), sorted(_strs(rec, "from_clusters", n)),
                 rec.get("note"), utc_naive(rec.get("created_at")) or utc_now()])
    return True


def import_overrules(store: Any, records: Iterable[tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    """Read decisions (``(line number, record)`` pairs, as :func:`read_overrules_file` gives) into ``store`` (open
    for writing). Cluster overrules keep their order (``seq``) after the store's own; the clusters are then
    rebuilt once and the ledger entries of the pledges updated. Returns ``{"pledge_status": n, "cluster_overrule":
    n, "skipped": n, "errors": [message, ...]}``; a broken record is an error message, never the end of the batch."""
    from .tracking import update_ledger
    from .tracking.update import refresh

    store._check_writable()
    con = store.con
    counts: dict[str, Any] = {"pledge_status": 0, "cluster_overrule": 0, "skipped": 0, "errors": []}
    ordered = sorted(records, key=lambda r: (r[1].get("type") != "pledge_status", _seq(r[1]), r[0]))
    ledger_ids: list[str] = []
    for n, rec in ordered:
        kind = rec.get("type")
        try:
            if kind == "pledge_status":
                added = _pledge_status(con, rec, n)
                if added:
                    ledger_ids.append(rec["ledger_id"])
            elif kind == "cluster_overrule":
                added = _cluster_overrule(con, rec, n)
            else:
                raise ConfigError(f"line {n}: unknown decision type {kind!r}; use one of: {', '.join(RECORD_TYPES)}")
        except ConfigError as exc:
            counts["errors"].append(str(exc))
            continue
        counts[kind if added else "skipped"] += 1
    if counts["cluster_overrule"]:
        from .clusters import rebuild_clusters

        rebuild_clusters(store)
    if ledger_ids:
        update_ledger(store)
        refresh(store, ledger_ids)
    return counts


def _seq(rec: dict[str, Any]) -> int:
    try:
        return int(rec.get("seq") or 0)
    except (TypeError, ValueError):
        return 0
