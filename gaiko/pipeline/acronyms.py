"""Organisation acronyms the parser read as verbs (round x7, b35's F9/F13 "ECOWAS read as a verb").

"ECOWAS foreign ministers on Tuesday repeated their demand ...": the parser often tags an all-capitals acronym that
opens a sentence as a verb and hangs the rest of the clause on it ("ministers" its object, "on Tuesday" its
modifier), so the real verb loses its subject and its date. An acronym of the actor tables (an all-capitals name or
alias of ``gaiko/data/actors/organizations.csv``, three letters or more) is never a verb: a sentence whose acronym came
out a verb is parsed again with the acronym replaced by another organisation's acronym the parser reads as a name
(``SURROGATES``), and the new parse is taken (tags, lemmas, dependency tree; the acronym itself a proper noun, its own
lemma) when the words line up one for one and the acronym is no verb in it. The text is never changed.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = ["repair_acronym_verbs", "acronyms"]

#: acronyms the parser reads as names, put in place of one it read as a verb (the first that is not the word itself)
SURROGATES = ("NATO", "UNICEF")


@lru_cache(maxsize=1)
def acronyms() -> frozenset[str]:
    """The all-capitals names and aliases (three letters or more) of ``actors/organizations.csv``."""
    from ..tables import data_path

    out: set[str] = set()
    with (data_path("actors") / "organizations.csv").open(encoding="utf-8") as fh:
        rows = csv.reader(line for line in fh if not line.startswith("#"))
        for row in rows:
            if not row:
                continue
            for name in [row[0], *(row[1].split(";") if len(row) > 1 else ())]:
                name = name.strip()
                if len(name) >= 3 and name.isalpha() and name.isupper():
                    out.add(name)
    return frozenset(out)


def repair_acronym_verbs(doc: Doc, nlp: Language | None) -> Doc:
    """Re-parse (in place) the sentences of ``doc`` where a known acronym came out a verb. Returns ``doc``."""
    if nlp is None:
        return doc
    known = acronyms()
    for sent in list(doc.sents):
        bad = [t for t in sent if t.text in known and (t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"))]
        if not bad:
            continue
        new = _reparse(nlp, sent, bad)
        if new is not None:
            _copy(doc, sent, new, bad)
    return doc


def _reparse(nlp: Language, sent: Span, bad: list[Token]) -> Doc | None:
    at = {t.i for t in bad}
    words = []
    for t in sent:
        if t.i in at:
            words.append(next(s for s in SURROGATES if s != t.text) + t.whitespace_)
        else:
            words.append(t.text_with_ws)
    new = nlp("".join(words))
    if len(new) != len(sent) or any(t.is_sent_start for t in new[1:]):
        return None
    if any(a.text != b.text for a, b in zip(new, sent) if b.i not in at):
        return None
    if any(new[t.i - sent.start].pos_ in ("VERB", "AUX") for t in bad):
        return None
    return new


def _copy(doc: Doc, sent: Span, new: Doc, bad: list[Token]) -> None:
    """Write ``new``'s tags, lemmas and tree over ``sent`` in ``doc``; each acronym a proper noun (NNP) of its own
    lemma."""
    from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG
    from spacy.symbols import PROPN

    attrs = [TAG, POS, LEMMA, HEAD, DEP]
    arr = doc.to_array(attrs)
    sub = new.to_array(attrs)
    for j in range(len(new)):
        arr[sent.start + j] = sub[j]  # HEAD is relative: the same offsets
    for t in bad:
        row = t.i
        arr[row, 0] = doc.vocab.strings.add("NNP")
        arr[row, 1] = PROPN
        arr[row, 2] = doc.vocab.strings.add(t.text)
    doc.from_array(attrs, arr)
