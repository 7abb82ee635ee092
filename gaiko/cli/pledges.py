"""`gaiko pledges` (the ledger), `gaiko pledge show ID` (a timeline), `gaiko pledge set ID STATUS`,
`gaiko pledge unset ID`."""

from __future__ import annotations

import json
import shlex
import sys
from typing import Any, Optional

import typer

from ..errors import GaikoError
from .common import (check_day, check_json_format, check_limit, emit_json, emit_rows, existing_store, fail,
                     json_text, listed_elsewhere)

COLUMNS = ("id", "status", "actor", "action", "target", "deadline", "evidence")

pledge_app = typer.Typer(help="One pledge: show its timeline or overrule its status.", no_args_is_help=True)
listed_elsewhere(pledge_app, "pledges are listed by `gaiko pledges --db STORE` (the ledger, with --status, --actor, "
                 "--as-of); one pledge and its timeline by `gaiko pledge show ID`")


def register(app: typer.Typer) -> None:
    app.command("pledges")(pledges)
    app.add_typer(pledge_app, name="pledge")


def _brief(e: dict[str, Any]) -> dict[str, Any]:
    a = e["actor"]
    dl = e.get("deadline") or {}
    q = e.get("quantity") or {}
    return {
        "id": e["id"],
        "status": e["status"] + ((" (set by hand; newer reports)" if e.get("override_review") else " (set by hand)")
                                 if e.get("overridden") else ""),
        "status_date": e.get("status_date") or "",
        "actor": f"{a.get('name') or a.get('text')} ({a.get('country') or '---'}{a.get('sector') or ''})",
        "action": e["action"],
        "event": e["event"],
        "quantity": q.get("text") or "",
        "deadline": f"{dl.get('text')} → {dl.get('end') or 'open'}" if dl else "",
        "made_on": e.get("made_on") or "",
        "target": _party(e.get("target")),
        "evidence": "; ".join(f"{ev['published'][5:] if ev.get('published') else 'undated'} {ev['role']}"
                              for ev in e["evidence"]),
    }


def _party(t: dict[str, Any] | None) -> str:
    """The pledge's target as the table shows it, "Hungary (HUN)", or "" when the pledge names none (b48: the table
    had no target column although ``--target`` filters on it)."""
    if not t or not (t.get("name") or t.get("text") or t.get("country")):
        return ""
    return f"{t.get('name') or t.get('text') or ''} ({t.get('country') or '---'}{t.get('sector') or ''})".strip()


_PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "we", "us", "you"})


def _shown_action(e: dict[str, Any]) -> str:
    """The action as the table shows it: a demand or a threat says so, and a demand whom it is made of (round n46:
    "Sun Weidong (CHNGOV) | withdraw her remarks" read as his own promise, "Lin Jian | pay a heavy price" as his)."""
    kind = e.get("kind")
    if kind not in ("demand", "threat"):
        return e["action"]
    t = e.get("target") or {}
    # as written ("citizens", "Beijing"), the resolved name for a pronoun ("she": Sanae Takaichi)
    text = t.get("text") or ""
    whom = t.get("name") if text.lower() in _PRONOUNS else (text or t.get("name"))
    return f"{kind} of {whom}: {e['action']}" if kind == "demand" and whom else f"{kind}: {e['action']}"


def pledges(
    db: str = typer.Option("gaiko.duckdb", "--db", help="Store to read."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Actor: country code (JPN), name or text."),
    target: Optional[str] = typer.Option(None, "--target", help="The party the pledge is made to or asked of: ISO3 "
                                         "(BGD; several comma-separated; IGO: every international body), as the API's "
                                         "target_country, or words of its name."),
    status: Optional[str] = typer.Option(None, "--status", help="open, in_progress, fulfilled, partially_fulfilled, stalled, "
                                         "broken, withdrawn, overdue, unclear; several comma-separated (open,in_progress); "
                                         "not_a_pledge lists those set so by hand, left out otherwise."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Status as of this date (YYYY-MM-DD); default: newest article date."),
    kind: Optional[str] = typer.Option(None, "--kind", help="promise, plan, agreement, threat, demand; several "
                                       "comma-separated (the scorecard counts demands apart)."),
    made_since: Optional[str] = typer.Option(None, "--made-since", help="Pledges first made on or after this date "
                                             "(YYYY-MM-DD)."),
    made_until: Optional[str] = typer.Option(None, "--made-until", help="Pledges first made on or before this date "
                                             "(YYYY-MM-DD)."),
    changed_since: Optional[str] = typer.Option(None, "--changed-since", help="Pledges whose status date (the day "
                                                "their present status began) is on or after this date (YYYY-MM-DD)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Recompute the stored ledger from scratch first "
                                 "(after editing gaiko/data/pledges/*.yaml); needs write access to the store."),
    as_json: bool = typer.Option(False, "--json", help="The rows of the table as one JSON object {as_of, total, counts, "
                                 "statements, undated_statements, note, pledges: [...]}, each pledge the object "
                                 "GET /api/v1/pledges gives, as in --format jsonl (docs/cli.md)."),
    evidence: bool = typer.Option(False, "--evidence", help="One row per evidence sentence (the pledge, its status "
                                  "and reason, then the sentence: date, role, text, article), for a spreadsheet."),
    limit: int = typer.Option(0, "--limit", help="Show the first N pledges in the order listed (with --evidence: "
                              "the sentences of the first N, most in need of attention first); 0, the default: all. "
                              "Totals count every match."),
) -> None:
    """The pledge ledger: every tracked pledge with its status and evidence."""
    from ..store import Store
    from ..store.ledger_view import parse_kinds, parse_statuses
    from ..tracking import ledger, newest_date, selector, update_ledger

    check_json_format(as_json, fmt)
    limit = check_limit(limit) or 0
    if evidence and as_json:
        fail("--evidence prints rows: use --format csv, jsonl or table, not --json")
    as_of = check_day(as_of, "--as-of")
    made_since, made_until = check_day(made_since, "--made-since"), check_day(made_until, "--made-until")
    changed_since = check_day(changed_since, "--changed-since")
    if made_since and made_until and made_since > made_until:
        fail(f"--made-since {made_since} is after --made-until {made_until}: no day is in between; swap them")
    try:
        if rebuild:
            with existing_store(db) as store:
                update_ledger(store, full=True)
        with Store(db, read_only=True) as store:
            wanted = parse_statuses(status)  # several, any case, as the API and the dashboard take them
            kinds = set(parse_kinds(kind))
            status = " or ".join(wanted) or None
            # entries set not_a_pledge by hand only when asked for (round n48)
            every = ledger(store, as_of=as_of, every=True) if "not_a_pledge" in wanted else ledger(store, as_of=as_of)
            pick = selector(actor, wanted, sorted(kinds), made_since, made_until, changed_since, target)
            rows = [r for r in every if pick(r)]
            matched = rows
            if limit and not evidence:  # --evidence cuts after its own order (_print_evidence)
                rows = rows[:limit]
            held_kinds = {str(r.get("kind")) for r in every if r.get("kind")}
            # tracked: every entry but those set not_a_pledge by hand, also when --status asks for those (round
            # r35, b31 F4: "of 15 tracked" beside 14 everywhere else); "grouped from" the statements behind them
            from ..store.ledger_view import statements_behind
            from ..tracking import dismissed

            tracked = [e for e in every if not dismissed(e)]
            statements = statements_behind(tracked)
            found = int(store.scalar("SELECT count(*) FROM pledges") or 0)  # every statement, undated ones too
            undated = store.undated_pledges()
            # no article with a date: no date to judge the ledger as of, so nothing is tracked (docs/pledges.md)
            newest = newest_date(store)
            all_undated = bool(undated) and as_of is None and newest is None
            if evidence:  # each sentence's article: title, URL, outlet (n50)
                from ..store.ledger_evidence import article_fields

                articles = article_fields(store.con, rows)
    except GaikoError as exc:
        fail(exc)
    if evidence:
        _print_evidence(rows, fmt, articles, limit)
    elif as_json:
        from collections import Counter

        from ..coding import undated_note

        note = untracked_note(undated) if all_undated else undated_note(undated) if undated else None
        from ..store.ledger_view import shape

        emit_json({"as_of": as_of or newest, "total": len(matched), "limit": limit, "count": len(rows),
                   "counts": dict(Counter(r["status"] for r in matched)), "statements": statements_behind(matched),
                   "undated_statements": undated, "note": note, "pledges": [shape(r) for r in rows]})
    elif fmt in ("jsonl", "json"):  # json: the same rows as one JSON array (s35, b35 F18)
        from ..store.ledger_view import shape

        # each pledge the API's object (round n56: the CLI printed the bare ledger entry, `actor` an object there
        # and a name in the API)
        emit_rows([shape(r) for r in rows], fmt)
    elif fmt == "csv":  # the columns of the API's pledge downloads (no server, so no links), and the evidence line
        from ..store.ledger_view import LEDGER_COLUMNS, shape

        cols = [c for c in LEDGER_COLUMNS if c not in ("link", "sentence_link")] + ["evidence"]
        emit_rows([{**shape(r), "evidence": _brief(r)["evidence"]} for r in rows], "csv", cols)
    else:
        title = (f"Pledges (none tracked: all {found} statements come from articles without a publication date)"
                 if all_undated else pledges_title(len(matched), len(tracked), statements, actor, status,
                                                      " or ".join(sorted(kinds)) or None,
                                                      made=_made_words(made_since, made_until, changed_since),
                                                      target=target))
        if len(rows) < len(matched):
            title += f"; the first {len(rows)} shown (--limit 0: all)"
        emit_rows([{**_brief(r), "action": _shown_action(r)} for r in rows], fmt, COLUMNS, title=title)
    if kinds - held_kinds:  # a kind no pledge here has (a typo, or a kind the extractor does not make): say so
        typer.echo(f"Note: no pledge in this store is of kind {', '.join(sorted(kinds - held_kinds))}; the kinds here "
                   f"are {', '.join(sorted(held_kinds)) or 'none'}", err=True)
    if all_undated:
        typer.echo(untracked_note(undated), err=True)
    elif undated:
        from ..coding import undated_note

        typer.echo(undated_note(undated), err=True)


def _print_evidence(rows: list[dict], fmt: str, articles: dict[str, dict] | None = None, limit: int = 0) -> None:
    """``--evidence``: the ledger entries' evidence, one row per sentence (:mod:`gaiko.store.ledger_evidence`); with
    ``limit``, the first ``limit`` pledges' only."""
    from ..store.ledger_evidence import EVIDENCE_COLUMNS, evidence_rows
    from ..store.ledger_view import in_order, shape

    # most in need of attention first, as GET /api/v1/export/pledges?evidence=true lists them (round r36, b32 F12)
    ordered = in_order([shape(r) for r in rows])
    shown = ordered[:limit] if limit else ordered
    out = list(evidence_rows(shown, articles=articles))
    if fmt == "table":
        of = f" (the first {len(shown)} of {len(ordered)} pledges: --limit 0 for all)" if len(shown) < len(ordered) else ""
        emit_rows(out, fmt, ("pledge_id", "status", "actor", "action", "published", "role", "sentence"),
                  title=f"Evidence: {_n(len(out), 'sentence')} on {_n(len(shown), 'pledge')}{of}")
        return
    emit_rows(out, fmt, [c for c in EVIDENCE_COLUMNS if c not in ("link", "sentence_link")])


def _n(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _made_words(since: str | None, until: str | None, changed: str | None = None) -> str | None:
    """``--made-since`` / ``--made-until`` (and ``--changed-since``) as the title names them."""
    made = (f"made {since} to {until}" if since and until else f"made since {since}" if since
            else f"made until {until}" if until else None)
    return ", ".join(x for x in (made, f"status changed since {changed}" if changed else None) if x) or None


def pledges_title(shown: int, tracked: int, statements: int, actor: str | None, status: str | None,
                  kind: str | None = None, made: str | None = None, target: str | None = None) -> str:
    """The ledger table's title: the rows shown, and (when filtered: status, actor, target, kind, the day made) of
    how many tracked pledges in all."""
    whole = f"{tracked} tracked, grouped from {_n(statements, 'statement')} in articles"
    if not (actor or status or kind or made or target):
        return f"Pledges ({whole})"
    by = ", ".join(x for x in (f"status {status}" if status else "", f"actor {actor}" if actor else "",
                               f"target {target}" if target else "", f"kind {kind}" if kind else "") if x)
    said = ", ".join(x for x in (f"with {by}" if by else "", made or "") if x)
    return f"Pledges: {shown} {said}, of {whole}"


def untracked_note(n: int) -> str:
    """Why a store whose articles are all undated tracks none of its ``n`` pledge statements, and what to do."""
    from ..coding import DATE_ADVICE

    return (f"No pledge is tracked: the {n} pledge statement{'s' if n != 1 else ''} in this store "
            f"come{'' if n != 1 else 's'} from articles "
            "without a publication date, and a pledge cannot be placed in time without one (its deadline, and "
            "whether later reports came before or after it, are read against its article's date; the ledger is "
            f"judged as of the newest article date, and there is none). {DATE_ADVICE} Or list them as of a date you "
            "give, undated: gaiko pledges --as-of YYYY-MM-DD (status open, deadlines not placed).")


#: ``--json`` of ``pledge set`` and ``pledge unset`` (round n55: they alone of the commands that change a decision
#: had none, where ``cluster split|merge|undo`` print theirs)
ENTRY_JSON_HELP = ("Print the pledge after the change as one JSON object (a row of `gaiko pledges --json`, the "
                   "object of GET /api/v1/pledges: status, computed_status, overridden, override_note, ...).")


#: the columns of ``gaiko pledge show``'s second table: the reports of each evidence item that is an event reported
#: more than once (round p51)
SOURCE_COLUMNS = ("published", "outlet", "role", "sentence", "article", "cluster")


def sources_cell(ev: dict[str, Any]) -> str:
    """An evidence item's sources for the timeline: "3 outlets, 4 reports" when it is an event reported more than
    once (its cluster's counts, as of the ledger's day), else empty."""
    n, k = ev.get("num_mentions") or 0, ev.get("num_sources") or 0
    if not ev.get("cluster_id") or n <= 1:
        return ""
    return f"{k} outlet{'s' if k != 1 else ''}, {n} reports"


def source_rows(evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per report of each evidence item that is an event reported more than once, first report first."""
    out = []
    for ev in evidence:
        if not sources_cell(ev):
            continue
        for r in ev.get("reports") or ():
            out.append({"published": r.get("published") or "undated", "outlet": r.get("outlet") or "",
                        "role": ev.get("role"), "sentence": r.get("sentence"), "article": r.get("article_id"),
                        "cluster": ev["cluster_id"]})
    return out


@pledge_app.command("show")
def show(
    pledge_id: str = typer.Argument(..., help="Ledger id (from `gaiko pledges`)."),
    db: str = typer.Option("gaiko.duckdb", "--db", help="Store to read."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Status as of this date (YYYY-MM-DD)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    as_json: bool = typer.Option(False, "--json", help="The pledge and its evidence as one JSON object, as GET "
                                 "/api/v1/pledges/{id} gives it (--format json)."),
) -> None:
    """A pledge's timeline: made, restated, revised, progress, fulfilled, partial, stalled, broken, withdrawn."""
    from ..store import Store
    from ..tracking import made_words, timeline

    check_json_format(as_json, fmt)  # --json as every listing takes it (n50)
    fmt = "json" if as_json else fmt
    as_of = check_day(as_of, "--as-of")
    if fmt not in ("table", "json"):
        fail(f"unknown format {fmt!r}; use table or json")

    try:
        with Store(db, read_only=True) as store:
            e = timeline(store, pledge_id, as_of=as_of)
    except GaikoError as exc:
        fail(exc)
    if fmt == "json":  # GET /api/v1/pledges/{id}'s object (round n56)
        from ..store.ledger_view import shape

        sys.stdout.write(json.dumps(shape(e), ensure_ascii=False, indent=2, default=json_text) + "\n")
        return
    b = _brief(e)
    typer.echo(f"{e['id']}  {b['actor']}: {e['action']}  [{e['kind']}, {e['event']}]")
    since = f"since {b['status_date']}" if b.get("status_date") else "(by an undated report)"
    typer.echo(f"status: {b['status']} {since}  (as of {e['as_of']}); deadline: {b['deadline'] or 'none'}")
    typer.echo(made_words(e))  # the day it was made, as the as-of error says it (round r37, b33 F18)
    if e.get("status_reason"):
        typer.echo(f"why: {e['status_reason']}")
    if e.get("needs_review") and any(ev["role"] == "needs_review" for ev in e["evidence"]):
        typer.echo("needs review: some reports below are about it but say nothing gaiko could read (role needs_review)")
    elif e.get("needs_review"):  # a later reading not taken over the status (rounds t51, t52)
        typer.echo("needs review: a later report read otherwise does not move it (see why)")
    if e.get("override_note"):
        typer.echo(f"note: {e['override_note']}")
    emit_rows(
        [{"published": ev.get("published") or "undated", "role": ev["role"], "sentence": ev["sentence"],
          "article": ev["article_id"], "sources": sources_cell(ev), "note": ev.get("note") or ""}
         for ev in e["evidence"]],
        "table", ("published", "role", "sentence", "article", "sources", "note"), title="Timeline",
    )
    sources = source_rows(e["evidence"])
    if sources:  # a deed reported by several outlets is one item of the timeline, its reports listed here (p51)
        emit_rows(sources, "table", SOURCE_COLUMNS, title="Evidence reported by several outlets, report by report")
        ids = list(dict.fromkeys(r["cluster"] for r in sources))
        typer.echo(f"(each event with all its reports: gaiko cluster show {ids[0] if len(ids) == 1 else 'CLUSTER'} "
                   f"--db {shlex.quote(db)})")


@pledge_app.command("set")
def set_(
    pledge_id: str = typer.Argument(..., help="Ledger id (from `gaiko pledges`)."),
    status: str = typer.Argument(..., help="The status to record; not_a_pledge for a statement that is no pledge "
                                 "(it leaves the ledger and the scorecard)."),
    note: Optional[str] = typer.Option(None, "--note", help="Why (kept with the override)."),
    date: Optional[str] = typer.Option(None, "--date", help="YYYY-MM-DD: the day of the evidence, from which the "
                                       "status holds (the scorecard's lag; --as-of replays before it show the "
                                       "computed status). Default: the report that moves the pledge there, else the "
                                       "newest report about it."),
    db: str = typer.Option("gaiko.duckdb", "--db", help="Store to write."),
    as_json: bool = typer.Option(False, "--json", help=ENTRY_JSON_HELP),
) -> None:
    """Overrule a pledge's status by hand; the override survives recoding."""
    from ..tracking import set_status

    try:
        with existing_store(db) as store:  # a mistyped --db creates no store; a locked one: a writer's advice
            e = set_status(store, pledge_id, status, note, date=date)
    except GaikoError as exc:
        fail(exc)
    if as_json:
        from ..store.ledger_view import shape

        emit_json(shape(e))
        return
    typer.echo(f"{e['id']}: {e['status']} (computed: {e['computed_status']})")


@pledge_app.command("unset")
def unset(
    pledge_id: str = typer.Argument(..., help="Ledger id of a pledge whose status was set by hand."),
    db: str = typer.Option("gaiko.duckdb", "--db", help="Store to write."),
    as_json: bool = typer.Option(False, "--json", help=ENTRY_JSON_HELP),
) -> None:
    """Drop a status set by hand (`gaiko pledge set`): the pledge goes back to its computed status."""
    from ..tracking import unset_status

    try:
        with existing_store(db) as store:  # a mistyped --db creates no store; a locked one: a writer's advice
            e = unset_status(store, pledge_id)
    except GaikoError as exc:
        fail(exc)
    if as_json:
        from ..store.ledger_view import shape

        emit_json(shape(e))
        return
    typer.echo(f"{e['id']}: {e['status']} (computed; the status set by hand is dropped)")
