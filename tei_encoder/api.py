"""The encoder as a Python API: ``tei_encoder.convert(path_or_text, config=...) -> Result``.

    import tei_encoder
    result = tei_encoder.convert("records/004.txt", config="tei-encoder.toml")
    result.tei            # the TEI as UTF-8 bytes, exactly what ``tei-encoder convert`` writes
    result.tree()         # … parsed (lxml), with the hardened parser
    result.diagnostics    # the encoder's warnings (file, line, rule), and the validator's with validate=True

The same pipeline as the command line (``pipeline.encode``); nothing is written to disk.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei_encoder.config import Config, load_config
from tei_encoder.diagnostics import Diagnostic

__all__ = ["Result", "convert"]


@dataclass(frozen=True, slots=True)
class Result:
    """One record converted: its TEI, its record family and every diagnostic."""

    tei: bytes
    family: str
    diagnostics: tuple[Diagnostic, ...] = ()

    def tree(self) -> etree._ElementTree:
        """The TEI parsed (a new tree on every call, so callers may change it)."""
        from tei_encoder.xmlsafe import parse_bytes

        return parse_bytes(self.tei)


def convert(path_or_text: str | bytes | os.PathLike[str], config: Config | str | os.PathLike[str] | None = None,
            *, family: str | None = None, name: str = "record.txt", validate: bool = False) -> Result:
    """Convert one plain-text record into TEI.

    ``path_or_text``: a path (``pathlib.Path``, or a ``str`` without a line break naming an existing
    file) is read as a record file; any other ``str`` is the record's text and ``bytes`` its raw bytes
    (``name`` then gives its file name: the header's file name and the stem of its identifiers).
    ``config``: a ``Config`` or the path of a project file; None uses no project file (nothing is looked
    for). ``family`` overrides detection. ``validate`` adds the project validator's findings.

    Raises ``tei_encoder.source.SourceError`` for input that is no record (empty, binary, missing),
    ``tei_encoder.config.ConfigError`` for an unusable project file, ``KeyError`` for an unknown family.
    """
    from tei_encoder.pipeline import encode
    from tei_encoder.source import read_source, source_from_bytes

    settings = config if isinstance(config, Config) else load_config(config) if config is not None else Config()
    if isinstance(path_or_text, bytes):
        source = source_from_bytes(path_or_text, name)
    elif isinstance(path_or_text, str) and not _names_a_file(path_or_text):
        source = source_from_bytes(path_or_text.encode("utf-8"), name)
    else:
        source = read_source(Path(path_or_text))
    document, tei = encode(source, family, settings)
    diagnostics = source.warnings + document.warnings
    if validate:
        from tei_encoder.validate import Validator

        diagnostics += tuple(Validator().validate_bytes(tei, source.name))
    return Result(tei, document.family, diagnostics)


def _names_a_file(text: str) -> bool:
    return "\n" not in text and "\r" not in text and len(text) < 4096 and os.path.isfile(text)
