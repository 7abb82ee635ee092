""""found" is a verdict only with one (round n46).

The learned type model drafts SANCTION (mode convict) at "found" wherever it stands: "the court found him guilty"
is one, "Trump found a partner who matches his confidence" (the README's example article) and "Germany found a new
supplier" are none. :func:`find_veto` drops a draft of a type of ``primary/find_verdict.yaml`` at the verb "find"
unless a verdict word (``verdicts``: guilty, liable, responsible, in breach ...) hangs under the verb.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .eventrecord import Draft

__all__ = ["find_veto"]


@lru_cache(maxsize=None)
def _lists() -> dict[str, frozenset[str]]:
    """The lists of ``primary/find_verdict.yaml`` (types as written, words lower-cased).

    Raises :class:`gaiko.errors.DataFileError` when a list is missing or not a list of strings."""
    from ..errors import DataFileError
    from ..tables import data_path, word_lists

    data = word_lists("primary/find_verdict.yaml")
    for k in ('verbs', 'types', 'verdicts'):
        if k not in data:
            raise DataFileError(str(data_path("primary/find_verdict.yaml")), f"'{k}' must be a list of words")
    return {k: frozenset(w if k == "types" else w.lower() for w in data[k]) for k in ('verbs', 'types', 'verdicts')}


def find_veto(drafts: list[Draft]) -> list[Draft]:
    """The drafts less those of a listed type at the verb "find" with no verdict word under it."""
    w = _lists()
    out: list[Draft] = []
    for d in drafts:
        tok = d.cand.tok
        if d.event_type in w["types"] and tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in w["verbs"] \
                and not any(t.lower_ in w["verdicts"] for t in tok.subtree if t.i != tok.i):
            continue
        out.append(d)
    return out
