"""Imported by the forkserver that validate's workers fork from (batch.WORKER_PRELOAD), never by a command.

Importing it compiles the project's XSD once, in that single-threaded server: every forked worker then
finds it in checkers.checker_for's cache, where a spawned worker started an interpreter, imported lxml
and the validator, and compiled the schema itself. (The Schematron stays deferred: own_rules.py answers
for it on the usual record.)
"""

from __future__ import annotations

from tei_encoder.resources import schema_path
from tei_encoder.validate import batch  # noqa: F401  (the workers' module, imported once here)
from tei_encoder.validate.checkers import SchemaError, checker_for

try:
    checker_for(schema_path("tei-encoder.xsd"))
except (SchemaError, OSError):  # a worker compiles it again and reports why it cannot, as a spawned one does
    pass
