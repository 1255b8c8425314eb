"""What a rule attaches to a finding it can repair: text to replace at a line and column.

An edit names the text it replaces, not only where: a page edited since the
check (or by an earlier edit of the same run) no longer holds that text
there, and the edit is then skipped instead of corrupting the line. Edits
never span lines, so the file's line ends are never touched.
"""

from __future__ import annotations

from msgspec import Struct


class Edit(Struct, frozen=True):
    #: 1-based line and column (in code points, as findings count them) of the first replaced character.
    line: int
    column: int
    #: The text found there now, and what replaces it (neither holds a line break).
    old: str
    new: str

    @property
    def end_column(self) -> int:
        return self.column + len(self.old)


class Fix(Struct, frozen=True):
    """The edits that repair one finding, applied all or none."""

    edits: tuple[Edit, ...]
    #: Safe: the edit restores what English dictates (an identifier, a code); unsafe: it touches prose.
    safe: bool = True
