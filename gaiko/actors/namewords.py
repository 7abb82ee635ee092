"""Words inside names that tell an actor's country, or that are no place alone (``data/actors/name_words.yaml``).

- :func:`ship_country`: "HMS Montrose" -> "GBR", "USS George Washington" -> "USA" (a navy's prefix), else None;
- :func:`ship_spans`: the token spans of such ships' names in a parsed text ("the USS Carney": not Mark Carney,
  "HMS Richmond": not the town in Virginia);
- :func:`bare_region_word`: whether a name ("North", "the West", "Gulf") is a compass point or a generic word that
  names a first-level region only with a generic word or a qualifier ("the North Region", "West, Cameroon").

Raises :class:`gaiko.errors.DataFileError` when the file is missing or malformed.
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import DataFileError
from ..tables import data_path, load_yaml

__all__ = ["ship_country", "ship_spans", "bare_region_word"]

_PATH = data_path("actors/name_words.yaml")


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], frozenset[str]]:
    raw = load_yaml(_PATH) or {}
    ships = raw.get("ship_prefixes") or {}
    words = raw.get("bare_region_words") or []
    if not isinstance(ships, dict) or not isinstance(words, list):
        raise DataFileError(str(_PATH), "ship_prefixes must be a mapping and bare_region_words a list")
    for k, v in ships.items():
        if not isinstance(v, str) or len(v) != 3:
            raise DataFileError(str(_PATH), f"ship prefix {k!r}: country must be an ISO3 code, got {v!r}")
    return {str(k): v.upper() for k, v in ships.items()}, frozenset(str(w).lower() for w in words)


def ship_country(text: str) -> str | None:
    """Country of a ship named with a navy's prefix ("HMS Montrose", "the USS Cole"), else None."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) < 2:
        return None
    return _table()[0].get(words[0])


def ship_spans(doc: object) -> list[tuple[int, int, str]]:
    """Ships named with a navy's prefix in a spaCy ``Doc``: (start, end, country) token spans, the prefix and the
    capitalised words after it ("USS Carney", "HMS Prince of Wales" stops at "of": "HMS Prince"; "USS Gerald R.
    Ford"). A name that is also a person's or a town's is the ship's (round a36)."""
    ships = _table()[0]
    out: list[tuple[int, int, str]] = []
    n = len(doc)  # type: ignore[arg-type]
    i = 0
    while i < n:
        tok = doc[i]  # type: ignore[index]
        country = ships.get(tok.text)
        j = i + 1
        if country is not None:
            while j < n and doc[j].text[:1].isupper() and (doc[j].is_alpha or doc[j].text.rstrip(".").isalpha()):  # type: ignore[index]
                j += 1
            if j > i + 1:
                out.append((i, j, country))
                i = j
                continue
        i += 1
    return out


def bare_region_word(key: str) -> bool:
    """Whether ``key`` (a place name, "the" allowed) is a compass point or generic word that is no region alone."""
    k = key.strip().lower()
    if k.startswith("the "):
        k = k[4:]
    return k in _table()[1]
