"""Round p65 (issue 14): the pledge's own frame extracted wrong. Our own sentences (other places, acts and objects than
any gold or corpus sentence), several constructions per kind, with look-alikes whose frames must not change.

A. A clause as the object: the act has no object of its own and takes a complement clause ("make it illegal to ...",
   "make sure ...", "have the frigate refitted", "stop X being sold as Y", "examine whether ...", "audit how ...",
   "make Peru respect ..."). Before, the action was the bare verb.
B. A course verb whose thing subject is the object ("the fuel subsidy would end", "the talks would resume in Nairobi",
   "the border would reopen"): "end the fuel subsidy". An actor as subject and a verb with its own object stay.
R. A relative pronoun as the object ("a treaty with Togo, which Ghana's parliament will ratify"): the antecedent.
H. A verb split at its prefix ("co-chair", "co-host", "co-finance"): the whole word and its object, not "co".
T. A text whose content a participle or relative clause names ("publish rules letting ...", "pass a law by the winter
   allowing ...", "a bill that would ban ..."): the clause stays in the action. Other nouns ("a road linking ...") and
   "a law to protect ..." (round t43's purpose) keep their reading.

All sentences are coded in one batch (one module-scoped call), as CI time asks.
"""

from __future__ import annotations

import pytest

CASES: dict[str, str | None] = {
    # A: the complement clause is the object
    "Ghana will make it illegal to export raw cashew nuts by June, the trade ministry said.":
        "make it illegal to export raw cashew nuts",
    "Kenya will make sure the herders can cross into Uganda without any fee, the minister said.":
        "make sure the herders can cross into Uganda without any fee",
    "Norway called on Sweden to stop Russian timber being sold as Swedish.":
        "stop Russian timber being sold as Swedish",
    "Chile called on the UN to make Peru respect the maritime ruling.":
        "make Peru respect the maritime ruling",
    "Japan said it would ensure that the plant meets safety rules.":
        "ensure that the plant meets safety rules",
    # A look-alikes: an object of its own, a let/help clause (round u46's form)
    "Fiji said it would keep Samoa informed of any new fishing licences.":
        "keep Samoa informed of any new fishing licences",
    "Ghana will help farmers sell their cocoa abroad, the minister said.":
        "help farmers sell their cocoa abroad",
    "Kenya will raise the fuel levy, the minister said.": "raise the fuel levy",
    # B: a course verb's thing subject
    "Kenya said the fuel subsidy would end if the IMF programme lapsed.": "end the fuel subsidy",
    "Mali said the border with Niger would reopen on Monday.": "reopen the border with Niger",
    "Uganda said the talks would resume in Kampala next week.": "resume the talks in Kampala",
    # B look-alikes: the act has its own object; a verb of no course
    "Kenya said it would end the subsidy in June.": "end the subsidy",
    "Kenya said the ceasefire would hold.": "hold",
    # R: a relative pronoun object
    "Ghana signed a treaty with Togo, which Ghana's parliament will ratify before the end of the year.":
        "ratify a treaty with Togo",
    # H: a verb split at its prefix
    "Canada and Mexico agreed to co-chair a task force on seasonal workers.":
        "co-chair a task force on seasonal workers",
    "Kenya will co-host the summit with Uganda, the minister said.": "co-host the summit with Uganda",
    # T: what a text says
    "Peru will publish rules within 60 days letting foreign banks open branches in Lima.":
        "publish rules letting foreign banks open branches in Lima",
    "Chile is to pass a law by the winter allowing its coast guard to board foreign trawlers, the navy said.":
        "pass a law allowing its coast guard to board foreign trawlers",
    "Kenya will publish new rules banning plastic bags in national parks, the minister said.":
        "publish new rules banning plastic bags in national parks",
    # the clause's own asides stay out: a relative clause of its noun, a participle after a comma
    "Chile called on the UN to make Peru respect the maritime ruling, which the court issued in 2014.":
        "make Peru respect the maritime ruling",
    "Kenya will put the levy on hold, saying high prices threatened farmers.": "put the levy on hold",
    "Ghana will make it a criminal offence to help smuggle cocoa to Togo by the end of the year, the ministry said.":
        "make it a criminal offence to help smuggle cocoa to Togo",
    "The Commission is to propose a package opening the market to Kenyan tea, coffee and flowers by June, the trade "
    "commissioner said.": "propose a package opening the market to Kenyan tea, coffee and flowers",
    "Ghana threatened to make Togo pay the port fees twice if Lome does not lift its ban.":
        "make Togo pay the port fees twice",
    "The Commission is to table a separate law ending the remaining imports of Russian coal, energy commissioner Anna "
    "Berg said.": "table a separate law ending the remaining imports of Russian coal",
    # T look-alikes: no content clause; a thing that is no text; a purpose infinitive (t43)
    "Kenya will publish new rules by June, the minister said.": "publish new rules",
    "Kenya will build a road linking Nairobi and Kisumu by 2028.": "build a road",
    "Kenya will draft a law to protect whistleblowers, the minister said.": "draft a law to protect whistleblowers",
}


@pytest.fixture(scope="module")
def actions(coder) -> dict[str, list[str]]:
    from gaiko.types import Article

    texts = list(CASES)
    res = coder.code_articles([Article(text=t, published="2026-09-14") for t in texts])
    return {t: [p.action for p in r.pledges] for t, r in zip(texts, res)}


@pytest.mark.parametrize("text", list(CASES))
def test_frame_of_the_act(actions: dict[str, list[str]], text: str) -> None:
    assert CASES[text] in actions[text], actions[text]


def test_split_prefix_gives_every_party_the_whole_act(actions: dict[str, list[str]]) -> None:
    got = actions["Canada and Mexico agreed to co-chair a task force on seasonal workers."]
    assert got == ["co-chair a task force on seasonal workers"] * 2


def test_no_bare_verbs_left(actions: dict[str, list[str]]) -> None:
    bare = {t: a for t, a in actions.items() if any(" " not in x for x in a) and CASES[t] != "hold"}
    assert not bare


def test_units() -> None:
    from gaiko.tables import word_sets

    words = word_sets("pledges/complements.yaml")
    assert {"end", "begin", "resume"} <= words["course_verbs"] and "hold" not in words["course_verbs"]
    assert "co" in words["hyphen_prefixes"]
    assert {"rule", "law", "bill"} <= word_sets("pledges/action_words.yaml")["content_nouns"]
