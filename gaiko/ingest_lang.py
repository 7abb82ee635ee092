"""Short texts in another language (s35, b35 F16): rule (d) of :func:`gaiko.ingest_checks.check_english`.

A one-sentence record in French, Spanish, Portuguese or German ("Le Mali a rappelé son ambassadeur à Alger lundi.")
holds few of the function words rule (b) counts, since the commonest ones ("le", "la", "de", "el", "em") are left
out of that list: English news carries them in names ("Le Drian", "La Paz", "Rio de Janeiro"). Here, in a text of
under 30 words, they count when they cannot be part of a name: written in lower case (or as the text's first
word) and, for a particle of names ("de", "da", "von"), not between two capitalised words. The text is refused when
two or more such words of another language are there and no English function word that is not also a word of another
language ("a", "in", "is", "was", ...). Word lists: ``gaiko/data/language/short_text_words.tsv``.
"""

from __future__ import annotations

import functools
import re

__all__ = ["short_foreign"]

_TOKEN = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    """The word sets of short_text_words.tsv by kind: ``lower`` (words of other languages, with the function words
    of function_words.tsv), ``noun`` (German nouns, counted as written), ``ambiguous`` (English function words that
    are words of another language too) and ``particle`` (particles of names)."""
    from importlib.resources import files

    from .ingest_checks import _foreign_words

    kinds: dict[str, set[str]] = {"lower": set(_foreign_words()), "noun": set(), "ambiguous": set(), "particle": set()}
    for line in files("gaiko").joinpath("data/language/short_text_words.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, _, words = line.split("\t", 2)
            kinds[kind if kind in kinds else "lower"].update(words.split())
    return {k: frozenset(v) for k, v in kinds.items()}


def _capital(tok: str) -> bool:
    return tok[:1].isupper()


def short_foreign(text: str) -> str | None:
    """Why ``text``, of under 30 words, is in another language (rule (d) above), or None."""
    from .ingest_checks import _STOPWORDS

    toks = _TOKEN.findall(text)
    if len(toks) >= 30:
        return None
    words = _words()
    if any(t.lower() in _STOPWORDS and t.lower() not in words["ambiguous"] for t in toks):
        return None
    lower, nouns = words["lower"], words["noun"]
    found = []
    for i, t in enumerate(toks):
        if t in nouns:
            found.append(t)
            continue
        if t.lower() not in lower or (_capital(t) and i > 0):
            continue
        before = next((u for u in reversed(toks[max(0, i - 2):i]) if u.lower() not in lower or _capital(u)), None)
        after = next((u for u in toks[i + 1:i + 3] if u.lower() not in lower or _capital(u)), None)
        if t.lower() in words["particle"] and i > 0 and before and after and _capital(before) and _capital(after):
            continue  # a particle inside a name: "Charles de Gaulle", "von der Leyen", "Lula da Silva"
        found.append(t.lower())
    if len(found) >= 2:
        shown = ", ".join(repr(w) for w in dict.fromkeys(found))
        return f"a short text with words of another language ({shown}) and no English function word"
    return None
