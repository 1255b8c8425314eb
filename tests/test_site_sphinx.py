"""The catalogue and dashboard pages build with Sphinx (myst-parser, sphinx-design) with warnings as errors.

Sphinx runs in a subprocess: the tests' own process never imports it.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from lint.check import CheckOptions
from lint.review.command import ReportOptions, review_for
from lint.rules import all_rules
from lint.site.catalogue import catalogue_pages
from lint.site.dashboard import STYLESHEET, STYLESHEET_NAME, dashboard_pages, read_documents
from tests.conftest import REPO
from tests.test_site_dashboard import hostile_view

CONF = f"""\
project = "doclint test"
extensions = ["myst_parser", "sphinx_design"]
html_theme = "furo"
html_static_path = ["_static"]
html_css_files = [{STYLESHEET_NAME!r}]
"""

INDEX = """\
# doclint test site

```{toctree}
rules/index
review/index
hostile
```
"""


def write_project(source: Path, pages: dict[str, str]) -> None:
    for docname, text in pages.items():
        path = source / f"{docname}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (source / "_static").mkdir()
    (source / "_static" / STYLESHEET_NAME).write_text(STYLESHEET, encoding="utf-8")
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    (source / "index.md").write_text(INDEX, encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The generated pages of the shipped corpus (and one hostile view) built to HTML; the output folder."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(REPO)
        review = review_for(ReportOptions(CheckOptions(paths=[], jobs=1)))
        pages = {**catalogue_pages(all_rules()), **dashboard_pages(review, read_documents(review))}
    pages["hostile"] = hostile_view()
    root = tmp_path_factory.mktemp("site")
    write_project(root / "source", pages)
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", "source", "html"]
    done = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=300, check=False)
    assert (done.returncode, done.stderr) == (0, "")
    yield root / "html"


def article(page: str) -> str:
    """The page's own content, without the theme's navigation."""
    return page.split('<article role="main"', 1)[1].split("</article>", 1)[0]


def rows_text(page: str) -> list[str]:
    """Each table row of an HTML page as the text a reader sees, spaces collapsed."""
    rows = re.findall(r"<tr\b.*?</tr>", page, re.DOTALL)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", " ", row)).split()) for row in rows]


def test_russian_view_shows_both_statuses_and_the_finding_on_one_row(site: Path) -> None:
    page = (site / "review" / "ru-RU" / "beta" / "api" / "call-reject.html").read_text(encoding="utf-8")
    (row,) = [text for text in rows_text(page) if "DL601" in text]
    assert row == (
        "54 If successful, this method returns a ` 202 Accepted ` response code. It does not return anything in "
        "the response body. 49 В случае успешного выполнения этот метод возвращает код отклика ` 200 OK `. "
        "В тексте отклика не возвращается никаких данных. DL601 error status-drift : the Response "
        "section says 200 OK , where the English page’s Response section says 202 Accepted (also: DL101)"
    )
    marked = re.findall(r"<strong><code[^>]*>(.*?)</code></strong>", page)
    assert '<span class="pre">200</span> <span class="pre">OK</span>' in marked


#: The translated line of the first finding of each kind on the ru-RU page, in the dashboard's column order.
RU_FIRST_LINES = (49, 33, 46, 44, 37, 75, 29, 51)


def test_dashboard_cells_link_to_the_finding_rows(site: Path) -> None:
    page = article((site / "review" / "index.html").read_text(encoding="utf-8"))
    links = re.findall(r'href="(ru-RU/[^"]*)"', page)
    # The page, then one link per kind (the dashboard's pin has the order) to its first finding's row.
    assert links == [
        "ru-RU/beta/api/call-reject.html",
        *(f"ru-RU/beta/api/call-reject.html#review-ru-ru-beta-api-call-reject-line-{line}" for line in RU_FIRST_LINES),
    ]
    view = (site / "review" / "ru-RU" / "beta" / "api" / "call-reject.html").read_text(encoding="utf-8")
    for line in RU_FIRST_LINES:
        assert f'id="review-ru-ru-beta-api-call-reject-line-{line}"' in view


def test_hostile_text_is_shown_never_run(site: Path) -> None:
    page = (site / "hostile.html").read_text(encoding="utf-8")
    body = article(page)
    assert not re.search(r"<(script|iframe|img|b|i)\b", body)
    assert "javascript:" not in re.findall(r'href="([^"]*)"', body)
    text = " ".join(rows_text(page))
    assert "<script>alert(1)</script> *x* {{y}} $z$ | `q` [l](javascript:alert(1)) <img src=x onerror=alert(1)>" in text
    assert "says <script>alert(2)</script> but *shows* {{nothing}} <iframe src=x>" in text


def test_rule_page_examples_are_code_blocks(site: Path) -> None:
    page = (site / "rules" / "DL001.html").read_text(encoding="utf-8")
    blocks = [
        html.unescape(re.sub(r"<[^>]+>", "", block))
        for block in re.findall(r'<div class="highlight"><pre>(.*?)</pre>', page, re.DOTALL)
    ]
    assert blocks == ["```http\nReturns `202 Accepted` response code\n```\n", "```http\nHTTP/1.1 202 Accepted\n```\n"]
