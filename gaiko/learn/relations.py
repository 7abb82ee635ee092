"""Train the pledge tracker's relation model (a development step; needs ``gaiko[train]``: scikit-learn).

Reads the labelled pledge/report pairs (``corpora/pledges/pairs-*.jsonl``), keeps the **tuned** part only (the
blind part, :mod:`gaiko.evaluate.split`, is never read here), codes both texts of each pair with the coder,
lets the rules decide (:func:`gaiko.evaluate.pledges.decide_pair`) and fits a multinomial logistic regression on
:func:`gaiko.tracking.model.features`. As the ledger meets many sentences about other pledges, each pair also
lends its pledge to reports of other pledges of its domain, labelled ``unrelated`` (:func:`negatives`). The
regularisation is chosen by 5-fold cross-validation on the tuned pairs (with the probability threshold below which the
rules keep the decision, over a grid from 0.0). Writes ``gaiko/data/pledges/relation_model.npz`` with the ledger's
threshold (:func:`gaiko.tracking.model.ledger_threshold`, the status policy's: the one source of it; the file's copy is
never read to decide) and prints the cross-validated accuracy of the rules alone and of rules + model, at the CV's
threshold and at each threshold 0.50 .. 0.80 (``cv_by_threshold``, with the chosen regularisation).

``--storylines DIR...`` adds the storylines' retrieved candidates (:mod:`gaiko.learn.candidates`, round L41): each
gold pledge's retrieved sentences, labelled with the gold relation where the sentence is one of its deciding
sentences and ``unrelated`` otherwise (look-alikes included). A folder named ``storylines`` is read on its tuned
split only; other folders (the studied ``fresh*`` sets) whole, as ``scripts/pledge_sets.py`` scores them. Never give
it the unseen sets.

Run ``python -m gaiko.learn.relations [PAIRS_DIR] [--storylines DIR...] [--out FILE]``. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..errors import ConfigError

__all__ = ["dataset", "storyline_dataset", "train", "main"]


def negatives(pairs: list[dict[str, Any]], k: int = 1, seed: int = 13) -> list[dict[str, Any]]:
    """Reports that are not about a pledge, as the ledger meets them: for each pair, ``k`` reports of other pairs of
    its domain whose pledge is another (labelled ``unrelated``). Only the given (tuned) pairs are used."""
    import random

    rnd = random.Random(seed)
    by_domain: dict[str, list[dict[str, Any]]] = {}
    for p in pairs:
        by_domain.setdefault(p.get("domain") or "", []).append(p)
    out = []
    for p in pairs:
        others = [q for q in by_domain[p.get("domain") or ""] if q["pledge"]["text"] != p["pledge"]["text"]]
        for q in rnd.sample(others, min(k, len(others))):
            out.append({"id": f"{p.get('id')}~{q.get('id')}", "domain": p.get("domain"), "pledge": p["pledge"],
                        "report": q["report"], "relation": "unrelated"})
    return out


def dataset(pairs: list[dict[str, Any]], coder: Any) -> tuple[list[dict[str, float]], list[str], list[str]]:
    """(feature dicts, gold relations, rules' relations) for pairs."""
    from ..evaluate.pledges import decide_pair, pair_reports
    from ..tracking.lexicon import lexicon
    from ..tracking.model import features

    lex = lexicon()
    xs, ys, rules = [], [], []
    for pair, (f, reports, _got) in zip(pairs, pair_reports(pairs, coder)):
        rel, d, rep = decide_pair(f, reports, with_report=True)
        xs.append(features(f, rep, d, lex) if rep is not None else {"rule:unrelated": 1.0})
        ys.append(pair["relation"])
        rules.append(rel)
    return xs, ys, rules


def storyline_dataset(dirs: list[str], coder: Any) -> tuple[list[dict[str, float]], list[str], list[str]]:
    """(feature dicts, gold relations, rules' relations) of the retrieved candidates of the storylines under
    ``dirs`` (:func:`gaiko.learn.candidates.storyline_rows`); a folder named ``storylines``: its tuned split only."""
    from ..evaluate.pledges import load_storylines
    from ..evaluate.split import is_blind
    from .candidates import storyline_rows

    xs, ys, rules = [], [], []
    for d in dirs:
        tuned_only = Path(d).name == "storylines"
        for st in load_storylines([d]):
            if tuned_only and is_blind(st["id"]):
                continue
            for r in storyline_rows(st, coder):
                xs.append(r["x"])
                ys.append(r["y"])
                rules.append(r["rule"])
    return xs, ys, rules


#: the thresholds the CV reports besides its own choice (round L45: where a ledger's threshold may lie)
_LEDGER_GRID = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8)


def _combined(probs: Any, classes: list[str], rules: list[str], threshold: float) -> list[str]:
    out = []
    for p, r in zip(probs, rules):
        k = int(p.argmax())
        out.append(classes[k] if p[k] >= threshold else r)
    return out


def train(xs: list[dict[str, float]], ys: list[str], rules: list[str], *, seed: int = 13, min_count: int = 3
          ) -> dict[str, Any]:
    """Fit the model; returns names, classes, coef, intercept, threshold and the cross-validated accuracies."""
    try:
        import numpy as np
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold
    except ImportError as exc:
        raise ConfigError(f"training the relation model needs scikit-learn: pip install 'gaiko[train]' ({exc})") from None
    counts: dict[str, int] = {}
    for x in xs:
        for k in x:
            counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, n in counts.items() if n >= min_count)
    index = {n: i for i, n in enumerate(names)}
    rows, cols, vals = [], [], []
    for r, x in enumerate(xs):
        for k, v in x.items():
            if k in index and v:
                rows.append(r)
                cols.append(index[k])
                vals.append(v)
    # sparse: the same fit as a dense matrix, many times faster (round L41: the storylines' rows made it ~10,000)
    X = csr_matrix((np.asarray(vals, dtype=np.float32), (rows, cols)), shape=(len(xs), len(names)))
    y = np.array(ys)
    folds = list(StratifiedKFold(n_splits=5, shuffle=True, random_state=seed).split(X, y))
    best: tuple[float, float, float] | None = None
    probs_by_c: dict[float, Any] = {}
    for c in (0.1, 0.3, 1.0, 3.0):
        probs = np.zeros((len(ys), len(set(ys))))
        classes: list[str] = sorted(set(ys))
        for tr, te in folds:
            m = LogisticRegression(C=c, max_iter=3000, random_state=seed)
            m.fit(X[tr], y[tr])
            cols = [list(m.classes_).index(k) if k in m.classes_ else None for k in classes]
            p = m.predict_proba(X[te])
            probs[te] = np.stack([p[:, j] if j is not None else np.zeros(len(te)) for j in cols], axis=1)
        probs_by_c[c] = probs
        for th in (0.0, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85):
            acc = float(np.mean(np.array(_combined(probs, classes, [rules[i] for i in range(len(ys))], th)) == y))
            if best is None or acc > best[0]:
                best = (acc, c, th)
    assert best is not None
    acc, c, th = best
    by_threshold = {f"{t:.2f}": round(float(np.mean(np.array(_combined(probs_by_c[c], classes, rules, t)) == y)), 3)
                    for t in _LEDGER_GRID}
    model = LogisticRegression(C=c, max_iter=3000, random_state=seed).fit(X, y)
    rules_acc = float(np.mean(np.array(rules) == y))
    from ..tracking.model import ledger_threshold

    return {"names": names, "classes": [str(k) for k in model.classes_], "coef": model.coef_, "intercept": model.intercept_,
            "threshold": ledger_threshold(), "cv_threshold": th, "C": c, "cv_accuracy": round(acc, 3),
            "cv_by_threshold": by_threshold, "rules_accuracy": round(rules_acc, 3), "n": len(ys)}


def main(argv: list[str] | None = None) -> int:
    import numpy as np

    from ..coder import Coder
    from ..evaluate.pledges import load_pairs, pair_split

    ap = argparse.ArgumentParser(prog="python -m gaiko.learn.relations")
    ap.add_argument("pairs", nargs="?", default="corpora/pledges")
    ap.add_argument("--negatives", type=int, default=2, help="unrelated reports added per pair (other pledges' reports)")
    ap.add_argument("--storylines", nargs="+", default=[], metavar="DIR",
                    help="also train on these studied storyline sets' retrieved candidates (gaiko.learn.candidates)")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "data" / "pledges" / "relation_model.npz"))
    a = ap.parse_args(argv)
    pairs = [p for p in load_pairs([a.pairs]) if pair_split(p) == "tuned"]  # the blind part is never trained on
    if not pairs:
        raise ConfigError(f"no tuned pairs under {a.pairs}")
    coder = Coder()
    xs, ys, rules = dataset(pairs + negatives(pairs, a.negatives), coder)
    if a.storylines:
        sx, sy, sr = storyline_dataset(a.storylines, coder)
        xs, ys, rules = xs + sx, ys + sy, rules + sr
    out = train(xs, ys, rules)
    np.savez_compressed(a.out, names=np.array(out["names"]), classes=np.array(out["classes"]), coef=out["coef"],
                        intercept=out["intercept"], threshold=np.array(out["threshold"]))
    keys = ("n", "C", "threshold", "cv_threshold", "cv_accuracy", "cv_by_threshold", "rules_accuracy")
    sys.stdout.write(json.dumps({k: out[k] for k in keys}) + "\n")
    return 0


if __name__ == "__main__":  # pragma: no cover - development step
    raise SystemExit(main())
