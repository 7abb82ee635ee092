"""Round t52, kind F4 (newcomer round b46): a later report that the act is not done (``stalls``: "officials said
Turkey had not paid any of the $100 million") does not move a fulfilled pledge (docs/pledges.md, *Status*: a stall
moves only an open, in-progress or stalled pledge, and a denial of the deed is no contrary act or refusal, so not
broken), but it was dropped without a word: the entry is now flagged ``needs_review`` and its reason names it
(gaiko/tracking/overruled.py)."""

from __future__ import annotations

from pathlib import Path

from helpers import one_entry, pledge_story_entries


def _ev(day: str, rel: str, art: str, sentence: str, note: str | None = None) -> dict:
    return {"published": day, "relation": rel, "article_id": art, "sentence_index": 0, "sentence": sentence,
            "note": note, "role": rel, "event_id": None}


def _entry(found: list[dict]) -> dict:
    from types import SimpleNamespace

    from gaiko.tracking.status import entry

    mention = {"id": "p1", "article_id": "m", "sentence_index": 0, "published": "2026-02-02",
               "sentence": "Turkey pledged to pay $100 million to the fund by June.",
               "actor": {"text": "Turkey", "country": "TUR"}, "action": "pay $100 million to the fund",
               "event_type": "AID", "kind": "promise", "cue": "pledged", "deadline": None}
    return entry([mention], found, [], "2026-08-01", SimpleNamespace(topic=frozenset()))


def test_denial_after_fulfilled_is_flagged() -> None:
    paid = _ev("2026-04-10", "fulfils", "r1", "Turkey has paid the $100 million to the fund.", "cue: paid")
    denied = _ev("2026-05-10", "stalls", "r2", "Officials said Turkey had not paid any of the $100 million.",
                 "cue: not paid")
    e = _entry([paid, denied])
    assert e["status"] == "fulfilled"  # a stall does not move a fulfilled pledge (as before)
    assert e["needs_review"] is True
    assert "1 later report read stalls (2026-05-10) not taken over fulfilled: check" in e["status_reason"]
    assert "relation model" not in e["status_reason"]


def test_stall_before_the_deed_is_not_flagged() -> None:
    late = _ev("2026-03-10", "stalls", "r0", "Turkey has not yet paid the $100 million.", "cue: not paid")
    paid = _ev("2026-04-10", "fulfils", "r1", "Turkey has paid the $100 million to the fund.", "cue: paid")
    e = _entry([late, paid])
    assert (e["status"], e["needs_review"]) == ("fulfilled", False)
    # a stall over a broken pledge says the same thing: nothing to flag
    broke = _ev("2026-04-10", "reverses", "r1", "Turkey refused to pay the $100 million.", "cue: refused")
    e = _entry([broke, dict(late, published="2026-05-10")])
    assert (e["status"], e["needs_review"]) == ("broken", False)


def test_another_sides_denial_is_not_flagged(tmp_path: Path, coder) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, "ANKARA — Turkey pledged on Monday to pay $100 million to the "
                                       "reconstruction fund by June.", [
        "Turkey has paid the $100 million to the reconstruction fund, the fund said.",
        "Officials said Greece had not paid any of its $50 million to the reconstruction fund."]), "pay")
    assert (e["status"], e["needs_review"]) == ("fulfilled", False), e["evidence"]
    (tmp_path / "b").mkdir()
    e = one_entry(pledge_story_entries(tmp_path / "b", coder, "ANKARA — Turkey pledged on Monday to pay $100 million to "
                                       "the reconstruction fund by June.", [
        "Turkey has paid the $100 million to the reconstruction fund, the fund said.",
        "Officials said Turkey had not paid any of the $100 million to the reconstruction fund."]), "pay")
    assert (e["status"], e["needs_review"]) == ("fulfilled", True), e["evidence"]
    assert "read stalls" in e["status_reason"]
