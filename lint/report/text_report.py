"""``path:line:col: CODE name message``: the format editors and terminals link."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from lint.diagnostic import Diagnostic
from lint.report import Summary

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def write(diagnostics: list[Diagnostic], stream: TextIO, summary: Summary) -> None:
    def paint(text: str, style: str) -> str:
        return f"{style}{text}{_RESET}" if summary.color else text

    for item in diagnostics:
        where = paint(f"{item.path}:{item.line}:{item.column}:", _BOLD)
        code = paint(item.code, _COLORS[item.severity])
        stream.write(f"{where} {code} {item.name} {item.message}\n")
        for related in item.related:
            stream.write(paint(f"    {related.path}:{related.line}:{related.column}: {related.message}", _DIM) + "\n")
    stream.write(_summary_line(diagnostics, summary) + "\n")


def _summary_line(diagnostics: list[Diagnostic], summary: Summary) -> str:
    files = f"{summary.files} file" + ("" if summary.files == 1 else "s")
    hidden = f"; {summary.hidden_by_baseline} hidden by the baseline" if summary.hidden_by_baseline else ""
    if not diagnostics:
        return f"All clear: no findings in {files}{hidden}."
    counts = Counter(item.severity for item in diagnostics)
    parts = [
        f"{counts[level]} {_plural(level, counts[level])}" for level in ("error", "warning", "info") if counts[level]
    ]
    affected = len({item.path for item in diagnostics})
    noun = "finding" if len(diagnostics) == 1 else "findings"
    return f"Found {len(diagnostics)} {noun} ({', '.join(parts)}) in {affected} of {files}{hidden}."


def _plural(level: str, count: int) -> str:
    return level if count == 1 or level == "info" else level + "s"
