"""Flattening records into store rows (and back into PLOVER-shaped JSON)."""

from __future__ import annotations

from typing import Any

from ..types import Actor, CodedArticle, Event
import json

from .schema import ACTOR_FIELDS, EVENT_COLUMNS, EVENT_COLUMNS_5, EVENT_COLUMNS_6

__all__ = ["event_row", "article_row", "event_marks", "EVENT_NAMES"]

EVENT_NAMES: tuple[str, ...] = tuple(n for n, _ in EVENT_COLUMNS + EVENT_COLUMNS_5 + EVENT_COLUMNS_6)


def members_json(members: list[Actor]) -> str | None:
    """JSON text of a compound source or target (two actors or more), else None."""
    if len(members) < 2:
        return None
    return json.dumps([m.to_dict() for m in members], ensure_ascii=False)


def _actor_cols(prefix: str, a: Actor | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in ACTOR_FIELDS:
        key = "person_id" if f == "person" else f
        out[f"{prefix}_{f}"] = getattr(a, key) if a is not None else None
    return out


def event_row(ev: Event, run_id: str | None = None) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": ev.id,
        "article_id": ev.article_id,
        "sentence_idx": ev.sentence_index,
        "date": ev.date,
        "date_text": ev.date_text,
        "date_precision": ev.date_precision,
        "event_type": ev.event_type,
        "mode": ev.mode,
        "context": list(ev.context),
        "cameo": ev.cameo,
        "cameo_code": ev.cameo_code,
        "goldstein": ev.goldstein,
        "quad_class": ev.quad_class,
        **_actor_cols("source", ev.source),
        **_actor_cols("target", ev.target),
        "place_text": ev.place.text if ev.place else None,
        "place_name": ev.place.name if ev.place else None,
        "place_country": ev.place.country if ev.place else None,
        "lat": ev.place.lat if ev.place else None,
        "lon": ev.place.lon if ev.place else None,
        "negated": ev.negated,
        "hypothetical": ev.hypothetical,
        "intended": ev.intended,
        "reported": ev.reported,
        "trigger": ev.trigger,
        "trigger_start": ev.trigger_start,
        "trigger_end": ev.trigger_end,
        "pattern": ev.pattern,
        "confidence": ev.confidence,
        "coder_version": ev.coder_version,
        "run_id": run_id,
        "decided_by": ev.decided_by,
        "type_probability": ev.type_probability,
        "cameo_quad_class": ev.cameo_quad_class,
        "source_members": members_json(ev.source_members),
        "target_members": members_json(ev.target_members),
        "place_precision": ev.place.precision if ev.place else None,
        "place_region": ev.place.region if ev.place else None,
    }
    return row


def article_row(c: CodedArticle, run_id: str | None, coded_at: Any) -> dict[str, Any]:
    a = c.article
    return {
        "id": a.id,
        "external_id": a.external_id,
        "title": a.title,
        "url": a.url,
        "source": a.source,
        "published": a.published,
        "text": a.text,
        "n_sentences": len(c.sentences),
        "origin": a.origin,
        "coded_at": coded_at,
        "coder_version": c.coder_version,
        "run_id": run_id,
    }


def event_marks(ev: dict[str, Any]) -> list[dict[str, Any]]:
    """Article-relative spans of one event row: trigger, source, target."""
    out = []
    for kind, s_key, e_key, t_key in (
        ("trigger", "trigger_start", "trigger_end", "trigger"),
        ("source", "source_start", "source_end", "source_text"),
        ("target", "target_start", "target_end", "target_text"),
    ):
        s, e = ev.get(s_key), ev.get(e_key)
        if isinstance(s, int) and isinstance(e, int) and 0 <= s < e:
            out.append({"kind": kind, "start": s, "end": e, "text": ev.get(t_key), "event_id": ev["id"]})
    return out
