"""A threat to block something, then the block reported as a veto: the threat carried out (fulfilled), not a
contrary act (broken). Our own storylines (newcomer round n30 found the kind)."""

from __future__ import annotations

from pathlib import Path

from helpers import ledger_statuses


def test_a_threatened_block_carried_out_by_a_veto_is_fulfilled(coder, tmp_path: Path) -> None:
    got = ledger_statuses(tmp_path, coder, [
        {"id": "a1", "published": "2026-03-02", "source": "Wire A",
         "text": "Slovakia threatened on Monday to block the European Union's new loan package for Moldova unless "
                 "Brussels changed the gas transit rules."},
        {"id": "a2", "published": "2026-03-30", "source": "Wire B",
         "text": "Slovakia vetoed the European Union's new loan package for Moldova at a meeting of finance ministers "
                 "in Brussels on Monday."},
    ])
    blocks = [s for a, s in got.items() if a.startswith("block")]
    assert blocks == ["fulfilled"], got


def test_a_pledge_to_fund_is_still_undone_by_the_pledgers_own_veto(coder, tmp_path: Path) -> None:
    # the look-alike the other way: a promise to release money, then the same government blocking it
    got = ledger_statuses(tmp_path, coder, [
        {"id": "b1", "published": "2026-03-02", "source": "Wire A",
         "text": "Slovakia pledged on Monday to release its share of the European Union's loan package for Moldova "
                 "by the end of March."},
        {"id": "b2", "published": "2026-03-30", "source": "Wire B",
         "text": "Slovakia vetoed the European Union's loan package for Moldova at a meeting of finance ministers in "
                 "Brussels on Monday."},
    ])
    assert "fulfilled" not in got.values(), got
