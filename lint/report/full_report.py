"""``--output-format full``: each finding with the source lines around it and a caret under the column.

Like ruff's ``full`` format: the finding line first (as ``text`` prints it, so
editors still jump to it), then a few lines of context with line numbers in a
gutter and a caret, or an underline when the offending token is known, under
the column. Rules never re-read files; this reporter does, once per file, and
shows no snippet when the file is unreadable or no longer has that line (it
changed since it was checked).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import TextIO

from lint.diagnostic import Diagnostic
from lint.report import Summary, printable, summary_line
from lint.report.text_report import DIM, SEVERITY_COLORS, finding_line, paint, related_lines

#: Lines shown before and after the offending one.
CONTEXT = 2
_TAB = "    "
_QUOTED = re.compile(r"`([^`\n]+)`")


def write(diagnostics: list[Diagnostic], stream: TextIO, summary: Summary) -> None:
    sources: dict[str, list[str] | None] = {}
    for item in diagnostics:
        if item.path not in sources:
            sources[item.path] = _read_lines(item.path)
        stream.write(finding_line(item, summary.color) + "\n")
        lines = sources[item.path]
        if lines is not None and 1 <= item.line <= len(lines):
            for line in snippet(item, lines, summary.color):
                stream.write(line + "\n")
        for line in related_lines(item, summary.color):
            stream.write(line + "\n")
        stream.write("\n")
    if not summary.quiet:
        stream.write(summary_line(diagnostics, summary) + "\n")


def _read_lines(path: str) -> list[str] | None:
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    # Lines end at LF only, as the parsers count them (str.splitlines also breaks at \f, \x1c, U+2028 ...).
    return [line.removesuffix("\r") for line in text.split("\n")]


def snippet(item: Diagnostic, lines: list[str], color: bool = False) -> list[str]:
    """The gutter-numbered context of ``item`` with its marker under the column (code points, shown by width)."""
    first = max(1, item.line - CONTEXT)
    last = min(len(lines), item.line + CONTEXT)
    width = len(str(last))
    gutter = " " * width + " |"
    shown = [paint(gutter, DIM, color)]
    for number in range(first, last + 1):
        text = printable(lines[number - 1].replace("\t", _TAB))
        shown.append(paint(f"{number:>{width}} |", DIM, color) + (" " + text if text else ""))
        if number == item.line:
            source = lines[number - 1]
            column = min(max(item.column, 1), len(source) + 1)
            # Measured as shown: an escaped control character takes the width of its escape.
            offset = display_width(printable(source[: column - 1]))
            length = max(1, display_width(printable(_token_at(item, source, column))))
            marker = paint("^" * length, SEVERITY_COLORS[item.severity], color)
            shown.append(paint(gutter, DIM, color) + " " + " " * offset + marker)
    shown.append(paint(gutter, DIM, color))
    return shown


def _token_at(item: Diagnostic, source: str, column: int) -> str:
    """The text the finding is about when its width is known: a token the message quotes that starts at the column.

    Spans carry no end column, so the message's quoted tokens (`reason`,
    `Busy`) are the only width doclint knows; otherwise one caret.
    """
    rest = source[column - 1 :]
    quoted = sorted(_QUOTED.findall(item.message), key=len, reverse=True)
    return next((token for token in quoted if rest.startswith(token)), "")


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide East Asian characters two, combining marks none, a tab four."""
    total = 0
    for char in text:
        if char == "\t":
            total += len(_TAB)
        elif unicodedata.combining(char):
            continue
        elif unicodedata.east_asian_width(char) in ("W", "F"):
            total += 2
        else:
            total += 1
    return total
