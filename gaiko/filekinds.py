"""Files that are not text but are often given as if they were: named by their first bytes, with what to do.

A newcomer's pass (round r27): ``gaiko code feed.jsonl.gz`` answered "file contains NUL bytes: it looks binary, not
text; convert it to UTF-8 text", which does not say it is compressed; a ``.xlsx`` or ``.docx`` got the same; and a
PDF whose first kilobytes hold no NUL byte was coded as one article of its raw bytes. Each is now refused by name.

Signatures (the formats' own specifications): gzip RFC 1952 (``1f 8b``), bzip2 (``BZh`` + block size + ``1AY&SY``),
xz (``fd 37 7a 58 5a 00``), Zstandard RFC 8878 (``28 b5 2f fd``), ZIP APPNOTE (``PK 03 04``; Office Open XML and
OpenDocument files are ZIP archives), PDF ISO 32000 (``%PDF-``), legacy Office OLE2 (``d0 cf 11 e0 a1 b1 1a e1``).

Round r28 (from b27's F5): a text that merely starts with the letters "%PDF-" ("%PDF-1.7 is what the office scans
to; ...") was refused as a PDF. A PDF is now judged by its structure as well (ISO 32000-1 7.5: after the header, a
comment of bytes of 128 or more "if the file contains binary data", indirect objects ``N G obj``, a cross-reference
``xref``/``startxref`` and the ``%%EOF`` marker): the header with one of those, or bytes that are not UTF-8. And
:func:`gaiko.ingest_checks.decode_bytes` looks after a UTF-8 byte-order mark too (a BOM before gzip or PDF bytes
skipped every check and the bytes were coded as an article).
"""

from __future__ import annotations

import re

from .errors import InputRejected

__all__ = ["WIDE_BOMS", "binary_kind", "decode_wide"]

_COMPRESSED = "decompress it first (or pipe it: zcat FILE | gaiko code - ...)"
_OFFICE = "save it as CSV (UTF-8) or plain text first; gaiko reads text, HTML, JSON, JSON Lines and CSV"

#: (first bytes, what the file is, what to do)
_KINDS: tuple[tuple[re.Pattern[bytes], str, str], ...] = (
    (re.compile(rb"\x1f\x8b"), "a gzip-compressed file", _COMPRESSED),
    (re.compile(rb"BZh[1-9]1AY&SY"), "a bzip2-compressed file", _COMPRESSED.replace("zcat", "bzcat")),
    (re.compile(rb"\xfd7zXZ\x00"), "an xz-compressed file", _COMPRESSED.replace("zcat", "xzcat")),
    (re.compile(rb"\x28\xb5\x2f\xfd"), "a Zstandard-compressed file", _COMPRESSED.replace("zcat", "zstdcat")),
    (re.compile(rb"PK\x03\x04"), "a ZIP archive (an .xlsx, .docx or .odt file is one)",
     "unpack it, or " + _OFFICE),
    (re.compile(rb"%PDF-"), "a PDF document", "extract its text first (pdftotext FILE) and give gaiko that"),
    (re.compile(rb"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), "a legacy Office file (.xls, .doc)", _OFFICE),
)


#: what only a PDF's body holds (ISO 32000-1 7.3.10, 7.5.4, 7.5.5): an indirect object, a cross-reference, its end
_PDF_BODY = re.compile(rb"(?:^|[\r\n\s])\d+\s+\d+\s+obj\b|(?:^|[\r\n])(?:start)?xref\b|%%EOF|<<\s*/(?:Type|Linearized)\b")


def _is_pdf(head: bytes) -> bool:
    """Whether ``head`` (it starts ``%PDF-``) is a PDF rather than text that begins with those letters: a version
    (``%PDF-1.7``, ``%PDF-2.0``), and PDF structure after it or bytes no text has (a NUL, or bytes that are not
    UTF-8, as the binary comment a PDF's second line usually is)."""
    m = re.match(rb"%PDF-\d\.\d", head)
    if m is None:
        return False
    return bool(_PDF_BODY.search(head, m.end())) or b"\x00" in head or not _utf8(head)


def _utf8(head: bytes) -> bool:
    """Whether ``head`` is UTF-8 (a character cut at its end by the read allowed)."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start >= len(head) - 3 and exc.reason == "unexpected end of data"
    return True


def binary_kind(head: bytes) -> str | None:
    """What the file starting with ``head`` is and what to do, when its first bytes name a format that is not text
    (None otherwise, text included: a text that begins with "%PDF-" but has no PDF structure, round r28)."""
    for sig, what, todo in _KINDS:
        if sig.match(head) and (what != "a PDF document" or _is_pdf(head)):
            return f"{what}, not text: {todo}"
    return None


#: the byte-order marks of UTF-32 and UTF-16 (UTF-32's first: UTF-32LE's begins with UTF-16LE's), the codec that
#: reads the bytes with the mark, and the name said (round r29: UTF-32 text was read as UTF-16 and came out garbage)
WIDE_BOMS = ((b"\xff\xfe\x00\x00", "utf-32", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32", "UTF-32"),
             (b"\xff\xfe", "utf-16", "UTF-16"), (b"\xfe\xff", "utf-16", "UTF-16"))

_SURROGATE = re.compile("[\ud800-\udfff]")


def decode_wide(data: bytes, codec: str, name: str) -> tuple[str, str]:
    """``data`` that begins with a byte-order mark of :data:`WIDE_BOMS`, decoded with its ``codec``: (text, note).

    Raises InputRejected ``encoding`` when the bytes are not valid ``name`` (UTF-16 or UTF-32), ``binary`` when they
    decode to control characters (a binary file behind the mark; gaiko.ingest_checks names the known formats)."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputRejected("encoding", f"{name} byte-order mark but invalid {name}: {exc}") from None
    if _SURROGATE.search(text):
        raise InputRejected("encoding", f"{name} byte-order mark but unpaired surrogates: not valid {name}; "
                                        "convert the file to UTF-8 text")
    head = text[:8192]
    ctrl = sum(1 for ch in head if ord(ch) < 9 or 13 < ord(ch) < 32)
    if ctrl > max(4, len(head) // 100):
        raise InputRejected("binary", f"the bytes after the {name} byte-order mark are not {name} text (control "
                                      "characters): it looks binary; convert it to UTF-8 text")
    return text, f"decoded as {name} (byte-order mark)"
