"""CSV and TSV files to articles, one row a record (split from :mod:`gaiko.ingest_records`, round r25).

The header names the record fields (``text`` or ``html``, ``title``, ...); each row is read on its own, and one that
cannot be (a quote never closed, more cells than the header has columns) is a ``csv`` error with its line, the rows
after it read as if it were not there.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from .ingest_checks import MAX_BYTES
from .ingest_fields import unread_detail, unread_fields
from .ingest_records import FIELDS, Item, _text_named_otherwise, raw_id, record_items
from .types import InputError

__all__ = ["read_csv_text"]


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
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
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
    last = reader.line_num
    rows = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            if not rows:  # as an empty JSONL file: one error, not nothing at all
                yield InputError(name, "empty", "the CSV file has a header but no rows", 1)
            return
        except csv.Error as exc:
            yield _bad_row(text, name, exc, last, reader.line_num)
            rows += 1
            if reader.line_num <= last:
                return
            last = reader.line_num
            continue
        line, last = last + 1, reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        rows += 1
        if any(cell.strip() for cell in row[len(cols):]):  # round r25: those cells were dropped without a word
            yield _ragged_row(row, len(cols), name, line, delimiter)
            continue
        rec = {c: row[k] for k, c in keep if k < len(row) and row[k] != ""}
        yield from record_items(rec, name, line, default_date, delimiter.join(row))


def _ragged_row(row: list[str], n_cols: int, name: str, line: int, delimiter: str) -> InputError:
    """The ``csv`` error for a row with more cells than its header has columns: most often a delimiter inside an
    unquoted text, whose words after it would be lost (the row was coded with its text cut there)."""
    raw = delimiter.join(row)
    shown = raw if len(raw) <= 200 else raw[:197] + "..."
    sep = {"\t": "tab"}.get(delimiter, repr(delimiter))
    return InputError(name, "csv", f"malformed CSV row: {len(row)} cells for a header of {n_cols} columns (a {sep} "
                                   f"inside a text that is not quoted?); quote the cell; the row was not coded: "
                                   f"{shown!r}", line, input_id=raw_id(raw))


def _bad_row(text: str, name: str, exc: csv.Error, last: int, now: int) -> InputError:
    """The ``csv`` error for the malformed row on lines ``last + 1`` to ``now``: its id is the hash of those lines
    and the detail shows their start, so the record is kept in the errors table."""
    lines = io.StringIO(text, newline="").readlines()[last:max(now, last + 1)]
    raw = "".join(lines)
    why = "an unterminated quoted field (a '\"' that is never closed)" if "end of data" in str(exc) else str(exc)
    shown = raw.strip()
    shown = shown if len(shown) <= 200 else shown[:197] + "..."
    if "field larger than field limit" in str(exc):  # not malformed: too large, as a JSONL line over the limit
        return InputError(name, "too_large", f"a field of this row is over {MAX_BYTES:,} bytes, the limit for one "
                                             f"article; the row was not coded: {shown!r}", last + 1,
                          input_id=raw_id(raw[:65536]))
    return InputError(name, "csv", f"malformed CSV row: {why}; the row was not coded: {shown!r}", last + 1,
                      input_id=raw_id(raw))
