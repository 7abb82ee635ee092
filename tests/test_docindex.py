"""gaiko.docindex: the per-document lookups must give exactly spaCy's own answers."""

from __future__ import annotations

import pytest

TEXT = (
    "Japan\u2019s prime minister said on Tuesday that Tokyo would raise defence spending. "
    "Beijing condemned the plan!  Officials in Manila, however, welcomed it; they said "
    "they\u2019ll watch closely.\n\nThe U.S. State Department did not comment."
)


@pytest.fixture(scope="module")
def doc(coder):
    return coder.nlp(TEXT)


def test_sentences_match_spacy(doc):
    from gaiko.docindex import sentences

    idx = sentences(doc)
    spans = list(doc.sents)
    assert [(s.start, s.end) for s in idx.spans] == [(s.start, s.end) for s in spans]
    assert len(spans) >= 3
    for tok in doc:
        assert idx.start(tok.i) == tok.sent.start
        assert idx.span(tok.i).end == tok.sent.end
        assert idx.spans[idx.index(tok.i)].start == tok.sent.start
    assert sentences(doc) is idx  # cached with the document


def test_columns_match_tokens(doc):
    from gaiko.docindex import columns

    cols = columns(doc)
    assert len(cols.text) == len(doc)
    for t in doc:
        assert cols.text[t.i] == t.text
        assert cols.lower[t.i] == t.lower_.replace("\u2019", "'")
        assert cols.lemma[t.i] == t.lemma_.lower()
        assert (cols.pos[t.i], cols.dep[t.i]) == (t.pos_, t.dep_)
        assert cols.space[t.i] == bool(t.whitespace_)
        assert cols.punct[t.i] == t.is_punct
    assert "'ll" in cols.lower  # typographic apostrophe folded


def test_text_entities_and_span_text(coder):
    from gaiko.docindex import entities, remember_text, span_text, text

    d = coder.nlp(TEXT)
    remember_text(d, TEXT)
    assert text(d) is TEXT
    assert entities(d) == tuple(d.ents)
    for s in d.sents:
        assert span_text(s) == s.text
    other = coder.nlp(TEXT)
    remember_text(other, TEXT + " and more")  # not the string it was parsed from: ignored
    assert text(other) == other.text == TEXT


def test_name_matches_are_shared_per_knowledge_base(coder):
    from gaiko.actors.kb import load_kb
    from gaiko.actors.match import match_names

    d = coder.nlp(TEXT)
    kb = load_kb(())
    first = match_names(d, kb)
    assert match_names(d, kb) is first  # the place component reuses the actor component's matches
    assert {d[m.start:m.end].text for m in first} >= {"Japan", "Tokyo", "Beijing", "Manila"}

