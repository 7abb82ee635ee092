"""Token-level matching of knowledge-base names, sector nouns and titles.

All matchers are linear in the number of tokens: at each token they extend a
key one token at a time and stop as soon as the key is no longer a prefix of
any known name (names) or after a few tokens (nouns, titles).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..docindex import columns
from ..tables import word_sets
from .kb import Entry, KnowledgeBase, norm

__all__ = ["NameMatch", "PhraseMatch", "match_names", "match_phrases", "POSSESSIVE", "feature_words"]

POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019"})
#: word lists: ``gaiko/data/actors/place_words.yaml`` (read once, on first use)
_WORDS = "actors/place_words.yaml"


def feature_words() -> frozenset[str]:
    """Capitalised words that make "Niger Delta", "Congo River", "Jordan Valley" geographic features, not countries."""
    return word_sets(_WORDS)["feature_words"]


_MAX_PHRASE = 4


@dataclass
class NameMatch:
    start: int  # token index
    end: int  # exclusive
    entries: list[Entry]

    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}


@dataclass
class PhraseMatch:
    start: int
    end: int
    value: object  # sector (str) for nouns, (sector, role) for titles


def _case_ok(rule: str, words: list[str]) -> bool:
    if rule == "any":
        return True
    text = "".join(words)
    if rule == "upper":
        first = text[:1]
        return first.isupper() or not first.isalpha()
    return text.replace("\u2019", "'") == rule[6:]


def match_names(doc: Doc, kb: KnowledgeBase) -> list[NameMatch]:
    """Longest non-overlapping knowledge-base name matches, left to right.

    The result is kept with the document (per knowledge base): the actor and
    place components both ask for it. Callers must not change it.
    """
    cache_key = f"gaiko.names.{id(kb)}"
    hit = doc.user_data.get(cache_key)
    if hit is not None and hit[0] is kb:
        return hit[1]  # type: ignore[no-any-return]
    out: list[NameMatch] = []
    n = len(doc)
    cols = columns(doc)
    norms = [norm(t) for t in cols.text]
    texts, space, punct = cols.text, cols.space, cols.punct
    prefixes, phrases, max_tokens, spaced = kb.prefixes, kb.phrases, kb.max_tokens, kb.spaced
    i = 0
    while i < n:
        if norms[i] not in prefixes:  # (the loop below would stop at once)
            i += 1
            continue
        key = ""
        best: NameMatch | None = None
        crossed = False  # a space lies inside the run: only a name of two words or more (kb.spaced) may match
        for j in range(i, min(n, i + max_tokens)):
            if j > i and space[j - 1] and punct[j] and texts[j] not in ("-", "."):
                break
            crossed = crossed or (j > i and bool(space[j - 1]))
            key += norms[j]
            if key not in prefixes:
                break
            bucket = phrases.get(key)
            if bucket and (not crossed or key in spaced):
                words = texts[i:j + 1]
                entries = [e for e, rule in bucket if _case_ok(rule, words)]
                if entries:
                    best = NameMatch(i, j + 1, entries)
        if best is not None and best.end < n and texts[best.end] in feature_words() \
                and any(e.kind in ("country", "adjective", "capital") for e in best.entries):
            best = None  # "the Niger Delta", "the Congo River", "the Jordan Valley": a feature, not the country
        if best is not None and _inside_longer_place(kb, texts, norms, i, best):
            best = None  # "New South Wales", "Northern Ireland": a region of another country, not Wales or Ireland
        if best is not None:
            out.append(best)
            i = best.end
        else:
            i += 1
    doc.user_data[cache_key] = (kb, out)
    return out


def _inside_longer_place(kb: KnowledgeBase, texts: list[str], norms: list[str], i: int, m: NameMatch) -> bool:
    """Whether a country's name (or adjective, or capital) matched at token ``i`` ends a longer name of one or two
    capitalised words before it that ``regions.csv`` or the curated places know as a place of another country
    ("New South Wales" is Australia's, "Northern Ireland" the United Kingdom's; round a36)."""
    own = {e.country for e in m.entries if e.kind in ("country", "adjective", "capital")}
    if not own:
        return False
    for k in (1, 2):
        if i - k < 0 or not all(texts[j][:1].isupper() and texts[j].isalpha() for j in range(i - k, i)):
            return False
        key = "".join(norms[i - k:m.end])
        found = {c for _n, c, _a in kb.regions.get(key, ())}
        place = kb.places.get(key)
        if place is not None and place.country:
            found.add(place.country)
        if found and not found & own:
            return True
    return False


_PREFIXES: dict[int, tuple[dict[str, object], frozenset[str]]] = {}


def _phrase_prefixes(table: dict[str, object]) -> frozenset[str]:
    """Every key of ``table`` cut before each of its spaces, and whole: a run of tokens that is
    none of these cannot grow into a key."""
    hit = _PREFIXES.get(id(table))
    if hit is not None and hit[0] is table:
        return hit[1]
    out: set[str] = set()
    for key in table:
        out.update(key[:k] for k, ch in enumerate(key) if ch == " ")
        out.add(key)
    prefixes = frozenset(out)
    _PREFIXES[id(table)] = (table, prefixes)  # the table is kept with its id, so the id is never reused
    return prefixes


def match_phrases(doc: Doc, table: dict[str, object], nouns_only: bool = True) -> dict[int, PhraseMatch]:
    """Longest phrase of ``table`` ending at each token, keyed by its last token index.

    Keys of ``table`` are lower-case words separated by single spaces; a token
    run matches by its lower-case text or by its lemmas.
    """
    out: dict[int, PhraseMatch] = {}
    n = len(doc)
    cols = columns(doc)
    lowers, lemmas, pos = cols.lower, cols.lemma, cols.pos
    prefixes = _phrase_prefixes(table)
    for i in range(n):
        if not lowers[i][:1].isalpha() or (lowers[i] not in prefixes and lemmas[i] not in prefixes):
            continue
        text_key = ""
        lemma_key = ""
        for j in range(i, min(n, i + _MAX_PHRASE)):
            sep = " " if j > i else ""
            text_key += sep + lowers[j]
            lemma_key += sep + lemmas[j]
            if text_key not in prefixes and lemma_key not in prefixes:
                break
            val = table.get(text_key)
            if val is None:
                val = table.get(lemma_key)
            if val is None:
                continue
            if nouns_only and pos[j] not in ("NOUN", "PROPN"):
                continue
            prev = out.get(j)
            if prev is None or prev.start > i:
                out[j] = PhraseMatch(i, j + 1, val)
    return out
