"""Which XPath 2.0 engine for Schematron embedded in RELAX NG: elementpath or Saxon-HE (saxonche)?

    python benchmarks/bench_schematron2.py TEI_ALL_RNG FILE_OR_DIR... [--engines elementpath saxonche]

Both engines run the same reading of the Schematron (tei_encoder.validate.schematron_xpath2.read_patterns:
first rule per node in each pattern, lets, asserts and reports) over the same files; the script prints,
per engine, the compile time, the total and worst per-file check time, and the failures found, and
whether both engines found the same (line, rule) pairs. saxonche is not a dependency: install it by hand
(``pip install saxonche``) to measure it; the script says so when it is missing.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from lxml import etree

from tei_encoder.validate.schematron_xpath2 import (
    XPath2Schematron,
    _with_current,
    _xpath2_from_anywhere,
    embedded_schematron,
    read_patterns,
)


def _files(arguments: list[str]) -> list[Path]:
    found: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        found.extend(sorted(path.rglob("*.xml")) if path.is_dir() else [path])
    return found


def elementpath_engine(schema: etree._Element):  # type: ignore[no-untyped-def]
    checker = XPath2Schematron("tei_all", schema)

    def check(tree: etree._ElementTree) -> set[tuple[int | None, str]]:
        return {(d.line, d.rule) for d in checker.check(tree, "f")}
    return check


def saxonche_engine(schema: etree._Element):  # type: ignore[no-untyped-def]
    """The same semantics through SaxonC-HE's Python XPath API (each expression compiled by Saxon)."""
    from saxonche import PySaxonProcessor

    processor = PySaxonProcessor(license=False)
    namespaces, schema_lets, patterns = read_patterns(schema)
    xpath = processor.new_xpath_processor()
    for prefix, uri in namespaces.items():
        xpath.declare_namespace(prefix, uri)
    xpath.declare_namespace("saxon", "http://saxon.sf.net/")
    xpath.set_caching(True)
    names = {"tei-encoder-current"} | {name for name, _ in schema_lets}
    names |= {name for pattern in patterns for rule in pattern.rules for name, _ in rule.lets}
    for name in sorted(names):
        xpath.declare_variable(name)

    def check(tree: etree._ElementTree) -> set[tuple[int | None, str]]:
        document = processor.parse_xml(xml_text=etree.tostring(tree, encoding="unicode"), line_numbering=True)
        found: set[tuple[int | None, str]] = set()
        for name in sorted(names):  # Saxon wants every declared variable bound
            xpath.set_parameter(name, processor.empty_sequence())
        for pattern in patterns:
            taken: set[str] = set()
            for rule in pattern.rules:
                xpath.set_context(xdm_item=document)
                nodes = xpath.evaluate(_xpath2_from_anywhere(rule.context))
                for node in (nodes or []):
                    xpath.set_context(xdm_item=node)
                    key = str(xpath.evaluate_single("generate-id(.)"))
                    if key in taken:
                        continue
                    taken.add(key)
                    xpath.set_parameter("tei-encoder-current", node)
                    for name, value in (*schema_lets, *rule.lets):
                        xpath.set_parameter(name, xpath.evaluate(_with_current(value)) or processor.empty_sequence())
                    for test in rule.tests:
                        if xpath.effective_boolean_value(_with_current(test.test)) == test.report:
                            path = str(xpath.evaluate_single("path(.)"))
                            element = _element_at_path(tree, path)
                            found.add((element.sourceline if element is not None else None, test.rule_id))
        return found
    return check


_STEP = re.compile(r"Q\{([^}]*)\}([^\[/]+)\[(\d+)\]")


def _element_at_path(tree: etree._ElementTree, path: str) -> etree._Element | None:
    """The lxml element of an XPath 3 path() (``/Q{ns}TEI[1]/Q{ns}text[1]/@when`` gives text)."""
    element: etree._Element | None = None
    for namespace, name, index in _STEP.findall(path):
        tag = f"{{{namespace}}}{name}" if namespace else name
        if element is None:
            root = tree.getroot()
            element = root if root.tag == tag else None
        else:
            children = list(element.iterchildren(tag))
            element = children[int(index) - 1] if len(children) >= int(index) else None
        if element is None:
            return None
    return element


ENGINES = {"elementpath": elementpath_engine, "saxonche": saxonche_engine}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rng")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--engines", nargs="+", default=list(ENGINES), choices=list(ENGINES))
    args = parser.parse_args()
    schema = embedded_schematron(etree.parse(args.rng).getroot())
    assert schema is not None, f"{args.rng} embeds no Schematron"
    files = _files(args.paths)
    trees = [etree.parse(str(path)) for path in files]
    results: dict[str, list[set[tuple[int | None, str]]]] = {}
    for name in args.engines:
        start = time.perf_counter()
        try:
            check = ENGINES[name](schema)
        except ImportError as error:
            print(f"{name}: not installed ({error}); skipped", file=sys.stderr)
            continue
        compiled = time.perf_counter() - start
        times = []
        results[name] = []
        for tree in trees:
            start = time.perf_counter()
            results[name].append(check(tree))
            times.append(time.perf_counter() - start)
        failures = sum(len(found) for found in results[name])
        print(f"{name}: compile {compiled:.2f} s; {len(trees)} files in {sum(times):.2f} s "
              f"(mean {1000 * sum(times) / len(times):.1f} ms, worst {max(times):.2f} s); {failures} failures")
    if len(results) == 2:
        first, second = results.values()
        differing = [str(path) for path, a, b in zip(files, first, second) if a != b]
        print(f"same failures on {len(files) - len(differing)} of {len(files)} files" +
              (f"; differ on {differing[:5]}" if differing else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
