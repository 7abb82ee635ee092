"""Round t61 (issue 14): the object named by its own proper name stands for the side. Our own sentences (invented
terminals, sites and bypasses; real country names), with look-alikes.

A report that names the one thing the pledge is about by its proper name often names no side at all, in an article
whose context is other countries ("Work on the Tarvani ferry terminal has been halted since March" in a story about
Egypt's ferries): the candidate query dropped it (it names neither the doer nor anyone, and its article is about
others), and so did decide's first step. It is now retrieved when it shares the object's name and another key
(gaiko/tracking/namedobject.py, pledges/named_object.yaml). Look-alikes: another country doing a deed at the named
place (it opens the sentence), another terminal's name, the name alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries


def _on() -> bool:
    from gaiko.tables import word_sets

    return "true" in word_sets("pledges/named_object.yaml")["enabled"]


needs_on = pytest.mark.skipif(not _on(), reason="switched off in pledges/named_object.yaml")


def _arts(texts: list[tuple[str, str]]) -> list[dict]:
    return [{"id": f"a{k}", "published": day, "source": "Wire", "text": text} for k, (day, text) in enumerate(texts)]


def _show(entries: list[dict]) -> list[tuple]:
    return [(e["actor"].get("country"), e["action"], e["status"],
             [(x.get("relation"), x.get("sentence"), x.get("note")) for x in e["evidence"] if x["role"] != "made"])
            for e in entries]


TARVANI = "Saudi Arabia will finish the Tarvani ferry terminal by June, the transport ministry said on Monday."
KELSU = "Rosatom will build the Kelsu fuel depot by 2030, the Russian company said."
#: a later article about another country's affairs, whose last sentence names the pledge's object by its name
EGYPT = ("Egypt opened a new ferry route across the Red Sea on Monday, Egyptian officials said. Egyptian ferries will "
         "call at Safaga twice a week from July. {}")
KAZAKH = ("Kazakhstan's energy minister said on Tuesday that household power prices would rise by a tenth in the "
          "spring. Kazakh officials blamed the cost of coal. {}")


@needs_on
@pytest.mark.parametrize("pledge,story,report,verb,status", [
    (TARVANI, EGYPT, "Work on the Tarvani ferry terminal has been halted since March.", "finish", "stalled"),
    (KELSU, KAZAKH, "Excavators began digging at the site of the Kelsu fuel depot this month.", "build", "in_progress"),
])
def test_a_report_naming_the_object_by_its_name_is_read(tmp_path: Path, coder, pledge: str, story: str, report: str,
                                                        verb: str, status: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-01-10", pledge), ("2026-05-20", story.format(report))]))
    mine = [e for e in entries if e["action"].startswith(verb)]
    assert mine and all(e["status"] == status for e in mine), _show(entries)


@pytest.mark.parametrize("pledge,story,report,verb", [
    # another country doing a deed of its own at the named place: it opens the sentence (left as before)
    (TARVANI, EGYPT, "Egypt has halted work on its own pier at the Tarvani ferry terminal since March.", "finish"),
    # another terminal's name
    (TARVANI, EGYPT, "Work on the Safaga ferry terminal has been halted since March.", "finish"),
    # the name alone, no other key of the object
    (KELSU, KAZAKH, "Kelsu fishermen began a protest this month.", "build"),
])
def test_look_alikes_are_not_read(tmp_path: Path, coder, pledge: str, story: str, report: str, verb: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-01-10", pledge), ("2026-05-20", story.format(report))]))
    mine = [e for e in entries if e["action"].startswith(verb)]
    assert mine and all(e["status"] == "open" for e in mine), _show(entries)
    assert not any(report[:30] in (x.get("sentence") or "") for e in mine for x in e["evidence"]), _show(entries)


def test_unit_name_sides_and_names_object() -> None:
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.namedobject import name_sides, names_object
    from gaiko.tracking.normalise import frame, prepare

    lex = lexicon()
    m = {"action": "finish the Tarvani ferry terminal", "actor": {"country": "SAU"}, "kind": "promise",
         "published": "2026-01-10", "article_id": "a", "sentence_index": 0, "sentence": TARVANI}
    f = frame([prepare(m, lex)], lex)
    assert "tarvani" in f.names
    if _on():
        assert "@?:tarvani" in name_sides(f)
        assert names_object(f, "Work on the Tarvani ferry terminal has been halted since March.")
    assert not names_object(f, "Work on the Safaga ferry terminal has been halted since March.")


def _names_on() -> bool:
    from gaiko.tables import word_sets

    return "true" in word_sets("pledges/object_names.yaml")["enabled"]


@pytest.mark.skipif(not (_on() and _names_on()), reason="kind A or round t60's kind C switched off")
def test_b_a_named_object_with_a_concept_head_is_read(tmp_path: Path, coder) -> None:
    """Kind B (round t60's kind C on again, the relation model reading only the keys it was fitted with): "the Kelsu
    nuclear plant" is keyed by its concept (a reactor) and now by its name, and kind A reads the report naming no side."""
    pledge = "Rosatom will build the Kelsu nuclear plant by 2030, the Russian company said."
    report = "Excavators began digging at the site of the Kelsu nuclear plant this month."
    entries = ledger_entries(tmp_path, coder, _arts([("2026-01-10", pledge), ("2026-05-20", KAZAKH.format(report))]))
    mine = [e for e in entries if e["action"].startswith("build")]
    assert mine and all(e["status"] == "in_progress" for e in mine), _show(entries)


def test_b_unit_the_model_counts_only_the_keys_it_was_fitted_with() -> None:
    from gaiko.tracking.clause import Decision, Report
    from gaiko.tracking.lexicon import lexicon
    from gaiko.tracking.model import features
    from gaiko.tracking.normalise import frame, prepare

    lex = lexicon()
    m = {"action": "open the Amdalai border post to commercial goods", "actor": {"country": "GMB"}, "kind": "promise",
         "published": "2026-03-02", "article_id": "a", "sentence_index": 0,
         "sentence": "Gambia will open the Amdalai border post to commercial goods by April."}
    f = frame([prepare(m, lex)], lex)
    report = Report(text="Traders gathered at the Amdalai border post, waiting for the gates to open.",
                    published="2026-03-28")
    feats = features(f, report, Decision("needs_review"), lex)
    assert feats["shared_topic"] == 1.0  # the border post; the name, when kind C keys it, is no feature
    if _names_on():
        assert "amdalai" in f.topic and "amdalai" in f.name_only


SHWE = "Myanmar will tear down all the buildings at the Shwe Kokko compound by June, the junta said."


@pytest.mark.parametrize("report,status", [
    # kind C2: a share of the whole after a name's possessive is the work under way (round t59's share_done read
    # "N of the M" only); fails with possessive_whole off (main's reading: fulfilled)
    ("Demolition crews had pulled down about 120 of Shwe Kokko's 500 buildings by the end of April.", "in_progress"),
    # look-alike: the whole told ("all 500"), done
    ("Demolition crews had pulled down all 500 of the buildings at Shwe Kokko by the end of April.", "fulfilled"),
])
def test_c_a_share_after_a_possessive_is_under_way(tmp_path: Path, coder, report: str, status: str) -> None:
    entries = ledger_entries(tmp_path, coder, _arts([("2026-01-10", SHWE), ("2026-05-02", report)]))
    mine = [e for e in entries if e["action"].startswith("tear")]
    assert mine and all(e["status"] == status for e in mine), _show(entries)


def test_c_unit_share_of_possessive() -> None:
    from gaiko.tables import word_sets
    from gaiko.tracking.sharedone import share_of

    on = "true" in word_sets("pledges/share_done.yaml")["possessive_whole"]
    assert (share_of("Crews had pulled down about 150 of Myawaddy's 600 buildings.") is not None) == on
    assert share_of("Crews had pulled down 150 of the 600 buildings.") is not None
