"""Averaging type models into one artefact (``python -m gaiko.learn ensemble A B ... --out PATH``).

Networks with one hidden layer (and their linear paths, when every member has one with the same share) are joined
into a single :class:`~gaiko.pipeline.typemodel.TypeModel` whose scores are the mean of the members' scores: the
vocabularies are united (a feature a member lacks weighs zero for it), the hidden layers are placed side by side and
each member's output layer is scaled by ``1/n``. The result is an ordinary artefact: nothing changes at run time
except a wider hidden layer (members' widths summed).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..errors import ConfigError
from ..pipeline.typemodel import TypeModel

__all__ = ["average_models"]


def average_models(models: Sequence[TypeModel], meta: dict[str, Any] | None = None) -> TypeModel:
    """One model whose logits are the mean of ``models``' logits. :class:`ConfigError` when a member is linear, the
    labels differ, or the linear paths differ in share. ``meta`` (join thresholds ...) defaults to the first member's."""
    if len(models) < 2:
        raise ConfigError("an ensemble needs at least two models")
    if any(m.out_weights is None for m in models):
        raise ConfigError("only networks (one hidden layer) can be averaged; retrain with --kind mlp")
    labels = models[0].labels
    if any(m.labels != labels for m in models):
        raise ConfigError("the models predict different labels")
    mixes = {m.linear_mix for m in models}
    if len(mixes) != 1:
        raise ConfigError(f"the models' linear paths have different shares ({sorted(mixes)}); give them one share")
    mix = mixes.pop()
    n = float(len(models))
    feats = sorted({f for m in models for f in m.vocab})
    vocab = {f: i for i, f in enumerate(feats)}
    widths = [m.weights.shape[1] for m in models]
    W = np.zeros((len(feats), sum(widths)), dtype=np.float32)
    L = np.zeros((len(feats), len(labels)), dtype=np.float32) if mix > 0.0 else None
    col = 0
    for m, w in zip(models, widths):
        rows = np.array([vocab[f] for f in sorted(m.vocab, key=m.vocab.__getitem__)])
        W[rows, col:col + w] = m.weights
        if L is not None:
            lw = m.linear_weights
            assert lw is not None
            L[rows] += lw / n
        col += w
    bias = np.concatenate([m.bias for m in models]).astype(np.float32)
    out_w = np.vstack([m.out_weights / n for m in models]).astype(np.float32)  # type: ignore[operator]
    out_b = (sum(m.out_bias for m in models) / n).astype(np.float32)  # type: ignore[operator]
    lin_b = (sum(m.linear_bias for m in models) / n).astype(np.float32) if L is not None else None  # type: ignore[operator]
    return TypeModel(vocab, W, bias, labels, dict(meta if meta is not None else models[0].meta), out_w, out_b,
                     L, lin_b, mix)
