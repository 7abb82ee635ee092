"""Review r18 of round p57's guards: common pledge forms the guards dropped. Our own sentences (other countries,
domains and words than the sets); each gave no pledge at main 4bf02db.

1. "they" after a nearer plural subject that is a thing that happens ("the talks had gone well and they would sign")
   or the speakers' own people ("their envoys had met and they would ..."): "they" are the speakers;
2. a body whose name holds an event noun ("the election commission", "the Census Bureau") is no calendar event;
3. an adverb of assurance ("will surely", "will undoubtedly") is no hedge; "almost certainly" is one;
4. "X said in <last year> it would ...": the parser hangs the year of saying on the act; a year one back is no past
   habit (as a pledge of one year back is no past pledge).
"""

from __future__ import annotations

import pytest

from test_pledges_p55 import _pledges, _show

FOUND = [
    # 1. "they" are the speakers
    ("Ghana and Togo said the talks had gone well and they would sign the border pact in May.", "Togo", "sign the border"),
    ("Both governments said the negotiations were over and they would ratify the accord in June.", "governments",
     "ratify the accord"),
    ("Laos and Cambodia said their envoys had met and they would reopen the crossing in July.", "Cambodia",
     "reopen the crossing"),
    # 2. a body named after an event
    ("The election commission will publish the final tallies by Friday.", "commission", "publish the final"),
    ("The Census Bureau will release the revised housing figures in April.", "Census Bureau", "release the revised"),
    # 3. assurance is no hedge
    ("The finance minister said Zambia will surely honour its eurobond payments.", "Zambia", "honour"),
    ("The president said Ecuador will undoubtedly repay the bond on time.", "Ecuador", "repay"),
    # 4. said last year
    ("Turkey said in 2025 it would lift the visa requirement for Gulf visitors.", "Turkey", "lift the visa"),
]

NONE = [
    "The Bolivian peso will almost certainly weaken further next year, a Barclays economist said.",
    "Uzbekistan will almost certainly raise its gas tariff next year, a Fitch analyst said.",
    "Denmark and Norway said the trawlers had left and that they would return by August.",
    "The regional trade talks will resume in Dakar on Monday.",
]


@pytest.mark.parametrize("text, actor, action", FOUND)
def test_common_pledge_forms_pass_the_guards(coder, text, actor, action):
    got = _pledges(coder, text)
    assert any(actor in p.actor.text and action in p.action for p in got), _show(got)


@pytest.mark.parametrize("text", NONE)
def test_lookalikes_still_give_no_pledge(coder, text):
    got = _pledges(coder, text)
    assert got == [], _show(got)
