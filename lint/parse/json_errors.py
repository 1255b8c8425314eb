"""Say why a JSON text does not parse, in the words of the person who wrote it.

The standard library's messages are written for programmers and are cut
where its own formatting adds a position (``Invalid control character at``,
``Unterminated string starting at``, ``Extra data``). A writer needs to know
what to change: a trailing comma, a missing comma, a string not closed on
its line, a comment JSON does not allow. This module reads the text around
the place the parser stopped and names the mistake; where the mistake is not
where the parser stopped (a trailing comma is found at the bracket after
it), the position moves to the mistake.
"""

from __future__ import annotations

import json
import re

__all__ = ["describe_json_error"]

_WORD = re.compile(r"[A-Za-z_$][\w$.-]*")
_SNIPPET = re.compile(r"\S{1,30}")
#: A bare value: what follows a ``:`` or ``,`` up to the next delimiter.
_BARE = re.compile(r"[^\s,\]}]+")
_VALUE_START = re.compile(r'["\[{\d-]|true\b|false\b|null\b')


def describe_json_error(text: str, error: json.JSONDecodeError) -> tuple[str, int]:
    """A message for ``error``, raised on ``text``, and the offset it belongs at."""
    pos = min(error.pos, len(text))
    message = error.msg
    if pos < len(text) and _invisible(text[pos]):
        import unicodedata  # only for this rare message: keeps the one-file start-up lean

        name = unicodedata.name(text[pos], "").lower() or "invisible character"
        return f"a {name} (U+{ord(text[pos]):04X}) is not allowed outside strings; use a plain space", pos
    if message.startswith("Expecting property name") or message.startswith("Expecting value"):
        return _expected(text, pos, member=message.startswith("Expecting property"))
    if message.startswith("Illegal trailing comma"):
        return _trailing_comma(text, pos)
    if message == "Expecting ':' delimiter":
        if _at_end(text, pos):
            return "the JSON text ends after a property name, where a `:` is expected", pos
        return "a `:` is missing after the property name", pos
    if message == "Expecting ',' delimiter":
        return _expected_comma(text, pos)
    if message == "Extra data" and not _at_end(text, pos):
        here = text[pos]
        if here in "}]":
            return f"unmatched `{here}`: the JSON value has already ended", pos
        return f"unexpected text after the end of the JSON value: `{_snippet(text, pos)}`", pos
    if message.startswith("Unterminated string"):
        return 'unterminated string: the closing `"` is missing', pos
    if message.startswith("Invalid control character"):
        return _control_character(text, pos), pos
    if message.startswith("Invalid \\escape"):
        return f"`\\{text[pos + 1 : pos + 2]}` is no JSON escape (write a backslash as `\\\\`)", pos
    if message.startswith("Invalid \\uXXXX"):
        # Reported after the backslash; the escape starts at it.
        start = pos - 1 if pos > 0 and text[pos - 1] == "\\" else pos
        return "`\\u` must be followed by four hexadecimal digits", start
    # A message this module does not know yet: at least not cut mid-sentence.
    return re.sub(r"\s+(?:starting\s+)?at$", "", message).lower(), pos


def _expected(text: str, pos: int, *, member: bool) -> tuple[str, int]:
    """The parser wanted a value (or a member's name) at ``pos``."""
    what = "a property name in double quotes" if member else "a value"
    if _at_end(text, pos):
        return f"the JSON text ends where {what} is expected", pos
    here = text[pos]
    previous = _previous(text, pos)
    if here in "}]" and previous is not None and text[previous] == ",":
        return _trailing_comma(text, pos)
    if here in "}]" and previous is not None and text[previous] == ":":
        return f"a value is missing after `:`, before `{here}`", pos
    if here == ",":
        return f"{what} is missing before `,`", pos
    if text.startswith(("//", "/*"), pos):
        return "comments are not allowed in JSON", pos
    if text.startswith("...", pos) or text.startswith("…", pos):
        return "`...` is not JSON: leave elided members out, or show them", pos
    if here == "'":
        kind = "property names" if member else "strings"
        return f'{kind} must be in double quotes (`"`), not single quotes', pos
    word = _WORD.match(text, pos)
    if word:
        if member:
            return f"the property name `{word.group()}` must be in double quotes", pos
        return (
            f"`{word.group()}` is not a JSON value (write text in double quotes; "
            "the only bare words are true, false and null)",
            pos,
        )
    return f"{what} is expected here, not `{_snippet(text, pos)}`", pos


def _trailing_comma(text: str, pos: int) -> tuple[str, int]:
    """A comma right before a closing bracket: reported at the comma, which is what to delete."""
    comma = _previous(text, pos)
    closer = text[pos] if pos < len(text) else ""
    where = comma if comma is not None and text[comma] == "," else pos
    return f"trailing comma: remove the `,` before `{closer}`", where


def _expected_comma(text: str, pos: int) -> tuple[str, int]:
    """The parser wanted a comma or the end of the container at ``pos``."""
    opened = _open_container(text, pos)
    closer = "}" if opened == "{" else "]"
    kind = "an object" if opened == "{" else "an array"
    if _at_end(text, pos):
        return f"the JSON text ends inside {kind}: a `{closer}` is missing", pos
    here = text[pos]
    if here in "}]":
        return f"`{here}` cannot close {kind}: a `{closer}` is missing before it", pos
    if text.startswith(("//", "/*"), pos):
        return "comments are not allowed in JSON", pos
    before = text[pos - 1] if pos > 0 else " "
    if before == '"':
        return f'unexpected text right after a string: `{_snippet(text, pos)}` (a `"` too many?)', pos
    if not before.isspace() and before not in "]}":
        # A number or literal the parser took, glued to more text: an unquoted date, version, id ...
        start = pos
        while start > 0 and not text[start - 1].isspace() and text[start - 1] not in ":,[{":
            start -= 1
        bare = _BARE.match(text, start)
        value = bare.group() if bare else text[start:pos]
        return f"`{value}` is not a JSON value (write text in double quotes)", start
    if opened == "{" and here == '"':
        return "a comma is missing between two members", pos
    if opened == "[" and _VALUE_START.match(text, pos):
        return "a comma is missing between two array items", pos
    return f"a comma or `{closer}` is expected after the value, not `{_snippet(text, pos)}`", pos


def _control_character(text: str, pos: int) -> str:
    """A raw control character inside a string, most often the end of a line the string never closed on."""
    char = text[pos] if pos < len(text) else "\n"
    if char == "\n":
        return "the string is not closed on its line (write a line break inside a string as `\\n`)"
    if char == "\t":
        return "a tab inside a string must be written as `\\t`"
    return f"control character U+{ord(char):04X} inside a string must be written as `\\u{ord(char):04x}`"


def _at_end(text: str, pos: int) -> bool:
    return not text[pos:].strip()


def _previous(text: str, pos: int) -> int | None:
    """Offset of the last non-blank character before ``pos``."""
    index = pos - 1
    while index >= 0 and text[index] in " \t\r\n":
        index -= 1
    return index if index >= 0 else None


def _snippet(text: str, pos: int) -> str:
    """The text from ``pos`` to the next blank, shortened with an ellipsis past 30 characters."""
    found = _SNIPPET.match(text, pos)
    if not found:
        return text[pos : pos + 1]
    more = len(text) > found.end() and not text[found.end()].isspace()
    return found.group() + ("…" if more else "")


def _invisible(char: str) -> bool:
    """A space or format character other than a plain space or tab (no-break space, zero-width space ...)."""
    if char in " \t\r\n" or char.isascii():
        return False
    import unicodedata

    return unicodedata.category(char) in ("Zs", "Cf")


def _open_container(text: str, pos: int) -> str:
    """The bracket (``{`` or ``[``) of the innermost container still open at ``pos``."""
    from lint.parse.jsontext import brackets

    stack: list[str] = []
    for char in brackets(text[:pos]):
        if char in "{[":
            stack.append(char)
        elif stack:
            stack.pop()
    return stack[-1] if stack else "{"
