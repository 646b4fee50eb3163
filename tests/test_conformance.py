"""Our TEI is valid against the official TEI P5 tei_all schema (../shared/tei/tei_all.rng)."""

from __future__ import annotations

import pytest

from conftest import RECORDS, SEEDS, assert_valid
from tei_encoder.pipeline import encode_bytes


@pytest.mark.parametrize("path", SEEDS + RECORDS, ids=lambda p: p.stem)
def test_output_is_valid_tei_all(path, tei_all) -> None:
    assert_valid(tei_all, encode_bytes(path.read_bytes(), path.name), path.name)


@pytest.mark.parametrize("text", [
    "x",
    "Q: Where were you?\nA: In Moscow.\n",
    "TOP SECRET\n\nNo. 12\n\nSomething happened [sic] here □□ and [...] there.\n",
    "Stalin: \"Open quote never closed\n\nSecond block.\n",
    "Recorded by [signature] (A. B. Person).\n\nTrailing words after the closer.\n",
])
def test_small_inputs_are_valid(text: str, tei_all) -> None:
    assert_valid(tei_all, encode_bytes(text.encode()), repr(text))
