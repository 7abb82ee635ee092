"""Records to articles: JSONL lines, JSON arrays and objects, CSV rows and HTML pages.

Every record is decoded, validated and turned into an article on its own:
whatever is wrong with it (malformed or too deeply nested JSON, a field of the
wrong type, a lone surrogate escape, an impossible date) becomes one
:class:`~gaiko.types.InputError` with the file, the line and a specific
reason, and the records around it are read as if it were not there.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import InputRejected
from .ids import article_id
from .ingest_fields import (
    fold_fields, markup_warning, text_is_markup, unread_detail, unread_fields, unread_warnings,
)
from .ingest_checks import (
    MAX_BYTES,
    NUL_DETAIL,
    check_english,
    check_string,
    decode_bytes,
    implausible_date,
    not_text,
    parse_date,
)
from .types import Article, InputError

__all__ = [
    "Item", "html_to_article", "finish", "article_from_record", "record_items", "raw_id", "load_line",
    "read_jsonl_lines",
    "read_json_text", "FIELDS",
]

Item = Article | InputError

#: the fields of an input record (JSONL keys, JSON object keys, CSV column names); ``date`` is read as
#: ``published`` when that is absent
FIELDS = ("id", "title", "text", "html", "url", "published", "source")
_WS = re.compile(r"\s")
_PAGE_TAG = re.compile(r"<\s*(html|body)\b", re.I)  # a whole page, not a fragment of one


def raw_id(raw: bytes | str) -> str:
    """Id of a record that could not be read: ``raw-`` and 16 hex chars of the hash of its bytes (surrounding
    whitespace and line ends left out, so the same record has the same id wherever it stands)."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    return "raw-" + hashlib.sha256(data.strip()).hexdigest()[:16]


def _extract(html: str) -> dict[str, Any]:
    """trafilatura's fields of ``html`` ({} when it finds nothing).

    Raises InputRejected ``html`` whatever goes wrong, the reader's own import included (round r35: trafilatura
    2.x needs ``lxml_html_clean``, which lxml >= 5.2 no longer brings; an ImportError here aborted a whole
    folder run and was a 500 in the API): one page that cannot be read is one error, never a stop."""
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    except ImportError as exc:  # the HTML reader is not installed whole: say what to install
        raise InputRejected("html", f"could not read the HTML page: the HTML reader cannot be loaded "
                                    f"({type(exc).__name__}: {exc}); install it with "
                                    f"pip install trafilatura lxml_html_clean") from None
    except Exception as exc:  # noqa: BLE001 - a third-party parser on anyone's HTML: its failure is this page's
        raise InputRejected("html", f"could not read the HTML page ({type(exc).__name__}: {exc})") from None
    if doc is None:
        return {}
    return doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)


def _without_headline(text: str, title: str | None) -> str:
    """``text`` without its first line when that line is the page's headline, the ``title`` extracted (an ``<h1>``
    in ``<article>`` or ``<main>``, which trafilatura puts at the head of the text too, followed by the first paragraph
    after a single line break, so the two were parsed as one sentence). The headline is kept as the article's title
    and not coded, as a record's ``title`` is not; a page whose text is its headline alone keeps it."""
    head, sep, rest = text.partition("\n")
    if not title or not sep or not rest.strip():
        return text
    first, whole = " ".join(head.split()).casefold(), " ".join(title.split()).casefold()
    if first == whole or any(whole.startswith(first + mark) for mark in (" | ", " - ", " – ", " — ")):
        return rest.strip()
    return text


def html_to_article(html: str, origin: str) -> Article:
    """Main text, title and date of an HTML page (boilerplate dropped) via trafilatura; a headline at the head of the
    text is the title alone, never coded (:func:`_without_headline`).

    A fragment (no ``<html>`` or ``<body>``: the ``html`` field of a feed record, ``<p>...</p>``) in which
    trafilatura finds nothing is read again inside a page body: trafilatura drops a fragment of one element.
    InputRejected ``empty`` when there is no main text, ``html`` when the page cannot be read."""
    data = _extract(html)
    if not (data.get("text") or "").strip() and not _PAGE_TAG.search(html):
        data = _extract(f"<html><body>{html}</body></html>")
    text = _without_headline((data.get("text") or "").strip(), data.get("title"))
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


def finish(article: Article, default_date: str | None, path: str, line: int | None = None) -> list[Item]:
    """The article with its id, checked for language, and its publication date screened.

    A text that is no running text (:func:`~gaiko.ingest_checks.not_text`) is coded with a warning
    (reason ``not_text``). A date that cannot be true (:func:`~gaiko.ingest_checks.implausible_date`) is dropped: the article is
    coded as undated (or with ``default_date``) and a warning (reason ``implausible_date``) comes before it.
    """
    out: list[Item] = []
    check_english(article.text)
    article.id = article_id(article.text)
    odd = not_text(article.text)
    if odd:
        out.append(InputError(path, "not_text", odd, line, severity="warning", input_id=article.id))
    why = implausible_date(article.published)
    if why:
        out.append(InputError(path, "implausible_date", f"publication date {why}: it cannot be true, so the article "
                                                        "is coded as undated", line, severity="warning",
                              input_id=article.id))
        article.published = None
    if not article.published and default_date:
        article.published = default_date
    out.append(article)
    return out


def article_from_record(rec: Any, origin: str, default_date: str | None = None) -> Article:
    """An Article from one input record (keys: id, title, text or html, url, published, source).

    Raises InputRejected: ``json`` (not an object), ``missing_text``, ``field_type`` (a field that is not a
    string), ``encoding`` (a lone surrogate escape), ``bad_date``, ``not_english``. The publication date is
    parsed, not screened (see :func:`record_items`).
    """
    if not isinstance(rec, dict):
        kind = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true/false"}.get(
            type(rec), "null" if rec is None else type(rec).__name__)
        raise InputRejected("json", f"expected a JSON object per record, got {kind}")
    rec = fold_fields(rec)
    text = check_string(rec.get("text"), "text")
    html = check_string(rec.get("html"), "html")
    title = check_string(rec.get("title"), "title")
    url = check_string(rec.get("url"), "url")
    source = check_string(rec.get("source"), "source")
    ext = check_string(rec.get("id"), "id", allow_int=True)
    pub_field = "published" if rec.get("published") is not None else "date"
    pub = check_string(_unix_time(rec.get(pub_field)), pub_field)
    if text and text.strip() and not text_is_markup(text):
        art = Article(text=text, title=title, url=url, source=source, origin=origin)
    elif text and text.strip() or html and html.strip():  # HTML, or 'text' that is HTML (a warning, record_items)
        art = html_to_article(text if text and text.strip() else html, origin)
        art.title = title or art.title
        art.url = url or art.url
        art.source = source or art.source
    else:
        headline = "; it has a 'title': gaiko codes article text, so to code a headline give it as 'text' too" \
            if title and title.strip() else ""
        raise InputRejected("missing_text", "record has no non-empty 'text' or 'html' field" + _fields_held(rec)
                            + headline)
    if pub:
        art.published = parse_date(pub)
    if ext is not None and ext.strip():  # an empty or blank id names nothing (a CSV or feed with the id left out)
        art.external_id = ext
    if not art.published and default_date:
        art.published = default_date
    check_english(art.text)
    art.id = article_id(art.text)
    return art


def _unix_time(value: Any) -> Any:
    """A publication date given as a JSON integer of Unix time (9-10 digits: seconds, 12-13: milliseconds) as its
    digits, which :func:`~gaiko.ingest_checks.parse_date` reads (docs/cli.md: "a string or a number"; round r25: it was
    refused as ``field_type``); any other value as it is (another number stays a ``field_type`` error)."""
    if isinstance(value, int) and not isinstance(value, bool) and len(str(value)) in (9, 10, 12, 13):
        return str(value)
    return value


def _fields_held(rec: dict[str, Any]) -> str:
    """The keys of a record with neither ``text`` nor ``html`` (a wrapper such as ``{"articles": [...]}``, a
    misspelt ``body``), for its error; empty when it has one of them (empty, or blank)."""
    if "text" in rec or "html" in rec:
        return ""
    keys = list(rec)
    shown = ", ".join(repr(str(k)[:40]) for k in keys[:8]) + (f" and {len(keys) - 8} more" if len(keys) > 8 else "")
    if not keys:
        return " (an empty object)"
    wrapper = any(isinstance(v, list) for v in rec.values())
    return f" (its fields: {shown})" + ("; a wrapper such as {\"articles\": [...]} is not read: give the array "
                                          "itself, or JSONL" if wrapper else "") + _text_named_otherwise(keys)


def _text_named_otherwise(keys: Iterable[Any]) -> str:
    """For a record or CSV header without ``text``/``html``: the fields that mean the article's text under another
    name (``body``, ``content``, ``articleBody``: data/input/record_fields.yaml) and what to do (round n39)."""
    found = [k for k, field in unread_fields(keys) if field == "text"]
    if not found:
        return ""
    one = len(found) == 1
    return "; " + ", ".join(repr(k) for k in found) + f" look{'s' if one else ''} like the article's text: rename " \
        f"{'it' if one else 'one of them'} to 'text' (gaiko reads no other name for it) and code the file again"


def record_items(rec: Any, path: str, line: int | None, default_date: str | None, raw: bytes | str) -> list[Item]:
    """One record as [warning...] + [article], or [error]; never raises."""
    origin = f"{path}:{line}" if line is not None else path
    try:
        rec = fold_fields(rec)  # "Text", "Published": read as a CSV header's columns are (round r26)
        art = article_from_record(rec, origin, None)
        items = finish(art, default_date, path, line)
        return [*unread_warnings(rec, path, line, art.id), *markup_warning(rec, path, line, art.id), *items]
    except InputRejected as exc:
        return [InputError(path, exc.reason, exc.detail, line, input_id=raw_id(raw))]
    except RecursionError:
        return [InputError(path, "json", "record nested too deeply to read", line, input_id=raw_id(raw))]
    except Exception as exc:  # noqa: BLE001 - one record, one failure, whatever it is
        return [InputError(path, "unreadable", f"could not read this record ({type(exc).__name__}: {exc})", line,
                           input_id=raw_id(raw))]


def load_line(raw: bytes, path: str, line: int | None, default_date: str | None) -> list[Item]:
    """One JSONL line (bytes) as [warning...] + [article], or [error]; never raises."""
    if len(raw) > MAX_BYTES:
        return [InputError(path, "too_large", f"line is {len(raw):,} bytes; the limit is {MAX_BYTES:,}", line,
                           input_id=raw_id(raw[:65536]))]
    try:
        text, note = decode_bytes(raw)
        rec = json.loads(text.rstrip("\r\n"))  # without its line end: a column is counted on this line, not the next
    except json.JSONDecodeError as exc:
        return [InputError(path, "json", f"malformed JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}", line,
                           input_id=raw_id(raw))]
    except ValueError as exc:  # e.g. a number of more than 4,300 digits
        return [InputError(path, "json", f"malformed JSON: {exc}", line, input_id=raw_id(raw))]
    except RecursionError:
        return [InputError(path, "json", "JSON nested too deeply to read (thousands of levels)", line,
                           input_id=raw_id(raw))]
    except InputRejected as exc:  # a NUL byte is the line's, not the file's (round n53)
        detail = NUL_DETAIL if exc.reason == "binary" and "NUL bytes" in exc.detail else exc.detail
        return [InputError(path, exc.reason, detail, line, input_id=raw_id(raw))]
    return with_note(record_items(rec, path, line, default_date, raw), note, path, line)


def with_note(items: list[Item], note: str | None, path: str, line: int | None = None) -> list[Item]:
    """``items`` of one record, with an ``encoding`` warning (``note`` of :func:`decode_bytes`) before its article
    when its bytes were not UTF-8; a record that is an error keeps its error alone."""
    if note and items and isinstance(items[-1], Article):
        return [InputError(path, "encoding", note, line, severity="warning", input_id=items[-1].id), *items]
    return items


def read_jsonl_lines(stream: Iterable[bytes], name: str, default_date: str | None,
                     first_line: int = 1) -> Iterator[Item]:
    """Articles and errors from JSONL lines (bytes); ``name`` is reported as the file. No line with a record at
    all (an empty file, blank lines only) is one ``empty`` error, as for an empty text file."""
    read = False
    for lineno, raw in enumerate(stream, start=first_line):
        if not raw.strip():
            continue
        read = True
        yield from load_line(raw, name, lineno, default_date)
    if not read:
        yield InputError(name, "empty", "file is empty")


def _skip_value(s: str, i: int) -> int | None:
    """Index just after the JSON value starting at ``s[i]`` (brackets and strings balanced), None if it never ends."""
    depth, in_str, esc = 0, False, False
    for j in range(i, len(s)):
        ch = s[j]
        if in_str:
            if esc:
                esc = False
            elif ch == "\\":
                esc = True
            elif ch == '"':
                in_str = False
                if depth == 0:
                    return j + 1
            continue
        if ch == '"':
            in_str = True
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
            if depth <= 0:
                return j + 1 if depth == 0 else j
        elif depth == 0 and (ch == "," or _WS.match(ch)):
            return j
    return None


def _read_array(s: str, start: int, name: str, default_date: str | None, numbered: bool = False) -> Iterator[Item]:
    """The items of the JSON array opening at ``s[start]``, one record each, with the line each starts on
    (``numbered``: with their number in the array, 1 for the first)."""
    dec = json.JSONDecoder()
    i, n = start + 1, len(s)
    count = 0

    def skip_ws(k: int) -> int:
        while k < n and s[k] in " \t\r\n":
            k += 1
        return k

    i = skip_ws(i)
    if i < n and s[i] == "]":  # as an empty JSONL file: one error, not nothing at all
        yield InputError(name, "empty", "the JSON array holds no records",
                         None if numbered else s.count("\n", 0, start) + 1)
        return
    while i < n:
        count += 1
        line = count if numbered else s.count("\n", 0, i) + 1
        try:
            rec, end = dec.raw_decode(s, i)
            for item in record_items(rec, name, line, default_date, s[i:end]):
                if isinstance(item, InputError):  # items on one line are told apart by their number
                    item.detail = f"array item {count}: {item.detail}"
                yield item
        except (ValueError, RecursionError) as exc:
            end = _skip_value(s, i)
            what = ("nested too deeply to read" if isinstance(exc, RecursionError)
                    else f"malformed JSON: {getattr(exc, 'msg', exc)}")
            yield InputError(name, "json", f"array item {count}: {what}", line, input_id=raw_id(s[i:end or i + 200]))
            if end is None:
                return
        i = skip_ws(end)
        if i < n and s[i] == ",":
            i = skip_ws(i + 1)
        elif i < n and s[i] == "]":
            return
        elif i < n:
            yield InputError(name, "json", "expected ',' or ']' after an array item; the rest of the file was "
                                           "not read", s.count("\n", 0, i) + 1)
            return
    yield InputError(name, "json", "the JSON array is not closed (the file may be cut off); the items before "
                                   "the end were read", s.count("\n") + 1)


def read_json_text(text: str, name: str, default_date: str | None, numbered: bool = False) -> Iterator[Item]:
    """A JSON document: an array of article objects, one object (possibly over many lines), or JSONL.

    Errors carry the line a record starts on (``numbered``: array items carry their number instead, for
    bodies that are one long line)."""
    start = len(text) - len(text.lstrip())
    if text[start:start + 1] == "[":
        yield from _read_array(text, start, name, default_date, numbered)
        return
    if text[start:start + 1] == "{":
        try:
            rec = json.loads(text)
        except (ValueError, RecursionError):
            rec = None
        if isinstance(rec, dict):
            yield from record_items(rec, name, text.count("\n", 0, start) + 1, default_date, text)
            return
    lines = text.encode("utf-8", "surrogatepass").splitlines()
    yield from read_jsonl_lines(iter(lines), name, default_date)
