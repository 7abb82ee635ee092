"""The learned PLOVER type model: a small classifier over clause features.

For every candidate clause head of a sentence (:func:`~gaiko.pipeline.clausefeatures.candidate_tokens`)
the model gives a probability for each of 17 labels: ``NONE`` (no event here)
and the 16 PLOVER types. Its features (:mod:`gaiko.pipeline.clausefeatures`)
include what the rule lexicons say of the token, so the model learns when the
rules are right and covers the phrasings they miss.

The artefact is a NumPy ``.npz`` file in ``gaiko/data/typemodel/`` with

* ``features``: the feature vocabulary (N strings),
* ``weights``: float16 array (N, H): the first layer (H = 17 for a linear model),
* ``bias``: float32 array (H,),
* ``labels``: the 17 label names,
* for a one-hidden-layer network (H hidden units, ReLU): ``out_weights`` (H, 17) and ``out_bias`` (17,),
* optionally a linear path beside the network: ``linear_weights`` (N, 17, float16), ``linear_bias`` (17,) and
  ``linear_mix`` (a scalar w): the scores are ``(1 - w) * network + w * linear`` before the softmax (a wide and
  deep model: the linear path keeps what single features say, the network their combinations),

and ``meta.json`` beside it (training corpus, date, seed, blind-split figures).
It is trained by ``python -m gaiko.learn train`` (``docs/accuracy.md``).
Scoring a sentence costs one dictionary lookup per feature and one sum of
rows per candidate: well under a millisecond.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import DataFileError
from ..tables import data_path
from ..types import PLOVER_TYPES

__all__ = ["LABELS", "TypeModel", "default_model_path", "load_type_model", "check_type_model_spec", "model_from_spec",
           "ENV_VAR"]

#: environment variable naming the type model for every coder of a run (worker processes inherit it):
#: an artefact path, or ``rules`` for the rule lexicons alone
ENV_VAR = "GAIKO_TYPE_MODEL"

LABELS: tuple[str, ...] = ("NONE", *PLOVER_TYPES)


def default_model_path() -> Path:
    """Where the shipped model lives (``gaiko/data/typemodel/typemodel.npz``)."""
    return data_path("typemodel/typemodel.npz")


class TypeModel:
    """Scorer over sparse binary features: ``softmax(sum(weights[f] for f in features) + bias)`` for a
    linear model, ``softmax(relu(sum(weights[f]) + bias) @ out_weights + out_bias)`` with a hidden layer.

    ``vocab`` maps feature strings to rows of ``weights`` (shape (N, H)).
    """

    def __init__(self, vocab: dict[str, int], weights: np.ndarray, bias: np.ndarray,
                 labels: Sequence[str] = LABELS, meta: dict[str, Any] | None = None,
                 out_weights: np.ndarray | None = None, out_bias: np.ndarray | None = None,
                 linear_weights: np.ndarray | None = None, linear_bias: np.ndarray | None = None,
                 linear_mix: float = 0.0) -> None:
        width = len(labels) if out_weights is None else out_weights.shape[0]
        if weights.shape != (len(vocab), width) or bias.shape != (width,) or (
                out_weights is not None and (out_weights.shape != (width, len(labels))
                                             or out_bias is None or out_bias.shape != (len(labels),))):
            raise DataFileError("typemodel", f"weights {weights.shape} / bias {bias.shape} do not fit "
                                             f"{len(vocab)} features and {len(labels)} labels")
        self.vocab = vocab
        self.weights = weights.astype(np.float32)
        self.bias = bias.astype(np.float32)
        self.out_weights = None if out_weights is None else out_weights.astype(np.float32)
        self.out_bias = None if out_bias is None else out_bias.astype(np.float32)
        self.labels = tuple(labels)
        self.meta = meta or {}
        self.index = {lab: i for i, lab in enumerate(self.labels)}
        self.linear_mix = 0.0
        self.linear_bias: np.ndarray | None = None
        self._stacked = self.weights
        if linear_weights is not None and linear_mix > 0.0:
            self.add_linear(linear_weights, linear_bias if linear_bias is not None else np.zeros(len(labels)),
                            linear_mix)

    @property
    def linear_weights(self) -> np.ndarray | None:
        """(N, 17) weights of the linear path, or None without one."""
        return self._stacked[:, self.weights.shape[1]:] if self.linear_mix > 0.0 else None

    def add_linear(self, weights: np.ndarray, bias: np.ndarray, mix: float) -> None:
        """Put a linear path (``weights`` (N, 17) over this model's vocabulary, ``bias`` (17,)) beside a network;
        ``mix`` in (0, 1] is its share of the scores. :class:`DataFileError` when the shapes do not fit."""
        if self.out_weights is None or weights.shape != (len(self.vocab), len(self.labels)) \
                or bias.shape != (len(self.labels),) or not 0.0 < mix <= 1.0:
            raise DataFileError("typemodel", f"a linear path {weights.shape} / mix {mix} does not fit this model")
        self.linear_mix = float(mix)
        self.linear_bias = bias.astype(np.float32)
        self._stacked = np.hstack([self.weights, weights.astype(np.float32)])  # one gather for both paths
        self.weights = self._stacked[:, :self.weights.shape[1]]  # a view: the network's rows are not held twice

    def logits(self, rows: Sequence[Sequence[str]], shared: Sequence[str] = ()) -> np.ndarray:
        """(len(rows), n_labels) raw scores for feature rows; ``shared`` features (the sentence's own)
        count for every row and are summed once."""
        vocab = self.vocab
        table = self._stacked
        base = self.bias if self.linear_bias is None else np.concatenate([self.bias, self.linear_bias])
        base = base.copy()
        sidx = [j for f in shared if (j := vocab.get(f)) is not None]
        if sidx:
            base += table[sidx].sum(axis=0)
        out = np.tile(base, (len(rows), 1))
        idx: list[int] = []
        starts: list[int] = []
        which: list[int] = []
        for k, feats in enumerate(rows):
            n0 = len(idx)
            idx.extend(j for f in feats if (j := vocab.get(f)) is not None)
            if len(idx) > n0:
                starts.append(n0)
                which.append(k)
        if idx:
            out[which] += np.add.reduceat(table[idx], starts, axis=0)
        if self.out_weights is not None:
            width = self.weights.shape[1]
            hidden = out[:, :width]
            np.maximum(hidden, 0.0, out=hidden)
            net = hidden @ self.out_weights + self.out_bias
            if self.linear_mix > 0.0:
                return (1.0 - self.linear_mix) * net + self.linear_mix * out[:, width:]
            return net
        return out

    def predict_proba(self, rows: Sequence[Sequence[str]], shared: Sequence[str] = ()) -> np.ndarray:
        """(len(rows), n_labels) probabilities; each row sums to 1."""
        z = self.logits(rows, shared)
        if not len(z):
            return z
        z -= z.max(axis=1, keepdims=True)
        np.exp(z, out=z)
        z /= z.sum(axis=1, keepdims=True)
        return z

    def save(self, path: str | Path) -> None:
        """Write the ``.npz`` artefact and ``meta.json`` beside it."""
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        feats = sorted(self.vocab, key=self.vocab.__getitem__)
        extra = {} if self.out_weights is None else {"out_weights": self.out_weights.astype(np.float16),
                                                     "out_bias": self.out_bias}
        if self.linear_mix > 0.0:
            lw = self.linear_weights
            assert lw is not None and self.linear_bias is not None
            extra.update(linear_weights=lw.astype(np.float16), linear_bias=self.linear_bias,
                         linear_mix=np.array(self.linear_mix, dtype=np.float32))
        with p.open("wb") as fh:
            np.savez_compressed(fh, features=np.array(feats), weights=self.weights.astype(np.float16),
                                bias=self.bias, labels=np.array(self.labels), **extra)
        p.with_name("meta.json").write_text(json.dumps(self.meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> TypeModel:
        """Read an artefact written by :meth:`save`; :class:`DataFileError` when it is missing or broken."""
        p = Path(path)
        try:
            with np.load(p, allow_pickle=False) as z:
                feats = [str(f) for f in z["features"]]
                weights, bias, labels = z["weights"], z["bias"], [str(x) for x in z["labels"]]
                out_w = z["out_weights"] if "out_weights" in z.files else None
                out_b = z["out_bias"] if "out_bias" in z.files else None
                lin_w = z["linear_weights"] if "linear_weights" in z.files else None
                lin_b = z["linear_bias"] if "linear_bias" in z.files else None
                mix = float(z["linear_mix"]) if "linear_mix" in z.files else 0.0
        except FileNotFoundError:
            raise DataFileError(str(p), "type model not found; train one with `python -m gaiko.learn train`") from None
        except (OSError, KeyError, ValueError) as exc:
            raise DataFileError(str(p), f"unreadable type model ({exc}); retrain with `python -m gaiko.learn train`") from None
        meta_path = p.with_name("meta.json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        return cls({f: i for i, f in enumerate(feats)}, weights, bias, labels, meta, out_w, out_b, lin_w, lin_b, mix)


@lru_cache(maxsize=4)
def load_type_model(path: str | None = None) -> TypeModel | None:
    """The model at ``path`` (default: the shipped one), cached; None when no model ships."""
    p = Path(path) if path else default_model_path()
    if path is None and not p.is_file():
        return None
    return TypeModel.load(p)


def check_type_model_spec(spec: str) -> str:
    """``spec`` if it is ``rules`` or a readable artefact, else :class:`DataFileError` saying what to give."""
    if spec == "rules":
        return spec
    TypeModel.load(spec)  # raises with the reason
    return str(Path(spec).resolve())


def model_from_spec(spec: str | bool | None) -> TypeModel | None:
    """The model a coder uses: ``False``/``"rules"`` none; a path that artefact; None the ``GAIKO_TYPE_MODEL``
    environment variable when set, else the shipped model."""
    import os

    if spec is None:
        spec = os.environ.get(ENV_VAR) or None
    if spec is False or spec == "rules":
        return None
    return load_type_model(None if spec in (None, True) else str(spec))
