"""Tables and queries behind the incremental pledge ledger.

The ledger (``pledge_ledger``, ``pledge_mentions``, ``pledge_evidence``) is kept
up to date by :func:`gaiko.tracking.update_ledger`, which only looks at what
changed since it last ran. These tables let it do that without loading the
store into memory:

``ledger_articles``
    articles the ledger has already read; the others are "new".
``sentence_stems``
    one row per (sentence, topic stem): evidence candidates for a pledge are the
    sentences that share its topic stems, found by a join instead of a scan in
    Python.
``ledger_groups``
    which pledge mention belongs to which ledger entry, and its bucket (the
    actor key: mentions of different actors are never one pledge), so new
    mentions only regroup their own bucket.
``ledger_topics``
    each entry's topic stems, so a new sentence finds the entries it may be
    evidence for.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

__all__ = [
    "LEDGER_DDL", "STEMS", "ensure_readable", "registered", "article_chunks", "new_articles_table", "refresh_stems",
    "insert_stems", "stem_source", "candidates", "candidate_events", "load_mentions", "write_entries", "delete_entries", "stored_evidence",
]

LEDGER_DDL: list[str] = [
    "CREATE TABLE sentence_stems (article_id VARCHAR, idx INTEGER, stem VARCHAR)",
    "CREATE TABLE ledger_articles (article_id VARCHAR)",
    # topic: the mention's own topic stems (new mentions are compared only with members sharing one)
    "CREATE TABLE ledger_groups (pledge_id VARCHAR, ledger_id VARCHAR, bucket VARCHAR, topic VARCHAR[])",
    "CREATE TABLE ledger_topics (ledger_id VARCHAR, stem VARCHAR)",
    # the role the matcher gave (``partial`` is shown as ``progress`` but decides ``partially_fulfilled``)
    "ALTER TABLE pledge_evidence ADD COLUMN match_role VARCHAR",
]

def ensure_readable(con: Any) -> None:
    """A read-only store from before these tables existed gets empty temporary ones (its ledger is then computed
    afresh, never stored)."""
    have = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'ledger_articles'").fetchone()[0]
    if not have:
        for ddl in LEDGER_DDL:
            if ddl.startswith("CREATE TABLE"):
                con.execute(ddl.replace("CREATE TABLE", "CREATE TEMP TABLE", 1))


#: the stem table the candidate query reads (a temporary one stands in on a read-only store)
STEMS = "sentence_stems"
_CHUNK = 20_000


@contextmanager
def registered(con: Any, name: str, columns: dict[str, list[Any]]) -> Iterator[None]:
    """Expose Python columns to SQL as table ``name`` for the duration of a block."""
    import pyarrow as pa

    con.register(name, pa.table({k: pa.array(v) for k, v in columns.items()}))
    try:
        yield
    except BaseException:
        try:
            con.unregister(name)
        except Exception:  # noqa: BLE001 - an aborted transaction refuses it; the original error matters
            pass
        raise
    con.unregister(name)


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


def refresh_stems(con: Any, stems_of: Callable[[str], Iterable[str]], table: str = STEMS,
                  after_chunk: Callable[[], None] | None = None) -> int:
    """Stem the sentences of the new articles that have no stems yet (worker processes usually wrote them with
    the article) into ``table``, a chunk at a time. Returns rows written."""
    total = 0
    for chunk in article_chunks(con, f"SELECT article_id FROM _gaiko_new WHERE article_id NOT IN "
                                     f"(SELECT article_id FROM {table}) ORDER BY article_id"):
        rows = con.execute("SELECT article_id, idx, text FROM sentences WHERE article_id IN (SELECT unnest(?))", [chunk]).fetchall()
        arts: list[str] = []
        idxs: list[int] = []
        words: list[str] = []
        for art, idx, text in rows:
            for w in stems_of(text):
                arts.append(art)
                idxs.append(idx)
                words.append(w)
        insert_stems(con, {"a": arts, "i": idxs, "s": words}, table)
        total += len(words)
        if after_chunk:
            after_chunk()
    return total


def insert_stems(con: Any, cols: dict[str, list[Any]], table: str = STEMS) -> None:
    """Insert (article_id ``a``, sentence ``i``, stem ``s``) columns into ``table``."""
    if cols["a"]:
        with registered(con, "_gaiko_stem_rows", cols):
            con.execute(f"INSERT INTO {table} SELECT a, i, s FROM _gaiko_stem_rows")


def stem_source(con: Any, lex_stems: Callable[[str], Iterable[str]]) -> str:
    """The stem table to read: the stored one or, when the ledger is behind the store (a read-only store coded
    with ``--no-ledger``), a temporary copy completed with the sentences it lacks."""
    if not new_articles_table(con):
        return STEMS
    con.execute(f"CREATE OR REPLACE TEMP TABLE _gaiko_stems AS SELECT * FROM {STEMS}")
    refresh_stems(con, lex_stems, "_gaiko_stems")
    return "_gaiko_stems"


def candidates(con: Any, views: Sequence[Any], as_of: str, *, new_only: bool = False,
               stems: str = STEMS) -> dict[int, list[dict[str, Any]]]:
    """Sentences that may be evidence for each pledge ``view`` (a :class:`gaiko.tracking_match.GroupView`): sharing
    at least min(2, |topic|) and a third of its topic stems, published between its first mention and
    min(its horizon, ``as_of``), mentioning its actor's name (or, for an actor without a country, sharing two fifths of the
    topic). Only the new articles' sentences with ``new_only``. Keyed by position in ``views``, each list in
    (published, article, sentence) order."""
    gs, ss = [], []
    for g, v in enumerate(views):
        for st in v.topic:
            gs.append(g)
            ss.append(st)
    if not gs:
        return {}
    scope = " AND st.article_id IN (SELECT article_id FROM _gaiko_new)" if new_only else ""
    meta: dict[str, list[Any]] = {
        "g": list(range(len(views))), "n": [len(v.topic) for v in views], "start": [v.first_published or None for v in views],
        "until": [v.until for v in views], "names": [sorted(v.names) for v in views], "country": [v.has_country for v in views]}
    out: dict[int, list[dict[str, Any]]] = {}
    with registered(con, "_gaiko_topics", {"g": gs, "stem": ss}), registered(con, "_gaiko_gmeta", meta):
        cur = con.execute(
            f"""SELECT c.g, c.article_id, c.idx, c.shared, s.text, CAST(a.published AS VARCHAR)
            FROM (SELECT t.g, st.article_id, st.idx, count(*) AS shared
                  FROM _gaiko_topics t JOIN {stems} st ON st.stem = t.stem{scope} GROUP BY ALL) c
            JOIN _gaiko_gmeta m ON m.g = c.g
            JOIN articles a ON a.id = c.article_id
            JOIN sentences s ON s.article_id = c.article_id AND s.idx = c.idx
            WHERE c.shared >= least(2, m.n) AND CAST(c.shared AS DOUBLE) / greatest(1, m.n) >= 0.34
              AND a.published IS NOT NULL AND a.published <= CAST(? AS DATE)
              AND (m.start IS NULL OR a.published >= CAST(m.start AS DATE))
              AND (m.until IS NULL OR a.published <= CAST(m.until AS DATE))
              AND (list_bool_or(list_transform(m.names, lambda x: contains(lower(s.text), x)))
                   OR (NOT m.country AND c.shared >= 2 AND CAST(c.shared AS DOUBLE) / greatest(1, m.n) >= 0.4))
            ORDER BY c.g, a.published, c.article_id, c.idx""", [as_of])
        for g, art, idx, shared, text, pub in cur.fetchall():
            out.setdefault(g, []).append({"article_id": art, "idx": idx, "shared": shared, "text": text, "published": pub})
    return out


def candidate_events(con: Any, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], list[dict[str, Any]]]:
    """Events of the given (article, sentence) pairs."""
    keys = sorted(set(keys))
    if not keys:
        return {}
    out: dict[tuple[str, int], list[dict[str, Any]]] = {}
    with registered(con, "_gaiko_keys", {"a": [k[0] for k in keys], "i": [k[1] for k in keys]}):
        rows = con.execute(
            "SELECT e.id, e.article_id, e.sentence_idx, e.event_type, e.intended, e.negated FROM events e "
            "JOIN _gaiko_keys k ON k.a = e.article_id AND k.i = e.sentence_idx ORDER BY e.rowid"
        ).fetchall()
    for eid, art, idx, etype, intended, negated in rows:
        out.setdefault((art, idx), []).append({"id": eid, "event_type": etype, "intended": intended, "negated": negated})
    return out


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
    """The matched (not mention) evidence stored for entries, with the matcher's own role."""
    out: dict[str, list[dict[str, Any]]] = {}
    if not ledger_ids:
        return out
    with registered(con, "_gaiko_lids", {"id": list(ledger_ids)}):
        rows = con.execute(
            "SELECT e.ledger_id, e.article_id, CAST(e.published AS VARCHAR), e.sentence_idx, e.sentence, "
            "coalesce(e.match_role, e.role), e.event_id, e.note FROM pledge_evidence e JOIN _gaiko_lids k ON k.id = e.ledger_id "
            "WHERE e.match_role IS NOT NULL ORDER BY e.ledger_id, e.published, e.article_id, e.sentence_idx"
        ).fetchall()
    for lid, art, pub, idx, text, role, eid, note in rows:
        out.setdefault(lid, []).append({"article_id": art, "published": pub, "sentence_index": idx, "sentence": text,
                                        "role": role, "event_id": eid, "note": note})
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
    cols: dict[str, dict[str, list[Any]]] = {t: {} for t in ("l", "m", "e", "g", "t")}

    def add(table: str, **values: Any) -> None:
        for k, v in values.items():
            cols[table].setdefault(k, []).append(v)

    for e in entries:
        a, t = e["actor"], e.get("target") or {}
        record = {k: v for k, v in e.items() if not k.startswith("_")}
        add("l", id=e["id"], atext=a.get("text"), aname=a.get("name"), ac=a.get("country"), asec=a.get("sector"),
            action=e["action"], ev=e["event"], kind=e["kind"], tt=t.get("text"), tc=t.get("country"),
            q=json.dumps(e.get("quantity")), d=json.dumps(e.get("deadline")), made=e["made_on"], st=e["status"],
            cst=e["computed_status"], sd=e["status_date"], ov=e["overridden"], computed_for=as_of, n=len(e["mentions"]),
            rec=json.dumps(record, ensure_ascii=False, default=str))
        for m, topic in zip(e["mentions"], e["_member_topics"]):
            add("m", l=e["id"], p=m["pledge_id"], a=m["article_id"], pub=m["published"])
            add("g", p=m["pledge_id"], l=e["id"], b=e["_bucket"], t=topic)
        for ev, raw in zip(e["evidence"], e["_roles"]):
            add("e", l=e["id"], a=ev["article_id"], pub=ev["published"], i=ev.get("sentence_index", -1), s=ev["sentence"],
                r=ev["role"], eid=ev.get("event_id"), note=ev.get("note"), mr=raw)
        for st in sorted(e["_topic"]):
            add("t", l=e["id"], s=st)
    casts = {"l": "id, atext, aname, ac, asec, action, ev, kind, tt, tc, CAST(q AS JSON), CAST(d AS JSON), CAST(made AS DATE), st, "
                  "cst, CAST(sd AS DATE), ov, CAST(computed_for AS DATE), n, CAST(rec AS JSON)",
             "m": "l, p, a, CAST(pub AS DATE)", "e": "l, a, CAST(pub AS DATE), i, s, r, eid, note, mr", "g": "p, l, b, CAST(t AS VARCHAR[])", "t": "l, s"}
    names = {"l": "pledge_ledger", "m": "pledge_mentions", "e": "pledge_evidence", "g": "ledger_groups", "t": "ledger_topics"}
    for key, table in names.items():
        if not cols[key]:
            continue
        with registered(con, "_gaiko_rows", cols[key]):
            con.execute(f"INSERT INTO {table} SELECT {casts[key]} FROM _gaiko_rows")
