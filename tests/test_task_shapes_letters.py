"""Task shapes of letters and appendix tables, each on a real snippet (fourth session): a letter inside the page's
layout table, committees named in a list of provinces, table headers that say who carries a row out, lists of
administrative procedures, and a reply's closing. Expected values are read off the snippets."""

from __future__ import annotations

from tests.test_task_shapes_central import CENTRAL
from tests.test_tasks import _parsed

DONGNAI = {"id": "doc", "province": "Đồng Nai", "issued_date": "2025-11-18", "doc_type": "Kế hoạch"}


def _tasks(out: dict) -> list[tuple[str, set[tuple[str, str]], str | None]]:
    """(first words, {(role, body id with its province)}, deadline end) per task, in text order."""
    by: dict = {}
    for r in out["task_bodies"]:
        by.setdefault(r["task_id"], set()).add((r["role"], r["body_id"]))
    return [(" ".join(t["text"].split())[:30].rstrip(), by.get(t["id"], set()), t["deadline_end"]) for t in out["tasks"]]


# Công văn 11654/VPCP-CN (2025) as the page lays it out: the letter is one cell of the layout table, between the date
# and `Nơi nhận`
LAYOUT_LETTER = """|
**VĂN PHÒNG CHÍNH PHỦ**
-------
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
**Độc lập - Tự do - Hạnh phúc**
---------------
|
|
Số: 11654/VPCP-CN
V/v cung ứng vật liệu xây dựng phục vụ Dự án
tuyến đường bộ cao tốc CT.08, đoạn qua Nam Định, Thái Bình
|
*Hà Nội, ngày 27
tháng 11 năm 2025*
|
|
**Kính gửi:**
|
Chủ tịch Ủy ban nhân dân các tỉnh: Hưng Yên, Ninh
Bình, Bắc Ninh, Phú Thọ, Tuyên Quang.
|
Xét báo cáo và đề xuất, kiến nghị của Ủy ban nhân
dân tỉnh Hưng Yên (văn bản số 84/BC-UBND ngày 19 tháng 11 năm 2025) về tình
hình cung ứng vật liệu xây dựng phục vụ Dự án tuyến đường bộ cao tốc Ninh Bình
- Hải Phòng, đoạn qua Nam Định và Thái Bình theo phương thức đối tác công tư
(Dự án), Phó Thủ tướng Chính phủ Trần Hồng Hà có ý kiến như sau:
Chủ tịch Ủy ban nhân dân tỉnh Hưng Yên khẩn trương
làm việc với các địa phương có liên quan theo chỉ đạo của Thủ tướng Chính phủ
tại Thông báo số 627/TB-VPCP ngày 18 tháng 11 năm 2025 của Văn phòng Chính phủ
để đảm bảo nguồn cung vật liệu xây dựng phục vụ Dự án; báo cáo Thủ tướng Chính
phủ kết quả trước ngày 03 tháng 12 năm 2025. Ủy ban nhân dân các tỉnh: Ninh
Bình, Bắc Ninh, Phú Thọ, Tuyên Quang đẩy nhanh các thủ tục theo quy định của
pháp luật để hỗ trợ tỉnh Hưng Yên đảm bảo nguồn cung vật liệu xây dựng phục vụ
thi công đáp ứng tiến độ thực hiện, hoàn thành Dự án theo đúng quy định.
Văn phòng Chính phủ thông báo để các địa phương, cơ
quan, đơn vị có liên quan biết, thực hiện./.
|
*Nơi nhận:*
- Như trên;
- Thủ tướng, các PTTgCP (để b/c);
- UBND các tỉnh, thành phố: Hải Phòng, Hưng Yên, Ninh Bình, Bắc Ninh, Phú
Thọ, Tuyên Quang;
- Lưu: VT, CN(2). y
|
**KT. BỘ TRƯỞNG,
CHỦ NHIỆM**
**PHÓ CHỦ NHIỆM**
**Nguyễn Sỹ Hiệp**
"""


def test_letter_in_layout_table():
    from ingest.normalize import normalize
    from ingest.structure import parse_structure

    text, _ = normalize(LAYOUT_LETTER)
    kinds = [u["kind"] for u in parse_structure(text, "doc")]
    assert "paragraph" in kinds  # the letter's cell is running text, not part of the layout table
    got = _tasks(_parsed(LAYOUT_LETTER, CENTRAL))
    four = {("responsible", f"ubnd@{p}") for p in ("ninh-binh", "bac-ninh", "phu-tho", "tuyen-quang")}
    assert got == [
        ("Chủ tịch Ủy ban nhân dân tỉnh", {("responsible", "ubnd@hung-yen")}, "2025-12-03"),
        ("Ủy ban nhân dân các tỉnh: Ninh", four, None),
    ]


def test_committees_of_a_province_list():
    """`Ủy ban nhân dân các tỉnh: A, B` names each province's committee; the first mention keeps the list's head; the
    last name ends before the duty; `UBND các tỉnh, thành phố: ...` in Nơi nhận lists the cities too."""
    from ingest.bodies import find_body_spans

    def named(text):
        return [(text[s:e], b["id"]) for s, e, b in find_body_spans(text, None)]

    assert named("Ủy ban nhân dân các tỉnh: Ninh\nBình, Bắc Ninh, Phú Thọ, Tuyên Quang đẩy nhanh các thủ tục") == [
        ("Ủy ban nhân dân các tỉnh: Ninh\nBình", "ubnd@ninh-binh"), ("Bắc Ninh", "ubnd@bac-ninh"),
        ("Phú Thọ", "ubnd@phu-tho"), ("Tuyên Quang", "ubnd@tuyen-quang")]
    assert [i for _, i in named("- UBND các tỉnh, thành phố: Hải Phòng, Hưng Yên, Ninh Bình;")] == [
        "ubnd@hai-phong", "ubnd@hung-yen", "ubnd@ninh-binh"]


# KH 179/KH-UBND Đồng Nai (2025), Phụ lục: `Đơn vị thực hiện` is the lead column
TABLE_179 = """**PHỤ LỤC**

DANH MỤC CÁC NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM THỰC HIỆN CHIẾN
LƯỢC QUỐC GIA PHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ GIAI ĐOẠN 2026-2030 TRÊN ĐỊA
BÀN TỈNH

|
**STT**
|
**Nhiệm vụ, giải
pháp**
|
**Đơn vị thực hiện**
|
**Đơn vị phối hợp**
|
**Thời gian thực
hiện**
|
**Sản phẩm đầu ra**
|
|
**I**
|
**Hoàn thiện thể chế**
|
|
1.1
|
Rà soát, xây dựng, sửa đổi, bổ sung các quy định pháp
luật cho phù hợp với sự phát triển kinh tế số, xã hội số của tỉnh
|
Sở Tư pháp
|
Các sở, ban, ngành; UBND các phường, xã
|
2026 - 2030
|
Các cơ chế, chính sách; các văn bản quy phạm pháp
luật
|
|
2.2
|
Triển khai chiến lược, kế hoạch chuyển đổi số, lộ
trình số hoá và thông minh hoá lĩnh vực giao thông và lĩnh vực hạ tầng đô thị
|
Sở Xây dựng
|
Các sở, ban, ngành; UBND các phường, xã
|
2026 - 2030
|
Chiến lược và Kế hoạch
|
"""

# Công văn 174/CV-BCĐ (2025), Phụ lục: the provinces' requests, each handed to the ministry `phụ trách`
TABLE_174 = """**PHỤ LỤC**
ĐỀ XUẤT KIẾN NGHỊ CỦA CÁC ĐỊA PHƯƠNG, ĐƠN VỊ VÀ PHÂN CÔNG
XỬ LÝ
|
**TT**
|
**Tỉnh kiến nghị**
|
**Thông tin đề xuất**
|
**Bộ phụ trách tiếp
nhận, xử lý**
|
|
2
|
Hà Tĩnh, Nghệ An,
Hà Nội
|
Đề nghị điều chỉnh Nghị định số 150/2025/NĐ-CP
ngày 12/6/2025 của Chính phủ về quy định tổ chức các cơ quan chuyên môn
|
Bộ Nội vụ
|
"""

# QĐ công bố thủ tục hành chính (tnt305 046d4a5b8d446144, 2025): `Cơ quan thực hiện` handles a citizen's file
TTHC = """|
STT
|
Tên thủ tục hành chính
|
Lĩnh vực
|
Cơ quan thực hiện
|
|
1
|
Thủ tục cấp giấy chứng nhận đăng ký hoạt động khoa học và công nghệ
|
Hoạt động khoa học và công nghệ
|
Sở Khoa học và Công nghệ
|
"""


def test_table_lead_columns():
    partners = {("partner", "group:cac-so-ban-nganh@dong-nai"), ("partner", "group:uy-ban-nhan-dan-cac-xa-phuong@dong-nai")}
    got = _tasks(_parsed(TABLE_179, DONGNAI))
    assert [g[0] for g in got] == ["Rà soát, xây dựng, sửa đổi, bổ", "Triển khai chiến lược, kế hoạc"]
    assert got[0][1] == {("lead", "so-tu-phap@dong-nai")} | partners
    assert got[1][1] == {("lead", "so-xay-dung@dong-nai")} | partners
    assert got[0][2] == "2030-12-31"
    got = _tasks(_parsed(TABLE_174, CENTRAL))
    assert got == [("Đề nghị điều chỉnh Nghị định s", {("lead", "bo-noi-vu")}, None)]
    assert _tasks(_parsed(TTHC, DONGNAI)) == []


def test_reply_closings_are_no_duties():
    """Công văn 39712/CHQ-GSQL and 5563/CT-CS (2025) close with the reply formula; a decree's `trả lời trong 07 ngày`
    (NĐ 54/2026/NĐ-CP, Điều 2) is a duty."""
    assert _tasks(_parsed("Cục Hải quan trả lời để Công\nty biết./.\n", CENTRAL)) == []
    assert _tasks(_parsed("Cục Thuế nhận được công văn số 746/NAN-CNTK ngày\n11/08/2025 của Thuế tỉnh Nghệ An.\n",
                          CENTRAL)) == []
    got = _tasks(_parsed("Điều 2. Sửa đổi Điều 8\n\nBộ Quốc phòng, Bộ Công an trả lời trong 07 ngày.\n",
                         {**CENTRAL, "doc_type": "Nghị định"}))
    assert got == [("Bộ Quốc phòng, Bộ Công an trả", {("responsible", "bo-quoc-phong"), ("responsible", "bo-cong-an")},
                    None)]
