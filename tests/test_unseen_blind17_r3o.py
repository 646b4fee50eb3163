"""Round 3 on blind records of session 17 (o: Word exports with footnotes), proved on records of our own.

- A label with a run of honorifics before the speaker's title and name (``The Great Leader Comrade Kim Il
  Sung:``, blind o/02) is the label of the speaker the record labels ``Comrade Kim Il Sung:``; a sentence
  that ends in a colon before a name stays a sentence.
- A Word export's page header repeated word for word over each page's number (``Mao–Pompidou, 12.IX.1973
  <tabs>Internal – not for circulation`` / ``- 1 -``, o/10): page furniture, a page break with the head
  and number kept as printed; never a paragraph, a division before the title or a turn's words.
- ``Recorder:<tab>Zhang Wenjin`` under the participants (o/07): an attendant with the role recorder.
  Chinese family names the list lacked (``Pu Shouchang``, ``Tang Wensheng``, ``Liao Chengzhi``, ``Ma
  Yuzhen``): the family name printed first is the person's id.
"""

from __future__ import annotations

from tei import record, text_of, xp

from tei_encoder.header import people
from tei_encoder.reader import speech

_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _person(root, xml_id: str):
    found = xp(root, f"//t:particDesc//t:person[@xml:id='{xml_id}']")
    return found[0] if found else None


def test_an_honorific_run_before_a_titled_name_is_the_speakers_label() -> None:
    root = record("word_96_honorific_run_before_titled_name_in_label")
    turns = xp(root, "//t:body//t:sp")
    assert [sp.get("who") for sp in turns] == ["#kim", "#jiang", "#kim", "#jiang", "#kim", "#jiang"]
    assert text_of(xp(turns[0], "t:speaker")[0]) == "The Respected and Beloved Leader Comrade Kim Jong Il:"
    assert text_of(xp(turns[0], "t:p")[0]).startswith("We are glad to see you again")
    assert _person(root, "respected") is None and _person(root, "leader") is None


def test_a_sentence_ending_in_a_colon_before_a_name_is_no_honorific_label() -> None:
    assert speech.honorific_label("The Korean side then told Comrade Kim Il Sung: we agree.") is None
    assert speech.honorific_label("Talks With Comrade Kim Il Sung: minutes") is None
    assert speech.honorific_label("In Pyongyang Comrade Kim Il Sung: a note") is None
    found = speech.honorific_label("The Great Leader Comrade Kim Il Sung: Welcome.")
    assert found == ("", "The Great Leader Comrade Kim Il Sung:", "Welcome.", "Comrade Kim Il Sung")


def test_an_honorific_label_needs_its_name_to_label_turns_in_the_record() -> None:
    root = record("word_96_honorific_run_before_titled_name_in_label")
    narration = [text_of(p) for p in xp(root, "//t:body//t:p") if text_of(p).startswith("The Korean side")]
    assert narration and "Comrade Jiang Zemin" in narration[0]


def test_a_page_header_repeated_over_each_page_number_is_page_furniture() -> None:
    root = record("word_97_page_header_repeated_over_each_page_number")
    assert [pb.get("n") for pb in xp(root, "//t:body//t:pb")] == ["1", "2", "3"]
    heads = [text_of(fw) for fw in xp(root, "//t:body//t:fw")]
    assert heads == [f"Tito–Brezhnev talks, 16.XI.1976 Belgrade - {n} -" for n in (1, 2, 3)]
    assert not any("Tito–Brezhnev talks" in text_of(p) for p in xp(root, "//t:body//t:p"))
    assert len(xp(root, "//t:body/t:div")) == 1  # no division of the first head before the title
    assert text_of(xp(root, "//t:body//t:sp")[-1]).strip().endswith("Then we understand each other.")


def test_a_recorder_field_under_the_participants_is_an_attendant() -> None:
    root = record("word_98_recorder_field_under_table_chinese_family_names")
    ma = _person(root, "ma")
    assert ma is not None and ma.get("role") == "attendant recorder"
    assert not [p for p in xp(root, "//t:body//t:p") if text_of(p).startswith("Recorder:")]


def test_common_chinese_family_names_are_the_persons_ids() -> None:
    root = record("word_98_recorder_field_under_table_chinese_family_names")
    assert _person(root, "tang").get("role") == "attendant interpreter"
    assert _person(root, "liao") is not None and _person(root, "chengzhi") is None
    assert _person(root, "wensheng") is None
    assert all(people.surname_printed_first(name.split()) for name in ("Pu Shouchang", "Rong Yiren", "Yu Qiuli"))
    assert not any(people.surname_printed_first(name.split()) for name in ("Long March", "Song Book", "Du Bois"))
