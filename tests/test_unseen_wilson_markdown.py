"""Unseen records of session 14: a Wilson Center page copied as markdown with its field labels as headings
without a colon (``### Summary``), its title above the date, ``* `` bullets, markdown rules (``---``,
``***``) around the transcript and ``Citation`` after ``Contents``; a citation of a book or a bulletin (no
archive); a turn that opens with a quoted word; a person a speaker quotes, who is not present; bare
romanised Chinese and Korean names (``Chen Yun``, ``Pak Hon Yong``, ``Chou En-lai``).
"""

from __future__ import annotations

from tei import record, tei, text_of, xp

import pytest

from tei_encoder.families import wilson_center
from tei_encoder.header import people

MARKDOWN = "wilson_80_markdown_labels_without_colons_book_citation"


def test_a_markdown_page_with_labels_without_colons_is_a_wilson_page() -> None:
    root = record(MARKDOWN)
    assert xp(root, "//t:titleStmt/t:title/text()") == [
        "Record of Conversation between Kim Il Sung and the Soviet Ambassador V. I. Ivanov"]  # above the date
    assert xp(root, "//t:creation/t:date/@when") == ["1955-10-11"]
    assert "Kim Il Sung and Ivanov discuss" in " ".join(xp(root, "//t:abstract//text()"))
    assert xp(root, "//t:sourceDesc//t:textLang/text()") == ["Russian"]
    assert xp(root, "//t:sourceDesc//t:ptr/@target") == ["https://digitalarchive.wilsoncenter.org/document/116311"]
    assert xp(root, "//t:person[@xml:id='goldberg']/@role") == ["translator"]  # the citation's credit
    assert xp(root, "//t:sourceDesc//t:note[@n='Associated Topics']/text()") == ["Korean War reconstruction",
                                                                                "Soviet aid"]  # bullets off
    body = " ".join(xp(root, "//t:body//text()"))
    for page_text in ("Summary", "Citation", "Original Language", "***", "Associated Topics", "•"):
        assert page_text not in body


def test_the_rules_around_the_transcript_are_no_text_of_it() -> None:
    root = record(MARKDOWN)
    first = xp(root, "//t:body/t:div/*[1]")[0]
    assert first.tag.endswith("head") and text_of(first) == "FROM THE DIARY OF V. I. IVANOV"
    assert text_of(xp(root, "//t:body/t:div/*[last()]")[0]) == "Ambassador of the USSR in the DPRK V. Ivanov"
    normalization = " ".join(xp(root, "//t:normalization//text()"))
    assert "the markdown marks on 12 lines" in normalization  # the two rules with the headings and bullets


def test_a_citation_of_a_book_or_a_bulletin_names_no_archive() -> None:
    for stem in (MARKDOWN, "wilson_49_vietnamese_names_comrade_labels"):  # a CWIHP Bulletin, a Working Paper
        root = record(stem)
        assert xp(root, "//t:msIdentifier") == []
        assert "Digital Archive" in " ".join(xp(root, "//t:sourceDesc//t:note[@type='citation']/text()"))
    # an archive's reference still makes one
    assert xp(record("wilson_79_catalogue_people_life_dates"), "//t:msIdentifier/t:repository/text()") == ["AVP RF"]


@pytest.mark.parametrize(("line", "label"), [
    ("### Summary", ("summary", "")),
    ("**Original Language**", ("original language", "")),
    ("#### Associated People & Organizations", ("associated people & organizations", "")),
    ("Citation", ("citation", "")),  # unmarked: no transcript heads a part so
    ("Summary", None),  # unmarked: a report's part may be headed so
    ("Contents of the safe were removed", None),
    ("### Conversation with Kim", None),
])
def test_a_label_alone_on_its_line(line: str, label: tuple[str, str] | None) -> None:
    assert wilson_center._label(line) == label


def test_a_turn_that_opens_with_a_quoted_word_goes_on_over_its_paragraphs() -> None:
    root = record(MARKDOWN)
    kim = xp(root, "//t:sp[@who='#kim']")[0]
    assert len(xp(kim, "t:p")) == 2 and "The factories in Hamhung" in text_of(kim)


def test_a_quoted_turn_still_ends_where_its_quotation_closes() -> None:
    root = tei('Record of a Conversation\n\nStalin: "That is true. We agree."\n\nThe note was short and polite.\n\n'
               'Sir D. Kelly: "We thank you."\n', "quoted.txt")
    assert len(xp(root, "//t:sp[@who='#stalin']/t:p")) == 1
    assert xp(root, "//t:body/t:div/t:p/text()") == ["The note was short and polite."]


def test_someone_a_speaker_quotes_is_mentioned_not_present() -> None:
    root = record(MARKDOWN)
    assert xp(root, "//t:listPerson[@type='mentioned']/t:person/@xml:id") == ["goldberg", "bulganin"]
    assert xp(root, "//t:person[@xml:id='bulganin']/@role") == []
    # Bevin, whom Kelly quotes in his turns ("as Mr. Bevin said in the House"), was a speaker
    root = record("wilson_03_verbatim_turns_curly_quotes")
    assert "bevin" in xp(root, "//t:listPerson[@type='mentioned']/t:person/@xml:id")


# -- bare romanised names

ROMANISED = "wilson_81_bare_romanised_chinese_korean_names"


@pytest.mark.parametrize(("text", "names"), [
    ("You should ask Chen Yun or Li Fuchun.", ["Chen Yun", "Li Fuchun"]),
    ("Liu Shaoqi will lead it. Deng Xiaoping may also go.", ["Liu Shaoqi", "Deng Xiaoping"]),
    ("Pak Hon Yong was present, with Hyon Jun Hyok.", ["Pak Hon Yong", "Hyon Jun Hyok"]),  # Korean: two given words
    ("Chou En-lai's visit and Mao Tse-tung", ["Chou En-lai", "Mao Tse-tung"]),  # Wade-Giles, a possessive
    ("Kim Philby met Kim Il Sung and Kim Il-sung.", ["Kim Il Sung", "Kim Il-sung"]),  # not Kim before one word
    ("The Han River, Hong Kong, Pan Am and The Sun Also Rises", []),  # no pinyin given names, or a place
    ("Ho Chi Minh and Le Duan", []),  # Vietnamese: their family names are no sure sign
    ("Pak Chong Ae", ["Pak Chong Ae"]),  # "Chong Ae" inside it is no name of its own
    # Korean family names before a hyphenated given name, in the list or not; "On" begins a phrase
    ("General Chun Doo-hwan and Roh Tae-woo met Kim Dae-jung. On Doo-hwan's orders.",
     ["Chun Doo-hwan", "Roh Tae-woo", "Kim Dae-jung"]),
    ("Park Chung Hee, Park Lane and Park Avenue", ["Park Chung Hee"]),
])
def test_romanised_names_by_their_form(text: str, names: list[str]) -> None:
    assert [match.group() for match in people.romanised_names(text)] == names


def test_bare_romanised_names_are_persons_mentioned_and_tagged() -> None:
    root = record(ROMANISED)
    mentioned = xp(root, "//t:listPerson[@type='mentioned']/t:person/@xml:id")
    for ident in ("peng", "kang", "deng", "li", "chou", "pak"):
        assert ident in mentioned
    assert xp(root, "//t:body//t:persName[@ref='#deng']/text()") == ["Deng Xiaoping"]
    assert xp(root, "//t:body//t:persName[@ref='#chou']/text()") == ["Chou En-lai"]  # before its "'s"
    names = " ".join(xp(root, "//t:person/t:persName/text()"))
    assert "Hong Kong" not in names and "Han River" not in names
    interpretation = " ".join(xp(root, "//t:interpretation//text()"))
    assert "6 persons named only by a bare romanised Chinese or Korean name" in interpretation


def test_an_editors_other_spelling_in_brackets_is_the_same_person() -> None:
    root = record(ROMANISED)  # "Pak Jong-ae [Pak Chong Ae]": one person under the editor's form
    assert xp(root, "//t:person[@xml:id='pak']/t:persName/text()") == ["Pak Chong Ae", "Pak Jong-ae"]
    assert xp(root, "//t:body//t:persName[@ref='#pak']/text()") == ["Pak Jong-ae", "Pak Chong Ae"]


@pytest.mark.parametrize(("printed", "surname"), [
    ("Chun Doo-hwan", "chun"), ("Roh Tae-woo", "roh"), ("General Chun Doo-hwan", "chun"),  # was "doo-hwan"
    ("Hans-Dietrich Genscher", "genscher"), ("Jean-Paul Sartre", "sartre"),  # a Western double name stands first
    ("Syngman Rhee", "rhee"), ("Park Chung Hee", "park"),
])
def test_a_hyphenated_given_name_after_a_family_name_of_one_syllable(printed: str, surname: str) -> None:
    name = people.parse_name(printed)
    assert name is not None and name.surname == surname


@pytest.mark.parametrize(("holding", "repository", "reference"), [
    ("Archive of Foreign Policy, Russian Federation (AVP RF), f. 06, op. 10, d. 21, l. 44",
     "Archive of Foreign Policy, Russian Federation (AVP RF)", "f. 06, op. 10, d. 21, l. 44"),
    ("Central State Archive, Sofia, f. 146, op. 2, a.e. 4", "Central State Archive, Sofia", "f. 146, op. 2, a.e. 4"),
    # a fonds' abbreviation or code, and a series, belong to the reference
    ("AAN, KC PZPR, sygn. 1685, k. 45-52", "AAN", "KC PZPR, sygn. 1685, k. 45-52"),
    ("Hungarian National Archives (MOL), XIX-J-1-j, Box 4, 12/f", "Hungarian National Archives (MOL)",
     "XIX-J-1-j, Box 4, 12/f"),
])
def test_a_repository_name_goes_on_past_a_comma_with_its_place(holding: str, repository: str, reference: str) -> None:
    page = ("## **May 14, 1955**\n\n### **Record of a Conversation**\n\n#### **Citation:**\n\n\"Record of a "
            f"Conversation\", May 14, 1955, Wilson Center Digital Archive, {holding}.\n\n#### **Contents:**\n\n"
            "Translation - English\n\nThe talks went on.\n")
    root = tei(page, "holding.txt")
    assert xp(root, "//t:msIdentifier/t:repository/text()") == [repository]
    assert xp(root, "//t:msIdentifier/t:idno[@type='archival']/text()") == [reference]


def test_a_pdf_copy_of_a_page_turns_its_pages_where_the_pdf_did() -> None:
    root = record("wilson_93_pdf_copy_page_furniture_running_heads")
    assert xp(root, "//t:titleStmt/t:title/text()") == ["Letter from the Polish Ambassador to the Minister of Foreign Affairs"]
    body = " ".join(xp(root, "//t:body//text()"))
    assert "Wilson Center Digital Archive" not in body and "Translation - English" not in body
    assert xp(root, "//t:body//t:pb/@n") == ["2"]  # the typed page's number; the PDF's own numbers are gone
    assert xp(root, "//t:body//t:fw/text()") == ["CONFIDENTIAL - 2 -"]
    assert xp(root, "//t:closer//t:persName/text()") == ["H. Lewandowski"]
    normalization = " ".join(xp(root, "//t:normalization//text()"))
    assert "At 2 page turns of the site's PDF copied as text" in normalization
