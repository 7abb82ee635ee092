"""Round t40: pledge-tracker kinds a newcomer (round b38) found on articles of their own. Our own sentences of each
kind (other countries, topics and wordings), never b38's, with look-alikes that keep main's reading.

F3. "The <place> talks ..., scheduled for Friday, have been postponed until June": the aside ", scheduled for
    Friday," stopped `calledoff.called_off` at its comma, so the talks were read as held (fulfilled by a postponement).
    An aside on the act's own schedule (``scheduled_asides``) is now skipped, and "delay" and "push back" call off the
    act as "postpone" does: the talks postponed are stalled (the pledger's side named) or unrelated, never fulfilled.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries


def _arts(texts: list[tuple[str, str]]) -> list[dict]:
    return [{"id": f"a{k}", "published": day, "source": "Wire", "text": text} for k, (day, text) in enumerate(texts)]


def _by_side(entries: list[dict], verb: str) -> dict[str, dict]:
    return {e["actor"]["country"]: e for e in entries if e["action"].startswith(verb)}


# -- F3: talks postponed past a schedule aside ---------------------------------------------------------------------------

_POSTPONED = [
    ("Ghana and Togo will hold talks in Accra on March 20 on the fishing dispute.",
     "The Accra talks on the fishing dispute, scheduled for Friday, have been postponed until June."),
    ("Peru and Bolivia will hold talks in La Paz on March 20 on the lithium accord.",
     "The talks between Peru and Bolivia in La Paz, planned for Friday, were delayed until next year."),
    ("Vietnam and Cambodia will hold talks in Hanoi on March 20 on the river border.",
     "The talks between Vietnam and Cambodia in Hanoi, originally set for this week, have been pushed back to May."),
]


@pytest.mark.parametrize("pledge,report", _POSTPONED)
def test_f3_talks_postponed_never_fulfilled(tmp_path: Path, coder, pledge: str, report: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-02-02", pledge), ("2026-03-18", report)]))
    got = _by_side(entries, "hold")
    assert got, [(e["action"], e["status"]) for e in entries]
    for side, e in got.items():
        assert e["status"] in ("open", "stalled", "overdue"), (side, e["status"], e["status_reason"])


_HELD = [  # main's readings kept: talks held after an aside on their schedule
    ("Ghana and Togo will hold talks in Accra on March 20 on the fishing dispute.",
     "The Accra talks on the fishing dispute, scheduled for Friday, opened as planned with both delegations."),
]


@pytest.mark.parametrize("pledge,report", _HELD)
def test_f3_talks_held_after_a_schedule_aside(tmp_path: Path, coder, pledge: str, report: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-02-02", pledge), ("2026-03-21", report)]))
    assert any(e["status"] == "fulfilled" for e in _by_side(entries, "hold").values()), \
        [(e["action"], e["status"]) for e in entries]


@pytest.mark.parametrize("text,want", [
    ("The Accra talks on the fishing dispute, scheduled for Friday, have been postponed until June.", "been postponed"),
    ("The talks in Hanoi, originally set for this week, have been pushed back to May.", "been pushed"),
    ("The talks in Lima were delayed until next year.", "were delayed"),
    ("The talks in Lima, which Peru had hoped for, have been postponed.", None),  # no aside of schedule: comma ends
    ("The talks in Lima pushed for a deal.", None),
])
def test_f3_called_off_unit(text: str, want: str | None) -> None:
    from gaiko.tracking.calledoff import called_off
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.text import analyse

    toks = analyse(text.lower())[0]
    i = next(n for n, t in enumerate(toks) if t.text == "talks")
    assert called_off(toks, i, i + 1, 0, len(toks), lexicon()) == want

