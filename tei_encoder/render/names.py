"""File names for the pages of a site: one per document, unique, never clashing with site pages."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

SITE_PAGES = frozenset({"index", "persons", "assets"})


def page_names(stems: Iterable[str], reserved: Iterable[str] = ()) -> list[str]:
    """One page name per input stem, in input order.

    A stem that would overwrite a site page (``index``, ``persons``, an extra
    page) gets ``-doc``; a repeated stem gets ``-2``, ``-3`` … in input order, so
    the same inputs always give the same names.
    """
    taken = {name.casefold() for name in SITE_PAGES} | {name.casefold() for name in reserved}
    used: set[str] = set()
    names = []
    for stem in stems:
        base = stem or "document"
        if base.casefold() in taken:
            base = f"{base}-doc"
        name, n = base, 1
        while name.casefold() in used or name.casefold() in taken:
            n += 1
            name = f"{base}-{n}"
        used.add(name.casefold())
        names.append(name)
    return names


def href(name: str, suffix: str = ".html", fragment: str | None = None) -> str:
    """A relative URL for a page name (escaped: stems may hold spaces or #)."""
    url = quote(name + suffix)
    return f"{url}#{fragment}" if fragment else url


def person_href(ident: str, page: int = 1) -> str:
    """A person's page, from the site's top folder: persons/ID.html, then persons/ID/2.html …"""
    return href(f"persons/{ident}") if page == 1 else href(f"persons/{ident}/{page}")
