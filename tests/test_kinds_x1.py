"""Round x1: kinds a newcomer (round b33) found coding his own articles. Our own sentences of each kind, never b33's.

F2. "X said on Monday she would ..." published that Monday: the parser hangs "on Monday" on the reported verb, so the
    weekday was read in its future tense (the next Monday, a week later), which became the pledge's deadline and the
    event's date. A time phrase between the reporting verb and the complement's subject is the statement's day. A
    negated "would not withdraw/recant/rescind/revoke" answers a demand: a refusal, not a pledge to refrain.
F3. An event in a relative clause with a time of its own ("the hotline that A and B agreed to set up last month ...,
    officials said on Thursday") took the main clause's day: its date comes from its own clause.
F7. "A and B will hold talks on the sidelines of the G20 summit": the venue became the target and B was dropped; and
    "will hold talks on Saturday" was dated Saturday, though a planned event takes the statement's date (records.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries


def _coded(coder, text: str, day: str):
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published=day)).events


# -- F2: the day said is no deadline ------------------------------------------------------------------------------------

_SAID_DAY = [
    # (published, weekday of publication, sentence, verb of the pledged act)
    ("2026-03-02", "Monday", "Brazil's foreign minister said on Monday he would visit Buenos Aires.", "visit"),
    ("2026-03-05", "Thursday", "The Thai prime minister said on Thursday she would visit Phnom Penh.", "visit"),
    ("2026-03-04", "Wednesday", "Germany's chancellor said on Wednesday he would send more air defence systems to "
                                "Ukraine.", None),
]


@pytest.mark.parametrize("day,weekday,text,verb", _SAID_DAY)
def test_f2_said_day_is_no_deadline(tmp_path: Path, coder, day: str, weekday: str, text: str, verb) -> None:
    entries = ledger_entries(tmp_path, coder, [{"id": "a", "published": day, "source": "Wire", "text": text}])
    assert entries, text
    for e in entries:
        dl = e.get("deadline") or {}
        assert dl.get("text") != f"on {weekday}", (e["action"], dl)
        assert not (dl.get("end") or "9999") < "2026-03-15", (e["action"], dl)  # not a week after the statement


@pytest.mark.parametrize("day,weekday,text,verb", [c for c in _SAID_DAY if c[3]])
def test_f2_said_day_dates_the_event(coder, day: str, weekday: str, text: str, verb: str) -> None:
    evs = [e for e in _coded(coder, text, day) if weekday in (e.date_text or "")]
    assert evs, [(e.event_type, e.trigger, e.date, e.date_text) for e in _coded(coder, text, day)]
    assert all(e.date == day for e in evs), [(e.event_type, e.trigger, e.date) for e in evs]


def test_f2_guard_complement_day_after_that_stays_ahead(tmp_path: Path, coder) -> None:
    # "said that ... on Friday": the visit's own day, ahead of a Monday statement
    entries = ledger_entries(tmp_path, coder, [{"id": "a", "published": "2026-03-02", "source": "Wire",
                                                "text": "Brazil's foreign minister said he would visit Buenos Aires "
                                                        "on Friday."}])
    dl = [e.get("deadline") or {} for e in entries if e["action"].startswith("visit")]
    assert dl and dl[0].get("end") == "2026-03-06", dl


def test_f2_unit_statement_verb() -> None:
    from gaiko.nlp import load_model
    from gaiko.pipeline.saidwhen import statement_verb

    nlp = load_model()
    doc = nlp("The envoy said on Tuesday she would meet the rebels.")
    span = doc[3:5]
    gov = statement_verb(span)
    assert gov is None or gov.lower_ == "said"  # the parser may hang it right, on "said"
    doc = nlp("The envoy said that on Tuesday she would meet the rebels.")
    assert statement_verb(doc[4:6]) is None


@pytest.mark.parametrize("text", [
    "Italy's prime minister said on Tuesday she would not withdraw her comments about the migrants.",
    "The Serbian president said he would not recant his remarks on Kosovo.",
    "Hungary's foreign minister said the government would not rescind the decree on foreign media.",
])
def test_f2_refusal_is_no_pledge(tmp_path: Path, coder, text: str) -> None:
    entries = ledger_entries(tmp_path, coder, [{"id": "a", "published": "2026-03-03", "source": "Wire", "text": text}])
    assert not entries, [e["action"] for e in entries]


# -- F3: a relative clause's own time dates its event ------------------------------------------------------------------

@pytest.mark.parametrize("text,expected,precision", [
    ("The maritime hotline that South Korea and Japan agreed to set up last month has not been set up, officials in "
     "Seoul said on Thursday.", "2025-11-01", "month"),
    ("The ceasefire that Armenia and Azerbaijan agreed to last month has not held, officials in Yerevan said on "
     "Thursday.", "2025-11-01", "month"),
    ("The joint patrols that India and Bangladesh agreed to launch last month have not begun, officials in Dhaka said "
     "on Friday.", "2025-11-01", "month"),
    ("The water-sharing deal that Kazakhstan and Uzbekistan agreed to sign last month has stalled, officials in Astana "
     "said on Monday.", "2025-11-01", "month"),
    ("The embassy that Canada pledged to reopen last year is still closed, diplomats said on Tuesday.", "2024-01-01",
     "year"),
])
def test_f3_relative_clause_event_takes_its_own_time(coder, text: str, expected: str, precision: str) -> None:
    evs = [e for e in _coded(coder, text, "2025-12-04") if e.trigger in ("agreed", "pledged")]
    assert evs, text
    assert all((e.date, e.date_precision) == (expected, precision) for e in evs), \
        [(e.event_type, e.trigger, e.date, e.date_text) for e in evs]


def test_f3_guard_main_clause_and_own_days(coder) -> None:
    evs = {e.trigger: e.date for e in _coded(coder, "Police arrested a man who attacked a synagogue on Friday, officials "
                                                    "said on Saturday.", "2025-12-04")}
    assert evs.get("attacked") == "2025-11-28" and evs.get("arrested") == "2025-11-29", evs


def test_f3_unit_a_term_is_no_time() -> None:
    from gaiko.nlp import load_model
    from gaiko.pipeline.relcldate import relative_clause

    doc = load_model()("The dam that Ethiopia promised to finish by 2030 is unfinished.")
    rel = relative_clause(doc[6])  # finish
    assert rel is not None and rel.lower_ == "promised"


# -- F7: planned talks at a summit: the two sides, the statement's date ------------------------------------------------

@pytest.mark.parametrize("text,a,b", [
    ("Ruto and Abiy will hold talks on the sidelines of the AU summit in Addis Ababa.", "KEN", "ETH"),
    ("Sisi and Erdogan will hold talks on the margins of the Arab League summit in Cairo.", "EGY", "TUR"),
    ("Macron and Lula will meet on Saturday on the sidelines of the G20 summit.", "FRA", "BRA"),
])
def test_f7_planned_talks_are_between_the_two(coder, text: str, a: str, b: str) -> None:
    evs = [e for e in _coded(coder, text, "2025-11-20") if e.trigger in ("talks", "meet")]
    sides = {(e.source.country if e.source else None, e.target.country if e.target else None) for e in evs}
    assert sides == {(a, b), (b, a)}, [(e.event_type, e.source, e.target) for e in evs]


def test_f7_planned_talks_take_the_statement_date(coder) -> None:
    evs = [e for e in _coded(coder, "Ruto and Abiy will hold talks on Saturday on the sidelines of the AU summit.",
                             "2025-11-20") if e.trigger == "talks"]
    assert evs and all(e.date == "2025-11-20" for e in evs), [(e.event_type, e.date, e.date_text) for e in evs]


def test_f7_guard_talks_held_keep_their_day(coder) -> None:
    evs = [e for e in _coded(coder, "Modi and Albanese held talks on Saturday on the sidelines of the G20 summit.",
                             "2025-11-20") if e.trigger == "talks"]
    assert evs and all(e.date == "2025-11-15" for e in evs), [(e.event_type, e.date, e.date_text) for e in evs]
    assert {e.target.country for e in evs if e.target} <= {"IND", "AUS"}
