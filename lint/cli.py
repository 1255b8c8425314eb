"""Command-line entry point: argument parsing and wiring only.

Exit codes follow ruff and friends: 0 clean, 1 findings, 2 usage or tool
error. A tool error prints one line (``doclint: error: ...``), never a
traceback unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from lint import __version__
from lint.baseline import BaselineError
from lint.config import ConfigError
from lint.errors import InternalError, ToolError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


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

    check = commands.add_parser("check", help="lint pages and report findings")
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: the configured roots)")
    check.add_argument(
        "--format", "--output-format", dest="format", choices=("text", "json", "sarif", "github"), default="text"
    )
    check.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    check.add_argument(
        "--config", metavar="FILE", help="read [tool.doclint] from FILE (default: the nearest pyproject.toml)"
    )
    check.add_argument(
        "--select", metavar="RULES", help="comma-separated rule codes, names or tags to run (replaces the config)"
    )
    check.add_argument(
        "--ignore", metavar="RULES", help="comma-separated rule codes, names or tags to skip (adds to the config)"
    )
    check.add_argument(
        "--fail-on", choices=("error", "warning", "info", "never"), help="lowest severity that fails the run"
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument(
        "--statistics", action="store_true", help="print the number of findings per rule instead of the findings"
    )
    check.add_argument(
        "--no-merge",
        action="store_true",
        help="report each rule's finding on its own (default: one per defect, the other rules as `also:`)",
    )
    check.add_argument("--baseline", metavar="FILE", help="hide the findings recorded in FILE")
    check.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE and exit 0")
    check.add_argument(
        "--no-translations", action="store_true", help="do not add the translations of English pages given as PATH"
    )
    check.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: one per core)")
    check.add_argument(
        "--metadata",
        action="append",
        metavar="VERSION=FILE",
        help="full CSDL metadata for an API version (v1.0=..., beta=...); overrides the shipped schemas",
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour text output")
    check.set_defaults(handler=_check)

    schemas = commands.add_parser("schemas", help="JSON Schemas from OData CSDL metadata")
    schema_commands = schemas.add_subparsers(dest="schemas_command", metavar="ACTION")
    schema_commands.required = True
    schema_build = schema_commands.add_parser("build", help="convert CSDL into schema.json and operations.json")
    schema_build.add_argument("--metadata", required=True, metavar="FILE.csdl", help="OData CSDL 4.0 XML")
    schema_build.add_argument("--out", required=True, metavar="DIR", help="directory to write")
    schema_build.add_argument(
        "--root",
        action="append",
        metavar="TYPE|ACTION",
        help="limit schema.json to these types/actions and what they use",
    )
    schema_build.set_defaults(handler=_schemas_build)

    rules = commands.add_parser("rules", help="list the rules, or explain one")
    rules.add_argument("rule", nargs="?", metavar="CODE|NAME", help="the rule to explain")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.set_defaults(handler=_rules)
    return parser


def _extract(args: argparse.Namespace) -> int:
    from lint.check import configured_roots
    from lint.config import load_config
    from lint.discover import iter_pages
    from lint.extract_text import describe
    from lint.parse.detect import parse_source
    from lint.serialize import pages_document
    from lint.source import SourceError, read_source

    config = load_config()
    pages = []
    for path in iter_pages(args.paths or configured_roots(config)):
        try:
            source = read_source(path)
        except SourceError as error:
            raise ToolError(str(error)) from error
        pages.append(parse_source(source, config.formats))
    out = sys.stdout
    if args.format == "json":
        json.dump(pages_document(pages), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for page in pages:
            for line in describe(page):
                out.write(line + "\n")
    return EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from lint.check import CheckOptions, run_check

    options = CheckOptions(
        paths=list(args.paths),
        config_file=Path(args.config) if args.config else None,
        select=_split(args.select),
        ignore=_split(args.ignore),
        fail_on=args.fail_on,
        exit_zero=args.exit_zero,
        baseline=Path(args.baseline) if args.baseline else None,
        write_baseline=Path(args.write_baseline) if args.write_baseline else None,
        translations=not args.no_translations,
        jobs=args.jobs,
        format=args.format,
        output=Path(args.output) if args.output else None,
        color=args.color,
        statistics=args.statistics,
        merge=not args.no_merge,
        metadata=_metadata_options(args.metadata),
    )
    return run_check(options)


def _metadata_options(values: list[str] | None) -> dict[str, str]:
    """``v1.0=path`` pairs; a bare path names its version in the file name (``beta-2021-07.csdl``)."""
    result: dict[str, str] = {}
    for value in values or []:
        version, sep, path = value.partition("=")
        if not sep:
            path = value
            name = Path(value).name.lower()
            version = "beta" if "beta" in name else "v1.0" if "v1.0" in name or "v1" in name else ""
            if not version:
                raise ToolError(f"--metadata {value}: say which API version it describes (v1.0=FILE or beta=FILE)")
        result[version] = path
    return result


def _schemas_build(args: argparse.Namespace) -> int:
    from lint.schemas.build import build

    metadata = Path(args.metadata)
    if not metadata.is_file():
        raise ToolError(f"{metadata}: no such file")
    try:
        written = build(metadata, Path(args.out), args.root)
    except (ValueError, SyntaxError) as error:
        raise ToolError(f"{metadata}: {error}") from error
    for path in written:
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return EXIT_OK


def _split(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [item.strip() for item in value.split(",") if item.strip()]


def _rules(args: argparse.Namespace) -> int:
    from lint.rules import all_rules, find_rule

    if args.rule:
        found = find_rule(args.rule)
        if found is None:
            raise ToolError(f"unknown rule `{args.rule}` (see `doclint rules`)")
        selected = [found]
    else:
        selected = all_rules()
    if args.format == "json":
        data = [
            {
                "code": rule.code,
                "name": rule.name,
                "scope": rule.scope,
                "severity": rule.severity,
                "tags": list(rule.tags),
                "summary": rule.summary,
                "doc": rule.doc,
            }
            for rule in selected
        ]
        json.dump(data if not args.rule else data[0], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.rule:
        rule = selected[0]
        sys.stdout.write(f"{rule.code} {rule.name}\n")
        sys.stdout.write(f"severity: {rule.severity}   scope: {rule.scope}   tags: {', '.join(rule.tags)}\n\n")
        sys.stdout.write(rule.doc + "\n")
    else:
        for rule in selected:
            sys.stdout.write(f"{rule.code}  {rule.name:<28} {rule.severity:<8} {rule.summary}\n")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args))
    except (ToolError, ConfigError, BaselineError) as error:
        if args.debug:
            raise
        print(f"doclint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except InternalError as error:
        if args.debug:
            raise
        print(f"doclint: internal error: {error} (a bug in doclint; --debug shows where)", file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # a bug in doclint: say so in one line
        if args.debug:
            raise
        print(
            f"doclint: internal error: {type(error).__name__}: {error} (run with --debug for details)", file=sys.stderr
        )
        return EXIT_ERROR


def run() -> NoReturn:
    """The ``doclint`` command and ``python -m lint``: :func:`main`, then exit.

    Whatever is alive when :func:`main` returns dies with the process. Freezing
    it first spares the interpreter's exit-time garbage collection a pass over
    all of it, which cost a one-file pre-commit check some 20 ms. (Tests call
    :func:`main`, so they never freeze their own process.)
    """
    status = main()
    gc.freeze()
    sys.exit(status)
