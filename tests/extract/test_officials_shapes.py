"""Officials in less common sentence shapes (own sentences, not from any corpus)."""

from __future__ import annotations


def officials(ex):
    return {o.name: (o.state, o.post) for o in ex.officials}


def test_middle_initial_is_part_of_the_name(run):
    ex = run("Danish Foreign Minister Karen M. Holst arrived in Oslo on Monday.")
    assert officials(ex) == {"Karen M. Holst": ("DNK", "Minister of Foreign Affairs")}


def test_guests_named_by_state_and_name_hold_the_hosts_post(run):
    ex = run("Estonia's Minister of Defence Mart Kask hosted Latvia's Ilze Ozola, Lithuania's Jonas "
             "Petraitis and Poland's Anna Nowak in Tallinn on Friday.")
    got = officials(ex)
    assert got["Ilze Ozola"] == ("LVA", "Minister of Defense")
    assert got["Jonas Petraitis"] == ("LTU", "Minister of Defense")
    assert got["Anna Nowak"] == ("POL", "Minister of Defense")


def test_possessive_name_without_a_host_is_not_an_official(run):
    ex = run("Critics compared the plan to Latvia's Ilze Ozola and her earlier proposals.")
    assert "Ilze Ozola" not in officials(ex)


def test_accompanied_or_joined_by_takes_the_principals_state(run):
    ex = run("Canadian Prime Minister Paul Tremblay held talks in Mexico City with President Rosa Ortega "
             "on Friday.\n\nTremblay was accompanied by Foreign Minister Claire Dubois. Argentina was "
             "mentioned. Argentina was mentioned again.")
    assert officials(ex)["Claire Dubois"] == ("CAN", "Minister of Foreign Affairs")


def test_justified_text_double_spaces_inside_a_name(run):
    ex = run("On  4  June,  Kenyan  Foreign  Minister  Grace  Wanjiru  Otieno  met  the  press.")
    assert officials(ex) == {"Grace Wanjiru Otieno": ("KEN", "Minister of Foreign Affairs")}


def test_senator_is_dropped_from_the_name(run):
    ex = run("Philippine Foreign Secretary Senator Maria Cruz Santos arrived in Hanoi.")
    assert [o.name for o in ex.officials] == ["Maria Cruz Santos"]


def test_letterhead_gives_the_home_state_and_a_heading_state_is_not_a_title_prefix(run):
    ex = run("MINISTRY OF FOREIGN AFFAIRS\nGovernment of Ghana, Accra\nPress Release\n"
             "Deputy Minister concludes visit to Brazil\n"
             "Deputy Minister of Foreign Affairs Kwame Asante concluded his visit to the Federative "
             "Republic of Brazil today.")
    assert officials(ex) == {"Kwame Asante": ("GHA", "Deputy Minister of Foreign Affairs")}


def test_transitional_president_with_a_rank_after_the_comma(run):
    ex = run("The envoy was received by Chad's transitional president, General Idriss Kabore.")
    assert officials(ex) == {"Idriss Kabore": ("TCD", "President")}


def test_officials_of_an_organisation_are_not_state_officials(run):
    ex = run("ECOWAS Commission President Amadou Sow said on Monday that Ghanaian President Kofi Mensah "
             "would attend.")
    assert officials(ex) == {"Kofi Mensah": ("GHA", "President")}


def test_abbreviated_rank_after_the_title(run):
    ex = run("Later, Laotian Defence Minister Gen. Vilay Phommasack and his Thai counterpart, Somchai "
             "Rattana, held a video call.")
    got = officials(ex)
    assert got["Vilay Phommasack"] == ("LAO", "Minister of Defense")
    assert got["Somchai Rattana"] == ("THA", "Minister of Defense")


def test_national_formal_titles_of_heads_of_government(run):
    ex = run("The forum was co-chaired by the President of the Government of Spain, Luis Moreno, and "
             "the Head of Government of the Kingdom of Morocco, Karim Benali.")
    got = officials(ex)
    assert got["Luis Moreno"] == ("ESP", "Prime Minister")
    assert got["Karim Benali"] == ("MAR", "Prime Minister")


def test_secretaries_with_a_portfolio(run):
    ex = run("Mexican Economy Secretary Laura Ruiz met US Treasury Secretary John Hale.")
    got = officials(ex)
    assert got["Laura Ruiz"] == ("MEX", "Secretary of Economy")
    assert got["John Hale"] == ("USA", "Secretary of the Treasury")


def test_lower_case_title_of_a_state_office(run):
    ex = run("TOKYO, May 2 (Kyodo) -- The meeting was postponed, presidential spokesperson Park Ji-won told "
             "reporters. The party's foreign policy spokesman Lee Min disagreed.")
    got = officials(ex)
    assert got["Park Ji-won"][1] == "Spokesperson of the President"
    assert "Lee Min" not in got


def test_the_other_side_of_talks_with_a_titled_mention_is_not_of_its_state(run):
    ex = run("MINISTRY OF FOREIGN AFFAIRS\nGovernment of Ghana, Accra\n\n"
             "Deputy Minister of Foreign Affairs Kwame Asante concluded his visit to Brazil today. "
             "On 3 May, the Deputy Minister held in-depth talks with Foreign Minister Paulo Teixeira. "
             "On 4 May, the Deputy Minister called on Vice President Lucia Prado.")
    got = officials(ex)
    assert got["Kwame Asante"][0] == "GHA"
    assert got["Paulo Teixeira"] == ("BRA", "Minister of Foreign Affairs")
    assert got["Lucia Prado"] == ("BRA", "Vice President")


def test_former_officials_are_left_out_but_then_officials_count(run):
    ex = run("Former Foreign Minister Anna Berg of Sweden criticised the plan. Denmark's former prime "
             "minister Anders Holm agreed. The then Prime Minister Olaf Lund of Norway signed it.")
    assert officials(ex) == {"Olaf Lund": ("NOR", "Prime Minister")}


def test_commander_of_a_states_named_command(run):
    ex = run('Commander of Finland\'s Eastern Command Major General Aki Virtanen said. The drill was led by '
             'Major General Aidos Serikov, commander of Kazakhstan\'s Regional Command "West".')
    got = officials(ex)
    assert got["Aki Virtanen"] == ("FIN", "Commander of Eastern Command")
    assert got["Aidos Serikov"] == ("KAZ", "Commander of Regional Command West")


def test_untitled_leader_named_by_title_once(run):
    ex = run("Anton Volkov took part in the summit, held in Tashkent. The President of Belarus arrived "
             "on a working visit.\n\nBefore the summit, Anton Volkov met the hosts. On Friday, Anton Volkov "
             "flew home.")
    assert officials(ex)["Anton Volkov"] == ("BLR", "President")


def test_a_recurring_name_without_a_leader_title_is_no_official(run):
    ex = run("Anton Volkov wrote the report. Later, Anton Volkov added a chapter. Anton Volkov is a "
             "historian.")
    assert ex.officials == []


def test_minister_in_charge_of_a_field(run):
    ex = run("The Laotian side was led by Somsak Vong, Minister in charge of State Water Affairs, on Monday.")
    assert officials(ex)["Somsak Vong"] == ("LAO", "Minister of State Water Affairs")


def test_adviser_to_a_states_ministry_is_an_official_but_a_think_tank_adviser_is_not(run):
    ex = run("The Lao side was headed by Khamphet Sisouk, an adviser to the Lao Ministry of Foreign Affairs, "
             "on Monday. John Smith, an adviser at a Bangkok think tank, said talks went well.")
    assert officials(ex) == {"Khamphet Sisouk": ("LAO", "Adviser to the Ministry of Foreign Affairs")}
