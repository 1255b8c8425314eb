"""Gather a locale's exchange segments from the configured locales root."""

from __future__ import annotations

import os

from lint.config import Config
from lint.discover import iter_pages
from lint.errors import ToolError
from lint.exchange.segments import ExchangeSegment, page_segments
from lint.parse.detect import parse_source
from lint.source import SourceError, read_source


def locale_segments(locale: str, config: Config) -> tuple[list[ExchangeSegment], list[str]]:
    """Every bilingual segment of the pages under ``<locales>/<locale>``, page by page in path order.

    Also the pages that gave none: a page without embedded English cannot be
    exported yet, and the user must be told rather than handed a silently short file.
    """
    folder = config.root / config.locales_root / locale
    if not folder.is_dir():
        raise ToolError(f"no locale {locale!r}: {os.path.relpath(folder)} is not a directory")
    segments: list[ExchangeSegment] = []
    without: list[str] = []
    for path in sorted(iter_pages([os.path.relpath(folder)], config.symlink_root())):
        try:
            source = read_source(path, root=config.symlink_root(), max_size=config.max_file_size)
        except SourceError as error:
            raise ToolError(str(error)) from error
        page = parse_source(source, config.formats)
        found = page_segments(page, source.text)
        if not found:
            without.append(path)
        segments.extend(found)
    return segments, without


def segment_findings(segments: list[ExchangeSegment], config: Config) -> dict[tuple[str, str], list[str]]:
    """The findings of ``check`` on each segment, by (page, segment id), as notes for the translator.

    A finding belongs to a segment when it is placed inside the segment's
    bilingual markup; findings elsewhere (code blocks, front matter) concern
    no segment and are left out.
    """
    from lint.engine import check_files

    by_line: dict[tuple[str, int], list[ExchangeSegment]] = {}
    for segment in segments:
        by_line.setdefault((segment.page, segment.line), []).append(segment)
    pages = list(dict.fromkeys(segment.page for segment in segments))
    notes: dict[tuple[str, str], list[str]] = {}
    for result in check_files(pages, config, jobs=1):
        for item in result.diagnostics:
            for segment in by_line.get((item.path, item.line), ()):
                if segment.first_column <= item.column <= segment.last_column:
                    notes.setdefault((segment.page, segment.segment_id), []).append(
                        f"{item.code} {item.name} ({item.path}:{item.line}:{item.column}): {item.message}"
                    )
    return notes
