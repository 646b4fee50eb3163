"""The one hardened XML parser factory every parse in tei-encoder goes through.

Refuses what hostile XML uses: DTD loading, external entities, entity
expansion, network access, and documents larger than MAX_BYTES. A resolver
that answers every request for an external resource with nothing stands
behind the flags, so that no file or URL named by a document is ever read.
"""

from __future__ import annotations

from lxml import etree

MAX_BYTES = 50 * 1024 * 1024


class RefusingResolver(etree.Resolver):
    """Answers external-resource requests with an empty document and records the URL.

    With ``allow_local_files`` (for schemas and stylesheets the user named,
    whose imports and includes are local files) only non-file URLs are refused.
    """

    def __init__(self, *, allow_local_files: bool = False) -> None:
        super().__init__()
        self.allow_local_files = allow_local_files
        self.refused: list[str] = []

    def resolve(self, system_url, public_id, context):  # type: ignore[no-untyped-def]
        url = str(system_url or public_id or "")
        if self.allow_local_files and ("://" not in url or url.startswith("file:")):
            return None  # libxml2 reads the local file; no_network stays in force
        self.refused.append(url)
        return self.resolve_string("", context)


def safe_parser(*, remove_blank_text: bool = False, recover: bool = False,
                allow_local_files: bool = False) -> etree.XMLParser:
    """A fresh parser for one document.

    ``recover=True`` only to keep validating after a recoverable error (a
    duplicate xml:id); ``allow_local_files=True`` only for schemas and
    stylesheets (never for documents being checked), whose local imports must load.
    """
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=remove_blank_text,
        recover=recover,
    )
    parser.resolvers.add(RefusingResolver(allow_local_files=allow_local_files))
    return parser


def parse_bytes(data: bytes, *, base_url: str | None = None) -> etree._ElementTree:
    if len(data) > MAX_BYTES:
        raise ValueError(f"document is larger than {MAX_BYTES // (1024 * 1024)} MB")
    root = etree.fromstring(data, safe_parser(), base_url=base_url)
    return root.getroottree()
