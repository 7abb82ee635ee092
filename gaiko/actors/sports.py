"""Sports sentences: teams, scores, matches and leagues are not international conflict.

"Japan's national team beat South Korea 2-0" or "France attacked from the first whistle" read like state
action to a trigger lexicon. :func:`sports_sentences` finds sentences whose words say sports (the cue
lists of ``gaiko/data/actors/sports.yaml``); the event coder codes no events in them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from ..docindex import sentences, text as doc_text
from ..tables import word_sets

__all__ = ["sports_sentences", "is_sports", "body_words"]

_SCORE = re.compile(r"(?<![\d.,/:-])\d{1,3}\s?[-\u2013]\s?\d{1,3}(?![\d.,/:%-])")
_WORD = re.compile(r"[a-z][a-z'-]*")

#: word lists: ``gaiko/data/actors/not_sport.yaml`` (read once, on first use)
_WORDS = "actors/not_sport.yaml"


def _w(key: str) -> frozenset[str]:
    """A word list of ``actors/not_sport.yaml`` as a set: ``not_sport``."""
    return word_sets(_WORDS)[key]


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """One compiled pattern per cue list (whole words, longest phrase first), and the result verbs. A weak or
    ambiguous cue followed by "of" does not count ("a team of inspectors", "the second half of the year")."""
    data = _data()

    def pattern(key: str, of: bool = True) -> re.Pattern[str]:
        words = sorted({str(w).lower() for w in data.get(key) or []}, key=len, reverse=True)
        tail = r"(?![a-z'-])" + ("" if of else r"(?!\s+of\b)")
        return re.compile(r"(?<![a-z'-])(?:" + "|".join(re.escape(w) for w in words) + ")" + tail)

    results = frozenset(str(w).lower() for w in data.get("results") or [])
    return pattern("strong"), pattern("weak", of=False), pattern("ambiguous", of=False), results


@lru_cache(maxsize=1)
def _state() -> re.Pattern[str]:
    """Words of state action and political violence (``state`` in sports.yaml): a sentence holding one is not
    sports ("gunmen opened fire on the national team's bus", "refuses visa to the tennis star")."""
    words = sorted({str(w).lower() for w in _data().get("state") or []}, key=len, reverse=True) or ["(?!x)x"]
    return re.compile(r"(?<![a-z'-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![a-z'-])")


@lru_cache(maxsize=1)
def _data() -> dict:
    import yaml

    from ..tables import data_path

    return yaml.safe_load(data_path("actors/sports.yaml").read_text(encoding="utf-8")) or {}


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The strong cues written as regular expressions: on the lower-cased text ("in a friendly", not "a friendly
    atmosphere") and on the text as written (cricket's "second Test", not "the second test of a missile")."""
    data = _data()

    def join(key: str) -> re.Pattern[str] | None:
        exprs = [str(x) for x in data.get(key) or []]
        return re.compile("|".join(f"(?:{x})" for x in exprs)) if exprs else None

    return join("patterns"), join("cased")


def _strong(low: str, text: str) -> int:
    strong, _weak, _amb, results = _cues()
    n = len(strong.findall(low))
    lowered, cased = _patterns()
    if lowered is not None:
        n += len(lowered.findall(low))
    if cased is not None:
        n += len(cased.findall(text))
    score = _SCORE.search(text)
    if score and max(int(x) for x in re.findall(r"\d+", score.group(0))) <= 200:
        words = set(_WORD.findall(low))
        if words & results and not words & _w("not_sport"):
            n += 1  # "beat South Korea 2-0" (not "won the vote 52-48", "a 5-4 ruling")
    return n


def is_sports(text: str) -> bool:
    """Whether one sentence on its own reads as sports."""
    low = text.lower()
    if _state().search(low):
        return False
    _s, weak, amb, _r = _cues()
    n_weak = len(weak.findall(low))
    return _strong(low, text) > 0 or n_weak >= 2 or (n_weak == 1 and len(amb.findall(low)) >= 2)


@lru_cache(maxsize=1)
def body_words() -> tuple[frozenset[str], ...]:
    """The governing bodies of sport (``bodies``), the head nouns of a body's name (``body_heads``), the sports
    that make such a head a body (``body_sports``), the verbs of saying a body only reports with (``body_says``) and
    a body's organs (``body_parts``) of ``sports.yaml``, lower-cased (round x57)."""
    data = _data()
    return tuple(frozenset(str(w).lower() for w in data.get(k) or [])  # type: ignore[return-value]
                 for k in ("bodies", "body_heads", "body_sports", "body_says", "body_parts"))


def _body_subject(doc: Doc, start: int, end: int) -> bool:
    """Whether a verb of the sentence ``doc[start:end]`` has a sport's governing body as its subject or object ("FIFA
    suspended ...", "Six Caribbean football associations threatened ...", "FIFA's ethics committee charged ...",
    "... suspended the Zimbabwe Football Association": ``bodies``, ``body_heads`` with one of ``body_sports`` in
    ``sports.yaml``; round x57), unless the verb is one of saying (``body_says``)."""
    bodies, heads, kinds, says, parts = body_words()
    if not bodies and not heads:
        return False
    for tok in doc[start:end]:
        if tok.dep_ not in ("nsubj", "nsubjpass", "pobj", "dobj", "npadvmod") \
                or tok.dep_ == "pobj" and tok.head.dep_ != "agent" \
                or tok.dep_ == "npadvmod" and (tok.i > tok.head.i or any(c.dep_ == "nsubj" for c in tok.head.children)):
            continue  # the parser reads a sentence-first "FIFA suspended ..." as a modifier at times
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        if verb.lemma_.lower() in says:
            continue  # "..., FIFA confirmed": the body reports, it does not act
        if tok.lower_ in bodies or tok.lemma_.lower() in parts and any(c.dep_ == "poss" and c.lower_ in bodies
                                                                          for c in tok.children):
            return True
        if tok.lower_ in heads and any(t.lower_ in kinds for t in tok.subtree if t.i != tok.i):
            return True
    return False


def sports_sentences(doc: Doc) -> set[int]:
    """Token indices of the first token of each sports sentence of ``doc`` (cached in ``doc.user_data``).

    A sentence is sports with one strong cue or two sports nouns; in an article that has a strong cue, one
    sports noun or one ambiguous word ("attacked", "defeat") is enough. A sentence with a word of state action
    or political violence (``state`` in sports.yaml), or whose subject is a sport's governing body (round x57), is
    never sports; its cues still mark the article."""
    hit = doc.user_data.get("gaiko.sports")
    if hit is not None:
        return hit  # type: ignore[no-any-return]
    text = doc_text(doc)
    low = text.lower()
    _strong_re, weak, amb, _r = _cues()
    spans = [(sp.start, sp.start_char, sp.end_char) for sp in sentences(doc).spans]
    strong = {start for start, a, b in spans if _strong(low[a:b], text[a:b])}
    state = _state()
    body = {sp.start for sp in sentences(doc).spans if _body_subject(doc, sp.start, sp.end)}
    out = {start for start, a, b in spans if start in strong and not state.search(low, a, b) and start not in body}
    for start, a, b in spans:
        if start in strong or state.search(low, a, b) or start in body:
            continue
        n_weak = len(weak.findall(low, a, b))
        if n_weak >= 2 or (strong and (n_weak or amb.search(low, a, b))) \
                or (n_weak == 1 and len(amb.findall(low, a, b)) >= 2):
            out.add(start)
    doc.user_data["gaiko.sports"] = out
    return out
