"""Round r35: what round b31 (a newcomer with the wheel) found on the surfaces.

F1: the HTML reader cannot be loaded (a fresh install without ``lxml_html_clean``): one page is one error, the
articles beside it are coded, and the API answers with the JSON error shape. The reader is made to fail here
(``sys.modules["trafilatura"] = None``), so these tests fail on main whatever is installed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from helpers import FakeCoder

from gaiko.store import Store

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

PAGE = ("<html><head><title>Page</title></head><body><article><p>Poland accused Russia of sabotage on Tuesday, "
        "the foreign ministry said in Warsaw.</p></article></body></html>")


@pytest.fixture()
def no_html_reader(monkeypatch):
    """The HTML reader cannot be imported (as trafilatura without lxml_html_clean on lxml >= 5.2)."""
    monkeypatch.setitem(sys.modules, "trafilatura", None)


def _mixed(tmp_path: Path) -> Path:
    d = tmp_path / "mixed"
    d.mkdir()
    (d / "2025-11-12-a.txt").write_text("Japan and China held talks in Tokyo on Monday about maritime security.\n")
    (d / "2025-11-13-c.html").write_text(PAGE)
    (d / "2025-11-14-b.txt").write_text("Germany promised to send aid to Ukraine by March.\n")
    return d


def test_folder_read_goes_on_past_an_unreadable_page(tmp_path, no_html_reader) -> None:
    from gaiko.ingest import read_inputs
    from gaiko.types import Article, InputError

    items = list(read_inputs([str(_mixed(tmp_path))]))
    assert sum(isinstance(i, Article) for i in items) == 2
    errs = [i for i in items if isinstance(i, InputError)]
    assert [(Path(e.path).name, e.reason, e.severity) for e in errs] == [("2025-11-13-c.html", "html", "error")]
    assert "lxml_html_clean" in errs[0].detail


def test_folder_run_codes_the_good_articles_and_reports_the_page(tmp_path, no_html_reader) -> None:
    from gaiko.ingest import read_inputs
    from gaiko.runner import code_into_store

    with Store(tmp_path / "m.duckdb") as s:
        summary = code_into_store(s, read_inputs([str(_mixed(tmp_path))]), coder=FakeCoder())
        n = s.con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert n == 2 and summary.articles == 2 and summary.errors == 1
    assert [e.reason for e in summary.error_list] == ["html"]


def test_jsonl_html_record_is_one_error_with_the_hint(tmp_path, no_html_reader) -> None:
    from gaiko.ingest import read_inputs
    from gaiko.types import Article, InputError

    p = tmp_path / "x.jsonl"
    p.write_text(json.dumps({"html": PAGE}) + "\n" + json.dumps({"text": "Japan hosted India for talks."}) + "\n")
    items = list(read_inputs([str(p)]))
    assert sum(isinstance(i, Article) for i in items) == 1
    errs = [i for i in items if isinstance(i, InputError)]
    assert [(e.line, e.reason) for e in errs] == [(1, "html")] and "lxml_html_clean" in errs[0].detail


def test_api_answers_an_unreadable_html_body_with_the_error_shape(tmp_path, no_html_reader) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    db = tmp_path / "api.duckdb"
    Store(db).close()
    app = create_app(db, api_key="k", coder=FakeCoder())
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post("/api/v1/articles", params={"wait": 30}, content=PAGE.encode(),
                   headers={"X-API-Key": "k", "Content-Type": "text/html"})
    assert r.status_code == 422, r.text
    body = r.json()
    assert (body["error"], body["reason"]) == ("input_rejected", "html") and "lxml_html_clean" in body["message"]


# F2: "[...]" in stored text is printed as stored, never read as Rich markup

BRACKETED = "Tokyo would honour [the] agreement, [sic] said [Reuters]; install lxml[html-clean] or [bold]x[/bold]"


def test_tables_print_brackets_as_stored(capsys, monkeypatch) -> None:
    from gaiko.cli.common import emit_rows

    monkeypatch.setenv("COLUMNS", "400")
    emit_rows([{"text": BRACKETED, "id": "[x]"}], "table", title="of [red]here[/red]")
    out = capsys.readouterr().out
    assert BRACKETED in out and "[x]" in out and "of [red]here[/red]" in out


def test_errors_command_and_run_summary_print_brackets(tmp_path, cli, capsys, monkeypatch) -> None:
    from gaiko.coding import print_summary
    from gaiko.runner import code_into_store
    from gaiko.types import Article, InputError

    monkeypatch.setenv("COLUMNS", "400")
    db = tmp_path / "b.duckdb"
    bad = InputError("in[put].jsonl", "unreadable", BRACKETED, 1)
    with Store(db) as s:
        summary = code_into_store(s, [Article(text="Japan hosted India for talks.", origin="a.txt"), bad],
                                  coder=FakeCoder())
    capsys.readouterr()
    print_summary(summary, str(db))
    err = capsys.readouterr().err
    assert BRACKETED in err.replace("\n", " ") or BRACKETED in err, err
    assert "in[put].jsonl:1" in err
    code, out, _ = cli("errors", "--db", db)
    assert code == 0 and "in[put].jsonl" in out  # the table folds long cells: each bracket is looked for
    assert all(w in out for w in ("[the]", "[sic]", "[Reuters]", "lxml[html-clean]", "[bold]x[/bold]")), out


# F5, F6: the Python API's limits: None or 0 = every row, the same on every listing; a negative one is refused


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    from helpers import make_coded

    db = tmp_path_factory.mktemp("many") / "many.duckdb"
    with Store(db) as s:
        s.write_coded([make_coded(f"Japan accused China of provocations, report number {i}.",
                                  f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}", 2) for i in range(70)])
    s = Store(db, read_only=True)
    yield s
    s.close()


def test_events_default_is_every_row_and_zero_means_all(many) -> None:
    total = many.count_events(count="mentions")
    assert total > 100
    assert len(many.events(count="mentions")) == total
    assert len(many.events(count="mentions", limit=0)) == total
    assert len(many.events(count="mentions", limit=None, offset=total - 3)) == 3
    assert len(many.events(count="mentions", limit=7)) == 7


def test_every_listing_takes_none_and_zero(many) -> None:
    from gaiko.errors import ConfigError

    n_dyads = many.count_dyads(self_dyads=True)
    for lim in (None, 0):
        assert len(many.dyads(limit=lim, self_dyads=True)) == n_dyads
        assert len(many.actor_list(limit=lim)) == many.count_actors()
        net = many.actor_network(limit=lim)
        assert len(net["edges"]) == net["edges_total"]
        many.map_points(limit=lim)
    assert len(many.dyads(self_dyads=True)) == n_dyads
    for call in (lambda: many.dyads(limit=-1), lambda: many.events(limit=-1), lambda: many.actor_list(offset=-2),
                 lambda: many.map_points(limit="x")):
        with pytest.raises(ConfigError):
            call()


# F4: one count of the statements the ledger is grouped from, and of tracked pledges, after a not_a_pledge overrule

from test_newcomer_r31 import pledge_parts  # noqa: E402,F401 - a fixture used by name


def test_statements_and_tracked_agree_after_not_a_pledge(cli, tmp_path, pledge_parts, monkeypatch) -> None:  # noqa: F811
    import re
    from html import unescape

    from fastapi.testclient import TestClient

    from gaiko.server.app import create_app

    db = tmp_path / "s.duckdb"
    assert cli("import", pledge_parts, "--db", db)[0] == 0
    code, out, err = cli("pledges", "--db", db, "--json")
    first = json.loads(out)["pledges"][0]["id"]
    assert cli("pledge", "set", first, "not_a_pledge", "--db", db)[0] == 0
    code, out, err = cli("pledges", "--db", db, "--json")
    mine = json.loads(out)
    monkeypatch.setenv("COLUMNS", "300")
    code, table, err = cli("pledges", "--db", db)
    code, dis, err = cli("pledges", "--db", db, "--status", "not_a_pledge")
    with TestClient(create_app(str(db))) as c:
        api = c.get("/api/v1/pledges").json()
        page = re.sub(r"<[^>]+>", "", unescape(c.get("/pledges").text))
    said = re.search(r"([\d,]+) tracked pledges.*?grouped from ([\d,]+) pledge statements", page, re.S)
    assert said, page[:500]
    page_n = (int(said.group(1).replace(",", "")), int(said.group(2).replace(",", "")))
    assert (mine["total"], mine["statements"]) == (api["total"], api["statements"]) == page_n
    assert f"{api['total']} tracked, grouped from {api['statements']} statement" in table.replace("\n", " ")
    assert f"of {api['total']} tracked, grouped from {api['statements']} statement" in dis.replace("\n", " ")


# F11: the small surface items


def _small(tmp_path: Path) -> Path:
    from helpers import make_coded

    db = tmp_path / "small.duckdb"
    with Store(db) as s:
        s.write_coded([make_coded("Japan accused China of provocations.", "2025-11-02", 3),
                       make_coded("Japan hosted India for talks on security.", "2025-11-03", 2)])
    return db


def test_create_app_refuses_a_missing_store_unless_create(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from gaiko.errors import StoreError
    from gaiko.server import create_app

    missing = tmp_path / "mistyped.duckdb"
    with pytest.raises(StoreError, match="no store at"):
        create_app(missing)
    with pytest.raises(StoreError):
        create_app(missing, api_key="k")
    assert not missing.exists()
    with TestClient(create_app(missing, create=True)) as c:
        assert c.get("/api/v1/health").json()["events"] == 0
    assert missing.exists()


def test_health_names_mentions_and_clusters(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    with TestClient(create_app(_small(tmp_path))) as c:
        h = c.get("/api/v1/health").json()
        st = c.get("/api/v1/stats").json()
    assert (h["events"], h["mentions"], h["clusters"]) == (st["events"], st["events"], st["clusters"]) == (5, 5, 5)


def test_overrules_export_takes_out_and_scorecard_takes_json(cli, tmp_path) -> None:
    db = _small(tmp_path)
    out = tmp_path / "dec.jsonl"
    code, said, err = cli("overrules", "export", "--out", out, "--db", db)
    assert code == 0 and out.exists(), err
    code, _, err = cli("overrules", "export", tmp_path / "a.jsonl", "--out", out, "--db", db)
    assert code == 2 and "give one" in err
    code, _, err = cli("overrules", "export", "--db", db)
    assert code == 2 and "give the file to write" in err
    code, said, err = cli("scorecard", "--db", db, "--json")
    assert code == 0, err
    card = json.loads(said)
    code, same, _ = cli("scorecard", "--db", db, "--format", "json")
    assert card == json.loads(same) and "rows" in card
    code, _, err = cli("scorecard", "--db", db, "--json", "--format", "csv")
    assert code == 2 and "give one" in err


def test_stats_table_says_what_its_clusters_count(cli, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    code, out, err = cli("stats", "--db", _small(tmp_path))
    assert code == 0, err
    assert "clusters (negated ones too; gaiko events: without)" in out
    squeezed = "".join(out.split())  # a title is wrapped to its table's width
    assert "topdyads(negatedeventsandacountryactingonitselftoo;gaikodyads:without)" in squeezed


# F7: the CLI's series shape from the API and Python with one switch (panel)


def test_panel_gives_the_cli_shape_everywhere(cli, tmp_path) -> None:
    from fastapi.testclient import TestClient
    from helpers import make_coded

    from gaiko.server import create_app

    db = tmp_path / "gap.duckdb"
    with Store(db) as s:  # November and January, nothing in December
        s.write_coded([make_coded("Japan accused China of provocations.", "2025-11-02", 3),
                       make_coded("Japan hosted India for talks on security.", "2026-01-03", 2)])
    code, out, err = cli("series", "--db", db, "--source", "JPN", "--interval", "month", "-f", "csv")
    assert code == 0, err
    head, *lines = out.strip().splitlines()
    assert len(lines) == 3 and "verbal_cooperation" in head
    with Store(db, read_only=True) as s:
        py = s.series_rows(s.dyad_series("JPN", None, interval="month", panel=True))
        plain = s.series_rows(s.dyad_series("JPN", None, interval="month"))
        mixed = s.dyad_series("JPN", None, interval="month", panel=True, by="type")
    assert len(plain) == 2 and "verbal_cooperation" not in plain[0]  # the default is unchanged
    assert [r["bucket"] for r in py] == [ln.split(",")[0] for ln in lines] and list(py[0]) == head.split(",")
    assert mixed["by"] == "type" and len(mixed["buckets"]) == 3
    with TestClient(create_app(db)) as c:
        api = c.get("/api/v1/series", params={"source": "JPN", "interval": "month", "panel": "true",
                                              "format": "csv"}).text.strip().splitlines()
        base = c.get("/api/v1/series", params={"source": "JPN", "interval": "month"}).json()
    assert [ln.split(",")[:5] for ln in api] == [ln.split(",")[:5] for ln in [head, *lines]]
    assert len(base["buckets"]) == 2 and base["by"] == "type"


# F10: `gaiko pledge set ... --date`: the day of the evidence, used by the status date, the scorecard and replays


def test_pledge_set_date_is_the_status_date_and_replays_respect_it(cli, tmp_path, pledge_parts) -> None:  # noqa: F811
    db = tmp_path / "s.duckdb"
    assert cli("import", pledge_parts, "--db", db)[0] == 0

    def entry(*extra: str) -> dict:
        code, out, err = cli("pledges", "--db", db, "--json", *extra)
        assert code == 0, err
        return next(p for p in json.loads(out)["pledges"] if p["actor_country"] == "BRA")

    bra = entry()
    assert bra["made_on"] == "2026-03-05" and bra["status"] != "fulfilled"
    code, _, err = cli("pledge", "set", bra["id"], "fulfilled", "--date", "2026-01-01", "--db", db)
    assert code == 2 and "before the pledge was made" in err
    code, _, err = cli("pledge", "set", bra["id"], "fulfilled", "--date", "2026-02-30", "--db", db)
    assert code == 2 and "date" in err
    code, _, err = cli("pledge", "set", bra["id"], "fulfilled", "--date", "2026-05-01", "--note", "cut", "--db", db)
    assert code == 0, err
    now = entry()
    assert (now["status"], now["status_date"]) == ("fulfilled", "2026-05-01")
    before = entry("--as-of", "2026-04-20")
    assert before["status"] != "fulfilled" and not before["overridden"]  # computed, as of that day
    assert entry("--as-of", "2026-05-02")["status"] == "fulfilled"
    code, out, err = cli("scorecard", "--db", db, "--json")
    row = next(r for r in json.loads(out)["rows"] if "BRA" in json.dumps(r))
    assert row["median_lag_days"] == 57  # 2026-03-05 -> 2026-05-01
    dec = tmp_path / "dec.jsonl"
    assert cli("overrules", "export", dec, "--db", db)[0] == 0
    assert '"date": "2026-05-01"' in dec.read_text()
    other = tmp_path / "o.duckdb"
    assert cli("import", pledge_parts, "--db", other)[0] == 0
    assert cli("overrules", "import", dec, "--db", other)[0] == 0
    code, out, _ = cli("pledges", "--db", other, "--json")
    got = next(p for p in json.loads(out)["pledges"] if p["actor_country"] == "BRA")
    assert (got["status"], got["status_date"]) == ("fulfilled", "2026-05-01")
