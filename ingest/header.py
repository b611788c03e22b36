"""Document metadata from the header block: number, type, title, issuer, place, date, signer.

Works on the normalized text. The header is searched in the first lines only; the signer in the
first signature block. Crawler layouts (pipes of flattened tables, `-------` rules, several header
cells on one line) are read by looking at the cells of each line, not at whole lines.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from ingest.identity import (
    canonical_number,
    is_local_code,
    issuer_codes,
    issuer_from_code,
    number_parts,
    restore_diacritics,
    type_from_code,
)
from ingest.normalize import fold

_GAZ = Path(__file__).parent / "gazetteer"
HEAD_CHARS = 6000

NUMBER = re.compile(
    r"(?:^|\||\s{3}|\t|(?<=\w )(?=Số\s*:))[ \t*]*(?:Luật\s+số|Bộ\s+luật\s+số|Pháp\s+lệnh\s+số|Lệnh\s+số|Số\s+hiệu|Số|So|No)\s*(?:[:.]|\s\|)?[\s*]*"
    r"(?P<num>\d+(?:\.\d+)?[a-zA-Z]?(?:\s*/\s*\d{4})?\s*(?:/|-)\s*[A-ZĐÐa-zđ]+[\w&Đđ]*(?:\s*[-–/]\s*[A-ZĐÐ][\w&Đđ]*)*"
    r"(?:\.[IVX]+\b)?)",
    re.MULTILINE,
)
DATE = re.compile(
    r"(?P<place>[^\n|,:;]{2,60}?)\s*,\s*ngày\s+(?P<d>\d{1,2})\s*(?:tháng\s*|[/.-])\s*(?P<m>\d{1,2})"
    r"\s*(?:năm\s*|[/.-])\s*(?P<y>\d{4})",
    re.IGNORECASE,
)
BARE_DATE = re.compile(
    r"ngày\s+(?P<d>\d{1,2})\s*(?:tháng\s*|[/.-])\s*(?P<m>\d{1,2})\s*(?:năm\s*|[/.-])\s*(?P<y>\d{4})", re.I
)
# `| Ngày ban hành | 20/6/2026 |` in a page's document-information table.
INFO_DATE = re.compile(r"^\|?\s*Ngày ban hành\s*[:|]\s*(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})", re.M | re.I)
# English translations: `Hanoi, November 25, 2025`.
EN_DATE = re.compile(
    r"(?P<place>[A-Z][A-Za-z .]{1,30}),\s*(?P<mon>January|February|March|April|May|June|July|August|September|"
    r"October|November|December)\s+(?P<d>\d{1,2}),\s*(?P<y>\d{4})"
)
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
MOTTO = re.compile(r"CỘNG\s+H[OÒ]A|Độc\s+lập\s*[-–]\s*Tự\s+do", re.IGNORECASE)
SIGN_MODE = re.compile(r"^\s*(?P<mode>KT|TM|TL|TUQ|Q)\s*\.\s*(?P<rest>.*)$")
SIGN_TITLES = (
    "PHÓ CHỦ TỊCH", "CHỦ TỊCH", "PHÓ THỦ TƯỚNG", "THỦ TƯỚNG", "THỨ TRƯỞNG", "BỘ TRƯỞNG", "PHÓ GIÁM ĐỐC",
    "GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "TỔNG CỤC TRƯỞNG",
    "CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "VỤ TRƯỞNG", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "TỔNG THƯ KÝ",
    "BÍ THƯ", "PHÓ BÍ THƯ", "THỐNG ĐỐC", "PHÓ THỐNG ĐỐC", "TỔNG KIỂM TOÁN", "CHÁNH ÁN", "VIỆN TRƯỞNG",
    "TỔNG THANH TRA", "CHỦ TỊCH NƯỚC", "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "CHI CỤC TRƯỞNG", "TỔNG GIÁM ĐỐC",
    "KIỂM TOÁN TRƯỞNG", "CHÁNH THANH TRA", "THỦ TRƯỞNG",
)
_LOCAL_PREFIX = re.compile(r"^(?P<kind>THÀNH PHỐ|TỈNH|TP\.?)\s+(?P<name>.+)$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _type_names() -> list[str]:
    names = yaml.safe_load((_GAZ / "doc_types.yaml").read_text("utf-8"))["names"]
    return sorted(names, key=len, reverse=True)


def _cells(line: str) -> list[str]:
    """A line split on table pipes and wide gaps (flattened header columns)."""
    return [c.strip(" *_-–—") for c in re.split(r"\||\s{3,}|\t", line) if c.strip(" *_-–—|")]


def _type_of_line(cell: str) -> str | None:
    """`QUYẾT ĐỊNH` -> `Quyết định` when the cell is a type line (upper case, nothing else)."""
    s = cell.strip().rstrip(":")
    if not s or s != s.upper() or len(s) > 30:
        return None
    for name in _type_names():
        if fold(s) == fold(name):
            return name
    return None


def sentence_case_title(s: str) -> str:
    """`PHÓ CHỦ TỊCH` -> `Phó Chủ tịch`; `BỘ TRƯỞNG` -> `Bộ trưởng`."""
    words = s.strip().lower().split()
    if not words:
        return s
    out = " ".join(words)
    out = out[0].upper() + out[1:]
    return re.sub(r"\bchủ tịch\b", "Chủ tịch", out) if out.lower().startswith("phó") else out


def province_name(raw: str) -> str:
    """`HỒ CHÍ MINH` -> `Hồ Chí Minh`; `BÀ RỊA - VŨNG TÀU` -> `Bà Rịa - Vũng Tàu`."""
    return " ".join(w.capitalize() if w.isupper() or w.islower() else w for w in raw.split())


@lru_cache(maxsize=1)
def _central_by_fold() -> dict[str, str]:
    names = list(issuer_codes()["central"].values())
    return {fold(n): n for n in names}


_UNDER_COMMITTEE = re.compile(r"^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)\s+(?:TỈNH|THÀNH PHỐ|TP\.?)\s+\S.*?\s+"
                              r"(?P<sub>(?:SỞ|BAN|VĂN PHÒNG|CHI CỤC|TRUNG TÂM|THANH TRA|BỘ CHỈ HUY|CÔNG AN|ĐÀI|BÁO)\s.+)$")


def canonical_issuer(lines: list[str]) -> tuple[str | None, str | None]:
    """Issuer block lines -> (canonical issuer, province).

    >>> canonical_issuer(["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"])
    ('Ủy ban nhân dân Thành phố Hồ Chí Minh', 'Hồ Chí Minh')
    """
    lines = [re.sub(r"\s+", " ", x).strip(" -–*") for x in lines if x.strip(" -–*")]
    if not lines:
        return None, None
    joined = " ".join(lines)
    key = fold(joined)
    if key in _central_by_fold():
        return _central_by_fold()[key], None
    # A department under its committee (`UBND TỈNH LÀO CAI` / `SỞ CÔNG THƯƠNG`, or one line when a .docx header cell
    # joins them): the department, in the committee's province.
    sub = _UNDER_COMMITTEE.match(joined)
    if sub:
        lines = [joined[:sub.start("sub")].strip(), sub.group("sub")]
    # The last line names the body; the ones above are its parent (BỘ TÀI CHÍNH / CỤC THUẾ).
    body = lines[-1]
    m = None if sub else re.match(r"^(ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)\s*(.*)$", joined, re.IGNORECASE)
    if m:
        kind = "Ủy ban nhân dân" if fold(m.group(1)).startswith(("uy", "ubnd")) else "Hội đồng nhân dân"
        place = m.group(2).strip()
        pm = _LOCAL_PREFIX.match(place)
        if pm:
            prov = province_name(pm.group("name"))
            word = "Thành phố" if fold(pm.group("kind")).startswith(("thanh", "tp")) else "tỉnh"
            return f"{kind} {word} {prov}", prov
        return (f"{kind} {province_name(place)}".strip(), None) if place else (kind, None)
    if fold(body) in _central_by_fold():
        return _central_by_fold()[fold(body)], None
    # Provincial departments: `SỞ CÔNG THƯƠNG` under `UBND TỈNH LÀO CAI`.
    prov = None
    for x in lines[:-1]:
        mm = re.search(r"(?:THÀNH PHỐ|TỈNH|TP\.?)\s+(.+)$", x, re.IGNORECASE)
        if mm:
            prov = province_name(mm.group(1))
    name = body[0] + body[1:].lower() if body.isupper() else body
    name = re.sub(r"^(Sở|Bộ|Ban|Cục|Tổng cục|Văn phòng) (\w)", lambda x: f"{x.group(1)} {x.group(2).upper()}", name)
    return name, prov


def _to_iso(d: str, m: str, y: str) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _find_number(head: str) -> tuple[str | None, int]:
    for m in NUMBER.finditer(head):
        num = restore_diacritics(canonical_number(m.group("num"))).rstrip("-/")
        if "/" in num or re.match(r"\d+-[A-ZĐ]", num):
            return num, m.start()
    return None, -1


def _issuer_block(lines: list[str]) -> list[str]:
    """Left header column: the lines before the motto / `Số:` / the date line."""
    block = []
    for line in lines[:14]:
        cells = _cells(line)
        if not cells:
            if block and line.strip() == "|":
                break  # end of the left cell of a flattened header table
            continue
        first = cells[0]
        num = re.search(r"\s(?:Số|SỐ)\s*[:.]", first)
        if num and not block and first[:num.start()].isupper():
            # `UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG Số: /KH-SCT | CỘNG HÒA ...`: a .docx header cell on one line
            block.append(first[:num.start()])
            break
        if MOTTO.search(first) or re.match(r"^(Số|Luật số)\s*[:.]", first) or BARE_DATE.search(first):
            break
        if first.upper() != first or len(first) > 60:
            break
        block.append(first)
        if len(cells) > 1 and MOTTO.search(cells[1]) and not _UNDER_ROW.match(first):
            break  # (`UBND TỈNH LÀO CAI | CỘNG HÒA ...` / `SỞ CÔNG THƯƠNG | Độc lập ...`: the department is the next row)
    return block


_UNDER_ROW = re.compile(r"^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)\s+(?:TỈNH|THÀNH PHỐ|TP\.?)\s+\S")


def _authority_issuer(text: str) -> tuple[str | None, str | None]:
    """`CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH` before the preamble -> the committee."""
    m = re.search(r"^(?:CHỦ TỊCH|BỘ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC)\s+(?P<body>[^\na-zđ]{6,})$", text, re.MULTILINE)
    if not m:
        return None, None
    body = m.group("body").strip()
    sub = re.match(r"^(ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)\s+(.*)$", body)
    return canonical_issuer([sub.group(1), sub.group(2)] if sub else [body])


def _title(lines: list[str], type_idx: int) -> str | None:
    out: list[str] = []
    for line in lines[type_idx + 1 : type_idx + 12]:
        s = line.strip(" |*")
        if not s:
            if out:
                break
            continue
        if re.match(r"^(Căn cứ|Thực hiện|Theo đề nghị|Xét|Kính gửi|Điều\s+\d|Chương\s|Phần\s|I\.\s|\(Kèm theo|\(Ban hành)", s):
            break
        if out and s.isupper() and not out[-1].isupper():
            break  # authority line (CHỦ TỊCH ...) after a mixed-case title
        out.append(s)
    title = re.sub(r"\s+", " ", " ".join(out)).strip(" -")
    return title or None


def _signature(text: str) -> dict:
    """First signing block: mode (KT./TM./TL./TUQ.), title and name.

    Reads `KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Võ Văn Hoan` and wrapped crawls such as
    `TM. ỦY BAN / NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Mai Sơn` (the last mode counts).
    """
    lines = [x.strip(" |*") for x in text.split("\n")]
    for i, s in enumerate(lines):
        if not (SIGN_MODE.match(s) or s in SIGN_TITLES):
            continue
        mode, title = None, None
        for c in lines[i : i + 9]:
            if not c:
                continue
            m = SIGN_MODE.match(c)
            if m:
                mode = m
                rest = m.group("rest").strip()
                if any(rest.startswith(t) for t in SIGN_TITLES):
                    title = rest
                continue
            if c.isupper() and any(c.startswith(t) for t in SIGN_TITLES):
                title = c
                continue
            if c.isupper() and len(c) < 40:
                continue  # the rest of a wrapped `TM. ỦY BAN / NHÂN DÂN`
            if title and _is_person_name(c):
                base = next((t for t in SIGN_TITLES if title.startswith(t)), title)
                return {"signer": c, "signer_title": sentence_case_title(base),
                        "signer_mode": f"{mode.group('mode')}." if mode else None}
            break
    return {"signer": None, "signer_title": None, "signer_mode": None}


def _is_person_name(s: str) -> bool:
    """`Võ Văn Hoan`: 2 to 5 capitalized words, no digits or punctuation."""
    words = s.split()
    if not 2 <= len(words) <= 5 or re.search(r"[\d:;,.()/]", s):
        return False
    return all(w[0].isupper() and (len(w) == 1 or not w.isupper()) for w in words)


def parse_header(text: str, hints: dict | None = None) -> dict:
    """The documents columns the header states; hints (front matter) fill what it lacks."""
    hints = hints or {}
    head = text[:HEAD_CHARS]
    lines = head.split("\n")
    number, num_pos = _find_number(head)

    doc_type, type_idx = None, -1
    for i, line in enumerate(lines):
        for cell in _cells(line):
            t = _type_of_line(cell)
            if t:
                doc_type, type_idx = t, i
                break
        if doc_type:
            break
    issuer, province = canonical_issuer(_issuer_block(lines))
    if not issuer:
        issuer, province = _authority_issuer(head)

    place = issued = None
    for m in DATE.finditer(head):
        place_raw = m.group("place").strip(" |*")
        if fold(place_raw).startswith(("tai ", "trong ")):
            continue
        issued = _to_iso(m.group("d"), m.group("m"), m.group("y"))
        if issued:
            place_raw = re.split(r"(?i)hạnh\s+phúc", place_raw)[-1]  # (`... Tự do - Hạnh phúc Lào Cai, ngày ...`: one line)
            place = re.sub(r"\s+", " ", place_raw.split("\n")[-1]).strip(" |*-") or None
            break

    if not issued:
        m = INFO_DATE.search(head)
        if m:
            issued = _to_iso(m.group("d"), m.group("m"), m.group("y"))
    if not issued:
        m = EN_DATE.search(head)
        if m:
            issued = _to_iso(m.group("d"), str(_MONTHS.index(m.group("mon").lower()) + 1), m.group("y"))
            place = place or m.group("place").strip()

    parts = number_parts(number) if number else {}
    if not doc_type and parts.get("type_code"):
        doc_type = type_from_code(parts["type_code"])
    if not issuer and parts.get("issuer_code"):
        if not is_local_code(parts["issuer_code"]):
            issuer = issuer_from_code(parts["issuer_code"])
    title = _title(lines, type_idx) if type_idx >= 0 else None
    doc = {
        "number": number,
        "doc_type": doc_type,
        "title": title,
        "issuer": issuer,
        "place": place,
        "province": province,
        "issued_date": issued,
    }
    doc.update(_signature(text))
    _fill_from_attachment(doc, text)
    _fill_from_listing_title(doc, text)
    _fill_from_hints(doc, hints)
    if type_idx < 0 and _is_letter(head) and (
            not doc.get("doc_type") or (parts.get("type_code") in _LETTER_CODES and doc["doc_type"] == "Chỉ thị")):
        doc["doc_type"] = "Công văn"
    return doc


# A công văn has no type line; it opens with its subject `V/v ...` and is addressed `Kính gửi: ...`.
_LETTER_MARK = re.compile(r"(?m)(?:^[ \t|*_#]*|số\s*:?\s*\S+\s+)[Vv]/[Vv][\s.:]|^[ \t|*_#]*K[íi]nh\s+g[ửu]i\b")
# `5537/CT-CS`: CT is Cục Thuế in a letter's number, not the Chỉ thị type code
_LETTER_CODES = {"CT"}


def _is_letter(head: str) -> bool:
    """A letter's marks (`V/v ...`, `Kính gửi:`) before any article (a decree quoting `Kính gửi` is no letter)."""
    m = _LETTER_MARK.search(head)
    return m is not None and not re.search(r"(?m)^[ \t*_#]*Điều\s+1\b", head[:m.start()])


# `(Kèm theo Nghị định số 297/2025/NĐ-CP ngày 17 tháng 11 năm 2025 ...)` in an annex of the document itself.
ATTACHED_TO = re.compile(
    r"\((?:Ban\s+hành\s+)?[Kk]èm\s+theo\s+(?P<type>[^\n()]{2,40}?)\s+số\s*:?\s*(?P<num>\d+(?:\.\d+)?[a-zA-Z]?"
    r"(?:/(?:\d{4}/)?[A-ZĐ][\w&Đđ]*(?:-[A-ZĐ][\w&Đđ]*)+|-[A-ZĐ][\w&Đđ]*/[A-ZĐ][\w&Đđ]*))[,\s]*(?:\s*ngày\s+(?P<d>\d{1,2})\s*(?:tháng\s*|[/.-])\s*(?P<m>\d{1,2})"
    r"\s*(?:năm\s*|[/.-])\s*(?P<y>\d{4}))?"
)


_SIGNED_BEFORE = re.compile(r"^[ |*]*(?:Nơi nhận\s*:|(?:KT|TM|TL|TUQ)\s*\.\s*[A-ZĐ])", re.MULTILINE)


def _fill_from_attachment(doc: dict, text: str) -> None:
    """A file whose header was lost still names itself in its annexes' `(Kèm theo ... số N ngày ...)`."""
    if doc.get("number"):
        return
    m = ATTACHED_TO.search(text)
    # Only after the document's own end (signature, Nơi nhận): a file that opens with its `Kèm theo`
    # line is a separate attachment (relation `attaches`), not the document it is attached to.
    if not m or not _SIGNED_BEFORE.search(text, 0, m.start()):
        return
    doc["number"] = restore_diacritics(canonical_number(m.group("num")))
    if m.group("y") and not doc.get("issued_date"):
        doc["issued_date"] = _to_iso(m.group("d"), m.group("m"), m.group("y"))
    if not doc.get("doc_type"):
        doc["doc_type"] = next((t for t in _type_names() if fold(m.group("type")).startswith(fold(t))), None)


def _fill_from_hints(doc: dict, hints: dict) -> None:
    """Front matter (markdown) and a crawled page's attribute panel fill what the header does not state."""
    panel = hints.get("page_info") or {}
    if not doc.get("number") and panel.get("Số hiệu"):
        doc["number"] = restore_diacritics(canonical_number(panel["Số hiệu"]))
    if not doc.get("issued_date") and panel.get("Ngày ban hành"):
        doc["issued_date"] = _any_date(panel["Ngày ban hành"])
    fm = hints.get("front_matter") or {}
    if not isinstance(fm, dict):
        return
    pick = {
        "number": ("so_hieu", "sohieu", "number"),
        "issued_date": ("ngay_ban_hanh", "ngaybanhanh", "issued_date", "date"),
        "doc_type": ("loai_van_ban", "doc_type"),
        "title": ("trich_yeu",),
        "issuer": ("co_quan_ban_hanh", "co_quan", "issuer"),
    }
    for col, keys in pick.items():
        if doc.get(col):
            continue
        for k in keys:
            v = fm.get(k)
            if v:
                if col == "number":
                    v = restore_diacritics(canonical_number(str(v)))
                if col == "issued_date":
                    v = _any_date(str(v))
                if v:
                    doc[col] = str(v)
                    break
    for key in ("title", "description"):
        if not doc.get("number") and isinstance(fm.get(key), str):
            m = _TITLED_NUMBER.search(fm[key])
            if m:
                doc["number"] = restore_diacritics(canonical_number(m.group(1)))


# A number inside a listing title: `Nghị quyết 66.17/2026/NQ-CP cắt giảm ...`.
_TITLED_NUMBER = re.compile(
    r"(?<![\w/])(\d+(?:\.\d+)?[a-z]?(?:/\d{4})?/(?:[A-ZĐ]+(?:-[A-ZĐ0-9]+)+|(?:UBTV)?QH\d+))(?![\w/])")


def _fill_from_listing_title(doc: dict, text: str) -> None:
    """A crawled page that starts with its listing title (`Nghị quyết 62/2025/NQ-HĐND quy định ...`)."""
    if doc.get("number"):
        return
    first = next((ln.strip(" |*#") for ln in text.split("\n") if ln.strip(" |*#")), "")
    for name in _type_names():
        if first.startswith(name + " "):
            m = _TITLED_NUMBER.match(first[len(name) + 1:])
            # `Quyết định số 2496/... ngày ... của ...` opening a body is a citation, not a listing title
            if m and not re.match(r"\s*(ngày|của)\b", first[len(name) + 1 + m.end():]):
                doc["number"] = restore_diacritics(canonical_number(m.group(1)))
                doc["doc_type"] = doc.get("doc_type") or name
            return


def _any_date(v: str) -> str | None:
    """`2026-05-12`, `26/05/2026` or `ngày 26 tháng 5 năm 2026` -> ISO."""
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", v)
    if m:
        return _to_iso(m.group(3), m.group(2), m.group(1))
    m = BARE_DATE.search("ngày " + v) or BARE_DATE.search(v)
    return _to_iso(m.group("d"), m.group("m"), m.group("y")) if m else None
