"""Recognize the tables of a rendering, which arrive flattened one cell a line.

Copying a page out of a browser puts every table cell on a line of its own:
the header cells first, then the cells of each row, with nothing marking
where a row or the table ends. A table is found by its header row (known
words, see :mod:`lint.parse.text.vocabulary`), which also says how many cells a
row has and what each should look like; rows are then taken in groups of
that many lines for as long as every line fits its column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lint.model import TableRole
from lint.parse.sections import table_role
from lint.parse.text.lines import Line, prose_like
from lint.parse.text.vocabulary import (
    FIRST_HEADER_KINDS,
    LATER_HEADER_KINDS,
    cell_kind,
    context_role,
    english_cell,
    names_permission,
    names_permission_type,
)

__all__ = ["header_kinds", "row_groups", "text_table_role"]

_NAME_CELL = re.compile(r"^[@$]?[\w{}\[\]./:-]+(?:\s*\|\s*[@$]?[\w{}\[\]./:-]+)*(?: \([^()]{1,40}\))?$")

#: Kinds a table cell can never be.
_NOT_CELL = frozenset({"blank", "request", "status", "heading", "table-word", "banner", "code", "comment"})


def header_kinds(lines: Sequence[Line], start: int) -> list[str]:
    """Column kinds of the table header row at ``start``, or ``[]``.

    A header row is a first cell naming the row key (Parameter, Name,
    Property, Header, Permission type) followed by cells naming the other
    columns; a permissions header continues with cells about permissions.
    """
    first = cell_kind(lines[start].text)
    if first not in FIRST_HEADER_KINDS:
        return []
    kinds = [first]
    index = start + 1
    while index < len(lines) and len(kinds) < 6:
        line = lines[index]
        if first == "permission-type":
            if len(kinds) >= 3 or len(line.text) > 80 or not names_permission(line.text):
                break
            kinds.append("permissions")
        else:
            kind = cell_kind(line.text) if line.text else None
            if kind not in LATER_HEADER_KINDS:
                break
            kinds.append(kind)
        index += 1
    return kinds if len(kinds) >= 2 else []


def row_groups(lines: Sequence[Line], start: int, kinds: Sequence[str]) -> list[Sequence[Line]]:
    """The rows after the header row at ``start``: groups of one line per column.

    Rows continue while each group of lines fits the columns the header names.
    """
    width = len(kinds)
    groups: list[Sequence[Line]] = []
    index = start + width
    while index + width <= len(lines):
        group = lines[index : index + width]
        if not all(_cell_fits(kind, line) for kind, line in zip(kinds, group, strict=True)):
            break
        groups.append(group)
        index += width
    return groups


def text_table_role(lines: Sequence[Line], start: int, kinds: Sequence[str], section_role: str | None) -> TableRole:
    """Role from the header words, the sentence before, then the section.

    The sentence just before a table ("In the request body, supply ...")
    is the most local evidence, and renderings often drop the headings
    between sections; the section and the English header words decide
    the way they do for every format when that sentence says nothing.
    """
    if kinds[0] == "permission-type":
        return "permissions"
    before = start - 1
    while before >= 0 and lines[before].kind == "blank":
        before -= 1
    if before >= 0 and lines[before].kind not in ("heading", "table-word"):
        role = context_role(lines[before].text)
        if role is not None and role != "permissions":
            return role
    return table_role(section_role, [english_cell(kind) for kind in kinds])


def _cell_fits(kind: str, line: Line) -> bool:
    """Whether ``line`` can be the cell of a column named by header ``kind``."""
    if kind == "permission-type":
        return line.kind not in _NOT_CELL and len(line.text) <= 80 and names_permission_type(line.text)
    if kind in FIRST_HEADER_KINDS:
        return _is_name_cell(line)
    if kind in ("type", "value", "required"):
        return _is_short_cell(line, 60 if kind == "type" else 120)
    if kind == "permissions":
        return line.kind not in _NOT_CELL and len(line.text) <= 200
    return line.kind not in _NOT_CELL  # a description: any text but a heading, message or code


def _is_name_cell(line: Line) -> bool:
    """First cell of a parameter or header row: an identifier, or a short name."""
    if line.kind in _NOT_CELL or line.kind == "json-start" or len(line.text) > 80:
        return False
    if _NAME_CELL.match(line.text):
        return True
    return len(line.text.split()) <= 3 and not line.text.endswith(".") and not prose_like(line.text)


def _is_short_cell(line: Line, limit: int) -> bool:
    """A type, value or required cell: short, and not anything else."""
    return line.kind not in _NOT_CELL and 0 < len(line.text) <= limit and len(line.text.split()) <= 6
