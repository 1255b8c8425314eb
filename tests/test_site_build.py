"""``doclint build``: the shipped corpus becomes four locale sites, with findings in place and a switcher.

The shipped corpus is built once per session (Sphinx warnings are errors), and
the tests read its HTML as a reader's browser would get it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("sphinx")
pytest.importorskip("myst_parser")

from bs4 import BeautifulSoup

from lint.commands import dispatch

REPO = Path(__file__).resolve().parent.parent
HOSTILE = Path(__file__).parent / "fixtures" / "site" / "hostile"
#: The folders of the generated pages that serve every locale, in the English site.
SHARED_FOLDERS = ("review", "rules")

PAGES = {
    "en-US": [
        "beta/api/call-reject",
        "beta/api/participant-invite",
        "powershell/beta/Invoke-MgBetaInviteCommunicationCallParticipant",
        "powershell/beta/Invoke-MgBetaRejectCommunicationCall",
        "v1.0/api/call-reject",
        "v1.0/api/participant-invite",
    ],
    "es-ES": ["v1.0/api/call-reject"],
    "ru-RU": ["beta/api/call-reject"],
    "zh-CN": ["beta/api/call-reject"],
}


@contextlib.contextmanager
def _cwd(path: Path) -> Iterator[None]:
    previous = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(previous)


def _build(root: Path, out: Path, *extra: str) -> int:
    with _cwd(root):
        return dispatch(["build", "--out", str(out), "--jobs", "2", "--fail-on-warning", *extra])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "html"
    assert _build(REPO, out) == 0
    return out


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _reader_text(path: Path) -> str:
    """What the page shows as its own content: findings, scripts and hover titles left out."""
    soup = _soup(path)
    for element in soup(["script", "style"]):
        element.decompose()
    for element in soup.select(".doclint-finding"):
        element.decompose()
    return " ".join(soup.get_text(" ").split())


def test_each_locale_is_a_site_with_each_of_its_pages(site: Path) -> None:
    assert sorted(entry.name for entry in site.iterdir() if entry.is_dir()) == sorted(PAGES)
    for locale, docnames in PAGES.items():
        built = sorted(
            path.relative_to(site / locale).with_suffix("").as_posix()
            for path in (site / locale).rglob("*.html")
            if path.name not in ("index.html", "genindex.html", "search.html")
            and not path.relative_to(site / locale).parts[0].startswith("_")
            and path.relative_to(site / locale).parts[0] not in SHARED_FOLDERS
        )
        assert built == docnames, locale
    # The rule catalogue and the review dashboard are in the English site only (tested below).
    assert [locale for locale in PAGES for folder in SHARED_FOLDERS if (site / locale / folder).exists()] == [
        "en-US",
        "en-US",
    ]


def test_each_locale_has_its_sphinx_language(site: Path) -> None:
    languages = {locale: _soup(site / locale / "index.html").html["lang"] for locale in PAGES}
    assert languages == {"en-US": "en", "es-ES": "es", "ru-RU": "ru", "zh-CN": "zh-CN"}
    # Sphinx's own interface text is translated (furo's search box placeholder).
    assert _soup(site / "ru-RU" / "index.html").select_one("input.sidebar-search")["placeholder"] == "Поиск"
    assert _soup(site / "zh-CN" / "index.html").select_one("input.sidebar-search")["placeholder"] == "搜索"


def test_the_root_index_lists_every_locale_with_its_pages_and_freshness(site: Path) -> None:
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in _soup(site / "index.html").select("tbody tr")
    ]
    judged = "(freshness not judged: no English history given)"
    assert rows == [
        ["English", "en-US", "6", "English source"],
        ["Español", "es-ES", "1", f"0 stale, 5 English pages untranslated {judged}"],
        ["Русский", "ru-RU", "1", f"0 stale, 5 English pages untranslated {judged}"],
        ["中文 (简体)", "zh-CN", "1", f"0 stale, 5 English pages untranslated {judged}"],
    ]
    links = [a["href"] for a in _soup(site / "index.html").select("tbody a")]
    assert links == ["en-US/index.html", "es-ES/index.html", "ru-RU/index.html", "zh-CN/index.html"]


def test_the_root_index_and_the_english_home_link_the_dashboard_and_the_catalogue(site: Path) -> None:
    root = _soup(site / "index.html")
    assert [(a.get_text(), a["href"]) for a in root.select("ul.shared a")] == [
        ("Review dashboard", "en-US/review/index.html"),
        ("Rule catalogue", "en-US/rules/index.html"),
    ]
    home = _soup(site / "en-US" / "index.html").select_one("article")
    hrefs = [a["href"] for a in home.select("a[href]")]
    assert hrefs[-2:] == ["review/index.html", "rules/index.html"]
    # The home lists the two indexes; their own pages are in the indexes' toctrees, not the home's.
    assert not any(href.startswith(("rules/DL", "review/ru-RU")) for href in hrefs)


def test_the_rule_catalogue_has_every_rule(site: Path) -> None:
    from lint.rules import all_rules

    codes = sorted(rule.code for rule in all_rules())
    rules = site / "en-US" / "rules"
    assert sorted(path.stem for path in rules.glob("*.html")) == sorted(["index", *codes])
    index = _soup(rules / "index.html").select_one("article")
    assert [a.get_text() for a in index.select("table a")] == codes
    assert all((rules / a["href"]).is_file() for a in index.select("table a"))
    status = _reader_text(rules / "DL601.html")
    assert "status-drift" in status and "The translation documents another success status" in status


def _rows(path: Path) -> list[list[str]]:
    """Each table row of a page's article as the cells' text, spaces collapsed."""
    article = _soup(path).select_one("article")
    return [[" ".join(cell.get_text(" ").split()) for cell in row.select("th, td")] for row in article.select("tr")]


def test_the_dashboard_has_the_russian_row(site: Path) -> None:
    rows = _rows(site / "en-US" / "review" / "index.html")
    kinds = ["status-drift", "path-drift", "param-name-drift", "param-missing", "header-drift", "json-drift"]
    header = ["Page", "English page", "Status", "Source commit", "Handoff", *kinds, "example-missing", "page findings"]
    russian = ["beta/api/call-reject.md", "docs_src/beta/api/call-reject.md", "not judged", "3e5f4f5", "05/06/2019"]
    assert rows[rows.index(header) + 1] == [*russian, "1", "2", "1", "1", "2", "2", "2", "1"]
    assert ["ru-RU", "1", "–", "0", "0", "0", "5"] in rows


def test_every_link_of_the_dashboard_resolves(site: Path) -> None:
    dashboard = site / "en-US" / "review" / "index.html"
    links = [a["href"] for a in _soup(dashboard).select("article a[href]") if not a["href"].startswith("#")]
    assert "ru-RU/beta/api/call-reject.html#review-ru-ru-beta-api-call-reject-line-49" in links
    for link in links:
        path, _, fragment = link.partition("#")
        target = dashboard.parent / path
        assert target.is_file(), link
        assert not fragment or _soup(target).find(id=fragment) is not None, link


def test_the_russian_side_by_side_view_shows_200_ok_beside_202_accepted(site: Path) -> None:
    rows = _rows(site / "en-US" / "review" / "ru-RU" / "beta" / "api" / "call-reject.html")
    (row,) = [row for row in rows if "200 OK" in row[3]]
    assert row[:3] == [
        "54",
        # The view shows the source lines as written, backticks included.
        "If successful, this method returns a ` 202 Accepted ` response code. It does not return anything in the "
        "response body.",
        "49",
    ]
    assert row[3].startswith("В случае успешного выполнения этот метод возвращает код отклика ` 200 OK `.")
    assert "DL601 error status-drift" in row[3]
    page = _soup(site / "en-US" / "review" / "ru-RU" / "beta" / "api" / "call-reject.html")
    assert page.select_one('link[href*="_static/doclint-review.css"]') is not None
    assert (site / "en-US" / "_static" / "doclint-review.css").read_text(encoding="utf-8").startswith("table.doclint")


def test_the_russian_response_section_shows_the_status_finding(site: Path) -> None:
    page = site / "ru-RU" / "beta" / "api" / "call-reject.html"
    soup = _soup(page)
    response = next(
        section for section in soup.select("section") if section.h2 and section.h2.text.startswith("Отклик")
    )
    prose = response.find("p")
    assert "200 OK" in prose.get_text()
    finding = prose.find_next_sibling("div")  # right after the sentence it is about
    assert "doclint-finding" in finding["class"] and "doclint-error" in finding["class"]
    # The drift rule leads the one finding of this defect; the status-prose rule is folded into it.
    assert finding.select_one(".admonition-title").get_text() == "DL601 status-drift · error"
    assert " ".join(finding.find_all("p")[1].get_text().split()) == (
        "the Response section says 200 OK, where the English page's Response section says 202 Accepted (also: DL101)"
    )
    english = finding.select_one("a.doclint-related")
    assert english.get_text() == "docs_src/beta/api/call-reject.md:54"
    assert english["href"] == "../../../en-US/beta/api/call-reject.html#beta-api-call-reject-l54"
    target = _soup(site / "en-US" / "beta" / "api" / "call-reject.html").find(id="beta-api-call-reject-l54")
    assert target is not None and "202 Accepted" in target.get_text()


def test_the_switcher_links_the_same_page_in_each_locale(site: Path) -> None:
    page = site / "ru-RU" / "beta" / "api" / "call-reject.html"
    entries = {
        item["lang"]: (
            item.a["href"] if item.a else None,
            " ".join(item.get_text(" ").split()),
        )
        for item in _soup(page).select("nav.doclint-switcher li")
    }
    assert entries == {
        "en-US": ("../../../en-US/beta/api/call-reject.html", "English en-US"),
        "es-ES": (None, "Español es-ES no such page"),
        "ru-RU": (None, "Русский ru-RU"),
        "zh-CN": ("../../../zh-CN/beta/api/call-reject.html", "中文 (简体) zh-CN"),
    }
    for href, _text in entries.values():
        if href:
            assert (page.parent / href).resolve().is_file()
    assert _soup(page).select_one(".doclint-switcher-title a")["href"] == "../../../index.html"


def test_cmdlet_help_and_its_rest_page_link_each_other(site: Path) -> None:
    cmdlet = site / "en-US" / "powershell" / "beta" / "Invoke-MgBetaRejectCommunicationCall.html"
    rest = site / "en-US" / "beta" / "api" / "call-reject.html"
    assert [a["href"] for a in _soup(cmdlet).select(".seealso a")] == ["../../beta/api/call-reject.html"]
    assert [h1.get_text(strip=True) for h1 in _soup(cmdlet).select("article h1")] == [
        "Invoke-MgBetaRejectCommunicationCall¶"
    ]
    assert [a["href"] for a in _soup(rest).select(".seealso a")] == [
        "../../powershell/beta/Invoke-MgBetaRejectCommunicationCall.html"
    ]


def test_no_source_syntax_leaks_into_the_pages(site: Path) -> None:
    leaks = ("[!INCLUDE", "#tab/", "data-ttu-id", "sxs-lookup", "blockType", "{{ Fill", "[!NOTE]", "<a name")
    for locale, docnames in PAGES.items():
        for docname in docnames:
            page = site / locale / f"{docname}.html"
            text = _reader_text(page)
            assert [leak for leak in leaks if leak in text] == [], page
            assert "data-ttu-id" not in page.read_text(encoding="utf-8")


def test_a_bilingual_page_shows_the_translation_with_the_english_on_hover(site: Path) -> None:
    page = site / "zh-CN" / "beta" / "api" / "call-reject.html"
    text = _reader_text(page)
    assert "使机器人能够拒绝传入呼叫。" in text
    assert "Enable a bot to reject an incoming call." not in text
    span = next(
        span for span in _soup(page).select("span.doclint-sxs") if "使机器人能够拒绝传入呼叫" in span.get_text()
    )
    assert span["title"] == "English: Enable a bot to reject an incoming call."


def test_docfx_constructs_become_tabs_admonitions_and_boxes(site: Path) -> None:
    soup = _soup(site / "en-US" / "beta" / "api" / "call-reject.html")
    labels = [label.get_text(strip=True) for label in soup.select(".sd-tab-set")[0].select("label")]
    assert labels == ["HTTP", "C#", "JavaScript", "Objective-C", "Java"]
    note = soup.select_one("div.admonition.note")
    assert " ".join(note.get_text(" ").split()).endswith(
        "The /app path is deprecated. Going forward, use the /communications path."
    )
    missing = soup.select_one("div.doclint-include-missing")
    assert " ".join(missing.get_text(" ").split()).endswith(
        "included content not available: ../../includes/beta-disclaimer.md"
    )
    cmdlet = _soup(site / "en-US" / "powershell" / "beta" / "Invoke-MgBetaRejectCommunicationCall.html")
    placeholders = [span.get_text() for span in cmdlet.select(".doclint-placeholder")]
    assert placeholders == ["To be written: Fill ProgressAction Description"]


def test_code_is_highlighted_and_copyable(site: Path) -> None:
    soup = _soup(site / "en-US" / "beta" / "api" / "call-reject.html")
    assert soup.select_one("div.highlight-http span.nf").get_text() == "POST"  # the method, highlighted
    assert soup.select_one("div.highlight-json") is not None
    cmdlet = _soup(site / "en-US" / "powershell" / "beta" / "Invoke-MgBetaRejectCommunicationCall.html")
    assert cmdlet.select_one("div.highlight-powershell") is not None
    scripts = [script.get("src", "") for script in soup.find_all("script")]
    assert any("clipboard.min.js" in src for src in scripts) and any("copybutton.js" in src for src in scripts)


def test_the_site_loads_nothing_from_the_network(site: Path) -> None:
    for page in site.rglob("*.html"):
        soup = _soup(page)
        remote = [
            element.get("src") or element.get("href")
            for element in soup.find_all(["script", "link", "img", "iframe"])
            if (element.get("src") or element.get("href") or "").startswith(("http:", "https:", "//"))
        ]
        assert remote == [], page
    for sheet in site.rglob("*.css"):
        assert "@import url(http" not in sheet.read_text(encoding="utf-8"), sheet
        assert "fonts.googleapis" not in sheet.read_text(encoding="utf-8"), sheet


def test_each_locale_has_its_search_index(site: Path) -> None:
    for locale in PAGES:
        assert (site / locale / "searchindex.js").is_file()
    # Chinese words are indexed, with jieba or (without it) as characters and character pairs.
    assert {"拒绝", "呼叫"} <= _search_terms(site / "zh-CN")
    assert "отклонен" in _search_terms(site / "ru-RU")  # Russian, stemmed
    assert "reject" in _search_terms(site / "ru-RU")


def _search_terms(locale_site: Path) -> set[str]:
    """The words Sphinx's search finds, in the text or in titles (a word in a title is indexed there only)."""
    text = (locale_site / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    return set(index["terms"]) | set(index["titleterms"])


def _hostile_tree(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    shutil.copytree(HOSTILE, root)
    return root


def test_page_content_is_never_active_markup(tmp_path: Path) -> None:
    root = _hostile_tree(tmp_path)
    out = tmp_path / "html"
    assert _build(root, out) == 0
    pages = [out / locale / "v1.0" / "api" / "hostile.html" for locale in ("en-US", "es-ES", "zh-CN")]
    for page in pages:
        soup = _soup(page)
        main = soup.select_one("article")
        assert main.find_all(["script", "iframe", "svg", "object", "embed"]) == [], page
        handlers = [
            (element.name, name) for element in soup.find_all(True) for name in element.attrs if name.startswith("on")
        ]
        assert handlers == [], page
        links = [
            element.get("href") or element.get("src") or "" for element in soup.find_all(["a", "img", "link", "script"])
        ]
        assert [link for link in links if link.lower().startswith(("javascript:", "data:"))] == [], page
        assert "doclintPwned" not in "".join(script.get_text() for script in soup.find_all("script")), page
        assert "style=" not in str(main), page
    english = _reader_text(out / "en-US" / "v1.0" / "api" / "hostile.html")
    assert "js link" in english and "raw js anchor" in english  # the links' text stays, as text
    spanish = _reader_text(out / "es-ES" / "v1.0" / "api" / "hostile.html")
    assert "<script>window.doclintPwned = " in spanish  # a text page's markup is shown as text
    chinese = _reader_text(out / "zh-CN" / "v1.0" / "api" / "hostile.html")
    assert "此页面试图运行脚本。" in chinese and "This page tries to run script." not in chinese
    assert '<script>window.doclintPwned = "escaped"</script>' in chinese  # escaped text stays text
    assert "html-body" not in chinese and "html-head" not in chinese  # a script's code is not page text


def test_a_json_block_that_is_no_json_is_shown_plain_without_a_warning(tmp_path: Path) -> None:
    """From the paired corpus (application-post-calls): escaped JSON in a `json` fence."""
    root = _hostile_tree(tmp_path)
    page = root / "docs_src" / "v1.0" / "api" / "escaped.md"
    page.write_text(
        '# escaped\n\n```json\n{\\"mpUri\\":\\"net.tcp://bot.contoso.com:18732/MP\\"}\n```\n', encoding="utf-8"
    )
    out = tmp_path / "html"
    assert _build(root, out) == 0  # --fail-on-warning
    block = _soup(out / "en-US" / "v1.0" / "api" / "escaped.html").select_one("article pre")
    assert block.get_text() == '{\\"mpUri\\":\\"net.tcp://bot.contoso.com:18732/MP\\"}\n'


def test_an_interrupted_build_leaves_the_previous_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _hostile_tree(tmp_path)
    out = tmp_path / "html"
    out.mkdir()
    (out / "index.html").write_text("previous site", encoding="utf-8")
    import lint.site.build as build

    copies = []

    def copy_then_fail(source: Path, target: Path, **kwargs: object) -> None:
        copies.append(target)
        if len(copies) == 2:
            raise KeyboardInterrupt  # Ctrl-C halfway through publishing
        shutil.copytree(source, target, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build.shutil, "copytree", copy_then_fail)
    with _cwd(root), pytest.raises(KeyboardInterrupt):
        dispatch(["build", "--out", str(out), "--jobs", "1"])
    assert sorted(path.name for path in tmp_path.iterdir()) == [".doclint-site", "html", "tree"]
    assert [path.name for path in out.iterdir()] == ["index.html"]
    assert (out / "index.html").read_text(encoding="utf-8") == "previous site"


def test_a_failing_sphinx_build_leaves_the_previous_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _hostile_tree(tmp_path)
    out = tmp_path / "html"
    out.mkdir()
    (out / "index.html").write_text("previous site", encoding="utf-8")
    import lint.site.locale_build as locale_build

    def broken(job: object) -> tuple[list[str], int]:
        raise RuntimeError("sphinx broke")

    monkeypatch.setattr(locale_build, "run_sphinx", broken)
    with _cwd(root):
        assert dispatch(["build", "--out", str(out), "--jobs", "1"]) == 2
    assert (out / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not any(path.name.startswith(".html.new") for path in tmp_path.iterdir())


def test_strict_fails_on_findings_and_the_default_does_not(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _hostile_tree(tmp_path)
    page = root / "docs_src" / "v1.0" / "api" / "hostile.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n```json\n{"a": }\n```\n', encoding="utf-8")
    out = tmp_path / "html"
    assert _build(root, out) == 0
    capsys.readouterr()
    assert _build(root, out, "--strict") == 1
    report = capsys.readouterr().out
    assert "docs_src/v1.0/api/hostile.md:" in report and "DL" in report
    assert (out / "en-US" / "v1.0" / "api" / "hostile.html").is_file()  # the site is still published


def test_no_findings_hides_them(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "html"
    assert _build(REPO, out, "--no-findings", "--locale", "ru-RU") == 0
    page = out / "ru-RU" / "beta" / "api" / "call-reject.html"
    assert _soup(page).select(".doclint-finding") == []
    assert "200 OK" in _reader_text(page)
    shown = site / "ru-RU" / "beta" / "api" / "call-reject.html"
    assert len(_soup(shown).select(".doclint-finding")) == 12  # `doclint check` reports 12 on this page
