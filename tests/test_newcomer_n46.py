"""Newcomer round n46: what a newcomer following README.md tripped on, each as a kind, with our own sentences.

1. a diplomat posted abroad is of the state that sends him ("China's consul general in Osaka", "the Chinese
   ambassador to Japan"): the posting is a place, not a side;
2. a government's diplomatic protest ("Tokyo protested the ...", "lodged a protest", "filed a formal protest with")
   is ACCUSE, CAMEO 114 "complain officially" (mode allege), not PROTEST demo; crowds who protest stay PROTEST demo;
3. ``gaiko series`` names its quad-class columns by meaning;
4. idioms of "pay" that are no payment ("paid homage", "paid close attention", "paid a high price");
5. what a newcomer following README.md met (see the section's own note).
"""

from __future__ import annotations

import pytest

PUB = "2026-02-10"


def _events(coder, text: str):
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published=PUB)).events


# -- 1. a diplomat posted abroad is of the state that sends him --------------------------------------------------

def _source(coder, text: str):
    evs = _events(coder, text)
    assert evs, text
    return evs[0].source


@pytest.mark.parametrize("text,iso", [
    ("Ghana's ambassador to Nigeria criticised the new border levy.", "GHA"),
    ("The Indonesian consul general in Perth criticised the visa rules.", "IDN"),
    ("Sweden's envoy to Turkey criticised Ankara on Monday.", "SWE"),
    # named envoys the knowledge base knows: their own state, whatever their post
    ("The ambassador to Japan, Wu Jianghao, condemned Tokyo's remarks.", "CHN"),
    ("Wu Jianghao warned Tokyo against interfering in the dispute.", "CHN"),
    ("The consul general in Osaka, Xue Jian, condemned the Japanese government.", "CHN"),
    ("George Glass praised Japan's restraint on Tuesday.", "USA"),
    ("Kenji Kanasugi protested to Beijing on Monday.", "JPN"),
])
def test_a_posted_diplomat_is_of_the_sending_state(coder, text, iso):
    src = _source(coder, text)
    assert src is not None and src.country == iso and src.sector == "GOV", src


@pytest.mark.parametrize("text,post", [
    # no sending state named: the post is no side
    ("The consul general in Perth, Budi Santoso, criticised Canberra's visa rules.", "AUS"),
    ("The ambassador to Egypt, Karl Lindqvist, criticised Cairo's new law.", "EGY"),
    ("The consul general in Osaka criticised the Japanese government.", "JPN"),
])
def test_a_diplomats_post_is_no_side(coder, text, post):
    src = _source(coder, text)
    assert src is None or src.country != post, src


def test_a_consul_general_is_a_diplomat_not_an_officer(coder):
    src = _source(coder, "The Indonesian consul general in Perth criticised the visa rules.")
    assert src.sector == "GOV" and src.role == "consul", src


def test_one_envoy_is_not_any_holder_of_the_role(coder):
    # the knowledge base's one Russian envoy is no "Russia's envoy to Japan"
    src = _source(coder, "Russia's envoy to Japan accused Tokyo of hostility.")
    assert src.country == "RUS" and src.person_id is None, src


def test_a_message_posted_speaks_for_its_poster(coder):
    text = ("Foreign Minister Anna Berg spoke in parliament on Friday. A day later Xue Jian, China's consul general in "
            "Osaka, posted a message on social media that appeared to threaten her.")
    evs = [e for e in _events(coder, text) if e.event_type == "THREATEN"]
    assert evs and evs[0].source is not None and evs[0].source.name == "Xue Jian" and evs[0].source.country == "CHN", evs
    assert evs[0].target is None or evs[0].target.country != "CHN", evs[0].target


@pytest.mark.parametrize("text,iso", [
    # look-alikes: a state's own envoy named with it, a governor of a place, an officer
    ("Japan's ambassador to China met Chinese officials in Beijing.", "JPN"),
    ("The Chinese ambassador in Tokyo warned Japan.", "CHN"),
    ("The governor of Osaka criticised the central government.", "JPN"),
])
def test_states_own_envoys_and_local_officials_keep_their_country(coder, text, iso):
    src = _source(coder, text)
    assert src is not None and src.country == iso, src


# -- 2. a government's protest is an official complaint ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Canberra protested the detention of the journalist.",
    "Wellington protested the fishing ban on Thursday.",
    "Oslo lodged a strong protest with Moscow over the airspace violation.",
    "Hanoi filed a formal protest with Beijing over the survey ship.",
    "Manila registered a diplomatic protest against the water cannon attack.",
    "The Indian foreign ministry protested the renaming of the border villages.",
])
def test_a_governments_protest_is_an_official_complaint(coder, text):
    evs = _events(coder, text)
    got = [(e.event_type, e.mode) for e in evs if e.trigger.lower() in ("protested", "lodged", "filed", "registered")]
    assert got and all(g == ("ACCUSE", "allege") for g in got), [(e.event_type, e.mode, e.trigger) for e in evs]
    assert not [e for e in evs if e.event_type == "PROTEST"], [(e.event_type, e.trigger) for e in evs]


@pytest.mark.parametrize("text", [
    "Thousands of nurses protested outside the ministry in Lisbon.",
    "Students protested against the fee increase in Bogota.",
    "Hundreds of fishermen protested the new quota in the harbour of Vigo.",
    "Residents staged a protest against the landfill in Naples.",
])
def test_street_protests_stay_demonstrations(coder, text):
    evs = _events(coder, text)
    assert any(e.event_type == "PROTEST" and e.mode == "demo" for e in evs), \
        [(e.event_type, e.mode, e.trigger) for e in evs]


# -- 4. "pay" that is no payment ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Poland paid homage to the airmen at the memorial in Warsaw.",
    "Chile paid close attention to the Argentine naval exercise.",
    "Ankara has paid a heavy price for the border conflict.",
    "Kenya pays attention to Somalia's election dispute.",
])
def test_pay_idioms_are_no_aid(coder, text):
    evs = _events(coder, text)
    assert not [e for e in evs if e.event_type == "AID"], [(e.event_type, e.trigger) for e in evs]


@pytest.mark.parametrize("text", [
    "Poland paid homage to the airmen at the memorial in Warsaw.",
    "The Brazilian president paid his respects to the late Pope in Rome.",
])
def test_homage_and_respects_are_support(coder, text):
    evs = _events(coder, text)
    assert [e.event_type for e in evs if e.trigger.lower() == "paid"] == ["SUPPORT"], \
        [(e.event_type, e.trigger) for e in evs]


@pytest.mark.parametrize("text", [
    "The Egyptian foreign minister paid a visit to Ankara on Sunday.",
    "The Thai premier paid an official visit to Laos last week.",
])
def test_paying_a_visit_is_a_visit(coder, text):
    evs = _events(coder, text)
    assert [(e.event_type, e.mode) for e in evs] == [("CONSULT", "visit")], [(e.event_type, e.trigger) for e in evs]


@pytest.mark.parametrize("text", [
    "Germany paid Namibia 1.1 billion euros in reparations.",
    "The Norwegian government paid $40 million to the relief fund.",
])
def test_paying_money_stays_aid(coder, text):
    evs = _events(coder, text)
    assert any(e.event_type == "AID" for e in evs), [(e.event_type, e.trigger) for e in evs]


# -- 3. gaiko series names its quad-class columns -------------------------------------------------------------------

@pytest.fixture(scope="module")
def series_store(tmp_path_factory):
    from serve_data import build_store

    from gaiko.store import Store

    path = build_store(tmp_path_factory.mktemp("n46series") / "s.duckdb", corpus=False)
    with Store(path, read_only=True) as s:
        yield s


QUAD_COLUMNS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]


def test_series_rows_name_the_four_quad_classes(series_store):
    s = series_store.dyad_series("JPN", "CHN", interval="month", by="quad")
    rows = series_store.series_rows(s)
    assert rows and all(list(r)[-4:] == QUAD_COLUMNS for r in rows), [list(r) for r in rows]
    assert not any(k.startswith("n_") for r in rows for k in r)
    for r in rows:  # the named columns add up to the two summary columns
        assert r["verbal_cooperation"] + r["material_cooperation"] == r["cooperation"]
        assert r["verbal_conflict"] + r["material_conflict"] == r["conflict"]
    assert s["labels"] == {k: {"1": "verbal cooperation", "2": "material cooperation", "3": "verbal conflict",
                                "4": "material conflict"}[k] for k in s["keys"]}


def test_series_by_type_keeps_its_self_naming_columns(series_store):
    s = series_store.dyad_series("JPN", "CHN", interval="month", by="type")
    rows = series_store.series_rows(s)
    assert any(k.startswith("n_") for k in rows[0]) and s["labels"] == {}
    assert not any(k in rows[0] for k in QUAD_COLUMNS)


def test_gaiko_series_csv_and_api_name_the_quad_classes(cli, series_store):
    import csv
    import io

    from fastapi.testclient import TestClient

    from gaiko.server import create_app

    db = str(series_store.path)
    code, out, err = cli("series", "--db", db, "--source", "JPN", "--target", "CHN", "--interval", "month", "-f", "csv")
    assert code in (0, None), err
    header = next(csv.reader(io.StringIO(out)))
    assert header[-4:] == QUAD_COLUMNS, header
    got = TestClient(create_app(db, api_key=None)).get("/api/v1/series", params={
        "dyad": "JPN-CHN", "interval": "month", "by": "quad"}).json()
    assert set(got["labels"]) == set(got["keys"]) and got["labels"].get("3") in (None, "verbal conflict")
    got = TestClient(create_app(db, api_key=None)).get("/api/v1/series", params={
        "dyad": "JPN-CHN", "interval": "month", "by": "quad", "format": "csv"})
    assert got.text.splitlines()[0].split(",")[-4:] == QUAD_COLUMNS, got.text[:300]


# -- 5. what a newcomer following README.md met ------------------------------------------------------------------
# The README's example article (../shared/examples/takaichi-trump-call.txt) coded "Trump found a partner who matches
# his confidence" as SANCTION: the type model reads "found" as a verdict (PLOVER SANCTION convict) wherever it stands.

@pytest.mark.parametrize("text", [
    "The senator found an ally who shares his doubts about the treaty.",
    "Germany found a new supplier of gas in Qatar.",
    "Ukraine found itself isolated at the summit.",
])
def test_finding_something_is_no_verdict(coder, text):
    evs = _events(coder, text)
    assert not [e for e in evs if e.event_type == "SANCTION"], [(e.event_type, e.trigger) for e in evs]


@pytest.mark.parametrize("text", [
    "A court in Minsk found the Lithuanian activist guilty of treason.",
    "The tribunal found Serbia responsible for failing to prevent the massacre.",
    "A court in Ankara found the mayor in contempt.",
])
def test_a_courts_finding_stays_a_verdict(coder, text):
    evs = _events(coder, text)
    assert any(e.event_type == "SANCTION" for e in evs), [(e.event_type, e.trigger) for e in evs]


# The pledges table showed "Sun Weidong (CHNGOV) | withdraw her remarks" and "Lin Jian (CHNGOV) | pay a heavy price"
# as if they were the speakers' own promises: a demand (and whom it is made of) and a threat now say so.

def test_the_pledges_table_says_a_demand_and_a_threat(cli, code_here, tmp_path):
    import json

    db = str(tmp_path / "p.duckdb")
    text = ("Chile's foreign minister demanded that Bolivia withdraw its troops from the border. "
            "Peru will build a new bridge over the river by 2027. "
            "The Argentine minister warned that anyone who blocked the ships would pay a heavy price.")
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "n46-p", "text": text, "published": "2026-02-10"}) + "\n", encoding="utf-8")
    code, out, err = cli("code", str(src), "--db", db)
    assert code in (0, None), err
    code, out, err = cli("pledges", "--db", db)
    assert code in (0, None), err
    flat = " ".join(ln.strip("│ ") for ln in out.splitlines())
    flat = " ".join(flat.replace("│", " ").split())
    assert "demand of Bolivia: withdraw" in flat, out
    assert "build a new bridge" in flat and "demand of Peru" not in flat, out
    code, out, err = cli("pledges", "--db", db, "-f", "csv")
    assert "demand of" not in out and "withdraw its troops" in out, out  # the download keeps the action as stored
