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
    best = max(FAMILIES, key=lambda family: (family.detect(source), -FAMILIES.index(family)))
    return best


__all__ = ["FAMILIES", "Family", "by_name", "detect"]
