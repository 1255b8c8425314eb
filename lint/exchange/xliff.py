"""XLIFF 2.1 (OASIS) documents of exchange segments, and reading them back.

Inline code spans become ``<ph>`` codes whose original text sits in the
unit's ``<originalData>``: translation tools show them as locked tags, so an
identifier cannot be translated by accident, and the import can tell when a
code was altered. lxml is imported here only, never on the ``check`` path.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from lint.errors import ToolError
from lint.exchange.segments import CODE_SPAN, ExchangeSegment

NAMESPACE = "urn:oasis:names:tc:xliff:document:2.0"
_Q = "{" + NAMESPACE + "}"


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


def _fill(element: etree._Element, text: str, data_ids: dict[str, str]) -> None:
    """``text`` as the content of ``element``, each code span a ``<ph>`` pointing at its ``<data>``."""
    position = 0
    last: etree._Element | None = None
    for number, match in enumerate(CODE_SPAN.finditer(text), start=1):
        before = text[position : match.start()]
        if last is None:
            element.text = before
        else:
            last.tail = before
        last = etree.SubElement(
            element, _Q + "ph", id=f"c{number}", dataRef=data_ids[match.group()], disp=match.group()
        )
        position = match.end()
    rest = text[position:]
    if last is None:
        element.text = rest
    else:
        last.tail = rest


def _unit(file_element: etree._Element, segment: ExchangeSegment, notes: Iterable[str]) -> None:
    unit = etree.SubElement(file_element, _Q + "unit", id=segment.segment_id)
    notes_element = etree.SubElement(unit, _Q + "notes")
    etree.SubElement(notes_element, _Q + "note", category="location").text = f"{segment.page}:{segment.line}"
    for note in notes:
        etree.SubElement(notes_element, _Q + "note", category="finding").text = note
    codes = list(dict.fromkeys(CODE_SPAN.findall(segment.source) + CODE_SPAN.findall(segment.target)))
    data_ids = {code: f"d{number}" for number, code in enumerate(codes, start=1)}
    if codes:
        original = etree.SubElement(unit, _Q + "originalData")
        for code, data_id in data_ids.items():
            etree.SubElement(original, _Q + "data", id=data_id).text = code
    segment_element = etree.SubElement(unit, _Q + "segment")
    _fill(etree.SubElement(segment_element, _Q + "source"), segment.source, data_ids)
    _fill(etree.SubElement(segment_element, _Q + "target"), segment.target, data_ids)


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
            files[segment.page] = file_element
        try:
            _unit(file_element, segment, findings.get((segment.page, segment.segment_id), ()))
        except ValueError as error:  # lxml refuses control characters XML 1.0 cannot carry
            raise ToolError(
                f"{segment.page}:{segment.line}: segment {segment.segment_id} cannot be written as XML: {error}"
            ) from error
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def _text_of(element: etree._Element, data: dict[str, str], where: str) -> tuple[str, tuple[str, ...]]:
    """The plain text of a ``<source>``/``<target>``, codes restored, and the codes it references."""
    parts = [element.text or ""]
    codes = []
    for child in element:
        if child.tag != _Q + "ph":
            raise ToolError(f"{where}: unsupported inline element <{etree.QName(child).localname}>")
        reference = child.get("dataRef")
        if reference not in data:
            raise ToolError(f"{where}: protected code {child.get('id')} refers to no <data> ({reference})")
        codes.append(data[reference])
        parts.append(data[reference])
        parts.append(child.tail or "")
    return "".join(parts), tuple(codes)


def read_xliff(path: str, content: bytes) -> list[ReturnedSegment]:
    """The segments of an XLIFF 2.x document; a malformed one raises :class:`ToolError` naming the place."""
    try:
        root = etree.fromstring(content, parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        raise ToolError(f"{path}:{error.lineno}: not well-formed XML: {error.msg}") from error
    if root.tag != _Q + "xliff":
        raise ToolError(f"{path}: not an XLIFF 2 document (root <{root.tag}>)")
    returned = []
    for file_element in root.iter(_Q + "file"):
        page = file_element.get("original")
        if not page:
            raise ToolError(f"{path}:{file_element.sourceline}: <file> without an original page")
        for unit in file_element.iter(_Q + "unit"):
            where = f"{path}:{unit.sourceline}: segment {unit.get('id')} of {page}"
            data = {item.get("id"): item.text or "" for item in unit.iter(_Q + "data")}
            source = unit.find(f"{_Q}segment/{_Q}source")
            target = unit.find(f"{_Q}segment/{_Q}target")
            if source is None or target is None:
                raise ToolError(f"{where}: a segment needs a <source> and a <target>")
            source_text, _ = _text_of(source, data, where)
            target_text, codes = _text_of(target, data, where)
            returned.append(ReturnedSegment(page, unit.get("id") or "", None, source_text, target_text, codes))
    return returned
