"""Round t45 (b41's F7): deadline words. Our own sentences, never b41's.

- "before MONTH" is by the day before the month begins ("before June": May 31), as "before next winter" is by the day
  before winter; "before June 5", "by June" and a "before" that opens a clause ("before the summit in June") stay.
- "by the end of May" was no deadline at all: "May" after "of" was taken for the modal verb. It is the month, also
  after a long place object ("withdraw its soldiers from the lakeside town of X by the end of May").
- "by mid-year" / "by the middle of next year" / "by mid-2026" are due on June 30 ("by mid-October" is due on the
  15th); "in mid-2026" stays the span May to August.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gaiko.tracking.deadlines import normalise_deadline
from helpers import ledger_entries

PUB = "2026-03-02"


def _end(text: str, pub: str = PUB) -> str | None:
    d = normalise_deadline(text, pub)
    return d.end if d else None


@pytest.mark.parametrize("text,end", [
    ("before June", "2026-05-31"),
    ("before September", "2026-08-31"),
    ("before June 2027", "2027-05-31"),
    ("by the end of May", "2026-05-31"),
    ("until the end of May", "2026-05-31"),
    ("by mid-year", "2026-06-30"),
    ("by the middle of next year", "2027-06-30"),
    ("by mid-2027", "2027-06-30"),
])
def test_deadline_words(text: str, end: str) -> None:
    assert _end(text) == end


def test_before_a_month_already_begun_is_next_years() -> None:
    assert _end("before March", "2026-03-10") == "2027-02-28"


def test_mid_year_after_june_is_next_years() -> None:
    assert _end("by mid-year", "2026-09-14") == "2027-06-30"


@pytest.mark.parametrize("text,end", [
    ("before June 5", "2026-06-05"),        # a day: as before
    ("by June", "2026-06-30"),
    ("by the end of June", "2026-06-30"),
    ("before the summit in June", "2026-06-30"),  # "before" opens a phrase of its own: the month as before
    ("in mid-2026", "2026-08-31"),           # the span, not a deadline of the middle
])
def test_look_alikes_keep_their_reading(text: str, end: str) -> None:
    assert _end(text) == end


def test_may_the_modal_is_no_month() -> None:
    assert normalise_deadline("may", PUB) is None
    assert normalise_deadline("it may be", PUB) is None


def _arts(texts: list[tuple[str, str]]) -> list[dict]:
    return [{"id": f"a{k}", "published": day, "source": "Wire", "text": text} for k, (day, text) in enumerate(texts)]


_PLEDGES = [
    ("Malawi said it would withdraw its soldiers from the lakeside town of Nkhata Bay by the end of May.",
     "withdraw", "2026-05-31"),
    ("Ghana will send 500 police officers to the UN mission in Mali by mid-year.", "send", "2026-06-30"),
    ("Zambia will hand the seized trucks back to Tanzania before June.", "hand", "2026-05-31"),
]


@pytest.mark.parametrize("text,verb,end", _PLEDGES)
def test_pledge_deadline(tmp_path: Path, coder, text: str, verb: str, end: str) -> None:
    entries = [e for e in ledger_entries(tmp_path, coder, _arts([(PUB, text)])) if e["action"].startswith(verb)]
    assert entries, "no pledge"
    assert (entries[0]["deadline"] or {}).get("end") == end, entries[0]["deadline"]


def test_place_object_before_by_june_keeps_its_deadline(tmp_path: Path, coder) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([
        (PUB, "Chad will reopen the crossing at the border town of Adre by June.")]))
    got = [e for e in entries if e["action"].startswith("reopen")]
    assert (got[0]["deadline"] or {}).get("end") == "2026-06-30"
