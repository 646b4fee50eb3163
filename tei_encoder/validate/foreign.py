"""TEI that tei-encoder did not write: recognise it, and find the official tei_all schema to check it with.

The project's profile (tei-encoder.xsd + .sch) describes what the encoder
writes; on anyone else's TEI it reports hundreds of "errors" that are only
differences of style. So in the default mode a document whose header does
not name tei-encoder in ``appInfo`` is checked against tei_all (grammar and
embedded Schematron) when the user has named tei_all once, with the
environment variable TEI_ALL_RNG; ``--profile tei-encoder`` forces the
project's rules. tei_all is not shipped (1 MB; see docs/validation.md for
where to get it).
"""

from __future__ import annotations

import os
from pathlib import Path

from lxml import etree

from tei_encoder.diagnostics import Diagnostic, Severity

TEI_ALL_ENV = "TEI_ALL_RNG"
NAMED_SCHEMAS = ("tei_all",)  # --schema tei_all: the file TEI_ALL_RNG names
FOREIGN = "foreign-tei"  # rule id of the one note about the profile used
_TEI = "http://www.tei-c.org/ns/1.0"
# An application that names tei-encoder by ident, id or label: a damaged ident is still our file (TE-HDR-002).
_WRITTEN_BY_US = etree.XPath("/tei:TEI/tei:teiHeader/tei:encodingDesc/tei:appInfo/tei:application"
                             "[@ident = 'tei-encoder' or @xml:id = 'tei-encoder' or tei:label = 'tei-encoder']",
                             namespaces={"tei": _TEI}, regexp=False)  # no EXSLT regexp: registered per call


def written_by_tei_encoder(tree: etree._ElementTree) -> bool:
    return bool(_WRITTEN_BY_US(tree))


def tei_all_path() -> Path | None:
    """The tei_all.rng the user named with $TEI_ALL_RNG, if it names a file."""
    configured = os.environ.get(TEI_ALL_ENV, "").strip()
    if configured and Path(configured).is_file():
        return Path(configured)
    return None


def resolve_named(schema: str) -> str:
    """``tei_all`` stands for the file $TEI_ALL_RNG names; any other argument is a path, unchanged."""
    if schema not in NAMED_SCHEMAS or Path(schema).exists():
        return schema
    path = tei_all_path()
    if path is None:
        from tei_encoder.validate.checkers import SchemaError

        raise SchemaError(f"tei_all: set {TEI_ALL_ENV} to the path of tei_all.rng (TEI P5, "
                          "https://tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng), or name the file")
    return os.fspath(path)


def foreign_note(file: str, schema: Path | None) -> Diagnostic:
    """The one line that says a file is not tei-encoder's and what it was checked against instead."""
    if schema is not None:
        return Diagnostic(
            file=file, rule=FOREIGN, severity=Severity.INFO, source=schema.name,
            message=f"not written by tei-encoder (no appInfo application 'tei-encoder'): checked against "
                    f"{schema.name} and its embedded Schematron instead of tei-encoder's profile "
                    "(--profile tei-encoder applies the profile)")
    return Diagnostic(
        file=file, rule=FOREIGN, severity=Severity.WARNING,
        message=f"not written by tei-encoder (no appInfo application 'tei-encoder'): only well-formedness was "
                f"checked; set {TEI_ALL_ENV} to tei_all.rng to check it against TEI, name a schema with "
                "--schema, or use --profile tei-encoder for the project's rules")
