"""The Family record: how a family is recognised and read.

A family module decides only what differs per family: ``detect`` (how sure it is
that a source is one of its records), which lines are header-bound and what
header fields they fill (a ``reader.HeaderDraft``), and how its body is laid out
(``reader.Options``). ``reader.read_body`` does the rest the same way for every family.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tei_encoder import model as m
from tei_encoder.config import Config
from tei_encoder.source import Source


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    recognised_by: str  # one line for `tei-encoder families`
    detect: Callable[[Source], float]  # 0.0 … 1.0
    read: Callable[[Source, Config], m.Document]  # the config: the names authority and vocabulary
