"""Files that are not text but are often given as if they were: named by their first bytes, with what to do.

A newcomer's pass (round r27): ``gaiko code feed.jsonl.gz`` answered "file contains NUL bytes: it looks binary, not
text; convert it to UTF-8 text", which does not say it is compressed; a ``.xlsx`` or ``.docx`` got the same; and a
PDF whose first kilobytes hold no NUL byte was coded as one article of its raw bytes. Each is now refused by name.

Signatures (the formats' own specifications, listed with their sources in ``gaiko/data/input/file_signatures.yaml``
since round r30): gzip RFC 1952 (``1f 8b``), bzip2 (``BZh`` + block size + ``1AY&SY``),
xz (``fd 37 7a 58 5a 00``), Zstandard RFC 8878 (``28 b5 2f fd``), ZIP APPNOTE (``PK 03 04``; Office Open XML and
OpenDocument files are ZIP archives), PDF ISO 32000 (``%PDF-``), legacy Office OLE2 (``d0 cf 11 e0 a1 b1 1a e1``).

Round r28 (from b27's F5): a text that merely starts with the letters "%PDF-" ("%PDF-1.7 is what the office scans
to; ...") was refused as a PDF. A PDF is now judged by its structure as well (ISO 32000-1 7.5: after the header, a
comment of bytes of 128 or more "if the file contains binary data", indirect objects ``N G obj``, a cross-reference
``xref``/``startxref`` and the ``%%EOF`` marker): the header with one of those, or bytes that are not UTF-8. And
:func:`gaiko.decoding.decode_bytes` (``gaiko.ingest_checks`` before round r32) looks after a UTF-8 byte-order mark
too (a BOM before gzip or PDF bytes skipped every check and the bytes were coded as an article).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .errors import DataFileError, InputRejected
from .tables import data_path, load_yaml

__all__ = ["wide_boms", "binary_kind", "decode_wide", "wide_without_bom"]

#: the signatures and byte-order marks, with their sources (round r30: they were Python literals here)
_FILE = "input/file_signatures.yaml"


def _bytes_of(text: str) -> bytes:
    """The bytes a data file's ``\\xNN`` escapes (and plain ASCII) stand for."""
    return text.encode("ascii").decode("unicode_escape").encode("latin-1")


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[tuple[re.Pattern[bytes], str, str, str], ...], tuple[tuple[bytes, str, str], ...]]:
    """(signatures as (first bytes, key, what the file is, what to do), byte-order marks as (mark, codec, name)),
    read once from ``gaiko/data/input/file_signatures.yaml``. Raises :class:`DataFileError` when it is malformed."""
    path = data_path(_FILE)
    raw = load_yaml(path)
    try:
        sigs = tuple((re.compile(str(s["first"]).encode("ascii")), str(s["name"]), str(s["is"]), str(s["do"]))
                     for s in raw["signatures"])
        boms = tuple((_bytes_of(str(b["mark"])), str(b["codec"]), str(b["name"])) for b in raw["byte_order_marks"])
    except (TypeError, KeyError, UnicodeError, re.error) as exc:
        raise DataFileError(str(path), f"expected signatures (name, first, is, do) and byte_order_marks (mark, "
                                       f"codec, name): {exc!r}") from None
    return sigs, boms


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
    for sig, key, what, todo in _table()[0]:
        if sig.match(head) and (key != "pdf" or _is_pdf(head)):
            return f"{what}, not text: {todo}"
    return None


def wide_boms() -> tuple[tuple[bytes, str, str], ...]:
    """The byte-order marks of UTF-32 and UTF-16 (UTF-32's first: UTF-32LE's begins with UTF-16LE's) as (mark, the
    codec that reads the bytes with the mark, the name said); round r29: UTF-32 text was read as UTF-16."""
    return _table()[1]


_SURROGATE = re.compile("[\ud800-\udfff]")


def decode_wide(data: bytes, codec: str, name: str) -> tuple[str, str]:
    """``data`` that begins with a byte-order mark of :func:`wide_boms`, decoded with its ``codec``: (text, note).

    Raises InputRejected ``encoding`` when the bytes are not valid ``name`` (UTF-16 or UTF-32), ``binary`` when they
    decode to control characters, or to unassigned and private-use code points (round r30) more than text holds (a
    binary file behind the mark; gaiko.ingest_checks names the known formats)."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputRejected("encoding", f"{name} byte-order mark but invalid {name}: {exc}") from None
    if _SURROGATE.search(text):
        raise InputRejected("encoding", f"{name} byte-order mark but unpaired surrogates: not valid {name}; "
                                        "convert the file to UTF-8 text")
    flaw = _flaw(text) or _byte_pairs(text)
    if flaw:
        raise InputRejected("binary", f"the bytes after the {name} byte-order mark are not {name} text ({flaw}): it "
                                      "looks binary; convert it to UTF-8 text")
    return text, f"decoded as {name} (byte-order mark)"


#: round r37 (b33 F19): a file of ASCII bytes (one-byte text, or binary data that is mostly letters) behind a UTF-16
#: mark, ``FF FE`` then ``\x00garbage\x00\x01``, decodes to CJK-looking characters and was told ``not_english``
#: ("mostly in a non-Latin script"). Each UTF-16 code unit of such a file is two ASCII letters or digits; in Chinese
#: or Japanese text about one kanji in nine is (its high byte a letter, 39 of the 82 of U+4E00-U+9FFF, and its low
#: byte one of 62 of 256), kana and CJK punctuation (U+3000-U+30FF, whose high byte is "0") are not counted, and
#: every other script's high byte is a control byte or 0x80 and up. Binary: at least :data:`_PAIRS_MIN` such units,
#: and half the characters that are not white space or more.
_PAIRS_MIN = 3
_ALNUM = frozenset(b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _byte_pairs(text: str) -> str | None:
    """Why ``text`` (decoded UTF-16) is no UTF-16 text but ASCII bytes read two at a time, judged on its first 8,192
    characters; None when it is not that."""
    pairs = seen = 0
    for ch in text[:8192]:
        if ch.isspace():
            continue
        seen += 1
        cp = ord(ch)
        pairs += cp <= 0xFFFF and not 0x3000 <= cp <= 0x30FF and cp >> 8 in _ALNUM and cp & 0xFF in _ALNUM
    if pairs >= _PAIRS_MIN and 2 * pairs >= seen:
        return (f"{pairs} of its first {seen} characters are each two ASCII letters or digits, as one-byte text or "
                "binary data read two bytes at a time is")
    return None


#: round r30 (r29's "Left"): random bytes behind a UTF-16 mark that hold no surrogate or C0 control decode to
#: CJK-looking garbage and were judged text (then ``not_english``). Code units drawn at random from the Basic
#: Multilingual Plane fall in unassigned (category Cn, 2.3% of it in Unicode 14), private-use (Co, 10.1%) or C1
#: control (Cc) code points one time in eight; Japanese, Chinese, Korean or Arabic text holds none (a private-use
#: icon or two at most). Binary: at least :data:`_NO_TEXT_MIN` such code points and one in :data:`_NO_TEXT_SHARE`
#: (2%) of the non-space characters or more.
_NO_TEXT = frozenset({"Cn", "Co", "Cs", "Cc"})
_NO_TEXT_MIN = 3
_NO_TEXT_SHARE = 50


def _flaw(text: str) -> str | None:
    """Why ``text`` (decoded UTF-16 or UTF-32) is no text, judged on its first 8,192 characters: "control
    characters" (C0 controls other than white space, more than 1% and 4), or so many unassigned, private-use or
    control code points (:func:`_no_text_share`) that it is binary (round r30); None when it is clean."""
    head = text[:8192]
    ctrl = sum(1 for ch in head if ord(ch) < 9 or 13 < ord(ch) < 32)
    if ctrl > max(4, len(head) // 100):
        return "control characters"
    odd, seen = _no_text_share(head)
    if odd >= _NO_TEXT_MIN and odd * _NO_TEXT_SHARE >= seen:
        return (f"{odd} of the first {seen} characters are unassigned, private-use or control code points, which no "
                "text holds")
    return None


def _no_text_share(head: str) -> tuple[int, int]:
    """(how many characters of ``head`` are code points no text holds: unassigned, private-use, surrogate or control
    other than white space; how many are not white space)."""
    odd = seen = 0
    for ch in head:
        if ch.isspace():
            continue
        seen += 1
        odd += unicodedata.category(ch) in _NO_TEXT
    return odd, seen


@lru_cache(maxsize=1)
def _bomless() -> dict:
    """``without_byte_order_mark`` of ``gaiko/data/input/file_signatures.yaml``: judged_bytes, min_chars, nul_share,
    low_nul_ratio, pages_ratio and the encodings (codec, name, unit, zero, small). Raises DataFileError."""
    path = data_path(_FILE)
    raw = load_yaml(path)
    try:
        cfg = raw["without_byte_order_mark"]
        out = {"judged": int(cfg["judged_bytes"]), "min": int(cfg["min_chars"]), "share": float(cfg["nul_share"]),
               "ratio": float(cfg["low_nul_ratio"]), "pages": float(cfg["pages_ratio"]),
               "encodings": tuple((str(e["codec"]), str(e["name"]), int(e["unit"]), int(e["zero"]),
                                   int(e.get("small", -1))) for e in cfg["encodings"])}
    except (TypeError, KeyError, ValueError) as exc:
        raise DataFileError(str(path), "expected without_byte_order_mark (judged_bytes, min_chars, nul_share, "
                                       "low_nul_ratio, pages_ratio, encodings of codec, name, unit, zero[, small]): "
                                       f"{exc!r}") from None
    return out


def _clean(data: bytes, codec: str) -> str | None:
    """``data`` decoded with ``codec`` when it is clean text (valid, no U+0000, no unpaired surrogate, no
    :func:`_flaw`); None otherwise."""
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if "\x00" in text or _SURROGATE.search(text) or _flaw(text):  # no text holds U+0000 (an array of numbers can)
        return None
    return text


def _pages(text: str) -> int:
    """How many 256-code-point pages the non-space characters of ``text``'s first 8,192 fall in (text in one
    script keeps to few; the same bytes read in the wrong order scatter)."""
    return len({ord(ch) >> 8 for ch in text[:8192] if not ch.isspace()})


def wide_without_bom(data: bytes, *, nul: bool = True) -> tuple[str, str] | None:
    """``data`` as UTF-32 or UTF-16 text without a byte-order mark: (text, note), or None when it is not such text
    (round r32, b29's F13: "file contains NUL bytes: it looks binary" of plain UTF-16BE English).

    Called only for bytes that would otherwise be refused: holding NUL bytes up front (``nul``), or (``nul=False``)
    not UTF-8 and with control bytes. UTF-32 is known by its units (one byte NUL and the next at most 0x10 in each);
    UTF-16 by NUL bytes at one parity (the high byte of spaces, Latin letters and digits), or, with too few NULs to
    say (Chinese or Japanese alone), by being clean text in one byte order and not the other (a tie is refused:
    InputRejected ``encoding`` "UTF-16 text without a byte-order mark ..."). Bytes that are 8-bit text apart from
    their NULs are not judged UTF-16 that way (a stray NUL in a UTF-8 file stays binary). The thresholds and the
    encodings are data (``without_byte_order_mark`` of ``gaiko/data/input/file_signatures.yaml``)."""
    cfg = _bomless()
    head = data[:cfg["judged"]]
    wide16 = []
    for codec, name, unit, zero, small in cfg["encodings"]:
        if len(data) % unit or len(data) < cfg["min"] * unit:
            continue
        units = head[:len(head) // unit * unit]
        if unit == 4:
            if units[zero::4].count(0) == len(units) // 4 and max(units[small::4]) <= 0x10:
                text = _clean(data, codec)
                if text is not None:
                    return text, f"decoded as {name} (no byte-order mark: judged by its bytes)"
            continue
        wide16.append((codec, name, units[zero::2].count(0), units[1 - zero::2].count(0), len(units) // 2))
    if not wide16:
        return None
    for codec, name, high, low, n in wide16:  # NUL bytes say the byte order
        if nul and high >= cfg["share"] * n and low * cfg["ratio"] <= high:
            text = _clean(data, codec)
            return None if text is None else (text, f"decoded as {name} (no byte-order mark: judged by its NUL bytes)")
    if _narrow(data):
        return None
    read = [(codec, name, text) for codec, name, *_ in wide16 if (text := _clean(data, codec)) is not None]
    if len(read) == 2:
        (c1, n1, t1), (c2, n2, t2) = sorted(read, key=lambda r: _pages(r[2]))
        if _pages(t1) * cfg["pages"] > _pages(t2):
            raise InputRejected("encoding", "UTF-16 text without a byte-order mark, in a byte order its bytes do not "
                                            "tell: convert it to UTF-8 text (or save it as UTF-16 with a byte-order "
                                            "mark)")
        read = [(c1, n1, t1)]
    if len(read) == 1:
        return read[0][2], f"decoded as {read[0][1]} (no byte-order mark: judged by its bytes)"
    return None


def _narrow(data: bytes) -> bool:
    """Whether ``data`` without its NUL bytes is UTF-8 text: an 8-bit file with stray NULs, not UTF-16."""
    return _utf8(data[:8192].replace(b"\x00", b""))
