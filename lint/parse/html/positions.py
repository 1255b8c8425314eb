"""Where things are in the source: offsets to spans, tags to their start and end, text to its offset.

A mixin of the walker (it needs the source text, its line starts and the
start-to-end tag pairs the walker computes once per page). Text is found by
searching the source from the start of the enclosing element, skipping
matches inside tags.
"""

from __future__ import annotations

import bisect
import re

from bs4 import BeautifulSoup
from bs4.element import Tag

from lint.model import Span
from lint.parse.html.elements import VOID

_START_TAG = re.compile(r"""<[^\s/>]*(?:"[^"]*"|'[^']*'|[^'">])*>?""")


class SourcePositions:
    """Positions over ``text``; the walker provides the fields."""

    __slots__ = ()
    path: str
    text: str
    line_starts: list[int]
    ends: dict[int, int]

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
            if tag.name in VOID:
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
