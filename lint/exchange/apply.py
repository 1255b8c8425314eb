"""Write returned translations into the localized pages, and nothing else.

Every segment is checked before any page is written: its English must still
be the page's embedded English, or the English page's block aligned with it
(else the translation answers a sentence that changed), and its protected
codes must be those of the English or those the page already had (else a
translator altered an identifier), and its translation must not bring
characters that would change the page's structure or hide in it (a line
end the segment did not have, a control character, a lone surrogate).
One bad segment refuses the whole import, naming it, and nothing is
written: the import is all or nothing across its pages, the writes
included (:func:`lint.rewrite.replace_pages` stages every page before it
renames any). Only the translated spans change, so everything else stays
byte for byte.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from lint.config import Config
from lint.errors import ToolError
from lint.exchange.inline import text_codes
from lint.exchange.pages import page_exchange
from lint.exchange.segments import ExchangeSegment
from lint.exchange.xliff import ReturnedSegment
from lint.rewrite import PageUpdate, read_page, replace_pages

_LINE_END = re.compile(r"\r\n|\r|\n")
#: An HTML tag or comment, as Markdown reads one: ``<`` then a letter, ``/`` or ``!``.
_TAG = re.compile(r"<[/!]?[A-Za-z!-][^<>]*>")
#: Characters a translation may hold though their category is "other": tab, and the line ends checked apart.
_ALLOWED_CONTROLS = frozenset("\t\r\n")


def _decoded(page: str, data: bytes) -> str:
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


def _checked(pair: ExchangeSegment | None, returned: ReturnedSegment) -> tuple[ExchangeSegment, str]:
    """The page's pair for ``returned`` and the text to write there; :class:`ToolError` naming why not."""
    name = f"{returned.page}: segment {returned.segment_id or f'at line {returned.line}'}"
    if returned.origin:
        name = f"{returned.origin}: {name}"
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
    target = _with_line_ends_of(pair.target, returned.target)
    problem = _unsafe_text(target, pair.target) or _new_tag(target, pair)
    if problem:
        raise ToolError(f"{name} (line {pair.line}): {problem}")
    return pair, target


def _with_line_ends_of(current: str, target: str) -> str:
    """``target`` with the line ends of ``current`` where it uses one kind only (a CRLF page's wrapped paragraph).

    XML parsers and most translation tools return every line end as LF; a
    segment of a CRLF page must not come back with LF inside it.
    """
    ends = set(_LINE_END.findall(current))
    if len(ends) != 1:
        return target
    return _LINE_END.sub(ends.pop(), target)


def _new_tag(target: str, pair: ExchangeSegment) -> str | None:
    """An HTML tag the translation adds that neither its English nor the page's text has (``</span>``).

    Protected codes cover whole elements; a lone closing tag is none, and in a
    bilingual page it closes the translation's ``<span>`` early.
    """
    known = set(_TAG.findall(pair.source)) | set(_TAG.findall(pair.target))
    added = [tag for tag in _TAG.findall(target) if tag not in known]
    return f"the translation adds the HTML tag {added[0]}" if added else None


def _has_blank_line(text: str) -> bool:
    return any(not line.strip() for line in _LINE_END.split(text)[1:])


def _unsafe_text(target: str, current: str) -> str | None:
    """Why ``target`` must not replace ``current`` in a page, or ``None``.

    A line end the segment does not already use (a lone CR in an LF page
    starts a new line for every parser: ``call\r# reject`` would add a
    heading), a blank line (it ends the paragraph or list item the segment
    is), a control character (an ESC or NUL is invisible in review and
    breaks renderers) or a lone surrogate (not encodable as UTF-8).
    """
    ends = set(_LINE_END.findall(target)) - set(_LINE_END.findall(current))
    if ends:
        shown = ", ".join(sorted(repr(end) for end in ends))
        return f"the translation holds a line end ({shown}) its segment does not use"
    if _has_blank_line(target) and not _has_blank_line(current):
        return "the translation holds a blank line, which would end its block"
    for offset, char in enumerate(target):
        category = unicodedata.category(char)
        if (category == "Cc" and char not in _ALLOWED_CONTROLS) or category in ("Cs", "Zl", "Zp"):
            return f"the translation holds the control character U+{ord(char):04X} (at offset {offset})"
    return None


def _rewritten(text: str, edits: list[tuple[ExchangeSegment, str]]) -> str:
    """``text`` with each pair's translation replaced, from the end so that earlier offsets hold."""
    for pair, target in sorted(edits, key=lambda edit: edit[0].start, reverse=True):
        text = text[: pair.start] + target + text[pair.end :]
    return text


def _shape(segments: list[ExchangeSegment]) -> list[tuple[str, str, str]]:
    """What a translation must not change in its page: which segments it has, in order, with which English.

    Not their lines (a wrapped paragraph may come back on more or fewer
    lines) nor an aligned block's id (it holds its column, which a longer
    cell before it on the row moves).
    """
    return [(s.origin, s.source, s.segment_id if s.origin == "embedded" else "") for s in segments]


def _check_structure(
    page: str,
    text: str,
    pairs: list[ExchangeSegment],
    edits: list[tuple[ExchangeSegment, str]],
    config: Config,
    origins: dict[int, str],
) -> None:
    """Refuse translations that change the page's structure, naming the first segment that does.

    A translation is Markdown written into Markdown: a ``|`` in a table cell
    splits the cell, a ``</span>`` closes a bilingual span early, a leading
    ``#`` makes a heading. No list of such characters is complete, so the
    page is read again as export reads it: it must have the same segments
    with the same English, each written one holding its translation.
    """
    if _keeps_structure(page, text, pairs, edits, config):
        return
    for edit in edits:  # the culprit: the first translation that changes the page on its own
        if not _keeps_structure(page, text, pairs, [edit], config):
            pair, _ = edit
            where = f"{origins[id(pair)]}: " if origins.get(id(pair)) else ""
            raise ToolError(
                f"{where}{page}: segment {pair.segment_id} (line {pair.line}): the translation changes the page's "
                "structure (Markdown or HTML in it splits, merges or moves its block)"
            )
    raise ToolError(f"{page}: the translations together change the page's structure (its blocks split or merge)")


def _keeps_structure(
    page: str, text: str, pairs: list[ExchangeSegment], edits: list[tuple[ExchangeSegment, str]], config: Config
) -> bool:
    after = page_exchange(page, _rewritten(text, edits), config).segments
    if _shape(after) != _shape(pairs):
        return False
    index = {id(pair): number for number, pair in enumerate(pairs)}
    return all(after[index[id(pair)]].target == target for pair, target in edits)


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
            where = f"{segment.origin}: " if segment.origin else ""
            raise ToolError(
                f"{where}{segment.page}: segment {segment.segment_id or segment.line}: not a page under {locales}"
            )
        by_page.setdefault(segment.page, []).append(segment)
    updates: list[PageUpdate] = []
    for page, segments in by_page.items():
        data = read_page(page)
        text = _decoded(page, data)
        pairs = page_exchange(page, text, config).segments
        used: set[int] = set()
        edits = [_checked(_find(pairs, segment, used), segment) for segment in segments]
        origins = {id(pair): segment.origin for (pair, _), segment in zip(edits, segments, strict=True)}
        new = _rewritten(text, edits)
        if new != text:
            _check_structure(page, text, pairs, edits, config, origins)
            updates.append(PageUpdate(page, data, new.encode("utf-8")))
    replace_pages(updates, config.root)
    return sorted(update.path for update in updates)
