"""Kinds of primary-type error on unseen writers' sentences (issue 12, round t25): sentences of our own, never gold
ones. The events drafted at "walk out", "strike down / overturn", "welcome" and "withdraw from / quit" are
re-typed by the noun the verb acts on (gaiko/pipeline/retype.py, gaiko/data/primary/retype.yaml). The first sentences of each kind failed
before the rule (commit 82dc0a1); the look-alikes must keep their type."""

from __future__ import annotations

import pytest

from gaiko.errors import DataFileError
from gaiko.evaluate.scoring import primary
from gaiko.types import Article


def _events(coder, text: str):
    return coder.code_article(Article(text=text, published="2025-06-02")).events


def _primary(coder, text: str) -> str | None:
    p = primary(_events(coder, text))
    return p.event_type if p is not None else None


@pytest.mark.parametrize("text,want", [
    # kind 1: a walkout is typed by what is walked out of (failed before: REJECT, PROTEST, PROTEST)
    ("Opposition deputies walked out of the chamber as the minister began to speak.", "PROTEST"),
    ("Two jailed journalists walked out of prison after the pardon.", "RETREAT"),
    ("The dissident walked out of detention on Tuesday.", "RETREAT"),
    # kind 2: a court or legislature setting aside a law or decision (failed before: CONCEDE, CONCEDE)
    ("The supreme court struck down the law banning opposition rallies.", "REJECT"),
    ("The constitutional court overturned the decree extending the state of emergency.", "REJECT"),
    # kind 3: welcoming a visiting office-holder is a visit (failed before: SUPPORT)
    ("The Kenyan president welcomed his Ugandan counterpart to State House.", "CONSULT"),
    # kind 4: leaving an organisation, an agreement or talks is SANCTION (failed before: RETREAT, RETREAT)
    ("Chile withdrew from the Escazu Agreement last year.", "SANCTION"),
    ("Samoa quit the Pacific Tuna Forum over a dispute about quotas.", "SANCTION"),
])
def test_kind_is_typed_by_its_object(coder, text, want):
    assert _primary(coder, text) == want, [(e.event_type, e.confidence, e.trigger) for e in _events(coder, text)]


@pytest.mark.parametrize("text,want", [
    ("The delegation walked out of the summit in protest.", "REJECT"),       # talks and meetings: REJECT
    ("Nurses walked out of the hospital over pay.", "PROTEST"),               # a strike
    ("An appeals court quashed the conviction of the former minister.", "CONCEDE"),  # convictions: CONCEDE
    ("The president vetoed the bill on foreign agents.", "REJECT"),
    ("Protesters overturned police cars in the capital.", "PROTEST"),         # no law is overturned
    ("Germany welcomed the release of the activist.", "SUPPORT"),             # an act is welcomed, not a visitor
    ("Greece welcomed 300 refugees from the islands.", "AID"),
    ("Troops withdrew from the border town.", "RETREAT"),
    ("Ethiopian troops withdrew from the Somali border town of Dolo.", "RETREAT"),
    ("The minister withdrew his resignation after talks with the president.", "RETREAT"),  # "after": no object
    # a stated plan or threat keeps its modality's type
    ("Nurses will walk out of the hospitals on Monday unless the arrears are paid, the union warned.", "THREATEN"),
    ("The government warned it would quit the regional pact if the tariffs stayed.", "THREATEN"),
])
def test_look_alikes_keep_their_type(coder, text, want):
    assert _primary(coder, text) == want, [(e.event_type, e.confidence, e.trigger) for e in _events(coder, text)]


def test_retype_keeps_confidence_and_marks_pattern(coder):
    evs = _events(coder, "Opposition deputies walked out of the chamber as the minister began to speak.")
    top = primary(evs)
    assert top is not None and top.event_type == "PROTEST" and top.pattern.startswith("walk_out>")
    assert 0.0 < top.confidence <= 1.0


@pytest.mark.parametrize("rules,needle", [
    ({"bad": {"objects": {"PROTEST": ["hall"]}}}, "no list of verbs"),
    ({"bad": {"verbs": ["walk out"], "objects": {"RIOT": ["hall"]}}}, "no PLOVER type"),
])
def test_malformed_rule_file_is_a_data_file_error(monkeypatch, rules, needle):
    import gaiko.tables
    from gaiko.pipeline import retype

    real = gaiko.tables.load_yaml

    def fake(path):
        return {"rules": rules} if str(path).endswith("retype.yaml") else real(path)

    monkeypatch.setattr(gaiko.tables, "load_yaml", fake)
    retype._rules.cache_clear()
    try:
        with pytest.raises(DataFileError, match=needle):
            retype._rules()
    finally:
        retype._rules.cache_clear()


# -- kind 5: a month name set in a date is no act (failed before: PROTEST at "March", each of them) -------------
@pytest.mark.parametrize("text", [
    "Inflation in Chile held steady at 4.1 percent in March.",
    "The new bridge over the river opens to traffic in March.",
    "The ferry service resumes on March 3, the port authority said.",
])
def test_month_name_is_no_event(coder, text):
    evs = _events(coder, text)
    assert not [e for e in evs if e.trigger and e.trigger.lower() == "march"], \
        [(e.event_type, e.confidence, e.trigger) for e in evs]
    if "ferry" not in text:
        assert evs == [], [(e.event_type, e.confidence, e.trigger) for e in evs]


@pytest.mark.xfail(strict=True, reason="type model e40 drafts COOPERATE at 'resumes' with no side (e34 drafted "
                                       "nothing); a service resuming is no act between sides: no rule yet")
def test_a_service_resuming_is_no_event(coder):
    text = "The ferry service resumes on March 3, the port authority said."
    assert _events(coder, text) == [], [(e.event_type, e.confidence, e.trigger) for e in _events(coder, text)]


@pytest.mark.parametrize("text,want", [
    ("Thousands March On Parliament Over Fuel Prices", "PROTEST"),        # a headline's verb
    ("Protesters marched on the parliament in Tbilisi.", "PROTEST"),
])
def test_marches_keep_their_event(coder, text, want):
    assert _primary(coder, text) == want, [(e.event_type, e.confidence, e.trigger) for e in _events(coder, text)]
