"""Round x23 (issue 14): pledge extraction kinds left by rounds x22 and b46. Our own sentences (other places and acts
than any gold or corpus sentence), with look-alikes that must not change.

V. A relative passive with a by-agent ("a new port at Lamu, which will be built by Japanese firms"): the by-agent's
   pledge, whose action takes the clause's antecedent as its object ("build a new port at Lamu"), never the relative
   pronoun ("build which"); "which is to be financed by X" is a cue as "which is to be finished" is. A past clause, a
   clause on a sentence's subject that is no pledge and an act suffered stay none.
O. "Will/would have to ... until/unless/if ..." over people who are no party ("Fishermen will have to stay in port
   until the storm passes, the coast guard said"): an obligation told of them, no pledge of theirs and no demand (a
   demand asks a party by a verb of asking or wishing; a rule's act is x22's "require"). The speaker's own side ("it
   would have to stop deliveries unless ...", "Kenya would have to halt exports unless ...") keeps its pledge.
D. A document as subject: "the accord obliges / binds / requires X to ACT" is X's agreement, as "commits X to" is
   (an agreed text of ``binding_documents``, an actor or "both sides" bound, the verb not past and under no "would");
   "commits X to <gerund>" parsed as an adverbial clause and a fund's "investment case" are read too. A law binding
   people, a past obligation retold, a conditional and a ruling stay none.
F. A refusal told as the reason or circumstance of another actor's done act (newcomer b46's F5: "Nigeria shelved
   its plan ... after Cotonou said it would not host foreign soldiers"): no pledge of its own (it borrowed the main
   verb's fate). A positive pledge in such a clause, a main clause in the future or with no actor as subject, and a
   refusal in the main clause stay pledges.
U. A passive or a thing's future "under the deal / the agreement" with no agent and no speaker ("Provincial elections
   will be held ... under the deal"): one agreement pledge per party of the article's latest agreement told in an
   earlier sentence. No agreement before ("under a trade deal reached in Lima"), a past passive, an onlooker speaker
   and a promise (no agreement) before stay as they were.
A. "Would/will be able to ACT" said by the pledger of itself ("Malawi said it would be able to repay the loan by
   2028"): its promise to ACT. Another's forecast ("the IMF said Kenya would be able to"), an onlooker, a condition, a
   negation and no verb of saying stay none.
"""

from __future__ import annotations

import pytest

from helpers import pledge_rows

# ---------------------------------------------------------------------------------------------------------- V
AGENT_RELATIVE = [
    ("Kenya will build a new port at Lamu, which will be built by Japanese firms, the ministry said.",
     "JPN", "build a new port at Lamu"),
    ("Angola signed a deal for a refinery in Lobito, which will be financed by the African Development Bank.",
     "IGO", "finance a refinery in Lobito"),
    ("Peru awarded the contract for a desalination plant in Ilo, which will be operated by a Spanish firm.",
     "ESP", "operate a desalination plant in Ilo"),
    ("Uganda will upgrade the airport at Entebbe, which is to be financed by the World Bank, the transport minister "
     "said.", "IGO", "finance the airport at Entebbe"),
]


@pytest.mark.parametrize("text,country,action", AGENT_RELATIVE)
def test_v_relative_passive_with_agent_takes_its_antecedent(coder, text: str, country: str, action: str) -> None:
    rows = pledge_rows(coder, text)
    assert (country, action) in [(r[0], r[2]) for r in rows], rows
    assert not any("which" in r[2].split() for r in rows), rows


AGENT_RELATIVE_NOT = [
    "Kenya opened a new port at Lamu, which was built by Japanese firms.",  # past: a deed told
    "The dam, which will be finished by Chinese engineers in 2027, is the largest in the region.",  # no cue of its own
    "Floods cut the main road to Tete, which will be hit again by storms next week.",  # suffered
    "Rwanda opened a clinic in Huye, which had been paid for by Belgium.",
]


@pytest.mark.parametrize("text", AGENT_RELATIVE_NOT)
def test_v_relative_passive_look_alikes_stay_none(coder, text: str) -> None:
    assert pledge_rows(coder, text) == []


# ---------------------------------------------------------------------------------------------------------- O
OBLIGED = [
    "Fishermen will have to stay in port until the storm passes, the coast guard said.",
    "Truck drivers would have to wait at the border unless the new scanners arrive, the customs agency said.",
    "Up to 3,000 Ukrainians will have to leave the camps until new housing is found, the mayor said.",
]


@pytest.mark.parametrize("text", OBLIGED)
def test_o_obligation_over_people_is_no_pledge(coder, text: str) -> None:
    assert pledge_rows(coder, text) == []


OBLIGED_KEPT = [
    ("The World Food Programme said it would have to stop food deliveries to Tigray unless donors found $50 million.",
     "IGO", "stop food deliveries to Tigray"),
    ("Kenya would have to halt power exports to Uganda unless the arrears were paid, Kenya's energy minister said.",
     "KEN", "halt power exports to Uganda"),
]


@pytest.mark.parametrize("text,country,action", OBLIGED_KEPT)
def test_o_own_side_obligation_with_a_condition_stays(coder, text: str, country: str, action: str) -> None:
    rows = pledge_rows(coder, text)
    assert [(r[0], r[2]) for r in rows] == [(country, action)], rows


# ---------------------------------------------------------------------------------------------------------- D
DOCUMENT = [
    ("The accord obliges Ghana to cut its deficit to 3% of GDP by 2027.", [("GHA", "cut its deficit to 3% of GDP")]),
    ("The accord binds Armenia to open a road across its territory within a year.",
     [("ARM", "open a road across its territory")]),
    ("The deal requires Pakistan to cut its fuel subsidies by June.", [("PAK", "cut its fuel subsidies")]),
    ("The deal obliges Kenya and Uganda to share the pipeline's costs.",
     [("KEN", "share the pipeline's costs"), ("UGA", "share the pipeline's costs")]),
    ("The agreement commits the Tigray Interim Administration to handing at least 5,000 rifles a month to the federal "
     "army.", [("ETH", "hand at least 5,000 rifles a month to the federal army")]),  # the gerund parsed as an adverbial
    ("The Global Fund asked donors for $18 billion on Monday. The fund's investment case commits it to cutting deaths "
     "from malaria by a further 30% by 2029, its director said.", [(None, "cut deaths from malaria by a further 30%")]),
]


@pytest.mark.parametrize("text,want", DOCUMENT)
def test_d_document_binds_its_party(coder, text: str, want: list) -> None:
    rows = pledge_rows(coder, text)
    assert [(r[0], r[1], r[2]) for r in rows] == [(c, "agreement", a) for c, a in want], rows


DOCUMENT_NOT = [
    "The new law requires banks to report every transfer above $10,000.",  # people a law binds, no party
    "The treaty required Kenya to withdraw its troops within 90 days, but the troops stayed.",  # past, retold
    "The 2015 accord obliged Iran to cap enrichment at 3.67%.",
    "If signed, the accord would oblige Ghana to cut its deficit.",  # a condition
    "The ruling obliges Chile to pay Peru $30 million.",  # a court's ruling, no agreed text
]


@pytest.mark.parametrize("text", DOCUMENT_NOT)
def test_d_document_look_alikes_stay_none(coder, text: str) -> None:
    assert pledge_rows(coder, text) == []


# ---------------------------------------------------------------------------------------------------------- F
REFUSAL_AS_REASON = [
    "Nigeria shelved its plan to deploy troops to Benin after Cotonou said it would not host foreign soldiers.",
    "Ghana dropped the power tender because Togo said it would not sell electricity to Accra.",
    "After Lusaka said it would not renew the licence, Glencore sold its stake in the mine.",
    "Burundi closed its border with Rwanda since Kigali said it would not hand over the coup plotters.",
]


@pytest.mark.parametrize("text", REFUSAL_AS_REASON)
def test_f_refusal_as_reason_of_another_act_is_no_pledge(coder, text: str) -> None:
    assert pledge_rows(coder, text) == []


REFUSAL_KEPT = [
    ("Kenya will send police to Haiti, as Nairobi said it would not wait for the UN vote.",
     ("KEN", "not wait for the UN vote")),  # the main clause in the future
    ("Mali said it would not renew the mandate after France withdrew its troops.",
     ("MLI", "not renew the mandate")),  # the refusal is the main clause
    ("Nigeria shelved the deployment after Benin said it would host the soldiers only under an AU mandate.",
     ("BEN", "host the soldiers only under an AU mandate")),  # not a refusal (round t39's reading)
    ("Brent rose 3% after Saudi Arabia said it would not raise output in March.",
     ("SAU", "not raise output")),  # the main clause's subject is no actor: the day's news
    ("Togo said on Monday it would not sell power to Ghana.", ("TGO", "not sell power to Ghana")),
]


@pytest.mark.parametrize("text,row", REFUSAL_KEPT)
def test_f_refusal_look_alikes_keep_their_pledge(coder, text: str, row: tuple) -> None:
    assert row in [(r[0], r[2]) for r in pledge_rows(coder, text)]


# ---------------------------------------------------------------------------------------------------------- U
UNDER_DEAL = [
    ("Ethiopia and Eritrea agreed on Monday to reopen the Zalambessa crossing by March. Customs posts will be built on "
     "both sides of the crossing under the deal.", ["ETH", "ERI"], "build Customs posts"),
    ("Ghana and Togo agreed on Friday to build a joint power line by 2028. A new substation will be built at Aflao "
     "under the agreement.", ["GHA", "TGO"], "build A new substation at Aflao"),
]


@pytest.mark.parametrize("text,parties,action", UNDER_DEAL)
def test_u_under_the_deal_is_the_deals_parties(coder, text: str, parties: list, action: str) -> None:
    rows = [r for r in pledge_rows(coder, text) if r[2].startswith(action)]
    assert sorted(r[0] for r in rows) == sorted(parties) and all(r[1] == "agreement" for r in rows), rows


UNDER_DEAL_NOT = [
    ("Kenya and Uganda agreed to build a pipeline. Under the deal, Ugandan crude was shipped through Mombasa for years.",
     2),  # a past passive
    ("Kenya and Uganda agreed to build a pipeline. The old refinery will be closed next year under the deal, analysts "
     "said.", 2),  # an onlooker speaks
    ("A 19% tariff will apply to Peruvian goods from May 1 under a trade deal reached in Lima.", 0),  # no deal told
    ("Kenya said it would build a pipeline to Uganda. Customs posts will be built along the route under the deal.", 1),
]


@pytest.mark.parametrize("text,n", UNDER_DEAL_NOT)
def test_u_under_the_deal_look_alikes(coder, text: str, n: int) -> None:
    rows = pledge_rows(coder, text)
    assert len(rows) == n and not any("under the deal" in r[2] for r in rows), rows


# ---------------------------------------------------------------------------------------------------------- A
ABLE = [
    ("Malawi said it would be able to repay the loan by 2028.", ("MWI", "repay the loan")),
    ("Zambia's finance minister said it would be able to clear the arrears within two years.",
     ("ZMB", "clear the arrears")),
]


@pytest.mark.parametrize("text,row", ABLE)
def test_a_able_of_itself_is_a_promise(coder, text: str, row: tuple) -> None:
    assert [(r[0], r[2]) for r in pledge_rows(coder, text)] == [row]


ABLE_NOT = [
    "The IMF said Kenya would be able to repay its Eurobond in 2027.",  # another's forecast
    "Malawi said it would be able to repay the loan if donors resumed budget support.",  # a condition
    "Malawi said it would not be able to repay the loan by 2028.",
    "Analysts said it would be able to repay the loan by 2028.",  # onlookers
    "Malawi would be able to repay the loan by 2028.",  # no one says it
]


@pytest.mark.parametrize("text", ABLE_NOT)
def test_a_able_look_alikes_stay_none(coder, text: str) -> None:
    assert pledge_rows(coder, text) == []
