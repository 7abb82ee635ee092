"""Reading articles: plain text, HTML, JSONL, JSON, CSV, directories of these, and stdin.

Readers never raise on bad input: they yield :class:`~gaiko.types.InputError`
records (file, line, a specific reason) next to the articles they could read,
so one broken file, line or record never stops a batch. The checks live in
:mod:`gaiko.ingest_checks`, the record formats in :mod:`gaiko.ingest_records`, what a file of no known
suffix holds in :mod:`gaiko.ingest_sniff`.
"""

from __future__ import annotations

import errno
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import ConfigError, InputRejected
from .filekinds import binary_kind
from .ids import article_id
from .ingest_checks import (
    MAX_BYTES,
    check_english,
    check_string,
    decode_bytes,
    implausible_date,
    parse_date,
)
from .ingest_records import (
    Item,
    article_from_record,
    finish,
    html_to_article,
    load_line,
    raw_id,
    read_json_text,
    read_jsonl_lines,
)
from .ingest_sniff import CSV_DELIMITERS, sniff, wide_jsonl
from .ingest_whole import read_whole
from .textitle import split_title
from .namedate import DATE_IN_NAME, unread_name_date
from .types import Article, InputError

__all__ = [
    "MAX_BYTES",
    "MAX_DOCUMENT_BYTES",
    "read_inputs",
    "read_path",
    "decode_bytes",
    "parse_date",
    "check_default_date",
    "check_english",
    "check_string",
    "html_to_article",
    "article_from_record",
    "article_id",
    "count_inputs",
    "load_line",
    "read_jsonl_lines",
    "read_document",
    "check_text_file",
    "Item",
]

#: Largest JSON or CSV file read (it is read whole, unlike JSONL, which streams line by line).
MAX_DOCUMENT_BYTES = 1024 * 1024 * 1024

#: no suffix is not among them: such a file is sniffed as ``.dat`` and standard input are (round r33, b30 F5: JSONL
#: or CSV saved by `curl -o articles` was coded as one article of its raw lines)
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
JSON_SUFFIXES = {".json"}
CSV_SUFFIXES = {".csv": ",", ".tsv": "\t"}

_DATE_IN_NAME = DATE_IN_NAME  # a date YYYY-MM-DD anywhere in a file's name (gaiko.namedate)


def check_default_date(value: str | None) -> str | None:
    """``--date`` as ISO YYYY-MM-DD (None stays None); ConfigError when it is no date or cannot be true."""
    if value is None:
        return None
    try:
        iso = parse_date(value)
    except InputRejected as exc:
        raise ConfigError(f"--date: {exc.detail}") from None
    why = implausible_date(iso)
    if why:
        raise ConfigError(f"--date {value}: {why}, so it cannot be a publication date")
    return iso


def read_document(data: bytes, name: str, kind: str, default_date: str | None) -> Iterator[Item]:
    """One article (or its error) from the bytes of a text (``kind="text"``) or HTML (``"html"``) document."""
    if not data.strip():
        yield InputError(name, "empty", "file is empty")
        return
    try:
        text, note = decode_bytes(data)
        check_string(text, "text")
        if kind == "html":
            art = html_to_article(text, name)
        else:  # a first line that is a title is the article's title, never coded, as a record's (round n53)
            title, body = split_title(text.strip())
            art = Article(text=body, title=title, origin=name)
        bad_name = unread = None
        if not art.published:
            m = _DATE_IN_NAME.search(Path(name).name)
            if m:
                try:
                    art.published = parse_date(m.group(1))
                except InputRejected:  # "2026-13-45-talks.txt": said, not silently coded undated
                    bad_name = m.group(1)
            else:  # "20251217-talks.txt": a date in a form not read from a name is said too (round r36, b32 F8)
                unread = unread_name_date(Path(name).name)
        items = finish(art, default_date, name)
    except InputRejected as exc:
        yield InputError(name, exc.reason, exc.detail, input_id=raw_id(data[:1 << 20]))
        return
    if bad_name:
        yield InputError(name, "implausible_date", f"the file name's date {bad_name} is no calendar date, so it is not "
                                                   "the publication date: the article is coded as undated (or with "
                                                   "--date)", severity="warning", input_id=items[-1].id)  # type: ignore[union-attr]
    if unread:
        yield InputError(name, "name_date", f"the file name's {unread} looks like a date, but only a name holding "
                                            "YYYY-MM-DD (2025-12-17-talks.txt) gives an article its date: the article "
                                            "is coded as undated (or with --date); rename the file to date it",
                         severity="warning", input_id=items[-1].id)  # type: ignore[union-attr]
    if note:
        yield InputError(name, "encoding", note, severity="warning", input_id=items[-1].id)  # type: ignore[union-attr]
    yield from items


def _xml(name: str, data: bytes) -> InputError:
    return InputError(name, "xml", "an XML document (an RSS or Atom feed?), not an article: its markup would be coded "
                                   "as text; give each item as a JSONL record (title, text, published, url) or an "
                                   "HTML page", input_id=raw_id(data[:1 << 20]))


def read_path(path: Path, default_date: str | None = None, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """Articles (and errors) from one file, by its suffix (sniffed when unknown)."""
    name = shown_path(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as fh:
                kind = binary_kind(fh.read(8192).removeprefix(b"\xef\xbb\xbf"))  # round r28: a PDF is judged whole
                if kind:  # (its lines alone look like text), and a compressed file is one error, not one a line
                    yield InputError(name, "binary", kind)
                    return
                fh.seek(0)
                if fh.read(2) in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 JSONL: lines only split once decoded
                    data = path.read_bytes()
                    try:
                        decode_bytes(data)
                        if b"\x00" not in data[2:]:  # JSON in UTF-16 has a NUL beside every ASCII brace and quote
                            raise InputRejected("encoding", "byte-order mark on bytes that are not UTF-16")
                    except InputRejected:
                        pass  # a byte-order mark on bytes that are not UTF-16: each line is read on its own
                    else:
                        yield from read_whole(data, name, "json", default_date)
                        return
                elif size <= MAX_DOCUMENT_BYTES and b"\x00" in fh.read(8190):  # round r32: UTF-16 or -32 JSONL
                    data = path.read_bytes()  # without a mark is read whole too (its lines split only once decoded)
                    if wide_jsonl(data) is not None:  # (not a UTF-8 file with a line of random bytes: round l32)
                        yield from read_whole(data, name, "json", default_date)
                        return
                fh.seek(0)
                yield from read_jsonl_lines(fh, name, default_date)
            return
        if suffix in JSON_SUFFIXES or suffix in CSV_SUFFIXES:
            if size > MAX_DOCUMENT_BYTES:
                yield InputError(name, "too_large", f"file is {size:,} bytes; JSON and CSV files are read whole, up "
                                                    f"to {MAX_DOCUMENT_BYTES:,}: split it, or write it as JSONL")
                return
            if size == 0:
                yield InputError(name, "empty", "file is empty")
                return
            yield from read_whole(path.read_bytes(), name, CSV_SUFFIXES.get(suffix, "json"), default_date)
            return
        if size > max_bytes:
            yield InputError(name, "too_large", f"file is {size:,} bytes; the limit for one article is {max_bytes:,}")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(name, "unreadable", f"cannot read file: {exc.strerror or exc}")
        return
    kind = "html" if suffix in HTML_SUFFIXES else "text" if suffix in TEXT_SUFFIXES else sniff(data)
    if kind == "xml":
        yield _xml(name, data)
    elif kind == "json" or kind in CSV_DELIMITERS:
        yield from read_whole(data, name, kind, default_date)
    else:
        yield from read_document(data, name, kind, default_date)


def _read_stdin(stream: BinaryIO, default_date: str | None) -> Iterator[Item]:
    data = stream.read()
    kind = sniff(data)
    if kind == "xml":
        yield _xml("<stdin>", data)
    elif kind == "json" or kind in CSV_DELIMITERS:
        yield from read_whole(data, "<stdin>", kind, default_date)
    else:
        yield from read_document(data, "<stdin>", kind, default_date)


#: suffixes of database files (DuckDB stores and their write-ahead logs): never articles, so a folder walk
#: leaves them out (the run's own store silently, any other with a warning ``store_file``)
STORE_SUFFIXES = (".duckdb", ".duckdb.wal", ".wal")


def _is_store_file(p: Path) -> bool:
    return p.name.lower().endswith(STORE_SUFFIXES)


def _is_source_file(p: Path) -> bool:
    """Whether ``p`` is program source or configuration by its name (``gaiko/data/input/source_files.yaml``: ``.py``,
    ``.sh``, ``.js``, ``.yaml``, ``.toml``, ``Makefile`` ...), never an article (round r36, b32 F7: a corpus's own
    ``gen.py`` was coded as one). Raises DataFileError only when that file is broken."""
    from .tables import word_lists

    lists = word_lists("input/source_files.yaml")
    low = p.name.lower()
    return low.endswith(lists["suffixes"]) or low in lists["names"]


#: what a source file in a folder, or named on its own, is said to be
_SOURCE = "a program source or configuration file, not an article"


def _own_store(p: Path, skip: frozenset[Path]) -> bool:
    try:
        return p.resolve() in skip
    except (OSError, RuntimeError):  # RuntimeError: a loop of symbolic links (Python 3.11)
        return False


def _walk(path: Path) -> Iterator[Path]:
    """The entries under the folder ``path`` to read, in name order: every one that is no folder, hidden ones left out,
    and those in a hidden folder (round r25: a corpus kept in git had ``.git/description``, ``config`` and its hook
    scripts coded as articles). An entry that is no regular file (a broken link, a pipe) is yielded too, to be
    named as ``unreadable`` (:func:`_unreadable`) rather than dropped without a word."""
    for p in sorted(path.rglob("*")):
        if any(part.startswith(".") for part in p.relative_to(path).parts) or p.is_dir():
            continue
        yield p


def _unreadable(p: Path) -> InputError:
    """The error for an entry of a folder that is no regular file."""
    if p.is_symlink():
        try:
            p.stat()
            why = "a link to something that is no regular file"
        except OSError as exc:
            why = "a symbolic link to nothing (its target is gone)" if exc.errno == errno.ENOENT else \
                f"a symbolic link that cannot be followed ({exc.strerror or exc})"
    else:
        why = "not a regular file (a pipe, device or socket)"
    return InputError(shown_path(p), "unreadable", f"{why}: not read; give files, directories, or '-' for standard "
                                                   "input")


def _store_paths(store: str | Path | None) -> frozenset[Path]:
    """The run's own store and its write-ahead log, resolved (empty for none)."""
    if store is None or str(store) == ":memory:":
        return frozenset()
    p = Path(store).resolve()
    return frozenset({p, p.with_name(p.name + ".wal")})


def read_inputs(paths: Iterable[str], default_date: str | None = None, max_bytes: int = MAX_BYTES,
                store: str | Path | None = None) -> Iterator[Item]:
    """Articles and input errors from files, directories and ``-`` (stdin), lazily, in order.

    ``default_date`` (YYYY-MM-DD) is given to articles without a publication date (ConfigError when it is
    no date, or one that cannot be true). In a directory, database files (``*.duckdb``, ``*.wal``) are not
    read: ``store`` (the run's own store) and its ``.wal`` silently, any other with one warning
    (reason ``store_file``). A directory with no file to read is one ``empty`` error ("no input files in DIR").
    """
    default = check_default_date(default_date)
    skip = _store_paths(store)
    for raw in paths:
        if raw == "-":
            yield from _read_stdin(sys.stdin.buffer, default)
            continue
        path = Path(raw)
        if path.is_dir():
            read = 0
            for p in _walk(path):
                if _own_store(p, skip):
                    continue
                if _is_store_file(p):
                    yield InputError(shown_path(p), "store_file", "a database file (DuckDB store or its write-ahead log), "
                                                          "not an article: skipped", severity="warning")
                    continue
                if _is_source_file(p):
                    yield InputError(shown_path(p), "source_file", f"{_SOURCE}: skipped", severity="warning")
                    continue
                read += 1
                if not p.is_file():
                    yield _unreadable(p)
                    continue
                yield from read_path(p, default, max_bytes)
            if not read:  # as for an empty file: an error, not a run that silently codes nothing
                yield InputError(shown_path(raw), "empty", f"no input files in {shown_path(raw)} (hidden files, "
                                                           "database files and program source or configuration "
                                                           "files are not read)")
        elif path.is_file() and _is_store_file(path):  # named on its own: a mistake, so an error, not a note
            yield InputError(shown_path(path), "store_file", "a database file (a DuckDB store or its write-ahead log), "
                                                             "not articles: query a store with gaiko events --db FILE, "
                                                             "and give gaiko code the articles to code")
        elif path.is_file() and _is_source_file(path):  # named on its own: a mistake, as a store file is
            yield InputError(shown_path(path), "source_file", f"{_SOURCE} (by its name): not read; give gaiko code "
                                                              "the articles (.txt, .html, .jsonl, .json, .csv)")
        elif path.is_file():
            yield from read_path(path, default, max_bytes)
        elif path.exists():
            yield InputError(shown_path(raw), "unreadable", "not a regular file (a device, pipe or socket); give "
                                                            "files, directories, or '-' for standard input")
        else:
            yield InputError(shown_path(raw), "not_found", "no such file or directory")


def shown_path(path: str | Path) -> str:
    """``path`` as text that can be stored and printed: the bytes of a file name that are not UTF-8 (which Python
    holds as lone surrogates, and the store refuses) written as ``\\xNN``, e.g. ``caf\\xe9.txt``."""
    name = str(path)
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no file name's byte gives
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def check_text_file(path: str | Path, what: str = "file") -> None:
    """ConfigError that says why, unless ``path`` is a UTF-8 text file (for files that are not articles,
    read by code that expects UTF-8: gold files). Missing, a directory, binary (NUL bytes), not UTF-8."""
    p = Path(path)
    if p.is_dir():
        raise ConfigError(f"{what} {p} is a directory; give a file")
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{what} {p} does not exist") from None
    except OSError as exc:
        raise ConfigError(f"cannot read {what} {p}: {exc.strerror or exc}") from None
    if b"\x00" in data[:65536]:
        raise ConfigError(f"{what} {p} is binary (it holds NUL bytes), not text; give a text file")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{what} {p} is not UTF-8 text (byte 0x{data[exc.start]:02x} at position {exc.start}); "
                          "convert it to UTF-8") from None


def count_inputs(paths: Iterable[str]) -> int | None:
    """Cheap estimate of the number of articles (for a progress bar); None when unknown."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = [f for f in _walk(path) if not _is_store_file(f) and not _is_source_file(f)] if path.is_dir() else [path] if path.is_file() else []
        for f in files:
            suffix = f.suffix.lower()
            try:
                if suffix in JSONL_SUFFIXES or suffix in CSV_SUFFIXES:
                    with f.open("rb") as fh:
                        lines = sum(1 for line in fh if line.strip())
                    total += lines - 1 if suffix in CSV_SUFFIXES and lines else lines
                elif suffix in JSON_SUFFIXES:
                    return None
                else:
                    total += 1
            except OSError:
                total += 1
    return total
