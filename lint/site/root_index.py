"""``build/html/index.html``: every locale with its page count and freshness.

Outside every Sphinx project (it links them), so it is one small page written
here; every value in it is escaped, and it loads nothing from anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from lint.review.data import LocaleSummary, Review
from lint.site.locales import display_name, sphinx_language
from lint.site.sphinx_conf import FAVICON


@dataclass(frozen=True)
class LocaleEntry:
    locale: str
    pages: int
    freshness: str


def freshness(locale: str, review: Review) -> str:
    """What the reviewer's data says of a locale's translations, in one line."""
    if locale == review.english_locale:
        return "English source"
    summary: LocaleSummary | None = next((item for item in review.locales if item.locale == locale), None)
    if summary is None:
        return "not reviewed"
    parts = []
    if summary.fresh is not None:
        parts.append(f"{summary.fresh} fresh")
    parts.append(f"{summary.stale} stale")
    if summary.source_unknown:
        parts.append(f"{summary.source_unknown} of unknown source")
    if summary.untranslated:
        parts.append(f"{summary.untranslated} English pages untranslated")
    text = ", ".join(parts)
    if not review.staleness_judged:
        text += " (freshness not judged: no English history given)"
    return text


def render(entries: list[LocaleEntry], title: str, shared: list[tuple[str, str]] | None = None) -> str:
    """The root page; ``shared`` is (label, href) of the pages that serve every locale (the review dashboard)."""
    shared_links = "".join(
        f'\n    <li><a href="{escape(href)}">{escape(label)}</a></li>' for label, href in shared or []
    )
    shared_list = f'\n  <ul class="shared">{shared_links}\n  </ul>' if shared_links else ""
    rows = "\n".join(
        f'      <tr><td><a href="{escape(entry.locale)}/index.html" hreflang="{escape(entry.locale)}">'
        f"{escape(display_name(entry.locale))}</a></td><td><code>{escape(entry.locale)}</code></td>"
        f'<td class="count">{entry.pages}</td><td>{escape(entry.freshness)}</td></tr>'
        for entry in entries
    )
    languages = ", ".join(sphinx_language(entry.locale) for entry in entries)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="generator" content="doclint">
  <link rel="icon" href="{FAVICON}" type="image/svg+xml">
  <title>{escape(title)}</title>
  <style>
    :root {{ color-scheme: light dark; --fg: #1a1a1a; --bg: #fff; --muted: #666; --line: #ddd; --link: #2962ff; }}
    @media (prefers-color-scheme: dark) {{
      :root {{ --fg: #e6e6e6; --bg: #131416; --muted: #9ca0a5; --line: #333; --link: #69a1ff; }}
    }}
    body {{ font-family: system-ui, sans-serif; color: var(--fg); background: var(--bg); }}
    body {{ max-width: 56rem; margin: 3rem auto; padding: 0 1rem; }}
    h1 {{ font-weight: 600; }}
    table {{ border-collapse: collapse; width: 100%; }}
    th, td {{ text-align: left; padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--line); }}
    th {{ color: var(--muted); font-weight: 500; }}
    td.count {{ text-align: right; }}
    a {{ color: var(--link); }}
    p.note {{ color: var(--muted); }}
  </style>
</head>
<body>
  <h1>{escape(title)}</h1>
  <p>Choose a language. Each site has its own search.</p>
  <table>
    <thead><tr><th>Language</th><th>Locale</th><th>Pages</th><th>Freshness</th></tr></thead>
    <tbody>
{rows}
    </tbody>
  </table>{shared_list}
  <p class="note">Sphinx languages: {escape(languages)}. Built by doclint.</p>
</body>
</html>
"""
