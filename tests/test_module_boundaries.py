"""No module imports another module's private name: what is shared gets a public name and one home."""

from __future__ import annotations

import ast
from pathlib import Path

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
