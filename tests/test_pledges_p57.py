"""Round p57: sentences read as pledges that are none (extraction precision). Our own sentences (other countries,
domains and words than the sets); each look-alike gave a pledge before the change, and true pledges of nearby forms
must still be found.

1. a body's timetable: a session under "is due / scheduled / expected to", unplaced members voting, an election;
2. a calendar event or the public as subject ("the summit will open", "voters will elect");
3. a thing's future whose actor is only in a modifier ("Nigeria's new refinery will ..."), unless a speaker vouches;
4. a forecast: a passive "is expected to", a hedge ("will probably"), a forecast verb before the act;
5. a past habit with "would" ("during the 1980s Moscow would send ...");
6. a pledge dated to an earlier year, told as history ("vowed in 2017 to", "the 2019 promise ... was shelved");
7. a condition or counterfactual around the cue ("if Moscow agrees to", "had Congress approved ..., X would");
8. "they" meaning a nearer plural subject, "it" where the speaker is plural, nobody or few as speaker;
9. an onlooker (a press-freedom or rights group) vouches for no thing's future; "is to receive" is undergone.
"""

from __future__ import annotations

import pytest

from test_pledges_p55 import _pledges, _show

NONE = [
    # 1. a body's timetable
    "The new national assembly is due to sit for the first time on 3 May.",
    "The senate is scheduled to convene on Monday to elect a speaker.",
    "The board is expected to meet in Nairobi next week.",
    "Deputies will vote on the pension reform on Thursday.",
    "Fiji will vote in a general election next month.",
    # 2. a calendar event or the public
    "The G20 summit will open in Johannesburg on Saturday.",
    "The Asian Games will open in Nagoya in September.",
    "Croatian voters will elect a new president on Sunday.",
    # 3. a thing's future, its actor only in a modifier
    "Nigeria's new refinery will struggle to run at full capacity before 2028.",
    "Traffic on Uganda's northern highway will halve once the bypass opens.",
    # 4. forecasts
    "Japan is expected to announce a stimulus package on Friday.",
    "Mexico will probably raise its fuel tax next year, a Citi economist said.",
    "A Nomura strategist forecast that Indonesia would tighten export curbs on bauxite.",
    # 5. past habits
    "He said that during the 1980s Moscow would send advisers to Luanda every year.",
    "Back then, the minister said, Angola would ship crude to Lisbon each winter.",
    # 6. pledges of an earlier year
    "Peru vowed in 2017 to electrify every Andean village, a goal met last year.",
    "The Vietnamese government's 2019 promise to close coal plants was quietly shelved.",
    # 7. conditions and counterfactuals
    "Grain ships could sail within days if Moscow agrees to reopen the corridor.",
    "If Lagos were to float the naira again, importers would face a second shock.",
    "Had Congress approved the funds in March, Honduras would already be building the dam, the minister said.",
    # 8. pronouns and speakers
    "Mali and Niger said the mercenaries had crossed the border and that they would withdraw by June.",
    "Chile and Peru said fishing crews were angry and they would block the port on Monday.",
    "The ministry said farmers had been warned and they would lose their subsidy next year.",
    "Wine growers marched in Chisinau against the excise, saying it would ruin small vineyards.",
    "No country said it would send troops to the mission.",
    # 9. onlookers and acts undergone
    "Press freedom groups said the new media law would silence local radio stations.",
    "Sri Lanka is to get a fresh batch of Indian buses in June.",
]


@pytest.mark.parametrize("text", NONE)
def test_lookalikes_give_no_pledge(coder, text):
    got = _pledges(coder, text)
    assert got == [], _show(got)


FOUND = [
    # 1. timetables that are commitments: a named legislature's vote, a government's signing, a speaker's promise
    ("Kenya's parliament is set to vote on the finance bill next week, the speaker said.", "parliament", "vote on"),
    ("The Ghanaian government is due to sign the loan agreement with the IMF in June.", "government", "sign the loan"),
    ("Parliament will vote to ratify the treaty before the end of the year, the prime minister said.", "Parliament",
     "vote to ratify"),
    ("The junta said the new parliament would convene in March.", "parliament", "convene"),
    # 2. a government holding the event
    ("Gabon will hold a presidential runoff on June 2, the interior minister said.", "Gabon", "hold a presidential"),
    # 3. a thing's future vouched for, an office noun as subject
    ("Kenya's new port at Lamu will handle 1 million containers a year by 2030, President Ruto said.", "Ruto",
     "handle 1 million"),
    ("Japan's coast guard will send two patrol ships to the strait, the defence ministry said.", "coast guard",
     "send two patrol ships"),
    ("Mexico's central bank will cut its policy rate next month, its governor said.", "central bank", "cut its policy"),
    # 5. a "would" with a future timetable
    ("Ecuador said it would grant fishing permits to Peruvian trawlers every spring from 2027.", "Ecuador",
     "grant fishing permits"),
    ("Japan said it would resume flights to Sapporo once a week from May.", "Japan", "resume flights"),
    ("Norway said it would buy Swedish power for years to come.", "Norway", "buy Swedish power"),
    ("Egypt said it would double gas exports in the 2030s.", "Egypt", "double gas exports"),
    ("Japan said it would then lift the ban on Korean pears.", "Japan", "lift the ban"),
    # 6. a pledge made now, with a date of its own; one of last year, told again
    ("Kenya agreed in 2025 to build the rail line.", "Kenya", "build the rail line"),
    ("The rebels pledged on Tuesday to disarm by 2027.", "rebels", "disarm"),
    # 7. a condition on the pledge itself
    ("Peru would reopen its consulate in Arica if the border talks succeed, its foreign minister said.", "Peru",
     "reopen its consulate"),
    ("Brussels will raise the levy on Chinese steel unless Beijing cuts its exports, the trade commissioner said.",
     "Brussels", "raise the levy"),
    ("Should the talks fail, Turkey would impose tariffs on Greek olive oil, the trade minister said.", "Turkey",
     "impose tariffs"),
    # 2. an organisation whose name holds no event
    ("The Arab League will send monitors to Sudan.", "Arab League", "send monitors"),
    # 8. pronouns that are the speakers
    ("Brazil and Argentina said they would scrap the duties by March.", "Argentina", "scrap the duties"),
    ("Dairy farmers said they would block the roads on Monday.", "farmers", "block the roads"),
    ("The union said it would call off the strike on Monday.", "union", "call off the strike"),
    # 9. "is to" with an act of the subject's
    ("Ghana is to repay the loan by 2030, the finance ministry said.", "Ghana", "repay the loan"),
]


@pytest.mark.parametrize("text, actor, action", FOUND)
def test_nearby_pledges_are_still_found(coder, text, actor, action):
    got = _pledges(coder, text)
    assert any(actor in p.actor.text and p.action.startswith(action) for p in got), _show(got)


def test_each_party_of_an_agreed_future_pledges(coder):
    got = _pledges(coder, "Chile and Bolivia agreed that joint patrols on the Altiplano border will resume in April, "
                          "the two interior ministers said.")
    assert {p.actor.country for p in got} >= {"CHL", "BOL"}, _show(got)


def test_guard_lists_are_data():
    from gaiko.tables import word_sets

    w = word_sets("pledges/schedule_guards.yaml")
    assert {"legislatures", "office_voters", "past_markers", "event_nouns", "hedge_adverbs", "none_quantifiers",
            "onlooker_sectors", "public_nouns", "undergo_verbs"} <= set(w)
    assert "predict" in word_sets("pledges/modal_forms.yaml")["forecast_lead_verbs"]
