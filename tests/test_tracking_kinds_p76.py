"""Round p76: the tracker's "when" kinds round p75 left from b32's finding F3. Our own storylines (a Chile/Vietnam
salmon pact), never b32's sentences; each kind case fails on main.

1. a later statement's deadline that sits in another clause's condition or threat ("... if Vietnam did not sign it
   in June") is not the pledge's deadline and revises nothing;
2. a report dated before the pledge was made, or the same day and earlier in order, neither restates nor revises it
   and is not listed before the pledge's "made" item.
"""

from __future__ import annotations

from pathlib import Path

from helpers import ledger_entries

_WITHIN = ("Chile's president promised on Monday to ratify the salmon trade pact with Vietnam within six months of the "
           "signing.")
_BY = "Chile's president promised on Monday to ratify the salmon trade pact with Vietnam by December."


def _entry(tmp_path: Path, coder, arts: list[dict], verb: str) -> dict:
    mine = [e for e in ledger_entries(tmp_path, coder, arts) if e["action"].startswith(verb)]
    assert len(mine) == 1, [e["action"] for e in mine]
    return mine[0]


def _art(aid: str, day: str, text: str) -> dict:
    return {"id": aid, "published": day, "source": f"Wire {aid}", "text": text}


# -- 1: a deadline from another clause's condition ---------------------------------------------------------------------

def test_k1_a_threats_condition_gives_no_deadline(tmp_path: Path, coder) -> None:
    e = _entry(tmp_path, coder, [
        _art("p1", "2026-02-02", _WITHIN),
        _art("r0", "2026-04-10", "Chile's president threatened on Friday to walk away from the salmon trade pact if "
                                 "Vietnam did not sign it in June."),
    ], "ratify")
    assert (e["deadline"] or {}).get("text") == "within six months of the signing"
    assert "revised" not in [x["role"] for x in e["evidence"]]


def test_k1_guard_a_new_deadline_said_outright_still_revises(tmp_path: Path, coder) -> None:
    e = _entry(tmp_path, coder, [
        _art("p1", "2026-02-02", _WITHIN),
        _art("r0", "2026-04-10", "Chile's president said on Friday that Chile would ratify the salmon trade pact with "
                                 "Vietnam in June."),
    ], "ratify")
    assert (e["deadline"] or {}).get("text") == "in June"
    assert "revised" in [x["role"] for x in e["evidence"]]


def test_k1_conditional_deadline_unit() -> None:
    from gaiko.tracking.conditional import conditional_deadline

    assert conditional_deadline({"sentence": "He would quit the pact unless Peru signed it by May.",
                                 "deadline": {"text": "by May"}})
    assert not conditional_deadline({"sentence": "If asked, he said, Peru would sign it by May.",
                                     "deadline": {"text": "by May"}})  # the condition closes at the comma
    assert not conditional_deadline({"sentence": "Peru will now sign it by May.", "deadline": {"text": "by May"}})
    assert not conditional_deadline({"sentence": "Peru will sign it.", "deadline": None})


# -- 2: a report before the pledge was made ----------------------------------------------------------------------------

def test_k2_a_report_earlier_that_day_does_not_revise(tmp_path: Path, coder) -> None:
    e = _entry(tmp_path, coder, [
        _art("zz", "2026-02-02", _BY),
        _art("aa", "2026-02-02", "Vietnam's trade minister pledged on Monday to sign the salmon trade pact with Chile "
                                 "by March."),
    ], "ratify")
    roles = [x["role"] for x in e["evidence"]]
    assert roles[0] == "made", roles
    assert (e["deadline"] or {}).get("end") == "2026-12-31"
    assert not any(x["role"] in ("revised", "restated") and x["published"] <= "2026-02-02" for x in e["evidence"])
