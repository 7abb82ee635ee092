"""A blank line starts a sentence (gaiko.nlp.paragraph_starts): our own sentences."""

import pytest

from gaiko.nlp import PARAGRAPHS, load_model, paragraph_starts


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def _sents(nlp, text):
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


def test_the_component_sits_before_the_parser(nlp):
    names = nlp.pipe_names
    assert PARAGRAPHS in names and names.index(PARAGRAPHS) < names.index("parser")


@pytest.mark.parametrize("first, second", [
    # two paragraphs the parser alone runs into one sentence
    ("Germany pledged four systems to Kyiv.",
     "Foreign Ministry spokeswoman Maria Zakharova accused Berlin of escalation."),
    # a headline without a full stop above the body
    ("Hungary blocks EU aid package", "Hungary vetoed a new EU aid package for Ukraine on Monday."),
    ("Lesotho, Eswatini agree water deal", "The two kingdoms signed a water-sharing accord in Maseru on Friday."),
])
def test_a_blank_line_ends_the_sentence(nlp, first, second):
    sents = _sents(nlp, f"{first}\n\n{second}")
    assert sents[0] == first
    assert second in sents[1:] or any(s.endswith(second) for s in sents[1:])
    assert not any(first in s and second in s for s in sents)


def test_blank_line_with_spaces_and_crlf(nlp):
    sents = _sents(nlp, "Germany pledged four systems to Kyiv.\r\n \r\nForeign Ministry spokeswoman Maria "
                        "Zakharova accused Berlin of escalation.")
    assert sents[0] == "Germany pledged four systems to Kyiv."


def test_a_single_line_break_is_left_to_the_parser(nlp):
    # hard-wrapped copy: one sentence over two lines stays one sentence
    text = "The foreign ministers of Chile and Peru met in Lima on\nTuesday to discuss the maritime border."
    assert len(_sents(nlp, text)) == 1


def test_coded_events_keep_their_own_sentences():
    import gaiko

    text = ("Germany pledged four systems to Kyiv.\n\nForeign Ministry spokeswoman Maria Zakharova accused Berlin "
            "of escalation on Tuesday.")
    events = gaiko.code_text(text, published="2026-01-07")
    accuse = [e for e in events if e.event_type == "ACCUSE"]
    assert accuse, [e.event_type for e in events]
    assert all("pledged" not in (e.to_dict().get("sentence") or "") for e in accuse)


def test_the_function_on_a_doc_without_blank_lines_changes_nothing(nlp):
    doc = nlp.make_doc("Chile and Peru met in Lima.")
    before = [t.is_sent_start for t in doc]
    assert [t.is_sent_start for t in paragraph_starts(doc)] == before
