"""Round l48 (lead, session 48; newcomer b48's surface findings): words people use for a status are answered with the
status gaiko gives them; the pledge table shows each pledge's target; `gaiko clusters` says where clusters are listed."""

from __future__ import annotations

import pytest

from gaiko.errors import ConfigError


@pytest.mark.parametrize("word, status", [("kept", "fulfilled"), ("Postponed", "withdrawn"),
                                          ("in the works", "in_progress"), ("compromise", "partially_fulfilled"),
                                          ("held-up", "stalled")])
def test_a_promise_meter_word_as_status_is_refused_with_the_status_it_is_here(word: str, status: str) -> None:
    from gaiko.store.ledger_view import parse_statuses

    with pytest.raises(ConfigError) as exc:
        parse_statuses(f"open,{word}")
    msg = str(exc.value)
    assert msg.startswith(f"unknown status '{word.lower()}'") and f"is {status} here" in msg, msg
    assert "use one of: open," in msg  # the list of statuses still follows


def test_a_typo_gets_no_hint_and_known_statuses_pass() -> None:
    from gaiko.store.ledger_view import parse_statuses

    with pytest.raises(ConfigError) as exc:
        parse_statuses("stalld")
    assert " here" not in str(exc.value) and "use one of" in str(exc.value)
    assert parse_statuses("Withdrawn,open") == ["withdrawn", "open"]  # no hint file consulted for real names


def _entry(target: dict | None) -> dict:
    return {"id": "p1", "status": "open", "actor": {"text": "Slovakia", "country": "SVK", "name": "Slovakia"},
            "action": "expand the gas link", "event": "COOPERATE", "kind": "promise", "deadline": None,
            "target": target, "evidence": [{"role": "made", "published": "2026-03-02"}]}


def test_the_pledge_table_has_a_target_column_with_name_and_code() -> None:
    from gaiko.cli.pledges import COLUMNS, _brief

    assert COLUMNS.index("target") == COLUMNS.index("action") + 1
    assert _brief(_entry({"text": "Budapest", "name": "Hungary", "country": "HUN", "sector": "GOV"}))["target"] == \
        "Hungary (HUNGOV)"
    assert _brief(_entry({"text": "Chinese contractors", "country": None}))["target"] == "Chinese contractors (---)"
    assert _brief(_entry(None))["target"] == "" and _brief(_entry({}))["target"] == ""


def test_gaiko_clusters_says_where_clusters_are_listed(cli) -> None:
    for args in (("clusters",), ("clusters", "--db", "x.duckdb"), ("cluster", "list")):
        code, out, err = cli(*args)
        assert code == 2 and out == "", args
        assert "gaiko events --db STORE" in err and "gaiko cluster show ID" in err, err
        assert "Did you mean" not in err
