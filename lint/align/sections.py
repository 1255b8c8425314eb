"""Which section of a translation stands for which section of its English page.

Anchors are the stable part of a heading: Graph translations keep the
English anchor (``<a name="request-body">``), so a section is first matched
by anchor. A translation whose headings lost their anchors (a rendering, an
old page written with other headings) still has sections of the same role in
the same order, so the rest are matched role by role, in order. The words of
a heading are never compared: they are translated.
"""

from __future__ import annotations

from msgspec import Struct

from lint.model import Page, Section, Span


class SectionAlignment(Struct, frozen=True):
    """The sections of a translation matched to the English page's.

    ``english_of`` maps a translated anchor to its English section;
    ``translated_of`` maps an English anchor to its translated section.
    """

    english_of: dict[str, Section]
    translated_of: dict[str, Section]
    english_sections: tuple[Section, ...]
    translated_sections: tuple[Section, ...]

    def place_for(self, english_line: int, page: Page) -> tuple[Span, Section | None]:
        """Where a translation should show what English has at ``english_line``.

        The innermost English section around the line that the translation
        has; failing that (a rendering without the enclosing headings), the
        first later English section the translation has, since the missing
        thing belongs just before it; failing that, the page's first line.
        """
        around = [
            section
            for section in self.english_sections
            if section.span.line <= english_line <= (section.end_line or section.span.line)
        ]
        for section in sorted(around, key=lambda item: item.span.line, reverse=True):
            counterpart = self.translated_of.get(section.anchor)
            if counterpart is not None:
                return counterpart.span, counterpart
        for section in self.english_sections:
            if section.span.line > english_line and section.anchor in self.translated_of:
                counterpart = self.translated_of[section.anchor]
                return counterpart.span, counterpart
        return Span(page.path, 1, 1, 1), None


def align_sections(page: Page, english: Page) -> SectionAlignment:
    """Match sections by anchor, then the rest role by role in document order."""
    english_of: dict[str, Section] = {}
    translated_of: dict[str, Section] = {}
    english_by_anchor = {section.anchor: section for section in english.sections}
    for section in page.sections:
        source = english_by_anchor.get(section.anchor)
        if source is not None and source.anchor not in translated_of:
            english_of[section.anchor] = source
            translated_of[source.anchor] = section
    for section in page.sections:
        if section.anchor in english_of:
            continue
        # The next English section of the same role after the last one matched above it.
        floor = _matched_floor(page, section, english_of)
        for candidate in english.sections:
            if (
                candidate.anchor not in translated_of
                and candidate.role == section.role
                and candidate.role != "other"
                and candidate.span.line > floor
            ):
                english_of[section.anchor] = candidate
                translated_of[candidate.anchor] = section
                break
    return SectionAlignment(english_of, translated_of, english.sections, page.sections)


def _matched_floor(page: Page, section: Section, english_of: dict[str, Section]) -> int:
    """The English line of the nearest matched section before ``section``: order is kept."""
    floor = 0
    for earlier in page.sections:
        if earlier.span.line >= section.span.line:
            break
        matched = english_of.get(earlier.anchor)
        if matched is not None:
            floor = max(floor, matched.span.line)
    return floor
