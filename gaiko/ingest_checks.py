"""Checks every input passes before it becomes an article: encoding, language, field types, dates.

Each check raises :class:`~gaiko.errors.InputRejected` with a short ``reason``
word and a detail that says what is wrong and what to do, so the readers in
:mod:`gaiko.ingest` can record one error for one record and go on.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

from .errors import InputRejected
from .decoding import decode_bytes
from .types import Article, InputError

__all__ = [
    "MAX_BYTES", "PUBLISHED_MIN", "PUBLISHED_MAX", "FUTURE_DAYS", "decode_bytes", "check_english", "parse_date",
    "check_string", "implausible_date", "today", "not_text", "LONGEST_WORD", "not_english_part", "NUL_DETAIL",
]

#: what one record (a JSONL line, a CSV row) holding NUL bytes is told; the file's other records are read (round
#: n53: a CSV file with one such row was refused whole, and a JSONL line was told "file contains NUL bytes")
NUL_DETAIL = ("the record holds NUL bytes: it looks binary, not text (the file's other records are read); "
              "fix or drop it and run the command again")

#: Largest text or HTML file (and largest JSONL line) read as one article.
MAX_BYTES = 10 * 1024 * 1024

#: publication dates outside [PUBLISHED_MIN, PUBLISHED_MAX], or more than FUTURE_DAYS after the machine's
#: clock when the article is read, cannot be true: the article is coded as undated (with a warning)
PUBLISHED_MIN = dt.date(1800, 1, 1)
PUBLISHED_MAX = dt.date(2100, 12, 31)
FUTURE_DAYS = 2

_NOT_LETTER = re.compile(r"[\W\d_]+")  # what remains are letters (as str.isalpha, bar rare numerals)
_WORD = re.compile(r"[^\W\d_]+")

#: longest run of characters without a space that running text holds (longer: a ``not_text`` warning)
LONGEST_WORD = 1000
_RUN = re.compile(r"\S{%d,}" % (LONGEST_WORD + 1))
_SURROGATE = re.compile("[\ud800-\udfff]")
_STOPWORDS = frozenset(
    "the of and to in a is that for on with as was by it at from his her said has have be are an not this "
    "which will its their they who been were but had after over also would more than into two president "
    "minister government".split()
)
_JSON_TYPE = {list: "an array", tuple: "an array", dict: "an object", bool: "true/false", int: "a number",
              float: "a number"}


def today() -> dt.date:
    """The machine's date (UTC) that "in the future" is judged against; tests replace it."""
    return dt.datetime.now(dt.timezone.utc).date()


def _is_latin(ch: str) -> bool:
    """A letter of the Latin script (ASCII, Latin-1 Supplement, Latin Extended A/B and Additional)."""
    o = ord(ch)
    return o < 0x250 or 0x1E00 <= o <= 0x1EFF


@functools.lru_cache(maxsize=1)
def _foreign_words() -> frozenset[str]:
    """Function words of other languages (gaiko/data/language/function_words.tsv)."""
    from importlib.resources import files

    words: set[str] = set()
    for line in files("gaiko").joinpath("data/language/function_words.tsv").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words.update(line.split("\t", 1)[1].split())
    return frozenset(words - _STOPWORDS)


def check_english(text: str) -> None:
    """Reject text that is clearly not English (gaiko's models read English only), short text included.

    InputRejected ``not_english`` when (a) at least two letters and 40% or more of the letters are outside the
    Latin script (Japanese, Arabic, Cyrillic, ...), (b) two or more function words of another language
    (German, French, Spanish, Portuguese, Italian, Dutch, Indonesian; ``data/language/function_words.tsv``)
    outnumber the English ones, (c) a text of 30 words or more has under 8% English function words, or (d) a text
    of under 30 words has no English function word that is not a word of another language too ("a", "in", "is",
    ...) and two or more words of another language, those of ``data/language/short_text_words.tsv`` included, in
    lower case and not inside a name (:func:`gaiko.ingest_lang.short_foreign`; s35, b35 F16: "Le Mali a rappelé son
    ambassadeur à Alger lundi." was coded). Headlines with neither kind of function word pass.
    """
    sample = text[:5000]
    letters = _NOT_LETTER.sub("", sample)
    if len(letters) < 2:
        return
    latin = len(letters) if letters.isascii() else sum(1 for ch in letters if _is_latin(ch))
    if latin / len(letters) < 0.6:
        raise InputRejected("not_english", "text is mostly in a non-Latin script; gaiko codes English text only")
    words = _WORD.findall(sample.lower())
    english = sum(1 for w in words if w in _STOPWORDS)
    foreign = sum(1 for w in words if w in _foreign_words())
    if foreign >= 2 and foreign > english:
        raise InputRejected("not_english", f"more function words of another language ({foreign}) than of English "
                                           f"({english}); gaiko codes English text only")
    if len(words) >= 30:
        share = english / len(words)
        if share < 0.08:
            raise InputRejected(
                "not_english", f"few English function words ({share:.0%}); gaiko codes English text only"
            )
    else:
        from .ingest_lang import short_foreign

        why = short_foreign(sample)
        if why:
            raise InputRejected("not_english", f"{why}; gaiko codes English text only")


def not_english_part(text: str) -> str | None:
    """Why a sentence or paragraph inside an English article is in another language, or None (round a36).

    The article's own check (:func:`check_english`) samples its first 5,000 characters; a quoted paragraph in
    Spanish or Arabic further on passes it. Stricter than that check, so that an English sentence quoting a few
    foreign words stays English: (a) twelve letters or more, 40% or more of them outside the Latin script, or
    (b) three or more function words of another language (``data/language/function_words.tsv``) and at most a
    third as many English ones, or two or more and no English one in six words or more."""
    letters = _NOT_LETTER.sub("", text)
    if len(letters) >= 12 and not letters.isascii() \
            and sum(1 for ch in letters if _is_latin(ch)) / len(letters) < 0.6:
        return "mostly in a non-Latin script"
    words = _WORD.findall(text.lower())
    english = sum(1 for w in words if w in _STOPWORDS)
    foreign = sum(1 for w in words if w in _foreign_words())
    if foreign >= 3 and english * 3 <= foreign or foreign >= 2 and not english and len(words) >= 6:
        return f"{foreign} function words of another language, {english} of English"
    return None


def not_text(text: str) -> str | None:
    """Why ``text`` is not running text (a run of over :data:`LONGEST_WORD` characters without a space, so no
    words or sentences to code), or None. Used for a warning (reason ``not_text``); the text is still coded."""
    longest = max((len(w) for w in _RUN.findall(text[:200_000])), default=0)
    if longest > LONGEST_WORD:
        return (f"holds a run of {longest:,} characters without a space: not running text (no words or sentences); "
                "coded, but expect no events")
    return None


def check_string(value: Any, field: str, *, allow_int: bool = False) -> str | None:
    """``value`` of the input field ``field`` as a string (None stays None).

    InputRejected ``field_type`` for an array, object, true/false or number (an integer is accepted where
    ``allow_int``, e.g. for ``id``), and ``encoding`` for a string holding a lone surrogate escape
    (``"\\ud800"``: valid JSON, but not Unicode text).
    """
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and allow_int:
        return str(value)
    if not isinstance(value, str):
        kind = _JSON_TYPE.get(type(value), type(value).__name__)
        shown = repr(value)
        shown = shown if len(shown) <= 40 else shown[:37] + "..."
        raise InputRejected("field_type", f"field {field!r} must be a string, not {kind} ({shown})")
    m = _SURROGATE.search(value)
    if m:
        raise InputRejected("encoding", f"field {field!r} holds a lone surrogate escape (\\u{ord(m.group()):04x} at "
                                        f"character {m.start()}): valid JSON but not Unicode text; fix the encoding "
                                        "where the file was made")
    return value


#: an ISO date form ("2025-13-01"), whatever its numbers
_ISO_LIKE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:\b|T)")
#: words that make a date relative to the day it is read ("yesterday", "3 days ago", "last week")
_RELATIVE = re.compile(r"\b(?:ago|yesterday|today|tonight|tomorrow|now|last|next|this|past|hours?|minutes?|days?|"
                       r"weeks?|fortnight)\b", re.I)
#: a numeric date with slashes, dots or hyphens ("03/04/2025", "3.4.2025", "01-02-2026", "26-01-09")
_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})")


def _numeric_readings(a: str, b: str, c: str) -> set[dt.date]:
    """The calendar dates a numeric date ``a/b/c`` can be: day-first and month-first, and with a two-digit year also
    year-first ("26-01-09": 26 January 2009 or 9 January 2026); a two-digit year is 20YY up to next year, else 19YY."""
    def year(y: str) -> int:
        n = int(y)
        if len(y) == 4:
            return n
        return 2000 + n if 2000 + n <= today().year + 1 else 1900 + n

    tries = [(year(c), int(b), int(a)), (year(c), int(a), int(b))]
    if len(c) == 2:
        tries.append((year(a), int(b), int(c)))
    out: set[dt.date] = set()
    for y, m, d in tries:
        try:
            out.add(dt.date(y, m, d))
        except ValueError:
            pass
    return out


def parse_date(value: Any) -> str | None:
    """Publication date as ISO YYYY-MM-DD; None for empty; InputRejected (``bad_date``) when unparseable, when an
    ISO form is no calendar date ("2025-13-01"), when it is relative to the day it is read ("yesterday", "2 days
    ago") and when a numeric form could be read day-first or month-first ("03/04/2025"). Unix time (9-10 digits:
    seconds; 12-13 digits: milliseconds) is read in UTC; eight digits are YYYYMMDD.

    Parsing only: whether the date can be true is :func:`implausible_date`'s question.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    s = str(value).strip()
    if len(s) > 100:
        raise InputRejected("bad_date", f"publication date of {len(s)} characters is not a date; use YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(s[:10]).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    iso = _ISO_LIKE.match(s)
    if iso:  # "2025-13-01": no other reading of an ISO form is safe (dateparser swaps day and month)
        try:  # "2026-1-9": year first, only the zeros left out
            return dt.date(*(int(g) for g in iso.groups())).isoformat()
        except ValueError:
            raise InputRejected("bad_date", f"{s!r} is not a calendar date; use YYYY-MM-DD") from None
    if _RELATIVE.search(s):
        raise InputRejected("bad_date", f"relative publication date {s!r} would depend on the day gaiko runs; "
                                        "use YYYY-MM-DD")
    if s.isdigit() and len(s) in (9, 10, 12, 13):  # Unix time in seconds or milliseconds, read in UTC (dateparser
        seconds = int(s) / (1000 if len(s) > 10 else 1)  # would read it in the machine's time zone)
        return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date().isoformat()
    m = _NUMERIC.fullmatch(s)
    if m:  # read here, not by dateparser, which reads "01-02-2026" month-first and "26-01-09" as 2009
        readings = _numeric_readings(m.group(1), m.group(3), m.group(4))
        if len(readings) > 1:
            which = "day/month or month/day" + (" or year first" if len(m.group(4)) == 2 else "")
            raise InputRejected("bad_date", f"ambiguous publication date {s!r} ({which}?); use YYYY-MM-DD")
        if not readings:
            raise InputRejected("bad_date", f"{s!r} is not a calendar date; use YYYY-MM-DD")
        return readings.pop().isoformat()
    import dateparser

    try:
        parsed = dateparser.parse(s, languages=["en"],
                                  settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"})
    except Exception:  # noqa: BLE001 - dateparser on anyone's text: any failure means "not a date"
        parsed = None
    if parsed is None:
        raise InputRejected("bad_date", f"unparseable publication date {s!r}; use YYYY-MM-DD")
    return parsed.date().isoformat()


def implausible_date(iso: str | None, now: dt.date | None = None) -> str | None:
    """Why the publication date ``iso`` (YYYY-MM-DD) cannot be true, or None when it can.

    Before 1800, after 2100, or more than two days after ``now`` (default :func:`today`).
    """
    if not iso:
        return None
    try:
        d = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return f"{iso!r} is not a date"
    if d < PUBLISHED_MIN or d > PUBLISHED_MAX:
        return f"{iso} is outside {PUBLISHED_MIN.year}-{PUBLISHED_MAX.year}"
    now = now or today()
    if (d - now).days > FUTURE_DAYS:
        return f"{iso} is more than {FUTURE_DAYS} days after today ({now.isoformat()})"
    return None


def dates_not_applied(store: Any, stored: list[Article]) -> list[InputError]:
    """Warnings for articles skipped as already stored whose stored copy has no publication date while this
    record brings one: the date is not applied (the stored events and pledges were dated without it)."""
    dated = [a for a in stored if a.published]
    undated = store.undated_articles(a.id for a in dated) if dated else set()
    warnings = []
    for a in dated:
        if a.id in undated:
            w = InputError.for_article(
                a, "date_not_applied",
                f"the same text is already stored (article {a.id}) without a publication date; this record's date "
                f"{a.published} was not applied. To use it, code the articles again into a new store (--db NEW.duckdb)")
            w.severity = "warning"
            warnings.append(w)
    return warnings


def same_url(store: Any, fresh: list[Article], run_urls: dict[str, str]) -> list[InputError]:
    """``same_url`` warnings (round n39) for articles about to be coded whose ``url`` already names another text,
    earlier in this run (``run_urls``, ``{url: article id}``, which is updated) or in the store: an updated or
    corrected version of an article, most often. Both are coded (nothing is lost), so counts of reports
    (``num_articles``) hold both; the warning names the first, so that one of them can be left out."""
    with_url = [a for a in fresh if a.url and a.url.strip()]
    if not with_url:
        return []
    stored = store.articles_by_url(a.url for a in with_url if a.url not in run_urls)
    warnings = []
    for a in with_url:
        first = run_urls.get(a.url) or stored.get(a.url)
        if first is None:
            run_urls[a.url] = a.id
        elif first != a.id:
            w = InputError.for_article(
                a, "same_url",
                f"url {a.url!r} already names article {first} with another text (an updated or corrected version?); "
                "both are coded, so clusters count them as two reports. To keep one, leave the other record out "
                "and code into a new store")
            w.severity = "warning"
            warnings.append(w)
    return warnings
