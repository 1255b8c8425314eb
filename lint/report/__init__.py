"""One reporter per output format; each is ``write(diagnostics, stream, summary)``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from importlib import import_module
from typing import TextIO

from msgspec import Struct

from lint.diagnostic import Diagnostic

FORMATS = ("text", "full", "json", "sarif", "github")


class Summary(Struct, frozen=True):
    files: int
    hidden_by_baseline: int = 0
    color: bool = False
    #: ``--quiet``: the findings only, no summary line.
    quiet: bool = False
    #: Findings in translations brought in by their English page (drift rules only).
    companion_findings: int = 0
    #: Findings inherited from English pages left out by ``--hide-inherited``.
    hidden_inherited: int = 0
    #: Files that could not or must not be read (each named on stderr): no "All clear" covers them.
    unreadable: int = 0


Writer = Callable[[list[Diagnostic], TextIO, Summary], None]


def writer_for(name: str) -> Writer:
    module = import_module(f"lint.report.{name}_report")
    write: Writer = module.write
    return write


def summary_line(diagnostics: list[Diagnostic], summary: Summary) -> str:
    """The last line of a report: "All clear ..." or the findings counted by severity and file."""
    files = f"{summary.files} file" + ("" if summary.files == 1 else "s")
    hidden = f"; {summary.hidden_by_baseline} hidden by the baseline" if summary.hidden_by_baseline else ""
    if summary.hidden_inherited:
        hidden += f"; {summary.hidden_inherited} inherited from English pages hidden"
    if summary.unreadable:
        hidden += f"; {summary.unreadable} not read (see the errors above)"
    if not diagnostics:
        if summary.unreadable:
            return f"No findings in {files}{hidden}."
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
