"""The BERT forward pass of MiniLM in NumPy (float32), with mean pooling and L2 normalisation.

Same arithmetic as Hugging Face's ``BertModel`` in inference (post-LayerNorm, absolute positions, token type 0,
exact erf GELU, no dropout) followed by sentence-transformers' mean pooling over the attention mask and
``Normalize``. Agreement with the torch reference is checked in ``tests/test_meaning_encoder.py`` (see
docs/meaning.md for the measured differences).
"""

from __future__ import annotations

from typing import Any

__all__ = ["erfc_nonneg", "gelu", "layer_norm", "forward"]

# Chebyshev fit of erfc (Press et al., Numerical Recipes, 2nd ed., §6.2, "erfcc"): relative error < 1.2e-7
# for every z >= 0. Written out here from the published formula; constants are the published ones.
_ERFC = (-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806,
         0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277)


def erfc_nonneg(z: Any) -> Any:
    """erfc(z) for an array ``z >= 0`` (float32 in, float32 out), relative error < 1.2e-7 (float64 arithmetic
    would show it; in float32 the rounding of the result dominates)."""
    import numpy as np

    t = 1.0 / (1.0 + 0.5 * z)
    poly = np.full_like(t, _ERFC[-1])
    for c in _ERFC[-2::-1]:
        poly *= t
        poly += c
    poly -= z * z
    np.exp(poly, out=poly)
    poly *= t
    return poly


def gelu(x: Any) -> Any:
    """Exact GELU, ``x * Phi(x) = 0.5 * x * erfc(-x / sqrt(2))``, elementwise on a float32 array.

    Written through erfc so that the negative tail (where GELU is tiny) keeps its relative accuracy."""
    import numpy as np

    z = np.abs(x) * np.float32(0.7071067811865476)
    e = erfc_nonneg(z)  # erfc(|x|/sqrt2); for x > 0 erfc(-x/sqrt2) = 2 - that
    np.subtract(np.float32(2.0), e, out=e, where=x > 0)
    e *= x
    e *= np.float32(0.5)
    return e


def layer_norm(x: Any, weight: Any, bias: Any, eps: float) -> Any:
    """LayerNorm over the last axis (biased variance, as torch)."""
    import numpy as np

    mean = x.mean(axis=-1, keepdims=True)
    d = x - mean
    var = np.mean(d * d, axis=-1, keepdims=True)
    d *= 1.0 / np.sqrt(var + np.float32(eps))
    d *= weight
    d += bias
    return d


def forward(w: Any, ids: Any, mask: Any) -> Any:
    """Sentence vectors for one padded batch.

    ``w``: :class:`~gaiko.meaning.weights.Weights`; ``ids``: int array (batch, length) of word-piece ids;
    ``mask``: (batch, length), 1 for real tokens and 0 for padding. Returns float32 (batch, hidden), rows of
    unit L2 length (a row with no token at all stays zero)."""
    import numpy as np

    batch, length = ids.shape
    hidden = w.word.shape[1]
    heads = w.heads
    size = hidden // heads
    x = w.word[ids]  # (B, L, H)
    x += w.position[:length]
    x += w.token_type0
    x = layer_norm(x.reshape(batch * length, hidden), w.emb_ln_w, w.emb_ln_b, w.eps)
    # additive attention mask, as transformers builds it: 0 for tokens, the most negative float32 for padding
    neg = np.where(mask[:, None, None, :] > 0, np.float32(0.0), np.finfo(np.float32).min).astype(np.float32)
    scale = np.float32(1.0 / np.sqrt(size))
    for layer in w.layers:
        qkv = x @ layer["qkv_w"]
        qkv += layer["qkv_b"]
        # (3, B, heads, L, size), contiguous: NumPy's stacked matmul calls BLAS only on contiguous slices
        qkv = np.ascontiguousarray(qkv.reshape(batch, length, 3, heads, size).transpose(2, 0, 3, 1, 4))
        q, k, v = qkv[0], qkv[1], qkv[2]
        q *= scale
        scores = q @ k.swapaxes(-1, -2)  # (B, heads, L, L)
        scores += neg
        scores -= scores.max(axis=-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=-1, keepdims=True)
        ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(batch * length, hidden)
        att = ctx @ layer["out_w"]
        att += layer["out_b"]
        att += x
        x = layer_norm(att, layer["ln1_w"], layer["ln1_b"], w.eps)
        h = x @ layer["in_w"]
        h += layer["in_b"]
        h = gelu(h)
        out = h @ layer["ffn_w"]
        out += layer["ffn_b"]
        out += x
        x = layer_norm(out, layer["ln2_w"], layer["ln2_b"], w.eps)
    x = x.reshape(batch, length, hidden)
    m = mask.astype(np.float32)[:, :, None]
    pooled = (x * m).sum(axis=1) / np.maximum(m.sum(axis=1), np.float32(1e-9))
    norms = np.sqrt((pooled * pooled).sum(axis=1, keepdims=True))
    pooled /= np.maximum(norms, np.float32(1e-12))
    return pooled.astype(np.float32, copy=False)
