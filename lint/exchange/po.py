"""Gettext PO catalogues of exchange segments (polib), and reading them back.

``msgctxt`` is ``page:line`` (``page:line#2`` for the second identical
sentence on a line), which with the English ``msgid`` finds the segment
again. PO has no inline codes: the Markdown stays in the text, and a segment
with markup (code spans, bold, links, inline HTML; see
:mod:`lint.exchange.inline`) is flagged ``no-translate`` and its extracted
comment lists the markup to keep verbatim, the words inside bold and links
excepted.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable

import polib

from lint.errors import ToolError
from lint.exchange.inline import text_codes
from lint.exchange.segments import ExchangeSegment
from lint.exchange.xliff import ReturnedSegment
from lint.fix.mark import TRANSLATE_MARK

NO_TRANSLATE = "no-translate"


def write_po(
    segments: Iterable[ExchangeSegment], locale: str, findings: dict[tuple[str, str], list[str]] | None = None
) -> str:
    """A PO catalogue: one entry per segment, the current translation as ``msgstr``."""
    findings = findings or {}
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = {
        "Language": locale,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    seen: dict[tuple[str, str], int] = {}
    for segment in segments:
        # msgctxt and msgid identify an entry: a second identical sentence on a line (two "user" cells
        # of a row) is told apart by "#2", else tools would merge the two and msgfmt reject the file.
        context = f"{segment.page}:{segment.line}"
        seen[context, segment.source] = occurrence = seen.get((context, segment.source), 0) + 1
        if occurrence > 1:
            context += f"#{occurrence}"
        codes = list(dict.fromkeys(text_codes(segment.source)))
        comments = [f"segment {segment.segment_id}"]
        if codes:
            comments.append("no-translate: " + " ".join(codes))
        comments.extend(findings.get((segment.page, segment.segment_id), ()))
        catalogue.append(
            polib.POEntry(
                msgctxt=context,
                msgid=segment.source,
                msgstr=segment.target,
                comment="\n".join(comments),
                occurrences=[(segment.page, str(segment.line))],
                # gettext's "needs work": English --fix copied, behind the mark, awaiting translation.
                flags=([NO_TRANSLATE] if codes else []) + (["fuzzy"] if TRANSLATE_MARK in segment.target else []),
            )
        )
    return str(catalogue)


def read_po(path: str, content: str) -> list[ReturnedSegment]:
    """The segments of a PO catalogue; a malformed one raises :class:`ToolError`.

    As gettext reads a catalogue: obsolete (``#~``) entries are not
    translations, an empty ``msgstr`` means untranslated and a ``fuzzy`` one
    not yet approved (export flags so the English ``--fix`` copied), so all
    three are skipped (the page keeps its text). An entry may come once per
    ``msgctxt`` and ``msgid``.
    """
    try:
        catalogue = polib.pofile(content)
    except (OSError, ValueError) as error:
        raise ToolError(f"{path}: not a PO catalogue: {error}") from error
    returned = []
    seen: dict[tuple[str, str], int | None] = {}
    for entry in catalogue:
        if entry.obsolete:
            continue
        page, _, place = (entry.msgctxt or "").rpartition(":")
        line = place.partition("#")[0]
        if not page or not line.isdigit():
            raise ToolError(f"{path}:{entry.linenum}: msgctxt {entry.msgctxt!r} is not page:line")
        key = (entry.msgctxt or "", entry.msgid)
        if key in seen:
            raise ToolError(
                f"{path}:{entry.linenum}: msgctxt {entry.msgctxt!r} comes twice with one msgid"
                f" (also at line {seen[key]})"
            )
        seen[key] = entry.linenum
        if not entry.msgstr or entry.fuzzy:
            continue  # as gettext: an empty or fuzzy (not yet approved) translation is not used
        returned.append(
            ReturnedSegment(
                page,
                "",
                int(line),
                entry.msgid,
                entry.msgstr,
                tuple(text_codes(entry.msgstr)),
                origin=f"{path}:{entry.linenum}",
            )
        )
    return returned


def decode_po(path: str, content: bytes) -> str:
    """The text of a PO file: UTF-8, or the charset its header declares (``Content-Type: ...; charset=``).

    Poedit and older tools save catalogues in a legacy charset and say so in
    the header, as gettext requires; a file in neither is refused naming the
    line of the first byte that does not decode. A header naming a charset
    Python does not know (a template's ``charset=CHARSET``) is read as UTF-8.
    """
    declared = re.search(rb"charset=([A-Za-z0-9_.:-]+)", content)
    charset = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        codecs.lookup(charset)
    except LookupError:
        charset = "utf-8"  # a template's placeholder (charset=CHARSET) or a name Python does not know: try UTF-8
    if charset.lower().replace("_", "-") in ("utf-8", "utf8"):
        charset = "utf-8-sig"
    try:
        return content.decode(charset)
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise ToolError(f"{path}:{line}: not valid {charset.removesuffix('-sig')} (byte {error.start})") from error
