"""Tables and queries behind the pledge ledger (the store side of :mod:`gaiko.tracking`).

The ledger (``pledge_ledger``, ``pledge_mentions``, ``pledge_evidence``) is kept up to date by
:func:`gaiko.tracking.update_ledger`, which only looks at what changed since it last ran. These
tables let it do that without loading the store into memory:

``ledger_articles``
    articles the ledger has already read; the others are "new".
``sentence_keys`` (schema 8; ``sentence_stems`` before)
    one row per (sentence, linking key): concept keys, stems, ``@side`` keys and the ``^side`` opening it
    (:func:`gaiko.tracking.sentencekeys.article_rows`), with the article's month; sentence index -1 holds an
    article's context sides.
    Evidence candidates for a pledge are found by a join instead of a scan in Python.
``ledger_groups``
    which pledge mention belongs to which ledger entry, its bucket (the doer's side: mentions of
    different sides are never one pledge) and its topic keys.
``ledger_topics``
    each entry's topic keys, so a new sentence finds the entries it may be evidence for.
``pledge_overrides``
    statuses set by a person (``gaiko pledge set``), kept across recoding, with the reports in hand when set
    (``evidence_seen``: evidence keys, :func:`evidence_key`; NULL for statuses set before schema 11).

Nothing here imports the rest of the package; the store's schema (:mod:`gaiko.store.schema`) reads
the DDL from here.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

__all__ = [
    "LEDGER_DDL", "KEYS_DDL", "KEYS", "ensure_readable", "registered", "article_chunks", "new_articles_table",
    "refresh_keys", "insert_keys", "load_mentions", "write_entries", "delete_entries", "stored_evidence",
    "evidence_key", "set_override", "get_overrides", "clear_override", "pledge_rows", "keep", "pledge_timeline",
]

#: schema migration 3 (as released: it created ``sentence_stems``, which migration 8 replaces)
LEDGER_DDL: list[str] = [
    "CREATE TABLE sentence_stems (article_id VARCHAR, idx INTEGER, stem VARCHAR)",
    "CREATE TABLE ledger_articles (article_id VARCHAR)",
    # topic: the mention's own topic keys (new mentions are compared only with members sharing one)
    "CREATE TABLE ledger_groups (pledge_id VARCHAR, ledger_id VARCHAR, bucket VARCHAR, topic VARCHAR[])",
    "CREATE TABLE ledger_topics (ledger_id VARCHAR, stem VARCHAR)",
    # the relation the tracker decided (``match_role``; the display role is in ``role``)
    "ALTER TABLE pledge_evidence ADD COLUMN match_role VARCHAR",
]

#: schema migration 8: linking by meaning. Stems give way to concept and side keys; the ledger is rebuilt
#: on the next update (``ledger_dirty``), as its entries were linked by words.
KEYS_DDL: list[str] = [
    "DROP TABLE IF EXISTS sentence_stems",
    "CREATE TABLE sentence_keys (article_id VARCHAR, idx INTEGER, key VARCHAR, month INTEGER)",
    "DELETE FROM ledger_articles",
    "INSERT OR REPLACE INTO meta VALUES ('ledger_dirty', '1')",
]

#: the key table the candidate query reads (a temporary one stands in on a read-only store)
KEYS = "sentence_keys"


def ensure_readable(con: Any) -> None:
    """A read-only store from before these tables existed gets empty temporary ones (its ledger is then computed
    afresh, never stored)."""
    for table, ddl in (("ledger_articles", LEDGER_DDL[1]), ("ledger_groups", LEDGER_DDL[2]),
                       ("ledger_topics", LEDGER_DDL[3]), ("sentence_keys", KEYS_DDL[1])):
        have = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ?", [table]).fetchone()[0]
        if not have:
            con.execute(ddl.replace("CREATE TABLE", "CREATE TEMP TABLE", 1))


def stored_table(con: Any, table: str) -> bool:
    """Whether the store has a (non-temporary) table ``table``."""
    return bool(con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT temporary",
                            [table]).fetchall()[0][0])


@contextmanager
def registered(con: Any, name: str, columns: dict[str, list[Any]]) -> Iterator[None]:
    """Expose Python columns to SQL as table ``name`` for the duration of a block."""
    import pyarrow as pa

    from ..store.txn import register, unregister

    register(con, name, pa.table({k: pa.array(v) for k, v in columns.items()}))  # Ctrl-C raised after it (n52)
    try:
        yield
    finally:  # a database error of the unregistering passed over (the block's own error counts), a Ctrl-C raised
        unregister(con, name)


def new_articles_table(con: Any, as_of: str | None = None) -> int:
    """Fill temp table ``_gaiko_new`` with the articles the ledger has not read (up to ``as_of``); returns how many."""
    con.execute("CREATE OR REPLACE TEMP TABLE _gaiko_new (article_id VARCHAR)")
    until = " AND (published IS NULL OR published <= CAST(? AS DATE))" if as_of else ""
    con.execute("INSERT INTO _gaiko_new SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM ledger_articles)"
                + until, [as_of] if as_of else [])
    return int(con.execute("SELECT count(*) FROM _gaiko_new").fetchone()[0])


def article_chunks(con: Any, sql: str, params: Sequence[Any] = (), size: int = 500) -> Iterator[list[str]]:
    """Article ids from ``sql``, a few hundred at a time (temp tables are per connection, so no second cursor)."""
    ids = [r[0] for r in con.execute(sql, list(params)).fetchall()]
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def refresh_keys(con: Any, rows_of: Callable[..., dict[str, list[Any]]], table: str = KEYS,
                 after_chunk: Callable[[], None] | None = None) -> int:
    """Key the sentences of the new articles that have no keys yet (worker processes usually wrote them with the
    article) into ``table``, a chunk at a time. ``rows_of(article_id, sentences, actors, published)`` is
    :func:`gaiko.tracking.sentencekeys.article_rows`. Returns rows written."""
    total = 0
    for chunk in article_chunks(con, f"SELECT article_id FROM _gaiko_new WHERE article_id NOT IN "
                                     f"(SELECT article_id FROM {table}) ORDER BY article_id"):
        dates = dict(con.execute("SELECT id, CAST(published AS VARCHAR) FROM articles WHERE id IN (SELECT unnest(?))",
                                 [chunk]).fetchall())
        sents: dict[str, list[tuple[int, int, str]]] = {}
        for art, idx, start, text in con.execute(
                'SELECT article_id, idx, start, text FROM sentences WHERE article_id IN (SELECT unnest(?))', [chunk]).fetchall():
            sents.setdefault(art, []).append((idx, start, text))
        actors: dict[str, list[dict[str, Any]]] = {}
        for art, start, end, text, name, country, sector, how, conf in con.execute(
                'SELECT article_id, start, "end", text, name, country, sector, resolved_by, confidence FROM actors '
                "WHERE article_id IN (SELECT unnest(?)) ORDER BY article_id, start", [chunk]).fetchall():
            actors.setdefault(art, []).append({"start": start, "end": end, "text": text, "name": name, "country": country,
                                               "sector": sector, "resolved_by": how, "confidence": conf})
        cols: dict[str, list[Any]] = {"a": [], "i": [], "s": [], "m": []}
        for art in chunk:
            rows = rows_of(art, sents.get(art, []), actors.get(art, []), dates.get(art))
            for k in cols:
                cols[k].extend(rows[k])
        insert_keys(con, cols, table)
        total += len(cols["a"])
        if after_chunk:
            after_chunk()
    return total


def insert_keys(con: Any, cols: dict[str, list[Any]], table: str = KEYS) -> None:
    """Insert (article_id ``a``, sentence ``i``, key ``s``, month ``m``) columns into ``table``."""
    if cols["a"]:
        cols = dict(cols, m=cols.get("m") or [None] * len(cols["a"]))
        with registered(con, "_gaiko_key_rows", {k: cols[k] for k in ("a", "i", "s", "m")}):
            con.execute(f"INSERT INTO {table} SELECT a, i, s, CAST(m AS INTEGER) FROM _gaiko_key_rows")


def load_mentions(con: Any, pledge_ids: Sequence[str]) -> list[dict[str, Any]]:
    """Pledge mentions with their article's date, oldest first (the order grouping depends on)."""
    if not pledge_ids:
        return []
    with registered(con, "_gaiko_pids", {"id": list(pledge_ids)}):
        rows = con.execute(
            "SELECT p.record, CAST(a.published AS VARCHAR) FROM pledges p JOIN _gaiko_pids k ON k.id = p.id "
            "LEFT JOIN articles a ON a.id = p.article_id ORDER BY a.published NULLS LAST, p.article_id, p.sentence_idx, p.id"
        ).fetchall()
    out = []
    for rec, pub in rows:
        d = json.loads(rec)
        d["published"] = pub or d.get("made_on")
        out.append(d)
    return out


def stored_evidence(con: Any, ledger_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """The matched (not mention) evidence stored for entries, with the relation the tracker decided."""
    out: dict[str, list[dict[str, Any]]] = {}
    if not ledger_ids:
        return out
    with registered(con, "_gaiko_lids", {"id": list(ledger_ids)}):
        rows = con.execute(
            "SELECT e.ledger_id, e.article_id, CAST(e.published AS VARCHAR), e.sentence_idx, e.sentence, "
            "e.match_role, e.event_id, e.note FROM pledge_evidence e JOIN _gaiko_lids k ON k.id = e.ledger_id "
            "WHERE e.match_role IS NOT NULL ORDER BY e.ledger_id, e.published, e.article_id, e.sentence_idx"
        ).fetchall()
    for lid, art, pub, idx, text, rel, eid, note in rows:
        out.setdefault(lid, []).append({"article_id": art, "published": pub, "sentence_index": idx, "sentence": text,
                                        "relation": rel, "event_id": eid, "note": note})
    return out


def delete_entries(con: Any, ledger_ids: Sequence[str]) -> None:
    if not ledger_ids:
        return
    with registered(con, "_gaiko_del", {"id": list(ledger_ids)}):
        for table, col in (("pledge_ledger", "id"), ("pledge_mentions", "ledger_id"), ("pledge_evidence", "ledger_id"),
                           ("ledger_groups", "ledger_id"), ("ledger_topics", "ledger_id")):
            con.execute(f"DELETE FROM {table} WHERE {col} IN (SELECT id FROM _gaiko_del)")


def write_entries(con: Any, entries: Sequence[dict[str, Any]], as_of: str | None) -> None:
    """Insert computed entries (their old rows must be gone) with their groups and topics, in bulk."""
    if not entries:
        return
    names_of = {"l": ("id", "atext", "aname", "ac", "asec", "action", "ev", "kind", "tt", "tc", "q", "d", "made", "st",
                      "cst", "sd", "ov", "computed_for", "n", "rec"),
                "m": ("l", "p", "a", "pub"), "g": ("p", "l", "b", "t"),
                "e": ("l", "a", "pub", "i", "s", "r", "eid", "note", "mr"), "t": ("l", "s")}
    lists = {t: tuple([] for _n in names) for t, names in names_of.items()}  # one list per column, filled in step

    def add(table: str, *values: Any) -> None:
        for column, v in zip(lists[table], values):
            column.append(v)

    for e in entries:
        a, t = e["actor"], e.get("target") or {}
        record = {k: v for k, v in e.items() if not k.startswith("_")}
        lid = e["id"]
        add("l", lid, a.get("text"), a.get("name"), a.get("country"), a.get("sector"), e["action"], e["event"],
            e["kind"], t.get("text"), t.get("country"), json.dumps(e.get("quantity")), json.dumps(e.get("deadline")),
            e["made_on"], e["status"], e["computed_status"], e["status_date"], e["overridden"], as_of,
            len(e["mentions"]), json.dumps(record, ensure_ascii=False, default=str))
        for m, topic in zip(e["mentions"], e["_member_topics"]):
            add("m", lid, m["pledge_id"], m["article_id"], m["published"])
            add("g", m["pledge_id"], lid, e["_bucket"], topic)
        for ev, raw in zip(e["evidence"], e["_roles"]):
            add("e", lid, ev["article_id"], ev["published"], ev.get("sentence_index", -1), ev["sentence"], ev["role"],
                ev.get("event_id"), ev.get("note"), raw)
        for st in sorted(e["_topic"]):
            add("t", lid, st)
    cols = {t: dict(zip(names_of[t], lists[t])) if lists[t][0] else {} for t in names_of}
    casts = {"l": "id, atext, aname, ac, asec, action, ev, kind, tt, tc, CAST(q AS JSON), CAST(d AS JSON), CAST(made AS DATE), st, "
                  "cst, CAST(sd AS DATE), ov, CAST(computed_for AS DATE), n, CAST(rec AS JSON)",
             "m": "l, p, a, CAST(pub AS DATE)", "e": "l, a, CAST(pub AS DATE), i, s, r, eid, note, mr", "g": "p, l, b, CAST(t AS VARCHAR[])", "t": "l, s"}
    names = {"l": "pledge_ledger", "m": "pledge_mentions", "e": "pledge_evidence", "g": "ledger_groups", "t": "ledger_topics"}
    for key, table in names.items():
        if not cols[key]:
            continue
        with registered(con, "_gaiko_rows", cols[key]):
            con.execute(f"INSERT INTO {table} SELECT {casts[key]} FROM _gaiko_rows")


def evidence_key(e: dict[str, Any]) -> str:
    """The key of one evidence row of a ledger entry: ``ARTICLE_ID:SENTENCE_INDEX`` (the same sentence read again
    gives the same key)."""
    return f"{e.get('article_id')}:{e.get('sentence_index')}"


def set_override(con: Any, ledger_id: str, status: str, note: str | None, pledge_ids: list[str],
                 seen: list[str] | None = None, date: str | None = None) -> None:
    """Record a person's status for a pledge (with the mention ids it had, so it survives regrouping, and the keys of
    the evidence in hand, ``seen``, so reports that arrive later can be flagged); ``date`` (YYYY-MM-DD): the day of
    the evidence it rests on, from which it holds (None: from the reports in hand, as before round r35)."""
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    con.execute(
        "INSERT OR REPLACE INTO pledge_overrides (ledger_id, status, note, pledge_ids, set_at, evidence_seen"
        + (", evidence_date" if date else "") + ") VALUES (?, ?, ?, ?, ?, ?" + (", ?" if date else "") + ")",
        [ledger_id, status, note, json.dumps(sorted(pledge_ids)), now,
         None if seen is None else json.dumps(sorted(set(seen))), *([date] if date else [])],
    )


def clear_override(con: Any, ledger_id: str) -> bool:
    """Remove a person's status; True when there was one."""
    n = con.execute("SELECT count(*) FROM pledge_overrides WHERE ledger_id = ?", [ledger_id]).fetchone()[0]
    con.execute("DELETE FROM pledge_overrides WHERE ledger_id = ?", [ledger_id])
    return bool(n)


def get_overrides(con: Any) -> list[dict[str, Any]]:
    """Statuses set by hand: dicts with ``ledger_id``, ``status``, ``note``, ``pledge_ids``, ``set_at`` and ``seen``
    (evidence keys in hand when set, or None when not recorded)."""
    try:  # evidence_date: schema 13 (round r35); a store opened read-only from before has none
        rows = con.execute("SELECT ledger_id, status, note, pledge_ids, CAST(set_at AS VARCHAR), evidence_seen, "
                           "CAST(evidence_date AS VARCHAR) FROM pledge_overrides").fetchall()
    except Exception:  # noqa: BLE001 - no such column (duckdb.BinderException): no dates
        rows = [(*r, None) for r in con.execute("SELECT ledger_id, status, note, pledge_ids, CAST(set_at AS VARCHAR), "
                                                "evidence_seen FROM pledge_overrides").fetchall()]
    from ..utctime import utc_text

    # set_at in UTC with its zone (round n53)
    return [{"ledger_id": r[0], "status": r[1], "note": r[2], "pledge_ids": json.loads(r[3] or "[]"), "set_at": utc_text(r[4]),
             "seen": None if r[5] is None else json.loads(r[5]), "date": r[6]} for r in rows]


def pledge_rows(con: Any, actor: str | None = None, status: str | None = None) -> list[dict[str, Any]]:
    """Ledger entries as written by the last :func:`gaiko.tracking.update_ledger` (JSONL shape)."""
    rows = []
    for rec, computed_for in con.execute("SELECT record, CAST(as_of AS VARCHAR) FROM pledge_ledger ORDER BY made_on, id").fetchall():
        r = json.loads(rec)
        r["as_of"] = computed_for  # the whole ledger is moved forward together, without rewriting each record
        rows.append(r)
    return [r for r in rows if keep(r, actor, status)]


def keep(r: dict[str, Any], actor: str | None, status: str | None) -> bool:
    """Whether an entry passes the filters: status exactly; actor by code, name or text (a part of it over 3 letters)."""
    if status and r.get("status") != status:
        return False
    if actor:
        a = r.get("actor") or {}
        needle = actor.lower()
        hay = [str(a.get(k) or "").lower() for k in ("text", "name", "country")]
        if not any(needle == h or (len(needle) > 3 and needle in h) for h in hay):
            return False
    return True


def pledge_timeline(con: Any, ledger_id: str) -> list[dict[str, Any]]:
    """Stored evidence of one pledge, oldest first."""
    cur = con.execute(
        "SELECT CAST(published AS VARCHAR) AS published, article_id, sentence_idx, role, match_role AS relation, sentence, "
        "event_id, note FROM pledge_evidence WHERE ledger_id = ? ORDER BY published, article_id, sentence_idx", [ledger_id]
    )
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur.fetchall()]
