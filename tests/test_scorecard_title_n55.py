"""Round n55, kind 5 (a newcomer's try): the scorecard's title counted "(1 actors)" for a store whose pledges are all
one actor's; now "(1 actor)", and "(2 actors)" as before for more (the look-alike). The articles were written for
this test (a Ghanaian school pledge, a Togolese road pledge)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ONE = {"id": "n55-sc1", "source": "Volta Post", "published": "2026-05-04",
       "text": "Ghana promised to build 40 schools in northern Togo by the end of June."}
TWO = {"id": "n55-sc2", "source": "Volta Post", "published": "2026-05-05",
       "text": "Togo promised to repair the coastal road to Aflao by the end of July."}


@pytest.mark.parametrize("articles,words", [([ONE], "(1 actor)"), ([ONE, TWO], "(2 actors)")])
def test_scorecard_title_counts_its_actors(tmp_path: Path, cli, articles, words) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    code, _, err = cli("code", feed, "--db", db, "--quiet")
    assert code == 0, err
    code, out, err = cli("scorecard", "--db", db)
    assert code == 0, err
    assert words in " ".join(out.split()), out
