"""Which line of a translation stands beside which line of its English page, for the side-by-side view.

Translated prose shares no words with its English, so lines are compared by
what translations keep: a heading's stable anchor, a table row's place in
its table (the header with the header, the separator with the separator, a
row by its first cell when that is a name), code and markup lines by their
text, blank lines as blank. difflib's SequenceMatcher lines those keys up;
between two matched lines, the lines left over are paired in order, as a
side-by-side diff does.

A drift finding names a translated line and an English line: the two are put
on one row whenever that contradicts no line matched by content. When it
would (a row the translation lacks is reported at the translated table's
header, beside which the English header belongs), the finding is shown on
its translated line and quotes the English one instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher
from itertools import zip_longest

from lint.model import Page

#: One row of the view: a translated line and an English line (1-based), either possibly absent.
Row = tuple[int | None, int | None]

#: A heading anchor's uniqueness suffix: the second "Response" of a page is ``response-1`` in
#: English and may be ``response`` in a translation that dropped the first.
_ANCHOR_SUFFIX = re.compile(r"-\d+$")
_HEADER = "row:#header"
_SEPARATOR = "row:#separator"


def line_keys(lines: list[str], page: Page | None) -> list[str]:
    """One comparison key per line (see the module docstring); ``page`` gives the structure, if parsed."""
    keys = ["" if not line.strip() else "text:" + " ".join(line.split()) for line in lines]
    if page is None:
        return keys

    def put(line: int, key: str) -> None:
        if 0 < line <= len(keys) and keys[line - 1]:
            keys[line - 1] = key

    for table in page.tables:
        for line in range(table.header.span.line + 1, table.span.end_line + 1):
            put(line, _SEPARATOR)  # overwritten below for every row the model knows
        for row in (*table.rows, *table.labels):
            first = row.cells[0] if row.cells else None
            name = (first.source or first.text).strip() if first is not None else ""
            put(row.span.line, f"row:{name}")
        put(table.header.span.line, _HEADER)
    for section in page.sections:
        put(section.span.line, f"h{section.level}:{_ANCHOR_SUFFIX.sub('', section.anchor)}")
    return keys


def align_lines(translated: list[str], english: list[str], anchors: Iterable[tuple[int, int]] = ()) -> list[Row]:
    """Rows pairing the lines of two pages by their keys (:func:`line_keys`), every line of each exactly once.

    ``anchors`` are (translated line, English line) pairs that findings name;
    each goes on one row unless it crosses a pair matched by content or an
    anchor taken before it.
    """
    matched = [
        pair
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, translated, english, autojunk=False).get_opcodes()
        if tag == "equal"
        for pair in zip(range(i1 + 1, i2 + 1), range(j1 + 1, j2 + 1), strict=True)
        if translated[pair[0] - 1]  # blank lines pair up freely; they are no evidence against an anchor
    ]
    chosen: list[tuple[int, int]] = []
    for left, right in sorted(set(anchors)):
        if not (0 < left <= len(translated) and 0 < right <= len(english)):
            continue
        if all(_consistent((left, right), other) for other in (*matched, *chosen)):
            chosen.append((left, right))
    chosen.sort()
    rows: list[Row] = []
    start_left, start_right = 1, 1
    for left, right in [*chosen, (len(translated) + 1, len(english) + 1)]:
        rows.extend(_diff(translated, english, (start_left, left), (start_right, right)))
        if left <= len(translated):
            rows.append((left, right))
        start_left, start_right = left + 1, right + 1
    return rows


def _consistent(pair: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether two pairs can both be rows of one alignment (both lines move the same way, or it is one pair)."""
    if pair == other:
        return True
    return (pair[0] - other[0]) * (pair[1] - other[1]) > 0


def _diff(translated: list[str], english: list[str], left: tuple[int, int], right: tuple[int, int]) -> list[Row]:
    """Rows for translated lines ``left[0] ..< left[1]`` and English lines ``right[0] ..< right[1]``."""
    rows: list[Row] = []
    keys_left = translated[left[0] - 1 : left[1] - 1]
    keys_right = english[right[0] - 1 : right[1] - 1]
    matcher = SequenceMatcher(None, keys_left, keys_right, autojunk=False)
    for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
        lines_left = range(left[0] + i1, left[0] + i2)
        lines_right = range(right[0] + j1, right[0] + j2)
        rows.extend(zip_longest(lines_left, lines_right))
    return rows
