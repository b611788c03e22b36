"""Bytes of a text file to str: UTF-8 (with or without BOM) or UTF-16/32 with a BOM, nothing else.

Vietnamese files in a legacy encoding (windows-1258, TCVN3/ABC, VNI) are refused with the
encoding's likely name, never decoded by guess: a wrong guess would store garbled text.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from ingest.readers import ReadError

_BOMS = [  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
_TEXT_CONTROLS = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B}  # tab, newlines, form feed, DOS EOF, ESC
_SNIFF = 8192

# Letters of the Vietnamese alphabet outside ASCII (NFC), to check a windows-1258 reading.
_VI_LETTERS = set(unicodedata.normalize("NFC", "".join(
    base + tone
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for tone in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
))) | {"đ", "Đ"}
_ASCII_VOWELS = set(b"aeiouyAEIOUY")


def is_binary(data: bytes) -> bool:
    """NUL bytes, or more than 10% control characters, in the first 8 KB."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if (b < 0x20 and b not in _TEXT_CONTROLS) or b == 0x7F)
    return controls > 0.1 * len(head)


def guess_legacy_encoding(data: bytes) -> str | None:
    """Name of the legacy encoding `data` (not UTF-8) most likely uses, or None.

    TCVN3 (ABC) puts ă â ê ô ơ ư đ at 0xA8-0xAE and tone letters at 0xB5-0xFE, where
    windows-1258 and VNI have symbols; VNI writes a base ASCII vowel followed by a mark byte;
    windows-1258 decodes to Vietnamese letters (precomposed or base + combining tone).
    """
    high = [i for i, b in enumerate(data) if b >= 0x80]
    if not high:
        return None
    in_symbols = sum(1 for i in high if 0xA1 <= data[i] <= 0xBF)
    if in_symbols >= 0.3 * len(high):
        return "TCVN3 (ABC)"
    as_1258 = unicodedata.normalize("NFC", data.decode("cp1258", errors="replace"))
    non_ascii = [c for c in as_1258 if ord(c) >= 0x80 and not c.isspace()]
    if non_ascii and sum(c in _VI_LETTERS for c in non_ascii) >= 0.8 * len(non_ascii):
        return "windows-1258"
    after_vowel = sum(1 for i in high if i and data[i - 1] in _ASCII_VOWELS)
    if after_vowel >= 0.5 * len(high) or data.count(b"\xf1") + data.count(b"\xd1") >= 0.2 * len(high):
        return "VNI"
    return _charset_normalizer_guess(data)


def _charset_normalizer_guess(data: bytes) -> str | None:
    """charset-normalizer's best guess (it comes with pdfminer.six and requests), if installed."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    best = from_bytes(data[:65536]).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return None
    return best.encoding.replace("_", "-")


def decode_text(path: Path, data: bytes, hints: dict) -> str:
    """Decode a text file's bytes; raise `ReadError` for empty, binary or non-UTF-8 input.

    A multibyte character cut at the very end (a truncated download) is dropped with a warning.
    """
    if not data.strip():
        raise ReadError(path, "empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as e:
                raise ReadError(path, f"invalid {codec.upper()} at byte {e.start}") from None
            return _non_empty(path, text)
    if is_binary(data):
        raise ReadError(path, "binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and e.end == len(data):
            text = data[: e.start].decode("utf-8", errors="strict") if _utf8_ok(data[: e.start]) else None
            if text is not None:
                hints.setdefault("warnings", []).append(
                    f"truncated UTF-8 at the end: {len(data) - e.start} byte(s) of a cut character dropped"
                )
                return _non_empty(path, text)
        guess = guess_legacy_encoding(data)
        looks = f"looks like {guess}" if guess else "unknown encoding"
        raise ReadError(path, f"not UTF-8 ({looks}); convert it to UTF-8") from None
    return _non_empty(path, text)


def _utf8_ok(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _non_empty(path: Path, text: str) -> str:
    if not text.strip():
        raise ReadError(path, "empty file")
    return text
