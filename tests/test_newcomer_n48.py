"""Newcomer round n48: what a demanding newcomer still tripped on, each as a kind, with our own sentences.

1. a vow of one's own build-up ("vowed to boost defence spending") is MOBILIZE, intended: no AGREE, no THREATEN;
2. advice and warnings to one's own citizens ("advised its citizens not to visit X") are REQUEST, not a SANCTION of,
   THREATEN to or AGREE with the country named (its target stays round n47's: the country warned against);
3. talks by phone or video ("discussed X with Y in a phone call") are CONSULT, mode phone, with the counterpart as
   target;
4. a statement taken for a pledge that is none can be set ``not_a_pledge`` by hand; it leaves the ledger and the
   scorecard and survives recoding.

Found coding the shared Takaichi-Trump article and three articles of our own about one episode:

5. a name written family name first ("Lee Jae-myung ... Lee vowed") is that person when shortened to its first word;
6. sending a diplomat or an envoy to a country is CONSULT (visit), not AID;
7. one's own build-up has no target of one's own country ("boost defense spending ... and revise the country's
   security papers");
8. a letter or a message sent is no deployment ("China sent a letter to the United Nations" was MOBILIZE troops).
"""

from __future__ import annotations

import pytest

import gaiko
from gaiko.types import Article

PUB = "2026-03-12"


def _events(coder, text: str):
    return coder.code_article(Article(text=text, published=PUB)).events


def _types(coder, text: str) -> list[str]:
    return [e.event_type for e in _events(coder, text)]


# -- 1. a vow of one's own build-up -----------------------------------------------------------------------------

BUILDUP = [
    "Takaichi vowed to boost defence spending.",
    "Prime Minister Sanae Takaichi vowed to boost defence spending to 2% of GDP.",
    "Sweden vowed to double its defence budget within a decade.",
    "Taiwan pledged to increase military spending next year.",
    "Tokyo vowed to increase its defence budget.",
    "Poland's president pledged to build the strongest army in Europe.",
    "Kim Jong Un vowed to expand North Korea's nuclear arsenal.",
]


@pytest.mark.parametrize("text", BUILDUP)
def test_vow_of_own_buildup_is_intended_mobilize(coder, text):
    evs = _events(coder, text)
    assert evs and evs[0].event_type == "MOBILIZE", [(e.event_type, e.pattern) for e in evs]
    assert evs[0].intended
    assert not any(e.event_type in ("AGREE", "THREATEN") for e in evs), [(e.event_type, e.pattern) for e in evs]
    src = evs[0].source.country
    assert evs[0].target is None or evs[0].target.country != src  # one's own build-up has no target of one's own


@pytest.mark.parametrize("text,want", [
    ("Russia vowed to strike Ukraine's energy grid.", "THREATEN"),  # a vow of harm stays a threat
    ("Iran vowed to retaliate against Israel.", "THREATEN"),
    ("North Korea threatened to boost its nuclear arsenal against the United States.", "THREATEN"),
    ("Britain pledged to strengthen Ukraine's armed forces.", "AGREE"),  # another's forces: help, not a build-up
    ("The two leaders pledged to double bilateral trade to $100 billion by 2030.", "AGREE"),
])
def test_vow_lookalikes_keep_their_reading(coder, text, want):
    assert _types(coder, text)[:1] == [want]


# -- 2. advice and warnings to one's own citizens ----------------------------------------------------------------

ADVISORIES = [
    # told not to travel: the country warned against is the target (round n47's convention)
    ("The United States advised its citizens not to visit Venezuela.", "USA", ("VEN", None)),
    ("China advised its citizens not to travel to Japan.", "CHN", ("JPN", None)),
    ("Britain warned its citizens against travelling to Lebanon.", "GBR", ("LBN", None)),
    ("India advised its nationals to avoid all travel to Iran.", "IND", ("IRN", None)),
    ("The State Department advised Americans not to travel to Venezuela.", "USA", ("VEN", None)),
    ("The Chinese embassy advised Chinese citizens to avoid travelling to Japan.", "CHN", ("JPN", None)),
    # told to leave or to do something else: the state's own citizens (corpus batches 04 and 25)
    ("France urged its nationals to leave Iran immediately.", "FRA", ("FRA", "CVL")),
]


@pytest.mark.parametrize("text,own,target", ADVISORIES)
def test_advice_to_own_citizens_is_request(coder, text, own, target):
    evs = _events(coder, text)
    assert evs and evs[0].event_type == "REQUEST", [(e.event_type, e.pattern) for e in evs]
    assert evs[0].source.country == own
    assert evs[0].target is not None and (evs[0].target.country, evs[0].target.sector) == target
    assert not any(e.event_type in ("SANCTION", "THREATEN", "AGREE") for e in evs)


def test_issued_travel_warning_is_request_not_threat(coder):
    evs = _events(coder, "Germany issued a travel warning for Israel.")
    assert [e.event_type for e in evs][:1] == ["REQUEST"]


@pytest.mark.parametrize("text,want,target", [
    ("China urged Japan to retract the remarks.", "REQUEST", "JPN"),
    ("The United States warned Iran not to attack its ships.", "THREATEN", "IRN"),
    ("Israel warned Gaza residents to leave their homes.", "THREATEN", "PSE"),  # another country's people
    ("China banned group tours to Japan.", "SANCTION", "JPN"),
])
def test_advisory_lookalikes_keep_their_reading(coder, text, want, target):
    evs = _events(coder, text)
    assert evs and evs[0].event_type == want and evs[0].target is not None and evs[0].target.country == target


# -- 3. talks by phone or video ---------------------------------------------------------------------------------

CALLS = [
    ("Modi discussed trade with Putin in a phone call on Tuesday.", "IND", "RUS"),
    ("Takaichi and Trump discussed tariffs in a phone call.", "JPN", "USA"),
    ("Macron and Zelensky discussed security guarantees in a video call.", "FRA", "UKR"),
    ("Lula discussed Venezuela with Petro during a phone call.", "BRA", "COL"),
    ("Wang Yi discussed the Ukraine crisis with Lavrov by telephone.", "CHN", "RUS"),
    ("Albanese talked with Xi in a video call on Monday.", "AUS", "CHN"),
]


@pytest.mark.parametrize("text,src,tgt", CALLS)
def test_talks_by_phone_are_consult_phone_with_the_counterpart(coder, text, src, tgt):
    evs = _events(coder, text)
    assert evs, text
    e = evs[0]
    assert (e.event_type, e.mode, e.cameo_code) == ("CONSULT", "phone", "041"), [(x.event_type, x.mode) for x in evs]
    assert e.source.country == src and e.target is not None and e.target.country == tgt
    assert all(x.source is not None for x in evs)  # no second, sideless CONSULT at the call noun


@pytest.mark.parametrize("text,want", [
    ("Takaichi met Trump in Tokyo.", ("CONSULT", None)),  # no call: no phone mode
    ("Modi discussed trade with Putin in Moscow.", ("CONSULT", None)),
    ("The cabinet discussed the budget on Tuesday.", None),  # a body's own business, no counterpart
    ("Analysts discussed the risks of a trade war in a podcast.", None),
])
def test_call_lookalikes_keep_their_reading(coder, text, want):
    evs = _events(coder, text)
    got = (evs[0].event_type, evs[0].mode) if evs else None
    assert got == want


# -- 4. "not a pledge", set by hand -----------------------------------------------------------------------------

def _pledge_store(coder, arts):
    from gaiko.tracking import update_ledger

    store = gaiko.open(":memory:")
    store.write_coded(list(coder.code_articles(arts)), None)
    update_ledger(store)
    return store


ARTS = [Article(text="Valdoria will release the 12 detained trawler crews within a week, its interior minister said. "
                     "Valdoria will hold a referendum on the new constitution in May, the president said.",
                published="2024-03-01")]


def test_not_a_pledge_leaves_ledger_and_scorecard_and_survives_recoding(coder):
    from gaiko.store.ledger_view import ledger_view
    from gaiko.store.pledges import insert_pledges
    from gaiko.store.scorecard import scorecard
    from gaiko.tracking import STATUSES, ledger, set_status, timeline, unset_status, update_ledger

    assert "not_a_pledge" in STATUSES
    store = _pledge_store(coder, ARTS)
    rows = ledger(store)
    e = next(r for r in rows if "referendum" in r["action"])
    before = sum(r["pledges"] for r in scorecard(store)["rows"])
    got = set_status(store, e["id"], "not_a_pledge", note="a plan of a vote, no promise to anyone")
    assert got["status"] == "not_a_pledge" and got["overridden"]
    assert e["id"] not in {r["id"] for r in ledger(store)}
    assert [r["id"] for r in ledger(store, status="not_a_pledge")] == [e["id"]]
    assert sum(r["pledges"] for r in scorecard(store)["rows"]) == before - 1
    assert e["id"] not in {r["id"] for r in ledger_view(store)["rows"]}
    assert [r["id"] for r in ledger_view(store, status="not_a_pledge")["rows"]] == [e["id"]]
    assert timeline(store, e["id"])["status"] == "not_a_pledge"  # still shown by id
    # recode: the pledge rows written again from scratch, the ledger rebuilt
    store.con.execute("DELETE FROM pledges")
    for c in coder.code_articles([Article(text=a.text, published=a.published) for a in ARTS]):
        insert_pledges(store.con, c)
    update_ledger(store, full=True)
    assert e["id"] not in {r["id"] for r in ledger(store)}
    again = ledger(store, status="not_a_pledge")
    assert [r["id"] for r in again] == [e["id"]] and again[0]["override_note"].startswith("a plan of a vote")
    back = unset_status(store, e["id"])
    assert back["status"] != "not_a_pledge" and e["id"] in {r["id"] for r in ledger(store)}


def test_not_a_pledge_from_the_command_line(coder, cli, tmp_path):
    db = tmp_path / "np.duckdb"
    store = gaiko.open(str(db))
    store.write_coded(list(coder.code_articles(ARTS)), None)
    from gaiko.tracking import ledger, update_ledger

    update_ledger(store)
    pid = next(r["id"] for r in ledger(store) if "referendum" in r["action"])
    store.close()
    code, out, err = cli("pledge", "set", pid, "not_a_pledge", "--note", "a vote planned", "--db", db)
    assert code == 0 and "not_a_pledge" in out, err
    code, out, _ = cli("pledges", "--db", db, "--format", "jsonl")
    assert code == 0 and pid not in out
    code, out, _ = cli("pledges", "--db", db, "--status", "not_a_pledge", "--format", "jsonl")
    assert code == 0 and pid in out
    # carried to another store like any status set by hand
    exp = tmp_path / "o.jsonl"
    code, _, err = cli("overrules", "export", exp, "--db", db)
    assert code == 0 and "not_a_pledge" in exp.read_text(encoding="utf-8"), err


# -- 5. a name written family name first, shortened to its first word -------------------------------------------

@pytest.mark.parametrize("text,iso", [
    ("President Lee Jae-myung spoke to reporters. Lee vowed to boost South Korea's defence spending next year.", "KOR"),
    ("Chinese Premier Li Qiang arrived in Jakarta on Sunday. Li signed a trade agreement with Indonesia.", "CHN"),
    ("Sanae Takaichi met Lee Jae-myung on Tuesday. Lee praised Japan.", "KOR"),
])
def test_family_name_first_shortened_is_the_person(coder, text, iso):
    evs = [e for e in _events(coder, text) if e.sentence_index == 1]
    assert evs and evs[0].source is not None and evs[0].source.country == iso, evs


def test_bare_family_name_of_no_known_person_stays_unresolved(coder):
    evs = [e for e in _events(coder, "A man named Lee was arrested in Seoul. Lee denied the charges.")
           if e.sentence_index == 1]
    assert all(e.source is None or e.source.country is None for e in evs)


# -- 6. sending an envoy is a visit -----------------------------------------------------------------------------

@pytest.mark.parametrize("text,tgt", [
    ("Japan sent senior diplomat Masaaki Kanai to Beijing in November.", "CHN"),
    ("Japan sent an envoy to Beijing on Monday.", "CHN"),
    ("Washington sent a delegation to Caracas.", "VEN"),
    ("Qatar dispatched a mediator to Kinshasa.", "COD"),
])
def test_sending_an_envoy_is_a_visit(coder, text, tgt):
    evs = _events(coder, text)
    assert evs and (evs[0].event_type, evs[0].mode) == ("CONSULT", "visit"), [(e.event_type, e.pattern) for e in evs]
    assert evs[0].target is not None and evs[0].target.country == tgt


@pytest.mark.parametrize("text,want", [
    ("Japan sent two patrol boats to the Philippines.", "AID"),  # equipment sent stays aid
    ("Germany sent troops to Lithuania.", "MOBILIZE"),
])
def test_sending_things_and_troops_keeps_its_reading(coder, text, want):
    assert _types(coder, text)[:1] == [want]


def test_a_note_sent_to_an_ambassador_is_no_visit(coder):
    assert "CONSULT" not in _types(coder, "Russia sent its ambassador a note of protest.")


# -- 7. one's own build-up has no target of one's own -----------------------------------------------------------

def test_own_buildup_has_no_own_target(coder):
    evs = _events(coder, "Takaichi plans to boost defense spending to 2% of GDP by 2026 and revise the country's key "
                         "security papers.")
    mob = [e for e in evs if e.event_type == "MOBILIZE"]
    assert mob and mob[0].target is None


def test_shared_takaichi_article(coder):
    """The shared example (../shared): the build-up has no target of Japan's, no event is self-targeted."""
    from pathlib import Path

    path = Path(__file__).resolve().parents[1].parent / "shared" / "examples" / "takaichi-trump-call.txt"
    if not path.is_file():
        pytest.skip("../shared/examples/takaichi-trump-call.txt is not here")
    evs = coder.code_article(Article(text=path.read_text(encoding="utf-8"), published="2025-10-26")).events
    mob = [e for e in evs if e.event_type == "MOBILIZE" and e.trigger == "boost"]
    assert mob and mob[0].target is None and mob[0].intended


# -- 8. a letter sent is no deployment --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "China sent a letter to the United Nations.",
    "The foreign minister sent a message of condolences to Ankara.",
])
def test_a_letter_sent_is_no_deployment(coder, text):
    assert "MOBILIZE" not in _types(coder, text)


@pytest.mark.parametrize("text", [
    "Russia sent warships to the Baltic.",
    "China sent troops to the border with India.",
])
def test_forces_sent_stay_mobilize(coder, text):
    assert _types(coder, text)[:1] == ["MOBILIZE"]
