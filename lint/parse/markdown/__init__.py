"""Graph / DocFX Markdown: the page walk (:mod:`.page`), pipe tables and bilingual spans.

The entry point is :func:`lint.parse.markdown.page.parse`; format detection
imports it by name, on first use.
"""
