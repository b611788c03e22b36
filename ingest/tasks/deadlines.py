"""Deadlines (`Quý III/2021`, `trước ngày 30/6`) and recurrence (`hằng năm`) of a task."""

from __future__ import annotations

import calendar
import re
from datetime import date

from ingest.bodies import fold_same_length
from ingest.tasks.common import _ROMAN, _rx

# ---------------------------------------------------------------- deadlines and recurrence

def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _month_end(y: int, m: int) -> str | None:
    if not 1 <= m <= 12:
        return None
    return _iso(y, m, calendar.monthrange(y, m)[1])


def parse_deadline(text: str, year: int | None = None, *, cell: bool = False) -> dict:
    """deadline_text, deadline_start, deadline_end of the first deadline in `text`, with its range: `Từ X đến
    Y` / `X - Y` (start of X, end of Y), `Từ X` or `Từ X đến khi kết thúc ...` (a start, no end).

    >>> parse_deadline("Từ ngày 01/01/2026 đến ngày 31/3/2026")["deadline_end"]
    '2026-03-31'
    """
    got, span = _one_deadline(text, year, cell=cell)
    if span is None:
        return got
    s, e = span
    f = fold_same_length(text)
    start, end = got["deadline_start"], got["deadline_end"]
    inside = re.match(r"tu\s", f[s:e]) is not None  # the cue opens the match (`từ ngày 01/01/2026`)
    since = inside or re.search(r"(?<!\w)tu\s*$", f[max(0, s - 6):s]) is not None
    joint = re.compile(r"\s*(?:[-–]|den|toi)\s*").match(f, e)
    if joint and end is not None:
        rest = text[joint.end():]
        nxt, nspan = _one_deadline(rest, year, cell=True)
        if nspan is not None and not rest[:nspan[0]].strip() and nxt["deadline_end"] != end:
            end, e = nxt["deadline_end"], joint.end() + nspan[1]
        elif since:
            end = None
    elif since:
        end = None
    if since and not inside:  # the deadline text opens with `Từ`
        s -= len(f[:s]) - len(f[:s].rstrip()) + 2
    if since:
        start = start or got["deadline_end"]
    return {"deadline_text": text[s:e], "deadline_start": start, "deadline_end": end}


def _one_deadline(text: str, year: int | None = None, *, cell: bool = False) -> tuple[dict, tuple[int, int] | None]:
    """deadline_text, deadline_start, deadline_end of the first deadline in `text`.

    `year` fills a bare `Quý III`; `cell` (a deadline column) accepts forms without a cue word.

    >>> parse_deadline("Quý III/2021")["deadline_end"]
    '2021-09-30'
    """
    rx = _rx()["deadline"]
    f = fold_same_length(text)
    found = []
    m = rx["quarter"].search(f)
    if m:
        q = _ROMAN.get(m.group("q")) or int(m.group("q"))
        y = int(m.group("y")) if m.group("y") else year
        if y:
            found.append((m, _iso(y, 3 * q - 2, 1), _month_end(y, 3 * q)))
    m = rx["half"].search(f)
    if m:
        y = int(m.group("y")) if m.group("y") else year
        if y:
            found.append((m, _iso(y, 1, 1), _iso(y, 6, 30)) if m.group("h") == "dau" else (m, _iso(y, 7, 1), _iso(y, 12, 31)))
    for m in rx["date"].finditer(f):
        if not (m.group("cue") or cell):
            continue
        y = int(m.group("y")) if m.group("y") else year
        if not y:
            continue
        d = _iso(y, int(m.group("m")), int(m.group("d")))
        if d:
            before = _cue(m) not in (None, "trong")
            found.append((m, None if before else d, d))
            break
    if cell and not found:
        m = rx["bare_date"].search(f)
        if m:
            d = _iso(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if d:
                found.append((m, d, d))
    for m in rx["month"].finditer(f):
        if not (m.group("cue") or cell):
            continue
        y, mo = int(m.group("y")), int(m.group("m"))
        if m.group("cue") == "truoc" and 1 <= mo <= 12:
            prev = date(y, mo, 1).toordinal() - 1
            found.append((m, None, date.fromordinal(prev).isoformat()))
        elif _cue(m) in ("den het", "den", "cham nhat", "cuoi"):
            found.append((m, None, _month_end(y, mo)))
        else:
            m0 = int(m.group("m0")) if m.group("m0") else mo  # `Tháng 11 - 12/2025`
            found.append((m, _iso(y, m0, 1) if 1 <= m0 <= 12 else None, _month_end(y, mo)))
        break
    if not found:
        for m in rx["year"].finditer(f):
            if not (m.group("cue") or cell or _rx()["open_end"].match(f, m.end())):
                continue  # (`năm 2025 và các năm tiếp theo` is a span even with no cue; CT 012/CT-UBND Đắk Lắk)
            y = int(m.group("y"))
            if m.group("cue") == "truoc":
                found.append((m, None, _iso(y - 1, 12, 31)))
            elif _cue(m) in ("den het", "den", "cham nhat"):
                found.append((m, None, _iso(y, 12, 31)))
            else:
                found.append((m, _iso(y, 1, 1), _iso(y, 12, 31)))
            break
    if not found:
        return {"deadline_text": None, "deadline_start": None, "deadline_end": None}, None
    m, start, end = min(found, key=lambda x: x[0].start())
    if _rx()["open_end"].match(f, m.end()):  # `Năm 2025 và các năm tiếp theo`: a start, no end
        end = None
    s, e = m.span()
    while s < e and text[s].isspace():
        s += 1
    return {"deadline_text": text[s:e], "deadline_start": start, "deadline_end": end}, (s, e)


def _cue(m: re.Match) -> str | None:
    """The cue word of a deadline match, its white space made single (`đến\nhết`)."""
    return " ".join(m.group("cue").split()) if m.group("cue") else None


def parse_recurrence(text: str) -> str | None:
    """`Thường xuyên` -> continuous, `hằng năm` -> annual, `định kỳ 6 tháng` -> semiannual ..."""
    f = fold_same_length(text)
    for kind, rx in _rx()["recurrence"]:
        if rx.search(f):
            return kind
    return None
