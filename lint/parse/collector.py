"""Collect one page's facts while a parser walks it, then freeze them into a Page.

The Markdown, HTML and text parsers read different syntax but gather the
same things: sections (with a stack of the open ones), HTTP messages,
tables, JSON examples, prose statuses, segments, code blocks, includes,
notes, tabs, comments and diagnostics. The rules for what those facts mean
live here, once, so that the two forms of one page (its Markdown source and
its published HTML) cannot drift apart:

* an annotation comment (``<!-- {"blockType": ...} -->``) binds to the next
  code block; a second one before any block orphans the first, and so does
  the end of the page: either is an ``annotation-syntax`` diagnostic. An
  annotation without ``blockType`` is page metadata, kept as a comment;
* a section opens by closing those at its level and below; the first
  level-1 heading is the page title;
* a table's role comes from its section and its English header, and every
  non-empty cell is a segment;
* the page's diagnostics are reported in position order.

Each parser subclasses :class:`PageCollector` with its walking state and its
own way of turning source positions into spans: this module knows no syntax.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from msgspec import Struct, field

from lint.model import (
    Annotation,
    CodeBlock,
    Comment,
    HttpRequest,
    HttpResponse,
    Include,
    JsonExample,
    Note,
    Page,
    PageFormat,
    ParseDiagnostic,
    ProseStatus,
    RequestOrigin,
    Section,
    Segment,
    Span,
    Tab,
    Table,
    TableRow,
)
from lint.parse.http import HttpBlock
from lint.parse.jsontext import overlong_integer, overlong_integer_message
from lint.parse.locate import version_from_path
from lint.parse.nesting import MAX_NESTING, json_too_deep
from lint.parse.sections import AnchorRegistry, section_role, table_role

__all__ = ["PageCollector", "diagnostics_in_order", "is_label_row", "make_annotation", "parse_annotation"]

#: A cell wholly in bold or italics: ``**RA Policy**``, ``_Group_``.
_EMPHASIZED = r"(?s)^(\*\*|__|\*|_)(?=\S).*\S\1$"  # compiled on first use (re's cache)

#: Turns an offset into an annotation's JSON text into the span to report there.
ErrorAt = Callable[[int], Span]


class PageCollector(Struct):
    """The facts of one page, mutable while it is walked; :meth:`to_page` freezes them."""

    path: str
    anchors: AnchorRegistry = field(default_factory=AnchorRegistry)
    sections: list[Section] = field(default_factory=list)
    section_stack: list[Section] = field(default_factory=list)
    requests: list[HttpRequest] = field(default_factory=list)
    responses: list[HttpResponse] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    json_examples: list[JsonExample] = field(default_factory=list)
    prose_statuses: list[ProseStatus] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    code_blocks: list[CodeBlock] = field(default_factory=list)
    includes: list[Include] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    tabs: list[Tab] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    diagnostics: list[ParseDiagnostic] = field(default_factory=list)
    #: The annotation waiting for the next code block.
    pending_annotation: Annotation | None = None
    title: str = ""
    title_source: str | None = None
    #: True for English pages, whose own text is the English source.
    english: bool = True

    # -- sections ----------------------------------------------------------

    @property
    def current(self) -> Section | None:
        return self.section_stack[-1] if self.section_stack else None

    @property
    def current_anchor(self) -> str | None:
        return self.section_stack[-1].anchor if self.section_stack else None

    @property
    def current_role(self) -> str | None:
        return self.section_stack[-1].role if self.section_stack else None

    def in_examples(self) -> bool:
        return any(section.role in ("examples", "example") for section in self.section_stack)

    def leave_sections(self, level: int) -> None:
        """Close the open sections a heading of ``level`` ends: its own level and deeper."""
        while self.section_stack and self.section_stack[-1].level >= level:
            self.section_stack.pop()

    def heading_role(self, level: int, base: str, english: str | None) -> str:
        """The page's first level-1 heading is its title; others are named by their English."""
        if level == 1 and not self.sections:
            return "title"
        return section_role(base, english, self.in_examples())

    def enter_section(self, section: Section) -> None:
        """Open ``section`` inside the current one; the first level-1 heading titles the page."""
        self.sections.append(section)
        self.section_stack.append(section)
        if section.level == 1 and not self.title:
            self.title = section.title
            self.title_source = section.source_title

    # -- annotations -------------------------------------------------------

    def annotation_comment(self, body: str, span: Span, error_at: ErrorAt) -> None:
        """Read an annotation comment's JSON ``body``: bind it, keep it, or report it."""
        found = parse_annotation(body, span, error_at)
        if isinstance(found, Annotation):
            self.bind_annotation(found)
        elif isinstance(found, Comment):
            self.comments.append(found)
        else:
            self.diagnostics.append(found)

    def bind_annotation(self, annotation: Annotation) -> None:
        """Hold ``annotation`` for the next code block, orphaning one already held."""
        if self.pending_annotation is not None:
            self.orphan_annotation()
        self.pending_annotation = annotation

    def take_annotation(self) -> Annotation | None:
        """The annotation a code block met here binds to (and releases), if any."""
        annotation = self.pending_annotation
        self.pending_annotation = None
        return annotation

    def orphan_annotation(self) -> None:
        """The held annotation met no code block: report it and let it go."""
        annotation = self.pending_annotation
        assert annotation is not None
        self.pending_annotation = None
        self.diagnostics.append(
            ParseDiagnostic(
                "annotation-syntax",
                f"annotation `{annotation.block_type}` is not followed by a code block",
                annotation.span,
            )
        )

    # -- blocks ------------------------------------------------------------

    def request_origin(self) -> RequestOrigin:
        """An ``http`` block under the HTTP request heading is syntax; anywhere else, an example."""
        return "syntax" if self.current_role == "http-request" else "example"

    def add_http_block(self, found: HttpBlock, block: Span, language: str = "http") -> None:
        """The messages of one HTTP code block; a block holding none is a diagnostic."""
        if found.empty:
            self.diagnostics.append(
                ParseDiagnostic(
                    "http-syntax", f"code block labelled `{language}` holds no HTTP request or response", block
                )
            )
        self.requests.extend(found.requests)
        self.responses.extend(found.responses)

    def add_table(self, rows: Sequence[TableRow], span: Span) -> None:
        """A table whose first row is its header; every non-empty cell is also a segment.

        A translated header without embedded English says nothing the
        classifier can read; the section then decides alone.
        """
        header, body = rows[0], rows[1:]
        english = [cell.source or (cell.text if self.english else "") for cell in header.cells]
        self.tables.append(
            Table(
                role=table_role(self.current_role, english),
                header=header,
                rows=tuple(row for row in body if not is_label_row(row)),
                span=span,
                section=self.current_anchor,
                labels=tuple(row for row in body if is_label_row(row)),
            )
        )
        for row in rows:
            for cell in row.cells:
                if cell.text:
                    self.segments.append(Segment(cell.text, cell.span, cell.source))

    # -- result ------------------------------------------------------------

    def page_version(self) -> str | None:
        """The API version the path names, else the one most requests name."""
        return version_from_path(self.path) or _most_common_version(self.requests)

    def to_page(
        self,
        *,
        locale: str,
        format: PageFormat,
        version: str | None,
        sections: tuple[Section, ...],
        front_matter: dict[str, Any] | None = None,
        fallback_title: str = "",
        front_matter_lines: dict[str, int] | None = None,
    ) -> Page:
        """Freeze the facts into a REST page; an annotation still held is orphaned first.

        ``fallback_title`` (front matter) stands in for a missing level-1
        heading, but is never taken as the English title.
        """
        if self.pending_annotation is not None:
            self.orphan_annotation()
        title_source = self.title_source
        if title_source is None and self.english:
            title_source = self.title or None
        return Page(
            path=self.path,
            locale=locale,
            version=version,
            kind="rest",
            format=format,
            title=self.title or fallback_title,
            title_source=title_source,
            front_matter=front_matter if front_matter is not None else {},
            sections=sections,
            requests=tuple(self.requests),
            responses=tuple(self.responses),
            tables=tuple(self.tables),
            json_examples=tuple(self.json_examples),
            prose_statuses=tuple(self.prose_statuses),
            segments=tuple(self.segments),
            code_blocks=tuple(self.code_blocks),
            includes=tuple(self.includes),
            notes=tuple(self.notes),
            tabs=tuple(self.tabs),
            diagnostics=diagnostics_in_order(self.diagnostics),
            comments=tuple(self.comments),
            front_matter_lines=front_matter_lines or {},
        )


def parse_annotation(body: str, span: Span, error_at: ErrorAt) -> Annotation | Comment | ParseDiagnostic:
    """What an annotation comment's JSON ``body`` is.

    ``span`` covers the whole comment; ``error_at`` gives the span of an
    offset into ``body``, where a JSON syntax error is reported.
    """
    deep = json_too_deep(body)
    if deep is not None:
        message = f"annotation comment is nested deeper than {MAX_NESTING} levels"
        return ParseDiagnostic("annotation-syntax", message, error_at(deep))
    try:
        data = json.loads(body)
    except json.JSONDecodeError as error:
        from lint.parse.json_errors import describe_json_error  # rare: keeps the one-file start-up lean

        message, offset = describe_json_error(body, error)
        return ParseDiagnostic(
            "annotation-syntax", f"annotation comment is not valid JSON: {message}", error_at(offset)
        )
    except ValueError:  # an integer too long to convert
        offset, digits = overlong_integer(body)
        return ParseDiagnostic(
            "annotation-syntax", f"annotation comment holds {overlong_integer_message(digits)}", error_at(offset)
        )
    if not isinstance(data, dict):
        return ParseDiagnostic("annotation-syntax", "annotation comment is not a JSON object", span)
    if "blockType" not in data:
        # Page-level metadata (``"type": "#page.annotation"``) binds to no block.
        return Comment(body, span)
    return make_annotation(data, span)


def make_annotation(data: dict[str, Any], span: Span) -> Annotation:
    """An annotation from its JSON object; values of the wrong type count as absent."""

    def text(key: str) -> str | None:
        value = data.get(key)
        return value if isinstance(value, str) else None

    return Annotation(
        block_type=text("blockType"),
        span=span,
        name=text("name"),
        odata_type=text("@odata.type"),
        truncated=data.get("truncated") is True,
        raw=data,
    )


def is_label_row(row: TableRow) -> bool:
    """A row that titles or separates a group of rows rather than naming something.

    Either every cell is empty, or only the first is filled, wholly in bold
    or italics (``|**RA Policy**|`` over the rows of that policy). A first
    cell alone in plain text may still be a parameter whose type and
    description are missing, so it stays a row.
    """
    texts = [cell.text for cell in row.cells]
    if not any(texts):
        return True
    first = row.cells[0]
    if any(texts[1:]):
        return False
    return any(re.match(_EMPHASIZED, text) for text in (first.text, first.source or "") if text)


def diagnostics_in_order(diagnostics: Iterable[ParseDiagnostic]) -> tuple[ParseDiagnostic, ...]:
    """Diagnostics by position in the page; those at one position keep the order they were found in."""
    return tuple(sorted(diagnostics, key=lambda d: (d.span.line, d.span.column)))


def _most_common_version(requests: list[HttpRequest]) -> str | None:
    versions = [request.version for request in requests if request.version]
    return max(set(versions), key=versions.count) if versions else None
