"""Parse JSON example text and map values back to source positions.

The standard library parses (fast, exact error offsets); a small tokenizer
maps every JSON pointer to the line and column of its key and value, so that
a schema error or a duplicate key is reported where the writer can see it.
The tokenizer runs only when positions are needed.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from msgspec import Struct

from lint.lazy_pattern import lazy_compile
from lint.model import Annotation, JsonError, JsonExample, Span
from lint.parse.nesting import MAX_NESTING, json_too_deep

_TOKEN = lazy_compile(
    r'(?P<string>"(?:[^"\\\n]|\\.)*")'
    r"|(?P<punct>[{}\[\]:,])"
    r"|(?P<newline>\n)"
    r"|(?P<space>[ \t\r]+)"
    r"|(?P<other>[^\s{}\[\]:,\"]+)"
)


def overlong_integer(text: str) -> tuple[int, int]:
    """Offset and length of the first integer longer than Python converts (``sys.get_int_max_str_digits``).

    ``json.loads`` raises a plain ValueError for such a number (valid JSON,
    but converting it is quadratic, so Python refuses past 4,300 digits): the
    caller reports it as the example's error, here, instead of crashing.
    """
    limit = sys.get_int_max_str_digits() or 4300
    match = re.search(rf"[0-9]{{{limit + 1},}}", text)
    return (match.start(), len(match.group())) if match else (0, 0)


def overlong_integer_message(digits: int) -> str:
    return f"a number of {digits:,} digits, longer than the {sys.get_int_max_str_digits() or 4300:,} doclint can read"


def looks_like_json(text: str) -> bool:
    """True when a body is meant to be JSON (object or array)."""
    return text.lstrip()[:1] in ("{", "[")


class _DuplicateKeys:
    """``object_pairs_hook`` that notes keys repeated within one object."""

    def __init__(self) -> None:
        self.found = False

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in pairs:
            if key in result:
                self.found = True
            result[key] = value
        return result


def parse_json(
    text: str,
    span: Span,
    *,
    annotation: Annotation | None = None,
    origin: str = "json-fence",
    base_column: int = 1,
) -> JsonExample:
    """Parse ``text`` whose first character is at ``span``.

    Lines after the first start at ``base_column`` (the indentation of the
    enclosing block). Text that does not look like JSON is kept unparsed,
    with neither value nor error: a plain-text or binary body is not wrong.
    """
    if not looks_like_json(text):
        return JsonExample(text=text, span=span, annotation=annotation, origin=origin)
    deep = json_too_deep(text)
    if deep is not None:
        # Every walk over the value (schemas, the diff with the English page) recurses per level.
        message = f"JSON is nested deeper than {MAX_NESTING} levels; not checked further"
        return JsonExample(
            text=text,
            span=span,
            error=JsonError(message, *absolute(span, base_column, *line_and_column(text, deep))),
            annotation=annotation,
            origin=origin,
        )
    hook = _DuplicateKeys()
    try:
        value = json.loads(text, object_pairs_hook=hook)
    except json.JSONDecodeError as error:
        from lint.parse.json_errors import describe_json_error  # only pages with a broken example pay for it

        message, offset = describe_json_error(text, error)
        line, column = absolute(span, base_column, *line_and_column(text, offset))
        return JsonExample(
            text=text,
            span=span,
            error=JsonError(message, line, column),
            annotation=annotation,
            origin=origin,
        )
    except ValueError:  # an integer too long to convert (see overlong_integer)
        offset, digits = overlong_integer(text)
        line, column = absolute(span, base_column, *line_and_column(text, offset))
        return JsonExample(
            text=text,
            span=span,
            error=JsonError(overlong_integer_message(digits), line, column),
            annotation=annotation,
            origin=origin,
        )
    duplicates: tuple[tuple[str, int, int], ...] = ()
    if hook.found:
        duplicates = tuple(
            (key, *absolute(span, base_column, line, column)) for key, line, column in find_duplicate_keys(text)
        )
    return JsonExample(
        text=text, span=span, value=value, annotation=annotation, origin=origin, duplicate_keys=duplicates
    )


def brackets(text: str) -> Iterator[str]:
    """The ``{ [ ] }`` of ``text`` that stand outside JSON strings (escapes understood), in order."""
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "{[]}":
            yield char


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def absolute(span: Span, base_column: int, line: int, column: int) -> tuple[int, int]:
    """Turn a 1-based (line, column) inside a JSON text into a file position."""
    return span.line + line - 1, (span.column if line == 1 else base_column) + column - 1


class Position(Struct, frozen=True):
    """Where a JSON value (and its key, for object members) starts in the text."""

    line: int
    column: int
    key_line: int
    key_column: int


def _tokens(text: str) -> Iterator[tuple[str, str, int, int]]:
    line, line_start = 1, 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind == "newline":
            line, line_start = line + 1, match.end()
            continue
        if kind == "space":
            continue
        yield kind, match.group(), line, match.start() - line_start + 1


@lru_cache(maxsize=256)
def locate(text: str) -> dict[str, Position]:
    """Map each JSON pointer in ``text`` to its 1-based position.

    Tolerant of broken input: it maps what it can, so a partially valid
    example still gets positions for the part that parses. Cached: rules ask
    for the same body once per error; callers must treat the map as read-only.
    """
    positions: dict[str, Position] = {}
    # Each frame: (pointer, is_object, next array index, pending key and its position).
    stack: list[list[Any]] = []
    pending_key: tuple[str, int, int] | None = None
    expecting_key = False

    def child_pointer(frame: list[Any]) -> str:
        if frame[1]:
            key = pending_key[0] if pending_key else ""
            return frame[0] + "/" + key.replace("~", "~0").replace("/", "~1")
        pointer = f"{frame[0]}/{frame[2]}"
        return pointer

    def record(line: int, column: int) -> str:
        if not stack:
            positions[""] = Position(line, column, line, column)
            return ""
        frame = stack[-1]
        pointer = child_pointer(frame)
        if frame[1] and pending_key:
            positions[pointer] = Position(line, column, pending_key[1], pending_key[2])
        else:
            positions[pointer] = Position(line, column, line, column)
        return pointer

    for kind, value, line, column in _tokens(text):
        if kind == "punct":
            if value in "{[":
                pointer = record(line, column)
                stack.append([pointer, value == "{", 0])
                expecting_key = value == "{"
                pending_key = None
            elif value in "}]":
                if stack:
                    stack.pop()
                expecting_key = False
                pending_key = None
            elif value == "," and stack:
                frame = stack[-1]
                if frame[1]:
                    expecting_key = True
                    pending_key = None
                else:
                    frame[2] += 1
            continue
        if expecting_key and kind == "string":
            try:
                key = json.loads(value)
            except json.JSONDecodeError:
                key = value.strip('"')
            pending_key = (key, line, column)
            expecting_key = False
            continue
        record(line, column)
    return positions


def find_duplicate_keys(text: str) -> list[tuple[str, int, int]]:
    """Keys that repeat inside one object, each with the position of the repeat."""
    # One frame per open container: the keys seen so far, or None for an array.
    stack: list[set[str] | None] = []
    found: list[tuple[str, int, int]] = []
    expecting_key = False
    for kind, value, line, column in _tokens(text):
        if kind == "punct":
            if value in "{[":
                stack.append(set() if value == "{" else None)
                expecting_key = value == "{"
            elif value in "}]":
                if stack:
                    stack.pop()
                expecting_key = False
            elif value == ",":
                expecting_key = bool(stack) and stack[-1] is not None
            elif value == ":":
                expecting_key = False
            continue
        keys = stack[-1] if stack else None
        if expecting_key and kind == "string" and keys is not None:
            key = value[1:-1]
            if key in keys:
                found.append((key, line, column))
            keys.add(key)
            expecting_key = False
    return found


def span_at(example: JsonExample, pointer: str) -> Span:
    """The file position of the value at ``pointer`` in a JSON text (for a member: its key).

    The whole text's position when the pointer is not found (a value the
    tolerant locator could not reach).
    """
    found = locate(example.text).get(pointer)
    if found is None:
        return example.span
    line, column = absolute(example.span, example.span.column, found.key_line, found.key_column)
    return Span(example.span.path, line, column, line)
