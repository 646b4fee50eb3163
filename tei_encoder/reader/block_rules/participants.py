"""``Present:`` / ``Attendants:`` / ``Also present:`` / ``In attendance:`` lists: the names after
the colon, or on the lines under it, are attendants, with the part they play when the list says it
(``Major Petrenko (interpreter)``: role interpreter, also chairman, secretary, recorder); a list
under the head becomes a participants list.

Must not match: ``Presently the talks resumed.``, or a head with no colon (but FRUS's head alone in
capitals over its names, ``PARTICIPANTS``). A run-in list whose every line has its label
(``Chinese Participants: …`` / ``Interpreter: Zhu Ruizhen`` / ``Note-taker: …``) is one item a
line under its label, the label's part (interpreter, recorder) the role of its people. A list may name a side (``Present on the
Korean side:``), and its entries long offices before the names (``Deputy Minister of Foreign
Affairs of the USSR Comrade A. Ya. Vyshinsky``: the office is kept as the person's ``roleName``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tei_encoder.header import people
from tei_encoder.letters import UPPER
from tei_encoder.markers import FORM_FEED, plain
from tei_encoder.reader import speech
from tei_encoder.reader.block_rules import caps_heading, closing_matter, document_start, omission, page_break
from tei_encoder.reader.block_rules.base import BlockRule, first_taken
from tei_encoder.reader.block_rules.introduced_list import entry_items
from tei_encoder.reader.block_rules.item_list import is_item
from tei_encoder.reader.blocks import Item, ListBlock, ParagraphBlock
from tei_encoder.reader.persons import label_part, part_played
from tei_encoder.reader.units import Unit

if TYPE_CHECKING:
    from tei_encoder.reader.layout import Layout

# "Present on the Korean side:", "Present from the Soviet side:": one side's list.
SIDE = r"\s+(?:on|from|for)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+side"
# The side first, as records translated from Russian or Romanian put it: "From the Romanian side took part:".
_SIDE_FIRST = (r"(?:on|from)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+side,?\s+"
               r"(?:took part|participated|were present|was present|present|attended)")
# A side's name for its list, as minutes of talks print it: "Vietnamese side: Comrade Lê Duẩn, …", "On the
# Soviet side: …", "North Korean side: …" (never "Our side:" or "The other side:", which open a sentence).
_SIDE_ALONE = (r"(?-i:(?:On the |The )?(?!(?:Other|Our|Their|This|That|Each|Either|One|Either|Opposite)\b)"
               r"[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?\s+side)")
PATTERN = re.compile(
    rf"^(?P<head>(?:Attendants|Present(?:{SIDE})?|Participating(?:{SIDE}|\s+in the (?:conversation|talks|meeting))?|"
    rf"(?:Took part|Participated)(?:{SIDE})?|{_SIDE_FIRST}|"
    r"(?:[A-Z][a-z]+\s+)?Participants|Also present|Those present|Attending|"
    r"Persons present|Taking part|Present at the conversation|In attendance|"
    r"Also in attendance|Also attending|Present also|"
    r"Присутствовали|Присутствуют|Участвовали|Anwesend|Teilnehmer|"  # Russian, German
    rf"{_SIDE_ALONE})\s*:)\s*(?P<rest>.*)$", re.I)
# A meeting's interpreter, translator or note-taker named on a line of their own under its lists
# ("Interpreter: Comrade Ion Mărgineanu (Arabic - Romanian).", "Interpreting: U Myint Thein and Dr. Vilfan").
_ROLE_FIELD = re.compile(r"^(?P<head>(?:Interpreters?|Interpreting|Interpreted by|Translators?|Translated by|"
                         r"Note-?takers?|Notes? taken by|Minutes taken by|Recorded by|Record taken by|Recorders?|"
                         r"Stenographers?)\s*:)\s*(?P<rest>\S.*)$", re.I)
# FRUS prints the head alone in capitals, without a colon, over one name a line.
HEAD_ALONE = re.compile(r"^(?:PARTICIPANTS|PRESENT|ATTENDANTS|IN ATTENDANCE|ALSO PRESENT)$")
# A verbatim record lists the countries or bodies present, not persons.
_BODIES_LISTED = re.compile(r"^(?:the\s+)?(?:representatives|delegations|members)\s+of\s+the\s+following\s+"
                            r"(?:countries|states|governments|delegations|members|organi[sz]ations)\b", re.I)
_NAME_END = re.compile(r",|\s[-–—]\s|\(")


def read(layout: Layout, i: int) -> int | None:
    taken = first_taken(layout, i, (_fields_over_list, _nested_side_lists, _parenthesised_list))
    if taken is not None:
        return taken
    unit = layout.units[i]
    match = PATTERN.match(unit.text) if ":" in unit.text else None  # every head ends with its colon
    side_alone = match is not None and re.fullmatch(_SIDE_ALONE + r"\s*:", match.group("head")) is not None
    if match and side_alone and len(unit.lines) == 1 and _entries_of_side(match.group("rest")):
        return _side_entries_line(layout, i, match.group("head"), match.group("rest"))
    if match and side_alone and _sentence_end(match.group("rest")):
        return None  # "Soviet side: We agree with this." is the side's turn, no list
    if not match and HEAD_ALONE.match(unit.lines[0]) and len(unit.lines) > 1:
        return _names_under_head(layout, i, unit.lines[0])
    if not match:
        return _role_field(layout, i)
    if not match:
        return None
    head_alone = PATTERN.match(unit.lines[0])
    if head_alone and not head_alone.group("rest").strip() and _entries_one_a_line(unit.lines[1:]):
        return _names_under_head(layout, i, head_alone.group("head"))  # "Present:" / one person a line
    if head_alone and not head_alone.group("rest").strip() and _sides_under_head(unit.lines[1:]):
        return _labelled_lines_under_head(layout, i, head_alone.group("head"))  # "Present:" / "Indian side: …"
    rest = match.group("rest")
    if _BODIES_LISTED.match(rest):  # "Present: The representatives of the following countries: China, …"
        layout.add(ParagraphBlock(unit.line, unit.text))
        return i + 1
    # "Present: Bulganin, Voroshilov, …," / "Molotov, Pervukhin, …": a run-in list wrapped at the margin
    # goes on in one list (the paragraph below), not one name a line
    names_under = _names_under_first_line(unit.lines) if _one_entry(unit.lines[0]) else 0
    if rest and names_under:
        return _run_in_list(layout, i, match.group("head"), names_under)
    below = _adjacent_name_lines(layout, i) if rest and layout.line_paragraphs else 0
    if below:
        return _run_in_list_over_units(layout, i, match.group("head"), below)
    if rest:
        lines = unit.lines + _labelled_lines_after(layout, i)
        for label, names in _run_in_lines(lines):
            if not ABSENT.match(label):  # "Excused: Comrade Z. Mlynář": named, not present
                layout.persons.attendants_in(_role_brackets(plain(names)), label_part(label))
        if len(unit.lines) > 1 and all(LABELLED_LINE.match(line) or (
                k and _names_only(line) and not _sentence_end(line)) for k, line in enumerate(unit.lines)) \
                and sum(bool(LABELLED_LINE.match(line)) for line in unit.lines) > 1:
            # "Chinese Participants: …" / "Interpreter: …" / "Note-taker: …"; a line without its own
            # label ("E. Erban, V. Biľak, …") goes on the entry above, wrapped at the margin
            return _labelled_list(layout, i)
        layout.add(ParagraphBlock(unit.line, unit.text))
        return i + 1
    return _names_under_head(layout, i, match.group("head"))


def _entries_of_side(rest: str) -> list[str]:
    """``Lê Đức Thọ, Special Adviser …; Nguyễn Tiến, Chargé d'affaires a.i.; Trần Quang Cơ (note-taker).``: a
    side's list run in after its label, two or more entries between semicolons, each a name (with the part
    it plays before or after it) before its office's comma. A side's turn (``Soviet side: We agree; but …``)
    names no one before its commas. Before, the list's full stop made it the side's turn, a paragraph, and
    its people no attendants."""
    entries = [entry.strip() for entry in plain(rest).strip().rstrip(".").split(";")]
    if len(entries) < 2 or len(plain(rest).split()) > 80:
        return []
    for entry in entries:
        name, _ = part_played(_PARENTHESES.sub("", entry.split(",")[0]).strip())
        if not 1 <= len(name.split()) <= 5 or people.parse_name(name.strip()) is None:
            return []
    return entries


def _side_entries_line(layout: Layout, i: int, head: str, rest: str) -> int:
    """One side's list on its line: a participants list of one item under the side's label, each entry's
    name an attendant (with its part, ``(note-taker)``, ``interpreter …``) and the office after its comma the
    person's ``roleName``; the office itself no one (``Han Nianlong, Vice-Minister``)."""
    unit = layout.units[i]
    for entry in _entries_of_side(rest):
        layout.persons.attendants_in(_role_brackets(_name_and_part(entry)))
        _office_after_name(layout, entry)
    layout.add(ListBlock(unit.line, (Item(head, rest.strip()),), "participants"))
    return i + 1


def _fields_over_list(layout: Layout, i: int) -> int | None:
    """``Time: from 8:30 to 11:15`` / ``Place: …`` / ``Vietnamese side: …`` / ``Soviet side: …``: a block of
    labelled lines whose list of those present comes under the meeting's fields. The fields are the
    document's opening while no body has come (else a unit of their own), the list a unit of its own."""
    unit = layout.units[i]
    lines = unit.lines
    if len(lines) < 2:
        return None  # (most units: a field line and a list's head line need two lines)
    first_list = next((k for k, line in enumerate(lines) if ":" in line and PATTERN.match(line)), 0)  # (a head's colon)
    if (first_list == 0 or not all(LABELLED_LINE.match(line) for line in lines[first_list:])
            or not LABELLED_LINE.match(lines[first_list - 1])):
        return None
    layout.units[i:i + 1] = [Unit(unit.line, lines[:first_list]), Unit(unit.line + first_list, lines[first_list:])]
    if layout.div.has_body:
        return None  # the fields are read by the rules after this one
    if not LABELLED_LINE.match(lines[0]) and document_start.is_heading(lines[0]):  # "Record of the Conversation"
        layout.heading(unit.line, lines[0], last=unit.line)
        layout.units[i] = Unit(unit.line + 1, lines[1:first_list])
    taken = layout.take_opening(i)
    return taken if taken > i else None


# Working notes put the list of those present in parentheses under the heading: "(Present: Khrushchev,
# Bulganin, …, Pospelov)".
_PARENTHESISED = re.compile(r"^\((?P<inner>[^()]+)\)\.?$")


def _parenthesised_list(layout: Layout, i: int) -> int | None:
    """``(Present: Khrushchev, Bulganin, …)``: a run-in list in parentheses, its names the meeting's
    attendants, the unit a paragraph as printed. Before, no one was an attendant, and the speakers' dash
    labels (``Khrushchev — …``), which need the people known, were no turns."""
    unit = layout.units[i]
    enclosed = _PARENTHESISED.match(unit.text) if unit.text[:1] == "(" else None
    match = PATTERN.match(enclosed.group("inner")) if enclosed else None
    if match is None or not match.group("rest").strip() or _BODIES_LISTED.match(match.group("rest")):
        return None
    layout.persons.attendants_in(_role_brackets(plain(match.group("rest")).rstrip(". ")),
                                 label_part(match.group("head")))
    layout.add(ParagraphBlock(unit.line, unit.text))
    return i + 1


def _sides_under_head(lines: tuple[str, ...]) -> bool:
    """Lines under a head alone that are each a list of its own under its label (``Indian side: PM; …``)."""
    return bool(lines) and all((found := PATTERN.match(line)) and found.group("rest").strip() for line in lines)


def _side_units_after(layout: Layout, i: int) -> int:
    """One paragraph a line: how many side lists (``Indian side: PM; …``) follow unit i on the very next lines."""
    count = 0
    while (layout.line_paragraphs and i + count + 1 < len(layout.units)
           and len(layout.units[i + count + 1].lines) == 1
           and layout.units[i + count + 1].line == layout.units[i + count].line + 1
           and _sides_under_head(layout.units[i + count + 1].lines)):
        count += 1
    return count


def _labelled_lines_under_head(layout: Layout, i: int, head: str) -> int:
    """``Present:`` over ``Indian side: …`` / ``Soviet side: …``: one participants list under the head,
    a label and its names a line."""
    unit = layout.units[i]
    chunks = _run_in_lines(unit.lines[1:])
    for label, names in chunks:
        layout.persons.attendants_in(_role_brackets(plain(names)), label_part(label))
    layout.add(ListBlock(unit.line, tuple(Item(label, names.strip()) for label, names in chunks), "participants", head))
    return i + 1


def _names_under_head(layout: Layout, i: int, head: str) -> int:
    """The names on the lines under a head alone on its line, one a line: a participants list."""
    unit = layout.units[i]
    items = list(unit.lines[1:])
    numbers = list(range(unit.line + 1, unit.line + len(unit.lines)))  # each item's source line
    i += 1
    while i < len(layout.units) and is_name_line(layout, i):
        items.extend(layout.units[i].lines)
        numbers.append(layout.units[i].line)
        i += 1
    if not items and _side_units_after(layout, i - 1):  # "Present:" / "Indian side: …" / "Soviet side: …"
        sides = _side_units_after(layout, i - 1)
        lines = tuple(line for k in range(i - 1, i + sides) for line in layout.units[k].lines)
        layout.units[i - 1:i + sides] = [Unit(unit.line, lines)]
        return _labelled_lines_under_head(layout, i - 1, head)
    side_lists = _side_lists_after(layout, i - 1) if not items else []
    if side_lists:  # "Took part:" / "From the Romanian side:" / "- Comrade …" / "From the Palestinian side:" / …
        return _side_lists_under_head(layout, i - 1, side_lists)
    if not items:  # a heading with no names under it is only a paragraph
        layout.add(ParagraphBlock(unit.line, unit.text))
        return i
    _attend(layout, _rows_one_entry_a_column(layout, items, numbers))
    layout.add(ListBlock(unit.line, tuple(Item(None, item) for item in items), "participants", head))
    return i


# A side's head alone over its own list, in a block of its own: "From the Romanian side:", "On the Soviet side:";
# under "Present:", indented, in lower case ("  from the Soviet side –"), as a translation keeps the Russian.
_SIDE_NAMED = rf"^(?:(?:[Ff]rom|[Oo]n|[Ff]or) the |The )?[{UPPER}][\w-]+(?: [{UPPER}][\w-]+)? "  # "From the Romanian "
_SIDE_HEAD = re.compile(rf"{_SIDE_NAMED}side\s*:$")
# The side named after the word, as German minutes put it: "On the side of the MfS:", "From the side of the SED:".
_SIDE_OF_HEAD = re.compile(rf"^(?:From|On|For) the side of (?:the )?[{UPPER}][\w-]+(?: [{UPPER}][\w-]+)?\s*:$")


def _side_head(line: str) -> bool:
    """``On the Bulgarian side:``, ``On the side of the MfS:``, ``From the Soviet side –`` (a dash for the colon)."""
    bare = re.sub(r"\s+[–—-]$", ":", plain(line).strip())
    return bool(_SIDE_HEAD.match(bare) or _SIDE_OF_HEAD.match(bare))


# A part and its person under a meeting's lists, a dash for the colon: "Interpreter – comrade Dorzhiev (Buryat)".
_DASH_ROLE_LINE = re.compile(r"^(?P<head>(?:Interpreters?|Translators?|Stenographers?|Note-?takers?|Secretary)\s+[–—-])"
                             r"\s+(?P<rest>\S.*)$")


def _nested_side_lists(layout: Layout, i: int) -> int | None:
    """``Present:`` alone over each side's head (``From the Soviet side –``) and its dash-bulleted entries
    (``  – B. S. Stomonyakov, Deputy People's Commissar …``), then the interpreter and stenographer
    (``Interpreter – comrade Dorzhiev``), all in one block: each side a participants list, each entry one
    attendant with the office after its name. Read as one run-in list, the dashes paired each name with
    the office of the entry above (Genden got Stomonyakov's)."""
    unit = layout.units[i]
    # The cheap tests first (most units have one line): the side heads only under a head alone.
    if len(unit.lines) < 3 or ":" not in unit.lines[0]:  # (every head ends with its colon)
        return None
    head = PATTERN.match(unit.lines[0])
    if head is None or head.group("rest").strip():
        return None
    first_side = 0 if _side_head(unit.lines[0]) else 1  # "Lao side:" / "– Comrade …" with no head over it
    if not _side_head(unit.lines[first_side]):
        return None
    sides: list[list[str]] = []
    roles: list[str] = []
    for line in unit.lines[first_side:]:
        if _DASH_ROLE_LINE.match(plain(line).strip()) or _ROLE_FIELD.match(plain(line).strip()):
            roles.append(line)
        elif roles:
            return None  # a line after the parts is no part of the list
        elif _side_head(line):
            sides.append([line])
        elif sides and (is_item(line) or _person_line(line)):
            sides[-1].append(line)
        else:
            return None
    if any(len(side) < 2 for side in sides):
        return None
    if first_side:
        layout.add(ParagraphBlock(unit.line, unit.lines[0]))
    line_no = unit.line + first_side
    for side in sides:
        layout.add(ParagraphBlock(line_no, side[0]))
        items = entry_items(side[1:]) if is_item(side[1]) else tuple(Item(None, line.strip()) for line in side[1:])
        for entry in items:
            layout.persons.attendants_in(_name_and_part(_entry_for_persons(entry.text)))
            _office_after_name(layout, entry.text)
        layout.add(ListBlock(line_no + 1, items, "participants"))
        line_no += len(side)
    if roles:
        _part_lines(layout, line_no, roles)
    return i + 1


def _person_line(line: str) -> bool:
    """A line under a side's head that is one person, no bullet (``comrade Molotov``, ``Gaus, director of
    the legal department``, ``Hilger, counsellor of the embassy (interpreter)``): a name of up to five
    words before the office's comma, and no sentence. Before, such a list was no side's list, and its
    people (the other side's all) no attendants, their turns no turns."""
    bare = plain(line).strip()
    name = _NAME_END.split(bare)[0].strip()
    return (1 <= len(name.split()) <= 5 and len(bare.split()) <= 16 and not bare.endswith((".", ";", ":"))
            and people.parse_name(name) is not None and speech.match_label(bare) is None)


_PART_AT_END = re.compile(r"\s\((?P<part>[^()]{3,30})\)$")


def _name_and_part(entry: str) -> str:
    """The name before the office's comma (``Ambassador … in Hanoi and Vientiane`` names no one), with the
    part the entry ends on after its office (``Hilger, counsellor of the embassy (interpreter)``)."""
    name = entry.split(",")[0]
    part = _PART_AT_END.search(entry)
    return f"{name} ({part.group('part')})" if part and "," in entry and part_played(part.group(0))[1] else name


def _office_after_name(layout: Layout, entry: str) -> None:
    """``B. S. Stomonyakov, Deputy People's Commissar for Foreign Affairs``: the office after the comma is
    the person's ``roleName``, each entry's its own."""
    name, _, office = plain(entry).partition(", ")
    office = office.strip().rstrip(".;")
    who = layout.persons.registry.resolve(name.strip()) if office[:1].isupper() and _names_only(office) else None
    if who is not None and (label_part(office) is None or len(office.split()) > 1):  # not "interpreter"
        layout.persons.registry.add_office(who, office)


def _part_lines(layout: Layout, line_no: int, lines: list[str]) -> None:
    """``Interpreter – comrade Dorzhiev (Buryat), …`` / ``Stenographer – Balashova.``: a participants list,
    one item a line under its part, its people attendants in that part."""
    items = []
    for line in lines:
        field = _DASH_ROLE_LINE.match(plain(line).strip()) or _ROLE_FIELD.match(plain(line).strip())
        assert field is not None
        names = _NAME_END.split(field.group("rest"))[0].rstrip(". ")
        layout.persons.attendants_in(names, label_part(field.group("head").rstrip("–—- ")))
        items.append(Item(field.group("head"), line.strip()[len(field.group("head")):].strip()))
    layout.add(ListBlock(line_no, tuple(items), "participants"))


def _side_lists_after(layout: Layout, i: int) -> list[tuple[int, int]]:
    """The (first, last) units of each side's list after the head alone at unit i: the side's head
    alone on its line (``From the Romanian side:``) over its entries, in its block or the next one."""
    sides: list[tuple[int, int]] = []
    k = i + 1
    while k < len(layout.units) and _side_head(layout.units[k].lines[0]):
        lines = layout.units[k].lines
        if len(lines) > 1 and (_entries_block(lines[1:]) or _names_a_line(lines[1:])):
            sides.append((k, k))
        elif len(lines) == 1 and k + 1 < len(layout.units) and _entries_block(layout.units[k + 1].lines):
            sides.append((k, k + 1))
        else:
            break
        k = sides[-1][1] + 1
    return sides


def _names_a_line(lines: tuple[str, ...]) -> bool:
    """Two or more lines under a side's head, indented or not, each one person with their rank and office
    (``Lieutenant General Rudi Mittig``): one entry a line. Joined as one wrapped paragraph, a rank
    opening the next line (``Major General Willi Damm``) became the surname of the one above."""
    names = tuple(_NAME_END.split(_EDITOR_BRACKETS.sub("", plain(line)))[0].strip() for line in lines)
    return len(lines) >= 2 and all(names) and _entries_one_a_line(names)


# The part an entry's person plays after a comma at its end: "Colonel Todor Boyadzhiev, interpreter".
_TRAILING_PART = re.compile(r",\s+(?P<part>interpreter|translator|stenographer|note-taker|recorder|secretary)\.?$")


def _entry_for_persons(entry: str) -> str:
    """An entry as its person is read from it: a part in brackets or after the last comma in parentheses,
    as lists print it (``(interpreter)``), an editor's other remark (``[name crossed out by hand]``) dropped."""
    entry = _BRACKETED_PART.sub(r"(\g<part>)", plain(entry))
    return _TRAILING_PART.sub(r" (\g<part>)", _EDITOR_BRACKETS.sub("", entry).strip())


# An editor's remark on an entry ("[name crossed out by hand]"): not part of its name or office.
_EDITOR_BRACKETS = re.compile(r"\[[^\]]*\]")


def _entries_block(lines: tuple[str, ...]) -> bool:
    """Two or more entries, each opening with its bullet or number, wrapped lines under each."""
    return is_item(lines[0]) and sum(map(is_item, lines)) >= 2


def _side_lists_under_head(layout: Layout, i: int, sides: list[tuple[int, int]]) -> int:
    """The head and each side's head stay as printed, paragraphs; each side's entries are a participants
    list, their people attendants. Read as plain lists, the people of a Romanian stenogram's ``Took
    part:`` were only mentioned."""
    unit = layout.units[i]
    layout.add(ParagraphBlock(unit.line, unit.text))
    for first, last in sides:
        side = layout.units[first]
        lines = side.lines[1:] + (layout.units[last].lines if last > first else ())
        layout.add(ParagraphBlock(side.line, side.lines[0]))
        items = entry_items(lines) if is_item(lines[0]) else tuple(Item(None, line) for line in lines)
        layout.joins += len(lines) - len(items)
        _attend(layout, [_entry_for_persons(entry.text) for entry in items])
        layout.add(ListBlock(side.line + 1 if last == first else layout.units[last].line, items, "participants"))
    return sides[-1][1] + 1


def _attend(layout: Layout, items: list[str]) -> None:
    """Each entry's person, with the part they play; a table's row (``M. A. Suslov<tab>Liu Shaoqi``,
    its tab a space once read) is one person a column."""
    for item in items:
        labelled = LABELLED_LINE.match(plain(item))
        if labelled:  # "Experts: comrade Voznesensky; Colonel Abdul Hadi.": the part, then its people
            layout.persons.attendants_in(plain(item)[labelled.end():], label_part(labelled.group().strip()))
            continue
        entry, role = part_played(plain(item))
        for name in table_cells(_NAME_END.split(entry)[0].strip()):
            layout.persons.attendant(name, role)


def _rows_one_entry_a_column(layout: Layout, items: list[str], numbers: list[int]) -> list[str]:
    """The entries of a list printed as a table, one a column of each row as the source's tabs set them
    apart (``<tab>Chen Yi<tab><tab>Roeslan Abdulgani``), the sides' names over the columns (``Chinese
    side<tab>Indonesian side``) no one's; a line printed in no columns is one entry. Read across the row, two
    people with no initials became one (``Chen Yi Roeslan Abdulgani``)."""
    from tei_encoder.reader.block_rules import table  # (table.py reads participants lists printed as tables)

    entries: list[str] = []
    for item, number in zip(items, numbers):
        cells = [cell for cell in table.source_columns(layout, number, item) if cell]
        if len(cells) < 2 or LABELLED_LINE.match(plain(item)):  # "From the Soviet side:<tab>A. A. Gromyko; …"
            entries.append(item)
        elif not all(_COLUMN_SIDE.match(plain(cell).strip()) for cell in cells):
            entries.extend(cells)
    return entries


# A side's name over its column of a participants table: "Chinese side", "Soviet side:", "Indonesian delegation".
_COLUMN_SIDE = re.compile(rf"{_SIDE_NAMED}(?:side|delegation|party)\s*:?$")


def table_cells(entry: str) -> list[str]:
    """The names of a table's row in a participants list, one a column, cut after each name with
    initials (``N. S. Khrushchev Mao Zedong``); the entry whole when it is one name or no such row."""
    ends = [signer.end() for signer in closing_matter.SIGNER.finditer(entry) if not _titled(signer.group())]
    if not ends or "," in entry:
        return [entry]
    cuts = [0] + [end for end in ends if end < len(entry)] + [len(entry)]
    cells = [entry[start:end].strip() for start, end in zip(cuts, cuts[1:])]
    names = [cell for cell in cells if cell]
    return names if all(_NAME_CELL.match(cell) for cell in names) else [entry]


def _titled(name: str) -> bool:
    """``Mr. Charles``: a title's abbreviation, not an initial, before the name (one letter is an initial)."""
    head = name.split(".")[0]
    return len(head) > 1 and head.lower() in people.TITLES


# One column of a table's row: initials and a surname, or two or three capitalised words.
_NAME_CELL = re.compile(rf"^(?:{closing_matter.SIGNER.pattern}|[{UPPER}][\w'’-]+(?: [{UPPER}][\w'’-]+){{1,2}})$")


# A labelled field line under the list ("COPIES TO: S/S, EUR"): the list has ended.
_FIELD_LINE = re.compile(r"^[A-Za-z][A-Za-z /]{0,30}:(?:\s|$)")


_LINKS = frozenset("of the and for in at on to de da di du la le van von der den ten ter y".split())
_PARENTHESES = re.compile(r"\([^()]*\)")


def _names_only(text: str) -> bool:
    """A line of names and offices: its lower-case words (outside parentheses) only link an
    office's words (``Minister of Foreign Affairs of the DPRK``), as no sentence does."""
    return all(not word[:1].islower() or word.strip(",.") in _LINKS
               for word in _PARENTHESES.sub(" ", plain(text)).split())


def _one_entry(first_line: str) -> bool:
    """The head's line holds one entry (``PARTICIPANTS: The Secretary``, ``Present: Ambassador Zarubin,
    USSR``), not the start of a run-in list wrapped at the margin (``Present: on the Cuban side, Comandante
    Fidel Castro Ruz, Prime`` / ``Minister; …``; ``Present: Bulganin, Voroshilov,``)."""
    bare = first_line.rstrip()
    return ";" not in bare and bare.count(",") <= 1 and not bare.endswith(",")


def _names_under_first_line(lines: tuple[str, ...]) -> int:
    """How many lines under a run-in head's first line (``PARTICIPANTS: The Secretary``) go on
    the list one name a line (``Ambassador Georgi N. Zarubin, USSR``), up to a field line."""
    count = 0
    for line in lines[1:]:
        bare = plain(line).strip()
        if (_FIELD_LINE.match(bare) or not 1 <= len(bare.split()) <= 10 or bare.endswith((".", ";", ":"))
                or not bare[:1].isupper() or speech.match_label(bare) is not None or not _names_only(bare)):
            break
        count += 1
    return count


def _entries_one_a_line(lines: tuple[str, ...]) -> bool:
    """Lines under a head alone, each one person with their style and office (``The Right Hon. Ernest
    Bevin, M.P., Secretary of State for Foreign Affairs``): names and offices, no sentence."""
    return bool(lines) and all(
        bare[:1].isupper() and len(bare.split()) <= 16 and not bare.endswith((".", ";", ":")) and _names_only(bare)
        and speech.match_label(bare) is None for bare in (plain(line).strip() for line in lines))


def _run_in_list(layout: Layout, i: int, head: str, names_under: int) -> int:
    """A list whose first name shares the head's line: one entry a line. Lines after it (a field
    such as ``COPIES TO: …``) are a unit of their own, for the other rules."""
    unit = layout.units[i]
    first = PATTERN.match(unit.lines[0])
    assert first is not None
    items = [first.group("rest").strip(), *unit.lines[1:1 + names_under]]
    _attend(layout, items)
    layout.add(ListBlock(unit.line, tuple(Item(None, item) for item in items), "participants", head))
    leftover = unit.lines[1 + names_under:]
    if not leftover:
        return i + 1
    layout.replace_unit(i, Unit(unit.line + 1 + names_under, leftover))
    return i


# A line that opens with its label: a further line of a run-in list naming the part its people play
# ("Secretaries of the CC:<tab>Comrades …"), a field under a title ("Interviewer: …", "Date: …").
LABELLED_LINE = re.compile(r"^[A-Z][\w .,'’()-]{0,40}:\s+(?=\S)")


def _run_in_lines(lines: tuple[str, ...]) -> list[tuple[str, str]]:
    """(label, names) of a run-in list, one per labelled line (``Present:<tab>Comrades …`` /
    ``Secretaries of the CC:<tab>Comrades …`` / ``Interpreter: Zhu Ruizhen``); a line without its own
    label goes on the one above."""
    first = PATTERN.match(lines[0])
    chunks = [(first.group("head"), first.group("rest")) if first else ("", lines[0])]
    for line in lines[1:]:
        label = LABELLED_LINE.match(line)
        if label:
            chunks.append((label.group().strip(), line[label.end():]))
        else:
            chunks[-1] = (chunks[-1][0], chunks[-1][1] + " " + line)
    return chunks


# The labels of those named as absent in a meeting's list ("Excused:", "Absent:", "Apologies:"): no attendants.
ABSENT = re.compile(r"^(?i:excused|absent|apologies(?: for absence)?|not present|absent with leave)\b")


# The part an entry's person plays in an editor's brackets: "Comrade Đặng Quốc Hưng [interpreter]".
_BRACKETED_PART = re.compile(r"\[(?P<part>[a-z][a-z -]{2,30})\]")


# An office's abbreviation in capitals after an entry's name: "Shri T.N. Kaul, FS" (Foreign Secretary).
_ABBREVIATED_OFFICE = re.compile(r",\s+(?P<office>[A-Z]{2,4})(?=\s*(?:;|\.?$))")


def _role_brackets(names: str) -> str:
    """The entries with a part in brackets read as one in parentheses (``(interpreter)``), as lists print it;
    so is an office's abbreviation after the name (``Kaul, FS``), which names no one."""
    return _ABBREVIATED_OFFICE.sub(r" (\g<office>)", _BRACKETED_PART.sub(r"(\g<part>)", names))


def _sentence_end(line: str) -> bool:
    """A wrapped line of the minutes' narration, not of a list: it ends a sentence."""
    return plain(line).rstrip().endswith((".", "!", "?")) and not re.search(r"\b[A-Z]\.$", plain(line).rstrip())


def _role_field(layout: Layout, i: int) -> int | None:
    """``Interpreter: Comrade Ion Mărgineanu (Arabic - Romanian).`` alone under the meeting's lists or
    before the record's body: an entry of the meeting's list, its people attendants in that part. Read as
    a turn, the interpreter had spoken the names. Once the talk has begun, ``Interpreter: …`` is a turn
    like any other, and ``Recorded by: …`` at the foot signs the record (closing_matter.py)."""
    unit = layout.units[i]
    blocks = layout.div.blocks
    under_lists = not layout.div.has_body or (bool(blocks) and isinstance(blocks[-1], ListBlock))
    field = _ROLE_FIELD.match(plain(unit.text)) if (
        len(unit.lines) == 1 and not layout.speakers and under_lists) else None
    if field is None or not _names_only(field.group("rest")) or len(field.group("rest").split()) > 16:
        return None
    layout.persons.attendants_in(_role_brackets(field.group("rest").rstrip(". ")), label_part(field.group("head")))
    layout.add(ListBlock(unit.line, (Item(field.group("head"), unit.text[len(field.group("head")):].strip()),),
                         "participants"))
    return i + 1


def _labelled_list(layout: Layout, i: int) -> int:
    """A run-in list whose every line has its label: one item a line, under its label."""
    unit = layout.units[i]
    items = tuple(Item(label, names.strip()) for label, names in _run_in_lines(unit.lines))
    layout.add(ListBlock(unit.line, items, "participants"))
    return i + 1


def _labelled_lines_after(layout: Layout, i: int) -> tuple[str, ...]:
    """One paragraph a line: the labelled lines of the list on the very next source lines (each
    stays a paragraph of its own; its people are attendants all the same)."""
    lines: list[str] = []
    k = i + 1
    while (layout.line_paragraphs and k < len(layout.units) and len(layout.units[k].lines) == 1
           and layout.units[k].line == layout.units[k - 1].line + 1 and LABELLED_LINE.match(layout.units[k].text)):
        lines.append(layout.units[k].text)
        k += 1
    return tuple(lines)


def among_labelled_lines(layout: Layout, i: int) -> bool:
    """Unit i is one of the labelled lines right under a run-in list's head, one paragraph a line
    (``Present:<tab>…`` / ``Also present:<tab>…`` / ``Minutes taken by:<tab>Mrs. F. Gergely``): a field of
    the list (its people registered with the list's), no closing of the document."""
    k = i
    while (layout.line_paragraphs and k > 0 and len(layout.units[k].lines) == 1
           and layout.units[k].line == layout.units[k - 1].line + 1 and LABELLED_LINE.match(layout.units[k].text)):
        k -= 1
        if PATTERN.match(layout.units[k].text):
            return True
    return False


def _adjacent_name_lines(layout: Layout, i: int) -> int:
    """One paragraph a line: how many name lines follow unit i on the very next source lines."""
    count = 0
    while (i + count + 1 < len(layout.units) and is_name_line(layout, i + count + 1)
           and layout.units[i + count + 1].line == layout.units[i + count].line + 1
           and not _FIELD_LINE.match(layout.units[i + count + 1].text)
           and _names_only(layout.units[i + count + 1].text)):
        count += 1
    return count


def _run_in_list_over_units(layout: Layout, i: int, head: str, names_under: int) -> int:
    """``Participants: Mr. Charles E. Bohlen`` / ``Mr. George F. Kennan``, each line its own unit."""
    lines = tuple(layout.units[k].lines[0] for k in range(i, i + names_under + 1))
    layout.replace_unit(i, Unit(layout.units[i].line, lines))
    taken = _run_in_list(layout, i, head, names_under)
    return taken + names_under


def is_name_line(layout: Layout, i: int) -> bool:
    """A line of a participants list: a short line naming someone, nothing else."""
    unit = layout.units[i]
    text = unit.text
    return (len(unit.lines) == 1 and 1 <= len(text.split()) <= 10 and text != FORM_FEED
            and not text.endswith((":", ";")) and any(c.isupper() for c in text)
            and not page_break.PAGE_NUMBER_LINE.match(text) and not omission.PATTERN.match(text)
            and speech.match_label(text) is None and not caps_heading.matches(text)
            and not speech.opens_with_narration(text, lambda name: False))
    # (the last: "The meeting opened at 19 h. 00 min." under "Secretaries: V. Lavrov, …" is the minutes'
    # narration, no name of the list: a protocol's staff line no longer stops the list as a label did)


RULE = BlockRule("participants", read)


# Names for the table rule (table.py): a participants list printed as a table.
side_head = _side_head
entry_for_persons = _entry_for_persons
office_after_name = _office_after_name


def list_head_alone(text: str) -> bool:
    """``PARTICIPANTS`` / ``Present:`` alone on its line: a participants list's head with no names after it."""
    found = PATTERN.match(text)
    return bool(HEAD_ALONE.match(text) or (found and not found.group("rest").strip()))
