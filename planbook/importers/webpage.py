"""Saved web pages (.html/.htm): the page's text, block by block, and its tables, for the recogniser.

Parsed with lxml's HTML parser (libxml2), which takes linear time on any input (the standard library's
`html.parser` is quadratic on `<a<a<a…`: 300 KB never finished): nothing is fetched (no images, styles, frames,
no network), no script runs, and the text of <script>, <style> and hidden elements is left out.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import FormatError
from ..core.messages import QT_TRANSLATE_NOOP
from . import ImportResult, read_bytes
from .decode import decode_text
from .recognise import Block, TableBlock, recognise

MAX_HTML_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 400  # deeper nesting is not a real page; stop descending rather than recurse without end

SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "title",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "select",
    "button",
    "canvas",
    "video",
    "audio",
    "map",
}
BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "blockquote",
    "pre",
    "hr",
    "form",
    "center",
    "address",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "fieldset",
    "legend",
    "details",
    "summary",
    "body",
    "html",
}
VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "param", "source", "track", "wbr"}
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


@dataclass
class _El:
    tag: str
    children: list[_El | str] = field(default_factory=list)
    holds_table: bool = False


class _TreeBuilder:
    """A forgiving element tree: unclosed tags are closed by their parent's end tag, stray end tags ignored."""

    def __init__(self) -> None:
        self.root = _El("root")
        self.stack = [self.root]
        self.skipping = 0  # depth inside a skipped element

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hidden = tag in SKIP or "hidden" in attrs or _HIDDEN.search(attrs.get("style") or "")
        if self.skipping:
            if tag not in VOID:
                self.skipping += 1
            return
        if hidden:
            if tag not in VOID:
                self.skipping = 1
            return
        el = _El(tag)
        if tag in ("p", "li", "tr", "td", "th") and self.stack[-1].tag == tag and len(self.stack) > 1:
            self.stack.pop()  # <p>a<p>b: the second p closes the first, as browsers do
        self.stack[-1].children.append(el)
        if tag not in VOID and len(self.stack) < MAX_DEPTH:
            self.stack.append(el)

    def handle_endtag(self, tag):
        if self.skipping:
            self.skipping -= 1
            return
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        if not self.skipping:
            self.stack[-1].children.append(data)


class _Target:
    """lxml's parser target, feeding the tree builder its events. libxml2 already balances the tags (a void
    element's end event comes too, and is dropped here); comments and processing instructions are not text."""

    def __init__(self, builder: _TreeBuilder) -> None:
        self.builder = builder

    def start(self, tag, attrib) -> None:
        self.builder.handle_starttag(str(tag).lower(), list(attrib.items()))

    def end(self, tag) -> None:
        if str(tag).lower() not in VOID:
            self.builder.handle_endtag(str(tag).lower())

    def data(self, data) -> None:
        self.builder.handle_data(data)

    def comment(self, text) -> None:
        pass

    def pi(self, target, data=None) -> None:
        pass

    def close(self) -> None:
        return None


def _parse(text: str) -> _TreeBuilder:
    from lxml import etree  # pyright: ignore[reportAttributeAccessIssue]  (compiled; lxml ships no stubs)

    builder = _TreeBuilder()
    parser = etree.HTMLParser(target=_Target(builder), encoding="utf-8", recover=True, no_network=True, huge_tree=True)
    data = text.encode("utf-8", "surrogatepass")
    for start in range(0, len(data), 1 << 20):  # in pieces, so no single call holds libxml2 for long
        parser.feed(data[start : start + (1 << 20)])
    with contextlib.suppress(etree.XMLSyntaxError):  # no element at all (an empty page): nothing was built
        parser.close()
    return builder


def _text(el: _El | str, out: list[str]) -> None:
    """Inline text of an element, with block boundaries as newlines."""
    if isinstance(el, str):
        out.append(el.replace("\n", " ").replace("\r", " "))
        return
    if el.tag in BLOCK:
        out.append("\n")
    for child in el.children:
        _text(child, out)
    if el.tag in BLOCK:
        out.append("\n")


def _mark_tables(el: _El) -> bool:
    """Set `holds_table` on every element that has a table somewhere inside; return it for `el`."""
    found = False
    for c in el.children:
        if isinstance(c, _El) and (_mark_tables(c) or c.tag == "table"):
            found = True
    el.holds_table = found
    return found


def _rows(table: _El) -> list[list[str]]:
    rows: list[list[str]] = []

    def visit(el: _El) -> None:
        for c in el.children:
            if not isinstance(c, _El):
                continue
            if c.tag == "tr":
                cells = []
                for cell in c.children:
                    if isinstance(cell, _El) and cell.tag in ("td", "th"):
                        parts: list[str] = []
                        for child in cell.children:
                            _text(child, parts)
                        cells.append("".join(parts).strip())
                rows.append(cells)
            elif c.tag != "table":
                visit(c)

    visit(table)
    return rows


def blocks_of(root: _El) -> list[Block]:
    """Text lines and leaf tables (tables without tables inside: layout tables are read as text)."""
    blocks: list[Block] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            blocks.append("".join(pending))
            pending.clear()

    def walk(el: _El) -> None:
        for c in el.children:
            if isinstance(c, _El) and c.tag == "table" and not c.holds_table:
                flush()
                blocks.append(TableBlock(_rows(c)))
            elif isinstance(c, _El) and (c.tag == "table" or c.holds_table):
                pending.append("\n")
                walk(c)
                pending.append("\n")
            else:
                _text(c, pending)

    _mark_tables(root)
    walk(root)
    flush()
    return blocks


def parse_html(text: str) -> ImportResult:
    builder = _parse(text)
    found = recognise(blocks_of(builder.root))
    return ImportResult([found.plan], found.warnings)


def read_html(path: Path) -> ImportResult:
    return parse_html(html_text(read_bytes(path, MAX_HTML_BYTES), path.name))


def html_text(data: bytes, name: str) -> str:
    """A page's bytes as text, in the charset its <meta> declares (else detected as for plain text)."""
    m = _CHARSET.search(data[:4096])
    declared = m[1].decode("ascii", "replace") if m else None
    text, _ = decode_text(data, name, declared)
    if "<" not in text:
        raise FormatError(
            QT_TRANSLATE_NOOP("Messages", "{name} has no HTML in it; name it .txt to import it as text"), name=name
        )
    return text
