"""The pledge ledger as readers page through it: filtered, searched, sorted, counted.

Statuses come from the tracker (:func:`gaiko.tracking.ledger`, as of a date, never the
wall clock); this module only shapes its entries (flat actor, deadline and days-left
fields, evidence links) and selects a page of them. The exact actor filters
(``actor_country``, ``actor_code``, ``actor_name``) match what the scorecard groups by
(:mod:`gaiko.store.scorecard`), so each scorecard figure opens exactly its rows.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..errors import ConfigError
from ..isoday import iso_day

__all__ = ["shape", "ledger_view", "ledger_entries", "STATUS_ORDER", "CLOSED", "LEDGER_SORTS", "LEDGER_COLUMNS",
           "actor_levels", "parse_statuses", "parse_kinds", "parse_made", "made_between",
           "parse_changed", "changed_since_ok", "in_order", "target_ok"]

#: statuses, in the order the ledger lists them (most in need of attention first); others follow, by name
STATUS_ORDER = ("overdue", "open", "in_progress", "stalled", "partially_fulfilled", "unclear", "fulfilled", "broken", "withdrawn",
                "not_a_pledge")
#: statuses for which a deadline no longer counts down
CLOSED = ("fulfilled", "broken", "withdrawn", "not_a_pledge")  # no countdown (not_a_pledge: round n48)
LEDGER_SORTS = ("status", "deadline", "-deadline", "made", "-made", "actor", "evidence", "overdue")
#: columns of a ledger row in CSV (the API's downloads, ``gaiko pledges -f csv``): the statement, who, to whom, how
#: much, by when, and where it was read (the two links only where a server makes them); ``status_reason``, the one
#: line that says why (round n40: only the JSON rows had it), and ``computed_status`` beside a status set by hand
# needs_review, target_code and override_note since newcomer round n50: the JSON had them, a sheet did not; the
# made sentence's article_id, sentence_index, sentence_start and sentence_end since round n53
LEDGER_COLUMNS = (
    "id", "status", "status_date", "status_reason", "computed_status", "needs_review", "actor", "actor_country",
    "actor_code", "speaker", "kind", "action", "sentence", "article_id", "sentence_index", "sentence_start",
    "sentence_end", "target_name", "target_country", "target_code",
    "quantity_text", "made_on", "deadline_text", "deadline", "days_left", "evidence_count", "statements", "overridden",
    "override_note", "as_of", "link", "sentence_link",
)


def _date(v: Any) -> dt.date | None:
    if v is None:
        return None
    try:
        return dt.date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _link(e: dict[str, Any]) -> str | None:
    idx = e.get("sentence_index", e.get("sentence_idx"))
    if e.get("article_id") is None or idx is None or idx < 0:
        return None
    return f"/articles/{e['article_id']}#s{idx}"


#: country codes of actors that belong to no state (CAMEO: international bodies, both intergovernmental and
#: non-governmental, transnational armed groups; ``---``: none found)
NO_STATE = frozenset({"IGO", "NGO", "IMG", "---"})


def actor_levels(actor: dict[str, Any] | None) -> dict[str, str]:
    """The keys an entry's actor is grouped under: ``country`` (a state's ISO3; an actor of no state, by its full
    code: the EU ``IGOIGO`` and Amnesty International ``IGONGO`` apart, never one "IGO" row; one with no code but
    its country, by its name), ``code`` (country + sector, as the actor list spells it; ``---`` for no country) and
    ``name`` (its name, else the words that named it). ``iso``: the country code as the actor has it (``IGO``,
    ``---``), which the exact ``actor_country`` filter also takes."""
    a = actor or {}
    country = a.get("country") or "---"
    code = country + (a.get("sector") or "")
    name = a.get("name") or a.get("text") or ""
    group = country if country not in NO_STATE else (code if code != country else (name or country))
    return {"country": group, "code": code, "name": name, "iso": country}


def shape(entry: dict[str, Any]) -> dict[str, Any]:
    """A tracker entry plus the flat fields pages and downloads use: the one JSON object of a pledge on every surface
    (``GET /api/v1/pledges``, ``/pledges/{id}``, ``gaiko pledges --json|--format jsonl``, ``gaiko pledge show|set|unset
    --json``; round n56). The entry's ``actor`` and ``deadline`` objects are kept whole as ``actor_detail`` and
    ``deadline_detail``; over them lie ``actor`` (its name), ``actor_country``, ``actor_code``,
    ``deadline`` (ISO end), ``days_left`` (days from ``as_of`` to the deadline, negative: overdue; None without a
    deadline and for a closed pledge, :data:`CLOSED`), ``evidence_count``, ``sentence``, ``target_name``,
    ``quantity_text``, ``link``)."""
    out = dict(entry)
    actor = entry.get("actor") or {}
    target = entry.get("target") or {}
    deadline = entry.get("deadline") or {}
    due = _date(deadline.get("end"))
    as_of = _date(entry.get("as_of"))
    evidence = [{**e, "link": _link(e)} for e in entry.get("evidence") or []]
    made = next((e for e in evidence if e.get("role") == "made"), None)
    levels = actor_levels(actor)
    out.update({
        "actor": actor.get("name") or actor.get("text"),
        "actor_country": actor.get("country"),
        "actor_code": levels["code"],
        "actor_detail": actor,
        "target_name": target.get("name") or target.get("text"),
        "target_country": target.get("country"),
        "target_code": actor_levels(target)["code"] if target else None,  # as the API's target_code filter reads it
        "quantity_text": (entry.get("quantity") or {}).get("text"),
        "deadline_text": deadline.get("text"),
        "deadline": due.isoformat() if due else None,
        # the entry's deadline object whole (text, start, end, ...), as actor_detail keeps its actor (round n56: one
        # object shape per pledge on every JSON surface, so nothing of the entry is lost to the flat fields)
        "deadline_detail": entry.get("deadline") or None,
        # a closed pledge (kept, broken, withdrawn) no longer counts down: a deadline passed after it was kept is
        # no overdue day, so it has no days left (None), as it has none without a deadline
        "days_left": (due - as_of).days if due and as_of and entry.get("status") not in CLOSED else None,
        "counting": bool(due and entry.get("status") not in CLOSED),
        "evidence": evidence,
        "evidence_count": sum(1 for e in evidence if e.get("role") not in ("made",)),
        "sentence": made.get("sentence") if made else None,
        # where that sentence is: its article, index and character offsets in the article's text (round n53)
        **{k: made.get(k) if made else None for k in ("article_id", "sentence_index", "sentence_start", "sentence_end")},
        "sentence_link": made.get("link") if made else None,
        "statements": statements_behind([entry]),
        "link": f"/pledges/{entry.get('id')}",
    })
    return out


def parse_statuses(status: str | list[str] | None) -> list[str]:
    """Statuses from ``a,b`` or a list; each must be one the tracker knows (ConfigError names them), and at least
    one must be named (``","`` is refused, as a type filter of commas is)."""
    from ..tracking import STATUSES

    if not status:
        return []
    items = status.split(",") if isinstance(status, str) else list(status)
    out = [s.strip().lower() for s in items if s and s.strip()]
    if not out and (not isinstance(status, str) or status.strip()):  # ",": no status named, which is not "every status"
        raise ConfigError(f"the status filter {status!r} names no status; give one or several, comma-separated "
                          f"({', '.join(STATUSES)}), or leave it out for every status")
    bad = [s for s in out if s not in STATUSES]
    if bad:
        raise ConfigError(f"unknown status {', '.join(repr(b) for b in bad)}{status_hint(bad)}; use one of: "
                          f"{', '.join(STATUSES)}")
    return out


def status_hint(bad: list[str]) -> str:
    """" (a postponement by the pledger is withdrawn here)" for words people use for a status that gaiko names
    otherwise (promise meters' "kept", "compromise", "in the works"; ``gaiko/data/pledges/status_words.yaml``), else ""."""
    from ..tables import load_yaml, data_path

    words = load_yaml(data_path("pledges/status_words.yaml")) or {}
    said = []
    for b in bad:
        key = "_".join(b.replace("-", " ").split())
        if key in words:
            said.append(f"{b!r} is {words[key]} here")
    return f" ({'; '.join(said)})" if said else ""


def parse_made(made_since: dt.date | str | None, made_until: dt.date | str | None) -> tuple[str | None, str | None]:
    """The ``made_since`` / ``made_until`` filters (round n41: the pledges made in a window, "the promises made in
    2025") as ISO dates: a date, or a YYYY-MM-DD text; anything else, or ``made_since`` after ``made_until``, is a
    ConfigError, as the event filters' ``since`` and ``until`` are."""
    out: list[str | None] = []
    for name, v in (("made_since", made_since), ("made_until", made_until)):
        if v is None or v == "":
            out.append(None)
        elif isinstance(v, dt.date):
            out.append(v.isoformat()[:10])
        else:
            try:
                out.append(iso_day(v).isoformat())
            except ValueError:
                raise ConfigError(f"{name} must be a date like 2025-01-01 (YYYY-MM-DD), not {v!r}") from None
    since, until = out
    if since and until and since > until:
        raise ConfigError(f"made_since ({since}) is after made_until ({until}): no day is in between; swap them")
    return since, until


def made_between(r: dict[str, Any], since: str | None, until: str | None) -> bool:
    """Whether a ledger entry was first made (``made_on``) within ``since`` .. ``until`` (ISO dates, inclusive; None:
    open). A pledge with no date (from an undated article) is in no window."""
    if not since and not until:
        return True
    made = str(r.get("made_on") or "")[:10]
    return bool(made) and (not since or made >= since) and (not until or made <= until)


def ledger_entries(store: Any, as_of: dt.date | str | None = None, *, dismissed: bool = False) -> list[dict[str, Any]]:
    """Every ledger entry as of ``as_of`` (default: the newest article), shaped; those set ``not_a_pledge`` by hand
    only with ``dismissed`` (round n48)."""
    from ..tracking import ledger

    day = as_of.isoformat() if isinstance(as_of, dt.date) else as_of
    rows = ledger(store, as_of=day, every=True) if dismissed else ledger(store, as_of=day)
    return [shape(e) for e in rows]


def parse_kinds(kind: str | list[str] | None) -> list[str]:
    """Pledge kinds from ``a,b`` or a list (promise, plan, agreement, threat, demand, ...: the extractor's); a filter of
    commas only is refused (ConfigError), as a status filter of commas is."""
    if not kind:
        return []
    items = kind.split(",") if isinstance(kind, str) else list(kind)
    out = [k.strip().lower() for k in items if k and k.strip()]
    if not out and (not isinstance(kind, str) or kind.strip()):
        raise ConfigError(f"the kind filter {kind!r} names no kind; give one or several, comma-separated "
                          "(promise, plan, agreement, threat, demand), or leave it out for every kind")
    return out


def _exact(value: str, want: str | list[str]) -> bool:
    """``value`` is ``want``, or one of its values (a list, or comma-separated as ``status`` and ``kind`` take them:
    the scorecard's totals list the actors they count, round n37); a whole value holding a comma matches as such."""
    if isinstance(want, str):
        return value == want or value in {w.strip() for w in want.split(",")}
    return value in want


def _level_is(levels: dict[str, str], level: str, want: str | list[str]) -> bool:
    """An exact filter at ``level``; ``country`` takes the scorecard's key (``IGONGO``) or the code as the actor has
    it (``IGO``: every international body)."""
    return _exact(levels[level], want) or (level == "country" and _exact(levels["iso"], want))


def target_ok(entry: dict[str, Any], want: str | None) -> bool:
    """Whether a ledger entry's target (the party the pledge is made to or asked of) is ``want``: a code (ISO3, the
    scorecard's key of a party of no state such as ``IGOIGO``, ``IGO`` for every international body; any case,
    several comma-separated) matches the target's country as the API's ``target_country`` does (in any case
    since round l47); other words match words of the target's name or text, as the API's ``target`` (``gaiko pledges
    --target``, :func:`gaiko.tracking.ledger`; round u46). No ``want``: every entry; an entry with no target
    matches no ``want``."""
    if not want or not want.strip():
        return True
    t = entry.get("target") or {}
    if not t:
        return False
    parts = [w.strip().upper() for w in want.split(",") if w.strip()]
    if parts and all(re.fullmatch(r"[A-Z]{3}|[A-Z]{6}|-{3}", w) for w in parts):
        return _level_is(actor_levels(t), "country", parts)
    return want.strip().lower() in " ".join(str(t.get(k) or "") for k in ("name", "text")).lower()


def _matches(r: dict[str, Any], actor: str | None, target: str | None, q: str | None,
             exact: dict[str, str | None], target_exact: dict[str, str | None] | None = None) -> bool:
    from ..tracking.tables import keep as _keep

    if actor and not _keep({"actor": r.get("actor_detail") or {}}, actor, None):
        return False
    levels = actor_levels(r.get("actor_detail"))
    for level, want in exact.items():
        if want is not None and not _level_is(levels, level, want):
            return False
    if target_exact and any(v is not None for v in target_exact.values()):
        if not r.get("target"):  # no party asked: no exact target matches
            return False
        tlevels = actor_levels(r.get("target"))
        if any(want is not None and not _level_is(tlevels, level, want) for level, want in target_exact.items()):
            return False
    if target:
        t = target.strip()
        if len(t) == 3 and t.isalpha() and t.isupper():
            if r.get("target_country") != t:
                return False
        elif t.lower() not in " ".join(str(x or "") for x in (r.get("target_name"), (r.get("target") or {}).get("text"))).lower():
            return False
    if q:
        hay = " ".join(str(r.get(k) or "") for k in ("action", "sentence", "actor", "target_name", "deadline_text")).lower()
        if q.strip().lower() not in hay:
            return False
    return True


def in_order(rows: list[dict[str, Any]], sort: str = "status") -> list[dict[str, Any]]:
    """Shaped ledger rows (:func:`shape`) in the order ``sort`` (one of :data:`LEDGER_SORTS`; ``status``: most in need
    of attention first, then by deadline, day made and id): the API's listing and downloads, and since round r36
    (b32 F12) ``gaiko pledges --evidence``, whose pledges came in the order they were made."""
    return sorted(rows, key=_sort_key(sort), reverse=sort.startswith("-"))


def _sort_key(sort: str) -> Any:
    order = {s: i for i, s in enumerate(STATUS_ORDER)}
    if sort == "status":
        return lambda r: (order.get(r["status"], len(order)), r["status"], r["deadline"] or "9999-12-31",
                          str(r["made_on"] or ""), r["id"])
    if sort in ("deadline", "-deadline"):
        return lambda r: (r["deadline"] is None, r["deadline"] or "", r["id"])
    if sort in ("made", "-made"):
        return lambda r: (str(r["made_on"] or ""), r["id"])
    if sort == "actor":
        return lambda r: ((r["actor"] or "").lower(), r["id"])
    if sort == "evidence":
        return lambda r: (-r["evidence_count"], r["id"])
    # most overdue first: overdue pledges, then those counting down (fewest days left first), then the rest
    return lambda r: (r["status"] != "overdue", r["days_left"] is None, r["days_left"] or 0, r["id"])


def parse_changed(changed_since: dt.date | str | None) -> str | None:
    """The ``changed_since`` filter (round r36, b32 F6: "the pledges whose status changed since X") as an ISO date: a
    date, or a YYYY-MM-DD text; anything else is a ConfigError, as ``made_since`` is."""
    if changed_since is None or changed_since == "":
        return None
    if isinstance(changed_since, dt.date):
        return changed_since.isoformat()[:10]
    try:
        return iso_day(changed_since).isoformat()
    except ValueError:
        raise ConfigError(f"changed_since must be a date like 2025-01-01 (YYYY-MM-DD), not {changed_since!r}") from None


def changed_since_ok(r: dict[str, Any], since: str | None) -> bool:
    """Whether a ledger entry's status holds from ``since`` (ISO date) or later: its ``status_date``, the day of the
    first report of its present status (or the day it was made, for a pledge no report has moved), is on or after
    it. None: every entry. An entry with no status date (undated) is in no window."""
    if not since:
        return True
    day = str(r.get("status_date") or "")[:10]
    return bool(day) and day >= since


def statements_behind(entries: Any) -> int:
    """The pledge statements the ledger ``entries`` were grouped from: each entry's statements (its ``mentions``; at
    least the one that made it). The one definition of "grouped from N pledge statements" on every surface (the
    CLI's title and ``--json``, ``GET /api/v1/pledges``, the dashboard; round r35, b31 F4: the CLI counted every
    statement in the articles, those of entries set ``not_a_pledge`` by hand and of undated articles too)."""
    return sum(len(e.get("mentions") or []) or 1 for e in entries)


def _upper(want: str | list[str] | None) -> str | list[str] | None:
    """An exact code filter in capitals: the keys it is matched against (ISO3, country + sector, ``IGOIGO``, ``---``)
    are written in capitals."""
    if want is None:
        return None
    return want.upper() if isinstance(want, str) else [w.upper() for w in want]


def ledger_view(
    store: Any, *, as_of: dt.date | str | None = None, actor: str | None = None, status: str | list[str] | None = None,
    target: str | None = None, q: str | None = None, actor_country: str | None = None, actor_code: str | None = None,
    actor_name: str | None = None, sort: str = "status", limit: int | None = 50, offset: int = 0,
    kind: str | list[str] | None = None, target_country: str | None = None, target_code: str | None = None,
    target_name: str | None = None, made_since: dt.date | str | None = None, made_until: dt.date | str | None = None,
    changed_since: dt.date | str | None = None,
) -> dict[str, Any]:
    """A page of the ledger.

    Filters: ``actor`` (ISO3, name or words, as ``gaiko pledges --actor``), ``status`` (one or several, comma-
    separated), ``target`` (ISO3 or words of the target's name), ``q`` (words in the action, sentence, actor,
    target or deadline), and the exact ``actor_country`` / ``actor_code`` / ``actor_name`` (see
    :func:`actor_levels`; each one value, or several comma-separated or as a list: any of them); ``kind`` (one or several pledge kinds, comma-separated: the scorecard counts promises, plans,
    agreements and threats toward their maker and demands apart, Round p44) and the exact ``target_country`` /
    ``target_code`` / ``target_name`` (the party asked, at the same levels); ``made_since`` / ``made_until`` (the day it
    was first made, inclusive: :func:`parse_made`); ``changed_since`` (the status date on or after it:
    :func:`changed_since_ok`). ``sort``: one of :data:`LEDGER_SORTS` (``-`` reverses; ``overdue``: most days
    overdue first). Returns ``total`` (matching), ``rows`` (the page), ``counts`` (matching rows per status,
    ignoring the status filter), ``statements`` (pledge statements behind the matching entries) and ``as_of``.
    """
    if sort not in LEDGER_SORTS:
        raise ConfigError(f"unknown sort {sort!r}; use one of {', '.join(LEDGER_SORTS)}")
    wanted = set(parse_statuses(status))
    made = parse_made(made_since, made_until)
    changed = parse_changed(changed_since)
    rows = ledger_entries(store, as_of, dismissed="not_a_pledge" in wanted)
    # codes are read in any case ("mex" is MEX, as --target and /clusters?country= read them; round l47, newcomer
    # b47); names stay exact
    exact = {"country": _upper(actor_country), "code": _upper(actor_code), "name": actor_name}
    target_exact = {"country": _upper(target_country), "code": _upper(target_code), "name": target_name}
    kinds = set(parse_kinds(kind))
    kept = [r for r in rows if _matches(r, actor, target, q, exact, target_exact) and (not kinds or r.get("kind") in kinds)
            and made_between(r, *made) and changed_since_ok(r, changed)]
    counts: dict[str, int] = {}
    for r in kept:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    if wanted:
        kept = [r for r in kept if r["status"] in wanted]
    kept.sort(key=_sort_key(sort), reverse=sort.startswith("-"))
    page = kept[offset:offset + limit] if limit is not None else kept[offset:]
    newest = store.newest_article_date()  # plausible dates only (issue 15)
    shown_as_of = (as_of.isoformat() if isinstance(as_of, dt.date) else as_of) or (
        rows[0]["as_of"] if rows else (newest.isoformat() if newest else None))
    order = {s: i for i, s in enumerate(STATUS_ORDER)}
    return {"total": len(kept), "rows": page, "as_of": shown_as_of,
            "counts": dict(sorted(counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))),
            "statements": statements_behind(kept)}
