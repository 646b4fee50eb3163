"""What a family hands the body reader: the header facts it found, and its options."""

from __future__ import annotations

from dataclasses import dataclass, field

from tei_encoder import model as m


@dataclass(slots=True)
class HeaderDraft:
    """Header facts a family reader found in its header-bound lines."""

    title: str | None = None
    date: m.DateText | None = None
    publisher: str | None = None
    repository: str | None = None
    archival_refs: list[str] = field(default_factory=list)
    url: str | None = None
    citation: str | None = None
    contents: list[str] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    language: m.Language | None = None  # None: detected from the body text (header/language.py)
    original_language: str | None = None
    boilerplate: list[str] = field(default_factory=list)
    funders: list[str] = field(default_factory=list)  # bodies a page's acknowledgement names (wilson_center.py)
    fields: list[m.SourceField] = field(default_factory=list)
    translators: list[str] = field(default_factory=list)
    # A page's list of the people it concerns, as a library catalogue heads them ("Stalin, Joseph, 1879-1953")
    catalogued_people: list[str] = field(default_factory=list)
    statements: list[m.Statement] = field(default_factory=list)
    joined_lines: int = 0  # line breaks inside header fields that were joined with a space
    # The source lines (first, last) each field was read from, as the decision trace names the field:
    # "title", "date", "citation", "summary", "original-language", "contents-2", "field-1",
    # "boilerplate-3". A field the family does not locate is found by its text (reader/traced.py).
    where: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Options:
    """How a family lays out its body."""

    line_paragraphs: bool = False  # True: every line is a paragraph (Word exports)
    first_unit_is_title: bool = False
