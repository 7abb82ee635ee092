"""A term that closes the promise's sentence but hangs inside a clause below the promised act (round p66, issue 14:
a pledge with no deadline never falls overdue nor reads a late deed as late), for
:func:`gaiko.pipeline.pledge_terms.deadline`.

The parser hangs a term at the end of the promise on the last verb before it, often a verb inside the object: "will
introduce a bill to ratify the treaty before the end of the year" ("before" on "ratify", a clause of "bill"), "will
make it a crime to sell fake seeds by the end of the year" (on "sell", the complement of "make"), "will help Bolivia
set up an office by the end of next year" (on "set"), "is to pay 50 million pesos into a fund that helps small
islands adapt by September 30" (on "adapt", below a relative clause). ``own_tokens`` leaves those clauses out, so the
act had no deadline. :func:`closing_term` takes such a phrase when the act's own clause gives none, and only when

* it opens with a word that closes a term (``closing_words`` of ``pledges/closing_terms.yaml``: by, before, within,
  no/not later than), not "in", "from", "until", "over" or "for" (a time or span of the inner clause's own: "a treaty
  that takes effect in March"),
* it ends the promise's clause: a punctuation mark or the sentence's end follows it ("... by 2027 and fund inspectors"
  keeps it inside a list of the object's own),
* every clause on the way down from the act to the phrase is untensed or in the present: a verb in the past ("a fund
  that paid out its first grants by March"), with a modal or the perfect (``own_time_auxiliaries``: "a plan that
  would cut emissions by 2030") or negated tells a time of its own, and a verb of saying (``say_verbs``: "leaders who
  say they will sign a deal by June") is another statement, and one of a condition others must meet
  (``condition_verbs``: "revoke the licences of miners that fail to submit plans within 90 days") is theirs.

It reads a spaCy parse and raises nothing of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

__all__ = ["closing_term", "enabled"]

_FILE = "pledges/closing_terms.yaml"
#: the clauses below the act a closing term may hang in
_INNER = frozenset({"relcl", "acl", "ccomp", "xcomp", "advcl"})
#: the act's own dependents that are no part of its object (``pledge_action._SKIP_DEPS`` less the complement clause)
_NOT_OBJECT = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "neg", "mark", "cc", "conj", "punct", "advcl",
                         "parataxis", "expl", "csubj"})


def _words() -> dict[str, frozenset[str]]:
    from ..tables import word_sets

    return word_sets(_FILE)


def enabled() -> bool:
    """Whether the kind is on (``enabled`` of the data file is not "false")."""
    return "false" not in _words().get("enabled", frozenset())


def _own_time(v: Token, aux_words: frozenset[str], say: frozenset[str]) -> bool:
    """Whether clause verb ``v`` tells a time of its own: past tense, a modal or perfect auxiliary, a negation, a
    verb of saying or of a condition others must meet (``say``)."""
    if v.tag_ == "VBD" or v.lemma_.lower() in say:
        return True
    return any(c.dep_ in ("aux", "auxpass", "neg") and (c.lower_ in aux_words or c.dep_ == "neg") for c in v.children)


def _closes(doc, start_char: int, end_char: int) -> bool:
    """Whether the phrase at these characters ends its clause: punctuation or the end of the text follows it."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return False
    return span.end >= len(doc) or doc[span.end].is_punct


def closing_term(verb: Token, phrases_of: Callable[[Token], list[tuple[str, int, int]]]) -> list[tuple[str, int, int]]:
    """The closing terms (text, start char, end char) of clauses below act ``verb`` that name the promise's term,
    nearest the act first; [] when the kind is off or none holds. ``phrases_of`` gives a verb's own deadline phrases
    (``pledge_action.deadline_phrases`` with the extractor's occasions)."""
    if not enabled():
        return []
    w = _words()
    opens, aux_words = w.get("closing_words", frozenset()), w.get("own_time_auxiliaries", frozenset())
    say = w.get("say_verbs", frozenset()) | w.get("condition_verbs", frozenset())
    found: list[tuple[str, int, int]] = []

    def walk(t: Token, top: bool) -> None:
        for c in t.children:
            if top and c.dep_ in _NOT_OBJECT:
                continue
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
                continue  # another act of a row, with its own term (pledge_terms.deadline reads the row)
            if c.dep_ in _INNER and c.pos_ in ("VERB", "AUX"):
                if _own_time(c, aux_words, say):
                    continue
                for ph in phrases_of(c):
                    first = ph[0].split()[0].lower() if ph[0].split() else ""
                    if first in opens and (first not in ("no", "not") or " later than " in f" {ph[0].lower()} ") \
                            and _closes(verb.doc, ph[1], ph[2]) and ph not in found:
                        found.append(ph)
            walk(c, False)

    walk(verb, True)
    return found
