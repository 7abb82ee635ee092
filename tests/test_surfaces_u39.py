"""Surface round u39 (what newcomers found coding their own articles: b38 F19-F21, b37 S1-S4), with articles we wrote.

F19. ``gaiko scorecard --by country`` keeps actors of no state apart by their full code (the EU ``IGOIGO`` and
     Amnesty International ``IGONGO``), never one "IGO" row, each row's filter opening exactly its pledges; a table
     wider than 160 columns is printed in blocks of whole columns, as ``gaiko series`` prints it, never a header folded
     mid-word ("withdraw/n").
F21. docs/cli.md reads as a manual: no round tags (r37, b33 F20, n39 ...) in its paragraphs; what each round changed is
     in docs/rounds/cli.md, named from a short "History" section at the end.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

_STORY = [
    {"id": "u39-1", "published": "2026-03-02", "source": "Baltic Wire",
     "text": "The European Union pledged to send 40 million euros in flood aid to Moldova by April."},
    {"id": "u39-2", "published": "2026-03-03", "source": "Baltic Wire",
     "text": "Amnesty International urged Belarus to release the jailed journalists."},
    {"id": "u39-3", "published": "2026-03-04", "source": "Baltic Wire",
     "text": "Latvia promised to reopen the Terehova border crossing within two weeks."},
]


ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def story_db(tmp_path_factory, coder) -> str:
    from gaiko.coding import run_code

    d = tmp_path_factory.mktemp("u39story")
    src = d / "news.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in _STORY) + "\n", encoding="utf-8")
    db = str(d / "news.duckdb")
    run_code([str(src)], db=db, quiet=True, coder=coder)
    return db


# -- F19: the scorecard by country -----------------------------------------------------------------------------------
def test_scorecard_by_country_keeps_igo_and_ngo_apart(story_db) -> None:
    from gaiko.store import Store
    from gaiko.store.ledger_view import ledger_view
    from gaiko.store.scorecard import scorecard

    with Store(story_db, read_only=True) as st:
        card = scorecard(st, by="country")
        rows = {r["key"]: r for r in card["rows"]}
        assert "IGO" not in rows
        assert rows["IGOIGO"]["pledges"] == 1 and rows["IGOIGO"]["demands"]["made"] == 0
        assert rows["IGONGO"]["pledges"] == 0 and rows["IGONGO"]["demands"]["made"] == 1
        assert rows["LVA"]["pledges"] == 1
        # each row's ledger filter opens exactly the pledges it counts
        for key in ("IGOIGO", "LVA"):
            assert ledger_view(st, **rows[key]["filter"])["total"] == rows[key]["pledges"]
        made = rows["IGONGO"]["demands"]["made_filter"]
        assert ledger_view(st, **made)["total"] == 1
        # the country code as the actor has it still finds every international body
        assert ledger_view(st, actor_country="IGO")["total"] == 2


def test_scorecard_table_at_160_columns_folds_no_header(story_db, cli) -> None:
    code, out, _ = cli("scorecard", "--db", story_db)
    assert code == 0
    headers = {"median_lag_days", "demands_made", "demands_asked", "demands_met", "demands_unmet", "kept_share",
               "withdrawn"}
    for h in headers:
        assert re.search(rf"[┃|]\s*{h}\s*[┃|]", out), f"{h} folded or missing:\n{out}"
    assert max(len(line) for line in out.splitlines()) <= 160
    assert "IGOIGO" in out and "IGONGO" in out


# -- F21: docs/cli.md without round tags ------------------------------------------------------------------------------
_TAG = re.compile(r"\b[Rr]ound [a-z]\d+\b|\b[a-z]\d{2} F\d+\b|\b(?:b\d{2}|s35)\b|\b[a-z]\d{2}'s F\d+")


def test_cli_doc_paragraphs_carry_no_round_tags() -> None:
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    body, _, history = doc.partition("\n## History\n")
    found = [m.group(0) for m in _TAG.finditer(body)]
    assert not found, f"round tags in docs/cli.md: {found[:10]}"
    assert "docs/rounds/cli.md" in history or "rounds/cli.md" in history
    rounds = (ROOT / "docs" / "rounds" / "cli.md").read_text(encoding="utf-8")
    assert "## Round u39" in rounds  # the notes taken out are kept there
