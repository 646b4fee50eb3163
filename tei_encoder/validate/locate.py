"""Where a node is: its source line and a readable XPath, computed from the tree.

Paths are generic (nothing here knows a TEI name): one step per element,
the local name, a prefix only for a namespace other than the root's, and a
position only where same-named siblings make one necessary, e.g.
``/TEI/text/body/div[2]/p[3]``.
"""

from __future__ import annotations

from lxml import etree


def _step(element: etree._Element, root_namespace: str | None) -> str:
    qname = etree.QName(element)
    name = qname.localname
    if qname.namespace != root_namespace:
        prefix = element.prefix
        if prefix:
            name = f"{prefix}:{name}"
        elif qname.namespace:
            name = f"*[local-name()='{qname.localname}']"
    parent = element.getparent()
    if parent is None:
        return name
    same = [sibling for sibling in parent.iterchildren(element.tag)]
    if len(same) > 1:
        return f"{name}[{same.index(element) + 1}]"
    return name


def xpath_of(element: etree._Element) -> str:
    """A readable, position-exact XPath of an element (comments and PIs are located by their parent)."""
    while not isinstance(element.tag, str):  # comment, PI or entity reference
        parent = element.getparent()
        if parent is None:
            return "/"
        element = parent
    root = element.getroottree().getroot()
    root_namespace = etree.QName(root).namespace
    steps = []
    node: etree._Element | None = element
    while node is not None:
        steps.append(_step(node, root_namespace))
        node = node.getparent()
    return "/" + "/".join(reversed(steps))


def element_at(tree: etree._ElementTree, path: str) -> etree._Element | None:
    """The element an XPath (as Schematron's SVRL or libxml2's error log writes it) names, if any.

    An attribute or text location gives its owner element.
    """
    try:
        found = tree.xpath(path)
    except etree.XPathError:
        return None
    if not isinstance(found, list) or not found:
        return None
    node = found[0]
    if isinstance(node, etree._Element):
        return node
    getparent = getattr(node, "getparent", None)  # attribute values and text are "smart strings"
    return getparent() if getparent is not None else None
