"""``python -m gaiko.learn``: train and measure the PLOVER type model.

Commands (see docs/accuracy.md):

* ``train [--out PATH] [--no-tune] [--C C] [--seed N]``: fit on the tuned split of the corpora,
  choose the join thresholds on a held-out fold of the tuned split, write the artefact
  (default ``gaiko/data/typemodel/typemodel.npz``) with its ``meta.json``.
* ``add-linear [--base PATH] [--mix W] [--out PATH]``: fit a linear path over an existing network's features on
  today's tuned split and put it beside the network with share W (default 0.5); the base's join thresholds stay.
* ``eval [--model PATH|rules] [--split blind|tuned]``: figures on our corpus (all, per batch),
  our ConfliBERT labels, and the gold files in ``../shared`` (numbers only).
* ``curve [--fractions 0.25,0.5,1]``: learning curve on the blind split.
* ``lexdata``: rebuild the word-class tables (needs torch and the MiniLM package).

Errors are printed as one ``Error:`` line with exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from ..errors import GaikoError

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "typemodel" / "typemodel.npz"


def _train(a: argparse.Namespace) -> dict[str, Any]:
    from .measure import coder_with, fold_of, tune_join
    from .train import TrainConfig, capture_examples, fit, load_sentences, training_meta

    cfg = TrainConfig(C=a.C, seed=a.seed, fraction=a.fraction, kind=a.kind, epochs=a.epochs, linear_mix=a.linear_mix)
    t0 = time.time()
    sents = load_sentences(cfg, "tuned")
    if cfg.fraction < 1.0:
        import random

        sents = random.Random(cfg.seed).sample(sents, max(1, int(len(sents) * cfg.fraction)))
    coder = coder_with(None)
    ex = capture_examples(sents, coder, cfg.batch_weights)
    join_rows: list[dict[str, Any]] = []
    join = None
    if a.tune:
        held = {k for k, s in enumerate(sents) if fold_of(s.text) == 0}
        from .train import Examples

        keep = [j for j, k in enumerate(ex.sentence) if k not in held]
        part = Examples([ex.rows[j] for j in keep], [ex.labels[j] for j in keep], [ex.sentence[j] for j in keep],
                        weights=[ex.weights[j] for j in keep])
        join, join_rows = tune_join([s for k, s in enumerate(sents) if k in held], fit(part, cfg), coder)
    model = fit(ex, cfg)
    model.meta = training_meta(cfg, sents, ex, model, join=join.__dict__ if join is not None else {},
                               join_tuning=join_rows, seconds=round(time.time() - t0, 1))
    model.save(a.out)
    return {"saved": str(a.out), **{k: v for k, v in model.meta.items() if k != "join_tuning"}}


def _add_linear(a: argparse.Namespace) -> dict[str, Any]:
    from .measure import coder_with
    from .train import TrainConfig, capture_examples, fit_linear_path, load_sentences
    from ..pipeline.typemodel import TypeModel

    t0 = time.time()
    base = TypeModel.load(a.base)
    if base.out_weights is None:
        from ..errors import ConfigError

        raise ConfigError(f"{a.base} is a linear model already; add-linear puts a linear path beside a network")
    cfg = TrainConfig(C=a.C)
    sents = load_sentences(cfg, "tuned")
    ex = capture_examples(sents, coder_with(None), cfg.batch_weights)
    model = fit_linear_path(base, ex, cfg, a.mix)
    model.meta = {**base.meta, "linear_path": {
        "mix": a.mix, "C": cfg.C, "sentences": len(sents), "candidates": len(ex.rows), "trained": time.strftime("%Y-%m-%d"),
        "features_kept": sum(1 for row in ex.rows for f in row if f in base.vocab), "seconds": round(time.time() - t0, 1)}}
    model.save(a.out)
    return {"saved": str(a.out), "linear_path": model.meta["linear_path"]}


def _model(spec: str | None) -> Any:
    from ..pipeline.typemodel import TypeModel, default_model_path

    if spec == "rules":
        return None
    return TypeModel.load(spec or default_model_path())


def _eval(a: argparse.Namespace) -> dict[str, Any]:
    from .measure import coder_with, gold_reports, score_sentences
    from .train import TrainConfig, load_sentences

    cfg = TrainConfig()
    coder = coder_with(_model(a.model))
    sents = load_sentences(cfg, a.split)
    out: dict[str, Any] = {"split": a.split, "model": a.model or "shipped"}
    own = [s for s in sents if s.batch not in ("confli", "plover", "articles")]
    out["corpus"] = score_sentences(coder, own)
    out["corpus"].pop("per_type") if not a.per_type else None
    out["by_batch"] = {}
    for b in sorted({s.batch for s in own}):
        r = score_sentences(coder, [s for s in own if s.batch == b])
        r.pop("per_type", None)
        out["by_batch"][b] = r
    confli = [s for s in sents if s.batch == "confli"]
    if confli:
        r = score_sentences(coder, confli)
        r.pop("per_type", None)
        out["confli_plover_labels"] = r
    arts = sorted(cfg.articles.glob("*.jsonl"))
    if arts:
        from ..evaluate.split import is_blind
        from .corpus import read_articles
        from .measure import score_articles

        chosen = [x for x in read_articles(arts) if is_blind(x.id) == (a.split == "blind")]
        out["articles"] = score_articles(coder, chosen)
    out["gold"] = gold_reports(coder, cfg.confli_tsv.parents[2], a.split)
    return out


def _curve(a: argparse.Namespace) -> dict[str, Any]:
    from .measure import coder_with, score_sentences
    from .train import TrainConfig, train, load_sentences

    blind = [s for s in load_sentences(TrainConfig(), "blind") if s.batch not in ("confli", "plover", "articles")]
    base = _model(None)
    out: dict[str, Any] = {}
    for f in [float(x) for x in a.fractions.split(",")]:
        m = train(TrainConfig(fraction=f, seed=a.seed))
        m.meta["join"] = base.meta.get("join", {}) if base is not None else {}
        r = score_sentences(coder_with(m), blind)
        r.pop("per_type", None)
        out[str(f)] = {"training_sentences": m.meta["sentences"], **r}
    return out


def _lexdata(a: argparse.Namespace) -> dict[str, Any]:
    from .lexdata import build_tables

    return build_tables(DEFAULT_OUT.parent, seed=a.seed)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m gaiko.learn", description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train", help="train the type model on the tuned split")
    t.add_argument("--out", type=Path, default=DEFAULT_OUT)
    t.add_argument("--no-tune", dest="tune", action="store_false", help="keep default join thresholds")
    t.add_argument("--kind", default="mlp", choices=("mlp", "linear"), help="model (default mlp)")
    t.add_argument("--C", type=float, default=1.0, help="inverse L2 strength of the linear model (default 1.0)")
    t.add_argument("--seed", type=int, default=13)
    t.add_argument("--epochs", type=int, default=20, help="passes of the network over the data (default 20)")
    t.add_argument("--fraction", type=float, default=1.0, help="share of the tuned split to train on")
    t.add_argument("--linear-mix", type=float, default=0.0, help="share of a linear path beside the network (0: none)")
    al = sub.add_parser("add-linear", help="put a linear path beside an existing network")
    al.add_argument("--base", type=Path, default=DEFAULT_OUT)
    al.add_argument("--out", type=Path, default=DEFAULT_OUT)
    al.add_argument("--mix", type=float, default=0.5, help="share of the linear path (default 0.5)")
    al.add_argument("--C", type=float, default=1.0, help="inverse L2 strength of the linear path (default 1.0)")
    e = sub.add_parser("eval", help="figures on a split (numbers only)")
    e.add_argument("--model", default=None, help="artefact path, or 'rules' for the rules alone")
    e.add_argument("--split", default="blind", choices=("blind", "tuned"))
    e.add_argument("--per-type", action="store_true")
    c = sub.add_parser("curve", help="learning curve on the blind split")
    c.add_argument("--fractions", default="0.25,0.5,1.0")
    c.add_argument("--seed", type=int, default=13)
    lx = sub.add_parser("lexdata", help="rebuild the word-class tables")
    lx.add_argument("--seed", type=int, default=13)
    a = p.parse_args(argv)
    try:
        res = {"train": _train, "add-linear": _add_linear, "eval": _eval, "curve": _curve, "lexdata": _lexdata}[a.cmd](a)
    except GaikoError as exc:
        sys.stderr.write(f"Error: {exc}\n")
        return 2
    sys.stdout.write(json.dumps(res, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
