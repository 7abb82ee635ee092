"""Round L45: the relation model's trainer codes each labelled pair on its own dates, as the ledger reads a text in its
time, never against the machine's clock (a pair dated more than two days after the day gaiko runs was coded undated:
its pledge lost its deadline and its report its event dates); and the model's stored threshold is the ledger's.
Sentences of our own."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from gaiko import ingest_checks

PLEDGE = "Finland will close its last peat-fired plant by the end of next year, the energy minister said on Tuesday."
REPORT = "Finland closed its last peat-fired plant on Monday, the grid operator said."


def _pair(day: str) -> dict:
    return {"pledge": {"text": PLEDGE, "date": day, "action": "close its last peat-fired plant"},
            "report": {"text": REPORT, "date": day}, "relation": "fulfils"}


def _ahead() -> str:
    return (ingest_checks.today() + dt.timedelta(days=365)).isoformat()


def _ledger_deadline(coder, day: str) -> str | None:
    """The deadline end the ledger gives the same pledge, read in a storyline as of its date."""
    from gaiko.evaluate.pledges import _storyline_store
    from gaiko.tracking import ledger

    st = {"id": "ownl45", "as_of": day, "articles": [{"id": "a1", "published": day, "source": "Wire", "title": "Peat",
                                                      "text": PLEDGE}]}
    store, _ids = _storyline_store(st, coder)
    entries = [e for e in ledger(store, as_of=day) if "peat" in (e.get("action") or "")]
    assert entries
    return (entries[0].get("deadline") or {}).get("end")


def test_a_pair_dated_a_year_ahead_codes_its_deadline_as_the_ledger_does(coder):
    from gaiko.evaluate.pledges import pair_reports

    day = _ahead()
    f, reports, got = pair_reports([_pair(day)], coder)[0]
    assert got
    assert f.deadline_end == f"{int(day[:4]) + 1}-12-31" == _ledger_deadline(coder, day)
    assert all(e["date"] for r in reports for e in r.events)  # the report's events are dated too


def test_a_pair_dated_in_the_past_is_coded_as_before(coder):
    from gaiko.evaluate.pledges import pair_reports

    f, reports, _ = pair_reports([_pair("2024-03-05")], coder)[0]
    assert f.deadline_end == "2025-12-31"
    assert [e["date"] for r in reports for e in r.events] == ["2024-03-04"]


def test_the_machines_clock_is_put_back(coder):
    from gaiko.evaluate.pledges import pair_reports

    clock = ingest_checks.today
    pair_reports([_pair(_ahead())], coder)
    assert ingest_checks.today is clock
    assert ingest_checks.implausible_date(_ahead())  # outside the coding of labelled texts, still "in the future"


def test_the_trainers_features_of_a_pair_ahead_are_the_same_as_of_the_pair_in_the_past(coder):
    from gaiko.learn.relations import dataset

    (ahead,), _ys, _rules = dataset([_pair(_ahead())], coder)
    (past,), _ys, _rules = dataset([_pair("2024-03-05")], coder)
    assert ahead["no_deadline"] == past["no_deadline"] == 0.0
    assert ahead == past
