"""Round t59 (issue 14), kind C: "rate" after a percentage, in a sentence about goods or a country's trade, is a tariff
word. Our own sentences (real country names, invented rates and dates), with look-alikes.

"The 45% rate has applied since September 1 to Vietnamese furniture, shoes and shrimp" for a pledge to impose an
extra duty on Vietnamese goods, "Colombian flowers, coffee and bananas have paid the 40% rate since August 3" for a
40% tariff on Colombian goods: "rate" was no word of the tariff concept, so such a report named no object of the
pledge and was never linked; the pledge stayed open or overdue. Now "rate" right after a percentage is read as the
tariff (gaiko/tracking/ratetariff.py, pledges/rate_tariff.yaml). Look-alikes: an interest rate, a rate of goods a
day, the rate paid by another partner's goods, a sentence about banks or loans.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries


def _arts(texts: list[tuple[str, str]]) -> list[dict]:
    return [{"id": f"a{k}", "published": day, "source": "Wire", "text": text} for k, (day, text) in enumerate(texts)]


def _show(entries: list[dict]) -> list[tuple]:
    return [(e["actor"].get("country"), e["action"], e["status"],
             [(x.get("relation"), x.get("note")) for x in e["evidence"] if x["role"] != "made"]) for e in entries]


VIETNAM = ("The United States will impose an extra 25% duty on Vietnamese goods from September 1, the White House "
           "said.")
COLOMBIA = "The United States will impose a 40% tariff on Colombian goods from August 1, the White House said."


@pytest.mark.parametrize("pledge,day,report", [
    (VIETNAM, "2026-09-10", "The 45% rate has applied since September 1 to Vietnamese furniture, shoes and shrimp, "
                            "customs data show."),
    (COLOMBIA, "2026-08-10", "Colombian flowers, coffee and bananas have paid the 40% rate since August 3, importers "
                             "said."),
    (COLOMBIA, "2026-08-10", "Importers of Colombian coffee have paid a 40 per cent rate since August 3, traders "
                             "said."),
])
def test_c_the_rate_charged_is_the_tariff(tmp_path: Path, coder, pledge: str, day: str, report: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-07-10", pledge), (day, report)]))
    mine = [e for e in entries if e["action"].startswith("impose")]
    assert mine and all(e["status"] == "fulfilled" for e in mine), _show(entries)


@pytest.mark.parametrize("report", [
    "Colombia's central bank held its 9% interest rate on Thursday, citing inflation.",
    "Peruvian coffee and flowers have paid the 40% rate since August 3, importers said.",
])
def test_c_look_alikes_are_not_the_tariff(tmp_path: Path, coder, report: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-07-10", COLOMBIA), ("2026-08-10", report)]))
    mine = [e for e in entries if e["action"].startswith("impose")]
    assert mine and all(e["status"] != "fulfilled" for e in mine), _show(entries)


def _tariff_at(text: str) -> list[str]:
    from gaiko.tracking.text import tokens_hits

    toks, found = tokens_hits(text)
    return [toks[h.i].text for h in found if h.concept == "o:tariff"]


def test_c_rate_hits() -> None:
    assert _tariff_at("The 45% rate has applied since September 1 to Vietnamese shoes.") == ["rate"]
    assert _tariff_at("Carmakers now pay the lower 15% rate on vehicles.") == ["rate"]
    assert _tariff_at("Brazilian beef has paid the 25% reciprocal rate since May.") == ["rate"]
    assert _tariff_at("Indian shrimp pays the 50 per cent rate.") == ["rate"]
    for text in ("Colombia's central bank held its 9% interest rate.",
                 "Israel let in aid lorries at a rate of 600 a day.",
                 "Kenyan exports grew at a 5% rate of growth last year.",
                 "Chinese banks charge a 7% rate on the loans to Zambia.",
                 "The rate on Indian shrimp has applied since August.",
                 "Mexican voters gave the president a 60% approval rate."):
        assert _tariff_at(text) == [], text
