"""The walk over a rendered page's article: blocks, headings, paragraphs, notes, tabs, code, tables.

Only the article counts; inside it, navigation, asides, forms, scripts and
elements whose class or id names chrome are skipped. The walker treats any
block element met inside a paragraph as a block of its own and stops
recursing at a fixed depth, so no markup can make it raise. What the facts
mean (sections, tables, annotations, the page) is shared with the Markdown
parser through :class:`~lint.parse.collector.PageCollector`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import Comment, PageElement, Tag
from msgspec import field
from msgspec.structs import replace

from lint.model import (
    Cell,
    CodeBlock,
    Include,
    Note,
    Page,
    ProseStatus,
    Section,
    Segment,
    Span,
    Tab,
    TableRow,
)
from lint.model import Comment as CommentNode
from lint.parse.callouts import callout_kind, callout_marker
from lint.parse.collector import PageCollector
from lint.parse.html.elements import BLOCK, HEADINGS, SKIP, attr, class_names
from lint.parse.html.inline import InlineText, inline_text, is_text, line_squash, squash
from lint.parse.html.positions import SourcePositions
from lint.parse.html.soup import pair_tags
from lint.parse.http import HTTP_LANGUAGES, parse_http_block
from lint.parse.jsontext import parse_json
from lint.parse.prose import find_statuses
from lint.parse.section_regions import close_sections
from lint.parse.sections import slugify

#: Class or id fragments of site chrome (matched as substrings).
_CHROME_TEXT = ("feedback", "breadcrumb", "advert", "banner", "cookie", "codeheader", "page-metadata")
#: Class or id words of site chrome (matched as whole ``-``/``_`` separated parts,
#: so that ``ad-slot`` and ``affixed-toc`` are chrome but ``page-head-title`` is not).
_CHROME_PARTS = {"ad", "ads", "toc"}
_NOTE_KINDS = ("note", "tip", "important", "caution", "warning")
_ALERT_CLASSES = {
    "is-info": "note",
    "is-success": "tip",
    "is-primary": "important",
    "is-danger": "caution",
    "is-warning": "warning",
}
#: A DocFX include left unresolved: ``[!INCLUDE [name](target)]`` as written, or
#: ``[!INCLUDE name]`` once the inner link has been rendered as a link.
#: Linear: whitespace is taken once (possessive), the text's trailing spaces are
#: left to ``\s*`` without a lazy scan, and name, target and text are bounded, so
#: a line of ``[!INCLUDE`` openers without a closing bracket is not rescanned
#: from each opener (names and paths are far shorter than the bound).
_INCLUDE = re.compile(
    r"\[!INCLUDE\s*+(?:\[(?P<name>[^\]]{0,500})\]\((?P<target>[^)]{0,500})\)"
    r"|(?P<text>(?:\s*+[^\[\]\s]){0,500}+))\s*\]",
    re.IGNORECASE,
)
_ANNOTATION = re.compile(r"^\s*(?P<body>\{.*\})\s*$", re.DOTALL)
_JSON_LANGUAGES = {"json", "jsonc"}
_LANGUAGE_CLASS = re.compile(r"^(?:lang|language)-(?P<language>\S+)$", re.IGNORECASE)
#: Nesting beyond which the walker stops recursing (html.parser nests unclosed tags).
_MAX_BLOCK_DEPTH = 100


class Walker(PageCollector, SourcePositions, kw_only=True):
    """Walking state for one page's tree, over the facts the collector gathers."""

    text: str
    lines: list[str] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)
    ends: dict[int, int] = field(default_factory=dict)
    tab_group: int = 0
    quote_depth: int = 0
    whole_body: bool = False
    root_end: int = 0
    depth: int = 0

    def __post_init__(self) -> None:
        self.lines = self.text.split("\n")
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", self.text)]
        self.ends = pair_tags(self.text)

    def inline(self, nodes: Iterable[PageElement], bold: bool = False) -> InlineText:
        return inline_text(nodes, self.offset, bold)

    # -- walking -----------------------------------------------------------

    def skipped(self, tag: Tag) -> bool:
        if tag.name in SKIP or (self.whole_body and tag.name == "header"):
            return True
        values = class_names(tag)
        if tag.name not in HEADINGS:
            values += [attr(tag, "id").lower()]
        for value in values:
            if not value:
                continue
            if any(fragment in value for fragment in _CHROME_TEXT):
                return True
            if _CHROME_PARTS.intersection(re.split(r"[-_]+", value)):
                return True
        return False

    def flow(
        self,
        parent: Tag | BeautifulSoup,
        start: int,
        skip: Callable[[Tag], bool] | None = None,
    ) -> None:
        """Walk a block container: runs of inline content are paragraphs, block children recurse."""
        run: list[PageElement] = []
        run_start = start
        previous: Tag | None = None
        for child in list(parent.children):
            if isinstance(child, Tag):
                if self.skipped(child) or (skip is not None and skip(child)):
                    previous = child
                    continue
                if child.name not in BLOCK:
                    if not run:
                        offset = self.offset(child)
                        run_start = offset if offset is not None else run_start
                    run.append(child)
                    previous = child
                    continue
                following = self.offset(child)
                self.paragraph(run, run_start, following if following is not None else len(self.text))
                run = []
                self.block(child)
                previous = child
                continue
            after = self.end_offset(previous) if previous is not None else start
            if isinstance(child, Comment):
                self.paragraph(run, run_start, after)
                run = []
                self.comment(str(child), after)
                continue
            if is_text(child):
                if not run:
                    run_start = after
                run.append(child)
        end = self.end_offset(parent) if isinstance(parent, Tag) and not isinstance(parent, BeautifulSoup) else 0
        self.paragraph(run, run_start, end or len(self.text))

    def block(self, tag: Tag) -> None:
        if self.depth >= _MAX_BLOCK_DEPTH:
            # Pathologically deep markup: what is left is read as plain text.
            offset = self.offset(tag)
            self.paragraph([tag], offset if offset is not None else 0, self.end_offset(tag))
            return
        self.depth += 1
        try:
            self.dispatch(tag)
        finally:
            self.depth -= 1

    def dispatch(self, tag: Tag) -> None:
        name = tag.name
        if name in HEADINGS:
            self.heading(tag)
        elif name == "pre":
            self.code(tag)
        elif name == "table":
            self.table(tag)
        elif name == "hr":
            return
        elif name == "blockquote":
            self.quote(tag)
        elif name in ("div", "section") and "tabgroup" in class_names(tag):
            self.tab_group_of(tag)
        elif name in ("div", "section") and self.note_div(tag):
            return
        else:
            self.flow(tag, self.content_start(tag))

    # -- headings ----------------------------------------------------------

    def heading(self, tag: Tag) -> None:
        level = int(tag.name[1])
        text = self.inline(tag.children)
        visible = squash(text.text)
        english = squash(text.english) if text.english is not None else None
        explicit = attr(tag, "id").strip() or _named_anchor(tag)
        base = explicit or slugify(english if english is not None else visible)
        self.leave_sections(level)
        english_title = english if english is not None else (visible if self.english else None)
        section = Section(
            level=level,
            title=visible,
            anchor=self.anchors.unique(base),
            role=self.heading_role(level, base, english_title),
            span=self.tag_span(tag),
            source_title=english,
            parent=self.current_anchor,
        )
        self.enter_section(section)
        self.segments_of(text, section.span, visible)

    def closed_sections(self) -> tuple[Section, ...]:
        """Sections run to the next of their level or the article's end, never above their heading."""
        closed = close_sections(self.sections, max(self.root_end, 1))
        return tuple(replace(section, end_line=max(section.end_line, section.span.line)) for section in closed)

    # -- paragraphs and prose ---------------------------------------------

    def paragraph(self, nodes: list[PageElement], start: int, end: int) -> None:
        if not nodes:
            return
        text = self.inline(nodes)
        if not text.text.strip():
            return
        if text.pairs:
            for pair in text.pairs:
                if pair.text:
                    self.segments.append(Segment(pair.text, self.span_at(pair.offset), pair.source, pair.segment_id))
        visible_lines = [line for line in (line_squash(raw) for raw in text.text.split("\n")) if line]
        only_includes = all(_INCLUDE.fullmatch(line) for line in visible_lines)
        links = _links(nodes) if "[!INCLUDE" in text.text.upper() else {}
        cursor = start
        for visible in visible_lines:
            found = self.find(visible, cursor, end)
            line_start = found if found is not None else cursor
            self.includes_of(visible, line_start, end, links)
            if only_includes:
                # A DocFX include the site did not resolve: a reference, not prose.
                if found is not None:
                    cursor = found + 1
                continue
            if not text.pairs and not _INCLUDE.fullmatch(visible):
                self.segments.append(Segment(visible, self.span_at(line_start)))
            if self.current_role == "response":
                self.prose_statuses_of(visible, line_start, end)
            if found is not None:
                cursor = found + 1

    def includes_of(self, visible: str, start: int, end: int, links: dict[str, str]) -> None:
        cursor = start
        for match in _INCLUDE.finditer(visible):
            name = match.group("name") if match.group("name") is not None else match.group("text").strip()
            target = match.group("target") or links.get(name, "")
            found = self.find_text(match.group(0)[:9], cursor, end)
            offset = found if found is not None else cursor
            if found is not None:
                cursor = found + 1
            self.includes.append(Include(name, target, self.span_at(offset)))

    def prose_statuses_of(self, visible: str, start: int, end: int) -> None:
        cursor = start
        for status, reason, begin, finish in find_statuses(visible):
            written = visible[begin:finish]
            found = self.find_text(written, cursor, end)
            offset = found if found is not None else cursor
            if found is not None:
                cursor = found + len(written)
            self.prose_statuses.append(ProseStatus(status, reason, written, self.span_at(offset), self.current_anchor))

    def segments_of(self, text: InlineText, span: Span, visible: str) -> None:
        """One segment per bilingual pair, or one for the whole text."""
        if text.pairs:
            for pair in text.pairs:
                if pair.text:
                    self.segments.append(Segment(pair.text, self.span_at(pair.offset), pair.source, pair.segment_id))
        elif visible:
            self.segments.append(Segment(visible, span))

    # -- notes -------------------------------------------------------------

    def quote(self, tag: Tag) -> None:
        """A top-level blockquote that opens with ``**Note:**`` or ``[!NOTE]`` is a callout."""
        self.quote_depth += 1
        try:
            if self.quote_depth == 1:
                # Like the Markdown parser, only the first paragraph decides, and is the note.
                first = next((c for c in tag.children if isinstance(c, Tag) and not self.skipped(c)), None)
                body: list[PageElement] = [first] if first is not None and first.name in BLOCK else list(tag.children)
                marked = self.inline(body, bold=True)
                probe = marked.english if marked.english is not None else marked.text
                match = callout_marker(probe)
                if match:
                    end = first if first is not None and first.name in BLOCK else tag
                    self.add_note(callout_kind(match), tag, body, end)
            self.flow(tag, self.content_start(tag))
        finally:
            self.quote_depth -= 1

    def note_div(self, tag: Tag) -> bool:
        """DocFX ``<div class="NOTE">`` and Learn ``<div class="alert is-info">`` callouts."""
        classes = class_names(tag)
        kind = next((k for k in _NOTE_KINDS if k in classes), None)
        if kind is None and "alert" not in classes:
            return False
        children = [child for child in tag.children if isinstance(child, Tag) and not self.skipped(child)]
        title: Tag | None = None
        if len(children) > 1:
            first = children[0]
            words = squash(first.get_text()).rstrip(":：").strip()
            if "alert-title" in class_names(first) or (
                first.name in ("p", "h5", "h6", "div", "strong") and 0 < len(words) <= 40 and "." not in words
            ):
                title = first
                if kind is None and words.lower() in _NOTE_KINDS:
                    kind = words.lower()
        if kind is None:
            kind = next((value for key, value in _ALERT_CLASSES.items() if key in classes), "note")
        body = [child for child in tag.children if child is not title]
        self.add_note(kind, tag, body, tag)
        self.flow(tag, self.content_start(tag), lambda child: child is title)
        return True

    def add_note(self, kind: str, container: Tag, body: list[PageElement], last: Tag) -> None:
        """A note whose text is ``body``; its span runs from that text to the end of ``last``."""
        text = self.inline(body)
        visible = squash(text.text)
        first = next((node for node in body if isinstance(node, Tag) or (is_text(node) and str(node).strip())), None)
        start = self.content_start(container)
        if isinstance(first, Tag):
            offset = self.offset(first)
            start = self.content_start(first) if first.name in BLOCK else (offset if offset is not None else start)
        found = self.find(visible, start, self.end_offset(container))
        self.notes.append(
            Note(
                kind=kind,
                text=visible,
                span=self.span_at(found if found is not None else start, self.end_line(last)),
                source=squash(text.english) if text.english is not None else None,
                section=self.current_anchor,
            )
        )

    # -- tabs --------------------------------------------------------------

    def tab_group_of(self, tag: Tag) -> None:
        self.tab_group += 1
        links = [
            link
            for link in tag.find_all("a")
            if isinstance(link, Tag)
            and (attr(link, "role") == "tab" or link.has_attr("data-tab"))
            and link.find_parent(_is_tab_group) is tag
        ]
        for link in links:
            tab_id = attr(link, "data-tab") or _tab_id_from_href(attr(link, "href"))
            label = squash(self.inline(link.children).text)
            self.tabs.append(Tab(label, tab_id, self.tag_span(link), self.tab_group))
        if not links:
            for panel in tag.find_all(["section", "div"], attrs={"data-tab": True}):
                if isinstance(panel, Tag) and panel.find_parent(_is_tab_group) is tag:
                    tab_id = attr(panel, "data-tab")
                    self.tabs.append(Tab(tab_id, tab_id, self.tag_span(panel), self.tab_group))

        link_ids = {id(link) for link in links}

        def tab_list(child: Tag) -> bool:
            return attr(child, "role") == "tablist" or (
                child.name in ("ul", "ol") and any(id(link) in link_ids for link in child.find_all("a"))
            )

        self.flow(tag, self.content_start(tag), tab_list)

    # -- code blocks -------------------------------------------------------

    def code(self, pre: Tag) -> None:
        code = pre.find("code")
        holder = code if isinstance(code, Tag) else pre
        language = _language(holder) or (_language(pre) if holder is not pre else "")
        raw = holder.get_text()
        lines = raw.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        first_line, first_column = self.position(self.content_start(holder))
        block = self.tag_span(pre, end=True)
        annotation = self.take_annotation()
        section = self.current_anchor
        if language in HTTP_LANGUAGES:
            result = parse_http_block(
                lines,
                path=self.path,
                first_line=first_line,
                column=1,
                origin=self.request_origin(),
                annotation=annotation,
                section=section,
                block=block,
            )
            shift = first_column - 1
            shifted = replace(
                result,
                requests=tuple(replace(r, span=_shift(r.span, first_line, shift)) for r in result.requests),
                responses=tuple(replace(r, span=_shift(r.span, first_line, shift)) for r in result.responses),
            )
            self.add_http_block(shifted, block, language)
            return
        text = "\n".join(lines)
        if language in _JSON_LANGUAGES:
            start = next((index for index, line in enumerate(lines) if line.strip()), 0)
            column = first_column if start == 0 else 1
            span = self.span(first_line + start, column, first_line + max(len(lines) - 1, 0))
            self.json_examples.append(parse_json(text.strip("\n"), span, annotation=annotation, base_column=1))
            return
        self.code_blocks.append(
            CodeBlock(language=language, text=text, span=block, fenced=True, annotation=annotation, section=section)
        )

    # -- tables ------------------------------------------------------------

    def table(self, tag: Tag) -> None:
        rows: list[TableRow] = []
        for row in tag.find_all("tr"):
            if not isinstance(row, Tag) or row.find_parent("table") is not tag:
                continue
            cells = []
            for cell in row.find_all(["td", "th"]):
                if isinstance(cell, Tag) and cell.find_parent("tr") is row:
                    text = self.inline(cell.children)
                    english = text.english
                    cells.append(
                        Cell(
                            squash(text.text),
                            self.tag_span(cell),
                            squash(english) if english is not None else None,
                        )
                    )
            rows.append(TableRow(tuple(cells), self.tag_span(row)))
        if rows:
            self.add_table(rows, self.tag_span(tag, end=True))

    # -- comments and annotations -----------------------------------------

    def comment(self, body: str, start: int) -> None:
        found = self.text.find("<!--" + body, start)
        if found < 0:  # the element before it was measured past it (a <script> whose string holds tags)
            found = self.text.find("<!--" + body)
        offset = found if found >= 0 else start
        line, column = self.position(offset)
        # Never past the last line, even where the comment was not found and is placed at ``start``.
        span = self.span(line, column, min(line + body.count("\n"), len(self.line_starts)))
        annotation = _ANNOTATION.match(body)
        if annotation is None:
            self.comments.append(CommentNode(body.strip(), span))
            return
        # Offsets into the JSON count from after ``<!--`` and the blanks before ``{``.
        json_start = offset + 4 + annotation.start("body")
        self.annotation_comment(annotation.group("body"), span, lambda at: self.span_at(json_start + at))

    # -- result ------------------------------------------------------------

    def page(self, locale: str, meta: dict[str, Any]) -> Page:
        return self.to_page(
            locale=locale,
            format="html",
            version=self.page_version(),
            sections=self.closed_sections(),
            front_matter=meta,
        )


# -- helpers -----------------------------------------------------------------------


def _links(nodes: list[PageElement]) -> dict[str, str]:
    """Visible text to ``href`` for the links among ``nodes``."""
    links: dict[str, str] = {}
    for node in nodes:
        if not isinstance(node, Tag):
            continue
        for link in [node, *node.find_all("a")]:
            if isinstance(link, Tag) and link.name == "a" and link.has_attr("href"):
                links.setdefault(squash(link.get_text()), attr(link, "href"))
    return links


def _named_anchor(tag: Tag) -> str:
    """``<h2><a name="response"></a>Отклик</h2>``: the empty anchor's name."""
    for link in tag.find_all("a"):
        if isinstance(link, Tag) and not link.get_text().strip():
            name = attr(link, "name") or attr(link, "id")
            if name.strip():
                return name.strip()
    return ""


def _is_tab_group(tag: Tag) -> bool:
    return tag.name in ("div", "section") and "tabgroup" in class_names(tag)


def _tab_id_from_href(href: str) -> str:
    """``#tab/http`` or DocFX's ``#tabpanel_1_http``."""
    fragment = href.rpartition("#")[2]
    if fragment.startswith("tab/"):
        return fragment[4:]
    match = re.match(r"^tabpanel_\d+_(?P<id>.+)$", fragment)
    return match.group("id") if match else fragment


def _language(tag: Tag) -> str:
    for name in class_names(tag):
        match = _LANGUAGE_CLASS.match(name)
        if match:
            return match.group("language").lower()
    return (attr(tag, "data-lang") or attr(tag, "data-language")).strip().lower()


def _shift(span: Span, line: int, delta: int) -> Span:
    """Move a span on the first line of a code block past the ``<pre><code>`` tags."""
    return replace(span, column=span.column + delta) if delta and span.line == line else span
