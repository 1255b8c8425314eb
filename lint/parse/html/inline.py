"""Text of inline content: visible words, the English that bilingual markup embeds, and each pair.

Bilingual (side-by-side) pages wrap each translated sentence in a
``data-ttu-id`` element followed by an ``sxs-lookup`` span holding the
English; both are collected, never shown twice. Recursion stops at a fixed
depth: deeper markup is read flat.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bs4.element import NavigableString, PageElement, PreformattedString, Script, Stylesheet, Tag, TemplateString
from msgspec import Struct, field

from lint.parse.html.elements import SKIP, attr, class_names

_MAX_INLINE_DEPTH = 150
_SPACES = re.compile(r"[ \t\f\v\r]+")
_ALL_SPACES = re.compile(r"\s+")


def is_text(node: PageElement) -> bool:
    return isinstance(node, NavigableString) and not isinstance(
        node, PreformattedString | Script | Stylesheet | TemplateString
    )


def is_lookup(node: PageElement) -> bool:
    return isinstance(node, Tag) and node.name == "span" and "sxs-lookup" in class_names(node)


def is_heading_link(node: Tag) -> bool:
    """Permalink decorations added next to headings (``anchorjs-link``, Sphinx ``headerlink``)."""
    classes = " ".join(class_names(node))
    return node.name == "a" and ("anchorjs" in classes or "headerlink" in classes or "heading-anchor" in classes)


class Pair(Struct):
    segment_id: str
    text: str
    source: str
    offset: int


class InlineText(Struct):
    """Visible text, the English embedded by bilingual markup, and each bilingual pair."""

    visible: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.visible)

    @property
    def english(self) -> str | None:
        return "".join(self.source) if self.pairs else None


def squash(text: str) -> str:
    return _ALL_SPACES.sub(" ", text).strip()


def line_squash(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def inline_text(nodes: Iterable[PageElement], offset_of: Callable[[Tag], int | None], bold: bool = False) -> InlineText:
    """The text of ``nodes``; ``offset_of`` places each bilingual pair in the source.

    With ``bold``, ``<strong>`` and ``<b>`` come back as ``**`` marks, so that
    callout markers (``**Note:**``) read as they do in Markdown.
    """
    out = InlineText()
    _collect(list(nodes), out, bold, 0, offset_of)
    return out


def _collect(
    nodes: list[PageElement], out: InlineText, bold: bool, depth: int, offset_of: Callable[[Tag], int | None]
) -> None:
    index = 0
    while index < len(nodes):
        node = nodes[index]
        index += 1
        if is_text(node):
            out.visible.append(str(node))
            out.source.append(str(node))
            continue
        if not isinstance(node, Tag) or node.name in SKIP or is_heading_link(node) or is_lookup(node):
            # A lone English lookup span is hidden on the site: not visible text.
            continue
        if depth >= _MAX_INLINE_DEPTH:
            flat = node.get_text()  # iterative in bs4: safe at any depth
            out.visible.append(flat)
            out.source.append(flat)
            continue
        if node.name == "br":
            out.visible.append("\n")
            out.source.append("\n")
            continue
        if node.has_attr("data-ttu-id"):
            after = index
            while after < len(nodes) and is_text(nodes[after]) and not str(nodes[after]).strip():
                after += 1
            if after < len(nodes) and is_lookup(nodes[after]):
                lookup = nodes[after]
                assert isinstance(lookup, Tag)
                inner, english = InlineText(), InlineText()
                _collect(list(node.children), inner, bold, depth + 1, offset_of)
                _collect(list(lookup.children), english, bold, depth + 1, offset_of)
                visible, source = inner.text, english.text
                out.visible.append(visible)
                out.source.append(source)
                offset = offset_of(node)
                out.pairs.append(Pair(attr(node, "data-ttu-id"), squash(visible), squash(source), offset or 0))
                index = after + 1
                continue
        marked = bold and node.name in ("strong", "b")
        if marked:
            out.visible.append("**")
            out.source.append("**")
        _collect(list(node.children), out, bold, depth + 1, offset_of)
        if marked:
            out.visible.append("**")
            out.source.append("**")
