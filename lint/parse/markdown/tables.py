"""The rows of a Markdown table as the writer meant them, from markdown-it-py's tokens.

markdown-it-py reads a table line by line, and two things writers do break
it in ways the rendered page hides poorly and a linter must not repeat:

* a cell that goes on to the next line without a leading ``|`` (a line
  break inside a translated description) is read as a row of its own, one
  cell wide and padded with empty ones: rules then take the description's
  second half for a parameter name. Such a line is joined back to the cell
  it continues and reported once, at the line;
* an HTML comment on a line of its own between two rows (a
  ``<!-- doclint-disable-next-line ... -->`` for the row below) ends the
  table, and the rows after it become a paragraph. The rows after a comment
  are read again, under the table's own header, so the table stays one;
* an HTML comment written at the start of a row's own line
  (``<!-- Please verify ... -->| classCode | ... |``, left by translation
  tools) makes the whole line an HTML block: the row vanished, or another
  reader took the comment for its first cell. The comment is kept as a
  comment, and the rest of the line (and the rows below it) read again as
  rows of the table.

Positions stay those of the file: rows and cells keep their own lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it.token import Token
from msgspec import Struct, field

from lint.lazy_pattern import lazy_compile

__all__ = ["RawRow", "RawTable", "blank_leading_comment", "read_table"]

#: A comment that is no block annotation (``<!-- { "blockType": ... } -->`` binds to a code block).
_PLAIN_COMMENT = lazy_compile(r"^\s*<!--(?!\s*\{).*-->\s*$", re.DOTALL)
#: What may stand before a table row on its line: indentation and quote markers.
_PREFIX = " \t>"
#: A row led by a plain comment on its line: the comment, then the row's first ``|``.
_COMMENT_LED_ROW = re.compile(r"^(?P<prefix>[ \t>]*)(?P<comment><!--(?!\s*\{).*?-->)(?P<row>[ \t]*\|.*)$")


class RawRow(Struct):
    """One table row: its 1-based line, and the Markdown of each cell."""

    line: int
    contents: list[str]
    #: The last line of each cell (a continued cell ends on a later line).
    cell_ends: list[int] = field(default_factory=list)

    @property
    def last_line(self) -> int:
        return max(self.cell_ends, default=self.line)


class RawTable(Struct):
    """What :func:`read_table` found, for the parser to turn into the model."""

    #: The header row first, then the body rows, continuations joined.
    rows: list[RawRow]
    #: The last line (1-based, inclusive) of the table, rows after comments included.
    end: int
    #: Comments between rows, which the parser records as any other comment.
    comments: list[Token]
    #: The line of each continuation that broke a row (the first, if several).
    broken: list[int]
    #: Index of the first token after the table.
    next_index: int


def read_table(tokens: list[Token], index: int, lines: list[str], parse: Callable[[str], list[Token]]) -> RawTable:
    """Read the table whose ``table_open`` is ``tokens[index]``.

    ``lines`` are the page's lines; ``parse`` is the page's Markdown parser,
    used again on the rows a comment split off.
    """
    table_token = tokens[index]
    assert table_token.map is not None
    start, end = table_token.map
    index += 1
    rows: list[RawRow] = []
    while index < len(tokens) and tokens[index].type != "table_close":
        index = _collect(tokens, index, rows, 0)
    index += 1
    comments: list[Token] = []
    while True:
        rejoined = _rows_after_comment(tokens, index, lines, start, end, parse)
        if rejoined is None:
            rejoined = _comment_led_rows(tokens, index, lines, start, end, parse)
        if rejoined is None:
            break
        comment, more, end, used = rejoined
        comments.append(comment)
        rows.extend(more)
        index += used
    joined, broken = _join_continuations(rows, lines)
    return RawTable(joined, end, comments, broken, index)


def _collect(tokens: list[Token], index: int, rows: list[RawRow], offset: int) -> int:
    """Add the row a ``tr_open`` at ``index`` starts (lines shifted by ``offset``); return the next index."""
    token = tokens[index]
    if token.type == "tr_open":
        assert token.map is not None
        rows.append(RawRow(token.map[0] + 1 + offset, []))
    elif token.type == "inline" and rows:
        rows[-1].contents.append(token.content)
        rows[-1].cell_ends.append(rows[-1].line)
    return index + 1


def _rows_after_comment(
    tokens: list[Token], index: int, lines: list[str], start: int, end: int, parse: Callable[[str], list[Token]]
) -> tuple[Token, list[RawRow], int, int] | None:
    """The rows a comment right below the table split off into a paragraph, if any.

    They are parsed again under the table's header and delimiter lines; only
    when all of them read as rows of that one table are they taken.
    """
    if index + 3 >= len(tokens):
        return None
    comment, paragraph = tokens[index], tokens[index + 1]
    if comment.type != "html_block" or paragraph.type != "paragraph_open":
        return None
    if comment.map is None or paragraph.map is None or comment.map[0] != end or paragraph.map[0] != comment.map[1]:
        return None
    first, stop = paragraph.map
    if not _PLAIN_COMMENT.match(comment.content) or not lines[first].lstrip(_PREFIX).startswith("|"):
        return None
    more = _rows_under_header(lines, start, first, lines[first:stop], parse)
    if more is None:
        return None
    return comment, more, stop, 4  # the comment, then paragraph_open, inline, paragraph_close


def _comment_led_rows(
    tokens: list[Token], index: int, lines: list[str], start: int, end: int, parse: Callable[[str], list[Token]]
) -> tuple[Token, list[RawRow], int, int] | None:
    """The row a comment leads on its own line right below the table, and the rows after it, if any.

    Markdown reads ``<!-- ... -->| a | b |`` as an HTML block (a comment opens
    one that ends on the line holding ``-->``), so the row and the table end
    there. The rest of the line is read again under the table's header, with
    the lines starting with ``|`` right after it (a paragraph for Markdown).
    """
    if index >= len(tokens):
        return None
    block = tokens[index]
    if block.type != "html_block" or block.map != [end, end + 1]:
        return None
    led = _COMMENT_LED_ROW.match(lines[end])
    if led is None:
        return None
    used, stop = 1, end + 1
    if index + 3 < len(tokens):
        paragraph = tokens[index + 1]
        if (
            paragraph.type == "paragraph_open"
            and paragraph.map is not None
            and paragraph.map[0] == end + 1
            and lines[end + 1].lstrip(_PREFIX).startswith("|")
        ):
            used, stop = 4, paragraph.map[1]
    written = [led.group("prefix") + led.group("row").lstrip(" \t"), *lines[end + 1 : stop]]
    more = _rows_under_header(lines, start, end, written, parse)
    if more is None and used == 4:  # the paragraph is no rows of the table: the led row alone, then
        used, stop = 1, end + 1
        more = _rows_under_header(lines, start, end, written[:1], parse)
    if more is None:
        return None
    comment = Token("html_block", "", 0, map=[end, end + 1], content=led.group("comment") + "\n")
    return comment, more, stop, used


def _rows_under_header(
    lines: list[str], start: int, first: int, written: list[str], parse: Callable[[str], list[Token]]
) -> list[RawRow] | None:
    """``written`` (from 0-based line ``first`` on) parsed as body rows of the table at ``start``.

    ``None`` unless every line reads as a row of that one table.
    """
    synthetic = [lines[start], lines[start + 1], *written]
    parsed = parse("\n".join(synthetic))
    tables = [token for token in parsed if token.type == "table_open"]
    if len(tables) != 1 or tables[0].map != [0, len(synthetic)]:
        return None
    rows: list[RawRow] = []
    position = 0
    while position < len(parsed):
        position = _collect(parsed, position, rows, first - 2)
    return [row for row in rows if row.line > first]


def blank_leading_comment(raw: str) -> str:
    """A row's line with the comment that leads it (``<!-- ... -->| a |``) blanked, columns kept."""
    led = _COMMENT_LED_ROW.match(raw)
    if led is None:
        return raw
    return led.group("prefix") + " " * len(led.group("comment")) + led.group("row")


def _join_continuations(rows: list[RawRow], lines: list[str]) -> tuple[list[RawRow], list[int]]:
    """Join each line that continues the row above it back into that row's last written cell.

    A continuation is a line of a table whose rows start with ``|`` that does
    not, and that fills only its first cell: markdown-it-py reads it as a row
    padded with empty cells. (A table written without leading pipes has no
    such tell; its rows are left as they are.)
    """
    if not rows:
        return rows, []
    piped = lines[rows[0].line - 1].lstrip(_PREFIX).startswith("|")
    joined: list[RawRow] = [rows[0]]
    broken: list[int] = []
    for row in rows[1:]:
        written = [content for content in row.contents if content.strip()]
        is_continuation = (
            piped
            and len(joined) > 1
            and not lines[row.line - 1].lstrip(_PREFIX).startswith("|")
            and len(written) == 1
            and row.contents[0].strip()
        )
        if not is_continuation:
            joined.append(row)
            continue
        previous = joined[-1]
        if previous.last_line == previous.line:
            broken.append(row.line)
        filled = [position for position, content in enumerate(previous.contents) if content.strip()]
        target = filled[-1] if filled else len(previous.contents) - 1
        previous.contents[target] = previous.contents[target].rstrip() + " " + row.contents[0].strip()
        previous.cell_ends[target] = row.line
    return joined, broken
