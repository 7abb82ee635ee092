"""Round t37: tracker kinds left from rounds p79 and p80 (docs/rounds/pledges.md, round t37). Our own storylines, never
a studied set's sentence; each kind case fails on main.

D  "left X for Y" / "left for Y" for a pledge to deploy or send: a departure towards a named place is the deed under
   way, not the contrary act (a withdrawal). A departure from the pledge's destination, one towards the doer's own
   country, or "left X" with no destination stays the contrary; another country's departure stays unrelated.
P  a measure adopted is the deed, not a step (round p80's kind P): "adopted a ban on X" for a pledge to ban X, a budget
   "approved 10% lower" for a pledge to cut it by 10%. A bill adopted ("approved a bill that would ban", "the draft
   law") stays a step.
F  the deed reported and, after "but" / "though", the rest said not done ("reopened the crossing to buses, but cargo
   lorries are still barred", "scrapped the duty on cement but left the one on steel unchanged") is done in part:
   progress while a deadline is ahead, partial after it or with none. A contrast that says nothing undone, or the same part not yet
   working (round p47's look-alikes), keeps the deed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import pledge_story as _story
from helpers import status_of as _one

_KENYA = "Kenya pledged on Monday to send 400 police officers to Haiti by June."
_RWANDA = "Rwanda promised on Monday to deploy 300 troops to Mozambique by May."
_GHANA = "Ghana promised on Monday to deploy 250 soldiers to Mali by June."


# -- D: a departure towards the destination -----------------------------------------------------------------------

@pytest.mark.parametrize("pledge, report, verb", [
    (_KENYA, "The first 200 Kenyan police officers left Nairobi for Port-au-Prince on Tuesday.", "send"),
    (_KENYA, "The first 200 Kenyan police officers left for Haiti on Tuesday.", "send"),
    (_RWANDA, "Rwandan troops left Kigali for Cabo Delgado on Friday, the army said.", "deploy"),
    (_GHANA, "A first company of Ghanaian soldiers left for Bamako on Wednesday, the defence ministry said.", "deploy"),
])
def test_d_a_departure_towards_the_destination_is_no_withdrawal(tmp_path: Path, coder, pledge: str, report: str,
                                                                 verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) in ("in_progress", "partially_fulfilled", "fulfilled")


@pytest.mark.parametrize("pledge, report, verb", [
    (_RWANDA, "Rwandan troops left Mozambique for Kigali on Friday, the army said.", "deploy"),
    (_RWANDA, "Rwandan troops left Mozambique on Friday, the army said.", "deploy"),
    (_GHANA, "The Ghanaian soldiers left Mali for Accra on Wednesday, the defence ministry said.", "deploy"),
    (_GHANA, "The Ghanaian soldiers left Bamako on Wednesday, the defence ministry said.", "deploy"),
    (_KENYA, "The Kenyan police officers left Haiti for good on Tuesday.", "send"),
])
def test_d_guard_leaving_the_destination_or_going_home_stays_the_contrary(tmp_path: Path, coder, pledge: str,
                                                                          report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == "broken"


def test_d_guard_another_country_departing_is_unrelated(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, _GHANA, ["Nigerian soldiers left Abuja for Bamako on Wednesday, the Nigerian army said."])
    assert _one(got, "deploy") == "open"


def test_d_unit_departs_towards() -> None:
    from gaiko.tracking.departure import departs_towards
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.text import Hit, tokenize

    class _F:
        doer, related, participants, places = "KEN", frozenset({"HTI"}), frozenset(), frozenset()

    lex = lexicon()
    for text, want in [("The officers left Nairobi for Port-au-Prince on Tuesday.", "left Nairobi for Port-au-Prince"),
                       ("The officers left Haiti for Nairobi on Tuesday.", None),
                       ("The officers left for good on Tuesday.", None)]:
        toks = tokenize(text)
        i = next(n for n, t in enumerate(toks) if t.text == "left")
        assert departs_towards(_F(), text, toks, Hit(i, i + 1, "a:withdraw", "v", "VBD"), len(toks), lex) == want


# -- P: a measure adopted is the deed ------------------------------------------------------------------------------

_PORTUGAL = "Portugal pledged on Monday to ban all arms sales to Myanmar by June."
_KENYA_BUDGET = "Kenya pledged on Monday to cut its 2026 budget by 10%."


@pytest.mark.parametrize("pledge, report, verb", [
    (_PORTUGAL, "Portugal's government adopted a ban on arms sales to Myanmar on Friday, officials in Lisbon said.", "ban"),
    (_KENYA_BUDGET, "Kenya's parliament approved a 2026 budget 10% lower than this year's on Thursday, the treasury said.",
     "cut"),
    ("Norway promised on Monday to ban bottom trawling in its Arctic waters by May.",
     "Norway's parliament passed a ban on bottom trawling in its Arctic waters on Tuesday, the fisheries ministry said.",
     "ban"),
])
def test_p_a_measure_adopted_is_the_deed(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == "fulfilled"


@pytest.mark.parametrize("pledge, report, verb", [
    (_PORTUGAL, "Portugal's cabinet approved a bill that would ban arms sales to Myanmar on Friday, officials in Lisbon "
                "said.", "ban"),
    ("Peru pledged on Monday to pass a law creating a national water agency by June.",
     "Peru's cabinet approved the draft law creating a national water agency on Thursday, officials in Lima said.", "pass"),
])
def test_p_guard_a_bill_or_plan_adopted_stays_a_step(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == "in_progress"


# -- F: the deed and the rest not done -----------------------------------------------------------------------------

_CHILE = "Chile pledged on Monday to reopen the Chacalluta crossing to cargo and buses by {}."


@pytest.mark.parametrize("pledge, report, verb, want", [
    (_CHILE.format("June"), "Chile reopened the Chacalluta crossing to buses on Friday, but cargo lorries are still "
                            "barred, officials in Arica said.", "reopen", "in_progress"),
    (_CHILE.format("March"), "Chile reopened the Chacalluta crossing to buses on Friday, but cargo lorries are still "
                             "barred, officials in Arica said.", "reopen", "partially_fulfilled"),
    ("Ghana pledged on Monday to scrap its duties on Nigerian cement and steel by June.",
     "Ghana scrapped its duty on Nigerian cement on Friday but left the duty on steel unchanged, traders in Accra said.",
     "scrap", "in_progress"),
    ("Ghana pledged on Monday to scrap its duties on Nigerian cement and steel.",
     "Ghana scrapped its duty on Nigerian cement on Friday but left the duty on steel unchanged, traders in Accra said.",
     "scrap", "partially_fulfilled"),
])
def test_f_the_deed_and_the_rest_not_done_is_in_part(tmp_path: Path, coder, pledge: str, report: str, verb: str,
                                                     want: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == want


@pytest.mark.parametrize("report", [
    "Chile reopened the Chacalluta crossing on Friday, but traders complained of long queues, officials in Arica said.",
    "Chile reopened the Chacalluta crossing on Friday, officials in Arica said.",
])
def test_f_guard_the_deed_alone_stays_fulfilled(tmp_path: Path, coder, report: str) -> None:
    assert _one(_story(tmp_path, coder, _CHILE.format("June"), [report]), "reopen") == "fulfilled"


def test_f_unit_rest_undone() -> None:
    from gaiko.tracking.restundone import rest_undone

    assert rest_undone("It granted the licence, but it doesn't cover fuel sales.")[1] == "but ... n't"
    assert rest_undone("The fund paid the first grants, though two regions remain without any.")[1] == "though ... remain"
    assert rest_undone("It reopened the crossing, but traders complained of queues.") is None
    assert rest_undone("It was not reopened.") is None
