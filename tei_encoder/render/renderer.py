"""Run the stylesheets on one document: its HTML page, its plain text, its summary."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

from lxml import etree

from tei_encoder import xmlsafe
from tei_encoder.render import stylesheets
from tei_encoder.render.names import href

TEI_NS = "http://www.tei-c.org/ns/1.0"
DOCTYPE = "<!DOCTYPE html>\n"
DOCTYPE_BYTES = DOCTYPE.encode("ascii")

TEI_FOLDER = "tei"  # where a site keeps the TEI files its pages show (render_site copies them there)

Tree: TypeAlias = "etree._ElementTree | etree._Element"


@dataclass(frozen=True, slots=True)
class Edition:
    """The edition as a document's header states it (summary.xsl reads it); "" where it says nothing."""

    title: str = ""
    publisher: str = ""
    licence: str = ""
    licence_href: str = ""


class RenderError(Exception):
    """A document that cannot be rendered (not TEI, or an error inside the stylesheet)."""


def as_tree(tree: Tree) -> etree._ElementTree:
    return tree if isinstance(tree, etree._ElementTree) else tree.getroottree()


def load(path: Path, *, allow_dtd: xmlsafe.LocalDTD | None = None) -> etree._ElementTree:
    """Read and parse a TEI file as ``validate`` does (xmlsafe.load_document): a regular file within the
    size limit, no DTD (unless ``allow_dtd``: a local, trusted one), and a DOCTYPE that declares entities
    or an undefined entity is refused (xmlsafe.UnsafeXML, a ValueError), never half-read."""
    return xmlsafe.load_document(path, allow_dtd=allow_dtd)


def check_tei(tree: etree._ElementTree) -> None:
    root = tree.getroot()
    if etree.QName(root).namespace != TEI_NS or etree.QName(root).localname not in ("TEI", "teiCorpus"):
        raise RenderError(f"not a TEI document: the root element is {root.tag!r}, "
                          f"expected TEI or teiCorpus in {TEI_NS}")


def joins_words(tree: etree._ElementTree) -> bool:
    """Whether the document has a word-joining line break (lb break="no"): only then do its page and plain
    text need joins.xsl and text-joins.xsl (the text on either side of it loses its layout whitespace)."""
    return any(lb.get("break") == "no" for lb in tree.iter(f"{{{TEI_NS}}}lb"))


# The four in one XPath evaluation: no Python object per element (iterating the elements cost more than the
# walks it saved), and no node-set kept (count() of a descendant step, a word-joining lb looked for until found).
_COUNTS = etree.XPath("concat(count(/descendant::tei:sp), ' ', count(/descendant::tei:note), ' ',"
                      " count(/descendant::tei:persName), ' ', count((/descendant::tei:lb[@break = 'no'])[1]))",
                      namespaces={"tei": TEI_NS})


@dataclass(frozen=True, slots=True)
class Counts:
    """What each stylesheet run would walk the whole document for: its turns, notes and names (common.xsl's
    sp-count, note-count and persname-count, which choose how ids are numbered) and whether a line break joins
    words (``joins_words``). Found once for the page, the plain text and the summary; each count in XSLT
    walked the document once per run."""

    turns: int = 0
    notes: int = 0
    names: int = 0
    joins_words: bool = False

    @classmethod
    def of(cls, tree: Tree) -> Counts:
        turns, notes, names, joins = (int(count) for count in str(_COUNTS(as_tree(tree))).split())
        return cls(turns, notes, names, joins > 0)

    def params(self) -> dict[str, str | None]:
        return {"sp-count": str(self.turns), "note-count": str(self.notes), "persname-count": str(self.names)}


def _params(values: dict[str, str | None]) -> dict[str, str]:
    return {key: etree.XSLT.strparam(value) for key, value in values.items() if value is not None}


def run(name: str, tree: etree._ElementTree, **params: str | None) -> etree._XSLTResultTree:
    """Apply a compiled stylesheet; stylesheet errors become RenderError with the stylesheet's message."""
    transform = stylesheets.stylesheet(name)
    try:
        return transform(tree, **_params(params))
    except etree.XSLTApplyError as error:
        raise RenderError(f"{name}: {error}") from None


class Renderer:
    """Renders TEI documents with the shipped stylesheets, compiled once per process.

    ``site_title`` appears in every page's navigation (``None``: the edition title a document's
    header states, else "Digital edition"); ``persons_href`` is the folder of person pages names
    link to (``persons/ID.html``; ``None`` links to the participant list in the page's own header
    card, for a page shown on its own). ``edition`` states the edition (title, publisher, licence)
    on pages without a TEI header of their own: the index, persons and extra pages.
    """

    def __init__(self, *, site_title: str | None = None, persons_href: str | None = "persons/",
                 nav_extra: tuple[tuple[str, str], ...] = (), edition: Edition | None = None,
                 compile_now: tuple[str, ...] = (stylesheets.DOCUMENT, stylesheets.DOCUMENT_PLAIN, stylesheets.TEXT,
                                                 stylesheets.TEXT_PLAIN, stylesheets.SUMMARY)
                 ) -> None:
        self.site_title = site_title
        self.persons_href = persons_href or ""
        self.nav_extra = "\n".join(f"{label}\t{href}" for label, href in nav_extra)
        self.edition = edition or Edition()
        # Compile now, so a broken installation fails here and not halfway through a batch (a caller that
        # renders no document, such as build's corpus pages, passes ``()``: others compile on first use).
        for name in compile_now:
            stylesheets.stylesheet(name)

    def with_edition(self, edition: Edition) -> Renderer:
        """The same renderer, stating ``edition`` on the pages that have no header of their own."""
        renderer = copy.copy(self)
        renderer.edition = edition
        return renderer

    def _shell(self, current: str = "") -> dict[str, str | None]:
        return {"site-title": self.site_title, "nav-extra": self.nav_extra, "nav-current": current,
                "edition-title": self.edition.title, "edition-publisher-param": self.edition.publisher,
                "edition-licence-param": self.edition.licence,
                "edition-licence-href-param": self.edition.licence_href}

    def render_document(self, tree: Tree, name: str | None = None, *, text_href: str | None = None,
                        tei_href: str | None = None) -> str:
        """The HTML page of one TEI document, as a string that starts with ``<!DOCTYPE html>``.

        ``name`` is the page's file stem; with it the page links to ``NAME.txt`` and
        ``tei/NAME.xml`` (unless ``text_href`` or ``tei_href`` say otherwise; ``""`` for no
        link), the plain-text view and the TEI file render_site writes.
        """
        return self.document_bytes(tree, name, text_href=text_href, tei_href=tei_href).decode("utf-8")

    def document_bytes(self, tree: Tree, name: str | None = None, *, text_href: str | None = None,
                       tei_href: str | None = None, proof_lines: str = "", counts: Counts | None = None) -> bytes:
        """``render_document`` as the UTF-8 bytes written to disk (no decode and re-encode).

        ``proof_lines`` (``render.proof.back_links``): the page has a proof page, ``NAME.proof.html``,
        and each traced element links back to its source line there. ``counts``: ``Counts.of(tree)``, when
        the caller renders the document's other views too.
        """
        tree = as_tree(tree)
        check_tei(tree)
        counts = counts or Counts.of(tree)
        if text_href is None and name is not None:
            text_href = href(name, ".txt")
        if tei_href is None and name is not None:
            tei_href = TEI_FOLDER + "/" + href(name, ".xml")
        proof_href = href(name, ".proof.html") if proof_lines and name is not None else ""
        page = stylesheets.DOCUMENT if counts.joins_words else stylesheets.DOCUMENT_PLAIN
        result = run(page, tree, **self._shell(), **counts.params(),
                     **{"persons-href": self.persons_href, "text-href": text_href or "",
                        "tei-href": tei_href or "", "proof-href": proof_href,
                        "proof-lines": proof_lines if proof_href else ""})
        return DOCTYPE_BYTES + bytes(result)

    def render_text(self, tree: Tree) -> str:
        """The plain-text view: header fields, then the text with the source's notation (see text.xsl)."""
        return self.text_bytes(tree).decode("utf-8")

    def text_bytes(self, tree: Tree, counts: Counts | None = None) -> bytes:
        """``render_text`` as UTF-8 bytes."""
        tree = as_tree(tree)
        check_tei(tree)
        counts = counts or Counts.of(tree)
        text = stylesheets.TEXT if counts.joins_words else stylesheets.TEXT_PLAIN
        return bytes(run(text, tree, **counts.params())).rstrip(b"\n") + b"\n"

    def summarize(self, tree: Tree, counts: Counts | None = None) -> etree._Element:
        """The document's summary for the index and persons pages (see summary.xsl)."""
        tree = as_tree(tree)
        check_tei(tree)
        return run(stylesheets.SUMMARY, tree, **(counts or Counts.of(tree)).params()).getroot()

    def corpus_page_bytes(self, stylesheet: str, corpus: etree._Element, current: str, root: str = "") -> bytes:
        """A corpus page (index.xsl, persons.xsl) as UTF-8 bytes; ``root`` leads from the page to the site's
        top folder ('' or '../' …)."""
        result = run(stylesheet, corpus.getroottree(), **self._shell(current), root=root)
        return DOCTYPE_BYTES + bytes(result)

    def render_page(self, title: str, content: etree._Element | str, current: str = "", *, root: str = "") -> str:
        """An extra page in the site's frame; ``content`` is HTML as an element or a well-formed fragment."""
        page = etree.Element("page", title=title)
        if isinstance(content, str):
            wrapper = xmlsafe.parse_bytes(f"<div class=\"extra\">{content}</div>".encode()).getroot()
            page.append(wrapper)
        else:
            page.append(_copy(content))
        result = run(stylesheets.PAGE, page.getroottree(), **self._shell(current), root=root)
        return DOCTYPE + str(result)


def _copy(element: etree._Element) -> etree._Element:
    return etree.fromstring(etree.tostring(element), xmlsafe.safe_parser())
