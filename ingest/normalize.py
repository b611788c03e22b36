"""Clean raw text into the text every offset refers to, keeping a map back to the raw text.

The cleaner is one pass of one compiled regex: each match is dropped or replaced, everything
between matches is copied unchanged, so the map needs one anchor per edit, not one per character.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

_PATTERNS = yaml.safe_load((Path(__file__).parent / "patterns" / "cleanup.yaml").read_text("utf-8"))

# Old-style tone placement (hoà, Uỷ) to the modern one (hòa, Ủy): same length, so offsets hold.
# Only open syllables (no letter after the pair); `quý`, `quỳnh` keep theirs (`qu` is a consonant).
_OLD_TONE = re.compile(r"(?<![qQ])(?:[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?![^\W\d_])")
_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"


def _move_tone(m: re.Match) -> str:
    """`oà` -> `òa`, `uỷ` -> `ủy`."""
    first, second = m.group(0)
    decomposed = unicodedata.normalize("NFD", second)
    tone = next(c for c in decomposed if c in _TONE_MARKS)
    base = "".join(c for c in decomposed if c != tone)
    return unicodedata.normalize("NFC", first + tone) + unicodedata.normalize("NFC", base)


def fix_tone_placement(text: str) -> str:
    """Move tone marks of open `oa`, `oe`, `uy` syllables to the modern place.

    >>> fix_tone_placement("Uỷ ban, hoà bình, quý, hoàn thành")
    'Ủy ban, hòa bình, quý, hoàn thành'
    """
    return _OLD_TONE.sub(_move_tone, text)


def fold(text: str) -> str:
    """Lowercase without tone marks or diacritics (`Ủy ban` -> `uy ban`), for matching only."""
    text = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d").replace("Ð", "D"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@dataclass
class OffsetMap:
    """Maps an index of the cleaned text back to the raw text it came from."""

    clean: list[int] = field(default_factory=lambda: [0])
    raw: list[int] = field(default_factory=lambda: [0])

    def add(self, clean_pos: int, raw_pos: int) -> None:
        self.clean.append(clean_pos)
        self.raw.append(raw_pos)

    def to_raw(self, pos: int) -> int:
        i = bisect.bisect_right(self.clean, pos) - 1
        return self.raw[i] + (pos - self.clean[i])


# Edits start at a line start or at one of these characters; testing that first skips most positions.
_GATE = (r"(?:(?<=\n)|\A|(?=[\r<&*_#|\u00a0\u2007\u202f\u2002-\u200a\u3000\u200b-\u200d\u2060\ufeff\u00ad\n])"
         r"|(?=[ \t](?:[ \t\r\n]|\Z)))")
# Web-crawl chrome edits run only on texts that hold one of these (lowercased) words.
_CHROME_WORDS = ("thư viện pháp luật", "đang tải văn bản", "thuvienphapluat", "luatvietnam", "thưa quý khách",
                 "thành viên", "vui lòng đợi", "quý khách")
_CHROME_EDITS = ("banner", "tvpl_head", "tvpl_tail")


def _build_cleaner(with_chrome: bool) -> re.Pattern:
    parts = [f"(?P<{name}>{rx})" for name, rx in _PATTERNS["edits"].items()
             if with_chrome or name not in _CHROME_EDITS]
    return re.compile(_GATE + "(?:" + "|".join(parts) + ")", re.MULTILINE | re.IGNORECASE | re.DOTALL)


_CLEANERS = {True: _build_cleaner(True), False: _build_cleaner(False)}


def _edit(kind: str, found: str) -> str:
    """What replaces one match of the cleaner."""
    if kind in ("crlf", "br"):
        return "\n"
    if kind in ("nbsp", "wide_space"):
        return " "
    if kind == "entity":
        return html.unescape(found).replace("\xa0", " ")
    if kind == "md_bullet":
        return found.replace("*", "-", 1)
    return ""  # zero-width, emphasis, tags, scripts, heading marks, trailing spaces


def normalize(raw: str) -> tuple[str, OffsetMap]:
    """Return the cleaned NFC text and its map back to `raw` (after NFC and tone fixing).

    >>> normalize("Uỷ ban&nbsp;nhân dân<br>**Số:** 1963/QĐ-UBND")[0]
    'Ủy ban nhân dân\\nSố: 1963/QĐ-UBND'
    """
    raw = fix_tone_placement(unicodedata.normalize("NFC", raw))
    out: list[str] = []
    omap = OffsetMap()
    pos = clean_len = 0
    low = raw.lower()
    cleaner = _CLEANERS[any(w in low for w in _CHROME_WORDS)]
    for m in cleaner.finditer(raw):
        out.append(raw[pos : m.start()])
        clean_len += m.start() - pos
        new = _edit(m.lastgroup or "", m.group(0))
        out.append(new)
        clean_len += len(new)
        omap.add(clean_len, m.end())
        pos = m.end()
    out.append(raw[pos:])
    text = "".join(out)
    return text, omap
