"""GitHub Actions workflow commands: findings appear as annotations on the pull request."""

from __future__ import annotations

from typing import TextIO

from lint.diagnostic import Diagnostic
from lint.report import Summary

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def write(diagnostics: list[Diagnostic], stream: TextIO, summary: Summary) -> None:
    for item in diagnostics:
        message = item.message
        for related in item.related:
            message += f"\n{related.path}:{related.line}:{related.column}: {related.message}"
        properties = ",".join(
            [
                f"file={_escape_property(item.path)}",
                f"line={item.line}",
                f"col={item.column}",
                f"endLine={item.end_line}",
                f"title={_escape_property(f'{item.code} {item.name}')}",
            ]
        )
        stream.write(f"::{_LEVEL[item.severity]} {properties}::{_escape_data(message)}\n")
