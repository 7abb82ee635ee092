"""Round ci57: the tests' stores start as copies of one empty store (tests/helpers.py ``new_store``, and
``Store(":memory:")`` through tests/conftest.py's ``_empty_store_template``). A copy must be the store a creation gives:
the same tables, columns, defaults, constraints, indexes and ``meta`` rows as one migrated afresh."""

from __future__ import annotations

import duckdb
import pytest

from helpers import new_store

_CATALOG = {
    "columns": "SELECT table_name, column_name, column_index, data_type, column_default, is_nullable "
               "FROM duckdb_columns() WHERE NOT internal ORDER BY ALL",
    "constraints": "SELECT table_name, constraint_type, constraint_text, expression FROM duckdb_constraints() "
                   "ORDER BY ALL",
    "indexes": "SELECT table_name, index_name, sql, is_unique FROM duckdb_indexes() ORDER BY ALL",
    "views": "SELECT view_name, sql FROM duckdb_views() WHERE NOT internal ORDER BY ALL",
    "sequences": "SELECT sequence_name, start_value, increment_by FROM duckdb_sequences() ORDER BY ALL",
    "meta": "SELECT key, value FROM meta ORDER BY ALL",
    "rows": "SELECT table_name, estimated_size FROM duckdb_tables() ORDER BY ALL",
}


def _catalog(con) -> dict[str, list[tuple]]:
    return {k: con.execute(q).fetchall() for k, q in _CATALOG.items()}


@pytest.fixture(scope="module")
def afresh() -> dict[str, list[tuple]]:
    """The catalog of a store every migration was run on, here, in memory (no copy involved)."""
    from gaiko.store.schema import migrate

    con = duckdb.connect(":memory:")
    migrate(con)
    got = _catalog(con)
    con.close()
    assert len(got["columns"]) > 100 and got["meta"], got  # a real schema, not two empty lists equal
    return got


def test_a_copied_file_store_is_a_store_created_afresh(tmp_path, afresh) -> None:
    from gaiko.store import Store

    with Store(new_store(tmp_path / "copy.duckdb")) as s:
        assert _catalog(s.con) == afresh
    with pytest.raises(AssertionError):  # never over a store that is there
        new_store(tmp_path / "copy.duckdb")


def test_an_in_memory_store_is_a_store_created_afresh(afresh) -> None:
    from gaiko.store import Store

    with Store(":memory:") as s:
        assert _catalog(s.con) == afresh
        s.con.execute("INSERT INTO meta VALUES ('ci57', 'x')")  # each store is its own copy
    with Store(":memory:") as s:
        assert _catalog(s.con) == afresh


def test_a_store_lacking_a_migration_differs(afresh) -> None:
    """Look-alike: the comparison sees a schema one migration short (so the two tests above can fail)."""
    from gaiko.store.schema import MIGRATIONS
    from gaiko.store.txn import transaction

    con = duckdb.connect(":memory:")
    for _number, _desc, stmts in MIGRATIONS[:-1]:
        with transaction(con):
            for sql in (stmts() if callable(stmts) else stmts):
                con.execute(sql)
    con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    assert _catalog(con) != afresh
    con.close()
