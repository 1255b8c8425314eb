"""The tree: beautifulsoup4 over ``html.parser``, with HTML's implied end tags, and tag pairing.

bs4's lxml builder records no source positions (``Tag.sourceline`` is
``None``), while ``html.parser`` gives every tag its 1-based line and 0-based
column, which is what spans need. ``html.parser`` does not apply HTML's
implied end tags (``<p>a<p>b`` would nest the second paragraph in the first),
so :class:`_Soup` closes them as a browser does while the tree is built. End
offsets come from pairing start and end tags over the whole source once
(:func:`pair_tags`).
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import Tag

from lint.parse.html.elements import BLOCK, VOID

#: Tags for pairing start and end tags; comments, scripts and styles are skipped whole.
_TAG_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<(?P<raw>script|style)\b.*?(?:</(?P=raw)\s*>|\Z)"
    r"|<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9:-]*)(?:\"[^\"]*\"|'[^']*'|[^'\">])*>?",
    re.DOTALL | re.IGNORECASE,
)
_IMPLIED_LOOKBACK = 32
#: Elements HTML closes implicitly, and the children that close them.
_CLOSED_BY: dict[str, frozenset[str]] = {
    "p": frozenset(BLOCK - {"body", "html"}),
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "tr": frozenset({"tr", "tbody", "thead", "tfoot"}),
    "td": frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"}),
    "th": frozenset({"td", "th", "tr", "tbody", "thead", "tfoot"}),
    "thead": frozenset({"tbody", "tfoot"}),
    "tbody": frozenset({"tbody", "tfoot"}),
    "option": frozenset({"option", "optgroup"}),
}
_MARKED_SECTION = re.compile(r"<(?=!(?!--|doctype))", re.IGNORECASE)


def tolerant_soup(text: str) -> BeautifulSoup | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # Python's parser rejects unknown marked sections (``<![foo[``); blanking the
        # ``<`` of such declarations keeps every other character where it was.
        for attempt in (text, _MARKED_SECTION.sub(" ", text)):
            try:
                return _Soup(attempt, "html.parser")
            except Exception:  # bs4 wraps parser assertions in ParserRejectedMarkup
                continue
    return None


class _Soup(BeautifulSoup):
    """An ``html.parser`` tree with HTML's implied end tags applied.

    ``html.parser`` leaves them out: ``<p>a<p>b`` would come back as a
    paragraph nested in a paragraph, ``<td>a<td>b`` as a cell in a cell, and
    a long page of unclosed ``<p>`` or ``<li>`` as one very deep tree. Closing
    the open element that a new start tag implicitly ends, as a browser does,
    keeps the tree flat; positions are unaffected.
    """

    def handle_starttag(
        self,
        name: str,
        namespace: str | None,
        nsprefix: str | None,
        attrs: Any,
        sourceline: int | None = None,
        sourcepos: int | None = None,
        namespaces: dict[str, str] | None = None,
    ) -> Tag | None:
        target = self._implied_end(name)
        while target is not None:
            self.endData()
            while self.tagStack and self.tagStack[-1] is not target:
                self.popTag()
            self.popTag()
            target = self._implied_end(name)
        return super().handle_starttag(name, namespace, nsprefix, attrs, sourceline, sourcepos, namespaces)

    def _implied_end(self, name: str) -> Tag | None:
        """The open element a start tag ``name`` closes, looking out through inline elements."""
        name = name.lower()
        # Bounded: inline markup nested deeper than this is garbage, not a paragraph.
        for tag in reversed(self.tagStack[-_IMPLIED_LOOKBACK:]):
            if tag is self:
                return None
            closers = _CLOSED_BY.get(tag.name)
            if closers is not None and name in closers:
                return tag
            if tag.name in BLOCK:
                return None
        return None


def pair_tags(text: str) -> dict[int, int]:
    """Map the offset of each start tag to the offset just after its end tag.

    One pass over the source, a stack per tag name; tags left open (HTML's
    implied end tags, broken markup) are simply absent.
    """
    ends: dict[int, int] = {}
    open_tags: dict[str, list[int]] = {}
    for match in _TAG_TOKEN.finditer(text):
        name = match.group("name")
        if name is None:
            continue
        name = name.lower()
        if name in VOID:
            continue
        if match.group("close"):
            stack = open_tags.get(name)
            if stack:
                ends[stack.pop()] = match.end()
        else:
            open_tags.setdefault(name, []).append(match.start())
    return ends
