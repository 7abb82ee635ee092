"""How much of a pledge a reported act delivers, and what an announcement again changes (used by
:mod:`gaiko.tracking.clause`).

:func:`quantity_relation` compares the quantity a clause reports with the pledge's (same unit, or a count of the
pledge's object): ``partial`` when less (more, for a reduction), ``fulfils`` when as much. :func:`reported_done`
turns a done act into ``fulfils``, ``partial`` or ``progresses`` (:func:`less_than_promised`: part of the quantity
while the term runs). :func:`restate_or_revise` reads an announcement again: ``revises`` when it names another
deadline (:mod:`gaiko.tracking.deadlines`) or quantity, else ``restates``. Dates are ISO strings ("2026-03-01");
quantities are :func:`gaiko.tracking.quantities.find_quantities` results.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..tables import word_lists
from .clausegrammar import Decision, Report, plain_memo, same_country
from .lexicon import Lexicon
from .normalise import Frame
from .quantities import best_quantity, find_quantities
from .text import keys

__all__ = ["MEASURED", "GROWING", "FIRST_PART", "FIRST_PERIOD", "is_late", "quantity_relation", "partial_words", "less_than_promised",
           "sentence_quantity", "reported_done", "restate_or_revise", "others_sum", "sum_for_another",
           "deadline_before"]

#: word lists: ``gaiko/data/pledges/partial_words.yaml`` (read once, on first use)
_WORDS = "pledges/partial_words.yaml"


def _wl(key: str) -> tuple[str, ...]:
    """A word list of ``pledges/partial_words.yaml`` in file order: ``partial_words``."""
    return word_lists(_WORDS)[key]


MEASURED = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "KRW", "INR", "RUB", "%", "% of GDP", "tonnes", "barrels",
                       "bushels", "MW", "GW", "m3"})
GROWING = frozenset({"a:increase", "a:buy", "a:fund", "a:deliver", "a:deploy", "a:release", "a:build", "a:admit",
                      "a:vaccinate", "a:hire", "a:sell", "a:repay", "a:restructure", "a:hand_back"})


_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
_MON = "|".join(_MONTH_NAMES)
#: a deadline a report names by its date: "the March 1 deadline", "a deadline of 1 March 2026", "the end-June deadline",
#: "the deadline set for March 1", "by the March 1 deadline"
_DEADLINE_DATE = re.compile(
    rf"\b(?:(?:the|a|its|their|his|her)\s+(?:end[- ](?P<m1>{_MON})|(?P<m2>{_MON})\s+(?P<d2>\d{{1,2}})(?:,?\s+(?P<y2>20\d\d))?|"
    rf"(?P<d3>\d{{1,2}})\s+(?P<m3>{_MON})(?:\s+(?P<y3>20\d\d))?)\s+deadline"
    rf"|deadline\s+(?:of|on|for|set for|that expired on|that ran out on)\s+(?:the\s+end\s+of\s+(?P<m4>{_MON})|"
    rf"(?P<m5>{_MON})\s+(?P<d5>\d{{1,2}})(?:,?\s+(?P<y5>20\d\d))?|(?P<d6>\d{{1,2}})\s+(?P<m6>{_MON})(?:\s+(?P<y6>20\d\d))?))\b",
    re.I)


def deadline_before(frame: Frame, report: Report) -> str | None:
    """The date of a deadline the report names ("missed the March 1 deadline") when it had passed before the pledge was
    first made: the report is about an earlier deadline, not this pledge's (round p44), so it can neither break nor
    stall it. A date without a year is that day of the report's year; one still to come then is a deadline ahead ("ahead
    of the September 1 deadline"), not an earlier one. None otherwise."""
    import calendar
    import datetime as dt

    if not frame.first_published or not report.published:
        return None
    pub = dt.date.fromisoformat(report.published[:10])
    for m in _DEADLINE_DATE.finditer(report.text):
        g = {k: v for k, v in m.groupdict().items() if v}
        month = next(_MONTH_NAMES.index(g[k].lower()) + 1 for k in g if k.startswith("m"))
        year = next((int(g[k]) for k in g if k.startswith("y")), None)
        day = next((int(g[k]) for k in g if k.startswith("d")), None)
        y = year or pub.year
        try:
            when = dt.date(y, month, day or calendar.monthrange(y, month)[1])
        except ValueError:
            continue
        if year is None and when > pub:
            continue  # "ahead of the September 1 deadline": a deadline still to come
        if when.isoformat() < frame.first_published[:10]:
            return when.isoformat()
    return None


def is_late(frame: Frame, report: Report) -> bool:
    """Whether the report was published after the pledge's deadline (both ISO dates)."""
    return bool(frame.deadline_end and report.published and report.published[:10] > frame.deadline_end)


_NUMS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_COUNT = r"one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}(?:,\d{3})+|\d+"
_FRACTION = re.compile(rf"\b({_COUNT}) of (?:the|its|their|all|his|her)(?: (?:promised|pledged|planned|agreed))? "
                       rf"({_COUNT})\b(?![.,]\d)", re.I)
FIRST_PART = re.compile(r"\b(?:first|initial) (?:of (?:the|its|their)|batch|group|tranche|shipment|cargo|consignment|instalment|"
                    r"installment|delivery|deliveries|phase|wave|part|round)\b"
                    # "the first six of its planned hubs" (round p39)
                    rf"|\b(?:first|initial) (?:{_COUNT}) of\b", re.I)
#: the first of sums due every period ("the first yearly transfer", "the first annual payment"): one period's sum is the
#: promised amount, and the promise runs on (round p39)
FIRST_PERIOD = re.compile(r"\b(?:first|initial) (?:yearly|annual|monthly|quarterly|semi-annual)\b", re.I)


def _num(word: str) -> float:
    digits = word.replace(",", "")
    return float(digits) if digits.isdigit() else float(_NUMS.get(word.lower(), 0))


@lru_cache(maxsize=20_000)
def _quantities(text: str) -> tuple[tuple[int, int, Any], ...]:
    """:func:`find_quantities` of a clause, cached (read only here: a clause is read against many pledges)."""
    return tuple(find_quantities(text))


@lru_cache(maxsize=20_000)
def _best_quantity(text: str) -> Any:
    return best_quantity(text)


def quantity_relation(frame: Frame, text: str, lex: Lexicon | None = None) -> str | None:
    """``partial`` when the clause reports less of the pledge's quantity, ``fulfils`` when as much: the same unit, or
    for counted things, a count of the pledge's object ("10 coal plants" ... "four coal-fired stations")."""
    m = _FRACTION.search(text)  # "just one of the two extra batteries"
    if m and _num(m.group(1)) < _num(m.group(2)):
        return "partial"
    q = frame.quantity
    if not q or not q.get("unit") or q.get("value") is None:
        return None
    best = _best_quantity(text)
    found = [best] if best is not None and best.unit == q["unit"] else [x for _s, _e, x in _quantities(text) if x.unit == q["unit"]]
    if not found and lex is not None and q["unit"] not in MEASURED:
        found = [x for _s, _e, x in _quantities(text)
                 if x.unit not in MEASURED and keys(x.text, lex, acts=False) & frame.objects]
    if not found or found[0].value is None:
        return None
    got, want = float(found[0].value), float(q["value"])
    if "a:reduce" in frame.acts and not frame.acts & GROWING:
        return "partial" if got > want * 1.05 else "fulfils"
    return "partial" if got < want * 0.95 else "fulfils"


def partial_words(text: str) -> bool:
    """Whether ``text`` says the act was done in part ("partly", "some of", "first batch")."""
    low = f" {text.lower()} ".replace(" not only ", " ")  # "not only paid it but also ...": no part (round t52)
    return any(f" {w} " in low for w in _wl("partial_words"))


_SHORT = re.compile(r"\b(short of|fell short|falls short|fall short|only|just|fewer than|less than|well below|below the|"
                    r"instead of|rather than|a fraction of|far from)\b", re.I)


def less_than_promised(frame: Frame, report: Report, clause: str, word: str, feats: dict[str, float]) -> Decision:
    """Less than the promised quantity: a step on the way while the term runs (adding up: "350,000 of 500,000 tonnes so
    far"), a compromise once it is over or when the report says it falls short."""
    # (any act but a reduction: a smaller cut than promised is a compromise, however early)
    growing = bool(frame.acts & GROWING) or "a:reduce" not in frame.acts
    if growing and not is_late(frame, report) and not _SHORT.search(clause):
        return Decision("progresses", cue=word, note="part of the promised quantity so far", features=feats)
    return Decision("partial", cue=word, note="less than promised", features=feats)


def sentence_quantity(frame: Frame, report: Report, clause: str, lex: Lexicon) -> str | None:
    """:func:`quantity_relation` of the clause, or when it names no quantity, of a lesser one the sentence names ("coal
    reached the plants in April, and about 90,000 tonnes have arrived so far")."""
    q = quantity_relation(frame, clause, lex)
    if q is None and clause != report.text and quantity_relation(frame, report.text, lex) == "partial":
        return "partial"
    return q


_MONEY = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "KRW", "INR", "RUB"})


def others_sum(frame: Frame, report: Report) -> bool:
    """Whether the money a report names cannot be the pledger's: the pledge promises a sum, the sentence names no side
    of the pledger, and every sum of money in it is in another currency or more than promised (a fund's or an appeal's
    whole: "commitments stand at $590 million, of which $310 million has been paid" for a pledge of EUR 150 million;
    "the appeal is 23% funded, with $980 million received" for a pledge of $200 million)."""
    q = frame.quantity
    if not q or q.get("unit") not in _MONEY or q.get("value") is None:
        return False
    if frame.doer and any(same_country(s, frame.doer) for s in report.sides):
        return False
    sums = [x for _s, _e, x in _quantities(report.text) if x.unit in _MONEY and x.value is not None]
    want = float(q["value"])
    return bool(sums) and all(x.unit != q["unit"] or float(x.value) > want * 1.05 for x in sums)


@lru_cache(maxsize=1)
def _sums_table() -> dict[str, Any]:
    """``gaiko/data/pledges/sums.yaml``: generic money keys and the words that tie a sum to its goods, purpose or giver."""
    from ..tables import data_path, load_yaml

    data = load_yaml(data_path("pledges/sums.yaml")) or {}
    low = {k: [str(w).lower() for w in (v or ())] for k, v in data.items()}
    alt = lambda ws: "|".join(sorted((re.escape(w) for w in ws), key=len, reverse=True))  # noqa: E731
    link = re.compile(rf"^\s*(?:(?:{alt(low['sum_nouns'])})\s+)*({alt(low['of_words'] + low['for_words'] + low['from_words'])})"
                      r"\s+([^,;.()]+)", re.I)
    return {"generic": frozenset(low["generic_objects"]), "link": link, "from": frozenset(low["from_words"]),
            "of": frozenset(low["of_words"]), "whole": frozenset(low["whole_words"]), "stop": frozenset(low["stop_words"])}


def _named_after(words: str, stop: frozenset[str]) -> str:
    out = []
    for w in words.split():
        if w.lower() in stop and out:
            break
        out.append(w)
    return " ".join(out)


def sum_for_another(frame: Frame, report: Report, lex: Lexicon) -> bool:
    """Whether a sum of money the report names is tied to goods, a purpose or a giver that are not the pledge's (round
    p41): "taken delivery of $9 billion of [processors]" for a pledge to buy $750 billion of gas and oil, "approved $60
    million for [rural clinics]" for a $200 million budget support credit, "received $45 million from [a regional
    disaster fund]" for a bank's loan. Goods and purposes count only when the pledge names an object of its own beyond
    money (``sums.yaml`` ``generic_objects``); a giver only when the report names no side of the pledger. The pledge
    must promise a sum of money; "$80 million of the credit" (a part of a whole) is never another's."""
    q = frame.quantity
    if not q or q.get("unit") not in _MONEY or q.get("value") is None:
        return False
    tab = _sums_table()
    own = set(frame.objects) | set(frame.topic) | set(frame.heads) | set(frame.narrow) | set(frame.spec)
    specific = own - tab["generic"]
    placed = bool(frame.doer) and any(same_country(s, frame.doer) for s in report.sides)
    for _s, end, x in _quantities(report.text):
        if x.unit not in _MONEY:
            continue
        m = tab["link"].match(report.text[end:])
        if not m:
            continue
        word, named = m.group(1).lower(), _named_after(m.group(2), tab["stop"])
        first = named.split()[0].lower() if named.split() else ""
        if not named or (word in tab["of"] and first in tab["whole"]):
            continue
        got = keys(named, lex, acts=False) - tab["generic"]
        if not got or got & own:
            continue
        if word in tab["from"]:
            if not placed:
                return True
        elif specific:
            return True
    return False


def reported_done(frame: Frame, report: Report, clause: str, word: str, feats: dict[str, float], lex: Lexicon,
          note: str | None = None) -> Decision:
    """A done act ``word`` read in ``clause``: ``fulfils``, or less of the promised quantity (:func:`less_than_promised`)
    or done in part (``partial``); ``unrelated`` when the sums it names are another's (:func:`others_sum`)."""
    if others_sum(frame, report):
        return Decision("unrelated", note="the sums it names are another's (a larger whole or another currency)",
                        features=feats)
    if sum_for_another(frame, report, lex):
        return Decision("unrelated", note="the sum it names is for other goods, another purpose or from another giver",
                        features=feats)
    q = sentence_quantity(frame, report, clause, lex)
    feats["quantity_less"] = float(q == "partial")
    if q == "partial" or (q is None and FIRST_PART.search(clause)):
        return less_than_promised(frame, report, clause, word, feats)
    if FIRST_PERIOD.search(clause) and not is_late(frame, report):
        return Decision("progresses", cue=word, note="the first of the sums due each period", features=feats)
    if partial_words(clause):
        return Decision("partial", cue=word, note="done in part", features=feats)
    return Decision("fulfils", cue=word, note=note, features=feats)


def _past_month(phrase: str, end: str, published: str | None) -> bool:
    """A month named without its year ("in July") whose next occurrence is more than half a year after the report: the
    nearer one, already past, is meant ("halted the trains in July"), not a new deadline."""
    if re.search(r"\d{4}", phrase) or not published or not re.search(
            r"\b(january|february|march|april|may|june|july|august|september|october|november|december)\b", phrase, re.I):
        return False
    import datetime as _dt

    try:
        return (_dt.date.fromisoformat(end[:10]) - _dt.date.fromisoformat(published[:10])).days > 183
    except ValueError:
        return False


@lru_cache(maxsize=1)
def _forecast() -> re.Pattern[str]:
    words = sorted(word_lists("pledges/revisions.yaml")["forecast"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def restate_or_revise(frame: Frame, report: Report, clause: str, word: str, feats: dict[str, float]) -> Decision:
    """An announced act ``word`` read again: ``revises`` when ``clause`` names another deadline or quantity than the
    pledge's (``partial`` for a demand met with a later date), else ``restates``; ``needs_review`` for another
    deadline or quantity in a forecast ("will reach only 1.6% of GDP, the budget officer said": round p49)."""
    d = _restate_or_revise(frame, report, clause, word, feats)
    if d.relation == "revises" and (m := _forecast().search(report.text)):
        return Decision("needs_review", cue=m.group(0), note=f"a forecast, not a revision ({d.note})", features=feats)
    return d


def _restate_or_revise(frame: Frame, report: Report, clause: str, word: str, feats: dict[str, float]) -> Decision:
    from .deadlines import normalise_deadline
    from .narrower import adds_to, announced_change, smaller_amount

    q = frame.quantity
    if q and q.get("unit") and not announced_change(report.text) and any(
            smaller_amount(q["unit"], float(q.get("value") or 0), (x.unit, float(x.value)))
            for _s, _e, x in _quantities(clause) if x.value is not None):
        # "promised to give Sri Lanka $50 million in emergency aid by July" after "$500 million in aid": a new, smaller
        # pledge of its own (:mod:`gaiko.tracking.narrower`), neither this one's revision nor its restatement (round p47)
        return Decision("unrelated", cue=word, note="a new, smaller pledge", features=feats)
    if frame.phrases and not announced_change(report.text) and adds_to(clause.lower(), list(frame.phrases)):
        # "promised to deliver a third radar unit by September" after "two radar units": a new promise added to this
        # one, neither its revision nor its restatement (:func:`gaiko.tracking.narrower.added`, round k2)
        return Decision("unrelated", cue=word, note="a new pledge added to this one", features=feats)
    memo = plain_memo(report)
    dated = memo.get(("dated", clause))
    if dated is None:  # the clause's deadlines (phrase, end), read once per sentence (round L53)
        dated = memo[("dated", clause)] = [(m.group(0), d.end) for m in re.finditer(
            r"\b(by|until|before|in|within|from)\s+((?:the\s+)?(?:end\s+of\s+)?[\w-]+(?:\s+\d{4})?)", clause)
            if (d := normalise_deadline(m.group(0), report.published)) is not None and d.end
            and not _past_month(m.group(0), d.end, report.published)]
    for cue, end in dated:
        if frame.deadline_end and end != frame.deadline_end:
            if frame.kind == "demand" and end > frame.deadline_end:  # the party asked offers a later date: met in part
                return Decision("partial", cue=cue, note=f"later than demanded ({end})", features=feats)
            return Decision("revises", cue=cue, note=f"deadline now {end} (was {frame.deadline_end})", features=feats)
    q = frame.quantity
    if q and q.get("unit"):
        got = [x for _s, _e, x in _quantities(clause) if x.unit == q["unit"] and x.value is not None]
        if got and abs(float(got[0].value or 0) - float(q.get("value") or 0)) > 0.05 * max(float(q.get("value") or 0), 1e-9):
            return Decision("revises", cue=got[0].text, note=f"quantity now {got[0].text} (was {q.get('text')})", features=feats)
    return Decision("restates", cue=word, features=feats)
