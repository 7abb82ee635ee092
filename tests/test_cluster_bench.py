"""benchmarks.clusters: the other streams it replays (publication-date order, copies at constant density)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest
from cluster_data import random_articles

from benchmarks.clusters import _copy_articles, measure
from gaiko.store import Store


@pytest.fixture(scope="module")
def src(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("bench") / "src.duckdb"
    store = Store(path)
    arts = random_articles(12, seed=5)
    for i in range(0, len(arts), 4):
        store.write_coded(arts[i:i + 4])
    store.close()
    return str(path)


def _copied(src: str, tmp: Path, n: int, order: str, copies: int) -> tuple[list[str], duckdb.DuckDBPyConnection]:
    store = Store(tmp / f"c-{order}-{copies}.duckdb")
    con = store.con
    con.execute(f"ATTACH '{src}' AS src (READ_ONLY)")
    ids = _copy_articles(con, n, order, copies)
    return ids, con


def test_copies_have_new_ids_and_days_apart(src: str, tmp_path: Path) -> None:
    ids, con = _copied(src, tmp_path, 12, "coded", 3)
    base = [r[0] for r in con.execute("SELECT id FROM src.articles ORDER BY coded_at, external_id, id LIMIT 4").fetchall()]
    assert ids == [f"{a}-c{k}" for k in range(3) for a in base]
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchall() == [(12, 12)]
    n_events = con.execute("SELECT count(*) FROM src.events WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
                           [base]).fetchall()[0][0]
    assert con.execute("SELECT count(*), count(DISTINCT id) FROM events").fetchall() == [(3 * n_events, 3 * n_events)]
    assert con.execute("SELECT count(*) FROM events e LEFT JOIN articles a ON a.id = e.article_id "
                       "WHERE a.id IS NULL").fetchall() == [(0,)]
    spans = con.execute("SELECT regexp_extract(id, '-c(\\d+)$', 1)::INT AS k, min(published), max(published) "
                        "FROM articles GROUP BY k ORDER BY k").fetchall()
    shift = (spans[1][1] - spans[0][1]).days
    assert shift % 364 == 0 and shift > (spans[0][2] - spans[0][1]).days + 3
    for (_k, _lo, hi), (_k2, lo2, _hi2) in zip(spans, spans[1:]):
        assert lo2 - hi > dt.timedelta(days=3)  # no undated report's window reaches the copy before
    # an event keeps its distance to its article's publication day
    assert con.execute("SELECT count(DISTINCT e.date - a.published) FILTER (WHERE e.date IS NOT NULL) "
                       "FROM events e JOIN articles a ON a.id = e.article_id").fetchall()[0][0] == \
        con.execute("SELECT count(DISTINCT e.date - a.published) FILTER (WHERE e.date IS NOT NULL) FROM src.events e "
                    "JOIN src.articles a ON a.id = e.article_id WHERE a.id IN (SELECT unnest(?::VARCHAR[]))",
                    [base]).fetchall()[0][0]


def test_publication_order(src: str, tmp_path: Path) -> None:
    ids, con = _copied(src, tmp_path, 12, "published", 1)
    pub = dict(con.execute("SELECT id, published FROM articles").fetchall())
    assert sorted(ids) == sorted(pub) and len(ids) == 12
    assert [pub[a] for a in ids] == sorted(pub[a] for a in ids)
    coded, _con = _copied(src, tmp_path, 12, "coded", 1)
    assert coded != ids  # random_articles are not coded in date order


def test_measure_streams(src: str) -> None:
    one = measure(src, 4)
    four = measure(src, 12, 2, "coded", 3)
    assert four["articles"] == 12 and four["copies"] == 3
    assert four["mentions"] == 3 * one["mentions"]
    assert measure(src, 12, 2, "published")["mentions"] == measure(src, 12, 2)["mentions"]
    with pytest.raises(ValueError, match="order"):
        measure(src, 4, order="random")
    with pytest.raises(ValueError, match="copies"):
        measure(src, 4, copies=0)


def test_report_renders_streams() -> None:
    from benchmarks.report import render_clusters

    size = {"mentions": 10, "clusters": 5, "ms_per_article": 5.0, "cpu_ms_per_article": 4.0,
            "ms_per_article_first_tenth": 4.0, "ms_per_article_last_tenth": 6.0, "share_of_coding_time": 0.02}
    stream = {"articles": 10000, "mentions": 100, "clusters": 50, "cpu_ms_per_article": 6.0,
              "cpu_ms_per_article_first_tenth": 5.0, "cpu_ms_per_article_last_tenth": 7.5, "copies": 10,
              "cpu_share_of_coding_time": 0.03}
    c = {"batch_size": 32, "sizes": {"1000": size, "10000": dict(size, ms_per_article=15.0)},
         "streams": {"copies": stream}}
    text = "\n".join(render_clusters(c))
    assert "| the first 1,000 articles 10 times, on days that do not overlap (density of 1,000) | 10,000 | 100 | 50 | " \
           "6.00 | 5.00 | 7.50 | 1.50 | 1.50 | 3.0% |" in text
    assert "publication-date order" not in text
    assert "other streams" not in "\n".join(render_clusters(dict(c, streams={})))
