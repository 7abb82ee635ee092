"""The learned relation model: a logistic regression over the rules' reading of a report, read with numpy.

The rules of :mod:`gaiko.tracking.decide` say what a report does to a pledge and why; the model takes
their reading (the relation they chose, the words and verb forms they saw: :func:`features`) plus the
report's own words, and gives a probability for each relation. It is trained on the tuned part of gaiko's
labelled pledge/report pairs (``python -m gaiko.learn.relations``, needs ``gaiko[train]``) and shipped as
``gaiko/data/pledges/relation_model.npz`` (feature names, classes, weights). The ledger asks it only about
the reports the rules leave undecided (``needs_review``), and takes its answer only when it is sure
(:func:`ledger_threshold`: ``relation_model_threshold`` of ``gaiko/data/pledges/status_policy.yaml``, the one source
of the threshold; the file's stored ``threshold`` is the copy the trainer writes, never read to decide); otherwise the
report stays for review. docs/pledges.md gives its figures on the
blind pairs and storylines, against the rules alone.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..tables import word_lists
from .clause import Decision, Report, sentence_memo
from .lexicon import Lexicon
from .normalise import Frame
from .text import ACT, OBJECT, keys, tokens_hits

__all__ = ["features", "RelationModel", "relation_model", "ledger_threshold", "MODEL_FILE"]

MODEL_FILE = "pledges/relation_model.npz"
#: word lists: ``gaiko/data/pledges/relation_features.yaml`` (read once, on first use)
_WORDS = "pledges/relation_features.yaml"


def _wl(key: str) -> tuple[str, ...]:
    """A word list of ``pledges/relation_features.yaml`` in file order: ``negation``, ``future``."""
    return word_lists(_WORDS)[key]


def features(frame: Frame, report: Report, decision: Decision, lex: Lexicon) -> dict[str, float]:
    """What the model reads: the rules' relation and findings, overlaps of meaning, and the report's words
    (``w:<lemma>``). Names and values are plain, so a person can read the weights."""
    f, words = _features(frame, report, decision, lex)
    f.update(words)
    return f


def _features(frame: Frame, report: Report, decision: Decision, lex: Lexicon) -> tuple[dict[str, float],
                                                                                      dict[str, float]]:
    """:func:`features` in two parts: those of the pair, and the report's words (one dict per report, not to be
    changed)."""
    f: dict[str, float] = {f"rule:{decision.relation}": 1.0, f"kind:{frame.kind}": 1.0}
    f.update({f"r:{k}": float(v) for k, v in decision.features.items()})
    memo = sentence_memo(report, lex)
    got = memo.get("model")
    if got is None:  # what the sentence alone gives
        toks, found = tokens_hits(report.text)
        concepts = frozenset(h.concept for h in found)
        words = [t.text for t in toks]
        got = memo["model"] = (
            frozenset(keys(report.text, lex)), concepts, float(not any(c.startswith(OBJECT) for c in concepts)),
            frozenset(c for c in concepts if c.startswith(ACT)), float(any(w in _wl("negation") for w in words)),
            float(any(w in _wl("future") for w in words)),
            {"w:" + lex.lemmas(t.text)[0][0]: 1.0 for t in toks if t.text[:1].isalpha()})
    ks, concepts, objects_none, acts_named, neg_any, future_any, lemmas = got
    topic = ks & (frame.topic - frame.name_only)  # the names kind C adds retrieve; the model was fitted without (t61)
    f["shared_topic"] = float(len(topic))
    f["shared_heads"] = float(not ks.isdisjoint(frame.heads))
    f["shared_narrow"] = float(len(ks & frame.narrow))
    f["shared_concepts"] = float(len({k for k in topic if ":" in k}))
    f["act_any"] = float(not concepts.isdisjoint(frame.acts))
    opposite = {x for a in frame.acts for x in lex.opposite.get(a, ())}
    f["opposite_any"] = float(not concepts.isdisjoint(opposite))
    f["objects_none"] = objects_none
    f["acts_other"] = float(not acts_named <= (frame.acts | opposite))
    f["neg_any"] = neg_any
    f["future_any"] = future_any
    f["late"] = float(bool(frame.deadline_end and report.published and report.published[:10] > frame.deadline_end))
    f["no_deadline"] = float(not frame.deadline_end)
    return f, lemmas


def ledger_threshold() -> float:
    """The probability the model needs to decide a report: ``GAIKO_RELATION_MODEL_THRESHOLD`` where it is set (to score
    another threshold without shipping it), else the status policy's ``relation_model_threshold``. The ledger and the
    pair scorer both read it here (round L45: the pair scorer used the file's stored threshold, the CV's 0.0)."""
    import os

    from .policy import status_policy

    th = os.environ.get("GAIKO_RELATION_MODEL_THRESHOLD")
    return float(th) if th else status_policy().threshold


class RelationModel:
    """A multinomial logistic regression: ``names`` (feature names), ``classes``, ``coef`` (classes x names),
    ``intercept``, and the ``threshold`` its file records (the trainer writes the ledger's; decisions take
    :func:`ledger_threshold` unless given another)."""

    def __init__(self, names: list[str], classes: list[str], coef: Any, intercept: Any, threshold: float) -> None:
        import numpy as np

        self.index = {n: i for i, n in enumerate(names)}
        self.classes = list(classes)
        self.coef = np.asarray(coef, dtype=np.float32)
        self.intercept = np.asarray(intercept, dtype=np.float32)
        self.threshold = float(threshold)

    def _vector(self, feats: dict[str, float], ones: list[int] | None = None) -> Any:
        """The input vector of ``feats``, and 1.0 at the positions ``ones`` (of other names than those of ``feats``)."""
        import numpy as np

        x = np.zeros(len(self.index), dtype=np.float32)
        index = self.index
        known = [(i, v) for k, v in feats.items() if (i := index.get(k)) is not None]
        if known:
            at, values = zip(*known)
            x[list(at)] = values  # (each name once: the same vector as setting them one by one)
        if ones:
            x[ones] = 1.0
        return x

    def _probabilities(self, x: Any) -> dict[str, float]:
        import numpy as np

        z = self.coef @ x + self.intercept
        z = np.exp(z - z.max())
        p = z / z.sum()
        return {c: float(v) for c, v in zip(self.classes, p)}

    def probabilities(self, feats: dict[str, float]) -> dict[str, float]:
        return self._probabilities(self._vector(feats))

    def decide(self, feats: dict[str, float], rules: Decision, threshold: float | None = None) -> Decision:
        """The model's relation when it is sure (its probability at least ``threshold``, by default
        :func:`ledger_threshold`), else the rules' (with the probability in the note)."""
        return self._decide(self.probabilities(feats), rules, threshold)

    def decide_report(self, frame: Frame, report: Report, rules: Decision, lex: Lexicon,
                      threshold: float | None = None) -> Decision:
        """:meth:`decide` on the :func:`features` of a pair, the report's words looked up once per report."""
        pair, words = _features(frame, report, rules, lex)
        memo = sentence_memo(report, lex)
        ones = memo.get(("model", id(self)))
        if ones is None:
            ones = memo[("model", id(self))] = [i for k in words if (i := self.index.get(k)) is not None]
        return self._decide(self._probabilities(self._vector(pair, ones)), rules, threshold)

    def _decide(self, p: dict[str, float], rules: Decision, threshold: float | None) -> Decision:
        best = max(p, key=p.__getitem__)
        if best == rules.relation or p[best] < (ledger_threshold() if threshold is None else threshold):
            return rules
        note = f"relation model {p[best]:.2f} (rules: {rules.relation})"
        return Decision(best, cue=rules.cue, note=note, features=rules.features)


@lru_cache(maxsize=2)
def relation_model(path: str | None = None) -> RelationModel | None:
    """The shipped model, or None when the data file is absent (the rules decide alone).
    Raises :class:`gaiko.errors.DataFileError` for a file that is not a model."""
    import numpy as np

    from ..errors import DataFileError
    from ..tables import data_path

    p = path or str(data_path(MODEL_FILE))
    try:
        with np.load(p, allow_pickle=False) as z:
            return RelationModel([str(x) for x in z["names"]], [str(x) for x in z["classes"]], z["coef"], z["intercept"],
                                 float(z["threshold"]))
    except FileNotFoundError:
        return None
    except (KeyError, ValueError, OSError) as exc:
        raise DataFileError(p, f"not a relation model ({exc}); rebuild it with python -m gaiko.learn.relations") from None
