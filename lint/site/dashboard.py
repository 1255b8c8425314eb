"""The review dashboard: ``doclint report``'s data as site pages, and a side-by-side view of each translation.

The dashboard (``review/index``) shows per locale its coverage and freshness,
its findings by kind, a row per translated page (status, the English commit
it was translated from, its handoff date, its findings by kind) and the
English pages it lacks. Every page row links to that page's side-by-side
view (``review/<locale>/<path>``): the English page and the translation in
two columns, line beside line (:mod:`lint.site.align`), each finding on its
translated line with its code, severity and message, and the words in which
a drifted line differs from its English line in bold.

Everything is MyST: tables are ``list-table`` directives, badges are
sphinx-design roles, and every piece of page text goes through
:mod:`lint.site.myst` (source lines as code spans, the rest escaped), so no
page can inject markup, let alone HTML. The review comes from
:func:`lint.review.data.build_review`; the pages' text and model come in as
:class:`Document` values read once by :func:`read_documents`, so nothing
below reads a file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath
from typing import Any

from msgspec import Struct

from lint.model import Page
from lint.parse.markdown.bilingual import despan
from lint.review.compare import Run, differing_runs
from lint.review.data import PAGE_GROUP, PageReview, Review, ReviewFinding
from lint.rules import find_rule
from lint.site.align import align_lines, line_keys
from lint.site.myst import code, docname_part, escape, link, list_table, message, strong

#: The folder of the dashboard's documents.
FOLDER = "review"
#: The front matter keys of Microsoft's localization pipeline: the English commit a translation was
#: made from, and the date the translation was handed back.
SOURCE_COMMIT = "ms.sourcegitcommit"
HANDOFF = "ms.lasthandoff"
#: What a message quotes: doclint writes the names and values it cites between backticks.
_QUOTED = re.compile(r"`([^`\n]+)`")

#: The stylesheet the side-by-side view asks the site for (a static file, added by the build to ``html_css_files``):
#: both columns share the width and wrap long lines anywhere, the flagged words are marked, and the view may
#: take the page's full width (furo keeps the text column narrow, for prose).
STYLESHEET_NAME = "doclint-review.css"
STYLESHEET = """\
table.doclint-side-by-side { table-layout: fixed; width: 100%; }
table.doclint-side-by-side td { overflow-wrap: anywhere; vertical-align: top; }
table.doclint-side-by-side td p { margin: 0 0 .3em; }
table.doclint-side-by-side code.literal, table.doclint-side-by-side span.pre { white-space: pre-wrap; }
table.doclint-side-by-side strong > code.literal { background: rgba(255, 153, 0, .35); }
table.doclint-review-pages td { overflow-wrap: anywhere; }
.content:has(table.doclint-side-by-side) { width: auto; flex: 1 1 auto; max-width: 110em; }
"""

_BADGE = {"error": "bdg-danger", "warning": "bdg-warning", "info": "bdg-info"}
_STATUS = {
    "fresh": ("bdg-success", "fresh"),
    "stale": ("bdg-warning", "stale"),
    "source-unknown": ("bdg-secondary", "source unknown"),
    "orphan": ("bdg-danger", "orphan"),
    "unjudged": ("bdg-light", "not judged"),
}


class Document(Struct, frozen=True):
    """A page as the side-by-side view needs it: its lines, and its model for the structure to align by."""

    lines: list[str]
    page: Page | None = None


def read_documents(review: Review, formats: Mapping[str, str] | None = None) -> dict[str, Document]:
    """Every translated page of ``review`` and its English page, each read and parsed once.

    A file that cannot be read gives a document without lines: its view then
    lists the findings without the text, as the report does.
    """
    from lint.parse.detect import parse_source
    from lint.source import SourceError, read_source, split_lines

    documents: dict[str, Document] = {}
    for path in _paths(review):
        try:
            source = read_source(path)
        except SourceError:
            documents[path] = Document([])
            continue
        documents[path] = Document(split_lines(source.text), parse_source(source, formats))
    return documents


def _paths(review: Review) -> list[str]:
    paths = [path for page in review.pages for path in (page.path, page.english) if path is not None]
    return list(dict.fromkeys(paths))


def dashboard_pages(review: Review, documents: Mapping[str, Document]) -> dict[str, str]:
    """Docname -> MyST source: ``review/index`` and one side-by-side page per translated page."""
    names = view_docnames(review)
    pages = {f"{FOLDER}/index": _dashboard(review, documents, names)}
    for page in review.pages:
        docname = names[page.path]
        back = "../" * (docname.count("/") - 1) + "index.md"
        pages[docname] = side_by_side(page, documents, review.english_locale, back, docname)
    return pages


def view_docnames(review: Review) -> dict[str, str]:
    """Translated path -> docname of its side-by-side view: ``review/<locale>/<path in the locale>``.

    The file's extension is dropped, unless two files of a locale differ only
    by it (``call-reject.md`` and ``call-reject.txt``): then both keep it.
    Names that still coincide (characters a docname cannot hold were
    replaced) get ``-2``, ``-3`` ..., so no view overwrites another.
    """
    stems: dict[str, list[str]] = {}
    for page in review.pages:
        inside = PurePosixPath(_inside_locale(page)).parts
        stem = "/".join(docname_part(part) for part in (*inside[:-1], PurePosixPath(inside[-1]).stem))
        stems.setdefault(f"{FOLDER}/{docname_part(page.locale)}/{stem}", []).append(page.path)
    names: dict[str, str] = {}
    taken: set[str] = set()
    for stem, paths in stems.items():
        for path in paths:
            suffix = PurePosixPath(path).suffix.lstrip(".")
            name = f"{stem}-{docname_part(suffix)}" if len(paths) > 1 and suffix else stem
            unique, number = name, 1
            while unique.lower() in taken:  # Sphinx output on a case-insensitive disk: A.html is a.html
                number += 1
                unique = f"{name}-{number}"
            taken.add(unique.lower())
            names[path] = unique
    return names


def _inside_locale(page: PageReview) -> str:
    """The page's path inside its locale folder (``beta/api/call-reject.md``): the same for every locale."""
    parts = PurePosixPath(page.path.replace("\\", "/")).parts
    inside = parts[parts.index(page.locale) + 1 :] if page.locale in parts[:-1] else parts[-1:]
    return "/".join(inside)


# The dashboard


def _dashboard(review: Review, documents: Mapping[str, Document], names: Mapping[str, str]) -> str:
    translated = sum(summary.translated for summary in review.locales)
    parts = [
        "# Review dashboard\n",
        f"{translated} translated pages in {len(review.locales)} locales; {review.english_pages} English pages. "
        "Each page links to its side-by-side view: the English page and the translation line beside line, "
        "with the findings on the lines they concern.\n",
    ]
    if not review.staleness_judged:
        parts.append(
            "Freshness is not judged: give the English sources' history (`--source-history`) "
            "to tell a fresh translation from a stale one.\n"
        )
    parts.append("## Locales\n")
    parts.append(_locales_table(review))
    parts.append("## Findings by kind\n")
    parts.append(_kinds_table(review))
    for summary in review.locales:
        pages = [page for page in review.pages if page.locale == summary.locale]
        parts.append(f"## {escape(summary.locale)}: translated pages\n")
        parts.append(_pages_table(pages, documents, names) if pages else "No translated page.\n")
    parts.append("## Coverage: English pages without a translation\n")
    for summary in review.locales:
        parts.append(f"### {escape(summary.locale)}: {summary.untranslated} untranslated\n")
        listed = "\n".join(f"- {code(path)}" for path in summary.untranslated_pages)
        parts.append(listed + "\n" if listed else "Every English page has a translation.\n")
    if names:
        entries = "\n".join(docname.removeprefix(f"{FOLDER}/") for docname in names.values())
        parts.append(f"```{{toctree}}\n:hidden:\n\n{entries}\n```\n")
    return "\n".join(parts)


def _locales_table(review: Review) -> str:
    rows = [["Locale", "Translated", "Fresh", "Stale", "Source unknown", "Orphan", "Untranslated"]]
    for summary in review.locales:
        fresh = "–" if summary.fresh is None else str(summary.fresh)
        numbers = (summary.stale, summary.source_unknown, summary.orphan, summary.untranslated)
        rows.append([escape(summary.locale), str(summary.translated), fresh, *(str(value) for value in numbers)])
    return list_table(rows, css="doclint-review-locales")


def _kinds(review: Review) -> list[str]:
    """Every kind of finding in the review, drift kinds first (in the review's own order), page findings last."""
    kinds = dict.fromkeys(kind for summary in review.locales for kind in summary.findings if kind != PAGE_GROUP)
    return [*kinds, PAGE_GROUP] if any(PAGE_GROUP in summary.findings for summary in review.locales) else [*kinds]


def _kind_label(kind: str) -> str:
    return "page findings" if kind == PAGE_GROUP else kind


def _kinds_table(review: Review) -> str:
    kinds = _kinds(review)
    if not kinds:
        return "No findings.\n"
    rows = [["Locale", *(escape(_kind_label(kind)) for kind in kinds)]]
    for summary in review.locales:
        rows.append([escape(summary.locale), *(str(summary.findings.get(kind, 0)) for kind in kinds)])
    return list_table(rows, css="doclint-review-kinds")


def _pages_table(pages: list[PageReview], documents: Mapping[str, Document], names: Mapping[str, str]) -> str:
    kinds = list(dict.fromkeys(group.kind for page in pages for group in page.groups if group.drift))
    kinds.append(PAGE_GROUP)
    header = ["Page", "English page", "Status", "Source commit", "Handoff", *(escape(_kind_label(k)) for k in kinds)]
    rows = [header]
    for page in pages:
        target = names[page.path].removeprefix(f"{FOLDER}/") + ".md"
        front = _front_matter(documents.get(page.path))
        rows.append(
            [
                link(code(_inside_locale(page)), target),
                code(page.english) if page.english else "none (orphan)",
                _status(page),
                _commit(front.get(SOURCE_COMMIT)),
                escape(_text(front.get(HANDOFF))) or "–",
                *(_count_cell(page, kind, names[page.path]) for kind in kinds),
            ]
        )
    return list_table(rows, css="doclint-review-pages")


def _count_cell(page: PageReview, kind: str, docname: str) -> str:
    """A count linking to the row of the first finding of that kind in the page's view (0 links nowhere)."""
    group = next((group for group in page.groups if group.kind == kind), None)
    if group is None or not group.findings:
        return "0"
    first = min(finding.line for finding in group.findings)
    return f"{{ref}}`{len(group.findings)} <{line_label(docname, first)}>`"


def _front_matter(document: Document | None) -> dict[str, Any]:
    return document.page.front_matter if document is not None and document.page is not None else {}


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _commit(value: object) -> str:
    """A commit name shortened as git shows it (its first 7 characters), in full on hover is the page's job."""
    text = _text(value).strip()
    return code(text[:7]) if text else "–"


def _status(page: PageReview) -> str:
    role, label = _STATUS[page.status]
    return f"{{{role}}}`{label}`"


# The side-by-side view


def side_by_side(
    page: PageReview, documents: Mapping[str, Document], english_locale: str, back: str, docname: str
) -> str:
    """One translated page beside its English page, with its findings on their lines.

    A bilingual line (``<span data-ttu-id>`` ... ``sxs-lookup``) shows its
    translated text; the English it embeds is shown under it only when it is
    not what the English page's line says (a stale segment, or lines that do
    not correspond), so no markup is shown as if it were content.

    ``back`` is the relative path to the dashboard; ``docname`` names the
    labels of the rows with findings (:func:`line_label`).
    """
    translated = documents.get(page.path, Document([]))
    english = documents.get(page.english, Document([])) if page.english else Document([])
    findings = [finding for group in page.groups for finding in group.findings]
    anchors = [(item.line, item.english.line) for item in findings if item.english is not None]
    rows = align_lines(line_keys(translated.lines, translated.page), line_keys(english.lines, english.page), anchors)
    front = _front_matter(translated)
    counts = ", ".join(f"{escape(_kind_label(group.kind))} {len(group.findings)}" for group in page.groups)
    facts = [
        f"- **Translation:** {code(page.path)}",
        f"- **English page:** {code(page.english) if page.english else 'none (orphan)'}",
        f"- **Status:** {_status(page)}",
        f"- **Source commit:** {_commit(front.get(SOURCE_COMMIT))}; "
        f"**handoff:** {escape(_text(front.get(HANDOFF))) or '–'}",
        f"- **Findings:** {len(findings)}" + (f" ({counts})" if counts else ""),
    ]
    parts = [
        f"# {escape(page.locale)}: {escape(_inside_locale(page))}\n",
        f"{link('Review dashboard', back)}\n",
        "\n".join(facts) + "\n",
    ]
    placed = {line for line, _ in rows if line is not None}
    loose = [finding for finding in findings if finding.line not in placed]
    if loose:
        parts.append("Findings on no line of the file:\n")
        labelled: set[int] = set()
        items = []
        for item in loose:
            label = "" if item.line in labelled else f"({line_label(docname, item.line)})=\n  "
            labelled.add(item.line)
            items.append(f"- {label}{_finding_note(item, None, english_locale)}")
        parts.append("\n".join(items) + "\n")
    if rows:
        parts.append(
            "Each row is a line of the English page beside the line of the translation that stands for it. "
            "A finding is shown under its translated line; in a drifted line the words that differ from the "
            "English line are in bold.\n"
        )
        table = _view_table(rows, translated.lines, english.lines, findings, page.locale, english_locale, docname)
        parts.append(table)
    return "\n".join(parts)


def _view_table(
    rows: list[tuple[int | None, int | None]],
    translated: list[str],
    english: list[str],
    findings: list[ReviewFinding],
    locale: str,
    english_locale: str,
    docname: str,
) -> str:
    by_line: dict[int, list[ReviewFinding]] = {}
    for finding in findings:
        by_line.setdefault(finding.line, []).append(finding)
    beside = {left: right for left, right in rows if left is not None}
    named_elsewhere: dict[int, list[ReviewFinding]] = {}
    for finding in findings:
        if finding.english is not None and beside.get(finding.line) != finding.english.line:
            named_elsewhere.setdefault(finding.english.line, []).append(finding)
    table = [[escape(english_locale), "English", escape(locale), "Translation"]]
    for left, right in rows:
        raw = translated[left - 1] if left is not None and left <= len(translated) else ""
        right_text = english[right - 1] if right is not None and right <= len(english) else ""
        bilingual = despan(raw)
        left_text = bilingual.text if bilingual.pairs else raw
        on_row = by_line.get(left, []) if left is not None else []
        runs = _compared(left_text, right_text, on_row, right)
        left_cell = _runs(runs[0]) if runs else code(left_text)
        right_cell = _runs(runs[1]) if runs else code(right_text)
        notes = [_finding_note(item, right, english_locale) for item in on_row]
        if bilingual.source is not None and _plain(bilingual.source) != _plain(despan(right_text).text):
            notes.insert(0, f"*embedded English:* {code(bilingual.source)}")
        left_cell = "\n\n".join(part for part in (left_cell, *notes) if part)
        if on_row and left is not None:
            left_cell = f"({line_label(docname, left)})=\n{left_cell}"
        if right is not None:
            elsewhere = [
                f"{{{_BADGE.get(item.severity, 'bdg-info')}-line}}`{item.code}` "
                f"reported at {escape(locale)} line {item.line}"
                for item in named_elsewhere.get(right, [])
            ]
            right_cell = "\n\n".join(part for part in (right_cell, *elsewhere) if part)
        table.append(
            [
                _line_number(right, bool(named_elsewhere.get(right or 0))),
                right_cell,
                _line_number(left, bool(on_row)),
                left_cell,
            ]
        )
    return list_table(table, widths=[4, 46, 4, 46], css="doclint-side-by-side")


def _plain(text: str) -> str:
    """Text compared as a reader would: tags, Markdown's heading, table and emphasis marks, case and spacing aside."""
    return " ".join(re.sub(r"<[^>]*>|[#|*_`\\]", " ", text).lower().split())


def line_label(docname: str, line: int) -> str:
    """The label of a translated line's row in a side-by-side view (labels are project-wide: the docname is in it)."""
    return f"{docname.replace('/', '-').lower()}-line-{line}"


def _compared(
    translated: str, english: str, findings: list[ReviewFinding], english_line: int | None
) -> tuple[list[Run], list[Run]] | None:
    """The two lines' runs, the words to look at flagged, when a finding on the row pairs exactly these two lines.

    Two variants of one line (a path, a table row) have the words in which
    they differ flagged. A translated sentence has nothing in common with its
    English one word by word; there the values the finding's message quotes
    (`200 OK`, `202 Accepted`) are flagged where each line holds them.

    Only a drift finding says the two lines differ: a finding the translation
    inherits from its English line names that line because both have the same
    defect, and flagging the words of a Chinese line against its English one
    would point at nothing.
    """
    paired = [
        item
        for item in findings
        if item.english is not None and item.english.line == english_line and _is_drift(item.code)
    ]
    if not paired or english_line is None:
        return None
    runs = differing_runs(translated, english)
    if runs is not None:
        return runs
    values = [value for item in paired for value in quoted_values(item.message)]
    return quoted_runs(translated, values), quoted_runs(english, values)


def _is_drift(code: str) -> bool:
    rule = find_rule(code)
    return rule is not None and "drift" in rule.tags


def quoted_values(text: str) -> list[str]:
    """The names and values a message quotes between backticks, longest first (so no value hides a longer one)."""
    return sorted(set(_QUOTED.findall(text)), key=len, reverse=True)


def quoted_runs(line: str, values: list[str]) -> list[Run]:
    """``line`` cut into runs, each occurrence of one of ``values`` flagged."""
    wanted = [value for value in values if value.strip()]
    if not wanted:
        return [(line, False)] if line else []
    pattern = re.compile("|".join(re.escape(value) for value in wanted))
    runs: list[Run] = []
    position = 0
    for match in pattern.finditer(line):
        if match.start() > position:
            runs.append((line[position : match.start()], False))
        runs.append((match.group(), True))
        position = match.end()
    if position < len(line):
        runs.append((line[position:], False))
    return runs


def _runs(runs: Iterable[Run]) -> str:
    return "".join(strong(code(text)) if changed else code(text) for text, changed in runs)


def _line_number(line: int | None, flagged: bool) -> str:
    if line is None:
        return ""
    return strong(str(line)) if flagged else str(line)


def _finding_note(finding: ReviewFinding, english_line: int | None, english_locale: str) -> str:
    """The finding as the reviewer reads it: a badge with its code, its severity, name and message.

    When the English line it names is not on its row, that line is quoted.
    """
    badge = f"{{{_BADGE.get(finding.severity, 'bdg-info')}}}`{finding.code}`"
    note = f"{badge} {strong(escape(finding.severity))} {code(finding.name)}: {message(finding.message)}"
    if finding.english is not None and finding.english.line != english_line:
        quoted = code(finding.english.text)
        note += f" ({escape(english_locale)} line {finding.english.line}" + (f": {quoted})" if quoted else ")")
    return note
