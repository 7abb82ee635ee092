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


# --- one threshold: the status policy's, for the ledger, the pair scorer and the file the trainer writes -------------

SAHEL = ("OSLO — Ireland will double its grant to the Sahel water fund to 40 million euros this year, Foreign Minister "
         "Simon Harris said on Tuesday.")


def _unsure() -> float:
    """A probability just below the ledger's threshold."""
    from gaiko.tracking.policy import status_policy

    return status_policy().threshold - 0.05


def _unsure_model(path, stored: float) -> None:
    """A model whose file stores ``stored`` and that reads every report unrelated with the probability :func:`_unsure`."""
    classes = ["fulfils", "stalls", "unrelated"]  # the rest shared by two classes: unrelated stays the most likely
    p = _unsure()
    np.savez_compressed(path, names=np.array(["shared_topic"]), classes=np.array(classes), coef=np.zeros((3, 1)),
                        intercept=np.array([0.0, 0.0, float(np.log(2 * p / (1 - p)))]), threshold=np.array(stored))


@pytest.fixture
def unsure(tmp_path, monkeypatch):
    _unsure_model(tmp_path / "m.npz", 0.0)  # a file storing its CV's 0.0, as the one shipped before round L45
    monkeypatch.delenv("GAIKO_RELATION_MODEL", raising=False)
    monkeypatch.delenv("GAIKO_RELATION_MODEL_THRESHOLD", raising=False)
    monkeypatch.setenv("GAIKO_RELATION_MODEL_FILE", str(tmp_path / "m.npz"))
    return {"id": "ownl45-1", "domain": "aid", "relation": "unrelated",
            "pledge": {"text": SAHEL, "date": "2025-05-06", "action": "double its grant to the Sahel water fund"},
            "report": {"text": "Ireland paid the doubled grant to the Sahel water fund on Wednesday.",
                       "date": "2025-09-10"}}


def test_the_pair_scorer_decides_at_the_ledgers_threshold_not_the_files(coder, unsure):
    from gaiko.evaluate.pledges import evaluate_pairs

    assert _unsure() > 0.0
    rep = evaluate_pairs([unsure], coder, model="undecided")
    assert rep["per_relation"]["needs_review"]["predicted"] == 1  # below the ledger's threshold: the rules keep it


def test_the_pair_scorer_reads_the_threshold_variable_as_the_ledger_does(coder, unsure, monkeypatch):
    from gaiko.evaluate.pledges import evaluate_pairs

    monkeypatch.setenv("GAIKO_RELATION_MODEL_THRESHOLD", str(_unsure() - 0.05))
    assert evaluate_pairs([unsure], coder, model="undecided")["accuracy"] == 1.0  # the model's reading now decides


def test_a_model_decides_at_the_ledgers_threshold_whatever_its_file_stores(tmp_path):
    from gaiko.tracking.clause import Decision
    from gaiko.tracking.model import relation_model

    _unsure_model(tmp_path / "m.npz", 0.0)
    m = relation_model(str(tmp_path / "m.npz"))
    rules = Decision("needs_review")
    assert m.decide({"shared_topic": 1.0}, rules) is rules
    assert m.decide({"shared_topic": 1.0}, rules, threshold=_unsure() - 0.05).relation == "unrelated"  # one given rules


def test_the_trainer_stores_the_ledgers_threshold():
    from gaiko.learn.relations import train
    from gaiko.tracking.policy import status_policy

    xs = [{"w:paid": 1.0, "rule:needs_review": 1.0}] * 20 + [{"w:praised": 1.0, "rule:needs_review": 1.0}] * 20
    out = train(xs, ["fulfils"] * 20 + ["unrelated"] * 20, ["needs_review"] * 40)
    assert out["threshold"] == status_policy().threshold
    assert set(out["cv_by_threshold"]) == {"0.50", "0.55", "0.60", "0.65", "0.70", "0.75", "0.80"}
