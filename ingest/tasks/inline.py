"""Inline assignments: sentences that give a body a duty outside sections and tables."""

from __future__ import annotations

import re

from ingest.bodies import LIST_HEAD_END
from ingest.tasks.action import leading_action
from ingest.tasks.common import (
    _LABEL,
    _RECIPIENTS,
    _SKIP_KINDS,
    _addressed,
    _alt,
    _connector_words,
    _cued,
    _head_words,
    _is_connector,
    _roles_in,
    _rx,
    _strip_span,
    _subject_roles,
    _Taken,
    addressee_spans,
)
from ingest.tasks.rows import _add_role, _task_row
from ingest.tasks.subjects import (
    _EXHORTED,
    _TITLES,
    _exhortation,
    _leading_verb,
    _opened,
    _subject_list,
    _with_responsible,
    place_doer,
)

# ---------------------------------------------------------------- inline

# A line break ends a sentence after end punctuation, before a blank line or a list label; trafilatura
# wraps running text mid-sentence, so other line breaks do not.
_SENT_END = re.compile(r"(?<!\bTP)(?<!\bTp)[.!?](?:/\.)?(?=\s+[A-ZÀ-ỸĐ(\-+])"
                       r"|(?<=[.;:!?])[ \t]*\n|\n(?=[ \t]*(?:\n|[-+•*][ \t]|[a-zđ]\)|\d+(?:\.\d+)*[.)][ \t]|[IVX]+\.))")


def _sentences(text: str, start: int, end: int):
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        if text[m.start() - 1:m.start()] == ":" and text[m.end():m.end() + 1].islower():
            continue  # `... sử dụng rừng:\ngiao Bộ ...` (TB 634/TB-VPCP, 2025): a caption and its answer, one sentence
        if LIST_HEAD_END.search(text, max(start, m.start() - 30), m.start()):
            continue  # (`Bộ trưởng các Bộ:\nXây dựng, Ngoại giao, ... chịu trách nhiệm thi hành`: the names it heads)
        yield pos, m.end() if text[m.start()] != "\n" else m.start()
        pos = m.end()
    if pos < end:
        yield pos, end




def _inline_tasks(text, folded, units, doc, mentions, tasks, roles, seen, taken):
    by_start = sorted(units, key=lambda u: u["start"])
    skip = _Taken(len(text))
    for u in units:
        if u["kind"] in _SKIP_KINDS:
            skip.append((u["start"], u["end"]))
    for span in addressee_spans(text):
        skip.append(span)
    for m in _RECIPIENTS.finditer(text):  # a `NƠI NHẬN` list the structure parser read as items (Nghị định
        skip.append((m.start(), m.end()))  # 202/2026/NĐ-CP): `- Thủ tướng, các Phó Thủ tướng Chính phủ;` is no duty
    by_id = {u["id"]: u for u in units}
    aims = _rx()["aims"]

    memo: dict = {}

    def under_aims(u) -> bool:  # `I. MỤC ĐÍCH, YÊU CẦU`, `2. Yêu cầu`, `Quan điểm`: no tasks there
        if u is None:
            return False
        if u["id"] not in memo:
            lm = _LABEL.match(text, u["start"], u["end"])
            head = _head_words(folded, lm.end()) if lm else ""
            memo[u["id"]] = bool(lm and (u["kind"] == "item" and _rx()["no_duty"].match(head)
                                         or not u.get("demand") and aims.match(head)
                                         and not _addressed(folded, lm.end(), u["end"], mentions))) or \
                under_aims(by_id.get(u.get("parent_id")))
        return memo[u["id"]]

    heading_rx, duty_rx = _rx()["heading"], _rx()["duty_zone"]
    zone: dict = {}

    def bare_ok(u) -> bool:  # inside a duty section, an article, or no section at all
        if u is None:
            return True
        if u["id"] not in zone:
            end = folded.find("\n\n", u["start"], u["start"] + 200)  # the heading, not the text under it
            head = re.sub(r"\s+", " ", folded[u["start"]:end if end != -1 else u["start"] + 200])
            if u["kind"] == "article" or heading_rx.search(head) or duty_rx.search(head):
                zone[u["id"]] = True
            elif u.get("label") and re.fullmatch(r"[IVXLC]+", u["label"]):
                # a part of the plan that assigns no duty (Nội dung); `II. CÁC NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM` of a
                # resolution gives them to the bodies its items open with (`b) Bộ Tài chính tiếp tục xuất cấp hàng dự
                # trữ quốc gia ...`; NQ 380/NQ-CP, 2025)
                zone[u["id"]] = bool(re.search(r"nhiem vu", head))
            else:
                zone[u["id"]] = bare_ok(by_id.get(u.get("parent_id")))
        return zone[u["id"]]

    regions = []
    for u in by_start:
        if u["kind"] in _SKIP_KINDS or skip.hit(u["start"], u["start"] + 1) or under_aims(u):
            continue
        regions.append((u, u["start"], u["start"] + len(u["text"])))
    for u, rs, re_ in regions:
        for s, e in _sentences(text, rs, re_):
            s, e = _strip_span(text, s, e)
            if e - s < 10 or taken.hit(s, e):
                continue
            ms = mentions.within(s, e)
            found = _inline_assignment(text, folded, s, e, ms, bare_ok(u)) if ms else None
            if not found:
                pd = place_doer(text, folded, s, e, mentions)
                found = ([(pd[0], "responsible")], pd[1]) if pd else found
            last = tasks[-1] if tasks else None
            follows = (last and last["origin"] == "inline" and last["unit_id"] == u["id"] and last["end"] <= s
                       and not text[last["end"]:s].strip() and "\n\n" not in text[last["end"]:s])
            if not found and follows and text[u["start"]:u["start"] + 1] not in "-+•":
                found = [], None  # `1. Các cơ quan ... xây dựng Kế hoạch .... Định kỳ báo cáo ... hằng năm`: one item
            if not found:
                continue
            subj_roles, pred = found
            if not subj_roles and follows:
                # `... nghiêm túc triển khai thực hiện. Trong quá trình thực hiện, ... kịp thời phản ánh về X`:
                # a duty with no subject of its own goes on the task before it
                last["end"], last["text"] = e, text[last["start"]:e]
                for k, v in _task_row(doc, u["id"], s, e, text, "inline").items():
                    if k.startswith(("deadline", "recurrence")) and v and not last.get(k):
                        last[k] = v
                for mn, role in _roles_in(text, folded, s, e, ms):
                    _add_role(roles, seen, last["id"], mn["body_id"], role, mn["raw"])
                taken.append((s, e))
                continue
            if not subj_roles and not any(r == "report_to" for _, r in _roles_in(text, folded, s, e, ms)):
                continue  # a duty with no subject and nothing sent to a body, after no task to go on
            ts = _paragraph_lead(text, rs, s, taken, mentions)
            task = _task_row(doc, u["id"], ts, e, text, "inline", action_from=pred if ts == s else None)
            if ts != s:
                task["action"] = leading_action(text[pred or s:e].lstrip(" ,:"))
            tasks.append(task)
            for mn, role in subj_roles:
                _add_role(roles, seen, task["id"], mn["body_id"], role, mn["raw"])
            topic = _TOPIC.match(folded, s, e)  # (`Về đề nghị các bộ, ngành ...: X ...`: the topic's bodies have no role)
            for mn, role in _roles_in(text, folded, topic.end() if topic else s, e, ms):
                _add_role(roles, seen, task["id"], mn["body_id"], role, mn["raw"])
            taken.append((ts, e))


def _paragraph_lead(text: str, region_start: int, s: int, taken: _Taken, mentions) -> int:
    """Where an inline task starts: at its paragraph when sentences with no duty open the paragraph (`Trên đây
    là Kế hoạch giám sát ... năm 2025. Trong quá trình tổ chức thực hiện, ... đề nghị các cơ quan, đơn vị kịp
    thời phản ánh về Sở X`: the closing paragraph is the task), else `s`. Lead-in sentences that name a body
    are findings, not part of the duty (`Qua tổng hợp báo cáo của Bộ X ... là mưa lũ vượt lịch sử. Bộ X, các ngành
    ... cần khảo sát ...`; Thông báo 661/TB-VPCP, 2025)."""
    p = text.rfind("\n\n", region_start, s)
    p = region_start if p == -1 else p + 2
    p, _ = _strip_span(text, p, s)
    lead = text[p:s].rstrip()
    if p < s and lead.endswith(".") and not re.search(r":[ \t]*\n", lead) and not taken.hit(p, s) \
            and not _LABEL.fullmatch(lead) and not mentions.within(p, s):
        return p  # (`Chính phủ:\nĐiều 94 ...`: a heading line is no lead-in sentence)
    return s


# `đã` / `đang` / `vừa` before the verb tell what was done, not what must be (`Bộ Chính trị, Ban Bí thư, đứng đầu là
# đồng chí Tổng Bí thư đã tập trung lãnh đạo`; Thông báo 661/TB-VPCP, 2025)
_PAST = re.compile(r"(?:[\s,]+[^\W\d_]+){0,10}?[\s,]+(đã|đang|vừa)\s+(?!được\s+giao|qua(?!\w))", re.I)


def _narrative(text: str, folded: str, pos: int, e: int) -> bool:
    """The subject at `pos` is told of in the past or present (`... đã tập trung lãnh đạo`), before any role cue
    (matched on the text: `tối đa` folds like `đã`)."""
    m = re.compile(r"[.;:]").search(folded, pos, e)
    clause_end = m.start() if m else e
    past = _PAST.match(text, pos, clause_end)
    return past is not None and not _cued(folded, pos, past.end())


_WORD = re.compile(r"[^\W\d_]+")
# `4. Về việc điều chỉnh Nghị định ...: Giao Bộ ...` (TB 648/TB-VPCP, 2025): a topic caption before the assignment
_TOPIC = re.compile(r"ve\s[^:]{0,800}?:\s*")


def _after_titled_names(text: str, folded: str, pos: int, e: int) -> int | None:
    """Where the predicate starts after titled names the gazetteer does not know (`, Chủ tịch Hội đồng thành viên,
    Tổng giám đốc các Tập đoàn, Tổng Công ty, đơn vị liên quan | tiếp tục ...`): at the first lower-case word that is
    no connector and is not followed, before the next comma, by a capitalised name; None at a sentence mark."""
    p = pos
    while p < e:
        p += len(folded[p:e]) - len(folded[p:e].lstrip(" \t\n,"))
        if p >= e or folded[p] in ".;:":
            return None
        cw = _connector_words().match(folded, p)
        if cw and cw.end() > p:
            p = cw.end()
            continue
        w = _WORD.match(folded, p)
        if not w:
            return None
        if text[p].isupper():
            p = w.end()
            continue
        comma = folded.find(",", p, e)
        if comma != -1 and len(_WORD.findall(folded[p:comma])) <= 3 and text[comma + 1:comma + 3].strip()[:1].isupper():
            p = comma + 1  # (`thành viên, Tổng giám đốc`: the rest of a name)
            continue
        return p
    return None


def _cue_in_sentence(folded: str, pos: int, e: int) -> bool:
    """A role cue (`có trách nhiệm`, `chủ trì` ...) after `pos`, before the sentence's first `.`, `;` or `:`."""
    m = re.compile(r"[.;:]").search(folded, pos, e)
    end = m.start() if m else e
    return any(rx.search(folded, pos, end) for _, rx in _rx()["after"])


def _inline_assignment(text, folded, s, e, ms, bare: bool = True):
    """([(mention, role)], where the predicate starts) when the sentence [s, e) assigns a duty, else None.

    `bare`: a body followed by a verb with no cue word (`Các sở, ngành chủ động bố trí ...`) is a duty; true
    in responsibility sections, Kinh phí, decision articles and text with no sections, false in content
    sections (`Các bước đánh giá`: `+ Các cơ quan, đơn vị liên quan thu thập thông tin ...` is a step)."""
    if _rx()["intro"].search(folded, s, e):  # `UBND tỉnh ban hành Kế hoạch ... như sau:` opens the plan
        return None
    # `4. Về việc điều chỉnh Nghị định số 105/2020/NĐ-CP ... của Chính phủ: Giao Bộ Giáo dục và Đào tạo ...` (Thông
    # báo 648/TB-VPCP, 2025): a topic caption, then the assignment
    topic = _TOPIC.match(folded, s, e)
    if topic and topic.end() >= e:
        return None  # `1. Về kiến nghị ...:` over the answer: the topic alone assigns nothing (TB 636/TB-VPCP, 2025)
    if topic:
        opened = _opened(folded, topic.end(), s, e, ms)
        if opened:
            return None if opened is _EXHORTED else opened
        # `2. Về đề nghị Bộ Nội vụ tham mưu ...: Bộ Nội vụ nghiên cứu đề xuất ...` (TB 641/TB-VPCP, 2025): the answer's
        # subject holds it; bodies named in the topic do not
        subj, pos = _subject_list(folded, topic.end(), e, ms)
        nxt = re.search(r"[^\W\d_]", text[pos:e]) if subj else None
        if subj and subj[0]["start"] == topic.end() and nxt and nxt.group(0).islower() \
                and len(re.findall(r"\w+", folded[pos:e])) >= 3 and not _exhortation(folded, s, e):
            return [(mn, r) for mn in subj for r in _with_responsible(_subject_roles(folded, pos, e))], pos
    cap = re.match(r"[^\W\d][^:.;\n]{0,30}:[ \t]*", folded[s:e])
    if cap and re.match(r"(?:dia diem|dia chi|thoi gian|thanh phan)\s*:", cap.group(0)):
        return None  # (`Địa điểm: Sở Công Thương Lào Cai, địa chỉ: ...`: where a meeting is held, no duty; KH 3957 Lào Cai)
    if cap and not any(s <= mn["start"] < s + cap.end() for mn in ms):
        # `- Báo cáo tháng: Sở Tài chính tổng hợp báo cáo ...` (Công văn 6397/UBND-KT Hà Nội, 2025): a caption,
        # then the subject
        subj, pos = _subject_list(folded, s + cap.end(), e, ms)
        nxt = re.search(r"[^\W\d_]", text[pos:e]) if subj else None
        if subj and subj[0]["start"] == s + cap.end() and nxt and nxt.group(0).islower() \
                and len(re.findall(r"\w+", folded[pos:e])) >= 3 and not _exhortation(folded, s, e):
            after = _with_responsible(_subject_roles(folded, pos, e))
            return [(mn, r) for mn in subj for r in after], pos
    opened = _opened(folded, s, s, e, ms)
    if opened:
        return None if opened is _EXHORTED else opened
    subj, pos = _subject_list(folded, s, e, ms, loose=text)
    if subj:
        # `Ủy ban nhân dân tỉnh yêu cầu các sở ... triển khai`: the duty is on the bodies after the verb
        opened = _opened(folded, pos + len(folded[pos:e]) - len(folded[pos:e].lstrip(" \t\n,")), s, e, ms)
        if opened:
            return None if opened is _EXHORTED else opened
    if subj and not bare and not _cued(folded, pos, e):
        return None  # `+ Các cơ quan, đơn vị liên quan thu thập thông tin ...`: a step of the method, not a duty
    if subj and (_narrative(text, folded, pos, e) or _rx()["notice"].match(folded, pos, e) or _rx()["powers"].match(
            folded, pos, e) and not _cue_in_sentence(folded, pos, e)):
        # (`Các tổ chức, cá nhân được cấp giấy phép thăm dò, khai thác khoáng sản có trách nhiệm ...`: a duty after all)
        return None  # (`Văn phòng Chính phủ thông báo để ... biết, thực hiện./.`: the notice's closing, no duty)
    nxt = re.search(r"[^\W\d_]", text[pos:e]) if subj else None
    if subj and nxt and nxt.group(0).isupper() and subj[0]["start"] <= s + 2 and "\n" in text[pos:pos + nxt.start()] \
            and not text[pos:pos + nxt.start()].strip(" \t\n*_") and _leading_verb(folded, pos + nxt.start(), e):
        # `1. Bộ trưởng các Bộ, Thủ trưởng cơ quan ngang bộ` / `Tập trung chỉ đạo quyết liệt ...` (CĐ 220/CĐ-TTg, 2025):
        # the name on its own line, the duty on the lines below
        p = pos + nxt.start()
        return [(mn, r) for mn in subj for r in _with_responsible(_subject_roles(folded, p, e))], p
    if subj and nxt and nxt.group(0).isupper():
        # `Chủ tịch Ủy ban nhân dân các cấp, Thủ trưởng các cơ quan có thẩm quyền xử phạt ... chịu trách nhiệm thi
        # hành Nghị định này` (Điều 11.3, NĐ 281/2026/NĐ-CP): a second titled subject the gazetteer does not know,
        # then the cue of the whole list
        tm = re.match(r"[\s,]*(?:va\s+)?(?:" + _alt(_TITLES) + r")\s", folded[pos:e])
        cm = re.compile(r"(?<!\w)(?:chiu|co)\s+trach\s+nhiem(?!\w)").search(folded, pos, e) if tm else None
        if cm and not re.search(r"[.;:]", folded[pos:cm.start()]):
            if _exhortation(folded, s, e):
                return None
            after = _with_responsible(_subject_roles(folded, cm.start(), e))
            return [(mn, r) for mn in subj for r in after], cm.start()
        pred = _after_titled_names(text, folded, pos, e) if tm else None
        if pred is not None and len(re.findall(r"\w+", folded[pred:e])) >= 3 and not _exhortation(folded, s, e):
            # `Bộ trưởng ..., Chủ tịch Ủy ban nhân dân các tỉnh ..., Chủ tịch Hội đồng thành viên, Tổng giám đốc các
            # Tập đoàn, Tổng Công ty, đơn vị liên quan tiếp tục nâng cao ...` (CĐ 224/CĐ-TTg, 2025)
            return [(mn, r) for mn in subj for r in _with_responsible(_subject_roles(folded, pred, e))], pred
    if subj and len(re.findall(r"\w+", folded[pos:e])) >= 3 and nxt and nxt.group(0).islower():
        # (`Sở Tư pháp, Sở Khoa học và Công nghệ, Phòng Hành chính ...`: a list of names, no predicate)
        if _exhortation(folded, s, e):
            return None  # `Các cơ quan, đơn vị được phân công ... có trách nhiệm thực hiện nghiêm túc` (QĐ 2820 HCM)
        after = _with_responsible(_subject_roles(folded, pos, e))
        return [(mn, r) for mn in subj for r in after], pos
    m = _rx()["adverbial"].match(folded, s, e)
    if m:  # `Căn cứ nội dung Kế hoạch ..., các sở, ngành ... xây dựng kế hoạch`: the subject after the clause
        for c in re.finditer(r",", folded[m.end():min(e, s + 200)]):
            p = m.end() + c.end()
            p += len(folded[p:e]) - len(folded[p:e].lstrip())
            opened = _opened(folded, p, s, e, ms)  # `Trong quá trình thực hiện, nếu có vướng mắc, đề nghị X phản ánh`
            if opened:
                return None if opened is _EXHORTED else opened
            if not bare:
                continue
            subj, pos = _subject_list(folded, p, e, ms)
            if subj and m.group(0).strip().startswith("truong hop") and not _cued(folded, pos, e):
                continue  # (`Trường hợp hồ sơ hợp lệ, Cục X cấp ...`: a step of a procedure; `Trường hợp cần thiết ...,
                # Sở X có trách nhiệm tham mưu ...` is a duty; QĐ 84/2025/QĐ-UBND Bắc Ninh)
            if subj and len(re.findall(r"\w+", folded[pos:e])) >= 3 and not _narrative(text, folded, pos, e):
                after = _subject_roles(folded, pos, e) or ["responsible"]
                return [(mn, r) for mn in subj for r in after], pos
    if _leading_verb(folded, s, e):  # `Tham mưu Ủy ban nhân dân Thành phố theo dõi ...`: no subject of its own
        return [], None
    # a subject inside the sentence: `Trên cơ sở Kế hoạch này, các sở ... tổ chức thực hiện`
    for mn in ms:
        after = _subject_roles(folded, mn["end"], e)
        if after:
            subj, pos = _subject_list(folded, mn["start"], e, ms)
            return [(x, r) for x in subj for r in (after or ["responsible"])], pos
    for role, rx in _rx()["before"]:
        if role == "report_to":
            for m in rx.finditer(folded, s, e):
                if any(mn["start"] >= m.end() and _is_connector(folded[m.end():mn["start"]]) for mn in ms):
                    # `..., vướng mắc các cơ quan, đơn vị kịp thời phản ánh về X`: the bodies just before the
                    # report cue are the ones that must report
                    for mn in ms:
                        if mn["end"] > m.start():
                            break
                        subj, pos = _subject_list(folded, mn["start"], m.start(), ms)
                        if subj and len(re.findall(r"\w+", folded[pos:m.start()])) <= 3:
                            return [(x, "responsible") for x in subj], pos
                    return [], None
    return None
