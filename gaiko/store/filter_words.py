"""The modes and contexts an event filter may name (round n58).

``mode`` and ``context`` filter on words the coder writes (PLOVER's, as gaiko's lexicons give them), matched in any
case. A word no event can carry ("phon", "diplomacy") matched nothing, so a mistyped filter read as "no such events"
on every surface. A filter's word is now refused, as an unknown type or date precision is, when it is neither a word
gaiko's lexicons can give (:func:`coded_words`: the CAMEO table's PLOVER mode and context columns and the trigger
files' own ``mode`` and ``context`` fields; read from the data files, so a word added to a lexicon is known at once)
nor a word an event of the store carries (a store coded by another version of gaiko, or events imported). A known
word no event of the store has is no error: it lists nothing, as a type no event has does.

Checked once per query by :func:`gaiko.store.counting.scope`, the one place every listing, count, chart, export and
download of the CLI, the API and Python reads its filters through.
"""

from __future__ import annotations

import difflib
from functools import lru_cache
from typing import Any

from ..errors import ConfigError

__all__ = ["coded_words", "check_filter_words"]

#: filter name -> the SQL of the distinct words (lower case) the store's events carry
_STORED = {
    "mode": "SELECT DISTINCT lower(mode) AS w FROM events WHERE mode IS NOT NULL AND mode <> '' ORDER BY 1",
    "context": "SELECT DISTINCT lower(w) AS w FROM (SELECT unnest(context) AS w FROM events) WHERE w <> '' ORDER BY 1",
}


@lru_cache(maxsize=1)
def coded_words() -> dict[str, frozenset[str]]:
    """``{"mode": ..., "context": ...}``: every word (lower case) gaiko's lexicons can give an event as its PLOVER mode
    or as one of its contexts: the CAMEO table's (``gaiko/data/cameo.tsv``) and the trigger files' own
    (``gaiko/data/triggers/*.yaml``, an entry's ``mode`` and ``context``)."""
    from ..pipeline.triggerentry import entry, read_file
    from ..tables import cameo_table, data_path

    modes = {r.plover_mode.strip().lower() for r in cameo_table().values() if r.plover_mode}
    contexts = {c.strip().lower() for r in cameo_table().values() for c in r.plover_context}
    for path in sorted(data_path("triggers").glob("*.yaml")):
        raw_entries, _frames, conf = read_file(path)
        for e in (entry(raw, str(path), conf) for raw in raw_entries if isinstance(raw, dict)):
            modes.update([e.mode.strip().lower()] if e.mode and e.mode.strip() else [])
            contexts.update(c.strip().lower() for c in e.context if c.strip())
    return {"mode": frozenset(modes), "context": frozenset(contexts)}


def check_filter_words(con: Any, filters: dict[str, Any]) -> None:
    """ConfigError for a ``mode`` or ``context`` filter (any case, spaces around it dropped, as the filter matches it)
    that neither gaiko's lexicons give (:func:`coded_words`) nor any event of the store (``con``) carries. The message
    names the filter's word, a close word when there is one, and the words of this store."""
    for name in ("mode", "context"):
        value = filters.get(name)
        if not isinstance(value, str) or not value.strip():
            continue  # not given (or not text: EventFilter says so)
        word = value.strip().lower()
        if word in coded_words()[name]:
            continue
        stored = [r[0] for r in con.execute(_STORED[name]).fetchall()]
        if word in stored:
            continue
        close = difflib.get_close_matches(word, sorted(set(stored) | coded_words()[name]), n=1, cutoff=0.7)
        mean = f" (did you mean {close[0]}?)" if close else ""
        have = (f"the {name}s of this store's events: {', '.join(stored[:30])}{', ...' if len(stored) > 30 else ''}"
                if stored else f"no event of this store has a {name}")
        raise ConfigError(f"unknown {name} {value.strip()!r}{mean}: gaiko codes no such PLOVER {name} and no event "
                          f"of this store has it; {have}")
