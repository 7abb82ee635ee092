"""Pledge tracking: words against deeds, across articles.

One flow, one module per step (none imports a later one):

1. **extract** - the coder's pipeline component :mod:`gaiko.pipeline.pledges` finds each
   promise, plan, threat, demand or agreement in an article (a ``Pledge`` mention), using
   :mod:`.deadlines` and :mod:`.quantities` to normalise its deadline and quantity.
2. **normalise** - :mod:`.normalise` turns a mention into a frame: the actor's *side* (a government,
   its leader, ministries and agencies are one side), the act and object as concept keys
   (:mod:`.text`, :mod:`.lexicon`: "cut the levy" ~ "the lower duty"; the object's head: :mod:`.objecthead`),
   target, quantity, deadline; and every coded sentence into linking keys (concepts, and the sides the coder
   resolved in it).
3. **link** - :mod:`.link` merges mentions of one pledge (same side, same act, overlapping object;
   never two acts of one sentence) and :mod:`.tables` retrieves the later sentences that share the
   pledge's object in meaning and name its side (or name no one in an article about it).
4. **decide** - :mod:`.decide` reads each retrieved sentence against the pledge: fulfils, partial,
   progresses, reverses, withdraws, restates, revises, stalls or unrelated, from the clause's
   tense, aspect, negation, modality and verb class; what it cannot decide is kept as
   ``needs_review`` with the candidate sentence, never guessed.
5. **ledger** - :mod:`.status` turns the decided evidence into a status as of a date, with a one-line
   reason and the history of how it moved; :mod:`.update` (with :mod:`.regroup`) keeps the stored ledger up to date
   incrementally (always equal to a rebuild).

Statuses: see :data:`STATUSES` and docs/pledges.md.
"""

from __future__ import annotations

from typing import Any

from ..errors import ConfigError, NotFound

__all__ = [
    "STATUSES", "NOT_A_PLEDGE", "RELATIONS", "compute_ledger", "update_ledger", "ledger", "set_status", "unset_status", "timeline", "newest_date",
    "selector", "first_reported", "made_words",
]

#: statuses a pledge can have (``partially_fulfilled`` is what promise trackers call a compromise:
#: changed terms, or less than promised; ``stalled``: reported stuck, delayed or blocked)
STATUSES = ("open", "in_progress", "fulfilled", "partially_fulfilled", "stalled", "broken", "withdrawn", "overdue",
            "unclear", "not_a_pledge")
#: the status a person sets on a statement the extractor took for a pledge and is none ("not a pledge", round n48):
#: never computed, only set by hand (``gaiko pledge set ID not_a_pledge``); such an entry is left out of the ledger,
#: the scorecard and the pages unless a status filter names it, and the override survives recoding as any other
NOT_A_PLEDGE = "not_a_pledge"
#: what a later report can say about a pledge (:mod:`gaiko.tracking.decide`)
RELATIONS = ("fulfils", "partial", "progresses", "reverses", "withdraws", "restates", "revises", "stalls", "unrelated")


def newest_date(store: Any) -> str | None:
    """The ledger's default as-of date: the newest publication date that can be true (never the wall clock)."""
    d = store.newest_article_date()
    return d.isoformat() if d is not None else None


def update_ledger(store: Any, as_of: str | None = None, *, full: bool = False) -> int:
    """Bring the stored ledger up to date with the articles coded since it last ran (everything with ``full``,
    or when ``as_of`` goes back in time). Overrides are kept. Returns the ledger's size."""
    from .update import update

    return update(store, as_of, full=full)


def compute_ledger(store: Any, as_of: str | None = None) -> list[dict[str, Any]]:
    """The ledger as of a date, computed afresh from the store (nothing written); evidence reported by several
    outlets is one item (:func:`gaiko.clusters.evidence.link_pledge_evidence`)."""
    from ..clusters.evidence import link_pledge_evidence
    from .evidence_spans import with_offsets
    from .update import compute

    # each evidence sentence with its character offsets in its article (round n53)
    return with_offsets(store.con, link_pledge_evidence(store, compute(store, as_of)))


def ledger(store: Any, as_of: str | None = None, actor: str | None = None, status: str | list[str] | None = None, *,
           kind: str | list[str] | None = None, made_since: str | None = None, made_until: str | None = None,
           every: bool = False, changed_since: str | None = None, target: str | None = None) -> list[dict[str, Any]]:
    """Ledger entries (JSONL shape, see docs/pledges.md), filtered by actor (code, name or text), status (one, or
    several comma-separated or as a list, as ``gaiko pledges --status`` and the API take them), ``kind`` (likewise)
    and the day each was first made, ``made_since`` / ``made_until`` (YYYY-MM-DD, inclusive; round n41), and
    ``changed_since`` (YYYY-MM-DD: the status date, the day its present status began, on or after it; round r36),
    and ``target`` (the party it is made to or asked of: a code as the API's ``target_country``, else words of its
    name; :func:`gaiko.store.ledger_view.target_ok`, round u46).

    Read from the store when its ledger is up to date and ``as_of`` is not before the date it was computed for;
    otherwise computed afresh for ``as_of`` (nothing is written: :func:`update_ledger` does that).
    An entry set ``not_a_pledge`` by hand is left out unless ``status`` names that status or ``every`` is true
    (round n48).
    Raises :class:`ConfigError` for an unknown status, a kind filter of commas only, a ``made_*`` or ``changed_since``
    that is no date or ``made_since`` after ``made_until``."""
    from ..clusters.evidence import link_pledge_evidence
    from .update import stored

    pick = selector(actor, status, kind, made_since, made_until, changed_since, target)  # bad filters fail before the ledger is read
    rows = stored(store, as_of)
    # evidence reported by several outlets is one item with its reports (gaiko.clusters.evidence)
    if rows is None:
        rows = compute_ledger(store, as_of)
    else:  # each evidence sentence with its character offsets in its article (round n53)
        from .evidence_spans import with_offsets

        rows = with_offsets(store.con, link_pledge_evidence(store, rows))
    return [e for e in rows if (every or pick(e)) and (every or not dismissed(e, status))]


def dismissed(entry: dict[str, Any], status: str | list[str] | None = None) -> bool:
    """Whether a ledger entry is one a person set ``not_a_pledge`` and the status filter ``status`` does not ask for
    it (round n48)."""
    from ..store.ledger_view import parse_statuses

    return entry.get("status") == NOT_A_PLEDGE and NOT_A_PLEDGE not in parse_statuses(status)


def selector(actor: str | None = None, status: str | list[str] | None = None, kind: str | list[str] | None = None,
             made_since: str | None = None, made_until: str | None = None, changed_since: str | None = None,
             target: str | None = None) -> Any:
    """The filters of :func:`ledger` as one test ``entry -> bool`` (``gaiko pledges`` filters the entries it already
    holds with it). Raises :class:`ConfigError` as :func:`ledger` does."""
    from ..store.ledger_view import (changed_since_ok, made_between, parse_changed, parse_kinds, parse_made,
                                     parse_statuses, target_ok)
    from .tables import keep

    wanted = set(parse_statuses(status))
    kinds = set(parse_kinds(kind))
    made = parse_made(made_since, made_until)
    changed = parse_changed(changed_since)
    return lambda e: (keep(e, actor, None) and (not wanted or e.get("status") in wanted)
                      and (not kinds or e.get("kind") in kinds) and made_between(e, *made)
                      and changed_since_ok(e, changed) and target_ok(e, target))


def set_status(store: Any, ledger_id: str, status: str, note: str | None = None,
               date: str | None = None) -> dict[str, Any]:
    """Overrule a pledge's status by hand (``status`` in any case); kept across recoding. Returns the updated entry.
    ``date`` (YYYY-MM-DD): the day of the evidence, from which the status holds (its ``status_date``, the scorecard's
    lag; a replay ``as_of`` an earlier day shows the computed status; round r35, b31 F10); None: from the report
    that moves the pledge there, else the newest report in hand, as before.
    Raises :class:`ConfigError` for an unknown status or a ``date`` that is no day or is before the pledge was made,
    :class:`NotFound` for an unknown id."""
    from .tables import evidence_key, set_override
    from .update import refresh

    # in any case, as `gaiko pledges --status` and the API read it (round r31, b29 F14: "Broken" was refused)
    status = status.strip().lower() if status.strip().lower() in STATUSES else status
    if status not in STATUSES:  # a promise meter's word says what it is here, as `--status kept` says it (n50)
        from ..store.ledger_view import status_hint

        raise ConfigError(f"unknown status {status!r}{status_hint([status.strip().lower()])}; use one of: "
                          f"{', '.join(STATUSES)}")
    update_ledger(store)
    entry = next((e for e in ledger(store, every=True) if e["id"] == ledger_id), None)
    if entry is None:
        raise _not_found(store, ledger_id)
    if note is None and entry.get("overridden") and entry.get("status") == status:
        note = entry.get("override_note")  # the same status set again without --note keeps the note it had
    if date is not None:
        from ..isoday import iso_day, no_such_day

        try:
            date = iso_day(date).isoformat()
        except ValueError:
            raise ConfigError(f"date must be a day like 2026-01-28, not {date!r}{no_such_day(date)}") from None
        made = str(entry.get("made_on") or "")[:10]
        if made and date < made:
            raise ConfigError(f"date {date} is before the pledge was made ({made}): give the day of the evidence")
    set_override(store.con, ledger_id, status, note, [m["pledge_id"] for m in entry["mentions"]],
                 seen=[evidence_key(e) for e in entry["evidence"]], date=date)
    refresh(store, [ledger_id])
    return next(e for e in ledger(store, every=True) if e["id"] == ledger_id)


def unset_status(store: Any, ledger_id: str) -> dict[str, Any]:
    """Drop a person's status for a pledge (the undo of :func:`set_status`): it goes back to its computed
    status. Returns the updated entry. Raises :class:`NotFound` for an unknown id, or an id without an
    override."""
    from .tables import clear_override
    from .update import refresh

    if not clear_override(store.con, ledger_id):
        if not any(e["id"] == ledger_id for e in ledger(store, every=True)):  # no such pledge at all (n50: it was
            raise _not_found(store, ledger_id)                            # told it had no status set by hand)
        raise NotFound(f"pledge {ledger_id!r} has no status set by hand; `gaiko pledges` marks those "
                       "\"(set by hand)\"")
    update_ledger(store)
    refresh(store, [ledger_id])
    entry = next((e for e in ledger(store, every=True) if e["id"] == ledger_id), None)
    if entry is None:
        raise _not_found(store, ledger_id)
    return entry


def timeline(store: Any, ledger_id: str, as_of: str | None = None) -> dict[str, Any]:
    """One pledge with its evidence, oldest first. Raises :class:`NotFound` for an unknown id."""
    entry = next((e for e in ledger(store, as_of, every=True) if e["id"] == ledger_id), None)
    if entry is None:
        raise _not_found(store, ledger_id, as_of)
    return entry


def first_reported(entry: dict[str, Any]) -> str | None:
    """The publication date of the first article that reports the pledge (its earliest mention's), or None when
    every mention is undated: the day from which a ledger ``as_of`` holds it."""
    days = [str(m["published"])[:10] for m in entry.get("mentions") or () if m.get("published")]
    return min(days) if days else None


def made_words(entry: dict[str, Any]) -> str:
    """When a pledge was made, as ``gaiko pledge show`` and the as-of error both say it (round r37, b33 F18: one said
    the first report's publication date, the other ``made_on``): "made on D", the entry's ``made_on`` (docs/pledges.md:
    the article's date, or the earlier day its cue verb carries), with "first reported on P" added when the first
    report was published later than that."""
    made, first = entry.get("made_on"), first_reported(entry)
    words = f"made on {made or 'an unknown day'}"
    return f"{words}, first reported on {first}" if first and made and first > str(made)[:10] else words


def _not_found(store: Any, ledger_id: str, as_of: str | None = None) -> NotFound:
    """The error for an id the ledger as of ``as_of`` lacks. In a store whose articles are all undated nothing is
    tracked without ``--as-of`` (docs/pledges.md, "Undated articles"), so the id a user saw in
    ``gaiko pledges --as-of D`` is not there: the message says why, and how to see it, rather than "no pledge"."""
    if as_of is None and newest_date(store) is None and store.undated_pledges():
        return NotFound(f"no tracked pledge {ledger_id!r}: every pledge statement in this store comes from an article "
                        "without a publication date, so none is tracked (gaiko pledges says how to give articles a "
                        "date); gaiko pledges --as-of YYYY-MM-DD lists them undated, with their ids, and gaiko pledge "
                        "show ID --as-of YYYY-MM-DD shows one")
    if as_of is not None:  # an id of the ledger of today, asked about a day before it was made
        later = next((e for e in ledger(store, None, every=True) if e["id"] == ledger_id), None)
        if later is not None:
            first = first_reported(later) or later.get("made_on")
            return NotFound(f"pledge {ledger_id!r} was not yet a pledge as of {as_of}: it was {made_words(later)}, "
                            "and the ledger as of a day holds only what was published by then; give an as-of date on "
                            f"or after {first}, or none")
    from ..store.dbhint import db_option

    return NotFound(f"no pledge with id {ledger_id!r}; list ids with `gaiko pledges --format jsonl "
                    f"{db_option(store.con, getattr(store, 'path', None))}`")
