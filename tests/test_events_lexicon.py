"""Trigger lexicons: loading, validation errors, user extension files."""

from __future__ import annotations

from pathlib import Path

import pytest

from gaiko.errors import DataFileError
from gaiko.pipeline.triggers import load_lexicon


def test_bundled_lexicon_compiles():
    lex = load_lexicon()
    assert len(lex.entries) > 100
    assert "condemn" in lex.verbs and lex.verbs["condemn"][0].event_type == "ACCUSE"
    # more specific entries (with object constraints) are tried first
    impose = lex.verbs["impose"]
    assert all(a.specificity >= b.specificity for a, b in zip(impose, impose[1:]))
    assert lex.refine("threaten", "1723") == "1323"
    assert lex.refine("agree", "042") == "036"


def test_unknown_cameo_code_names_file(tmp_path: Path):
    f = tmp_path / "bad.yaml"
    f.write_text("entries:\n  - id: x.y\n    cameo: '999'\n    verbs: [frob]\n", encoding="utf-8")
    with pytest.raises(DataFileError) as ei:
        load_lexicon([f])
    assert "bad.yaml" in str(ei.value) and "999" in str(ei.value)


def test_unknown_field_rejected(tmp_path: Path):
    f = tmp_path / "bad.yaml"
    f.write_text("entries:\n  - id: x.y\n    cameo: '111'\n    verbz: [frob]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="verbz"):
        load_lexicon([f])


def test_broken_yaml_reports_line(tmp_path: Path):
    f = tmp_path / "broken.yaml"
    f.write_text("entries:\n  - id: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="broken.yaml"):
        load_lexicon([f])


def test_user_file_adds_trigger(tmp_path: Path, coder):
    from gaiko.pipeline.events import EventCoder
    from gaiko.pipeline.state import get_state

    f = tmp_path / "mine.yaml"
    f.write_text("entries:\n  - id: mine.snub\n    cameo: '110'\n    verbs: [snubx, upbraid]\n", encoding="utf-8")
    ec = EventCoder(trigger_files=(str(f),))
    assert "mine.snub" in ec.lex.entries
    doc = coder.nlp("Peru upbraided Bolivia on Monday.")
    state = get_state(doc)
    state.article_id = "t"
    ec(doc)
    assert [e.pattern for e in state.events] == ["mine.snub"]
