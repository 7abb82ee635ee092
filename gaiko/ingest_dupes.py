"""Records that repeat another: ``duplicate_id`` (an external id that already names another text; moved here from
``runner`` in session 36, unchanged) and ``same_text`` warnings (a record skipped because its text is already stored, or
earlier in the run, from another outlet: s35, b35 F17).

An article's id is the hash of its text, so a syndicated copy (the same wire story from a second outlet) is the
same article: it is skipped, as a rerun's records are, and its outlet is not stored and never counts in a cluster's
``num_sources``. Before s35 that happened without a word; the warning names the outlet and the stored article.

``headline_copy`` (round u40, b39 F15): the same text with its headline given apart. An article POSTed as text/plain
with ``title=`` (its text the body) and later its ``.txt`` file (the headline as its first line, then the body) have
two texts, so two ids: the file was coded as a second article (its headline line one more event) without a word. A
record whose text, less its first line, is a stored article's text and whose first line is that article's title, or
whose title and text together are a stored article's text, is that article: skipped (one text is one article, as a
syndicated copy is) with a ``headline_copy`` warning naming it, and counted in the run's summary.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .ids import article_id
from .types import Article, InputError

__all__ = ["drop_duplicate_ids", "same_text", "headline_copies"]


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


def drop_duplicate_ids(store: Any, articles: list[Article], run_ids: dict[str, str]) -> tuple[list[Article],
                                                                                                 list[InputError]]:
    """``articles`` less those whose external ``id`` already names another text (earlier in this run, in
    ``run_ids``, which is updated, or in the store): the first text stays, and each later one becomes a
    ``duplicate_id`` warning holding its whole text (so nothing is lost; it is not coded)."""
    with_ext = [a for a in articles if a.external_id is not None]
    if not with_ext:
        return articles, []
    stored = store.articles_by_external_id(a.external_id for a in with_ext if a.external_id not in run_ids)
    kept: list[Article] = []
    dups: list[InputError] = []
    for a in articles:
        ext = a.external_id
        first = None if ext is None else run_ids.get(ext) or stored.get(ext)
        if first is None or first == a.id:
            if ext is not None:
                run_ids.setdefault(ext, a.id)
            kept.append(a)
            continue
        path, _, line = (a.origin or "").rpartition(":")
        path, line_no = (path, int(line)) if line.isdigit() else (a.origin or "", None)
        dups.append(InputError(path, "duplicate_id", f"id {ext!r} already names article {first} with another text; "
                                                     f"the first stays and this record was not coded. Its text: "
                                                     f"{a.text}", line_no, severity="warning", input_id=a.id))
    return kept, dups


def _words(s: str | None) -> str:
    return " ".join((s or "").split()).casefold()


def headline_copies(store: Any, articles: list[Article]) -> tuple[list[Article], list[InputError], list[str]]:
    """``articles`` less those that are a stored article with the headline given apart (see the module's note):
    (kept, one ``headline_copy`` warning each, the stored articles' ids)."""
    cands: list[tuple[Article, str, str]] = []  # (record, id of the stored text it would be, how)
    for a in articles:
        first, sep, rest = a.text.strip().partition("\n")
        if sep and first.strip() and rest.strip():
            cands.append((a, article_id(rest), "line"))  # the record's first line is the stored article's title
        if a.title and a.title.strip():
            cands.append((a, article_id(f"{a.title}\n{a.text}"), "title"))  # the stored text starts with its title
    if not cands:
        return articles, [], []
    stored = {r[0]: r[1] for r in store.con.execute("SELECT id, title FROM articles WHERE id IN (SELECT unnest(?))",
                                                    [sorted({c[1] for c in cands})]).fetchall()}
    same: dict[str, tuple[str, str]] = {}
    for a, sid, how in cands:
        if a.id in same or sid not in stored or sid == a.id:
            continue
        if how == "line" and (not stored[sid] or _words(stored[sid]) != _words(a.text.strip().partition("\n")[0])):
            continue  # a first line that is not the stored article's title: another text, coded
        same[a.id] = (sid, how)
    if not same:
        return articles, [], []
    warnings = []
    for a in articles:
        if a.id not in same:
            continue
        sid, how = same[a.id]
        told = ("its text less its first line (the headline) is" if how == "line" else
                "its title and text together are")
        w = InputError.for_article(
            a, "headline_copy",
            f"the same text as stored article {sid}: {told} that article's, its headline given apart (a title= "
            "or title field on one, the text's first line on the other); one text is one article, so this record "
            "was skipped and nothing of it was coded twice")
        w.severity = "warning"
        warnings.append(w)
    return [a for a in articles if a.id not in same], warnings, [same[a.id][0] for a in articles if a.id in same]
