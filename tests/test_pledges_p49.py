"""Round p49: tracker kinds a newcomer round (n37) found with its own articles. Our own storylines (other countries,
domains and words than the corpora); each kind has cases that fail without its change and look-alikes or guards that
must keep their reading.

1. a denial: "denied that the toll cut had been dropped" is no deed and no withdrawal (the pledge stands, restated);
   "denied that she had promised the clinics" disowns the promise (withdrawn);
2. a revision's amount: "will now build 15,000 instead of 20,000" moves the ledger's amount, not only its deadline;
3. an observer's forecast ("will reach only 1.6% of GDP, the budget officer said") is no revision;
4. a threat to act whose sentence names the means ("threatened to act if ..., warning of tariffs on all its goods")
   is a threat to impose them, carried out by "imposed 25% tariffs on all its goods"; "threatened on Monday to impose"
   (the parser's adverbial) is a threat at all;
5. a demand refused by the party asked ("rejected Mexico's request to lift the duties") breaks the demand;
6. "repeated his promise ..., saying the target would be met": no second pledge "meet the target", and the day the
   promise was repeated ("on Friday") is no new deadline.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gaiko.types import Article
from helpers import pledge_story as _story
from helpers import status_of as _one


def _entries(tmp_path: Path, coder, pledge: str, reports: list[str]) -> list[dict]:
    """The ledger entries of a :func:`helpers.pledge_story` storyline."""
    from gaiko.coding import run_code
    from gaiko.store import Store
    from gaiko.tracking import ledger

    arts = [{"id": "p1", "published": "2026-02-02", "source": "Wire A", "text": pledge}]
    arts += [{"id": f"r{k}", "published": f"2026-0{4 + k}-1{k}", "source": "Wire B", "text": t}
             for k, t in enumerate(reports)]
    src = tmp_path / "arts.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in arts) + "\n", encoding="utf-8")
    db = str(tmp_path / "t.duckdb")
    run_code([str(src)], db=db, quiet=True, coder=coder)
    with Store(db, read_only=True) as st:
        return list(ledger(st))


# -- 1. denials -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("pledge, report, verb", [
    ("Portugal's infrastructure minister pledged on Monday to cut the tolls on the A22 motorway by half by July.",
     "Portugal's infrastructure ministry denied on Tuesday that the toll cut had been dropped, adding that the "
     "regulation was with the cabinet.", "cut"),
    ("Chile's mining minister pledged on Monday to cut royalties on copper exports by 2027.",
     "The mining ministry on Friday denied reports that it had abandoned the plan to cut royalties on copper exports, "
     "saying the bill was still being drafted.", "cut"),
])
def test_a_denied_drop_is_no_deed_nor_withdrawal(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == "open"


@pytest.mark.parametrize("pledge, report, verb", [
    ("Kenya's president promised on Monday to build 500 new clinics by 2028.",
     "Kenya's health minister denied on Friday that the president had promised to build 500 new clinics, saying the "
     "government had only studied the idea.", "build"),
    ("Romania's finance minister pledged on Monday to raise teachers' salaries by 20% by September.",
     "Romania's finance minister denied on Thursday that he had pledged to raise teachers' salaries, saying he had "
     "only described a wish.", "raise"),
])
def test_a_denied_promise_is_withdrawn(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == "withdrawn"


def test_a_drop_without_denial_stays_withdrawn(tmp_path: Path, coder) -> None:
    # the look-alike: the same drop reported, not denied
    got = _story(tmp_path, coder, "Chile's mining minister pledged on Monday to cut royalties on copper exports by 2027.",
                 ["The mining ministry on Friday abandoned the plan to cut royalties on copper exports, saying revenue "
                  "had fallen."])
    assert _one(got, "cut") == "withdrawn"


# -- 2. a revision's amount -------------------------------------------------------------------------------------------

def test_the_amount_follows_a_revision(tmp_path: Path, coder) -> None:
    got = _entries(tmp_path, coder, "Poland pledged on Monday to build 20,000 social homes by 2027.",
                   ["Poland will now build 15,000 social homes by December 2028 instead of 20,000 by 2027, the housing "
                    "minister said on Friday."])
    (e,) = [e for e in got if e["action"].startswith("build")]
    assert e["quantity"]["value"] == 15000 and e["deadline"]["end"].startswith("2028-12"), e


def test_revised_quantity_needs_a_word_of_change() -> None:
    from gaiko.tracking.normalise import revised_quantity

    first = {"quantity": {"text": "20,000 homes", "value": 20000.0, "unit": "homes"}, "published": "2026-02-02",
             "sentence": "Poland pledged to build 20,000 homes by 2027."}
    part = {"quantity": {"text": "4,000 homes", "value": 4000.0, "unit": "homes"}, "published": "2026-03-02",
            "sentence": "Poland will build 4,000 homes in Warsaw."}
    cut = {"quantity": {"text": "15,000 homes", "value": 15000.0, "unit": "homes"}, "published": "2026-04-02",
           "sentence": "Poland lowered its goal to 15,000 homes."}
    assert revised_quantity([first, part])["value"] == 20000.0  # a part named, no change said
    assert revised_quantity([first, part, cut])["value"] == 15000.0


# -- 3. an observer's forecast ----------------------------------------------------------------------------------------

def test_a_forecast_is_no_revision(tmp_path: Path, coder) -> None:
    got = _entries(tmp_path, coder, "Canada pledged on Monday to raise defence spending to 2% of GDP by 2027.",
                   ["Defence spending will reach only 1.6% of GDP in 2027, the parliamentary budget officer said on "
                    "Friday, short of the 2% pledge."])
    (e,) = [e for e in got if e["action"].startswith("raise")]
    assert not any(ev["relation"] == "revises" for ev in e["evidence"]), e["evidence"]
    assert e["quantity"]["value"] == 2.0


def test_the_pledgers_own_revision_still_revises(tmp_path: Path, coder) -> None:
    got = _entries(tmp_path, coder, "Norway pledged on Monday to raise defence spending to 2% of GDP by 2027.",
                   ["Norway will now raise defence spending to 1.8% of GDP by 2028 instead of 2% by 2027, the defence "
                    "minister said."])
    (e,) = [e for e in got if e["action"].startswith("raise")]
    assert any(ev["role"] == "revised" for ev in e["evidence"]) and e["quantity"]["value"] == 1.8


def test_a_forecast_under_a_verb_of_forecasting_is_no_pledge(coder) -> None:
    ps = coder.code_article(Article(text="Kenya will build only 300 clinics by 2028, the World Bank estimated on "
                                         "Thursday.", published="2026-02-02")).pledges
    assert not ps, [p.action for p in ps]
    # the guard: the same form said by the government is its pledge
    ps = coder.code_article(Article(text="Germany will spend 2% of GDP on defence in 2027, the defence minister said.",
                                    published="2026-02-02")).pledges
    assert [p.action for p in ps] == ["spend 2% of GDP on defence"]


# -- 4. a threat carried out ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("pledge, report", [
    ("President Trump threatened on Monday to act if Mexico did not stop the flow of migrants, warning of tariffs on "
     "all Mexican goods.", "The United States imposed 25% tariffs on all Mexican goods on Friday."),
    ("Vietnam threatened on Monday to impose duties on Thai rice if Bangkok kept its export subsidies.",
     "Vietnam imposed duties of 15% on Thai rice on Friday."),
])
def test_a_threat_carried_out_is_fulfilled(tmp_path: Path, coder, pledge: str, report: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), "impose") == "fulfilled"


def test_another_sides_tariffs_leave_the_threat(tmp_path: Path, coder) -> None:
    got = _story(tmp_path, coder, "President Trump threatened on Monday to act if Mexico did not stop the flow of "
                 "migrants, warning of tariffs on all Mexican goods.",
                 ["Canada imposed 25% tariffs on Mexican steel on Friday."])
    assert _one(got, "impose") == "open"


def test_the_other_sides_means_are_not_the_threat(coder) -> None:
    # the guard: tariffs the threatened side keeps (in the condition) are not what the threatener threatens
    ps = coder.code_article(Article(text="India threatened to retaliate against Bangladesh if Dhaka kept its tariffs on "
                                         "Indian jute.", published="2026-02-02")).pledges
    assert [p.action for p in ps if p.kind == "threat"] == ["retaliate against Bangladesh"], [p.action for p in ps]


# -- 5. a refused demand ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("pledge, report, verb", [
    ("Mexico urged the United States on Monday to lift the duties on Mexican tomatoes.",
     "The United States rejected Mexico's request to lift the duties on Mexican tomatoes on Friday.", "lift"),
    ("Ghana called on Nigeria to reopen the Seme border crossing by March.",
     "Nigeria on Friday turned down Ghana's demand to reopen the Seme border crossing, citing smuggling.", "reopen"),
])
def test_a_refused_demand_is_broken(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    assert _one(_story(tmp_path, coder, pledge, [report]), verb) == "broken"


def test_another_partys_refusal_leaves_the_demand(tmp_path: Path, coder) -> None:
    # the look-alike: the party asked refuses a third country the same act on other goods
    got = _story(tmp_path, coder, "Mexico urged the United States on Monday to lift the duties on Mexican tomatoes.",
                 ["The United States rejected Canada's request to lift the duties on Canadian lumber on Friday."])
    assert _one(got, "lift") == "open"


# -- 6. a restatement is no new pledge --------------------------------------------------------------------------------

@pytest.mark.parametrize("pledge, report, verb", [
    ("Brazil's president pledged on Monday to end illegal deforestation in the Amazon by 2030.",
     "Brazil's president repeated his promise to end illegal deforestation on Friday, saying the target would be met.",
     "end"),
    ("Spain pledged on Monday to plant 3 million trees by 2027.",
     "Spain's environment minister reaffirmed the pledge to plant 3 million trees on Friday, saying the goal would be "
     "reached.", "plant"),
])
def test_a_restatement_is_no_new_pledge(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    got = _entries(tmp_path, coder, pledge, [report])
    assert len(got) == 1, [e["action"] for e in got]
    assert got[0]["action"].startswith(verb) and got[0]["deadline"]["end"][:4] in ("2027", "2030"), got[0]["deadline"]


def test_a_target_with_its_own_words_is_a_pledge(coder) -> None:
    # the guard: a target named by its own words is promised, not referred back to
    ps = coder.code_article(Article(text="Belgium pledged on Monday to meet NATO's target of 2% of GDP by 2029.",
                                    published="2026-02-02")).pledges
    assert any(p.action.startswith("meet") for p in ps), [p.action for p in ps]
