"""Article bytes to text: UTF-8, UTF-16 and UTF-32 (with a byte-order mark or, since round r32, without one),
Windows-1252/Latin-1 and a mix of UTF-8 and Windows-1252; binary files refused by name
(:mod:`gaiko.filekinds`). Moved out of :mod:`gaiko.ingest_checks` in round r32 (which still exports
:func:`decode_bytes`), to keep each module under 400 lines.
"""

from __future__ import annotations

import re

from .errors import InputRejected
from .filekinds import binary_kind, decode_wide, wide_boms, wide_without_bom

__all__ = ["decode_bytes", "wide_text"]


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Decode article bytes; returns (text, note). Raises InputRejected for binary data.

    UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM decode silently; other
    bytes that are not UTF-8 are read as Windows-1252/Latin-1 and noted. The bytes after a
    byte-order mark (or several UTF-8 ones) are judged for a binary format as any file's
    (rounds r28, r29). Bytes that would be refused for their NUL or control bytes are read
    as UTF-16 or UTF-32 when they are that text without a BOM, or with one behind a UTF-8 BOM
    (round r32: :func:`gaiko.filekinds.wide_without_bom`), and noted.
    """
    if data.startswith(b"\xef\xbb\xbf"):  # after the BOM, the bytes are judged as any (round r28: gzip or PDF
        body = data  # bytes behind a BOM were coded as an article); round r29: behind two or more BOMs too
        while body.startswith(b"\xef\xbb\xbf"):
            body = body[3:]
        _refuse_named(body, body[:8192])
        if b"\x00" in body[:8192]:
            return _wide_or_refuse(body)
        return body.decode("utf-8", errors="replace"), None
    for bom, codec, name in wide_boms():
        if data.startswith(bom):  # round r29: binary bytes behind the mark named (they were told "not_english")
            body = data[len(bom):]
            if body.startswith(b"PAR1") or binary_kind(body[:8192]):
                _refuse_binary(body, body[:8192])
            return decode_wide(data, codec, name)
    head = data[:8192]
    _refuse_named(data, head)
    if b"\x00" in head:
        return _wide_or_refuse(data)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    # control characters other than whitespace suggest binary data, not a legacy encoding
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    if ctrl > max(4, len(head) // 100):
        wide = wide_without_bom(data, nul=False)  # round r32: UTF-16 Chinese or Japanese without a BOM or a NUL
        if wide:
            return wide
        raise InputRejected("binary", "file is neither UTF-8 nor legacy text (control bytes); convert it to UTF-8 text")
    mixed = _mixed_utf8(data)
    if mixed is not None:
        return mixed
    try:
        return data.decode("cp1252"), "not UTF-8: decoded as Windows-1252/Latin-1"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not UTF-8: decoded as Latin-1"


def _refuse_binary(data: bytes, head: bytes) -> None:
    """Raise InputRejected ``binary`` when ``data`` (its first 8 KiB ``head``) is Parquet, a compressed, office or
    PDF file (named, with what to do: round r27) or holds NUL bytes up front."""
    _refuse_named(data, head)
    if b"\x00" in head:
        raise InputRejected("binary", "file contains NUL bytes: it looks binary, not text; convert it to UTF-8 text")


def _refuse_named(data: bytes, head: bytes) -> None:
    """Raise InputRejected ``binary`` when ``data`` (its first 8 KiB ``head``) is Parquet or a compressed, office or
    PDF file: named, with what to do (round r27)."""
    if data.startswith(b"PAR1") and data.endswith(b"PAR1"):  # Parquet: articles for the ray engine, or an export
        raise InputRejected("binary", "a Parquet file, not text: gaiko code reads Parquet articles with --engine ray "
                                      "(docs/scale.md); locally give them as JSONL or CSV")
    kind = binary_kind(head)
    if kind:
        raise InputRejected("binary", kind)


def _wide_or_refuse(data: bytes) -> tuple[str, str]:
    """``data`` (no named binary format; NUL bytes in its first 8 KiB) read as UTF-32 or UTF-16 text: behind a
    byte-order mark (this one after a UTF-8 one: round r32, b29's F13), or without one
    (:func:`gaiko.filekinds.wide_without_bom`); else InputRejected ``binary`` "file contains NUL bytes"."""
    for bom, _codec, name in wide_boms():
        if data.startswith(bom):
            text, note = decode_bytes(data)
            return text, f"{note}, after a UTF-8 byte-order mark"
    wide = wide_without_bom(data)
    if wide:
        return wide
    raise InputRejected("binary", "file contains NUL bytes: it looks binary, not text; convert it to UTF-8 text")


#: a well-formed UTF-8 sequence of two to four bytes
_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
                       rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
                       rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")


def _typed_in_english(ch: str) -> bool:
    """A character an English article holds: a Latin letter or sign (U+00A0-U+024F), typographic punctuation
    (U+2000-U+206F: curly quotes, dashes, ellipsis), the euro sign or the trade mark sign."""
    o = ord(ch)
    return 0xA0 <= o <= 0x24F or 0x2000 <= o <= 0x206F or ch in "\u20ac\u2122"


def _cp1252(chunk: bytes) -> str:
    """``chunk`` as Windows-1252, its five unassigned bytes as Latin-1."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in chunk)


def _mixed_utf8(data: bytes) -> tuple[str, str] | None:
    """(text, note) of bytes that are UTF-8 in part and Windows-1252 in part (a file pasted together from
    two sources: "Vietnam\u2019s" in UTF-8 beside "China\x92s" in Windows-1252), or None when ``data`` holds
    no UTF-8 sequence of a character English text holds. Each such sequence is read as UTF-8, every other
    byte as Windows-1252; read whole as Windows-1252, the UTF-8 parts came out as "Vietnam\u00e2\u20ac\u2122s"
    and the actor was lost. A sequence of another character ("\u00c9\u2019" in Windows-1252 is the bytes
    of U+0252) stays Windows-1252."""
    out: list[str] = []
    last = utf8 = 0
    for m in _UTF8_SEQ.finditer(data):
        ch = m.group().decode("utf-8")
        if not _typed_in_english(ch):
            continue
        out += [_cp1252(data[last:m.start()]), ch]
        last, utf8 = m.end(), utf8 + 1
    if not utf8:
        return None
    out.append(_cp1252(data[last:]))
    return "".join(out), (f"not UTF-8 throughout: {utf8} UTF-8 character(s) read as UTF-8, the other bytes that "
                          "are not ASCII decoded as Windows-1252/Latin-1")


def wide_text(data: bytes) -> str | None:
    """``data`` as UTF-32 or UTF-16 text without a byte-order mark (:func:`gaiko.filekinds.wide_without_bom`), or
    None: for the readers that look at a file before decoding it (the kind sniffed from its first bytes, JSON Lines
    read whole rather than line by line; round r32)."""
    try:
        wide = wide_without_bom(data)
    except InputRejected:
        return None
    return None if wide is None else wide[0]
