"""Gather a locale's exchange segments from the configured locales root."""

from __future__ import annotations

import os

from lint.config import Config
from lint.discover import iter_pages
from lint.engine import DEBUG_ENVIRONMENT
from lint.errors import ToolError
from lint.exchange.pages import page_exchange
from lint.exchange.segments import ExchangeSegment
from lint.source import SourceError, read_source


def locale_segments(
    locale: str, config: Config, failed: list[str] | None = None
) -> tuple[list[ExchangeSegment], list[str]]:
    """Every segment of the pages under ``<locales>/<locale>``, page by page in path order.

    Also a note for each page that gave less than all its text (blocks that
    did not align with the English page) or nothing (a rendering, a page
    without English): the user must be told rather than handed a silently
    short file. A page doclint fails on (a parser bug, ``internal-error`` in
    ``check``) is added to ``failed``, one line naming it, and the others are
    exported; without ``failed`` the failure is raised (``--debug`` raises it
    with its traceback).
    """
    folder = config.root / config.locales_root / locale
    if not folder.is_dir():
        raise ToolError(f"no locale {locale!r}: {os.path.relpath(folder)} is not a directory")
    segments: list[ExchangeSegment] = []
    notes: list[str] = []
    for path in sorted(iter_pages([os.path.relpath(folder)], config.symlink_root())):
        try:
            source = read_source(path, root=config.symlink_root(), max_size=config.max_file_size)
        except SourceError as error:
            raise ToolError(str(error)) from error
        try:
            found = page_exchange(path, source.text, config)
        except Exception as error:
            if failed is None or os.environ.get(DEBUG_ENVIRONMENT) == "1":
                raise
            failed.append(f"{path}: doclint failed on this page ({type(error).__name__}: {error}); it is not exported")
            continue
        if found.skipped is not None:
            notes.append(f"{path}: {found.skipped}; it is not exported")
        elif not found.segments:
            notes.append(f"{path}: no block aligns with its English page; it is not exported")
        elif found.unaligned:
            blocks = "block" if found.unaligned == 1 else "blocks"
            notes.append(f"{path}: {found.unaligned} {blocks} not aligned with the English page left out")
        segments.extend(found.segments)
    return segments, notes


def segment_findings(segments: list[ExchangeSegment], config: Config) -> dict[tuple[str, str], list[str]]:
    """The findings of ``check`` on each segment, by (page, segment id), as notes for the translator.

    A finding belongs to a segment when it is placed inside the segment's
    bilingual markup, or on the first line of an aligned block; findings elsewhere (code blocks, front matter) concern
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
