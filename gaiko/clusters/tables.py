"""The cluster tables in the store, and the small SQL helpers the update shares.

``cluster_members``
    one row per coded event (mention): its unit (``ukey``), the cluster the rules give it (``auto_id``) and the
    one it is in after a person's overrules (``cluster_id``, what every query uses), and ``mkey``
    (article, sentence and trigger offset), which survives recoding and is what overrules name.
``cluster_units``
    one row per unit: what it says (status, type, sides, place, mode, precision, window ``lo..hi`` as day
    ordinals), its own article count, its parent and root unit, ``sym`` for a two-way unit (migration 9) and ``ref``,
    what its phrases refer to (migration 10, gaiko/clusters/referent.py).
``cluster_fine`` / ``cluster_coarse``
    lookup keys (BIGINT hashes): a unit's first day under its side patterns (to find the units a unit may join)
    and the weeks its window touches (to find the units that may join a new unit). A batch looks keys up in the
    writer's in-process copy of these tables and of ``cluster_units`` (:mod:`gaiko.clusters.index`), so it touches
    only the units of its own types, sides and days.
``clusters``
    one row per cluster: its most precise date, actors and place, its representative mention, the counts
    ``num_mentions``, ``num_articles``, ``num_sources`` and its first report; ``pairs`` (migration 12), the tally its
    dyad is chosen from.
``cluster_overrules``
    splits and merges made by hand (``gaiko cluster split|merge``); never touched by coding or rebuilds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

__all__ = ["CLUSTER_DDL", "CLUSTER_COLUMNS", "CLUSTER_COLUMNS_12", "BOOKKEEPING", "lists", "quoted", "with_rows", "insert_rows", "ensure_readable",
           "member_key", "move_members", "TABLES"]

#: columns of ``clusters`` as migration 7 made them: (name, SQL type)
CLUSTER_COLUMNS_7: tuple[tuple[str, str], ...] = (
    ("id", "VARCHAR"), ("status", "VARCHAR"), ("event_type", "VARCHAR"), ("mode", "VARCHAR"),
    ("date", "DATE"), ("date_precision", "VARCHAR"),
    ("source_text", "VARCHAR"), ("source_name", "VARCHAR"), ("source_country", "VARCHAR"), ("source_sector", "VARCHAR"),
    ("target_text", "VARCHAR"), ("target_name", "VARCHAR"), ("target_country", "VARCHAR"), ("target_sector", "VARCHAR"),
    ("place_text", "VARCHAR"), ("place_name", "VARCHAR"), ("place_country", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
    ("goldstein", "DOUBLE"), ("quad_class", "INTEGER"), ("cameo", "VARCHAR"), ("cameo_code", "VARCHAR"),
    ("rep_event_id", "VARCHAR"), ("num_mentions", "INTEGER"), ("num_articles", "INTEGER"), ("num_sources", "INTEGER"),
    ("first_event_id", "VARCHAR"), ("first_article_id", "VARCHAR"), ("first_published", "DATE"),
    ("first_source", "VARCHAR"), ("last_published", "DATE"), ("overruled", "BOOLEAN"),
    ("intended", "BOOLEAN"), ("hypothetical", "BOOLEAN"), ("negated", "BOOLEAN"), ("confidence", "DOUBLE"),
    # what keeps the row up to date without reading every mention again (gaiko.clusters.summary): the score and
    # report order of the mention each part comes from, the first mode reported, the outlets
    ("rep_mode", "VARCHAR"), ("rep_key", "VARCHAR"), ("source_key", "VARCHAR"), ("target_key", "VARCHAR"),
    ("place_key", "VARCHAR"), ("first_key", "VARCHAR"), ("mode_first", "VARCHAR"), ("mode_key", "VARCHAR"),
    ("outlets", "VARCHAR[]"),
)
#: columns added by migration 12: ``pairs``, the tally of the (source country, target country) pairs of the mentions
#: that name two different countries, from which the cluster's dyad is chosen as a pair (gaiko.clusters.summary)
CLUSTER_COLUMNS_12: tuple[tuple[str, str], ...] = (("pairs", "VARCHAR[]"),)
#: columns of ``clusters``: (name, SQL type)
CLUSTER_COLUMNS: tuple[tuple[str, str], ...] = CLUSTER_COLUMNS_7 + CLUSTER_COLUMNS_12

#: columns of ``clusters`` that only keep the row up to date (sort keys joined with control characters): never
#: shown to a reader (``gaiko cluster show``, ``GET /api/v1/clusters/{id}``)
BOOKKEEPING = ("rep_mode", "rep_key", "source_key", "target_key", "place_key", "first_key", "mode_first", "mode_key",
               "pairs")

CLUSTER_DDL: list[str] = [
    """CREATE TABLE cluster_members (event_id VARCHAR, article_id VARCHAR, ukey BIGINT, auto_id VARCHAR,
        cluster_id VARCHAR, mkey VARCHAR)""",
    """CREATE TABLE cluster_units (ukey BIGINT, status VARCHAR, event_type VARCHAR, src VARCHAR, tgt VARCHAR,
        place VARCHAR, mode VARCHAR, prec VARCHAR, lo INTEGER, hi INTEGER, n_articles INTEGER, parent BIGINT,
        root BIGINT)""",
    "CREATE TABLE cluster_fine (k BIGINT, ukey BIGINT)",
    "CREATE TABLE cluster_coarse (k BIGINT, ukey BIGINT)",
    "CREATE TABLE clusters (" + ", ".join(f'"{n}" {t}' for n, t in CLUSTER_COLUMNS_7) + ")",
    """CREATE TABLE cluster_overrules (id VARCHAR PRIMARY KEY, seq INTEGER, kind VARCHAR, mkeys VARCHAR[],
        event_ids VARCHAR[], from_clusters VARCHAR[], note VARCHAR, created_at TIMESTAMP)""",
]

#: the tables a rebuild empties (overrules are a person's and stay)
TABLES = ("cluster_members", "cluster_units", "cluster_fine", "cluster_coarse", "clusters")


def member_key(article_id: str, sentence_idx: int, trigger_start: int) -> str:
    """What an overrule remembers of a mention: it stays the same when the article is coded again."""
    return f"{article_id}:{sentence_idx}:{trigger_start}"


def lists(columns: dict[str, tuple[str, Sequence[Any]]]) -> tuple[str, list[list[Any]]]:
    """A subquery over Python lists, passed as parameters, and those parameters: ``columns`` maps a column name
    to (DuckDB type, values); the lists are read side by side. List parameters convert value by value (about a
    microsecond each): right for a few hundred values; for thousands, :func:`with_rows` is faster."""
    sel = ", ".join(f"unnest(?::{t}[]) AS {n}" for n, (t, _v) in columns.items())
    return f"(SELECT {sel})", [list(v) for _t, v in columns.values()]


def quoted(values: Iterable[str]) -> str:
    """SQL string literals, comma-separated, for ``col IN (...)``: unlike a join or list parameters, a list of
    constants lets DuckDB look the rows up through an index on ``col`` (up to ``index_scan_max_count`` of them)."""
    return ", ".join("'" + str(v).replace("'", "''") + "'" for v in values) or "NULL"


def with_rows(con: Any, sql: str, columns: dict[str, tuple[str, Sequence[Any]]], fetch: bool = True) -> list[Any]:
    """Run ``sql``, in which ``_gaiko_rows`` is a relation over Python lists (``columns`` as for :func:`lists`),
    and return its rows (``fetch``). The lists become an Arrow table, converted in C, that DuckDB finds by its
    name here (a replacement scan): for thousands of values much faster than list parameters, and half a
    millisecond faster than registering a view."""
    import pyarrow as pa

    types = _arrow_types()
    _gaiko_rows = pa.Table.from_arrays([pa.array(v, type=types[t]) for t, v in columns.values()],  # noqa: F841
                                       names=list(columns))
    cur = con.execute(sql)
    return cur.fetchall() if fetch else []


def move_members(con: Any, ukeys: list[int], clusters: list[str], cluster_ids: bool) -> None:
    """Set ``auto_id`` (and ``cluster_id`` with ``cluster_ids``) of the stored members of ``ukeys`` to ``clusters``
    (side by side). The rows that change are deleted (one ``DELETE ... RETURNING``, which finds them with one scan of
    the table) and written again rather than updated in place: an ``UPDATE`` of rows spread over the table cost about
    a millisecond a row in DuckDB (2.0), growing with the store as a unit's earlier members lie further apart, where
    a delete and an append cost what the rows do (docs/clusters.md, *Cost*). The table keeps the same rows; only their
    physical order changes."""
    changed = "m.auto_id IS DISTINCT FROM r.c" + (" OR m.cluster_id IS DISTINCT FROM r.c" if cluster_ids else "")
    keys = {"k": ("BIGINT", ukeys), "c": ("VARCHAR", clusters)}
    rows = with_rows(con, f"DELETE FROM cluster_members m USING _gaiko_rows r WHERE m.ukey = r.k AND ({changed}) "
                          "RETURNING m.event_id, m.article_id, m.ukey, m.cluster_id, m.mkey", keys)
    if not rows:
        return
    to = dict(zip(ukeys, clusters))
    cols = list(zip(*((e, a, u, to[u], to[u] if cluster_ids else c, mk) for e, a, u, c, mk in rows)))
    insert_rows(con, "cluster_members", {n: (t, cols[i]) for i, (n, t) in enumerate(_MEMBER_COLS)})


_MEMBER_COLS = (("event_id", "VARCHAR"), ("article_id", "VARCHAR"), ("ukey", "BIGINT"), ("auto_id", "VARCHAR"),
                ("cluster_id", "VARCHAR"), ("mkey", "VARCHAR"))


def insert_rows(con: Any, table: str, columns: dict[str, tuple[str, Sequence[Any]]]) -> None:
    """Insert rows given as columns (as for :func:`lists`) into ``table`` through :func:`with_rows`."""
    names = ", ".join(f'"{n}"' for n in columns)
    with_rows(con, f"INSERT INTO {table} ({names}) SELECT {names} FROM _gaiko_rows", columns, fetch=False)


@lru_cache(maxsize=1)
def _arrow_types() -> dict[str, Any]:
    import pyarrow as pa

    return {"VARCHAR": pa.string(), "BIGINT": pa.int64(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(),
            "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "VARCHAR[]": pa.list_(pa.string())}


def ensure_readable(con: Any) -> None:
    """A read-only store from before migration 7 gets empty temporary cluster tables: every event then counts
    as a cluster of its own until a writer opens the store (which migrates and clusters it)."""
    have = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'cluster_members'").fetchall()[0][0]
    if not have:
        for ddl in CLUSTER_DDL:
            con.execute(ddl.replace("CREATE TABLE", "CREATE TEMP TABLE", 1).replace(" PRIMARY KEY", ""))
        con.execute("ALTER TABLE cluster_units ADD COLUMN sym BOOLEAN DEFAULT false")
        con.execute("ALTER TABLE cluster_units ADD COLUMN ref VARCHAR DEFAULT ''")
        for n, t in CLUSTER_COLUMNS_12:
            con.execute(f'ALTER TABLE clusters ADD COLUMN "{n}" {t}')
