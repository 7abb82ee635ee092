"""Text features the pledge tracker compares: topic stems, actor aliases, verb classes, roles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from collections.abc import Iterable
from typing import Any

__all__ = [
    "EvidenceLexicon", "evidence_lexicon", "stems", "aliases", "verb_class", "sentence_role", "alias_pattern",
    "place_stems", "GroupView", "group_view", "match_sentence", "sentence_stem_rows",
]

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.'’-]*")


@dataclass(frozen=True)
class EvidenceLexicon:
    roles: dict[str, tuple[str, ...]]
    verb_classes: dict[str, frozenset[str]]
    cumulative: frozenset[str]
    stopwords: frozenset[str]
    countries: dict[str, tuple[str, ...]]
    horizon_days: int = 365


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
        horizon_days=int(d.get("horizon_days") or 365),
    )


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude English stem (plural, -ing, -ed), enough to match a pledge's words with a report's."""
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


def sentence_stem_rows(coded: Iterable[Any]) -> dict[str, list[Any]]:
    """Columns (article_id, idx, stem) of ``sentence_stems`` for coded articles: worker processes compute them
    while coding, so the ledger update need not stem the new sentences one by one afterwards."""
    lex = evidence_lexicon()
    cols: dict[str, list[Any]] = {"a": [], "i": [], "s": []}
    for c in coded:
        for sent in c.sentences:
            for w in stems(sent.text, lex):
                cols["a"].append(c.article.id)
                cols["i"].append(sent.index)
                cols["s"].append(w)
    return cols


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


def alias_pattern(names: set[str]) -> re.Pattern[str] | None:
    """A compiled pattern that finds any of the names as a whole word in lower-cased text."""
    if not names:
        return None
    alts = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return re.compile(rf"(?<![a-z])(?:{alts})(?![a-z])")


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
        cues = lex.roles.get(role, ())
        if cues and _any_cue(cues).search(low):  # one pass; then the first cue in list order, as the lexicon ranks them
            for cue in cues:
                if re.search(rf"(?<![a-z]){re.escape(cue)}(?![a-z])", low):
                    return role, cue
    return None, None


@lru_cache(maxsize=64)
def _any_cue(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(c) for c in cues) + r")(?![a-z])")


def place_stems(lex: EvidenceLexicon) -> frozenset[str]:
    """Stems of country names: they say who, not what."""
    return frozenset(stem(a.lower()) for names in lex.countries.values() for a in names)


@dataclass
class GroupView:
    """What the matcher needs to know about one ledger entry's mentions."""

    topic: set[str]  # topic stems, country names left out unless nothing else is left
    pclass: str | None  # verb class of the first mention's action
    names: set[str]  # words that name the actor (the target, for a demand)
    has_country: bool
    own: set[tuple[str, int]] = field(default_factory=set)  # the mentions' own sentences
    made_arts: set[str] = field(default_factory=set)  # articles that state the pledge
    quantity: dict[str, Any] | None = None
    verb: str = ""
    event_type: str | None = None
    first_published: str | None = None
    until: str | None = None  # evidence is read up to this date (the horizon after the deadline or last mention)
    pattern: re.Pattern[str] | None = None  # :func:`alias_pattern` of ``names``


def group_view(group: list[dict[str, Any]], lex: EvidenceLexicon, places: frozenset[str]) -> GroupView:
    import datetime as dt

    first = group[0]
    full: set[str] = set().union(*(m["_topic"] for m in group))
    actor = first["target"] if first["kind"] == "demand" and first.get("target") else first["actor"]
    names = aliases(actor, lex)
    ends = [str(d["end"]) for m in group if (d := m.get("deadline")) and d.get("end")] + [m["published"] for m in group if m.get("published")]
    until = None
    if ends:
        until = (dt.date.fromisoformat(max(ends)[:10]) + dt.timedelta(days=lex.horizon_days)).isoformat()
    return GroupView(
        topic=(full - places) or full, pclass=first["_class"], names=names, has_country=bool(actor.get("country")),
        until=until, pattern=alias_pattern(names),
        own={(m["article_id"], m["sentence_index"]) for m in group}, made_arts={m["article_id"] for m in group},
        quantity=next((m["quantity"] for m in group if m.get("quantity")), None),
        verb=first["action"].split()[0].lower() if first["action"] else "", event_type=first["event_type"],
        first_published=first.get("published"),
    )


def match_sentence(g: GroupView, s: dict[str, Any], events: list[dict[str, Any]], lex: EvidenceLexicon,
                   places: frozenset[str], cache: dict[Any, Any] | None = None) -> dict[str, Any] | None:
    """Evidence one sentence gives about a pledge, or None. ``s`` is a candidate sharing ``s["shared"]`` topic stems
    (article_id, idx, text, published); ``events`` are the events coded in that sentence. ``cache`` keeps what
    depends on the sentence alone across the pledges it is compared with."""
    from .pipeline.quantities import find_quantities

    cache = {} if cache is None else cache
    if (s["article_id"], s["idx"]) in g.own or s["article_id"] in g.made_arts or not s["published"]:
        return None
    if s["published"] < (g.first_published or "") or (g.until and s["published"] > g.until):
        return None
    topic = g.topic
    shared = s["shared"]
    if shared < min(2, len(topic)) or shared / max(1, len(topic)) < 0.34:
        return None
    named = bool(g.pattern and g.pattern.search(s["text"].lower()))
    strong = shared >= 2 and shared / max(1, len(topic)) >= 0.4
    if not named and not (strong and not g.has_country):
        return None
    key = (s["article_id"], s["idx"])
    if (key, g.pclass) not in cache:
        cache[key, g.pclass] = sentence_role(s["text"], g.pclass, lex)
    role, cue = cache[key, g.pclass]
    note = f"cue: {cue}" if cue else None
    qmatch = False
    quantity = g.quantity
    if quantity and quantity.get("unit") and role in (None, "fulfilled", "progress"):
        if (key, "quantities") not in cache:
            cache[key, "quantities"] = [q for _s, _e, q in find_quantities(s["text"]) if q.value is not None]
        same = [q for q in cache[key, "quantities"] if q.unit == quantity["unit"]]
        if same:
            qmatch = True
            got, want = float(same[0].value or 0.0), float(quantity.get("value") or 0)
            if g.verb in lex.cumulative and got < want * 0.95:
                role, note = "partial", f"{same[0].text} of {quantity['text']}"
            elif role is None and abs(got - want) <= 0.05 * max(want, 1e-9):
                role, note = "progress", f"{same[0].text} mentioned"
    if (len(topic) == 1 or not topic - places) and not qmatch and not (
            role in ("fulfilled", "broken") and cue and cue.split()[-1] in lex.verb_classes.get(g.pclass or "", ())):
        return None  # one shared word is too little, unless the promised act itself or its quantity is reported
    ev_id = None
    for ev in events:
        if ev["event_type"] == g.event_type and not ev.get("intended") and not ev.get("negated"):
            ev_id = ev["id"]
            role = role or "progress"
    if role is None:
        return None
    return {"article_id": s["article_id"], "published": s["published"], "sentence_index": s["idx"],
            "sentence": s["text"], "role": role, "event_id": ev_id, "note": note}
