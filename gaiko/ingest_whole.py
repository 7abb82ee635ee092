"""JSON and CSV documents read whole, and the few lines of one that hold NUL bytes or are not UTF-8 (round n53).

A CSV (or TSV, or JSON) file is decoded whole before its records are split. One row holding a NUL byte (a stray
byte from a broken export, a field pasted from a binary file) made the whole file "binary - file contains NUL
bytes", and none of its good rows was coded (newcomer round n52's finding; a JSONL file was already read line by
line, each bad line one error). Now a file whose NUL bytes sit on a minority of its lines, and that is text
otherwise (no named binary format, not UTF-16 or UTF-32), is decoded with its NUL bytes kept, and each record that
holds one is an error of its own, with its file and line (:func:`gaiko.ingest_csv.nul_record`; a JSON item is a
``json`` error, as any malformed one); every other record is coded. A file of NUL bytes throughout is refused whole,
as before. Likewise the few lines of a UTF-8 file that are not UTF-8 (decoded as Windows-1252) are each a warning
with its line, not one warning for the file. ``_read_whole`` moved here from :mod:`gaiko.ingest` (at the line).
"""

from __future__ import annotations

from collections.abc import Iterator

from .errors import InputRejected
from .ingest_checks import decode_bytes
from .ingest_csv import read_csv_text
from .ingest_records import Item, raw_id, read_json_text
from .types import InputError

__all__ = ["read_whole", "decode_with_nuls", "decode_document", "encoding_warnings", "declared_charset"]

def decode_with_nuls(data: bytes) -> tuple[str, str | None] | None:
    """``data`` (refused as binary for its NUL bytes) as text with its NUL bytes kept, and the note of
    :func:`~gaiko.decoding.decode_bytes`, when the NUL bytes sit on fewer than half of its lines and the rest is
    text; None otherwise (binary throughout: refused whole, as before)."""
    if b"\x00" not in data or b"\x1a" in data:
        return None
    lines = [ln for ln in data.split(b"\n") if ln.strip(b" \t\r\x00")]
    bad = sum(b"\x00" in ln for ln in lines)
    if not bad or bad * 2 >= len(lines):
        return None
    try:  # decoded with each NUL as another ASCII byte, which every codec reads as itself, then put back
        text, note = decode_bytes(data.replace(b"\x00", b"\x1a"))
    except InputRejected:
        return None
    return text.replace("\x1a", "\x00"), note


def decode_document(data: bytes) -> tuple[str, str | None]:
    """:func:`~gaiko.decoding.decode_bytes` of a document of records (CSV, JSON): one whose NUL bytes sit on a few
    lines is decoded with them kept (:func:`decode_with_nuls`), so that those records are told; else the same
    InputRejected."""
    try:
        return decode_bytes(data)
    except InputRejected as exc:
        kept = decode_with_nuls(data) if exc.reason == "binary" and "NUL" in exc.detail else None
        if kept is None:
            raise
        return kept


def read_whole(data: bytes, name: str, kind: str, default_date: str | None) -> Iterator[Item]:
    """A JSON or CSV document held in ``data``."""
    try:
        text, note = decode_document(data)
    except InputRejected as exc:
        yield InputError(name, exc.reason, exc.detail)
        return
    if note:
        yield from encoding_warnings(data, name, note)
    if kind == "json":
        yield from read_json_text(text, name, default_date)
    else:
        yield from read_csv_text(text, name, default_date, delimiter=kind)


def _utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def encoding_warnings(data: bytes, name: str, note: str, ids: bool = False) -> Iterator[InputError]:
    """The ``encoding`` warning of a document that is not UTF-8 throughout: one per line that is not, with its line,
    when those are fewer than half of its lines (a UTF-8 file with a row pasted from a Windows-1252 one: the row is
    told, not the file; round n53), else one for the file, as before. ``ids``: each warning names its input by the
    hash of its bytes (the body's, or the line's), as a request body's warnings do (round n54: a CSV or JSON body
    POSTed to the API had one warning for the body where ``gaiko code`` of the same file had one per line)."""
    lines = data.split(b"\n")
    bad = [k for k, ln in enumerate(lines, start=1) if not _utf8(ln)]
    if not bad or len(bad) * 2 >= sum(1 for ln in lines if ln.strip()) or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        yield InputError(name, "encoding", note, severity="warning", input_id=raw_id(data[:1 << 20]) if ids else None)
        return
    how = note.split(": ", 1)[-1]
    for k in bad:
        yield InputError(name, "encoding", f"this line is not UTF-8, unlike the file's other lines: {how}", k,
                         severity="warning", input_id=raw_id(lines[k - 1]) if ids else None)


def declared_charset(data: bytes, charset: str | None) -> tuple[bytes, str | None]:
    """A request body in the charset its ``Content-Type`` declares (``text/csv; charset=windows-1252``), as UTF-8
    bytes, and None; or ``data`` as it came and a note saying why the declaration was not followed (a charset Python
    does not know, or one the body is not in), when the body is then read as any other, its encoding sniffed (round
    n54: the declaration was dropped, so a body declared Windows-1252 had an ``encoding`` warning, "decoded as
    Windows-1252", and one in ISO-8859-2 or Shift_JIS was read as Windows-1252, its letters wrong). UTF-8, or no
    charset: ``data`` as it came and None (sniffed as before: a UTF-8 body with a byte order mark is UTF-8)."""
    import codecs

    name = (charset or "").strip().strip("\"'").lower()
    if not name:
        return data, None
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return data, f"the Content-Type's charset={charset} is no charset gaiko knows: the body's encoding was sniffed"
    if codec == "utf-8":
        return data, None
    try:
        return data.decode(codec).encode("utf-8"), None
    except UnicodeDecodeError as exc:
        return data, (f"the body is not {charset} as its Content-Type says (byte {exc.start}): its encoding was "
                      "sniffed")
