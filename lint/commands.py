"""The commands: argument parsing and wiring only (:mod:`lint.cli` is the entry point around it).

Exit codes follow ruff and friends: 0 clean, 1 findings, 2 usage or tool
error. A tool error prints one line (``doclint: error: ...``), never a
traceback unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint import __version__
from lint.baseline import BaselineError
from lint.config import ConfigError
from lint.errors import InternalError, ToolError
from lint.streams import discard_stdout

if TYPE_CHECKING:
    from lint.check import CheckOptions
    from lint.rules import Rule
    from lint.site.build import BuildOptions

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
#: 128 + SIGPIPE, what a shell reports for a writer whose reader went away.
EXIT_BROKEN_PIPE = 141


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The ``doclint`` command line: its subcommands and their options.

    With ``only``, the other subcommands are there by name and help but
    without their options: what parsing a command line that names ``only``
    needs. Building every subcommand's options cost a one-file ``check``
    about 1% of its instructions, for commands it does not run.
    """
    parser = argparse.ArgumentParser(
        prog="doclint",
        description="Build and lint multilingual REST API reference documentation.",
    )
    parser.add_argument("--version", action="version", version=f"doclint {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for tool errors")
    # Every subcommand takes --debug too, as ruff's do: ``doclint check --debug`` is what a user
    # types after seeing the hint in an error line. SUPPRESS keeps a subcommand that was not
    # given it from resetting the ``doclint --debug check`` spelling to False.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks for tool errors"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    for name, help_text, add_arguments in _COMMANDS:
        subcommand = commands.add_parser(name, parents=[common], help=help_text)
        if only is None or only == name:
            add_arguments(subcommand, common)
    return parser


def _extract_arguments(extract: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """The ``extract`` command's arguments."""
    extract.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or directories (default: the configured roots)"
    )
    extract.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    extract.set_defaults(handler=_extract)


def _check_arguments(check: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """The ``check`` command's arguments."""
    check.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: the configured roots)")
    _report_format_arguments(
        check, "text (one line per finding), full (text with the source lines), json, sarif or github"
    )
    check.add_argument(
        "--config",
        metavar="FILE",
        help="a TOML file: its [tool.doclint] table, else its top-level keys (default: the nearest pyproject.toml)",
    )
    check.add_argument(
        "--exclude", metavar="GLOBS", help="comma-separated globs of paths to skip (replaces the config's exclude)"
    )
    check.add_argument(
        "--extend-exclude",
        metavar="GLOBS",
        help="comma-separated globs of paths to skip (adds to the config's exclude)",
    )
    verbosity = check.add_mutually_exclusive_group()
    verbosity.add_argument("--quiet", "-q", action="store_true", help="print the findings only, no summary or notes")
    verbosity.add_argument(
        "--verbose", "-v", action="store_true", help="say on stderr which config, files and rules are used, and timing"
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
    _fix_arguments(check)
    check.add_argument(
        "--statistics", action="store_true", help="print the number of findings per rule instead of the findings"
    )
    check.add_argument(
        "--group-by",
        choices=("severity", "locale"),
        default="severity",
        help="with --statistics, count each rule's findings per severity (default) or per locale, a column each",
    )
    check.add_argument(
        "--hide-inherited",
        action="store_true",
        help="leave out the findings translations inherit from their English page (reported there)",
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
    check.add_argument(
        "--source-history",
        metavar="GIT_DIR[:PREFIX]",
        help="git history of the English sources (a bare repository, a work tree or its .git); PREFIX is the "
        "path in it that corresponds to source-root; stale translations are reported (stale-source)",
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour text output")
    check.add_argument(
        "--shard",
        type=_shard_argument,
        metavar="I/N",
        help="check only the I-th of N shares of the pages (an English page with its translations stays in one); "
        "combine the N reports with `doclint merge`",
    )
    check.add_argument(
        "--no-progress", action="store_true", help="no progress bar on stderr (shown only on a terminal, not in CI)"
    )
    _cache_arguments(check)
    check.set_defaults(handler=_check)


def _report_format_arguments(parser: argparse.ArgumentParser, help_text: str) -> None:
    """``--format`` and ``--output``, which ``check`` and ``merge`` share: a report in any of the formats."""
    parser.add_argument(
        "--format",
        "--output-format",
        dest="format",
        choices=("text", "full", "json", "sarif", "github"),
        default="text",
        help=help_text,
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")


def _merge_arguments(merge: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """The ``merge`` command's arguments."""
    merge.add_argument("files", nargs="+", metavar="FILE", help="the shards' reports (JSON or SARIF, told apart)")
    _report_format_arguments(merge, "the combined report's format, as for check (default: text)")
    merge.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        help="lowest severity that fails (default: what the shards ran with)",
    )
    merge.add_argument("--quiet", "-q", action="store_true", help="print the findings only, no summary or notes")
    merge.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour text output")
    merge.set_defaults(handler=_merge)


def _report_arguments(report: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """The ``report`` command's arguments."""
    report.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: the configured roots)")
    report.add_argument(
        "--format", choices=("text", "json", "html"), default="text", help="output format (default: text)"
    )
    report.add_argument("--locale", metavar="LOCALES", help="comma-separated locales to report (default: all)")
    report.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE (atomically)")
    report.add_argument("--config", metavar="FILE", help="a TOML file with [tool.doclint] (as for check)")
    report.add_argument("--select", metavar="RULES", help="rule codes, names or tags to run (as for check)")
    report.add_argument("--ignore", metavar="RULES", help="rule codes, names or tags to skip (as for check)")
    report.add_argument("--exclude", metavar="GLOBS", help="globs of paths to skip (replaces the config's exclude)")
    report.add_argument("--extend-exclude", metavar="GLOBS", help="globs of paths to skip (adds to the config's)")
    report.add_argument(
        "--no-translations", action="store_true", help="do not add the translations of English pages given as PATH"
    )
    report.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: one per core)")
    report.add_argument(
        "--metadata", action="append", metavar="VERSION=FILE", help="full CSDL metadata for an API version"
    )
    report.add_argument(
        "--source-history",
        metavar="GIT_DIR[:PREFIX]",
        help="git history of the English sources (as for check): pages are judged fresh or stale only with one",
    )
    _cache_arguments(report)
    report.set_defaults(handler=_report)


def _build_arguments(build: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """The ``build`` command's arguments."""
    build.add_argument("--strict", action="store_true", help="findings fail the build (exit 1), as `check` would")
    build.add_argument(
        "--fail-on-warning", action="store_true", help="a Sphinx warning fails the build (exit 2), previous site kept"
    )
    _site_arguments(build)
    build.set_defaults(handler=_build)


def _serve_arguments(serve: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """The ``serve`` command's arguments."""
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000; 0 takes a free one)")
    serve.add_argument(
        "--interval", type=float, default=1.0, metavar="SECONDS", help="how often to look for changes (default: 1)"
    )
    _site_arguments(serve)
    serve.set_defaults(handler=_serve, strict=False, fail_on_warning=False)


def _schemas_arguments(schemas: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """The ``schemas`` command's actions and their arguments."""
    schema_commands = schemas.add_subparsers(dest="schemas_command", metavar="ACTION")
    schema_commands.required = True
    schema_build = schema_commands.add_parser(
        "build", parents=[common], help="convert CSDL into schema.json and operations.json"
    )
    schema_build.add_argument("--metadata", required=True, metavar="FILE.csdl", help="OData CSDL 4.0 XML")
    schema_build.add_argument("--out", required=True, metavar="DIR", help="directory to write")
    schema_build.add_argument(
        "--root",
        action="append",
        metavar="TYPE|ACTION",
        help="limit schema.json to these types/actions and what they use",
    )
    schema_build.set_defaults(handler=_schemas_build)


def _clean_arguments(clean: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """The ``clean`` command's arguments."""
    clean.add_argument("--config", metavar="FILE", help="a TOML file with [tool.doclint] (as for check)")
    clean.add_argument("--cache-dir", metavar="DIR", help="the cache folder to remove (as for check)")
    clean.set_defaults(handler=_clean)


def _rules_arguments(rules: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """The ``rules`` command's arguments."""
    rules.add_argument(
        "rule",
        nargs="?",
        metavar="RULES",
        help="a code or name to explain, or what --select takes (prefixes, tags, ALL; comma-separated) to list",
    )
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.set_defaults(handler=_rules)


def _locale_name(value: str) -> str:
    """A ``--locale`` value: a language tag (``zh-CN``, ``sr-Latn-RS``), never a path.

    ``export`` joins it to the locales root and ``terms`` writes it into
    ``xml:lang``: ``../docs_src`` would export the English pages as a
    translation, and a quote would break the TBX.
    """
    import re

    if not re.fullmatch(r"[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*", value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a locale name such as zh-CN")
    return value


def _terms_arguments(terms: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """The ``terms`` command's arguments."""
    terms.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: the configured roots)")
    terms.add_argument("--locale", type=_locale_name, help="add a target-language section for this locale (TBX)")
    terms.add_argument("--format", choices=("csv", "tbx"), default="csv", help="output format (default: csv)")
    terms.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    terms.set_defaults(handler=_terms)


def _terms(args: argparse.Namespace) -> int:
    from lint.terms.command import run_terms

    failed = run_terms(args.paths, locale=args.locale, output_format=args.format, output=args.output)
    for problem in failed:  # the other pages' terms are written; the run still exits 2, as check does
        print(f"doclint: error: {problem}", file=sys.stderr)
    return EXIT_ERROR if failed else EXIT_OK


def _export_arguments(export: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """The ``export`` command's arguments."""
    export.add_argument(
        "--locale", required=True, type=_locale_name, help="the locale whose pages to export (zh-CN, ...)"
    )
    export.add_argument("--format", choices=("xliff", "po"), default="xliff", help="file format (default: xliff)")
    export.add_argument("--output", "-o", metavar="FILE", help="write to FILE (default: standard output)")
    export.set_defaults(handler=_export)


def _import_arguments(import_: argparse.ArgumentParser, common: argparse.ArgumentParser) -> None:
    """The ``import`` command's arguments."""
    import_.add_argument("file", metavar="FILE", help="an XLIFF 2 (.xlf, .xliff) or PO (.po) file")
    import_.set_defaults(handler=_import)


def _export(args: argparse.Namespace) -> int:
    from lint.config import load_config
    from lint.exchange.export import locale_segments, segment_findings

    config = load_config()
    failed: list[str] = []
    segments, notes = locale_segments(args.locale, config, failed)
    for note in notes:
        print(f"doclint: note: {note}", file=sys.stderr)
    for problem in failed:  # the other pages are exported; the run still exits 2, as check does
        print(f"doclint: error: {problem}", file=sys.stderr)
    if not segments:
        # An XLIFF without a <file> is invalid, and an empty catalogue would look like work done.
        raise ToolError(f"no segments to export: no page of {args.locale} has a segment aligned with its English")
    findings = segment_findings(segments, config)
    if args.format == "xliff":
        from lint.exchange.xliff import write_xliff

        data = write_xliff(segments, args.locale, findings)
    else:
        from lint.exchange.po import write_po

        data = write_po(segments, args.locale, findings).encode("utf-8")
    if args.output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_ERROR if failed else EXIT_OK
    from lint.atomic import replace_bytes

    try:
        replace_bytes(Path(args.output), data)
    except OSError as error:
        raise ToolError(f"cannot write {args.output}: {error.strerror}") from error
    return EXIT_ERROR if failed else EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from lint.exchange.apply import apply_segments

    try:
        content = Path(args.file).read_bytes()
    except OSError as error:
        raise ToolError(f"cannot read {args.file}: {error.strerror}") from error
    if args.file.endswith(".po"):
        from lint.exchange.po import decode_po, read_po

        returned = read_po(args.file, decode_po(args.file, content))
    else:
        from lint.exchange.xliff import read_xliff

        returned = read_xliff(args.file, content)
    from lint.config import load_config

    config = load_config()
    for page in apply_segments(returned, config):
        print(f"updated {page}")
    return EXIT_OK


#: Each subcommand: its name, its one-line help and what adds its arguments.
_COMMANDS: tuple[tuple[str, str, Callable[[argparse.ArgumentParser, argparse.ArgumentParser], None]], ...] = (
    ("extract", "print the document model of each page", _extract_arguments),
    ("check", "lint pages and report findings", _check_arguments),
    (
        "merge",
        "combine the JSON or SARIF reports of `check --shard I/N` runs into the report of one run",
        _merge_arguments,
    ),
    ("report", "the reviewer's view of the translations: coverage, freshness, drift", _report_arguments),
    ("build", "lint, then build the site: one Sphinx site per locale under build/html", _build_arguments),
    ("serve", "build, serve the site on localhost and rebuild when a source changes", _serve_arguments),
    ("schemas", "JSON Schemas from OData CSDL metadata", _schemas_arguments),
    ("clean", "remove this project's result cache", _clean_arguments),
    ("rules", "list the rules, or explain one", _rules_arguments),
    ("terms", "the do-not-translate list derived from the English pages and the CSDL", _terms_arguments),
    ("export", "write a locale's segments as XLIFF 2.1 or PO for translation tools", _export_arguments),
    ("import", "write the translations of an XLIFF or PO file back into the pages", _import_arguments),
)


def _extract(args: argparse.Namespace) -> int:
    from lint.check import configured_roots
    from lint.config import load_config
    from lint.discover import iter_pages
    from lint.extract_text import describe
    from lint.parse.detect import parse_source
    from lint.report import json_text, printable
    from lint.serialize import pages_document
    from lint.source import SourceError, read_source

    config = load_config()
    given = args.paths or configured_roots(config)
    paths = list(iter_pages(given, config.symlink_root()))
    if not paths:
        raise ToolError(f"no pages found under {' and '.join(given)}")
    pages = []
    for path in paths:
        try:
            source = read_source(path, root=config.symlink_root(), max_size=config.max_file_size)
        except SourceError as error:
            raise ToolError(str(error)) from error
        pages.append(parse_source(source, config.formats))
    out = sys.stdout
    # Paths and page text may hold control characters and (from undecodable file names) lone
    # surrogates: shown escaped, as every report shows them, so the output stays valid UTF-8.
    if args.format == "json":
        out.write(json_text(pages_document(pages)) + "\n")
    else:
        for page in pages:
            for line in describe(page):
                out.write(printable(line) + "\n")
    return EXIT_OK


def _selection(args: argparse.Namespace, **more: Any) -> CheckOptions:
    """What ``check``, ``report``, ``build`` and ``serve`` share: which files, rules and configuration.

    Each command's parser has the options it takes; one it lacks keeps ``CheckOptions``' default.
    """
    from lint.check import CheckOptions

    return CheckOptions(
        paths=list(args.paths),
        config_file=Path(args.config) if args.config else None,
        select=_split(args.select),
        ignore=_split(args.ignore),
        translations=not getattr(args, "no_translations", False),
        jobs=args.jobs,
        metadata=_metadata_options(getattr(args, "metadata", None)),
        exclude=_split(getattr(args, "exclude", None)),
        extend_exclude=_split(getattr(args, "extend_exclude", None)),
        source_history=args.source_history,
        cache=not getattr(args, "no_cache", False),
        cache_dir=Path(args.cache_dir) if getattr(args, "cache_dir", None) else None,
        **more,
    )


def _fix_arguments(check: argparse.ArgumentParser) -> None:
    """``check --fix``, ``--diff`` and ``--unsafe-fixes`` (:mod:`lint.fix`)."""
    check.add_argument("--fix", action="store_true", help="apply the safe fixes to the pages, then report the rest")
    check.add_argument(
        "--diff", action="store_true", help="print the fixes as a unified diff, write nothing (exit 1 if any)"
    )
    check.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff, also apply fixes that touch translated prose"
    )


def _check(args: argparse.Namespace) -> int:
    from lint.check import run_check

    options = _selection(
        args,
        fail_on=args.fail_on,
        exit_zero=args.exit_zero,
        baseline=Path(args.baseline) if args.baseline else None,
        write_baseline=Path(args.write_baseline) if args.write_baseline else None,
        format=args.format,
        output=Path(args.output) if args.output else None,
        color=args.color,
        statistics=args.statistics,
        merge=not args.no_merge,
        quiet=args.quiet,
        verbose=args.verbose,
        hide_inherited=args.hide_inherited,
        group_by=args.group_by,
        shard=args.shard,
        progress=not args.no_progress,
        fix=args.fix,
        diff=args.diff,
        unsafe_fixes=args.unsafe_fixes,
    )
    return run_check(options)


def _shard_argument(value: str) -> tuple[int, int]:
    """``--shard I/N``; a wrong value is argparse's usage error (exit 2) with what is expected."""
    from lint.shard import parse_shard

    try:
        return parse_shard(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def _merge(args: argparse.Namespace) -> int:
    from lint.combine import MergeOptions, run_merge

    return run_merge(
        MergeOptions(
            files=[Path(name) for name in args.files],
            format=args.format,
            output=Path(args.output) if args.output else None,
            fail_on=args.fail_on,
            quiet=args.quiet,
            color=args.color,
        )
    )


def _report(args: argparse.Namespace) -> int:
    from lint.review.command import ReportOptions, run_report

    selection = _selection(args)
    options = ReportOptions(
        check=selection,
        format=args.format,
        locales=_split(args.locale),
        output=Path(args.output) if args.output else None,
    )
    return run_report(options)


def _build(args: argparse.Namespace) -> int:
    from lint.site.build import run_build

    return run_build(_build_options(args))


def _serve(args: argparse.Namespace) -> int:
    from lint.site.serve import serve

    return serve(_build_options(args), host=args.host, port=args.port, interval=args.interval)


def _build_options(args: argparse.Namespace) -> BuildOptions:
    from lint.site.build import BuildOptions

    selection = _selection(args)
    locales = [locale for value in args.locale or [] for locale in _split(value) or []]
    options = BuildOptions(
        check=selection,
        strict=args.strict,
        locales=locales or None,
        out=Path(args.out) if args.out else None,
        findings=not args.no_findings,
        fail_on_warning=args.fail_on_warning,
    )
    return options


def _cache_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-cache", action="store_true", help="neither read nor write the result cache (check every file)"
    )
    parser.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="this project's result cache folder (default: the cache-dir key, else the user's cache directory)",
    )


def _clean(args: argparse.Namespace) -> int:
    """``doclint clean``: remove this project's result cache (what ``--cache-dir`` or the config names)."""
    from lint.cache.location import clear, project_cache_dir
    from lint.config import load_config

    config = load_config(Path(args.config) if args.config else None)
    directory = project_cache_dir(config, Path(args.cache_dir) if args.cache_dir else None)
    removed = clear(directory)
    print(f"doclint: removed {directory} ({removed} files)" if removed else f"doclint: no cache at {directory}")
    return EXIT_OK


def _site_arguments(parser: argparse.ArgumentParser) -> None:
    """The options ``build`` and ``serve`` share: what to lint and how to build."""
    _cache_arguments(parser)
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: the configured roots)")
    parser.add_argument(
        "--locale",
        action="append",
        metavar="LOCALE",
        help="build only these locales (repeatable or comma-separated; the others keep their previous output)",
    )
    parser.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: one per core)")
    parser.add_argument("--out", metavar="DIR", help="where the site goes (default: build/html)")
    parser.add_argument(
        "--no-findings", action="store_true", help="do not show findings on the pages (a reader-facing publish)"
    )
    parser.add_argument("--config", metavar="FILE", help="a TOML file with [tool.doclint] (as for check)")
    parser.add_argument("--select", metavar="RULES", help="rule codes, names or tags to run (as for check)")
    parser.add_argument("--ignore", metavar="RULES", help="rule codes, names or tags to skip (as for check)")
    parser.add_argument(
        "--source-history",
        metavar="GIT_DIR[:PREFIX]",
        help="git history of the English sources (as for check): translations are judged fresh or stale",
    )


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

    explained = find_rule(args.rule) if args.rule else None
    selected: list[Rule]
    if explained is not None:
        selected = [explained]
    elif args.rule:
        selected = _rules_selected(args.rule)
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
                "fixable": rule.fixable or None,
            }
            for rule in selected
        ]
        json.dump(data[0] if explained else data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif explained is not None:
        sys.stdout.write(f"{explained.code} {explained.name}\n")
        sys.stdout.write(
            f"severity: {explained.severity}   scope: {explained.scope}   tags: {', '.join(explained.tags)}"
            + (f"   fixable: {explained.fixable}" if explained.fixable else "")
            + "\n\n"
        )
        sys.stdout.write(explained.doc + "\n")
    else:
        for rule in selected:
            fixable = f" [fixable: {rule.fixable}]" if rule.fixable else ""
            sys.stdout.write(f"{rule.code}  {rule.name:<28} {rule.severity:<8} {rule.summary}{fixable}\n")
    return EXIT_OK


def _rules_selected(value: str) -> list[Rule]:
    """The rules ``--select VALUE`` would run, in code order; an unknown selector is a usage error."""
    from lint.config import check_selectors
    from lint.rules import rules_matching

    selectors = _split(value) or []
    try:
        check_selectors("", selectors)
    except ConfigError as error:
        raise ToolError(f"{error}; `doclint rules` lists them all") from error
    chosen = {rule.code: rule for selector in selectors for rule in rules_matching(selector)}
    return [chosen[code] for code in sorted(chosen)]


def _command_named(argv: Sequence[str] | None) -> str | None:
    """The subcommand ``argv`` names: its first word that is not an option (no global option takes a value).

    ``None`` when there is none or it is no command: the parser then has every
    subcommand's options, for its usage message.
    """
    for word in sys.argv[1:] if argv is None else argv:
        if not word.startswith("-"):
            return word if any(name == word for name, _, _ in _COMMANDS) else None
        if word == "--":
            return None
    return None


def dispatch(argv: Sequence[str] | None) -> int:
    """Parse ``argv`` and run its command; a tool error is one line on stderr and exit 2."""
    parser = build_parser(_command_named(argv))
    args = parser.parse_args(argv)
    if args.handler is not _check:
        from lint.gc_pause import resume

        resume()  # paused for start-up (lint.gc_pause); only check keeps it paused, for a few pages
    import os

    from lint.engine import DEBUG_ENVIRONMENT

    debugging = os.environ.get(DEBUG_ENVIRONMENT)
    if args.debug:
        # A page's parser or rule failing is a finding (internal-error); --debug wants its traceback.
        os.environ[DEBUG_ENVIRONMENT] = "1"
    try:
        status = int(args.handler(args))
        sys.stdout.flush()  # a closed pipe shows here, not in the exit-time flush
        return status
    except (ToolError, ConfigError, BaselineError) as error:
        if args.debug:
            raise
        print(f"doclint: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        # The reader went away (``doclint extract | head``): exit as a shell expects of a
        # command killed by SIGPIPE. ``check`` handles this itself to exit with its findings' status.
        discard_stdout()
        return EXIT_BROKEN_PIPE
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
    finally:
        if debugging is None:
            os.environ.pop(DEBUG_ENVIRONMENT, None)
