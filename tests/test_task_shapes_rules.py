"""Task shapes of rules, regulations and laws, each on a real snippet (fifth session): a clause headed by a body over
its paragraph, a holder and a colon in a rule's article, a steering committee's office holders, a lead-in over
points, holders the gazetteer does not know, a list of ministries whose last name runs into the duty, `(i)` points.
Expected values are read off the snippets."""

from __future__ import annotations

from tests.test_task_shapes_central import CENTRAL
from tests.test_task_shapes_letters import _tasks
from tests.test_tasks import _parsed

PHUTHO = {"id": "doc", "province": "Phú Thọ", "issued_date": "2025-11-10", "doc_type": "Quyết định"}
HCM = {"id": "doc", "province": "Hồ Chí Minh", "issued_date": "2012-10-01", "doc_type": "Quyết định"}
RULES = {**CENTRAL, "doc_type": "Quyết định", "issuer": "Ban Chỉ đạo Nhà nước về Du lịch"}
LAW = {**CENTRAL, "doc_type": "Luật", "issuer": "Quốc hội"}


# QĐ 102/2025/QĐ-UBND Phú Thọ (tnt305 1a3950726cd8511f), Điều 5 and 7: a clause that is only a body's name over its
# paragraph, and one that opens with its holders and a colon; neither article is a responsibility section
def test_rule_clauses_headed_by_bodies():
    out = _parsed("""**Điều 5. Phối hợp trong tham
mưu xây dựng văn bản quản lý nhà nước về tín ngưỡng, tôn giáo**

1. Sở Dân tộc và Tôn giáo

Chủ trì đề xuất, tham mưu Ủy ban nhân dân tỉnh
trình Hội đồng nhân dân tỉnh dự thảo nghị quyết.

2. Sở Tư pháp

Chủ trì thẩm định dự thảo các văn bản quy phạm
pháp luật thuộc thẩm quyền ban hành của Hội đồng nhân dân tỉnh.

**Điều 7. Phối hợp trong tiếp
nhận, giải quyết thủ tục hành chính về tín ngưỡng, tôn giáo**

1. Sở Dân tộc và Tôn giáo, UBND cấp xã: Tiếp nhận
hồ sơ thủ tục hành chính về tín ngưỡng, tôn giáo của cá nhân, tổ chức.
""", PHUTHO)
    assert _tasks(out) == [
        ("Chủ trì đề xuất, tham mưu Ủy b", {("responsible", "so-dan-toc-va-ton-giao@phu-tho"),
                                          ("lead", "so-dan-toc-va-ton-giao@phu-tho"),
                                          ("advise", "so-dan-toc-va-ton-giao@phu-tho")}, None),
        ("Chủ trì thẩm định dự thảo các", {("responsible", "so-tu-phap@phu-tho"), ("lead", "so-tu-phap@phu-tho")}, None),
        ("Sở Dân tộc và Tôn giáo, UBND c", {("responsible", "so-dan-toc-va-ton-giao@phu-tho"),
                                          ("responsible", "group:uy-ban-nhan-dan-cap-xa@phu-tho")}, None)]


# a name in a list is no heading (NĐ 196/2026/NĐ-CP: `17. Cục Thông tin và Truyền thông Chính phủ.` over a paragraph)
def test_clause_names_that_are_no_holders():
    out = _parsed("""Điều 3. Cơ cấu tổ chức

16. Cục Quản trị - Tài vụ.

17. Cục Thông tin và Truyền thông Chính phủ.

Các đơn vị thuộc cơ cấu tổ chức của Văn phòng Chính phủ là các tổ chức hành chính do Bộ trưởng quy định.
""", {**CENTRAL, "doc_type": "Nghị định", "issuer": "Chính phủ"})
    assert _tasks(out) == []


# QĐ 170/QĐ-BCĐNNDL (2025), Quy chế hoạt động của Ban Chỉ đạo Nhà nước về Du lịch (tnt305 322358d6040a153b): the
# points under `1. Giúp Thủ tướng Chính phủ:` are the committee's tasks one by one; `Ủy viên thường trực` acts for the
# committee the rules are of
def test_committee_rules():
    out = _parsed("""QUY CHẾ

HOẠT ĐỘNG CỦA BAN CHỈ ĐẠO NHÀ NƯỚC VỀ DU LỊCH

**Điều 4. Trách nhiệm của Ban Chỉ
đạo**

1. Giúp Thủ tướng Chính phủ:

a) Chỉ đạo việc phối hợp hoạt động của các bộ,
ngành và địa phương liên quan trong việc xây dựng chiến lược.

b) Nghiên cứu, đề xuất Thủ tướng Chính phủ các giải
pháp cấp bách, cơ chế, chính sách linh hoạt phục vụ phát triển du lịch;

2. Tổng hợp và định kỳ báo cáo Thủ tướng Chính phủ
tình hình triển khai chiến lược.

**Điều 7. Trách nhiệm của Ủy viên
thường trực**

1. Giúp lãnh đạo Ban Chỉ đạo điều hành hoạt động của
Ban Chỉ đạo theo kế hoạch đã được Trưởng Ban Chỉ đạo thông qua.

4. Điều hành công việc thường xuyên của Ban Chỉ đạo
khi được Trưởng Ban Chỉ đạo và Phó Trưởng Ban Chỉ đạo ủy quyền.
""", RULES)
    committee = ("responsible", "ban-chi-dao-nha-nuoc-ve-du-lich")
    got = _tasks(out)
    assert [t[0] for t in got] == ["Chỉ đạo việc phối hợp hoạt độn", "Nghiên cứu, đề xuất Thủ tướng", "Tổng hợp và định kỳ báo cáo Th",
                                   "Giúp lãnh đạo Ban Chỉ đạo điều", "Điều hành công việc thường xuy"]
    assert all(committee in roles for _, roles, _ in got)


# Luật Đấu thầu 2013 (underthesea VLC), Điều 85: a holder the gazetteer does not know, named by the title's words; CV
# 6278/BVHTTDL-VP (2025): `8. Các đơn vị có TTHC`, its short form written out in the group's name
def test_written_holders():
    out = _parsed("""Điều 85. Trách nhiệm của tổ chức vận hành hệ thống mạng đấu thầu quốc gia
1. Quản lý và vận hành hệ thống mạng đấu thầu quốc gia.
2. Bảo mật thông tin trong quá trình đấu thầu qua mạng theo quy định.
""", LAW)
    holder = ("responsible", "to-chuc-van-hanh-he-thong-mang-dau-thau-quoc-gia")
    assert _tasks(out) == [("Quản lý và vận hành hệ thống m", {holder}, None),
                           ("Bảo mật thông tin trong quá tr", {holder}, None)]
    assert [b["name"] for b in out["bodies"] if b["id"] == holder[1]] == ["Tổ chức vận hành hệ thống mạng đấu thầu quốc gia"]
    out = _parsed("""II. TỔ CHỨC THỰC HIỆN

8. Các đơn vị có TTHC

- Thực hiện nghiêm túc việc tiếp nhận, giải quyết hồ sơ.
""", {**CENTRAL, "doc_type": "Công văn"})
    assert [b["name"] for b in out["bodies"] if b["id"].startswith("group:cac-don-vi-co")] == \
        ["Các đơn vị có thủ tục hành chính"]


# QĐ 22/2013/QĐ-TTg (CongBot), Điều 8: `2. Trách nhiệm của Ủy ban nhân dân các tỉnh, ...` over `a)` points
def test_holder_heading_over_points():
    out = _parsed("""Điều 8. Tổ chức thực hiện

2. Trách nhiệm của Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương

a) Công bố công khai về đối tượng, tiêu chuẩn được hỗ trợ, lập danh sách hộ người có công với cách mạng được hỗ trợ về nhà ở trên địa bàn;

b) Gửi kế hoạch hỗ trợ trên địa bàn đã được phê duyệt về Bộ Xây dựng là cơ quan chủ trì, đồng thời gửi Bộ Tài chính để bố trí vốn;
""", {**CENTRAL, "doc_type": "Quyết định", "issuer": "Thủ tướng Chính phủ"})
    provinces = ("responsible", "group:ubnd-cac-tinh-thanh-pho")
    assert [(t, provinces in roles) for t, roles, _ in _tasks(out)] == [("Công bố công khai về đối tượng", True),
                                                                        ("Gửi kế hoạch hỗ trợ trên địa b", True)]


# Công điện 217/CĐ-TTg (2025; tnt305 a328fbb46798c2b5): the last ministry of `Các Bộ: ...` runs into the duty; a
# ministry's name may hold commas (`Văn hóa, Thể thao và Du lịch`)
def test_ministry_list_into_the_duty():
    out = _parsed("""THỦ TƯỚNG CHÍNH PHỦ yêu cầu:

5. Các Bộ: Quốc phòng, Công an chủ động chỉ đạo các
đơn vị đóng trên địa bàn rà soát kịch bản, phương án, bố trí lực lượng.

6. Các Bộ: Giáo dục và Đào tạo, Y tế, Khoa học và Công
nghệ, Văn hóa, Thể thao và Du lịch theo chức năng, nhiệm vụ, thẩm quyền chủ
động phối hợp với địa phương chỉ đạo các cơ quan chức năng triển khai công tác.
""", {**CENTRAL, "doc_type": "Công điện"})
    assert [roles for _, roles, _ in _tasks(out)] == [
        {("responsible", "bo-quoc-phong"), ("responsible", "bo-cong-an")},
        {("responsible", "bo-giao-duc-va-dao-tao"), ("responsible", "bo-y-te"),
         ("responsible", "bo-khoa-hoc-va-cong-nghe"), ("responsible", "bo-van-hoa-the-thao-va-du-lich")}]


# Thông báo 653/TB-VPCP (2025; tnt305 ad0066b8d39e5c85): `(i)` ... `(iv)` points after `đề nghị:`, each naming its doer
def test_roman_points():
    out = _parsed("""**1. Về Dự án Nhà máy điện Nhơn
Trạch 3 và Nhơn Trạch 4**
b) Để làm tốt các nhiệm vụ sắp tới, đề nghị:
(iii) Ủy ban nhân dân tỉnh Đồng Nai chỉ đạo đơn vị
liên quan hoàn thành bàn giao mặt bằng xây dựng các móng trụ thuộc dự án đường
dây 220kV theo đúng tiến độ.
(iv) Giao Bộ Công Thương nghiên cứu, xem xét theo
thẩm quyền các đề xuất, kiến nghị về cơ chế bán điện theo cụm.
""", {**CENTRAL, "doc_type": "Thông báo"})
    assert [(t, roles) for t, roles, _ in _tasks(out)] == [
        ("Ủy ban nhân dân tỉnh Đồng Nai", {("responsible", "ubnd@dong-nai")}),
        ("Giao Bộ Công Thương nghiên cứu", {("responsible", "bo-cong-thuong")})]


# QĐ 49/2012/QĐ-UBND HCM (CongBot): the commune committees written with a dash
def test_commune_committees_with_a_dash():
    out = _parsed("""Điều 8. Ủy ban nhân dân phường - xã, thị trấn có nhiệm vụ

1. Căn cứ Hợp đồng trách nhiệm chi trả trợ cấp ưu đãi người có công đã ký với Phòng Lao động - Thương binh và Xã hội quận - huyện, ban hành Quyết định giao nhiệm vụ cho cán bộ thực hiện chi trả.
""", HCM)
    assert [roles for _, roles, _ in _tasks(out)] == [
        {("responsible", "group:uy-ban-nhan-dan-cac-phuong-thi-tran-xa@ho-chi-minh")}]


# QĐ 79/2025/QĐ-UBND Bắc Ninh (official e-mail rules; tnt305 abc00053e9811268), Điều 14: what each user must do is no
# body's task
def test_people_hold_no_task():
    out = _parsed("""**Điều
14. Trách nhiệm của các cá nhân có liên quan**

1. Có trách nhiệm quản lý, sử
dụng hộp thư điện tử công vụ được cấp đảm bảo tuân thủ các quy định trong Quy
chế này.
""", {"id": "doc", "province": "Bắc Ninh", "issued_date": "2025-11-20", "doc_type": "Quyết định"})
    assert _tasks(out) == []


# Công điện on the floods of the central provinces (2025; tnt305 ac3686f6b1d64932): the kind word once, before the first
# name, no colon after it
def test_ministry_list_without_colon():
    from ingest.bodies import find_body_spans

    text = "2. Các Bộ Quốc phòng, Công an: Chỉ đạo các đơn vị\n4. Các Bộ Xây dựng và Công an: Phối hợp với Công an"
    assert [(text[s:e], row["id"]) for s, e, row in find_body_spans(text, None)] == [
        ("Bộ Quốc phòng", "bo-quoc-phong"), ("Công an", "bo-cong-an"), ("Bộ Xây dựng", "bo-xay-dung"),
        ("Công an", "bo-cong-an")]


# NQ 70/2025/NQ-HĐND Hà Nội, Điều 7.1: a time, then the holder and `có trách nhiệm:` over `a)` points, in an article
# that is no responsibility section; QĐ 4385/QĐ-BVHTTDL (2025): two names joined by a slash head the points
def test_duty_lead_ins_over_points():
    out = _parsed("""**Điều 7. Trách nhiệm lập danh mục dự án**

1. Định kỳ (trước ngày 30 tháng 6 hằng năm), Ủy ban
nhân dân cấp xã có trách nhiệm:

a) Rà soát, lập danh mục các dự án xây dựng các
công trình hạ tầng trên địa bàn do mình quản lý.

b) Có văn bản đề xuất chủ trương giao chủ đầu tư dự
án, gửi Sở Tài chính để được hướng dẫn thực hiện theo quy định.
""", {"id": "doc", "province": "Hà Nội", "issued_date": "2025-12-10", "doc_type": "Nghị quyết"})
    communes = ("responsible", "group:uy-ban-nhan-dan-cap-xa@ha-noi")
    assert [(t, communes in roles) for t, roles, _ in _tasks(out)] == [("Rà soát, lập danh mục các dự á", True),
                                                                       ("Có văn bản đề xuất chủ trương", True)]
    from ingest.bodies import find_body_spans

    text = "3. Sở Văn hóa, Thể thao và\nDu lịch/Sở Văn hóa và Thể thao tỉnh, thành phố trực thuộc Trung ương"
    assert [row["id"] for _, _, row in find_body_spans(text, None)] == ["so-van-hoa-the-thao-va-du-lich",
                                                                         "so-van-hoa-va-the-thao"]


# NĐ 155/2026/NĐ-CP (phapdien): the `NƠI NHẬN` list after the last clause of `Trách nhiệm tổ chức thực hiện` holds no duty
def test_recipients_after_the_last_clause():
    out = _parsed("""### Điều 23. Trách nhiệm tổ chức thực hiện

2. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương và các cơ quan liên quan chịu trách nhiệm tổ chức thực hiện Nghị định này./.

## NƠI NHẬN

- Ban Bí thư Trung ương Đảng;
- Kiểm toán nhà nước;
- Lưu: VT, V.I(2b).
""", {**CENTRAL, "doc_type": "Nghị định", "issuer": "Chính phủ"})
    assert [t for t, _, _ in _tasks(out)] == ["Bộ trưởng, Thủ trưởng cơ quan"]


# QĐ 218/2025/QĐ-UBND Hải Phòng (tnt305 317a61c94fc776ca), Điều 6: an unlabelled paragraph naming the holders, ending
# `có trách nhiệm:`, over the article's clauses
def test_article_lead_in_paragraph():
    out = _parsed("""**Điều 6.
Trách nhiệm tổ chức thực hiện**

Các cơ quan, đơn vị, cá nhân
có thẩm quyền quyết định được phân cấp tại Quyết định này có trách nhiệm:

1. Quyết định các nội dung về
quản lý tài sản theo thẩm quyền được phân cấp.

2. Công khai các Quyết định
về quản lý tài sản theo quy định.
""", {"id": "doc", "province": "Hải Phòng", "issued_date": "2025-11-20", "doc_type": "Quyết định"})
    holders = ("responsible", "group:cac-co-quan-don-vi@hai-phong")
    assert [(t, holders in roles) for t, roles, _ in _tasks(out)] == [("Quyết định các nội dung về quả", True),
                                                                      ("Công khai các Quyết định về qu", True)]
