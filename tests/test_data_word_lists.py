"""Word tables are data files read through gaiko.tables.word_lists / word_sets (round x15): once, lazily, and a YAML
boolean in a list (an unquoted no/on/off) is an error naming the file, not a silently missing word."""

import subprocess
import sys

import pytest

from gaiko import tables
from gaiko.errors import DataFileError

MOVED = ["pledges/action_words.yaml", "pledges/object_head.yaml", "pledges/participles.yaml",
         "pledges/clause_choice.yaml", "pledges/clause_words.yaml", "actors/wording.yaml", "actors/place_words.yaml",
         "actors/person_words.yaml", "actors/mention_words.yaml", "typemodel/feature_words.yaml",
         "language/role_words.yaml", "pledges/document_nouns.yaml", "pledges/money_verbs.yaml",
         "pledges/partial_words.yaml", "actors/not_sport.yaml", "pledges/party_stop.yaml",
         "pledges/wish_words.yaml", "dates/date_words.yaml", "places/place_nouns.yaml", "primary/modal_words.yaml",
         "primary/cease_verbs.yaml", "pledges/relation_features.yaml"]


@pytest.fixture
def fresh_cache():
    tables.word_lists.cache_clear()
    tables.word_sets.cache_clear()
    yield
    tables.word_lists.cache_clear()
    tables.word_sets.cache_clear()


@pytest.mark.parametrize("name", MOVED)
def test_moved_tables_load_as_lists_of_words(name):
    lists = tables.word_lists(name)
    assert lists and all(words and all(isinstance(w, str) and w for w in words) for words in lists.values())
    assert tables.word_sets(name) == {k: frozenset(v) for k, v in lists.items()}


def test_an_unquoted_yaml_boolean_is_an_error(tmp_path, monkeypatch, fresh_cache):
    (tmp_path / "w.yaml").write_text("# source: a test\nwords: [by, within, no, until]\n", encoding="utf-8")
    monkeypatch.setattr(tables, "data_path", lambda name: tmp_path / name)
    with pytest.raises(DataFileError, match="quote it"):
        tables.word_lists("w.yaml")


def test_lists_keep_file_order_and_quoted_words(tmp_path, monkeypatch, fresh_cache):
    (tmp_path / "w.yaml").write_text('words: [until, "no", "on", by]\n', encoding="utf-8")
    monkeypatch.setattr(tables, "data_path", lambda name: tmp_path / name)
    assert tables.word_lists("w.yaml") == {"words": ("until", "no", "on", "by")}


def test_importing_the_coder_reads_no_word_list():
    code = ("import gaiko.coder, gaiko.tracking, gaiko.learn.train, gaiko.actors.persons, gaiko.actors.mentions\n"
            "import gaiko.tracking.quantities as q\n"
            "from gaiko.tables import word_lists\n"
            "print(word_lists.cache_info().currsize, q._words.cache_info().currsize)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0 0", out.stdout + out.stderr


def test_quantity_words_keep_their_order_and_types():
    from gaiko.tracking.quantities import _words, find_quantities

    w = _words()
    assert list(w.currency_words)[:2] == ["dollars", "dollar"] and w.scale["bn"] == 1e9 and w.word_numbers["dozen"] == 12
    assert [q.unit for _s, _e, q in find_quantities("about 3 bn euros and a dozen... four new bridges")] == ["EUR", "bridges"]
