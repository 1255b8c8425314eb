"""Edits inside a JSON example: one member name or one scalar value, written over as the English example writes it.

A JSON pointer names a place in a value, not in a text; the tolerant
locator of :mod:`lint.parse.jsontext` turns it into a line and column, and
the token found there is taken only when it parses to the value the
difference names. Anything else (a pointer the locator could not reach, a
token written across lines, a value shown otherwise) gives no edit, so a
fix never replaces text it has not read.
"""

from __future__ import annotations

import json
from typing import Any

from lint.align.json_diff import JsonDifference
from lint.fix.edit import Edit
from lint.lazy_pattern import lazy_compile
from lint.model import JsonExample
from lint.parse.jsontext import absolute, locate

#: One JSON token at the start of the text: a string literal (on one line) or a bare scalar.
_TOKEN = lazy_compile(r'"(?:[^"\\\n]|\\.)*"|[^\s{}\[\]:,"]+')


def token_at(example: JsonExample, pointer: str, *, key: bool) -> tuple[int, int, str] | None:
    """The file line, column and text of the value at ``pointer`` (its member name with ``key``)."""
    found = locate(example.text).get(pointer)
    if found is None or not pointer:
        return None
    line, column = (found.key_line, found.key_column) if key else (found.line, found.column)
    lines = example.text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    match = _TOKEN.match(lines[line - 1], column - 1)
    if match is None:
        return None
    file_line, file_column = absolute(example.span, example.span.column, line, column)
    return file_line, file_column, match.group()


def _reads_as(token: str, value: Any) -> bool:
    try:
        read = json.loads(token)
    except ValueError:
        return False
    # 1 is not true, 1.0 is 1 in JSON's eyes but not in a reader's: compare type and value.
    return type(read) is type(value) and read == value


def replace_token(example: JsonExample, english: JsonExample, difference: JsonDifference, *, key: bool) -> Edit | None:
    """The edit writing the English token over the translation's at the difference's pointer.

    With ``key`` the token is the member name (a renamed member), else the
    value. The English token is copied as the English example writes it
    (``1.0`` stays ``1.0``); both tokens must read as the values the
    difference names.
    """
    mine = token_at(example, difference.pointer, key=key)
    theirs = token_at(english, difference.english_pointer, key=key)
    if mine is None or theirs is None:
        return None
    line, column, old = mine
    new = theirs[2]
    if not _reads_as(old, difference.value) or not _reads_as(new, difference.english_value):
        return None
    return Edit(line, column, old, new)
