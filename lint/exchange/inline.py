"""Inline Markdown and HTML markup of a segment, split into text and protected codes.

A translator must translate the words of ``see [the call resource](call.md)``
and keep the link; the words of ``**Note:**`` and keep the bold. Paired
markup (bold, links, inline HTML elements) becomes a :class:`Paired` code
whose content stays translatable (XLIFF ``<pc>``); markup with nothing to
translate inside (code spans, images, ``<br/>``, comments, autolinks) a
:class:`Standalone` one (``<ph>``). Whatever is not recognised stays text, so
:func:`render` of :func:`parse_inline` gives back the text character for
character: a round trip must not change a byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Standalone:
    """Markup with nothing to translate, kept verbatim: a code span, an image, a line break."""

    code: str


@dataclass(frozen=True)
class Paired:
    """Markup around translatable content: ``start`` and ``end`` are kept, ``content`` translated."""

    start: str
    end: str
    content: tuple[Node, ...]


Node = str | Standalone | Paired

#: Where markup may begin: everything between two of these is plain text, taken whole.
_MARKUP_START = re.compile(r"[`!\[*<\\]")
# Each construct is bounded in length (a code span, a link or a bold run longer than a paragraph is
# not one): an opener without its closer is then given up after a bounded look, and a line of openers
# (``**a **a **a``) costs linear time, not a rescan to the line's end from each.
_CODE_SPAN = re.compile(r"(`{1,16})(?!`)[^\n]{0,2000}?(?<!`)\1(?!`)")
_IMAGE = re.compile(r'!\[[^\[\]\n]{0,500}\]\([^()\s]{0,2000}(?:\s+"[^"\n]{0,500}")?\)')
_LINK = re.compile(
    r"\[(?P<content>(?:[^\[\]\\\n]|\\.|\[[^\[\]\n]{0,200}\]){0,1000})\]"
    r'(?P<end>\((?:[^()\s]|\([^()\s]{0,200}\)){0,2000}(?:\s+"[^"\n]{0,500}")?\))'
)
_BOLD = re.compile(r"\*\*(?=\S)(?P<content>.{1,2000}?)(?<=\S)\*\*")
_COMMENT = re.compile(r"<!--.{0,5000}?-->", re.DOTALL)
_AUTOLINK = re.compile(r"<[A-Za-z][\w+.-]{1,31}:[^<>\s]{0,2000}>")
_TAG = re.compile(r"<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9]{0,31})(?:\s[^<>]{0,1000}?)?(?P<empty>/?)>")
_BACKTICKS = re.compile(r"`+")
#: Codes nest at most this deep; markup deeper still is left as text.
_MAX_DEPTH = 16
#: HTML elements without content, and the one whose content is code, not prose.
_VOID = frozenset({"br", "img", "hr", "wbr", "input", "col", "area", "source"})
_VERBATIM = frozenset({"code", "pre", "kbd"})


def parse_inline(text: str) -> tuple[Node, ...]:
    """``text`` as a sequence of plain text and codes, in order."""
    return _Parser(text).parse(0, len(text), depth=0)


class _Parser:
    """One text's codes. Elements are paired once for the whole text (a stack per tag name), so
    each opening tag finds its closing tag without a search, and content is parsed where it stands."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._closers: dict[int, re.Match[str]] | None = None

    def parse(self, start: int, end: int, depth: int) -> tuple[Node, ...]:
        text = self.text
        nodes: list[Node] = []
        position = plain_from = start
        while (found := _MARKUP_START.search(text, position, end)) is not None:
            at = found.start()
            node, after = self._markup_at(at, end, depth)
            if node is None:
                position = after
                continue
            if plain_from < at:
                nodes.append(text[plain_from:at])
            nodes.append(node)
            position = plain_from = after
        if plain_from < end:
            nodes.append(text[plain_from:end])
        return tuple(nodes)

    def _markup_at(self, start: int, end: int, depth: int) -> tuple[Node | None, int]:
        """The code that begins at ``start`` and where it ends; ``None`` and the next place to look when none does."""
        text = self.text
        char = text[start]
        if char == "\\":
            return None, start + 2  # an escaped character is text
        if char == "`":
            match = _CODE_SPAN.match(text, start, end)
            if match:
                return Standalone(match.group()), match.end()
            run = _BACKTICKS.match(text, start, end)
            return None, run.end() if run else start + 1  # an unclosed run of backticks is text
        if char == "!":
            match = _IMAGE.match(text, start, end)
            return (Standalone(match.group()), match.end()) if match else (None, start + 1)
        if depth >= _MAX_DEPTH:  # deeper nesting is text: no translator needs it, and recursion is bounded
            return None, start + 1
        if char == "[":
            match = _LINK.match(text, start, end)
            if match is None:
                return None, start + 1
            if not match["content"]:
                return Standalone(match.group()), match.end()
            content = self.parse(match.start("content"), match.end("content"), depth + 1)
            return Paired("[", "]" + match["end"], content), match.end()
        if char == "*":
            match = _BOLD.match(text, start, end)
            if match is None:
                return None, start + 1
            return Paired("**", "**", self.parse(match.start("content"), match.end("content"), depth + 1)), match.end()
        return self._html_at(start, end, depth)

    def _html_at(self, start: int, end: int, depth: int) -> tuple[Node | None, int]:
        text = self.text
        for pattern in (_COMMENT, _AUTOLINK):
            match = pattern.match(text, start, end)
            if match:
                return Standalone(match.group()), match.end()
        tag = _TAG.match(text, start, end)
        if tag is None:
            return None, start + 1
        close = self._closer(start)
        if close is None or close.end() > end:
            return Standalone(tag.group()), tag.end()
        if tag["name"].lower() in _VERBATIM:
            return Standalone(text[start : close.end()]), close.end()
        content = self.parse(tag.end(), close.start(), depth + 1)
        return Paired(tag.group(), close.group(), content), close.end()

    def _closer(self, start: int) -> re.Match[str] | None:
        """The closing tag of the element whose opening tag is at ``start``, if it has one."""
        if self._closers is None:
            self._closers = {}
            open_tags: dict[str, list[re.Match[str]]] = {}
            for match in _TAG.finditer(self.text):
                name = match["name"].lower()
                if match["empty"] or name in _VOID:
                    continue
                if not match["close"]:
                    open_tags.setdefault(name, []).append(match)
                elif open_tags.get(name):
                    self._closers[open_tags[name].pop().start()] = match
        return self._closers.get(start)


def render(nodes: tuple[Node, ...]) -> str:
    """The text ``nodes`` were parsed from."""
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(node)
        elif isinstance(node, Standalone):
            parts.append(node.code)
        else:
            parts.append(node.start + render(node.content) + node.end)
    return "".join(parts)


def codes(nodes: tuple[Node, ...]) -> list[str]:
    """The protected codes of ``nodes`` in order: a paired code gives its start, its content's codes, its end."""
    found: list[str] = []
    for node in nodes:
        if isinstance(node, Standalone):
            found.append(node.code)
        elif isinstance(node, Paired):
            found.append(node.start)
            found.extend(codes(node.content))
            found.append(node.end)
    return found


def text_codes(text: str) -> list[str]:
    """The protected codes of ``text``."""
    return codes(parse_inline(text))
