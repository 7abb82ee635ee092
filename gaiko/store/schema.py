"""The store's schema, versioned, with migrations from the first release on.

Each migration is a list of SQL statements applied in one transaction; the
applied version is recorded in ``meta``. Never edit a released migration:
append a new one.
"""

from __future__ import annotations

from typing import Any

from ..errors import SchemaError
from .txn import transaction

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "migrate", "current_version", "applied_migrations", "EVENT_COLUMNS", "EVENT_COLUMNS_5",
           "EVENT_COLUMNS_6", "PLACE_COLUMNS_6", "error_key", "error_key_sql"]

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


#: what makes two recorded errors the same one: file, line, input (article id or raw-record hash), reason,
#: severity. The key is the md5 of these joined by U+001F, NULL as empty, in SQL and in :func:`error_key` alike.
_ERROR_KEY_SQL = ("md5(concat_ws(chr(31), coalesce(path, ''), coalesce(CAST(line AS VARCHAR), ''), "
                  "coalesce(input_id, ''), coalesce(reason, ''), coalesce(severity, '')))")


def error_key_sql() -> str:
    """SQL computing :func:`error_key` from columns ``path, line, input_id, reason, severity``."""
    return _ERROR_KEY_SQL


def error_key(path: str | None, line: int | None, input_id: str | None, reason: str | None,
              severity: str | None) -> str:
    """The ``errors`` table's key (32 hex chars) for one error; see ``_ERROR_KEY_SQL``."""
    import hashlib

    parts = [path or "", "" if line is None else str(int(line)), input_id or "", reason or "", severity or ""]
    return hashlib.md5("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


#: errors become a set: a key column (primary key), the input's id; duplicates already stored are merged,
#: keeping the first time each was recorded
MIGRATION_4: list[str] = [
    "ALTER TABLE errors ADD COLUMN input_id VARCHAR",
    f"""CREATE TABLE errors_set AS
        SELECT * FROM (SELECT {_ERROR_KEY_SQL} AS key, run_id, path, line, input_id, reason, detail, severity,
                              recorded_at,
                              row_number() OVER (PARTITION BY {_ERROR_KEY_SQL} ORDER BY recorded_at, run_id) AS n
                       FROM errors) WHERE n = 1""",
    "DROP TABLE errors",
    """CREATE TABLE errors (
        key VARCHAR PRIMARY KEY, run_id VARCHAR, path VARCHAR, line INTEGER, input_id VARCHAR, reason VARCHAR,
        detail VARCHAR, severity VARCHAR, recorded_at TIMESTAMP)""",
    """INSERT INTO errors SELECT key, run_id, path, line, input_id, reason, detail, severity, recorded_at
       FROM errors_set""",
    "DROP TABLE errors_set",
]

#: columns added by migration 5 (the learned type model): what decided the type, the model's probability, and
#: GDELT's quad class of the CAMEO root (quad_class follows the PLOVER type since then)
EVENT_COLUMNS_5: tuple[tuple[str, str], ...] = (
    ("decided_by", "VARCHAR"),
    ("type_probability", "DOUBLE"),
    ("cameo_quad_class", "INTEGER"),
)


def _type_model_migration() -> list[str]:
    return [f'ALTER TABLE events ADD COLUMN "{n}" {t}' for n, t in EVENT_COLUMNS_5]


#: columns added by migration 6 (compound actors, place precision); EVENT_COLUMNS stays as migration 1 made it
EVENT_COLUMNS_6: tuple[tuple[str, str], ...] = (
    ("source_members", "VARCHAR"),  # JSON list of actor objects when the source is compound, else NULL
    ("target_members", "VARCHAR"),
    ("place_precision", "VARCHAR"),  # place, region, country
    ("place_region", "VARCHAR"),
)
PLACE_COLUMNS_6: tuple[tuple[str, str], ...] = (("precision", "VARCHAR"), ("region", "VARCHAR"))


def _members_migration() -> list[str]:
    return [f'ALTER TABLE events ADD COLUMN "{n}" {t}' for n, t in EVENT_COLUMNS_6] + \
        [f'ALTER TABLE places ADD COLUMN "{n}" {t}' for n, t in PLACE_COLUMNS_6]
def _cluster_migration() -> list[str]:
    from ..clusters.tables import CLUSTER_DDL

    # events coded before clusters existed are clustered by the next writer that opens the store
    return [*CLUSTER_DDL,
            "INSERT OR REPLACE INTO meta SELECT 'clusters_pending', '1' WHERE EXISTS (SELECT 1 FROM events)",
            # new, empty cluster tables: an in-process copy of older ones is loaded again (gaiko.clusters.index)
            "DELETE FROM meta WHERE key = 'clusters_index'"]


def _keys_migration() -> list[str]:
    from ..tracking.tables import KEYS_DDL

    return list(KEYS_DDL)


def _two_way_migration() -> list[str]:
    # units of two-way events (docs/clusters.md); the stored clusters stay as they were until `gaiko cluster rebuild`
    # (as after any change of the rules), and new reports are clustered with the new rules
    return ["ALTER TABLE cluster_units ADD COLUMN sym BOOLEAN DEFAULT false"]


def _referent_migration() -> list[str]:
    # what a unit's phrases refer to (gaiko/clusters/referent.py, docs/rounds/clusters.md round c28); part of the unit's key,
    # so stored units keep theirs ('') until `gaiko cluster rebuild`, as after any change of the rules
    return ["ALTER TABLE cluster_units ADD COLUMN ref VARCHAR DEFAULT ''"]


def _override_seen_migration() -> list[str]:
    # the reports in hand when a person set a pledge's status (gaiko/tracking/status.py, docs/pledges.md "Statuses set
    # by hand"); statuses set before have none recorded (NULL) and are never flagged
    return ["ALTER TABLE pledge_overrides ADD COLUMN IF NOT EXISTS evidence_seen JSON"]


def _override_date_migration() -> list[str]:
    # the day of the evidence behind a status set by hand (`gaiko pledge set --date`, round r35, b31 F10); statuses set
    # before have none (NULL) and hold, as before, from the report that moves the pledge there or the newest report
    return ["ALTER TABLE pledge_overrides ADD COLUMN IF NOT EXISTS evidence_date DATE"]


def _cluster_pairs_migration() -> list[str]:
    # a cluster's dyad is chosen as a pair from its mentions (docs/clusters.md "What a cluster shows", round c53): the
    # tally it is chosen from; stored rows have none (NULL) and are summarized from all their mentions the next time a
    # batch touches them, or by `gaiko cluster rebuild`
    from ..clusters.tables import CLUSTER_COLUMNS_12

    return [f'ALTER TABLE clusters ADD COLUMN IF NOT EXISTS "{n}" {t}' for n, t in CLUSTER_COLUMNS_12]


def _mention_count_migration() -> list[str]:
    # a cluster's num_mentions counts sentences, not coded events (round u40, b39 F14: "A and B spoke by phone" is one
    # mention coded as two events); the stored rows are recounted from their members
    return ["""UPDATE clusters SET num_mentions = n.k FROM (
                 SELECT m.cluster_id, count(DISTINCT (e.article_id, e.sentence_idx)) AS k
                 FROM cluster_members m JOIN events e ON e.id = m.event_id GROUP BY m.cluster_id) n
               WHERE clusters.id = n.cluster_id"""]


def _undone_migration() -> list[str]:
    # `gaiko cluster undo` keeps what it undid (round n56: the merged cluster's id then answered "no cluster" with no
    # word of the merge or its undo); a record only, never applied to the clusters
    from ..clusters.undo import UNDONE_DDL

    return [UNDONE_DDL]


def _cluster_mode_migration() -> list[str]:
    # a cluster's mode is that of a report of its type (round n57: a SUPPORT cluster merged by hand with an ACCUSE one
    # was listed "SUPPORT disapprove"); only a merge by hand mixes types, so the clusters an overrule touched are
    # given the first mode (in report order, gaiko.clusters.summary.report_order) of a report of their type, or none
    key = ("coalesce(strftime(a.published, '%Y-%m-%d'), '9999-12-31') || chr(0) || e.article_id || chr(0) || "
           "lpad(CAST(greatest(0, coalesce(e.sentence_idx, 0)) AS VARCHAR), 10, '0') || chr(0) || "
           "lpad(CAST(greatest(0, coalesce(e.trigger_start, 0)) AS VARCHAR), 10, '0') || chr(0) || e.id")
    return ["UPDATE clusters SET mode_first = NULL, mode_key = NULL, mode = rep_mode WHERE overruled",
            f"""UPDATE clusters SET mode_first = f.m, mode_key = f.k, mode = coalesce(clusters.rep_mode, f.m) FROM (
                  SELECT c.id, arg_min(e.mode, {key}) AS m, min({key}) AS k
                  FROM clusters c JOIN cluster_members cm ON cm.cluster_id = c.id JOIN events e ON e.id = cm.event_id
                  JOIN articles a ON a.id = e.article_id
                  WHERE c.overruled AND e.event_type = c.event_type AND coalesce(e.mode, '') <> '' GROUP BY c.id) f
                WHERE clusters.id = f.id"""]


#: (version, description, statements or a function returning them)
MIGRATIONS: list[tuple[int, str, Any]] = [
    (1, "articles, sentences, events, actors, places, errors, runs", MIGRATION_1),
    (2, "pledges, evidence and overrides", _pledge_migration),
    (3, "incremental pledge ledger: sentence stems, groups, topics, articles read", _ledger_migration),
    (4, "errors as a set: one row per file, line, input, reason and severity", MIGRATION_4),
    (5, "what decided each event's type (decided_by, type_probability); GDELT's quad class kept as cameo_quad_class",
     _type_model_migration),
    (6, "compound sources and targets (source_members, target_members); place precision and region",
     _members_migration),
    (7, "event clusters: members, units, lookup keys, summaries, overrules", _cluster_migration),
    (8, "pledge linking by meaning: sentence keys (concepts, sides) replace stems; the ledger is rebuilt", _keys_migration),
    (9, "two-way event units (cluster_units.sym); gaiko cluster rebuild applies them to stored events", _two_way_migration),
    (10, "referents of cluster units (cluster_units.ref); gaiko cluster rebuild applies them to stored events",
     _referent_migration),
    (11, "statuses set by hand remember the reports in hand (pledge_overrides.evidence_seen), so newer ones are flagged",
     _override_seen_migration),
    (12, "a cluster's dyad chosen as a pair from its mentions (clusters.pairs); gaiko cluster rebuild applies it to stored "
         "clusters", _cluster_pairs_migration),
    (13, "a status set by hand may carry the day of its evidence (pledge_overrides.evidence_date)",
     _override_date_migration),
    (14, "a cluster's num_mentions counts sentences (a two-way sentence is one mention of two coded events)",
     _mention_count_migration),
    (15, "splits and merges undone by hand are kept (cluster_overrules_undone), so their clusters' ids are answered",
     _undone_migration),
    (16, "a cluster's mode is that of a report of its type (a merge by hand across types took the other type's)",
     _cluster_mode_migration),
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


def applied_migrations(con: Any) -> set[int]:
    """The migrations this store has had: as recorded (``meta.migrations``), or, for a store from before that was
    recorded, every listed one up to its version. Numbers are planned per branch and may arrive out of order (8
    before 7), so a store at 8 can still lack 7; :func:`migrate` applies it then."""
    version = current_version(con)
    if version:
        row = con.execute("SELECT value FROM meta WHERE key = 'migrations'").fetchone()
        if row and row[0]:
            return {int(n) for n in str(row[0]).split(",")}
    return {n for n, _d, _s in MIGRATIONS if n <= version}


def migrate(con: Any) -> int:
    """Bring the database up to :data:`SCHEMA_VERSION` (every listed migration it lacks, in list order); returns
    the version reached."""
    version = current_version(con)
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"this store has schema version {version}, newer than this gaiko ({SCHEMA_VERSION}); upgrade gaiko"
        )
    applied = applied_migrations(con)
    for number, _desc, stmts in MIGRATIONS:
        if number in applied:
            continue
        statements = stmts() if callable(stmts) else stmts
        try:  # Ctrl-C at any statement rolls the migration back whole, never leaves it open (round r27)
            with transaction(con):
                for sql in statements:
                    con.execute(sql)
                con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
                reached = max(version, number)
                con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(reached)])
                con.execute("INSERT OR REPLACE INTO meta VALUES ('migrations', ?)",
                            [",".join(str(n) for n in sorted(applied | {number}))])
        except Exception as exc:
            raise SchemaError(f"migration {number} failed: {exc}") from exc
        version = reached
        applied.add(number)
    return version
