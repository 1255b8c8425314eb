"""What a rule attaches to a finding it can repair: text to replace at a line and column.

An edit names the text it replaces, not only where: a page edited since the
check (or by an earlier edit of the same run) no longer holds that text
there, and the edit is then skipped instead of corrupting the line. Edits
never span lines, so the file's line ends are never touched. The one kind
of edit that adds lines, :func:`insert_lines`, inserts whole lines before a
line; each takes the line end of the page around it, so a CRLF page stays CRLF.
"""

from __future__ import annotations

from typing import Any

from msgspec import Struct


class Edit(Struct, frozen=True):
    #: 1-based line and column (in code points, as findings count them) of the first replaced character.
    line: int
    column: int
    #: The text found there now, and what replaces it (neither holds a line break, except an insertion's ``new``).
    old: str
    new: str

    @property
    def end_column(self) -> int:
        return self.column + len(self.old)

    @property
    def inserts_lines(self) -> bool:
        """Whether the edit inserts whole lines (each ended by ``\\n``) before its line, replacing nothing."""
        return self.column == 1 and not self.old and self.new.endswith("\n")


def insert_lines(before_line: int, lines: list[str]) -> Edit:
    """An edit that inserts ``lines`` (without their ends) before line ``before_line``.

    ``before_line`` may be one past the last line, to append. The lines are
    written with the page's own line end when applied.
    """
    return Edit(before_line, 1, "", "".join(line + "\n" for line in lines))


class Fix(Struct, frozen=True):
    """The edits that repair one finding, applied all or none."""

    edits: tuple[Edit, ...]
    #: Safe: the edit restores what English dictates (an identifier, a code); unsafe: it touches prose.
    safe: bool = True


def fix_data(fix: Fix) -> dict[str, Any]:
    """A fix as a JSON report writes it: whether it is safe, and each edit's place, old and new text."""
    return {
        "safe": fix.safe,
        "edits": [{"line": e.line, "column": e.column, "old": e.old, "new": e.new} for e in fix.edits],
    }


def fix_from_data(data: dict[str, Any]) -> Fix:
    """The fix a JSON report wrote (:func:`fix_data`)."""
    return Fix(tuple(Edit(e["line"], e["column"], e["old"], e["new"]) for e in data["edits"]), bool(data["safe"]))
