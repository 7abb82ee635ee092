"""The tracker's wrong decisive readings (Round p80): for each matched gold pledge of a studied storyline set, every
report the ledger linked with a deciding relation (fulfils, partial, progresses, stalls, reverses, withdraws) whose gold
relation is another one: gold ``unrelated`` (a look-alike the writers put there), another relation, or no gold relation
at all (the sentence is not among the pledge's gold evidence).

Usage::

    python scripts/pledge_false.py STORYLINE_DIR... [--split all|tuned] --save FILE [--load FILE] [--list]

Prints counts by (ours, gold); with ``--cues`` right and wrong readings per path and cue word; with ``--list``, per wrong reading: the set, the pledge's action, our relation and
its path (``rule``/``model``), the gold relation (``-`` when not in the gold), whether the reading is the one that
decided the entry's status (``decides``), the gold relations other pledges of the storyline give the same sentence
(``elsewhere``: a look-alike that is another pledge's deed), the note and the sentence. Studied sets only (it lists
sentences): no ``--split blind``, and it refuses the unseen sets of ``pledge_sets.UNSEEN``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from typing import Any

DECIDING = ("fulfils", "partial", "progresses", "stalls", "reverses", "withdraws")


def rows_of(paths: list[str], split: str) -> list[dict[str, Any]]:
    from gaiko.coder import Coder
    from gaiko.evaluate.pledges import _sentence_index, _storyline_store, load_storylines, match_entry
    from gaiko.evaluate.split import is_blind
    from gaiko.tracking import ledger
    from gaiko.tracking.status import path_of

    coder = Coder()
    out = []
    for st in load_storylines(paths):
        if split == "tuned" and is_blind(st["id"]):
            continue
        store, ids = _storyline_store(st, coder)
        entries = ledger(store, as_of=st.get("as_of"))
        where: dict[tuple[str, int], list[tuple[int, str]]] = {}  # sentence -> (gold pledge no., relation)
        for n, gp in enumerate(st["pledges"]):
            for ev in gp.get("evidence") or ():
                a2 = ids.get(ev["article"])
                i2 = _sentence_index(store, a2, ev["sentence_contains"]) if a2 else None
                if i2 is not None:
                    where.setdefault((a2, i2), []).append((n, ev["relation"]))
        for n, gp in enumerate(st["pledges"]):
            e = match_entry(store, ids, entries, gp)
            if e is None:
                continue
            path = e.get("status_path") or ""
            for x in e["evidence"]:
                rel = x.get("relation")
                if x["role"] == "made" or rel not in DECIDING:
                    continue
                got = where.get((x["article_id"], x["sentence_index"]), [])
                gold = next((r for k, r in got if k == n), None)
                p = path_of(x)
                out.append({"set": st["id"], "action": gp.get("action"), "ours_action": e["action"],
                            "status": e["status"], "gold_status": gp["final_status"], "status_path": path,
                            "ours": rel, "path": p, "gold": gold or "-",
                            "decides": path.removesuffix(":late") == p,
                            "elsewhere": sorted({r for k, r in got if k != n}),
                            "note": x.get("note"), "sentence": x["sentence"], "right": gold == rel})
        store.close()
    return out


def table(rows: list[dict[str, Any]]) -> str:
    rows = [r for r in rows if not r["right"]]
    by: Counter[tuple[str, str]] = Counter((r["ours"], r["gold"]) for r in rows)
    golds = sorted({g for _, g in by}, key=lambda g: (g == "-", g))
    lines = ["| ours \\ gold | " + " | ".join(golds) + " | all |", "|---|" + "---:|" * (len(golds) + 1)]
    for o in DECIDING:
        if any(k[0] == o for k in by):
            lines.append(f"| {o} | " + " | ".join(str(by[(o, g)]) for g in golds) + f" | {sum(by[(o, g)] for g in golds)} |")
    dec = sum(r["decides"] for r in rows)
    lines.append(f"\n{len(rows)} wrong deciding readings ({dec} of them decide the entry's status; "
                 f"{sum(r['path'].startswith('model') for r in rows)} the relation model's; "
                 f"{sum(bool(r['elsewhere']) for r in rows)} another pledge's gold evidence)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="scripts/pledge_false.py")
    ap.add_argument("paths", nargs="*")
    # tuned by default (session 49): storylines the fixed hash marks blind are not listed, as the evaluator lists
    ap.add_argument("--split", default="tuned", choices=("all", "tuned"))
    ap.add_argument("--save")
    ap.add_argument("--load", action="append", default=[])
    ap.add_argument("--list", action="store_true", help="print every wrong reading")
    ap.add_argument("--cues", action="store_true", help="per path and cue word: readings right and wrong")
    a = ap.parse_args(argv)
    from pledge_sets import UNSEEN  # the unseen sets list sentences nobody may read (round p62)
    if any(p.rstrip("/").split("/")[-1] in UNSEEN for p in a.paths):
        raise SystemExit("unseen sets are not listed here")
    rows: list[dict[str, Any]] = []
    for f in a.load:
        with open(f, encoding="utf-8") as fh:
            rows += json.load(fh)
    if a.paths:
        rows += rows_of(a.paths, a.split)
    if a.save:
        with open(a.save, "w", encoding="utf-8") as fh:
            json.dump(rows, fh, indent=1, ensure_ascii=False)
    print(table(rows))
    if a.cues:  # per cue word (the note's "cue: ..."), deciding readings right and wrong
        by: dict[str, list[int]] = {}
        for r in rows:
            cue = next((p[5:] for p in (r["note"] or "").split("; ") if p.startswith("cue: ")), "(none)")
            key = f"{r['path']} {cue.split()[-1] if cue != '(none)' else cue}"
            t = by.setdefault(key, [0, 0])
            t[0 if r["right"] else 1] += 1
        print("\n| path and cue's last word | right | wrong |\n|---|---:|---:|")
        for k, (ok, bad) in sorted(by.items(), key=lambda kv: -kv[1][1]):
            print(f"| {k} | {ok} | {bad} |")
    if a.list:
        for r in rows:
            if r["right"]:
                continue
            print(f"\n[{r['set']}] {r['action']!r} ({r['gold_status']}; ours {r['status']} by {r['status_path']})\n"
                  f"  {r['path']} vs gold {r['gold']}{' DECIDES' if r['decides'] else ''}"
                  f"{' elsewhere ' + ','.join(r['elsewhere']) if r['elsewhere'] else ''}; {r['note']}\n  {r['sentence']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
