"""General act patterns found missing on unseen documents (own sentences, fictional people)."""

from __future__ import annotations

from tests.extract.conftest import d


def acts(ex, typ=None):
    return [a for a in ex.acts if typ is None or a.type == typ]


def test_spoke_with_by_phone(run):
    ex = run("Canadian Prime Minister John Blake spoke with U.S. President Tom Reed by phone on Monday.",
             published="2025-02-04")
    [c] = acts(ex, "PhoneCall")
    assert c.states == ["CAN", "USA"] and c.start == d("2025-02-03")


def test_called_an_official_is_a_call(run):
    ex = run("Indonesian President Adi Putra had called Australian Prime Minister Tom Reed on May 4 "
             "to congratulate him.", published="2025-05-20")
    [c] = acts(ex, "PhoneCall")
    assert c.states == ["AUS", "IDN"] and c.start == d("2025-05-04")


def test_separate_calls_are_one_per_partner(run):
    ex = run("U.S. President Tom Reed paused the tariffs for 30 days after separate phone calls with "
             "Mexican President Ana Cruz and Canadian Prime Minister John Blake on Monday.", published="2025-02-04")
    calls = acts(ex, "PhoneCall")
    assert sorted(c.states for c in calls) == [["CAN", "USA"], ["MEX", "USA"]]
    assert all(c.start == d("2025-02-03") for c in calls)


def test_agreed_to_hold_next_meeting_is_planned_meeting(run):
    ex = run("Kenya and Uganda agreed to hold the next summit in Kampala in 2026.", published="2025-05-20")
    assert not acts(ex, "Agreement")
    [m] = acts(ex, "Meeting")
    assert m.status == "planned" and m.start == d("2026-01-01")


def test_agreed_to_convene_commission_is_planned_meeting(run):
    ex = run("Kenyan President Ali Khan met Ugandan President Li Wei in Nairobi on Monday. The two sides "
             "agreed to convene the next meeting of the Joint Commission in Kampala in July.", published="2025-05-20")
    assert not acts(ex, "Agreement")
    planned = [m for m in acts(ex, "Meeting") if m.status == "planned"]
    assert [m.start for m in planned] == [d("2025-07-01")]


def test_named_summit_gains_attendees(run):
    ex = run("Kenyan President Ali Khan took part in the Third Great Lakes Summit, held in Kampala on 4 May 2025. "
             "The summit was attended by President of Rwanda Paul Mugisha, President of Tanzania Sam Mwinyi "
             "and President of Uganda John Okello.", published="2025-05-05")
    [m] = acts(ex, "Meeting")
    assert {"RWA", "TZA", "UGA"} <= set(m.states)
    assert m.start == d("2025-05-04")


def test_visits_in_opposite_directions_stay_apart(run):
    ex = run("Uzbek President Ali Karimov arrived in Astana on a working visit. The leaders reviewed the "
             "agreements reached during Kazakh President Nur Aliyev's visit to Tashkent on March 3.", published="2025-05-20")
    visits = acts(ex, "OfficialVisit")
    assert len(visits) == 2
    assert d("2025-03-03") in {v.start for v in visits} and None in {v.start for v in visits}
