"""The head of a pledge's object phrase (used by :mod:`gaiko.tracking.normalise`): the head noun's keys ("the tariff
on rice" -> ``o:tariff``), what it is about (``{o:rice}``: "sanctions [on the national airline Belavia]"), the names
and numbers that say which one ("Patriot" systems, "the No. 6 reactor"), and the nouns WordNet puts next to a plain
noun head (:func:`wordnet_kin`: "destroyer" ~ "warship"), which name the object in reports too.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..tables import word_sets
from .lexicon import Lexicon, lexicon
from .text import ACT, OBJECT, countries_in, hits, keys, stem, tokenize

__all__ = ["before_participle", "head_keys", "where_keys", "wordnet_kin", "numbered"]


#: word lists: ``gaiko/data/pledges/object_head.yaml`` (read once, on first use)
_WORDS = "pledges/object_head.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``pledges/object_head.yaml`` as a set: ``stop_at``, ``measures``, ``where``, ``spec_stop``."""
    return word_sets(_WORDS)[key]


def head_keys(text: str, lex: Lexicon) -> tuple[set[str], set[str]]:
    """(keys of the head noun of an object phrase, keys of what it is about): the head is the last word before its
    first preposition or comma ("the tariff on rice" -> o:tariff, {o:rice}); past a measure ("12 million tonnes of
    soybeans") the noun it measures."""
    toks = tokenize(text)
    found = hits(toks, lex)
    k = 0
    while k < len(toks) and toks[k].text in _w("stop_at"):  # "with President Donald Trump": the object is after the preposition
        k += 1
    while k < len(toks):
        j = k
        while j < len(toks) and toks[j].text not in _w("stop_at"):
            j += 1
        words = [i for i in range(k, j) if toks[i].text[:1].isalpha()
                 and (toks[i].text not in lex.stopwords or toks[i].text in _w("measures"))]
        head = words[-1] if words else None
        if head is not None and len(words) >= 2 and _participle(toks[head].text, lex):
            head = words[-2]  # "bronzes looted from Benin", "gems linked to the Buddha": the noun, not its participle
        is_act = head is not None and any(h.i <= head < h.j and h.concept.startswith(ACT) and h.role == "n" for h in found) \
            and not any(h.i <= head < h.j and h.concept.startswith(OBJECT) for h in found)  # "the shelling of" is the object
        if head is not None and _name_of(text, toks, head, j):
            # "the Bay of Biscay link", "the Gulf of Riga cable": a proper name's own noun, then the thing (round p48)
            k = j + 1
            continue
        if head is not None and toks[head].text not in _w("measures") and not (is_act and j < len(toks) and toks[j].text == "of"):
            cover = {h.concept for h in found if h.i <= head < h.j and h.concept.startswith(OBJECT)}
            names = {"=" + stem(toks[i].text) for i in range(k, head) if _is_name(text, toks, i, lex)}
            names |= {"#" + toks[i].text for i in range(k, head) if toks[i].text[:1].isdigit() and numbered(toks, i)}
            return cover or {stem(toks[head].text)}, _spec(text, toks, head, lex) | names
        if j < len(toks) and toks[j].text == "of":
            k = j + 1
            continue
        return set(), set()
    return set(), set()


def _name_of(text: str, toks: list[Any], head: int, j: int) -> bool:
    """Whether a capitalised head before "of" is a proper name's own noun that a common noun after the name follows:
    "the Bay of Biscay link", "the Gulf of Riga cable" (the head is "link", "cable"; round p48). "The Port of Callao",
    "the Bank of England" (no common noun after the name) keep their head."""
    if j + 2 >= len(toks) or toks[j].text != "of" or not text[toks[head].start:toks[head].start + 1].isupper():
        return False
    if not text[toks[j + 1].start:toks[j + 1].start + 1].isupper():
        return False
    n = j + 2
    while n < len(toks) and toks[n].text[:1].isalpha() and text[toks[n].start:toks[n].start + 1].isupper():
        n += 1  # the rest of the name ("the Isle of Man ferry", "the Strait of San Juan de Fuca")
    return n < len(toks) and toks[n].text not in _w("stop_at") and toks[n].text[:1].isalpha() \
        and text[toks[n].start:toks[n].start + 1].islower()


def before_participle(text: str, lex: Lexicon) -> str:
    """An object phrase up to a past participle after its first noun ("30 manuscripts looted from Magdala in 1868" ->
    "30 manuscripts"): what follows describes the thing, it does not say which one a report must name (round p45).
    The whole text when it has none."""
    toks = tokenize(text)
    for i in range(1, len(toks)):
        if toks[i].text in _w("stop_at"):
            break
        prev = toks[i - 1].text
        if _participle(toks[i].text, lex) and prev[:1].isalpha() and prev not in lex.stopwords:
            return text[:toks[i].start].rstrip()
    return text


def _participle(word: str, lex: Lexicon) -> bool:
    """A past participle after its noun (a reduced relative clause: "looted", "linked", "taken"), never the head of
    the phrase (round p45). Regular "-ed" forms of five letters or more (not "-eed": "seed", "speed"), and the
    irregular past forms of ``irregular_forms.tsv``."""
    if word.endswith("eed"):
        return False
    return (len(word) > 4 and word.endswith("ed")) or any(tag == "past" and lemma != word for lemma, tag in lex.lemmas(word))


def where_keys(text: str, lex: Lexicon) -> set[str]:
    """Keys of where an object phrase puts its head ("rebuild the breakwater at the port of Callao" -> {o:port,
    callao}): the words after the first locative preposition. A report naming only such a concept names a place, not
    the object, unless it names the pledge's own place words too (round p38). Empty when the phrase says no where."""
    toks = tokenize(text)
    k = next((i for i, t in enumerate(toks) if i > 0 and t.text in _w("where")), None)
    if k is None:
        return set()
    tail = text[toks[k].end:]
    return keys(tail, lex, acts=False, broad=False)


#: a noun with more hyponyms than this is too general for its hyponyms to name it ("action", "power")
_MAX_HYPONYMS = 25


@lru_cache(maxsize=1)
def _wordnet_nouns() -> tuple[dict[str, tuple[frozenset[str], str]], dict[str, frozenset[str]], dict[str, tuple[str, ...]]]:
    """(noun -> (direct hypernyms of its first senses, second hypernym), noun -> its hyponyms, noun -> the
    lexicographer files of its first senses, the first sense's first) from the shipped WordNet table
    ``typemodel/wordnet_classes.tsv.gz`` (gaiko.learn.lexdata); empty when it is not installed."""
    import gzip

    from ..tables import data_path

    path = data_path("typemodel/wordnet_classes.tsv.gz")
    up: dict[str, tuple[frozenset[str], str]] = {}
    down: dict[str, set[str]] = {}
    files: dict[str, tuple[str, ...]] = {}
    if not path.is_file():
        return {}, {}, {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            word, pos, lexnames, h1, h2 = line.rstrip("\n").split("\t")
            if pos != "n":
                continue
            files[word] = tuple(lexnames.split("|"))
            hyper = frozenset(h for h in h1.split("|") if h and "_" not in h)
            up[word] = (hyper, h2 if "_" not in h2 else "")
            for h in hyper:
                down.setdefault(h, set()).add(word)
    return up, {k: frozenset(v) for k, v in down.items()}, files


@lru_cache(maxsize=1)
def _off_senses() -> dict[str, frozenset[str]]:
    """noun -> the WordNet lexicographer files of its senses that are never its sense in a pledge's object
    (``pledges/offsenses.tsv``)."""
    from ..tables import data_path

    out: dict[str, set[str]] = {}
    for line in data_path("pledges/offsenses.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, kind = line.split("\t")[:2]
            out.setdefault(word.strip(), set()).add(kind.strip())
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=20_000)
def wordnet_kin(key: str) -> frozenset[str]:
    """Stems of the nouns WordNet puts next to a noun stem: its direct hypernyms and second hypernym, and its hyponyms
    when it has few ("destroyer" ~ "warship", "law" ~ "legislation", "body" ~ "remains", "convention" ~ "treaty").
    A pledge whose object is a plain noun is then found in reports that name it by one of those."""
    up, down, files = _wordnet_nouns()
    lex = lexicon()
    # the stem drops a final e ("statue" -> "statu", round p45): the noun with it comes before one with an s ("status")
    word = next((w for w in (key, key + "e", key + "s", key + "y", key[:-1] if key.endswith("i") else key) if w in up), None)
    if word is None:
        return frozenset()
    hyper, second = up[word]
    # a hypernym with many hyponyms is a class ("person", "group", "ship"), not another name for the noun
    kin = {h for h in set(hyper) | ({second} if second else set()) if len(down.get(h, ())) <= _MAX_HYPONYMS}
    below = down.get(word, frozenset())
    if len(below) <= _MAX_HYPONYMS:
        # a hyponym of a sense the noun has in the news: one of its first senses' kinds (lexicographer files), less
        # the kinds listed as never the news sense (data: pledges/offsenses.tsv): "mechanism" (a process, an act) is
        # not "robot" or "golem" (its machine sense), "bill" (a draft law) not "buck" or "c-note" (round p38)
        kinds = set(files.get(word, ())) - _off_senses().get(word, frozenset())
        kin |= {w for w in below if kinds & set(files.get(w, ()))}
    return frozenset(stem(w) for w in kin if w not in lex.stopwords and len(w) > 3) - {key}


def numbered(toks: list[Any], i: int) -> bool:
    """A number that names one of a kind: "the No. 6 reactor", "Unit 3", "Flight 17"."""
    j = i - 1
    if j >= 0 and toks[j].text == ".":
        j -= 1
    return j >= 0 and toks[j].text in ("no", "unit", "number", "block", "flight", "reactor")


def _is_name(text: str, toks: list[Any], i: int, lex: Lexicon) -> bool:
    """A capitalised modifier that names which one ("Patriot" systems, "F-35" jets), not a country or a number."""
    raw = text[toks[i].start:toks[i].end]
    return bool(raw[:1].isupper()) and toks[i].text not in lex.places and toks[i].text not in lex.countries \
        and raw.lower() not in lex.stopwords and not raw.isdigit() and raw.lower() not in ("no", "no.")


def _spec(text: str, toks: list[Any], head: int, lex: Lexicon) -> set[str]:
    """What the head is about, as keys: "sanctions [on the national airline Belavia]", "tariff [on US rice] to 5%"."""
    k = head + 1
    if k >= len(toks) or toks[k].text not in ("on", "against", "over"):
        return set()
    j = k + 1
    while j < len(toks) and toks[j].text not in _w("spec_stop"):
        j += 1
    if j == k + 1:
        return set()
    words = text[toks[k + 1].start:toks[j - 1].end]
    return (keys(words, lex, acts=False, broad=False) - {"o:people"}) | {"@" + c for c in countries_in(words, lex)}


#: prepositions that tie the pledge's object to a named point: "the crossing at Bure", "cargo through Assab". Not
#: "in", "near", "across" or "into": they name an area where many things happen ("an embassy in X", "talks in X");
#: nor "to" or "from" alone: a destination or origin is shared by many deeds ("send aid to X", "fuel to X").
_AT_PLACE = frozenset({"at", "through", "via"})


def place_names(text: str, lex: Lexicon) -> set[str]:
    """The stems of the named places the object is at ("reopen the crossing at Bure" -> {"bure"}; "cargo through
    Assab" -> {"assab"}), or of the two ends of a named route ("the road from Bure to Assab" -> {"bure", "assab"}):
    a capitalised word (not a country, demonym or capital, not a stopword) right after "at", "through" or "via" (or
    after "the" there), or after "from" and "to" when both name such places. Countries are sides, never places here.
    Empty when the object names none. A named crossing, port or road is as specific as the object itself: a report
    naming it and the pledger is about the pledge ("ships were turned away from Assab")."""
    toks = tokenize(text)
    out: set[str] = set()
    ends: dict[str, str] = {}
    for i in range(1, len(toks)):
        prev = toks[i - 1].text
        if prev == "the" and i >= 2:
            prev = toks[i - 2].text
        if prev not in _AT_PLACE and prev not in ("from", "to"):
            continue
        raw = text[toks[i].start:toks[i].end]
        word = toks[i].text
        if not (raw[:1].isupper() and raw.isalpha() and word not in lex.countries and word not in lex.places
                and word not in lex.stopwords):
            continue
        if prev in _AT_PLACE:
            out.add(stem(word))
        else:
            ends.setdefault(prev, stem(word))
    if len(ends) == 2:  # a route: "from Bure to Assab"
        out |= set(ends.values())
    return out
