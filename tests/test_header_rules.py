"""Pure header rules of issue 10 §2: classification marks, headings, run-in page fields, dates."""

from __future__ import annotations

import pytest

from tei_encoder.header import archive, classification, dates, title


# ---------------------------------------------------------------- classification and handling marks

@pytest.mark.parametrize("line, kind", [
    ("TOP SECRET", "classification"), ("Most Secret", "classification"), ("highly secret.", "classification"),
    ("Strictly confidential", "classification"), ("Secret", "classification"), ("Confidential", "classification"),
    ("NOT SECRET", "classification"), ("Personal and secret", "classification"),
    ("For official use only", "classification"), ("Restricted", "classification"),
    ("Eyes only", "handling"), ("Copy No. 3", "handling"), ("Special folder", "handling"),
    ("DIPLOMATIC SECRET", "handling"),
])
def test_a_whole_line_mark(line: str, kind: str) -> None:
    assert classification.line_kind(line) == kind


@pytest.mark.parametrize("line", ["Secretariat", "secret talks", "The secret treaty was signed", "Confidentially",
                                  "Restricted areas of the port", "A copy of the note"])
def test_ordinary_words_are_no_marks(line: str) -> None:
    assert classification.line_kind(line) is None
    assert classification.find_marks(line) == []


@pytest.mark.parametrize("line, mark, rest", [
    ("March 3, 1950 top secret", "top secret", "March 3, 1950"),
    ("12 August 1943. Secret.", "Secret", "12 August 1943"),
    ("TOP SECRET Record of conversation with Mr. Orlov", "TOP SECRET", "Record of conversation with Mr. Orlov"),
    ("Strictly confidential – Memorandum on trade", "Strictly confidential", "Memorandum on trade"),
])
def test_a_mark_sharing_a_line_with_a_date_or_title(line: str, mark: str, rest: str) -> None:
    assert [found.text for found in classification.find_marks(line)] == [mark]
    assert classification.strip_marks(line) == rest


@pytest.mark.parametrize("line, mark", [
    ("[Stamp: TOP SECRET]", "TOP SECRET"), ("[stamp: \"Strictly confidential\"]", "Strictly confidential"),
    ("(Rubber stamp: Special folder)", "Special folder"),
])
def test_a_mark_in_a_stamp(line: str, mark: str) -> None:
    assert [found.text for found in classification.find_marks(line)] == [mark]


def test_a_stamp_without_a_mark_gives_none() -> None:
    assert classification.find_marks("[Stamp: Received 12 May 1950]") == []


@pytest.mark.parametrize("line", ["Secret talks on the frontier", "Confidential memorandum on trade",
                                  "Record of conversation, Secret", "Personal matters were discussed"])
def test_a_capitalised_first_word_of_a_title_is_no_mark(line: str) -> None:
    assert classification.find_marks(line) == []
    assert classification.strip_marks(line) == line


# ---------------------------------------------------------------- headings

def _heading(text: str) -> str | None:
    lines = text.split("\n")
    found = title.find_heading(lines)
    return None if found is None else " ".join(lines[found[0]:found[1]])


@pytest.mark.parametrize("text, heading", [
    ("THE MINISTRY OF FOREIGN AFFAIRS\nTOP SECRET\nCopy No. 3\n\nTelegram from the Ambassador in Warsaw\n\n"
     "Warsaw, 12.VIII.1943\n\nThe delegation arrived.", "Telegram from the Ambassador in Warsaw"),
    ("Secret\n\n12 May 1951\n\nMemorandum of a conversation with the Finnish minister\n\nThe minister came.",
     "Memorandum of a conversation with the Finnish minister"),
    ("Record of conversation of the\nambassador with the minister\n\nThe minister said that it was late.",
     "Record of conversation of the ambassador with the minister"),
    ("EMBASSY OF THE USSR\nNo. 412\n\nNotes on the Harbour Negotiations\n\nThe talks resumed on Monday.",
     "Notes on the Harbour Negotiations"),
    ("Geheime Reichssache\n\nAufzeichnung über die Unterredung mit dem Gesandten\n\nDer Gesandte kam.",
     "Aufzeichnung über die Unterredung mit dem Gesandten"),
])
def test_the_heading_below_letterhead_stamps_and_dates(text: str, heading: str) -> None:
    assert _heading(text) == heading


@pytest.mark.parametrize("text", [
    "BRITISH EMBASSY,\nMOSCOW.\n23rd October, 1946.\n\nDear Oliver,\n\nI have your letter of the 14th about the\n"
    "wives and the question whether we should make another approach.",
    "12 August 1943\n\nThe committee met on Tuesday and agreed to send the report to the minister at once.",
    "TOP SECRET\n\nTO: The Secretary of State\nSUBJECT: Wheat\n\nMr. Orlov called at his own request today.",
])
def test_no_heading_where_there_is_none(text: str) -> None:
    assert _heading(text) is None


def test_a_heading_is_never_longer_than_a_heading() -> None:
    long_line = "Record of " + " ".join(["Conversation"] * 40)
    assert _heading(long_line + "\n\nText follows here.") is None


# ---------------------------------------------------------------- run-in page fields

def test_a_page_on_one_line_is_cut_at_its_labels() -> None:
    line = ("June 2–3, 1952 Record of Talks Citation: \"Record of Talks\", June 2–3, 1952, Digital Archive. "
            "Summary: They talk. Original Language: Russian Contents: Translation - English Record of Talks. "
            "Smith said that it was late.")
    assert title.split_run_in_fields(line) == [
        "June 2–3, 1952", "Record of Talks", "Citation: \"Record of Talks\", June 2–3, 1952, Digital Archive.",
        "Summary: They talk.", "Original Language: Russian", "Contents:", "Translation - English", "",
        "Record of Talks. Smith said that it was late."]


@pytest.mark.parametrize("line", ["Summary: the page's summary, nothing else.",
                                  "The citation: see the archive. The summary: none."])
def test_a_line_with_one_label_or_lower_case_words_stays_whole(line: str) -> None:
    assert title.split_run_in_fields(line) == [line]


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("text, when", [
    ("Warsaw, 12.VIII.1943", "1943-08-12"), ("3/IV/1949", "1949-04-03"), ("1.XII.1950", "1950-12-01"),
    ("13.II.47", "1947-02-13"),  # a Soviet clerk's short year: the 1900s (docs/encoding.md)
])
def test_roman_numeral_months(text: str, when: str) -> None:
    assert [found.when for found in dates.find_dates(text)] == [when]


@pytest.mark.parametrize("text", ["3 vi 1943", "12.XIII.1943", "X.12.1943", "31.II.1949", "31.II.49", "13.II.470"])
def test_no_roman_month_where_there_is_none(text: str) -> None:
    assert [found.when for found in dates.find_dates(text) if found.when] == []


@pytest.mark.parametrize("text, first, last", [
    ("June 2–3, 1952", "1952-06-02", "1952-06-03"), ("2-3 June 1952", "1952-06-02", "1952-06-03"),
    ("the talks of October 14—16, 1947 ended", "1947-10-14", "1947-10-16"),
])
def test_ranges_of_days(text: str, first: str, last: str) -> None:
    [found] = dates.find_dates(text)
    assert (found.when, found.from_, found.to) == (None, first, last)


def test_a_backward_range_has_no_ends() -> None:
    [found] = dates.find_dates("June 3–2, 1952")
    assert (found.when, found.from_, found.to) == (None, None, None)


def test_whole_date_reads_a_single_date_and_a_range() -> None:
    assert dates.whole_date("July 19, 1949").when == "1949-07-19"
    assert dates.whole_date("June 2–3, 1952").from_ == "1952-06-02"
    assert dates.whole_date("June 2–3, 1952 Record") is None


# ---------------------------------------------------------------- the parties a heading names

@pytest.mark.parametrize("heading, names", [
    ("Record of Conversation between Comrade I. V. Kovalenko and Ambassador Lindqvist",
     ["Comrade I. V. Kovalenko", "Ambassador Lindqvist"]),
    ("Record of the conversation of the people's commissar comrade V. M. Molotov with the Iranian ambassador Saed",
     ["comrade V. M. Molotov", "ambassador Saed"]),
    ("Recording of the conversation of the chairman of the council of the USSR J. V. Stalin with the minister "
     "of the Great Britain Eden", ["J. V. Stalin"]),
    ("Record of Talks between Mr. Bevin and Mr. Molotov in London on 3 October 1945", ["Mr. Bevin", "Mr. Molotov"]),
    ("Conversation between Mao Zedong and Zhou Enlai", ["Mao Zedong", "Zhou Enlai"]),
])
def test_the_parties_a_conversation_heading_names(heading: str, names: list[str]) -> None:
    assert title.parties(heading) == names


@pytest.mark.parametrize("heading", [
    "Minutes of Conversation between Chinese and Soviet Delegations",
    "Memorandum of Conversation between the Secretary of State and the Soviet Ambassador",
    "RECORD OF CONVERSATION WITH THE GROUP OF BRITISH LABOUR PARTY MEMBERS OF PARLIAMENT",
    "Cable from Moscow to the Foreign Office", "Telegram from Ambassador Liu to the Foreign Ministry",
])
def test_no_parties_where_the_heading_names_none(heading: str) -> None:
    assert title.parties(heading) == []


@pytest.mark.parametrize("heading, senders, addressees", [
    ("Telegram from Ambassador Liu Shaowen to the Foreign Ministry on the Trade Talks",
     ["Ambassador Liu Shaowen"], []),
    ("Letter from Mao Zedong to Comrade J. V. Stalin", ["Mao Zedong"], ["Comrade J. V. Stalin"]),
    ("Report by Colonel A. Kirk on the Situation in Berlin", ["Colonel A. Kirk"], []),
    ("Cipher telegram of the People's Commissar V. M. Molotov to Ambassador I. M. Maisky",
     ["V. M. Molotov"], ["Ambassador I. M. Maisky"]),
])
def test_sender_and_addressees_a_heading_names(heading: str, senders: list[str], addressees: list[str]) -> None:
    assert title.correspondents(heading) == (senders, addressees)


@pytest.mark.parametrize("heading", [
    "Cable from Moscow to the Foreign Office", "Telegram from the Ambassador in Warsaw to the Foreign Minister",
    "Memorandum by the Secretary of State", "Record of conversation between A. B. Smith and Mr. Jones",
])
def test_no_correspondents_where_the_heading_names_places_offices_or_parties(heading: str) -> None:
    assert title.correspondents(heading) == ([], [])


# ---------------------------------------------------------------- archival references

@pytest.mark.parametrize("line, repository, idno", [
    ("fond 0112, opis 12, delo 4, papka 31, listy 15–19", None,
     "fond 0112, opis 12, delo 4, papka 31, listy 15–19"),
    ("f. 07, op. 3, d. 21, l. 40", None, "f. 07, op. 3, d. 21, l. 40"),
    ("Source: National Archives, RG 84, Lot 62 D 12, Box 3", "National Archives", "RG 84, Lot 62 D 12, Box 3"),
    ("AVP RF, f. 045, op. 1, d. 7, l. 3.", "AVP RF", "f. 045, op. 1, d. 7, l. 3"),
    ("Avp rf, fund 094, inventory 25, folder 8, file 3, sheets 101‐104.", "Avp rf",
     "fund 094, inventory 25, folder 8, file 3, sheets 101‐104"),
    ("[Source: AVP RF, f. 06, op. 10, d. 21, ll. 44-52. Translated by Gary Goldberg.]", "AVP RF",
     "f. 06, op. 10, d. 21, ll. 44-52"),
])
def test_repository_and_reference(line: str, repository: str | None, idno: str) -> None:
    assert archive.split(line) == archive.Reference(repository, idno)


@pytest.mark.parametrize("line", [
    "Reprinted in: Soviet-Korean Relations 1945-1953. Moscow, 1998. P. 41-43.",
    "Published in: Sovetsko-angliiskie otnosheniia. T. 1. M., 1983. S. 12-14.",
    "The file 3 was in box 4 of the cabinet and nothing else was there to be seen today",
    "Box 3",
])
def test_no_reference_in_publications_prose_or_a_single_token(line: str) -> None:
    assert archive.split(line) is None


# ---------------------------------------------------------------- a record on one line without labels

def test_a_long_line_names_itself_in_its_first_sentence() -> None:
    line = ("Record of a conversation between the Finnish minister C. Enckell and the envoy A. M. Alexandrov "
            "on 14-15 March 1947 in Helsinki. Alexandrov said that the Soviet government was surprised.")
    assert title.heading_sentence(line) == ("Record of a conversation between the Finnish minister C. Enckell and "
                                            "the envoy A. M. Alexandrov on 14-15 March 1947 in Helsinki")


@pytest.mark.parametrize("line", [
    "The committee met on Tuesday. Record of the meeting follows.",
    "Record " + " ".join(["of the long meeting"] * 10) + ". Then more.",
])
def test_no_heading_sentence_without_a_genre_word_or_too_long(line: str) -> None:
    assert title.heading_sentence(line) is None


@pytest.mark.parametrize("heading, names", [
    ("INTERVIEW WITH GENERAL LUCIUS D. CLAY", ["GENERAL LUCIUS D. CLAY"]),
    ("Record of conversation of Comrade Vasily Chuikov with Mr. John McCloy", ["Comrade Vasily Chuikov",
                                                                               "Mr. John McCloy"]),
])
def test_forenames_in_full_between_a_title_and_the_surname(heading: str, names: list[str]) -> None:
    assert title.parties(heading) == names


def test_a_german_bestand_is_a_reference() -> None:
    assert archive.split("Source: Bundesarchiv Koblenz, Bestand Z 45 F, Box 12, Folder 3.") == \
        archive.Reference("Bundesarchiv Koblenz", "Bestand Z 45 F, Box 12, Folder 3")


@pytest.mark.parametrize("line", ["Berlin, June 2-3, 1952", "June 2–3, 1952", "Moscow, 12.VIII.1943"])
def test_a_dateline_with_a_range_or_a_roman_month(line: str) -> None:
    from tei_encoder.reader.opening import is_dateline
    assert is_dateline(line)
