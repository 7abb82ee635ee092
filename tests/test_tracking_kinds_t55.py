"""Round t55 (issue 14, b47's F4 and F1): one report taken for the wrong pledge. Our own sentences, with look-alikes.

J. A coordinated subject ("Nairobi and Dodoma have put off ...", "the governments of Kenya and Tanzania have deferred
   ...") is each party's act: both rows of a joint pledge read it, not only the party named closest to the verb
   (gaiko/tracking/coordsubject.py, via clausememo.subject_for). One party acting alone, or named apart, does not move
   the other party's row, nor does a coordinated subject with a third party ("Kenya and Uganda began joint patrols").
"""

from __future__ import annotations

from pathlib import Path

from helpers import pledge_story_entries


def _rows(tmp_path: Path, coder, pledge: str, reports: list[str]) -> dict[str, dict]:
    """The ledger's entries by actor country (one row per party of a joint pledge)."""
    return {e["actor"]["country"]: e for e in pledge_story_entries(tmp_path, coder, pledge, reports)}


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
    text = "Ghana said Togo had postponed the drills"
    toks = analyse(text)[0]
    k = next(n for n, t in enumerate(toks) if t.text == "had")
    assert subject_chain(Report(text=text, published="2026-05-01"), toks, 0, k, "TGO", lex) == ("TGO",)
