"""stale-segment: a bilingual segment whose embedded English the English page no longer has."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.cli import main
from lint.parse.markdown.page import parse
from lint.sentences import plain

ENGLISH_PAGE = """# thing: act

Namespace: microsoft.graph
[!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]

Enable a bot to **reject** an incoming call. See [delete call](../api/call-delete.md) to end
a call that was already answered.

> **Note:** The `/app` path is deprecated.

| Parameter | Type | Description |
|:--|:--|:--|
| period | String | These values follow the format D*n* where *n* is a number of days &amp; more. |

The timeout value is 15 seconds.
"""


def pair(segment: str, text: str, english: str) -> str:
    return (
        f'<span data-ttu-id="a1-{segment}">{text}</span>'
        f'<span class="sxs-lookup"><span data-stu-id="a1-{segment}">{english}</span></span>'
    )


def translation(timeout_english: str = "The timeout value is 15 seconds.") -> str:
    """Each sentence as the localization pipeline writes it, with its own spacing of markup."""
    return "\n".join(
        [
            "# " + pair("101", "Ding: tun", "thing: act"),
            "",
            pair(
                "102",
                "Namespace: microsoft.graph [!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]",
                "Namespace: microsoft.graph [!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]",
            ),
            "",
            pair("103", "Ein Bot **lehnt** einen Anruf ab.", "Enable a bot to **reject** an incoming call.")
            + " "
            + pair(
                "104",
                "Siehe [Anruf löschen](../api/call-delete.md).",
                "See [delete call](../api/call-delete.md) to end a call that was already answered.",
            ),
            "",
            "> "
            + pair("105", "**Hinweis:** Der Pfad `/app` ist veraltet.", "**Note:** The `/app` path is deprecated."),
            "",
            "| "
            + " | ".join(pair(str(106 + index), name, name) for index, name in enumerate(("Parameter", "Type")))
            + " | "
            + pair("108", "Beschreibung", "Description")
            + " |",
            "|:--|:--|:--|",
            "| period | String | "
            + pair(
                "109",
                "Diese Werte haben das Format D *n*, &amp; mehr.",
                "These values follow the format D *n* where *n* is a number of days &amp; more.",
            )
            + " |",
            "",
            pair("110", "Das Zeitlimit beträgt 15 Sekunden.", timeout_english),
            "",
        ]
    )


ENGLISH = "docs_src/v1.0/api/thing-act.md"
GERMAN = "locales/de-DE/v1.0/api/thing-act.md"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docs_src" / "v1.0" / "api").mkdir(parents=True)
    (tmp_path / "locales" / "de-DE" / "v1.0" / "api").mkdir(parents=True)
    (tmp_path / ENGLISH).write_text(ENGLISH_PAGE, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", "--jobs", "1", "--select", "stale-segment", "--no-translations", GERMAN])
    return code, capsys.readouterr().out.splitlines()[:-1]


def test_a_faithful_translation_has_no_stale_segment(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Includes, emphasis, links wrapped over two lines, notes, entities and the pipeline's spacing all match."""
    Path(GERMAN).write_text(translation(), encoding="utf-8")
    assert check(capsys) == (0, [])


def test_english_rewritten_since_is_stale_with_the_nearest_sentence(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path(GERMAN).write_text(translation(), encoding="utf-8")
    Path(ENGLISH).write_text(ENGLISH_PAGE.replace("15 seconds", "30 seconds"), encoding="utf-8")
    assert check(capsys) == (
        0,
        [
            f"{GERMAN}:13:1: warning DL615 stale-segment this segment translates “The timeout value is 15 "
            "seconds.”, which the English page no longer says",
            f"    {ENGLISH}:15:1: the nearest English sentence today: “The timeout value is 30 seconds.”",
        ],
    )


def test_english_with_no_close_sentence(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path(GERMAN).write_text(translation("Bots answer calls in the order they arrive."), encoding="utf-8")
    assert check(capsys) == (
        0,
        [
            f"{GERMAN}:13:1: warning DL615 stale-segment this segment translates “Bots answer calls in the "
            "order they arrive.”, which the English page no longer says (no close sentence)",
            f"    {ENGLISH}:1:1: the English page has no close sentence",
        ],
    )


def test_a_cell_whose_markup_a_pipe_cut_apart_is_not_judged(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``{id|name}`` in a code span ends the cell mid-pair: the cell's "English" then holds translated words."""
    broken = (
        "| Address | string | "
        + pair("120", "Adresse.", "Range address.")
        + ' <span data-ttu-id="a1-121">Ruft man `worksheets/{id|name}/add` auf, gilt das.</span>'
        '<span class="sxs-lookup"><span data-stu-id="a1-121">If you call `worksheets/{id|name}/add`, it holds.'
        "</span></span> |"
    )
    Path(GERMAN).write_text(translation() + "\n| Name | Type | Description |\n|--|--|--|\n" + broken + "\n")
    assert check(capsys) == (0, [])


def test_pages_without_embedded_english_are_not_judged(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path(GERMAN).write_text("# Ding: tun\n\nGanz anderer Text.\n", encoding="utf-8")
    assert check(capsys) == (0, [])


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Enable a bot to **reject** a call.", "enable a bot to reject a call."),
        ("See [delete call](../api/call-delete.md) and ![x](a.png).", "see delete call and x."),
        ("Use `$select`&nbsp;&amp; *n*&lt;br/&gt;then", "use $select & n then"),
        ("A “quoted” word and `a\\_b`.", 'a "quoted" word and a_b.'),
        ("[!INCLUDE [x](../x.md)] Text", "text"),
        ("> [!NOTE]\n> Text  **here** .", "> > text here."),
    ],
)
def test_plain_text_of_markup(written: str, expected: str) -> None:
    assert plain(written) == expected


def test_front_matter_lines_are_recorded() -> None:
    page = parse("---\ntitle: x\n# comment\nms.sourcegitcommit: abc\nlist:\n  - a\n---\n# x\n", "locales/de-DE/x.md")
    assert page.front_matter_lines == {"title": 2, "ms.sourcegitcommit": 4, "list": 5}
