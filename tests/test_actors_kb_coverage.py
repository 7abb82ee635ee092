"""Coverage of the bundled people file: every G20 and P5 country has its core offices filled.

The reference date is 2026-06-01, the latest date the people file claims to cover. Where a country has no
separate office of that name, the office that holds the portfolio is accepted; the mapping is documented in
docs/actors.md ("Coverage of offices").
"""

from __future__ import annotations

import datetime as dt

import pytest

from gaiko.actors.kb import load_kb

G20_P5 = ("ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX", "RUS",
          "SAU", "ZAF", "TUR", "GBR", "USA")
REFERENCE_DAY = dt.date(2026, 6, 1)

# office -> roles that count for it (any one is enough)
OFFICES: dict[str, tuple[str, ...]] = {
    "leader": ("head_of_state", "head_of_government"),
    "foreign": ("foreign_minister",),
    "defence": ("defense_minister",),
    "finance": ("finance_minister", "economy_minister"),
    "trade": ("trade_minister", "economy_minister"),
}
# countries where another office holds the portfolio (documented in docs/actors.md)
EXTRA: dict[tuple[str, str], tuple[str, ...]] = {
    # Argentina: the Ministry of Economy absorbed production, industry and trade in 2022
    ("ARG", "trade"): ("finance_minister",),
}


def _roles(country: str, office: str) -> tuple[str, ...]:
    return OFFICES[office] + EXTRA.get((country, office), ())


@pytest.fixture(scope="module")
def kb():
    return load_kb()


@pytest.mark.parametrize("country", G20_P5)
@pytest.mark.parametrize("office", sorted(OFFICES))
def test_office_filled_on_reference_day(kb, country: str, office: str) -> None:
    holders = [p.name for role in _roles(country, office) for p, _ in kb.holders(country, role, REFERENCE_DAY)]
    assert holders, f"{country} has nobody in {office} ({'/'.join(_roles(country, office))}) on {REFERENCE_DAY}"


@pytest.mark.parametrize("country", G20_P5)
def test_leader_continuous_since_2015(kb, country: str) -> None:
    """Head of state or government: no hole longer than 70 days (acting presidencies) from 2015 to the reference day."""
    day, longest = dt.date(2015, 1, 1), 0
    run = 0
    while day <= REFERENCE_DAY:
        if any(kb.holders(country, r, day) for r in OFFICES["leader"]):
            run = 0
        else:
            run += 1
            longest = max(longest, run)
        day += dt.timedelta(days=1)
    assert longest <= 70, f"{country} has no head of state or government for {longest} days in a row"


def test_eu_offices(kb) -> None:
    """The EU's leaders: commission and council presidents, the high representative and the trade commissioner."""
    heads = {p.id for p, _ in kb.holders("IGO", "head_of_organization", REFERENCE_DAY)}
    assert {"ursula-von-der-leyen", "antonio-costa"} <= heads
    assert [p.id for p, _ in kb.holders("IGO", "foreign_minister", REFERENCE_DAY)] == ["kaja-kallas"]
    assert [p.id for p, _ in kb.holders("IGO", "trade_minister", REFERENCE_DAY)] == ["maros-sefcovic"]


@pytest.mark.parametrize("country,role,day,expected", [
    ("ZAF", "finance_minister", dt.date(2017, 6, 1), "malusi-gigaba"),
    ("ZAF", "finance_minister", dt.date(2025, 6, 1), "enoch-godongwana"),
    ("TUR", "trade_minister", dt.date(2019, 6, 1), "ruhsar-pekcan"),
    ("TUR", "trade_minister", dt.date(2025, 6, 1), "omer-bolat"),
    ("MEX", "defense_minister", dt.date(2017, 6, 1), "salvador-cienfuegos"),
    ("MEX", "defense_minister", dt.date(2025, 6, 1), "ricardo-trevilla-trejo"),
    ("CAN", "trade_minister", dt.date(2017, 6, 1), "francois-philippe-champagne"),
    ("CAN", "trade_minister", dt.date(2022, 6, 1), "mary-ng"),
])
def test_role_lookup_by_date(kb, country: str, role: str, day: dt.date, expected: str) -> None:
    assert [p.id for p, _ in kb.holders(country, role, day)] == [expected]


def test_person_with_several_terms_resolves_by_date(kb) -> None:
    """A person holding different offices at different times: Freeland was trade, then foreign, then finance minister."""
    freeland = kb.people["chrystia-freeland"]
    assert [t.role for t in freeland.current(dt.date(2016, 6, 1))] == ["trade_minister"]
    assert [t.role for t in freeland.current(dt.date(2018, 6, 1))] == ["foreign_minister"]
    assert [t.role for t in freeland.current(dt.date(2022, 6, 1))] == ["finance_minister"]
    assert not {t.role for t in freeland.current(dt.date(2026, 6, 1))} & {"trade_minister", "foreign_minister", "finance_minister"}


def test_end_date_is_exclusive(kb) -> None:
    """On the day a successor takes office only the successor holds it (end is the first day out of office)."""
    day = dt.date(2018, 10, 9)  # Nene out, Mboweni in
    assert [p.id for p, _ in kb.holders("ZAF", "finance_minister", day)] == ["tito-mboweni"]
    assert [p.id for p, _ in kb.holders("ZAF", "finance_minister", day - dt.timedelta(days=1))] == ["nhlanhla-nene"]
