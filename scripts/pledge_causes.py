"""Why gold decided pledges are not read so (Round p37): for each gold pledge of a studied storyline set, the deciding
reports the gold names and what the tracker did with each.

Usage::

    python scripts/pledge_causes.py STORYLINE_DIR... [--split all|tuned] --save FILE

Per gold pledge: its matched entry's status and path, and per gold evidence sentence whether it was retrieved
(``link.candidates``), shares a topic key with the pledge at all, and how ``decide`` reads it (relation and note).
Kinds (docs/rounds/pledges.md, Round p37): R never retrieved and shares no topic key; S shares a key but the side/date filter
(or decide's "who" step) drops it; O retrieved but the object is not matched; D matched but read as something else;
E the pledge itself not found; for S, ``dropped_by`` names the filter (round p45). Studied sets only (it lists sentences): no ``--split blind``,
and it refuses the unseen sets of ``pledge_sets.UNSEEN`` (round p62).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

_WHO_NOTES = ("names no actor", "not with the pledge's counterparts", "a meeting without", "says it is another matter",
              "not the pledge's", "not with the pledge's counterpart")


def _kind(gold_rel: str, got: dict[str, Any]) -> str:
    if not got["shares_key"]:
        return "R"
    if not got["retrieved"]:
        return "S"
    rel, note = got["relation"], got["note"] or ""
    if rel == gold_rel:
        return "ok"
    if rel == "unrelated":
        if note.startswith(("names no actor", "not with", "a meeting without", "says it is another")) or \
                "does the act" in note or "another side" in note:
            return "S"
        return "O"
    return "D"


def dropped_by(con: Any, f: Any, art: str, idx: int, keys: set[str], as_of: str) -> str:
    """Which of ``link.candidates``' filters drops a sentence sharing a topic key (round p45): "article" (the
    pledge's own article), "window" (before the pledge, after its horizon or after ``as_of``), "topic" (no strong
    key: only the object's modifiers are shared), "unplaced" (a pledge whose doer the coder could not place: one
    shared key and its name not named, or another unplaced proper name; round t63: these were labelled "side"),
    "side" (the sentence opens with, or names only, other sides), else "other" (the participant rules)."""
    from gaiko.tracking.link import SENTENCE_INFO
    row = con.execute(f"SELECT pub, sides, first, ctx, unplaced FROM {SENTENCE_INFO} WHERE article_id = ? AND idx = ?",
                      [art, idx]).fetchall()
    if not row:
        return "unkeyed"
    pub, sides, first, ctx, unplaced = row[0]
    if art in f.made_arts:
        return "article"
    if pub > as_of or (f.first_published and pub < f.first_published) or (f.until and pub > f.until):
        return "window"
    shared = keys & set(f.topic)
    if not any(":" in k or k in f.heads or not f.heads or k in f.names for k in shared):
        return "topic"
    doer = f"@{f.doer.split('/')[0]}" if f.doer else None
    if doer and doer.startswith("@?:"):
        others = [x for x in unplaced or () if x != doer]
        return f"unplaced ({'another unplaced name ' + others[0][1:] if others else 'one shared key, not named'})"
    rel = {f"@{x.split('/')[0]}" for x in f.related} | ({f"@{f.other.split('/')[0]}"} if f.other else set())
    if first and doer and not doer.startswith(("@?:", "@IGO:")) and first != doer and first not in rel:
        return f"side (opens with {first[1:]})"
    if sides and doer and doer not in sides and not rel & set(sides):
        return f"side (names {','.join(x[1:] for x in sides)}, not {doer[1:]})"
    if sides is None and ctx and doer and doer not in ctx and not rel & set(ctx):
        return f"side (article context {','.join(x[1:] for x in ctx)})"
    return "other"


def rows_of(paths: list[str], split: str) -> list[dict[str, Any]]:
    from gaiko.coder import Coder
    from gaiko.evaluate.pledges import _sentence_index, _storyline_store, load_storylines, match_entry
    from gaiko.evaluate.split import is_blind
    from gaiko.tracking import ledger
    from gaiko.tracking.decide import decide, report_of
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.link import candidates, details, sides_table
    from gaiko.tracking.normalise import frame, prepare
    from gaiko.tracking.tables import load_mentions

    coder = Coder()
    lex = lexicon()
    out = []
    for st in load_storylines(paths):
        if split == "tuned" and is_blind(st["id"]):
            continue
        store, ids = _storyline_store(st, coder)
        con = store.con
        entries = ledger(store, as_of=st.get("as_of"))
        sides_table(con)
        as_of = st.get("as_of") or con.execute("SELECT CAST(max(published) AS VARCHAR) FROM articles").fetchall()[0][0]
        for gp in st["pledges"]:
            e = match_entry(store, ids, entries, gp)
            row: dict[str, Any] = {"set": st["id"], "gold": gp["final_status"], "action": gp.get("action"),
                                   "kind": gp.get("kind"), "deadline": gp.get("deadline"),
                                   "status": e["status"] if e else None, "path": e.get("status_path") if e else "missed",
                                   "ours": e["action"] if e else None, "evidence": []}
            if e is not None:
                row["linked"] = [(x["role"], x.get("relation"), x["sentence"], x.get("note")) for x in e["evidence"]
                                 if x["role"] not in ("made",)]
                group = [prepare(m, lex) for m in load_mentions(con, [m["pledge_id"] for m in e["mentions"]])]
                group.sort(key=lambda m: (m.get("published") or "", m["article_id"], m["sentence_index"]))
                f = frame(group, lex)
                row["frame"] = {"doer": f.doer, "other": f.other, "acts": sorted(f.acts), "objects": sorted(f.objects),
                                "topic": sorted(f.topic), "heads": sorted(f.heads), "related": sorted(f.related),
                              "until": f.until, "first_published": f.first_published, "made_arts": sorted(f.made_arts),
                                "deadline_end": f.deadline_end, "as_of": as_of,
                                "mentions": [(m.get("published"), (m.get("deadline") or {}).get("end"),
                                              (m.get("deadline") or {}).get("text"), m.get("sentence"))
                                             for m in group]}
                cands = {(c["article_id"], c["idx"]): c for c in candidates(con, [f], as_of).get(0, [])}
            for ev in gp.get("evidence") or ():
                a2 = ids.get(ev["article"])
                i2 = _sentence_index(store, a2, ev["sentence_contains"]) if a2 else None
                got: dict[str, Any] = {"relation_gold": ev["relation"], "text": ev["sentence_contains"]}
                if e is not None and i2 is not None:
                    keys = {k for (k,) in con.execute("SELECT DISTINCT key FROM sentence_keys WHERE article_id = ? AND idx = ?",
                                                      [a2, i2]).fetchall()}
                    got["sentence_keys"] = sorted(k for k in keys if not k.startswith(("@", "^")))
                    got["sentence_sides"] = sorted(k for k in keys if k.startswith(("@", "^")))
                    got["shares_key"] = bool(keys & set(f.topic))
                    got["shares_strong"] = any(":" in k or k in f.heads or not f.heads or k in f.names
                                               for k in keys & set(f.topic))
                    got["published"] = con.execute("SELECT CAST(published AS VARCHAR) FROM articles WHERE id = ?", [a2]).fetchall()[0][0]
                    got["beyond_horizon"] = bool(f.until and got["published"] > f.until)
                    got["made_article"] = a2 in f.made_arts
                    got["retrieved"] = (a2, i2) in cands
                    if not got["retrieved"] and got["shares_key"]:
                        got["dropped_by"] = dropped_by(con, f, a2, i2, keys, as_of)
                    text = con.execute("SELECT text FROM sentences WHERE article_id = ? AND idx = ?", [a2, i2]).fetchall()[0][0]
                    c = cands.get((a2, i2)) or {"article_id": a2, "idx": i2, "text": text,
                                                "published": con.execute("SELECT CAST(published AS VARCHAR) FROM articles WHERE id = ?", [a2]).fetchall()[0][0],
                                                "sides": [], "context": []}
                    evs, acts = details(con, [(a2, i2)])
                    d = decide(f, report_of(c, evs.get((a2, i2), []), acts.get((a2, i2), [])), lex)
                    got["relation"], got["note"], got["cue"] = d.relation, d.note, d.cue
                    got["in_ledger"] = next((x.get("relation") for x in e["evidence"] if x["article_id"] == a2
                                             and x["sentence_index"] == i2), None)
                    got["cause"] = _kind(ev["relation"], got)
                else:
                    got["cause"] = "E" if e is None else "?"
                row["evidence"].append(got)
            out.append(row)
        store.close()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="scripts/pledge_causes.py")
    ap.add_argument("paths", nargs="+")
    # tuned by default (session 49): storylines the fixed hash marks blind are not listed, as the evaluator lists
    ap.add_argument("--split", default="tuned", choices=("all", "tuned"))
    ap.add_argument("--save", required=True)
    a = ap.parse_args(argv)
    from pledge_sets import UNSEEN  # the unseen sets list sentences nobody may read (round p62)
    if any(p.rstrip("/").split("/")[-1] in UNSEEN for p in a.paths):
        raise SystemExit("unseen sets are not listed here")
    rows = rows_of(a.paths, a.split)
    with open(a.save, "w", encoding="utf-8") as fh:
        json.dump(rows, fh, indent=1, ensure_ascii=False)
    print(len(rows), "pledges,", sum(r["status"] == r["gold"] for r in rows), "right")
    return 0


if __name__ == "__main__":
    sys.exit(main())
