"""XInclude on request (``--xinclude``): local files under the input's own folder, read like every other file.

libxml2's own XInclude opens what ``href`` names itself (a URL, a FIFO, any
file the process can read), so it is not used. Here each ``xi:include`` is
resolved from the including file's location, and read only when it is a
regular file inside the folder of the document the user named (symbolic
links resolved; at most MAX_BYTES; xmlsafe.read_confined). An included XML
file is parsed with the same hardened parser, so a DOCTYPE or entities in it
are refused as in the document itself, and it may include further files
(at most MAX_DEPTH deep, never itself again). ``parse="text"`` inserts the
text. Anything else (a URL, a file outside the folder, a named pipe, an
``xpointer``) refuses the document with one line that names the href.
"""

from __future__ import annotations

import os
from pathlib import Path

from lxml import etree

from tei_encoder import xmlsafe
from tei_encoder.regular_file import InputRefused

NS_XI = "http://www.w3.org/2001/XInclude"
MAX_DEPTH = 10
_INCLUDE = f"{{{NS_XI}}}include"


def include_hint(tree: etree._ElementTree) -> tuple[int | None, str] | None:
    """For a document read without --xinclude: the first xi:include's line and one line suggesting the
    option, or None when it has none."""
    includes = list(tree.getroot().iter(_INCLUDE))
    if not includes:
        return None
    first = includes[0]
    count = f"{len(includes)} xi:include elements" if len(includes) > 1 else "an xi:include element"
    return first.sourceline, (f"the document has {count} (first href={first.get('href', '')!r}), not resolved: "
                              "--xinclude reads them from files under the input's folder")


class XIncludeRefused(ValueError):
    """An xi:include that is not followed; ``str()`` is one line naming it."""


def expand(tree: etree._ElementTree, document: Path) -> int:
    """Replace every xi:include in ``tree`` (parsed from ``document``); the number of includes resolved."""
    folder = Path(os.path.abspath(document)).parent
    return _expand(tree.getroot(), Path(os.path.abspath(document)), folder, depth=0,
                   chain=(os.path.realpath(document),))


def _expand(root: etree._Element, base: Path, folder: Path, depth: int, chain: tuple[str, ...]) -> int:
    resolved = 0
    for include in list(root.iter(_INCLUDE)):
        replacement = _resolve(include, base, folder, depth, chain)
        _replace(include, replacement)
        resolved += 1
    return resolved


def _resolve(include: etree._Element, base: Path, folder: Path, depth: int,
             chain: tuple[str, ...]) -> etree._Element | str:
    href = include.get("href", "")
    line = f" (line {include.sourceline})" if include.sourceline else ""

    def refuse(reason: str) -> XIncludeRefused:
        return XIncludeRefused(f"refused: xi:include href={href!r}{line} {reason}")

    if include.get("xpointer") is not None:
        raise refuse("has an xpointer, which tei-encoder does not resolve")
    if not href:
        raise refuse("names no file")
    named = xmlsafe.local_path(href)
    if named is None:
        raise refuse("is not a local file; nothing is fetched from the network")
    path = named if named.is_absolute() else base.parent / named
    try:
        data = xmlsafe.read_confined(path, folder)
    except InputRefused as error:
        raise refuse(f"{error}; --xinclude reads only files under the input's folder") from None
    except OSError as error:
        raise refuse(f"cannot be read: {error.strerror or error}") from None
    if include.get("parse", "xml") == "text":
        try:
            return data.decode(include.get("encoding") or "utf-8")
        except (UnicodeDecodeError, LookupError):
            raise refuse("is not text in the encoding it names") from None
    real = os.path.realpath(path)
    if real in chain:
        raise refuse("includes itself")
    if depth + 1 > MAX_DEPTH:
        raise refuse(f"is nested more than {MAX_DEPTH} includes deep")
    try:
        included = xmlsafe.parse_bytes(data, base_url=Path(real).as_uri()).getroot()
    except (etree.XMLSyntaxError, xmlsafe.UnsafeXML, InputRefused) as error:
        raise refuse(f"is not usable XML: {error}") from None
    _expand(included, Path(real), folder, depth + 1, (*chain, real))
    return included


def _replace(include: etree._Element, replacement: etree._Element | str) -> None:
    parent = include.getparent()
    tail = include.tail or ""
    if isinstance(replacement, etree._Element) and parent is not None:
        replacement.tail = tail
        parent.replace(include, replacement)
        return
    if parent is None:  # the root itself is an include: keep the tree's root, which cannot be replaced
        raise XIncludeRefused("refused: the document's root element is an xi:include")
    text = (replacement if isinstance(replacement, str) else "") + tail
    previous = include.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(include)
