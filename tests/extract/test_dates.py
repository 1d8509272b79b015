"""Date expressions resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph.extract.dates import find_dates
from diplograph.extract.text import analysis
from tests.extract.conftest import d


def one(text, published):
    ds = [d for d in find_dates(analysis(text), published) if not d.excluded]
    assert len(ds) == 1, ds
    d = ds[0]
    return d.first, d.last, d.precision


D = dt.date


@pytest.mark.parametrize("text, pub, first, last, prec", [
    ("the drills took place on 4-6 June 2023", "2023-06-10", D(2023, 6, 4), D(2023, 6, 6), "day"),
    ("the talks on 19 May", "2025-05", D(2025, 5, 19), D(2025, 5, 19), "day"),
    ("signed on March 3, 2019", "2024-01-01", D(2019, 3, 3), D(2019, 3, 3), "day"),
    ("a joint exercise in April", "2025-05", D(2025, 4, 1), D(2025, 4, 30), "month"),
    ("held in November 2024", "2025-05-01", D(2024, 11, 1), D(2024, 11, 30), "month"),
    ("during the crisis in 2020", "2021-09-12", D(2020, 1, 1), D(2020, 12, 31), "year"),
    ("they met on Tuesday", "2024-03-14", D(2024, 3, 12), D(2024, 3, 12), "day"),
    ("they met yesterday", "2024-03-14", D(2024, 3, 13), D(2024, 3, 13), "day"),
    ("he visited Rome in December", "2025-01-10", D(2024, 12, 1), D(2024, 12, 31), "month"),
    ("dated 05.02.2022 in the record", None, D(2022, 2, 5), D(2022, 2, 5), "day"),
])
def test_resolved(text, pub, first, last, prec):
    assert one(text, pub) == (first, last, prec)


def test_since_is_background_not_the_act():
    ds = find_dates(analysis("his first visit since 2012 took place on 4 May"), "2024-05-05")
    assert [(d.first, d.excluded) for d in ds] == [(D(2012, 1, 1), True), (D(2024, 5, 4), False)]


def test_offset_and_until():
    ds = find_dates(analysis("two days after the visit; the drills will last until September 20"), "2021-09-12")
    assert ds[0].offset == 2
    assert ds[1].role == "end" and ds[1].first == D(2021, 9, 20)


def test_weekday_needs_a_day_publication_date():
    assert find_dates(analysis("they met on Tuesday"), "2024-03") == []


def test_may_the_verb_is_not_a_month():
    assert find_dates(analysis("the parties may sign it"), "2024-03-12") == []


def test_took_office_is_not_the_visit_date(run):
    ex = run("Ghanaian President John Mensah, who took office in January, arrived in Bamako on Saturday "
             "for a working visit.", published="2025-03-10")
    [v] = [a for a in ex.acts if a.type == "OfficialVisit"]
    assert v.start == d("2025-03-08")


def test_invitation_to_visit_in_a_later_month_is_future(run):
    ex = run("Pakistani Foreign Minister Ali Khan invited Chinese Foreign Minister Li Wei to visit Islamabad "
             "in August.", published="2025-05-20")
    [v] = [a for a in ex.acts if a.type == "OfficialVisit"]
    assert v.start == d("2025-08-01") and v.status == "planned"


def test_positions_held_in_a_year_do_not_date_the_agreement(run):
    ex = run("Thai Foreign Minister Ali Khan and Cambodian Foreign Minister Li Wei agreed to pull troops back "
             "to the positions they held in 2024.", published="2025-06-14")
    [a] = [a for a in ex.acts if a.type == "Agreement"]
    assert a.start is None or a.start.year == 2025


def test_possessive_date_of_a_non_act_noun_is_not_the_act_date(run):
    ex = run("Chilean Defence Minister Ana Rojas and her Peruvian counterpart, Luis Vega, held a video call on "
             "Thursday. The two ministers agreed to pull troops back to avoid a repeat of last month's deadly clash.",
             published="2025-06-16")
    [a] = [a for a in ex.acts if a.type == "Agreement"]
    assert a.start == d("2025-06-12")


def test_last_and_next_month_names_resolve_around_publication():
    from diplograph.extract.dates import find_dates
    got = [(x.first, x.last) for x in find_dates("They met in Bishkek last November and will meet again next March.",
                                                 "2025-03-18")]
    assert got == [(d("2024-11-01"), d("2024-11-30")), (d("2026-03-01"), d("2026-03-31"))]


def test_a_month_told_in_the_next_paragraph_is_not_the_narratives_sequel():
    from diplograph.extract.dates import find_dates
    got = [x.first for x in find_dates("The last round took place in London in March 2023.\n\nThe Prime Minister "
                                       "spoke to the Amir by telephone in September.", "2024-11-13")]
    assert got == [d("2023-03-01"), d("2024-09-01")]
