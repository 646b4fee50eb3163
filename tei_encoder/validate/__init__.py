"""Validation of TEI files: hardened parsing, XSD, RELAX NG and Schematron, all results as Diagnostics.

    from tei_encoder.validate import Validator, validate
    diagnostics = validate("letter.xml")                      # the project's XSD + Schematron
    diagnostics = validate(tree, schemas=["tei_all.rng"])     # any .xsd, .rng or .sch
    checker = Validator()                                      # compile once …
    checker.validate_tree(tree, file="000.xml")                # … check many

Nothing here knows TEI: the TEI-specific rules live in schemas/*.xsd and *.sch.
"""

from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.validate.checkers import SchemaError
from tei_encoder.validate.validator import Validator, default_schemas, validate

__all__ = ["Diagnostic", "SchemaError", "Severity", "Validator", "default_schemas", "validate"]
