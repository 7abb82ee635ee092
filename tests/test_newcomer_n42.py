"""Newcomer round n42: two things a new user hit, with our own sentences (not from any corpus).

1. a dateline with a date ("BERN, June 3 -", "QUITO, Ecuador, 9 Nov 2026 (AFP) --") was not seen as a dateline, so
   the all-capitals place was read as the subject of the first sentence: a pledge's actor and an event's source;
   an all-capitals acronym that is the subject ("OPEC will ...") is still the actor;
2. ``gaiko errors --json``: one JSON object, as ``events``, ``pledges`` and ``code`` have.
"""

from __future__ import annotations

import json

import pytest

from gaiko.actors.nosides import dateline_end
from gaiko.types import Article

# -- 1. datelines -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,end", [
    ("BERN, June 3 - Norway will", "BERN, June 3 - "),
    ("LIMA, Sept. 21 -- Peru will", "LIMA, Sept. 21 -- "),
    ("QUITO, Ecuador, 9 Nov 2026 (AFP) \u2014 Quito", "QUITO, Ecuador, 9 Nov 2026 (AFP) \u2014 "),
    ("SAN JOSE, Costa Rica, Feb. 7, 2026 (Reuters) - The", "SAN JOSE, Costa Rica, Feb. 7, 2026 (Reuters) - "),
    ("ACCRA, April 30 \u2013 Ghana", "ACCRA, April 30 \u2013 "),
])
def test_dated_dateline_found(text, end):
    assert text[:dateline_end(text)] == end


@pytest.mark.parametrize("text", ["OPEC, May 12, said", "NATO will deploy", "Kenya, May 3 - and later"])
def test_no_dated_dateline(text):
    assert dateline_end(text) == 0


_SHAPES = ["OSLO (Reuters) - ", "OSLO \u2014 ", "OSLO, March 4 - ", "OSLO, 4 March (AFP) -- ",
           "OSLO, Norway, Mar. 4, 2026 \u2014 "]


@pytest.mark.parametrize("dateline", _SHAPES)
def test_dateline_is_no_pledge_actor_or_source(coder, dateline):
    text = dateline + "The United States will cut its grant to the Nordic fisheries fund by half next year."
    (res,) = coder.code_articles([Article(text=text, published="2026-03-05")])
    actors = [p.actor for p in res.pledges]
    assert actors and all(a is not None and a.country == "USA" for a in actors), [a and a.text for a in actors]
    assert not any("OSLO" in (e.source.text if e.source else "") for e in res.events)


@pytest.mark.parametrize("text,who", [
    ("OPEC will trim crude output by half a million barrels a day from July.", "OPEC"),
    ("ASEAN will send a monitoring team to the Thai-Cambodian border next month.", "ASEAN"),
    ("LIMA, Sept. 21 -- NATO will open a liaison office in Lima next year.", "NATO"),
])
def test_acronym_subject_is_still_the_actor(coder, text, who):
    (res,) = coder.code_articles([Article(text=text, published="2026-03-05")])
    assert [p.actor.text for p in res.pledges if p.actor] == [who]


# -- 2. gaiko errors --json ---------------------------------------------------------------------------------------

def test_errors_json(tmp_path, coder, cli) -> None:
    from gaiko.coding import run_code

    src = tmp_path / "wire.jsonl"
    lines = [json.dumps({"id": "w1", "published": "2026-05-01", "text": "Fiji pledged to build a clinic in Nadi."}),
             '{"id": "w2", "published": "2026-05-02", "text": "Tonga vowed',
             json.dumps({"id": "w3", "published": "someday", "text": "Samoa pledged to hire 40 nurses."})]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = str(tmp_path / "wire.duckdb")
    run_code([str(src)], db=db, quiet=True, coder=coder)
    code, out, err = cli("errors", "--db", db, "--json")
    assert code in (0, None), err
    doc = json.loads(out)
    assert set(doc) == {"total", "limit", "count", "coded_since", "errors"}
    assert doc["total"] == doc["count"] == 2 and doc["limit"] == 200 and doc["coded_since"] == 0
    assert sorted(e["line"] for e in doc["errors"]) == [2, 3]
    code, out, _ = cli("errors", "--db", db, "-f", "jsonl")
    assert [json.loads(x) for x in out.splitlines() if x.strip()] == doc["errors"]
    code, out, _ = cli("errors", "--db", db, "--json", "--limit", "1")
    doc = json.loads(out)
    assert doc["total"] == 2 and doc["count"] == 1 and len(doc["errors"]) == 1
    code, out, err = cli("errors", "--db", db, "--json", "-f", "csv")
    assert code == 2 and "--json and --format csv" in err
