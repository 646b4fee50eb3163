"""Undo mojibake: UTF-8 text that was once read as Windows-1252 (or Latin-1) and saved again.

A web page copied through a tool that took its UTF-8 for Windows-1252 reaches us as valid UTF-8 with
the wrong characters: ``NovotnÃ½`` for ``Novotný``, ``â€œ`` for ``“``, ``Há»“`` for ``Hồ``. Each
character of such a line is the Windows-1252 reading of one byte of the original, so writing the line
back in Windows-1252 gives the original bytes, and those are valid UTF-8. The reading hides bytes in
characters the normalisation would remove or change: a no-break space (``Å irokÃ½``: 0xA0 of Š),
a soft hyphen (``ChÃ­``: 0xAD of í), a C1 control (``Ä\\x90``: 0x90 of Đ), so the repair must come
before it.

A line of genuine text almost never survives that round trip: any accented letter or typographic
mark standing alone (``é``, ``“``) is no valid UTF-8 byte sequence. So a line is repaired only when
every one of its non-ASCII characters is the Windows-1252 reading of a byte and together they decode
as UTF-8; the file must give at least two repaired characters (one ``ß“`` in a German line is no
evidence), and the repaired text must hold no control, private-use or unassigned character.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Each character a byte 0x80-0xFF becomes when read as Windows-1252, and the byte. The five bytes that
# code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) come through as the C1 control of the same
# number, as Windows and browsers read them; a Latin-1 reading gives C1 controls for all of 0x80-0x9F.
_BYTE_OF: dict[str, int] = {chr(byte): byte for byte in range(0x80, 0x100)}
_BYTE_OF.update({bytes([byte]).decode("cp1252"): byte for byte in range(0x80, 0x100)
                 if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)})

MIN_REPAIRED = 2
_NOT_TEXT = frozenset({"Cc", "Co", "Cn", "Cs"})


@dataclass(frozen=True, slots=True)
class MojibakeRepair:
    text: str
    characters: int = 0  # characters the repaired lines hold that were each two to four before
    lines: tuple[int, ...] = ()  # 1-based numbers of the repaired lines


def repair_mojibake(text: str) -> MojibakeRepair:
    """The text with each line that is UTF-8 read as Windows-1252 decoded again (see the module's doc)."""
    lines = text.split("\n")  # not splitlines(): it would cut at U+0085, the Latin-1 reading of byte 0x85
    repaired_lines: list[int] = []
    characters = 0
    for index, line in enumerate(lines):
        repaired = _repaired_line(line)
        if repaired is not None:
            lines[index] = repaired
            repaired_lines.append(index + 1)
            characters += sum(character > "\x7f" for character in repaired)
    if characters < MIN_REPAIRED:
        return MojibakeRepair(text)
    return MojibakeRepair("\n".join(lines), characters, tuple(repaired_lines))


def _repaired_line(line: str) -> str | None:
    """The line read again as UTF-8, or None when it is not mojibake (ASCII, or not a byte reading)."""
    if line.isascii():
        return None
    original = bytearray()
    for character in line:
        if character.isascii():
            original.append(ord(character))
        elif character in _BYTE_OF:
            original.append(_BYTE_OF[character])
        else:
            return None  # a character no byte reads as: the line was never bytes read as Windows-1252
    try:
        repaired = original.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if any(unicodedata.category(character) in _NOT_TEXT for character in repaired if not character.isascii()):
        return None
    return repaired
