"""Officials from title patterns (own sentences, not from the dev corpus)."""

from __future__ import annotations

import pytest

from diplograph.extract.officials import normalise_post


def officials(ex):
    return {o.name: (o.state, o.post) for o in ex.officials}


@pytest.mark.parametrize("text, name, state, post", [
    ("Brazilian Defence Minister Carlos Mendes met reporters.", "Carlos Mendes", "BRA", "Minister of Defense"),
    ("Norway's Minister of Foreign Affairs Ingrid Solberg arrived.", "Ingrid Solberg", "NOR", "Minister of Foreign Affairs"),
    ("Foreign Minister Amara Diallo of Senegal spoke first.", "Amara Diallo", "SEN", "Minister of Foreign Affairs"),
    ("Lieutenant General Omar Haddad, the Jordanian Armed Forces Chief of the General Staff, attended.",
     "Omar Haddad", "JOR", "Chief of General Staff"),
    ("Vietnamese Deputy Defense Minister Tran Van Long signed the minutes.", "Tran Van Long", "VNM", "Deputy Minister of Defense"),
    ("Chilean President Elena Rojas opened the forum.", "Elena Rojas", "CHL", "President"),
])
def test_title_patterns(run, text, name, state, post):
    assert officials(run(text))[name] == (state, post)


def test_distributive_titles(run):
    ex = run("Peruvian and Bolivian Presidents Luis Quispe and Ana Mamani had a phone call on Monday.")
    assert officials(ex) == {"Luis Quispe": ("PER", "President"), "Ana Mamani": ("BOL", "President")}


def test_counterpart_takes_the_post_of_the_person_just_named(run):
    ex = run("Greek Foreign Minister Nikos Pappas and his Cypriot counterpart Maria Ioannou met in Athens.")
    assert officials(ex)["Maria Ioannou"] == ("CYP", "Minister of Foreign Affairs")


def test_coordination_passes_state_and_ministry(run):
    ex = run("Kazakh Minister of Defense Arman Bekov and Deputy Minister Dana Serikova visited Tashkent.")
    assert officials(ex)["Dana Serikova"] == ("KAZ", "Deputy Minister of Defense")


def test_most_senior_post_is_principal(run):
    ex = run("Major General Karim Saleh, the Iraqi Army Deputy Chief of General Staff, spoke. "
             "Later, Iraqi Minister of Defense Karim Saleh visited Amman.")
    o = next(o for o in ex.officials if o.name == "Karim Saleh")
    assert o.post == "Minister of Defense"
    assert o.other_posts == ["Deputy Chief of General Staff"]
    assert o.rank == "Major General"


def test_apposition_with_principal(run):
    ex = run("Jane Porter, US President John Miles's Special Envoy for the Arctic, arrived in Oslo.")
    o = {x.name: x for x in ex.officials}
    assert o["Jane Porter"].state == "USA"
    assert o["Jane Porter"].post == "Special Envoy for the Arctic to the President"
    assert o["John Miles"].post == "President"


def test_people_without_a_state_post_are_left_out(run):
    ex = run("Analyst Peter Brown of the Example Institute said the talks mattered. "
             "Journalist Mary Lee wrote about it.")
    assert ex.officials == []


def test_later_mentions_by_surname_join_the_first(run):
    ex = run("Mongolian Prime Minister Bat Erdene visited Seoul. Erdene said the visit was useful.")
    assert len(ex.officials) == 1 and ex.officials[0].name == "Bat Erdene"


@pytest.mark.parametrize("raw, post", [
    ("defence minister", "Minister of Defense"),
    ("Minister of Defence", "Minister of Defense"),
    ("FM", "Minister of Foreign Affairs"),
    ("Foreign Ministry spokeswoman", "Spokesperson of the Ministry of Foreign Affairs"),
    ("deputy foreign minister", "Deputy Minister of Foreign Affairs"),
    ("Chief Director of the Ministry of Defence", "Chief Director of the Ministry of Defense"),
])
def test_post_normalisation(raw, post):
    assert normalise_post(raw) == post
