"""The segments of a translation without inline English, aligned block by block with its English page.

ru-RU and es-ES pages carry no ``sxs-lookup`` English: a translator's source
is the English page itself. Blocks (the title and headings, paragraphs, list
items, notes, table cells with prose) are aligned structurally, never by
their words: headings by :mod:`lint.align.sections`; table cells by
:mod:`lint.align.tables` (table by role and section, row by identifier, cell
by column); paragraphs, list items and notes by order within aligned
sections, where both sides have as many blocks of that kind, else around
blocks with the same links (a translation that split or
dropped a paragraph is not guessed at). A block
aligns only when its text is found at its place in the raw file, so that a
returned translation replaces exactly those characters. The rest are counted,
not exported: a wrong source is worse than none.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from lint.align.sections import align_sections
from lint.align.tables import aligned_tables, pair_rows, type_column
from lint.exchange.inline import text_codes
from lint.exchange.segments import ExchangeSegment
from lint.model import Page, Section, Table, TableRow

_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]")
_NOTE = re.compile(r"[ \t]*>")
#: Table roles whose first column names an identifier (a parameter, a header), not prose.
_NAMED_ROLES = frozenset(
    {"path-parameters", "query-parameters", "request-headers", "body-parameters", "response-headers"}
)
_TABLE_ROLES = (*sorted(_NAMED_ROLES), "permissions", "other")


@dataclass(frozen=True)
class Block:
    """A translatable block as written: its kind, the section it stands in, its characters in the file."""

    kind: str
    #: The anchor of the innermost section around the block (``None`` before the first heading).
    region: str | None
    line: int
    column: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Alignment:
    """A translation's exportable segments, and how many of its translatable blocks did not align."""

    segments: list[ExchangeSegment]
    unaligned: int


def aligned_segments(page: Page, text: str, english: Page, english_text: str) -> Alignment:
    """Each block of ``page`` (raw ``text``) aligned with ``english``'s, as an exchange segment."""
    blocks = _blocks(page, text)
    english_blocks = _blocks(english, english_text)
    english_at = {(block.line, block.column): block for block in english_blocks}
    pairs: dict[tuple[int, int], Block] = {}
    _pair_headings(page, english, blocks, english_blocks, pairs)
    types = _pair_cells(page, english, english_at, pairs)
    _pair_in_order(page, english, blocks, english_blocks, pairs)
    segments = []
    translatable = [block for block in blocks if block.kind != "fixed" and (block.line, block.column) not in types]
    for block in translatable:
        source = pairs.get((block.line, block.column))
        if source is None or block.kind == "unplaced":  # aligned, but its characters are not where the model says
            continue
        segments.append(
            ExchangeSegment(
                page=page.path,
                line=block.line,
                segment_id=f"l{block.line}c{block.column}",
                source=source.text,
                target=block.text,
                start=block.start,
                end=block.end,
                first_column=block.column,
                last_column=block.column + len(block.text.partition("\n")[0]) - 1,
                origin="english-page",
            )
        )
    return Alignment(segments, len(translatable) - len(segments))


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(index + 1 for index, char in enumerate(text) if char == "\n")
    return starts


def _innermost(sections: tuple[Section, ...], line: int) -> str | None:
    around = [s for s in sections if s.span.line <= line <= (s.end_line or s.span.line)]
    return max(around, key=lambda section: section.span.line).anchor if around else None


def _blocks(page: Page, text: str) -> list[Block]:
    """The page's visible text as blocks: segments located in ``text``, continuation lines joined.

    Identifier cells (a parameter's name, its type) are ``fixed``: nothing to
    translate. A segment whose text is not at its place in ``text`` yields
    a block of kind ``unplaced``, counted but never exported.
    """
    starts = _line_starts(text)
    headings = {section.span.line for section in page.sections}
    cells = _cell_kinds(page)
    blocks: list[Block] = []
    for segment in page.segments:
        line, column = segment.span.line, segment.span.column
        if line > len(starts):
            continue
        start = starts[line - 1] + column - 1
        end = start + len(segment.text)
        line_end = text.find("\n", starts[line - 1])
        raw_line = text[starts[line - 1] : len(text) if line_end < 0 else line_end]
        kind = cells.get((line, column)) or _line_kind(raw_line, line in headings)
        if text[start:end] != segment.text:
            kind = "unplaced" if kind != "fixed" else kind
        previous = blocks[-1] if blocks else None
        if (
            previous is not None
            and (kind == "paragraph" or kind == previous.kind == "note")
            and previous.kind in ("paragraph", "list-item", "note")
            and line == previous.line + previous.text.count("\n") + 1
            and text[previous.end : start].strip(" \t\r\n>") == ""
        ):
            blocks[-1] = Block(
                previous.kind,
                previous.region,
                previous.line,
                previous.column,
                previous.start,
                end,
                text[previous.start : end],
            )
            continue
        blocks.append(Block(kind, _innermost(page.sections, line), line, column, start, end, segment.text))
    return blocks


def _line_kind(raw_line: str, heading: bool) -> str:
    if heading:
        return "heading"
    if raw_line.lstrip().startswith("|"):
        return "unplaced"  # a table line that is no cell the model knows
    if _LIST_ITEM.match(raw_line):
        return "list-item"
    if _NOTE.match(raw_line):
        return "note"
    return "paragraph"


def _cell_kinds(page: Page) -> dict[tuple[int, int], str]:
    """Every table cell's place: ``fixed`` for identifier and type cells, ``cell`` for prose."""
    kinds: dict[tuple[int, int], str] = {}
    for table in page.tables:
        fixed = _fixed_columns(table)
        for row in (table.header, *table.rows, *table.labels):
            for index, cell in enumerate(row.cells):
                kind = "fixed" if index in fixed and row is not table.header else "cell"
                kinds[cell.span.line, cell.span.column] = kind
    return kinds


def _fixed_columns(table: Table) -> set[int]:
    """The columns of an (English) table that hold identifiers: a named role's first, and the Type column."""
    fixed = {0} if table.role in _NAMED_ROLES else set()
    type_index = type_column(table)
    if type_index is not None:
        fixed.add(type_index)
    return fixed


def _pair_headings(
    page: Page, english: Page, blocks: list[Block], english_blocks: list[Block], pairs: dict[tuple[int, int], Block]
) -> None:
    """The title and headings: by section alignment (anchor, then role and order)."""
    alignment = align_sections(page, english)
    headings = {block.line: block for block in blocks if block.kind == "heading"}
    english_headings = {block.line: block for block in english_blocks if block.kind == "heading"}
    for section in page.sections:
        source = alignment.english_of.get(section.anchor)
        heading = headings.get(section.span.line)
        english_heading = english_headings.get(source.span.line) if source is not None else None
        if heading is not None and english_heading is not None:
            pairs[heading.line, heading.column] = english_heading


def _pair_cells(
    page: Page, english: Page, english_at: dict[tuple[int, int], Block], pairs: dict[tuple[int, int], Block]
) -> set[tuple[int, int]]:
    """Prose cells by table, row and column; the places of the translation's name and type cells (no prose).

    A translated table's Type column and role are known only from the
    English table's header (the translated one says ``Тип``), so its name
    and type cells are told here, in every row, a row English lacks included.
    """
    types: set[tuple[int, int]] = set()
    for table, english_table in _table_pairs(page, english):
        fixed = _fixed_columns(english_table)
        for row in (*table.rows, *table.labels):
            types.update((cell.span.line, cell.span.column) for i, cell in enumerate(row.cells) if i in fixed)
        rows: list[tuple[TableRow, TableRow]] = [(table.header, english_table.header)]
        rows.extend(pair_rows(table, english_table).paired)
        for row, english_row in rows:
            if len(row.cells) != len(english_row.cells):
                continue
            for cell, english_cell in zip(row.cells, english_row.cells, strict=True):
                source = english_at.get((english_cell.span.line, english_cell.span.column))
                if source is not None and source.kind == "cell":
                    pairs[cell.span.line, cell.span.column] = source
    return types


def _table_pairs(page: Page, english: Page) -> list[tuple[Table, Table]]:
    """Tables by role (:func:`lint.align.tables.aligned_tables`); then the rest by section and shape.

    A translation's table role comes from its header row, which it
    translated (``Тип разрешения``): such a table is ``other`` where English
    has ``permissions``. It still stands in the section aligned with the
    English table's, with as many columns, so it pairs with the first such
    English table left.
    """
    pairs: list[tuple[Table, Table]] = []
    for role in _TABLE_ROLES:
        pairs.extend(aligned_tables(page, english, role))  # type: ignore[arg-type]
    taken = {id(table) for table, _ in pairs} | {id(source) for _, source in pairs}
    alignment = align_sections(page, english)
    for table in page.tables:
        section = alignment.english_of.get(table.section or "")
        if id(table) in taken or section is None:
            continue
        for candidate in english.tables:
            if (
                id(candidate) not in taken
                and candidate.section == section.anchor
                and len(candidate.header.cells) == len(table.header.cells)
            ):
                pairs.append((table, candidate))
                taken.update((id(table), id(candidate)))
                break
    return pairs


def _pair_in_order(
    page: Page, english: Page, blocks: list[Block], english_blocks: list[Block], pairs: dict[tuple[int, int], Block]
) -> None:
    """Paragraphs, list items and notes: in order within aligned sections (see :func:`_in_order`)."""
    alignment = align_sections(page, english)
    grouped: dict[tuple[str | None, str], list[Block]] = {}
    for block in english_blocks:
        grouped.setdefault((block.region, block.kind), []).append(block)
    mine: dict[tuple[str | None, str], list[Block]] = {}
    for block in blocks:
        if block.kind in ("paragraph", "list-item", "note"):
            mine.setdefault((block.region, block.kind), []).append(block)
    for (region, kind), translated in mine.items():
        if region is None:
            english_region = None
        else:
            section = alignment.english_of.get(region)
            if section is None:
                continue
            english_region = section.anchor
        candidates = grouped.get((english_region, kind), [])
        for index, english_index in _in_order(translated, candidates):
            pairs[translated[index].line, translated[index].column] = candidates[english_index]


def _in_order(translated: list[Block], english: list[Block]) -> list[tuple[int, int]]:
    """Which of ``english`` each of ``translated`` stands for, by index; order is kept on both sides.

    As many on each side: in order. Otherwise blocks that carry the same
    links (a URL is not translated, see :func:`_signature`), each
    signature once on each side, are anchors; between two anchors, the
    blocks pair in order where both sides have as many, and nowhere else (a
    translation without the English's new "Namespace: microsoft.graph" line
    still pairs its description with the English description).
    """
    if len(translated) == len(english):
        return [(index, index) for index in range(len(translated))]
    mine, theirs = [_signature(block) for block in translated], [_signature(block) for block in english]
    anchors = [(-1, -1)]
    for index, signature in enumerate(mine):
        if not signature or mine.count(signature) != 1 or theirs.count(signature) != 1:
            continue
        english_index = theirs.index(signature)
        if english_index > anchors[-1][1]:
            anchors.append((index, english_index))
    anchors.append((len(translated), len(english)))
    found = list(anchors[1:-1])
    for (start, english_start), (end, english_end) in itertools.pairwise(anchors):
        if end - start == english_end - english_start:
            found.extend((start + offset, english_start + offset) for offset in range(1, end - start))
    return sorted(found)


def _signature(block: Block) -> tuple[str, ...]:
    """The link targets and images of a block: no translator changes them, and few blocks share them.

    Code spans are no signature: the same identifier (`item`) runs through
    several paragraphs, and a translation that merged two of them carries it
    once, pairing with the wrong English paragraph (seen in es-ES).
    """
    return tuple(code for code in text_codes(block.text) if code.startswith(("](", "![")))
