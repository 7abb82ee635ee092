"""`gaiko cluster show|split|merge|overrules|undo|rebuild`: one event cluster, and a person's overrules."""

from __future__ import annotations

import json
import shlex
import sys
from typing import NoReturn, Optional

import typer

from ..errors import GaikoError
from .common import (check_json_format, emit_json, emit_rows, existing_store, fail, fail_json, json_text,
                     listed_elsewhere, stops_told)

cluster_app = typer.Typer(help="Event clusters: show one with all its reports; split or merge by hand.",
                          no_args_is_help=True)

_WHERE = ("clusters are listed by `gaiko events --db STORE` (one row per cluster, its id in the id column, with the "
          "filters of events), reports by `gaiko events --count mentions`; one cluster and its reports by "
          "`gaiko cluster show ID`")
listed_elsewhere(cluster_app, _WHERE)

REPORT_COLUMNS = ("published", "outlet", "date", "trigger", "source", "target", "place", "sentence", "event")

#: ``--json`` of the commands that change clusters: the overrule as one JSON object, for a script that goes on with
#: the cluster it made (n50: only the sentence "ov-…: … are now cluster cl-…" said it)
JSON_HELP = "Print the overrule as one JSON object (id, kind, cluster_id: the cluster it makes, ...)."


def register(app: typer.Typer) -> None:
    app.add_typer(cluster_app, name="cluster")
    # `gaiko clusters` (b48: click answered "Did you mean 'cluster'?" and said nothing of where clusters are listed)
    listed_elsewhere(app, _WHERE, names=("clusters",))


def _side(r: dict, side: str) -> str:
    if not r.get(f"{side}_text") and not r.get(f"{side}_country"):
        return ""
    code = f"{r.get(f'{side}_country') or '---'}{r.get(f'{side}_sector') or ''}"
    return f"{r.get(f'{side}_name') or r.get(f'{side}_text') or ''} ({code})"


@cluster_app.command("show")
def show(
    cluster_id: str = typer.Argument(..., help="Cluster id (the id column of `gaiko events`)."),
    db: str = typer.Option("gaiko.duckdb", "--db", help="Store to read."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    as_json: bool = typer.Option(False, "--json", help="The cluster, its reports and the overrules that touch it as one "
                                 "JSON object, as GET /api/v1/clusters/{id} gives it (--format json)."),
) -> None:
    """One event cluster: its date, actors and counts, and every report of it side by side."""
    from ..clusters.view import cluster_view
    from ..store import Store
    from ..utctime import utc_text

    check_json_format(as_json, fmt)  # --json as every listing takes it (n50)
    fmt = "json" if as_json else fmt
    if fmt not in ("table", "json"):  # before the store is read: a csv asked for is no table printed instead
        fail(f"unknown format {fmt!r}; use table or json")
    try:
        with Store(db, read_only=True) as store:
            # the object GET /api/v1/clusters/{id} answers (round n55: the CLI's lacked coded_at, the reports'
            # offsets and the overrules): one shape on both surfaces, the table a view of it
            d = cluster_view(store, cluster_id)
    except GaikoError as exc:
        fail(exc)
    if fmt == "json":
        sys.stdout.write(json.dumps(d, ensure_ascii=False, indent=2, default=json_text) + "\n")
        return
    c = d["cluster"]
    # a side no report named says so (round n55: "CONSULT   →   on ..." for a cluster of "the talks were friendly")
    typer.echo(f"{c['id']}  {c['event_type']}{' ' + c['mode'] if c['mode'] else ''}  "
               f"{_side(c, 'source') or '(no source)'} → {_side(c, 'target') or '(no target)'}  {_when(c)}"
               f"{'  in ' + (c['place_name'] or c['place_text']) if c['place_name'] or c['place_text'] else ''}")
    events = c.get("num_events") or 0
    also = f" ({_n(events, 'coded event')})" if events and events != c["num_mentions"] else ""
    typer.echo(f"{_n(c['num_mentions'], 'mention')}{also} in {_n(c['num_articles'], 'article')} from "
               f"{_n(c['num_sources'], 'outlet')}; "
               f"first reported {c['first_published'] or 'undated'} by {c['first_source'] or 'an unnamed outlet'}"
               # to the second, as the overrule lines below and `gaiko cluster overrules` write a time; the JSON keeps
               # the stored microseconds (round n58)
               f"{'; first coded ' + str(utc_text(c['coded_at'])) if c.get('coded_at') else ''}"
               f"{'; split or merged by hand' if c['overruled'] else ''}")
    for o in d.get("overrules") or ():  # which split or merge made or touched it, to undo it by (round n55)
        typer.echo(f"{o['kind']} {o['id']} ({'made this cluster' if o['made_this'] else 'touched it'}, "
                   f"{utc_text(o['created_at'])}){': ' + o['note'] if o.get('note') else ''}")
    emit_rows([{"published": r["published"] or "undated", "outlet": r.get("outlet") or r["outlet_key"],
                "date": f"{r['date'] or ''} {r.get('date_text') or ''}".strip(), "trigger": r["trigger"],
                "source": _side(r, "source"), "target": _side(r, "target"),
                "place": r.get("place_name") or r.get("place_text") or "", "sentence": r["sentence"], "event": r["id"]}
               for r in d["reports"]], "table", REPORT_COLUMNS, title="Reports")


def _when(c: dict) -> str:
    """When a cluster happened, for its header: "on DATE (precision)", or "undated" when neither an event date
    nor a publication date places it (an article coded without one), rather than "on ? (published)"."""
    return f"on {c['date']} ({c['date_precision']})" if c.get("date") else "undated (no event or publication date)"


@cluster_app.command("split")
def split(
    cluster_id: str = typer.Argument(..., help="The cluster to split."),
    event_ids: list[str] = typer.Argument(..., help="Event ids of the mentions to take out (see `gaiko cluster show`)."),
    note: Optional[str] = typer.Option(None, "--note", help="Why (kept with the overrule)."),
    db: str = typer.Option("gaiko.duckdb", "--db", help="Store to write."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Take mentions out of a cluster into a cluster of their own; kept as an overrule that survives recoding."""
    from ..clusters import split_cluster

    try:
        with existing_store(db) as store:
            ov = split_cluster(store, cluster_id, event_ids, note)
    except GaikoError as exc:
        fail(exc)
    moved, along = ov.get("moved") or event_ids, ov.get("came_along") or []
    if as_json:
        emit_json({"id": ov["id"], "kind": "split", "cluster_id": ov["cluster_id"], "from_clusters": [cluster_id],
                   "moved": moved, "came_along": along, "note": ov.get("note")})
    else:
        typer.echo(f"{ov['id']}: {len(moved)} mention(s) of {cluster_id} are now cluster {ov['cluster_id']}")
    if along:  # a two-way event is two mentions of one trigger: naming one direction moves both (round n41)
        typer.echo(f"note: {', '.join(along)} moved too: the same trigger as a mention you named, coded in the other "
                   "direction (an overrule names a mention by its trigger)", err=True)


@cluster_app.command("merge")
def merge(
    cluster_ids: list[str] = typer.Argument(..., help="Two or more cluster ids."),
    note: Optional[str] = typer.Option(None, "--note", help="Why (kept with the overrule)."),
    db: str = typer.Option("gaiko.duckdb", "--db", help="Store to write."),
    as_json: bool = typer.Option(False, "--json", help=JSON_HELP),
) -> None:
    """Make several clusters one; kept as an overrule that survives recoding."""
    from ..clusters import merge_clusters

    try:
        with existing_store(db) as store:
            ov = merge_clusters(store, cluster_ids, note)
    except GaikoError as exc:
        fail(exc)
    if as_json:  # the merged cluster's type apart from the overrule's kind (merge_clusters gives both as "kind")
        emit_json({"id": ov["id"], "kind": "merge", "cluster_id": ov["cluster_id"], "from_clusters": cluster_ids,
                   "types": ov.get("kinds") or {}, "counted_as": ov.get("kind"), "note": ov.get("note")})
    else:
        typer.echo(f"{ov['id']}: {', '.join(cluster_ids)} are now cluster {ov['cluster_id']}")
    kinds = ov.get("kinds") or {}
    if len(set(kinds.values())) > 1:
        was = ", ".join(f"{cid} {kind}" for cid, kind in kinds.items())
        typer.echo(f"note: the clusters were of different types ({was}); the merged cluster is counted as "
                   f"{ov['kind']} only (the type of its representative report). If they are not one event, drop the "
                   f"merge with: gaiko cluster undo {ov['id']} --db {shlex.quote(db)}", err=True)


@cluster_app.command("overrules")
def overrules(
    db: str = typer.Option("gaiko.duckdb", "--db", help="Store to read."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object {total, filters, overrules: [...]}, the rows "
                                 "of --format jsonl, as GET /api/v1/clusters/overrules gives it."),
    undone: bool = typer.Option(False, "--undone", help="The overrules undone by hand (gaiko cluster undo) instead, "
                                "oldest undo first: when each was undone and where its reports are now."),
) -> None:
    """Splits and merges made by hand, oldest first (--undone: those undone)."""
    from ..clusters import overrules_listing
    from ..store import Store

    check_json_format(as_json, fmt)
    try:
        with Store(db, read_only=True) as store:
            doc = overrules_listing(store, undone=undone)
    except GaikoError as exc:  # with --json, the API's error object on stdout too (round n57)
        fail_json(exc, exc.code, as_json)
    rows = doc["overrules"]
    if as_json:  # as every other listing's --json (n50), the API's object (round n57)
        emit_json(doc)
        return
    if fmt != "table":
        emit_rows(rows, fmt)
    elif not rows:  # a table of no rows printed one blank line (round n57)
        typer.echo(_none_listed(db, undone))
    elif undone:
        emit_rows([{"id": o["id"], "kind": o["kind"], "made": o["cluster_id"], "from": ", ".join(o["from_clusters"]),
                    "note": o["note"] or "", "made at": o["created_at"], "undone at": o["undone_at"],
                    "reports now in": ", ".join(f"{c} ({k})" for c, k in o["now_in"].items()) or "(none in the store)"}
                   for o in rows], fmt, title=f"{_n(len(rows), 'overrule')} undone")
    else:
        emit_rows([{"id": o["id"], "kind": o["kind"], "makes": o["cluster_id"], "mentions": o["mentions"],
                    "from": ", ".join(o["from_clusters"]), "note": o["note"] or "", "made": o["created_at"]}
                   for o in rows], fmt, title=f"{_n(len(rows), 'overrule')}")


def _none_listed(db: str, undone: bool) -> str:
    """What an empty listing says: that there is none, and how one is made."""
    where = f"--db {shlex.quote(db)}"
    if undone:
        return (f"no split or merge undone in {db} (gaiko cluster undo OVERRULE_ID {where} undoes one; "
                f"those in force: gaiko cluster overrules {where})")
    return (f"no split or merge made by hand in {db} (gaiko cluster split|merge make them; those undone: gaiko cluster "
            f"overrules --undone {where})")


def _n(n: int, word: str) -> str:
    """``1 mention``, ``2 mentions``."""
    return f"{n} {word}{'' if n == 1 else 's'}"


@cluster_app.command("undo")
def undo(
    overrule_id: str = typer.Argument(..., help="Overrule id (from `gaiko cluster overrules`)."),
    db: str = typer.Option("gaiko.duckdb", "--db", help="Store to write."),
    as_json: bool = typer.Option(False, "--json", help="What was undone as one JSON object: dropped (the overrule), "
                                 "kind, cluster_id (the cluster it made), from_clusters, moved, now_in, gone, ..."),
) -> None:
    """Drop an overrule: its clusters go back to what the rules (and the other overrules) give; the undo is kept."""
    from ..clusters import drop_overrule

    try:
        with existing_store(db) as store:
            done = drop_overrule(store, overrule_id)
    except GaikoError as exc:
        fail(exc)
    if as_json:
        emit_json(done)
        return
    # what it did (round n56: "ov-… dropped", and the merged cluster's id then answered "no cluster")
    made, back = done["cluster_id"], done["now_in"]
    where = ", ".join(f"{c} ({_n(k, 'report')})" for c, k in back.items())
    if not done["moved"]:
        what = "it held no report any more (a later overrule had taken them into another cluster); nothing moved"
    elif done["kind"] == "merge":
        what = f"cluster {made} is no more; its {_n(len(done['moved']), 'report')} are back in {where}"
    else:
        what = (f"cluster {made} (split off {', '.join(done['from_clusters'])}) is no more; its "
                f"{_n(len(done['moved']), 'report')} are back in {where}")
    if done["moved"] and not done["gone"]:
        what = f"cluster {made} stays, made by another overrule; its reports are in {where}"
    typer.echo(f"{overrule_id} undone ({done['kind']} of {', '.join(done['from_clusters'])}): {what}")


@cluster_app.command("rebuild")
def rebuild(db: str = typer.Option("gaiko.duckdb", "--db", help="Store to write.")) -> None:
    """Recompute every cluster from the stored events (after editing gaiko/data/clusters.yaml); overrules stay."""
    from ..clusters import rebuild_clusters

    with stops_told(lambda term: _rebuild_stopped(db, term)):  # SIGTERM as Ctrl-C: the rebuild's one transaction
        try:  # rolls back (round r29)
            with existing_store(db) as store:
                n = rebuild_clusters(store)
                k = store.scalar("SELECT count(*) FROM clusters")
        except GaikoError as exc:
            fail(exc)
    typer.echo(f"{_n(n, 'mention')} in {_n(k, 'cluster')}")


def _rebuild_stopped(db: str, term: bool) -> NoReturn:
    """The one ``Error:`` line of a rebuild stopped by Ctrl-C (exit 130) or SIGTERM (``term``, exit 143), round
    b28: it exited with no word. The rebuild is one transaction, rolled back: the store is as it was."""
    fail(f"{'terminated (SIGTERM)' if term else 'interrupted'}: the rebuild was not finished and the store's clusters "
         f"are as they were (it is one transaction, rolled back); run it again: gaiko cluster rebuild --db "
         f"{shlex.quote(db)}", code=143 if term else 130)


@cluster_app.command("eval")
def evaluate(
    paths: list[str] = typer.Argument(..., help="Labelled corpus files or folders (corpora/clusters)."),
    split: str = typer.Option("all", "--split", help="all, tuned or blind (a fixed hash of the story id sets one in five aside)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    errors: int = typer.Option(0, "--errors", help="List this many wrongly merged or split pairs (tuned stories only)."),
) -> None:
    """Code a labelled multi-article corpus and score its clusters: pair-wise precision and recall over the
    mentions coded with the gold type (docs/clusters.md)."""
    from ..clusters.evaluate import evaluate as run

    try:
        r = run(paths, split=split, errors=errors)
    except GaikoError as exc:
        fail(exc)
    if as_json:
        sys.stdout.write(json.dumps(r, ensure_ascii=False, default=json_text) + "\n")
        return
    typer.echo(f"{r['articles']} articles, {r['stories']} stories, {r['gold_mentions']} labelled mentions of "
               f"{r['gold_clusters']} events ({r['multi_article_clusters']} in more than one article)")
    parts = ("all", "tuned", "blind") if split == "all" else (split,)
    emit_rows([{"split": p, "precision": r[p]["precision"], "recall": r[p]["recall"], "f1": r[p]["f1"],
                "mentions scored": f"{r[p]['coded_with_gold_type']} of {r[p]['gold_mentions']}",
                "baseline P/R": f"{r[p]['baseline_type_dyad_day']['precision']:.2f} / "
                                f"{r[p]['baseline_type_dyad_day']['recall']:.2f}"} for p in parts], "table",
              title="pair-wise scores (baseline: same type, countries and date)")
    for e in r.get("errors", []):
        a, b = e["a"], e["b"]
        typer.echo(f"{e['kind']}: {a['article']} {a['trigger']!r} ({a['gold']}, {a['date']} {a['precision']}) | "
                   f"{b['article']} {b['trigger']!r} ({b['gold']}, {b['date']} {b['precision']})")
