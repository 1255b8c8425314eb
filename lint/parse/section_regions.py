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
    One pass with a stack of the sections still open (levels rising to the top):
    searching the later sections for each one was quadratic on a page of many.
    """
    ends = [last_line] * len(sections)
    open_sections: list[int] = []
    for position, section in enumerate(sections):
        while open_sections and sections[open_sections[-1]].level >= section.level:
            ends[open_sections.pop()] = section.span.line - 1
        open_sections.append(position)
    return tuple(replace(section, end_line=end) for section, end in zip(sections, ends, strict=True))
