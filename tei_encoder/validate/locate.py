"""Where a node is: its source line and a readable XPath, computed from the tree.

Paths are generic (nothing here knows a TEI name): one step per element,
the local name, a prefix only for a namespace other than the root's, and a
position only where same-named siblings make one necessary, e.g.
``/TEI/text/body/div[2]/p[3]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

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


# ---------------------------------------------------------------- linear locating of many findings (issue 8 §4)
# A document with thousands of findings under one parent (4,000 duplicate "*" footnote marks in one div) was
# located in quadratic time: the compiled Schematron counted preceding siblings to write each finding's SVRL
# path, libxml2 walked them again to resolve it, and xpath_of listed them a third time. A Locator counts the
# children of a parent once and answers all three from that count.

_SVRL_STEP = re.compile(r"/\*\[local-name\(\)='([^']*)' and namespace-uri\(\)='([^']*)'\](?:\[(\d+)\])?"
                        r"|/([A-Za-z_][\w.\-]*)(?:\[(\d+)\])?")


class _Children:
    """One parent's element children grouped the three ways a path counts them."""

    def __init__(self, parent: etree._Element) -> None:
        self.by_tag: dict[str, list[etree._Element]] = {}  # namespace and local name: XPath name tests
        self.by_local: dict[str, list[etree._Element]] = {}  # the skeleton's count for a namespaced element
        self.by_name: dict[str, list[etree._Element]] = {}  # the skeleton's count (name()) for one without
        self.position: dict[etree._Element, tuple[int, int, int]] = {}
        for child in parent.iterchildren(etree.Element):
            qname = etree.QName(child)
            same_tag = self.by_tag.setdefault(child.tag, [])
            same_local = self.by_local.setdefault(qname.localname, [])
            same_name = self.by_name.setdefault(_name(child, qname), [])
            self.position[child] = (len(same_tag), len(same_local), len(same_name))
            same_tag.append(child)
            same_local.append(child)
            same_name.append(child)


def _name(element: etree._Element, qname: etree.QName) -> str:
    """XPath's name(): the prefix as written, then the local name."""
    return f"{element.prefix}:{qname.localname}" if element.prefix else qname.localname


class Locator:
    """Paths of, and elements at, the findings of one tree, in time linear in the tree however many there are.

    Its answers equal those of ``xpath_of``, ``element_at`` and the ISO Schematron
    skeleton's ``schematron-get-full-path`` mode; the tree must not change while it is used.
    """

    def __init__(self, tree: etree._ElementTree) -> None:
        self.tree = tree
        self._children: dict[etree._Element, _Children] = {}
        self._svrl_paths: dict[str, etree._Element] = {}

    def _of(self, parent: etree._Element) -> _Children:
        children = self._children.get(parent)
        if children is None:
            children = self._children[parent] = _Children(parent)
        return children

    def xpath_of(self, element: etree._Element) -> str:
        """``xpath_of(element)``."""
        while not isinstance(element.tag, str):
            parent = element.getparent()
            if parent is None:
                return "/"
            element = parent
        root_namespace = etree.QName(self.tree.getroot()).namespace
        steps = []
        node: etree._Element | None = element
        while node is not None:
            parent = node.getparent()
            name = _step(node, root_namespace) if parent is None else self._step(node, parent, root_namespace)
            steps.append(name)
            node = parent
        return "/" + "/".join(reversed(steps))

    def _step(self, element: etree._Element, parent: etree._Element, root_namespace: str | None) -> str:
        qname = etree.QName(element)
        name = qname.localname
        if qname.namespace != root_namespace:
            if element.prefix:
                name = f"{element.prefix}:{name}"
            elif qname.namespace:
                name = f"*[local-name()='{qname.localname}']"
        children = self._of(parent)
        if len(children.by_tag[element.tag]) > 1:
            return f"{name}[{children.position[element][0] + 1}]"
        return name

    def svrl_path(self, element: etree._Element) -> str:
        """The path the skeleton writes into SVRL's @location; the element is remembered for ``element_at``."""
        steps = []
        node: etree._Element | None = element
        while node is not None:
            parent = node.getparent()
            qname = etree.QName(node)
            if qname.namespace:
                step = f"*[local-name()='{qname.localname}' and namespace-uri()='{qname.namespace}']"
                group, index = "by_local", 1
            else:
                step, group, index = _name(node, qname), "by_name", 2
            if parent is not None:
                children = self._of(parent)
                position = children.position[node][index]
                key = qname.localname if index == 1 else _name(node, qname)
                if position > 0 or len(getattr(children, group)[key]) > position + 1:
                    step += f"[{position + 1}]"
            steps.append(step)
            node = parent
        path = "/" + "/".join(reversed(steps))
        self._svrl_paths[path] = element
        return path

    def element_at(self, path: str) -> etree._Element | None:
        """``element_at(tree, path)``: a path written by ``svrl_path`` or of its form is resolved from the counts."""
        found = self._svrl_paths.get(path)
        if found is None:
            found = self._resolve(path)
        return found if found is not None else element_at(self.tree, path)

    def _resolve(self, path: str) -> etree._Element | None:
        node: etree._Element | None = None
        at = 0
        while at < len(path):
            step = _SVRL_STEP.match(path, at)
            if step is None:
                return None
            local, namespace, position, plain, plain_position = step.groups()
            tag = f"{{{namespace}}}{local}" if local is not None and namespace else (local or plain)
            index = int(position or plain_position or 1) - 1
            if node is None:
                root = self.tree.getroot()
                node = root if root.tag == tag and index == 0 else None
            else:
                same = self._of(node).by_tag.get(tag, [])
                node = same[index] if index < len(same) else None
            if node is None:
                return None
            at = step.end()
        return node


# The compiled Schematron asks the Locator for each finding's SVRL path (see checkers.streamline) through
# this XSLT extension function; ``locating`` names the locator of the tree being checked.
LOCATE_NS = "urn:x-tei-encoder:locate"
_ACTIVE: ContextVar[Locator | None] = ContextVar("tei_encoder_locator", default=None)


def _svrl_path_function(_context: object, nodes: list[etree._Element]) -> str:
    element = nodes[0]
    locator = _ACTIVE.get()
    if locator is None or locator.tree.getroot() is not element.getroottree().getroot():
        locator = Locator(element.getroottree())  # not a tree being located: correct, counted afresh
    return locator.svrl_path(element)


EXTENSIONS = {(LOCATE_NS, "svrl-path"): _svrl_path_function}


@contextmanager
def locating(locator: Locator) -> Iterator[Locator]:
    """Within this block the compiled Schematron's paths are counted by ``locator``."""
    token = _ACTIVE.set(locator)
    try:
        yield locator
    finally:
        _ACTIVE.reset(token)
