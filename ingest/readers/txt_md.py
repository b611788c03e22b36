"""Plain text and markdown: the decoded text as is, minus a markdown file's YAML front matter.

Emphasis, tags and page chrome stay: `ingest.normalize` removes them with an offset map.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from ingest.readers.encodings import decode_text

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_KEY_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(?P<value>.*?))?[ \t]*$")
_LIST_ITEM = re.compile(r"^[ \t]+-[ \t]+(?P<item>.*?)[ \t]*$")


def read_txt(path: Path, data: bytes, hints: dict) -> str:
    """A .txt file's text, unchanged."""
    return decode_text(path, data, hints)


def read_md(path: Path, data: bytes, hints: dict) -> str:
    """A .md file's text without its leading `---` front matter, whose keys go to hints["front_matter"]."""
    text = decode_text(path, data, hints)
    panel = page_panel(text)
    if panel:
        hints["page_info"] = panel
    front, body = split_front_matter(text)
    if front is not None:
        hints["front_matter"] = front
        text = body
    info, text = split_info_table(text)
    if info:
        hints["page_info"] = {**info, **hints.get("page_info", {})}
    return text


# A site's `## THÔNG TIN VĂN BẢN` / `## Thông tin chung` table (diepxuan pages): site metadata, not the document's text.
_INFO_TABLE = re.compile(r"^#{0,6}[ \t]*(?:THÔNG TIN VĂN BẢN|Thông tin văn bản|Thông tin chung)[ \t]*\n(?:[ \t]*\n)*(?P<rows>(?:[ \t]*\|.*(?:\n|\Z))+)",
                         re.MULTILINE)


def split_info_table(text: str) -> tuple[dict, str]:
    """(the site's information table as label -> value, text without it).

    >>> split_info_table("## THÔNG TIN VĂN BẢN\\n\\n| Mục | Nội dung |\\n|---|---|\\n| **Số hiệu** | 47/2026/TT-BCA |\\n\\nĐiều 1.")
    ({'Mục': 'Nội dung', 'Số hiệu': '47/2026/TT-BCA'}, '\\nĐiều 1.')
    """
    m = _INFO_TABLE.search(text[:20000])
    if not m:
        return {}, text
    info = {}
    for row in m.group("rows").splitlines():
        cells = [c.strip(" *") for c in row.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0] and not set(cells[0]) <= set("-: "):
            info.setdefault(cells[0], cells[1])
    return info, text[: m.start()] + text[m.end():]


# thuvienphapluat.vn attribute panel, one cell per line: `**Số hiệu:**` / `|` / `97/VBHN-BQP`.
_PANEL_LABEL = re.compile(r"^\**\s*(?P<label>Số hiệu|Loại văn bản|Nơi ban hành|Người ký|Ngày ban hành)\s*:\s*\**\s*$",
                          re.MULTILINE)


def page_panel(text: str) -> dict:
    """The site's attribute panel (Số hiệu, Ngày ban hành ...) when a crawled page carries one.

    >>> page_panel("Đang tải văn bản...\\n**Số hiệu:**\\n|\\n97/VBHN-BQP\\n|\\n**Ngày ban hành:**\\n|\\n20/11/2025")
    {'Số hiệu': '97/VBHN-BQP', 'Ngày ban hành': '20/11/2025'}
    """
    head = text[:12000]
    if "Đang tải văn bản" not in head:
        return {}
    out = {}
    for m in _PANEL_LABEL.finditer(head):
        for line in head[m.end():m.end() + 300].split("\n"):
            value = line.strip(" |*\t")
            if value:
                out.setdefault(m.group("label"), value)
                break
    return out


def split_front_matter(text: str) -> tuple[dict | None, str]:
    """(front matter keys, rest of the text), or (None, text) when there is no front matter block.

    >>> split_front_matter("---\\ntitle: Quốc tịch\\ndate: 2026-05-13\\n---\\nĐiều 1.")
    ({'title': 'Quốc tịch', 'date': '2026-05-13'}, 'Điều 1.')
    """
    m = _FRONT_MATTER.match(text)
    if not m:
        return None, text
    block = m.group("body")
    try:
        front = yaml.safe_load(block)
    except yaml.YAMLError:
        front = _key_lines(block)  # some sites write values with unquoted ": " inside
    if not isinstance(front, dict):
        return None, text
    return _plain(front), text[m.end():]


def _key_lines(block: str) -> dict | None:
    """Top-level `key: value` lines one by one, with indented `- item` lines as a key's list."""
    lines = [ln for ln in block.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines or not _KEY_LINE.match(lines[0]):
        return None
    out: dict = {}
    key = None
    for line in lines:
        item = _LIST_ITEM.match(line)
        if item and key is not None:
            if not isinstance(out[key], list):
                out[key] = []
            out[key].append(_scalar(item.group("item")))
            continue
        m = _KEY_LINE.match(line)
        if m:
            key = m.group("key")
            value = m.group("value")
            out[key] = _scalar(value) if value else None
    return out


def _scalar(value: str):
    """A YAML scalar where it parses as one, else the string without its surrounding quotes."""
    try:
        parsed = yaml.safe_load(value)
    except yaml.YAMLError:
        parsed = None
    else:
        if not isinstance(parsed, (dict, list)):
            return parsed
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    if value[:1] in "\"'":
        return value[1:]  # an unclosed quote: keep what follows it
    return value


def _plain(value):
    """Dates as ISO strings, so hints stay JSON data."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
