"""Choose the settings of gaiko/data/clusters.yaml leave-one-file-out (LOFO) over the labelled cluster files.

Not run by the tests; written for round c41 (docs/rounds/clusters.md, "Round c41"). Three steps:

``code NN ...``   code each file ``corpora/clusters/stories-NN.jsonl`` once, as ``gaiko cluster eval`` does (a fresh
                  in-memory store), and pickle its mention rows (``MENTION_SQL``, the rows the clustering reads), the
                  article ids and the stored cluster ids into ``--cache`` (default /tmp/c41/rows-NN.pkl).
``check NN ...``  recluster the cached rows with the shipped rules and print the pair counts, to compare with
                  ``gaiko cluster eval corpora/clusters/stories-NN.jsonl`` (they must be equal).
``lofo NN ...``   score every setting one change away from the shipped one (each switch of ``SWITCHES``: a dotted key
                  of clusters.yaml and the values it may take); then, for each file held out in turn, a best-improvement
                  coordinate search over the switches that moved a pair takes, step by step, the one change with the
                  best pooled F1 on the other files whose pooled precision there is not below the shipped setting's,
                  for at most ``--rounds`` steps (a list scores several search lengths); that setting is applied to the
                  held-out file. Prints the per-fold choices and the summed held-out pairs (true, false, missed) against
                  the shipped setting's, and writes them as JSON (``--out``). ``--jobs`` processes score settings.

Scores follow :mod:`gaiko.clusters.evaluate`: gold mentions coded with the gold type (the coded event of that type
nearest the gold trigger), all pairs of them within a file, all stories (tuned and blind; numbers only).
Run from the repository root with the project's python; ``nice -n 15`` on a shared machine.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.evaluate import _code, load_corpus, pair_scores
from gaiko.clusters.rules import load_rules
from gaiko.clusters.update import MENTION_SQL
from gaiko.errors import DataFileError
from gaiko.tables import data_path

CORPUS = Path("corpora/clusters")

#: dotted key of clusters.yaml -> the values the search may give it (the shipped value is always tried too)
SWITCHES: dict[str, list[Any]] = {
    "sides.level": ["country", "group"],
    "sides.persons": [True, False],
    "sides.two_way": [True, False],
    "sides.domestic_apart": [[], ["published"], ["published", "shared"]],
    "places.level": ["city", "country", "none"],
    "places.meet.sides": [[], ["open"], ["open", "named"], ["open", "named", "country"]],
    "places.meet.precisions": [[], ["day"], ["day", "shared"]],
    "places.sentence_town": ["__drop__", "__keep__"],
    "places.sentence_town.max_gap": [40, 70, 100],
    "places.sentence_town.min_population": [0, 20000, 100000],
    "sides.undirected_types": [[], ["CONSULT", "COOPERATE", "AGREE", "SUPPORT"]],
    "sides.state_resolutions": [[], ["country", "metonymy"], ["country"]],
    "modes.compare": [False, True],
    "modes.apart": [{}, {"ASSAULT": ["abduct"]}],
    "modes.undated.precisions": [[], ["published"], ["published", "shared"]],
    "dates.published.before": [1, 2, 3, 4, 5],
    "dates.shared.before": [1, 2, 3, 4, 5],
    "dates.other.before": [1, 3, 5],
    "dates.month.halfwidth": [7, 15, 30],
    "dates.year.halfwidth": [7, 15, 30],
    "dates.week.until_published_on": [[], ["sunday"], ["saturday", "sunday"]],
    "attach.nearest_first": [[], ["published"], ["published", "shared"]],
    "attach.max_window_days": [14, 31, 62, 120],
    "attach.empty_parents": [False, True],
    "attach.overlapping": [[], ["published"], ["published", "shared"]],
    "attach.ambiguous": [[], ["published"], ["published", "shared"]],
    "attach.ambiguous_ignores": [[], ["published"]],
    "attach.root_check": [[], ["published"], ["published", "shared"], ["published", "shared", "day"]],
    "article.back_reference": [True, False],
    "article.sentence_day": ["__drop__", "__keep__"],
    "article.sentence_day.max_gap": [40, 70, 100],
    "retold": ["__drop__", "__keep__"],
    "retold.max_gap": [40, 80, 120],
    "retold.undated": [[], ["published"], ["sentence_day"], ["published", "sentence_day"]],
    "retold.window_days": [False, True],
    "retold.halfwidth.year": [0, 1, 3, 15],
    "retold.halfwidth.week": [0, 3, 7],
    "referent": ["__drop__", "__keep__"],
    "referent.precisions": [["published"], ["published", "shared"]],
    "referent.share": [[], ["names"], ["names", "counts"]],
    "referent.conflict": [[], ["places"], ["places", "counts"]],
    "referent.reach_days": [0, 14, 30, 62, 120],
    "referent.reach_dyad": ["__drop__", {"except_types": ["ACCUSE"]}, {"except_types": []}],
    "referent.empty_parents": [[], ["shared"], ["shared", "published"]],
}


def _cache(args: Any, nn: str) -> Path:
    return Path(args.cache) / f"rows-{nn}.pkl"


def code(args: Any) -> None:
    from gaiko.coder import Coder

    coder = Coder()
    for nn in args.files:
        t = time.time()
        arts = load_corpus([CORPUS / f"stories-{nn}.jsonl"])
        store, ids = _code(arts, coder)
        rows = store.query(MENTION_SQL.replace("e.trigger,", "e.trigger, e.trigger_end,") + " ORDER BY e.article_id, e.id")
        stored = {r["event_id"]: r["cluster_id"] for r in store.query("SELECT event_id, cluster_id FROM cluster_members")}
        _cache(args, nn).write_bytes(pickle.dumps({"rows": rows, "ids": ids, "stored": stored}))
        print(nn, len(rows), "rows", round(time.time() - t), "s", flush=True)


def _match(rows: list[dict[str, Any]], arts: list[dict[str, Any]], ids: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Gold mention key -> (coded event id, gold cluster), as ``gaiko.clusters.evaluate._match`` matches them."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_article.setdefault(r["article_id"], []).append(r)
    out = {}
    for a in arts:
        for i, m in enumerate(a["mentions"]):
            lo, hi = m["start"], m["start"] + len(m["trigger"])
            hits = [r for r in by_article.get(ids[a["id"]], ()) if r["event_type"] == m["type"]
                    and r["trigger_start"] < hi and lo < r["trigger_end"]]
            if hits:
                r = min(hits, key=lambda r: (abs(r["trigger_start"] - lo), r["id"]))
                out[f"{a['id']}#{i}"] = (str(r["id"]), m["cluster"])
    return out


def load(args: Any, files: list[str]) -> dict[str, dict[str, Any]]:
    data = {}
    for nn in files:
        d = pickle.loads(_cache(args, nn).read_bytes())
        arts = load_corpus([CORPUS / f"stories-{nn}.jsonl"])
        d["match"] = _match(d["rows"], arts, d["ids"])
        data[nn] = d
    return data


def counts(d: dict[str, Any], rules: Any) -> tuple[int, int, int]:
    cl = cluster_mentions(d["rows"], rules)
    s = pair_scores({k: g for k, (_e, g) in d["match"].items()}, {k: cl[e] for k, (e, _g) in d["match"].items()})
    return s["true_pairs"], s["false_merges"], s["missed_pairs"]


def prf(t: tuple[int, int, int]) -> tuple[float, float, float]:
    tp, fp, fn = t
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return round(p, 4), round(r, 4), round(2 * p * r / (p + r), 4) if p + r else 0.0


def check(args: Any) -> None:
    rules = load_rules()
    for nn, d in load(args, args.files).items():
        cl = cluster_mentions(d["rows"], rules)
        diff = sum(1 for k, v in d["stored"].items() if cl.get(str(k), cl.get(k)) != v)
        t = counts(d, rules)
        print(nn, "true/false/missed", t, "P/R/F1", prf(t), "stored ids differing:", diff)


# --- settings ---------------------------------------------------------------------------------------------------

def _get(raw: dict[str, Any], key: str) -> Any:
    node: Any = raw
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return "__drop__"
        node = node[part]
    return "__keep__" if isinstance(node, dict) and key in _SECTIONS else node


_SECTIONS = {k for k, vs in SWITCHES.items() if "__keep__" in vs}


def apply(base: dict[str, Any], setting: dict[str, Any]) -> dict[str, Any]:
    """A copy of the raw rules ``base`` with ``setting`` (dotted key -> value; ``__drop__`` removes the key,
    ``__keep__`` keeps the shipped section)."""
    raw = copy.deepcopy(base)
    for key, val in setting.items():
        if val == "__keep__":
            continue
        *path, last = key.split(".")
        node = raw
        for part in path:
            if not isinstance(node.get(part), dict):  # a dropped section: its sub-switches mean nothing
                node = None
                break
            node = node[part]
        if node is None:
            continue
        if val == "__drop__":
            node.pop(last, None)
        else:
            node[last] = copy.deepcopy(val)
    return raw


_DATA: dict[str, Any] = {}
_BASE: dict[str, Any] = {}


def _score(setting: dict[str, Any]) -> dict[str, tuple[int, int, int]] | None:
    """Pair counts of every loaded file with ``setting`` (``None``: a combination the rules file rejects, such as
    referent.precisions outside attach.ambiguous)."""
    raw = apply(_BASE, setting)
    fd, p = tempfile.mkstemp(suffix=".yaml")
    try:
        with os.fdopen(fd, "w") as f:
            f.write(yaml.safe_dump(raw, sort_keys=False))
        try:
            rules = load_rules(p)
        except DataFileError:
            return None
        return {nn: counts(d, rules) for nn, d in _DATA.items()}
    finally:
        os.unlink(p)


class Scorer:
    """Pair counts per file for a setting, remembered by setting; ``fill`` scores many in ``jobs`` processes."""

    def __init__(self, jobs: int):
        self.jobs, self.memo = jobs, {}

    @staticmethod
    def _key(setting: dict[str, Any]) -> str:
        return json.dumps(setting, sort_keys=True)

    def fill(self, settings: list[dict[str, Any]]) -> None:
        todo = {self._key(s): s for s in settings if self._key(s) not in self.memo}
        if not todo:
            return
        if self.jobs > 1 and len(todo) > 1:
            import multiprocessing as mp

            with mp.get_context("fork").Pool(self.jobs) as pool:
                for k, res in zip(todo, pool.map(_score, list(todo.values()), chunksize=1)):
                    self.memo[k] = res
        else:
            for k, s in todo.items():
                self.memo[k] = _score(s)

    def per_file(self, setting: dict[str, Any]) -> dict[str, tuple[int, int, int]] | None:
        self.fill([setting])
        return self.memo[self._key(setting)]


def pooled(per: dict[str, tuple[int, int, int]], files: list[str]) -> tuple[int, int, int]:
    return tuple(sum(per[f][i] for f in files) for i in range(3))  # type: ignore[return-value]


def neighbours(cur: dict[str, Any], keys: list[str]) -> list[dict[str, Any]]:
    return [{**cur, key: val} for key in keys for val in SWITCHES[key] if val != cur[key]]


def search(sc: Scorer, shipped: dict[str, Any], train: list[str], rounds: int, keys: list[str]) -> dict[str, Any]:
    """Best-improvement coordinate search over ``keys``: at each step the one change with the best pooled F1 on
    ``train`` among those whose pooled precision is not below the shipped setting's there; stops when none raises F1
    (or after ``rounds`` steps). Ties go to the change listed first in SWITCHES."""
    p0 = prf(pooled(sc.per_file(shipped), train))[0]  # type: ignore[arg-type]
    cur = dict(shipped)
    best = prf(pooled(sc.per_file(cur), train))[2]  # type: ignore[arg-type]
    for _ in range(rounds):
        step = None
        sc.fill(neighbours(cur, keys))
        for cand in neighbours(cur, keys):
            per = sc.per_file(cand)
            if per is None:
                continue
            p, _r, f = prf(pooled(per, train))
            if p >= p0 and f > best + 1e-9:
                step, best = cand, f
        if step is None:
            break
        cur = step
    return cur


def lofo(args: Any) -> None:
    """Every value of ``--rounds`` is one search procedure (at most that many changes), each scored LOFO."""
    _DATA.update(load(args, args.files))
    _BASE.update(yaml.safe_load(Path(data_path("clusters.yaml")).read_text()))
    shipped = {k: _get(_BASE, k) for k in SWITCHES}
    for k, vs in SWITCHES.items():
        if shipped[k] not in vs:
            vs.append(shipped[k])
    files = list(args.files)
    sc = Scorer(args.jobs)
    ship = sc.per_file(shipped)
    assert ship is not None
    t = time.time()
    sc.fill(neighbours(shipped, list(SWITCHES)))
    print(f"one change from the shipped setting ({len(sc.memo)} settings, {round(time.time() - t)} s); pooled over "
          f"all files, shipped {pooled(ship, files)} {prf(pooled(ship, files))}:", flush=True)
    active, single = [], {}
    for key in SWITCHES:
        moved = False
        for cand in neighbours(shipped, [key]):
            per = sc.per_file(cand)
            if per is None:
                print(f"  {key} = {cand[key]!r}: rejected by the rules file")
                continue
            if per != ship:
                moved = True
                single[f"{key} = {cand[key]!r}"] = pooled(per, files)
                print(f"  {key} = {cand[key]!r}: {pooled(per, files)} {prf(pooled(per, files))}", flush=True)
        if moved:
            active.append(key)
    print("switches that move a pair:", active, flush=True)
    result: dict[str, Any] = {"single": single}
    for rounds in args.rounds:
        result[f"rounds={rounds}"] = _lofo_rounds(sc, shipped, ship, files, active, rounds)
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=1, default=str))


def _lofo_rounds(sc: Scorer, shipped: dict[str, Any], ship: dict[str, Any], files: list[str], active: list[str],
                 rounds: int) -> dict[str, Any]:
    print(f"--- search of at most {rounds} changes", flush=True)
    folds, tot_s, tot_l = {}, [0, 0, 0], [0, 0, 0]
    for nn in files:
        train = [f for f in files if f != nn]
        t = time.time()
        chosen = search(sc, shipped, train, rounds, active)
        got = sc.per_file(chosen)[nn]  # type: ignore[index]
        changed = {k: v for k, v in chosen.items() if v != shipped[k]}
        folds[nn] = {"changed": changed, "held_out": got, "shipped": ship[nn],
                     "train_shipped": prf(pooled(ship, train)), "train_chosen": prf(pooled(sc.per_file(chosen), train))}  # type: ignore[arg-type]
        for i in range(3):
            tot_s[i] += ship[nn][i]
            tot_l[i] += got[i]
        print(nn, "shipped", ship[nn], prf(ship[nn]), "| lofo", got, prf(got), "| train", folds[nn]["train_shipped"],
              "->", folds[nn]["train_chosen"], "| changed", changed, f"({round(time.time() - t)} s)", flush=True)
    print("pooled shipped", tuple(tot_s), prf(tuple(tot_s)))  # type: ignore[arg-type]
    print("pooled LOFO   ", tuple(tot_l), prf(tuple(tot_l)))  # type: ignore[arg-type]
    allc = search(sc, shipped, files, rounds, active)
    print("chosen on all files:", {k: v for k, v in allc.items() if v != shipped[k]},
          pooled(sc.per_file(allc), files), prf(pooled(sc.per_file(allc), files)))  # type: ignore[arg-type]
    return {"folds": folds, "shipped": tot_s, "lofo": tot_l,
            "all_files": {k: v for k, v in allc.items() if v != shipped[k]}}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("step", choices=["code", "check", "lofo"])
    ap.add_argument("files", nargs="*", default=[f"{i:02d}" for i in range(1, 19)])
    ap.add_argument("--cache", default="/tmp/c41")
    ap.add_argument("--rounds", type=lambda x: [int(n) for n in x.split(",")], default=[4],
                    help="most changes the coordinate search makes; a list (1,2,4) scores each (default 4)")
    ap.add_argument("--out", help="JSON file for the LOFO result")
    ap.add_argument("--jobs", type=int, default=2, help="processes scoring settings (default 2)")
    args = ap.parse_args(argv)
    Path(args.cache).mkdir(parents=True, exist_ok=True)
    {"code": code, "check": check, "lofo": lofo}[args.step](args)


if __name__ == "__main__":
    sys.exit(main())
