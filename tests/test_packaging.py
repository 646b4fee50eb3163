"""The installed wheel carries what tei-encoder needs at run time: schemas, stylesheets, CSS, seeds."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import REPO


def test_wheel_carries_schemas_stylesheets_and_seeds(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path),
                             str(REPO)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    wheel = next(tmp_path.glob("tei_encoder-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in ("tei_encoder/_data/schemas/tei-encoder.xsd", "tei_encoder/_data/schemas/tei-encoder.sch",
                     "tei_encoder/_data/xslt/document.xsl", "tei_encoder/_data/xslt/assets/edition.css",
                     "tei_encoder/py.typed"):
        assert required in names, required
    seeds = {Path(n).name for n in names if n.startswith("tei_encoder/_data/seeds/")}
    assert seeds == {p.name for p in (REPO / "seeds").glob("*.txt")}
    assert not any("tei_all" in n for n in names)  # the official schema is for tests only
