"""Part of a promised count written with a thousands separator ("400 of the 1,000 officers") is part, not all:
the count after "of" was read as "1", so the deed read as the whole pledge kept (newcomer round n31 found the kind).
Our own storylines."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_statuses


@pytest.mark.parametrize("report, late, expected", [
    ("Rwanda has sent 1,200 of the 2,500 soldiers it promised to the Central African Republic, its army said.",
     False, "in_progress"),
    ("Rwanda had sent only 1,200 of its promised 2,500 soldiers to the Central African Republic by the deadline.",
     True, "partially_fulfilled"),
    ("Rwanda has sent all 2,500 soldiers it promised to the Central African Republic, its army said.",
     False, "fulfilled"),
])
def test_part_of_a_count_with_thousands(coder, tmp_path: Path, report: str, late: bool, expected: str) -> None:
    got = ledger_statuses(tmp_path, coder, [
        {"id": "r1", "published": "2026-02-02", "source": "Wire A",
         "text": "Rwanda pledged on Monday to send 2,500 soldiers to the Central African Republic by the end of May."},
        {"id": "r2", "published": "2026-07-10" if late else "2026-04-10", "source": "Wire B", "text": report},
    ])
    sends = [s for a, s in got.items() if a.startswith("send")]
    assert sends == [expected], got


def test_the_fraction_reads_thousands_and_promised() -> None:
    from gaiko.tracking.amounts import _FRACTION, _num

    for text, part in (("400 of the 1,000 police officers", True), ("2 of the promised 10 ships", True),
                       ("1,200 of the 1,000 troops", False), ("one of the two batteries", True)):
        m = _FRACTION.search(text)
        assert m is not None and (_num(m.group(1)) < _num(m.group(2))) is part, text
