"""PDF: pdfplumber's text of each page, pages joined by a newline.

A PDF that is only page images (a scan without OCR) is refused rather than stored empty.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from ingest.readers import ReadError

MIN_CHARS_PER_PAGE = 20  # non-space characters per page, on average, of a PDF with a text layer
NO_TEXT_LAYER = "PDF has no text layer (scanned image); OCR it first"
UNMAPPED = "\ufffd"  # a glyph whose font has no Unicode map (pdfminer writes "(cid:N)")
_CID = re.compile(r"\(cid:\d+\)")


def read_pdf(path: Path, data: bytes, hints: dict) -> str:
    """The text of a PDF; `ReadError` when it is encrypted, corrupt or has no text layer."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    if b"%PDF-" not in data[:1024]:
        raise ReadError(path, "not a valid .pdf (no %PDF header)")
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # per-glyph font warnings are noise here
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ReadError(path, "PDF is encrypted (password required)") from None
    except Exception as e:  # pdfminer raises many types (PSEOF, PDFSyntaxError, ValueError, ...)
        if _is_password_error(e):
            raise ReadError(path, "PDF is encrypted (password required)") from None
        raise ReadError(path, f"not a valid .pdf ({type(e).__name__}: {_first_line(e)})") from None
    hints["pages"] = len(pages)
    if not pages:
        raise ReadError(path, "PDF has no pages")
    text = "\n".join(pages)
    # "(cid:20)(cid:19)" would read as the digits 20 and 19: one U+FFFD per unmapped glyph instead
    text, unmapped = _CID.subn(UNMAPPED, text)
    chars = len("".join(text.split()))
    mapped = chars - unmapped
    if mapped < MIN_CHARS_PER_PAGE * len(pages):
        if unmapped:
            raise ReadError(path, "PDF text layer has no Unicode mapping (fonts without ToUnicode); OCR it first")
        raise ReadError(path, NO_TEXT_LAYER)
    if unmapped:
        hints["warnings"].append(
            f"{unmapped} of {chars} characters ({unmapped / chars:.0%}) use fonts without a Unicode map; "
            f"they read as U+FFFD"
        )
    return text


def _is_password_error(e: BaseException) -> bool:
    """pdfplumber wraps pdfminer's errors in PdfminerException."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    seen = 0
    while e is not None and seen < 5:
        if isinstance(e, (PDFPasswordIncorrect, PDFEncryptionError)):
            return True
        if e.args and isinstance(e.args[0], BaseException):
            e = e.args[0]
        else:
            e = e.__cause__ or e.__context__
        seen += 1
    return False


def _first_line(e: Exception) -> str:
    lines = str(e).strip().splitlines()
    return lines[0][:200] if lines else "unreadable"
