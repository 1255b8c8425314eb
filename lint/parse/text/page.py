"""Parse plain-text renderings of Microsoft Graph API reference pages.

A text rendering is what a reader gets by copying a rendered page out of a
browser: no Markdown, every table cell on a line of its own, code blocks as
bare lines, and the SDK snippets of every tab (C#, Go, Java, PHP, Python,
JavaScript, PowerShell) run together with nothing between them. Headings that
the renderer kept are ordinary short lines, in the page's language.

Parsing is two passes, so that each decision is small and testable:

1. a line classifier (:mod:`lint.parse.text.lines`) looks at one line alone
   and says what it could be (blank, HTTP request or status line, heading,
   table-header word, code of some language, comment, JSON start,
   code-shaped fragment, or prose);
2. the grouping pass here walks the classified lines with a little
   look-ahead and builds the model: HTTP messages and JSON texts
   (:mod:`lint.parse.text.http`), flattened tables
   (:mod:`lint.parse.text.tables`), runs of SDK code split into one snippet
   per language (:mod:`lint.parse.text.code`), sections, and prose segments.

Language names are recognized in English, Spanish, Chinese, Russian, German,
French, Japanese and Portuguese (:mod:`lint.parse.text.vocabulary`). Nothing here
raises on bad input: problems become :class:`~lint.model.ParseDiagnostic`
entries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lint.model import (
    Cell,
    CodeBlock,
    Page,
    ParseDiagnostic,
    ProseStatus,
    RequestOrigin,
    Section,
    Segment,
    Span,
    Table,
    TableRow,
)
from lint.parse.collector import PageCollector
from lint.parse.locate import page_locale, version_from_path
from lint.parse.prose import find_statuses
from lint.parse.section_regions import close_sections
from lint.parse.sections import section_role
from lint.parse.text.code import code_end, split_snippets, starts_code
from lint.parse.text.code_language import identify_language, score_line
from lint.parse.text.http import (
    is_syntax_request,
    json_end,
    message_end,
    parse_json_lines,
    parse_message,
    syntax_end,
)
from lint.parse.text.lines import Line, classify_line, classify_lines, span_of
from lint.parse.text.tables import header_kinds, row_groups, text_table_role
from lint.parse.text.vocabulary import HeadingWord

#: ``classify_line``, ``identify_language`` and ``score_line`` live in the
#: modules named above and stay importable from here, the parser's entry.
__all__ = ["classify_line", "identify_language", "parse", "score_line"]

_PUNCTUATION_ONLY = re.compile(r"^[\W_]+$")


def parse(text: str, path: str) -> Page:
    """Parse a plain-text rendering of a Graph REST API page.

    Never raises: input that is not text, and any failure of the parser
    itself, give a page with an ``unsupported-format`` diagnostic.
    """
    locale = page_locale(path, {})
    version = version_from_path(path)
    try:
        return _parse(text, path, locale, version)
    except Exception as error:  # the contract is a page, whatever the input
        return _unsupported(path, locale, version, f"text parser failed: {error!r}")


def _parse(text: str, path: str, locale: str, version: str | None) -> Page:
    """Classify the lines, group them, and assemble the page."""
    if not isinstance(text, str) or _looks_binary(text):
        return _unsupported(path, locale, version, "not a text rendering (binary data)")
    grouper = _Grouper(path=path, lines=classify_lines(text), english=locale.casefold().startswith("en"))
    grouper.run()
    if version is None:
        version = next((request.version for request in grouper.requests if request.version), None)
    return grouper.to_page(
        locale=locale,
        format="text",
        version=version,
        sections=close_sections(grouper.sections, grouper.lines[-1].number if grouper.lines else 0),
    )


def _unsupported(path: str, locale: str, version: str | None, message: str) -> Page:
    """An empty page whose one diagnostic says why the input was not parsed."""
    diagnostic = ParseDiagnostic("unsupported-format", message, Span(path, 1, 1, 1))
    return Page(path=path, locale=locale, version=version, kind="rest", format="text", diagnostics=(diagnostic,))


def _looks_binary(text: str) -> bool:
    """NUL bytes or many control characters: not a text rendering at all."""
    if "\x00" in text:
        return True
    controls = sum(1 for char in text if char < " " and char not in "\t\n\r\f\v")
    return controls > max(8, len(text) // 10)


class _Grouper(PageCollector, kw_only=True):
    """Walks classified lines once and collects the page's elements.

    Sections are collected open (``end_line`` 0) and closed by the caller
    once every heading is known.
    """

    lines: list[Line]

    # -- driver ------------------------------------------------------------

    def run(self) -> None:
        """Dispatch on each line's kind; every branch consumes what it owns."""
        index = 0
        while index < len(self.lines):
            line = self.lines[index]
            kind = line.kind
            if kind == "blank":
                index += 1
            elif kind in ("request", "status"):
                index = self.http(index)
            elif kind == "heading":
                self.heading(line)
                index += 1
            elif kind == "table-word" and (after := self.table(index)) is not None:
                index = after
            elif starts_code(self.lines, index):
                index = self.code(index)
            elif kind == "json-start":
                index = self.json(index)
            else:
                self.prose(line)
                index += 1

    # -- context -----------------------------------------------------------

    def span(self, first: Line, last: Line | None = None) -> Span:
        return span_of(self.path, first, last)

    def open_examples(self) -> Section | None:
        """The innermost open Examples/Example section, if any."""
        for open_section in reversed(self.section_stack):
            if open_section.role in ("example", "examples"):
                return open_section
        return None

    # -- headings ----------------------------------------------------------

    def heading_level(self, word: HeadingWord) -> int:
        """Levels as Graph pages use them: sections 2, examples 3, parts 4.

        A Response heading inside an example is the example's response, one
        level below it; elsewhere it is the page's Response section.
        """
        examples = self.open_examples()
        if word.is_example:
            outer = next((s for s in reversed(self.section_stack) if s.role == "examples"), None)
            return outer.level + 1 if outer else 2
        if word.anchor in ("request", "response") and examples is not None:
            return examples.level + 1
        if word.anchor == "request":
            return 3
        return 2

    def heading(self, line: Line) -> None:
        """Open a section; its role comes from the shared English-anchor rules."""
        word = line.heading
        if word is None:
            return
        level = self.heading_level(word)
        self.leave_sections(level)
        open_section = Section(
            level=level,
            title=line.text,
            anchor=self.anchors.unique(word.anchor),
            role=section_role(word.anchor, word.english, self.in_examples()),
            span=self.span(line),
            source_title=line.text if self.english else word.english,
            parent=self.current_anchor,
        )
        # Levels are 2 and deeper here (``heading_level``): no heading titles the page.
        self.enter_section(open_section)
        self.segments.append(Segment(line.text, self.span(line)))

    # -- prose -------------------------------------------------------------

    def prose(self, line: Line) -> None:
        """One segment per prose line; statuses only in the Response section."""
        if _PUNCTUATION_ONLY.match(line.text):
            return
        self.segments.append(Segment(line.text, self.span(line)))
        section = self.current
        if section is None or section.role != "response":
            return
        for status, reason, start, end in find_statuses(line.raw):
            self.prose_statuses.append(
                ProseStatus(
                    status=status,
                    reason=reason,
                    text=line.raw[start:end],
                    span=Span(self.path, line.number, start + 1, line.number),
                    section=section.anchor,
                )
            )

    # -- HTTP messages and JSON --------------------------------------------

    def http(self, start: int) -> int:
        """An HTTP request or status line, its header lines, and a JSON body.

        A syntax block is the request lines that follow one another.
        """
        origin: RequestOrigin = "example"
        if self.lines[start].kind == "request" and is_syntax_request(self.lines[start], self.current_role):
            origin, end = "syntax", syntax_end(self.lines, start)
        else:
            end = message_end(self.lines, start)
        parsed = parse_message(self.lines, start, end, path=self.path, origin=origin, section=self.current_anchor)
        self.requests.extend(parsed.requests)
        self.responses.extend(parsed.responses)
        return end + 1

    def json(self, start: int) -> int:
        """A JSON text standing on its own (an example that is not a message)."""
        end = json_end(self.lines, start)
        self.json_examples.append(parse_json_lines(self.lines[start : end + 1], self.path))
        return end + 1

    # -- tables ------------------------------------------------------------

    def table(self, start: int) -> int | None:
        """A flattened table: header cells, then rows of as many cells.

        A table with a header but no row is not a table.
        """
        kinds = header_kinds(self.lines, start)
        if not kinds:
            return None
        groups = row_groups(self.lines, start, kinds)
        if not groups:
            return None
        width = len(kinds)
        header = self.row(self.lines[start : start + width])
        rows = [self.row(group) for group in groups]
        self.tables.append(
            Table(
                role=text_table_role(self.lines, start, kinds, self.current_role),
                header=header,
                rows=tuple(rows),
                span=Span(self.path, header.span.line, header.span.column, rows[-1].span.end_line),
                section=self.current_anchor,
            )
        )
        return start + width * (len(groups) + 1)

    def row(self, lines: Sequence[Line]) -> TableRow:
        """A row of cells, each on its own line; cells are visible text too."""
        cells = tuple(Cell(line.text, self.span(line)) for line in lines)
        self.segments.extend(Segment(cell.text, cell.span) for cell in cells)
        return TableRow(cells, self.span(lines[0], lines[-1]))

    # -- code --------------------------------------------------------------

    def code(self, start: int) -> int:
        """A run of code lines, kept as one unfenced block per snippet."""
        end = code_end(self.lines, start)
        for snippet in split_snippets(self.lines[start:end]):
            self.code_blocks.append(
                CodeBlock(
                    language=identify_language(line.text for line in snippet),
                    text="\n".join(line.raw for line in snippet),
                    span=self.span(snippet[0], snippet[-1]),
                    fenced=False,
                    section=self.current_anchor,
                )
            )
        return end
