"""Unseen records of session 15 (Soviet selections), after records written blind: a diary whose reporting
subject follows a full title that ends a sentence (``… than his Minister. He said that …``) and a newspaper
cited as saying; a chain of telegrams numbered ``I``, ``II``, ``III`` and each signed by a surname alone; a
printed volume's page (its number over its running head) turning in mid-sentence; turns labelled by an
initial and its full stop (``M.:``); a protocol's staff lists (``Experts:``, ``Secretaries:``) under
``Present:``.
"""

from __future__ import annotations

from tei import SOVIET_SITE, record, tei, text_of, xp

SOURCE = "\n\nAVP RF. F. 06. Op. 2. P. 14. D. 160. L. 7–8. Copy.\n"


def page(body: str):
    return tei(SOVIET_SITE + "Download PDF\n\n\n" + body + SOURCE, "probe.txt")


def person_ids(root) -> list[str]:
    return xp(root, "//t:listPerson/t:person/@xml:id")


def speakers(root) -> list[str]:
    return [sp.get("who") for sp in xp(root, "//t:sp")]


# -- a full title's full stop ends a sentence

def test_a_title_written_out_ends_the_sentence_before_a_reporting_pronoun() -> None:
    root = page("Record of conversation of A. Chernykh with Foroughi\n\n9 October 1933\n\nSecret\n\n"
                "Foroughi was more conciliatory than his Minister. He said that the matter could be settled.")
    assert "he" not in person_ids(root)
    assert not [name for name in xp(root, "//t:persName/text()") if "Minister. He" in name]


def test_an_abbreviated_title_still_runs_on_into_the_name() -> None:
    root = page("Record of conversation of A. Chernykh with Gen. Razmara\n\n9 October 1933\n\nSecret\n\n"
                "The talk was short. Gen. Razmara said that the army was ready.")
    assert xp(root, "//t:said/@who") == ["#razmara"]


def test_a_newspaper_cited_as_saying_is_no_person() -> None:
    root = page("Record of conversation of A. Chernykh with Foroughi\n\n9 October 1933\n\nSecret\n\n"
                "Foroughi complained of the press: yesterday's Times, for example, says that Tehran is looking north.")
    assert "times" not in person_ids(root)


def test_soviet_70_diary() -> None:
    root = record("soviet_70_diary_full_title_ends_sentence_newspaper_says")
    assert person_ids(root) == ["chernykh"]
    assert not xp(root, "//t:said")


# -- a chain of numbered telegrams

CHAIN = ("Telegrams of F. A. Rotshtein to the NKID\n\nJune 1921\n\nI\n\nCIPHERED TELEGRAM No. 88\n\n"
         "From Tehran, sent 4.VI.21 at 11 h. 20 min.\n\nSecret\n\nThe Shah received me today.\n\nRotshtein\n\n\n"
         "II\n\nCIPHERED TELEGRAM No. 91\n\nFrom Tehran, sent 7.VI.21 at 16 h. 05 min.\n\nSecret\n\n"
         "Kuchik Khan has sent a man to me.\n\nRotshtein")


def test_a_roman_numeral_under_a_signature_numbers_the_next_telegram() -> None:
    root = page(CHAIN)
    assert not xp(root, "//t:sp")
    assert [[text_of(head) for head in xp(div, "t:head")] for div in xp(root, "//t:div[@type='document']")][-1] == [
        "II", "CIPHERED TELEGRAM No. 91"]
    assert [text_of(closer) for closer in xp(root, "//t:closer")] == ["Rotshtein", "Rotshtein"]


def test_a_numbered_section_of_a_report_is_no_document() -> None:
    root = page("Report of A. Osipov\n\n2 November 1939\n\nTop secret\n\nThe cabinet resigned.\n\n"
                "II\n\nThe trade is growing.")
    assert len(xp(root, "//t:div[@type='document']")) == 1


def test_soviet_71_telegram_chain() -> None:
    root = record("soviet_71_telegram_chain_numbered_signed_by_surname")
    assert not xp(root, "//t:sp")
    heads = [[text_of(head) for head in xp(div, "t:head")] for div in xp(root, "//t:div[@type='document']")]
    assert heads[2:] == [["II", "CIPHERED TELEGRAM No. 91"], ["III", "CIPHERED TELEGRAM No. 1140"]]
    assert [text_of(closer) for closer in xp(root, "//t:closer")] == ["Rotshtein", "Rotshtein", "Chicherin"]


# -- a printed volume's page turning in mid-sentence

def test_a_page_number_over_a_running_head_is_a_page_break_inside_the_sentence() -> None:
    root = page("Record of conversation of M. M. Litvinov with N. Titulescu\n\n21 July 1936\n\nSecret\n\n"
                "Titulescu said that the government had not made the pact depend on\n\n\f\n– 87 –\n"
                "SOVIET-ROMANIAN RELATIONS. 1936\n\nthe Bessarabian question at all.")
    assert xp(root, "//t:p//t:pb/@n") == ["87"]
    assert xp(root, "//t:p//t:fw/text()") == ["– 87 – SOVIET-ROMANIAN RELATIONS. 1936"]
    assert not xp(root, "//t:div[@type='section']")


def test_soviet_72_page_turn() -> None:
    root = record("soviet_72_printed_page_number_over_running_head_mid_sentence")
    assert xp(root, "//t:p//t:pb/@n") == ["87"]
    assert not xp(root, "//t:head[contains(., 'RELATIONS')]")
    paragraph = text_of(xp(root, "//t:p[.//t:pb]")[0])
    assert "depend on" in paragraph and "the Bessarabian question" in paragraph


# -- initials with a full stop as labels

def test_initial_labels_with_a_full_stop_are_turns() -> None:
    root = record("soviet_73_initial_labels_with_full_stop")
    assert speakers(root) == ["#tatekawa", "#molotov", "#tatekawa", "#molotov", "#molotov", "#tatekawa"]
    assert xp(root, "//t:sp[3]/t:speaker/text()") == ["T.:"]


def test_an_initial_no_speaker_has_yet_used_ends_the_turn_before() -> None:
    """``N.:`` (the counsellor Nishi, who never spoke under his name): no guess, but no part of Molotov's turn."""
    root = record("soviet_73_initial_labels_with_full_stop")
    assert not [sp for sp in xp(root, "//t:sp") if "The embassy would be grateful" in text_of(sp)]
    assert xp(root, "//t:p[starts-with(., 'N.:')]")


def test_an_initial_of_several_people_ends_the_turn_before() -> None:
    root = page("Record of conversation of V. M. Molotov with the delegation of Yugoslavia\n\n5 April 1941\n\n"
                "Top secret\n\nPresent: comrades V. M. Molotov, A. A. Sobolev; Bozin Simic, Dragutin Savic.\n\n"
                "MOLOTOV: Through which country will you receive them?\n\nSIMIC: We do not know.\n\n"
                "M.: Through Romania - no.\n\nS.: Through Greece, perhaps.\n\nM.: By air one cannot send much.")
    assert speakers(root) == ["#molotov", "#simic", "#molotov", "#molotov"]
    assert not [sp for sp in xp(root, "//t:sp") if "Greece" in text_of(sp)]


# -- a protocol's staff lists

def test_secretaries_listed_are_no_speaker() -> None:
    root = record("soviet_74_protocol_secretaries_and_experts_lists")
    assert not xp(root, "//t:sp")
    assert "secretaries" not in person_ids(root)


def test_the_minutes_narration_ends_the_participants_list() -> None:
    root = record("soviet_74_protocol_secretaries_and_experts_lists")
    items = xp(root, "//t:list[@type='participants']/t:item")
    assert text_of(items[-1]) == "Secretaries: V. Lavrov, Mirza Mohammad."
    assert xp(root, "//t:p[. = 'The meeting opened at 19 h. 00 min.']")


def test_the_people_of_labelled_lines_under_present_attend() -> None:
    root = record("soviet_74_protocol_secretaries_and_experts_lists")
    attending = set(xp(root, "//t:listPerson[@type='participants']/t:person/@xml:id"))
    assert {"voznesensky", "hadi", "lavrov"} <= attending
