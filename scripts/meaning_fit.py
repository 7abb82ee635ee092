"""The meaning link's fit (rounds M47, M48, M49): each storyline of the given studied sets coded once, the ledger
computed afresh (``compute_ledger``) with the link off and at each (tau, k) setting, scored as
``gaiko.evaluate.pledges.evaluate_storylines`` scores it. Prints status right per set and setting; ``--save`` writes
every pledge's status per setting.

Usage::

    python scripts/meaning_fit.py --save FILE SET... --settings 0.45,2 0.50,2 0.40,2

SET is a folder under corpora/pledges (storylines is scored on its tuned split). Never give it the unseen sets.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pledge_sets import UNSEEN  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    import gaiko
    import gaiko.tracking.meaninglink as ml
    from gaiko.coder import Coder
    from gaiko.evaluate.pledges import coded_as_dated, is_blind, load_storylines, match_entry
    from gaiko.tracking import compute_ledger, update_ledger
    from gaiko.types import Article

    ap = argparse.ArgumentParser(prog="scripts/meaning_fit.py")
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--settings", nargs="+", required=True, help="tau,k ...")
    ap.add_argument("--save", required=True)
    a = ap.parse_args(argv)
    if UNSEEN & set(a.sets):
        raise SystemExit("unseen sets are not scored here")
    configs = [("off", None)] + [(s, (float(s.split(",")[0]), int(s.split(",")[1]))) for s in a.settings]
    base = ml._yaml()
    coder = Coder()
    rows: list[dict] = []
    totals = {name: 0 for name, _ in configs}
    for name in a.sets:
        split = "tuned" if name == "storylines" else "all"
        per = {c: 0 for c, _ in configs}
        for st in load_storylines([f"corpora/pledges/{name}"]):
            if split == "tuned" and is_blind(st["id"]):
                continue
            arts = [Article(text=x["text"], title=x.get("title"), published=x["published"], source=x.get("source"))
                    for x in st["articles"]]
            coded = coded_as_dated(coder, arts, st.get("as_of"))
            store = gaiko.open(":memory:")
            store.write_coded(coded, None)
            os.environ["GAIKO_MEANING_LINK"] = "0"
            update_ledger(store, st.get("as_of"))
            os.environ.pop("GAIKO_MEANING_LINK")
            ids = {x["id"]: c.article.id for x, c in zip(st["articles"], coded)}
            got: dict[str, list] = {}
            for cname, setting in configs:
                ml.settings = (lambda b=base: b) if setting is None else (
                    lambda b=base, s=setting: {**b, "enabled": True, "tau": s[0], "k": s[1]})
                entries = compute_ledger(store, st.get("as_of"))
                for n, gp in enumerate(st["pledges"]):
                    e = match_entry(store, ids, entries, gp)
                    status = e["status"] if e else None
                    got.setdefault(str(n), []).append(status)
                    per[cname] += status == gp["final_status"]
                    if cname == configs[-1][0]:
                        meant = [x["sentence"] for x in (e or {}).get("evidence") or []
                                 if "meaning, cosine" in (x.get("note") or "")]
                        rows.append({"set": name, "storyline": st["id"], "n": n, "pledge": gp.get("action"),
                                     "gold": gp["final_status"], "got": dict(zip([c for c, _ in configs], got[str(n)])),
                                     "meaning_widest": meant})
            store.close()
        for c in per:
            totals[c] += per[c]
        print(f"{name:12} " + " ".join(f"{c}={per[c]}" for c, _ in configs), flush=True)
    print("total " + " ".join(f"{c}={totals[c]}" for c, _ in configs))
    with open(a.save, "w", encoding="utf-8") as fh:
        json.dump({"totals": totals, "pledges": rows}, fh, indent=1, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
