"""Task shapes of letters and appendix tables, each on a real snippet (fourth session): a letter inside the page's
layout table, committees named in a list of provinces, table headers that say who carries a row out, lists of
administrative procedures, and a reply's closing. Expected values are read off the snippets."""

from __future__ import annotations

from tests.test_task_shapes_central import CENTRAL
from tests.test_tasks import _parsed

DONGNAI = {"id": "doc", "province": "Đồng Nai", "issued_date": "2025-11-18", "doc_type": "Kế hoạch"}
HCM_SNV = {"id": "doc", "province": "Hồ Chí Minh", "issued_date": "2025-11-20", "doc_type": "Công văn", "issuer": "Sở Nội vụ"}


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


# CĐ 234/CĐ-TTg (2025): the preamble ends at the lead-in's colon over `1.`; the heading names its holder and its scope
CD_234 = """CÔNG ĐIỆN
V/V PHÁT ĐỘNG, TRIỂN KHAI "CHIẾN DỊCH QUANG TRUNG"

Căn cứ chỉ đạo của Tổng
Bí thư Tô Lâm, của Bộ Chính trị tại thông báo số 99-TB/TW ngày 21/11/2025, Thủ
tướng Chính phủ yêu cầu:
1. Chủ tịch Ủy ban nhân
dân các tỉnh, thành phố từ Hà Tĩnh đến Lâm Đồng, trong đó trọng tâm là các tỉnh:
Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng:
a) Tổ chức xây dựng kế hoạch
cụ thể, phát động và triển khai ngay "Chiến dịch Quang Trung" vào
ngày 01/12/2025.
b) Huy động lực lượng
quân đội, công an, thanh niên hỗ trợ sửa chữa nhà cho các gia đình có
nhà bị hư hỏng nặng, hoàn thành chậm nhất trước ngày 31/12/2025.
2. Bộ trưởng Bộ Tài chính
chủ trì phối hợp với các bộ, ngành liên quan rà soát, bố trí kinh phí, hoàn thành
trước ngày 05/12/2025.
"""

# CV 6386/BVHTTDL-KHCNĐTMT (2025): addressees the gazetteer does not know, after the lead-in's `đề nghị`
CV_6386 = """Kính gửi: Các cơ sở
đào tạo trực thuộc Bộ

Thực
hiện Thông báo số 460/TB-VPCP ngày 04/9/2025. Bộ Văn hóa, Thể
thao và Du lịch (VHTTDL) đề nghị các cơ sở đào tạo trực thuộc Bộ (sau đây gọi
là cơ sở đào tạo) nghiêm túc thực hiện một số nhiệm vụ năm học 2025 - 2026 với
các nội dung chủ yếu như sau:

I. NHIỆM VỤ CỤ THỂ

1. Tập
trung hoàn thiện thể chế, cơ chế, chính sách, pháp luật

- Tiếp
tục rà soát, sửa đổi, bổ sung, ban hành mới các quy định của cơ sở đào tạo.

- Nghiêm túc thực hiện đúng các quy định về quản lý thu chi tài chính.
"""


def test_preamble_lead_in_and_scoped_holder():
    got = _tasks(_parsed(CD_234, {**CENTRAL, "doc_type": "Công điện"}))
    provinces = {("responsible", "group:ubnd-cac-tinh-thanh-pho")}
    assert [(g[0], g[1]) for g in got] == [
        ("Tổ chức xây dựng kế hoạch cụ t", provinces), ("Huy động lực lượng quân đội, c", provinces),
        ("Bộ trưởng Bộ Tài chính chủ trì", {("lead", "bo-tai-chinh"), ("partner", "group:cac-bo-nganh")})]
    assert got[1][2] == "2025-12-31"


def test_unknown_addressees_hold_the_items():
    got = _tasks(_parsed(CV_6386, {**CENTRAL, "doc_type": "Công văn"}))
    group = {("requested", "group:cac-co-so-dao-tao-truc-thuoc-bo")}
    assert got == [("Tiếp tục rà soát, sửa đổi, bổ", group, None), ("Nghiêm túc thực hiện đúng các", group, None)]


# CV 10283/SNV-LĐTLBHXH Hồ Chí Minh (2025): a duty ending `cụ thể:` is one task over its bullets; the list of the acts
# that are fined holds no duty
CV_10283 = """Kính gửi: Các
Doanh nghiệp hoạt động cho thuê lại lao động trên địa bàn Thành phố Hồ Chí Minh

Thực hiện quy định Bộ luật Lao động năm 2012 và Nghị
định số 145/2020/NĐ-CP ngày 14 tháng 12 năm 2020 của Chính phủ quy định chi tiết
và hướng dẫn thi hành một số điều của Bộ luật Lao động về điều kiện lao động và
quan hệ lao động;

Nhằm đảm bảo thực hiện các quy định pháp luật lao động
về hoạt động cho thuê lại lao động. Sở Nội vụ đề nghị các doanh nghiệp có hoạt
động cho thuê lại lao động trên địa bàn Thành phố tự kiểm tra, đánh giá việc thực
hiện quy định pháp luật trong hoạt động cho thuê lại lao động, nội dung cụ thể
như sau:

1. Thường xuyên rà soát, kiểm
tra hoạt động cho thuê lại lao động của doanh nghiệp phù hợp với nguyên tắc hoạt
động theo quy định tại Điều 53 Bộ luật Lao động, cụ thể:

- Loại công việc cho thuê lại lao động theo Danh mục
công việc được thực hiện cho thuê lại lao động.

- Doanh nghiệp cho thuê lại lao động và bên thuê lại
lao động phải ký kết hợp đồng cho thuê lại lao động bằng văn bản.

2. Doanh nghiệp thực hiện
gia hạn giấy phép theo quy định tại Điều 26 Nghi định số 145/2020/NĐ-CP.

3. Lưu ý quy định xử lý vi phạm
hành chính đối với vi phạm quy định về cho thuê lại lao động:

- Không lập hồ sơ ghi rõ số lao động đã cho thuê lại,
bên thuê lại lao động.

- Không báo cáo tình hình cho thuê lại lao động
theo quy định của pháp luật.

Nơi nhận:
- Như trên;
"""

# NQ 394/NQ-CP (2025): `- Bộ Công Thương` over `+` bullets
NQ_394 = """III. NHIỆM VỤ, GIẢI PHÁP

2. Tăng
cường hiệu quả công tác quản lý rác thải

a) Tiếp tục hoàn thiện thể
chế chính sách về quản lý rác thải

- Bộ Công Thương

+ Ban hành theo thẩm quyền
hoặc tham mưu cấp có thẩm quyền ban hành các chính sách thúc đẩy phát triển
ngành công nghiệp môi trường.

+ Tiếp tục rà soát các quy định về trách nhiệm tái chế.

- Bộ Xây dựng

+ Ban hành các quy định về quản lý chất thải rắn xây dựng.
"""


def test_details_and_fined_acts():
    got = _tasks(_parsed(CV_10283, {**HCM_SNV}))
    assert [g[0] for g in got] == ["Thường xuyên rà soát, kiểm tra", "Doanh nghiệp thực hiện gia hạn"]


def test_dash_name_heads_plus_bullets():
    got = _tasks(_parsed(NQ_394, {**CENTRAL, "doc_type": "Nghị quyết"}))
    assert [(g[0], g[1]) for g in got] == [
        ("Ban hành theo thẩm quyền hoặc", {("responsible", "bo-cong-thuong"), ("advise", "bo-cong-thuong")}),
        ("Tiếp tục rà soát các quy định", {("responsible", "bo-cong-thuong")}),
        ("Ban hành các quy định về quản", {("responsible", "bo-xay-dung")})]


def test_steering_committee_acts_are_no_topics():
    """`Ban Chỉ đạo ban hành ...`, `Ban Chỉ đạo Trưởng ban giao ...` (QĐ 170/QĐ-BCĐNNDL, 172/QĐ-BCĐPTCNBD, 2025): the
    committee and what it does, not a committee named by those words; `Ban Chỉ đạo Nhà nước về Du lịch` is named."""
    from ingest.bodies import find_body_spans

    def named(text):
        return [(text[s:e], b["id"]) for s, e, b in find_body_spans(text, None)]

    rules = "Quy chế hoạt động của Ban Chỉ đạo Nhà nước về Du lịch. Ban Chỉ đạo ban hành quy chế; Ban Chỉ đạo Trưởng ban giao"
    assert [r for r, _ in named(rules)] == ["Ban Chỉ đạo Nhà nước về Du lịch", "Ban Chỉ đạo", "Ban Chỉ đạo"]
    assert len({i for _, i in named(rules)}) == 1
    assert [r for r, _ in named("7. Cục Hợp\ntác quốc tế\nKhẩn trương hoàn thành")] == ["Cục Hợp\ntác quốc tế"]


def test_district_departments_by_level():
    """QĐ 49/2012/QĐ-UBND Hồ Chí Minh: `Điều 7. Phòng Lao động - Thương binh và Xã hội quận - huyện có nhiệm vụ` over its
    clauses; the district departments before 2025 named by their level are a group of the city."""
    raw = """Điều 7. Phòng Lao động - Thương binh và Xã hội quận - huyện có nhiệm vụ

1. Quản lý đối tượng, quản lý kinh phí thực hiện chính sách người có công.

2. Rà soát, kiểm tra chi tiết, đối chiếu danh sách chi trả trợ cấp hàng tháng.
"""
    hcm = {"id": "doc", "province": "Hồ Chí Minh", "issued_date": "2012-10-01", "doc_type": "Quyết định"}
    group = {("responsible", "group:phong-lao-dong-thuong-binh-va-xa-hoi-cap-huyen@ho-chi-minh")}
    assert [(g[0], g[1]) for g in _tasks(_parsed(raw, hcm))] == [
        ("Quản lý đối tượng, quản lý kin", group), ("Rà soát, kiểm tra chi tiết, đố", group)]
