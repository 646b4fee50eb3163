"""Shared helpers for the validator's tests (no tests here).

tei_all is found at <repo>/../shared/tei/tei_all.rng or $TEI_ALL_RNG; tests that
need it skip with the reason when it is absent. The encoder's output for the
seeds comes from tei_encoder.pipeline, in memory.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
from lxml import etree

REPO = Path(__file__).resolve().parent.parent
TESTS = REPO / "tests"
VALID = TESTS / "fixtures" / "valid"
INVALID = TESTS / "invalid"
SEEDS = REPO / "seeds"
TEI = "http://www.tei-c.org/ns/1.0"


def tei_all_path() -> Path | None:
    configured = os.environ.get("TEI_ALL_RNG")
    candidate = Path(configured) if configured else REPO.parent / "shared" / "tei" / "tei_all.rng"
    return candidate if candidate.is_file() else None


def tei_all() -> etree.RelaxNG:
    """tei_all.rng compiled once per test session (shared with conftest's fixture), or a skip."""
    from conftest import compiled_tei_all

    return compiled_tei_all()


def valid_fixtures() -> list[Path]:
    files = sorted(VALID.glob("*.xml"))
    assert files, f"no valid fixtures in {VALID}"
    return files


def seed_files() -> list[Path]:
    files = sorted(SEEDS.glob("*.txt"))
    assert files, f"no seeds in {SEEDS}"
    return files


@functools.cache
def seed_tei(name: str) -> bytes:
    """The encoder's TEI for one seed, or a skip when the encoder is not in this checkout."""
    try:
        from tei_encoder.pipeline import encode_bytes
    except ImportError as error:
        pytest.skip(f"the encoder is not available here: {error}")
    path = SEEDS / name
    return encode_bytes(path.read_bytes(), path.name)


def parse(data: bytes) -> etree._ElementTree:
    return etree.fromstring(data).getroottree()
