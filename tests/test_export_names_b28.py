"""Export names round b28 found refused or mishandled after round r28's allow-list (lead, session 28).

- An existing folder whose name has a dot (``exports.d``, ``run.2025-11-03/``, ``..``) was told it "names a .d file"
  and given a file name beside it; it is a directory and is told so, with a name inside it.
- Names of no known format (``events.jsonl.tmp`` a script renames later, ``events.2025.11.03``, ``report-1.5``) were
  refused, with suggested names that dropped part of the name; they are written, in the format of the suffix before
  the unknown one when there is one (``events.csv.tmp`` gets CSV). Names of other known formats stay refused.
- ``--out /dev/stdout >> app.log`` replaced the file the shell appends to (the export reopened it and moved a finished
  file over it); the process's own standard output is written as ``--out -`` is.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("folder", ["exports.d", "run.2025-11-03"])
def test_an_existing_folder_with_a_dot_is_told_it_is_a_directory(cli, tmp_path: Path, folder: str) -> None:
    from helpers import two_event_store

    db = two_event_store(tmp_path / "e.duckdb")
    (tmp_path / folder).mkdir()
    code, out, err = cli("export", "--db", db, "--out", str(tmp_path / folder) + "/")
    assert code == 2 and "is a directory" in err and str(tmp_path / folder / "events.jsonl") in err, err
    assert list((tmp_path / folder).iterdir()) == []


def test_dot_dot_is_a_directory_not_a_name_ending_in_a_dot(cli, tmp_path: Path) -> None:
    from helpers import two_event_store

    db = two_event_store(tmp_path / "e.duckdb")
    (tmp_path / "sub").mkdir()
    code, out, err = cli("export", "--db", db, "--out", str(tmp_path / "sub" / ".."))
    assert code == 2 and "is a directory" in err and "Windows" not in err, err


@pytest.mark.parametrize("name, first", [("events.jsonl.tmp", "{"), ("events.csv.tmp", "cluster_id,"),
                                         ("events.csv.bak", "cluster_id,"), ("events.2025.11.03", "{"),
                                         ("report-1.5", "{"), ("events.out", "{")])
def test_names_of_no_known_format_are_written(cli, tmp_path: Path, name: str, first: str) -> None:
    from helpers import two_event_store

    db = two_event_store(tmp_path / "e.duckdb")
    code, out, err = cli("export", "--db", db, "--out", tmp_path / name)
    assert code == 0, err
    head = (tmp_path / name).read_text(encoding="utf-8").splitlines()[0]
    if first == "{":
        assert head.startswith("{"), head
    else:
        assert not head.startswith("{") and "cluster_id" in head.split(","), head


@pytest.mark.parametrize("name", ["events.xml", "events.html", "events.db", "events.yaml"])
def test_names_of_other_known_formats_stay_refused(cli, tmp_path: Path, name: str) -> None:
    from helpers import two_event_store

    db = two_event_store(tmp_path / "e.duckdb")
    code, out, err = cli("export", "--db", db, "--out", tmp_path / name)
    assert code == 2 and err.startswith("Error: --out ") and "Traceback" not in err, err
    assert not (tmp_path / name).exists()


@pytest.mark.skipif(not os.path.exists("/dev/stdout") or sys.platform == "win32", reason="needs /dev/stdout")
def test_dev_stdout_appended_by_the_shell_keeps_what_the_file_held(tmp_path: Path) -> None:
    from helpers import two_event_store

    db = two_event_store(tmp_path / "e.duckdb")
    log = tmp_path / "app.log"
    log.write_text("previous log line\n", encoding="utf-8")
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    cmd = f'"{sys.executable}" -m gaiko export --db "{db}" --out /dev/stdout >> "{log}"'
    done = subprocess.run(["sh", "-c", cmd], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "previous log line" and len(lines) > 1 and all(x.startswith("{") for x in lines[1:]), lines
