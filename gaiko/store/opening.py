"""Opening a store file, and saying what went wrong when that (or reading it later) fails.

DuckDB reports every failure to open a file as one ``IOException`` with a
message. :func:`explain` turns it, or any other exception from opening or
reading a store, into a :class:`~gaiko.errors.StoreError` whose ``reason``
names the kind of failure and whose message says what to do about it. The
CLI, the Python API and the web server all open stores through
:func:`connect`, so they give the same advice.

Kinds (``StoreError.reason``):

==================  =======================================================
``no_path``         no path given (``None`` or empty)
``missing``         read-only open of a file that does not exist
``missing_dir``     the folder the file should be created in does not exist
``is_directory``    the path is a directory
``read_only_fs``    the file system is mounted read-only
``permission``      the operating system refuses access
``not_duckdb``      the file is not a DuckDB database (another kind, or empty)
``truncated``       the file ends early (an unfinished copy or download, a full disk)
``corrupt``         a block fails its checksum or cannot be decoded
``version``         written by a DuckDB whose storage format this one cannot read
``wal``             the write-ahead log next to the file cannot be replayed (another store's, or damaged)
``no_space``        the disk (or a quota) is full: free space and run again (the log, if any, is kept: round r33)
``locked``          another process holds the file (only then: wait or use a copy)
``open_here``       this process already has the file open in the other mode
``store``           anything else, with DuckDB's own message
==================  =======================================================
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path
from typing import Any

from ..errors import StoreError

__all__ = ["connect", "explain", "explain_db_error", "check_path", "locked_for_a_change", "remove_new_store",
           "no_room", "NO_ROOM_ERRNOS", "NO_ROOM_WORDS", "STORE_FAILURE_KINDS"]

STORE_FAILURE_KINDS = (
    "no_path", "missing", "missing_dir", "is_directory", "read_only_fs", "permission", "not_duckdb",
    "truncated", "corrupt", "version", "wal", "no_space", "locked", "open_here", "store",
)

#: what DuckDB and the OS say of a write that found no room: the disk or a quota full, a file too large for its file
#: system (the errno names ENOSPC, EDQUOT, EFBIG: :data:`NO_ROOM_ERRNOS`, which the CLI reads too)
NO_ROOM_WORDS = ("no space left on device", "disk quota exceeded", "file too large")
NO_ROOM_ERRNOS = frozenset({getattr(errno, n) for n in ("ENOSPC", "EDQUOT", "EFBIG") if hasattr(errno, n)})


def no_room(exc: BaseException) -> bool:
    """Whether ``exc`` (an OSError, a DuckDB error or a StoreError saying one) is a write that found no room."""
    if isinstance(exc, OSError) and exc.errno in NO_ROOM_ERRNOS:
        return True
    low = str(exc).lower()
    return any(w in low for w in NO_ROOM_WORDS)

_PID = re.compile(r"\(PID (\d+)\)")
_FILE = re.compile(r'file "([^"]+)"')


def check_path(path: Any) -> str:
    """The store path as a string; StoreError (``no_path``) for None, empty or non-path values."""
    if isinstance(path, Path):
        path = str(path)
    if not isinstance(path, str) or not path.strip():
        got = "None" if path is None else repr(path)
        raise StoreError(f"no store path given (got {got}); pass a file name such as 'news.duckdb', "
                         "or ':memory:' for a throw-away store", reason="no_path")
    return path


def connect(path: str, read_only: bool) -> Any:
    """A DuckDB connection to ``path``; a StoreError saying what is wrong when it cannot be opened."""
    import duckdb

    if path != ":memory:":
        p = Path(path)
        if p.is_dir():
            raise explain(IsADirectoryError(errno.EISDIR, "Is a directory", path), path, read_only=read_only)
        if read_only and not p.exists():
            raise StoreError(f"no store at {path}; create one with: gaiko code ARTICLES --db {path}", reason="missing")
        if not read_only and not p.exists() and not p.parent.exists():
            raise explain(FileNotFoundError(errno.ENOENT, "No such file or directory", path), path, read_only=False)
    try:
        con = duckdb.connect(path, read_only=read_only)
    except (duckdb.Error, OSError) as exc:
        raise explain(exc, path, read_only=read_only) from None
    if path != ":memory:" and _in_memory(con):
        # DuckDB opens an existing CSV, JSON(L) or Parquet file as an in-memory database holding it as a view:
        # a run "into" it would write nowhere and lose everything, so it is no store
        con.close()
        raise _not_duckdb(path, read_only)
    return con


def locked_for_a_change(exc: StoreError, path: str) -> StoreError:
    """The ``locked`` error ``exc`` told to a command that changes the store (``gaiko cluster rebuild``, ``gaiko
    pledge set``, ``gaiko overrules import``, ...): wait and run it again. Round r31 (b29 F9): they were told to
    "query a copy", which leads a person to make the change in a copy that is then thrown away."""
    m = _PID.search(str(exc))
    who = f" (PID {m.group(1)})" if m else ""
    return StoreError(f"{path} is in use by another process{who}: this command changes the store, and a store has one "
                      "writer and then no reader (gaiko code, gaiko serve, gaiko events, ... may hold it). Wait for "
                      "that process to finish or stop it, then run this command again (a change made in a copy "
                      "would stay in the copy)", reason="locked")


def attached_path(con: Any) -> str | None:
    """The file ``con``'s current database is attached to; ``""`` for a database in memory; None when it cannot be
    told (no such catalog row, or a DuckDB without ``duckdb_databases()``). Never raises."""
    try:
        row = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    except Exception:  # noqa: BLE001 - a DuckDB without the catalog function: cannot be told
        return None
    if row is None:
        return None
    return "" if row[0] is None else str(row[0])


def _in_memory(con: Any) -> bool:
    """Whether ``con`` is attached to no file (DuckDB's way of opening a data file that is no database); a store
    whose file cannot be told is taken for a file, as before."""
    return attached_path(con) == ""


def _not_duckdb(path: str, read_only: bool = False) -> StoreError:
    """``read_only``: a command that only reads is not told to give a new name, which it would not create (round
    r33, b30 F9: `gaiko stats --db ok.csv` said "or a new file name to create one")."""
    p = Path(path)
    kind = "an empty file" if p.exists() and p.stat().st_size == 0 else "another kind of file"
    create = "" if read_only else ", or a new file name to create one"
    return StoreError(f"{path} is not a gaiko store: it is {kind}, not a DuckDB database. Give the path of a store "
                      f"made by gaiko code{create}", reason="not_duckdb")


def _fs_read_only(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def explain(exc: BaseException, path: str, *, read_only: bool = False) -> StoreError:
    """A StoreError for ``exc``, raised while opening or reading the store at ``path``."""
    if isinstance(exc, StoreError):
        return exc
    msg = str(exc)
    low = msg.lower()
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    what = "open" if not read_only else "read"

    def err(reason: str, text: str) -> StoreError:
        return StoreError(text, reason=reason)

    if isinstance(exc, IsADirectoryError) or "is a directory" in low or (path != ":memory:" and p.is_dir()):
        return err("is_directory", f"{path} is a directory, not a store file; give a file path, "
                                   f"e.g. --db {p / 'gaiko.duckdb'}")
    if "could not set lock" in low or "conflicting lock" in low:
        m = _PID.search(msg)
        who = f" (PID {m.group(1)})" if m else ""
        if read_only:  # readers never keep out a reader: a writer holds it
            return err("locked", f"{path} is in use by another process{who}: another gaiko process (a gaiko code run, "
                                 "or gaiko serve with an API key) is writing it. Wait for it to finish, or query a copy "
                                 f"(cp {path} copy.duckdb)")
        return err("locked", f"{path} is in use by another process{who}: a store has one writer and then no reader, "
                             "and that process has it open, writing or reading (gaiko code, gaiko serve with or "
                             "without an API key, gaiko events, ...). Wait for it to finish or stop it; or query a copy, "
                             f"or code into one (cp {path} copy.duckdb)")
    if "different configuration" in low:
        return err("open_here", f"{path} is already open in this process in the other mode (read-only or "
                                "read-write); close that store first")
    if "not a valid duckdb database" in low or "not a duckdb" in low or (
            "in-memory database in read-only mode" in low and path != ":memory:" and p.exists()):
        return _not_duckdb(path, read_only)  # the last: a CSV, JSON or Parquet file, which DuckDB would open in memory
    if "replaying wal" in low or "wal does not match" in low or "corrupt wal" in low:
        wal = f"{path}.wal"
        if no_room(exc):  # round r33 (b30 F3): a full disk is no damage; moving the log aside would lose its changes
            return err("no_space", f"no space left to apply the write-ahead log {wal} to {path} "
                                   f"({msg.splitlines()[0]}). The log is sound and holds changes not yet in the "
                                   "store: keep it, free space on that disk and run the command again (the store "
                                   "can be read meanwhile: gaiko stats, events and export read the log without "
                                   "writing)")
        return err("wal", f"the write-ahead log {wal} of {path} cannot be replayed ({msg.splitlines()[0]}): it does not "
                          f"belong to this store or was damaged. Move it aside (mv {wal} {wal}.bad) and open the store "
                          "again; only the changes still in the log are lost")
    if "could not read enough bytes" in low or "unexpected end of file" in low:
        return err("truncated", f"{path} is truncated: the file ends before its data does (a copy or download that "
                                "did not finish, a full disk, or a write that was cut off). Restore it from a backup, "
                                "or code the articles again into a new store")
    if "corrupt database" in low or "does not match stored checksum" in low:
        return err("corrupt", f"{path} is damaged: part of the file does not match its checksum ({msg}). "
                              "Restore it from a backup, or code the articles again into a new store")
    if "storage version" in low or "created with" in low and "version" in low:
        return err("version", f"{path} was written by another version of DuckDB: {msg}. Use the duckdb version that "
                              "wrote it, or export and re-import the data")
    if isinstance(exc, OSError) and exc.errno == errno.EROFS or "read-only file system" in low or (
            not read_only and _fs_read_only(folder)):
        return err("read_only_fs", f"cannot write {path}: the file system is read-only. Copy the store to a writable "
                                   "folder, or only read it (gaiko events, stats and export open stores read-only)")
    if isinstance(exc, PermissionError) or "permission denied" in low or "access is denied" in low:
        return err("permission", f"cannot {what} {path}: permission denied. Check the file's and folder's "
                                 "permissions, or give a --db path you can write")
    if isinstance(exc, FileNotFoundError) or "no such file or directory" in low:
        if not read_only and not folder.exists():
            return err("missing_dir", f"cannot create the store {path}: the folder {folder} does not exist. "
                                      f"Create it (mkdir -p {folder}) or give another --db path")
        return err("missing", f"no store at {path}; create one with: gaiko code ARTICLES --db {path}")
    if no_room(exc):  # round r33 (b30 F2): "cannot open X.wal: ... No space left on device" of a failed commit
        store = path[:-4] if path.endswith(".wal") else path
        return err("no_space", f"cannot write {store}: no space left on device ({msg.splitlines()[0]}). Free space "
                               "on that disk (or give a --db on another one) and run the command again")
    return err("store", f"cannot {what} {path}: {msg}")


def explain_db_error(exc: BaseException) -> StoreError | None:
    """A StoreError for a DuckDB exception raised anywhere (the file named in its message, if any); None for
    any other exception. For the last guards of the CLI and the server."""
    if not type(exc).__module__.lstrip("_").startswith("duckdb"):
        return None
    m = _FILE.search(str(exc))
    return explain(exc, m.group(1) if m else "the store")


def remove_new_store(path: str, wal: bool) -> None:
    """Remove the store file (and its write-ahead log) that a failed :class:`~gaiko.store.Store` created a moment
    ago (round r31, b29 F4): it holds nothing of the user's, and left behind it made the same command fail again
    ("not a gaiko store: it is an empty file"). ``wal``: the log did not exist before either. Only regular files are removed; one that cannot be is left
    (the error being raised says why)."""
    for name in (path, path + ".wal") if wal else (path,):
        try:
            if os.path.isfile(name) and not os.path.islink(name):
                os.unlink(name)
        except OSError:
            pass
