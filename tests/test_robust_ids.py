"""Issue 15, point 0: one article never loses a batch.

Event ids are unique by construction (direction and the actors' offsets are part of what an id identifies), and
a batch the database refuses is written again article by article: the refused article is recorded with the
database's own message, its neighbours are stored and the run goes on.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from helpers import FakeCoder, make_coded
from typer.testing import CliRunner

from gaiko.ids import event_id, unique_ids
from gaiko.ingest import article_id
from gaiko.runner import code_into_store
from gaiko.store import Store
from gaiko.types import Actor, Article

RECIPROCAL = "The fuel price will be set at whatever level buyers and sellers agree, the ministry said."

GROUPS = ["buyers", "sellers", "farmers", "traders", "Japan", "China", "India", "Pakistan", "the unions",
          "the employers", "France", "Germany"]
TEMPLATES = [
    "The price will be set at whatever level {a} and {b} agree, officials said.",
    "{a} and {b} agreed to resume talks next week.",
    "{a} and {b} accused each other of breaking the truce.",
    "{a}, {b} and {c} met in Geneva on Monday and agreed to cooperate.",
    "{a} urged {b} and {c} to negotiate, while {b} criticised {c}.",
]


def _sentences() -> list[str]:
    out = []
    for k, (a, b, c) in enumerate(itertools.permutations(GROUPS[:6], 3)):
        out.append(TEMPLATES[k % len(TEMPLATES)].format(a=a, b=b, c=c))
        if len(out) >= 60:
            break
    return out


def test_generated_multi_actor_sentences_get_unique_ids_by_construction(rules_coder) -> None:
    coder = rules_coder  # the rules code reciprocal pairs (both directions, one trigger) on these sentences
    sents = _sentences()
    arts = [Article(text=" ".join(sents[i:i + 6]), published="2025-11-01") for i in range(0, len(sents), 6)]
    coded = list(coder.code_articles(arts)) + [coder.code_article(Article(text=RECIPROCAL, published="2025-11-01"))]
    all_ids = [e.id for c in coded for e in c.events]
    assert len(all_ids) > 40  # the sentences do code into many events
    assert len(all_ids) == len(set(all_ids))
    # no id had to be repaired afterwards: each is the id of what the event is, direction included
    for c in coded:
        for e in c.events:
            assert e.id == event_id(e.article_id, e.sentence_index, e.trigger_start, e.event_type, e.source, e.target)
    pair = [e for e in coded[-1].events if e.trigger == "agree"]
    assert len(pair) == 2 and pair[0].source.start == pair[1].target.start  # the reciprocal pair, both kept


def test_event_id_depends_on_direction_and_offsets() -> None:
    buyers, sellers = Actor("buyers", 30, 36), Actor("sellers", 41, 48)
    one = event_id("a1", 0, 50, "AGREE", buyers, sellers)
    assert one != event_id("a1", 0, 50, "AGREE", sellers, buyers)
    assert one != event_id("a1", 0, 50, "AGREE", Actor("buyers", 60, 66), sellers)
    assert one != event_id("a1", 0, 50, "AGREE", buyers, None)
    assert event_id("a1", 0, 50, "AGREE", None, buyers) != event_id("a1", 0, 50, "AGREE", buyers, None)
    assert one == event_id("a1", 0, 50, "AGREE", Actor("buyers", 30, 36), Actor("sellers", 41, 48))


def test_unique_ids_drops_repeats_and_renames_clashes() -> None:
    c = make_coded("Japan accused China of provocations near the islands.", n_events=3)
    a, b, d = c.events
    twin = make_coded("Japan accused China of provocations near the islands.", n_events=1).events[0]
    b.id = d.id = a.id
    out = unique_ids([a, twin, b, d], lambda e: {**e.to_dict(), "id": None})
    assert [e is x for e, x in zip(out, [a, b, d])] == [True, True, True]  # twin (same as a) dropped
    assert len({e.id for e in out}) == 3 and out[0].id == a.id


def _articles(n: int) -> list[Article]:
    out = []
    for i in range(n):
        text = f"Japan protested to China about vessels, report number {i}."
        out.append(Article(text=text, id=article_id(text), published="2025-11-01", origin=f"feed.jsonl:{i + 1}"))
    return out


class ClashingCoder(FakeCoder):
    """Gives articles containing 'CLASH' two events with one id: the database refuses to store them."""

    def code_article(self, a):
        c = super().code_article(a)
        if "CLASH" in a.text:
            c.events[1].id = c.events[0].id
        return c


def test_a_refused_article_is_recorded_and_its_neighbours_are_stored(tmp_path: Path) -> None:
    arts = _articles(5)
    arts[2] = Article(text="CLASH between buyers and sellers", id=article_id("CLASH between buyers and sellers"),
                      published="2025-11-01", origin="feed.jsonl:3")
    with Store(tmp_path / "s.duckdb") as s:
        summary = code_into_store(s, arts, coder=ClashingCoder(), batch_size=5, track=False)
        assert summary.articles == 4 and summary.errors == 1
        assert s.scalar("SELECT count(*) FROM articles") == 4
        [err] = s.query("SELECT path, line, reason, detail, input_id FROM errors")
        assert (err["path"], err["line"], err["reason"]) == ("feed.jsonl", 3, "store_write")
        assert "Duplicate key" in err["detail"] or "PRIMARY KEY" in err["detail"].upper()
        assert "transaction is aborted" not in err["detail"]
        assert err["input_id"] == arts[2].id
        assert s.query("SELECT status FROM runs")[0]["status"] == "finished"
        # a restart goes past the bad article: nothing new, nothing twice
        again = code_into_store(s, arts + _articles(7)[5:], coder=ClashingCoder(), batch_size=5, track=False)
        assert again.articles == 2 and s.scalar("SELECT count(*) FROM articles") == 6
        assert s.scalar("SELECT count(*) FROM errors") == 1


def test_the_issue_sentence_codes_with_its_neighbours(tmp_path: Path, code_here) -> None:
    from gaiko.cli import app

    src = tmp_path / "batch.jsonl"
    texts = ["Japan and China agreed to hold talks next week, officials said.", RECIPROCAL,
             "France condemned Russia's attack on Ukraine on Tuesday.",
             "India and Pakistan accused each other of violating the ceasefire."]
    src.write_text("".join(json.dumps({"text": t, "published": "2025-11-01"}) + "\n" for t in texts))
    db = tmp_path / "c.duckdb"
    # the rule lexicons code the reciprocal pair whose shared id once lost the batch
    r = CliRunner().invoke(app, ["code", str(src), "--db", str(db), "--json", "--no-ledger", "--type-model", "rules"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout.strip().splitlines()[-1])["articles"] == 4
    with Store(db, read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM events WHERE trigger = 'agree'") >= 2


def test_a_worker_that_dies_costs_only_its_article(tmp_path: Path) -> None:
    from helpers import crashing_coder

    arts = _articles(7)
    arts[3] = Article(text="CRASH the parser with this one", id=article_id("CRASH the parser with this one"),
                      published="2025-11-01", origin="feed.jsonl:4")
    with Store(tmp_path / "w.duckdb") as s:
        summary = code_into_store(s, arts, workers=1, batch_size=3, coder_factory=crashing_coder, track=False)
        assert summary.articles == 6 and summary.errors == 1
        [err] = s.query("SELECT path, line, reason FROM errors")
        assert (err["path"], err["line"], err["reason"]) == ("feed.jsonl", 4, "worker_died")
        assert s.query("SELECT status FROM runs")[0]["status"] == "finished"
        again = code_into_store(s, arts, workers=1, batch_size=3, coder_factory=crashing_coder, track=False)
        assert again.articles == 0 and again.skipped == 6 and s.scalar("SELECT count(*) FROM errors") == 1
