"""One reporter per output format; each is ``write(diagnostics, stream, summary)``."""

from __future__ import annotations

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


Writer = Callable[[list[Diagnostic], TextIO, Summary], None]


def writer_for(name: str) -> Writer:
    module = import_module(f"lint.report.{name}_report")
    write: Writer = module.write
    return write
