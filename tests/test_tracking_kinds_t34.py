"""Round t34: kinds a newcomer (round b33) found coding their own Japan-China-US articles, and round x1's F2 re-tried
in two parts. Our own sentences of each kind, other countries and topics, never b33's.

F2a. "X said on Monday she would ..." published that Monday: the parser hangs "on Monday" on the reported verb, so the
     weekday was read in its future tense (the next Monday, a week later), which became the pledge's deadline and the
     event's date. A time phrase between the reporting verb and the complement's subject is the statement's day
     (gaiko/pipeline/saidwhen.py).
F2b. A negated "would not withdraw/recant/rescind/revoke" answers a demand: a refusal, not a pledge to refrain
     (pledges/modal_forms.yaml refusal_verbs).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries


def _coded(coder, text: str, day: str):
    from gaiko.types import Article

    return coder.code_article(Article(text=text, published=day)).events


def _entries(tmp_path: Path, coder, text: str, day: str = "2026-03-03") -> list[dict]:
    return ledger_entries(tmp_path, coder, [{"id": "a", "published": day, "source": "Wire", "text": text}])


# -- F2a: the day said is no deadline -----------------------------------------------------------------------------------

_SAID_DAY = [
    # (published, weekday of publication, sentence, verb of the pledged act)
    ("2026-03-02", "Monday", "Brazil's foreign minister said on Monday he would visit Buenos Aires.", "visit"),
    ("2026-03-05", "Thursday", "The Thai prime minister said on Thursday she would visit Phnom Penh.", "visit"),
    ("2026-03-04", "Wednesday", "Germany's chancellor said on Wednesday he would send more air defence systems to "
                                "Ukraine.", None),
]


@pytest.mark.parametrize("day,weekday,text,verb", _SAID_DAY)
def test_f2a_said_day_is_no_deadline(tmp_path: Path, coder, day: str, weekday: str, text: str, verb) -> None:
    entries = _entries(tmp_path, coder, text, day)
    assert entries, text
    for e in entries:
        dl = e.get("deadline") or {}
        assert dl.get("text") != f"on {weekday}", (e["action"], dl)
        assert not (dl.get("end") or "9999") < "2026-03-15", (e["action"], dl)  # not a week after the statement


@pytest.mark.parametrize("day,weekday,text,verb", [c for c in _SAID_DAY if c[3]])
def test_f2a_said_day_dates_the_event(coder, day: str, weekday: str, text: str, verb: str) -> None:
    evs = [e for e in _coded(coder, text, day) if weekday in (e.date_text or "")]
    assert evs, [(e.event_type, e.trigger, e.date, e.date_text) for e in _coded(coder, text, day)]
    assert all(e.date == day for e in evs), [(e.event_type, e.trigger, e.date) for e in evs]


def test_f2a_guard_complement_day_after_the_subject_stays_ahead(tmp_path: Path, coder) -> None:
    # "said he would visit ... on Friday": the visit's own day, ahead of a Monday statement
    entries = _entries(tmp_path, coder, "Brazil's foreign minister said he would visit Buenos Aires on Friday.",
                       "2026-03-02")
    dl = [e.get("deadline") or {} for e in entries if e["action"].startswith("visit")]
    assert dl and dl[0].get("end") == "2026-03-06", dl


def test_f2a_unit_statement_verb() -> None:
    from gaiko.nlp import load_model
    from gaiko.pipeline.saidwhen import statement_verb

    nlp = load_model()
    doc = nlp("The envoy said on Tuesday she would meet the rebels.")
    gov = statement_verb(doc[3:5])
    assert gov is None or gov.lower_ == "said"  # the parser may hang it right, on "said"
    doc = nlp("The envoy said that on Tuesday she would meet the rebels.")
    assert statement_verb(doc[4:6]) is None


# -- F2b: "would not withdraw her remarks" is a refusal -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Italy's prime minister said on Tuesday she would not withdraw her comments about the migrants.",
    "The Serbian president said he would not recant his remarks on Kosovo.",
    "Hungary's foreign minister said the government would not rescind the decree on foreign media.",
])
def test_f2b_refusal_is_no_pledge(tmp_path: Path, coder, text: str) -> None:
    entries = _entries(tmp_path, coder, text)
    assert not entries, [e["action"] for e in entries]
