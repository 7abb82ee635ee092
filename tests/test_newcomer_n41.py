"""Newcomer test round n41: a journalist asks "which promises made in 2025 were kept, and how many distinct events of
each kind happened between two countries", with multi-outlet stories of their own.

- the ledger could not be narrowed to the pledges made in a window: ``gaiko pledges``, ``GET /api/v1/pledges`` (and
  its download) and ``gaiko.tracking.ledger`` took no date of making, so "the promises made in 2025" meant exporting
  everything and filtering by hand; ``--made-since`` / ``--made-until`` (``made_since`` / ``made_until``) now do it;
- ``gaiko.tracking.ledger`` took one status only and no kind, where the CLI and the API take several, comma-separated;
- the one-line reason of an ``open`` pledge read "no report on it yet" beside an evidence list of restatements and
  reports needing review; it now says "no decisive report yet (2 later reports: 1 restated, 1 needs review)".

Every store here is coded from sentences of our own (no corpus sentence).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from gaiko.errors import ConfigError

# three promises of our own, made in three months of 2026, one kept, one refused, one restated
_ARTICLES = [
    {"id": "m1", "published": "2026-02-03", "source": "Coastal Wire",
     "text": "Chile promised on Tuesday to return the seized fishing boats to Peru by the end of April."},
    {"id": "m2", "published": "2026-03-10", "source": "Andes Daily",
     "text": "Peru pledged on Tuesday to reopen the border crossing at Tacna to Chilean trucks."},
    {"id": "m3", "published": "2026-04-14", "source": "Coastal Wire",
     "text": "Chile returned the seized fishing boats to Peru on Monday, the navy said."},
    {"id": "m4", "published": "2026-05-05", "source": "Pacific Post",
     "text": "Bolivia vowed on Tuesday to build a new bridge over the Desaguadero river with Peru."},
]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory, coder) -> Path:
    from gaiko.coding import run_code

    d = tmp_path_factory.mktemp("n41")
    src = d / "arts.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in _ARTICLES) + "\n", encoding="utf-8")
    db = d / "p.duckdb"
    run_code([str(src)], db=str(db), quiet=True, coder=coder)  # the session's coder, no worker process (ci57)
    return db


def _made(rows: list[dict]) -> list[str]:
    return sorted(str(r["made_on"])[:10] for r in rows)


def test_the_ledger_takes_the_days_pledges_were_made(store_path: Path, cli) -> None:
    code, out, err = cli("pledges", "--db", store_path, "--json")
    assert code in (0, None), err
    every = _made(json.loads(out)["pledges"])
    assert {"2026-02-03", "2026-03-10", "2026-05-05"} <= set(every), every
    code, out, err = cli("pledges", "--db", store_path, "--json", "--made-since", "2026-03-01",
                         "--made-until", "2026-04-30")
    assert code in (0, None), err
    got = json.loads(out)
    assert _made(got["pledges"]) == [d for d in every if "2026-03-01" <= d <= "2026-04-30"] != []
    assert got["total"] == len(got["pledges"])
    code, out, err = cli("pledges", "--db", store_path, "-f", "csv", "--made-until", "2026-02-28")
    assert code in (0, None), err
    assert _made(list(csv.DictReader(io.StringIO(out)))) == [d for d in every if d <= "2026-02-28"] != []
    code, out, err = cli("pledges", "--db", store_path, "--made-since", "2026-03-01")
    assert code in (0, None), err
    assert "made since 2026-03-01" in " ".join(out.split())
    code, out, err = cli("pledges", "--db", store_path, "--evidence", "-f", "csv", "--made-since", "2026-05-01")
    assert code in (0, None), err
    assert {r["made_on"] for r in csv.DictReader(io.StringIO(out))} == {"2026-05-05"}


@pytest.mark.parametrize("args, words", [
    (("--made-since", "2026"), "--made-since must be a date"),
    (("--made-until", "soon"), "--made-until must be a date"),
    (("--made-since", "2026-05-01", "--made-until", "2026-01-01"), "swap them"),
])
def test_a_made_date_that_is_no_date_is_one_error_line(store_path: Path, cli, args, words) -> None:
    code, out, err = cli("pledges", "--db", store_path, *args)
    assert code == 2 and out == ""
    assert err.startswith("Error:") and words in err and "Traceback" not in err


def test_the_api_and_its_download_take_the_days_made(store_path: Path) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    client = TestClient(create_app(str(store_path), api_key=None))
    every = _made(client.get("/api/v1/pledges").json()["pledges"])
    want = [d for d in every if d >= "2026-03-01"]
    r = client.get("/api/v1/pledges", params={"made_since": "2026-03-01"})
    assert r.status_code == 200, r.text
    assert _made(r.json()["pledges"]) == want != [] and r.json()["filters"]["made_since"] == "2026-03-01"
    r = client.get("/api/v1/export/pledges", params={"made_since": "2026-03-01", "format": "csv"})
    assert r.status_code == 200 and _made(list(csv.DictReader(io.StringIO(r.text)))) == want
    r = client.get("/api/v1/pledges", params={"made_since": "2026-05-01", "made_until": "2026-01-01"})
    assert r.status_code == 422 and r.json()["error"] == "config_error" and "swap them" in r.json()["message"]
    r = client.get("/api/v1/pledges", params={"made_since": "spring"})
    assert r.status_code == 422


def test_python_ledger_takes_several_statuses_a_kind_and_the_days_made(store_path: Path) -> None:
    import gaiko
    from gaiko.tracking import ledger

    with gaiko.open(str(store_path), read_only=True) as st:
        every = ledger(st)
        statuses = sorted({e["status"] for e in every})
        assert len(statuses) >= 2, statuses
        both = ledger(st, status=",".join(statuses[:2]))
        assert {e["id"] for e in both} == {e["id"] for e in every if e["status"] in statuses[:2]}
        assert [e["id"] for e in ledger(st, status=statuses[:1])] == [e["id"] for e in every
                                                                       if e["status"] == statuses[0]]
        kinds = {e["kind"] for e in every}
        one = sorted(kinds)[0]
        assert {e["id"] for e in ledger(st, kind=one)} == {e["id"] for e in every if e["kind"] == one}
        assert _made(ledger(st, made_since="2026-03-01", made_until="2026-03-31")) == ["2026-03-10"]
        with pytest.raises(ConfigError, match="unknown status"):
            ledger(st, status="kept")
        with pytest.raises(ConfigError, match="swap them"):
            ledger(st, made_since="2026-05-01", made_until="2026-01-01")
        with pytest.raises(ConfigError, match="made_until must be a date"):
            ledger(st, made_until="May")


def test_an_open_pledge_restated_says_it_has_reports_but_none_decisive() -> None:
    from gaiko.tracking.status import status_of

    made = {"relation": None, "published": "2026-02-03", "article_id": "a1", "sentence": "Chile promised to return"}
    again = {"relation": "restates", "published": "2026-02-20", "article_id": "a2", "sentence": "Chile said again"}
    review = {"relation": "needs_review", "published": "2026-03-01", "article_id": "a3", "sentence": "The boats"}
    assert status_of([made], None, "2026-04-01")[2] == "no report on it yet"
    status, _when, reason, _h, path = status_of([made, again, review], None, "2026-04-01")
    assert (status, path) == ("open", "none:open")
    assert reason == "no decisive report yet (2 later reports: 1 restated, 1 needs review)"
    # a report after the as-of date is not in hand
    assert status_of([made, again, review], None, "2026-02-25")[2] == "no decisive report yet (1 later report: 1 restated)"
    # overdue keeps its own reason
    status, _w, reason, _h, _p = status_of([made, again], {"end": "2026-02-28"}, "2026-04-01")
    assert status == "overdue" and reason.startswith("deadline 2026-02-28 passed")


# -- a split that names one direction of a two-way event -------------------------------------------------------------
class _TwoWayCoder:
    """CONSULT events dated on the publication day: a title "CHL-PER" is one event, "CHL=PER" a two-way event (one
    trigger, coded CHL → PER and PER → CHL, as the coder gives "Chile and Peru met")."""

    _NAMES = {"CHL": "Chile", "PER": "Peru"}

    def code_articles(self, articles):
        for a in articles:
            yield self.code_article(a)

    def _actor(self, code: str):
        from gaiko.types import Actor

        return Actor(self._NAMES[code], 0, 5, name=self._NAMES[code], country=code, resolved_by="country",
                     confidence=0.9)

    def code_article(self, a):
        from gaiko.ids import article_id, record_id
        from gaiko.types import Article, CodedArticle, Event, SentenceRecord

        aid = a.id or article_id(a.text)
        art = Article(text=a.text, id=aid, published=a.published, title=a.title, source=a.source, origin=a.origin)
        two_way = "=" in (a.title or "")
        src, tgt = (a.title or "").replace("=", "-").split("-")
        pairs = [(src, tgt), (tgt, src)] if two_way else [(src, tgt)]
        start = a.text.index(" met ") + 1
        events = [Event(id=record_id("ev", aid, 0, start, s, t), article_id=aid, sentence_index=0, sentence=a.text,
                        event_type="CONSULT", trigger="met", trigger_start=start, trigger_end=start + 3,
                        context=["diplomatic"], cameo="04", goldstein=1.0, quad_class=1, source=self._actor(s),
                        target=self._actor(t), date=a.published, pattern="test", confidence=0.8, coder_version="test")
                  for s, t in pairs]
        return CodedArticle(article=art, sentences=[SentenceRecord(index=0, start=0, end=len(a.text), text=a.text)],
                            events=events, coder_version="test")


def _two_way_store(path: Path, stories: list[tuple[str, str, str, str]]) -> Path:
    from gaiko.ids import article_id
    from gaiko.runner import code_into_store
    from gaiko.store import Store
    from gaiko.types import Article

    arts = [Article(text=t, title=k, published=d, source=o) for d, o, k, t in stories]
    for a in arts:
        a.id = article_id(a.text)
    with Store(path) as s:
        code_into_store(s, arts, coder=_TwoWayCoder(), track=False)
    return path


def test_a_split_says_which_mentions_came_along_with_the_ones_named(tmp_path: Path, cli) -> None:
    from gaiko.store import Store

    db = _two_way_store(tmp_path / "tw.duckdb", [
        ("2026-06-02", "Andes Wire", "CHL=PER", "Chile and Peru met in Arica on Tuesday to talk about fishing."),
        ("2026-06-02", "Pacific Daily", "CHL-PER", "Chilean envoys met Peruvian officials in Arica on Tuesday."),
    ])
    with Store(db, read_only=True) as s:
        rows = s.query("SELECT m.cluster_id, m.event_id, e.source_country FROM cluster_members m "
                       "JOIN events e ON e.id = m.event_id ORDER BY e.article_id, e.source_country")
    assert len({r["cluster_id"] for r in rows}) == 1 and len(rows) == 3, rows
    cid = rows[0]["cluster_id"]
    texts = {r["event_id"]: r for r in rows}
    with Store(db, read_only=True) as s:
        ev = s.query("SELECT id, article_id, source_country FROM events")
    two_way_article = next(a for a in {e["article_id"] for e in ev}
                           if sum(1 for e in ev if e["article_id"] == a) == 2)
    named = next(e["id"] for e in ev if e["article_id"] == two_way_article and e["source_country"] == "PER")
    twin = next(e["id"] for e in ev if e["article_id"] == two_way_article and e["source_country"] == "CHL")
    assert named in texts and twin in texts
    code, out, err = cli("cluster", "split", cid, named, "--db", db)
    assert code in (0, None), err
    assert "2 mention(s)" in out and twin in err and "moved too" in err  # was "1 mention(s)", the twin unsaid
    with Store(db, read_only=True) as s:
        now = {r["event_id"]: r["cluster_id"] for r in s.query("SELECT event_id, cluster_id FROM cluster_members")}
    assert now[named] == now[twin] != cid
    # naming the one mention left would take every mention out: refused, as naming all of them is
    db2 = _two_way_store(tmp_path / "tw2.duckdb", [
        ("2026-06-02", "Andes Wire", "CHL=PER", "Chile and Peru met in Arica on Tuesday to talk about fishing.")])
    with Store(db2, read_only=True) as s:
        only = s.query("SELECT cluster_id, event_id FROM cluster_members ORDER BY event_id")
    assert len(only) == 2 and only[0]["cluster_id"] == only[1]["cluster_id"]
    code, out, err = cli("cluster", "split", only[0]["cluster_id"], only[0]["event_id"], "--db", db2)
    assert code == 2 and "every mention" in err and only[1]["event_id"] in err


def test_every_name_gaiko_exports_says_what_it_is() -> None:
    """``help(gaiko.ConfigError)`` printed Exception's text: five exported error classes had no docstring."""
    import inspect

    import gaiko

    bare = [n for n in gaiko.__all__ if (inspect.isclass(getattr(gaiko, n)) or inspect.isfunction(getattr(gaiko, n)))
            and not (vars(getattr(gaiko, n)).get("__doc__") if inspect.isclass(getattr(gaiko, n))
                     else getattr(gaiko, n).__doc__)]
    assert bare == []
