"""A passive "met by" of private persons is no meeting (round x11, b38's F11).

"The released fishermen were met by relatives at the checkpoint" tells a homecoming: PLOVER's CONSULT is a meeting of
political actors, and relatives or well-wishers are none. :func:`greeted_veto` drops a draft of a type of
``gaiko/data/primary/greeted.yaml`` (``types``) at a passive verb of ``verbs`` whose "by" phrase's head is a noun of
``people`` (not a proper name); "was met by Pakistani officials", "was greeted by the prime minister" stay.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .eventrecord import Draft

__all__ = ["greeted_veto"]


@lru_cache(maxsize=None)
def _lists() -> dict[str, frozenset[str]]:
    """The word lists of ``primary/greeted.yaml``: ``types`` (as written), ``verbs`` and ``people`` (lower-cased).

    Raises :class:`gaiko.errors.DataFileError` when a list is not a list of strings."""
    from ..errors import DataFileError
    from ..tables import data_path, load_yaml

    path = data_path("primary/greeted.yaml")
    data = load_yaml(path) or {}
    out: dict[str, frozenset[str]] = {}
    for k in ("types", "verbs", "people"):
        v = data.get(k)
        if not isinstance(v, list) or not all(isinstance(w, str) for w in v):
            raise DataFileError(str(path), f"'{k}' must be a list of words")
        out[k] = frozenset(w if k == "types" else w.lower() for w in v)
    return out


def greeted_veto(drafts: list[Draft]) -> list[Draft]:
    """The drafts less those at a passive "met by" (``verbs``) whose "by" phrase names private persons (``people``)."""
    w = _lists()
    out = []
    for d in drafts:
        tok = d.cand.tok
        if d.event_type in w["types"] and tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in w["verbs"] \
                and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            agents = [p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            if agents and all(p.pos_ == "NOUN" and (p.lower_ in w["people"] or p.lemma_.lower() in w["people"])
                              for p in agents):
                continue  # "were met by relatives at the checkpoint": a homecoming, no meeting
        out.append(d)
    return out
