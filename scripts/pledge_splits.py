"""Splits of a deciding path by features of the pledge and its retrieved reports, chosen out of sample (Round p46).

Usage::

    python scripts/pledge_splits.py ROWS.json... [--margin 1] [--support 3]

ROWS are the per-pledge rows of ``scripts/pledge_policy.py --save`` (one file per studied set: fresh, fresh-c ..
fresh-n whole, corpora/pledges/storylines by its tuned part). Each row carries, besides the evidence read, what was
**retrieved** for the pledge in its term (``retrieved``: (published, read as evidence) per candidate report).

Baseline is today's code: the shipped model threshold and status policy (``gaiko/data/pledges/status_policy.yaml``).
A **variant** splits one or more deciding paths into cells by a feature (kind, what was retrieved, how long ago the
deadline passed, ...). Inside each leave-one-set-out (LOSO) fold the status of every cell is chosen on the other sets
(the gold status most often right there among the statuses the path's evidence supports,
``gaiko/data/pledges/status_supports.yaml``; it replaces today's status only when it is right ``margin`` more times
among at least ``support`` pledges) and applied to the held-out set. It prints:

* the table per path and shipped status (pledges, right, precision, gold when wrong), per set for the big paths;
* per variant the LOSO sum and per set, against today's; the nested LOSO (the variant too chosen inside each fold);
* the cells each variant fits on all sets.

Studied sets only; the script reads rows, it codes nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections import Counter, defaultdict
from typing import Any, Callable

sys.path.insert(0, os.path.dirname(__file__))

from pledge_policy import at, supported, supports_table  # noqa: E402

Row = dict[str, Any]


def _days(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return (dt.date.fromisoformat(str(b)[:10]) - dt.date.fromisoformat(str(a)[:10])).days


def late(r: Row) -> str:
    """How long before ``as_of`` the deadline passed: days (up to 31), months (up to a year), year (more)."""
    d = _days((r.get("deadline") or {}).get("end"), r.get("as_of"))
    return "?" if d is None else "days" if d <= 31 else "months" if d <= 365 else "year"


def retrieved(r: Row) -> str:
    """What was retrieved for the pledge in its term and not read as evidence: ``unrelated`` (some report), else
    ``read`` (every report retrieved was read as evidence, e.g. restatements), else ``none``."""
    got = r.get("retrieved") or []
    if any(not ev for _p, ev in got):
        return "unrelated"
    return "read" if got else "none"


def after(r: Row) -> str:
    """Whether a report retrieved for the pledge (read or not) is dated after its deadline."""
    end = (r.get("deadline") or {}).get("end") or ""
    return "after" if any(p > end for p, _ev in r.get("retrieved") or []) else "not_after"


def restated(r: Row) -> str:
    return "restated" if (r.get("mentions") or 1) > 1 else "once"


def bare(r: Row) -> str:
    return "all"


def kind(r: Row) -> str:
    return str(r.get("kind"))


def kind3(r: Row) -> str:
    """The brief's three: a demand, a threat, a pledge (promise, plan, agreement)."""
    return r["kind"] if r.get("kind") in ("demand", "threat") else "pledge"


FEATURES: dict[str, Callable[[Row], str]] = {
    "all": bare, "kind": kind, "kind3": kind3, "retrieved": retrieved, "late": late, "after": after,
    "restated": restated, "gran": lambda r: str((r.get("deadline") or {}).get("granularity")),
}


def feature(names: tuple[str, ...]) -> Callable[[Row], tuple]:
    return lambda r: tuple(FEATURES[n](r) for n in names)


def rows_at(raw: list[Row]) -> list[Row]:
    """Rows with today's status (shipped threshold and policy) and the computed path."""
    from gaiko.tracking.policy import status_policy

    pol = status_policy()
    out = []
    for r in raw:
        s, p = at(r, pol.threshold)
        out.append(dict(r, path=p, status=pol.apply(s, p, r["kind"])[0] if s is not None else None))
    return out


def fit(rows: list[Row], paths: tuple[str, ...], names: tuple[str, ...], margin: int, support: int,
        sup: dict[str, frozenset[str]] | None) -> dict[tuple, str]:
    """{(path, today's status, *feature values): status} for the cells where a supported status beats today's."""
    f = feature(names)
    by: dict[tuple, Counter] = defaultdict(Counter)
    for r in rows:
        if r["path"] in paths:
            by[(r["path"], r["status"], *f(r))][r["gold"]] += 1
    rules = {}
    for k, c in by.items():
        cands = [g for g in sorted(c) if sup is None or g in supported(k[0], sup)]
        if not cands:
            continue
        best = max(cands, key=lambda g: (c[g], g == k[1]))
        if sum(c.values()) >= support and best != k[1] and c[best] - c[k[1]] >= margin:
            rules[k] = best
    return rules


def apply(rules: dict[tuple, str], names: tuple[str, ...], r: Row) -> str | None:
    return rules.get((r["path"], r["status"], *feature(names)(r)), r["status"])


def right(rows: list[Row], rules: dict[tuple, str] | None = None, names: tuple[str, ...] = ()) -> int:
    return sum((apply(rules, names, r) if rules else r["status"]) == r["gold"] for r in rows)


def loso(rows: list[Row], sets: list[str], v: tuple, margin: int, support: int, sup: Any) -> dict[str, int]:
    paths, names = v
    return {s: right([r for r in rows if r["set"] == s],
                     fit([r for r in rows if r["set"] != s and r["set"] in sets], paths, names, margin, support, sup),
                     names) for s in sets}


def table(rows: list[Row], sets: list[str]) -> list[str]:
    out = ["| path | status (today) | pledges | right | precision | gold when wrong |", "|---|---|---:|---:|---:|---|"]
    by: dict[tuple, Counter] = defaultdict(Counter)
    for r in rows:
        by[(r["path"], r["status"])][r["gold"]] += 1
    for (p, s), c in sorted(by.items(), key=lambda kv: -sum(kv[1].values())):
        n = sum(c.values())
        wrong = ", ".join(f"{g} {k}" for g, k in c.most_common() if g != s)
        out.append(f"| {p} | {s} | {n} | {c[s]} | {c[s] / n:.2f} | {wrong} |")
    out += ["", "by kind:", "| path | status | kind | pledges | right | gold when wrong |", "|---|---|---|---:|---:|---|"]
    by = defaultdict(Counter)
    for r in rows:
        by[(r["path"], r["status"], r["kind"])][r["gold"]] += 1
    for (p, s, k), c in sorted(by.items(), key=lambda kv: -sum(kv[1].values())):
        if sum(c.values()) >= 4:
            wrong = ", ".join(f"{g} {n}" for g, n in c.most_common() if g != s)
            out.append(f"| {p} | {s} | {k} | {sum(c.values())} | {c[s]} | {wrong} |")
    out += ["", "per set (right / pledges):", "| path | " + " | ".join(sets) + " |", "|---|" + "---:|" * len(sets)]
    for p, s in (("deadline:overdue", "overdue"), ("none:open", "open"), ("rule:fulfils", "fulfilled"),
                 ("rule:fulfils", "open")):
        cells = []
        for name in sets:
            xs = [r for r in rows if r["set"] == name and r["path"] == p and r["status"] == s]
            cells.append(f"{sum(r['gold'] == s for r in xs)}/{len(xs)}")
        out.append(f"| {p} -> {s} | " + " | ".join(cells) + " |")
    return out


#: variants: (paths split, feature names)
OVERDUE = ("deadline:overdue",)
VARIANTS: dict[str, tuple] = {
    "overdue: one status": (OVERDUE, ("all",)),
    "overdue x kind": (OVERDUE, ("kind",)),
    "overdue x demand/threat/pledge": (OVERDUE, ("kind3",)),
    "overdue x retrieved": (OVERDUE, ("retrieved",)),
    "overdue x late": (OVERDUE, ("late",)),
    "overdue x report after deadline": (OVERDUE, ("after",)),
    "overdue x restated": (OVERDUE, ("restated",)),
    "overdue x granularity": (OVERDUE, ("gran",)),
    "overdue x kind3 x retrieved": (OVERDUE, ("kind3", "retrieved")),
    "overdue x retrieved x late": (OVERDUE, ("retrieved", "late")),
    "overdue x kind3 x late": (OVERDUE, ("kind3", "late")),
}


def other_variants(rows: list[Row]) -> dict[str, tuple]:
    """The same splits for every other path that has a status today wrong more often than right (a path and its
    status, e.g. rule:fulfils read open by the plan rule)."""
    by: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        if r["path"] not in ("missed", *OVERDUE):
            by[(r["path"], r["status"])][0] += 1
            by[(r["path"], r["status"])][1] += r["status"] == r["gold"]
    weak = tuple(sorted({p for (p, _s), (n, k) in by.items() if 2 * k < n}))
    out = {}
    for p in weak:
        for names in (("all",), ("kind",), ("retrieved",), ("late",), ("after",)):
            out[f"{p} x {'/'.join(names)}"] = ((p,), names)
    if weak:
        out["all weak paths x kind"] = (weak, ("kind",))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="scripts/pledge_splits.py")
    ap.add_argument("rows", nargs="+")
    ap.add_argument("--margin", type=int, default=1)
    ap.add_argument("--support", type=int, default=3)
    ap.add_argument("--free", action="store_true", help="any status (not only those the evidence supports)")
    ap.add_argument("--only", help="variants whose name starts with this (e.g. 'overdue', 'rule:fulfils')")
    a = ap.parse_args(argv)
    raw: list[Row] = []
    for f in a.rows:
        with open(f, encoding="utf-8") as fh:
            raw += json.load(fh)
    rows = rows_at(raw)
    sets = list(dict.fromkeys(r["set"] for r in rows))
    sup = None if a.free else supports_table()
    today = {s: right([r for r in rows if r["set"] == s]) for s in sets}
    print(f"{len(rows)} gold pledges, {sum(r['path'] == 'missed' for r in rows)} matched no entry; today's code "
          f"{sum(today.values())} right\n")
    print("\n".join(table([r for r in rows if r["path"] != "missed"], sets)))
    variants = {n: v for n, v in {**VARIANTS, **other_variants(rows)}.items() if n.startswith(a.only or "")}
    print(f"\nLOSO (margin {a.margin}, support {a.support}, {'free' if a.free else 'honest'} family); today "
          f"{sum(today.values())}: " + " ".join(f"{s} {n}" for s, n in today.items()))
    scores = {}
    for name, v in variants.items():
        sc = loso(rows, sets, v, a.margin, a.support, sup)
        scores[name] = sc
        d = {s: sc[s] - today[s] for s in sets if sc[s] != today[s]}
        cells = fit(rows, *v, a.margin, a.support, sup)
        print(f"  {name}: {sum(sc.values())} ({sum(sc.values()) - sum(today.values()):+d}) held-out changes {d}; "
              f"fitted on all: {cells}")
    nest, total = {}, 0
    for s in sets:
        inner = [x for x in sets if x != s]
        base = sum(today[x] for x in inner)
        best = max(variants, key=lambda n: sum(loso(rows, inner, variants[n], a.margin, a.support, sup).values()))
        score = sum(loso(rows, inner, variants[best], a.margin, a.support, sup).values())
        test = [r for r in rows if r["set"] == s]
        if score <= base:
            nest[s] = (today[s], None)
        else:
            v = variants[best]
            nest[s] = (right(test, fit([r for r in rows if r["set"] in inner], *v, a.margin, a.support, sup), v[1]),
                       best)
        total += nest[s][0]
    print(f"\nnested LOSO (the variant too chosen inside each fold): {total} against today's {sum(today.values())}")
    for s, (n, b) in nest.items():
        print(f"  {s}: {n} (today {today[s]}) chose {b}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
