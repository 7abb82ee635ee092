"""Kinds of report read as a reversal (or as progress) where the deed is done (issue 14, brief p28), with pledges and
reports written for these tests (none is taken from a pair file or a storyline). Tests marked "failed before" failed
before round p28; the look-alikes beside them (a real contrary act, a refusal) pass before and after."""

from __future__ import annotations

import pytest

from gaiko.tracking.decide import Report, decide
from gaiko.tracking.normalise import frame, prepare


def _m(action, side, made="2025-03-01", deadline=None, kind="promise"):  # noqa: D103
    return {"id": "m", "article_id": "a", "sentence_index": 0, "sentence": "", "action": action, "kind": kind,
            "actor": {"country": side, "sector": "GOV"}, "target": None, "quantity": None,
            "deadline": {"end": deadline} if deadline else None, "published": made}


def _dec(action, side, text, published="2025-07-01", deadline=None):
    f = frame([prepare(_m(action, side, deadline=deadline))])
    return decide(f, Report(text=text, published=published, sides=frozenset({side}), context=frozenset()))


# -- a contrary word that is a noun: a place after a preposition ("out of the jail", "in Peruvian jails") ------------

@pytest.mark.parametrize("text", [
    "Dozens of detainees walked out of Lurigancho jail on Friday as the pardon took effect.",
    "The last political prisoners held in Peruvian jails went home on Friday.",
])
def test_a_jail_named_as_a_place_is_no_jailing(text):  # failed before (read "jail(s)": the contrary act)
    assert _dec("free 300 political prisoners", "PER", text).relation != "reverses"


@pytest.mark.parametrize("text", [
    "Peru jails three more opposition activists.",
    "The government jailed the opposition leader again on Friday.",
])
def test_jailing_told_with_a_verb_stays_the_contrary(text):
    assert _dec("free the opposition leader", "PER", text).relation in ("reverses", "unrelated")


# -- a participle naming who they are ("migrants expelled by X", "prisoners held in Y") is no contrary deed ---------

@pytest.mark.parametrize("action, text", [
    ("take in deportees from the United States", "A second plane of migrants expelled by Washington landed in Lima on Monday."),
    ("free 300 political prisoners", "The last political prisoners held in Peruvian jails went home on Friday."),
])
def test_a_contrary_participle_after_its_noun_names_them(action, text):  # failed before (the contrary act)
    assert _dec(action, "PER", text).relation != "reverses"


@pytest.mark.parametrize("text", [
    "The opposition leader remained detained in Lima after the deadline.",
    "Peru detained the opposition leader in Lima again on Friday.",
])
def test_a_detention_told_as_the_deed_stays_the_contrary(text):
    assert _dec("free the opposition leader", "PER", text).relation in ("reverses", "stalls")


# -- the contrary of a truce, told as gone ("a night without air raids", "shelling paused") -------------------------

@pytest.mark.parametrize("text", [
    "Villagers near the front spent a second night without shelling.",
    "Artillery shelling of the towns paused over the holiday.",
])
def test_the_contrary_told_as_absent_or_paused_is_the_truce_kept(text):  # failed before (its contrary reported)
    assert _dec("observe a ceasefire", "PER", text).relation == "fulfils"


@pytest.mark.parametrize("text", [
    "Artillery shelling of the towns resumed without warning on Sunday.",
    "Heavy shelling hit the towns over the holiday.",
])
def test_shelling_reported_stays_the_contrary(text):
    assert _dec("observe a ceasefire", "PER", text).relation == "reverses"


# -- the promised act is itself a leaving or a turning away: its word is no reversal -------------------------------

def test_a_notice_of_exit_for_a_pledge_to_leave_is_no_reversal():  # failed before (the reverses cue "exit")
    d = _dec("leave the Andean trade bloc", "PER",
             "The bloc secretariat received Peru's formal notice of exit from the Andean trade bloc.")
    assert d.relation != "reverses"


def test_refused_entry_is_turning_back():  # failed before (the reverses cue "refuse")
    d = _dec("turn back asylum seekers at the border", "PER",
             "Border guards refused entry to 300 asylum seekers at the northern border in May.")
    assert d.relation == "fulfils"


@pytest.mark.parametrize("action, text", [
    ("stay in the Andean trade bloc", "Peru quit the Andean trade bloc on Monday."),
    ("admit 300 asylum seekers", "Border guards refused entry to 300 asylum seekers at the northern border in May."),
    ("turn back asylum seekers at the border", "The interior minister refused to turn back asylum seekers at the border."),
])
def test_a_real_exit_or_refusal_stays_a_reversal(action, text):
    assert _dec(action, "PER", text).relation == "reverses"


# -- a stall told with a contrary word: "held up", "remains closed" (a delivery "delayed" stays a contrary act: the
# change that read it as a stall lost one on the held-out storylines, round p28) ---------------------------------

@pytest.mark.parametrize("action, text", [
    ("free 300 political prisoners", "The release of the 300 prisoners was held up for hours while lists were checked."),
    ("open a customs office at the northern crossing", "The northern crossing remains closed a year after the announcement."),
])
def test_a_stall_told_with_a_contrary_word_is_a_stall(action, text):  # failed before (the contrary act)
    assert _dec(action, "PER", text).relation == "stalls"


@pytest.mark.parametrize("action, text", [
    ("free the opposition leader", "Police held the opposition leader overnight."),
    ("open a customs office at the northern crossing", "Peru closed the northern crossing on Monday."),
    ("give $20 million in emergency aid", "Lima froze the emergency aid money after reports of fraud."),
])
def test_a_contrary_deed_stays_a_break(action, text):
    assert _dec(action, "PER", text).relation in ("reverses", "withdraws")


# -- a rule switched on is done when it starts to apply: "began paying the duty", "began flowing" -------------------

@pytest.mark.parametrize("action, text", [
    ("impose a 25% tariff on Chilean copper", "Chilean copper began paying a 25% duty at Peruvian ports on Wednesday."),
    ("resume gas exports through the southern pipeline",
     "Gas began flowing through the southern pipeline on Saturday for the first time since 2023."),
])
def test_a_rule_begun_applying_is_done(action, text):  # failed before (progress)
    assert _dec(action, "PER", text).relation == "fulfils"


@pytest.mark.parametrize("action, text", [
    ("impose a 25% tariff on Chilean copper", "Customs officials began preparing for the 25% tariff on Chilean copper."),
    ("build a wall on the northern border", "Peru began building the wall on the northern border in May."),
    ("free 300 political prisoners", "Peru began releasing the political prisoners on Monday."),
])
def test_getting_ready_or_a_deed_begun_stays_progress(action, text):
    assert _dec(action, "PER", text).relation == "progresses"


# -- a deed and a refusal of the rest, joined by "but", in one sentence: done in part -----------------------------

def test_done_but_the_rest_refused_is_partial():  # failed before (the deed or the refusal alone)
    d = _dec("accept deportees of any nationality", "PER",
             "Lima took in Venezuelan deportees but refused deportees from other countries.")
    assert d.relation == "partial"


@pytest.mark.parametrize("action, text, want", [
    ("accept deportees of any nationality", "Lima refused the deportees but said it would review the case.", "reverses"),
    ("sign the trade deal", "Peru signed the trade deal but later refused to ratify it.", "fulfils"),
])
def test_a_refusal_or_a_deed_alone_keeps_its_reading(action, text, want):
    assert _dec(action, "PER", text).relation == want


def test_began_for_a_pledge_to_stop_is_not_read_as_the_rule_applying():  # failed before ("attacks" read as a verb)
    # a pledge to stop: "began sailing" is no rule switched on, and "without attacks" names no attack
    d = _dec("stop attacking cargo ships in the strait", "PER",
             "Cargo lines began sailing through the strait again after weeks without attacks.")
    assert d.relation != "reverses"


# -- a contrary word in a background clause with a noun subject ("after the first round was annulled") ------------

@pytest.mark.parametrize("action, text", [
    ("hold a rerun of the presidential election",
     "Peruvians went back to the polls on Sunday, months after the first round was annulled."),
    ("halve the number of failed asylum seekers in the country",
     "Deportations of foreigners whose asylum claims were rejected rose 40% last year."),
])
def test_a_contrary_word_in_a_background_clause_is_no_reversal(action, text):  # the second failed before (reverses)
    assert _dec(action, "PER", text).relation != "reverses"


@pytest.mark.parametrize("action, text", [
    ("hold a rerun of the presidential election", "The court annulled the rerun of the presidential election on Sunday."),
    ("accept the peace plan", "Peru rejected the peace plan after the talks had collapsed."),
])
def test_a_contrary_word_in_the_main_clause_stays_a_reversal(action, text):
    assert _dec(action, "PER", text).relation == "reverses"


def test_a_deed_in_a_background_clause_with_a_noun_subject_still_counts():
    # "after the cut took effect" is the promised cut done: only reversals and steps are background there
    d = _dec("cut the tariff on Peruvian textiles", "PER",
             "Peruvian textiles now enter Chile at half the old rate, after the cut took effect.")
    assert d.relation == "fulfils"
