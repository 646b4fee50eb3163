"""Wilson Center Digital Archive pages.

Recognised by the archive page's labelled fields (``Citation:``, ``Summary:``,
``Original Language:``, ``Contents:``, with or without markdown ``#``/``**``)
and a citation naming a digital archive. Layout: a date line and the title,
then the labelled fields, then the transcript (which usually repeats the
title). The fields fill the header; the transcript is the body.
"""

from __future__ import annotations

import re

from tei_encoder import model as m
from tei_encoder.config import Config
from tei_encoder.families.base import Family
from tei_encoder.reader import HeaderDraft, Options, read_body
from tei_encoder.header import dates, language, title as titles
from tei_encoder.markers import FORM_FEED
from tei_encoder.source import Line, Source

FIELD_LABELS = {
    "citation": "citation", "summary": "summary", "original language": "original language",
    "contents": "contents", "credits": "credits", "source": "source", "original archive": "archive",
    "archive": "archive", "record id": "record id", "subjects discussed": "subjects",
    "subjects": "subjects", "keywords": "keywords", "associated people & organizations": "people",
    "associated people and organizations": "people", "associated places": "places",
    "associated topics": "topics", "rights": "rights", "language": "language",
    "document type": "document type", "author": "author", "description": "description",
    "original uploaded date": "uploaded", "type": "document type", "link": "url", "url": "url",
    "related documents": "related",
    # the newer site's citation under the transcript ("To Cite:"), and fields of a collection's pages
    # ("Theme:", "Document Number:") printed with the others, above or below the transcript
    "to cite": "citation", "theme": "theme", "document number": "document number",
    # the title under its label, as a page printing its fields first gives it ("**Title:** Minutes of …",
    # "Document Information" / "Title: …")
    "title": "title",
}
# "**" inside a word ("Internatio**nal") is no markdown mark: removing it would join two words; "* " before
# a list field's item ("* Soviet Union") is the markdown list's bullet
_MARKDOWN = re.compile(r"^#{1,6}\s*|\*\*(?<!\w\*\*(?=\w))|^[*•]\s+(?=\S)")
# A markdown list's bullet before a field's item ("- Translation - English", "* Soviet Union").
_BULLET = re.compile(r"^[-*•]\s+(?=\S)")
# A markdown rule ("---", "***", "___") between the page's parts: no text of the record.
# html2text prints the rule spaced ("* * *").
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,}|\*(?: \*){2,})\s*$")
# A markdown link to itself, as a page saved as markdown prints the page's URL
# ("[https://…/document/300214](https://…/document/300214)"): the URL, printed once. (The site's other links,
# "[Suez Crisis, 1956](/topics/suez-crisis-1956)", stay as printed: their targets are words of the page.)
_LINK = re.compile(r"\[(?P<url>https?://[^\[\]\s]+)\]\((?P=url)\)")
# Labels a page may print alone on their line without a colon, unmarked: no transcript heads a part so.
_PLAIN_ALONE = frozenset({"citation", "original language", "contents", "associated people & organizations",
                          "associated people and organizations", "associated places", "associated topics",
                          "subjects discussed", "related documents"})
_LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z &]+?)\s*:\s*(?P<rest>.*)$")
# a URL starts a word: "Recohttp://…" is damaged text, not a URL after "Reco"
_URL = re.compile(r"<?(?<!\w)(?P<url>https?://[^\s<>]+)>?")
_CONTENTS_ITEM = re.compile(r"^(?:Transcript|Translation|Original Scan|Scan|Original|Original Document|"
                            r"Image|Facsimile|Summary)\b.*$|^[A-Z][a-z]+ (?:Translation|Transcript)$", re.I)
# the item named language first, as older pages print it: "English Translation", "Russian Transcript"
_LANGUAGE_THEN_KIND = re.compile(r"^(?P<language>[A-Z][a-z]+) (?P<kind>Translation|Transcript)$")
# (a copy through a word processor prints the dash as an en dash: "Transcript – English")
_TRANSLATION_LANGUAGE = re.compile(r"^(?:Transcript|Translation)\s*[-–—]\s*(?P<language>[A-Z][a-z]+)")
_ARCHIVE_NAME = re.compile(r"Digital Archive")
_ARCHIVE_NAME_TEXT = _ARCHIVE_NAME.pattern  # a plain string: a substring test finds it
_PRINTED = {"record id": "Record ID"}  # a label whose title case is not str.title()'s
# Fields the site prints as lists, one item a line: each item is kept as its own field.
_LIST_FIELDS = frozenset({"people", "places", "topics", "subjects", "keywords", "related"})
# Site fields that may follow Contents before the transcript: no transcript opens with these labels.
_AFTER_CONTENTS = _LIST_FIELDS | {"record id", "rights", "credits", "theme"}
# A field a page may print after Contents too, though it is not the site's list: "Language:", the
# "Document Information" block's, printed above the transcript (the transcript opens with no such label).
_ALSO_AFTER_CONTENTS = frozenset({"language"})
# The page's own fields, which a newer copy may print after Contents, once each.
_PAGE_FIELDS = frozenset({"citation", "summary", "original language"})
# The newer site's closing block: "Document Information", then each label alone on its line over its value.
_INFORMATION_HEADING = "document information"
_INFORMATION_LABELS = frozenset({"source", "original archive", "rights", "original uploaded date", "type",
                                 "language", "record id", "document type", "author", "keywords", "subjects",
                                 "subjects discussed", "to cite", "theme"})


def _bare(text: str) -> str:
    if text == FORM_FEED or _is_setext_underline(text):
        return ""
    if "](" in text:
        text = _LINK.sub(r"\g<url>", text)
    if "**" not in text and not text.startswith(("#", "* ", "• ")):  # no mark _MARKDOWN could take
        return text.strip()
    return _MARKDOWN.sub("", text).strip()


# A setext heading's underline ("=====" under the page's title): markdown, as "# " is, not the title's text.
_SETEXT_UNDERLINE = re.compile(r"\s*={3,}\s*")
# The page's date line under a label, as the plainer page layouts print it ("Date: July 3, 1956").
# "Document Date:", as a collection's pages label it, is the page's date as "Date:" is.
_DATE_LABEL = re.compile(r"^(?:Document\s+)?Date\s*:\s*(?=\S)", re.I)


def _is_setext_underline(text: str) -> bool:
    return text.startswith(("=", " ")) and _SETEXT_UNDERLINE.fullmatch(text) is not None


def _page_date_line(text: str) -> m.DateText | None:
    """The page's date line: a date alone (page_date), or one after a ``Date:`` label, whose label goes."""
    return page_date(_DATE_LABEL.sub("", text, count=1))


def _date_labels(front: list[Line], draft: HeaderDraft) -> int:
    """1 when the page's date was read from under a ``Date:`` label (removed like the fields' labels)."""
    where = draft.where.get("date") if draft.date else None
    labelled = (line for line in front if where and line.number == where[0] and _DATE_LABEL.match(_bare(line.text)))
    return int(next(labelled, None) is not None)


# A bold label closed by a full stop instead of a colon, its value run on (``**Summary.** Foreign Minister …``),
# as a page copied from a word processor or a collection's own layout prints the fields.
_STOP_LABEL = re.compile(r"^\*\*(?P<label>[A-Z][A-Za-z &]+?)\.\*\*\s*(?P<rest>.*)$")


def _label(text: str) -> tuple[str, str] | None:
    if text.startswith("**") and (stopped := _STOP_LABEL.match(text)):
        key = stopped.group("label").lower()
        return (key, stopped.group("rest").strip()) if key in FIELD_LABELS else None
    if ":" not in text:  # most lines: no label with its colon can match, and the markdown need not be removed
        return _label_alone(text)
    match = _LABEL.match(_bare(text))
    if not match:
        return None
    key = match.group("label").strip().lower()
    return (key, match.group("rest").strip()) if key in FIELD_LABELS else None


def _label_alone(text: str) -> tuple[str, str] | None:
    """A field's label printed as a heading without its colon (``### Summary``, ``**Original Language**``),
    as a newer copy of the page prints them, over its content; unmarked only for labels no transcript
    heads a part with (``Citation``, ``Original Language``)."""
    if len(text) > 48 or not text[:1].isupper() and not text.startswith(("#", "*")):
        return None
    key = _bare(text).lower()
    if key not in FIELD_LABELS:
        return None
    marked = text.startswith(("#", "**"))
    return (key, "") if marked or key in _PLAIN_ALONE else None


def _unfolded(lines: tuple[Line, ...] | list[Line]) -> list[Line]:
    """Lines with run-in page fields (``… Citation: … Summary: …`` on one line) cut at their labels."""
    out: list[Line] = []
    for line in lines:
        parts = titles.split_run_in_fields(line.text) if line.text.count(":") >= 2 else [line.text]
        if len(parts) == 1:
            out.append(line)  # as it is, its columns too
        else:
            out.extend(Line(line.number, part) for part in parts)
    return out


# A label alone on its line, without its colon, over its value: the browser's "select all" copy of the page
# ("Summary" / "The SED regional leadership …"); "Document Date" over the page's date line.
_DATE_LABEL_ALONE = re.compile(r"(?:Document\s+)?Date", re.I)
_HEAD_LINES = 40  # the page's fields stand under its masthead and title, within its first lines


def _colon_less_head_labels(lines: list[Line]) -> list[Line]:
    """The page's fields as a browser copy prints them, each label alone without its colon over its value
    (``Summary`` / ``The SED …``, ``Source`` / ``Stiftung Archiv …``), given their colons, and a
    ``Document Date`` label over the page's date line run on to it (``Document Date: June 17, 1953``), so
    the field readers take them. Only when two labelled blocks in a row near the top of the page prove the
    layout (a transcript heads a part "Summary" or "Source" alone, seldom two in a row under the title);
    before, the fields, the page's buttons and the site's navigation began the body."""
    blocks = _line_blocks(lines)
    run = _label_block_run(blocks)
    if not run:
        return lines
    renamed: dict[int, Line] = {}
    for block in run:
        renamed[id(block[0])] = Line(block[0].number, _bare(block[0].text) + ":")
    first = run[0][0].number
    for block in blocks:
        if block[0].number < first and len(block) >= 2 and _DATE_LABEL_ALONE.fullmatch(_bare(block[0].text)) \
                and page_date(_bare(block[1].text)) is not None:
            renamed[id(block[0])] = Line(block[0].number, f"{_bare(block[0].text)}: {_bare(block[1].text)}")
            renamed[id(block[1])] = Line(block[1].number, "")
    return [renamed.get(id(line), line) for line in lines]


def _label_block_run(blocks: list[list[Line]]) -> list[list[Line]]:
    """The first run of two or more blocks in a row, within the page's first lines, each a field's label
    alone (no colon, unmarked) over at least one line of its value; [] when there is none, or when
    every label in it is one the readers take alone anyway (``Original Language``, ``Contents``)."""
    run: list[list[Line]] = []
    for block in blocks:
        if block[0].number > (run[0][0].number if run else 0) + _HEAD_LINES:
            break
        if _colon_less_label_block(block):
            run.append(block)
            continue
        if len(run) >= 2:
            break
        run = []
    if len(run) < 2 or all(_bare(block[0].text).lower() in _PLAIN_ALONE for block in run):
        return []
    return run


def _colon_less_label_block(block: list[Line]) -> bool:
    text = block[0].text
    return (len(block) >= 2 and ":" not in text and not text.startswith(("#", "*"))
            and text.strip().lower() in FIELD_LABELS and text.strip().lower() != "title")


def detect(source: Source) -> float:
    head = [line.text for line in source.lines[:200]]
    # The labels of the head as _unfolded cuts it: only a line with a colon can hold one.
    labels = {label[0] for text in head if ":" in text
              for part in (titles.split_run_in_fields(text) if text.count(":") >= 2 else (text,))
              if (label := _label(part))}
    # a browser copy's labels alone without their colons, two or more in a row under the title
    labels |= {_bare(block[0].text).lower() for block in _label_block_run(_line_blocks(list(source.lines[:200])))}
    score = 0.0
    if "citation" in labels:
        score += 0.5
    score += 0.1 * len(labels & {"summary", "original language", "contents", "credits"})
    if any(_ARCHIVE_NAME_TEXT in text for text in head):
        score += 0.2
    # The newer page: a funding line under the title, the "Document Information" block at the end.
    if any(_FUNDING.match(_bare(text).strip()) for text in head[:30]):
        score += 0.4
    if any(_bare(line.text).strip().rstrip(":").lower() == _INFORMATION_HEADING for line in source.lines[-80:]):
        score += 0.3
    return min(score, 0.95)


def read(source: Source, config: Config = Config()) -> m.Document:
    lines = _colon_less_head_labels(_unfolded(source.lines))
    draft = HeaderDraft()  # the language: the page's "Translation - X", else detected from the text
    first_label = next((i for i, line in enumerate(lines) if _label(line.text) or _field_table_at(lines, i)),
                       len(lines))
    transcript = _transcript_after_title(lines[:first_label], fields_follow=first_label < len(lines))
    _front(lines[:transcript if transcript is not None else first_label], draft)
    body_start, labels = (transcript, 0) if transcript is not None else _fields(lines, first_label, draft)
    body_end = _page_footer(lines, body_start, draft)
    body_end, information_labels = _information(lines, body_start, body_end, draft)
    body_end, trailing_labels = _trailing_site_fields(lines, body_start, body_end, draft)
    body_end, citation_labels = _trailing_citation(lines, body_start, body_end, draft)
    taken_below = information_labels + trailing_labels + citation_labels > 0
    body_end, closing_labels = _closing_fields(lines, body_start, body_end, draft, taken_below)
    labels += information_labels + trailing_labels + citation_labels + closing_labels
    labels += _date_labels(lines[:first_label], draft)
    body_start, body_end = _without_edge_rules(lines, body_start, body_end)
    _citation(draft)
    _original_archive(draft)
    _translator(draft)
    # the page's lines above and below the transcript (its closing fields' labels are marked too)
    markdown = sum(bool(_MARKDOWN.search(line.text) or _RULE.match(line.text) or _LINK.search(line.text))
                   or _is_setext_underline(line.text)
                   for line in lines[:body_start] + lines[body_end:])
    if len(lines) > len(source.lines):  # fields run together on one line were split apart
        draft.statements.append(m.Statement("normalization", "08-run-in-fields", len(lines) - len(source.lines)))
    brackets = bool(draft.url) and f"<{draft.url}>" in " ".join(line.text for line in lines[:body_start])
    if labels or markdown or brackets:
        draft.statements.append(m.Statement("normalization", "08-page-fields", labels, (
            ("markdown-lines", markdown), ("url-brackets", int(brackets)))))
    return read_body(source, "wilson-center", draft, _pdf_pages(lines[body_start:body_end], draft), Options(),
                     config=config)


# The site's PDF of a page, copied as text, prints its own page number and running head at each page's turn
# ("2" over "Wilson Center Digital Archive      Original Scan"): the PDF's page furniture, no text of the
# document, where the document's page turns.
_PDF_RUNNING_HEAD = re.compile(r"Wilson Center Digital Archive (?:Original Scan|(?:Translation|Transcript) - [A-Z][a-z]+)")
# its number alone ("2"), or as a footer of another PDF maker ("Page 1 of 4")
_PDF_PAGE_NUMBER = re.compile(r"^\s*(?:Page \d{1,3} of \d{1,3}|\d{1,3})\s*$")


def _pdf_pages(lines: list[Line], draft: HeaderDraft) -> list[Line]:
    """The transcript with the PDF's page furniture (its page number and running head) read as a page
    break: a form feed, as a typescript's page turn is, counted in a statement."""
    out: list[Line] = []
    turns = 0
    for line in lines:
        if line.cells and _PDF_RUNNING_HEAD.fullmatch(line.text):  # set apart in columns, as the PDF prints it
            if out and out[-1].text == FORM_FEED:  # the copy kept the PDF's page turn as a form feed:
                form_feed = out.pop()  # one page break, not two; and the empty text before it on its line
                while out and out[-1].number == form_feed.number and not out[-1].text:
                    out.pop()
            if out and _PDF_PAGE_NUMBER.match(out[-1].text):
                out.pop()
            out.append(Line(line.number, FORM_FEED))
            turns += 1
        else:
            out.append(line)
    if not turns:
        return lines
    while out and out[-1].text in (FORM_FEED, ""):
        out.pop()  # the last page's foot: nothing follows it
    last_number = _last_page_number(out)
    draft.statements.append(m.Statement("normalization", "08-pdf-page-furniture", turns,
                                        (("last-page-number", 1),) if last_number else ()))
    return out


_LAST_PAGE_FOOTER = re.compile(r"Page (\d{1,3}) of \1")  # the last page's number says it is the last


def _last_page_number(lines: list[Line]) -> bool:
    """Remove the last page's footer number (``Page 4 of 4``) that ends the transcript: no running head
    follows it, but it is the PDF's as the others are (left, it ran into the signature above it)."""
    if lines and _LAST_PAGE_FOOTER.fullmatch(lines[-1].text):
        lines.pop()
        return True
    return False


def _without_edge_rules(lines: list[Line], start: int, end: int) -> tuple[int, int]:
    """The transcript without the markdown rules ("---") that set it apart from the page's fields above
    and below it: its start and end (the statement counts the rules with the page's markdown)."""
    at = start
    while at < end and (not lines[at].text.strip() or _RULE.match(lines[at].text)):
        at += 1
        if _RULE.match(lines[at - 1].text):
            start = at
    at = end
    while at > start and (not lines[at - 1].text.strip() or _RULE.match(lines[at - 1].text)):
        at -= 1
        if _RULE.match(lines[at].text):
            end = at
    return start, end


def _front(lines: list[Line], draft: HeaderDraft) -> None:
    """The date line and the title before the first field; site lines above them are boilerplate.

    The title is what follows the date line (or, without one, the last block before
    the fields); anything above the date line is the site's masthead, kept verbatim
    in the header.
    """
    blocks = _front_blocks(lines)
    date_at = next((i for i, block in enumerate(blocks) if _page_date_line(block[0][1])), None)
    if date_at is not None:
        date_block = blocks[date_at]
        number, text = date_block[0]
        draft.date = _page_date_line(text)
        draft.where["date"] = (number, number)
        above, title_blocks = blocks[:date_at], ([date_block[1:]] if date_block[1:] else []) + blocks[date_at + 1:]
        if not title_blocks and above:  # "# Title" over "## March 28, 1958": the title printed above the date
            above, title_blocks = above[:-1], above[-1:]
    else:  # the last block before the fields, or before the funding line under it
        last = max((i for i, block in enumerate(blocks) if not _funding_line(block)), default=len(blocks) - 1)
        above, title_blocks = blocks[:last], blocks[last:]
    for number, text in (item for block in above for item in block):
        _keep_boilerplate(draft, number, text)
    title_blocks = _without_share_buttons(_without_funding_lines(title_blocks, draft), draft)
    title = [item for block in title_blocks for item in block]
    draft.title = " ".join(text for _, text in title) or None
    if title:
        draft.where["title"] = (title[0][0], title[-1][0])
    draft.joined_lines += max(0, len(title) - 1)
    masthead = sum(len(block) for block in above)
    if masthead:
        draft.statements.append(m.Statement("normalization", "08-boilerplate-masthead", masthead))


def _transcript_after_title(lines: list[Line], fields_follow: bool) -> int | None:
    """Where the transcript starts on a page that prints no fields between its title and the
    transcript (the newer site: date, title, funding line, transcript, then "Document Information"):
    the line after the title and its funding lines. None when only fields can follow the title:
    nothing stands between them, or (with a field further down) only a short line or two, which
    the older pages' titles keep as before."""
    blocks = _front_blocks(lines)
    date_at = next((i for i, block in enumerate(blocks) if _page_date_line(block[0][1])), None)
    funding = next((i for i, block in enumerate(blocks) if _funding_line(block)), None)
    if date_at is not None:
        title_at = date_at if len(blocks[date_at]) > 1 else date_at + 1
    elif funding:  # no date line: the title is the block above the funding line
        title_at = funding - 1
    else:
        return None
    rest = [block for block in blocks[title_at + 1:] if not _funding_line(block) and not _share_buttons(block)]
    if not rest or (fields_follow and len(rest) <= 2 and all(_short_block(block) for block in rest)):
        return None
    first = rest[0][0][0]  # its source line: the transcript begins at the first line printed there
    return next(i for i, line in enumerate(lines) if line.number == first)


def _front_blocks(lines: list[Line]) -> list[list[tuple[int, str]]]:
    """The blocks above the fields, a block cut above its date line: a page copied from the browser, or a
    PDF's text, prints no blank line between the site's navigation (or the PDF's running head) and the
    date and title (``Home / Collections / …`` / ``November 4, 1962`` / ``Memorandum of …``). Read as one
    block, the title began with the navigation."""
    out: list[list[tuple[int, str]]] = []
    for block in _blocks(lines):
        at = next((k for k, (_, text) in enumerate(block) if k and _page_date_line(text)), None)
        out.extend([block[:at], block[at:]] if at is not None else [block])
    return out


# The page's buttons under its title, as a browser copies them ("Share", "Download PDF"): the site's.
_SHARE_BUTTONS = frozenset({"share", "download pdf", "download", "print", "email", "cite", "print this page"})


def _share_buttons(block: list[tuple[int, str]]) -> bool:
    """A block of the page's buttons alone (``Share`` / ``Download PDF`` / ``Print``): the site's, never
    the transcript's first lines."""
    return all(text.strip().lower() in _SHARE_BUTTONS for _, text in block)


def _without_share_buttons(blocks: list[list[tuple[int, str]]], draft: HeaderDraft) -> list[list[tuple[int, str]]]:
    """The title's blocks without the page's buttons under it (``Share`` / ``Download PDF``), which a browser
    copy runs on under the title without a blank line: kept as boilerplate and counted."""
    lines = [item for block in blocks for item in block]
    end = len(lines)
    while end > 1 and lines[end - 1][1].strip().lower() in _SHARE_BUTTONS:
        end -= 1
    if end == len(lines):
        return blocks
    for number, text in lines[end:]:
        _keep_boilerplate(draft, number, text)
    draft.statements.append(m.Statement("normalization", "08-boilerplate-buttons", len(lines) - end))
    kept = {number for number, _ in lines[:end]}
    return [part for block in blocks if (part := [item for item in block if item[0] in kept])]


def _keep_boilerplate(draft: HeaderDraft, number: int, text: str) -> None:
    draft.boilerplate.append(text)
    draft.where[f"boilerplate-{len(draft.boilerplate)}"] = (number, number)


# The archive's thanks under the title: "This document was made possible with support from the
# MacArthur Foundation". The line is the page's, not the document's title.
_FUNDING = re.compile(r"^This (?:document|item|record|translation|collection)(?: was| has been)? made possible "
                      r"(?:with|by|through) (?:the )?(?:generous )?(?:support|funding|a grant|grants?) "
                      r"(?:from|of|by) (?P<funder>.+?)\.?$", re.I)


def _short_block(block: list[tuple[int, str]]) -> bool:
    return len(block) <= 2 and sum(len(text.split()) for _, text in block) <= 20


def _funding_line(block: list[tuple[int, str]]) -> re.Match[str] | None:
    return _FUNDING.match(" ".join(text for _, text in block))


def _without_funding_lines(blocks: list[list[tuple[int, str]]], draft: HeaderDraft) -> list[list[tuple[int, str]]]:
    """The title's blocks without a funding acknowledgement, kept whole as boilerplate (and counted)
    with the body it thanks for funding."""
    kept, moved = [], 0
    for block in blocks:
        found = _funding_line(block)
        if found is None:
            kept.append(block)
            continue
        for number, text in block:
            _keep_boilerplate(draft, number, text)
        draft.funders.append(found.group("funder"))
        moved += len(block)
    if moved:
        draft.statements.append(m.Statement("normalization", "08-boilerplate-funder", moved))
    return kept


# The page's date line may be a year alone ("1953") or an approximate date: a season or part of a
# year keeps the year sure ("Summer 1949", "early March 1953"); "circa 1950", "before 1948" do not.
_YEAR_ONLY = re.compile(r"(?:1[89]|20)\d\d")
_WITHIN = re.compile(r"(?i:early|late|mid-?|middle of|spring|summer|autumn|fall|winter)\s*(?:of\s+)?(?P<date>.+)")
_YEAR_RANGE = re.compile(r"(?P<first>(?:1[89]|20)\d\d)\s?[-–—/]\s?(?P<last>(?:1[89]|20)\d\d|\d\d)")
# An approximate date marked after it, in parentheses: "June 1982 (approximate)", "1950 (circa)".
_ABOUT_AFTER = re.compile(r"(?P<date>.+?)\s*\((?i:approximate|approximately|approx\.|circa|ca\.|estimated|est\.)\)")
_ABOUT = re.compile(r"(?i:circa|ca\.|c\.|approximately|about|around|before|after|not before|not after)\s*(?P<date>.+)")


def page_date(text: str) -> m.DateText | None:
    """The archive page's date line as a date: exact, a year alone, years from and to (``1950-1951``),
    or approximate (then only what it makes sure: the year of "Summer 1949"; nothing of "circa 1950",
    whose text stays)."""
    text = text.strip()
    found = dates.whole_date(text)
    if found:
        return m.DateText(text, found.when, found.from_, found.to)
    if _YEAR_ONLY.fullmatch(text):
        return m.DateText(text, text)
    if (years := _YEAR_RANGE.fullmatch(text)) is not None:
        return _years(text, years)
    within, about = _WITHIN.fullmatch(text), _ABOUT.fullmatch(text)
    if within and (inner := _bare_date(within.group("date"))):
        return m.DateText(text, inner)
    about = about or _ABOUT_AFTER.fullmatch(text)
    if about and _bare_date(about.group("date")):
        return m.DateText(text, None)
    return None


def _years(text: str, years: re.Match[str]) -> m.DateText | None:
    """``1950-1951``, ``1950–51``: from the first year to the last (None when the last is not later:
    ``1950-12`` is no range of years)."""
    first, last = years.group("first"), years.group("last")
    last = last if len(last) == 4 else first[:2] + last
    return m.DateText(text, None, first, last) if last > first else None


def _bare_date(text: str) -> str | None:
    found = dates.whole_date(text)
    return found.when if found else (text if _YEAR_ONLY.fullmatch(text.strip()) else None)


def _blocks(lines: list[Line]) -> list[list[tuple[int, str]]]:
    """(line number, text) in blank-line blocks."""
    blocks: list[list[tuple[int, str]]] = [[]]
    for line in lines:
        texts = [(line.number, bare) for part in _date_apart(line.text) if (bare := _bare(part))]
        if texts:
            blocks[-1].extend(texts)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _date_apart(text: str) -> list[str]:
    """A date line merged with the title line ("December 16, 1949**Record of …") as the two lines.

    Read as one line, its title began with the date glued to the first word ("1949Record"), a word
    that is in no other part of the TEI.
    """
    found = dates.find_dates(text)
    if found and found[0].start == 0 and found[0].when and text[found[0].end:].strip(" ,*#"):
        return [text[:found[0].end], text[found[0].end:]]
    return [text]


def _fields(lines: list[Line], start: int, draft: HeaderDraft) -> tuple[int, int]:
    """Read labelled fields from ``start``; return where the transcript begins and the label count."""
    i, count = start, 0
    seen: set[str] = set()  # the fields read so far: one the page has not printed may follow Contents
    while i < len(lines):
        if _field_table_at(lines, i):
            i, read = _field_table(lines, i, draft)
            count += read
            continue
        if _date_field(lines[i], draft):
            i, count = i + 1, count + 1
            while i < len(lines) and not lines[i].text:
                i += 1
            continue
        label = _label(lines[i].text) or _unlabelled_contents(lines[i].text)
        if label is None:
            break
        key, rest = label
        count += 1
        at = lines[i].number
        i += 1
        content = [rest] if rest else []
        if key == "contents":
            i = _contents(lines, i, draft, content, at)
            end, read = _site_fields(lines, i, draft, seen)
            return end, count + read
        seen.add(FIELD_LABELS[key])
        i = _read_field(lines, i, key, rest, draft)
    return i, count


# A markdown table's row (``| Date | April 14, 1980 |``) and its rule under the heading row (``|---|---|``).
_TABLE_ROW = re.compile(r"^\s*\|(?P<cells>.*)\|\s*$")
_TABLE_RULE_CELL = re.compile(r"\s*:?-{3,}:?\s*")


def _table_cells(text: str) -> list[str] | None:
    row = _TABLE_ROW.match(text) if "|" in text else None
    return [cell.strip() for cell in row.group("cells").split("|")] if row else None


def _table_end(lines: list[Line], i: int) -> int:
    while i < len(lines) and _table_cells(lines[i].text) is not None:
        i += 1
    return i


def _field_table_at(lines: list[Line], i: int) -> bool:
    """The page's fields printed as a markdown table of two columns, label and value (``| Document
    Information | |`` / ``|---|---|`` / ``| Date | April 14, 1980 |`` …), opening at ``i``: a table whose
    labels include two of the page's own (Date among them). A table inside the transcript names none."""
    if _table_cells(lines[i].text) is None or i and _table_cells(lines[i - 1].text) is not None:
        return False
    rows = [_table_cells(line.text) or [] for line in lines[i:_table_end(lines, i)]]
    labels = [row[0].strip("* ").lower() for row in rows if len(row) == 2]
    return sum(label in FIELD_LABELS or label == "date" for label in labels) >= 2


def _field_table(lines: list[Line], i: int, draft: HeaderDraft) -> tuple[int, int]:
    """The page's field table read as its labelled fields: the date the page's, every other row kept
    under its label (a label the site does not print, ``Archival Reference``, as printed); its heading row
    (``Document Information``) is the site's. Returns where the table ends and the labels read."""
    end, count = _table_end(lines, i), 0
    for line in lines[i:end]:
        cells = _table_cells(line.text) or []
        if all(_TABLE_RULE_CELL.fullmatch(cell) for cell in cells):
            continue
        for label, value in _label_value_pairs(cells):
            label = label.strip("* ")
            count += 1
            if not value:  # the heading row
                _keep_boilerplate(draft, line.number, label)
            elif label.lower() == "date" and draft.date is None and (found := page_date(value)) is not None:
                draft.date = found
                draft.where["date"] = (line.number, line.number)
            else:
                _store(draft, FIELD_LABELS.get(label.lower(), label.lower()), [value], label.lower(),
                       (line.number, line.number))
    while end < len(lines) and not lines[end].text:
        end += 1
    return end, count


def _label_value_pairs(cells: list[str]) -> list[tuple[str, str]]:
    """A row's label and value; a row of more cells (two rows run together on one line, ``| Type | Memo |
    | Language | Portuguese |``, or a rule with a row, ``|---|---|| Date | April 14, 1980 |``) read pair by
    pair, without its rule and empty cells. Before, every cell after the second was lost."""
    if len(cells) <= 2:
        label, value = (cells + ["", ""])[:2]
        return [(label, value)]
    kept = [cell for cell in cells if cell and not _TABLE_RULE_CELL.fullmatch(cell)]
    return [(kept[at], kept[at + 1] if at + 1 < len(kept) else "") for at in range(0, len(kept), 2)]


def _date_field(line: Line, draft: HeaderDraft) -> bool:
    """``Date: November 11, 1964`` among the fields, as a page printing its title first gives its date:
    the page's date, when no date line above the title gave it (the document's own dating, in its calendar,
    may differ: "20/8/1343")."""
    if draft.date is not None or not _DATE_LABEL.match(_bare(line.text)):
        return False
    found = _page_date_line(_bare(line.text))
    if found is None:
        return False
    draft.date = found
    draft.where["date"] = (line.number, line.number)
    return True


def _unlabelled_contents(text: str) -> tuple[str, str] | None:
    """``Transcript - English`` alone after the fields, as the newer site prints the page's one text with no
    ``Contents:`` over it: the contents. Before, the transcript began with it, and the fields above it that
    the older pages print after Contents (``Theme:``) began the body too."""
    bare = _bare(text)
    return ("contents", bare) if _TRANSLATION_LANGUAGE.fullmatch(bare) else None


def _read_field(lines: list[Line], start: int, key: str, rest: str, draft: HeaderDraft,
                transcript_next: bool = False) -> int:
    """A field whose label stands on the line before ``start`` (``rest``: its text after the colon):
    stored, with the lines it was read from; returns where the field ends. ``transcript_next``: the field
    follows Contents, so the transcript may begin under it."""
    at = lines[start - 1].number
    content = [rest] if rest else []
    end = _field_content(lines, start, content, transcript_next)
    taken = [line.number for line in lines[start:end] if line.text]
    span = ((at if rest else taken[0]) if rest or taken else at, taken[-1] if taken else at)
    _store(draft, FIELD_LABELS[key], content, key, span)
    return end


def _site_fields(lines: list[Line], i: int, draft: HeaderDraft, seen: set[str]) -> tuple[int, int]:
    """The site's list fields after Contents (``Associated Places:`` …), and the page's own fields it
    has not printed yet (a newer copy prints ``Citation`` last): where the transcript begins, and how
    many fields were read."""
    count = 0
    while (label := _next_site_field(lines, i, seen)) is not None:
        i, key, rest = label
        if FIELD_LABELS[key] in _PAGE_FIELDS:
            seen.add(FIELD_LABELS[key])
            i = _read_field(lines, i + 1, key, rest, draft, transcript_next=True)
            count += 1
            continue
        at = lines[i].number
        start = i + 1
        i = _field_content(lines, start, [rest] if rest else [])
        items = [(at, rest)] if rest else []
        items += [(line.number, _bare(line.text)) for line in lines[start:i] if _bare(line.text)]
        _store_items(draft, key, items)
        count += 1
    return i, count


def _next_site_field(lines: list[Line], i: int, seen: set[str]) -> tuple[int, str, str] | None:
    """The next site field after Contents, or a page field not printed yet: (its line, label, text
    after the colon)."""
    while i < len(lines) and not lines[i].text:
        i += 1
    label = _label(lines[i].text) if i < len(lines) else None
    if label is None:
        return None
    field = FIELD_LABELS[label[0]]
    if field not in _AFTER_CONTENTS | _ALSO_AFTER_CONTENTS and (field not in _PAGE_FIELDS or field in seen):
        return None
    return i, label[0], label[1]


def _store_items(draft: HeaderDraft, label: str, items: list[tuple[int, str]]) -> None:
    """A list field one item a line is kept item by item; any other field is one text."""
    if FIELD_LABELS[label] in _LIST_FIELDS:
        for number, text in items:
            _store(draft, label, [text], label, (number, number))
        if FIELD_LABELS[label] == "people":
            draft.catalogued_people += [text for _, text in items]
    elif items:  # a page field under another label ("To Cite:", the citation) fills its place
        field = FIELD_LABELS[label] if FIELD_LABELS[label] in _PAGE_FIELDS else label
        _store(draft, field, [text for _, text in items], label, (items[0][0], items[-1][0]))


def _trailing_site_fields(lines: list[Line], start: int, end: int, draft: HeaderDraft) -> tuple[int, int]:
    """The site's list fields printed under the transcript (``Associated People & Organizations:`` /
    ``Stalin, Joseph, 1879-1953`` …, ``Associated Places:`` …), an item a line or a paragraph: where the
    transcript ends, and how many fields were read. Only when the last of the transcript's lines with
    text are such fields from the first label on, so a transcript whose prose ends "Keywords: …" keeps it."""
    first = next((at for at in range(start, end) if _site_label(lines[at].text)), None)
    if first is None:
        return end, 0
    fields: list[tuple[str, int, list[tuple[int, str]]]] = []
    for line in lines[first:end]:
        label = _label(line.text)
        if label is not None and _site_label(line.text):
            fields.append((label[0], line.number, [(line.number, label[1])] if label[1] else []))
        elif label is not None:
            return end, 0  # another label under them: a transcript's, not the site's
        elif line.text:
            item = _bare(line.text)
            if (len(item.split()) > 16 or item.endswith((".", "!", "?"))) and FIELD_LABELS[fields[-1][0]] not in _STATEMENTS:
                return end, 0  # a sentence: the transcript's prose, no item of the site's lists
            fields[-1][2].append((line.number, item))
    if any(not items for _, _, items in fields):
        return end, 0  # a label without its items: prose, not the site's list
    for key, _, items in fields:
        _store_items(draft, key, items)
    return first, len(fields)


def _trailing_citation(lines: list[Line], start: int, end: int, draft: HeaderDraft) -> tuple[int, int]:
    """The page's ``Citation:`` printed under the transcript (then its URL; the site's lists under them were
    read already), as a page saved with its blocks in another order prints it: where the transcript ends,
    and 1 label. Only when nothing but the citation's paragraph, naming the Digital Archive, and a bare
    URL follow the label, so a transcript that quotes a citation keeps it."""
    at = next((i for i in range(end - 1, start - 1, -1) if (_label(lines[i].text) or ("",))[0] == "citation"), None)
    label = _label(lines[at].text) if at is not None else None
    if at is None or label is None or draft.citation is not None:
        return end, 0
    paragraph_end = next((k for k in range(at + 1, end) if not lines[k].text), end)
    after = [line for line in lines[paragraph_end:end] if line.text]
    if len(after) > 1 or (after and not _URL.fullmatch(after[0].text.strip())):
        return end, 0  # more than the citation and its URL: the transcript's text
    taken = [line for line in lines[at + 1:end] if line.text]
    texts = [text for text in [label[1], *(_bare(line.text) for line in taken)] if text]
    if not any(_ARCHIVE_NAME.search(text) for text in texts):
        return end, 0
    _store(draft, "citation", texts, "citation", (lines[at].number, taken[-1].number if taken else lines[at].number))
    return at, 1


# The page's closing fields, in whatever order and shape a copy prints them: "Label: value" on one line,
# a label alone (with or without its colon, bold or a heading) over its value, under "Document Information"
# or not, between markdown rules. Labels the transcript's own last lines could carry ("Source:", "Language:",
# "Type:") prove nothing alone: one of the site's own must be among them.
_SITE_ONLY = frozenset({"citation", "to cite", "original archive", "record id", "rights", "credits",
                        "associated people & organizations", "associated people and organizations",
                        "associated places", "associated topics", "subjects discussed", "subjects", "keywords",
                        "related documents", "original uploaded date", "theme", "document number"})


def _closing_fields(lines: list[Line], start: int, end: int, draft: HeaderDraft,
                    taken_below: bool) -> tuple[int, int]:
    """The page's fields under the transcript that the stricter readers above left (a copy printing them
    one a line, a label alone over its value, bold labels after a rule, ``Citation`` last without its
    colon): the blocks from the highest one from which every block to the end is a field, its value, a
    rule or the ``Document Information`` heading (``taken_below``: the site's fields under them were read
    already, which proves them the page's too). Returns where the transcript ends and the label count."""
    blocks = _line_blocks(lines[start:end])
    best: tuple[int, list[tuple[str, list[tuple[int, str]]]]] | None = None
    k = len(blocks) - 1
    while k >= 0:
        fields = _closing_parse(blocks[k:])
        if fields is not None:
            best = (k, fields)
        elif k == 0 or _closing_parse(blocks[k - 1:]) is None:
            break  # neither a field nor the value of a label above it: the transcript's
        k -= 1
    if best is None or not (taken_below or any(key in _SITE_ONLY for key, _ in best[1])):
        return end, 0
    fields = best[1]
    if any(FIELD_LABELS[key] == "citation" and not any(_ARCHIVE_NAME.search(text) for _, text in items)
           for key, items in fields):
        return end, 0  # a citation that names no Digital Archive: the transcript's
    for key, items in fields:
        _store_items(draft, key, items)
    heading = sum(_is_information_heading(blocks[at][0].text) for at in range(best[0], len(blocks)))
    return next(i for i in range(start, end) if lines[i] is blocks[best[0]][0]), len(fields) + heading


def _line_blocks(lines: list[Line]) -> list[list[Line]]:
    """Blank-line blocks of lines; a markdown rule is a block of its own, and the information heading
    opens one (a browser copy runs it on under the signature above it)."""
    blocks: list[list[Line]] = [[]]
    for line in lines:
        if _RULE.match(line.text):
            blocks += [[line], []]
        elif _is_information_heading(line.text):
            blocks.append([line])
        elif line.text.strip() and line.text != FORM_FEED:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def _is_information_heading(text: str) -> bool:
    return _bare(text).rstrip(":").strip().lower() == _INFORMATION_HEADING


def _closing_label(text: str) -> tuple[str, str] | None:
    """A page field's label in the closing block: as _label reads it, or any field's label alone on its
    line without its colon (``Record ID`` over ``119287``)."""
    label = _label(text)
    if label is not None:
        return label
    key = _bare(text).lower()
    return (key, "") if key in FIELD_LABELS and len(text) <= 48 else None


def _closing_parse(blocks: list[list[Line]]) -> list[tuple[str, list[tuple[int, str]]]] | None:
    """The fields the blocks hold, when each is a field (its label first, then its lines), the value of a
    label alone above it, the citation's URL, a rule or the information heading; else None."""
    fields: list[tuple[str, list[tuple[int, str]]]] = []
    waiting = False  # the last field's label stood alone: its value is the next block
    for block in blocks:
        if _RULE.match(block[0].text) or _is_information_heading(block[0].text):
            if waiting:
                return None
            block = block[1:]  # a browser copy runs the heading on into the fields under it
            if not block:
                continue
        first = block[0].text
        if _closing_label(first) is None:
            url_only = len(block) == 1 and _URL.fullmatch(first.strip()) is not None
            if not (waiting or (url_only and fields and FIELD_LABELS[fields[-1][0]] == "citation")):
                return None
            fields[-1][1].extend((line.number, _BULLET.sub("", _bare(line.text))) for line in block)
            waiting = False
            continue
        if waiting:
            return None  # a label without its value
        for line in block:
            label = _closing_label(line.text)
            if label is not None and line is not block[0] and not fields[-1][1]:
                return None  # a label without its value, another under it
            if label is not None:
                fields.append((label[0], [(line.number, label[1])] if label[1] else []))
            else:
                fields[-1][1].append((line.number, _BULLET.sub("", _bare(line.text))))
        waiting = not fields[-1][1]
    return fields if fields and not waiting else None


# The site's fields whose value is a sentence of its own (the rights statement, the funding line), not a list.
_STATEMENTS = frozenset({"rights", "credits"})
# Labels only the page prints under the transcript, beside its list fields ("Original Archive:" over the
# holding archive's name); a bare "Archive:" may be the document's own line and is not among them.
_TRAILING_ONLY = frozenset({"original archive"})


def _site_label(text: str) -> bool:
    label = _label(text)
    return label is not None and (FIELD_LABELS[label[0]] in _AFTER_CONTENTS or label[0] in _TRAILING_ONLY)


# The site's footer under the page, as a browser copies it: "Back to top" (a markdown copy links it,
# "[Back to top](#top)"), "© 2026 Wilson Center. All rights reserved."
_FOOTER = re.compile(r"^\[?Back to top(?:\]\(#[\w-]*\))?$|^(?:©|\(c\)|Copyright)\s*(?:\d{4}\s*)?(?:The )?Wilson Center\b.*$",
                     re.I)


def _page_footer(lines: list[Line], start: int, draft: HeaderDraft) -> int:
    """Where the page ends above the site's footer lines, kept as boilerplate and counted; only the
    footer's own lines, at the very end, so a transcript's last line is never taken for them."""
    end = len(lines)
    while end > start and (not lines[end - 1].text.strip() or _FOOTER.match(_bare(lines[end - 1].text))):
        end -= 1
    footer = [line for line in lines[end:] if line.text.strip()]
    if not footer:
        return len(lines)
    for line in footer:
        _keep_boilerplate(draft, line.number, line.text.strip())
    draft.statements.append(m.Statement("normalization", "08-boilerplate-footer", len(footer)))
    return end


def _information(lines: list[Line], start: int, end: int, draft: HeaderDraft) -> tuple[int, int]:
    """The closing "Document Information" block: each label alone on its line over its value.

    Read only when everything from the heading to the end is such pairs, so a transcript that
    merely mentions the words keeps them. Return where the transcript ends and the label count.
    """
    heading = next((i for i in range(end - 1, start - 1, -1)
                    if _bare(lines[i].text).rstrip(":").lower() == _INFORMATION_HEADING), None)
    if heading is None:
        return end, 0
    pairs = _information_pairs(lines[heading + 1:end])
    if pairs is None:
        return end, 0
    for label, items in pairs:
        _store_items(draft, label, items)
    return heading, len(pairs) + 1


def _information_blocks(lines: list[Line]) -> list[list[tuple[int, str]]]:
    """The blank-line blocks, a block that opens with a label alone cut at each label alone (the label
    a block of its own, its values the next): a browser copy prints the labels and values of
    "Document Information" without blank lines between them."""
    out: list[list[tuple[int, str]]] = []
    for block in _blocks(lines):
        if len(block) == 1 or not _information_label_alone(block[0][1]):
            out.append(block)
            continue
        for item in block:
            if _information_label_alone(item[1]):
                out += [[item], []]
            else:
                out[-1].append(item)
    return [block for block in out if block]


def _information_label_alone(text: str) -> bool:
    return text.strip().lower() in _INFORMATION_LABELS


def _information_pairs(lines: list[Line]) -> list[tuple[str, list[tuple[int, str]]]] | None:
    blocks = _information_blocks(lines)
    pairs: list[tuple[str, list[tuple[int, str]]]] = []
    for block in blocks:
        first = block[0][1].rstrip(":").strip().lower()
        if first in _INFORMATION_LABELS and len(block) == 1:
            pairs.append((first, []))
        elif first in _INFORMATION_LABELS and block[0][1].rstrip().endswith(":"):
            pairs.append((first, block[1:]))
        elif pairs and not pairs[-1][1]:
            pairs[-1][1].extend(block)
        else:
            return None  # prose, or a value without its label: no page block
    return pairs if pairs and all(items for _, items in pairs) else None


def _field_content(lines: list[Line], i: int, content: list[str], transcript_next: bool = False) -> int:
    """A field's content: its paragraph, up to the next label (blank lines before it skipped). After
    Contents (``transcript_next``), a field whose value stood on its label's line (``Citation: "…"
    <https://…>``, the last field) goes on under a blank line only with its URL, or a paragraph another
    label follows: else that paragraph is the transcript's first."""
    on_label_line = bool(content)
    while i < len(lines) and not lines[i].text:
        i += 1
    if transcript_next and on_label_line and not lines[i - 1].text and not _continues_field(lines, i):
        return i
    while i < len(lines) and lines[i].text and not _starts_field(lines[i].text):
        content.append(_bare(lines[i].text))
        i += 1
    while i < len(lines) and not lines[i].text:
        i += 1
    if i < len(lines) and not _starts_field(lines[i].text) and content and _is_field_paragraph(lines, i):
        return _field_content(lines, i, content)
    return i


def _continues_field(lines: list[Line], i: int) -> bool:
    """The paragraph at ``i``, under a blank line, still the field above: its URL alone, or a paragraph
    another label follows."""
    if i >= len(lines) or _starts_field(lines[i].text):
        return True
    url_alone = _URL.fullmatch(lines[i].text.strip()) is not None and (i + 1 == len(lines) or not lines[i + 1].text)
    return url_alone or _is_field_paragraph(lines, i)


def _is_field_paragraph(lines: list[Line], i: int) -> bool:
    """A further paragraph of a field: only when another label follows it."""
    j = i
    while j < len(lines) and lines[j].text:
        j += 1
    while j < len(lines) and not lines[j].text:
        j += 1
    return j < len(lines) and _starts_field(lines[j].text)


def _starts_field(text: str) -> bool:
    """A field's label, the contents alone, or the page's date under its label (``Date: November 11, 1964``),
    which ends the field above it as a label does."""
    if _label(text) is not None or _unlabelled_contents(text) is not None:
        return True  # "Transcript - English" alone: the contents, which no field's paragraph runs on into
    return text.startswith(("D", "d", "*")) and _DATE_LABEL.match(bare := _bare(text)) is not None \
        and _page_date_line(bare) is not None


def _contents(lines: list[Line], i: int, draft: HeaderDraft, content: list[str], at: int) -> int:
    for text in content:  # on the label's line
        draft.contents.append(text)
        draft.where[f"contents-{len(draft.contents)}"] = (at, at)
    while i < len(lines):
        text = _BULLET.sub("", _bare(lines[i].text))  # "- Translation - English": a markdown list's item
        if text and (not _CONTENTS_ITEM.match(text) or _label(text)):
            break  # "Summary: …" is the next field, though "Summary" may be an item
        if text:
            draft.contents.append(text)
            draft.where[f"contents-{len(draft.contents)}"] = (lines[i].number, lines[i].number)
        i += 1
    # The page's text is its translation when it lists one beside the original's transcript
    # ("Transcript - Russian" / "Translation - English"): the translation's language first.
    ranked = sorted(enumerate(draft.contents, 1), key=lambda pair: not _is_translation_item(pair[1]))
    for index, item in ranked:
        stated = _TRANSLATION_LANGUAGE.match(item) or _LANGUAGE_THEN_KIND.match(item)
        if stated:
            name = stated.group("language")
            codes = language.codes_for_names(name)
            if codes:
                draft.language = m.Language(codes[0], name)
                draft.where["language"] = draft.where[f"contents-{index}"]
                break
    return i


def _is_translation_item(item: str) -> bool:
    return item.startswith("Translation") or (found := _LANGUAGE_THEN_KIND.match(item)) is not None \
        and found.group("kind") == "Translation"


def _store(draft: HeaderDraft, field: str, content: list[str], label: str, span: tuple[int, int]) -> None:
    text = " ".join(content).strip()
    if not text:
        return
    draft.joined_lines += len(content) - 1
    if field == "title" and _untitled(draft):
        _title_field(draft, text, span)
    elif field == "citation" and draft.citation is None:
        draft.citation = text
        draft.where["citation"] = span
    elif field == "summary":
        draft.summary.append(text)
        draft.where.setdefault("summary", span)  # the trace names the first
    elif field == "url" and draft.url is None and (link := _URL.fullmatch(text)) is not None:
        draft.url = link.group("url")  # "Link: https://…": the page's address, as the citation's would be
        draft.where["url"] = span
    elif field == "original language" and draft.original_language is None:
        draft.original_language = text
        draft.where["original-language"] = span
    else:  # any other field, and a repeated one, is kept verbatim under its label
        draft.fields.append(m.SourceField(_PRINTED.get(label, label.title()), text))
        draft.where[f"field-{len(draft.fields)}"] = span


def _untitled(draft: HeaderDraft) -> bool:
    """No title read above the fields, or only the heading of the page's field block ("Document Information")."""
    return draft.title is None or draft.title.strip().lower() == _INFORMATION_HEADING


def _title_field(draft: HeaderDraft, text: str, span: tuple[int, int]) -> None:
    """The labelled title is the page's; a field block's heading read as the title before it is the site's."""
    if draft.title is not None:
        number = draft.where["title"][0]
        _keep_boilerplate(draft, number, draft.title)
    draft.title = text
    draft.where["title"] = span


# A credit ends the citation's holding: "Translated by …", "Translated for CWIHP by …", "Obtained by …".
# Two credits in one ("Obtained and translated for CWIHP by …") and a translation's language ("Translation from
# Russian by …", "Translated from Polish by …") are credits too.
_CREDIT = (r"(?:Translated|Obtained|Contributed|Donated|Edited|Translation)(?: and (?:translated|edited))?"
           r"(?: from [A-Z][a-z]+)?(?: for [\w ]{1,40}?)? by")


def _citation(draft: HeaderDraft) -> None:
    """Publisher, holding archive, archival reference, translator and URL, from the citation."""
    if not draft.citation:
        return
    url = _URL.search(draft.citation)
    if url:
        draft.url = url.group("url")
        draft.citation = _URL.sub("", draft.citation, count=1).strip()  # a second URL stays in the text
    title = (draft.title or "").strip('"')  # a title of quotation marks alone names nothing to cut at
    tail = draft.citation.split(title, 1)[-1] if title else draft.citation
    tail = re.split(rf"\.\s+(?={_CREDIT})", tail)[0]
    parts = [part.strip(' ."”“') for part in re.split(r",\s+", tail)]
    for index, part in enumerate(parts):
        if _ARCHIVE_NAME.search(part):
            draft.publisher = part
            if not _PUBLICATION.search(", ".join(parts[index + 1:])):
                _holding(draft, parts[index + 1:])
            break


def _original_archive(draft: HeaderDraft) -> None:
    """The page's ``Original Archive:`` field names the repository when the citation's holding opens with a
    collection instead (``P.N. Haksar Papers (III Instalment), Subject File No. 203, Nehru Memorial Museum and
    Library``): the collection and file are the archival reference, the archive's name no part of it."""
    archive = next((f.text for f in draft.fields if f.label.lower() in ("original archive", "archive")), None)
    if archive is None or draft.repository is None:
        return
    name = re.sub(r"\s*\([^()]*\)$", "", archive).strip()  # "Nehru Memorial Museum and Library (NMML)"
    if name.casefold() in draft.repository.casefold():
        return  # the citation names the archive itself: "Archiwum Akt Nowych (AAN), KC PZPR, …"
    from_citation = bool(draft.archival_refs) and draft.archival_refs[-1] in (draft.citation or "")
    held = [draft.repository] + (draft.archival_refs.pop().split(", ") if from_citation else [])
    draft.repository = archive
    draft.archival_refs.append(", ".join(part for part in held if part.casefold() not in (name.casefold(),
                                                                                          archive.casefold())))


# A document the page took from a book or a series, not from an archive: an imprint "(Beijing: Zhongyang
# wenxian chubanshe, 1994)", an editor "ed.,", a series "CWIHP Working Paper No. 22", "Bulletin", FRUS, or a
# quoted title. The citation then names no archive nor archival reference, and none is made of it.
_PUBLICATION = re.compile(r"\([^():]+:\s*[^()]+\d{4}\)|\beds?\.(?:,|\s)|\b(?:Working Paper|Bulletin|Foreign Relations "
                          r"of the United States|FRUS)\b|[\"“][^\"”]{12,}[\"”]")


# The name ends at a full stop that is not an initial's ("Translated by Jane T. Hedges."), or a comma.
_TRANSLATED = re.compile(r"(?:(?:Obtained|Contributed) and translated|[Tt]ranslated|[Tt]ranslation)(?: from [A-Z][a-z]+)? "
                         r"(?:for [\w ]{1,40}? )?by (?P<name>[A-Z][\w.' -]+?)(?:(?<!\b[A-Z])\.|,|;|$)")


def _translator(draft: HeaderDraft) -> None:
    """The translators the citation credits ("Translated by Sergey Radchenko and Jane T. Hedges."); on the
    newer page, without a citation, those its "Source" field credits."""
    texts = [draft.citation] if draft.citation else [f.text for f in draft.fields if f.label.lower() == "source"]
    translated = next((found for text in texts if (found := _TRANSLATED.search(text))), None)
    if translated:
        draft.translators.extend(name.strip() for name in re.split(r"\s+and\s+", translated.group("name")))


_REFERENCE = re.compile(r"(?<![A-Za-z])(?:f|fond|fonds|fund|op|opis|inventory|d|delo|file|l|ll|list|listy|sheets?|"
                        r"p|pap|papka|folder|por|k|box|sygn|sig|rg|lot)\.?\s*\d", re.I)  # sygn.: Polish archives


# What a repository's name goes on with after a comma, before its reference: a place of one or two words
# ("Sofia", "Russian Federation") or a name with the archive's abbreviation ("Russian Federation (AVP RF)").
# A series ("Central Foreign Policy Files"), a fonds' abbreviation ("KC PZPR", "MfS") or code ("XIX-J-1-j")
# is no part of it.
_REPOSITORY_GOES_ON = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?|[A-Z][a-z]+(?: [A-Za-z]+){0,5} \([A-Z][\w .-]{1,15}\)")
_FONDS_ABBREVIATION = re.compile(r"[A-Z][A-Za-z]{0,5}[A-Z][A-Za-z]{0,3}(?: [A-Z][A-Za-z]{0,5}[A-Z][A-Za-z]{0,3})*")
_CODE_AFTER_NAME = re.compile(r"^(?P<name>.*?[A-Za-z)])\s+(?P<code>\d[\w./-]*)$")


def _holding(draft: HeaderDraft, parts: list[str]) -> None:
    """After the publisher: the holding archive, then its reference (``AVPRF f. 0100, op. 46 …``), to
    the end of the citation or a credit."""
    reference: list[str] = []
    for part in parts:
        if not part or re.match(_CREDIT, part):
            break
        token = _REFERENCE.search(part)
        if token:
            head = part[:token.start()].strip(" ,.")
            if not reference and head and draft.repository is None:
                draft.repository, part = head, part[token.start():]
            reference.append(part)
        elif reference:  # a series or file inside the reference: "RG 59, Central Decimal File, 661.00/5-1655"
            reference.append(part)
        elif draft.repository is not None and _FONDS_ABBREVIATION.fullmatch(part):
            reference.append(part)  # "AAN, KC PZPR, sygn. 1685": the fonds' abbreviation opens the reference
        elif draft.repository is not None and _REPOSITORY_GOES_ON.fullmatch(part):
            draft.repository += f", {part}"  # "Archive of Foreign Policy, Russian Federation (AVP RF)", "…, Sofia"
        elif draft.repository is not None and any(c.isdigit() for c in part):
            reference.append(part)  # a fonds' code without a token word: "MOL, XIX-J-1-j, Box 4"
        elif draft.repository is None:
            coded = _CODE_AFTER_NAME.match(part)  # "PRC FMA 109-01900-03": the archive, then its file's code
            draft.repository = coded.group("name") if coded else part
            if coded:
                reference.append(coded.group("code"))
    if reference:
        draft.archival_refs.append(", ".join(reference))


FAMILY = Family("wilson-center", "an archive page with Citation:/Summary:/Original Language:/Contents: "
                "fields and a citation naming a Digital Archive", detect, read)
