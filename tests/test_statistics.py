"""``--statistics``: one entry per rule, its findings counted per severity."""

from __future__ import annotations

import io
import json

from lint.diagnostic import Diagnostic
from lint.report import Summary
from lint.report.statistics import write_json, write_text
from lint.rules import Severity


def finding(code: str, name: str, severity: Severity, line: int) -> Diagnostic:
    return Diagnostic(code, name, severity, "a.md", line, 1, line, "message")


#: One rule with findings of two severities (a finding's own severity differs from the rule's).
FINDINGS = [
    finding("DL201", "body-param-not-in-example", "error", 1),
    finding("DL201", "body-param-not-in-example", "warning", 2),
    finding("DL201", "body-param-not-in-example", "error", 3),
    finding("DL104", "deprecated-path", "warning", 4),
    finding("DL900", "unused-suppression", "info", 5),
]


def test_one_line_per_rule_with_a_column_per_severity() -> None:
    stream = io.StringIO()
    write_text(FINDINGS, stream, Summary(files=1))
    assert stream.getvalue().splitlines() == [
        "count  code   name                         error  warning     info",
        "    3  DL201  body-param-not-in-example        2        1        0",
        "    1  DL104  deprecated-path                  0        1        0",
        "    1  DL900  unused-suppression               0        0        1",
        "Found 5 findings (2 errors, 2 warnings, 1 info) in 1 of 1 file.",
    ]


def test_no_findings_print_only_the_summary() -> None:
    stream = io.StringIO()
    write_text([], stream, Summary(files=2))
    assert stream.getvalue() == "All clear: no findings in 2 files.\n"


def test_json_has_an_object_per_rule() -> None:
    stream = io.StringIO()
    write_json(FINDINGS, stream, Summary(files=1))
    assert json.loads(stream.getvalue()) == [
        {
            "code": "DL201",
            "name": "body-param-not-in-example",
            "counts": {"error": 2, "warning": 1, "info": 0},
            "total": 3,
        },
        {"code": "DL104", "name": "deprecated-path", "counts": {"error": 0, "warning": 1, "info": 0}, "total": 1},
        {"code": "DL900", "name": "unused-suppression", "counts": {"error": 0, "warning": 0, "info": 1}, "total": 1},
    ]
