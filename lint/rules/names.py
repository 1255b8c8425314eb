"""Names as written in tables, compared as the API spells them."""

from __future__ import annotations

import re

from lint.lazy_pattern import lazy_compile

# Bounded, so a cell of ``[`` openers without a closing bracket is not rescanned from each.
_MARKUP = re.compile(r"[`*_\\]|\[([^\]]{0,1000})\]\([^)]{0,2000}\)")


def plain_name(text: str) -> str:
    """A parameter name without Markdown: `` `reason` ``, ``**reason**``, ``[x](link)``."""
    return _MARKUP.sub(lambda match: match.group(1) or "", text).strip()


#: Inline code as the drift rules, the terms and the row pairing read it: a run of 1-16 backticks, the
#: code, the same run. Longer opening runs (in no real page) are not tried whole: from every position of
#: a long run, each shorter length would rescan the line for its closer.
INLINE_CODE = lazy_compile(r"(`{1,16})(.+?)\1")
