"""Storyline figures on every studied pledge set, one line each (Round p38).

Usage::

    python scripts/pledge_sets.py --save FILE [SET...]

SET is a folder under corpora/pledges (default: the studied sets fresh, fresh-c .. fresh-s, fresh-t .. fresh-ab
(released in session 35) and storylines scored on its tuned split). Saves per set: status right of all (count),
recall, deciding reports linked, look-alikes linked and the per-pledge list (tuned/studied items only, as the
evaluator lists them). Never give it the unseen sets.
"""

from __future__ import annotations

import argparse
import json
import sys

STUDIED = ["fresh", "fresh-c", "fresh-d", "fresh-e", "fresh-f", "fresh-g", "fresh-h", "fresh-i", "fresh-j", "fresh-k",
           "fresh-l", "fresh-m", "fresh-n", "fresh-o", "fresh-p", "fresh-q", "fresh-r", "fresh-s", "storylines",
           # released to study in session 35 (2026-12-04): written 2026-12-02..03, held out since and measured against every
           # round since, read by nobody; docs/pledges.md, *Held-out sets*
           "fresh-t", "fresh-u", "fresh-v", "fresh-w", "fresh-x", "fresh-y", "fresh-z", "fresh-aa", "fresh-ab"]
UNSEEN = {"fresh-b", "fresh-ac", "fresh-ad", "fresh-ae", "fresh-af", "fresh-ag", "fresh-ah", "fresh-ai", "fresh-aj",
          "fresh-ak", "fresh-al", "fresh-am", "fresh-an", "fresh-ao", "fresh-ap", "fresh-aq", "fresh-ar", "fresh-as",
          "fresh-at", "fresh-au", "fresh-av", "fresh-aw", "fresh-ax", "fresh-ay", "fresh-az", "fresh-ba", "fresh-bb",
          "fresh-bc", "fresh-bd", "fresh-be", "fresh-bf", "fresh-bg", "fresh-bh", "fresh-bi"}


def main(argv: list[str] | None = None) -> int:
    from gaiko.coder import Coder
    from gaiko.evaluate.pledges import evaluate_storylines, load_storylines

    ap = argparse.ArgumentParser(prog="scripts/pledge_sets.py")
    ap.add_argument("sets", nargs="*", default=STUDIED)
    ap.add_argument("--save", required=True)
    a = ap.parse_args(argv)
    if UNSEEN & set(a.sets):
        raise SystemExit("unseen sets are not scored here")
    coder = Coder()
    out = {}
    tot_right = tot_n = 0
    for name in a.sets:
        split = "tuned" if name == "storylines" else "all"
        rep = evaluate_storylines(load_storylines([f"corpora/pledges/{name}"]), coder, split=split, listing=True)
        right = round(rep["status_right_of_all"] * rep["pledges"])
        tot_right += right
        tot_n += rep["pledges"]
        out[name] = rep
        print(f"{name:12} {right:3d}/{rep['pledges']:3d} recall {rep['recall']:.3f} ev {rep['evidence_linked']} "
              f"look {rep['lookalikes_linked']}", flush=True)
    print(f"pooled {tot_right}/{tot_n}")
    with open(a.save, "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=1, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
