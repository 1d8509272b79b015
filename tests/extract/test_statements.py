"""Statements (extract/statements.py): who speaks, what about, and when, on own sentences."""

from __future__ import annotations

from tests.extract.conftest import d


def statements(ex):
    return [a for a in ex.acts if a.type == "Statement"]


def test_a_third_state_reacting_to_the_act_just_reported_is_about_its_parties(run):
    ex = run("The foreign ministers of Chile and Peru signed a fisheries agreement in Lima on Monday. "
             "Bolivian Foreign Ministry spokesperson Carla Rojas said on Tuesday that such matters concern the whole region.",
             published="2024-03-13")   # a Wednesday
    s = statements(ex)
    assert [(x.states, x.start) for x in s] == [(["BOL", "CHL", "PER"], d("2024-03-12"))]


def test_a_researcher_reacting_is_not_a_state(run):
    ex = run("The foreign ministers of Chile and Peru signed a fisheries agreement in Lima on Monday. "
             "Ana Ruiz, a researcher at the University of Bolivia, said such matters concern the whole region.",
             published="2024-03-13")
    assert statements(ex) == []


def test_a_place_the_words_are_about_stands_for_its_state(run):
    ex = run("Malaysian Foreign Minister Aziz Harun condemned the crimes against the people of Gaza on Sunday.", published="2024-03-12")
    s = statements(ex)
    assert len(s) == 1 and s[0].states == ["MYS", "PSE"]


def test_the_date_of_the_saying_may_follow_a_few_words(run):
    ex = run("Prime Minister Kenji Sato of Japan told a parliamentary committee on Nov. 7 that China must respect the status quo.",
             published="2025-11-20")
    s = statements(ex)
    assert [(x.states, x.start) for x in s] == [(["CHN", "JPN"], d("2025-11-07"))]


def test_one_side_of_the_talks_just_reported_speaks_on_their_day(run):
    ex = run("Georgian Foreign Minister Nino Beridze held talks with her Armenian counterpart Aram Petrosyan in Tbilisi "
             "on Tuesday. Georgia supports the peace process between Baku and Yerevan, the ministry said.",
             published="2024-09-12")   # a Thursday
    s = statements(ex)
    assert len(s) == 1 and s[0].start == d("2024-09-10")


def test_a_habitual_claim_takes_no_day_from_the_talks(run):
    ex = run("Georgian Foreign Minister Nino Beridze held talks with her Armenian counterpart Aram Petrosyan in Tbilisi "
             "on Tuesday. Georgia has long said that Azerbaijan must open the border.", published="2024-09-12")
    assert [x.start for x in statements(ex)] == [None]
