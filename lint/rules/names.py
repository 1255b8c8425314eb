"""Names as written in tables, compared as the API spells them."""

from __future__ import annotations

import re

_MARKUP = re.compile(r"[`*_\\]|\[([^\]]*)\]\([^)]*\)")


def plain_name(text: str) -> str:
    """A parameter name without Markdown: `` `reason` ``, ``**reason**``, ``[x](link)``."""
    return _MARKUP.sub(lambda match: match.group(1) or "", text).strip()
