"""The work ``build`` does for one record, wherever it runs (this process or a worker).

``build_record`` converts the record into ``OUT/tei/STEM.xml`` (validated as it
is written), renders its page and plain-text view, and returns what the
parent keeps: the outcome, the document's corpus record (render/corpus.py) and
the files written. It is the one function a scheduler needs to send out; the
corpus pages are written afterwards from the stored records.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei_encoder import xmlsafe
from tei_encoder.files import OutputError
from tei_encoder.pipeline import Outcome, _validator, convert_file
from tei_encoder.render.corpus import DocRecord
from tei_encoder.render.renderer import RenderError
from tei_encoder.render.site import _renderer, render_document_files

TEI_FOLDER = "tei"


@dataclass(frozen=True, slots=True)
class RecordTask:
    source: str
    name: str  # its page name
    out: str
    family: str | None
    site_title: str
    nav_extra: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class RecordResult:
    outcome: Outcome
    record: DocRecord | None = None
    outputs: tuple[str, ...] = ()  # relative to the output folder
    render_error: str | None = None


def start_worker(site_title: str, nav_extra: tuple[tuple[str, str], ...]) -> None:
    """Compile the schemas and stylesheets once per worker, before its first record."""
    _validator()
    _renderer(site_title, nav_extra)


def build_record(task: RecordTask) -> RecordResult:
    out = Path(task.out)
    try:
        outcome = convert_file(Path(task.source), out / TEI_FOLDER, task.family, validate=True)
    except OutputError:  # the output cannot be written (a full disk): the build stops, the command says why
        raise
    except Exception as error:  # an internal error must not stop the batch
        return RecordResult(Outcome(task.source, error=f"internal error: {error.__class__.__name__}: {error}"))
    if not outcome.ok or outcome.output is None:
        return RecordResult(outcome)
    tei = f"{TEI_FOLDER}/{Path(outcome.output).name}"
    try:
        tree = xmlsafe.load_document(Path(outcome.output))
        record, pages = render_document_files(_renderer(task.site_title, task.nav_extra), tree, outcome.output,
                                              task.name, out)
    except (etree.XMLSyntaxError, RenderError, OSError, ValueError) as error:  # this document, not the build
        return RecordResult(outcome, outputs=(tei,), render_error=f"{error.__class__.__name__}: {error}")
    return RecordResult(outcome, record, (tei, *pages))
