"""YAML front matter at the top of a Markdown page.

Split off before Markdown parsing and replaced by blank lines, so that every
token keeps the line number it has in the file.
"""

from __future__ import annotations

from typing import Any

import yaml
from msgspec import Struct

from lint.model import ParseDiagnostic, Span

#: libyaml's loader when PyYAML was built with it (ten times faster), else the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(block: str) -> object:
    """libyaml for speed; on an error, the pure-Python loader, whose error position is
    the line that is wrong rather than the end of the block."""
    try:
        return yaml.load(block, Loader=_LOADER)
    except yaml.YAMLError:
        return yaml.load(block, Loader=yaml.SafeLoader)


class FrontMatter(Struct, frozen=True):
    data: dict[str, Any]
    #: Number of lines the block occupies, delimiters included (0 when absent).
    line_count: int
    diagnostic: ParseDiagnostic | None = None


def split_front_matter(lines: list[str], path: str) -> FrontMatter:
    """Read the ``---`` ... ``---`` block that opens ``lines``, if any."""
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter({}, 0)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            break
    else:
        return FrontMatter(
            {},
            0,
            ParseDiagnostic(
                "front-matter-syntax", "front matter opened at line 1 is never closed", Span(path, 1, 1, 1)
            ),
        )
    block = "\n".join(lines[1:index])
    try:
        data = _load(block) if block.strip() else {}
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:
        # PyYAML raises ValueError for impossible dates (ms.date: 2023-02-30).
        mark = getattr(error, "problem_mark", None)
        line = 2 + (mark.line if mark is not None else 0)
        column = 1 + (mark.column if mark is not None else 0)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        return FrontMatter(
            {},
            index + 1,
            ParseDiagnostic(
                "front-matter-syntax", f"front matter is not valid YAML: {problem}", Span(path, line, column, line)
            ),
        )
    if not isinstance(data, dict):
        return FrontMatter(
            {},
            index + 1,
            ParseDiagnostic(
                "front-matter-syntax", "front matter is not a mapping of keys to values", Span(path, 2, 1, index)
            ),
        )
    return FrontMatter({str(key): value for key, value in data.items()}, index + 1)
