"""The Sphinx side of the site: safe markup, hover English, roles the generated MyST uses, the switcher.

Loaded by the generated ``conf.py`` of each locale. Every page's doctree
passes :func:`sanitize_doctree` before it is written: raw HTML is cleaned by
nh3 and a link whose scheme is not http(s)/mailto becomes its text, whatever
the input format and whatever a converter let through.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst.states import Inliner

from lint.site.sanitize import clean_html, safe_uri

_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# The blanks before ``<`` are tried from their first only: a lazy text rescanned each blank run.
_TARGET = re.compile(r"^(?P<text>.*?)(?<!\s)\s*<(?P<url>[^<>]*)>$", re.DOTALL)
SWITCHER_FILE = "_doclint_switcher.json"


class sxs_span(nodes.inline):
    """A translated span whose English source shows on hover (its ``title``)."""


def _visit_sxs(translator: Any, node: sxs_span) -> None:
    translator.body.append(translator.starttag(node, "span", "", title=node["title"]))


def _depart_sxs(translator: Any, node: sxs_span) -> None:
    translator.body.append("</span>")


def href_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Inliner, options: Any = None, content: Any = None
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{doclint-href}`text <url>``: a plain link Sphinx does not try to resolve (another locale's page)."""
    match = _TARGET.match(text)
    label, url = (match.group("text"), match.group("url")) if match else (text, "")
    if not url or not safe_uri(url):
        return [nodes.literal(label, label)], []
    return [nodes.reference(rawtext, label, refuri=url, classes=["doclint-related"])], []


def placeholder_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Inliner, options: Any = None, content: Any = None
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{doclint-placeholder}`Fill X```: a template placeholder, shown as one (text still to write), not as text."""
    node = nodes.inline(rawtext, "", classes=["doclint-placeholder"])
    node += nodes.inline("", "To be written: ", classes=["doclint-placeholder-label"])
    node += nodes.Text(text)
    return [node], []


def missing_role(
    name: str, rawtext: str, text: str, lineno: int, inliner: Inliner, options: Any = None, content: Any = None
) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{doclint-missing}`path```: an inline include whose file is not in the tree."""
    node = nodes.inline(rawtext, "", classes=["doclint-include-missing"])
    node += nodes.Text(f"included content not available: {text}")
    return [node], []


def sanitize_doctree(app: Any, doctree: nodes.document) -> None:
    """Clean raw HTML and neutralise unsafe links, then give bilingual spans their English title."""
    for raw in list(doctree.findall(nodes.raw)):
        if "html" not in raw.get("format", "").split():
            raw.parent.remove(raw)
            continue
        cleaned = clean_html(raw.astext())
        raw.replace_self(nodes.raw("", cleaned, format="html") if cleaned.strip() else nodes.Text(""))
    for reference in list(doctree.findall(nodes.reference)):
        if "refuri" in reference and not safe_uri(reference["refuri"]):
            reference.replace_self(nodes.inline("", reference.astext()))
    for image in list(doctree.findall(nodes.image)):
        if not safe_uri(image.get("uri", "")):
            image.replace_self(nodes.inline("", image.get("alt", "")))
    _hover_sources(app, doctree)


def _hover_sources(app: Any, doctree: nodes.document) -> None:
    docname = app.env.docname
    sidecar = Path(app.env.doc2path(docname)).with_suffix(".sxs.json")
    if not sidecar.is_file():
        return
    app.env.note_dependency(str(sidecar))
    sources: dict[str, str] = json.loads(sidecar.read_text(encoding="utf-8"))
    for node in list(doctree.findall(nodes.inline)):
        if "doclint-sxs" not in node["classes"]:
            continue
        key = next((identifier for identifier in node["ids"] if identifier in sources), None)
        if key is None:
            continue
        span = sxs_span("", *node.children, classes=node["classes"], title=f"English: {sources[key]}")
        node.replace_self(span)


def _cjk_terms(sentence: str, HMM: bool = True) -> Iterator[str]:
    """Chinese search terms without jieba: each run of Han characters as single characters and pairs.

    Sphinx splits Chinese with jieba when it is installed and indexes no Chinese
    word at all when it is not; characters and character pairs make a two-
    character query such as 拒绝 find its page either way.
    """
    for run in _HAN_RUN.findall(sentence):
        yield from run
        yield from (run[index : index + 2] for index in range(len(run) - 1))
        if 2 < len(run) <= 6:
            yield run


def _chinese_search_without_jieba(app: Any) -> None:
    if not app.config.language.startswith("zh"):
        return
    from sphinx.search import zh

    if not zh.JIEBA_DEFAULT_DICT:  # jieba is not installed
        zh.cut_for_search = _cjk_terms


def _load_switcher(app: Any) -> dict[str, Any]:
    path = Path(app.srcdir) / SWITCHER_FILE
    if not path.is_file():
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _outdated(app: Any, env: Any, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    """Pages whose switcher entries changed (a translation added, removed or gone stale) are written again."""
    current = _load_switcher(app)
    previous: dict[str, Any] = getattr(env, "doclint_switcher", {})
    env.doclint_switcher = current
    return [
        docname
        for docname, entries in current.items()
        if previous.get(docname) != entries and docname in env.found_docs
    ]


def _page_context(app: Any, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    entries = getattr(app.env, "doclint_switcher", {}).get(pagename)
    context["doclint_switcher"] = entries or []
    depth = pagename.count("/")
    context["doclint_root"] = "../" * (depth + 1) + "index.html"


def setup(app: Any) -> dict[str, Any]:
    from lint.site.http_lexer import ApiHttpLexer

    app.add_lexer("http", ApiHttpLexer)
    app.add_node(sxs_span, html=(_visit_sxs, _depart_sxs))
    app.add_role("doclint-href", href_role)
    app.add_role("doclint-placeholder", placeholder_role)
    app.add_role("doclint-missing", missing_role)
    app.connect("builder-inited", _chinese_search_without_jieba)
    app.connect("doctree-read", sanitize_doctree)
    app.connect("env-get-outdated", _outdated)
    app.connect("html-page-context", _page_context)
    app.add_css_file("doclint.css")
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True, "env_version": 1}
