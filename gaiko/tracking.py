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
from .pipeline.quantities import find_quantities
from .tracking_match import aliases, evidence_lexicon, mentions_alias, sentence_role, stem, stems, verb_class

__all__ = ["STATUSES", "compute_ledger", "update_ledger", "ledger", "set_status", "timeline", "newest_date"]

STATUSES = ("open", "in_progress", "fulfilled", "partially_fulfilled", "broken", "withdrawn", "overdue", "unclear")
_POSITIVE = {"fulfilled", "progress", "partial"}
_NEGATIVE = {"broken", "withdrawn"}


def newest_date(store: Any) -> str | None:
    return store.scalar("SELECT CAST(max(published) AS VARCHAR) FROM articles")


def _actor_key(actor: dict[str, Any]) -> str:
    if actor.get("country"):
        return str(actor["country"])
    name = actor.get("name") or actor.get("text") or ""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", name) if w.lower() not in ("the", "s")]
    return words[-1].lower() if words else name.lower()


def _same_pledge(a: dict[str, Any], b: dict[str, Any], lex: Any) -> bool:
    if _actor_key(a["actor"]) != _actor_key(b["actor"]) or (a["kind"] == "demand") != (b["kind"] == "demand"):
        return False
    sa, sb = a["_topic"], b["_topic"]
    if not sa or not sb:
        return False
    overlap = len(sa & sb) / min(len(sa), len(sb))
    same_verb = a["_class"] is not None and a["_class"] == b["_class"] or a["action"].split()[0] == b["action"].split()[0]
    return (same_verb and overlap >= 0.34) or overlap >= 0.6


def _group(mentions: list[dict[str, Any]], lex: Any) -> list[list[dict[str, Any]]]:
    groups: list[list[dict[str, Any]]] = []
    for m in mentions:
        m["_topic"] = stems(" ".join(m["action"].split()[1:]) or m.get("object"), lex)
        m["_class"] = verb_class(m["action"], lex)
        for g in groups:
            if any(_same_pledge(x, m, lex) for x in g):
                g.append(m)
                break
        else:
            groups.append([m])
    return groups


def _index_sentences(sentences: list[dict[str, Any]], lex: Any) -> dict[str, list[int]]:
    """Stem each sentence once and index sentences by stem (stem -> positions in ``sentences``)."""
    index: dict[str, list[int]] = {}
    for i, s in enumerate(sentences):
        s["_stems"] = stems(s["text"], lex)
        for st in s["_stems"]:
            index.setdefault(st, []).append(i)
    return index


def _place_stems(lex: Any) -> set[str]:
    return {stem(a.lower()) for names in lex.countries.values() for a in names}


def _evidence_for(group: list[dict[str, Any]], sentences: list[dict[str, Any]], lex: Any,
                  events: dict[tuple[str, int], list[dict[str, Any]]],
                  index: dict[str, list[int]] | None = None, places: set[str] | None = None) -> list[dict[str, Any]]:
    first = group[0]
    full = set().union(*(m["_topic"] for m in group))
    if places is None:
        places = _place_stems(lex)
    if index is None:
        index = _index_sentences(sentences, lex)
    topic = (full - places) or full  # country names say who, not what: they only count when nothing else is left
    pclass = first["_class"]
    actor = first["target"] if first["kind"] == "demand" and first.get("target") else first["actor"]
    names = aliases(actor, lex)
    own = {(m["article_id"], m["sentence_index"]) for m in group}
    made_arts = {m["article_id"] for m in group}
    quantity = next((m["quantity"] for m in group if m.get("quantity")), None)
    verb = first["action"].split()[0].lower() if first["action"] else ""
    out: list[dict[str, Any]] = []
    # a sentence that shares no topic stem can never be evidence: look only at those that share one
    candidates = sorted(set().union(*(index.get(t, ()) for t in topic))) if topic else []
    for pos in candidates:
        s = sentences[pos]
        if (s["article_id"], s["idx"]) in own or s["article_id"] in made_arts or not s["published"]:
            continue
        if s["published"] < (first.get("published") or ""):
            continue
        shared = topic & s["_stems"]
        need = min(2, len(topic))
        if len(shared) < need or len(shared) / max(1, len(topic)) < 0.34:
            continue
        named = mentions_alias(s["text"], names)
        strong = len(shared) >= 2 and len(shared) / max(1, len(topic)) >= 0.4
        if not named and not (strong and not actor.get("country")):
            continue
        role, cue = sentence_role(s["text"], pclass, lex)
        note = f"cue: {cue}" if cue else None
        qmatch = False
        if quantity and quantity.get("unit") and role in (None, "fulfilled", "progress"):
            same = [q for _s, _e, q in find_quantities(s["text"]) if q.unit == quantity["unit"] and q.value is not None]
            if same:
                qmatch = True
                got, want = float(same[0].value or 0.0), float(quantity.get("value") or 0)
                if verb in lex.cumulative and got < want * 0.95:
                    role, note = "partial", f"{same[0].text} of {quantity['text']}"
                elif role is None and abs(got - want) <= 0.05 * max(want, 1e-9):
                    role, note = "progress", f"{same[0].text} mentioned"
        if (len(topic) == 1 or not topic - places) and not qmatch and not (
                role in ("fulfilled", "broken") and cue and cue.split()[-1] in lex.verb_classes.get(pclass or "", ())):
            continue  # one shared word is too little, unless the promised act itself or its quantity is reported
        ev_id = None
        for ev in events.get((s["article_id"], s["idx"]), []):
            if ev["event_type"] == first["event_type"] and not ev.get("intended") and not ev.get("negated"):
                ev_id = ev["id"]
                role = role or "progress"
        if role is None:
            continue
        out.append({"article_id": s["article_id"], "published": s["published"], "sentence_index": s["idx"],
                    "sentence": s["text"], "role": role, "event_id": ev_id, "note": note})
    return out


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


def compute_ledger(store: Any, as_of: str | None = None) -> list[dict[str, Any]]:
    """The ledger as of a date, computed from the store (nothing written)."""
    from .store.pledges import get_overrides, load_pledges

    lex = evidence_lexicon()
    as_of = as_of or newest_date(store)
    if as_of is None:
        return []
    mentions = [m for m in load_pledges(store.con) if (m.get("published") or "") <= as_of]
    sentences = store.query(
        "SELECT s.article_id, s.idx, s.text, CAST(a.published AS VARCHAR) AS published FROM sentences s "
        "JOIN articles a ON a.id = s.article_id WHERE a.published <= CAST(? AS DATE) ORDER BY a.published, s.article_id, s.idx",
        [as_of],
    )
    events: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for ev in store.query("SELECT id, article_id, sentence_idx, event_type, intended, negated FROM events"):
        events.setdefault((ev["article_id"], ev["sentence_idx"]), []).append(ev)
    overrides = get_overrides(store.con)
    index = _index_sentences(sentences, lex)
    places = _place_stems(lex)
    out = []
    for group in _group(mentions, lex):
        out.append(_entry(group, sentences, lex, events, overrides, as_of, index, places))
    return out


def _entry(group: list[dict[str, Any]], sentences: list[dict[str, Any]], lex: Any, events: Any,
           overrides: list[dict[str, Any]], as_of: str, index: dict[str, list[int]] | None = None,
           places: set[str] | None = None) -> dict[str, Any]:
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
    evidence += _evidence_for(group, sentences, lex, events, index, places)
    evidence.sort(key=lambda e: (e["published"] or "", e["article_id"], e["sentence_index"], e["role"] != "made"))
    status, status_date = _status(evidence, deadline, as_of)
    computed = status
    ids = {m["id"] for m in group}
    ov = next((o for o in overrides if o["ledger_id"] == gid or ids & set(o["pledge_ids"])), None)
    if ov is not None:
        status, status_date = ov["status"], (ov["set_at"] or "")[:10] or status_date
    for e in evidence:
        if e["role"] == "partial":
            e["role"] = "progress"
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
        "evidence": [{"article_id": e["article_id"], "published": e["published"], "sentence": e["sentence"], "role": e["role"],
                      "sentence_index": e["sentence_index"], "event_id": e["event_id"], "note": e["note"]} for e in evidence],
    }


def update_ledger(store: Any, as_of: str | None = None) -> int:
    """Recompute the ledger from scratch (idempotent; overrides kept) and store it. Returns its size."""
    from .store.pledges import write_ledger

    as_of = as_of or newest_date(store)
    entries = compute_ledger(store, as_of)
    write_ledger(store.con, entries, as_of)
    return len(entries)


def ledger(store: Any, as_of: str | None = None, actor: str | None = None, status: str | None = None) -> list[dict[str, Any]]:
    """Ledger entries (JSONL shape), filtered; computed fresh so ``as_of`` can be any date."""
    from .store.pledges import _keep

    if status and status not in STATUSES:
        raise ConfigError(f"unknown status {status!r}; use one of: {', '.join(STATUSES)}")
    return [e for e in compute_ledger(store, as_of) if _keep(e, actor, status)]


def set_status(store: Any, ledger_id: str, status: str, note: str | None = None) -> dict[str, Any]:
    """Overrule a pledge's status by hand; kept across recoding. Returns the updated entry."""
    from .store.pledges import set_override

    if status not in STATUSES:
        raise ConfigError(f"unknown status {status!r}; use one of: {', '.join(STATUSES)}")
    entry = next((e for e in compute_ledger(store) if e["id"] == ledger_id), None)
    if entry is None:
        raise NotFound(f"no pledge with id {ledger_id!r}; list ids with `gaiko pledges --format jsonl`")
    set_override(store.con, ledger_id, status, note, [m["pledge_id"] for m in entry["mentions"]])
    update_ledger(store)
    return next(e for e in compute_ledger(store) if e["id"] == ledger_id)


def timeline(store: Any, ledger_id: str, as_of: str | None = None) -> dict[str, Any]:
    """One pledge with its evidence, oldest first."""
    entry = next((e for e in compute_ledger(store, as_of) if e["id"] == ledger_id), None)
    if entry is None:
        raise NotFound(f"no pledge with id {ledger_id!r}; list ids with `gaiko pledges --format jsonl`")
    return entry
