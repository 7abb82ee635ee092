"""`gaiko import`: bring the Parquet parts of a distributed run into a store.

Reads ``DIR/<table>/part-*.parquet`` as written by :mod:`gaiko.distributed`
(events in the flat export columns; articles, sentences, actors, places and
pledges in the store's own columns) and inserts the rows of articles the store
does not hold yet, all in one transaction. Importing the same folder twice, or
two folders that share articles, adds nothing twice: an article is identified
by its content hash, and when a run coded the same text in two batches only one
batch's rows are taken. Errors are added unless the same (file, line, reason,
detail) is already recorded.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import ConfigError, StoreError
from .runner_signals import Terminated, catch_sigterm, defer_sigterm, hold_sigterm, terminating
from .store.txn import transaction

__all__ = ["ImportSummary", "check_folder", "import_parquet"]


@dataclass
class ImportSummary:
    run_id: str = ""
    articles: int = 0  # new articles imported
    skipped: int = 0  # articles already in the store
    sentences: int = 0
    events: int = 0
    pledges: int = 0
    errors: int = 0
    seconds: float = 0.0  # the whole import: the rows, their clustering and the ledger's update (round r31)
    complete: bool = True  # the folder carried the run's _SUCCESS.json

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _shell(path: Path) -> str:
    """``path`` quoted for a shell (a command the user copies)."""
    import shlex

    return shlex.quote(str(path))


def _sql_str(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def import_parquet(store: Any, directory: str | Path, *, partial: bool = False, track: bool = True) -> ImportSummary:
    """Import a distributed run's output folder into ``store``; returns what was added.

    A folder without ``_SUCCESS.json`` comes from a run that did not finish; it is
    refused unless ``partial`` (every part is a whole batch, so a partial import
    is consistent, just incomplete: import again after the run is redone).
    Ctrl-C rolls the import back, marks its run ``interrupted`` and raises KeyboardInterrupt; SIGTERM does the same
    and raises :class:`~gaiko.runner_signals.Terminated` (a KeyboardInterrupt), as ``gaiko code`` does (round r28: it
    killed the import outright, exit 143 with the run left ``running``). A SIGTERM while the run row is written is
    noted and raised after it; one while the imported events are clustered rolls the clustering back (the parts stay
    stored, the next import or ``gaiko cluster rebuild`` clusters them).
    """
    restore_signal = catch_sigterm()
    try:
        return _import(store, directory, partial=partial, track=track)
    finally:
        restore_signal()


def _import(store: Any, directory: str | Path, *, partial: bool, track: bool) -> ImportSummary:
    """:func:`import_parquet` with SIGTERM already raising :class:`~gaiko.runner_signals.Terminated`."""
    from .distributed import MANIFEST
    from .store.rows import EVENT_NAMES

    root = check_folder(directory, partial=partial)
    complete = (root / MANIFEST).is_file()
    if complete:
        _check_manifest(root / MANIFEST)
    present = sorted(d.name for d in root.iterdir() if d.is_dir() and any(d.glob("*.parquet")))
    start = time.perf_counter()
    con = store.con

    def src(table: str) -> str:
        glob = _sql_str(str(root / table / "*.parquet"))
        return f"read_parquet({glob}, filename = true, union_by_name = true)"

    def columns(table: str) -> list[str]:
        return [r[0] for r in con.execute(f'DESCRIBE "{table}"').fetchall()]

    summary = ImportSummary(run_id=store.start_run(f"import {root}"[:500]), complete=complete)
    status = "failed"
    try:  # round r27: one transaction (gaiko.store.txn) that a Ctrl-C at any statement cannot leave open
        with transaction(con):
            if "articles" in present:
                con.execute(
                    f"""CREATE OR REPLACE TEMP TABLE _gaiko_import AS
                        SELECT id, min(regexp_extract(filename, '[^/\\\\]+$')) AS part
                        FROM {src('articles')} GROUP BY id"""
                )
                total = con.execute("SELECT count(*) FROM _gaiko_import").fetchone()[0]
                con.execute("DELETE FROM _gaiko_import WHERE id IN (SELECT id FROM articles)")
                summary.articles = con.execute("SELECT count(*) FROM _gaiko_import").fetchone()[0]
                summary.skipped = total - summary.articles
                for table in ["articles", *[t for t in present if t not in ("articles", "errors")]]:
                    target_cols = list(EVENT_NAMES) if table == "events" else columns(table)
                    n = _insert_new(con, table, src(table), target_cols, summary.run_id)
                    if table in ("sentences", "events", "pledges"):
                        setattr(summary, table, n)
            if "errors" in present:
                # errors are a set (schema 4): parts written by an older gaiko carry no key, so it is computed here
                from .store.schema import error_key_sql

                cols = [c for c in columns("errors") if c not in ("run_id", "key")]
                have = {r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {src('errors')}").fetchall()}
                sel = ", ".join(f'p."{c}"' if c in have else f'NULL AS "{c}"' for c in cols)
                con.execute(f"CREATE OR REPLACE TEMP TABLE _gaiko_errors AS SELECT {sel} FROM {src('errors')} p")
                n = con.execute(
                    f"""INSERT INTO errors (key, {', '.join(f'"{c}"' for c in cols)}, run_id)
                        SELECT DISTINCT ON (k) k, {', '.join(f'"{c}"' for c in cols)}, ?
                        FROM (SELECT {error_key_sql()} AS k, * FROM _gaiko_errors)
                        WHERE k NOT IN (SELECT key FROM errors)""",
                    [summary.run_id],
                ).fetchone()[0]
                con.execute("DROP TABLE IF EXISTS _gaiko_errors")
                summary.errors = int(n)
            con.execute("DROP TABLE IF EXISTS _gaiko_import")
        status = "finished"
    except BaseException as exc:  # transaction() rolled back what was not committed
        from .store import interrupted

        if isinstance(exc, KeyboardInterrupt) or interrupted(exc) or terminating():  # Ctrl-C, SIGTERM (DuckDB:
            hold_sigterm()  # "Query interrupted"); a second SIGTERM now is noted, not raised (rounds r29, r30)
            status = "interrupted"
            stop = Terminated if terminating() or isinstance(exc, Terminated) else KeyboardInterrupt
            if _landed(con, summary.run_id):  # just after the COMMIT: every row is in, nothing was clustered
                status = "finished"  # round r29 (b28): it was marked interrupted, though stored whole
                raise stop(f"the import of {root} was stored whole just before the interrupt (the run is marked "
                           f"finished; the next import clusters its events{_ledger_advice(store, track)})") from None
            raise stop(f"the import of {root} was rolled back, the store is unchanged") from None
        if isinstance(exc, (ConfigError, StoreError)) or not isinstance(exc, Exception):
            raise
        raise StoreError(f"could not import {root}: {exc}; the store is unchanged") from exc
    finally:
        defer_sigterm()  # the run row is written whole; a SIGTERM now is raised after it (gaiko.runner_signals)
        summary.seconds = time.perf_counter() - start
        store.finish_run(summary.run_id, articles=summary.articles, skipped=summary.skipped, events=summary.events,
                         pledges=summary.pledges, errors=summary.errors, status=status)
        signalled = terminating()
    if signalled:  # a SIGTERM while the run row was written: the import is stored whole, nothing clustered
        hold_sigterm()
        raise Terminated(f"the import of {root} was stored whole just before the signal (the next import clusters "
                         f"its events{_ledger_advice(store, track)})")
    catch_sigterm()  # SIGTERM raises again (import_parquet restores the handler it found); not re-armed on a stop
    try:  # being told (round r30: that let a second SIGTERM replace the first's message)
        _cluster_and_track(store, summary, track)
    except BaseException as exc:
        from .store import interrupted

        # a signal inside a DuckDB query comes back from it as "Query interrupted" (RuntimeError): round r28 found it
        # told as "unexpected RuntimeError ... a gaiko bug" of a SIGTERM while the imported events were clustered
        if not (isinstance(exc, KeyboardInterrupt) or terminating() or interrupted(exc)):
            raise
        hold_sigterm()  # a second SIGTERM while this one is told is noted, not raised (rounds r29, r30)
        stop = Terminated if terminating() or isinstance(exc, Terminated) else KeyboardInterrupt
        # round r29: said here, so that a bare interrupt (the CLI's "nothing was stored") is never read as this one
        raise stop(f"the import of {root} was stored whole (the run is marked finished) but clustering its events"
                   f"{' or updating the pledge ledger' if track else ''} was cut short"
                   f"{_ledger_advice(store, track)}") from exc
    summary.seconds = time.perf_counter() - start  # the clustering and the ledger too (round r31, b29 F7)
    return summary


def _ledger_advice(store: Any, track: bool) -> str:
    """"; bring the ledger up to date with `gaiko pledges --rebuild --db STORE`" (the path quoted for a shell), or ""
    when the import was told not to track pledges (``--no-ledger``, round r29: it was told to rebuild anyway)."""
    import shlex

    return f"; bring the ledger up to date with `gaiko pledges --rebuild --db {shlex.quote(str(store.path))}`" \
        if track else ""


def _cluster_and_track(store: Any, summary: ImportSummary, track: bool) -> None:
    """After the import's commit: cluster the events in no cluster yet, and update the pledge ledger."""
    from .clusters import pending, update_clusters
    from .store.ledger_state import ledger_behind

    if summary.articles or pending(store):  # the imported events in no cluster yet (or an interrupted import's)
        update_clusters(store)
    # round r31 (b29 F2): also when nothing is new but the stored ledger is behind the store (an import stopped while
    # clustering never tracked, and its rerun skipped every article, so the ledger stayed empty)
    if track and (summary.articles or ledger_behind(store.con)):
        from .runner import update_ledger

        update_ledger(store)


def _landed(con: Any, run_id: str) -> bool:
    """Whether the import ``run_id`` committed rows (articles or errors carry its run id); False when it cannot
    be read."""
    try:
        return bool(con.execute("SELECT (SELECT count(*) FROM articles WHERE run_id = ?) "
                                "+ (SELECT count(*) FROM errors WHERE run_id = ?)", [run_id, run_id]).fetchone()[0])
    except Exception:  # noqa: BLE001 - the message then says rolled back, as it did before round r27
        return False


def _insert_new(con: Any, table: str, source: str, target_cols: list[str], run_id: str) -> int:
    """Insert the rows of ``source`` that belong to the new articles (from their chosen part only)."""
    have = {r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()}
    key = "id" if table == "articles" else "article_id"
    if key not in have:
        return 0
    cols = [c for c in target_cols if c in have and c != "run_id"]
    if not cols:
        return 0
    extra_col, extra_val, params = "", "", []
    if "run_id" in target_cols:
        extra_col, extra_val, params = ", run_id", ", ?", [run_id]
    col_sql = ", ".join(f'"{c}"' for c in cols)
    sel = ", ".join(f'p."{c}"' for c in cols)
    row = con.execute(
        f"""INSERT INTO "{table}" ({col_sql}{extra_col})
            SELECT {sel}{extra_val} FROM {source} p
            JOIN _gaiko_import n ON p."{key}" = n.id AND regexp_extract(p.filename, '[^/\\\\]+$') = n.part""",
        params,
    ).fetchone()
    return int(row[0]) if row else 0


def _check_manifest(path: Path) -> None:
    from .store.schema import SCHEMA_VERSION

    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path} is unreadable ({exc}); run the distributed coding again") from None
    version = int(meta.get("schema_version", 0))
    if version > SCHEMA_VERSION:
        raise ConfigError(
            f"{path.parent} was written with store schema {version}, newer than this gaiko ({SCHEMA_VERSION}); "
            "upgrade gaiko before importing"
        )


def check_folder(directory: str | Path, *, partial: bool = False) -> Path:
    """``directory`` as the output folder of a distributed run, or :class:`ConfigError` saying what it is instead: a
    file, missing, holding no run's output, or (without ``partial``) a run that did not finish. Checked before a
    store is opened, so a mistyped folder creates no store."""
    from .distributed import MANIFEST

    root = Path(directory)
    if root.exists() and not root.is_dir():
        raise ConfigError(f"{root} is a file, not a folder: gaiko import reads the --out folder of `gaiko code "
                          "--engine ray`; articles are coded into a store with gaiko code")
    if not root.is_dir():
        raise ConfigError(f"no folder {root}; give the --out folder of `gaiko code --engine ray`")
    complete = (root / MANIFEST).is_file()
    if not complete and not any(root.glob("*/*.parquet")) and any(root.glob("*.parquet")):
        # one table's folder of a run's output (round r31, b29 F12: "no Parquet parts" of a folder full of them)
        raise ConfigError(f"{root} is one table's folder ({root.name}) of a `gaiko code --engine ray` output: "
                          f"gaiko import reads the whole output folder; give its parent: gaiko import "
                          f"{_shell(root.parent)}")
    if not complete and not any(root.glob("*/*.parquet")):  # no run's output at all: a mistyped folder
        raise ConfigError(f"{root} holds no output of `gaiko code --engine ray` (no {MANIFEST}, no Parquet parts); "
                          "give the folder its --out named")
    if not complete and not partial:
        raise ConfigError(
            f"{root} has no {MANIFEST}: its run did not finish. Run it again, or import what is there with --partial"
        )
    return root
