"""Joint acts in dyad queries (round x12, after b38 F1).

A *joint act* of A and B is one coded event whose compound source holds both (``source_members``: two distinct
members, one matching A and one matching B) and that has no recipient: "Armenia and Azerbaijan signed a protocol"
is coded, by the PLOVER manual's "Compound and Reciprocal Actors", as ONE event (SUPPORT, source ARM+AZE, no
target), not as ARM -> AZE and AZE -> ARM. The coding stays; this module is the query side:

* a dyad filter (``source`` and ``target`` given, with or without ``either``) also takes the joint acts of the two,
  unless ``directed=True`` (:func:`joint_clause`, read by :class:`~gaiko.store.event_filter.EventFilter`); each
  event is one row, so a total counts it once;
* :meth:`gaiko.store.Store.dyads` lists a joint act under A -> B and under B -> A (each row's number is what its
  ``source=A&target=B`` link opens) and says in ``joint`` how many of a row's events are joint acts
  (:func:`pairs_from`);
* a listed event is labelled ``joint`` (:func:`is_joint`).

A compound source with a third party as recipient ("Armenia and Azerbaijan accused Iran") is their act towards that
party, not towards each other: it is no A-B joint act. Nor is a compound of A and a third party (A+C) one of A and B.

**Every member of a compound source** (round u40, what x12 left): the stored event's own source is its compound
source's first member, so "Armenia and Azerbaijan accused Iran" was Armenia's act only to ``actor``, ``source``,
dyads and the network. Unless ``directed=True`` (the stored sides only, the answers as before), the actor filters
also read each member (:func:`member_clause`; a dyad's source, :func:`member_dyad_clause`, with the event's own
recipient), :meth:`~gaiko.store.Store.dyads` and the actor network add each other member -> the recipient, once per
event (:func:`members_from`; the network also the joint acts' pairs, as the dyads have them since x12), and such an
event is labelled ``joint`` too (:func:`joint_countries`). A total counts the event once: it is one row.
:meth:`~gaiko.store.Store.actor_list` counts each member as a source of the event, once (round u41).
"""

from __future__ import annotations

import json
from typing import Any, Callable

__all__ = ["MEMBERS_TYPE", "joint_clause", "pairs_from", "is_joint", "joint_countries", "member_clause",
           "member_dyad_clause", "members_from"]

#: the fields of a stored member (``source_members`` is a JSON list of actor objects) a filter reads
MEMBERS_TYPE = '[{"country": "VARCHAR", "sector": "VARCHAR", "name": "VARCHAR", "text": "VARCHAR"}]'
_MEMBERS = "from_json({r}.source_members, '" + MEMBERS_TYPE.replace("{", "{{").replace("}", "}}") + "')"

#: the side columns a pair of members stands in for (``x``: the member named first, the pair's source)
_SIDE_COLUMNS = ("country", "sector", "name", "text")


def _mention_joint(r: str, match: Callable[[str, list[Any]], str], source: str, target: str,
                   params: list[Any]) -> str:
    """SQL: mention ``r`` (an ``events`` row) is a joint act of ``source`` and ``target``: no recipient, and two
    distinct members of its compound source, one matching each (``match(value, params)`` is the member clause on
    ``x``)."""
    members = _MEMBERS.format(r=r)
    s1, t1, s2, t2 = [], [], [], []
    a, b = match(source, s1), match(target, t1)
    a2, b2 = match(source, s2), match(target, t2)
    params.extend([*s1, *t1, *s2, *t2])
    return (f"({r}.target_text IS NULL AND {r}.source_members IS NOT NULL"
            f" AND len(list_filter({members}, lambda x: {a})) >= 1"
            f" AND len(list_filter({members}, lambda x: {b})) >= 1"
            f" AND len(list_filter({members}, lambda x: ({a2}) OR ({b2}))) >= 2)")


def joint_clause(source: str, target: str, params: list[Any], match: Callable[[str, list[Any]], str],
                 table: str = "events") -> str:
    """SQL: the row ``e`` is a joint act of ``source`` and ``target`` (each in any form an actor filter takes).
    ``table`` ``events``: ``e`` is a mention; ``clusters``: ``e`` is a cluster with no recipient of which a mention
    is such a joint act."""
    if table == "clusters":
        inner = _mention_joint("jr", match, source, target, params)
        return ("(e.target_text IS NULL AND EXISTS (SELECT 1 FROM cluster_members jm JOIN events jr "
                f"ON jr.id = jm.event_id WHERE jm.cluster_id = e.id AND {inner}))")
    return _mention_joint("e", match, source, target, params)


def _mention_member(r: str, match: Callable[[str, list[Any]], str], value: str, params: list[Any]) -> str:
    """SQL: mention ``r`` has a compound source one of whose members matches ``value``."""
    members = _MEMBERS.format(r=r)
    return (f"({r}.source_members IS NOT NULL"
            f" AND len(list_filter({members}, lambda x: {match(value, params)})) >= 1)")


def member_clause(value: str, params: list[Any], match: Callable[[str, list[Any]], str],
                  table: str = "events") -> str:
    """SQL: a member of the row's compound source matches ``value`` (any form an actor filter takes), with or
    without a recipient. ``table`` ``clusters``: a cluster of which a mention is such an act."""
    if table == "clusters":
        inner = _mention_member("jr", match, value, params)
        return ("EXISTS (SELECT 1 FROM cluster_members jm JOIN events jr "
                f"ON jr.id = jm.event_id WHERE jm.cluster_id = e.id AND {inner})")
    return _mention_member("e", match, value, params)


def member_dyad_clause(source: str, target: str, params: list[Any], match: Callable[[str, list[Any]], str],
                       target_clause: Callable[[str, list[Any]], str], table: str = "events") -> str:
    """SQL: a member of the row's compound source matches ``source`` and its recipient ``target``
    (``target_clause(value, params)``: the row's own target side)."""
    members = member_clause(source, params, match, table)
    return f"({members} AND {target_clause(target, params)})"


_MEMBER_ROWS = (f"SELECT *, from_json(source_members, '{MEMBERS_TYPE}') AS jl FROM events "
                "WHERE source_members IS NOT NULL")
_OWN = ("country", "sector", "name")


def _swap_from(from_: str, mentions: str, clusters: str, what: str) -> str:
    """``from_`` with its leading ``events e`` replaced by ``mentions`` or its ``clusters e`` by ``clusters``."""
    for table, rows in (("FROM events e", mentions), ("FROM clusters e", clusters)):
        if from_.startswith(table):
            return "FROM " + rows + from_[len(table):]
    raise ValueError(f"no events or clusters to {what} in {from_[:40]!r}")


def _member_columns(lst: str) -> str:
    return ", ".join(f"{lst}[ji.i].{c} AS source_{c}" for c in _SIDE_COLUMNS)


def members_from(from_: str) -> str:
    """``from_`` (a Scope's FROM clause) with its ``events e`` or ``clusters e`` replaced by one row per event with
    a compound source (with or without a recipient) and member of that source: the event's columns with the source
    side that member's, and ``jown_country``, ``jown_sector``, ``jown_name`` the event's own (stored) source, so that a caller
    leaves out the member the stored row already counts. A cluster's rows are those of its mentions' members, with
    the cluster's recipient (one cluster may give a member more than once: count with ``count(DISTINCT ...)``)."""
    own = ", ".join(f"{{r}}.source_{c} AS jown_{c}" for c in _OWN)
    mentions = (f"(SELECT jx.* EXCLUDE (jl) REPLACE ({_member_columns('jx.jl')}), {own.format(r='jx')} "
                f"FROM ({_MEMBER_ROWS}) jx CROSS JOIN LATERAL (SELECT unnest(range(1, len(jx.jl) + 1)) AS i) ji) e")
    clusters = (f"(SELECT jc.* REPLACE ({_member_columns('jx.jl')}), {own.format(r='jc')} FROM clusters jc "
                "JOIN cluster_members jm ON jm.cluster_id = jc.id "
                f"JOIN ({_MEMBER_ROWS}) jx ON jx.id = jm.event_id "
                "CROSS JOIN LATERAL (SELECT unnest(range(1, len(jx.jl) + 1)) AS i) ji) e")
    return _swap_from(from_, mentions, clusters, "read members of")


def _pair_columns(lst: str) -> str:
    cols = [f"{lst}[ji.i].{c} AS source_{c}" for c in _SIDE_COLUMNS]
    cols += [f"{lst}[jj.j].{c} AS target_{c}" for c in _SIDE_COLUMNS]
    return ", ".join(cols)


_JOINT_MENTIONS = _MEMBER_ROWS + " AND target_text IS NULL"
_PAIRS = ("CROSS JOIN LATERAL (SELECT unnest(range(1, len({r}.jl) + 1)) AS i) ji "
          "CROSS JOIN LATERAL (SELECT unnest(range(1, len({r}.jl) + 1)) AS j) jj")


def pairs_from(from_: str) -> str:
    """``from_`` (a :class:`~gaiko.store.counting.Scope`'s FROM clause) with its ``events e`` or ``clusters e``
    replaced by one row per joint act and ordered pair of its members: the act's columns with the sides those of
    the two members (``source_*`` the first, ``target_*`` the second), so that the event filters and a dyad's
    ``GROUP BY`` read a pair as they read a directed event. A cluster's pairs are those of its joint mentions (one
    cluster may give a pair more than once: count it with ``count(DISTINCT ...)``)."""
    mentions = (f"(SELECT jx.* EXCLUDE (jl) REPLACE ({_pair_columns('jx.jl')}) FROM ({_JOINT_MENTIONS}) jx "
                f"{_PAIRS.format(r='jx')} WHERE ji.i <> jj.j) e")
    clusters = (f"(SELECT jc.* REPLACE ({_pair_columns('jx.jl')}) FROM clusters jc "
                "JOIN cluster_members jm ON jm.cluster_id = jc.id "
                f"JOIN ({_JOINT_MENTIONS}) jx ON jx.id = jm.event_id {_PAIRS.format(r='jx')} "
                "WHERE jc.target_text IS NULL AND ji.i <> jj.j) e")
    return _swap_from(from_, mentions, clusters, "pair")


def joint_countries(row: dict[str, Any]) -> list[str]:
    """The countries of a listed event's joint act (its compound source's, in order, each once), with or without a
    recipient (round u40: "A and B accused C" is their joint act towards C), or [] when fewer than two countries
    act."""
    if not row.get("source_members"):
        return []
    raw = row["source_members"]
    try:
        members = json.loads(raw) if isinstance(raw, str) else raw
    except ValueError:
        return []
    countries = list(dict.fromkeys(m.get("country") for m in members if isinstance(m, dict) and m.get("country")))
    return countries if len(countries) >= 2 else []


def is_joint(row: dict[str, Any]) -> bool:
    """Whether a listed event is a joint act of two countries or more (:func:`joint_countries`)."""
    return bool(joint_countries(row))
