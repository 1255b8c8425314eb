"""``[tool.doclint]`` in pyproject.toml: read, validate, and answer questions.

A typo in a config file must never silently switch a rule off, so unknown
keys, unknown rule names and wrong types are errors that name the file and
the key (exit 2), with a suggestion when one is close.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath
from typing import Any

from msgspec import Struct, field

from lint.rules import SEVERITIES, Rule, Severity, all_rules, rules_matching
from lint.source import DEFAULT_MAX_FILE_SIZE


class ConfigError(Exception):
    """The configuration is wrong; the message names the file and the key."""


_KEYS = {
    "source-root": str,
    "locales-root": str,
    "include": list,
    "exclude": list,
    "select": list,
    "ignore": list,
    "severity": dict,
    "per-path-ignores": dict,
    "fail-on": str,
    "formats": dict,
    "metadata": dict,
    "schemas": str,
    "deprecated-paths": list,
    "english-locale": str,
    "source-history": str,
    "source-history-prefix": str,
    "hide-inherited": bool,
    "max-file-size": int,
    "allow-external-symlinks": bool,
    "cache-dir": str,
}
FAIL_ON = ("error", "warning", "info", "never")


class Config(Struct, frozen=True):
    """The validated configuration. Paths are relative to ``root``."""

    root: Path = field(default_factory=Path.cwd)
    file: Path | None = None
    source_root: str = "docs_src"
    locales_root: str = "locales"
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    enabled: frozenset[str] = frozenset()
    severities: Mapping[str, Severity] = field(default_factory=dict)
    per_path_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    fail_on: str = "error"
    formats: Mapping[str, str] = field(default_factory=dict)
    metadata: Mapping[str, str] = field(default_factory=dict)
    schemas: str = ""  # "" = the stores doclint carries (lint/data/schemas)
    deprecated_paths: tuple[str, ...] = ()
    english_locale: str = "en-US"
    #: The git directory of the English sources' history (absolute, checked), if configured.
    source_history: str | None = None
    #: The path inside that history's trees that corresponds to ``source_root``.
    source_history_prefix: str | None = None
    #: Leave out the findings a translation inherits from its English page (``--hide-inherited``).
    hide_inherited: bool = False
    #: Files larger than this many bytes are reported, not read.
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    #: Read pages that symbolic links lead to outside the project (refused by default).
    allow_external_symlinks: bool = False
    #: This project's result cache folder, relative to ``root`` ("" = in the user's cache directory).
    cache_dir: str = ""

    def symlink_root(self) -> Path | None:
        """The directory no symbolic link may lead out of, or None when ``allow-external-symlinks`` is set."""
        return None if self.allow_external_symlinks else self.root

    def rule_enabled(self, rule: Rule, path: str) -> bool:
        return rule.code in self.enabled and rule.code not in self.ignored_codes(path)

    def ignored_codes(self, path: str) -> frozenset[str]:
        """Codes ``per-path-ignores`` switches off for ``path``; ask once per page, not once per rule."""
        if not self.per_path_ignores:
            return frozenset()
        relative = self.relative(path)
        return frozenset(code for pattern, codes in self.per_path_ignores if _glob(relative, pattern) for code in codes)

    def severity(self, rule: Rule, default: Severity | None = None) -> Severity:
        """The configured severity of ``rule``, else ``default`` (a finding's own), else the rule's."""
        return self.severities.get(rule.code, default or rule.severity)

    def relative(self, path: str) -> str:
        """``path`` relative to the project root, in POSIX form, for glob matching.

        Asked several times per file of a run (selection, pairing, coverage,
        baselines): a plain relative POSIX path, the usual case, is its own
        answer without building ``pathlib`` objects, which cost a cached re-run of
        8,316 pages a third of its time.
        """
        if _PLAIN_RELATIVE and _is_plain(path):
            return path
        candidate = Path(path)
        if candidate.is_absolute():
            try:
                candidate = candidate.relative_to(self.root)
            except ValueError:
                return candidate.as_posix()
        return PurePosixPath(candidate.as_posix()).as_posix().removeprefix("./")

    def included(self, path: str) -> bool:
        relative = self.relative(path)
        if self.include and not any(_glob(relative, pattern) for pattern in self.include):
            return False
        return not any(_glob(relative, pattern) for pattern in self.exclude)


#: On POSIX a path's text is its POSIX form; elsewhere separators must be converted.
_PLAIN_RELATIVE = os.sep == "/" and os.altsep is None


def _is_plain(path: str) -> bool:
    """A relative path that ``PurePosixPath`` would give back unchanged: no empty, ``.`` or trailing part."""
    return (
        bool(path)
        and not path.startswith(("/", "./"))
        and not path.endswith(("/", "/."))
        and path != "."
        and "//" not in path
        and "/./" not in path
    )


def _glob(path: str, pattern: str) -> bool:
    pattern = pattern.removeprefix("./")
    return (
        fnmatch(path, pattern)
        or fnmatch(path, pattern.rstrip("/") + "/*")
        or path.startswith(pattern.rstrip("/") + "/")
    )


def find_pyproject(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(
    explicit: Path | None = None,
    start: Path | None = None,
    *,
    select: list[str] | None = None,
    extend_ignore: list[str] | None = None,
    exclude: list[str] | None = None,
    extend_exclude: list[str] | None = None,
) -> Config:
    """Read ``[tool.doclint]`` from ``explicit`` or the nearest pyproject.toml.

    ``explicit`` (``--config FILE``) may be any TOML file: its ``[tool.doclint]``
    table when it has one, else its top-level keys (a pyproject.toml without the
    table means defaults). The command line wins as ruff's does: ``select``
    (``--select``) and ``exclude`` (``--exclude``) replace the file's lists,
    ``extend_ignore`` (``--ignore``) and ``extend_exclude`` (``--extend-exclude``)
    add to them. A rule the command line names but doclint lacks is an error
    that names the option, not the file.
    """
    check_selectors("--select", select)
    check_selectors("--ignore", extend_ignore)
    file = explicit if explicit is not None else find_pyproject(start or Path.cwd())
    overrides = {"select": select, "ignore+": extend_ignore, "exclude": exclude, "exclude+": extend_exclude}
    if file is None:
        return build_config(_override({}, overrides), root=(start or Path.cwd()), file=None)
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise ConfigError(f"{file}: no such file") from error
    except IsADirectoryError as error:
        raise ConfigError(f"{file}: is a directory, not a TOML file") from error
    except OSError as error:
        raise ConfigError(f"{file}: cannot read: {error.strerror or error}") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{file}: not valid TOML: {error}") from error
    tool = data.get("tool")
    table = "[tool.doclint]"
    if isinstance(tool, dict) and "doclint" in tool:
        section = tool["doclint"]
    elif explicit is None or file.name == "pyproject.toml":
        section = {}
    else:
        section, table = data, ""
    if not isinstance(section, dict):
        raise ConfigError(f"{file}: [tool.doclint] must be a table")
    return build_config(_override(section, overrides), root=file.parent.resolve(), file=file, table=table)


def check_selectors(option: str, selectors: list[str] | None) -> None:
    """Every selector names a rule, a code prefix, a tag or ``ALL``; else an error naming ``option`` (if any)."""
    for selector in selectors or []:
        if not rules_matching(selector):
            names = [item.name for item in all_rules()] + [item.code for item in all_rules()]
            where = f"{option}: " if option else ""
            raise ConfigError(f"{where}unknown rule or tag `{selector}`{_suggest(selector, names)}")


def _override(section: Mapping[str, Any], overrides: Mapping[str, list[str] | None]) -> dict[str, Any]:
    """``key`` replaces the file's list, ``key+`` extends it (a non-list value is left for validation)."""
    merged = dict(section)
    for key, value in overrides.items():
        if value is None:
            continue
        if key.endswith("+"):
            base = key[:-1]
            existing = merged.get(base, [])
            merged[base] = [*existing, *value] if isinstance(existing, list) else existing
        else:
            merged[key] = value
    return merged


def build_config(section: Mapping[str, Any], *, root: Path, file: Path | None, table: str = "[tool.doclint]") -> Config:
    where = " ".join(part for part in (f"{file}:" if file else "", table) if part) or "config:"
    for key, value in section.items():
        normalized = key.replace("_", "-")
        if normalized not in _KEYS:
            raise ConfigError(f"{where} unknown key `{key}`{_suggest(normalized, _KEYS)}")
        expected = _KEYS[normalized]
        if not isinstance(value, expected):
            raise ConfigError(f"{where} `{key}` must be a {_type_name(expected)}, not {_type_name(type(value))}")
    values = {key.replace("_", "-"): value for key, value in section.items()}
    for key in ("source-root", "locales-root"):
        # The defaults may be absent (a project without translations); a root someone
        # configured must exist, or pairing and the walk of the tree switch off in silence.
        if key in values and not (root / values[key]).is_dir():
            raise ConfigError(
                f"{where} `{key}`: no directory `{values[key]}` in {root}"
                + (" (remove the key while there are no translations)" if key == "locales-root" else "")
            )

    def strings(key: str) -> tuple[str, ...]:
        items = values.get(key, [])
        if not all(isinstance(item, str) for item in items):
            raise ConfigError(f"{where} `{key}` must be a list of strings")
        return tuple(items)

    def rule_codes(selectors: tuple[str, ...], key: str) -> set[str]:
        codes: set[str] = set()
        for selector in selectors:
            matched = rules_matching(selector)
            if not matched:
                names = [item.name for item in all_rules()] + [item.code for item in all_rules()]
                raise ConfigError(f"{where} `{key}`: unknown rule or tag `{selector}`{_suggest(selector, names)}")
            codes.update(item.code for item in matched)
        return codes

    select = strings("select") or ("ALL",)
    enabled = rule_codes(select, "select") - rule_codes(strings("ignore"), "ignore")
    severities: dict[str, Severity] = {}
    for selector, level in values.get("severity", {}).items():
        if level == "off":
            enabled -= rule_codes((selector,), "severity")
            continue
        if level not in SEVERITIES:
            raise ConfigError(
                f"{where} severity of `{selector}` must be one of error, warning, info, off; not `{level}`"
            )
        for code in rule_codes((selector,), "severity"):
            severities[code] = level
    per_path: list[tuple[str, frozenset[str]]] = []
    for pattern, selectors in values.get("per-path-ignores", {}).items():
        if not isinstance(selectors, list) or not all(isinstance(item, str) for item in selectors):
            raise ConfigError(f"{where} per-path-ignores `{pattern}` must be a list of rule codes or names")
        per_path.append((pattern, frozenset(rule_codes(tuple(selectors), "per-path-ignores"))))
    fail_on = values.get("fail-on", "error")
    if fail_on not in FAIL_ON:
        raise ConfigError(f"{where} `fail-on` must be one of {', '.join(FAIL_ON)}; not `{fail_on}`")
    max_file_size = values.get("max-file-size", DEFAULT_MAX_FILE_SIZE)
    if isinstance(max_file_size, bool) or max_file_size <= 0:
        raise ConfigError(f"{where} `max-file-size` must be a positive number of bytes, not `{max_file_size}`")
    for key in ("formats", "metadata"):
        for name, value in values.get(key, {}).items():
            if not isinstance(value, str):
                raise ConfigError(f"{where} `{key}.{name}` must be a string")
    allow_links = values.get("allow-external-symlinks", False)
    for key, value in _configured_paths(values):
        _check_inside_project(root, value, f"{where} `{key}`", follow_links=not allow_links)
    if values.get("cache-dir"):
        # Written to, and removed by ``doclint clean``: a pyproject.toml must not point either outside.
        _check_inside_project(root, values["cache-dir"], f"{where} `cache-dir`", follow_links=True)
        if os.path.realpath(root / values["cache-dir"]) == os.path.realpath(root):
            raise ConfigError(f"{where} `cache-dir` must name a folder of its own, not the project root")
    for pattern, name in values.get("formats", {}).items():
        if name not in ("markdown", "platyps", "html", "text"):
            raise ConfigError(f"{where} formats `{pattern}`: unknown format `{name}` (markdown, platyps, html, text)")
    return Config(
        root=root,
        file=file,
        source_root=values.get("source-root", "docs_src"),
        locales_root=values.get("locales-root", "locales"),
        include=strings("include"),
        exclude=strings("exclude"),
        enabled=frozenset(enabled),
        severities=severities,
        per_path_ignores=tuple(per_path),
        fail_on=fail_on,
        formats=dict(values.get("formats", {})),
        metadata=dict(values.get("metadata", {})),
        schemas=values.get("schemas", ""),
        deprecated_paths=strings("deprecated-paths"),
        english_locale=values.get("english-locale", "en-US"),
        source_history=_source_history(values.get("source-history"), root, where),
        source_history_prefix=values["source-history-prefix"].strip("/") if "source-history-prefix" in values else None,
        hide_inherited=values.get("hide-inherited", False),
        max_file_size=max_file_size,
        allow_external_symlinks=allow_links,
        cache_dir=values.get("cache-dir", ""),
    )


def _configured_paths(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Each path the config file names that doclint reads from, with its key.

    ``source-history`` is not among them: it names a git directory that is
    read through ``git`` and, as the README's example shows, usually lies
    beside the project (the English sources' own repository).
    """
    paths = [(key, values[key]) for key in ("source-root", "locales-root", "schemas") if values.get(key)]
    paths += [(f"metadata.{version}", path) for version, path in values.get("metadata", {}).items()]
    return paths


def _check_inside_project(root: Path, value: str, where: str, *, follow_links: bool) -> None:
    """A configured path must lie inside the project (after ``..`` and, unless allowed, symbolic links).

    A pyproject.toml arrives with the repository it configures; it must not
    make a CI run read files elsewhere on the machine. A path outside is for
    the person at the command line to name (PATH, ``--metadata``, ``--baseline``).
    """
    base = os.path.realpath(root) if follow_links else os.path.abspath(root)
    target = os.path.join(root, os.path.expanduser(value))
    target = os.path.realpath(target) if follow_links else os.path.normpath(os.path.abspath(target))
    if os.path.commonpath([base, target]) != base:
        raise ConfigError(
            f"{where}: `{value}` lies outside the project ({base}); a configured path must stay inside it"
            " (name a path outside on the command line)"
        )


def _source_history(value: str | None, root: Path, where: str) -> str | None:
    """The configured history's git directory, checked now so that a wrong one names the key."""
    if value is None:
        return None
    from lint.errors import ToolError
    from lint.history import check_git_dir

    try:
        return str(check_git_dir(root / Path(value).expanduser(), f"{where} `source-history`"))
    except ToolError as error:
        raise ConfigError(str(error)) from error


def _suggest(word: str, choices: Any) -> str:
    import difflib  # only on the error path

    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean `{close[0]}`?)" if close else ""


def _type_name(kind: type) -> str:
    return {str: "string", list: "list", dict: "table", int: "integer", bool: "boolean", float: "number"}.get(
        kind, kind.__name__
    )
