"""Round t48: a report that shares with the pledge only a proper name of its object ("the Varnak refinery", "Stadtler
locomotives", "the ICSID claim") and not the object's head noun is retrieved and read (gaiko/tracking/namekeys.py,
words in pledges/name_keys.yaml); another side's act at the same named thing, and other news of the named place,
stay out. Our own storylines (invented refinery, maker and mine names)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import one_entry, pledge_story_entries

_DONE = ("fulfilled", "partially_fulfilled", "in_progress")

_VARNAK = "SOFIA — Bulgaria's government pledged on Monday to take control of the Varnak refinery from its Russian owner."
_STADTLER = ("TASHKENT — Uzbekistan promised on Monday to buy up to 200 locomotives from Stadtler in a deal worth "
             "$1 billion.")
_ICSID = ("HARARE — Zimbabwe pledged on Monday to drop its claim at the arbitration centre ICSID against the mining "
          "firm Karoo.")

_NAMED = [
    (_VARNAK, "Bulgaria's special manager took charge of the Varnak refinery on Tuesday.", "take", "fulfilled"),
    (_STADTLER, "The first 40 Stadtler locomotives for Uzbekistan's state railway have been assembled, Uzbek officials "
                "said.", "buy", "in_progress"),
    (_ICSID, "Zimbabwe withdrew its case at ICSID against Karoo on Friday.", "drop", "fulfilled"),
]


@pytest.mark.parametrize("pledge,report,verb,status", _NAMED)
def test_report_naming_the_object_by_its_name_is_read(tmp_path: Path, coder, pledge: str, report: str, verb: str,
                                                      status: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert e["status"] == status, (e["status"], e["status_reason"], e["evidence"])


_LOOKALIKES = [
    # other news of the named place, no act of the pledge's
    (_VARNAK, "The special manager at Varnak signed a deal on Tuesday to bring Kazakh crude through the port.", "take"),
    # another country's act at the same named thing
    (_VARNAK, "Romania's government took charge of the Varnak refinery's fuel depot in Constanta on Tuesday.", "take"),
    (_STADTLER, "Kazakhstan bought 30 Stadtler locomotives for its own railway in June.", "buy"),
]


@pytest.mark.parametrize("pledge,report,verb", _LOOKALIKES)
def test_same_name_in_another_matter_stays_out(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert e["status"] not in _DONE, (e["status"], e["status_reason"], e["evidence"])


def test_name_keys_are_the_objects_own_names() -> None:
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.namekeys import name_keys

    lex = lexicon()
    topic = frozenset({"varnak", "refinery", "control", "national", "security", "advis"})
    got = name_keys([{"object": "the Varnak refinery of the National Security Adviser in Bulgaria"}], topic, lex)
    assert got == {"varnak"}
    # the action stands for a missing object; a country is a side, never a name key
    assert name_keys([{"action": "take control of the Varnak refinery in Romania"}], topic | {"romania"}, lex) == {"varnak"}
    assert name_keys([{"object": "the refinery"}], topic, lex) == frozenset()
