"""The exchange segments of one localized page, whichever way it carries its English.

Export and import must see the same segments in a page, or an import would
write a translation to other characters than the export read it from: both
call :func:`page_exchange`. A bilingual page (zh-CN ``sxs-lookup`` spans)
gives its embedded pairs; a Markdown translation without them (ru-RU, es-ES)
gives its blocks aligned with the English page (:mod:`lint.exchange.aligned`).
Plain-text and HTML renderings give none: they are generated from the
Markdown, and a translation written into them would be overwritten.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from lint.config import Config
from lint.exchange.aligned import aligned_segments
from lint.exchange.segments import ExchangeSegment, page_segments
from lint.pair import english_source
from lint.parse.detect import parse_source
from lint.source import Source, SourceError, read_source

_BOM = "\ufeff"


@dataclass(frozen=True)
class PageExchange:
    """A page's segments, how many of its blocks did not align, and why it gave none when it cannot."""

    segments: list[ExchangeSegment]
    unaligned: int = 0
    #: Why the page is not exported at all (a rendering, no English page); ``None`` when it is.
    skipped: str | None = None


def page_exchange(path: str, text: str, config: Config) -> PageExchange:
    """The segments of the page at ``path`` whose text is ``text``; offsets are into ``text``.

    ``text`` may start with a byte order mark (import reads it so, to write
    it back); the page is parsed without it, as ``check`` parses it.
    """
    shift = len(_BOM) if text.startswith(_BOM) else 0
    body = text[shift:]
    page = parse_source(Source(path, body, body.encode("utf-8", errors="replace")), config.formats)
    found = page_segments(page, body)
    if found:
        return PageExchange(_shifted(found, shift))
    if page.format != "markdown":
        return PageExchange([], skipped=f"a {page.format} rendering: only Markdown pages are exported")
    english_path = english_source(path, config)
    if english_path is None:
        return PageExchange([], skipped="no English page to align it with")
    try:
        english = read_source(english_path, root=config.symlink_root(), max_size=config.max_file_size)
    except SourceError as error:
        return PageExchange([], skipped=f"its English page cannot be read: {error}")
    english_body = english.text.removeprefix(_BOM)
    alignment = aligned_segments(page, body, parse_source(english, config.formats), english_body)
    return PageExchange(_shifted(alignment.segments, shift), alignment.unaligned)


def _shifted(segments: list[ExchangeSegment], shift: int) -> list[ExchangeSegment]:
    if not shift:
        return segments
    return [dataclasses.replace(s, start=s.start + shift, end=s.end + shift) for s in segments]
