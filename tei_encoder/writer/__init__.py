"""Model → TEI. The only part of tei-encoder that knows TEI element names."""

from tei_encoder.writer.tei import TEI_NS, serialise, tei_tree, write_tei

__all__ = ["TEI_NS", "serialise", "tei_tree", "write_tei"]
