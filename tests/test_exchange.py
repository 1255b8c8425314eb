"""doclint export (XLIFF 2.1, PO) and doclint import: segments, protected codes, byte-exact round trips."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import polib
import pytest
from lxml import etree

from lint.cli import main

REPO = Path(__file__).resolve().parent.parent
X = "{urn:oasis:names:tc:xliff:document:2.0}"
ZH = "locales/zh-CN/beta/api/call-reject.md"
RU = "locales/ru-RU/beta/api/call-reject.md"
ES = "locales/es-ES/v1.0/api/call-reject.txt"
SHIPPED = sorted(str(path.relative_to(REPO)) for path in (REPO / "locales").rglob("*") if path.is_file())
#: The official OASIS XLIFF 2.1 core schema, unchanged, with the W3C xml.xsd it imports at its relative path.
CORE_SCHEMA = REPO / "tests/fixtures/xliff/xliff_core_2.0.xsd"


@functools.cache
def _xliff_schema() -> etree.XMLSchema:
    """The core schema, loaded with no network and no DTD: its one import is the local xml.xsd."""
    parser = etree.XMLParser(no_network=True, load_dtd=False, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(CORE_SCHEMA), parser))


def schema_errors(document: bytes) -> list[str]:
    """What XLIFF 2.1 core says is wrong with ``document``, each error with its line; empty when valid."""
    schema = _xliff_schema()
    root = etree.fromstring(document, etree.XMLParser(no_network=True, resolve_entities=False))
    schema.validate(root)
    return [f"{error.line}: {error.message}" for error in schema.error_log]


@pytest.fixture
def project(shipped_copy: Path) -> Path:
    return shipped_copy


def _export(locale: str, fmt: str, output: Path) -> None:
    """Export, and hold every XLIFF written to the official schema."""
    assert main(["export", "--locale", locale, "--format", fmt, "--output", str(output)]) == 0
    if fmt == "xliff":
        assert schema_errors(output.read_bytes()) == []


def _unit(root: etree._Element, unit_id: str) -> etree._Element:
    (unit,) = root.iterfind(f".//{X}unit[@id='{unit_id}']")
    return unit


def test_xliff_export_has_one_unit_per_bilingual_segment_with_location_and_protected_codes(project: Path) -> None:
    _export("zh-CN", "xliff", project / "zh.xlf")
    root = etree.parse(str(project / "zh.xlf")).getroot()
    assert (root.tag, root.get("version"), root.get("srcLang"), root.get("trgLang")) == (
        X + "xliff",
        "2.1",
        "en-US",
        "zh-CN",
    )
    assert [f.get("original") for f in root.iterfind(f"{X}file")] == [ZH]
    units = list(root.iter(X + "unit"))
    assert len(units) == 54
    assert len({unit.get("id") for unit in units}) == 54
    first = _unit(root, "a821e-103")
    assert first.findtext(f"{X}notes/{X}note[@category='location']") == f"{ZH}:15"
    assert first.findtext(f"{X}segment/{X}source") == "call: reject"
    assert first.findtext(f"{X}segment/{X}target") == "call： reject"
    note = _unit(root, "a821e-123")
    assert [(d.get("id"), d.text) for d in note.iterfind(f"{X}originalData/{X}data")] == [
        ("d1", "**"),
        ("d2", "`/app`"),
    ]
    source = note.find(f"{X}segment/{X}source")
    assert source is not None
    assert source.text is None
    pc, ph = source
    assert (pc.tag, pc.get("id"), pc.get("dataRefStart"), pc.get("dataRefEnd"), pc.text, pc.tail) == (
        X + "pc",
        "c1",
        "d1",
        "d1",
        "Note:",
        " The ",
    )
    assert (ph.tag, ph.get("id"), ph.get("dataRef"), ph.tail) == (X + "ph", "c2", "d2", " path is deprecated.")


def test_the_schema_rejects_what_xliff_core_forbids() -> None:
    """The validation every export goes through can fail: a unit whose notes follow its segment, a <ph> with
    content and a document without its version are each named by the official schema."""
    good = (
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en-US" trgLang="ru-RU">'
        b'<file id="f1"><unit id="u1"><segment><source>a</source></segment></unit></file></xliff>'
    )
    assert schema_errors(good) == []
    misordered = good.replace(b"</segment></unit>", b"</segment><notes><note>n</note></notes></unit>")
    (error,) = schema_errors(misordered)
    assert "notes" in error and "This element is not expected" in error
    with_content = good.replace(b"<source>a</source>", b'<source><ph id="c1">x</ph></source>')
    (error,) = schema_errors(with_content)
    assert "ph" in error
    versionless = good.replace(b' version="2.1"', b"")
    (error,) = schema_errors(versionless)
    assert "version" in error and "is required" in error


def test_xliff_export_follows_the_core_structure(project: Path) -> None:
    """What the schema cannot check (references between ids): element order, ids, references."""
    _export("zh-CN", "xliff", project / "zh.xlf")
    root = etree.parse(str(project / "zh.xlf")).getroot()
    for file_element in root.iterfind(f"{X}file"):
        assert file_element.get("id")
        for unit in file_element:
            assert unit.tag == X + "unit"
            data = {d.get("id") for d in unit.iterfind(f"{X}originalData/{X}data")}
            for part in ("source", "target"):
                (element,) = unit.iterfind(f"{X}segment/{X}{part}")
                for ph in element.iter(f"{X}ph"):
                    assert ph.get("dataRef") in data
                for pc in element.iter(f"{X}pc"):
                    assert {pc.get("dataRefStart"), pc.get("dataRefEnd")} <= data
                ids = [code.get("id") for code in element.iter(f"{X}ph", f"{X}pc")]
                assert len(ids) == len(set(ids))


def test_po_export_puts_page_line_in_msgctxt_and_flags_identifiers(project: Path) -> None:
    _export("zh-CN", "po", project / "zh.po")
    catalogue = polib.pofile(str(project / "zh.po"))
    assert len(catalogue) == 54
    entry = catalogue[0]
    assert (entry.msgctxt, entry.msgid, entry.msgstr, entry.flags) == (f"{ZH}:15", "call: reject", "call： reject", [])
    (flagged,) = [e for e in catalogue if e.msgid == "Going forward, use the `/communications` path."]
    assert flagged.flags == ["no-translate"]
    assert "no-translate: `/communications`" in flagged.comment


@pytest.mark.parametrize("fmt", ["xliff", "po"])
def test_round_trip_leaves_every_shipped_locale_page_byte_identical(
    project: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """zh-CN's 54 embedded segments and ru-RU's 30 aligned ones go out and back; the es-ES plain-text
    rendering is named and not exported."""
    before = {page: (project / page).read_bytes() for page in SHIPPED}
    assert len(before) == 3
    for locale, count in (("zh-CN", 54), ("ru-RU", 30)):
        exported = project / f"{locale}.{'xlf' if fmt == 'xliff' else 'po'}"
        _export(locale, fmt, exported)
        assert main(["import", str(exported)]) == 0
        assert capsys.readouterr().out == ""
        if fmt == "po":
            assert len(polib.pofile(str(exported))) == count
        else:
            assert len(etree.parse(str(exported)).getroot().findall(f".//{X}unit")) == count
    assert main(["export", "--locale", "es-ES", "--format", fmt, "--output", "es-ES.out"]) == 2
    assert capsys.readouterr().err == (
        f"doclint: note: {ES}: a text rendering: only Markdown pages are exported; it is not exported\n"
        "doclint: error: no segments to export: no page of es-ES has a segment aligned with its English\n"
    )
    assert not (project / "es-ES.out").exists()
    assert {page: (project / page).read_bytes() for page in SHIPPED} == before


#: The ru-RU page's aligned segments: (line, English block, translation as written).
RU_SEGMENTS = [
    (14, "call: reject", "вызов: отклонено"),
    (20, "Permissions", "Разрешения"),
    (
        21,
        "One of the following permissions is required to call this API. To learn more, including how to choose "
        "permissions, see [Permissions](/graph/permissions-reference).",
        "Для вызова этого API требуется одно из указанных ниже разрешений. Дополнительные сведения, включая "
        "сведения о том, как выбрать разрешения, см. в статье [Разрешения](/graph/permissions-reference).",
    ),
    (23, "Permission type", "Тип разрешения"),
    (23, "Permissions (from least to most privileged)", "Разрешения (в порядке повышения привилегий)"),
    (25, "Delegated (work or school account)", "Делегированные (рабочая или учебная учетная запись)"),
    (25, "Not Supported", "Не поддерживается"),
    (26, "Delegated (personal Microsoft account)", "Делегированные (личная учетная запись Майкрософт)"),
    (26, "Not Supported", "Не поддерживается"),
    (27, "Application", "Для приложений"),
    (27, "None", "Нет"),
    (29, "HTTP request", "HTTP-запрос"),
    (36, "Request headers", "Заголовки запросов"),
    (37, "Name", "Имя"),
    (37, "Description", "Описание"),
    (39, "Bearer {token}. Required.", "Bearer {токен}. Обязательный."),
    (41, "Request body", "Текст запроса"),
    (
        42,
        "In the request body, provide a JSON object with the following parameters.",
        "В тексте запроса предоставьте JSON-объект с указанными ниже параметрами.",
    ),
    (44, "Parameter", "Параметр"),
    (44, "Type", "Тип"),
    (44, "Description", "Описание"),
    (46, "The rejection reason. Possible values are `None`, `Busy` and `Forbidden`", "Причина отклонения."),
    (48, "Response", "Отклик"),
    (
        49,
        "If successful, this method returns a `202 Accepted` response code. It does not return anything in the "
        "response body.",
        "В случае успешного выполнения этот метод возвращает код отклика `200 OK`. В тексте отклика не "
        "возвращается никаких данных.",
    ),
    (55, "Examples", "Пример"),
    (
        56,
        "The following examples show how to call this API.",
        "В приведенном ниже примере показано, как вызывать этот API.",
    ),
    (58, "Notification - incoming", "Уведомление — входящий"),
    (111, "Request", "Запрос"),
    (128, "Response", "Отклик"),
    (150, "Notification - deleted", "Уведомление удалено"),
]


def test_a_page_without_inline_english_exports_its_blocks_aligned_with_the_english_page(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Headings by anchor, cells by table/row/column (names and types are not prose), paragraphs by order in
    aligned sections. Left out: the intro paragraph (English has four), the two example captions English lacks,
    and the SDK heading of a section English lacks."""
    _export("ru-RU", "po", project / "ru.po")
    assert capsys.readouterr().err == f"doclint: note: {RU}: 4 blocks not aligned with the English page left out\n"
    entries = polib.pofile(str(project / "ru.po"))
    assert [(int(e.msgctxt.split(":")[1].split("#")[0]), e.msgid, e.msgstr) for e in entries] == RU_SEGMENTS
    _export("ru-RU", "xliff", project / "ru.xlf")
    root = etree.parse(str(project / "ru.xlf")).getroot()
    unit = _unit(root, "l46c18")
    assert unit.findtext(f"{X}notes/{X}note[@category='location']") == f"{RU}:46"
    assert [d.text for d in unit.iterfind(f"{X}originalData/{X}data")] == ["`None`", "`Busy`", "`Forbidden`"]


def test_import_into_an_aligned_page_writes_only_that_block(project: Path) -> None:
    _export("ru-RU", "xliff", project / "ru.xlf")
    text = (project / "ru.xlf").read_text(encoding="utf-8")
    (project / "ru.xlf").write_text(
        text.replace("<target>Причина отклонения.</target>", "<target>Причина отказа.</target>"), encoding="utf-8"
    )
    before = (project / RU).read_bytes()
    assert main(["import", "ru.xlf"]) == 0
    old = "|Причина отклонения.|".encode()
    assert old in before
    assert (project / RU).read_bytes() == before.replace(old, "|Причина отказа.|".encode())


def test_import_refuses_a_segment_whose_english_page_block_changed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _export("ru-RU", "xliff", project / "ru.xlf")
    english = project / "docs_src/beta/api/call-reject.md"
    english.write_bytes(english.read_bytes().replace(b"provide a JSON object", b"supply a JSON object"))
    capsys.readouterr()
    before = (project / RU).read_bytes()
    assert main(["import", "ru.xlf"]) == 2
    assert capsys.readouterr().err == (
        f"doclint: error: ru.xlf:161: {RU}: segment l42c1 (line 42): its English no longer matches "
        "the English page's aligned "
        "block: 'In the request body, supply a JSON object with the following parameters.'\n"
    )
    assert (project / RU).read_bytes() == before


SAMPLE_EN = (
    '# <a name="sample"></a>Sample title\n\nFirst paragraph line one\ncontinues here.\n\n- Item one\n- Item two\n'
    '  continued.\n\n> **Note:** Be careful.\n\n## <a name="prerequisites"></a>Prerequisites\n\n'
    "|Permission type|Permissions|\n|:---|:---|\n|Application|User.Read.All|\n\n> **Note:** Line one\n> line two.\n\n"
    '## <a name="response"></a>Response\n\nOne paragraph.\n\nAnother paragraph.\n'
)
SAMPLE_RU = (
    '# <a name="sample"></a>Образец\r\n\r\nПервый абзац строка один\r\nпродолжение.\r\n\r\n- Пункт один\r\n'
    "- Пункт два\r\n  продолжение.\r\n\r\n> **Примечание:** Осторожно.\r\n\r\n"
    '## <a name="prerequisites"></a>Требования\r\n\r\n|Тип разрешения|Разрешения|\r\n|:---|:---|\r\n'
    "|Для приложений|User.Read.All|\r\n\r\n> **Примечание:** Строка один\r\n> строка два.\r\n\r\n"
    '## <a name="response"></a>Отклик\r\n\r\nОдин абзац.\r\n'
)


@pytest.mark.parametrize("fmt", ["xliff", "po"])
def test_paragraphs_list_items_and_notes_align_in_order_and_keep_their_line_breaks(
    project: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A wrapped paragraph, list item or note is one block (its line break and indent kept as written, CRLF
    here); a table whose translated header makes it no permissions table still pairs with the English one in
    its section; a section with fewer paragraphs than its English has none aligned, and says so."""
    (project / "docs_src/v1.0/api/sample.md").write_text(SAMPLE_EN, encoding="utf-8", newline="")
    page = project / "locales/ru-RU/v1.0/api/sample.md"
    page.parent.mkdir(parents=True)
    page.write_text(SAMPLE_RU, encoding="utf-8", newline="")
    exported = project / f"ru.{fmt}"
    _export("ru-RU", fmt, exported)
    assert capsys.readouterr().err.splitlines()[1] == (
        "doclint: note: locales/ru-RU/v1.0/api/sample.md: 1 block not aligned with the English page left out"
    )
    from lint.exchange.po import read_po
    from lint.exchange.xliff import read_xliff

    if fmt == "po":
        returned = read_po(str(exported), exported.read_text(encoding="utf-8"))
    else:
        returned = read_xliff(str(exported), exported.read_bytes())
    assert [(s.source, s.target) for s in returned if s.page.endswith("sample.md")] == [
        ("Sample title", "Образец"),
        ("First paragraph line one\ncontinues here.", "Первый абзац строка один\r\nпродолжение."),
        ("Item one", "Пункт один"),
        ("Item two\n  continued.", "Пункт два\r\n  продолжение."),
        ("**Note:** Be careful.", "**Примечание:** Осторожно."),
        ("Prerequisites", "Требования"),
        ("Permission type", "Тип разрешения"),
        ("Permissions", "Разрешения"),
        ("Application", "Для приложений"),
        ("User.Read.All", "User.Read.All"),
        ("**Note:** Line one\n> line two.", "**Примечание:** Строка один\r\n> строка два."),
        ("Response", "Отклик"),
    ]
    assert main(["import", str(exported)]) == 0
    assert page.read_bytes() == SAMPLE_RU.encode()


def test_import_writes_only_the_translated_span(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _export("zh-CN", "xliff", project / "zh.xlf")
    text = (project / "zh.xlf").read_text(encoding="utf-8")
    (project / "zh.xlf").write_text(
        text.replace("<target>使机器人能够拒绝传入呼叫。</target>", "<target>新译文。</target>")
    )
    before = (project / ZH).read_bytes()
    assert main(["import", "zh.xlf"]) == 0
    assert capsys.readouterr().out == f"updated {ZH}\n"
    old = '<span data-ttu-id="a821e-105">使机器人能够拒绝传入呼叫。</span>'.encode()
    assert (project / ZH).read_bytes() == before.replace(old, '<span data-ttu-id="a821e-105">新译文。</span>'.encode())


def test_import_refuses_a_segment_whose_english_changed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _export("zh-CN", "po", project / "zh.po")
    catalogue = polib.pofile(str(project / "zh.po"))
    catalogue[2].msgid = "Enable a bot to refuse an incoming call."
    catalogue[2].msgstr = "新译文。"
    catalogue.save(str(project / "zh.po"))
    before = (project / ZH).read_bytes()
    assert main(["import", "zh.po"]) == 2
    assert capsys.readouterr().err == (
        f"doclint: error: zh.po:21: {ZH}: segment at line 21: no such segment in the page "
        "(the page or its English changed since the export)\n"
    )
    assert (project / ZH).read_bytes() == before


def test_import_refuses_altered_english_in_xliff(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _export("zh-CN", "xliff", project / "zh.xlf")
    text = (project / "zh.xlf").read_text(encoding="utf-8")
    (project / "zh.xlf").write_text(text.replace("<source>Enable a bot", "<source>Allow a bot"))
    before = (project / ZH).read_bytes()
    assert main(["import", "zh.xlf"]) == 2
    assert capsys.readouterr().err == (
        f"doclint: error: zh.xlf:22: {ZH}: segment a821e-105 (line 21): its English no longer matches the page: "
        "'Enable a bot to reject an incoming call.'\n"
    )
    assert (project / ZH).read_bytes() == before


def test_import_refuses_altered_protected_codes(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _export("zh-CN", "xliff", project / "zh.xlf")
    text = (project / "zh.xlf").read_text(encoding="utf-8")
    dropped = text.replace(
        '<target>今后将使用 <ph id="c1" dataRef="d1" disp="`/communications`"/> 路径。', "<target>今后将使用新路径。"
    )
    assert dropped != text
    (project / "zh.xlf").write_text(dropped)
    before = (project / ZH).read_bytes()
    assert main(["import", "zh.xlf"]) == 2
    assert capsys.readouterr().err == (
        f"doclint: error: zh.xlf:199: {ZH}: segment a821e-124 (line 42): protected codes altered: "
        "none where the English has "
        "`/communications`\n"
    )
    assert (project / ZH).read_bytes() == before


def test_import_of_malformed_xliff_is_a_tool_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "bad.xlf").write_text("<xliff><file>")
    assert main(["import", "bad.xlf"]) == 2
    assert capsys.readouterr().err.startswith("doclint: error: bad.xlf:1: not well-formed XML")


def test_findings_on_a_segment_become_its_notes(project: Path) -> None:
    """The zh-CN page's one finding (DL503 at 55:240, the start of the `reason` description cell) is a note
    of the segment that starts there, and of no other."""
    _export("zh-CN", "xliff", project / "zh.xlf")
    root = etree.parse(str(project / "zh.xlf")).getroot()
    noted = {
        unit.get("id"): [note.text for note in unit.iterfind(f"{X}notes/{X}note[@category='finding']")]
        for unit in root.iter(X + "unit")
        if unit.find(f"{X}notes/{X}note[@category='finding']") is not None
    }
    assert list(noted) == ["a821e-141"]
    (note,) = noted["a821e-141"]
    assert note.startswith(f"DL503 enum-case ({ZH}:55:240): the `reason` row lists `None`, `Busy`, `Forbidden`")
    _export("zh-CN", "po", project / "zh.po")
    (entry,) = [e for e in polib.pofile(str(project / "zh.po")) if e.msgid == "The rejection reason."]
    assert entry.comment.splitlines()[1].startswith(f"DL503 enum-case ({ZH}:55:240)")


def _pair(segment_id: str, target: str, source: str) -> str:
    """One bilingual span pair, as Graph's machine-translated pages write it."""
    return (
        f'<span data-ttu-id="{segment_id}">{target}</span>'
        f'<span class="sxs-lookup"><span data-stu-id="{segment_id}">{source}</span></span>'
    )


DUPLICATES = (
    f'# <a name="t"></a>{_pair("x-1", "标题", "Title")}\n\n'
    f"| {_pair('x-2', '名称', 'Name')} | {_pair('x-3', '类型', 'Type')} |\n"
    "|:---|:---|\n"
    f"| {_pair('x-4', '用户', 'user')} | {_pair('x-5', 'user', 'user')} |\n"
)


def test_po_tells_identical_sentences_of_one_line_apart(project: Path) -> None:
    """Two cells with the same English on one line (seen in the paired corpus) keep their own translations."""
    page = project / "locales/zh-CN/beta/api/duplicates.md"
    page.write_text(DUPLICATES, encoding="utf-8")
    _export("zh-CN", "po", project / "zh.po")
    entries = [e for e in polib.pofile(str(project / "zh.po")) if "duplicates.md" in (e.msgctxt or "")]
    place = "locales/zh-CN/beta/api/duplicates.md"
    assert [(e.msgctxt, e.msgid, e.msgstr) for e in entries][-2:] == [
        (f"{place}:5", "user", "用户"),
        (f"{place}:5#2", "user", "user"),
    ]
    assert main(["import", "zh.po"]) == 0
    assert page.read_text(encoding="utf-8") == DUPLICATES


def test_import_writes_no_page_outside_the_locales_root(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _export("zh-CN", "xliff", project / "zh.xlf")
    shutil.copy(project / ZH, project / "elsewhere.md")
    text = (project / "zh.xlf").read_text(encoding="utf-8")
    (project / "zh.xlf").write_text(text.replace(f'original="{ZH}"', 'original="elsewhere.md"'))
    assert main(["import", "zh.xlf"]) == 2
    assert capsys.readouterr().err.startswith(
        "doclint: error: zh.xlf:4: elsewhere.md: segment a821e-103: not a page under "
    )


def test_export_of_a_character_xml_cannot_carry_is_a_tool_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = project / ZH
    page.write_bytes(page.read_bytes().replace("使机器人能够拒绝传入呼叫。".encode(), "使机器人\x0c。".encode()))
    assert main(["export", "--locale", "zh-CN", "--output", "zh.xlf"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"doclint: error: {ZH}:21: segment a821e-105 cannot be written as XML: ")
    assert not (project / "zh.xlf").exists()


INLINE = (
    f"{_pair('m-1', '使用 [删除呼叫](call-delete.md) 结束。', 'Use [delete call](call-delete.md) to end.')}\n\n"
    f"{_pair('m-2', '<b>注意</b>：见 `id`<br/>![图](a.png)', '<b>Note</b>: see `id`<br/>![image](a.png)')}\n\n"
    + _pair("m-3", "**[链接 `x`](https://a.b/(c))** 与 \\*星", "**[link `x`](https://a.b/(c))** and \\*star")
    + "\n"
    + _pair("m-4", "**全部**", "**All**")
    + "\n"
)


def test_paired_markup_becomes_pc_and_standalone_markup_ph(project: Path) -> None:
    """Links, bold and inline HTML keep their words translatable inside <pc>; code spans, images and <br/> are
    <ph>; target codes take the ids of the source codes with the same markup. A segment that is one code
    (m-4) gets no indentation inside it, which would change its text."""
    (project / "locales/zh-CN/beta/api/inline.md").write_text(INLINE, encoding="utf-8")
    _export("zh-CN", "xliff", project / "zh.xlf")
    root = etree.parse(str(project / "zh.xlf")).getroot()

    def shape(unit_id: str, part: str) -> str:
        (element,) = _unit(root, unit_id).iterfind(f"{X}segment/{X}{part}")
        text = etree.tostring(element, encoding="unicode", with_tail=False)
        return text.replace(' xmlns="urn:oasis:names:tc:xliff:document:2.0"', "")

    def data(unit_id: str) -> list[str | None]:
        return [d.text for d in _unit(root, unit_id).iterfind(f"{X}originalData/{X}data")]

    assert data("m-1") == ["[", "](call-delete.md)"]
    assert shape("m-1", "target") == (
        '<target>使用 <pc id="c1" dataRefStart="d1" dataRefEnd="d2">删除呼叫</pc> 结束。</target>'
    )
    assert data("m-2") == ["<b>", "</b>", "`id`", "<br/>", "![image](a.png)", "![图](a.png)"]
    assert shape("m-2", "source") == (
        '<source><pc id="c1" dataRefStart="d1" dataRefEnd="d2">Note</pc>: see <ph id="c2" dataRef="d3" disp="`id`"/>'
        '<ph id="c3" dataRef="d4" disp="&lt;br/&gt;"/><ph id="c4" dataRef="d5" disp="![image](a.png)"/></source>'
    )
    assert shape("m-2", "target") == (
        '<target><pc id="c1" dataRefStart="d1" dataRefEnd="d2">注意</pc>：见 <ph id="c2" dataRef="d3" disp="`id`"/>'
        '<ph id="c3" dataRef="d4" disp="&lt;br/&gt;"/><ph id="c5" dataRef="d6" disp="![图](a.png)"/></target>'
    )
    assert data("m-3") == ["**", "[", "`x`", "](https://a.b/(c))"]
    assert shape("m-3", "target") == (
        '<target><pc id="c1" dataRefStart="d1" dataRefEnd="d1"><pc id="c2" dataRefStart="d2" dataRefEnd="d4">'
        '链接 <ph id="c3" dataRef="d3" disp="`x`"/></pc></pc> 与 \\*星</target>'
    )
    assert shape("m-4", "source") == '<source><pc id="c1" dataRefStart="d1" dataRefEnd="d1">All</pc></source>'
    before = (project / "locales/zh-CN/beta/api/inline.md").read_bytes()
    for fmt, name in (("xliff", "zh.xlf"), ("po", "zh.po")):
        _export("zh-CN", fmt, project / name)
        assert main(["import", name]) == 0
        assert (project / "locales/zh-CN/beta/api/inline.md").read_bytes() == before


def test_po_lists_paired_and_standalone_markup_to_keep(project: Path) -> None:
    (project / "locales/zh-CN/beta/api/inline.md").write_text(INLINE, encoding="utf-8")
    _export("zh-CN", "po", project / "zh.po")
    (entry,) = [e for e in polib.pofile(str(project / "zh.po")) if e.msgid.startswith("<b>Note</b>")]
    assert (entry.msgstr, entry.flags) == ("<b>注意</b>：见 `id`<br/>![图](a.png)", ["no-translate"])
    assert entry.comment.splitlines()[1] == "no-translate: <b> </b> `id` <br/> ![image](a.png)"


def test_import_refuses_a_target_that_lost_a_pc_code(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _export("zh-CN", "xliff", project / "zh.xlf")
    text = (project / "zh.xlf").read_text(encoding="utf-8")
    flattened = text.replace(
        '<target>使用 <pc id="c1" dataRefStart="d1" dataRefEnd="d2">删除呼叫</pc> 结束呼叫。</target>',
        "<target>使用删除呼叫结束呼叫。</target>",
    )
    assert flattened != text
    (project / "zh.xlf").write_text(flattened, encoding="utf-8")
    before = (project / ZH).read_bytes()
    assert main(["import", "zh.xlf"]) == 2
    assert capsys.readouterr().err == (
        f"doclint: error: zh.xlf:70: {ZH}: segment a821e-110 (line 25): protected codes altered: "
        "none where the English has "
        "[ ](../api/call-delete.md)\n"
    )
    assert (project / ZH).read_bytes() == before


def test_import_refuses_a_po_translation_that_altered_a_link(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _export("zh-CN", "po", project / "zh.po")
    catalogue = polib.pofile(str(project / "zh.po"))
    (entry,) = [e for e in catalogue if e.msgid == "Use [delete call](../api/call-delete.md) to end a call."]
    entry.msgstr = "使用 [删除呼叫](../api/call-remove.md) 结束呼叫。"
    catalogue.save(str(project / "zh.po"))
    before = (project / ZH).read_bytes()
    assert main(["import", "zh.po"]) == 2
    assert capsys.readouterr().err == (
        f"doclint: error: zh.po:59: {ZH}: segment at line 25 (line 25): protected codes altered: "
        "[ ](../api/call-remove.md) "
        "where the English has [ ](../api/call-delete.md)\n"
    )
    assert (project / ZH).read_bytes() == before


def test_a_cell_whose_row_breaks_across_lines_is_left_out_not_misplaced(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The model joins a row broken across lines into one cell; its text is then nowhere in the file as is,
    so a translation written back would replace the wrong characters (seen in two ru-RU intune pages)."""
    english = '## <a name="request-body"></a>Request body\n\n|Property|Type|Description|\n|:---|:---|:---|\n'
    (project / "docs_src/v1.0/api/broken.md").write_text(english + "|name|String|The name. Read-only.|\n")
    page = project / "locales/ru-RU/v1.0/api/broken.md"
    page.parent.mkdir(parents=True)
    translated = '## <a name="request-body"></a>Текст\n\n|Свойство|Тип|Описание|\n|:---|:---|:---|\n'
    page.write_text(translated + "|name|String|Имя.\n Только для чтения.|\n", encoding="utf-8")
    before = page.read_bytes()
    _export("ru-RU", "po", project / "ru.po")
    assert capsys.readouterr().err.splitlines()[1] == (
        "doclint: note: locales/ru-RU/v1.0/api/broken.md: 1 block not aligned with the English page left out"
    )
    entries = [e for e in polib.pofile(str(project / "ru.po")) if "broken.md" in (e.msgctxt or "")]
    assert [e.msgid for e in entries] == ["Request body", "Property", "Type", "Description"]
    assert main(["import", "ru.po"]) == 0
    assert page.read_bytes() == before


def test_name_and_type_cells_of_a_row_english_lacks_are_not_counted_as_unaligned(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A newer translation documents a property English does not: its description is left out (counted), its
    name and translated type (`Cadena`) are no prose, whatever the row."""
    english = '## <a name="request-body"></a>Request body\n\n|Property|Type|Description|\n|:---|:---|:---|\n'
    (project / "docs_src/v1.0/api/newer.md").write_text(english + "|name|String|The name.|\n")
    page = project / "locales/es-ES/v1.0/api/newer.md"
    translated = '## <a name="request-body"></a>Cuerpo\n\n|Propiedad|Tipo|Descripción|\n|:---|:---|:---|\n'
    page.write_text(translated + "|name|Cadena|El nombre.|\n|extra|Cadena|Otro.|\n", encoding="utf-8")
    _export("es-ES", "po", project / "es.po")
    assert capsys.readouterr().err.splitlines()[1] == (
        "doclint: note: locales/es-ES/v1.0/api/newer.md: 1 block not aligned with the English page left out"
    )
    entries = [e for e in polib.pofile(str(project / "es.po")) if "newer.md" in (e.msgctxt or "")]
    assert [(e.msgid, e.msgstr) for e in entries] == [
        ("Request body", "Cuerpo"),
        ("Property", "Propiedad"),
        ("Type", "Tipo"),
        ("Description", "Descripción"),
        ("The name.", "El nombre."),
    ]


def test_paragraphs_of_unequal_sections_pair_around_blocks_with_the_same_links(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """English gained a "Namespace" line and a closing paragraph: five paragraphs against three. The ones with
    the same links are anchors; between them, one paragraph on each side pairs; the rest of English is left."""
    (project / "docs_src/v1.0/api/intro.md").write_text(
        "# Delete webApp\n\nNamespace: microsoft.graph\n\nDeletes a [webApp](webapp.md).\n\nIt is gone.\n\n"
        "See [c](c.md).\n\nNew closing words.\n"
    )
    page = project / "locales/es-ES/v1.0/api/intro.md"
    page.write_text(
        "# Eliminar webApp\n\nElimina un [webApp](webapp.md).\n\nYa no está.\n\nVea [c](c.md).\n", encoding="utf-8"
    )
    _export("es-ES", "po", project / "es.po")
    assert "intro.md" not in capsys.readouterr().err
    entries = [e for e in polib.pofile(str(project / "es.po")) if "intro.md" in (e.msgctxt or "")]
    assert [(e.msgid, e.msgstr) for e in entries] == [
        ("Delete webApp", "Eliminar webApp"),
        ("Deletes a [webApp](webapp.md).", "Elimina un [webApp](webapp.md)."),
        ("It is gone.", "Ya no está."),
        ("See [c](c.md).", "Vea [c](c.md)."),
    ]


def test_blocks_sharing_their_links_are_no_anchors(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two translated paragraphs with the same link could each stand for the English one: neither is paired."""
    (project / "docs_src/v1.0/api/twice.md").write_text("# T\n\nIntro.\n\nSee [a](x.md).\n")
    page = project / "locales/es-ES/v1.0/api/twice.md"
    page.write_text("# T\n\nVea [a](x.md).\n\nO [b](x.md).\n\nFin.\n", encoding="utf-8")
    _export("es-ES", "po", project / "es.po")
    assert capsys.readouterr().err.splitlines()[1] == (
        "doclint: note: locales/es-ES/v1.0/api/twice.md: 3 blocks not aligned with the English page left out"
    )


PAIRED = REPO / "tests/fixtures/exchange/paired"


@pytest.fixture
def paired(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the committed sample of the paired corpus (12 pages in en-US, ru-RU, zh-CN), as a project."""
    shutil.copytree(PAIRED, tmp_path / "paired")
    monkeypatch.chdir(tmp_path / "paired")
    return tmp_path / "paired"


@pytest.mark.parametrize("fmt", ["xliff", "po"])
@pytest.mark.parametrize(("locale", "pages", "segments"), [("ru-RU", 12, 460), ("zh-CN", 12, 455)])
def test_round_trip_of_a_sample_of_the_paired_corpus_is_byte_identical(
    paired: Path, fmt: str, locale: str, pages: int, segments: int, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {path: path.read_bytes() for path in (paired / "locales").rglob("*.md")}
    assert len(before) == 24
    exported = paired / f"{locale}.{fmt}"
    _export(locale, fmt, exported)
    assert capsys.readouterr().err == ""
    if fmt == "po":
        entries = polib.pofile(str(exported))
        assert (len({e.occurrences[0][0] for e in entries}), len(entries)) == (pages, segments)
    else:
        root = etree.parse(str(exported)).getroot()
        assert (len(root.findall(f"{X}file")), len(root.findall(f".//{X}unit"))) == (pages, segments)
    assert main(["import", str(exported)]) == 0
    assert capsys.readouterr().out == ""
    assert {path: path.read_bytes() for path in (paired / "locales").rglob("*.md")} == before


def test_english_that_fix_copied_goes_out_as_untranslated_and_comes_back_without_its_mark(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--fix restores a missing row in English behind the mark; export hands that text out as work to do
    (XLIFF state "initial", PO "fuzzy"), and its translation, imported, replaces the English and the mark."""
    main(["check", "--no-cache", "--jobs", "1", "--fix", RU])
    marked = "| Content-type | <!-- doclint: translate --> application/json. Required. |"
    assert marked in (project / RU).read_text(encoding="utf-8")
    _export("ru-RU", "xliff", project / "ru.xlf")
    tree = etree.parse(str(project / "ru.xlf"))
    states = {unit.get("id"): unit.find(f"{X}segment").get("state") for unit in tree.iter(X + "unit")}
    assert [unit for unit, state in states.items() if state == "initial"] == ["l40c18", "l48c21"]
    assert set(states.values()) == {"initial", "translated"}
    _export("ru-RU", "po", project / "ru.po")
    fuzzy = [entry.msgid for entry in polib.pofile(str(project / "ru.po")) if entry.fuzzy]
    assert fuzzy[0] == "application/json. Required." and len(fuzzy) == 2
    catalogue = polib.pofile(str(project / "ru.po"))
    draft = next(entry for entry in catalogue if entry.fuzzy)
    draft.msgstr = "application/json. Обязательный (черновик)."
    catalogue.save(str(project / "ru.po"))
    before = (project / RU).read_bytes()
    assert main(["import", str(project / "ru.po")]) == 0  # a fuzzy entry, even edited, is not yet a translation
    assert (project / RU).read_bytes() == before
    # The translator translates the cell and drops the mark, as the finding on it asks.
    target = _unit(tree.getroot(), "l40c18").find(f"{X}segment/{X}target")
    for child in list(target):
        target.remove(child)
    target.text = "application/json. Обязательный."
    tree.write(str(project / "ru.xlf"), xml_declaration=True, encoding="UTF-8")
    assert main(["import", str(project / "ru.xlf")]) == 0
    text = (project / RU).read_text(encoding="utf-8")
    assert "| Content-type | application/json. Обязательный. |" in text
    capsys.readouterr()
    main(["check", "--no-cache", "--jobs", "1", "--select", "awaiting-translation", RU])
    assert [line.split(": ")[0] for line in capsys.readouterr().out.splitlines()[:-1] if line.startswith("loc")] == [
        f"{RU}:48:21"
    ]
