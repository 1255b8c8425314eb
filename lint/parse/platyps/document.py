"""The platyPS page as scanned lines: fences, comments and headings located once.

Every section reader asks the same questions (is this line code, a comment, a
heading? which headings are inside this one? which section holds this line?),
so the answers are computed in one pass and shared. Indices are 0-based while
scanning; ``Doc.span`` is the one place they become the model's 1-based spans.
"""

from __future__ import annotations

import bisect
import re

from msgspec import Struct, field

from lint.lazy_pattern import lazy_compile
from lint.model import CodeBlock, Comment, ParseDiagnostic, Span
from lint.parse.fences import UnclosedFence
from lint.parse.platyps.powershell_literal import CodeLine

__all__ = [
    "Doc",
    "Fence",
    "Heading",
    "children",
    "code_block",
    "fence_lines",
    "fences_in",
    "first_column",
    "last_text_line",
    "scan",
    "section_of",
    "split_lines",
]

_FENCE_OPEN = re.compile(r"^(?P<indent> {0,3})(?P<marker>`{3,}|~{3,})(?P<info>.*)$")
_FENCE_CLOSE = {
    "`": lazy_compile(r"^ {0,3}(?P<marker>`{3,})[ \t]*$"),
    "~": lazy_compile(r"^ {0,3}(?P<marker>~{3,})[ \t]*$"),
}
# Linear: the title is runs of blanks each followed by a non-blank (possessive), so
# its trailing blanks are left to ``[ \t]*$`` without a lazy rescan of every blank run;
# closing hashes start only at the first blank of a run.
_HEADING = re.compile(r"^ {0,3}(?P<hashes>#{1,6})(?:[ \t]++(?P<title>(?:[ \t]*+[^ \t\n])*+))?[ \t]*$")
_CLOSING_HASHES = re.compile(r"(?:^|(?<![ \t])[ \t]+)#+$")
_COMMENT_OPEN = re.compile(r"^ {0,3}<!--")
#: The headings of platyPS's skeleton: a line like these inside a fence is the writer's next
#: section swallowed by a fence left open, not code (a PowerShell comment is ``# text``).
_SKELETON_HEADING = re.compile(
    r"^ {0,3}(?:## (?:SYNOPSIS|SYNTAX|DESCRIPTION|EXAMPLES|PARAMETERS|INPUTS|OUTPUTS|NOTES|RELATED LINKS|ALIASES)"
    r"|### (?:-+ ?)?EXAMPLE \d+\b.*|### -[A-Za-z_]\w*|### CommonParameters)[ \t]*$",
    re.IGNORECASE,
)


class Fence(Struct, frozen=True):
    """A fenced code block: ``start`` is the opening line, ``stop`` the index after its content."""

    start: int
    stop: int
    close: int | None
    indent: int
    info: str

    @property
    def language(self) -> str:
        """The first word of the info string, lower-cased ("" when there is none)."""
        words = self.info.split()
        return words[0].lower() if words else ""

    @property
    def last(self) -> int:
        """Index of the last line the fence occupies (closing line, or last content line)."""
        return self.close if self.close is not None else max(self.start, self.stop - 1)


class Heading(Struct):
    """An ATX heading; ``stop`` is the index after its region (subsections included)."""

    level: int
    title: str
    index: int
    stop: int = 0
    anchor: str = ""
    role: str = ""


class Doc(Struct):
    """The page as lines, with fences, comments and headings located once."""

    path: str
    lines: list[str]
    body_start: int
    fences: dict[int, Fence] = field(default_factory=dict)
    in_fence: list[bool] = field(default_factory=list)
    in_comment: list[bool] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    heading_at: dict[int, Heading] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)
    diagnostics: list[ParseDiagnostic] = field(default_factory=list)
    code_blocks: list[CodeBlock] = field(default_factory=list)

    def span(self, index: int, column: int = 1, end: int | None = None) -> Span:
        """A span from 0-based line indices, converted to the 1-based model once, here."""
        return Span(self.path, index + 1, column, (end if end is not None else index) + 1)

    def is_text(self, index: int) -> bool:
        """True for a line that is neither code, comment nor heading: prose or structure."""
        return not (self.in_fence[index] or self.in_comment[index] or index in self.heading_at)

    def diagnose(self, code: str, message: str, span: Span) -> None:
        """Record a problem in the page; parsing goes on."""
        self.diagnostics.append(ParseDiagnostic(code, message, span))


def split_lines(text: str) -> list[str]:
    """Lines as an editor counts them: only LF, CRLF and CR end a line."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


def first_column(line: str) -> int:
    """1-based column of the first non-blank character (1 for a blank line)."""
    stripped = line.lstrip()
    return len(line) - len(stripped) + 1 if stripped else 1


def scan(doc: Doc) -> None:
    """Locate code and comments first: a ``#`` line inside either is no heading."""
    _scan_blocks(doc)
    _scan_headings(doc)


def _scan_blocks(doc: Doc) -> None:
    """Find fenced code and HTML comments in one pass, as Markdown nests them.

    A ``<!--`` inside a fence is code, and a fence inside a comment is
    comment, so the two cannot be found independently.
    """
    lines = doc.lines
    count = len(lines)
    doc.in_fence = [False] * count
    doc.in_comment = [False] * count
    index = doc.body_start
    while index < count:
        line = lines[index]
        opening = _FENCE_OPEN.match(line)
        if opening and not (opening.group("marker")[0] == "`" and "`" in opening.group("info")):
            index = _take_fence(doc, index, opening)
            continue
        if _COMMENT_OPEN.match(line):
            index = _take_comment(doc, index)
            continue
        index += 1


def _take_fence(doc: Doc, start: int, opening: re.Match[str]) -> int:
    """Record the fence opened at ``start``; return the index after it.

    A fence left open runs on, as Markdown reads it, to the next bare fence
    line (often the next example's opening one) or the page's end, and every
    section after it shifts. When its code holds a heading of the platyPS
    skeleton, the fence ends before that heading instead: one
    ``unclosed-fence`` at the opening line, and the rest of the page reads as
    the writer meant it.
    """
    marker = opening.group("marker")
    closer = _FENCE_CLOSE[marker[0]]
    close: int | None = None
    for index in range(start + 1, len(doc.lines)):
        match = closer.match(doc.lines[index])
        if match and len(match.group("marker")) >= len(marker):
            close = index
            break
    stop = close if close is not None else len(doc.lines)
    heading = next((index for index in range(start + 1, stop) if _SKELETON_HEADING.match(doc.lines[index])), None)
    unclosed: UnclosedFence | None = None
    if heading is not None:
        last_code = close if close is not None else last_text_line(doc, start, len(doc.lines)) + 1
        unclosed = UnclosedFence(
            start + 1,
            last_code,
            to_end=close is None,
            swallowed_heading=(heading + 1, doc.lines[heading].strip()),
        )
        close, stop = None, heading
    elif close is None:
        unclosed = UnclosedFence(start + 1, last_text_line(doc, start, len(doc.lines)) + 1, to_end=True)
    fence = Fence(start, stop, close, len(opening.group("indent")), opening.group("info").strip())
    doc.fences[start] = fence
    for index in range(start, fence.last + 1):
        doc.in_fence[index] = True
    if unclosed is not None:
        doc.diagnose("unclosed-fence", unclosed.message(), doc.span(start, fence.indent + 1))
    return fence.last + 1


def _take_comment(doc: Doc, start: int) -> int:
    """Record the HTML comment opened at ``start`` (kept for disable directives)."""
    line = doc.lines[start]
    column = line.index("<!--")
    end_index, end_offset = start, -1
    for index in range(start, len(doc.lines)):
        found = doc.lines[index].find("-->", column + 4 if index == start else 0)
        end_index = index
        if found >= 0:
            end_offset = found
            break
    for index in range(start, end_index + 1):
        doc.in_comment[index] = True
    if start == end_index:
        body = line[column + 4 : end_offset if end_offset >= 0 else len(line)]
    else:
        middle = doc.lines[start + 1 : end_index]
        last = doc.lines[end_index][: end_offset if end_offset >= 0 else None]
        body = "\n".join([line[column + 4 :], *middle, last])
    doc.comments.append(Comment(body.strip(), doc.span(start, column + 1, end_index)))
    return end_index + 1


def _scan_headings(doc: Doc) -> None:
    """ATX headings outside code and comments, each with the region it governs."""
    open_headings: list[Heading] = []
    for index in range(doc.body_start, len(doc.lines)):
        if doc.in_fence[index] or doc.in_comment[index]:
            continue
        match = _HEADING.match(doc.lines[index])
        if not match:
            continue
        title = _CLOSING_HASHES.sub("", match.group("title") or "").strip()
        heading = Heading(len(match.group("hashes")), title, index)
        while open_headings and open_headings[-1].level >= heading.level:
            open_headings.pop().stop = index
        open_headings.append(heading)
        doc.headings.append(heading)
        doc.heading_at[index] = heading
    for heading in open_headings:
        heading.stop = len(doc.lines)


def last_text_line(doc: Doc, start: int, stop: int) -> int:
    """Index of the last non-blank line in ``[start, stop)``, else ``start``."""
    for index in range(min(stop, len(doc.lines)) - 1, start - 1, -1):
        if doc.lines[index].strip():
            return index
    return start


def children(doc: Doc, parent: Heading) -> list[Heading]:
    """The next level of headings inside ``parent`` (normally its ``###`` headings)."""
    inside = [h for h in doc.headings if parent.index < h.index < parent.stop and h.level > parent.level]
    if not inside:
        return []
    level = min(h.level for h in inside)
    return [h for h in inside if h.level == level]


def section_of(doc: Doc, index: int) -> str | None:
    """Anchor of the innermost section holding line ``index``."""
    positions = [h.index for h in doc.headings]
    at = bisect.bisect_right(positions, index) - 1
    while at >= 0:
        heading = doc.headings[at]
        if heading.level >= 2 and heading.stop > index:
            return heading.anchor or None
        if heading.level < 2:
            return None
        at -= 1
    return None


def fences_in(doc: Doc, start: int, stop: int) -> list[Fence]:
    """Fences opening in ``[start, stop)``, in document order."""
    return [fence for index, fence in sorted(doc.fences.items()) if start <= index < stop]


def fence_lines(doc: Doc, fence: Fence) -> list[CodeLine]:
    """Content lines of a fence, with the fence's indentation removed as Markdown does."""
    result: list[CodeLine] = []
    for index in range(fence.start + 1, fence.stop):
        line = doc.lines[index]
        removed = len(line) - len(line.lstrip(" ")) if fence.indent else 0
        removed = min(removed, fence.indent)
        result.append(CodeLine(index + 1, removed + 1, line[removed:]))
    return result


def code_block(doc: Doc, lines: list[CodeLine], fallback: int, language: str, fenced: bool) -> CodeBlock:
    """A CodeBlock whose span starts at its first code line (or the fence when empty)."""
    span = Span(doc.path, lines[0].line, lines[0].column, lines[-1].line) if lines else doc.span(fallback)
    text = "\n".join(line.text for line in lines)
    return CodeBlock(language, text, span, fenced, section=section_of(doc, span.line - 1))
