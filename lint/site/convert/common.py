"""What every converter shares: the page's context, finding admonitions, escaping, links."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from lint.diagnostic import Diagnostic
from lint.model import Page

#: Characters MyST would read as markup in running text.
_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|~$!:^])")
#: A `code` span of one or two backticks; a run of three or more is a stray fence marker, escaped.
_CODE_SPAN = re.compile(r"(?<!`)(`{1,2})(?!`)(.+?)(?<!`)\1(?!`)")


@dataclass(frozen=True)
class Companion:
    """A page on the same operation in another format (a cmdlet's REST page, or back)."""

    label: str
    docname: str
    title: str


@dataclass(frozen=True)
class ConvertContext:
    """Everything a converter needs about one page besides its text.

    ``resolve`` maps a path relative to the locale's root (``beta/api/x.md``)
    to the docname of the page built from it, or ``None`` when the locale has
    no such page. ``english_href`` gives the URL (relative to this page) of a
    line on an English page, for a finding's related location.
    """

    page: Page
    docname: str
    #: The page's path relative to its locale's root (``beta/api/call-reject.md``).
    relative: str
    findings: tuple[Diagnostic, ...] = ()
    resolve: Callable[[str], str | None] = lambda _relative: None
    english_href: Callable[[str, int], str | None] = lambda _path, _line: None
    #: Lines of this page other pages' findings point at: each gets an anchor.
    targets: frozenset[int] = frozenset()
    companions: tuple[Companion, ...] = ()
    #: Reads an included file (absolute path) or ``None`` when it is not in the tree.
    read_include: Callable[[str], str | None] = lambda _path: None
    source_dir: str = ""


@dataclass
class MystPage:
    """A generated MyST source and the side data Sphinx reads with it.

    ``sources`` maps the id of each bilingual span to its English text: the
    page shows the translation, the extension puts the English in the span's
    ``title`` (on hover), never inline.
    """

    text: str
    sources: dict[str, str] = field(default_factory=dict)


def escape(text: str) -> str:
    """Running text shown as text: no character of it is read as MyST markup (or HTML)."""
    return _SPECIAL.sub(r"\\\1", text)


def escape_keeping_code(text: str) -> str:
    """A message with `code` spans kept as code and everything else escaped."""
    out, last = [], 0
    for match in _CODE_SPAN.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def line_label(docname: str, line: int) -> str:
    """The label (and HTML id) of the block around ``line`` on ``docname``: unique in the site."""
    return re.sub(r"[^a-z0-9]+", "-", f"{docname}-l{line}".lower()).strip("-")


def relative_doc_link(from_docname: str, to_docname: str) -> str:
    """A MyST link target from one generated source to another (``../api/x.md``)."""
    return posixpath.relpath(to_docname + ".md", posixpath.dirname(from_docname) or ".")


def href(text: str, url: str) -> str:
    """A link MyST does not try to resolve (to another locale's site): the extension's ``doclint-href`` role."""
    safe_text = text.replace("`", "'").replace("<", "‹").replace(">", "›")
    return f"{{doclint-href}}`{safe_text} <{url}>`"


def finding_block(item: Diagnostic, context: ConvertContext, fence: str = "::::") -> str:
    """An admonition showing one finding: code, name, severity, message, and where the English says otherwise.

    A finding ``--fix`` repairs says so, as the text report's ``[*]`` does:
    a reviewer on the site learns the repair is one command away.
    """
    from lint.fix.run import fixable

    lines = [
        f"{fence}{{admonition}} {item.code} {item.name} · {item.severity}",
        f":class: doclint-finding doclint-{item.severity}",
        "",
        escape_keeping_code(item.message),
    ]
    if fixable(item):
        lines.extend(["", "fixable with `doclint check --fix`"])
    for related in item.related:
        where = f"{related.path}:{related.line}"
        url = context.english_href(related.path, related.line)
        place = href(where, url) if url else f"`{where}`"
        lines.extend(["", f"- {place}: {escape_keeping_code(related.message)}"])
    lines.append(fence)
    return "\n".join(lines)


def companions_block(context: ConvertContext) -> str:
    """Links to the same operation's other pages (a cmdlet's REST page, or the cmdlets of a REST page)."""
    if not context.companions:
        return ""
    items = [
        f"- {escape(companion.label)}: [{escape(companion.title)}]"
        f"({relative_doc_link(context.docname, companion.docname)})"
        for companion in context.companions
    ]
    return "\n".join(["::::{seealso}", *items, "::::"])
