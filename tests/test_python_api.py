"""The public Python surface: small, typed, importable without heavy modules."""

from __future__ import annotations

import subprocess
import sys

import gaiko
from gaiko.types import Event


def test_public_surface_is_declared() -> None:
    for name in gaiko.__all__:
        assert hasattr(gaiko, name), name
    assert issubclass(gaiko.InputRejected, gaiko.GaikoError)
    assert issubclass(gaiko.SchemaError, gaiko.StoreError)


def test_import_is_light() -> None:
    """`import gaiko` must not pull in spaCy, DuckDB or FastAPI."""
    code = "import sys, gaiko; print(sorted(m for m in ('spacy', 'duckdb', 'fastapi', 'ray') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_code_text_returns_typed_events_without_a_store(coder, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = ("Japan's foreign minister met his Indian counterpart in New Delhi on Monday. "
            "China condemned the Philippines over the collision near the shoal.")
    events = gaiko.code_text(text, published="2025-11-05")
    assert events and all(isinstance(e, Event) for e in events)
    assert not list(tmp_path.iterdir())  # nothing written
    types = {e.event_type for e in events}
    assert "ACCUSE" in types
    for e in events:
        assert text[e.trigger_start:e.trigger_end] == e.trigger
        assert e.coder_version.startswith("gaiko-")
        assert e.date is not None and e.date <= "2025-11-05"


def test_open_store_roundtrip(tmp_path) -> None:
    from helpers import make_coded

    with gaiko.open(str(tmp_path / "x.duckdb")) as store:
        store.write_coded([make_coded("Japan protested to China about the survey ship.")])
        rows = store.events(source="JPN")
        assert sorted(r["event_type"] for r in rows) == ["ACCUSE", "CONSULT"]
        assert store.event(rows[0]["id"])["sentence"].startswith("Japan protested")


def test_records_to_dict_equal_dataclasses_asdict(takaichi):
    import dataclasses

    assert takaichi.to_dict() == dataclasses.asdict(takaichi)
    assert takaichi.pledges[0].to_dict() == dataclasses.asdict(takaichi.pledges[0])
