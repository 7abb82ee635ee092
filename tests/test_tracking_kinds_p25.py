"""Kinds of deed report the tracker never linked on fresh-e (issue 14, brief p25), with sentences written for these
tests (none is taken from a storyline): a pledge about a named crossing, port or route whose deed is reported by the
place ("the first lorries crossed at Dravik"), not by the object's head noun. Tests marked "failed before" failed
before ``objecthead.place_names``; the look-alikes beside them pass before and after."""

from __future__ import annotations

import pytest

from gaiko.tracking.decide import Report, _weak_for_done
from gaiko.tracking.lexicon import lexicon
from gaiko.tracking.normalise import frame, prepare
from gaiko.tracking.objecthead import place_names


@pytest.mark.parametrize("text, want", [
    ("the road border crossing at Dravik", {"dravik"}),
    ("Moldovan grain through Reni for a trial period", {"reni"}),
    ("repairs to the road from Dravik to Tornby", {"dravik", "tornby"}),
    ("flights via the Varna airport", {"varna"}),
])
def test_named_places_of_the_object(text, want):
    assert place_names(text, lexicon()) == want


@pytest.mark.parametrize("text", [
    "humanitarian aid to Gaza",  # a destination alone is shared by many deeds
    "its troops from Kherson",  # an origin alone too
    "an embassy in Jerusalem",  # "in" names an area, not which thing
    "talks with Germany at Brussels",  # a capital is a side, not a place here
    "a new tariff on steel",
])
def test_no_place_where_the_object_names_none_or_only_an_area(text):
    assert place_names(text, lexicon()) == set()


def _m(action, side, made, deadline=None, kind="promise"):  # noqa: D103
    return {"id": "m", "article_id": "a", "sentence_index": 0, "sentence": "", "action": action, "kind": kind,
            "actor": {"country": side, "sector": "GOV"}, "target": None, "quantity": None,
            "deadline": {"end": deadline} if deadline else None, "published": made}


def test_the_place_is_a_head_and_topic_key_of_the_frame():  # failed before
    f = frame([prepare(_m("reopen the road border crossing at Dravik", "POL", "2025-03-01"))])
    assert "dravik" in f.topic and "dravik" in f.heads and f.places == frozenset({"dravik"})


def test_the_model_may_not_read_done_a_report_naming_only_the_place():
    f = frame([prepare(_m("reopen the road border crossing at Dravik", "POL", "2025-03-01"))])
    only = Report(text="A new market opened at Dravik on Friday.", published="2025-06-02", sides=frozenset({"POL"}),
                  context=frozenset())
    both = Report(text="The border crossing at Dravik opened to lorries on Friday.", published="2025-06-02",
                  sides=frozenset({"POL"}), context=frozenset())
    assert _weak_for_done(f, only)
    assert not _weak_for_done(f, both)


def _ledger(coder, texts):
    import gaiko
    from gaiko.tracking import ledger, update_ledger
    from gaiko.types import Article

    store = gaiko.open(":memory:")
    store.write_coded(list(coder.code_articles([Article(text=t, published=d) for d, t in texts])), None)
    update_ledger(store)
    return ledger(store), store


def _evidence(entry):
    return [(e["sentence"], e["role"]) for e in entry["evidence"] if e["role"] not in ("made", "restated", "revised")]


def test_a_route_repaired_is_reported_by_the_road_between_its_named_ends(coder):  # failed before
    entries, store = _ledger(coder, [
        ("2025-03-03", "Norway will pay for repairs to the 40-kilometre road from Dravik to Tornby, "
                       "the foreign minister said on Monday."),
        ("2025-09-10", "Norwegian-funded crews began resurfacing the road from Dravik toward Tornby in August, "
                       "the ministry said."),
        # look-alikes: another road of the same side; another side's road works between the same towns
        ("2025-09-11", "Norway also began widening the coastal highway near Bergen in August."),
        ("2025-09-12", "Sweden began building a rail link between Dravik and Tornby in August."),
    ])
    e = next(e for e in entries if "repairs" in e["action"] and e["actor"].get("country") == "NOR")
    got = _evidence(e)
    assert any("resurfacing" in s for s, _r in got), got
    assert not any("Bergen" in s or "Sweden" in s for s, _r in got), got
    assert e["status"] == "in_progress", (e["status"], got)
    store.close()


# -- the head of an object ends where its place begins -----------------------------------------------------------------

def test_the_head_ends_before_along_or_around():  # failed before ("along" did not end the head: it was the border)
    f = frame([prepare(_m("switch off the propaganda loudspeakers along the border", "KOR", "2025-03-01"))])
    assert "loudspeaker" in f.heads and "o:border" not in f.heads
    g = frame([prepare(_m("remove the checkpoints around the old town", "ISR", "2025-03-01"))])
    assert "o:border" in g.heads  # (the checkpoints are a concept of their own: unchanged)


# -- "held no drills": what a pledge to refrain promised not to do, reported not done ----------------------------------

def _dec(f, text, published="2025-07-01", sides=None):
    from gaiko.tracking.decide import decide

    return decide(f, Report(text=text, published=published, sides=frozenset(sides or {f.doer}), context=frozenset()))


PAUSE = frame([prepare(_m("suspend naval exercises in the Baltic", "DNK", "2025-03-01", deadline="2025-06-30"))])
PAY = frame([prepare(_m("pay the arrears owed to teachers", "KEN", "2025-03-01", deadline="2025-12-31"))])


def test_a_refraining_pledge_is_kept_when_none_is_held():  # failed before (read as drills held: broken)
    d = _dec(PAUSE, "Danish ships held no exercises in the Baltic in May and June, the navy said.")
    assert d.relation == "fulfils" and "kept over its term" in (d.note or "")


@pytest.mark.parametrize("text, want", [
    ("Danish ships held exercises in the Baltic in May, the navy said.", "reverses"),  # done: broken
    ("Denmark held no talks with Sweden on the Baltic in May.", "unrelated"),  # another act, none held
])
def test_drills_held_or_other_acts_not_held(text, want):
    assert _dec(PAUSE, text).relation == want


def test_none_paid_is_no_payment():  # "made no payment" never reads as paid
    assert _dec(PAY, "The government made no payment of the arrears owed to teachers in June.").relation \
        not in ("fulfils", "partial", "progresses")


def test_kept_over_its_term_is_not_late():  # failed before (reported after the term: a late, partial fulfilment)
    from gaiko.tracking.status import status_of

    ev = [{"relation": "fulfils", "published": "2025-09-08", "article_id": "a", "sentence": "held no exercises",
           "note": "cue: held no; what it promised to stop, reported not done: kept over its term"}]
    assert status_of(ev, {"end": "2025-07-31"}, "2025-10-01")[0] == "fulfilled"
    late = [dict(ev[0], note="cue: held")]
    assert status_of(late, {"end": "2025-07-31"}, "2025-10-01")[0] == "partially_fulfilled"


# -- the other party's restraint, a contrary act promised, a set phrase --------------------------------------------------

PAUSE_JOINT = frame([prepare({**_m("suspend naval exercises in the Baltic", "DNK", "2025-03-01", deadline="2025-06-30",
                                   kind="agreement"), "target": {"country": "SWE", "sector": "GOV"}})])


def test_the_other_party_holding_none_is_not_the_pledgers_restraint():  # failed before (read as Denmark's kept)
    d = _dec(PAUSE_JOINT, "Swedish ships held no exercises in the Baltic in May and June, the navy said.",
             sides={"SWE"})
    assert d.relation == "unrelated"


def test_the_pledgers_own_restraint_still_keeps_a_joint_pledge():
    d = _dec(PAUSE_JOINT, "Danish ships held no exercises in the Baltic in May and June, the navy said.")
    assert d.relation == "fulfils"


@pytest.mark.parametrize("text", [
    "Copenhagen repeated its pledge to give 15 days' notice of naval exercises in the Baltic.",  # failed before: withdraws
    "Denmark pledged to notify its neighbours of all naval exercises in the Baltic 15 days in advance.",  # failed before
])
def test_another_promise_on_the_same_object_decides_nothing(text):
    assert _dec(PAUSE, text).relation in ("needs_review", "unrelated", "restates")


def test_the_contrary_done_still_breaks_and_a_threat_dropped_still_withdraws():
    assert _dec(PAUSE, "Danish ships held live-fire exercises in the Baltic in May.").relation == "reverses"
    threat = frame([prepare(_m("impose tariffs on Danish pork", "NOR", "2025-03-01", kind="threat"))])
    assert _dec(threat, "Norway pledged to lift the tariffs on Danish pork.").relation != "reverses"


# -- a body that exists only on paper ------------------------------------------------------------------------------------

WATER = frame([prepare(_m("hand the operation of the water network in the northern districts to a joint water company",
                          "MNE", "2025-03-01", deadline="2025-09-30"))])


def test_a_company_that_exists_only_on_paper_stalls_the_handover():  # failed before (left for review)
    d = _dec(WATER, "Analysts said the joint water company that was supposed to take over the network existed only on "
                    "paper.", published="2025-12-01")
    assert d.relation == "stalls"


def test_paper_in_other_senses_is_no_stall():
    d = _dec(WATER, "A joint water company runs the network in the south, on paper and in practice.",
             published="2025-12-01")
    assert d.relation != "stalls"
