"""The event filters of `gaiko events`, `gaiko dyads` and `gaiko export`, declared once.

Each ``*_option()`` returns a fresh ``typer.Option`` (the default of one command parameter), so the three commands
take the same flags with the same defaults and the same help; :func:`event_filters` turns the values into the
keyword arguments of ``Store.events``, ``Store.dyads`` and ``export_events``. Commands keep their own ``--limit``,
``--format`` and ``--json`` (their defaults and meanings differ).
"""

from __future__ import annotations

from typing import Any

import typer

__all__ = ["COUNT_HELP", "say_unclustered", "warn_unclustered", "db_option", "actor_option", "source_option", "target_option", "type_option", "since_option",
           "until_option", "quad_class_option", "text_option", "actual_option", "either_option", "directed_option",
           "count_option", "place_option", "outlet_option", "mode_option", "context_option", "precision_option",
           "event_filters"]

COUNT_HELP = "clusters: one row per real-world event (its reports counted in num_mentions); mentions: one per report."
ACTOR_FORMS = "country code (JPN), code+sector (JPNGOV) or name"


def db_option() -> Any:
    return typer.Option("gaiko.duckdb", "--db", help="Store to read.")


def actor_option() -> Any:
    return typer.Option(None, "--actor", help=f"Source or target: {ACTOR_FORMS}.")


def source_option() -> Any:
    return typer.Option(None, "--source", help="Source actor (same forms as --actor).")


def target_option() -> Any:
    return typer.Option(None, "--target", help="Target actor (same forms as --actor).")


def type_option() -> Any:
    return typer.Option(None, "--type", help="PLOVER type(s), comma-separated (e.g. ACCUSE,THREATEN).")


def since_option() -> Any:
    return typer.Option(None, "--since", help="Events on or after this date (YYYY-MM-DD).")


def until_option() -> Any:
    return typer.Option(None, "--until", help="Events on or before this date (YYYY-MM-DD).")


def quad_class_option() -> Any:
    return typer.Option(None, "--quad-class", help="1 verbal coop, 2 material coop, 3 verbal conflict, "
                        "4 material conflict; several comma-separated (1,2: cooperation).")


def text_option() -> Any:
    return typer.Option(None, "--text", help="Only events whose sentence contains this text.")


def actual_option() -> Any:
    return typer.Option(False, "--actual", help="Leave out intended and hypothetical events.")


def either_option() -> Any:
    return typer.Option(False, "--either", help="With --source and --target: the dyad in either direction (target → "
                        "source too).")


def directed_option() -> Any:
    return typer.Option(False, "--directed", help="Directed events only: leave out joint acts (one event whose "
                        "compound source holds both sides, no recipient: \"A and B signed a treaty\"), which a dyad "
                        "(--source and --target) otherwise counts in both directions, once each.")


def place_option() -> Any:
    return typer.Option(None, "--place", help="Resolved place name (exact, any case: tokyo is Tokyo), as the place "
                        "column and the dashboard's map name it; the API's place=.")


def outlet_option() -> Any:
    return typer.Option(None, "--outlet", help="The outlet that published the article (its record's source field, "
                        "exact: Reuters); a cluster when any of its reports is the outlet's; the API's outlet=.")


def mode_option() -> Any:
    return typer.Option(None, "--mode", help="PLOVER mode (any case: phone, visit, disapprove, arrest, ...), as the "
                        "mode column shows it; one gaiko does not code and no event of the store has is refused; "
                        "the API's mode=.")


def context_option() -> Any:
    return typer.Option(None, "--context", help="PLOVER context (any case: diplomatic, military, economic, ...): "
                        "events with it among theirs; one gaiko does not code and no event of the store has is "
                        "refused; the API's context=.")


def precision_option() -> Any:
    return typer.Option(None, "--precision", help="How precisely the event's date is known: day, week, month, year, "
                        "decade, century, era, shared (an upper bound) or published (no date of its own), several "
                        "comma-separated, any case; the API's precision=.")


def count_option(help: str = COUNT_HELP) -> Any:  # noqa: A002
    """``--count clusters|mentions``; ``help`` for a command whose count means more (``gaiko dyads``)."""
    return typer.Option("clusters", "--count", help=help)


def event_filters(actor: str | None, source: str | None, target: str | None, type: str | None,  # noqa: A002
                  since: str | None, until: str | None, quad_class: Any, text: str | None,
                  actual: bool, either: bool = False, directed: bool = False, *, place: str | None = None,
                  outlet: str | None = None, mode: str | None = None, context: str | None = None,
                  precision: str | None = None) -> dict[str, Any]:
    """The store's filter keywords from the command's values (``--actual`` is ``include_intended=False``; ``--either``
    is ``either=True`` and ``--directed`` ``directed=True``, each left out when not given). ``place``, ``outlet``,
    ``mode``, ``context`` and ``precision`` are the API's filters of those names (round n58), passed on as given,
    each left out when not given or blank (as the API drops an empty value):
    :class:`gaiko.store.event_filter.EventFilter` reads and checks them for every surface alike."""
    more = {"place": place, "outlet": outlet, "mode": mode, "context": context, "precision": precision}
    return {"actor": actor, "source": source, "target": target, "type": type, "since": since, "until": until,
            "quad_class": quad_class, "text": text, "include_intended": not actual, **({"either": True} if either else {}),
            **({"directed": True} if directed else {}),
            **{k: v for k, v in more.items() if v and v.strip()}}


def shown_filters(filters: dict[str, Any]) -> dict[str, Any]:
    """The filters a `--json` answer echoes: those given (not None), without the internal `include_intended`, each
    as applied (round r34: `--type agree` is ``AGREE``, as GET /api/v1/events echoes it)."""
    from ..store.event_filter import applied_filters

    return applied_filters({k: v for k, v in filters.items() if v is not None and k != "include_intended"})


def say_why_empty(store: Any, filters: dict[str, Any], count: str = "clusters") -> None:
    """On stderr, one ``note:`` line per reason the filters matched nothing (:func:`gaiko.store.hints.why_empty`):
    an unknown or lower-case country code, an actor no event has, dates outside the store's (round n40)."""
    import typer

    from ..store.hints import why_empty

    for note in why_empty(store, {k: v for k, v in filters.items() if v is not None}, count):
        typer.echo(f"note: {note}", err=True)


def say_unclustered(store: Any, count: str, db: str) -> str | None:
    """Counting clusters, a ``Warning:`` line on stderr when some events are in no cluster yet (each then counts as
    a cluster of its own) naming the command that clusters them, and the ledger's rebuild while the stored ledger is
    behind (:meth:`gaiko.store.queries.QueryMixin.unclustered_note`, round r31); nothing counting mentions (round r28
    on `gaiko stats` and `gaiko events`; round r29 on `gaiko dyads`, `gaiko series` and `gaiko export`). Returns
    the note (None when none was said), for ``--json``'s ``notes``. The one helper since round r32 (`gaiko stats`
    and `gaiko events` had their own copy)."""
    return warn_unclustered(store.unclustered_note(db) if count == "clusters" else None)


def warn_unclustered(note: str | None) -> str | None:
    """The ``Warning:`` line on stderr of :func:`say_unclustered` for a ``note`` already read (`gaiko stats` says it
    after its table, once the store is closed); nothing for None. Returns ``note``."""
    import typer

    if note:
        typer.echo(f"Warning: {note}", err=True)
    return note
