"""Does a native Markdown parser give the block structure doclint's markdown-it-py parser gives, page for page?

Issue 13 allows a native block scanner (markdown-it-pyrs, a Rust port of
markdown-it) as a fast path only if the document models it leads to are
byte-identical on every page of both corpora. The model is built from the
block tokens, so identical block structure is a necessary condition: this
compares, for every page, each block's kind and its first and last source
line (0-based, trailing blank lines not counted; a tight list's hidden
paragraphs left out, as the native tree has none), and the text of fences,
code blocks and HTML blocks (with a fence's info string). The first pages
that differ are printed with their first difference.

    python benchmarks/compare_parsers.py [DIR ...]

Default directories: /work/speed/four and /work/corpus/paired. Needs
``markdown-it-pyrs`` (skips cleanly without it).
"""

from __future__ import annotations

import argparse
import bisect
import sys
import time
from pathlib import Path
from typing import Any

from lint.parse.frontmatter import split_front_matter
from lint.parse.markdown.page import markdown_parser

#: markdown-it-py token type (``_open`` removed) -> the kind compared.
_PY_KINDS = {
    "paragraph": "paragraph",
    "heading": "heading",
    "blockquote": "blockquote",
    "bullet_list": "bullet_list",
    "ordered_list": "ordered_list",
    "list_item": "list_item",
    "table": "table",
    "fence": "fence",
    "code_block": "code_block",
    "html_block": "html_block",
    "hr": "hr",
}
#: markdown-it-pyrs node name -> the kind compared (a setext heading is a heading in both).
_RS_KINDS = {**_PY_KINDS, "lheading": "heading"}
_TEXT_KINDS = {"fence", "code_block", "html_block"}
#: markdown-it-pyrs plugins for CommonMark's block rules and tables (its "zero" preset has none).
NATIVE_BLOCK_RULES: tuple[str, ...] = ("blockquote", "code", "fence", "heading", "hr", "lheading", "list")
NATIVE_BLOCK_RULES += ("paragraph", "reference", "html_block", "table")

Block = tuple[Any, ...]


def body_text(text: str, path: str) -> str:
    """What doclint's Markdown parser hands markdown-it: newlines normalized, front matter blanked."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    front = split_front_matter(lines, path)
    return "\n".join([""] * front.line_count + lines[front.line_count :])


def _last_content_line(lines: list[str], start: int, end: int) -> int:
    """The last line of ``[start, end)`` that is not blank (``start`` if all are)."""
    last = end - 1
    while last > start and not lines[last].strip():
        last -= 1
    return last


def python_blocks(text: str) -> list[Block]:
    lines = text.split("\n")
    blocks = []
    for token in markdown_parser().parse(text):
        kind = _PY_KINDS.get(token.type.removesuffix("_open"))
        if kind is None or token.nesting == -1 or token.map is None or token.hidden:
            continue  # a tight list's paragraphs are hidden tokens here, and no nodes there
        start, end = token.map
        block: Block = (kind, start, _last_content_line(lines, start, end))
        if kind in _TEXT_KINDS:
            block += (token.content.rstrip("\n"), token.info.strip())
        blocks.append(block)
    return blocks


def native_blocks(parser: Any, text: str) -> list[Block]:
    lines = text.split("\n")
    encoded = text.encode("utf-8")
    starts = [0] + [index + 1 for index, byte in enumerate(encoded) if byte == 10]
    blocks = []

    def line_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    for node in parser.tree(text).walk():
        kind = _RS_KINDS.get(node.name)
        if kind is None or node.srcmap is None:
            continue
        start, end = node.srcmap
        first = line_of(start)
        block: Block = (kind, first, _last_content_line(lines, first, line_of(max(start, end - 1)) + 1))
        if kind in _TEXT_KINDS:
            block += (str(node.meta.get("content", "")).rstrip("\n"), str(node.meta.get("info", "")).strip())
        blocks.append(block)
    return blocks


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("directories", nargs="*", type=Path)
    options.add_argument("--show", type=int, default=8, help="differing pages to print (default 8)")
    args = options.parse_args(argv)
    try:
        from markdown_it_pyrs import MarkdownIt as NativeMarkdownIt  # type: ignore[import-not-found]
    except ImportError:
        print("markdown-it-pyrs is not installed: nothing to compare (pip install markdown-it-pyrs)")
        return 0
    # Block rules only, as doclint's markdown-it-py parser (whose inline chain is disabled).
    native = NativeMarkdownIt("zero").enable_many(list(NATIVE_BLOCK_RULES))
    directories = args.directories or [Path("/work/speed/four"), Path("/work/corpus/paired")]
    for directory in directories:
        pages = sorted(directory.rglob("*.md"))
        if not pages:
            print(f"{directory}: no Markdown pages, skipped")
            continue
        same = 0
        shown = 0
        python_seconds = native_seconds = 0.0
        for page in pages:
            text = body_text(page.read_text(encoding="utf-8", errors="replace"), str(page))
            began = time.perf_counter()
            expected = python_blocks(text)
            python_seconds += time.perf_counter() - began
            began = time.perf_counter()
            found = native_blocks(native, text)
            native_seconds += time.perf_counter() - began
            if expected == found:
                same += 1
                continue
            if shown < args.show:
                shown += 1
                first = next(
                    (i for i, (a, b) in enumerate(zip(expected, found, strict=False)) if a != b),
                    min(len(expected), len(found)),
                )
                print(f"DIFF {page}")
                print(f"  markdown-it-py:    {expected[first] if first < len(expected) else '(no more blocks)'}"[:300])
                print(f"  markdown-it-pyrs:  {found[first] if first < len(found) else '(no more blocks)'}"[:300])
        print(
            f"{directory}: {same:,} of {len(pages):,} pages with identical block structure;"
            f" block parse {python_seconds:.1f} s (markdown-it-py)"
            f" vs {native_seconds:.1f} s (markdown-it-pyrs)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
