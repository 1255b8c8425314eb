"""What the site holds: which page becomes which document in which locale, and what links them.

Planned once in the parent process from the checked files, the findings and
the review, then handed to one worker per locale as plain data (picklable).
"""

from __future__ import annotations

import os
import posixpath
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from lint.config import Config
from lint.diagnostic import Diagnostic
from lint.review.data import Review, locale_of
from lint.site.locales import display_name

_SUFFIX_ORDER = (".md", ".markdown", ".html", ".htm", ".txt")


@dataclass(frozen=True)
class PageJob:
    """One input page: its path as checked, its path under its locale's root, and its docname."""

    path: str
    relative: str
    docname: str


@dataclass
class LocaleJob:
    """Everything one worker needs to write one locale's sources and run Sphinx on them."""

    locale: str
    config: Config
    project: str
    state_dir: str
    pages: list[PageJob]
    findings: dict[str, list[Diagnostic]]
    #: Locale-relative path without suffix -> docname: what a relative link may point at.
    stems: dict[str, str]
    #: English page (as findings name it) -> (en-US docname, top-level block ranges).
    english: dict[str, tuple[str, list[tuple[int, int]]]]
    #: Lines of this locale's pages that findings elsewhere point at.
    targets: dict[str, frozenset[int]]
    switcher: dict[str, list[dict[str, str]]]
    extra_pages: dict[str, str] = field(default_factory=dict)
    show_findings: bool = True

    @property
    def src_dir(self) -> Path:
        return Path(self.state_dir) / self.locale / "src"

    @property
    def html_dir(self) -> Path:
        return Path(self.state_dir) / self.locale / "html"

    @property
    def doctree_dir(self) -> Path:
        return Path(self.state_dir) / self.locale / "doctrees"


def locale_relative(path: str, config: Config) -> tuple[str, str] | None:
    """``(locale, path under the locale's root)`` of a page, English sources under ``english_locale``."""
    relative = PurePosixPath(config.relative(path))
    source = PurePosixPath(config.source_root.strip("/"))
    if relative.parts[: len(source.parts)] == source.parts:
        return config.english_locale, PurePosixPath(*relative.parts[len(source.parts) :]).as_posix()
    locale = locale_of(path, config)
    if locale is None:
        return None
    root = PurePosixPath(config.locales_root.strip("/"))
    return locale, PurePosixPath(*relative.parts[len(root.parts) + 1 :]).as_posix()


def plan_pages(files: list[str], config: Config) -> dict[str, list[PageJob]]:
    """Pages by locale; two files of one stem (``x.md`` and ``x.txt``) keep the first by format, the other suffixed."""
    by_locale: dict[str, list[PageJob]] = defaultdict(list)
    ordered = sorted(
        files,
        key=lambda path: (
            _SUFFIX_ORDER.index(Path(path).suffix.lower()) if Path(path).suffix.lower() in _SUFFIX_ORDER else 9,
            path,
        ),
    )
    taken: dict[str, set[str]] = defaultdict(set)
    for path in ordered:
        placed = locale_relative(path, config)
        if placed is None:
            continue
        locale, relative = placed
        stem = posixpath.splitext(relative)[0]
        docname = stem if stem not in taken[locale] and stem != "index" else f"{stem}-{Path(path).suffix.lstrip('.')}"
        taken[locale].add(docname)
        by_locale[locale].append(PageJob(path, relative, docname))
    for jobs in by_locale.values():
        jobs.sort(key=lambda job: job.docname)
    return dict(by_locale)


def _format_rank(path: str) -> int:
    suffix = Path(path).suffix.lower()
    return _SUFFIX_ORDER.index(suffix) if suffix in _SUFFIX_ORDER else len(_SUFFIX_ORDER)


def switcher_entries(
    pages: dict[str, list[PageJob]], locales: list[str], stale: set[str]
) -> dict[str, dict[str, list[dict[str, str]]]]:
    """Per locale and docname: each locale's entry (current, a link, stale, or no such page)."""
    docs = {locale: {job.docname: job for job in pages.get(locale, [])} for locale in locales}
    result: dict[str, dict[str, list[dict[str, str]]]] = {}
    for locale in locales:
        per_doc: dict[str, list[dict[str, str]]] = {}
        for docname in docs[locale]:
            up = "../" * (docname.count("/") + 1)
            entries = []
            for other in locales:
                entry = {"locale": other, "name": display_name(other), "href": "", "state": "missing"}
                job = docs[other].get(docname)
                if other == locale:
                    entry["state"] = "current"
                elif job is not None:
                    entry["href"] = f"{up}{other}/{docname}.html"
                    entry["state"] = "stale" if os.path.normpath(job.path) in stale else "available"
                entries.append(entry)
            per_doc[docname] = entries
        result[locale] = per_doc
    return result


def stale_pages(review: Review) -> set[str]:
    return {os.path.normpath(page.path) for page in review.pages if page.status == "stale"}


def ordered_locales(found: list[str], english: str) -> list[str]:
    """English first, then the translations in tag order."""
    return sorted(set(found), key=lambda locale: (locale != english, locale))
