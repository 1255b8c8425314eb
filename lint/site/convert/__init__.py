"""Input pages to MyST sources: one module per input format, one shared vocabulary (:mod:`.common`).

Graph Markdown keeps its own text, with DocFX syntax turned into MyST and
sphinx-design constructs; cmdlet help, rendered HTML and plain-text pages are
rendered from the document model. Nothing here writes HTML: the sources are
MyST, and Sphinx makes the markup.
"""

from __future__ import annotations

from lint.site.convert.common import ConvertContext, MystPage


def to_myst(text: str, context: ConvertContext) -> MystPage:
    """The MyST source of one page, with its findings in place when the context carries them."""
    if context.page.format == "markdown":
        from lint.site.convert.markdown import convert

        return convert(text, context)
    from lint.site.convert.model import convert as convert_model

    return convert_model(text, context)


__all__ = ["ConvertContext", "MystPage", "to_myst"]
