"""``tei-encoder families``: the record families known, and how each is recognised."""

from __future__ import annotations

import argparse

from tei_encoder.families import FAMILIES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def run(args: argparse.Namespace) -> int:
    width = max(len(family.name) for family in FAMILIES)
    for family in FAMILIES:
        print(f"{family.name:<{width}}  {family.recognised_by}")
    return 0
