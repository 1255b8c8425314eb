"""Find the extent of HTTP messages and JSON texts among the lines of a rendering.

A rendering has no fences, so nothing marks where a message ends. A message
is its request or status line, then the lines that look like HTTP headers,
then, if one follows, a JSON body whose extent is its balanced brackets. Once
the extent is known, the lines go through the parsers every format shares
(:mod:`lint.parse.http`, :mod:`lint.parse.jsontext`), which also keep a body
too deeply nested to decode, with an error, rather than fail the page.
"""

from __future__ import annotations

from collections.abc import Sequence

from lint.model import JsonExample, RequestOrigin
from lint.parse.http import HEADER_LINE, REQUEST_LINE, HttpBlock, parse_http_block, split_target
from lint.parse.jsontext import brackets, parse_json
from lint.parse.text.lines import MAX_MESSAGE_LINE, Line, next_nonblank, span_of

__all__ = ["is_syntax_request", "json_end", "message_end", "parse_json_lines", "parse_message", "syntax_end"]

#: HTTP headers that have no hyphen (hyphenated names are accepted as such).
_KNOWN_HEADERS = frozenset(
    {"authorization", "accept", "prefer", "host", "location", "date", "etag", "consistencylevel", "expect", "range"}
)


def is_syntax_request(line: Line, section_role: str | None) -> bool:
    """Whether a request line documents the operation rather than shows it.

    In the HTTP request section every request line is syntax; elsewhere a
    request is an example unless its target is a template (relative, with
    ``{placeholders}``).
    """
    if section_role == "http-request":
        return True
    match = REQUEST_LINE.match(line.text)
    target = split_target(match.group("target")) if match else None
    return target is not None and target.host is None and "{" in target.path


def syntax_end(lines: Sequence[Line], start: int) -> int:
    """Index of the last of the consecutive request lines from ``start``."""
    end = start
    while (after := next_nonblank(lines, end + 1)) < len(lines) and lines[after].kind == "request":
        end = after
    return end


def message_end(lines: Sequence[Line], start: int) -> int:
    """Index of the last line of the message at ``start``: its headers, then its body."""
    head_end = start
    while head_end + 1 < len(lines) and _is_header_line(lines[head_end + 1]):
        head_end += 1
    body = next_nonblank(lines, head_end + 1)
    if body < len(lines) and lines[body].text[:1] in ("{", "["):
        return json_end(lines, body)
    return head_end


def json_end(lines: Sequence[Line], start: int) -> int:
    """Index of the last line of the JSON text starting at ``start``.

    The extent is the balanced brackets. An unbalanced text stops before the
    first line that cannot be JSON (a heading, prose, code), so that a broken
    body does not swallow the rest of the page; the JSON example keeps
    its parse error.
    """
    depth = 0
    last = start
    for index in range(start, len(lines)):
        line = lines[index]
        if index > start and not _jsonish(line.text):
            break
        if line.kind == "blank":
            continue
        last = index
        depth += _bracket_delta(line.text)
        if depth <= 0:
            return index
    return last


def parse_message(
    lines: Sequence[Line], start: int, end: int, *, path: str, origin: RequestOrigin, section: str | None
) -> HttpBlock:
    """Lines ``start..end`` through the HTTP parser every format shares."""
    return parse_http_block(
        [line.raw for line in lines[start : end + 1]],
        path=path,
        first_line=lines[start].number,
        origin=origin,
        section=section,
        block=span_of(path, lines[start], lines[end]),
    )


def parse_json_lines(lines: Sequence[Line], path: str) -> JsonExample:
    """A JSON text standing on its own (an example that is not a message)."""
    return parse_json(_json_text(lines), span_of(path, lines[0], lines[-1]))


def _is_header_line(line: Line) -> bool:
    """An HTTP header line: ``Name: value`` with a plausible header name.

    The name must be a known header or hyphenated, so that prose such as
    ``Nota: ...`` after a request without body is not taken for a header.
    """
    if len(line.text) > MAX_MESSAGE_LINE:
        return False
    match = HEADER_LINE.match(line.text)
    if match is None or line.kind in ("heading", "request", "status"):
        return False
    name = match.group("name")
    return name.casefold() in _KNOWN_HEADERS or ("-" in name.strip("-") and not name.startswith("-"))


def _jsonish(text: str) -> bool:
    """A line that can be part of a JSON text printed one member per line."""
    if not text:
        return True
    return text[0] in '{}[]",-0123456789' or text.startswith(("true", "false", "null"))


def _bracket_delta(text: str) -> int:
    """Net JSON nesting change of one line, ignoring brackets inside strings."""
    return sum(1 if char in "{[" else -1 for char in brackets(text))


def _json_text(lines: Sequence[Line]) -> str:
    """The JSON text of body lines, starting at its first character."""
    return "\n".join([lines[0].text, *(line.raw for line in lines[1:])])
