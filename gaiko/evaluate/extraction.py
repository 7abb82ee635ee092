"""Measuring pledge EXTRACTION sentence by sentence (issue 14, round p42).

Format (``corpora/pledges/extraction-*.jsonl``, described in corpora/pledges/extraction-README.md): one object a line,
``{"id", "published", "text", "pledges": [{actor, actor_country, kind, action, target, target_country, deadline}]}``,
where actor, action, target and deadline are exact substrings of ``text``. A record with no pledges is a look-alike
(a deed already done, a prediction, a hypothetical, a refusal ...): anything gaiko extracts there is false.

:func:`evaluate_extraction` codes every record as one article dated ``published`` and matches gold pledges to
extracted ones one to one, as the storyline evaluator matches a gold pledge to a ledger entry
(:func:`gaiko.evaluate.pledges.match_entry`): the extracted pledge must be in the gold pledge's sentence (the sentence
holding its action) and share a word with its action; among those, the actor of the gold party first (same country
code, or the gold name named; :func:`gaiko.evaluate.pledges._party`), then the most shared action words.

The blind split is the fixed hash of :mod:`gaiko.evaluate.split` on the record **id**; blind records are scored but
never listed.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from .pledges import _party, _read_jsonl, _words
from .split import SPLITS, is_blind

__all__ = ["load_extraction", "record_split", "evaluate_extraction", "match_record", "country_right"]


def load_extraction(path: str | Path) -> list[dict[str, Any]]:
    """The records of an extraction set (JSONL). Raises :class:`~gaiko.errors.EvaluationError` on a bad line."""
    return _read_jsonl(Path(path))


def record_split(rec: dict[str, Any]) -> str:
    """``"blind"`` or ``"tuned"``, by the hash of the record id."""
    return "blind" if is_blind(rec["id"]) else "tuned"


def _sentence_of(sentences: list[tuple[int, int, int]], text: str, gp: dict[str, Any]) -> int | None:
    """The index of the sentence holding the gold pledge's action (its actor when the action is not found)."""
    at = text.find(gp.get("action") or "\x00")
    if at < 0:
        at = text.find(gp.get("actor") or "\x00")
    if at < 0:
        return None
    return next((i for i, s, e in sentences if s <= at < e), None)


def match_record(gold: list[dict[str, Any]], extracted: list[dict[str, Any]], sentences: list[tuple[int, int, int]],
                 text: str) -> list[int | None]:
    """For each gold pledge, the index in ``extracted`` (pledge dicts: sentence_index, actor, action, kind) of the
    extracted pledge matched to it, or None (missed). One to one; best pairs first (party, then shared words)."""
    pairs = []
    for gi, gp in enumerate(gold):
        idx = _sentence_of(sentences, text, gp)
        want = _words(gp.get("action"))
        for xi, x in enumerate(extracted):
            if idx is None or x.get("sentence_index") != idx:
                continue
            shared = len(want & _words(x.get("action")))
            if want and not shared:
                continue
            pairs.append((-_party(x.get("actor") or {}, gp), -shared, gi, xi))
    out: list[int | None] = [None] * len(gold)
    used: set[int] = set()
    for _p, _s, gi, xi in sorted(pairs):
        if out[gi] is None and xi not in used:
            out[gi] = xi
            used.add(xi)
    return out


def country_right(actor: dict[str, Any] | None, gold_country: str) -> bool:
    """Whether an extracted actor is placed in the gold ``actor_country``: the same code (a firm or party of the
    country counts), or for an organisation code (EU, UN, NATO ...) an actor placed as an organisation whose name or
    initials give the code."""
    from ..tracking.normalise import side_of

    if not actor:
        return False
    side = side_of(actor) or ""
    if actor.get("country") == gold_country or side.split("/")[0] == gold_country:
        return True
    if side.startswith("IGO:"):
        org = side[4:]
        initials = "".join(w[0] for w in org.split() if w not in ("of", "the", "for", "and"))
        names = f"{org} {actor.get('name') or ''} {actor.get('text') or ''}".lower()
        return gold_country.lower() in (initials, *names.replace(".", "").split())
    return False


def _brief(x: dict[str, Any]) -> dict[str, Any]:
    a = x.get("actor") or {}
    return {"actor": a.get("text"), "country": a.get("country"), "kind": x.get("kind"), "cue": x.get("cue"),
            "action": x.get("action"), "sentence_index": x.get("sentence_index")}


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def evaluate_extraction(records: list[dict[str, Any]], coder: Any, *, split: str = "all",
                        errors: int = 0) -> dict[str, Any]:
    """Recall, precision, kind and actor-country accuracy of pledge extraction on ``records`` of ``split`` (all,
    tuned, blind). ``errors`` lists up to that many tuned misses and up to that many false pledges (refused for the
    blind split; blind records are never listed in any split). Raises :class:`~gaiko.errors.EvaluationError` for an
    unknown split or a listing of the blind one.

    Returns a dict: records, pledge_records, lookalike_records, gold_pledges, found, recall, extracted, matched,
    precision (matched / extracted), false_in_pledge_records, lookalike_pledges (extracted in look-alike records),
    lookalike_records_with_pledge, lookalike_rate, precision_pledge_records (matched / extracted in pledge records),
    kind_accuracy, actor_country_accuracy, recall_by_kind, kind_confusion ("gold->got") and, with ``errors``,
    ``misses`` and ``false_pledges``."""
    from ..errors import EvaluationError
    from ..types import Article

    if split not in SPLITS:
        raise EvaluationError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    if errors and split == "blind":
        raise EvaluationError("the blind part is never listed; use --split tuned")
    chosen = [r for r in records if split == "all" or record_split(r) == split]
    arts = [Article(text=r["text"], published=r.get("published")) for r in chosen]
    gold_n = found = extracted = matched = false_in = look_p = look_recs = look_hit = 0
    kind_right = country_n = country_ok = 0
    by_kind: Counter[str] = Counter()
    by_kind_found: Counter[str] = Counter()
    confusion: Counter[str] = Counter()
    misses: list[dict[str, Any]] = []
    falses: list[dict[str, Any]] = []
    for rec, ca in zip(chosen, coder.code_articles(arts)):
        xs = [p.to_dict() for p in ca.pledges]
        sents = [(s.index, s.start, s.end) for s in ca.sentences]
        gold = rec.get("pledges") or []
        extracted += len(xs)
        listable = errors and record_split(rec) == "tuned"
        if not gold:
            look_recs += 1
            look_p += len(xs)
            look_hit += bool(xs)
            if listable and xs and len(falses) < errors:
                falses.append({"id": rec["id"], "text": rec["text"], "lookalike": True, "got": [_brief(x) for x in xs]})
            continue
        got = match_record(gold, xs, sents, rec["text"])
        for gp, xi in zip(gold, got):
            gold_n += 1
            by_kind[gp["kind"]] += 1
            if xi is None:
                if listable and len(misses) < errors:
                    misses.append({"id": rec["id"], "text": rec["text"], "gold": gp, "got": [_brief(x) for x in xs]})
                continue
            found += 1
            by_kind_found[gp["kind"]] += 1
            x = xs[xi]
            kind_right += x.get("kind") == gp["kind"]
            confusion[f"{gp['kind']}->{x.get('kind')}"] += 1
            if gp.get("actor_country"):
                country_n += 1
                country_ok += country_right(x.get("actor"), gp["actor_country"])
        used = {xi for xi in got if xi is not None}
        matched += len(used)
        extra = [x for i, x in enumerate(xs) if i not in used]
        false_in += len(extra)
        if listable and extra and len(falses) < errors:
            falses.append({"id": rec["id"], "text": rec["text"], "lookalike": False, "got": [_brief(x) for x in extra],
                           "gold": gold})
    out: dict[str, Any] = {
        "split": split, "records": len(chosen), "pledge_records": len(chosen) - look_recs, "lookalike_records": look_recs,
        "gold_pledges": gold_n, "found": found, "recall": _ratio(found, gold_n),
        "extracted": extracted, "matched": matched, "precision": _ratio(matched, extracted),
        "false_in_pledge_records": false_in, "precision_pledge_records": _ratio(matched, matched + false_in),
        "lookalike_pledges": look_p, "lookalike_records_with_pledge": look_hit, "lookalike_rate": _ratio(look_hit, look_recs),
        "kind_accuracy": _ratio(kind_right, found), "actor_country_accuracy": _ratio(country_ok, country_n),
        "recall_by_kind": {k: _ratio(by_kind_found[k], n) for k, n in sorted(by_kind.items())},
        "kind_confusion": dict(sorted(confusion.items())),
    }
    if errors:
        out["misses"] = misses
        out["false_pledges"] = falses
    return out


def summary_line(rep: dict[str, Any]) -> str:
    """One line of the figures of a report of :func:`evaluate_extraction`."""
    return (f"{rep['split']}: recall {rep['recall']:.3f} ({rep['found']}/{rep['gold_pledges']}) precision "
            f"{rep['precision']:.3f} ({rep['matched']}/{rep['extracted']}; false {rep['false_in_pledge_records']} in "
            f"pledge records, {rep['lookalike_pledges']} in look-alikes, {rep['lookalike_records_with_pledge']}/"
            f"{rep['lookalike_records']} look-alike records with a pledge) kind {rep['kind_accuracy']:.3f} "
            f"country {rep['actor_country_accuracy']:.3f}")


def main_extraction(path: str, split: str, as_json: bool, errors: int) -> int:
    """The ``extraction`` command of ``python -m gaiko.evaluate.pledges``: prints a summary line (or JSON)."""
    from ..coder import Coder

    rep = evaluate_extraction(load_extraction(path), Coder(), split=split, errors=errors)
    if as_json:
        print(json.dumps(rep, indent=1, ensure_ascii=False))
        return 0
    print(summary_line(rep))
    print("recall by kind:", " ".join(f"{k} {v:.3f}" for k, v in rep["recall_by_kind"].items()))
    for m in rep.get("misses", []):
        g = m["gold"]
        print(f"MISS {m['id']} [{g['kind']}] {g['actor']} | {g['action']}\n   {m['text']}\n   got: "
              + "; ".join(f"{x['actor']} [{x['kind']}] {x['action']}" for x in m["got"]))
    for f in rep.get("false_pledges", []):
        print(f"FALSE {f['id']} ({'look-alike' if f['lookalike'] else 'pledge record'})\n   {f['text']}\n   got: "
              + "; ".join(f"{x['actor']} [{x['kind']}] {x['cue']} | {x['action']}" for x in f["got"]))
    return 0
