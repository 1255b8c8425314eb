"""``--statistics``: one entry per rule, its findings counted per severity."""

from __future__ import annotations

import io
import json

import pytest

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


def localized(code: str, name: str, locale: str, line: int) -> Diagnostic:
    return Diagnostic(code, name, "warning", f"{locale}.md", line, 1, line, "message", locale=locale)


#: Findings on pages of three locales: what a localization team counts.
BY_LOCALE = [
    localized("DL103", "duplicate-path-parameter", "en-US", 1),
    localized("DL103", "duplicate-path-parameter", "ru-RU", 1),
    localized("DL103", "duplicate-path-parameter", "zh-CN", 1),
    localized("DL103", "duplicate-path-parameter", "zh-CN", 2),
    localized("DL106", "invalid-header-name", "ru-RU", 3),
]


def test_grouped_by_locale_a_column_per_locale() -> None:
    stream = io.StringIO()
    write_text(BY_LOCALE, stream, Summary(files=3), group_by="locale")
    assert stream.getvalue().splitlines() == [
        "count  code   name                        en-US    ru-RU    zh-CN",
        "    4  DL103  duplicate-path-parameter        1        1        2",
        "    1  DL106  invalid-header-name             0        1        0",
        "Found 5 findings (5 warnings) in 3 of 3 files.",
    ]


def test_grouped_by_locale_json_counts_per_locale() -> None:
    stream = io.StringIO()
    write_json(BY_LOCALE, stream, Summary(files=3), group_by="locale")
    assert [(entry["code"], entry["locales"], entry["total"]) for entry in json.loads(stream.getvalue())] == [
        ("DL103", {"en-US": 1, "ru-RU": 1, "zh-CN": 2}, 4),
        ("DL106", {"en-US": 0, "ru-RU": 1, "zh-CN": 0}, 1),
    ]


def test_statistics_by_locale_on_the_shipped_corpus(in_repo: object, capsys: pytest.CaptureFixture[str]) -> None:
    from lint.cli import main

    assert main(["check", "--jobs", "1", "--statistics", "--group-by", "locale", "--select", "DL503,DL606"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "count  code   name            en-US    es-ES    ru-RU    zh-CN",
        "    4  DL503  enum-case           2        1        0        1",
        "    2  DL606  header-drift        0        0        2        0",
        "Found 6 findings (2 warnings, 4 info) in 5 of 9 files. 4 fixable with --fix.",
    ]
    # Without --statistics, --group-by has nothing to group: a usage error.
    assert main(["check", "--group-by", "locale"]) == 2
    assert "--group-by says how --statistics counts; give --statistics too" in capsys.readouterr().err
