"""Pair-wise precision and recall of the clusters on a labelled multi-article corpus (``corpora/clusters``).

A corpus file has one article per line: ``id``, ``story``, ``outlet``, ``published``, ``title``, ``text`` and
``mentions``, each ``{"trigger", "occurrence", "type", "cluster"}``: the n-th occurrence of the trigger words
in the text, the PLOVER type a careful coder gives it, and the real-world event it reports (any label; equal
labels are one event). The articles are coded into a fresh in-memory store, as ``gaiko code`` would.

Scoring follows the issue's definition: only gold mentions that gaiko coded *with the gold type* count (a
coded event of that type whose trigger overlaps the gold trigger); over every pair of them, a pair is a true
positive when both gold and gaiko put them in one cluster, a false positive when only gaiko does, a false
negative when only the gold does. Precision = TP / (TP + FP), recall = TP / (TP + FN).

``missed_by_cause`` counts the false negatives by what differs between the two coded mentions (numbers only, so it
may be read on a held-out file): their sides (``sides_agree``; ``side_missing``: a side one mention lacks, none
contradicting; ``side_differs``: a source or target country that disagrees) and their dates (``same_date``;
``undated_report``: one of them has only its publication date; ``dates_differ``), as ``"<sides>/<dates>"``.
``joined_by_cause`` counts the false merges by the first thing that let the clustering join two events, from the units
the two mentions became (:mod:`gaiko.clusters.units`): ``two_way`` (one is a two-way unit, agreeing crosswise),
``undated_join`` (one has only its publication window), ``shared_date`` (one's date is a phrase its sentence shares, an
upper bound), ``date_window`` (both dated, on different days: a week, month or year window), ``side_open`` (one leaves
open a side the other names), ``side_country_only`` (a side is a country on one and a group or person of it on the
other), ``place_open`` (one names a place, the other none), ``look_alike`` (same dyad, day and place: nothing told them
apart), each prefixed by where they stand. ``merged_by_cause`` counts the false merges alike, as
``"<where>/<sides>/<dates>"``: where the two mentions stand (``same_article``, ``same_story``, ``other_story``),
whether both carry a source and a target (``sides_full``) or one lacks a side (``side_missing``), and their dates as
above.

Stories are split by a fixed hash of their id: one in five is *blind* (measured, never listed as errors), the
rest *tuned*; the rules were adjusted looking at the tuned errors only.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import DataFileError, EvaluationError

__all__ = ["load_corpus", "evaluate", "pair_scores", "missed_by_cause", "merged_by_cause", "joined_by_cause", "split_of",
           "SPLITS"]

SPLITS = ("all", "tuned", "blind")
_KEYS = ("id", "story", "text", "published", "mentions")


def split_of(story: str) -> str:
    """``blind`` for one story in five (a fixed hash of its id), else ``tuned``."""
    return "blind" if int(hashlib.sha1(story.encode("utf-8")).hexdigest()[:8], 16) % 5 == 0 else "tuned"


def load_corpus(paths: Iterable[str | Path]) -> list[dict[str, Any]]:
    """Articles of the corpus files (a folder stands for its ``*.jsonl``); checked, with the trigger offsets.

    Raises DataFileError naming the file and line of a malformed record."""
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir() and not any(p.glob("*.jsonl")):  # round r26: "no corpus files given" of a folder given
            raise EvaluationError(f"folder {p} holds no .jsonl files; give labelled corpus files or their folder, "
                                  "e.g. corpora/clusters")
        if not p.is_dir() and not p.exists():
            raise EvaluationError(f"{p} does not exist; give labelled corpus files or their folder, e.g. "
                                  "corpora/clusters")
        files += sorted(p.glob("*.jsonl")) if p.is_dir() else [p]
    if not files:
        raise EvaluationError("no corpus files given; e.g. corpora/clusters")
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for f in files:
        try:
            data = f.read_bytes()
        except OSError as exc:
            raise DataFileError(str(f), f"cannot read: {exc.strerror or exc}") from None
        try:  # round r26: a binary or Latin-1 file was "unexpected UnicodeDecodeError ... a gaiko bug"
            lines = data.decode("utf-8").splitlines()
        except UnicodeDecodeError as exc:
            what = "binary (it holds NUL bytes)" if b"\x00" in data[:65536] else \
                f"not UTF-8 text (byte 0x{data[exc.start]:02x} at position {exc.start})"
            raise DataFileError(str(f), f"{what}: a labelled corpus is UTF-8 JSON Lines "
                                        "(corpora/clusters/README.md, 'Record format')") from None
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataFileError(str(f), f"invalid JSON ({exc.msg})", n) from None
            missing = [k for k in _KEYS if k not in rec]
            if missing:
                raise DataFileError(str(f), f"missing {', '.join(missing)}: a labelled record has {', '.join(_KEYS)} "
                                    "(corpora/clusters/README.md, 'Record format'); plain articles are coded with "
                                    "gaiko code", n)
            if rec["id"] in seen:
                raise DataFileError(str(f), f"duplicate article id {rec['id']}", n)
            seen.add(rec["id"])
            for m in rec["mentions"]:
                m["start"] = _offset(rec["text"], m.get("trigger", ""), int(m.get("occurrence", 1)))
                if m["start"] < 0 or not m.get("type") or not m.get("cluster"):
                    raise DataFileError(str(f), f"mention {m.get('trigger')!r}: trigger not in the text "
                                                f"(occurrence {m.get('occurrence', 1)}) or no type/cluster", n)
            out.append(rec)
    if not out:  # round r26: an empty file was scored, precision, recall and F1 all 1.0 over 0 mentions
        raise EvaluationError(f"no labelled articles in {', '.join(map(str, files))}: nothing to score")
    return out


def _offset(text: str, trigger: str, occurrence: int) -> int:
    pos = -1
    for _ in range(max(1, occurrence)):
        pos = text.find(trigger, pos + 1)
        if pos < 0 or not trigger:
            return -1
    return pos


def pair_scores(gold: dict[str, str], pred: dict[str, str]) -> dict[str, Any]:
    """Pair-wise scores over the keys of ``gold`` (every key must be in ``pred``)."""
    keys = sorted(gold)
    tp = fp = fn = 0
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            g, p = gold[a] == gold[b], pred[a] == pred[b]
            tp += g and p
            fp += p and not g
            fn += g and not p
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4), "true_pairs": tp,
            "false_merges": fp, "missed_pairs": fn, "mentions": len(keys)}


def _code(articles: Sequence[dict[str, Any]], coder: Any) -> Any:
    from ..store import Store
    from ..types import Article

    if coder is None:
        from ..coder import Coder

        coder = Coder()
    arts = [Article(text=a["text"], published=a["published"], title=a.get("title"), source=a.get("outlet"),
                    url=a.get("url"), external_id=a["id"]) for a in articles]
    from ..ingest import article_id

    for a in arts:
        a.id = article_id(a.text)
    from ..evaluate.pledges import coded_as_dated

    store = Store(":memory:")
    # "in the future" judged as of the corpus's latest date (session 49): a labelled article dated after the day gaiko
    # runs is coded on its own date, so that a file's figure does not move with the machine's clock
    store.write_coded(coded_as_dated(coder, arts))  # clusters them, as the writer of `gaiko code` does
    return store, {a.external_id: a.id for a in arts}


def _match(store: Any, articles: Sequence[dict[str, Any]], ids: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Gold mention key -> the coded mention (with its cluster) of the gold type over the gold trigger."""
    rows = store.query("SELECT e.id, e.article_id, e.event_type, e.trigger_start, e.trigger_end, e.date, "
                       "e.date_precision, e.source_country, e.target_country, m.cluster_id FROM events e "
                       "LEFT JOIN cluster_members m ON m.event_id = e.id")
    by_article: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_article.setdefault(r["article_id"], []).append(r)
    out: dict[str, dict[str, Any]] = {}
    for a in articles:
        for i, m in enumerate(a["mentions"]):
            lo, hi = m["start"], m["start"] + len(m["trigger"])
            hits = [r for r in by_article.get(ids[a["id"]], ()) if r["event_type"] == m["type"]
                    and r["trigger_start"] < hi and lo < r["trigger_end"]]
            if hits:
                out[f"{a['id']}#{i}"] = min(hits, key=lambda r: (abs(r["trigger_start"] - lo), r["id"]))
    return out


def missed_by_cause(keys: Sequence[str], gold: dict[str, str], matched: dict[str, dict[str, Any]]) -> dict[str, int]:
    """Counts of the pairs of ``keys`` one gold cluster holds but gaiko split, by what differs between the two coded
    mentions (see the module docstring); most frequent first."""
    from collections import Counter

    out: Counter[str] = Counter()
    for _a, _b, ra, rb in _wrong_pairs(keys, gold, matched, together=False):
        pairs = [(ra["source_country"], rb["source_country"]), (ra["target_country"], rb["target_country"])]
        if any(x and y and x != y for x, y in pairs):
            sides = "side_differs"
        elif any(x != y for x, y in pairs):
            sides = "side_missing"
        else:
            sides = "sides_agree"
        out[f"{sides}/{_dates_relation(ra, rb)}"] += 1
    return dict(out.most_common())


def _wrong_pairs(keys: Sequence[str], gold: dict[str, str], matched: dict[str, dict[str, Any]], *,
                 together: bool) -> Iterator[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    """(key a, key b, coded a, coded b) for every pair of ``keys`` gaiko got wrong: put in one cluster although the
    gold holds two events (``together``), or split although the gold holds one."""
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            ra, rb = matched[a], matched[b]
            joined = (ra["cluster_id"] or ra["id"]) == (rb["cluster_id"] or rb["id"])
            if joined == together and (gold[a] == gold[b]) != together:
                yield a, b, ra, rb


def _dates_relation(ra: dict[str, Any], rb: dict[str, Any]) -> str:
    if ra["date"] == rb["date"]:
        return "same_date"
    if "published" in (ra["date_precision"], rb["date_precision"]):
        return "undated_report"
    return "dates_differ"


def merged_by_cause(keys: Sequence[str], gold: dict[str, str], matched: dict[str, dict[str, Any]],
                    where: dict[str, tuple[str, str]]) -> dict[str, int]:
    """Counts of the pairs of ``keys`` gaiko put in one cluster although the gold holds two events, by where the two
    mentions stand (``where``: key -> (article id, story)), whether both have both sides, and their dates (module
    docstring); most frequent first. Numbers only."""
    from collections import Counter

    out: Counter[str] = Counter()
    for a, b, ra, rb in _wrong_pairs(keys, gold, matched, together=True):
        (art_a, story_a), (art_b, story_b) = where[a], where[b]
        place = "same_article" if art_a == art_b else "same_story" if story_a == story_b else "other_story"
        full = all(r[f] for r in (ra, rb) for f in ("source_country", "target_country"))
        out[f"{place}/{'sides_full' if full else 'side_missing'}/{_dates_relation(ra, rb)}"] += 1
    return dict(out.most_common())


def joined_by_cause(keys: Sequence[str], gold: dict[str, str], matched: dict[str, dict[str, Any]],
                    units: dict[Any, Any], where: dict[str, tuple[str, str]]) -> dict[str, int]:
    """Counts of the false merges among ``keys`` by the first cause that let the two mentions' units (``units``: event
    id -> :class:`~gaiko.clusters.units.Unit`) join, as ``"<where>/<cause>"`` (module docstring); most frequent first.
    Numbers only, so it may be read on a held-out file."""
    from collections import Counter

    from .pairfeatures import join_cause

    out: Counter[str] = Counter()
    for a, b, ra, rb in _wrong_pairs(keys, gold, matched, together=True):
        (art_a, story_a), (art_b, story_b) = where[a], where[b]
        place = "same_article" if art_a == art_b else "same_story" if story_a == story_b else "other_story"
        out[f"{place}/{join_cause(units[ra['id']], units[rb['id']])}"] += 1
    return dict(out.most_common())


def _baseline(matched: dict[str, dict[str, Any]]) -> dict[str, str]:
    """GDELT-style grouping for comparison: same type, source country, target country and date."""
    return {k: f"{r['event_type']}|{r['source_country']}|{r['target_country']}|{r['date']}" for k, r in matched.items()}


def evaluate(paths: Iterable[str | Path], *, split: str = "all", coder: Any = None, errors: int = 0) -> dict[str, Any]:
    """Code the corpus and score its clusters; see the module docstring. ``errors`` lists that many wrongly merged
    and wrongly split pairs of the tuned stories (never of the blind ones)."""
    if split not in SPLITS:
        raise EvaluationError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    if split == "blind" and errors:
        raise EvaluationError("errors of the blind stories are never listed; use --split tuned or all")
    articles = load_corpus(paths)
    store, ids = _code(articles, coder)
    matched = _match(store, articles, ids)
    units = _units(store)
    gold_of = {f"{a['id']}#{i}": (m, a) for a in articles for i, m in enumerate(a["mentions"])}
    report: dict[str, Any] = {"articles": len(articles), "stories": len({a["story"] for a in articles}),
                              "gold_mentions": len(gold_of), "gold_clusters": len({m["cluster"] for m, _a in gold_of.values()}),
                              "multi_article_clusters": _multi(articles)}
    for part in SPLITS:
        keys = [k for k in matched if part == "all" or split_of(gold_of[k][1]["story"]) == part]
        gold = {k: gold_of[k][0]["cluster"] for k in keys}
        pred = {k: matched[k]["cluster_id"] or matched[k]["id"] for k in keys}
        n_gold = sum(1 for _m, a in gold_of.values() if part == "all" or split_of(a["story"]) == part)
        where = {k: (gold_of[k][1]["id"], gold_of[k][1]["story"]) for k in keys}
        report[part] = {**pair_scores(gold, pred), "coded_with_gold_type": len(keys), "gold_mentions": n_gold,
                        "missed_by_cause": missed_by_cause(sorted(keys), gold, matched),
                        "merged_by_cause": merged_by_cause(sorted(keys), gold, matched, where),
                        "joined_by_cause": joined_by_cause(sorted(keys), gold, matched, units, where),
                        "baseline_type_dyad_day": pair_scores(gold, _baseline({k: matched[k] for k in keys}))}
    report["split"] = split
    if split != "all":
        report = {k: v for k, v in report.items() if k not in SPLITS or k == split}
    if errors:
        report["errors"] = _errors(matched, gold_of, errors)
    store.close()
    return report


def _units(store: Any) -> dict[Any, Any]:
    """Event id -> the unit the clustering made of it (the rules as the store's writer used them)."""
    from .rules import load_rules
    from .units import units_of
    from .update import MENTION_SQL

    rows = store.query(MENTION_SQL)
    return {r["id"]: u for r, u in zip(rows, units_of(rows, load_rules()))}


def _multi(articles: Sequence[dict[str, Any]]) -> int:
    arts: dict[str, set[str]] = {}
    for a in articles:
        for m in a["mentions"]:
            arts.setdefault(m["cluster"], set()).add(a["id"])
    return sum(1 for s in arts.values() if len(s) > 1)


def _errors(matched: dict[str, dict[str, Any]], gold_of: dict[str, Any], n: int) -> list[dict[str, Any]]:
    keys = sorted(k for k in matched if split_of(gold_of[k][1]["story"]) == "tuned")
    out = []
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            g = gold_of[a][0]["cluster"] == gold_of[b][0]["cluster"]
            p = matched[a]["cluster_id"] == matched[b]["cluster_id"]
            if g != p and gold_of[a][1]["story"] == gold_of[b][1]["story"]:
                out.append({"kind": "missed" if g else "merged", "a": _show(a, gold_of, matched), "b": _show(b, gold_of, matched)})
    return out[:n]


def _show(k: str, gold_of: dict[str, Any], matched: dict[str, dict[str, Any]]) -> dict[str, Any]:
    m, a = gold_of[k]
    r = matched[k]
    return {"article": a["id"], "trigger": m["trigger"], "gold": m["cluster"], "cluster": r["cluster_id"],
            "date": str(r["date"]), "precision": r["date_precision"], "source": r["source_country"],
            "target": r["target_country"]}
