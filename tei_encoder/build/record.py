"""The work ``build`` does for one record, wherever it runs (this process or a worker).

``build_record`` converts the record into ``OUT/tei/STEM.xml`` (validated as it
is written) and its decision trace into ``OUT/trace/STEM.trace.json``, writes
its proof page (``NAME.proof.html``), renders its page, plain-text view and
downloadable TEI, and returns what the parent keeps: the outcome, the
document's corpus record (render/corpus.py), its guesses for the review pages
and the files written. It is the one function a scheduler needs to send out; the
corpus pages are written afterwards from the stored records.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tei_encoder import files, xmlsafe
from tei_encoder.config import Config
from tei_encoder.files import OutputError
from tei_encoder.dataclass_cache import generated_code
from tei_encoder.regex_cache import precompiled

# The converter's ~300 module-level patterns and the methods of its ~140 dataclasses: compiled once per
# Python, then from the cache.
with precompiled(), generated_code():
    from tei_encoder.pipeline import Outcome, _validator, convert_file
    from tei_encoder.render.corpus import DocRecord
    from tei_encoder.render.proof import RecordTrace, back_links, proof_name, write_proof
    from tei_encoder.render.renderer import TEI_FOLDER, RenderError
    from tei_encoder.render.site import _renderer, render_document_files
    from tei_encoder.trace import guesses
    from tei_encoder.writer.personography import PersonEntry, person_entries

TRACE_FOLDER = "trace"
DEFAULT_TITLE = "Digital edition"  # the proof pages' name for an edition nothing names (as build's)


@dataclass(frozen=True, slots=True)
class RecordTask:
    source: str
    name: str  # its page name
    out: str
    family: str | None
    site_title: str | None
    nav_extra: tuple[tuple[str, str], ...]
    config: Config = Config()


@dataclass(frozen=True, slots=True)
class RecordResult:
    outcome: Outcome
    record: DocRecord | None = None
    outputs: tuple[str, ...] = ()  # relative to the output folder
    render_error: str | None = None
    guesses: RecordTrace | None = None  # its uncertain decisions, for the review pages
    persons: tuple[PersonEntry, ...] = ()  # its TEI's persons, for tei/persons.xml


def start_worker(site_title: str | None, nav_extra: tuple[tuple[str, str], ...]) -> None:
    """Compile the schemas and stylesheets once per worker, before its first record."""
    _validator()
    _renderer(site_title, nav_extra)


def build_record(task: RecordTask) -> RecordResult:
    out = Path(task.out)
    files.make_folder(out / TRACE_FOLDER)  # an earlier build may have removed it, left empty
    try:
        outcome = convert_file(Path(task.source), out / TEI_FOLDER, task.family, validate=True,
                               trace_dir=out / TRACE_FOLDER, config=task.config)
    except OutputError:  # the output cannot be written (a full disk): the build stops, the command says why
        raise
    except Exception as error:  # an internal error must not stop the batch
        return RecordResult(Outcome(task.source, error=f"internal error: {error.__class__.__name__}: {error}"))
    if not outcome.ok or outcome.output is None:
        return RecordResult(outcome)
    stem = Path(outcome.output).stem
    written = (f"{TEI_FOLDER}/{stem}.xml", f"{TRACE_FOLDER}/{stem}.trace.json", proof_name(task.name))
    try:
        tree = xmlsafe.load_document(Path(outcome.output))
    except (etree.XMLSyntaxError, OSError, ValueError):
        tree = None  # its proof page still shows its lines and decisions; the render below says why
    trace = write_proof(out, task.name, Path(task.source), outcome.trace, task.site_title or DEFAULT_TITLE,
                        task.nav_extra, outcome.spans, tree.getroot() if tree is not None else None)
    review = RecordTrace(trace.stem, trace.title, tuple(guesses(trace.decisions)))
    persons: tuple[PersonEntry, ...] = ()
    try:
        tree = tree if tree is not None else xmlsafe.load_document(Path(outcome.output))
        persons = person_entries(tree)
        record, pages = render_document_files(_renderer(task.site_title, task.nav_extra), tree, outcome.output,
                                              task.name, out, proof_lines=back_links(outcome.trace),
                                              path=outcome.output)
    except (etree.XMLSyntaxError, RenderError, OSError, ValueError) as error:  # this document, not the build
        return RecordResult(outcome, outputs=written, render_error=f"{error.__class__.__name__}: {error}",
                            guesses=review, persons=persons)
    return RecordResult(outcome, record, tuple(dict.fromkeys((*written, *pages))), guesses=review, persons=persons)
