"""Lead fix after round b29 (F1): a second Ctrl-C while `gaiko import` tells the first must not replace its message.

b29 found that a double Ctrl-C during an import's clustering printed "nothing of FOLDER was stored (it was stopped
before the import began)" for a store that held every event: the second KeyboardInterrupt, raised while the first
was unwound, reached the CLI bare. The importer is replaced here by one that is stopped by a real SIGINT and is
sent a second one while its stop is being raised; the CLI must print the first stop's words.
"""

from __future__ import annotations

import os
import signal
import time

import pytest
from typer.testing import CliRunner

from gaiko.cli import app

STORED = "the import of parts was stored whole (the run is marked finished) but clustering its events was cut short"


def _sleep_for_signal(seconds: float = 1.0) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:  # the handler runs between bytecodes
        time.sleep(0.01)


def _fake_import(store, folder, *, partial=False, track=True):  # noqa: ANN001 - the importer's signature
    try:
        os.kill(os.getpid(), signal.SIGINT)  # the first Ctrl-C, while the events are clustered
        _sleep_for_signal()
    except KeyboardInterrupt:
        try:
            raise KeyboardInterrupt(STORED) from None
        finally:
            os.kill(os.getpid(), signal.SIGINT)  # the second, while the first is being told
            _sleep_for_signal(0.3)
    raise AssertionError("the first SIGINT was not raised")


@pytest.mark.skipif(not hasattr(signal, "SIGINT") or os.name != "posix", reason="POSIX signals")
def test_second_ctrl_c_keeps_the_first_message(tmp_path, monkeypatch):
    import gaiko.importer as importer

    monkeypatch.setattr(importer, "check_folder", lambda folder, partial=False: None)
    monkeypatch.setattr(importer, "import_parquet", _fake_import)
    before = signal.getsignal(signal.SIGINT)
    result = CliRunner().invoke(app, ["import", str(tmp_path / "parts"), "--db", str(tmp_path / "s.duckdb")])
    assert result.exit_code == 130, result.output
    assert "stored whole" in result.output
    assert "nothing of" not in result.output
    assert signal.getsignal(signal.SIGINT) is before  # the CLI's handler is undone


def test_catch_sigint_raises_once_then_notes(monkeypatch):
    from gaiko.runner_signals import catch_sigint

    before = signal.getsignal(signal.SIGINT)
    undo = catch_sigint()
    try:
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
            _sleep_for_signal()
        os.kill(os.getpid(), signal.SIGINT)  # noted, not raised
        _sleep_for_signal(0.2)
    finally:
        undo()
    assert signal.getsignal(signal.SIGINT) is before
    undo = catch_sigint()  # a new command raises again
    try:
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
            _sleep_for_signal()
    finally:
        undo()
