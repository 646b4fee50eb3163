"""The language model unpacked into the cache folder classifies exactly as py3langid's own loader."""

from __future__ import annotations

import lzma
from pathlib import Path
from typing import Any

import pytest
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from tei_encoder.header import langid_model

SAMPLES = [
    "The Ambassador said that the talks would go on until the end of the week.",
    "Товарищ Молотов заявил, что советское правительство не может согласиться с этим предложением.",
    "Der Botschafter erklärte, dass die Verhandlungen bis zum Ende der Woche fortgesetzt werden.",
    "L'ambassadeur a déclaré que les négociations se poursuivraient jusqu'à la fin de la semaine.",
    "毛泽东主席说，中国人民将继续支持越南人民的斗争。",
    "12.08.1943 No. 412/1 Moscow",
]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TEI_ENCODER_CACHE", str(tmp_path))
    return tmp_path


def test_the_unpacked_model_scores_every_text_as_the_shipped_one(cache: Path) -> None:
    shipped = LanguageIdentifier.from_model_file(Path(MODEL_DIR) / MODEL_FILE)
    unpacked = langid_model.load_identifier()
    assert any((cache / "langid").iterdir())
    for text in SAMPLES:
        assert unpacked.classify(text) == shipped.classify(text)
        assert unpacked.rank(text) == shipped.rank(text)


def test_a_second_load_reads_the_cache_without_decompressing(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = langid_model.load_identifier()

    def refuse(data: bytes) -> bytes:
        raise AssertionError("the model was decompressed again")

    monkeypatch.setattr(lzma, "decompress", refuse)
    second = langid_model.load_identifier()
    assert [second.classify(t) for t in SAMPLES] == [first.classify(t) for t in SAMPLES]


def test_without_a_cache_folder_the_shipped_model_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEI_ENCODER_CACHE", "off")
    assert langid_model.load_identifier().classify(SAMPLES[1])[0] == "ru"


def test_a_damaged_cache_is_unpacked_again(cache: Path) -> None:
    langid_model.load_identifier()
    (folder,) = (cache / "langid").iterdir()
    (folder / "pc.npy").write_bytes(b"not an array")
    assert langid_model.load_identifier().classify(SAMPLES[0])[0] == "en"
    assert langid_model._read(folder) is not None


def test_the_dfa_table_is_a_view_of_the_mapped_file_not_a_copy(cache: Path) -> None:
    """Copying the 39 MB transition table into a list-like array cost up to 0.15 s of every process that
    converts a record; the walk indexes a view of the memory-mapped file instead (scores as above)."""
    langid_model.load_identifier()  # unpacks into the cache
    identifier = langid_model.load_identifier()
    assert isinstance(identifier.tk_nextmove, memoryview) and identifier.tk_nextmove.readonly


def _texts() -> list[bytes]:
    """The samples, the seeds and unseen records, and random bytes (every byte value, short and long)."""
    import random

    root = Path(__file__).resolve().parents[1]
    texts = [text.encode() for text in SAMPLES]
    texts += [path.read_bytes()[:6000] for folder in (root / "seeds", root / "tests" / "records")
              for path in sorted(folder.glob("*.txt"))]
    rng = random.Random(12)
    texts += [bytes(rng.randrange(256) for _ in range(rng.randrange(0, 40))) for _ in range(500)]
    texts += [bytes(rng.randrange(256) for _ in range(3000)), b"", b"a", "Щ".encode()]
    return texts


@pytest.fixture(scope="module")
def windowed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The identifier as a converting process loads it from the cache (unpacked once for these tests)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TEI_ENCODER_CACHE", str(tmp_path_factory.mktemp("cache")))
        langid_model.load_identifier()
        return langid_model.load_identifier()


def test_the_vectorised_count_meets_the_features_of_py3langids_walk_in_its_order(windowed: Any) -> None:
    """Same counts, keyed in the same order: the order fixes the floating-point sum of the score."""
    from py3langid.langid import visit_counts

    identifier = windowed
    assert identifier._window == 6
    for text in _texts():
        expected = visit_counts(identifier.tk_nextmove, identifier._rowbase, identifier.tk_output, text)
        found = identifier._visits(text)
        assert (list(found.items()) if found else None) == (list(expected.items()) if expected else None), text


def test_the_vectorised_identifier_classifies_as_the_shipped_one(windowed: Any) -> None:
    shipped = LanguageIdentifier.from_model_file(Path(MODEL_DIR) / MODEL_FILE)
    assert type(windowed) is not LanguageIdentifier
    for text in _texts():
        assert windowed.classify(text) == shipped.classify(text)


def _automaton(moves: dict[tuple[int, int], int], states: int) -> tuple[list[int], list[int]]:
    """A py3langid-shaped table: row r's moves at [r * 256 + byte]; unlisted bytes go to state 0."""
    table = [0] * (states * 256)
    for (state, byte), target in moves.items():
        table[state * 256 + byte] = target
    return table, list(range(states))


def test_an_automaton_that_remembers_the_last_two_bytes_has_a_window_of_two() -> None:
    # matches "ab": 0 -a-> 1 -b-> 2; from 1 or 2 an "a" starts again
    table, rows = _automaton({(0, 97): 1, (1, 97): 1, (2, 97): 1, (1, 98): 2}, 3)
    assert langid_model.synchronising_window(table, rows) == 2


def test_an_automaton_that_never_forgets_has_no_window() -> None:
    # the parity of the number of "a"s read: no number of last bytes tells it
    moves = {(0, 97): 1, (1, 97): 0} | {(1, byte): 1 for byte in range(256) if byte != 97}
    table, rows = _automaton(moves, 2)
    assert langid_model.synchronising_window(table, rows) == 0
