"""Word .docx: body paragraphs and tables in document order; headers, footers and text boxes left out.

A table row is one line, its cells joined by " | " (a cell's paragraphs joined by spaces), each
`w:tc` once: a cell spanning columns is not repeated, the lower parts of a vertical merge are empty.
python-docx's `Paragraph.text` drops runs inside `w:smartTag` and `w:ins` (the "NAM" of
"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in many templates), so paragraphs are walked here.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ingest.readers import ReadError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
# Containers whose runs are part of the paragraph's text.
_INLINE_CONTAINERS = {
    f"{W}hyperlink", f"{W}smartTag", f"{W}ins", f"{W}moveTo", f"{W}fldSimple", f"{W}customXml",
    f"{W}sdt", f"{W}sdtContent", f"{W}bdo", f"{W}dir",
}
_RUN_TEXT = {f"{W}t": None, f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "-",
             f"{W}softHyphen": "", f"{W}ptab": "\t", f"{W}sym": None}
_BAD_DOCX = "not a valid .docx (zip/xml error)"


def read_docx(path: Path, data: bytes, hints: dict) -> str:
    """The text of a .docx: paragraphs and table rows in body order, one per line."""
    document = _open(path, data)
    lines: list[str] = []
    _block_lines(document.element.body, lines)
    text = "\n".join(lines)
    if not text.strip():
        hints["warnings"].append("the .docx has no text in its body")
    return text


def _open(path: Path, data: bytes):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ReadError(path, _BAD_DOCX)
    try:
        return docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise ReadError(path, f"{_BAD_DOCX}: {_first_line(e)}") from None
    except Exception as e:  # lxml's XMLSyntaxError and friends
        if type(e).__module__.startswith(("lxml", "docx", "zipfile", "xml")):
            raise ReadError(path, f"{_BAD_DOCX}: {_first_line(e)}") from None
        raise


def _first_line(e: Exception) -> str:
    text = str(e).strip().splitlines()
    return text[0] if text else type(e).__name__


def _block_lines(container, lines: list[str], sep: str = " | ") -> None:
    """Lines of a body, cell or content control: paragraphs and tables as they come."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == f"{W}p":
            lines.append(_paragraph_text(child))
        elif tag == f"{W}tbl":
            lines.extend(_table_lines(child, sep))
        elif tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            _block_lines(child if tag != f"{W}sdt" else _sdt_content(child), lines, sep)


def _sdt_content(sdt):
    content = sdt.find(f"{W}sdtContent")
    return content if content is not None else sdt.makeelement(f"{W}sdtContent", {})


def _paragraph_text(p) -> str:
    parts: list[str] = []
    _inline_text(p, parts)
    return "".join(parts)


def _inline_text(element, parts: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if tag == f"{W}r":
            _run_text(child, parts)
        elif tag in _INLINE_CONTAINERS:
            _inline_text(child, parts)
        elif tag in (f"{M}oMath", f"{M}oMathPara"):
            parts.append("".join(t.text or "" for t in child.iter(f"{M}t")))
        # w:del, w:moveFrom, w:pPr, bookmarks, comments: not text


def _run_text(run, parts: list[str]) -> None:
    for child in run.iterchildren():
        tag = child.tag
        if tag not in _RUN_TEXT:
            continue  # drawings, text boxes, field codes (w:instrText), deleted text
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag == f"{W}sym":
            parts.append(_symbol(child))
        else:
            parts.append(_RUN_TEXT[tag])


def _symbol(sym) -> str:
    """A `w:sym` character (Symbol/Wingdings code); private-use codes map to their low byte."""
    code = sym.get(f"{W}char") or ""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:
        value -= 0xF000
    return chr(value) if value >= 0x20 else ""


def _table_lines(tbl, sep: str = " | ") -> list[str]:
    lines: list[str] = []
    for tr in tbl.iterchildren(f"{W}tr"):
        cells = [_cell_text(tc) for tc in _row_cells(tr)]
        if any(cells):
            lines.append(sep.join(cells).strip())
    return lines


def _row_cells(tr):
    """The row's `w:tc`, including those wrapped in content controls or custom XML."""
    for child in tr.iterchildren():
        if child.tag == f"{W}tc":
            yield child
        elif child.tag == f"{W}sdt":
            yield from _row_cells(_sdt_content(child))
        elif child.tag in (f"{W}sdtContent", f"{W}customXml"):
            yield from _row_cells(child)


def _cell_text(tc) -> str:
    lines: list[str] = []
    _block_lines(tc, lines, sep=" ")  # " | " separates the outer table's columns only
    return " ".join(" ".join(line.split()) for line in lines if line.strip())
