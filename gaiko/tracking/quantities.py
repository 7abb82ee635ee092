"""Quantities in pledge text: "2% of GDP", "$550 billion", "12 million tonnes".

Pure regular expressions over text (no parse needed), so the tracker can use
them on stored sentences too. Values are plain numbers (550e9 for "$550
billion"); units are normalised ("USD", "JPY", "% of GDP", "tonnes").
"""

from __future__ import annotations

import re

from ..types import Quantity

__all__ = ["find_quantities", "best_quantity", "same_unit"]

_SCALE = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "tr": 1e12}
_CURRENCY_SYM = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "yuan": "CNY", "rmb": "CNY", "cny": "CNY"}
_CURRENCY_WORD = {"dollars": "USD", "dollar": "USD", "yen": "JPY", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "yuan": "CNY", "renminbi": "CNY", "won": "KRW", "rupees": "INR", "roubles": "RUB", "rubles": "RUB"}
def _load_units() -> dict[str, str]:
    """Units of counted quantities (``pledges/units.yaml``): phrase -> the unit compared."""
    from ..tables import data_path, load_yaml

    data = load_yaml(data_path("pledges/units.yaml")) or {}
    return {str(k).lower(): str(v) for k, v in (data.get("units") or {}).items()}


_UNITS = _load_units()
_NUM = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_SCALE_RE = r"(?:\s*(thousand|million|billion|trillion|mn|bn|tn|tr|m|b)\b)?"
_PCT = re.compile(rf"{_NUM}\s*(?:%|per ?cent\b)(\s+of\s+(?:its\s+|the\s+country's\s+)?(?:gdp|gross domestic product|gni|national income))?", re.I)
_MONEY_SYM = re.compile(rf"(us\$|\$|€|£|¥)\s?{_NUM}{_SCALE_RE}", re.I)
_MONEY_WORD = re.compile(rf"{_NUM}{_SCALE_RE}\s+(?:(?:u\.s\.|us|american|japanese)\s+)?({'|'.join(_CURRENCY_WORD)})\b", re.I)
_COUNT = re.compile(rf"{_NUM}{_SCALE_RE}\s+(?:[a-z]+\s+){{0,2}}?({'|'.join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))})(?![\w-])", re.I)


_COUNT_ANY = re.compile(rf"\b{_NUM}{_SCALE_RE}\s+(?:[a-z-]+\s+){{0,2}}?([a-z]{{3,}}s)\b", re.I)
_NOT_UNITS = frozenset({"years", "months", "weeks", "days", "hours", "minutes", "times", "percent", "decades", "seconds",
                        "points", "miles", "kilometres", "kilometers", "was", "has", "is", "this", "its", "his", "as"})


_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                 "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
                 "hundred": 100, "dozen": 12}
_COUNT_WORD = re.compile(rf"\b({'|'.join(_WORD_NUMBERS)})\s+(?:[a-z-]+\s+){{0,2}}?([a-z]{{3,}}s)\b", re.I)


def _value(num: str, scale: str | None) -> float:
    v = float(num.replace(",", ""))
    return v * _SCALE.get((scale or "").lower(), 1.0)


def find_quantities(text: str, offset: int = 0) -> list[tuple[int, int, Quantity]]:
    """Every quantity in ``text`` as (start, end, Quantity), offsets shifted by ``offset``."""
    out: list[tuple[int, int, Quantity]] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], q: Quantity) -> None:
        if any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        out.append((m.start() + offset, m.end() + offset, q))

    for m in _PCT.finditer(text):
        unit = "% of GDP" if m.group(2) else "%"
        add(m, Quantity(text=m.group(0).strip(), value=float(m.group(1).replace(",", "")), unit=unit))
    for m in _MONEY_SYM.finditer(text):
        add(m, Quantity(text=m.group(0).strip(), value=_value(m.group(2), m.group(3)), unit=_CURRENCY_SYM[m.group(1).lower()]))
    for m in _MONEY_WORD.finditer(text):
        add(m, Quantity(text=m.group(0).strip(), value=_value(m.group(1), m.group(2)), unit=_CURRENCY_WORD[m.group(3).lower()]))
    for m in _COUNT.finditer(text):
        if re.fullmatch(r"(19|20)\d\d", m.group(1)) and not m.group(2):
            continue  # a year, not a count
        add(m, Quantity(text=m.group(0).strip(), value=_value(m.group(1), m.group(2)), unit=_UNITS[m.group(3).lower()]))
    for m in _COUNT_ANY.finditer(text):  # "40 new schools": any plural noun counts things
        unit = m.group(3).lower()
        if unit in _NOT_UNITS or (re.fullmatch(r"(19|20)\d\d", m.group(1)) and not m.group(2)):
            continue
        add(m, Quantity(text=m.group(0).strip(), value=_value(m.group(1), m.group(2)), unit=unit))
    for m in _COUNT_WORD.finditer(text):  # "four ageing coal-fired stations"
        unit = m.group(2).lower()
        if unit in _NOT_UNITS:
            continue
        add(m, Quantity(text=m.group(0).strip(), value=float(_WORD_NUMBERS[m.group(1).lower()]), unit=_UNITS.get(unit, unit)))
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
