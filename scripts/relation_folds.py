"""The relation model retrained on the storylines' retrieved candidates, fitted by 4 folds of the studied sets (Round L41).

Usage::

    python scripts/relation_folds.py rows --cache DIR [SET...]    # code each set once, save its rows and codings
    python scripts/relation_folds.py fit --cache DIR              # one model per fold (trained without its sets)
    python scripts/relation_folds.py score --cache DIR --fold K   # the fold's sets, status right per threshold

Folds: ``pledge_sets.STUDIED`` in order, fold = index mod 4. Each fold's model is trained on the tuned pairs (with
their negatives, as ``python -m gaiko.learn.relations``) plus the candidate rows (:mod:`gaiko.learn.candidates`) of
the other folds' sets; the fold's sets are then scored (status right, as ``scripts/pledge_sets.py`` counts it) with
that model at each threshold of the grid {0.5, 0.6, 0.7, 0.8} (``GAIKO_RELATION_MODEL_FILE``,
``GAIKO_RELATION_MODEL_THRESHOLD``). ``score --fold main`` scores every set with the shipped model and threshold.
Studied sets only (it refuses ``pledge_sets.UNSEEN``); the storylines set is read on its tuned split.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
from pathlib import Path
from typing import Any

GRID = (0.5, 0.6, 0.7, 0.8)


def _storylines(name: str) -> list[dict[str, Any]]:
    from gaiko.evaluate.pledges import load_storylines
    from gaiko.evaluate.split import is_blind

    sts = load_storylines([f"corpora/pledges/{name}"])
    return [s for s in sts if not (name == "storylines" and is_blind(s["id"]))]


def _coded(st: dict[str, Any], coder: Any, cache: Path) -> list[Any]:
    """The storyline's coded articles, as :func:`gaiko.evaluate.pledges._storyline_store` codes them (cached)."""
    import datetime as dt

    from gaiko import ingest_checks
    from gaiko.types import Article

    p = cache / "coded" / f"{st['id']}.pkl"
    if p.exists():
        return pickle.loads(p.read_bytes())
    arts = [Article(text=a["text"], title=a.get("title"), published=a["published"], source=a.get("source"))
            for a in st["articles"]]
    clock = ingest_checks.today
    if st.get("as_of"):
        ingest_checks.today = lambda: max(clock(), dt.date.fromisoformat(str(st["as_of"])[:10]))  # type: ignore
    try:
        coded = list(coder.code_articles(arts))
    finally:
        ingest_checks.today = clock  # type: ignore
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(pickle.dumps(coded))
    return coded


def _store(st: dict[str, Any], coded: list[Any]) -> tuple[Any, dict[str, str]]:
    import gaiko
    from gaiko.tracking import update_ledger

    store = gaiko.open(":memory:")
    store.write_coded(coded, None)
    update_ledger(store, st.get("as_of"))
    return store, {a["id"]: c.article.id for a, c in zip(st["articles"], coded)}


def _right(st: dict[str, Any], store: Any, ids: dict[str, str]) -> int:
    from gaiko.evaluate.pledges import match_entry
    from gaiko.tracking import ledger

    entries = ledger(store, as_of=st.get("as_of"))
    n = 0
    for gp in st["pledges"]:
        e = match_entry(store, ids, entries, gp)
        n += bool(e is not None and e["status"] == gp["final_status"])
    return n


def rows(sets: list[str], cache: Path) -> None:
    from gaiko.coder import Coder
    from gaiko.learn.candidates import rows_of_store

    coder = Coder()
    for name in sets:
        out: list[dict[str, Any]] = []
        right = 0
        for st in _storylines(name):
            store, ids = _store(st, _coded(st, coder, cache))
            right += _right(st, store, ids)
            out.extend(rows_of_store(st, store, ids))
            store.close()
        (cache / f"rows-{name}.pkl").write_bytes(pickle.dumps(out))
        labels: dict[str, int] = {}
        for r in out:
            labels[r["y"]] = labels.get(r["y"], 0) + 1
        print(f"{name:12} right {right:3d} rows {len(out):5d} {json.dumps(labels, sort_keys=True)}", flush=True)


def fit(cache: Path, folds: list[str]) -> None:
    import numpy as np

    from pledge_sets import STUDIED
    from gaiko.coder import Coder
    from gaiko.evaluate.pledges import load_pairs, pair_split
    from gaiko.learn.relations import dataset, negatives, train

    pp = cache / "pairs.pkl"
    if pp.exists():
        xs, ys, rules = pickle.loads(pp.read_bytes())
    else:
        pairs = [p for p in load_pairs(["corpora/pledges"]) if pair_split(p) == "tuned"]
        xs, ys, rules = dataset(pairs + negatives(pairs, 2), Coder())
        pp.write_bytes(pickle.dumps((xs, ys, rules)))
    for k in folds:
        held = set() if k == "all" else {s for i, s in enumerate(STUDIED) if i % 4 == int(k)}
        sx, sy, sr = list(xs), list(ys), list(rules)
        for name in STUDIED:
            if name in held:
                continue
            for r in pickle.loads((cache / f"rows-{name}.pkl").read_bytes()):
                sx.append(r["x"])
                sy.append(r["y"])
                sr.append(r["rule"])
        out = train(sx, sy, sr)
        np.savez_compressed(cache / f"fold-{k}.npz", names=np.array(out["names"]), classes=np.array(out["classes"]),
                            coef=out["coef"], intercept=out["intercept"], threshold=np.array(out["threshold"]))
        print(k, json.dumps({x: out[x] for x in ("n", "C", "threshold", "cv_accuracy", "rules_accuracy")}), flush=True)


def score(cache: Path, fold: str, sets: list[str], grid_given: list[float] | None = None) -> None:
    from pledge_sets import STUDIED
    from gaiko.tracking import update_ledger

    names = sets or ([s for i, s in enumerate(STUDIED) if i % 4 == int(fold)] if fold != "main" else STUDIED)
    grid: tuple[float | None, ...] = (None,) if fold == "main" else tuple(grid_given or GRID)
    if fold != "main":
        os.environ["GAIKO_RELATION_MODEL_FILE"] = str(cache / f"fold-{fold}.npz")
    res: dict[str, dict[str, int]] = {}
    for name in names:
        res[name] = {}
        for st in _storylines(name):
            store, ids = None, None
            for th in grid:
                if th is not None:
                    os.environ["GAIKO_RELATION_MODEL_THRESHOLD"] = str(th)
                if store is None:
                    store, ids = _store(st, _coded(st, None, cache))
                else:
                    update_ledger(store, st.get("as_of"), full=True)
                key = "main" if th is None else str(th)
                res[name][key] = res[name].get(key, 0) + _right(st, store, ids)
            store.close()
        print(name, json.dumps(res[name]), flush=True)
    tag = "" if not (sets or grid_given) else "-" + "-".join(sets + [str(g) for g in grid_given or ()])
    (cache / f"score-{fold}{tag}.json").write_text(json.dumps(res, indent=1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="scripts/relation_folds.py")
    ap.add_argument("what", choices=("rows", "fit", "score"))
    ap.add_argument("sets", nargs="*")
    ap.add_argument("--cache", required=True)
    ap.add_argument("--grid", type=float, nargs="+", help="score: these thresholds (default 0.5 0.6 0.7 0.8)")
    ap.add_argument("--fold", default="0", help="score: 0..3 or main; fit: a comma list of 0..3 and all")
    a = ap.parse_args(argv)
    from pledge_sets import STUDIED, UNSEEN

    if UNSEEN & set(a.sets):
        raise SystemExit("unseen sets are not read here")
    cache = Path(a.cache)
    cache.mkdir(parents=True, exist_ok=True)
    if a.what == "rows":
        rows(a.sets or STUDIED, cache)
    elif a.what == "fit":
        fit(cache, a.fold.split(","))
    else:
        score(cache, a.fold, a.sets, a.grid)
    return 0


if __name__ == "__main__":
    sys.exit(main())
