"""The bilingual segments of a localized page, located in its raw text.

The parsed model (:class:`lint.model.Segment`) tells which segments a page has
and their English; writing a translation back needs the exact characters of
the translated span in the file, which the model does not keep (its segment
text is cleaned of stray spans, and its column is found by searching the
line). So each pair is found again in the raw text with the parser's own
pattern (:data:`lint.parse.markdown.bilingual.PAIR_PATTERN`), keeping only the
pairs the parser can see: one line each, as it reads the page line by line.
Only bilingual (``sxs-lookup``) pages carry their English beside each
sentence; pages without it are aligned with their English page instead
(:mod:`lint.exchange.aligned`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lint.model import Page
from lint.parse.markdown.bilingual import PAIR_PATTERN

_PAIR = re.compile(PAIR_PATTERN)


@dataclass(frozen=True)
class ExchangeSegment:
    """One translatable segment: where it is, its English and its translation, as written in the file."""

    page: str
    line: int
    segment_id: str
    source: str
    target: str
    #: Character offsets of ``target`` in the page's text.
    start: int
    end: int
    #: 1-based columns of the whole bilingual markup (both spans) on its line: findings there are on this segment.
    first_column: int = 0
    last_column: int = 0
    #: Where the English comes from: ``embedded`` in the page (bilingual markup) or the ``english-page``, aligned.
    origin: str = "embedded"


def bilingual_pairs(path: str, text: str) -> list[ExchangeSegment]:
    """Every bilingual pair of ``text``, in page order, with the raw characters of both sides."""
    pairs = []
    for match in _PAIR.finditer(text):
        if "\n" in match.group():
            continue  # a pair broken across lines (a table row split in two): no segment the parser reads
        line = text.count("\n", 0, match.start()) + 1
        line_start = text.rfind("\n", 0, match.start()) + 1
        pairs.append(
            ExchangeSegment(
                page=path,
                line=line,
                segment_id=match["id"],
                source=match["source"],
                target=match["text"],
                start=match.start("text"),
                end=match.end("text"),
                first_column=match.start() - line_start + 1,
                last_column=match.end() - line_start,
            )
        )
    return pairs


def page_segments(page: Page, text: str) -> list[ExchangeSegment]:
    """The segments of ``page`` that have an English source in the page, as found in ``text``.

    A pair is exported only when the parser also saw a segment with English
    there, by id or (table cells, whose segments carry no id) on its line, so
    markup that merely looks bilingual, inside a code block, stays out.
    """
    with_source = [segment for segment in page.segments if segment.source is not None]
    known = {segment.segment_id for segment in with_source}
    lines = {segment.span.line for segment in with_source}
    return [pair for pair in bilingual_pairs(page.path, text) if pair.segment_id in known or pair.line in lines]
