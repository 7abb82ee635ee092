"""Round x24 (issue 14): pledge extraction kinds left by round x23 and newcomer b47. Our own sentences (other places
and acts than any gold or corpus sentence), with look-alikes that must not change.

Q. "We will be able to ACT" inside a quote by the pledger's official ('"We will be able to reopen the crossing by
   June," Kenya's interior minister told reporters'): the official's side's promise, as round x23's reported form
   ("Malawi said it would be able to ...") is. The verb of saying is found from the "be" (the act hangs on "able").
   A condition, a negation, a quoted "would" (a condition in the speaker's own words), a quoted "they" (others) and
   a speaker who speaks for no side (an economist) stay none.
P. A plain future of private people told by an office ("Fishermen will stay in port until the storm passes, the
   coast guard said"): no pledge of the people (they promised nothing) nor of the office (it does not do the act),
   as round x23 read their "will have to". People whose own side speaks ("their union said"), a side's own people
   ("its fishermen"), no speaker and "will be able to" (x22's "let") keep their reading.
C. An agreed text that "calls for X to ACT" / "calls on X to ACT" ("The accord calls for Armenia to open a road"):
   X's agreement, as round x23's "obliges X to" is; one per party. A past call retold, a call for a thing (no party),
   a ruling, a person and a law of one body stay as they were.
U. "Under a/the deal" with no agreement read before: the pledger of the article's latest earlier pledge made to
   another party, when the clause names that party ("A 12% tariff will apply to Peruvian copper ... under a trade
   deal" after Canada's pledge to Peru): its promise, made to that party. No pledge before, a clause naming no party or
   another country, and a past clause stay none.
"""

from __future__ import annotations

import pytest

from helpers import pledge_rows

# ---------------------------------------------------------------------------------------------------------- Q
QUOTED_ABLE = [
    ('"We will be able to reopen the Malaba crossing by June," Kenya\'s interior minister told reporters.',
     ("KEN", "reopen the Malaba crossing")),
    ('Zambia\'s finance minister said: "We will be able to clear the fuel arrears by March."',
     ("ZMB", "clear the fuel arrears")),
]


@pytest.mark.parametrize("text,row", QUOTED_ABLE)
def test_q_quoted_we_will_be_able_is_the_officials_promise(coder, text: str, row: tuple) -> None:
    assert [(r[0], r[2]) for r in pledge_rows(coder, text)] == [row]


QUOTED_ABLE_NOT = [
    '"We will be able to reopen the Malaba crossing if the rains stop," Kenya\'s interior minister told reporters.',
    '"We will not be able to clear the fuel arrears by March," Zambia\'s finance minister said.',
    '"We would be able to clear the fuel arrears by March," Zambia\'s finance minister said.',  # a quoted condition
    '"They will be able to repay the loan by 2028," the IMF\'s mission chief said.',  # others
    '"We will be able to see the first results by June," an economist at Standard Bank said.',  # no side's official
]


@pytest.mark.parametrize("text", QUOTED_ABLE_NOT)
def test_q_quoted_able_look_alikes_stay_none(coder, text: str) -> None:
    assert pledge_rows(coder, text) == []


# ---------------------------------------------------------------------------------------------------------- P
TOLD_OF_PEOPLE = [
    "Fishermen will stay in port until the cyclone passes, the coast guard said.",
    "Kenyan fishermen will stay in port until the cyclone passes, the coast guard said.",
    "Herders will move their cattle south before the rains, Chad's livestock ministry said.",
    "Pilgrims are to travel by bus from Medina, Saudi Arabia's haj ministry said.",
    "The 30 Kenyan fishermen in Kampala jails will stay in custody until Nairobi frees more Ugandan crews, the state's "
    "interior department said.",  # an office the resolver left unplaced
]


@pytest.mark.parametrize("text", TOLD_OF_PEOPLE)
def test_p_private_peoples_future_told_by_an_office_is_no_pledge(coder, text: str) -> None:
    assert pledge_rows(coder, text) == []


TOLD_OF_PEOPLE_KEPT = [
    ("Farmers will block the main roads into Nairobi on Monday, their union said.", "block the main roads into Nairobi"),
    ("Its fishermen will stay in port until the cyclone passes, Kenya's fisheries ministry said.", "stay in port"),
    ("Fishermen will stay in port until the cyclone passes.", "stay in port"),  # no speaker: as before
    ("Chinese firms will build the dam at Kafue by 2028, Zambia's energy ministry said.", "build the dam at Kafue"),
    ("Fishermen will be able to return to Lake Malawi by June, Malawi's fisheries minister said.",
     "let Fishermen return to Lake Malawi"),
]


@pytest.mark.parametrize("text,action", TOLD_OF_PEOPLE_KEPT)
def test_p_look_alikes_keep_their_pledge(coder, text: str, action: str) -> None:
    assert [r[2] for r in pledge_rows(coder, text)] == [action]


# ---------------------------------------------------------------------------------------------------------- C
DOC_CALLS = [
    ("The accord calls for Armenia to open a rail link to Nakhchivan within a year.",
     [("ARM", "agreement", "open a rail link to Nakhchivan")]),
    ("The agreement calls on Ghana to cut its budget deficit to 4% of output by 2027.",
     [("GHA", "agreement", "cut its budget deficit to 4% of output")]),
    ("Ethiopia and Eritrea signed a peace accord in Jeddah on Monday. The communique calls on both sides to withdraw "
     "their troops from the border by March.",
     [("ETH", "agreement", "withdraw their troops from the border"),
      ("ERI", "agreement", "withdraw their troops from the border")]),
]


@pytest.mark.parametrize("text,rows", DOC_CALLS)
def test_c_agreed_text_calling_on_a_party_is_its_agreement(coder, text: str, rows: list) -> None:
    assert pledge_rows(coder, text) == rows


DOC_CALLS_SAME = [
    ("The accord called for Armenia to open a rail link to Nakhchivan within a year.", []),  # retold
    ("The accord calls for the release of all prisoners within a month.", []),  # no party
    ("The new law calls for banks to report every transfer above $10,000.", []),  # a law, no agreed text
    ("The president calls on Armenia to open the rail link to Nakhchivan.",
     [(None, "demand", "open the rail link to Nakhchivan")]),  # a person's call: a demand, as before
]


@pytest.mark.parametrize("text,rows", DOC_CALLS_SAME)
def test_c_look_alikes_unchanged(coder, text: str, rows: list) -> None:
    assert pledge_rows(coder, text) == rows


# ---------------------------------------------------------------------------------------------------------- U
_CANADA = "Canada will work with Peru to build a copper smelter, Prime Minister Mark Carney said on Tuesday. "


@pytest.mark.parametrize("second,n", [
    ("A 12% tariff will apply to Peruvian copper from March 1 under a trade deal reached in Ottawa.", 2),
    ("Customs posts will be built along the border under the deal.", 1),  # names no party
    ("A 12% tariff will apply to Chilean copper from March 1 under a trade deal reached in Ottawa.", 1),  # another
    ("A 12% tariff applied to Peruvian copper from March 1 under a trade deal reached in Ottawa.", 1),  # past
])
def test_u_under_a_deal_with_no_agreement_before(coder, second: str, n: int) -> None:
    rows = pledge_rows(coder, _CANADA + second)
    assert len(rows) == n, rows
    if n == 2:
        assert rows[1][:2] == ("CAN", "promise") and "Peruvian copper" in rows[1][2], rows


def test_u_no_pledge_before_stays_none(coder) -> None:
    assert pledge_rows(coder, "A 12% tariff will apply to Peruvian copper from March 1 under a trade deal reached in "
                              "Ottawa.") == []
