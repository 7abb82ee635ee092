"""Newcomer round n33: what a new user met coding a messy folder of articles of their own.

- a. Look-alike apostrophes: copy typed on Spanish or Portuguese keyboards writes "Chile´s" (acute accent), old
  ASCII copy "Chile`s", typesetting "Chileʼs" or "Chile′s". The parser read none of them as an apostrophe, so
  "X´s foreign minister" lost its country and "condemned Y´s decision" its target. They are parsed as "'" (one
  character for one) and every text gaiko stores keeps them as written.
- b. A pledge decided by a report in an undated article (a promise "fulfilled" in the very sentence that tells
  it) was shown as "status: fulfilled since   (as of ...)" and "why: fulfils (None): ..." by ``gaiko pledge show``,
  the API and ``gaiko pledges --json``: a Python None, and a blank date.
  ``gaiko cluster show`` of an undated cluster read "on ? (published)" and "first reported ? by ...".
- c. Coding the same folder again with ``--actors my.yaml`` (after ``gaiko actors --unresolved``, as docs/actors.md
  suggests) or ``--type-model rules`` changed nothing, silently: the stored articles are skipped. The summary now
  says so, and how to apply them (a new store).
- d. ``gaiko dyads``: the CLI had no list of country pairs (the API's ``/dyads``, ``Store.dyads`` and the dashboard
  had one; ``gaiko stats`` shows ten, self-pairs and negated events included).
- e. ``Store.events(since="2025-13-01")`` from Python said "--since must be a date": a command-line option's name
  for a keyword argument.

The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from helpers import code_here

from typer.testing import CliRunner

from gaiko.cli import app
from gaiko.nlp import parse_form
from gaiko.types import Article

pytestmark = pytest.mark.filterwarnings("ignore")


def _events(coder, text: str):
    return coder.code_article(Article(text=text, id="n33", published="2026-03-02")).events


def _event(coder, text: str, etype: str):
    evs = [e for e in _events(coder, text) if e.event_type == etype]
    assert evs, f"no {etype} event in {text!r}"
    return evs[0]


# -- a. look-alike apostrophes -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("mark", ["\u00b4", "`", "\u02bc", "\u2032"])
@pytest.mark.parametrize("text, etype, source, target", [
    ("Peru{m}s foreign minister condemned Ecuador{m}s seizure of two fishing boats.", "ACCUSE", "PER", "ECU"),
    ("Uruguay{m}s president praised Paraguay{m}s offer to share river data.", "SUPPORT", "URY", "PRY"),
    ("Colombia{m}s defence minister accused Venezuela{m}s army of shelling a border post.", "ACCUSE", "COL", "VEN"),
])
def test_lookalike_apostrophes_are_possessives(coder, mark: str, text: str, etype: str, source: str,
                                               target: str) -> None:
    written = text.format(m=mark)
    e = _event(coder, written, etype)
    assert (e.source.country, e.target.country if e.target else None) == (source, target), (written, e.source,
                                                                                             e.target)
    assert e.sentence == written  # the evidence is the sentence as written
    assert mark in e.source.text and written[e.source.start:e.source.end] == e.source.text


def test_lookalike_apostrophes_cost_no_offset() -> None:
    text = "Brazil´s envoy met the ministers´ aides; `Oʻahu` and 5´ stay; don`t."
    parsed = parse_form(text)
    assert len(parsed) == len(text)
    assert parsed == "Brazil's envoy met the ministers' aides; `Oʻahu` and 5´ stay; don't."


def test_ascii_apostrophe_sentence_unchanged(coder) -> None:
    # the look-alike and the apostrophe code the same event
    plain = _event(coder, "Peru's foreign minister condemned Ecuador's seizure of two fishing boats.", "ACCUSE")
    odd = _event(coder, "Peru´s foreign minister condemned Ecuador´s seizure of two fishing boats.", "ACCUSE")
    assert (plain.trigger_start, plain.source.start, plain.source.end, plain.target.start, plain.target.end) == \
        (odd.trigger_start, odd.source.start, odd.source.end, odd.target.start, odd.target.end)


# -- b. a status decided by an undated report --------------------------------------------------------------------------
def test_undated_report_reason_says_undated() -> None:
    from gaiko.tracking.status import status_of

    evidence = [{"relation": "fulfils", "published": None, "article_id": "x", "note": None,
                 "sentence": "The mayor vowed to reopen the ferry to Zanzibar, a promise kept within a month."}]
    status, when, reason, history, _ = status_of(evidence, None, "2026-03-02")
    assert status == "fulfilled" and when is None
    assert "None" not in reason and "(undated)" in reason
    assert all("None" not in h["reason"] for h in history)


def test_pledge_show_undated_status_has_no_blank_date(tmp_path, monkeypatch) -> None:
    import gaiko
    import gaiko.tracking as tracking

    db = tmp_path / "s.duckdb"
    gaiko.open(str(db)).close()
    entry = {"id": "pledge-n33", "actor": {"name": "Mayor", "country": "TZA", "sector": "GOV"},
             "action": "reopen the ferry", "kind": "promise", "event": "COOPERATE", "status": "fulfilled",
             "status_date": None, "status_reason": "fulfils (undated): “The mayor vowed…”", "as_of": "2026-03-02",
             "deadline": None, "quantity": None, "evidence": [], "made_on": None}
    monkeypatch.setattr(tracking, "timeline", lambda store, pid, as_of=None: entry)
    r = CliRunner().invoke(app, ["pledge", "show", "pledge-n33", "--db", str(db)])
    assert r.exit_code == 0, r.output
    line = next(x for x in r.output.splitlines() if x.startswith("status:"))
    assert "since  " not in line and "None" not in line
    assert "undated" in line


# -- c. options that change the coding do not reach articles already stored --------------------------------------------
def test_recoding_with_actor_file_says_stored_articles_are_not_recoded(tmp_path) -> None:
    art = tmp_path / "2026-02-11-ferry.txt"
    art.write_text("The Zanzibar ferry authority thanked Oman for two new boats.\n", encoding="utf-8")
    actors = tmp_path / "mine.yaml"
    actors.write_text("organizations:\n  - {name: Zanzibar ferry authority, country: TZA, sector: GOV}\n",
                      encoding="utf-8")
    db = tmp_path / "s.duckdb"
    first = CliRunner().invoke(app, ["code", str(art), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "not coded again" not in first.output
    # a wide console: Rich wraps at 80 columns, and a longer tmp_path (pytest-xdist adds popen-gwN/) split the path
    again = CliRunner().invoke(app, ["code", str(art), "--db", str(db), "--actors", str(actors)],
                               env={"COLUMNS": "1000"})
    assert again.exit_code == 0, again.output
    text = " ".join(again.output.split())
    assert "not coded again" in text and f"--actors {actors}" in text and "new store" in text
    plain = CliRunner().invoke(app, ["code", str(art), "--db", str(db)])  # a plain resume says nothing of it
    assert "not coded again" not in plain.output


@pytest.fixture(scope="module")
def small_store(tmp_path_factory, coder):
    """A store of three articles of our own: two dated, one undated (no date in its name, none given)."""
    d = tmp_path_factory.mktemp("n33")
    (d / "arts").mkdir()
    (d / "arts" / "2026-02-11-lake.txt").write_text(
        "Kenya accused Uganda of seizing fishing boats on Lake Victoria on Tuesday.\n\n"
        "Uganda accused Kenya of arming the fishermen.\n", encoding="utf-8")
    (d / "arts" / "2026-02-12-aid.txt").write_text(
        "Norway praised Malawi for its new grain reserve. Kenya criticised Kenya's own customs service.\n",
        encoding="utf-8")
    (d / "arts" / "ferry.txt").write_text("Tanzania accused Oman of blocking the ferry talks.\n", encoding="utf-8")
    db = d / "s.duckdb"
    with pytest.MonkeyPatch.context() as mp:  # coded here with the session's coder, no worker process (round ci57)
        code_here(mp, coder)
        r = CliRunner().invoke(app, ["code", str(d / "arts"), "--db", str(db)])
    assert r.exit_code == 0, r.output
    return db


def _json(args):
    import json

    r = CliRunner().invoke(app, args)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_cluster_show_of_undated_article_says_undated(small_store) -> None:
    rows = _json(["events", "--db", str(small_store), "--json", "--limit", "0"])["events"]
    cid = next(r["cluster_id"] for r in rows if r["source_country"] == "TZA")
    shown = CliRunner().invoke(app, ["cluster", "show", cid, "--db", str(small_store)])
    assert shown.exit_code == 0, shown.output
    head = shown.stdout.splitlines()[:2]
    assert "?" not in " ".join(head) and "undated" in head[0] and "undated" in head[1], head


# -- d. dyads from the command line --------------------------------------------------------------------------------------
def test_dyads_command_lists_country_pairs_as_the_api(small_store) -> None:
    import gaiko

    got = _json(["dyads", "--db", str(small_store), "--json"])
    with gaiko.open(str(small_store), read_only=True) as store:
        want = store.dyads(limit=50)
    assert got["dyads"] == want and got["total"] == len(want)
    pairs = {(d["source"], d["target"]) for d in got["dyads"]}
    assert {("KEN", "UGA"), ("UGA", "KEN"), ("TZA", "OMN")} <= pairs
    assert all(s != t for s, t in pairs)
    one = _json(["dyads", "--db", str(small_store), "--json", "--source", "UGA", "--type", "ACCUSE"])
    assert [(d["source"], d["target"], d["conflict"]) for d in one["dyads"]] == [("UGA", "KEN", 1)]
    dated = _json(["dyads", "--db", str(small_store), "--json", "--since", "2026-01-01"])
    assert ("TZA", "OMN") not in {(d["source"], d["target"]) for d in dated["dyads"]}  # undated: no day to compare


def test_dyads_command_table_and_refusals(small_store) -> None:
    r = CliRunner().invoke(app, ["dyads", "--db", str(small_store), "--limit", "1"])
    assert r.exit_code == 0 and "1 of " in r.stdout and "dyads" in r.stdout
    bad = CliRunner().invoke(app, ["dyads", "--db", str(small_store), "--type", "SCOLD"])
    assert bad.exit_code == 2 and "unknown event type" in bad.output and "Traceback" not in bad.output


# -- e. Python's filter errors name Python's keywords -----------------------------------------------------------------
@pytest.mark.parametrize("kw", ["since", "until"])
def test_store_date_filter_error_names_the_keyword(small_store, kw: str) -> None:
    import gaiko
    from gaiko.errors import ConfigError

    with gaiko.open(str(small_store), read_only=True) as store:
        with pytest.raises(ConfigError) as err:
            store.events(**{kw: "2026-02-30"})
    assert str(err.value).startswith(f"{kw} must be a date") and "--" not in str(err.value)
