"""Newcomer round n49: leftovers of round n48, each as a kind, with our own sentences.

1. a call told only as a noun ("The call lasted ten minutes", "During the call, ...") is the article's talk told by
   a verb of speaking or calling: it takes that talk's sides (and its date), no CONSULT with no sides;
2. a talk the article names a call elsewhere ("spoke with X ... The call lasted ...", "In a phone call, the two
   leaders ...") was by telephone: CONSULT mode phone, CAMEO 041;
(3. one's own country named a partner and 4. naming someone something, "called X a great leader", were fixed in
round n49's branch by pipeline/naming.py and not merged: with them a held-out cluster set lost 0.006 F1, against the
round's rule written beforehand; the tests stay on branch n49.)
5. a pledge made on a day its text gives ("first promised in 2025 to") is dated that day, in the extraction and the
   ledger, and that day is no deadline;
6. "the bloc" after a bloc of states is named is that bloc (not the POL sector of the sentence's country);
7. "refused to meet him": the one met is the visitor (the person sent or who came), not the nearest person.

Found coding the shared Takaichi-Trump article and four articles of our own about one episode (an EU sanctions
package on Belarus, Minsk's counter-ban and protest note, a prisoner release, the easing):

8. a protest note handed ("handed him a protest note") is ACCUSE 114, no REQUEST;
9. sanctions eased are no new sanctions (no nominal SANCTION at the object of an easing), and a bloc's sanctions
   ("the EU sanctions") have the bloc as source;
10. a pledge to lift sanctions is CONCEDE, not COERCE.
"""

from __future__ import annotations

import pytest

from gaiko.types import Article

PUB = "2026-03-12"


def _events(coder, text: str):
    return coder.code_article(Article(text=text, published=PUB)).events


def _show(evs):
    return [(e.event_type, e.mode, e.sentence_index, e.source and e.source.country,
             e.target and e.target.country, e.pattern) for e in evs]


# -- 1. a call told only as a noun ------------------------------------------------------------------------------

CALL_NOUNS = [
    ("Japanese Prime Minister Sanae Takaichi spoke with President Donald Trump on Monday. The call lasted just ten "
     "minutes.", "JPN", "USA"),
    ("Chancellor Friedrich Merz spoke with President Emmanuel Macron on Sunday. During the call, the two leaders "
     "agreed to meet in Paris.", "DEU", "FRA"),
    ("Turkish President Recep Tayyip Erdogan spoke with Iranian President Masoud Pezeshkian by phone on Monday. The "
     "call focused on Gaza.", "TUR", "IRN"),
    ("The call was short. Indian Prime Minister Narendra Modi spoke with Russian President Vladimir Putin on Tuesday.",
     "IND", "RUS"),
    ("Australian Prime Minister Anthony Albanese talked with Chinese President Xi Jinping on Thursday. Officials said "
     "the call was warm.", "AUS", "CHN"),
    ("Kenyan President William Ruto spoke with Ethiopian Prime Minister Abiy Ahmed on Saturday. Both sides described "
     "the call as frank.", "KEN", "ETH"),
]


@pytest.mark.parametrize("text,src,tgt", CALL_NOUNS)
def test_call_told_as_noun_is_the_articles_talk(coder, text, src, tgt):
    evs = [e for e in _events(coder, text) if e.event_type == "CONSULT"]
    assert evs, _show(evs)
    assert all(e.source is not None and e.target is not None for e in evs), _show(evs)
    for e in evs:
        assert {e.source.country, e.target.country} == {src, tgt}, _show(evs)
        assert (e.mode, e.cameo_code) == ("phone", "041"), _show(evs)


def test_call_noun_takes_the_talks_date(coder):
    evs = _events(coder, "Japanese Prime Minister Sanae Takaichi spoke with President Donald Trump on Monday. "
                         "The call lasted just ten minutes.")
    assert {e.date for e in evs if e.event_type == "CONSULT"} == {"2026-03-09"}, _show(evs)


# -- 2. a talk the article names a call elsewhere is by telephone ---------------------------------------------------

PHONE_TALKS = [
    "Japan's new prime minister, Sanae Takaichi, spoke with President Trump from Malaysia. The call lasted just ten "
    "minutes.",
    "Brazilian President Lula spoke with Colombian President Gustavo Petro on Friday. The call came after Venezuela "
    "closed its border.",
    "Indian Prime Minister Narendra Modi spoke with Russian President Vladimir Putin on Tuesday. In a phone call, the "
    "two leaders discussed trade and oil.",
    "Prime Minister Keir Starmer spoke with President Volodymyr Zelensky on Wednesday. In the call, Starmer promised "
    "more air defence.",
    "President Cyril Ramaphosa talked with President Bola Tinubu on Monday. Behind the phone call lies a long "
    "quarrel over trade.",
]


@pytest.mark.parametrize("text", PHONE_TALKS)
def test_talk_named_a_call_elsewhere_is_by_phone(coder, text):
    evs = _events(coder, text)
    talk = [e for e in evs if e.event_type == "CONSULT" and e.sentence_index == 0]
    assert talk and all((e.mode, e.cameo_code) == ("phone", "041") for e in talk), _show(evs)


@pytest.mark.parametrize("text,want", [
    # a meeting in person is no call, whatever call the article names
    ("Takaichi met Trump in Tokyo on Monday. The call for calm came later.", None),
    ("Modi met Putin in Moscow on Tuesday. A call with Trump is planned for Friday.", None),
    # a talk with no call named keeps no mode
    ("Merz spoke with Macron on Sunday. The two leaders agreed to meet in Paris.", None),
    # a call for action is no call
    ("Lula spoke with Petro on Friday. The Pope renewed his call for peace.", None),
])
def test_call_lookalikes_keep_no_mode(coder, text, want):
    evs = _events(coder, text)
    first = [e for e in evs if e.event_type == "CONSULT" and e.sentence_index == 0]
    assert first and all(e.mode == want for e in first), _show(evs)


def test_call_noun_with_no_talk_in_the_article_keeps_what_it_had(coder):
    evs = _events(coder, "The call lasted just ten minutes. It set off a ripple in the region.")
    assert all(e.source is None for e in evs if e.event_type == "CONSULT"), _show(evs)


# -- 5. a pledge's own date from the text ---------------------------------------------------------------------------

def _pledges(coder, text: str):
    return coder.code_article(Article(text=text, published=PUB)).pledges


DATED_PLEDGES = [
    ("Takaichi promised on Monday to visit Washington.", "2026-03-09"),
    ("Takaichi promised in January to visit Washington.", "2026-01-01"),
    ("Lula pledged last year to end illegal deforestation by 2030.", "2025-01-01"),
    ("Kenya first promised in 2025 to reopen the Busia crossing.", "2025-01-01"),
    ("The Philippines vowed on Friday to build two new coast guard stations.", "2026-03-06"),
]


@pytest.mark.parametrize("text,want", DATED_PLEDGES)
def test_pledge_dated_by_its_text(coder, text, want):
    pls = _pledges(coder, text)
    assert pls and pls[0].made_on == want, [(p.action, p.made_on) for p in pls]


def test_the_day_a_pledge_was_made_is_no_deadline(coder):
    pls = _pledges(coder, "Lukashenko had promised in March to release detainees in exchange for sanctions relief.")
    assert pls and pls[0].made_on == "2026-03-01" and pls[0].deadline is None, [(p.made_on, p.deadline) for p in pls]
    pls = _pledges(coder, "Lukashenko promised in February to release detainees by June.")
    assert pls and pls[0].deadline is not None and pls[0].deadline.end.startswith("2026-06"), pls


@pytest.mark.parametrize("text", [
    "Takaichi promised to visit Washington.",  # no date: the article's
    "Lula pledged to end illegal deforestation by 2030.",  # a deadline is no day the pledge was made
    "Kenya promised to reopen the crossing by Friday next week.",
])
def test_undated_pledge_keeps_the_articles_date(coder, text):
    pls = _pledges(coder, text)
    assert pls and all(p.made_on == PUB for p in pls), [(p.action, p.made_on) for p in pls]


def test_ledger_made_on_is_the_pledges_own_date(coder):
    import gaiko
    from gaiko.tracking import ledger, update_ledger

    store = gaiko.open(":memory:")
    store.write_coded(list(coder.code_articles([Article(
        text="Kenya first promised in 2025 to reopen the Busia crossing. Uganda promised to build a new road.",
        published=PUB)])), None)
    update_ledger(store)
    rows = {r["action"]: r["made_on"] for r in ledger(store)}
    assert rows.get("reopen the Busia crossing") == "2025-01-01", rows
    assert rows.get("build a new road") == PUB, rows


# -- 6. "the bloc" after a bloc of states is named -------------------------------------------------------------------

BLOCS = [
    ("The European Union adopted new sanctions on Belarus. Kallas said the bloc would ease the measures if Belarus "
     "freed all prisoners.", "European Union"),
    ("The European Union adopted new sanctions on Belarus. The bloc will ease the measures next year.",
     "European Union"),
    ("ASEAN leaders met in Kuala Lumpur on Sunday. The bloc urged Myanmar to end the violence.",
     "Association of Southeast Asian Nations"),
    ("The African Union suspended Niger after the coup. The 55-member bloc demanded the release of President Bazoum.",
     "African Union"),
    ("The EU imposed tariffs on Chinese electric cars. China accused the bloc of protectionism.", "European Union"),
    ("The European Union on Friday eased some of its sanctions on Belarus. Kallas said the bloc would keep the asset "
     "freezes in place.", "European Union"),
]


@pytest.mark.parametrize("text,name", BLOCS)
def test_the_bloc_is_the_bloc_named_before(coder, text, name):
    r = coder.code_article(Article(text=text, published=PUB))
    blocs = [a for a in r.actors if a.text.lower().endswith("bloc")]
    assert blocs and all((a.country, a.name) == ("IGO", name) for a in blocs), blocs
    assert not any(p.actor.country == "BLR" for p in r.pledges), [(p.actor.text, p.actor.country) for p in r.pledges]


@pytest.mark.parametrize("text,country", [
    ("The European Union adopted sanctions on Belarus. In Minsk, the ruling bloc vowed to resist.", "BLR"),
    ("Japan's ruling bloc won a majority in the upper house.", "JPN"),
    ("The European Union adopted sanctions on Russia. The opposition bloc in Hungary criticised the move.", "HUN"),
])
def test_a_bloc_qualified_otherwise_keeps_its_country(coder, text, country):
    r = coder.code_article(Article(text=text, published=PUB))
    blocs = [a for a in r.actors if a.text.lower().endswith("bloc")]
    assert blocs and all(a.country == country for a in blocs), blocs


# -- 7. "refused to meet him": the one met is the visitor --------------------------------------------------------------

VISITORS = [
    ("Japan sent senior diplomat Masaaki Kanai to Beijing on Monday. Foreign Minister Toshimitsu Motegi had called "
     "for talks. Chinese officials refused to meet him.", "Masaaki Kanai", "JPN"),
    ("Britain sent envoy Jonathan Powell to Moscow. Prime Minister Keir Starmer hoped for progress. Russian officials "
     "refused to meet him.", "Jonathan Powell", "GBR"),
    ("Seoul dispatched special envoy Chung Eui-yong to Pyongyang. President Lee Jae-myung had approved the trip. North "
     "Korean officials refused to meet him.", "Chung Eui-yong", "KOR"),
    ("France sent envoy Jean-Yves Le Drian to Beirut on Tuesday. President Emmanuel Macron urged calm. Hezbollah "
     "officials refused to meet him.", "Jean-Yves Le Drian", "FRA"),
    ("Ukrainian Foreign Minister Andrii Sybiha travelled to Budapest on Monday. President Volodymyr Zelensky praised "
     "the trip. Hungarian Prime Minister Viktor Orban declined to meet him.", "Andrii Sybiha", "UKR"),
    ("The United States dispatched envoy Steve Witkoff to Moscow. President Donald Trump said he hoped for a deal. "
     "Putin agreed to receive him.", "Steve Witkoff", "USA"),
]


@pytest.mark.parametrize("text,name,iso", VISITORS)
def test_the_one_met_is_the_visitor(coder, text, name, iso):
    evs = [e for e in _events(coder, text) if e.sentence_index == 2]
    assert evs and evs[0].target is not None and (evs[0].target.name, evs[0].target.country) == (name, iso), \
        [(e.event_type, e.target) for e in evs]


@pytest.mark.parametrize("text,name", [
    # the speaker of the clause, as any pronoun
    ("Britain sent envoy Jonathan Powell to Moscow. Foreign Secretary Yvette Cooper said Russian officials refused to "
     "meet her.", "Yvette Cooper"),
    # no verb of meeting: the nearest person
    ("Japan sent senior diplomat Masaaki Kanai to Beijing on Monday. Foreign Minister Toshimitsu Motegi called for "
     "talks. China accused him of interference.", "Toshimitsu Motegi"),
    # the subject, not the one met
    ("Japan sent senior diplomat Masaaki Kanai to Beijing. Motegi said he would not meet Chinese officials.",
     "Toshimitsu Motegi"),
])
def test_pronoun_lookalikes_keep_their_person(coder, text, name):
    evs = [e for e in _events(coder, text) if e.sentence_index == len(text.split(". ")) - 1]
    assert evs and name in {getattr(e.target, "name", None) for e in evs} | {getattr(e.source, "name", None)
                                                                                for e in evs}, \
        [(e.event_type, e.source, e.target) for e in evs]


# -- 8. a protest note handed is an official complaint ----------------------------------------------------------------

NOTES = [
    ("Foreign Minister Maxim Ryzhenkov summoned the EU ambassador and handed him a protest note.", "BLR"),
    ("China handed Japan a protest note over the remarks.", "CHN"),
    ("Vietnam's foreign ministry handed a protest note to the Chinese embassy on Monday.", "VNM"),
    ("Greece presented a protest note to Turkey's ambassador.", "GRC"),
    ("Lithuania's foreign ministry delivered a note of protest to the Belarusian embassy.", "LTU"),
]


@pytest.mark.parametrize("text,src", NOTES)
def test_protest_note_handed_is_an_official_complaint(coder, text, src):
    evs = _events(coder, text)
    assert evs and all((e.event_type, e.cameo_code) == ("ACCUSE", "114") for e in evs), _show(evs)
    assert evs[0].source.country == src, _show(evs)


@pytest.mark.parametrize("text,want", [
    ("The ministry handed the ambassador a note asking for an explanation.", ("ACCUSE", "11")),  # no protest named
    ("Protesters handed a petition to the embassy.", ("PROTEST", "14")),
    ("The ministry handed over the documents to investigators.", ("COOPERATE", "06")),
])
def test_handed_lookalikes_keep_their_reading(coder, text, want):
    evs = _events(coder, text)
    assert evs and (evs[0].event_type, evs[0].cameo_code) == want, _show(evs)


# -- 9. sanctions eased are no new sanctions; a bloc's sanctions are the bloc's ------------------------------------------

EASED = [
    "The European Union eased some of its sanctions on Belarus.",
    "The United States lifted part of its sanctions on Syria.",
    "Washington eased most of the sanctions on Venezuela.",
    "The European Union eased its sanctions on Belarus.",
    "Washington lifted the embargo on Cuba.",
    "Japan lifted some of its tariffs on American cars.",
    "Canada suspended part of its sanctions on Syria on Monday.",
]


@pytest.mark.parametrize("text", EASED)
def test_sanctions_eased_are_no_new_sanctions(coder, text):
    evs = _events(coder, text)
    assert [e.event_type for e in evs] == ["CONCEDE"], _show(evs)


IMPOSED = [
    ("Belarus banned imports of Polish fruit in response to the EU sanctions adopted on Monday.", "European Union"),
    ("Iran condemned the UN sanctions reimposed on Sunday.", "United Nations"),
    ("Minsk closed the border on Tuesday in response to the EU sanctions.", "European Union"),
    ("Pyongyang denounced the UN sanctions imposed last week.", "United Nations"),
    ("Russia expelled two EU diplomats on Friday, days after the EU sanctions on its banks.", "European Union"),
    ("Tehran recalled its envoy after the UN sanctions reimposed on Sunday.", "United Nations"),
]


@pytest.mark.parametrize("text,name", IMPOSED)
def test_a_blocs_sanctions_are_the_blocs(coder, text, name):
    evs = [e for e in _events(coder, text) if e.event_type == "SANCTION" and e.pattern.endswith("+nominal")]
    assert evs, _show(_events(coder, text))
    assert evs[0].source is not None and evs[0].source.name == name, _show(evs)
    assert evs[0].target is None or evs[0].target.country != "IGO", _show(evs)


@pytest.mark.parametrize("text,want", [
    ("Russia struck Kyiv on Thursday, three days after Monday's attack on the grid.", ["ASSAULT", "ASSAULT"]),
    ("Belarus condemned the US sanctions on Belavia.", ["ACCUSE", "SANCTION"]),
    ("The Philippines protested against the China sanctions.", ["ACCUSE", "SANCTION"]),
])
def test_act_noun_lookalikes_keep_their_reading(coder, text, want):
    assert [e.event_type for e in _events(coder, text)] == want


# -- 10. a pledge to lift sanctions is an easing ------------------------------------------------------------------------

LIFTS = [
    "Coale said Washington would lift sanctions on the national airline Belavia.",
    "Japan pledged to remove tariffs on Australian beef by 2027.",
    "Trump promised to lift the sanctions on Syria.",
    "Britain said it would scrap its sanctions on Syrian banks.",
    "Canada vowed to drop its sanctions on Venezuelan oil.",
]


@pytest.mark.parametrize("text", LIFTS)
def test_pledge_to_lift_sanctions_is_concede(coder, text):
    pls = _pledges(coder, text)
    assert pls and pls[0].event_type == "CONCEDE", [(p.action, p.event_type) for p in pls]


@pytest.mark.parametrize("text,want", [
    ("The EU pledged to impose new sanctions on Belarus.", "COERCE"),
    ("Washington vowed to lift tariffs to 50 percent.", "COERCE"),  # raised, not eased
    ("The UK vowed to suspend the ban on Russian gas imports.", "CONCEDE"),
])
def test_pledge_lift_lookalikes_keep_their_type(coder, text, want):
    pls = _pledges(coder, text)
    assert pls and pls[0].event_type == want, [(p.action, p.event_type) for p in pls]
