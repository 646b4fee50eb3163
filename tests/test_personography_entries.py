"""tei/persons.xml from stored person entries: the same bytes as from the documents, without reading them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import GOLDEN

from tei_encoder import model as m
from tei_encoder.writer.personography import person_entries, personography, personography_of_entries
from tei_encoder.xmlsafe import parse_bytes

EDITION = m.EditionStatement("An edition", "A publisher", "CC-BY-4.0", "https://example.org/licence", ("An editor",))


def _entries_rows(documents: list[tuple[str, object]]) -> list[tuple[str, object]]:
    rows = [(entry.ident, number, order, name, entry) for number, (name, tree) in enumerate(documents)
            for order, entry in enumerate(person_entries(tree))]  # type: ignore[arg-type]
    return [(name, entry) for _, _, _, name, entry in sorted(rows, key=lambda row: row[:3])]


@pytest.mark.parametrize("count", [0, 1, 3, None])
def test_entries_give_the_bytes_the_documents_give(count: int | None) -> None:
    documents = [(path.name, parse_bytes(path.read_bytes())) for path in sorted(GOLDEN.glob("*.xml"))][:count]
    assert documents or count == 0
    expected = personography(documents, EDITION)
    pieces = list(personography_of_entries(len(documents), _entries_rows(documents), EDITION))  # type: ignore[arg-type]
    assert b"".join(pieces) == expected
    if count != 0:
        assert b"<listPerson>" in expected and len(pieces) > 2  # written a person at a time


def test_a_document_naming_a_person_twice_points_to_it_once() -> None:
    tree = parse_bytes(sorted(GOLDEN.glob("*.xml"))[0].read_bytes())
    documents = [("a.xml", tree), ("a.xml", tree)]
    assert b"".join(personography_of_entries(2, _entries_rows(documents), EDITION)) == personography(documents, EDITION)


def test_a_build_writes_persons_without_reading_unchanged_tei(tmp_path: Path) -> None:
    from tei_encoder.cli import main

    source = tmp_path / "records"
    source.mkdir()
    seeds = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))[:3]
    for seed in seeds:
        (source / seed.name).write_bytes(seed.read_bytes())
    out = tmp_path / "site"
    build = ["build", str(source), "--out", str(out), "--jobs", "1", "-q", "--no-search"]
    assert main(build) in (0, 1)
    before = (out / "tei" / "persons.xml").read_bytes()
    unchanged = out / "tei" / f"{seeds[0].stem}.xml"
    text = unchanged.read_bytes()
    unchanged.write_bytes(b"not XML")  # were persons.xml made from the TEI files, this would break it
    edited = source / seeds[1].name
    edited.write_bytes(edited.read_bytes() + b"\n\nMr. Xavier Quillfeather said that the weather was fine.\n")
    assert main(build) in (0, 1)
    after = (out / "tei" / "persons.xml").read_bytes()
    unchanged.write_bytes(text)
    assert after != before and b"quillfeather" in after.lower()
    assert after.count(f'target="{seeds[0].stem}.xml#'.encode()) == before.count(f'target="{seeds[0].stem}.xml#'.encode()) > 0
