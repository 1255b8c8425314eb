"""Rules about a translation as a whole: whether its English page still exists, and what awaits translation."""

from __future__ import annotations

from collections.abc import Iterator

from lint.context import Context
from lint.fix.mark import TRANSLATE_MARK, TRANSLATE_MARK_TEXT
from lint.model import Page, Span, Table
from lint.rules import Finding, Related, rule
from lint.rules.names import plain_name


@rule("DL616", scope="pair", severity="warning", tags=("drift", "translation"))
def orphan_translation(page: Page, context: Context) -> Iterator[Finding]:
    """A translation whose English page does not exist.

    A translation is kept in step with its English source; when the English
    page is deleted or moved, the translation goes on documenting an API page
    nobody maintains, and readers of that locale see what English readers no
    longer do. Delete the translation, or move it where its English page went.

    Bad::

        locales/ru-RU/beta/api/call-redirect.md   (no docs_src/beta/api/call-redirect.md)

    Good::

        locales/ru-RU/beta/api/call-reject.md     (docs_src/beta/api/call-reject.md exists)
    """
    if context.missing_english is None or context.english is not None:
        return
    yield Finding(
        Span(page.path, 1, 1, 1),
        f"this translation has no English page: `{context.missing_english}` does not exist",
        context="orphan",
    )


@rule("DL618", scope="pair", severity="warning", tags=("translation",))
def awaiting_translation(page: Page, context: Context) -> Iterator[Finding]:
    """English text that `--fix` copied into the translation still awaits translation.

    `doclint check --fix` restores a lost table row or note from English and
    marks the copy with `<!-- doclint: translate -->`, which no page shows:
    until a translator translates the text and deletes the mark, readers of
    the translation read English there. Each mark left is one finding, so the
    copies stay on the review list.

    Bad::

        |callbackUri|String|<!-- doclint: translate --> This allows bots to provide a specific callback URI ...|

    Good::

        |callbackUri|String|Позволяет ботам указать URI обратного вызова ...|
    """
    english = context.english
    for comment in page.comments:
        if comment.text.strip() == TRANSLATE_MARK_TEXT:
            yield Finding(
                comment.span,
                "the text after this mark is English copied by `doclint check --fix`; "
                f"translate it, then delete the mark `{TRANSLATE_MARK}`",
                related=_english_section(page, english, comment.span.line),
                context="mark before a block",
            )
    for table in page.tables:
        for row in table.rows:
            for index, cell in enumerate(row.cells):
                offset = cell.text.find(TRANSLATE_MARK)
                if offset < 0:
                    continue
                name = plain_name(row.cells[0].text) if index else ""
                yield Finding(
                    Span(page.path, cell.span.line, cell.span.column + offset, cell.span.line),
                    f"{f'this cell of the `{name}` row' if name else 'this cell'} is English text copied by "
                    f"`doclint check --fix`; translate it, then delete the mark `{TRANSLATE_MARK}`",
                    related=_english_cell(table, english, name, index)
                    or _english_section(page, english, cell.span.line),
                    context=f"mark in a cell of {name}",
                )


def _english_cell(table: Table, english: Page | None, name: str, index: int) -> tuple[Related, ...]:
    """The English cell the marked one copies: same table role, same row name, same column."""
    if english is None or not name:
        return ()
    for source in english.tables_of(table.role):
        for row in source.rows:
            if index < len(row.cells) and plain_name(row.cells[0].text).lower() == name.lower():
                return (Related(row.cells[index].span, "the English text"),)
    return ()


def _english_section(page: Page, english: Page | None, line: int) -> tuple[Related, ...]:
    """The English section of the marked text (by anchor), else the English page's start."""
    if english is None:
        return ()
    around = [section for section in page.sections if section.span.line <= line <= section.end_line]
    for section in sorted(around, key=lambda item: item.span.line, reverse=True):
        counterpart = english.section(section.anchor)
        if counterpart is not None:
            return (Related(counterpart.span, "the English section"),)
    return (Related(Span(english.path, 1, 1, 1), "the English page"),)
