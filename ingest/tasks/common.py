"""Shared pieces of the task finders: cue patterns, body mentions by span, role cues, task rows."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from pathlib import Path

import yaml

_PATTERNS = Path(__file__).parent.parent / "patterns" / "tasks.yaml"


@lru_cache(maxsize=1)
def patterns() -> dict:
    return yaml.safe_load(_PATTERNS.read_text("utf-8"))


def _alt(words: list[str]) -> str:
    """Alternation, longest first; a space matches any white space run (trafilatura wraps lines)."""
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _rx() -> dict:
    p = patterns()
    rx = {
        "heading": re.compile(r"(?<!\w)(?:" + "|".join(p["responsibility_headings"]["patterns"]) + r")(?!\w)"),
        "filler": re.compile(r"(?<!\w)(?:" + _alt(p["heading_fillers"]) + r")(?!\w)"),
        "before": [(role, re.compile(r"(?<!\w)(?:" + _alt(cues) + r")(?!\w)"))
                   for role, cues in p["roles_before"].items() if cues],
        "after": [(role, re.compile(r"[\s,]*(?:" + _alt(cues) + r")(?!\w)"))
                  for role, cues in p["roles_after"].items()],
        "opener": [(role, re.compile(r"(?:" + _alt(cues) + r")(?!\w)[\s:]*"))
                   for role, cues in p["assign_openers"].items()],
        # a space in a cue matches any white space run (`đến\nhết năm 2025`: trafilatura wraps lines)
        "deadline": {k: re.compile(r"(?<!\w)" + v.replace(" ", r"\s+")) for k, v in p["deadlines"].items()},
        "recurrence": [(k, re.compile(r"(?<!\w)(?:" + _alt(v) + r")(?!\w)")) for k, v in p["recurrence"].items()],
        "open_end": re.compile(r"[\s,]*(?:" + _alt(p["open_end"]) + r")(?!\w)"),
        "fields": [(k, re.compile(v)) for k, v in p["item_fields"].items()],
        "aims": re.compile(r"[*\s]*(?:" + "|".join(p["aims_headings"]) + r")(?!\w)"),
        "no_duty": re.compile(r"[*\s]*(?:" + "|".join(p["no_duty_headings"]) + r")(?!\w)"),
        "intro": re.compile(r"(?<!\w)(?:" + _alt(p["intro_ends"]) + r")\s*:?[\s*]*$"),
        "adverbial": re.compile(r"(?:" + _alt(p["adverbial_openers"]) + r")(?!\w)"),
        "holder": re.compile(r"(?:" + _alt(p["holder_headings"]) + r")(?!\w)"),
        "committee_title": re.compile(r"[\s*_]*(?:cac\s+)?(?:" + _alt(p["committee_titles"])
                                      + r")(?:\s+ban\s+chi\s+dao)?[\s*_:]*$"),
        "person_holder": re.compile(r"(?:cac\s+|nhung\s+)?(?:" + _alt(p["person_holders"]) + r")(?!\w)(?![\s,]+(?:to chuc|co quan))"),
        "private": re.compile("|".join(map(re.escape, p["private_holders"]))),
        "abbreviation": re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, p["abbreviations"])) + r")(?!\w)"),
        "list_intro": re.compile(r"(?<!\w)(?:" + _alt(p["list_intro_ends"]) + r")\s*:[\s*_]*$"),
        "directs": re.compile(r"\s*(?:" + _alt(p["list_intro_directs"]) + r")\s+"),
        "duty_zone": re.compile(r"(?<!\w)(?:" + _alt(p["duty_zones"]) + r")(?!\w)"),
        "holder_noun": re.compile(r"(?:" + _alt(p["holder_nouns"]) + r")(?!\w)"),
        "powers": re.compile(r"[\s,]*(?:" + _alt(p["power_words"]) + r")(?!\w)"),
        "intro_doer": re.compile(r"(?<!\w)(?:" + _alt(p["intro_doer_cues"]) + r")(?!\w)", re.IGNORECASE),
        "visit_title": re.compile(p["visit_title"]),
        "notice": re.compile(r"[\s,]*(?:" + _alt(p["notice_verbs"]) + r")(?!\w)"),
        "visit_heading": re.compile(r"(?<!\w)(?:" + p["visit_tasks_heading"] + r")(?!\w)"),
    }
    return rx


_CONNECTOR_WORDS = ["va", "voi", "cung", "cac", "co quan", "don vi", "dia phuong", "co lien quan", "lien quan", "chanh",
                    "tren dia ban", "trong pham vi chuc nang, nhiem vu cua minh", "trong pham vi chuc nang, nhiem vu",
                    "theo chuc nang, nhiem vu", "theo chuc nang, nhiem vu duoc giao",
                    # `Bộ trưởng các Bộ: Quốc phòng, Công an, ...` (CĐ 231/CĐ-TTg, 2025): the list's kind before its names
                    "cac bo", "cac so",
                    # `Giao đồng chí Bộ trưởng Bộ Xây dựng trực tiếp chỉ đạo ...` (TB 627/TB-VPCP, 2025)
                    "dong chi"]


@lru_cache(maxsize=1)
def _connector() -> re.Pattern:
    """Text allowed between two bodies of one list: punctuation, `và`, `các`, titles."""
    words = _alt(_CONNECTOR_WORDS + patterns()["heading_fillers"])
    return re.compile(r"(?:[\s,;:()\-]|(?<!\w)(?:" + words + r")(?!\w))*")


@lru_cache(maxsize=1)
def _connector_words() -> re.Pattern:
    """The connector words alone (`và`, `các`, titles), to blank them out of a gap."""
    return re.compile(r"(?<!\w)(?:" + _alt(_CONNECTOR_WORDS + patterns()["heading_fillers"]) + r")(?!\w)")


def _is_connector(gap: str) -> bool:
    return _connector().fullmatch(gap) is not None


def _bullet(label: str | None) -> bool:
    """A list mark with no rank of its own: `-`, `+`, `•`, or a parenthesised number `(1)` (CĐ 231/CĐ-TTg, 2025)."""
    return label in ("-", "+", "•") or (label or "").startswith("(")


_LABEL = re.compile(r"\s*(?:[-+•*]|[a-zđ]\)|\((?:\d{1,2}|[ivx]{1,4})\)|\d+(?:\.\d+)*[.)]|[IVXLC]+\.|Điều\s+\d+[a-z]?\.)\s*")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


# ---------------------------------------------------------------- roles

@lru_cache(maxsize=1)
def _open_groups() -> frozenset[str]:
    """Ids (without place) of the addressee groups a heading may go on describing (gazetteer `open`)."""
    from ingest.bodies import gazetteer

    return frozenset(f"group:{g['key']}" for g in gazetteer()["groups"] if g.get("open"))


def _head_words(folded: str, pos: int) -> str:
    """The first words of a heading after its label, white space made single (for the heading patterns)."""
    return re.sub(r"\s+", " ", folded[pos:pos + 60])


class _Mentions:
    """Body mentions of one document, looked up by span; `extra` collects body rows the task finders add (a province
    named as a doer stands for its People's Committee, which the text may not name)."""

    def __init__(self, record: dict):
        self.known = {b["id"] for b in record.get("bodies", [])}
        self.extra: dict[str, dict] = {}
        self.rows = sorted(record.get("body_mentions", []), key=lambda m: m["start"])
        self.starts = [m["start"] for m in self.rows]
        groups = _open_groups()
        self.open = {b["id"] for b in record.get("bodies", [])
                     if any((x or "").split("@")[0] in groups for x in (b["id"], b.get("parent_id")))}

    def within(self, start: int, end: int) -> list[dict]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end, lo=i)
        return [m for m in self.rows[i:j] if m["end"] <= end]


class _Taken:
    """Spans already read by an earlier source; `hit` is O(1) per query."""

    def __init__(self, n: int):
        self.mark = bytearray(n + 1)

    def append(self, span: tuple[int, int]) -> None:
        s, e = span
        self.mark[s:e] = b"\x01" * max(0, e - s)

    def hit(self, s: int, e: int) -> bool:
        return bool(self.mark[s] or self.mark[max(s, e - 1)])


def _roles_in(text: str, folded: str, start: int, end: int, mentions: list[dict]) -> list[tuple[dict, str]]:
    """(mention, role) for mentions in [start, end) that follow a role cue, directly or through a list."""
    events = []
    for role, rx in _rx()["before"]:
        for m in rx.finditer(folded, start, end):
            events.append((m.start(), m.end(), role, None))
    for mn in mentions:
        events.append((mn["start"], mn["end"], None, mn))
    events.sort(key=lambda e: (e[0], e[3] is not None))
    out = []
    prev_end, prev_role = None, None
    for s, e, role, mn in events:
        if mn is None:
            if prev_end is not None and s < prev_end:
                continue  # a cue inside a longer cue
            prev_end, prev_role = e, role
            continue
        gap = folded[prev_end:s] if prev_end is not None else None
        if prev_role and gap is not None and _is_connector(gap):
            out.append((mn, prev_role))
            prev_end = e
        else:
            prev_end, prev_role = e, None
    return out


def _cued(folded: str, pos: int, end: int) -> bool:
    """A role cue (`chủ trì`, `có trách nhiệm` ...) before the first comma after `pos` (`Sở, ban, ngành thuộc
    Ủy ban nhân dân Thành phố có trách nhiệm rà soát ...`; not `... tổng hợp biểu mẫu theo dự án, ... được
    phân công chủ trì`)."""
    clause_end = pos
    for m in _CLAUSE_MARK.finditer(folded, pos, end):
        clause_end = m.start()
        if m.group(0) != "," or not (_FUNCTION_LIST.search(folded, max(pos, m.start() - 12), m.start())
                                     or any(rx.match(folded, m.end(), end) for _, rx in _rx()["after"])):
            break
    else:
        clause_end = end
    return any(rx.search(folded, pos, clause_end) for _, rx in _rx()["after"])


_CLAUSE_MARK = re.compile(r"[.,;:]")
# `theo chức năng, nhiệm vụ được giao có trách nhiệm` (Chỉ thị 010/CT-UBND Đắk Lắk, 2025): a comma inside this phrase
# ends no clause; nor does one right before the cue (`..., UBND cấp xã theo chức năng quản lý của mình, có trách nhiệm`)
_FUNCTION_LIST = re.compile(r"chuc nang$|nhiem vu$")


# `theo chức năng, nhiệm vụ, thẩm quyền` between a body and its role (CĐ 226/CĐ-TTg, 2025: `2. Bộ Quốc phòng, Bộ Công
# an theo chức năng, nhiệm vụ, thẩm quyền chủ trì, phối hợp với ...:`; TB 636/TB-VPCP, 2025: `Giao Bộ Tài chính, ... theo
# chức năng, nhiệm vụ và thẩm quyền chủ trì, phối hợp với ...`)
_FUNCTION_PHRASE = re.compile(r"[\s,]*(?:theo|trong pham vi)\s+chuc\s+nang(?:\s*(?:,|va)?\s*nhiem\s+vu)?"
                              r"(?:\s*(?:,|va)\s*(?:tham\s+quyen|quyen\s+han))?(?:\s+(?:duoc\s+giao|cua\s+minh))?")


def _subject_roles(folded: str, pos: int, end: int) -> list[str]:
    """Roles the subject takes from the words right after it (`chủ trì`, `tham mưu`, `có trách nhiệm`), a
    `theo chức năng, nhiệm vụ` between allowed."""
    fm = _FUNCTION_PHRASE.match(folded, pos, end)
    pos = fm.end() if fm else pos
    for role, rx in _rx()["after"]:
        if rx.match(folded, pos, end):
            return [role]
    return []


# ---------------------------------------------------------------- helpers

def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    m = _LABEL.match(text, start, end)
    if m:
        start = m.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace()):
        end -= 1
    return start, end


_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_SKIP_KINDS = {"header", "title", "preamble", "basis", "proposal", "enacting", "recipients", "signature", "table"}
# a `NƠI NHẬN` list (`- Như trên;`, `- Lưu: VT.`), which holds no duty
_RECIPIENTS = re.compile(r"(?im)^[ \t*_]*n[oơ]i nh[aậ]n[ \t*_]*:?[ \t*_]*\n(?:[ \t]*\n)?(?:[ \t]*[-+•].*\n?)+")
# the addressees of a Công điện (`THỦ TƯỚNG CHÍNH PHỦ điện:` / `- Bộ trưởng, Thủ trưởng cơ quan ngang bộ ...;`; CĐ
# 224/CĐ-TTg, 2025): names, no duty
_TELEGRAM = re.compile(r"(?im)^.*\bđiện[ \t*_]*:[ \t*_]*$")


def addressee_spans(text: str) -> list[tuple[int, int]]:
    """The addressee lists of a Công điện: after `THỦ TƯỚNG CHÍNH PHỦ điện:` (table pipes and bold marks may stand
    between), the `- ...` lines, an addressee wrapping onto the next line until it ends with `;` or `.` (`- Đồng chí Bí
    thư tỉnh ủy và Chủ tịch Ủy ban nhân` / `dân các tỉnh: Gia Lai, ...;`; CĐ 227/CĐ-TTg, 2025)."""
    out = []
    for m in _TELEGRAM.finditer(text):
        pos, end, open_item = m.end() + 1, None, False
        while pos < len(text):
            nl = text.find("\n", pos)
            line = text[pos:nl if nl != -1 else len(text)]
            s = line.strip()
            if s.startswith(("-", "+", "•")):
                open_item = not s.endswith((";", "."))
                end = pos + len(line)
            elif open_item and s and not s.startswith("|"):
                open_item = not s.endswith((";", "."))
                end = pos + len(line)
            elif end is not None or s.strip("|*_ "):
                break  # (pipes and bold marks may stand before the list)
            pos = (nl + 1) if nl != -1 else len(text)
        if end is not None:
            out.append((m.start(), end))
    return out


def _addressed(folded: str, pos: int, end: int, mentions: "_Mentions") -> bool:
    """`4. Yêu cầu Đảng ủy Chính phủ chỉ đạo ...` (Kết luận 221-KL/TW, 2025): `Yêu cầu` opening an assignment to the
    body right after it, not the `Yêu cầu` (requirements) heading of a plan."""
    pos += len(folded[pos:end]) - len(folded[pos:end].lstrip(" *_\n"))
    m = re.match(r"(?:yeu cau|de nghi|giao)\s+", folded[pos:min(end, pos + 20)])
    if not m:
        return False
    at = pos + m.end()
    return any(mn["start"] == at for mn in mentions.within(at, min(end, at + 120)))
