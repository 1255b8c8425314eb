"""Write the schema store for one CSDL file: ``schema.json`` and ``operations.json``.

This is the only step that reads XML (lxml); its outputs are plain JSON so
that linting loads them quickly without it. ``doclint schemas build`` calls
``build``.
"""

from __future__ import annotations

import json
from pathlib import Path

from lint.schemas.csdl import load_csdl
from lint.schemas.jsonschema import to_json_schema
from lint.schemas.operations import build_index, write_index
from lint.schemas.packed import write_packed
from lint.schemas.validate import OPERATIONS_FILE, SCHEMA_FILE


def build(metadata: Path, out: Path, roots: list[str] | None, packed: bool = False) -> list[Path]:
    """Convert ``metadata`` into ``out/schema.json`` and ``out/operations.json``.

    ``roots`` (type names such as ``microsoft.graph.call`` or ``call``, action
    names such as ``reject``) limit ``schema.json`` to their closure; None
    converts every type and action. The operations index always covers the
    whole container: path resolution must not depend on the chosen roots.
    ``packed`` writes the schema as ``lint.schemas.packed`` shards instead of
    one ``schema.json`` (what doclint ships and caches: a check then reads
    only the types it meets). Raises ValueError for an unknown or ambiguous
    root. Returns the written paths.
    """
    model = load_csdl(Path(metadata))
    schema = to_json_schema(model, roots)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    if packed:
        written = write_packed(schema, out)
    else:
        written = [out / SCHEMA_FILE]
        written[0].write_text(json.dumps(schema, separators=(",", ":"), sort_keys=True), encoding="utf-8")
    operations_path = out / OPERATIONS_FILE
    write_index(build_index(model), operations_path)
    return [*written, operations_path]
