"""Point a translation's finding at the English line it departs from.

Localization reviewers judge drift side by side; every rule that finds a
problem in a translated page adds, where the English source says the same
thing correctly, a related location on the English line.
"""

from __future__ import annotations

from lint.align.tables import aligned_tables, pair_rows, row_name
from lint.context import Context
from lint.model import Page, TableRole, TableRow
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


def english_counterpart(context: Context, page: Page, name: str, role: TableRole) -> TableRow | None:
    """The English row that the translated row ``name`` stands for (see :func:`pair_rows`)."""
    for table, english in aligned_tables(page, context.english, role):
        for row, source in pair_rows(table, english).paired:
            if row_name(row) == name:
                return source
    return None


def english_row(context: Context, page: Page, name: str, role: TableRole = "body-parameters") -> tuple[Related, ...]:
    """The English row that the translated row ``name`` stands for, as a related location."""
    return row_related(english_counterpart(context, page, name, role), role)


def row_related(source: TableRow | None, role: TableRole) -> tuple[Related, ...]:
    """An English row as the related location of a finding on its translated row."""
    if source is None:
        return ()
    kind = "header" if role.endswith("headers") else "parameter"
    return (Related(source.cells[0].span, f"the English page names this {kind} `{row_name(source)}`"),)


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
