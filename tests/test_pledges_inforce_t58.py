"""Round t58 (issue 14): a measure pledged to come into force. Our own sentences (invented measures and places), with
look-alikes.

T. "The 25% duty on Kenyan tea will take effect on April 1, Uganda's trade ministry said" was extracted with the verb
   phrase as its act ("take effect", object "effect"), so no report of the duty itself was linked to it and the pledge
   went overdue. The measure, the verb's subject, is now the object and applying it the act ("apply The 25 % duty on
   Kenyan tea"; gaiko/pipeline/pledge_inforce.py, pledges/in_force.yaml); a subject pronoun stands for the nearest
   earlier measure noun ("ordered a 10% levy on imported rice and said it would come into force"). Reports of the
   measure charged or paid are then read as the deed. Look-alikes: another measure of the same kind (steel, not rice),
   a coming into force only scheduled, a person or a country as the subject, a pronoun with no measure before it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries, pledge_rows


def _arts(texts: list[tuple[str, str]]) -> list[dict]:
    return [{"id": f"a{k}", "published": day, "source": "Wire", "text": text} for k, (day, text) in enumerate(texts)]


def _show(entries: list[dict]) -> list[tuple]:
    return [(e["actor"].get("country"), e["action"], e["status"]) for e in entries]


# -- extraction: the measure is the object ----------------------------------------------------------------------------

@pytest.mark.parametrize("text,side,action", [
    ("The 25% duty on Kenyan tea will take effect on April 1, Uganda's trade ministry said.", "UGA",
     "apply The 25 % duty on Kenyan tea"),
    ("The new levies on Chinese solar panels would come into force on June 15, Peru's trade minister said.", "PER",
     "apply The new levies on Chinese solar panels"),
    ("Ghana's finance minister ordered a 10% levy on imported rice and said it would come into force on June 1.", "GHA",
     "apply a 10 % levy on imported rice"),
    ("The sanctions on Belarusian potash will go into effect on Monday, Lithuania's foreign ministry said.", "LTU",
     "apply The sanctions on Belarusian potash"),
    ("The border treaty with Tanzania will enter into force in May, Malawi's foreign minister said.", "MWI",
     "apply The border treaty with Tanzania"),
])
def test_t_a_measure_coming_into_force_is_its_object(coder, text: str, side: str, action: str) -> None:
    rows = pledge_rows(coder, text)
    assert (side, "promise", action) in rows or any(r[0] == side and r[2] == action for r in rows), rows


@pytest.mark.parametrize("text", [
    # a pronoun with no measure noun before it keeps the plain reading
    "Kenya's president said it would take effect once parliament agrees.",
    # a past coming into force is no pledge
    "The 25% duty on Kenyan tea took effect on April 1, Uganda's trade ministry said.",
])
def test_t_look_alikes_are_not_a_measure_applied(coder, text: str) -> None:
    assert not any(r[2].startswith("apply") for r in pledge_rows(coder, text)), pledge_rows(coder, text)


def test_t_unit() -> None:
    from gaiko.nlp import load_model
    from gaiko.pipeline.pledge_inforce import in_force_action

    doc = load_model()("Trump ordered a 30% duty on Brazilian beef and said it would take effect on May 1.")
    verb = next(t for t in doc if t.lower_ == "take")
    assert in_force_action(verb)[0] == "apply a 30 % duty on Brazilian beef"
    doc = load_model()("Trump ordered a review of Brazilian beef imports and said it would take effect on May 1.")
    verb = next(t for t in doc if t.lower_ == "take")
    assert in_force_action(verb) is None  # "review" is no measure
    doc = load_model()("The minister will take office on May 1.")
    assert in_force_action(next(t for t in doc if t.lower_ == "take")) is None


# -- tracking: reports of the measure applied decide the pledge --------------------------------------------------------

@pytest.mark.parametrize("pledge,report", [
    ("The 25% duty on Kenyan tea will take effect on April 1, Uganda's trade ministry said.",
     "Kenyan tea entering Ugandan depots has been charged a 25% levy since April 1, traders said."),
    ("The 25% duty on Kenyan tea will take effect on April 1, Uganda's trade ministry said.",
     "Ugandan importers began paying the higher duties on Kenyan tea last week."),
    ("Ghana's finance minister ordered a 10% levy on imported rice and said it would come into force on April 1.",
     "Ghana's new 10% levy on imported rice came into force on Wednesday, the finance ministry said."),
])
def test_t_the_measure_applied_fulfils(tmp_path: Path, coder, pledge: str, report: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", pledge), ("2026-04-08", report)]))
    assert any(e["action"].startswith("apply") and e["status"] == "fulfilled" for e in entries), _show(entries)


@pytest.mark.parametrize("pledge,report", [
    # another measure of the same kind: steel, not rice
    ("The 20% duty on imported rice will take effect on April 1, Uganda's trade ministry said.",
     "Uganda's new levy on imported steel took effect on Monday."),
    # only scheduled, in the present (round t42's reading)
    ("The 20% duty on imported rice will take effect on June 1, Uganda's trade ministry said.",
     "The 20% duty on imported rice takes effect on June 1."),
])
def test_t_look_alikes_do_not_fulfil(tmp_path: Path, coder, pledge: str, report: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", pledge), ("2026-04-08", report)]))
    assert entries and not any(e["status"] == "fulfilled" for e in entries), _show(entries)
