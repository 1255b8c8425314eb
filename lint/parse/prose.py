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

_PHRASE_OF = {status.value: status.phrase for status in HTTPStatus if 100 <= status.value < 600}

#: A three-digit number standing alone, then spaces; its reason phrase is
#: compared as text after it. (One alternation of all sixty phrases cost more
#: to compile, at every start, than most pages take to check.)
_STATUS_NUMBER = re.compile(r"(?<![\w.])(?P<status>[1-5]\d\d)[ \u00a0]+")
_WORD_GOES_ON = re.compile(r"[\w-]")


def find_statuses(text: str) -> Iterator[tuple[int, str, int, int]]:
    """Yield ``(status, reason, start, end)`` for each status stated in ``text``.

    ``start`` and ``end`` are offsets into ``text``; the reason is returned as
    written. Only the status's own phrase counts: "200 Created" is a number
    next to some phrase, not a stated status.
    """
    for match in _STATUS_NUMBER.finditer(text):
        status = int(match.group("status"))
        phrase = _PHRASE_OF.get(status)
        if phrase is None:
            continue
        start, end = match.end(), match.end() + len(phrase)
        reason = text[start:end]
        if reason.lower() != phrase.lower() or _WORD_GOES_ON.match(text, end):
            continue
        yield status, reason, match.start(), end
