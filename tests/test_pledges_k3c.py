"""Round k3c (brief k3, kind 3 of round k2, from newcomer round b31's finding 3): a later pledge that adds to an
earlier one, or is made to another state than every mention of the pledge names, is a pledge of its own. Our own
storylines (other countries and things than b31's corpus).

A later promise of the same actor about the same thing that *adds* to it ("a third radar unit" after "two radar
units", delivered; "another 20 patrol boats"; "two more plants") is a new promise with its own deadline and fate; it
is not a revision of the kept pledge, whose deadline stays as promised. Look-alikes that must not change: a change
announced as one ("now ... instead of") still revises; a restatement stays one pledge; "the second unit" of "two units"
is a part of the pledge, not an addition.
"""

from __future__ import annotations

from helpers import ledger_entries

_RADARS = "Norway promised on Monday to deliver two coastal radar units to Estonia by the end of March."


def _entries(tmp_path, coder, arts: list[tuple[str, str]]) -> list[dict]:
    return ledger_entries(tmp_path, coder, [{"id": f"a{k}", "published": d, "source": f"Wire {k % 2}", "text": t}
                                            for k, (d, t) in enumerate(arts)])


def _by_action(entries: list[dict]) -> dict[str, dict]:
    return {e["action"]: e for e in entries}


def _roles(e: dict) -> list[str]:
    return [x["role"] for x in e["evidence"]]


def test_a_third_unit_after_two_delivered_is_a_new_pledge(tmp_path, coder) -> None:
    got = _by_action(_entries(tmp_path, coder, [
        ("2026-01-12", _RADARS),
        ("2026-03-20", "Norway delivered the two coastal radar units to Estonia on Friday, the defence ministry said."),
        ("2026-04-07", "Norway promised on Tuesday to deliver a third coastal radar unit to Estonia by the end of "
                       "September.")]))
    assert len(got) == 2, list(got)
    old = got["deliver two coastal radar units to Estonia"]
    new = next(e for a, e in got.items() if "third" in a)
    assert old["status"] == "fulfilled" and old["deadline"]["end"] == "2026-03-31"
    assert "revised" not in _roles(old)
    assert new["status"] == "open" and new["deadline"]["end"] == "2026-09-30"


def test_another_batch_of_boats_is_a_new_pledge(tmp_path, coder) -> None:
    got = _by_action(_entries(tmp_path, coder, [
        ("2026-01-12", "Japan pledged to send 20 patrol boats to Vietnam by the end of June."),
        ("2026-06-20", "Japan has sent the 20 patrol boats to Vietnam, the coast guard said."),
        ("2026-07-07", "Japan pledged on Tuesday to send another 20 patrol boats to Vietnam by the end of 2027.")]))
    assert len(got) == 2, list(got)
    old = got["send 20 patrol boats to Vietnam"]
    assert old["status"] == "fulfilled" and old["deadline"]["end"] == "2026-06-30"
    assert "revised" not in _roles(old)
    new = next(e for a, e in got.items() if "another" in a)
    assert new["status"] == "open" and new["deadline"]["end"] == "2027-12-31"


def test_two_more_plants_are_a_new_pledge(tmp_path, coder) -> None:
    got = _by_action(_entries(tmp_path, coder, [
        ("2026-01-12", "Canada promised to give Jordan three water treatment plants by the end of May."),
        ("2026-05-20", "Canada has handed over the three water treatment plants to Jordan, officials said."),
        ("2026-06-09", "Canada promised on Tuesday to give Jordan two more water treatment plants by the end of 2027.")]))
    assert len(got) == 2, list(got)
    assert got["give Jordan three water treatment plants"]["status"] == "fulfilled"
    assert next(e for a, e in got.items() if "more" in a)["status"] == "open"


def test_the_same_units_to_another_state_are_a_new_pledge(tmp_path, coder) -> None:
    got = _by_action(_entries(tmp_path, coder, [
        ("2026-01-12", _RADARS),
        ("2026-03-20", "Norway delivered the two coastal radar units to Estonia on Friday, the defence ministry said."),
        ("2026-04-07", "Norway promised on Tuesday to deliver coastal radar units to Latvia by the end of September.")]))
    assert len(got) == 2, list(got)
    old = got["deliver two coastal radar units to Estonia"]
    assert old["status"] == "fulfilled" and old["deadline"]["end"] == "2026-03-31"
    assert next(e for a, e in got.items() if "Latvia" in a)["status"] == "open"


# -- look-alikes ----------------------------------------------------------------------------------------------------

def test_look_alike_a_change_announced_still_revises(tmp_path, coder) -> None:
    got = _entries(tmp_path, coder, [
        ("2026-01-12", _RADARS),
        ("2026-03-02", "Norway said it would now deliver the two coastal radar units to Estonia by the end of June "
                       "instead of March.")])
    assert len(got) == 1
    assert got[0]["deadline"]["end"] == "2026-06-30" and "revised" in _roles(got[0])


def test_look_alike_a_restatement_is_one_pledge(tmp_path, coder) -> None:
    got = _entries(tmp_path, coder, [
        ("2026-01-12", _RADARS),
        ("2026-02-10", "Norway reaffirmed on Tuesday its promise to deliver two coastal radar units to Estonia by the "
                       "end of March.")])
    assert len(got) == 1 and got[0]["status"] == "open"


def test_look_alike_the_second_of_two_is_no_addition() -> None:
    from gaiko.tracking.narrower import adds_to

    assert not adds_to("the second coastal radar unit", ["two coastal radar units"])
    assert adds_to("a third coastal radar unit", ["two coastal radar units"])
    assert not adds_to("more than 20 patrol boats", ["20 patrol boats"])
    assert not adds_to("more patrol boats", ["more patrol boats"])  # the pledge said "more" itself
