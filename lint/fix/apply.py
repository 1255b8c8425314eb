"""Apply fixes to a page's text: each fix whole, none overlapping another, the rest of the text untouched."""

from __future__ import annotations

from collections.abc import Iterable

from lint.fix.edit import Edit, Fix
from lint.lazy_pattern import lazy_compile

#: A line with its end, split only where every parser splits (LF, CRLF, CR), never at U+2028 or form feed.
_LINE = lazy_compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """``text`` with every applicable fix applied, and how many were.

    A fix applies when each of its edits finds its ``old`` text in place and
    overlaps no edit already taken; the others wait for the next pass, after
    the page is checked again. Lines keep their own ends (LF, CRLF or CR).
    """
    lines = split_keeping_ends(text)
    taken: list[Edit] = []
    applied = 0
    for fix in fixes:
        if all(_in_place(lines, edit) and not any(_overlap(edit, other) for other in taken) for edit in fix.edits):
            if any(_overlap(a, b) for index, a in enumerate(fix.edits) for b in fix.edits[index + 1 :]):
                continue
            taken.extend(fix.edits)
            applied += 1
    for edit in sorted(taken, key=lambda item: (item.line, item.column), reverse=True):
        if edit.inserts_lines:
            _insert(lines, edit)
            continue
        line = lines[edit.line - 1]
        start = edit.column - 1
        lines[edit.line - 1] = line[:start] + edit.new + line[start + len(edit.old) :]
    return "".join(lines), applied


def split_keeping_ends(text: str) -> list[str]:
    """The lines of ``text``, each with its own end, numbered as findings number them."""
    return _LINE.findall(text)


def _insert(lines: list[str], edit: Edit) -> None:
    """Insert the edit's lines before its line, each ended as the line before the place (or the first line) ends."""
    index = edit.line - 1
    neighbour = lines[index - 1] if index > 0 else (lines[0] if lines else "\n")
    end = _line_end(neighbour) or _line_end(lines[0] if lines else "") or "\n"
    if index == len(lines) and lines and not _line_end(lines[-1]):
        lines[-1] += end  # appending after a last line without an end gives it one first
    lines[index:index] = [line + end for line in edit.new[:-1].split("\n")]


def _line_end(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :]


def _in_place(lines: list[str], edit: Edit) -> bool:
    if edit.inserts_lines:
        return 1 <= edit.line <= len(lines) + 1 and "\r" not in edit.new
    if not 1 <= edit.line <= len(lines) or edit.column < 1 or "\n" in edit.old + edit.new or "\r" in edit.old:
        return False
    start = edit.column - 1
    return lines[edit.line - 1][start : start + len(edit.old)] == edit.old


def _overlap(first: Edit, second: Edit) -> bool:
    """Two edits of one line touch the same characters (or insert at the same place)."""
    if first.line != second.line:
        return False
    return (first.column < second.end_column and second.column < first.end_column) or first.column == second.column
