"""``build``'s incremental pipeline: a manifest in the output folder, per-record work, corpus pages.

``manifest.py`` is the SQLite database ``build`` keeps in its output folder
(``.tei-encoder-build.sqlite``): per source its content hash and the files it
wrote, the tool version and settings digest, and every document's corpus
summary (render/store.py). ``record.py`` is the work done for one record
(convert, validate, render) wherever it runs; ``incremental.py`` decides what
to redo and writes the corpus pages from the stored summaries.
"""
