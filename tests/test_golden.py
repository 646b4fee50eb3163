"""Golden TEI per seed: any difference fails, with a diff and the command to accept it.

Regenerate after an intended change, then review the diff before committing:
    python -m pytest tests/test_golden.py --update-goldens && git diff tests/golden
"""

from __future__ import annotations

import difflib

import pytest

from conftest import GOLDEN, SEEDS
from tei_encoder.pipeline import encode_bytes


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_matches_golden(seed, request: pytest.FixtureRequest) -> None:
    produced = encode_bytes(seed.read_bytes(), seed.name)
    golden = GOLDEN / f"{seed.stem}.xml"
    if request.config.getoption("--update-goldens"):
        golden.write_bytes(produced)
        return
    assert golden.is_file(), f"no golden for {seed.name}: run pytest tests/test_golden.py --update-goldens"
    expected = golden.read_bytes()
    if produced != expected:
        diff = "".join(difflib.unified_diff(
            expected.decode().splitlines(keepends=True), produced.decode().splitlines(keepends=True),
            f"golden/{golden.name}", "produced", n=2))
        pytest.fail(f"{seed.name} differs from its golden:\n{diff[:6000]}\n"
                    "If the change is intended: python -m pytest tests/test_golden.py --update-goldens "
                    "and review `git diff tests/golden`.")


def test_every_golden_has_a_seed() -> None:
    stems = {seed.stem for seed in SEEDS}
    assert {g.stem for g in GOLDEN.glob("*.xml")} <= stems
