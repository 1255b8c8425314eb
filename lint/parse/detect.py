"""Choose the parser for a file by its content, not by its name alone.

A ``.txt`` file may hold Markdown; platyPS help is Markdown whose front
matter names an ``external help file``; a saved web page may be called
anything. The extension only breaks ties. ``[tool.doclint] formats`` maps
globs to a format for trees where even content is ambiguous.

Parsers are imported on first use so that checking one Markdown file never
pays for importing beautifulsoup4 and lxml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from fnmatch import fnmatch
from importlib import import_module
from pathlib import PurePath

from msgspec.structs import replace

from lint.model import Page, PageFormat, ParseDiagnostic, Span
from lint.source import Source, normalize_line_ends

FORMATS: tuple[PageFormat, ...] = ("markdown", "platyps", "html", "text")
_MODULES = {
    "markdown": "lint.parse.markdown.page",
    "platyps": "lint.parse.platyps.page",
    "html": "lint.parse.html.page",
    "text": "lint.parse.text.page",
}

_PLATYPS = re.compile(r"\A\ufeff?---[^\S\n]*\n(?:.*\n)*?external help file\s*:", re.IGNORECASE)
_HTML = re.compile(r"\A\s*(?:<!DOCTYPE\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
# Signs that text is Markdown rather than a rendering: fences, table delimiter
# rows, comments and anchored headings. A bare "# ..." line is not one: the
# Python snippets of a text rendering are full of comments.
# Compiled on first use (re's cache): only files the globs and suffixes leave undecided are sniffed.
# A delimiter row's blanks stay on its line: ``\s*`` from every line start of a blank
# stretch rescanned the whole stretch (quadratic); the heading signs start only at a "#".
_MARKDOWN_SIGNS = r"(?m)^(?:```|~~~|\|?[^\S\n]*:?-{3,}:?[^\S\n]*\||<!--|#{1,6}\s++<a name=|#{1,6}\s.*\n\s*\n)"


def detect_format(path: str, text: str, globs: Mapping[str, str] | None = None) -> PageFormat | None:
    """The format of ``text``, or ``None`` when no parser would accept it."""
    head = normalize_line_ends(text[:20000])  # a CR-only page is sniffed like its LF twin
    for pattern, name in (globs or {}).items():
        name = name.lower()
        if (fnmatch(path, pattern) or fnmatch(PurePath(path).as_posix(), pattern)) and name in FORMATS:
            return name
    if "\x00" in head[:4096]:
        return None
    if _PLATYPS.match(head[:2048]):
        return "platyps"
    if _HTML.match(head[:2048]):
        return "html"
    suffix = PurePath(path).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".md", ".markdown"):
        return "markdown"
    if not text.strip():
        return "text" if suffix == ".txt" else None
    if len(re.findall(_MARKDOWN_SIGNS, head)) >= 2:
        return "markdown"
    if suffix in (".txt", ".text", ""):
        return "text"
    return None


def parser_for(name: PageFormat) -> Callable[[str, str], Page]:
    module = import_module(_MODULES[name])
    parse: Callable[[str, str], Page] = module.parse
    return parse


def parse_source(source: Source, globs: Mapping[str, str] | None = None) -> Page:
    """Parse a source of any supported format; never raises on content."""
    name = detect_format(source.path, source.text, globs)
    if name is None:
        return Page(
            path=source.path,
            locale="und",
            version=None,
            kind="rest",
            format="unknown",
            diagnostics=(
                ParseDiagnostic(
                    "unsupported-format",
                    "no parser accepts this file (not Graph Markdown, platyPS help, HTML or a text rendering)",
                    Span(source.path, 1, 1, 1),
                ),
            ),
        )
    page = parser_for(name)(normalize_line_ends(source.text), source.path)
    if source.diagnostic is not None:
        page = replace(page, diagnostics=(source.diagnostic, *page.diagnostics))
    return page
