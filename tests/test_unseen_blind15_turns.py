"""Round 3 of the blind15 records (turns, closers, dates, opening fields): a stenogram's labels with the
speaker's initials in capitals and a full stop (``N. S. KHRUSHCHEV. …``), and the other faults of the
round's reports, each on a record of our own."""

from __future__ import annotations

from tei import record, tei, text_of, xp

INITIALLED = "word_73_stenogram_initialled_capitals_stop_labels"


def turns(root) -> list[tuple[str, str]]:
    return [(sp.get("who"), text_of(xp(sp, "t:speaker")[0])) for sp in xp(root, "//t:body//t:sp")]


# -- labels with initials, in capitals, and a full stop


def test_initialled_capitals_labels_with_a_full_stop_are_turns() -> None:
    root = record(INITIALLED)
    assert turns(root) == [
        ("#kosygin", "A. N. KOSYGIN."), ("#erlander", "T. ERLANDER."), ("#kosygin", "A. N. KOSYGIN."),
        ("#nilsson", "T. NILSSON."), ("#gromyko", "A. A. GROMYKO."), ("#erlander", "T. ERLANDER."),
        ("#kosygin", "A. N. KOSYGIN."),
    ]
    assert xp(root, "//t:sp[2]//t:stage/text()") == ["(Smiles.)"]


def test_the_editors_bracket_and_the_recorder_after_the_last_turn_are_not_its_speech() -> None:
    root = record(INITIALLED)
    last = text_of(xp(root, "//t:body//t:sp")[-1])
    assert "cultural exchange" not in last and "Recorded by" not in last


# -- closers: a bare surname before the next [Document N], an office label over the signer in parentheses,
#    the signer's office and date under "Sd/-" before a handwritten note

CABLE_AND_MEMO = "wilson_112_cable_and_memo_office_label_over_parenthesised_signer"
SIGNED_MARK = "wilson_113_signed_mark_office_date_handwritten_after"


def closers(root) -> list[str]:
    return [text_of(closer) for closer in xp(root, "//t:body//t:closer")]


def test_a_bare_surname_over_the_next_document_marker_signs_the_cable() -> None:
    root = record(CABLE_AND_MEMO)
    assert xp(root, "//t:div[@n='1']/t:closer/t:signed/t:persName/@ref") == ["#tabor"]
    assert not [p for p in xp(root, "//t:body//t:p") if text_of(p) == "Tabor"]


def test_an_office_label_over_a_signer_in_parentheses_is_one_signature() -> None:
    root = record(CABLE_AND_MEMO)
    assert xp(root, "//t:div[@n='2']/t:closer/t:signed/t:persName/@ref") == ["#bashev"]
    assert "MINISTER:" in text_of(xp(root, "//t:div[@n='2']/t:closer")[0])
    assert "sender" in xp(root, "//t:person[@xml:id='bashev']/@role")[0]


def test_the_signers_office_and_date_under_a_signed_mark_stay_in_the_closer() -> None:
    root = record(SIGNED_MARK)
    assert closers(root) == ["Sd/- (T.N. Kaul) Foreign Secretary3.10.1966"]  # (the lb between them adds no space)
    assert xp(root, "//t:closer/t:dateline/t:date/@when") == ["1966-10-03"]
    assert not xp(root, "//t:body//t:head[.='Foreign Secretary']")
    assert "foreign" not in xp(root, "//t:person/@xml:id")
