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


def random_divs(rng: random.Random) -> list[str]:
    divs = []
    counter = 0
    for _ in range(rng.randint(1, 3)):
        paragraphs = []
        for _ in range(rng.randint(1, 6)):
            notes = []
            for _ in range(rng.randint(0, 3)):
                counter += 1
                kind = rng.random()
                if kind < 0.15:
                    notes.append(f'<note place="inline" xml:id="i{counter}">aside</note>')
                else:
                    mark = "*" if kind < 0.3 else str(rng.choice([1, 1, 2, 3, 4, 5]))
                    notes.append(f'<note place="foot" n="{mark}" xml:id="f{counter}">note</note>')
            paragraphs.append("<p>Words " + " and ".join(notes) + " end.</p>")
        divs.append("".join(paragraphs))
    return divs


def note_warnings(checker, tree) -> list[tuple[int | None, str]]:
    return sorted((d.line, d.xpath or "") for d in checker.check(tree, "t.xml") if d.rule == "TE-NOTE-003")


def test_the_linear_rule_gives_the_old_verdicts(tmp_path):
    current = schema_path("tei-encoder.sch").read_text(encoding="utf-8")
    start = current.index('<sch:let name="near"')
    end = current.index("/>", current.index('<sch:let name="previous"')) + 2
    old = tmp_path / "old.sch"
    old.write_text(current[:start] + OLD_PREVIOUS + current[end:], encoding="utf-8")
    new_checker, old_checker = checker_for(schema_path("tei-encoder.sch")), checker_for(old)
    rng = random.Random(8)
    fired = 0
    for _ in range(60):
        tree = with_body(random_divs(rng))
        expected = note_warnings(old_checker, tree)
        assert note_warnings(new_checker, tree) == expected
        fired += bool(expected)
    assert fired > 20  # the arrangements do exercise the rule
