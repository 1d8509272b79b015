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


def test_host_of_several_ministers_is_a_meeting(run):
    ex = run("Chile's Minister of Defence Ana Rojas hosted Peru's Luis Vega, Bolivia's Eva Mendoza and "
             "Argentina's Jorge Paz in Santiago on Tuesday.", published="2025-04-10")
    assert not acts(ex, "OfficialVisit")
    [m] = acts(ex, "Meeting")
    assert m.states == ["ARG", "BOL", "CHL", "PER"]


def test_each_signed_with_a_third_state_is_one_agreement_per_subject(run):
    ex = run("Latvia and Estonia each signed a defence agreement with Canada in June 2023.", published="2025-04-10")
    assert sorted(a.states for a in acts(ex, "Agreement")) == [["CAN", "EST"], ["CAN", "LVA"]]


def test_letter_of_intent(run):
    ex = run("Chilean Defence Minister Ana Rojas and Peruvian Defence Minister Luis Vega signed a letter of intent "
             "on border patrols on 3 April.", published="2025-04-10")
    [a] = acts(ex, "Agreement")
    assert a.states == ["CHL", "PER"] and a.start == d("2025-04-03")


def test_expert_quote_is_no_statement(run):
    ex = run("Chilean Defence Minister Ana Rojas met Peruvian Defence Minister Luis Vega in Lima on Monday.\n\n"
             "Marta Solis, a researcher at a Lima university, argues that the region is changing. "
             "\"Chile brings ships, Peru brings ports,\" she said.", published="2025-04-10")
    assert not acts(ex, "Statement")


def test_ministers_will_meet_again(run):
    ex = run("Chilean Defence Minister Ana Rojas met Peruvian Defence Minister Luis Vega in Lima on Monday. "
             "The ministers will meet again in Santiago in November.", published="2025-04-10")
    planned = [m for m in acts(ex, "Meeting") if m.status == "planned"]
    assert [(m.states, m.start) for m in planned] == [(["CHL", "PER"], d("2025-11-01"))]


def test_exercise_bringing_units_together(run):
    ex = run("In May 2024, Southern Shield 2024 brought Chilean and Peruvian units together with Brazilian "
             "and Argentine forces in northern Chile.", published="2025-04-10")
    [x] = acts(ex, "MilitaryExercise")
    assert x.states == ["ARG", "BRA", "CHL", "PER"]


def test_ceasefire_understanding_reached(run):
    ex = run("Armenian Foreign Minister Ara Petrosyan welcomed the ceasefire understanding reached with "
             "Azerbaijan on 10 May.", published="2025-05-20")
    [a] = acts(ex, "Agreement")
    assert a.states == ["ARM", "AZE"] and a.start == d("2025-05-10")


def test_gathering_dates_the_hosted_meeting(run):
    ex = run("When the Andean defence ministers gathered in Cusco on Tuesday, the agenda was crowded.\n\n"
             "Peru's Minister of Defence Luis Vega hosted Chile's Ana Rojas, Bolivia's Eva Mendoza and "
             "Ecuador's Jorge Paz.", published="2025-04-10")
    [m] = acts(ex, "Meeting")
    assert m.states == ["BOL", "CHL", "ECU", "PER"] and m.start == d("2025-04-08")


def test_announced_trip_is_a_planned_visit_not_a_statement(run):
    ex = run("Chilean Economy Minister Ana Rojas said she would travel to Lima next week to begin the talks.",
             published="2025-02-04")
    assert not acts(ex, "Statement")
    [v] = acts(ex, "OfficialVisit")
    assert v.states == ["CHL", "PER"] and v.status == "planned"


def test_agreed_in_their_call_that(run):
    ex = run("Chilean President Ana Rojas said she and Peruvian President Luis Vega agreed in their morning call "
             "that Chile would reopen the border crossing.", published="2025-02-04")
    assert not acts(ex, "Statement")
    assert [a.states for a in acts(ex, "Agreement")] == [["CHL", "PER"]]


def test_agreed_to_work_toward_is_no_agreement(run):
    ex = run("Chilean President Ana Rojas held a phone call with Peruvian President Luis Vega on Friday, and the two "
             "agreed to work toward a trade deal.", published="2025-02-04")
    assert not acts(ex, "Agreement")


def test_conditional_exercise_in_a_warning_is_no_act(run):
    ex = run("A spokesman for Venezuela's defense ministry warned on Sunday that it would respond if Colombia and "
             "Brazil go ahead with their next Jungle Shield exercise.", published="2025-06-10")
    assert not acts(ex, "MilitaryExercise")


def test_first_drills_of_a_series_take_its_states(run):
    ex = run("Colombia, Brazil and Peru plan to hold the third round of the river exercise in September. "
             "The first Jungle Shield drills were held on the Amazon in late June last year.", published="2025-06-10")
    past = [x for x in acts(ex, "MilitaryExercise") if x.status == "happened"]
    assert [(x.states, x.start) for x in past] == [(["BRA", "COL", "PER"], d("2024-06-01"))]


def test_two_stops_in_one_sentence_are_two_visits(run):
    ex = run("Turkish Defence Minister Ali Demir visited Lima on 4 June, where he was received by Peruvian President "
             "Luis Vega, and travelled to Quito the following day.", published="2024-06-20")
    visits = sorted(acts(ex, "OfficialVisit"), key=lambda v: v.start)
    assert [(v.states, v.start) for v in visits] == [(["PER", "TUR"], d("2024-06-04")), (["ECU", "TUR"], d("2024-06-05"))]


def test_visited_two_capitals_is_one_visit_each(run):
    ex = run("Senegalese President Ali Faye visited Lima and Quito on 30 May last year.", published="2025-03-10")
    assert sorted(v.states for v in acts(ex, "OfficialVisit")) == [["ECU", "SEN"], ["PER", "SEN"]]


def test_sentence_initial_he_is_the_previous_subject(run):
    ex = run("Ghanaian President John Mensah arrived in Lima on Saturday for a working visit and was received by "
             "Peru's President Luis Vega. He flew on to Quito the same evening to meet Ecuador's President Ana Paz.",
             published="2025-03-10")
    visits = sorted(acts(ex, "OfficialVisit"), key=lambda v: v.states)
    assert [(v.states, v.start) for v in visits] == [(["ECU", "GHA"], d("2025-03-08")), (["GHA", "PER"], d("2025-03-08"))]


def test_postponed_session_is_a_meeting_not_a_statement(run):
    ex = run("The session of the Chilean-Peruvian intergovernmental mixed committee on fisheries, which was due to be "
             "held in Lima on April 24, has been postponed until after the summer, the Ministry of Foreign Affairs said.",
             published="2025-04-20")
    assert not acts(ex, "Statement")
    [m] = acts(ex, "Meeting")
    assert m.states == ["CHL", "PER"] and m.status == "reported-not-happened" and m.start == d("2025-04-24")


def test_which_capital_denounced_is_a_statement(run):
    ex = run("The row erupted after Kenya signed a memorandum of understanding with Uganda on Jan. 1, 2024, "
             "which Mogadishu denounced as an attack on its sovereignty.", published="2025-02-20")
    [s] = acts(ex, "Statement")
    assert "SOM" in s.states and s.speakers == ["SOM"]


def test_present_declaration_adopted_names_the_parties_in_focus(run):
    ex = run("Chilean President Ana Rojas and Peruvian President Luis Vega met in Lima on Thursday. The present Joint "
             "Declaration was adopted in Lima on 2 February 2023, in the Spanish, Quechua and English languages.",
             published="2023-02-03")
    [a] = acts(ex, "Agreement")
    assert a.states == ["CHL", "PER"] and a.start == d("2023-02-02")


def test_range_widens_a_headline_day_and_absorbs_the_arrival(run):
    ex = run("Lima, 21 May 2025\nForeign Minister concludes official visit to Chile\n\n"
             "Peruvian Foreign Minister Luis Vega concluded his official visit to Chile (19-21 May 2025) today.\n\n"
             "On arrival in Santiago on 19 May, the Foreign Minister was received by Chilean Vice Foreign Minister Ana Rojas.",
             published="2025-05-21")
    [v] = acts(ex, "OfficialVisit")
    assert v.states == ["CHL", "PER"] and (v.start, v.end) == (d("2025-05-19"), d("2025-05-21"))


def test_second_visit_clause_with_its_own_subject(run):
    ex = run("Chilean President Ana Rojas paid an official visit to Lima on Jan. 11, and Peruvian President Luis Vega "
             "is expected to visit Santiago later this month, according to diplomatic sources.", published="2025-02-12")
    visits = sorted(acts(ex, "OfficialVisit"), key=lambda v: v.start)
    assert [(v.states, v.status) for v in visits] == [(["CHL", "PER"], "happened"), (["CHL", "PER"], "planned")]
    assert visits[1].start == d("2025-02-01")


def test_named_earlier_summit_does_not_date_undated_talks(run):
    ex = run("On the sidelines of the summit, Chilean President Ana Rojas also had a meeting with Peruvian President "
             "Luis Vega.\n\nThe previous, Fifth Pacific Summit was held in Quito on August 12, 2018.",
             published="2022-06-29")
    [m] = acts(ex, "Meeting")
    assert m.states == ["CHL", "PER"] and m.start is None


def test_courtesy_call_on_an_official_is_part_of_the_visit(run):
    ex = run("Peruvian Foreign Minister Luis Vega paid an official visit to Chile on 19-21 May. On 21 May, the Foreign "
             "Minister called on Chilean Vice President Ana Rojas at the presidential palace. Chilean President Eva Paz "
             "called on Russia to withdraw its troops.", published="2025-05-22")
    assert [a.type for a in ex.acts] == ["OfficialVisit", "Statement"]
    assert acts(ex, "Statement")[0].states == ["CHL", "RUS"]
