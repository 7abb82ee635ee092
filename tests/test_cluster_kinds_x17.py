"""Kinds of coder errors that put reports of different events in one cluster, or one event's reports in two
(issue 17; docs/rounds/clusters.md, "How well it works"). Each test is a new sentence of the kind, not one of the
labelled corpus. Each fails with the coder before these fixes, except the guards marked "guard" (what the fix
must not break)."""

from __future__ import annotations

from gaiko.types import Article

PUB = "2025-06-20"  # a Friday


def _events(coder, text: str, published: str = PUB):
    return coder.code_article(Article(text=text, published=published)).events


def _one(coder, text: str, trigger: str, published: str = PUB):
    evs = [e for e in _events(coder, text, published) if e.trigger == trigger]
    assert evs, [(e.trigger, e.event_type) for e in _events(coder, text, published)]
    return evs[0]


# -- dates: "N days after <event>" is dated from its anchor ---------------------------------------------


def test_days_after_a_clause_counts_back_from_the_main_event(coder) -> None:
    text = "Pirates freed the Greek sailors on Thursday, four days after they were seized off the Somali coast."
    ev = _one(coder, text, "seized")
    assert (ev.date, ev.date_precision) == ("2025-06-15", "day")
    assert _one(coder, text, "freed").date == "2025-06-19"


def test_a_day_after_a_noun_event(coder) -> None:
    text = "Soldiers detained a local reporter in Goma on Wednesday, a day after the detention of his editor."
    ev = _one(coder, text, "detention")
    assert (ev.date, ev.date_precision) == ("2025-06-17", "day")


def test_days_before_counts_forward(coder) -> None:
    text = ("Ghana and Togo signed a border accord on Monday, two days before their presidents met the "
            "Nigerian leader.")
    ev = _one(coder, text, "met")
    assert (ev.date, ev.date_precision) == ("2025-06-18", "day")


def test_own_date_inside_the_phrase_wins(coder) -> None:
    """guard"""
    text = "Drones struck Kherson again on Thursday, three days after Sunday's attack on its port."
    ev = _one(coder, text, "attack")
    assert ev.date == "2025-06-15"


def test_hours_after_is_the_same_day(coder) -> None:
    """guard"""
    text = "Gunmen shot two guards outside Peshawar on Tuesday night, hours after the market bombing."
    assert _one(coder, text, "bombing").date == "2025-06-17"


def test_a_weekday_with_a_part_of_the_day(coder) -> None:
    text = "Artillery shelled Donetsk on Wednesday morning, killing three people."
    ev = _one(coder, text, "shelled")
    assert (ev.date, ev.date_precision) == ("2025-06-18", "day")


def test_a_date_the_parser_hangs_on_the_object(coder) -> None:
    text = "Minsk freed the journalist Ihar Losik and 17 other prisoners on Thursday in an exchange with Vilnius."
    ev = _one(coder, text, "freed")
    assert (ev.date, ev.date_precision) == ("2025-06-19", "day")
    ev = _one(coder, "The two presidents met again for formal talks on Wednesday.", "met")
    assert (ev.date, ev.date_precision) == ("2025-06-18", "day")


def test_a_day_earlier_counts_from_the_story_not_the_publication(coder) -> None:
    text = "Police arrested the editor in Baku on Tuesday. A day earlier, officers had detained the director of the outlet."
    ev = _one(coder, text, "detained")
    assert (ev.date, ev.date_precision) == ("2025-06-16", "day")
    ev = _one(coder, "Troops raided the camp on Monday. Two days later, rebels attacked a convoy near the town.", "attacked")
    assert (ev.date, ev.date_precision) == ("2025-06-18", "day")


def test_the_previous_weekday_is_before_the_story_day(coder) -> None:
    text = "Protesters marched in Dakar on Monday. They had also rallied the previous Thursday."
    ev = _one(coder, text, "rallied")
    assert (ev.date, ev.date_precision) == ("2025-06-12", "day")


def test_days_ago_still_counts_from_publication(coder) -> None:
    """guard"""
    text = "Police arrested the editor in Baku on Tuesday. Two days ago, officers had detained the director of the outlet."
    assert _one(coder, text, "detained").date == "2025-06-18"


# -- places: the event's own clause, or the city it struck ----------------------------------------------


def _place(ev):
    return None if ev.place is None else ev.place.name


def test_place_of_another_clause_is_not_the_events(coder) -> None:
    text = "Hanoi released three Chinese fishermen on Monday in exchange for two Vietnamese sailors held in Guangzhou."
    assert _place(_one(coder, text, "released")) != "Guangzhou"
    text = "A year after soldiers killed protesters in Mandalay, students rallied in Yangon on Friday."
    assert _place(_one(coder, text, "rallied")) == "Yangon"


def test_a_struck_city_is_where_the_strike_was(coder) -> None:
    ev = _one(coder, "Russian drones struck Kharkiv on Tuesday night, officials said.", "struck")
    assert _place(ev) == "Kharkiv"
    ev = _one(coder, "Gunmen attacked the Peshawar bus terminal on Sunday, police said.", "attacked")
    assert _place(ev) == "Peshawar"


def test_a_struck_city_no_actor_list_knows_gives_its_country(coder) -> None:
    ev = _one(coder, "Militia fighters shelled Nyala on Friday, killing nine civilians.", "shelled")
    assert _place(ev) == "Nyala" and ev.target.country == "SDN"


def test_marching_through_a_city(coder) -> None:
    ev = _one(coder, "Students marched through Kumasi on Wednesday to protest fuel prices.", "marched")
    assert _place(ev) == "Kumasi"


def _clusters(coder, texts: list[tuple[str, str]], trigger_type: str) -> dict[str, str]:
    """Code the articles into a fresh store; article id -> cluster of its first mention of the type."""
    from gaiko.clusters.evaluate import _code

    arts = [{"id": f"a{i}", "text": t, "published": p} for i, (t, p) in enumerate(texts)]
    store, ids = _code(arts, coder)
    rows = store.query("SELECT e.article_id, m.cluster_id FROM events e JOIN cluster_members m ON m.event_id = e.id "
                       "WHERE e.event_type = ? ORDER BY e.trigger_start", [trigger_type])
    store.close()
    back = {v: k for k, v in ids.items()}
    out: dict[str, str] = {}
    for r in rows:
        out.setdefault(back[r["article_id"]], r["cluster_id"])
    return out


def test_two_cities_struck_on_one_day_are_two_events(coder) -> None:
    got = _clusters(coder, [("Russian missiles struck Kharkiv on Tuesday morning, the mayor said.", "2025-06-17"),
                            ("Russia attacked the southern city of Odesa with drones on Tuesday, officials said.",
                             "2025-06-17"),
                            ("Russian missiles hit Kharkiv on Tuesday, damaging a power plant.", "2025-06-18")],
                    "ASSAULT")
    assert got["a0"] == got["a2"] != got["a1"]


# -- actors: whose event a noun names ---------------------------------------------------------------------


def test_possessor_of_a_noun_event_is_its_source(coder) -> None:
    text = "The Arab League condemned Ethiopia's raid on the border town on Sunday."
    ev = _one(coder, text, "raid")
    assert ev.source is not None and ev.source.country == "ETH"
    text = "Kenya closed the crossing on Friday, two days after Somalia's attack on the camp."
    ev = _one(coder, text, "attack")
    assert ev.source is not None and ev.source.country == "SOM"


def test_a_person_named_after_a_description_is_that_person(coder) -> None:
    ev = _one(coder, "Lavrov met Germany's top diplomat Annalena Baerbock in Moscow on Monday.", "met")
    assert ev.target is not None and ev.target.person_id == "annalena-baerbock"
    ev = _one(coder, "Georgian police detained opposition leader Nika Melia in Tbilisi on Monday.", "detained")
    assert ev.target is not None and ev.target.name == "Nika Melia" and ev.target.country == "GEO"


def test_two_meetings_with_two_named_people_on_one_day(coder) -> None:
    """guard (before the fix the first report, without its person, joined the right one only by its order)"""
    got = _clusters(coder, [("Lavrov met Germany's top diplomat Annalena Baerbock in Moscow on Monday.", "2025-06-16"),
                            ("Sergei Lavrov met German Chancellor Olaf Scholz in Moscow on Monday.", "2025-06-17"),
                            ("Russia's foreign minister held talks with Annalena Baerbock in Moscow on Monday.",
                             "2025-06-17")], "CONSULT")
    assert got["a0"] == got["a2"] != got["a1"]


def test_the_two_leaders_are_the_two_named_before(coder) -> None:
    text = ("Emmanuel Macron hosted Lula da Silva at the Elysee on Monday evening. "
            "The two leaders met again for formal talks on Tuesday.")
    evs = [e for e in _events(coder, text) if e.trigger == "met"]
    assert evs and {(e.source.country, e.target.country) for e in evs if e.source and e.target} & {("FRA", "BRA"), ("BRA", "FRA")}
    text = ("Kenya accused Uganda of moving troops to the border. The accusation came a day after the foreign "
            "ministers of the two countries met in Kampala.")
    evs = [e for e in _events(coder, text) if e.trigger == "met"]
    assert evs and {e.source.country for e in evs if e.source} | {e.target.country for e in evs if e.target} == {"KEN", "UGA"}
