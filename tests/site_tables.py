"""Test helper: the ``list-table`` directives of generated MyST, read back as rows of cells."""

from __future__ import annotations

import re

_OPEN = re.compile(r"^(`{3,})\{list-table\}$")


def list_tables(text: str) -> list[list[list[str]]]:
    """Every list-table of ``text``: its rows, each a list of cells, a cell's lines joined by newlines."""
    tables: list[list[list[str]]] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opened = _OPEN.match(lines[index])
        index += 1
        if not opened:
            continue
        rows: list[list[str]] = []
        while lines[index] != opened.group(1):
            line = lines[index]
            if line.startswith("* -"):
                rows.append([line[4:]])
            elif line.startswith("  -"):
                rows[-1].append(line[4:])
            elif line.startswith("    ") or (not line and rows):
                rows[-1][-1] += "\n" + line[4:]
            index += 1
        tables.append([[cell.rstrip("\n") for cell in row] for row in rows])
    return tables
