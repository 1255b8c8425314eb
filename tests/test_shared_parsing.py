"""The parsing shared by every input format: HTTP blocks, JSON positions, prose statuses."""

from __future__ import annotations

import pytest

from lint.parse.http import parse_http_block, split_target
from lint.parse.jsontext import find_duplicate_keys, locate
from lint.parse.prose import find_statuses, status_role


def test_split_target() -> None:
    target = split_target("https://graph.microsoft.com/beta/me/events?$top=1&$select=id")
    assert (target.host, target.version, target.path, target.query) == (
        "graph.microsoft.com",
        "beta",
        "/me/events",
        "$top=1&$select=id",
    )
    relative = split_target("/users/{id | userPrincipalName}/events")
    assert (relative.host, relative.version, relative.path) == (None, None, "/users/{id | userPrincipalName}/events")
    assert split_target("https://graph.microsoft.com/{version}/me").path == "/me"
    assert split_target("https://graph.microsoft.com/v1.0").path == "/"


def test_split_target_with_a_malformed_authority() -> None:
    """Found by fuzzing: an unclosed IPv6 bracket made urlsplit raise, and the page's parser with it."""
    target = split_target("https://[::1/v1.0/users/{id}?$top=1")
    assert (target.host, target.version, target.path, target.query) == ("[::1", "v1.0", "/users/{id}", "$top=1")


def test_syntax_block_with_several_request_lines() -> None:
    block = parse_http_block(
        ["GET /me/events", "", "GET /users/{id}/events HTTP/1.1"], path="p", first_line=10, origin="syntax"
    )
    assert [(r.method, r.path, r.span.line) for r in block.requests] == [
        ("GET", "/me/events", 10),
        ("GET", "/users/{id}/events", 12),
    ]


def test_response_with_headers_and_body() -> None:
    lines = ["HTTP/1.1 201 Created", "Content-type: application/json", "", "{", '  "id": "1"', "}"]
    block = parse_http_block(lines, path="p", first_line=5, column=3, origin="example")
    response = block.responses[0]
    assert (response.status, response.reason, response.span.line, response.span.column) == (201, "Created", 5, 3)
    assert [(h.name, h.value) for h in response.headers] == [("Content-type", "application/json")]
    assert response.body is not None
    assert (response.body.value, response.body.span.line, response.body.origin) == ({"id": "1"}, 8, "response-body")


def test_body_directly_after_request_line() -> None:
    block = parse_http_block(["POST /me/sendMail", '{"a": 1}'], path="p", first_line=1, origin="example")
    request = block.requests[0]
    assert request.headers == ()
    assert request.body is not None and request.body.value == {"a": 1}


def test_non_json_body_is_kept_unparsed() -> None:
    block = parse_http_block(
        ["PUT /me/photo/$value", "Content-type: image/jpeg", "", "Binary data for the image"],
        path="p",
        first_line=1,
        origin="example",
    )
    body = block.requests[0].body
    assert body is not None and (body.value, body.error, body.text) == (None, None, "Binary data for the image")


def test_json_body_error_position_is_absolute() -> None:
    block = parse_http_block(
        ["POST /x", "", "{", '  "a": 1,', "}"], path="p", first_line=20, column=4, origin="example"
    )
    body = block.requests[0].body
    assert body is not None and body.error is not None
    # At the trailing comma (line 23, column 4 + 8), not at the bracket after it.
    assert (body.error.line, body.error.column, body.error.message) == (
        23,
        12,
        "trailing comma: remove the `,` before `}`",
    )


def test_empty_and_non_http_blocks() -> None:
    assert parse_http_block([], path="p", first_line=1, origin="example").empty
    assert parse_http_block(["Returns `202 Accepted` response code"], path="p", first_line=1, origin="example").empty
    assert parse_http_block(["Returns `202 Accepted`"], path="p", first_line=1, origin="syntax").empty


def test_locate_maps_pointers_to_positions() -> None:
    positions = locate('{\n  "a": [1, {"b/c": 2}],\n  "d": null\n}')
    assert (positions["/a"].line, positions["/a"].column, positions["/a"].key_column) == (2, 8, 3)
    assert (positions["/a/1/b~1c"].line, positions["/a/1/b~1c"].column) == (2, 20)
    assert (positions["/d"].line, positions["/d"].column) == (3, 8)


def test_duplicate_keys_only_within_one_object() -> None:
    assert find_duplicate_keys('{"a": 1, "b": {"a": 2}, "c": ["a", "a"]}') == []
    assert find_duplicate_keys('{"a": 1,\n "b": 2,\n "a": 3}') == [("a", 3, 2)]


def test_statuses_need_their_reason_phrase() -> None:
    text = "returns `202 Accepted`, 200 OK or 204 no content; waits 15 seconds; 256 chars; 200 Created"
    assert [(s, r) for s, r, _, _ in find_statuses(text)] == [(202, "Accepted"), (200, "OK"), (204, "no content")]


def test_statuses_end_where_their_phrase_ends() -> None:
    text = (
        "404 Not Foundation, 200 OK-ish, v1.200 OK, 203\u00a0Non-Authoritative Information. "
        "418 i'm a teapot 999 OK 404  Not Found"
    )
    assert list(find_statuses(text)) == [
        (203, "Non-Authoritative Information", 43, 76),
        (418, "i'm a teapot", 78, 94),
        (404, "Not Found", 102, 116),
    ]


def test_version_prefix_in_another_case() -> None:
    target = split_target("https://graph.microsoft.com/V1.0/teams/1/channels")
    assert (target.version, target.path) == ("v1.0", "/teams/1/channels")
    assert split_target("/V1.0/me").path == "/me"


@pytest.mark.parametrize(
    ("sentence", "roles"),
    [
        ("If successful, this method returns a `200 OK` response code.", ["success"]),
        ("Returns `202 Accepted` response code and a Location header.", ["success"]),
        (
            "If successful, this method returns `200, OK`. If there is an error, this method returns a "
            "`206 Partial Content` response code.",
            ["error"],
        ),
        ("This method returns `206 Partial Content` if an error occurs.", ["error"]),
        ("If unsuccessful, it returns `200 OK` with an error object.", ["error"]),
        ("If successful, returns `200 OK`, or `404 Not Found` when the thing is gone.", ["success", "error"]),
        (
            "If successful, returns `204 No Content`. If the request specifies `Prefer`, it returns `200 OK`.",
            ["success", "other"],
        ),
        ("The modified item comes back with `200 OK`.", ["success"]),
        ("В случае успешного выполнения этот метод возвращает код отклика `200 OK`.", ["success"]),
        ("В случае ошибки этот метод возвращает код `206 Partial Content`.", ["error"]),
        ("如果成功，此方法返回 `200 OK` 响应代码。如果出错，则返回 `206 Partial Content`。", ["success", "error"]),
        ("Si se ejecuta correctamente, este método devuelve un código de respuesta `200 OK`.", ["success"]),
        ("Si hay un error, este método devuelve `206 Partial Content`.", ["error"]),
    ],
)
def test_status_role_reads_the_sentence(sentence: str, roles: list[str]) -> None:
    assert [status_role(sentence, start, end) for _, _, start, end in find_statuses(sentence)] == roles
