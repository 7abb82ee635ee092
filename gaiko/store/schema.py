"""The store's schema, versioned, with migrations from the first release on.

Each migration is a list of SQL statements applied in one transaction; the
applied version is recorded in ``meta``. Never edit a released migration:
append a new one.
"""

from __future__ import annotations

from typing import Any

from ..errors import SchemaError

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "migrate", "current_version", "EVENT_COLUMNS"]

#: actor columns stored flat on each event, once for source and once for target
ACTOR_FIELDS = ("text", "name", "country", "sector", "role", "person", "resolved_by", "confidence", "start", "end")

EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "VARCHAR PRIMARY KEY"),
    ("article_id", "VARCHAR NOT NULL"),
    ("sentence_idx", "INTEGER NOT NULL"),
    ("date", "DATE"),
    ("date_text", "VARCHAR"),
    ("date_precision", "VARCHAR"),
    ("event_type", "VARCHAR NOT NULL"),
    ("mode", "VARCHAR"),
    ("context", "VARCHAR[]"),
    ("cameo", "VARCHAR"),
    ("cameo_code", "VARCHAR"),
    ("goldstein", "DOUBLE"),
    ("quad_class", "INTEGER"),
    *[(f"source_{f}", "INTEGER" if f in ("start", "end") else "DOUBLE" if f == "confidence" else "VARCHAR") for f in ACTOR_FIELDS],
    *[(f"target_{f}", "INTEGER" if f in ("start", "end") else "DOUBLE" if f == "confidence" else "VARCHAR") for f in ACTOR_FIELDS],
    ("place_text", "VARCHAR"),
    ("place_name", "VARCHAR"),
    ("place_country", "VARCHAR"),
    ("lat", "DOUBLE"),
    ("lon", "DOUBLE"),
    ("negated", "BOOLEAN"),
    ("hypothetical", "BOOLEAN"),
    ("intended", "BOOLEAN"),
    ("reported", "BOOLEAN"),
    ("trigger", "VARCHAR"),
    ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"),
    ("pattern", "VARCHAR"),
    ("confidence", "DOUBLE"),
    ("coder_version", "VARCHAR"),
    ("run_id", "VARCHAR"),
)


def _events_ddl() -> str:
    cols = ",\n  ".join(f'"{n}" {t}' for n, t in EVENT_COLUMNS)
    return f"CREATE TABLE events (\n  {cols}\n)"


MIGRATION_1: list[str] = [
    "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
    """CREATE TABLE runs (
        id VARCHAR PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP, coder_version VARCHAR,
        command VARCHAR, articles INTEGER DEFAULT 0, skipped INTEGER DEFAULT 0, events INTEGER DEFAULT 0,
        pledges INTEGER DEFAULT 0, errors INTEGER DEFAULT 0, status VARCHAR)""",
    """CREATE TABLE articles (
        id VARCHAR PRIMARY KEY, external_id VARCHAR, title VARCHAR, url VARCHAR, source VARCHAR,
        published DATE, text VARCHAR, n_sentences INTEGER, origin VARCHAR, coded_at TIMESTAMP,
        coder_version VARCHAR, run_id VARCHAR)""",
    """CREATE TABLE sentences (
        article_id VARCHAR, idx INTEGER, start INTEGER, "end" INTEGER, text VARCHAR,
        PRIMARY KEY (article_id, idx))""",
    _events_ddl(),
    """CREATE TABLE actors (
        article_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, name VARCHAR, country VARCHAR,
        sector VARCHAR, role VARCHAR, person_id VARCHAR, resolved_by VARCHAR, confidence DOUBLE)""",
    """CREATE TABLE places (
        article_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR, name VARCHAR, country VARCHAR,
        lat DOUBLE, lon DOUBLE, feature VARCHAR)""",
    """CREATE TABLE errors (
        run_id VARCHAR, path VARCHAR, line INTEGER, reason VARCHAR, detail VARCHAR, severity VARCHAR, recorded_at TIMESTAMP)""",
    "CREATE INDEX events_article ON events(article_id)",
    "CREATE INDEX actors_article ON actors(article_id)",
]


def _pledge_migration() -> list[str]:
    from .pledges import PLEDGE_DDL

    return list(PLEDGE_DDL)


def _ledger_migration() -> list[str]:
    from ..tracking.tables import LEDGER_DDL

    return list(LEDGER_DDL)


def _keys_migration() -> list[str]:
    from ..tracking.tables import KEYS_DDL

    return list(KEYS_DDL)


#: (version, description, statements or a function returning them)
MIGRATIONS: list[tuple[int, str, Any]] = [
    (1, "articles, sentences, events, actors, places, errors, runs", MIGRATION_1),
    (2, "pledges, evidence and overrides", _pledge_migration),
    (3, "incremental pledge ledger: sentence stems, groups, topics, articles read", _ledger_migration),
    (8, "pledge linking by meaning: sentence keys (concepts, sides) replace stems; the ledger is rebuilt", _keys_migration),
]

SCHEMA_VERSION = MIGRATIONS[-1][0]


def current_version(con: Any) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchone()[0]
    if not exists:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(con: Any) -> int:
    """Bring the database up to :data:`SCHEMA_VERSION`; returns the version reached."""
    version = current_version(con)
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"this store has schema version {version}, newer than this gaiko ({SCHEMA_VERSION}); upgrade gaiko"
        )
    for number, _desc, stmts in MIGRATIONS:
        if number <= version:
            continue
        statements = stmts() if callable(stmts) else stmts
        con.execute("BEGIN TRANSACTION")
        try:
            for sql in statements:
                con.execute(sql)
            con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
            con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(number)]
            )
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise SchemaError(f"migration {number} failed: {exc}") from exc
        version = number
    return version
