"""Bound how deeply page content may nest before a recursive reader or rule sees it.

``json.loads``, PyYAML's composer and every walk over a parsed value (schema
validation, the JSON diff of a translation against its English page,
placeholder and parameter walks) recurse once per level, so a page with an
example nested a thousand levels deep would exhaust Python's stack in one of
them. No documentation example comes near :data:`MAX_NESTING` levels; a
deeper one is reported where it crosses the limit and not read further,
which keeps every later walk shallow. The checks cost a ``str.count`` on
ordinary blocks: only text with more openers than the limit is scanned.
"""

from __future__ import annotations

from lint.lazy_pattern import lazy_compile

#: The deepest nesting read. The deepest Graph examples (Intune settings, beta) nest 39 levels.
MAX_NESTING = 100

#: A JSON string (its brackets are text) or one bracket; both alternatives are linear.
_JSON_BRACKET = lazy_compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def json_too_deep(text: str, limit: int = MAX_NESTING) -> int | None:
    """The offset of the first ``{`` or ``[`` opened deeper than ``limit`` levels in ``text``, else None."""
    if text.count("[") + text.count("{") <= limit:
        return None
    depth = 0
    for match in _JSON_BRACKET.finditer(text):
        char = match.group()
        if char in "[{":
            depth += 1
            if depth > limit:
                return match.start()
        elif char in "]}":
            depth = max(0, depth - 1)
    return None


class TooDeep(ValueError):
    """A YAML block nested deeper than the limit; shaped like PyYAML's errors (``problem``, ``problem_mark``)."""

    def __init__(self, index: int, limit: int) -> None:
        self.problem = f"nested deeper than {limit} levels"
        self.problem_mark = _Mark(index)
        super().__init__(self.problem)


class _Mark:
    def __init__(self, index: int) -> None:
        self.index = index


def check_yaml_depth(block: str, limit: int = MAX_NESTING) -> None:
    """Raise :class:`TooDeep` at the node that opens level ``limit + 1`` of ``block``.

    PyYAML's event parser keeps its own stack (no recursion); only composing
    the nodes recurses, so the events are counted first when the block could
    be that deep at all: each level needs a flow bracket, a ``-`` or ``?``
    indicator, or a new line. A block PyYAML cannot parse is left to the
    loader, which reports the syntax error.
    """
    if sum(block.count(char) for char in "[{-?\n") <= limit:
        return
    import yaml

    if _deepest_event(block, limit, getattr(yaml, "CSafeLoader", yaml.SafeLoader)) == "shallow":
        return
    # Too deep, or libyaml gave up (it stops at 1,000 flow levels, where the pure-Python
    # composer would recurse): the pure-Python parser says where, in code points.
    found = _deepest_event(block, limit, yaml.SafeLoader)
    if isinstance(found, int):
        raise TooDeep(found, limit)


def _deepest_event(block: str, limit: int, loader: type) -> int | str:
    """The start index of the first collection opened deeper than ``limit``, else "shallow" or "error"."""
    import yaml

    depth = 0
    try:
        for event in yaml.parse(block, Loader=loader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > limit:
                    return event.start_mark.index if event.start_mark else 0
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return "error"
    return "shallow"
