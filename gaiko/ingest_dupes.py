"""``same_text`` warnings: a record skipped because its text is already stored, or earlier in the run, from another
outlet (s35, b35 F17).

An article's id is the hash of its text, so a syndicated copy (the same wire story from a second outlet) is the
same article: it is skipped, as a rerun's records are, and its outlet is not stored and never counts in a cluster's
``num_sources``. Before s35 that happened without a word; the warning names the outlet and the stored article.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .types import Article, InputError

__all__ = ["same_text"]


def _outlet(source: str | None) -> str:
    return " ".join((source or "").split()).casefold()


def same_text(store: Any, articles: Iterable[Article], known: set[str],
              run_sources: dict[str, str | None]) -> list[InputError]:
    """``same_text`` warnings for ``articles`` (one batch, in order) whose text is already stored (``known``: their
    ids) or came earlier in this run (``run_sources``, ``{article id: outlet}``, which is updated) with another
    outlet (``source``) than the record's. A record without an outlet, or with the stored one (a rerun), is
    skipped without a word, as before."""
    articles = list(articles)
    ids = list({a.id for a in articles if a.id in known and a.source and a.source.strip()})
    stored = dict(store.con.execute("SELECT id, source FROM articles WHERE id IN (SELECT unnest(?))",
                                    [ids]).fetchall()) if ids else {}
    warnings = []
    for a in articles:
        if a.id in stored:
            first, where = stored[a.id], "is already stored"
        elif a.id in run_sources:
            first, where = run_sources[a.id], "came earlier in this run"
        else:
            if a.id not in known:
                run_sources[a.id] = a.source
            continue
        if not _outlet(a.source) or _outlet(a.source) == _outlet(first):
            continue
        w = InputError.for_article(
            a, "same_text",
            f"the same text {where} (article {a.id}, outlet {first or 'none'}); this copy from {a.source.strip()!r} "
            "is skipped, so its outlet is not counted in the cluster's outlets (num_sources). A syndicated copy is "
            "one article to gaiko (its id is the hash of its text); nothing else of it is lost")
        w.severity = "warning"
        warnings.append(w)
    return warnings
