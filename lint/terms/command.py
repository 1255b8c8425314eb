"""``doclint terms``: read the English pages, derive their terms, write CSV or TBX."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from lint.config import Config
from lint.errors import ToolError
from lint.model import Page

ENGLISH = "en-US"


def run_terms(paths: list[str], *, locale: str | None, output_format: str, output: str | None) -> list[str]:
    """Write the do-not-translate list of the English pages under ``paths`` (default: the configured roots).

    Returns one line for each page doclint failed on (a parser bug): the
    others' terms are written, and the caller exits 2, as ``check`` and
    ``export`` do.
    """
    from lint.atomic import replace_bytes
    from lint.check import configured_roots
    from lint.config import load_config
    from lint.schemas.store import store_for
    from lint.terms.catalogue import collect
    from lint.terms.csvfile import write_csv
    from lint.terms.tbx import tbx_bytes

    config = load_config()
    failed: list[str] = []
    pages = _english_pages(paths or configured_roots(config), config, failed)
    terms = collect(pages, lambda version: store_for(config, version))
    if output_format == "tbx":
        data = tbx_bytes(terms, locale)
    else:
        text = io.StringIO()
        write_csv(terms, text)
        data = text.getvalue().encode("utf-8")
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
    else:
        try:
            replace_bytes(Path(output), data)
        except OSError as error:
            raise ToolError(f"cannot write {output}: {error.strerror or error}") from error
    return failed


def _english_pages(given: list[str], config: Config, failed: list[str]) -> list[Page]:
    """The English pages among ``given``: translations keep the English terms, so only English defines them.

    A page the parser fails on is named in ``failed`` and left out (``--debug`` raises it instead).
    """
    import os

    from lint.discover import iter_pages
    from lint.engine import DEBUG_ENVIRONMENT
    from lint.parse.detect import parse_source
    from lint.source import SourceError, read_source

    pages = []
    for path in iter_pages(given, config.symlink_root()):
        try:
            source = read_source(path, root=config.symlink_root(), max_size=config.max_file_size)
        except SourceError as error:
            raise ToolError(str(error)) from error
        try:
            page = parse_source(source, config.formats)
        except Exception as error:
            if os.environ.get(DEBUG_ENVIRONMENT) == "1":
                raise
            failed.append(
                f"{path}: doclint failed on this page ({type(error).__name__}: {error}); its terms are left out"
            )
            continue
        if page.locale == ENGLISH:
            pages.append(page)
    if not pages:
        raise ToolError(f"no English pages found under {' and '.join(given)}")
    return pages
