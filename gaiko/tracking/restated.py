"""A pledge told again in other words in a later article (round x24, newcomer b47's F7): the same pledge, not a new
entry.

"China threatened on Monday to impose sanctions on Philippine officials if Manila went ahead with the drills", and
the next day in another outlet "China warned that it would sanction Philippine officials if the drills went ahead":
one threat, told with the verb for "impose sanctions" and an object whose concept keys share nothing with the first
("Philippine officials"); "Japan will provide five patrol vessels to the Philippines by the end of 2026" and "Tokyo
pledged to hand five patrol boats to Manila by the end of 2026": one pledge, "hand" no act the concept table knows and
"boats" not "vessels". Grouping (:func:`gaiko.tracking.link.group_mentions`) compares concept keys, so each became a
second entry (and the first entry read the second's sentence as its restatement, so the threat was "restated" and a
new pledge at once).

:func:`restated_elsewhere` joins such a mention to a pledge of its bucket (the same side) when it adds nothing: it is
told in another article, after the pledge's first mention and within its term (by its deadline, when it has one); of
the same kind (a threat restates only a threat; a promise, a plan and an agreement may restate one another); of the
same polarity; made to the same party (both targets the same side, or the later one's object naming the earlier's
target country: "Philippine officials"); the same amount and deadline when both give one (another amount or deadline
is a revision, which grouping reads as before); acts that agree (the same act, read on the verb or on a noun of the
action: "impose sanctions" names the act "sanction"; or one unknown); no rival goods of one category; and object words
in common (content words, country names left out: "patrol", "officials"), half of the fewer at least.
"""

from __future__ import annotations

import re
from typing import Any

from ..tables import word_sets
from .lexicon import Lexicon
from .sides import side_of
from .text import ACT, countries_in, hits, tokenize

__all__ = ["restated_elsewhere"]

_WORD = re.compile(r"[a-z][a-z'-]+")
_FILE = "pledges/restated.yaml"


def _family(kind: Any) -> str | None:
    """The family of pledge kinds ``kind`` belongs to (``*_family`` in restated.yaml), None for no kind it lists."""
    return next((name for name, kinds in word_sets(_FILE).items() if name.endswith("_family") and str(kind) in kinds),
                None)


def _acts(action: str, lex: Lexicon) -> frozenset[str]:
    """Every act concept the action names, on its verb or on a noun ("impose sanctions": impose and sanction)."""
    return frozenset(h.concept for h in hits(tokenize(action), lex) if h.concept.startswith(ACT))


def _words(m: dict[str, Any], lex: Lexicon) -> frozenset[str]:
    """The object's content words, singular, without stop words, numbers and countries' names."""
    text = str(m.get("object") or "").lower()
    out = set()
    for w in _WORD.findall(text):
        if w in word_sets(_FILE)["function_words"] or w in lex.countries or w.rstrip("s") in lex.countries or len(w) < 3:
            continue
        out.add(w[:-1] if w.endswith("s") and not w.endswith("ss") else w)
    return frozenset(out)


def _target(m: dict[str, Any]) -> str | None:
    return side_of(m.get("target")) if m.get("target") else None


def _same_party(m: dict[str, Any], g: list[dict[str, Any]], lex: Lexicon) -> bool:
    theirs = {t for t in (_target(x) for x in g) if t}
    mine = _target(m)
    if not theirs:
        return False
    if mine is not None:
        return mine in theirs
    named = countries_in(str(m.get("object") or ""), lex)
    return bool(named) and {t.split("/")[0] for t in theirs} <= named


def _value(m: dict[str, Any]) -> Any:
    return (m.get("quantity") or {}).get("value")


def _end(m: dict[str, Any]) -> Any:
    return (m.get("deadline") or {}).get("end")


def restated_elsewhere(m: dict[str, Any], g: list[dict[str, Any]], lex: Lexicon) -> bool:
    """Whether mention ``m`` (prepared) tells again, in another article, the pledge of group ``g`` (its mentions,
    oldest first, of ``m``'s bucket) and adds nothing (the module doc)."""
    if not g or any(x.get("article_id") == m.get("article_id") for x in g):
        return False
    first = g[0]
    pub, since = str(m.get("published") or ""), str(first.get("published") or "")
    if not pub or not since or pub < since:
        return False
    ends = [str(_end(x)) for x in g if _end(x)]
    if ends and pub > max(ends):
        return False  # told after the pledge's term: a new pledge
    if _family(m.get("kind")) != _family(first.get("kind")):
        return False
    refrain = str(m.get("action") or "").lower().startswith("not ")
    if any(str(x.get("action") or "").lower().startswith("not ") != refrain for x in g):
        return False
    if not _same_party(m, g, lex):
        return False
    values = {_value(x) for x in g if _value(x) is not None}
    if _value(m) is not None and values and _value(m) not in values:
        return False  # another amount: a revision (grouping reads it as before)
    if _end(m) and ends and str(_end(m)) not in ends:
        return False  # another deadline: a revision
    mine = _acts(str(m.get("action") or ""), lex)
    theirs = frozenset().union(*(_acts(str(x.get("action") or ""), lex) for x in g))
    if set(m.get("_acts") or ()) and any(x.get("_acts") for x in g) and not (mine & theirs):
        return False  # "cut the rice tariff" and "buy rice": two acts
    goods_m = {lex.category[k] + "=" + k for k in m.get("_topic") or () if k in lex.category}
    goods_g = {lex.category[k] + "=" + k for x in g for k in x.get("_topic") or () if k in lex.category}
    cats = {c.split("=")[0] for c in goods_m} & {c.split("=")[0] for c in goods_g}
    if any({c for c in goods_m if c.startswith(k + "=")}.isdisjoint({c for c in goods_g if c.startswith(k + "=")})
           for k in cats):
        return False  # rival goods of one category ("rice" and "steel" tariffs)
    wm = _words(m, lex)
    return bool(wm) and any(len(wm & wx) / min(len(wm), len(wx)) >= 0.5 for wx in (_words(x, lex) for x in g) if wx)


def told_of(m: dict[str, Any], lex: Lexicon) -> tuple[Any, ...]:
    """What :func:`restated_elsewhere` reads of mention ``m`` (prepared), read once for every group it is checked
    against (round L55, issue 14: grouping checked each mention without a fit against every group of its bucket)."""
    action = str(m.get("action") or "")
    goods = frozenset(lex.category[k] + "=" + k for k in m.get("_topic") or () if k in lex.category)
    return (m.get("article_id"), str(m.get("published") or ""), _family(m.get("kind")),
            action.lower().startswith("not "), _target(m), countries_in(str(m.get("object") or ""), lex), _value(m),
            _end(m), _acts(action, lex), bool(set(m.get("_acts") or ())), goods, _words(m, lex))


class Told:
    """What :func:`restated_elsewhere` reads of a group (its mentions, oldest first), kept as the group grows
    (:meth:`add`), so that checking a mention against it (:meth:`restates`, with :func:`told_of`) is a few set
    lookups rather than a pass over its mentions that tokenises each one's action again (round L55, issue 14). The
    answer is :func:`restated_elsewhere`'s, for every mention and group (tests/test_ledger_cost_L55.py)."""

    __slots__ = ("lex", "n", "since", "family", "arts", "ends", "last_end", "refrains", "targets", "target_countries",
                 "values", "acts", "any_acts", "goods", "words")

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.n = 0
        self.since = ""
        self.family: str | None = None
        self.arts: set[Any] = set()
        self.ends: set[str] = set()
        self.last_end = ""
        self.refrains: set[bool] = set()
        self.targets: set[str] = set()
        self.target_countries: set[str] = set()
        self.values: set[Any] = set()
        self.acts: frozenset[str] = frozenset()
        self.any_acts = False
        self.goods: set[str] = set()
        self.words: list[frozenset[str]] = []

    @classmethod
    def of(cls, g: list[dict[str, Any]], lex: Lexicon) -> Told:
        told = cls(lex)
        for x in g:
            told.add(x)
        return told

    def add(self, x: dict[str, Any]) -> None:
        """Take in the group's next mention ``x``."""
        if not self.n:
            self.since, self.family = str(x.get("published") or ""), _family(x.get("kind"))
        self.n += 1
        self.arts.add(x.get("article_id"))
        if end := _end(x):
            self.ends.add(str(end))
            self.last_end = max(self.ends)
        action = str(x.get("action") or "")
        self.refrains.add(action.lower().startswith("not "))
        if t := _target(x):
            self.targets.add(t)
            self.target_countries.add(t.split("/")[0])
        if (v := _value(x)) is not None:
            self.values.add(v)
        self.acts = self.acts | _acts(action, self.lex)
        self.any_acts = self.any_acts or bool(x.get("_acts"))
        self.goods.update(self.lex.category[k] + "=" + k for k in x.get("_topic") or () if k in self.lex.category)
        if w := _words(x, self.lex):
            self.words.append(w)

    def restates(self, told: tuple[Any, ...]) -> bool:
        """:func:`restated_elsewhere` of the mention ``told`` (:func:`told_of`) and this group."""
        art, pub, family, refrain, target, named, value, end, acts, has_acts, goods, wm = told
        if not self.n or art in self.arts:
            return False
        if not pub or not self.since or pub < self.since:
            return False
        if self.ends and pub > self.last_end:
            return False
        if family != self.family or self.refrains - {refrain}:
            return False
        if not self.targets or not (target in self.targets if target is not None
                                    else bool(named) and self.target_countries <= named):
            return False
        if value is not None and self.values and value not in self.values:
            return False
        if end and self.ends and str(end) not in self.ends:
            return False
        if has_acts and self.any_acts and not (acts & self.acts):
            return False
        cats = {c.split("=")[0] for c in goods} & {c.split("=")[0] for c in self.goods}
        if any({c for c in goods if c.startswith(k + "=")}.isdisjoint({c for c in self.goods if c.startswith(k + "=")})
               for k in cats):
            return False
        return bool(wm) and any(len(wm & wx) / min(len(wm), len(wx)) >= 0.5 for wx in self.words)
