"""Unseen records written after the blind17/n Soviet selections, round 3.

- A party paper's masthead slogan (``Workers of all countries, unite!``, ``Proletarians of all countries,
  unite!``) over its letterhead: letterhead of the opening, never the record's title; the title is the
  heading under the opening (``Excerpt from protocol No. 51 …``) and the line under it dates the record
  (``Protocol No. 51 of 14.XII.36``, ``Decision of 29.IX.1936``).
- An opening's field cut after a semicolon goes on on the next line (``To comrades Litvinov, Kaganovich — all;`` /
  ``comrade Bogomolov — to point 12.``): one addressee field, not a paragraph that ended the opening (and
  left the excerpt's heading under the body, no title).
(docs/encoding.md: "Party slogan over the letterhead", "Field cut after a semicolon".)
"""

from __future__ import annotations

from conftest import RECORDS
from tei import tei, text_of, xp

RECORD = {path.stem: path for path in RECORDS}
SLOGAN = "soviet_130_party_slogan_over_politburo_excerpt"


def record(stem: str):
    return tei(RECORD[stem].read_bytes(), RECORD[stem].name)


def test_party_slogan_is_letterhead_not_the_title() -> None:
    root = record(SLOGAN)
    assert [text_of(t) for t in xp(root, "//t:titleStmt/t:title[not(@type)]")] == [
        "Excerpt from protocol No. 51 of the session of the Politburo of the CC VKP(b)"]
    assert [text_of(seg) for seg in xp(root, "//t:opener/t:seg[@type = 'letterhead']")][0] == (
        "Workers of all countries, unite!")
    assert not xp(root, "//t:body//t:head[contains(., 'unite')]")


def test_protocol_line_under_the_excerpt_dates_the_record() -> None:
    root = record(SLOGAN)
    assert [date.get("when") for date in xp(root, "//t:profileDesc/t:creation/t:date")] == ["1936-12-14"]


def test_addressee_list_wrapped_after_a_semicolon_stays_in_the_opening() -> None:
    root = record(SLOGAN)
    assert [text_of(seg) for seg in xp(root, "//t:opener/t:seg[@type = 'addressee']")] == [
        "To comrades Litvinov, Kaganovich — all;comrade Bogomolov — to point 12."]  # an lb between the lines
    assert not xp(root, "//t:body//t:p[contains(., 'Bogomolov — to point')]")
    assert xp(root, "//t:correspAction[@type = 'received']/t:persName[@ref = '#bogomolov']")
