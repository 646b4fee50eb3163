"""Shared fixtures: the seeds, the goldens, and the official tei_all schema (compiled once)."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest
from hypothesis import settings
from lxml import etree

REPO = Path(__file__).resolve().parent.parent
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
RECORDS = sorted((REPO / "tests" / "records").glob("*.txt"))
GOLDEN = REPO / "tests" / "golden"
TEI_ALL = Path(os.environ.get("TEI_ALL_RNG", REPO.parent / "shared" / "tei" / "tei_all.rng"))
TEI_NS = "http://www.tei-c.org/ns/1.0"

# CI runs the same examples every time (a gate must not flip on a random draw); local runs keep
# exploring new examples, which is how most of the encoder's edge cases were found.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# The schema cache (validate/schema_cache.py) of a test run stays out of the user's cache folder;
# the commands the tests start inherit it.
if "TEI_ENCODER_CACHE" not in os.environ:
    import atexit
    import shutil
    import tempfile

    os.environ["TEI_ENCODER_CACHE"] = tempfile.mkdtemp(prefix="tei-encoder-test-cache-")
    atexit.register(shutil.rmtree, os.environ["TEI_ENCODER_CACHE"], ignore_errors=True)

if len(SEEDS) < 5:  # a suite that finds no seeds must not pass
    raise RuntimeError(f"expected the five seed records in {REPO / 'seeds'}, found {len(SEEDS)}")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite tests/golden/*.xml from the current encoder (review the diff!)")


@pytest.fixture(autouse=True)
def _no_build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@functools.cache
def compiled_tei_all() -> etree.RelaxNG:
    """The official TEI P5 tei_all RELAX NG schema, compiled once per test session (it takes seconds)."""
    if not TEI_ALL.is_file():
        pytest.skip(f"official tei_all.rng not found at {TEI_ALL} (set TEI_ALL_RNG); "
                    "conformance is checked in CI, where ../shared/tei/ is present")
    return etree.RelaxNG(etree.parse(str(TEI_ALL)))


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    return compiled_tei_all()


def assert_valid(schema: etree.RelaxNG, tei: bytes, name: str) -> None:
    document = etree.fromstring(tei)
    if not schema.validate(document):
        errors = "\n".join(f"  line {e.line}: {e.message}" for e in list(schema.error_log)[:10])
        raise AssertionError(f"{name} is not valid against tei_all:\n{errors}")
