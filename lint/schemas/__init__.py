"""JSON Schemas and an operations index derived from OData CSDL metadata.

The API's CSDL is the authority for JSON examples. It is converted once
(``lint.schemas.build.build``, which needs lxml) into two JSON files; the
lint path loads them with ``lint.schemas.validate.SchemaStore`` and
``lint.schemas.operations.OperationsIndex``, neither of which imports lxml.
This package module therefore imports nothing: importing it must stay cheap.

Modules, one job each:
- ``csdl``: read CSDL XML into a small in-memory model (lxml);
- ``jsonschema``: model -> JSON Schema 2020-12 ``$defs`` (roots and closure);
- ``operations``: model -> operations index; load it and resolve request paths;
- ``placeholders``: the doc placeholder values ("String", "Int32 (count)") per type;
- ``validate``: the schema store that validates values and reports pointers;
- ``build``: write ``schema.json`` and ``operations.json`` for a CSDL file.
"""
