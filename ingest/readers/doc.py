"""Legacy Word .doc (OLE) through the `antiword` command (Debian package antiword).

`-w 0` gives one paragraph per line instead of lines wrapped at 80 columns. antiword draws a
table row as `|cell   |cell   |`; those lines become `cell | cell` like the other readers' rows.
A .doc that is really a .docx (zip) or an HTML page saved as .doc is read by that reader.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ingest.readers import ReadError

TIMEOUT_SECONDS = 60
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TABLE_LINE = re.compile(r"^\|.*\|[ \t]*$")
_PICTURE = re.compile(r"\[pic\]")


def read_doc(path: Path, data: bytes, hints: dict) -> str:
    """The text of a .doc file, via antiword."""
    if data[:4] == b"PK\x03\x04":
        from ingest.readers.docx import read_docx

        hints["warnings"].append("a .docx (zip) file named .doc; read as .docx")
        return read_docx(path, data, hints)
    head = data[:512].lstrip().lower()
    if head.startswith((b"<html", b"<!doctype html")) or b"<html" in head:
        from ingest.readers.html import read_html

        hints["warnings"].append("an HTML file named .doc; read as HTML")
        return read_html(path, data, hints)
    if head.startswith(b"{\\rtf"):
        raise ReadError(path, "an RTF file named .doc; save it as .docx")
    if not data.startswith(_OLE_MAGIC):
        raise ReadError(path, "not a Word .doc file (no OLE header)")
    antiword = shutil.which("antiword")
    if antiword is None:
        raise ReadError(path, ".doc needs antiword (apt-get install antiword)")
    with tempfile.TemporaryDirectory(prefix="vanban-doc-") as tmp:
        source = os.path.join(tmp, "input.doc")
        with open(source, "wb") as f:
            f.write(data)  # the bytes that were hashed, whatever happens to the path meanwhile
        try:
            done = subprocess.run(
                [antiword, "-w", "0", "-m", "UTF-8.txt", source],
                capture_output=True, timeout=TIMEOUT_SECONDS, check=False,
            )
        except subprocess.TimeoutExpired:
            raise ReadError(path, f"antiword took more than {TIMEOUT_SECONDS} s") from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").replace(source, "file").strip().splitlines()
        reason = lines[0].strip() if lines else f"exit status {done.returncode}"
        raise ReadError(path, f"antiword failed: {reason}")
    text = done.stdout.decode("utf-8", errors="replace")
    if "\ufffd" in text:
        hints["warnings"].append("antiword wrote bytes that are not UTF-8; replaced with U+FFFD")
    text = "\n".join(_tidy_line(line) for line in text.splitlines())
    if not text.strip():
        hints["warnings"].append("the .doc has no text")
    return text


def _tidy_line(line: str) -> str:
    """A table line `|a   |  |b  |` to `a | b`; pictures' `[pic]` marks dropped."""
    line = _PICTURE.sub("", line)
    if _TABLE_LINE.match(line):
        cells = [" ".join(cell.split()) for cell in line.strip()[1:-1].split("|")]
        return " | ".join(cell for cell in cells if cell)
    return line.strip()
