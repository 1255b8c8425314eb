"""Graph Markdown to MyST: each DocFX construct becomes its MyST counterpart, findings follow their block."""

from __future__ import annotations

import re
from pathlib import Path

from lint.diagnostic import Diagnostic, RelatedLocation
from lint.fix.edit import Edit, Fix
from lint.parse.detect import parse_source
from lint.site.convert import ConvertContext, to_myst
from lint.site.convert.common import Companion
from lint.source import decode_source


def _squeeze(text: str) -> str:
    """The MyST with runs of blank lines as one (MyST reads them alike)."""
    return re.sub(r"\n{3,}", "\n\n", text)


def _convert(text: str, **context: object) -> tuple[str, dict[str, str]]:
    path = "docs_src/v1.0/api/page.md"
    page = parse_source(decode_source(path, text.encode()))
    defaults: dict[str, object] = {"page": page, "docname": "v1.0/api/page", "relative": "v1.0/api/page.md"}
    myst = to_myst(text, ConvertContext(**{**defaults, **context}))  # type: ignore[arg-type]
    return _squeeze(myst.text), myst.sources


def test_docfx_tabs_become_one_tab_set_closed_by_the_rule() -> None:
    text = "# t\n\n# [HTTP](#tab/http)\n```http\nGET /me\n```\n# [C#](#tab/csharp)\nvar x;\n\n---\n\nAfter.\n"
    myst, _ = _convert(text)
    assert myst == (
        "\n# t\n\n::::::{tab-set}\n\n:::::{tab-item} HTTP\n:sync: http\n\n````http\nGET /me\n````\n\n:::::\n\n"
        ":::::{tab-item} C\\#\n:sync: csharp\n\nvar x;\n\n:::::\n\n::::::\n\nAfter.\n"
    )


def test_alerts_and_note_callouts_become_admonitions() -> None:
    myst, _ = _convert("# t\n\n> [!WARNING]\n> Mind the gap.\n\n> **Note:** The `/app` path is deprecated.\n")
    assert "::::{warning}\nMind the gap.\n::::" in myst
    assert "::::{note}\nThe `/app` path is deprecated.\n::::" in myst
    assert "[!WARNING]" not in myst and "**Note:**" not in myst


def test_an_include_is_its_file_when_present_and_a_box_when_not(tmp_path: Path) -> None:
    (tmp_path / "includes").mkdir()
    (tmp_path / "includes" / "here.md").write_text("Included **text**.\n", encoding="utf-8")
    text = "# t\n\n[!INCLUDE [here](includes/here.md)]\n\n[!INCLUDE [gone](includes/gone.md)]\n"
    myst, _ = _convert(
        text,
        source_dir=str(tmp_path),
        read_include=lambda path: Path(path).read_text(encoding="utf-8") if Path(path).is_file() else None,
    )
    assert "Included **text**." in myst
    assert "included content not available: `includes/gone.md`" in myst
    assert "[!INCLUDE" not in myst


def test_a_translated_note_loses_its_label_inside_the_bilingual_span() -> None:
    text = (
        '# t\n\n> <span data-ttu-id="a-2">**注意：** 可能缩短。</span><span class="sxs-lookup">'
        '<span data-stu-id="a-2">**Note:** Might be shortened.</span></span>\n'
    )
    myst, _ = _convert(text)
    assert "::::{note}\n[可能缩短。]{#sxs-1 .doclint-sxs}\n::::" in myst


def test_annotations_are_dropped_and_placeholders_are_boxes() -> None:
    text = '# t\n\n<!-- {\n  "blockType": "request"\n} -->\n```json\n{}\n```\n\n{{ Fill Reason Description }}\n'
    myst, _ = _convert(text)
    assert "blockType" not in myst
    assert "{doclint-placeholder}`Fill Reason Description`" in myst


def test_bilingual_spans_show_the_translation_and_keep_the_english_aside() -> None:
    text = (
        '# t\n\n<span data-ttu-id="a-1">使用 `x` 值。</span><span class="sxs-lookup">'
        '<span data-stu-id="a-1">Use the `x` value.</span></span>\n'
    )
    myst, sources = _convert(text)
    assert "[使用 `x` 值。]{#sxs-1 .doclint-sxs}" in myst
    assert "Use the" not in myst
    assert sources == {"sxs-1": "Use the x value."}


def test_links_point_at_built_pages_or_become_text() -> None:
    text = "# t\n\nSee [other](../api/other.md#x), [gone](missing.md), [bad](javascript:alert(1)), [web](https://example.com).\n"
    myst, _ = _convert(text, resolve=lambda relative: "v1.0/api/other" if relative == "v1.0/api/other.md" else None)
    assert "See [other](other.md), gone, bad, [web](https://example.com)." in myst


def test_reference_links_are_resolved_like_inline_links_and_their_definitions_dropped() -> None:
    text = (
        "# t\n\nAdd a [driveItem][] to a [Bundle][b] or [list], not [x][nowhere] nor [plain].\n\n"
        '[b]: ../api/other.md\n[DriveItem]: ../resources/driveItem.md\n[list]: https://example.com/list "Lists"\n\n'
        "```json\n[plain]: not-a-definition.md\n```\n"
    )
    myst, _ = _convert(text, resolve=lambda relative: "v1.0/api/other" if relative == "v1.0/api/other.md" else None)
    assert (
        "Add a driveItem to a [Bundle](other.md) or [list](https://example.com/list), not [x][nowhere] nor [plain]."
        in myst
    )
    assert "]: " not in myst.replace("[plain]: not-a-definition.md", "")  # no definition is left for MyST to resolve
    assert "[plain]: not-a-definition.md" in myst  # a fence's text is the fence's


def test_heading_levels_never_jump_and_the_page_starts_at_h1() -> None:
    myst, _ = _convert("## Title\n\n#### Deep\n")
    assert "\n# Title\n" in myst and "\n## Deep\n" in myst


def test_a_finding_follows_the_block_it_is_on_with_its_english_link() -> None:
    text = "# t\n\n## Response\nThis returns `200 OK`.\nIt has no body.\n\n## Examples\n"
    finding = Diagnostic(
        "DL101",
        "status-prose-mismatch",
        "error",
        "locales/ru-RU/v1.0/api/page.md",
        4,
        15,
        4,
        "the Response section says `200 OK`",
        related=(RelatedLocation("docs_src/v1.0/api/page.md", 9, 1, 9, "the English page says `202 Accepted`"),),
    )
    myst, _ = _convert(
        text,
        findings=(finding,),
        english_href=lambda path, line: f"../../../en-US/v1.0/api/page.html#l{line}",
    )
    assert myst.split("## Examples")[0].endswith(
        "It has no body.\n\n::::{admonition} DL101 status-prose-mismatch · error\n"
        ":class: doclint-finding doclint-error\n\nthe Response section says `200 OK`\n\n"
        "- {doclint-href}`docs_src/v1.0/api/page.md:9 <../../../en-US/v1.0/api/page.html#l9>`: "
        "the English page says `202 Accepted`\n::::\n\n"
    )


def test_a_fixable_finding_says_so_in_its_box() -> None:
    """As the text report's `[*]`: the finding `check --fix` repairs (a safe fix) says which command does."""
    text = "# t\n\n## Response\nThis returns `200 OK`.\n\n## Examples\n"
    path = "locales/ru-RU/v1.0/api/page.md"
    safe, unsafe = Fix((Edit(4, 15, "200 OK", "202 Accepted"),)), Fix((Edit(4, 15, "200 OK", "x"),), safe=False)
    findings = tuple(
        Diagnostic("DL601", "status-drift", "warning", path, 4, 15, 4, f"status {index}", fix=fix)
        for index, fix in enumerate((safe, unsafe, None))
    )
    myst, _ = _convert(text, findings=findings)
    boxes = myst.split("## Examples")[0].split("::::{admonition} ")[1:]
    assert boxes == [
        "DL601 status-drift · warning\n:class: doclint-finding doclint-warning\n\nstatus 0\n\n"
        "fixable with `doclint check --fix`\n::::\n\n",
        "DL601 status-drift · warning\n:class: doclint-finding doclint-warning\n\nstatus 1\n::::\n\n",
        "DL601 status-drift · warning\n:class: doclint-finding doclint-warning\n\nstatus 2\n::::\n\n",
    ]


def test_companions_are_linked_under_the_title() -> None:
    myst, _ = _convert("# t\n\nText.\n", companions=(Companion("PowerShell", "powershell/v1.0/Invoke-X", "Invoke-X"),))
    assert myst.startswith("\n# t\n\n::::{seealso}\n- PowerShell: [Invoke-X](../../powershell/v1.0/Invoke-X.md)\n::::")


def test_an_unclosed_tab_group_and_fence_still_convert() -> None:
    myst, _ = _convert("# t\n\n# [HTTP](#tab/http)\n```http\nGET /me\n")
    assert myst.count("::::::") == 2 and myst.count("````") == 2


def test_the_switcher_says_when_a_translation_is_stale_or_missing() -> None:
    from lint.site.plan import PageJob, switcher_entries

    pages = {
        "en-US": [PageJob("docs_src/v1.0/api/a.md", "v1.0/api/a.md", "v1.0/api/a")],
        "ru-RU": [PageJob("locales/ru-RU/v1.0/api/a.md", "v1.0/api/a.md", "v1.0/api/a")],
        "zh-CN": [],
    }
    entries = switcher_entries(pages, ["en-US", "ru-RU", "zh-CN"], {"locales/ru-RU/v1.0/api/a.md"})
    assert [(entry["locale"], entry["state"], entry["href"]) for entry in entries["en-US"]["v1.0/api/a"]] == [
        ("en-US", "current", ""),
        ("ru-RU", "stale", "../../../ru-RU/v1.0/api/a.html"),
        ("zh-CN", "missing", ""),
    ]
