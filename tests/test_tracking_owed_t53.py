"""Round t53 (newcomer b45's F5): a pledge to pay money it owes ("settle its outstanding dues to ...", "pay its
unpaid dues to ...") is kept by a report of the debt paid in other words ("paid off its debt", "settled its dues",
"cleared its arrears"): tracking/owed.py, ``owed_words``/``debt_kin``/``debt_acts`` in pledges/money_verbs.yaml, the
repaying phrases in pledges/concepts.yaml. Look-alikes keep round t50's guard: new debt taken on, a debt the creditor
wrote off, another debtor's payment, and a money pledge that owes nothing. Our own storylines (invented bodies)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import one_entry, pledge_story_entries

_DONE = ("fulfilled", "partially_fulfilled", "in_progress")

_SETTLE = ("LUSAKA — Zambia's government pledged on Monday to settle its outstanding dues to the Lake Basin Commission "
           "by June.")
_LAKE = "LUSAKA — Zambia's government pledged on Monday to pay its unpaid dues to the Lake Basin Commission by June."
_RAIL = ("ROME — Italy pledged on Monday to pay 300 million euros towards the rebuilding of Moldova's rail network by "
         "2027.")

_READ = [
    (_SETTLE, "Zambia has paid off its debt to the Lake Basin Commission, the commission said on Friday.", "settle"),
    (_LAKE, "Zambia has settled its dues to the Lake Basin Commission, the commission said on Friday.", "pay"),
    (_LAKE, "Zambia has cleared its arrears to the Lake Basin Commission, the commission said on Friday.", "pay"),
]


@pytest.mark.parametrize("pledge,report,verb", _READ)
def test_debt_paid_keeps_the_pledge(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert e["status"] in _DONE, (e["status"], e["status_reason"], e["evidence"])


_LOOKALIKES = [
    (_SETTLE, "Zambia took on new debt from the Lake Basin Commission on Thursday, the commission said.", "settle"),
    (_SETTLE, "The Lake Basin Commission wrote off part of Zambia's debt on Friday, the commission said.", "settle"),
    (_SETTLE, "Malawi has paid off its debt to the Lake Basin Commission, the commission said on Friday.", "settle"),
    (_LAKE, "The Lake Basin Commission said on Friday that Zambia's unpaid dues had grown to $40 million.", "pay"),
    # a sum owed to nobody: another debt paid is no report on it ("a loan may be another debt", round t50)
    (_RAIL, "Italy has paid off its debt to the World Bank, the treasury said on Friday.", "pay"),
]


@pytest.mark.parametrize("pledge,report,verb", _LOOKALIKES)
def test_debt_lookalikes_keep_nothing(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = one_entry(pledge_story_entries(tmp_path, coder, pledge, [report]), verb)
    assert e["status"] not in ("fulfilled", "partially_fulfilled"), (e["status"], e["status_reason"], e["evidence"])


def test_owed_reads_the_sum_owed() -> None:
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.normalise import frame, prepare
    from gaiko.tracking.owed import debt_needs, owed

    lex = lexicon()

    def f(action: str):
        return frame([prepare({"action": action, "object": "", "actor": {"country": "ZMB"}, "kind": "promise",
                               "article_id": "a", "sentence_index": 0, "published": "2026-01-05"}, lex)], lex)

    dues = f("pay its unpaid dues to the Lake Basin Commission")
    assert owed(dues)
    kin, needs = debt_needs(dues)
    assert {"o:debt", "dues", "a:repay"} <= kin and "lake" in needs
    assert not owed(f("pay 300 million euros towards the rail network"))
    assert debt_needs(f("pay 300 million euros towards the rail network")) == (frozenset(), [])
