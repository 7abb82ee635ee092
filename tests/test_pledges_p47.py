"""Round p47: two tracker kinds a look at d13 found (issue 14). Our own storylines (other countries, domains and words
than the corpora). Each kind has cases that fail without its change and look-alikes that must keep passing.

A. a pledge with two sites or parts is kept only in part by a report that one part is done and, set against it,
   another is not begun or still under way: in progress before the deadline, partly fulfilled after; never fulfilled;
B. a later, narrower pledge of the same actor (a part of the earlier one, a new and smaller amount) is a pledge of its
   own, not a deadline revision of the earlier one that inherits its fate; a change announced as one ("now ...
   instead of", "pushed back") still revises.
"""

from __future__ import annotations

from helpers import ledger_statuses


def _dated(tmp_path, coder, arts: list[tuple[str, str]]) -> dict[str, str]:
    return ledger_statuses(tmp_path, coder, [{"id": f"a{k}", "published": d, "source": f"Wire {k % 2}", "text": t}
                                             for k, (d, t) in enumerate(arts)])


def _only(got: dict[str, str]) -> str:
    assert len(got) == 1, got
    return next(iter(got.values()))


# -- A. one part done, another not ----------------------------------------------------------------------------------

_PLANTS = "Vietnam promised to build desalination plants in Da Nang and Nha Trang by the end of 2026."
_HOSPITALS = "Ghana pledged to open new hospitals in Tamale and Kumasi by the end of 2027."
_CROSSINGS = "Ethiopia promised to reopen the border crossings at Metema and Humera by the end of March."


def test_one_plant_done_the_other_not_started_is_in_progress(tmp_path, coder) -> None:
    got = _dated(tmp_path, coder, [("2026-02-02", _PLANTS), ("2026-06-10", "The desalination plant in Da Nang has been "
                                   "completed, but work on the Nha Trang plant has not started, officials said.")])
    assert _only(got) == "in_progress"


def test_the_part_not_done_named_first(tmp_path, coder) -> None:
    got = _dated(tmp_path, coder, [("2026-02-02", _PLANTS), ("2026-06-10", "Work on the Nha Trang plant has yet to "
                                   "begin, although the Da Nang plant has been completed.")])
    assert _only(got) == "in_progress"


def test_one_hospital_open_the_other_under_way(tmp_path, coder) -> None:
    got = _dated(tmp_path, coder, [("2026-02-02", _HOSPITALS), ("2026-06-10", "The new hospital in Tamale opened its "
                                   "doors in May, while construction of the Kumasi hospital is still under way.")])
    assert _only(got) == "in_progress"


def test_one_crossing_open_after_the_deadline_is_partly_kept(tmp_path, coder) -> None:
    got = _dated(tmp_path, coder, [("2026-02-02", _CROSSINGS), ("2026-06-10", "The Metema crossing reopened on Monday, "
                                   "but the Humera crossing remains closed, traders said.")])
    assert _only(got) == "partially_fulfilled"


def test_look_alike_both_parts_done(tmp_path, coder) -> None:
    got = _dated(tmp_path, coder, [("2026-02-02", _HOSPITALS), ("2026-06-10", "The new hospitals in Tamale and Kumasi "
                                   "opened their doors in May, officials said.")])
    assert _only(got) == "fulfilled"


def test_look_alike_the_same_part_not_yet_working(tmp_path, coder) -> None:
    got = _dated(tmp_path, coder, [
        ("2026-02-02", "Vietnam promised to build a desalination plant in Da Nang by the end of 2026."),
        ("2026-06-10", "The desalination plant in Da Nang has been completed, but it has not started operating, "
                       "officials said.")])
    assert _only(got) == "fulfilled"


def test_look_alike_a_site_the_pledge_does_not_name(tmp_path, coder) -> None:
    got = _dated(tmp_path, coder, [
        ("2026-02-02", "Vietnam promised to build a desalination plant in Da Nang by the end of 2026."),
        ("2026-06-10", "The desalination plant in Da Nang has been completed, but work on a plant in Hue has not "
                       "started, officials said.")])
    assert _only(got) == "fulfilled"


# -- B. a later, narrower pledge is one of its own --------------------------------------------------------------------

def test_a_part_with_a_smaller_amount_is_a_pledge_of_its_own(tmp_path, coder) -> None:
    got = _dated(tmp_path, coder, [("2026-02-02", "Chile pledged to plant 10 million trees by 2030."),
                                   ("2026-05-04", "Chile promised to plant 2 million trees in the Atacama region by "
                                                  "December.")])
    assert len(got) == 2 and set(got.values()) == {"open"}, got


def test_a_new_smaller_sum_does_not_inherit_the_earlier_fate(tmp_path, coder) -> None:
    got = _dated(tmp_path, coder, [
        ("2026-02-02", "Japan pledged to give $500 million in aid to Sri Lanka by the end of 2026."),
        ("2026-03-10", "Japan delivered the $500 million in aid to Sri Lanka, the finance ministry said."),
        ("2026-05-04", "Japan promised to give Sri Lanka $50 million in emergency aid by July.")])
    assert len(got) == 2, got
    assert [s for a, s in got.items() if "50 million" in a and "500" not in a] == ["open"], got


def test_fewer_doses_later_are_another_pledge(tmp_path, coder) -> None:
    got = _dated(tmp_path, coder, [
        ("2026-02-02", "Brazil pledged to donate 20 million vaccine doses to Bolivia by the end of 2026."),
        ("2026-05-04", "Brazil promised to donate 3 million vaccine doses to Bolivia by August.")])
    assert len(got) == 2, got


def test_a_named_site_of_a_kept_pledge_is_open(tmp_path, coder) -> None:
    got = _dated(tmp_path, coder, [
        ("2026-02-02", "Egypt pledged to build three new ports on the Red Sea coast by 2030."),
        ("2026-03-10", "Egypt has built three new ports on the Red Sea coast, the transport ministry said."),
        ("2026-05-04", "Egypt promised to build a port at Safaga by 2027.")])
    assert len(got) == 2 and [s for a, s in got.items() if "Safaga" in a] == ["open"], got


def test_look_alike_a_cut_announced_as_one_revises(tmp_path, coder) -> None:
    got = _dated(tmp_path, coder, [
        ("2026-02-02", "Japan pledged to give $500 million in aid to Sri Lanka by the end of 2026."),
        ("2026-05-04", "Japan said it would now give only $300 million in aid to Sri Lanka, by September.")])
    assert len(got) == 1, got


def test_look_alike_a_new_deadline_announced_revises(tmp_path, coder) -> None:
    got = _dated(tmp_path, coder, [
        ("2026-02-02", "Japan pledged to give $500 million in aid to Sri Lanka by June."),
        ("2026-05-04", "Japan said it would now give the $500 million in aid to Sri Lanka by September instead of "
                       "June.")])
    assert len(got) == 1, got


def test_look_alike_a_restatement_with_more_words_is_one(tmp_path, coder) -> None:
    got = _dated(tmp_path, coder, [("2026-02-02", "Chile pledged to plant 10 million trees by 2030."),
                                   ("2026-05-04", "Chile promised again to plant 10 million trees across the country "
                                                  "by 2030.")])
    assert len(got) == 1, got
