"""Round t52, kind N (newcomer round b46's F2): a negative determiner or quantifier on the subject or the object of a
deed ("no money for the port had arrived", "has paid none of the $100 million", "not a single bus has reached")
negates the deed as "not" does: stalled, not fulfilled (gaiko/tracking/noneof.py, words in pledges/none_of.yaml).
Look-alikes: "no more than" (a quantity), "not only ... but also" (neither a negation nor a part), a pledge to stop
("no shelling was reported" keeps it). Our own sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import one_entry, pledge_story_entries


def _relations(entry: dict) -> list[str]:
    return [ev["relation"] for ev in entry["evidence"] if ev.get("relation")]


_PORT = "ACCRA — China pledged on Monday to fund the new port at Takoradi with $300 million by June."
_FUND = "ANKARA — Turkey pledged on Monday to pay $100 million to the reconstruction fund by June."


@pytest.mark.parametrize("pledge,report,verb", [
    (_PORT, "Officials said no money for the Takoradi port had arrived from China by August.", "fund"),
    (_FUND, "Turkey has paid none of the $100 million it promised to the reconstruction fund, the fund said.", "pay"),
])
def test_none_on_subject_or_object_stalls(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert _relations(e) == ["stalls"], e["evidence"]
    assert e["status"] == "stalled", (e["status"], e["status_reason"])


@pytest.mark.parametrize("report,want", [
    ("Turkey paid no more than $100 million to the reconstruction fund, the fund said.", "fulfilled"),
    ("Not only has Turkey paid the $100 million to the reconstruction fund, it has also sent engineers.", "fulfilled"),
])
def test_quantity_and_not_only_are_no_negation(tmp_path: Path, coder, report: str, want: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, _FUND, [report]), "pay")
    assert e["status"] == want, (e["status"], e["evidence"])


def test_none_of_it_unit() -> None:
    from gaiko.tracking.noneof import none_of_it
    from gaiko.tracking.text import analyse

    for text, verb, want in (
            ("Officials said no money for the port had arrived by August", "arrived", "no"),
            ("Not a single bus from Germany has reached Lima", "reached", "not a single"),
            ("Nothing has reached the city", "reached", "nothing"),
            ("Kenya has sent none of the promised troops", "sent", "none"),
            ("The troops no longer patrol the border", "patrol", None),  # a deed stopped: nolonger.py's
            ("No fewer than 300 soldiers arrived", "arrived", None),
            ("No official said when the money arrived", "arrived", None),  # the negation is the speaker's
            ("The money arrived with no delay", "arrived", None),
            ("The No. 6 unit reached full power on Friday", "reached", None),  # a number, no negation
            ("Japan had no plans to use the assets it holds", "holds", None)):  # the pronoun is the subject
        toks = analyse(text)[0]
        i = next(k for k, t in enumerate(toks) if t.text == verb)
        assert none_of_it(toks, 0, i, i + 1, len(toks)) == want, text


def test_stop_pledge_keeps_none_as_kept() -> None:
    from types import SimpleNamespace

    from gaiko.tracking.clausegrammar import Clause, Decision
    from gaiko.tracking.noneof import none_done
    from gaiko.tracking.text import analyse

    toks = analyse("The army held no drills near the border")[0]
    c = Clause(lo=0, hi=len(toks), objects=[], acts=[], opposite=[])
    stop = SimpleNamespace(verb="halt", acts=frozenset({"a:stop"}))
    assert none_done(stop, toks, c, Decision("fulfils", cue="held no")) is None
    done = SimpleNamespace(verb="hold", acts=frozenset({"a:meet"}))
    assert none_done(done, toks, c, Decision("fulfils", cue="held")).relation == "stalls"
