"""Word lists in gaiko/data are words: YAML 1.1 reads a bare on, off, yes or no as a boolean, so an unquoted
"on" in a list silently drops the word (found in three lists on 2026-11-30: the pledge tracker's stopwords, the
cluster referents' stop words and the month-name trap's date words)."""

from pathlib import Path

import pytest

from gaiko.tables import data_path, load_yaml

FILES = sorted(Path(data_path("")).rglob("*.yaml"))


def _booleans_in_lists(x, where: str):
    if isinstance(x, list) and any(isinstance(v, bool) for v in x):
        yield where
    for k, v in (x.items() if isinstance(x, dict) else enumerate(x) if isinstance(x, list) else ()):
        yield from _booleans_in_lists(v, f"{where}.{k}" if isinstance(x, dict) else where)


def test_there_are_data_files():
    assert len(FILES) > 10


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(data_path(""))))
def test_no_yaml_boolean_in_a_word_list(path):
    bad = sorted(set(_booleans_in_lists(load_yaml(path), path.name)))
    assert not bad, f"a YAML boolean in a word list (quote the word): {bad}"


def test_the_fixed_lists_hold_on():
    from gaiko.tables import load_yaml as ly

    assert "on" in ly(data_path("pledges/relations.yaml"))["stopwords"]
    assert "on" in ly(data_path("clusters.yaml"))["referent"]["words"]["stop"]
    assert "on" in ly(data_path("primary/retype.yaml"))["date_words"]
