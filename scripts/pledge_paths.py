"""How often each deciding path of the pledge tracker is right (docs/rounds/pledges.md, Round p27).

Usage::

    python scripts/pledge_paths.py STORYLINE_DIR_OR_FILE... [--split all|tuned] [--save FILE] [--load FILE]
    python scripts/pledge_paths.py --pairs corpora/pledges/pairs-*.jsonl [--save FILE]

Codes each storyline as ``python -m gaiko.evaluate.pledges storylines`` does, matches the gold pledges to ledger
entries the same way, and for every matched pledge records the entry's ``status_path`` (what decided its status:
``rule:fulfils``, ``model:progresses``, ``deadline:overdue``, ...), its status, the gold final status and the
**fall-back**: the status the pledge gets without that path (its evidence of that path left out and the status
recomputed; for ``deadline:overdue`` "open", for ``deadline:in_progress`` "in_progress"). It prints, pooled over all
sets given, one row per path: pledges, right with the path, right with the fall-back, and the precision of each.
A path right less often than its fall-back is one to weaken.

Give it studied sets only (fresh, fresh-c, fresh-d, fresh-e whole; ``corpora/pledges/storylines`` with ``--split
tuned``): it lists per pledge, so held-out sets are not for it, and there is no ``--split blind``. ``--save`` writes the per-pledge rows
(JSON) so that the table can be printed again with ``--load`` without coding anything.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from typing import Any


def fallback(entry: dict[str, Any]) -> str:
    """The status the entry gets without the path that decided it (see the module docstring)."""
    from gaiko.tracking.status import path_of, status_of

    path = entry.get("status_path") or "none:open"
    if path == "deadline:overdue":
        return "open"
    if path == "deadline:in_progress":
        return "in_progress"
    if path.startswith("none:"):
        return entry["status"]
    ev = entry["evidence"]
    if path == "disagree:unclear":
        return entry["history"][-2]["status"] if len(entry.get("history") or []) > 1 else "open"
    base = path.removesuffix(":late")
    kept = [e for e in ev if not (e.get("relation") and path_of(e) == base)]
    return status_of(kept, entry.get("deadline"), entry["as_of"])[0]


def rows_of(paths: list[str], split: str) -> list[dict[str, Any]]:
    from gaiko.coder import Coder
    from gaiko.evaluate.pledges import _storyline_store, load_storylines, match_entry
    from gaiko.evaluate.split import is_blind
    from gaiko.tracking import ledger

    coder = Coder()
    out = []
    for st in load_storylines(paths):
        if split == "tuned" and is_blind(st["id"]):
            continue  # the blind part of corpora/pledges/storylines is never listed
        store, ids = _storyline_store(st, coder)
        entries = ledger(store, as_of=st.get("as_of"))
        for gp in st["pledges"]:  # matched as gaiko.evaluate.pledges.evaluate_storylines does
            e = match_entry(store, ids, entries, gp)
            row = {"set": st.get("id"), "gold": gp["final_status"], "status": e["status"] if e else None,
                   "path": e.get("status_path") if e else "missed", "fallback": fallback(e) if e else None}
            out.append(row)
        store.close()
    return out


#: relations that move a status (the rest, restates, revises, unrelated and needs_review, leave it as it was)
MOVES = ("fulfils", "partial", "progresses", "stalls", "reverses", "withdraws", "unclear")


def pair_rows(paths: list[str]) -> list[dict[str, Any]]:
    """Tuned pledge/report pairs read as the ledger reads them (the rules, then the relation model on what they leave
    undecided): one row per pair whose reading moves a status, its path ``source:relation``, and whether the reading
    (``status``) or leaving the status as it was (``fallback``: right when the gold relation moves nothing) is right.
    The gold and predicted fields hold relations, not statuses."""
    from gaiko.coder import Coder
    from gaiko.evaluate.pledges import decide_pair, load_pairs, pair_reports, pair_split
    from gaiko.tracking.model import relation_model
    from gaiko.tracking.status import MODEL_NOTE

    items = [p for p in load_pairs(paths) if pair_split(p) == "tuned"]
    rm = relation_model()
    out = []
    for pair, (f, reports, _got) in zip(items, pair_reports(items, Coder())):
        rel, d = decide_pair(f, reports, model=rm, undecided_only=True)
        if rel not in MOVES:
            continue
        source = "model" if (getattr(d, "note", None) or "").startswith(MODEL_NOTE) else "rule"
        gold = pair["relation"]
        out.append({"set": "pairs", "gold": gold, "status": rel, "path": f"{source}:{rel}",
                    "fallback": gold if gold not in MOVES else "no move"})
    return out


def table(rows: list[dict[str, Any]]) -> str:
    by: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for r in rows:
        if r["path"] == "missed":
            continue
        t = by[r["path"]]
        t[0] += 1
        t[1] += r["status"] == r["gold"]
        t[2] += r["fallback"] == r["gold"]
    lines = ["| path | pledges | right | precision | right with fall-back | fall-back precision |", "|---|---:|---:|---:|---:|---:|"]
    for path, (n, right, fb) in sorted(by.items(), key=lambda kv: -kv[1][0]):
        lines.append(f"| {path} | {n} | {right} | {right / n:.2f} | {fb} | {fb / n:.2f} |")
    n = sum(1 for r in rows)
    lines.append(f"\n{n} gold pledges, {sum(r['status'] == r['gold'] for r in rows)} right")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="scripts/pledge_paths.py")
    ap.add_argument("paths", nargs="*")
    # tuned by default (session 49): storylines the fixed hash marks blind are not listed, as the evaluator lists
    ap.add_argument("--split", default="tuned", choices=("all", "tuned"))
    ap.add_argument("--pairs", action="store_true", help="PATHs are pair files: the tuned part, reading by reading")
    ap.add_argument("--save")
    ap.add_argument("--load", action="append", default=[])
    a = ap.parse_args(argv)
    rows: list[dict[str, Any]] = []
    for f in a.load:
        with open(f, encoding="utf-8") as fh:
            rows += json.load(fh)
    if a.paths:
        rows += pair_rows(a.paths) if a.pairs else rows_of(a.paths, a.split)
    if a.save:
        with open(a.save, "w", encoding="utf-8") as fh:
            json.dump(rows, fh, indent=0)
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
