"""Point a translation's finding at the English line it departs from.

Localization reviewers judge drift side by side; every rule that finds a
problem in a translated page adds, where the English source says the same
thing correctly, a related location on the English line.
"""

from __future__ import annotations

from msgspec import Struct

from lint.context import Context
from lint.model import Page, Table, TableRole, TableRow
from lint.rules import Related
from lint.rules.names import plain_name


class RowPairing(Struct, frozen=True):
    """A translated table's rows set against the English table's.

    ``paired`` holds (translated row, English row): rows of the same name
    (ignoring case); then, among the rest, rows at the same place (a
    translated name stands where the English one stood); then translated
    rows whose name is not ASCII, in order, with the English rows still
    left. ``missing`` are English rows with no counterpart; ``extra``
    translated rows with none.

    The limit: a translated name that is ASCII (``motivo``, ``Farbe``) is
    told from a real API name only by its place. If the translation moved
    it, it pairs with whatever English row stands at its new place, or is
    reported as extra beside a missing English row.
    """

    paired: tuple[tuple[TableRow, TableRow], ...]
    missing: tuple[TableRow, ...]
    extra: tuple[TableRow, ...]


def row_name(row: TableRow) -> str:
    return plain_name(row.cells[0].text) if row.cells else ""


def aligned_tables(page: Page, context: Context, role: TableRole) -> list[tuple[Table, Table]]:
    """Each table of ``role`` with the English table of that role at the same place."""
    if context.english is None:
        return []
    return list(zip(page.tables_of(role), context.english.tables_of(role), strict=False))


def pair_rows(table: Table, english: Table) -> RowPairing:
    """Match a translated table's rows to the English table's (see :class:`RowPairing`)."""
    rows = [row for row in table.rows if row_name(row)]
    english_rows = [row for row in english.rows if row_name(row)]
    by_name: dict[str, TableRow] = {}
    for row in english_rows:
        by_name.setdefault(row_name(row).lower(), row)
    paired: dict[int, TableRow] = {}
    taken: set[int] = set()
    for index, row in enumerate(rows):
        match = by_name.get(row_name(row).lower())
        if match is not None and id(match) not in taken:
            paired[index] = match
            taken.add(id(match))
    for index in range(len(rows)):
        if index not in paired and index < len(english_rows) and id(english_rows[index]) not in taken:
            paired[index] = english_rows[index]
            taken.add(id(english_rows[index]))
    # A translated name that moved (the translation reordered rows) is no API
    # name at all: it stands for the next English row left over, in order.
    left = iter([row for row in english_rows if id(row) not in taken])
    for index, row in enumerate(rows):
        if index not in paired and not row_name(row).isascii():
            source = next(left, None)
            if source is None:
                break
            paired[index] = source
            taken.add(id(source))
    return RowPairing(
        paired=tuple((rows[index], paired[index]) for index in sorted(paired)),
        missing=tuple(row for row in english_rows if id(row) not in taken),
        extra=tuple(row for index, row in enumerate(rows) if index not in paired),
    )


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
    for table, english in aligned_tables(page, context, role):
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
