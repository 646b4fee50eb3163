"""The decision trace: what the encoder decided, from which source lines, and whether it guessed.

Every stage that makes an editorial decision (a header field taken from a line, a speech turn,
two spellings merged into one person, an inferred page break, boilerplate set aside, a note moved
to its anchor, the family chosen) adds one ``Decision`` to the record's ``Trace``. The trace is a
value of the result (``Document.trace``), ordered by source line, so the same input gives the same
trace; ``to_json`` is how ``convert --trace`` and ``build`` write it, and the proof page and the
review page read it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace

# The kinds of decision, in the order the review page lists them.
KINDS = ("family", "header", "boilerplate", "turn", "person", "page-break", "note", "notation")


@dataclass(frozen=True, slots=True)
class Decision:
    kind: str  # one of KINDS
    rule: str  # the rule that decided, e.g. "speech-turn", "label-alone", "identity-rules"
    first_line: int  # 1-based source lines the decision was made from
    last_line: int
    produced: str  # the element it made ("sp", "pb", "note", "person") or the header field ("title")
    target_id: str | None  # the xml:id the writer gives what it produced (None: nothing to point at)
    certain: bool  # False: a guess the editor should review first
    detail: str = ""  # what else the editor needs: the forms merged, the anchor's line


@dataclass(slots=True)
class Trace:
    """The collector the stages share (through the reader's Context); ``decisions`` is the result."""

    _decisions: list[Decision] = field(default_factory=list)

    def add(self, kind: str, rule: str, lines: tuple[int, int], produced: str, target_id: str | None,
            certain: bool, detail: str = "") -> None:
        first, last = lines
        self._decisions.append(Decision(kind, rule, first, max(first, last), produced, target_id, certain,
                                        detail))

    def decisions(self) -> tuple[Decision, ...]:
        return ordered(self._decisions)

    def relocate(self, kind: str, lines: Callable[[Decision], tuple[int, int]]) -> None:
        """Narrow the lines of every decision of ``kind`` (a stage that knew only its block's first line)."""
        relocated = []
        for decision in self._decisions:
            if decision.kind == kind:
                first, last = lines(decision)
                decision = replace(decision, first_line=first, last_line=max(first, last))
            relocated.append(decision)
        self._decisions = relocated


@dataclass(frozen=True, slots=True)
class Span:
    """The source lines a unit of the body (a paragraph, a heading, a turn …) was read from; ``ident``
    is the xml:id the writer gives the unit, so the proof page can set its reading beside its lines."""

    ident: str
    first_line: int
    last_line: int


def ordered(decisions: Iterable[Decision]) -> tuple[Decision, ...]:
    """By source line, then kind and target: one order whatever order the stages decided in."""
    return tuple(sorted(decisions, key=lambda d: (d.first_line, d.last_line, KINDS.index(d.kind), d.rule,
                                                   d.produced, d.target_id or "", d.detail)))


def guesses(decisions: Iterable[Decision]) -> list[Decision]:
    return [decision for decision in decisions if not decision.certain]


def to_json(source_name: str, decisions: Iterable[Decision], spans: Iterable[Span] = ()) -> bytes:
    """The trace file: the source's name, its decisions and the body units' source lines (``spans``),
    keys sorted, one item a line."""
    head = json.dumps(source_name, ensure_ascii=False)
    return (f'{{\n  "source": {head},\n  "decisions": {_json_list(decisions)},\n'
            f'  "spans": {_json_list(spans)}\n}}\n').encode("utf-8")


# One encoder for every item: json.dumps builds a new one on each call that passes options.
_ITEM_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)


def _json_list(items: Iterable[Decision | Span]) -> str:
    lines = [_json_item(item) for item in items]
    return "[\n    " + ",\n    ".join(lines) + "\n  ]" if lines else "[]"


def _json_item(item: Decision | Span) -> str:
    """The item as the encoder writes it (keys sorted), formatted directly when its values are of the
    declared types: encoding each decision's dict cost about 1 ms of a record's conversion."""
    if type(item) is Decision and _DECISION_KEYS_AS_WRITTEN and _plain_decision(item):
        return (f'{{"certain": {"true" if item.certain else "false"}, "detail": {_string(item.detail)}, '
                f'"first_line": {item.first_line}, "kind": {_string(item.kind)}, "last_line": {item.last_line}, '
                f'"produced": {_string(item.produced)}, "rule": {_string(item.rule)}, "target_id": '
                f'{"null" if item.target_id is None else _string(item.target_id)}}}')
    if type(item) is Span and type(item.ident) is str and type(item.first_line) is int \
            and type(item.last_line) is int:
        return f'{{"first_line": {item.first_line}, "ident": {_string(item.ident)}, "last_line": {item.last_line}}}'
    return _ITEM_ENCODER.encode(_as_dict(item))


# A JSON string as the encoder writes it without ensure_ascii (quoted, only " \\ and controls escaped).
_string: Callable[[str], str] = json.encoder.encode_basestring  # type: ignore[attr-defined]


# The fields the direct format writes, in sorted order: a field added to Decision goes through the encoder.
_DECISION_KEYS_AS_WRITTEN = sorted(f.name for f in fields(Decision)) == [
    "certain", "detail", "first_line", "kind", "last_line", "produced", "rule", "target_id"]


def _plain_decision(decision: Decision) -> bool:
    return (type(decision.certain) is bool and type(decision.first_line) is int
            and type(decision.last_line) is int and type(decision.kind) is str and type(decision.rule) is str
            and type(decision.produced) is str and type(decision.detail) is str
            and (decision.target_id is None or type(decision.target_id) is str))


def _as_dict(item: Decision | Span) -> dict[str, object]:
    # dataclasses.asdict deep-copies every value; a decision's or span's values are plain (str, int,
    # bool, None), so reading the fields is the same dict at a tenth of the cost.
    return {f.name: getattr(item, f.name) for f in fields(item)}


def from_json(data: bytes) -> tuple[str, tuple[Decision, ...]]:
    loaded = json.loads(data)
    return loaded["source"], tuple(Decision(**item) for item in loaded["decisions"])


def spans_from_json(data: bytes) -> tuple[Span, ...]:
    return tuple(Span(**item) for item in json.loads(data).get("spans", ()))


def header_id(field_name: str, index: int | None = None) -> str:
    """The xml:id of a traced header field (``h-title``; ``h-boilerplate-2`` for the second of several)."""
    return f"h-{field_name}" if index is None else f"h-{field_name}-{index}"
