"""Untrusted text written into MyST reads back as the same text: escaping, code spans, messages, tables."""

from __future__ import annotations

import pytest
from docutils import nodes
from docutils.core import publish_doctree
from myst_parser.parsers.docutils_ import Parser

from lint.site.myst import code, docname_part, escape, list_table, message

#: Every MyST extension that gives a character a meaning (math, roles, substitutions, fences, attributes ...),
#: so that escaping is shown to hold whatever the site enables.
EXTENSIONS = [
    "amsmath",
    "attrs_inline",
    "colon_fence",
    "deflist",
    "dollarmath",
    "fieldlist",
    "html_admonition",
    "html_image",
    "replacements",
    "smartquotes",
    "strikethrough",
    "substitution",
    "tasklist",
]

HOSTILE = (
    "*a* `b` | <script>alert(1)</script> {role}`x` [l](u) ![i](x.png) $x$ $$y$$ {{ s }} # h & &amp; _u_ "
    '~~s~~ \\ ::: (t)= % c "q" -- ... <!-- c --> <https://x.test> {.cls} [^1]'
)


def doctree(source: str) -> nodes.document:
    settings = {"myst_enable_extensions": EXTENSIONS, "report_level": 2, "halt_level": 2, "warning_stream": False}
    return publish_doctree(source, parser=Parser(), settings_overrides=settings)


def paragraph(source: str) -> nodes.paragraph:
    """The one paragraph ``source`` (inline MyST) makes."""
    body = doctree(f"# Title\n\n{source}\n").children[1:]
    assert len(body) == 1 and isinstance(body[0], nodes.paragraph), [node.pformat() for node in body]
    return body[0]


def test_escape_is_backslash_before_every_ascii_punctuation() -> None:
    assert escape("<script> a*b `c` {d} [e] $f | g") == r"\<script\> a\*b \`c\` \{d\} \[e\] \$f \| g"
    assert escape("  # heading\nnext\tline\x00") == "\\# heading next line\ufffd"
    assert escape("Привет, мир") == "Привет\\, мир"


@pytest.mark.parametrize(
    "text",
    [
        HOSTILE,
        "# not a heading",
        "> not a quote",
        "- not a list",
        "1. not a list",
        "    not code",
        "```not a fence",
        "| a | b |",
        "---",
        "(label)=",
        "% not a comment",
        "+++",
        "\\",
        "trailing backslash \\",
    ],
)
def test_escaped_text_reads_back_as_itself_and_nothing_else(text: str) -> None:
    """The text is all there, as plain text: no element (emphasis, code, math, raw HTML, link ...) came of it."""
    node = paragraph(escape(text))
    assert node.astext() == text.strip()
    assert [type(child) for child in node.children] == [nodes.Text]


@pytest.mark.parametrize(
    "text",
    ["a `b` c", "`starts", "ends`", "``double``", " padded ", "<script>alert(1)</script>", "{role}`x` $y$ *z*"],
)
def test_code_span_holds_the_text_verbatim(text: str) -> None:
    node = paragraph(code(text))
    assert [type(child) for child in node.children] == [nodes.literal]
    assert node.astext() == text


def test_code_of_blank_text_is_nothing() -> None:
    assert (code(""), code("   ")) == ("", "")


def test_message_keeps_its_quoted_values_as_code_and_escapes_the_rest() -> None:
    text = "the Response section says `200 OK`, but the response examples show `202 Accepted` <b>*"
    node = paragraph(message(text))
    assert node.astext() == text.replace("`", "")
    assert [child.astext() for child in node.children if isinstance(child, nodes.literal)] == [
        "200 OK",
        "202 Accepted",
    ]


def test_message_with_an_unpaired_backtick_escapes_it() -> None:
    text = "value `a` and a lone ` here"
    node = paragraph(message(text))
    assert node.astext() == "value a and a lone ` here"
    assert [child.astext() for child in node.children if isinstance(child, nodes.literal)] == ["a"]


def test_list_table_cells_are_what_they_hold() -> None:
    rows = [["head", "er"], [escape("| a |"), code("```fence```") + "\n\n" + escape("second <p>")], ["", "x"]]
    tree = doctree("# Title\n\n" + list_table(rows, widths=[1, 2], css="c"))
    table = next(iter(tree.findall(nodes.table)))
    assert "c" in table["classes"]
    cells = [[entry.astext() for entry in row.findall(nodes.entry)] for row in table.findall(nodes.row)]
    assert cells == [["head", "er"], ["| a |", "```fence```\n\nsecond <p>"], ["", "x"]]


def test_docname_part_keeps_only_safe_characters() -> None:
    assert [docname_part(part) for part in ("v1.0", "a b(c)", "../x", "..", "调用-拒绝", "<>")] == [
        "v1.0",
        "a-b-c",
        "x",
        "page",
        "调用-拒绝",
        "page",
    ]
