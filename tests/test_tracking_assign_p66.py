"""Round p66: an update with the assigner on recomputes only the actors whose widened sentences can change
(:mod:`gaiko.tracking.assigninc`) and still equals a rebuild; stored spans and vectors are keyed by the model's version;
the assigner switched on without the MiniLM weights warns once and the ledger is computed as off.

Sentences are our own (no corpus text); the scorer is hand-set (round p64's tests), so these test the mechanism.
"""

from __future__ import annotations

import json
import random

import pytest

import gaiko
from gaiko.meaning import available
from gaiko.tracking import assign, assigninc, assignstore, compute_ledger, ledger, regroup, update_ledger
from gaiko.tracking.assign import FEATURES, Assigner, use
from gaiko.ids import record_id
from gaiko.types import Article

needs_weights = pytest.mark.skipif(not available(), reason="the MiniLM weights are not installed")

# two actors with competing pledges; later deeds in other words, look-alikes, a pledge made later that competes
_ARTS = [
    ("2026-03-02", "Peru will free the 30 Ecuadorian fishermen held in Tumbes by May, the interior minister said on "
                   "Monday."),
    ("2026-03-03", "Peru will reopen the Aguas Verdes border crossing to freight trucks by June, the transport minister "
                   "said on Tuesday."),
    ("2026-03-04", "Chile will build 12 desalination plants in the Atacama region by 2028, the public works minister "
                   "said."),
    ("2026-03-20", "Chile will cut the import tariff on Argentine beef to zero by July, the trade minister said."),
    ("2026-04-20", "Trucks rolled through Aguas Verdes again on Friday as Peru lifted the closure, officials said."),
    ("2026-04-22", "The Ecuadorian trawler crews walked out of the jail in Tumbes on Friday, Peruvian police said."),
    ("2026-04-25", "Peru will pave the Pan-American highway between Tumbes and Piura by December, the transport "
                   "minister said."),
    ("2026-05-02", "Peru raised the excise tax on imported cigarettes on Friday, the finance ministry said."),
    ("2026-05-06", "Argentine beef now enters Chile without duty, Chilean customs said on Wednesday."),
    ("2026-05-09", "Work started on the first of the Atacama water plants, Chile's public works ministry said."),
    ("2026-05-12", "Asphalt crews reached Piura on Tuesday, Peru's transport ministry said."),
]


def _hand() -> Assigner:
    w = {n: 0.0 for n in FEATURES}
    w.update({"obj_max": 4.0, "sent_cos": 4.0, "margin": 6.0})
    return Assigner(list(w), [w[n] for n in FEATURES], -4.5, threshold=0.5, margin=0.05)


@pytest.fixture(scope="module")
def coded(coder):
    arts = [Article(text=t, published=d, source=f"Wire {k}") for k, (d, t) in enumerate(_ARTS)]
    return list(coder.code_articles(arts))


def _plain(rows):
    return json.dumps(sorted(({k: v for k, v in r.items() if k != "as_of"} for r in rows), key=lambda r: r["id"]),
                      sort_keys=True, default=str)


def _assigned(rows):
    return sum(1 for e in rows for ev in e.get("evidence") or [] if (ev.get("note") or "").startswith("assigned"))


@needs_weights
@pytest.mark.parametrize("order", ["by date", "reversed", "shuffled"])
@pytest.mark.parametrize("small", [False, True])
def test_incremental_updates_equal_a_rebuild_with_it_on(coded, order, small, monkeypatch):
    if small:  # many chunks and parts: a pledge's competitors are those of its part (the layout must follow them)
        monkeypatch.setattr(regroup, "_MENTIONS_PER_CHUNK", 2)
        monkeypatch.setattr(regroup, "_GROUPS_PER_QUERY", 2)
    batches = list(coded)
    if order == "reversed":
        batches.reverse()
    elif order == "shuffled":
        random.Random(7).shuffle(batches)
    with use(_hand()):
        store = gaiko.open(":memory:")
        for i in range(0, len(batches), 2):
            store.write_coded(batches[i:i + 2], None)
            update_ledger(store)
        inc = ledger(store)
        fresh = compute_ledger(store)
        update_ledger(store, full=True)
        full = ledger(store)
        store.close()
    assert _assigned(full) >= 1
    assert _plain(inc) == _plain(full)
    assert _plain(fresh) == _plain(full)


@needs_weights
def test_an_update_judges_only_the_actors_it_can_change(coded):
    seen: list[list[str]] = []

    class Spy(Assigner):
        def extra(self, con, frames, groups, *a, **k):
            seen.append(sorted({assigninc.frame_row(f)[0] for f in frames} - {None}))
            return super().extra(con, frames, groups, *a, **k)

    h = _hand()
    spy = Spy(h.names, h.coef, h.intercept, threshold=h.threshold, margin=h.margin)
    chile = [c for c in coded if "Chile" in c.article.text or "Argentine" in c.article.text]
    peru = [c for c in coded if c not in chile]
    with use(spy):
        store = gaiko.open(":memory:")
        store.write_coded(peru + chile[:-1], None)
        update_ledger(store)
        seen.clear()
        store.write_coded(chile[-1:], None)  # a Chilean sentence only: Peru's pledges are not judged again
        update_ledger(store)
        assert seen and all(d == ["CHL"] or d == ["CL"] or "PE" not in d and "PER" not in d for d in seen), seen
        store.close()


@needs_weights
def test_the_layout_is_the_rebuilds(coded, monkeypatch):
    monkeypatch.setattr(regroup, "_MENTIONS_PER_CHUNK", 3)
    monkeypatch.setattr(regroup, "_GROUPS_PER_QUERY", 2)
    parts: list[tuple[str, tuple[str, ...]]] = []

    class Spy(Assigner):
        def extra(self, con, frames, groups, *a, **k):
            by: dict[str, list[str]] = {}
            for g, f in zip(groups, frames):
                d = assigninc.frame_row(f)[0]
                if d is not None:
                    by.setdefault(d, []).append(record_id("pledge", g[0]["id"]))
            parts.extend((d, tuple(ids)) for d, ids in by.items())
            return super().extra(con, frames, groups, *a, **k)

    h = _hand()
    with use(Spy(h.names, h.coef, h.intercept, threshold=h.threshold, margin=h.margin)):
        store = gaiko.open(":memory:")
        store.write_coded(coded, None)
        update_ledger(store, full=True)
        assert sorted(assigninc.layout(store.con)) == sorted(parts)
        store.close()


def test_switching_it_on_or_off_starts_afresh(coder, monkeypatch):
    calls: list[bool] = []
    real = assigninc.catch_up
    monkeypatch.setattr(assigninc, "catch_up", lambda *a, **k: calls.append(True) or real(*a, **k))
    store = gaiko.open(":memory:")
    store.write_coded(list(coder.code_articles([Article(text=_ARTS[0][1], published=_ARTS[0][0])])), None)
    update_ledger(store)  # off
    with use(_hand()):
        store.write_coded(list(coder.code_articles([Article(text=_ARTS[1][1], published=_ARTS[1][0])])), None)
        update_ledger(store)  # switched on: a rebuild, not a catch-up
        assert calls == []
        assert store.con.execute("SELECT value FROM meta WHERE key = 'assign_version'").fetchone()[0]
    store.close()


def test_stored_rows_are_keyed_by_model_version(monkeypatch):
    store = gaiko.open(":memory:")
    con = store.con
    monkeypatch.setattr(assignstore, "_SPANS", {})
    monkeypatch.setattr(assignstore, "parse_spans", lambda ts: [(("lift closure",), ("the closure",)) for _t in ts])
    with assignstore.persisting(con):
        assignstore.spans_of(["Peru lifted the closure."], con)
    # another spaCy model: the stored spans are not read, the text is parsed again
    monkeypatch.setattr(assignstore, "_SPANS", {})
    monkeypatch.setattr(assignstore, "spacy_version", lambda: "spacy:9.9/en_core_web_sm-9.9")
    parsed: list[str] = []
    monkeypatch.setattr(assignstore, "parse_spans", lambda ts: parsed.extend(ts) or [((), ()) for _t in ts])
    assert assignstore.spans_of(["Peru lifted the closure."], con) == {"Peru lifted the closure.": ((), ())}
    assert parsed == ["Peru lifted the closure."]
    assert assignstore.minilm_version() != assignstore.spacy_version()
    store.close()


def test_on_without_the_weights_warns_once_and_computes_as_off(monkeypatch, capsys):
    import gaiko.meaning

    monkeypatch.setenv("GAIKO_ASSIGN", "1")
    monkeypatch.setattr(gaiko.meaning, "available", lambda: False)
    assign._shipped.cache_clear()
    try:
        assert assign.assigner() is None
        assert assign.assigner() is None
        err = capsys.readouterr().err
        assert err.count("warning") == 1 and "MiniLM weights are missing" in err and "Traceback" not in err
    finally:
        assign._shipped.cache_clear()
