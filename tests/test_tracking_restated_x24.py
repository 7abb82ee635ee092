"""Round x24 (newcomer b47's F7): a pledge told again the next day by another outlet in other words is the same
ledger entry (its mention `restated`), not a second entry (gaiko/tracking/restated.py, from link.group_mentions).
Our own storylines (invented threats and handovers). Look-alikes that must stay separate entries: another target,
another amount, another deadline, another act on the same people."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries

_THREAT = ("BEIJING — China threatened on Monday to impose sanctions on Philippine officials if Manila went ahead with "
           "joint drills near the shoal.")
_VESSELS = ("TOKYO — Japan will provide five patrol vessels to the Philippines by the end of 2026, Japan's defence "
            "minister said on Monday.")


def _story(tmp_path: Path, coder, first: str, second: str) -> list[dict]:
    return ledger_entries(tmp_path, coder, [
        {"id": "a1", "published": "2026-03-02", "source": "Wire A", "text": first},
        {"id": "a2", "published": "2026-03-03", "source": "Wire B", "text": second}])


RETOLD = [
    (_THREAT, "MANILA — China warned on Tuesday that it would sanction Philippine officials if the drills went ahead, "
              "the Chinese foreign ministry said."),
    (_VESSELS, "MANILA — Tokyo pledged on Tuesday to hand five patrol boats to Manila by the end of 2026."),
]


@pytest.mark.parametrize("first,second", RETOLD)
def test_next_day_retelling_is_one_entry(tmp_path: Path, coder, first: str, second: str) -> None:
    entries = _story(tmp_path, coder, first, second)
    assert len(entries) == 1, [(e["action"], e["status"]) for e in entries]
    roles = sorted(x["role"] for x in entries[0]["evidence"])
    assert roles == ["made", "restated"], entries[0]["evidence"]


APART = [
    (_VESSELS, "HANOI — Tokyo pledged on Tuesday to hand five patrol boats to Vietnam by the end of 2026."),  # target
    (_VESSELS, "MANILA — Tokyo pledged on Tuesday to hand eight patrol boats to Manila by the end of 2026."),  # amount
    (_VESSELS, "MANILA — Tokyo pledged on Tuesday to hand five patrol boats to Manila by the end of 2027."),  # deadline
    (_THREAT, "HANOI — China warned on Tuesday that it would sanction Vietnamese officials if the drills went ahead, "
              "the Chinese foreign ministry said."),  # another target
    (_THREAT, "MANILA — China said on Tuesday that it would invite Philippine officials to talks in Beijing, the "
              "Chinese foreign ministry said."),  # another act on the same people
]


@pytest.mark.parametrize("first,second", APART)
def test_look_alikes_stay_two_entries(tmp_path: Path, coder, first: str, second: str) -> None:
    entries = _story(tmp_path, coder, first, second)
    assert len(entries) == 2, [(e["action"], e["status"]) for e in entries]


def test_words_leave_out_countries_and_numbers() -> None:
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.restated import _words

    lex = lexicon()
    assert _words({"object": "five patrol vessels to the Philippines"}, lex) == {"patrol", "vessel"}
    assert _words({"object": "Philippine officials"}, lex) == {"official"}
