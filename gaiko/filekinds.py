"""Files that are not text but are often given as if they were: named by their first bytes, with what to do.

A newcomer's pass (round r27): ``gaiko code feed.jsonl.gz`` answered "file contains NUL bytes: it looks binary, not
text; convert it to UTF-8 text", which does not say it is compressed; a ``.xlsx`` or ``.docx`` got the same; and a
PDF whose first kilobytes hold no NUL byte was coded as one article of its raw bytes. Each is now refused by name.

Signatures (the formats' own specifications): gzip RFC 1952 (``1f 8b``), bzip2 (``BZh`` + block size + ``1AY&SY``),
xz (``fd 37 7a 58 5a 00``), Zstandard RFC 8878 (``28 b5 2f fd``), ZIP APPNOTE (``PK 03 04``; Office Open XML and
OpenDocument files are ZIP archives), PDF ISO 32000 (``%PDF-``), legacy Office OLE2 (``d0 cf 11 e0 a1 b1 1a e1``).
"""

from __future__ import annotations

import re

__all__ = ["binary_kind"]

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


def binary_kind(head: bytes) -> str | None:
    """What the file starting with ``head`` is and what to do, when its first bytes name a format that is not text
    (None otherwise, text included)."""
    for sig, what, todo in _KINDS:
        if sig.match(head):
            return f"{what}, not text: {todo}"
    return None
