"""Word vectors in linking (issue 14, p15): a noun near the pledge object's head in meaning names the object.

A tiny table of our own stands in for the shipped one (gaiko/data/pledges/word_vectors.npz), so the tests say what
the mechanism does, not what MiniLM happens to put near a word."""

from __future__ import annotations

import numpy as np
import pytest

from gaiko.learn.wordvectors import quantise
from gaiko.tracking import normalise, vectors
from gaiko.tracking.decide import Report, decide
from gaiko.tracking.lexicon import lexicon


def _table(tmp_path):
    words = ["troops", "platoon", "infantry", "regiment", "dumpling", "budget", "outlay", "legislation", "law"]
    base = {"troops": [1, 0, 0, 0], "platoon": [0.95, 0.3, 0, 0], "infantry": [0.9, 0.42, 0, 0],
            "regiment": [0.6, 0.8, 0, 0], "dumpling": [0, 0, 1, 0], "budget": [0, 0, 0.2, 1],
            "outlay": [0, 0, 0.35, 0.95], "legislation": [0, 1, 0, 0.05], "law": [0, 0.98, 0, 0.2]}
    m = np.array([base[w] for w in words], dtype=np.float32)
    q, scale = quantise(m)
    path = tmp_path / "wv.npz"
    np.savez_compressed(path, words=np.frombuffer("\n".join(words).encode(), dtype=np.uint8), vectors=q, scale=scale,
                        flags=np.array([1] * len(words), dtype=np.uint8))
    return path


@pytest.fixture()
def table(tmp_path, monkeypatch):
    wv = vectors.WordVectors.load(_table(tmp_path))
    monkeypatch.setattr(vectors, "word_vectors", lambda: wv)
    monkeypatch.setattr(vectors, "settings", lambda: {"object_threshold": 0.9, "object_top": 8, "general": frozenset()})
    vectors.neighbours.cache_clear()
    vectors._KIN.clear()
    normalise._PREPARED.clear()
    yield wv
    vectors.neighbours.cache_clear()
    vectors._KIN.clear()
    normalise._PREPARED.clear()


def _frame(action, actor="AUS"):
    m = {"id": "x", "article_id": "a", "sentence_index": 0, "sentence": action, "published": "2026-01-10",
         "actor": {"text": actor, "country": actor, "sector": "GOV"}, "target": None, "action": action,
         "kind": "promise", "event_type": None, "quantity": None, "deadline": None}
    return normalise.frame([normalise.prepare(m)])


def test_quantised_table_round_trip(tmp_path):
    wv = vectors.WordVectors.load(_table(tmp_path))
    assert wv.near("troops", 0.9, 5) and wv.near("troops", 0.9, 5)[0][0] == "platoon"
    assert [w for w, _s in wv.near("troops", 0.9, 5)] == ["platoon", "infantry"]  # regiment is below 0.9
    assert wv.near("nosuchword", 0.1, 5) == ()


def test_bad_table_is_a_data_file_error(tmp_path):
    from gaiko.errors import DataFileError

    bad = tmp_path / "bad.npz"
    np.savez(bad, words=np.zeros(3, dtype=np.uint8))
    with pytest.raises(DataFileError):
        vectors.WordVectors.load(bad)


def test_near_noun_names_the_object(table):
    f = _frame("deploy 300 troops to the island by June")
    assert {"platoon", "infantry"} <= f.near and "regiment" not in f.near
    r = Report(text="A platoon of Australian infantry arrived on the island on Monday.", published="2026-03-01",
               sides=frozenset({"AUS"}))
    assert decide(f, r).relation not in ("unrelated",)


def test_without_vectors_the_same_report_is_unrelated(tmp_path, monkeypatch):
    monkeypatch.setattr(vectors, "settings", lambda: {"object_threshold": 2.0, "object_top": 8, "general": frozenset()})
    vectors._KIN.clear()
    normalise._PREPARED.clear()
    f = _frame("deploy 300 troops to the island by June")
    r = Report(text="A platoon of Australian infantry arrived on the island on Monday.", published="2026-03-01",
               sides=frozenset({"AUS"}))
    assert decide(f, r).relation == "unrelated"
    normalise._PREPARED.clear()


def test_lookalike_far_noun_stays_unrelated(table):
    f = _frame("deploy 300 troops to the island by June")
    r = Report(text="Australia shipped 300 dumplings to the island on Monday.", published="2026-03-01",
               sides=frozenset({"AUS"}))
    assert decide(f, r).relation == "unrelated"


def test_lookalike_near_noun_inside_an_actor_name_is_who_not_what(table):
    f = _frame("deploy 300 troops to the island by June")
    text = "Infantry engineers repaired the airstrip on Monday."
    r = Report(text=text, published="2026-03-01", sides=frozenset({"AUS"}), actors=((0, 18, "AUS"),))
    assert decide(f, r).relation == "unrelated"


def test_concept_words_are_never_vector_kin(table):
    # "law" and "legislation" are near in the table, but a word of the concept tables keeps its concept
    lex = lexicon()
    assert all(":" not in k for k in vectors.vector_kin("budget", lex))
