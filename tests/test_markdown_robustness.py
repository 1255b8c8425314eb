"""Bad Markdown input gives diagnostics with positions, never an exception."""

from __future__ import annotations

import pytest

from lint.parse.markdown.page import parse


def codes(text: str) -> list[tuple[str, int, int]]:
    return [(d.code, d.span.line, d.span.column) for d in parse(text, "page.md").diagnostics]


def test_malformed_annotation_is_a_diagnostic_at_the_json_error() -> None:
    text = '# t\n\n<!-- {\n  "blockType": "request",\n}-->\n```http\nGET /me\n```\n'
    assert codes(text) == [("annotation-syntax", 4, 25)]
    assert [d.message for d in parse(text, "page.md").diagnostics] == [
        "annotation comment is not valid JSON: trailing comma: remove the `,` before `}`"
    ]
    page = parse(text, "page.md")
    assert page.requests[0].annotation is None


def test_one_line_annotation_binds_to_next_fence() -> None:
    page = parse('<!-- { "blockType": "ignored" } -->\n```http\nGET /me\n```\n', "p.md")
    assert page.requests[0].annotation is not None
    assert page.requests[0].annotation.block_type == "ignored"
    assert page.requests[0].annotation.span.line == 1


def test_annotation_without_a_following_block() -> None:
    assert codes('text\n\n<!-- { "blockType": "example" } -->\n\nmore text\n') == [("annotation-syntax", 3, 1)]


def test_second_annotation_orphans_the_first() -> None:
    text = (
        '<!-- { "blockType": "request" } -->\n\n'
        '<!-- { "blockType": "response" } -->\n```http\nHTTP/1.1 204 No Content\n```\n'
    )
    assert codes(text) == [("annotation-syntax", 1, 1)]
    assert parse(text, "p.md").responses[0].annotation.block_type == "response"  # type: ignore[union-attr]


def test_page_annotation_is_a_comment_not_a_block_annotation() -> None:
    page = parse('<!--\n{\n  "type": "#page.annotation"\n}\n-->\n```http\nGET /me\n```\n', "p.md")
    assert page.requests[0].annotation is None
    assert page.diagnostics == ()


def test_bad_front_matter() -> None:
    assert codes("---\ntitle: [unclosed\n---\n# t\n") == [("front-matter-syntax", 2, 17)]
    assert codes("---\ntitle: x\n# never closed\n") == [("front-matter-syntax", 1, 1)]
    assert codes("---\n- a list\n---\n") == [("front-matter-syntax", 2, 1)]


def test_front_matter_keeps_line_numbers() -> None:
    page = parse("---\ntitle: x\nms.contentlocale: zh-cn\n---\n## Response\nReturns `204 No Content`.\n", "p.md")
    assert page.locale == "zh-CN"
    assert [(s.status, s.span.line, s.span.column) for s in page.prose_statuses] == [(204, 6, 10)]


def test_json_fence_error_position() -> None:
    page = parse('```json\n{\n  "a": 1,\n  "b": \n}\n```\n', "p.md")
    example = page.json_examples[0]
    assert example.value is None
    assert example.error is not None and (example.error.line, example.error.column) == (5, 1)


def test_duplicate_keys_are_recorded() -> None:
    page = parse('```json\n{\n  "a": 1,\n  "a": 2\n}\n```\n', "p.md")
    assert page.json_examples[0].duplicate_keys == (("a", 4, 3),)


def test_indented_fence_in_list_keeps_columns() -> None:
    page = parse("1. Step\n\n   ```http\n   GET https://graph.microsoft.com/v1.0/me\n   ```\n", "p.md")
    assert [(r.path, r.span.line, r.span.column) for r in page.requests] == [("/me", 4, 4)]


def test_crlf_and_bom() -> None:
    page = parse("\ufeff## Response\r\nReturns `200 OK`.\r\n", "p.md")
    assert [(s.status, s.span.line) for s in page.prose_statuses] == [(200, 2)]


def test_status_prose_only_from_response_section() -> None:
    page = parse(
        "## Permissions\nreturns 200 OK\n\n## Response\nreturns 201 Created\n\n## Examples\n### Response\n200 OK\n",
        "p.md",
    )
    assert [s.status for s in page.prose_statuses] == [201]


def test_headers_only_http_block_is_not_a_diagnostic() -> None:
    assert codes('## Request headers\n```http\nPrefer: outlook.timezone="UTC"\n```\n') == []


def test_bad_status_line_is_a_diagnostic() -> None:
    assert codes("## Response\n```http\nHTTP 201 Created\n```\n") == [("http-syntax", 2, 1)]


def test_setext_and_alert_notes() -> None:
    page = parse("> [!NOTE]\n> Something.\n\n> **Important:** x\n\n> a quote\n", "p.md")
    assert [(n.kind, n.span.line) for n in page.notes] == [("note", 1), ("important", 4)]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "```",
        "```http\n",
        "| a |\n|---|\n",
        "<!--",
        "<!-- {",
        '# <a name="x">broken',
        "\x00\x01\x02",
        "---\n",
        "```json\n{\n```",
        '<span data-ttu-id="x">a</span><span class="sxs-lookup">',
        "# [HTTP](#tab/http)\n---\n# [C#](#tab/cs)\n",
        "|" * 500,
        "[" * 2000,
    ],
)
def test_garbage_never_raises(text: str) -> None:
    page = parse(text, "p.md")
    assert page.path == "p.md"


def test_impossible_date_in_front_matter_is_a_diagnostic() -> None:
    assert codes("---\nms.date: 2023-02-30\n---\n# t\n") == [("front-matter-syntax", 2, 1)]


def test_repeated_anchors_stay_unique() -> None:
    page = parse("## Example\n## Example\n## Example 1\n## Example\n", "p.md")
    assert [section.anchor for section in page.sections] == ["example", "example-1", "example-1-1", "example-2"]


def test_a_table_of_values_is_not_a_parameter_table() -> None:
    text = (
        "## Request body\n| Parameter | Type | Description |\n|:--|:--|:--|\n| activityDomain | String | x |\n\n"
        "| activityDomain value | Suggestions |\n|:--|:--|\n| work | Working hours |\n"
    )
    assert [table.role for table in parse(text, "p.md").tables] == ["body-parameters", "other"]


def test_graph_explorer_fence_is_an_http_request_with_its_annotation() -> None:
    text = (
        '## Example\n<!-- { "blockType": "request", "name": "get_me" } -->\n'
        "```msgraph-interactive\nGET https://graph.microsoft.com/beta/me?$select=id\n```\n"
    )
    page = parse(text, "p.md")
    assert [(r.method, r.path, r.query, r.version, r.origin, r.span.line, r.span.column) for r in page.requests] == [
        ("GET", "/me", "$select=id", "beta", "example", 4, 1)
    ]
    assert page.requests[0].annotation is not None and page.requests[0].annotation.name == "get_me"
    assert page.code_blocks == ()


def test_graph_explorer_fence_without_a_request_names_its_language() -> None:
    page = parse("```msgraph-interactive\nSee above.\n```\n", "p.md")
    assert [(d.code, d.message, d.span.line) for d in page.diagnostics] == [
        ("http-syntax", "code block labelled `msgraph-interactive` holds no HTTP request or response", 1)
    ]
