"""The human-readable form of ``doclint extract``: one line per fact, with its position."""

from __future__ import annotations

import json
from collections.abc import Iterator

from lint.model import Cmdlet, Page


def describe(page: Page) -> Iterator[str]:
    head = f"{page.path}: {page.format} {page.kind} page, locale {page.locale}, version {page.version or '?'}"
    yield head
    if page.title:
        yield f"  title: {page.title}" + (
            f"  [en: {page.title_source}]" if page.title_source not in (None, page.title) else ""
        )
    for section in page.sections:
        english = f"  [en: {section.source_title}]" if section.source_title not in (None, section.title) else ""
        where = f"{section.span.line}:{section.span.column}"
        yield f"  {where} section h{section.level} #{section.anchor} ({section.role}) {section.title}{english}"
    for request in page.requests:
        yield f"  {request.span.line}:{request.span.column} request ({request.origin}) {request.method} {request.url}"
        for header in request.headers:
            yield f"  {header.span.line}:{header.span.column}   header {header.name}: {header.value}"
        if request.body is not None:
            yield f"  {request.body.span.line}:{request.body.span.column}   body {_one_line(request.body.text)}"
    for response in page.responses:
        yield f"  {response.span.line}:{response.span.column} response {response.status} {response.reason}"
        if response.body is not None:
            yield f"  {response.body.span.line}:{response.body.span.column}   body {_one_line(response.body.text)}"
    for table in page.tables:
        columns = " | ".join(cell.text for cell in table.header.cells)
        yield f"  {table.span.line}:{table.span.column} table ({table.role}) {columns}"
        for row in table.rows:
            if row.cells:
                first = row.cells[0]
                english = f"  [en: {first.source}]" if first.source not in (None, first.text) else ""
                yield f"  {first.span.line}:{first.span.column}   row {first.text}{english}"
    for example in page.json_examples:
        odata = example.annotation.odata_type if example.annotation else None
        state = (
            f"error: {example.error.message} at {example.error.line}:{example.error.column}" if example.error else "ok"
        )
        yield f"  {example.span.line}:{example.span.column} json ({example.origin}) {odata or ''} {state}".rstrip()
    for status in page.prose_statuses:
        yield f"  {status.span.line}:{status.span.column} prose status {status.status} {status.reason}"
    for block in page.code_blocks:
        fence = "fenced" if block.fenced else "unfenced"
        yield f"  {block.span.line}:{block.span.column} code {block.language or '(none)'} ({fence})"
    if page.cmdlet is not None:
        yield from _describe_cmdlet(page.cmdlet)
    for diagnostic in page.diagnostics:
        yield f"  {diagnostic.span.line}:{diagnostic.span.column} diagnostic {diagnostic.code}: {diagnostic.message}"


def _describe_cmdlet(cmdlet: Cmdlet) -> Iterator[str]:
    yield f"  {cmdlet.span.line}:{cmdlet.span.column} cmdlet {cmdlet.name} ({cmdlet.module})"
    if cmdlet.operation_method:
        yield f"    operation {cmdlet.operation_method} {cmdlet.operation_path}"
    if cmdlet.synopsis_span is not None:
        yield f"  {cmdlet.synopsis_span.line}:{cmdlet.synopsis_span.column}   synopsis {_one_line(cmdlet.synopsis)}"
    for parameter_set in cmdlet.parameter_sets:
        default = " (default)" if parameter_set.default else ""
        names = ", ".join(parameter_set.parameters)
        where = f"{parameter_set.span.line}:{parameter_set.span.column}"
        yield f"  {where}   parameter set {parameter_set.name}{default}: {names}"
    for parameter in cmdlet.parameters:
        required = " required" if parameter.required else ""
        where = f"{parameter.span.line}:{parameter.span.column}"
        yield f"  {where}   parameter -{parameter.name} <{parameter.type}>{required}"
    for entry in cmdlet.examples:
        where = "in fence" if entry.fenced else "outside fence"
        yield f"  {entry.code_span.line}:{entry.code_span.column}   example {entry.title} ({where})"
        for params in entry.params:
            value = (
                json.dumps(params.value, ensure_ascii=False)
                if params.error is None
                else f"error: {params.error.message}"
            )
            yield f"  {params.span.line}:{params.span.column}     $params {_one_line(value)}"
    for key, type_name, nodes in cmdlet.notes:
        yield f"    notes {key} <{type_name}>: {', '.join(node.name for node in nodes)}"
    for name in cmdlet.inputs:
        yield f"    input {name}"
    for name in cmdlet.outputs:
        yield f"    output {name}"


def _one_line(text: str, limit: int = 72) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
