"""``--fix`` on enum-case: the API's spelling of an enum member, in a JSON value and in a table's code spans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.cli import main

ENGLISH = "docs_src/beta/api/call-reject.md"
ZH = "locales/zh-CN/beta/api/call-reject.md"


@pytest.fixture
def corpus(shipped_copy: Path) -> Path:
    return shipped_copy


def _enum_findings(capsys: pytest.CaptureFixture[str], *paths: str) -> list[tuple[str, int, int, str, bool]]:
    capsys.readouterr()
    main(["check", "--no-cache", "--jobs", "1", "--format", "json", "--select", "enum-case", *paths])
    report = json.loads(capsys.readouterr().out)
    items = report["findings"] if isinstance(report, dict) else report
    return [(item["path"], item["line"], item["column"], item["severity"], "fix" in item) for item in items]


def _fix(*paths: str) -> None:
    main(["check", "--no-cache", "--jobs", "1", "--fix", *paths])


def test_a_json_value_and_a_tables_code_spans_take_the_apis_spelling(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = corpus / ENGLISH
    original = page.read_text(encoding="utf-8")
    page.write_text(original.replace('"reason": "busy"', '"reason": "Busy"', 1), encoding="utf-8")
    assert _enum_findings(capsys, ENGLISH) == [
        (ENGLISH, 50, 16, "info", True),  # the table row's `None`, `Busy`, `Forbidden`
        (ENGLISH, 73, 3, "warning", True),  # the request example's "Busy" (at its key)
    ]
    _fix(ENGLISH)
    assert page.read_text(encoding="utf-8") == original.replace(
        "Possible values are `None`, `Busy` and `Forbidden`", "Possible values are `none`, `busy` and `forbidden`"
    )
    assert _enum_findings(capsys, ENGLISH) == []


def test_an_inherited_finding_carries_no_fix_until_english_is_fixed(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The zh-CN row repeats the English spelling: the fix is made in English, the translation follows."""
    before = (corpus / ZH).read_bytes()
    assert _enum_findings(capsys, ZH) == [(ZH, 55, 240, "info", False)]
    _fix(ZH)
    assert (corpus / ZH).read_bytes() == before


def test_bare_words_are_not_respelled(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without backticks, `None` may be a word of the sentence: the finding stays, with no fix."""
    page = corpus / ENGLISH
    bare = page.read_text(encoding="utf-8").replace("`None`, `Busy` and `Forbidden`", "None, Busy and Forbidden")
    page.write_text(bare, encoding="utf-8")
    assert _enum_findings(capsys, ENGLISH) == [(ENGLISH, 50, 16, "info", False)]
    _fix(ENGLISH)
    assert page.read_text(encoding="utf-8") == bare
