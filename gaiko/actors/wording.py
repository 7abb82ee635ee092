"""Words that change what a name means: "pro-Russian", "Iran-backed", "English-speaking" (no country), the
last words of organisation names ("... Liberation Front") that the tagger may take for people, and coordinated
nationality words that give one phrase two countries ("Kenyan and Somali police")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token

from ..docindex import columns
from ..tables import word_sets

if TYPE_CHECKING:
    from .kb import KnowledgeBase

__all__ = ["honorifics", "org_heads", "not_of", "pro_anti", "phrase_countries"]

#: word lists: ``gaiko/data/actors/wording.yaml`` (read once, on first use)
_WORDS = "actors/wording.yaml"


def org_heads() -> frozenset[str]:
    """Last words of organisation names the tagger may take for people ("The Tigray People's Liberation Front")."""
    return word_sets(_WORDS)["org_heads"]


def honorifics() -> frozenset[str]:
    """Words before a name that are no first name ("Mr Trump", "Sheikh Tamim"), lower case."""
    return word_sets(_WORDS)["honorifics"]


def not_of() -> frozenset[str]:
    """Words after "Iran-", "English-", "US-" ("backed", "speaking", "made"): the name before them is not the country of
    what they describe."""
    return word_sets(_WORDS)["not_of"]


def pro_anti(doc: Doc, i: int, end: int | None = None) -> bool:
    """The name at tokens i..end-1 gives no country to what it describes: "pro-Russian separatists",
    "anti-American protests", "Iran-backed militias", "English-speaking regions"."""
    low = columns(doc).lower
    if i >= 1 and low[i - 1] in ("pro-", "anti-"):
        return True
    if i >= 2 and low[i - 1] == "-" and low[i - 2] in ("pro", "anti"):
        return True
    if end is not None and end + 1 < len(low) and low[end] == "-" and low[end + 1] in not_of():
        return True
    return end is not None and end < len(low) and low[end].lstrip("-") in not_of() and low[end].startswith("-")


def _own_words(w: Token) -> str:
    """The words of a modifier without what is coordinated with it ("South Korean" of "American and South Korean")."""
    skip = {x.i for c in w.children if c.dep_ in ("conj", "cc", "punct") for x in c.subtree}
    return " ".join(t.text for t in w.subtree if t.i not in skip)


def phrase_countries(head: Token, kb: KnowledgeBase) -> list[str]:
    """The countries of the coordinated nationality words or country names before a noun ("Kenyan and Somali
    police" -> ``["KEN", "SOM"]``, "US and British jets", "French, German and Italian troops"), in the order
    written, as the knowledge base ``kb`` knows the words; ``[]`` unless two or more different countries are named
    so."""
    from .kb import norm

    mods = [m for m in head.children if m.dep_ in ("amod", "compound", "nmod") and m.i < head.i]
    if not any(c.dep_ in ("conj", "cc") for m in mods for c in m.children):  # "A and B police", "A, B and C troops"
        return []
    words = sorted({x for m in mods for x in [m, *(c for c in m.subtree if c.dep_ == "conj" and c.i < head.i)]},
                   key=lambda t: t.i)
    out: list[str] = []
    phrases = kb.phrases
    for w in words:
        code = next((str(e.country) for e, _ in phrases.get(norm(_own_words(w)), ())
                     if e.kind in ("adjective", "country") and e.country), None)
        if code is not None and code not in out:
            out.append(code)
    return out if len(out) > 1 else []
