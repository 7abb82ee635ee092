"""Fields of an input record that gaiko does not read but that plainly mean one it does: a warning, not silence.

A JSONL record with ``"pubDate"`` or a misspelt ``"publishd"`` instead of ``"published"`` was coded as undated with no
word (round n38): its events took no date of their own and its pledges could not be tracked. :func:`unread_fields`
names such fields (the names in ``gaiko/data/input/record_fields.yaml``, another case, or a near spelling) so that
:func:`gaiko.ingest_records.record_items` can add one ``unread_field`` warning; the record is coded as before.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from .types import InputError

__all__ = ["fold_fields", "unread_fields", "unread_warnings", "unread_detail", "text_is_markup", "markup_warning"]

#: the fields gaiko reads (``date`` is read as ``published`` when that is absent)
_READ = ("id", "title", "text", "html", "url", "published", "source", "date")
#: a field a record may carry instead of another: ``date`` stands for ``published``, ``html`` for ``text``
_STANDS_FOR = {"published": ("date",), "text": ("html",), "date": ("published",), "html": ("text",)}


@lru_cache(maxsize=1)
def _table() -> tuple[float, dict[str, str]]:
    from .tables import data_path, load_yaml

    data = load_yaml(data_path("input/record_fields.yaml")) or {}
    means = {str(alias).lower(): str(field) for field, aliases in (data.get("means") or {}).items()
             for alias in aliases or ()}
    return float(data.get("near_ratio", 0.8)), means


def fold_fields(rec: Any) -> Any:
    """``rec`` with each key that is a field gaiko reads in another case or with spaces around it (``"Text"``,
    ``"TITLE"``, ``" published "``) under the field's own name, as a CSV header's column names are read (round r26:
    a JSONL record with ``"Text"`` was refused as ``missing_text`` while a CSV column ``Text`` was read).

    ``rec``: a decoded JSON record; anything but a dict is returned as it is. Keys that are no field stay as they are
    (they may still earn an ``unread_field`` warning). Raises InputRejected (``json``) when two keys name one field
    (``"text"`` and ``"Text"``), as a CSV header naming a field twice is refused: which one holds it cannot be told.
    """
    if not isinstance(rec, dict) or all(k in _READ or not isinstance(k, str) for k in rec):
        return rec
    from .errors import InputRejected

    named: dict[str, list[str]] = {}
    for key in rec:
        low = key.strip().lower() if isinstance(key, str) else None
        if low in _READ:
            named.setdefault(low, []).append(key)
    twice = {f: keys for f, keys in named.items() if len(keys) > 1}
    if twice:
        said = "; ".join(f"{f!r} as " + " and ".join(repr(k) for k in keys) for f, keys in twice.items())
        raise InputRejected("json", f"the record names a field twice ({said}): which one holds it cannot be told; "
                                    "rename or drop the other")
    rename = {keys[0]: f for f, keys in named.items()}
    return {rename.get(k, k): v for k, v in rec.items()}


def _meant(key: str) -> str | None:
    ratio, means = _table()
    low = key.strip().lower()
    if low in _READ:
        return low
    if low in means:
        return means[low]
    near = difflib.get_close_matches(low, _READ, n=1, cutoff=ratio)
    return near[0] if near else None


def unread_fields(keys: Iterable[Any], present: Iterable[Any] | None = None) -> list[tuple[str, str]]:
    """``(key, field)`` for each of ``keys`` gaiko does not read that means ``field``, which the record lacks.

    ``keys``: the record's keys (JSON object keys, CSV column names); ``present``: the keys holding a value (default:
    ``keys``). A key that is a field gaiko reads gives nothing, and so does a key whose field (or the one standing for
    it: ``date`` for ``published``, ``html`` for ``text``) is present. Never raises.
    """
    keys = [str(k) for k in keys]
    have = {str(k) for k in (keys if present is None else present)}
    out: list[tuple[str, str]] = []
    for key in keys:
        if key in _READ:
            continue
        field = _meant(key)
        if field is None or field in have or any(f in have for f in _STANDS_FOR.get(field, ())):
            continue
        out.append((key, "published" if field == "date" else field))
    return out


def unread_warnings(rec: dict[str, Any], path: str, line: int | None, input_id: str | None) -> list[InputError]:
    """One ``unread_field`` warning naming the fields of ``rec`` gaiko does not read but that mean one it lacks
    (``pubDate``, ``publishd``, ``Title``: :func:`unread_fields`); none when there is none."""
    present = [k for k, v in rec.items() if v is not None and not (isinstance(v, str) and not v.strip())]
    found = unread_fields(rec, present)
    return [InputError(path, "unread_field", unread_detail(found), line, severity="warning", input_id=input_id)] \
        if found else []


def unread_detail(found: list[tuple[str, str]]) -> str:
    """The warning's words for ``(key, field)`` pairs of :func:`unread_fields`."""
    said = "; ".join(f"field {k!r} is not read (gaiko reads {f!r})" for k, f in found)
    undated = any(f == "published" for _, f in found)
    return said + ("; the publication date was not taken from it" if undated else "") + \
        ": rename it to have it read (the record was coded without it)"


@lru_cache(maxsize=1)
def _markup() -> Any:
    """The pattern of an HTML tag of data/input/record_fields.yaml's ``markup_tags``."""
    from .tables import data_path, load_yaml

    tags = "|".join(re.escape(str(t)) for t in (load_yaml(data_path("input/record_fields.yaml")) or {})["markup_tags"])
    return re.compile(rf"</?(?:{tags})(?:\s[^<>]{{0,500}})?/?>", re.I)


def text_is_markup(text: str) -> bool:
    """Whether a record's ``text`` is HTML (round n39): two or more HTML tags (``<p>``, ``</b>``, ``<br/>``,
    ``<script ...>``; the names in ``markup_tags``) in its first 20,000 characters, not text with a ``<`` sign."""
    return "<" in text and len(_markup().findall(text[:20000])) >= 2


def markup_warning(rec: dict[str, Any], path: str, line: int | None, input_id: str) -> list[InputError]:
    """An ``html_in_text`` warning when the record's 'text' was HTML and so read as HTML (round n39)."""
    text = rec.get("text")
    if not (isinstance(text, str) and text.strip() and text_is_markup(text)):
        return []
    return [InputError(path, "html_in_text", "the 'text' field holds HTML markup (tags such as <p>, <b>, <script>): "
                       "it was read as HTML, its tags, scripts and page furniture dropped, so that they are neither "
                       "parsed as words nor stored; give such text as 'html' to say so", line, severity="warning",
                       input_id=input_id)]
