"""Present-tense verbs the parser read as nouns (live-blog and bulletin copy).

"Myanmar's junta shells villages in Sagaing", "Russian missiles pound Odesa's port overnight", "The EU channels
1bn euros to Egypt": a word that is both a noun and a present-tense verb is often tagged a noun, and its clause is
left without a verb ("shells" the root, "villages" an apposition), so no event is drafted. When a sentence's root,
or a clause a verb of saying governs, is not a verb, each word of that clause that the parser's lemmatiser knows as
a verb and that follows a subject is tried in turn: the sentence is parsed again with the word in an unambiguous past
form ("shelled"), and the new parse is taken (tags, lemmas, dependency tree; the word tagged VBZ/VBP again, its
text unchanged) when the word comes out a finite verb with a nominal subject. Data:
``gaiko/data/language/present_verbs.yaml`` (clause labels, noun tags, words never tried).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..errors import DataFileError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = ["repair_present_verbs"]

#: parts of speech a subject's last word may have ("the junta", "Russian missiles", "the EU")
_SUBJECT_POS = frozenset({"NOUN", "PROPN", "PRON"})
#: parts of speech of the word before a candidate verb (the end of its subject: "the junta", "Russian missiles",
#: "South Korea's military", "the Visegrad Four")
_BEFORE_VERB = _SUBJECT_POS | {"ADJ", "NUM"}
_SINGULAR = frozenset({"NN", "NNP", "JJ", "CD"})
_PLURAL = frozenset({"NNS", "NNPS"})
_THIRD_SINGULAR_PRONOUNS = frozenset({"he", "she", "it"})
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})
#: dependency labels of a verb that heads a clause of its own, or modifies a noun as an adjective
_OWN_CLAUSE = frozenset({"ccomp", "conj", "parataxis", "relcl", "advcl", "amod", "xcomp", "pcomp"})


@lru_cache(maxsize=None)
def _data() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(clause dependency labels, noun tags, words never tried, verbs of saying) of
    ``language/present_verbs.yaml``.

    Raises DataFileError when a key is missing or not a list of strings."""
    from ..tables import data_path, load_yaml

    path = data_path("language/present_verbs.yaml")
    data = load_yaml(path) or {}
    out = []
    for key in ("clause_deps", "noun_tags", "never", "saying"):
        v = data.get(key)
        if not isinstance(v, list) or not all(isinstance(w, str) for w in v):
            raise DataFileError(str(path), f"'{key}' must be a list of words")
        out.append(frozenset(w if key in ("clause_deps", "noun_tags") else w.lower() for w in v))
    return out[0], out[1], out[2], out[3]


def _verbless(sent: Span, deps: frozenset[str]) -> list[Token]:
    """Heads of clauses of ``sent`` that should have a verb and have none: a root, or a clause a verb governs, headed
    by a noun, a number or a symbol (not an adjective: "found the minister guilty"), with no verb form of its own."""
    out = []
    for t in sent:
        if t.tag_ in _VERB_TAGS or t.pos_ in ("VERB", "AUX", "ADJ"):
            continue
        if t.dep_ == "ROOT" or (t.dep_ in deps and t.head.pos_ in ("VERB", "AUX") and t.head.i != t.i):
            if not _has_verb(t):
                out.append(t)
    return out


def _said_before(sent: Span, saying: frozenset[str]) -> list[Token]:
    """The words before the comma of a sentence that ends in an attribution with no clause of its own ("The armed
    wing tests a new drone, a pro-party outlet says.": "tests" was made the subject of "says"): [] when the root is
    no verb of saying, governs a clause, or the words before the comma have a verb form of their own."""
    root = sent.root
    if root.lemma_.lower() not in saying or any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in root.children):
        return []
    comma = next((t for t in reversed(sent[:root.i - sent.start]) if t.text == ","), None)
    if comma is None or comma.i - sent.start < 3:
        return []
    words = list(sent[:comma.i - sent.start])
    if any(t.tag_ in _FINITE | {"VBN", "MD"} and t.dep_ not in _OWN_CLAUSE for t in words):
        return []
    return words


def _has_verb(head: Token) -> bool:
    """Whether the clause under ``head`` has a verb form of its own that the parser hung on a noun ("The leaders,
    ..., signalled that", "firm RAO cut electricity exports"): a finite verb or past participle that is not a
    clause of its own (a complement, conjunct, relative or adverbial clause) or a modifier ("Kurdish-led")."""
    for t in head.subtree:
        if t.tag_ in _FINITE | {"VBN", "MD"} and t.dep_ not in _OWN_CLAUSE:
            return True
    return False


def _candidates(words: Any, verbs: Any, tags: frozenset[str], never: frozenset[str]) -> list[Token]:
    """Words of a clause (``words``, in order) that may be its verb: a noun-tagged, lower-case word the lemmatiser knows
    as a verb, right after a subject-like word, with a word after it that is not "of"."""
    out = []
    for t in words:
        if t.tag_ not in tags or not t.text.isalpha() or not t.text.islower() or t.lower_ in never:
            continue
        if t.i == t.sent.start or t.i + 1 >= t.sent.end:
            continue
        if t.doc[t.i - 1].pos_ not in _BEFORE_VERB or t.doc[t.i + 1].lower_ == "of":
            continue  # "rebels of the CSP": a noun
        if t.lemma_.lower() in verbs:
            out.append(t)
    return out


def _reparse(nlp: Language, sent: Span, tok: Token) -> tuple[Doc, int] | None:
    """The sentence parsed again with "will" before ``tok``'s lemma ("the junta will shell villages"), and the index
    of the added word; None when the lemma does not come out a verb with a subject that agrees with ``tok``'s form
    ("shells" a singular subject, "pound" a plural or coordinated one), or the words do not line up."""
    words = [t.text_with_ws for t in sent]
    k = tok.i - sent.start
    lemma = tok.lemma_.lower()
    words[k] = "will " + lemma + tok.whitespace_
    new = nlp("".join(words))
    if len(new) != len(sent) + 1 or new[k].lower_ != "will" or new[k + 1].lower_ != lemma:
        return None
    if any(a.text != b.text for a, b in zip(new[:k], sent[:k])) or any(
            a.text != b.text for a, b in zip(new[k + 2:], sent[k + 1:])):
        return None
    aux, v = new[k], new[k + 1]
    if v.tag_ != "VB" or v.pos_ != "VERB" or aux.head.i != v.i or aux.dep_ != "aux" or any(aux.children):
        return None
    if any(t.is_sent_start for t in new[1:]):
        return None  # the new parse cut the sentence in two
    subj = [c for c in v.children if c.dep_ == "nsubj" and c.i < v.i]
    if len(subj) != 1 or not _agrees(subj[0], tok):
        return None
    return new, k


def _agrees(subj: Token, tok: Token) -> bool:
    """Whether ``subj`` can be the subject of ``tok`` read as a present-tense verb: "-s" forms take a singular
    subject, bare forms a plural or coordinated one."""
    plural = subj.tag_ in _PLURAL or any(c.dep_ == "conj" for c in subj.children)
    if tok.lower_.endswith("s") and not tok.lower_.endswith("ss"):
        return not plural and (subj.tag_ in _SINGULAR or subj.lower_ in _THIRD_SINGULAR_PRONOUNS)
    return plural or subj.lower_ in ("they", "we")


def repair_present_verbs(doc: Doc, nlp: Language | None) -> Doc:
    """Re-parse the sentences of ``doc`` whose clause lost its present-tense verb to a noun tag (in place).

    ``nlp`` is the pipeline the doc was parsed with (None: nothing is done). Returns ``doc``."""
    if nlp is None or "lemmatizer" not in nlp.pipe_names:
        return doc
    deps, tags, never, saying = _data()
    verbs = _verb_index(nlp)
    if not verbs:
        return doc
    for sent in list(doc.sents):
        clauses = [list(h.subtree) for h in _verbless(sent, deps)] or [_said_before(sent, saying)]
        for words in clauses:
            done = False
            for tok in _candidates(words, verbs, tags, never):
                got = _reparse(nlp, sent, tok)
                if got is not None:
                    _copy(doc, sent, *got)
                    done = True
                    break
            if done:
                break
    return doc


def _verb_index(nlp: Language) -> Any:
    try:
        return nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")["verb"]
    except (KeyError, AttributeError):
        return None


def _copy(doc: Doc, sent: Span, new: Doc, aux: int) -> None:
    """Write ``new``'s tags, lemmas and tree over ``sent`` in ``doc``, leaving out the added auxiliary at ``aux``;
    the verb after it is tagged a present-tense verb again (VBZ for an "-s" form, else VBP)."""
    from spacy.attrs import DEP, HEAD, LEMMA, POS, TAG

    attrs = [TAG, POS, LEMMA, HEAD, DEP]
    arr = doc.to_array(attrs)
    sub = new.to_array(attrs)
    mask = (1 << 64) - 1

    def orig(j: int) -> int:  # index in new -> index in the sentence
        return j if j < aux else j - 1

    for j in range(len(new)):
        if j == aux:
            continue
        rel = int(sub[j, 3])
        rel = rel - (1 << 64) if rel >= 1 << 63 else rel
        row = sent.start + orig(j)
        arr[row, 0], arr[row, 1], arr[row, 2], arr[row, 4] = sub[j, 0], sub[j, 1], sub[j, 2], sub[j, 4]
        arr[row, 3] = (orig(j + rel) - orig(j)) & mask
    verb = doc[sent.start + aux]
    vbz = verb.lower_.endswith("s") and not verb.lower_.endswith("ss")
    arr[sent.start + aux, 0] = doc.vocab.strings.add("VBZ" if vbz else "VBP")
    doc.from_array(attrs, arr)
