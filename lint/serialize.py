"""The stable JSON form of the document model (``doclint extract --format json``).

Every model struct becomes an object with all of its fields, always present, in
declaration order; tuples become arrays. Spans inside a page drop ``path``
(the page names it once). Later tools and tests rely on this shape: add
fields, never rename or remove them without bumping ``MODEL_VERSION``.
"""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from lint.model import Page, Span

MODEL_VERSION = 1


def to_data(value: Any) -> Any:
    """Plain JSON-ready data for a model value."""
    if isinstance(value, Span):
        return {"line": value.line, "column": value.column, "end_line": value.end_line}
    if isinstance(value, Struct):
        return {name: to_data(getattr(value, name)) for name in value.__struct_fields__}
    if isinstance(value, (list, tuple)):
        return [to_data(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_data(item) for key, item in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def pages_document(pages: list[Page]) -> dict[str, Any]:
    return {"doclint_model": MODEL_VERSION, "pages": [to_data(page) for page in pages]}
