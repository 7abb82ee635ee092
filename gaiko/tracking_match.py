"""Text features the pledge tracker compares: topic stems, actor aliases, verb classes, roles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["EvidenceLexicon", "evidence_lexicon", "stems", "aliases", "verb_class", "sentence_role", "mentions_alias"]

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.'’-]*")


@dataclass(frozen=True)
class EvidenceLexicon:
    roles: dict[str, tuple[str, ...]]
    verb_classes: dict[str, frozenset[str]]
    cumulative: frozenset[str]
    stopwords: frozenset[str]
    countries: dict[str, tuple[str, ...]]


@lru_cache(maxsize=2)
def evidence_lexicon(path: str | None = None) -> EvidenceLexicon:
    from .tables import data_path, load_yaml

    d: dict[str, Any] = load_yaml(path or data_path("pledges/evidence.yaml")) or {}
    c: dict[str, Any] = load_yaml(data_path("pledges/countries.yaml")) or {}
    return EvidenceLexicon(
        roles={k: tuple(str(w).lower() for w in v) for k, v in (d.get("roles") or {}).items()},
        verb_classes={k: frozenset(str(w).lower() for w in v) for k, v in (d.get("verb_classes") or {}).items()},
        cumulative=frozenset(d.get("cumulative") or ()),
        stopwords=frozenset(str(w).lower() for w in d.get("stopwords") or ()),
        countries={str(k): tuple(str(x) for x in v) for k, v in c.items()},
    )


def stem(word: str) -> str:
    w = word.lower().strip(".'’").replace("’s", "").replace("'s", "")
    w = w.replace("defense", "defence")
    for suf in ("ings", "ing", "ies", "es", "ed", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            w = w[: -len(suf)] + ("y" if suf == "ies" else "")
            break
    return w


def stems(text: str | None, lex: EvidenceLexicon) -> set[str]:
    """Topic stems of a text: content words, no stopwords, numbers or quantity words."""
    if not text:
        return set()
    out = set()
    for m in _WORD.finditer(text):
        w = m.group(0).lower().strip(".'’")
        if w in lex.stopwords or len(w) < 3:
            continue
        out.add(stem(w))
    return out


def verb_class(action: str, lex: EvidenceLexicon) -> str | None:
    """The verb class of a pledge's action ("hold talks with X" → meet)."""
    words = action.lower().split()
    if not words:
        return None
    verb = words[0]
    if verb in ("hold", "have") and len(words) > 1 and any(w in ("talks", "talk", "meeting", "summit") for w in words[1:3]):
        return "meet"
    for name, forms in lex.verb_classes.items():
        if verb in forms or verb == name:
            return name
    return None


def aliases(actor: dict[str, Any] | None, lex: EvidenceLexicon) -> set[str]:
    """Words whose presence in a sentence names the actor (or its government)."""
    if not actor:
        return set()
    out: set[str] = set()
    for key in ("name", "text"):
        v = actor.get(key)
        if not v:
            continue
        for w in re.findall(r"[A-Z][A-Za-z.’'-]+", v):
            w = w.rstrip("’'s").rstrip(".")
            if w.lower() not in ("the", "prime", "minister", "president", "foreign", "defence", "defense", "chinese", "japanese") and len(w) > 2:
                out.add(w.lower())
    country = actor.get("country")
    if country and country in lex.countries:
        out.update(a.lower() for a in lex.countries[country])
    return out


def mentions_alias(text: str, names: set[str]) -> bool:
    low = text.lower()
    return any(re.search(rf"(?<![a-z]){re.escape(n)}(?![a-z])", low) for n in names)


def sentence_role(text: str, pledge_class: str | None, lex: EvidenceLexicon) -> tuple[str | None, str | None]:
    """(role, cue) a sentence plays for a pledge it is about, from its words alone."""
    low = " " + text.lower() + " "
    for role in ("unclear", "withdrawn"):
        for cue in lex.roles.get(role, ()):
            if f" {cue}" in low:
                return role, cue
    if pledge_class:
        forms = lex.verb_classes.get(pledge_class, frozenset())
        for w in re.findall(r"[a-z][a-z-]+", low):
            if w not in forms or w in ("meeting", "summit", "purchases", "imports", "investment"):
                continue
            if re.search(r"\b(not|never|refused to|failed to|declined to|won't|will not)\s+(\w+\s+)?" + re.escape(w), low):
                return "broken", f"not {w}"
            if not re.search(rf"\b(will|would|to|plans? to|hopes? to)\s+{w}\b", low):
                return "fulfilled", w
    for role in ("broken", "fulfilled", "progress"):
        for cue in lex.roles.get(role, ()):
            if re.search(rf"(?<![a-z]){re.escape(cue)}(?![a-z])", low):
                return role, cue
    return None, None
