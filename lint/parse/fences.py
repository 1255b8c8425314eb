"""Tell a code fence the writer forgot to close from one that is closed.

CommonMark never fails on a missing closing fence: the code block just runs
on, to the end of the page (or of the list item or quote holding it), or,
far more often, up to the closing fence of the *next* block, whose opening
line (```` ```http ````) it reads as code. Either way headings, prose and
the next example disappear into one code block, and a JSON parser run on it
reports ``Extra data`` somewhere in the middle. This module reads the
fence's lines once more and says what happened, so the parser can report
the one defect at the opening fence instead.
"""

from __future__ import annotations

import re

from msgspec import Struct

__all__ = ["UnclosedFence", "find_unclosed"]

#: What may stand before a fence on its line: indentation and quote markers.
_PREFIX = r"^[ \t>]*"


class UnclosedFence(Struct, frozen=True):
    """Where an unclosed fence's code runs, as 1-based file lines."""

    #: The opening fence's line.
    opening: int
    #: The last line read as code.
    last: int
    #: The line of another fence's opening line swallowed as code, if any.
    swallowed_opening: int | None = None
    #: True when the code runs to the end of the page (not of a quote or list item).
    to_end: bool = False
    #: The first heading swallowed as code (line, text), where a page's skeleton tells one
    #: (platyPS: ``### EXAMPLE 2``, ``## PARAMETERS``).
    swallowed_heading: tuple[int, str] | None = None

    def message(self) -> str:
        """What the writer reads: which lines became code, naming the opening line."""
        if self.swallowed_heading is not None:
            line, text = self.swallowed_heading
            where = "to the end of the page" if self.to_end else f"up to line {self.last}"
            return (
                f"this code fence is not closed before the heading `{text}` on line {line}: "
                f"everything after line {self.opening} {where} is code; add the closing fence"
            )
        if self.swallowed_opening is not None:
            return (
                f"this code fence is not closed before the fence on line {self.swallowed_opening}: "
                f"everything after line {self.opening} up to line {self.last} is code"
            )
        where = f"this code fence is never closed: everything after line {self.opening} is code"
        if self.to_end:
            return f"{where}, to the end of the page; add the closing fence"
        return f"{where}, to line {self.last}; add the closing fence"


def find_unclosed(lines: list[str], first: int, end: int, markup: str) -> UnclosedFence | None:
    """Whether the fence on file lines ``first``..``end`` (1-based, inclusive) is unclosed.

    ``lines`` are the page's lines; ``markup`` is the opening fence (```` ``` ````,
    ``~~~~`` ...). A fence is unclosed when its last line is no closing fence,
    or when its code holds a line opening another fence of the same kind (a
    fence with a language cannot close one, so it was read as code): the
    writer's missing closing fence belongs before it.
    """
    char, length = markup[0], len(markup)
    marker = re.escape(char) + "{" + str(length) + ",}"
    closing = re.compile(_PREFIX + marker + r"[ \t]*$")
    opening = re.compile(_PREFIX + marker + r"[ \t]*[^\s" + re.escape(char) + "]")
    closed = end > first and closing.match(lines[end - 1]) is not None
    last_code = end - 1 if closed else end
    for line in range(first + 1, last_code + 1):
        if opening.match(lines[line - 1]):
            return UnclosedFence(first, last_code, swallowed_opening=line)
    if closed:
        return None
    to_end = all(not text.strip() for text in lines[end:])
    return UnclosedFence(first, last_code, to_end=to_end)
