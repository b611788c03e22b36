"""The units tree of a document (CONTRACT.md, `units`), from the normalized text.

One scan over the lines: each line is classified by the line-start patterns of
`patterns/structure.yaml`; a stack of open units decides the parent by rank (Phần > Chương > Mục >
Điều > khoản > điểm > `-` > `+`; plans: I > 1 > 1.1 > a > - > +). Regions (header, title,
preamble, enacting word, recipients, signature, attachments, annexes) are found first and bound
the scan.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from ingest.header import SIGN_MODE, SIGN_TITLES, _is_person_name, _type_of_line
from ingest.identity import slug

_PAT = Path(__file__).parent / "patterns" / "structure.yaml"


@lru_cache(maxsize=1)
def patterns() -> dict:
    data = yaml.safe_load(_PAT.read_text("utf-8"))
    return {name: re.compile(spec["regex"]) for name, spec in data["markers"].items()} | {
        "_raw": data
    }


# Rank of each marker: a unit's parent is the nearest open unit of a lower rank.
RANK = {
    "part": 10, "chapter": 20, "section": 30, "subsection": 40, "article": 50,
    "alpha": 52, "roman": 55, "arabic": 60, "dotted": 65, "letter": 70, "paren": 75, "dash": 80, "plus": 90,
}
_IN_ARTICLE = {"alpha": "item", "arabic": "clause", "letter": "point", "paren": "subpoint", "dash": "subpoint", "plus": "subpoint",
               "dotted": "clause", "roman": "item"}
_SEGMENT = {"part": "phan", "chapter": "chuong", "section": "muc", "subsection": "tieu-muc",
            "article": "dieu", "clause": "khoan", "point": "diem", "subpoint": "y", "item": "muc"}


class _Line:
    __slots__ = ("start", "end", "text", "s")

    def __init__(self, start: int, end: int, text: str):
        self.start, self.end, self.text = start, end, text
        self.s = text.strip(" \t|")


def _lines(text: str, start: int = 0, end: int | None = None) -> list[_Line]:
    end = len(text) if end is None else end
    out, pos = [], start
    for raw in text[start:end].split("\n"):
        out.append(_Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n|":
        end -= 1
    return end


def _lstrip_pos(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t|":
        pos += 1
    return pos


def _is_upper_line(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


class _Builder:
    """Collects units with ids unique within the document."""

    def __init__(self, text: str, doc_id: str):
        self.text, self.doc_id, self.units = text, doc_id, []
        self._children: dict[str | None, int] = {}
        self._ids: set[str] = set()

    def add(self, kind: str, parent: dict | None, start: int, end: int, label: str | None = None,
            heading: str | None = None) -> dict:
        pid = parent["id"] if parent else None
        ordinal = self._children.get(pid, 0)
        self._children[pid] = ordinal + 1
        seg = self._segment(kind, label, ordinal)
        base = f"{parent['id']}/{seg}" if parent else f"{self.doc_id}#{seg}"
        uid, n = base, 2
        while uid in self._ids:
            uid, n = f"{base}-{n}", n + 1
        self._ids.add(uid)
        unit = {"id": uid, "document_id": self.doc_id, "parent_id": pid, "kind": kind, "label": label,
                "heading": heading, "text": None, "start": start, "end": end, "ordinal": ordinal,
                "depth": (parent["depth"] + 1) if parent else 0}
        self.units.append(unit)
        return unit

    @staticmethod
    def _segment(kind: str, label: str | None, ordinal: int) -> str:
        if kind in ("basis", "paragraph", "table"):
            return f"{kind}-{ordinal + 1}"
        if label in ("-", "+", "•"):
            return f"{_SEGMENT.get(kind, kind)}-{ordinal + 1}"
        if label:
            core = re.sub(r"^(Điều|Chương|Mục|Phần|Tiểu mục)\s+", "", label)
            return f"{_SEGMENT.get(kind, kind)}-{slug(core) or ordinal + 1}"
        return kind


def _classify(line: _Line, in_article: bool) -> tuple[str, re.Match] | None:
    pats = patterns()
    for name in ("part", "chapter", "section", "subsection", "article", "alpha", "roman", "dotted", "arabic",
                 "letter", "paren", "dash", "plus"):
        m = pats[name].match(line.s)
        if m and (name != "alpha" or _is_upper_line(m.group("rest"))):
            return name, m
    return None


def _split_heading(rest: str, marker: str) -> tuple[str | None, bool]:
    """Heading text after a label: short and not a sentence. Returns (heading, is_heading)."""
    rest = rest.strip()
    if not rest:
        return None, False
    if marker in ("part", "chapter", "section", "subsection"):
        return rest, True
    if marker == "article":
        return (rest.rstrip("."), True) if len(rest) <= 200 else (None, False)
    if _is_upper_line(rest) or (len(rest) <= 160 and not rest.endswith((".", ";", ",")) and rest[0].isupper()):
        return rest.rstrip(":"), True
    return None, False


def parse_structure(text: str, document_id: str) -> list[dict]:
    """All units of one document, parents before children, spans into `text`."""
    b = _Builder(text, document_id)
    regions = _regions(text)
    for kind, start, end, extra in regions:
        if kind in ("body", "attachment", "annex"):
            if kind == "body":
                _scan_body(b, None, start, end)
            else:
                unit = b.add(kind, None, start, end, label=extra.get("label"), heading=extra.get("heading"))
                _scan_attachment(b, unit, start, end)
        elif kind == "preamble":
            unit = b.add("preamble", None, start, end)
            _scan_preamble(b, unit, start, end)
        else:
            b.add(kind, None, start, end)
    _finish(b)
    return b.units


def _finish(b: _Builder) -> None:
    """Trim ends, make parents cover children, fill each unit's own text."""
    text = b.text
    by_id = {u["id"]: u for u in b.units}
    for u in reversed(b.units):
        u["end"] = _trim_end(text, u["start"], u["end"])
        if u["parent_id"]:
            p = by_id[u["parent_id"]]
            p["end"] = max(p["end"], u["end"])
    first_child: dict[str, int] = {}
    for u in b.units:
        if u["parent_id"] and u["parent_id"] not in first_child:
            first_child[u["parent_id"]] = u["start"]
    for u in b.units:
        own_end = _trim_end(text, u["start"], first_child.get(u["id"], u["end"]))
        u["text"] = text[u["start"] : own_end]
    b.units.sort(key=lambda u: (u["start"], u["depth"]))


# Regions ---------------------------------------------------------------------------------------

_PREAMBLE_START = re.compile(r"^(Căn cứ|Theo đề nghị|Xét đề nghị|Xét Tờ trình|Xét tờ trình|Thực hiện)\b")
_ENACTING = re.compile(r"^(QUYẾT ĐỊNH|NGHỊ QUYẾT|QUYẾT NGHỊ|NGHỊ ĐỊNH|CHỈ THỊ|THÔNG TƯ|BAN HÀNH|LỆNH)\s*:$")
_RECIPIENTS = re.compile(r"^Nơi nhận\s*:", re.IGNORECASE)
_ATTACH_CUE = re.compile(r"^\((Ban\s+hành\s+)?[Kk]èm\s+theo\b")
# the cue at the end of the attachment's title line (`THỰC HIỆN CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC NĂM 2023 (Kèm theo Quyết định
# số 254/QĐ-UBND ngày 17/02/2023 ...)`; the CongBot copies join the title and the cue on one line)
_ATTACH_TAIL = re.compile(r"^(?P<title>[^()]{12,})\((?:Ban\s+hành\s+)?[Kk]èm\s+theo\b[^()]*\)?\s*$")


def _attach_tail(s: str) -> bool:
    m = _ATTACH_TAIL.match(s)
    return bool(m) and not any(c.islower() for c in m.group("title"))
_ANNEX = re.compile(r"^(PHỤ LỤC|Phụ lục)(\s+[IVXLC\d]+[a-z]?)?\b\.?\s*(?P<rest>.*)$")


def _regions(text: str) -> list[tuple[str, int, int, dict]]:
    """Top-level regions in order: header, title, preamble, enacting, body, recipients, signature,
    attachment, annex. Each is (kind, start, end, extra)."""
    lines = _lines(text)
    n = len(lines)
    out: list[tuple[str, int, int, dict]] = []

    # Attachments and annexes cut the document first; the main document is what lies before.
    cuts = _attachment_starts(lines)
    main_end = cuts[0][1] if cuts else len(text)
    main_lines = [ln for ln in lines if ln.start < main_end]

    # Title: the first type line in the first 40 lines.
    type_i = next((i for i, ln in enumerate(main_lines[:40]) if _type_of_line(ln.s)), None)
    pre_i = next((i for i, ln in enumerate(main_lines[:80]) if _PREAMBLE_START.match(ln.s)
                  and (type_i is None or i > type_i)), None)
    body_i = _first_body_line(main_lines, (pre_i or type_i or -1) + 1)
    enact_i = next((i for i, ln in enumerate(main_lines[:body_i or n]) if _ENACTING.match(ln.s)), None)

    pos_of = lambda i: main_lines[i].start  # noqa: E731
    cursor = 0
    if type_i is not None and type_i > 0:
        out.append(("header", 0, pos_of(type_i), {}))
    if type_i is not None:
        t_end = pos_of(pre_i) if pre_i is not None else pos_of(enact_i) if enact_i is not None else (
            pos_of(body_i) if body_i is not None else main_end)
        title_end = _title_end(main_lines, type_i, t_end)
        out.append(("title", pos_of(type_i), title_end, {}))
        cursor = title_end
    if pre_i is not None:
        p_end = pos_of(enact_i) if enact_i is not None and enact_i > pre_i else (
            pos_of(body_i) if body_i is not None else _lead_in_end(main_lines, pre_i, main_end))
        start = cursor if cursor and not text[cursor:pos_of(pre_i)].strip() == "" else pos_of(pre_i)
        out.append(("preamble", start, p_end, {}))
        cursor = p_end
    if enact_i is not None:
        e_end = main_lines[enact_i].end
        out.append(("enacting", pos_of(enact_i), e_end, {}))
        cursor = e_end

    # Tail of the main document: recipients and signature.
    rec_i = next((i for i in range(len(main_lines) - 1, max(cursor and 0, -1), -1)
                  if _RECIPIENTS.match(main_lines[i].s) and main_lines[i].start >= cursor), None)
    sig = _signature_span(main_lines, cursor)
    tail_start = min([x for x in (pos_of(rec_i) if rec_i is not None else None,
                                  sig[0] if sig else None) if x is not None], default=main_end)
    out.append(("body", cursor, tail_start, {}))
    if rec_i is not None:
        r_end = sig[0] if sig and sig[0] > pos_of(rec_i) else main_end
        out.append(("recipients", pos_of(rec_i), r_end, {}))
    if sig:
        out.append(("signature", sig[0], sig[1], {}))
    tail_end = max([sig[1] if sig else 0, main_end if rec_i is not None and not sig else 0,
                    sig[1] if sig else tail_start])
    if tail_end < main_end and text[tail_end:main_end].strip(" \n|"):
        out.append(("body", tail_end, main_end, {}))  # text after the signature that is no attachment
    for k, (kind, start, extra) in enumerate(cuts):
        end = cuts[k + 1][1] if k + 1 < len(cuts) else len(text)
        out.append((kind, start, end, extra))
    return [r for r in out if r[2] > r[1] or r[0] in ("signature",)]


# What follows a title even with no blank line between: the addressees of a Công điện (`THỦ TƯỚNG CHÍNH PHỦ điện:` /
# `- Bộ trưởng, ...`; CĐ 224/CĐ-TTg, 2025), of a letter (`Kính gửi:`), a bullet.
_TITLE_STOP = re.compile(r"(?i)(?:\bđiện\s*:\s*$|^kính\s+gửi\b|^[-+•]\s)")


def _title_end(lines: list[_Line], type_i: int, limit: int) -> int:
    """End of the title block: the type line and the subject lines after it."""
    end = lines[type_i].end
    seen = False
    caps = None  # the subject's case: a subject in capitals ends at the first line in sentence case
    for ln in lines[type_i + 1:]:
        if ln.start >= limit:
            break
        if not ln.s:
            if seen:
                break
            continue
        if _PREAMBLE_START.match(ln.s) or patterns()["article"].match(ln.s) or _TITLE_STOP.search(ln.s) \
                or patterns()["roman"].match(ln.s) or _part_letter(ln.s):
            break  # (`A. MỤC ĐÍCH, YÊU CẦU` right after an attachment's title: its first part, not its title)
        if _RULE_LINE.match(ln.s):
            if seen:
                break  # `-----` under the subject (Kết luận 221-KL/TW, 2025: no blank line follows)
            continue
        upper = not any(c.islower() for c in ln.s)
        if caps is None:
            caps = upper
        elif caps and not upper and not ln.s.startswith("("):
            break
        seen = True
        end = ln.end
    return end


_RULE_LINE = re.compile(r"^[-_*=–—]{3,}$")
_KINH_GUI = re.compile(r"(?i)[*_]*k[ií]nh\s+g[uử]i")


def _lead_in_end(lines: list[_Line], pre_i: int, limit: int) -> int:
    """End of a preamble that no enacting word or article closes: after the line that ends with `:` over the first
    numbered item (Công điện 234/CĐ-TTg, 2025: `Căn cứ chỉ đạo của Tổng Bí thư ..., Thủ tướng Chính phủ yêu cầu:` /
    `1. Chủ tịch Ủy ban nhân dân ...`); else `limit`. A letter (`Kính gửi:` above) keeps its whole text in the
    preamble: the letter reader of the tasks step reads its numbered paragraphs with their lead-in."""
    letter = any(_KINH_GUI.match(ln.s) for ln in lines[:pre_i])
    for i in range(pre_i, len(lines) - 1):
        if not lines[i].s.endswith(":"):
            continue
        j = next((k for k in range(i + 1, len(lines)) if lines[k].s), None)
        if j is None or lines[j].start >= limit:
            break
        hit = _classify(lines[j], False)
        if hit and hit[0] in ("arabic", "letter", "dotted") and not letter:
            return lines[j].start
        if letter:
            # `Xét đề nghị của Bộ Công Thương ..., Phó Thủ tướng Chính phủ Bùi Thanh Sơn có ý kiến như sau:` over one
            # paragraph (Công văn 11520/VPCP-CN, 2025): the paragraph is the letter's body; numbered items stay with
            # the lead-in
            return limit if hit else lines[j].start
    return limit


def _first_body_line(lines: list[_Line], from_i: int) -> int | None:
    for i in range(max(from_i, 0), len(lines)):
        s = lines[i].s
        if s in _LONE_WORDS and i + 1 < len(lines):
            s = f"{s} {lines[i + 1].s}"
        if patterns()["article"].match(s) or patterns()["chapter"].match(s) or patterns()["part"].match(s):
            return i
        if patterns()["roman"].match(s):
            return i
        if _part_letter(s):
            return i
    return None


def _part_letter(s: str) -> bool:
    """`A. MỤC ĐÍCH, YÊU CẦU`: a capital-letter part, its heading in capitals."""
    m = patterns()["alpha"].match(s)
    return bool(m) and _is_upper_line(m.group("rest"))


def _attachment_starts(lines: list[_Line]) -> list[tuple[str, int, dict]]:
    """Where attached documents (`KẾ HOẠCH ... (Kèm theo ...)`) and annexes (`PHỤ LỤC`) begin."""
    cuts: list[tuple[str, int, dict]] = []
    seen_body = False
    for i, ln in enumerate(lines):
        if not seen_body and (patterns()["article"].match(ln.s) or patterns()["roman"].match(ln.s)
                              or _RECIPIENTS.match(ln.s)):
            seen_body = True
        if not seen_body:
            continue
        nxt = lines[i + 1].s if i + 1 < len(lines) else ""
        if _ATTACH_CUE.match(ln.s) or _attach_tail(ln.s) or (len(ln.s) < 12 and _ATTACH_CUE.match(f"{ln.s} {nxt}")):
            j = _back_to_type_line(lines, i)
            if j is not None:
                start_i = _back_over_header(lines, j)
                if not cuts or lines[start_i].start > cuts[-1][1]:
                    kind = "attachment"
                    label = lines[j].s
                    cuts.append((kind, lines[start_i].start, {"label": label, "heading": _heading_after(lines, j, i)}))
                continue
        m = _ANNEX.match(ln.s)
        if m and _is_upper_line(ln.s.split()[0] + " " + ln.s.split()[1] if len(ln.s.split()) > 1 else ln.s) \
                and ln.s.startswith("PHỤ LỤC") and len(ln.s) < 150:
            if not cuts or ln.start > cuts[-1][1]:
                label = ("PHỤ LỤC" + (m.group(2) or "")).strip()
                cuts.append(("annex", ln.start, {"label": label, "heading": (m.group("rest") or "").strip(" :.-") or None}))
    # Only attachments/annexes after the main signature or recipients, or clearly headed.
    return cuts


def _back_to_type_line(lines: list[_Line], i: int) -> int | None:
    for j in range(i - 1, max(i - 10, -1), -1):
        if _type_of_line(lines[j].s) or (lines[j].s.isupper() and lines[j].s in ("QUY CHẾ", "QUY ĐỊNH", "ĐIỀU LỆ")):
            return j
    return None


def _heading_after(lines: list[_Line], j: int, i: int) -> str | None:
    parts = [ln.s for ln in lines[j + 1 : i] if ln.s]
    return re.sub(r"\s+", " ", " ".join(parts)) or None


def _back_over_header(lines: list[_Line], j: int) -> int:
    """From the type line, step back over the attachment's own header lines (issuer, motto, date)."""
    start = j
    k = j - 1
    while k >= 0 and j - k <= 12:
        s = lines[k].s
        if not s or set(s) <= set("-_=*|"):
            k -= 1
            continue
        if _is_upper_line(s) or s.startswith(("Độc lập", "Số:", "Số ")) or re.search(r",\s*ngày\s+\d", s):
            start = k
            k -= 1
            continue
        break
    return start


def _signature_span(lines: list[_Line], from_pos: int) -> tuple[int, int] | None:
    """The last signing block of the main document (KT./TM. line or title, then a name)."""
    found, skip_to = None, -1
    for i, ln in enumerate(lines):
        if ln.start < from_pos or i <= skip_to:
            continue
        s = ln.s
        if not (SIGN_MODE.match(s) or s in SIGN_TITLES):
            continue
        for k in range(i + 1, min(i + 9, len(lines))):
            c = lines[k].s
            if c and _is_person_name(c):
                found = (ln.start + (len(ln.text) - len(ln.text.lstrip(" \t|"))), lines[k].end)
                skip_to = k
                break
            if c and not c.isupper():
                break
    return found


# Preamble ----------------------------------------------------------------------------------------

_BASIS = re.compile(r"(?:^|(?<=[;.]\s)|(?<=[;.]))\s*(?P<cue>Căn cứ)\b", re.MULTILINE)
_PROPOSAL = re.compile(r"(?:^|(?<=[;.,]\s))\s*(?P<cue>Theo đề nghị|Xét đề nghị|Xét Tờ trình|Xét tờ trình|Theo Tờ trình)\b",
                       re.MULTILINE)


def _scan_preamble(b: _Builder, parent: dict, start: int, end: int) -> None:
    """Each `Căn cứ ...` a basis unit, `Theo đề nghị ...` the proposal unit (also several per line)."""
    text = b.text
    cues = []
    for m in _BASIS.finditer(text, start, end):
        cues.append((m.start("cue"), "basis"))
    for m in _PROPOSAL.finditer(text, start, end):
        cues.append((m.start("cue"), "proposal"))
    cues.sort()
    for k, (pos, kind) in enumerate(cues):
        stop = cues[k + 1][0] if k + 1 < len(cues) else end
        b.add(kind, parent, pos, stop)


# Body ---------------------------------------------------------------------------------------------

_LONE_WORDS = {"Điều", "ĐIỀU", "Chương", "CHƯƠNG", "Mục", "MỤC", "Phần", "PHẦN"}


def _scan_body(b: _Builder, parent: dict | None, start: int, end: int) -> None:
    """Numbered units by rank; text outside any numbered unit becomes `paragraph` or `table` units."""
    text = b.text
    stack: list[tuple[int, dict, str]] = []  # (rank, unit, marker)
    last_article = 0
    pending_para: int | None = None

    def close_para(at: int) -> None:
        nonlocal pending_para
        if pending_para is not None:
            owner = stack[-1][1] if stack else parent
            if owner is None or owner is parent:
                for a, z in _prose_cells(text, pending_para, at):
                    seg = text[a:z]
                    kind = "table" if seg.count("|") >= 4 and seg.count("\n") >= 2 else "paragraph"
                    if seg.strip(" \n|"):
                        b.add(kind, parent, a, z)
            pending_para = None

    lines = _lines(text, start, end)
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.s:
            i += 1
            continue
        in_article = any(m == "article" for _, _, m in stack)
        if ln.s in _LONE_WORDS and i + 1 < len(lines) and lines[i + 1].s:
            # hard-wrapped label: `Điều` / `10. Tên điều`, `Chương` / `I`
            merged = _Line(ln.start, lines[i + 1].end, ln.text.rstrip() + " " + lines[i + 1].text.lstrip(" |"))
            if _classify(merged, in_article):
                ln = merged
                i += 1
        hit = _classify(ln, in_article)
        if hit:
            marker, m = hit
            if marker == "article":
                num = int(re.match(r"\d+", m.group("num")).group(0))
                bare = not m.group("dot")
                if bare and num != last_article + 1:
                    hit = None
                else:
                    last_article = num
            elif marker in ("dash", "plus") and not stack:
                hit = None  # a dash outside any numbered unit is ordinary text
        if not hit:
            if not stack and pending_para is None:
                pending_para = _lstrip_pos(text, ln.start, ln.end)
            i += 1
            continue
        close_para(ln.start)
        rank = RANK[marker]
        while stack and stack[-1][0] >= rank:
            stack.pop()
        up = stack[-1][1] if stack else parent
        in_article = any(mk == "article" for _, _, mk in stack)
        kind = _kind(marker, in_article)
        label, rest = _label_and_rest(marker, m)
        heading, _ = _split_heading(rest, marker)
        # `Chương I` / `Điều 1` alone on the line, heading on the next upper-case line.
        if marker in ("part", "chapter", "section") and not rest:
            j = i + 1
            while j < len(lines) and not lines[j].s:
                j += 1
            if j < len(lines) and _is_upper_line(lines[j].s) and not _classify(lines[j], False):
                heading = lines[j].s
        elif heading and _is_upper_line(heading) and marker not in ("article",):
            # hard-wrapped upper-case heading: `I. MỤC` / `ĐÍCH, YÊU CẦU`
            j = i + 1
            while j < len(lines) and lines[j].s and _is_upper_line(lines[j].s) and not _classify(lines[j], False):
                heading += " " + lines[j].s
                j += 1
        ustart = _lstrip_pos(text, ln.start, ln.end)
        unit = b.add(kind, up, ustart, end, label=label, heading=heading)
        stack.append((rank, unit, marker))
        i += 1
    close_para(end)
    _close_ends(b, parent, start, end)


# A cell of trafilatura's `|`-line layout that holds running text: the letter itself inside the page's layout
# table (Công văn 11583/VPCP-CN, 2025: `Hà Nội, ngày 26 tháng 11 năm 2025` / `|` / `Kính gửi: Bộ trưởng Bộ Xây dựng.
# Về Kết luận ..., Phó Thủ tướng Trần Hồng Hà có ý kiến như sau: ...` / `|` / `Nơi nhận:`)
_CELL_SEP = re.compile(r"(?m)^[ \t]*\|[ \t]*$")
_PROSE_END = re.compile(r"[.:;][ \t]*\n|\.[ \t]+[^\W\d_]")


def _prose_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut so that each layout cell of running text (300 characters or more, three lines or more,
    two sentence marks or more) is a piece of its own."""
    seps = list(_CELL_SEP.finditer(text, start, end))
    out, cur = [], start
    for a, b in zip(seps, seps[1:], strict=False):
        cell = text[a.end():b.start()]
        if len(cell.strip()) >= 300 and cell.count("\n") >= 3 and "|" not in cell \
                and len(_PROSE_END.findall(cell)) >= 2:
            if a.start() > cur:
                out.append((cur, a.start()))
            cs = _lstrip_pos(text, a.end() + 1, b.start())
            out.append((cs, _trim_end(text, cs, b.start())))
            cur = b.start()
    out.append((cur, end))
    return [(x, y) for x, y in out if y > x]


def _close_ends(b: _Builder, parent: dict | None, start: int, end: int) -> None:
    """A unit ends where the next unit of the same or a higher rank (or its container) begins."""
    units = [u for u in b.units if start <= u["start"] < end]
    for k, u in enumerate(units):
        nxt = end
        for v in units[k + 1:]:
            if v["depth"] <= u["depth"]:
                nxt = v["start"]
                break
        u["end"] = nxt


def _kind(marker: str, in_article: bool) -> str:
    if marker in ("part", "chapter", "section", "subsection", "article"):
        return marker
    return _IN_ARTICLE[marker] if in_article else "item"


def _label_and_rest(marker: str, m: re.Match) -> tuple[str, str]:
    gd = m.groupdict()
    rest = (gd.get("rest") or "").strip()
    if marker == "article":
        return f"Điều {m.group('num')}", rest
    if marker in ("part", "chapter", "section", "subsection"):
        return f"{m.group('word').strip()} {m.group('num')}", rest
    if marker in ("dash", "plus"):
        return ("+" if marker == "plus" else "-"), rest
    if marker == "paren":
        return f"({m.group('num')})", rest
    return m.group("num"), rest


def _scan_attachment(b: _Builder, unit: dict, start: int, end: int) -> None:
    """An attached document: its own header/title block, then its numbered tree."""
    text = b.text
    lines = _lines(text, start, end)
    first = None
    for k, ln in enumerate(lines):
        if ln.s in _LONE_WORDS and k + 1 < len(lines):
            ln = _Line(ln.start, lines[k + 1].end, f"{ln.s} {lines[k + 1].s}")
        hit = _classify(ln, False) if ln.s else None
        if hit and hit[0] in ("alpha", "roman", "arabic", "article", "chapter", "part", "section", "letter"):
            first = ln.start
            break
    if first is None:
        return
    type_at = next((ln.start for ln in lines if ln.start < first and _type_of_line(ln.s)), start)
    if type_at > start:
        b.add("header", unit, start, _trim_end(text, start, type_at))
    head_end = _trim_end(text, type_at, first)
    if head_end > type_at:
        b.add("title", unit, type_at, head_end)
    _scan_body(b, unit, first, end)
