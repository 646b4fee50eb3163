"""Record families, in a fixed order: a new family is one module and one line here."""

from __future__ import annotations

from tei_encoder.families import generic, soviet_archive, wilson_center, word_export
from tei_encoder.families.base import Family
from tei_encoder.source import Source

FAMILIES: tuple[Family, ...] = (
    wilson_center.FAMILY,
    soviet_archive.FAMILY,
    word_export.FAMILY,
    generic.FAMILY,
)


def by_name(name: str) -> Family:
    for family in FAMILIES:
        if family.name == name:
            return family
    raise KeyError(name)


def detect(source: Source) -> Family:
    """The family whose detector scores highest; ties go to the earlier family."""
    return ranked(source)[0][0]


def ranked(source: Source) -> list[tuple[Family, float]]:
    """Every family with its score, best first (ties: the earlier family first)."""
    scored = [(family, family.detect(source)) for family in FAMILIES]
    return sorted(scored, key=lambda pair: (-pair[1], FAMILIES.index(pair[0])))


__all__ = ["FAMILIES", "Family", "by_name", "detect", "ranked"]
