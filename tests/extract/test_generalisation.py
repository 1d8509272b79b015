"""General act and date patterns, each shown on own sentences (not from any corpus)."""

from __future__ import annotations

from tests.extract.conftest import d


def acts(ex, typ=None):
    return [a for a in ex.acts if typ is None or a.type == typ]


def one(ex, typ):
    found = acts(ex, typ)
    assert len(found) == 1, [(a.type, a.states, a.start) for a in ex.acts]
    return found[0]


# ------------------------------------------------------------------ dates
def test_weekday_beside_the_speech_verb_dates_the_statement(run):
    ex = run("Chilean Foreign Minister Rosa Vidal said on Wednesday that Bolivia must withdraw its troops.",
             published="2024-03-15")   # a Friday
    s = one(ex, "Statement")
    assert s.start == d("2024-03-13") and s.states == ["BOL", "CHL"]


def test_future_month_resolves_forward(run):
    ex = run("The navies of Norway and Denmark will hold a joint exercise in the North Sea in June.",
             published="2025-02-10")
    x = one(ex, "MilitaryExercise")
    assert (x.start, x.end, x.status) == (d("2025-06-01"), d("2025-06-30"), "planned")


def test_month_last_year(run):
    ex = run("Ghana and Togo signed a border agreement in Lome in March last year.", published="2024-08-20")
    a = one(ex, "Agreement")
    assert (a.start, a.end) == (d("2023-03-01"), d("2023-03-31"))


def test_range_is_the_period_of_the_visit(run):
    ex = run("BRASILIA, Jan. 9 (Wire) -- Peruvian Foreign Minister Luis Vega, who is paying an official visit "
             "to Brazil from Jan. 8 to 11, held talks here Tuesday with Brazilian Foreign Minister Ana Costa.",
             published="2024-01-09")
    v = one(ex, "OfficialVisit")
    assert (v.start, v.end) == (d("2024-01-08"), d("2024-01-11"))


def test_n_day_visit_concluded_on_a_weekday(run):
    ex = run("Lima, 12 April 2024. The Minister of Foreign Affairs, Luis Vega, concluded on Thursday a three-day "
             "official visit to Ecuador.", published="2024-04-12")
    v = one(ex, "OfficialVisit")
    assert (v.start, v.end) == (d("2024-04-09"), d("2024-04-11"))
    assert v.states == ["ECU", "PER"]


def test_arrived_on_weekday_for_two_day_visit(run):
    ex = run("Greek Foreign Minister Nikos Pappas arrived in Nicosia on Sunday for a two-day working visit.",
             published="2025-03-04")
    v = one(ex, "OfficialVisit")
    assert (v.start, v.end) == (d("2025-03-02"), d("2025-03-03"))


def test_cancellation_day_is_not_the_meetings_day(run):
    ex = run("A meeting of Chilean Foreign Minister Rosa Vidal with Peruvian Foreign Minister Luis Vega planned for "
             "20 March was cancelled on Monday.", published="2024-03-19")
    m = one(ex, "Meeting")
    assert m.status == "reported-not-happened" and m.start == d("2024-03-20")


# ------------------------------------------------------------------ acts that are not acts
def test_talk_about_talks_is_no_meeting(run):
    ex = run("Norway is ready to host a new round of talks between Caracas and Bogota, Norwegian Foreign "
             "Minister Eva Lund said on Monday.", published="2024-03-12")
    assert acts(ex, "Meeting") == []
    s = one(ex, "Statement")
    assert s.states == ["COL", "NOR", "VEN"]


def test_organisation_summit_without_states_is_no_meeting(run):
    ex = run("The ministers of Latvia and Estonia discussed preparations for the NATO summit in Vilnius.")
    assert acts(ex, "Meeting") == []


def test_reported_signing_is_not_a_statement(run):
    ex = run("Peru and Ecuador signed on Tuesday a fisheries agreement, the Peruvian Foreign Ministry reported.",
             published="2024-03-14")
    assert [a.type for a in ex.acts] == ["Agreement"]


def test_expert_without_state_is_no_statement(run):
    ex = run("Peru and Ecuador signed a fisheries agreement on 12 March. Economist Ana Ruiz of a Lima "
             "university told reporters that the agreement was weak.", published="2024-03-14")
    assert acts(ex, "Statement") == []


def test_phone_call_received_is_not_a_visit(run):
    ex = run("Omani Foreign Minister Said Harthy received a phone call on Monday from Iranian Foreign Minister "
             "Reza Karimi.", published="2024-03-12")
    assert [a.type for a in ex.acts] == ["PhoneCall"]


# ------------------------------------------------------------------ acts in other shapes
def test_courtesy_call_by_an_ambassador_is_a_meeting(run):
    ex = run("Foreign Minister Maya Thapa received the Ambassador of Japan to Nepal, Kenji Ito, on Monday.",
             published="2024-03-12")
    m = one(ex, "Meeting")
    assert m.states == ["JPN", "NPL"] and acts(ex, "OfficialVisit") == []


def test_is_in_the_capital_on_a_visit(run):
    ex = run("Kyrgyz President Almaz Bekov, who is in Astana on a two-day state visit that began on Tuesday, "
             "met Kazakh President Arman Nurlanov.", published="2024-10-09")
    v = one(ex, "OfficialVisit")
    assert v.states == ["KAZ", "KGZ"] and (v.start, v.end) == (d("2024-10-08"), d("2024-10-09"))
    assert acts(ex, "Meeting") == []


def test_spent_days_in_the_capital(run):
    ex = run("Japanese Defence Minister Taro Sato spent three days in Manila from 4-6 May.", published="2024-05-10")
    v = one(ex, "OfficialVisit")
    assert v.states == ["JPN", "PHL"] and (v.start, v.end) == (d("2024-05-04"), d("2024-05-06"))


def test_exercise_without_the_usual_noun(run):
    ex = run("On Tuesday, naval units of Vietnam, India and Japan conducted a maritime cooperative activity in the "
             "South China Sea.", published="2024-03-14")
    x = one(ex, "MilitaryExercise")
    assert x.states == ["IND", "JPN", "VNM"] and x.start == d("2024-03-12")


def test_named_exercise_that_brought_troops_together(run):
    ex = run("Steel Lance 2024, held from 3 to 9 June, brought together 4,000 Polish and Lithuanian troops.",
             published="2024-07-01")
    x = one(ex, "MilitaryExercise")
    assert x.states == ["LTU", "POL"] and (x.start, x.end) == (d("2024-06-03"), d("2024-06-09"))


def test_group_speakers_speak_for_the_act_in_focus_about_a_third_state(run):
    ex = run("On 3 May, Chilean Foreign Minister Rosa Vidal held talks in Lima with Peruvian Foreign Minister "
             "Luis Vega. Both ministers called on Bolivia to reopen the border.", published="2024-05-04")
    s = one(ex, "Statement")
    assert s.states == ["BOL", "CHL", "PER"]


def test_two_countries_means_the_last_pair(run):
    ex = run("Chinese Foreign Minister Li Wen held talks with Lao Foreign Minister Somsak Vong on 5 March. "
             "The foreign ministers of China, Laos and Vietnam will meet in Hanoi in June. "
             "The armed forces of the two countries held a joint exercise in May last year.",
             published="2024-03-06")
    x = one(ex, "MilitaryExercise")
    assert x.states == ["CHN", "LAO"]


def test_state_list_after_a_subordinate_conjunction(run):
    ex = run("A year after Chad, Niger and Mali signed a defence charter in Niamey on 3 May 2023, the pact is "
             "still alive.", published="2024-05-04")
    a = one(ex, "Agreement")
    assert a.states == ["MLI", "NER", "TCD"]


def test_the_minister_is_the_minister_named_before(run):
    ex = run("Kathmandu, 12 March 2024. Hon. Dr. Maya Thapa, Minister for Foreign Affairs, received H.E. Mr. "
             "Kenji Ito, Ambassador of Japan to Nepal, today. The Minister expressed Nepal's appreciation for "
             "Japan's support.", published="2024-03-12")
    s = one(ex, "Statement")
    assert s.states == ["JPN", "NPL"] and s.persons == ["Maya Thapa"]


def test_initials_do_not_end_a_sentence(run):
    ex = run("Prime Minister R.K. Sharma Adhikari of Nepal will pay an official visit to Bhutan.")
    v = one(ex, "OfficialVisit")
    assert v.states == ["BTN", "NPL"] and v.status == "planned"


def test_a_signing_by_two_named_people_is_not_a_reference(run):
    ex = run("Kathmandu, 12 March 2024. Foreign Secretary Ms. Rita Karki and the Ambassador of Japan, Kenji "
             "Ito, signed a memorandum of understanding on disaster relief today.", published="2024-03-12")
    a = one(ex, "Agreement")
    assert a.states == ["JPN", "NPL"] and a.start == d("2024-03-12")


def test_honorific_he_and_his_highness_are_not_pronouns(run):
    ex = run("Doha, 6 February 2025 - The Amir received a phone call today from Iranian President Ali Karimi. "
             "On Wednesday, HE the Prime Minister Sheikh Nasser bin Ali Al-Thani met in Doha with Egyptian "
             "Foreign Minister Omar Hassan.", published="2025-02-06")
    m = one(ex, "Meeting")
    assert m.states == ["EGY", "QAT"]


def test_visit_of_x_apposition_to_y(run):
    ex = run("The ministers discussed the upcoming state visit of the President of Chile, Rosa Vidal, to Peru, "
             "which is scheduled for 20-21 June.", published="2024-05-30")
    v = one(ex, "OfficialVisit")
    assert v.states == ["CHL", "PER"] and v.status == "planned" and v.start == d("2024-06-20")


def test_received_a_new_impetus_after_is_no_hosting(run):
    ex = run("Relations between Chile and Peru received a new impetus after President Rosa Vidal's state visit "
             "to Peru in June 2022.", published="2024-05-30")
    assert [a.type for a in ex.acts] == ["OfficialVisit"]


def test_meeting_today_is_not_part_of_a_planned_visit(run):
    ex = run("Kathmandu, 22 August 2024. Foreign Minister Maya Thapa received the Ambassador of India to Nepal, "
             "Ravi Menon, today. The Ambassador conveyed that Prime Minister Hari Koirala of Nepal will pay an "
             "official visit to India.", published="2024-08-22")
    assert sorted(a.type for a in ex.acts) == ["Meeting", "OfficialVisit"]


def test_undated_act_right_after_a_dated_one_shares_its_day(run):
    ex = run("LIMA, March 13 (Wire) - Peru and Chile signed on Tuesday a fisheries agreement. Peruvian Foreign "
             "Minister Luis Vega and his Chilean counterpart, Rosa Vidal, met in the border city of Tacna.",
             published="2024-03-13")
    m = one(ex, "Meeting")
    assert m.start == d("2024-03-12")


def test_hosted_his_counterpart_is_a_visit_on_that_day(run):
    ex = run("ACCRA, Ghana - President Kofi Mensah on Sunday hosted his Togolese counterpart Yao Agbeko at the "
             "Jubilee House.", published="2025-01-20")
    v = one(ex, "OfficialVisit")
    assert v.states == ["GHA", "TGO"] and v.start == d("2025-01-19")


# ------------------------------------------------------------------ session 2: narrative time, documents, triggers
def test_that_year_takes_the_year_named_before(run):
    ex = run("Jordan honours its 1994 peace treaty with Israel, signed at Wadi Araba on October 26 of that year.",
             published="2024-06-24")
    a = one(ex, "Agreement")
    assert (a.start, a.states, a.status) == (d("1994-10-26"), ["ISR", "JOR"], "happened")


def test_a_past_act_after_publication_is_in_the_narrative_year(run):
    ex = run("Colombian Foreign Minister Rosa Vidal met Venezuelan Foreign Minister Luis Vega in Cucuta on "
             "11 August 2022. Trade resumed by late September, and on 1 November Colombian President Gustavo "
             "Petro travelled to Caracas.", published="2024-10-02")
    v = one(ex, "OfficialVisit")
    assert (v.start, v.states) == (d("2022-11-01"), ["COL", "VEN"])


def test_a_yearless_date_in_a_new_sentence_keeps_the_publication_year(run):
    ex = run("Chile and Peru signed a border treaty in 1929. Chile and Peru signed a fisheries pact on 3 March.",
             published="2024-10-02")
    assert sorted(a.start for a in acts(ex, "Agreement")) == [d("1929-01-01"), d("2024-03-03")]


def test_a_when_clause_shares_the_main_clause_date(run):
    ex = run("The wager was renewed on 9 April this year, when Colombian President Gustavo Petro returned to "
             "Caracas for several hours.", published="2024-10-02")
    v = one(ex, "OfficialVisit")
    assert (v.start, v.states) == (d("2024-04-09"), ["COL", "VEN"])


def test_documents_of_other_names_are_agreements(run):
    ex = run("After the talks, Vietnamese Foreign Minister Bui Thanh Son and Philippine Foreign Secretary Enrique "
             "Manalo signed a Plan of Action for 2025-2030 on 16 January.", published="2025-01-17")
    a = one(ex, "Agreement")
    assert (a.start, a.states) == (d("2025-01-16"), ["PHL", "VNM"])


def test_agreeing_to_hold_an_exercise_is_that_exercise(run):
    ex = run("The ministers of Viet Nam and the Philippines agreed that the two coast guards would hold a second "
             "joint exercise in Da Nang in April.", published="2025-01-17")
    assert [(a.type, a.status, a.start) for a in ex.acts] == [("MilitaryExercise", "planned", d("2025-04-01"))]


def test_expected_in_a_capital_is_a_planned_visit(run):
    ex = run("Japanese Foreign Minister Takeshi Iwaya is expected in Ulaanbaatar next month for talks.",
             published="2025-05-20")
    v = one(ex, "OfficialVisit")
    assert (v.states, v.status, v.start) == (["JPN", "MNG"], "planned", d("2025-06-01"))


def test_a_participle_phrase_dates_its_own_noun_only(run):
    ex = run("Brazilian President Lula met Paraguayan President Santiago Peña on Friday, and they reviewed the "
             "Itaipu Treaty, signed in Brasília on April 26, 1973.", published="2024-12-06")
    m = one(ex, "Meeting")
    assert m.start == d("2024-12-06")


def test_a_commission_held_at_a_date_is_a_meeting_and_does_not_date_the_signing(run):
    ex = run("South African Minister Ronald Lamola paid a working visit to Harare on 4 March. The two Ministers "
             "reviewed the implementation of decisions taken at the Bi-National Commission held in Victoria Falls in "
             "November 2024, and signed a Memorandum of Understanding on Diplomatic Training.", published="2025-03-06")
    got = {(a.type, a.start) for a in ex.acts}
    assert ("Meeting", d("2024-11-01")) in got and ("Agreement", d("2024-11-01")) not in got


def test_agreeing_to_meet_is_a_planned_meeting(run):
    ex = run("Moldovan President Maia Sandu and Romanian President Nicusor Dan agreed to meet in person on the "
             "sidelines of the Ukraine Recovery Conference in Rome on 10 July.", published="2025-06-10")
    m = one(ex, "Meeting")
    assert (m.status, m.start, m.states) == ("planned", d("2025-07-10"), ["MDA", "ROU"])


def test_the_purpose_of_a_meeting_is_no_act(run):
    ex = run("German Interior Minister Alexander Dobrindt will meet his Polish counterpart Tomasz Siemoniak in "
             "Frankfurt an der Oder on Thursday to agree on joint patrols.", published="2025-07-08")
    assert [(a.type, a.status) for a in ex.acts] == [("Meeting", "planned")]


def test_a_formal_protest_is_a_statement(run):
    ex = run("Greece on Wednesday lodged a formal protest with Turkey over a navigational warning.",
             published="2025-04-17")
    s = one(ex, "Statement")
    assert (s.states, s.start) == (["GRC", "TUR"], d("2025-04-16"))


def test_the_authorities_in_a_capital_are_that_state(run):
    ex = run("Nigerian Foreign Minister Yusuf Tuggar called on the authorities in Niamey to reopen the border.",
             published="2024-07-11")
    assert one(ex, "Statement").states == ["NER", "NGA"]


def test_a_joint_statement_issued_is_an_agreement(run):
    ex = run("At the conclusion of the retreat on Thursday, Malaysian Prime Minister Anwar Ibrahim and Singaporean "
             "Prime Minister Lawrence Wong issued a Joint Statement on the economic zone.", published="2025-12-05")
    a = one(ex, "Agreement")
    assert (a.states, a.start) == (["MYS", "SGP"], d("2025-12-04"))


def test_stepping_off_the_plane_in_a_capital_is_a_visit(run):
    ex = run("When Russian President Vladimir Putin stepped off his plane in Astana on 27 November for a two-day "
             "state visit, Kazakh President Kassym-Jomart Tokayev was waiting.", published="2024-11-29")
    v = one(ex, "OfficialVisit")
    assert (v.states, v.start, v.end) == (["KAZ", "RUS"], d("2024-11-27"), d("2024-11-28"))


def test_a_joint_condemnation_is_one_statement(run):
    ex = run("The ministers adopted a joint declaration. In it, France, Germany and Poland condemned Russia's war "
             "against Ukraine.", published="2024-02-13")
    assert len(acts(ex, "Statement")) == 1


# ------------------------------------------------------------------ wire style and relations
def test_bare_weekday_between_verb_and_complement(run):
    ex = run("South Korean Defense Minister Kim Do-hyun and his Japanese counterpart, Taro Ono, agreed Saturday to resume "
             "joint search-and-rescue drills.", published="2024-06-01")   # a Saturday
    a = one(ex, "Agreement")
    assert (a.states, a.start) == (["JPN", "KOR"], d("2024-06-01"))


def test_established_relations_in_a_since_clause_keep_their_date(run):
    ex = run("Mr Tan said that since Vietnam and Chile established diplomatic relations in March 1971, trade has grown.",
             published="2025-04-17")
    a = one(ex, "Agreement")
    assert (a.states, a.start, a.end) == (["CHL", "VNM"], d("1971-03-01"), d("1971-03-31"))


def test_ties_upgraded_to_a_partnership(run):
    ex = run("Kenya and Ghana upgraded their ties to a strategic partnership in Accra in May 2023.", published="2024-06-01")
    a = one(ex, "Agreement")
    assert (a.states, a.start) == (["GHA", "KEN"], d("2023-05-01"))


def test_infinitive_establish_is_no_act(run):
    ex = run("Attempts by Iran and Azerbaijan to establish partnerships can be seen as a step forward.", published="2025-05-01")
    assert acts(ex, "Agreement") == []


def test_leading_a_delegation_to_a_capital_is_a_visit(run):
    ex = run("Marshall Islands President Hilda Heine led a delegation to Taipei for the inauguration in May.",
             published="2024-11-25")
    v = one(ex, "OfficialVisit")
    assert (v.states, v.start, v.end) == (["MHL", "TWN"], d("2024-05-01"), d("2024-05-31"))


def test_a_trip_that_will_take_him_to_three_states_is_three_planned_visits(run):
    ex = run("Taiwanese President Lai Ching-te's trip will take him to the Marshall Islands, Tuvalu and Palau.",
             published="2024-11-25")
    assert sorted((a.states[0] if a.states[1] == "TWN" else a.states[1], a.status) for a in acts(ex, "OfficialVisit")) == \
        [("MHL", "planned"), ("PLW", "planned"), ("TUV", "planned")]
