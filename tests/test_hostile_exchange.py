"""doclint import and export against hostile or careless input: each refusal is one line, exit 2, nothing written."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from lint.cli import main

REPO = Path(__file__).resolve().parent.parent
ZH = "locales/zh-CN/beta/api/call-reject.md"
RU = "locales/ru-RU/beta/api/call-reject.md"
FIRST_TARGET = "<target>call： reject</target>"


@pytest.fixture
def project(shipped_copy: Path) -> Path:
    return shipped_copy


def _pages(project: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(project)): p.read_bytes() for p in sorted((project / "locales").rglob("*")) if p.is_file()
    }


@pytest.fixture
def zh_xliff(project: Path) -> str:
    assert main(["export", "--locale", "zh-CN", "--output", "zh.xlf"]) == 0
    text = (project / "zh.xlf").read_text(encoding="utf-8")
    assert FIRST_TARGET in text
    return text


@pytest.fixture
def ru_po(project: Path) -> str:
    assert main(["export", "--locale", "ru-RU", "--format", "po", "--output", "ru.po"]) == 0
    return (project / "ru.po").read_text(encoding="utf-8")


def _refused(project: Path, name: str, content: str | bytes, capsys: pytest.CaptureFixture[str]) -> str:
    """Import ``content``; assert exit 2, one error line, no page changed and no temporary file; the line."""
    before = _pages(project)
    data = content.encode("utf-8") if isinstance(content, str) else content
    (project / name).write_bytes(data)
    capsys.readouterr()
    assert main(["import", name]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1, lines
    assert _pages(project) == before
    return lines[0]


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE xliff [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE xliff SYSTEM "http://127.0.0.1:9/x.dtd">',
        '<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
    ],
    ids=["xxe-file", "external-dtd", "entity-expansion"],
)
def test_an_xliff_with_a_doctype_is_refused_before_any_entity_is_read(
    project: Path, zh_xliff: str, doctype: str, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = zh_xliff.replace("?>\n", "?>\n" + doctype + "\n", 1).replace(FIRST_TARGET, "<target>&e;</target>")
    assert _refused(project, "x.xlf", hostile, capsys) == (
        "doclint: error: x.xlf:1: a DOCTYPE in an XLIFF file is refused (XLIFF 2 has no DTD; entities are not read)"
    )


def test_an_xliff_of_another_version_is_refused(
    project: Path, zh_xliff: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _refused(project, "x.xlf", zh_xliff.replace('version="2.1"', 'version="3.0"'), capsys) == (
        "doclint: error: x.xlf:2: XLIFF version '3.0'; doclint reads XLIFF 2.x"
    )


def test_an_xliff_nested_too_deep_is_a_one_line_error(
    project: Path, zh_xliff: str, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = "<pc id='x' dataRefStart='d1' dataRefEnd='d1'>" * 300 + "x" + "</pc>" * 300
    line = _refused(project, "x.xlf", zh_xliff.replace(FIRST_TARGET, f"<target>{deep}</target>"), capsys)
    assert line.startswith("doclint: error: x.xlf:10: not well-formed XML: Excessive depth in document: 256")


def test_a_unit_that_comes_twice_is_named_with_both_lines(
    project: Path, zh_xliff: str, capsys: pytest.CaptureFixture[str]
) -> None:
    start = zh_xliff.index('<unit id="a821e-104">')
    end = zh_xliff.index("</unit>", start) + len("</unit>")
    twice = zh_xliff[:end] + zh_xliff[start:end].replace("命名空间", "Namespace") + zh_xliff[end:]
    assert _refused(project, "x.xlf", twice, capsys) == (
        f"doclint: error: x.xlf:21: segment a821e-104 of {ZH}: the unit comes twice (also at line 13)"
    )


@pytest.mark.parametrize(
    ("target", "problem"),
    [
        ("call&#13;# reject", "the translation holds a line end ('\\r') its segment does not use"),
        ("call\u2028reject", "the translation holds the control character U+2028 (at offset 4)"),
        ("call\x85reject", "the translation holds the control character U+0085 (at offset 4)"),
        ("call&#x1b;[31mreject", None),  # XML 1.0 cannot carry ESC at all: not well-formed
    ],
    ids=["lone-cr", "line-separator", "nel", "esc"],
)
def test_a_target_with_a_line_end_or_control_character_is_refused(
    project: Path, zh_xliff: str, target: str, problem: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    line = _refused(project, "x.xlf", zh_xliff.replace(FIRST_TARGET, f"<target>{target}</target>"), capsys)
    if problem is None:
        assert line.startswith(
            "doclint: error: x.xlf:10: not well-formed XML: xmlParseCharRef: invalid xmlChar value 27"
        )
    else:
        assert line == f"doclint: error: x.xlf:4: {ZH}: segment a821e-103 (line 15): {problem}"


WRAPPED_EN = '# <a name="sample"></a>Sample title\n\nFirst paragraph line one\ncontinues here.\n'
WRAPPED_RU = '# <a name="sample"></a>Образец\r\n\r\nПервый абзац строка один\r\nпродолжение.\r\n'
WRAPPED_ENTRY = (
    'msgid ""\n"First paragraph line one\\n"\n"continues here."\n'
    'msgstr ""\n"Первый абзац строка один\\r\\n"\n"продолжение."\n'
)


@pytest.fixture
def wrapped(project: Path) -> str:
    """A CRLF translation whose first paragraph is wrapped on two lines, exported as PO."""
    (project / "docs_src/v1.0/api/sample.md").write_text(WRAPPED_EN, encoding="utf-8", newline="")
    page = project / "locales/ru-RU/v1.0/api/sample.md"
    page.parent.mkdir(parents=True)
    page.write_text(WRAPPED_RU, encoding="utf-8", newline="")
    assert main(["export", "--locale", "ru-RU", "--format", "po", "--output", "ru.po"]) == 0
    text = (project / "ru.po").read_text(encoding="utf-8")
    assert WRAPPED_ENTRY in text
    return text


def test_a_blank_line_in_a_wrapped_target_is_refused(
    project: Path, wrapped: str, capsys: pytest.CaptureFixture[str]
) -> None:
    split = wrapped.replace(WRAPPED_ENTRY, WRAPPED_ENTRY.replace("один\\r\\n", "один\\r\\n\\r\\n"))
    line = _refused(project, "x.po", split, capsys)
    assert line.endswith(
        "locales/ru-RU/v1.0/api/sample.md: segment at line 3 (line 3): "
        "the translation holds a blank line, which would end its block"
    )


def test_a_wrapped_target_returned_with_lf_keeps_the_crlf_of_its_page(project: Path, wrapped: str) -> None:
    """Translation tools return every line end as LF: the segment of a CRLF page is written back with CRLF."""
    returned = WRAPPED_ENTRY.replace("один\\r\\n", "один\\n").replace("продолжение.", "и дальше.")
    (project / "x.po").write_text(wrapped.replace(WRAPPED_ENTRY, returned), encoding="utf-8")
    assert main(["import", "x.po"]) == 0
    assert (project / "locales/ru-RU/v1.0/api/sample.md").read_bytes() == WRAPPED_RU.replace(
        "продолжение.", "и дальше."
    ).encode()


def test_a_missing_or_empty_target_leaves_the_page_as_it_is(project: Path, zh_xliff: str) -> None:
    before = _pages(project)
    (project / "x.xlf").write_text(zh_xliff.replace(FIRST_TARGET, "<target/>", 1), encoding="utf-8")
    assert main(["import", "x.xlf"]) == 0
    (project / "y.xlf").write_text(zh_xliff.replace(FIRST_TARGET, "", 1), encoding="utf-8")
    assert main(["import", "y.xlf"]) == 0
    assert _pages(project) == before


def test_comments_in_a_target_are_not_text(project: Path, zh_xliff: str) -> None:
    (project / "x.xlf").write_text(
        zh_xliff.replace(FIRST_TARGET, "<target>call<!-- checked -->：<?tool x?> reject!</target>"), encoding="utf-8"
    )
    assert main(["import", "x.xlf"]) == 0
    assert '<span data-ttu-id="a821e-103">call： reject!</span>' in (project / ZH).read_text(encoding="utf-8")


def test_a_page_outside_the_locales_root_through_a_link_is_refused(
    project: Path, zh_xliff: str, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "page.md"
    shutil.copy(project / ZH, outside)
    (project / "locales/zh-CN/beta/api/linked.md").symlink_to(outside)
    hostile = zh_xliff.replace(f'original="{ZH}"', 'original="locales/zh-CN/beta/api/linked.md"')
    assert _refused(project, "x.xlf", hostile.replace(FIRST_TARGET, "<target>X</target>"), capsys) == (
        f"doclint: error: x.xlf:4: locales/zh-CN/beta/api/linked.md: segment a821e-103: "
        f"not a page under {project / 'locales'}"
    )
    assert outside.read_bytes() == (project / ZH).read_bytes()


def test_a_fifo_named_as_a_page_is_refused_without_blocking(
    project: Path, zh_xliff: str, capsys: pytest.CaptureFixture[str]
) -> None:
    os.mkfifo(project / "locales/zh-CN/beta/api/fifo.md")
    hostile = zh_xliff.replace(f'original="{ZH}"', 'original="locales/zh-CN/beta/api/fifo.md"')
    assert _refused(project, "x.xlf", hostile, capsys) == (
        "doclint: error: locales/zh-CN/beta/api/fifo.md: not a regular file; not read"
    )


def test_a_po_entry_that_comes_twice_is_refused(project: Path, ru_po: str, capsys: pytest.CaptureFixture[str]) -> None:
    entry = f'msgctxt "{RU}:14"\nmsgid "call: reject"\nmsgstr "вызов: отклонено"\n'
    assert entry in ru_po
    twice = ru_po.replace(entry, entry + "\n" + entry.replace("вызов: отклонено", "другое"))
    assert _refused(project, "x.po", twice, capsys) == (
        f"doclint: error: x.po:15: msgctxt '{RU}:14' comes twice with one msgid (also at line 9)"
    )


def test_obsolete_and_untranslated_po_entries_are_skipped(project: Path, ru_po: str) -> None:
    before = _pages(project)
    entry = f'msgctxt "{RU}:14"\nmsgid "call: reject"\nmsgstr "вызов: отклонено"\n'
    obsolete = "".join(f"#~ {line}\n" for line in entry.replace("вызов: отклонено", "УСТАРЕЛО").splitlines())
    (project / "x.po").write_text(ru_po.replace(entry, entry + "\n" + obsolete), encoding="utf-8")
    assert main(["import", "x.po"]) == 0
    (project / "y.po").write_text(ru_po.replace('msgstr "вызов: отклонено"', 'msgstr ""'), encoding="utf-8")
    assert main(["import", "y.po"]) == 0
    assert _pages(project) == before


def test_a_po_target_with_a_control_character_is_refused(
    project: Path, ru_po: str, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = ru_po.replace('msgstr "вызов: отклонено"', 'msgstr "вызов\x1b[31m"')
    assert _refused(project, "x.po", hostile, capsys) == (
        f"doclint: error: x.po:9: {RU}: segment at line 14 (line 14): "
        "the translation holds the control character U+001B (at offset 5)"
    )


def test_a_po_in_the_charset_its_header_declares_is_read(project: Path, ru_po: str) -> None:
    legacy = ru_po.replace("charset=UTF-8", "charset=windows-1251").replace("вызов: отклонено", "вызов: отклонён")
    (project / "x.po").write_bytes(legacy.encode("cp1251", errors="replace"))
    assert main(["import", "x.po"]) == 0
    assert "вызов: отклонён" in (project / RU).read_text(encoding="utf-8")


def test_a_po_that_is_not_in_its_declared_charset_names_the_line(
    project: Path, ru_po: str, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = ru_po.encode("utf-8").replace("вызов: отклонено".encode(), b"\xff\xfe")
    assert _refused(project, "x.po", broken, capsys) == "doclint: error: x.po:13: not valid utf-8 (byte 286)"


def test_a_refused_segment_on_a_second_page_writes_no_page(
    project: Path, zh_xliff: str, ru_po: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """All or nothing: the zh-CN unit is fine, the ru-RU one refused, and neither page changes."""
    assert main(["export", "--locale", "ru-RU", "--output", "ru.xlf"]) == 0
    ru = (project / "ru.xlf").read_text(encoding="utf-8")
    ru_file = ru[ru.index("<file") : ru.index("</file>") + len("</file>")]
    bad_ru = ru_file.replace("<target>вызов: отклонено</target>", "<target>вызов\u2028</target>")
    both = zh_xliff.replace(FIRST_TARGET, "<target>调用：拒绝</target>").replace("</file>", "</file>\n  " + bad_ru, 1)
    line = _refused(project, "x.xlf", both, capsys)
    assert line.endswith("the translation holds the control character U+2028 (at offset 5)")


def test_a_failed_write_of_the_second_page_leaves_the_first_and_no_temporary_file(
    project: Path, zh_xliff: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--locale", "ru-RU", "--output", "ru.xlf"]) == 0
    ru = (project / "ru.xlf").read_text(encoding="utf-8")
    ru_file = ru[ru.index("<file") : ru.index("</file>") + len("</file>")]
    both = zh_xliff.replace(FIRST_TARGET, "<target>调用：拒绝</target>").replace(
        "</file>", "</file>\n  " + ru_file.replace("вызов: отклонено", "вызов: отказ"), 1
    )
    real_chmod = os.chmod

    def full_disk(path: str, mode: int) -> None:
        if "call-reject.md." in str(path) and "ru-RU" in str(path):
            raise OSError(28, "No space left on device")
        real_chmod(path, mode)

    monkeypatch.setattr(os, "chmod", full_disk)
    line = _refused(project, "x.xlf", both, capsys)
    assert line == f"doclint: error: {RU}: cannot write the page: No space left on device"
    leftovers = [p.name for p in (project / "locales").rglob(".*")]
    assert leftovers == []


def test_import_keeps_the_mode_of_the_page_and_writes_through_a_link_inside_the_project(
    project: Path, zh_xliff: str
) -> None:
    real = project / "locales/zh-CN/shared/call-reject.md"
    real.parent.mkdir()
    shutil.move(project / ZH, real)
    (project / ZH).symlink_to(os.path.relpath(real, (project / ZH).parent))
    real.chmod(0o755)
    (project / "x.xlf").write_text(zh_xliff.replace(FIRST_TARGET, "<target>调用：拒绝</target>"), encoding="utf-8")
    assert main(["import", "x.xlf"]) == 0
    assert (project / ZH).is_symlink()
    assert "调用：拒绝" in real.read_text(encoding="utf-8")
    assert real.stat().st_mode & 0o777 == 0o755


@pytest.mark.parametrize("command", ["export", "terms"])
@pytest.mark.parametrize("locale", ["../docs_src", "zh-CN/../../etc", 'x"<y'])
def test_a_locale_that_is_no_locale_name_is_refused(
    project: Path, command: str, locale: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--locale", locale])
    assert exited.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"doclint {command}: error: argument --locale: {locale!r} is not a locale name such as zh-CN"
    )


@pytest.mark.parametrize("command", [["export", "--locale", "zh-CN"], ["terms"]])
def test_an_output_that_is_a_directory_is_a_one_line_error(
    project: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "out").mkdir()
    assert main([*command, "--output", "out"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == "doclint: error: cannot write out: Is a directory"
    assert list((project / "out").iterdir()) == []


def test_a_page_export_fails_on_is_named_and_the_others_exported(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import lint.exchange.export as export

    real = export.page_exchange

    def failing(path: str, text: str, config: object) -> object:
        if path.endswith("ru-RU/beta/api/call-reject.md"):
            raise RecursionError("maximum recursion depth exceeded")
        return real(path, text, config)  # type: ignore[arg-type]

    monkeypatch.setattr(export, "page_exchange", failing)
    (project / "locales/ru-RU/beta/api/other.md").write_bytes((project / ZH).read_bytes())
    assert main(["export", "--locale", "ru-RU", "--output", "ru.xlf"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"doclint: error: {RU}: doclint failed on this page (RecursionError: maximum recursion depth exceeded);"
        " it is not exported"
    ]
    assert 'original="locales/ru-RU/beta/api/other.md"' in (project / "ru.xlf").read_text(encoding="utf-8")


def test_a_pipe_that_would_split_a_table_cell_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--locale", "ru-RU", "--output", "ru.xlf"]) == 0
    text = (project / "ru.xlf").read_text(encoding="utf-8")
    unit = text.index('<unit id="l37c18">')
    start = text.index("<target>", unit) + len("<target>")
    end = text.index("</target>", start)
    assert text[start:end] == "Описание"
    line = _refused(project, "x.xlf", text[:start] + "Описание | вставка" + text[end:], capsys)
    assert line == (
        f"doclint: error: x.xlf:134: {RU}: segment l37c18 (line 37): the translation changes the page's structure"
        " (Markdown or HTML in it splits, merges or moves its block)"
    )


def test_a_closing_tag_that_would_end_a_bilingual_span_early_is_refused(
    project: Path, zh_xliff: str, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = zh_xliff.replace(FIRST_TARGET, "<target>call&lt;/span&gt; reject</target>")
    assert _refused(project, "x.xlf", hostile, capsys) == (
        f"doclint: error: x.xlf:4: {ZH}: segment a821e-103 (line 15): the translation adds the HTML tag </span>"
    )


def test_a_paragraph_turned_into_a_heading_is_refused(
    project: Path, ru_po: str, capsys: pytest.CaptureFixture[str]
) -> None:
    entry = 'msgstr "Для вызова этого API требуется одно из указанных ниже разрешений.'
    assert entry in ru_po
    line = _refused(project, "x.po", ru_po.replace(entry, entry.replace('msgstr "', 'msgstr "# ')), capsys)
    assert line == (
        f"doclint: error: x.po:21: {RU}: segment l21c1 (line 21): the translation changes the page's structure"
        " (Markdown or HTML in it splits, merges or moves its block)"
    )


def test_a_utf16_xliff_with_a_doctype_is_refused_too(
    project: Path, zh_xliff: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The byte scan before parsing misses UTF-16; the parsed document's DOCTYPE is refused all the same."""
    hostile = zh_xliff.replace("encoding='UTF-8'?>\n", "encoding='UTF-16'?>\n<!DOCTYPE xliff [<!ENTITY e \"x\">]>\n")
    assert _refused(project, "x.xlf", hostile.encode("utf-16"), capsys) == (
        "doclint: error: x.xlf:1: a DOCTYPE in an XLIFF file is refused (XLIFF 2 has no DTD; entities are not read)"
    )


@pytest.mark.parametrize("page", ["../../etc/passwd", "/etc/passwd", "locales/../pyproject.toml"])
def test_a_po_entry_naming_a_page_outside_the_locales_root_is_refused(
    project: Path, ru_po: str, page: str, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = ru_po.replace(f'msgctxt "{RU}:14"', f'msgctxt "{page}:14"')
    assert _refused(project, "x.po", hostile, capsys) == (
        f"doclint: error: x.po:9: {page}: segment 14: not a page under {project / 'locales'}"
    )
