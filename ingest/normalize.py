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

# Old-style tone placement (hoà, Uỷ) to the modern one (hòa, Ủy); same length, so offsets hold.
_TONES = {"grave": "\u0300", "acute": "\u0301", "hook": "\u0309", "tilde": "\u0303", "dot": "\u0323"}
_OLD_TONE = re.compile(
    r"(?<![^\W\d_])(?P<pre>[^\W\d_]*?)(?P<pair>[oOuU][\u00c0-\u1ef9])(?![^\W\d_])"
)


def _move_tone(pair: str) -> str:
    """`oà` -> `òa`, `uỷ` -> `ủy`: the tone goes to the first vowel of an open oa/oe/uy syllable."""
    first, second = pair
    decomposed = unicodedata.normalize("NFD", second)
    base, marks = decomposed[0], decomposed[1:]
    tone = next((m for m in marks if m in _TONES.values()), None)
    if tone is None or (first.lower(), base.lower()) not in {("o", "a"), ("o", "e"), ("u", "y")}:
        return pair
    rest = "".join(m for m in marks if m != tone)
    return unicodedata.normalize("NFC", first + tone) + unicodedata.normalize("NFC", base + rest)


def fix_tone_placement(text: str) -> str:
    """Move tone marks of open `oa`, `oe`, `uy` syllables to the modern place (not after `q`)."""

    def repl(m: re.Match) -> str:
        pre, pair = m.group("pre"), m.group("pair")
        if pre[-1:].lower() == "q" and pair[0] in "uU":
            return m.group(0)
        if pre[-1:].lower() == "g" and pair[0] in "iI":
            return m.group(0)
        return pre + _move_tone(pair)

    return _OLD_TONE.sub(repl, text)


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


def _build_cleaner() -> re.Pattern:
    parts = [f"(?P<{name}>{rx})" for name, rx in _PATTERNS["edits"].items()]
    return re.compile("|".join(parts), re.MULTILINE | re.IGNORECASE | re.DOTALL)


_CLEANER = _build_cleaner()


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
    for m in _CLEANER.finditer(raw):
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
