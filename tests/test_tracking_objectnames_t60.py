"""Round t60 (issue 14), kind C: the proper names of a pledge's object keep their keys beside a concept head. Our own
sentences (invented stations, companies and ships, real country names), with look-alikes.

"lend the Voronet power station €30 million" is keyed by its head concept (a loan) alone, so "Brussels has shelved the
loan it offered for the Voronet station" was found only by the loan; "clear its arrears to Tewari Energy" (a debt), so
"Bangladesh said it had paid off Tewari in full" shared no key with it and was never read. The object's names
(round t48's, gaiko/tracking/namekeys.py) are now topic keys of such a pledge (gaiko/tracking/objectnames.py,
pledges/object_names.yaml). Look-alikes: another station's name, a name that is a common noun ("the Red Sea").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries


def _on() -> bool:
    from gaiko.tables import word_sets

    return "true" in word_sets("pledges/object_names.yaml")["enabled"]


#: kind C is switched off in session 52 (pledges/object_names.yaml: round t58's Amdalai look-alike); its kind tests
#: run when it is switched on, the look-alikes always
needs_on = pytest.mark.skipif(not _on(), reason="kind C switched off in pledges/object_names.yaml")


def _arts(texts: list[tuple[str, str]]) -> list[dict]:
    return [{"id": f"a{k}", "published": day, "source": "Wire", "text": text} for k, (day, text) in enumerate(texts)]


def _show(entries: list[dict]) -> list[tuple]:
    return [(e["actor"].get("country"), e["action"], e["status"],
             [(x.get("relation"), x.get("note")) for x in e["evidence"] if x["role"] != "made"]) for e in entries]


VORONET = "The European Union will lend the Voronet power station €30 million for spare parts by June, the Commission said."
TEWARI = "Bangladesh will clear its arrears to Tewari Energy by June, the finance ministry said."


@needs_on
@pytest.mark.parametrize("pledge,report,verb,status", [
    (VORONET, "Brussels has shelved the loan it offered for the Voronet station after inspectors found missing "
              "equipment.", "lend", "withdrawn"),
    (TEWARI, "Bangladesh said it had paid off Tewari in full at the end of April.", "clear", "fulfilled"),
])
def test_c_a_report_naming_the_object_by_its_name_is_read(tmp_path: Path, coder, pledge: str, report: str, verb: str,
                                                          status: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-01-10", pledge), ("2026-05-20", report)]))
    mine = [e for e in entries if e["action"].startswith(verb)]
    assert mine and all(e["status"] == status for e in mine), _show(entries)


@pytest.mark.parametrize("pledge,report,verb", [
    (VORONET, "Brussels has shelved the loan it offered for the Cernavoda station after inspectors found missing "
              "equipment.", "lend"),
    ("The Houthis will no longer target British ships in the Red Sea, their spokesman said.",
     "Houthi forces sank two Liberian-flagged bulk carriers in the Red Sea this week.", "target"),
])
def test_c_look_alikes_stay_open(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-01-10", pledge), ("2026-05-20", report)]))
    mine = [e for e in entries if e["action"].startswith(verb)]
    assert mine and all(e["status"] == "open" for e in mine), _show(entries)


@needs_on
def test_c_object_names() -> None:
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.objectnames import object_names

    lex = lexicon()
    assert "voronet" in object_names([{"object": "the Voronet power station"}], lex)
    assert "tewari" in object_names([{"object": "its arrears to Tewari Energy"}], lex)
    assert not object_names([{"object": "American ships in the Red Sea"}], lex)  # a demonym, common nouns
    assert not object_names([{"object": "the National Security Adviser"}], lex)  # round t48's not_names
    assert not object_names([{"object": "the 30 Ecuadorian fishermen held in Tumbes"}], lex)  # where, not which
