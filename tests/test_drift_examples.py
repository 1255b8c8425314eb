"""json-drift, example-missing and example-extra on small translation pairs, and the alignment behind them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lint.align.examples import align_examples
from lint.align.json_diff import json_differences
from lint.align.sections import align_sections
from lint.config import build_config
from lint.diagnostic import Diagnostic
from lint.engine import check_page
from lint.parse.detect import parse_source
from lint.parse.markdown.page import parse
from lint.source import decode_source

CODES = ["DL608", "DL609", "DL610", "DL612", "DL616", "DL617"]


def check_pair(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str], target: str) -> list[Diagnostic]:
    """Write a small project, check ``target`` with the drift rules of this module, as the CLI would."""
    for relative, text in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "docs_src").mkdir(exist_ok=True)
    (tmp_path / "locales").mkdir(exist_ok=True)
    monkeypatch.chdir(tmp_path)
    config = build_config({"select": CODES}, root=tmp_path, file=None)
    page = parse_source(decode_source(target, (tmp_path / target).read_bytes()))
    return check_page(page, config)


def found(diagnostics: list[Diagnostic]) -> list[tuple[int, int, str]]:
    return [(item.line, item.column, item.name) for item in diagnostics]


def request(name: str | None, body: str, path: str = "/things/1f0c2b5e-8e0e-4c39-9d5c-0c0e5c7d6a11/send") -> str:
    annotation = f'<!-- {{ "blockType": "request", "name": "{name}" }} -->\n' if name else ""
    head = f"POST https://graph.microsoft.com/v1.0{path}\nContent-Type: application/json"
    return f"{annotation}```http\n{head}\n\n{body}\n```\n"


BUSY = '{\n  "reason": "busy"\n}'
NONE = '{\n  "reason": "none"\n}'
ENGLISH = f"""# Send thing

## HTTP request
<!-- {{ "blockType": "ignored" }} -->
```http
POST /things/{{id}}/send
```
> **Note:** The `/app` path is deprecated.

## Examples
### Example 1: busy
{request("send-busy", BUSY)}
<!-- {{ "blockType": "response" }} -->
```http
HTTP/1.1 202 Accepted
```

### Example 2: none
{request("send-none", NONE)}
<!-- {{ "blockType": "response" }} -->
```http
HTTP/1.1 202 Accepted
```
"""


def test_an_example_under_another_name_says_which_english_example_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    translation = f"""# Ding senden

## <a name="http-request"></a>HTTP-Anforderung
<!-- {{ "blockType": "ignored" }} -->
```http
POST /things/{{id}}/send
```
> **Hinweis:** Der Pfad `/app` ist veraltet.

## <a name="examples"></a>Beispiele
{request("send-busy", NONE)}
<!-- {{ "blockType": "response" }} -->
```http
HTTP/1.1 202 Accepted
```
"""
    files = {"docs_src/v1.0/api/thing-send.md": ENGLISH, "locales/de-DE/v1.0/api/thing-send.md": translation}
    diagnostics = check_pair(tmp_path, monkeypatch, files, "locales/de-DE/v1.0/api/thing-send.md")
    assert found(diagnostics) == [(10, 1, "example-missing"), (17, 3, "json-drift")]
    missing, drift = diagnostics
    # One defect seen from both sides: `send-none` is here (json-drift names it), under `send-busy`'s name,
    # so what the translation lacks is `send-busy`'s own content.
    assert missing.message == (
        "the English request example `send-busy` (`POST /things/1f0c2b5e-8e0e-4c39-9d5c-0c0e5c7d6a11/send`) is"
        " missing from this translation: the example named `send-busy` here is the English `send-none`"
    )
    assert (missing.related[0].path, missing.related[0].line) == ("docs_src/v1.0/api/thing-send.md", 14)
    assert drift.message.startswith('`/reason` is `"none"` here, `"busy"` in the English request example `send-busy`')
    assert "is the English request example `send-none` (docs_src/v1.0/api/thing-send.md:30:1)" in drift.message
    assert "carried under the name `send-busy`" in drift.message
    assert [(item.line, item.column) for item in drift.related] == [(18, 3), (33, 1)]


def test_a_renamed_example_still_aligns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    english = "# Send\n\n## Examples\n" + request("send-busy-v2", BUSY)
    translation = '# Senden\n\n## <a name="examples"></a>Beispiele\n' + request("send-busy", BUSY)
    files = {"docs_src/v1.0/api/thing-renamed.md": english, "locales/de-DE/v1.0/api/thing-renamed.md": translation}
    assert check_pair(tmp_path, monkeypatch, files, "locales/de-DE/v1.0/api/thing-renamed.md") == []
    alignment = align_examples(parse(translation, "t.md"), parse(english, "e.md"))
    assert [(mine.name, theirs.name) for mine, theirs in alignment.pairs] == [("send-busy", "send-busy-v2")]


def test_unnamed_examples_align_by_kind_order_and_shape() -> None:
    english = parse(
        "# A\n## Examples\n"
        + request(None, '{"a": 1}', "/things/1f0c2b5e-8e0e-4c39-9d5c-0c0e5c7d6a11/send")
        + request(None, '{"b": 1}', "/things/1f0c2b5e-8e0e-4c39-9d5c-0c0e5c7d6a11/archive"),
        "e.md",
    )
    # The translation shows only the second example: shape, not position, decides.
    translated = parse("# A\n## Beispiele\n" + request(None, '{"b": 1}', "/things/42/archive"), "t.md")
    alignment = align_examples(translated, english)
    assert [(mine.span.line, theirs.span.line) for mine, theirs in alignment.pairs] == [(4, 10)]
    assert [unit.span.line for unit in alignment.missing] == [4]


def test_sections_align_by_anchor_then_by_role_in_order() -> None:
    english = parse("# T\n## Request body\ntext\n## Response\ntext\n## Examples\ntext\n", "e.md")
    # Anchors kept, an anchor of another spelling whose role is the same, a heading of no known role.
    translated = parse(
        '# T\n## <a name="request-body"></a>Cuerpo\ntexto\n## <a name="example"></a>Ejemplo\n## Otro\n', "t.md"
    )
    sections = align_sections(translated, english)
    assert {anchor: section.anchor for anchor, section in sections.english_of.items()} == {
        "t": "t",
        "request-body": "request-body",
        "example": "examples",
    }
    # What English has in its Response section belongs, in this translation, before its examples.
    span, section = sections.place_for(5, translated)
    assert (span.line, section and section.anchor) == (2, "request-body") or (
        span.line,
        section and section.anchor,
    ) == (1, "t")


def differences(value: Any, english: Any) -> list[tuple[str, str, Any, Any]]:
    return [(item.kind, item.pointer, item.value, item.english_value) for item in json_differences(value, english)]


@pytest.mark.parametrize(
    ("value", "english"),
    [
        ({"displayName": "Kiste", "subject": "Mittagessen am Montag"}, {"displayName": "Box", "subject": "Lunch"}),
        ({"name": "Иван"}, {"name": "John"}),
        ({"id": "57DAB8B1894C409AB240BD8BEAE78896"}, {"id": "57dab8b1-894c-409a-b240-bd8beae78896"}),
        ({"at": "2023-05-01T10:00:00Z"}, {"at": "2021-07-01T08:30:00.0000000Z"}),
        ({"@odata.etag": 'W/"5445"', "@odata.id": "/app/x", "a": 1}, {"@odata.id": "/communications/x", "a": 1}),
        ({"value": [{"a": 1}]}, {"@odata.type": "#x", "value": [{"@odata.type": "#y", "a": 1}]}),
        ({"skuId": "b05e124f-c7cc-45a0-a6aa-8cf78c946968"}, {"skuId": "skuId-value"}),
        ({"mail": "first@example.com"}, {"mail": "AdeleV@contoso.com"}),
    ],
    ids=["free-text", "non-ascii", "ids", "dates", "odata-control", "odata-type-omitted", "placeholder", "mailbox"],
)
def test_tolerated_differences(value: Any, english: Any) -> None:
    assert differences(value, english) == []


@pytest.mark.parametrize(
    ("value", "english", "expected"),
    [
        ({"reason": "none"}, {"reason": "busy"}, [("value", "/reason", "none", "busy")]),
        ({"resource": "/a"}, {"resourceUrl": "/a"}, [("renamed", "/resource", "resource", "resourceUrl")]),
        ({"a": 1}, {"a": 1, "b": 2}, [("missing", "", None, "b")]),
        ({"a": 1, "c/d": 2}, {"a": 1}, [("extra", "/c~1d", "c/d", None)]),
        ({"mail": 1, "x": 2}, {"mail": 1, "value": 2}, [("missing", "", None, "value"), ("extra", "/x", "x", None)]),
        ({"a": [1]}, {"a": [1, 2]}, [("length", "/a", 1, 2)]),
        ({"a": "1"}, {"a": 1}, [("kind-of-value", "/a", "1", 1)]),
        ({"a": False}, {"a": True}, [("value", "/a", False, True)]),
        ({"r": "/app/calls/1f0c2b5e-8e0e-4c39-9d5c-0c0e5c7d6a11"}, {"r": "/app/calls/{id}"}, []),
        (
            {"u": "/app/calls/1f0c2b5e-8e0e-4c39-9d5c-0c0e5c7d6a11"},
            {"u": "/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896"},
            [
                (
                    "value",
                    "/u",
                    "/app/calls/1f0c2b5e-8e0e-4c39-9d5c-0c0e5c7d6a11",
                    "/communications/calls/57dab8b1-894c-409a-b240-bd8beae78896",
                )
            ],
        ),
        (
            {"@odata.type": "#microsoft.graph.a"},
            {"@odata.type": "#microsoft.graph.b"},
            [("value", "/@odata.type", "#microsoft.graph.a", "#microsoft.graph.b")],
        ),
    ],
    ids=[
        "enum",
        "renamed",
        "missing",
        "extra",
        "unrelated-names",
        "length",
        "kind",
        "boolean",
        "placeholder-path",
        "path",
        "odata-type",
    ],
)
def test_reported_differences(value: Any, english: Any, expected: list[tuple[str, str, Any, Any]]) -> None:
    assert differences(value, english) == expected


def test_the_same_difference_in_several_examples_is_one_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def notification(key: str) -> str:
        return (
            '<!-- { "blockType": "example", "@odata.type": "microsoft.graph.commsNotifications" } -->\n'
            f'```json\n{{\n  "value": [\n    {{\n      "{key}": "/communications/calls/1"\n    }}\n  ]\n}}\n```\n'
        )

    english = "# N\n## Examples\n" + notification("resourceUrl") + notification("resourceUrl")
    translation = '# N\n## <a name="examples"></a>Beispiele\n' + notification("resource") + notification("resource")
    files = {"docs_src/v1.0/api/n.md": english, "locales/de-DE/v1.0/api/n.md": translation}
    diagnostics = check_pair(tmp_path, monkeypatch, files, "locales/de-DE/v1.0/api/n.md")
    assert found(diagnostics) == [(8, 7, "json-drift")]
    assert diagnostics[0].message == (
        "in this notification example, member `resource` (`/value/0/resource`) is `resourceUrl` "
        "in the English notification example"
    )
    assert [(item.line, item.column, item.message) for item in diagnostics[0].related] == [
        (8, 7, "the English notification example"),
        (18, 7, "the same difference here"),
    ]


def test_many_differences_make_one_finding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    english = "# S\n## Examples\n" + request("s", '{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}')
    translation = '# S\n## <a name="examples"></a>E\n' + request("s", '{"a": 9, "b": 9, "c": 9, "d": 9, "e": 9}')
    files = {"docs_src/v1.0/api/s.md": english, "locales/de-DE/v1.0/api/s.md": translation}
    diagnostics = check_pair(tmp_path, monkeypatch, files, "locales/de-DE/v1.0/api/s.md")
    assert found(diagnostics) == [(8, 2, "json-drift")]
    assert diagnostics[0].message.startswith("this request differs from the English request example `s` in 5 places:")


LIST_ENGLISH = """# List things

[!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]

## HTTP request
<!-- { "blockType": "ignored" } -->
```http
GET /things
```
> **Note:** Paging is not supported.

## Request headers
| Name | Description |
|:-----|:------------|
| Authorization | Bearer {token}. Required. |

## Examples
<!-- { "blockType": "request", "name": "list-things" } -->
```http
GET https://graph.microsoft.com/beta/things
```
<!-- { "blockType": "response" } -->
```http
HTTP/1.1 200 OK
Content-Type: application/json

{
  "value": []
}
```

[!INCLUDE [sample-code](../includes/snippets/csharp/list-things-csharp-snippets.md)]
"""


def test_what_a_translation_lacks_is_one_finding_each_at_its_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    translation = """# Dinge auflisten

## <a name="http-request"></a>HTTP-Anforderung
Text.

## <a name="examples"></a>Beispiele
<!-- { "blockType": "request", "name": "list-things" } -->
```http
GET https://graph.microsoft.com/beta/things
```
"""
    files = {"docs_src/beta/api/things.md": LIST_ENGLISH, "locales/de-DE/beta/api/things.md": translation}
    diagnostics = check_pair(tmp_path, monkeypatch, files, "locales/de-DE/beta/api/things.md")
    assert [
        (line, column, name, item.message.split(" is missing")[0])
        for (line, column, name), item in zip(found(diagnostics), diagnostics, strict=True)
    ] == [
        (1, 1, "example-missing", "the English include `beta-disclaimer` (`../../includes/beta-disclaimer.md`)"),
        (1, 1, "example-missing", "the English request headers table (`Authorization`)"),
        (3, 1, "example-missing", 'the English note "**Note:** Paging is not supported."'),
        (3, 1, "example-missing", "the English request syntax block (`GET /things`)"),
        (6, 1, "example-missing", "the English response `list-things` (`200 OK`)"),
    ]
    assert [(item.related[0].line, item.related[0].path) for item in diagnostics] == [
        (3, "docs_src/beta/api/things.md"),
        (13, "docs_src/beta/api/things.md"),
        (10, "docs_src/beta/api/things.md"),
        (8, "docs_src/beta/api/things.md"),
        (24, "docs_src/beta/api/things.md"),
    ]


def test_what_only_the_translation_has_is_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    translation = """# Dinge auflisten

[!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]
[!INCLUDE [limited-info](../../includes/limited-info.md)]

## <a name="http-request"></a>HTTP-Anforderung
<!-- { "blockType": "ignored" } -->
```http
GET /things
```
> **Hinweis:** Paging wird nicht unterstützt.

> **Wichtig:** Nur für Administratoren.

## <a name="request-headers"></a>Anforderungsheader
| Name | Beschreibung |
|:-----|:------------|
| Authorization | Bearer {token}. Erforderlich. |

## <a name="examples"></a>Beispiele
<!-- { "blockType": "request", "name": "list-things" } -->
```http
GET https://graph.microsoft.com/beta/things
```
<!-- { "blockType": "response" } -->
```http
HTTP/1.1 200 OK
Content-Type: application/json

{
  "value": []
}
```
<!-- { "blockType": "request", "name": "list-things-top" } -->
```http
GET https://graph.microsoft.com/beta/things?$top=2
```
"""
    files = {"docs_src/beta/api/things.md": LIST_ENGLISH, "locales/de-DE/beta/api/things.md": translation}
    diagnostics = check_pair(tmp_path, monkeypatch, files, "locales/de-DE/beta/api/things.md")
    assert [
        (line, column, name, item.message)
        for (line, column, name), item in zip(found(diagnostics), diagnostics, strict=True)
    ] == [
        (
            4,
            1,
            "example-extra",
            "the include `limited-info` (`../../includes/limited-info.md`) is not in the English page",
        ),
        (13, 3, "example-extra", 'this important ("**Wichtig:** Nur für Administratoren.") is not in the English page'),
        (36, 1, "example-extra", "this request example `list-things-top` is not in the English page"),
    ]


def test_a_translation_without_an_english_page_is_an_orphan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = {"docs_src/beta/api/things.md": LIST_ENGLISH, "locales/de-DE/beta/api/gone.md": "# Weg\n\nText.\n"}
    diagnostics = check_pair(tmp_path, monkeypatch, files, "locales/de-DE/beta/api/gone.md")
    assert found(diagnostics) == [(1, 1, "orphan-translation")]
    assert diagnostics[0].message == "this translation has no English page: `docs_src/beta/api/gone.md` does not exist"
    # A page that has its English page, and an English page, are no orphans.
    files = {"locales/de-DE/beta/api/things.md": "# Dinge\n"}
    assert "orphan-translation" not in [
        name for *_, name in found(check_pair(tmp_path, monkeypatch, files, "locales/de-DE/beta/api/things.md"))
    ]
    assert check_pair(tmp_path, monkeypatch, {}, "docs_src/beta/api/things.md") == []


UPLOAD_ENGLISH = """# Upload

## Permissions
> **Note:** Admin permissions are supported.

## Examples
<!-- { "blockType": "ignored", "name": "create-session" } -->
```
POST https://graph.microsoft.com/v1.0/me/drive/root:/a.txt:/createUploadSession
```
<!-- { "blockType": "request", "name": "upload-piece", "opaqueUrl": true } -->
```http
PUT https://sn3302.up.1drv.com/up/fe6987415ace7X4e1eF866337
```
> **Note:** The response object shown here might be shortened for readability.

<!-- { "blockType": "response" } -->
```http
HTTP/1.1 202 Accepted
Content-Type: application/json

{
  "expirationDateTime": "2015-01-29T09:21:55.523Z"
}
```
"""


def test_requests_in_plain_fences_upload_urls_and_moved_or_example_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A request whose fence has no `http` language, a request to an upload URL, a note moved to
    another section and a "might be shortened" note written as prose: nothing is lost."""
    translation = """# Hochladen

## <a name="permissions"></a>Berechtigungen
Text.

## <a name="examples"></a>Beispiele
> **Hinweis:** Administratorberechtigungen werden unterstützt.

<!-- { "blockType": "request", "name": "create-session" } -->
```
POST https://graph.microsoft.com/v1.0/me/drive/root:/a.txt:/createUploadSession
```
<!-- { "blockType": "request", "name": "upload-piece", "opaqueUrl": true } -->
```http
PUT https://sn3302.up.1drv.com/up/fe6987415ace7X4e1eF866337
```
Hinweis: Das hier gezeigte Antwortobjekt ist möglicherweise gekürzt.

<!-- { "blockType": "response" } -->
```http
HTTP/1.1 202 Accepted
Content-Type: application/json

{
  "expirationDateTime": "2015-01-29T09:21:55.523Z"
}
```
"""
    files = {"docs_src/v1.0/api/upload.md": UPLOAD_ENGLISH, "locales/de-DE/v1.0/api/upload.md": translation}
    assert check_pair(tmp_path, monkeypatch, files, "locales/de-DE/v1.0/api/upload.md") == []
    alignment = align_examples(parse(translation, "t.md"), parse(UPLOAD_ENGLISH, "e.md"))
    assert [(mine.kind, mine.name, theirs.name) for mine, theirs in alignment.pairs] == [
        ("request", "create-session", "create-session"),
        ("request", "upload-piece", "upload-piece"),
        ("response", "upload-piece", "upload-piece"),
    ]


def test_translated_callout_labels_open_notes() -> None:
    page = parse("> **重要提示：** 只能更新已验证的域。\n\n> **Важно!** Текст.\n\n> **Nota**: texto.\n", "t.md")
    assert [(note.kind, note.span.line) for note in page.notes] == [("important", 1), ("important", 3), ("note", 5)]


def test_a_note_moved_into_an_include_is_neither_missing_nor_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = "# Team\n\n## Permissions\n> **Note**: This API supports admin permissions.\n"
    translation = (
        '# Team\n\n## <a name="permissions"></a>Berechtigungen\n'
        "[!INCLUDE [teamwork-permissions-note](../../../includes/teamwork-permissions-note.md)]\n"
    )
    files = {"docs_src/v1.0/api/team-x.md": english, "locales/de-DE/v1.0/api/team-x.md": translation}
    assert check_pair(tmp_path, monkeypatch, files, "locales/de-DE/v1.0/api/team-x.md") == []
    # Without the include, the note is lost.
    files = {"docs_src/v1.0/api/team-y.md": english, "locales/de-DE/v1.0/api/team-y.md": translation.split("[!")[0]}
    assert found(check_pair(tmp_path, monkeypatch, files, "locales/de-DE/v1.0/api/team-y.md")) == [
        (3, 1, "example-missing")
    ]


def test_a_fence_that_is_no_json_is_no_json_example() -> None:
    """An HTTP response under a `json` label does not parse: json-syntax's business, not an extra example."""
    english = parse("# A\n## Examples\n", "e.md")
    translated = parse('# A\n## Beispiele\n```json\nHTTP/1.1 201 Created\n\n{"a": 1}\n```\n', "t.md")
    assert align_examples(translated, english).extra == ()


def test_an_example_with_the_body_of_another_english_example_is_still_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two English examples may send the same body (by object id, by template id): a translation
    keeping one of them lacks the other, and carries nothing under a wrong name."""
    english = ENGLISH.replace(request("send-none", NONE), request("send-again", BUSY, "/things/2/send"))
    translation = f"""# Ding senden

## <a name="http-request"></a>HTTP-Anforderung
<!-- {{ "blockType": "ignored" }} -->
```http
POST /things/{{id}}/send
```
> **Hinweis:** Der Pfad `/app` ist veraltet.

## <a name="examples"></a>Beispiele
{request("send-busy", BUSY)}
<!-- {{ "blockType": "response" }} -->
```http
HTTP/1.1 202 Accepted
```
"""
    files = {"docs_src/v1.0/api/thing-send.md": english, "locales/de-DE/v1.0/api/thing-send.md": translation}
    diagnostics = check_pair(tmp_path, monkeypatch, files, "locales/de-DE/v1.0/api/thing-send.md")
    assert [item.message for item in diagnostics] == [
        "the English request example `send-again` (`POST /things/2/send`) and its response are missing from this"
        " translation"
    ]
