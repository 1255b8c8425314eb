"""Rendered API reference pages (Microsoft Learn / DocFX HTML) into the document model.

A published page holds the same facts as its Markdown source — headings with
stable ids, parameter tables, ``<pre><code class="lang-http">`` messages, JSON
examples, notes, tabbed code groups — wrapped in site chrome (navigation,
table of contents, breadcrumbs, feedback and ad blocks, scripts). Only the
article counts: the first ``<main>``, else ``<article>``, else
``div.content``, else ``<body>``; inside it, navigation, asides, forms,
scripts and elements whose class or id names chrome are skipped.

The tree (:mod:`.soup`) comes from beautifulsoup4 over Python's ``html.parser``,
which records source positions; the walk (:mod:`.walker`) turns the article
into facts, placed by :mod:`.positions`; page-level facts come from
:mod:`.metadata`.

Positions of text (paragraph lines, prose statuses, comments, unresolved
``[!INCLUDE]`` references) are found by searching the source from the start
of the enclosing element, skipping matches inside tags; end lines come from
pairing start and end tags over the whole source once. Code on the first
line of a ``<pre><code>`` block starts after the tags; later lines start at
column 1.

Classification is shared with the Markdown parser (``section_role``,
``table_role``, ``parse_http_block``, ``parse_json``, ``find_statuses``), and
so are the collecting of facts, the binding of annotation comments and the
making of the page (:mod:`lint.parse.collector`), so the two forms of one
page give the same facts.
"""

from __future__ import annotations

import re

from bs4.element import Tag

from lint.model import Page, ParseDiagnostic
from lint.parse.html.metadata import content_root, fallback_title, page_locale_of, page_meta
from lint.parse.html.soup import tolerant_soup
from lint.parse.html.walker import Walker
from lint.parse.locate import page_locale

_SURROGATES = re.compile("[\ud800-\udfff]")


def parse(text: str, path: str) -> Page:
    """Parse one rendered HTML page. Never raises on bad content."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    # Lone surrogates (from a lossy decode) make bs4 fail; one code point each keeps columns.
    text = _SURROGATES.sub("\ufffd", text)
    builder = Walker(path=path, text=text)
    soup = tolerant_soup(text)
    if soup is None:
        builder.diagnostics.append(
            ParseDiagnostic("unsupported-format", "the HTML parser rejected this page", builder.span(1, 1))
        )
        return builder.page(page_locale(path, {}), {})
    meta = page_meta(soup)
    locale = page_locale_of(soup, meta, path)
    builder.english = locale.lower().startswith("en")
    root, whole_body = content_root(soup)
    builder.whole_body = whole_body
    builder.root_end = builder.end_line(root) if isinstance(root, Tag) and root is not soup else len(builder.lines)
    builder.flow(root, builder.content_start(root))
    if not builder.title:
        builder.title = fallback_title(soup, meta)
    return builder.page(locale, meta)
