"""The BERT forward pass of MiniLM in NumPy (float32), with mean pooling and L2 normalisation.

Same arithmetic as Hugging Face's ``BertModel`` in inference (post-LayerNorm, absolute positions, token type 0,
exact erf GELU, no dropout) followed by sentence-transformers' mean pooling over the attention mask and
``Normalize``. Agreement with the torch reference is checked in ``tests/test_meaning_encoder.py`` (see
docs/meaning.md for the measured differences).
"""

from __future__ import annotations

from typing import Any

__all__ = ["gelu", "layer_norm", "forward"]

# erfc(z) ~ t * (a1 + t*(a2 + t*(a3 + t*(a4 + t*a5)))) * exp(-z*z), t = 1 / (1 + p*z), z >= 0: the rational
# approximation 7.1.26 of Abramowitz & Stegun, Handbook of Mathematical Functions (1964); absolute error
# <= 1.5e-7 (in GELU's float32 output below 4e-7 over [-10, 10], the same as float32 rounding; docs/meaning.md).
# Chosen over a ten-term Chebyshev fit (Numerical Recipes' erfcc) of equal float32 accuracy: ~30% faster.
_P = 0.3275911
_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)
_ROWS = 128  # the feed-forward runs in blocks of this many tokens, so the (rows, 1536) GELU input stays in cache


def gelu(x: Any) -> Any:
    """Exact (erf) GELU, ``x * Phi(x) = 0.5 * x * erfc(-x / sqrt(2))``, elementwise on a float32 array;
    returns a new array. Max abs error vs float64 math.erfc: 3.3e-7 over [-10, 10]."""
    import numpy as np

    f = np.float32
    t = np.abs(x)
    t *= f(_P * 0.7071067811865476)  # t = p * |x| / sqrt(2)
    t += f(1.0)
    np.reciprocal(t, out=t)
    p = t * f(_A[4])
    p += f(_A[3])
    for c in _A[2::-1]:
        p *= t
        p += f(c)
    p *= t
    e = x * x
    e *= f(-0.5)
    np.exp(e, out=e)
    p *= e  # erfc(|x| / sqrt(2))
    p *= f(0.5)
    p *= x  # for x <= 0 this is GELU; for x > 0, GELU = x - this
    np.subtract(x, p, out=p, where=x > 0)
    return p


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
        qkv = qkv.reshape(batch, length, 3, heads, size).transpose(2, 0, 3, 1, 4)  # views (3, B, heads, L, size)
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
        out = np.empty_like(x)
        for r in range(0, x.shape[0], _ROWS):
            h = x[r:r + _ROWS] @ layer["in_w"]
            h += layer["in_b"]
            np.matmul(gelu(h), layer["ffn_w"], out=out[r:r + _ROWS])
        out += layer["ffn_b"]
        out += x
        x = layer_norm(out, layer["ln2_w"], layer["ln2_b"], w.eps)
    x = x.reshape(batch, length, hidden)
    m = mask.astype(np.float32)[:, :, None]
    pooled = (x * m).sum(axis=1) / np.maximum(m.sum(axis=1), np.float32(1e-9))
    norms = np.sqrt((pooled * pooled).sum(axis=1, keepdims=True))
    pooled /= np.maximum(norms, np.float32(1e-12))
    return pooled.astype(np.float32, copy=False)
