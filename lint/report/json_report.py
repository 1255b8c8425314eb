"""A JSON array of findings: stable keys, for scripts and the review dashboard.

A shard's report (``check --shard I/N``) is an object instead: ``doclint`` holds
the run's record (:class:`lint.report.RunRecord`) and ``findings`` the array,
each finding with ``companion`` (a translation checked for drift only); that is
what ``doclint merge`` combines into the array an unsharded run writes.
"""

from __future__ import annotations

from typing import TextIO

from lint.diagnostic import Diagnostic
from lint.fix.edit import fix_data
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
    for entry, item in zip(data, diagnostics, strict=True):
        if item.fix is not None:
            # What `--fix` would change (only on findings that have a fix): editors and `doclint merge` read it.
            entry["fix"] = fix_data(item.fix)
    if summary.run is None:
        stream.write(json_text(data) + "\n")
        return
    companions = summary.run.companions
    for entry, item in zip(data, diagnostics, strict=True):
        entry["companion"] = item.path in companions
    stream.write(json_text({"doclint": summary.run.data(), "findings": data}) + "\n")
