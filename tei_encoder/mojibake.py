"""Undo mojibake: UTF-8 text that was once read as Windows-1252 (or Latin-1) and saved again.

A web page copied through a tool that took its UTF-8 for Windows-1252 reaches us as valid UTF-8 with
the wrong characters: ``NovotnÃ½`` for ``Novotný``, ``â€œ`` for ``“``, ``Há»“`` for ``Hồ``. The reading
hides bytes in characters the normalisation would remove or change: a no-break space (``Å irokÃ½``:
0xA0 of Š), a soft hyphen (``ChÃ­``: 0xAD of í), a C1 control (``Ä\\x90``: 0x90 of Đ), so the repair
must come before it.

ftfy (a well-kept library made for exactly this) decides and repairs, line by line: it knows the
sloppy Windows-1252 that browsers read, lines where only some words were misread, and text that was
misread twice, and it leaves genuine text alone by a measure of how unlikely its characters are
(``„Weiß“`` stays). Only its encoding repairs are asked of it: the characters it would also change
(quotes, ligatures, widths, controls, HTML references) are this module's neighbours' to declare, and a
sequence whose bytes are lost is left as printed rather than made U+FFFD. A repaired line that would
hold a control, private-use or unassigned character is kept as it was.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

import ftfy

_ENCODING_ONLY = ftfy.TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_c1_controls=False, replace_lossy_sequences=False,
    fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
    fix_surrogates=False, remove_control_chars=False, normalization=None, explain=False)
_NOT_TEXT = frozenset({"Cc", "Co", "Cn", "Cs"})
# What every misread line holds: a UTF-8 lead byte's reading (0xC2-0xF4: Â Ã Ä … ô) before a continuation
# byte's (0x80-0xBF as Windows-1252 or Latin-1 reads it: € ‚ ƒ „ … “ ” – — ™ š ¡ … ¿, the C1 controls), or
# Â, Ã or Å before a space where a no-break space's 0xA0 became one (``Ã `` of à, ``Å `` of Š). A line
# without it is not asked of ftfy: a record's boxes (□), Cyrillic and most accented words never hold it
# (ftfy on every non-ASCII line of corpus300 cost 0.85 ms a record, 5 % of converting it; now 0.06 ms).
_MISREAD_PAIR = re.compile("[\u00c2\u00c3\u00c5] |[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d"
                           "\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030"
                           "\u2039\u203a\u20ac\u2122]")


@dataclass(frozen=True, slots=True)
class MojibakeRepair:
    text: str
    characters: int = 0  # characters of the repaired lines that stand for two to four misread ones
    lines: tuple[int, ...] = ()  # 1-based numbers of the repaired lines


def repair_mojibake(text: str) -> MojibakeRepair:
    """The text with each line that holds UTF-8 read as Windows-1252 read again as UTF-8."""
    if text.isascii():
        return MojibakeRepair(text)  # most records: nothing to look at
    lines = text.split("\n")  # not splitlines(): it would cut at U+0085, the Latin-1 reading of byte 0x85
    repaired_lines: list[int] = []
    characters = 0
    for index, line in enumerate(lines):
        repaired = _repaired_line(line)
        if repaired is not None:
            lines[index] = repaired
            repaired_lines.append(index + 1)
            characters += _characters_replaced(line, repaired)
    if not repaired_lines:
        return MojibakeRepair(text)
    return MojibakeRepair("\n".join(lines), characters, tuple(repaired_lines))


def _repaired_line(line: str) -> str | None:
    """The line read again as UTF-8, or None when it is not mojibake."""
    if line.isascii() or not _MISREAD_PAIR.search(line):
        return None
    repaired = ftfy.fix_text(line, _ENCODING_ONLY)
    if repaired == line or any(unicodedata.category(character) in _NOT_TEXT
                               for character in repaired if not character.isascii()):
        return None
    return repaired


def _characters_replaced(line: str, repaired: str) -> int:
    """How many characters of the repaired line replaced misread ones (the rest of a line stood as it was)."""
    matcher = difflib.SequenceMatcher(None, line, repaired, autojunk=False)
    return sum(end - start for tag, _, _, start, end in matcher.get_opcodes() if tag != "equal")
