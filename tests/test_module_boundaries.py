"""No module imports another module's private name: what is shared gets a public name and one home."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


def private_imports(root: Path) -> list[str]:
    """``file:line: module.name`` for each ``from lint... import _name`` under ``root``."""
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "lint":
                found.extend(
                    f"{path.relative_to(REPO)}:{node.lineno}: {node.module}.{alias.name}"
                    for alias in node.names
                    if alias.name.startswith("_") and not alias.name.startswith("__")
                )
    return found


def test_no_module_imports_a_private_name() -> None:
    assert private_imports(REPO / "lint") + private_imports(REPO / "benchmarks") == []


#: Run in a child: every ``re.compile`` a lint module makes while it is imported stands in as a lazy
#: pattern that records whether the check used it; prints the ``module:line`` of those it never used.
_UNUSED_PATTERNS = """
import re, sys
from lint.lazy_pattern import lazy_compile
made = []
compile_now = re.compile
def recording(pattern, flags=0):
    caller = sys._getframe(1)
    if caller.f_code.co_name == "<module>" and caller.f_globals.get("__name__", "").startswith("lint."):
        made.append((caller.f_globals["__name__"], caller.f_lineno, lazy_compile(pattern, flags)))
        return made[-1][2]
    return compile_now(pattern, flags)
re.compile = recording
from lint.cli import main
status = main(["check", "--jobs", "1", PAGE])
re.compile = compile_now
print("UNUSED", status, sorted(f"{module}:{line}" for module, line, pattern in made if pattern._compiled is None))
"""


@pytest.mark.parametrize(
    ("page", "status"),
    [
        ("locales/ru-RU/beta/api/call-reject.md", 1),
        ("docs_src/v1.0/api/call-reject.md", 0),
        ("docs_src/powershell/beta/Invoke-MgBetaRejectCommunicationCall.md", 0),
    ],
)
def test_a_one_file_check_compiles_at_import_only_patterns_it_uses(page: str, status: int) -> None:
    """Patterns a shipped page does not need are ``lazy_compile``d: a one-file check pays only for what it uses.

    Compiling one pattern costs from some 50 thousand instructions to 5 million
    (``callouts._TRANSLATED_NOTE``, a case-blind alternation of labels in six
    languages); the ones left unused by these three pages cost a one-file check
    of the translation about 1% of its instructions. Bytes patterns stay
    compiled (``history._COMMITTER``: ``lazy_compile`` is for text).
    """
    code = f"PAGE = {page!r}\n" + _UNUSED_PATTERNS
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=False, env=env
    )
    unused = ["lint.history:37"] if page.startswith("locales/") else []
    assert result.stdout.splitlines()[-1] == f"UNUSED {status} {unused}", result.stderr[-2000:]
