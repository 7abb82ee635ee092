"""Round n34: a newcomer's run through gaiko, with inputs of our own (docs/cli.md, docs/records.md, docs/clusters.md).

Each test failed before its fix.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import code_here


# -- a file pasted together from UTF-8 and Windows-1252 text -----------------------------------------------------
def _mixed_file(tmp_path: Path) -> Path:
    """A note whose first sentence was pasted from a UTF-8 page (curly apostrophe as three bytes) and whose
    second came from a Windows-1252 document (apostrophe 0x92, e-acute 0xE9)."""
    src = tmp_path / "2026-04-02-reef.txt"
    src.write_bytes("Indonesia\u2019s navy escorted a research vessel near Natuna \u2014 officials said. ".encode()
                    + b"Malaysia\x92s caf\xe9 owners protested the new tax.\n")
    return src


def test_a_file_of_utf8_and_windows_1252_keeps_both_readable(tmp_path: Path) -> None:
    """Read whole as Windows-1252, the UTF-8 apostrophe became "Indonesia\u00e2\u20ac\u2122s" (so the coder missed the
    country: "Vietnam's ministry protested" came out with China as its source); each part is now read as what
    it is, with an encoding warning that says so."""
    from gaiko.ingest import read_path
    from gaiko.types import Article, InputError

    items = list(read_path(_mixed_file(tmp_path)))
    arts = [i for i in items if isinstance(i, Article)]
    warns = [i for i in items if isinstance(i, InputError)]
    assert arts[0].text == ("Indonesia\u2019s navy escorted a research vessel near Natuna \u2014 officials said. "
                            "Malaysia\u2019s caf\u00e9 owners protested the new tax.")
    assert [(w.reason, w.severity) for w in warns] == [("encoding", "warning")]
    assert "UTF-8" in warns[0].detail and "Windows-1252" in warns[0].detail


@pytest.mark.parametrize("text", [
    "Sm\u00f8rrebr\u00f8d at the embassy, na\u00efve hopes, \u201cquotes\u201d \u2013 dashes\u2026",
    "CAF\u00c9\u2019S owner, D\u00dcSSELDORF\u2026 and \u00e9\u2019\u201d",  # pairs that are also UTF-8 byte sequences
])
def test_a_windows_1252_file_reads_as_before(text: str) -> None:
    from gaiko.ingest_checks import decode_bytes

    got, note = decode_bytes(text.encode("cp1252"))
    assert got == text
    assert note == "not UTF-8: decoded as Windows-1252/Latin-1"


def test_the_mixed_file_codes_the_country_that_spoke(tmp_path: Path, coder) -> None:
    from gaiko.ingest import read_path
    from gaiko.types import Article

    src = tmp_path / "2026-04-03-vn.txt"
    src.write_bytes("Thailand\u2019s foreign ministry condemned Cambodia on Monday. ".encode()
                    + b"Laos\x92s envoy stayed silent.\n")
    art = next(i for i in read_path(src) if isinstance(i, Article))
    events = coder.code_article(art).events
    assert any(e.event_type == "ACCUSE" and e.source and e.source.country == "THA" for e in events), events


# -- GDELT's quad class in every export ---------------------------------------------------------------------------
def test_the_jsonl_export_carries_gdelts_quad_class_beside_plovers(cli, tmp_path: Path) -> None:
    """docs/records.md called `quad_class` GDELT's quad class of the CAMEO root (with ranges 06-09, 10-14, 15-20 that
    the code does not use); it is the PLOVER type's. GDELT's was in CSV and Parquet as `cameo_quad_class` but
    missing from the PLOVER JSONL, so a lifted ban (CONCEDE, CAMEO 08) could not be compared with GDELT there."""
    src = tmp_path / "2026-02-06-ban.txt"
    src.write_text("Serbia lifted its ban on imports from Kosovo on Friday.", encoding="utf-8")
    db = tmp_path / "q.duckdb"
    assert cli("code", src, "--db", db)[0] == 0
    out = tmp_path / "ev.jsonl"
    assert cli("export", "--db", db, "-o", out)[0] == 0
    recs = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    concede = [r for r in recs if r["event"] == "CONCEDE"]
    assert concede and all((r["quad_class"], r["cameo_root"], r["cameo_quad_class"]) == (1, "08", 2) for r in concede)
    code, printed, _ = cli("events", "--db", db, "--format", "jsonl")
    assert code == 0 and all("cameo_quad_class" in json.loads(line) for line in printed.splitlines())


def test_the_records_doc_gives_the_quad_ranges_the_code_uses() -> None:
    from gaiko.tables import quad_class_of

    doc = (Path(__file__).resolve().parents[1] / "docs" / "records.md").read_text("utf-8")
    assert "06–09" not in doc and "`cameo_quad_class`" in doc
    assert [quad_class_of(f"{r:02d}") for r in (5, 6, 8, 9, 13, 14)] == [1, 2, 2, 3, 3, 4]
    assert "1 for 01–05, 2 for 06–08, 3 for 09–13, 4 for 14–20" in doc


# -- a merge by hand across types ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def two_kinds_store(tmp_path_factory, coder) -> Path:
    """Two articles of our own: a condemnation and a pledge of aid, of other days and sides."""
    from typer.testing import CliRunner

    from gaiko.cli import app

    folder = tmp_path_factory.mktemp("kinds")
    (folder / "2026-05-04-a.txt").write_text("Uruguay condemned Paraguay on Monday over the river dam.", "utf-8")
    (folder / "2026-05-06-b.txt").write_text("Norway sent emergency food aid to Mozambique on Wednesday.", "utf-8")
    db = folder / "k.duckdb"
    with pytest.MonkeyPatch.context() as mp:  # coded here with the session's coder, no worker process (round ci57)
        code_here(mp, coder)
        res = CliRunner().invoke(app, ["code", str(folder), "--db", str(db)])
    assert res.exit_code == 0, res.output
    return db


def _cluster_ids(cli, db: Path) -> dict[str, str]:
    code, out, _ = cli("events", "--db", db, "--json")
    assert code == 0
    rows = json.loads(out)
    rows = rows.get("events", rows.get("rows", rows)) if isinstance(rows, dict) else rows
    return {r["event_type"]: r.get("cluster_id") or r["id"] for r in rows}


def test_a_merge_of_two_types_says_which_one_counts(cli, two_kinds_store: Path, tmp_path: Path) -> None:
    """`gaiko cluster merge` of an ACCUSE and an AID cluster said only "are now cluster cl-..."; the AID report then
    counted as ACCUSE (docs/clusters.md: the rules never join two types) without a word."""
    import shutil

    db = tmp_path / "m.duckdb"
    shutil.copy(two_kinds_store, db)
    ids = _cluster_ids(cli, db)
    assert {"ACCUSE", "AID"} <= ids.keys(), ids
    code, out, err = cli("cluster", "merge", ids["ACCUSE"], ids["AID"], "--db", db)
    assert code == 0 and "are now cluster" in out
    assert "different types" in err and ids["ACCUSE"] in err and ids["AID"] in err
    assert "gaiko cluster undo ov-" in err and "counted as" in err


def test_merge_clusters_returns_the_kinds(two_kinds_store: Path, tmp_path: Path) -> None:
    import shutil

    from gaiko.clusters import merge_clusters
    from gaiko.store import Store

    db = tmp_path / "m2.duckdb"
    shutil.copy(two_kinds_store, db)
    with Store(str(db)) as store:
        rows = store.con.execute("SELECT id, event_type FROM clusters ORDER BY event_type").fetchall()
        by_type = {t: cid for cid, t in rows}
        ov = merge_clusters(store, [by_type["ACCUSE"], by_type["AID"]])
    assert ov["kinds"] == {by_type["ACCUSE"]: "ACCUSE", by_type["AID"]: "AID"}
    assert ov["kind"] in ("ACCUSE", "AID")
