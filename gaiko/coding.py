"""What `gaiko code` does, as an importable function (the CLI only parses and calls)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .ingest import count_inputs, read_inputs
from .runner import RunSummary, code_into_store
from .runner_signals import StoredInterrupted, hold_sigterm, stored_stop

if TYPE_CHECKING:
    from .store import Store

__all__ = ["run_code", "print_summary", "run_time", "skipped_note", "repeats_note", "same_stored_note", "undated_note",
           "DATE_ADVICE"]


def run_code(
    paths: Sequence[str],
    *,
    db: str = "gaiko.duckdb",
    date: str | None = None,
    workers: int = 1,
    batch_size: int = 32,
    actor_files: Sequence[str] = (),
    quiet: bool = False,
    json_summary: bool = False,
    coder: Any = None,
    track: bool = True,
) -> RunSummary:
    from .ingest import check_default_date

    default_date = check_default_date(date)
    check_paths(paths)
    if actor_files and coder is None:
        # fail fast on a malformed actor file, before any article is read
        from .pipeline.registry import build_pipeline

        build_pipeline(("actors",), actor_files=tuple(actor_files))
    items = read_inputs(paths, default_date=default_date, store=db)
    # read here, not bound at import (round n55): a module imported while gaiko.store.Store is replaced (a test's
    # monkeypatch) kept the replacement after it was undone, and every later `gaiko code` in that process used it
    from .store import Store
    from .store.noroom import told_when_full

    summary: RunSummary | None = None
    try:
        with told_when_full(db), Store(db) as store:  # a full disk said as such (round r33)
            try:
                summary = _run(store, items, paths, workers=workers, batch_size=batch_size, actor_files=actor_files,
                               quiet=quiet, json_summary=json_summary, coder=coder, track=track)
            except Exception as exc:
                store._damaged(exc)  # a store file found damaged mid-run: StoreError saying so
                raise
        if json_summary:
            sys.stdout.write(json.dumps(summary.to_dict(), default=str) + "\n")
        elif not quiet:
            print_summary(summary, db, settings=_settings(actor_files))
    except KeyboardInterrupt as exc:
        if summary is None or isinstance(exc, StoredInterrupted):
            raise
        # round r37 (b33 F19): the run had finished (articles, clusters, ledger stored): the store's close or the
        # summary was cut short, and nothing is left to code
        hold_sigterm()
        raise stored_stop(closing=False) from exc
    return summary


def _settings(actor_files: Sequence[str]) -> list[str]:
    """The options of this run that change how an article is coded (``--actors``, ``--type-model``), as typed."""
    import os

    from .pipeline.typemodel import ENV_VAR

    given = [f"--actors {f}" for f in actor_files]
    if os.environ.get(ENV_VAR):
        given.append(f"--type-model {os.environ[ENV_VAR]}")
    return given


def skipped_note(skipped: int, settings: Sequence[str], db: str) -> str:
    """Why ``settings`` (options that change the coding) did not reach the ``skipped`` articles already stored."""
    one = skipped == 1
    return (f"{skipped} article{'' if one else 's'} {'was' if one else 'were'} already in the store (same text) "
            f"and {'was' if one else 'were'} not coded again, so {' and '.join(settings)} did not apply to "
            f"{'it' if one else 'them'}: {'its' if one else 'their'} events and pledges stay as first coded. To code "
            f"every article with {'it' if len(settings) == 1 else 'them'}, code into a new store (a --db other than "
            f"{db}).")


def check_paths(paths: Sequence[str]) -> None:
    """Refuse a run whose PATH arguments name something that does not exist, before the store is opened (or
    created): a mistyped path is a mistake on the command line, not an input to record. Raises InputRejected
    (reason ``not_found``) naming every missing path; ``-`` (standard input) always exists, but given twice is a
    ConfigError (it can be read once)."""
    from pathlib import Path

    from .errors import InputRejected

    if list(paths).count("-") > 1:  # standard input can be read once: the second "-" would be an empty article
        from .errors import ConfigError

        raise ConfigError("'-' (standard input) is given more than once; it can be read only once: give it once")
    missing = [p for p in paths if p != "-" and not Path(p).exists()]
    if missing:
        shown = ", ".join(repr(p) for p in missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        raise InputRejected("not_found", f"no such file or directory: {shown}; nothing was coded and the store was "
                                         "not opened: check the path and run again")


def _run(store: Store, items: Any, paths: Sequence[str], *, workers: int, batch_size: int,
         actor_files: Sequence[str], quiet: bool, json_summary: bool, coder: Any, track: bool) -> RunSummary:
    """code_into_store, with a progress bar unless quiet."""
    if quiet or json_summary:
        summary = code_into_store(store, items, workers=workers, batch_size=batch_size,
                                  actor_files=actor_files, command=_command(paths), coder=coder, track=track)
    else:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        total = count_inputs(paths)
        with Progress(TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      transient=True) as bar:
            task = bar.add_task("code", total=total)
            summary = code_into_store(store, items, workers=workers, batch_size=batch_size,
                                      actor_files=actor_files, command=_command(paths), coder=coder, track=track,
                                      progress=lambda n: bar.advance(task, n))
    return summary


def _command(paths: Sequence[str]) -> str:
    return "code " + " ".join(paths)[:500]


def run_time(seconds: float, coded: int, skipped: int = 0) -> str:
    """The summary's time: "12.3 s (4.1 articles/s)"; a run that coded nothing says so rather than giving a rate of
    0.0 articles/s (round r36, b32 F12): "0.2 s (nothing coded; 24 already in store)", or "(nothing coded)"."""
    if not coded:
        why = f"; {skipped} already in store" if skipped else ""
        return f"{seconds:.1f} s (nothing coded{why})"
    rate = coded / seconds if seconds else 0.0
    return f"{seconds:.1f} s ({rate:.1f} articles/s)"


def print_summary(s: RunSummary, db: str, settings: Sequence[str] = ()) -> None:
    """The run's summary table on stderr, then its notes and first errors. ``settings``: options of the run that
    change how an article is coded; when articles were skipped as already stored, a note says they did not reach
    them."""
    from rich.console import Console
    from rich.table import Table

    from .richsafe import plain

    con = Console(stderr=True)
    t = Table(title=f"gaiko code → {plain(db)}", show_header=False)
    t.add_column("what")
    t.add_column("n", justify="right")
    stored = s.skipped - s.repeats  # articles, each once: a record in two input files is one article
    rows = [("articles coded", s.articles), ("already in store (skipped)", stored)]
    if s.repeats:
        rows.append(("repeated records (skipped)", s.repeats))
    if s.refused_before:  # round x14: refused by an earlier run, file unchanged since
        rows.append(("refused before (skipped)", s.refused_before))
    rows += [("sentences", s.sentences), ("events", s.events), ("pledges", s.pledges), ("errors", s.errors),
             ("warnings", s.warnings), ("time", run_time(s.seconds, s.articles, stored))]
    for k, v in rows:
        t.add_row(k, str(v))
    con.print(t)
    if s.repeats:
        con.print(f"[yellow]note[/] {plain(repeats_note(s.repeats))}", highlight=False)
    if s.same_stored:
        con.print(f"[yellow]note[/] {plain(same_stored_note(s.same_stored))}", highlight=False)
    if s.undated_pledges:
        con.print(f"[yellow]note[/] {plain(undated_note(s.undated_pledges))}", highlight=False)
    if stored and settings:
        con.print(f"[yellow]note[/] {plain(skipped_note(stored, settings, db))}", highlight=False)
    for e in s.refused_list[:20]:
        where = f"{e.path}:{e.line}" if e.line else e.path
        con.print(f"[yellow]skipped[/] {plain(where)} (refused before: {plain(e.reason)})", highlight=False)
    for e in s.error_list[:20]:
        where = f"{e.path}:{e.line}" if e.line else e.path
        style = "yellow" if e.severity == "warning" else "red"
        con.print(f"[{style}]{e.severity}[/] {plain(where)}: [bold]{plain(e.reason)}[/] – {plain(e.detail)}")
    if len(s.error_list) > 20:
        con.print(f"… {len(s.error_list) - 20} more; list them with: gaiko errors --db {plain(db)}")


def repeats_note(n: int) -> str:
    """What the summary's ``repeated records`` row counts: input records whose text another record of the run held."""
    one = n == 1
    return (f"{n} input record{'' if one else 's'} repeat{'s' if one else ''} the text of an earlier record of this "
            f"run (the same article in two files, or twice in one): one text is one article, stored and counted "
            f"once, so {'it was' if one else 'they were'} skipped")


def same_stored_note(ids: Sequence[str]) -> str:
    """The summary's line for records that were a stored article with the headline given apart (round u40, b39 F15):
    "1 article with the same text as one stored: <id>"."""
    n = len(ids)
    shown = ", ".join(ids[:5]) + (f" and {n - 5} more" if n > 5 else "")
    return (f"{n} article{'' if n == 1 else 's'} with the same text as {'one' if n == 1 else n} stored: {shown} (the "
            f"headline given apart, as title= or as the first line of a text file); one text is one article, so "
            f"{'it was' if n == 1 else 'they were'} skipped, coding nothing twice")


def undated_note(n: int) -> str:
    """What to tell a user whose store holds ``n`` pledge statements from undated articles."""
    return (f"{n} pledge statement{'s' if n != 1 else ''} come{'' if n != 1 else 's'} from articles without a "
            "publication date: with no date, deadlines and later evidence cannot be judged, so their status is "
            f"not tracked (it stays open). {DATE_ADVICE}")


#: how to give articles a publication date (said wherever undated pledges are counted)
DATE_ADVICE = ("Give articles a date when coding them: a 'published' field in JSONL/CSV, a date in the file name "
               "(2025-10-26-talks.txt) or gaiko code --date YYYY-MM-DD. An article already stored keeps its date: "
               "code it again with one into a new store.")
