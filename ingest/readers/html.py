"""HTML to text with the stdlib parser: block elements become lines, a table row one line of
cells joined by " | ". Scripts, styles and navigation are dropped; nothing is ever executed.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from ingest.readers import ReadError
from ingest.readers.encodings import decode_text

_SKIP = {"script", "style", "nav", "noscript", "template", "title", "svg", "iframe", "object", "head"}
_BLOCK = {
    "p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl", "dt",
    "dd", "blockquote", "pre", "section", "article", "header", "footer", "main", "aside", "hr",
    "address", "figure", "figcaption", "form", "fieldset", "caption", "center", "body",
}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
         "track", "wbr"}
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._-]+)""", re.IGNORECASE)


class _TextCollector(HTMLParser):
    """Collects text: lines for blocks, one line per table row (a nested table flattened into its cell)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []  # the line being built outside tables
        self.skip: list[str] = []  # open elements whose content is dropped
        self.tables: list[dict] = []  # {"rows": done rows, "row": cells or None, "cell": parts or None}
        self.pre = 0

    # where text goes: the innermost open cell, else the current line
    def _sink(self) -> list[str]:
        for table in reversed(self.tables):
            if table["cell"] is not None:
                return table["cell"]
        return self.current

    def _break(self) -> None:
        sink = self._sink()
        if sink is self.current:
            self._flush()
        else:
            sink.append(" ")

    def _flush(self) -> None:
        line = "".join(self.current)
        self.current = []
        if self.pre:
            self.lines.extend(line.split("\n"))
        else:
            line = _SPACES.sub(" ", line).strip()
            if line:
                self.lines.append(line)

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.skip and tag == "body" and self.skip[0] == "head":
            self.skip.clear()  # a <head> left open
        if self.skip:
            if tag == self.skip[-1] and tag not in _VOID:
                self.skip.append(tag)
            return
        if tag in _SKIP:
            self.skip.append(tag)
            return
        if tag == "table":
            self._break()
            self.tables.append({"rows": [], "row": None, "cell": None})
        elif tag == "tr" and self.tables:
            self._end_row()
            self.tables[-1]["row"] = []
        elif tag in ("td", "th") and self.tables:
            table = self.tables[-1]
            self._end_cell()
            if table["row"] is None:
                table["row"] = []
            table["cell"] = []
        elif tag in _BLOCK:
            if tag == "pre":
                self._break()
                self.pre += 1
            else:
                self._break()

    def handle_startendtag(self, tag: str, attrs) -> None:
        if not self.skip and tag in ("br", "hr"):
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            return
        if tag == "table" and self.tables:
            self._end_row()
            table = self.tables.pop()
            sink = self._sink()
            if sink is self.current:
                self.lines.extend(table["rows"])
            else:
                sink.append(" " + " ".join(table["rows"]) + " ")
        elif tag in ("td", "th") and self.tables:
            self._end_cell()
        elif tag == "tr" and self.tables:
            self._end_row()
        elif tag in _BLOCK:
            if tag == "pre":
                self._flush()
                self.pre = max(0, self.pre - 1)
            else:
                self._break()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self._sink().append(data)

    def _end_cell(self) -> None:
        table = self.tables[-1]
        if table["cell"] is not None:
            table["row"].append(_SPACES.sub(" ", "".join(table["cell"])).strip())
            table["cell"] = None

    def _end_row(self) -> None:
        self._end_cell()
        table = self.tables[-1]
        if table["row"] and any(table["row"]):
            # a table inside a cell joins its cells with spaces: " | " separates the outer columns
            sep = " | " if len(self.tables) == 1 else " "
            table["rows"].append(sep.join(table["row"]).rstrip())
        table["row"] = None

    def text(self) -> str:
        while self.tables:
            self.handle_endtag("table")
        self._flush()
        return "\n".join(self.lines)


def html_to_text(markup: str) -> str:
    """Text of an HTML document.

    >>> html_to_text("<script>alert(1)</script><p>Điều 1.</p><table><tr><td>a</td><td>b</td></tr></table>")
    'Điều 1.\\na | b'
    """
    parser = _TextCollector()
    parser.feed(markup)
    parser.close()
    return parser.text()


def read_html(path: Path, data: bytes, hints: dict) -> str:
    """An .html/.htm file's text; a legacy charset is used only when the page declares it."""
    try:
        markup = decode_text(path, data, hints)
    except ReadError as err:
        declared = _META_CHARSET.search(data[:4096])
        if not err.reason.startswith("not UTF-8") or not declared:
            raise
        charset = declared.group(1).decode("ascii")
        try:
            markup = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            raise err from None
        hints["warnings"].append(f"decoded as {charset}, the charset the page declares")
    text = html_to_text(markup)
    if not text.strip():
        raise ReadError(path, "no text in the HTML")
    return text
