"""``doclint check``: choose files, run the engine, apply the baseline, report, exit.

Kept apart from the argument parser so that tests and other front ends
(the Sphinx site, the pre-commit hook) drive the same path.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from msgspec import Struct
from msgspec.structs import replace

from lint.baseline import apply_baseline, read_baseline, write_baseline
from lint.config import Config, load_config
from lint.diagnostic import Diagnostic
from lint.discover import iter_pages
from lint.engine import check_files
from lint.errors import ToolError
from lint.pair import translations
from lint.report import Summary, writer_for
from lint.rules import SEVERITIES

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class CheckOptions(Struct, frozen=True):
    paths: list[str]
    config_file: Path | None = None
    select: list[str] | None = None
    ignore: list[str] | None = None
    fail_on: str | None = None
    exit_zero: bool = False
    baseline: Path | None = None
    write_baseline: Path | None = None
    translations: bool = True
    jobs: int | None = None
    format: str = "text"
    output: Path | None = None
    color: str = "auto"
    #: Counts per rule instead of the findings (text or json).
    statistics: bool = False
    #: One finding per defect (:mod:`lint.merge`); false shows every rule's finding (``--no-merge``).
    merge: bool = True
    #: API version -> CSDL file, overriding ``[tool.doclint] metadata``.
    metadata: dict[str, str] | None = None


def configure(options: CheckOptions) -> Config:
    return load_config(options.config_file, select=options.select, extend_ignore=options.ignore)


def configured_roots(config: Config) -> list[str]:
    """The source and locales roots that exist, as paths relative to the working directory."""
    roots = [root for root in (config.source_root, config.locales_root) if (config.root / root).is_dir()]
    if not roots:
        raise ToolError(f"no PATH given and neither {config.source_root}/ nor {config.locales_root}/ exists")
    return [os.path.relpath(config.root / root) for root in roots]


def select_files(options: CheckOptions, config: Config) -> list[str]:
    """Explicit files (plus the translations of English ones), or walked roots filtered by include/exclude."""
    if options.paths:
        for path in options.paths:
            if not Path(path).exists():
                raise ToolError(f"{path}: no such file or directory")
        explicit = [path for path in options.paths if Path(path).is_file()]
        walked = [path for path in iter_pages(p for p in options.paths if Path(p).is_dir()) if config.included(path)]
        chosen = list(dict.fromkeys([*explicit, *walked]))
    else:
        chosen = [path for path in iter_pages(configured_roots(config)) if config.included(path)]
    if options.translations:
        extra = [copy for path in chosen for copy in translations(path, config) if config.included(copy)]
        chosen = list(dict.fromkeys([*chosen, *extra]))
    return chosen


def run_check(options: CheckOptions) -> int:
    if options.statistics and options.format not in ("text", "json"):
        raise ToolError(f"--statistics prints text or json; it cannot be combined with --format {options.format}")
    config = configure(options)
    if options.fail_on is not None:
        config = replace(config, fail_on=options.fail_on)
    if options.metadata:
        cwd = Path.cwd()
        absolute = {version: str((cwd / path).resolve()) for version, path in options.metadata.items()}
        config = replace(config, metadata={**config.metadata, **absolute})
    files = select_files(options, config)
    results = check_files(files, config, options.jobs)
    errors = [result.error for result in results if result.error]
    if errors:
        raise ToolError(errors[0])
    diagnostics = sorted((item for result in results for item in result.diagnostics), key=Diagnostic.sort_key)
    if options.write_baseline is not None:
        write_baseline(options.write_baseline, diagnostics)
        print(f"doclint: wrote {len(diagnostics)} findings to {options.write_baseline}", file=sys.stderr)
        return EXIT_OK
    hidden = 0
    if options.baseline is not None:
        diagnostics, hidden = apply_baseline(diagnostics, read_baseline(options.baseline))
    _report(diagnostics, options, Summary(files=len(files), hidden_by_baseline=hidden))
    if options.exit_zero or config.fail_on == "never":
        return EXIT_OK
    order: list[str] = list(SEVERITIES)
    threshold = order.index(config.fail_on)
    failing = any(order.index(item.severity) <= threshold for item in diagnostics)
    return EXIT_FINDINGS if failing else EXIT_OK


def _report(diagnostics: list[Diagnostic], options: CheckOptions, summary: Summary) -> None:
    if not options.merge:
        # After the baseline: a merged finding is recorded and hidden by its leader's fingerprint.
        from lint.merge import unmerge

        diagnostics = unmerge(diagnostics)
    write = writer_for(options.format)
    if options.statistics:
        from lint.report.statistics import write_json, write_text

        write = write_json if options.format == "json" else write_text
    if options.output is not None:
        try:
            with open(options.output, "w", encoding="utf-8") as stream:
                write(diagnostics, stream, summary)
        except OSError as error:
            raise ToolError(f"{options.output}: cannot write: {error.strerror or error}") from error
        return
    color = options.color == "always" or (
        options.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    write(diagnostics, sys.stdout, replace(summary, color=color))
