"""Unseen records of session 15, round 2 (Soviet selections), after records written blind: a stenogram's
label in capitals with a full stop typed for the record's colon (``HEYWOOD. The question …``); the meeting
as the subject of a passive verb (``The meeting was interrupted at … and resumed at …``) ending a turn;
archival references spelled out, the archive's name expanded in parentheses and the copy described after
them; a dateline with the same date in another calendar (``5 March 1921 (5 Mart 1337)``) and with the
Old Style's day before the New Style's (``1 (14) February 1918``); an office label (``The Minister:``)
that is the party the heading gives the office; a telegram's routing line (``To Kabul. Sent …``) naming
a place; the site's links between documents under the page (``Home Page | Previous | Next``).
"""

from __future__ import annotations

from tei import SOVIET_SITE, record, tei, xp

from tei_encoder.header import archive, dates

SOURCE = "\n\nAVP RF. F. 06. Op. 2. P. 14. D. 160. L. 7–8. Copy.\n"


def page(body: str, source: str = SOURCE):
    return tei(SOVIET_SITE + "Download PDF\n\n\n" + body + source, "probe.txt")


def person_ids(root) -> list[str]:
    return xp(root, "//t:listPerson/t:person/@xml:id")


def speakers(root) -> list[str]:
    return [sp.get("who") for sp in xp(root, "//t:sp")]


def body_text(root) -> str:
    return " ".join(" ".join(p.itertext()) for p in xp(root, "//t:body//t:p"))


# -- a full stop typed for the colon

STENOGRAM = ("RECORD OF THE MEETING OF THE MILITARY MISSIONS\n\n14 August 1939\n\nTop secret\n\n"
             "Present: Marshal K. E. Voroshilov; Admiral R. Drax; Major-General T. G. G. Heywood.\n\n"
             "VOROSHILOV: Will Soviet troops be allowed to pass?\n\n"
             "DRAX: We have no answer yet.\n\n"
             "HEYWOOD. The question is a political one.\n\n"
             "VOROSHILOV: Quite right.\n\n"
             "HEYWOOD: May I return to the question of Romania?")


def test_a_capitals_label_with_a_full_stop_is_a_turn_when_the_record_uses_the_name_with_a_colon() -> None:
    root = page(STENOGRAM)
    assert speakers(root) == ["#voroshilov", "#drax", "#heywood", "#voroshilov", "#heywood"]


def test_a_capitals_word_with_a_full_stop_the_record_never_labels_stays_text() -> None:
    root = page(STENOGRAM.replace("HEYWOOD: May I", "DRAX: May I"))
    assert speakers(root) == ["#voroshilov", "#drax", "#voroshilov", "#drax"]


# -- the meeting in the passive

def test_the_meeting_as_subject_of_a_passive_verb_ends_the_turn() -> None:
    root = page("RECORD OF THE MEETING OF THE MILITARY MISSIONS\n\n14 August 1939\n\n"
                "VOROSHILOV: Please.\n\nThe meeting was interrupted at 10 h. 40 min. and resumed at 11 h. 05 min.\n\n"
                "DRAX: Our missions have consulted.")
    turns = [" ".join(sp.itertext()) for sp in xp(root, "//t:sp")]
    assert not [turn for turn in turns if "interrupted" in turn]
    assert "The meeting was interrupted" in body_text(root)


def test_a_speaker_saying_what_was_done_keeps_the_turn() -> None:
    root = page("RECORD OF THE MEETING OF THE MILITARY MISSIONS\n\n14 August 1939\n\n"
                "VOROSHILOV: Please.\n\nWe were told that the meeting was interrupted.\n\nDRAX: Our missions have consulted.")
    assert "We were told" in " ".join(" ".join(sp.itertext()) for sp in xp(root, "//t:sp"))


# -- archival references spelled out

def test_a_spelled_out_reference_with_the_archive_expanded_and_the_copy_described_is_a_reference() -> None:
    line = ("AP RF (former Archive of the Politburo of the CC CPSU), fund 3, inventory 64, file 676, "
            "sheets 74–96. Typewritten copy with corrections by K. E. Voroshilov.")
    assert archive.split(line) == archive.Reference(
        "AP RF (former Archive of the Politburo of the CC CPSU)",
        "fund 3, inventory 64, file 676, sheets 74–96. Typewritten copy with corrections by K. E. Voroshilov")
    assert archive.is_reference("Archive of the Foreign Policy of the Russian Federation, fond 94, opis 13, papka 15, "
                                "delo 44, listy 1-2. Original in Russian with a French translation attached.")


def test_prose_that_names_a_file_is_no_reference() -> None:
    assert not archive.is_reference("The ambassador said that he had seen the file 3 and the sheets 4 and 5 of it "
                                    "himself, in the archive of the ministry, and that the copy there was not signed "
                                    "by anyone. Original copies were lost in the fire.")


def test_soviet_79_reference_and_site_links() -> None:
    root = record("soviet_79_spelled_out_reference_expanded_archive_site_links")
    assert xp(root, "//t:msIdentifier/t:repository/text()") == [
        "RGASPI (former Central Party Archive of the Institute of Marxism-Leninism)"]
    assert xp(root, "//t:msIdentifier/t:idno/text()")[0].startswith("fund 17, inventory 84, file 436, sheets 9-10")
    assert "Next document" not in body_text(root)
    assert "Back to Index | Previous document | Next document" in xp(root, "//t:note[@type='boilerplate']/text()")


def test_site_links_under_the_page_are_boilerplate() -> None:
    root = page("Record of conversation of V. M. Molotov with M. Gavrilovic\n\n5 April 1941\n\n"
                "Comrade Molotov said that the treaty would be signed tonight.",
                SOURCE + "\nHome Page | Previous | Next\n")
    assert "Previous" not in body_text(root)


def test_a_table_row_at_the_end_stays_text() -> None:
    root = page("Record of conversation of V. M. Molotov with M. Gavrilovic\n\n5 April 1941\n\n"
                "Comrade Molotov said that the treaty would be signed tonight.\n\nRifles | Guns | Tanks",
                "")
    assert "Rifles" in body_text(root)


# -- datelines with another calendar's date

def test_a_dateline_with_the_date_in_another_calendar_dates_the_record() -> None:
    root = page("PROTOCOL No. 5\n\nof the meeting of the Russian-Turkish conference\n\n"
                "Moscow, 5 March 1921 (5 Mart 1337)\n\nSecret\n\nThe meeting opened at 21 h. 15 min.")
    assert xp(root, "//t:creation/t:date/@when") == ["1921-03-05"]


def test_old_style_with_new_style_in_parentheses_is_the_new_style_day() -> None:
    assert [d.when for d in dates.find_dates("its declaration of 14 (27) January 1918 and")] == ["1918-01-27"]
    assert dates.parse_date("19 February (4 March) 1918") == "1918-03-04"
    assert [d.text for d in dates.find_dates("Article 4 (5) May 1920")] == ["May 1920"]  # no calendars' difference


def test_soviet_80_and_81_datelines() -> None:
    assert xp(record("soviet_80_dateline_with_persian_solar_date"), "//t:creation/t:date/@when") == ["1922-06-12"]
    assert xp(record("soviet_81_dateline_old_style_new_style"), "//t:creation/t:date/@when") == ["1918-02-14"]


# -- an office label is the heading's party of that office

def test_an_office_label_is_the_party_the_heading_gives_the_office() -> None:
    root = page("Record of conversation of the deputy people's commissar L. M. Karakhan with the ambassador of "
                "Persia in the USSR Ali-Gholi Khan Ansari\n\n3 September 1927\n\nSecret\n\n"
                "Comrade Karakhan asked whether the note was final.\n\n"
                "The Ambassador (with some heat): There are no third parties in this question.\n\n"
                "Comrade Karakhan: I am glad to hear it.")
    assert speakers(root) == ["#ansari", "#karakhan"]
    assert "ambassador" not in person_ids(root)


def test_an_office_no_party_holds_stays_a_person_of_its_own() -> None:
    root = page("Record of conversation of L. M. Karakhan with Ali-Gholi Khan Ansari\n\n3 September 1927\n\n"
                "The Ambassador: There are no third parties in this question.\n\n"
                "Comrade Karakhan: I am glad to hear it.")
    assert speakers(root)[0] != "#ansari"


def test_soviet_82_office_label() -> None:
    root = record("soviet_82_office_label_party_of_heading")
    assert speakers(root) == ["#aras", "#aras"]
    assert sorted(person_ids(root)) == ["aras", "surits"]


# -- a telegram's routing line

def test_a_telegram_sent_to_a_place_has_no_addressee_person_there() -> None:
    root = page("Telegram of L. M. Karakhan to F. F. Raskolnikov\n\nMay 1922\n\nCIPHERED TELEGRAM No. 1307\n\n"
                "To Kabul. Sent 14.V.22 at 23 h. 10 min.\n\nTop secret\n\n"
                "Kabul, to the plenipotentiary representative Raskolnikov.\n\nDo not state that the subsidy is suspended.")
    assert "kabul" not in person_ids(root)


def test_soviet_83_routing_lines() -> None:
    root = record("soviet_83_telegram_routing_line_destination")
    assert sorted(person_ids(root)) == ["ivanov", "karakhan", "petrov"]


def test_soviet_78_stenogram() -> None:
    root = record("soviet_78_stenogram_full_stop_for_colon_session_interrupted")
    assert speakers(root) == ["#shaposhnikov", "#gunduz", "#smorodinov", "#gunduz", "#shaposhnikov", "#gunduz",
                              "#shaposhnikov"]
    assert "The session was adjourned at 17 h. 10 min." in body_text(root)
    assert not [sp for sp in xp(root, "//t:sp") if "adjourned" in " ".join(sp.itertext())]
