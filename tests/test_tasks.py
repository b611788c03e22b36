"""Tasks and roles: pattern examples, deadlines, the seed acceptance figures, a corpus task table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.bodies import extract_bodies
from ingest.tasks import extract_tasks, leading_action, parse_deadline, parse_recurrence, patterns

ROOT = Path(__file__).parents[1].parent / "shared"
SEED = ROOT / "seeds" / "1963-QD-UBND-2021-HCM.txt"
CORPUS = ROOT / "corpus"
TABLE_PLAN = CORPUS / "tnt305_tai_lieu_noi_bo" / "dataset" / "8718801c503045f9.md"
HCM = {"id": "doc", "province": "Hồ Chí Minh", "issued_date": "2021-05-28"}


def run(text: str, units: list[dict] | None = None, doc: dict = HCM) -> dict:
    units = units if units is not None else [
        {"id": "doc#p", "parent_id": None, "kind": "paragraph", "label": None, "heading": None, "text": text,
         "start": 0, "end": len(text), "ordinal": 0, "depth": 0}]
    record = extract_bodies(text, units, doc)
    return {**record, **extract_tasks(text, units, doc, record)}


def roles(out: dict) -> set[tuple[str, str]]:
    return {(r["role"], r["body_id"]) for r in out["task_bodies"]}


@pytest.mark.parametrize("text,start,end", patterns()["deadline_examples"])
def test_deadline_examples(text, start, end):
    got = parse_deadline(text, 2021)
    assert (got["deadline_start"], got["deadline_end"]) == (start, end)
    assert got["deadline_text"] and got["deadline_text"] in text


@pytest.mark.parametrize("text,kind", patterns()["recurrence_examples"])
def test_recurrence_examples(text, kind):
    assert parse_recurrence(text) == kind


@pytest.mark.parametrize("text", patterns()["responsibility_headings"]["examples"])
def test_responsibility_heading_examples(text):
    from ingest.bodies import fold_same_length
    from ingest.tasks.common import _rx

    assert _rx()["heading"].search(fold_same_length(text))


@pytest.mark.parametrize("text,role,body", patterns()["roles_before_examples"])
def test_roles_before_examples(text, role, body):
    from ingest.bodies import fold_same_length
    from ingest.tasks.common import _roles_in

    ms = extract_bodies(text, [], HCM)["body_mentions"]
    got = _roles_in(text, fold_same_length(text), 0, len(text), ms)
    assert (body, role) in {(m["raw"], r) for m, r in got}


@pytest.mark.parametrize("text,role", patterns()["roles_after_examples"])
def test_roles_after_examples(text, role):
    out = run(text)
    first = out["body_mentions"][0]["body_id"]
    assert (role, first) in roles(out)


@pytest.mark.parametrize("text,expected", [
    ("Số liệu ngày 24 tháng 3 năm 2021 của Bộ Nội vụ", (None, None)),  # a cited date is no deadline
    ("trước ngày 01/6 hằng năm", (None, "2021-06-01")),
    ("Quý IV năm 2025", ("2025-10-01", "2025-12-31")),
])
def test_deadline_snippets(text, expected):
    got = parse_deadline(text, 2021)
    assert (got["deadline_start"], got["deadline_end"]) == expected


@pytest.mark.parametrize("text,expected", [
    ("Xây dựng kế hoạch tuyên truyền cải cách hành chính hàng năm", "Xây dựng"),
    ("Tổ chức các lớp tập huấn, giới thiệu các kiến thức cơ bản", "Tổ chức"),
    ("Phối hợp với Sở Thông tin và Truyền thông kiểm tra", "Phối hợp"),
    ("Chủ trì, phối hợp Sở Thông tin và Truyền thông hướng dẫn", "Chủ trì"),
    ("Cung cấp bản tin điện tử cải cách hành chính", "Cung cấp"),
])
def test_leading_action(text, expected):
    assert leading_action(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Giao Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tổ chức thực hiện Kế hoạch này.",
     {("responsible", "so-noi-vu@ho-chi-minh"), ("lead", "so-noi-vu@ho-chi-minh"),
      ("partner", "so-tai-chinh@ho-chi-minh")}),
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố phối hợp tuyên truyền, vận động Nhân dân.",
     {("requested", "ubmttq@ho-chi-minh")}),
    ("Sở Thông tin và Truyền thông tham mưu Ủy ban nhân dân Thành phố ban hành kế hoạch.",
     # the body that advises keeps its responsible role (eval/gold/tasks/README.md, Roles)
     {("advise", "so-thong-tin-va-truyen-thong@ho-chi-minh"), ("responsible", "so-thong-tin-va-truyen-thong@ho-chi-minh")}),
    ("Các cơ quan, đơn vị có trách nhiệm lập dự toán kinh phí thực hiện nhiệm vụ tuyên truyền.",
     {("responsible", "group:cac-co-quan-don-vi@ho-chi-minh")}),  # a group keeps its wording
    ("Trên cơ sở Kế hoạch này, các sở, ban, ngành tổ chức thực hiện; định kỳ báo cáo kết quả thực hiện về Sở Nội vụ.",
     {("responsible", "group:cac-so-ban-nganh@ho-chi-minh"), ("report_to", "so-noi-vu@ho-chi-minh")}),
    ("Tuyên truyền kết quả thực hiện Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ.", set()),
    # KH 310 Hà Nội closing: the duty is on the bodies after `yêu cầu`, not on the committee that asks
    ("Ủy ban nhân dân Thành phố yêu cầu các sở, ban, ngành Thành phố nghiêm túc triển khai thực hiện; định kỳ "
     "báo cáo kết quả thực hiện về Sở Nội vụ.",
     {("responsible", "group:cac-so-ban-nganh@ho-chi-minh"), ("report_to", "so-noi-vu@ho-chi-minh")}),
    # KH 980 Nghệ An, 7360 Lai Châu: a closing call with no report or deadline is not a task
    ("Yêu cầu các sở, ban, ngành và các đơn vị có liên quan thực hiện nghiêm túc.", set()),
    # KH 980 Nghệ An IV.3: the subject after an opening clause
    ("Căn cứ nội dung Kế hoạch và tình hình thực tiễn, các sở, ban, ngành xây dựng Kế hoạch triển khai.",
     {("responsible", "group:cac-so-ban-nganh@ho-chi-minh")}),
    # the plan's own opening is not a task
    ("Ủy ban nhân dân Thành phố ban hành Kế hoạch triển khai thực hiện với những nội dung cụ thể như sau:", set()),
])
def test_inline(text, expected):
    out = run(text)
    assert roles(out) == expected
    for t in out["tasks"]:
        assert text[t["start"]:t["end"]] == t["text"]
        assert t["origin"] == "inline"


def test_pipe_table():
    text = ("| STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
            "|---|---|---|---|---|\n"
            "| 1 | Xây dựng kế hoạch tuyên truyền | Sở Nội vụ | Sở Tài chính | Quý III |\n"
            "| 2 | Tổ chức tập huấn | Sở Tư pháp | Các sở, ban, ngành | Thường xuyên |\n")
    from ingest.normalize import normalize

    text, _ = normalize(text)
    out = run(text)
    assert [t["text"] for t in out["tasks"]] == ["Xây dựng kế hoạch tuyên truyền", "Tổ chức tập huấn"]
    assert [(t["deadline_start"], t["deadline_end"], t["recurrence"]) for t in out["tasks"]] == [
        ("2021-07-01", "2021-09-30", None), (None, None, "continuous")]
    assert roles(out) == {("lead", "so-noi-vu@ho-chi-minh"), ("partner", "so-tai-chinh@ho-chi-minh"),
                          ("lead", "so-tu-phap@ho-chi-minh"), ("partner", "group:cac-so-ban-nganh@ho-chi-minh")}
    assert {t["origin"] for t in out["tasks"]} == {"table"}


# ---------------------------------------------------------------- the seed, through the real pipeline

@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip("seed absent")
    from ingest.pipeline import parse_text

    return parse_text(SEED.read_text("utf-8"))


def _under(rec, prefix):
    return [t for t in rec["tasks"] if t["unit_id"] and t["unit_id"].split("#", 1)[1].startswith(prefix)]


def _roles_of(rec, tasks):
    ids = {t["id"] for t in tasks}
    return {(r["role"], r["body_id"]) for r in rec["task_bodies"] if r["task_id"] in ids}


PLAN = "attachment-ke-hoach/muc-iv/muc-1/"


def test_seed_task_counts(seed):
    assert len(_under(seed, PLAN)) == 19
    assert [len(_under(seed, PLAN + f"muc-{x}")) for x in "abcd"] == [8, 5, 5, 1]
    assert {t["origin"] for t in _under(seed, PLAN)} == {"section"}


def test_seed_offsets(seed):
    text = seed["document"]["text"]
    for t in seed["tasks"]:
        assert text[t["start"]:t["end"]] == t["text"]
    for m in seed["body_mentions"]:
        assert text[m["start"]:m["end"]] == m["raw"]


def test_seed_plus_bullets_belong_to_dash(seed):
    (last,) = [t for t in _under(seed, PLAN + "muc-c") if t["text"].startswith("Chủ trì phối hợp với Đài")]
    assert "+ Thiết lập" in last["text"] and "+ Phản ánh" in last["text"]


@pytest.mark.parametrize("item,responsible", [
    ("a", {"group:cac-so-ban-nganh@ho-chi-minh", "group:ubnd-cac-quan-huyen@ho-chi-minh"}),
    ("b", {"so-noi-vu@ho-chi-minh"}),
    ("c", {"so-thong-tin-va-truyen-thong@ho-chi-minh"}),
    ("d", {"so-tai-chinh@ho-chi-minh"}),
])
def test_seed_responsible(seed, item, responsible):
    for t in _under(seed, PLAN + f"muc-{item}"):
        got = {b for r, b in _roles_of(seed, [t]) if r == "responsible"}
        assert got == responsible, t["text"][:60]


@pytest.mark.parametrize("item,partners", [
    ("b", {"so-thong-tin-va-truyen-thong@ho-chi-minh"}),
    ("d", {"so-thong-tin-va-truyen-thong@ho-chi-minh"}),
    ("c", {"so-noi-vu@ho-chi-minh", "ban-tuyen-giao-thanh-uy@ho-chi-minh", "dai-truyen-hinh@ho-chi-minh",
           "dai-tieng-noi-nhan-dan@ho-chi-minh", "bao-sai-gon-giai-phong@ho-chi-minh"}),
])
def test_seed_partners(seed, item, partners):
    got = {b for r, b in _roles_of(seed, _under(seed, PLAN + f"muc-{item}")) if r == "partner"}
    assert partners <= got


@pytest.mark.parametrize("article,bodies", [
    ("dieu-3", {"group:cac-so-ban-nganh@ho-chi-minh", "group:ubnd-cac-quan-huyen@ho-chi-minh",
                "group:cac-co-quan-don-vi-lien-quan@ho-chi-minh"}),
    ("dieu-4", {"van-phong-ubnd@ho-chi-minh", "group:cac-so-ban-nganh@ho-chi-minh",
                "group:ubnd-cac-quan-huyen@ho-chi-minh", "group:cac-don-vi-co-lien-quan@ho-chi-minh"}),
])
def test_seed_articles(seed, article, bodies):
    tasks = _under(seed, article)
    assert len(tasks) == 1
    assert {b for r, b in _roles_of(seed, tasks) if r == "responsible"} == bodies


def test_seed_bodies_are_hcm(seed):
    used = {r["body_id"] for r in seed["task_bodies"]}
    rows = {b["id"]: b for b in seed["bodies"]}
    assert used <= set(rows)
    assert {rows[b]["jurisdiction"] for b in used} == {"Hồ Chí Minh"}


def test_seed_actions(seed):
    b = _under(seed, PLAN + "muc-b")
    assert [t["action"] for t in b] == ["Phối hợp", "Tổ chức", "Cung cấp", "Phối hợp", "Lòng ghép"]


# ---------------------------------------------------------------- a corpus task table

@pytest.mark.skipif(not TABLE_PLAN.exists(), reason="corpus absent")
def test_corpus_task_table():
    from ingest.pipeline import parse_text

    rec = parse_text(TABLE_PLAN.read_text("utf-8"))
    text = rec["document"]["text"]
    rows = [t for t in rec["tasks"] if t["origin"] == "table"]
    assert len(rows) == 11
    assert all(text[t["start"]:t["end"]] == t["text"] for t in rows)
    assert rows[0]["text"].startswith("Triển khai nền tảng đào tạo")
    assert [t["recurrence"] for t in rows[:3]] == ["continuous", "continuous", "annual"]
    assert (rows[3]["deadline_text"], rows[3]["deadline_start"], rows[3]["deadline_end"]) == (
        "Quí IV-2025", "2025-10-01", "2025-12-31")
    by_task = {}
    for r in rec["task_bodies"]:
        by_task.setdefault(r["task_id"], set()).add((r["role"], r["body_id"]))
    assert by_task[rows[2]["id"]] == {("lead", "so-noi-vu@dong-thap"), ("partner", "so-khoa-hoc-va-cong-nghe@dong-thap"),
                                      ("partner", "group:cac-co-quan-don-vi-lien-quan@dong-thap")}
    assert ("partner", "ban-quan-ly-khu-kinh-te@dong-thap") in by_task[rows[7]["id"]]
    # section IV of the same plan: one task per lettered point, a paragraph when there are none
    sec = [t for t in rec["tasks"] if t["origin"] == "section"]
    assert len(sec) == 11
    assert re.match(r"Là cơ quan đầu mối", sec[0]["text"])


# ---------------------------------------------------------------- items with their own assignment fields

def _units(text: str, spans: list[tuple[str, str | None, str | None, str]]) -> list[dict]:
    """Units for a snippet: (id, parent id, label, first words) in text order; each ends where the next starts."""
    starts = [text.index(first) for _, _, _, first in spans]
    out = []
    for i, ((uid, parent, label, _), s) in enumerate(zip(spans, starts, strict=True)):
        e = starts[i + 1] if i + 1 < len(starts) else len(text)
        out.append({"id": uid, "parent_id": parent, "kind": "item", "label": label, "heading": None,
                    "text": text[s:e], "start": s, "end": e, "ordinal": i, "depth": uid.count("/")})
    return out


LAICHAU = {"id": "doc", "province": "Lai Châu", "issued_date": "2025-10-01"}
HANOI = {"id": "doc", "province": "Hà Nội", "issued_date": "2025-06-01"}
HCM2025 = {"id": "doc", "province": "Hồ Chí Minh", "issued_date": "2025-09-01"}
HCM2025 = {"id": "doc", "province": "Hồ Chí Minh", "issued_date": "2025-09-01"}

# KH 7360/KH-UBND Lai Châu (2025), II.3.1.a and II.4: `- Cơ quan chủ trì / phối hợp / Thời gian thực hiện`
FIELDS_7360 = """1. Tham gia góp ý kiến

a) Nghị định quy định về điều
kiện kinh doanh dịch vụ và đánh giá sự phù hợp.

- Cơ quan chủ trì: Sở Khoa học
và Công nghệ.

- Cơ quan phối hợp: Các sở,
ngành có liên quan và UBND các xã, phường.

- Thời gian thực hiện: Theo
tiến độ xây dựng dự thảo văn bản của cơ quan chủ trì soạn thảo.

2. Phối hợp kiểm tra việc thi hành Luật và các văn bản
quy định chi tiết, hướng dẫn thi hành Luật

- Cơ quan chủ trì: Sở Khoa học
và Công nghệ

- Thời gian thực hiện: Năm
2026 và các năm tiếp theo.

3. Tổ chức triển khai thực hiện Chiến lược tiêu chuẩn quốc
gia

- Thời gian thực hiện: Quý IV năm 2025.
"""


def test_item_with_fields():
    u = _units(FIELDS_7360, [("m/1", None, "1", "1. Tham"), ("m/1/a", "m/1", "a", "a) Nghị"),
                             ("m/1/a/1", "m/1/a", "-", "- Cơ quan chủ trì: Sở"),
                             ("m/1/a/2", "m/1/a", "-", "- Cơ quan phối hợp"),
                             ("m/1/a/3", "m/1/a", "-", "- Thời gian thực hiện: Theo"),
                             ("m/2", None, "2", "2. Phối"), ("m/2/1", "m/2", "-", "- Cơ quan chủ trì: Sở Khoa học\nvà Công nghệ\n"),
                             ("m/2/2", "m/2", "-", "- Thời gian thực hiện: Năm"),
                             ("m/3", None, "3", "3. Tổ chức"), ("m/3/1", "m/3", "-", "- Thời gian thực hiện: Quý")])
    out = run(FIELDS_7360, u, LAICHAU)
    tasks = out["tasks"]
    # one task per item (the field bullets are its attributes); item 3 has no body, so it is no task
    assert [t["text"][:25] for t in tasks] == ["Nghị định quy định về điề", "Phối hợp kiểm tra việc th"]
    assert {t["origin"] for t in tasks} == {"section"}
    by = {}
    for r in out["task_bodies"]:
        by.setdefault(r["task_id"], set()).add((r["role"], r["body_id"]))
    assert by[tasks[0]["id"]] == {("lead", "so-khoa-hoc-va-cong-nghe@lai-chau"),
                                  ("partner", "group:cac-so-nganh-co-lien-quan@lai-chau"),
                                  ("partner", "group:uy-ban-nhan-dan-cac-xa-phuong@lai-chau")}
    assert by[tasks[1]["id"]] == {("lead", "so-khoa-hoc-va-cong-nghe@lai-chau")}
    assert tasks[0]["deadline_end"] is None
    assert (tasks[1]["deadline_start"], tasks[1]["deadline_end"]) == ("2026-01-01", None)  # `và các năm tiếp theo`


# KH 308/KH-UBND Hà Nội (2025) II.1.1: `b) Cơ quan thực hiện:` over `- Đơn vị chủ trì / phối hợp`, `c) Thời gian`
FIELDS_308 = """1.1. Xây
dựng các Chiến lược triển khai của thành phố Hà Nôi:

a) Nhiệm vụ: Tham mưu UBND
Thành phố phối hợp với Bộ Công an rà soát, hoàn thiện Chiến lược dữ liệu thành
phố Hà Nội đến năm 2030.

b) Cơ quan thực hiện:

- Đơn vị chủ trì: Sở Khoa học
và Công nghệ.

- Đơn vị phối hợp: Các Sở, ban,
ngành.

c) Thời gian thực hiện: Hoàn
thành trong năm 2025.
"""


def test_item_with_nested_fields():
    u = _units(FIELDS_308, [("m/1", None, "1.1", "1.1. Xây"), ("m/1/a", "m/1", "a", "a) Nhiệm"),
                            ("m/1/b", "m/1", "b", "b) Cơ quan"), ("m/1/b/1", "m/1/b", "-", "- Đơn vị chủ trì"),
                            ("m/1/b/2", "m/1/b", "-", "- Đơn vị phối hợp"), ("m/1/c", "m/1", "c", "c) Thời gian")])
    out = run(FIELDS_308, u, HANOI)
    assert len(out["tasks"]) == 1
    t = out["tasks"][0]
    assert "Nhiệm vụ: Tham mưu UBND" in t["text"] and "Cơ quan thực hiện" not in t["text"]
    assert (t["deadline_start"], t["deadline_end"]) == ("2025-01-01", "2025-12-31")
    got = roles(out)
    assert ("lead", "so-khoa-hoc-va-cong-nghe@ha-noi") in got
    assert ("partner", "group:cac-so-ban-nganh@ha-noi") in got
    assert ("partner", "bo-cong-an") not in got  # `phối hợp với Bộ Công an` in the content is not the field's partner


# KH 172/KH-UBND HCM (2025) II.1: `Cơ quan thực hiện:` naming a lead (`chủ trì`) and responsible bodies
FIELDS_172 = """1. Phổ biến, giáo dục Luật
Việc làm và các văn bản quy định chi tiết.

- Cơ quan thực hiện: Sở Nội vụ
chủ trì tham mưu Ủy ban nhân dân Thành phố ban hành Kế hoạch; Sở Tư pháp và các
sở, ban, ngành Thành phố, Đài Phát thanh và Truyền hình Thành phố, cơ quan
thông tấn báo chí và Ủy ban nhân dân xã, phường, đặc khu chủ động tổ chức triển
khai Luật Việc làm.

- Thời gian thực hiện: Năm 2025
và các năm tiếp theo.
"""


def test_item_field_responsible_clauses():
    u = _units(FIELDS_172, [("m/1", None, "1", "1. Phổ"), ("m/1/1", "m/1", "-", "- Cơ quan thực hiện"),
                            ("m/1/2", "m/1", "-", "- Thời gian")])
    out = run(FIELDS_172, u, {"id": "doc", "province": "Hồ Chí Minh", "issued_date": "2025-07-01"})
    assert len(out["tasks"]) == 1
    got = roles(out)
    assert {("lead", "so-noi-vu@ho-chi-minh"), ("advise", "so-noi-vu@ho-chi-minh"),
            ("responsible", "so-tu-phap@ho-chi-minh"), ("responsible", "group:cac-so-ban-nganh@ho-chi-minh"),
            ("responsible", "dai-phat-thanh-va-truyen-hinh@ho-chi-minh"),
            ("responsible", "group:uy-ban-nhan-dan-cac-xa-phuong-dac-khu@ho-chi-minh")} <= got
    assert not {r for r in got if r[1] == "ubnd@ho-chi-minh" and r[0] in ("lead", "responsible")}  # tham mưu UBND


# ---------------------------------------------------------------- trafilatura task table after page text

# KH 980/KH-UBND Nghệ An (2025) appendix: the header row also holds the signature cell before `TT`,
# group rows (I, II) are not tasks, a row may end early (empty product cell)
TABLE_980 = """|
Nơi nhận:
- Chủ tịch UBND tỉnh;
- Lưu: VT.
|
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn Đệ
|
TT
|
Nội dung thực
hiện
|
Cơ quan chủ trì
|
Cơ quan phối hợp
|
Thời gian hoàn
thành
|
Sản phẩm dự kiến
|
|
I
|
KIỆN TOÀN VÀ HOÀN THIỆN
CƠ CHẾ CHỈ ĐẠO, ĐIỀU HÀNH PHÒNG THỦ DÂN SỰ
|
|
1
|
Tổ chức lại Ban Chỉ huy Phòng thủ dân sự cấp tỉnh,
cấp xã; ban hành quy chế hoạt động
|
Bộ CHQS tỉnh; UBND
cấp xã
|
Văn phòng Ban Chỉ
huy; các sở, ban, ngành
|
Trước ngày
30/11/2025
|
Quyết định của Chủ
tịch UBND cấp tỉnh, cấp xã
|
|
2
|
Triển khai thực hiện một số nội dung chi, mức chi
đặc thù cho hoạt động phòng thủ dân sự.
|
Sở Tài chính
|
Cơ quan, địa
phương liên quan
|
2025
|
|
"""


def test_table_after_page_text():
    out = run(TABLE_980, doc={"id": "doc", "province": "Nghệ An", "issued_date": "2025-11-18"})
    rows = [t for t in out["tasks"] if t["origin"] == "table"]
    assert [t["text"][:20] for t in rows] == ["Tổ chức lại Ban Chỉ ", "Triển khai thực hiện"]
    assert (rows[0]["deadline_start"], rows[0]["deadline_end"]) == (None, "2025-11-30")
    assert (rows[1]["deadline_start"], rows[1]["deadline_end"]) == ("2025-01-01", "2025-12-31")
    by = {}
    for r in out["task_bodies"]:
        by.setdefault(r["task_id"], set()).add((r["role"], r["body_id"]))
    assert ("lead", "bo-chi-huy-quan-su@nghe-an") in by[rows[0]["id"]]
    assert ("partner", "group:cac-so-ban-nganh@nghe-an") in by[rows[0]["id"]]
    assert ("lead", "so-tai-chinh@nghe-an") in by[rows[1]["id"]]


# ---------------------------------------------------------------- wrapped lines

def test_inline_sentence_across_wrapped_lines():
    # KH 7360/KH-UBND Lai Châu III.3: trafilatura breaks the line inside the sentence
    text = ("Sở Tài chính, trên\ncơ sở đề xuất của các cơ quan, đơn vị, địa phương, chủ trì tổng hợp trình cấp\n"
            "có thẩm quyền bố trí kinh phí thực hiện.")
    out = run(text, doc=LAICHAU)
    assert len(out["tasks"]) == 1
    assert out["tasks"][0]["text"].startswith("Sở Tài chính, trên\ncơ sở")
    assert ("lead", "so-tai-chinh@lai-chau") in roles(out) or ("responsible", "so-tai-chinh@lai-chau") in roles(out)


def test_inline_bodies_before_a_report_cue():
    # KH 7360/KH-UBND Lai Châu IV.3: the bodies just before `phản ánh về` must report; the recipients get report_to
    text = ("Trong quá trình thực hiện,\nnếu có khó khăn, vướng mắc các cơ quan, đơn vị, địa phương kịp thời phản ánh về\n"
            "Ủy ban nhân dân tỉnh (qua Sở Khoa học và Công nghệ) để xem xét, giải quyết.")
    out = run(text, doc=LAICHAU)
    assert len(out["tasks"]) == 1
    got = roles(out)
    assert ("responsible", "group:cac-co-quan-don-vi-dia-phuong@lai-chau") in got
    assert ("report_to", "ubnd@lai-chau") in got
    assert not {r for r in got if r[0] == "responsible" and r[1] == "ubnd@lai-chau"}


@pytest.mark.parametrize("text,kind", patterns()["item_fields_examples"])
def test_item_field_examples(text, kind):
    from ingest.tasks import field_kind

    assert field_kind(text)[0] == kind


def test_open_addressee_heading():
    # KH 987 Nghệ An IV.5: businesses are addressees too; the heading goes on describing them
    text = ("IV. TỔ CHỨC THỰC HIỆN\n\n5. Các chủ đầu tư xây dựng và\nkinh doanh hạ tầng Khu công nghiệp\n\n"
            "- Tạo điều kiện về mặt bằng cho việc lắp đặt thiết bị 5G.\n\n- Đầu tư hạ tầng bảo đảm triển khai 5G.\n")
    h = text.index("5.")
    b1, b2 = text.index("- Tạo"), text.index("- Đầu")
    unit = {"parent_id": None, "label": None, "heading": None, "ordinal": 0, "depth": 0}
    units = [{**unit, "id": "iv", "kind": "item", "label": "IV", "text": text[:h], "start": 0, "end": len(text)},
             {**unit, "id": "iv5", "parent_id": "iv", "kind": "item", "label": "5", "text": text[h:b1], "start": h,
              "end": len(text)},
             {**unit, "id": "b1", "parent_id": "iv5", "kind": "item", "label": "-", "text": text[b1:b2], "start": b1,
              "end": b2},
             {**unit, "id": "b2", "parent_id": "iv5", "kind": "item", "label": "-", "text": text[b2:], "start": b2,
              "end": len(text)}]
    out = run(text, units)
    assert [t["origin"] for t in out["tasks"]] == ["section", "section"]
    assert roles(out) == {("responsible", "group:cac-chu-dau-tu@ho-chi-minh")}


# ---------------------------------------------------------------- shapes from the held-out round (2025 plans)

def _parsed(raw: str, doc: dict) -> dict:
    """The real structure parser over a snippet (trafilatura layout kept), then bodies and tasks."""
    from ingest.normalize import normalize
    from ingest.structure import parse_structure

    text, _ = normalize(raw)
    return {"text": text, **run(text, parse_structure(text, doc["id"]), doc)}


def _summary(out: dict) -> list[tuple[str, set[tuple[str, str]], str | None, str | None]]:
    """(first words, {(role, body id)}, deadline start, deadline end) per task, in text order."""
    by: dict = {}
    for r in out["task_bodies"]:
        by.setdefault(r["task_id"], set()).add((r["role"], r["body_id"].split("@")[0]))
    return [(" ".join(t["text"].split())[:24], by.get(t["id"], set()), t["deadline_start"], t["deadline_end"])
            for t in out["tasks"]]


BACNINH = {"id": "doc", "province": "Bắc Ninh", "issued_date": "2025-08-01"}
QUANGNGAI = {"id": "doc", "province": "Quảng Ngãi", "issued_date": "2025-11-21"}
CANTHO = {"id": "doc", "province": "Cần Thơ", "issued_date": "2025-06-01"}
DAKLAK = {"id": "doc", "province": "Đắk Lắk", "issued_date": "2025-11-26"}
THANHHOA = {"id": "doc", "province": "Thanh Hóa", "issued_date": "2025-11-18"}
HCM25 = {"id": "doc", "province": "Hồ Chí Minh", "issued_date": "2025-06-01"}

SHAPES = [
    # KH 141/KH-UBND Bắc Ninh III.4: `-` bullets followed by italic field paragraphs; two bullets share the
    # first field block (one task from the first bullet), the third has its own; `chủ trì tham mưu` = lead + advise
    ("italic fields under bullets", BACNINH, """III. NHIỆM VỤ, GIẢI PHÁP

4. Nâng cao
phẩm chất, năng lực cho đội ngũ cán bộ, công chức

- Tăng cường công tác giáo dục
chính trị, tư tưởng cho đội ngũ cán bộ, công chức.

- Nâng cao nhận thức, ý thức
trách nhiệm của đội ngũ cán bộ, công chức.

*Đơn vị thực hiện: *Các Sở,
ngành, đơn vị, UBND cấp xã.

*Đơn vị phối hợp: *Sở Tư
pháp.

*Thời gian thực hiện: *Thường
xuyên.

- Tổ chức tập huấn, bồi dưỡng
kiến thức, kỹ năng xây dựng pháp luật.

*Đơn vị chủ trì tham mưu thực
hiện: *Sở Tư pháp.

*Đơn vị phối hợp thực hiện: *Sở
Nội vụ.

*Thời gian thực hiện: *Từ
01/7/2025.
""", [("Tăng cường công tác giáo", {("responsible", "group:cac-so-nganh-don-vi"), ("responsible", "group:uy-ban-nhan-dan-cap-xa"),
                                   ("partner", "so-tu-phap")}, None, None),
       ("Tổ chức tập huấn, bồi dư", {("lead", "so-tu-phap"), ("advise", "so-tu-phap"), ("partner", "so-noi-vu")},
        "2025-07-01", None)]),
    # QĐ 1627/QĐ-UBND Quảng Ngãi IV.1.2: a sub-heading naming a body with an apposition after a dash; bullets
    # wrapped after their label (`-\nTuyên truyền`, the first one left in the heading by the parser), each with
    # its own `Thời gian thực hiện/hoàn thành` paragraph
    ("body sub-heading, wrapped bullets with deadlines", QUANGNGAI, """IV. NHIỆM VỤ CỤ THỂ

1.
Nhiệm vụ của thành viên Ban Chỉ đạo

1.2.
Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo

-
Tuyên truyền, phổ biến các quy định về quản lý, sử dụng tài sản công.

Thời
gian thực hiện: Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê.

-
Tham mưu triển khai thực hiện kế hoạch kiểm kê.

Thời
gian hoàn thành: Tháng 11 - 12/2025.

- Tổng
hợp kết quả kiểm kê, báo cáo kết quả kiểm kê gửi Bộ Tài chính. Thời gian hoàn
thành: Trước ngày 31/5/2026.
""", [("Tuyên truyền, phổ biến c", {("responsible", "so-tai-chinh")}, "2025-11-01", None),
       ("Tham mưu triển khai thực", {("responsible", "so-tai-chinh"), ("advise", "so-tai-chinh")},
        "2025-11-01", "2025-12-31"),
       ("Tổng hợp kết quả kiểm kê", {("responsible", "so-tai-chinh"), ("report_to", "bo-tai-chinh")},
        None, "2026-05-31")]),
    # KH 160/KH-UBND Cần Thơ: method steps whose subject is a body with no cue word are not tasks; a group
    # heading goes on describing its bodies; `Đề nghị X` heading; the closing paragraph is one task from
    # `Trên đây là ...`, its `đề nghị` after a clause gives `requested`, not `responsible`
    ("content steps, described group heading, closing đề nghị", CANTHO, """IV. PHƯƠNG
PHÁP, CÁC BƯỚC GIÁM SÁT, ĐÁNH GIÁ

3. Các bước đánh giá

+ Các cơ quan, đơn vị liên quan
thu thập thông tin theo các mẫu biểu quy định.

+ Sở Nông nghiệp và Môi trường
tổng hợp chung các mẫu biểu; xây dựng báo cáo giám sát.

VI. TỔ CHỨC
THỰC HIỆN

2. Các Sở, ngành chủ trì, quản
lý, tham gia thực hiện các dự án, tiểu dự án, nội dung thành phần thuộc Chương
trình

- Phê duyệt kế hoạch giám sát,
đánh giá.

3. Đề nghị Ủy ban Mặt trận Tổ
quốc Việt Nam thành phố

Chỉ đạo các đơn vị liên quan
giám sát việc thực hiện Chương trình theo quy định.

Trên đây là Kế hoạch giám sát,
đánh giá năm 2025. Trong quá trình tổ chức thực hiện, nếu có khó khăn,
vướng mắc, đề nghị các cơ quan, đơn vị kịp thời phản ánh về Sở Nông
nghiệp và Môi trường tổng hợp./.
""", [("Phê duyệt kế hoạch giám ", {("responsible", "group:cac-so-nganh")}, None, None),
       ("Chỉ đạo các đơn vị liên", {("requested", "ubmttq")}, None, None),
       ("Trên đây là Kế hoạch giá", {("requested", "group:cac-co-quan-don-vi"),
                                     ("report_to", "so-nong-nghiep-va-moi-truong")}, None, None)]),
    # QĐ 2853/QĐ-UBND HCM V.1: a long intro sentence ending `... các nhiệm vụ sau:` over bullets is their heading;
    # the body after `Giao` holds every bullet (a `Chủ trì` bullet leads)
    ("intro sentence over bullets", HCM2025, """V. TỔ CHỨC
THỰC HIỆN

1. Giao Sở
Nông nghiệp và Môi trường là cơ quan đầu mối, chủ trì, hướng dẫn thực hiện Đề
án “Nâng cao nhận thức cộng đồng và Quản lý rủi ro thiên tai dựa vào cộng đồng,
đến năm 2030” trên địa bàn Thành phố; tổ chức thực hiện các nhiệm vụ sau:

- Chủ trì, phối hợp với Sở Tài
chính và các sở, ngành, đơn vị có liên quan rà soát, tổng hợp.

- Tổ chức đánh giá, báo cáo kết
quả thực hiện Đề án hàng năm và tổng kết sau khi kết thúc Đề án.

3. Bộ Tư lệnh
Thành phố chủ trì, phối hợp với Sở Nông nghiệp và Môi trường thực hiện việc
đưa nội dung vào kế hoạch bồi dưỡng quốc phòng và an ninh.

7. Ban Quản lý
các Khu chế xuất và công nghiệp Thành phố chủ trì tổ chức tập huấn, bồi dưỡng.

9. Ủy ban nhân
dân các phường, xã, đặc khu chủ động bố trí kinh phí; đồng thời huy động các nguồn vốn
hợp pháp khác để triển khai thực hiện, tập trung một số nhiệm vụ cụ thể
sau:

- Tổ chức xây dựng, phê duyệt
và triển khai kế hoạch thực hiện Đề án của địa phương mình;
""", [("Chủ trì, phối hợp với Sở", {("lead", "so-nong-nghiep-va-moi-truong"),
                                   ("responsible", "so-nong-nghiep-va-moi-truong"), ("partner", "so-tai-chinh"),
                                   ("partner", "group:cac-so-nganh-don-vi-co-lien-quan")}, None, None),
       ("Tổ chức đánh giá, báo", {("responsible", "so-nong-nghiep-va-moi-truong")}, None, None),
       ("Bộ Tư lệnh", {("lead", "bo-tu-lenh"), ("partner", "so-nong-nghiep-va-moi-truong")}, None, None),
       ("Ban Quản lý", {("lead", "ban-quan-ly-cac-khu-che-xuat-va-cong-nghiep")}, None, None),
       ("Tổ chức xây dựng, phê", {("responsible", "group:uy-ban-nhan-dan-cac-xa-phuong-dac-khu")}, None, None)]),
    # CT 012/CT-UBND Đắk Lắk (2025): a Chỉ thị has no `Tổ chức thực hiện`; `1. Thủ trưởng ...; Chủ tịch UBND các
    # xã, phường` / `2. Sở Khoa học và Công nghệ` over `a)` items are body headings wherever they stand
    ("Chỉ thị body headings", DAKLAK, """CHỈ THỊ

VỀ VIỆC TĂNG CƯỜNG CẢI CÁCH THỦ TỤC HÀNH CHÍNH

Để kịp thời chấn chỉnh, khắc
phục những tồn tại, hạn chế nêu trên, Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành,
Chủ tịch UBND các xã, phường tập trung chỉ đạo và tổ chức thực hiện các nhiệm vụ, giải pháp về cải cách TTHC sau:

1. Thủ
trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các xã, phường

a) Thực hiện nghiêm việc cải
cách TTHC, nâng cao chất lượng, kiểm soát chặt chẽ bộ TTHC tại các ngành, lĩnh vực.

b) Đẩy mạnh công tác truyền
thông trong cải cách TTHC, dịch vụ công trực tuyến.

2. Sở
Khoa học và Công nghệ

a) Chủ trì, phối hợp với Văn
phòng UBND tỉnh triển khai tích hợp, kết nối các thông tin phục vụ đánh giá.

3. Sở Nội
vụ

a) Tiếp tục tham mưu UBND tỉnh
theo dõi, kiểm tra, chấn chỉnh kịp thời.
""", [
        ("Thực hiện nghiêm việc cả", {("responsible", "group:cac-so-ban-nganh"),
                                      ("responsible", "group:uy-ban-nhan-dan-cac-xa-phuong")}, None, None),
        ("Đẩy mạnh công tác truyền", {("responsible", "group:cac-so-ban-nganh"),
                                      ("responsible", "group:uy-ban-nhan-dan-cac-xa-phuong")}, None, None),
        ("Chủ trì, phối hợp với Vă", {("lead", "so-khoa-hoc-va-cong-nghe"), ("responsible", "so-khoa-hoc-va-cong-nghe"),
                                      ("partner", "van-phong-ubnd")}, None, None),
        ("Tiếp tục tham mưu UBND t", {("responsible", "so-noi-vu"), ("advise", "so-noi-vu")}, None, None)]),
    # KH 235/KH-UBND Thanh Hóa IV (2025): `Sở X chỉ đạo Chi cục Y thực hiện các nội dung sau:` (both hold the
    # bullets); `2. Sở Tài chính: Căn cứ ...` (holder, colon, duty: the whole item is the task); a holder the
    # gazetteer does not know (`4. Các cơ sở nuôi trồng thủy sản:`) still opens a task, held by a group named by those
    # words; the closing
    # exhortation is none
    ("directed body, colon holders", THANHHOA, """IV. TỔ CHỨC
THỰC HIỆN

1. Sở Nông nghiệp và Môi trường
chỉ đạo Chi cục Biển đảo và Thủy sản thực hiện các nội dung sau:

- Tuyên truyền, hướng dẫn người
nuôi trồng thủy sản quan trắc, giám sát chất lượng nước tại khu vực nuôi của
mình.

- Tổ chức đánh giá kết quả thực
hiện; báo cáo UBND tỉnh trước ngày 15/12/2026.

2. Sở Tài chính: Căn cứ khả
năng cân đối ngân sách, trình cấp có thẩm quyền phê duyệt kinh phí thực hiện kế
hoạch trong dự toán đầu năm 2026 trên cơ sở đề nghị của Sở Nông nghiệp và Môi
trường.

3. UBND các xã, phường: Phối hợp
với Sở Nông nghiệp và Môi trường, đơn vị được lựa chọn quan trắc môi trường triển
khai Kế hoạch đã được phê duyệt.

4. Các cơ sở nuôi trồng thủy sản:
Theo dõi, giám sát môi trường tại cơ sở nuôi trồng thủy sản.

Yêu cầu các sở, ban, ngành, đơn
vị, địa phương nghiêm túc triển khai thực hiện./.
""", [
        ("Tuyên truyền, hướng dẫn ", {("responsible", "so-nong-nghiep-va-moi-truong"),
                                      ("responsible", "chi-cuc-bien-dao-va-thuy-san")}, None, None),
        ("Tổ chức đánh giá kết quả", {("responsible", "so-nong-nghiep-va-moi-truong"),
                                      ("responsible", "chi-cuc-bien-dao-va-thuy-san")}, None, "2026-12-15"),
        ("Sở Tài chính: Căn cứ khả", {("responsible", "so-tai-chinh")}, None, None),
        ("UBND các xã, phường: Phố", {("responsible", "group:uy-ban-nhan-dan-cac-xa-phuong"),
                                      ("partner", "so-nong-nghiep-va-moi-truong")}, None, None),
        ("Các cơ sở nuôi trồng thủ", {("responsible", "group:cac-co-so-nuoi-trong-thuy-san")}, None, None)]),
    # QĐ HCM 2025 (Đề án quản lý rủi ro thiên tai) V.2: `Sở X chủ trì, phối hợp với Sở Y, UBND ...:` over bullets:
    # each bullet is led by X with the heading's partners
    ("heading lead and partners", HCM25, """V. TỔ CHỨC
THỰC HIỆN

2. Sở Giáo dục
và Đào tạo chủ trì, phối hợp với Sở Nông nghiệp và Môi trường, Ủy ban nhân dân
các phường, xã, đặc khu:

- Xây dựng chương trình đào tạo
và tổ chức tập huấn cho đội ngũ giảng viên, giáo viên kiến thức về phòng chống
và giảm nhẹ rủi ro thiên tai;

- Xây dựng Phương án đảm bảo an
toàn cho giáo viên, học sinh và cơ sở hạ tầng giáo dục khi xảy ra các tình huống
thiên tai.
""", [
        ("Xây dựng chương trình đà", {("lead", "so-giao-duc-va-dao-tao"), ("responsible", "so-giao-duc-va-dao-tao"),
                                      ("partner", "so-nong-nghiep-va-moi-truong"),
                                      ("partner", "group:uy-ban-nhan-dan-cac-xa-phuong-dac-khu")}, None, None),
        ("Xây dựng Phương án đảm b", {("lead", "so-giao-duc-va-dao-tao"), ("responsible", "so-giao-duc-va-dao-tao"),
                                      ("partner", "so-nong-nghiep-va-moi-truong"),
                                      ("partner", "group:uy-ban-nhan-dan-cac-xa-phuong-dac-khu")}, None, None)]),
]


CENTRAL = {"id": "doc", "province": None, "issued_date": "2025-12-01"}
NGHEAN = {"id": "doc", "province": "Nghệ An", "issued_date": "2025-11-19"}

SHAPES += [
    # TB 661/TB-VPCP (2025): a subject told of with `đã` is narrative; `tối đa` (folded like `đã`) is not
    ("narrative past is no duty", CENTRAL, """Bộ Chính
trị, Ban Bí thư, đứng đầu là đồng chí Tổng Bí thư Tô Lâm đã tập trung lãnh đạo;
các cấp ủy đảng, chính quyền đã nỗ lực rất cao.

Bộ Quốc
phòng, Bộ Công an huy động lực lượng tối đa có thể hỗ trợ Nhân dân, các địa
phương hỗ trợ bố trí nơi ăn ở cho lực lượng tham gia thực hiện chiến dịch.
""", [("Bộ Quốc phòng, Bộ Công a", {("responsible", "bo-quoc-phong"), ("responsible", "bo-cong-an")}, None, None)]),
    # KH 982/KH-UBND Nghệ An (2025): `b) Đối với Ủy ban Mặt trận ...` over bullets under `III. TIÊU CHÍ THI ĐUA`
    # lists criteria, not duties, where the plan has its own responsibility section
    ("criteria headings in a sectioned plan", NGHEAN, """III. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC
KHEN THƯỞNG

1. Tiêu chí thi đua

b) Đối với Ủy ban Mặt trận Tổ quốc tỉnh, các tổ
chức chính trị - xã hội

- Tổ chức sâu rộng các phong trào thi đua yêu nước,
các cuộc vận động đến đông đảo các tầng lớp Nhân dân.

V. TỔ CHỨC THỰC HIỆN

2. Sở Nội vụ hướng dẫn khen thưởng Đợt thi đua; phối
hợp với Sở Tài chính bố trí kinh phí khen thưởng.
""", [("Sở Nội vụ hướng dẫn khen", {("responsible", "so-noi-vu"), ("partner", "so-tai-chinh")}, None, None)]),
    # CV 171/CV-BCĐ (2025): the lead-in hands every item to the bodies after `yêu cầu`
    ("letter lead-in holder", CENTRAL, """Kính gửi: Chủ
tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.
Thực hiện Kết luận số 210-KL/TW ngày 12/11/2025 của
Ban Chấp hành Trung ương Đảng khóa XIII, Ban chỉ đạo của
Chính phủ yêu cầu
Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương tập trung,
khẩn trương chỉ đạo, giải quyết dứt điểm các khó khăn, vướng mắc ở cấp xã khi vận
hành chính quyền địa phương 02 cấp, một số nội dung cụ thể sau:
1. Về tổ chức thực hiện chức
năng, nhiệm vụ được phân cấp, phân quyền, phân định thẩm quyền
- Tiếp tục đánh giá tính khả thi và khả năng thực
hiện pháp luật về phân cấp, phân quyền, phân định thẩm quyền ở cấp xã.
- Tập trung lãnh đạo, chỉ đạo thực hiện sát sao, đầy
đủ, có hiệu quả các nhiệm vụ được phân cấp, phân quyền.
2. Về kiện toàn tổ chức bộ máy
và đội ngũ cán bộ, công chức, viên chức ở cấp xã
- Khẩn trương chỉ đạo hoàn thiện tổ chức bộ máy, sắp
xếp, thành lập mới các đơn vị sự nghiệp công lập ở cấp xã.
""", [
        ("Tiếp tục đánh giá tính k", {("responsible", "group:ubnd-cac-tinh-thanh-pho")}, None, None),
        ("Tập trung lãnh đạo, chỉ ", {("responsible", "group:ubnd-cac-tinh-thanh-pho")}, None, None),
        ("Khẩn trương chỉ đạo hoàn", {("responsible", "group:ubnd-cac-tinh-thanh-pho")}, None, None)]),
    # Chỉ thị 010/CT-UBND Đắk Lắk (2025): a group heading with its bodies in parentheses; a colon holder over
    # `2.1. Trách nhiệm chung`; `..., có trách nhiệm` after a comma; `Là đầu mối chủ trì` makes the holder lead
    ("holders of a Chỉ thị", DAKLAK, """I.
Trách nhiệm phối hợp trong công tác thẩm định chủ trương đầu tư dự án

1.
Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban quản lý Khu Kinh tế Phú Yên):

a) Là đầu mối chủ trì, tiếp
nhận hồ sơ, tổ chức lấy ý kiến thẩm định.

b) Chịu trách nhiệm tiếp
nhận hồ sơ, kiểm tra tính đầy đủ và hợp lệ của hồ sơ.

2.
Các sở, ban, ngành, địa phương: Là các đơn vị được lấy ý kiến thẩm định, chịu trách nhiệm
trước UBND tỉnh, Chủ tịch UBND tỉnh và pháp luật các nội dung sau:

2.1.
Trách nhiệm chung

a) Đánh giá sự phù hợp của
dự án đầu tư với quy hoạch tỉnh.

b) Đánh giá sơ bộ về hiệu
quả kinh tế - xã hội của dự án đầu tư.

II.
Trách nhiệm phối hợp giải quyết thủ tục đầu tư và quản lý dự án

2. Các Sở, ban, ngành, UBND cấp xã theo chức năng quản lý của
mình, có trách nhiệm phối hợp cung cấp thông tin thuộc thẩm quyền quản lý.
""", [
        ("Là đầu mối chủ trì, tiếp", {("lead", "so-tai-chinh"), ("responsible", "so-tai-chinh"),
                                      ("lead", "ban-quan-ly-khu-kinh-te"), ("responsible", "ban-quan-ly-khu-kinh-te")},
         None, None),
        ("Chịu trách nhiệm tiếp nh", {("responsible", "so-tai-chinh"), ("responsible", "ban-quan-ly-khu-kinh-te")},
         None, None),
        ("Đánh giá sự phù hợp của ", {("responsible", "group:cac-so-ban-nganh-dia-phuong")}, None, None),
        ("Đánh giá sơ bộ về hiệu q", {("responsible", "group:cac-so-ban-nganh-dia-phuong")}, None, None),
        ("Các Sở, ban, ngành, UBND", {("responsible", "group:cac-so-ban-nganh"),
                                      ("responsible", "group:uy-ban-nhan-dan-cap-xa")}, None, None)]),
    # KH 157/KH-UBND Cần Thơ (2025): in a TCTH section a short name heading holds its items, known or not;
    # `4. Công tác báo cáo` is a topic, not a holder
    ("name headings in a responsibility section", CANTHO, """V. TỔ CHỨC THỰC HIỆN

2. Sở Nội vụ

Phối hợp Sở Y tế thẩm định, lập
thủ tục xét trình Chủ tịch Ủy ban nhân dân thành phố tặng Bằng khen.

3. Ngân hàng Nhà nước chi
nhánh khu vực 14

a) Chỉ đạo các Ngân hàng thương
mại trên địa bàn chủ động phối hợp với Sở Y tế triển khai thực hiện tốt Kế hoạch.

b) Đề xuất danh sách các ngân
hàng thương mại tham gia chi trả.

4. Công tác báo cáo

a) Định kỳ hằng quý tổng hợp kết quả.
""", [
        ("Phối hợp Sở Y tế thẩm đị", {("responsible", "so-noi-vu"), ("partner", "so-y-te")}, None, None),
        ("Chỉ đạo các Ngân hàng th", {("responsible", "ngan-hang-nha-nuoc-viet-nam"), ("partner", "so-y-te")},
         None, None),
        ("Đề xuất danh sách các ng", {("responsible", "ngan-hang-nha-nuoc-viet-nam")}, None, None)]),
    # CĐ 224/CĐ-TTg (2025): the title ends at `... điện:`; its addressees are no task; titled names the gazetteer
    # does not know (`Chủ tịch Hội đồng thành viên, Tổng giám đốc các Tập đoàn`) stand before the predicate
    ("công điện", CENTRAL, """CÔNG ĐIỆN
VỀ VIỆC KHẨN TRƯƠNG
CHUẨN BỊ TỔ CHỨC LỄ KHÁNH THÀNH, KHỞI CÔNG CÁC DỰ ÁN, CÔNG TRÌNH QUY MÔ LỚN
THỦ TƯỚNG CHÍNH PHỦ điện:
- Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc
Chính phủ;
- Bí Thư, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương;
Từ nay đến ngày 19 tháng 12 năm 2025 chỉ còn 01
tháng, thời gian rất gấp, để bảo đảm công tác chuẩn bị tốt nhất cho sự kiện
quan trọng này, Thủ tướng Chính phủ yêu cầu:
1. Bộ trưởng, Thủ trưởng các cơ quan ngang Bộ,
cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc
Trung ương, Chủ tịch Hội đồng thành viên, Tổng giám đốc các Tập đoàn, Tổng Công
ty, đơn vị liên quan tiếp tục nâng cao tinh thần trách nhiệm khẩn
trương chỉ đạo các cơ quan, đơn vị, Ban quản lý dự án, nhà thầu nỗ lực
hơn nữa trong triển khai các nhiệm vụ.
""", [
        ("Bộ trưởng, Thủ trưởng cá", {("responsible", "group:cac-bo-nganh"),
                                      ("responsible", "group:ubnd-cac-tinh-thanh-pho")}, None, None)]),
    # TB 648/TB-VPCP (2025): `Về ... của Chính phủ: Giao Bộ X ...`: a topic caption, then the assignment
    ("topic caption then Giao", CENTRAL, """II. MỘT SỐ KIẾN NGHỊ CỦA TỈNH
4. Về việc điều chỉnh Nghị định số 105/2020/NĐ-CP
ngày 08 tháng 9 năm 2020 của Chính phủ: Giao Bộ Giáo dục và Đào tạo tiếp tục
nghiên cứu tham mưu Chính phủ việc nâng mức hỗ trợ ăn trưa đối với trẻ
mẫu giáo 5-6 tuổi trong thời gian tới, báo cáo cấp có thẩm quyền theo quy định.
5. Về đề nghị sửa đổi, bổ sung Nghị định số
76/2019/NĐ-CP ngày 08 tháng 10 năm 2019 của Chính phủ: Giao Bộ Nội vụ nghiên cứu,
tổng hợp kiến nghị của tỉnh Điện Biên, báo cáo cấp có thẩm
quyền theo quy định.
""", [
        ("Về việc điều chỉnh Nghị ", {("responsible", "bo-giao-duc-va-dao-tao")}, None, None),
        ("Về đề nghị sửa đổi, bổ s", {("responsible", "bo-noi-vu")}, None, None)]),
    # Kết luận 221-KL/TW (2025): the title in capitals ends at its `-----` rule; `4. Yêu cầu Đảng ủy Chính phủ ...`
    # is an assignment, not a `Yêu cầu` (requirements) heading; the central party committees of 2025
    ("party conclusion", CENTRAL, """KẾT LUẬN
CỦA BỘ CHÍNH TRỊ,
BAN BÍ THƯ
VỀ TÌNH HÌNH, KẾT
QUẢ HOẠT ĐỘNG CỦA BỘ MÁY HỆ THỐNG CHÍNH TRỊ VÀ CHÍNH QUYỀN ĐỊA PHƯƠNG 2 CẤP
-----
Tại phiên họp ngày 28/11/2025, sau
khi nghe Báo cáo của Ban Tổ chức Trung ương, Bộ Chính trị, Ban Bí thư kết luận như
sau:
3. Giao Đảng ủy Chính phủ
lãnh đạo, chỉ đạo các bộ, ngành tiếp tục phối hợp với Bộ Tư pháp và các cơ quan
liên quan khẩn trương rà soát toàn bộ hệ thống văn bản quy phạm pháp luật.
4. Yêu cầu Đảng ủy Chính
phủ chỉ đạo các cấp ủy, tổ chức đảng ở Trung ương theo chức năng, nhiệm vụ được
giao khẩn trương lãnh đạo, chỉ đạo giải quyết các kiến nghị, hoàn thành trong năm 2025.
""", [
        ("Giao Đảng ủy Chính phủ l", {("responsible", "dang-uy-chinh-phu"), ("partner", "bo-tu-phap"),
                                      ("partner", "group:cac-co-quan-lien-quan")}, None, None),
        ("Yêu cầu Đảng ủy Chính ph", {("responsible", "dang-uy-chinh-phu")}, "2025-01-01", "2025-12-31")]),
    # CĐ 226/CĐ-TTg (2025): the intro (`... các nhiệm vụ, giải pháp sau:`) is no task; `1. Bộ Tài chính chủ trì, phối hợp
    # với ...:` over `a) ...` holds the items as lead, its partners on each; `theo chức năng, nhiệm vụ, thẩm quyền` between
    ("role headings of a công điện", CENTRAL, """Thủ tướng Chính phủ yêu
cầu các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ tập trung thực
hiện ngay các nhiệm vụ, giải pháp sau:
1. Bộ Tài chính chủ trì, phối hợp với các Bộ, cơ quan liên quan và
các địa phương:
a) Rà soát các mặt
hàng dự trữ quốc gia bảo đảm chủng loại, số lượng, chất lượng.
b) Tổng hợp
nhu cầu về hàng dự trữ quốc gia của địa phương.
2. Bộ Quốc phòng, Bộ Công an theo chức năng, nhiệm vụ, thẩm quyền
chủ trì, phối hợp với các Bộ, cơ quan liên quan và các địa phương:
a) Huy động
lực lượng, phương tiện tham gia công tác vận chuyển hàng dự trữ quốc gia.
""", [
        ("Rà soát các mặt hàng dự ", {("lead", "bo-tai-chinh"), ("responsible", "bo-tai-chinh"), ("partner", "group:cac-bo-nganh"),
                                      ("partner", "group:cac-dia-phuong")}, None, None),
        ("Tổng hợp nhu cầu về hàng", {("lead", "bo-tai-chinh"), ("responsible", "bo-tai-chinh"), ("partner", "group:cac-bo-nganh"),
                                      ("partner", "group:cac-dia-phuong")}, None, None),
        ("Huy động lực lượng, phươ", {("lead", "bo-quoc-phong"), ("responsible", "bo-quoc-phong"), ("lead", "bo-cong-an"),
                                      ("responsible", "bo-cong-an"), ("partner", "group:cac-bo-nganh"), ("partner", "group:cac-dia-phuong")},
         None, None)]),
]


@pytest.mark.parametrize("name,doc,raw,expected", SHAPES, ids=[s[0] for s in SHAPES])
def test_plan_shapes(name, doc, raw, expected):
    got = _summary(_parsed(raw, doc))
    assert [g[0][:len(x[0])] for g, x in zip(got, expected, strict=False)] == [x[0] for x in expected]
    assert len(got) == len(expected)
    for g, x in zip(got, expected, strict=True):
        assert g[1] == x[1], g[0]
        assert (g[2], g[3]) == (x[2], x[3]), g[0]


@pytest.mark.parametrize("heading", ["1.5.\nTrách nhiệm của đối tượng thực hiện kiểm kê:",
                                     "1.6.\nTrách nhiệm của các cơ quan quản lý cấp trên:"])
def test_holder_heading_without_known_body(heading):
    # QĐ 1627/QĐ-UBND Quảng Ngãi IV.1.5-6: `Trách nhiệm của X:` names the holder even when X is not a known body
    raw = f"IV. NHIỆM VỤ CỤ THỂ\n\n{heading}\n\n- Thành lập Tổ kiểm kê.\n\nThời\nhạn hoàn thành: Trước ngày 30/11/2025.\n"
    got = _summary(_parsed(raw, QUANGNGAI))
    assert [(g[0][:20], g[3]) for g in got] == [("Thành lập Tổ kiểm kê", "2025-11-30")]


def test_numbered_item_keeps_its_later_sentences():
    # KH 141/KH-UBND Bắc Ninh IV.1: the report duty in the item's second sentence stays on the item's task
    raw = ("IV. TỔ CHỨC THỰC HIỆN\n\n1. Các cơ quan, đơn vị,\nđịa phương xây dựng Kế hoạch triển khai thực hiện "
           "xong trong tháng 12/2025.\nĐịnh kỳ báo cáo UBND tỉnh (qua Sở Tư pháp) kết quả thực hiện Kế hoạch hằng năm\n"
           "(trước ngày 15 tháng 11).\n")
    out = _parsed(raw, BACNINH)
    assert len(out["tasks"]) == 1
    t = out["tasks"][0]
    assert (t["deadline_end"], t["recurrence"]) == ("2025-12-31", "annual")
    assert "Định kỳ báo cáo" in t["text"]


def test_recipients_list_is_no_task():
    # Nghị định 202/2026/NĐ-CP: a `NƠI NHẬN` list the structure parser reads as items holds no duty
    raw = """Điều 3. Trách nhiệm thi hành

2. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương và các tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Nghị định này.

---

NƠI NHẬN

- Ban Bí thư Trung ương Đảng;
- Thủ tướng, các Phó Thủ tướng Chính phủ;
- Các bộ, cơ quan ngang bộ;
"""
    out = _parsed(raw, {"id": "doc", "province": None, "issued_date": "2026-01-01"})
    assert [" ".join(t["text"].split())[:14] for t in out["tasks"]] == ["Các Bộ trưởng,"]


# ---------------------------------------------------------------- fourth held-out round (QĐ 2820 HCM, KH 0124 Đắk
# Lắk, QĐ 986 Tuyên Quang, KH 597 Đồng Tháp)

HCM2025 = {"id": "doc", "province": "Hồ Chí Minh", "issued_date": "2025-11-19"}

# QĐ 2820/QĐ-UBND HCM (2025) appendix: trafilatura drops merged cells, so a second task of one numbered row comes
# as a short row (content | lead [| partner]) with no STT; row 4 holds two tasks line by line in each cell
TABLE_2820 = """|
TT
|
Nhiệm vụ
|
Cơ quan chủ trì
|
Cơ quan phối hợp
|
Thời gian dự kiến hoàn thành
|
Kết quả
|
Nguồn kinh phí
|
|
** IV**
|
**Quản lý, vận hành hệ thống**
|
|
2
|
Quản lý, vận hành Hệ thống
thông tin và cơ sở dữ liệu quốc gia về quy hoạch đảm bảo hoạt động thông suốt,
liên tục 24/7.
|
Sở Tài chính
|
Các sở, ngành, UBND xã, phường, đặc khu
|
Quý IV/2026
|
|
Thực hiện sao lưu dữ liệu
và đảm bảo có khả năng phục hồi hệ thống sau sự cố.
|
Sở Khoa học và Công nghệ
|
Sở Tài chính
|
|
4
|
Bố trí nhân lực đảm bảo đủ
năng lực để thực hiện nhiệm vụ xây dựng, thu thập, xử lý, đồng bộ dữ liệu, cập
nhật Hệ thống thông tin và cơ sở dữ liệu quốc gia về quy hoạch.
Bố trí nhân lực đảm bảo đủ
năng lực để quản lý, vận hành, kết nối, chia sẻ và khai thác Hệ thống thông
tin và cơ sở dữ liệu quốc gia về quy hoạch.
|
Các sở, ngành, UBND xã, phường, đặc khu
Sở Tài chính
|
Sở Tài chính
Các sở, ngành, UBND xã, phường, đặc khu
|
Năm 2026
|
Đảm bảo đủ nhân lực
|
|
"""


def _by_task(out: dict) -> dict[str, set[tuple[str, str]]]:
    by: dict[str, set[tuple[str, str]]] = {}
    for r in out["task_bodies"]:
        by.setdefault(r["task_id"], set()).add((r["role"], r["body_id"]))
    return by


def test_table_rows_with_merged_cells():
    out = run(TABLE_2820, doc=HCM2025)
    rows = [t for t in out["tasks"] if t["origin"] == "table"]
    assert [" ".join(t["text"].split())[:25] for t in rows] == [
        "Quản lý, vận hành Hệ thốn", "Thực hiện sao lưu dữ liệu", "Bố trí nhân lực đảm bảo đ",
        "Bố trí nhân lực đảm bảo đ"]
    by = _by_task(out)
    # the row without STT: its own lead and partner, not the columns shifted onto the lead's name
    assert by[rows[1]["id"]] == {("lead", "so-khoa-hoc-va-cong-nghe@ho-chi-minh"),
                                 ("partner", "so-tai-chinh@ho-chi-minh")}
    assert rows[1]["deadline_end"] is None
    # the two-task row: line i of the lead and partner cells goes with sentence i of the content cell
    assert ("lead", "so-tai-chinh@ho-chi-minh") not in by[rows[2]["id"]]
    assert ("partner", "so-tai-chinh@ho-chi-minh") in by[rows[2]["id"]]
    assert ("lead", "so-tai-chinh@ho-chi-minh") in by[rows[3]["id"]]
    assert ("partner", "so-tai-chinh@ho-chi-minh") not in by[rows[3]["id"]]
    assert rows[2]["text"].rstrip().endswith("quốc gia về quy hoạch.") and rows[3]["start"] > rows[2]["end"]
    assert (rows[3]["deadline_start"], rows[3]["deadline_end"]) == ("2026-01-01", "2026-12-31")


def test_heading_body_named_as_partner_is_partner():
    # QĐ 2820/QĐ-UBND HCM IV.3: the heading names two bodies, the paragraph says which one leads
    raw = ("IV. TỔ CHỨC THỰC HIỆN\n\n**3.\nCông An Thành phố, Bộ Tư lệnh Thành phố**\n\nCông an Thành phố chủ trì phối\n"
           "hợp với Bộ Tư lệnh Thành phố và các đơn vị có liên quan định kỳ kiểm tra, đánh\n"
           "giá an toàn hệ thống, trách nhiệm xử lý sự cố đường truyền tín hiệu kết nối.\n")
    out = _parsed(raw, HCM2025)
    assert len(out["tasks"]) == 1
    got = roles(out)
    assert ("partner", "bo-tu-lenh@ho-chi-minh") in got
    assert not {r for r in got if r[1] == "bo-tu-lenh@ho-chi-minh" and r[0] in ("lead", "responsible")}
    assert {r[0] for r in got if r[1] == "cong-an@ho-chi-minh"} & {"lead", "responsible"}


def test_sentence_subject_carried_to_bullets():
    # KH 0124/KH-UBND Đắk Lắk IV.1: the item's sentence names its body and is a task; each bullet under it is one
    # more task of the same body
    raw = ("**IV. TỔ CHỨC\nTHỰC HIỆN**\n\n1. Các cơ quan, đơn vị, địa\nphương, doanh nghiệp căn cứ chức năng, nhiệm vụ "
           "được giao xây dựng kế hoạch triển\nkhai thực hiện đợt thi đua gắn với tình hình thực tế; đề ra giải pháp góp "
           "phần\nhoàn thành mục tiêu phát triển kinh tế - xã hội năm 2025.\n\n- Giới thiệu điển hình tiên tiến\n"
           "trong Đợt thi đua để tuyên truyền trên các phương tiện thông tin đại chúng.\n\n- Khen thưởng theo thẩm quyền\n"
           "và đề nghị khen thưởng đối với các tập thể, cá nhân có thành tích tiêu biểu.\n\n- Báo cáo Ủy ban nhân dân tỉnh\n"
           "về kết quả Đợt thi đua (qua Sở Nội vụ) khi tổng kết Đợt thi đua.\n")
    out = _parsed(raw, DAKLAK)
    assert [" ".join(t["text"].split())[:20] for t in out["tasks"]] == [
        "Các cơ quan, đơn vị,", "Giới thiệu điển hình", "Khen thưởng theo thẩ", "Báo cáo Ủy ban nhân "]
    by = _by_task(out)
    for t in out["tasks"]:
        assert ("responsible", "group:cac-co-quan-don-vi-dia-phuong@dak-lak") in by[t["id"]]
    assert ("report_to", "ubnd@dak-lak") in by[out["tasks"][3]["id"]]


def test_sentence_running_into_a_dash_line_keeps_no_bullets():
    # KH 308/KH-UBND Hà Nội III.1: `- Cơ quan thường trực ...` continues the sentence above it (no full stop)
    raw = ("III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Khoa học và Công nghệ\ntheo dõi, đôn đốc các Sở, ban, ngành triển khai "
           "thực hiện nhiệm vụ theo đúng tiến\nđộ; tham mưu UBND Thành phố báo cáo kết quả triển khai thực hiện về Cục "
           "Cảnh\nsát Quản lý hành chính về trật tự xã hội\n\n- Cơ quan thường trực Tổ công\ntác triển khai Đề án 06 "
           "trước ngày 20 hằng tháng lên phần mềm theo dõi.\n")
    out = _parsed(raw, {"id": "doc", "province": "Hà Nội", "issued_date": "2025-06-01"})
    assert len(out["tasks"]) == 1


def test_de_nghi_colon_heading():
    # KH 0124/KH-UBND Đắk Lắk IV.2: `Đề nghị X, Y và Z: Phối hợp ...` on one bold line -> one task, X Y Z requested
    raw = ("IV. TỔ CHỨC THỰC HIỆN\n\n**2. Đề nghị các cấp ủy Đảng,\nMặt trận Tổ quốc Việt Nam tỉnh và các tổ chức "
           "chính trị - xã hội tỉnh: **Phối\nhợp chặt chẽ với cấp ủy, chính quyền các cấp trong tuyên truyền, vận động "
           "tham gia hưởng ứng Phong trào thi đua;\n\n**3. Sở Văn hóa, Thể thao và\nDu lịch: **Phối hợp với Ban Tuyên "
           "giáo và Dân vận Tỉnh ủy thường xuyên tuyên truyền về các phong trào thi đua.\n")
    out = _parsed(raw, DAKLAK)
    assert [" ".join(t["text"].split())[:16] for t in out["tasks"]] == ["Đề nghị các cấp ", "Sở Văn hóa, Thể "]
    by = _by_task(out)
    first = by[out["tasks"][0]["id"]]
    assert ("requested", "ubmttq@dak-lak") in first
    assert not {r for r in first if r[0] == "responsible"}


def test_article_giao_heading_over_clauses():
    # QĐ 986/QĐ-UBND Tuyên Quang (2024): `Điều 2. Giao Giám đốc Sở X` over numbered clauses -> one task per clause
    raw = ("Điều 2. Giao Giám đốc Sở Giáo dục và Đào tạo\n\n1. Tổ chức chỉ đạo thực hiện hoàn thành Kế hoạch thời "
           "gian năm học 2024-2025 đúng quy định.\n\n2. Chủ trì, phối hợp với Chủ tịch Ủy ban nhân dân huyện, thành "
           "phố; thủ trưởng các ngành có liên quan hướng dẫn và tổ chức thực hiện thống nhất.\n\n"
           "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n")
    out = _parsed(raw, {"id": "doc", "province": "Tuyên Quang", "issued_date": "2024-08-01"})
    assert [" ".join(t["text"].split())[:16] for t in out["tasks"]] == ["Tổ chức chỉ đạo ", "Chủ trì, phối hợ"]
    by = _by_task(out)
    assert ("responsible", "so-giao-duc-va-dao-tao@tuyen-quang") in by[out["tasks"][0]["id"]]
    assert ("lead", "so-giao-duc-va-dao-tao@tuyen-quang") in by[out["tasks"][1]["id"]]


def test_conditional_closing_sentence_proposes():
    # KH 597/KH-UBND Đồng Tháp: the closing paragraph's second sentence is a duty of its own
    raw = ("V. TỔ CHỨC THỰC HIỆN\n\nTrên đây là Kế hoạch Chuyển đổi số. Đề\nnghị các cơ quan, đơn vị nghiêm túc "
           "triển khai thực hiện. Định kỳ hằng năm (trước\nngày 30 tháng 11) báo cáo kết quả thực hiện về Sở Xây dựng."
           " Trong quá trình tổ chức thực hiện, nếu\nthấy cần sửa đổi, bổ sung các sở, ngành, địa phương chủ động đề "
           "xuất gửi Sở Xây\ndựng tổng hợp và báo cáo Ủy ban nhân dân Tỉnh xem xét, quyết định./.\n")
    out = _parsed(raw, {"id": "doc", "province": "Đồng Tháp", "issued_date": "2025-06-01"})
    last = out["tasks"][-1]
    assert " ".join(last["text"].split()).startswith("Trong quá trình tổ chức thực hiện, nếu")
    by = _by_task(out)
    assert ("responsible", "group:cac-so-nganh-dia-phuong@dong-thap") in by[last["id"]]
    assert ("report_to", "so-xay-dung@dong-thap") in by[last["id"]]


# ---------------------------------------------------------------- shapes from the 2026 dev round

ND = {"id": "nd", "province": None, "issued_date": "2026-07-01"}


def test_execution_clause_inside_last_clause():
    """NĐ 281/2026/NĐ-CP Điều 11.3: a titled second subject the gazetteer does not know, then the cue."""
    text = ("3. Chủ tịch Ủy ban nhân dân các cấp, Thủ trưởng các cơ quan có thẩm quyền xử phạt vi phạm hành "
            "chính trong lĩnh vực đất đai chịu trách nhiệm thi hành Nghị định này.")
    out = run(text, doc=ND)
    assert len(out["tasks"]) == 1
    assert out["tasks"][0]["text"].startswith("Chủ tịch Ủy ban nhân dân các cấp")
    assert {r for r, _ in roles(out)} == {"responsible"}


CT_CANTHO = {"id": "ct", "province": "Cần Thơ", "issued_date": "2025-11-18"}


@pytest.mark.parametrize("name,raw,expected", [
    # Chỉ thị 09/CT-UBND Cần Thơ item 9: a heading of body names over a paragraph with no items
    ("heading over paragraph", """**9. Đề nghị Ủy
ban Mặt trận Tổ quốc Việt Nam thành phố**

Tăng cường công tác tuyên truyền,
vận động đoàn viên, hội viên, các tầng lớp nhân dân tích cực tham gia các hoạt
động bảo vệ nước dưới đất.
""", [("Tăng cường công tác tuyên", {"requested"})]),
    # item 8: `Giao X ...` items name their own holder, not the heading's group
    ("giao under heading", """**8. Giám đốc
Sở, Thủ trưởng cơ quan, ban, ngành**

a) Phối hợp Sở Nông nghiệp và
Môi trường và Ủy ban nhân dân xã, phường tuyên truyền, phổ biến quy định của
pháp luật về tài nguyên nước.

b) Giao Thanh tra thành phố tổ
chức thanh tra việc chấp hành các quy định pháp luật về tài nguyên nước theo định
kỳ hoặc đột xuất.

c) Giao Công an thành phố kịp
thời phát hiện và xử lý các tổ chức, cá nhân có hành vi vi phạm pháp luật.
""", None),
])
def test_chi_thi_items(name, raw, expected):
    out = _parsed(raw, CT_CANTHO)
    if expected is not None:
        got = [(" ".join(t["text"].split())[:25], {r["role"] for r in out["task_bodies"] if r["task_id"] == t["id"]})
               for t in out["tasks"]]
        assert got == expected
        return
    by = {}
    for r in out["task_bodies"]:
        by.setdefault(r["task_id"], set()).add(r["body_id"].split("@")[0])
    giao = [t for t in out["tasks"] if t["text"].startswith("Giao")]
    assert len(giao) == 2
    assert any("thanh-tra" in b for b in by[giao[0]["id"]])
    assert any("cong-an" in b for b in by[giao[1]["id"]])
    assert not any("thanh-tra" in b for b in by[giao[1]["id"]])


@pytest.mark.parametrize("text,kind", [
    ("Các Trung tâm y tế tổng hợp, báo cáo 02 lần/ngày (trước 9 giờ và 15 giờ).", "periodic"),
    ("báo cáo tình hình hằng ngày về Sở Y tế", "periodic"),
    ("định kỳ 2 lần / tuần báo cáo", "periodic"),
])
def test_daily_reporting_is_periodic(text, kind):
    assert parse_recurrence(text) == kind


# Công văn 6397/UBND-KT (Hà Nội, 2025): no header, `Kính gửi` list, numbered paragraphs the structure parser
# leaves in one preamble unit.
LETTER = """**Kính gửi:**
|
- Các sở, ban, ngành thuộc Thành phố;
- Ủy ban nhân dân các xã, phường.
|

UBND Thành phố yêu cầu các sở, ban, ngành tiếp tục nghiên cứu, thực hiện một số nội dung sau:

**1. Trách
nhiệm của các đơn vị:**

*1.1. Sở
Tài chính:*

- Chủ trì, tiếp tục phối hợp với
các đơn vị có liên quan đa dạng hóa công tác đào tạo, bồi dưỡng về đấu thầu.

**2. Về công
tác báo cáo hoạt động đấu thầu:**

*2.1.
Báo cáo định kỳ hàng tháng:*

Yêu cầu UBND các xã, phường,
các sở, ban, ngành báo cáo số liệu định kỳ hàng tháng theo quy định.

*2.2. Trách nhiệm tổng hợp báo cáo:*

- Báo cáo tháng: Sở Tài chính tổng
hợp báo cáo tình hình thực hiện hoạt động đấu thầu của Thành phố trước ngày 10 hàng tháng.
"""


@pytest.mark.parametrize("quote,role,body", [
    ("Chủ trì, tiếp tục phối hợp", "lead", "so-tai-chinh"),
    ("Yêu cầu UBND các xã, phường", "responsible", "group:uy-ban-nhan-dan-cac-xa-phuong"),
    ("Báo cáo tháng: Sở Tài chính", "responsible", "so-tai-chinh"),
])
def test_letter_numbered_paragraphs(quote, role, body):
    units = [{"id": "doc#preamble", "parent_id": None, "kind": "preamble", "label": None, "heading": None,
              "text": LETTER[150:], "start": 150, "end": len(LETTER), "ordinal": 0, "depth": 0}]
    out = run(LETTER, units, {"id": "doc", "province": None, "issued_date": None})
    task = next(t for t in out["tasks"] if re.sub(r"\s+", " ", t["text"]).startswith(quote))
    assert (role, body) in {(r["role"], r["body_id"]) for r in out["task_bodies"] if r["task_id"] == task["id"]}
    assert len(out["tasks"]) == 3
