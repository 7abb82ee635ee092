"""Assignment among competing pledges (round p64; ``gaiko/data/pledges/assign.yaml``, off unless enabled there or by
``GAIKO_ASSIGN=1``).

Besides the rules' candidates (:func:`gaiko.tracking.link.candidates`), every later sentence in a pledge's window whose
sides admit the pledge's doer (it names the doer's side, or names none in an article whose context does) is
**widened**: a small logistic scorer ``s(pledge, sentence)`` reads features that *align* the pledge's act, object and
target phrases with the sentence's predicates and argument spans (frozen MiniLM vectors, :mod:`gaiko.meaning`), the
margin of that alignment over the same sentence's best alignment with the same actor's *other* pledges, and cheap rule
features (a done event, the tracker's reading of tense and negation, days since the pledge). A widened sentence is
**assigned** to a pledge only when its score is over ``threshold`` and it is the best of the actor's pledges for that
sentence by ``margin``; it is then read by the rules' clause reader as if it named the pledge's object
(:func:`forced_read`); what that reader cannot read stays ``needs_review``, never a guess. Rules-retrieved sentences
keep the rules' reading. Without the weights or the model file nothing is widened.

Round p65 (cost, same answers): an update keeps what it parses and encodes in the store (:data:`SPANS_TABLE`,
:data:`VECTORS_TABLE`), so a later update or ``compute_ledger`` does not redo it; spans are parsed in batches; and
pairs whose score cannot pass even with the best reading are cut before they are featured (``features(cut=...)``).

Round p66 (cost, same answers): split into :mod:`gaiko.tracking.assignstore` (spans and vectors, kept in the store by
model version), :mod:`gaiko.tracking.assignfeat` (widening, reading, features) and :mod:`gaiko.tracking.assigninc` (an
update recomputes only the actors whose widened sentences can change).

Round p68 (cost, same answers): with the cut on (the shipped scorer), the widened pairs stay arrays and the cut scores
them at once, with the days and the coder's events as the features read them (:mod:`gaiko.tracking.assigncut`); dicts,
reports and exact features only for the pairs that can pass. Recorders (and any subclass with its own :meth:`seen`)
keep round p65's path on dicts.

Round p70 (cost, same answers): :meth:`Assigner.extra` gives each widened sentence's state to an update and skips the
sentences whose state did not change (:mod:`gaiko.tracking.assigntops`).
"""

from __future__ import annotations

import math
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

from .assignfeat import DECIDING, FEATURES, features, forced_read, read_features, widened
from .assignstore import parse_spans, persisting, spans, spans_of, vectors

__all__ = ["settings", "assigner", "Assigner", "widened", "features", "FEATURES", "forced_read", "use", "persisting",
           "vectors", "spans_of", "spans", "parse_spans", "read_features", "DECIDING", "version"]

_DATA = Path(__file__).resolve().parents[1] / "data" / "pledges"



@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    import yaml

    path = _DATA / "assign.yaml"
    got = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {}
    return got or {}


_OVERRIDE: list[Any] = []


class use:  # noqa: N801 - a context manager named as a verb
    """Use ``a`` (an :class:`Assigner`, a recorder, or None) as the assigner inside the block (experiments, tests)."""

    def __init__(self, a: Any) -> None:
        self.a = a

    def __enter__(self) -> Any:
        _OVERRIDE.append(self.a)
        return self.a

    def __exit__(self, *exc: Any) -> None:
        _OVERRIDE.pop()


def assigner() -> Any:
    """The assigner the ledger uses, or None (off, no model, or no MiniLM weights)."""
    if _OVERRIDE:
        return _OVERRIDE[-1]
    env = os.environ.get("GAIKO_ASSIGN")
    on = env == "1" if env in ("0", "1") else bool(settings().get("enabled"))
    if not on:
        return None
    return _shipped()


@lru_cache(maxsize=1)

@lru_cache(maxsize=1)
def _shipped() -> Any:
    from ..meaning import available

    path = _DATA / str(settings().get("model", "assign_model.npz"))
    if not path.exists():
        _warn(f"the assigner's model {path.name} is missing")
        return None
    if not available():
        from ..meaning.weights import INSTALL_HINT

        _warn(f"the MiniLM weights are missing ({INSTALL_HINT})")
        return None
    import numpy as np

    z = np.load(path)
    return Assigner(list(z["names"]), z["coef"], float(z["intercept"]),
                    threshold=float(settings().get("threshold", 0.5)), margin=float(settings().get("margin", 0.0)))


def _warn(why: str) -> None:
    """One line on stderr (once a process: :func:`_shipped` is cached), no traceback: the ledger is computed as off."""
    import sys

    print(f"gaiko: warning: the pledge assigner is switched on (GAIKO_ASSIGN / assign.yaml) but {why}; "
          "the ledger is computed without it", file=sys.stderr)


def version(a: Any) -> str:
    """What a ledger computed with assigner ``a`` depends on beyond the store (empty: off), kept in ``meta`` so that an
    update switching it on, off or to another model starts afresh (round p66)."""
    if a is None:
        return ""
    import hashlib

    from .assignstore import minilm_version, spacy_version

    h = hashlib.md5(repr((list(getattr(a, "names", [])), [float(x) for x in getattr(a, "coef", [])],
                          float(getattr(a, "intercept", 0.0)), getattr(a, "threshold", None),
                          getattr(a, "margin", None), type(a).__name__)).encode()).hexdigest()[:12]
    return f"{h};{minilm_version()};{spacy_version()}"


class Assigner:
    """A logistic scorer over :data:`FEATURES` and the assignment rule (threshold, margin over the actor's other
    pledges)."""

    def __init__(self, names: list[str], coef: Any, intercept: float, *, threshold: float = 0.5,
                 margin: float = 0.0) -> None:
        self.names, self.coef, self.intercept = [str(n) for n in names], coef, intercept
        self.threshold, self.margin = threshold, margin

    exhaustive = False  # a recorder reads every pair
    cuts = True  # round p65: pairs whose bound cannot pass are not featured (:func:`features`, ``cut``); same result

    def _terms(self, lifted: bool) -> list[tuple[str, float]]:
        """(name, weight as a float) in order, without the readings when ``lifted``: the same terms, in the same order,
        as the sum always had (made once per scorer and names/weights object)."""
        key = (lifted, id(self.names), id(self.coef))
        got = self.__dict__.setdefault("_terms_of", {}).get(key)
        if got is None:
            got = self._terms_of[key] = [(n, float(w)) for n, w in zip(self.names, self.coef)
                                         if not n.startswith("read_") or not lifted]
        return got

    def prob(self, feats: dict[str, Any], lift: float = 0.0) -> float:
        """The score; ``lift``: added for an unread pair (the largest weight of a reading: an upper bound)."""
        terms = self._terms(bool(lift))
        z = self.intercept + lift + sum(w * float(feats.get(n, 0.0)) for n, w in terms)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def extra(self, con: Any, frames: list[Any], groups: list[list[dict[str, Any]]],
              cands: dict[int, list[dict[str, Any]]], matched: dict[int, list[dict[str, Any]]], as_of: str,
              sentences: Any, lex: Any, only: str | None = None, keep: list[Any] | None = None,
              skip: Any = None) -> dict[int, list[dict[str, Any]]]:
        """Evidence the widened sentences assigned to each pledge position give (``only``: of the articles that table
        lists, an update's new ones: :func:`gaiko.tracking.assigninc.catch_up`). Round p70, on the arrays' path only:
        ``keep`` (a list) gets each widened (actor, sentence)'s state, (actor, (article, index), its top's pledge
        positions, the positions whose pair can pass, whether the rules read it as deciding); ``skip`` (a function of
        that list) says which (actor, (article, index)) not to assign: their evidence is what it was
        (:mod:`gaiko.tracking.assigntops`). Elsewhere ``keep`` is left empty and nothing is skipped."""
        taken = {g: {(c["article_id"], c["idx"]) for c in cs} for g, cs in cands.items()}
        # the reading is the dear part: read only where the score could reach the threshold (an upper bound over the
        # readings), or everywhere for a recorder; the decision is the same
        lift = max(0.0, *(float(w) for n, w in zip(self.names, self.coef) if n.startswith("read_")))
        floor = self.threshold - self.margin
        # round p65: an (actor, sentence) none of whose pairs can reach that bound is not even featured: all its pairs
        # would be unread (score 0), so it assigns nothing either way
        cut = None
        plain = set(FEATURES) - {f"read_{r}" for r in (*DECIDING, "restates", "none")}
        if self.cuts and not self.exhaustive and 0.0 < floor < 1.0 and plain <= set(self.names):
            wts = {n: float(x) for n, x in zip(self.names, self.coef)}
            wts["intercept"] = float(self.intercept)
            cut = (wts, lift, math.log(floor / (1.0 - floor)))
        if cut is not None and self.threshold > 0 and type(self).seen is Assigner.seen:
            # round p68: the widening and the cut on arrays, dicts only for the pairs that can pass (same answers)
            return self._arrays(con, frames, groups, matched, as_of, sentences, lex, only, taken, cut, keep, skip)
        wide = widened(con, frames, as_of, taken, only)
        if not wide:
            return {}
        reports = sentences.reports_for(con, wide)
        feats = features(frames, groups, wide, reports, lex, con, cut)
        for (g, art, idx), fs in feats.items():
            if fs.get("_unread"):  # left out by the cut (round p65): its bound cannot pass
                continue
            if self.exhaustive or self.prob(fs, lift) >= floor:
                read_features(frames[g], reports[(art, idx)], lex, fs)
            else:
                fs["_relation"], fs["_cue"], fs["_unread"] = "unread", "", True
        self.seen(frames, groups, wide, feats)
        cands_of = {(c["article_id"], c["idx"]): c for cs in wide.values() for c in cs}
        return self._assign(frames, matched, feats, reports, cands_of, set())

    def _arrays(self, con: Any, frames: list[Any], groups: list[list[dict[str, Any]]],
                matched: dict[int, list[dict[str, Any]]], as_of: str, sentences: Any, lex: Any, only: str | None,
                taken: dict[int, set[tuple[str, int]]], cut: Any, keep: list[Any] | None = None, skip: Any = None
                ) -> dict[int, list[dict[str, Any]]]:
        """:meth:`extra` with the widened pairs as arrays (:mod:`gaiko.tracking.assigncut`, round p68)."""
        import numpy as np

        from .assigncut import cut as bound, widen
        from .assignfeat import exact, prepare

        w = widen(con, frames, as_of, taken, only)
        if w is None:
            return {}
        ctx = prepare(frames, groups, {k: w.info[s][0] for s, k in enumerate(w.keys)}, con)
        tops: dict[Any, Any] | None = {} if keep is not None or skip is not None else None
        rows, grouped = bound(w, frames, ctx, cut, tops)
        decided = _decided(frames, matched)
        if tops is not None:
            # round p70: each (actor, sentence)'s state; those ``skip`` names are not assigned again
            states = [(d, w.keys[s], tuple(sorted(top)), tuple(sorted(rd)), (d, *w.keys[s]) in decided)
                      for (d, s), (top, rd) in tops.items()]
            if keep is not None:
                keep.extend(states)
            if skip is not None:
                gone = skip(states)
                if gone:
                    names = sorted({frames[g].doer.split("/")[0] for g in np.unique(w.pg).tolist()})
                    num = {d: n for n, d in enumerate(names)}
                    sid = {k: s for s, k in enumerate(w.keys)}
                    codes = np.array([num[d] * len(w.keys) + sid[k] for d, k in gone if d in num], dtype=np.int64)
                    dn = np.array([num.get(f.doer.split("/")[0], 0) if f.doer else 0 for f in frames], dtype=np.int64)
                    left = ~np.isin(dn[w.pg] * len(w.keys) + w.ps, codes)
                    grouped = grouped & left
                    rows = rows[left[rows]]
        # the reports of the sentences that can be assigned only (the same reports: the cut reads the events in SQL)
        made = {int(s): w.cand(int(s)) for s in np.unique(w.ps[grouped])}
        reports = sentences.reports_for(con, {0: list(made.values())})
        # a sentence the rules read as deciding one of the actor's pledges is not assigned: its pairs are not featured
        if decided:
            rows = np.array([r for r, g, s in zip(rows.tolist(), w.pg[rows].tolist(), w.ps[rows].tolist())
                             if (frames[g].doer.split("/")[0], *w.keys[s]) not in decided], dtype=np.int64)
        feats = exact(ctx, frames, w.dicts(rows), reports)
        _wts, lift, _z = cut
        floor = self.threshold - self.margin
        for (g, art, idx), fs in feats.items():
            if self.prob(fs, lift) >= floor:
                read_features(frames[g], reports[(art, idx)], lex, fs)
            else:
                fs["_relation"], fs["_cue"], fs["_unread"] = "unread", "", True
        # (actor, sentence)s with a pair that can pass and another that cannot: that one counts as unread (score 0)
        rest = grouped.copy()
        rest[rows] = False
        zeros = {(frames[g].doer.split("/")[0], *w.keys[s]) for g, s in zip(w.pg[rest].tolist(), w.ps[rest].tolist())}
        return self._assign(frames, matched, feats, reports, {w.keys[s]: c for s, c in made.items()}, zeros)

    def _assign(self, frames: list[Any], matched: dict[int, list[dict[str, Any]]],
                feats: dict[tuple[int, str, int], dict[str, Any]], reports: dict[tuple[str, int], Any],
                cands_of: dict[tuple[str, int], dict[str, Any]], zeros: set[tuple[str, str, int]]
                ) -> dict[int, list[dict[str, Any]]]:
        """Each widened sentence to the actor's best pledge, if over the threshold and ahead by the margin; ``zeros``:
        (actor, article, index) that also have unread pairs not in ``feats`` (score 0)."""
        # the rules' deciding links: a sentence they read as deciding one of the actor's pledges is not assigned again
        decided = _decided(frames, matched)
        probs = {key: self.prob(fs) if not fs.get("_unread") else 0.0 for key, fs in feats.items()}
        best: dict[tuple[str, str, int], list[tuple[float, int]]] = {}
        for (g, art, idx), p in probs.items():
            best.setdefault((frames[g].doer.split("/")[0], art, idx), []).append((p, g))
        for key in zeros:  # an unread pair: score 0 (never the winner: the threshold is over 0)
            if key in best:
                best[key].append((0.0, -1))
        out: dict[int, list[dict[str, Any]]] = {}
        for (doer, art, idx), ps in sorted(best.items()):
            if (doer, art, idx) in decided:
                continue
            ps.sort(key=lambda x: (-x[0], x[1]))
            p, g = ps[0]
            if p < self.threshold or (len(ps) > 1 and p - ps[1][0] < self.margin):
                continue
            fs = feats[(g, art, idx)]
            rel = str(fs["_relation"])
            if rel == "unrelated":
                continue
            if rel not in (*DECIDING, "restates", "revises", "unclear"):
                rel = "needs_review"
            c = cands_of[(art, idx)]
            r = reports[(art, idx)]
            done = [e for e in r.events if not e.get("intended")]
            ev = next((e for e in done if e.get("event_type") == frames[g].event_type), done[0] if done else None)
            note = f"assigned {p:.2f}" + (f"; {fs['_cue']}" if fs["_cue"] else "")
            out.setdefault(g, []).append({"article_id": art, "published": c["published"], "sentence_index": idx,
                                          "sentence": c["text"], "relation": rel,
                                          "event_id": ev["id"] if ev else None, "note": note})
        return out

    def seen(self, frames: list[Any], groups: list[list[dict[str, Any]]], wide: dict[int, list[dict[str, Any]]],
             feats: dict[tuple[int, str, int], dict[str, float]]) -> None:
        """A hook for recorders (experiments): nothing here."""


def _decided(frames: list[Any], matched: dict[int, list[dict[str, Any]]]) -> set[tuple[str, str, int]]:
    """(actor, article, index) of the sentences the rules read as deciding one of the actor's pledges."""
    return {(frames[g].doer.split("/")[0], ev["article_id"], ev["sentence_index"])
            for g, evs in matched.items() for ev in evs if ev["relation"] in DECIDING and frames[g].doer}
