"""Spans and MiniLM vectors of the sentences the assigner widens (round p64; :mod:`gaiko.tracking.assign`), kept per
process and, inside an update (:class:`persisting`), in the store (round p65), keyed by the text's hash and the model's
version (round p66: a new MiniLM or spaCy model re-encodes and re-parses instead of reusing stale rows)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .tables import registered, stored_table

__all__ = ["vectors", "spans_of", "spans", "parse_spans", "persisting", "VECTORS_TABLE", "SPANS_TABLE", "MEANING_VECTORS_TABLE",
           "minilm_version", "spacy_version"]

_VECS: dict[str, Any] = {}
#: round p65: spans and vectors of widened sentences kept in the store, keyed by the text's hash, so that a later update
#: (a rebuild while the assigner is on) or ``compute_ledger`` neither parses nor encodes a text again. Only an update
#: writes them (:class:`persisting`); anything reads them where they exist.
VECTORS_TABLE = "assign_vectors"
SPANS_TABLE = "assign_spans"
#: round M49: the meaning link's vectors (act texts and clauses), kept the same way in a table of their own
MEANING_VECTORS_TABLE = "meaning_vectors"
_DDL = {VECTORS_TABLE: f"CREATE TABLE IF NOT EXISTS {VECTORS_TABLE} (h VARCHAR, vec BLOB)",
        MEANING_VECTORS_TABLE: f"CREATE TABLE IF NOT EXISTS {MEANING_VECTORS_TABLE} (h VARCHAR, vec BLOB)",
        SPANS_TABLE: f"CREATE TABLE IF NOT EXISTS {SPANS_TABLE} (h VARCHAR, preds VARCHAR[], args VARCHAR[])"}
_WRITING: list[Any] = []


class persisting:  # noqa: N801 - a context manager named as a verb
    """Inside the block, spans and vectors made on connection ``con`` are written to the store (an update)."""

    def __init__(self, con: Any) -> None:
        self.con = con

    def __enter__(self) -> Any:
        _WRITING.append(self.con)
        return self.con

    def __exit__(self, *exc: Any) -> None:
        _WRITING.pop()


def _hash(text: str, tag: str = "") -> str:
    """The key of a text's row: the MD5 of the model's version (round p66; see :func:`minilm_version`) and the text."""
    import hashlib

    return hashlib.md5(f"{tag}\x00{text}".encode() if tag else text.encode("utf-8")).hexdigest()


def _package_version(name: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None
    except Exception:  # a broken installation: no version
        return None


@lru_cache(maxsize=1)
def minilm_version() -> str:
    """The MiniLM weights' version, read without loading them: the weights folder's package version (or the
    folder's name), the size and modification time of ``model.safetensors`` and the hash of ``config.json``."""
    import hashlib

    from ..meaning.weights import PACKAGE, model_dir

    folder = model_dir()
    if folder is None:
        return "minilm:none"
    parts = [f"minilm:{_package_version(PACKAGE.replace('_', '-')) or folder.name}"]
    try:
        st = (folder / "model.safetensors").stat()
        parts.append(f"{st.st_size}:{int(st.st_mtime)}")
        parts.append(hashlib.md5((folder / "config.json").read_bytes()).hexdigest()[:8])
    except OSError:
        parts.append("?")
    return "/".join(parts)


@lru_cache(maxsize=1)
def spacy_version() -> str:
    """spaCy's version and the first installed parser package's name and version (:data:`gaiko.nlp.MODEL_NAMES`,
    the order :func:`gaiko.nlp.load_model` tries them), read without importing spaCy."""
    from ..nlp import MODEL_NAMES

    model = next((f"{n}-{v}" for n in MODEL_NAMES if (v := _package_version(n))), "?")
    return f"spacy:{_package_version('spacy') or '?'}/{model}"


def _tag(table: str) -> str:
    return spacy_version() if table == SPANS_TABLE else minilm_version()


def _stored(con: Any, table: str, texts: list[str], cols: str) -> dict[str, tuple[Any, ...]]:
    """Rows of ``table`` for ``texts`` (by hash), where the table exists."""
    if con is None or not texts:
        return {}
    if not stored_table(con, table):
        return {}
    hs = {_hash(t, _tag(table)): t for t in texts}
    with registered(con, "_gaiko_assign_h", {"h": list(hs)}):
        rows = con.execute(f"SELECT x.h, {cols} FROM {table} x JOIN _gaiko_assign_h q ON q.h = x.h").fetchall()
    return {hs[r[0]]: tuple(r[1:]) for r in rows}


def _writing(con: Any) -> bool:
    return con is not None and any(c is con for c in _WRITING)


def writing(con: Any) -> bool:
    """Whether an update writes to ``con`` (inside :class:`persisting`)."""
    return _writing(con)


def _absent(con: Any, table: str, texts: list[str]) -> list[str]:
    """Those of ``texts`` (distinct) that ``table`` lacks, when an update writes (else none): a text this process
    already holds is still written to a store that lacks it."""
    if not texts or not _writing(con):
        return []
    if not stored_table(con, table):
        return texts
    hs = {_hash(t, _tag(table)): t for t in texts}
    with registered(con, "_gaiko_assign_h", {"h": list(hs)}):
        have = {r[0] for r in con.execute(f"SELECT x.h FROM {table} x JOIN _gaiko_assign_h q ON q.h = x.h").fetchall()}
    return [t for h, t in hs.items() if h not in have]


def _keep(con: Any, table: str, columns: dict[str, list[Any]]) -> None:
    """Write rows to ``table`` when an update asked for it (:class:`persisting`)."""
    if not columns["h"] or not _writing(con):
        return
    con.execute(_DDL[table])
    with registered(con, "_gaiko_assign_new", columns):
        con.execute(f"INSERT INTO {table} SELECT DISTINCT ON (n.h) n.* FROM _gaiko_assign_new n "
                    f"WHERE n.h NOT IN (SELECT h FROM {table})")


def vectors(texts: list[str], con: Any = None, table: str = VECTORS_TABLE) -> dict[str, Any]:
    """MiniLM vectors of texts (kept per process, and in the store with ``con``: see :data:`VECTORS_TABLE`; ``table``
    :data:`MEANING_VECTORS_TABLE` for the meaning link's, round M49). Texts neither kept nor stored are encoded in
    one call, in first-seen order."""
    import numpy as np

    from ..meaning import encode

    want = [t for t in dict.fromkeys(texts) if t not in _VECS]
    if want:
        got = _stored(con, table, want, "x.vec")
        for t, (b,) in got.items():
            _VECS[t] = np.frombuffer(b, dtype=np.float32).copy()
        rest = [t for t in want if t not in got]
        if rest:
            for t, v in zip(rest, encode(rest)):
                _VECS[t] = v
    new = _absent(con, table, list(dict.fromkeys(texts)))
    _keep(con, table, {"h": [_hash(t, minilm_version()) for t in new], "vec": [_VECS[t].tobytes() for t in new]})
    return {t: _VECS[t] for t in texts}


def spans_of(texts: list[str], con: Any = None) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """:func:`spans` of texts: kept per process, read from the store where kept there (:data:`SPANS_TABLE`), the rest
    parsed in one :func:`parse_spans` call."""
    want = [t for t in dict.fromkeys(texts) if t not in _SPANS]
    got = {t: (tuple(p), tuple(a)) for t, (p, a) in _stored(con, SPANS_TABLE, want, "x.preds, x.args").items()}
    rest = [t for t in want if t not in got]
    if rest:
        got.update(zip(rest, parse_spans(rest)))
    _SPANS.update(got)
    new = _absent(con, SPANS_TABLE, list(dict.fromkeys(texts)))
    _keep(con, SPANS_TABLE, {"h": [_hash(t, spacy_version()) for t in new], "preds": [list(_SPANS[t][0]) for t in new],
                             "args": [list(_SPANS[t][1]) for t in new]})
    return {t: _SPANS[t] for t in texts}


_SPANS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
#: the parser's components :func:`spans` needs no output of (the entity recogniser has its own token vectors: the
#: tagger's and parser's output do not depend on it)
_UNUSED = ["ner"]


def parse_spans(texts: list[str]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """:func:`spans` of many texts, parsed in batches (``nlp.pipe``; round p65: four times faster than one call each,
    the same spans)."""
    from ..nlp import load_model

    nlp = load_model()
    return [_spans_doc(d) for d in nlp.pipe(texts, disable=[n for n in _UNUSED if n in nlp.pipe_names], batch_size=64)]


def spans(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(predicate phrases, argument spans) of a sentence: each verb with its object, passive subject or prepositional
    objects; the noun chunks and those argument subtrees."""
    return parse_spans([text])[0]


def _spans_doc(doc: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    preds: list[str] = []
    args: list[str] = []
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        parts = [tok.lemma_.lower()]
        for ch in tok.children:
            if ch.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "prt", "acomp"):
                sub = " ".join(t.text for t in list(ch.subtree)[:8])
                parts.append(sub)
                args.append(sub)
            elif ch.dep_ in ("prep", "agent"):
                for g in ch.children:
                    if g.dep_ == "pobj":
                        sub = " ".join(t.text for t in list(g.subtree)[:8])
                        parts.append(f"{ch.text} {sub}")
                        args.append(sub)
        preds.append(" ".join(parts))
    args += [c.text for c in doc.noun_chunks if not all(t.is_stop or t.pos_ == "PRON" for t in c)]
    return tuple(dict.fromkeys(preds))[:12], tuple(dict.fromkeys(args))[:16]
