"""Where a rendered page's time goes: CPU ms per page for each step, then libxslt's per-template profile.

``python benchmarks/profile_render.py TEI_DIR [--count 300] [--templates document.xsl] [--top 25]``

1. Steps, in one process, over the first ``--count`` TEI files of TEI_DIR (sorted): read and parse,
   each stylesheet pass (document.xsl with its parameters, text.xsl, summary.xsl), the corpus record
   (``fold``), the three atomic writes, and for scale a bare one-template XSLT pass over the same tree
   (the floor any stylesheet pays: a walk over every node and an HTML serialisation), and the three views of
   a minimal TEI document (what each document pays whatever its size).
2. Templates: one stylesheet (``--templates``) run with ``profile_run=True`` on every file; the top
   templates by self time (a template's time less the templates it calls), with their calls.

libxslt keeps its template counters on the compiled stylesheet, so a profile taken after N runs is
the total of the N runs: the last profile is read, never a sum of all of them. Profiling slows the
run several times over; read the shares, not the absolute numbers. A benchmark tool, not a test.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from lxml import etree  # noqa: E402

from tei_encoder import files, xmlsafe  # noqa: E402
from tei_encoder.render import stylesheets  # noqa: E402
from tei_encoder.render.corpus import DocumentSummary, fold  # noqa: E402
from tei_encoder.render.renderer import Counts, Renderer, _params  # noqa: E402

T = TypeVar("T")

_BARE = b"""<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html"/>
  <xsl:template match="/"><html><body><xsl:apply-templates/></body></html></xsl:template>
  <xsl:template match="*"><div><xsl:apply-templates/></div></xsl:template>
</xsl:stylesheet>"""

# The fixed cost of the three stylesheet runs: what a page, plain text and summary cost whatever the document
# (the page's frame, header card, citation and search facets; each run's context and global variables).
_MINIMAL_TEI = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
  <publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>
  <text><body><p>x</p></body></text></TEI>"""

PAGE_PARAMS: dict[str, str | None] = {"persons-href": "persons/", "text-href": "doc.txt", "tei-href": "tei/doc.xml",
               "proof-href": "", "proof-lines": ""}


class Steps:
    """CPU seconds per named step, summed over the documents."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def time(self, name: str, work: Callable[[], T]) -> T:
        start = time.process_time()
        value = work()
        self.seconds[name] = self.seconds.get(name, 0.0) + time.process_time() - start
        return value


def _write_three(out: Path, page: bytes, text: bytes, data: bytes) -> None:
    files.write_bytes(out / "doc.html", page)
    files.write_bytes(out / "doc.txt", text)
    files.write_bytes(out / "doc.xml", data)


def _three_views(renderer: Renderer, tree: etree._ElementTree) -> None:
    counts = Counts.of(tree)
    renderer.document_bytes(tree, "doc", counts=counts)
    renderer.text_bytes(tree, counts)
    renderer.summarize(tree, counts)


def profile_steps(paths: list[Path]) -> None:
    renderer = Renderer()
    bare = etree.XSLT(etree.XML(_BARE))
    minimal = etree.ElementTree(etree.XML(_MINIMAL_TEI))
    steps = Steps()
    with tempfile.TemporaryDirectory(prefix="profile-render-") as scratch:
        out = Path(scratch)
        for path in paths:
            tree, data = steps.time("read + parse", lambda: xmlsafe.read_document(str(path)))
            counts = steps.time("counts (one XPath)", lambda: Counts.of(tree))
            page = steps.time("page (document*.xsl)", lambda: renderer.document_bytes(tree, path.stem, counts=counts))
            text = steps.time("text (text*.xsl)", lambda: renderer.text_bytes(tree, counts))
            summary = steps.time("summary.xsl", lambda: renderer.summarize(tree, counts))
            steps.time("fold (corpus record)", lambda: fold(DocumentSummary(str(path), path.stem, summary)))
            steps.time("3 atomic writes", lambda: _write_three(out, page, text, data))
            steps.time("(bare XSLT pass, for scale)", lambda: bytes(bare(tree)))
            steps.time("(3 views of a minimal TEI)", lambda: _three_views(renderer, minimal))
    total = sum(seconds for name, seconds in steps.seconds.items() if not name.startswith("("))
    print(f"steps over {len(paths)} documents, CPU ms per page:")
    for name, seconds in steps.seconds.items():
        print(f"  {name:30s} {seconds / len(paths) * 1000:7.3f}")
    print(f"  {'total (without the bare pass)':30s} {total / len(paths) * 1000:7.3f} = {len(paths) / total:.0f} pages/s")


def profile_templates(paths: list[Path], name: str, top: int) -> None:
    transform = stylesheets.stylesheet.__wrapped__(name)  # a fresh compile: counters start at zero
    params = PAGE_PARAMS if name in (stylesheets.DOCUMENT, stylesheets.DOCUMENT_PLAIN) else {}
    profile = None
    for path in paths:
        tree = xmlsafe.parse_bytes(path.read_bytes())
        result = transform(tree, profile_run=True, **_params({**params, **Counts.of(tree).params()}))
        profile = result.xslt_profile  # cumulative over every run so far (see the module docstring)
    if profile is None:
        return
    rows = [(int(t.get("time", "0")), int(t.get("calls", "0")),
             " ".join(filter(None, (t.get("match"), t.get("name") and f"name={t.get('name')}",
                                    t.get("mode") and f"mode={t.get('mode')}"))))
            for t in profile.getroot()]
    total = sum(row[0] for row in rows) or 1
    print(f"\n{name}: templates by self time over {len(paths)} documents")
    for spent, calls, label in sorted(rows, reverse=True)[:top]:
        print(f"  {spent * 100 / total:5.1f} %  {calls / len(paths):7.1f} calls/page  {' '.join(label.split())[:110]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tei", type=Path, help="a folder of TEI files (e.g. converted benchmarks/corpus.py records)")
    parser.add_argument("--count", type=int, default=300)
    # document-plain.xsl: the page of every document without a word-joining lb (every record tei-encoder writes)
    parser.add_argument("--templates", default=stylesheets.DOCUMENT_PLAIN, help="the stylesheet to profile per template")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    paths = sorted(args.tei.glob("*.xml"))[:args.count]
    if not paths:
        print(f"{args.tei}: no .xml files", file=sys.stderr)
        return 2
    profile_steps(paths)
    profile_templates(paths, args.templates, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
