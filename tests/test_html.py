"""Rendered HTML pages: the same API facts as the Markdown they come from, exact lines, no chrome."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from lint.model import Page
from lint.parse.detect import parse_source
from lint.parse.html.page import parse
from lint.source import decode_source
from tests.conftest import REPO, load_page
from tests.html_render import render_markdown_to_html

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"
EN = "tests/fixtures/html/user-get.en-us.html"
ZH = "tests/fixtures/html/user-get.zh-cn.html"
DECOYS = "tests/fixtures/html/user-delete.decoys.html"
MARKDOWN_PAGES = [
    "docs_src/beta/api/call-reject.md",
    "docs_src/v1.0/api/call-reject.md",
    "docs_src/beta/api/participant-invite.md",
    "docs_src/v1.0/api/participant-invite.md",
    "locales/zh-CN/beta/api/call-reject.md",
    "locales/ru-RU/beta/api/call-reject.md",
]


def fixture(relative: str) -> Page:
    return parse((REPO / relative).read_text(encoding="utf-8"), relative)


def rendered(relative: str) -> tuple[str, Page]:
    """A shipped Markdown page rendered as a DocFX site would, and parsed as HTML."""
    text = render_markdown_to_html((REPO / relative).read_text(encoding="utf-8"))
    return text, parse(text, relative[: -len(".md")] + ".html")


# -- (a) the Markdown and HTML forms of a page state the same facts --------------------


def _plain(text: str) -> str:
    """Cell text without inline Markdown syntax.

    The Markdown parser keeps table cells as written (inline parsing is off),
    so ``[user](../resources/user.md)`` and `` `None` `` keep their link and
    backtick syntax; the HTML shows only the visible text. Comparing the two
    needs this one normalization, applied to both sides.
    """
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.replace("`", "").replace("**", "").replace("\\|", "|")
    return re.sub(r"\s+", " ", text).strip()


def facts(page: Page) -> dict[str, Any]:
    """The API facts of a page, without positions, for comparing input formats."""
    return {
        "requests": [
            (
                r.method,
                r.url,
                r.origin,
                [(h.name, h.value) for h in r.headers],
                r.body.value if r.body is not None else None,
            )
            for r in page.requests
        ],
        "responses": [
            (
                r.status,
                r.reason,
                [h.name for h in r.headers],
                r.body.value if r.body is not None else None,
            )
            for r in page.responses
        ],
        "tables": [
            (
                t.role,
                [_plain(c.text) for c in t.header.cells],
                [[_plain(c.text) for c in row.cells] for row in t.rows],
            )
            for t in page.tables
        ],
        "json_examples": [
            (j.value, j.annotation.odata_type if j.annotation is not None else None) for j in page.json_examples
        ],
        "prose_statuses": [(s.status, s.reason) for s in page.prose_statuses],
        "sections": [(s.anchor, s.role) for s in page.sections],
        "diagnostics": [d.code for d in page.diagnostics],
    }


FACTS = ["requests", "responses", "tables", "json_examples", "prose_statuses", "sections", "diagnostics"]


@pytest.mark.parametrize("fact", FACTS)
@pytest.mark.parametrize("relative", MARKDOWN_PAGES)
def test_html_rendering_states_the_same_facts(relative: str, fact: str) -> None:
    markdown = facts(load_page(relative))[fact]
    _, page = rendered(relative)
    assert facts(page)[fact] == markdown
    assert markdown or fact in ("prose_statuses", "diagnostics", "json_examples")


@pytest.mark.parametrize("relative", MARKDOWN_PAGES)
def test_html_rendering_agrees_beyond_the_compared_facts(relative: str) -> None:
    markdown = load_page(relative)
    _, page = rendered(relative)
    assert (page.format, page.kind) == ("html", "rest")
    assert (page.locale, page.version, page.title, page.title_source) == (
        markdown.locale,
        markdown.version,
        markdown.title,
        markdown.title_source,
    )
    assert [(n.kind, n.section) for n in page.notes] == [(n.kind, n.section) for n in markdown.notes]
    assert [(t.label, t.tab_id, t.group) for t in page.tabs] == [(t.label, t.tab_id, t.group) for t in markdown.tabs]
    assert [(r.annotation.block_type, r.annotation.name) for r in page.requests if r.annotation] == [
        (r.annotation.block_type, r.annotation.name) for r in markdown.requests if r.annotation
    ]
    assert [s.source_title for s in page.sections] == [s.source_title for s in markdown.sections]
    assert [r.section for r in page.requests] == [r.section for r in markdown.requests]
    assert [(i.name, i.target) for i in page.includes] == [(i.name, i.target) for i in markdown.includes]
    assert [(_plain(s.text), s.source and _plain(s.source), s.segment_id) for s in page.segments] == [
        (_plain(s.text), s.source and _plain(s.source), s.segment_id) for s in markdown.segments
    ]


def test_rendered_bilingual_page_keeps_english_sources() -> None:
    _, page = rendered("locales/zh-CN/beta/api/call-reject.md")
    header = page.tables_of("body-parameters")[0].header
    assert [(c.text, c.source) for c in header.cells] == [
        ("参数", "Parameter"),
        ("类型", "Type"),
        ("说明", "Description"),
    ]
    segment = next(s for s in page.segments if s.segment_id == "a821e-p109")
    assert segment.text == "如果成功，此方法返回 202 Accepted 响应代码。它不在响应正文中返回任何内容。"
    assert segment.source == (
        "If successful, this method returns a 202 Accepted response code."
        " It does not return anything in the response body."
    )
    texts = [s.text for s in page.segments] + [s.source or "" for s in page.segments]
    texts += [s.title for s in page.sections] + [n.text for n in page.notes]
    assert texts and not [t for t in texts if "<span" in t or "data-ttu-id" in t]
    assert [(n.kind, n.source) for n in page.notes] == [
        ("note", "Note: The /app path is deprecated. Going forward, use the /communications path.")
    ]


def _at(lines: list[str], line: int, column: int) -> str:
    return lines[line - 1][column - 1 :]


def _check_positions(text: str, page: Page) -> None:
    """Every span points at what it describes in the HTML source."""
    lines = text.replace("\r\n", "\n").split("\n")
    for section in page.sections:
        assert _at(lines, section.span.line, section.span.column).startswith(f"<h{section.level}"), section
        assert section.span.line <= section.end_line
    for request in page.requests:
        assert _at(lines, request.span.line, request.span.column).startswith(request.method + " "), request
        for header in request.headers:
            assert _at(lines, header.span.line, header.span.column).startswith(header.name), header
        if request.block is not None:
            assert _at(lines, request.block.line, request.block.column).startswith("<pre")
    for response in page.responses:
        assert _at(lines, response.span.line, response.span.column).startswith("HTTP/"), response
    for example in page.json_examples:
        assert _at(lines, example.span.line, example.span.column).lstrip()[:1] in ("{", "["), example
    for table in page.tables:
        assert _at(lines, table.span.line, table.span.column).startswith("<table")
        for row in (table.header, *table.rows):
            assert _at(lines, row.span.line, row.span.column).startswith("<tr")
            for cell in row.cells:
                assert _at(lines, cell.span.line, cell.span.column)[:3] in ("<td", "<th"), cell
    for status in page.prose_statuses:
        assert _at(lines, status.span.line, status.span.column).startswith(status.text), status
    for include in page.includes:
        assert _at(lines, include.span.line, include.span.column).startswith("[!INCLUDE"), include
    for tab in page.tabs:
        assert _at(lines, tab.span.line, tab.span.column).startswith("<a "), tab
    for segment in page.segments:
        if segment.segment_id is not None:
            assert _at(lines, segment.span.line, segment.span.column).startswith("<span data-ttu-id"), segment


@pytest.mark.parametrize("relative", MARKDOWN_PAGES)
def test_rendered_page_positions_point_at_the_source(relative: str) -> None:
    text, page = rendered(relative)
    _check_positions(text, page)


@pytest.mark.parametrize("relative", [EN, ZH, DECOYS])
def test_fixture_positions_point_at_the_source(relative: str) -> None:
    _check_positions((REPO / relative).read_text(encoding="utf-8"), fixture(relative))


def test_rendered_page_uses_docfx_markup() -> None:
    text, _ = rendered("locales/ru-RU/beta/api/call-reject.md")
    assert '<html lang="ru-ru">' in text
    assert '<h2 id="response">Отклик</h2>' in text
    assert '<h5 id="response-1">Отклик</h5>' in text
    assert '<pre><code class="lang-http">POST /app/calls/{id}/reject\n' in text
    assert '<div class="tabGroup" id="tabgroup_1">' in text
    assert 'data-tab="javascript">Язык</a>' in text
    assert "ms.contentlocale" not in text
    assert '<!-- {\n  "blockType": "request",\n  "name": "call-reject"\n}-->' in text


# -- (b) published pages: exact values, exact lines -------------------------------------


class TestEnglishLearnPage:
    page = fixture(EN)

    def test_identity(self) -> None:
        page = self.page
        assert (page.locale, page.version, page.kind, page.format) == ("en-US", "v1.0", "rest", "html")
        assert (page.title, page.title_source) == ("Get user", "Get user")
        assert page.front_matter["ms.service"] == "microsoft-graph"
        assert page.front_matter["description"] == "Retrieve the properties and relationships of user object."

    def test_sections(self) -> None:
        assert [(s.level, s.anchor, s.role, s.span.line, s.span.column, s.end_line) for s in self.page.sections] == [
            (1, "get-user", "title", 51, 15, 160),
            (2, "permissions", "permissions", 65, 15, 75),
            (2, "http-request", "http-request", 76, 15, 80),
            (2, "optional-query-parameters", "query-parameters", 81, 15, 91),
            (2, "request-headers", "request-headers", 92, 15, 96),
            (2, "request-body", "request-body", 97, 15, 98),
            (2, "response", "response", 99, 15, 102),
            (2, "examples", "examples", 103, 15, 160),
            (3, "example-1-standard-users-request", "example", 104, 15, 148),
            (4, "request", "example-request", 105, 15, 131),
            (4, "response-1", "example-response", 132, 15, 148),
            (3, "example-2-signed-in-user", "example", 149, 15, 160),
        ]
        assert self.page.section("response-1").parent == "example-1-standard-users-request"  # type: ignore[union-attr]

    def test_syntax_requests(self) -> None:
        assert [(r.method, r.url, r.origin, r.span.line, r.span.column) for r in self.page.requests[:2]] == [
            ("GET", "/users/{id | userPrincipalName}", "syntax", 78, 44),
            ("GET", "/me", "syntax", 79, 1),
        ]
        block = self.page.requests[0].block
        assert block is not None and (block.line, block.column, block.end_line) == (78, 15, 80)

    def test_example_request_in_a_tab(self) -> None:
        request = self.page.requests[2]
        assert (request.method, request.url, request.origin, request.version, request.section) == (
            "GET",
            "https://graph.microsoft.com/v1.0/users/87d349ed-44d7-43e1-9a83-5f2406dee5bd",
            "example",
            "v1.0",
            "request",
        )
        assert (request.span.line, request.span.column) == (117, 48)
        assert [(h.name, h.value, h.span.line, h.span.column) for h in request.headers] == [
            ("Accept", "application/json", 118, 1)
        ]
        assert request.annotation is not None
        assert (request.annotation.block_type, request.annotation.name, request.annotation.span.line) == (
            "request",
            "get_user",
            113,
        )
        assert (request.annotation.span.column, request.annotation.span.end_line) == (19, 116)

    def test_response(self) -> None:
        (response,) = self.page.responses
        assert (response.status, response.reason, response.span.line, response.span.column) == (200, "OK", 139, 44)
        assert [(h.name, h.value, h.span.line) for h in response.headers] == [("Content-type", "application/json", 140)]
        assert response.body is not None
        assert (response.body.span.line, response.body.span.column, response.body.span.end_line) == (142, 1, 147)
        assert response.body.value["displayName"] == "Adele Vance"
        assert response.body.origin == "response-body"
        assert response.annotation is not None
        assert (response.annotation.odata_type, response.annotation.truncated, response.annotation.span.line) == (
            "microsoft.graph.user",
            True,
            138,
        )

    def test_tables(self) -> None:
        assert [(t.role, t.section, t.span.line, t.span.end_line) for t in self.page.tables] == [
            ("permissions", "permissions", 67, 75),
            ("query-parameters", "optional-query-parameters", 83, 91),
            ("request-headers", "request-headers", 93, 96),
        ]
        query = self.page.tables_of("query-parameters")[0]
        assert [c.text for c in query.header.cells] == ["Name", "Type", "Description"]
        assert [[(c.text, c.span.line, c.span.column) for c in row.cells] for row in query.rows] == [
            [("$select", 88, 23), ("String", 88, 52), ("Comma-separated list of properties to return.", 88, 67)],
            [("$expand", 89, 23), ("String", 89, 52), ("Relationship to expand, such as manager.", 89, 67)],
        ]
        assert query.names() == ["$select", "$expand"]
        assert self.page.tables_of("request-headers")[0].names() == ["Authorization"]

    def test_prose_statuses(self) -> None:
        assert [(s.status, s.reason, s.span.line, s.span.column, s.section) for s in self.page.prose_statuses] == [
            (200, "OK", 100, 61, "response"),
            (404, "Not Found", 102, 63, "response"),
        ]

    def test_json_example(self) -> None:
        (example,) = self.page.json_examples
        assert (example.span.line, example.span.column, example.span.end_line) == (151, 44, 154)
        assert example.value == {"displayName": "Adele Vance", "mail": "AdeleV@contoso.com"}
        assert example.annotation is None and example.error is None

    def test_tabs_and_code_blocks(self) -> None:
        assert [(t.label, t.tab_id, t.span.line, t.span.column, t.group) for t in self.page.tabs] == [
            ("HTTP", "http", 108, 43, 1),
            ("C#", "csharp", 109, 43, 1),
            ("PowerShell", "powershell", 110, 43, 1),
        ]
        assert [(c.language, c.span.line, c.span.end_line, c.section) for c in self.page.code_blocks] == [
            ("csharp", 122, 123, "request"),
            ("powershell", 126, 129, "request"),
        ]
        assert self.page.code_blocks[1].text == "Import-Module Microsoft.Graph.Users\n\nGet-MgUser -UserId $userId"

    def test_notes(self) -> None:
        assert [(n.kind, n.text, n.span.line, n.span.column, n.span.end_line, n.section) for n in self.page.notes] == [
            (
                "note",
                "Getting a user returns a default set of properties only. Use $select to get the other properties.",
                63,
                20,
                64,
                "get-user",
            ),
            ("note", "The response object shown here might be shortened for readability.", 136, 20, 137, "response-1"),
        ]

    def test_paragraph_segments(self) -> None:
        by_line = {(s.span.line, s.span.column): s.text for s in self.page.segments}
        assert by_line[(59, 18)] == "Namespace: microsoft.graph"
        assert by_line[(100, 18)] == "If successful, this method returns a 200 OK response code and a"
        # The second line of a paragraph starts at the link's text, not inside its href.
        assert by_line[(101, 75)] == "user object in the response body."

    def test_chrome_is_ignored(self) -> None:
        texts = [s.text for s in self.page.segments]
        for chrome in ("Table of contents", "Was this page helpful?", "Article", "Feedback", "Copy", "Note"):
            assert chrome not in texts
        assert "feedback-heading" not in [s.anchor for s in self.page.sections]
        assert [s.status for s in self.page.prose_statuses] == [200, 404]
        assert not [t for t in self.page.tables if "Decoy" in t.names()]
        assert not [r for r in self.page.requests if "decoy" in r.url]
        assert self.page.diagnostics == ()


class TestLocalizedLearnPage:
    page = fixture(ZH)

    def test_identity(self) -> None:
        page = self.page
        assert (page.locale, page.version, page.format) == ("zh-CN", "v1.0", "html")
        assert (page.title, page.title_source) == ("获取用户", None)

    def test_translated_headings_classified_by_english_ids(self) -> None:
        assert [(s.anchor, s.role, s.title, s.source_title, s.span.line) for s in self.page.sections] == [
            ("get-user", "title", "获取用户", None, 17),
            ("permissions", "permissions", "权限", None, 24),
            ("http-request", "http-request", "HTTP 请求", None, 32),
            ("optional-query-parameters", "query-parameters", "可选的查询参数", None, 35),
            ("request-body", "request-body", "请求正文", "Request body", 40),
            ("response", "response", "响应", None, 42),
            ("examples", "examples", "示例", None, 44),
            ("request", "example-request", "请求", None, 45),
            ("response-1", "example-response", "响应", None, 60),
        ]

    def test_translated_tables_take_their_role_from_the_section(self) -> None:
        assert [(t.role, [c.text for c in t.header.cells], t.span.line) for t in self.page.tables] == [
            ("permissions", ["权限类型", "权限（从最低特权到最高特权）"], 25),
            ("query-parameters", ["名称", "类型", "说明"], 36),
        ]
        assert [(c.text, c.span.line, c.span.column) for c in self.page.tables[1].rows[0].cells] == [
            ("$select", 38, 18),
            ("String", 38, 34),
            ("要返回的属性列表，以逗号分隔。", 38, 49),
        ]

    def test_http(self) -> None:
        assert [(r.method, r.url, r.origin, r.span.line, r.span.column) for r in self.page.requests] == [
            ("GET", "/users/{id | userPrincipalName}", "syntax", 33, 38),
            ("GET", "https://graph.microsoft.com/v1.0/me", "example", 52, 30),
        ]
        (response,) = self.page.responses
        assert (response.status, response.span.line, response.span.column) == (200, 64, 34)
        assert response.body is not None and response.body.value["displayName"] == "张三"
        assert (response.body.span.line, response.body.span.column) == (67, 1)

    def test_bilingual_prose_status_and_segments(self) -> None:
        assert [(s.status, s.reason, s.span.line, s.span.column) for s in self.page.prose_statuses] == [
            (200, "OK", 43, 53)
        ]
        pairs = [(s.text, s.source, s.segment_id, s.span.line, s.span.column) for s in self.page.segments if s.source]
        assert pairs == [
            ("请求正文", "Request body", "9a1-120", 40, 9),
            (
                "如果成功，此方法返回 200 OK 响应代码。",
                "If successful, this method returns a 200 OK response code.",
                "9a1-122",
                43,
                8,
            ),
            ("响应正文包含 user 对象。", "The response body contains a user object.", "9a1-123", 43, 218),
        ]

    def test_notes_and_tabs(self) -> None:
        # As in Markdown, a translated bold label (``**注意：**``) opens a note too: drift rules
        # hold a translation's notes against the English page's.
        assert [(n.kind, n.text, n.span.line) for n in self.page.notes] == [
            ("note", "获取用户时只返回一组默认属性。使用 $select 获取其他属性。", 22),
            ("note", "注意：为了提高可读性，可能缩短了此处显示的响应对象。", 62),
        ]
        assert [(t.label, t.tab_id, t.span.line) for t in self.page.tabs] == [
            ("HTTP", "http", 48),
            ("JavaScript", "javascript", 49),
        ]
        assert [(c.language, c.span.line) for c in self.page.code_blocks] == [("javascript", 56)]

    def test_chrome_is_ignored(self) -> None:
        assert "列出用户" not in [s.text for s in self.page.segments]
        assert self.page.diagnostics == ()


class TestDecoys:
    page = fixture(DECOYS)

    def test_only_the_article_counts(self) -> None:
        assert [(r.method, r.url, r.origin, r.span.line, r.span.column) for r in self.page.requests] == [
            ("DELETE", "/users/{id | userPrincipalName}", "syntax", 34, 30),
            (
                "DELETE",
                "https://graph.microsoft.com/beta/users/4562bcc8-c436-4f95-b7c0-4f8ce89dca5e",
                "example",
                50,
                30,
            ),
        ]
        assert [(r.status, r.reason, r.span.line) for r in self.page.responses] == [(204, "No Content", 53)]
        assert [(t.role, t.names(), t.span.line, t.span.end_line) for t in self.page.tables] == [
            ("request-headers", ["Authorization"], 38, 41)
        ]
        assert [(s.status, s.span.line, s.span.column) for s in self.page.prose_statuses] == [(204, 44, 45)]
        assert [(s.anchor, s.role, s.span.line) for s in self.page.sections] == [
            ("delete-user", "title", 27),
            ("http-request", "http-request", 32),
            ("request-headers", "request-headers", 37),
            ("response", "response", 43),
            ("example", "examples", 48),
            ("request", "example-request", 49),
            ("response-1", "example-response", 52),
        ]
        assert self.page.code_blocks == () and self.page.json_examples == () and self.page.diagnostics == ()

    def test_version_from_request_urls(self) -> None:
        assert (self.page.locale, self.page.version, self.page.title) == ("en-US", "beta", "Delete user")

    def test_chrome_words_match_whole_parts(self) -> None:
        # ``page-head-title download-links`` contains "ad-" twice, but is content.
        assert [(s.text, s.span.line, s.span.column) for s in self.page.segments if s.span.line in (29, 30)] == [
            ("Delete a user object.", 29, 48),
            ("Deleted users can be restored within 30 days.", 30, 4),
        ]

    def test_annotation_binds_to_the_syntax_block(self) -> None:
        annotation = self.page.requests[0].annotation
        assert annotation is not None and (annotation.block_type, annotation.span.line) == ("ignored", 33)


def test_body_is_the_fallback_root_without_header_and_footer() -> None:
    text = (
        "<html><body>\n"
        '<header><h1>Site</h1><pre><code class="lang-http">GET /decoy</code></pre></header>\n'
        "<h1>Update user</h1>\n"
        '<pre><code class="lang-http">PATCH https://graph.microsoft.com/v1.0/me\n'
        "Content-Type: application/json\n\n"
        '{"city": "Oslo"}\n'
        "</code></pre>\n"
        "<footer><table><tr><th>Footer</th></tr></table></footer>\n"
        "</body></html>\n"
    )
    page = parse(text, "update.html")
    assert (page.title, page.version) == ("Update user", "v1.0")
    assert [(r.method, r.span.line, r.span.column) for r in page.requests] == [("PATCH", 4, 30)]
    assert page.requests[0].body is not None and page.requests[0].body.value == {"city": "Oslo"}
    assert page.tables == ()


@pytest.mark.parametrize(
    ("wrapper", "expected"),
    [
        ("<article>{}</article>", ["In"]),
        ('<div class="content">{}</div>', ["In"]),
        ("<main>{}</main><article><p>Out</p></article>", ["In"]),
    ],
)
def test_content_root_choice(wrapper: str, expected: list[str]) -> None:
    text = "<html><body><p>Out of the article</p>" + wrapper.format("<p>In</p>") + "</body></html>"
    assert [s.text for s in parse(text, "p.html").segments] == expected


@pytest.mark.parametrize(
    ("text", "path", "locale"),
    [
        ('<html lang="ru-ru"><main><h1>x</h1></main></html>', "p.html", "ru-RU"),
        ('<html lang="en"><head><meta name="ms.locale" content="de-de"></head></html>', "p.html", "de-DE"),
        ('<html lang="ZH-hans"></html>', "p.html", "zh-Hans"),
        ("<html><main></main></html>", "locales/es-ES/v1.0/api/p.html", "es-ES"),
        ("<html><main></main></html>", "p.html", "en-US"),
    ],
)
def test_locale(text: str, path: str, locale: str) -> None:
    assert parse(text, path).locale == locale


def test_detected_and_parsed_as_html() -> None:
    text = (FIXTURES / "user-get.en-us.html").read_bytes()
    page = parse_source(decode_source(EN, text))
    assert page.format == "html"
    assert len(page.requests) == 3


# -- diagnostics ------------------------------------------------------------------------


def codes(text: str) -> list[tuple[str, int, int]]:
    return [(d.code, d.span.line, d.span.column) for d in parse(text, "p.html").diagnostics]


def test_http_block_without_a_message() -> None:
    text = '<main>\n<h2 id="response">Response</h2>\n<pre><code class="lang-http">Returns 202 Accepted\n</code></pre>\n'
    assert codes(text) == [("http-syntax", 3, 1)]
    assert parse(text, "p.html").prose_statuses == ()


def test_graph_explorer_block_is_an_http_request() -> None:
    """DocFX publishes a ``msgraph-interactive`` fence as ``lang-msgraph-interactive``: the same request."""
    text = (
        '<main>\n<pre><code class="lang-msgraph-interactive">GET https://graph.microsoft.com/v1.0/me\n</code></pre>\n'
    )
    page = parse(text, "p.html")
    assert [(r.method, r.path, r.version, r.span.line) for r in page.requests] == [("GET", "/me", "v1.0", 2)]
    assert page.code_blocks == ()


def test_headers_only_http_block_is_not_a_diagnostic() -> None:
    assert codes('<main><pre><code class="lang-http">Prefer: return=minimal\n</code></pre></main>') == []


def test_malformed_annotation_comment() -> None:
    text = '<main>\n<!-- {\n  "blockType": "request",\n} -->\n<pre><code class="lang-http">GET /me\n</code></pre>\n'
    assert codes(text) == [("annotation-syntax", 3, 25)]
    assert parse(text, "p.html").requests[0].annotation is None


def test_orphaned_annotation_comments() -> None:
    text = (
        '<main>\n<!-- { "blockType": "request" } -->\n<p>text</p>\n'
        '<!-- { "blockType": "response" } -->\n<pre><code class="lang-http">HTTP/1.1 204 No Content\n</code></pre>\n'
        '<!-- { "blockType": "example" } -->\n</main>\n'
    )
    assert codes(text) == [("annotation-syntax", 2, 1), ("annotation-syntax", 7, 1)]
    response = parse(text, "p.html").responses[0]
    assert response.annotation is not None and response.annotation.block_type == "response"


def test_page_annotation_and_plain_comments_are_comments() -> None:
    text = '<main>\n<!--\n{\n  "type": "#page.annotation"\n}\n-->\n<!-- doclint-disable http-syntax -->\n</main>'
    page = parse(text, "p.html")
    assert page.diagnostics == ()
    assert [(c.text, c.span.line, c.span.end_line) for c in page.comments] == [
        ('{\n  "type": "#page.annotation"\n}', 2, 6),
        ("doclint-disable http-syntax", 7, 7),
    ]


def test_json_error_position_and_language_classes() -> None:
    text = '<main>\n<pre><code class="language-JSON">{\n  "a": 1,\n}\n</code></pre>\n<pre><code>plain</code></pre>'
    page = parse(text, "p.html")
    (example,) = page.json_examples
    # A trailing comma is reported at the comma, which is what the writer deletes.
    assert example.error is not None and (example.error.line, example.error.column) == (3, 9)
    assert [(c.language, c.text) for c in page.code_blocks] == [("", "plain")]


# -- robustness -------------------------------------------------------------------------

GARBAGE = [
    "",
    "just some plain text\nwith two lines",
    "<",
    "</p></div></main>",
    "<html><body><main><h2 id='response'>Response<p>returns 200 OK<table><tr><td>a<td>b<tr><td>c",
    '<pre><code class="lang-http">',
    '<pre><code class="lang-json">{"a": </code></pre>',
    "<!-- { never closed",
    "<![bogus[ marked section ]]><p>after</p>",
    "\ud800\udfff lone surrogates <p>\ud800</p>",
    "\x00\x01\x02<p>\x00nul</p>\x7f",
    "ÿþ\ufffd\ufffd<\x8f>\x9c garbage \u202e rtl",
    "&#xffffffff; &#0; &bogus; &amp",
    "<a role=tab data-tab>" * 50,
    '<div class="tabGroup"><section data-tab="x"><p>t</p></section></div>',
    '<div class="NOTE"></div><div class="alert"><p>Warning</p></div><blockquote></blockquote>',
    '<h2 id=""></h2><h1></h1><h6><a name="x"></a></h6>',
    '<span data-ttu-id="1"><span data-ttu-id="2">a</span><span class="sxs-lookup">b</span></span>',
    "<p>a" * 3000,
    "<div>" * 3000 + "deep",
    "<span>" * 3000 + "deep",
    "<blockquote>" * 500 + "<p><strong>Note:</strong> deep",
    "<li>" * 2000,
    "<table>" * 500 + "<tr><td>x",
]


@pytest.mark.parametrize("text", GARBAGE, ids=range(len(GARBAGE)))
def test_never_raises(text: str) -> None:
    page = parse(text, "garbage.html")
    assert page.format == "html"
    assert all(d.code != "unsupported-format" for d in page.diagnostics)


def test_plain_text_becomes_segments() -> None:
    page = parse("just some plain text\nwith two lines", "p.html")
    assert [(s.text, s.span.line, s.span.column) for s in page.segments] == [
        ("just some plain text", 1, 1),
        ("with two lines", 2, 1),
    ]


def test_unclosed_tags_are_closed_as_a_browser_would() -> None:
    text = (
        "<main>\n<h2 id='response'>Response</h2>\n<p>First returns 200 OK\n<p>Second\n"
        "<table>\n<tr><th>A<th>B\n<tr><td>1<td>2\n</table>"
    )
    page = parse(text, "p.html")
    assert [(s.text, s.span.line) for s in page.segments if s.span.line in (3, 4)] == [
        ("First returns 200 OK", 3),
        ("Second", 4),
    ]
    assert [(s.status, s.span.line, s.span.column) for s in page.prose_statuses] == [(200, 3, 18)]
    table = page.tables[0]
    assert [c.text for c in table.header.cells] == ["A", "B"]
    assert [[(c.text, c.span.line, c.span.column) for c in r.cells] for r in table.rows] == [
        [("1", 7, 5), ("2", 7, 10)]
    ]
