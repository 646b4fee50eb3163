"""Reading views: TEI → HTML pages, a plain-text view, and a static site.

The public API ``build`` and ``render`` use::

    renderer = Renderer()
    html = renderer.render_document(tree, "000_cable")   # one page
    text = renderer.render_text(tree)                    # plain-text view
    result = render_site(paths, out_dir, extra_pages=[ExtraPage(...)], statuses={...}, jobs=2)

Stylesheets live in ``xslt/`` (one per concern, imported by ``document.xsl``)
and are compiled once per process.
"""

from tei_encoder.render.renderer import Renderer, RenderError
from tei_encoder.render.corpus import DocRecord, DocumentStatus, DocumentSummary, fold
from tei_encoder.render.site import ExtraPage, SiteResult, copy_assets, render_document_files, render_site

__all__ = [
    "DocRecord",
    "DocumentStatus",
    "DocumentSummary",
    "ExtraPage",
    "RenderError",
    "Renderer",
    "SiteResult",
    "copy_assets",
    "fold",
    "render_document_files",
    "render_site",
]
