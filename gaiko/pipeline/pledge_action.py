"""The promised act's own words, for the pledge extractor (:mod:`gaiko.pipeline.pledges`, through
:mod:`gaiko.pipeline.pledge_parts`, which re-exports these names).

:func:`action_text` gives (action text, object text or None, object head token or None) of a promised action's verb,
without its deadline words, framing phrases and asides; :func:`deadline_phrases` the candidate deadline phrases of the
verb's clause as (text, start char, end char); :func:`list_items` the (start char, text) items of an "including A, B
and C" list (empty for fewer than two); :func:`own_tokens` the verb's subtree without conjoined verbs, subjects and
subordinate clauses. They read a spaCy parse and raise nothing of their own.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from ..docindex import entities
from ..tables import word_sets
from .pledge_clauses import stolen_tokens
from .saidwhen import statement_verb

__all__ = ["own_tokens", "action_text", "deadline_phrases", "inner_hyphen", "list_items"]

#: the word lists (deadline prepositions, reasons, framing phrases, open time words, fillers, time nouns) are data:
#: ``gaiko/data/pledges/action_words.yaml``, read once
_WORDS = "pledges/action_words.yaml"


def _w(key: str) -> frozenset[str]:
    """One word list of ``pledges/action_words.yaml`` (``temporal_preps``, ``reasons``, ``open_words``, ``fillers``,
    ``time_nouns``)."""
    return word_sets(_WORDS)[key]


@lru_cache(maxsize=1)
def _frames() -> frozenset[tuple[str, ...]]:
    """Fixed phrases that frame a clause ("in return", "for its part") as tuples of lower-case words."""
    return frozenset(tuple(f.split()) for f in word_sets(_WORDS)["frames"])


_SKIP_DEPS = {"nsubj", "nsubjpass", "aux", "auxpass", "neg", "mark", "cc", "conj", "punct", "advcl", "ccomp", "parataxis", "expl", "csubj"}


def own_tokens(verb: Token) -> list[Token]:
    """The verb's subtree without conjoined verbs, subjects and subordinate clauses."""
    out: list[Token] = []

    def walk(t: Token, top: bool) -> None:
        out.append(t)
        for c in t.children:
            if top and c.dep_ in _SKIP_DEPS:
                continue
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
                continue
            if c.dep_ in ("relcl",) and not top:
                continue
            walk(c, False)

    walk(verb, True)
    return sorted(out, key=lambda t: t.i)


def _temporal(tok: Token) -> bool:
    """A date word of the clause; dates that modify a noun ("its October controls", "the 2018 agreement") are not."""
    if tok.lower_ in _w("open_words"):
        return True
    if tok.ent_type_ not in ("DATE", "TIME"):
        return False
    root = tok
    while root.head.i != root.i and root.head.ent_type_ in ("DATE", "TIME") and root.head.ent_iob_ != "O":
        root = root.head
    return not (root.dep_ in ("compound", "nmod", "amod", "poss", "nummod") and root.head.pos_ in ("NOUN", "PROPN")
                and root.head.lemma_.lower() not in _w("time_nouns"))


def _of_occasion(t: Token, verb: Token, occasions: tuple[frozenset[str], frozenset[str]]) -> bool:
    """Whether date word ``t`` hangs from a participle or relative clause of an occasion verb (``occasions[0]``) below
    ``verb`` that modifies an occasion noun (``occasions[1]``): "the agreement signed on March 4", "the deal to be
    inked on Friday" name the day of the signing, not a deadline."""
    verbs, nouns = occasions
    h = t.head
    while h.i != verb.i and h.head.i != h.i:
        if h.pos_ in ("VERB", "AUX") and h.lemma_.lower() in verbs and h.dep_ in ("acl", "relcl", "amod") \
                and h.head.lemma_.lower() in nouns:
            return True
        h = h.head
    return False


#: words that make a noun the first part of a pledged whole ("the first $50 million", "an initial tranche")
_FIRST_WORDS = frozenset({"first", "initial", "opening"})


def _of_first_part(t: Token, verb: Token) -> bool:
    """A date that hangs from a first part of the pledge ("$200 million, the first $50 million by the end of September",
    "40 buses, the first ten by June"): the deadline of that part, not of the whole (round p44)."""
    for a in t.ancestors:
        if a.i == verb.i:
            return False
        if a.pos_ in ("NOUN", "NUM", "PROPN") and any(c.dep_ == "amod" and c.lower_ in _FIRST_WORDS for c in a.children):
            return True
    return False


#: perfect auxiliaries: a relative clause in the perfect (or the past) tells a state already begun ("which has set")
_PERFECT = frozenset({"has", "have", "had", "'s", "'ve", "'d"})


def _starts_past_state(doc, j: int, t: Token, verb: Token) -> bool:
    """Whether the date at ``t``, governed by the word at ``j``, starts a past state rather than ending a term: any
    year or day after "since" ("which has regulated the sea bed since 1994"), and after "as of" or "from" in a
    background clause (a relative clause in the past or perfect below ``verb``: "which has set quotas as of 1976",
    "which has applied common tariffs from 2005"). "from 2027 onwards" in the pledge's own clause and "chemicals used
    to make it from December" (a participle) stay (round p50)."""
    if j < 0:
        return False
    if doc[j].lower_ == "since":
        return True
    gov = doc[j].lower_ == "from" or (doc[j].lower_ == "as" and j + 1 < len(doc) and doc[j + 1].lower_ == "of")
    if not gov:
        return False
    for a in t.ancestors:
        if a.i == verb.i:
            return False
        if a.dep_ in ("relcl", "acl") and a.pos_ in ("VERB", "AUX"):  # the first clause up decides
            return a.dep_ == "relcl" and (a.tag_ == "VBD" or any(
                c.dep_ in ("aux", "auxpass") and c.lower_ in _PERFECT for c in a.children))
    return False


def deadline_phrases(verb: Token, occasions: tuple[frozenset[str], frozenset[str]] | None = None
                     ) -> list[tuple[str, int, int]]:
    """Candidate deadline phrases in a verb's clause: (text, start char, end char). With ``occasions`` (the verbs and
    nouns of a signing, :attr:`Lexicon.occasion_verbs` and ``occasion_nouns``), a date of the signing is none."""
    found: list[tuple[str, int, int]] = []
    seen: set[int] = set()
    clause = own_tokens(verb) + [t for c in verb.children if c.dep_ == "advcl" for t in c.subtree]
    for t in sorted(clause, key=lambda x: x.i):
        if t.i in seen or not _temporal(t) or (occasions is not None and _of_occasion(t, verb, occasions)) \
                or _of_first_part(t, verb):
            continue
        doc = t.doc
        if t.ent_type_:
            ent = next((e for e in entities(doc) if e.start <= t.i < e.end), None)
            span: Span = ent if ent is not None else doc[t.i : t.i + 1]
        else:
            span = doc[t.i : t.i + 1]
        seen.update(range(span.start, span.end))
        if statement_verb(span) is not None:
            continue  # "said on Monday she would visit Seoul": the day said, no deadline (round x1)
        start = span.start
        # extend left over the preposition and "the end of" that govern it
        j = start - 1
        while j >= 0 and doc[j].lower_ in ("the", "end", "of", "by", "within", "in", "before", "until", "till", "for", "over", "during", "than", "no", "later", "ahead", "mid", "early", "late", "from", "starting", "beginning", "each", "on") and start - j <= 5:
            j -= 1
        if _starts_past_state(doc, j if doc[j + 1].lower_ != "from" else j + 1, t, verb):
            continue
        begin = j + 1
        while begin < start and doc[begin].lower_ in ("of", "than", "the"):
            begin += 1
        s = doc[begin : span.end]
        # "earlier than promised" after "two years earlier"; "within a month of signing the treaty" (an anchor)
        k = span.end
        tail = doc[k : k + 3]
        text = s.text
        if tail.text.lower().startswith("than "):
            text = f"{s.text} {tail.text}"
        elif k < len(doc) and doc[k].lower_ in ("of", "after", "from") and s.text.lower().startswith("within"):
            anchor = [x for x in doc[k : k + 6] if not x.is_punct]
            text = f"{s.text} {' '.join(x.text for x in anchor)}"
        found.append((text.strip(" ,;:—–"), s.start_char, s.end_char))
    return found


def inner_hyphen(t: Token) -> bool:
    """A hyphen inside one word, spaces on neither side: "Kambar-Ata", "Rogun-Vakhsh" (kept, so the pledge names the
    place as reports do; round p38)."""
    return t.text in ("-", "‐") and t.i > 0 and not t.doc[t.i - 1].whitespace_ and not t.whitespace_ \
        and t.i + 1 < len(t.doc)


def _join(toks: list[Token]) -> str:
    out = ""
    for a, b in zip(toks, toks[1:] + [None]):
        out += a.text + (a.whitespace_ if b is not None and b.i == a.i + 1 else " ")
    return out.strip()


def _drop_temporal(toks: list[Token]) -> list[Token]:
    """Remove date words and everything hanging from them ("two years earlier than promised")."""
    bad: set[int] = set()
    for t in toks:
        if _temporal(t):
            bad.update(x.i for x in t.subtree)
    return [t for t in toks if t.i not in bad]


def _dateline(t: Token) -> bool:
    """An upper-case word of a run that ends in a dash at the start of a sentence ("NEW DELHI —")."""
    doc = t.doc
    k = t.i
    while k < len(doc) and doc[k].is_upper and len(doc[k].text) > 1:
        k += 1
    return k > t.i and k < len(doc) and doc[k].text in ("—", "–", "-") and k - t.i <= 4


def _noun_gerund(t: Token) -> bool:
    """A gerund inside a compound noun ("30 new fish [landing] sites", "water [pumping] stations"): it follows a common
    singular noun and its object follows it, with nothing else hanging from it (round p40)."""
    kids = list(t.children)
    return t.tag_ == "VBG" and t.dep_ == "acl" and t.head.i == t.i - 1 and t.head.tag_ == "NN" \
        and len(kids) >= 1 and kids[0].dep_ == "dobj" and kids[0].i == t.i + 1 and kids[0].pos_ == "NOUN" \
        and not any(c.dep_ in ("det", "poss", "nummod") or c.i < kids[0].i for c in kids[0].children) \
        and all(c.dep_ in ("prep",) for c in kids[1:])


def _aside(t: Token, verb: Token) -> bool:
    """A phrase of the act that is not the act: a noun after a comma that names the promise itself ("cut the sugar
    tariff, a promise he repeated"; round p40), or a comparison of its time with an earlier plan ("later than first
    planned"; round t34)."""
    if t.head.i != verb.i:
        return False
    if t.dep_ == "advmod" and t.lower_ in ("later", "earlier", "sooner") and any(x.lower_ == "than" for x in t.subtree):
        return True  # "hold the summit in the spring, later than first planned": when, against the old plan (t34)
    return t.dep_ in ("npadvmod", "appos") and t.pos_ == "NOUN" and t.left_edge.i > 0 \
        and t.doc[t.left_edge.i - 1].text == ","


def _purpose(verb: Token) -> list[Token]:
    """The purpose infinitive of a step noun the verb takes as its object ("introduce a bill to ratify the accord",
    "put forward legislation to scrap the levy"), which the parser hangs on the verb as ``advcl`` or on the noun as
    ``relcl``/``acl`` (an object's clause ``own_tokens`` leaves out): its tokens, or []."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in _w("step_nouns")), None)
    if obj is None:
        return []
    for c in [c for c in verb.children if c.dep_ == "advcl"] + [c for c in obj.children if c.dep_ in ("relcl", "acl")]:
        if c.tag_ == "VB" and c.i > obj.i and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children):
            return list(c.subtree)
    return []


def _listed(comma: Token) -> bool:
    """A comma inside a list ("pork, dairy and nuts"): the next word is a conjunct or hangs on one."""
    doc = comma.doc
    if comma.i + 1 >= len(doc):
        return False
    nxt = doc[comma.i + 1]
    return nxt.dep_ in ("conj", "cc") or nxt.head.dep_ == "conj"


def _content(verb: Token) -> list[Token]:
    """What a text the verb takes as its object says ("publish rules letting British firms bid", "pass a law by the
    spring allowing its navy to board ships", "send parliament a bill that would outlaw ..."): the participle or
    relative clause after a noun of ``content_nouns``, which the parser hangs on the noun (``acl``, ``relcl``) or on
    the verb (``advcl``, after a deadline) and the action left out, so the pledge was "publish rules" (round p65). Its
    tokens, or []."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _w("content_nouns")), None)
    if obj is None:
        return []
    for c in [c for c in obj.children if c.dep_ in ("acl", "relcl")] + [c for c in verb.children if c.dep_ == "advcl"]:
        if c.i > obj.i and (c.tag_ == "VBG" or c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX")) \
                and not any(x.dep_ == "mark" for x in c.children) and c.doc[c.left_edge.i - 1].text != ",":
            # a participle after a comma is an aside of the act ("put the law on hold, saying ..."), no content
            aside = {x.i for t in c.subtree if t.dep_ in ("appos", "relcl") and t.i != c.i for x in t.subtree}
            stop = next((t.i for t in c.subtree if t.text == "," and t.i > c.i and not _listed(t)),
                        c.right_edge.i + 1)  # up to a comma of a clause ("..., the minister said"), not of a list
            return [t for t in c.subtree if t.i not in aside and t.i < stop]
    return []


def action_text(verb: Token, limit: int = 16) -> tuple[str, str | None, Token | None]:
    """(action text, object text, object head) of a promised action, minus its deadline words and its asides ("a
    promise he repeated", round p40)."""
    toks = _drop_temporal(own_tokens(verb))
    if taken := stolen_tokens(verb):  # "pull out of Ituri [and Congo] promised to ...": the next clause's subject (x18)
        toks = [t for t in toks if t.i not in taken]
    if purpose := _purpose(verb):  # "introduce a bill [to ratify the accord]": the deed the step is for (round t43)
        have = {t.i for t in toks}
        toks = sorted(toks + [t for t in _drop_temporal(purpose) if t.i not in have], key=lambda t: t.i)
    content = set()
    if said := _content(verb):  # "publish rules [letting British firms bid ...]": what the text says (round p65)
        have = {t.i for t in toks}
        said = _drop_temporal(said)
        content = {t.i for t in said}
        toks = sorted(toks + [t for t in said if t.i not in have], key=lambda t: t.i)
    clauses = {x.i for t in toks if t.i != verb.i and (t.dep_ in ("acl", "relcl", "advcl") and t.tag_ == "VBG"
                                                      and not _noun_gerund(t) or t.dep_ == "appos"
                                                      or _aside(t, verb))
               for x in t.subtree} - content
    toks = [t for t in toks if t.i not in clauses and t.lower_ not in ("which", "whom") and not (t.dep_ == "advmod" and t.head.i == verb.i and t.lower_ in _w("fillers"))]
    # drop temporal prepositions left hanging ("by", "within") and trailing punctuation
    keep: list[Token] = []
    for t in toks:
        if t.dep_ == "prep" and t.lower_ in _w("temporal_preps") and all(_temporal(c) or c.ent_type_ == "DATE" for c in t.children):
            continue
        if t.dep_ == "prep" and any(c.lower_ in ("which", "whom", "whose") for c in t.children):
            continue
        if (t.dep_ == "punct" and t.text != "," and not inner_hyphen(t)) or t.lower_ in ("“", "”", '"', "—", "–"):
            continue
        if t.i < verb.i and _dateline(t):
            continue  # a dateline: "TOKYO — Japan will ...", "NEW DELHI — India will ..."
        keep.append(t)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    for t in list(keep):
        # "In return, ...", "Under the declaration, Cambodia will ...": a phrase before the subject frames the act
        reason = t.dep_ == "prep" and t.head.i == verb.i and t.lower_ in _w("reasons")  # "because of the balloons"
        if reason or t.dep_ == "prep" and t.head.i == verb.i and t.i < verb.i and \
                (tuple(x.lower_ for x in t.subtree) in _frames() or (subj is not None and t.i < subj.i)):
            drop = {x.i for x in t.subtree}
            keep = [x for x in keep if x.i not in drop]
    # "send Masaaki Kanai, its director general, to Beijing": the commas around a dropped aside go with it (round n45;
    # the action read "send Masaaki Kanai, , to Beijing")
    keep = [t for k, t in enumerate(keep) if not (t.text == "," and (
        (k + 1 < len(keep) and keep[k + 1].text == "," and keep[k + 1].i > t.i + 1)
        or (k > 0 and keep[k - 1].text == "," and t.i > keep[k - 1].i + 1)))]
    keep = keep[:limit]
    while keep and (keep[-1].text == "," or keep[-1].lower_ in _w("temporal_preps") or keep[-1].lower_ in ("of", "each", "a")):
        keep.pop()
    text = verb.lemma_ + " " + _join([t for t in keep if t.i != verb.i])
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")), None)
    if obj is None:
        obj = next((g for c in verb.children if c.dep_ in ("prep", "dative") for g in c.children
                    if g.dep_ == "pobj" and not _temporal(g)), None)
    obj_text = None
    if obj is not None:
        relcl = {x.i for t in obj.subtree if t.dep_ == "relcl" for x in t.subtree}
        sub = [t for t in _drop_temporal(list(obj.subtree)) if t.i not in clauses and t.i not in relcl
               and (t.dep_ != "punct" or inner_hyphen(t))]
        sub = sub[:limit]
        while sub and sub[-1].lower_ in _w("temporal_preps"):  # "30 new fish landing sites [by] 2027"
            sub.pop()
        obj_text = _join(sub) or None
    return text.strip(), obj_text, obj


def list_items(prep: Token) -> list[tuple[int, str]]:
    """Items of an "including A, B and C" list: a new item starts at a noun phrase after
    "and" or a comma whose head is a plural noun or which opens with a determiner."""
    toks = [t for t in prep.subtree if t.i != prep.i]
    if not toks:
        return []
    doc = prep.doc
    span = doc[toks[0].i : toks[-1].i + 1]
    starts = [span.start]
    for k in range(span.start + 1, span.end):
        if doc[k - 1].lower_ not in ("and", ",") or doc[k].lower_ == "and":
            continue
        run = []
        for j in range(k, min(k + 6, span.end)):
            if doc[j].tag_ not in ("NNP", "NNPS", "NN", "NNS", "JJ", "DT", "CD", "HYPH", "VBN", "PRP$"):
                break
            run.append(doc[j])
        nouns = [t for t in run if t.tag_.startswith("NN")]
        if run and (run[0].tag_ == "DT" or (nouns and nouns[-1].tag_ in ("NNS", "NNPS"))):
            starts.append(k)
    items: list[tuple[int, str]] = []
    for a, b in zip(starts, starts[1:] + [span.end]):
        piece = doc[a:b]
        words = [t for t in piece if not (t.is_punct or (t.lower_ == "and" and t.i == b - 1))]
        if words:
            items.append((words[0].idx, doc[words[0].i : words[-1].i + 1].text))
    return items if len(items) > 1 else []
