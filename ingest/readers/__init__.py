"""Readers: one file's bytes to its raw text, one module per format.

`read_path(path, data)` picks the reader by the file's suffix and returns `(text, hints)`.
`hints` always has `format` (the suffix without its dot) and `warnings` (list of str);
readers add what they know (`front_matter` for markdown, `pages` for PDF).
Input a reader cannot read raises `ReadError`, whose `str()` is one line: "path: reason".
"""

from __future__ import annotations

from pathlib import Path

SUPPORTED = {".txt", ".md", ".html", ".htm", ".docx", ".doc", ".pdf"}


class ReadError(Exception):
    """A file the readers cannot turn into text; a user's problem, not a bug."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = " ".join(str(reason).split())  # always one line
        super().__init__(path, reason)  # args that rebuild it: it crosses process pools pickled

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def read_path(path: Path, data: bytes) -> tuple[str, dict]:
    """Raw text and hints of one file whose bytes are `data`; the suffix picks the reader.

    >>> read_path(Path("a.txt"), "Điều 1. Phạm vi".encode())
    ('Điều 1. Phạm vi', {'format': 'txt', 'warnings': []})
    """
    from ingest.readers import doc, docx, html, pdf, txt_md

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise ReadError(path, f"unsupported file type {suffix or '(no suffix)'!r}; "
                              f"supported: {', '.join(sorted(SUPPORTED))}")
    if not data:
        raise ReadError(path, "empty file")
    hints: dict = {"format": suffix[1:], "warnings": []}
    readers = {
        ".txt": txt_md.read_txt, ".md": txt_md.read_md, ".html": html.read_html,
        ".htm": html.read_html, ".docx": docx.read_docx, ".doc": doc.read_doc, ".pdf": pdf.read_pdf,
    }
    text = readers[suffix](path, data, hints)
    return text, hints


__all__ = ["ReadError", "SUPPORTED", "read_path"]
