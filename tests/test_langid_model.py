"""The language model unpacked into the cache folder classifies exactly as py3langid's own loader."""

from __future__ import annotations

import lzma
from pathlib import Path

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
