"""Page-level facts of a rendered page: its ``<meta>`` front matter, locale, article root and title."""

from __future__ import annotations

import re
from typing import Any

from bs4 import BeautifulSoup
from bs4.element import Tag

from lint.parse.html.elements import attr
from lint.parse.locate import page_locale

_LOCALE_TAG = re.compile(r"^[A-Za-z]{2,3}-(?:[A-Za-z]{2}|[A-Za-z]{4})$")
_ALL_SPACES = re.compile(r"\s+")


def page_meta(soup: BeautifulSoup) -> dict[str, Any]:
    """``<meta name=... content=...>`` pairs: the page's published front matter."""
    data: dict[str, Any] = {}
    for tag in soup.find_all("meta"):
        if isinstance(tag, Tag):
            name = attr(tag, "name") or attr(tag, "property")
            if name and tag.has_attr("content") and name not in data:
                data[name] = attr(tag, "content")
    return data


def page_locale_of(soup: BeautifulSoup, meta: dict[str, Any], path: str) -> str:
    """``<html lang>``, else ``ms.locale`` / ``ms.contentlocale`` meta, else the path."""
    html = soup.find("html")
    candidates = [attr(html, "lang") if isinstance(html, Tag) else ""]
    candidates += [str(meta.get(key, "")) for key in ("ms.locale", "ms.contentlocale", "locale")]
    declared = next((c.strip() for c in candidates if _LOCALE_TAG.match(c.strip())), None)
    if declared is None:
        return page_locale(path, {})
    # ``ZH-cn`` and ``zh-hans`` are written in the wild; page_locale wants ``zh-CN``, ``zh-Hans``.
    language, _, region = declared.partition("-")
    region = region.upper() if len(region) == 2 else region.title()
    return page_locale(path, {"ms.contentlocale": f"{language.lower()}-{region}"})


def content_root(soup: BeautifulSoup) -> tuple[Tag, bool]:
    """The element holding the article, and whether it is the whole body (fallback)."""
    for finder in (
        lambda: soup.find("main"),
        lambda: soup.find("article"),
        lambda: soup.find("div", class_="content"),
    ):
        found = finder()
        if isinstance(found, Tag):
            return found, False
    body = soup.find("body")
    return (body if isinstance(body, Tag) else soup), True


def fallback_title(soup: BeautifulSoup, meta: dict[str, Any]) -> str:
    title = meta.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    tag = soup.find("title")
    if isinstance(tag, Tag):
        return _ALL_SPACES.sub(" ", tag.get_text()).split(" | ")[0].strip()
    return ""
