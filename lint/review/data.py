"""The review's data model: per-locale coverage and freshness, per-page drift, the lines on both sides.

Built once from what ``doclint check`` already has (the selected files, the
diagnostics, the configuration) and written by the text, JSON and HTML
writers alike, so the three never disagree. The JSON writer dumps these
structs as they are: the site's dashboard reads the same data, so fields are
added, never renamed or removed, without bumping :data:`REVIEW_VERSION`.

Nothing here knows a particular drift rule. A rule is a drift kind when the
registry tags it ``drift``; its findings are grouped under its name. A few
rule *names* are facts about the page rather than defects in it, and set the
page's status when they are present: :data:`STALE_RULES`,
:data:`UNKNOWN_SOURCE_RULES` and :data:`ORPHAN_RULES`.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable
from pathlib import PurePosixPath
from typing import Literal

from msgspec import Struct

from lint.config import Config
from lint.diagnostic import Diagnostic
from lint.pair import english_source, translations
from lint.rules import find_rule
from lint.source import SourceError, read_source, split_lines

#: Bumped only when a field of the structs below is renamed or removed.
REVIEW_VERSION = 1
#: The group that gathers every finding of a rule not tagged ``drift`` (the page's own defects).
PAGE_GROUP = "page"
#: Findings that say the translation was made from an English text that has changed since.
STALE_RULES = frozenset({"stale-source", "stale-segment"})
#: Findings that say the English commit a translation names is not in the history.
UNKNOWN_SOURCE_RULES = frozenset({"source-unknown"})
#: Findings that say the translation's English page does not exist.
ORPHAN_RULES = frozenset({"orphan-translation"})
#: The rule whose running makes "no staleness finding" mean "fresh" rather than "not judged".
HISTORY_RULE = "stale-source"

Status = Literal["fresh", "stale", "source-unknown", "orphan", "unjudged"]


class LineText(Struct, frozen=True):
    """One line of a page, as the reviewer reads it (``text`` is empty when the file cannot be read)."""

    path: str
    line: int
    text: str


class ReviewFinding(Struct, frozen=True):
    """A finding on a translation, with the translated line it is on and the English line it names."""

    code: str
    name: str
    severity: str
    line: int
    column: int
    end_line: int
    message: str
    #: The translated file's line at the finding.
    translated: LineText
    #: The English page's line at the finding's first related location on it, if it has one.
    english: LineText | None = None


class FindingGroup(Struct, frozen=True):
    """The findings of one kind on one page: a drift rule's name, or :data:`PAGE_GROUP`."""

    kind: str
    drift: bool
    findings: list[ReviewFinding]


class PageReview(Struct, frozen=True):
    """One translated page: its English source, its status and its findings, drift kinds first."""

    path: str
    locale: str
    #: The English page it translates; ``None`` for an orphan.
    english: str | None
    #: ``fresh``, ``stale``, ``source-unknown``, ``orphan``, or ``unjudged`` when no rule on the
    #: English history ran (then only a stale finding, from the embedded English, says anything).
    status: Status
    groups: list[FindingGroup]

    @property
    def drift_count(self) -> int:
        return sum(len(group.findings) for group in self.groups if group.drift)

    @property
    def page_count(self) -> int:
        return sum(len(group.findings) for group in self.groups if not group.drift)


class LocaleSummary(Struct, frozen=True):
    """A locale's coverage and freshness, and its findings by kind."""

    locale: str
    #: Translated pages of this locale in the selection.
    translated: int
    #: ``None`` when freshness was not judged (see :attr:`Review.staleness_judged`).
    fresh: int | None
    stale: int
    source_unknown: int
    orphan: int
    #: English pages in the selection with no translation in this locale.
    untranslated: int
    untranslated_pages: list[str]
    #: Findings per kind (drift rule names, then :data:`PAGE_GROUP`); kinds with none are left out.
    findings: dict[str, int]


class Review(Struct, frozen=True):
    """Everything a review shows; the top-level JSON object."""

    doclint_review: int
    #: The English pages in the selection (what coverage is counted over).
    english_pages: int
    #: Whether the rule on the English history (``stale-source``) ran, so "no finding" means fresh.
    staleness_judged: bool
    #: The locale of the English sources (``english-locale``), to label English lines.
    english_locale: str
    locales: list[LocaleSummary]
    pages: list[PageReview]


def locale_of(path: str, config: Config) -> str | None:
    """The locale of a page under ``locales-root`` (its first folder there), else ``None``."""
    relative = PurePosixPath(config.relative(path)).parts
    root = PurePosixPath(config.locales_root.strip("/")).parts
    if len(relative) > len(root) + 1 and relative[: len(root)] == root:
        return relative[len(root)]
    return None


def is_english(path: str, config: Config) -> bool:
    relative = PurePosixPath(config.relative(path)).parts
    root = PurePosixPath(config.source_root.strip("/")).parts
    return len(relative) > len(root) and relative[: len(root)] == root


def known_locales(config: Config) -> list[str]:
    """The locale folders under ``locales-root``."""
    directory = config.root / config.locales_root
    if not directory.is_dir():
        return []
    return sorted(entry.name for entry in directory.iterdir() if entry.is_dir())


class _Lines:
    """Each file read once, however many findings quote it."""

    def __init__(self) -> None:
        self._files: dict[str, list[str]] = {}

    def at(self, path: str, line: int) -> LineText:
        key = os.path.abspath(path)
        if key not in self._files:
            try:
                self._files[key] = split_lines(read_source(path).text)
            except SourceError:
                self._files[key] = []
        lines = self._files[key]
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        return LineText(path, line, text)


def build_review(
    files: Iterable[str],
    diagnostics: Iterable[Diagnostic],
    config: Config,
    *,
    locales: Collection[str] | None = None,
    staleness_judged: bool = False,
) -> Review:
    """The review of the translations among ``files`` (and coverage of the English ones), in ``locales`` or all.

    ``diagnostics`` are those of the translations; findings on other files are
    ignored. ``staleness_judged`` says whether the rule on the English history
    ran: without it a page with no staleness finding is ``unjudged``, not fresh.
    """
    files = list(dict.fromkeys(files))
    english_pages = [path for path in files if is_english(path, config)]
    pages_by_locale: dict[str, list[str]] = {}
    for path in files:
        locale = locale_of(path, config)
        if locale is not None:
            pages_by_locale.setdefault(locale, []).append(path)
    chosen = sorted(set(known_locales(config)) | set(pages_by_locale))
    if locales is not None:
        chosen = [locale for locale in chosen if locale in set(locales)]
    by_page: dict[str, list[Diagnostic]] = {}
    for item in diagnostics:
        by_page.setdefault(os.path.normpath(item.path), []).append(item)
    lines = _Lines()
    missing = _untranslated(english_pages, chosen, config)
    summaries, reviews = [], []
    for locale in chosen:
        pages = [
            _page_review(path, locale, by_page.get(os.path.normpath(path), []), config, lines, staleness_judged)
            for path in sorted(pages_by_locale.get(locale, []))
        ]
        reviews.extend(pages)
        summaries.append(_summary(locale, pages, missing[locale], staleness_judged))
    return Review(REVIEW_VERSION, len(english_pages), staleness_judged, config.english_locale, summaries, reviews)


def _untranslated(english_pages: list[str], locales: list[str], config: Config) -> dict[str, list[str]]:
    """Per locale, the English pages with no translation in it (a copy left out by ``exclude`` counts as none)."""
    missing: dict[str, list[str]] = {locale: [] for locale in locales}
    for path in sorted(english_pages):
        present = {locale_of(copy, config) for copy in translations(path, config) if config.included(copy)}
        for locale in locales:
            if locale not in present:
                missing[locale].append(path)
    return missing


def _page_review(
    path: str, locale: str, diagnostics: list[Diagnostic], config: Config, lines: _Lines, staleness_judged: bool
) -> PageReview:
    english = english_source(path, config)
    names = {item.name for item in diagnostics}
    status: Status
    if english is None or names & ORPHAN_RULES:
        status = "orphan"
    elif names & STALE_RULES:
        status = "stale"
    elif names & UNKNOWN_SOURCE_RULES:
        status = "source-unknown"
    else:
        status = "fresh" if staleness_judged else "unjudged"
    grouped: dict[str, list[ReviewFinding]] = {}
    order: dict[str, tuple[int, str]] = {}
    for item in diagnostics:
        drift = _is_drift(item)
        kind = item.name if drift else PAGE_GROUP
        order[kind] = (0, item.code) if drift else (1, "")
        grouped.setdefault(kind, []).append(_review_finding(item, english, lines))
    groups = [FindingGroup(kind, kind != PAGE_GROUP, grouped[kind]) for kind in sorted(grouped, key=order.__getitem__)]
    return PageReview(path, locale, english, status, groups)


def _is_drift(item: Diagnostic) -> bool:
    rule = find_rule(item.code)
    return rule is not None and "drift" in rule.tags


def _review_finding(item: Diagnostic, english: str | None, lines: _Lines) -> ReviewFinding:
    """The finding with its translated line and the English line of its first related place on the English page."""
    english_line = None
    if english is not None:
        target = os.path.abspath(english)
        related = next((place for place in item.related if os.path.abspath(place.path) == target), None)
        if related is not None:
            english_line = lines.at(related.path, related.line)
    return ReviewFinding(
        code=item.code,
        name=item.name,
        severity=item.severity,
        line=item.line,
        column=item.column,
        end_line=item.end_line,
        message=item.message,
        translated=lines.at(item.path, item.line),
        english=english_line,
    )


def _summary(locale: str, pages: list[PageReview], untranslated: list[str], staleness_judged: bool) -> LocaleSummary:
    states = [page.status for page in pages]
    counts: dict[str, int] = {}
    order: dict[str, tuple[int, str]] = {}
    for page in pages:
        for group in page.groups:
            counts[group.kind] = counts.get(group.kind, 0) + len(group.findings)
            order[group.kind] = (0, group.findings[0].code) if group.drift else (1, "")
    return LocaleSummary(
        locale=locale,
        translated=len(pages),
        fresh=states.count("fresh") if staleness_judged else None,
        stale=states.count("stale"),
        source_unknown=states.count("source-unknown"),
        orphan=states.count("orphan"),
        untranslated=len(untranslated),
        untranslated_pages=untranslated,
        findings={kind: counts[kind] for kind in sorted(counts, key=order.__getitem__)},
    )
