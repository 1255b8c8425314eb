"""What must hold for every input, however hostile: the check answers, in the file, in every report format.

:func:`check_case` writes a case's pages into a fresh project, checks them in
this process through the engine the CLI uses, writes every report format, and
returns the broken promises as one-line problems (empty when all hold). It
never raises for the input's sake: an exception escaping the check is itself
a problem, with its traceback's last frame, so a long run can go on.
"""

from __future__ import annotations

import atexit
import io
import json
import os
import re
import shutil
import tempfile
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from benchmarks.fuzzing.strategies import REPO, FuzzCase
from lint.source import BOMS as _BOMS

#: Raw characters no text or GitHub report may hold: C0 controls but the newline (and the tab, which
#: doclint's escaping keeps: it moves no line and forges nothing), DEL and the C1 controls.
_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_TEXT_FORMATS = ("text", "full", "github")


@cache
def _project_root() -> Path:
    """The one project directory of this process, removed at exit.

    One directory, emptied between inputs, rather than one per input: doclint
    keeps the schema store it loads per project root for the life of the
    process, and a fresh root per input would load (and keep) it each time.
    """
    root = Path(tempfile.mkdtemp(prefix="doclint-fuzz-"))
    atexit.register(shutil.rmtree, root, True)
    return root


@contextmanager
def project(files: dict[str, bytes]) -> Iterator[Path]:
    """A project holding ``files`` and nothing else; the working directory is its root while it lasts."""
    root = _project_root()
    for child in root.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    (root / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    for relative, data in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_bytes(data)
    previous = os.getcwd()
    os.chdir(root)
    try:
        yield root
    finally:
        _forget_pages()
        os.chdir(previous)


@cache
def sarif_validator() -> Any:
    """The official SARIF 2.1.0 schema (tests/fixtures/sarif, see NOTICE), compiled once."""
    from jsonschema import Draft4Validator

    schema = json.loads((REPO / "tests/fixtures/sarif/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    return Draft4Validator(schema)


def lines_of(data: bytes, path: str) -> list[str]:
    """The file's lines as doclint numbers them: decoded as it decodes, every line end a line end."""
    from lint.source import decode_source, normalize_line_ends

    return normalize_line_ends(decode_source(path, data).text).split("\n")


def check_case(case: FuzzCase) -> list[str]:
    """The problems of ``case``: escaped exceptions, internal errors, positions outside the file, bad reports."""
    try:
        return _check(case.files())
    except Exception as error:
        frame = traceback.extract_tb(error.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno}"
        return [f"exception escaped ({where}): {type(error).__name__}: {' '.join(str(error).split())[:200]}"]


def check_seconds(files: dict[str, bytes]) -> float:
    """Seconds the check of ``files`` takes (reports included), in a project holding only them."""
    started = time.perf_counter()
    _check(files)
    return time.perf_counter() - started


def _check(files: dict[str, bytes]) -> list[str]:
    from lint.config import load_config
    from lint.engine import check_files

    problems: list[str] = []
    with project(files):
        config = load_config()
        paths = sorted(files)
        results = check_files(paths, config, jobs=1)
        diagnostics = sorted((item for result in results for item in result.diagnostics), key=lambda d: d.sort_key())
        for result in results:
            if result.error is not None:
                problems.append(f"not read: {result.error}")
        lines = {path: lines_of(data, path) for path, data in files.items()}
        for item in diagnostics:
            if item.name == "internal-error":
                problems.append(f"internal-error {item.path}: {' '.join(item.message.split())[:300]}")
            places = [(item.path, item.line, item.column, item.end_line, f"{item.code}")]
            places += [(rel.path, rel.line, rel.column, rel.end_line, f"{item.code} related") for rel in item.related]
            for path, line, column, end_line, what in places:
                problems.extend(_outside(lines, path, line, column, end_line, what))
        problems.extend(report_problems(diagnostics, len(files)))
        problems.extend(fix_problems(diagnostics, config))
    return problems


def fix_problems(diagnostics: list[Any], config: Any) -> list[str]:
    """What ``--fix`` must keep, made in memory as ``--diff`` makes it (issue 14), on every fixable input.

    The fixed text encodes in the page's encoding, holds no raw control
    character the page did not have (a fix copies identifiers, never
    controls), and a second ``--fix`` of the fixed pages changes nothing.
    """
    from lint.engine import check_files
    from lint.fix.run import fix_pages, fixes_of

    if not any(fixes_of(item, unsafe=True) for item in diagnostics):
        return []

    def recheck(paths: list[str]) -> list[Any]:
        return [item for result in check_files(paths, config, jobs=1) for item in result.diagnostics]

    problems: list[str] = []
    outcome = fix_pages(diagnostics, recheck, unsafe=True, write=False)
    for path, (before, after) in sorted(outcome.changed.items()):
        # A CR is a line end: an inserted row takes the page's own (CR-only or CRLF) end.
        added = {c for c in _RAW_CONTROL.findall(after) if c != "\r" and after.count(c) > before.count(c)}
        if added:
            problems.append(f"--fix adds raw control characters to {path}: {sorted(added)}")
        data = Path(path).read_bytes()
        bom = next((bom for bom, _ in _BOMS if data.startswith(bom)), b"")
        encoding = next((name for mark, name in _BOMS if mark == bom), "utf-8")
        try:
            Path(path).write_bytes(bom + after.encode(encoding))
        except UnicodeEncodeError as error:
            problems.append(f"--fix leaves {path} not encodable as {encoding}: {error}")
    if outcome.changed and not problems:
        _forget_pages()
        again = fix_pages(recheck(sorted(outcome.changed)), recheck, unsafe=True, write=False)
        for path in sorted(again.changed):
            problems.append(f"a second --fix changes {path} again ({again.applied} fixes)")
    return problems


def _forget_pages() -> None:
    """Drop the English pages and the REST index the engine keeps per process: the next input rewrites them.

    They are trusted while a file's modification time and size are unchanged
    (right for one project being edited); inputs written within the same
    clock tick could look unchanged.
    """
    import lint.engine
    import lint.pair

    for kept in (lint.engine._ENGLISH_PAGES, lint.pair._REST_INDEX):
        kept.clear()


def _outside(lines: dict[str, list[str]], path: str, line: int, column: int, end_line: int, what: str) -> list[str]:
    if path not in lines:
        return [f"{what} names a file not checked: {path!r}"]
    text = lines[path]
    if not 1 <= line <= len(text):
        return [f"{what} at {path}:{line}:{column}: line outside the file ({len(text)} lines)"]
    if not 1 <= column <= len(text[line - 1]) + 1:
        return [f"{what} at {path}:{line}:{column}: column outside the line ({len(text[line - 1])} characters)"]
    if not line <= end_line <= len(text):
        return [f"{what} at {path}:{line}:{column}: end line {end_line} outside the file"]
    return []


def report_problems(diagnostics: list[Any], files: int) -> list[str]:
    from lint.report import FORMATS, Summary, writer_for
    from lint.report.statistics import write_json, write_text

    problems = []
    summary = Summary(files=files)
    outputs: dict[str, str] = {}
    for name in FORMATS:
        stream = io.StringIO()
        writer_for(name)(diagnostics, stream, summary)
        outputs[name] = stream.getvalue()
    for name, write in (("statistics-text", write_text), ("statistics-json", write_json)):
        for group_by in ("severity", "locale"):
            stream = io.StringIO()
            write(diagnostics, stream, summary, group_by=group_by)
            outputs[f"{name}-{group_by}"] = stream.getvalue()
    for name, output in outputs.items():
        try:
            output.encode("utf-8")
        except UnicodeEncodeError as error:
            problems.append(f"{name} report is not UTF-8: {error}")
            continue
        if name in _TEXT_FORMATS or name.startswith("statistics-text"):
            raw = _RAW_CONTROL.search(output)
            if raw:
                problems.append(f"{name} report holds a raw control character U+{ord(raw.group()):04X}")
        if name in ("json", "sarif") or name.startswith("statistics-json"):
            try:
                data = json.loads(output)
            except ValueError as error:
                problems.append(f"{name} report is not JSON: {error}")
                continue
            if name == "sarif":
                errors = list(sarif_validator().iter_errors(data))
                if errors:
                    problems.append(f"sarif report breaks the SARIF 2.1.0 schema: {errors[0].message[:200]}")
    return problems
