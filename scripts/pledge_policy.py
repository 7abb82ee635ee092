"""Fit the tracker's status policy from pooled statistics and choose it out of sample (docs/rounds/pledges.md, Round p30).

Usage::

    python scripts/pledge_policy.py SET_DIR... [--tuned SET_DIR] [--save ROWS.json] [--load ROWS.json]

    python scripts/pledge_policy.py corpora/pledges/fresh corpora/pledges/fresh-[c-j] --tuned corpora/pledges/storylines

(Round p36: each set coded once with ``--save``, then the ten files read together with ``--load`` per file.)

Codes each studied storyline set with the relation model free to decide every report the rules leave undecided
(threshold 0) and **without** the status policy, matches the gold pledges to ledger entries as the evaluator does,
and keeps per pledge the set, gold status, kind and the entry's evidence. A status at any threshold ``t`` is then
recomputed by leaving out the model's readings below ``t`` (what the ledger does at that threshold). It prints:

* the pooled table per ``status_path`` (pledges, status, right, gold when wrong) and per path and kind;
* right per set at each model threshold of :data:`THRESHOLDS` (1.01: the model off);
* leave-one-set-out (LOSO) sums of every candidate configuration (:data:`CONFIGS`: the key, the margin a rule needs
  and its least support), and the nested LOSO (the configuration also chosen inside the six sets);
* the rules fitted on all sets with the configuration LOSO prefers, each rule's own LOSO gain per held-out set;
* today's policy (the shipped file) per set, and the nested LOSO of the whole family with the model threshold too
  chosen inside each fold (:func:`nested_t`), for the honest family (a rule may give only a status the path's
  evidence supports, ``gaiko/data/pledges/status_supports.yaml``, Round p36) and the free one (any status).

Studied sets only: SET_DIRs are taken whole (fresh, fresh-c ... fresh-j), ``--tuned`` sets by their tuned part
(``corpora/pledges/storylines``: its blind part is never coded here). The shipped policy is
``gaiko/data/pledges/status_policy.yaml``; this script does not write it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from typing import Any, Callable

#: model thresholds tried (1.01: the relation model never decides)
THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
_P = re.compile(r"relation model (\d\.\d\d)")


def rows_of(paths: list[str], tuned: list[str] = ()) -> list[dict[str, Any]]:
    """One row per gold pledge of the studied sets: set, gold, kind, and the matched entry's evidence (threshold 0,
    no status policy), deadline, as_of, made_on, mentions (count), cue, target / quantity / conditions (whether it has
    them) and ``retrieved``: [published, read as evidence] per report retrieved for it in its term (Round p46: the
    reports read unrelated are nowhere else); ``evidence`` None for a pledge no entry matched. ``paths`` are taken whole, ``tuned`` by their
    tuned part (:mod:`gaiko.evaluate.split`)."""
    import gaiko.tracking.policy as policy
    from gaiko.coder import Coder
    from gaiko.evaluate.pledges import _storyline_store, load_storylines, match_entry
    from gaiko.evaluate.split import is_blind
    from gaiko.tracking import ledger

    import gaiko.tracking.regroup as regroup

    shipped, bare = policy.status_policy, policy.StatusPolicy(0.0, ())
    policy.status_policy = lambda path=None: bare  # type: ignore[assignment]  # (this process only)
    judge, entry = regroup.judge, regroup.entry
    seen: dict[int, list[tuple[str, bool]]] = defaultdict(list)  # id(frame): (published, read as evidence) per report
    retrieved: dict[str, list[tuple[str, bool]]] = {}  # ledger id: the same

    def judging(f: Any, cand: dict[str, Any], *args: Any, **kw: Any) -> Any:
        ev = judge(f, cand, *args, **kw)
        pub = cand.get("published")
        if (cand["article_id"], cand["idx"]) not in f.own and cand["article_id"] not in f.made_arts and pub \
                and pub >= (f.first_published or "") and not (f.until and pub > f.until):
            seen[id(f)].append((str(pub), ev is not None))
        return ev

    def entering(group: Any, found: Any, overrides: Any, as_of: Any, f: Any, *args: Any, **kw: Any) -> Any:
        e = entry(group, found, overrides, as_of, f, *args, **kw)
        retrieved[e["id"]] = seen.pop(id(f), [])
        return e

    regroup.judge, regroup.entry = judging, entering  # (this process only: what was retrieved for each entry)
    try:
        coder, out = Coder(), []
        for path in [*paths, *tuned]:
            name = path.rstrip("/").split("/")[-1]
            for st in load_storylines([path]):
                if path in tuned and is_blind(st["id"]):
                    continue  # the blind part of corpora/pledges/storylines is never coded here
                store, ids = _storyline_store(st, coder)
                entries = ledger(store, as_of=st.get("as_of"))
                for gp in st["pledges"]:
                    e = match_entry(store, ids, entries, gp)
                    out.append({"set": name, "gold": gp["final_status"], "kind": e["kind"] if e else None,
                                "evidence": e["evidence"] if e else None, "deadline": e["deadline"] if e else None,
                                "as_of": e["as_of"] if e else None, "made_on": e["made_on"] if e else None,
                                "mentions": len(e["mentions"]) if e else None, "cue": e["cue"] if e else None,
                                "target": bool(e["target"]) if e else None,
                                "quantity": bool(e["quantity"]) if e else None,
                                "conditions": bool(e["conditions"]) if e else None,
                                "retrieved": sorted(set(retrieved.get(e["id"], ()))) if e else None})
                store.close()
    finally:
        policy.status_policy = shipped  # type: ignore[assignment]
        regroup.judge, regroup.entry = judge, entry  # type: ignore[assignment]
    return out


def at(row: dict[str, Any], t: float) -> tuple[str | None, str]:
    """(status, path) of a row with the relation model's readings below ``t`` left out, no status policy."""
    from gaiko.tracking.status import MODEL_NOTE, status_of

    if row["evidence"] is None:
        return None, "missed"
    ev = []
    for e in row["evidence"]:
        note = e.get("note") or ""
        m = _P.match(note) if note.startswith(MODEL_NOTE) else None
        ev.append(dict(e, relation="needs_review", note=None) if m and float(m.group(1)) < t else e)
    s, _w, _r, _h, p = status_of(ev, row["deadline"], row["as_of"])
    return s, p


def _dl(r: dict[str, Any]) -> str:
    end = (r.get("deadline") or {}).get("end")
    return "none" if not end else ("passed" if end < (r.get("as_of") or "") else "ahead")


#: the keys a rule may be made on
KEYS: dict[str, Callable[[dict[str, Any]], tuple]] = {
    "path": lambda r: (r["path"],), "path_kind": lambda r: (r["path"], r["kind"]),
    "path_deadline": lambda r: (r["path"], _dl(r)), "path_kind_deadline": lambda r: (r["path"], r["kind"], _dl(r))}
#: (key, margin: how many more pledges the new status must get right, support: least pledges under the key)
CONFIGS = [(k, m, n) for k in KEYS for m in (1, 2, 3) for n in (3, 5, 8)]


def supports_table(path: str | None = None) -> dict[str, frozenset[str]]:
    """The statuses each deciding path's evidence supports (``gaiko/data/pledges/status_supports.yaml``, Round p36):
    {path or path less its source: statuses}."""
    from gaiko.tables import data_path, load_yaml

    data = load_yaml(path or data_path("pledges/status_supports.yaml"))
    return {str(k): frozenset(map(str, v)) for k, v in data.items()}


def supported(path: str, table: dict[str, frozenset[str]]) -> frozenset[str]:
    """Statuses a rule may give a pledge decided by ``path`` (whole path first, then the path less its source; none
    for a path the table does not know)."""
    return table.get(path) or table.get(path.split(":", 1)[-1]) or frozenset()


def fit(rows: list[dict[str, Any]], key: str, margin: int, support: int,
        supports: dict[str, frozenset[str]] | None = None) -> list[dict[tuple, str]]:
    """Rules {key: status} at the key's level and, below it, at the path alone (first match wins): a key's most often
    right gold status when it beats the current status by ``margin`` among at least ``support`` pledges. With
    ``supports`` (:func:`supports_table`) a rule's status must be one the path's evidence supports (the honest
    family, Round p36)."""
    levels = [key] + (["path"] if key != "path" else [])
    out = []
    for lv in levels:
        by: dict[tuple, Counter] = defaultdict(Counter)
        cur: dict[tuple, str] = {}
        for r in rows:
            if r["path"] != "missed":
                k = KEYS[lv](r)
                by[k][r["gold"]] += 1
                cur[k] = r["status"]
        rules = {}
        for k, c in by.items():
            cands = [g for g in sorted(c) if supports is None or g in supported(k[0], supports)]
            if not cands:
                continue
            best = max(cands, key=lambda g: c[g])
            if sum(c.values()) >= support and best != cur[k] and c[best] - c[cur[k]] >= margin:
                rules[k] = best
        out.append(rules)
    return out


def apply(rules: list[dict[tuple, str]], key: str, r: dict[str, Any]) -> str | None:
    levels = [key] + (["path"] if key != "path" else [])
    for lv, d in zip(levels, rules):
        if (k := KEYS[lv](r)) in d and r["path"] != "missed":
            return d[k]
    return r["status"]


def right(rows: list[dict[str, Any]], rules: list[dict[tuple, str]] | None = None, key: str = "path") -> int:
    return sum((apply(rules, key, r) if rules else r["status"]) == r["gold"] for r in rows)


def loso(rows: list[dict[str, Any]], sets: list[str], cfg: tuple,
         supports: dict[str, frozenset[str]] | None = None) -> dict[str, int]:
    """Right per held-out set, the rules fitted on the other sets."""
    return {s: right([r for r in rows if r["set"] == s], fit([r for r in rows if r["set"] in sets and r["set"] != s],
                                                                *cfg, supports), cfg[0]) for s in sets}


def nested(rows: list[dict[str, Any]], sets: list[str]) -> dict[str, tuple[int, tuple | None]]:
    """Per held-out set: right with the configuration chosen by LOSO inside the other sets (none when no configuration
    beats no policy there), and that configuration."""
    out = {}
    for s in sets:
        inner = [x for x in sets if x != s]
        base = right([r for r in rows if r["set"] in inner])
        score = {c: sum(loso(rows, inner, c).values()) for c in CONFIGS}
        best = max(CONFIGS, key=lambda c: (score[c], c[1], c[2]))
        test = [r for r in rows if r["set"] == s]
        if score[best] <= base:
            out[s] = (right(test), None)
        else:
            out[s] = (right(test, fit([r for r in rows if r["set"] in inner], *best), best[0]), best)
    return out


def shipped(raw: list[dict[str, Any]], policy: Any = None) -> dict[str, int]:
    """Right per set with a status policy (default: the shipped one, ``gaiko/data/pledges/status_policy.yaml``): its
    model threshold, then its remap rules."""
    from gaiko.tracking.policy import status_policy

    pol = policy or status_policy()
    out: Counter = Counter()
    for r in raw:
        s, p = at(r, pol.threshold)
        out[r["set"]] += (pol.apply(s, p, r["kind"])[0] if s is not None else None) == r["gold"]
    return {s: out[s] for s in dict.fromkeys(r["set"] for r in raw)}


def nested_t(raw: list[dict[str, Any]], sets: list[str], supports: dict[str, frozenset[str]] | None = None,
             thresholds: tuple = THRESHOLDS) -> dict[str, tuple]:
    """Nested LOSO of the whole family: per held-out set, the model threshold and the configuration (or none: no
    rules) chosen by LOSO inside the other sets, ties to no rules, the larger margin and support, the threshold
    nearest 0.6. {set: (right, threshold, configuration or None, rules)}."""
    by_t = {t: [dict(r, status=s, path=p) for r in raw for s, p in [at(r, t)]] for t in thresholds}
    out = {}
    for s in sets:
        inner = [x for x in sets if x != s]
        score: dict[tuple, int] = {}
        for t, rows in by_t.items():
            score[(t, None)] = right([r for r in rows if r["set"] in inner])
            for c in CONFIGS:
                score[(t, c)] = sum(loso(rows, inner, c, supports).values())
        t, c = max(score, key=lambda tc: (score[tc], tc[1] is None, tc[1][1:] if tc[1] else (0, 0), -abs(tc[0] - 0.6)))
        test = [r for r in by_t[t] if r["set"] == s]
        rules = fit([r for r in by_t[t] if r["set"] in inner], *c, supports) if c else None
        out[s] = (right(test, rules, c[0] if c else "path"), t, c, rules)
    return out


def report(raw: list[dict[str, Any]]) -> str:
    sets = list(dict.fromkeys(r["set"] for r in raw))
    lines = ["right per set at each model threshold (no policy):", "| threshold | " + " | ".join(sets) + " | all |"]
    for t in THRESHOLDS:
        per = [sum(at(r, t)[0] == r["gold"] for r in raw if r["set"] == s) for s in sets]
        lines.append(f"| {t} | " + " | ".join(map(str, per)) + f" | {sum(per)} |")
    best_t = max(THRESHOLDS, key=lambda t: (sum(at(r, t)[0] == r["gold"] for r in raw), -abs(t - 0.6)))
    rows = [dict(r, status=s, path=p) for r in raw for s, p in [at(r, best_t)]]
    lines += [f"\npooled table at threshold {best_t}:", "| path | kind | pledges | status | right | gold when wrong |"]
    for lv in ("path", "path_kind"):
        by: dict[tuple, Counter] = defaultdict(Counter)
        st: dict[tuple, str] = {}
        for r in rows:
            if r["path"] != "missed":
                by[KEYS[lv](r)][r["gold"]] += 1
                st[KEYS[lv](r)] = r["status"]
        for k, c in sorted(by.items(), key=lambda kv: -sum(kv[1].values())):
            wrong = ", ".join(f"{g} {n}" for g, n in c.most_common() if g != st[k])
            kind = k[1] if len(k) > 1 else "any"
            lines.append(f"| {k[0]} | {kind} | {sum(c.values())} | {st[k]} | {c[st[k]]} | {wrong} |")
    base = right(rows)
    lines.append(f"\nno policy: {base} right of {len(rows)}; LOSO sums:")
    scores = {c: loso(rows, sets, c) for c in CONFIGS}
    for c in sorted(CONFIGS, key=lambda c: -sum(scores[c].values())):
        lines.append(f"  {c}: {sum(scores[c].values())} {scores[c]}")
    nest = nested(rows, sets)
    lines.append(f"nested LOSO: {sum(v[0] for v in nest.values())} {nest}")
    best = max(CONFIGS, key=lambda c: (sum(scores[c].values()), c[1], c[2]))
    rules = fit(rows, *best)
    lines.append(f"fitted on all sets with {best}: {rules}; in sample {right(rows, rules, best[0])}")
    for lv, d in enumerate(rules):  # each rule alone, fitted out of sample
        for k, status in d.items():
            gain = {}
            for s in sets:
                held = fit([r for r in rows if r["set"] != s], *best)
                if held[lv].get(k) == status:
                    test = [r for r in rows if r["set"] == s and (KEYS[best[0]] if lv == 0 else KEYS["path"])(r) == k]
                    gain[s] = sum(status == r["gold"] for r in test) - right(test)
            lines.append(f"  rule {k} -> {status}: LOSO gain {sum(gain.values())} {gain}")
    today = shipped(raw)
    lines.append(f"\ntoday's policy (shipped file): {sum(today.values())} {today}")
    honest = supports_table()
    for name, sup in (("honest family (status_supports.yaml)", honest), ("free family (any status)", None)):
        nest_t = nested_t(raw, sets, sup)
        lines.append(f"nested LOSO, {name}, threshold chosen inside each fold: {sum(v[0] for v in nest_t.values())}")
        for s, (n, t, c, rl) in nest_t.items():
            lines.append(f"  {s}: {n} (today {today[s]}) threshold {t} config {c} rules {rl}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="scripts/pledge_policy.py")
    ap.add_argument("paths", nargs="*", help="studied sets, taken whole")
    ap.add_argument("--tuned", action="append", default=[], help="a set of which only the tuned part is studied")
    ap.add_argument("--save")
    ap.add_argument("--load", action="append", default=[])
    a = ap.parse_args(argv)
    raw: list[dict[str, Any]] = []
    for f in a.load:
        with open(f, encoding="utf-8") as fh:
            raw += json.load(fh)
    if a.paths or a.tuned:
        raw += rows_of(a.paths, a.tuned)
    if a.save:
        with open(a.save, "w", encoding="utf-8") as fh:
            json.dump(raw, fh)
    print(report(raw))
    return 0


if __name__ == "__main__":
    sys.exit(main())
