"""Measuring pledge tracking on labelled pledge/report pairs and multi-article storylines.

Formats (``corpora/pledges/``, described in docs/pledges.md):

* **pairs** (``pairs-NN.jsonl``): one object a line with ``pledge`` {text, date, actor, actor_country, kind,
  action, object, target, target_country, quantity, deadline}, ``report`` {text, date, actor} and the gold
  ``relation`` (fulfils, partial, progresses, reverses, withdraws, restates, revises, stalls, unrelated).
* **storylines** (``storylines/*.json``): ``articles`` [{id, published, source, title, text}], ``as_of`` and
  gold ``pledges`` [{article, sentence_contains, actor_country, action, final_status, evidence [...]}].

:func:`evaluate_pairs` codes both texts of each pair, takes the pledge gaiko extracts (the one closest to the
gold action; the gold fields when it finds none) and decides the report's relation exactly as the ledger does
(:func:`gaiko.tracking.decide.decide`). :func:`evaluate_storylines` codes each storyline into a fresh store,
updates the ledger as of the storyline's date and matches gold pledges to ledger entries by sentence.

The blind split (:mod:`gaiko.evaluate.split`) is the hash of the pledge text and report text for a pair, of the
storyline id for a storyline; its items are scored but never listed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..tables import word_sets
from .split import SPLITS, is_blind

__all__ = ["load_pairs", "load_storylines", "evaluate_pairs", "evaluate_storylines", "pair_split", "coded_as_dated", "main"]


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    from ..errors import EvaluationError

    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise EvaluationError(f"{path}:{n}: not JSON ({exc.msg})") from None
    return out


def load_pairs(paths: list[str | Path]) -> list[dict[str, Any]]:
    """Pairs from JSONL files or folders of ``pairs-*.jsonl``."""
    out: list[dict[str, Any]] = []
    for p in map(Path, paths):
        files = sorted(p.glob("pairs-*.jsonl")) if p.is_dir() else [p]
        for f in files:
            out.extend(_read_jsonl(f))
    return out


def load_storylines(paths: list[str | Path]) -> list[dict[str, Any]]:
    """Storylines from JSON files or folders of them."""
    out = []
    for p in map(Path, paths):
        files = sorted(p.glob("*.json")) if p.is_dir() else [p]
        for f in files:
            out.append(json.loads(f.read_text(encoding="utf-8")))
    return out


def pair_split(pair: dict[str, Any]) -> str:
    return "blind" if is_blind(pair["pledge"]["text"] + " " + pair["report"]["text"]) else "tuned"


def _words(text: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if len(w) > 2}


def _pick(mentions: list[Any], action: str | None) -> Any | None:
    want = _words(action)
    scored = sorted(mentions, key=lambda p: -len(want & _words(p.action)))
    return scored[0] if scored and (not want or want & _words(scored[0].action)) else None


def _gold_mention(pl: dict[str, Any]) -> dict[str, Any]:
    from ..tracking.deadlines import normalise_deadline
    from ..tracking.quantities import best_quantity

    dl = normalise_deadline(pl.get("deadline") or "", pl.get("date")) if pl.get("deadline") else None
    q = best_quantity(pl.get("quantity") or "") if pl.get("quantity") else None
    return {"id": "gold", "article_id": "pledge", "sentence_index": 0, "sentence": pl["text"], "published": pl.get("date"),
            "actor": {"text": pl.get("actor"), "country": pl.get("actor_country"), "sector": "GOV" if pl.get("actor_country") else None},
            "target": {"text": pl.get("target"), "country": pl.get("target_country")} if pl.get("target") else None,
            "action": pl.get("action") or "", "kind": pl.get("kind") or "promise", "event_type": None,
            "quantity": q.to_dict() if q else None, "deadline": dl.to_dict() if dl else None}


def pair_reports(pairs: list[dict[str, Any]], coder: Any) -> list[tuple[Any, list[Any], bool]]:
    """For each pair: (pledge frame, the report's sentences as :class:`gaiko.tracking.decide.Report`, extracted?)."""
    from ..tracking.normalise import article_rows, frame, prepare, side_of
    from ..types import Article

    pledge_arts = [Article(text=p["pledge"]["text"], published=p["pledge"].get("date")) for p in pairs]
    report_arts = [Article(text=p["report"]["text"], published=p["report"].get("date")) for p in pairs]
    out = []
    from ..tracking.decide import Report

    # each text on its own date, as the ledger reads a storyline (:func:`coded_as_dated`): a pair dated after the
    # machine's clock was coded undated until round L45 (its deadline and event dates lost)
    pledged, reported = coded_as_dated(coder, pledge_arts), coded_as_dated(coder, report_arts)
    for pair, pc, rc in zip(pairs, pledged, reported):
        got = _pick(pc.pledges, pair["pledge"].get("action"))
        m = got.to_dict() if got is not None else _gold_mention(pair["pledge"])
        m.update(published=pair["pledge"].get("date"), article_id="pledge", sentence_index=m.get("sentence_index", 0))
        f = frame([prepare(m)])
        rows = article_rows(rc.article.id, [(s.index, s.start, s.text) for s in rc.sentences], [a.to_dict() for a in rc.actors])
        context = frozenset(k[1:] for k, i in zip(rows["s"], rows["i"]) if i == -1)
        reports = []
        for s in rc.sentences:
            acts = tuple((a.start - s.start, a.end - s.start, side) for a in rc.actors
                         if s.start <= a.start < s.end and (side := side_of(a.to_dict())))
            evs = tuple({"id": e.id, "event_type": e.event_type, "intended": e.intended, "negated": e.negated, "date": e.date}
                        for e in rc.events if e.sentence_index == s.index)
            reports.append(Report(text=s.text, published=pair["report"].get("date"), sides=frozenset(x[2] for x in acts),
                                  context=context, actors=acts, events=evs))
        out.append((f, reports, got is not None))
    return out


_RANK = {"reverses": 9, "withdraws": 8, "fulfils": 7, "partial": 6, "stalls": 5, "revises": 4, "progresses": 3,
         "restates": 2, "unclear": 1, "needs_review": 1, "unrelated": 0}


def decide_pair(f: Any, reports: list[Any], *, with_report: bool = False, model: Any = None,
                undecided_only: bool = False) -> Any:
    """The relation of a (possibly multi-sentence) report: its most decisive sentence, as the rules read it (and the
    relation model, when given: on every pair, or with ``undecided_only`` as the ledger uses it, on what the rules left
    as needs_review). Returns (relation, decision[, report])."""
    from ..tracking.decide import decide

    best, rep = None, None
    for r in reports:
        d = decide(f, r)
        if best is None or _RANK.get(d.relation, 0) > _RANK.get(best.relation, 0):
            best, rep = d, r
    if model is not None and best is not None and rep is not None and (not undecided_only or best.relation == "needs_review"):
        from ..tracking.lexicon import lexicon
        from ..tracking.model import features

        best = model.decide(features(f, rep, best, lexicon()), best)
    rel = best.relation if best else "unrelated"
    return (rel, best, rep) if with_report else (rel, best)


def evaluate_pairs(pairs: list[dict[str, Any]], coder: Any, *, split: str = "all", listing: int = 0,
                   model: str = "none") -> dict[str, Any]:
    """Relation accuracy on pairs (``split`` all, tuned or blind): by the rules alone (``model="none"``), with the
    relation model on what they leave undecided as in the ledger (``"undecided"``), or on every pair (``"all"``).
    ``listing`` lists up to that many misses (tuned only). The model is the ledger's: the shipped file, or the one
    ``GAIKO_RELATION_MODEL_FILE`` names (to score a retrained model without shipping it), at the ledger's threshold
    (:func:`gaiko.tracking.model.ledger_threshold`; until round L45 the file's stored one, the CV's 0.0)."""
    import os

    from ..errors import EvaluationError

    if split not in SPLITS:
        raise EvaluationError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    if listing and split == "blind":
        raise EvaluationError("the blind part is never listed; use --split tuned")
    items = [p for p in pairs if split == "all" or pair_split(p) == split]
    confusion: Counter[tuple[str, str]] = Counter()
    misses = []
    extracted = 0
    from ..tracking.model import relation_model

    path = os.environ.get("GAIKO_RELATION_MODEL_FILE")
    rm = (relation_model(path) if path else relation_model()) if model != "none" else None
    for pair, (f, reports, got) in zip(items, pair_reports(items, coder)):
        pred, d = decide_pair(f, reports, model=rm, undecided_only=model == "undecided")
        gold = pair["relation"]
        confusion[(gold, pred)] += 1
        extracted += got
        if pred != gold and listing and pair_split(pair) == "tuned" and len(misses) < listing:
            misses.append({"id": pair.get("id"), "gold": gold, "predicted": pred, "pledge": pair["pledge"]["text"],
                           "report": pair["report"]["text"], "cue": getattr(d, "cue", None), "note": getattr(d, "note", None)})
    n = sum(confusion.values())
    right = sum(v for (g, p), v in confusion.items() if g == p)
    linked = sum(v for (g, p), v in confusion.items() if (g == "unrelated") == (p in ("unrelated",)))
    per: dict[str, dict[str, float]] = {}
    for rel in sorted({g for g, _p in confusion} | {p for _g, p in confusion}):
        tp = confusion[(rel, rel)]
        gold_n = sum(v for (g, _p), v in confusion.items() if g == rel)
        pred_n = sum(v for (_g, p), v in confusion.items() if p == rel)
        per[rel] = {"gold": gold_n, "predicted": pred_n, "recall": round(tp / gold_n, 3) if gold_n else 0.0,
                    "precision": round(tp / pred_n, 3) if pred_n else 0.0}
    out = {"split": split, "model": model, "pairs": n, "accuracy": round(right / n, 3) if n else 0.0,
           "linked_accuracy": round(linked / n, 3) if n else 0.0, "pledge_extracted": round(extracted / n, 3) if n else 0.0,
           "per_relation": per}
    if listing:
        out["misses"] = misses
    return out


def coded_as_dated(coder: Any, arts: list[Any], as_of: str | None = None) -> list[Any]:
    """``arts`` coded, "in the future" judged as of the later of the machine's clock and ``as_of`` (a storyline's
    date), or without ``as_of`` the articles' latest date: a labelled text dated after the day gaiko runs is coded on
    its own date, as the ledger reads it in its time, not undated (:func:`gaiko.ingest_checks.implausible_date`)."""
    from .. import ingest_checks
    from ..errors import InputRejected

    days = []
    for d in [as_of] if as_of else [a.published for a in arts]:
        try:
            iso = ingest_checks.parse_date(d)
        except InputRejected:  # the coder says why, article by article
            iso = None
        if iso:
            days.append(dt.date.fromisoformat(iso))
    clock = ingest_checks.today
    if days:
        ingest_checks.today = lambda: max(clock(), *days)  # type: ignore[assignment]
    try:
        return list(coder.code_articles(arts))
    finally:
        ingest_checks.today = clock  # type: ignore[assignment]


def _storyline_store(st: dict[str, Any], coder: Any) -> tuple[Any, dict[str, str]]:
    import gaiko

    from ..tracking import update_ledger
    from ..types import Article

    arts = [Article(text=a["text"], title=a.get("title"), published=a["published"], source=a.get("source"))
            for a in st["articles"]]
    # a storyline is read as of its own date: an article dated after the machine's clock is not "in the future" for it
    # (until 2026-11-29 such an article was coded undated, and its reports were never read)
    coded = coded_as_dated(coder, arts, st.get("as_of"))
    store = gaiko.open(":memory:")
    store.write_coded(coded, None)
    update_ledger(store, st.get("as_of"))
    return store, {a["id"]: c.article.id for a, c in zip(st["articles"], coded)}


def _sentence_index(store: Any, article_id: str, needle: str) -> int | None:
    for idx, text in store.con.execute("SELECT idx, text FROM sentences WHERE article_id = ? ORDER BY idx", [article_id]).fetchall():
        if needle in text:
            return int(idx)
    return None


def match_entry(store: Any, ids: dict[str, str], entries: list[dict[str, Any]], gp: dict[str, Any]) -> dict[str, Any] | None:
    """The ledger entry a gold pledge ``gp`` of a storyline is matched to: an entry made, restated or revised in the
    gold sentence of its article, of the gold actor's country when one is, sharing most words with the gold action
    (None: the pledge was missed). ``ids`` maps the storyline's article keys to stored article ids."""
    art = ids.get(gp["article"])
    idx = _sentence_index(store, art, gp["sentence_contains"]) if art else None
    cands = [e for e in entries if any(m["article_id"] == art for m in e["mentions"])
             and any(ev["article_id"] == art and ev["sentence_index"] == idx and ev["role"] in ("made", "restated", "revised")
                     for ev in e["evidence"])]
    want = _words(gp.get("action"))
    return max(cands, key=lambda x: (_party(x["actor"], gp), len(want & _words(x["action"]))), default=None)


#: word lists: ``gaiko/data/pledges/party_stop.yaml`` (read once, on first use)
_WORDS = "pledges/party_stop.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``pledges/party_stop.yaml`` as a set: ``party_stop``."""
    return word_sets(_WORDS)[key]


def _party(actor: dict[str, Any], gp: dict[str, Any]) -> int:
    """How well an entry's actor (text, name, country, sector) is the gold pledge's party (``actor``, ``actor_country``):
    2 the same country code, or the gold name named by the actor; 1 nothing said either way (no gold country); 0 another
    party. Coordinated pledges ("A and B will each ...") give each party its own entry: the gold's second party is
    never matched to the first party's entry because the second is unplaced (round p38)."""
    from ..tracking.normalise import side_of

    gold_c = gp.get("actor_country")
    if not gold_c:
        return 1
    if actor.get("country") == gold_c or side_of(actor) == gold_c:
        return 2
    theirs = _words(" ".join(str(x or "") for x in (actor.get("text"), actor.get("name"), side_of(actor)))) - _w("party_stop")
    gold = _words(gp.get("actor")) - _w("party_stop")
    return 2 if gold and theirs and (gold <= theirs or theirs <= gold) else 0


def evaluate_storylines(storylines: list[dict[str, Any]], coder: Any, *, split: str = "all",
                        listing: bool = False) -> dict[str, Any]:
    """Pledge recall, final-status accuracy and evidence linking on storylines (``listing``: per pledge, tuned only)."""
    from ..errors import EvaluationError
    from ..tracking import ledger

    if split not in SPLITS:
        raise EvaluationError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    if listing and split == "blind":
        raise EvaluationError("the blind part is never listed; use --split tuned")
    chosen = [s for s in storylines if split == "all" or ("blind" if is_blind(s["id"]) else "tuned") == split]
    gold_n = found = right = 0
    ev_gold = ev_linked = neg_gold = neg_linked = 0
    by_status: Counter[tuple[str, str]] = Counter()
    rows = []
    for st in chosen:
        store, ids = _storyline_store(st, coder)
        entries = ledger(store, as_of=st.get("as_of"))
        for gp in st["pledges"]:
            gold_n += 1
            e = match_entry(store, ids, entries, gp)
            status = e["status"] if e else None
            by_status[(gp["final_status"], status or "missed")] += 1
            if e is not None:
                found += 1
                right += status == gp["final_status"]
                for ev in gp.get("evidence") or ():
                    a2 = ids.get(ev["article"])
                    i2 = _sentence_index(store, a2, ev["sentence_contains"]) if a2 else None
                    hit = any(x["article_id"] == a2 and x["sentence_index"] == i2 and x["role"] != "needs_review"
                              for x in e["evidence"])
                    if ev.get("relation") == "unrelated":
                        neg_gold += 1
                        neg_linked += hit
                    else:
                        ev_gold += 1
                        ev_linked += hit
            if listing and not is_blind(st["id"]):
                rows.append({"storyline": st["id"], "pledge": gp.get("action"), "gold": gp["final_status"], "got": status,
                             "action": e["action"] if e else None, "reason": e.get("status_reason") if e else None})
        store.close()
    out = {"split": split, "storylines": len(chosen), "pledges": gold_n,
           "recall": round(found / gold_n, 3) if gold_n else 0.0,
           "status_accuracy": round(right / found, 3) if found else 0.0,
           "status_right_of_all": round(right / gold_n, 3) if gold_n else 0.0,
           "evidence_linked": round(ev_linked / ev_gold, 3) if ev_gold else None,
           "lookalikes_linked": round(neg_linked / neg_gold, 3) if neg_gold else None,
           "by_status": {f"{g}->{p}": n for (g, p), n in sorted(by_status.items())}}
    if listing:
        out["pledge_list"] = rows
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m gaiko.evaluate.pledges {pairs|storylines} PATH... [--split S] [--list N]``: prints JSON.
    ``python -m gaiko.evaluate.pledges extraction FILE [--split S] [--json] [--errors N]``: extraction figures
    (:mod:`gaiko.evaluate.extraction`), a summary (or JSON) and up to N tuned misses and false pledges."""
    import argparse

    from ..coder import Coder

    ap = argparse.ArgumentParser(prog="python -m gaiko.evaluate.pledges")
    ap.add_argument("what", choices=("pairs", "storylines", "extraction"))
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--split", default="all", choices=SPLITS)
    ap.add_argument("--list", type=int, default=0, help="list misses (tuned part only)")
    ap.add_argument("--model", default="none", choices=("none", "undecided", "all"),
                    help="pairs: the rules alone, with the relation model on what they leave undecided (as the ledger), "
                         "or on every pair")
    ap.add_argument("--json", action="store_true", help="extraction: print the report as JSON")
    ap.add_argument("--errors", type=int, default=0, help="extraction: list tuned misses and false pledges")
    a = ap.parse_args(argv)
    if a.what == "extraction":
        from .extraction import main_extraction

        if len(a.paths) != 1:
            ap.error("extraction takes one FILE")
        return main_extraction(a.paths[0], a.split, a.json, a.errors)
    coder = Coder()
    if a.what == "pairs":
        rep = evaluate_pairs(load_pairs(a.paths), coder, split=a.split, listing=a.list, model=a.model)
    else:
        rep = evaluate_storylines(load_storylines(a.paths), coder, split=a.split, listing=bool(a.list))
    print(json.dumps(rep, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
