"""Checks a folder of realistic pledge storylines (fresh-c, fresh-d): shape, exact substrings (within one sentence),
dates, sentence and pledge counts.

    python corpora/pledges/validate_storylines.py corpora/pledges/fresh-d
    python corpora/pledges/validate_storylines.py corpora/pledges/fresh-e --min-sentences 3   # briefs allowed

Files ``<folder name>-NN.json`` with ids ``<folder name without dashes>NN``; 4-6 articles a storyline, 6-12
sentences and 1-4 gold pledges an article, articles dated 2025-03-01..2026-11-20, as_of on/after the last article
and before 2026-11-28. There is no status-balance check on purpose (real reporting is not balanced: most pledges
stay open); status and relation counts are printed, never enforced.
"""
import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

_ap = argparse.ArgumentParser(description="Check a folder of pledge storylines.")
_ap.add_argument("folder", nargs="?", type=Path, default=Path(__file__).parent / "fresh-c")
_ap.add_argument("--min-sentences", type=int, default=6, help="fewest sentences an article may have (default 6)")
ARGS = _ap.parse_args()
HERE = ARGS.folder
NAME = HERE.resolve().name  # "fresh-c"
STATUSES = {"fulfilled", "partially_fulfilled", "in_progress", "broken", "withdrawn", "stalled", "overdue", "open"}
RELATIONS = {"fulfils", "partial", "progresses", "reverses", "withdraws", "restates", "revises", "stalls", "unrelated"}
PLEDGE_KEYS = ["article", "sentence_contains", "actor", "actor_country", "kind", "action", "target", "target_country",
               "deadline", "final_status", "evidence"]


def sentences(text):
    return re.split(r"(?<=[.!?])\s+(?=[A-Z0-9\"'])", text)


def in_one_sentence(text, needle):
    return sum(needle in s for s in sentences(text))


errors = []
status_total = Counter()
files = sorted(HERE.glob(f"{NAME}-*.json"))
relation_total = Counter()
lookalike_total = 0
article_total = 0
if not files:
    errors.append(f"no {NAME}-*.json files in {HERE}")
for f in files:
    st = json.loads(f.read_text(encoding="utf-8"))
    want_id = NAME.replace("-", "") + f.stem.split("-")[-1]
    if st.get("id") != want_id:
        errors.append(f"{f.name}: id {st.get('id')!r} != {want_id!r}")
    for k in ("id", "title", "as_of", "articles", "pledges"):
        if k not in st:
            errors.append(f"{f.name}: missing {k}")
    arts = {a["id"]: a for a in st["articles"]}
    article_total += len(arts)
    if not 4 <= len(arts) <= 6:
        errors.append(f"{f.name}: {len(arts)} articles")
    if len({a["source"] for a in st["articles"]}) < 2:
        errors.append(f"{f.name}: one outlet only")
    for a in st["articles"]:
        for k in ("id", "published", "source", "title", "text"):
            if not a.get(k):
                errors.append(f"{f.name}:{a.get('id')}: missing {k}")
        n = len(sentences(a["text"]))
        if not ARGS.min_sentences <= n <= 12:
            errors.append(f"{f.name}:{a['id']}: {n} sentences")
        if not ("2025-03-01" <= a["published"] <= "2026-11-20"):
            errors.append(f"{f.name}:{a['id']}: date {a['published']} outside 2025-03-01..2026-11-20")
        if a["published"] > st["as_of"]:
            errors.append(f"{f.name}:{a['id']}: dated after as_of {st['as_of']}")
    if not st["as_of"] < "2026-11-28":
        errors.append(f"{f.name}: as_of {st['as_of']} not before 2026-11-28")
    per_article = Counter(p["article"] for p in st["pledges"])
    for aid in arts:
        if not 1 <= per_article[aid] <= 4:
            errors.append(f"{f.name}:{aid}: {per_article[aid]} gold pledges (want 1-4)")
    seen = set()
    for p in st["pledges"]:
        key = (p["article"], p["sentence_contains"], p["actor"], p["action"])
        if key in seen:
            errors.append(f"{f.name}: duplicate pledge {key}")
        seen.add(key)
    dates = [a["published"] for a in st["articles"]]
    if dates != sorted(dates):
        errors.append(f"{f.name}: articles not in date order")
    counts = Counter()
    for p in st["pledges"]:
        tag = f"{f.name}:{p.get('sentence_contains', '')[:40]!r}"
        for k in PLEDGE_KEYS:
            if k not in p:
                errors.append(f"{tag}: missing {k}")
        if p["final_status"] not in STATUSES:
            errors.append(f"{tag}: bad status {p['final_status']}")
        if not re.fullmatch(r"[A-Z]{3}", p["actor_country"] or ""):
            errors.append(f"{tag}: bad actor_country")
        a = arts.get(p["article"])
        if a is None:
            errors.append(f"{tag}: no article {p['article']}")
            continue
        if in_one_sentence(a["text"], p["sentence_contains"]) != 1:
            errors.append(f"{tag}: sentence_contains not found exactly once within one sentence of {p['article']}")
        decisive = []
        for ev in p["evidence"]:
            b = arts.get(ev["article"])
            etag = f"{tag} evidence {ev['sentence_contains'][:40]!r}"
            if b is None:
                errors.append(f"{etag}: no article {ev['article']}")
                continue
            if ev["relation"] not in RELATIONS:
                errors.append(f"{etag}: bad relation {ev['relation']}")
            if in_one_sentence(b["text"], ev["sentence_contains"]) != 1:
                errors.append(f"{etag}: not found exactly once within one sentence of {ev['article']}")
            if b["published"] < a["published"]:
                errors.append(f"{etag}: evidence older than the pledge")
            if ev["sentence_contains"] in [s for s in sentences(a["text"]) if p["sentence_contains"] in s]:
                errors.append(f"{etag}: evidence is the pledge sentence")
            relation_total[ev["relation"]] += 1
            if ev["relation"] == "unrelated":
                lookalike_total += 1
            if ev["relation"] not in ("unrelated", "restates", "revises"):
                decisive.append(ev["relation"])
        # coarse consistency of gold status with its evidence
        s = p["final_status"]
        if s in ("open", "overdue") and decisive:
            errors.append(f"{tag}: {s} but decisive evidence {decisive}")
        last = decisive[-1] if decisive else None
        expect = {"fulfilled": "fulfils", "partially_fulfilled": "partial", "in_progress": "progresses",
                  "broken": "reverses", "withdrawn": "withdraws", "stalled": "stalls"}.get(s)
        if expect and last != expect:
            errors.append(f"{tag}: {s} but last decisive evidence is {last}")
        if not any(e["relation"] == "unrelated" for e in p["evidence"]) and s in ("open", "overdue"):
            errors.append(f"{tag}: {s} without a look-alike")
        counts[s] += 1
    status_total.update(counts)
    print(f"{f.name}: {len(arts)} articles, {len(st['pledges'])} pledges, as_of {st['as_of']}: {dict(counts)}")

print("total pledges:", sum(status_total.values()))
print("status counts:", dict(sorted(status_total.items())))
n = sum(status_total.values())
print("articles:", article_total, "pledges per article: %.2f" % (n / max(article_total, 1)))
print("status shares:", {s: round(c / max(n, 1), 2) for s, c in sorted(status_total.items())})
print("relation counts:", dict(sorted(relation_total.items())), "look-alikes (unrelated):", lookalike_total)
if errors:
    print("\n".join(["FAILED:"] + errors))
    sys.exit(1)
print("validation passed")
