"""A Chinese transcript on a Wilson page: Han speaker labels with the full-width colon, Chinese dates.

Record tests/records/wilson_69 (README: "A Chinese transcript"): its turns, the speakers' ids, the heading
over its dated opener. Unit tests for the label (and what must not be one), the Han name's key and id,
and dates written 一九五九年十月二日 or 1959年10月2日.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tei import tei, text_of, xp

from tei_encoder.header import dates, people
from tei_encoder.reader import speech

RECORDS = Path(__file__).parent / "records"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NCNAME = re.compile(r"[A-Za-z_][\w.-]*")


@pytest.fixture(scope="module")
def chinese_transcript():
    path = RECORDS / "wilson_69_chinese_transcript_fullwidth_labels.txt"
    return tei(path.read_bytes(), path.name)


# -- the record


def test_han_labels_open_turns_of_their_speakers(chinese_transcript) -> None:
    turns = [(sp.get("who"), text_of(xp(sp, "t:speaker")[0]), " ".join(text_of(p) for p in xp(sp, "t:p")))
             for sp in xp(chinese_transcript, "//t:sp")]
    assert [(who, label) for who, label, _ in turns] == [
        ("#heluxiaofu", "赫鲁晓夫："), ("#maozedong", "毛泽东："), ("#heluxiaofu", "赫鲁晓夫："), ("#zhouenlai", "周恩来：")]
    assert turns[1][2] == "这是好事。但是我们对美国的政策还要看一看。"  # the label is not in the speech
    assert turns[3][2] == "台湾是中国的内政。"


def test_han_speakers_are_persons_named_as_printed_apart_from_latin_ones(chinese_transcript) -> None:
    persons = {p.get(XML_ID): p for p in xp(chinese_transcript, "//t:particDesc//t:person")}
    for ident, name in (("maozedong", "毛泽东"), ("heluxiaofu", "赫鲁晓夫"), ("zhouenlai", "周恩来")):
        assert NCNAME.fullmatch(ident)
        assert xp(persons[ident], "t:persName/text()") == [name]
        assert "speaker" in persons[ident].get("role").split()
    # the page's N.S. Khrushchev is no Han form's person: no translation between scripts
    assert xp(persons["khrushchev"], "t:persName/text()") == ["N.S. Khrushchev"]


def test_the_heading_over_its_chinese_date_is_the_head_and_the_dateline(chinese_transcript) -> None:
    assert [text_of(head) for head in xp(chinese_transcript, "//t:body/t:div/t:head")] == ["毛泽东同志与赫鲁晓夫同志会谈记录"]
    date = xp(chinese_transcript, "//t:body/t:div/t:opener/t:dateline/t:date")
    assert [(d.get("when"), d.text) for d in date] == [("1959-10-02", "一九五九年十月二日")]


# -- labels


@pytest.mark.parametrize(("text", "label", "rest"), [
    ("赫鲁晓夫：我们在美国的访问很有意思。", "赫鲁晓夫：", "我们在美国的访问很有意思。"),
    ("毛泽东同志：这是好事。", "毛泽东同志：", "这是好事。"),  # the title stays in the label, as printed
    ("周恩来总理：台湾是中国的内政。", "周恩来总理：", "台湾是中国的内政。"),
    ("毛泽东: 这是好事。", "毛泽东:", "这是好事。"),  # an ASCII colon
    ("吉田茂：そうです。", "吉田茂：", "そうです。"),  # a Japanese name in kanji
])
def test_a_han_name_before_its_colon_is_a_label(text: str, label: str, rest: str) -> None:
    assert speech.match_label(text) == ("", label, rest)
    assert speech.label_parts(label) == (label[:-1], None)


# Each text that is no label beside the nearest that is one.
@pytest.mark.parametrize(("text", "label"), [
    ("我们的立场很清楚：台湾是中国的内政。", "周恩来：台湾是中国的内政。"),  # a colon in the middle of a sentence
    ("我们的立场是：台湾是中国的内政。", "赫鲁晓夫同志：台湾是中国的内政。"),  # six characters, none a title
    ("艾森豪威尔总统：我们愿意谈判。", "赫鲁晓夫：我们愿意谈判。"),  # seven
    ("他说：这是好事。", "毛泽东：这是好事。"),  # a reporting verb: narration
    ("毛泽东指出：这是好事。", "毛泽东同志：这是好事。"),
    ("时间：一九五九年十月二日", "周恩来：一九五九年十月二日"),  # a field of the record
    ("毛泽东同志与赫鲁晓夫同志会谈", "毛泽东同志：与赫鲁晓夫同志会谈"),  # no colon
])
def test_what_is_no_han_label(text: str, label: str) -> None:
    assert speech.match_label(text) is None
    assert speech.match_label(label) is not None


def test_latin_and_han_labels_in_one_record() -> None:
    root = tei("Khrushchev: Our visit was interesting.\n\n毛泽东：这是好事。\n\nKhrushchev: We agree.\n")
    assert [(sp.get("who"), text_of(xp(sp, "t:speaker")[0])) for sp in xp(root, "//t:sp")] == [
        ("#khrushchev", "Khrushchev:"), ("#maozedong", "毛泽东："), ("#khrushchev", "Khrushchev:")]


# -- names and ids


def test_a_han_name_is_one_key_in_its_printed_order_with_its_title_apart() -> None:
    name = people.parse_name("毛泽东同志")
    assert name is not None
    assert (name.surname, name.forenames, name.titles, name.bare) == ("maozedong", (), ("同志",), "毛泽东")
    assert people.slug(name.surname) == "maozedong"
    assert not people.same_person(name, people.parse_name("Mao Zedong"))  # not merged with the Latin form
    assert people.parse_name("我们的立场是") is None  # six characters: no name


def test_han_forms_of_one_name_are_one_person_and_a_latin_one_another() -> None:
    registry = people.registry_for()
    mao = registry.mention("毛泽东", role="speaker")
    assert mao is not None
    assert registry.mention("毛泽东同志") == mao
    assert registry.mention("Mao Zedong") not in (None, mao)


# -- dates


@pytest.mark.parametrize(("text", "when"), [
    ("一九五九年十月二日", "1959-10-02"),
    ("1959年10月2日", "1959-10-02"),
    ("１９５９年１０月２日", "1959-10-02"),  # full-width digits
    ("一九五〇年二月十四日", "1950-02-14"),  # 〇 for zero
    ("一九五零年二月十四日", "1950-02-14"),  # 零
    ("一九五九年十一月二十三日", "1959-11-23"),
    ("一九六〇年十二月三十一日", "1960-12-31"),
    ("一九五九年十月", "1959-10"),  # year and month
    ("一九五九年二月三十日", None),  # no such day: found, without @when
])
def test_chinese_dates(text: str, when: str | None) -> None:
    assert dates.parse_date(text) == when
    found = dates.whole_date(text)
    assert found is not None and (found.text, found.when) == (text, when)


def test_chinese_dates_are_found_in_running_text_in_order() -> None:
    text = "会谈于一九五九年十月二日在北京举行，于1959年10月3日继续。On 4 October 1959 it ended."
    assert [(f.text, f.when) for f in dates.find_dates(text)] == [
        ("一九五九年十月二日", "1959-10-02"), ("1959年10月3日", "1959-10-03"), ("4 October 1959", "1959-10-04")]


def test_no_chinese_date_without_year_and_month_or_inside_a_longer_number() -> None:
    text = "一九五九年，十月二日，二〇一九五九年十月二日，一九五九年十月二日"
    assert [(f.start, f.when) for f in dates.find_dates(text)] == [(len(text) - 9, "1959-10-02")]


# -- Han names in running text (session 13)

def test_han_names_in_a_heading_are_their_persons_mentions(chinese_transcript) -> None:
    root = chinese_transcript
    head = xp(root, "//t:body//t:head")[0]
    assert [(n.get("ref"), text_of(n)) for n in xp(head, "t:persName")] == [
        ("#maozedong", "毛泽东同志"), ("#heluxiaofu", "赫鲁晓夫同志")]
    assert text_of(head) == "毛泽东同志与赫鲁晓夫同志会谈记录"  # every character kept


def test_han_names_in_a_turn_are_mentions_with_their_titles() -> None:
    text = ("毛泽东同志与赫鲁晓夫同志会谈记录\n\n一九五九年十月二日\n\n赫鲁晓夫：我们在美国的访问很有意思。\n\n"
            "毛泽东：这是好事。赫鲁晓夫同志说得对。周恩来总理也同意。\n\n周恩来：台湾是中国的内政。\n")
    root = tei(text, "zh.txt")
    turn = xp(root, "//t:sp[@who='#maozedong']/t:p")[0]
    assert [(n.get("ref"), text_of(n)) for n in xp(turn, "t:persName")] == [
        ("#heluxiaofu", "赫鲁晓夫同志"), ("#zhouenlai", "周恩来总理")]


def test_a_han_name_no_one_in_the_record_bears_is_left_alone(chinese_transcript) -> None:
    root = chinese_transcript
    assert xp(root, "//t:persName[contains(., '艾森豪威尔')]") == []  # Eisenhower: named, but no label or list gave him
