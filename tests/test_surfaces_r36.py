"""Round r36: what round b32 (a diplomatic correspondent over ten weeks) found on the surfaces.

F1: a status holds from the first report of its run; a later report that says the same again moves neither the
status date nor the quoted reason (the scorecard's lag, the exports and the API read both).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx`")


# -- F1: "fulfilled since" is the day of the first report of the run -------------------------------------------------
def _ev(day: str, rel: str | None, art: str, text: str) -> dict:
    return {"relation": rel, "published": day, "article_id": art, "sentence_index": 0, "sentence": text, "note": None}


MADE = _ev("2025-03-02", None, "m", "Norway pledged to open the northern ferry line.")
DONE = _ev("2025-04-10", "fulfils", "d1", "The northern ferry line opened on Thursday with two sailings.")
AGAIN = _ev("2025-05-20", "fulfils", "d2", "Ferries on the northern line now run daily since its opening.")


def test_a_status_said_again_keeps_the_day_and_reason_of_its_first_report() -> None:
    from gaiko.tracking.status import status_of

    status, when, reason, history, _path = status_of([MADE, DONE, AGAIN], None, "2025-06-01")
    assert status == "fulfilled"
    assert when == "2025-04-10" == history[-1]["date"]
    assert "two sailings" in reason and reason == history[-1]["reason"]
    # a replay between the two reports says the same
    assert status_of([MADE, DONE, AGAIN], None, "2025-05-01")[1] == "2025-04-10"


def test_a_new_run_of_the_status_starts_a_new_day() -> None:
    from gaiko.tracking.status import status_of

    back = _ev("2025-05-01", "reverses", "r", "Norway closed the northern ferry line again.")
    status, when, reason, _h, _p = status_of([MADE, DONE, back, AGAIN], None, "2025-06-01")
    assert (status, when) == ("fulfilled", "2025-05-20") and "daily" in reason


def test_the_ledger_entry_dates_and_quotes_the_first_report() -> None:
    from types import SimpleNamespace

    from gaiko.tracking.status import entry

    mention = {"id": "p1", "article_id": "m", "sentence_index": 0, "sentence": MADE["sentence"],
               "published": MADE["published"], "actor": {"text": "Norway", "country": "NOR"}, "action": "open",
               "event_type": "COOPERATE", "kind": "act", "cue": "pledged", "deadline": None}
    found = [dict(DONE, event_id=None), dict(AGAIN, event_id=None)]
    e = entry([mention], found, [], "2025-06-01", SimpleNamespace(topic=frozenset()))
    assert (e["status"], e["status_date"]) == ("fulfilled", "2025-04-10")
    assert "two sailings" in e["status_reason"]
