"""Which ``--out`` names an export is written under, in which format, and which are refused with a name to use.

The suffix tables are data (``gaiko/data/export/out_names.yaml``, with their sources), read once per process by
:func:`out_names`; they were Python literals in :mod:`gaiko.export` (rounds r27, r28 and the lead's fixes after
b28) until round r30, which moved them here unchanged.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import ConfigError, DataFileError
from .tables import data_path, load_yaml

__all__ = ["FORMATS", "OutNames", "out_names", "export_format", "refuse_unwritten", "is_stdout", "special_file"]

FORMATS = ("jsonl", "csv", "parquet")
_FILE = "export/out_names.yaml"


@dataclass(frozen=True)
class OutNames:
    """The tables of ``gaiko/data/export/out_names.yaml`` (suffixes lower case, with their dot).

    ``formats``: suffix -> export format it names; ``foreign``: suffix -> what a file of that name is (a format no
    export is written in); ``packed``: the foreign suffixes of compressed files and archives; ``other``: other
    known formats' suffixes, refused too; ``stores``: DuckDB store suffixes; ``said``: suffix -> what a refusal
    calls it; ``stdout``: names that are the process's own standard output."""

    formats: dict[str, str]
    foreign: dict[str, str]
    packed: frozenset[str]
    other: frozenset[str]
    stores: tuple[str, ...]
    said: dict[str, str]
    stdout: frozenset[str]

    def known_other(self, suffix: str) -> bool:
        """Whether ``suffix`` names a known format that is no export's (foreign, other or a store)."""
        return suffix in self.foreign or suffix in self.other or suffix in self.stores


@lru_cache(maxsize=1)
def out_names() -> OutNames:
    """The ``--out`` name tables, read once. Raises :class:`DataFileError` when the file lacks a table or holds a
    value that is not a string."""
    path = data_path(_FILE)
    raw = load_yaml(path)
    maps = ("formats", "foreign", "said")
    lists = ("packed", "other", "stores", "stdout")
    if not isinstance(raw, dict) or any(k not in raw for k in maps + lists):
        raise DataFileError(str(path), f"expected a mapping with {', '.join(maps + lists)}")
    for key in maps:
        if not isinstance(raw[key], dict) or not all(isinstance(v, str) for v in [*raw[key], *raw[key].values()]):
            raise DataFileError(str(path), f"{key}: expected a mapping of strings to strings")
    for key in lists:
        if not isinstance(raw[key], list) or not all(isinstance(v, str) for v in raw[key]):
            raise DataFileError(str(path), f"{key}: expected a list of strings")
    return OutNames(formats=dict(raw["formats"]), foreign=dict(raw["foreign"]), packed=frozenset(raw["packed"]),
                    other=frozenset(raw["other"]), stores=tuple(raw["stores"]), said=dict(raw["said"]),
                    stdout=frozenset(raw["stdout"]))


def is_stdout(out: str | Path) -> bool:
    """Whether ``out`` is ``-`` or a name of the process's own standard output (``/dev/stdout``, round b28)."""
    return str(out) == "-" or str(out) in out_names().stdout


def special_file(out: Path) -> bool:
    """True when ``out`` exists and is no regular file: a named pipe, ``/dev/stdout`` (a pipe or a terminal),
    ``/dev/null``, a character device."""
    try:
        mode = out.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def export_format(fmt: str | None, out: str | Path) -> str:
    """The format an export to ``out`` is written in: ``fmt`` when given, else the one ``out``'s suffix names
    (``.csv``, ``.parquet``/``.pq``, ``.jsonl``/``.ndjson``), else ``jsonl``.

    Raises ConfigError for an unknown ``fmt``, or a ``fmt`` that contradicts the suffix (``--format jsonl --out
    events.csv`` would leave JSON lines in a file every CSV reader takes for a table)."""
    stream = is_stdout(out)
    suffix = Path(str(out)).suffix.lower() if not stream else ""
    if (not stream and suffix not in out_names().stores and not special_file(Path(str(out)))  # a store is named once
            and not Path(str(out)).is_dir()):  # the export opens it; a directory is told so by export_events
        refuse_unwritten(out, suffix, fmt)  # a pipe or device is no file a reader opens
    named = None if stream else _named_format(Path(str(out)))
    if fmt is None:
        return named or "jsonl"
    if fmt.strip().lower() in FORMATS:  # in any case (round r33, b30 F7: `--format CSV` was refused)
        fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if named and named != fmt:
        raise ConfigError(f"--out {out} names a {named} file but --format is {fmt}; drop --format (the suffix "
                          f"decides) or give --out a .{fmt} name")
    return fmt


def _named_format(out: Path) -> str | None:
    """The export format ``out``'s name gives: its last suffix's, or, when that suffix names no known format
    (``events.csv.tmp``, ``events.csv.bak``), the one before it's; None when neither names one."""
    names = out_names()
    suffixes = [x.lower() for x in out.suffixes]
    if suffixes and suffixes[-1] in names.formats:
        return names.formats[suffixes[-1]]
    if len(suffixes) > 1 and not names.known_other(suffixes[-1]):
        return names.formats.get(suffixes[-2])
    return None


def refuse_unwritten(out: str | Path, suffix: str, fmt: str | None) -> None:
    """ConfigError for an ``out`` no export should be written under, with the name to use (round r28, from b27's
    F4: ``.xlsm``, ``.tab``, ``.txt``, ``.json``, ``.tgz``, ``.7z`` got JSON lines, a reader of that kind refusing
    them). Allowed: the suffixes of ``formats`` and a name with no suffix (``/dev/stdout``, a file named
    ``events``; an existing pipe or device of any name is never checked: :func:`special_file`); a name ending in a
    space or dot is refused too (Windows drops them, so the file another program looks for is not the one written)."""
    names = out_names()
    name = Path(str(out)).name
    if name and name != name.rstrip(" ."):
        fixed = Path(str(out)).with_name(name.rstrip(" .") or f"events.{fmt or 'jsonl'}")
        raise ConfigError(f"--out {str(out)!r} ends in a {'space' if name.endswith(' ') else 'dot'}, which Windows "
                          f"drops from file names (and a shell or script easily loses); use --out {fixed}")
    if not suffix or suffix in names.formats or not names.known_other(suffix):  # (a dot file such as .events has no
        return  # suffix; one of no known format, .tmp or a date's .03, is a name the user chose)
    if suffix in names.foreign:
        _refuse_foreign(out, suffix)
    ext = {"jsonl": ".jsonl", "csv": ".csv", "parquet": ".parquet"}.get(fmt or "jsonl", ".jsonl")
    say = names.said.get(suffix, f"a {suffix} file, which an export is not written as")
    raise ConfigError(f"--out {out} names {say} (CSV, Parquet or JSON Lines: .csv, .parquet, .jsonl); use --out "
                      f"{Path(str(out)).with_suffix(ext)}")


def _refuse_foreign(out: str | Path, suffix: str) -> None:
    """ConfigError for an ``out`` whose suffix names a format no export is written in, with the name to use."""
    names = out_names()
    base = Path(str(out))
    packed = base.with_suffix("") if suffix in names.packed else None
    if packed is not None and packed.suffix.lower() in names.formats:  # events.csv.gz: the export, then pack it
        then = f"write --out {packed} and compress it afterwards"
    else:
        then = (f"use --out {(packed or base).with_suffix('.csv')} (opens in Excel, LibreOffice, R and pandas), "
                ".parquet or .jsonl")
    raise ConfigError(f"--out {out} names {names.foreign[suffix]}, which an export is not written as (CSV, "
                      f"Parquet or JSON Lines); {then}")
