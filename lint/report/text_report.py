"""``path:line:col: severity CODE name message``: the format editors and terminals link.

The location comes first, so that editors and terminals jump to it; the
severity follows, so that a writer sees at a glance which findings block a
commit (with the default ``fail-on``, the errors).
"""

from __future__ import annotations

from typing import TextIO

from lint.diagnostic import Diagnostic
from lint.fix.run import fixable
from lint.report import Summary, printable, summary_line

SEVERITY_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def write(diagnostics: list[Diagnostic], stream: TextIO, summary: Summary) -> None:
    for item in diagnostics:
        stream.write(finding_line(item, summary.color) + "\n")
        for line in related_lines(item, summary.color):
            stream.write(line + "\n")
    if not summary.quiet:
        stream.write(summary_line(diagnostics, summary) + "\n")


def paint(text: str, style: str, color: bool) -> str:
    return f"{style}{text}{_RESET}" if color else text


def finding_line(item: Diagnostic, color: bool = False) -> str:
    """``path:line:col: severity CODE name message``, the severity and code in the severity's colour."""
    where = paint(f"{printable(item.path)}:{item.line}:{item.column}:", _BOLD, color)
    label = paint(f"{item.severity} {item.code}", SEVERITY_COLORS[item.severity], color)
    marker = " [*]" if fixable(item) else ""  # as ruff marks what --fix repairs
    return f"{where} {label}{marker} {item.name} {printable(item.message)}"


def related_lines(item: Diagnostic, color: bool = False) -> list[str]:
    """The other places a finding names (the English line a translation contradicts), indented."""
    return [
        paint(
            f"    {printable(related.path)}:{related.line}:{related.column}: {printable(related.message)}", DIM, color
        )
        for related in item.related
    ]
