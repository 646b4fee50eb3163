"""The encoder's Python API: ``tei_encoder.convert`` (issue 11)."""

from __future__ import annotations

from pathlib import Path

import pytest

import tei_encoder
from conftest import SEEDS, TEI_NS
from tei_encoder.config import Config, ConfigError, Edition
from tei_encoder.pipeline import encode_bytes
from tei_encoder.source import SourceError


def test_a_path_gives_the_same_tei_as_the_command_line() -> None:
    seed = SEEDS[0]
    result = tei_encoder.convert(seed)
    assert isinstance(result, tei_encoder.Result)
    assert result.tei == encode_bytes(seed.read_bytes(), seed.name)
    assert result.family == "wilson-center"
    assert tei_encoder.convert(str(seed)).tei == result.tei  # a str naming a file is that file


def test_text_and_bytes_are_records_in_memory() -> None:
    text = "Memorandum\n\nMr. Smith said that it was fine.\n"
    from_text = tei_encoder.convert(text, name="memo.txt")
    assert from_text.tei == tei_encoder.convert(text.encode(), name="memo.txt").tei
    root = from_text.tree().getroot()
    assert root.tag == f"{{{TEI_NS}}}TEI"
    assert root.xpath("//t:idno[@type='file']/text()", namespaces={"t": TEI_NS}) == ["memo.txt"]


def test_diagnostics_name_the_file_and_line() -> None:
    result = tei_encoder.convert("First □ line.\nThe caf".encode() + b"\xe9 is open.\n", name="damaged.txt")
    warning, = result.diagnostics
    assert (warning.file, warning.line, warning.rule) == ("damaged.txt", 2, "stray-bytes-repaired")


def test_validate_adds_the_validators_findings() -> None:
    result = tei_encoder.convert(SEEDS[2], validate=True)
    assert all(d.source != "tei-encoder" or d.rule for d in result.diagnostics)
    assert not [d for d in result.diagnostics if d.severity.value == "error"]


def test_a_config_or_its_path_changes_the_header(tmp_path: Path) -> None:
    config = Config(Edition(publisher="Example Historical Society", idno_prefix="asc-"))
    assert b"<publisher>Example Historical Society</publisher>" in tei_encoder.convert(SEEDS[0], config=config).tei
    project = tmp_path / "tei-encoder.toml"
    project.write_text('[edition]\npublisher = "Example Historical Society"\nidno_prefix = "asc-"\n')
    assert tei_encoder.convert(SEEDS[0], config=project).tei == tei_encoder.convert(SEEDS[0], config=config).tei


def test_bad_input_raises_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError):
        tei_encoder.convert(b"")
    with pytest.raises(ConfigError, match="no such project file"):
        tei_encoder.convert("Some text.\n", config=tmp_path / "missing.toml")
