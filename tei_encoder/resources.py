"""Locate the schemas and stylesheets shipped with tei-encoder.

An installed wheel carries them in ``tei_encoder/_data/``; a source checkout
keeps them in the top-level ``schemas/`` and ``xslt/`` folders.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _data_dir(name: str) -> Path:
    packaged = Path(str(resources.files("tei_encoder"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"tei-encoder is missing its {name}/ folder; reinstall the package")


def schema_path(filename: str) -> Path:
    return _data_dir("schemas") / filename


def xslt_path(filename: str) -> Path:
    return _data_dir("xslt") / filename


def seeds_dir() -> Path:
    """The bundled sample records (shipped in the wheel too, so ``build`` works anywhere)."""
    return _data_dir("seeds")
