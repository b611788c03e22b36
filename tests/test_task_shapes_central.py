"""Task shapes of central notices, Công điện, decrees and department .docx files, each on a real snippet (third
session): who holds items that name no doer, and what is no task. Expected values are read off the snippets."""

from __future__ import annotations

import pytest

from tests.test_tasks import _parsed, _summary

CENTRAL = {"id": "doc", "province": None, "issued_date": "2025-11-24"}
VISIT = {**CENTRAL, "doc_type": "Thông báo",
         "title": "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ BÙI THANH SƠN TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH PHÚ THỌ"}
SCT_LAOCAI = {"id": "doc", "province": "Lào Cai", "issued_date": "2026-04-01", "doc_type": "Kế hoạch",
              "issuer": "Sở Công thương"}
DECREE = {**CENTRAL, "doc_type": "Nghị định", "issuer": "Chính phủ", "issued_date": "2026-06-01"}
LAOCAI = {"id": "doc", "province": "Lào Cai", "issued_date": "2026-03-01", "doc_type": "Kế hoạch"}
NONE = set()

SHAPES = [
    # TB 623/TB-VPCP (2025): the lead-in names the province as the doer; it stands for its People's Committee
    ("province in the lead-in", CENTRAL, """**II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP
TRONG THỜI GIAN TỚI**

Để tiếp tục tháo gỡ các khó khăn, vướng mắc trong
phát triển kinh tế - xã hội, đạt được mục tiêu tăng trưởng kinh tế 8% trong năm 2025 của
Tỉnh, tỉnh
Đắk Lắk cần tiếp tục thực hiện quyết liệt, đồng bộ, hiệu quả các chủ trương của
Đảng, trong đó lưu ý tập trung thực hiện một
số nội dung trọng tâm sau:

1. Rà soát các chỉ tiêu phát triển kinh tế - xã hội
đã được Hội đồng nhân dân tỉnh giao từ đầu năm, phấn đấu hoàn thành cao nhất tất
cả các chỉ tiêu.

2. Tập trung vận hành chính quyền địa phương 02 cấp
bảo đảm thông suốt, hiệu lực, hiệu quả.
""", [("Rà soát các chỉ tiêu phát", {("responsible", "ubnd")}, None, None),
      ("Tập trung vận hành chính ", {("responsible", "ubnd")}, None, None)]),
    # TB 636/TB-VPCP (2025): no lead-in; the notice of a working session with Phú Thọ hands the province the items of
    # its NHIỆM VỤ, GIẢI PHÁP section; a petition's answer holds its own doer; the closing formula is no duty
    ("visit notice", VISIT, """**II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP
TRONG THỜI GIAN TỚI**

1. Nhận diện đầy đủ, sâu sắc, toàn diện hơn nữa về
tiềm năng khác biệt, cơ hội nổi trội, lợi thế cạnh tranh của địa phương.

2. Giữ vững an ninh, quốc phòng; bảo đảm trật tự,
an toàn xã hội.

**III. VỀ MỘT SỐ KIẾN NGHỊ CỦA TỈNH**

1. Về kiến nghị liên quan đến tổ chức bộ máy để bảo
đảm vận hành hiệu quả chính quyền địa phương 02 cấp:

Bộ Nội vụ theo chức năng nhiệm vụ được giao khẩn
trương nghiên cứu, xử lý kiến nghị của tỉnh Phú Thọ, báo cáo cấp có thẩm quyền
những vấn đề vượt thẩm quyền (nếu có) trong tháng 11 năm 2025.

Văn phòng Chính phủ thông báo để Ủy ban nhân dân tỉnh
Phú Thọ và các Bộ, cơ quan liên quan biết, thực hiện./.
""", [("Nhận diện đầy đủ, sâu sắc", {("responsible", "ubnd")}, None, None),
      ("Giữ vững an ninh, quốc ph", {("responsible", "ubnd")}, None, None),
      ("Bộ Nội vụ theo chức năng ", {("responsible", "bo-noi-vu")}, "2025-11-01", "2025-11-30")]),
    # TB 641/TB-VPCP (2025): `Về đề nghị X ...: Y ...` - the answer's subject holds it, the bodies of the topic do not
    ("petition topic and answer", CENTRAL, """**II. VỀ CÁC ĐỀ XUẤT, KIẾN NGHỊ CỦA
THÀNH PHỐ**

2. Về đề nghị Bộ Nội vụ tham mưu ban hành các cơ chế,
chính sách liên quan đến chế độ tiền lương, tiền thưởng, thu nhập của cán bộ,
công chức, viên chức: Bộ Nội vụ
nghiên cứu đề xuất của Ủy ban nhân dân thành phố Đà Nẵng trong quá trình xây dựng
các văn bản quy phạm pháp luật có liên quan.
""", [("Về đề nghị Bộ Nội vụ tham", {("responsible", "bo-noi-vu")}, None, None)]),
    # TB 634/TB-VPCP (2025): `Đề nghị X ...; trong đó ... sau:` hands the items to X (requested); `Tỉnh Thanh Hóa cần ...`
    # is the province's committee
    ("requested lead-in and a province that must act", CENTRAL, """**I. ĐÁNH GIÁ CHUNG**

Tỉnh Thanh Hóa cần nỗ lực, phấn đấu hơn nữa, khẩn
trương khắc phục hiệu quả những tồn tại, hạn chế.

**II. NHIỆM VỤ, GIẢI PHÁP TRỌNG
TÂM THỜI GIAN TỚI**

Đề nghị Thường trực Tỉnh ủy tập trung lãnh đạo, chỉ
đạo, tập trung thực hiện các nhiệm vụ, giải pháp trên các lĩnh vực trong 02
tháng cuối năm 2025; trong đó lưu ý một số nội dung trọng tâm sau:

1. Đổi mới tư duy, tầm nhìn phát triển, khai thác tối
đa nguồn lực bên trong.

2. Chú trọng bảo vệ môi trường, phát triển bền vững,
tăng trưởng xanh.
""", [("Tỉnh Thanh Hóa cần nỗ lực", {("responsible", "ubnd")}, None, None),
      ("Đổi mới tư duy, tầm nhìn ", {("requested", "thuong-truc-tinh-uy")}, None, None),
      ("Chú trọng bảo vệ môi trườ", {("requested", "thuong-truc-tinh-uy")}, None, None)]),
    # CĐ 231/CĐ-TTg (2025): `Bộ trưởng các Bộ: X, Y, ...` is a list of ministries across a line break; `(1)` points
    # under a lead-in that ends `trong đó:` are the subject's
    ("ministers list and numbered points", CENTRAL, """1. Bộ trưởng các Bộ: Quốc phòng, Công an, Nông nghiệp
và Môi trường, Xây dựng,
Y tế; Chủ tịch Ủy ban nhân dân các tỉnh, thành phố ven biển tổ chức theo dõi, cập nhật
thường xuyên, sát diễn biến tình hình.
2. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố tổ
chức theo dõi sát tình hình, chủ động triển khai các biện pháp cần thiết,
trong đó:
(1) Tập trung kêu gọi, hướng dẫn tàu thuyền còn hoạt
động trên biển di chuyển thoát ra hoặc về nơi tránh trú.
(2) Chủ động rà soát hoàn thiện phương án, kịch bản
ứng phó với bão.
""", [("Bộ trưởng các Bộ: Quốc ph", {("responsible", "bo-quoc-phong"), ("responsible", "bo-cong-an"),
                                     ("responsible", "bo-nong-nghiep-va-moi-truong"), ("responsible", "bo-xay-dung"),
                                     ("responsible", "bo-y-te"), ("responsible", "group:ubnd-cac-tinh-thanh-pho")},
       None, None),
      ("Tập trung kêu gọi, hướng ", {("responsible", "group:ubnd-cac-tinh-thanh-pho")}, None, None),
      ("Chủ động rà soát hoàn thi", {("responsible", "group:ubnd-cac-tinh-thanh-pho")}, None, None)]),
    # NĐ 244/2026/NĐ-CP Điều 6.2: a clause whose lead-in opens with its bodies and ends `như sau:` holds its points;
    # NĐ 281/2026/NĐ-CP: `X có quyền:` over points are powers, not duties
    ("decree clause lead-in, powers", CENTRAL, """Điều 6. Cung cấp thông tin định kỳ

2. Các bộ, cơ quan ngang bộ, UBND cấp tỉnh tổ chức cung cấp thông tin cho báo chí về tình hình hoạt động, như sau:

a) Hằng tháng cung cấp thông tin cho báo chí;

b) Tổ chức họp báo ít nhất 3 tháng một lần để cung cấp thông tin cho báo chí;

Điều 7. Thẩm quyền xử phạt

1. Chủ tịch Ủy ban nhân dân cấp xã có quyền:

a) Phạt cảnh cáo;

b) Phạt tiền đến 250.000.000 đồng;
""", [("Hằng tháng cung cấp thông", {("responsible", "group:cac-bo-nganh"),
                                      ("responsible", "group:ubnd-cac-tinh-thanh-pho")}, None, None),
      ("Tổ chức họp báo ít nhất 3", {("responsible", "group:cac-bo-nganh"),
                                      ("responsible", "group:ubnd-cac-tinh-thanh-pho")}, None, None)]),
    # NĐ 191/2026/NĐ-CP (Quy chế làm việc của Chính phủ): what the issuer's head does is its own competence; a duty of
    # Văn phòng Chính phủ is a task
    ("issuer's own competence", DECREE, """Điều 5. Trách nhiệm, phạm vi giải quyết công việc

1. Thủ tướng Chính phủ thực hiện nhiệm vụ, quyền hạn theo quy định của Hiến pháp và pháp luật.

2. Văn phòng Chính phủ có trách nhiệm thông báo cho người được phân công biết để thực hiện.
""", [("Văn phòng Chính phủ có tr", {("responsible", "van-phong-chinh-phu")}, None, None)]),
    # KH of Sở Công Thương Lào Cai (.docx, 2026): the department's own units, when the department issued the plan; an
    # item whose one field block follows its last bullet (`Đơn vị chủ trì: X; Đơn vị phối hợp: Y`) is one task
    ("department units and .docx fields", SCT_LAOCAI, """III. NHIỆM VỤ TRỌNG TÂM
1. Tái cơ cấu ngành công nghiệp theo chiều sâu, nâng cao giá trị gia tăng
- Tham mưu UBND tỉnh xây dựng chính sách thu hút các dự án công nghệ cao.
- Phối hợp xây dựng danh mục dự án ưu tiên thu hút đầu tư chế biến sâu.
Lãnh đạo phụ trách: Phó giám đốc Hoàng Văn Thuân.
Đơn vị chủ trì: Phòng Quản lý Công nghiệp; Đơn vị phối hợp: Phòng Quản lý Năng lượng, Văn phòng Sở.
V. TỔ CHỨC THỰC HIỆN
1. Chi cục Quản lý thị trường: Tăng cường kiểm tra, kiểm soát thị trường; phối hợp xử lý vi phạm.
""", [("Tái cơ cấu ngành công ng", {("lead", "phong-quan-ly-cong-nghiep-so-cong-thuong"),
                                    ("partner", "phong-quan-ly-nang-luong-so-cong-thuong"),
                                    ("partner", "van-phong-so-cong-thuong")}, None, None),
      ("Chi cục Quản lý thị trườn", {("responsible", "chi-cuc-quan-ly-thi-truong-so-cong-thuong")}, None, None)]),
    # KH of UBND tỉnh Lào Cai on minerals (.docx, 2026): a task table as the .docx reader writes it, one line per row;
    # `Hàng năm` in the time column is a recurrence, not a date
    ("docx task table", LAOCAI, """PHỤ LỤC
TT | Tên nhiệm vụ | Sở, ngành chủ trì tham mưu | Đơn vị phối hợp thực hiện | Thời gian thực hiện | Ghi chú
| (1) | (2) | (3) | (4) | (5)
4 | Tham mưu trình kế hoạch đấu giá quyền khai thác khoáng sản | Sở Nông nghiệp và Môi trường | Các Sở, ban, ngành và các địa phương liên quan | Hàng năm |
11 | Xử lý nghiêm các hành vi khai thác khoáng sản bằng tàu cuốc trên sông, suối, hồ. | Công an tỉnh | Các Sở, ban, ngành và địa phương | Xong trong Quý II/2026 |
""", [("Tham mưu trình kế hoạch đ", {("lead", "so-nong-nghiep-va-moi-truong"),
                                    ("partner", "group:cac-so-ban-nganh-va-cac-dia-phuong")}, None, None),
      ("Xử lý nghiêm các hành vi ", {("lead", "cong-an"), ("partner", "group:cac-so-ban-nganh-va-dia-phuong")},
       "2026-04-01", "2026-06-30")]),
    # KH 252/KH-BCĐQG1237 (2013): `A.` ... `D.` parts over roman items; field names alone on their lines, values below
    ("capital parts and field lines", CENTRAL, """A. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

Nhằm cụ thể hóa nội dung Chỉ thị.

B. NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP

I. CÔNG TÁC QUÁN TRIỆT, TRIỂN KHAI THỰC HIỆN

1. Nội dung, biện pháp

a) Tổ chức Hội nghị quán triệt và triển khai thực hiện Chỉ thị.

2. Cơ quan chủ trì, phối hợp

a) Cơ quan chủ trì

- Bộ Quốc phòng.

b) Cơ quan phối hợp

- Bộ Tài chính.

3. Thời gian thực hiện: Tháng 12/2013 và thường xuyên.

D. TỔ CHỨC THỰC HIỆN

1. Bộ Ngoại giao

Chỉ đạo các cơ quan đại diện Việt Nam ở nước ngoài phối hợp thực hiện Kế hoạch này.
""", [("CÔNG TÁC QUÁN TRIỆT, TRIỂ", {("lead", "bo-quoc-phong"), ("partner", "bo-tai-chinh")},
       "2013-12-01", "2013-12-31"),
      ("Chỉ đạo các cơ quan đại d", {("responsible", "bo-ngoai-giao")}, None, None)]),
]


@pytest.mark.parametrize("name,doc,raw,expected", SHAPES, ids=[s[0] for s in SHAPES])
def test_central_shapes(name, doc, raw, expected):
    got = _summary(_parsed(raw, doc))
    expected = [(x[0][:24], *x[1:]) for x in expected]  # (`_summary` keeps the first 24 characters)
    assert [g[0][:len(x[0])] for g, x in zip(got, expected, strict=False)] == [x[0] for x in expected]
    assert len(got) == len(expected)
    for g, x in zip(got, expected, strict=True):
        assert g[1] == x[1], g[0]
        assert (g[2], g[3]) == (x[2], x[3]), g[0]


def test_province_lists_as_doers():
    """TB 627/TB-VPCP (2025): `Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương ...`, `Thành phố Hà Nội và các tỉnh Bắc
    Ninh, Gia Lai đẩy nhanh ...`: each province named stands for its People's Committee; a bare `các tỉnh, thành phố` is
    no list of names."""
    from ingest.tasks.subjects import place_list

    class Mentions:
        known: set = set()
        extra: dict = {}

    def ids(text):
        got = place_list(text, 0, len(text), Mentions())
        return [m["body_id"] for m in got[0]] if got else None

    assert ids("Các tỉnh Nghệ An, Quảng Ngãi, Cao Bằng khẩn trương hoàn thiện Báo cáo") == [
        "ubnd@nghe-an", "ubnd@quang-ngai", "ubnd@cao-bang"]
    assert ids("Thành phố Hà Nội và các tỉnh Bắc Ninh, Gia Lai đẩy nhanh tiến độ") == [
        "ubnd@ha-noi", "ubnd@bac-ninh", "ubnd@gia-lai"]
    assert ids("các tỉnh, thành phố tổ chức theo dõi") is None

