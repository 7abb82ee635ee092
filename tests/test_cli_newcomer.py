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
