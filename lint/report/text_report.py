"""``path:line:col: severity CODE name message``: the format editors and terminals link.

The location comes first, so that editors and terminals jump to it; the
severity follows, so that a writer sees at a glance which findings block a
commit (with the default ``fail-on``, the errors).
"""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from lint.diagnostic import Diagnostic
from lint.report import Summary

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def write(diagnostics: list[Diagnostic], stream: TextIO, summary: Summary) -> None:
    for item in diagnostics:
        stream.write(finding_line(item, summary.color) + "\n")
        for line in related_lines(item, summary.color):
            stream.write(line + "\n")
    if not summary.quiet:
        stream.write(_summary_line(diagnostics, summary) + "\n")


def paint(text: str, style: str, color: bool) -> str:
    return f"{style}{text}{_RESET}" if color else text


def finding_line(item: Diagnostic, color: bool = False) -> str:
    """``path:line:col: severity CODE name message``, the severity and code in the severity's colour."""
    where = paint(f"{item.path}:{item.line}:{item.column}:", _BOLD, color)
    label = paint(f"{item.severity} {item.code}", _COLORS[item.severity], color)
    return f"{where} {label} {item.name} {item.message}"


def related_lines(item: Diagnostic, color: bool = False) -> list[str]:
    """The other places a finding names (the English line a translation contradicts), indented."""
    return [
        paint(f"    {related.path}:{related.line}:{related.column}: {related.message}", _DIM, color)
        for related in item.related
    ]


def _summary_line(diagnostics: list[Diagnostic], summary: Summary) -> str:
    files = f"{summary.files} file" + ("" if summary.files == 1 else "s")
    hidden = f"; {summary.hidden_by_baseline} hidden by the baseline" if summary.hidden_by_baseline else ""
    if summary.hidden_inherited:
        hidden += f"; {summary.hidden_inherited} inherited from English pages hidden"
    if not diagnostics:
        return f"All clear: no findings in {files}{hidden}."
    counts = Counter(item.severity for item in diagnostics)
    parts = [
        f"{counts[level]} {_plural(level, counts[level])}" for level in ("error", "warning", "info") if counts[level]
    ]
    affected = len({item.path for item in diagnostics})
    noun = "finding" if len(diagnostics) == 1 else "findings"
    drift = (
        f"; {summary.companion_findings} in translations checked for drift only" if summary.companion_findings else ""
    )
    return f"Found {len(diagnostics)} {noun} ({', '.join(parts)}) in {affected} of {files}{hidden}{drift}."


def _plural(level: str, count: int) -> str:
    return level if count == 1 or level == "info" else level + "s"
