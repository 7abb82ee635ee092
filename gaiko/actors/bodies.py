"""An organisation's body named bare in an article about that organisation (Round p48, docs/pledges.md).

"EU ministers met on Monday. The Commission promised to lift the ban ...": the bare "Commission" is the European
Commission when the article names the EU; otherwise the resolver leaves it unplaced. :func:`body_of` maps the bare name
(without "the") and the article's text to the knowledge base's entry of the body, or None. Data:
``gaiko/data/actors/bodies.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .kb import Entry, KnowledgeBase, norm

__all__ = ["body_of"]


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, re.Pattern[str]]]:
    """bare name (lower case) -> (the body's canonical name, a pattern of the names that make the article about it).
    Raises DataFileError (via load_yaml) when the file is not YAML."""
    from ..tables import data_path, load_yaml

    data = load_yaml(data_path("actors/bodies.yaml")) or {}
    out = {}
    for bare, spec in (data.get("bodies") or {}).items():
        names = sorted((str(n) for n in spec.get("named_by") or ()), key=len, reverse=True)
        if names:
            pat = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w])")
            out[str(bare).lower()] = (str(spec["body"]), pat)
    return out


def body_of(text: str, article: str, kb: KnowledgeBase) -> Entry | None:
    """The knowledge base's entry of the body a bare capitalised name ``text`` ("Commission", "the Commission") stands
    for in ``article`` (its whole text), or None: the name must be one of bodies.yaml's, written with a capital, and the
    article must name its organisation."""
    bare = re.sub(r"^(?:the|The)\s+", "", text.strip())
    got = _table().get(bare.lower())
    if got is None or not bare[:1].isupper() or not got[1].search(article):
        return None
    for entry, _case in kb.phrases.get(norm(got[0]), ()):
        if entry.kind == "org" and entry.name == got[0]:
            return entry
    return None
