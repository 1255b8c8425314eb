"""Graph / DocFX Markdown pages into the document model, via markdown-it-py.

Only markdown-it-py's block structure is used (the ``inline`` core rule is
off): every fact doclint needs lives in headings, fences, tables, HTML
comments and paragraph text, and skipping inline parsing halves the parse
time on the benchmark corpus.

Token maps are 0-based and end-exclusive; they are converted to 1-based
spans here, once, and nowhere else. What the facts mean (annotation binding,
section roles, table roles, the page itself) is shared with the HTML parser
through :mod:`lint.parse.collector`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from lint.lazy_pattern import lazy_compile
from lint.model import (
    Cell,
    CodeBlock,
    Comment,
    Include,
    Note,
    Page,
    ParseDiagnostic,
    ProseStatus,
    Section,
    Segment,
    Span,
    Tab,
    TableRow,
)
from lint.parse.callouts import callout_kind, callout_marker
from lint.parse.collector import PageCollector
from lint.parse.fences import find_unclosed
from lint.parse.frontmatter import split_front_matter
from lint.parse.http import HTTP_LANGUAGES, parse_http_block
from lint.parse.jsontext import parse_json
from lint.parse.locate import page_locale
from lint.parse.markdown.bilingual import despan, split_anchor
from lint.parse.markdown.tables import blank_leading_comment, read_table
from lint.parse.prose import find_statuses
from lint.parse.section_regions import close_sections
from lint.parse.sections import slugify

_ANNOTATION = re.compile(r"^\s*<!--\s*(?P<body>\{.*\})\s*-->\s*$", re.DOTALL)
_COMMENT = re.compile(r"^\s*<!--(?P<body>.*?)-->\s*$", re.DOTALL)
_CODE_TOKENS = ("fence", "code_block")
_INLINE_DIRECTIVE = lazy_compile(r"<!--(?P<body>\s*doclint-[^>]*?)-->")
#: Name and target are bounded (real ones are far shorter), so a line of openers
#: without a closing bracket is not rescanned to its end from each opener.
_INCLUDE = re.compile(r"\[!INCLUDE\s*+\[(?P<name>[^\]]{0,500})\]\((?P<target>[^)]{0,500})\)\s*\]", re.IGNORECASE)
_TAB = re.compile(r"^\[(?P<label>[^\]]*)\]\(#tab/(?P<id>[^)\s]+)\)\s*$")
_JSON_LANGUAGES = {"json", "jsonc"}


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """The block parser pages are read with (tables, HTML, no inline rules); one per process: it costs a page."""
    return MarkdownIt("commonmark", {"html": True}).enable("table").disable("inline")


class _Builder(PageCollector, kw_only=True):
    """Walking state for one page's tokens, over the facts the collector gathers."""

    lines: list[str]
    tab_group: int = 0
    in_tabs: bool = False

    # -- positions -------------------------------------------------------

    def span(self, line: int, column: int = 1, end_line: int | None = None) -> Span:
        return Span(self.path, line, column, end_line if end_line is not None else line)

    def column_of(self, line: int, fragment: str, start: int = 0) -> int:
        """1-based column of ``fragment`` in file line ``line`` (1 if not found)."""
        if not fragment or not 1 <= line <= len(self.lines):
            return 1
        found = self.lines[line - 1].find(fragment, start)
        return found + 1 if found >= 0 else 1

    def first_text_column(self, line: int) -> int:
        if not 1 <= line <= len(self.lines):
            return 1
        text = self.lines[line - 1]
        stripped = text.lstrip(" \t>")
        return len(text) - len(stripped) + 1

    def offset_span(self, content: str, offset: int, line: int) -> Span:
        """Span of ``offset`` into a block's ``content``, whose first line is ``line``."""
        prefix = content[:offset]
        return self.span(line + prefix.count("\n"), len(prefix) - (prefix.rfind("\n") + 1) + 1)


def parse(text: str, path: str) -> Page:
    """Parse one Graph Markdown page. Never raises on bad content."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    front = split_front_matter(lines, path)
    body_lines = [""] * front.line_count + lines[front.line_count :]
    locale = page_locale(path, front.data)
    builder = _Builder(path=path, lines=lines, english=locale.startswith("en"))
    if front.diagnostic:
        builder.diagnostics.append(front.diagnostic)
    tokens = markdown_parser().parse("\n".join(body_lines))
    _walk(builder, tokens)
    _inline_directives(builder, tokens)
    return builder.to_page(
        locale=locale,
        format="markdown",
        version=builder.page_version(),
        sections=close_sections(builder.sections, len(lines)),
        front_matter=front.data,
        fallback_title=str(front.data.get("title", "")),
        front_matter_lines=front.lines,
    )


def _walk(builder: _Builder, tokens: list[Token]) -> None:
    index = 0
    quote_depth = 0
    next_inline = _next_inline(tokens)
    while index < len(tokens):
        token = tokens[index]
        kind = token.type
        if kind == "heading_open":
            _heading(builder, token, tokens[index + 1])
            index += 3
            continue
        if kind == "fence" or kind == "code_block":
            _fence(builder, token)
        elif kind == "html_block":
            _html_block(builder, token)
        elif kind == "table_open":
            index = _table(builder, tokens, index)
            continue
        elif kind == "blockquote_open":
            quote_depth += 1
            first_inline = next_inline[index]
            if quote_depth == 1 and first_inline is not None:
                _note(builder, first_inline, token.map)
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind == "inline" and tokens[index - 1].type == "paragraph_open":
            _paragraph(builder, token)
        elif kind == "hr":
            builder.in_tabs = False
        index += 1


# -- headings -----------------------------------------------------------------


def _heading(builder: _Builder, open_token: Token, inline: Token) -> None:
    assert open_token.map is not None
    line = open_token.map[0] + 1
    level = int(open_token.tag[1:])
    explicit, raw = split_anchor(inline.content)
    text = despan(raw)
    visible = text.text.strip()
    tab = _TAB.match(visible)
    if tab:
        if not builder.in_tabs:
            builder.tab_group += 1
            builder.in_tabs = True
        builder.tabs.append(Tab(tab.group("label"), tab.group("id"), builder.span(line), builder.tab_group))
        return
    builder.in_tabs = False
    english = text.source.strip() if text.source is not None else None
    base = explicit or slugify(english if english is not None else visible)
    builder.leave_sections(level)
    role = builder.heading_role(level, base, english)
    anchor = builder.anchors.unique(base)
    column = builder.first_text_column(line)
    section = Section(
        level=level,
        title=visible,
        anchor=anchor,
        role=role,
        span=builder.span(line, column),
        source_title=english,
        parent=builder.current_anchor,
    )
    builder.enter_section(section)
    _segments_of(builder, raw, line, english is not None, visible)


# -- code blocks ---------------------------------------------------------------


def _fence(builder: _Builder, token: Token) -> None:
    assert token.map is not None
    fence_line = token.map[0] + 1
    last_line = token.map[1]
    annotation = builder.take_annotation()
    language = (token.info or "").strip().split(" ")[0].lower() if token.type == "fence" else ""
    content_lines = token.content.split("\n")
    if content_lines and content_lines[-1] == "":
        content_lines.pop()
    first_content = fence_line + 1 if token.type == "fence" else fence_line
    column = _content_column(builder, first_content, content_lines)
    block = builder.span(fence_line, builder.first_text_column(fence_line), last_line)
    section = builder.current_anchor
    unclosed = find_unclosed(builder.lines, fence_line, last_line, token.markup) if token.type == "fence" else None
    if unclosed is not None:
        # One defect, one finding: the swallowed text is no request, response
        # or JSON example, so it is kept as code the JSON and HTTP rules skip.
        builder.diagnostics.append(ParseDiagnostic("unclosed-fence", unclosed.message(), block))
        builder.code_blocks.append(
            CodeBlock(
                language=language,
                text="\n".join(content_lines),
                span=block,
                annotation=annotation,
                section=section,
                unclosed=True,
            )
        )
        return
    if language in HTTP_LANGUAGES:
        result = parse_http_block(
            content_lines,
            path=builder.path,
            first_line=first_content,
            column=column,
            origin=builder.request_origin(),
            annotation=annotation,
            section=section,
            block=block,
        )
        builder.add_http_block(result, block, language)
        return
    text = "\n".join(content_lines)
    if language in _JSON_LANGUAGES:
        start = _first_nonblank(content_lines)
        json_span = builder.span(first_content + start, column, first_content + len(content_lines) - 1)
        builder.json_examples.append(parse_json(text.strip("\n"), json_span, annotation=annotation, base_column=column))
        return
    builder.code_blocks.append(
        CodeBlock(
            language=language,
            text=text,
            span=block,
            fenced=token.type == "fence",
            annotation=annotation,
            section=section,
        )
    )


def _first_nonblank(lines: list[str]) -> int:
    for index, line in enumerate(lines):
        if line.strip():
            return index
    return 0


def _content_column(builder: _Builder, first_line: int, content_lines: list[str]) -> int:
    """Column where a fence's content starts: its indentation or blockquote prefix."""
    for offset, content in enumerate(content_lines):
        if content.strip():
            line = first_line + offset
            if 1 <= line <= len(builder.lines):
                found = builder.lines[line - 1].find(content)
                if found >= 0:
                    return found + 1
            break
    return 1


# -- HTML comments and annotations ----------------------------------------------


def _html_block(builder: _Builder, token: Token) -> None:
    assert token.map is not None
    line = token.map[0] + 1
    end = token.map[1]
    content = token.content
    annotation = _ANNOTATION.match(content)
    if annotation:
        body = annotation.group("body")
        span = builder.span(line, builder.first_text_column(line), end)
        builder.annotation_comment(body, span, _error_at(builder, content, body, line))
        return
    comment = _COMMENT.match(content)
    if comment:
        builder.comments.append(
            Comment(comment.group("body").strip(), builder.span(line, builder.first_text_column(line), end))
        )


def _inline_directives(builder: _Builder, tokens: list[Token]) -> None:
    """``doclint-*`` comments written after text on a line (``| row | <!-- doclint-disable-line X -->``).

    Inline parsing is off, so markdown-it reports only comments that stand as
    blocks; a ``disable-line`` directive belongs at the end of the line it
    silences, and one left unseen would neither suppress nor be reported.
    Lines inside code blocks are examples, not directives.
    """
    known = {comment.span.line for comment in builder.comments}
    code = [(token.map[0] + 1, token.map[1]) for token in tokens if token.type in _CODE_TOKENS and token.map]
    for number, raw in enumerate(builder.lines, start=1):
        if "doclint-" not in raw or number in known or any(start <= number <= end for start, end in code):
            continue
        for match in _INLINE_DIRECTIVE.finditer(raw):
            builder.comments.append(Comment(match.group("body").strip(), builder.span(number, match.start() + 1)))


def _error_at(builder: _Builder, content: str, body: str, line: int) -> Callable[[int], Span]:
    """Where an offset into an annotation's JSON ``body`` stands in the page."""
    return lambda offset: builder.offset_span(content, content.index(body) + offset, line)


# -- tables --------------------------------------------------------------------


def _table(builder: _Builder, tokens: list[Token], index: int) -> int:
    """Read one table starting at ``tokens[index]``; return the index after it."""
    found = read_table(tokens, index, builder.lines, markdown_parser().parse)
    for comment in found.comments:
        _html_block(builder, comment)
    for line in found.broken:
        builder.diagnostics.append(
            ParseDiagnostic(
                "broken-table-row",
                "this line goes on with the table row above but does not start with `|`, so Markdown makes it "
                "a row of its own; join it to the row above (write a line break in a cell as `<br>`)",
                builder.span(line, builder.first_text_column(line)),
            )
        )
    rows = [
        TableRow(
            tuple(
                _cell(builder, content, row.line, column, end_line)
                for content, column, end_line in zip(
                    row.contents, _cell_columns(_line(builder, row.line), len(row.contents)), row.cell_ends, strict=True
                )
            ),
            builder.span(row.line, builder.first_text_column(row.line), row.last_line),
        )
        for row in found.rows
    ]
    if rows:
        start = rows[0].span.line
        builder.add_table(rows, builder.span(start, builder.first_text_column(start), found.end))
    return found.next_index


def _cell(builder: _Builder, content: str, line: int, column: int, end_line: int) -> Cell:
    text = despan(content)
    source = text.source.strip() if text.source is not None else None
    return Cell(text.text.strip(), builder.span(line, column, end_line), source)


def _line(builder: _Builder, line: int) -> str:
    return builder.lines[line - 1] if 1 <= line <= len(builder.lines) else ""


def _cell_columns(raw: str, count: int) -> list[int]:
    """1-based column of the first character of each of the first ``count`` cells of a table row.

    One pass over the row for all its cells: finding the bars again for each
    cell made a row of thousands of cells quadratic.
    """
    raw = blank_leading_comment(raw)  # a comment leading the row is no cell
    bounds = [index for index, char in enumerate(raw) if char == "|" and (index == 0 or raw[index - 1] != "\\")]
    stripped_start = len(raw) - len(raw.lstrip())
    if not bounds or bounds[0] != stripped_start:
        bounds.insert(0, stripped_start - 1)
    columns = []
    for position in range(count):
        if position >= len(bounds):
            columns.append(len(raw) + 1)
            continue
        start = bounds[position] + 1
        end = bounds[position + 1] if position + 1 < len(bounds) else len(raw)
        cell = raw[start:end]
        leading = len(cell) - len(cell.lstrip())
        columns.append(start + 1 if not cell.strip() else start + leading + 1)
    return columns


# -- paragraphs, notes, prose ---------------------------------------------------


def _paragraph(builder: _Builder, inline: Token) -> None:
    assert inline.map is not None
    first = inline.map[0] + 1
    content_lines = inline.content.split("\n")
    for offset, raw in enumerate(content_lines):
        line = first + offset
        for match in _INCLUDE.finditer(raw):
            column = builder.column_of(line, match.group(0))
            builder.includes.append(Include(match.group("name"), match.group("target"), builder.span(line, column)))
    if all(_INCLUDE.fullmatch(raw.strip()) for raw in content_lines if raw.strip()):
        return
    for offset, raw in enumerate(content_lines):
        line = first + offset
        text = despan(raw)
        _segments_of(builder, raw, line, text.source is not None, text.text.strip())
        if builder.current_role == "response":
            _prose_statuses(builder, text.text, line)


def _segments_of(builder: _Builder, raw: str, line: int, bilingual: bool, visible: str) -> None:
    """One segment per bilingual pair, or one for the whole line of plain text."""
    if bilingual:
        for pair in despan(raw).pairs:
            column = builder.column_of(line, raw[pair.start : pair.start + 40])
            builder.segments.append(Segment(pair.text, builder.span(line, column), pair.source, pair.segment_id))
        return
    if visible and not _INCLUDE.fullmatch(visible):
        builder.segments.append(Segment(visible, builder.span(line, builder.column_of(line, visible[:40]))))


def _prose_statuses(builder: _Builder, visible: str, line: int) -> None:
    search_from = 0
    for status, reason, start, end in find_statuses(visible):
        written = visible[start:end]
        column = builder.column_of(line, written, search_from)
        if column > 1:
            search_from = column
        builder.prose_statuses.append(
            ProseStatus(
                status,
                reason,
                written,
                builder.span(line, column),
                builder.current_anchor,
            )
        )


def _next_inline(tokens: list[Token]) -> list[Token | None]:
    """For each token, the first inline token at or after it.

    Found in one backward pass: searching the tokens after each blockquote
    made a page of thousands of blockquotes quadratic.
    """
    found: list[Token | None] = [None] * len(tokens)
    following: Token | None = None
    for index in range(len(tokens) - 1, -1, -1):
        if tokens[index].type == "inline":
            following = tokens[index]
        found[index] = following
    return found


def _note(builder: _Builder, inline: Token, quote: list[int] | None) -> None:
    """A blockquote whose first inline text opens with ``**Note:**`` or ``[!NOTE]`` is a callout."""
    if inline.map is None:
        return
    written: tuple[str, ...] = ()
    if quote is not None and quote[0] == inline.map[0]:
        written = tuple(builder.lines[quote[0] : quote[1]])
        while written and not written[-1].strip():
            written = written[:-1]
    text = despan(inline.content)
    probe = text.source if text.source is not None else text.text
    match = callout_marker(probe)
    if not match:
        return
    line = inline.map[0] + 1
    builder.notes.append(
        Note(
            kind=callout_kind(match),
            text=text.text.strip(),
            span=builder.span(line, builder.first_text_column(line), inline.map[1]),
            source=text.source.strip() if text.source is not None else None,
            section=builder.current_anchor,
            lines=written,
        )
    )
