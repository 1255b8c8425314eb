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

from collections.abc import Iterable

import polib

from lint.errors import ToolError
from lint.exchange.inline import text_codes
from lint.exchange.segments import ExchangeSegment
from lint.exchange.xliff import ReturnedSegment

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
                flags=[NO_TRANSLATE] if codes else [],
            )
        )
    return str(catalogue)


def read_po(path: str, content: str) -> list[ReturnedSegment]:
    """The segments of a PO catalogue; a malformed one raises :class:`ToolError`."""
    try:
        catalogue = polib.pofile(content)
    except (OSError, ValueError) as error:
        raise ToolError(f"{path}: not a PO catalogue: {error}") from error
    returned = []
    for entry in catalogue:
        page, _, place = (entry.msgctxt or "").rpartition(":")
        line = place.partition("#")[0]
        if not page or not line.isdigit():
            raise ToolError(f"{path}:{entry.linenum}: msgctxt {entry.msgctxt!r} is not page:line")
        returned.append(
            ReturnedSegment(page, "", int(line), entry.msgid, entry.msgstr, tuple(text_codes(entry.msgstr)))
        )
    return returned
