"""Rendered HTML (Microsoft Learn / DocFX): tree building, page metadata, positions, the walk.

The entry point is :func:`lint.parse.html.page.parse`; beautifulsoup4 is
imported only when a page is HTML.
"""
