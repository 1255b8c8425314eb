"""The review as one self-contained HTML file: inline CSS, a few lines of inline JS, nothing fetched.

A reviewer opens it from disk, mails it, or a CI job keeps it as an
artifact; it must work offline and must not run anything a page carries. So
every piece of page text (lines, messages, paths, locale names) goes through
:func:`html.escape`, element ids are numbers rather than file names, and a
Content-Security-Policy forbids any resource from elsewhere. Tables sort by
a click on their header; in each finding, the tokens in which the translated
line and the English line differ are marked.
"""

from __future__ import annotations

import html
from typing import TextIO

from lint.report import printable
from lint.review.compare import Run, differing_runs
from lint.review.data import FindingGroup, LineText, PageReview, Review, ReviewFinding


def escape(text: str) -> str:
    """HTML-escaped, with control characters and lone surrogates (undecodable file names) shown as escapes.

    A lone surrogate cannot be written as UTF-8 at all, and a raw control
    character in a path would be invisible in the page: both show as the
    text reports show them (``\\udce9``, ``\\x1b``).
    """
    return html.escape(printable(text))


_STYLE = """
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5em auto; max-width: 110em; padding: 0 1em; color: #1f2328; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; } h3 { font-size: 1em; margin: 1.2em 0 .4em; }
table { border-collapse: collapse; margin: .4em 0 1em; width: 100%; }
th, td { border: 1px solid #d0d7de; padding: .25em .5em; text-align: left; vertical-align: top; }
th { background: #f6f8fa; cursor: pointer; user-select: none; white-space: nowrap; }
th[aria-sort=ascending]::after { content: " \\25B2"; } th[aria-sort=descending]::after { content: " \\25BC"; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.line { font: 12px/1.4 ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; width: 32%; }
td.line .ln { color: #6e7781; margin-right: .6em; user-select: none; }
mark { background: #ffd8b5; color: inherit; border-radius: 2px; }
.status-stale, .status-orphan { color: #9a3412; font-weight: 600; }
.status-fresh { color: #116329; } .note { color: #57606a; } code { font-family: ui-monospace, monospace; }
.error { color: #b42318; } .warning { color: #9a6700; } .info { color: #0969da; }
"""

_SCRIPT = """
function sortTable(th) {
  var table = th.closest("table"), body = table.tBodies[0], index = th.cellIndex;
  var ascending = th.getAttribute("aria-sort") !== "ascending";
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
  th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  function key(row) {
    var cell = row.cells[index];
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
  }
  var number = /^-?[0-9]+(\\.[0-9]+)?$/;
  var rows = Array.prototype.slice.call(body.rows);
  rows.sort(function (a, b) {
    var x = key(a), y = key(b);
    var order = number.test(x) && number.test(y) ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
    return ascending ? order : -order;
  });
  rows.forEach(function (row) { body.appendChild(row); });
}
document.querySelectorAll("table.sortable th").forEach(function (th) {
  th.tabIndex = 0;
  th.title = "sort";
  th.addEventListener("click", function () { sortTable(th); });
  th.addEventListener("keydown", function (event) { if (event.key === "Enter") { sortTable(th); } });
});
"""

_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


def write(review: Review, stream: TextIO) -> None:
    parts: list[str] = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        "<title>doclint report</title>\n",
        f"<style>{_STYLE}</style>\n</head>\n<body>\n<h1>doclint report</h1>\n",
    ]
    translated = sum(summary.translated for summary in review.locales)
    parts.append(
        f"<p>{translated} translated pages in {len(review.locales)} locales;"
        f" {review.english_pages} English pages.</p>\n"
    )
    parts.extend(_summary(review))
    parts.extend(_kinds(review))
    parts.extend(_pages(review))
    parts.extend(_untranslated(review))
    for number, page in enumerate(review.pages, 1):
        if page.groups:
            parts.extend(_page(number, page, review.english_locale))
    parts.append(f"<script>{_SCRIPT}</script>\n</body>\n</html>\n")
    stream.write("".join(parts))


def _summary(review: Review) -> list[str]:
    parts = [
        '<h2 id="locales">Locales</h2>\n<table class="sortable">\n<thead><tr><th>locale</th><th>translated</th>'
        "<th>fresh</th><th>stale</th><th>source unknown</th><th>orphan</th><th>untranslated</th></tr></thead>\n"
        "<tbody>\n"
    ]
    for summary in review.locales:
        fresh = "-" if summary.fresh is None else str(summary.fresh)
        numbers = (summary.translated, fresh, summary.stale, summary.source_unknown, summary.orphan)
        cells = "".join(_number(value) for value in (*numbers, summary.untranslated))
        parts.append(f"<tr><td>{escape(summary.locale)}</td>{cells}</tr>\n")
    parts.append("</tbody>\n</table>\n")
    if not review.staleness_judged:
        parts.append(
            '<p class="note">fresh: not judged: give the English history with --source-history'
            " to tell fresh from stale.</p>\n"
        )
    return parts


def _kinds(review: Review) -> list[str]:
    parts = [
        '<h2 id="kinds">Findings by kind</h2>\n<table class="sortable">\n'
        "<thead><tr><th>locale</th><th>kind</th><th>findings</th></tr></thead>\n<tbody>\n"
    ]
    for summary in review.locales:
        for kind, count in summary.findings.items():
            label = "page findings" if kind == "page" else kind
            parts.append(f"<tr><td>{escape(summary.locale)}</td><td>{escape(label)}</td>{_number(count)}</tr>\n")
    parts.append("</tbody>\n</table>\n")
    return parts


def _pages(review: Review) -> list[str]:
    parts = [
        '<h2 id="pages">Translated pages</h2>\n<table class="sortable">\n<thead><tr><th>page</th><th>locale</th>'
        "<th>status</th><th>English page</th><th>drift</th><th>page findings</th></tr></thead>\n<tbody>\n"
    ]
    for number, page in enumerate(review.pages, 1):
        name = escape(page.path)
        link = f'<a href="#page-{number}">{name}</a>' if page.groups else name
        english = escape(page.english) if page.english else "none"
        parts.append(
            f"<tr><td>{link}</td><td>{escape(page.locale)}</td>"
            f'<td class="status-{escape(page.status)}">{escape(page.status)}</td><td>{english}</td>'
            f"{_number(page.drift_count)}{_number(page.page_count)}</tr>\n"
        )
    parts.append("</tbody>\n</table>\n")
    return parts


def _untranslated(review: Review) -> list[str]:
    rows = [(summary.locale, path) for summary in review.locales for path in summary.untranslated_pages]
    if not rows:
        return []
    parts = [
        '<h2 id="untranslated">English pages without a translation</h2>\n<table class="sortable">\n'
        "<thead><tr><th>locale</th><th>English page</th></tr></thead>\n<tbody>\n"
    ]
    parts.extend(f"<tr><td>{escape(locale)}</td><td>{escape(path)}</td></tr>\n" for locale, path in rows)
    parts.append("</tbody>\n</table>\n")
    return parts


def _page(number: int, page: PageReview, english_locale: str) -> list[str]:
    english = escape(page.english) if page.english else "none (orphan)"
    parts = [
        f'<section id="page-{number}">\n<h2>{escape(page.path)}</h2>\n',
        f'<p>{escape(page.locale)}, <span class="status-{escape(page.status)}">{escape(page.status)}</span>;'
        f" English: {english}</p>\n",
    ]
    for group in page.groups:
        parts.extend(_group(group, page.locale, english_locale))
    parts.append("</section>\n")
    return parts


def _group(group: FindingGroup, locale: str, english_locale: str) -> list[str]:
    title = group.kind if group.drift else "page findings"
    rule_column = "" if group.drift else "<th>rule</th>"
    parts = [
        f'<h3>{escape(title)} ({len(group.findings)})</h3>\n<table class="sortable">\n<thead><tr><th>line</th>'
        f"{rule_column}<th>severity</th><th>finding</th><th>translation ({escape(locale)})</th>"
        f"<th>English ({escape(english_locale)})</th></tr></thead>\n<tbody>\n"
    ]
    for finding in group.findings:
        rule = "" if group.drift else f"<td>{escape(finding.code)} {escape(finding.name)}</td>"
        translated, english = _sides(finding)
        parts.append(
            f'<tr><td class="n" data-sort="{finding.line}">{finding.line}:{finding.column}</td>{rule}'
            f'<td class="{escape(finding.severity)}">{escape(finding.severity)}</td><td>{escape(finding.message)}</td>'
            f"{_line_cell(finding.translated, translated, locale)}"
            f"{_line_cell(finding.english, english, english_locale)}</tr>\n"
        )
    parts.append("</tbody>\n</table>\n")
    return parts


def _sides(finding: ReviewFinding) -> tuple[str, str]:
    """Both lines as HTML, the differing tokens marked when there is an English line to differ from."""
    if finding.english is None:
        return escape(finding.translated.text), ""
    return highlight(finding.translated.text, finding.english.text)


def highlight(translated: str, english: str) -> tuple[str, str]:
    """The two lines escaped, the tokens that differ between them in ``<mark>`` (see :mod:`lint.review.compare`)."""
    runs = differing_runs(translated, english)
    if runs is None:
        return escape(translated), escape(english)
    left, right = runs
    return _marked(left), _marked(right)


def _marked(runs: list[Run]) -> str:
    return "".join(_mark(text) if changed else escape(text) for text, changed in runs)


def _mark(text: str) -> str:
    """``text`` escaped, its words in ``<mark>``; spaces around them stay unmarked."""
    core = text.strip()
    if not core:
        return escape(text)
    start = text.index(core)
    return f"{escape(text[:start])}<mark>{escape(core)}</mark>{escape(text[start + len(core) :])}"


def _line_cell(line: LineText | None, marked: str, locale: str) -> str:
    if line is None:
        return '<td class="line"></td>'
    return (
        f'<td class="line" lang="{escape(locale)}" data-sort="{line.line}">'
        f'<span class="ln">{line.line}</span>{marked}</td>'
    )


def _number(value: int | str) -> str:
    return f'<td class="n">{value}</td>'
