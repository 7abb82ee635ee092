"""Words of a sentence as the tracker reads them: tokens, lemmas, concept hits and linking keys.

No parser runs here: the ledger update reads stored sentences, so everything is a dictionary
lookup over regular-expression tokens (the coder's parse already decided who the actors are; see
:mod:`gaiko.tracking.normalise`).

*Keys* are what linking compares (:func:`keys`): a concept key (``a:reduce``, ``o:tariff``) for
every word or phrase of the concept table, the keys of events named by a word of their own
(stop + fighting -> ``o:ceasefire``), broader objects (rice -> grain), and a crude stem for every other
content word. Country names are left out: they say who, not what.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from .lexicon import Lexicon
from .hyphennames import name_parts

__all__ = ["Tok", "Hit", "tokenize", "hits", "match_from", "find", "keys", "stem", "countries_in", "analyse", "tokens_hits", "cue_spans", "OBJECT", "ACT"]

ACT = "a:"
OBJECT = "o:"
# "n't" is a token of its own, after the word it hangs on ("won't" -> "wo" "n't", "doesn’t" -> "does" "n't"; until
# round l20 "won't" became "won'" and its negation was lost)
_TOKEN = re.compile(r"n['’]t\b|[A-Za-z][A-Za-z'’-]*?(?=n['’]t\b)|[A-Za-z][A-Za-z'’-]*|\d+(?:[.,]\d+)*%?|[;:,.()—–\"“”$€£¥]")


class Tok(NamedTuple):  # a named tuple, not a dataclass: sentences make hundreds of thousands of them
    text: str  # lower case
    start: int  # character offset in the text
    end: int


class Hit(NamedTuple):
    """A concept found in a text: tokens [i, j), the concept key, its role (v, n, a) and the first token's tag."""

    i: int
    j: int
    concept: str
    role: str
    tag: str
    gap: bool = False  # a phrase with a gap ("hold * steady"): the words inside it are not the concept's (round p40)


def tokenize(text: str) -> list[Tok]:
    out = []
    append = out.append
    low = text.lower().replace("’", "'")
    aligned = len(low) == len(text)  # lower-casing kept every offset (tokens are ASCII letters, digits, signs)
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        w = low[s:e] if aligned else m.group(0).lower().replace("’", "'")
        if len(w) > 2 and w.endswith("'s"):
            append(Tok(w[:-2], s, e - 2))
            continue
        append(Tok(w, s, e))
    return out


def _lemma_at(toks: list[Tok], k: int, lex: Lexicon) -> tuple[tuple[str, str], ...]:
    return lex.lemmas(toks[k].text)


def find(toks: list[Tok], pattern: tuple[str, ...], lex: Lexicon, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Spans [i, j) of ``toks[lo:hi]`` whose lemmas match ``pattern`` ("*" skips up to three words, "**" up to eight
    of one clause, "=word" that form only)."""
    hi = len(toks) if hi is None else hi
    out = []
    for i in range(lo, hi):
        j = match_from(toks, pattern, i, hi, lex)
        if j is not None:
            out.append((i, j))
    return out


#: what ends a clause: a "**" gap of a cue never crosses one
_CLAUSE_MARKS = frozenset({",", ";", ":", ".", "!", "?", "(", ")"})


def match_from(toks: list[Tok], pattern: tuple[str, ...], i: int, hi: int, lex: Lexicon) -> int | None:
    """The end of ``pattern`` (lemmas, ``*`` for up to three words, ``**`` for up to eight with no clause mark among them,
    ``=word`` for that form only) matched from token ``i`` (before ``hi``), or None."""
    k = i
    p = 0
    while p < len(pattern):
        want = pattern[p]
        if want in ("*", "**"):  # "**": up to eight words of one clause ("put its plan for the new bridge on hold")
            nxt = pattern[p + 1] if p + 1 < len(pattern) else None
            for skip in range(0, 4 if want == "*" else 9):
                if want == "**" and k + skip < hi and toks[k + skip].text in _CLAUSE_MARKS:
                    return None
                if k + skip < hi and nxt is not None and any(lem == nxt for lem, _t in _lemma_at(toks, k + skip, lex)):
                    k += skip
                    break
            else:
                return None
            p += 1
            continue
        if k >= hi:
            return None
        if want[:1] == "=":  # "=hold": that form only ("on hold", never "on holding")
            if toks[k].text != want[1:]:
                return None
        elif not any(lem == want for lem, _t in _lemma_at(toks, k, lex)) and toks[k].text != want:
            return None
        k += 1
        p += 1
    return k


def hits(toks: list[Tok], lex: Lexicon) -> list[Hit]:
    """Every concept word or phrase of the tokens (a phrase and a shorter one inside it both count)."""
    out: list[Hit] = []
    n = len(toks)
    for i in range(n):
        readings = _readings(toks[i].text, lex)
        if not readings:
            continue
        seen: set[tuple[str, str]] = set()
        for tag, entries in readings:
            for e in entries:
                if (e.concept, e.role) in seen:
                    continue
                if len(e.lemmas) == 1:
                    j: int | None = i + 1
                else:
                    j = match_from(toks, e.lemmas, i, n, lex)
                if j is None:
                    continue
                if e.role == "v" and tag == "pl" or e.role == "n" and tag in ("past", "ing", "s") and len(e.lemmas) == 1:
                    continue  # "cuts" can be a noun; "cutting" is not the noun "cut"
                seen.add((e.concept, e.role))
                out.append(Hit(i, j, e.concept, e.role, tag, "*" in e.lemmas and j - i > len(e.lemmas) - 1))
    return out


_READINGS: dict[tuple[int, str], tuple[tuple[str, tuple[Any, ...]], ...]] = {}


def _readings(word: str, lex: Lexicon) -> tuple[tuple[str, tuple[Any, ...]], ...]:
    """(tag, concept entries starting with the lemma) of each reading of a word that starts any entry, cached."""
    key = (id(lex), word)
    got = _READINGS.get(key)
    if got is None:
        readings = lex.lemmas(word)
        if all(lem != word for lem, _t in readings):
            readings = (*readings, (word, "base"))  # "captured" starts "captured * soldier"
        got = tuple((tag, es) for lemma, tag in readings if (es := lex.entries.get(lemma, ())))
        if len(_READINGS) > 200_000:
            _READINGS.clear()
        _READINGS[key] = got
    return got


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude English stem (plural, -ing, -ed, a final e), enough to match a pledge's rarer words with a report's:
    "bronze" and "bronzes" are both "bronz"."""
    w = word.lower().strip(".'’").replace("’s", "").replace("'s", "")
    w = w.replace("defense", "defence")
    for suf in ("ings", "ing", "ies", "es", "ed", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            w = w[: -len(suf)] + ("y" if suf == "ies" else "")
            break
    else:
        if len(w) > 4 and w.endswith("e"):
            w = w[:-1]  # "bronze" as "bronzes" ("bronz"), "guideline" as "guidelines", "close" as "closed" (round p45)
    return w


def concept_keys(found: list[Hit], lex: Lexicon, broad: bool = True) -> set[str]:
    """Concept keys of hits, with (``broad``) the events they name together and broader objects."""
    ks = {h.concept for h in found}
    if not broad:
        return ks
    acts = [k for k in ks if k.startswith(ACT)]
    objs = [k for k in ks if k.startswith(OBJECT)]
    for a in acts:
        for o in objs:
            ev = lex.events.get((a, o))
            if ev:
                ks.add(ev)
    for o in objs:
        b = lex.broader.get(o)
        if b:
            ks.add(b)
    return ks


def keys(text: str | None, lex: Lexicon, *, acts: bool = True, broad: bool = True) -> set[str]:
    """Linking keys of a text: concept keys plus stems of the other content words (see module doc); without
    ``broad``, no event or broader keys (what a text names itself)."""
    if not text:
        return set()
    full = (id(lex), "k", text, acts, broad)
    got = _MEMO.get(full)
    if got is None:
        got = _memo(full[1:], lex, lambda: _keys(text, lex, acts, broad))
    return set(got)


_MEMO: dict[tuple[Any, ...], frozenset[str]] = {}


def _default() -> Lexicon:
    from .lexicon import lexicon

    return lexicon()


def _memo(key: tuple[Any, ...], lex: Lexicon, make: Any) -> frozenset[str]:
    """Results that depend only on a text (and the lexicon): the ledger reads one sentence against many pledges."""
    full = (id(lex), *key)
    got = _MEMO.get(full)
    if got is None:
        if len(_MEMO) > 200_000:
            _MEMO.clear()
        got = _MEMO[full] = make()
    return got


def _keys(text: str, lex: Lexicon, acts: bool, broad: bool) -> frozenset[str]:
    toks, found = (list(x) for x in _tokens_hits(text)) if lex is _default() else (tokenize(text), None)
    found = found if found is not None else hits(toks, lex)
    out = concept_keys(found, lex, broad)
    if not acts:
        out = {k for k in out if not k.startswith(ACT)}
    if any(t.text[:1].isdigit() for t in toks) and _has_money(text):
        out.add("o:money")  # "a further £20 million": an amount of money names the money itself
    covered = {k for h in found if h.concept not in lex.named
               for k in ((h.i, h.j - 1) if h.gap else range(h.i, h.j))}  # "keep [production] flat"
    # a verb of the concept table used as a noun ("set up a joint commission", "the commission met"): the word names
    # a thing too, so it is keyed as itself as well as by its act (round p38); a broad key, not one of the words a
    # pledge names itself (``broad=False``), which say how specific its object is
    if broad:
        covered -= {h.i for h in found if h.role == "v" and h.j == h.i + 1 and h.concept.startswith(ACT)
                    and _after_determiner(toks, h.i, found) and _phrase_ends(toks, h.i + 1, lex)}
    for k, t in enumerate(toks):
        w = t.text
        if k in covered or not w[:1].isalpha() or len(w) < 3 or w in lex.stopwords or w in lex.places:
            continue
        out.add(stem(w))
        out.update(stem(p) for p in name_parts(text[t.start:t.end], lex))  # "Vulcanesti-Chisinau" (round t58)
    return frozenset(out)


@lru_cache(maxsize=1)
def noun_openers() -> tuple[frozenset[str], frozenset[str]]:
    """(determiners, noun-phrase openers) of ``pledges/nounphrase.yaml``: words after which a verb form is a noun."""
    from ..tables import data_path, load_yaml

    data = load_yaml(data_path("pledges/nounphrase.yaml")) or {}
    return frozenset(map(str, data.get("determiners") or ())), frozenset(map(str, data.get("openers") or ()))


def _after_determiner(toks: list[Tok], i: int, found: list[Hit]) -> bool:
    """Token i right after a determiner, or after one and a modifier that is no act ("a joint commission")."""
    dets = noun_openers()[0]
    if i >= 1 and toks[i - 1].text in dets:
        return True
    return i >= 2 and toks[i - 2].text in dets and toks[i - 1].text.isalpha() \
        and not any(h.i <= i - 1 < h.j and h.concept.startswith(ACT) for h in found)


def _phrase_ends(toks: list[Tok], k: int, lex: Lexicon) -> bool:
    """The noun phrase ends before token k: no token, a sign, a function word or a past verb ("the commission held"),
    not another noun ("the returns scheme": "returns" only modifies)."""
    if k >= len(toks) or not toks[k].text[:1].isalpha() or toks[k].text in lex.stopwords:
        return True
    return any(tag == "past" for _lem, tag in lex.lemmas(toks[k].text))


_MONEY_UNITS = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "KRW", "INR", "RUB"})


def _has_money(text: str) -> bool:
    from .quantities import find_quantities

    return any(q.unit in _MONEY_UNITS for _s, _e, q in find_quantities(text))


_NAME = re.compile(r"[A-Za-z][A-Za-z.'’-]*")


def countries_in(text: str, lex: Lexicon) -> set[str]:
    """ISO3 codes of the countries a text names (names, adjectives, demonyms, capitals; "US" as written)."""
    got = _MEMO.get((id(lex), "c", text or ""))
    if got is None:
        got = _memo(("c", text or ""), lex, lambda: _countries_in(text or "", lex))
    return set(got)


def _countries_in(text: str, lex: Lexicon) -> frozenset[str]:
    words = [m.group(0).replace("’", "'") for m in _NAME.finditer(text)]
    words = [w if w in lex.countries or w.lower() in lex.countries else w.rstrip(".") for w in words]
    # "German-funded", "Iran-backed": the actor layer gives such a name no country of its own (gaiko.actors.wording),
    # but the sentence still names the country
    words = [p for w in words for p in ((w,) if "-" not in w or w.lower() in lex.countries else w.split("-")) if p]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    out: set[str] = set()
    firsts = _multiword_firsts(lex)
    k = 0
    while k < len(words):
        if words[k][:1].islower():  # every phrase from here starts lower case: no name (both tests need a capital)
            k += 1
            continue
        for n in (4, 3, 2, 1):
            if k + n > len(words):
                continue
            if n > 1 and words[k].lower() not in firsts:
                continue  # no name of several words starts with it
            phrase = " ".join(words[k:k + n])
            iso = lex.countries.get(phrase) if n == 1 and phrase.isupper() and len(phrase) <= 3 else None
            iso = iso or (lex.countries.get(phrase.lower()) if len(phrase) > 2 and phrase[:1].isupper() else None)
            if iso:
                out.add(iso)
                k += n
                break
        else:
            k += 1
    return frozenset(out)


_FIRSTS: dict[int, frozenset[str]] = {}


def _multiword_firsts(lex: Lexicon) -> frozenset[str]:
    """First words of the country names of several words (a phrase of words can only be one of those)."""
    got = _FIRSTS.get(id(lex))
    if got is None:
        got = _FIRSTS[id(lex)] = frozenset(k.split(" ")[0] for k in lex.countries if " " in k)
    return got


def cue_spans(toks: list[Tok], lex: Lexicon) -> list[tuple[int, int, str, str]]:
    """Every cue phrase of ``lex.cues`` and hedge in the tokens, as (start, end, relation or "hedge", words): patterns
    are tried only where their first word stands (``lex.cue_index``), so the cost follows the sentence, not the lists."""
    out = []
    n = len(toks)
    for i in range(n):
        for rel, pattern in _cues_from(toks[i].text, lex):
            j = match_from(toks, pattern, i, n, lex)
            if j is not None:
                out.append((i, j, rel, " ".join(t.text for t in toks[i:j])))
    return out


_CUES_FROM: dict[tuple[int, str], tuple[tuple[str, tuple[str, ...]], ...]] = {}


def _cues_from(word: str, lex: Lexicon) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The (relation, pattern) cues that may start at a word (the word or one of its lemmas first), cached."""
    key = (id(lex), word)
    got = _CUES_FROM.get(key)
    if got is None:
        cands = {word} | {lem for lem, _t in lex.lemmas(word)}
        got = tuple(c for first in cands for c in lex.cue_index.get(first, ()))
        if len(_CUES_FROM) > 200_000:
            _CUES_FROM.clear()
        _CUES_FROM[key] = got
    return got


@lru_cache(maxsize=50_000)
def _tokens_hits(text: str) -> tuple[tuple[Tok, ...], tuple[Hit, ...]]:
    """(tokens, concept hits) of a sentence, cached (linking keys need no cue spans); "the 50% rate" on goods is a
    tariff (round t59, :mod:`gaiko.tracking.ratetariff`)."""
    from .ratetariff import rate_hits

    lex = _default()
    toks = tokenize(text)
    found = hits(toks, lex)
    return tuple(toks), tuple(found + rate_hits(text, toks, found, lex))


tokens_hits = _tokens_hits


@lru_cache(maxsize=50_000)
def analyse(text: str) -> tuple[tuple[Tok, ...], tuple[Hit, ...], tuple[tuple[int, int, str, str], ...]]:
    """(tokens, concept hits, cue spans) of a sentence, cached: the ledger reads one sentence against many pledges."""
    toks, found = _tokens_hits(text)
    return toks, found, tuple(cue_spans(list(toks), _default()))
