"""Newcomer test round n40: a political scientist builds a monthly dyad series (clusters and mentions, Goldstein
mean and sum, quad classes) from a corpus of their own and checks every figure against the listing behind it.

- counting clusters under a filter only mentions have (``outlet``, ``text``), the series' and the dyads' mean
  Goldstein (and the network's and the map's) averaged the matching *mentions'* scores: a cluster reported twice by
  one outlet weighed twice, so the mean differed from the mean of the rows the listing shows for the same filters;
  each cluster is now one score, its own, as the actor list already counted it;
- a series had no Goldstein sum (the GDELT habit: total cooperation-conflict per month); ``goldstein_sum`` is now
  beside the mean, in Python, the API and its downloads;
- ``fill_gaps`` filled only between the first and the last bucket with events: a dyad's March-May panel with no
  event in May came back with two months, so panels of several dyads did not line up; with ``since`` and
  ``until`` both given every bucket of that window is there;
- ``gaiko errors`` on a store without errors printed an empty line;
- there was no ``gaiko series``: the monthly series of the API and ``Store.dyad_series`` could not be had from the
  command line;
- a dyad or actor filter that matches nothing (a mistyped or unknown code, ``ZZZ``; a lower-case ``grc``, read as
  part of a name) gave an empty table and no word: ``gaiko events``, ``dyads``, ``series`` and ``export`` now say on
  stderr why nothing matched.

Every store here is coded with a fake coder from sentences of our own (no corpus sentence).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from gaiko.ids import article_id, record_id
from gaiko.store import Store
from gaiko.types import Actor, Article, CodedArticle, Event, SentenceRecord

# type: (cameo root, goldstein, quad class)
_TYPES = {"ACCUSE": ("11", -2.0, 3), "CONSULT": ("04", 1.0, 1), "SANCTION": ("16", -4.0, 4)}
_NAMES = {"CHL": "Chile", "PER": "Peru"}


class _StoryCoder:
    """One event per article, from the article's ``title`` ("TYPE SRC TGT"), dated on its publication day."""

    def code_articles(self, articles):
        for a in articles:
            yield self.code_article(a)

    def code_article(self, a: Article) -> CodedArticle:
        etype, src, tgt = (a.title or "").split()
        aid = a.id or article_id(a.text)
        art = Article(text=a.text, id=aid, published=a.published, title=a.title, source=a.source, origin=a.origin)
        cameo, gold, quad = _TYPES[etype]
        words = a.text.split()
        ev = Event(
            id=record_id("ev", aid, 0, 0, etype), article_id=aid, sentence_index=0, sentence=a.text,
            event_type=etype, trigger=words[1], trigger_start=len(words[0]) + 1,
            trigger_end=len(words[0]) + 1 + len(words[1]), context=["diplomatic"], cameo=cameo, goldstein=gold,
            quad_class=quad,
            source=Actor(words[0], 0, len(words[0]), name=_NAMES[src], country=src, resolved_by="country",
                         confidence=0.9),
            target=Actor(_NAMES[tgt], 0, 0, name=_NAMES[tgt], country=tgt, resolved_by="country", confidence=0.9),
            date=a.published, pattern="test", confidence=0.8, coder_version="test",
        )
        return CodedArticle(article=art, sentences=[SentenceRecord(index=0, start=0, end=len(a.text), text=a.text)],
                            events=[ev], coder_version="test")


# (published, outlet, "TYPE SRC TGT", text): a Chile-Peru spring of our own
_STORY = [
    ("2026-03-09", "Andes Wire", "ACCUSE CHL PER", "Santiago accused Lima of harbouring smugglers on Monday."),
    ("2026-03-09", "Andes Wire", "ACCUSE CHL PER", "Chile accused Peru of sheltering smuggling gangs, officials said."),
    ("2026-03-18", "Andes Wire", "CONSULT CHL PER", "Chilean envoys met Peruvian officials in Arica on Wednesday."),
    ("2026-03-18", "Pacific Daily", "CONSULT CHL PER", "Chile's delegation met Peru's negotiators in Arica."),
    ("2026-04-14", "Pacific Daily", "SANCTION CHL PER", "Chile suspended fishing licences held by Peruvian boats."),
]


def _story_store(path: Path) -> Path:
    from gaiko.runner import code_into_store

    arts = [Article(text=t, title=k, published=d, source=o) for d, o, k, t in _STORY]
    for a in arts:
        a.id = article_id(a.text)
    with Store(path) as s:
        code_into_store(s, arts, coder=_StoryCoder(), track=False)
    return path


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store for the module: its tests only read it (round ci57: it was made per test)."""
    db = _story_store(tmp_path_factory.mktemp("n40") / "story.duckdb")
    with Store(db, read_only=True) as s:  # the clusters the story needs: two reports of one accusation
        got = sorted((r["event_type"], r["num_mentions"]) for r in s.query("SELECT * FROM clusters"))
    assert got == [("ACCUSE", 2), ("CONSULT", 2), ("SANCTION", 1)], got
    return db


def _listing_means(store: Store, **filters) -> dict[str, float]:
    """Mean Goldstein per month of the rows the listing gives for ``filters`` (what a reader counts by hand)."""
    months: dict[str, list[float]] = {}
    for r in store.events(limit=None, **filters):
        months.setdefault(str(r["date"])[:7], []).append(r["goldstein"])
    return {m: round(sum(v) / len(v), 2) for m, v in months.items()}


# -- mean Goldstein of clusters under a filter only mentions have -----------------------------------------------------
def test_an_outlet_filter_averages_each_cluster_once_in_series_and_dyads(story: Path) -> None:
    with Store(story, read_only=True) as s:
        rows = s.events(limit=None, outlet="Andes Wire", source="CHL", target="PER")
        assert [(r["event_type"], r["goldstein"]) for r in rows] == [("ACCUSE", -2.0), ("CONSULT", 1.0)]
        ser = s.dyad_series("CHL", "PER", interval="month", outlet="Andes Wire")
        assert ser["total"] == [2] and ser["goldstein"] == [-0.5]  # not (-2 - 2 + 1) / 3
        assert ser["goldstein"][0] == _listing_means(s, outlet="Andes Wire", source="CHL", target="PER")["2026-03"]
        dy = s.dyads(outlet="Andes Wire")
        assert [(d["source"], d["target"], d["events"], d["mean_goldstein"]) for d in dy] == [("CHL", "PER", 2, -0.5)]
        edge = s.actor_network(outlet="Andes Wire")["edges"][0]
        assert edge["weight"] == 2 and edge["mean_goldstein"] == -0.5
        # counting mentions, every report is a score of its own
        assert s.dyad_series("CHL", "PER", interval="month", outlet="Andes Wire", count="mentions")["goldstein"] == [-1.0]


def test_the_api_series_and_dyads_give_the_same_means_as_the_listing(story: Path) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    client = TestClient(create_app(str(story), api_key=None))
    ser = client.get("/api/v1/series", params={"dyad": "CHL-PER", "interval": "month", "text": "accused"}).json()
    assert ser["total"] == [1] and ser["goldstein"] == [-2.0]
    dy = client.get("/api/v1/dyads", params={"outlet": "Andes Wire"}).json()["dyads"]
    assert dy[0]["mean_goldstein"] == -0.5


# -- Goldstein sum ---------------------------------------------------------------------------------------------------
def test_a_series_gives_the_goldstein_sum_per_bucket(story: Path) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    with Store(story, read_only=True) as s:
        ser = s.dyad_series("CHL", "PER", interval="month")
        assert ser["total"] == [2, 1] and ser["goldstein_sum"] == [-1.0, -4.0]
        assert s.dyad_series("CHL", "PER", interval="month", count="mentions")["goldstein_sum"] == [-2.0, -4.0]
        assert s.dyad_series("CHL", "PER", interval="month", outlet="Andes Wire")["goldstein_sum"] == [-1.0]
    client = TestClient(create_app(str(story), api_key=None))
    got = client.get("/api/v1/series", params={"dyad": "CHL-PER", "interval": "month"}).json()
    assert got["goldstein_sum"] == [-1.0, -4.0]
    text = client.get("/api/v1/series", params={"dyad": "CHL-PER", "interval": "month", "format": "csv"}).text
    assert [r["goldstein_sum"] for r in csv.DictReader(io.StringIO(text))] == ["-1.0", "-4.0"]


# -- a window asked for is a panel -----------------------------------------------------------------------------------
def test_a_series_with_since_and_until_has_every_bucket_of_the_window(story: Path) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    window = {"since": "2026-02-01", "until": "2026-05-31"}
    with Store(story, read_only=True) as s:
        ser = s.dyad_series("CHL", "PER", interval="month", fill_gaps=True, **window)
        assert ser["buckets"] == ["2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"]
        assert ser["total"] == [0, 2, 1, 0] and ser["goldstein"] == [None, -0.5, -4.0, None]
        assert ser["goldstein_sum"] == [0.0, -1.0, -4.0, 0.0] and ser["gaps_filled"] is True
        # a dyad with no event in the window: all zero, the same buckets, so panels line up
        none = s.dyad_series("PER", "CHL", interval="month", fill_gaps=True, **window)
        assert none["buckets"] == ser["buckets"] and none["total"] == [0, 0, 0, 0]
        # without fill_gaps, or with one bound only, as before: the buckets with events
        assert s.dyad_series("CHL", "PER", interval="month", **window)["buckets"] == ["2026-03-01", "2026-04-01"]
        one = s.dyad_series("CHL", "PER", interval="month", fill_gaps=True, since="2026-02-01")
        assert one["buckets"] == ["2026-03-01", "2026-04-01"]
    client = TestClient(create_app(str(story), api_key=None))
    got = client.get("/api/v1/series", params={"dyad": "CHL-PER", "interval": "month", "fill_gaps": "true",
                                                **window}).json()
    assert got["buckets"] == ser["buckets"] and got["total"] == [0, 2, 1, 0]
    assert got["starts"][0] == "2026-02-01" and got["ends"][-1] == "2026-05-31"


# -- gaiko series ----------------------------------------------------------------------------------------------------
def test_gaiko_series_gives_the_monthly_dyad_series_of_the_api(cli, story: Path) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    args = ("--source", "CHL", "--target", "PER", "--interval", "month", "--since", "2026-03-01", "--until",
            "2026-05-31")
    code, out, err = cli("series", "--db", story, *args, "-f", "csv")
    assert code in (0, None), err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["bucket"], r["events"], r["mean_goldstein"], r["goldstein_sum"], r["cooperation"], r["conflict"])
            for r in rows] == [("2026-03-01", "2", "-0.5", "-1.0", "1", "1"), ("2026-04-01", "1", "-4.0", "-4.0", "0", "1"),
                               ("2026-05-01", "0", "", "0.0", "0", "0")]
    # round n46: the quad-class columns are named ("n_1", "n_3", "n_4" before)
    assert [(r["verbal_cooperation"], r["verbal_conflict"], r["material_conflict"]) for r in rows] == [
        ("1", "1", "0"), ("0", "0", "1"), ("0", "0", "0")]
    assert all(r["material_cooperation"] == "0" for r in rows)
    code, out, err = cli("series", "--db", story, *args, "--json", "--count", "mentions")
    assert code in (0, None), err
    doc = json.loads(out)
    api = TestClient(create_app(str(story), api_key=None)).get("/api/v1/series", params={
        "dyad": "CHL-PER", "interval": "month", "since": "2026-03-01", "until": "2026-05-31", "fill_gaps": "true",
        "by": "quad", "count": "mentions", "panel": "true"}).json()  # round u40: the CLI's --json is the panel
    for key in ("buckets", "counts", "total", "goldstein", "goldstein_sum", "cooperation", "conflict", "events"):
        assert doc[key] == api[key], key
    code, out, err = cli("series", "--db", story, "--interval", "year")
    assert code == 2 and err.startswith("Error: unknown interval 'year'") and len(err.strip().splitlines()) == 1


# -- a filter that matches nothing says why --------------------------------------------------------------------------
def test_a_code_no_country_has_is_named_when_nothing_matches(cli, story: Path, tmp_path: Path) -> None:
    code, out, err = cli("events", "--db", story, "--source", "CHI")
    assert code in (0, None) and "0 event clusters" in out
    assert err.startswith("note: source CHI: CHI is no country code gaiko knows"), err
    code, _out, err = cli("dyads", "--db", story, "--source", "chl")
    assert "note: source chl is read as part of an actor's name" in err and "write CHL" in err
    code, out, err = cli("dyads", "--db", story, "--target", "per")  # a part of "Peru": found, no note
    assert "note:" not in err and "PER" in out
    code, _out, err = cli("series", "--db", story, "--actor", "Bolivia")
    assert "note: actor Bolivia: no event of this store has such an actor on either side" in err
    code, _out, err = cli("export", "--db", story, "--out", tmp_path / "x.csv", "--since", "2027-01-01")
    assert "note: the events of this store run from 2026-03-09 to 2026-04-14" in err
    # the reverse dyad: each side is named, as no event has it on that side
    code, _out, err = cli("events", "--db", story, "--source", "PER", "--target", "CHL")
    assert err.splitlines() == [
        "note: source PER: no event of this store has such an actor as its source (`gaiko actors` and /api/v1/actors list them)",
        "note: target CHL: no event of this store has such an actor as its target (`gaiko actors` and /api/v1/actors list them)"]
    # rows found, or each filter matching alone: no note
    code, _out, err = cli("events", "--db", story, "--source", "CHL")
    assert "note:" not in err
    code, _out, err = cli("events", "--db", story, "--source", "CHL", "--type", "CONSULT", "--until", "2026-03-10")
    assert code in (0, None) and "note:" not in err


def test_an_empty_store_says_it_holds_no_events(cli, tmp_path: Path) -> None:
    db = tmp_path / "empty.duckdb"
    Store(db).close()
    code, _out, err = cli("series", "--db", db, "--source", "CHL")
    assert code in (0, None) and err.startswith("note: this store holds no events yet"), err


# -- gaiko errors with none, ids on one line -------------------------------------------------------------------------
def test_gaiko_errors_without_errors_prints_its_title(cli, story: Path) -> None:
    code, out, err = cli("errors", "--db", story)
    assert code in (0, None) and "0 input errors" in out and "reason" in out


def test_a_table_keeps_an_id_on_one_line(capsys) -> None:
    from gaiko.cli.common import emit_rows

    # eight wide columns squeeze a 160-column table: the id column is not the one that gives way
    long = "a delegation of the ministry of foreign affairs and its fisheries office"
    rows = [{**{f"c{k}": long for k in range(8)}, "id": f"cl-{n:016x}"} for n in (11**15, 13**14)]
    emit_rows(rows, "table", title="squeezed")
    out = capsys.readouterr().out
    assert all(r["id"] in out for r in rows), out


# -- the pledge ledger as CSV says why ---------------------------------------------------------------------------------
def test_the_pledge_csv_and_download_carry_the_one_line_reason(cli, code_here, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from gaiko.coding import run_code
    from gaiko.server import create_app

    arts = [{"id": "c1", "published": "2026-03-02", "source": "Andes Wire",
             "text": "Chile promised on Monday to return the seized fishing boats to Peru by the end of May."},
            {"id": "c2", "published": "2026-04-16", "source": "Pacific Daily",
             "text": "Chile returned the seized fishing boats to Peru on Thursday, the navy said."}]
    src = tmp_path / "arts.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in arts) + "\n", encoding="utf-8")
    db = tmp_path / "p.duckdb"
    run_code([str(src)], db=str(db), quiet=True)
    code, out, err = cli("pledges", "--db", db, "--json")
    assert code in (0, None), err
    reasons = {p["id"]: p["status_reason"] for p in json.loads(out)["pledges"]}
    assert reasons and all(reasons.values()), reasons
    code, out, err = cli("pledges", "--db", db, "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["id"]: r["status_reason"] for r in rows} == reasons
    assert all(r["computed_status"] == r["status"] for r in rows)
    client = TestClient(create_app(str(db), api_key=None))
    for url in ("/api/v1/export/pledges", "/api/v1/pledges"):
        got = list(csv.DictReader(io.StringIO(client.get(url, params={"format": "csv"}).text)))
        assert {r["id"]: r["status_reason"] for r in got} == reasons, url


def test_the_api_says_why_a_listing_dyads_or_series_is_empty(story: Path) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    client = TestClient(create_app(str(story), api_key=None))
    for url, params in (("/api/v1/events", {"source": "CHI"}), ("/api/v1/dyads", {"source": "CHI"}),
                        ("/api/v1/series", {"dyad": "CHI-PER"})):
        got = client.get(url, params=params).json()
        assert got["notes"] and got["notes"][0].startswith("source CHI: CHI is no country code gaiko knows"), url
    got = client.get("/api/v1/series", params={"dyad": "CHL-PER", "since": "2027-01-01"}).json()
    assert got["notes"] == ["the events of this store run from 2026-03-09 to 2026-04-14, outside the dates asked for"]
    # rows found: no notes
    assert client.get("/api/v1/events", params={"source": "CHL"}).json()["notes"] is None
