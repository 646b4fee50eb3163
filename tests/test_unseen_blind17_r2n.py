"""Unseen records written after the blind17/n Soviet selections, round 2.

- ``Com. STALIN:``: the English abbreviation of comrade before a speaker's name in capitals, as the Soviet
  side is labelled in a translated record of conversation, alone on its line too (``Com. YEZHOV:`` over the
  speech), inside a hard-wrapped block. Before, ``Com.`` was no title: the label was none, and the Soviet
  speakers' words ran on in the other side's turns (or ``Com.`` stood as a paragraph of its own).
- A typed page's number alone on its line after the signature (``Recorded by [signature] (Oyun)`` / ``- 3 -``):
  a page break, as in the text, no paragraph of the distribution matter.
- A series of telegrams parted by ``* * *`` over each one's number alone (``2.``): the asterisks are
  removed and declared, each number opens a document division; a signer's name in capitals alone under each
  telegram (``BRODOVSKY``) is its closing, never a speaker's label whose turn swallowed the next telegram.
(docs/encoding.md: "Com. as comrade in labels", "Page number after the signature", "Telegram series".)
"""

from __future__ import annotations

from conftest import RECORDS
from tei import tei, text_of, xp
from tei_encoder.header import people

RECORD = {path.stem: path for path in RECORDS}
COM = "soviet_128_com_abbreviated_comrade_labels_hard_wrapped"
SERIES = "soviet_129_telegram_series_asterisks_and_numbers"


def record(stem: str):
    return tei(RECORD[stem].read_bytes(), RECORD[stem].name)


def turns(root) -> list[tuple[str, str]]:
    return [(sp.get("who"), text_of(xp(sp, "t:speaker")[0])) for sp in xp(root, "//t:body//t:sp")]


def test_com_labels_are_the_soviet_speakers_turns() -> None:
    assert turns(record(COM)) == [
        ("#molotov", "Com. MOLOTOV:"), ("#toka", "TOKA:"), ("#mikoyan", "Com. MIKOYAN:"), ("#toka", "TOKA:"),
        ("#molotov", "Com. MOLOTOV:"), ("#toka", "TOKA:"), ("#kaganovich", "Com. KAGANOVICH:"), ("#toka", "TOKA:"),
    ]


def test_com_is_a_title_of_the_name() -> None:
    name = people.parse_name("Com. STALIN")
    assert name is not None and name.titles == ("comrade",) and name.surname == "stalin"
    root = record(COM)
    assert not xp(root, "//t:body//t:p[normalize-space(.) = 'Com.']")
    assert not xp(root, "//t:person[@xml:id = 'com']")


def test_page_number_after_the_signature_is_a_page_break() -> None:
    root = record(COM)
    assert [pb.get("n") for pb in xp(root, "//t:body//t:pb")] == ["2", "3"]
    assert not xp(root, "//t:body//t:p[normalize-space(.) = '- 3 -']")


def test_telegram_series_numbers_open_documents() -> None:
    root = record(SERIES)
    assert [div.get("n") for div in xp(root, "//t:body/t:div[@type = 'document']")][1:] == ["2", "3"]
    assert not xp(root, "//t:body//t:p[contains(., '* * *')]")
    assert any("asterisks" in text_of(p) for p in xp(root, "//t:normalization/t:p"))


def test_signer_in_capitals_under_each_telegram_closes_it() -> None:
    root = record(SERIES)
    assert not xp(root, "//t:body//t:sp")
    assert [text_of(s) for s in xp(root, "//t:body//t:closer/t:signed")] == ["BRODOVSKY", "BRODOVSKY", "STOMONYAKOV"]


def test_post_in_capitals_in_the_route_is_no_person() -> None:
    root = record(SERIES)
    assert not xp(root, "//t:person[@xml:id = 'riga']")
