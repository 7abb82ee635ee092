"""Train and choose the assignment scorer of round p64 (:mod:`gaiko.tracking.assign`) by leave-one-set-out over the
studied storyline sets (a development step: needs scikit-learn and the MiniLM weights).

``python -m gaiko.learn.assign rows --cache DIR``: each studied set's storylines, coded into ``DIR/stores/SET/ID.duckdb``
(with ``ID.duckdb.ids.json``), ledgered by the rules with a recorder; every widened (pledge, sentence) with its features
and label (positive: gold evidence of the matched pledge with a relation other than ``unrelated``; negative: every other
widened sentence of that pledge) -> ``DIR/assign_rows.pkl``.
``python -m gaiko.learn.assign loso --cache DIR``: per held-out set, the scorer fitted on the other eighteen, every
(threshold, margin) of :data:`CONFIGS` scored; each set gets the config best on the other sets' scores.
``python -m gaiko.learn.assign train --cache DIR``: the shipped model on all rows. The held-out sets are refused.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path
from typing import Any

STUDIED = ["fresh", "fresh-c", "fresh-d", "fresh-e", "fresh-f", "fresh-g", "fresh-h", "fresh-i", "fresh-j", "fresh-k",
           "fresh-l", "fresh-m", "fresh-n", "fresh-o", "fresh-p", "fresh-q", "fresh-r", "fresh-s", "storylines"]
HELD_OUT = {"fresh-b", "fresh-t", "fresh-u", "fresh-v"}
DECIDING = ("fulfils", "partial", "progresses", "reverses", "withdraws", "stalls")
ROOT = Path(__file__).resolve().parents[2]
CONFIGS = [None] + [(t, 0.0) for t in (0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.7)] + [(0.3, 0.1), (0.5, 0.2)]


def _storylines(name: str) -> list[dict[str, Any]]:
    from ..evaluate.pledges import load_storylines
    from ..evaluate.split import is_blind

    if name in HELD_OUT:
        raise SystemExit(f"{name} is held out")
    out = load_storylines([ROOT / "corpora" / "pledges" / name])
    return [s for s in out if name != "storylines" or not is_blind(s["id"])]


def _recorder() -> Any:
    from ..tracking.assign import Assigner, FEATURES

    class Recorder(Assigner):
        def __init__(self) -> None:
            super().__init__(FEATURES, [0.0] * len(FEATURES), -100.0, threshold=2.0)
            self.exhaustive = True
            self.rows: list[tuple[frozenset[tuple[str, int]], tuple[str, int], dict[str, float]]] = []

        def seen(self, frames, groups, wide, feats):  # type: ignore[no-untyped-def]
            for (g, art, idx), fs in feats.items():
                self.rows.append((frozenset(frames[g].own), (art, idx), fs))
    return Recorder()


def _gold_keys(store: Any, ids: dict[str, str], gp: dict[str, Any]) -> dict[tuple[str, int], str]:
    from ..evaluate.pledges import _sentence_index

    out = {}
    for ev in gp.get("evidence") or ():
        a = ids.get(ev["article"])
        i = _sentence_index(store, a, ev["sentence_contains"]) if a else None
        if i is not None:
            out[(a, i)] = ev.get("relation") or "unrelated"
    return out


def collect(cache: Path, sets: list[str]) -> None:
    import gaiko
    from ..evaluate.pledges import match_entry
    from ..tracking import compute_ledger
    from ..tracking.assign import use

    data: dict[str, Any] = {}
    for name in sets:
        t = time.time()
        rows = []
        cover = {"deciding": 0, "rules": 0, "widened": 0}
        for st in _storylines(name):
            path = cache / "stores" / name / f"{st['id']}.duckdb"
            ids = json.loads(Path(str(path) + ".ids.json").read_text())
            store = gaiko.open(str(path))
            rec = _recorder()
            with use(rec):
                entries = compute_ledger(store, st.get("as_of"))
            by_own: dict[tuple[str, int], list[Any]] = {}
            for own, key, fs in rec.rows:
                for k in own:
                    by_own.setdefault(k, []).append((key, fs))
            for gp in st["pledges"]:
                e = match_entry(store, ids, entries, gp)
                labels = _gold_keys(store, ids, gp)
                linked = {(x["article_id"], x["sentence_index"]) for x in e["evidence"]} if e else set()
                made = {(x["article_id"], x["sentence_index"]) for x in e["evidence"]
                        if x["role"] in ("made", "restated", "revised")} if e else set()
                mine = {key: fs for k in made for key, fs in by_own.get(k, [])}
                for k, rel in labels.items():
                    if rel in DECIDING:
                        cover["deciding"] += 1
                        cover["rules"] += k in linked
                        cover["widened"] += k in mine
                for key, fs in mine.items():
                    rel = labels.get(key)
                    rows.append({"story": st["id"], "key": key, "feats": fs,
                                 "label": int(rel is not None and rel != "unrelated"), "gold": rel})
            store.close()
        data[name] = {"rows": rows, "cover": cover}
        print(name, len(rows), "rows", sum(r["label"] for r in rows), "pos", cover, f"{time.time() - t:.0f}s", flush=True)
    with open(cache / "assign_rows.pkl", "wb") as fh:
        pickle.dump(data, fh)


def fit(rows: list[dict[str, Any]], c: float = 1.0) -> tuple[list[str], Any, float]:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from ..tracking.assign import FEATURES

    x = np.array([[float(r["feats"].get(n, 0.0)) for n in FEATURES] for r in rows])
    y = np.array([r["label"] for r in rows])
    mu, sd = x.mean(0), x.std(0)
    sd[sd < 1e-6] = 1.0
    m = LogisticRegression(C=c, max_iter=2000)
    m.fit((x - mu) / sd, y)
    coef = m.coef_[0] / sd
    return list(FEATURES), coef, float(m.intercept_[0] - coef @ mu)


def score_set(cache: Path, name: str, asg: Any) -> dict[str, int]:
    import gaiko
    from ..evaluate.pledges import _sentence_index, match_entry
    from ..tracking import compute_ledger
    from ..tracking.assign import use

    out = {"pledges": 0, "right": 0, "deciding": 0, "deciding_linked": 0, "lookalikes": 0, "lookalikes_linked": 0,
           "assigned": 0}
    for st in _storylines(name):
        path = cache / "stores" / name / f"{st['id']}.duckdb"
        ids = json.loads(Path(str(path) + ".ids.json").read_text())
        store = gaiko.open(str(path))
        with use(asg):
            entries = compute_ledger(store, st.get("as_of"))
        out["assigned"] += sum(1 for e in entries for x in e["evidence"] if (x.get("note") or "").startswith("assigned"))
        for gp in st["pledges"]:
            out["pledges"] += 1
            e = match_entry(store, ids, entries, gp)
            if e is None:
                continue
            out["right"] += e["status"] == gp["final_status"]
            for ev in gp.get("evidence") or ():
                a2 = ids.get(ev["article"])
                i2 = _sentence_index(store, a2, ev["sentence_contains"]) if a2 else None
                hit = any(x["article_id"] == a2 and x["sentence_index"] == i2 and x["role"] != "needs_review"
                          for x in e["evidence"])
                if ev.get("relation") == "unrelated":
                    out["lookalikes"] += 1
                    out["lookalikes_linked"] += hit
                elif ev.get("relation") in DECIDING:
                    out["deciding"] += 1
                    out["deciding_linked"] += hit
        store.close()
    return out


def loso(cache: Path, sets: list[str], c: float, out: Path) -> dict[str, Any]:
    from ..tracking.assign import Assigner

    with open(cache / "assign_rows.pkl", "rb") as fh:
        data = pickle.load(fh)
    table: dict[str, Any] = json.loads(out.read_text()) if out.exists() else {}
    for name in sets:
        if name in table and all(repr(cfg) in table[name] for cfg in CONFIGS):
            continue
        t = time.time()
        names, coef, b = fit([r for s, v in data.items() if s != name for r in v["rows"]], c)
        table.setdefault(name, {})
        for cfg in CONFIGS:
            if repr(cfg) in table[name]:
                continue
            asg = None if cfg is None else Assigner(names, coef, b, threshold=cfg[0], margin=cfg[1])
            table[name][repr(cfg)] = score_set(cache, name, asg)
        print(name, f"{time.time() - t:.0f}s", {k: (v["right"], v["deciding_linked"], v["lookalikes_linked"], v["assigned"])
                                               for k, v in table[name].items()}, flush=True)
        out.write_text(json.dumps(table, indent=1))
    return table


def choose(table: dict[str, Any]) -> dict[str, Any]:
    res = {}
    for name in table:
        def on_others(cfg: str) -> tuple[int, int, bool]:
            return (sum(table[s][cfg]["right"] for s in table if s != name),
                    -sum(table[s][cfg]["lookalikes_linked"] for s in table if s != name), cfg == "None")
        best = max(table[name], key=on_others)
        res[name] = {"chosen": best, **table[name][best], "rules": table[name]["None"]}
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m gaiko.learn.assign")
    ap.add_argument("what", choices=("rows", "loso", "train"))
    ap.add_argument("--cache", required=True, type=Path)
    ap.add_argument("--sets", nargs="*", default=STUDIED)
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--out", type=Path, default=None)
    a = ap.parse_args(argv)
    if HELD_OUT & set(a.sets):
        raise SystemExit("held-out sets are not read here")
    if a.what == "rows":
        collect(a.cache, a.sets)
    elif a.what == "loso":
        table = loso(a.cache, a.sets, a.C, a.out or a.cache / "assign_loso.json")
        res = choose(table)
        print(json.dumps(res, indent=1))
        print("pooled LOSO", sum(v["right"] for v in res.values()), "rules", sum(v["rules"]["right"] for v in res.values()),
              "of", sum(v["pledges"] for v in res.values()))
    else:
        import numpy as np

        with open(a.cache / "assign_rows.pkl", "rb") as fh:
            data = pickle.load(fh)
        names, coef, b = fit([r for v in data.values() for r in v["rows"]], a.C)
        out = a.out or ROOT / "gaiko" / "data" / "pledges" / "assign_model.npz"
        np.savez_compressed(out, names=np.array(names), coef=np.asarray(coef, dtype=np.float32), intercept=np.array(b))
        print("wrote", out, dict(zip(names, np.round(coef, 3).tolist())), round(b, 3))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
