"""The plain-text parser: golden extraction of the shipped es-ES rendering,
synthetic pages in every supported language, and robustness."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from lint.model import Page
from lint.parse.text.code_language import identify_language
from lint.parse.text.lines import classify_line
from lint.parse.text.page import parse

REPO = Path(__file__).resolve().parent.parent
SAMPLE = "locales/es-ES/v1.0/api/call-reject.txt"
CALL_PATH = "/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896/reject"
CALL_URL = "https://graph.microsoft.com/v1.0" + CALL_PATH


def sample_lines() -> list[str]:
    return (REPO / SAMPLE).read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def page() -> Page:
    return parse((REPO / SAMPLE).read_text(encoding="utf-8"), SAMPLE)


def no_internal_failure(page: Page) -> bool:
    return not any(d.message.startswith("text parser failed") for d in page.diagnostics)


# -- golden: the shipped es-ES rendering ----------------------------------------


def test_page_identity(page: Page) -> None:
    assert (page.path, page.locale, page.version, page.kind, page.format) == (SAMPLE, "es-ES", "v1.0", "rest", "text")
    assert page.diagnostics == ()


def test_requests(page: Page) -> None:
    assert [(r.method, r.url, r.path, r.version, r.host, r.origin) for r in page.requests] == [
        ("POST", CALL_URL, CALL_PATH, "v1.0", "graph.microsoft.com", "example"),
        ("POST", CALL_URL, CALL_PATH, "v1.0", "graph.microsoft.com", "example"),
    ]
    assert [(r.span.line, r.span.column, r.span.end_line) for r in page.requests] == [(20, 1, 25), (72, 1, 77)]
    assert [(r.block.line, r.block.end_line) for r in page.requests if r.block] == [(20, 25), (72, 77)]
    assert [r.section for r in page.requests] == ["example-1", "example-1"]


def test_request_headers(page: Page) -> None:
    assert [[(h.name, h.value, h.span.line, h.span.column) for h in r.headers] for r in page.requests] == [
        [("Content-Type", "application/json", 21, 1), ("Content-Length", "24", 22, 1)],
        [("Content-Type", "application/json", 73, 1), ("Content-Length", "24", 74, 1)],
    ]


def test_request_bodies(page: Page) -> None:
    bodies = [r.body for r in page.requests]
    assert all(body is not None for body in bodies)
    assert [(b.value, b.error, b.origin) for b in bodies if b] == [
        ({"reason": "busy"}, None, "request-body"),
        ({"reason": "none"}, None, "request-body"),
    ]
    assert [(b.span.line, b.span.column, b.span.end_line) for b in bodies if b] == [(23, 1, 25), (75, 1, 77)]
    assert page.json_examples == ()
    assert page.responses == ()


def test_body_parameter_table(page: Page) -> None:
    assert len(page.tables) == 1
    table = page.tables[0]
    assert table.role == "body-parameters"
    assert [(c.text, c.span.line, c.span.column) for c in table.header.cells] == [
        ("Parámetro", 6, 1),
        ("Tipo", 7, 1),
        ("Descripción", 8, 1),
    ]
    assert (table.header.span.line, table.header.span.end_line) == (6, 8)
    assert table.names() == ["motivo", "callbackUri"]
    assert [(row.span.line, row.span.end_line) for row in table.rows] == [(9, 11), (12, 14)]
    assert [[c.span.line for c in row.cells] for row in table.rows] == [[9, 10, 11], [12, 13, 14]]
    assert [row.cells[1].text for row in table.rows] == ["Cadena", "Cadena"]
    assert table.rows[0].cells[2].text == "Motivo de rechazo. Los valores posibles son None, Busy y Forbidden"
    assert (table.span.line, table.span.end_line, table.section) == (6, 14, None)


def test_prose_status(page: Page) -> None:
    line16 = sample_lines()[15]
    assert [(s.status, s.reason, s.text, s.section) for s in page.prose_statuses] == [
        (202, "Accepted", "202 Accepted", "response")
    ]
    span = page.prose_statuses[0].span
    assert (span.line, span.column, span.end_line) == (16, line16.index("202") + 1, 16)
    assert span.column == 74


def test_sections(page: Page) -> None:
    assert [
        (s.level, s.title, s.anchor, s.role, s.span.line, s.end_line, s.parent, s.source_title) for s in page.sections
    ] == [
        (2, "Respuesta", "response", "response", 15, 16, None, "Response"),
        (2, "Ejemplos", "examples", "examples", 17, 123, None, "Examples"),
        (
            3,
            'Ejemplo 1: Rechazar una llamada entrante con el motivo "Ocupado"',
            "example-1",
            "example",
            19,
            123,
            "examples",
            "Example 1",
        ),
    ]


def test_code_blocks(page: Page) -> None:
    assert [(c.language, c.span.line, c.span.end_line, c.fenced) for c in page.code_blocks] == [
        ("csharp", 26, 35, False),
        ("go", 36, 49, False),
        ("java", 50, 54, False),
        ("php", 55, 62, False),
        ("python", 63, 71, False),
        ("csharp", 78, 87, False),
        ("go", 88, 101, False),
        ("java", 102, 106, False),
        ("php", 107, 114, False),
        ("python", 115, 123, False),
    ]
    lines = sample_lines()
    for block in page.code_blocks:
        assert block.text == "\n".join(lines[block.span.line - 1 : block.span.end_line])
    assert page.code_blocks[0].text.startswith("// Code snippets are only available")
    assert page.code_blocks[3].text.startswith("<?php")
    assert [c.section for c in page.code_blocks] == ["example-1"] * 10


def test_segments(page: Page) -> None:
    assert [s.span.line for s in page.segments] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]
    assert (
        page.segments[4].text
        == "En el cuerpo de la solicitud, proporcione un objeto JSON con los siguientes parámetros."
    )
    assert all(s.span.column == 1 and s.span.end_line == s.span.line for s in page.segments)


def test_sdk_code_never_leaks(page: Page) -> None:
    code_lines = {n for c in page.code_blocks for n in range(c.span.line, c.span.end_line + 1)}
    assert len(code_lines) == 10 + 14 + 5 + 8 + 9 + 10 + 14 + 5 + 8 + 9
    assert not code_lines & {s.span.line for s in page.segments}
    assert not code_lines & {c.span.line for t in page.tables for r in (t.header, *t.rows) for c in r.cells}
    assert not code_lines & {r.span.line for r in page.requests}
    assert not code_lines & {h.span.line for r in page.requests for h in r.headers}
    assert not code_lines & {s.span.line for s in page.sections}


# -- a complete English page ------------------------------------------------------

ENGLISH = """\
Create event
Namespace: microsoft.graph
Create an event in the user's default calendar.
Permissions
Choose the permission or permissions marked as least privileged for this API.
Permission type
Least privileged permissions
Higher privileged permissions
Delegated (work or school account)
Calendars.ReadWrite
Not available.
Delegated (personal Microsoft account)
Calendars.ReadWrite
Not available.
Application
Calendars.ReadWrite
Not available.
HTTP request
POST /me/events
POST /users/{id | userPrincipalName}/events
Request headers
Name
Description
Authorization
Bearer {token}. Required.
Content-Type
application/json. Required.
Request body
In the request body, supply a JSON representation of an event object.
Property
Type
Description
subject
String
The subject of the event.
Response
If successful, this method returns a 201 Created response code and an event object in the response body.
Examples
Example 1: List events
Request
GET https://graph.microsoft.com/v1.0/me/events?$select=subject
const options = {
authProvider,
};

const client = Client.init(options);

let events = await client.api('/me/events')
.select('subject')
.get();
Import-Module Microsoft.Graph.Calendar

# A UserId is a user's ID
Get-MgUserEvent -UserId $userId -Property "subject"
Response
HTTP/1.1 200 OK
Content-type: application/json
{
"value": [
{"subject": "Lunch"}
]
}
"""


@pytest.fixture(scope="module")
def english() -> Page:
    return parse(ENGLISH, "docs_src/v1.0/api/event-create.txt")


def test_english_sections(english: Page) -> None:
    assert [(s.level, s.anchor, s.role, s.span.line, s.end_line, s.parent) for s in english.sections] == [
        (2, "permissions", "permissions", 4, 17, None),
        (2, "http-request", "http-request", 18, 20, None),
        (2, "request-headers", "request-headers", 21, 27, None),
        (2, "request-body", "request-body", 28, 35, None),
        (2, "response", "response", 36, 37, None),
        (2, "examples", "examples", 38, 62, None),
        (3, "example-1", "example", 39, 62, "examples"),
        (4, "request", "example-request", 40, 54, "example-1"),
        (4, "response-1", "example-response", 55, 62, "example-1"),
    ]
    assert english.locale == "en-US"
    assert english.sections[6].source_title == "Example 1: List events"


def test_english_syntax_and_get_without_body(english: Page) -> None:
    assert [(r.origin, r.method, r.path, r.query, r.span.line, r.section) for r in english.requests] == [
        ("syntax", "POST", "/me/events", "", 19, "http-request"),
        ("syntax", "POST", "/users/{id | userPrincipalName}/events", "", 20, "http-request"),
        ("example", "GET", "/me/events", "$select=subject", 41, "request"),
    ]
    get = english.requests[2]
    assert (get.headers, get.body, get.version, get.span.end_line) == ((), None, "v1.0", 41)


def test_english_response_block(english: Page) -> None:
    assert len(english.responses) == 1
    response = english.responses[0]
    assert (response.status, response.reason, response.span.line, response.section) == (200, "OK", 56, "response-1")
    assert [(h.name, h.value, h.span.line) for h in response.headers] == [("Content-type", "application/json", 57)]
    assert response.body is not None
    assert response.body.value == {"value": [{"subject": "Lunch"}]}
    assert (response.body.span.line, response.body.span.end_line, response.body.origin) == (58, 62, "response-body")


def test_english_tables(english: Page) -> None:
    assert [
        (t.role, [c.text for c in t.header.cells], t.names(), t.span.line, t.span.end_line) for t in english.tables
    ] == [
        (
            "permissions",
            ["Permission type", "Least privileged permissions", "Higher privileged permissions"],
            ["Delegated (work or school account)", "Delegated (personal Microsoft account)", "Application"],
            6,
            17,
        ),
        ("request-headers", ["Name", "Description"], ["Authorization", "Content-Type"], 22, 27),
        ("body-parameters", ["Property", "Type", "Description"], ["subject"], 30, 35),
    ]


def test_english_status_only_from_response_section(english: Page) -> None:
    assert [(s.status, s.reason, s.span.line, s.span.column) for s in english.prose_statuses] == [
        (201, "Created", 37, 38)
    ]


def test_english_javascript_and_powershell_snippets(english: Page) -> None:
    assert [(c.language, c.span.line, c.span.end_line) for c in english.code_blocks] == [
        ("javascript", 42, 50),
        ("powershell", 51, 54),
    ]
    assert "# A UserId is a user's ID" in english.code_blocks[1].text


# -- the same small page in every supported language ------------------------------

LANGUAGES = {
    "en-US": (
        "Request headers",
        ("Name", "Description"),
        "Bearer {token}. Required.",
        "Request body",
        "In the request body, provide a JSON object with the following parameters.",
        ("Parameter", "Type", "Description"),
        "The rejection reason.",
        "Response",
        "If successful, this method returns a 202 Accepted response code.",
        "Examples",
        "Example 1: Reject an incoming call",
    ),
    "es-ES": (
        "Encabezados de solicitud",
        ("Nombre", "Descripción"),
        "Portador {token}. Obligatorio.",
        "Cuerpo de la solicitud",
        "En el cuerpo de la solicitud, proporcione un objeto JSON con los siguientes parámetros.",
        ("Parámetro", "Tipo", "Descripción"),
        "Motivo de rechazo.",
        "Respuesta",
        "Si se ejecuta correctamente, este método devuelve un código de respuesta 202 Accepted.",
        "Ejemplos",
        "Ejemplo 1: Rechazar una llamada entrante",
    ),
    "zh-CN": (
        "请求标头",
        ("名称", "说明"),
        "Bearer {token}。必需。",
        "请求正文",
        "在请求正文中，提供具有以下参数的 JSON 对象。",
        ("参数", "类型", "说明"),
        "拒绝原因。",
        "响应",
        "如果成功，此方法返回 202 Accepted 响应代码。",
        "示例",
        "示例 1：拒绝传入呼叫",
    ),
    "ru-RU": (
        "Заголовки запросов",
        ("Имя", "Описание"),
        "Bearer {токен}. Обязательный.",
        "Текст запроса",
        "В тексте запроса укажите объект JSON со следующими параметрами.",
        ("Параметр", "Тип", "Описание"),
        "Причина отклонения.",
        "Отклик",
        "В случае успеха этот метод возвращает код отклика 202 Accepted.",
        "Примеры",
        "Пример 1. Отклонение входящего вызова",
    ),
    "de-DE": (
        "Anforderungsheader",
        ("Name", "Beschreibung"),
        "Bearer {token}. Erforderlich.",
        "Anforderungstext",
        "Geben Sie im Anforderungstext ein JSON-Objekt mit den folgenden Parametern an.",
        ("Parameter", "Typ", "Beschreibung"),
        "Der Ablehnungsgrund.",
        "Antwort",
        "Wenn die Methode erfolgreich verläuft, wird der Antwortcode 202 Accepted zurückgegeben.",
        "Beispiele",
        "Beispiel 1: Ablehnen eines eingehenden Anrufs",
    ),
    "fr-FR": (
        "En-têtes de demande",
        ("Nom", "Description"),
        "Porteur {token}. Obligatoire.",
        "Corps de la demande",
        "Dans le corps de la demande, fournissez un objet JSON avec les paramètres suivants.",
        ("Paramètre", "Type", "Description"),
        "Motif du rejet.",
        "Réponse",
        "Si elle réussit, cette méthode renvoie un code de réponse 202 Accepted.",
        "Exemples",
        "Exemple 1 : Rejeter un appel entrant",
    ),
    "ja-JP": (
        "要求ヘッダー",
        ("名前", "説明"),
        "ベアラー {token}。必須。",
        "要求本文",
        "要求本文で、次のパラメーターを含む JSON オブジェクトを指定します。",
        ("パラメーター", "型", "説明"),
        "拒否の理由。",
        "応答",
        "成功した場合、このメソッドは 202 Accepted 応答コードを返します。",
        "例",
        "例 1: 着信呼び出しを拒否する",
    ),
    "pt-BR": (
        "Cabeçalhos de solicitação",
        ("Nome", "Descrição"),
        "{token} de portador. Obrigatório.",
        "Corpo da solicitação",
        "No corpo da solicitação, forneça um objeto JSON com os seguintes parâmetros.",
        ("Parâmetro", "Tipo", "Descrição"),
        "O motivo da rejeição.",
        "Resposta",
        "Se bem-sucedido, este método retornará um código de resposta 202 Accepted.",
        "Exemplos",
        "Exemplo 1: Rejeitar uma chamada de entrada",
    ),
}


def localized(locale: str, *, headings: bool = True) -> str:
    (
        headers_heading,
        headers_header,
        bearer,
        body_heading,
        intro,
        body_header,
        reason,
        response_heading,
        status,
        examples_heading,
        example_heading,
    ) = LANGUAGES[locale]
    lines = [
        headers_heading,  # 1
        *headers_header,  # 2-3
        "Authorization",  # 4
        bearer,  # 5
        body_heading,  # 6
        intro,  # 7
        *body_header,  # 8-10
        "reason",  # 11
        "String",  # 12
        reason,  # 13
        "callbackUri",  # 14
        "String",  # 15
        reason,  # 16
        response_heading,  # 17
        status,  # 18
        examples_heading,  # 19
        example_heading,  # 20
        "POST https://graph.microsoft.com/beta/communications/calls/abc/reject",  # 21
        "Content-Type: application/json",  # 22
        "{",  # 23
        '"reason": "busy"',  # 24
        "}",  # 25
        "// Code snippets are only available for the latest version. Current version is 5.x",  # 26
        "using Microsoft.Graph.Models;",  # 27
        "var requestBody = new RejectPostRequestBody",  # 28
        "{",  # 29
        "Reason = RejectReason.Busy,",  # 30
        "};",  # 31
        'await graphClient.Communications.Calls["{call-id}"].Reject.PostAsync(requestBody);',  # 32
    ]
    if not headings:
        lines = [line for number, line in enumerate(lines, 1) if number not in (1, 6, 17, 19, 20)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("locale", sorted(LANGUAGES))
def test_localized_page(locale: str) -> None:
    path = f"locales/{locale}/beta/api/call-reject.txt"
    page = parse(localized(locale), path)
    assert (page.locale, page.version, page.diagnostics) == (locale, "beta", ())
    assert [(s.role, s.anchor, s.level, s.span.line) for s in page.sections] == [
        ("request-headers", "request-headers", 2, 1),
        ("request-body", "request-body", 2, 6),
        ("response", "response", 2, 17),
        ("examples", "examples", 2, 19),
        ("example", "example-1", 3, 20),
    ]
    headers_table, body_table = page.tables
    assert (headers_table.role, headers_table.names(), headers_table.section) == (
        "request-headers",
        ["Authorization"],
        "request-headers",
    )
    assert [c.span.line for c in headers_table.header.cells] == [2, 3]
    assert [c.text for c in headers_table.header.cells] == list(LANGUAGES[locale][1])
    assert (body_table.role, body_table.names(), body_table.section) == (
        "body-parameters",
        ["reason", "callbackUri"],
        "request-body",
    )
    assert [c.text for c in body_table.header.cells] == list(LANGUAGES[locale][5])
    assert [c.span.line for c in body_table.header.cells] == [8, 9, 10]
    assert [row.span.line for row in body_table.rows] == [11, 14]
    status_line = LANGUAGES[locale][8]
    assert [(s.status, s.reason, s.span.line, s.span.column) for s in page.prose_statuses] == [
        (202, "Accepted", 18, status_line.index("202") + 1)
    ]
    (request,) = page.requests
    assert (request.path, request.version, request.span.line, request.section) == (
        "/communications/calls/abc/reject",
        "beta",
        21,
        "example-1",
    )
    assert request.body is not None and request.body.value == {"reason": "busy"}
    assert [(c.language, c.span.line, c.span.end_line) for c in page.code_blocks] == [("csharp", 26, 32)]


@pytest.mark.parametrize("locale", sorted(LANGUAGES))
def test_localized_tables_without_headings(locale: str) -> None:
    """Renderings drop headings: the intro sentence and header words still decide."""
    page = parse(localized(locale, headings=False), f"{locale}/call-reject.txt")
    assert page.sections == ()
    assert [(t.role, t.names(), t.span.line) for t in page.tables] == [
        ("request-headers", ["Authorization"], 1),
        ("body-parameters", ["reason", "callbackUri"], 6),
    ]
    assert page.prose_statuses == ()  # no Response section, no status
    assert page.version == "beta"  # from the request URL


# -- classification details ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "language"),
    [
        (["using Microsoft.Graph.Models;", "var requestBody = new User", "{", "};"], "csharp"),
        (["import (", '"context"', ")", "requestBody := graphmodels.NewUser()"], "go"),
        (["GraphServiceClient graphClient = new GraphServiceClient(requestAdapter);"], "java"),
        (["<?php", "use Microsoft\\Graph\\GraphServiceClient;", "$requestBody = new User();"], "php"),
        (["from msgraph import GraphServiceClient", "request_body = User(", ")"], "python"),
        (["const options = {", "authProvider,", "};", "let user = await client.api('/me').get();"], "javascript"),
        (["Import-Module Microsoft.Graph.Users", "$params = @{", 'displayName = "x"', "}"], "powershell"),
        (["mgc users get --user-id {user-id}"], "cli"),
        (["just some words", "more words"], "text"),
    ],
)
def test_identify_language(lines: list[str], language: str) -> None:
    assert identify_language(lines) == language


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("", "blank"),
        ("POST https://graph.microsoft.com/v1.0/me/events", "request"),
        ("HTTP/1.1 201 Created", "status"),
        ("Respuesta", "heading"),
        ("Ejemplo 2: Rechazar", "heading"),
        ("Ejemplos siguientes muestran algo", "prose"),
        ("例えば、次のように指定します。", "prose"),
        ("Parámetro", "table-word"),
        ("# Code snippets are only available for the latest version. Current version is 1.x", "banner"),
        ("// Dependencies", "comment"),
        ("using Microsoft.Graph.Models;", "code"),
        ("{", "json-start"),
        ("Reason = RejectReason.Busy,", "weak"),
        ("DELETE requests are idempotent.", "prose"),
        ("Esto permite a los bots proporcionar un URI.", "prose"),
    ],
)
def test_classify_line(line: str, kind: str) -> None:
    assert classify_line(line)[0] == kind


def test_prose_after_get_is_not_a_header() -> None:
    page = parse("GET https://graph.microsoft.com/v1.0/me\nNota: no hay cuerpo.\n", "x.txt")
    assert page.requests[0].headers == ()
    assert [s.text for s in page.segments] == ["Nota: no hay cuerpo."]


def test_status_outside_response_section_is_ignored() -> None:
    text = (
        "Permissions\nThis returns 200 OK.\nResponse\nThis returns 204 No Content.\nExamples\nResponse\n200 OK here.\n"
    )
    page = parse(text, "x.txt")
    assert [(s.status, s.span.line) for s in page.prose_statuses] == [(204, 4)]
    assert page.sections[-1].role == "example-response"


def test_header_words_without_rows_are_prose() -> None:
    page = parse("Name\nDescription\nThis is a paragraph of prose that follows the words.\n", "x.txt")
    assert page.tables == ()
    assert [s.text for s in page.segments][:2] == ["Name", "Description"]


def test_repeated_headings_get_unique_anchors() -> None:
    page = parse("Examples\nExample\nRequest\nResponse\nExample\nRequest\nResponse\n", "x.txt")
    assert [s.anchor for s in page.sections] == [
        "examples",
        "example",
        "request",
        "response",
        "example-1",
        "request-1",
        "response-1",
    ]


def test_standalone_json_example() -> None:
    page = parse('Notification\n{\n"value": [\n{"id": "1"}\n]\n}\nAfter.\n', "x.txt")
    (example,) = page.json_examples
    assert (example.value, example.span.line, example.span.end_line, example.origin) == (
        {"value": [{"id": "1"}]},
        2,
        6,
        "json-fence",
    )
    assert [s.text for s in page.segments] == ["Notification", "After."]


def test_crlf_and_bom() -> None:
    text = "\ufeffRespuesta\r\nDevuelve 202 Accepted.\r\n"
    page = parse(text, "es-ES/x.txt")
    assert [(s.anchor, s.span.line) for s in page.sections] == [("response", 1)]
    assert [(s.status, s.span.line, s.span.column) for s in page.prose_statuses] == [(202, 2, 10)]


def test_indented_lines_keep_their_column() -> None:
    page = parse("  Respuesta\n    Devuelve 202 Accepted.\n", "x.txt")
    assert page.sections[0].span.column == 3
    assert page.segments[1].span.column == 5
    assert page.prose_statuses[0].span.column == 14


# -- robustness -------------------------------------------------------------------


def test_empty_text() -> None:
    for text in ("", "\n", "   \n\t\n"):
        page = parse(text, "locales/de-DE/v1.0/api/x.txt")
        assert (page.locale, page.version, page.format, page.kind) == ("de-DE", "v1.0", "text", "rest")
        assert (page.sections, page.segments, page.tables, page.requests, page.diagnostics) == ((), (), (), (), ())


def test_binary_input_is_a_diagnostic() -> None:
    page = parse(bytes(range(256)).decode("latin-1") * 4, "x.txt")
    assert [d.code for d in page.diagnostics] == ["unsupported-format"]
    assert page.segments == ()


def test_garbage_never_raises() -> None:
    pieces = [
        "{",
        "}",
        "[",
        "]",
        '"',
        "POST /x",
        "GET https://graph.microsoft.com/v1.0/me",
        "HTTP/1.1 200 OK",
        "Content-Type: x",
        "Parámetro",
        "Tipo",
        "Descripción",
        "Respuesta",
        "Ejemplo 1:",
        "// c",
        "# c",
        "<?php",
        "using A;",
        "\ufffd\ufffd",
        "é漢字",
        "\x1b[0m",
        " ",
        "\\",
        "202 Accepted",
    ]
    for seed in range(30):
        rng = random.Random(seed)
        text = "\n".join("".join(rng.choice(pieces) for _ in range(rng.randint(0, 3))) for _ in range(200))
        page = parse(text, "x.txt")
        assert no_internal_failure(page)


def test_every_prefix_and_suffix_of_the_sample_parses() -> None:
    lines = sample_lines()
    for cut in range(len(lines) + 1):
        for text in ("\n".join(lines[:cut]), "\n".join(lines[cut:])):
            page = parse(text, SAMPLE)
            assert no_internal_failure(page)
            assert page.diagnostics == ()


def test_only_code() -> None:
    text = "\n".join(sample_lines()[25:71])
    page = parse(text, "x.txt")
    assert [(c.language, c.span.line, c.span.end_line) for c in page.code_blocks] == [
        ("csharp", 1, 10),
        ("go", 11, 24),
        ("java", 25, 29),
        ("php", 30, 37),
        ("python", 38, 46),
    ]
    assert (page.segments, page.tables, page.requests, page.sections) == ((), (), (), ())


def test_unbalanced_json_body() -> None:
    text = "\n".join(
        [
            "POST https://graph.microsoft.com/v1.0/me/events",  # 1
            "Content-Type: application/json",  # 2
            "{",  # 3
            '"subject": "x",',  # 4
            '"body": {',  # 5
            '"content": "y"',  # 6
            "}",  # 7
            "Respuesta",  # 8
            "Devuelve 201 Created.",  # 9
        ]
    )
    page = parse(text, "x.txt")
    (request,) = page.requests
    assert request.body is not None
    assert request.body.value is None and request.body.error is not None
    assert (request.body.span.line, request.body.span.end_line) == (3, 7)
    assert [s.anchor for s in page.sections] == ["response"]
    assert [s.status for s in page.prose_statuses] == [201]


def test_unbalanced_json_at_end_of_file() -> None:
    page = parse('POST https://graph.microsoft.com/v1.0/me\n{\n"a": [1,\n', "x.txt")
    body = page.requests[0].body
    assert body is not None and body.error is not None and body.span.end_line == 3


def test_deeply_nested_json_does_not_fail_the_page() -> None:
    page = parse("POST https://graph.microsoft.com/v1.0/me\n" + "[" * 50000 + "\n" + "]" * 50000, "x.txt")
    body = page.requests[0].body
    assert body is not None and body.error is not None
    assert no_internal_failure(page)
    standalone = parse("[\n" + "[" * 50000, "x.txt")
    assert standalone.json_examples[0].error is not None


def test_long_lines_stay_fast() -> None:
    page = parse("POST /" + " " * 100000 + "x\nHTTP/1.1 200 x" + " " * 100000 + "y", "x.txt")
    assert no_internal_failure(page)
