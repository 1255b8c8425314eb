"""A finding as reported: stamped by the engine with rule code, name and severity.

Reporters take these and nothing else, so every output format shows the
same findings in the same order.
"""

from __future__ import annotations

import re

from msgspec import Struct

from lint.model import Span
from lint.rules import Severity

_LINE_NUMBERS = re.compile(r"\b(lines?|:)\s*\d+")


class RelatedLocation(Struct, frozen=True):
    path: str
    line: int
    column: int
    end_line: int
    message: str


class Diagnostic(Struct, frozen=True):
    code: str
    name: str
    severity: Severity
    path: str
    line: int
    column: int
    end_line: int
    message: str
    related: tuple[RelatedLocation, ...] = ()
    #: Identity of the finding that survives edits elsewhere in the file.
    fingerprint: str = ""

    @property
    def span(self) -> Span:
        return Span(self.path, self.line, self.column, self.end_line)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


def fingerprint(code: str, path: str, context: str, occurrence: int) -> str:
    """Hash of rule, path and line-free context; ``occurrence`` tells apart identical findings."""
    import hashlib  # here, not at the top: most runs of a pre-commit hook fingerprint nothing

    normalized = " ".join(_LINE_NUMBERS.sub(r"\1 N", context).split())
    digest = hashlib.sha256(f"{code}\0{path}\0{normalized}\0{occurrence}".encode()).hexdigest()
    return digest[:20]
