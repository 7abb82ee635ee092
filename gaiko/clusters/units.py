"""What a mention becomes for the clustering (its unit), and which units may join which.

A mention's *unit* is what it says about the event, reduced to what reports of one event share:

* ``status``: ``actual``, ``intended`` (intended or hypothetical) or ``negated``;
* ``event_type`` and ``mode`` (``?`` when the mention has no mode, or modes are not compared; with
  ``modes.undated``, followed by ``=`` and the named mode, which only an undated report is told apart by);
* ``src`` / ``tgt``: the side of each actor (:meth:`~gaiko.clusters.ruleset.Rules.side`): ``JPN``, ``IGO=...``,
  with ``@person`` for a named person, or ``?`` when unresolved or absent;
* ``place``: ``P:<name>|<country>`` for a place below country level, ``C:<country>`` for a country,
  ``S:<town>|<country>`` for the town its sentence names next to its trigger when the coder gave none (a soft place,
  :mod:`.towns`), ``?`` when there is none or it is not in the gazetteer;
* ``prec``, ``lo``, ``hi``: the date precision and the window of days (proleptic ordinals) the event may
  have happened on (:meth:`~gaiko.clusters.ruleset.Rules.window`);
* ``sym``: a two-way event ("A and B clashed", "exchanged prisoners", "held talks"), which the coder gives in both
  directions (one mention per direction of one trigger): one unit, its sides in sorted order, that agrees with a
  report of either direction (``sides.two_way``);
* ``ref``: what its phrases refer to (:func:`~gaiko.clusters.referent.referent_of`: names and counts of its source,
  target and place phrases), with a ``referent`` section in the rules; ``""`` otherwise. Part of the key when not empty.
  With ``sides.heads`` it also holds the nouns of the sides the coder read weakly (:mod:`.sideheads`, round c85);
  with ``article.speakers`` a statement's article and speaker (:mod:`.speakers`, round c87).

Everything here is a pure function of the mentions and the rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from .context import referred_days
from .intents import acts_apart
from .sentence import commitment_status, sentence_places, shared_dates, status_of
from .meeting import place_meets, side_country
from .referent import conflicts, referent_of, shares
from .retold import coder_weeks, retold_units
from .saidday import said_days
from .sentday import sentence_days
from .sideagree import sides_agree
from .sideheads import head_tokens, heads_meet
from .speakers import speaker_token, speakers_apart
from .towns import SOFT, sentence_town, soft_places_agree
from .rules import NAMED, OTHER_MODE, WILD, Rules

__all__ = ["Unit", "unit_of", "units_of", "status_of", "compatible", "order", "side_country"]


class Unit:
    """What a mention says about its event, as the clustering compares it (see the module docstring).

    Immutable by convention; the derived attributes (``key``, ``width``, ``countries``, ``specificity``,
    ``partial``) are computed on first use (most units loaded as candidates are never compared)."""

    __slots__ = ("status", "event_type", "src", "tgt", "place", "mode", "prec", "lo", "hi", "width", "rank", "sym",
                 "ref", "_key", "_countries", "_specificity", "_order")

    def __init__(self, status: str, event_type: str, src: str, tgt: str, place: str, mode: str, prec: str,
                 lo: int | None, hi: int | None, rank: int = 0, sym: bool = False, ref: str = "") -> None:
        self.status, self.event_type, self.src, self.tgt, self.place = status, event_type, src, tgt, place
        self.mode, self.prec, self.lo, self.hi = mode, prec, lo, hi
        #: a two-way event: its sides (sorted) agree with a report of either direction
        self.sym = sym
        #: what its phrases refer to (gaiko.clusters.referent); "" when the rules compare no referents
        self.ref = ref
        #: days in its window (a huge number when it has none)
        self.width = (hi - lo + 1) if lo is not None and hi is not None else 1 << 30
        #: the place of its precision in the rules' precision_order (the rules that made it)
        self.rank = rank
        self._order: tuple[int, int, int, int] | None = None
        self._key: str | None = None
        self._countries: tuple[str, ...] | None = None
        self._specificity: int | None = None

    def __repr__(self) -> str:
        return f"Unit({self.key!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Unit) and self.key == other.key

    def __hash__(self) -> int:
        return hash(self.key)

    @property
    def key(self) -> str:
        if self._key is None:
            self._key = "\x1f".join(str(v) for v in (self.status, self.event_type, self.src, self.tgt, self.place,
                                                     self.mode, self.prec, self.lo, self.hi))
            if self.sym:  # the keys of directed units stay what they were
                self._key += "\x1f<>"
            if self.ref:  # so do the keys of units without a referent
                self._key += "\x1fR" + self.ref
        return self._key

    @property
    def countries(self) -> tuple[str, ...]:
        """The distinct countries among its actors, sorted (one for "X did something", or "X did it to X")."""
        if self._countries is None:
            self._countries = tuple(sorted({side_country(s) for s in (self.src, self.tgt) if s != WILD}))
        return self._countries

    @property
    def specificity(self) -> int:
        """How much the unit says: 2 per country among its actors (a group or a named person adds 1), 2 for a place
        below country level, 1 for a country; 1 for a mode."""
        if self._specificity is None:
            sides = (self.src, self.tgt)
            groups = sum(1 for s in sides if s != WILD and ":" in s and not s.split("@")[0].endswith(":*"))
            groups += sum(1 for s in sides if "@" in s)
            self._specificity = (2 * len(self.countries) + groups + _place_level(self.place)
                                 + (self.mode.partition(NAMED)[0] not in (WILD, OTHER_MODE)))
        return self._specificity

    @property
    def partial(self) -> bool:
        """Whether it names at most one country (the coder often puts that one on the wrong side)."""
        return len(self.countries) <= 1


def _place_level(p: str) -> int:
    return 2 if p.startswith("P:") else 1 if p.startswith("C:") else 0


def unit_of(m: dict[str, Any], rules: Rules) -> Unit:
    """The unit of a mention given as a flat event row (store column names, plus ``published``). A mention with no
    place, or only a country, gets the soft place its sentence names next to its trigger (a town of that country), if
    any (``places.sentence_town``, :mod:`.towns`)."""
    prec = m.get("date_precision") or "other"
    lo, hi = rules.window(_as_date(m.get("date")), prec, _as_date(m.get("published")))
    place = rules.place_key(m.get("place_name"), m.get("place_country"))
    if (place == WILD or place.startswith("C:")) and rules.sentence_town is not None:
        soft = sentence_town(m, rules.sentence_town)
        if soft and (place == WILD or soft.endswith("|" + place[2:])):
            place = soft
    return Unit(
        status=commitment_status(m, status_of(m.get("negated"), m.get("intended"), m.get("hypothetical")),
                                 rules.commitments),
        event_type=str(m["event_type"]),
        src=rules.side(m.get("source_country"), m.get("source_sector"), m.get("source_name"), m.get("source_resolved_by"),
                       m.get("source_person")),
        tgt=rules.side(m.get("target_country"), m.get("target_sector"), m.get("target_name"), m.get("target_resolved_by"),
                       m.get("target_person")),
        place=place,
        mode=rules.unit_mode(m.get("mode"), str(m["event_type"])),
        prec=prec if prec in rules.precision_order else "other",
        lo=lo, hi=hi, rank=rules.rank(prec if prec in rules.precision_order else "other"),
        ref=_with_heads(referent_of(m, rules.referent),
                        head_tokens(m, rules.side_heads) + [t for t in (speaker_token(m, rules.speakers),) if t]),
    )


def _with_heads(ref: str, heads: list[str]) -> str:
    """The referent string with the head tokens of :mod:`.sideheads` (sorted in, as the referent's own)."""
    return ",".join(sorted(set(ref.split(",")) | set(heads))) if heads and ref else ",".join(heads) if heads else ref


def units_of(rows: Sequence[dict[str, Any]], rules: Rules) -> list[Unit]:
    """The units of an article's mentions (all of them: a date shared in one sentence is judged among them).

    The coder gives an event the date of a word governing it ("accused China on Monday of seizing a boat",
    "released her on Saturday, five days after she was abducted"): when several events of one sentence share
    one date phrase, it is certain only for the event it follows (the nearest trigger before it, else the
    nearest after, and the first after it when a when-clause follows it: "was shot dead on Wednesday when gunmen
    ambushed a patrol", and the verbs conjoined to it by "and": "stormed Macomia on Tuesday, ..., and fought troops");
    for the others it is an upper bound, precision ``shared`` (window in ``dates.shared``). An event naming a side but
    no place takes the one place of the other events of its sentence, type, status and date
    (:func:`~.sentence.sentence_places`). An undated report referring back with a definite noun ("the raids") to the one dated
    report of the article it agrees with is of that day (:mod:`.context`). An event its sentence retells as "two months
    after" the dated one happened that long before (:mod:`.retold`).

    The units do not depend on the order of ``rows`` (round c33: the rules above break some ties by the order they
    meet rows in): they are computed with the rows in (article, event id) order, as the store reads them (rows without
    an id keep their order)."""
    canon = sorted(range(len(rows)), key=lambda i: (str(rows[i].get("article_id")), str(rows[i].get("id"))))
    if any(i != j for i, j in enumerate(canon)):
        got = _units_of([rows[i] for i in canon], rules)
        out: list[Unit] = [None] * len(rows)  # type: ignore[list-item]
        for i, u in zip(canon, got):
            out[i] = u
        return out
    return _units_of(rows, rules)


def _units_of(rows: Sequence[dict[str, Any]], rules: Rules) -> list[Unit]:
    shared = shared_dates(rows) if "shared" in rules.dates else set()
    if rules.said_day is not None and "shared" in rules.dates:
        shared |= said_days(rows, rules.said_day)  # (round c88) the day of the saying, an upper bound
    places = sentence_places(rows)
    days = sentence_days(rows, rules.sentence_day) if rules.sentence_day is not None else {}
    out = []
    for r0 in rows:
        r = r0
        if id(r0) in days:  # the weekday its sentence names, which the coder gave no event (article.sentence_day)
            r = {**r0, "date": days[id(r0)], "date_precision": "day"}
        elif id(r0) in shared:
            r = {**r0, "date_precision": "shared"}
        # (round c96) only a row whose own date stands takes its sentence's place: one dated by its sentence's weekday
        # or sharing its sentence's date keeps its own (none). Until c96 this held only because the lookups were made
        # with the id of a copied row; giving such rows the place cost held out (docs/rounds/clusters.md, round c96)
        if r is r0 and id(r0) in places:
            r = {**r0, "place_name": places[id(r0)][0], "place_country": places[id(r0)][1]}
        out.append(unit_of(r, rules))
    if rules.two_way:
        for i in _two_way(rows, out):
            u = out[i]
            src, tgt = sorted((u.src, u.tgt))
            out[i] = Unit(u.status, u.event_type, src, tgt, u.place, u.mode, u.prec, u.lo, u.hi, u.rank, sym=True,
                          ref=u.ref)
    if rules.back_reference:
        agree = lambda v, u: (sides_agree(v, u, rules)  # noqa: E731
                              and places_agree(v.place, u.place, rules.place_countryless))
        for i, day in referred_days(rows, out, rules, agree).items():
            u = out[i]
            # the day of the report it refers to, as a date shared with another event (never a parent of that report)
            out[i] = Unit(u.status, u.event_type, u.src, u.tgt, u.place, u.mode, "shared", day, day,
                          rules.rank("shared"), sym=u.sym, ref=u.ref)
    if rules.retold is not None:
        out = retold_units(rows, out, rules, frozenset(days))
        out = coder_weeks(rows, out, rules)  # (round e54) a date the coder counted in weeks (retold.coder_weeks)
    return out


def _two_way(rows: Sequence[dict[str, Any]], units: Sequence[Unit]) -> list[int]:
    """Indexes of the mentions the coder gave in both directions: two mentions of one trigger (article, sentence,
    offset) and type, A -> B and B -> A, of two different countries ("Russia and Ukraine exchanged prisoners",
    "Afghan and Pakistani troops clashed")."""
    by_trigger: dict[tuple[Any, ...], list[int]] = {}
    for i, r in enumerate(rows):
        if r.get("trigger_start") is not None and r.get("source_country") and r.get("target_country"):
            by_trigger.setdefault((r["article_id"], r.get("sentence_idx"), r["trigger_start"], r["event_type"]),
                                  []).append(i)
    out: list[int] = []
    for ix in by_trigger.values():
        if len(ix) < 2:
            continue
        for i in ix:
            u = units[i]
            if len(u.countries) == 2 and any(units[j].src == u.tgt and units[j].tgt == u.src for j in ix if j != i):
                out.append(i)
    return out


def places_agree(a: str, b: str, countryless: bool = False) -> bool:
    """Equal, one open, or a country and one of its cities; a soft place (``S:``, the town its sentence names,
    :mod:`.towns`) disagrees only with another town of its country. With ``countryless`` (``places.countryless``,
    round e54) a place below country level of no known country (``P:<name>|?``: a sea, a gulf, a strait, a town the
    coder could not place: "in the Gulf of Aden", "the Libyan city of Derna") agrees with any country ("off Yemen",
    "to eastern Libya"): it may lie in it or off its coast; against a town of a country, or another such place, it
    stays a place of its own ("the Black Sea port" and "near Kotovsk" of one day are two attacks)."""
    if a == b or a == WILD or b == WILD:
        return True
    if a.startswith(SOFT) or b.startswith(SOFT):
        return soft_places_agree(a, b)
    city, country = (a, b) if a.startswith("P:") else (b, a)
    if not (city.startswith("P:") and country.startswith("C:")):
        return False
    where = city.rsplit("|", 1)[1]
    return where == country[2:] or (countryless and where == WILD)


#: while a batch is clustered (:func:`remembering_pairs`): (id of ``v``, id of ``u``, id of the rules) -> (what
#: :func:`compatible` answered, ``v``, ``u``, the rules); the objects are kept so that their ids stay theirs
_pairs: dict[tuple[int, int, int], tuple[bool, Unit, Unit, Any]] | None = None


class remembering_pairs:  # noqa: N801 - a context manager, used as a function
    """Within it, :func:`compatible` answers a pair of units (the same objects, the same rules) it has answered
    already from memory: a unit is immutable, and a batch compares many pairs more than once (a unit's fits, then its
    parent among them; again in every round of :func:`~.roots.settle_root_check`; round c57: about half of the
    comparisons of a batch at 1,000 articles). Nests; what is remembered is forgotten when the outermost one ends."""

    def __enter__(self) -> None:
        global _pairs
        self.outer = _pairs is not None
        if not self.outer:
            _pairs = {}

    def __exit__(self, *exc: Any) -> None:
        global _pairs
        if not self.outer:
            _pairs = None


def compatible(v: Unit, u: Unit, rules: Rules) -> bool:
    """:func:`compare`, remembered within :func:`remembering_pairs`."""
    pairs = _pairs
    if pairs is None:
        return compare(v, u, rules)
    key = (id(v), id(u), id(rules))
    got = pairs.get(key)
    if got is None:
        got = pairs[key] = (compare(v, u, rules), v, u, rules)
    return got[0]


def compare(v: Unit, u: Unit, rules: Rules) -> bool:
    """Whether ``v`` can be the same event as ``u`` and says it at least as precisely in time: same status and
    type; the sides agree (:func:`sides_agree`; or, on one day in one named place, they meet:
    :func:`~gaiko.clusters.meeting.place_meets`), the place and the mode too (equal, or one of them open; a country
    agrees with its cities); ``v``'s date is at least as precise and its window lies inside ``u``'s; and, when
    ``u`` is of a precision the rules' ``referent`` section lists, their referents do not conflict
    (:func:`~gaiko.clusters.referent.conflicts`)."""
    if v.status != u.status or v.event_type != u.event_type:
        return False
    if u.lo is None or v.lo is None or u.hi is None or v.hi is None:
        return False
    if not (u.lo <= v.lo and v.hi <= u.hi) and not (overlapping(v, u, rules) and v.lo <= u.hi and u.lo <= v.hi):
        return False
    if v.rank > u.rank:
        return False
    if not rules.empty_parents and is_empty(v) and not is_empty(u) and not named_anchor(v, u, rules):
        return False  # a bare "the attack on Tuesday" would tie together every report of its day (docs/clusters.md)
    if rules.referent is not None and u.prec in rules.referent.precisions and conflicts(v.ref, u.ref, rules.referent):
        return False  # an undated report naming another place than the event (referent.conflict)
    if rules.referent is not None and rules.referent.acts \
            and (u.prec in rules.referent.precisions or rules.referent.acts_dated) and acts_apart(v.ref, u.ref):
        return False  # (round c82) an undated intention of another act (referent.acts); (c83) a dated one too
    if rules.speakers is not None and speakers_apart(v.ref, u.ref):
        return False  # (round c87) two statements of one article by two speakers (article.speakers)
    return ((sides_agree(v, u, rules) or place_meets(v, u, rules) or heads_meet(v, u, rules))
            and places_agree(v.place, u.place, rules.place_countryless)
            and rules.modes_agree(v, u))


def overlapping(v: Unit, u: Unit, rules: Rules) -> bool:
    """Whether two units of one precision listed in ``attach.overlapping`` may join when their windows only overlap
    (two undated reports published a day apart: "signed an agreement", "signed an accord")."""
    return v.prec == u.prec and v.prec in rules.overlapping and v.width == u.width


def named_anchor(v: Unit, u: Unit, rules: Rules) -> bool:
    """Whether ``v``, which names no side and no place, may still be the parent of ``u`` (``referent.empty_parents``):
    ``u`` is of a precision listed there (``shared``: a date its sentence shares) and their referents share a name ("two
    men were detained at the Kestrel depot on Monday" and "the capital on Tuesday demanded the release of two nationals
    held at the Kestrel depot"; docs/rounds/clusters.md, round c29)."""
    rr = rules.referent
    return bool(rr is not None and u.prec in rr.empty_parents and shares(v.ref, u.ref, rr))


def is_empty(u: Unit) -> bool:
    """Whether the unit names no side and no place (only a type and a date; a soft place names none)."""
    return u.src == WILD and u.tgt == WILD and (u.place == WILD or u.place.startswith(SOFT))


def order(u: Unit, ukey: int, rules: Rules) -> tuple[int, int, int, int, int]:
    """The total order units join along (smallest first: the most precise date, the narrowest window, the most
    said, then the key). A unit only joins a unit before it, so chains of joins end and never loop. The named mode a
    unit keeps for ``modes.undated`` (:meth:`~gaiko.clusters.ruleset.Rules.unit_mode`) and its referent are left out of
    the key's tie-break (then the key itself decides), so keeping them does not reorder units that only a fixed,
    arbitrary tie-break tells apart."""
    if u._order is None:  # the key is the unit's own
        u._order = (u.rank, u.width, -u.specificity, _tie(u, ukey), ukey)
    return u._order


def _tie(u: Unit, ukey: int) -> int:
    """``ukey``, or for a unit holding a named mode or a referent, the key it would have without them (same 63-bit
    hash as :func:`gaiko.clusters.core.ukey_of`)."""
    if NAMED not in u.mode and not u.ref:
        return ukey
    import hashlib

    plain = Unit(u.status, u.event_type, u.src, u.tgt, u.place, u.mode.partition(NAMED)[0], u.prec, u.lo, u.hi, u.rank,
                 sym=u.sym)
    return int.from_bytes(hashlib.blake2b(plain.key.encode("utf-8"), digest_size=8).digest(), "big") >> 1


def _as_date(v: Any) -> dt.date | None:
    if v is None or v == "":
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v)[:10])
    except ValueError:
        return None
