"""Scoring coded events against gold items, one function per gold format."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..tables import data_path
from ..types import PLOVER_TYPES, Actor, Event
from .gold import GoldActor, GoldItem

__all__ = ["primary", "score_plover", "score_corpus", "score_petr", "score_confli", "score_case", "acled_map", "prf"]


def primary(events: Sequence[Event]) -> Event | None:
    """The highest-confidence event (first one on ties)."""
    best: Event | None = None
    for e in events:
        if best is None or e.confidence > best.confidence:
            best = e
    return best


def prf(gold: Sequence[str | None], pred: Sequence[str | None], labels: Sequence[str]) -> dict[str, dict[str, float]]:
    """Per-label precision, recall, F1 and support."""
    out: dict[str, dict[str, float]] = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred) if g == lab and p != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[lab] = {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4), "support": tp + fn}
    return out


def _macro(per: dict[str, dict[str, float]]) -> float:
    vals = [v["f1"] for v in per.values() if v["support"] > 0]
    return round(sum(vals) / len(vals), 4) if vals else 0.0


def _country_ok(a: Actor | None, gold: list[GoldActor]) -> bool:
    return a is not None and a.country is not None and any(a.country[:3] == g.country for g in gold)


def _brief(e: Event | None) -> dict[str, Any] | None:
    if e is None:
        return None
    return {
        "type": e.event_type, "cameo": e.cameo_code, "trigger": e.trigger, "pattern": e.pattern,
        "source": e.source.code if e.source and e.source.country else (e.source.text if e.source else None),
        "target": e.target.code if e.target and e.target.country else (e.target.text if e.target else None),
        "intended": e.intended, "negated": e.negated, "confidence": e.confidence,
    }


def _gactors(gs: list[GoldActor]) -> list[str]:
    return [g.country + (g.sector or "") for g in gs]


def score_plover(items: Sequence[GoldItem], coded: Sequence[list[Event]], n_errors: int = 0) -> dict[str, Any]:
    n = len(items)
    type_ok = any_ok = 0
    src_n = src_ok = tgt_n = tgt_ok = sec_n = sec_ok = triple_ok = 0
    gold_types: list[str | None] = []
    pred_types: list[str | None] = []
    misses: list[tuple[float, dict[str, Any]]] = []
    for it, evs in zip(items, coded):
        gtype = it.types[0]
        p = primary(evs)
        gold_types.append(gtype)
        pred_types.append(p.event_type if p else None)
        t_ok = p is not None and p.event_type == gtype
        type_ok += t_ok
        matching = [e for e in evs if e.event_type == gtype]
        any_ok += bool(matching)
        ref = max(matching, key=lambda e: e.confidence) if matching else p
        s_ok = g_ok = False
        if it.sources:
            src_n += 1
            s_ok = _country_ok(ref.source if ref else None, it.sources)
            src_ok += s_ok
            gsec = {g.sector[:3].upper() for g in it.sources if g.sector}
            if gsec:
                sec_n += 1
                sec_ok += bool(ref and ref.source and ref.source.sector and ref.source.sector[:3] in gsec)
        if it.targets:
            tgt_n += 1
            g_ok = _country_ok(ref.target if ref else None, it.targets)
            tgt_ok += g_ok
        triple_ok += any(
            e.event_type == gtype and (not it.sources or _country_ok(e.source, it.sources))
            and (not it.targets or _country_ok(e.target, it.targets)) for e in evs
        )
        if n_errors and not (t_ok and (s_ok or not it.sources) and (g_ok or not it.targets)):
            badness = (2.0 if not t_ok else 0.0) + (0.0 if s_ok else 0.5) + (0.0 if g_ok else 0.25)
            misses.append((badness + (p.confidence if p else 0.0) / 10, {
                "id": it.id, "text": it.text,
                "gold": {"type": gtype, "source": _gactors(it.sources), "target": _gactors(it.targets)},
                "coded": _brief(p), "all_coded": [_brief(e) for e in evs],
            }))
    per = prf(gold_types, pred_types, PLOVER_TYPES)
    out: dict[str, Any] = {
        "format": "plover-gsr",
        "n": n,
        "type_accuracy": _ratio(type_ok, n),
        "type_macro_f1": _macro(per),
        "type_recall_any": _ratio(any_ok, n),
        "events_per_sentence": _ratio(sum(len(c) for c in coded), n),
        "source_country_accuracy": _ratio(src_ok, src_n),
        "target_country_accuracy": _ratio(tgt_ok, tgt_n),
        "sector_accuracy": _ratio(sec_ok, sec_n),
        "triple_accuracy": _ratio(triple_ok, n),
        "no_event_rate": _ratio(sum(1 for c in coded if not c), n),
        "per_type": per,
    }
    if n_errors:
        misses.sort(key=lambda m: -m[0])
        out["errors"] = [m[1] for m in misses[:n_errors]]
    return out


def score_corpus(items: Sequence[GoldItem], coded: Sequence[list[Event]], n_errors: int = 0) -> dict[str, Any]:
    """gaiko's own corpus: the PLOVER metrics over sentences with an event, plus how often a
    no-event sentence gets events (``false_event_rate``) and the accuracy over all sentences with
    "no event" as a label of its own (``overall_accuracy``)."""
    ev = [(it, c) for it, c in zip(items, coded) if it.types]
    none = [(it, c) for it, c in zip(items, coded) if not it.types]
    out = score_plover([it for it, _ in ev], [c for _, c in ev], n_errors)
    out["format"] = "gaiko-corpus"
    out["n_no_event"] = len(none)
    out["false_event_rate"] = _ratio(sum(1 for _, c in none if c), len(none))
    ok = sum(1 for it, c in ev if (p := primary(c)) is not None and p.event_type == it.types[0])
    ok += sum(1 for _, c in none if not c)
    out["overall_accuracy"] = _ratio(ok, len(items))
    out["n"] = len(items)
    out["n_with_events"] = len(ev)
    return out


def score_petr(items: Sequence[GoldItem], coded: Sequence[list[Event]], n_errors: int = 0) -> dict[str, Any]:
    ev_items = [(it, c) for it, c in zip(items, coded) if it.codings]
    none_items = [(it, c) for it, c in zip(items, coded) if not it.codings]
    root_ok = any_ok = src_n = src_ok = tgt_n = tgt_ok = code_n = code_ok = 0
    misses: list[dict[str, Any]] = []
    for it, evs in ev_items:
        roots = {c[0][:2] for c in it.codings}
        p = primary(evs)
        ok = p is not None and p.cameo in roots
        root_ok += ok
        matching = [e for e in evs if e.cameo in roots]
        any_ok += bool(matching)
        ref = matching[0] if matching else p
        gsrc = [c[1] for c in it.codings if c[1][:3].isalpha()]
        gtgt = [c[2] for c in it.codings if c[2][:3].isalpha()]
        if gsrc:
            src_n += 1
            src_ok += bool(ref and ref.source and ref.source.country and ref.source.country[:3] in {g[:3] for g in gsrc})
            code_n += 1
            code_ok += bool(ref and ref.source and ref.source.code in set(gsrc))
        if gtgt:
            tgt_n += 1
            tgt_ok += bool(ref and ref.target and ref.target.country and ref.target.country[:3] in {g[:3] for g in gtgt})
        if not ok and len(misses) < n_errors:
            misses.append({"id": it.id, "text": it.text, "gold": [list(c) for c in it.codings], "coded": _brief(p)})
    none_ok = sum(1 for _, c in none_items if not c)
    out: dict[str, Any] = {
        "format": "petr-xml",
        "n": len(items),
        "n_with_events": len(ev_items),
        "cameo_root_accuracy": _ratio(root_ok, len(ev_items)),
        "cameo_root_recall_any": _ratio(any_ok, len(ev_items)),
        "no_event_accuracy": _ratio(none_ok, len(none_items)),
        "events_per_sentence": _ratio(sum(len(c) for c in coded), len(items)),
        "source_country_accuracy": _ratio(src_ok, src_n),
        "target_country_accuracy": _ratio(tgt_ok, tgt_n),
        "source_code_accuracy": _ratio(code_ok, code_n),
    }
    if n_errors:
        out["errors"] = misses
    return out


def confli_classes() -> dict[str, str]:
    """PLOVER type -> ConfliBERT class (``gaiko/data/confli_classes.tsv``, which says why it is not the quad)."""
    out: dict[str, str] = {}
    with data_path("confli_classes.tsv").open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for r in rows:
            out[r["type"]] = r["class"]
    return out


def quad_of(events: Sequence[Event], scheme: str = "confli") -> str:
    """ConfliBERT class of what gaiko coded: 0 = no PLOVER event (or a CAMEO 01-02 statement/appeal); else the
    class of the primary event's type in ConfliBERT's scheme (``scheme="confli"``) or its PLOVER quad
    (``scheme="plover"``)."""
    p = primary(events)
    if p is None or p.cameo in ("01", "02") or p.quad_class is None:
        return "0"
    if scheme == "confli":
        return confli_classes().get(p.event_type, str(p.quad_class))
    return str(p.quad_class)


def score_confli(items: Sequence[GoldItem], coded: Sequence[list[Event]], n_errors: int = 0) -> dict[str, Any]:
    gold = [it.label for it in items]
    pred: list[str | None] = [quad_of(c) for c in coded]
    plover = [quad_of(c, "plover") for c in coded]
    per = prf(gold, pred, ("0", "1", "2", "3", "4"))
    conf = Counter(f"{g}->{p}" for g, p in zip(gold, pred))
    out: dict[str, Any] = {
        "format": "confli-class", "n": len(items),
        "quad_accuracy": _ratio(sum(1 for g, p in zip(gold, pred) if g == p), len(items)),
        "quad_macro_f1": _macro(per),
        "plover_quad_accuracy": _ratio(sum(1 for g, p in zip(gold, plover) if g == p), len(items)),
        "events_per_sentence": _ratio(sum(len(c) for c in coded), len(items)),
        "per_class": per, "confusion": dict(sorted(conf.items())),
    }
    if n_errors:
        out["errors"] = [{"id": it.id, "text": it.text, "gold": it.label, "coded": _brief(primary(c))}
                         for it, c, p in zip(items, coded, pred) if p != it.label][:n_errors]
    return out


def acled_map() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    with data_path("acled_plover.tsv").open(encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for r in rows:
            out[r["subtype"]] = frozenset(t for t in (r.get("plover") or "").split(";") if t)
    return out


def score_case(items: Sequence[GoldItem], coded: Sequence[list[Event]], n_errors: int = 0) -> dict[str, Any]:
    table = acled_map()
    mapped = [(it, c, table[it.label or ""]) for it, c in zip(items, coded) if table.get(it.label or "")]
    unmapped = [(it, c) for it, c in zip(items, coded) if not table.get(it.label or "")]
    ok = sum(1 for it, c, want in mapped if (p := primary(c)) is not None and p.event_type in want)
    any_ok = sum(1 for it, c, want in mapped if any(e.event_type in want for e in c))
    by_sub: dict[str, list[int]] = {}
    for it, c, want in mapped:
        p = primary(c)
        by_sub.setdefault(it.label or "", []).append(int(p is not None and p.event_type in want))
    out: dict[str, Any] = {
        "format": "case2021", "n": len(items), "n_mapped": len(mapped),
        "type_accuracy": _ratio(ok, len(mapped)),
        "type_recall_any": _ratio(any_ok, len(mapped)),
        "events_per_snippet": _ratio(sum(len(c) for c in coded), len(items)),
        "unmapped_with_events": _ratio(sum(1 for _, c in unmapped if c), len(unmapped)),
        "per_subtype_accuracy": {k: _ratio(sum(v), len(v)) for k, v in sorted(by_sub.items())},
    }
    if n_errors:
        out["errors"] = [{"id": it.id, "text": it.text[:300], "gold": it.label, "coded": _brief(primary(c))}
                         for it, c, want in mapped if not ((p := primary(c)) and p.event_type in want)][:n_errors]
    return out


def _ratio(a: float, b: float) -> float:
    return round(a / b, 4) if b else 0.0
