"""The sides of each keyed sentence, as the candidate query reads them (:func:`gaiko.tracking.link.candidates`; moved
here from :mod:`gaiko.tracking.link` in round t63, which added the sides a sentence names only by guesses).

:func:`sides_table` builds, once per ledger update, :data:`SIDES` (each sentence's sides, the country opening it, its
unplaced proper names and its guessed-only sides, from the ``@``, ``^``, ``!`` and ``~`` keys of
:func:`gaiko.tracking.sentencekeys.article_rows`) and :data:`SENTENCE_INFO` (what the candidate query asks of each
keyed sentence: its date, those sides and its article's context). :func:`no_side_sql` is the query's test of a
sentence naming no side for a pledge: none at all, or only sides the resolver guessed that are none of the pledge's
(:mod:`gaiko.tracking.guessed`).
"""

from __future__ import annotations

from typing import Any

from .tables import KEYS

__all__ = ["SIDES", "SENTENCE_INFO", "sides_table", "no_side_sql"]

#: temp table of each sentence's sides (countries count as themselves: "both sides" may come back as KHM/UAF) and the
#: country opening it (``first``, a sentence quoting no one), built by :func:`sides_table` once per update
SIDES = "_gaiko_sides"
#: temp table of each keyed sentence's date, sides, opening country and article context, built with :data:`SIDES`
SENTENCE_INFO = "_gaiko_sentence_info"


def sides_table(con: Any, keys: str = KEYS) -> None:
    """(Re)build :data:`SIDES` from the key table: one row per sentence with sides or an opening country."""
    con.execute(f"""CREATE OR REPLACE TEMP TABLE {SIDES} AS
        SELECT article_id, idx,
               list(DISTINCT split_part(key, '/', 1)) FILTER (WHERE starts_with(key, '@') AND NOT starts_with(key, '@?:'))
                   AS sides,
               max('@' || substr(key, 2)) FILTER (WHERE starts_with(key, '^')) AS first,
               list(DISTINCT '@' || substr(key, 2)) FILTER (WHERE starts_with(key, '!')) AS unplaced,
               list(DISTINCT '@' || substr(key, 2)) FILTER (WHERE starts_with(key, '~')) AS guessed
        FROM {keys} WHERE starts_with(key, '@') OR starts_with(key, '^') OR starts_with(key, '!')
                          OR starts_with(key, '~')
        GROUP BY article_id, idx""")
    con.execute(f"UPDATE {SIDES} SET sides = NULL WHERE len(sides) = 0")
    con.execute(f"UPDATE {SIDES} SET guessed = NULL WHERE len(guessed) = 0")
    # what the candidate query asks of each keyed sentence, joined once per update rather than once per query
    con.execute(f"""CREATE OR REPLACE TEMP TABLE {SENTENCE_INFO} AS
        SELECT k.article_id, k.idx, a.published, CAST(a.published AS VARCHAR) AS pub, f.sides, f.first, ctx.sides AS ctx,
               f.unplaced, f.guessed,
               f.guessed IS NOT NULL AND len(list_filter(f.sides, lambda x: NOT list_contains(f.guessed, x))) = 0 AS soft
        FROM (SELECT DISTINCT article_id, idx FROM {keys} WHERE idx >= 0) k
        JOIN articles a ON a.id = k.article_id
        LEFT JOIN {SIDES} f ON f.article_id = k.article_id AND f.idx = k.idx
        LEFT JOIN {SIDES} ctx ON ctx.article_id = k.article_id AND ctx.idx = -1
        WHERE a.published IS NOT NULL""")


def no_side_sql(i: str = "i", m: str = "m") -> str:
    """SQL true when the sentence (a :data:`SENTENCE_INFO` row ``i``) names no side for the pledge (a row ``m`` with
    ``doer``, ``other`` and ``related``, as ``@``-keys): none at all, or only sides the resolver guessed (``soft``)
    none of which is the doer, its counterpart or a side the pledge's object names (round t63)."""
    return (f"({i}.sides IS NULL OR ({i}.soft AND NOT list_has_any({i}.sides, "
            f"list_concat(list_concat([coalesce({m}.doer, ''), coalesce({m}.other, '')], {m}.related)))))")
