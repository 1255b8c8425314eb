"""The fix for a table row a translation lacks: the English row, inserted where English has it.

A missing parameter or header row is a fact the reader of the translation
never learns. The row's name, type and other identifiers are the English
ones by definition, so they can be restored; its description is prose no
tool can translate. The English description is kept, behind
:data:`TRANSLATE_MARK`, an HTML comment no renderer shows, which tells
the translator (and a search of the pages) which text still awaits them.

The row goes where English has it: after the translated row standing for
the English row before it, else before the row standing for the English
row after it, else after the table's last row; each insertion is computed
against the page as checked, and two rows missing side by side land in
order over two passes (the second is placed after the first).

A row is inserted only when it is plainly missing: the translated table
has no row English lacks (that row may be the missing one under another
name: ``Aceptar`` where English has ``Accept``), and each of its rows names
its English row or has its translated name restored by the same ``--fix``
(``param-name-drift``, ``header-drift``), which trusts the same pairing. A
row paired by place whose name no fix restores leaves the table as it is.

Only a table the fix can write back faithfully is repaired: its rows start
at the line's first column with a ``|`` (no quote or list prefix, no
table written without leading bars), it has as many columns as the
English table, the English table has a prose column (Description, or a
header table's Value) to mark, and no English cell holds a line break.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lint.align.tables import RowPairing, row_identifier, row_name
from lint.fix.edit import Fix, insert_lines
from lint.fix.mark import TRANSLATE_MARK
from lint.model import Page, Table, TableRow
from lint.rules.names import plain_name

#: What marks an English description copied into a translation, for the translator to translate.

#: The English column holding prose, by preference: a header table's value column is prose only without one.
_PROSE_HEADINGS = ("description", "value")


def rows_settled(pairing: RowPairing, restored: Callable[[TableRow, TableRow], bool]) -> bool:
    """Whether every translated row of ``pairing`` is its English row, so a missing row is plainly missing.

    ``restored(translated, english)`` says whether ``--fix`` gives a row
    paired under another name its English name. A row English lacks, or one
    under a name no fix restores, may be the missing row under another name.
    """
    return not pairing.extra and all(
        row_identifier(translated).lower() == row_name(source).lower() or restored(translated, source)
        for translated, source in pairing.paired
    )


def missing_row_fix(
    page: Page, table: Table, english: Table, row: TableRow, pairing: RowPairing, settled: bool
) -> Fix | None:
    """The insertion of English ``row`` into the translated ``table``, or ``None`` when it cannot be written safely.

    ``pairing`` is the tables' row pairing, of which ``row`` is a missing row;
    ``settled`` is :func:`rows_settled` of it, computed once per table.
    """
    if not settled or page.format != "markdown" or len(table.header.cells) != len(english.header.cells):
        return None  # a row under another name may be this one
    description = _prose_column(english)
    style = _bar_style(table)
    if description is None or style is None or len(row.cells) != len(english.header.cells):
        return None
    cells = [cell.text for cell in row.cells]
    if any("\n" in text or "\r" in text for text in cells):
        return None
    if cells[description]:
        cells[description] = f"{TRANSLATE_MARK} {cells[description]}"
    escaped = [text.replace("|", "\\|") for text in cells]  # the parser unescaped ``\|``: a bare bar splits the cell
    line = (" | " if style else "|").join(escaped)
    written = f"| {line} |" if style else f"|{line}|"
    return Fix((insert_lines(_insertion_line(table, english, row, pairing.paired), [written]),))


def _prose_column(english: Table) -> int | None:
    """The English table's description column, the one cell a translator rewrites."""
    headings = [plain_name(cell.text).lower() for cell in english.header.cells]
    for wanted in _PROSE_HEADINGS:
        if wanted in headings:
            return headings.index(wanted)
    return None


def _bar_style(table: Table) -> bool | None:
    """Whether the table pads its bars with a space (``| a |``, not ``|a|``); ``None`` when it cannot be copied.

    A row that does not start at column 1 stands in a quote or a list (its
    prefix is not in the model), and a row whose first cell starts where the
    row does has no leading bar; an inserted row could match neither.
    """
    rows = (table.header, *table.rows, *table.labels)
    if any(item.span.column != 1 or not item.cells or item.cells[0].span.column == 1 for item in rows):
        return None
    model = table.rows[0] if table.rows else table.header
    return model.cells[0].span.column > model.span.column + 1


def _insertion_line(table: Table, english: Table, row: TableRow, paired: Sequence[tuple[TableRow, TableRow]]) -> int:
    """The line before which the English ``row`` goes, to stand in the English order."""
    standing_for = {id(source): translated for translated, source in paired}
    english_rows = list(english.rows)
    place = next(index for index, candidate in enumerate(english_rows) if candidate is row)
    for before in reversed(english_rows[:place]):
        translated = standing_for.get(id(before))
        if translated is not None:
            return translated.span.end_line + 1
    for after in english_rows[place + 1 :]:
        translated = standing_for.get(id(after))
        if translated is not None:
            return translated.span.line
    return table.span.end_line + 1
