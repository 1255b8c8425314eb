"""The rule registry: every rule's code, name, scope, severity and documentation.

A rule is a generator function decorated with :func:`rule`. Its kebab-case
name is derived from the function name (``status_prose_mismatch`` ->
``status-prose-mismatch``); its docstring is its documentation: the first
line is the summary, and the body explains why it exists and shows a bad and
a good example. Rules yield :class:`Finding` objects and know nothing about
configuration, suppressions or output: the engine stamps code, name,
severity and path (as yamllint does), so a rule is only its check.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from importlib import import_module
from typing import TYPE_CHECKING, Literal

from msgspec import Struct

from lint.fix.edit import Fix
from lint.model import Span

if TYPE_CHECKING:
    from lint.context import Context
    from lint.model import Page

Severity = Literal["error", "warning", "info"]
Scope = Literal["page", "pair", "corpus"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

#: Modules holding rules, imported on first use of the registry.
_RULE_MODULES = (
    "lint.rules.input",
    "lint.rules.http",
    "lint.rules.json",
    "lint.rules.params",
    "lint.rules.prose",
    "lint.rules.powershell",
    "lint.rules.schema",
    "lint.rules.drift_http",
    "lint.rules.drift_tables",
    "lint.rules.drift_examples",
    "lint.rules.drift_pages",
    "lint.rules.drift_cmdlet",
    "lint.rules.drift_tokens",
    "lint.rules.staleness",
    "lint.rules.meta",
)


class Related(Struct, frozen=True):
    """Another place a finding refers to: the other side of a contradiction."""

    span: Span
    message: str


class Finding(Struct, frozen=True):
    """What a rule reports: where, what, and the places it contradicts.

    ``context`` identifies the finding independently of line numbers (the
    offending token, the path template ...); baselines fingerprint it so an
    edit above a finding does not make it look new. It defaults to the message.
    """

    span: Span
    message: str
    related: tuple[Related, ...] = ()
    context: str | None = None
    #: Overrides the rule's default severity for this finding (configuration still wins).
    severity: Severity | None = None
    #: The edits that repair it, when the rule knows them (``check --fix``).
    fix: Fix | None = None


Check = Callable[["Page", "Context"], Iterable[Finding]]


class Rule(Struct, frozen=True):
    code: str
    name: str
    scope: Scope
    severity: Severity
    tags: tuple[str, ...]
    check: Check
    doc: str = ""
    #: The page formats the rule applies to (empty: all).
    formats: tuple[str, ...] = ()
    #: "safe" or "unsafe" when the rule's findings carry fixes (``check --fix``); empty when they never do.
    fixable: str = ""

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.name


_REGISTRY: dict[str, Rule] = {}
_LOADED = False


def rule(
    code: str,
    *,
    scope: Scope = "page",
    severity: Severity = "error",
    tags: Iterable[str] = (),
    formats: Iterable[str] = (),
    fixable: str = "",
) -> Callable[[Check], Check]:
    """Register a check under a stable code; the name comes from the function."""

    def register(check: Check) -> Check:
        name = check.__name__.strip("_").replace("_", "-")
        if code in _REGISTRY or any(existing.name == name for existing in _REGISTRY.values()):
            raise ValueError(f"rule {code} {name} registered twice")
        _REGISTRY[code] = Rule(
            code=code,
            name=name,
            scope=scope,
            severity=severity,
            tags=tuple(tags),
            check=check,
            doc=inspect.cleandoc(check.__doc__ or ""),
            formats=tuple(formats),
            fixable=fixable,
        )
        return check

    return register


def all_rules() -> list[Rule]:
    """Every registered rule, by code."""
    global _LOADED
    if not _LOADED:
        for module in _RULE_MODULES:
            import_module(module)
        _LOADED = True
    return sorted(_REGISTRY.values(), key=lambda item: item.code)


def find_rule(key: str) -> Rule | None:
    """Look a rule up by code (``DL101``, any case) or name (``http-syntax``)."""
    wanted = key.strip()
    for item in all_rules():
        if item.code.lower() == wanted.lower() or item.name == wanted.lower():
            return item
    return None


def rules_matching(selector: str) -> list[Rule]:
    """Rules selected by a code, a code prefix (``DL1``), a name, a tag, or ``ALL``."""
    key = selector.strip()
    if key.upper() == "ALL":
        return all_rules()
    exact = find_rule(key)
    if exact is not None:
        return [exact]
    by_prefix = [item for item in all_rules() if item.code.upper().startswith(key.upper()) and key[:2].upper() == "DL"]
    if by_prefix:
        return by_prefix
    return [item for item in all_rules() if key.lower() in item.tags]
