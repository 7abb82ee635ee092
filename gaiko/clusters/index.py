"""An in-process copy of the stored units and lookup keys, so that a batch reads no table whose size grows with
the store.

:func:`~.update.add_mentions` needs, for every batch, the stored units it may touch (``cluster_units`` by key and
by parent) and the units listed under the batch's lookup keys (``cluster_fine``, ``cluster_coarse``). DuckDB
answers each of those reads with a scan of the whole table (a join or a semi-join on a key column; an ART index is
not used for them), so their cost grew with the store. :class:`UnitIndex` holds the same rows in memory: units by
key and by parent in dictionaries, lookup keys in sorted NumPy arrays (16 bytes a key) searched with
``searchsorted`` plus a dictionary of the keys added since the arrays were last rebuilt; each read then costs what
the batch asks, whatever the size of the store. The tables stay the record; the index only answers reads.

**Staying equal to the tables.** The index is loaded in full from the tables the first time a store is clustered
in a process, and then kept up to date by the batches that write them (:meth:`UnitIndex.put_units`,
:meth:`UnitIndex.add_keys`). Every batch writes a fresh random token to ``meta`` (key ``clusters_index``) in its own
transaction, and the index remembers it; a batch uses the index only when the store holds the token the index
remembers, and otherwise loads it again. So the index is reloaded after a rolled-back batch (the store went back to
the old token), after a batch that failed half-way (the index forgot its token when it began changing), for another
store, and after anything else that wrote the tables: :func:`gaiko.clusters.rebuild_clusters` and migration 7
remove the token. Splits and merges (overrules) change only ``cluster_members`` and ``clusters``, which the index
does not hold. As a last guard, the number of stored units must equal the
index's (one ``count(*)``).

The index also keeps the :class:`~.core.UnitState` of every unit a batch has read (made once from its row, not
again for every batch that reads it): a batch changes those objects in place and writes every one it changes, so
that after :func:`seal` they say what the rows say; a batch that fails leaves its token unsealed and the whole index
is loaded again, states included.

Memory: about 0.7 KB a unit (its row, the strings in it, the sets of children) and 16 bytes a lookup key, plus the
:class:`~.units.Unit` objects made for the units a process has compared and their states (about 0.6 KB each); for
the benchmark's 1,000 articles ten times over (224,590 units, 1.74 million keys) the loaded index holds 180 MiB and
takes about 4 CPU seconds to load, once per process; the copy of ``clusters`` adds a tuple of 46 values a cluster
(124,380 clusters at the benchmark's 10,000 articles). It grows with the store: a store of a million articles would
need a different layout (arrays for the units too) or the index limited to the recent windows.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["UnitIndex", "index_for", "forget", "TOKEN_KEY"]

#: the ``meta`` key the token of the index is stored under
TOKEN_KEY = "clusters_index"
#: keys added since the arrays were built are merged into them once there are this many (and a tenth of the arrays)
_MERGE_AT = 20_000
#: indexes kept (one per store a process writes; several in tests)
_KEEP = 4

_INDEXES: dict[str, UnitIndex] = {}


class _Keys:
    """Lookup keys (63-bit integers) and the unit listed under each: sorted arrays and a dictionary of recent ones."""

    def __init__(self, keys: Any, owners: Any) -> None:
        import numpy as np

        order = np.argsort(keys, kind="stable")
        self.k, self.u = keys[order], owners[order]
        self.recent: dict[int, list[int]] = {}
        self.n_recent = 0
        self._rk: Any = None  # the keys of recent, sorted (_recent_sorted)

    def __len__(self) -> int:
        return len(self.k) + self.n_recent

    def add(self, keys: Sequence[int], owners: Sequence[int]) -> None:
        for k, o in zip(keys, owners):
            lst = self.recent.get(k)
            if lst is None:
                self.recent[k] = [o]
            else:
                lst.append(o)
        self.n_recent += len(keys)
        self._rk = None
        if self.n_recent >= max(_MERGE_AT, len(self.k) // 10):
            self._merge()

    def _merge(self) -> None:
        """Move the recent keys into the sorted arrays: sorted among themselves, then inserted where they belong (one
        pass over the arrays, no sort of them)."""
        import numpy as np

        n = self.n_recent
        ks = np.fromiter((k for k, os in self.recent.items() for _o in os), dtype=np.int64, count=n)
        us = np.fromiter((o for os in self.recent.values() for o in os), dtype=np.int64, count=n)
        order = np.argsort(ks, kind="stable")
        ks, us = ks[order], us[order]
        at = np.searchsorted(self.k, ks)
        self.k, self.u = np.insert(self.k, at, ks), np.insert(self.u, at, us)
        self.recent, self.n_recent, self._rk = {}, 0, None

    def pairs(self, keys: Sequence[int], owners: Sequence[int]) -> set[tuple[int, int]]:
        """(owner, unit listed) for every key of ``keys`` listed (``owners[i]`` is the unit asking for ``keys[i]``),
        added to the set key by key in the order of ``keys`` (the arrays' listings first, then the recent ones).

        The keys are searched in sorted order (a binary search that starts where the last one ended: a batch asks
        for thousands, most of them listed nowhere), and the recent ones through a sorted array of their keys, so
        only the keys found cost a step in Python (b20 in docs/benchmarks.md)."""
        import numpy as np

        out: set[tuple[int, int]] = set()
        if not len(keys):
            return out
        q = np.asarray(keys, dtype=np.int64)
        by = np.argsort(q)  # the order among equal keys does not matter: the keys found go back to their own order
        s = q[by]
        if len(self.k):
            lo = np.searchsorted(self.k, s, "left")
            inside = lo < len(self.k)
            eq = np.zeros(len(s), dtype=bool)
            eq[inside] = self.k[lo[inside]] == s[inside]
            at = np.nonzero(eq)[0]  # positions (in sorted order) of the keys listed
            if len(at):
                hi = np.searchsorted(self.k, s[at], "right")
                lo = lo[at]
                back = np.argsort(by[at])  # back to the order of ``keys`` (indexes: no two equal)
                hit, lo, counts = by[at][back], lo[back], (hi - lo)[back]
                # positions lo..hi-1 of every key found, and beside each the index of the key
                starts = np.repeat(lo - np.cumsum(counts) + counts, counts)
                pos = starts + np.arange(int(counts.sum()))
                who = np.asarray(owners, dtype=np.int64)[np.repeat(hit, counts)]
                out.update(zip(who.tolist(), self.u[pos].tolist()))
        if self.recent:
            rk = self._recent_sorted()
            at = np.searchsorted(rk, s)
            inside = at < len(rk)
            eq = np.zeros(len(s), dtype=bool)
            eq[inside] = rk[at[inside]] == s[inside]
            recent = self.recent
            for i in np.sort(by[eq]).tolist():
                o = owners[i]
                out.update((o, u) for u in recent[keys[i]])
        return out

    def _recent_sorted(self) -> Any:
        """The keys of ``recent``, sorted (made again after keys were added)."""
        import numpy as np

        if self._rk is None:
            self._rk = np.sort(np.fromiter(self.recent, dtype=np.int64, count=len(self.recent)))
        return self._rk


class Fits(dict):  # type: ignore[type-arg]
    """:attr:`UnitIndex.fits` (ukey -> the fits of an undated unit, or ``None``), with ``two``: ukey -> (its fits
    dict, how many of its first entries :func:`~.fits.two_events_known` compared, whether two of those are two
    events), so that a unit's known fits, which only grow, are compared pair by pair once (round c57)."""

    __slots__ = ("two",)

    def __init__(self) -> None:
        super().__init__()
        self.two: dict[int, tuple[dict[int, Any], int, bool]] = {}


class UnitIndex:
    """The stored units (``cluster_units`` rows by ukey, and ukeys by parent) and lookup keys of one store."""

    def __init__(self, units: dict[int, tuple[Any, ...]], fine: _Keys, coarse: _Keys) -> None:
        #: ukey -> the unit's row (columns of :data:`gaiko.clusters.update.UNIT_COLS`)
        self.units = units
        #: parent ukey -> the ukeys of the units whose parent it is
        self.children: dict[int, set[int]] = {}
        for k, row in units.items():
            if row[_PARENT] is not None:
                self.children.setdefault(row[_PARENT], set()).add(k)
        self.keys = {"cluster_fine": fine, "cluster_coarse": coarse}
        self.token: str | None = None
        self._objects: dict[int, Any] = {}
        #: ukey -> the unit's :class:`~.core.UnitState` under the same rules, made once per process from its row; a
        #: batch changes these objects in place and writes every one it changes (their rows then equal them again)
        self._states: dict[int, Any] = {}
        self._rules: Any = None
        #: ukey -> what an undated unit (``attach.ambiguous``) may join, as far as this process has seen them all:
        #: ukey -> :class:`~.units.Unit` of every unit it may join, or ``None`` once two of them are two events (see
        #: :mod:`.fits`); kept with the states, under the same rules
        self.fits: dict[int, dict[int, Any] | None] = Fits()
        #: the learned pair score's evidence and probabilities by event id (:mod:`.learnedupdate`), same rules
        self.scores: dict[Any, Any] = {}
        #: whether the store holds a token (read by :func:`index_for`, in the batch's transaction)
        self.stored = False
        #: (attach.max_listed) the rules, and the first K units of every fine and coarse key (gaiko.clusters.bounded)
        self.heads: Any = None

    def objects_for(self, rules: Any) -> dict[int, Any]:
        """ukey -> the unit's :class:`~.units.Unit` under ``rules``, as made so far (kept while the rules are the same)."""
        if rules is not self._rules:
            self._objects, self._states, self._rules, self.fits, self.scores = {}, {}, rules, Fits(), {}
        return self._objects

    def states(self, ukeys: Iterable[int], make: Any) -> dict[int, Any]:
        """ukey -> state of those of ``ukeys`` that are stored, in their order; a state not made yet is ``make(row)``
        (under the rules of the last :meth:`objects_for`)."""
        cache, units = self._states, self.units
        out = {}
        for k in ukeys:
            st = cache.get(k)
            if st is None:
                row = units.get(k)
                if row is None:
                    continue
                st = cache[k] = make(row)
            out[k] = st
        return out

    def held_states(self) -> dict[int, Any]:
        """ukey -> the states made so far (read only: what :meth:`states` would give for those keys)."""
        return self._states

    def get(self, ukeys: Iterable[int]) -> list[tuple[Any, ...]]:
        """The stored rows of those of ``ukeys`` that are stored."""
        units = self.units
        return [units[k] for k in ukeys if k in units]

    def children_of(self, parents: Iterable[int]) -> list[tuple[Any, ...]]:
        """The stored rows of the units whose stored parent is one of ``parents``."""
        out = []
        for p in parents:
            for k in self.children.get(p, ()):
                out.append(self.units[k])
        return out

    def pairs(self, table: str, keys: Sequence[int], owners: Sequence[int]) -> list[tuple[int, int]]:
        """(unit asking, unit listed) for lookup ``keys`` of ``table`` (``cluster_fine`` or ``cluster_coarse``)."""
        return list(self.keys[table].pairs(keys, owners))

    def add_keys(self, table: str, keys: Sequence[int], owners: Sequence[int]) -> None:
        self.keys[table].add(keys, owners)

    def put_units(self, rows: Iterable[tuple[Any, ...]], states: Sequence[Any] = ()) -> None:
        """Rows written to ``cluster_units`` (new units, or new counts, parents and roots of stored ones), and the
        states they were written from (kept for :meth:`states`)."""
        for st in states:
            self._states[st.ukey] = st
        for row in rows:
            k = row[0]
            old = self.units.get(k)
            if JOURNAL is not None:
                JOURNAL.append((k, old, row))
            if old is not None and old[_PARENT] != row[_PARENT] and old[_PARENT] is not None:
                kids = self.children.get(old[_PARENT])
                if kids is not None:
                    kids.discard(k)
                    if not kids:
                        del self.children[old[_PARENT]]
            if row[_PARENT] is not None:
                self.children.setdefault(row[_PARENT], set()).add(k)
            self.units[k] = row


#: when a list (the learned join's last layer, :mod:`.joinlast`, round c54): every row :meth:`UnitIndex.put_units` writes
#: is appended as (ukey, the row before or None, the row written)
JOURNAL: list[tuple[int, Any, Any]] | None = None

#: position of ``parent`` in a unit's row (gaiko.clusters.update.UNIT_COLS)
_PARENT = 11


def _load(con: Any, columns: Sequence[str]) -> UnitIndex:
    import numpy as np

    rows = con.execute(f"SELECT {', '.join(columns)} FROM cluster_units").fetchall()
    units = {r[0]: tuple(r) for r in rows}

    def keys(table: str) -> _Keys:
        got = con.execute(f"SELECT k, ukey FROM {table} WHERE k IS NOT NULL AND ukey IS NOT NULL").fetchnumpy()
        return _Keys(np.asarray(got["k"], dtype=np.int64), np.asarray(got["ukey"], dtype=np.int64))

    return UnitIndex(units, keys("cluster_fine"), keys("cluster_coarse"))


def index_for(con: Any, columns: Sequence[str]) -> UnitIndex:
    """The index of the store ``con`` writes, loaded again unless it is known to equal the tables (see the module
    docstring). The caller changes it and the tables together, then calls :meth:`seal`."""
    token = _stored_token(con)
    idx = _INDEXES.get(token) if token is not None else None
    if idx is None or idx.token != token or _count(con) != len(idx.units):
        if token is not None:
            _INDEXES.pop(token, None)
        idx = _load(con, columns)
    idx.token = None  # changing from here on: unusable until sealed
    idx.stored = token is not None
    return idx


def seal(con: Any, idx: UnitIndex) -> None:
    """Write a new token for ``idx`` in the caller's transaction, once the tables and the index hold the same rows."""
    token = uuid.uuid4().hex
    if idx.stored:  # an UPDATE costs a third of an INSERT OR REPLACE (which goes through the primary key's index)
        con.execute("UPDATE meta SET value = ? WHERE key = ?", [token, TOKEN_KEY])
    else:
        con.execute("INSERT INTO meta VALUES (?, ?)", [TOKEN_KEY, token])
    for old in [t for t, i in _INDEXES.items() if i is idx]:
        del _INDEXES[old]
    while len(_INDEXES) >= _KEEP:
        del _INDEXES[next(iter(_INDEXES))]
    idx.token = token
    _INDEXES[token] = idx


def forget(con: Any) -> None:
    """Remove the token (for whatever writes the tables other than a batch): the next batch loads the index again."""
    con.execute("DELETE FROM meta WHERE key = ?", [TOKEN_KEY])


def _stored_token(con: Any) -> str | None:
    got = con.execute("SELECT value FROM meta WHERE key = ?", [TOKEN_KEY]).fetchall()
    return got[0][0] if got else None


def _count(con: Any) -> int:
    return int(con.execute("SELECT count(*) FROM cluster_units").fetchall()[0][0])
