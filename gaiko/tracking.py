"""Pledge tracking: words against deeds, across articles.

1. **Merge** pledge mentions into ledger entries: same actor (or its country),
   same kind of action (verb class), overlapping object. Restatements are kept
   as evidence (``restated``; ``revised`` when the deadline changed), never
   overwritten.
2. **Match evidence** in later articles: a sentence that names the actor (or
   its country), shares the pledge's topic, and carries a role cue
   (``gaiko/data/pledges/evidence.yaml``) or reports the promised act itself.
   Quantities of the same unit decide partial fulfilment.
3. **Status as of a date** (``--as-of``; default the newest article date in the
   store, never the wall clock): the latest decisive evidence wins; conflicting
   evidence on the same day is ``unclear``; no evidence and a passed deadline is
   ``overdue`` (not ``broken``). A person's override wins and survives recoding.
"""

from __future__ import annotations

import re
from typing import Any

from .errors import ConfigError, NotFound
from .ids import record_id
from .tracking_match import stems, verb_class

__all__ = [
    "STATUSES", "compute_ledger", "update_ledger", "ledger", "set_status", "timeline", "newest_date", "group_mentions",
    "entry", "restatus", "bucket", "prepare",
]

STATUSES = ("open", "in_progress", "fulfilled", "partially_fulfilled", "broken", "withdrawn", "overdue", "unclear")
_POSITIVE = {"fulfilled", "progress", "partial"}
_NEGATIVE = {"broken", "withdrawn"}


def newest_date(store: Any) -> str | None:
    """The ledger's default as-of date: the newest publication date that can be true (never the wall clock)."""
    d = store.newest_article_date()
    return d.isoformat() if d is not None else None


def _actor_key(actor: dict[str, Any]) -> str:
    if actor.get("country"):
        return str(actor["country"])
    name = actor.get("name") or actor.get("text") or ""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", name) if w.lower() not in ("the", "s")]
    return words[-1].lower() if words else name.lower()


def bucket(mention: dict[str, Any]) -> str:
    """Mentions in different buckets are never one pledge: the actor key, and whether it is a demand."""
    return _actor_key(mention["actor"]) + ("|demand" if mention["kind"] == "demand" else "")


def _signature(m: dict[str, Any]) -> tuple[frozenset[str], str | None, str]:
    """What decides whether two mentions of one bucket are the same pledge."""
    return frozenset(m["_topic"]), m["_class"], (m["action"].split() or [""])[0]


def _restates(a: tuple[frozenset[str], str | None, str], b: tuple[frozenset[str], str | None, str]) -> bool:
    """Same pledge (within one bucket): the objects overlap, by a third with the same kind of action, else by 0.6."""
    sa, sb = a[0], b[0]
    if not sa or not sb:
        return False
    overlap = len(sa & sb) / min(len(sa), len(sb))
    same_verb = a[1] is not None and a[1] == b[1] or a[2] == b[2]
    return (same_verb and overlap >= 0.34) or overlap >= 0.6


def prepare(mention: dict[str, Any], lex: Any) -> dict[str, Any]:
    """Add what grouping and matching compare: the action's topic stems and verb class."""
    mention["_topic"] = stems(" ".join(mention["action"].split()[1:]) or mention.get("object"), lex)
    mention["_class"] = verb_class(mention["action"], lex)
    return mention


def group_mentions(mentions: list[dict[str, Any]], lex: Any,
                   groups: list[list[dict[str, Any]]] | None = None) -> list[list[dict[str, Any]]]:
    """Merge mentions of one bucket (oldest first) into pledges: each joins the first earlier pledge one of whose
    mentions it restates. Only pledges sharing a topic stem with it are compared. ``groups``, in the order they were made,
    are pledges grouped earlier (their mentions prepared), extended in place."""
    groups = [] if groups is None else groups
    by_stem: dict[str, set[int]] = {}
    sigs: list[set[tuple[frozenset[str], str | None, str]]] = []  # restatements alike compare once
    for gi, g in enumerate(groups):
        sigs.append({_signature(x) for x in g})
        for x in g:
            for t in x["_topic"]:
                by_stem.setdefault(t, set()).add(gi)
    for m in mentions:
        prepare(m, lex)
        sig = _signature(m)
        near = sorted(set().union(*(by_stem.get(t, ()) for t in m["_topic"]))) if m["_topic"] else []
        found = next((i for i in near if any(_restates(x, sig) for x in sigs[i])), None)
        if found is None:
            gi = len(groups)
            groups.append([m])
            sigs.append(set())
        else:
            gi = found
            groups[gi].append(m)
        sigs[gi].add(sig)
        for t in m["_topic"]:
            by_stem.setdefault(t, set()).add(gi)
    return groups


def _status(evidence: list[dict[str, Any]], deadline: dict[str, Any] | None, as_of: str) -> tuple[str, str | None]:
    decisive = [e for e in evidence if e["role"] not in ("made", "restated", "revised") and e["published"] <= as_of]
    if not decisive:
        if deadline and deadline.get("end") and deadline["end"] < as_of:
            return "overdue", deadline["end"]
        return "open", None
    last_day = decisive[-1]["published"]
    today = {e["role"] for e in decisive if e["published"] == last_day}
    last = decisive[-1]
    if today & _POSITIVE and today & _NEGATIVE or last["role"] == "unclear":
        return "unclear", last_day
    if last["role"] in _NEGATIVE:
        return last["role"], last_day
    if any(e["role"] == "fulfilled" for e in decisive) and last["role"] != "partial":
        when = next(e["published"] for e in decisive if e["role"] == "fulfilled")
        return "fulfilled", when
    if last["role"] == "partial":
        return "partially_fulfilled", last_day
    passed = bool(deadline and deadline.get("end") and deadline["end"] < as_of)
    return ("partially_fulfilled" if passed else "in_progress"), last_day


def entry(group: list[dict[str, Any]], found: list[dict[str, Any]], overrides: list[dict[str, Any]], as_of: str,
          topic: set[str]) -> dict[str, Any]:
    """A ledger entry from its mentions (oldest first) and the evidence matched in other sentences.

    Private keys (``_bucket``, ``_topic``, ``_member_topics``, ``_roles``) are for the store and are not part of the record."""
    first = group[0]
    gid = record_id("pledge", first["id"])
    evidence: list[dict[str, Any]] = []
    deadline = first.get("deadline")
    seen: set[tuple[str, int]] = set()
    for i, m in enumerate(group):
        if (m["article_id"], m["sentence_index"]) in seen:
            continue  # two cues in one sentence are one statement
        seen.add((m["article_id"], m["sentence_index"]))
        role = "made" if i == 0 else "restated"
        note = None
        if i and m.get("deadline") and (m["deadline"] or {}).get("end") != (deadline or {}).get("end"):
            role, note = "revised", f"deadline now {m['deadline'].get('text')} (was {(deadline or {}).get('text')})"
            deadline = m["deadline"]
        evidence.append({"article_id": m["article_id"], "published": m.get("published"), "sentence_index": m["sentence_index"],
                         "sentence": m["sentence"], "role": role, "event_id": None, "note": note})
        if m.get("status_in_text"):
            evidence.append({"article_id": m["article_id"], "published": m.get("published"), "sentence_index": m["sentence_index"],
                             "sentence": m["sentence"], "role": m["status_in_text"], "event_id": None, "note": "reported in the same sentence"})
    evidence += [dict(e, _matched=True) for e in found]
    evidence.sort(key=lambda e: (e["published"] or "", e["article_id"], e["sentence_index"], e["role"] != "made"))
    status, status_date = _status(evidence, deadline, as_of)
    computed = status
    ids = {m["id"] for m in group}
    ov = next((o for o in overrides if o["ledger_id"] == gid or ids & set(o["pledge_ids"])), None)
    if ov is not None:
        status, status_date = ov["status"], (ov["set_at"] or "")[:10] or status_date
    return {
        "id": gid, "actor": {k: first["actor"].get(k) for k in ("text", "country", "sector", "name")},
        "speaker": (first.get("speaker") or {}).get("text"), "action": first["action"], "event": first["event_type"],
        "kind": first["kind"], "cue": first["cue"], "object": first.get("object"),
        "target": {k: (first.get("target") or {}).get(k) for k in ("text", "country", "sector", "name")} if first.get("target") else None,
        "quantity": first.get("quantity"),
        "deadline": {k: deadline.get(k) for k in ("start", "end", "text", "granularity", "kind")} if deadline else None,
        "conditions": first.get("conditions"), "made_on": first.get("published") or first.get("made_on"),
        "status": status, "status_date": status_date or first.get("published"), "computed_status": computed,
        "overridden": ov is not None, "override_note": ov["note"] if ov else None, "as_of": as_of,
        "mentions": [{"pledge_id": m["id"], "article_id": m["article_id"], "published": m.get("published")} for m in group],
        "evidence": [{"article_id": e["article_id"], "published": e["published"], "sentence": e["sentence"],
                      "role": "progress" if e["role"] == "partial" else e["role"],
                      "sentence_index": e["sentence_index"], "event_id": e["event_id"], "note": e["note"]} for e in evidence],
        "_roles": [e["role"] if e.get("_matched") else None for e in evidence],
        "_bucket": bucket(first), "_topic": topic, "_member_topics": [sorted(m.get("_topic") or ()) for m in group],
    }


def restatus(e: dict[str, Any], as_of: str) -> dict[str, Any]:
    """A stored entry seen from a later date: only a deadline passing can change an open or in-progress status."""
    e = dict(e, as_of=as_of)
    if e["computed_status"] in ("open", "in_progress"):
        status, when = _status(e["evidence"], e.get("deadline"), as_of)
        if not e["overridden"]:
            e["status"], e["status_date"] = status, when or e.get("made_on")
        e["computed_status"] = status
    return e


def update_ledger(store: Any, as_of: str | None = None, *, full: bool = False) -> int:
    """Bring the stored ledger up to date with the articles coded since it last ran (everything with ``full``,
    or when ``as_of`` goes back in time). Overrides are kept. Returns the ledger's size."""
    from .tracking_update import update

    return update(store, as_of, full=full)


def compute_ledger(store: Any, as_of: str | None = None) -> list[dict[str, Any]]:
    """The ledger as of a date, computed afresh from the store (nothing written); evidence reported by several
    outlets is one item (:func:`gaiko.clusters.evidence.link_pledge_evidence`)."""
    from .clusters.evidence import link_pledge_evidence
    from .tracking_update import compute

    return link_pledge_evidence(store, compute(store, as_of))


def ledger(store: Any, as_of: str | None = None, actor: str | None = None, status: str | None = None) -> list[dict[str, Any]]:
    """Ledger entries (JSONL shape), filtered.

    Read from the store when its ledger is up to date and ``as_of`` is not before the date it was computed for;
    otherwise computed afresh for ``as_of`` (nothing is written: :func:`update_ledger` does that)."""
    from .store.pledges import _keep
    from .tracking_update import stored

    if status and status not in STATUSES:
        raise ConfigError(f"unknown status {status!r}; use one of: {', '.join(STATUSES)}")
    from .clusters.evidence import link_pledge_evidence

    rows = stored(store, as_of)
    # evidence reported by several outlets is one item with its reports (gaiko.clusters.evidence)
    rows = compute_ledger(store, as_of) if rows is None else link_pledge_evidence(store, rows)
    return [e for e in rows if _keep(e, actor, status)]


def set_status(store: Any, ledger_id: str, status: str, note: str | None = None) -> dict[str, Any]:
    """Overrule a pledge's status by hand; kept across recoding. Returns the updated entry."""
    from .store.pledges import set_override
    from .tracking_update import refresh

    if status not in STATUSES:
        raise ConfigError(f"unknown status {status!r}; use one of: {', '.join(STATUSES)}")
    update_ledger(store)
    entry = next((e for e in ledger(store) if e["id"] == ledger_id), None)
    if entry is None:
        raise NotFound(f"no pledge with id {ledger_id!r}; list ids with `gaiko pledges --format jsonl`")
    set_override(store.con, ledger_id, status, note, [m["pledge_id"] for m in entry["mentions"]])
    refresh(store, [ledger_id])
    return next(e for e in ledger(store) if e["id"] == ledger_id)


def timeline(store: Any, ledger_id: str, as_of: str | None = None) -> dict[str, Any]:
    """One pledge with its evidence, oldest first."""
    entry = next((e for e in ledger(store, as_of) if e["id"] == ledger_id), None)
    if entry is None:
        raise NotFound(f"no pledge with id {ledger_id!r}; list ids with `gaiko pledges --format jsonl`")
    return entry
