"""Kinds the definition-written batches share (issue 12, round t36; docs/rounds/accuracy.md, "Kinds round t36").
Sentences of our own, never corpus or gold ones. The sentences of each kind failed on main 45c5aa3 (model e40); the
look-alikes keep their type."""

from __future__ import annotations

import pytest

from helpers import events_of as _events, primary_type as _primary, show_events as _show


# -- A: sport, market and metaphor traps told by the words around the verb (traps.py, data/primary/traps.yaml) -----
@pytest.mark.parametrize("text", [
    "The Ethiopian trio struck out fast and led the Boston marathon from the gun.",    # a result elsewhere; an idiom
    "Senegal came from two goals down to beat Egypt in Yaounde.",                      # a score
    "The Nigerian midfielder's header ambushed Ghana late in the second half.",         # an athlete as possessor
    "The Czech goalkeeper's save ambushed Canada in the final minute.",
    "The Polish volleyball team ambushed Serbia in the opening set.",                   # a sport as modifier
    "The club's directors fired their coach after a run of five defeats.",              # a dismissal
    "The newspaper's owners fired the editor after the scandal.",
    "The Indian archers shot down the Korean team's hopes with a perfect last end.",    # a hope as the object
    "The cement maker shot up 11 percent after the bid.",                                # a rise by a figure
])
def test_traps_are_no_event(coder, text):
    assert _events(coder, text) == [], _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("Riot police fired tear gas at fans after the cup final in Belgrade.", "ASSAULT"),   # police keep it
    ("Gunmen shot dead three cyclists on the road to Kandahar.", "ASSAULT"),              # gunmen keep it
    ("Militants attacked a bus carrying the national cricket team in Lahore.", "ASSAULT"),
    ("The army fired artillery shells at the village overnight.", "ASSAULT"),
    ("Police seized the records of the football federation in a raid.", "COERCE"),
])
def test_trap_lookalikes_keep_their_type(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


def test_traps_file_is_checked(monkeypatch):
    import gaiko.tables
    from gaiko.errors import DataFileError
    from gaiko.pipeline import traps

    monkeypatch.setattr(gaiko.tables, "load_yaml", lambda path: {"types": "ASSAULT"})
    traps._lists.cache_clear()
    try:
        with pytest.raises(DataFileError):
            traps._lists()
    finally:
        traps._lists.cache_clear()


# -- B: joint operations told by a helper, "joint" in the clause, "alongside" on the object (jointcues.py) ---------
@pytest.mark.parametrize("text", [
    "Peruvian police arrested the fugitive banker with the help of Interpol.",
    "Italian police arrested twelve mafia suspects in cooperation with German investigators.",
    "Thai police said they had detained the smuggler with help from Australian agents.",
    "Kenyan troops took up positions alongside Ugandan soldiers near the border.",
    "Chile and Peru deployed a joint task force along the desert border.",
    "Indian and French troops began ten days of manoeuvres in Rajasthan.",          # right before, stays right
])
def test_joint_operations_t36(coder, text):
    assert _primary(coder, text) == "COOPERATE", _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("Peruvian police arrested the banker, who had fled with the help of Bolivian officials.", "COERCE"),  # another clause
    ("Police in Lagos arrested the suspect with help from neighbours.", "COERCE"),  # one country
])
def test_joint_lookalikes_t36(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


# -- E: an act told as the time of another comes after it (background.py, data/primary/background.yaml) -----------
@pytest.mark.parametrize("text,want", [
    ("The Dutch government said it had frozen aid to Burundi after the killing of opposition activists.", "SANCTION"),
    ("Nigeria closed its border with Benin after smugglers shot two customs officers.", "COERCE"),
    ("Kenya shut its border with Somalia after militants attacked a bus near Mandera.", "COERCE"),
    ("Ghana recalled its ambassador from Lome a day after gunmen attacked its embassy.", "SANCTION"),  # right before
    ("Seoul menaced Pyongyang with retaliation after North Korean artillery hit Yeonpyeong island.", "THREATEN"),
])
def test_time_phrase_act_comes_second(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("Thousands of villagers fled their homes after rebels attacked the town of Kaga Bandoro, the UN said.", "ASSAULT"),
    # what people underwent is no main act: the attack stays first
    ("Troops opened fire on protesters after the rally began.", "ASSAULT"),          # the main act is the violence
])
def test_time_phrase_lookalikes(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


def test_background_file_is_checked(monkeypatch):
    import gaiko.tables
    from gaiko.errors import DataFileError
    from gaiko.pipeline import background

    monkeypatch.setattr(gaiko.tables, "load_yaml", lambda path: {"time_words": "after"})
    background._words.cache_clear()
    try:
        with pytest.raises(DataFileError):
            background._words()
    finally:
        background._words.cache_clear()


# -- D: weapons tests told by a hyphenated verb the parser split (hyphenverbs.py, data/language/hyphen_verbs.yaml) --
@pytest.mark.parametrize("text", [
    "Pakistan test-fires nuclear-capable cruise missile",
    "Taiwan's army test-fires a new rocket system, the defence ministry says.",
    "Pyongyang test-fired three short-range missiles into the sea on Friday.",   # right before, stays right
    "Iran test-fired a new cruise missile over the Gulf on Monday.",      # parsed right before, stays right
])
def test_hyphenated_weapons_tests(coder, text):
    assert _primary(coder, text) == "MOBILIZE", _show(coder, text)


def test_hyphenated_verb_keeps_its_source(coder):
    ev = [e for e in _events(coder, "Pakistan test-fires nuclear-capable cruise missile") if e.event_type == "MOBILIZE"]
    assert ev and ev[0].source is not None and ev[0].source.text == "Pakistan", _show(coder, "Pakistan test-fires")


def test_unlisted_hyphenated_verb_is_left(coder):
    assert _events(coder, "The carmaker test-drove its new electric truck in Nevada.") == []


def test_hyphen_verbs_file_is_checked(monkeypatch):
    import gaiko.tables
    from gaiko.errors import DataFileError
    from gaiko.pipeline import hyphenverbs

    monkeypatch.setattr(gaiko.tables, "load_yaml", lambda path: {"verbs": ["testfire"]})
    hyphenverbs._verbs.cache_clear()
    try:
        with pytest.raises(DataFileError):
            hyphenverbs._verbs()
    finally:
        hyphenverbs._verbs.cache_clear()


# -- R: not ruling out an act states it as possible (ruleout.py, data/primary/ruleout.yaml) -----------------------
@pytest.mark.parametrize("text,want", [
    ("The Kenyan president did not rule out deploying troops to the border if the raids continued.", "THREATEN"),
    ("The premier declined to rule out imposing tariffs on Chinese steel.", "THREATEN"),
    ("Seoul did not rule out holding talks with Pyongyang later in the year.", "AGREE"),
    ("The minister refused to rule out sending aid to the rebels.", "AGREE"),
])
def test_not_ruled_out(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)


@pytest.mark.parametrize("text", [
    "Pakistan ruled out sending troops to Yemen.",                 # a refusal
    "Mexico's president ruled out any talks with the cartels.",
])
def test_ruled_out_stays_reject(coder, text):
    assert _primary(coder, text) == "REJECT", _show(coder, text)


def test_ruleout_file_is_checked(monkeypatch):
    import gaiko.tables
    from gaiko.errors import DataFileError
    from gaiko.pipeline import ruleout

    monkeypatch.setattr(gaiko.tables, "load_yaml", lambda path: {"refusals": "decline"})
    ruleout._lists.cache_clear()
    try:
        with pytest.raises(DataFileError):
            ruleout._lists()
    finally:
        ruleout._lists.cache_clear()


# -- S: holding someone responsible for an act of harm is an accusation (triggers/accuse.yaml accuse.responsible) ---
@pytest.mark.parametrize("text", [
    "The foreign minister said Syria was responsible for the chemical attack on Douma.",
    "Kyiv told the UN that Moscow was responsible for shelling the power plant.",   # a gerund after "for"
])
def test_responsible_for_harm_is_accuse(coder, text):
    assert _primary(coder, text) == "ACCUSE", _show(coder, text)


@pytest.mark.parametrize("text", [
    "Officials said the ministry was responsible for the distribution of vaccines.",   # a duty
    "The ministry has been responsible for border security since 2004.",
])
def test_responsible_for_a_duty_is_no_accusation(coder, text):
    assert _primary(coder, text) != "ACCUSE", _show(coder, text)


# -- F: forecasts by analysts are no events (traps.forecast_veto, traps.yaml analysts) ----------------------------
@pytest.mark.parametrize("text", [
    "Experts warn that a conflict over the strait would cripple world shipping.",
    "Analysts warn that sanctions would hurt the junta's oil revenues.",
    "If inflation keeps rising, the Bank of Ghana may be forced to intervene, traders say.",   # right before
])
def test_analysts_forecasts_are_no_event(coder, text):
    assert _events(coder, text) == [], _show(coder, text)


@pytest.mark.parametrize("text,want", [
    ("Analysts said Russia had shelled the port overnight.", "ASSAULT"),        # a past act they report
    ("UN monitors said the troops would withdraw by Friday.", "AGREE"),         # monitors are actors
    ("The minister said the army could deploy troops to the border.", "MOBILIZE"),
])
def test_forecast_lookalikes(coder, text, want):
    assert _primary(coder, text) == want, _show(coder, text)
