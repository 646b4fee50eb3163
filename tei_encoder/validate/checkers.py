"""Compiled schemas that check a parsed tree and return diagnostics.

One class per schema language: W3C XML Schema 1.0 (lxml/libxml2), XML Schema
1.1 or anything libxml2 cannot compile (xmlschema), RELAX NG (lxml), ISO
Schematron with XPath 1.0 (lxml.isoschematron). ``checker_for`` compiles a
schema file once per process and caches it by path and modification time.

Why lxml first and not xmlschema for XSD: measured on this machine with the
project schema and a 6 KB TEI file, lxml validates in 0.07 ms and compiles in
2 ms; xmlschema takes 6.5 ms per document, 190 ms to compile and ~150 ms to
import. libxml2's errors already carry the offending element (the child,
not its parent, for an unexpected element), the line, a W3C rule code and
the expected elements, while xmlschema reports an unexpected child on the
parent and a union-typed value as a failure of the union's first member.
So lxml both decides and explains; xmlschema is the fallback for schemas
libxml2 cannot compile (XSD 1.1 assertions).
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from lxml import etree

from tei_encoder import xmlsafe
from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.regular_file import InputRefused, describe_os_error, read_regular_file
from tei_encoder.resources import schema_path
from tei_encoder.validate import rules, xsd_twin
from tei_encoder.validate.locate import EXTENSIONS, LOCATE_NS, Locator, element_at, locating, xpath_of

NS_XSD = "http://www.w3.org/2001/XMLSchema"
NS_RNG = "http://relaxng.org/ns/structure/1.0"
NS_SCH = "http://purl.oclc.org/dsdl/schematron"
NS_SVRL = "http://purl.oclc.org/dsdl/svrl"

_SVRL_FAILED = f"{{{NS_SVRL}}}failed-assert"
_SVRL_REPORT = f"{{{NS_SVRL}}}successful-report"
_SVRL_TEXT = f"{{{NS_SVRL}}}text"

# libxml2 names whose W3C validation-rule name is not spelled in them.
_XSD_CODES = {
    "SCHEMAV_ELEMENT_CONTENT": "cvc-complex-type.2.4",
    "SCHEMAV_CVC_ELT_1": "cvc-elt.1",
}


class SchemaError(Exception):
    """A schema that cannot be read or compiled; the message says which and why."""


class Checker(Protocol):
    name: str

    def check(self, tree: etree._ElementTree, file: str) -> list[Diagnostic]: ...


def _strip_namespace(message: str, tree: etree._ElementTree) -> str:
    namespace = etree.QName(tree.getroot()).namespace
    if namespace:
        message = message.replace("{" + namespace + "}", "")
    return message.strip()


def _xsd_rule(type_name: str) -> str:
    if type_name in _XSD_CODES:
        return "xsd:" + _XSD_CODES[type_name]
    name = type_name.removeprefix("SCHEMAV_")
    parts = name.lower().split("_")
    words = [part for part in parts if not part.isdigit()]
    numbers = [part for part in parts if part.isdigit()]
    return "xsd:" + "-".join(words) + ("." + ".".join(numbers) if numbers else "")


def _rng_rule(type_name: str) -> str:
    return "rng:" + type_name.removeprefix("RELAXNG_ERR_").removeprefix("RELAXNG_").lower().replace("_", "-")


def _log_diagnostics(log: etree._ListErrorLog, tree: etree._ElementTree, file: str,
                     rule_of, source: str) -> list[Diagnostic]:  # type: ignore[no-untyped-def]
    found = []
    for entry in log:
        element = element_at(tree, entry.path) if entry.path else None
        line = entry.line or (element.sourceline if element is not None else None)
        found.append(Diagnostic(
            file=file,
            message=_strip_namespace(entry.message, tree),
            rule=rule_of(entry.type_name),
            severity=Severity.WARNING if entry.level_name == "WARNING" else Severity.ERROR,
            line=line or None,
            column=entry.column or None,
            xpath=xpath_of(element) if element is not None else None,
            source=source,
        ))
    return found


def _read_schema(path: Path) -> bytes:
    """A schema's bytes (a regular file, at most MAX_BYTES, never decompressed)."""
    try:
        return read_regular_file(path, xmlsafe.MAX_BYTES)
    except InputRefused as error:
        raise SchemaError(f"{path}: {error}") from None
    except OSError as error:
        raise SchemaError(f"{path}: cannot read the schema: {describe_os_error(error)}") from None


def _parse_schema_document(path: Path, data: bytes | None = None
                           ) -> tuple[etree._ElementTree, xmlsafe.ConfinedResolver]:
    """Read and parse a schema named by the user.

    Its imports and includes are read only from its own folder (xmlsafe.ConfinedResolver).
    """
    if data is None:
        data = _read_schema(path)
    try:
        return xmlsafe.parse_confined(data, path)
    except etree.XMLSyntaxError as error:
        raise SchemaError(f"{path}: the schema is not well-formed XML: {error}") from None


def _raise_refused(path: Path, resolver: xmlsafe.ConfinedResolver) -> None:
    """A schema that asked for a file it may not read is unusable: say which file and why."""
    if resolver.refused:
        url, reason = resolver.refused[0]
        raise SchemaError(f"{path}: it names {url}, which {reason}; imports and includes are read only "
                          "from the schema's own folder")


class _LibxmlChecker:
    """A schema libxml2 compiled (XSD 1.0 or RELAX NG); its error log becomes diagnostics."""

    def __init__(self, path: Path, schema: etree._Validator, rule_of) -> None:  # type: ignore[no-untyped-def]
        self.name = path.name
        self._schema = schema
        self._rule_of = rule_of

    def check(self, tree: etree._ElementTree, file: str) -> list[Diagnostic]:
        if self._schema.validate(tree):
            return []
        return _log_diagnostics(self._schema.error_log, tree, file, self._rule_of, self.name)


class XsdChecker(_LibxmlChecker):
    """W3C XML Schema 1.0 through libxml2.

    With ``fast``, the schema's twin (xsd_twin.py: the same verdicts, found faster) decides first,
    and the schema itself is asked only about a document the twin rejects, for its diagnostics.
    The twin may leave the pointer pattern to a check in Python (``_pointers``) that accepts less.
    """

    def __init__(self, path: Path, document: etree._ElementTree, *, fast: bool = False) -> None:
        super().__init__(path, etree.XMLSchema(document), _xsd_rule)
        twin = xsd_twin.twin(document) if fast else None
        relaxed = xsd_twin.relax_pointers(twin) if twin is not None else None
        self.pointers = relaxed[1] if relaxed is not None else None
        if relaxed is not None:
            twin = relaxed[0]
        self._twin = _compiled_twin(twin) if twin is not None else None
        if self._twin is None:
            self.pointers = None

    def twin_accepts(self, tree: etree._ElementTree) -> bool:
        """The twin accepts ``tree``: the schema does too if ``pointers`` (when there is one) accepts it."""
        return self._twin is not None and bool(self._twin.validate(tree))

    def fast_accepts(self, tree: etree._ElementTree) -> bool:
        """The twin and the pointer check both accept ``tree``: then the schema does too."""
        return self.twin_accepts(tree) and (self.pointers is None or self.pointers.accepts(tree))

    def strict(self, tree: etree._ElementTree, file: str) -> list[Diagnostic]:
        """The schema's own verdict and diagnostics."""
        return super().check(tree, file)

    def check(self, tree: etree._ElementTree, file: str) -> list[Diagnostic]:
        if self.fast_accepts(tree):
            return []
        return self.strict(tree, file)


def _compiled_twin(twin: etree._ElementTree) -> etree.XMLSchema | None:
    """The twin compiled; None (the schema decides alone) if libxml2 refuses the rewritten content models."""
    try:
        return etree.XMLSchema(twin)
    except etree.XMLSchemaParseError:
        return None


_MESSAGE_LIMIT = 300


def _short(message: str) -> str:
    """The first line of a message, cut short: xmlschema's longer messages quote the components they load."""
    lines = message.strip().splitlines() or [""]
    first = lines[0].rstrip(":").strip()
    return first if len(first) <= _MESSAGE_LIMIT else first[:_MESSAGE_LIMIT] + "…"


def _confined_opener(folder: Path):  # type: ignore[no-untyped-def]
    """A urllib opener for xmlschema that serves only regular files inside ``folder`` (xmlsafe.read_confined)."""
    import email.message
    import io
    import urllib.error
    import urllib.request
    import urllib.response

    class ConfinedFiles(urllib.request.BaseHandler):
        def file_open(self, request):  # type: ignore[no-untyped-def]
            path = xmlsafe.local_path(request.full_url)
            try:
                if path is None:
                    raise InputRefused("is not a local file")
                data = xmlsafe.read_confined(path, folder)
            except (InputRefused, OSError) as error:
                reason = str(error) if isinstance(error, InputRefused) else describe_os_error(error)
                raise urllib.error.URLError(f"{request.full_url} {reason}") from None
            return urllib.response.addinfourl(io.BytesIO(data), email.message.Message(), request.full_url, 200)

        def unknown_open(self, request):  # type: ignore[no-untyped-def]
            raise urllib.error.URLError(f"{request.full_url}: nothing is fetched from the network")

    opener = urllib.request.OpenerDirector()
    opener.add_handler(ConfinedFiles())
    return opener


class XmlschemaChecker:
    """XML Schema 1.1 (or 1.0 that libxml2 refuses) through the xmlschema package; slower, loaded lazily.

    xmlschema reads the schema and its includes through an opener confined to
    the schema's folder (regular files only, at most MAX_BYTES), and only the
    first line of its error is shown, so nothing of another file is echoed.
    """

    def __init__(self, path: Path) -> None:
        import xmlschema  # imported only here: ~150 ms that the common path never pays

        self.name = path.name
        try:
            self._schema = xmlschema.XMLSchema11(os.fspath(path), allow="sandbox", defuse="always",
                                                 opener=_confined_opener(path.parent))
        except (xmlschema.XMLSchemaException, OSError, etree.LxmlError) as error:
            reason = getattr(error, "message", None) or str(error)
            raise SchemaError(f"{path}: not a usable XML Schema: {_short(reason)}") from None

    def check(self, tree: etree._ElementTree, file: str) -> list[Diagnostic]:
        found = []
        for error in self._schema.iter_errors(tree):
            element = error.elem if isinstance(error.elem, etree._Element) else None
            index = getattr(error, "index", None)
            if element is not None and isinstance(index, int) and 0 <= index < len(element):
                element = element[index]  # an unexpected child is the child's error
            found.append(Diagnostic(
                file=file,
                message=_strip_namespace(error.reason or error.message, tree),
                rule="xsd:" + type(error).__name__.removeprefix("XMLSchema").removesuffix("Error").lower(),
                line=element.sourceline if element is not None else error.sourceline,
                xpath=xpath_of(element) if element is not None else error.path,
                source=self.name,
            ))
        return found


class RelaxNGChecker(_LibxmlChecker):
    """RELAX NG (XML syntax) through libxml2; embedded Schematron is added by embedded.relaxng_checker."""

    def __init__(self, path: Path, document: etree._ElementTree) -> None:
        check_rng_references(path, document)
        super().__init__(path, etree.RelaxNG(document), _rng_rule)


_GZIP_MAGIC = b"\x1f\x8b"


def check_rng_references(path: Path, document: etree._ElementTree) -> None:
    """Every file an RNG includes (transitively) must be a regular, uncompressed file in the schema's folder.

    libxml2 reads RELAX NG includes and external references itself, past lxml's
    resolvers (and it would decompress gzip and block on a FIFO), so each one is
    checked here first, with the same rules as ``xmlsafe.read_confined``.
    """
    from urllib.parse import urljoin

    seen: set[str] = set()
    pending = [document]
    while pending:
        current = pending.pop()
        for reference in current.iter(f"{{{NS_RNG}}}include", f"{{{NS_RNG}}}externalRef"):
            url = urljoin(reference.base or "", (reference.get("href") or "").strip())
            if url in seen:
                continue
            seen.add(url)
            target = xmlsafe.local_path(url)
            try:
                if target is None:
                    raise InputRefused("is not a local file; nothing is fetched from the network")
                data = xmlsafe.read_confined(target, path.parent)
                if data.startswith(_GZIP_MAGIC):
                    raise InputRefused("is compressed; compressed schemas are not read")
                pending.append(xmlsafe.parse_confined(data, target)[0])
            except (InputRefused, OSError, etree.XMLSyntaxError) as error:
                reason = str(error) if isinstance(error, InputRefused) else "cannot be read as XML"
                raise SchemaError(f"{path}: it names {url}, which {reason}; imports and includes are read "
                                  "only from the schema's own folder") from None


def _severity(role: str | None) -> Severity:
    role = (role or "").strip().lower()
    if role in {"warning", "warn"}:
        return Severity.WARNING
    if role in {"info", "information", "informational", "note"}:
        return Severity.INFO
    return Severity.ERROR


NS_XSL = "http://www.w3.org/1999/XSL/Transform"
_XSL_TEMPLATE = f"{{{NS_XSL}}}template"
_XSL_APPLY = f"{{{NS_XSL}}}apply-templates"
# What the skeleton's pattern modes walk into: every child element, attribute, comment and PI.
_SKELETON_WALK = "@*|*|comment()|processing-instruction()"
# A match pattern that can only match elements: unions of child/descendant paths of names
# (prefixed or not) or *, each step with any predicates (removed before this test).
_NAME_STEP = r"(?:[A-Za-z_][\w.-]*:)?(?:[A-Za-z_][\w.-]*|\*)"
_ELEMENT_PATH = re.compile(rf"^/{{0,2}}{_NAME_STEP}(?://?{_NAME_STEP})*$")


def _without_predicates(pattern: str) -> str | None:
    """The pattern with every [...] removed (quotes respected); None if the brackets do not balance."""
    out: list[str] = []
    depth = 0
    quote = ""
    for character in pattern:
        if quote:
            if character == quote:
                quote = ""
            continue
        if depth and character in "'\"":
            quote = character
        elif character == "[":
            depth += 1
        elif character == "]":
            depth -= 1
            if depth < 0:
                return None
        elif not depth:
            out.append(character)
    return "".join(out) if depth == 0 and not quote else None


def _matches_only_elements(pattern: str) -> bool:
    bare = _without_predicates(pattern)
    if bare is None:
        return False
    return all(_ELEMENT_PATH.match("".join(branch.split())) for branch in bare.split("|"))


def streamline(stylesheet: etree._ElementTree) -> etree._ElementTree:
    """Remove work from a skeleton-compiled Schematron stylesheet that cannot change its report (in place).

    1. The root template walks the whole document in the default mode, where
       the only template is an empty ``text()`` one: the walk outputs nothing.
       It is dropped when no other default-mode template exists.
    2. Each pattern mode walks every element, attribute, comment and PI. When
       every rule context (the match of every template in a pattern mode,
       besides the skeleton's two fallbacks) can only match elements, the walk
       visits elements only: attributes, comments and PIs match nothing there.

    Measured on the project schema and 1,000 encoder documents: 0.78 ms -> 0.62 ms per document.
    """
    root = stylesheet.getroot()
    templates = [t for t in root if t.tag == _XSL_TEMPLATE]
    default_mode = [t for t in templates if t.get("mode") is None]
    root_templates = [t for t in default_mode if t.get("match") == "/"]
    others = [t for t in default_mode if t.get("match") not in ("/", "text()")]
    if len(root_templates) == 1 and not others and all(len(t) == 0 and not (t.text or "").strip()
                                                        for t in default_mode if t.get("match") == "text()"):
        for apply in list(root_templates[0].iter(_XSL_APPLY)):
            if apply.get("mode") is None and apply.get("select") is None and len(apply) == 0:
                apply.getparent().remove(apply)
        pattern_modes = {apply.get("mode") for apply in root_templates[0].iter(_XSL_APPLY)
                         if apply.get("select") == "/" and apply.get("mode")}
    else:
        pattern_modes = set()
    _paths_from_locator(templates)
    for mode in pattern_modes:
        in_mode = [t for t in templates if t.get("mode") == mode]
        rules = [t for t in in_mode
                 if (t.get("match"), t.get("priority")) not in (("text()", "-1"), ("@*|node()", "-2"))]
        if not all(_matches_only_elements(t.get("match") or "") for t in rules):
            continue
        for template in in_mode:
            for apply in template.iter(_XSL_APPLY):
                if apply.get("select") == _SKELETON_WALK and apply.get("mode") == mode:
                    apply.set("select", "*")
    return stylesheet


def _paths_from_locator(templates: list[etree._Element]) -> None:
    """3. The skeleton writes each finding's path by counting the preceding siblings of every element on
       it: quadratic when thousands of findings share a parent (4,000 duplicate footnote marks in one div).
       The same path is asked of locate.Locator instead, which counts each parent's children once.
    """
    for template in templates:
        if template.get("match") == "*" and template.get("mode") == "schematron-get-full-path":
            for child in list(template):
                template.remove(child)
            template.text = None
            value = etree.SubElement(template, f"{{{NS_XSL}}}value-of", nsmap={"locate": LOCATE_NS})
            value.set("select", "locate:svrl-path(.)")


@functools.cache
def _include_stylesheet_bytes() -> bytes:
    """lxml's copy of the ISO DSDL include step (sch:include, xi:include), read once."""
    from lxml import isoschematron

    return (Path(isoschematron.__file__).parent / "resources" / "xsl" / "iso-schematron-xslt1"
            / "iso_dsdl_include.xsl").read_bytes()


def _include(path: Path, document: etree._ElementTree) -> etree._ElementTree:
    """lxml's include step, but its document() reads only from the schema's folder and nothing is written.

    (lxml's own Schematron class runs this step and the compiled validator without an access control.)
    """
    include, resolver = xmlsafe.parse_confined(_include_stylesheet_bytes(), path)
    included = xmlsafe.stylesheet(include)(document)
    _raise_refused(path, resolver)
    return included


class _Compiled:
    """One phase of a Schematron compiled to a confined XSLT (see xmlsafe.stylesheet)."""

    def __init__(self, path: Path, schematron: etree._ElementTree, params: dict[str, str]) -> None:
        from lxml import isoschematron

        validator = streamline(isoschematron.iso_svrl_for_xslt1(
            schematron, **isoschematron.stylesheet_params(**params)))
        # Parsed again so that the validator's document() and imports go through a confined resolver
        # and resolve against the schema's own folder.
        document, self.resolver = xmlsafe.parse_confined(etree.tostring(validator), path)
        self.transform = xmlsafe.stylesheet(document, EXTENSIONS)

    def report(self, tree: etree._ElementTree, parameters: Mapping[str, str] | None = None,
               ) -> tuple[etree._ElementTree, list[tuple[str, str]]]:
        """The SVRL report, and what the schema asked to read but was refused during this run."""
        before = len(self.resolver.refused)
        result = self.transform(tree, **parameters) if parameters else self.transform(tree)
        return result, self.resolver.refused[before:]


class SchematronChecker:
    """ISO Schematron (XPath 1.0) compiled to XSLT once; SVRL locations are mapped back to elements.

    A schema may declare a phase with id ``locate``: it is run only on a
    document whose default phase failed, and each of its failures with id
    ``R-at`` replaces the document-level failures of rule ``R`` by failures
    located at the offending elements (rule id ``R``). This keeps expensive
    per-element searches off valid documents (tei-encoder.sch uses it for
    leftover characters).
    """

    LOCATE_PHASE = "locate"
    LOCATED_SUFFIX = "-at"
    # SVRL's fired-rule elements (one per rule firing) are never read here; not writing them saves time.
    COMPILE_PARAMS = {"generate-fired-rule": "'false'"}

    def __init__(self, path: Path, document: etree._ElementTree) -> None:
        self.name = path.name
        # Imported here: it compiles its own stylesheets on import (6 ms), which a run that compiles
        # no Schematron (own_rules.py answering for the project's own) never needs.
        from lxml import isoschematron

        root = document.getroot()
        if root.tag != f"{{{NS_SCH}}}schema":
            raise SchemaError(f"{path}: not an ISO Schematron schema (the root element is not sch:schema)")
        schematron = isoschematron.iso_abstract_expand(_include(path, document))
        if isoschematron.schematron_schema_valid_supported and not isoschematron.schematron_schema_valid(schematron):
            raise SchemaError(f"{path}: not a valid ISO Schematron schema: "
                              f"{_short(str(isoschematron.schematron_schema_valid.error_log))}")
        self._schematron = _Compiled(path, schematron, self.COMPILE_PARAMS)
        self._locate = None
        self._locatable: frozenset[str] = frozenset()
        if any(phase.get("id") == self.LOCATE_PHASE for phase in root.iter(f"{{{NS_SCH}}}phase")):
            self._locate = _Compiled(path, schematron, {**self.COMPILE_PARAMS, "phase": self.LOCATE_PHASE})
            self._locatable = frozenset(
                test.get("id", "").removesuffix(self.LOCATED_SUFFIX)
                for test in root.iter(f"{{{NS_SCH}}}assert", f"{{{NS_SCH}}}report")
                if test.get("id", "").endswith(self.LOCATED_SUFFIX))

    def _run(self, compiled: _Compiled, tree: etree._ElementTree, file: str,
             parameters: Mapping[str, str] | None = None) -> list[Diagnostic]:
        locator = Locator(tree)
        try:
            with locating(locator):
                report, refused = compiled.report(tree, parameters)
        except etree.XSLTApplyError as error:
            return [Diagnostic(file=file, rule=rules.SCHEMA_UNUSABLE, source=self.name,
                               message=f"the Schematron failed while running: {_short(str(error))}")]
        found = [Diagnostic(file=file, rule=rules.SCHEMA_READ_REFUSED, severity=Severity.WARNING, source=self.name,
                            message=f"the schema asked to read {url}, which {reason}; document() reads only "
                                    "from the schema's own folder")
                 for url, reason in refused]
        return found + self._svrl_diagnostics(report, locator, file)

    def _svrl_diagnostics(self, report: etree._ElementTree, locator: Locator, file: str) -> list[Diagnostic]:
        """A diagnostic for every failed assert and successful report of an SVRL report."""
        found = []
        for result in report.getroot().iter(_SVRL_FAILED, _SVRL_REPORT):
            element = locator.element_at(result.get("location", ""))
            text = " ".join((result.findtext(_SVRL_TEXT) or "").split())
            found.append(Diagnostic(
                file=file,
                message=text or f"Schematron test failed: {result.get('test')}",
                rule=result.get("id") or "sch:" + (result.get("test") or "assert"),
                severity=_severity(result.get("role") or result.get("flag")),
                line=element.sourceline if element is not None else None,
                xpath=locator.xpath_of(element) if element is not None else result.get("location"),
                source=self.name,
            ))
        return found

    def check(self, tree: etree._ElementTree, file: str,
              parameters: Mapping[str, str] | None = None) -> list[Diagnostic]:
        """``parameters``: values for the schema's top-level lets (XSLT parameters), as XPath expressions."""
        found = self._run(self._schematron, tree, file, parameters)
        if self._locate is None or not any(d.rule in self._locatable for d in found):
            return found
        located = [d for d in self._run(self._locate, tree, file) if d.rule.endswith(self.LOCATED_SUFFIX)]
        rules_located = {d.rule.removesuffix(self.LOCATED_SUFFIX) for d in located}
        kept = [d for d in found if d.rule not in rules_located]
        return kept + [replace(d, rule=d.rule.removesuffix(self.LOCATED_SUFFIX)) for d in located]


class DeferredSchematron:
    """A Schematron compiled the first time a document needs it.

    The validator stands in for the project's own Schematron with own_rules.py, which answers for
    the usual record, so most runs never run the compiled one; compiling it (21 ms CPU) and importing
    lxml.isoschematron (6 ms) in every process, workers included, was a fifth of their start-up.
    """

    def __init__(self, path: Path) -> None:
        self.name = path.name
        self._path = path

    def compiled(self) -> SchematronChecker:
        checker = checker_for(self._path)  # compiled once per process (and file version)
        assert isinstance(checker, SchematronChecker), "the project's Schematron is XPath 1.0"
        return checker

    def check(self, tree: etree._ElementTree, file: str,
              parameters: Mapping[str, str] | None = None) -> list[Diagnostic]:
        return self.compiled().check(tree, file, parameters)


_CACHE: dict[tuple[str, int, str], Checker] = {}


def _bundled_xsd() -> Path:
    """The project's own XSD: the one schema whose twin the tests hold to it (xsd_twin.py)."""
    return schema_path("tei-encoder.xsd").resolve()


def _kind(path: Path, document: etree._ElementTree) -> str:
    suffix = path.suffix.lower()
    if suffix in {".xsd", ".rng", ".sch"}:
        return suffix[1:]
    namespace = etree.QName(document.getroot()).namespace
    return {NS_XSD: "xsd", NS_RNG: "rng", NS_SCH: "sch"}.get(namespace or "", "")


def checker_for(path: str | os.PathLike[str], kind: str | None = None) -> Checker:
    """The compiled checker for a schema file, compiled at most once per process (and file version)."""
    resolved = Path(path).resolve()
    try:
        stamp = resolved.stat().st_mtime_ns
    except OSError as error:
        raise SchemaError(f"{path}: cannot read the schema: {error.strerror or error}") from None
    key = (os.fspath(resolved), stamp, kind or "")
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    if resolved.suffix.lower() == ".rnc":
        raise SchemaError(f"{path}: RELAX NG compact syntax is not supported; convert it with "
                          "`trang schema.rnc schema.rng` and name the .rng")
    data = _read_schema(resolved)
    cache_key = None
    if (kind or resolved.suffix.lower().lstrip(".")) == "rng":
        from tei_encoder.validate import schema_cache
        from tei_encoder.validate.embedded import cached_relaxng_checker

        cache_key = schema_cache.key_of(data)
        cached_checker = cached_relaxng_checker(resolved, cache_key, lambda: _parse_schema_document(resolved, data)[0])
        if cached_checker is not None:
            _CACHE[key] = cached_checker
            return cached_checker
    document, resolver = _parse_schema_document(resolved, data)
    kind = kind or _kind(resolved, document)
    try:
        checker: Checker
        if kind == "xsd":
            try:
                checker = XsdChecker(resolved, document, fast=resolved == _bundled_xsd())
            except etree.XMLSchemaParseError:
                _raise_refused(resolved, resolver)
                checker = XmlschemaChecker(resolved)
        elif kind == "rng":
            from tei_encoder.validate.embedded import relaxng_checker  # imports this module

            checker = relaxng_checker(resolved, document, cache_key)
        elif kind == "sch":
            from tei_encoder.validate.embedded import schematron_checker

            checker = schematron_checker(resolved, document)
        else:
            raise SchemaError(f"{path}: not a schema tei-encoder knows (use .xsd, .rng or .sch)")
    except (etree.RelaxNGParseError, etree.SchematronParseError, etree.XSLTParseError) as error:
        _raise_refused(resolved, resolver)  # a refused include explains the failure better
        raise SchemaError(f"{path}: the schema does not compile: {_short(str(error))}") from None
    _raise_refused(resolved, resolver)
    _CACHE[key] = checker
    return checker

