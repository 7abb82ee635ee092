"""Round p65: what the assigner (round p64) parses and encodes is kept in the store by an update (``assign_spans``,
``assign_vectors``, keyed by the text's hash), so a later update or ``compute_ledger`` neither parses nor encodes a
text again, with the same answers; ``compute_ledger`` writes nothing; with the assigner off nothing is kept.

A hand-set scorer as in round p64's tests; sentences are our own (no corpus text).
"""

from __future__ import annotations

import pytest

from gaiko.meaning import available
from gaiko.tracking import assign, assigncut, assignfeat, assignstore
from gaiko.tracking.assign import FEATURES, Assigner, use

needs_weights = pytest.mark.skipif(not available(), reason="the MiniLM weights are not installed")

_ARTS = [
    ("2026-03-02", "Peru will free the 30 Ecuadorian fishermen held in Tumbes by May, the interior minister said on "
                   "Monday."),
    ("2026-03-03", "Peru will reopen the Aguas Verdes border crossing to freight trucks by June, the transport minister "
                   "said on Tuesday."),
    ("2026-04-20", "Trucks rolled through Aguas Verdes again on Friday as Peru lifted the closure, officials said."),
    ("2026-05-02", "Peru raised the excise tax on imported cigarettes on Friday, the finance ministry said."),
]


def _hand() -> Assigner:
    w = {n: 0.0 for n in FEATURES}
    w.update({"obj_max": 4.0, "sent_cos": 4.0, "margin": 6.0})
    return Assigner(list(w), [w[n] for n in FEATURES], -4.5, threshold=0.5, margin=0.05)


def _store(tmp_path, coder, asg):
    import gaiko
    from gaiko.types import Article

    store = gaiko.open(str(tmp_path / "s.duckdb"))
    with use(asg):
        for d, t in _ARTS:
            coded = list(coder.code_articles([Article(text=t, published=d, source="Wire")]))
            store.write_coded(coded, None)
            gaiko.tracking.update_ledger(store)
    return store


def _tables(store) -> set[str]:
    return {r[0] for r in store.con.execute("SELECT table_name FROM duckdb_tables() WHERE NOT temporary").fetchall()}


def _view(entries):
    return sorted((e["id"], e["status"], [(x.get("relation"), x.get("note"), x.get("sentence_index"))
                                          for x in e["evidence"]]) for e in entries)


def _forget(monkeypatch):
    """A fresh process: nothing kept in memory, and any parse or encode fails the test."""
    monkeypatch.setattr(assignstore, "_VECS", {})
    monkeypatch.setattr(assignstore, "_SPANS", {})

    def no(*_a, **_k):
        raise AssertionError("parsed or encoded again")

    monkeypatch.setattr(assignstore, "parse_spans", no)
    monkeypatch.setattr("gaiko.meaning.encode", no)


@needs_weights
def test_an_update_keeps_spans_and_vectors_and_a_later_computation_reuses_them(tmp_path, coder, monkeypatch):
    import gaiko

    store = _store(tmp_path, coder, _hand())
    try:
        assert {"assign_spans", "assign_vectors"} <= _tables(store)
        n = store.con.execute("SELECT count(*) FROM assign_vectors").fetchall()[0][0]
        assert n > 0
        assert store.con.execute("SELECT count(*) - count(DISTINCT h) FROM assign_vectors").fetchall()[0][0] == 0
        with use(_hand()):
            before = _view(gaiko.tracking.compute_ledger(store))
            assert any(note and note.startswith("assigned") for _i, _s, evs in before for _r, note, _k in evs)
            _forget(monkeypatch)
            after = _view(gaiko.tracking.compute_ledger(store))  # reads the store only
            gaiko.tracking.update_ledger(store, full=True)  # a rebuild: nothing new to keep
            rebuilt = _view(gaiko.tracking.ledger(store))
        assert after == before
        assert rebuilt == before
        assert store.con.execute("SELECT count(*) FROM assign_vectors").fetchall()[0][0] == n
    finally:
        store.close()


@needs_weights
def test_stored_vectors_are_the_encoded_ones(tmp_path, monkeypatch):
    import duckdb
    import numpy as np

    from gaiko.meaning import encode

    texts = ["Peru lifted the closure", "the Aguas Verdes border crossing", "Peru lifted the closure"]
    con = duckdb.connect(str(tmp_path / "v.duckdb"))
    monkeypatch.setattr(assignstore, "_VECS", {})
    with assign.persisting(con):
        made = assign.vectors(texts, con)
    monkeypatch.setattr(assignstore, "_VECS", {})
    monkeypatch.setattr("gaiko.meaning.encode", lambda *_a, **_k: (_ for _ in ()).throw(AssertionError("encoded")))
    got = assign.vectors(texts, con)
    assert con.execute("SELECT count(*) FROM assign_vectors").fetchall()[0][0] == 2
    for t in texts:
        assert got[t].dtype == np.float32 and np.array_equal(got[t], made[t])
    assert np.array_equal(got[texts[0]], encode([texts[0]])[0]) or np.allclose(got[texts[0]], encode([texts[0]])[0],
                                                                                atol=1e-6)
    con.close()


def test_spans_are_kept_only_inside_an_update(tmp_path, monkeypatch):
    # outside an update nothing is written; inside, once per text; read back later without parsing
    import duckdb

    con = duckdb.connect(str(tmp_path / "s.duckdb"))
    monkeypatch.setattr(assignstore, "_SPANS", {})
    monkeypatch.setattr(assignstore, "parse_spans", lambda ts: [(("lift closure",), ("the closure",)) for _t in ts])
    assert assign.spans_of(["Peru lifted the closure."], con) == {"Peru lifted the closure.": (("lift closure",),
                                                                                            ("the closure",))}
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'assign_spans'").fetchall()[0][0] == 0
    monkeypatch.setattr(assignstore, "_SPANS", {})
    with assign.persisting(con):
        assign.spans_of(["Peru lifted the closure.", "Peru lifted the closure."], con)
    monkeypatch.setattr(assignstore, "_SPANS", {})
    monkeypatch.setattr(assignstore, "parse_spans", lambda ts: (_ for _ in ()).throw(AssertionError("parsed")))
    assert assign.spans_of(["Peru lifted the closure."], con) == {"Peru lifted the closure.": (("lift closure",),
                                                                                            ("the closure",))}
    assert con.execute("SELECT count(*) FROM assign_spans").fetchall()[0][0] == 1
    con.close()


def test_compute_writes_nothing_and_off_keeps_nothing(tmp_path, coder):
    import gaiko

    store = _store(tmp_path, coder, None)  # the assigner off: an update keeps nothing
    try:
        assert not {"assign_spans", "assign_vectors"} & _tables(store)
        with use(_hand()):
            gaiko.tracking.compute_ledger(store)  # on, but a computation stores nothing
        assert not {"assign_spans", "assign_vectors"} & _tables(store)
    finally:
        store.close()


def test_spans_parsed_in_a_batch_are_those_of_one_parse_each():
    from gaiko.nlp import load_model

    texts = ["Trucks rolled through Aguas Verdes again on Friday as Peru lifted the closure, officials said.",
             "The Ecuadorian trawler crews walked out of the jail in Tumbes on Friday, Peruvian police said.",
             "Peru raised the excise tax on imported cigarettes on Friday, the finance ministry said.",
             "Lima said the freight route to Ecuador was reopened to lorries and buses at dawn."]
    one = [assignstore._spans_doc(load_model()(t)) for t in texts]  # the whole pipeline, entity recogniser included
    assert assign.parse_spans(texts) == one
    assert [assign.spans(t) for t in texts] == one
    assert one[0][0] and one[0][1]


@needs_weights
def test_the_cut_changes_no_answer(tmp_path, coder, monkeypatch):
    # pairs whose score cannot pass even with the best reading are not featured; the ledger is the one without the cut
    import gaiko

    class NoCut(Assigner):
        cuts = False

    class DictCut(Assigner):  # round p65's cut on dicts (a recorder's hook takes that path)
        def seen(self, *a):
            pass

    h = _hand()
    full = NoCut(h.names, h.coef, h.intercept, threshold=h.threshold, margin=h.margin)
    dicts = DictCut(h.names, h.coef, h.intercept, threshold=h.threshold, margin=h.margin)
    seen, seen_dicts = [], []
    real, real_dicts = assigncut.cut, assignfeat._cut

    def spy(w, *a):  # round p68: the cut on arrays
        got = real(w, *a)
        seen.append((len(w), len(got[0])))
        return got

    def spy_dicts(wide, *a):
        got = real_dicts(wide, *a)
        seen_dicts.append((sum(len(cs) for cs in wide.values()), len(got[1])))
        return got

    monkeypatch.setattr(assigncut, "cut", spy)
    monkeypatch.setattr(assignfeat, "_cut", spy_dicts)
    store = _store(tmp_path, coder, None)
    try:
        with use(h):
            cut = _view(gaiko.tracking.compute_ledger(store))
        with use(dicts):
            cut_dicts = _view(gaiko.tracking.compute_ledger(store))
        with use(full):
            uncut = _view(gaiko.tracking.compute_ledger(store))
    finally:
        store.close()
    assert cut == uncut == cut_dicts
    assert any(note and note.startswith("assigned") for _i, _s, evs in cut for _r, note, _k in evs)
    for got in (seen, seen_dicts):
        assert got and all(kept <= pairs for pairs, kept in got) and any(kept < pairs for pairs, kept in got)


def test_a_text_this_process_holds_is_still_kept_in_a_store_that_lacks_it(tmp_path, monkeypatch):
    import duckdb

    monkeypatch.setattr(assignstore, "_SPANS", {"Peru lifted the closure.": (("lift closure",), ("the closure",))})
    monkeypatch.setattr(assignstore, "parse_spans", lambda ts: (_ for _ in ()).throw(AssertionError("parsed")))
    con = duckdb.connect(str(tmp_path / "k.duckdb"))
    with assign.persisting(con):
        assign.spans_of(["Peru lifted the closure."], con)
        assign.spans_of(["Peru lifted the closure."], con)  # already there: not written twice
    assert con.execute("SELECT count(*) FROM assign_spans").fetchall()[0][0] == 1
    con.close()
