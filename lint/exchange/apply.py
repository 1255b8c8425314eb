"""Write returned translations into the localized pages, and nothing else.

Every segment is checked before any page is written: its English must still
be the page's embedded English, or the English page's block aligned with it
(else the translation answers a sentence that changed), and its protected
codes must be those of the English or those the page already had (else a
translator altered an identifier). One bad segment
refuses the whole import, naming it; pages are replaced atomically and only
the translated spans change, so everything else stays byte for byte.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from lint.atomic import replace_bytes
from lint.config import Config
from lint.errors import ToolError
from lint.exchange.inline import text_codes
from lint.exchange.pages import page_exchange
from lint.exchange.segments import ExchangeSegment
from lint.exchange.xliff import ReturnedSegment


def _read_page(page: str) -> str:
    try:
        data = Path(page).read_bytes()
    except OSError as error:
        raise ToolError(f"{page}: cannot read the page: {error.strerror}") from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ToolError(f"{page}: not UTF-8 (byte {error.start}); import writes UTF-8 pages only") from error


def _find(pairs: list[ExchangeSegment], returned: ReturnedSegment, used: set[int]) -> ExchangeSegment | None:
    """The page's pair for ``returned``: by id, else (a PO entry without one) by line and English.

    A pair taken once is not taken again, so two identical sentences on one
    line (two "Not supported." cells of a row) get their own translations.
    """
    for pair in pairs:
        if pair.start in used:
            continue
        by_id = bool(returned.segment_id) and pair.segment_id == returned.segment_id
        by_place = not returned.segment_id and pair.line == returned.line and pair.source == returned.source
        if by_id or by_place:
            used.add(pair.start)
            return pair
    return None


def _checked(pair: ExchangeSegment | None, returned: ReturnedSegment) -> ExchangeSegment:
    name = f"{returned.page}: segment {returned.segment_id or f'at line {returned.line}'}"
    if pair is None:
        raise ToolError(f"{name}: no such segment in the page (the page or its English changed since the export)")
    if pair.source != returned.source:
        where = "the page" if pair.origin == "embedded" else "the English page's aligned block"
        raise ToolError(f"{name} (line {pair.line}): its English no longer matches {where}: {pair.source!r}")
    codes = Counter(returned.target_codes)
    if codes != Counter(text_codes(pair.source)) and codes != Counter(text_codes(pair.target)):
        raise ToolError(
            f"{name} (line {pair.line}): protected codes altered: "
            f"{' '.join(returned.target_codes) or 'none'} where the English has "
            f"{' '.join(text_codes(pair.source)) or 'none'}"
        )
    if "\n" in returned.target and "\n" not in pair.target:
        raise ToolError(f"{name} (line {pair.line}): a translation cannot add a line break to its segment")
    return pair


def apply_segments(returned: Iterable[ReturnedSegment], config: Config) -> list[str]:
    """Write ``returned`` into their pages; the pages that changed. Raises :class:`ToolError` before writing.

    Only pages under ``locales`` are written: the page names come from a file
    that went through other hands, and must not steer a write elsewhere.
    """
    by_page: dict[str, list[ReturnedSegment]] = {}
    locales = config.root / config.locales_root
    inside = locales.resolve()
    for segment in returned:
        if not Path(segment.page).resolve().is_relative_to(inside):
            raise ToolError(f"{segment.page}: segment {segment.segment_id or segment.line}: not a page under {locales}")
        by_page.setdefault(segment.page, []).append(segment)
    rewritten: dict[str, str] = {}
    for page, segments in by_page.items():
        text = _read_page(page)
        pairs = page_exchange(page, text, config).segments
        used: set[int] = set()
        edits = sorted(
            ((_checked(_find(pairs, segment, used), segment), segment.target) for segment in segments),
            key=lambda edit: edit[0].start,
            reverse=True,
        )
        new = text
        for pair, target in edits:
            new = new[: pair.start] + target + new[pair.end :]
        if new != text:
            rewritten[page] = new
    for page, new in rewritten.items():
        replace_bytes(Path(page), new.encode("utf-8"))
    return sorted(rewritten)
