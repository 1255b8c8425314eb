"""``doclint build``: lint, then build one Sphinx site per locale and swap them into place together.

The lint is ``doclint check``'s own path (:func:`configure`, :func:`select_files`,
:func:`check_files`); its findings go onto the pages. Each locale is built in
a worker process into a stable folder under ``<out>/../.doclint-site/`` (so a
rebuild is incremental), copied into a staging folder beside ``<out>``, and
the staging folder is renamed over ``<out>`` only when every locale built: an
interrupted or failed build leaves the previous site as it was.

Extra pages (the rule catalogue, the review dashboard) come from generators
registered with :func:`register_pages`: each returns ``{docname: MyST text}``
for a locale, and the build writes them into that locale's sources.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lint.cache import check_files_cached
from lint.check import CheckOptions, configure, fails, select_files
from lint.config import Config
from lint.diagnostic import Diagnostic
from lint.errors import ToolError
from lint.report import Summary
from lint.review.data import Review, build_review
from lint.site.extra_pages import REVIEW_INDEX, RULES_INDEX, review_dashboard, rule_catalogue
from lint.site.locale_build import LocaleResult, build_locale
from lint.site.plan import (
    LocaleJob,
    PageJob,
    ordered_locales,
    plan_pages,
    stale_pages,
    switcher_entries,
)
from lint.site.root_index import LocaleEntry, freshness, render
from lint.site.sphinx_conf import FAVICON

EXIT_OK, EXIT_FINDINGS = 0, 1
PROJECT = "API reference"


@dataclass(frozen=True)
class SiteInputs:
    """What an extra-pages generator is given for one locale."""

    locale: str
    config: Config
    files: list[str]
    diagnostics: list[Diagnostic]
    review: Review


PageGenerator = Callable[[SiteInputs], dict[str, str]]

#: Generators of extra pages, in the order their pages are listed: the rule catalogue and the review
#: dashboard (in the English site), then any :func:`register_pages` adds.
_GENERATORS: list[PageGenerator] = [rule_catalogue, review_dashboard]


def register_pages(generator: PageGenerator) -> PageGenerator:
    """Add a generator of extra pages (``{docname: MyST text}`` per locale) to every build; usable as a decorator."""
    if generator not in _GENERATORS:
        _GENERATORS.append(generator)
    return generator


def page_generators() -> list[PageGenerator]:
    return list(_GENERATORS)


@dataclass
class BuildOptions:
    check: CheckOptions
    #: Findings fail the build (exit 1), as ``check`` would.
    strict: bool = False
    locales: list[str] | None = None
    out: Path | None = None
    #: Show findings on the pages (``--no-findings`` for a reader-facing publish).
    findings: bool = True
    #: A Sphinx warning is an error (exit 2): what the tests and CI build with.
    fail_on_warning: bool = False
    generators: list[PageGenerator] = field(default_factory=page_generators)


def run_build(options: BuildOptions) -> int:
    started = time.perf_counter()
    config = configure(options.check)
    selection = select_files(options.check, config)
    results = check_files_cached(
        selection.files,
        config,
        options.check.jobs,
        pair_only=selection.companions,
        use_cache=options.check.cache,
        cache_dir=options.check.cache_dir,
    )
    errors = [result.error for result in results if result.error]
    if errors:
        raise ToolError(errors[0])
    diagnostics = sorted((item for result in results for item in result.diagnostics), key=Diagnostic.sort_key)
    review = build_review(selection.files, diagnostics, config, staleness_judged=bool(config.source_history))
    out = options.out if options.out is not None else config.root / "build" / "html"
    jobs = plan_jobs(config, selection.files, diagnostics, review, options, out)
    results_by_locale = _run_jobs(jobs, options.check.jobs)
    warnings = [f"{result.locale}: {line}" for result in results_by_locale for line in result.warnings]
    for line in warnings:
        print(f"doclint: sphinx: {line}", file=sys.stderr)
    if warnings and options.fail_on_warning:
        raise ToolError(f"Sphinx reported {len(warnings)} warnings (--fail-on-warning); the previous site is kept")
    entries = [LocaleEntry(job.locale, len(job.pages), freshness(job.locale, review)) for job in jobs]
    publish(jobs, entries, out)
    failing = any(fails(item, config.fail_on, selection.companions) for item in diagnostics)
    _summarise(diagnostics, results_by_locale, out, time.perf_counter() - started, len(selection.files))
    if options.strict and failing:
        from lint.report import writer_for

        writer_for("text")(diagnostics, sys.stdout, Summary(files=len(selection.files)))
        return EXIT_FINDINGS
    return EXIT_OK


def plan_jobs(
    config: Config,
    files: list[str],
    diagnostics: list[Diagnostic],
    review: Review,
    options: BuildOptions,
    out: Path,
) -> list[LocaleJob]:
    """One job per locale to build (all, or those ``--locale`` names)."""
    pages = plan_pages(files, config)
    locales = ordered_locales(list(pages), config.english_locale)
    if options.locales:
        unknown = [locale for locale in options.locales if locale not in pages]
        if unknown:
            raise ToolError(f"--locale {', '.join(unknown)}: no pages in that locale (have: {', '.join(locales)})")
    findings: dict[str, list[Diagnostic]] = {}
    for item in diagnostics:
        findings.setdefault(item.path, []).append(item)
    english_jobs = {job.path: job for job in pages.get(config.english_locale, [])}
    english, targets = _english_targets(diagnostics, english_jobs, config)
    switcher = switcher_entries(pages, locales, stale_pages(review))
    stems = {locale: {os.path.splitext(job.relative)[0]: job.docname for job in jobs} for locale, jobs in pages.items()}
    state_dir = str(out.parent / ".doclint-site")
    chosen = [locale for locale in locales if not options.locales or locale in options.locales]
    jobs = []
    for locale in chosen:
        inputs = SiteInputs(locale, config, files, diagnostics, review)
        extra: dict[str, str] = {}
        for generator in options.generators:
            extra.update(generator(inputs))
        jobs.append(
            LocaleJob(
                locale=locale,
                config=config,
                project=PROJECT,
                state_dir=state_dir,
                pages=pages[locale],
                findings=findings,
                stems=stems[locale],
                english=english,
                targets=targets if locale == config.english_locale else {},
                switcher=switcher[locale],
                extra_pages=extra,
                show_findings=options.findings,
            )
        )
    return jobs


def _english_targets(
    diagnostics: list[Diagnostic], english_jobs: dict[str, PageJob], config: Config
) -> tuple[dict[str, tuple[str, list[tuple[int, int]]]], dict[str, frozenset[int]]]:
    """The English pages findings point at (with their blocks, for anchors), and the lines pointed at."""
    from lint.parse.detect import detect_format
    from lint.site.convert.markdown import block_ranges

    by_relative = {config.relative(path): job for path, job in english_jobs.items()}
    english: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    lines: dict[str, set[int]] = {}
    for item in diagnostics:
        for related in item.related:
            job = by_relative.get(config.relative(related.path))
            if job is None:
                continue
            if related.path not in english:
                ranges: list[tuple[int, int]] = []
                with contextlib.suppress(OSError, UnicodeDecodeError):
                    text = Path(job.path).read_text(encoding="utf-8")
                    # Only Graph Markdown pages carry line anchors (the other formats are rendered by section).
                    if detect_format(job.path, text, config.formats) == "markdown":
                        ranges = block_ranges(text)
                english[related.path] = (job.docname, ranges)
            if english[related.path][1]:
                lines.setdefault(job.path, set()).add(related.line)
    return english, {path: frozenset(found) for path, found in lines.items()}


def _run_jobs(jobs: list[LocaleJob], workers: int | None) -> list[LocaleResult]:
    """Each locale in its own process when there are cores for it (Sphinx is single-threaded per project)."""
    count = min(len(jobs), workers if workers is not None else (os.cpu_count() or 1))
    if count <= 1:
        return [build_locale(job) for job in jobs]
    with ProcessPoolExecutor(max_workers=count) as pool:
        return list(pool.map(build_locale, jobs))


def publish(jobs: list[LocaleJob], entries: list[LocaleEntry], out: Path) -> None:
    """Copy every locale's output and the root index into a staging folder, then rename it over ``out``.

    A locale not rebuilt this time (``--locale``) keeps its previous output.
    Until the final rename nothing under ``out`` changes; whatever goes wrong
    before it removes the staging folder and leaves ``out`` as it was.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = out.with_name(f".{out.name}.new-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir()
        built = {job.locale for job in jobs}
        for job in jobs:
            shutil.copytree(job.html_dir, staging / job.locale, ignore=shutil.ignore_patterns(".buildinfo"))
        listed = list(entries)
        if out.is_dir():
            for previous in sorted(out.iterdir()):
                if previous.is_dir() and previous.name not in built and (previous / "index.html").is_file():
                    shutil.copytree(previous, staging / previous.name)
                    listed.append(LocaleEntry(previous.name, -1, "kept from the previous build"))
        english = jobs[0].config.english_locale if jobs else "en-US"
        # The dashboard and the catalogue are in the English site (also when it was kept from a previous build).
        wanted = [("Review dashboard", REVIEW_INDEX), ("Rule catalogue", RULES_INDEX)]
        shared = [
            (label, f"{english}/{docname}.html")
            for label, docname in wanted
            if (staging / english / f"{docname}.html").is_file()
        ]
        (staging / "index.html").write_text(render(_sorted(listed, jobs), PROJECT, shared), encoding="utf-8")
        shutil.copyfile(Path(__file__).parent / "static" / FAVICON, staging / FAVICON)
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        if out.exists():
            os.rename(out, old)
        os.rename(staging, out)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _sorted(entries: list[LocaleEntry], jobs: list[LocaleJob]) -> list[LocaleEntry]:
    english = jobs[0].config.english_locale if jobs else "en-US"
    return sorted(entries, key=lambda entry: (entry.locale != english, entry.locale))


def _summarise(
    diagnostics: list[Diagnostic], results: list[LocaleResult], out: Path, seconds: float, files: int
) -> None:
    counts = {
        severity: sum(item.severity == severity for item in diagnostics) for severity in ("error", "warning", "info")
    }
    shown = ", ".join(f"{count} {name}{'s' if count != 1 and name != 'info' else ''}" for name, count in counts.items())
    print(f"doclint: {len(diagnostics)} findings in {files} files ({shown})", file=sys.stderr)
    built = ", ".join(
        f"{result.locale} {result.pages} page{'' if result.pages == 1 else 's'} ({result.read} read)"
        for result in results
    )
    print(f"doclint: built {built} in {seconds:.1f} s", file=sys.stderr)
    try:
        where = os.path.relpath(out / "index.html")
    except ValueError:
        where = str(out / "index.html")
    print(f"doclint: open {where}", file=sys.stderr)
