"""Responsibility sections: a heading that names bodies over the bullets that are their tasks."""

from __future__ import annotations

import re

from ingest.bodies import fold_same_length
from ingest.tasks.common import (
    _FUNCTION_PHRASE,
    _LABEL,
    _PARAGRAPH,
    _addressed,
    _bullet,
    _connector_words,
    _cued,
    _head_words,
    _Mentions,
    _roles_in,
    _rx,
    _strip_span,
    _subject_roles,
)
from ingest.tasks.fields import _read_fields, field_kind, inner_fields
from ingest.tasks.inline import _inline_assignment, _sentences
from ingest.tasks.rows import _add_role, _task_row
from ingest.tasks.subjects import (
    _leading_verb,
    _subject_list,
    addressee_group,
    place_committee,
    place_list,
    written_body,
)

# ---------------------------------------------------------------- sections

def _heading_span(text: str, unit: dict, children: list[dict]) -> tuple[int, int]:
    """The unit's heading line(s): from its start to a blank line or its first child; a heading in capitals ends with
    its capitals (a .docx part `III. TỔ CHỨC THỰC HIỆN` / `Giao phòng Quản lý Công nghiệp triển khai ...:` with no blank
    line between; KH 3957 of the Sở Công Thương Lào Cai, 2026)."""
    end = children[0]["start"] if children else unit["end"]
    blank = text.find("\n\n", unit["start"], end)
    end = blank if blank != -1 else end
    pos = unit["start"]
    while re.fullmatch(r"[IVXLC]+", unit.get("label") or ""):
        nl = text.find("\n", pos, end)
        if nl == -1 or any(c.islower() for c in text[pos:nl]):
            break
        nxt = text.find("\n", nl + 1, end)
        if any(c.islower() for c in text[nl + 1:nxt if nxt != -1 else end]):
            return unit["start"], nl
        pos = nl + 1
    return unit["start"], end


def _body_heading(text: str, folded: str, span: tuple[int, int], mentions: _Mentions):
    """Mentions of a heading made of body names only (`a) Thủ trưởng các sở, ban, ngành ...`), else None."""
    s, e = span
    if e - s > 400:
        return None
    ms = mentions.within(s, e)
    if not ms:
        return None
    for d in re.finditer(r"\s[-–]\s", text[ms[0]["end"]:e]):  # `Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo`:
        cut = ms[0]["end"] + d.start()  # what follows the dash describes the body before it
        if not any(m["start"] < cut < m["end"] for m in ms):
            e, ms = cut, [m for m in ms if m["end"] <= cut]
            break
    lm0 = _LABEL.match(text, s, e)
    if _SERVES.match(folded, lm0.end() if lm0 else s, e):
        return None  # `1. Giúp Thủ tướng Chính phủ:` over `a) ...` (QĐ 170/QĐ-BCĐNNDL, 2025): whom the holder serves
    paren = re.search(r"\(([^()]{3,400})\)[\s*_:]*$", text[s:e])
    if paren:
        inner = [m for m in ms if s + paren.start(1) <= m["start"] and m["end"] <= s + paren.end(1)]
        lm = _LABEL.match(text[s:e])
        before = folded[s + (lm.end() if lm else 0):s + paren.start()].strip(" *_\n")
        if inner and re.match(r"(?:cac|nhom|co quan|don vi)\b", before) and len(before.split()) <= 8 \
                and not re.search(r"[.;:]", before):
            # `1. Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên, ...):` (Chỉ thị
            # 010/CT-UBND Đắk Lắk, 2025): a group named by what it does, its bodies in parentheses
            return inner
    rest = list(folded[s:e])
    for m in ms:
        rest[m["start"] - s:m["end"] - s] = " " * (m["end"] - m["start"])
    rest_s = "".join(rest)
    lm = _LABEL.match(text[s:e])
    if lm:
        rest_s = " " * lm.end() + rest_s[lm.end():]
    rest_s = _rx()["filler"].sub(" ", rest_s)
    last = ms[-1]
    if last["body_id"] in mentions.open and e - s <= 200 and not re.search(r"[.;:]", text[last["end"]:e]):
        # `5. Các chủ đầu tư xây dựng và kinh doanh hạ tầng Khu công nghiệp`: words describing the addressees
        rest_s = rest_s[:last["end"] - s]
    words = re.findall(r"[^\W\d_]+", rest_s)
    if _rx()["powers"].match(folded, last["end"], e):
        return None  # `1. Chủ tịch Ủy ban nhân dân cấp xã có quyền:` (NĐ 281/2026/NĐ-CP): powers, not a holder
    return ms if len(words) <= 2 else _scoped_holder(text, folded, s, e, ms)


# after the holder, its scope (`1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Lâm Đồng, trong đó trọng
# tâm là các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng:` over `a) Tổ chức ...`; CĐ 234/CĐ-TTg, 2025)
_SCOPE = re.compile(r"[\s,]*(?:tu|trong do|thuoc|tai|nhat la|dac biet la)(?!\w)")


def _scoped_holder(text: str, folded: str, s: int, e: int, ms: list[dict]) -> list[dict] | None:
    """The bodies that open a heading ending with `:`, followed only by their scope, no sentence mark and no duty."""
    if not text[s:e].rstrip(" *_\n").endswith(":"):
        return None
    lm = _LABEL.match(text, s, e)
    p = lm.end() if lm else s
    p += len(folded[p:e]) - len(folded[p:e].lstrip(" *_\n"))
    subj, pos = _subject_list(folded, p, e, ms, loose=text)
    if not subj or not _SCOPE.match(folded, pos, e) or re.search(r"[.;]", folded[pos:e]) or _cued(folded, pos, e) \
            or re.search(r"(?<!\w)co (?:tham )?quyen(?!\w)", folded[pos:e]):
        return None  # (`1. Giám đốc Sở Công Thương ... các tỉnh, thành phố theo phạm vi quản lý ... có quyền:`; NĐ 275/2026)
    return subj


_CITED_START = re.compile(r"(?:dieu|khoan|theo)\s")
_LIST_KIND_COLON = re.compile(r"(?<!\w)cac (?:so|bo|nganh)\s*:\Z")


def _colon_holder(text: str, folded: str, s: int, e: int, mentions: _Mentions) -> tuple[list[dict], int] | None:
    """(mentions, where the task starts) of an item that opens with its holder and a colon (`2. Sở Tài chính:
    Căn cứ khả năng cân đối ngân sách, trình ...`, `4. Các cơ sở nuôi trồng thủy sản: Theo dõi ...`; KH
    235/KH-UBND Thanh Hóa, 2025), else None. A holder the gazetteer does not know (`Các cơ sở ...`) gives no
    mention but still opens a task."""
    lm = _LABEL.match(text, s, e)
    p = lm.end() if lm else s
    c = text.find(":", p, min(e, p + 160))
    if c == -1 or "\n\n" in text[p:c] or field_kind(text[p:c + 1]) or not re.search(r"\w", text[c + 1:e]) \
            or _LIST_KIND_COLON.search(folded, p, c + 1):
        return None  # (`2. Chánh Văn phòng ..., Giám đốc các Sở: Giáo dục và Đào tạo, Nội vụ; ...`: names follow)
    ms = mentions.within(p, c)
    q = p + len(folded[p:c]) - len(folded[p:c].lstrip(" *_"))
    om = next((m for _, rx in _rx()["opener"] if (m := rx.match(folded, q, c))), None)
    if om:  # `2. Đề nghị các cấp ủy Đảng, Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh:
        q = om.end()  # Phối hợp ...` (KH 0124/KH-UBND Đắk Lắk, 2025)
    if ms:
        subj, pos = _subject_list(folded, q, c, ms, loose=text)
        rest = _rx()["filler"].sub(" ", folded[pos:c])
        if subj and len(re.findall(r"[^\W\d_]+", rest)) <= 2:
            return subj, p
        if om and not re.search(r"[.;]", text[q:c]):
            return ms, p  # the addressees of `Đề nghị`: every body named before the colon
        return None
    words = re.findall(r"[^\W\d_]+", folded[p:c])
    if _CAC.match(folded, p) and 2 <= len(words) <= 8 and not re.search(r"[\d.;,()]", text[p:c]):
        return [], p
    return None


def _colon_of(text: str, folded: str, span: tuple[int, int], mentions: _Mentions) -> tuple[list[dict], int] | None:
    """`_colon_holder` over a span, in the shape the heading readers share (read once per unit)."""
    return _colon_holder(text, folded, span[0], span[1], mentions)


def _lead_in_subject(text: str, folded: str, span: tuple[int, int], mentions: _Mentions) -> list[dict] | None:
    """The bodies that open a sentence introducing the bullets under it (`1. Giao Sở X là cơ quan đầu mối, chủ trì ...;
    tổ chức thực hiện các nhiệm vụ sau:`, QĐ 2853/QĐ-UBND HCM, 2025; `2. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố
    tổ chức theo dõi sát tình hình, ..., trong đó:` over `(1) ...`, CĐ 231/CĐ-TTg, 2025): their holders; else None."""
    s, e = span
    lm = _LABEL.match(text, s, e)
    p = lm.end() if lm else s
    p += len(folded[p:e]) - len(folded[p:e].lstrip(" *_\n"))
    intro = _rx()["list_intro"].search(folded, p, e)
    if e - p > 800 or not intro and not folded[p:e].rstrip(" *_\n").endswith(":"):
        return None
    ms = mentions.within(s, e)
    q = p
    for _, orx in _rx()["opener"]:
        om = orx.match(folded, p, e)
        if om:
            q = om.end()
            break
    subj, pos = _subject_list(folded, q, e, ms)
    if not subj or _rx()["powers"].match(folded, pos, e):
        return None  # (`2. Chủ tịch Ủy ban nhân dân cấp tỉnh có quyền:` over `a) Phạt cảnh cáo;`: powers, not duties)
    # `1. Sở X chỉ đạo Chi cục Y thực hiện các nội dung sau:` (KH 235/KH-UBND Thanh Hóa, 2025): the body directed
    # holds the duties with the one that directs it
    dm = _rx()["directs"].match(folded, pos, e)
    if not intro and (dm is None or re.search(r"[.;]", folded[pos:e])):
        return None  # (without `sau:`, only `c) Bộ Tài chính chỉ đạo Bảo hiểm xã hội Việt Nam:`; NQ 380/NQ-CP, 2025)
    if dm:
        subj += _subject_list(folded, dm.end(), e, ms)[0]
    return subj


def _holder_heading(text: str, folded: str, span: tuple[int, int], mentions: _Mentions) -> list[dict] | None:
    """Mentions that open a heading over bullets, the words after them describing the holder (`2. Các Sở,
    ngành chủ trì, quản lý, tham gia thực hiện các dự án ...`, `*1.5. Trách nhiệm của đối tượng thực hiện
    kiểm kê:*`), else None. A heading with `Trách nhiệm của` / `Nhiệm vụ của` names a holder even when the
    gazetteer does not know it (an empty list)."""
    s, e = span
    lm = _LABEL.match(text, s, e)
    p = lm.end() if lm else s
    p += len(folded[p:e]) - len(folded[p:e].lstrip(" *_\n"))
    ms = mentions.within(s, e)
    subj = _lead_in_subject(text, folded, span, mentions)
    if subj:
        return subj
    if e - p > 400 or re.search(r"[.;](?!\S)", folded[p:e].rstrip(" *_\n")):
        return None  # a sentence, not a heading
    hm = _rx()["holder"].match(folded, p, e)
    subj, _ = _subject_list(folded, hm.end() if hm else p, e, ms)
    if subj or hm:
        return subj
    if ms and not _leading_verb(folded, p, e):
        # `1.3. Các cơ quan tham mưu quản lý ngành, lĩnh vực (gồm các Sở: Xây dựng, ...)`: the bodies it names
        return ms
    if _CAC.match(folded, p) and not _leading_verb(folded, p, e):
        return []  # (the same heading when the gazetteer knows none of its names: a holder all the same)
    return None


_HOLDER_SCOPE = re.compile(r"\s(?:trong viec|trong|doi voi|ve|khi)\s")


def _written_holder(text: str, folded: str, span: tuple[int, int], mentions: _Mentions) -> list[dict] | None:
    """The holder a heading names in words the gazetteer does not know (`1.5. Trách nhiệm của đối tượng thực hiện kiểm
    kê:`, KH 1627 Quảng Ngãi; `8. Các đơn vị có TTHC`, CV 6278/BVHTTDL-VP; `2. Tổ chức làm nhiệm vụ bồi thường:`), as
    a mention named by those words (a group when they open with `các`); [] when the heading is more than a name; None
    when the holder is people, not a body (no task)."""
    s, e = span
    lm = _LABEL.match(text, s, e)
    p = lm.end() if lm else s
    p += len(folded[p:e]) - len(folded[p:e].lstrip(" *_\n"))
    hm = _rx()["holder"].match(folded, p, e) or next(
        (m for _, rx in _rx()["opener"] if (m := rx.match(folded, p, e))), None)
    if hm:
        p = hm.end() + len(folded[hm.end():e]) - len(folded[hm.end():e].lstrip(" *_\n"))
    for nl in re.finditer(r"\n[ \t*_]*(\S)", text[p:e]):
        if nl.group(1).isupper() and re.search(r"[.;:]", text[p + nl.end():e]):
            # (`Điều 84. Trách nhiệm của bộ, ...` / `Bộ, cơ quan ngang bộ, ... có trách nhiệm sau đây:`; Luật Đấu thầu
            # 2013: the sentence below an article's title; not `Trưởng` / `Ban Chỉ đạo`, a title wrapped)
            e = p + nl.start()
            break
    scope = _HOLDER_SCOPE.search(folded, p, e) if hm else None  # (`... của người sử dụng lao động trong việc bảo đảm ...`)
    e = scope.start() if scope else e
    paren = text.find("(", p, e)  # (`5. Các chủ rừng là tổ chức (các Ban quản lý rừng đặc dụng, ...)`: what it takes in)
    e = paren if paren != -1 else e
    end = p + len(text[p:e].rstrip(" *_\n:,"))
    words = folded[p:end].split()
    if _rx()["person_holder"].match(folded, p):
        return None  # (people, not a body: `Trách nhiệm của các cá nhân có liên quan`)
    if not 1 <= len(words) <= 14 or re.search(r"[.;:()]", text[p:end]) or _NOT_HOLDER.match(folded, p) \
            or not hm and _leading_verb(folded, p, end):  # (after `Trách nhiệm của`, `tổ chức` is a noun)
        return []
    return [written_body(text, p, end, mentions, group=words[0] in ("cac", "nhung"))]


def _titled_holder(text: str, folded: str, span: tuple[int, int], mentions: _Mentions) -> list[dict] | None:
    """`_holder_heading`, with a steering committee's office holder read as the committee (`Điều 5. Nhiệm vụ, quyền hạn
    của Trưởng ban`)."""
    hm = _holder_heading(text, folded, span, mentions)
    return (_committee_of_title(text, folded, span, mentions) or hm) if hm == [] else hm


def _committee_of_title(text: str, folded: str, span: tuple[int, int], mentions: _Mentions) -> list[dict] | None:
    """A heading that names only a steering committee's office holder (`Trách nhiệm của Ủy viên thường trực`): the
    committee the document names first (the one whose rules these are), as a mention at the heading; else None."""
    s, e = span
    lm = _LABEL.match(text, s, e)
    hm = _rx()["holder"].search(folded, lm.end() if lm else s, e)
    if not hm or not _rx()["committee_title"].match(re.sub(r"\s+", " ", folded[hm.end():e])):
        return None
    mn = next((m for m in mentions.rows if m["body_id"].startswith("ban-chi-dao-")), None)
    return [dict(mn, start=hm.end(), end=e, raw=text[hm.end():e].strip(" *_:\n"))] if mn else None


def _opener_heading(text: str, folded: str, span: tuple[int, int], mentions: _Mentions) -> list[dict] | None:
    """`1. Giao người đứng đầu các cơ quan chuyên môn, cơ quan hành chính khác, ...; Chủ tịch Ủy ban nhân dân các xã,
    phường và đặc khu` over bullets (Công văn 4240/UBND-VX HCM, 2025): `Giao` / `Đề nghị` / `Yêu cầu`, then names up to
    the end of the heading, no predicate after the last body: the bodies it names hold the items; else None."""
    s, e = span
    lm = _LABEL.match(text, s, e)
    p = lm.end() if lm else s
    p += len(folded[p:e]) - len(folded[p:e].lstrip(" *_\n"))
    om = next((m for _, rx in _rx()["opener"] if (m := rx.match(folded, p, e))), None)
    if om is None or e - p > 400:
        return None
    ms = mentions.within(om.end(), e)
    tail = folded[ms[-1]["end"]:e].strip(" *_\n:;,.") if ms else ""
    if not ms or len(re.findall(r"[^\W\d_]+", _connector_words().sub(" ", tail))) > 2:
        return None
    return ms


_SERVES = re.compile(r"[\s*_]*(?:giup|giup viec cho|tham muu cho|tham muu|phoi hop voi|bao cao|gui)\s")
_CAC = re.compile(r"cac\s")  # (`Các` / `đơn vị có TTHC`: the group word may end a line)
_UNKNOWN_HOLDERS = re.compile(r"[\s*_]*cac\s+(?:co quan|don vi|to chuc|co so|truong|phong|ban)(?!\w)")
_NOT_HOLDER = re.compile(r"(?:ve|doi voi|trong|nhiem vu|noi dung|cac nhiem vu|cac noi dung|giai phap|tien do|kinh phi)(?!\w)")


def _name_heading(text: str, folded: str, span: tuple[int, int], mentions: _Mentions) -> list[dict] | None:
    """In a responsibility section, a short heading that is a name, known or not, over items (`3. Ngân hàng Nhà nước chi
    nhánh khu vực 14` over `a) Chỉ đạo ...`, `6. Đề nghị các tổ chức cung cấp dịch vụ chi trả`; KH 157/KH-UBND Cần
    Thơ, 2025): its holder, the bodies it names (maybe none the gazetteer knows); else None."""
    s, e = span
    lm = _LABEL.match(text, s, e)
    p = lm.end() if lm else s
    p += len(folded[p:e]) - len(folded[p:e].lstrip(" *_\n"))
    head = folded[p:e].rstrip(" *_\n:")
    for _, rx in _rx()["opener"]:
        om = rx.match(folded, p, e)
        if om:
            p = om.end()
            break
    words = re.findall(r"[^\W\d_]+", folded[p:p + len(head)])
    if not words or len(words) > 14 or re.search(r"[.;:(]", head) or not text[p:p + 1].isupper() and \
            not _CAC.match(folded, p):
        return None
    if _leading_verb(folded, p, e) or _NOT_HOLDER.match(folded, p) or _rx()["aims"].match(folded, p):
        return None
    ms = mentions.within(s, e)
    if not ms and not _rx()["holder_noun"].match(folded, p):
        return None  # `1.2. Công tác lựa chọn nhà thầu`, `3.3. Chế độ báo cáo`: a topic, not a name
    return ms


def _subject_sentence(text: str, folded: str, span: tuple[int, int], mentions: _Mentions) -> list[dict] | None:
    """Mentions that open the sentence of an item over bullets when the sentence is itself a duty
    (`1. Các cơ quan, đơn vị, địa phương, doanh nghiệp căn cứ chức năng, nhiệm vụ được giao xây dựng kế hoạch
    ...;` over `- Giới thiệu điển hình ...`, `- Báo cáo Ủy ban nhân dân tỉnh ...`; KH 0124/KH-UBND Đắk Lắk,
    2025): its bodies hold the sentence and every bullet under it, else None."""
    s, e = span
    lm = _LABEL.match(text, s, e)
    p = lm.end() if lm else s
    p += len(folded[p:e]) - len(folded[p:e].lstrip(" *_\n"))
    body = folded[p:e].rstrip(" *_\n")
    if e - p > 800 or not re.search(r"[.;](?!\S)", body) or not body.endswith((".", ";", ":")):
        # a heading (no sentence) is for the heading readers; a sentence that runs on into the line below
        # (`... về trật tự xã hội` / `- Cơ quan thường trực Tổ công tác ...`, KH 308/KH-UBND Hà Nội) is no lead-in
        return None
    ms = mentions.within(p, e)
    subj, pos = _subject_list(folded, p, e, ms)
    if not subj or subj[0]["start"] > p:
        return None
    # the subject's verb or cue comes right after it, a few describing words allowed (`, doanh nghiệp căn cứ`)
    m = re.compile(r"[.;:]").search(folded, pos, e)
    clause = folded[pos:m.start() if m else e]
    if _cued(folded, pos, e) or re.match(r"(?:[\s,]+[^\W\d_]+){0,3}?[\s,]+can cu\b", clause):
        return subj
    return None


def _role_heading(text: str, folded: str, span: tuple[int, int], mentions: _Mentions) -> list[dict] | None:
    """A heading that names its holders and their role and ends with a colon over items (`1. Bộ Tài chính chủ trì, phối
    hợp với các Bộ, cơ quan liên quan và các địa phương:` over `a) Rà soát ...`; CĐ 226/CĐ-TTg, 2025): the holders."""
    s, e = span
    if e - s > 400 or not text[s:e].rstrip(" *_\n").endswith(":"):
        return None
    lm = _LABEL.match(text, s, e)
    p = lm.end() if lm else s
    p += len(folded[p:e]) - len(folded[p:e].lstrip(" *_\n"))
    subj, pos = _subject_list(folded, p, e, mentions.within(s, e), loose=text)
    if not subj or subj[0]["start"] > p:
        return None
    fm = _FUNCTION_PHRASE.match(folded, pos, e)
    return subj if _subject_roles(folded, fm.end() if fm else pos, e) else None


def _intro_doer(text: str, folded: str, s: int, e: int, mentions: _Mentions) -> list[dict] | None:
    """The doer of the sentence in [s, e) that introduces the items after it, ending with a colon: the bodies after
    `Đề nghị` / `Giao` / `Yêu cầu` (`Đề nghị Thường trực Tỉnh ủy tập trung lãnh đạo, ...; trong đó lưu ý một số nội dung
    trọng tâm sau:`, TB 634/TB-VPCP; `..., Ban Chỉ đạo của Chính phủ yêu cầu Chủ tịch Ủy ban nhân dân các tỉnh ... nội
    dung cụ thể sau:`, Công văn 171/CV-BCĐ, 2025), marked `as: requested` after `Đề nghị`; or, in a `... sau:` list
    intro, the bodies or the province right before `cần` / `phải` / `có trách nhiệm` (`..., tỉnh Đắk Lắk cần tiếp tục
    thực hiện ... một số nội dung trọng tâm sau:`, TB 623/TB-VPCP, 2025); else None."""
    tail = text[s:e].rstrip(" *_\n\t")
    if not tail.endswith(":"):
        return None
    ends = [m.end() for m in re.finditer(r"\.(?=\s)|\n[ \t]*\n", tail[:-1])]  # (`Đề nghị X ...; trong đó ... sau:`)
    e = s + len(tail)
    s += ends[-1] if ends else 0
    ms = mentions.within(s, e)
    for role, rx in _rx()["opener"]:
        for m in re.finditer(r"(?<!\w)" + rx.pattern, folded[s:e]):
            subj, _ = _subject_list(folded, s + m.end(), e, ms)
            if not subj and (group := addressee_group(text, folded, s + m.end(), e, mentions)):
                subj = [group]
            if subj:
                return [dict(mn, **{"as": role}) for mn in subj]
    # a paragraph of its own that is only the holders (`Ủy ban nhân dân các tỉnh, thành phố:`), or the holder that
    # directs another body (`Bộ Tài chính chỉ đạo Bảo hiểm xã hội Việt Nam:`), over `a) ...` (NQ 380/NQ-CP, 2025)
    p = s + len(folded[s:e]) - len(folded[s:e].lstrip(" *_\n"))
    if ms and ms[0]["start"] <= p + 2 and "\n\n" not in text[p:e] and e - p < 200:
        subj, pos = _subject_list(folded, ms[0]["start"], e, ms, loose=text)
        rest = folded[pos:e - 1].strip(" *_\n,")
        if subj and (not rest or _rx()["directs"].match(folded, pos, e) and not re.search(r"[.;]", rest)):
            return subj
    if not _rx()["list_intro"].search(folded, s, e) and not _DUTY_COLON.search(folded, s, e):
        return None  # (`Các cơ quan, đơn vị, cá nhân có thẩm quyền ... có trách nhiệm:` over `1. ...`; QĐ 218/2025 Hải Phòng)
    cue = _rx()["intro_doer"].search(text, s, e)
    if cue is None:
        return None
    before = text[s:cue.start()].rstrip()
    ms = mentions.within(s, cue.start())
    for i, mn in enumerate(ms):
        subj, pos = _subject_list(folded, mn["start"], cue.start(), ms[i:])
        if subj and s + len(before) <= pos:
            return subj
    place = re.search(r"(?:(?i:tỉnh)|(?i:thành)\s+(?i:phố))\s+[^,.;:()]+$", before)
    mn = place_committee(text, s + place.start(), s + len(before), mentions) if place else None
    if mn:
        return [mn]
    # `...; căn cứ vào phương hướng ..., Văn phòng Trung ương Đảng và các văn phòng tỉnh uỷ, thành uỷ cụ thể hoá để tổ
    # chức thực hiện, trong đó, cần tập trung một số nhiệm vụ trọng tâm sau:` (Kết luận 07-KL/VPTW, 2025): the last
    # clause that opens with bodies and goes on with a verb
    found = None
    for i in range(len(ms) - 1, -1, -1):
        lead = folded[max(s, ms[i]["start"] - 3):ms[i]["start"]]
        subj, pos = _subject_list(folded, ms[i]["start"], cue.start(), ms[i:])
        if found and subj and pos >= found[1]:
            found = (subj, found[1])  # (a longer list ending where the one found ends: `Văn phòng Trung ương Đảng và ...`)
            continue
        if found:
            break
        if ms[i]["start"] > s + 2 and not re.search(r"[,;]\s*(?:va\s+)?$", lead):
            continue
        nxt = re.match(r"[\s,]*([^\W\d_]+)", text[pos:cue.start()])
        if subj and nxt and nxt.group(1)[0].islower() and not _rx()["powers"].match(folded, pos, e):
            found = (subj, pos)
    return found[0] if found else None


def _visit_doer(doc: dict, text: str, folded: str, span: tuple[int, int], mentions: _Mentions) -> list[dict] | None:
    """In a Thông báo kết luận of a working session with a province (`... TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH PHÚ
    THỌ`), the province's committee holds the items of a `NHIỆM VỤ, GIẢI PHÁP` heading (TB 636/TB-VPCP, 2025)."""
    title = doc.get("title") or ""
    if not (doc.get("doc_type") or "").startswith("Thông báo") or not title:
        return None
    if not _rx()["visit_heading"].search(re.sub(r"\s+", " ", folded[span[0]:span[1]])):
        return None
    flat = re.sub(r"\s+", " ", title)
    m = _rx()["visit_title"].search(fold_same_length(flat).lower())
    if not m:
        return None
    mn = place_committee(flat, m.start(1), m.end(1), mentions)
    return [dict(mn, start=span[0], end=span[0])] if mn else None


def _names_own_holder(text: str, folded: str, span: tuple[int, int]) -> bool:
    """A heading that names who holds the items below, known to the gazetteer or not: a short phrase ending with a colon
    or opening with `Các` (`3. Cơ quan chủ trì giải quyết thủ tục đầu tư dự án:`, Chỉ thị 010/CT-UBND Đắk Lắk; `11. Các
    đơn vị cấp nước sạch trên địa bàn thành phố Cần Thơ`, Chỉ thị 09/CT-UBND Cần Thơ, 2025)."""
    s, e = span
    lm = _LABEL.match(text, s, e)
    p = lm.end() if lm else s
    head = folded[p:e].strip(" *_\n")
    if not head or len(head.split()) > 14 or re.search(r"[.;]", head) or _leading_verb(folded, p, e) \
            or _NOT_HOLDER.match(head) or _rx()["aims"].match(head):
        return False  # (`8. Về chính quyền địa phương 02 cấp:` is a topic, not a holder)
    return head.endswith(":") or head.startswith("cac ") or bool(_rx()["holder_noun"].match(head))


def _heading_cues(text: str, folded: str, span: tuple[int, int], holders: list[dict],
                  mentions: _Mentions) -> list[tuple[dict, str]]:
    """(mention, role) a heading over bullets gives each of them: `lead` for its holders when `chủ trì, phối hợp`
    follows them, and the bodies after `phối hợp với` as partners."""
    if not holders:
        return []
    s, e = span
    out = []
    after = holders[-1]["end"]
    fm = _FUNCTION_PHRASE.match(folded, after, e)
    if re.match(r"[\s,]*chu tri\s*,?\s*phoi hop", folded[fm.end() if fm else after:e]):  # (not `các Sở chủ trì dự án`)
        out += [(mn, "lead") for mn in holders]
    own = {id(mn) for mn in holders}
    out += [(mn, role) for mn, role in _roles_in(text, folded, s, e, mentions.within(s, e))
            if role == "partner" and id(mn) not in own]
    return out


def _section_tasks(text, folded, units, doc, mentions, tasks, roles, seen, taken):
    kids: dict = {}
    for u in units:
        kids.setdefault(u.get("parent_id"), []).append(u)
    for v in kids.values():
        v.sort(key=lambda u: u["start"])
    heading_rx = _rx()["heading"]
    by_id = {u["id"]: u for u in units}
    aims = _rx()["aims"]

    def under_aims(u) -> bool:  # `I. MỤC ĐÍCH, YÊU CẦU`: bodies named there hold no duty
        while u is not None:  # (a list of the acts that are fined is left by `walk` itself)
            lm = _LABEL.match(text, u["start"], u["end"])
            if lm and not u.get("demand") and aims.match(_head_words(folded, lm.end())) \
                    and not _addressed(folded, lm.end(), u["end"], mentions):
                return True
            u = by_id.get(u.get("parent_id"))
        return False

    def is_section(u):
        head = fold_same_length((u.get("heading") or "") + " " + u["text"][:160])
        return bool(heading_rx.search(re.sub(r"\s+", " ", head)))

    read: dict = {}

    def heading(reader, span):  # a heading reader's answer, read once per unit span (`own`, then the holders)
        key = (reader, span)
        if key not in read:
            read[key] = reader(text, folded, span, mentions)
        return read[key]

    def walk(u, inside, holder=None):
        lm = _LABEL.match(text, u["start"], u["end"])
        if lm and u["kind"] == "item" and _rx()["no_duty"].match(_head_words(folded, lm.end())):
            return  # (`7. Lưu ý quy định xử lý vi phạm hành chính ...:` over the acts that are fined)
        inside = inside or bool(u.get("duty"))
        children = kids.get(u["id"], [])
        hs_u = _heading_span(text, u, children)  # (the unit's heading: read once here, used by every reader below)
        if holder and not u.get("holder") and _names_own_holder(text, folded, hs_u):
            holder = None  # (a heading that names its own holder under a lead-in: `3. Cơ quan chủ trì giải quyết ...:`)
        holder = holder or u.get("holder")
        own = _rx()["holder"].match(folded, _strip_span(text, u["start"], u["end"])[0])  # `Trách nhiệm của X:`
        if not own and not inside and not children and u["kind"] in ("item", "clause") and not under_aims(u) \
                and re.match(r"[ \t*_]*\n[ \t]*\n[ \t*_]*[^\W\d_]", text[hs_u[1]:u["end"]]) \
                and not text[hs_u[0]:hs_u[1]].rstrip(" *_\n").endswith("."):
            # `**9. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam thành phố**` over a paragraph with no items (Chỉ thị
            # 09/CT-UBND Cần Thơ, 2025), `1. Sở Tư pháp` over `Chủ trì thẩm định ...` in a rule's article (QĐ
            # 102/2025/QĐ-UBND Phú Thọ): a heading of body names over one duty. (Not a name in a list, `17. Cục
            # Thông tin và Truyền thông Chính phủ.`, nor a heading whose sentence runs on in lower case.)
            para = text[hs_u[1]:u["end"]].lstrip(" \t\n*_")
            own = para[:1].isupper() and heading(_body_heading, hs_u) is not None
        if not own and not inside and not children and u["kind"] in ("item", "clause") and not under_aims(u):
            # `1. Sở Dân tộc và Tôn giáo, UBND cấp xã: Tiếp nhận hồ sơ ...` in a rule's article (QĐ 102/2025/QĐ-UBND
            # Phú Thọ): known holders and a colon open the duty wherever it stands
            cm = heading(_colon_of, (u["start"], u["end"]))
            after = text.find(":", cm[1]) + 1 if cm else 0
            # (not a lecture quoting the Constitution: `5. Viện Kiểm sát nhân dân tối cao:` / `Điều 107 Hiến pháp ...`)
            own = cm is not None and bool(cm[0]) and not _CITED_START.match(
                folded, after + len(text[after:u["end"]]) - len(text[after:u["end"]].lstrip(" *_\n")))
        group_colon = None
        if not own and children and u["kind"] in ("item", "article", "clause") and not under_aims(u) \
                and not any(_bullet(c.get("label")) for c in children):
            # `2. Các sở, ban, ngành, địa phương: Là các đơn vị được lấy ý kiến ..., chịu trách nhiệm ... các nội dung
            # sau:` over `2.1. Trách nhiệm chung` / `a) ...` (Chỉ thị 010/CT-UBND Đắk Lắk, 2025): the holder of every
            # item below that names no holder of its own
            group_colon = _colon_holder(text, folded, u["start"], hs_u[1], mentions)
            if group_colon is not None and group_colon[0]:
                for c in children:
                    walk(c, True, group_colon[0])
                taken.append((u["start"], group_colon[1]))
                return
        if not own and not holder and children and u["kind"] in ("item", "article") and not under_aims(u):
            # `II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP` / `..., tỉnh Đắk Lắk cần tiếp tục thực hiện ... sau:` over items that
            # name no doer (TB 623/TB-VPCP, 2025): the doer the lead-in names (or the province a visit's notice is
            # addressed to) holds every item below
            doer = _intro_doer(text, folded, hs_u[1], children[0]["start"], mentions) \
                or _visit_doer(doc, text, folded, hs_u, mentions)
            if doer and all(_bullet(c.get("label")) for c in children):
                inside, holder = True, doer  # (bullets are read with their parent, below)
            elif doer:
                if _DUTY_COLON.search(folded, hs_u[1], children[0]["start"]):
                    taken.append((hs_u[1], children[0]["start"]))  # (`X có trách nhiệm:` only leads in: no task)
                for c in children:
                    walk(c, True, doer)
                return
        if not own and not inside and children and u["kind"] in ("item", "article", "clause") and not under_aims(u):
            # a Chỉ thị has no `Tổ chức thực hiện`: `1. Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các xã` over
            # `a) ...` items is a heading of body names over their duties wherever it stands; so is a decision's
            # `Điều 2. Giao Giám đốc Sở Giáo dục và Đào tạo` over `1. ...`, `2. Chủ trì, ...` clauses (QĐ
            # 986/QĐ-UBND Tuyên Quang, 2024); and `1. Giao người đứng đầu các cơ quan ...` over bullets
            leaves = all(not kids.get(c["id"]) for c in children)
            own = heading(_body_heading, hs_u) is not None or leaves and (
                heading(_opener_heading, hs_u) is not None or heading(_role_heading, hs_u) is not None
                or bool(heading(_lead_in_subject, hs_u))
                # (`1. Định kỳ ..., Ủy ban nhân dân cấp xã có trách nhiệm:` over `a) ...`; NQ 70/2025/NQ-HĐND Hà Nội)
                or bool(_DUTY_COLON.search(folded, *hs_u) and _public(heading(_points_holder, hs_u)))
                # `8. Các đơn vị có TTHC` over `- Thực hiện nghiêm túc ...` (Công văn 6278/BVHTTDL-VP, 2025): a holder
                # the gazetteer does not know, over bullets
                or all(_bullet(c.get("label")) for c in children)
                and _UNKNOWN_HOLDERS.match(folded, lm.end() if lm else hs_u[0]) and heading(_name_heading, hs_u) is not None)
        # (`- Bộ Công Thương` over `+ Ban hành ...` bullets: a dash line that is only a name heads the bullets under it;
        # NQ 394/NQ-CP, 2025)
        named_dash = u.get("label") == "-" and children and all(c.get("label") == "+" for c in children) \
            and heading(_body_heading, hs_u) is not None
        if (inside or own) and (u.get("label") not in ("-", "+") or named_dash) \
                and not (u.get("label") or "").startswith("(") and u["kind"] not in ("table", "recipients", "signature"):
            hspan = hs_u
            hm = heading(_body_heading, hspan)
            bullets = children and all(_bullet(c.get("label")) for c in children)
            if hm is None and children and any(_bullet(c.get("label")) for c in children):
                hm = _titled_holder(text, folded, hspan, mentions)
            if hm is None and own and u["kind"] == "article":
                # `Điều 12. Trách nhiệm của Sở Khoa học và Công nghệ` over clauses, or over one paragraph (QĐ
                # 78/2025/QĐ-UBND Bắc Ninh): the body the title names
                hm = _titled_holder(text, folded, hspan, mentions)
            if hm is None and children and all(not kids.get(c["id"]) for c in children):
                hm = heading(_opener_heading, hspan) or heading(_role_heading, hspan) or heading(_lead_in_subject, hspan) \
                    or (hp if _public(hp := heading(_points_holder, hspan)) else None)
                if hm is None and _rx()["holder"].match(folded, _strip_span(text, (lm.end() if lm else u["start"]),
                                                                             hspan[1])[0]):
                    # `2. Trách nhiệm của Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương` over `a) ...` (QĐ
                    # 22/2013/QĐ-TTg): the holder the heading names
                    hm = _holder_heading(text, folded, hspan, mentions)
            lead_in = None
            if hm is None and inside and bullets:
                lead_in = _subject_sentence(text, folded, hspan, mentions)
                if lead_in is not None:
                    hm = lead_in
            details = hm is None and holder and bullets and all(not kids.get(c["id"]) for c in children) \
                and _details_heading(folded, hspan, mentions)
            if details:  # (`1. Thường xuyên rà soát, kiểm tra ..., cụ thể:` over `- Loại công việc ...`: one task)
                hm, hspan, whole = holder, (u["start"], u["start"]), True
            contents = bool(hm) and children and all(not kids.get(c["id"]) for c in children) \
                and _REPORT_CONTENTS.search(folded, hspan[0], hspan[1])
            if contents:
                # `1. Chủ tịch Ủy ban nhân dân các tỉnh: ... khẩn trương rà soát, thống kê, tổng hợp báo cáo cụ thể về một
                # số nội dung sau:` over `(1) Số hộ dân có nhà bị sập ...` (CĐ 232/CĐ-TTg, 2025): what the report holds
                hspan = (u["start"], u["start"])
            if hm is None and holder and children and all(not kids.get(c["id"]) for c in children):
                hm = holder  # (`2.1. Trách nhiệm chung` over `a) Đánh giá ...`: the holder named above)
            if hm is None and inside and children and all(not kids.get(c["id"]) for c in children):
                hm = _name_heading(text, folded, hspan, mentions)
            colon = None
            if hm is None and not children:
                colon = heading(_colon_of, (u["start"], u["end"]))
                if colon is not None:
                    hm, hspan = colon[0], (u["start"], colon[1])
            whole = details or hm is None and not children and inside and bool(holder) and len(re.findall(
                r"\w+", text[u["start"]:_item_end(text, u["start"], u["end"])])) > 6  # (not `h) Các đơn vị khác`)
            if whole:  # an item with no doer of its own under a holder named above: the whole item is its task
                hm, hspan = holder, (u["start"], u["start"])
            subheads = children and all(not _bullet(c.get("label")) and (kids.get(c["id"]) or (
                # (`2. Các Sở, ngành có liên quan` over `2.1. Sở Lao động - Thương binh và Xã hội:` / `- ...` and `2.4. Sở
                # Kế hoạch và Đầu tư:` / `Căn cứ ...`; QĐ 3210/QĐ-UBND HCM, 2014: every sub-heading names its own body)
                heading(_body_heading, _heading_span(text, c, [])) is not None
                or _colon_holder(text, folded, c["start"], c["end"], mentions) is not None)) for c in children)
            if hm == [] and not whole:  # a holder the gazetteer does not know: named by the heading's words
                hm = _written_holder(text, folded, hspan if colon is None else (
                    colon[1], text.find(":", colon[1], u["end"])), mentions)
            if hm is not None and not subheads:  # (`1. Nhiệm vụ của thành viên Ban Chỉ đạo` over `1.1. Trưởng Ban`)
                requested = bool(re.search(r"(?<!\w)de nghi", folded[hspan[0]:hspan[1]])) or (
                    colon is not None and re.match(r"[\s*_]*(?:de|kien) nghi(?!\w)", folded[colon[1]:colon[1] + 16]))
                # `2. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở X, UBND các phường:` over bullets (KH
                # HCM 2025): every bullet is led by the heading's body, with the heading's partners
                inherited = [] if colon is not None else _heading_cues(text, folded, hspan, hm, mentions)
                spans, own_holders = [], {}
                if children and not details and not contents:
                    p = hspan[1] + len(text[hspan[1]:children[0]["start"]]) - len(text[hspan[1]:children[0]["start"]].lstrip())
                    first = [] if p >= children[0]["start"] or text[p] not in "-+•" else [
                        (u["id"], *_strip_span(text, a, b)) for a, b in _bare_bullets(text, p, children[0]["start"], text[p])]
                    # (`1.2. Sở Tài chính ...` / `-\nTuyên truyền ...`: a first bullet the parser left in the heading)
                    # (`1. Giúp Thủ tướng Chính phủ:` over `a) ...` points under an article's holder: each point is a task;
                    # QĐ 170/QĐ-BCĐNNDL, 2025)
                    # (`2. Bộ Quốc phòng có trách nhiệm:` over `a) ...`: the points are that body's)
                    leaves = []
                    for c in children:
                        points = _lead_in_points(text, c, kids.get(c["id"], []))
                        leaves += points or [c]
                        if points:
                            cspan = (c["start"], points[0]["start"])
                            taken.append(cspan)
                            subj = heading(_points_holder, cspan)
                            own_holders.update({k["id"]: subj for k in points if subj})
                    spans = first + [(c["id"], *_strip_span(text, a, b)) for c in leaves if c["kind"] not in ("table",)
                             for a, b in _bare_bullets(text, c["start"], _item_end(text, c["start"], c["end"]),
                                                       c.get("label"))]
                    if lead_in is not None:  # the sentence that names the holder is a task of its own
                        spans = [(u["id"], *_strip_span(text, *hspan)), *spans]
                elif colon is not None or whole or contents:  # the task is the whole item, its holder included
                    s, e = _strip_span(text, hspan[1], _item_end(text, hspan[1], u["end"]))
                    spans = [(u["id"], s, e)]
                else:
                    p = hspan[1]
                    while p < u["end"] and text[p].isspace():
                        p += 1
                    s, e = _strip_span(text, p, _item_end(text, p, u["end"]))
                    if e > s:
                        spans = [(u["id"], s, e)]
                for uid, s, e in spans:
                    if taken.hit(s, e) or e - s < 3:
                        continue
                    # `Thời gian thực hiện: ...` (and other fields) under the bullet
                    found, dl = _read_fields(text, folded, inner_fields(text, s, e), mentions)
                    task = _task_row(doc, uid, s, e, text, "section", dl, cell=dl is not None)
                    tasks.append(task)
                    for mn, role in found:
                        _add_role(roles, seen, task["id"], mn["body_id"], role, mn["raw"])
                    own_roles = _roles_in(text, folded, s, e, mentions.within(s, e))
                    # `3. Công an Thành phố, Bộ Tư lệnh Thành phố` over `Công an Thành phố chủ trì phối hợp với Bộ
                    # Tư lệnh Thành phố ...`: a heading body the task names as partner is a partner only
                    partners = {mn["body_id"] for mn, role in own_roles if role == "partner"}
                    holders = own_holders.get(uid, hm)
                    gm = re.match(r"[\s*_]*giao\s", folded[s:e])
                    if gm:  # `b) Giao Thanh tra thành phố tổ chức thanh tra ...` under `8. Giám đốc Sở, Thủ trưởng
                        # cơ quan, ban, ngành` (Chỉ thị 09/CT-UBND Cần Thơ, 2025): the body given the item holds it
                        holders = _subject_list(folded, s + gm.end(), e, mentions.within(s, e))[0] or hm
                    elif hm is holder:  # `1. Ủy ban nhân dân Thành phố chỉ đạo ...`, `b) Giao đồng chí Bộ trưởng Bộ Xây
                        # dựng ...` under a lead-in that names the city or `các bộ, ngành, địa phương` (TB 641, 627/TB-VPCP,
                        # 2025): an item that names its own doer is that doer's, read as an inline assignment
                        ms_item = mentions.within(s, e)
                        first = next(_sentences(text, s, e), (s, e))
                        own_doer = _inline_assignment(text, folded, first[0], first[1], ms_item, True) if ms_item else None
                        subj, pos = _subject_list(folded, s, e, ms_item)
                        if own_doer and own_doer[0]:
                            for mn, role in own_doer[0]:
                                _add_role(roles, seen, task["id"], mn["body_id"], role, mn["raw"])
                            holders = []
                        elif subj and subj[0]["start"] <= s + 2 and text[pos:e].lstrip(" \t\n,")[:1].islower():
                            holders = subj  # (`a) Bộ Xây dựng, các địa phương, cơ quan chủ quản các dự án đang ...`)
                        elif places := place_list(text, s, e, mentions):
                            holders = places[0]  # (`a) Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương ...`)
                    for mn in holders:
                        if mn["body_id"] in partners and len(hm) > 1:
                            continue
                        _add_role(roles, seen, task["id"], mn["body_id"],
                                  "requested" if requested or mn.get("as") == "requested" else "responsible", mn["raw"])
                        for role in _heading_roles(folded, s, e):
                            _add_role(roles, seen, task["id"], mn["body_id"], role, mn["raw"])
                    for mn, role in [*inherited, *own_roles]:
                        _add_role(roles, seen, task["id"], mn["body_id"], role, mn["raw"])
                    taken.append((s, e))
                taken.append(hspan)
                return
            if hm and subheads and any(not heading(_body_heading, _heading_span(text, c, [])) for c in children):
                # `1. Sở Công Thương` over `a) Chủ trì, phối hợp với các sở, ...` / `- ...` (QĐ 2954/QĐ-UBND Sơn La, 2025):
                # the body holds the bullets of the role headings below it
                holder = hm
        inside = inside or is_section(u)
        for c in children:
            walk(c, inside, holder)

    roots = kids.get(None, [])
    doer, demanded = None, False
    for i, u in enumerate(roots):
        if u["kind"] != "item":
            doer, demanded = None, False
        elif i and roots[i - 1]["kind"] in ("paragraph", "preamble"):
            # `Trước tình hình đó, Bộ Văn hóa, Thể thao và Du lịch yêu cầu:` over `1. Thủ trưởng các cơ quan, đơn vị được
            # giao nhiệm vụ` / `- Chịu trách nhiệm ...` (Công văn 6225/BVHTTDL-VP, 2025): the items are what is demanded
            demanded = bool(_DEMAND_END.search(folded, roots[i - 1]["start"], u["start"]))
            # `..., Thủ tướng Chính phủ yêu cầu Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, ..., Chủ tịch Ủy ban nhân dân các
            # tỉnh, thành phố trực thuộc Trung ương thực hiện một số nhiệm vụ trọng tâm cấp bách sau:` over `1. ...` (CĐ
            # 229/CĐ-TTg, 2025): a lead-in paragraph hands the items after it to its doer; so does the last sentence of
            # a Công điện's preamble over `I. VỀ HOÀN THIỆN THỂ CHẾ` (CĐ 220/CĐ-TTg, 2025)
            p = roots[i - 1]["start"]
            if roots[i - 1]["kind"] == "preamble":
                cut = max(text.rfind(".\n", p, u["start"] - 2), text.rfind("\n\n", p, u["start"] - 2))
                p = cut + 2 if cut != -1 else p
            # (not a report's or a submission's: `..., Sở Công Thương tổng hợp báo cáo ... như sau:` opens its facts)
            doer = None if roots[i - 1]["kind"] == "preamble" and doc.get("doc_type") in ("Báo cáo", "Tờ trình") \
                else _intro_doer(text, folded, p, u["start"], mentions)
        if (doer or demanded) and under_aims(u):  # (`I. QUAN ĐIỂM CHỈ ĐẠO`, `II. MỤC TIÊU` after the lead-in: no
            walk(u, False)  # duties; NQ 394/NQ-CP)
        else:
            walk(u, bool(doer) or demanded, doer)


# a lead-in that ends with the demand itself, its addressees in the items below
_DEMAND_END = re.compile(r"(?<!\w)(?:yeu cau|de nghi)[\s*_]*:[\s*_]*$")


def _points_holder(text: str, folded: str, span: tuple[int, int], mentions: _Mentions) -> list[dict] | None:
    """The bodies that open a short lead-in over points (`2. Bộ Quốc phòng có trách nhiệm:`, `3. Trách nhiệm của tổ
    chức, cá nhân gửi hàng:`; Luật Năng lượng nguyên tử 2008), else None."""
    s, e = span
    lm = _LABEL.match(text, s, e)
    p = lm.end() if lm else s
    p += len(folded[p:e]) - len(folded[p:e].lstrip(" *_\n"))
    if _SERVES.match(folded, p, e) or not folded[p:e].rstrip(" *_\n").endswith(":"):
        return None  # (`1. Giúp Thủ tướng Chính phủ:`: whom the holder serves; no colon, no lead-in)
    hm = _holder_heading(text, folded, span, mentions)
    if hm:
        return hm
    when = _WHEN_FIRST.match(folded, p, e)  # (`1. Định kỳ (trước ngày 30 tháng 6 hằng năm), Ủy ban nhân dân cấp xã có
    p = when.end() if when else p          # trách nhiệm:`; NQ 70/2025/NQ-HĐND Hà Nội)
    subj, pos = _subject_list(folded, p, e, mentions.within(s, e))
    rest = folded[pos:e].strip(" *_\n")
    if subj and subj[0]["start"] <= p + 2 and rest.endswith(":") and len(rest.split()) <= 6 \
            and not re.search(r"[.;]", rest) and not _rx()["powers"].match(folded, pos, e):
        return subj
    return None


def _public(holders: list[dict] | None) -> bool:
    """Holders that are public bodies, not investors or firms (`5. Chủ đầu tư dự án ... có trách nhiệm:` in a decision
    on rents, QĐ 71/2025/QĐ-UBND Bắc Ninh: duties of private parties, not assignments)."""
    return bool(holders) and not any(_rx()["private"].search(mn["body_id"]) for mn in holders)


_DUTY_COLON = re.compile(r"(?<!\w)(?:co|chiu) trach nhiem[\s*_]*:[\s*_]*$")
_WHEN_FIRST = re.compile(r"(?:dinh ky|hang nam|hang quy|hang thang|truoc ngay)[^,:;.]{0,60},\s*")


def _lead_in_points(text: str, unit: dict, children: list[dict]) -> list[dict] | None:
    """The points of an item that only introduces them (its own words end with a colon, its points have none of
    their own below), else None."""
    if not children or any(not re.fullmatch(r"[a-zđ]", c.get("label") or "") for c in children):
        return None
    return children if text[unit["start"]:children[0]["start"]].rstrip(" *_\n").endswith(":") else None


# the end of a duty whose bullets spell out its content (`..., cụ thể:`, `..., cụ thể như sau:`)
_DETAILS_END = re.compile(r",?\s*cu the(?: nhu sau)?\s*:[\s*_]*$")


def _details_heading(folded: str, span: tuple[int, int], mentions: _Mentions) -> bool:
    """An item that states a duty and ends with `cụ thể:` over bullets (Công văn 10283/SNV-LĐTLBHXH Hồ Chí Minh, 2025:
    `1. Thường xuyên rà soát, kiểm tra hoạt động ... theo quy định tại Điều 58 Bộ luật Lao động, cụ thể:`): the bullets
    are what the duty covers, not duties of their own. (Not a holder, a topic or a caption: `1. Sở X, cụ thể:`, `Về ...`,
    `Những lưu ý ...`.)"""
    s, e = span
    lm = _LABEL.match(folded, s, e)
    p = lm.end() if lm else s
    p += len(folded[p:e]) - len(folded[p:e].lstrip(" *_\n"))
    if not _DETAILS_END.search(folded, p, e) or _TOPIC_START.match(folded, p):
        return False
    ms = mentions.within(p, e)
    return not (ms and ms[0]["start"] <= p + 2) and len(folded[p:e].split()) >= 6


# a report's contents listed below it (`... tổng hợp báo cáo cụ thể về một số nội dung sau:`)
_REPORT_CONTENTS = re.compile(r"(?:bao cao|thong ke)[^.;:]{0,80}?(?:noi dung|thong tin|so lieu)\s*(?:sau|nhu sau)"
                              r"\s*:[\s*_]*$")
_TOPIC_START = re.compile(r"(?:ve|doi voi|nhung|cac|mot so|trach nhiem|nhiem vu)(?!\w)")


def _bare_bullets(text: str, start: int, end: int, label: str | None) -> list[tuple[int, int]]:
    """[start, end) split where a line holds only the item's own bullet label: trafilatura wraps `-\nPhân công,
    chỉ đạo ...` so that the parser keeps that bullet inside the one above it."""
    if label not in ("-", "+", "•"):
        return [(start, end)]
    out, pos = [], start
    for m in re.finditer(r"\n[ \t]*\n[ \t]*" + re.escape(label) + r"[ \t]*(?=\n)", text[start:end]):
        out.append((pos, start + m.start()))
        pos = start + m.start() + 1
    out.append((pos, end))
    return out


def _item_end(text: str, start: int, end: int) -> int:
    """Where an item's text ends: at a blank line before an unlabelled paragraph (the plan's closing
    `Trên đây là Kế hoạch ...` is not part of the last bullet above it)."""
    for m in _PARAGRAPH.finditer(text, start, end):
        if m.end() < end and not _LABEL.match(text, m.end()) and not text.startswith("|", m.end()) \
                and not field_kind(text[m.end():min(end, m.end() + 120)]):  # `Thời gian thực hiện: ...` is the item's
            return m.start()
    return end


def _heading_roles(folded: str, s: int, e: int) -> list[str]:
    """Extra roles of the heading's body from the task's own first words (`Chủ trì ...`, `Tham mưu ...`)."""
    out = []
    head = folded[s:min(e, s + 40)]
    if head.startswith(("chu tri", "la dau moi", "la co quan dau moi", "la co quan thuong truc")):
        out.append("lead")
    if re.match(r"(?:[^.;]{0,40})tham muu", folded[s:e]):
        out.append("advise")
    if re.match(r"(?:theo doi|don doc|giam sat|kiem tra|huong dan, don doc)", head):
        out.append("monitor")
    return out
