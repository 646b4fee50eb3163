"""The project Schematron stays linear: TE-NOTE-003 no longer searches preceding:: for every footnote.

The cheaper formulation must give the same verdicts as the old one on every
arrangement of notes (numeric and symbol marks, notes that are not footnotes,
several document divs, restarts, gaps, duplicates), so both are run here on
many random arrangements. Its cost per footnote is measured in
benchmarks/bench_scaling.py (sizes doubling), never as a timed unit test.
"""

from __future__ import annotations

import random

from lxml import etree

from tei_encoder.resources import schema_path
from tei_encoder.validate.checkers import checker_for
from test_validate_support import VALID

OLD_PREVIOUS = ('<sch:let name="previous" value="preceding::tei:note[@place = \'foot\']'
                '[number(@n) = number(@n)][1]"/>')
TEMPLATE = (VALID / "conversation-003.xml").read_text(encoding="utf-8")


def with_body(divs: list[str]) -> etree._ElementTree:
    head, rest = TEMPLATE.split("<body>", 1)
    tail = rest.split("</body>", 1)[1]
    body = "".join(f'<div type="document">{div}</div>' for div in divs)
    return etree.ElementTree(etree.fromstring((head + "<body>" + body + "</body>" + tail).encode("utf-8")))


def random_divs(rng: random.Random, other: float = 0.3) -> list[str]:
    """Divs of paragraphs with notes; ``other`` is the share of notes that are no numeric footnote."""
    divs = []
    counter = 0
    for _ in range(rng.randint(1, 3)):
        paragraphs = []
        for _ in range(rng.randint(1, 6)):
            notes = []
            for _ in range(rng.randint(0, 3)):
                counter += 1
                kind = rng.random()
                if kind < other / 2:
                    notes.append(f'<note place="inline" xml:id="i{counter}">aside</note>')
                else:
                    mark = "*" if kind < other else str(rng.choice([1, 1, 2, 3, 4, 5]))
                    notes.append(f'<note place="foot" n="{mark}" xml:id="f{counter}">note</note>')
            paragraphs.append("<p>Words " + " and ".join(notes) + " end.</p>")
        divs.append("".join(paragraphs))
    return divs


def note_warnings(checker, tree) -> list[tuple[int | None, str]]:
    return sorted((d.line, d.xpath or "") for d in checker.check(tree, "t.xml") if d.rule == "TE-NOTE-003")


def old_and_new_checkers(tmp_path):
    current = schema_path("tei-encoder.sch").read_text(encoding="utf-8")
    start = current.index('<sch:let name="near"')
    end = current.index("/>", current.index('<sch:let name="previous"')) + 2
    old = tmp_path / "old.sch"
    old.write_text(current[:start] + OLD_PREVIOUS + current[end:], encoding="utf-8")
    return checker_for(schema_path("tei-encoder.sch")), checker_for(old)


def test_the_linear_rule_gives_the_old_verdicts(tmp_path):
    new_checker, old_checker = old_and_new_checkers(tmp_path)
    rng = random.Random(8)
    fired = 0
    for _ in range(60):
        tree = with_body(random_divs(rng))
        expected = note_warnings(old_checker, tree)
        assert note_warnings(new_checker, tree) == expected
        fired += bool(expected)
    assert fired > 20  # the arrangements do exercise the rule


def test_the_linear_rule_gives_the_old_verdicts_after_long_runs_of_other_notes(tmp_path):
    # most notes are "*" footnotes or inline notes: a numbered footnote often follows four or more of
    # them, past which the rule looks in the key of numeric footnotes instead of taking notes one by one
    new_checker, old_checker = old_and_new_checkers(tmp_path)
    rng = random.Random(4)
    fired = 0
    for _ in range(60):
        tree = with_body(random_divs(rng, other=0.8))
        expected = note_warnings(old_checker, tree)
        assert note_warnings(new_checker, tree) == expected
        fired += bool(expected)
    assert fired > 10


def repeated_mark_findings(diagnostics) -> list[tuple]:
    return sorted((d.line, d.xpath, d.message, d.severity, d.source) for d in diagnostics if d.rule == "TE-NOTE-002")


def test_repeated_footnote_marks_found_in_one_pass_as_the_schematron_finds_them(tmp_path):
    """The validator checks TE-NOTE-002 itself (linear) and tells the Schematron to skip its key (quadratic
    in the notes sharing a mark); both must find the same notes, with the same words, on arrangements
    full of repeated marks ("*", 1, 1 …) across several document divs."""
    from tei_encoder.validate import footnote_marks
    from tei_encoder.validate.validator import Validator

    schematron = checker_for(schema_path("tei-encoder.sch"))
    validator = Validator()
    rng = random.Random(12)
    fired = 0
    for index in range(40):
        path = tmp_path / f"t{index}.xml"
        path.write_bytes(etree.tostring(with_body(random_divs(rng, other=0.5)), encoding="UTF-8"))
        tree = etree.parse(str(path))
        expected = repeated_mark_findings(schematron.check(tree, str(path)))  # the Schematron's own check
        assert repeated_mark_findings(validator.validate_file(path)) == expected
        assert repeated_mark_findings(footnote_marks.repeated_marks(tree, str(path), schematron.name)) == expected
        skipped = schematron.check(tree, str(path), {footnote_marks.PARAMETER: "true()"})
        assert repeated_mark_findings(skipped) == []  # the parameter does turn the Schematron's check off
        fired += bool(expected)
    assert fired > 20
