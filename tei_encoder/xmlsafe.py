"""The one hardened XML parser factory every parse in tei-encoder goes through.

Refuses what hostile XML uses: DTD loading, external entities, entity
expansion, network access, and documents larger than MAX_BYTES. A resolver
that answers every request for an external resource with nothing stands
behind the flags, so that no file or URL named by a document is ever read.

Schemas and stylesheets may read other files (their imports and includes,
and XSLT's ``document()``), but only regular files inside their own folder:
``ConfinedResolver`` reads those itself (regular files, at most MAX_BYTES)
and refuses everything else, and ``stylesheet`` runs XSLT with an access
control that forbids network access and writing.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from tei_encoder.regular_file import MAX_BYTES, InputRefused, read_regular_file

__all__ = ["MAX_BYTES", "ConfinedResolver", "UnsafeXML", "doctype_refusal", "load_document", "parse_bytes",
           "parse_confined", "read_confined", "safe_parser", "stylesheet"]

# document() may read (through ConfinedResolver only); nothing may be written or fetched.
XSLT_ACCESS = etree.XSLTAccessControl(read_file=True, write_file=False, create_dir=False,
                                      read_network=False, write_network=False)
REFUSED_DOCUMENT = b"<refused-by-tei-encoder/>"


class UnsafeXML(ValueError):
    """A document refused by the hardened parsing policy; ``str()`` is one line."""


class RefusingResolver(etree.Resolver):
    """Answers every external-resource request with an empty document and records the URL."""

    def __init__(self) -> None:
        super().__init__()
        self.refused: list[str] = []

    def resolve(self, system_url, public_id, context):  # type: ignore[no-untyped-def]
        self.refused.append(str(system_url or public_id or ""))
        return self.resolve_string("", context)


def local_path(url: str) -> Path | None:
    """The file a URL or path names, or None for a URL of another scheme (never fetched)."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        if os.name == "nt":  # drive letters and backslashes; nturl2path is small (urllib.request costs 0.1 s)
            from nturl2path import url2pathname

            return Path(url2pathname(parts.path))
        return Path(unquote(parts.path))
    if parts.scheme and len(parts.scheme) > 1:  # a one-letter scheme is a Windows drive
        return None
    return Path(url)


def read_confined(path: Path, folder: Path) -> bytes:
    """The bytes of a regular file inside ``folder`` (symbolic links resolved); InputRefused otherwise."""
    real = os.path.realpath(path)
    root = os.path.realpath(folder)
    if os.path.commonpath([real, root]) != root:
        raise InputRefused(f"is outside the folder {folder}")
    return read_regular_file(real, MAX_BYTES)


class ConfinedResolver(etree.Resolver):
    """Serves a schema's or stylesheet's imports, includes and ``document()`` from its own folder only.

    It reads each file itself (a regular file, at most MAX_BYTES, never
    decompressed); anything else (a URL, a file outside the folder, a FIFO)
    gets an empty placeholder document, and its URL and the reason are kept
    in ``refused``.
    """

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.refused: list[tuple[str, str]] = []

    def resolve(self, system_url, public_id, context):  # type: ignore[no-untyped-def]
        url = str(system_url or public_id or "")
        path = local_path(url)
        try:
            if path is None:
                raise InputRefused("is not a local file; nothing is fetched from the network")
            data = read_confined(path, self.folder)
        except (InputRefused, OSError) as error:
            self.refused.append((url, str(error) if isinstance(error, InputRefused) else "cannot be read"))
            return self.resolve_string(REFUSED_DOCUMENT, context)
        return self.resolve_string(data, context, base_url=url)


def _parser(resolver: etree.Resolver, *, remove_blank_text: bool = False, recover: bool = False) -> etree.XMLParser:
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=remove_blank_text,
        recover=recover,
    )
    parser.resolvers.add(resolver)  # the only one: lxml asks its resolvers in no fixed order
    return parser


def safe_parser(*, remove_blank_text: bool = False, recover: bool = False) -> etree.XMLParser:
    """A fresh parser for one document.

    ``recover=True`` only to keep validating after a recoverable error (a
    duplicate xml:id). Schemas and stylesheets use ``parse_confined``.
    """
    return _parser(RefusingResolver(), remove_blank_text=remove_blank_text, recover=recover)


def parse_confined(data: bytes, path: Path) -> tuple[etree._ElementTree, ConfinedResolver]:
    """Parse a schema or stylesheet already read from ``path``; its imports come from its own folder only.

    Returns the tree and the resolver that serves (and refuses) what it asks for, later too:
    lxml asks the parser's resolver for imports when a schema is compiled and for XSLT's ``document()``.
    """
    resolver = ConfinedResolver(path.parent)
    root = etree.fromstring(data, _parser(resolver), base_url=path.resolve().as_uri())
    return root.getroottree(), resolver


def stylesheet(tree: etree._ElementTree,
               extensions: Mapping[tuple[str, str], Callable[..., object]] | None = None) -> etree.XSLT:
    """Compile XSLT with the access control: no network, no writing, reads only through its parser's resolver.

    ``tree`` must come from ``parse_confined``, whose resolver confines ``document()`` and imports;
    ``extensions``: the project's own extension functions, as lxml takes them.
    """
    return etree.XSLT(tree, access_control=XSLT_ACCESS, extensions=dict(extensions or {}))


def doctype_refusal(tree: etree._ElementTree) -> str | None:
    """Why a parsed document is refused for its DOCTYPE (an external DTD, or entity declarations), or None."""
    info = tree.docinfo
    if info.system_url or info.public_id:
        return (f"refused: the DOCTYPE names an external DTD ({info.system_url or info.public_id}); "
                "DTDs are never loaded: remove the DOCTYPE")
    dtd = info.internalDTD
    if dtd is not None:
        entities = [entity.name for entity in dtd.iterentities()]
        if entities:
            return ("refused: the DOCTYPE declares entities (" + ", ".join(entities[:5]) +
                    "); external and internal entities are never expanded: "
                    "replace them with the characters they stand for")
    return None


def parse_bytes(data: bytes, *, base_url: str | None = None) -> etree._ElementTree:
    """Parse a document with the hardened policy; UnsafeXML when the DOCTYPE is refused."""
    if len(data) > MAX_BYTES:
        raise InputRefused(f"refused: larger than the limit of {MAX_BYTES:,} bytes")
    root = etree.fromstring(data, safe_parser(), base_url=base_url)
    tree = root.getroottree()
    refusal = doctype_refusal(tree)
    if refusal is not None:
        raise UnsafeXML(refusal)
    return tree


def load_document(path: str | os.PathLike[str]) -> etree._ElementTree:
    """Read (a regular file, at most MAX_BYTES) and parse a document with the same policy as ``validate``."""
    data = read_regular_file(path, MAX_BYTES)
    return parse_bytes(data, base_url=Path(os.path.abspath(path)).as_uri())
