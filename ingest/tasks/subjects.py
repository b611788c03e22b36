"""Who a sentence assigns: the list of bodies that opens it, `Giao X`, `Đề nghị X`."""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.bodies import find_body_spans, fold_same_length
from ingest.identity import slug
from ingest.tasks.common import _alt, _connector_words, _is_connector, _rx, _subject_roles, patterns
from ingest.tasks.deadlines import parse_deadline, parse_recurrence


def _proper_gap(text: str, folded: str, s: int, e: int) -> bool:
    """A gap of connectors and names the gazetteer does not know: capitalised words only (`; Báo và Phát thanh
    Truyền hình Lai Châu và các sở ...`), or names that open with a capital and are 40% capitalised (`, Ban quản lý
    Khu Nông nghiệp ứng dụng Công nghệ cao Phú Yên, Ban Quản lý ...`; Chỉ thị 010/CT-UBND Đắk Lắk, 2025)."""
    words = re.findall(r"[^\W\d_]+", _connector_words().sub(" ", folded[s:e]))
    if not words:
        return True
    if re.search(r"[.;:()]", text[s:e]):
        return False
    names = [n for n in re.split(r",", text[s:e]) if re.search(r"[^\W\d_]", n)]
    caps = 0
    for w in re.finditer(r"[^\W\d_]+", text[s:e]):
        caps += text[s + w.start()].isupper()
    if caps >= len(words):
        return True
    return all(n.strip()[:1].isupper() for n in names) and len(words) <= 14 and 5 * caps >= 2 * len(words)


def _subject_list(folded: str, pos: int, end: int, ms: list[dict], loose: str | None = None) -> tuple[list[dict], int]:
    """Mentions that follow `pos` joined only by titles and connectors, and where the list ends.
    With `loose` (the text), an unknown capitalised name may stand between two of them."""
    out = []
    for mn in ms:
        if mn["start"] < pos:
            continue
        if not _is_connector(folded[pos:mn["start"]]) and not (
                loose and out and _proper_gap(loose, folded, pos, mn["start"])):
            break
        out.append(mn)
        pos = mn["end"]
    return out, pos


def _with_responsible(roles: list[str]) -> list[str]:
    """The subject of a duty is responsible for it unless it leads it (`Sở X theo dõi, đôn đốc ...`:
    responsible and monitor)."""
    if not roles:
        return ["responsible"]
    return roles if {"lead", "responsible"} & set(roles) else [*roles, "responsible"]


@lru_cache(maxsize=1)
def _verbs() -> re.Pattern:
    return re.compile(r"(?:" + _alt([fold_same_length(a.lower()) for a in patterns()["actions"]]) + r")(?!\w)")


def _leading_verb(folded: str, s: int, e: int) -> bool:
    return _verbs().match(folded, s, e) is not None


def _exhortation(folded: str, s: int, e: int) -> bool:
    """`Yêu cầu các sở ... thực hiện nghiêm túc./.`: a closing call with no report, deadline or date."""
    part = folded[s:e]
    if not re.search(r"nghiem tuc", part):
        return False
    if any(role == "report_to" and rx.search(part) for role, rx in _rx()["before"]):
        return False
    return not (parse_deadline(part)["deadline_text"] or parse_recurrence(part))


_TITLES = ["thu truong", "giam doc", "chu tich", "nguoi dung dau", "lanh dao", "truong ban", "chi huy truong",
           "tong giam doc", "bo truong"]


_EXHORTED = object()  # an opener whose sentence is only a closing call (`... thực hiện nghiêm túc`)


def _opened(folded: str, at: int, s: int, e: int, ms):
    """`Giao X ...`, `Đề nghị X ...` starting at `at` in the sentence [s, e): ([(mention, role)], where the
    predicate starts), `_EXHORTED` when the sentence is only a closing call, or None when no opener applies."""
    for role, rx in _rx()["opener"]:
        m = rx.match(folded, at, e)
        if m:
            subj, pos = _subject_list(folded, m.end(), e, ms)
            if subj:
                if _exhortation(folded, s, e):
                    return _EXHORTED
                after = _subject_roles(folded, pos, e)
                return [(mn, r) for mn in subj for r in sorted({role, *after})], pos
    return None


# `tỉnh Đắk Lắk`, `thành phố Đà Nẵng`, `TỈNH PHÚ THỌ`: a province or city by name
_PLACE = re.compile(r"(?:(?i:tỉnh)|(?i:thành)\s+(?i:phố))\s+[^\W\d_][^\s,.;:()]*(?:\s+[^\W\d_-][^\s,.;:()]*){0,3}")


@lru_cache(maxsize=256)
def _committee_row(place: str) -> dict | None:
    label = "Ủy ban nhân dân " + place
    found = find_body_spans(label, None)
    if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(label) and "@" in found[0][2]["id"]:
        return found[0][2]
    return None


def place_committee(text: str, start: int, end: int, mentions) -> dict | None:
    """A mention of the People's Committee that the province or city named in [start, end) stands for when it is the
    doer (`..., tỉnh Đắk Lắk cần tiếp tục thực hiện ...`; TB 623/TB-VPCP, 2025), else None. The committee's row goes to
    `mentions.extra` when the document does not name it."""
    m = _PLACE.fullmatch(text[start:end].strip())
    if not m:
        return None
    kind, *name = m.group(0).split()
    kind = "tỉnh" if fold_same_length(kind.lower()) == "tinh" else "thành phố"
    if kind == "thành phố":
        name = name[1:]
    row = _committee_row(" ".join([kind, *(w.title() for w in name)]))
    if row is None:
        return None
    if row["id"] not in mentions.known:
        mentions.extra.setdefault(row["id"], row)
    return {"body_id": row["id"], "raw": text[start:end].strip(), "start": start, "end": end}


# the addressees a letter's lead-in names after `Đề nghị` / `Yêu cầu` that are no government body the gazetteer knows
# (`Bộ Văn hóa, Thể thao và Du lịch đề nghị các cơ sở đào tạo trực thuộc Bộ (sau đây gọi là cơ sở đào tạo) nghiêm túc thực
# hiện ...`, Công văn 6386/BVHTTDL-KHCNĐTMT, 2025; `Sở Nội vụ đề nghị các doanh nghiệp có hoạt động cho thuê lại lao động
# ... tự kiểm tra`, Công văn 10283/SNV-LĐTLBHXH Hồ Chí Minh, 2025)
_ADDRESSEES = re.compile(r"[\s*_]*(cac|toan the)\s+(?:co so|don vi|truong|doanh nghiep|to chuc|cong ty|chu dau tu|nha thau"
                         r"|hop tac xa|hoi|hiep hoi)(?!\w)")
# where the addressees' words end: a bracket or a mark, or the verb of what they are asked to do
_ADDRESSEES_END = re.compile(r"[(,;:.]|\s(?:nghiem tuc|tu|khan truong|tiep tuc|chu dong|tap trung|thuc hien|quan tam"
                             r"|kip thoi|nghien cuu|phoi hop|to chuc|trien khai|bao cao)(?!\w)")


def addressee_group(text: str, folded: str, pos: int, end: int, mentions) -> dict | None:
    """A mention of the addressee group that opens at `pos` (`các cơ sở đào tạo trực thuộc Bộ`), its words up to a
    bracket, a comma, a colon or the verb after it (`written_body`); else None."""
    m = _ADDRESSEES.match(folded, pos, end)
    if not m:
        return None
    s = m.start(1)
    stop = _ADDRESSEES_END.search(folded, m.end(), min(end, s + 120))
    if stop is None or len(text[s:stop.start()].split()) > 12:
        return None
    return written_body(text, s, stop.start(), mentions, group=True)


def written_body(text: str, s: int, e: int, mentions, group: bool) -> dict:
    """A mention of a body the gazetteer does not know, named by its words in [s, e) (`các cơ sở đào tạo trực thuộc Bộ`,
    `Tổ chức làm nhiệm vụ bồi thường, hỗ trợ và tái định cư`); its row (kind `group` or `other`) goes to
    `mentions.extra`. (Named by its words alone, not scoped to the issuer: `trực thuộc Bộ` of two ministries is one id.)"""
    name = _rx()["abbreviation"].sub(lambda m: patterns()["abbreviations"][m.group(0)], " ".join(text[s:e].split()))
    name = name[0].upper() + name[1:]
    bid = ("group:" if group else "") + slug(name)
    if bid not in mentions.known:
        mentions.extra.setdefault(bid, {"id": bid, "name": name, "short_name": None, "kind": "group" if group else "other",
                                        "level": None, "jurisdiction": None, "parent_id": None, "is_group": int(group),
                                        "valid_from": None, "valid_to": None})
    return {"body_id": bid, "raw": text[s:e], "start": s, "end": e}


def place_doer(text: str, folded: str, s: int, e: int, mentions) -> tuple[dict, int] | None:
    """(committee mention, where the predicate starts) when the sentence [s, e) opens with a province or city that must
    act (`Tỉnh Thanh Hóa cần nỗ lực, phấn đấu hơn nữa, ...`; TB 634/TB-VPCP, 2025), else None."""
    m = _PLACE.match(text, s, e)
    if not m:
        return None
    for end in range(m.end(), s, -1):  # the name ends where the cue starts (`Tỉnh Thanh Hóa | cần`)
        if text[end - 1].isspace():
            continue
        cue = _rx()["intro_doer"].match(text, end + 1, e) if text[end:end + 1].isspace() else None
        if cue:
            mn = place_committee(text, s, end, mentions)
            return (mn, cue.start()) if mn else None
    return None


def _capitalised(text: str, pos: int, end: int) -> re.Match | None:
    """Up to four capitalised words from `pos` (`Nghệ An`, `Bà Rịa - Vũng Tàu`), as a match of their span, else None.
    (A `[A-ZĐÀ-Ỹ]` class would take lower-case letters too: U+00C0..U+1EF8 holds both cases.)"""
    words = list(re.finditer(r"[^\s,.;:()]+", text[pos:end]))
    n = 0
    for w in words[:4]:
        if w.start() != (words[n - 1].end() + 1 if n else 0) and n:
            break
        if not (w.group(0)[0].isupper() or w.group(0) in ("-", "–")):
            break
        n += 1
    return re.match(r"[^\n]{%d}" % words[n - 1].end(), text[pos:end]) if n else None


_PLACE_KIND = re.compile(r"(?i:các\s+)?(?:(?i:tỉnh)|(?i:thành)\s+(?i:phố))\s+")


def place_list(text: str, s: int, e: int, mentions) -> tuple[list[dict], int] | None:
    """(committee mentions, where the predicate starts) when [s, e) opens with provinces or cities that act, each named
    (`Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương ...`, `Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai đẩy
    nhanh ...`; TB 627/TB-VPCP, 2025), else None."""
    out, pos = [], s
    while True:
        k = _PLACE_KIND.match(text, pos, e)
        kind = "thành phố" if k and fold_same_length(k.group(0).lower()).strip().endswith("pho") else "tỉnh"
        pos = k.end() if k else pos
        while True:
            name = _capitalised(text, pos, e)
            if not name:
                break
            row = _committee_row(f"{kind} {' '.join(w.title() for w in name.group(0).split())}")
            if row is None:
                return None
            if row["id"] not in mentions.known:
                mentions.extra.setdefault(row["id"], row)
            out.append({"body_id": row["id"], "raw": name.group(0), "start": pos, "end": pos + name.end()})
            pos += name.end()
            sep = re.match(r",\s*|\s+và\s+", text[pos:e])
            if not sep or not text[pos + sep.end():pos + sep.end() + 1].isupper():
                break
            pos += sep.end()
        more = re.match(r"\s+và\s+(?=(?i:các\s+)?(?:tỉnh|thành\s+phố)\s)", text[pos:e])
        if not more or not k:
            break
        pos += more.end()
    if not out or not k and len(out) < 1:
        return None
    verb = re.match(r"\s+([^\W\d_]+)", text[pos:e])
    return (out, pos) if verb and verb.group(1)[0].islower() and _PLACE_KIND.match(text, s, e) else None
