"""Names whose actor depends on context (``gaiko/data/actors/ambiguous.yaml``): acronyms two organisations share
("RSF": Reporters Without Borders or Sudan's Rapid Support Forces) and party names many countries' parties bear
("Labour", "the Democratic Party"). The resolver resolves such a name after the other names of the article, so
that the countries the article names can decide."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .context import TRANSNATIONAL

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..types import Actor
    from .kb import Entry
    from .mentions import Mention

__all__ = ["generic_names", "cue_words", "needs_context", "shared_acronym", "pick_entry", "generic_name",
           "resolve_in_context"]

_DATA = Path(__file__).resolve().parent.parent / "data" / "actors" / "ambiguous.yaml"
#: sectors of a head noun that make an acronym an armed group's ("RSF fighters")
_ARMED = frozenset({"MIL", "REB", "INS", "UAF"})


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    import yaml

    from ..errors import DataFileError

    try:
        raw = yaml.safe_load(_DATA.read_text(encoding="utf-8")) or {}
        names = frozenset(str(w).lower() for w in raw.get("generic_names") or ())
        cues = {str(k): frozenset(str(w).lower() for w in v or ()) for k, v in (raw.get("cues") or {}).items()}
        return names, cues
    except (OSError, yaml.YAMLError, AttributeError) as exc:
        raise DataFileError(str(_DATA), f"cannot read the ambiguous-names lists: {exc}") from exc


def generic_names() -> frozenset[str]:
    """Lower-case party names that many countries' parties bear ("labour", "democratic party")."""
    return _lists()[0]


def cue_words() -> dict[str, frozenset[str]]:
    """Canonical organisation name -> lemmas that, in a sentence, tell a shared acronym is that organisation's."""
    return _lists()[1]


def shared_acronym(m: Mention) -> bool:
    """Whether a name mention matched two or more different organisations (a shared acronym)."""
    return len({(e.name, e.country) for e in m.entries if e.kind == "org"}) > 1


def generic_name(doc: Doc, m: Mention) -> bool:
    """Whether a name mention is a party name of ``generic_names`` ("Labour", "the Democratic Party"), alone or
    before a sector noun ("Labour unions")."""
    if m.kind != "name" or not any(e.kind == "org" for e in m.entries):
        return False
    words = [t.lower_ for t in doc[m.start:m.end] if t.lower_ not in ("the", "'s", "\u2019s")]
    names = generic_names()
    return any(" ".join(words[:k]) in names for k in range(len(words), 0, -1))


def needs_context(doc: Doc, m: Mention) -> bool:
    """Whether a name mention is resolved only after the article's other names (see the module)."""
    return m.kind == "name" and (shared_acronym(m) or generic_name(doc, m))


def pick_entry(doc: Doc, m: Mention, countries: set[str]) -> Entry | None:
    """The organisation a shared acronym stands for: the one whose country is in ``countries`` (the article's),
    else the one whose cue words the sentence has or whose sector the head noun's is ("RSF fighters"); None when
    context does not decide."""
    orgs = [e for e in m.entries if e.kind == "org"]
    named = [e for e in orgs if e.country and e.country not in TRANSNATIONAL and e.country in countries]
    if len({e.name for e in named}) == 1:
        return named[0]
    sent = doc[m.head].sent
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    cues = cue_words()
    scored = []
    for e in orgs:
        score = len(lemmas & cues.get(e.name, frozenset()))
        if m.sector is not None and m.sector in _ARMED and e.sector in ("REB", "INS", "MIL"):
            score += 2
        scored.append((score, e))
    scored.sort(key=lambda x: -x[0])
    if scored and scored[0][0] > 0 and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return scored[0][1]
    return None


def resolve_in_context(res: Any, m: Mention) -> Actor:
    """Resolve a name of :func:`needs_context` for the resolver ``res`` (a ``_DocResolver``), once the article's
    other names are known. Shape: one :class:`~gaiko.types.Actor`; an unresolved one (no country) when context
    does not decide."""
    from dataclasses import replace

    doc = res.doc
    text = doc[m.start:m.end].text
    countries = (set(res.token_country.values()) | set(res.focus) | set(res.setting)) - TRANSNATIONAL
    if shared_acronym(m):
        e = pick_entry(doc, m, countries)
        if e is None:
            return res._actor(m, name=text, sector=m.sector, resolved_by="unresolved", confidence=0.2)
        return res.resolve_name(replace(m, entries=[e]))
    own = {e.country for e in m.entries if e.kind == "org"}
    if not countries or own & countries:
        return res.resolve_name(m)
    if m.sector:  # "Labour unions in Nigeria": the noun, of its own context
        return res.resolve_noun(m)
    sector = next((e.sector for e in m.entries if e.kind == "org"), None)
    return res._actor(m, name=text, sector=sector, resolved_by="unresolved", confidence=0.3)
