"""Round p42: kinds of missed and false pledges that the extraction set's tuned part showed (issue 14). Our own
sentences (other countries, objects and words than the set); each kind has cases that fail without its change and
look-alikes or guards that must keep passing.

1. a question commits nobody ("Will Mongolia extend ...?");
2. a denied cue is no pledge: a negated commitment verb, "no plans to", a cue in the clause of a denial;
3. (tried and dropped: a future modal whose subject is a thing an actor has or hosts, "wheat prices in Kazakhstan
   will stay low", also dropped "the American tariff will come down to 15%" and "US support would end" on the storyline
   sets);
4. "insisted (that) X do" in the mandative subjunctive is a demand on X ("insisted that Spain had broken" is not);
5. "signed up to build", "signed up to a pact to halve": an agreement of each party;
6. the subject of a relative clause's cue is the noun it modifies ("the bank, which has pledged to cut ...").
"""

from __future__ import annotations

import pytest


def _pledges(coder, text: str, published: str = "2026-03-02") -> list:
    from gaiko.types import Article

    (res,) = coder.code_articles([Article(text=text, published=published)])
    return res.pledges


NONE = [
    # 1. questions
    "Is Peru still prepared to buy the Swedish fighter jets?",
    "Will Mongolia extend its coal contract with Beijing? Officials in Ulaanbaatar declined to comment.",
    # 2. denied cues
    "Chile's copper agency has no plans to privatise its smelters, the mining minister said.",
    "Denmark said it had not agreed to lease the Faroe airstrip and called the reports false.",
    "Ghana's finance minister denied that he was planning to devalue the cedi.",
    # 4. a fact insisted on
    "Algeria insisted that Spain had broken the friendship treaty.",
]


@pytest.mark.parametrize("text", NONE)
def test_lookalikes_give_no_pledge(coder, text):
    assert _pledges(coder, text) == []


@pytest.mark.parametrize("text, actor, action", [
    ("Mongolia will extend its coal contract with Beijing, the minister said.", "Mongolia", "extend"),
    ("Ghana's finance minister said he was planning to devalue the cedi.", "Ghana", "devalue"),
    ("Denmark has agreed to lease the Faroe airstrip to Norway.", "Denmark", "lease"),
    ("Canada's navy will send two frigates to the Pacific in May.", "Canada", "send"),
    ("Nepal will open three new border posts with India next year.", "Nepal", "open"),
])
def test_guards_keep_their_pledge(coder, text, actor, action):
    got = _pledges(coder, text)
    assert any(actor in p.actor.text and p.action.startswith(action) for p in got), [(p.actor.text, p.action) for p in got]


@pytest.mark.parametrize("text, actor, target, action", [
    ("Namibia insisted that Botswana withdraw its rangers from the disputed island.", "Namibia", "Botswana", "withdraw"),
    ("Senegal's fisheries minister insisted that foreign trawlers leave the coastal zone by June.", "Senegal",
     "trawlers", "leave"),
])
def test_mandative_demand(coder, text, actor, target, action):
    (p,) = _pledges(coder, text)
    assert p.kind == "demand" and actor in p.actor.text and p.action.startswith(action)
    assert p.target is not None and target in p.target.text


@pytest.mark.parametrize("text, parties, action", [
    ("Laos and Cambodia signed up to a regional pact to halve malaria deaths by 2030.", {"LAO", "KHM"}, "halve"),
    ("Peru and Ecuador signed up to build a shared border hospital by 2028.", {"PER", "ECU"}, "build"),
])
def test_signed_up_is_an_agreement_of_each_party(coder, text, parties, action):
    got = _pledges(coder, text)
    assert {p.actor.country for p in got} == parties
    assert all(p.kind == "agreement" and p.action.startswith(action) for p in got)


@pytest.mark.parametrize("text, country, action", [
    ("Tunisia's central bank, which has pledged to cut inflation to 5% by 2027, left rates unchanged on Tuesday.",
     "TUN", "cut inflation"),
    ("Uruguay's health agency, which has vowed to vaccinate every child by 2027, opened four new clinics on Monday.",
     "URY", "vaccinate"),
])
def test_relative_clause_subject(coder, text, country, action):
    got = [p for p in _pledges(coder, text) if p.action.startswith(action)]
    assert len(got) == 1 and got[0].actor.country == country and got[0].kind == "promise"
    assert got[0].deadline is not None and "2027" in got[0].deadline.text
