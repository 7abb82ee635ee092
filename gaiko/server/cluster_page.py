"""The dashboard's page of one event cluster, ``/clusters/{id}`` (round p51, issue 17: "the evidence view of a
cluster lists all its reports side by side"): what the cluster says (type, mode, dyad, date and place with their
precision, counts, first report), every report side by side (outlet, article, date, the sentence with its trigger
and actors marked, the offsets they were read at) and the splits and merges made by hand that touch it. It shows
what ``GET /api/v1/clusters/{id}`` answers (:func:`gaiko.server.cluster_view.cluster_view`)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ..errors import NotFound
from .evidence import segments
from .pagekit import render, unknown_query

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster_page(request: Request, cluster_id: str) -> HTMLResponse:
    unknown = unknown_query(request, ())
    if unknown:
        return render(request, "error.html", status=422, error=unknown, bad_query=True)
    from ..clusters.view import cluster_view

    try:
        with request.app.state.gaiko.reader() as store:
            d = cluster_view(store, cluster_id)
    except NotFound as exc:
        return render(request, "error.html", status=404, error=str(exc))
    for r in d["reports"]:
        r["segments"] = _segments(r)
    c = d["cluster"]
    first = next((r for r in d["reports"] if r["id"] == c.get("first_event_id")), d["reports"][0] if d["reports"] else None)
    # the outlets as their reports name them, first report first (the cluster row keeps them lower-cased, as keys)
    outlets = list(dict.fromkeys(r.get("outlet") or r["outlet_key"] for r in d["reports"]))
    from ..utctime import utc_iso  # the time the page shows, with its zone in <time datetime> (round n54)

    coded = utc_iso(c["coded_at"]) if c.get("coded_at") else None
    return render(request, "cluster.html", c=c, reports=d["reports"], overrules=d["overrules"], first=first,
                  outlets=outlets, coded=coded)


def _segments(r: dict[str, Any]) -> list[dict[str, Any]]:
    """The report's sentence cut into plain and marked pieces (trigger, source, target), as the article page marks
    them; the plain sentence when its offsets are unknown."""
    text = (r.get("sentence") or "").rstrip()
    marks = r.get("marks") or []  # offsets relative to the sentence already
    return segments(text, 0, marks) if marks else [{"text": text, "kind": None}]
