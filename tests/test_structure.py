"""Structural defects a writer makes: unclosed fences, broken tables, comments inside tables."""

from __future__ import annotations

from lint.parse.fences import UnclosedFence, find_unclosed
from lint.parse.markdown import parse


def diagnostics(text: str) -> list[tuple[str, int, int, str]]:
    return [(d.code, d.span.line, d.span.column, d.message) for d in parse(text, "p.md").diagnostics]


# -- unclosed fences ------------------------------------------------------------------


def test_fence_swallowing_the_next_example_is_reported_once_at_its_opening() -> None:
    text = (
        "# t\n## Example\n"
        '<!-- { "blockType": "request", "name": "x" } -->\n'
        '```http\nPOST https://graph.microsoft.com/v1.0/me/things\n\n{"a": 1}\n\n'
        '### Response\n<!-- { "blockType": "response" } -->\n```http\nHTTP/1.1 201 Created\n```\n'
    )
    page = parse(text, "p.md")
    assert diagnostics(text) == [
        (
            "unclosed-fence",
            4,
            1,
            "this code fence is not closed before the fence on line 11: everything after line 4 up to line 12 is code",
        )
    ]
    # No request, response or JSON example is read from the swallowed text ...
    assert (page.requests, page.responses, page.json_examples) == ((), (), ())
    # ... which is kept as code, with its annotation (not orphaned).
    [block] = page.code_blocks
    assert (block.language, block.unclosed, block.span.line, block.span.end_line) == ("http", True, 4, 13)
    assert block.annotation is not None and block.annotation.name == "x"
    assert [section.title for section in page.sections] == ["t", "Example"]


def test_fence_running_to_the_end_of_the_page() -> None:
    text = '## Response\n\n  ```json\n  {\n    "a": 1\n  }\n\n## Next\ntext\n'
    assert diagnostics(text) == [
        (
            "unclosed-fence",
            3,
            3,
            "this code fence is never closed: everything after line 3 is code, to the end of the page; "
            "add the closing fence",
        )
    ]
    assert parse(text, "p.md").json_examples == ()


def test_fence_ended_by_its_quote_names_the_last_line() -> None:
    text = "> ```json\n> {}\n\nafter\n"
    assert [(code, line, column) for code, line, column, _ in diagnostics(text)] == [("unclosed-fence", 1, 3)]
    assert find_unclosed(text.split("\n"), 1, 2, "```") == UnclosedFence(1, 2, to_end=False)


def test_closed_fences_are_not_reported() -> None:
    lines = ["````markdown", "```http", "GET /me", "```", "````", "~~~", "```json", "~~~~"]
    # A longer fence may show a shorter one; a fence of the other character is no fence here.
    assert find_unclosed(lines, 1, 5, "````") is None
    assert find_unclosed(lines, 6, 8, "~~~") is None
    assert diagnostics("```http\nGET /me\n```\n\n```\n```\n") == []
