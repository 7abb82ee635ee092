"""Round r37: what newcomer round b33 found on the surfaces (F16-F20; exact: nothing coded or tracked changes)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

ROOT = Path(__file__).resolve().parent.parent


def _doc(name: str) -> str:
    return " ".join((ROOT / name).read_text(encoding="utf-8").split())  # lines joined: phrases wrap anywhere


# -- F16: the README's read-only line says what works while `gaiko code` writes ---------------------------------------
def test_the_readme_says_what_a_writer_leaves_working_and_links_store_md() -> None:
    text = _doc("README.md")
    assert "can read it too" not in text  # read as "while coding" (b33 F16)
    assert "every other process that opens it is refused, readers included" in text
    assert '"in use by another process (PID ...)"' in text  # the one line a reader is told
    assert "DuckDB lets one process write a file or several read it, never both at once" in text  # why
    assert "querying a copy" in text and "POST /api/v1/articles" in text  # what works meanwhile
    assert "docs/store.md#one-writer" in text and "## One writer" in (ROOT / "docs/store.md").read_text()
