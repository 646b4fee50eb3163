"""Nothing silently lost: which parts of a TEI document its page does not show in full.

``parts.xsl`` lists the document's parts (header sections, what lies outside the text, the text's
divisions) with their words; a word of the TEI that is neither in the page's HTML nor in its plain
text is charged to a part that holds it (parts outside the text first). Each such part becomes a
warning diagnostic (rule ``render-left-out``, with its XPath) and a visible note on the page, so a
reader and a pipeline both learn what the page leaves out: the TEI file, which the page links, has it.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from tei_encoder.diagnostics import Diagnostic, Severity
from tei_encoder.render import stylesheets

RULE = "render-left-out"
WORD = re.compile(r"[^\W_]+")
_TAG = re.compile(r"<[^>]*>")  # the stylesheets write '>' inside attribute values as &gt;
_SAMPLE = 5


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A part of the TEI whose words the page does not all show."""

    path: str  # /TEI[1]/standOff[1]/listRelation[1]
    missing: int  # words of the part not on the page
    sample: tuple[str, ...]  # a few of them, in the part's order


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text))


def page_words(page: bytes, text: bytes | None) -> Counter[str]:
    """The words a reader finds: the HTML page's text (tags are word boundaries) or the plain-text view's."""
    # Tags are word boundaries; the text of the page's head (its title, no meta content) counts too.
    shown = words(html.unescape(_TAG.sub(" ", page.decode("utf-8", "replace"))))
    if text is not None:
        shown |= words(text.decode("utf-8", "replace"))
    return shown


def left_out(tree: etree._ElementTree, page: bytes, text: bytes | None) -> list[LeftOut]:
    """The parts of ``tree`` with words missing from ``page`` and ``text``, in document order."""
    parts = stylesheets.stylesheet(stylesheets.PARTS)(tree).getroot()
    if parts is None:
        return []
    missing = Counter(words(" ".join(parts.itertext()))) - page_words(page, None)
    if missing and text is not None:  # the plain text only when the page alone does not show everything
        missing -= words(text.decode("utf-8", "replace"))
    if not missing:
        return []
    found: list[tuple[int, LeftOut]] = []
    ordered = sorted(enumerate(parts), key=lambda item: item[1].get("kind") == "text")  # stable: text last
    for position, part in ordered:
        part_words = WORD.findall(part.text or "")
        charged = Counter(part_words) & missing
        if not charged:
            continue
        missing -= charged
        sample = tuple(dict.fromkeys(word for word in part_words if word in charged))[:_SAMPLE]
        found.append((position, LeftOut(part.get("path", ""), sum(charged.values()), sample)))
    return [item for _, item in sorted(found, key=lambda pair: pair[0])]


def diagnostics(file: str, parts: list[LeftOut]) -> list[Diagnostic]:
    return [Diagnostic(file=file, rule=RULE, severity=Severity.WARNING, xpath=part.path,
                       message=f"{part.path}: {part.missing} word(s) of this part are not shown on the page "
                               f"(e.g. {', '.join(part.sample)}); the TEI file has them")
            for part in parts]


def note_html(parts: list[LeftOut]) -> bytes:
    """The visible note listing what the page leaves out (escaped; ids unique on the page)."""
    items = "".join(f"<li><code>{html.escape(part.path)}</code>: {part.missing} word(s), e.g. "
                    f"{html.escape(', '.join(part.sample))}</li>" for part in parts)
    return ('<aside class="left-out" role="note" aria-labelledby="left-out-heading">'
            '<h2 id="left-out-heading">Not shown in full on this page</h2>'
            "<p>These parts of the TEI have no view here yet; the TEI file has them.</p>"
            f"<ul>{items}</ul></aside>").encode("utf-8")


def with_note(page: bytes, parts: list[LeftOut]) -> bytes:
    """``page`` with the note at the end of its article (or of its body)."""
    if not parts:
        return page
    for closing in (b"</article>", b"</body>"):
        at = page.rfind(closing)
        if at >= 0:
            return page[:at] + note_html(parts) + page[at:]
    return page + note_html(parts)
