"""Round p55: kinds of pledges the extraction missed on the newest storyline sets (issue 14). Our own sentences (other
countries, domains and words than the sets); each kind has cases that fail without its change and look-alikes that
must give no pledge.

1. a commitment verb used bare after a modal is the act ("will propose a tariff", "will move its consulate");
2. "would have to stop ... unless": the need under a condition is a threat;
3. "will have X (running) by <date>": a result promised by a date;
4. a negated modal pledges to refrain ("will not levy", "would not seek to reopen"), with "not" in the action;
5. "A and B said they would each ...": one pledge per speaker;
6. a body named by its office ("the energy secretariat", "the grid operator", "the organisation") is an actor;
7. a thing's future vouched for by an office or a named speaker ("the terminal will handle ..., Ruto said");
8. "called on X to ..." where the parser hangs the infinitive as an adverbial;
9. a sum the tagger does not mark as money ("pledged 15 million euros").
"""

from __future__ import annotations

import pytest


def _pledges(coder, text: str, published: str = "2026-03-02") -> list:
    from gaiko.types import Article

    (res,) = coder.code_articles([Article(text=text, published=published)])
    return res.pledges


def _show(got: list) -> list:
    return [(p.actor.text, p.kind, p.action) for p in got]


FOUND = [
    # 1. a bare commitment verb after a modal
    ("Brussels will propose a tariff on imported steel before the end of the year, trade commissioner Anna Berg said.",
     "Brussels", "propose a tariff"),
    ("Chile will move its consulate from Tacna to Arica within two months, its foreign minister said.", "Chile",
     "move its consulate"),
    ("Seoul will offer cheap loans to shipbuilders from March, the finance ministry said.", "Seoul", "offer cheap loans"),
    # 2. a need under a condition
    ("The World Bank said it would have to halt lending to the dam unless Laos found new funds by June.", "World Bank",
     "halt lending"),
    # 3. a result by a date
    ('"We will have a border post staffed by May 1," Ghana\'s interior minister said.', "Ghana", "have a border post"),
    ("Mexico will have its new customs system running before March 2027, the treasury said.", "Mexico",
     "have its new customs system"),
    # 4. pledges to refrain
    ("Ghana will not levy the fee on transit trucks for five years, the finance minister said.", "Ghana",
     "not levy the fee"),
    ("Norway would not seek to renegotiate the fisheries treaty, the prime minister said.", "Norway",
     "not renegotiate"),
    # 6. offices as actors
    ("In Quito, Ecuador's energy secretariat pledged to pay Colombia 10 million dollars a month from April toward its "
     "power debts.", "secretariat", "pay Colombia"),
    ("The energy secretariat pledged to pay the arrears owed to the dam's operator by March.", "secretariat", "pay"),
    ("The grid operator has promised to keep two coal plants on standby through the winter.", "operator", "keep two"),
    ("Its director said the organisation would cut a tenth of its staff by 2027.", "organisation", "cut a tenth"),
    # 7. a thing's future, vouched for
    ('"The new terminal will handle 2 million containers a year by 2030," President William Ruto told a rally in '
     'Mombasa.', "Ruto", "handle 2 million containers"),
    ("The bronze statue will go back to Accra next spring, the culture minister said.", "minister", "go back"),
    # 9. an untagged sum
    ("Austria pledged 15 million euros over three years for glacier research, its climate ministry said.", "Austria",
     "provide 15 million euros"),
]


@pytest.mark.parametrize("text, actor, action", FOUND)
def test_kind_gives_its_pledge(coder, text, actor, action):
    got = _pledges(coder, text)
    assert any(actor in p.actor.text and p.action.startswith(action) for p in got), _show(got)


def test_each_of_two_speakers_pledges(coder):
    got = _pledges(coder, "Kenya and Uganda said they would each set aside 5% of their budgets for the rail line.")
    assert {p.actor.country for p in got} >= {"KEN", "UGA"}, _show(got)


def test_hung_infinitive_of_a_demand(coder):
    got = _pledges(coder, "Uruguay called on Brazil to lower the tariff on its rice to 5% once the new accord takes "
                          "effect, well below the current level.")
    assert any(p.kind == "demand" and p.actor.country == "URY" and p.action.startswith("lower") for p in got), _show(got)


NONE = [
    # 2. a need with no condition, a past conditional
    "Chad will have to wait for the next tranche of the loan.",
    "Poland would have raised its tariffs if prices had risen.",
    # 3. "will have" with no date
    "The ruling coalition will have a majority in the new senate.",
    # 4. a past denial, a thing that will not happen
    "Spain had not agreed to lease the naval base.",
    "Uganda's finance ministry said copper revenue would not reach the budget before 2028.",
    # 4. refusals answering another party's call or invitation
    "Brazil said it would not join the boycott of the games.",
    "Serbia would not accept the mediators' call to reopen the talks, its foreign minister said.",
    "The minister told reporters that she would not retract her remarks about the strait.",
    # 7. a thing's future foreseen by a campaign group, or said by nobody
    "Civil rights groups said the delay would leave patients exposed to untested software.",
    "Mr Okafor told the senate that the ruling created a legal category that would allow the navy to board tankers.",
    "The review panel will hold its first meeting in May, the transport ministry said.",
    "The undersea cable will almost double the capacity for trading power between the two islands.",
    # 1. a cue verb in the past with an object
    "Kenya proposed a levy on imported sugar last year.",
]


@pytest.mark.parametrize("text", NONE)
def test_lookalikes_give_no_pledge(coder, text):
    assert _pledges(coder, text) == [], _show(_pledges(coder, text))
