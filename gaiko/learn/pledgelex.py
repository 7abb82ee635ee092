"""Build the pledge tracker's word tables from WordNet 3.0 (a development step, not run at coding time).

Reads gaiko's hand-written lists (``gaiko/data/pledges/concepts.yaml``, ``relations.yaml``,
``cues.yaml``) and WordNet 3.0 (Debian's ``wordnet-base``, ``/usr/share/wordnet``), and writes two
files next to them:

* ``concepts_wordnet.tsv``: for every WordNet sense a concept names under ``wordnet:``
  (``tariff.n.1``: the first sense of the noun), the other words of that synset, as
  ``word <TAB> section <TAB> concept <TAB> synset`` (section ``actions`` or ``objects``; multi-word
  lemmas with spaces). Words gaiko already lists are left out.
* ``irregular_forms.tsv``: irregular inflections (WordNet's ``verb.exc`` and ``noun.exc``) of every
  word the lists use, as ``form <TAB> lemma <TAB> pos``: "came" -> "come", "froze" -> "freeze".

Run ``python -m gaiko.learn.pledgelex [WORDNET_DIR]``; deterministic. The tracker reads both files
with the standard library only (:mod:`gaiko.tracking.lexicon`).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from ..errors import ConfigError

__all__ = ["build", "senses"]

_DATA = Path(__file__).resolve().parent.parent / "data" / "pledges"
_POS = {"n": "noun", "v": "verb"}


def senses(root: Path, pos: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """(lemma -> synset offsets in sense order, offset -> the synset's words) for one part of speech."""
    name = _POS[pos]
    if not (root / f"index.{name}").is_file():
        raise ConfigError(f"WordNet not found in {root}; on Debian: apt-get install wordnet-base")
    index: dict[str, list[str]] = {}
    with (root / f"index.{name}").open(encoding="latin-1") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            parts = line.split()
            pcnt = int(parts[3])
            index[parts[0]] = parts[4 + pcnt + 2:]
    words: dict[str, list[str]] = {}
    with (root / f"data.{name}").open(encoding="latin-1") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            parts = line.split(" | ")[0].split()
            wcnt = int(parts[3], 16)
            words[parts[0]] = [re.sub(r"\(.*\)$", "", w).replace("_", " ").lower() for w in parts[4:4 + 2 * wcnt:2]]
    return index, words


def _lists() -> tuple[dict[str, Any], set[str]]:
    import yaml

    concepts = yaml.safe_load((_DATA / "concepts.yaml").read_text(encoding="utf-8"))
    relations = yaml.safe_load((_DATA / "relations.yaml").read_text(encoding="utf-8"))
    cues = yaml.safe_load((_DATA / "cues.yaml").read_text(encoding="utf-8"))
    words: set[str] = set()
    for section in ("actions", "objects"):
        for spec in concepts[section].values():
            for key in ("verbs", "nouns", "adjectives", "words"):
                for phrase in spec.get(key) or ():
                    words.update(str(phrase).lower().split())
    for group in (relations["cues"].values(), [relations[k] for k in ("negation", "future", "reaction", "plan_nouns",
                                                                        "say_verbs")]):
        for items in group:
            for phrase in items:
                words.update(w.lstrip("=") for w in str(phrase).lower().split())  # "=hold": that form of "hold"
    for key in ("verbs_xcomp", "verbs_demand", "nouns", "verbs_object"):
        words.update(str(k).lower() for k in (cues.get(key) or {}))
    words.update(str(w).lower() for w in cues.get("say_verbs") or ())
    return concepts, words


def build(wordnet: str | Path = "/usr/share/wordnet", out_dir: str | Path = _DATA) -> dict[str, int]:
    """Write both tables; returns their row counts."""
    root = Path(wordnet)
    concepts, listed = _lists()
    tables = {pos: senses(root, pos) for pos in ("n", "v")}
    rows: list[tuple[str, str, str, str]] = []
    for section in ("actions", "objects"):
        for concept, spec in concepts[section].items():
            own = {str(w).lower() for k in ("verbs", "nouns", "adjectives", "words") for w in spec.get(k) or ()}
            for ref in spec.get("wordnet") or ():
                lemma, pos, num = str(ref).rsplit(".", 2)
                index, words = tables[pos]
                offsets = index.get(lemma)
                if not offsets or int(num) > len(offsets):
                    raise ConfigError(f"concepts.yaml: {concept}: WordNet has no sense {ref}")
                off = offsets[int(num) - 1]
                for w in words[off]:
                    if w not in own and re.fullmatch(r"[a-z][a-z '-]*", w):
                        own.add(w)
                        rows.append((w, section, concept, f"{pos}{off}"))
    out = Path(out_dir)
    with (out / "concepts_wordnet.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# word\tsection\tconcept\tsynset -- WordNet 3.0 synonyms of the senses named in concepts.yaml "
                 "(python -m gaiko.learn.pledgelex); see gaiko/data/SOURCES.md\n")
        for r in sorted(set(rows)):
            fh.write("\t".join(r) + "\n")
    irregular: list[tuple[str, str, str]] = []
    for pos, name in (("v", "verb"), ("n", "noun")):
        with (root / f"{name}.exc").open(encoding="latin-1") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 2 and parts[1] in listed and parts[0] != parts[1]:
                    irregular.append((parts[0], parts[1], pos))
    with (out / "irregular_forms.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# form\tlemma\tpos -- irregular inflections from WordNet 3.0 verb.exc/noun.exc "
                 "(python -m gaiko.learn.pledgelex); see gaiko/data/SOURCES.md\n")
        for r in sorted(set(irregular)):
            fh.write("\t".join(r) + "\n")
    return {"concepts_wordnet": len(set(rows)), "irregular_forms": len(set(irregular))}


if __name__ == "__main__":  # pragma: no cover - development step
    print(build(*(sys.argv[1:2] or ["/usr/share/wordnet"])))
