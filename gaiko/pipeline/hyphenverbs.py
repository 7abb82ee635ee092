"""Hyphenated verbs the parser split and read as a noun or an adjective ("North Korea test-fires missile").

The tokenizer splits "test-fires" into "test", "-", "fires"; the parser then reads "fires" as a noun, or "test-fired"
as an adjective of the object, and the clause has no verb. For a listed verb (``gaiko/data/language/hyphen_verbs.yaml``:
the first part and the lemma of the last) whose last part is not a clause's verb, the sentence is parsed again with
the first part and the hyphen left out and the last part in its past form ("North Korea fired missile"); when that
word comes out a verb with a nominal subject, the new tree is written over the sentence (tags, lemmas, heads, labels)
and the first part and the hyphen hang on the verb (``npadvmod``, ``punct``), as the parser hangs them when it reads
the verb right. The last part keeps its text; a present form is tagged VBZ/VBP again. Issue 12, round t36
(docs/rounds/accuracy.md, "Kinds round t36").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import DataFileError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = ["repair_hyphen_verbs"]

_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp", "parataxis"})


@lru_cache(maxsize=None)
def _verbs() -> frozenset[tuple[str, str]]:
    """{(first part, verb lemma)} of ``language/hyphen_verbs.yaml``.

    Raises DataFileError when ``verbs`` is not a list of hyphenated words."""
    from ..tables import data_path, load_yaml

    path = data_path("language/hyphen_verbs.yaml")
    v = (load_yaml(path) or {}).get("verbs")
    if not isinstance(v, list) or not all(isinstance(w, str) and w.count("-") == 1 for w in v):
        raise DataFileError(str(path), "'verbs' must be a list of hyphenated words")
    return frozenset(tuple(w.lower().split("-")) for w in v)  # type: ignore[misc]


def _past(lemma: str) -> str:
    irregular = {"fly": "flew", "fire": "fired"}
    if lemma in irregular:
        return irregular[lemma]
    return lemma + "d" if lemma.endswith("e") else lemma + "ed"


def _split_verb(doc: Doc, verbs: frozenset[tuple[str, str]]) -> list[Token]:
    """Last parts of listed hyphenated verbs that the parser did not read as a clause's verb."""
    out = []
    for t in doc[2:]:
        first, hyph = doc[t.i - 2], doc[t.i - 1]
        if hyph.text != "-" or first.whitespace_ or hyph.whitespace_:
            continue
        lemma = t.lemma_.lower()
        low = t.lower_
        if not any(first.lower_ == f and (lemma == v or low.startswith(v[:-1])) for f, v in verbs):
            continue
        if t.pos_ == "VERB" and t.dep_ in _CLAUSE_DEPS:
            continue  # read right ("Iran test-fired a missile")
        out.append(t)
    return out


def repair_hyphen_verbs(doc: Doc, nlp: Language | None) -> Doc:
    """Re-parse the sentences of ``doc`` whose listed hyphenated verb was read as a noun or an adjective (in place).
    ``nlp``: the pipeline the doc was parsed with (None: nothing is done). Returns ``doc``."""
    if nlp is None:
        return doc
    verbs = _verbs()
    for t in _split_verb(doc, verbs):
        sent = t.sent
        if t.i - 2 < sent.start:
            continue
        verb = next(v for f, v in verbs if f == doc[t.i - 2].lower_ and (t.lemma_.lower() == v or
                                                                          t.lower_.startswith(v[:-1])))
        k = t.i - 2 - sent.start  # index of the first part in the sentence
        words = [w.text_with_ws for w in sent]
        new = nlp("".join(words[:k]) + _past(verb) + t.whitespace_ + "".join(words[k + 3:]))
        if len(new) != len(sent) - 2 or any(w.is_sent_start for w in new[1:]):
            continue
        v = new[k]
        if v.pos_ != "VERB" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
            continue
        _copy(doc, sent, new, k, t)
    return doc


def _copy(doc: Doc, sent: Span, new: Doc, k: int, tok: Token) -> None:
    """Write ``new``'s tags, lemmas and tree over ``sent``; ``new`` lacks the sentence's tokens k and k+1 (the first
    part and the hyphen), which are hung on the verb at k+2 (``tok``)."""
    from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG

    attrs = [TAG, POS, LEMMA, HEAD, DEP]
    arr = doc.to_array(attrs)
    sub = new.to_array(attrs)
    mask = (1 << 64) - 1

    def orig(j: int) -> int:  # index in new -> index in the sentence
        return j if j < k else j + 2

    for j in range(len(new)):
        rel = int(sub[j, 3])
        rel = rel - (1 << 64) if rel >= 1 << 63 else rel
        row = sent.start + orig(j)
        arr[row, 0], arr[row, 1], arr[row, 2], arr[row, 4] = sub[j, 0], sub[j, 1], sub[j, 2], sub[j, 4]
        arr[row, 3] = (orig(j + rel) - orig(j)) & mask
    strings = doc.vocab.strings
    first, hyph = sent.start + k, sent.start + k + 1
    arr[first, 3] = 2 & mask
    arr[first, 4] = strings.add("npadvmod")
    arr[hyph, 3] = 1 & mask
    arr[hyph, 4] = strings.add("punct")
    low = tok.lower_
    if low.endswith("s") and not low.endswith("ss"):
        arr[tok.i, 0] = strings.add("VBZ")
    elif not low.endswith("ed"):
        arr[tok.i, 0] = strings.add("VBP")
    doc.from_array(attrs, arr)
