"""Whose a bare domestic political group is ("Opposition lawmakers criticised the plan", "The ruling party praised
it"; sectors LEG, OPP, POL): the article's home country, but only where nothing nearer says otherwise (round t35, the
narrower re-try of round x4's F6).

:func:`home_group_country` gives the home country (the dateline's, else that of the first leader, government or
military actor the article names) only when all of these hold, else None and the resolver reads the group as before
(the country the sentence before opens with, the article's most-named country):

- the group is the source: the subject of its verb (or a conjunct of it), not an object or a prepositional phrase;
- it stands outside quotation marks;
- its sentence and the sentence before name no country or capital other than the home country ("Lawmakers
  criticised Washington over the tariff", "Tehran summoned the envoy. Lawmakers ..." keep the resolver's reading).

:func:`own_house_country` (round e50, e49's leftover): before any of that, a group whose own phrase names where it
sits ("Opposition lawmakers in Brasilia", "lawmakers in the Turkish parliament", "MPs of the Knesset") or whose verb
names the house it acts in ("walked out of the Turkish parliament") is of that country, not of the country the
sentence before opens with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..docindex import text as doc_text
from .context import TRANSNATIONAL
from .nosides import dateline_place

if TYPE_CHECKING:
    from .mentions import Mention

__all__ = ["HOME_SECTORS", "home_group_country", "own_house_country"]

#: sectors of a bare domestic political group ("opposition lawmakers", "MPs", "the ruling party")
HOME_SECTORS = frozenset({"LEG", "OPP", "POL"})
_QUOTES = frozenset({'"', "“", "”", "``", "''"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _as_source(tok: Any) -> bool:
    t = tok
    while t.dep_ in ("conj", "compound", "amod") and t.head.i != t.i:
        t = t.head
    return t.dep_ in _SUBJECTS


def _quoted(doc: Any, lo: int, i: int) -> bool:
    """Whether token ``i`` stands after an odd number of quotation marks of its sentence (from ``lo``)."""
    return sum(doc[k].text in _QUOTES for k in range(lo, i)) % 2 == 1


def _home(ctx: Any) -> str | None:
    """The article's home country: its dateline's, else that of the first leader, government or military actor it
    names; None with neither."""
    found = dateline_place(doc_text(ctx.doc))
    if found is not None:
        a, b, _ = found
        codes = {c for i, c in ctx.token_country.items() if a <= ctx.doc[i].idx < b} - TRANSNATIONAL
        if len(codes) == 1:
            return next(iter(codes))
    for _, actor, _, _ in ctx.history:
        if actor.country and actor.country not in TRANSNATIONAL and actor.sector in ("GOV", "ELI", "MIL"):
            return str(actor.country)
    return None


def home_group_country(ctx: Any, m: Mention) -> str | None:
    """The home country of a bare domestic group ``m`` for the resolver ``ctx`` (a
    :class:`gaiko.actors.whosecountry.CountryContext`), or None where the rules above do not all hold."""
    sector = m.title[0] if m.title is not None else m.sector
    if sector not in HOME_SECTORS or ctx._posts(m):
        return None
    start = ctx.sents.start(m.head)
    if not _as_source(ctx.doc[m.head]) or _quoted(ctx.doc, start, m.start):
        return None
    home = _home(ctx)
    if home is None:
        return None
    k = ctx.sents.index(start)
    lo = ctx.sents.starts[k - 1] if k > 0 else start
    hi = ctx.sents.starts[k + 1] if k + 1 < len(ctx.sents.starts) else len(ctx.doc)
    named = {c for i, c in ctx.token_country.items() if lo <= i < hi}
    named |= ctx.sent_countries.get(start, set()) | ctx.sent_countries.get(lo, set())
    return home if not (named - TRANSNATIONAL - {home}) else None


_HOUSE_PREPS = frozenset({"in", "of", "from", "into"})


def own_house_country(ctx: Any, m: Mention) -> str | None:
    """The country of the place or house a bare domestic group's own phrase names ("lawmakers in Brasilia",
    "lawmakers in the Turkish parliament"), else of a house its verb names ("walked out of the Turkish parliament"),
    for the resolver ``ctx``; None when neither names one country."""
    sector = m.title[0] if m.title is not None else m.sector
    if sector not in HOME_SECTORS:
        return None
    head = ctx.doc[m.head]
    heads = [head] + ([head.head] if head.dep_ in _SUBJECTS and head.head.pos_ in ("VERB", "AUX") else [])
    for k, h in enumerate(heads):
        for p in h.children:
            if p.dep_ != "prep" or p.lower_ not in _HOUSE_PREPS:
                continue
            for o in p.children:
                if o.dep_ != "pobj":
                    continue
                code = ctx.token_country.get(o.i) if k == 0 else None  # a place only in the group's own phrase
                if code is None and ctx.kb.nouns.get(o.lemma_.lower()) == "LEG":
                    code = ctx._premodifier_country(o)
                if code is None and ctx.kb.nouns.get(o.lemma_.lower()) is None and o.pos_ == "PROPN":
                    code = ctx.token_country.get(o.i)  # "the Knesset", "the Duma": a house by its name
                if code and code not in TRANSNATIONAL:
                    return code
    return None
