"""Check the store's learned clustering (``learned.enabled``, gaiko/clusters/learnedupdate.py; round c44) file by file.

    nice -n 15 python scripts/cluster_store_check.py 01 02 ... 19 [--cache /tmp/c43] [--eval]

For each ``corpora/clusters/stories-NN.jsonl``: code it once, write the coded articles into a fresh in-memory store with
``learned.enabled: true`` as one batch and again one article at a time (publication order), and print the pair counts
(true / false / missed, P / R / F1) of both stores, of the reference :func:`gaiko.clusters.learned.learned_clusters`
and of the rules alone on the same rows, and of both on the rows ``scripts/cluster_lofo.py code`` cached (``--cache``);
``--eval`` also runs :func:`gaiko.clusters.evaluate.evaluate` (what ``gaiko cluster eval`` prints) with it enabled.
Figures only (scores as gaiko.clusters.evaluate counts them); never give it an unseen file. Not run by the tests.
"""
import argparse
import atexit
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cluster_lofo
import gaiko.clusters as C
from gaiko.clusters.core import cluster_mentions
from gaiko.clusters.learned import learned_clusters
from gaiko.clusters.rules import load_rules
from gaiko.clusters.update import MENTION_SQL
from gaiko.clusters.evaluate import load_corpus, pair_scores, evaluate
from gaiko.store import Store
from gaiko.types import Article
from gaiko.ingest import article_id
from gaiko.coder import Coder

ap = argparse.ArgumentParser()
ap.add_argument("files", nargs="+")
ap.add_argument("--cache", default="/tmp/c43")
ap.add_argument("--eval", action="store_true")
args = ap.parse_args()
base = load_rules()
text = open(base.path, encoding="utf-8").read().replace("learned:\n  enabled: false\n", "learned:\n  enabled: true\n")
fd, p = tempfile.mkstemp(suffix=".yaml")  # not mktemp (a race); removed at exit
with os.fdopen(fd, "w", encoding="utf-8") as fh:
    fh.write(text)
atexit.register(os.unlink, p)
on = load_rules(p)
assert on.learned.enabled
C.load_rules = lambda path=None: on  # the writer clusters with these rules
coder = Coder()
SQL = MENTION_SQL.replace("e.trigger,", "e.trigger, e.trigger_end,")

def score(match, cl):
    s = pair_scores({k: g for k, (_e, g) in match.items()}, {k: cl[e] for k, (e, _g) in match.items()})
    t = (s["true_pairs"], s["false_merges"], s["missed_pairs"])
    return t, cluster_lofo.prf(t)

tot = {}
for nn in args.files:
    arts = load_corpus([cluster_lofo.CORPUS / f"stories-{nn}.jsonl"])
    objs = [Article(text=a["text"], published=a["published"], title=a.get("title"), source=a.get("outlet"),
                    url=a.get("url"), external_id=a["id"]) for a in arts]
    for a in objs:
        a.id = article_id(a.text)
    ids = {a.external_id: a.id for a in objs}
    coded = list(coder.code_articles(objs))
    one = Store(":memory:")
    t = time.process_time(); one.write_coded(coded); t_one = time.process_time() - t
    inc = Store(":memory:")
    t = time.process_time()
    for c in sorted(coded, key=lambda c: (str(c.article.published), c.article.id)):
        inc.write_coded([c])
    t_inc = time.process_time() - t
    rows = one.query(SQL + " ORDER BY e.article_id, e.id")
    match = cluster_lofo._match(rows, arts, ids)
    m_one = dict(one.con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall())
    m_inc = dict(inc.con.execute("SELECT event_id, cluster_id FROM cluster_members").fetchall())
    ref = learned_clusters(rows, on)
    d = cluster_lofo.load(argparse.Namespace(cache=args.cache), [nn])[nn]
    cached_ref = score(d["match"], learned_clusters(d["rows"], on))
    cached_rules = score(d["match"], cluster_mentions(d["rows"], on))
    res = {"store_one_batch": score(match, m_one), "store_by_article": score(match, m_inc),
           "reference_same_rows": score(match, ref), "rules_same_rows": score(match, cluster_mentions(rows, on)),
           "reference_cached_rows": cached_ref, "rules_cached_rows": cached_rules}
    print(nn, "mentions", len(rows), "| one==inc", m_one == m_inc, "| one==ref", m_one == ref,
          "| same rows as cache", len(rows) == len(d["rows"]), f"| cpu one {t_one:.2f}s by-article {t_inc:.2f}s")
    for k, v in res.items():
        print("   ", k, v)
        tot.setdefault(k, [0, 0, 0])
        tot[k] = [a + b for a, b in zip(tot[k], v[0])]
    if args.eval:
        r = evaluate([cluster_lofo.CORPUS / f"stories-{nn}.jsonl"])["all"]
        print("    gaiko cluster eval (enabled):", r["precision"], r["recall"], r["f1"], r["true_pairs"], r["false_merges"], r["missed_pairs"])
    sys.stdout.flush()
for k, v in tot.items():
    print("pooled", k, v, cluster_lofo.prf(tuple(v)))
