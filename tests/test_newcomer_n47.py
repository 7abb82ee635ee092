"""Newcomer round n47: what a demanding newcomer still tripped on, each as a kind, with our own sentences and inputs.

1. the README's commands name files a newcomer's copy holds (``gaiko eval`` pointed at ``../shared``);
2. ``gaiko series`` in an 80-column terminal: whole headers, the table cut into blocks of whole columns;
3. a call's mode: "paid a courtesy call on" is a visit, "held a phone call with" a telephone call;
4. a weekday or a date ("Monday's agreement") is no pledge's actor.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PUB = "2026-02-10"


def _events(coder, text: str):
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published=PUB)).events


# -- 1. README's commands name files in the repository ----------------------------------------------------------

def test_readme_eval_example_names_a_gold_file_in_the_repository():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    paths = re.findall(r"^gaiko eval (\S+)", readme, flags=re.M)
    assert paths, "README shows no gaiko eval example"
    for p in paths:
        assert not p.startswith(".."), p  # a newcomer's clone has nothing beside it
        assert (ROOT / p).is_file(), p


def test_readme_eval_example_runs(cli):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = re.search(r"^gaiko eval (\S+)(.*?)(?:#|$)", readme, flags=re.M)
    args = [str(ROOT / line.group(1))] + line.group(2).split() + ["--limit", "20"]
    code, out, err = cli("eval", *args)
    assert code in (0, None), err
    assert '"type_accuracy"' in out


# -- 2. gaiko series in an 80-column terminal ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def series_db(tmp_path_factory):
    from serve_data import build_store

    return build_store(tmp_path_factory.mktemp("n47series") / "s.duckdb", corpus=False)


def test_series_table_in_80_columns_keeps_headers_whole(cli, series_db, monkeypatch):
    import gaiko.cli.common as common

    monkeypatch.setattr(common, "_table_width", lambda: 80)
    code, out, err = cli("series", "--db", series_db, "--interval", "month")
    assert code in (0, None), err
    lines = out.splitlines()
    assert lines and max(len(x) for x in lines) <= 80, max(len(x) for x in lines)
    for name in ("bucket", "events", "mean_goldstein", "goldstein_sum", "verbal_cooperation", "material_cooperation",
                 "verbal_conflict", "material_conflict", "coarse_dates"):
        assert re.search(rf"\b{name}\b", out), name  # whole, never "mean_golds" / "tein"
    assert "(1/" in out  # told it is one of several blocks
    # every bucket is in each block, whole
    assert all(len(re.findall(r"\b\d{4}-\d{2}-01\b", b)) > 0 for b in out.split("(2/")), out


def test_series_table_piped_keeps_headers_whole_at_160(cli, series_db):
    code, out, err = cli("series", "--db", series_db, "--interval", "month")
    assert code in (0, None), err
    assert max(len(x) for x in out.splitlines()) <= 160
    for name in ("mean_goldstein", "goldstein_sum", "material_cooperation", "material_conflict"):
        assert re.search(rf"\b{name}\b", out), name


# -- 3. a call's mode -----------------------------------------------------------------------------------------------

def _consult(coder, text: str):
    evs = [e for e in _events(coder, text) if e.event_type == "CONSULT"]
    assert evs, text
    return evs[0]


@pytest.mark.parametrize("text", [
    "The Kenyan foreign minister paid a courtesy call on the Ugandan president in Kampala.",
    "Chile's new ambassador made a courtesy call on President Lula on Tuesday.",
    "The visiting envoy paid a call on the Thai prime minister.",
])
def test_a_call_paid_in_person_is_a_visit(coder, text):
    ev = _consult(coder, text)
    assert ev.mode == "visit" and ev.cameo_code == "042", (ev.mode, ev.cameo_code)


@pytest.mark.parametrize("text", [
    "Prime Minister Mark Carney held a phone call with President Lula on Tuesday.",
    "Ruto had a telephone call with Museveni on Friday.",
    "Modi spoke by phone with Putin on Monday.",
    "Erdogan and Macron talked over the telephone on Wednesday.",
])
def test_a_call_by_telephone_is_mode_phone(coder, text):
    ev = _consult(coder, text)
    assert ev.mode == "phone" and ev.cameo_code == "041", (ev.mode, ev.cameo_code)


@pytest.mark.parametrize("text,mode", [
    # look-alikes: a meeting, talks, a verb call keep what they had
    ("Albanese met Prabowo in Jakarta on Friday.", None),
    ("Macron called Scholz on Tuesday.", "phone"),
    ("Japan and Vietnam held talks in Hanoi.", None),
    ("Kagame visited Nairobi on Monday.", "visit"),
])
def test_other_consults_keep_their_mode(coder, text, mode):
    assert _consult(coder, text).mode == mode


# -- 4. goods and budgets are no side -------------------------------------------------------------------------------

@pytest.mark.parametrize("text,iso", [
    ("Mozambique agreed to export LNG to India.", "IND"),
    ("Qatar agreed to supply LNG to Germany for 15 years.", "DEU"),
    ("Japan signed a deal to import LNG from Australia.", "AUS"),
    ("Italy signed a contract to buy LNG from Algeria.", "DZA"),
])
def test_a_commodity_is_no_target_its_trading_partner_is(coder, text, iso):
    evs = _events(coder, text)
    assert evs and evs[0].target is not None and evs[0].target.country == iso, [(e.event_type, e.target) for e in evs]
    assert all(e.target is None or e.target.text != "LNG" for e in evs)


@pytest.mark.parametrize("text", [
    "South Korea pledged to raise defence spending to 3.5% of GDP.",
    "Canada will boost defence spending, Carney said.",
    "Lithuania pledged to raise its defense budget to 5% of GDP.",
])
def test_a_budget_is_no_target(coder, text):
    evs = _events(coder, text)
    assert evs
    for e in evs:
        assert e.target is None or not any(w in e.target.text.lower() for w in ("spending", "budget")), e.target


@pytest.mark.parametrize("text,iso", [
    # look-alikes: a party named beside the goods stays the target
    ("Venezuela threatened to cut off oil shipments to the United States.", "USA"),
    ("Ukraine struck an oil refinery in Russia's Samara region.", "RUS"),
    ("Japan pledged to increase aid to Ukraine.", "UKR"),
])
def test_parties_beside_goods_stay_targets(coder, text, iso):
    evs = _events(coder, text)
    assert evs and evs[0].target is not None and evs[0].target.country == iso, evs[0].target


# -- 5. a travel warning acts on the country warned against, not on the state's own citizens -------------------------

@pytest.mark.parametrize("text,src,iso", [
    ("Vietnam warned its citizens against travelling to Cambodia.", "VNM", "KHM"),
    ("Canada advised its nationals to avoid travel to Haiti.", "CAN", "HTI"),
    ("Seoul urged its citizens to avoid trips to Myanmar.", "KOR", "MMR"),
    ("The United States told its citizens not to travel to Venezuela.", "USA", "VEN"),
])
def test_a_travel_warning_targets_the_destination(coder, text, src, iso):
    evs = _events(coder, text)
    assert evs and evs[0].source is not None and evs[0].source.country == src, evs
    assert evs[0].target is not None and evs[0].target.country == iso, evs[0].target


@pytest.mark.parametrize("text,iso", [
    # look-alikes: a state's own people told something else stay its own; a recall keeps its "from"
    ("Vietnam told its citizens to stay calm.", "VNM"),
    ("France recalled its ambassador from Algiers.", "DZA"),
])
def test_own_people_told_no_travel_keep_their_target(coder, text, iso):
    evs = _events(coder, text)
    assert evs and evs[0].target is not None and evs[0].target.country == iso, evs[0].target


# -- 6. a day is no pledger -----------------------------------------------------------------------------------------

def _pledges(coder, text: str):
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published=PUB)).pledges


@pytest.mark.parametrize("text,iso", [
    ("Nepal on Thursday welcomed Tuesday's agreement with India to reopen the Birgunj crossing.", "IND"),
    ("Kenya welcomed Friday's pledge by Uganda to lift the sugar ban.", "UGA"),
    ("Last year's promise by Peru to cut fuel taxes was broken.", "PER"),
])
def test_a_day_is_no_pledger(coder, text, iso):
    ps = _pledges(coder, text)
    assert ps, text
    for p in ps:
        assert p.actor is not None and p.actor.country == iso, p.actor


def test_a_day_alone_makes_no_pledger(coder):
    ps = _pledges(coder, "Last week's promise to release the prisoners has not been kept. Monday's pledge to cut "
                         "tariffs was welcomed.")
    assert not any(p.actor is not None and p.actor.text.lower() in ("monday", "last week") for p in ps), ps


@pytest.mark.parametrize("text,iso", [
    # look-alikes: a party's possessive stays the pledger
    ("Ghana's promise to reopen the border was welcomed.", "GHA"),
    ("Theresa May's pledge to cut migration was never met.", "GBR"),
])
def test_a_partys_possessive_stays_the_pledger(coder, text, iso):
    ps = _pledges(coder, text)
    assert ps and ps[0].actor is not None and ps[0].actor.country == iso, ps


# -- 7. a call's sides when the sentence names them -----------------------------------------------------------------

def _pairs(coder, text: str):
    return {(e.source.country if e.source else None, e.target.country if e.target else None)
            for e in _events(coder, text) if e.event_type == "CONSULT"}


@pytest.mark.parametrize("text,a,b", [
    ("Ruto and Museveni held a call on Thursday to discuss the oil pipeline through Tanzania.", "KEN", "UGA"),
    ("Ruto and Museveni held talks on Tuesday to discuss Sudan.", "KEN", "UGA"),
    ("Egypt and Qatar held talks in Cairo on Gaza.", "EGY", "QAT"),
])
def test_two_sides_talking_about_a_third_are_each_others_target(coder, text, a, b):
    pairs = _pairs(coder, text)
    assert (a, b) in pairs and (b, a) in pairs, pairs


@pytest.mark.parametrize("text,a,b", [
    ("Albanese had a call with Prabowo on Friday.", "AUS", "IDN"),
    ("Ramaphosa had a meeting with Tinubu in Abuja.", "ZAF", "NGA"),
    ("Ramaphosa had a telephone conversation with Tinubu.", "ZAF", "NGA"),
])
def test_a_call_or_meeting_one_had_with_a_named_side_is_coded(coder, text, a, b):
    assert (a, b) in _pairs(coder, text), _pairs(coder, text)


@pytest.mark.parametrize("text,pair", [
    # look-alikes: a third side met stays the target; a problem had with someone is no meeting
    ("Erdogan and Macron met Putin in Moscow.", ("TUR", "RUS")),
    ("Kenya and Uganda negotiated a trade deal with Tanzania.", ("KEN", "TZA")),
])
def test_a_third_side_met_stays_the_target(coder, text, pair):
    assert pair in _pairs(coder, text), _pairs(coder, text)


def test_a_problem_had_with_someone_is_no_meeting(coder):
    assert not _pairs(coder, "Japan had a problem with China's coast guard.")


# -- 8. the docs' first commands name the store they work on --------------------------------------------------------

@pytest.mark.parametrize("doc", ["docs/clusters.md", "docs/pledges.md"])
def test_a_docs_first_commands_all_name_one_store(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    block = text.split("```", 2)[1]  # the first code block: the commands a newcomer copies
    lines = [x for x in block.splitlines() if x.startswith("gaiko ") and not x.startswith(("gaiko eval", "gaiko code"))]
    assert lines, doc
    stores = {m.group(1) for x in lines for m in [re.search(r"--db (\S+)", x)] if m}
    missing = [x for x in lines if "--db" not in x]
    # a command without --db works on gaiko.duckdb, not the store the lines before it made
    assert not missing and len(stores) == 1, (missing, stores)


# -- 9. a date that ends what was done is not the day it was done ---------------------------------------------------

def _dated(coder, text: str, published: str = "2025-11-10"):
    from gaiko.types import Article

    evs = coder.code_article(Article(text=text, published=published)).events
    assert evs, text
    return evs[0]


@pytest.mark.parametrize("text,date,precision", [
    ("Kenya suspended the fuel levy until March 2026.", "2025-11-10", "published"),
    ("Chile closed the Colchane crossing until next year.", "2025-11-10", "published"),
    ("Brazil extended the import ban through December 2026.", "2025-11-10", "published"),
    # the saying's Friday, not November 2026; since round e52 an act a dated saying tells in the pluperfect has that
    # day as an upper bound (precision shared: Friday or up to 3 days before)
    ("The ministry said on Friday that it had suspended the tariffs until November 2026.", "2025-11-07", "shared"),
    ("Ghana closed the border on Tuesday until March 2026.", "2025-11-04", "day"),
])
def test_an_until_date_is_no_event_date(coder, text, date, precision):
    ev = _dated(coder, text)
    assert (ev.date[:10], ev.date_precision) == (date, precision), (ev.date, ev.date_text, ev.date_precision)


@pytest.mark.parametrize("text,date", [
    # look-alikes: a date of the act, and talks that ran until a day
    ("Chile closed the Colchane crossing on Monday.", "2025-11-10"),
    ("The talks with Iran lasted until Friday.", "2025-11-07"),  # a side named: sideless talks are no event (x57)
])
def test_dates_of_the_act_stay(coder, text, date):
    assert _dated(coder, text).date[:10] == date
