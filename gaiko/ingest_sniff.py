"""What a file without a known suffix (and standard input) holds, sniffed from its first bytes.

A ``.dat`` file, a file with no suffix or standard input is read as what it starts with: a CSV document whose first
line is a header naming ``text`` or ``html`` (its delimiter), an HTML page, an XML feed (refused by the reader),
JSON or JSON Lines (``"json"``), else plain text. Split out of :mod:`gaiko.ingest` in round r34, to keep it under
400 lines; :mod:`gaiko.ingest` decides what each kind is read as.
"""

from __future__ import annotations

import json
import re

from .decoding import wide_text

__all__ = ["sniff", "csv_header", "wide_jsonl", "CSV_DELIMITERS"]


def sniff(data: bytes) -> str:
    """What ``data`` holds, judged from its first 2 KiB (decoded first when it is UTF-16 or UTF-32): a CSV delimiter
    (:func:`csv_header`), ``"html"``, ``"xml"`` (a feed), ``"json"`` or ``"text"``."""
    head = data[:2048]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 (byte-order mark): looked at as the text it holds
        head = data[:4096].decode("utf-16", "ignore").encode("utf-8", "ignore")[:2048]
    elif b"\x00" in head:  # round r32: UTF-16 or UTF-32 without a mark too (bytes with NULs were refused before)
        wide = wide_text(data)
        if wide is not None:
            head = wide[:2048].encode("utf-8", "ignore")[:2048]
    head = head.lstrip().lstrip(b"\xef\xbb\xbf").lower()
    delimiter = csv_header(head)  # first: a CSV's html cells may hold whole pages (<html>, <body>)
    if delimiter:
        return delimiter
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<html" in head:
        return "html"
    if head.startswith((b"<?xml", b"<rss", b"<feed")):  # XML that is no XHTML page: a feed, not an article
        return "xml"
    if head.startswith((b"{", b"[")):
        return "json"
    return "text"


_HEADER_CELL = re.compile(r'^\s*"?[\w .-]{1,40}"?\s*$')
CSV_DELIMITERS = (",", ";", "\t", "|")


def csv_header(head: bytes) -> str | None:
    """The delimiter of a CSV document whose first line is a header naming ``text`` or ``html`` among other record
    fields (``id,title,text,published``), with a row after it; None for anything else (round n39: CSV on standard
    input, or in a file without a CSV suffix, was coded as one article of its cells)."""
    first, nl, rest = head.partition(b"\n")
    if not nl or not rest.strip():
        return None
    line = first.decode("utf-8", "replace").strip().lower()
    for delim in CSV_DELIMITERS:
        cells = line.split(delim)
        if len(cells) >= 2 and all(_HEADER_CELL.match(c) for c in cells) \
                and {c.strip().strip('"').strip() for c in cells} & {"text", "html"}:
            return delim
    return None


def _objects(lines: list[str]) -> int:
    """How many of ``lines`` are a JSON object on their own (a line nested too deeply to read is none)."""
    n = 0
    for line in lines:
        try:
            n += isinstance(json.loads(line), dict)
        except (ValueError, RecursionError):
            pass
    return n


def wide_jsonl(data: bytes) -> str | None:
    """The text of a JSON Lines file in UTF-16 or UTF-32 without a byte-order mark, or None to read it line by line.

    ``data`` holds NUL bytes. It is read whole as wide text only when it decodes so (:func:`gaiko.decoding.wide_text`)
    and its decoded lines hold at least as many JSON objects as its byte lines read as UTF-8 do: a UTF-8 file with
    one line of random bytes (NULs among them) is read line by line, so that one line is one error and the good
    records around it are kept (round l32; a UTF-8 file of three records and one binary line was read as one
    line of UTF-16 nonsense).
    """
    wide = wide_text(data)
    if wide is None:
        return None
    narrow = [raw.decode("utf-8", "replace") for raw in data.split(b"\n")]
    return wide if _objects(wide.splitlines()) >= _objects(narrow) else None
