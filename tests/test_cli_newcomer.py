"""What a newcomer found on the command line (brief n22): each test failed before its fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest


@pytest.fixture()
def cli(capsys):
    """Run the gaiko executable's main() in this process: (exit code, stdout, stderr)."""
    from gaiko.cli import main

    def run(*args: object) -> tuple[int, str, str]:
        with pytest.raises(SystemExit) as exc:
            main([str(a) for a in args])
        out = capsys.readouterr()
        return exc.value.code, out.out, out.err

    return run


def test_an_empty_jsonl_file_fails_as_an_empty_text_file_does(cli, tmp_path: Path) -> None:
    seen = {}
    for name in ("empty.txt", "empty.jsonl"):
        (tmp_path / name).write_text("")
        code, out, err = cli("code", tmp_path / name, "--db", tmp_path / f"{name}.duckdb", "--json")
        summary = json.loads(out)
        seen[name] = (code, summary["articles"], summary["errors"],
                      [(e["reason"], e["detail"]) for e in summary["errors_detail"]])
    assert seen["empty.jsonl"] == seen["empty.txt"] == (1, 0, 1, [("empty", "file is empty")])


def test_a_missing_input_is_refused_before_the_store_is_created(cli, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Japan met China in Beijing on Monday.")
    db = tmp_path / "new.duckdb"
    for paths in ([tmp_path / "nope.txt"], [good, tmp_path / "nope.txt"]):
        code, out, err = cli("code", *paths, "--db", db)
        assert code == 2 and "Traceback" not in err, err
        [line] = [ln for ln in err.splitlines() if ln.strip()]
        assert line.startswith("Error: no such file or directory: ") and "nope.txt" in line, line
        assert not db.exists() and not list(tmp_path.glob("new.duckdb*"))
    code, out, err = cli("code", tmp_path / "nope.txt", "--db", db, "--json")
    assert code == 2 and json.loads(out)["error"] == "InputRejected" and not db.exists()
