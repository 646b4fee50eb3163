"""tei-encoder: plain-text historical records → TEI P5 editions, validation and reading views.

The pipeline, one stage a module:
    source.read_source → families.detect → family.read (→ model.Document)
    → writer.write_tei → validate → render
"""

__version__ = "0.1.0"
