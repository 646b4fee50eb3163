"""Unseen records whose names begin with Latin letters beyond ASCII (session 8): a Czechoslovak
Secretariat record (Široký, Š. Bašťovanský, Čepička), Polish minutes, Chinese–Vietnamese minutes
(Lê Duẩn, Võ Nguyên Giáp, Đỗ Mười, then "Comrade Duẩn"), a Soviet diary with Ş. Saracoğlu, a record
of conversation with J. Łukasiewicz named after an office and its place, Word exports with
capitals labels such as RÁKOSI: and BODNĂRAȘ:, and a participants line with the side first
("From the Romanian side took part:"). Then a diary's record on a Wilson page with a funding line
and a reporting clause inside what it reports ("We, declared Trinh, will …"); the newer Wilson page
with no fields before its transcript; Markdown's footnotes; an editor's aside in brackets.
"""

from __future__ import annotations

from conftest import RECORDS
from tei import tei, text_of, xp

import pytest

from tei_encoder import letters
from tei_encoder.header import people, title
from tei_encoder.reader import speech

RECORD = {path.stem: path for path in RECORDS}


def record(stem: str):
    return tei(RECORD[stem].read_bytes(), RECORD[stem].name)


def person_names(root, ident: str) -> list[str]:
    return [text_of(name) for name in xp(root, f"//t:particDesc//t:person[@xml:id='{ident}']/t:persName")]


def refs(root, text: str) -> list[str]:
    return [name.get("ref") for name in xp(root, "//t:body//t:persName") if text_of(name) == text]


# -- the letter classes

def test_the_upper_class_holds_every_latin_and_cyrillic_capital_and_no_small_letter() -> None:
    import re

    upper, lower = re.compile(rf"[{letters.UPPER}]"), re.compile(rf"[{letters.LOWER}]")
    for letter in "AZŠČŁŚŻŞİĐÁŐŰĂȘȚÂÎÝŽ":
        assert upper.fullmatch(letter) and not lower.fullmatch(letter), letter
    for letter in "azšřłśżşđáőűășțâîýžßı":
        assert lower.fullmatch(letter) and not upper.fullmatch(letter), letter
    latin = [chr(c) for c in range(0x00C0, 0x0250)] + [chr(c) for c in range(0x1E00, 0x1F00)]
    assert all(bool(upper.fullmatch(c)) == c.isupper() for c in latin)
    cyrillic = [chr(c) for c in range(0x0400, 0x0500)]  # a Russian transcript's names (session 10)
    assert all(bool(upper.fullmatch(c)) == c.isupper() for c in cyrillic) and upper.fullmatch("Ж")
    assert lower.fullmatch("ж") and not upper.fullmatch("Ω") and not upper.fullmatch("1")  # Greek and digits stay out


# -- wilson_47: Široký, Š. Bašťovanský, Comrade Čepička

def test_a_listed_name_with_a_capital_outside_ascii_is_a_person() -> None:
    root = record("wilson_47_czech_record_diacritic_names")
    assert refs(root, "V. Široký") == ["#siroky"]
    assert refs(root, "Š. Bašťovanský") == ["#bastovansky"]
    assert refs(root, "Široký") == ["#siroky"]  # "Comrades Novotný and Široký" in the resolution


def test_a_reporting_subject_with_a_capital_outside_ascii_speaks() -> None:
    root = record("wilson_47_czech_record_diacritic_names")
    said = xp(root, "//t:said[@who='#siroky']")
    assert len(said) == 1 and text_of(said[0]).startswith("the government would prepare a statement")
    assert refs(root, "Comrade Čepička") == ["#cepicka"]


# -- soviet_43 and soviet_44: an initial outside ASCII; a party after an office and its place

def test_an_initial_outside_ascii_belongs_to_the_name() -> None:
    root = record("soviet_43_reception_turkish_names_diacritics")
    head = xp(root, "//t:body//t:head")[1]
    assert [text_of(name) for name in xp(head, ".//t:persName")] == ["Ş. Saracoğlu"]
    assert person_names(root, "saracoglu")[0] == "Ş. Saracoğlu"


def test_a_heading_party_after_an_office_with_its_place_is_named() -> None:
    heading = ("Record of conversation of the People's Commissar of Foreign Affairs of the USSR M. M. Litvinov "
               "with the Ambassador of Poland in France J. Łukasiewicz")
    assert title.parties(heading) == ["M. M. Litvinov", "J. Łukasiewicz"]
    # a circumstance after the last party still goes
    assert title.parties("Minutes of Conversation between Zhou Enlai and Kim Il Sung in Pyongyang on 5 June 1950") == [
        "Zhou Enlai", "Kim Il Sung"]
    # a diary's reception names its visitor
    assert title.parties("Reception of the ambassador of Iran in the USSR M. Saed") == ["M. Saed"]
    root = record("soviet_44_polish_ambassador_initial_L_stroke")
    assert person_names(root, "lukasiewicz")[0] == "J. Łukasiewicz"
    said = xp(root, "//t:said[@who='#lukasiewicz']")
    assert [text_of(s) for s in said] == ["Warsaw did not see any need for new obligations."]


# -- wilson_49: Vietnamese names

def test_a_vietnamese_name_is_read_family_name_first() -> None:
    root = record("wilson_49_vietnamese_names_comrade_labels")
    assert [sp.get("who") for sp in xp(root, "//t:sp")] == ["#le", "#zhou", "#vo", "#liu"]
    assert person_names(root, "do") == ["Đỗ Mười"]  # one form: no "Mười" split off by the subject scan
    said = xp(root, "//t:said[@who='#do']")
    assert len(said) == 1 and text_of(said[0]).startswith("the question of rice")


def test_a_vietnamese_person_is_called_by_the_given_name() -> None:
    root = record("wilson_49_vietnamese_names_comrade_labels")
    assert refs(root, "Comrade Duẩn") == ["#le"]
    assert refs(root, "General Giáp") == ["#vo"]
    assert not xp(root, "//t:person[@xml:id='duan' or @xml:id='giap']")


def test_only_vietnamese_family_names_lend_the_given_name_to_the_person() -> None:
    registry = people.Registry()
    le, zhou = registry.mention("Lê Duẩn"), registry.mention("Zhou Enlai")
    assert (le, zhou) == ("le", "zhou")
    assert registry.resolve("Comrade Duan") == "le"  # folded: the same name without its marks
    assert registry.resolve("Enlai") is None  # a Chinese name is called by the family name
    assert registry.resolve("Zhou") == "zhou"


def test_the_subject_scan_reads_words_of_any_latin_letters() -> None:
    assert speech.reporting_subjects("Đỗ Mười said that the rice was urgent.") == ["Đỗ Mười"]
    assert speech.reporting_subjects("Then Łukasiewicz replied that Warsaw saw no need.") == ["Łukasiewicz"]


# -- word_43 and word_44: capitals labels with accents; the side before the verb

@pytest.mark.parametrize("stem, label, who", [
    ("word_43_hungarian_caps_labels_accented", "RÁKOSI:", "#rakosi"),
    ("word_43_hungarian_caps_labels_accented", "GERŐ:", "#gero"),
    ("word_44_romanian_caps_labels_comma_below", "BODNĂRAȘ:", "#bodnaras"),
    ("word_44_romanian_caps_labels_comma_below", "BÂRLĂDEANU:", "#barladeanu"),
])
def test_a_capitals_label_with_accents_is_its_persons_turn(stem: str, label: str, who: str) -> None:
    root = record(stem)
    turns = [sp for sp in xp(root, "//t:sp") if text_of(xp(sp, "t:speaker")[0]) == label]
    assert turns and all(sp.get("who") == who for sp in turns)


@pytest.mark.parametrize("line", [
    "From the Romanian side took part: Ion Maurer, Emil Bodnăraș.",
    "On the Soviet side were present: N. S. Khrushchev, A. I. Mikoyan.",
    "Took part from the Polish side: W. Gomułka, J. Cyrankiewicz.",
])
def test_a_participants_line_may_put_the_side_first(line: str) -> None:
    root = tei(f"RECORD OF CONVERSATION\n\n{line}\n\nThe talks began at noon.\n")
    listed = xp(root, "//t:particDesc//t:person")
    assert len(listed) == 2 and all(person.get("role") == "attendant" for person in listed)


def test_the_side_first_line_names_everyone_it_lists() -> None:
    root = record("word_44_romanian_caps_labels_comma_below")
    assert person_names(root, "barladeanu")[0] == "Alexandru Bârlădeanu"
    assert refs(root, "A. I. Mikoyan") == ["#mikoyan"] and refs(root, "Iu. V. Andropov") == ["#andropov"]


def test_names_are_compared_without_their_marks() -> None:
    # the person ids of the records above are the names folded to ASCII, as for any name
    assert people.slug(people.parse_name("Š. Bašťovanský").surname) == "bastovansky"
    assert people.slug(people.parse_name("Đỗ Mười").surname) == "do"


# -- wilson_50: a diary's record on a Wilson page with a funding line, a heading over two blocks,
# a reporting clause inside what it reports, the office a blank line above the signature

def test_a_funding_line_under_the_title_is_the_pages_not_the_titles() -> None:
    root = record("wilson_50_diary_funder_line_inverted_reporting")
    assert "MacArthur" not in text_of(xp(root, "//t:titleStmt/t:title")[0])
    assert [text_of(f) for f in xp(root, "//t:titleStmt/t:funder")] == ["the MacArthur Foundation"]
    kept = [text_of(n) for n in xp(root, "//t:sourceDesc//t:note[@type='boilerplate']")]
    assert kept == ["This document was made possible with support from the MacArthur Foundation"]
    normalization = text_of(xp(root, "//t:normalization")[0])
    assert "funding acknowledgement" in normalization and "masthead" not in normalization


def test_a_heading_cut_after_a_linking_word_goes_on_in_the_next_block() -> None:
    root = record("wilson_50_diary_funder_line_inverted_reporting")
    assert len(xp(root, "//t:body/t:div")) == 1  # one document: the diary's heading and the record's
    heads = [text_of(h) for h in xp(root, "//t:body//t:head")]
    assert heads == ["Diary of Shcherbakov I.S.",
                     "RECORD OF CONVERSATION with DRV Minister of Foreign Affairs Nguyen Duy Trinh"]


def test_a_name_printed_family_name_first_ends_a_headings_office() -> None:
    root = record("wilson_50_diary_funder_line_inverted_reporting")
    assert person_names(root, "nguyen")[0] == "Nguyen Duy Trinh"
    assert refs(root, "Trinh") == ["#nguyen"]  # called by the given name
    assert title.parties("Record of Conversation between Mao Zedong and the Minister of Foreign Affairs Chen Yi") == [
        "Mao Zedong", "Chen Yi"]


def test_a_reporting_clause_inside_what_it_reports_makes_two_said() -> None:
    root = record("wilson_50_diary_funder_line_inverted_reporting")
    paragraph = next(p for p in xp(root, "//t:body//t:p") if text_of(p).startswith("We, declared"))
    said = xp(paragraph, "t:said")
    assert [s.get("who") for s in said] == ["#nguyen", "#nguyen"]
    assert text_of(said[0]) == "We"
    assert text_of(said[1]).startswith("will not begin talks") and text_of(said[1]).endswith("unconditionally.")
    assert text_of(paragraph) == ("We, declared Nguyen Duy Trinh, will not begin talks while the bombing of the North "
                                  "continues. The Americans must stop the bombing unconditionally.")


@pytest.mark.parametrize("text, said", [
    ("The British – continued Comrade Molotov – only repeat what London says.",
     ["The British", "only repeat what London says."]),
    ("Our answer, said Comrade Molotov, is known.", ["Our answer", "is known."]),
    ("He left. Then, said Comrade Molotov, they came back.", ["Then", "they came back."]),
    ("This is unacceptable, said Comrade Molotov. He then left.", ["This is unacceptable"]),
    ("We will not accept this, Comrade Molotov declared. Then he left.", ["We will not accept this"]),
    ("“We,” said Comrade Molotov, “will not accept this.” He left.", ["“We,”", "“will not accept this.”"]),
])
def test_a_reporting_clause_after_or_inside_what_it_reports(text: str, said: list[str]) -> None:
    root = tei(f"Present: Comrade Molotov.\n\n{text}\n")
    found = xp(root, "//t:body//t:said[@who='#molotov']")
    assert [text_of(s) for s in found] == said
    assert [s.get("direct") for s in found] == ["true" if s.startswith("“") else "false" for s in said]
    assert text_of(xp(root, "//t:body/t:div/t:p")[-1]) == text  # every word, in order


@pytest.mark.parametrize("text", [
    "Mr. Eden's proposal, said Comrade Molotov, was rejected.",  # the sentence starts before a name: not read
    "Eden asked, continued Comrade Molotov, Why?",  # what follows opens a new sentence
])
def test_no_clause_read_where_its_sentence_is_not_plain_text(text: str) -> None:
    root = tei(f"Present: Comrade Molotov, Mr. Eden.\n\n{text}\n")
    assert not xp(root, "//t:body//t:said[@who='#molotov']")


def test_an_office_a_blank_line_above_the_name_heads_the_signature() -> None:
    root = record("wilson_50_diary_funder_line_inverted_reporting")
    signed = xp(root, "//t:closer/t:signed")
    assert len(signed) == 1 and text_of(signed[0]) == "Ambassador of the USSR in the DRV I. Shcherbakov"
    assert not [p for p in xp(root, "//t:body//t:p") if text_of(p).startswith("Ambassador")]


# -- wilson_51: the newer page, with no fields between its title and the transcript

def test_the_newer_page_is_a_wilson_page() -> None:
    from tei_encoder import families
    from tei_encoder.source import source_from_bytes

    path = RECORD["wilson_51_newer_page_no_fields_before_transcript"]
    ranked = families.ranked(source_from_bytes(path.read_bytes(), path.name))
    assert ranked[0][0].name == "wilson-center" and ranked[0][1] - ranked[1][1] >= 0.2


def test_the_transcript_starts_after_the_title_and_its_funding_line() -> None:
    root = record("wilson_51_newer_page_no_fields_before_transcript")
    assert text_of(xp(root, "//t:titleStmt/t:title")[0]) == "Discussion between Zhou Enlai and Pham Van Dong"
    assert [text_of(f) for f in xp(root, "//t:titleStmt/t:funder")] == ["the Henry Luce Foundation"]
    assert [sp.get("who") for sp in xp(root, "//t:sp")] == ["#zhou", "#pham", "#zhou"]
    body = text_of(xp(root, "//t:body")[0])
    assert "Skip to content" not in body and "Document Information" not in body and "Record ID" not in body


def test_the_newer_pages_closing_fields_and_translator_go_to_the_header() -> None:
    root = record("wilson_51_newer_page_no_fields_before_transcript")
    fields = {note.get("n"): text_of(note) for note in xp(root, "//t:sourceDesc//t:note[@type='field']")}
    assert fields["Record ID"] == "112196" and fields["Type"] == "Minutes of Conversation"
    credits = xp(root, "//t:titleStmt/t:respStmt[t:resp='translation']/t:persName")
    assert [text_of(name) for name in credits] == ["Qiang Zhai"]


# -- other_38: Markdown's footnotes

def test_markdown_footnotes_are_notes_at_their_anchors() -> None:
    root = record("other_38_markdown_export_caret_footnotes")
    notes = xp(root, "//t:body//t:note[@place='foot']")
    assert [n.get("n") for n in notes] == ["1", "2", "3"]
    assert text_of(notes[1]) == "The delegation arrived by air from Tashkent on 1 November."
    assert xp(notes[1], "parent::t:p/parent::t:sp[@who='#khrushchev']")
    assert "[^" not in text_of(xp(root, "//t:body")[0])
    assert xp(root, "//t:person[@xml:id='nu']/t:birth/@when") == ["1907"]


# -- wilson_48: an editor's aside in brackets after the last turn

def test_an_editors_aside_in_brackets_ends_the_turn() -> None:
    root = record("wilson_48_polish_minutes_cde_labels")
    last = xp(root, "//t:body/t:div/*[last()]")[0]
    assert etree_name(last) == "p" and text_of(last) == "[The meeting was interrupted at 11:30.]"
    assert [sp.get("who") for sp in xp(root, "//t:sp")][-1] == "#gomulka"


@pytest.mark.parametrize("aside, in_turn", [
    ("[The conversation continued over lunch.]", False),
    ("[Laughter]", True),  # a bare direction: the speaker's turn goes on
    ("[Translator's note: the word used is obscure.]", True),
    ("[Remainder of the speech not translated]", False),
])
def test_which_bracketed_blocks_end_a_turn(aside: str, in_turn: bool) -> None:
    root = tei(f"Present: Comrade Molotov, Mr. Eden.\n\nMolotov: We agree.\n\n{aside}\n\nEden: Good.\n\nMolotov: Fine.\n")
    first_turn = xp(root, "//t:sp")[0]
    assert (aside.strip("[]") in text_of(first_turn)) is in_turn


def etree_name(element) -> str:
    from lxml import etree

    return etree.QName(element).localname


def test_a_titled_variant_is_the_form_printed_not_its_first_word() -> None:
    root = record("wilson_51_newer_page_no_fields_before_transcript")
    assert person_names(root, "ho") == ["Ho Chi Minh", "Comrade Ho Chi Minh"]  # not "Comrade Ho"


# -- word_45: a participants table of two columns

def test_a_participants_tables_row_is_one_person_a_column() -> None:
    root = record("word_45_table_participants_two_columns")
    ids = [person.get("{http://www.w3.org/XML/1998/namespace}id") for person in xp(root, "//t:particDesc//t:person")]
    assert {"khrushchev", "mao", "suslov", "liu", "gromyko", "zhou"} <= set(ids)
    row = xp(root, "//t:list[@type='participants']/t:item")[2]
    assert [(name.get("ref"), text_of(name)) for name in xp(row, "t:persName")] == [
        ("#suslov", "M. A. Suslov"), ("#liu", "Liu Shaoqi")]


@pytest.mark.parametrize("entry, cells", [
    ("N. S. Khrushchev Mao Zedong", ["N. S. Khrushchev", "Mao Zedong"]),
    ("V. M. Molotov A. Y. Vyshinsky", ["V. M. Molotov", "A. Y. Vyshinsky"]),
    ("Charles E. Bohlen", ["Charles E. Bohlen"]),
    ("Ambassador Charles E. Bohlen", ["Ambassador Charles E. Bohlen"]),  # a title, no column
    ("Mr. Charles E. Bohlen", ["Mr. Charles E. Bohlen"]),  # "Mr." is no initial
    ("Mr. Livingston T. Merchant", ["Mr. Livingston T. Merchant"]),
    ("Soviet side Chinese side", ["Soviet side Chinese side"]),
    ("V. M. Molotov, A. Y. Vyshinsky", ["V. M. Molotov, A. Y. Vyshinsky"]),  # a list: split elsewhere
])
def test_table_cells(entry: str, cells: list[str]) -> None:
    from tei_encoder.reader.block_rules.participants import table_cells

    assert table_cells(entry) == cells


def test_the_reading_page_shows_the_funder_and_the_pages_own_field_labels(tmp_path) -> None:
    from lxml import html as lxml_html

    from tei_encoder.pipeline import encode_bytes
    from tei_encoder.render import render_site

    path = RECORD["wilson_51_newer_page_no_fields_before_transcript"]
    tei_dir = tmp_path / "tei"
    tei_dir.mkdir()
    (tei_dir / f"{path.stem}.xml").write_bytes(encode_bytes(path.read_bytes(), path.name))
    render_site(sorted(tei_dir.glob("*.xml")), tmp_path / "site")
    page = lxml_html.parse(str(tmp_path / "site" / f"{path.stem}.html")).getroot()
    rows = {"".join(dt.itertext()).strip(): "".join(dt.getnext().itertext()).strip() for dt in page.iter("dt")}
    assert rows["Funded by"] == "the Henry Luce Foundation"
    assert rows["Record ID"] == "112196" and rows["Original Uploaded Date"] == "2011-11-20"
    assert "Field" not in rows


def test_a_newer_page_without_its_date_line_still_has_title_and_transcript() -> None:
    page = ("Discussion between Zhou Enlai and Pham Van Dong\n\n"
            "This document was made possible with support from the Henry Luce Foundation\n\n"
            "Zhou Enlai: The Americans want to use the talks to divide us.\n\nPham Van Dong: We understand this.\n")
    root = tei(page)
    assert text_of(xp(root, "//t:titleStmt/t:title")[0]) == "Discussion between Zhou Enlai and Pham Van Dong"
    assert [sp.get("who") for sp in xp(root, "//t:sp")] == ["#zhou", "#pham"]


def test_an_older_pages_title_over_two_blocks_still_comes_before_its_fields() -> None:
    page = ("March 3, 1967\nFrom the Diary of Shcherbakov\n\nRecord of Conversation with Nguyen Duy Trinh\n\n"
            "Citation:\n\n\"From the Diary\", March 3, 1967, Wilson Center Digital Archive, AVP RF, f. 079.\n\n"
            "Summary:\n\nTrinh informs the ambassador.\n\nI visited Nguyen Duy Trinh at his request.\n")
    root = tei(page)
    assert text_of(xp(root, "//t:titleStmt/t:title")[0]) == (
        "From the Diary of Shcherbakov Record of Conversation with Nguyen Duy Trinh")
    assert text_of(xp(root, "//t:body")[0]).split() == "I visited Nguyen Duy Trinh at his request.".split()
