"""Command-line entry point: argument parsing and wiring only.

Exit codes follow ruff and friends: 0 clean, 1 findings, 2 usage or tool
error. A tool error prints one line (``doclint: error: ...``), never a
traceback unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from lint import __version__

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


class ToolError(Exception):
    """A problem with the invocation or the environment, not with the pages."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="doclint",
        description="Build and lint multilingual REST API reference documentation.",
    )
    parser.add_argument("--version", action="version", version=f"doclint {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for tool errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    extract = commands.add_parser("extract", help="print the document model of each page")
    extract.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or directories (default: the configured roots)"
    )
    extract.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    extract.set_defaults(handler=_extract)
    return parser


def _default_roots() -> list[str]:
    from pathlib import Path

    roots = [root for root in ("docs_src", "locales") if Path(root).is_dir()]
    if not roots:
        raise ToolError("no PATH given and no docs_src/ or locales/ directory here")
    return roots


def _extract(args: argparse.Namespace) -> int:
    from lint.discover import iter_pages
    from lint.extract_text import describe
    from lint.parse.detect import parse_source
    from lint.serialize import pages_document
    from lint.source import SourceError, read_source

    pages = []
    for path in iter_pages(args.paths or _default_roots()):
        try:
            source = read_source(path)
        except SourceError as error:
            raise ToolError(str(error)) from error
        pages.append(parse_source(source))
    out = sys.stdout
    if args.format == "json":
        json.dump(pages_document(pages), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for page in pages:
            for line in describe(page):
                out.write(line + "\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except ToolError as error:
        if args.debug:
            raise
        print(f"doclint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # a bug in doclint: say so in one line
        if args.debug:
            raise
        print(
            f"doclint: internal error: {type(error).__name__}: {error} (run with --debug for details)", file=sys.stderr
        )
        return EXIT_ERROR
