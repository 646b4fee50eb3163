"""Rules found by blind records of session 17 (p: labels that change form, a selection's numbered documents,
a press conference's office labels), proved on records of our own.

- A later word of a speaker's label may take the Arabic article (``Abd al-Halim Khaddam:``, blind p/02).
- Initials as a label (``F. P.:``, ``A. H. K.:``, ``PVL:``, p/02 and p/10) are the one speaker whose name's
  words begin so, once that speaker has spoken under the name.
- An office of several words in capitals as the label (``PRIME MINISTER:``, p/09) is a speaker's.
- The selection's ``No. 1`` over a title in sentence case (``Telegram of the consul general …``, p/06), and
  ``No. 2`` over the next one: the record's title, a document division each.
- ``Received 3.IX. 10 h. 20 min.`` (p/06): a day and month with the hour, no year (it had been 1910).
"""

from __future__ import annotations

import pytest

from tei import person_ids, record, tei, text_of, xp

from tei_encoder.header import dates
from tei_encoder.reader import speech


def _turns(root) -> list[tuple[str, str]]:
    return [(sp.get("who"), text_of(sp.find("{http://www.tei-c.org/ns/1.0}speaker")))
            for sp in xp(root, "//t:body//t:sp")]


def test_a_label_with_the_arabic_article_is_a_speakers() -> None:
    root = record("wilson_146_arabic_article_names_label_their_turns")
    assert _turns(root) == [
        ("#bashev", "Comrade Ivan Bashev:"), ("#shaikhly", "Abd al-Karim al-Shaikhly:"),
        ("#bashev", "Comrade Ivan Bashev:"), ("#ammash", "Salih Mahdi al-Ammash:"),
        ("#shaikhly", "Abd al-Karim al-Shaikhly:"), ("#bashev", "Comrade Ivan Bashev:")]


@pytest.mark.parametrize(("text", "label"), [
    ("Abd al-Halim Khaddam: Thanked the Minister.", "Abd al-Halim Khaddam:"),
    ("Hafez al-Assad: We will see.", "Hafez al-Assad:"),
    ("the al-Ahram: no", None),  # lower case first: no name
])
def test_the_arabic_article_inside_a_label(text: str, label: str | None) -> None:
    found = speech.match_label(text)
    assert (found[1] if found else None) == label


def test_initials_with_stops_label_the_speakers_named_before() -> None:
    root = record("wilson_147_labels_by_initials_after_full_names")
    assert _turns(root) == [
        ("#chnoupek", "Bohuslav Chňoupek:"), ("#korhonen", "Keijo Korhonen:"), ("#chnoupek", "B. Ch.:"),
        ("#korhonen", "K. K.:"), ("#chnoupek", "B. Ch.:"), ("#korhonen", "K. K.:")]
    assert not {"b", "ch", "k", "kk"} & set(person_ids(root))


def test_initials_without_stops_are_no_persons_of_their_own() -> None:
    root = record("other_64_oral_history_initials_without_stops")
    assert [who for who, _ in _turns(root)] == ["#ellison", "#tran"] * 4
    assert [label for _, label in _turns(root)][4:] == ["ME:", "TQH:", "ME:", "TQH:"]
    assert not {"me", "tqh"} & set(person_ids(root))


def test_initials_of_two_speakers_name_none() -> None:
    """``AB:`` where Anna Bell and Adam Brown both spoke: neither is guessed (the label stays a name of its own)."""
    root = tei("Interview\n\nAnna Bell: Good morning to you, sir.\n\nAdam Brown: Good morning.\n\n"
               "Anna Bell: Shall we begin?\n\nAB: Yes, we should begin now.\n")
    whos = [who for who, _ in _turns(root)]
    assert whos[:3] == ["#bell", "#brown", "#bell"] and whos[3] not in ("#bell", "#brown")


def test_an_office_of_several_words_in_capitals_labels_the_one_who_answers() -> None:
    root = record("other_63_press_conference_office_labels_in_capitals")
    turns = _turns(root)
    assert [who for who, _ in turns] == ["#foreign-minister", "#interviewer"] * 3 + ["#foreign-minister"]
    assert turns[0][1] == "FOREIGN MINISTER:"
    answers = [" ".join(text_of(sp).split()) for sp in xp(root, "//t:body//t:sp[@who='#interviewer']")]
    assert not any("FOREIGN MINISTER" in answer for answer in answers)


@pytest.mark.parametrize(("text", "label"), [
    ("PRIME MINISTER: Not formally. Our Ambassador has had talks.", "PRIME MINISTER:"),
    ("Foreign Minister: I do not think that we can agree", "Foreign Minister:"),
    ("Prime Minister: Jawaharlal Nehru", None),  # a field naming the office's holder, no speech
    ("Soviet Minister: I do not think that we can agree", None),  # no office of titles alone
])
def test_an_office_alone_as_a_label(text: str, label: str | None) -> None:
    found = speech.match_label(text)
    assert (found[1] if found else None) == label


def test_the_selections_numbers_over_sentence_case_titles_make_documents() -> None:
    root = record("soviet_124_selection_numbers_over_sentence_case_titles")
    assert xp(root, "//t:titleStmt/t:title/text()") == [
        "Letter of the polpred of the USSR in Turkey Ya. Z. Surits to the deputy people's commissar N. N. Krestinsky"]
    divisions = xp(root, "//t:body/t:div[@type='document']")
    assert [d.get("n") for d in divisions] == ["1", "2", "3"]
    heads = [" ".join(text_of(d.find("{http://www.tei-c.org/ns/1.0}head")).split()) for d in divisions]
    assert heads == ["Letter of the polpred of the USSR in Turkey Ya. Z. Surits to the deputy people's commissar "
                     "N. N. Krestinsky", "Letter of N. N. Krestinsky to Ya. Z. Surits",
                     "Resolution of the collegium of the NKID"]
    numbers = [text_of(s) for s in xp(root, "//t:body//t:opener/t:seg[@type='number']")]
    assert numbers == ["No. 1", "No. 2", "No. 3"]
    salutes = [text_of(s) for s in xp(root, "//t:body//t:opener[t:dateline]/t:salute")]
    assert salutes == ["Dear Nikolai Nikolayevich,", "Dear Yakov Zakharovich,"]  # under the dateline, not the number
    assert not xp(root, "//t:body//t:sp")


def test_a_receipt_with_day_month_and_hour_has_no_year() -> None:
    root = record("soviet_125_received_day_and_month_with_hour")
    received = xp(root, "//t:body//t:opener/t:seg[@type='received']")
    assert [" ".join(text_of(s).split()) for s in received] == ["Received 18.XI. 14 h. 40 min."]
    assert not xp(root, "//t:body//t:opener/t:seg[@type='received']//t:date[@when]")
    assert xp(root, "//t:profileDesc/t:creation/t:date/@when") == ["1934-11-17"]
    assert "1914" not in "".join(xp(root, "//@when"))


@pytest.mark.parametrize(("text", "found"), [
    ("Received 3.IX. 10 h. 20 min.", []),
    ("4.IX. 10 ч. 20 м.", []),
    ("15.IV.50", [("15.IV.50", "1950-04-15")]),
    ("Received 3.IX.32 at 10 h.", [("3.IX.32", "1932-09-03")]),
])
def test_two_digits_before_an_hour_are_no_year(text: str, found: list[tuple[str, str]]) -> None:
    assert [(d.text, d.when) for d in dates.find_dates(text)] == found
