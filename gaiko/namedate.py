"""The publication date a text or HTML file's name gives (``2025-12-17-poland.txt``, ``poland-2025-12-17.txt``).

A name holding a date ``YYYY-MM-DD`` anywhere gives the article that date when the document itself gives none
(docs/cli.md, ``--date``). Round r36 (b32 F8): a name written in another form (``20251217-poland.txt``,
``2025_12_17-poland.txt``, ``17-12-2025-poland.txt``) was coded undated without a word about that file; such a name
is now named in a warning (reason ``name_date``) saying how to write it, and is still not read: eight digits or a
day-first date in a name are as often a number or a date of another kind (an issue, a download) as the day it was
published, and a file renamed once is dated for good.
"""

from __future__ import annotations

import re

__all__ = ["DATE_IN_NAME", "unread_name_date"]

#: the one form read: ``YYYY-MM-DD`` anywhere in the name
DATE_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")

#: forms of a date that a name may hold and gaiko does not read from it: compact ``20251217``, year first with ``_``
#: or ``.`` or unpadded (``2025_12_17``, ``2025.12.17``, ``2025-12-7``), day or month first (``17-12-2025``,
#: ``17.12.2025``, ``12_17_2025``); years 1900-2099, months and days in range
_UNREAD = (
    re.compile(r"(?<!\d)((?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))(?!\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d\d[-_.](?:0?[1-9]|1[0-2])[-_.](?:0?[1-9]|[12]\d|3[01]))(?!\d)"),
    re.compile(r"(?<!\d)((?:0?[1-9]|[12]\d|3[01])[-_.](?:0?[1-9]|[12]\d|3[01])[-_.](?:19|20)\d\d)(?!\d)"),
)


def unread_name_date(name: str) -> str | None:
    """The text of a date in the file name ``name`` (no folder) written in a form gaiko does not read from a name,
    when the name holds no ``YYYY-MM-DD`` date (None otherwise): ``"20251217"`` of ``20251217-poland.txt``."""
    if DATE_IN_NAME.search(name):
        return None
    for form in _UNREAD:
        m = form.search(name)
        if m:
            return m.group(1)
    return None
