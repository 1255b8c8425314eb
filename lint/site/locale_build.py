"""One locale's site: write its MyST sources into a stable folder, then run Sphinx on them.

Runs in a worker process (one per locale, ``--jobs``). The source folder
(``<state>/<locale>/src``) and Sphinx's doctrees and output stay between
builds, and a source is rewritten only when its text changed: Sphinx's
environment pickle then re-reads only the pages that changed.
"""

from __future__ import annotations

import io
import json
import posixpath
import re
import time
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from lint.model import Page
from lint.parse.detect import parse_source
from lint.site.convert import ConvertContext, to_myst
from lint.site.convert.common import Companion, escape, href, line_label
from lint.site.convert.markdown import block_of
from lint.site.dashboard import STYLESHEET, STYLESHEET_NAME
from lint.site.extension import SWITCHER_FILE
from lint.site.locales import display_name
from lint.site.plan import LocaleJob, PageJob
from lint.site.sphinx_conf import STATIC_DIR, conf_text
from lint.source import SourceError, read_source


@dataclass
class LocaleResult:
    locale: str
    pages: int
    warnings: list[str]
    seconds: float
    #: Files Sphinx read this time (all of them on a first build, the changed ones after).
    read: int = 0


def build_locale(job: LocaleJob) -> LocaleResult:
    started = time.perf_counter()
    write_sources(job)
    warnings, read = run_sphinx(job)
    return LocaleResult(job.locale, len(job.pages), warnings, time.perf_counter() - started, read)


def write_sources(job: LocaleJob) -> None:
    """The locale's generated sources, written only where changed; files of pages gone are removed."""
    src = job.src_dir
    src.mkdir(parents=True, exist_ok=True)
    wanted: dict[str, str] = {"conf.py": conf_text(job.locale, job.project)}
    parsed: dict[str, tuple[PageJob, Page, str]] = {}
    for page_job in job.pages:
        try:
            source = read_source(page_job.path, root=job.config.symlink_root(), max_size=job.config.max_file_size)
        except SourceError:
            continue  # the lint already reported it; the site has no page for it
        parsed[page_job.docname] = (page_job, parse_source(source, job.config.formats), source.text)
    companions = _companions({docname: page for docname, (_job, page, _text) in parsed.items()})
    for docname, (page_job, page, text) in parsed.items():
        context = ConvertContext(
            page=page,
            docname=docname,
            relative=page_job.relative,
            findings=tuple(job.findings.get(page_job.path, ())) if job.show_findings else (),
            resolve=partial(_resolve, job.stems),
            english_href=partial(_english_href, job, docname),
            targets=job.targets.get(page_job.path, frozenset()),
            companions=tuple(companions.get(docname, ())),
            read_include=_read_include,
            source_dir=str(Path(page_job.path).parent),
        )
        myst = to_myst(text, context)
        wanted[f"{docname}.md"] = myst.text
        if myst.sources:
            wanted[f"{docname}.sxs.json"] = json.dumps(myst.sources, ensure_ascii=False, sort_keys=True)
    for docname, text in job.extra_pages.items():
        wanted[f"{docname}.md"] = text
    # The side-by-side views' stylesheet (conf.py lists it in html_css_files; harmless where no view is).
    wanted[f"{STATIC_DIR}/{STYLESHEET_NAME}"] = STYLESHEET
    wanted["index.md"] = _index(job, {docname: page.title for docname, (_j, page, _t) in parsed.items()})
    wanted[SWITCHER_FILE] = json.dumps(job.switcher, ensure_ascii=False, sort_keys=True)
    for name, text in wanted.items():
        _write_if_changed(src / name, text)
    for stale in src.rglob("*"):
        if stale.is_file() and stale.relative_to(src).as_posix() not in wanted:
            stale.unlink()


def run_sphinx(job: LocaleJob) -> tuple[list[str], int]:
    """Build the locale's HTML into its stable output folder; Sphinx's warnings, and how many pages it read."""
    from sphinx import locale
    from sphinx.application import Sphinx
    from sphinx.util.console import nocolor
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    nocolor()
    # Sphinx keeps its loaded message catalogues for the life of the process and merges a later
    # language's under them: a worker that built es-ES would label ru-RU's search box in Spanish.
    locale.translators.clear()
    warning = io.StringIO()
    read: list[str] = []
    with patch_docutils(job.src_dir), docutils_namespace():
        app = Sphinx(
            str(job.src_dir),
            str(job.src_dir),
            str(job.html_dir),
            str(job.doctree_dir),
            "html",
            status=None,
            warning=warning,
            freshenv=False,
        )
        app.connect("source-read", lambda _app, docname, _source: read.append(docname))
        app.build()
    return [line for line in warning.getvalue().splitlines() if line.strip()], len(read)


def _resolve(stems: dict[str, str], relative: str) -> str | None:
    return stems.get(posixpath.splitext(relative)[0])


def _write_if_changed(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        if path.read_text(encoding="utf-8") == text:
            return  # an unchanged file keeps its time: Sphinx does not read it again
    except OSError:
        pass
    path.write_text(text, encoding="utf-8")


def _read_include(path: str) -> str | None:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _english_href(job: LocaleJob, docname: str, path: str, line: int) -> str | None:
    """The URL, from ``docname`` of this locale, of the block around ``line`` on an English page."""
    known = job.english.get(path)
    if known is None:
        return None
    english_docname, ranges = known
    up = "../" * (docname.count("/") + 1)
    url = f"{up}{job.config.english_locale}/{english_docname}.html"
    if ranges:
        url += "#" + line_label(english_docname, block_of(ranges, line)[0])
    return url


def _index(job: LocaleJob, titles: dict[str, str]) -> str:
    """The locale's home: its pages by folder, each folder a toctree, and the way back to all locales."""
    groups: dict[str, list[str]] = {}
    for page_job in job.pages:
        if page_job.docname in titles:
            groups.setdefault(page_job.docname.rsplit("/", 1)[0] if "/" in page_job.docname else "", []).append(
                page_job.docname
            )
    lines = [
        f"# {escape(display_name(job.locale))} ({job.locale})",
        "",
        f"{len(titles)} pages. {href('All languages', '../index.html')}",
        "",
    ]
    for group, docnames in sorted(groups.items()):
        lines.extend(["```{toctree}", f":caption: {group or 'Pages'}", ":maxdepth: 1", "", *docnames, "```", ""])
    extra = _top_extra_pages(job.extra_pages)
    if extra:
        lines.extend(["```{toctree}", ":caption: Review", ":maxdepth: 1", "", *extra, "```", ""])
    return "\n".join(lines)


def _top_extra_pages(pages: dict[str, str]) -> list[str]:
    """The extra pages the home lists: a folder's ``index`` lists the rest of its folder in its own toctree.

    Listing a rule page from both the home and ``rules/index`` would put it in two
    toctrees (a Sphinx warning, and two places in the navigation).
    """
    folders = {docname.rsplit("/", 1)[0] for docname in pages if docname.endswith("/index")}
    return [
        docname
        for docname in sorted(pages)
        if not any(docname != f"{folder}/index" and docname.startswith(f"{folder}/") for folder in folders)
    ]


def _operation_key(method: str, path: str) -> tuple[str, str]:
    """A REST operation as the cmdlet's body type and the page's syntax block both name it."""
    path = re.sub(r"\?.*$", "", path.strip().lower())
    path = re.sub(r"^/(v1\.0|beta)(?=/)", "", path)
    path = re.sub(r"\{[^}]*\}", "{}", path).replace("microsoft.graph.", "")
    return method.upper(), path.rstrip("/")


def _companions(pages: dict[str, Page]) -> dict[str, list[Companion]]:
    """Cmdlet help pages and the REST pages of their operation, linked both ways."""
    rest: dict[tuple[str | None, str, str], str] = {}
    for docname, page in pages.items():
        if page.kind == "rest":
            for request in page.requests:
                if request.origin == "syntax":
                    rest.setdefault((page.version, *_operation_key(request.method, request.path)), docname)
    links: dict[str, list[Companion]] = {}
    for docname, page in pages.items():
        cmdlet = page.cmdlet
        if cmdlet is None or not cmdlet.operation_method or not cmdlet.operation_path:
            continue
        target = rest.get((page.version, *_operation_key(cmdlet.operation_method, cmdlet.operation_path)))
        if target is None:
            continue
        links.setdefault(docname, []).append(Companion("REST API", target, pages[target].title or target))
        links.setdefault(target, []).append(Companion("PowerShell", docname, cmdlet.name or page.title))
    return links
