"""Pledge tables: one row per pledge mention, written with each coded article.

``pledges`` is written inside ``Store.write_coded``'s transaction. Migration 2 also created the
ledger tables (``pledge_ledger``, ``pledge_mentions``, ``pledge_evidence``, ``pledge_overrides``);
everything that reads or writes those is in :mod:`gaiko.tracking.tables`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..types import CodedArticle

__all__ = ["PLEDGE_DDL", "insert_pledges", "insert_pledges_many"]

PLEDGE_DDL: list[str] = [
    """CREATE TABLE pledges (
        id VARCHAR PRIMARY KEY, article_id VARCHAR, sentence_idx INTEGER, made_on DATE,
        actor_text VARCHAR, actor_name VARCHAR, actor_country VARCHAR, actor_sector VARCHAR, speaker_text VARCHAR,
        action VARCHAR, event_type VARCHAR, kind VARCHAR, cue VARCHAR, object VARCHAR,
        target_text VARCHAR, target_country VARCHAR, quantity_text VARCHAR, quantity_value DOUBLE, quantity_unit VARCHAR,
        deadline_text VARCHAR, deadline_start DATE, deadline_end DATE, deadline_granularity VARCHAR, deadline_kind VARCHAR,
        conditions VARCHAR, status_in_text VARCHAR, sentence VARCHAR, confidence DOUBLE, record JSON)""",
    "CREATE INDEX pledges_article ON pledges(article_id)",
    """CREATE TABLE pledge_ledger (
        id VARCHAR PRIMARY KEY, actor_text VARCHAR, actor_name VARCHAR, actor_country VARCHAR, actor_sector VARCHAR,
        action VARCHAR, event_type VARCHAR, kind VARCHAR, target_text VARCHAR, target_country VARCHAR,
        quantity JSON, deadline JSON, made_on DATE, status VARCHAR, computed_status VARCHAR, status_date DATE,
        overridden BOOLEAN, as_of DATE, mentions INTEGER, record JSON)""",
    "CREATE TABLE pledge_mentions (ledger_id VARCHAR, pledge_id VARCHAR, article_id VARCHAR, published DATE)",
    """CREATE TABLE pledge_evidence (
        ledger_id VARCHAR, article_id VARCHAR, published DATE, sentence_idx INTEGER, sentence VARCHAR,
        role VARCHAR, event_id VARCHAR, note VARCHAR)""",
    """CREATE TABLE pledge_overrides (
        ledger_id VARCHAR PRIMARY KEY, status VARCHAR NOT NULL, note VARCHAR, pledge_ids JSON, set_at TIMESTAMP)""",
]


def _row(p: Any) -> list[Any]:
    a, q, d, t = p.actor, p.quantity, p.deadline, p.target
    return [
        p.id, p.article_id, p.sentence_index, p.made_on,
        a.text, a.name, a.country, a.sector, p.speaker.text if p.speaker else None,
        p.action, p.event_type, p.kind, p.cue, p.object,
        t.text if t else None, t.country if t else None,
        q.text if q else None, q.value if q else None, q.unit if q else None,
        d.text if d else None, d.start if d else None, d.end if d else None,
        d.granularity if d else None, d.kind if d else None,
        p.conditions, p.status_in_text, p.sentence, p.confidence, json.dumps(p.to_dict(), ensure_ascii=False),
    ]


def insert_pledges(con: Any, coded: CodedArticle) -> int:
    """Write one article's pledge mentions (replacing any earlier coding of the article)."""
    return insert_pledges_many(con, [coded])


def insert_pledges_many(con: Any, coded: Sequence[CodedArticle]) -> int:
    """Write the pledge mentions of several articles in one statement (replacing earlier codings)."""
    import pyarrow as pa

    ids = [c.article.id for c in coded]
    if ids:
        con.execute("DELETE FROM pledges WHERE article_id IN (SELECT unnest(?))", [ids])
    # the last row of an id wins, as with one INSERT OR REPLACE per row
    rows = list({r[0]: r for r in (_row(p) for c in coded for p in c.pledges)}.values())
    if not rows:
        return 0
    # one bulk insert through Arrow: executemany costs milliseconds per row in DuckDB
    batch = pa.table({f"c{i}": pa.array(list(col)) for i, col in enumerate(zip(*rows))})  # noqa: F841 - used in SQL
    from .txn import register, unregister

    register(con, "_gaiko_pledges", batch)  # a Ctrl-C inside is raised after it (n52)
    try:
        con.execute("INSERT OR REPLACE INTO pledges SELECT * FROM _gaiko_pledges")
    finally:
        unregister(con, "_gaiko_pledges")
    return len(rows)
