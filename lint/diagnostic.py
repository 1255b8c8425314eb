"""A finding as reported: stamped by the engine with rule code, name and severity.

Reporters take these and nothing else, so every output format shows the
same findings in the same order.
"""

from __future__ import annotations

import re

from msgspec import Struct

from lint.fix.edit import Fix
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
    #: What identifies the finding across edits elsewhere in the file (see :func:`identity`).
    identity: str = ""
    #: Codes of the other rules' findings merged into this one (see :mod:`lint.merge`).
    also: tuple[str, ...] = ()
    #: Every finding merged here, this one's original first: what ``--no-merge`` shows.
    parts: tuple[Diagnostic, ...] = ()
    #: The locale of the page the finding is on (``en-US``, ``ru-RU`` ...; ``und`` when unknown).
    locale: str = ""
    #: A defect the translation copied from its English page (:mod:`lint.inherit`): fix it there.
    inherited: bool = False
    #: The edits that repair it (``check --fix``); reports show only that there are some.
    fix: Fix | None = None

    @property
    def span(self) -> Span:
        return Span(self.path, self.line, self.column, self.end_line)

    @property
    def fingerprint(self) -> str:
        """A short hash of :attr:`identity`, for baselines, JSON and SARIF.

        Hashed on demand, not when the finding is made: the text report never
        needs it, and importing hashlib (OpenSSL) costs a one-file pre-commit
        check a couple of milliseconds.
        """
        import hashlib

        # surrogatepass: an undecodable file name or a lone surrogate from a page still hashes
        # (and valid text hashes as before).
        return hashlib.sha256(self.identity.encode("utf-8", "surrogatepass")).hexdigest()[:20]

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Report order: by place, then rule; the message settles two findings of one rule at one place,
        so the order never depends on how the engine gathered them."""
        return (self.path, self.line, self.column, self.code, self.message)


def normalized_context(context: str) -> str:
    """A finding's context with its line numbers and runs of white space made uniform."""
    return " ".join(_LINE_NUMBERS.sub(r"\1 N", context).split())


def identity(code: str, path: str, context: str, occurrence: int) -> str:
    """Rule, path and line-free context; ``occurrence`` tells apart identical findings."""
    return f"{code}\0{path}\0{normalized_context(context)}\0{occurrence}"
