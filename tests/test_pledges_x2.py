"""Round x2: the extraction kinds newcomer round b33 found (its F10, F11, F15's second part). Our own sentences (other
countries, seas and words than b33's); each kind case fails on main.

F10. "warned the ships to leave": the ships are asked to act, a demand of the warner's with the ships as target, not
     a threat of the warner's to leave;
F11. "X warned that Y would bear all the consequences": what Y will suffer is X's threat against Y, not Y's pledge,
     also when the actor lexicon does not place X (a bare surname);
F15b. "demanded that he withdraw them": the pronoun object stands for the earlier phrase whole, a named possessor with
     its "'s" ("Prime Minister Mark Carney's comments"), not with the possessor's last name dropped; an unnamed one
     ("the ministry's", "its") still goes.
"""

from __future__ import annotations

import pytest

from test_pledges_p55 import _pledges, _show

# -- F10 ---------------------------------------------------------------------------------------------------------------

WARNED_TO = [
    ("Vietnam's navy warned the fishing boats to leave the area on Sunday.", "navy", "leave the area", "fishing boats"),
    ("The Indian coast guard warned the Sri Lankan trawlers to turn back.", "coast guard", "turn back", "trawlers"),
    ("Estonia's border guard warned the Russian crew to leave its waters immediately.", "border guard", "leave its waters",
     "Russian crew"),
    ("The United States warned Iran not to attack its ships.", "United States", "not attack", "Iran"),
]


@pytest.mark.parametrize("text,actor,action,target", WARNED_TO)
def test_f10_warned_someone_to_act_is_a_demand_of_them(coder, text, actor, action, target):
    got = _pledges(coder, text)
    assert len(got) == 1, _show(got)
    p = got[0]
    assert actor in p.actor.text and p.kind == "demand" and p.action.startswith(action), _show(got)
    assert p.target is not None and target in p.target.text, (p.target, _show(got))


@pytest.mark.parametrize("text,actor,action", [
    ("Iran warned it would close the Strait of Hormuz if attacked.", "Iran", "close the Strait"),
    ("Russia warned on Monday that it would retaliate against Oslo.", "Russia", "retaliate"),
])
def test_f10_guard_a_warning_of_ones_own_act_stays_a_threat(coder, text, actor, action):
    got = _pledges(coder, text)
    assert [(p.actor.text, p.kind) for p in got] == [(actor, "threat")], _show(got)
    assert got[0].action.startswith(action)


# -- F11 ---------------------------------------------------------------------------------------------------------------

SUFFERED = [
    ("Peskov warned that Latvia would pay a heavy price if it expelled the diplomats.", "Peskov", "Latvia"),
    ("Foreign ministry spokeswoman Mao Ning criticised Manila. Mao warned that the Philippines would bear all the "
     "consequences if it continued the drills.", "Mao", "Philippines"),
    ("Ankara warned that Greece would pay a heavy price if it extended its waters.", "Ankara", "Greece"),
    ("Beijing warned that Manila would face serious consequences if it continued the drills.", "Beijing", "Manila"),
]


@pytest.mark.parametrize("text,warner,target", SUFFERED)
def test_f11_what_another_will_suffer_is_the_warners_threat(coder, text, warner, target):
    got = _pledges(coder, text)
    assert len(got) == 1, _show(got)
    p = got[0]
    assert p.kind == "threat" and warner in p.actor.text, _show(got)
    assert p.target is not None and target in p.target.text, (p.target, _show(got))


def test_f11_guard_a_warners_own_consequences_stay_its_own(coder):
    got = _pledges(coder, "Turkey warned that it would respond to any provocation.")
    assert [(p.actor.text, p.kind, p.target) for p in got] == [("Turkey", "threat", None)], _show(got)


# -- F15b --------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,action", [
    ("India summoned Canada's envoy over Prime Minister Mark Carney's comments and demanded that he withdraw them.",
     "withdraw Prime Minister Mark Carney's comments"),
    ("Hanoi condemned President Ferdinand Marcos's comments on the reef. It demanded that he withdraw them.",
     "withdraw President Ferdinand Marcos's comments"),
    ("Ankara criticised Dutch Foreign Minister Caspar Veldkamp's statement and demanded that he retract it.",
     "retract Dutch Foreign Minister Caspar Veldkamp's statement"),
])
def test_f15b_a_pronoun_object_keeps_its_named_possessor_whole(coder, text, action):
    got = _pledges(coder, text)
    assert [p.action for p in got if p.kind == "demand"] == [action], _show(got)


@pytest.mark.parametrize("text,action", [
    ("Thailand said it was holding 18 Cambodian soldiers and would release them.", "release 18 Cambodian soldiers"),
    ("Kenya criticised the ministry's new rules and said it would scrap them.", "scrap new rules"),
])
def test_f15b_guard_an_unnamed_possessor_still_goes(coder, text, action):
    got = _pledges(coder, text)
    assert [p.action for p in got] == [action], _show(got)
