"""What a file without a known suffix (and standard input) holds, sniffed from its first bytes.

A ``.dat`` file, a file with no suffix or standard input is read as what it starts with: a CSV document whose first
line is a header naming ``text`` or ``html`` (its delimiter), an HTML page, an XML feed (refused by the reader),
JSON or JSON Lines (``"json"``), else plain text. Split out of :mod:`gaiko.ingest` in round r34, to keep it under
400 lines; :mod:`gaiko.ingest` decides what each kind is read as.
"""

from __future__ import annotations

import re

from .decoding import wide_text

__all__ = ["sniff", "csv_header", "CSV_DELIMITERS"]


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
