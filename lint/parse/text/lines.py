"""Say what each line of a text rendering looks like, one line at a time.

This is the first pass of the text parser. A rendering copied from a browser
puts every heading, table cell, HTTP line and code line on a line of its own,
so most of the parsing decisions can be made on one line alone and tested
that way. What a line cannot settle alone (where a table or a code run ends,
which snippet a comment belongs to) is left to the grouping pass, which
reads the kinds given here with a little look-ahead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from msgspec import Struct, field

from lint.model import Span
from lint.parse.http import REQUEST_LINE, STATUS_LINE
from lint.parse.text.code_language import code_kind, code_shaped, score_line
from lint.parse.text.vocabulary import HeadingWord, cell_kind, match_heading
from lint.source import normalize_line_ends

__all__ = ["MAX_MESSAGE_LINE", "Line", "classify_line", "classify_lines", "next_nonblank", "prose_like", "span_of"]

#: Longer lines are never request, status or header lines; the shared
#: patterns backtrack on long runs of spaces, so they are not even tried.
MAX_MESSAGE_LINE = 4096
_METHOD_PREFIXES = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


class Line(Struct, frozen=True):
    """One file line and what it looks like on its own."""

    number: int
    raw: str
    text: str
    column: int
    kind: str
    scores: dict[str, float] = field(default_factory=dict)
    heading: HeadingWord | None = None


def classify_lines(text: str) -> list[Line]:
    """Every line of ``text``, numbered as editors number them, classified."""
    return [_classify(raw, number) for number, raw in enumerate(_split_lines(text), start=1)]


def classify_line(text: str) -> tuple[str, dict[str, float]]:
    """Say what one stripped line looks like, without context.

    Kinds: ``blank``, ``request``, ``status``, ``heading``, ``table-word``,
    ``banner``, ``comment``, ``code``, ``json-start``, ``weak`` (code-shaped
    but not sure: braces, ``x = y,``, quoted strings) and ``prose``. The
    language scores are returned for code-ish lines.
    """
    if not text:
        return "blank", {}
    if _is_request_start(text):
        return "request", {}
    if len(text) <= MAX_MESSAGE_LINE and text.startswith("HTTP/") and STATUS_LINE.match(text):
        return "status", {}
    if match_heading(text) is not None:
        return "heading", {}
    if cell_kind(text) is not None:
        return "table-word", {}
    scores = score_line(text)
    kind = code_kind(text, scores)
    if kind is not None:
        return kind, scores
    if _is_json_start(text):
        return "json-start", scores
    if not prose_like(text) and code_shaped(text, scores):
        return "weak", scores
    return "prose", scores


def prose_like(text: str) -> bool:
    """True for natural-language text: several words made of letters only.

    Code has identifiers joined by dots and brackets; a sentence has words.
    CJK text has no spaces, so a few CJK characters are enough.
    """
    if len(_CJK.findall(text)) >= 4:
        return True
    words = text.split()
    letters = sum(1 for word in words if word.strip(".,:;!?()\"'«»¿¡").isalpha())
    return letters >= 4 and letters >= 0.6 * len(words)


def next_nonblank(lines: Sequence[Line], index: int) -> int:
    """Index of the first non-blank line from ``index`` (or the end)."""
    while index < len(lines) and lines[index].kind == "blank":
        index += 1
    return index


def span_of(path: str, first: Line, last: Line | None = None) -> Span:
    """The span from ``first`` (at its first non-blank column) to ``last``."""
    return Span(path, first.number, first.column, (last or first).number)


def _is_request_start(text: str) -> bool:
    """An HTTP request line whose target is a URL or a path, not a word.

    ``DELETE requests are idempotent.`` matches the loose request-line
    pattern; a real target starts with ``/``, ``{``, a scheme or the host.
    """
    if len(text) > MAX_MESSAGE_LINE or not text.startswith(_METHOD_PREFIXES):
        return False
    match = REQUEST_LINE.match(text)
    if match is None:
        return False
    target = match.group("target")
    return target.startswith(("/", "{", "http://", "https://", "graph.microsoft.com"))


def _is_json_start(text: str) -> bool:
    """The first line of a JSON text as renderers print it."""
    return text in ("{", "[", "{}", "[]") or text.startswith(('{"', '["', "[{"))


def _classify(raw: str, number: int) -> Line:
    text = raw.strip()
    kind, scores = classify_line(text)
    column = len(raw) - len(raw.lstrip()) + 1
    heading = match_heading(text) if kind == "heading" else None
    return Line(number, raw, text, column, kind, scores, heading)


def _split_lines(text: str) -> list[str]:
    """File lines as editors number them (LF, CRLF or CR alone; no phantom last line)."""
    lines = normalize_line_ends(text).split("\n")
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    return lines
