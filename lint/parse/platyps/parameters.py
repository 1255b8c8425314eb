"""SYNTAX and PARAMETERS of a platyPS page: parameter sets and parameter entries.

The syntax diagrams say which parameters each set takes; the ``### -Name``
entries describe each parameter and carry a YAML block with its type, sets,
position and pipeline input. Rules compare the two, so both are read here, and
every fence is kept as a code block for the rules that check code.
"""

from __future__ import annotations

import re
from typing import Any

from lint.model import CmdletParameter, ParameterSet, Span
from lint.parse.frontmatter import yaml_position
from lint.parse.nesting import check_yaml_depth
from lint.parse.plain_yaml import read_plain_mapping
from lint.parse.platyps.document import (
    Doc,
    Fence,
    Heading,
    children,
    code_block,
    fence_lines,
    fences_in,
    first_column,
    last_text_line,
)

__all__ = ["parse_parameter_sets", "parse_parameters"]

# The name ends on a non-blank (greedy, then one step back over the blanks): a lazy
# name would rescan every run of blanks in the title for the tail.
_DEFAULT_SET = re.compile(r"^(?P<name>(?:.*[^ \t\n])?)[ \t]*\((?i:default)\)$")
_SYNTAX_PARAMETER = re.compile(r"(?:(?<=\s)|(?<=\[))-(?P<name>[A-Za-z_]\w*)")


def parse_parameter_sets(doc: Doc, syntax: Heading) -> list[ParameterSet]:
    """SYNTAX: one set per ``###`` heading, or the single unnamed set platyPS writes bare."""
    headings = children(doc, syntax)
    if not headings:
        fences = fences_in(doc, syntax.index + 1, syntax.stop)
        if not fences:
            return []
        names = _syntax_parameters(doc, fences)
        end = fences[-1].last
        return [ParameterSet("__AllParameterSets", doc.span(fences[0].start, 1, end), True, names)]
    sets: list[ParameterSet] = []
    for child in headings:
        match = _DEFAULT_SET.match(child.title)
        name = match.group("name") if match else child.title
        fences = fences_in(doc, child.index + 1, child.stop)
        if not fences:
            doc.diagnose("cmdlet-syntax", f"parameter set '{name}' has no syntax block", doc.span(child.index))
        end = fences[-1].last if fences else child.index
        sets.append(
            ParameterSet(name, doc.span(child.index, 1, end), match is not None, _syntax_parameters(doc, fences))
        )
    return sets


def _syntax_parameters(doc: Doc, fences: list[Fence]) -> tuple[str, ...]:
    """Parameter names of a syntax diagram, in order, without ``<CommonParameters>``."""
    names: list[str] = []
    for fence in fences:
        lines = fence_lines(doc, fence)
        doc.code_blocks.append(code_block(doc, lines, fence.start, fence.language, True))
        for line in lines:
            for match in _SYNTAX_PARAMETER.finditer(line.text):
                if match.group("name") not in names:
                    names.append(match.group("name"))
    return tuple(names)


def parse_parameters(doc: Doc, section: Heading) -> list[CmdletParameter]:
    """PARAMETERS: every ``### -Name`` entry, in page order (CommonParameters skipped)."""
    parameters: list[CmdletParameter] = []
    for child in children(doc, section):
        parameter = _parameter(doc, child)
        if parameter is not None:
            parameters.append(parameter)
    return parameters


def _parameter(doc: Doc, heading: Heading) -> CmdletParameter | None:
    """One ``### -Name`` entry: the description above its YAML block, and the block."""
    title = heading.title.strip()
    if title.lower() == "commonparameters":
        return None
    name = title[1:].strip() if title.startswith("-") else title
    if not title.startswith("-"):
        doc.diagnose("cmdlet-syntax", f"parameter heading '{title}' does not start with '-'", doc.span(heading.index))
    fences = fences_in(doc, heading.index + 1, heading.stop)
    fence = next((f for f in fences if f.language == "yaml"), fences[0] if fences else None)
    description, description_span = _description(doc, heading.index + 1, fence.start if fence else heading.stop)
    if fence is not None:
        doc.code_blocks.append(code_block(doc, fence_lines(doc, fence), fence.start, fence.language, True))
    end = fence.last if fence else last_text_line(doc, heading.index, heading.stop)
    span = doc.span(heading.index, 1, end)
    if fence is None:
        doc.diagnose("cmdlet-syntax", f"parameter -{name} has no yaml block", doc.span(heading.index))
        return CmdletParameter(name, span, description=description, description_span=description_span)
    data = _parameter_yaml(doc, fence, name)

    def text(key: str) -> str:
        return _yaml_text(data.get(key))

    return CmdletParameter(
        name=name,
        span=span,
        type=text("type"),
        description=description,
        description_span=description_span,
        parameter_sets=_comma_list(data.get("parameter sets")),
        required=text("required").lower() == "true",
        position=text("position"),
        default=text("default value"),
        pipeline_input=text("accept pipeline input"),
        aliases=_comma_list(data.get("aliases")),
    )


def _description(doc: Doc, start: int, stop: int) -> tuple[str, Span | None]:
    """Lines between a heading and its YAML block, joined as written (placeholders kept)."""
    indices = [index for index in range(start, stop) if doc.is_text(index) and doc.lines[index].strip()]
    if not indices:
        return "", None
    first, last = indices[0], indices[-1]
    text = "\n".join(doc.lines[index].rstrip() for index in range(first, last + 1) if doc.is_text(index))
    return text.strip(), doc.span(first, first_column(doc.lines[first]), last)


def _parameter_yaml(doc: Doc, fence: Fence, name: str) -> dict[str, Any]:
    """The YAML block with lower-cased keys; {} (and a diagnostic) when it does not parse."""
    lines = fence_lines(doc, fence)
    source = "\n".join(line.text for line in lines)
    try:
        data = _load_untyped(source)
    except Exception as error:  # PyYAML raises more than YAMLError on hostile input
        mark = getattr(error, "problem_mark", None)
        mark_line, mark_column = yaml_position(source, mark.index) if mark is not None else (0, 0)
        line = fence.start + 2 + mark_line
        column = 1 + fence.indent + mark_column
        problem = getattr(error, "problem", None) or (str(error).splitlines() or [type(error).__name__])[0]
        doc.diagnose(
            "cmdlet-syntax",
            f"the yaml block of parameter -{name} is not valid YAML: {problem}",
            Span(doc.path, line, column, line),
        )
        return {}
    if data is None:
        data = {}
    if not isinstance(data, dict):
        doc.diagnose(
            "cmdlet-syntax",
            f"the yaml block of parameter -{name} is not a mapping of keys to values",
            doc.span(fence.start + 1 if lines else fence.start),
        )
        return {}
    return {str(key).strip().lower(): value for key, value in data.items()}


def _load_untyped(source: str) -> Any:
    """Scalars as written (``Default value: yes`` must stay "yes", not become True):
    the plain reader when it can, else PyYAML's BaseLoader."""
    plain = read_plain_mapping(source, typed=False)
    if plain is not None:
        return plain
    import yaml

    check_yaml_depth(source)
    return yaml.load(source, Loader=getattr(yaml, "CBaseLoader", yaml.BaseLoader))


def _yaml_text(value: Any) -> str:
    """A YAML scalar as text; lists (flow style) joined the way platyPS writes them."""
    if value is None or isinstance(value, dict):
        return ""
    if isinstance(value, list):
        return ", ".join(_yaml_text(item) for item in value)
    return str(value).strip()


def _comma_list(value: Any) -> tuple[str, ...]:
    """``RejectExpanded, Reject`` -> ("RejectExpanded", "Reject"); empty -> ()."""
    return tuple(part.strip() for part in _yaml_text(value).split(",") if part.strip())
