"""Round t48: a report after the pledge's horizon (a year after the deadline or, without one, after the last
restatement) is still read for a further year (``late_days`` in pledges/late_reports.yaml) when it names the doer and
shares two or more of the object's keys, one strong ("Germany handed the rebuilt water treatment plant in Piura to the
city" fourteen months after the pledge). A late report sharing one key, another side's, or one after that second
year stays out. Our own storylines (gaiko/tracking/link.candidates, decide.judge)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries, one_entry

_DONE = ("fulfilled", "partially_fulfilled", "in_progress", "withdrawn", "stalled", "broken")

_PIURA = "LIMA — Germany pledged on Monday to rebuild the water treatment plant in Piura that the floods destroyed."
_SUBIC = "MANILA — South Korea promised on Monday to build a coast guard training centre in Subic."
_KIGALI = "OSLO — Norway pledged on Monday to build a public library in Kigali."


def _entry(tmp_path: Path, coder, pledge: str, made: str, report: str, day: str, verb: str) -> dict:
    arts = [{"id": "p1", "published": made, "source": "Wire A", "text": pledge},
            {"id": "r1", "published": day, "source": "Wire B", "text": report}]
    return one_entry(ledger_entries(tmp_path, coder, arts), verb)


_LATE = [
    (_PIURA, "2025-01-13", "Germany handed the rebuilt water treatment plant in Piura to the city on Friday.",
     "2026-03-16", "rebuild", "fulfilled"),
    (_SUBIC, "2025-01-13", "South Korea has put off work on the coast guard training centre in Subic until 2027, "
                           "officials said.", "2026-04-20", "build", "withdrawn"),
    (_KIGALI, "2025-01-13", "Norway opened the public library it built in Kigali on Friday.", "2026-11-30", "build",
     "fulfilled"),
]


@pytest.mark.parametrize("pledge,made,report,day,verb,status", _LATE)
def test_late_report_naming_doer_and_object_is_read(tmp_path: Path, coder, pledge: str, made: str, report: str,
                                                    day: str, verb: str, status: str) -> None:
    e = _entry(tmp_path, coder, pledge, made, report, day, verb)
    assert e["status"] == status, (e["status"], e["status_reason"], e["evidence"])


_OUT = [
    # one shared key: another library of the doer's
    (_KIGALI, "2025-01-13", "Norway opened a library in Bergen on Friday.", "2026-03-16"),
    # another side's act at the same place
    (_KIGALI, "2025-01-13", "Sweden opened a public library in Kigali on Friday.", "2026-03-16"),
    # more than a year after the horizon
    (_KIGALI, "2024-06-03", "Norway opened the public library it built in Kigali on Friday.", "2026-09-14"),
]


@pytest.mark.parametrize("pledge,made,report,day", _OUT)
def test_late_lookalike_stays_out(tmp_path: Path, coder, pledge: str, made: str, report: str, day: str) -> None:
    e = _entry(tmp_path, coder, pledge, made, report, day, "build")
    assert e["status"] not in _DONE, (e["status"], e["status_reason"], e["evidence"])
    assert not [x for x in e["evidence"] if x["role"] not in ("made", "restates")], e["evidence"]


def test_late_report_in_a_later_update_equals_a_rebuild(coder) -> None:
    import gaiko
    from gaiko.tracking import ledger, update_ledger
    from gaiko.types import Article

    arts = [Article(text=_PIURA, published="2025-01-13", source="Wire A"),
            Article(text="Peru's water authority said on Tuesday that Piura still relies on tanker lorries.",
                    published="2025-05-06", source="Wire B"),
            Article(text="Germany handed the rebuilt water treatment plant in Piura to the city on Friday.",
                    published="2026-03-16", source="Wire B"),
            Article(text="Germany opened a plant in Bremen on Friday.", published="2026-03-20", source="Wire C")]
    coded = list(coder.code_articles(arts))

    def plain(store) -> list[dict]:
        return sorted(({k: v for k, v in r.items() if k != "as_of"} for r in ledger(store)), key=lambda r: r["id"])

    step = gaiko.open(":memory:")
    for batch in (coded[:2], coded[2:]):
        step.write_coded(batch, None)
        update_ledger(step)
    whole = gaiko.open(":memory:")
    whole.write_coded(coded, None)
    update_ledger(whole, full=True)
    assert plain(step) == plain(whole)
    assert [e["status"] for e in plain(step) if e["action"].startswith("rebuild")] == ["fulfilled"]


def test_late_report_after_a_deadline_term_stays_out(tmp_path: Path, coder) -> None:
    # the horizon runs from the deadline (June 2024 + a year): a report more than a year after it is not read
    pledge = "LIMA — Germany pledged on Monday to rebuild the water treatment plant in Piura by June."
    e = _entry(tmp_path, coder, pledge, "2024-03-04",
               "Germany handed the rebuilt water treatment plant in Piura to the city on Friday.", "2025-09-15",
               "rebuild")
    assert not [x for x in e["evidence"] if x["role"] not in ("made", "restates")], e["evidence"]
