"""Readers: real corpus files read in place, and bad input that must fail with one clear line."""

from __future__ import annotations

import io
import pickle
import shutil
import unicodedata
import zipfile
from pathlib import Path

import pytest

from ingest.readers import SUPPORTED, ReadError, read_path
from ingest.readers.html import html_to_text
from ingest.readers.txt_md import split_front_matter

CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"
OFFICE = CORPUS / "Trangsct_skill-sct" / "files"
SCANS = {  # the PDFs without a text layer, as the corpus README lists them
    "CV-813-CucHoaChat.pdf", "CV-2265-BCT-ATMT-trien-khai.pdf", "PL4-giay-de-nghi-cap-moi.pdf",
    "PL4b-giay-de-nghi-dieu-chinh.pdf", "PL5-phuong-an-to-chuc.pdf", "PL8-mau-giay-phep.pdf",
    "VD-BoCT-cap-GP-Cty-TQ.pdf", "Quyet-dinh-phe-duyet_TKBVTC_kho.pdf",
    "GP-2507-mo-da-Toong-Gia-Mien-Bac-ban-ky.pdf",
}
NEEDS_ANTIWORD = pytest.mark.skipif(shutil.which("antiword") is None, reason="antiword is not installed")
VIETNAMESE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐiều 1. Quyết định này có hiệu lực kể từ ngày ký.\n"


def corpus_file(rel: str) -> Path:
    path = CORPUS / rel
    if not path.exists():
        pytest.skip(f"corpus file {rel} is absent")
    return path


def read(path: Path) -> tuple[str, dict]:
    return read_path(path, path.read_bytes())


def lines_of(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


# (corpus path, index among the non-blank lines, that line)
REAL_LINES = [
    ("underthesea_CP_Vietnamese-VLC/raw/Bo-Luat-lao-dong-2019-333670.txt", 3, "Bộ luật số: 45/2019/QH14"),
    ("TuanHuu168_CongBot/documents/63_2010_NĐ_CP.md", 4, "| Số: 63/2010/NĐ-CP | Hà Nội, ngày 08 tháng 06 năm 2010 |"),
    ("tnt305_tai_lieu_noi_bo/dataset/8718801c503045f9.md", 1, "**ỦY BAN NHÂN"),
    # the site's THÔNG TIN VĂN BẢN table goes to hints["page_info"]; the text starts after it
    ("diepxuan_phapdien_demuc/demuc/moi-truong/da-dang-sinh-hoc.md", 1, "## VĂN BẢN"),
    # python-docx's Paragraph.text would drop the "NAM" that sits in a w:smartTag here
    ("Trangsct_skill-sct/files/vbhc-vn/templates/01-cong-van.docx", 0,
     "UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG Số: /SCT-CN V/v ………………. | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
     "Độc lập – Tự do – Hạnh phúc Lào Cai, ngày tháng năm 2026"),
    ("Trangsct_skill-sct/files/sd-vlncn-sct-vn/vi-du-thuc-te/QD-PANM-mo-da-Xuan-Hoa.docx", 2,
     "Số: /QĐ-UBND |  | Lào Cai, ngày tháng năm 2026"),
    ("Trangsct_skill-sct/files/sd-vlncn-sct-vn/vi-du-thuc-te/QD-PANM-mo-da-Xuan-Hoa.docx", 7,
     "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;"),
    ("Trangsct_skill-sct/files/pccc-sct-vn/van-ban-goc/QD-1074-QD-BXD-29-6-2026.pdf", 2,
     "Số: 1074/QĐ-BXD Hà Nội, ngày 29 tháng 6 năm 2026"),
]
DOC_LINES = [
    ("Trangsct_skill-sct/files/hnh-sct-vn/van-ban-goc/03-thong-tu/TT-15-2026-BCT-text.doc", 3,
     "Số: 15/2026/TT-BCT | Hà Nội, ngày 25 tháng 3 năm 2026"),
    ("Trangsct_skill-sct/files/hnh-sct-vn/van-ban-goc/03-thong-tu/TT-15-2026-BCT-text.doc", 6,
     "Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;"),
    ("Trangsct_skill-sct/files/tkm-sct-vn/vi-du-thuc-te/CV-tu-choi-TKCS-da-hoa-MongSonV-nhomII.doc", 0,
     "UBND TỈNH LÀO CAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
]


@pytest.mark.parametrize("rel, index, expected", REAL_LINES)
def test_real_file_line(rel, index, expected):
    text, _ = read(corpus_file(rel))
    assert lines_of(text)[index] == expected


@NEEDS_ANTIWORD
@pytest.mark.parametrize("rel, index, expected", DOC_LINES)
def test_real_doc_line(rel, index, expected):
    text, hints = read(corpus_file(rel))
    assert lines_of(text)[index] == expected
    assert hints == {"format": "doc", "warnings": []}


def test_info_table_goes_to_hints():
    path = CORPUS / "diepxuan_phapdien_demuc/demuc/moi-truong/da-dang-sinh-hoc.md"
    if not path.exists():
        pytest.skip("corpus not present")
    text, hints = read_path(path, path.read_bytes())
    assert "THÔNG TIN VĂN BẢN" not in text
    assert (hints["page_info"]["Số hiệu"], hints["page_info"]["Ngày ban hành"]) == ("20/2008/QH12", "13/11/2008")


# (corpus path, front matter key, value); the second page's YAML is invalid and is read line by line
FRONT_MATTER = [
    ("diepxuan_phapdien_demuc/demuc/moi-truong/da-dang-sinh-hoc.md", "title", "Đa dạng sinh học"),
    ("diepxuan_phapdien_demuc/demuc/moi-truong/da-dang-sinh-hoc.md", "lastedit", "2026-05-13"),
    ("diepxuan_phapdien_demuc/van_ban/ngoai-giao/thong-tu-02-2026-tt-bng-phan-cap-nhiem-vu-quyen-han-bo-ngoai-giao.md",
     "so_hieu", "02/2026/TT-BNG"),
    ("diepxuan_phapdien_demuc/van_ban/ngoai-giao/thong-tu-02-2026-tt-bng-phan-cap-nhiem-vu-quyen-han-bo-ngoai-giao.md",
     "tags", ["thong-tu", "ngoai-giao", "phan-cap", "tham-quyen", 2026]),
    ("diepxuan_phapdien_demuc/van_ban/xay-dung/nghi-dinh-210-2026-nd-cp-hop-dong-xay-dung.md",
     "so_hieu", "210/2026/NĐ-CP"),
    ("diepxuan_phapdien_demuc/van_ban/xay-dung/nghi-dinh-210-2026-nd-cp-hop-dong-xay-dung.md",
     "thay_the", "Phần hợp đồng xây dựng của Nghị định 37/2015/NĐ-CP"),
]


@pytest.mark.parametrize("rel, key, value", FRONT_MATTER)
def test_front_matter(rel, key, value):
    text, hints = read(corpus_file(rel))
    assert hints["front_matter"][key] == value
    assert not text.startswith("---")


@pytest.mark.parametrize("text, expected", [
    ("---\ntitle: Quốc tịch\n---\nĐiều 1.", ({"title": "Quốc tịch"}, "Điều 1.")),
    ("---\na: x: y\nb: 2\n---\nĐiều 1.", ({"a": "x: y", "b": 2}, "Điều 1.")),
    ("Điều 1.\n---\na: 1\n---\n", (None, "Điều 1.\n---\na: 1\n---\n")),
    ("---\nchỉ là một đường kẻ\n---\nĐiều 1.", (None, "---\nchỉ là một đường kẻ\n---\nĐiều 1.")),
])
def test_split_front_matter(text, expected):
    assert split_front_matter(text) == expected


@pytest.mark.parametrize("markup, expected", [
    ("<script>alert(1)</script><p>Điều 1.</p>", "Điều 1."),
    ("<p>Căn cứ   Luật<br>Tổ chức</p><div>Điều 1.</div>", "Căn cứ Luật\nTổ chức\nĐiều 1."),
    ("<nav><a href='/'>Trang chủ</a></nav><style>p{color:red}</style><h1>QUYẾT ĐỊNH</h1>", "QUYẾT ĐỊNH"),
    ("<table><tr><th>STT</th><th>Nhiệm vụ</th></tr><tr><td>1</td><td><p>Xây dựng</p><p>kế hoạch</p></td></tr>"
     "</table>", "STT | Nhiệm vụ\n1 | Xây dựng kế hoạch"),
    ("<ul><li>một</li><li>hai &amp; ba</li></ul>", "một\nhai & ba"),
    ("<img src=x onerror=alert(1)><p onclick='alert(2)'>Điều 2.</p>", "Điều 2."),
])
def test_html_to_text(markup, expected):
    assert html_to_text(markup) == expected


def cp1258(text: str) -> bytes:
    """Vietnamese in windows-1258: base letters precomposed where the code page has them, tones combining."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(m for m in parts if m in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in tones))
        out.append((base + tones).encode("cp1258"))
    return b"".join(out)


def not_a_zip() -> bytes:
    return b"this is not a zip archive"


def zip_without_word() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "xin chào")
    return buf.getvalue()


# (file name, bytes, the exact one-line reason)
BAD_INPUT = [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b"  \n\t\r\n", "empty file"),
    ("empty.docx", b"", "empty file"),
    ("binary.txt", b"\x00\x01\x02\x03" + "Điều 1".encode(), "binary file, not text"),
    ("controls.txt", bytes(range(1, 9)) * 40 + b"abc", "binary file, not text"),
    ("cp1258.txt", cp1258(VIETNAMESE), "not UTF-8 (looks like windows-1258); convert it to UTF-8"),
    ("cp1252.txt", "Lào Cai, tháng 3".encode("cp1252"), "not UTF-8 (looks like windows-1258); convert it to UTF-8"),
    ("tcvn3.txt", "Céng hoµ x· héi chñ nghÜa ViÖt Nam. §iÒu 1. QuyÕt ®Þnh nµy".encode("cp1252"),
     "not UTF-8 (looks like TCVN3 (ABC)); convert it to UTF-8"),
    ("vni.txt", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñieàu 1. Quyeát ñònh naøy".encode("cp1252"),
     "not UTF-8 (looks like VNI); convert it to UTF-8"),
    ("cp1258.md", cp1258(VIETNAMESE), "not UTF-8 (looks like windows-1258); convert it to UTF-8"),
    ("not-zip.docx", not_a_zip(), "not a valid .docx (zip/xml error)"),
    ("pk-garbage.docx", b"PK\x03\x04" + b"\x00" * 40, "not a valid .docx (zip/xml error)"),
    ("no-text.pdf", b"hello", "not a valid .pdf (no %PDF header)"),
    ("text.doc", b"plain text, not Word", "not a Word .doc file (no OLE header)"),
    ("table.xlsx", b"PK\x03\x04", "unsupported file type '.xlsx'; supported: .doc, .docx, .htm, .html, .md, .pdf, .txt"),
]


@pytest.mark.parametrize("name, data, reason", BAD_INPUT)
def test_bad_input(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError) as err:
        read_path(path, data)
    assert err.value.reason == reason
    assert str(err.value) == f"{path}: {reason}"
    assert "\n" not in str(err.value)


def test_read_error_survives_pickling():
    err = pickle.loads(pickle.dumps(ReadError(Path("a/b.pdf"), "PDF is encrypted (password required)")))
    assert str(err) == "a/b.pdf: PDF is encrypted (password required)"
    assert err.reason == "PDF is encrypted (password required)"


def test_zip_that_is_not_a_docx(tmp_path):
    path = tmp_path / "archive.docx"
    with pytest.raises(ReadError) as err:
        read_path(path, zip_without_word())
    assert str(err.value).startswith(f"{path}: not a valid .docx (zip/xml error): ")
    assert "\n" not in str(err.value)


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "broken.pdf"
    with pytest.raises(ReadError) as err:
        read_path(path, b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF")
    assert str(err.value).startswith(f"{path}: not a valid .pdf (")


def test_truncated_utf8_reads_with_warning(tmp_path):
    data = VIETNAMESE.encode("utf-8") + "ệ".encode("utf-8")[:2]  # a download cut inside "ệ"
    text, hints = read_path(tmp_path / "cut.txt", data)
    assert text == VIETNAMESE
    assert hints["warnings"] == ["truncated UTF-8 at the end: 2 byte(s) of a cut character dropped"]


@pytest.mark.parametrize("data", [
    VIETNAMESE.encode("utf-8"),
    b"\xef\xbb\xbf" + VIETNAMESE.encode("utf-8"),
    VIETNAMESE.encode("utf-16"),  # with its BOM
])
def test_unicode_text(tmp_path, data):
    assert read_path(tmp_path / "a.txt", data) == (VIETNAMESE, {"format": "txt", "warnings": []})


def test_hostile_html(tmp_path):
    data = "<script>alert(1)</script><p>Điều 1.</p>".encode()
    assert read_path(tmp_path / "x.html", data) == ("Điều 1.", {"format": "html", "warnings": []})


def test_suffix_is_case_insensitive(tmp_path):
    assert read_path(tmp_path / "A.TXT", b"Dieu 1.")[0] == "Dieu 1."
    assert ".htm" in SUPPORTED


def test_doc_without_antiword(monkeypatch):
    path = corpus_file("Trangsct_skill-sct/files/tkm-sct-vn/vi-du-thuc-te/CV-tu-choi-TKCS-da-hoa-MongSonV-nhomII.doc")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ReadError) as err:
        read(path)
    assert err.value.reason == ".doc needs antiword (apt-get install antiword)"


@NEEDS_ANTIWORD
def test_broken_doc(tmp_path):
    data = corpus_file("Trangsct_skill-sct/files/hnh-sct-vn/van-ban-goc/03-thong-tu/TT-15-2026-BCT-text.doc").read_bytes()
    with pytest.raises(ReadError) as err:
        read_path(tmp_path / "cut.doc", data[:600])  # the OLE header survives, the rest does not
    assert err.value.reason == "antiword failed: file is not a Word Document."


def test_scan_is_refused():
    path = corpus_file("Trangsct_skill-sct/files/hc-sct-vn/van-ban-goc/06-danh-muc-cong-van/CV-813-CucHoaChat.pdf")
    with pytest.raises(ReadError) as err:
        read(path)
    assert str(err.value) == f"{path}: PDF has no text layer (scanned image); OCR it first"


@pytest.mark.slow
def test_all_office_files():
    """Every .docx and .doc reads; 11 PDFs read; the 9 scans are refused by name."""
    if not OFFICE.exists():
        pytest.skip("corpus is absent")
    read_ok: dict[str, int] = {".docx": 0, ".doc": 0, ".pdf": 0}
    refused: dict[str, str] = {}
    for path in sorted(OFFICE.rglob("*")):
        suffix = path.suffix.lower()
        if suffix not in read_ok:
            continue
        if suffix == ".doc" and shutil.which("antiword") is None:
            pytest.skip("antiword is not installed")
        try:
            text, hints = read(path)
        except ReadError as err:
            refused[path.name] = err.reason
            continue
        assert text.strip(), path
        read_ok[suffix] += 1
    assert read_ok == {".docx": 194, ".doc": 12, ".pdf": 11}
    assert refused == {name: "PDF has no text layer (scanned image); OCR it first" for name in SCANS}
