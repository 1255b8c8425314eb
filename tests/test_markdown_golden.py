"""Golden extraction of the shipped Graph Markdown pages: exact values, exact lines."""

from __future__ import annotations

import pytest

from lint.model import Page
from tests.conftest import load_page

RU = "locales/ru-RU/beta/api/call-reject.md"
ZH = "locales/zh-CN/beta/api/call-reject.md"
MARKDOWN_PAGES = [
    "docs_src/beta/api/call-reject.md",
    "docs_src/v1.0/api/call-reject.md",
    "docs_src/beta/api/participant-invite.md",
    "docs_src/v1.0/api/participant-invite.md",
    ZH,
    RU,
]


def syntax_requests(page: Page) -> list[tuple[str, str, int]]:
    return [(r.method, r.url, r.span.line) for r in page.requests if r.origin == "syntax"]


def graph_examples(page: Page) -> list[tuple[str, str, object, int]]:
    return [
        (r.method, r.url, r.body.value if r.body else None, r.span.line)
        for r in page.requests
        if r.origin == "example" and r.host == "graph.microsoft.com"
    ]


def table_names(page: Page, role: str) -> list[tuple[str, int]]:
    return [(cell.text, cell.span.line) for table in page.tables_of(role) for cell in (r.cells[0] for r in table.rows)]  # type: ignore[arg-type]


class TestRussianCallReject:
    page = load_page(RU)

    def test_identity(self) -> None:
        assert (self.page.locale, self.page.version, self.page.kind, self.page.format) == (
            "ru-RU",
            "beta",
            "rest",
            "markdown",
        )
        assert self.page.title == "вызов: отклонено"
        assert self.page.front_matter["ms.contentlocale"] == "ru-RU"
        assert self.page.front_matter["ms.lasthandoff"] == "05/06/2019"

    def test_syntax_block_requests(self) -> None:
        assert syntax_requests(self.page) == [
            ("POST", "/app/calls/{id}/reject", 32),
            ("POST", "/applications/{id}/calls/{id}/reject", 33),
        ]

    def test_tables(self) -> None:
        assert table_names(self.page, "body-parameters") == [("причиной", 46)]
        assert table_names(self.page, "request-headers") == [("Авторизация", 39)]
        body = self.page.tables_of("body-parameters")[0]
        assert [(c.text, c.span.line, c.span.column) for c in body.rows[0].cells] == [
            ("причиной", 46, 2),
            ("String", 46, 11),
            ("Причина отклонения.", 46, 18),
        ]
        assert [t.role for t in self.page.tables] == ["permissions", "request-headers", "body-parameters"]

    def test_prose_status(self) -> None:
        assert [(s.status, s.reason, s.span.line, s.span.column) for s in self.page.prose_statuses] == [
            (200, "OK", 49, 66)
        ]

    def test_example_request_and_response(self) -> None:
        assert graph_examples(self.page) == [
            ("POST", "https://graph.microsoft.com/beta/app/calls/{id}/reject", {"reason": "none"}, 119)
        ]
        request = next(r for r in self.page.requests if r.span.line == 119)
        assert request.path == "/app/calls/{id}/reject"
        assert request.version == "beta"
        assert [(h.name, h.value, h.span.line) for h in request.headers] == [
            ("Content-Type", "application/json", 120),
            ("Content-Length", "24", 121),
        ]
        assert request.body is not None and request.body.span.line == 123
        assert request.annotation is not None and request.annotation.name == "call-reject"
        assert [(r.status, r.reason, r.span.line) for r in self.page.responses] == [(202, "Accepted", 137)]
        annotation = self.page.responses[0].annotation
        assert annotation is not None
        assert (annotation.block_type, annotation.truncated, annotation.odata_type) == (
            "response",
            True,
            "microsoft.graph.None",
        )

    def test_json_examples(self) -> None:
        assert [
            (j.span.line, j.annotation.odata_type if j.annotation else None, j.error) for j in self.page.json_examples
        ] == [
            (71, "microsoft.graph.commsNotifications", None),
            (163, "microsoft.graph.commsNotifications", None),
        ]
        assert self.page.json_examples[1].value["value"][0]["changeType"] == "deleted"

    def test_non_http_fence_is_a_diagnostic(self) -> None:
        assert [(d.code, d.span.line) for d in self.page.diagnostics] == [("http-syntax", 51)]

    def test_sections_classified_by_anchor(self) -> None:
        roles = {s.anchor: s.role for s in self.page.sections}
        assert roles["http-request"] == "http-request"
        assert roles["request-body"] == "request-body"
        assert roles["response"] == "response"
        assert roles["example"] == "examples"
        assert roles["request"] == "example-request"
        assert roles["response-1"] == "example-response"
        response = self.page.section("response")
        assert response is not None and (response.span.line, response.end_line) == (48, 54)

    def test_includes_and_tabs(self) -> None:
        assert [(i.name, i.span.line) for i in self.page.includes] == [
            ("beta-disclaimer", 16),
            ("sample-code", 141),
            ("sample-code", 144),
            ("sdk-documentation", 148),
        ]
        assert [(t.label, t.tab_id, t.span.line, t.group) for t in self.page.tabs] == [
            ("Языках", "cs", 140, 1),
            ("Язык", "javascript", 143, 1),
        ]


class TestChineseCallReject:
    page = load_page(ZH)

    def test_tables(self) -> None:
        assert [name for name, _ in table_names(self.page, "body-parameters")] == ["reason", "callbackUri"]
        assert [name for name, _ in table_names(self.page, "request-headers")] == ["Authorization", "Content-type"]
        header = self.page.tables_of("body-parameters")[0].header
        assert [(c.text, c.source) for c in header.cells] == [
            ("参数", "Parameter"),
            ("类型", "Type"),
            ("说明", "Description"),
        ]

    def test_prose_status(self) -> None:
        assert [(s.status, s.span.line, s.span.column) for s in self.page.prose_statuses] == [(202, 59, 44)]

    def test_example_bodies(self) -> None:
        assert graph_examples(self.page) == [
            (
                "POST",
                "https://graph.microsoft.com/beta/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/reject",
                {"reason": "busy"},
                73,
            ),
            (
                "POST",
                "https://graph.microsoft.com/beta/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/reject",
                {"reason": "none"},
                173,
            ),
        ]
        assert syntax_requests(self.page) == [
            ("POST", "/app/calls/{id}/reject", 39),
            ("POST", "/communications/calls/{id}/reject", 40),
        ]

    def test_segments_keep_english_source(self) -> None:
        sources = [s.source for s in self.page.segments if s.span.line == 59]
        assert sources == [
            "If successful, this method returns a `202 Accepted` response code."
            " It does not return anything in the response body."
        ]
        segment = next(s for s in self.page.segments if s.span.line == 59)
        assert segment.text == "如果成功，此方法返回 `202 Accepted` 响应代码。它不在响应正文中返回任何内容。"
        assert segment.segment_id == "a821e-p109"
        assert segment.span.column == 1

    def test_headings_have_english_titles(self) -> None:
        response = self.page.section("response")
        assert response is not None
        assert (response.title, response.source_title, response.role) == ("响应", "Response", "response")
        assert self.page.title == "call： reject"
        assert self.page.title_source == "call: reject"

    def test_deprecation_note(self) -> None:
        assert [(n.kind, n.span.line, n.source) for n in self.page.notes] == [
            ("note", 42, "**Note:** The `/app` path is deprecated. Going forward, use the `/communications` path.")
        ]

    def test_no_span_markup_leaks(self) -> None:
        texts = [s.text for s in self.page.segments] + [s.source or "" for s in self.page.segments]
        texts += [c.text for t in self.page.tables for r in (t.header, *t.rows) for c in r.cells]
        texts += [s.title for s in self.page.sections] + [n.text for n in self.page.notes]
        assert texts and not [t for t in texts if "<span" in t or "</span>" in t or "data-ttu-id" in t]

    def test_responses(self) -> None:
        assert [(r.status, r.span.line) for r in self.page.responses] == [(202, 106), (202, 205)]
        assert len(self.page.json_examples) == 2
        assert self.page.diagnostics == ()


class TestEnglishPages:
    def test_beta_call_reject(self) -> None:
        page = load_page("docs_src/beta/api/call-reject.md")
        assert (page.locale, page.version) == ("en-US", "beta")
        assert syntax_requests(page) == [
            ("POST", "/app/calls/{id}/reject", 34),
            ("POST", "/communications/calls/{id}/reject", 35),
        ]
        assert [(n.span.line, n.text) for n in page.notes] == [
            (37, "**Note:** The `/app` path is deprecated. Going forward, use the `/communications` path.")
        ]
        assert table_names(page, "body-parameters") == [("reason", 50), ("callbackUri", 51)]
        assert [(s.status, s.span.line) for s in page.prose_statuses] == [(202, 54)]
        assert page.diagnostics == ()

    def test_v1_participant_invite(self) -> None:
        page = load_page("docs_src/v1.0/api/participant-invite.md")
        assert page.version == "v1.0"
        assert syntax_requests(page) == [("POST", "/communications/calls/{id}/participants/invite", 32)]
        assert [(s.status, s.span.line, s.span.column) for s in page.prose_statuses] == [(200, 50, 40)]
        assert [name for name, _ in table_names(page, "body-parameters")] == ["participants", "clientContext"]
        assert {r.status for r in page.responses} == {200}


@pytest.mark.parametrize("relative", MARKDOWN_PAGES)
def test_every_shipped_page_parses_cleanly_enough(relative: str) -> None:
    page = load_page(relative)
    assert page.format == "markdown"
    assert page.requests and page.tables
    for request in page.requests:
        if request.body is not None and request.body.text.lstrip().startswith("{"):
            assert request.body.error is None, (relative, request.span.line)
