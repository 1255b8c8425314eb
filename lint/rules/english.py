"""Point a translation's finding at the English line it departs from.

Localization reviewers judge drift side by side; every rule that finds a
problem in a translated page adds, where the English source says the same
thing correctly, a related location on the English line.
"""

from __future__ import annotations

from lint.context import Context
from lint.model import Page
from lint.rules import Related
from lint.rules.names import plain_name


def english_status(context: Context) -> tuple[Related, ...]:
    """The English page's stated success status, as a related location."""
    if context.english is None:
        return ()
    return tuple(
        Related(stated.span, f"the English page says `{stated.status} {stated.reason}`")
        for stated in context.english.prose_statuses
        if 200 <= stated.status < 300
    )[:1]


def english_row(context: Context, page: Page, name: str) -> tuple[Related, ...]:
    """The English body-parameter row at the same place as the translated row ``name``."""
    if context.english is None:
        return ()
    for table, english in zip(
        page.tables_of("body-parameters"), context.english.tables_of("body-parameters"), strict=False
    ):
        for index, row in enumerate(table.rows):
            if row.cells and plain_name(row.cells[0].text) == name and index < len(english.rows):
                cell = english.rows[index].cells[0]
                return (Related(cell.span, f"the English page names this parameter `{plain_name(cell.text)}`"),)
    return ()


def english_body_names(context: Context) -> list[list[str]]:
    """The parameter names of each request-body table of the English page, in order."""
    if context.english is None:
        return []
    return [
        [plain_name(row.cells[0].text) for row in table.rows if row.cells]
        for table in context.english.tables_of("body-parameters")
    ]


def english_syntax(context: Context) -> tuple[Related, ...]:
    """The English page's HTTP request lines."""
    if context.english is None:
        return ()
    return tuple(
        Related(request.span, f"the English page lists `{request.method} {request.path}`")
        for request in context.english.requests
        if request.origin == "syntax"
    )
