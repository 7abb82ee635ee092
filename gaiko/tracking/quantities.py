"""Quantities in pledge text: "2% of GDP", "$550 billion", "12 million tonnes".

Pure regular expressions over text (no parse needed), so the tracker can use
them on stored sentences too. Values are plain numbers (550e9 for "$550
billion"); units are normalised ("USD", "JPY", "% of GDP", "tonnes").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..types import Quantity

__all__ = ["find_quantities", "best_quantity", "same_unit"]

_NUM = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_PCT = re.compile(rf"{_NUM}\s*(?:%|per ?cent\b)(\s+of\s+(?:its\s+|the\s+country's\s+)?(?:gdp|gross domestic product|gni|national income))?", re.I)


class _Words(NamedTuple):
    scale: dict[str, float]  # scale word -> multiplier, in file order
    currency_symbols: dict[str, str]  # symbol or code -> ISO 4217
    currency_words: dict[str, str]  # currency word -> ISO 4217, in file order
    not_units: frozenset[str]
    word_numbers: dict[str, int]  # in file order
    units: dict[str, str]  # pledges/units.yaml: phrase -> the unit compared


@lru_cache(maxsize=1)
def _words() -> _Words:
    """``pledges/quantity_words.yaml`` and ``pledges/units.yaml``, read once. Raises DataFileError when a section is
    missing or malformed."""
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    path = data_path("pledges/quantity_words.yaml")
    data = load_yaml(path) or {}
    for key in ("scale", "currency_symbols", "currency_words", "word_numbers"):
        if not isinstance(data.get(key), dict):
            raise DataFileError(str(path), f"missing or malformed section {key!r} (a mapping)")
    if not isinstance(data.get("not_units"), list) or not all(isinstance(w, str) for w in data["not_units"]):
        raise DataFileError(str(path), "not_units: expected a list of words (quote yes/no/on/off)")
    units = load_yaml(data_path("pledges/units.yaml")) or {}
    return _Words(scale={str(k): float(v) for k, v in data["scale"].items()},
                  currency_symbols={str(k): str(v) for k, v in data["currency_symbols"].items()},
                  currency_words={str(k): str(v) for k, v in data["currency_words"].items()},
                  not_units=frozenset(data["not_units"]),
                  word_numbers={str(k): int(v) for k, v in data["word_numbers"].items()},
                  units={str(k).lower(): str(v) for k, v in (units.get("units") or {}).items()})


class _Patterns(NamedTuple):
    money_sym: re.Pattern[str]
    money_word: re.Pattern[str]
    count: re.Pattern[str]
    count_any: re.Pattern[str]
    count_word: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    """The patterns built from the word tables (compiled once, on first use)."""
    w = _words()
    scale = rf"(?:\s*({'|'.join(w.scale)})\b)?"
    units = "|".join(re.escape(u) for u in sorted(w.units, key=len, reverse=True))
    return _Patterns(
        money_sym=re.compile(rf"(us\$|\$|€|£|¥)\s?{_NUM}{scale}", re.I),
        money_word=re.compile(rf"{_NUM}{scale}\s+(?:(?:u\.s\.|us|american|japanese)\s+)?({'|'.join(w.currency_words)})\b", re.I),
        count=re.compile(rf"{_NUM}{scale}\s+(?:[a-z]+\s+){{0,2}}?({units})(?![\w-])", re.I),
        count_any=re.compile(rf"\b{_NUM}{scale}\s+(?:[a-z-]+\s+){{0,2}}?([a-z]{{3,}}s)\b", re.I),
        count_word=re.compile(rf"\b({'|'.join(w.word_numbers)})\s+(?:[a-z-]+\s+){{0,2}}?([a-z]{{3,}}s)\b", re.I))


def _value(num: str, scale: str | None) -> float:
    v = float(num.replace(",", ""))
    return v * _words().scale.get((scale or "").lower(), 1.0)


def find_quantities(text: str, offset: int = 0) -> list[tuple[int, int, Quantity]]:
    """Every quantity in ``text`` as (start, end, Quantity), offsets shifted by ``offset``."""
    out: list[tuple[int, int, Quantity]] = []
    taken: list[tuple[int, int]] = []
    w, pat = _words(), _patterns()

    def add(m: re.Match[str], q: Quantity) -> None:
        if any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        out.append((m.start() + offset, m.end() + offset, q))

    for m in _PCT.finditer(text):
        unit = "% of GDP" if m.group(2) else "%"
        add(m, Quantity(text=m.group(0).strip(), value=float(m.group(1).replace(",", "")), unit=unit))
    for m in pat.money_sym.finditer(text):
        add(m, Quantity(text=m.group(0).strip(), value=_value(m.group(2), m.group(3)), unit=w.currency_symbols[m.group(1).lower()]))
    for m in pat.money_word.finditer(text):
        add(m, Quantity(text=m.group(0).strip(), value=_value(m.group(1), m.group(2)), unit=w.currency_words[m.group(3).lower()]))
    for m in pat.count.finditer(text):
        if re.fullmatch(r"(19|20)\d\d", m.group(1)) and not m.group(2):
            continue  # a year, not a count
        add(m, Quantity(text=m.group(0).strip(), value=_value(m.group(1), m.group(2)), unit=w.units[m.group(3).lower()]))
    for m in pat.count_any.finditer(text):  # "40 new schools": any plural noun counts things
        unit = m.group(3).lower()
        if unit in w.not_units or (re.fullmatch(r"(19|20)\d\d", m.group(1)) and not m.group(2)):
            continue
        add(m, Quantity(text=m.group(0).strip(), value=_value(m.group(1), m.group(2)), unit=unit))
    for m in pat.count_word.finditer(text):  # "four ageing coal-fired stations"
        unit = m.group(2).lower()
        if unit in w.not_units:
            continue
        add(m, Quantity(text=m.group(0).strip(), value=float(w.word_numbers[m.group(1).lower()]), unit=w.units.get(unit, unit)))
    out.sort(key=lambda x: x[0])
    return out


def best_quantity(text: str) -> Quantity | None:
    """The quantity a pledge is about: the last one after "to" ("from 20% to 10%"), else the first."""
    found = find_quantities(text)
    if not found:
        return None
    for s, _e, q in found:
        if re.search(r"\bto\s*$", text[:s]) or re.search(r"\bto\s+(about|around|roughly|at least|some)\s*$", text[:s]):
            return q
    return found[0][2]


def same_unit(a: Quantity | None, b: Quantity | None) -> bool:
    return bool(a and b and a.unit and a.unit == b.unit and a.value is not None and b.value is not None)
