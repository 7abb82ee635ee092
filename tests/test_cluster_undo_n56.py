"""Round n56 (session 55's leftover): `gaiko cluster undo` restores the clusters as they were and says what it did.

Undoing a merge gave the merged clusters back their reports, but printed only "ov-… dropped", and the merged cluster's
id then answered "no cluster" as if it had never been: nothing in the store remembered the merge or its undo. Now the
undo is kept (``cluster_overrules_undone``, migration 15); ``gaiko cluster undo`` says which cluster is no more and
where its reports are back (``--json``: the same as one object); the old id is answered with the overrule, its undo
and the clusters holding its reports now (CLI and the API's 404); naming the overrule again says it was undone; and all
of it holds after ``gaiko cluster rebuild``. A split undone gives its reports back to the cluster it took them from.

Look-alikes that must not change: an id that never named a cluster, and an overrule id that never was.

The articles were written for these tests (Ghana and Togo agree in Lome to share radar data, three invented outlets)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import cli_code_store, cli_json

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")

ARTICLES = [
    {"id": "n56-u1", "source": "River Daily", "published": "2026-03-04", "title": "Radar pact",
     "text": "Ghana and Togo signed a radar data sharing agreement in Lome on Tuesday. Ghana accused Togo of failing "
             "to stop smugglers at Aflao."},
    {"id": "n56-u2", "source": "Gulf Courier", "published": "2026-03-04", "title": "Lome deal",
     "text": "Ghana and Togo signed an agreement to share radar data in Lome on Tuesday, officials said."},
    {"id": "n56-u3", "source": "Volta Times", "published": "2026-03-05", "title": "Sharing the skies",
     "text": "Togo and Ghana signed a deal on sharing radar data in Lome on Tuesday."},
]


@pytest.fixture()
def db(tmp_path_factory: pytest.TempPathFactory, coder) -> str:
    """A fresh copy of one coded store per test (each test changes its clusters)."""
    import shutil

    root = Path(tmp_path_factory.getbasetemp()) / "n56-undo"
    src = root / "coded.duckdb"
    if not src.exists():
        root.mkdir(exist_ok=True)
        cli_code_store(ARTICLES, src, coder)
    n = len(list(root.glob("copy-*.duckdb")))
    path = root / f"copy-{n}.duckdb"
    shutil.copy(src, path)
    return str(path)


_json = cli_json


def _members(cli, db: str) -> dict[str, list[str]]:
    """Every cluster id -> its reports' event ids."""
    rows = _json(cli, "events", "--db", db, "--json", "--count", "mentions", "--limit", "0")["events"]
    out: dict[str, list[str]] = {}
    for r in rows:
        out.setdefault(r["cluster_id"], []).append(r["id"])
    return {c: sorted(v) for c, v in out.items()}


def _said(text: str) -> str:
    return " ".join(text.split())


def test_undo_of_a_merge_restores_both_clusters_says_so_and_is_remembered(db, cli) -> None:
    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    before = _members(cli, db)
    signing = max(before, key=lambda c: len(before[c]))
    other = next(c for c in before if c != signing)
    assert len(before[signing]) >= 2, before
    merged = _json(cli, "cluster", "merge", signing, other, "--db", db, "--json")
    assert set(_members(cli, db)) == (set(before) - {signing, other}) | {merged["cluster_id"]}

    code, out, err = cli("cluster", "undo", merged["id"], "--db", db)
    assert code == 0, err
    said = _said(out)
    assert said.startswith(f"{merged['id']} undone (merge of "), said
    assert f"cluster {merged['cluster_id']} is no more" in said, said
    k = len(before[signing]) + len(before[other])
    assert f"its {k} reports are back in {signing} ({len(before[signing])} reports), {other} (1 report)" in said, said
    assert _members(cli, db) == before  # both clusters as before the merge, by id and reports

    # the merged id names the merge and its undo, on the CLI and in the API's 404
    code, _, err = cli("cluster", "show", merged["cluster_id"], "--db", db)
    said = _said(err)
    assert code != 0 and f"it was made by the merge {merged['id']}" in said and "that merge was undone" in said, said
    assert f"its reports are now in clusters {signing}, {other}; see with: gaiko cluster show {signing} --db" in said
    with TestClient(create_app(db)) as c:
        body = c.get(f"/api/v1/clusters/{merged['cluster_id']}").json()
    assert body["error"] == "not_found" and "that merge was undone" in body["message"], body

    # undoing it again says when it was undone
    code, _, err = cli("cluster", "undo", merged["id"], "--db", db)
    assert code != 0 and f"{merged['id']} was undone already" in _said(err), err

    # a rebuild keeps both clusters and the record of the undo
    code, _, err = cli("cluster", "rebuild", "--db", db)
    assert code == 0, err
    assert _members(cli, db) == before
    code, _, err = cli("cluster", "show", merged["cluster_id"], "--db", db)
    assert code != 0 and "that merge was undone" in _said(err), err
    assert _json(cli, "cluster", "overrules", "--db", db, "--json")["total"] == 0


def test_undo_of_a_split_puts_the_reports_back_json(db, cli) -> None:
    before = _members(cli, db)
    signing = max(before, key=lambda c: len(before[c]))
    taken = before[signing][-1]
    split = _json(cli, "cluster", "split", signing, taken, "--db", db, "--json")
    assert taken in _members(cli, db)[split["cluster_id"]]
    done = _json(cli, "cluster", "undo", split["id"], "--db", db, "--json")
    assert done["dropped"] == split["id"] and done["kind"] == "split" and done["cluster_id"] == split["cluster_id"]
    assert done["from_clusters"] == [signing] and done["gone"] is True
    assert done["moved"] == sorted(split["moved"]) and done["now_in"] == {signing: len(split["moved"])}
    assert done["undone_at"].endswith("Z")
    assert _members(cli, db) == before
    code, _, err = cli("cluster", "show", split["cluster_id"], "--db", db)
    said = _said(err)
    assert code != 0 and f"made by the split {split['id']}" in said and "that split was undone" in said, said
    assert f"its reports are now in cluster {signing};" in said, said


def test_look_alikes_an_id_that_never_was(db, cli) -> None:
    code, _, err = cli("cluster", "show", "cl-00000000000000ab", "--db", db)
    assert code != 0 and "no cluster 'cl-00000000000000ab'; list clusters with" in _said(err), err
    code, _, err = cli("cluster", "undo", "ov-000000000000", "--db", db)
    assert code != 0 and "no overrule 'ov-000000000000'; list them with" in _said(err), err


def test_an_old_store_read_only_answers_as_before(db, cli) -> None:
    """A store from before migration 15 (no table of undos), opened read-only, is not migrated: it answers as before."""
    from gaiko.store import Store

    with Store(db) as s:
        s.con.execute("DROP TABLE cluster_overrules_undone")
    code, _, err = cli("cluster", "show", "cl-00000000000000ab", "--db", db)
    assert code != 0 and "no cluster 'cl-00000000000000ab'; list clusters with" in _said(err), err
