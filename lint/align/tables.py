"""Tables and their rows, aligned between a translation and its English page.

Tables pair by role (the model classifies each by its section and header
row, never by translated words): within a role, by the section they stand
in, then by order. Rows pair by identifier, then by position for names a
translator translated. Label rows (a lone ``**RA Policy**`` cell) are kept
apart by the model in ``Table.labels`` and continuation lines that broke a
row are joined into its cells, so neither counts as a row here.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from msgspec import Struct

from lint.model import Cell, Page, Table, TableRole, TableRow
from lint.rules.names import INLINE_CODE, plain_name


class RowPairing(Struct, frozen=True):
    """A translated table's rows set against the English table's.

    ``paired`` holds (translated row, English row): rows of the same name
    (ignoring case); then, between two such rows, the rest in order (a
    translated name stands where the English one stood); then translated
    rows whose name is not ASCII, in order, with the English rows still
    left. ``missing`` are English rows with no counterpart; ``extra``
    translated rows with none.

    A bilingual cell (``<span>原因</span><span class="sxs-lookup">reason</span>``)
    is identified by its embedded English, so it pairs with the English row
    of that name wherever it stands.

    The limit: a translated name that is ASCII (``motivo``, ``Farbe``) is
    told from a real API name only by its place. If the translation moved
    it, it pairs with whatever English row stands at its new place, or is
    reported as extra beside a missing English row.
    """

    paired: tuple[tuple[TableRow, TableRow], ...]
    missing: tuple[TableRow, ...]
    extra: tuple[TableRow, ...]


def row_name(row: TableRow) -> str:
    """The name a row stands for as written on the page (its first cell, without markup)."""
    return plain_name(row.cells[0].text) if row.cells else ""


def row_identifier(row: TableRow) -> str:
    """The identifier a row stands for: its embedded English where the cell has one, else its name."""
    if row.cells and row.cells[0].source:
        return plain_name(row.cells[0].source)
    return row_name(row)


def aligned_tables(page: Page, english: Page | None, role: TableRole) -> list[tuple[Table, Table]]:
    """Each table of ``role`` with the English table of that role it stands for.

    Tables in sections of the same anchor pair first, in order within the
    section (a page documenting two request bodies in two subsections keeps
    them apart even if the translation drops the first); the rest pair by
    order among the tables of the role.
    """
    if english is None:
        return []
    tables, english_tables = page.tables_of(role), english.tables_of(role)
    pairs: dict[int, Table] = {}
    taken: set[int] = set()
    for index, table in enumerate(tables):
        same_section = [
            candidate
            for candidate in english_tables
            if table.section and candidate.section == table.section and id(candidate) not in taken
        ]
        if same_section:
            pairs[index] = same_section[0]
            taken.add(id(same_section[0]))
    left = iter([candidate for candidate in english_tables if id(candidate) not in taken])
    for index in range(len(tables)):
        if index not in pairs:
            source = next(left, None)
            if source is None:
                break
            pairs[index] = source
    return [(tables[index], pairs[index]) for index in sorted(pairs)]


def missing_tables(page: Page, english: Page | None, role: TableRole) -> list[Table]:
    """English tables of ``role`` that no table of the translation stands for."""
    if english is None:
        return []
    paired = {id(source) for _, source in aligned_tables(page, english, role)}
    return [table for table in english.tables_of(role) if id(table) not in paired]


def pair_rows(table: Table, english: Table, by_place: Callable[[str], bool] | None = None) -> RowPairing:
    """Match a translated table's rows to the English table's (see :class:`RowPairing`).

    Rows of the same name are anchors; between two anchors, the rows left on
    each side stand for each other in order (a translated name stands where
    the English one stood, even when the translation has a row more or less
    elsewhere). ``by_place`` says which names may stand for an English row by
    place or order (default: any): a header table passes the names that are no HTTP
    field name, since `Prefer` where English has `Content-Type` is another
    header, not a translation of it.
    """
    rows = [row for row in table.rows if row_name(row)]
    english_rows = [row for row in english.rows if row_name(row)]
    # A name may stand twice (two `Prefer` rows, one per preference): each takes the next of that name.
    by_name: dict[str, list[int]] = {}
    for index, row in enumerate(english_rows):
        by_name.setdefault(row_name(row).lower(), []).append(index)
    paired: dict[int, int] = {}
    for index, row in enumerate(rows):
        match = next((j for j in by_name.get(row_identifier(row).lower(), ()) if j not in paired.values()), None)
        if match is not None:
            paired[index] = match
    anchors = [(-1, -1)]
    for index in sorted(paired):
        if paired[index] > anchors[-1][1]:
            anchors.append((index, paired[index]))
    anchors.append((len(rows), len(english_rows)))
    for (start, english_start), (end, english_end) in pairwise(anchors):
        gap = [i for i in range(start + 1, end) if i not in paired]
        english_gap = [j for j in range(english_start + 1, english_end) if j not in paired.values()]
        _pair_in_order(rows, english_rows, gap, english_gap, paired, by_place)
    # A translated name that moved (the translation reordered rows) is no API
    # name at all: it stands for the next English row left over, in order.
    left = [j for j in range(len(english_rows)) if j not in paired.values()]
    moved = [
        index
        for index, row in enumerate(rows)
        if index not in paired and not row_name(row).isascii() and (by_place is None or by_place(row_name(row)))
    ]
    _pair_in_order(rows, english_rows, moved, left, paired, None)
    taken = set(paired.values())
    return RowPairing(
        paired=tuple((rows[index], english_rows[paired[index]]) for index in sorted(paired)),
        missing=tuple(row for j, row in enumerate(english_rows) if j not in taken),
        extra=tuple(row for index, row in enumerate(rows) if index not in paired),
    )


def _pair_in_order(
    rows: list[TableRow],
    english_rows: list[TableRow],
    gap: list[int],
    english_gap: list[int],
    paired: dict[int, int],
    by_place: Callable[[str], bool] | None,
) -> None:
    """Pair the translated rows ``gap`` with the English rows ``english_gap``, in order, into ``paired``.

    When both sides hold as many rows, each stands for the English row at
    its place. When they do not, English added or the translation dropped
    rows somewhere in the gap, and order alone cannot tell where: a row
    whose description writes inline code (`anonymous`, `organization`)
    stands for the English row writing the same code, and a row whose code
    shares nothing with the English row at its place stands for none of
    them (`ámbito` beside `password` is `scope`, not `password`). Pairing
    keeps the order: a row never pairs with an English row before one
    already taken.
    """
    candidates = [index for index in gap if by_place is None or by_place(row_name(rows[index]))]
    if len(candidates) == len(english_gap):
        paired.update(zip(candidates, english_gap, strict=True))
        return
    position = 0
    for index in candidates:
        if position >= len(english_gap):
            break
        codes = _description_codes(rows[index])
        later = english_gap[position:]
        same = [j for j in later if codes and _description_codes(english_rows[j]) == codes]
        if len(same) == 1:
            paired[index] = same[0]
            position = english_gap.index(same[0]) + 1
            continue
        at_place = _description_codes(english_rows[later[0]])
        if codes and at_place and not codes & at_place:
            continue  # its code says it is another row than the English one at its place
        paired[index] = later[0]
        position += 1


def _description_codes(row: TableRow) -> frozenset[str]:
    """The inline code the row writes outside its name cell: the values and names a translation keeps verbatim."""
    return frozenset(code.strip() for cell in row.cells[1:] for _, code in INLINE_CODE.findall(cell.text))


_TYPE_HEADINGS = frozenset({"type", "data type", "value type"})


def type_column(english: Table) -> int | None:
    """The index of the English table's Type column, if it has one."""
    for index, cell in enumerate(english.header.cells):
        if plain_name(cell.text).lower() in _TYPE_HEADINGS:
            return index
    return None


def cell_at(row: TableRow, index: int) -> Cell | None:
    return row.cells[index] if index < len(row.cells) else None
