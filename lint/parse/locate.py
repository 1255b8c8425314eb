"""Infer a page's locale and API version from where it lives and what it says.

The repository layout is ``docs_src/<version>/...`` for English sources and
``locales/<locale>/<version>/...`` for translations; pages outside that
layout (the benchmark corpus, a user's own tree) still carry the locale in a
path component such as ``zh-CN`` or in ``ms.contentlocale`` front matter.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

DEFAULT_LOCALE = "en-US"
_LOCALE = re.compile(r"^(?P<lang>[a-z]{2,3})-(?P<region>[A-Za-z]{2}|[A-Z][a-z]{3})$")
_VERSIONS = {"v1.0": "v1.0", "beta": "beta"}


def normalize_locale(tag: str) -> str:
    """``zh-cn`` -> ``zh-CN``; tags that are not locales come back unchanged."""
    match = _LOCALE.match(tag.strip())
    if not match:
        return tag.strip()
    region = match.group("region")
    region = region.upper() if len(region) == 2 else region.title()
    return f"{match.group('lang').lower()}-{region}"


def locale_from_path(path: str) -> str | None:
    """The last path component that is a locale tag, if any."""
    for part in reversed(PurePath(path).parts[:-1]):
        if _LOCALE.match(part):
            return normalize_locale(part)
    return None


def version_from_path(path: str) -> str | None:
    for part in reversed(PurePath(path).parts[:-1]):
        if part in _VERSIONS:
            return _VERSIONS[part]
    return None


def page_locale(path: str, front_matter: Mapping[str, Any]) -> str:
    """Front matter wins (it is what the localization pipeline wrote), then the path."""
    declared = front_matter.get("ms.contentlocale") or front_matter.get("ms.locale")
    if isinstance(declared, str) and _LOCALE.match(declared.strip()):
        return normalize_locale(declared)
    return locale_from_path(path) or DEFAULT_LOCALE
