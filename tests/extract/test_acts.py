"""Acts from own sentences in press-release and news-agency styles."""

from __future__ import annotations

import pytest

from tests.extract.conftest import d


def acts(ex, typ=None):
    return [a for a in ex.acts if typ is None or a.type == typ]


def test_visit_with_talks_is_one_visit(run):
    ex = run("Kenyan President William Ruto paid a state visit to Indonesia on 12 March 2024 and held talks "
             "with Indonesian President Budi Santoso in Jakarta.")
    [v] = acts(ex)
    assert v.type == "OfficialVisit" and v.states == ["IDN", "KEN"]
    assert v.start == d("2024-03-12") and v.precision == "day"
    assert set(v.persons) == {"William Ruto", "Budi Santoso"}


def test_received_in_capital_on_weekday(run):
    ex = run("Foreign Minister Lars Berg received Estonian Foreign Minister Kadri Tamm in Oslo on Monday.",
             published="2024-03-12")
    [v] = acts(ex)
    assert v.type == "OfficialVisit" and v.states == ["EST", "NOR"]
    assert v.start == d("2024-03-11") and v.place == "Oslo" and v.place_state == "NOR"


def test_phone_call_dateline_and_weekday(run):
    ex = run("MANILA, March 12 -- Philippine President Rosa Cruz had a telephone conversation on Tuesday "
             "with Japanese Prime Minister Kenji Sato, the presidential office said.", published="2024-03-12")
    [c] = acts(ex, "PhoneCall")
    assert c.states == ["JPN", "PHL"] and c.start == d("2024-03-12")
    assert c.place is None


def test_named_exercise_with_range_and_place(run):
    ex = run("The Steppe Shield 2024 joint military exercise between Kazakhstan and Uzbekistan took place "
             "on 4-9 March 2024 in Samarkand.")
    [x] = acts(ex)
    assert x.type == "MilitaryExercise" and x.name == "Steppe Shield 2024"
    assert (x.start, x.end) == (d("2024-03-04"), d("2024-03-09"))
    assert x.states == ["KAZ", "UZB"] and x.place_state == "UZB"


def test_memorandum_signed_and_planned_visit(run):
    ex = run("On March 5, Morocco and Senegal signed a memorandum of understanding on fisheries. "
             "Moroccan Prime Minister Youssef Alami will visit Dakar next month.", published="2024-03-12")
    ag, = acts(ex, "Agreement")
    assert ag.states == ["MAR", "SEN"] and ag.start == d("2024-03-05") and ag.status == "happened"
    v, = acts(ex, "OfficialVisit")
    assert v.status == "planned" and v.states == ["MAR", "SEN"]
    assert (v.start, v.end, v.precision) == (d("2024-04-01"), d("2024-04-30"), "month")


def test_postponed_visit_is_reported_not_happened(run):
    ex = run("Canadian Prime Minister Paul Tremblay postponed his visit to India, which was scheduled for 20 March.")
    [v] = acts(ex)
    assert v.status == "reported-not-happened" and v.states == ["CAN", "IND"]


def test_statement_speaker_and_target(run):
    ex = run("Poland condemned the missile strike on Ukraine, the Polish Ministry of Foreign Affairs said on Sunday.",
             published="2024-03-12")
    [s] = acts(ex, "Statement")
    assert s.states == ["POL", "UKR"]


def test_readout_of_a_meeting_is_not_a_statement(run):
    ex = run("Hungarian Prime Minister Gabor Kiss met Slovak Prime Minister Jan Novak in Budapest on 10 March. "
             "The two leaders stressed the importance of energy security, the Hungarian government said.")
    assert [a.type for a in ex.acts] == ["Meeting"]


def test_capital_metonyms(run):
    ex = run("Talks between Moscow and Yerevan took place in Minsk on 2 March 2024.")
    [m] = acts(ex)
    assert m.type == "Meeting" and m.states == ["ARM", "RUS"] and m.place == "Minsk" and m.place_state == "BLR"


def test_two_days_after_a_dated_visit(run):
    ex = run("On 4 March, Qatari Foreign Minister Khalid Nasser visited Oman. Only two days after the Qatari "
             "minister's visit to Oman, Omani Foreign Minister Said Harthy paid an official visit to Kuwait.")
    v = {tuple(a.states): a for a in acts(ex, "OfficialVisit")}
    assert v[("KWT", "OMN")].start == d("2024-03-06")
    assert v[("OMN", "QAT")].start == d("2024-03-04")


def test_orgs_are_not_states(run):
    ex = run("Armenian Prime Minister Ara Petrosyan held talks with NATO Secretary General Jens Holm in Brussels "
             "on 1 March 2024.")
    assert all(s in ("ARM", "BEL") for a in ex.acts for s in a.states)


def test_rule_and_confidence_filled(run):
    ex = run("Turkish and Azerbaijani presidents signed a joint declaration in Baku on 5 March 2024.")
    a = ex.acts[0]
    assert a.rule.startswith("Agreement:") and 0 < a.confidence <= 1


def test_cancelled_summit_and_topic_is_not_a_place(run):
    ex = run("The summit between Serbian President Marko Ilic and Croatian Prime Minister Ivo Horvat, planned "
             "for May 15 in Zagreb, was cancelled, officials said. "
             "Separately, US Secretary of State Anna Cole met Saudi Foreign Minister Faisal Omar on Friday "
             "to discuss the war in Gaza.", published="2024-05-10")
    m = {tuple(a.states): a for a in acts(ex, "Meeting")}
    assert m[("HRV", "SRB")].status == "reported-not-happened" and m[("HRV", "SRB")].start == d("2024-05-15")
    assert m[("SAU", "USA")].place is None and m[("SAU", "USA")].start == d("2024-05-10")


def test_welcoming_a_stance_is_not_hosting_a_visit(run):
    ex = run("Georgian President Ana Beridze welcomed the EU ministers' stance in a post on X on Monday.",
             published="2024-12-17")
    assert not acts(ex, "OfficialVisit")


def test_dismissing_is_a_statement(run):
    ex = run("Armenian Foreign Minister Levon Sargsyan dismissed the Azerbaijani proposal as a provocation.")
    [s] = acts(ex, "Statement")
    assert s.states == ["ARM", "AZE"]


def test_brussels_as_an_actor_is_the_eu_and_peoples_are_their_states(run):
    ex = run("Hungarian Prime Minister Gábor Kiss said Hungary would not allow Brussels to punish Georgians.",
             published="2024-12-17")
    [s] = acts(ex, "Statement")
    assert s.states == ["GEO", "HUN"] and s.orgs == ["EU"]


def test_talks_the_day_after_an_arrival_belong_to_the_visit_and_its_stated_end_holds(run):
    ex = run("MALE, Oct. 7 -- Maldivian President Ahmed Rasheed landed in New Delhi on Sunday evening on a state visit "
             "to India. On Monday, Rasheed held talks with Indian Prime Minister Vikram Rao. The visit runs until "
             "October 10.", published="2024-10-07")
    [v] = acts(ex)
    assert v.type == "OfficialVisit" and v.start == d("2024-10-06") and v.end == d("2024-10-10")
    assert set(v.persons) == {"Ahmed Rasheed", "Vikram Rao"}


def test_an_appeal_to_return_to_negotiations_is_a_statement_not_a_visit(run):
    ex = run("Kenyan President Samuel Otieno and Ethiopian Prime Minister Dawit Bekele called for a ceasefire in Sudan "
             "and urged the warring parties to return to negotiations.", published="2024-11-19")
    [s] = acts(ex)
    assert s.type == "Statement" and s.states == ["ETH", "KEN", "SDN"]


def test_next_round_on_weekday_and_date_is_that_date_and_planned(run):
    ex = run("MUSCAT, April 12 -- Iranian Foreign Minister Reza Tavakoli and US envoy Mark Ellis held indirect talks "
             "in Muscat on Saturday, mediated by Omani Foreign Minister Salim Al-Harthy. The next round of talks will "
             "take place on Saturday, 19 April.", published="2025-04-12")
    planned = [a for a in acts(ex, "Meeting") if a.status == "planned"]
    assert [(a.start, a.end) for a in planned] == [(d("2025-04-19"), d("2025-04-19"))]


def test_a_statement_issued_after_talks_is_no_joint_document(run):
    ex = run("Omani Foreign Minister Salim Al-Harthy hosted Iranian and American envoys in Muscat on Saturday. In a "
             "statement issued after the talks, Al-Harthy said the sides sought a fair and binding agreement.",
             published="2025-04-12")
    assert not acts(ex, "Agreement")


def test_a_given_name_after_a_gulf_style_names_the_person(run):
    ex = run("Omani Foreign Minister Sayyid Salim bin Hamad Al-Harthy spoke first. Later, Sayyid Salim received a "
             "phone call on Wednesday from Saudi Foreign Minister Prince Turki bin Nasser.", published="2025-04-12")
    [c] = acts(ex, "PhoneCall")
    assert c.states == ["OMN", "SAU"] and "Salim bin Hamad Al-Harthy" in c.persons


def test_a_hoped_for_treaty_is_no_agreement_and_an_analyst_is_no_official(run):
    ex = run("Kazakh President Nurlan Abenov welcomed the progress in the peace talks between Baku and Yerevan and "
             "expressed hope that a peace treaty would be signed soon. Political analyst Ilkin Mammadov told Turan "
             "that contacts were growing. \"Baku is treated almost as a member,\" he said.", published="2024-08-14")
    assert not acts(ex, "Agreement")
    [s] = acts(ex, "Statement")
    assert s.states == ["ARM", "AZE", "KAZ"] and s.persons == ["Nurlan Abenov"]


def test_discussed_by_phone_is_a_call(run):
    ex = run("On Monday, Azerbaijani Foreign Minister Elnur Mammadli and Kazakh Foreign Minister Aibek Serikov discussed "
             "by phone the agenda of bilateral contacts.", published="2024-08-14")
    [c] = acts(ex)
    assert c.type == "PhoneCall" and c.start == d("2024-08-12")


def test_an_invitation_to_visit_then_postponed_to_a_new_month_is_one_planned_visit(run):
    ex = run("Turkish Foreign Minister Kemal Aydın arrived in Tehran on Nov. 25 for a two-day official visit. Aydın "
             "conveyed his president's invitation to Iranian President Reza Ahmadi to visit Türkiye. The visit, "
             "initially expected this month, was postponed; Iranian diplomats said it could take place in January.",
             published="2024-11-26")
    visits = sorted(acts(ex, "OfficialVisit"), key=lambda a: a.start)
    assert [(v.status, v.start, v.end) for v in visits] == [
        ("happened", d("2024-11-25"), d("2024-11-26")), ("planned", d("2025-01-01"), d("2025-01-31"))]


def test_a_quotation_over_two_sentences_is_the_statement_of_its_speaker(run):
    ex = run("Turkish Foreign Minister Kemal Aydın met reporters in Ankara on Monday. \"Unity is a red line for us. We "
             "call on Damascus to reach a settlement with its own people,\" Aydın said at the press conference.",
             published="2024-11-26")
    [s] = acts(ex, "Statement")
    assert s.states == ["SYR", "TUR"] and s.persons == ["Kemal Aydın"]


def test_we_agree_that_is_a_view_not_an_agreement(run):
    ex = run("Iranian Foreign Minister Hamid Rostami said: \"Iran and Türkiye differ on Syria, but we agree that the "
             "unity of the country must be preserved.\"", published="2024-11-26")
    assert not acts(ex, "Agreement")


@pytest.mark.parametrize("follow, first, last", [
    ("The next round of Armenian-French defence consultations is scheduled for September.", "2024-09-01", "2024-09-30"),
    ("They noted that the next \"2+2\" will be held in France in 2025.", "2025-01-01", "2025-12-31"),
    ("The 13th Armenian-French Leaders' Retreat will be held in Yerevan in 2026.", "2026-01-01", "2026-12-31"),
])
def test_the_next_occasion_of_a_series_is_a_new_planned_meeting(run, follow, first, last):
    ex = run("Armenian Defence Minister Aram Hovsepyan and French Defence Minister Luc Moreau signed a contract in "
             "Paris on Monday. " + follow, published="2024-06-18")
    [m] = [a for a in acts(ex, "Meeting") if a.status == "planned"]
    assert m.states == ["ARM", "FRA"] and (m.start, m.end) == (d(first), d(last))


def test_recalling_ambassadors_is_a_statement_towards_each_host(run):
    ex = run("Algeria decided on Sunday to recall for consultations its ambassadors to Mali and Niger, the "
             "foreign ministry said.", published="2025-04-08")
    [s] = acts(ex, "Statement")
    assert s.states == ["DZA", "MLI", "NER"] and s.start == d("2025-04-06")


def test_him_after_the_subject_is_the_other_person(run):
    ex = run("Thai Prime Minister Anong Chai met Myanmar's Senior General Min Aung Hlaing in Bangkok on 3 April "
             "2025. Ms Anong told him Thailand wanted a lasting ceasefire.", published="2025-04-04")
    [s] = acts(ex, "Statement")
    assert s.states == ["MMR", "THA"] and s.persons == ["Anong Chai"]


def test_a_signing_at_the_end_of_the_talks_takes_their_day_and_people_not_a_background_agreement(run):
    ex = run("Colombian Foreign Minister Luis Murillo concluded on Thursday a two-day official visit to Peru, which began on Wednesday "
             "in Lima. On Thursday, the Minister held talks with his Peruvian counterpart, Elmer Schialer. At the end of "
             "the talks, the two ministers signed a memorandum of understanding on border crossings. The visit builds on "
             "the meeting of Presidents Gustavo Petro and Dina Boluarte in Lima on 3 May 2023, at which both leaders "
             "agreed to relaunch the binational cabinet.", published="2024-04-12")
    signed = [a for a in acts(ex, "Agreement") if "memorandum" in a.evidence[0].text]
    [a] = signed
    assert a.start == d("2024-04-11") and "Elmer Schialer" in a.persons
    assert len(a.evidence) == 1     # not merged with the 2023 decision


def test_both_ministers_are_the_ministers_not_the_vice_president_met_last(run):
    ex = run("Chilean Foreign Minister Alberto van Klaveren held talks in Brasília on Wednesday with Brazilian Foreign "
             "Minister Mauro Vieira. Van Klaveren was also received by the Vice President of Brazil, Geraldo Alckmin. "
             "Both ministers called on the Venezuelan authorities to hold free elections.", published="2024-04-11")
    [s] = acts(ex, "Statement")
    assert s.states == ["BRA", "CHL", "VEN"] and set(s.persons) == {"Alberto van Klaveren", "Mauro Vieira"}


def test_an_undated_signing_a_paragraph_later_keeps_the_day_of_the_meeting_when_no_other_date_intervenes(run):
    ex = run("Foreign Minister Arzu Rana Deuba received the Ambassador of India to Nepal, Naveen Srivastava, at the "
             "Ministry today. Matters of mutual interest were discussed. The Minister thanked India for its help after the "
             "earthquake. In the presence of the Minister, Foreign Secretary Sewa Lamsal and the Ambassador signed a "
             "memorandum of understanding on community projects. Nepal and India had signed an agreement on power trade "
             "in June last year.", published="2024-08-22")
    dates = sorted(a.start for a in acts(ex, "Agreement"))
    assert dates == [d("2023-06-01"), d("2024-08-22")]


def test_the_next_round_agreed_for_the_end_of_the_year_is_planned_and_earlier_talks_stay_apart(run):
    ex = run("Chinese Foreign Minister Wang Yi and Philippine Foreign Secretary Enrique Manalo spoke by phone on "
             "Wednesday. Both ministers agreed that the next round of the consultation mechanism would be held in China "
             "before the end of the year. The clash strained a provisional arrangement that the two sides reached on "
             "July 21. That deal followed talks in Manila on July 2 between Chinese Vice Foreign Minister Chen Xiaodong "
             "and Philippine Undersecretary Maria Theresa Lazaro.", published="2024-08-22")
    meetings = sorted(((m.status, m.start, m.end) for m in acts(ex, "Meeting")), key=str)
    assert meetings == [("happened", d("2024-07-02"), d("2024-07-02")), ("planned", d("2024-01-01"), d("2024-12-31"))]
    [a] = acts(ex, "Agreement")
    assert a.start == d("2024-07-21") and a.states == ["CHN", "PHL"]


@pytest.mark.parametrize("text, states, first", [
    ("Niger's military rulers ordered French ambassador Sylvain Itté to leave the country in August 2023.",
     ["FRA", "NER"], "2023-08-01"),
    ("In August 2024 Mali severed diplomatic relations with Ukraine.", ["MLI", "UKR"], "2024-08-01"),
    ("The Russian embassy in Bamako denied last month that Moscow intended to reduce its presence in Mali.",
     ["MLI", "RUS"], "2025-06-01"),
])
def test_deeds_against_a_state_are_statements_dated_by_their_own_words(run, text, states, first):
    [s] = acts(run(text, published="2025-07-10"), "Statement")
    assert s.states == states and s.start == d(first)


def test_recalled_for_consultations_is_no_meeting(run):
    ex = run("Algeria decided on Sunday to recall for consultations its ambassadors to Mali and Niger.",
             published="2025-04-08")
    assert [a.type for a in ex.acts] == ["Statement"]


def test_the_two_leaders_agreed_are_the_leaders_of_the_talks_and_a_document_signed_earlier_keeps_its_date(run):
    ex = run("Vietnamese President Luong Cuong held talks with Singaporean President Tharman Shanmugaratnam in Hanoi "
             "on Tuesday. The two leaders agreed to consider upgrading the relationship, and to implement the Green "
             "Economy Partnership signed in February 2023. Talking to reporters, the Singaporean leader said Singapore "
             "wishes to expand cooperation with Vietnam in renewable energy.", published="2024-11-27")
    agreed = [a for a in acts(ex, "Agreement") if "agreed" in a.evidence[0].text]
    assert [(a.start, sorted(a.persons)) for a in agreed] == [(d("2024-11-26"), ["Luong Cuong", "Tharman Shanmugaratnam"])]
    [s] = acts(ex, "Statement")
    assert s.persons == ["Tharman Shanmugaratnam"] and s.states == ["SGP", "VNM"]


def test_a_later_month_told_next_stays_in_the_narratives_year_and_a_month_later_follows_the_last_act(run):
    ex = run("Foreign Ministers Prince Faisal bin Farhan of Saudi Arabia and Hossein Amir-Abdollahian of Iran met in "
             "Beijing in April 2023. Prince Faisal travelled to Tehran in June, where he was received by President "
             "Ebrahim Raisi. On 11 October 2023, the Crown Prince Mohammed bin Salman and Raisi held their first "
             "telephone call. A month later Raisi came to Riyadh for the summit, the first visit by an Iranian "
             "president in a decade.", published="2024-11-20")
    visits = sorted((v.start, v.precision, v.place or "") for v in acts(ex, "OfficialVisit"))
    assert visits[0] == (d("2023-06-01"), "month", "Tehran")
    assert visits[1][:2] == (d("2023-11-01"), "month")


def test_a_summit_session_takes_the_day_of_its_decision_its_attendance_list_and_keeps_other_summits_apart(run):
    ex = run("West African leaders on Sunday approved the withdrawal of Mali, Burkina Faso and Niger from ECOWAS.\n\n"
             "The decision was taken at the 66th Ordinary Session of the ECOWAS Authority of Heads of State and "
             "Government held at the State House, Abuja.\n\n"
             "The summit, chaired by President Bola Tinubu, was attended by Presidents Bassirou Diomaye Faye of "
             "Senegal, Faure Gnassingbé of Togo and Adama Barrow of The Gambia.\n\n"
             "Mr Faye, who was mandated by his peers at the July summit, also held in Abuja, presented a report.",
             published="2024-12-15")
    [m] = [a for a in acts(ex, "Meeting") if a.start == d("2024-12-15")]
    assert m.states == ["GMB", "NGA", "SEN", "TGO"] and m.place == "Abuja"
    assert set(m.persons) == {"Bola Tinubu", "Bassirou Diomaye Faye", "Faure Gnassingbé", "Adama Barrow"}
    assert not any("July summit" in e.text for e in m.evidence)


def test_a_state_visit_readout_keeps_background_visits_and_meetings_apart_and_dates_decisions_by_the_talks(run):
    ex = run("Hanoi (VNA) - President Luong Cuong held talks with Singaporean President Tharman Shanmugaratnam in Hanoi "
             "on November 26, following an official welcome ceremony for the guest, who is paying a state visit to "
             "Vietnam from November 25-27.\n\n"
             "The two leaders agreed to consider upgrading the relationship, and to implement the Green Economy "
             "Partnership signed in February 2023 during Prime Minister Pham Minh Chinh's official visit to Singapore.\n\n"
             "Cuong and Singaporean Prime Minister Lawrence Wong had met on the sidelines of the APEC Economic Leaders' "
             "Week in Lima earlier this month.", published="2024-11-26")
    visits = acts(ex, "OfficialVisit")
    assert len(visits) == 2 and {tuple(v.persons) for v in visits if "Pham Minh Chinh" in v.persons} == {("Pham Minh Chinh",)}
    [a] = [a for a in acts(ex, "Agreement") if "agreed" in a.evidence[0].text]
    assert a.start == d("2024-11-26")
    assert any(m.precision == "month" and "Lawrence Wong" in m.persons for m in acts(ex, "Meeting"))


def test_a_call_before_fridays_meeting_is_dated_by_its_own_weekday(run):
    ex = run("The envoys met on Friday at the Margara checkpoint. On Wednesday, Armenian Foreign Minister Ararat "
             "Mirzoyan and his Turkish counterpart Hakan Fidan discussed the preparations for Friday's meeting in a "
             "telephone conversation.", published="2025-09-12")
    [c] = acts(ex, "PhoneCall")
    assert c.start == d("2025-09-10")


def test_talks_hosted_by_a_third_leader_are_a_meeting_not_a_visit(run):
    ex = run("Venezuelan President Nicolas Maduro and Guyanese President Irfaan Ali met for the first time on Dec. 14 "
             "last year at Argyle International Airport, in talks hosted by the prime minister of Saint Vincent and "
             "the Grenadines, Ralph Gonsalves.", published="2024-04-05")
    assert [(a.type, a.start) for a in ex.acts] == [("Meeting", d("2023-12-14"))]


def test_a_clause_after_a_during_phrase_keeps_its_own_date(run):
    ex = run("Greek Prime Minister Kyriakos Mitsotakis and Turkish President Recep Tayyip Erdogan signed the Athens "
             "Declaration during Erdogan's visit to the Greek capital in December 2023, and Mitsotakis travelled to "
             "Ankara for talks with Erdogan in May last year.", published="2025-04-16")
    [a] = acts(ex, "Agreement")
    assert a.start == d("2023-12-01")
    assert sorted(v.start for v in acts(ex, "OfficialVisit")) == [d("2023-12-01"), d("2024-05-01")]


def test_later_this_month_is_ahead_of_publication(run):
    ex = run("Pakistan's special envoy Mohammad Sadiq was expected to return to Kabul later this month for a meeting "
             "of the Pakistan-Afghanistan Joint Coordination Committee, the Foreign Office spokesperson said.",
             published="2025-03-07")
    assert {a.status for a in ex.acts if a.type != "Statement"} == {"planned"}


def test_a_generalisation_about_a_state_that_hosts_is_no_visit(run):
    ex = run("Vladimir Putin visited Astana in November. But a state that hosts Putin, Xi and Scholz within six months, "
             "and signs with each of them, has shown that balancing is not paralysis.", published="2024-12-03")
    [v] = ex.acts
    assert v.type == "OfficialVisit" and len(v.evidence) == 1


def test_a_two_letter_surname_is_a_later_mention(run):
    ex = run("Chinese President Xi Jinping spoke in Astana in September 2013. Eleven years later, Xi returned to Astana "
             "in early July for a state visit.", published="2024-12-03")
    [v] = acts(ex, "OfficialVisit")
    assert v.states == ["CHN", "KAZ"] and v.persons == ["Xi Jinping"]


def test_said_that_day_takes_the_day_just_named_and_two_spokesmen_make_two_statements(run):
    ex = run("The collision happened before dawn on Monday near the shoal. China Coast Guard spokesman Liu Dejun said "
             "that day that two Philippine vessels had rammed a Chinese ship. Chinese foreign ministry spokeswoman Mao "
             "Ning said the Philippines had provoked the clash.", published="2024-08-22")
    got = sorted((s.persons[0], s.start) for s in acts(ex, "Statement"))
    assert got[0] == ("Liu Dejun", d("2024-08-19")) and [p for p, _ in got] == ["Liu Dejun", "Mao Ning"]


def test_a_weekday_closing_the_object_dates_the_condemnation(run):
    ex = run("US Ambassador to Manila MaryKay Carlson condemned the Chinese actions on Monday, saying Washington stands "
             "with the Philippines.", published="2024-08-22")
    [s] = acts(ex, "Statement")
    assert s.start == d("2024-08-19")


def test_a_sentence_after_a_closing_quotation_is_not_in_its_future_tense(run):
    ex = run("Sisi said: \"Egypt will not allow anyone to threaten Somalia.\" The relationship was formalised on 14 "
             "August, when Egyptian President Abdel Fattah al-Sisi and Somali President Hassan Sheikh Mohamud signed a "
             "defence cooperation protocol in Cairo.", published="2024-10-16")
    [a] = acts(ex, "Agreement")
    assert a.start == d("2024-08-14") and a.status == "happened"


def test_a_released_joint_press_statement_is_an_agreement(run):
    ex = run("Japanese Prime Minister Shigeru Ishiba held talks with South Korean President Lee Jae-myung in Seoul on "
             "Tuesday. After the talks, the two leaders released a joint press statement.", published="2025-09-30")
    [a] = acts(ex, "Agreement")
    assert a.start == d("2025-09-30") and set(a.persons) == {"Shigeru Ishiba", "Lee Jae-myung"}


def test_the_month_of_an_appointment_does_not_date_the_act(run):
    ex = run("Sudanese Prime Minister Kamil Idris, appointed by Gen Al Burhan in May, is expected in Cairo next week "
             "for talks with Egyptian Prime Minister Mostafa Madbouly.", published="2025-09-30")
    [v] = acts(ex, "OfficialVisit")
    assert v.status == "planned" and v.start == d("2025-10-06")


def test_a_bilateral_on_the_sidelines_of_consultations_belongs_to_them_not_to_a_later_reception(run):
    ex = run("Egyptian Foreign Minister Badr Abdelatty held tripartite consultations in Cairo on Saturday with Sudanese "
             "Foreign Minister Mohieddin Salim and South Sudanese Foreign Minister Monday Semaya Kumba. On the sidelines "
             "of the consultations, Abdelatty held a bilateral meeting with Salim. On Sunday, President Abdel Fattah "
             "El-Sisi received the Sudanese and South Sudanese ministers at Al-Ittihadiya Palace.", published="2025-10-26")
    [m] = [a for a in acts(ex, "Meeting") if a.states == ["EGY", "SDN"]]
    assert m.start == d("2025-10-25")
