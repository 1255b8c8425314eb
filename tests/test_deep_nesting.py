"""Content nested 100,000 levels deep gets a finding where it crosses the limit, never a RecursionError.

Each reader that recursed per level (``json.loads``, PyYAML's composer, the
PowerShell literal parser) or that a later walk over the value would make
recurse (schema validation, the JSON diff with the English page) stops at
:data:`lint.parse.nesting.MAX_NESTING` levels; markdown-it and the HTML
parser bound their own nesting and must stay quiet.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lint.cli import main
from lint.parse.nesting import MAX_NESTING, json_too_deep

DEPTH = 100_000
REPOSITORY = Path(__file__).resolve().parent.parent
CMDLET = REPOSITORY / "docs_src/powershell/beta/Invoke-MgBetaRejectCommunicationCall.md"
TEXT = REPOSITORY / "locales/es-ES/v1.0/api/call-reject.txt"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def syntax_findings(capsys: pytest.CaptureFixture[str], path: str) -> list[tuple[int, int, str, str]]:
    """The input and syntax findings (DL0xx) of ``path``: line, column, code, message."""
    code = main(["check", "--no-translations", "--select", "DL0", "--format", "json", path])
    report = json.loads(capsys.readouterr().out)
    assert code == (1 if report else 0)
    return [(item["line"], item["column"], item["code"], item["message"]) for item in report]


def write(path: str, text: str) -> str:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(text, encoding="utf-8")
    return path


MARKDOWN = """---
title: "user: get"
---

# user: get

## HTTP request

```http
GET /me
```

## Example

<!-- {
  "blockType": "request",
  "name": "get_me"
} -->

```http
GET https://graph.microsoft.com/v1.0/me
```

<!-- {
  "blockType": "response"
} -->

```json
{
  "value": BODY
}
```
"""
#: The line of ``BODY`` in MARKDOWN, and the column of its first character.
BODY_LINE, BODY_COLUMN = 30, 12


def test_a_json_example_nested_deeper_than_the_limit_is_reported_at_the_bracket_that_crosses_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("docs_src/v1.0/api/deep.md", MARKDOWN.replace("BODY", "[" * DEPTH + "]" * DEPTH))
    # The object is level 1, so the first "[" opens level 2 and level MAX_NESTING + 1 is MAX_NESTING - 1 further.
    column = BODY_COLUMN + MAX_NESTING - 1
    assert syntax_findings(capsys, path) == [
        (
            BODY_LINE,
            column,
            "DL002",
            f"JSON does not parse: JSON is nested deeper than {MAX_NESTING} levels; not checked further",
        )
    ]


def test_json_at_the_limit_goes_through_every_rule(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Schema validation and the other walks over the value stay within the stack at the limit."""
    nested = '{"a": ' * (MAX_NESTING - 2) + "1" + "}" * (MAX_NESTING - 2)
    path = write("docs_src/v1.0/api/deep.md", MARKDOWN.replace("BODY", nested))
    assert main(["check", "--no-translations", "--format", "json", path]) in (0, 1)
    report = json.loads(capsys.readouterr().out)
    assert [item for item in report if item["code"] in ("DL002", "DL020")] == []


def test_brackets_inside_strings_do_not_count() -> None:
    assert json_too_deep('["' + "[" * DEPTH + '"]') is None
    assert json_too_deep("[" * MAX_NESTING + "]" * MAX_NESTING) is None
    assert json_too_deep("[" * (MAX_NESTING + 1)) == MAX_NESTING


def test_a_deep_annotation_is_an_annotation_finding(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = MARKDOWN.replace('"blockType": "response"', '"blockType": "response", "x": ' + "[" * DEPTH + "]" * DEPTH)
    path = write("docs_src/v1.0/api/deep.md", text.replace("BODY", "1"))
    column = len('  "blockType": "response", "x": ') + MAX_NESTING
    assert syntax_findings(capsys, path) == [
        (25, column, "DL003", f"annotation comment is nested deeper than {MAX_NESTING} levels")
    ]


@pytest.mark.parametrize(
    "front_matter, line, column",
    [
        ("title: " + "[" * DEPTH + "]" * DEPTH, 2, 8 + MAX_NESTING - 1),
        ("title: " + "{a: " * DEPTH + "1" + "}" * DEPTH, 2, 8 + 4 * (MAX_NESTING - 1)),
        (
            "".join(" " * level + "a:\n" for level in range(DEPTH // 50)) + " " * (DEPTH // 50) + "b: 1",
            2 + MAX_NESTING,
            MAX_NESTING + 1,
        ),
        ("title:\n" + "- " * DEPTH + "x", 3, 1 + 2 * (MAX_NESTING - 1)),
    ],
    ids=["flow-sequence", "flow-mapping", "block-mapping", "block-sequence"],
)
def test_deep_front_matter_is_a_front_matter_finding(
    project: Path, capsys: pytest.CaptureFixture[str], front_matter: str, line: int, column: int
) -> None:
    text = MARKDOWN.replace('title: "user: get"', front_matter).replace("BODY", "1")
    path = write("docs_src/v1.0/api/deep.md", text)
    message = f"front matter is not valid YAML: nested deeper than {MAX_NESTING} levels"
    assert syntax_findings(capsys, path) == [(line, column, "DL004", message)]


def test_deep_markdown_blocks_and_html_are_read(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """markdown-it caps its own nesting and lxml builds trees iteratively: no finding at all."""
    body = "\n\n".join(["> " * DEPTH + "quote", "- " * DEPTH + "item", "<div>" * DEPTH + "x" + "</div>" * DEPTH])
    path = write("docs_src/v1.0/api/deep.md", MARKDOWN.replace("BODY", "1") + "\n" + body + "\n")
    assert syntax_findings(capsys, path) == []
    html = "<html><body><h1>user: get</h1>" + "<div>" * DEPTH + "x" + "</div>" * DEPTH + "</body></html>\n"
    assert syntax_findings(capsys, write("locales/zh-CN/v1.0/api/deep.html", html)) == []


def test_a_deep_hashtable_is_a_powershell_finding(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = CMDLET.read_text(encoding="utf-8")
    deep = text.replace('reason = "busy"', "reason = " + "@{a = " * DEPTH + "1" + "}" * DEPTH, 1)
    path = write("docs_src/powershell/beta/deep.md", deep)
    # The PowerShell literal parser reads 100 levels like the JSON and YAML readers (``$params = @{`` is
    # level 0); the value of ``reason = `` starts at column 11 after the tab.
    column = 11 + 6 * 100
    assert syntax_findings(capsys, path) == [(73, column, "DL008", "values are nested deeper than 100 levels")]


def test_a_deep_parameter_yaml_block_is_a_cmdlet_finding(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = CMDLET.read_text(encoding="utf-8")
    deep = text.replace("Type: Hashtable\n", "Type: " + "[" * DEPTH + "]" * DEPTH + "\n", 1)
    path = write("docs_src/powershell/beta/deep.md", deep)
    message = (
        f"the yaml block of parameter -AdditionalProperties is not valid YAML: nested deeper than {MAX_NESTING} levels"
    )
    assert syntax_findings(capsys, path) == [(95, 7 + MAX_NESTING - 1, "DL007", message)]


def test_deep_json_in_a_text_rendering_is_a_json_finding(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = TEXT.read_text(encoding="utf-8")
    deep = text.replace('{\n"reason": "busy"\n}', '{\n"reason": ' + "[" * DEPTH + "]" * DEPTH + "\n}", 1)
    path = write("locales/es-ES/v1.0/api/deep.txt", deep)
    message = f"JSON does not parse: JSON is nested deeper than {MAX_NESTING} levels; not checked further"
    assert syntax_findings(capsys, path) == [(24, 11 + MAX_NESTING - 1, "DL002", message)]


def test_no_shipped_page_comes_near_the_limit() -> None:
    """A guard against choosing the limit too low: the shipped pages nest 16 levels at most."""
    for page in (REPOSITORY / "docs_src").rglob("*.md"):
        assert json_too_deep(page.read_text(encoding="utf-8"), limit=16) is None, page


def test_json_at_the_limit_goes_through_the_pair_rules(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON diff of a translation against its English page walks both values at the limit."""
    english = '{"a": ' * (MAX_NESTING - 2) + "1" + "}" * (MAX_NESTING - 2)
    translated = '{"a": ' * (MAX_NESTING - 2) + '"x"' + "}" * (MAX_NESTING - 2)
    write("docs_src/v1.0/api/deep.md", MARKDOWN.replace("BODY", english))
    write("locales/ru-RU/v1.0/api/deep.md", MARKDOWN.replace("BODY", translated))
    main(["check", "--jobs", "1", "--format", "json", "docs_src", "locales"])
    report = json.loads(capsys.readouterr().out)
    assert [item for item in report if item["code"] in ("DL002", "DL020")] == []
    drift = [(item["path"], item["line"], item["name"]) for item in report if item["code"].startswith("DL6")]
    assert drift == [("locales/ru-RU/v1.0/api/deep.md", BODY_LINE, "json-drift")]
