"""Round t51: a later report the relation model read as a deed, not taken over a withdrawn or broken status (the
model's guess does not undo what a report said outright), flags the ledger entry ``needs_review`` and is named in its
status reason (gaiko/tracking/overruled.py; docs/pledges.md, *Status*)."""

from __future__ import annotations


def _ev(day: str, rel: str, art: str, sentence: str, note: str | None = None) -> dict:
    return {"published": day, "relation": rel, "article_id": art, "sentence_index": 0, "sentence": sentence,
            "note": note, "role": rel, "event_id": None}


def _entry(found: list[dict]) -> dict:
    from types import SimpleNamespace

    from gaiko.tracking.status import entry

    mention = {"id": "p1", "article_id": "m", "sentence_index": 0, "published": "2026-02-02",
               "sentence": "Ghana pledged to open a consulate in Abidjan by September.",
               "actor": {"text": "Ghana", "country": "GHA"}, "action": "open a consulate in Abidjan",
               "event_type": "COOPERATE", "kind": "promise", "cue": "pledged", "deadline": None}
    return entry([mention], found, [], "2026-08-01", SimpleNamespace(topic=frozenset()))


def test_model_reading_not_taken_is_flagged() -> None:
    broke = _ev("2026-04-10", "reverses", "r1", "Ghana scrapped the consulate in Abidjan.", "cue: scrapped")
    later = _ev("2026-05-10", "fulfils", "r2", "The mission in Abidjan now works as a consulate.",
                "relation model 0.64 (rules: needs_review)")
    e = _entry([broke, later])
    assert e["status"] == "broken"  # the model's guess does not undo a reversal the rules read (as before)
    assert e["needs_review"] is True
    assert "relation model (2026-05-10) not taken over broken" in e["status_reason"]


def test_rule_readings_and_earlier_model_readings_are_not_flagged() -> None:
    early = _ev("2026-03-10", "progresses", "r0", "Work on the consulate began.", "relation model 0.7 (rules: needs_review)")
    broke = _ev("2026-04-10", "reverses", "r1", "Ghana scrapped the consulate in Abidjan.", "cue: scrapped")
    e = _entry([early, broke])
    assert (e["status"], e["needs_review"]) == ("broken", False)
    assert "relation model" not in e["status_reason"]
    # a deed the rules read moves the status, as before: nothing to flag
    done = _ev("2026-05-10", "fulfils", "r2", "Ghana opened the consulate in Abidjan.", "cue: opened")
    e = _entry([broke, done])
    assert (e["status"], e["needs_review"]) == ("fulfilled", False)
