"""Give each section the region of the page it governs.

Parsers meet headings one at a time, but a section's last line is known only
once the next heading of its level or above appears, or the page ends. So
sections are collected as they open and closed together at the end, the
same way whatever the input format.
"""

from __future__ import annotations

from collections.abc import Sequence

from msgspec.structs import replace

from lint.model import Section

__all__ = ["close_sections"]


def close_sections(sections: Sequence[Section], last_line: int) -> tuple[Section, ...]:
    """``sections`` with ``end_line`` set: up to the next heading of their level or above.

    The last section of each level runs to ``last_line``, the page's last line.
    """
    closed = []
    for position, section in enumerate(sections):
        end = last_line
        for later in sections[position + 1 :]:
            if later.level <= section.level:
                end = later.span.line - 1
                break
        closed.append(replace(section, end_line=end))
    return tuple(closed)
