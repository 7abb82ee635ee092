"""Talks or a visit called off, as a linking key (round t36, b35's F4): "Mali called off the talks with Algeria
planned for Wednesday" names the talks a pledge "will hold talks in Algiers on 12 November" promised, but shares no
key with it (a capital is no key; the matter of the talks is not named). A sentence in which a verb of calling off
(``called_off`` of ``pledges/clause_words.yaml``, :func:`gaiko.tracking.calledoff.called_off`) governs a noun of
talks, a meeting, a summit or a visit gets a key per side it names (:func:`talks_off_key`, written by
:func:`gaiko.tracking.sentencekeys.article_rows`), and a pledge to meet or visit reads the key of its other party as a
topic key (:func:`gaiko.tracking.link.candidates`): talks called off with a third country are not retrieved. The
clause is then read as any report of the act called off. None of them raises.
"""

from __future__ import annotations

from .calledoff import called_off
from .lexicon import Lexicon
from .text import tokens_hits

__all__ = ["TALKS_OFF", "TALK_ACTS", "talks_off", "talks_off_key"]

#: the prefix of the sentence keys of talks called off
TALKS_OFF = "x:talks_off@"
#: the acts whose pledges read it: talks and visits
TALK_ACTS = frozenset({"a:meet", "a:visit"})


def talks_off(text: str, lex: Lexicon) -> bool:
    """Whether a noun of talks or a visit in ``text`` is called off ("called off the talks", "the summit was
    postponed")."""
    toks, found = tokens_hits(text)
    return any(h.concept in TALK_ACTS and h.role == "n" and called_off(toks, h.i, h.j, 0, len(toks), lex)
               for h in found)


def talks_off_key(side: str) -> str:
    """The key of talks called off in a sentence naming ``side`` (its country part: "KEN/OPP" is "KEN")."""
    return TALKS_OFF + side.split("/")[0]
