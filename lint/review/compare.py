"""Which tokens of a translated line differ from its English line: what a reviewer's eye should land on.

Shared by the HTML report and the site's side-by-side view, so both mark the
same words.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

#: Words and single other characters, each with the spaces before it (compared without them):
#: a changed `{id}` marks `id`, not the whole path, and spaces alone never make two lines alike.
_TOKEN = re.compile(r"\s*(?:\w+|[^\w\s])|\s+")
#: Below this share of common tokens (difflib's ratio), two lines are not variants of one another.
_COMPARABLE = 0.3

#: A run of a line's text, and whether it differs from the other line.
Run = tuple[str, bool]


def differing_runs(translated: str, english: str) -> tuple[list[Run], list[Run]] | None:
    """Both lines cut into runs, the runs that differ flagged; ``None`` when the lines are not comparable.

    Lines with too little in common (a table's header beside the English row
    it lacks, a translated sentence beside its English) get no marks: marking
    all of both says nothing a reader does not see at once, and hides the
    lines under colour.
    """
    left, right = _TOKEN.findall(translated), _TOKEN.findall(english)
    keys = ([token.strip() for token in left], [token.strip() for token in right])
    matcher = SequenceMatcher(None, *keys, autojunk=False)
    if matcher.ratio() < _COMPARABLE:
        return None
    runs_left: list[Run] = []
    runs_right: list[Run] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for tokens, start, end, out in ((left, i1, i2, runs_left), (right, j1, j2, runs_right)):
            text = "".join(tokens[start:end])
            if text:
                out.append((text, tag != "equal"))
    return runs_left, runs_right
