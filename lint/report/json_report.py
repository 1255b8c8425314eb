"""A JSON array of findings: stable keys, for scripts and the review dashboard."""

from __future__ import annotations

from typing import TextIO

from lint.diagnostic import Diagnostic
from lint.report import Summary, json_text


def write(diagnostics: list[Diagnostic], stream: TextIO, summary: Summary) -> None:
    data = [
        {
            "code": item.code,
            "name": item.name,
            "severity": item.severity,
            "path": item.path,
            "line": item.line,
            "column": item.column,
            "end_line": item.end_line,
            "message": item.message,
            "related": [
                {"path": r.path, "line": r.line, "column": r.column, "end_line": r.end_line, "message": r.message}
                for r in item.related
            ],
            "fingerprint": item.fingerprint,
            "also": list(item.also),
            "locale": item.locale,
            "inherited": item.inherited,
        }
        for item in diagnostics
    ]
    stream.write(json_text(data) + "\n")
