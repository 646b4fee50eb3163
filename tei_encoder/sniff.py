"""What a file is, from its first bytes (magic numbers), not its name.

``convert`` reads plain-text records: a TEI file, a Word document or a PDF given
to it by mistake (or renamed to .txt) must be refused naming what it is, not
decoded as Windows-1252 mush or reported as "binary data". ``render`` reads TEI:
a plain-text record given to it is told to go through ``convert`` first.
"""

from __future__ import annotations

import codecs
import re

TEI_NAMESPACE = b"http://www.tei-c.org/ns/1.0"
HEAD = 4096  # bytes looked at: every signature below is at the very start

XML_ADVICE = "use validate or render"
EXPORT_ADVICE = "export it as plain text first"

# (signature at offset 0, what it is); a zip is told apart by the names of its first members.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Word (.doc) or other Microsoft Office file"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
)
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_HTML_START = re.compile(rb"<(!DOCTYPE\s+html|html)[\s>]", re.IGNORECASE)
_XML_START = re.compile(rb"<(\?xml[\s?]|[A-Za-z_][\w.:-]*[\s/>]|!DOCTYPE\s|!--)")


def not_plain_text(data: bytes) -> str | None:
    """Why ``data`` is no plain-text record ("already XML: …", "a PDF file, …"), or None if it may be one."""
    head = data[:HEAD]
    for signature, kind in _MAGIC:
        if head.startswith(signature):
            return f"{kind}, not a plain-text record: {EXPORT_ADVICE}"
    if head.startswith(_ZIP):
        return f"{_zip_kind(head)}, not a plain-text record: {EXPORT_ADVICE}"
    if _HTML_START.match(_as_utf8(head).lstrip()):
        return f"an HTML page, not a plain-text record: {EXPORT_ADVICE}"
    if looks_like_xml(head):
        kind = "a TEI document" if TEI_NAMESPACE in _as_utf8(head) else "an XML document"
        return f"already XML ({kind}): {XML_ADVICE}"
    return None


def looks_like_xml(data: bytes) -> bool:
    """Starts (after a byte-order mark and blank space) with an XML declaration, a doctype, a comment,
    or an element that the text closes at its end: a record that merely opens with "<Untitled>"
    and goes on in prose is still a record."""
    text = _as_utf8(data[:HEAD]).lstrip()
    if not _XML_START.match(text):
        return False
    if text.startswith((b"<?xml", b"<!DOCTYPE", b"<!--")):
        return True
    return _as_utf8(data).rstrip().endswith(b">")


def _zip_kind(head: bytes) -> str:
    # A zip's first member's name follows its 30-byte local header: Office files put theirs first.
    if b"word/" in head:
        return "a Word document (.docx)"
    if b"opendocument.text" in head:
        return "an OpenDocument text (.odt)"
    if b"xl/" in head or b"ppt/" in head:
        return "a Microsoft Office document"
    return "a zip archive"


def _as_utf8(data: bytes) -> bytes:
    """The bytes as UTF-8 for the checks above: a UTF-16 file (with its byte-order mark) re-encoded."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="ignore").encode("utf-8")
    return data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
