"""GitHub Actions workflow commands: findings appear as annotations on the pull request."""

from __future__ import annotations

from typing import TextIO

from lint.diagnostic import Diagnostic
from lint.report import Summary, printable

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write(diagnostics: list[Diagnostic], stream: TextIO, summary: Summary) -> None:
    for item in diagnostics:
        # Escaped part by part: the newlines joining the related places are the report's own.
        message = printable(item.message)
        for related in item.related:
            message += f"\n{printable(related.path)}:{related.line}:{related.column}: {printable(related.message)}"
        properties = ",".join(
            [
                f"file={_escape_property(printable(item.path))}",
                f"line={item.line}",
                f"col={item.column}",
                f"endLine={item.end_line}",
                f"title={_escape_property(f'{item.code} {item.name}')}",
            ]
        )
        stream.write(f"::{_LEVEL[item.severity]} {properties}::{_escape_data(message)}\n")
