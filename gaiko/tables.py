"""Loaders for gaiko's data tables (``gaiko/data``), read once and cached.

Nothing is read at import time; every loader is called by the component or
command that needs it.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import DataFileError

__all__ = ["data_path", "load_yaml", "word_lists", "word_sets", "CameoCode", "cameo_table", "plover_table", "cameo_for", "quad_class_of", "plover_quad_class"]


def data_path(name: str) -> Path:
    """Path of a file shipped in ``gaiko/data``."""
    return Path(str(resources.files("gaiko") / "data" / name))


def load_yaml(path: str | Path) -> Any:
    """Read a YAML file, turning syntax errors into a :class:`DataFileError` naming the line."""
    p = Path(path)
    try:
        with p.open(encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except FileNotFoundError:
        raise DataFileError(str(p), "file not found; check the path") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataFileError(str(p), f"invalid YAML: {problem}", line) from None


@lru_cache(maxsize=None)
def word_lists(name: str) -> dict[str, tuple[str, ...]]:
    """The word lists of ``gaiko/data/NAME``: a YAML mapping of list name -> list of words or phrases, each list as a
    tuple of str in file order; read once, cached. Raises :class:`DataFileError` when the file is no such mapping or an
    entry is not a string (an unquoted ``no``/``on``/``off`` reads as a boolean in YAML: quote it)."""
    path = data_path(name)
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise DataFileError(str(path), "expected a mapping of list names to lists of words")
    out: dict[str, tuple[str, ...]] = {}
    for key, words in data.items():
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            bad = words if not isinstance(words, list) else next(w for w in words if not isinstance(w, str))
            raise DataFileError(str(path), f"{key}: expected a list of strings, found {bad!r} (quote it)")
        out[str(key)] = tuple(words)
    return out


@lru_cache(maxsize=None)
def word_sets(name: str) -> dict[str, frozenset[str]]:
    """:func:`word_lists` of ``gaiko/data/NAME`` with each list as a frozenset; cached. Same errors."""
    return {k: frozenset(v) for k, v in word_lists(name).items()}


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    goldstein: float | None
    plover_type: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]

    @property
    def root(self) -> str:
        return self.code[:2]


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    out: dict[str, CameoCode] = {}
    path = data_path("cameo.tsv")
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            ctx = tuple(c.strip() for c in (row["plover_context"] or "").split(";") if c.strip())
            out[row["code"]] = CameoCode(
                code=row["code"],
                name=row["name"],
                goldstein=float(row["goldstein"]) if row["goldstein"] else None,
                plover_type=row["plover_type"] or None,
                plover_mode=row["plover_mode"] or None,
                plover_context=ctx,
            )
    return out


@lru_cache(maxsize=1)
def plover_table() -> dict[str, dict[str, Any]]:
    data = load_yaml(data_path("plover.yaml"))
    if not isinstance(data, dict):
        raise DataFileError(str(data_path("plover.yaml")), "expected a mapping of PLOVER types")
    return data


def quad_class_of(cameo_root: str) -> int:
    """GDELT's quad class of a CAMEO root code (1..4): 01-05 verbal cooperation, 06-08 material
    cooperation, 09-13 verbal conflict, 14-20 material conflict (GDELT 2.0 event codebook)."""
    r = int(cameo_root[:2])
    if r <= 5:
        return 1
    if r <= 8:
        return 2
    if r <= 13:
        return 3
    return 4


def plover_quad_class(event_type: str) -> int:
    """The PLOVER quad category of an event type (1..4), from ``gaiko/data/plover.yaml``."""
    return int(plover_table()[event_type]["quad_class"])


def cameo_for(event_type: str, cameo_code: str | None = None) -> tuple[str, str, float | None, int, int]:
    """(root, code, goldstein, PLOVER quad class, GDELT quad class) for a PLOVER type and an optional
    specific CAMEO code (the type's default root code when ``cameo_code`` is unknown)."""
    table = cameo_table()
    code = cameo_code if cameo_code and cameo_code in table else str(plover_table()[event_type]["cameo"])
    entry = table[code]
    return entry.root, code, entry.goldstein, plover_quad_class(event_type), quad_class_of(entry.root)
