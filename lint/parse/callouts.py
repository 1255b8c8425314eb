"""Recognize a callout: ``> [!NOTE]`` or ``> **Note:**`` opening a quote.

Markdown, rendered HTML (a quote whose English reads so) and platyPS help all
write notes this way; one pattern keeps the formats agreeing on what a note is.
"""

from __future__ import annotations

import re

_ALERT = re.compile(r"^\s*\[!(?P<kind>NOTE|TIP|IMPORTANT|CAUTION|WARNING)\]\s*", re.IGNORECASE)
_BOLD_NOTE = re.compile(r"^\s*\*\*(?P<kind>Note|Tip|Important|Caution|Warning)s?\s*[:：]?\s*\*\*\s*", re.IGNORECASE)


def callout_marker(text: str) -> re.Match[str] | None:
    """The marker opening ``text``; ``group("kind")`` names the callout, ``end()`` is where its text starts."""
    return _ALERT.match(text) or _BOLD_NOTE.match(text)
