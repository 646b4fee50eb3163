"""Unseen records of session 9: a transcript that declares the short names of its parties
("Khrushchev (hereafter N.S.)") and labels their turns so; a Politburo extract dated by the heading
under its title; a report with no title that opens with its addressee after an office, lists its
copies surname first ("Vyshinsky A.Ya.") and writes its place and date at the foot; Cuban minutes
with Spanish names of two surnames, each followed by an office ("Minister of the Armed Forces"); a cipher
telegram with a cover name identified in brackets ("To Comrade Filippov [Stalin]") and its fields run on in
one line; British Cabinet conclusions (styles and offices around names, a dateline over two lines); working
notes whose turns are labelled with a dash ("Khrushchev - …"); labels holding the translator's brackets
("Chairman [Mao Zedong]:"); a press conference labelled "THE PRESIDENT." and "MR. HAGERTY."; one note with
two biographies.
"""

from __future__ import annotations

from conftest import RECORDS
from tei import tei, text_of, xp

import pytest

from tei_encoder.header import aliases, people
from tei_encoder.reader import opening, persons, speech

RECORD = {path.stem: path for path in RECORDS}


def record(stem: str):
    return tei(RECORD[stem].read_bytes(), RECORD[stem].name)


def refs(root, text: str) -> list[str]:
    return [name.get("ref") for name in xp(root, "//t:body//t:persName") if text_of(name) == text]


def person_ids(root) -> set[str]:
    return {person.get("{http://www.w3.org/XML/1998/namespace}id") for person in xp(root, "//t:particDesc//t:person")}


def creation(root) -> str | None:
    dates = xp(root, "//t:profileDesc/t:creation/t:date")
    return dates[0].get("when") if dates else None


# -- declared short names (word_46)

@pytest.mark.parametrize("text, expected", [
    ("between Nikita Sergeyevich Khrushchev (hereafter N.S.) and Walter Ulbricht (hereafter W.U.), 1960",
     [("Nikita Sergeyevich Khrushchev", "N.S."), ("Walter Ulbricht", "W.U.")]),
    ("talks with Comrade Zhou Enlai (hereinafter referred to as Zhou) on 2 June", [("Comrade Zhou Enlai", "Zhou")]),
    ("Mao Zedong (henceforth – Mao)", [("Mao Zedong", "Mao")]),
])
def test_a_declared_short_name_is_read_with_the_name_before_it(text: str, expected: list[tuple[str, str]]) -> None:
    assert aliases.declared(text) == expected


@pytest.mark.parametrize("text", [
    "the agreement of 1955 (hereafter the Treaty)",      # not a capital: no person's name
    "the Treaty of Friendship (hereafter The Treaty)",   # an article: a thing, not a person
    "Khrushchev (after a pause) said",                   # a direction, no declaration
    "Nikita Khrushchev (N.S.)",                          # no word that declares
])
def test_other_parentheses_declare_no_short_name(text: str) -> None:
    assert aliases.declared(text) == []


def test_a_turn_labelled_with_a_declared_short_name_is_its_persons() -> None:
    root = record("word_46_hereafter_aliases_footnotes")
    turns = [(text_of(sp.find("{http://www.tei-c.org/ns/1.0}speaker")), sp.get("who")) for sp in xp(root, "//t:sp")]
    assert turns == [("N.S.:", "#khrushchev"), ("W.U.:", "#ulbricht"), ("N.S.:", "#khrushchev"),
                     ("W.U.:", "#ulbricht"), ("N.S.:", "#khrushchev")]
    assert not xp(root, "//t:body//t:p[starts-with(., 'N.S.:') or starts-with(., 'W.U.:')]")


def test_the_heading_names_its_parties_around_their_declarations() -> None:
    root = record("word_46_hereafter_aliases_footnotes")
    assert refs(root, "Nikita Sergeyevich Khrushchev") == ["#khrushchev"]
    assert refs(root, "Walter Ulbricht") == ["#ulbricht"]
    assert {"khrushchev", "ulbricht", "gromyko", "winzer"} <= person_ids(root)


def test_a_declared_label_is_a_sure_turn_in_the_trace() -> None:
    from tei_encoder.pipeline import encode
    from tei_encoder.source import source_from_bytes

    path = RECORD["word_46_hereafter_aliases_footnotes"]
    document, _ = encode(source_from_bytes(path.read_bytes(), path.name))
    turns = [d for d in document.trace if d.produced == "sp"]
    assert len(turns) == 5 and all(d.rule == "declared-alias-label" and d.certain for d in turns)


def test_a_serial_comma_before_and_keeps_the_last_name_of_a_list() -> None:
    assert persons.names_in_list("A. A. Gromyko, Otto Winzer, and J. V. Stalin.") == [
        "A. A. Gromyko", "Otto Winzer", "J. V. Stalin"]


# -- a heading under the title dates the record (soviet_45)

def test_a_dated_heading_under_the_title_dates_the_record() -> None:
    root = record("soviet_45_politburo_protocol_heard_decided")
    assert creation(root) == "1940-03-11"
    assert [text_of(head) for head in xp(root, "//t:body//t:head")][:2] == [
        "EXTRACT FROM PROTOCOL No. 14 OF THE SESSION OF THE POLITBURO OF THE CC VKP(b)", "Decision of 11 March 1940"]


# -- an addressee line for a title, copies surname first, the place and date at the foot (soviet_46)

def test_an_addressee_line_at_the_top_is_no_title() -> None:
    root = record("soviet_46_letter_office_before_name_surname_initials")
    assert not xp(root, "//t:body//t:head")
    addressee = xp(root, "//t:body//t:opener/t:seg[@type='addressee']")
    assert [text_of(seg) for seg in addressee] == [
        "To the People's Commissar of Foreign Affairs of the USSR comrade V. M. Molotov"]
    molotov = xp(root, "//t:particDesc//t:person[@xml:id='molotov']")[0]
    assert "addressee" in molotov.get("role").split()


def test_a_signed_paper_without_a_title_is_titled_from_sender_to_addressee() -> None:
    root = record("soviet_46_letter_office_before_name_surname_initials")
    title = xp(root, "//t:titleStmt/t:title")[0]
    assert (title.get("type"), text_of(title)) == ("supplied", "From A. Terent'ev to V. M. Molotov")


@pytest.mark.parametrize("printed, ident", [
    ("Stalin I.V.", "#stalin"), ("Molotov V.M.", "#molotov"), ("Vyshinsky A.Ya.", "#vyshinsky"),
    ("Dekanozov V.G.", "#dekanozov"),
])
def test_a_surname_before_its_initials_is_one_name_with_its_full_stop(printed: str, ident: str) -> None:
    root = record("soviet_46_letter_office_before_name_surname_initials")
    assert refs(root, printed) == [ident]


def test_the_header_keeps_the_full_stop_of_initials_after_a_surname() -> None:
    root = record("soviet_46_letter_office_before_name_surname_initials")
    received = [text_of(name) for name in xp(root, "//t:correspAction[@type='received']/t:persName")]
    assert received == ["V. M. Molotov", "Stalin I.V.", "Vyshinsky A.Ya.", "Dekanozov V.G."]


@pytest.mark.parametrize("surface, shown, surname, forenames", [
    ("Stalin I.V.", "Stalin I.V.", "stalin", ("i", "v")),
    ("Vyshinsky A.Ya.", "Vyshinsky A.Ya.", "vyshinsky", ("a", "y", "a")),
    ("Vyshinsky A. Ya.", "Vyshinsky A. Ya.", "vyshinsky", ("a", "y", "a")),  # was the surname "Ya"
    ("V. M. Molotov.", "V. M. Molotov", "molotov", ("v", "m")),              # a sentence's full stop goes
    ("Mr. Smith.", "Mr. Smith", "smith", ()),
])
def test_initials_after_a_surname_are_forenames_and_keep_their_stop(
        surface: str, shown: str, surname: str, forenames: tuple[str, ...]) -> None:
    name = people.parse_name(surface)
    assert name is not None and (name.shown, name.surname, name.forenames) == (shown, surname, forenames)


def test_the_place_and_date_after_the_copies_list_date_the_record() -> None:
    root = record("soviet_46_letter_office_before_name_surname_initials")
    datelines = xp(root, "//t:div[@type='distribution']/t:closer/t:dateline")
    assert [text_of(line) for line in datelines] == ["Ankara, 5 May 1940"]
    assert creation(root) == "1940-05-05"


# -- Spanish names, offices after names (wilson_52)

@pytest.mark.parametrize("office", ["Minister of the Armed Forces", "Ambassador in Havana",
                                    "Minister of Foreign Relations"])
def test_an_office_with_its_body_or_place_names_no_one(office: str) -> None:
    assert people.parse_name(office) is None


@pytest.mark.parametrize("holder, bare", [
    ("Ambassador of the DPRK Pak Hon Yong", "Pak Hon Yong"),
    ("the chairman of the Youth League Kim Sok", "Kim Sok"),
    ("Deputy Minister of Foreign Affairs of the USSR Comrade A. Ya. Vyshinsky", "A. Ya. Vyshinsky"),
])
def test_an_office_before_a_name_still_names_its_holder(holder: str, bare: str) -> None:
    name = people.parse_name(holder)
    assert name is not None and name.bare == bare


def test_offices_and_places_in_a_present_list_are_no_persons() -> None:
    root = record("wilson_52_cuban_minutes_spanish_names")
    assert not {"forces", "havana", "relations", "kiev"} & person_ids(root)


def test_a_label_with_the_first_of_two_surnames_is_the_listed_person() -> None:
    root = record("wilson_52_cuban_minutes_spanish_names")
    who = {text_of(sp.find("{http://www.tei-c.org/ns/1.0}speaker")): sp.get("who") for sp in xp(root, "//t:sp")}
    assert who["Fidel Castro:"] == refs(root, "Comandante Fidel Castro Ruz")[0]
    assert who["Raúl Castro:"] == refs(root, "Comandante Raúl Castro Ruz")[0]
    assert who["Roa:"] == refs(root, "Dr. Raúl Roa García")[0]
    assert len({who["Fidel Castro:"], who["Raúl Castro:"], who["Roa:"]}) == 3


def test_a_rank_in_spanish_is_a_title_and_a_form_of_address() -> None:
    root = record("wilson_52_cuban_minutes_spanish_names")
    assert refs(root, "Comandante Guevara") == ["#guevara"]


def test_the_first_of_two_surnames_names_a_person_only_as_a_label() -> None:
    registry = people.Registry()
    garcia = registry.mention("Raúl Roa García", role="attendant")
    harrison = registry.mention("Geoffrey Wedgwood Harrison", role="attendant")
    assert registry.mention("Roa", role="speaker") == garcia
    assert registry.resolve("Geoffrey Wedgwood") is None  # given and middle name, in the text
    assert registry.mention("Wedgwood", group="mentioned") != harrison


def test_a_name_after_of_is_no_reporting_subject() -> None:
    assert speech.reporting_subjects("The workers of Kiev asked me about our harvest.") == []
    assert speech.reporting_subjects("Comrade Mikoyan asked me about our harvest.") == ["Comrade Mikoyan"]


# -- a cover name identified in brackets, fields run on in one line, the cipher office's note (soviet_47)

def test_a_cover_name_identified_in_brackets_is_the_person_it_names() -> None:
    root = record("soviet_47_cipher_telegram_pseudonym_brackets")
    assert refs(root, "Comrade Filippov") == ["#stalin"] and refs(root, "Stalin") == ["#stalin"]
    stalin = xp(root, "//t:particDesc//t:person[@xml:id='stalin']")[0]
    names = [text_of(name) for name in stalin.findall("{http://www.tei-c.org/ns/1.0}persName")]
    assert names == ["Stalin", "Comrade Filippov"]  # the cover name is never the main form
    assert "addressee" in stalin.get("role").split()
    assert "filippov" not in person_ids(root)


def test_brackets_after_a_name_elsewhere_identify_no_one() -> None:
    registry = people.Registry()
    found = persons.Persons(registry)
    found.addressees_in("To Comrade Filippov [Stalin]")
    assert registry.resolve("Filippov") == registry.resolve("Stalin") is not None
    other = persons.Persons(people.Registry())
    other.register_text_people(["Comrade Kim [Il Sung] said that the army was ready."])
    assert other.registry.resolve("Il Sung") is None  # brackets completing a name, not an addressee line


def test_fields_run_on_in_one_line_are_each_their_field() -> None:
    items, taken = opening.classify_opening(
        ["From Beijing. Sent 20 January 1950, 02:15. Received 20 January 1950, 08:40.", "Top Secret"])
    assert [(item.kind, item.text, item.same_line) for item in items] == [
        (None, "From Beijing.", False),
        ("despatched", "Sent 20 January 1950, 02:15.", True),
        ("received", "Received 20 January 1950, 08:40.", True),
        ("classification", "Top Secret", False)]
    assert taken == 2  # source lines, not pieces


def test_a_sentence_that_only_mentions_sending_is_not_cut() -> None:
    items, _ = opening.classify_opening(["Sent to Moscow. Received with thanks by the Embassy staff today", "Top Secret"])
    assert items[0].text.startswith("Sent to Moscow. Received")


def test_the_telegrams_despatch_dates_it_and_its_sender_signs() -> None:
    root = record("soviet_47_cipher_telegram_pseudonym_brackets")
    assert creation(root) == "1950-01-20"
    assert [text_of(s) for s in xp(root, "//t:closer/t:signed")] == ["Roshchin"]
    assert xp(root, "//t:div[@type='distribution']/t:p[starts-with(., 'Decipherment:')]")


# -- British Cabinet conclusions (other_39)

def test_members_one_a_line_under_a_head_alone_are_each_present() -> None:
    root = record("other_39_cabinet_conclusions_office_subjects")
    items = xp(root, "//t:list[@type='participants']/t:item")
    assert len(items) == 3
    assert {"attlee", "bevin", "cripps"} <= person_ids(root)
    bevin = xp(root, "//t:particDesc//t:person[@xml:id='bevin']/t:persName")
    assert text_of(bevin[0]) == "Ernest Bevin"  # "The Right Hon." is a style, not forenames


def test_an_office_in_capitals_is_no_new_person() -> None:
    root = record("other_39_cabinet_conclusions_office_subjects")
    assert person_ids(root) == {"attlee", "bevin", "cripps"}
    assert speech.reporting_subjects("2. THE CHANCELLOR OF THE EXCHEQUER said that the balance had worsened.") == []


def test_a_place_and_date_over_two_lines_at_the_foot_date_the_record() -> None:
    root = record("other_39_cabinet_conclusions_office_subjects")
    assert [text_of(d) for d in xp(root, "//t:closer/t:dateline")] == ["Cabinet Office, S.W.1, 12th February, 1948."]
    assert creation(root) == "1948-02-12"


@pytest.mark.parametrize("surface, bare", [
    ("The Right Hon. Ernest Bevin", "Ernest Bevin"), ("Rt. Hon. Hugh Dalton", "Hugh Dalton"),
    ("Pak Hon Yong", "Pak Hon Yong"),  # "Hon" alone is a Korean given name, no style
])
def test_a_british_style_is_a_title(surface: str, bare: str) -> None:
    name = people.parse_name(surface)
    assert name is not None and name.bare == bare


# -- working notes labelled with a dash (wilson_53)

def test_a_known_person_and_a_dash_label_a_turn_in_working_notes() -> None:
    root = record("wilson_53_presidium_notes_dash_labels")
    turns = [(text_of(sp.find("{http://www.tei-c.org/ns/1.0}speaker")), sp.get("who")) for sp in xp(root, "//t:sp")]
    assert turns == [("Khrushchev -", "#khrushchev"), ("Zhukov -", "#zhukov"), ("Molotov -", "#molotov"),
                     ("Mikoyan -", "#mikoyan")]


def test_one_name_and_a_dash_is_no_turn() -> None:
    text = ("Present: Khrushchev, Molotov.\n\nKhrushchev - The matter is becoming more complicated.\n\n"
            "Berlin - The city was quiet.\n")
    root = tei(text.encode(), "dash.txt")
    assert not xp(root, "//t:sp")  # one such unit of a known person: a dash in prose, no labels


# -- labels holding the translator's brackets (wilson_54)

def test_a_label_with_brackets_is_the_turn_of_the_name_it_gives() -> None:
    root = record("wilson_54_bracketed_names_in_labels")
    turns = [(text_of(sp.find("{http://www.tei-c.org/ns/1.0}speaker")), sp.get("who")) for sp in xp(root, "//t:sp")]
    assert turns == [("Chairman [Mao Zedong]:", "#mao"), ("[Petar] Stambolić:", "#stambolic"),
                     ("Chairman [Mao Zedong]:", "#mao"), ("Deng [Xiaoping]:", "#deng")]
    assert text_of(xp(root, "//t:body/t:div/t:p")[-1]) == "[The meeting ended at 6 p.m.]"


def test_brackets_before_a_colon_in_prose_make_no_turn() -> None:
    root = tei("Notes\n\nThe delegation [of five] said this: we agree.\n".encode(), "brackets.txt")
    assert not xp(root, "//t:sp")


# -- a press conference's office labels in capitals (other_40)

def test_an_office_in_capitals_with_a_full_stop_labels_its_turns() -> None:
    root = record("other_40_press_conference_office_labels")
    turns = [(text_of(sp.find("{http://www.tei-c.org/ns/1.0}speaker")), sp.get("who")) for sp in xp(root, "//t:sp")]
    assert turns == [("THE PRESIDENT.", "#president"), ("Q.", "#interviewer"), ("THE PRESIDENT.", "#president"),
                     ("Q.", "#interviewer"), ("THE PRESIDENT.", "#president"), ("MR. HAGERTY.", "#hagerty")]


def test_an_office_with_a_full_stop_used_once_is_no_label() -> None:
    root = tei("MINUTES\n\nTHE PRESIDENT. The session is opened.\n\nThe delegates took their seats.\n".encode(),
               "once.txt")
    assert not xp(root, "//t:sp")


# -- one note, two biographies (word_47)

def test_each_biography_of_a_note_is_the_person_of_its_surname() -> None:
    root = record("word_47_two_biographies_one_note")
    molotov = [text_of(n) for n in xp(root, "//t:person[@xml:id='molotov']/t:persName")]
    potemkin = [text_of(n) for n in xp(root, "//t:person[@xml:id='potemkin']/t:persName")]
    assert molotov[0] == "Vyacheslav Mikhailovich Molotov" and "Potemkin" not in molotov
    assert potemkin[0] == "Vladimir Petrovich Potemkin"
    assert xp(root, "//t:person[@xml:id='potemkin']/t:birth/@when") == ["1874"]
    assert xp(root, "//t:person[@xml:id='molotov']/t:death/@when") == ["1986"]


def test_a_note_of_one_biography_is_not_split() -> None:
    assert people.biographies_in("Paasikivi, Juho Kusti (1870-1956) - Finnish statesman; head of the delegation.") == []
    found = people.biographies_in("Molotov, Vyacheslav Mikhailovich (1890-1986) - commissar; "
                                  "Potemkin, Vladimir Petrovich (1874-1946) - deputy.")
    assert [(bio.surname, bio.birth) for bio in found] == [("Molotov", "1890"), ("Potemkin", "1874")]


# -- a 24-hour time with its unit (soviet_48); a page listing a transcript and a translation (wilson_55)

@pytest.mark.parametrize("text, when", [("22.00 hrs", "22:00:00"), ("2200 hours", "22:00:00"), ("0538 hours", "05:38:00")])
def test_a_24_hour_time_with_its_unit_is_a_time(text: str, when: str) -> None:
    from tei_encoder.header import dates

    assert [(found.text, found.when) for found in dates.find_times(f"15 June 1945, {text}")] == [(text, when)]


def test_a_date_and_a_time_in_hours_are_the_records_dateline() -> None:
    root = record("soviet_48_caps_heading_parties_hours")
    assert [text_of(d) for d in xp(root, "//t:body//t:opener/t:dateline")] == ["15 June 1945, 22.00 hrs"]
    assert xp(root, "//t:body//t:opener/t:dateline/t:time/@when") == ["22:00:00"]
    assert creation(root) == "1945-06-15"


def test_a_page_with_a_transcript_and_a_translation_is_in_the_translations_language() -> None:
    root = record("wilson_55_two_languages_scan_transcript")
    assert xp(root, "//t:langUsage/t:language/@ident") == ["en"]
    assert xp(root, "//t:textLang/@mainLang") == ["ru"]


# -- an e-mail printout (other_41)

def test_a_message_without_a_title_is_titled_by_its_subject() -> None:
    root = record("other_41_email_printout_headers")
    title = xp(root, "//t:titleStmt/t:title")[0]
    assert (title.get("type"), text_of(title)) == ("supplied", "Meeting with Kozyrev")


def test_the_copies_field_names_recipients_not_addressees() -> None:
    root = record("other_41_email_printout_headers")
    roles = {p.get("{http://www.w3.org/XML/1998/namespace}id"): p.get("role") for p in xp(root, "//t:person")}
    assert roles["collins"] == "addressee" and roles["talbott"] == roles["burns"] == "recipient"


def test_a_given_name_alone_under_an_addressee_field_is_the_salute() -> None:
    root = record("other_41_email_printout_headers")
    assert [text_of(s) for s in xp(root, "//t:body//t:opener/t:salute")] == ["Jim,"]
    plain_root = tei("Notes\n\nMoscow,\n\nThe talks went on.\n".encode(), "no-field.txt")
    assert not xp(plain_root, "//t:salute")  # no addressee field: a word and a comma is no salute


# -- a selection's document number, "Published:", a compiler's note (soviet_49)

def test_a_selections_document_number_is_no_title() -> None:
    root = record("soviet_49_selection_number_notes_compiler")
    assert [text_of(s) for s in xp(root, "//t:body//t:opener/t:seg[@type='number']")] == ["No. 45"]
    assert text_of(xp(root, "//t:titleStmt/t:title")[0]).startswith("RECORD OF CONVERSATION BETWEEN")


def test_a_publication_line_with_a_colon_is_the_source_note() -> None:
    root = record("soviet_49_selection_number_notes_compiler")
    assert [text_of(b)[:10] for b in xp(root, "//t:body//t:note[@type='source']/t:bibl[@type='publication']")] == [
        "Published:"]
    assert not xp(root, "//t:div[@type='distribution']")


def test_a_biography_after_the_compilers_label_is_read() -> None:
    root = record("soviet_49_selection_number_notes_compiler")
    harriman = xp(root, "//t:person[@xml:id='harriman']")[0]
    assert text_of(harriman.find("{http://www.tei-c.org/ns/1.0}persName")) == "William Averell Harriman"
    assert xp(root, "//t:person[@xml:id='harriman']/t:birth/@when") == ["1891"]


# -- a Word note of two paragraphs (word_48)

def test_a_note_body_over_two_paragraphs_is_one_note() -> None:
    root = record("word_48_multiparagraph_note_possessive_anchor")
    note = xp(root, "//t:note[@n='2']")[0]
    assert text_of(note).startswith("Rusk, David Dean (1909-1994)")
    assert text_of(note).endswith("Far Eastern Affairs (1950-1951).")
    assert len(note.findall("{http://www.tei-c.org/ns/1.0}lb")) == 1
    assert not xp(root, "//t:div[@type='distribution']")
    assert xp(root, "//t:person[@xml:id='rusk']/t:birth/@when") == ["1909"]


def test_an_unclosed_body_is_not_joined_with_the_text_after_it() -> None:
    from tei_encoder.reader.notes import extract_notes

    units = [(1, "Text with a call[footnoteRef:1]."), (3, "[1:  An unclosed body"), (5, "The next paragraph."),
             (7, "And one more.")]
    kept, notes = extract_notes(units)
    assert [text for _, text in kept][1:] == ["[1:  An unclosed body", "The next paragraph.", "And one more."]
    assert notes.warnings  # the anchor has no body: said, and nothing joined


# -- a rank or office right before a name (soviet_48, soviet_46, soviet_44)

@pytest.mark.parametrize("stem, printed, ident", [
    ("soviet_48_caps_heading_parties_hours", "Marshal Stalin", "#stalin"),
    ("soviet_46_letter_office_before_name_surname_initials", "President İnönü", "#inonu"),
    ("soviet_44_polish_ambassador_initial_L_stroke", "Minister Beck", "#beck"),
])
def test_a_name_under_a_rank_or_office_is_a_mentioned_person(stem: str, printed: str, ident: str) -> None:
    assert refs(record(stem), printed) == [ident]


@pytest.mark.parametrize("text", [
    "The General Assembly adopted the resolution.",
    "The General Staff prepared the plan.",
    "He met the President of the Republic.",
    "The Secretary General spoke first.",
])
def test_a_rank_before_a_body_or_title_names_no_one(text: str) -> None:
    found = persons.Persons(people.Registry())
    found.register_text_people([text], prose=[text])
    assert found.registry.persons() == ()
