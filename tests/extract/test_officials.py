"""Officials from title patterns (own sentences, not from the dev corpus)."""

from __future__ import annotations

import pytest

from diplograph.extract.titles import normalise_post


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


# ---------------------------------------------------------------- generalisation patterns
@pytest.mark.parametrize("text, name, state, post", [
    # title, comma, name (apposition after "of <State>,")
    ("The Minister of Foreign Affairs of Finland, Aino Virtanen, arrived in Riga.", "Aino Virtanen", "FIN",
     "Minister of Foreign Affairs"),
    # rank after the comma
    ("Peru's Deputy Defence Minister, Lieutenant General Raul Castillo, inspected the base.", "Raul Castillo", "PER",
     "Deputy Minister of Defense"),
    # a body that names its state ("Kremlin spokesman")
    ("Kremlin spokesman Ivan Sokolov declined to comment.", "Ivan Sokolov", "RUS", "Spokesperson of the President"),
    # envoys keep the region they are sent to
    ("US Special Envoy to the Horn of Africa Mark Jensen met local leaders.", "Mark Jensen", "USA",
     "Special Envoy to the Horn of Africa"),
    # ambassadors keep their destination
    ("H.E. Mr. Ravi Menon, Ambassador of India to Sri Lanka, called on the minister.", "Ravi Menon", "IND",
     "Ambassador to Sri Lanka"),
    ("Omar Saeed, UAE Ambassador to Japan, attended.", "Omar Saeed", "ARE", "Ambassador to Japan"),
    # combined posts: the portfolio over a deputy premiership, the premiership over a portfolio
    ("Belgian Deputy Prime Minister and Minister of Foreign Affairs Luc Janssens spoke.", "Luc Janssens", "BEL",
     "Minister of Foreign Affairs"),
    ("Kuwaiti Prime Minister and Minister of Foreign Affairs Sheikh Fahad bin Nasser Al-Sabah spoke.",
     "Fahad bin Nasser Al-Sabah", "KWT", "Prime Minister"),
    # particles and multi-word names; "Sheikh" inside a name is not a post
    ("Spanish Foreign Minister Ana de la Serna arrived.", "Ana de la Serna", "ESP", "Minister of Foreign Affairs"),
    ("Somali President Abdi Sheikh Warsame flew home.", "Abdi Sheikh Warsame", "SOM", "President"),
    # national titles stay
    ("Colombia's Minister of National Defense Pedro Rojas attended.", "Pedro Rojas", "COL", "Minister of National Defense"),
    ("Indian Minister of External Affairs Arjun Rao attended.", "Arjun Rao", "IND", "Minister of External Affairs"),
    ("Kenyan Foreign Affairs Cabinet Secretary Jane Wanjiru attended.", "Jane Wanjiru", "KEN", "Minister of Foreign Affairs"),
    ("Foreign Ministry spokesperson Sara Haile of Eritrea spoke.", "Sara Haile", "ERI", "Spokesperson of the Ministry of Foreign Affairs"),
    ("Gen. Tomas Reyes, chief of staff of the Armed Forces of Bolivia, spoke.", "Tomas Reyes", "BOL",
     "Chief of Staff of the Armed Forces"),
])
def test_generalisation_patterns(run, text, name, state, post):
    assert officials(run(text))[name] == (state, post)


def test_honorifics_are_not_people(run):
    ex = run("Hon. Dr. Maya Thapa, Minister for Foreign Affairs, received H.E. Ms. Lena Ortiz, Ambassador of "
             "Mexico to Nepal. Foreign Secretary Ms. Rita Karki was present.", published="2024-03-12")
    names = {o.name for o in ex.officials}
    assert names == {"Maya Thapa", "Lena Ortiz", "Rita Karki"}


def test_dateline_gives_bare_titles_their_state(run):
    ex = run("LIMA, March 11 (Wire) - Foreign Minister Elena Paz said on Monday that her trip to Chile "
             "would go ahead.", published="2024-03-12")
    assert officials(ex)["Elena Paz"] == ("PER", "Minister of Foreign Affairs")


def test_destination_of_a_visit_is_not_the_visitors_state(run):
    ex = run("Tbilisi/11.03.24/Wire: Relations improved after President Nino Beridze's state visit to Armenia "
             "in 2023.", published="2024-03-12")
    assert officials(ex)["Nino Beridze"][0] == "GEO"


def test_host_named_after_invitation_takes_the_destination(run):
    ex = run("Nairobi, 11 March 2024. The Minister will pay an official visit to Ghana at the invitation of "
             "President Kofi Mensah.", published="2024-03-12")
    assert officials(ex)["Kofi Mensah"][0] == "GHA"


def test_publisher_gives_home(run):
    from diplograph.documents import document_from_text
    from diplograph.extract import extract
    doc = document_from_text("source: x\npublished: 2024-03-12\npublisher: Ministry of Foreign Affairs of Fiji\n\n"
                             "The Minister of Foreign Affairs, Ratu Jone Vula, met the Ambassador of Japan.")
    assert officials(extract(doc))["Ratu Jone Vula"] == ("FJI", "Minister of Foreign Affairs")


def test_counterpart_after_comma_takes_the_state_and_the_second_title(run):
    ex = run("Chilean Defence Minister Ana Soto met her Peruvian counterpart, Defence Minister Luis Vega, in Lima.")
    assert officials(ex)["Luis Vega"] == ("PER", "Minister of Defense")


def test_same_family_name_different_people(run):
    ex = run("Qatari Emir Sheikh Hamad bin Khalid Al-Thani met Qatari Prime Minister Sheikh Nasser bin Ali Al-Thani.")
    assert len(ex.officials) == 2


def test_plural_heads_take_distinct_states(run):
    ex = run("SANTIAGO, March 11 (Wire) - The talks built on the meeting of Presidents Rosa Vidal and Marco "
             "Teixeira in Brazil.", published="2024-03-12")
    o = officials(ex)
    assert o["Rosa Vidal"][0] == "CHL" and o["Marco Teixeira"][0] == "BRA"


# ------------------------------------------------------------------ session 2: general title mechanisms
@pytest.mark.parametrize("text, name, state, post", [
    # a ministry's formal field, however long, is part of the title and of the post
    ("The Minister of Foreign Affairs and Cooperation of Togo, Ms Adjo Mensah, arrived.",
     "Adjo Mensah", "TGO", "Minister of Foreign Affairs and Cooperation"),
    ("Kenya's Minister of Water Resources Peter Otieno arrived in Kampala.",
     "Peter Otieno", "KEN", "Minister of Water Resources"),
    ("Fiji's Minister for Pacific Island Affairs, Sela Rabuka, said so.",
     "Sela Rabuka", "FJI", "Minister for Pacific Island Affairs"),
    # a surname fused with its particle ends the name; it is not dropped
    ("Iraqi Prime Minister Ahmed Karim al-Jabouri said so.", "Ahmed Karim al-Jabouri", "IRQ", "Prime Minister"),
    # an envoy "in <capital>" is posted to the capital's state
    ("Egypt's ambassador in Amman, Hany Fawzy, said so.", "Hany Fawzy", "EGY", "Ambassador to Jordan"),
    ("Kenya's High Commissioner to Ghana, Mr Joseph Kamau, attended.", "Joseph Kamau", "KEN", "High Commissioner to Ghana"),
])
def test_general_title_mechanisms(run, text, name, state, post):
    assert officials(run(text))[name] == (state, post)


def test_the_state_of_a_delegation_is_its_heads(run):
    ex = run("The Chilean delegation was headed by Deputy Minister of Foreign Affairs Rosa Vidal, the Peruvian "
             "delegation by Deputy Minister of Foreign Affairs Luis Vega.")
    assert officials(ex) == {"Rosa Vidal": ("CHL", "Deputy Minister of Foreign Affairs"),
                             "Luis Vega": ("PER", "Deputy Minister of Foreign Affairs")}


def test_a_predecessor_holds_the_same_post(run):
    ex = run("Chilean Foreign Minister Rosa Vidal met reporters. The plan was drafted by Vidal's predecessor, "
             "Marco Araya, in 2022.")
    assert officials(ex)["Marco Araya"] == ("CHL", "Minister of Foreign Affairs")


def test_a_counterpart_is_of_the_surname_named_before(run):
    ex = run("BERLIN, July 8 (Wire) - Chancellor Hans Becker spoke. Interior Minister Klaus Weber said so. "
             "Weber will meet his Polish counterpart Jan Nowak on Thursday.", published="2025-07-08")
    assert officials(ex)["Jan Nowak"] == ("POL", "Minister of Interior")


def test_an_agency_home_needs_the_text_to_name_it(run):
    from diplograph.documents import document_from_text
    from diplograph.extract import extract
    doc = document_from_text("Foreign Minister Eleni Pappa spoke with Turkish Foreign Minister Ali Demir. "
                             "Greece and Turkey agreed to talk.", "t", "2025-04-16")
    doc.publisher = "ANSA"
    got = officials(extract(doc))
    assert got["Eleni Pappa"][0] == "GRC"


def test_the_one_met_on_a_visit_is_the_host(run):
    ex = run("Fijian Prime Minister Sitiveni Rabuka met reporters in Suva. The deal was signed in Wellington during "
             "a visit by Foreign Minister Kamikamica Tui, who met Prime Minister Chris Luxon.")
    assert officials(ex)["Chris Luxon"] == ("NZL", "Prime Minister")


@pytest.mark.parametrize("text, name, state, post", [
    # titles chained by commas before the name: the portfolio minister is the principal post
    ("On Tuesday, the Minister of State, Minister of Foreign Affairs, National Community Abroad and African "
     "Affairs of Algeria, Karim Benali, spoke.", "Karim Benali", "DZA", "Minister of Foreign Affairs"),
    # a diplomat styled "Ambassador" after his ministerial title
    ("The Minister of Foreign Affairs of Brazil, Ambassador Paulo Freitas, signed.", "Paulo Freitas", "BRA",
     "Minister of Foreign Affairs"),
    # Malaysian honorifics, with the apostrophe of "Dato'"
    ("The Minister of Foreign Affairs of Malaysia, YB Dato' Seri Ahmad Karim, attended.", "Ahmad Karim", "MYS",
     "Minister of Foreign Affairs"),
    # a special representative *for* a state is not that state's official
    ("Pakistan's Special Representative for Afghanistan Tariq Aziz returned.", "Tariq Aziz", "PAK",
     "Special Representative for Afghanistan"),
    ("Pakistan's head of mission in Kabul, Omar Farooq, attended.", "Omar Farooq", "PAK", "Head of Mission to Afghanistan"),
    ("In Kabul, the Afghan foreign ministry's spokesman Ahmad Wali rejected the claim.", "Ahmad Wali", "AFG",
     "Spokesperson of the Ministry of Foreign Affairs"),
    # a given name that is also a capital
    ("Brazilian President Lula met President Santiago Ortega of Paraguay.", "Santiago Ortega", "PRY", "President"),
])
def test_title_chains_and_styles(run, text, name, state, post):
    assert officials(run(text))[name] == (state, post)


def test_distributive_of_state_name_lists(run):
    ex = run("The Summit was attended by the Presidents of Argentina, Ana Torres; of Paraguay, Luis Benítez; "
             "and of Bolivia, Marco Quispe.")
    assert officials(ex) == {"Ana Torres": ("ARG", "President"), "Luis Benítez": ("PRY", "President"),
                             "Marco Quispe": ("BOL", "President")}


def test_a_list_of_titled_companions_is_not_one_persons_apposition(run):
    ex = run("The Prime Minister of Malaysia was accompanied by the Minister of Foreign Affairs, Ahmad Karim, the "
             "Minister of Transport, Lim Wei Ming, and officials.")
    got = officials(ex)
    assert got["Ahmad Karim"][1] == "Minister of Foreign Affairs" and got["Lim Wei Ming"][1] == "Minister of Transport"


def test_a_commentarys_untitled_protagonist_is_the_leader_it_titles_once(run):
    ex = run("When Tomas Rivera took office in 2022, relations with Venezuela thawed. Rivera travelled to Caracas "
             "in November. Rivera returned to Caracas in April. At the end of that visit the Colombian president "
             "proposed a pact. Rivera's gamble is risky.", published="2024-10-02")
    assert officials(ex)["Tomas Rivera"] == ("COL", "President")


def test_respective_heads_of_government(run):
    ex = run("The heads of government of Russia and Belarus, Mikhail Mishustin and Alexander Turchin, met in Minsk.")
    assert officials(ex) == {"Mikhail Mishustin": ("RUS", "Prime Minister"), "Alexander Turchin": ("BLR", "Prime Minister")}


def test_two_prime_ministers_named_together_are_counterparts(run):
    ex = run("TOKYO, Jan. 5 (Wire) - The agreement was signed by Prime Minister Fumio Kishida and then Prime Minister "
             "Scott Morrison of Australia in January 2022.", published="2024-09-05")
    assert officials(ex)["Fumio Kishida"][0] == "JPN"


def test_post_nominals_end_a_name(run):
    ex = run("Australian ministers met the Hon. Richard Marles MP, Deputy Prime Minister of Australia, in Tokyo.")
    assert officials(ex)["Richard Marles"] == ("AUS", "Deputy Prime Minister")


def test_known_leaders_named_without_a_title(run):
    ex = run("Putin and Tokayev signed a joint statement. When Vladimir Putin arrived, Kassym-Jomart Tokayev was "
             "waiting.", published="2024-12-03")
    got = officials(ex)
    assert got["Vladimir Putin"] == ("RUS", "President") and got["Kassym-Jomart Tokayev"] == ("KAZ", "President")


def test_a_rank_alone_takes_the_state_from_the_leaders_table(run):
    ex = run("Assimi Goïta of Mali, Captain Ibrahim Traoré and General Abdourahamane Tiani signed the treaty in "
             "Niamey on 6 July.", published="2024-12-15")
    got = officials(ex)
    assert got["Ibrahim Traoré"] == ("BFA", None) and got["Abdourahamane Tiani"] == ("NER", None)


def test_presidents_each_of_a_state_in_a_list(run):
    ex = run("The summit was attended by Presidents Bassirou Diomaye Faye of Senegal, Faure Gnassingbé of Togo, "
             "Julius Maada Bio of Sierra Leone, Adama Barrow of The Gambia and Umaro Sissoco Embaló of Guinea-Bissau.",
             published="2024-12-15")
    got = officials(ex)
    assert {n: got[n] for n in got} == {
        "Bassirou Diomaye Faye": ("SEN", "President"), "Faure Gnassingbé": ("TGO", "President"),
        "Julius Maada Bio": ("SLE", "President"), "Adama Barrow": ("GMB", "President"),
        "Umaro Sissoco Embaló": ("GNB", "President")}


def test_a_suffix_stays_in_the_name_and_the_table_still_knows_him(run):
    ex = run("The agreement was signed by Secretary of National Defense Gilberto C. Teodoro Jr. and then Foreign "
             "Minister Yoko Kamikawa. President Ferdinand R. Marcos Jr. welcomed it.", published="2024-11-15")
    got = officials(ex)
    assert got["Gilberto C. Teodoro Jr."][1] == "Secretary of National Defense"
    assert got["Ferdinand R. Marcos Jr."] == ("PHL", "President") and got["Yoko Kamikawa"][0] == "JPN"


@pytest.mark.parametrize("text, name, post", [
    ("The talks were attended by Saudi Foreign Minister Prince Faisal bin Farhan.", "Faisal bin Farhan",
     "Minister of Foreign Affairs"),
    ("Speaker of the Armenian National Assembly Alen Simonyan said the border would open.", "Alen Simonyan",
     "Speaker of the National Assembly"),
])
def test_a_style_before_the_name_is_not_the_post_and_speakers_are_officials(run, text, name, post):
    assert officials(run(text, published="2025-03-04"))[name][1] == post


@pytest.mark.parametrize("text", [
    "Saudi Crown Prince Receives Lebanese President Aoun in Riyadh",
    "He was welcomed at King Khalid International Airport by the Saudi ambassador.",
])
def test_headline_verbs_and_places_named_after_people_are_not_officials(run, text):
    assert not {n for n in officials(run(text, published="2025-03-04"))} - {"Aoun"}


def test_the_two_countries_ministers_one_each(run):
    ex = run("Kyrgyz President Sadyr Japarov and Tajik President Emomali Rahmon signed the treaty. The two countries' "
             "foreign ministers, Zheenbek Kulubaev and Sirojiddin Muhriddin, also signed an agreement.",
             published="2025-03-13")
    got = officials(ex)
    assert got["Zheenbek Kulubaev"] == ("KGZ", "Minister of Foreign Affairs")
    assert got["Sirojiddin Muhriddin"] == ("TJK", "Minister of Foreign Affairs")


def test_a_known_leader_outside_his_tenure_is_not_assumed(run):
    ex = run("Angela Merkel spoke in Paris.", published="2024-12-03")   # chancellor until 2021-12
    assert "Angela Merkel" not in officials(ex)


def test_a_title_in_the_text_wins_over_the_leaders_table(run):
    ex = run("Former president Donald Trump spoke. Candidate Joe Biden replied.", published="2026-03-01")
    assert officials(ex).get("Joe Biden") is None


def test_a_known_leader_keeps_his_state_when_the_title_names_none(run):
    # the sentence names only the other side; the leaders table says whom Boric serves
    ex = run("The thaw began after President Gabriel Boric met Bolivian officials in La Paz.", published="2024-12-03")
    assert officials(ex)["Gabriel Boric"] == ("CHL", "President")


def test_coordination_across_an_organ_before_the_title(run):
    ex = run("Korean President Park Ji-hoon later met Vietnamese Prime Minister Hoang Van Nam and National Assembly "
             "Chairman Tran Quoc Tuan.", published="2024-08-29")
    assert officials(ex)["Tran Quoc Tuan"][0] == "VNM"


def test_the_one_met_at_a_visitors_destination_is_its_host(run):
    ex = run("Cypriot President Andreas Nikolaou travelled to Beirut to press Prime Minister Karim Haddad for tighter "
             "controls, as boats of Syrian refugees kept arriving.", published="2024-04-10")
    assert officials(ex)["Karim Haddad"] == ("LBN", "Prime Minister")


def test_a_visitor_is_not_of_the_place_visited(run):
    ex = run("Lebanon and Cyprus disagree. Foreign Minister Petros Ioannou visited Beirut in March, said the "
             "Cypriot daily.", published="2025-04-10")
    assert officials(ex)["Petros Ioannou"][0] != "LBN"


def test_the_leaders_table_covers_foreign_and_defence_ministers(run):
    from diplograph.extract.lexicon import leader_state
    assert leader_state("Hakan Fidan", "2024-11-26") == "TUR"
    assert leader_state("Hakan Fidan", "2020-01-10") == "TUR"     # outside his tenure: still the one state he served
    assert leader_state("Ayman Safadi", "2025-02-13") == "JOR"


def test_an_envoy_for_a_region_keeps_the_region_and_not_the_presidents_office(run):
    ex = run("Mr. Mark Ellis, Special Envoy of the President of the United States for the Middle East, arrived.")
    assert officials(ex)["Mark Ellis"] == ("USA", "Special Envoy for the Middle East")


def test_respective_ministers_of_the_two_countries(run):
    ex = run("Kenyan President Samuel Otieno called Ethiopian Prime Minister Dawit Bekele on Tuesday. On Monday, the "
             "foreign ministers of the two countries, Amina Waweru and Tesfaye Girma, discussed by phone the agenda.",
             published="2024-08-14")
    got = officials(ex)
    assert {got["Amina Waweru"][0], got["Tesfaye Girma"][0]} == {"ETH", "KEN"}
    assert got["Amina Waweru"][1] == "Minister of Foreign Affairs"


@pytest.mark.parametrize("text", [
    "Commodore Jay Tarriela, the Philippine Coast Guard's spokesman for the West Philippine Sea, rejected the account.",
    "Philippine Coast Guard spokesman for the West Philippine Sea Jay Tarriela rejected the account.",
])
def test_a_spokesman_of_a_body_for_a_sea_keeps_the_region_in_the_post(run, text):
    [o] = run(text).officials
    assert (o.name, o.state, o.post) == ("Jay Tarriela", "PHL", "Spokesperson of the Coast Guard for the West Philippine Sea")


def test_his_two_demonyms_counterparts_one_each(run):
    got = officials(run("Eritrea's President Isaias Afwerki hosted his Egyptian and Somali counterparts, Abdel Fattah "
                        "al-Sisi and Hassan Sheikh Mohamud, for a summit in Asmara.", published="2024-10-16"))
    assert got["Abdel Fattah al-Sisi"] == ("EGY", "President") and got["Hassan Sheikh Mohamud"] == ("SOM", "President")


@pytest.mark.parametrize("text, name, state", [
    ("The summit lasted two hours. Foreign Minister Iwaya Takeshi accompanied the prime minister.", "Iwaya Takeshi", "JPN"),
    ("The reaction from Moscow was predictable. Foreign Ministry spokeswoman Maria Zakharova called the Estonian move a "
     "provocation.", "Maria Zakharova", "RUS"),
])
def test_the_table_knows_family_name_first_and_spokespeople(run, text, name, state):
    assert officials(run(text, published="2025-02-20"))[name][0] == state


def test_then_hyphen_title_is_read(run):
    ex = run("The leaders last met when then-Prime Minister Fumio Kishida hosted them in Tokyo.", published="2025-11-20")
    o = {x.name: x.post for x in ex.officials}
    assert o == {"Fumio Kishida": "Prime Minister"}


def test_capitalised_bin_closes_a_chinese_name(run):
    ex = run("Chinese defense ministry spokesperson Jiang Bin warned Manila on Monday.", published="2025-08-13")
    assert [(x.name, x.state) for x in ex.officials] == [("Jiang Bin", "CHN")]


def test_chinese_head_of_government_is_premier(run):
    ex = run("Chinese Premier Li Qiang met Japanese Prime Minister Shigeru Ishiba in Vientiane.", published="2024-10-10")
    assert {x.name: x.post for x in ex.officials} == {"Li Qiang": "Premier", "Shigeru Ishiba": "Prime Minister"}


def test_a_given_name_standing_alone_names_the_one_long_name_it_opens(run):
    ex = run("Ethiopian Foreign Minister Taye Atske Selassie met Somali Foreign Minister Ahmed Moalim Fiqi in Ankara "
             "on 1 July. In late August, Taye warned that Egypt must not send troops to Somalia.", published="2024-09-10")
    s = [a for a in ex.acts if a.type == "Statement"]
    assert len(s) == 1 and s[0].persons == ["Taye Atske Selassie"]


def test_a_known_leader_is_found_whether_or_not_the_name_is_hyphenated(run):
    ex = run("The summit would have brought together Japan's leaders and President Lee Jae Myung.", published="2025-11-25")
    assert {(x.name, x.state) for x in ex.officials} == {("Lee Jae Myung", "KOR")}
