"""Hypothesis strategies for hostile pages: the shipped pages mutated, and pages grown from small grammars.

Every strategy draws a :class:`FuzzCase`: the page under test, where it lives
in a project (its path decides the parser and its English pair) and the
unmutated pages that stand beside it, so the pair rules (drift, inheritance,
the cmdlet's REST page) see hostile input too. ``category`` names the class of
input, so that a long run can count what it tried.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import strategies as st

REPO = Path(__file__).resolve().parent.parent.parent

#: Shipped pages used as seeds (the sources and their translations; the HTML renderings of the tests).
SEED_ROOTS = ("docs_src", "locales", "tests/fixtures/html")
SEED_SUFFIXES = (".md", ".txt", ".html")


@dataclass(frozen=True)
class FuzzCase:
    category: str
    #: Project-relative path of the page under test, and its bytes.
    path: str
    data: bytes
    #: Project-relative path -> bytes of the pages written beside it (unmutated English pages, translations).
    companions: dict[str, bytes] = field(default_factory=dict)

    def files(self) -> dict[str, bytes]:
        return {**self.companions, self.path: self.data}


@dataclass(frozen=True)
class Seed:
    path: str
    data: bytes


def _load_seeds() -> tuple[Seed, ...]:
    found = []
    for root in SEED_ROOTS:
        for path in sorted((REPO / root).rglob("*")):
            if path.is_file() and path.suffix in SEED_SUFFIXES:
                relative = path.relative_to(REPO).as_posix()
                if relative.startswith("tests/fixtures/html/"):
                    relative = f"docs_src/v1.0/api/{path.name}"  # a rendering checked where a page would be
                found.append(Seed(relative, path.read_bytes()))
    return tuple(found)


SEEDS = _load_seeds()
_SEED_BY_PATH = {seed.path: seed for seed in SEEDS}


def companions_of(path: str) -> dict[str, bytes]:
    """The shipped pages that pair with ``path``: its English source, its translations, a cmdlet's REST pages."""
    parts = path.split("/")
    found: dict[str, bytes] = {}
    if parts[0] == "locales" and len(parts) > 2:
        english = "/".join(["docs_src", *parts[2:]])
        english = re.sub(r"\.txt$", ".md", english)
        if english in _SEED_BY_PATH:
            found[english] = _SEED_BY_PATH[english].data
    elif parts[:2] == ["docs_src", "powershell"]:
        version = parts[2] if len(parts) > 3 else "v1.0"
        for seed in SEEDS:
            if seed.path.startswith(f"docs_src/{version}/api/") and seed.path.endswith(".md"):
                found[seed.path] = seed.data
    elif parts[0] == "docs_src":
        tail = "/".join(parts[1:])
        stem = re.sub(r"\.md$", "", tail)
        for seed in SEEDS:
            if seed.path.startswith("locales/") and re.sub(r"\.(md|txt)$", "", seed.path.split("/", 2)[2]) == stem:
                found[seed.path] = seed.data
    found.pop(path, None)
    return found


# --- pieces of hostile text ---------------------------------------------------------------------------------------

#: Odd Unicode and control characters, as text (encoded as UTF-8 when inserted).
ODD_CHARACTERS = (
    "\u200f",  # right-to-left mark
    "\u200e",
    "\u202e",  # right-to-left override
    "\u2066",
    "\u2069",
    "\u200b",  # zero-width space
    "\u200d",
    "\u2060",
    "\ufeff",
    "e\u0301",
    "\u0301\u0302\u0303\u0304\u0305",  # combining marks with no base
    "\u0645\u0631\u062d\u0628\u0627",
    "\x00",
    "\x01",
    "\x07",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b[31m",
    "\x1b]0;title\x07",
    "\x7f",
    "\x85",
    "\x9b",
    "\u2028",
    "\u2029",
    "\r",
    "\t",
    "\U0001f600",
    "\U0001f1fa\U0001f1f8",
    "\ufffd",
    "\uffff",
    "\U000e0001",
    "Ａ",  # fullwidth
    "ǅ",
    "İ",  # changes length when lowercased
    "ß",
)

#: Byte sequences that are not UTF-8: lone surrogates as surrogateescape and WTF-8 write them, and stray bytes.
ODD_BYTES = (
    "\udc80".encode("utf-8", "surrogateescape"),
    "\udcff".encode("utf-8", "surrogateescape"),
    b"\xed\xa0\x80",  # WTF-8 of U+D800
    b"\xed\xbf\xbf",  # WTF-8 of U+DFFF
    b"\xc0\xaf",  # overlong
    b"\xf4\x90\x80\x80",  # beyond U+10FFFF
    b"\xe2\x82",  # truncated sequence
    b"\xff\xfe",
    b"\xfe\xff",
    b"\xef\xbb\xbf",
)

#: Markup to insert: fences, tables, HTML, comments, directives, annotations, HTTP and JSON fragments.
MARKUP = (
    "```\n",
    "```http\n",
    "```json\n",
    "```powershell\n",
    "~~~\n",
    "````\n",
    "```http\nGET https://graph.microsoft.com/v1.0/users/{id}\n```\n",
    "```http\nPOST https://[::1/x HTTP/1.1\nContent-Type: application/json\n\n{}\n```\n",
    "```http\nGET http://%zz:99999/\u00e9 HTTP/9.9\n```\n",
    '```http\nHTTP/1.1 999 Nope\nContent-type: application/json\n\n{"a":\n```\n',
    "```http\nGET\n```\n",
    '```json\n{"\\ud800": 1, "\\udfff\\ud800": "\\ud800"}\n```\n',
    '```json\n{"@odata.type": "#microsoft.graph.user", "id": 1e999999}\n```\n',
    '<!-- {"blockType": "request", "name": "x"} -->\n',
    '<!-- {"blockType": "response", "truncated": true, "@odata.type": "microsoft.graph.user"} -->\n',
    '<!-- {"blockType": "response", "@odata.type": "\\ud800"} -->\n',
    '<!-- {"blockType": -->\n',
    "<!--\n",
    "-->\n",
    "<!-- doclint-disable-next-line DL101 -->\n",
    "<!-- doclint-disable-file -->\n",
    "<!-- doclint-disable nonexistent-rule -->\n",
    "<!-- markdownlint-disable MD013 -->\n",
    "| a | b |\n|---|---|\n| 1 |\n",
    "| Parameter | Type | Description |\n|:--|:--|:--|\n| id | String | x | extra |\n| | | |\n",
    "|---|\n",
    "| Name | Description |\n|---|---|\n| Authorization | Bearer {token}. Required. |\n",
    "<table><tr><td>x</td></table>\n",
    "<br>",
    "</div>",
    "<div>",
    '<span class="sxs-lookup"><span class="stack">Source</span>',
    '<span class="sxs-lookup"><span class="stack">',
    "</span></span>",
    '<a name="x"></a>',
    '<pre><code class="lang-http">GET /me\n',
    "</code></pre>",
    "<script>",
    "<![CDATA[",
    "<?xml version='1.0'?>",
    "<!DOCTYPE html>",
    "&#0;&#xD800;&#x110000;&nbsp;&bogus;",
    "[!INCLUDE [x](../includes/x.md)]\n",
    "[!INCLUDE [",
    "> [!NOTE]\n> ",
    "> **Note:** ",
    "> ",
    "**",
    "`",
    "[link](",
    "](",
    "{id}",
    "{",
    "}",
    "\n---\n",
    "---\ntitle: x\n---\n",
    "---\n",
    "# ",
    "## Request headers\n",
    "## Response\n",
    "## Examples\n",
    "### -Parameter\n",
    "## PARAMETERS\n",
    "```yaml\nType: String\nParameter Sets: (All)\nAliases:\n\nRequired: True\nPosition: Named\n```\n",
    "$params = @{\n",
    "@{",
    "PS C:\\> ",
    "HTTP/1.1 200 OK\n",
    "GET /me/messages?$top=1 HTTP/1.1\n",
    "Content-Type: ",
    "\\",
    "\\\n",
)


def deep_json(depth: int, kind: str) -> str:
    """A JSON text nested ``depth`` levels (``kind``: arrays, objects, mixed) or with a very long number."""
    if kind == "arrays":
        return "[" * depth + "]" * depth
    if kind == "objects":
        return '{"a":' * depth + "1" + "}" * depth
    if kind == "unclosed":
        return '{"a": [' * depth
    if kind == "number":
        return '{"n": ' + "9" * depth * 10 + "}"
    return "".join('{"k": [' for _ in range(depth // 2)) + "0" + "]}" * (depth // 2)


DEEP_KINDS = ("arrays", "objects", "mixed", "unclosed", "number")

#: Where deep JSON goes: a fence, an annotation, the front matter, an HTTP body, a hashtable, a YAML flow.
DEEP_PLACES = ("fence", "annotation", "front-matter", "http", "hashtable", "yaml")


def deep_markup(depth: int, kind: str, place: str) -> str:
    text = deep_json(depth, kind)
    if place == "fence":
        return f"```json\n{text}\n```\n"
    if place == "annotation":
        return f'<!-- {{"blockType": "response", "x": {text}}} -->\n```json\n{{}}\n```\n'
    if place == "front-matter":
        return f"---\ntitle: {text}\nms.list: {'[' * depth}\n---\n"
    if place == "http":
        return f"```http\nPOST https://graph.microsoft.com/v1.0/me\nContent-Type: application/json\n\n{text}\n```\n"
    if place == "hashtable":
        return f"```powershell\n$params = {'@{ a = ' * depth}1{' }' * depth}\n```\n"
    return f"```yaml\nType: {text}\n```\n"


# --- mutations of seed pages --------------------------------------------------------------------------------------

_BOUNDARY = re.compile(rb"(?m)^(?:#|```|~~~|\||---|<|>|-|\*|\d+\.|PS |HTTP/|GET |POST |\{|\}|\[)")


def boundaries(data: bytes) -> list[int]:
    """Offsets where structure starts or ends: headings, fences, table rows, front matter, tags, line ends."""
    found = {0, len(data)}
    for match in _BOUNDARY.finditer(data):
        found.add(match.start())
        end = data.find(b"\n", match.start())
        if end != -1:
            found.update((end, end + 1))
    return sorted(found)


def line_starts(data: bytes) -> list[int]:
    return [0, *(index + 1 for index, byte in enumerate(data) if byte == 0x0A)]


def _seed_case(category: str, seed: Seed, data: bytes) -> FuzzCase:
    return FuzzCase(category, seed.path, data, companions_of(seed.path))


seeds = st.sampled_from(SEEDS)


@st.composite
def byte_flips(draw: st.DrawFn) -> FuzzCase:
    seed = draw(seeds)
    data = bytearray(seed.data)
    for _ in range(draw(st.integers(1, 16))):
        index = draw(st.integers(0, len(data) - 1))
        data[index] ^= draw(st.integers(1, 255))
    return _seed_case("byte-flip", seed, bytes(data))


@st.composite
def truncations(draw: st.DrawFn) -> FuzzCase:
    seed = draw(seeds)
    cut = draw(st.sampled_from(boundaries(seed.data)))
    if draw(st.booleans()):  # inside the structure's first characters, too
        cut = min(len(seed.data), cut + draw(st.integers(1, 4)))
    return _seed_case("truncate", seed, seed.data[:cut])


@st.composite
def splices(draw: st.DrawFn) -> FuzzCase:
    """The head of one page and the tail of another (often of another format), at structural boundaries."""
    first, second = draw(seeds), draw(seeds)
    head = first.data[: draw(st.sampled_from(boundaries(first.data)))]
    tail = second.data[draw(st.sampled_from(boundaries(second.data))) :]
    return _seed_case("splice", first, head + tail)


@st.composite
def markup_insertions(draw: st.DrawFn) -> FuzzCase:
    seed = draw(seeds)
    data = seed.data
    for _ in range(draw(st.integers(1, 6))):
        where = draw(st.sampled_from(line_starts(data) if draw(st.booleans()) else boundaries(data)))
        snippet = draw(st.sampled_from(MARKUP)).encode()
        data = data[:where] + snippet + data[where:]
    return _seed_case("insert-markup", seed, data)


@st.composite
def deep_insertions(draw: st.DrawFn) -> FuzzCase:
    seed = draw(seeds)
    depth = draw(st.sampled_from((50, 200, 1100, 3000)))
    snippet = deep_markup(depth, draw(st.sampled_from(DEEP_KINDS)), draw(st.sampled_from(DEEP_PLACES))).encode()
    place = draw(st.sampled_from(("start", "line", "json")))
    data = seed.data
    if place == "start":
        where = 0
    elif place == "json" and b"```json\n" in data:
        where = data.index(b"```json\n") + len(b"```json\n")
        snippet = deep_json(depth, draw(st.sampled_from(DEEP_KINDS))).encode() + b"\n"
    else:
        where = draw(st.sampled_from(line_starts(data)))
    return _seed_case("deep-json", seed, data[:where] + snippet + data[where:])


odd_text = st.lists(st.sampled_from(ODD_CHARACTERS), min_size=1, max_size=8).map("".join)
odd_piece = st.one_of(odd_text.map(str.encode), st.sampled_from(ODD_BYTES))


@st.composite
def odd_unicode(draw: st.DrawFn) -> FuzzCase:
    seed = draw(seeds)
    text = seed.data.decode("utf-8", "surrogateescape")
    encoded = seed.data
    for _ in range(draw(st.integers(1, 10))):
        # At a character boundary: the page stays valid UTF-8 around the odd piece.
        where = draw(st.integers(0, len(text)))
        encoded_at = len(text[:where].encode("utf-8", "surrogateescape"))
        encoded = encoded[:encoded_at] + draw(odd_piece) + encoded[encoded_at:]
        text = encoded.decode("utf-8", "surrogateescape")
    return _seed_case("odd-unicode", seed, encoded)


@st.composite
def re_encodings(draw: st.DrawFn) -> FuzzCase:
    """Line ends and byte order marks changed: CRLF, CR only, mixed; UTF-16 with a BOM; a UTF-8 BOM."""
    seed = draw(seeds)
    how = draw(st.sampled_from(("crlf", "cr", "mixed", "utf-16-le", "utf-16-be", "bom", "latin-1")))
    text = seed.data.decode("utf-8", "surrogateescape")
    if how == "crlf":
        data = text.replace("\n", "\r\n").encode("utf-8", "surrogateescape")
    elif how == "cr":
        data = text.replace("\n", "\r").encode("utf-8", "surrogateescape")
    elif how == "mixed":
        pieces = text.split("\n")
        ends = draw(st.lists(st.sampled_from(("\n", "\r\n", "\r")), min_size=len(pieces), max_size=len(pieces)))
        data = "".join(piece + end for piece, end in zip(pieces, ends, strict=True)).encode("utf-8", "surrogateescape")
    elif how == "utf-16-le":
        data = b"\xff\xfe" + text.encode("utf-16-le", "surrogatepass")
    elif how == "utf-16-be":
        data = b"\xfe\xff" + text.encode("utf-16-be", "surrogatepass")
    elif how == "bom":
        data = b"\xef\xbb\xbf" + seed.data
    else:
        data = text.encode("latin-1", "replace")
    return _seed_case("re-encode", seed, data)


# --- pages from small grammars --------------------------------------------------------------------------------------

WORDS = (
    "user",
    "id",
    "the",
    "Required",
    "Optional",
    "String",
    "Boolean",
    "200",
    "OK",
    "Note",
    "返回",
    "пользователь",
    "usuario",
    "{id}",
    "`code`",
    "**bold**",
    "[link](https://example.com)",
    "$select",
    "@odata.type",
    "<b>",
    "|",
    "\\|",
    "*",
    "_",
    "#",
)
word = st.one_of(st.sampled_from(WORDS), odd_text, st.text(max_size=6))
sentence = st.lists(word, min_size=1, max_size=8).map(" ".join)

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**30), 10**30),
        st.floats(allow_nan=False),
        st.text(max_size=8),
        st.sampled_from(("#microsoft.graph.user", "2021-01-01T00:00:00Z", "{id}")),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.one_of(st.text(max_size=8), st.sampled_from(WORDS)), children),
    ),
    max_leaves=12,
)


def _json_text(value: object) -> str:
    import json

    return json.dumps(value, indent=2, ensure_ascii=False)


json_text = st.one_of(json_values.map(_json_text), json_values.map(_json_text).map(lambda text: text[: len(text) // 2]))

methods = st.sampled_from(("GET", "POST", "PATCH", "PUT", "DELETE", "get", "FETCH", ""))
url_paths = st.one_of(
    st.sampled_from(("/me", "/users/{id}", "/communications/calls/{id}/reject", "/users?$select=id", "")),
    st.text(alphabet=st.sampled_from("/{}?$=&%:[]@ab1é"), max_size=20),
)
http_versions = st.sampled_from(("", " HTTP/1.1", " HTTP/2", " HTTP/9.9", " HTTP/"))
status_lines = st.builds(
    lambda version, code, reason: f"HTTP/{version} {code} {reason}",
    st.sampled_from(("1.1", "2", "x")),
    st.one_of(st.sampled_from((200, 201, 204, 404)), st.integers(0, 1000)),
    st.sampled_from(("OK", "Created", "No Content", "", "Nope")),
)
headers = st.lists(
    st.builds(lambda name, value: f"{name}: {value}", st.sampled_from(("Content-Type", "Authorization", "X")), word),
    max_size=3,
)


@st.composite
def http_request(draw: st.DrawFn) -> str:
    host = draw(st.sampled_from(("https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/beta", "")))
    line = f"{draw(methods)} {host}{draw(url_paths)}{draw(http_versions)}"
    body = draw(st.one_of(st.just(""), json_text))
    lines = [line, *draw(headers)]
    return "\n".join(lines) + ("\n\n" + body if body else "")


@st.composite
def http_response(draw: st.DrawFn) -> str:
    body = draw(st.one_of(st.just(""), json_text))
    return "\n".join([draw(status_lines), *draw(headers)]) + ("\n\n" + body if body else "")


@st.composite
def annotation(draw: st.DrawFn) -> str:
    fields = draw(
        st.dictionaries(
            st.sampled_from(("blockType", "name", "@odata.type", "truncated", "isCollection", "sampleKeys")),
            st.one_of(st.sampled_from(("request", "response", "ignored", "microsoft.graph.user")), json_values),
            max_size=4,
        )
    )
    return f"<!-- {_json_text(fields)} -->"


@st.composite
def table(draw: st.DrawFn) -> str:
    columns = draw(st.integers(1, 4))
    header = draw(
        st.lists(
            st.sampled_from(("Parameter", "Type", "Description", "Name", "Permission type", "Property", "")),
            min_size=columns,
            max_size=columns,
        )
    )
    rows = draw(st.lists(st.lists(word, min_size=0, max_size=columns + 1), max_size=4))
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(":--" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


NOTE_OPENERS = ("**Note:** ", "[!NOTE]\n> ", "[!IMPORTANT]\n> ", "")

heading_titles = st.sampled_from(
    (
        "Namespace: microsoft.graph",
        "Permissions",
        "HTTP request",
        "Request headers",
        "Request body",
        "Response",
        "Examples",
        "Request",
        "Optional query parameters",
        "Properties",
        "权限",
        "Разрешения",
    )
)


@st.composite
def markdown_block(draw: st.DrawFn) -> str:
    kind = draw(
        st.sampled_from(
            ("heading", "para", "http", "response", "json", "table", "note", "include", "sxs", "list", "markup")
        )
    )
    if kind == "heading":
        level = draw(st.integers(1, 4))
        anchor = '<a name="x"></a>' if draw(st.booleans()) else ""
        return f"{'#' * level} {anchor}{draw(st.one_of(heading_titles, sentence))}"
    if kind == "para":
        return draw(sentence)
    if kind == "http":
        return f"{draw(annotation())}\n```http\n{draw(http_request())}\n```"
    if kind == "response":
        return f"{draw(annotation())}\n```http\n{draw(http_response())}\n```"
    if kind == "json":
        return f"```json\n{draw(json_text)}\n```"
    if kind == "table":
        return draw(table())
    if kind == "note":
        return "> " + draw(st.sampled_from(NOTE_OPENERS)) + draw(sentence)
    if kind == "include":
        return f"[!INCLUDE [{draw(word)}]({draw(st.sampled_from(('../includes/x.md', '', '(')))})]"
    if kind == "sxs":
        english, local = draw(sentence), draw(sentence)
        return f'<span class="sxs-lookup"><span class="stack">{english}</span>{local}</span>'
    if kind == "list":
        return "\n".join(f"- {item}" for item in draw(st.lists(sentence, min_size=1, max_size=3)))
    return draw(st.sampled_from(MARKUP)).rstrip("\n")


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    keys = draw(
        st.dictionaries(
            st.sampled_from(("title", "description", "ms.localizationpriority", "doc_type", "ms.sourcegitcommit")),
            st.one_of(word, st.sampled_from(("'", '"', "[", "{a: [b", ": :", "|", "apiPageType"))),
            max_size=4,
        )
    )
    return "---\n" + "".join(f"{key}: {value}\n" for key, value in keys.items()) + "---\n"


@st.composite
def markdown_page(draw: st.DrawFn) -> str:
    head = draw(front_matter()) if draw(st.booleans()) else ""
    blocks = draw(st.lists(markdown_block(), min_size=1, max_size=12))
    return head + draw(st.sampled_from(("\n\n", "\n"))).join(blocks) + "\n"


@st.composite
def markdown_cases(draw: st.DrawFn) -> FuzzCase:
    """A generated page; half the time a generated translation beside a generated English page."""
    name = draw(st.sampled_from(("generated", "user-get", "call-reject")))
    english = draw(markdown_page()).encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        return FuzzCase("gen-markdown", f"docs_src/v1.0/api/{name}.md", english)
    translation = draw(markdown_page()).encode("utf-8", "surrogatepass")
    locale = draw(st.sampled_from(("zh-CN", "ru-RU", "es-ES")))
    return FuzzCase(
        "gen-markdown-pair",
        f"locales/{locale}/v1.0/api/{name}.md",
        translation,
        {f"docs_src/v1.0/api/{name}.md": english},
    )


@st.composite
def html_element(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(("h", "p", "pre", "table", "note", "raw", "div")))
    if kind == "h":
        level = draw(st.integers(1, 3))
        return f'<h{level} id="{draw(word)}">{draw(st.one_of(heading_titles, sentence))}</h{level}>'
    if kind == "p":
        return f"<p>{draw(sentence)}</p>"
    if kind == "pre":
        language = draw(st.sampled_from(("lang-http", "lang-json", "lang-powershell", "")))
        body = draw(st.one_of(http_request(), http_response(), json_text))
        return f'<pre><code class="{language}">{body}</code></pre>'
    if kind == "table":
        rows = draw(st.lists(st.lists(word, max_size=4), max_size=4))
        cells = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
        return f"<table><thead><tr><th>Name</th><th>Type</th></tr></thead><tbody>{cells}</tbody></table>"
    if kind == "note":
        return f'<div class="NOTE"><p class="alert-title">Note</p><p>{draw(sentence)}</p></div>'
    if kind == "div":
        return f"<div>{draw(st.lists(st.sampled_from(('<div>', '</div>', '<span>', '<p>')), max_size=30).map(''.join))}"
    return draw(st.sampled_from(MARKUP))


@st.composite
def html_cases(draw: st.DrawFn) -> FuzzCase:
    body = "\n".join(draw(st.lists(html_element(), min_size=1, max_size=10)))
    lang = draw(st.sampled_from(("en-us", "zh-cn", "", "\u202e")))
    head = f'<!DOCTYPE html>\n<html lang="{lang}"><head><title>{draw(word)}</title></head>\n'
    page = f"{head}<body><main>{body}</main></body></html>\n"
    return FuzzCase("gen-html", "docs_src/v1.0/api/generated.html", page.encode("utf-8", "surrogatepass"))


@st.composite
def platyps_cases(draw: st.DrawFn) -> FuzzCase:
    name = draw(st.sampled_from(("Invoke-MgBetaRejectCommunicationCall", "Get-MgUser", "X")))
    parameters = draw(st.lists(st.sampled_from(("CallId", "BodyParameter", "Reason", "WhatIf", "")), max_size=4))
    parameter_docs = "".join(
        f"### -{parameter}\n{draw(sentence)}\n\n```yaml\nType: {draw(word)}\nParameter Sets: {draw(word)}\n"
        f"Aliases:\n\nRequired: {draw(st.sampled_from(('True', 'False', 'x')))}\nPosition: Named\n```\n\n"
        for parameter in parameters
    )
    example = draw(st.one_of(sentence, st.just('$params = @{\n  reason = "busy"\n}'), json_text))
    page = (
        f"---\nexternal help file: {draw(word)}-help.xml\nModule Name: {draw(word)}\nschema: 2.0.0\n---\n\n"
        f"# {name}\n\n## SYNOPSIS\n{draw(sentence)}\n\n## SYNTAX\n\n### Default\n```\n{name} "
        + " ".join(f"-{parameter} <String>" for parameter in parameters)
        + f"\n```\n\n## DESCRIPTION\n{draw(sentence)}\n\n## EXAMPLES\n\n### Example 1: {draw(word)}\n"
        f"```powershell\n{example}\n```\n\n## PARAMETERS\n\n{parameter_docs}"
        f"## NOTES\n{draw(sentence)}\n\n## RELATED LINKS\n[{draw(word)}]({draw(word)})\n"
    )
    cut = draw(st.one_of(st.none(), st.integers(0, len(page))))
    page = page[:cut] if cut is not None else page
    path = f"docs_src/powershell/beta/{name}.md"
    return FuzzCase("gen-platyps", path, page.encode("utf-8", "surrogatepass"), companions_of(path))


@st.composite
def text_cases(draw: st.DrawFn) -> FuzzCase:
    """A plain-text rendering: prose lines, table cells one per line, HTTP and JSON as bare lines."""
    pieces = draw(
        st.lists(
            st.one_of(sentence, heading_titles, http_request(), http_response(), json_text, word),
            min_size=1,
            max_size=15,
        )
    )
    english = _SEED_BY_PATH.get("docs_src/v1.0/api/call-reject.md")
    companions = {english.path: english.data} if english is not None else {}
    page = "\n".join(pieces) + "\n"
    return FuzzCase(
        "gen-text", "locales/es-ES/v1.0/api/call-reject.txt", page.encode("utf-8", "surrogatepass"), companions
    )


#: Every class of input, by category name (the long run counts them).
MUTATIONS = {
    "byte-flip": byte_flips(),
    "truncate": truncations(),
    "splice": splices(),
    "insert-markup": markup_insertions(),
    "deep-json": deep_insertions(),
    "odd-unicode": odd_unicode(),
    "re-encode": re_encodings(),
}
GENERATED = {
    "gen-markdown": markdown_cases(),
    "gen-html": html_cases(),
    "gen-platyps": platyps_cases(),
    "gen-text": text_cases(),
}

fuzz_cases = st.one_of(*MUTATIONS.values(), *GENERATED.values())
