"""The blind split: a fixed, hash-based part of every labelled set that nobody tunes on.

A record is *blind* when the SHA-1 of ``"gaiko-blind-v1|" + normalised text`` falls
in the lowest ``BLIND_SHARE`` of the hash space. The rule depends only on the
text, so it is the same on every machine, for every file format, and for a
sentence that turns up in two sets. Normalisation: lower case, whitespace
collapsed, so trivial re-formatting does not move a sentence across the split.

Blind records are scored by ``gaiko eval --split blind`` (figures only: the
error listing refuses to show them) and never used for training or tuning
(``gaiko.learn`` drops them before fitting).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TypeVar

__all__ = ["BLIND_SHARE", "SPLITS", "is_blind", "split_of", "select"]

#: Share of every labelled set that is blind (0.2 = one record in five).
BLIND_SHARE = 0.2
SPLITS = ("all", "tuned", "blind")
_SALT = "gaiko-blind-v1|"

T = TypeVar("T")


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def is_blind(text: str) -> bool:
    """True when ``text`` belongs to the blind split (deterministic, see module doc)."""
    h = hashlib.sha1((_SALT + _norm(text)).encode("utf-8")).digest()
    return int.from_bytes(h[:4], "big") < BLIND_SHARE * 2**32


def split_of(text: str) -> str:
    """``"blind"`` or ``"tuned"``."""
    return "blind" if is_blind(text) else "tuned"


def select(items: Iterable[T], split: str, text_of=lambda x: x.text) -> list[T]:  # type: ignore[no-untyped-def]
    """Keep the items of ``split`` (``all``, ``tuned`` or ``blind``)."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    items = list(items)
    if split == "all":
        return items
    want = split == "blind"
    return [it for it in items if is_blind(text_of(it)) == want]
