"""Graph (DocFX) Markdown to MyST: the page's own text, with DocFX syntax made into MyST constructs.

Line by line, outside code fences: DocFX tab headings (``# [HTTP](#tab/http)``
... ``---``) become a sphinx-design tab set; ``> [!NOTE]`` and ``> **Note:**``
blockquotes become admonitions; ``[!INCLUDE [x](path)]`` is the included file
when it is in the tree, else a visible box; annotation comments are dropped;
``{{ Fill ... }}`` becomes a placeholder box; bilingual spans show the
translation, the English going to the span's hover title. Each finding follows
the top-level block its line is in, so it is read where the defect is.
"""

from __future__ import annotations

import posixpath
import re

from markdown_it import MarkdownIt

from lint.parse.markdown.bilingual import ANCHOR_PATTERN, PAIR_PATTERN, STRAY_SPAN_PATTERN
from lint.site.convert.common import (
    ConvertContext,
    MystPage,
    companions_block,
    escape,
    finding_block,
    line_label,
    relative_doc_link,
)
from lint.site.sanitize import safe_uri

# The parser keeps some of these as source text (compiled on first use, for the one-file start-up);
# the site converts every page, so it compiles them once here (re.compile returns a compiled one as is).
_ANCHOR, _PAIR, _STRAY_SPAN = re.compile(ANCHOR_PATTERN), re.compile(PAIR_PATTERN), re.compile(STRAY_SPAN_PATTERN)

FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
_HEADING_START = re.compile(r" {0,3}(?P<hashes>#{1,6})")
_TAB = re.compile(r"^ {0,3}#{1,6}\s*\[(?P<label>[^\]]+)\]\(#tab/(?P<id>[^)\s]+)\)\s*$")
_TAB_END = re.compile(r"^ {0,3}-{3,}\s*$")
_INCLUDE_LINE = re.compile(r"^\s*\[!INCLUDE\s*\[(?P<name>[^\]]*)\]\((?P<path>[^)]+)\)\]\s*$", re.IGNORECASE)
_INCLUDE_INLINE = re.compile(r"\[!INCLUDE\s*\[(?P<name>[^\]]*)\]\((?P<path>[^)]+)\)\]", re.IGNORECASE)
ALERT = re.compile(r"^\s*\[!(?P<kind>NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*$", re.IGNORECASE)
_LABEL = re.compile(r"^\s*\*\*(?P<label>[^*]{1,30}?)\s*[:：]\s*\*\*\s*|^\s*\*\*(?P<label2>[^*]{1,30}?)\*\*\s*[:：]\s*")
_SPAN_LABEL = re.compile(r'^(\s*<span\s+data-ttu-id="[^"]*"\s*>)\s*\*\*[^*]{1,30}?\s*[:：]\s*\*\*\s*')
# Linear: the text is blanks each followed by a character that does not close (possessive,
# bounded), where ``\s*(.*?)\s*`` tried every split of every blank run; alt and target
# are bounded so a line of openers is not rescanned from each.
_PLACEHOLDER = re.compile(r"\{\{\s*+(?P<text>(?:[^\S\n]*+(?:[^\s}]|\}(?!\}))){0,500}+)\s*\}\}")
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]{0,1000})\]\((?P<target>[^)]{0,2000})\)")
_LINK = re.compile(
    r"(?<![!\\])\[(?P<label>(?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*<?(?P<target>(?:[^()\s>]|\([^()\s]*\))*)>?(?:\s+\"[^\"]*\")?\s*\)"
)
# Bounded opening run, as lint.rules.drift_tokens' code pattern: a long run of backticks was cubic.
_CODE_SPAN = re.compile(r"(`{1,16}).+?\1")
#: ``[bundle]: ../resources/bundle.md``: a link reference definition (Graph pages use them often).
_REF_DEF = re.compile(
    r"^ {0,3}\[(?P<label>[^\[\]]+)\]:\s*<?(?P<target>[^\s>]+)>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*$"
)
#: ``[text][label]``, ``[text][]`` and ``[text]`` (a shortcut, only when ``text`` is a defined label).
_REF_LINK = re.compile(r"(?<![!\\\]])\[(?P<text>[^\[\]]+)\](?:\[(?P<label>[^\[\]]*)\]|(?![(\[:]))")
_MARKUP = re.compile(r"\*\*|__|`|\[|\]\([^)]*\)")

_ADMONITIONS = {"note": "note", "tip": "tip", "important": "important", "warning": "warning", "caution": "caution"}


def block_ranges(text: str) -> list[tuple[int, int]]:
    """The 1-based ``(first, last)`` lines of each top-level block (front matter blanked, so lines stay)."""
    lines = text.split("\n")
    end = front_matter_end(lines)
    blanked = "\n".join([""] * end + lines[end:])
    parser = MarkdownIt("commonmark").enable("table")
    return [
        (token.map[0] + 1, token.map[1])
        for token in parser.parse(blanked)
        if token.level == 0 and token.map is not None and token.nesting in (0, 1)
    ]


def block_of(ranges: list[tuple[int, int]], line: int) -> tuple[int, int]:
    """The block holding ``line``, else the last one before it, else the line itself."""
    best = (line, line)
    for first, last in ranges:
        if first <= line <= last:
            return (first, last)
        if last < line:
            best = (first, last)
    return best


def convert(text: str, context: ConvertContext) -> MystPage:
    return _Converter(text, context).run()


def front_matter_end(lines: list[str]) -> int:
    """How many leading lines are YAML front matter (0 when there is none)."""
    if not lines or lines[0].strip() != "---":
        return 0
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return index + 1
    return 0


def heading_parts(line: str) -> tuple[int, str] | None:
    """Level and text of an ATX heading line (one without line breaks), else ``None``.

    Reads the line as ``^ {0,3}(#{1,6})(?:\\s+(.*?))?\\s*#*\\s*$`` did, with string
    methods: that pattern rescanned the blanks and hashes after every character
    of the lazy text, quadratic on a long line of them.
    """
    start = _HEADING_START.match(line)
    if start is None:
        return None
    level, rest = len(start.group("hashes")), line[start.end() :]
    if not rest[:1].isspace():
        # No text: what follows the hashes must be blanks and closing hashes only.
        return (level, "") if not rest.strip().strip("#") else None
    text = rest.lstrip()
    # The text ends where its tail of blanks, closing hashes and blanks begins.
    return level, text[: len(text.rstrip().rstrip("#").rstrip())]


class _Converter:
    """One page's conversion: a single pass over its lines, with the open tab set and heading level as state."""

    def __init__(self, text: str, context: ConvertContext, prefix: str = "sxs-") -> None:
        self.prefix = prefix
        self.lines = text.split("\n")
        self.context = context
        self.out: list[str] = []
        self.sources: dict[str, str] = {}
        self.level = 0
        self.tab_set = False
        self.tab_item = False
        self.titled = False
        ranges = block_ranges(text)
        #: 0-based index of the line after which each finding is shown.
        self.pending: list[tuple[int, str]] = []
        for item in context.findings:
            _first, last = block_of(ranges, item.line)
            self.pending.append((last - 1, finding_block(item, context)))
        self.pending.sort(key=lambda entry: entry[0])
        starts = {block_of(ranges, line)[0] for line in context.targets}
        self.labels = {start - 1: line_label(context.docname, start) for start in starts}
        #: Link reference definitions by normalized label: their links become inline links (resolved
        #: like any other), and the definitions are dropped (MyST would resolve them as pages of its own).
        self.references = _reference_definitions(self.lines)

    def run(self) -> MystPage:
        index = front_matter_end(self.lines)
        if not any(heading_parts(line) and not _TAB.match(_bare(line)) for line in self.lines[index:]):
            self._heading(1, escape(self.context.page.title or posixpath.basename(self.context.docname)))
        while index < len(self.lines):
            if index in self.labels and not (self.tab_set and _TAB.match(_bare(self.lines[index]))):
                self.out.extend(["", f"({self.labels[index]})=", ""])
            index = self._line(index)
            self._flush(index - 1)
        self._close_tabs()
        self._flush(len(self.lines))
        return MystPage("\n".join(self.out).rstrip() + "\n", self.sources)

    def _flush(self, done: int) -> None:
        """Show the findings whose block ends at or before line index ``done``."""
        while self.pending and self.pending[0][0] <= done:
            self.out.extend(["", self.pending.pop(0)[1], ""])

    def _line(self, index: int) -> int:
        """Convert the construct starting at ``index``; the index of the next unread line."""
        line = self.lines[index]
        if fence := FENCE.match(line):
            return self._fence(index, fence)
        stripped = line.strip()
        if stripped.startswith("<!--"):
            return self._skip_comment(index)
        if tab := _TAB.match(_bare(line)):
            self._open_tab(_bare(tab.group("label")), tab.group("id"))
            return index + 1
        if self.tab_set and _TAB_END.match(line):
            self._close_tabs()
            return index + 1
        if _TAB_END.match(line) and (index == 0 or not self.lines[index - 1].strip()):
            return index + 1  # a thematic break: decoration, and docutils rejects one that ends a section
        if heading := heading_parts(line):
            self._close_tabs()
            self._heading(heading[0], self._inline(heading[1]))
            return index + 1
        if include := _INCLUDE_LINE.match(line):
            self.out.extend(["", *self._include(include.group("path")), ""])
            return index + 1
        if re.match(r"^ {0,3}>", line):
            return self._blockquote(index)
        if _REF_DEF.match(line):
            self.out.append("")
            return index + 1
        self.out.append(self._inline(line))
        return index + 1

    def _heading(self, level: int, text: str) -> None:
        # MyST warns on a jump (H3 to H5) and on a page starting below H1: Graph pages do both.
        level = min(level, self.level + 1)
        self.level = level
        self.out.extend(["", f"{'#' * level} {text}", ""])
        if not self.titled:
            self.titled = True
            block = companions_block(self.context)
            if block:
                self.out.extend([block, ""])

    def _fence(self, index: int, opening: re.Match[str]) -> int:
        marker = opening.group("fence")
        language = lexer_for(opening.group("info").split()[0] if opening.group("info").strip() else "")
        if language == "http" and not self._is_http_block(index + 1):
            language = "text"
        body: list[str] = []
        cursor = index + 1
        while cursor < len(self.lines):
            candidate = self.lines[cursor]
            if candidate.strip().startswith(marker[0] * len(marker)) and not candidate.strip().strip(marker[0]):
                cursor += 1
                break
            body.append(candidate)
            cursor += 1
        width = max(3, len(marker), *(len(run) for line in body for run in re.findall(r"`{3,}", line)))
        self.out.extend([f"{'`' * (width + 1)}{language}", *body, "`" * (width + 1)])
        return cursor

    def _is_http_block(self, first_line: int) -> bool:
        """Whether the model read a request or response in the fence starting here (else no HTTP to highlight)."""
        page = self.context.page
        found = [item.span.line for item in page.requests] + [item.span.line for item in page.responses]
        return any(first_line <= line <= first_line + 2 for line in found)

    def _skip_comment(self, index: int) -> int:
        """Drop an HTML comment (annotations such as ``<!-- { "blockType": ... } -->`` are metadata, not text)."""
        cursor = index
        while cursor < len(self.lines):
            if "-->" in self.lines[cursor]:
                return cursor + 1
            cursor += 1
        return cursor

    def _open_tab(self, label: str, tab_id: str) -> None:
        if self.tab_item:
            self.out.extend(["", ":::::", ""])
        if not self.tab_set:
            self.out.extend(["", "::::::{tab-set}", ""])
            self.tab_set = True
        self.out.extend([f":::::{{tab-item}} {escape(label)}", f":sync: {re.sub(r'[^A-Za-z0-9_-]', '-', tab_id)}", ""])
        self.tab_item = True

    def _close_tabs(self) -> None:
        if self.tab_item:
            self.out.extend(["", ":::::"])
            self.tab_item = False
        if self.tab_set:
            self.out.extend(["", "::::::", ""])
            self.tab_set = False

    def _include(self, target: str) -> list[str]:
        """The included file's converted text, or the box saying it is not available."""
        path = posixpath.normpath(posixpath.join(self.context.source_dir, target.strip()))
        content = self.context.read_include(path) if self.context.source_dir else None
        if content is None:
            return [
                "::::{admonition} Included content not available",
                ":class: doclint-include-missing",
                "",
                f"included content not available: `{target.strip().replace('`', '')}`",
                "::::",
            ]
        return [self._inline(line) for line in content.split("\n") if not line.lstrip().startswith("<!--")]

    def _blockquote(self, index: int) -> int:
        """A blockquote: an admonition when it is a DocFX alert or a ``**Note:**`` callout, else kept."""
        cursor = index
        body: list[str] = []
        while cursor < len(self.lines) and re.match(r"^ {0,3}>", self.lines[cursor]):
            body.append(re.sub(r"^ {0,3}> ?", "", self.lines[cursor]))
            cursor += 1
        kind = self._note_kind(index + 1)
        if alert := ALERT.match(body[0]):
            kind = alert.group("kind").lower()
            body = body[1:]
        elif kind is not None:
            # The label (``**Note:**``, ``**注意：**``) is the admonition's title now, also inside a bilingual span.
            body[0] = _SPAN_LABEL.sub(r"\1", _LABEL.sub("", body[0], count=1), count=1)
        if kind is None:
            self.out.extend(f"> {self._inline(line)}" for line in body)
            return cursor
        directive = _ADMONITIONS.get(kind, "note")
        self.out.extend(["", f"::::{{{directive}}}", *(self._inline(line) for line in body), "::::", ""])
        return cursor

    def _note_kind(self, line: int) -> str | None:
        for note in self.context.page.notes:
            if note.span.line == line:
                return note.kind
        return None

    def _inline(self, text: str) -> str:
        """Inline DocFX and bilingual markup to MyST; code spans are left as they are."""
        # Bilingual pairs first, on the whole line: a segment's text may hold code spans.
        text = _STRAY_SPAN.sub("", _PAIR.sub(self._pair, _ANCHOR.sub("", text)))
        out, last = [], 0
        for match in _CODE_SPAN.finditer(text):
            out.append(self._inline_text(text[last : match.start()]))
            out.append(match.group(0))
            last = match.end()
        out.append(self._inline_text(text[last:]))
        return "".join(out)

    def _inline_text(self, text: str) -> str:
        text = _INCLUDE_INLINE.sub(lambda m: f"{{doclint-missing}}`{_role_text(m.group('path'))}`", text)
        text = _IMAGE.sub(lambda m: escape(m.group("alt")), text)
        if self.references:
            text = _REF_LINK.sub(self._reference, text)
        text = _LINK.sub(self._link, text)
        return _PLACEHOLDER.sub(lambda m: f"{{doclint-placeholder}}`{_role_text(m.group('text'))}`", text)

    def _pair(self, match: re.Match[str]) -> str:
        visible = _STRAY_SPAN.sub("", match.group("text"))
        if not visible.strip():
            return visible
        key = f"{self.prefix}{len(self.sources) + 1}"
        self.sources[key] = " ".join(_MARKUP.sub("", _STRAY_SPAN.sub("", match.group("source"))).split())
        return f"[{visible}]{{#{key} .doclint-sxs}}"

    def _reference(self, match: re.Match[str]) -> str:
        """A reference link as the inline link it stands for; an undefined one (or plain brackets) as it was."""
        target = self.references.get(_label_key(match.group("label") or match.group("text")))
        return match.group(0) if target is None else f"[{match.group('text')}]({target})"

    def _link(self, match: re.Match[str]) -> str:
        """A link that works in this locale's site, or its text when its target is not there (or unsafe)."""
        label, target = match.group("label"), match.group("target")
        if not target or not safe_uri(target):
            return label
        if re.match(r"^(https?|mailto):", target, re.IGNORECASE):
            return f"[{label}]({target})"
        if target.startswith(("#", "/")):
            return label  # an anchor of the original site's markup, or a path on a site that is not this one
        path = posixpath.normpath(posixpath.join(posixpath.dirname(self.context.relative), target.split("#")[0]))
        docname = self.context.resolve(path)
        if docname is None:
            return label
        return f"[{label}]({relative_doc_link(self.context.docname, docname)})"


class InlineMarkdown:
    """Inline Graph Markdown to MyST for text outside a Markdown page's own pass (platyPS help paragraphs)."""

    def __init__(self, context: ConvertContext) -> None:
        self._converter = _Converter("", context, prefix="sxs-p")

    def convert(self, text: str) -> str:
        return self._converter._inline(text)

    @property
    def sources(self) -> dict[str, str]:
        return self._converter.sources


def _bare(text: str) -> str:
    """Text without anchors and bilingual markup: the translation alone (to recognise a translated tab heading)."""
    return _STRAY_SPAN.sub("", _PAIR.sub(lambda match: match.group("text"), _ANCHOR.sub("", text)))


def _label_key(label: str) -> str:
    """Labels match case-insensitively, with runs of spaces as one (CommonMark's normalization)."""
    return " ".join(label.split()).casefold()


def _reference_definitions(lines: list[str]) -> dict[str, str]:
    """The page's link reference definitions outside code fences, the first of each label winning."""
    found: dict[str, str] = {}
    fence: str | None = None
    for line in lines:
        if opening := FENCE.match(line):
            marker = opening.group("fence")
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            continue
        if fence is None and (definition := _REF_DEF.match(line)):
            found.setdefault(_label_key(definition.group("label")), definition.group("target"))
    return found


def _role_text(text: str) -> str:
    return text.replace("`", "'").strip() or "…"


def lexer_for(name: str) -> str:
    """A Pygments lexer Sphinx knows for the fence's info string (``text`` when none, so no warning)."""
    name = name.lower()
    if not name:
        return "text"
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        get_lexer_by_name(name)
    except ClassNotFound:
        return "text"
    return name
