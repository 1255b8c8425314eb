"""JSON syntax errors in the writer's words, at the mistake itself."""

from __future__ import annotations

import pytest

from lint.model import Span
from lint.parse.jsontext import parse_json

CASES = [
    ('{\n  "a": 1,\n}', 2, 9, "trailing comma: remove the `,` before `}`"),
    ("[1, 2, ]", 1, 6, "trailing comma: remove the `,` before `]`"),
    ('{\n  "a": "x"\n  "b": 1\n}', 3, 3, "a comma is missing between two members"),
    ("[1 2]", 1, 4, "a comma is missing between two array items"),
    ('{"a": [1, 2}', 1, 12, "`}` cannot close an array: a `]` is missing before it"),
    ('{"a": {"b": 1}', 1, 15, "the JSON text ends inside an object: a `}` is missing"),
    ('{"a": 1}\n}', 2, 1, "unmatched `}`: the JSON value has already ended"),
    ('{"a": 1}\n{"b": 2}', 2, 1, 'unexpected text after the end of the JSON value: `{"b":`'),
    (
        '{\n  "reason": "busy,\n  "b": 1\n}',
        2,
        19,
        "the string is not closed on its line (write a line break inside a string as `\\n`)",
    ),
    ('{"a": "x\ty"}', 1, 9, "a tab inside a string must be written as `\\t`"),
    ('{"a": "x', 1, 7, 'unterminated string: the closing `"` is missing'),
    ('{"path": "C:\\Users"}', 1, 13, "`\\U` is no JSON escape (write a backslash as `\\\\`)"),
    ('{"a": "\\u12"}', 1, 8, "`\\u` must be followed by four hexadecimal digits"),
    ('{"a" 1}', 1, 6, "a `:` is missing after the property name"),
    ("{'a': 1}", 1, 2, 'property names must be in double quotes (`"`), not single quotes'),
    ("{\"a\": 'x'}", 1, 7, 'strings must be in double quotes (`"`), not single quotes'),
    ("{a: 1}", 1, 2, "the property name `a` must be in double quotes"),
    (
        '{"a": True}',
        1,
        7,
        "`True` is not a JSON value (write text in double quotes; the only bare words are true, false and null)",
    ),
    ('{\n  // the id\n  "a": 1\n}', 2, 3, "comments are not allowed in JSON"),
    ('{"value": [\n  ...\n]}', 2, 3, "`...` is not JSON: leave elided members out, or show them"),
    ('{"a": }', 1, 7, "a value is missing after `:`, before `}`"),
    ('{"a": 1,, "b": 2}', 1, 9, "a property name in double quotes is missing before `,`"),
    ('{"a": ', 1, 7, "the JSON text ends where a value is expected"),
    (
        '{\n  "when": 2018-04-01T12:39:16Z,\n}',
        2,
        11,
        "`2018-04-01T12:39:16Z` is not a JSON value (write text in double quotes)",
    ),
    (
        '{"code": ""internalServerError"}',
        1,
        12,
        'unexpected text right after a string: `internalServerError"}` (a `"` too many?)',
    ),
    (
        '{"a": 1,\u202f"b": 2}',
        1,
        9,
        "a narrow no-break space (U+202F) is not allowed outside strings; use a plain space",
    ),
    (
        '{"a": [Zip file containing a package]}',
        1,
        8,
        "`Zip` is not a JSON value (write text in double quotes; the only bare words are true, false and null)",
    ),
]


@pytest.mark.parametrize(("text", "line", "column", "message"), CASES, ids=[case[3][:40] for case in CASES])
def test_message_and_position(text: str, line: int, column: int, message: str) -> None:
    # The text starts at line 10, column 5 of its page; later lines at column 3.
    example = parse_json(text, Span("p.md", 10, 5, 10), base_column=3)
    assert example.error is not None
    expected_column = (5 if line == 1 else 3) + column - 1
    assert (example.error.message, example.error.line, example.error.column) == (message, 9 + line, expected_column)
