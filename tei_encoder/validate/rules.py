"""Rule ids that the validator itself reports.

Schema rules carry their own ids: Schematron asserts their ``@id``
(``TE-…`` for the project schema), XSD errors the W3C validation-rule name
(``xsd:cvc-complex-type.2.4``), RELAX NG errors libxml2's error name
(``rng:…``). docs/validation.md lists every id with its fix.
"""

from __future__ import annotations

MALFORMED = "xml-malformed"          # not well-formed XML (line and column from the parser)
UNSAFE = "xml-unsafe"                # DOCTYPE with entity declarations or an external DTD, entity bombs
TOO_LARGE = "xml-too-large"          # larger than xmlsafe.MAX_BYTES
UNREADABLE = "input-unreadable"      # missing file, permission denied, a glob that matches nothing
XINCLUDE_REFUSED = "xinclude-refused"  # --xinclude: an include that is not under the input's folder
XINCLUDE_NOT_RESOLVED = "xinclude-not-resolved"  # xi:include in a file read without --xinclude
SCHEMA_UNUSABLE = "schema-unusable"  # a schema that cannot be read or compiled
SCHEMA_READ_REFUSED = "schema-read-refused"  # a Schematron's document() asked for a file outside its folder
XML_MODEL_REMOTE = "xml-model-remote"    # an xml-model PI naming a URL: never fetched
XML_MODEL_MISSING = "xml-model-missing"  # an xml-model PI naming a local file that is not there
XML_MODEL_UNUSABLE = "xml-model-unusable"  # an xml-model PI naming a local file that does not compile
TOO_MANY = "max-errors"              # more errors than --max-errors; the rest are not shown
DUPLICATE_ID = "TE-ID-001"           # the Schematron rule's id, also used when the parser rejects a duplicate
BAD_ID = "xml-id-invalid"            # an xml:id that is not an NCName (the file is well-formed; the value is not)

# Rules whose diagnostics mean "could not check this input at all" (exit status 2).
UNUSABLE_RULES = frozenset({UNREADABLE, SCHEMA_UNUSABLE})
