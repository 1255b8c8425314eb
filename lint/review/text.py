"""The review as plain text: the summary table, findings by kind, then each page's findings with both lines.

For a terminal or a CI log: the translated line and the English line are
printed one above the other, labelled with their locale and line number, so
the difference is read straight down.
"""

from __future__ import annotations

from typing import TextIO

from lint.report import printable
from lint.review.data import PAGE_GROUP, LineText, LocaleSummary, PageReview, Review

_COLUMNS = ("locale", "translated", "fresh", "stale", "source-unknown", "orphan", "untranslated")


def write(review: Review, stream: TextIO) -> None:
    translated = sum(summary.translated for summary in review.locales)
    stream.write(
        f"doclint report: {_count(translated, 'translated page')} in {_count(len(review.locales), 'locale')},"
        f" {_count(review.english_pages, 'English page')}\n"
    )
    if not review.locales:
        return
    stream.write("\n")
    for line in _table([_row(summary) for summary in review.locales]):
        stream.write(line + "\n")
    if not review.staleness_judged:
        stream.write("(fresh: not judged: give the English history with --source-history to tell fresh from stale)\n")
    stream.write("\nfindings by kind\n")
    width = max(len(printable(summary.locale)) for summary in review.locales)
    for summary in review.locales:
        kinds = ", ".join(f"{_kind_label(kind)} {count}" for kind, count in summary.findings.items()) or "none"
        stream.write(f"  {printable(summary.locale):<{width}}  {kinds}\n")
    for page in review.pages:
        if page.groups:
            stream.write("\n")
            _write_page(page, review.english_locale, stream)


def _write_page(page: PageReview, english_locale: str, stream: TextIO) -> None:
    # Paths, messages and page lines are shown escaped (control characters, undecodable bytes), as in `check`.
    english = printable(page.english) if page.english else "none (orphan)"
    stream.write(f"{printable(page.path)}  [{printable(page.locale)}, {page.status}; English: {english}]\n")
    for group in page.groups:
        stream.write(f"  {_kind_label(group.kind)} ({len(group.findings)})\n")
        for finding in group.findings:
            name = "" if group.drift else f" {finding.code} {finding.name}"
            stream.write(f"    {finding.line}:{finding.column} {finding.severity}{name} {printable(finding.message)}\n")
            sides = [(page.locale, finding.translated)]
            if finding.english is not None:
                sides.append((english_locale, finding.english))
            stream.writelines(_side_lines(sides))


def _side_lines(sides: list[tuple[str, LineText]]) -> list[str]:
    label = max(len(printable(locale)) for locale, _ in sides)
    number = max(len(str(line.line)) for _, line in sides)
    return [
        f"      {printable(locale):<{label}} {line.line:>{number}} | {printable(line.text.rstrip())}\n"
        for locale, line in sides
    ]


def _kind_label(kind: str) -> str:
    return "page findings" if kind == PAGE_GROUP else kind


def _row(summary: LocaleSummary) -> list[str]:
    fresh = "-" if summary.fresh is None else str(summary.fresh)
    numbers = (summary.translated, fresh, summary.stale, summary.source_unknown, summary.orphan, summary.untranslated)
    return [printable(summary.locale), *(str(value) for value in numbers)]


def _table(rows: list[list[str]]) -> list[str]:
    """Locale left-aligned, numbers right-aligned under their headings."""
    widths = [max(len(cell) for cell in column) for column in zip(_COLUMNS, *rows, strict=True)]
    lines = []
    for cells in [list(_COLUMNS), *rows]:
        first = f"{cells[0]:<{widths[0]}}"
        rest = "  ".join(f"{cell:>{width}}" for cell, width in zip(cells[1:], widths[1:], strict=True))
        lines.append(f"{first}  {rest}")
    return lines


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
