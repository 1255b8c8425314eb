"""Fixes that respell a value where the page writes it: a JSON string, or a code span in a table cell.

Both rewrite only the value's own characters. A JSON string is rewritten
only when it is written plainly (``"Busy"``, no escapes), so its text on
the page is known without re-reading the file; a code span only in a cell
whose visible text is the page's text (not a bilingual cell).
"""

from __future__ import annotations

from lint.fix.edit import Edit, Fix
from lint.model import Cell, JsonExample
from lint.parse.jsontext import absolute, locate

#: JSON texts whose source is JSON (a PowerShell hashtable quotes and locates values otherwise).
_JSON_ORIGINS = frozenset({"json-fence", "request-body", "response-body"})


def json_string_fix(example: JsonExample, pointer: str, value: str, new: str) -> Fix | None:
    """The edit that writes the JSON string at ``pointer`` (now ``value``) as ``new``."""
    found = locate(example.text).get(pointer)
    if found is None or example.origin not in _JSON_ORIGINS:
        return None
    lines = example.text.split("\n")
    if not 1 <= found.line <= len(lines):
        return None
    written = f'"{value}"'
    start = found.column - 1
    if lines[found.line - 1][start : start + len(written)] != written or "\\" in value + new or '"' in value + new:
        return None
    line, column = absolute(example.span, example.span.column, found.line, found.column)
    return Fix((Edit(line, column, written, f'"{new}"'),))


def code_span_fix(cell: Cell, respelled: dict[str, str]) -> Fix | None:
    """The edits that write each code span `` `old` `` of ``cell`` as `` `new` `` (``respelled[old]``)."""
    if cell.source is not None or cell.span.line != cell.span.end_line or not respelled:
        return None
    edits = []
    for old, new in respelled.items():
        quoted, start = f"`{old}`", 0
        while (found := cell.text.find(quoted, start)) >= 0:
            edits.append(Edit(cell.span.line, cell.span.column + found, quoted, f"`{new}`"))
            start = found + len(quoted)
    return Fix(tuple(sorted(edits, key=lambda edit: edit.column))) if edits else None
