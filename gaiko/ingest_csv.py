"""CSV and TSV files to articles, one row a record (split from :mod:`gaiko.ingest_records`, round r25).

The header names the record fields (``text`` or ``html``, ``title``, ...); each row is read on its own, and one that
cannot be (a quote never closed, more cells than the header has columns) is a ``csv`` error with its line, the rows
after it read as if it were not there: a quote never closed ends its row at the next line that starts a well-formed
row (s35, b35 F15; before, it took every row after it into its cell).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from .ingest_checks import MAX_BYTES, NUL_DETAIL
from .ingest_fields import unread_detail, unread_fields
from .ingest_records import FIELDS, Item, _text_named_otherwise, raw_id, record_items
from .types import InputError

__all__ = ["read_csv_text", "nul_record"]


def nul_record(name: str, line: int | None, raw: str) -> InputError:
    """The error of one row (at ``line`` of ``name``) that holds NUL bytes (round n53: :mod:`gaiko.ingest_whole`
    keeps them in a file that is text otherwise, so the row is told, not the file)."""
    return InputError(name, "binary", NUL_DETAIL, line, input_id=raw_id(raw.encode("utf-8", "surrogatepass")))


def read_csv_text(text: str, name: str, default_date: str | None, delimiter: str = ",") -> Iterator[Item]:
    """Articles from CSV (or TSV) whose header holds the record fields (``text`` or ``html``, ``title``, ...).
    The delimiter is ``delimiter`` unless the header shows another (``;``, tab, ``|``) around ``text``/``html``."""
    if csv.field_size_limit() < MAX_BYTES:
        csv.field_size_limit(MAX_BYTES)
    lead = text.lstrip("\ufeff \t\r\n")[:1]
    if lead in ("{", "["):  # round r33 (b30 F6): a CSV parser's "',' expected after '\"'" of a file holding JSON
        yield InputError(name, "csv", f"it holds JSON, not CSV (it begins with {lead!r}): name it .jsonl (one JSON "
                                      "object a line) or .json and run the command again", 1)
        return
    first = text.lstrip("\ufeff").split("\n", 1)[0].lower()
    for other in (delimiter, ";", "\t", ",", "|"):  # spreadsheets in some locales save CSV with ';'
        if re.search(rf"(^|{re.escape(other)})\s*\"?(text|html)\"?\s*({re.escape(other)}|$)", first.strip()):
            delimiter = other
            break
    else:  # no text column: split the header as it is written, so that the error names its columns (round n39)
        counts = {d: first.count(d) for d in (delimiter, ";", "\t", "|")}
        if counts[delimiter] == 0 and max(counts.values()) > 0:
            delimiter = max(counts, key=lambda d: counts[d])
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(iter(lines), delimiter=delimiter, strict=True)
    try:
        header = next(reader)
    except (csv.Error, StopIteration) as exc:
        yield InputError(name, "csv", f"no header row could be read: {exc or 'the file is empty'}", 1)
        return
    cols = [h.strip().lstrip("\ufeff").lower() for h in header]
    if "published" not in cols and "date" in cols:
        cols = ["published" if c == "date" else c for c in cols]
    if "text" not in cols and "html" not in cols:
        shown = ", ".join(repr(c) for c in cols[:12])
        yield InputError(name, "csv", f"no 'text' or 'html' column (columns: {shown}); a CSV file is read as "
                                      f"articles when its header names the record fields: {', '.join(FIELDS)}"
                                      + _text_named_otherwise(cols), 1)
        return
    keep = [(k, c) for k, c in enumerate(cols) if c in FIELDS]
    twice = [c for c in dict.fromkeys(c for _, c in keep) if sum(c == d for _, d in keep) > 1]
    if twice:  # round r25: the last such column was read and the others dropped without a word
        where = "; ".join(f"{c!r} is columns " + " and ".join(str(k + 1) for k, d in keep if d == c) for c in twice)
        yield InputError(name, "csv", f"the header names a field twice ({where}): which one holds it cannot be "
                                      "told; rename or drop the other", 1)
        return
    unread = unread_fields(cols)
    if unread:  # once for the file, from its header (round n38)
        yield InputError(name, "unread_field", unread_detail(unread).replace("the record was", "each row is"), 1,
                         severity="warning")
    last, offset = reader.line_num, 0  # lines[:last] are read; the reader started at lines[offset]
    rows = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            if not rows:  # as an empty JSONL file: one error, not nothing at all
                yield InputError(name, "empty", "the CSV file has a header but no rows", 1)
            return
        except csv.Error as exc:
            now = offset + reader.line_num
            rows += 1
            resume = None if "field larger" in str(exc) else _resume_at(lines, last + 1, now, delimiter, len(cols))
            if resume is not None:  # s35 (b35 F15): a quote never closed swallowed the rows after it
                yield _bad_row(lines, name, exc, last, resume, resume)
                last = offset = resume
                reader = csv.reader(_from(lines, resume), delimiter=delimiter, strict=True)
                continue
            yield _bad_row(lines, name, exc, last, now, None)
            if now <= last:
                return
            last = now
            continue
        line, last = last + 1, offset + reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        if any(cell.strip() for cell in row[len(cols):]):  # round r25: those cells were dropped without a word
            yield _ragged_row(row, len(cols), name, line, delimiter)
            continue
        if any("\x00" in cell for cell in row):  # n53: this row, not the file
            yield nul_record(name, line, delimiter.join(row))
            continue
        rec = {c: row[k] for k, c in keep if k < len(row) and row[k] != ""}
        yield from record_items(rec, name, line, default_date, delimiter.join(row))


def _resume_at(lines: list[str], start: int, now: int, delimiter: str, n_cols: int) -> int | None:
    """Where to read on after the malformed row that began at ``lines[start - 1]`` and ran to ``lines[now - 1]``
    (s35, b35 F15): the first later line inside that span that starts a well-formed row of ``n_cols`` cells (a
    quote that is never closed would otherwise take every row after it into its cell). None when no line does,
    or when the row was one line (the reader goes on by itself)."""
    for k in range(start, min(now, len(lines))):
        try:
            row = next(csv.reader(_from(lines, k), delimiter=delimiter, strict=True), None)
        except csv.Error:
            continue
        if row is not None and len(row) >= n_cols and not any(c.strip() for c in row[n_cols:]):
            return k
    return None


def _from(lines: list[str], k: int) -> Iterator[str]:
    """``lines[k:]`` without copying them (a file's rows after each bad one)."""
    return (lines[j] for j in range(k, len(lines)))


def _ragged_row(row: list[str], n_cols: int, name: str, line: int, delimiter: str) -> InputError:
    """The ``csv`` error for a row with more cells than its header has columns: most often a delimiter inside an
    unquoted text, whose words after it would be lost (the row was coded with its text cut there)."""
    raw = delimiter.join(row)
    shown = raw if len(raw) <= 200 else raw[:197] + "..."
    sep = {"\t": "tab"}.get(delimiter, repr(delimiter))
    return InputError(name, "csv", f"malformed CSV row: {len(row)} cells for a header of {n_cols} columns (a {sep} "
                                   f"inside a text that is not quoted?); quote the cell; the row was not coded: "
                                   f"{shown!r}", line, input_id=raw_id(raw))


def _bad_row(lines: list[str], name: str, exc: csv.Error, last: int, now: int, resume: int | None) -> InputError:
    """The ``csv`` error for the malformed row on lines ``last + 1`` to ``now``: its id is the hash of those lines
    and the detail shows their start, so the record is kept in the errors table. ``resume``: the line (0-based)
    the rows after it were read from again, when its quote ran on over them."""
    raw = "".join(lines[last:max(now, last + 1)])
    unclosed = "end of data" in str(exc) or resume is not None
    why = "an unterminated quoted field (a '\"' that is never closed)" if unclosed else str(exc)
    shown = raw.strip()
    shown = shown if len(shown) <= 200 else shown[:197] + "..."
    if "field larger than field limit" in str(exc):  # not malformed: too large, as a JSONL line over the limit
        return InputError(name, "too_large", f"a field of this row is over {MAX_BYTES:,} bytes, the limit for one "
                                             f"article; the row was not coded: {shown!r}", last + 1,
                          input_id=raw_id(raw[:65536]))
    todo = ("; close the quote, or double a '\"' inside a quoted text (\"\"), and run the command again"
            if unclosed else "; fix the row and run the command again")
    after = f"; the rows after it were read from line {resume + 1}" if resume is not None else ""
    return InputError(name, "csv", f"malformed CSV row: {why}; the row was not coded{after}{todo}: {shown!r}",
                      last + 1, input_id=raw_id(raw))
