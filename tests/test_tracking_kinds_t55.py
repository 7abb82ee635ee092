"""Round t55 (issue 14, b47's F4 and F1): one report taken for the wrong pledge. Our own sentences, with look-alikes.

J. A coordinated subject ("Nairobi and Dodoma have put off ...", "the governments of Kenya and Tanzania have deferred
   ...") is each party's act: both rows of a joint pledge read it, not only the party named closest to the verb
   (gaiko/tracking/coordsubject.py, via clausememo.subject_for). One party acting alone, or named apart, does not move
   the other party's row, nor does a coordinated subject with a third party ("Kenya and Uganda began joint patrols").
O. A report whose verb governs another pledge of the actor ("dropped its threat of tariffs", "abandoned its plan to
   impose duties") decides that pledge, not an agreement sharing its topic; "withdrew its threat of duties" withdraws
   the threat (gaiko/tracking/otherpledge.py, pledges/other_pledge.yaml). "Dropped the tariffs" and a threat carried
   out keep their readings.
"""

from __future__ import annotations

from pathlib import Path

from helpers import pledge_story_entries


def _rows(tmp_path: Path, coder, pledge: str, reports: list[str]) -> dict[str, dict]:
    """The ledger's entries by actor country (one row per party of a joint pledge)."""
    return {e["actor"]["country"]: e for e in pledge_story_entries(tmp_path, coder, pledge, reports)}


def _one(tmp_path: Path, coder, pledge: str, reports: list[str]) -> dict:
    entries = pledge_story_entries(tmp_path, coder, pledge, reports)
    assert len(entries) == 1, [(e["action"], e["status"]) for e in entries]
    return entries[0]


# -- J: a coordinated subject is each party's act ---------------------------------------------------------------------

_PATROLS = "Kenya and Tanzania agreed on Monday to hold joint border patrols along Lake Victoria by June."


def test_capitals_put_off_withdraws_both_rows(tmp_path: Path, coder) -> None:
    rows = _rows(tmp_path, coder, _PATROLS,
                 ["Nairobi and Dodoma have put off their joint border patrols until next year, officials said."])
    assert set(rows) == {"KEN", "TZA"}, rows
    assert {k: e["status"] for k, e in rows.items()} == {"KEN": "withdrawn", "TZA": "withdrawn"}, \
        {k: (e["status"], e["evidence"]) for k, e in rows.items()}


def test_governments_of_both_deferred_withdraws_both_rows(tmp_path: Path, coder) -> None:
    rows = _rows(tmp_path, coder, _PATROLS,
                 ["The governments of Kenya and Tanzania have deferred the joint border patrols, officials said."])
    assert {k: e["status"] for k, e in rows.items()} == {"KEN": "withdrawn", "TZA": "withdrawn"}, \
        {k: (e["status"], e["evidence"]) for k, e in rows.items()}


def test_one_actor_naming_both_withdraws_both_rows(tmp_path: Path, coder) -> None:
    rows = _rows(tmp_path, coder, _PATROLS,
                 ["Kenyan and Tanzanian officials have put off the joint border patrols until next year."])
    assert {k: e["status"] for k, e in rows.items()} == {"KEN": "withdrawn", "TZA": "withdrawn"}, \
        {k: (e["status"], e["evidence"]) for k, e in rows.items()}


def test_both_held_fulfils_both_rows(tmp_path: Path, coder) -> None:
    rows = _rows(tmp_path, coder, _PATROLS,
                 ["Kenya and Tanzania held their first joint border patrols along Lake Victoria on Tuesday."])
    assert {k: e["status"] for k, e in rows.items()} == {"KEN": "fulfilled", "TZA": "fulfilled"}, \
        {k: (e["status"], e["evidence"]) for k, e in rows.items()}


def test_with_a_third_party_is_another_act(tmp_path: Path, coder) -> None:
    rows = _rows(tmp_path, coder, _PATROLS,
                 ["Kenya and Uganda began joint border patrols along Lake Albert on Tuesday."])
    assert rows["KEN"]["status"] not in ("fulfilled", "in_progress"), rows["KEN"]["evidence"]


def test_one_party_alone_leaves_the_other_row(tmp_path: Path, coder) -> None:
    rows = _rows(tmp_path, coder, _PATROLS,
                 ["Dodoma has put off the joint border patrols until next year, officials said."])
    assert rows["TZA"]["status"] == "withdrawn", rows["TZA"]["evidence"]
    assert rows["KEN"]["status"] != "withdrawn", rows["KEN"]["evidence"]


def test_named_apart_is_no_coordination(tmp_path: Path, coder) -> None:
    rows = _rows(tmp_path, coder, _PATROLS,
                 ["Kenya said Tanzania had put off the joint border patrols until next year."])
    assert rows["KEN"]["status"] != "withdrawn", rows["KEN"]["evidence"]


def test_subject_chain_unit() -> None:
    from gaiko.tracking.clausegrammar import Report
    from gaiko.tracking.coordsubject import pledger_in, subject_chain
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.text import analyse

    lex = lexicon()
    text = "Ghana and Togo have postponed the drills"
    toks = analyse(text)[0]
    k = next(n for n, t in enumerate(toks) if t.text == "have")
    chain = subject_chain(Report(text=text, published="2026-05-01"), toks, 0, k, "TGO", lex)
    assert chain == ("GHA", "TGO")
    assert pledger_in(chain, "GHA", frozenset({"TGO"})) == "GHA" and pledger_in(chain, "TGO", frozenset({"GHA"})) == "TGO"
    assert pledger_in(chain, "BEN", frozenset({"GHA"})) == "TGO"
    assert pledger_in(chain, "GHA") == "TGO"  # Togo is no partner of this pledge: Ghana acts with another side
    text = "Negotiators from Addis Ababa and Nairobi held their first round of talks"  # a capital of two words
    toks = analyse(text)[0]
    k = next(n for n, t in enumerate(toks) if t.text == "held")
    assert subject_chain(Report(text=text, published="2026-05-01"), toks, 0, k, "KEN", lex) == ("ETH", "KEN")
    text = "Ghana said Togo had postponed the drills"
    toks = analyse(text)[0]
    k = next(n for n, t in enumerate(toks) if t.text == "had")
    assert subject_chain(Report(text=text, published="2026-05-01"), toks, 0, k, "TGO", lex) == ("TGO",)


# -- O: a report about another pledge of the same actor ---------------------------------------------------------------

_EXEMPT = "SEOUL — Japan agreed on Monday to exempt South Korean steel from new anti-dumping duties by June."
_THREAT = "SEOUL — Japan threatened on Monday to impose anti-dumping duties of 20% on South Korean steel."


def test_dropped_threat_is_no_deed_of_the_agreement(tmp_path: Path, coder) -> None:
    e = _one(tmp_path, coder, _EXEMPT, ["Japan said on Friday it had dropped its threat of tariffs on South Korean steel."])
    assert e["status"] != "fulfilled", (e["status"], e["evidence"])


def test_abandoned_plan_to_impose_is_no_breach_of_the_agreement(tmp_path: Path, coder) -> None:
    e = _one(tmp_path, coder, _EXEMPT,
             ["Japan said on Friday it had abandoned its plan to impose tariffs on South Korean steel."])
    assert e["status"] != "broken", (e["status"], e["evidence"])


def test_withdrew_its_threat_withdraws_the_threat(tmp_path: Path, coder) -> None:
    e = _one(tmp_path, coder, _THREAT, ["Japan withdrew its threat of anti-dumping duties on South Korean steel on Friday."])
    assert e["status"] == "withdrawn", (e["status"], e["evidence"])


def test_threat_carried_out_stays_fulfilled(tmp_path: Path, coder) -> None:
    e = _one(tmp_path, coder, _THREAT, ["Japan carried out its threat and imposed duties on South Korean steel on Friday."])
    assert e["status"] == "fulfilled", (e["status"], e["evidence"])


def test_dropped_the_tariffs_still_fulfils_a_cut(tmp_path: Path, coder) -> None:
    e = _one(tmp_path, coder, "SEOUL — Japan agreed on Monday to cut tariffs on South Korean steel by June.",
             ["Japan said on Friday it had dropped the tariffs on South Korean steel."])
    assert e["status"] == "fulfilled", (e["status"], e["evidence"])


def test_exemption_done_beside_a_threat_noun_stays_fulfilled(tmp_path: Path, coder) -> None:
    for n, report in enumerate(("Japan exempted South Korean steel from the duties on Friday, ending the threat of tariffs.",
                   "Under the threat of tariffs, Japan exempted South Korean steel from the duties on Friday.")):
        (tmp_path / f"r{n}").mkdir()
        e = _one(tmp_path / f"r{n}", coder, _EXEMPT, [report])
        assert e["status"] == "fulfilled", (report, e["status"], e["evidence"])


def test_the_pledge_told_in_other_words_keeps_its_reading(tmp_path: Path, coder) -> None:
    e = _one(tmp_path, coder, "TOKYO — South Korea pledged on Monday to notify Japan of artillery drills near the "
             "islands ten days in advance.",
             ["Seoul repeated its pledge to give ten days' notice of artillery drills near the islands on Friday."])
    assert e["status"] != "withdrawn" and any(ev.get("relation") == "restates" for ev in e["evidence"]), e["evidence"]


def test_shelved_plan_to_lift_the_duty_withdraws_a_threat_to_raise_it(tmp_path: Path, coder) -> None:
    e = _one(tmp_path, coder, "SEOUL — Japan threatened on Monday to raise the duty on South Korean steel to 40% by June.",
             ["Tokyo has shelved its plan to lift the duty to 40%, officials said."])
    assert e["status"] == "withdrawn", (e["status"], e["evidence"])
