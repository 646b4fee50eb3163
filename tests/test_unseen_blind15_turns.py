"""Round 3 of the blind15 records (turns, closers, dates, opening fields): a stenogram's labels with the
speaker's initials in capitals and a full stop (``N. S. KHRUSHCHEV. …``), and the other faults of the
round's reports, each on a record of our own."""

from __future__ import annotations

from conftest import RECORDS
from tei import tei, text_of, xp

RECORD = {path.stem: path for path in RECORDS}
INITIALLED = "word_73_stenogram_initialled_capitals_stop_labels"


def record(stem: str):
    return tei(RECORD[stem].read_bytes(), RECORD[stem].name)


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
