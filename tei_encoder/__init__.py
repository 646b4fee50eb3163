"""tei-encoder: plain-text historical records → TEI P5 editions, validation and reading views.

The Python API: ``tei_encoder.convert(path_or_text, config=...)`` (api.py) and
``tei_encoder.validate.validate(path_or_tree, schemas=...)``.

The pipeline, one stage a module:
    source.read_source → families.detect → family.read (→ model.Document)
    → writer.write_tei → validate → render
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Result", "__version__", "convert"]

if TYPE_CHECKING:
    from tei_encoder.api import Result, convert


def __getattr__(name: str) -> Any:
    """``tei_encoder.convert`` and ``Result`` load the encoder only when used (``validate`` runs stay quick)."""
    if name in ("convert", "Result"):
        from tei_encoder import api

        return getattr(api, name)
    raise AttributeError(f"module 'tei_encoder' has no attribute {name!r}")
