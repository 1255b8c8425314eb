"""YAML front matter at the top of a Markdown page.

Split off before Markdown parsing and replaced by blank lines, so that every
token keeps the line number it has in the file. The usual ``key: value`` block
is read by :mod:`lint.parse.plain_yaml`; PyYAML is imported only for a block
that needs it, which keeps it out of most one-file pre-commit runs.
"""

from __future__ import annotations

import re
from typing import Any

from msgspec import Struct, field

from lint.model import ParseDiagnostic, Span
from lint.parse.nesting import check_yaml_depth
from lint.parse.plain_yaml import read_plain_mapping


class _NotYaml(Exception):
    """What PyYAML said was wrong, with its 0-based position in the block."""

    def __init__(self, problem: str, line: int, column: int) -> None:
        super().__init__(problem)
        self.problem, self.line, self.column = problem, line, column


def _load(block: str) -> object:
    """The plain reader when it can; else libyaml for speed, and on an error the
    pure-Python loader, whose error position is the line that is wrong rather
    than the end of the block."""
    plain = read_plain_mapping(block)
    if plain is not None:
        return plain
    import yaml

    try:
        check_yaml_depth(block)
        try:
            return yaml.load(block, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError:
            return yaml.load(block, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as error:
        # PyYAML raises ValueError for impossible dates (ms.date: 2023-02-30).
        mark = getattr(error, "problem_mark", None)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        line, column = yaml_position(block, mark.index) if mark is not None else (0, 0)
        raise _NotYaml(problem, line, column) from error


def yaml_position(block: str, index: int) -> tuple[int, int]:
    """0-based line and column of ``index`` in ``block`` counting LF alone as a line break.

    PyYAML's own ``mark.line`` also breaks at U+0085, U+2028 and U+2029,
    which editors and every other parser show inside a line: a title with a
    line separator would move the reported error down and off its line.
    """
    index = max(0, min(index, len(block)))
    start = block.rfind("\n", 0, index) + 1
    return block.count("\n", 0, index), index - start


class FrontMatter(Struct, frozen=True):
    data: dict[str, Any]
    #: Number of lines the block occupies, delimiters included (0 when absent).
    line_count: int
    diagnostic: ParseDiagnostic | None = None
    #: The 1-based line of each top-level key, so a finding about a key
    #: (``ms.sourcegitcommit``) can point at it.
    lines: dict[str, int] = field(default_factory=dict)


#: A top-level ``key:`` (plain or quoted) at the start of a front matter line.
#: Linear: a key is runs of blanks each followed by a non-blank (possessive), so its
#: trailing blanks are left to ``\s*`` instead of a lazy key rescanning every blank
#: run; a quoted key may end in blanks inside its quotes.
_TOP_LEVEL_KEY = re.compile(
    r"""(?:(?P<quote>["'])(?P<quoted>[^\s#"'\-][^:]*?)(?P=quote)"""
    r"""|(?P<key>[^\s#"'\-](?:\s*+[^\s:])*+))\s*:(?:\s|$)"""
)


def key_lines(block_lines: list[str], first_line: int) -> dict[str, int]:
    """Where each top-level key of the block starts; the first occurrence wins, as it does for the reader."""
    found: dict[str, int] = {}
    for offset, line in enumerate(block_lines):
        match = _TOP_LEVEL_KEY.match(line)
        if match:
            found.setdefault(match.group("key") or match.group("quoted"), first_line + offset)
    return found


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
    except _NotYaml as error:
        line, column, problem = 2 + error.line, 1 + error.column, error.problem
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
    lines_of_keys = key_lines(lines[1:index], 2)
    return FrontMatter(
        {str(key): value for key, value in data.items()},
        index + 1,
        lines={str(key): lines_of_keys[str(key)] for key in data if str(key) in lines_of_keys},
    )
