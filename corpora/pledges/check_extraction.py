"""Check a pledge extraction set: every line parses and every span is an exact substring.

Usage: python corpora/pledges/check_extraction.py [corpora/pledges/extraction-01.jsonl]
Prints counts (records, with/without pledges, pledges by kind) and exits 1 on any error.
"""
import collections
import json
import re
import sys

KINDS = {"promise", "plan", "threat", "demand", "agreement"}
FIELDS = {"actor", "actor_country", "kind", "action", "target", "target_country", "deadline"}


def check(path):
    errors, kinds, ids = [], collections.Counter(), set()
    n = with_p = 0
    for lineno, line in enumerate(open(path, encoding="utf-8"), 1):
        rec = json.loads(line)
        n += 1
        where = f"{path}:{lineno}"
        if not re.fullmatch(r"ex1-\d{4}", rec.get("id", "")) or rec["id"] in ids:
            errors.append(f"{where}: bad or repeated id")
        ids.add(rec.get("id"))
        if not re.fullmatch(r"202[56]-\d\d-\d\d", rec.get("published", "")):
            errors.append(f"{where}: bad published date")
        text = rec["text"]
        with_p += bool(rec["pledges"])
        for p in rec["pledges"]:
            if set(p) != FIELDS:
                errors.append(f"{where}: fields {sorted(p)}")
            if p["kind"] not in KINDS:
                errors.append(f"{where}: kind {p['kind']}")
            kinds[p["kind"]] += 1
            for f in ("actor", "action", "target", "deadline"):
                v = p[f]
                if v is None and f in ("target", "deadline"):
                    continue
                if not v or v not in text:
                    errors.append(f"{where}: {f} not an exact substring")
            for f in ("actor_country", "target_country"):
                if p[f] is not None and not re.fullmatch(r"[A-Z][A-Z0-9]{1,7}", p[f]):
                    errors.append(f"{where}: {f} {p[f]!r}")
    print(f"records {n}, with pledges {with_p}, none {n - with_p}, pledges {sum(kinds.values())} {dict(kinds)}")
    for e in errors:
        print(e)
    return not errors


if __name__ == "__main__":
    sys.exit(0 if check(sys.argv[1] if len(sys.argv) > 1 else "corpora/pledges/extraction-01.jsonl") else 1)
