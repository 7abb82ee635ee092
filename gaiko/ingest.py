"""Reading articles: plain text, HTML, JSONL, directories of these, and stdin.

Readers never raise on bad input: they yield :class:`~gaiko.types.InputError`
records (file, line, a specific reason) next to the articles they could read,
so one broken file never stops a batch.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from .errors import InputRejected
from .ids import article_id
from .types import Article, InputError

__all__ = [
    "MAX_BYTES",
    "read_inputs",
    "read_path",
    "decode_bytes",
    "parse_date",
    "check_english",
    "html_to_article",
    "article_from_record",
    "count_inputs",
    "read_jsonl_lines",
    "read_document",
]

#: Largest text or HTML file (and largest JSONL line) read as one article.
MAX_BYTES = 10 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}

_DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")
_NOT_LETTER = re.compile(r"[\W\d_]+")  # what remains are letters (as str.isalpha, bar rare numerals)
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
_STOPWORDS = frozenset(
    "the of and to in a is that for on with as was by it at from his her said has have be are an not this "
    "which will its their they who been were but had after over also would more than into two president "
    "minister government".split()
)


Item = Article | InputError


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode article bytes; returns (text, note). Raises InputRejected for binary data.

    UTF-8 (with or without BOM) and UTF-16 with a BOM decode silently; other
    bytes that are not UTF-8 are read as Windows-1252/Latin-1 and noted.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "decoded as UTF-16 (byte-order mark)"
        except UnicodeDecodeError as exc:
            raise InputRejected("encoding", f"UTF-16 byte-order mark but invalid UTF-16: {exc}") from None
    head = data[:8192]
    if b"\x00" in head:
        raise InputRejected("binary", "file contains NUL bytes: it looks binary, not text; convert it to UTF-8 text")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    # control characters other than whitespace suggest binary data, not a legacy encoding
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    if ctrl > max(4, len(head) // 100):
        raise InputRejected("binary", "file is neither UTF-8 nor legacy text (control bytes); convert it to UTF-8 text")
    try:
        return data.decode("cp1252"), "not UTF-8: decoded as Windows-1252/Latin-1"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not UTF-8: decoded as Latin-1"


def check_english(text: str) -> None:
    """Reject text that is clearly not English (gaiko's models read English only)."""
    sample = text[:5000]
    letters = _NOT_LETTER.sub("", sample)
    if len(letters) < 20:
        return
    latin = len(letters) if letters.isascii() else len(_NOT_ASCII.sub("", letters))
    if latin / len(letters) < 0.6:
        raise InputRejected("not_english", "text is mostly in a non-Latin script; gaiko codes English text only")
    words = re.findall(r"[a-z]+", sample.lower())
    if len(words) >= 30:
        share = sum(1 for w in words if w in _STOPWORDS) / len(words)
        if share < 0.08:
            raise InputRejected(
                "not_english", f"few English function words ({share:.0%}); gaiko codes English text only"
            )


def parse_date(value: Any) -> str | None:
    """Publication date as ISO YYYY-MM-DD; None for empty; InputRejected when unparseable."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s[:10]).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(s, languages=["en"], settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        raise InputRejected("bad_date", f"unparseable publication date {s!r}; use YYYY-MM-DD")
    return parsed.date().isoformat()


def html_to_article(html: str, origin: str) -> Article:
    """Main text, title and date of an HTML page (boilerplate dropped) via trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    if doc is None:
        raise InputRejected("empty", "no main text found in the HTML page")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (data.get("text") or "").strip()
    if not text:
        raise InputRejected("empty", "no main text found in the HTML page")
    published = None
    if data.get("date"):
        try:
            published = parse_date(data["date"])
        except InputRejected:
            published = None
    return Article(
        text=text,
        title=data.get("title") or None,
        url=data.get("url") or None,
        published=published,
        source=data.get("sitename") or None,
        origin=origin,
    )


def _finish(article: Article, default_date: str | None) -> Article:
    if not article.published and default_date:
        article.published = default_date
    check_english(article.text)
    article.id = article_id(article.text)
    return article


def article_from_record(rec: Any, origin: str, default_date: str | None = None) -> Article:
    """An Article from one JSONL object (keys: id, title, text or html, url, published, source)."""
    if not isinstance(rec, dict):
        raise InputRejected("json", f"expected a JSON object per line, got {type(rec).__name__}")
    text, html = rec.get("text"), rec.get("html")
    if isinstance(text, str) and text.strip():
        art = Article(text=text, title=rec.get("title"), url=rec.get("url"), source=rec.get("source"), origin=origin)
    elif isinstance(html, str) and html.strip():
        art = html_to_article(html, origin)
        art.title = rec.get("title") or art.title
        art.url = rec.get("url") or art.url
        art.source = rec.get("source") or art.source
    else:
        raise InputRejected("missing_text", "record has no non-empty 'text' or 'html' field")
    pub = rec.get("published", rec.get("date"))
    if pub:
        art.published = parse_date(pub)
    if rec.get("id") is not None:
        art.external_id = str(rec["id"])
    return _finish(art, default_date)


def read_jsonl_lines(stream: Iterable[bytes], name: str, default_date: str | None) -> Iterator[Item]:
    """Articles and errors from JSONL lines (bytes); ``name`` is reported as the file."""
    for lineno, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        origin = f"{name}:{lineno}"
        if len(raw) > MAX_BYTES:
            yield InputError(name, "too_large", f"line is {len(raw):,} bytes; the limit is {MAX_BYTES:,}", lineno)
            continue
        try:
            line, _ = decode_bytes(raw)
            rec = json.loads(line)
            yield article_from_record(rec, origin, default_date)
        except json.JSONDecodeError as exc:
            yield InputError(name, "json", f"malformed JSON: {exc.msg} at column {exc.colno}", lineno)
        except InputRejected as exc:
            yield InputError(name, exc.reason, exc.detail, lineno)


def read_document(data: bytes, name: str, kind: str, default_date: str | None) -> Iterator[Item]:
    """One article (or its error) from the bytes of a text (``kind="text"``) or HTML (``"html"``) document."""
    if not data.strip():
        yield InputError(name, "empty", "file is empty")
        return
    try:
        text, note = decode_bytes(data)
        if kind == "html":
            art = html_to_article(text, name)
        else:
            art = Article(text=text.strip(), origin=name)
        if not art.published:
            m = _DATE_IN_NAME.search(Path(name).name)
            if m:
                try:
                    art.published = parse_date(m.group(1))
                except InputRejected:
                    pass
        art = _finish(art, default_date)
    except InputRejected as exc:
        yield InputError(name, exc.reason, exc.detail)
        return
    if note:
        yield InputError(name, "encoding", note, severity="warning")
    yield art


def _sniff(data: bytes) -> str:
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    if head.startswith(b"{"):
        return "jsonl"
    return "text"


def read_path(path: Path, default_date: str | None = None, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """Articles (and errors) from one file."""
    name = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as fh:
                yield from read_jsonl_lines(fh, name, default_date)
            return
        if size > max_bytes:
            yield InputError(name, "too_large", f"file is {size:,} bytes; the limit for one article is {max_bytes:,}")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(name, "unreadable", f"cannot read file: {exc.strerror or exc}")
        return
    kind = "html" if suffix in HTML_SUFFIXES else "text" if suffix in TEXT_SUFFIXES else _sniff(data)
    if kind == "jsonl":
        yield from read_jsonl_lines(iter(data.splitlines()), name, default_date)
    else:
        yield from read_document(data, name, kind, default_date)


def _read_stdin(stream: BinaryIO, default_date: str | None) -> Iterator[Item]:
    data = stream.read()
    kind = _sniff(data)
    if kind == "jsonl" and b"\n" in data.strip():
        yield from read_jsonl_lines(iter(data.splitlines()), "<stdin>", default_date)
    elif kind == "jsonl":
        try:
            json.loads(data)
            yield from read_jsonl_lines(iter([data]), "<stdin>", default_date)
            return
        except ValueError:
            yield from read_document(data, "<stdin>", "text", default_date)
    else:
        yield from read_document(data, "<stdin>", kind, default_date)


def _walk(path: Path) -> Iterator[Path]:
    for p in sorted(path.rglob("*")):
        if p.is_file() and not p.name.startswith("."):
            yield p


def read_inputs(paths: Iterable[str], default_date: str | None = None, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """Articles and input errors from files, directories and ``-`` (stdin), lazily, in order."""
    if default_date:
        default_date = parse_date(default_date)
    for raw in paths:
        if raw == "-":
            yield from _read_stdin(sys.stdin.buffer, default_date)
            continue
        path = Path(raw)
        if path.is_dir():
            for p in _walk(path):
                yield from read_path(p, default_date, max_bytes)
        elif path.exists():
            yield from read_path(path, default_date, max_bytes)
        else:
            yield InputError(raw, "not_found", "no such file or directory")


def count_inputs(paths: Iterable[str]) -> int | None:
    """Cheap estimate of the number of articles (for a progress bar); None when unknown."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = list(_walk(path)) if path.is_dir() else [path] if path.exists() else []
        for f in files:
            if f.suffix.lower() in JSONL_SUFFIXES:
                with f.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            else:
                total += 1
    return total
