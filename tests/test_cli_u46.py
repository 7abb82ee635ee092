"""Round u46 (b45 S4): ``gaiko events`` says, in one line on stderr, that ``--json`` / ``gaiko export`` give whole
rows when its table is narrower than its cells; a table that fits says nothing."""

from __future__ import annotations

import pytest
from serve_data import fixture_store


@pytest.fixture(scope="module")
def db(tmp_path_factory, coder) -> str:
    return str(fixture_store(tmp_path_factory.getbasetemp(), coder, "u46-cli"))


def _events(db: str, monkeypatch, width: int):
    from typer.testing import CliRunner

    import gaiko.cli.common as common
    from gaiko.cli import app

    monkeypatch.setattr(common, "_table_width", lambda: width)
    out = CliRunner().invoke(app, ["events", "--db", db, "--limit", "5"])
    assert out.exit_code == 0, out.output
    return out


def test_a_narrow_table_points_to_whole_rows(db, monkeypatch) -> None:
    out = _events(db, monkeypatch, 60)
    notes = [x for x in out.stderr.splitlines() if "whole rows" in x]
    assert len(notes) == 1 and "--json" in notes[0] and "gaiko export" in notes[0], out.stderr
    assert "whole rows" not in out.stdout


def test_a_table_that_fits_says_nothing(db, monkeypatch) -> None:
    out = _events(db, monkeypatch, 1000)
    assert "whole rows" not in out.stderr + out.stdout


def test_table_too_narrow() -> None:
    from gaiko.cli.common import table_too_narrow

    rows = [{"a": "x" * 50, "b": "y" * 50}]
    assert not table_too_narrow([], ["a"])
    assert table_too_narrow(rows * 2, ["a", "b", "a", "b"])  # 4 x 53 + 1 > 160 (piped)
    assert not table_too_narrow(rows, ["a", "b"])
