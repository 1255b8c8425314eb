"""Find HTTP status codes stated in prose.

Pages say what an operation returns in words (``returns a `202 Accepted`
response code``) as well as in examples; the two drift apart, so both are
extracted. Only a code followed by its standard reason phrase counts, with or
without backticks, so that numbers such as ``15 seconds`` or ``256 chars``
are never taken for statuses.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from http import HTTPStatus

_PHRASES = sorted(
    {(status.value, status.phrase) for status in HTTPStatus if 100 <= status.value < 600},
    key=lambda pair: -len(pair[1]),
)

_PHRASE_OF = dict(_PHRASES)

STATUS_IN_PROSE = re.compile(
    r"(?<![\w.])(?P<status>[1-5]\d\d)[ \u00a0]+(?P<reason>"
    + "|".join(re.escape(phrase) for _, phrase in _PHRASES)
    + r")(?![\w-])",
    re.IGNORECASE,
)


def find_statuses(text: str) -> Iterator[tuple[int, str, int, int]]:
    """Yield ``(status, reason, start, end)`` for each status stated in ``text``.

    ``start`` and ``end`` are offsets into ``text``; the reason is returned as
    written.
    """
    for match in STATUS_IN_PROSE.finditer(text):
        status = int(match.group("status"))
        reason = match.group("reason")
        # "200 Created" is a number next to some phrase, not a stated status.
        if _PHRASE_OF.get(status, "").lower() != reason.lower():
            continue
        yield status, reason, match.start(), match.end()
