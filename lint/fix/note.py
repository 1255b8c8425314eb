"""The unsafe fix of a lost note: the English note copied into the translation, marked for translation.

A note carries an API fact (``/app`` is deprecated) that a translation must
not lose; doclint cannot translate it, but it can put the English text
where the note belongs, after a comment a translator (and a reviewer of the
diff) sees. Where it belongs is decided from the English page only when
that is plain: the note opens its section or closes its own text (before
the next heading), and the translation has that section and a heading
after it. A note among other content, or in the page's last section, is
left to a reviewer, as is one whose section in the translation shows a
note already (the one reported lost may be the one it kept).
"""

from __future__ import annotations

from collections.abc import Iterator

from lint.align.sections import SectionAlignment
from lint.fix.edit import Fix, insert_lines
from lint.fix.mark import TRANSLATE_MARK
from lint.model import Note, Page, Section
from lint.parse.callouts import label_led


def insert_note(note: Note, page: Page, english: Page, sections: SectionAlignment) -> Fix | None:
    """The unsafe fix that inserts ``note`` (of ``english``) into ``page``, or None where its place is not plain."""
    if page.format != "markdown" or not note.lines or not all(line.startswith(">") for line in note.lines):
        return None
    home = _innermost(english.sections, note.span.line)
    counterpart = sections.translated_of.get(home.anchor) if home is not None else None
    if home is None or counterpart is None:
        return None
    starts = sorted(_element_lines(english))
    own_end = _next_heading(english.sections, home) or (home.end_line + 1)
    first = not any(home.span.line < line < note.span.line for line in starts)
    last = not any(note.span.end_line < line < own_end for line in starts)
    following = _next_heading(page.sections, counterpart)
    if _has_a_note(page, counterpart, following):
        return None
    if first:
        return Fix((insert_lines(counterpart.span.line + 1, ["", TRANSLATE_MARK, *note.lines]),), safe=False)
    if last and following is not None:
        return Fix((insert_lines(following, [TRANSLATE_MARK, *note.lines, ""]),), safe=False)
    return None


def _has_a_note(page: Page, section: Section, following: int | None) -> bool:
    """Whether the translation's section already shows a note, as a callout or as a labelled paragraph.

    Lost notes are told by count and order: with a note in the section, the
    one reported lost may be the one the translation kept (and another the
    one it lost), and a ``Nota: ...`` quote is a note no callout pattern reads.
    """
    end = following if following is not None else section.end_line + 1
    if any(note.section == section.anchor for note in page.notes):
        return True
    return any(section.span.line < segment.span.line < end and label_led(segment.text) for segment in page.segments)


def _innermost(sections: tuple[Section, ...], line: int) -> Section | None:
    around = [section for section in sections if section.span.line <= line <= (section.end_line or line)]
    return max(around, key=lambda section: section.span.line, default=None)


def _next_heading(sections: tuple[Section, ...], section: Section) -> int | None:
    """The line of the first heading after ``section``'s own (a subsection's or the next section's)."""
    return min((other.span.line for other in sections if other.span.line > section.span.line), default=None)


def _element_lines(page: Page) -> Iterator[int]:
    """The first line of every element of the page that is not a heading: text, tables, code, examples, notes."""
    headings = {section.span.line for section in page.sections}
    for segment in page.segments:
        if segment.span.line not in headings:
            yield segment.span.line
    for table in page.tables:
        yield table.span.line
    for block in page.code_blocks:
        yield block.span.line
    for request in page.requests:
        yield (request.block or request.span).line
    for response in page.responses:
        yield (response.block or response.span).line
    for example in page.json_examples:
        yield example.span.line
    for other in page.notes:
        yield other.span.line
    for include in page.includes:
        yield include.span.line
