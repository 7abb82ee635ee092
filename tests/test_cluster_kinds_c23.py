"""Round 7 of the kinds behind missed and false cluster pairs (issue 17; docs/rounds/clusters.md, "Round 7", studied on
stories-07). Every article here is our own, not one of the labelled corpus; each test fails before the round's fix,
except the guards marked "guard" (what the fix must not break: same dyad and type on nearby days, reciprocal events,
two events of one sentence on two days)."""

from __future__ import annotations

from gaiko.clusters import rebuild_clusters
from gaiko.store import Store
from gaiko.types import Article

from test_clusters import article, clusters_of


def _coded_clusters(coder, *arts: tuple[str, str, str]) -> dict[str, str]:
    """Code (text, published, outlet) articles with the real coder, cluster them one batch at a time and as a
    rebuild (which must agree); {trigger@published/outlet: cluster id}."""
    store = Store(":memory:")
    for text, published, outlet in arts:
        store.write_coded([coder.code_article(Article(text=text, published=published, source=outlet))])
    c = clusters_of(store)
    rebuild_clusters(store)
    assert clusters_of(store) == c, "a rebuild gives what the batch-by-batch updates gave"
    store.close()
    return c


def _event(coder, text: str, published: str, trigger: str):
    evs = coder.code_article(Article(text=text, published=published)).events
    hit = [e for e in evs if e.trigger == trigger]
    assert hit, [(e.trigger, e.event_type) for e in evs]
    return hit[0]


# -- a sentence's place is the place of its other events of that type and day ------------------------------

ECU_GANGS = ("gangs", "ECU", "CRM", "sector", None)
ECU_GUARDS = ("guards", "ECU", "COP", "sector", None)
MON = "2025-03-10"


def _prison(*extra):
    return [
        # one sentence, two events: the fighting is placed in Esmeraldas, the killing (with the gangs as its source) not;
        # "on Monday" follows "killed", so for the fighting it is only an upper bound (precision shared)
        article("Fighting between rival gangs inside the jail in Esmeraldas killed nine inmates on Monday.", "2025-03-11",
                "Wire A",
                ("ASSAULT", "Fighting", None, ECU_GANGS, MON, "shared", ("Esmeraldas", "ECU")),
                ("ASSAULT", "killed", ECU_GANGS, None, MON, "day")),
        # the same day in another town: inmates held guards hostage
        article("Inmates held two guards hostage in Quevedo on Monday.", "2025-03-11", "Wire B",
                ("ASSAULT", "held", None, ECU_GUARDS, MON, "day", ("Quevedo", "ECU"))),
        *extra,
    ]


def test_an_event_without_a_place_takes_the_place_of_its_sentence_and_ties_no_two_towns() -> None:
    store = Store(":memory:")
    store.write_coded(_prison())
    c = clusters_of(store)
    assert c["Fighting@2025-03-11/Wire A"] == c["killed@2025-03-11/Wire A"]  # one event, one place
    assert c["held@2025-03-11/Wire B"] != c["Fighting@2025-03-11/Wire A"]  # Quevedo is not Esmeraldas
    assert c["held@2025-03-11/Wire B"] != c["killed@2025-03-11/Wire A"]


def test_a_placeless_report_of_the_killing_still_joins_it() -> None:
    """guard: the place only comes from the same sentence; a report elsewhere naming no place still joins."""
    store = Store(":memory:")
    store.write_coded(_prison(article("Nine inmates were killed in gang fighting, officials said.", "2025-03-10",
                                      "Brief C", ("ASSAULT", "killed", None, ECU_GANGS, MON, "published",
                                                  ("Esmeraldas", "ECU")))))
    c = clusters_of(store)
    assert c["killed@2025-03-10/Brief C"] == c["Fighting@2025-03-11/Wire A"]


def test_two_events_of_one_sentence_on_two_days_do_not_share_a_place() -> None:
    """guard: "the shooting of a farmer at X on Friday and the killing of a boy a week earlier" (two events)."""
    ind = ("border guards", "IND", "COP", "demonym", None)
    bgd = ("a boy", "BGD", "CVL", "demonym", None)
    store = Store(":memory:")
    store.write_coded([
        article("Students protested the shooting of a farmer at Sonamasjid on Friday and the killing of a boy a week "
                "earlier.", "2025-03-16", "Wire A",
                ("ASSAULT", "shooting", ind, bgd, "2025-03-14", "day", ("Sonamasjid", "BGD")),
                ("ASSAULT", "killing", ind, bgd, "2025-03-07", "day")),
        article("Indian border guards shot dead a Bangladeshi boy near Hatibandha on Friday.", "2025-03-08", "Wire B",
                ("ASSAULT", "shot dead", ind, bgd, "2025-03-07", "day", ("Hatibandha", "BGD"))),
    ])
    c = clusters_of(store)
    assert c["killing@2025-03-16/Wire A"] == c["shot dead@2025-03-08/Wire B"]
    assert c["shooting@2025-03-16/Wire A"] != c["killing@2025-03-16/Wire A"]


# -- a verb conjoined to the dated verb keeps its day ----------------------------------------------------------

SAT_RAID = ("Insurgents attacked the town of Mueda on Saturday, killing six civilians, local officials said.",
            "2025-07-13", "Wire A")


def test_a_conjoined_verb_of_the_same_subject_keeps_the_day(coder) -> None:
    tue = ("Insurgents stormed Mueda again on Tuesday, three days after a raid that left six civilians dead, and "
           "fought Mozambican troops for two hours, residents said.", "2025-07-16", "Wire B")
    c = _coded_clusters(coder, SAT_RAID, tue)
    assert c["fought@2025-07-16/Wire B"] != c["attacked@2025-07-13/Wire A"]  # Tuesday's fighting is not Saturday's raid
    assert c["fought@2025-07-16/Wire B"] == c["stormed@2025-07-16/Wire B"]


def test_a_clause_after_and_with_its_own_subject_keeps_the_day(coder) -> None:
    first = ("Protesters stormed the parliament in Kampala on Tuesday and set fire to a car, and police opened fire, "
             "killing nine people, a rights group said.", "2025-07-16", "Wire A")
    second = ("Police opened fire on protesters outside parliament in Kampala on Tuesday, killing nine, witnesses "
              "said.", "2025-07-16", "Wire B")
    # the distractor: police fired on a march in Kampala two days before, reported by two outlets
    sunday = [("Police opened fire on marchers in Kampala on Sunday, wounding four, witnesses said.", "2025-07-14", o)
              for o in ("Wire C", "Wire D")]
    c = _coded_clusters(coder, first, second, *sunday)
    assert c["opened@2025-07-14/Wire C"] != c["opened@2025-07-16/Wire B"]
    assert c["opened@2025-07-16/Wire A"] == c["opened@2025-07-16/Wire B"]


def test_a_date_phrase_after_which_an_earlier_event_is_named_still_bounds_it(coder) -> None:
    """guard: "released her on Saturday, five days after she was abducted": no "and", the abduction keeps its
    own (earlier) day."""
    text = "Kidnappers released the engineer on Saturday, five days after they abducted him near Gusau."
    ev = _event(coder, text, "2025-07-13", "abducted")
    assert str(ev.date) != "2025-07-12"


# -- a sentence opening on "it" -------------------------------------------------------------------------------

def test_it_opening_a_sentence_is_the_subject_before_it(coder) -> None:
    text = "Serbia's interior ministry rejected the Croatian complaint on Monday. It accused Zagreb of stoking tension."
    ev = _event(coder, text, "2025-05-13", "accused")
    assert ev.source is not None and ev.source.country == "SRB"
    assert ev.target is not None and ev.target.country == "HRV"


def test_it_inside_a_sentence_or_before_a_person_is_left_alone(coder) -> None:
    """guard: "said it would accept" is not a sentence opening; "It" after a person's sentence is no person."""
    ev = _event(coder, "Tiraspol, which refused help earlier, said it would accept the gas.", "2025-01-29", "accept")
    assert ev.source is None or ev.source.country != "SRB"
    ev = _event(coder, "Aleksandar Vucic spoke on Monday. It accused Zagreb of stoking tension.", "2025-05-13",
                "accused")
    assert ev.source is None or ev.source.person_id is None


def test_an_undated_it_report_joins_its_side_not_the_reciprocal_accusation(coder) -> None:
    one = ("Serbia accused Croatia on Monday of stoking tension along the border.", "2025-05-12", "Wire A")
    other = ("Croatia accused Serbia on Monday of violating its airspace.", "2025-05-12", "Wire B")
    brief = ("Serbia's interior ministry rejected a Croatian complaint. It accused Zagreb of stoking tension.",
             "2025-05-13", "Brief C")
    c = _coded_clusters(coder, one, other, brief)
    assert c["accused@2025-05-12/Wire A"] != c["accused@2025-05-12/Wire B"]  # reciprocal: two events
    assert c["accused@2025-05-13/Brief C"] == c["accused@2025-05-12/Wire A"]


# -- "a year ago" ---------------------------------------------------------------------------------------------

def test_a_year_ago_retelling_joins_the_event_and_not_the_anniversary(coder) -> None:
    then = ("Kenyan police opened fire on protesters outside parliament in Nairobi on Tuesday, killing 19 people.",
            "2024-06-26", "Wire A")
    now = ("Kenyan police fired tear gas at protesters in Nairobi on Wednesday, on the anniversary of the shooting. "
           "A year ago, police opened fire on protesters outside parliament, killing 19.", "2025-06-25", "Wire B")
    c = _coded_clusters(coder, then, now)
    assert c["opened@2025-06-25/Wire B"] == c["opened@2024-06-26/Wire A"]
    assert c["fired@2025-06-25/Wire B"] != c["opened@2024-06-26/Wire A"]  # the anniversary's own event
