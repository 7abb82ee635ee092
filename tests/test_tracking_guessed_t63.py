"""Round t63 (issue 14): a side the actor resolver placed by a guess is no side of the sentence. Our own storylines
(real countries and places, invented events), with look-alikes.

The resolver places a common noun or a bare title with no word of whose it is ("The cabinet", "Workers", "families")
from outside its phrase (the article's context, a place of its sentence) and says so by a low confidence. A report
whose only side is such a guess, fallen on a country the pledge does not concern, was dropped by the candidate query
(it opens with another country) or read "X does the act" by decide. It is now read as a sentence naming no side
(gaiko/tracking/guessed.py, pledges/guessed_sides.yaml): retrieved when its article is about the pledge's doer, read
without the guessed subject. Look-alikes: another country's cabinet named as such, the same guess in an article about
the other country alone, the host country named doing the deed at the pledge's site.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ledger_entries


def _conf() -> dict:
    from gaiko.tables import word_sets

    return word_sets("pledges/guessed_sides.yaml")


def _num(key: str) -> float:
    return float(next(iter(_conf()[key])))


def _on() -> bool:
    return "true" in _conf()["enabled"]


def _reads() -> bool:
    return _on() and "true" in _conf()["read_sideless"]


def _guess_on() -> bool:
    return _on() and _num("guess_max") >= 0.4


def _place_on() -> bool:
    return _on() and _num("place_min") <= 0.55 <= _num("place_max")


# kind G (the context's guess) measured a net loss and ships off (guess_max "0"); its storylines run when it is on
needs_guess = pytest.mark.skipif(not (_guess_on() and _reads()), reason="kind G switched off in guessed_sides.yaml")
needs_place = pytest.mark.skipif(not (_place_on() and _reads()), reason="kind H switched off in guessed_sides.yaml")

_DONE = ("fulfilled", "partially_fulfilled", "in_progress", "withdrawn", "stalled", "broken")


def _arts(texts: list[tuple[str, str]]) -> list[dict]:
    return [{"id": f"a{k}", "published": day, "source": "Wire", "text": text} for k, (day, text) in enumerate(texts)]


def _entry(tmp_path: Path, coder, texts: list[tuple[str, str]], verb: str) -> dict:
    mine = [e for e in ledger_entries(tmp_path, coder, _arts(texts)) if e["action"].startswith(verb)]
    assert len(mine) == 1, mine
    return mine[0]


def _placed(coder, text: str, word: str) -> tuple[str | None, str, float]:
    """(country, resolved_by, confidence) of the actor ``word`` as the coder resolves it in ``text``."""
    from gaiko.types import Article

    got = coder.code_article(Article(id="x", text=text, published="2025-06-20", source="Wire"))
    a = next(a for a in got.actors if a.text.split()[-1] == word)
    return a.country, a.resolved_by, a.confidence


_CROSSING = "VILNIUS — Lithuania pledged on Monday to reopen the Medininkai crossing on its border by the end of June."
_FERRY = "OSLO — Norway pledged on Monday to halve the fee on ferries to Svalbard from October."
_PANELS = "BEIJING — China pledged on Monday to build a 40-megawatt solar plant at Toamasina by the end of 2026."
_FAMILIES = "BEIJING — China pledged on Monday to compensate the 400 families moved off the land at Lamu for its new port."

# (pledge, report article, the guessed word, its country, the entry's verb, statuses read)
_READ = [
    (_CROSSING, "Poland and Lithuania discussed border traffic at a meeting in Warsaw on Thursday. Polish officials said "
     "lorry queues had grown. The cabinet on Friday reopened the Medininkai crossing to lorries and cars.",
     "cabinet", "POL", "reopen", ("fulfilled",)),
    (_FERRY, "Sweden and Norway signed a fishing accord in Stockholm on Thursday. Swedish negotiators called it fair. "
     "The transport ministry has shelved the cut in the fee on ferries to Svalbard.",
     "ministry", "SWE", "halve", ("withdrawn",)),
    (_PANELS, "The World Bank approved a loan to Madagascar on Thursday. China and Madagascar also signed a trade "
     "accord. Workers have installed about half of the panels at the Toamasina solar plant.",
     "Workers", "MDG", "build", ("in_progress", "partially_fulfilled")),
]


@needs_guess
@pytest.mark.parametrize("pledge,report,word,guess,verb,status", _READ)
def test_a_report_whose_only_side_is_a_guess_is_read(tmp_path: Path, coder, pledge: str, report: str, word: str,
                                                       guess: str, verb: str, status: tuple[str, ...]) -> None:
    country, how, conf = _placed(coder, report, word)
    assert (country, how) == (guess, "sector") and conf <= 0.5  # the storyline reaches the kind
    e = _entry(tmp_path, coder, [("2025-03-03", pledge), ("2025-06-20", report)], verb)
    assert e["status"] in status, (e["status"], e["status_reason"], e["evidence"])


@needs_place
def test_h_a_report_placed_by_the_pledges_site_is_read(tmp_path: Path, coder) -> None:
    report = ("China and Kenya signed a trade accord in Nairobi on Thursday. About 150 of the 400 families moved off "
              "the land at Lamu have received compensation.")
    country, how, conf = _placed(coder, report, "families")
    assert (country, how) == ("KEN", "sector") and 0.5 < conf <= 0.65  # placed by its clause's place
    e = _entry(tmp_path, coder, [("2025-03-03", _FAMILIES), ("2025-06-20", report)], "compensate")
    assert e["status"] in ("in_progress", "partially_fulfilled"), (e["status"], e["status_reason"], e["evidence"])


# (pledge, report article, the entry's verb): another side doing the deed stays another
_OTHER = [
    # another country's cabinet, named as such
    (_CROSSING, "Poland and Lithuania discussed border traffic at a meeting in Warsaw on Thursday. Poland's cabinet "
     "on Friday reopened the Medininkai crossing to lorries and cars.", "reopen"),
    # the same guess, in an article about the other country alone
    (_CROSSING, "Polish border guards reported long lorry queues near Warsaw on Thursday. The cabinet on Friday "
     "reopened the Medininkai crossing to lorries and cars.", "reopen"),
    # the host country named doing the deed at the pledge's site
    (_FAMILIES, "China and Kenya signed a trade accord in Nairobi on Thursday. Kenya's government paid compensation "
     "to 150 of the 400 families moved off the land at Lamu.", "compensate"),
    # the same placement in an article about the host alone
    (_FAMILIES, "Kenya's parliament debated land rights in Nairobi on Thursday. About 150 of the 400 families moved "
     "off the land at Lamu have received compensation.", "compensate"),
]


@pytest.mark.parametrize("pledge,report,verb", _OTHER)
def test_another_sides_deed_is_not_read(tmp_path: Path, coder, pledge: str, report: str, verb: str) -> None:
    e = _entry(tmp_path, coder, [("2025-03-03", pledge), ("2025-06-20", report)], verb)
    assert e["status"] not in _DONE, (e["status"], e["status_reason"], e["evidence"])


def test_unit_guessed_only_and_sideless() -> None:
    from dataclasses import replace

    from gaiko.tracking.clausegrammar import Report
    from gaiko.tracking.guessed import guessed, guessed_only, sideless
    from gaiko.tracking.normalise import Frame

    assert guessed({"country": "POL", "sector": "GOV", "resolved_by": "sector", "confidence": 0.4}) is _guess_on()
    assert guessed({"country": "KEN", "sector": "CVL", "resolved_by": "sector", "confidence": 0.65}) is _place_on()
    assert not guessed({"country": "POL", "sector": "GOV", "resolved_by": "demonym", "confidence": 0.4})
    assert not guessed({"country": "POL", "sector": "GOV", "resolved_by": "sector", "confidence": 0.75})
    assert not guessed({"country": "IGO", "resolved_by": "sector", "confidence": 0.4})
    assert not guessed({"country": "POL", "sector": "GOV"})  # an older store's actor: no resolved_by
    # a side named firmly elsewhere in the sentence, or by a country word, is no guess
    assert guessed_only([("POL", True), ("POL/BUS", False)]) == set()
    assert guessed_only([("POL", True)], {"POL"}) == set()
    assert guessed_only([("POL", True), ("LTU", False), ("?:medininkai", True)]) == {"POL"}
    f = Frame(doer="LTU", other=None, acts=frozenset({"a:open"}), objects=frozenset({"medininkai"}),
              topic=frozenset({"medininkai"}), heads=frozenset(), participants=frozenset(), verb="reopen",
              kind="promise", quantity=None, deadline_end=None, first_published="2025-03-03", until="2026-03-03")
    r = Report(text="The cabinet reopened it.", published="2025-06-20", sides=frozenset({"POL"}),
               actors=((4, 11, "POL"),), guessed=frozenset({"POL"}))
    twin = sideless(f, r)
    if not _reads():
        assert twin is r
        return
    assert (twin.sides, twin.actors, twin.guessed) == (frozenset(), (), frozenset())
    assert sideless(f, r) is twin  # made once per report
    assert sideless(f, twin) is twin
    # the guess falls on the pledge's own side, or the sentence names another side firmly: read as before
    assert sideless(replace(f, doer="POL"), r) is r
    assert sideless(replace(f, related=frozenset({"POL"})), r) is r
    r2 = Report(text="The cabinet reopened it.", published="2025-06-20", sides=frozenset({"POL", "DEU"}),
                guessed=frozenset({"POL"}))
    assert sideless(f, r2) is r2


def test_unit_keys_mark_a_guessed_side() -> None:
    from gaiko.tracking.sentencekeys import article_rows

    sents = [(0, 0, "The cabinet reopened the crossing."), (1, 36, "Poland's cabinet reopened it.")]
    actors = [{"start": 4, "end": 11, "text": "cabinet", "country": "POL", "sector": "GOV", "resolved_by": "sector",
               "confidence": 0.55 if _place_on() else 0.4},
              {"start": 36, "end": 52, "text": "Poland's cabinet", "country": "POL", "sector": "GOV",
               "resolved_by": "demonym", "confidence": 0.85}]
    rows = article_rows("a", sents, actors, published="2025-06-20")
    keys = {(i, k) for i, k in zip(rows["i"], rows["s"]) if k[0] in "@~"}
    assert (0, "@POL") in keys and (1, "@POL") in keys  # the guess is still a side of the article's context
    assert ((0, "~POL") in keys) is (_place_on() or _guess_on()) and (1, "~POL") not in keys
