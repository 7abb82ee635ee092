"""Pledge tables (owned by the pledge tracker). First skeleton: minimal tables."""

from __future__ import annotations

from typing import Any

from ..types import CodedArticle

PLEDGE_DDL: list[str] = [
    """CREATE TABLE pledges (
        id VARCHAR PRIMARY KEY, article_id VARCHAR, sentence_idx INTEGER, record JSON)""",
]


def insert_pledges(con: Any, coded: CodedArticle) -> int:
    import json

    for p in coded.pledges:
        con.execute(
            "INSERT OR IGNORE INTO pledges VALUES (?, ?, ?, ?)",
            [p.id, p.article_id, p.sentence_index, json.dumps(p.to_dict())],
        )
    return len(coded.pledges)
