"""Surface round u39 (what newcomers found coding their own articles: b38 F19-F21, b37 S1-S4), with articles we wrote.

F19. ``gaiko scorecard --by country`` keeps actors of no state apart by their full code (the EU ``IGOIGO`` and
     Amnesty International ``IGONGO``), never one "IGO" row, each row's filter opening exactly its pledges; a table
     wider than 160 columns is printed in blocks of whole columns, as ``gaiko series`` prints it, never a header folded
     mid-word ("withdraw/n").
F21. docs/cli.md reads as a manual: no round tags (r37, b33 F20, n39 ...) in its paragraphs; what each round changed is
     in docs/rounds/cli.md, named from a short "History" section at the end.
F20. README says how to code a daily feed (a day's files in one `gaiko code` run, or `gaiko serve` and POST
     /api/v1/articles with the model loaded once), below its two set-up commands; its commands parse and the POST works.
S4.  The run summary counts articles and records apart: one record in two input files is one article, not "already
     in store (skipped) 27" for 26 stored articles; the repeated record has a row and a note of its own.
S2.  An HTML page's headline (``<h1>`` in ``<article>``), extracted as the article's title, is not coded and never runs
     into the first sentence of the body: it is a title, as a record's ``title`` is.
S1.  docs/records.md says plainly that gaiko records no casualty figure, and what to use instead (the sentence,
     ``gaiko events --text killed``, ``gaiko cluster show``), which works as it says.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

_STORY = [
    {"id": "u39-1", "published": "2026-03-02", "source": "Baltic Wire",
     "text": "The European Union pledged to send 40 million euros in flood aid to Moldova by April."},
    {"id": "u39-2", "published": "2026-03-03", "source": "Baltic Wire",
     "text": "Amnesty International urged Belarus to release the jailed journalists."},
    {"id": "u39-3", "published": "2026-03-04", "source": "Baltic Wire",
     "text": "Latvia promised to reopen the Terehova border crossing within two weeks."},
]


ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def story_db(tmp_path_factory, coder) -> str:
    from gaiko.coding import run_code

    d = tmp_path_factory.mktemp("u39story")
    src = d / "news.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in _STORY) + "\n", encoding="utf-8")
    db = str(d / "news.duckdb")
    run_code([str(src)], db=db, quiet=True, coder=coder)
    return db


# -- F19: the scorecard by country -----------------------------------------------------------------------------------
def test_scorecard_by_country_keeps_igo_and_ngo_apart(story_db) -> None:
    from gaiko.store import Store
    from gaiko.store.ledger_view import ledger_view
    from gaiko.store.scorecard import scorecard

    with Store(story_db, read_only=True) as st:
        card = scorecard(st, by="country")
        rows = {r["key"]: r for r in card["rows"]}
        assert "IGO" not in rows
        assert rows["IGOIGO"]["pledges"] == 1 and rows["IGOIGO"]["demands"]["made"] == 0
        assert rows["IGONGO"]["pledges"] == 0 and rows["IGONGO"]["demands"]["made"] == 1
        assert rows["LVA"]["pledges"] == 1
        # each row's ledger filter opens exactly the pledges it counts
        for key in ("IGOIGO", "LVA"):
            assert ledger_view(st, **rows[key]["filter"])["total"] == rows[key]["pledges"]
        made = rows["IGONGO"]["demands"]["made_filter"]
        assert ledger_view(st, **made)["total"] == 1
        # the country code as the actor has it still finds every international body
        assert ledger_view(st, actor_country="IGO")["total"] == 2


def test_scorecard_table_at_160_columns_folds_no_header(story_db, cli) -> None:
    code, out, _ = cli("scorecard", "--db", story_db)
    assert code == 0
    headers = {"median_lag_days", "demands_made", "demands_asked", "demands_met", "demands_unmet", "kept_share",
               "withdrawn"}
    for h in headers:
        assert re.search(rf"[┃|]\s*{h}\s*[┃|]", out), f"{h} folded or missing:\n{out}"
    assert max(len(line) for line in out.splitlines()) <= 160
    assert "IGOIGO" in out and "IGONGO" in out


# -- F21: docs/cli.md without round tags ------------------------------------------------------------------------------
_TAG = re.compile(r"\b[Rr]ound [a-z]\d+\b|\b[a-z]\d{2} F\d+\b|\b(?:b\d{2}|s35)\b|\b[a-z]\d{2}'s F\d+")


def test_cli_doc_paragraphs_carry_no_round_tags() -> None:
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    body, _, history = doc.partition("\n## History\n")
    found = [m.group(0) for m in _TAG.finditer(body)]
    assert not found, f"round tags in docs/cli.md: {found[:10]}"
    assert "docs/rounds/cli.md" in history or "rounds/cli.md" in history
    rounds = (ROOT / "docs" / "rounds" / "cli.md").read_text(encoding="utf-8")
    assert "## Round u39" in rounds  # the notes taken out are kept there


# -- F20: README on coding a daily feed -------------------------------------------------------------------------------
def _daily_feed_part() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.find("**Coding a daily feed.**")
    assert start > 0, "README says nothing on coding a daily feed"
    assert readme.lstrip().startswith("# gaiko") and readme.index("make run") < start  # the set-up commands first
    end = readme.find("\n\n", readme.find("(docs/api.md", start))
    return readme[start:end]


def test_readme_says_how_to_code_a_daily_feed_and_its_commands_parse() -> None:
    import typer.main

    from gaiko.cli import app

    part = _daily_feed_part()
    assert "one run" in part and "already in the store" in part and "POST" in part
    assert "/api/v1/articles" in part and "gaiko serve" in part
    click_app = typer.main.get_command(app)
    lines = [ln.split("#")[0].strip().rstrip("&").strip() for ln in part.splitlines() if ln.startswith("gaiko ")]
    assert len(lines) >= 3
    for line in lines:
        name, *args = line.split()[1:]
        click_app.commands[name].make_context(name, list(args))  # every option named exists and takes its value


def test_the_readme_post_of_a_days_records_codes_them(story_db, tmp_path, coder) -> None:
    import shutil

    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    part = _daily_feed_part()
    url = re.search(r"curl -X POST '(http://[^']+)'", part).group(1)
    path = url.split("8000", 1)[1]
    ctype = re.search(r"Content-Type: ([^']+)'", part).group(1)
    db = tmp_path / "news.duckdb"
    shutil.copy(story_db, db)
    day = [{"id": "u39-d1", "published": "2026-03-09", "source": "Baltic Wire",
            "text": "Estonia pledged to double its defence budget by 2028."}]
    client = TestClient(create_app(str(db), api_key="k", coder=coder))
    r = client.post(path, content="\n".join(json.dumps(a) for a in day) + "\n",
                    headers={"X-API-Key": "k", "Content-Type": ctype})
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "finished" and r.json()["summary"]["articles"] == 1


# -- S4: the run summary, records vs articles --------------------------------------------------------------------------
def _rows(err: str) -> dict[str, str]:
    rows = {}
    for line in err.splitlines():
        cells = [c.strip() for c in line.strip().strip("│").split("│")]
        if len(cells) == 2 and cells[0]:
            rows[cells[0]] = cells[1]
    return rows


def test_a_record_in_two_files_is_one_article_in_the_summary(tmp_path, coder, capsys) -> None:
    from gaiko.coding import print_summary, run_code

    a, b = tmp_path / "monday.jsonl", tmp_path / "tuesday.jsonl"
    a.write_text("\n".join(json.dumps(r) for r in _STORY) + "\n", encoding="utf-8")
    b.write_text(json.dumps(_STORY[2]) + "\n", encoding="utf-8")  # the Latvian promise again, a day later
    db = str(tmp_path / "news.duckdb")
    first = run_code([str(a), str(b)], db=db, quiet=True, coder=coder)
    again = run_code([str(a), str(b)], db=db, quiet=True, coder=coder)
    assert (first.articles, first.skipped, first.repeats) == (3, 1, 1)
    assert (again.articles, again.skipped, again.repeats) == (0, 4, 1)  # 4 records, 3 articles
    capsys.readouterr()
    print_summary(first, db)
    rows = _rows(capsys.readouterr().err)
    assert rows["already in store (skipped)"] == "0" and rows["repeated records (skipped)"] == "1"
    print_summary(again, db)
    err = capsys.readouterr().err
    rows, said = _rows(err), " ".join(err.split())
    assert rows["articles coded"] == "0" and rows["already in store (skipped)"] == "3"
    assert rows["repeated records (skipped)"] == "1"
    assert "nothing coded; 3 already in store" in said and "stored and counted once" in said


# -- S2: an HTML page's headline is its title, not coded ------------------------------------------------------------
_HEAD = "Estonia and Finland sign ferry accord"
_BODY = ("<p>Estonia and Finland signed an accord on the Tallinn ferry route on Friday.</p>"
         "<p>The two governments praised the deal in a joint statement issued in Helsinki.</p>")


@pytest.mark.parametrize("wrap", ["article", "main"])
def test_an_html_headline_is_the_title_and_not_coded(tmp_path, coder, wrap) -> None:
    from gaiko.ingest import read_path
    from gaiko.types import Article

    page = tmp_path / "2026-03-06-ferry.html"
    page.write_text(f"<html><head><title>{_HEAD} | Riga Daily</title></head><body><{wrap}><h1>{_HEAD}</h1>{_BODY}"
                    f"</{wrap}></body></html>", encoding="utf-8")
    (art,) = [i for i in read_path(page) if isinstance(i, Article)]
    assert art.title and art.title.startswith(_HEAD)
    assert not art.text.startswith(_HEAD) and art.text.startswith("Estonia and Finland signed")
    sents = [s.text for s in coder.code_article(art).sentences]
    assert not any(_HEAD in s for s in sents), sents
    assert sents[0].startswith("Estonia and Finland signed an accord")


def test_an_html_page_whose_first_line_is_no_headline_keeps_it(tmp_path) -> None:
    from gaiko.ingest_records import html_to_article

    lead = "Estonia and Finland signed an accord on the Tallinn ferry route on Friday, officials in Tallinn said."
    art = html_to_article("<html><body><article><h1>Ferry deal</h1><p>Intro.</p></article></body></html>", "x")
    assert art.title == "Ferry deal" and "Intro." in art.text
    art = html_to_article(f"<html><body><article><p>{lead}</p><p>{lead}</p></article></body></html>", "x")
    assert art.text.startswith(lead)


# -- S1: no casualty figure, said; what to use instead works ----------------------------------------------------------
def test_records_doc_says_there_is_no_casualty_figure_and_what_to_use() -> None:
    doc = (ROOT / "docs" / "records.md").read_text(encoding="utf-8")
    assert "## No casualty figure" in doc
    part = doc.split("## No casualty figure", 1)[1].split("\n## ", 1)[0]
    assert "`fatalities`" in part and "gaiko events --text killed" in part and "gaiko cluster show ID" in part


def test_the_toll_is_read_in_the_sentence_of_each_report(tmp_path, coder, cli) -> None:
    from gaiko.coding import run_code

    src = tmp_path / "sahel.jsonl"
    rows = [{"id": "u39-k1", "published": "2026-03-08", "source": "Sahel Desk",
             "text": "Gunmen killed six soldiers in an attack on an army base near Djibo on Sunday, the army said."},
            {"id": "u39-k2", "published": "2026-03-09", "source": "Niger Wire",
             "text": "At least five soldiers were killed when gunmen attacked an army base near Djibo on Sunday."}]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    db = str(tmp_path / "sahel.duckdb")
    run_code([str(src)], db=db, quiet=True, coder=coder)
    code, out, _ = cli("events", "--db", db, "--text", "killed", "--count", "mentions", "-f", "jsonl")
    recs = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(recs) == 2
    assert {("six" in r["text"], "five" in r["text"]) for r in recs} == {(True, False), (False, True)}
    assert not any(k for r in recs for k in r if re.search(r"fatal|casualt|dead|killed", k))  # no such field
