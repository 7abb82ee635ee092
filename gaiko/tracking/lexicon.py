"""The tracker's word knowledge, read once from data files in ``gaiko/data/pledges``.

* ``concepts.yaml`` (+ ``concepts_wordnet.tsv``): words and phrases -> concepts. Concept keys are
  ``a:<act>`` for what a pledge promises to do ("a:reduce": cut, lower, slash, "the lower duty") and
  ``o:<object>`` for what it is done to ("o:tariff": tariff, levy, duty). Opposite acts, acts that do
  at least as much, events named by a word of their own (stop + fighting = ceasefire), broader objects
  and object categories come from the same file.
* ``irregular_forms.tsv``: irregular inflections (WordNet 3.0), so "came into force" matches
  "come into force" and "froze" matches "freeze".
* ``relations.yaml``: cue phrases by relation (fulfils, progresses, stalls, withdraws, reverses,
  restates, revises), negation and future markers, reaction verbs, plan nouns, verbs of saying,
  stopwords and the evidence horizon.
* ``actors/countries.csv``: country names, adjectives, demonyms and capitals say *who*, never *what*,
  so they are no topic words.

Everything is plain dicts and tuples; :func:`lexicon` caches one instance per process.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

__all__ = ["Lexicon", "Entry", "lexicon", "inflect"]

_VOWELS = "aeiou"


@dataclass(frozen=True)
class Entry:
    """One word or phrase of a concept: its lemmas, the concept key and the part it plays (v, n, a)."""

    lemmas: tuple[str, ...]
    concept: str
    role: str


@dataclass(frozen=True)
class Lexicon:
    #: surface form -> ((lemma, tag), ...); tags: base, s, past, ing, pl
    forms: dict[str, tuple[tuple[str, str], ...]]
    #: first lemma -> entries starting with it (longest first)
    entries: dict[str, tuple[Entry, ...]]
    opposite: dict[str, tuple[str, ...]]  # act -> contrary acts
    also: dict[str, frozenset[str]]
    partly: dict[str, frozenset[str]]  # act -> acts that do part of it
    #: (act key, object key) -> object key of the event news names with a word of its own
    events: dict[tuple[str, str], str]
    broader: dict[str, str]
    category: dict[str, str]
    opposite_objects: dict[str, str]  # object -> its contrary ("o:ceasefire" -> "o:fighting")
    #: relation -> cue patterns (lemma tuples, "*" = up to three words)
    cues: dict[str, tuple[tuple[str, ...], ...]]
    negation: tuple[tuple[str, ...], ...]
    hedges: tuple[tuple[str, ...], ...]
    future: tuple[tuple[str, ...], ...]
    reaction: frozenset[str]
    plan_nouns: frozenset[str]
    say_verbs: frozenset[str]
    stopwords: frozenset[str]
    places: frozenset[str]
    countries: dict[str, str] = field(default_factory=dict)  # lower-case country name, adjective, capital -> ISO3
    horizon_days: int = 365
    verbs: frozenset[str] = field(default_factory=frozenset)  # lemmas known as verbs (cue and act verbs)
    #: first word of a cue phrase -> (relation or "hedge", pattern), longest patterns first
    cue_index: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = field(default_factory=dict)
    #: verbs of getting ready, every form ("began preparing for the tariff"): after "began" no rule applying
    preparatory: frozenset[str] = field(default_factory=frozenset)
    #: object concepts whose words are keyed as themselves too (``keep_words: true``): they name bodies that act
    #: ("the European Parliament", "the House of Representatives"), so a doer's name stays a key (round p50)
    named: frozenset[str] = field(default_factory=frozenset)

    def lemmas(self, word: str) -> tuple[tuple[str, str], ...]:
        """(lemma, tag) readings of a lower-cased word; an unknown word is its own lemma."""
        return self.forms.get(word) or ((word, "base"),)


def inflect(lemma: str, pos: str) -> list[tuple[str, str]]:
    """Regular inflections of a lemma: verbs -> s, past, ing; nouns -> pl (over-generation is harmless)."""
    out = [(lemma, "base")]
    if pos == "n":
        if lemma.endswith("man") and len(lemma) > 4:  # fisherman -> fishermen, serviceman -> servicemen
            out.append((lemma[:-3] + "men", "pl"))
        if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
            out.append((lemma[:-1] + "ies", "pl"))
        elif lemma.endswith(("s", "x", "z", "ch", "sh")):
            out.append((lemma + "es", "pl"))
        else:
            out.append((lemma + "s", "pl"))
        return out
    if pos != "v":
        return out
    if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        out += [(lemma[:-1] + "ies", "s"), (lemma[:-1] + "ied", "past")]
    elif lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        out += [(lemma + "es", "s"), (lemma + "ed", "past")]
    else:
        out += [(lemma + "s", "s"), (lemma + ("d" if lemma.endswith("e") else "ed"), "past")]
    if lemma.endswith("ie"):
        out.append((lemma[:-2] + "ying", "ing"))
    elif lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
        out.append((lemma[:-1] + "ing", "ing"))
    else:
        out.append((lemma + "ing", "ing"))
    # consonant doubling after a short vowel: stop -> stopped, cut -> cutting, ban -> banned
    if len(lemma) >= 3 and lemma[-1] not in _VOWELS + "wxy" and lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS:
        d = lemma + lemma[-1]
        out += [(d + "ed", "past"), (d + "ing", "ing")]
    return out


def _patterns(items: Any) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted({tuple(str(p).lower().split()) for p in items or ()}, key=lambda t: (-len(t), t)))


def _countries() -> tuple[frozenset[str], dict[str, str]]:
    """(words of country names, adjectives, demonyms and capitals; lower-case name -> ISO3) from the actor KB."""
    from ..tables import data_path

    out: set[str] = set()
    names: dict[str, str] = {}
    with data_path("actors/countries.csv").open(encoding="utf-8") as fh:
        rows = csv.reader(line for line in fh if not line.startswith("#"))
        header = next(rows)
        want = [header.index(c) for c in ("name", "aliases", "adjectives", "demonyms", "capital")]
        for row in rows:
            for i in want:
                for name in (row[i] if i < len(row) else "").split(";"):
                    if name.strip().isupper() and len(name.strip()) <= 3:
                        names.setdefault(name.strip(), row[0])  # "US", "UK": matched as written
                    name = name.strip().lower()
                    if len(name) > 2 and name not in ("georgia",):
                        names.setdefault(name, row[0])
                        if i in want[2:4]:
                            names.setdefault(name + "s", row[0])
                    for w in re.findall(r"[a-z][a-z'’.-]+", name):
                        out.add(w.strip(".'’"))
                        if i in want[2:4]:
                            out.add(w + "s")  # plural demonyms: Israelis, Britons
    return frozenset(w for w in out if len(w) > 2), names


@lru_cache(maxsize=2)
def lexicon(concepts_path: str | None = None, relations_path: str | None = None) -> Lexicon:
    """Load the tracker's lexicon (``concepts.yaml`` and ``relations.yaml`` may be replaced for experiments).

    Raises :class:`gaiko.errors.DataFileError` naming the file when a section is missing."""
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    cpath = concepts_path or str(data_path("pledges/concepts.yaml"))
    rpath = relations_path or str(data_path("pledges/relations.yaml"))
    c: dict[str, Any] = load_yaml(cpath) or {}
    r: dict[str, Any] = load_yaml(rpath) or {}
    for key in ("actions", "objects"):
        if not isinstance(c.get(key), dict):
            raise DataFileError(cpath, f"missing section {key!r}; see gaiko/data/pledges/concepts.yaml for the layout")
    for key in ("cues", "negation", "future"):
        if key not in r:
            raise DataFileError(rpath, f"missing section {key!r}; see gaiko/data/pledges/relations.yaml for the layout")
    entries: dict[str, set[Entry]] = {}
    pos_of: dict[str, set[str]] = {}

    def add(phrase: str, concept: str, role: str) -> None:
        lemmas = tuple(str(phrase).lower().split())
        if not lemmas:
            return
        entries.setdefault(lemmas[0], set()).add(Entry(lemmas, concept, role))
        head = lemmas[0] if role == "v" else lemmas[-1]
        pos_of.setdefault(head, set()).add("v" if role == "v" else "n" if role == "n" else "a")

    opposite: dict[str, tuple[str, ...]] = {}
    also: dict[str, frozenset[str]] = {}
    partly: dict[str, frozenset[str]] = {}
    for name, spec in c["actions"].items():
        key = f"a:{name}"
        for role, field_ in (("v", "verbs"), ("n", "nouns"), ("a", "adjectives")):
            for w in spec.get(field_) or ():
                add(w, key, role)
        opp = spec.get("opposite")
        if opp:
            opposite[key] = tuple(f"a:{x}" for x in (opp if isinstance(opp, list) else [opp]))
        also[key] = frozenset(f"a:{x}" for x in spec.get("also") or ())
        partly[key] = frozenset(f"a:{x}" for x in spec.get("partly") or ())
    category: dict[str, str] = {}
    opposite_objects: dict[str, str] = {}
    named: set[str] = set()
    for name, spec in c["objects"].items():
        if spec.get("opposite"):
            opposite_objects[f"o:{name}"] = f"o:{spec['opposite']}"
        for w in spec.get("words") or ():
            add(w, f"o:{name}", "n")
        if spec.get("category"):
            category[f"o:{name}"] = str(spec["category"])
        if spec.get("keep_words"):
            named.add(f"o:{name}")
    wn = data_path("pledges/concepts_wordnet.tsv")
    if wn.is_file():
        for line in wn.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            word, section, concept, synset = line.split("\t")
            add(word, f"{section[0]}:{concept}", "v" if synset.startswith("v") else "n")
    events: dict[tuple[str, str], str] = {}
    objects = set(c["objects"])
    for name, rules in (c.get("events") or {}).items():
        target = f"o:{name}" if name in objects else f"e:{name}"
        for act, obj in rules:
            events[(f"a:{act}", f"o:{obj}")] = target
    broader = {f"o:{k}": f"o:{v}" for k, v in (c.get("broader") or {}).items()}
    # every word the cue lists use is inflected too ("came into force", "has stalled")
    cue_sets = {rel: _patterns(items) for rel, items in (r.get("cues") or {}).items()}
    verbs = {p[0] for pats in cue_sets.values() for p in pats}
    verbs |= {p[0] for p in _patterns(r.get("future"))} | {p[0] for p in _patterns(r.get("negation"))}
    verbs |= {w for p in _patterns(r.get("hedges")) for w in p}
    verbs |= {str(w) for w in r.get("reaction") or ()} | {str(w) for w in r.get("say_verbs") or ()}
    verbs |= {h for h, ps in pos_of.items() if "v" in ps}
    forms: dict[str, set[tuple[str, str]]] = {}
    for lemma in verbs:
        for form, tag in inflect(lemma, "v"):
            forms.setdefault(form, set()).add((lemma, tag))
    nouns = {h for h, ps in pos_of.items() if "n" in ps} | {str(w) for w in r.get("plan_nouns") or ()}
    for lemma in nouns:
        for form, tag in inflect(lemma, "n"):
            forms.setdefault(form, set()).add((lemma, tag))
    irregular = data_path("pledges/irregular_forms.tsv")
    for line in irregular.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        form, lemma, pos = line.split("\t")
        forms.setdefault(form, set()).add((lemma, "past" if pos == "v" else "pl"))
    places, countries = _countries()
    index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for rel, pats in list(cue_sets.items()) + [("hedge", _patterns(r.get("hedges")))]:
        for pat in pats:
            index.setdefault(pat[0], []).append((rel, pat))
    cue_index = {k: tuple(sorted(v, key=lambda x: -len(x[1]))) for k, v in index.items()}
    return Lexicon(
        forms={f: tuple(sorted(v)) for f, v in forms.items()},
        entries={k: tuple(sorted(v, key=lambda e: (-len(e.lemmas), e.concept, e.role))) for k, v in entries.items()},
        opposite=opposite, also=also, partly=partly, events=events, broader=broader, category=category, opposite_objects=opposite_objects, cues=cue_sets,
        negation=_patterns(r.get("negation")), hedges=_patterns(r.get("hedges")), future=_patterns(r.get("future")),
        reaction=frozenset(str(w) for w in r.get("reaction") or ()),
        plan_nouns=frozenset(str(w) for w in r.get("plan_nouns") or ()),
        say_verbs=frozenset(str(w) for w in r.get("say_verbs") or ()),
        stopwords=frozenset(str(w).lower() for w in r.get("stopwords") or ()),
        places=places, countries=countries, horizon_days=int(r.get("horizon_days") or 365), verbs=frozenset(verbs), cue_index=cue_index,
        preparatory=frozenset(f for w in r.get("preparatory") or () for f, _t in inflect(str(w), "v")),
        named=frozenset(named),
    )
