"""Render a Graph Markdown page to HTML the way a DocFX site publishes it.

A test helper, not a faithful DocFX: markdown-it-py (CommonMark plus tables)
does the Markdown, and on top of it the parts of DocFX's output that the HTML
parser relies on:

* front matter is dropped; ``ms.contentlocale`` becomes ``<html lang>``;
* headings get an ``id``: the explicit ``<a name>`` (removed from the text),
  else a slug of the English text, made unique with ``-1``, ``-2`` ...;
* fences become ``<pre><code class="lang-http">`` with the code escaped;
* DocFX tab headings (``# [HTTP](#tab/http)`` up to the closing ``---``)
  become a ``div.tabGroup`` with a tab list and one ``section`` per tab;
* annotation comments and bilingual ``<span data-ttu-id>`` markup are kept
  as they are.

HTML line numbers differ from the Markdown's: compare facts, not positions.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from lint.parse.frontmatter import split_front_matter
from lint.parse.markdown.bilingual import despan, split_anchor
from lint.parse.sections import AnchorRegistry, slugify

_TAB = re.compile(r"^\[(?P<label>[^\]]*)\]\(#tab/(?P<id>[^)\s]+)\)\s*$")


def render_markdown_to_html(text: str) -> str:
    """A whole published-looking page for one Graph Markdown page."""
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    front = split_front_matter(lines, "page.md")
    body = "\n".join(lines[front.line_count :])
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.add_render_rule("fence", _render_fence)
    md.add_render_rule("code_block", _render_fence)
    tokens = _docfx(md, md.parse(body))
    article = md.renderer.render(tokens, md.options, {})
    locale = str(front.data.get("ms.contentlocale") or "en-us").lower()
    title = html.escape(str(front.data.get("title", "")))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{locale}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>{title}</title>\n"
        f'<meta name="ms.locale" content="{locale}">\n'
        "</head>\n"
        "<body>\n"
        "<main>\n"
        f"{article}"
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )


def _render_fence(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    language = (token.info or "").strip().split(" ")[0] if token.type == "fence" else ""
    attribute = f' class="lang-{html.escape(language)}"' if language else ""
    return f"<pre><code{attribute}>{html.escape(token.content, quote=False)}</code></pre>\n"


def _html_block(content: str) -> Token:
    token = Token("html_block", "", 0)
    token.content = content
    token.block = True
    return token


def _tab_of(md: MarkdownIt, tokens: list[Token], index: int) -> tuple[str, str] | None:
    """(label HTML, tab id) when ``tokens[index]`` opens a DocFX tab heading."""
    if tokens[index].type != "heading_open" or index + 1 >= len(tokens):
        return None
    _, raw = split_anchor(tokens[index + 1].content)
    match = _TAB.match(raw.strip())
    if not match:
        return None
    return md.renderInline(match.group("label")).strip(), match.group("id")


def _docfx(md: MarkdownIt, tokens: list[Token]) -> list[Token]:
    anchors = AnchorRegistry()
    out: list[Token] = []
    groups = 0
    index = 0
    while index < len(tokens):
        if _tab_of(md, tokens, index) is not None:
            groups += 1
            index = _tab_group(md, tokens, index, groups, out)
            continue
        token = tokens[index]
        if token.type == "heading_open":
            inline = tokens[index + 1]
            explicit, raw = split_anchor(inline.content)
            text = despan(raw)
            english = text.source.strip() if text.source is not None else None
            token.attrSet("id", anchors.unique(explicit or slugify(english if english is not None else text.text)))
            if explicit:
                inline.children = md.parseInline(raw.strip())[0].children
        out.append(token)
        index += 1
    return out


def _tab_group(md: MarkdownIt, tokens: list[Token], index: int, group: int, out: list[Token]) -> int:
    """Wrap the tabs starting at ``tokens[index]``; return the index after the group."""
    tabs: list[tuple[str, str, list[Token]]] = []
    while index < len(tokens):
        tab = _tab_of(md, tokens, index)
        token = tokens[index]
        if tab is not None:
            tabs.append((tab[0], tab[1], []))
            index += 3
            continue
        if token.type == "hr":
            index += 1  # DocFX consumes the ``---`` that closes a tab group.
            break
        if token.type == "heading_open":
            break
        tabs[-1][2].append(token)
        index += 1
    links = "".join(
        f'<li role="presentation"><a href="#tabpanel_{group}_{tab_id}" role="tab"'
        f' aria-controls="tabpanel_{group}_{tab_id}" data-tab="{tab_id}">{label}</a></li>\n'
        for label, tab_id, _ in tabs
    )
    out.append(_html_block(f'<div class="tabGroup" id="tabgroup_{group}">\n<ul role="tablist">\n{links}</ul>\n'))
    for position, (_, tab_id, content) in enumerate(tabs):
        hidden = "" if position == 0 else ' aria-hidden="true" hidden="hidden"'
        out.append(
            _html_block(f'<section id="tabpanel_{group}_{tab_id}" role="tabpanel" data-tab="{tab_id}"{hidden}>\n')
        )
        out.extend(content)
        out.append(_html_block("</section>\n"))
    out.append(_html_block("</div>\n"))
    return index
