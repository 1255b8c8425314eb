"""XLIFF 2.1 (OASIS) documents of exchange segments, and reading them back.

Inline markup becomes codes whose original text sits in the unit's
``<originalData>`` (see :mod:`lint.exchange.inline`): code spans, images and
line breaks ``<ph>``, bold, links and inline HTML ``<pc>`` around their
translatable words. Translation tools show them as locked tags, so an
identifier or a URL cannot be translated by accident, and the import can tell
when a code was altered. lxml is imported here only, never on the ``check`` path.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from lint.errors import ToolError
from lint.exchange.inline import Node, Standalone, codes, parse_inline
from lint.exchange.segments import ExchangeSegment
from lint.fix.mark import TRANSLATE_MARK

NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"
_Q = "{" + NAMESPACE + "}"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(frozen=True)
class ReturnedSegment:
    """A segment as it comes back from a translation tool: where it goes, its English, its translation."""

    page: str
    segment_id: str
    line: int | None
    source: str
    target: str
    #: The code spans (backticks included) the returned text references, in order, from the target.
    target_codes: tuple[str, ...]
    #: Where the segment is in the returned file (``file.xlf:12``), for messages.
    origin: str = ""


class _CodeIds:
    """The ``id`` of each inline code of a unit: source codes numbered in order, target codes take the id
    of the source code with the same markup (XLIFF pairs the codes of source and target by id), others new."""

    def __init__(self, data_ids: dict[str, str]) -> None:
        self.data_ids = data_ids
        self.numbered = 0
        self.of_source: dict[tuple[str, ...], list[str]] = {}
        self.in_target: list[tuple[str, ...]] | None = None

    def next_id(self, markup: tuple[str, ...]) -> str:
        if self.in_target is not None:
            free = self.of_source.get(markup, [])
            if free:
                return free.pop(0)
        self.numbered += 1
        code_id = f"c{self.numbered}"
        if self.in_target is None:
            self.of_source.setdefault(markup, []).append(code_id)
        return code_id


def _fill(element: etree._Element, nodes: tuple[Node, ...], ids: _CodeIds) -> None:
    """``nodes`` as the content of ``element``: a standalone code a ``<ph>``, paired markup a ``<pc>``
    around its translatable content, each pointing at the ``<data>`` that holds its markup."""
    last: etree._Element | None = None
    for node in nodes:
        if isinstance(node, str):
            if last is None:
                element.text = (element.text or "") + node
            else:
                last.tail = (last.tail or "") + node
            continue
        if isinstance(node, Standalone):
            last = etree.SubElement(
                element, _Q + "ph", id=ids.next_id((node.code,)), dataRef=ids.data_ids[node.code], disp=node.code
            )
        else:
            last = etree.SubElement(
                element,
                _Q + "pc",
                id=ids.next_id((node.start, node.end)),
                dataRefStart=ids.data_ids[node.start],
                dataRefEnd=ids.data_ids[node.end],
            )
            _fill(last, node.content, ids)


def _unit(file_element: etree._Element, segment: ExchangeSegment, notes: Iterable[str]) -> None:
    unit = etree.SubElement(file_element, _Q + "unit", id=segment.segment_id)
    notes_element = etree.SubElement(unit, _Q + "notes")
    etree.SubElement(notes_element, _Q + "note", category="location").text = f"{segment.page}:{segment.line}"
    for note in notes:
        etree.SubElement(notes_element, _Q + "note", category="finding").text = note
    source, target = parse_inline(segment.source), parse_inline(segment.target)
    markup = list(dict.fromkeys(codes(source) + codes(target)))
    data_ids = {code: f"d{number}" for number, code in enumerate(markup, start=1)}
    if markup:
        original = etree.SubElement(unit, _Q + "originalData")
        for code, data_id in data_ids.items():
            etree.SubElement(original, _Q + "data", id=data_id).text = code
    # A translation tool filters its work by state: text --fix copied from English (behind the mark)
    # is "initial", still to translate; the rest is the page's translation as it stands.
    state = "initial" if TRANSLATE_MARK in segment.target else "translated"
    segment_element = etree.SubElement(unit, _Q + "segment", state=state)
    ids = _CodeIds(data_ids)
    _fill(etree.SubElement(segment_element, _Q + "source"), source, ids)
    ids.in_target = []
    _fill(etree.SubElement(segment_element, _Q + "target"), target, ids)


def write_xliff(
    segments: Iterable[ExchangeSegment], locale: str, findings: dict[tuple[str, str], list[str]] | None = None
) -> bytes:
    """An XLIFF 2.1 document: one ``<file>`` per page, one ``<unit>`` per segment."""
    findings = findings or {}
    root = etree.Element(_Q + "xliff", nsmap={None: NAMESPACE}, version="2.1", srcLang="en-US", trgLang=locale)
    files: dict[str, etree._Element] = {}
    for segment in segments:
        file_element = files.get(segment.page)
        if file_element is None:
            file_element = etree.SubElement(root, _Q + "file", id=f"f{len(files) + 1}", original=segment.page)
            # Spaces are text in a page: a tool must not collapse or trim them (XLIFF's default allows it).
            file_element.set(_XML_SPACE, "preserve")
            files[segment.page] = file_element
        try:
            _unit(file_element, segment, findings.get((segment.page, segment.segment_id), ()))
        except ValueError as error:  # lxml refuses control characters XML 1.0 cannot carry
            raise ToolError(
                f"{segment.page}:{segment.line}: segment {segment.segment_id} cannot be written as XML: {error}"
            ) from error
    _indent(root, 0)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8")) + b"\n"


#: Elements whose content is text (or inline codes): never indented, every space in them is the page's.
_TEXT_ELEMENTS = frozenset(_Q + name for name in ("source", "target", "note", "data"))


def _indent(element: etree._Element, level: int) -> None:
    """Indent the structure for a human reader, as lxml's ``pretty_print`` would, but never inside text.

    ``pretty_print`` also indents a ``<source>`` that starts with a code
    (it has no text before its first child), adding spaces and a line break
    to the segment, so an unchanged import would no longer match the page.
    """
    children = list(element)
    if element.tag in _TEXT_ELEMENTS or not children:
        return
    element.text = "\n" + "  " * (level + 1)
    for child in children:
        _indent(child, level + 1)
        child.tail = "\n" + "  " * (level + 1)
    children[-1].tail = "\n" + "  " * level


def _text_of(element: etree._Element, data: dict[str, str], where: str) -> tuple[str, tuple[str, ...]]:
    """The plain text of a ``<source>``/``<target>`` (or a ``<pc>``), codes restored, and the codes it references."""
    parts = [element.text or ""]
    found: list[str] = []
    for child in element:
        if child.tag is etree.Comment or child.tag is etree.ProcessingInstruction:
            parts.append(child.tail or "")  # a tool's comment is no text of the page
            continue
        if not isinstance(child.tag, str):
            raise ToolError(f"{where}: unsupported XML content {str(child)[:40]!r}")
        name = etree.QName(child).localname
        if name == "ph":
            markup = _data(child, "dataRef", data, where)
            found.append(markup)
            parts.append(markup)
        elif name == "pc":
            start, end = _data(child, "dataRefStart", data, where), _data(child, "dataRefEnd", data, where)
            inner, inner_codes = _text_of(child, data, where)
            found.extend((start, *inner_codes, end))
            parts.extend((start, inner, end))
        else:
            raise ToolError(f"{where}: unsupported inline element <{name}>")
        parts.append(child.tail or "")
    return "".join(parts), tuple(found)


def _data(code: etree._Element, attribute: str, data: dict[str, str], where: str) -> str:
    """The original markup a code's ``attribute`` refers to; a code referring to none is refused."""
    reference = code.get(attribute)
    if reference not in data:
        raise ToolError(f"{where}: protected code {code.get('id')} refers to no <data> ({attribute}={reference})")
    return data[reference]


def read_xliff(path: str, content: bytes) -> list[ReturnedSegment]:
    """The segments of an XLIFF 2.x document; a malformed one raises :class:`ToolError` naming the place.

    The parser reads no DTD, resolves no entity and opens no file or URL; a
    document with a DOCTYPE is refused outright (XLIFF 2 has none, and
    entities are how XXE and "billion laughs" attacks come in). lxml's own
    limits (nesting depth 256, 10 MB per text node) stay on. A unit without
    a ``<target>``, or with an empty one, is untranslated: it is skipped, not
    written as an empty translation. Each unit of a page may come once.
    """
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )
    if b"<!DOCTYPE" in content.partition(b"<xliff")[0].upper():  # before parsing: no entity is ever expanded
        raise ToolError(f"{path}:1: a DOCTYPE in an XLIFF file is refused (XLIFF 2 has no DTD; entities are not read)")
    try:
        root = etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError as error:
        raise ToolError(f"{path}:{error.lineno}: not well-formed XML: {error.msg}") from error
    if root.getroottree().docinfo.doctype:
        raise ToolError(f"{path}:1: a DOCTYPE in an XLIFF file is refused (XLIFF 2 has no DTD; entities are not read)")
    if root.tag != _Q + "xliff":
        raise ToolError(f"{path}:{root.sourceline}: not an XLIFF 2 document (root <{root.tag}>)")
    version = root.get("version") or ""
    if not version.startswith("2."):
        raise ToolError(f"{path}:{root.sourceline}: XLIFF version {version or '(none)'!r}; doclint reads XLIFF 2.x")
    returned = []
    seen: dict[tuple[str, str], int] = {}
    for file_element in root.iter(_Q + "file"):
        page = file_element.get("original")
        if not page:
            raise ToolError(f"{path}:{file_element.sourceline}: <file> without an original page")
        for unit in file_element.iter(_Q + "unit"):
            unit_id = unit.get("id") or ""
            where = f"{path}:{unit.sourceline}: segment {unit_id} of {page}"
            if (page, unit_id) in seen:
                raise ToolError(f"{where}: the unit comes twice (also at line {seen[page, unit_id]})")
            seen[page, unit_id] = unit.sourceline
            data = {item.get("id"): item.text or "" for item in unit.iter(_Q + "data")}
            source = unit.find(f"{_Q}segment/{_Q}source")
            target = unit.find(f"{_Q}segment/{_Q}target")
            if source is None:
                raise ToolError(f"{where}: a segment needs a <source>")
            if target is None:
                continue  # untranslated: the page keeps what it has
            source_text, _ = _text_of(source, data, where)
            target_text, codes = _text_of(target, data, where)
            if not target_text:
                continue
            returned.append(
                ReturnedSegment(
                    page, unit_id, None, source_text, target_text, codes, origin=f"{path}:{unit.sourceline}"
                )
            )
    return returned
