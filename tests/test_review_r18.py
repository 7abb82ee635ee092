"""Review r18 of round n40: the note of an empty result named a lower-case country name of six letters ("canada",
"israel") a country code to be written in capitals ("write CANADA"), as if it were a code and a sector
("chlgov"). A six-letter word is a code only when its last three letters are a sector."""

from __future__ import annotations

from pathlib import Path

from test_newcomer_n40 import story  # noqa: F401  (the fixture: a Chile-Peru store of our own sentences)


def test_a_lower_case_country_name_is_no_code(cli, story: Path) -> None:  # noqa: F811
    code, out, err = cli("events", "--db", story, "--source", "canada")
    assert code in (0, None) and "0 event clusters" in out
    assert "write CANADA" not in err, err
    assert "note: source canada: no event of this store has such an actor as its source" in err, err


def test_a_lower_case_code_with_a_sector_is_still_named(cli, story: Path) -> None:  # noqa: F811
    code, _out, err = cli("events", "--db", story, "--source", "pergov")
    assert "note: source pergov is read as part of an actor's name" in err and "write PERGOV" in err, err
