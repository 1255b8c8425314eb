"""Cmdlet help, rendered HTML and plain-text pages to MyST, rendered from the document model.

What the parser recognised (sections, tables, requests and responses, code
blocks) is rendered from the model; the lines between them are running text,
escaped so nothing in them is read as markup (an HTML page's text is taken
from its elements, its scripts and styles dropped). Findings follow the
element or paragraph their line is in.
"""

from __future__ import annotations

import posixpath
import re

from lint.model import Cell, HttpRequest, HttpResponse, Page, Section, TableRow
from lint.site.convert.common import (
    ConvertContext,
    MystPage,
    companions_block,
    escape,
    escape_keeping_code,
    finding_block,
)
from lint.site.convert.markdown import ALERT, FENCE, InlineMarkdown, front_matter_end, lexer_for


class _Unit:
    """A run of source lines rendered as one MyST block."""

    def __init__(self, first: int, last: int, lines: list[str]) -> None:
        self.first, self.last, self.lines = first, last, lines


def convert(text: str, context: ConvertContext) -> MystPage:
    page = context.page
    lines = text.split("\n")
    units = _model_units(page, lines)
    covered = {line for unit in units for line in range(unit.first, unit.last + 1)}
    start = front_matter_end(lines) + 1 if page.format == "platyps" else 1
    inline = InlineMarkdown(context) if page.format == "platyps" else None
    units.extend(_prose_units(page, lines, covered, start, inline))
    units.sort(key=lambda unit: unit.first)
    sources: dict[str, str] = {}
    title = page.title or posixpath.basename(context.docname)
    out = [f"# {escape(title)}", ""]
    block = companions_block(context)
    if block:
        out.extend([block, ""])
    pending = sorted(context.findings, key=lambda item: item.line)
    level = 1
    for unit in units:
        if unit.lines and unit.lines[0].startswith("#"):
            hashes = len(unit.lines[0]) - len(unit.lines[0].lstrip("#"))
            wanted = min(max(hashes, 2), level + 1)
            unit.lines[0] = "#" * wanted + unit.lines[0][hashes:]
            level = wanted
        out.extend([*unit.lines, ""])
        while pending and pending[0].line <= unit.last:
            out.extend([finding_block(pending.pop(0), context), ""])
    out.extend(finding_block(item, context) + "\n" for item in pending)
    for section in _bilingual_sections(page):
        sources[f"sxs-{len(sources) + 1}"] = section.source_title or ""
    if inline is not None:
        sources.update(inline.sources)
    return MystPage(_hover_titles(out, page), sources)


def _bilingual_sections(page: Page) -> list[Section]:
    """Sections whose title is a translation of an English one (a plain-text rendering's ``Respuesta``)."""
    if page.locale == "en-US":
        return []
    return [section for section in page.sections if section.source_title and section.source_title != section.title]


def _hover_titles(out: list[str], page: Page) -> str:
    """Section titles that came with their English give it on hover, as bilingual Markdown pages do."""
    text = "\n".join(out).rstrip() + "\n"
    for number, section in enumerate(_bilingual_sections(page), start=1):
        heading = escape(section.title)
        pattern = re.compile(rf"^(#+ )({re.escape(heading)})$", re.MULTILINE)
        text = pattern.sub(rf"\1[\2]{{#sxs-{number} .doclint-sxs}}", text, count=1)
    return text


def _model_units(page: Page, lines: list[str]) -> list[_Unit]:
    units: list[_Unit] = []
    for section in page.sections:
        if section.level == 1 and section.title == page.title:
            units.append(_Unit(section.span.line, section.span.line, []))
            continue
        units.append(_Unit(section.span.line, section.span.line, [f"{'#' * section.level} {escape(section.title)}"]))
    taken: set[int] = {unit.first for unit in units}
    if page.format == "platyps":
        # platyPS help is Markdown: its fences are read from the text, fence lines and all.
        for first, last, language, body in _fences(lines):
            # A cmdlet's syntax and examples are PowerShell, labelled or not.
            units.append(_Unit(first, last, _fence(lexer_for(language or "powershell"), body)))
            taken.update(range(first, last + 1))
    for block in page.code_blocks if page.format != "platyps" else ():
        if block.span.line in taken:
            continue
        units.append(_Unit(block.span.line, block.span.end_line, _fence(lexer_for(block.language), block.text)))
        taken.update(range(block.span.line, block.span.end_line + 1))
    messages: list[HttpRequest | HttpResponse] = [*page.requests, *page.responses]
    for message in messages:
        span = message.block or message.span
        end = max(span.end_line, message.body.span.end_line if message.body else 0)
        if span.line in taken:
            continue
        units.append(_Unit(span.line, end, _fence("http", _http_text(message))))
        taken.update(range(span.line, end + 1))
    for table in page.tables:
        if table.span.line in taken:
            continue
        units.append(_Unit(table.span.line, table.span.end_line, _table(table.header.cells, table.rows)))
        taken.update(range(table.span.line, table.span.end_line + 1))
    return units


def _http_text(message: HttpRequest | HttpResponse) -> str:
    """A request or response as the model read it (an HTML page's markup around it is not part of it)."""
    if isinstance(message, HttpRequest):
        first = f"{message.method} {message.url}"
    else:
        first = f"HTTP/1.1 {message.status} {message.reason}".rstrip()
    lines = [first, *(f"{header.name}: {header.value}" for header in message.headers)]
    if message.body is not None:
        lines.extend(["", message.body.text])
    return "\n".join(lines)


def _fences(lines: list[str]) -> list[tuple[int, int, str, str]]:
    """``(first line, last line, language, body)`` of each fenced block (an unclosed one runs to the end)."""
    found = []
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        marker = opening.group("fence")
        cursor = index + 1
        while cursor < len(lines) and not (
            lines[cursor].strip().startswith(marker) and not lines[cursor].strip().strip(marker[0])
        ):
            cursor += 1
        info = opening.group("info").split()
        found.append(
            (index + 1, min(cursor + 1, len(lines)), info[0] if info else "", "\n".join(lines[index + 1 : cursor]))
        )
        index = cursor + 1
    return found


def _fence(language: str, text: str) -> list[str]:
    width = max([3, *(len(run) + 1 for run in re.findall(r"`{3,}", text))])
    return [f"{'`' * width}{language}", *text.split("\n"), "`" * width]


def _table(header: tuple[Cell, ...], rows: tuple[TableRow, ...]) -> list[str]:
    def row(cells: tuple[Cell, ...]) -> str:
        return "| " + " | ".join(_cell(cell.text) for cell in cells) + " |"

    width = len(header)
    lines = [row(header), "|" + "---|" * width]
    for item in rows:
        cells = item.cells[:width]
        lines.append(row(cells) + " |" * (width - len(cells)))
    return lines


def _cell(text: str) -> str:
    return escape_keeping_code(" ".join(text.split())).replace("|", "\\|") or " "


def _prose_units(
    page: Page, lines: list[str], covered: set[int], start: int, inline: InlineMarkdown | None
) -> list[_Unit]:
    """The running text between the model's elements: paragraphs of escaped text."""
    units: list[_Unit] = []
    chunk: list[int] = []

    def close() -> None:
        if chunk:
            body = [lines[number - 1] for number in chunk]
            if body[0].startswith("#") and body[0].lstrip("#").strip() == page.title:
                pass  # the page's own title heading: already the page's title
            elif inline is not None:
                units.append(_Unit(chunk[0], chunk[-1], _markdown_prose(body, inline)))
            elif (text := _prose_text(page, body)).strip():
                units.append(_Unit(chunk[0], chunk[-1], [text]))
            chunk.clear()

    for number in range(start, len(lines) + 1):
        line = lines[number - 1]
        if number in covered or not line.strip():
            close()
            continue
        chunk.append(number)
        if page.format == "text":
            close()  # a plain-text rendering has one paragraph per line
    close()
    return units


def _prose_text(page: Page, chunk: list[str]) -> str:
    if page.format == "html":
        return escape(_html_text("\n".join(chunk)))
    text = " ".join(line.strip() for line in chunk)
    return escape(text)


def _markdown_prose(body: list[str], inline: InlineMarkdown) -> list[str]:
    """A paragraph of platyPS help, which is Markdown: DocFX alerts, includes and links as on Graph pages."""
    if not body[0].lstrip().startswith(">"):
        # A heading the model did not take as a section (the cmdlet's name, above its title) is text here.
        return [inline.convert(re.sub(r"^#+\s*", "", " ".join(line.strip() for line in body)))]
    quoted = [re.sub(r"^\s*> ?", "", line) for line in body]
    kind = "note"
    if alert := ALERT.match(quoted[0]):
        kind, quoted = alert.group("kind").lower(), quoted[1:]
    return [f"::::{{{kind}}}", *(inline.convert(line) for line in quoted), "::::"]


def _html_text(fragment: str) -> str:
    """The text a reader would see in an HTML fragment: scripts, styles and comments dropped, tags gone."""
    from bs4 import BeautifulSoup, Comment

    soup = BeautifulSoup(fragment, "html.parser")
    for element in soup(["script", "style", "template", "iframe", "noscript", "head", "title", "meta", "link"]):
        element.decompose()
    for english in soup.select(".sxs-lookup"):
        english.decompose()  # a bilingual page shows its translation; the English is the reviewer's, not inline
    for comment in soup.find_all(string=lambda value: isinstance(value, Comment)):
        comment.extract()
    return " ".join(soup.get_text(" ").split())
