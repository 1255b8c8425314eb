"""Schema validation and path resolution are memoized per store (issue 13); findings stay on each page's lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from lint.config import load_config
from lint.engine import check_files
from lint.schemas import validate
from lint.schemas.operations import OperationsIndex
from lint.schemas.store import store_for

REQUEST = """## HTTP request

```http
POST /communications/calls/{id}/reject
```

## Example

### Request

<!-- {
  "blockType": "request",
  "name": "call-reject"
}-->
```http
POST https://graph.microsoft.com/v1.0/communications/calls/57dab8b1/reject
Content-Type: application/json

{
  "reason": 4213.5
}
```
"""


def test_the_same_body_on_two_pages_is_validated_once_and_reported_on_each_page_s_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.doclint]\n", encoding="utf-8")
    api = tmp_path / "docs_src" / "v1.0" / "api"
    api.mkdir(parents=True)
    (api / "a-reject.md").write_text(f"# call: reject\n\nReject a call.\n\n{REQUEST}", encoding="utf-8")
    (api / "b-reject.md").write_text(
        f"# call: reject\n\nReject a call.\n\nMore.\n\nMore still.\n\n{REQUEST}", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    validated: list[Any] = []
    resolved: list[str] = []
    iter_errors = Draft202012Validator.iter_errors
    resolve = OperationsIndex.resolve

    def counted_iter_errors(self: Draft202012Validator, instance: Any) -> Any:
        validated.append(instance)
        return iter_errors(self, instance)

    def counted_resolve(self: OperationsIndex, method: str, path: str) -> Any:
        resolved.append(path)
        return resolve(self, method, path)

    monkeypatch.setattr(Draft202012Validator, "iter_errors", counted_iter_errors)
    monkeypatch.setattr(OperationsIndex, "resolve", counted_resolve)
    paths = ["docs_src/v1.0/api/a-reject.md", "docs_src/v1.0/api/b-reject.md"]
    results = check_files(paths, load_config(), jobs=1)
    found = [(item.path, item.line, item.column, item.name) for result in results for item in result.diagnostics]
    assert found == [
        ("docs_src/v1.0/api/a-reject.md", 24, 3, "schema-invalid"),
        ("docs_src/v1.0/api/b-reject.md", 28, 3, "schema-invalid"),
    ]
    assert validated.count({"reason": 4213.5}) == 1
    assert resolved.count("/communications/calls/57dab8b1/reject") == 1


def test_values_that_json_would_confuse_are_validated_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    store = store_for(load_config(), "v1.0")
    assert store is not None
    ref = "microsoft.graph.commsNotification"
    assert store.validate(ref, {"changeType": 1}) != store.validate(ref, {"changeType": True})
    first = store.validate(ref, {"changeType": "created", "resourceUrl": 1.0})
    again = store.validate(ref, {"changeType": "created", "resourceUrl": 1.0})
    assert first == again and first is not again  # a copy: a caller may change its list
    monkeypatch.setattr(validate, "MEMO_LIMIT", 0)
    assert store.validate(ref, {"changeType": "created", "resourceUrl": 1.0}) == first  # recomputed after a clear
