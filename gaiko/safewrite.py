"""Write a whole text file or leave the old one: the text goes to a file beside ``path`` under another name and is
moved over ``path`` once written, as :func:`gaiko.export.export` does (round n39). Round r31 (b29 F3): `gaiko overrules
export` opened its FILE with ``open(path, "w")``, so a full disk cut an earlier backup of hand decisions to 4,096
bytes of the new one, and left a 0-byte file where none was."""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["replace_text"]


def replace_text(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` whole, or leave ``path`` as it was (absent, or its old content).

    A symbolic link stays a link (its target is replaced) and an existing file's permissions carry over. A path that
    exists and is no regular file (a named pipe, ``/dev/stdout``, ``/dev/null``) is written straight into.
    Raises OSError when the text cannot be written (the partial file is removed first)."""
    out = Path(path)
    try:
        mode = out.stat().st_mode
    except OSError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        with open(out, "w", encoding="utf-8") as fh:
            fh.write(text)
        return
    target = out.resolve() if out.is_symlink() else out
    part = target.with_name(f".{target.name}.partial-{os.getpid()}")
    try:
        with open(part, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(part, stat.S_IMODE(target.stat().st_mode))
        os.replace(part, target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
