"""Names as written in tables, compared as the API spells them."""

from __future__ import annotations

import re

# Bounded, so a cell of ``[`` openers without a closing bracket is not rescanned from each.
_MARKUP = re.compile(r"[`*_\\]|\[([^\]]{0,1000})\]\([^)]{0,2000}\)")


def plain_name(text: str) -> str:
    """A parameter name without Markdown: `` `reason` ``, ``**reason**``, ``[x](link)``."""
    return _MARKUP.sub(lambda match: match.group(1) or "", text).strip()
