"""Structural defects a writer makes: unclosed fences, broken tables, comments inside tables."""

from __future__ import annotations

from lint.parse.fences import UnclosedFence, find_unclosed
from lint.parse.markdown.page import parse


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


# -- broken tables ----------------------------------------------------------------------

_BODY_TABLE = "## Request body\n| Property | Type | Description |\n|:--|:--|:--|\n"


def table_rows(text: str) -> list[list[tuple[str, int, int, int]]]:
    """Each body row of the page's only table as (text, line, column, end line) per cell."""
    [table] = parse(text, "p.md").tables
    return [[(c.text, c.span.line, c.span.column, c.span.end_line) for c in row.cells] for row in table.rows]


def test_cell_continued_on_a_line_ending_with_a_pipe_is_joined_to_its_row() -> None:
    # As in the zh-CN and en-US windowsDeliveryOptimizationConfiguration pages.
    text = _BODY_TABLE + "|a|String|First half,\nsecond half.|\n|b|Int32|Whole.|\n"
    assert table_rows(text) == [
        [("a", 4, 2, 4), ("String", 4, 4, 4), ("First half, second half.", 4, 11, 5)],
        [("b", 6, 2, 6), ("Int32", 6, 4, 6), ("Whole.", 6, 10, 6)],
    ]
    assert diagnostics(text) == [
        (
            "broken-table-row",
            5,
            1,
            "this line goes on with the table row above but does not start with `|`, so Markdown makes it a row "
            "of its own; join it to the row above (write a line break in a cell as `<br>`)",
        )
    ]
    [table] = parse(text, "p.md").tables
    assert (table.rows[0].span.line, table.rows[0].span.end_line) == (4, 5)


def test_bilingual_continuation_at_the_end_of_the_table_keeps_its_english() -> None:
    # As in the zh-CN dynamics-currencies-delete page: the last row's cell goes on, then the table ends.
    text = (
        _BODY_TABLE + '|a|String|<span data-ttu-id="1">如果</span><span class="sxs-lookup">'
        '<span data-stu-id="1">If the</span></span>\n<span data-ttu-id="2">更新。</span>'
        '<span class="sxs-lookup"><span data-stu-id="2">tag is updated.</span></span> |\n\n## Response\n'
    )
    [table] = parse(text, "p.md").tables
    [row] = table.rows
    assert (row.cells[2].text, row.cells[2].source, row.cells[2].span.end_line) == (
        "如果 更新。",
        "If the tag is updated.",
        5,
    )
    assert [(code, line) for code, line, _, _ in diagnostics(text)] == [("broken-table-row", 5)]


def test_a_cell_continued_over_two_lines_is_one_broken_row() -> None:
    text = _BODY_TABLE + "|a|String|One,\ntwo,\nthree.|\n"
    assert table_rows(text) == [[("a", 4, 2, 4), ("String", 4, 4, 4), ("One, two, three.", 4, 11, 6)]]
    assert [(code, line) for code, line, _, _ in diagnostics(text)] == [("broken-table-row", 5)]


def test_a_table_without_leading_pipes_has_no_continuations() -> None:
    text = "## Request body\nProperty | Type | Description\n--|--|--\na | String | First\nsecond\n"
    assert [row[0][0] for row in table_rows(text)] == ["a", "second"]
    assert diagnostics(text) == []


def test_group_labels_and_separators_are_not_rows() -> None:
    # As in the intune derivedCredentialSettings pages, whose translations keep the English in sxs spans.
    text = (
        _BODY_TABLE + "|id|String|Identifier|\n|**RA Policy**|\n"
        '|<span data-ttu-id="9">**Политика RA**</span><span class="sxs-lookup"><span data-stu-id="9">'
        "**RA Policy**</span></span>|\n| | | |\n|helpUrl|String|URL|\n|_plain_ note|String||\n|lonely|||\n"
    )
    [table] = parse(text, "p.md").tables
    assert [row.cells[0].text for row in table.rows] == ["id", "helpUrl", "_plain_ note", "lonely"]
    assert [(row.cells[0].text, row.span.line) for row in table.labels] == [
        ("**RA Policy**", 5),
        ("**Политика RA**", 6),
        ("", 7),
    ]


# -- comments inside tables -------------------------------------------------------------


def test_suppression_comment_between_rows_keeps_one_table_and_is_recorded() -> None:
    text = (
        _BODY_TABLE + "|a|String|A.|\n<!-- doclint-disable-next-line DL201 -->\n|b|Int32|B.|\n"
        "|c|String|C,\nwrapped.|\n<!-- another -->\n|d|Int32|D.|\n\nafter\n"
    )
    page = parse(text, "p.md")
    [table] = page.tables
    assert table_rows(text) == [
        [("a", 4, 2, 4), ("String", 4, 4, 4), ("A.", 4, 11, 4)],
        [("b", 6, 2, 6), ("Int32", 6, 4, 6), ("B.", 6, 10, 6)],
        [("c", 7, 2, 7), ("String", 7, 4, 7), ("C, wrapped.", 7, 11, 8)],
        [("d", 10, 2, 10), ("Int32", 10, 4, 10), ("D.", 10, 10, 10)],
    ]
    assert (table.span.line, table.span.end_line) == (2, 10)
    assert [(comment.text, comment.span.line, comment.span.column) for comment in page.comments] == [
        ("doclint-disable-next-line DL201", 5, 1),
        ("another", 9, 1),
    ]
    assert [(code, line) for code, line, _, _ in diagnostics(text)] == [("broken-table-row", 8)]
    assert [segment.text for segment in page.segments][-1] == "after"


def test_annotation_after_a_table_is_not_taken_into_it() -> None:
    text = _BODY_TABLE + '|a|String|A.|\n<!-- { "blockType": "ignored" } -->\n|b|Int32|B.|\n'
    assert [row[0][0] for row in table_rows(text)] == ["a"]


#: As in es-ES educationclass-update.md: a translation tool's note leads a row on its line.
_NOTE = "<!-- Please verify the revised description here. -->"


def test_comment_leading_a_row_is_a_comment_not_a_cell() -> None:
    text = (
        "## Request body\n"
        "| Propiedad     | Tipo   |Descripción|\n"
        "|:---------------|:--------|:----------|\n"
        "|mailNickname|String| Alias de correo. |\n"
        f"{_NOTE}| classCode | Cadena | Clase de código utilizado por la escuela. |\n"
        "|externalId|String| Identificador. |\n"
        "\nafter\n"
    )
    page = parse(text, "p.md")
    [table] = page.tables
    column = len(_NOTE) + 3  # the `|` right after the comment, then a space
    assert table_rows(text) == [
        [("mailNickname", 4, 2, 4), ("String", 4, 15, 4), ("Alias de correo.", 4, 23, 4)],
        [
            ("classCode", 5, column, 5),
            ("Cadena", 5, column + 12, 5),
            ("Clase de código utilizado por la escuela.", 5, column + 21, 5),
        ],
        [("externalId", 6, 2, 6), ("String", 6, 13, 6), ("Identificador.", 6, 21, 6)],
    ]
    assert (table.span.line, table.span.end_line) == (2, 6)
    assert [(comment.text, comment.span.line, comment.span.column) for comment in page.comments] == [
        ("Please verify the revised description here.", 5, 1)
    ]
    assert diagnostics(text) == []
    assert [segment.text for segment in page.segments][-1] == "after"


def test_comment_leading_the_last_row_and_a_directive_leading_a_row() -> None:
    text = (
        "| Name | Type |\n|:--|:--|\n|a|String|\n"
        "<!-- doclint-disable-line DL201 -->|b|Int32|\n"
        "\n<!-- a comment -->and prose is no row\n"
    )
    page = parse(text, "p.md")
    assert [[cell[0] for cell in row] for row in table_rows(text)] == [["a", "String"], ["b", "Int32"]]
    assert [(comment.text, comment.span.line) for comment in page.comments] == [
        ("doclint-disable-line DL201", 4),
    ]
