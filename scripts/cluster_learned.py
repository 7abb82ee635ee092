"""Fit and measure the learned pair score of the clusters (gaiko/clusters/learned.py), leave-one-file-out.

Not run by the tests; written for round c43 (docs/rounds/clusters.md, "Round c43"). Reads the mention rows cached by
``scripts/cluster_lofo.py code NN ... --cache DIR`` (the rows the clustering reads, with their sentences).

``lofo NN ...``  for each file held out in turn: fit the two models (``veto``, ``join``) on the other files' pairs,
                 choose the thresholds on those files (each scored with models fitted without it and without the
                 held-out file: nested, so the choice never sees the held-out labels), apply them to the held-out
                 file; print per-file and summed pairs (true, false, missed) against the shipped rules.
``fit NN ...``   fit on all the files given and write the weights (``--model``) and the thresholds chosen there.

Pairs: every two coded mentions of one status and type in one file; labelled when both are matched to gold mentions
(as :mod:`gaiko.clusters.evaluate` matches them). ``veto`` is fitted on the pairs the shipped rules put together,
``join`` on the pairs they leave apart of which one is undated or leaves a side open, within ``--join-days``.
Run from the repository root with the project's python; ``nice -n 15`` on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cluster_lofo  # noqa: E402

from gaiko.clusters.core import cluster_id_of, cluster_mentions  # noqa: E402
from gaiko.clusters.evaluate import pair_scores  # noqa: E402
from gaiko.clusters.learned import MODELS, PairModel, join_last_states, learned_states  # noqa: E402
from gaiko.clusters.pairfeatures import FEATURES, evidence, pair_features  # noqa: E402
from gaiko.clusters.rules import WILD, load_rules  # noqa: E402
from gaiko.clusters.units import units_of  # noqa: E402

VETOS = [None, 0.05, 0.1, 0.2, 0.3]
JOINS = [None, 0.5, 0.6, 0.7, 0.8, 0.9]
#: round c46's bounds of the learned steps (``--reps``, ``--join-sides``): every pair, as round c43, unless given
BOUNDS: dict[str, Any] = {"reps": None, "join_sides": False, "join_mode": "so_far"}


class FileData:
    """One file's rows, pairs, features, labels and the shipped rules' counts."""

    def __init__(self, d: dict[str, Any], rules: Any, function_words: frozenset[str], join_days: int):
        self.rows = d["rows"]
        self.match = d["match"]
        rows = self.rows
        units = self.units = units_of(rows, rules)
        ev = [evidence(r, rules, function_words) for r in rows]
        cl = cluster_mentions(rows, rules)
        gold: dict[str, str | None] = {}
        for e, g in d["match"].values():
            gold[e] = g if gold.get(e, g) == g else None
        idx = [(i, j) for i in range(len(rows)) for j in range(i + 1, len(rows))
               if (units[i].status, units[i].event_type) == (units[j].status, units[j].event_type)]
        self.pair_index = {p: n for n, p in enumerate(idx)}
        self.X = np.array([pair_features(rows[i], rows[j], units[i], units[j], ev[i], ev[j], rules) for i, j in idx],
                          dtype=float).reshape(len(idx), len(FEATURES))
        ids = [str(r["id"]) for r in rows]
        self.rules_same = np.array([cl[ids[i]] == cl[ids[j]] for i, j in idx], dtype=bool)

        def loose(u: Any) -> bool:
            return u.prec == "published" or WILD in (u.src, u.tgt)

        def near(a: Any, b: Any) -> bool:
            return a.lo is not None and b.lo is not None and max(a.lo - b.hi, b.lo - a.hi, 0) <= join_days

        self.join_ok = np.array([not s and (loose(units[i]) or loose(units[j])) and near(units[i], units[j])
                                 for (i, j), s in zip(idx, self.rules_same)], dtype=bool)
        lab = [(gold.get(ids[i]), gold.get(ids[j])) for i, j in idx]
        self.labelled = np.array([a is not None and b is not None for a, b in lab], dtype=bool)
        self.y = np.array([a is not None and a == b for a, b in lab], dtype=bool)
        self.shipped = self.counts(cl)

    def counts(self, cl: dict[str, str]) -> tuple[int, int, int]:
        s = pair_scores({k: g for k, (_e, g) in self.match.items()}, {k: cl[e] for k, (e, _g) in self.match.items()})
        return s["true_pairs"], s["false_merges"], s["missed_pairs"]

    def run(self, probs: dict[str, np.ndarray], veto: float | None, join: float | None, rules: Any,
            join_days: int) -> tuple[int, int, int]:
        """Pairs (true, false, missed) of the learned clustering with these thresholds, and the bounds of round c46
        in ``BOUNDS`` (``reps``, ``join_sides``)."""
        pi = self.pair_index

        def score(kind: str, i: int, j: int) -> float:
            n = pi.get((i, j) if i < j else (j, i))
            return float(probs[kind][n]) if n is not None else 0.0

        states = join_last_states if BOUNDS["join_mode"] == "last" else learned_states
        units, of_event = states(self.rows, self.units, rules, score, veto, join, join_days, BOUNDS["reps"],
                                 BOUNDS["join_sides"])  # cluster_learned with the file's units made once
        return self.counts({ev: cluster_id_of(units[k].root) for ev, k in of_event.items()})


def fit(files: list[FileData], C: float) -> PairModel:
    from sklearn.linear_model import LogisticRegression

    X = np.vstack([f.X for f in files])
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    coef, icpt = {}, {}
    for m in MODELS:
        sel = np.concatenate([(f.rules_same if m == "veto" else f.join_ok) & f.labelled for f in files])
        y = np.concatenate([f.y for f in files])[sel]
        Xs = (X[sel] - mean) / scale
        if len(set(y.tolist())) < 2:
            coef[m], icpt[m] = np.zeros(len(FEATURES)), 0.0
            continue
        lr = LogisticRegression(C=C, max_iter=2000)
        lr.fit(Xs, y)
        coef[m], icpt[m] = lr.coef_[0].astype(float), float(lr.intercept_[0])
    return PairModel(mean, scale, coef, icpt)


def probs_of(model: PairModel, f: FileData) -> dict[str, np.ndarray]:
    return {m: model.probability(m, f.X) if len(f.X) else np.zeros(0) for m in MODELS}


def prf(t: Any) -> tuple[float, float, float]:
    return cluster_lofo.prf(tuple(t))


def choose(train: list[str], data: dict[str, FileData], model_without: Any, rules: Any, join_days: int,
           grid: list[tuple[Any, Any]], keep_precision: bool = False) -> tuple[Any, Any]:
    """The thresholds of ``grid`` with the best pooled F1 on ``train``, each file scored with ``model_without(nn)``
    (a model fitted without it); ties go to the first in ``grid`` (rules alone first). ``keep_precision``: only among
    those whose pooled precision on ``train`` is not below the rules' alone there."""
    tot = {g: [0, 0, 0] for g in grid}
    for nn in train:
        pr = probs_of(model_without(nn), data[nn])
        for g in grid:
            c = data[nn].run(pr, g[0], g[1], rules, join_days)
            for i in range(3):
                tot[g][i] += c[i]
    floor = prf([sum(data[nn].shipped[i] for nn in train) for i in range(3)])[0]
    ok = [g for g in grid if not keep_precision or prf(tot[g])[0] >= floor] or [(None, None)]
    return max(ok, key=lambda g: (prf(tot[g])[2], -grid.index(g)))


_STATE: dict[str, Any] = {}


def _fold(nn: str) -> tuple[Any, tuple[int, int, int], int]:
    """Thresholds chosen without file ``nn``, its pairs with them, and the seconds taken; with ``--join-mode both``,
    a dict of those by join mode (``so_far``, ``last``), from the same fitted models."""
    t = time.time()
    data, rules, args, grid, files = (_STATE[k] for k in ("data", "rules", "args", "grid", "files"))
    train = [f for f in files if f != nn]
    model = fit([data[f] for f in train], args.C)
    inner = {g: fit([data[f] for f in train if f != g], args.C) for g in train} if args.nested else None
    out = {}
    for mode in (("so_far", "last") if args.join_mode == "both" else (args.join_mode,)):
        BOUNDS["join_mode"] = mode
        if inner is not None:
            g = choose(train, data, lambda x: inner[x], rules, args.join_days, grid, args.keep_precision)
        else:
            g = choose(train, data, lambda x: model, rules, args.join_days, grid, args.keep_precision)
        got = data[nn].run(probs_of(model, data[nn]), g[0], g[1], rules, args.join_days)
        print(nn, mode, "done", g, got, flush=True)
        out[mode] = (g, got)
    if args.join_mode != "both":
        return (*out[args.join_mode], round(time.time() - t))
    return out, None, round(time.time() - t)  # type: ignore[return-value]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("step", choices=["lofo", "fit"])
    ap.add_argument("files", nargs="*", default=[f"{i:02d}" for i in range(1, 20)])
    ap.add_argument("--cache", default="/tmp/c43")
    ap.add_argument("--join-days", type=int, default=31)
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--only", choices=["veto", "join", "both"], default="both")
    ap.add_argument("--nested", action="store_true", help="thresholds from models fitted without each training file")
    ap.add_argument("--model", default="gaiko/data/clusters_pairs.npz")
    ap.add_argument("--out")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep-precision", action="store_true",
                    help="choose only thresholds whose pooled training precision is not below the rules' alone")
    ap.add_argument("--vetos", type=lambda x: [None if v == "off" else float(v) for v in x.split(",")], default=VETOS)
    ap.add_argument("--joins", type=lambda x: [None if v == "off" else float(v) for v in x.split(",")], default=JOINS)
    ap.add_argument("--reps", type=int, help="compare with a cluster's first REPS units only (round c46)")
    ap.add_argument("--join-sides", action="store_true", help="the join scores only units whose sides agree (c46)")
    ap.add_argument("--join-mode", choices=["so_far", "last", "both"], default="so_far",
                    help="last: the join as a last layer over the rules' (and veto's) clusters (round c54); both: "
                         "each fold scores both modes with the same fitted models")
    args = ap.parse_args(argv)
    BOUNDS.update(reps=args.reps, join_sides=args.join_sides,
                  join_mode=args.join_mode if args.join_mode != "both" else "so_far")
    rules = load_rules()
    lr = rules.learned
    fw = lr.function_words if lr is not None else frozenset()
    t = time.time()
    raw = cluster_lofo.load(argparse.Namespace(cache=args.cache), args.files)
    data = {nn: FileData(d, rules, fw, args.join_days) for nn, d in raw.items()}
    print("features", round(time.time() - t), "s;", {nn: len(f.X) for nn, f in data.items()}, flush=True)
    vetos = args.vetos if args.only != "join" else [None]
    joins = args.joins if args.only != "veto" else [None]
    grid = [(v, j) for v in vetos for j in joins]
    files = list(args.files)
    if args.step == "fit":
        model = fit([data[f] for f in files], args.C)
        folds = {nn: fit([data[f] for f in files if f != nn], args.C) for nn in files}
        g = choose(files, data, lambda nn: folds[nn], rules, args.join_days, grid, args.keep_precision)
        model.save(args.model)
        print("thresholds chosen on all files (veto, join):", g)
        for m in MODELS:
            print(m, "intercept", round(model.intercept[m], 3))
            for name, w in sorted(zip(FEATURES, model.coef[m]), key=lambda x: -abs(x[1])):
                print(f"  {name:20s} {w:+.3f}")
        return
    result: dict[str, Any] = {}
    tot_s, tot_l = [0, 0, 0], [0, 0, 0]
    _STATE.update(data=data, rules=rules, args=args, grid=grid, files=files)
    if args.jobs > 1:
        import multiprocessing as mp

        with mp.get_context("fork").Pool(args.jobs) as pool:
            folds = pool.map(_fold, files, chunksize=1)
    else:
        folds = [_fold(nn) for nn in files]
    if args.join_mode == "both":
        both: dict[str, Any] = {}
        for mode in ("so_far", "last"):
            tot = [0, 0, 0]
            for nn, (per, _n, _secs) in zip(files, folds):
                g, got = per[mode]
                tot = [a + b for a, b in zip(tot, got)]
                both.setdefault(nn, {"shipped": data[nn].shipped})[mode] = {"thresholds": g, "learned": got}
                print(nn, mode, "shipped", data[nn].shipped, prf(data[nn].shipped), "| learned", got, prf(got),
                      "| veto, join", g, flush=True)
            both.setdefault("pooled", {})[mode] = tot
            print("pooled", mode, tuple(tot), prf(tot))
        ship = [sum(data[nn].shipped[i] for nn in files) for i in range(3)]
        both["pooled"]["shipped"] = ship
        print("pooled shipped", tuple(ship), prf(ship))
        if args.out:
            Path(args.out).write_text(json.dumps(both, indent=1))
        return
    for nn, (g, got, secs) in zip(files, folds):
        ship = data[nn].shipped
        for i in range(3):
            tot_s[i] += ship[i]
            tot_l[i] += got[i]
        result[nn] = {"thresholds": g, "shipped": ship, "learned": got}
        print(nn, "shipped", ship, prf(ship), "| learned", got, prf(got), "| veto, join", g, f"({secs} s)", flush=True)
    print("pooled shipped", tuple(tot_s), prf(tot_s))
    print("pooled learned", tuple(tot_l), prf(tot_l))
    result["pooled"] = {"shipped": tot_s, "learned": tot_l}
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    sys.exit(main())
