"""Round p64: later sentences the rules' keys miss, widened on side and window, scored against each of the actor's
pledges and assigned to the best one only (:mod:`gaiko.tracking.assign`; ships off).

The mechanism tests use a hand-set scorer (weights on the aligned cosines and the margin over the actor's other
pledges), so they test the assignment and the reading, not the learned weights. Sentences are our own (no corpus text).
"""

from __future__ import annotations

import pytest

from gaiko.meaning import available
from gaiko.tracking.assign import FEATURES, Assigner, assigner, settings, use

needs_weights = pytest.mark.skipif(not available(), reason="the MiniLM weights are not installed")

_PLEDGES = [
    ("2026-03-02", "Peru will free the 30 Ecuadorian fishermen held in Tumbes by May, the interior minister said on "
                   "Monday."),
    ("2026-03-03", "Peru will reopen the Aguas Verdes border crossing to freight trucks by June, the transport minister "
                   "said on Tuesday."),
]


def _hand() -> Assigner:
    w = {n: 0.0 for n in FEATURES}
    w.update({"obj_max": 4.0, "sent_cos": 4.0, "margin": 6.0})
    return Assigner(list(w), [w[n] for n in FEATURES], -4.5, threshold=0.5, margin=0.05)


def _story(tmp_path, coder, arts, asg):
    from helpers import ledger_entries

    tmp_path.mkdir(parents=True, exist_ok=True)

    with use(asg):
        got = ledger_entries(tmp_path, coder, [{"id": f"a{k}", "published": d, "source": f"Wire {k}", "text": t}
                                               for k, (d, t) in enumerate(arts)])
    return {e["action"]: (e["status"], [(ev.get("relation"), ev.get("note") or "") for ev in e.get("evidence") or []
                                         if ev.get("role") not in ("made", "restated", "revised")])
            for e in got}


def _of(got, word):
    hits = [v for k, v in got.items() if word in k]
    assert len(hits) == 1, got
    return hits[0]


def test_the_setting_ships_off(monkeypatch):
    monkeypatch.delenv("GAIKO_ASSIGN", raising=False)
    assert settings()["enabled"] is False
    assert assigner() is None
    monkeypatch.setenv("GAIKO_ASSIGN", "0")
    assert assigner() is None


@needs_weights
def test_a_deed_in_other_words_goes_to_the_right_pledge(tmp_path, coder):
    # shares no topic key with either pledge (the rules retrieve it for neither); it names the actor and aligns with
    # the crossing, not the fishermen
    later = ("2026-04-20", "Trucks rolled through Aguas Verdes again on Friday as Peru lifted the closure, officials "
                           "said.")
    assert not any(evs for _s, evs in _story(tmp_path / "rules", coder, [*_PLEDGES, later], None).values())
    got = _story(tmp_path / "on", coder, [*_PLEDGES, later], _hand())
    cross = _of(got, "crossing")
    assert [n.split(";")[0][:8] for _r, n in cross[1]] == ["assigned"], got
    # read by the rules' clause reader as if it named the object; what it cannot read stays for review
    assert cross[1][0][0] in ("fulfils", "needs_review"), got
    assert _of(got, "fishermen") == ("open", []), got  # the actor's other pledge: not it


@needs_weights
def test_a_look_alike_of_the_same_actor_is_not_linked(tmp_path, coder):
    later = ("2026-04-20", "Peru raised the excise tax on imported cigarettes on Friday, the finance ministry said.")
    got = _story(tmp_path, coder, [*_PLEDGES, later], _hand())
    for status, evs in got.values():
        assert status == "open" and not any(n.startswith("assigned") for _r, n in evs), got


@needs_weights
def test_another_actors_report_is_not_read(tmp_path, coder):
    later = ("2026-04-20", "Chile reopened the Chacalluta border crossing to freight trucks on Friday, the Chilean "
                           "transport ministry said.")
    got = _story(tmp_path, coder, [*_PLEDGES, later], _hand())
    assert _of(got, "crossing")[0] == "open", got


@needs_weights
def test_what_cannot_be_read_stays_for_review(tmp_path, coder):
    # assigned, but no verb class, tense or cue the rules read: needs review, never a guess
    later = ("2026-04-20", "The Tumbes fishermen case was on the agenda of the Peruvian cabinet meeting on Friday, "
                           "officials said.")
    got = _story(tmp_path, coder, [*_PLEDGES, later], _hand())
    free = _of(got, "fishermen")
    assert free[0] == "open", got
    assert all(r == "needs_review" for r, n in free[1] if n.startswith("assigned")), got


@needs_weights
@pytest.mark.parametrize("order", [(0, 1, 2, 3), (3, 2, 1, 0)])
def test_incremental_equals_rebuild(tmp_path, coder, order):
    import gaiko

    arts = [*_PLEDGES,
            ("2026-04-20", "The Ecuadorian trawler crews walked out of the jail in Tumbes on Friday, Peruvian police "
                           "said."),
            ("2026-05-02", "Peru raised the excise tax on imported cigarettes on Friday, the finance ministry said.")]
    docs = [{"id": f"a{k}", "published": d, "source": f"Wire {k}", "text": t} for k, (d, t) in enumerate(arts)]
    from gaiko.types import Article

    with use(_hand()):
        store = gaiko.open(str(tmp_path / "inc.duckdb"))
        for k in order:  # one article at a time, each update incremental
            a = docs[k]
            coded = list(coder.code_articles([Article(text=a["text"], published=a["published"], source=a["source"])]))
            store.write_coded(coded, None)
            gaiko.tracking.update_ledger(store)
        inc = sorted((e["id"], e["status"], len(e["evidence"])) for e in gaiko.tracking.ledger(store))
        gaiko.tracking.update_ledger(store, full=True)
        full = sorted((e["id"], e["status"], len(e["evidence"])) for e in gaiko.tracking.ledger(store))
        store.close()
    assert inc == full
