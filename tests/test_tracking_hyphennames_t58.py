"""Round t58 (issue 14): a route named by its two ends joined with a hyphen. Our own sentences (real towns, invented
services), with look-alikes.

H. "restore the Shymkent-Taraz train service" and "Kazakh trains between Shymkent and Taraz ran again", "finish a
   500-kilovolt line from Itaugua to the Caacupe substation" and "the Itaugua-Caacupe line": the hyphenated word was
   keyed only whole, so the report shared no key of the pledge's places and was never linked (or was read as naming
   another object of the same noun). Each capitalised part is now keyed too (gaiko/tracking/hyphennames.py, from
   text.keys and choose's clause stems; pledges/hyphen_names.yaml). Look-alikes: a service between two other towns,
   lower-case compounds ("long-range"), parts that are countries or their adjectives ("American-Armenian").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries


def _arts(texts: list[tuple[str, str]]) -> list[dict]:
    return [{"id": f"a{k}", "published": day, "source": "Wire", "text": text} for k, (day, text) in enumerate(texts)]


def _linked(entries: list[dict], verb: str) -> list[str]:
    return [x["sentence"] for e in entries if e["action"].startswith(verb) for x in e["evidence"] if x["role"] != "made"]


SHYMKENT = "Kazakhstan will restore the Shymkent-Taraz train service by June, the transport ministry said."


@pytest.mark.parametrize("pledge,report,verb", [
    (SHYMKENT, "Kazakh trains between Shymkent and Taraz ran again on Saturday for the first time since 2020, the "
               "transport ministry said.", "restore"),
    ("Paraguay will finish a 500-kilovolt line from Itaugua to the Caacupe substation by 2027, the utility's chairman "
     "said.", "All 180 towers of Paraguay's Itaugua-Caacupe line were standing, the utility said.", "finish"),
    ("Moldova will finish its own 400-kilovolt line from Ungheni to Orhei by 2027, the energy minister said.",
     "Pylons for the Ungheni-Orhei line now stand along about two-thirds of the route, the energy ministry said.",
     "finish"),
])
def test_h_the_route_named_by_its_ends_is_linked(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", pledge), ("2026-05-20", report)]))
    assert _linked(entries, verb), [(e["action"], e["status"]) for e in entries]


@pytest.mark.parametrize("report", [
    "Kazakh trains between Almaty and Astana ran again on Saturday, the transport ministry said.",
    "Kazakhstan finished the Aktobe-Kandyagash line on Monday, the transport ministry said.",
])
def test_h_another_route_is_not_linked(tmp_path: Path, coder, report: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-03-02", SHYMKENT), ("2026-05-20", report)]))
    assert not _linked(entries, "restore"), [(e["action"], e["status"]) for e in entries]


def test_h_unit_keys() -> None:
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.text import keys

    lex = lexicon()
    assert {"shymkent", "taraz"} <= keys("the Shymkent-Taraz train service", lex)
    assert keys("a long-range missile", lex) == keys("a long-range missile", lex) - {"long", "rang"}
    assert not {"american", "armenian"} & keys("an American-Armenian joint venture", lex)
