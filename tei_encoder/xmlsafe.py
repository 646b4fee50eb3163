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

import functools
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote_from_bytes, unquote, urlsplit

from lxml import etree

from tei_encoder.regular_file import MAX_BYTES, InputRefused, read_regular_file

__all__ = ["MAX_BYTES", "ConfinedResolver", "LocalDTD", "UnsafeXML", "doctype_refusal", "file_uri", "load_document",
           "parse_bytes", "parse_confined", "read_confined", "read_document", "safe_parser", "stylesheet"]

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


ALLOW_DTD_HINT = ("--allow-dtd loads a local DTD (under the file's folder, or named with --dtd) "
                  "so its entities are defined")


def doctype_refusal(tree: etree._ElementTree) -> str | None:
    """Why a parsed document is refused for its DOCTYPE (an external DTD, or entity declarations), or None."""
    info = tree.docinfo
    if info.system_url or info.public_id:
        return (f"refused: the DOCTYPE names an external DTD ({info.system_url or info.public_id}), "
                f"which is not loaded by default; {ALLOW_DTD_HINT}")
    dtd = info.internalDTD
    if dtd is not None:
        entities = [entity.name for entity in dtd.iterentities()]
        if entities:
            return ("refused: the DOCTYPE declares entities (" + ", ".join(entities[:5]) +
                    "), which are not expanded by default: replace them with the characters they stand for, "
                    "or use --allow-dtd")
    return None


def undefined_entity_hint(message: str) -> str:
    """libxml2's message for an undefined entity, with the way out; other messages unchanged."""
    if "Entity '" in message and "not defined" in message:
        return f"{message.rstrip('.')}; declare it in a local DTD and use --allow-dtd, or write the character itself"
    return message


@dataclass(frozen=True, slots=True)
class LocalDTD:
    """``--allow-dtd``: a document's DTD is loaded when it is a regular file under the document's own folder
    or under one of ``trusted`` (files or folders the user named with ``--dtd``). Never from the network;
    libxml2's entity limits stay (huge_tree off), so an entity bomb in a DTD is still refused."""

    trusted: tuple[str, ...] = ()


class DTDResolver(etree.Resolver):
    """Serves a document's DTD (and the files the DTD names) from trusted local places only.

    Anything else gets an empty answer and is kept in ``refused`` (URL, reason); the caller then refuses
    the document, so no entity is ever silently left undefined.
    """

    def __init__(self, places: tuple[Path, ...]) -> None:
        super().__init__()
        self.places = places
        self.refused: list[tuple[str, str]] = []

    def resolve(self, system_url, public_id, context):  # type: ignore[no-untyped-def]
        url = str(system_url or public_id or "")
        try:
            data = self._read(url)
        except (InputRefused, OSError) as error:
            self.refused.append((url, str(error) if isinstance(error, InputRefused) else "cannot be read"))
            return self.resolve_string("", context)
        return self.resolve_string(data, context, base_url=url)

    def _read(self, url: str) -> bytes:
        path = local_path(url)
        if path is None:
            raise InputRefused("is not a local file; nothing is fetched from the network")
        real = os.path.realpath(path)
        for place in self.places:
            if os.path.isfile(place):
                if real == os.path.realpath(place):
                    return read_regular_file(real, MAX_BYTES)
            elif os.path.commonpath([real, os.path.realpath(place)]) == os.path.realpath(place):
                return read_regular_file(real, MAX_BYTES)
        raise InputRefused("is neither under the document's folder nor named with --dtd")


def dtd_parser(places: tuple[Path, ...], *, recover: bool = False) -> tuple[etree.XMLParser, DTDResolver]:
    """A parser that loads a trusted local DTD and expands its entities, within libxml2's limits."""
    resolver = DTDResolver(places)
    parser = etree.XMLParser(resolve_entities=True, no_network=True, load_dtd=True, dtd_validation=False,
                             huge_tree=False, recover=recover)
    parser.resolvers.add(resolver)
    return parser, resolver


def dtd_places(allow: LocalDTD, base_url: str | None) -> tuple[Path, ...]:
    """The document's own folder (when it has one) and the places the user trusts."""
    own = local_path(base_url) if base_url else None
    return ((own.parent,) if own is not None else ()) + tuple(Path(place) for place in allow.trusted)


def dtd_refusal(resolver: DTDResolver) -> str | None:
    """One line for the first DTD (or file a DTD names) that was not loaded, or None."""
    if not resolver.refused:
        return None
    url, reason = resolver.refused[0]
    return f"refused: the DTD {url} {reason}; --allow-dtd loads only local files"


def parse_bytes(data: bytes, *, base_url: str | None = None, allow_dtd: LocalDTD | None = None
                ) -> etree._ElementTree:
    """Parse a document with the hardened policy; UnsafeXML when the DOCTYPE or an entity is refused.

    With ``allow_dtd`` a local, trusted DTD is loaded and entities are expanded (see LocalDTD).
    """
    if len(data) > MAX_BYTES:
        raise InputRefused(f"refused: larger than the limit of {MAX_BYTES:,} bytes")
    resolver = None
    if allow_dtd is None:
        parser = safe_parser()
    else:
        parser, resolver = dtd_parser(dtd_places(allow_dtd, base_url))
    try:
        root = etree.fromstring(data, parser, base_url=base_url)
    except etree.XMLSyntaxError as error:
        refusal = dtd_refusal(resolver) if resolver is not None else None
        raise UnsafeXML(refusal or entity_refusal(error)) if refusal or entity_refusal(error) else error
    tree = root.getroottree()
    refusal = doctype_refusal(tree) if resolver is None else dtd_refusal(resolver)
    if refusal is not None:
        raise UnsafeXML(refusal)
    return tree


def entity_refusal(error: etree.XMLSyntaxError) -> str | None:
    """One line for a parse that failed on an entity (undefined, or expanding too far), else None."""
    message = str(error)
    hinted = undefined_entity_hint(message)
    if hinted != message:
        return f"refused: {hinted}"
    if "amplification" in message or "entity reference loop" in message.lower() or "Detected an entity" in message:
        return f"refused: {message.rstrip('.')} (entity expansion); libxml2's limits stay on with --allow-dtd"
    return None


def load_document(path: str | os.PathLike[str], *, allow_dtd: LocalDTD | None = None) -> etree._ElementTree:
    """Read (a regular file, at most MAX_BYTES) and parse a document with the same policy as ``validate``."""
    return read_document(path, allow_dtd=allow_dtd)[0]


def read_document(path: str | os.PathLike[str], *, allow_dtd: LocalDTD | None = None
                  ) -> tuple[etree._ElementTree, bytes]:
    """``load_document``, and the bytes it parsed (for a caller that also copies the file)."""
    data = read_regular_file(path, MAX_BYTES)
    return parse_bytes(data, base_url=file_uri(path), allow_dtd=allow_dtd), data


def file_uri(path: str | os.PathLike[str]) -> str:
    """``Path(os.path.abspath(path)).as_uri()``, the base URL of a file read from disk.

    pathlib builds and quotes the whole path anew (11 us, as much as reading the file); quoting is
    byte by byte, so the folder's part is quoted once per folder (an archive's files share a few).
    """
    absolute = os.path.abspath(path)
    if os.name != "posix":
        return Path(absolute).as_uri()
    folder, name = os.path.split(absolute)
    return _folder_uri(folder) + quote_from_bytes(os.fsencode(name))


@functools.lru_cache(maxsize=64)
def _folder_uri(folder: str) -> str:
    """The URI of a file in ``folder`` (an absolute path) up to its name: as pathlib writes it on POSIX."""
    return "file://" + quote_from_bytes(os.fsencode(folder if folder.endswith("/") else folder + "/"))
