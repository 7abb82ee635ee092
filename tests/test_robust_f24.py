"""Fixes from a newcomer's test (f24): each test fails on the code before its fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import FakeCoder

from gaiko.coding import run_code
from gaiko.ingest import read_inputs
from gaiko.store import Store
from gaiko.types import Article, InputError

TEXT = ("Japan's prime minister met the president of France in Tokyo on Monday and said the two "
        "governments would sign a trade agreement by the end of the year.")


def _errors(items: list) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]


def test_store_inside_the_input_folder_is_not_read(tmp_path: Path) -> None:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(TEXT)
    db = d / "b.duckdb"
    for _ in range(2):  # the second run finds its own store (and maybe its .wal) in the folder
        s = run_code([str(d)], db=str(db), quiet=True, coder=FakeCoder(), track=False)
        assert s.errors == 0 and s.warnings == 0
    (d / "b.duckdb.wal").write_bytes(b"\x00\x01wal")  # its own .wal: silent too
    (d / "other.duckdb").write_bytes(b"\x00DUCK")
    items = list(read_inputs([str(d)], store=str(db)))
    errs = _errors(items)
    assert [(Path(e.path).name, e.reason, e.severity) for e in errs] == [("other.duckdb", "store_file", "warning")]
    assert [a.text for a in items if isinstance(a, Article)] == [TEXT]


def test_unterminated_quote_in_a_csv_row_is_a_csv_error(tmp_path: Path) -> None:
    p = tmp_path / "a.csv"
    p.write_text(f'id,text\n1,"{TEXT}"\n2,"unterminated\n')
    items = list(read_inputs([str(p)]))
    assert [a.external_id for a in items if isinstance(a, Article)] == ["1"]
    (err,) = _errors(items)
    assert (err.reason, err.line, err.severity) == ("csv", 3, "error")
    assert "unterminated" in err.detail and err.input_id and err.input_id.startswith("raw-")
    # a quote that is closed but followed by more text: also malformed; the rows after it are coded
    p.write_text(f'id,text\n1,"a"b\n2,"{TEXT}"\n')
    items = list(read_inputs([str(p)]))
    assert [(e.reason, e.line) for e in _errors(items)] == [("csv", 2)]
    assert [a.external_id for a in items if isinstance(a, Article)] == ["2"]


@pytest.mark.parametrize("text", [
    "Der Bundeskanzler hat am Montag in Berlin erklärt, dass die Regierung die Steuern bald senken wird.",
    "高市首相は月曜日、東京でフランス大統領と会談し、年内に貿易協定に署名すると述べた。",
    "首相は東京で会談した。",
    "Le président a dit que les deux pays vont signer un accord avec le Japon dans une semaine.",
    "El presidente dijo que el gobierno firmará un acuerdo con Japón para reducir los aranceles.",
])
def test_short_foreign_texts_are_not_english(tmp_path: Path, text: str) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    assert [(e.reason, e.severity) for e in _errors(list(read_inputs([str(p)])))] == [("not_english", "error")]


@pytest.mark.parametrize("text", [
    "Japan, France sign trade deal",
    "Takaichi meets Macron in Tokyo",
    "Storm hits Des Moines; Sao Paulo braces for floods",
    "Kishida (岸田文雄) visits Seoul",
    "Protesters marched in Berlin on Saturday against the new law.",
    "Von der Leyen says the EU will respond to US tariffs.",
    TEXT,
])
def test_short_english_texts_are_coded(tmp_path: Path, text: str) -> None:
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    items = list(read_inputs([str(p)]))
    assert _errors(items) == [] and [a.text for a in items if isinstance(a, Article)] == [text]


def test_a_run_of_one_letter_is_coded_with_a_not_text_warning(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("a" * 30_000)
    items = list(read_inputs([str(p)]))
    assert [(e.reason, e.severity) for e in _errors(items)] == [("not_text", "warning")]
    assert len([a for a in items if isinstance(a, Article)]) == 1
    p.write_text(TEXT + " https://example.com/" + "x" * 900)  # a long URL is still text
    assert _errors(list(read_inputs([str(p)]))) == []


class IdCoder(FakeCoder):
    """A FakeCoder that keeps the record's external id (as the real coder does)."""

    def code_article(self, a: Article):
        c = super().code_article(a)
        c.article.external_id = a.external_id
        return c


def _jsonl(path: Path, *records: dict) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return str(path)


def test_duplicate_ids_keep_the_first_text_and_warn(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    other = TEXT.replace("Monday", "Tuesday")
    third = TEXT.replace("Monday", "Friday")
    a = _jsonl(tmp_path / "a.jsonl", {"id": "x1", "text": TEXT}, {"id": "x1", "text": other},
               {"id": "x2", "text": TEXT.replace("Monday", "Sunday")})
    s = run_code([a], db=db, quiet=True, coder=IdCoder(), track=False)
    assert (s.articles, s.errors, s.warnings) == (2, 0, 1)
    (w,) = s.error_list
    assert (w.reason, w.severity, w.line) == ("duplicate_id", "warning", 2) and other in w.detail
    # re-sending the id with a changed text: warned again, not stored; the same text again: a silent no-op
    b = _jsonl(tmp_path / "b.jsonl", {"id": "x1", "text": third}, {"id": "x1", "text": TEXT})
    s = run_code([b], db=db, quiet=True, coder=IdCoder(), track=False)
    assert (s.articles, s.skipped, [e.reason for e in s.error_list]) == (0, 1, ["duplicate_id"])
    assert third in s.error_list[0].detail
    with Store(db) as st:
        rows = st.con.execute("SELECT external_id, text FROM articles ORDER BY external_id").fetchall()
        kept = st.con.execute("SELECT count(*) FROM errors WHERE reason = 'duplicate_id'").fetchone()[0]
    assert [r[0] for r in rows] == ["x1", "x2"] and rows[0][1] == TEXT and kept == 2


def test_errors_of_array_items_on_one_line_name_the_item(tmp_path: Path, cli) -> None:
    p = tmp_path / "a.json"
    p.write_text("[1,2,3]")
    db = str(tmp_path / "s.duckdb")
    s = run_code([str(p)], db=db, quiet=True, coder=FakeCoder(), track=False)
    assert s.errors == 3
    code, out, err = cli("errors", "--db", db, "--format", "jsonl")
    details = sorted(json.loads(line)["detail"] for line in out.splitlines() if line.strip())
    assert [d.split(":")[0] for d in details] == ["array item 1", "array item 2", "array item 3"]


def test_eval_of_an_empty_gold_file_is_an_error(tmp_path: Path, cli) -> None:
    p = tmp_path / "empty.jsonl"
    p.write_text("")
    code, out, err = cli("eval", p, "--format", "gaiko-corpus")
    assert code == 2 and "no gold items" in err and out == ""  # exit 2, as every failure (docs/cli.md "Errors")


def test_eval_reads_a_gaiko_corpus_folder() -> None:
    from gaiko.errors import EvaluationError
    from gaiko.evaluate import read_gold

    folder = Path(__file__).resolve().parents[1] / "corpora" / "events"
    fmt, items = read_gold(folder)
    per_file = [read_gold(f, "gaiko-corpus")[1] for f in sorted(folder.glob("*.jsonl"))]
    assert fmt == "gaiko-corpus" and len(items) == sum(map(len, per_file)) > len(per_file[0])
    with pytest.raises(EvaluationError, match="only --format gaiko-corpus"):
        read_gold(folder, "petr-xml")


def test_pledge_unset_drops_a_status_set_by_hand(coder, tmp_path: Path, cli) -> None:
    from gaiko.tracking import ledger, update_ledger

    arts = [Article(text="Freedonia will release all 20 detained fishermen within 72 hours, its foreign minister "
                         "said.", published="2024-05-01"),
            Article(text="Freedonia said on Friday it had not released the detained fishermen.",
                    published="2024-05-10")]
    db = str(tmp_path / "p.duckdb")
    with Store(db) as st:
        st.write_coded(list(coder.code_articles(arts)), None)
        update_ledger(st)
        (e,) = [r for r in ledger(st) if "release" in r["action"].lower()]
    computed = e["status"]
    assert computed != "fulfilled"
    assert cli("pledge", "set", e["id"], "fulfilled", "--db", db)[0] == 0
    code, out, err = cli("pledge", "unset", e["id"], "--db", db)
    assert code == 0 and f"{e['id']}: {computed}" in out
    with Store(db, read_only=True) as st:
        (again,) = [r for r in ledger(st) if r["id"] == e["id"]]
    assert again["status"] == computed and not again.get("overridden")
    code, out, err = cli("pledge", "unset", e["id"], "--db", db)  # nothing left to drop: one clear line
    assert code == 2 and "no status set by hand" in err


def test_pledges_title_tells_filtered_from_all_and_counts_in_words() -> None:
    from gaiko.cli.pledges import pledges_title

    assert pledges_title(41, 41, 44, None, None) == "Pledges (41 tracked, grouped from 44 statements in articles)"
    assert pledges_title(1, 1, 1, None, None) == "Pledges (1 tracked, grouped from 1 statement in articles)"
    assert pledges_title(2, 41, 44, None, "overdue") == ("Pledges: 2 with status overdue, of 41 tracked, grouped "
                                                         "from 44 statements in articles")


def test_cluster_show_counts_in_words_and_since_after_until_is_a_422(tmp_path: Path, cli) -> None:
    from fastapi.testclient import TestClient
    from helpers import make_coded

    from gaiko.server import create_app

    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        s.write_coded([make_coded("Japan hosted India for talks on maritime security.", "2025-11-04", 1)])
        cid = s.scalar("SELECT id FROM clusters LIMIT 1")
    code, out, err = cli("cluster", "show", cid, "--db", db)
    assert code == 0 and "1 mention in 1 article from 1 outlet;" in out, out
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        r = client.get("/api/v1/events", params={"since": "2025-12-01", "until": "2025-11-01"})
        assert r.status_code == 422 and r.json()["error"] == "config_error" and "after until" in r.json()["message"]
        assert client.get("/api/v1/events", params={"since": "2025-11-01", "until": "2025-11-01"}).status_code == 200


def test_readme_names_every_pledge_status() -> None:
    import re

    from gaiko.tracking import STATUSES

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    m = re.search(r"\*\*Pledges\*\*:(.*?)docs/pledges\.md", readme, re.S)
    assert m, "README's Pledges bullet"
    assert [s for s in STATUSES if f"`{s}`" not in m.group(1)] == []


def test_readme_make_run_output_matches_a_run(coder, tmp_path: Path) -> None:
    """README's "What `make run` prints": every pledge row's id and status, and every event row's date, type
    and trigger, as a run on the example corpus gives them (the time and cluster ids may differ)."""
    import re

    import gaiko
    from gaiko.tracking import ledger

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("<!-- make-run-output -->"):readme.index("<!-- /make-run-output -->")]
    shown = dict(re.findall(r"│ (pledge-[0-9a-f]+) │ (\w+) +│", block))
    events = re.findall(r"│ (\d{4}-\d\d-\d\d) │ (\w+) +│[^│]*│[^│]*│[^│]*│ (\w+) +│", block)
    db = str(tmp_path / "example.duckdb")
    corpus = Path(gaiko.__file__).parent / "examples" / "corpus.jsonl"
    s = run_code([str(corpus)], db=db, quiet=True, coder=coder)
    assert (s.articles, s.errors) == (10, 0)
    with Store(db, read_only=True) as st:
        got = {e["id"]: e["status"] for e in ledger(st)}
        rows = st.events(limit=15, sort="date")
    assert shown == got
    assert events == [(str(r["date"]), r["event_type"], r["trigger"]) for r in rows]
    # the counts the block prints: pledge statements in the summary and in the ledger's title (round n41: the README
    # said 44 for a run that found 43, which no check above saw)
    said = re.findall(r"│ pledges +│ +(\d+) │", block) + re.findall(r"grouped from (\d+) statements", block)
    assert said == [str(s.pledges)] * 2, said
    assert re.findall(r"│ events +│ +(\d+) │", block) == [str(s.events)]
