"""Rendered API reference pages (Microsoft Learn / DocFX HTML) into the document model.

A published page holds the same facts as its Markdown source — headings with
stable ids, parameter tables, ``<pre><code class="lang-http">`` messages, JSON
examples, notes, tabbed code groups — wrapped in site chrome (navigation,
table of contents, breadcrumbs, feedback and ad blocks, scripts). Only the
article counts: the first ``<main>``, else ``<article>``, else
``div.content``, else ``<body>``; inside it, navigation, asides, forms,
scripts and elements whose class or id names chrome are skipped.

The tree comes from beautifulsoup4 with Python's ``html.parser`` builder, not
lxml: bs4's lxml builder records no source positions (``Tag.sourceline`` is
``None``), while ``html.parser`` gives every tag its 1-based line and 0-based
column, which is what spans need. ``html.parser`` does not apply HTML's
implied end tags (``<p>a<p>b`` would nest the second paragraph in the
first), so :class:`_Soup` closes them as a browser does while the tree is
built; the walker also treats any block element met inside a paragraph as a
block of its own, and stops recursing at a fixed depth, so no markup can
make it raise.

Positions of text (paragraph lines, prose statuses, comments, unresolved
``[!INCLUDE]`` references) are found by searching the source from the start
of the enclosing element, skipping matches inside tags; end lines come from
pairing start and end tags over the whole source once. Code on the first
line of a ``<pre><code>`` block starts after the tags; later lines start at
column 1.

Classification is shared with the Markdown parser (``section_role``,
``table_role``, ``parse_http_block``, ``parse_json``, ``find_statuses``), and
so are the collecting of facts, the binding of annotation comments and the
making of the page (:mod:`lint.parse.collector`), so the two forms of one
page give the same facts.
"""

from __future__ import annotations

import bisect
import re
import warnings
from collections.abc import Callable, Iterable
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import (
    Comment,
    NavigableString,
    PageElement,
    PreformattedString,
    Script,
    Stylesheet,
    Tag,
    TemplateString,
)
from msgspec import Struct, field
from msgspec.structs import replace

from lint.model import (
    Cell,
    CodeBlock,
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
from lint.model import Comment as CommentNode
from lint.parse.callouts import callout_kind, callout_marker
from lint.parse.collector import PageCollector
from lint.parse.http import HTTP_LANGUAGES, parse_http_block
from lint.parse.jsontext import parse_json
from lint.parse.locate import page_locale
from lint.parse.prose import find_statuses
from lint.parse.section_regions import close_sections
from lint.parse.sections import slugify

_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
#: Never content, wherever they stand.
_SKIP = frozenset(
    {"script", "style", "nav", "aside", "form", "footer", "noscript", "template", "svg", "iframe", "object"}
    | {"embed", "canvas", "button", "select", "textarea", "input", "head", "title", "meta", "link"}
)
#: Elements that end a run of inline text.
_BLOCK = frozenset(
    {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div"}
    | {"dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "html", "li"}
    | {"main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead"}
    | {"tr", "ul"}
    | _HEADINGS
)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
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
_INCLUDE = re.compile(
    r"\[!INCLUDE\s*(?:\[(?P<name>[^\]]*)\]\((?P<target>[^)]*)\)|(?P<text>[^\[\]]*?))\s*\]", re.IGNORECASE
)
_ANNOTATION = re.compile(r"^\s*(?P<body>\{.*\})\s*$", re.DOTALL)
_JSON_LANGUAGES = {"json", "jsonc"}
_LANGUAGE_CLASS = re.compile(r"^(?:lang|language)-(?P<language>\S+)$", re.IGNORECASE)
_LOCALE_TAG = re.compile(r"^[A-Za-z]{2,3}-(?:[A-Za-z]{2}|[A-Za-z]{4})$")
_START_TAG = re.compile(r"""<[^\s/>]*(?:"[^"]*"|'[^']*'|[^'">])*>?""")
#: Tags for pairing start and end tags; comments, scripts and styles are skipped whole.
_TAG_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(?P<raw>script|style)\b.*?(?:</(?P=raw)\s*>|\Z)"
    r"|<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?:\"[^\"]*\"|'[^']*'|[^'\">])*>?",
    re.DOTALL | re.IGNORECASE,
)
#: Nesting beyond which the walker stops recursing (html.parser nests unclosed tags).
_MAX_BLOCK_DEPTH = 100
_MAX_INLINE_DEPTH = 150
_IMPLIED_LOOKBACK = 32
#: Elements HTML closes implicitly, and the children that close them.
_CLOSED_BY: dict[str, frozenset[str]] = {
    "p": frozenset(_BLOCK - {"body", "html"}),
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "tr": frozenset({"tr", "tbody", "thead", "tfoot"}),
    "td": frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"}),
    "th": frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"}),
    "thead": frozenset({"tbody", "tfoot"}),
    "tbody": frozenset({"tbody", "tfoot"}),
    "option": frozenset({"option", "optgroup"}),
}
_SPACES = re.compile(r"[ \t\f\v\r]+")
_ALL_SPACES = re.compile(r"\s+")
_SURROGATES = re.compile("[\ud800-\udfff]")
_MARKED_SECTION = re.compile(r"<(?=!(?!--|doctype))", re.IGNORECASE)


def parse(text: str, path: str) -> Page:
    """Parse one rendered HTML page. Never raises on bad content."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    # Lone surrogates (from a lossy decode) make bs4 fail; one code point each keeps columns.
    text = _SURROGATES.sub("\ufffd", text)
    builder = _Builder(path=path, text=text)
    soup = _soup(text)
    if soup is None:
        builder.diagnostics.append(
            ParseDiagnostic("unsupported-format", "the HTML parser rejected this page", builder.span(1, 1))
        )
        return builder.page(page_locale(path, {}), {})
    meta = _meta(soup)
    locale = _locale(soup, meta, path)
    builder.english = locale.lower().startswith("en")
    root, whole_body = _content_root(soup)
    builder.whole_body = whole_body
    builder.root_end = builder.end_line(root) if isinstance(root, Tag) and root is not soup else len(builder.lines)
    builder.flow(root, builder.content_start(root))
    if not builder.title:
        builder.title = _fallback_title(soup, meta)
    return builder.page(locale, meta)


def _soup(text: str) -> BeautifulSoup | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # Python's parser rejects unknown marked sections (``<![foo[``); blanking the
        # ``<`` of such declarations keeps every other character where it was.
        for attempt in (text, _MARKED_SECTION.sub(" ", text)):
            try:
                return _Soup(attempt, "html.parser")
            except Exception:  # bs4 wraps parser assertions in ParserRejectedMarkup
                continue
    return None


class _Soup(BeautifulSoup):
    """An ``html.parser`` tree with HTML's implied end tags applied.

    ``html.parser`` leaves them out: ``<p>a<p>b`` would come back as a
    paragraph nested in a paragraph, ``<td>a<td>b`` as a cell in a cell, and
    a long page of unclosed ``<p>`` or ``<li>`` as one very deep tree. Closing
    the open element that a new start tag implicitly ends, as a browser does,
    keeps the tree flat; positions are unaffected.
    """

    def handle_starttag(
        self,
        name: str,
        namespace: str | None,
        nsprefix: str | None,
        attrs: Any,
        sourceline: int | None = None,
        sourcepos: int | None = None,
        namespaces: dict[str, str] | None = None,
    ) -> Tag | None:
        target = self._implied_end(name)
        while target is not None:
            self.endData()
            while self.tagStack and self.tagStack[-1] is not target:
                self.popTag()
            self.popTag()
            target = self._implied_end(name)
        return super().handle_starttag(name, namespace, nsprefix, attrs, sourceline, sourcepos, namespaces)

    def _implied_end(self, name: str) -> Tag | None:
        """The open element a start tag ``name`` closes, looking out through inline elements."""
        name = name.lower()
        # Bounded: inline markup nested deeper than this is garbage, not a paragraph.
        for tag in reversed(self.tagStack[-_IMPLIED_LOOKBACK:]):
            if tag is self:
                return None
            closers = _CLOSED_BY.get(tag.name)
            if closers is not None and name in closers:
                return tag
            if tag.name in _BLOCK:
                return None
        return None


# -- page-level metadata ---------------------------------------------------------


def _attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return " ".join(str(part) for part in value)


def _classes(tag: Tag) -> list[str]:
    return [part.lower() for part in _attr(tag, "class").split()]


def _meta(soup: BeautifulSoup) -> dict[str, Any]:
    """``<meta name=... content=...>`` pairs: the page's published front matter."""
    data: dict[str, Any] = {}
    for tag in soup.find_all("meta"):
        if isinstance(tag, Tag):
            name = _attr(tag, "name") or _attr(tag, "property")
            if name and tag.has_attr("content") and name not in data:
                data[name] = _attr(tag, "content")
    return data


def _locale(soup: BeautifulSoup, meta: dict[str, Any], path: str) -> str:
    """``<html lang>``, else ``ms.locale`` / ``ms.contentlocale`` meta, else the path."""
    html = soup.find("html")
    candidates = [_attr(html, "lang") if isinstance(html, Tag) else ""]
    candidates += [str(meta.get(key, "")) for key in ("ms.locale", "ms.contentlocale", "locale")]
    declared = next((c.strip() for c in candidates if _LOCALE_TAG.match(c.strip())), None)
    if declared is None:
        return page_locale(path, {})
    # ``ZH-cn`` and ``zh-hans`` are written in the wild; page_locale wants ``zh-CN``, ``zh-Hans``.
    language, _, region = declared.partition("-")
    region = region.upper() if len(region) == 2 else region.title()
    return page_locale(path, {"ms.contentlocale": f"{language.lower()}-{region}"})


def _content_root(soup: BeautifulSoup) -> tuple[Tag, bool]:
    """The element holding the article, and whether it is the whole body (fallback)."""
    for finder in (
        lambda: soup.find("main"),
        lambda: soup.find("article"),
        lambda: soup.find("div", class_="content"),
    ):
        found = finder()
        if isinstance(found, Tag):
            return found, False
    body = soup.find("body")
    return (body if isinstance(body, Tag) else soup), True


def _fallback_title(soup: BeautifulSoup, meta: dict[str, Any]) -> str:
    title = meta.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    tag = soup.find("title")
    if isinstance(tag, Tag):
        return _ALL_SPACES.sub(" ", tag.get_text()).split(" | ")[0].strip()
    return ""


# -- text of inline content ----------------------------------------------------


def _is_text(node: PageElement) -> bool:
    return isinstance(node, NavigableString) and not isinstance(
        node, PreformattedString | Script | Stylesheet | TemplateString
    )


def _is_lookup(node: PageElement) -> bool:
    return isinstance(node, Tag) and node.name == "span" and "sxs-lookup" in _classes(node)


def _is_heading_link(node: Tag) -> bool:
    """Permalink decorations added next to headings (``anchorjs-link``, Sphinx ``headerlink``)."""
    classes = " ".join(_classes(node))
    return node.name == "a" and ("anchorjs" in classes or "headerlink" in classes or "heading-anchor" in classes)


class _Pair(Struct):
    segment_id: str
    text: str
    source: str
    offset: int


class _Text(Struct):
    """Visible text, the English embedded by bilingual markup, and each bilingual pair."""

    visible: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    pairs: list[_Pair] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.visible)

    @property
    def english(self) -> str | None:
        return "".join(self.source) if self.pairs else None


def _squash(text: str) -> str:
    return _ALL_SPACES.sub(" ", text).strip()


def _line_squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


class _Builder(PageCollector, kw_only=True):
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
        self.ends = _pair_tags(self.text)

    # -- positions ---------------------------------------------------------

    def span(self, line: int, column: int = 1, end_line: int | None = None) -> Span:
        return Span(self.path, line, column, max(line, end_line) if end_line is not None else line)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset into the source."""
        offset = max(0, min(offset, len(self.text)))
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def span_at(self, offset: int, end_line: int | None = None) -> Span:
        line, column = self.position(offset)
        return self.span(line, column, end_line)

    def offset(self, tag: Tag) -> int | None:
        """Offset of the ``<`` of a tag's start tag, when the parser recorded it."""
        line, column = tag.sourceline, tag.sourcepos
        if line is None or column is None or not 1 <= line <= len(self.line_starts):
            return None
        return self.line_starts[line - 1] + column

    def tag_span(self, tag: Tag, end: bool = False) -> Span:
        offset = self.offset(tag)
        if offset is None:
            return self.span(1, 1)
        return self.span_at(offset, self.end_line(tag) if end else None)

    def content_start(self, tag: Tag | BeautifulSoup) -> int:
        """Offset just after a tag's start tag (0 for the document itself)."""
        if isinstance(tag, BeautifulSoup) or not isinstance(tag, Tag):
            return 0
        offset = self.offset(tag)
        if offset is None:
            return 0
        match = _START_TAG.match(self.text, offset)
        return match.end() if match else offset + 1

    def end_offset(self, tag: Tag) -> int:
        """Offset just after a tag's end tag; for an unclosed tag, where the next element starts."""
        offset = self.offset(tag)
        if offset is not None:
            if tag.name in _VOID:
                return self.content_start(tag)
            if offset in self.ends:
                return self.ends[offset]
        node: Tag | None = tag
        while node is not None:
            for sibling in node.next_siblings:
                if isinstance(sibling, Tag):
                    following = self.offset(sibling)
                    if following is not None:
                        return following
            node = node.parent if isinstance(node.parent, Tag) else None
        return len(self.text)

    def end_line(self, tag: Tag) -> int:
        end = self.end_offset(tag)
        # The end tag's own line: step back over the ``>`` and any trailing newline.
        return self.position(max(0, end - 1))[0]

    def find(self, fragment: str, start: int, limit: int) -> int | None:
        """Offset of visible text in the source, tolerating entities and markup inside it."""
        fragment = fragment.strip()
        if not fragment:
            return None
        candidates = [fragment[:40]]
        plain = re.split(r"[&<>\"'\s]", fragment, maxsplit=1)[0]
        if plain and plain != candidates[0]:
            candidates.append(plain)
        for candidate in candidates:
            found = self.find_text(candidate, start, limit)
            if found is not None:
                return found
        return None

    def find_text(self, fragment: str, start: int, limit: int) -> int | None:
        """First occurrence of ``fragment`` from ``start`` that is text, not inside a tag."""
        limit = max(limit, start + len(fragment))
        found = self.text.find(fragment, start, limit)
        while found >= 0:
            if self.text.rfind("<", 0, found) <= self.text.rfind(">", 0, found):
                return found
            found = self.text.find(fragment, found + 1, limit)
        return None

    # -- inline text -------------------------------------------------------

    def inline(self, nodes: Iterable[PageElement], bold: bool = False) -> _Text:
        out = _Text()
        self._collect(list(nodes), out, bold, 0)
        return out

    def _collect(self, nodes: list[PageElement], out: _Text, bold: bool, depth: int) -> None:
        index = 0
        while index < len(nodes):
            node = nodes[index]
            index += 1
            if _is_text(node):
                out.visible.append(str(node))
                out.source.append(str(node))
                continue
            if not isinstance(node, Tag) or node.name in _SKIP or _is_heading_link(node) or _is_lookup(node):
                # A lone English lookup span is hidden on the site: not visible text.
                continue
            if depth >= _MAX_INLINE_DEPTH:
                flat = node.get_text()  # iterative in bs4: safe at any depth
                out.visible.append(flat)
                out.source.append(flat)
                continue
            if node.name == "br":
                out.visible.append("\n")
                out.source.append("\n")
                continue
            if node.has_attr("data-ttu-id"):
                after = index
                while after < len(nodes) and _is_text(nodes[after]) and not str(nodes[after]).strip():
                    after += 1
                if after < len(nodes) and _is_lookup(nodes[after]):
                    lookup = nodes[after]
                    assert isinstance(lookup, Tag)
                    inner, english = _Text(), _Text()
                    self._collect(list(node.children), inner, bold, depth + 1)
                    self._collect(list(lookup.children), english, bold, depth + 1)
                    visible, source = inner.text, english.text
                    out.visible.append(visible)
                    out.source.append(source)
                    offset = self.offset(node)
                    out.pairs.append(_Pair(_attr(node, "data-ttu-id"), _squash(visible), _squash(source), offset or 0))
                    index = after + 1
                    continue
            marked = bold and node.name in ("strong", "b")
            if marked:
                out.visible.append("**")
                out.source.append("**")
            self._collect(list(node.children), out, bold, depth + 1)
            if marked:
                out.visible.append("**")
                out.source.append("**")

    # -- walking -----------------------------------------------------------

    def skipped(self, tag: Tag) -> bool:
        if tag.name in _SKIP or (self.whole_body and tag.name == "header"):
            return True
        values = _classes(tag)
        if tag.name not in _HEADINGS:
            values += [_attr(tag, "id").lower()]
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
                if child.name not in _BLOCK:
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
            if _is_text(child):
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
        if name in _HEADINGS:
            self.heading(tag)
        elif name == "pre":
            self.code(tag)
        elif name == "table":
            self.table(tag)
        elif name == "hr":
            return
        elif name == "blockquote":
            self.quote(tag)
        elif name in ("div", "section") and "tabgroup" in _classes(tag):
            self.tab_group_of(tag)
        elif name in ("div", "section") and self.note_div(tag):
            return
        else:
            self.flow(tag, self.content_start(tag))

    # -- headings ----------------------------------------------------------

    def heading(self, tag: Tag) -> None:
        level = int(tag.name[1])
        text = self.inline(tag.children)
        visible = _squash(text.text)
        english = _squash(text.english) if text.english is not None else None
        explicit = _attr(tag, "id").strip() or _named_anchor(tag)
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
        visible_lines = [line for line in (_line_squash(raw) for raw in text.text.split("\n")) if line]
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

    def segments_of(self, text: _Text, span: Span, visible: str) -> None:
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
                body: list[PageElement] = [first] if first is not None and first.name in _BLOCK else list(tag.children)
                marked = self.inline(body, bold=True)
                probe = marked.english if marked.english is not None else marked.text
                match = callout_marker(probe)
                if match:
                    end = first if first is not None and first.name in _BLOCK else tag
                    self.add_note(callout_kind(match), tag, body, end)
            self.flow(tag, self.content_start(tag))
        finally:
            self.quote_depth -= 1

    def note_div(self, tag: Tag) -> bool:
        """DocFX ``<div class="NOTE">`` and Learn ``<div class="alert is-info">`` callouts."""
        classes = _classes(tag)
        kind = next((k for k in _NOTE_KINDS if k in classes), None)
        if kind is None and "alert" not in classes:
            return False
        children = [child for child in tag.children if isinstance(child, Tag) and not self.skipped(child)]
        title: Tag | None = None
        if len(children) > 1:
            first = children[0]
            words = _squash(first.get_text()).rstrip(":：").strip()
            if "alert-title" in _classes(first) or (
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
        visible = _squash(text.text)
        first = next((node for node in body if isinstance(node, Tag) or (_is_text(node) and str(node).strip())), None)
        start = self.content_start(container)
        if isinstance(first, Tag):
            offset = self.offset(first)
            start = self.content_start(first) if first.name in _BLOCK else (offset if offset is not None else start)
        found = self.find(visible, start, self.end_offset(container))
        self.notes.append(
            Note(
                kind=kind,
                text=visible,
                span=self.span_at(found if found is not None else start, self.end_line(last)),
                source=_squash(text.english) if text.english is not None else None,
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
            and (_attr(link, "role") == "tab" or link.has_attr("data-tab"))
            and link.find_parent(_is_tab_group) is tag
        ]
        for link in links:
            tab_id = _attr(link, "data-tab") or _tab_id_from_href(_attr(link, "href"))
            label = _squash(self.inline(link.children).text)
            self.tabs.append(Tab(label, tab_id, self.tag_span(link), self.tab_group))
        if not links:
            for panel in tag.find_all(["section", "div"], attrs={"data-tab": True}):
                if isinstance(panel, Tag) and panel.find_parent(_is_tab_group) is tag:
                    tab_id = _attr(panel, "data-tab")
                    self.tabs.append(Tab(tab_id, tab_id, self.tag_span(panel), self.tab_group))

        link_ids = {id(link) for link in links}

        def tab_list(child: Tag) -> bool:
            return _attr(child, "role") == "tablist" or (
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
                            _squash(text.text),
                            self.tag_span(cell),
                            _squash(english) if english is not None else None,
                        )
                    )
            rows.append(TableRow(tuple(cells), self.tag_span(row)))
        if rows:
            self.add_table(rows, self.tag_span(tag, end=True))

    # -- comments and annotations -----------------------------------------

    def comment(self, body: str, start: int) -> None:
        found = self.text.find("<!--" + body, start)
        offset = found if found >= 0 else start
        line, column = self.position(offset)
        span = self.span(line, column, line + body.count("\n"))
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


def _pair_tags(text: str) -> dict[int, int]:
    """Map the offset of each start tag to the offset just after its end tag.

    One pass over the source, a stack per tag name; tags left open (HTML's
    implied end tags, broken markup) are simply absent.
    """
    ends: dict[int, int] = {}
    open_tags: dict[str, list[int]] = {}
    for match in _TAG_TOKEN.finditer(text):
        name = match.group("name")
        if name is None:
            continue
        name = name.lower()
        if name in _VOID:
            continue
        if match.group("close"):
            stack = open_tags.get(name)
            if stack:
                ends[stack.pop()] = match.end()
        else:
            open_tags.setdefault(name, []).append(match.start())
    return ends


def _links(nodes: list[PageElement]) -> dict[str, str]:
    """Visible text to ``href`` for the links among ``nodes``."""
    links: dict[str, str] = {}
    for node in nodes:
        if not isinstance(node, Tag):
            continue
        for link in [node, *node.find_all("a")]:
            if isinstance(link, Tag) and link.name == "a" and link.has_attr("href"):
                links.setdefault(_squash(link.get_text()), _attr(link, "href"))
    return links


def _named_anchor(tag: Tag) -> str:
    """``<h2><a name="response"></a>Отклик</h2>``: the empty anchor's name."""
    for link in tag.find_all("a"):
        if isinstance(link, Tag) and not link.get_text().strip():
            name = _attr(link, "name") or _attr(link, "id")
            if name.strip():
                return name.strip()
    return ""


def _is_tab_group(tag: Tag) -> bool:
    return tag.name in ("div", "section") and "tabgroup" in _classes(tag)


def _tab_id_from_href(href: str) -> str:
    """``#tab/http`` or DocFX's ``#tabpanel_1_http``."""
    fragment = href.rpartition("#")[2]
    if fragment.startswith("tab/"):
        return fragment[4:]
    match = re.match(r"^tabpanel_\d+_(?P<id>.+)$", fragment)
    return match.group("id") if match else fragment


def _language(tag: Tag) -> str:
    for name in _classes(tag):
        match = _LANGUAGE_CLASS.match(name)
        if match:
            return match.group("language").lower()
    return (_attr(tag, "data-lang") or _attr(tag, "data-language")).strip().lower()


def _shift(span: Span, line: int, delta: int) -> Span:
    """Move a span on the first line of a code block past the ``<pre><code>`` tags."""
    return replace(span, column=span.column + delta) if delta and span.line == line else span
