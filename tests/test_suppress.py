"""The grammar of suppression comments: markdownlint's spellings, and no directive that fails open."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.cli import main
from tests.conftest import REPO

#: One status-prose-mismatch (DL101) at 4:39; every directive below is inserted at line 4.
PAGE = """# thing: act

## Response
If successful, this method returns a `200 OK` response code.

## Examples
```http
HTTP/1.1 202 Accepted
```
"""
#: The same with a second DL101 further down, at 13:39 once a directive line is inserted.
TWO_FINDINGS = PAGE + "\n## Response 2\nIf successful, this method returns a `200 OK` response code.\n"


@pytest.fixture(autouse=True)
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def findings(capsys: pytest.CaptureFixture[str], text: str, name: str = "page.md", *args: str) -> list[str]:
    """``path:line:column: CODE`` of each finding on a page with ``text``; DL900's with its message."""
    Path(name).write_text(text, encoding="utf-8")
    main(["check", "--jobs", "1", "--format", "json", *args, name])
    return [
        f"{item['path']}:{item['line']}:{item['column']}: {item['code']}"
        + (f" {item['message']}" if item["code"] == "DL900" else "")
        for item in json.loads(capsys.readouterr().out)
    ]


def with_directive(directive: str, page: str = PAGE) -> str:
    return page.replace("## Response\n", f"## Response\n<!-- {directive} -->\n", 1)


def test_disable_next_line_silences_the_next_line_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert findings(capsys, with_directive("doclint-disable-next-line DL101", TWO_FINDINGS)) == ["page.md:13:39: DL101"]


@pytest.mark.parametrize(
    ("word", "hint"),
    [
        ("disable-nextline", "did you mean `doclint-disable-next-line`?"),
        ("disable-next", "did you mean `doclint-disable-next-line`?"),
        ("disabled", "did you mean `doclint-disable`?"),
        (
            "ignore",
            "directives: doclint-disable, doclint-enable, doclint-disable-line, doclint-disable-next-line, "
            "doclint-disable-file",
        ),
    ],
)
def test_a_misspelled_directive_silences_nothing_and_is_reported(
    capsys: pytest.CaptureFixture[str], word: str, hint: str
) -> None:
    """It used to act as an open-ended ``doclint-disable``, silencing the rest of the page."""
    assert findings(capsys, with_directive(f"doclint-{word} status-prose-mismatch", TWO_FINDINGS)) == [
        f"page.md:4:1: DL900 unknown directive `doclint-{word}` ({hint})",
        "page.md:5:39: DL101",
        "page.md:13:39: DL101",
    ]


def test_markdownlint_directives_doclint_lacks_are_named_as_such(capsys: pytest.CaptureFixture[str]) -> None:
    assert findings(capsys, with_directive("doclint-enable-file DL101"))[0] == (
        "page.md:4:1: DL900 `doclint-enable-file` is a markdownlint directive doclint does not "
        "have (directives: doclint-disable, doclint-enable, doclint-disable-line, doclint-disable-next-line, "
        "doclint-disable-file)"
    )


def test_an_unknown_rule_is_reported_even_when_the_directive_suppressed_something(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert findings(capsys, with_directive("doclint-disable-next-line DL101, status-prose-mismatc")) == [
        "page.md:4:1: DL900 unknown rule `status-prose-mismatc` in `doclint-disable-next-line` "
        "(did you mean `status-prose-mismatch`?)"
    ]


def test_unknown_rules_and_stale_codes_are_one_finding(capsys: pytest.CaptureFixture[str]) -> None:
    assert findings(capsys, with_directive("doclint-disable-next-line http-syntax no-such-rule DL1O1")) == [
        "page.md:4:1: DL900 unknown rules `no-such-rule`, `DL1O1` in `doclint-disable-next-line` "
        "(did you mean `DL101` for `DL1O1`?); `DL001` suppresses nothing",
        "page.md:5:39: DL101",
    ]


def test_an_unknown_rule_in_enable_is_reported(capsys: pytest.CaptureFixture[str]) -> None:
    text = "<!-- doclint-disable DL101 -->\n" + PAGE + "<!-- doclint-enable status-prose -->\n"
    assert findings(capsys, text) == [
        "page.md:11:1: DL900 unknown rule `status-prose` in `doclint-enable` (did you mean `status-prose-mismatch`?)"
    ]


def test_a_reason_after_two_dashes_is_not_read_as_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert findings(capsys, with_directive("doclint-disable-next-line DL101 -- the example is abridged")) == []


def test_a_directive_for_unused_suppression_silences_a_stale_one_and_is_used(
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = "<!-- doclint-disable-next-line unused-suppression -->\n<!-- doclint-disable-file http-syntax -->\n" + PAGE
    assert findings(capsys, text, "page.md", "--select", "DL900") == []


HTML_PAGE = """<!DOCTYPE html>
<html lang="en-us"><head><title>thing</title></head>
<body><main>
<h1 id="thing-act">thing: act</h1>
<h2 id="response">Response</h2>
<p>If successful, this method returns a <code>200 OK</code> response code.</p> <!-- DIRECTIVE -->
<h2 id="examples">Examples</h2>
<pre><code class="lang-http">HTTP/1.1 202 Accepted
</code></pre>
<h2 id="response-2">Response 2</h2>
<p>If successful, this method returns a <code>200 OK</code> response code.</p>
</main></body></html>
"""


def test_disable_line_silences_its_own_line_in_html(capsys: pytest.CaptureFixture[str]) -> None:
    text = HTML_PAGE.replace("DIRECTIVE", "doclint-disable-line status-prose-mismatch")
    assert findings(capsys, text, "page.html") == ["page.html:11:47: DL101"]


def test_disable_line_on_a_line_without_findings_suppresses_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    text = HTML_PAGE.replace("DIRECTIVE", "").replace("</main>", "<!-- doclint-disable-line DL101 -->\n</main>")
    assert findings(capsys, text, "page.html")[-1] == (
        "page.html:12:1: DL900 `doclint-disable-line` suppresses nothing"
    )


CMDLET = REPO / "docs_src/powershell/beta/Invoke-MgBetaInviteCommunicationCallParticipant.md"


@pytest.mark.parametrize(
    ("directive", "expected"),
    [
        (
            "doclint-disable-next-line duplicate-example",
            ["Invoke-X.md:107:1: DL404"],
        ),
        (
            "doclint-disable-nextline duplicate-example",
            [
                "Invoke-X.md:82:1: DL900 unknown directive `doclint-disable-nextline` "
                "(did you mean `doclint-disable-next-line`?)",
                "Invoke-X.md:83:1: DL404",
                "Invoke-X.md:107:1: DL404",
            ],
        ),
    ],
)
def test_directives_in_platyps_help(capsys: pytest.CaptureFixture[str], directive: str, expected: list[str]) -> None:
    lines = CMDLET.read_text(encoding="utf-8").split("\n")
    assert lines[81].startswith("### Example 2")
    lines.insert(81, f"<!-- {directive} -->")
    found = findings(capsys, "\n".join(lines), "Invoke-X.md", "--select", "duplicate-example,unused-suppression")
    assert found == expected


def test_markdown_directive_at_the_end_of_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    """A ``disable-line`` comment after the text it silences is read in Markdown too, and checked."""
    silenced = TWO_FINDINGS.replace(
        "`200 OK` response code.\n", "`200 OK` response code. <!-- doclint-disable-line DL101 -->\n", 1
    )
    assert findings(capsys, silenced) == ["page.md:12:39: DL101"]
    misspelled = PAGE.replace("response code.\n", "response code. <!-- doclint-disable-lne DL101 -->\n", 1)
    assert findings(capsys, misspelled) == [
        "page.md:4:39: DL101",
        "page.md:4:62: DL900 unknown directive `doclint-disable-lne` (did you mean `doclint-disable-line`?)",
    ]
    in_code = PAGE + "\n```http\nGET /me <!-- doclint-disable-line DL101 -->\n```\n"
    assert findings(capsys, in_code, "page.md", "--ignore", "schema-unavailable") == ["page.md:4:39: DL101"]


def test_rule_doc_names_every_problem_it_reports(capsys: pytest.CaptureFixture[str]) -> None:
    """DL900 reports unknown directives and unknown rule names too (``Suppressions.problems``): its doc says so."""
    assert main(["rules", "DL900"]) == 0
    doc = capsys.readouterr().out
    summary = doc.split("\n\n")[1].splitlines()[0]
    assert summary == "A doclint directive is unknown, names an unknown rule, or suppresses nothing."
    for example in ("doclint-disable-nextline", "http-sytnax", "did you mean ``doclint-disable-next-line``?"):
        assert example in doc
