"""Synthetic benchmark corpus: N realistic articles of 400–800 words.

Each article recombines paragraphs of the bundled example corpus
(``gaiko/examples/corpus.jsonl``), gives its three main countries the identity
of three different casts (``benchmarks/casts.yaml``: country, demonym, capital,
leader) and moves it by whole years and a few days. The output is deterministic
for a given seed, written as it is generated (memory stays flat), and every
article text is distinct (gaiko skips duplicate texts, which would flatter the
throughput).

    python -m benchmarks.corpus --n 1000 --out bench/corpus-1000.jsonl
    python -m benchmarks.corpus --n 1000 --out bench/shards --shards 4   # shard-0000.jsonl, ...
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

__all__ = ["Recombiner", "generate", "load_sources", "write_corpus"]

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "gaiko" / "examples" / "corpus.jsonl"
CASTS = HERE / "casts.yaml"
MIN_WORDS, MAX_WORDS = 400, 800
_YEAR = re.compile(r"\b(20[12]\d)\b")


def load_sources(path: Path = EXAMPLES) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _surname(leader: str) -> str:
    return leader.split()[-1]


class Recombiner:
    """Builds articles from source paragraphs with consistent actor substitution."""

    def __init__(self, sources: list[dict[str, Any]], casts_file: Path = CASTS) -> None:
        import yaml

        conf = yaml.safe_load(casts_file.read_text(encoding="utf-8"))
        self.slots: dict[str, dict[str, str]] = conf["slots"]
        self.casts: list[dict[str, str]] = conf["casts"]
        self.protect: list[str] = list(conf.get("protect", []))
        self.sources = sources
        self.paragraphs = [
            [p.strip() for p in src["text"].split("\n") if p.strip()] for src in sources
        ]
        # every word form a slot owns, longest first so "Prime Minister Sanae Takaichi" wins over "Takaichi"
        forms: dict[str, tuple[str, str]] = {}
        for slot, s in self.slots.items():
            forms[f"{s['title']} {s['leader']}"] = (slot, "titled")
            forms[s["leader"]] = (slot, "leader")
            forms[_surname(s["leader"])] = (slot, "surname")
            forms[s["country"]] = (slot, "country")
            forms[s["demonym"]] = (slot, "demonym")
            forms[s["capital"]] = (slot, "capital")
            forms[s["capital"].upper()] = (slot, "capital_upper")
        for p in self.protect:
            forms[p] = ("", "keep")
        self.forms = forms
        alts = sorted(forms, key=len, reverse=True)
        self.pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a in alts) + r")\b")

    def _cast_value(self, cast: dict[str, str], kind: str) -> str:
        if kind == "titled":
            return f"{cast['title']} {cast['leader']}"
        if kind == "surname":
            return _surname(cast["leader"])
        if kind == "capital_upper":
            return cast["capital"].upper()
        return cast[kind]

    def substitute(self, text: str, assignment: dict[str, dict[str, str]], year_shift: int) -> str:
        def repl(m: re.Match[str]) -> str:
            slot, kind = self.forms[m.group(1)]
            if kind == "keep":
                return m.group(1)
            return self._cast_value(assignment[slot], kind)

        out = self.pattern.sub(repl, text)
        if year_shift:
            out = _YEAR.sub(lambda m: str(int(m.group(1)) + year_shift), out)
        return out

    def article(self, rng: random.Random, index: int) -> dict[str, Any]:
        base = rng.randrange(len(self.sources))
        target = rng.randint(MIN_WORDS + 20, MAX_WORDS - 40)
        paras = list(self.paragraphs[base])
        words = sum(len(p.split()) for p in paras)
        others = [i for i in range(len(self.sources)) if i != base]
        rng.shuffle(others)
        pool = [p for i in others for p in self.paragraphs[i][1:]]  # leave out other datelines
        rng.shuffle(pool)
        for p in pool:
            if words >= target:
                break
            n = len(p.split())
            if words + n > MAX_WORDS:
                continue
            paras.insert(rng.randint(1, len(paras)), p)
            words += n
        picked = rng.sample(self.casts, 3)
        assignment = dict(zip(("A", "B", "C"), picked))
        shift = rng.randint(-3, 1)
        src = self.sources[base]
        published = dt.date.fromisoformat(src["published"])
        published = published.replace(year=published.year + shift) + dt.timedelta(days=rng.randint(0, 27))
        text = "\n".join(self.substitute(p, assignment, shift) for p in paras)
        return {
            "id": f"bench-{index:07d}",
            "title": self.substitute(src["title"], assignment, shift),
            "text": text,
            "published": published.isoformat(),
            "source": "gaiko benchmark wire",
            "url": f"https://bench.invalid/{index:07d}",
        }


def generate(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """Yield ``n`` distinct articles (deterministic for a seed)."""
    from gaiko.ids import article_id

    rng = random.Random(seed)
    rec = Recombiner(load_sources())
    seen: set[str] = set()
    i = 0
    while i < n:
        art = rec.article(rng, i)
        words = len(art["text"].split())
        if not MIN_WORDS <= words <= MAX_WORDS:
            continue
        aid = article_id(art["text"])
        if aid in seen:
            continue
        seen.add(aid)
        yield art
        i += 1


def write_corpus(n: int, out: Path, *, shards: int = 1, seed: int = 7) -> list[Path]:
    """Write ``n`` articles as one JSONL file, or as ``shards`` files in the folder ``out``."""
    out = Path(out)
    if shards <= 1:
        out.parent.mkdir(parents=True, exist_ok=True)
        paths = [out]
    else:
        out.mkdir(parents=True, exist_ok=True)
        paths = [out / f"shard-{k:04d}.jsonl" for k in range(shards)]
    handles = [p.open("w", encoding="utf-8") for p in paths]
    try:
        for i, art in enumerate(generate(n, seed)):
            handles[i % len(handles)].write(json.dumps(art, ensure_ascii=False) + "\n")
    finally:
        for h in handles:
            h.close()
    return paths


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, required=True, help="number of articles")
    ap.add_argument("--out", type=Path, required=True, help="JSONL file (or folder with --shards)")
    ap.add_argument("--shards", type=int, default=1)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    paths = write_corpus(args.n, args.out, shards=args.shards, seed=args.seed)
    print(f"wrote {args.n} articles to {', '.join(map(str, paths[:3]))}{' …' if len(paths) > 3 else ''}")


if __name__ == "__main__":
    main()
