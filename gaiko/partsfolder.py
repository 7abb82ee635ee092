"""The output folder of `gaiko code --engine ray`: made, refused when not empty, or emptied with --overwrite.

``--overwrite`` empties only a folder that holds nothing but what a ray run writes (``_SUCCESS.json`` and one folder
per table of ``part-*.parquet`` files, with their temporary names): a folder that holds the run's inputs or any
other file is refused with the first such path named, so a mistyped ``--out`` never deletes someone's files.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from pathlib import Path

from .errors import ConfigError

__all__ = ["prepare_out", "foreign_entry", "is_uri"]

MANIFEST = "_SUCCESS.json"
#: a part, or a part being written (``.part-<key>.parquet.<8 hex>.tmp``)
_PART = re.compile(r"^\.?part-[^/]+\.parquet(\.[0-9a-f]{8}\.tmp)?$")


def is_uri(path: str) -> bool:
    """A remote location (``s3://...``, ``gs://...``); ``file://`` paths are local."""
    return "://" in path and not path.startswith("file://")


def foreign_entry(folder: Path) -> Path | None:
    """The first entry (in name order) of ``folder`` that a ray run does not write, or None."""
    for entry in sorted(folder.iterdir()):
        if entry.name == MANIFEST and entry.is_file():
            continue
        if entry.is_dir() and not entry.is_symlink():
            for child in sorted(entry.iterdir()):
                if not (child.is_file() and _PART.match(child.name)):
                    return child
            continue
        return entry
    return None


def prepare_out(out: str, overwrite: bool, inputs: Sequence[str] = ()) -> None:
    """Make the local folder ``out``; a non-empty one is refused, or emptied with ``overwrite`` when it holds only
    a ray run's output (not one of ``inputs``, nothing else). Remote URIs are left as they are.

    Raises :class:`~gaiko.errors.ConfigError` naming what it refused to delete.
    """
    if is_uri(out):
        return
    path = Path(out.removeprefix("file://"))
    if path.exists() and any(path.iterdir()):
        if not overwrite:
            raise ConfigError(f"{out} is not empty; choose a new --out folder or pass --overwrite")
        held = [p for p in inputs if not is_uri(p) and path.resolve() in Path(p.removeprefix("file://")).parents]
        if held:
            raise ConfigError(f"--out {out} holds the input {held[0]} ({len(held)} in all): --overwrite would delete "
                              "it before it is read; give a new --out folder")
        other = foreign_entry(path)
        if other is not None:
            raise ConfigError(f"--out {out} holds {other}, which no gaiko ray run wrote: --overwrite only empties a "
                              "folder of gaiko's Parquet parts; give a new --out folder or remove it yourself")
        for child in path.iterdir():
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
    path.mkdir(parents=True, exist_ok=True)
