"""Page content is untrusted: what reaches the HTML as markup passes through here first.

Graph pages carry inline HTML (``<br>``, ``<a name>``, bilingual spans) that a
reader should see rendered, but a page may also carry ``<script>``, event
handlers or ``javascript:`` links. nh3 (ammonia) keeps the harmless tags and
drops the rest; a link is followed only when its scheme is one a reader means.
"""

from __future__ import annotations

from urllib.parse import urlsplit

#: Schemes a link may keep; anything else (``javascript:``, ``data:``, ``vbscript:``) becomes text.
SAFE_SCHEMES = frozenset({"", "http", "https", "mailto"})

_TAGS = {
    "a", "abbr", "b", "br", "code", "del", "div", "em", "hr", "i", "kbd", "li", "ol", "p", "pre", "s",
    "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}  # fmt: skip


def clean_html(fragment: str) -> str:
    """``fragment`` with only inert tags and attributes left (no scripts, frames, handlers or styles)."""
    import nh3

    return nh3.clean(
        fragment,
        tags=_TAGS,
        attributes={"a": {"href", "title"}, "*": {"title"}},
        url_schemes={scheme for scheme in SAFE_SCHEMES if scheme},
        link_rel="noopener noreferrer",
    )


def safe_uri(uri: str) -> bool:
    """Whether a link target may stay a link: a relative path, an anchor, or an http(s)/mailto URL."""
    stripped = "".join(uri.split()).lower()  # "java\tscript:" is still javascript:
    try:
        scheme = urlsplit(stripped).scheme
    except ValueError:
        return False
    return scheme in SAFE_SCHEMES
