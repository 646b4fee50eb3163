"""The project file: an edition's own settings (``tei-encoder.toml`` or ``[tool.tei-encoder]``).

``find_config`` looks for the file (an explicit ``--config FILE``; else ``tei-encoder.toml``,
then a ``pyproject.toml`` with a ``[tool.tei-encoder]`` table, in the source folder and then the
current folder) and ``load_config`` reads it into a ``Config``: a frozen, hashable value that is
handed explicitly to every stage and worker (it pickles), with a stable ``digest()``.

Every key and type is checked here; a mistake is one ``ConfigError`` naming the file, the line
and the key (``tei-encoder.toml:3: key 'edition.titel' is not known (did you mean 'title'?)``).
tomllib gives no positions for keys, so the line is found by scanning the file's text
(``_line_of``): the key's own line inside its table, else the table's header.

Without a project file ``Config()`` is empty and changes nothing: no value is ever invented.
"""

from __future__ import annotations

import csv
import difflib
import hashlib
import io
import json
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:  # the document model costs a tenth of a second to import: only converting needs it
    from tei_encoder.model import EditionStatement

__all__ = ["CONFIG_NAME", "Config", "ConfigError", "Edition", "KnownPerson", "Vocabulary", "authority_kind",
           "find_config", "load_config"]

CONFIG_NAME = "tei-encoder.toml"
PYPROJECT = "pyproject.toml"
_RESERVED_IDS = frozenset({"tei-encoder"})  # the application's id in every header
_ROLE = re.compile(r"^[a-z][a-z0-9-]*$")  # a role label's role: the id and role of its person
_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")  # an XML name without a colon: usable as an id


class ConfigError(Exception):
    """A project file that cannot be used; ``str()`` is the one line to show (exit status 2)."""

    def __init__(self, file: str, message: str, line: int | None = None) -> None:
        self.file, self.line, self.message = file, line, message
        super().__init__(f"{file}:{line}: {message}" if line else f"{file}: {message}")


@dataclass(frozen=True, slots=True)
class Edition:
    """What the edition says about itself: every document's header carries it."""

    title: str | None = None
    publisher: str | None = None
    licence: str | None = None
    licence_url: str | None = None
    base_url: str | None = None  # permalinks: base_url + <stem>.html
    idno_prefix: str | None = None  # the edition's identifier of a document: prefix + <stem>
    editors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """One person of the names authority: their id, preferred name, every form that is them, authority URIs."""

    ident: str
    name: str
    forms: tuple[str, ...] = ()
    authority: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Words the edition adds to the built-in lists (never replacing them)."""

    classification: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    not_persons: tuple[str, ...] = ()
    role_labels: tuple[tuple[str, str], ...] = ()  # (label, role), sorted by label


@dataclass(frozen=True, slots=True)
class Config:
    edition: Edition = Edition()
    persons: tuple[KnownPerson, ...] = ()
    vocabulary: Vocabulary = Vocabulary()
    path: str | None = field(default=None, compare=False)  # where it was read from (not part of the digest)

    def edition_statement(self, stem: str) -> EditionStatement:
        """What a document's header says of the edition: the edition's fields, its id and permalink."""
        from tei_encoder.model import EditionStatement

        e = self.edition
        return EditionStatement(e.title, e.publisher, e.licence, e.licence_url, e.editors,
                                f"{e.idno_prefix}{stem}" if e.idno_prefix else None,
                                f"{e.base_url}{stem}.html" if e.base_url else None)

    def digest(self) -> str:
        """A stable hash of every setting (sha256 hex): equal settings, equal digest, in any process."""
        settings = {"edition": asdict(self.edition), "persons": [asdict(p) for p in self.persons],
                    "vocabulary": asdict(self.vocabulary)}
        canonical = json.dumps(settings, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def authority_kind(uri: str) -> str:
    """The authority file a URI belongs to, by its host: wikidata, viaf, gnd, else ``URI``."""
    host = (urlsplit(uri).hostname or "").lower()
    for kind, domain in (("wikidata", "wikidata.org"), ("viaf", "viaf.org")):
        if host == domain or host.endswith(f".{domain}"):
            return kind
    if host == "d-nb.info" and urlsplit(uri).path.startswith("/gnd/"):
        return "gnd"
    return "URI"


# ---------------------------------------------------------------- finding the file


def find_config(explicit: str | os.PathLike[str] | None, folders: tuple[Path, ...] = ()) -> Path | None:
    """The project file to use: ``explicit``, else the first found in ``folders`` then the current folder.

    In each folder ``tei-encoder.toml`` comes first, then a ``pyproject.toml`` holding ``[tool.tei-encoder]``.
    """
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(str(path), "no such project file" if not path.exists() else "not a file")
        return path
    for folder in (*folders, Path(".")):
        own = folder / CONFIG_NAME
        if own.is_file():
            return own
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


def _has_tool_table(pyproject: Path) -> bool:
    try:
        tool = _parse(pyproject).get("tool", {})
        return isinstance(tool, dict) and "tei-encoder" in tool
    except ConfigError:
        return False  # someone else's broken pyproject.toml is not ours to report


def load_config(explicit: str | os.PathLike[str] | None = None, folders: tuple[Path, ...] = ()) -> Config:
    """The project's Config, or the empty Config when there is no project file. Raises ConfigError."""
    path = find_config(explicit, folders)
    if path is None:
        return Config()
    data = _parse(path)
    prefix = ""
    if path.name == PYPROJECT:
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "tei-encoder" not in tool:
            raise ConfigError(str(path), "has no [tool.tei-encoder] table")
        data, prefix = tool["tei-encoder"], "tool.tei-encoder."
        if not isinstance(data, dict):
            raise ConfigError(str(path), "key 'tool.tei-encoder' must be a table", _line_of(
                path.read_text(encoding="utf-8"), "tool.tei-encoder"))
    return _Reader(path, path.read_text(encoding="utf-8"), prefix).config(data)


def _parse(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(str(path), f"cannot be read: {getattr(error, 'strerror', None) or error}") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = getattr(error, "lineno", None) or _line_in_message(str(error))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)$", "", str(error)).strip()
        raise ConfigError(str(path), f"not valid TOML: {reason[:1].lower()}{reason[1:]}", line) from None


def _line_in_message(message: str) -> int | None:
    found = re.search(r"at line (\d+)", message)
    return int(found.group(1)) if found else None


# ---------------------------------------------------------------- checking keys and types

_TOP = ("edition", "persons", "vocabulary")
_EDITION_TEXT = ("title", "publisher", "licence", "licence_url", "base_url", "idno_prefix")
_EDITION = (*_EDITION_TEXT, "editors")
_PERSON = ("name", "forms", "authority")
_VOCABULARY = ("classification", "titles", "not_persons", "role_labels")
_NEEDS_PUBLISHER = ("licence", "licence_url", "base_url", "idno_prefix")
_CSV_COLUMNS = ("id", "name", "forms", "authority")


@dataclass(slots=True)
class _Reader:
    path: Path
    text: str
    prefix: str  # "tool.tei-encoder." inside pyproject.toml

    def fail(self, key: str, message: str) -> ConfigError:
        return ConfigError(str(self.path), message, _line_of(self.text, self.prefix + key))

    def config(self, data: Mapping[str, Any]) -> Config:
        self.known(data, "", _TOP)
        edition = self.edition(self.table(data, "edition"))
        vocabulary = self.vocabulary(self.table(data, "vocabulary"))
        persons = self.persons(self.table(data, "persons"))
        return Config(edition, persons, vocabulary, str(self.path))

    def known(self, table: Mapping[str, Any], where: str, allowed: tuple[str, ...]) -> None:
        for key in table:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(allowed)})"
                raise self.fail(where + key, f"key '{where}{key}' is not known{hint}")

    def table(self, data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            raise self.fail(key, f"key '{key}' must be a table, not {_kind(value)}")
        return value

    def text_value(self, table: Mapping[str, Any], where: str, key: str) -> str | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where + key, f"key '{where}{key}' must be a non-empty string, not {_kind(value)}")
        return value.strip()

    def texts(self, table: Mapping[str, Any], where: str, key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):  # one form or one URI needs no brackets
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            raise self.fail(where + key, f"key '{where}{key}' must be a list of non-empty strings, not "
                                         f"{_kind(value)}")
        return tuple(item.strip() for item in value)

    def edition(self, table: Mapping[str, Any]) -> Edition:
        self.known(table, "edition.", _EDITION)
        values = {key: self.text_value(table, "edition.", key) for key in _EDITION_TEXT}
        for key in _NEEDS_PUBLISHER:
            if values[key] and not values["publisher"]:
                raise self.fail(f"edition.{key}", f"key 'edition.{key}' needs 'edition.publisher': a licence and "
                                                  "identifiers are stated with the publisher who issues them")
        for key in ("licence_url", "base_url"):
            if values[key] and urlsplit(values[key] or "").scheme not in ("http", "https"):
                raise self.fail(f"edition.{key}", f"key 'edition.{key}' must be an http or https URL, "
                                                  f"not {values[key]!r}")
        if values["base_url"] and not (values["base_url"] or "").endswith("/"):
            values["base_url"] = f"{values['base_url']}/"  # base_url + <stem>.html must stay inside it
        return Edition(**values, editors=self.texts(table, "edition.", "editors"))

    def vocabulary(self, table: Mapping[str, Any]) -> Vocabulary:
        self.known(table, "vocabulary.", _VOCABULARY)
        labels = table.get("role_labels", {})
        if not isinstance(labels, dict) or not all(isinstance(v, str) and v.strip() for v in labels.values()):
            raise self.fail("vocabulary.role_labels", "key 'vocabulary.role_labels' must be a table of strings "
                                                      f"(LABEL = \"role\"), not {_kind(labels)}")
        for label, role in labels.items():
            if not _ROLE.match(role.strip()):
                raise self.fail("vocabulary.role_labels", f"role '{role}' of label '{label}' must be lower-case "
                                                          "letters, digits and '-' (it becomes an id)")
        return Vocabulary(classification=self.texts(table, "vocabulary.", "classification"),
                          titles=self.texts(table, "vocabulary.", "titles"),
                          not_persons=self.texts(table, "vocabulary.", "not_persons"),
                          role_labels=tuple(sorted((label.strip(), role.strip()) for label, role in labels.items())))

    def persons(self, table: Mapping[str, Any]) -> tuple[KnownPerson, ...]:
        found: dict[str, KnownPerson] = {}
        for ident, entry in table.items():
            if ident == "file":
                continue
            if not isinstance(entry, dict):
                raise self.fail(f"persons.{ident}", f"key 'persons.{ident}' must be a table of one person "
                                                    f"(name, forms, authority) or 'file', not {_kind(entry)}")
            found[ident] = self.person(ident, entry)
        if "file" in table:
            for person in self.person_file(self.text_value(table, "persons.", "file") or ""):
                if person.ident in found:
                    raise self.fail("persons.file", f"person '{person.ident}' is in the persons file and in "
                                                    f"[persons.{person.ident}]; keep one")
                found[person.ident] = person
        return tuple(found[ident] for ident in sorted(found))

    def person(self, ident: str, entry: Mapping[str, Any]) -> KnownPerson:
        where = f"persons.{ident}."
        if not _ID.match(ident) or ident in _RESERVED_IDS:
            raise self.fail(f"persons.{ident}", _bad_id(ident))
        self.known(entry, where, _PERSON)
        name = self.text_value(entry, where, "name")
        if name is None:
            raise self.fail(f"persons.{ident}", f"key '{where}name' is missing: every person needs a name")
        return KnownPerson(ident, name, self.texts(entry, where, "forms"), self.texts(entry, where, "authority"))

    def person_file(self, name: str) -> list[KnownPerson]:
        path = self.path.parent / name
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise self.fail("persons.file", f"persons file {path}: cannot be read: "
                                            f"{getattr(error, 'strerror', None) or error}") from None
        return _csv_persons(path, text)


def _csv_persons(path: Path, text: str) -> list[KnownPerson]:
    """``id,name,forms,authority`` with ``|`` between forms and between URIs; a header row first."""
    rows = csv.reader(io.StringIO(text))
    header = [cell.strip().lower() for cell in next(rows, [])]
    if tuple(header[:2]) != _CSV_COLUMNS[:2] or not set(header) <= set(_CSV_COLUMNS):
        raise ConfigError(str(path), f"the first row must name the columns {','.join(_CSV_COLUMNS)}", 1)
    people = []
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        cells = dict(zip(header, (cell.strip() for cell in row)))
        if len(row) > len(header) or not cells.get("id") or not cells.get("name"):
            raise ConfigError(str(path), f"expected {len(header)} columns with an id and a name", number)
        if not _ID.match(cells["id"]) or cells["id"] in _RESERVED_IDS:
            raise ConfigError(str(path), _bad_id(cells["id"]), number)
        people.append(KnownPerson(cells["id"], cells["name"], _split(cells.get("forms", "")),
                                  _split(cells.get("authority", ""))))
    return people


def _bad_id(ident: str) -> str:
    if ident in _RESERVED_IDS:
        return f"person id '{ident}' is the encoder's own id in every document; choose another"
    return f"person id '{ident}' must start with a letter and hold only letters, digits, '-', '_' and '.'"


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _kind(value: object) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list",
            dict: "a table"}.get(type(value), type(value).__name__)


# ---------------------------------------------------------------- finding a key's line

_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")


def _line_of(text: str, dotted: str) -> int | None:
    """The line where ``dotted`` (``edition.titel``) is set: its own line, else its table's header.

    A key is looked for in the table named by its first parts, as ``key =`` or ``"key" =`` at the
    start of a line; a table ``[a.b]`` is its own header line.
    """
    parts = dotted.split(".")
    lines = text.splitlines()
    own = _table_start(lines, dotted)
    if own is not None:  # the key is a table of its own: [persons.eden]
        return own + 1
    for split in range(len(parts) - 1, -1, -1):
        table, key = ".".join(parts[:split]), parts[split:]
        start = _table_start(lines, table)
        if start is None:
            continue
        if not key:
            return start + 1 if table else None
        assignment = re.compile(rf"^\s*[\"']?{re.escape(key[0])}[\"']?\s*[=.]")
        for index in range(start + 1, len(lines)):
            if _HEADER.match(lines[index]):
                break  # the next table begins
            if assignment.match(lines[index]):
                return index + 1
        if table:
            return start + 1
    return None


def _table_start(lines: list[str], table: str) -> int | None:
    if not table:
        return -1
    wanted = table.replace('"', "").replace("'", "")
    for index, line in enumerate(lines):
        header = _HEADER.match(line)
        if header and re.sub(r"\s*\.\s*", ".", header.group(1)).replace('"', "").replace("'", "") == wanted:
            return index
    return None
