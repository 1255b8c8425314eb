"""``--fix`` on tables: a missing parameter or header row inserted from English, a type name restored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lint.cli import main

PAGE = "v1.0/api/thing-update.md"
TRANSLATION = f"locales/ru-RU/{PAGE}"

ENGLISH = """# Update thing

## HTTP request
```http
PATCH /things/{id}
```

## Request headers
| Name          | Description               |
|:--------------|:--------------------------|
| Authorization | Bearer {token}. Required. |
| Content-Type  | application/json. Required. |
| Prefer        | return=minimal. Optional. |

## Request body
| Parameter | Type | Description |
|:----------|:-----|:------------|
|displayName|String|The name \\| shown to users.|
|color|String|The colour of the thing.|
|weight|Int32|How heavy it is.|
|owner|String|Who owns it.|
"""


def _project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, translation: str, english: str = ENGLISH) -> Path:
    (tmp_path / "docs_src" / "v1.0" / "api").mkdir(parents=True)
    (tmp_path / "locales" / "ru-RU" / "v1.0" / "api").mkdir(parents=True)
    (tmp_path / "docs_src" / PAGE).write_text(english, encoding="utf-8")
    (tmp_path / TRANSLATION).write_text(translation, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.doclint]\nsource-root = "docs_src"\nlocales-root = "locales"\n')
    monkeypatch.chdir(tmp_path)
    return tmp_path / TRANSLATION


def _fix(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """The page after ``--fix``, and what the run said on stderr."""
    capsys.readouterr()
    main(["check", "--no-cache", "--jobs", "1", "--fix", TRANSLATION])
    return path.read_text(encoding="utf-8"), capsys.readouterr().err


def _findings(capsys: pytest.CaptureFixture[str], *rules: str) -> list[tuple[int, int, str, bool]]:
    capsys.readouterr()
    main(["check", "--no-cache", "--jobs", "1", "--format", "json", "--select", ",".join(rules), TRANSLATION])
    report = json.loads(capsys.readouterr().out)
    items = report["findings"] if isinstance(report, dict) else report
    return [(item["line"], item["column"], item["name"], "fix" in item) for item in items]


BODY = '## <a name="request-body"></a>Текст запроса\n'

TRANSLATED = """# Обновление

## <a name="http-request"></a>HTTP-запрос
```http
PATCH /things/{id}
```

## <a name="request-headers"></a>Заголовки запросов
| Имя          | Описание               |
|:--------------|:--------------------------|
| Prefer        | return=minimal. Необязательный. |

## <a name="request-body"></a>Текст запроса
| Параметр | Тип | Описание |
|:----------|:-----|:------------|
|color|String|Цвет.|
|owner|String|Владелец.|
"""


def test_missing_rows_are_inserted_in_the_english_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _project(tmp_path, monkeypatch, TRANSLATED)
    assert _findings(capsys, "param-missing", "header-drift") == [
        (9, 1, "header-drift", True),  # Authorization
        (9, 1, "header-drift", True),  # Content-Type
        (14, 1, "param-missing", True),  # displayName
        (14, 1, "param-missing", True),  # weight
    ]
    fixed, said = _fix(path, capsys)
    # Before the first row standing for a later English row, after the row standing for the one before,
    # the description kept in English behind the mark, a `|` in a cell still escaped; `|a|` and `| a |` kept.
    assert fixed == TRANSLATED.replace(
        "| Prefer ",
        "| Authorization | <!-- doclint: translate --> Bearer {token}. Required. |\n"
        "| Content-Type | <!-- doclint: translate --> application/json. Required. |\n"
        "| Prefer ",
    ).replace(
        "|color|String|Цвет.|\n|owner|String|Владелец.|\n",
        "|displayName|String|<!-- doclint: translate --> The name \\| shown to users.|\n"
        "|color|String|Цвет.|\n"
        "|weight|Int32|<!-- doclint: translate --> How heavy it is.|\n"
        "|owner|String|Владелец.|\n",
    )
    assert "fixed 4 findings in 1 file" in said
    # The inserted rows are read as rows; the only findings left are the marks, each English text awaiting
    # translation (awaiting-translation, at the mark); a second --fix changes nothing.
    assert _findings(capsys, "DL6", "DL9", "DL0") == [
        (11, 19, "awaiting-translation", False),
        (12, 18, "awaiting-translation", False),
        (18, 21, "awaiting-translation", False),
        (20, 15, "awaiting-translation", False),
    ]
    assert _fix(path, capsys)[0] == fixed


def test_rows_missing_at_the_end_go_after_the_last_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    translation = BODY + "| Параметр | Тип | Описание |\n|:-|:-|:-|\n|displayName|String|Имя.|\n\nПосле.\n"
    path = _project(tmp_path, monkeypatch, translation)
    fixed, _ = _fix(path, capsys)
    assert fixed == translation.replace(
        "|displayName|String|Имя.|\n",
        "|displayName|String|Имя.|\n"
        "|color|String|<!-- doclint: translate --> The colour of the thing.|\n"
        "|weight|Int32|<!-- doclint: translate --> How heavy it is.|\n"
        "|owner|String|<!-- doclint: translate --> Who owns it.|\n",
    )


def test_a_row_goes_after_the_header_of_a_table_without_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    english = "## Request body\n| Parameter | Type | Description |\n|:-|:-|:-|\n|color|String||\n"
    translation = BODY + "| Параметр | Тип | Описание |\n|:-|:-|:-|\n\nПосле.\n"
    path = _project(tmp_path, monkeypatch, translation, english)
    fixed, _ = _fix(path, capsys)
    # An English row with no description has nothing to translate: it is inserted without the mark.
    assert fixed == translation.replace("|:-|:-|:-|\n", "|:-|:-|:-|\n| color | String |  |\n")


@pytest.mark.parametrize(
    "translation",
    [
        # Another column count than the English table: which cell is which cannot be told.
        BODY + "| Параметр | Описание |\n|:-|:-|\n|color|Цвет.|\n",
        # A table inside a quote: the inserted row would need the quote's prefix.
        BODY + "> | Параметр | Тип | Описание |\n> |:-|:-|:-|\n> |color|String|Цвет.|\n",
        # A row standing for an English row by its place, under a name no fix restores: it may be the missing row.
        BODY + "| Параметр | Тип | Описание |\n|:-|:-|:-|\n|colour|String|Цвет.|\n",
        # A table written without leading bars.
        BODY + "Параметр | Тип | Описание\n:-|:-|:-\ncolor|String|Цвет.\n",
    ],
)
def test_no_row_is_inserted_where_it_could_not_be_written_faithfully(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], translation: str
) -> None:
    path = _project(tmp_path, monkeypatch, translation)
    assert [item[2:] for item in _findings(capsys, "param-missing")] == [("param-missing", False)] * 3
    assert _fix(path, capsys)[0] == translation


def test_no_row_is_inserted_beside_a_row_english_lacks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`Aceptar` may be `Accept` translated: inserting `Accept` would list the header twice."""
    english = "## Request headers\n| Name | Description |\n|:-|:-|\n| Authorization | Required. |\n| Accept | json |\n"
    translation = (
        '## <a name="request-headers"></a>Заголовки\n| Имя | Описание |\n|:-|:-|\n'
        "| Authorization | Обязательный. |\n| Aceptar | json |\n"
    )
    path = _project(tmp_path, monkeypatch, translation, english)
    assert [item[2:] for item in _findings(capsys, "header-drift")] == [("header-drift", False)] * 2
    assert _fix(path, capsys)[0] == translation


TYPES_ENGLISH = """## Request body
| Parameter | Type | Description |
|:--|:--|:--|
|name|String|The name.|
|tags|String collection|The tags.|
|size|Int32|The size.|
|call|[call](../resources/call.md)|The call.|
|labels|String collection|The labels.|
"""
TYPES_TRANSLATED = (
    BODY + "| Параметр | Тип | Описание |\n|:--|:--|:--|\n"
    "|name|**Cadena**|Имя.|\n|tags|Colección de cadenas|Теги.|\n|size|Guid|Размер.|\n"
    "|call|[вызов](../resources/call.md)|Вызов.|\n|labels|字符串集合|Метки.|\n"
)


def test_a_translated_type_name_is_restored_and_another_type_left_to_a_reviewer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _project(tmp_path, monkeypatch, TYPES_TRANSLATED, TYPES_ENGLISH)
    assert _findings(capsys, "type-name-drift") == [
        (4, 7, "type-name-drift", True),
        (5, 7, "type-name-drift", True),  # unsafe: it replaces translated words too
        (6, 7, "type-name-drift", False),  # `Guid` is another type: which page is wrong is for a reviewer
        (7, 7, "type-name-drift", True),
        (8, 9, "type-name-drift", True),  # unsafe: one word here, two in English (`String collection`)
    ]
    fixed, said = _fix(path, capsys)
    assert fixed == TYPES_TRANSLATED.replace("**Cadena**", "**String**").replace("[вызов]", "[call]")
    assert "fixed 2 findings in 1 file" in said
    capsys.readouterr()
    main(["check", "--no-cache", "--jobs", "1", "--fix", "--unsafe-fixes", TRANSLATION])
    assert path.read_text(encoding="utf-8") == fixed.replace("Colección de cadenas", "String collection").replace(
        "字符串集合", "String collection"
    )
    assert _findings(capsys, "type-name-drift") == [(6, 7, "type-name-drift", False)]


def test_the_site_shows_an_inserted_row_without_its_mark(shipped_copy: Path) -> None:
    """The mark is an HTML comment: the built page shows the row, its English description, and no comment."""
    tmp_path = shipped_copy
    ru = "locales/ru-RU/beta/api/call-reject.md"
    main(["check", "--no-cache", "--jobs", "1", "--fix", ru])
    assert main(["build", "--no-cache", "--out", "html", "--jobs", "1", "--locale", "ru-RU", "--fail-on-warning"]) == 0
    html = (tmp_path / "html" / "ru-RU" / "beta" / "api" / "call-reject.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    for finding in soup.select(".doclint-finding"):
        finding.decompose()
    rows = [[" ".join(cell.get_text(" ").split()) for cell in row.select("td")] for row in soup.select("tr")]
    assert ["Content-type", "application/json. Required."] in rows
    callback = next(row for row in rows if row and row[0] == "callbackUri")
    assert callback[:2] == ["callbackUri", "String"] and callback[2].startswith("This allows bots to provide")
    assert "doclint: translate" not in soup.get_text()
