"""Foundation: normalize, identity, header, structure, build, CLI and serving, on the seed and the corpus."""

from __future__ import annotations

import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest.header import parse_header
from ingest.identity import canonical_number, document_id, restore_diacritics
from ingest.normalize import fold, normalize
from ingest.pipeline import parse_file
from ingest.structure import parse_structure
from kb.build import build
from kb.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "1963-QD-UBND-2021-HCM.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def seed():
    return parse_file(SEED, ROOT / "data")


@pytest.mark.parametrize("raw, expected", [
    ("Uỷ ban nhân dân", "Ủy ban nhân dân"),
    ("hoà bình, thuỷ lợi, quý, hoàn thành, khoẻ", "hòa bình, thủy lợi, quý, hoàn thành, khỏe"),
    ("**Điều 1.** Phạm vi", "Điều 1. Phạm vi"),
    ("*Căn cứ Luật;*", "Căn cứ Luật;"),
    ("a&nbsp;b<br>c", "a b\nc"),
    ("x\u00a0y\u200bz", "x yz"),
    ("<script>alert(1)</script><p>Điều 1.</p>", "Điều 1."),
    ("## Điều 2", "Điều 2"),
    ("| a | b |\n|---|---|\n| c | d |", "| a | b |\n\n| c | d |"),
    ("Điều 3.   \r\nNội dung", "Điều 3.\nNội dung"),
])
def test_normalize(raw, expected):
    assert normalize(raw)[0] == expected


def test_offset_map_points_back_to_raw():
    raw = "**Số:** 1963/QĐ-UBND"
    text, omap = normalize(raw)
    pos = text.index("1963")
    assert raw[omap.to_raw(pos) : omap.to_raw(pos) + 4] == "1963"


@pytest.mark.parametrize("number, year, province, expected", [
    ("63/2010/NĐ-CP", None, None, "63-2010-nd-cp"),
    ("63 / 2010 / NĐ – CP", None, None, "63-2010-nd-cp"),
    ("1963/QĐ-UBND", 2021, "Hồ Chí Minh", "1963-qd-ubnd-2021-ho-chi-minh"),
    ("1963/QĐ-UBND", None, "Hồ Chí Minh", None),
    ("1963/QĐ-UBND", 2021, None, None),
    ("41/TTr-STTTT", 2021, "Hồ Chí Minh", "41-ttr-stttt-2021-ho-chi-minh"),
    ("24-CT/TW", 2008, None, "24-ct-tw-2008"),
    ("10/2021/QĐ-UBND", None, "Đồng Nai", "10-2021-qd-ubnd-dong-nai"),
    ("91/2015/QH13", None, None, "91-2015-qh13"),
])
def test_document_id(number, year, province, expected):
    assert document_id(number, year, province) == expected


def test_number_spelling_variants_meet():
    assert restore_diacritics(canonical_number("63/2010/ND-CP")) == "63/2010/NĐ-CP"
    assert fold("Uỷ Ban") == fold("ủy ban") == "uy ban"


def test_seed_header(seed):
    doc = seed["document"]
    assert {k: doc[k] for k in ("number", "doc_type", "issued_date", "issuer", "signer", "signer_title",
                                "signer_mode", "place", "id")} == {
        "number": "1963/QĐ-UBND", "doc_type": "Quyết định", "issued_date": "2021-05-28",
        "issuer": "Ủy ban nhân dân Thành phố Hồ Chí Minh", "signer": "Võ Văn Hoan",
        "signer_title": "Phó Chủ tịch", "signer_mode": "KT.", "place": "Thành phố Hồ Chí Minh",
        "id": "1963-qd-ubnd-2021-ho-chi-minh",
    }
    assert doc["title"] == ("Về việc ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính "
                            "trên địa bàn Thành phố Hồ Chí Minh năm 2021")


def test_seed_structure(seed):
    units = seed["units"]
    by_id = {u["id"]: u for u in units}
    kids = lambda u: [v for v in units if v["parent_id"] == u["id"]]  # noqa: E731
    assert [u["label"] for u in units if u["kind"] == "article"] == ["Điều 1", "Điều 2", "Điều 3", "Điều 4"]
    preamble = next(u for u in units if u["kind"] == "preamble")
    assert [u["kind"] for u in kids(preamble)] == ["basis"] * 5 + ["proposal"]
    attachments = [u for u in units if u["kind"] == "attachment"]
    assert len(attachments) == 1 and attachments[0]["label"] == "KẾ HOẠCH"
    plan = attachments[0]
    assert [u["label"] for u in kids(plan) if u["kind"] == "item"] == ["I", "II", "III", "IV"]
    iv1 = by_id[f"{plan['id']}/muc-iv/muc-1"]
    assert iv1["heading"] == "Trách nhiệm thực hiện"
    letters = kids(iv1)
    assert [u["label"] for u in letters] == ["a", "b", "c", "d"]
    assert [len(kids(u)) for u in letters] == [8, 5, 5, 0]
    assert letters[1]["heading"] == "Giám đốc Sở Nội vụ"
    plus = [u for u in units if u["label"] == "+"]
    assert len(plus) == 2 and by_id[plus[0]["parent_id"]]["label"] == "-"
    assert {u["kind"] for u in units} >= {"header", "title", "enacting", "recipients", "signature"}
    sig = next(u for u in units if u["kind"] == "signature")
    assert sig["text"] == "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nVõ Văn Hoan"


def test_unit_offsets_hold(seed):
    text = seed["document"]["text"]
    by_id = {u["id"]: u for u in seed["units"]}
    assert len(by_id) == len(seed["units"])
    for u in seed["units"]:
        assert text[u["start"] : u["end"]].startswith(u["text"]), u["id"]
        if u["parent_id"]:
            p = by_id[u["parent_id"]]
            assert p["start"] <= u["start"] and u["end"] <= p["end"], u["id"]


@pytest.mark.parametrize("text, expected", [
    ("QUỐC HỘI   --------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM   Độc lập - Tự do - Hạnh phúc\n"
     "Luật số:   91/2015/QH13\nHà Nội, ngày   24 tháng 11 năm 2015\n\nBỘ LUẬT\nDÂN SỰ\nCăn cứ Hiến pháp;",
     {"number": "91/2015/QH13", "doc_type": "Bộ luật", "issuer": "Quốc hội", "issued_date": "2015-11-24",
      "title": "DÂN SỰ", "place": "Hà Nội"}),
    ("| CHÍNH PHỦ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – Hạnh phúc |\n\n"
     "| Số: 63/2010/NĐ-CP | Hà Nội, ngày 08 tháng 06 năm 2010 |\n\nNGHỊ ĐỊNH\n\nVỀ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH\n",
     {"number": "63/2010/NĐ-CP", "doc_type": "Nghị định", "issuer": "Chính phủ", "issued_date": "2010-06-08",
      "title": "VỀ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH", "place": "Hà Nội"}),
    ("|\nỦY BAN NHÂN\nDÂN\nTỈNH ĐỒNG THÁP\n--------\n|\nCỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\n|\n"
     "Số: 617/KH-UBND\n|\nĐồng Tháp,\nngày 01 tháng 12 năm 2025\n|\n\nKẾ HOẠCH\n\nCHUYỂN ĐỔI SỐ\n",
     {"number": "617/KH-UBND", "doc_type": "Kế hoạch", "issuer": "Ủy ban nhân dân tỉnh Đồng Tháp",
      "issued_date": "2025-12-01", "title": "CHUYỂN ĐỔI SỐ", "place": "Đồng Tháp"}),
    # a công văn of the Cục Thuế (tnt305 005d8820eb95c1cb.md): no type line, CT is the issuer, not Chỉ thị
    ("BỘ TÀI CHÍNH\n**CỤC THUẾ**\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\n|\n|\n"
     "Số: 5348/CT-CS\n*V/v hướng dẫn góp vốn điều lệ*\n|\n*Hà Nội, ngày 20\ntháng 11 năm 2025*\n|\n"
     "**Kính gửi:** Thuế tỉnh Quảng Trị.\nCục Thuế nhận được công văn số 324/QTR-KTr2 ngày 22/7/2025",
     {"number": "5348/CT-CS", "doc_type": "Công văn", "issued_date": "2025-11-20"}),
    # CongBot 1414_2013_CV_TCT.md: the subject line first, a letter number with no type code
    ("# V/v hỗ trợ người có công với cách mạng cải thiện nhà ở\n\n| BỘ TÀI CHÍNH TỔNG CỤC THUẾ ------- | "
     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n|---|---\n"
     "| Số: 1414/TCT-CS V/v hỗ trợ người có công với cách mạng cải thiện nhà ở. | Hà Nội, ngày 04 tháng 05 năm 2013 |"
     "\n\nKính gửi: Cục Thuế tỉnh Hà Tĩnh.\n",
     {"number": "1414/TCT-CS", "doc_type": "Công văn", "issued_date": "2013-05-04"}),
    # a department's .docx plan (Trangsct ke-hoach-thuc-hien-de-an-08.docx): the header table's cells joined on one line,
    # the department under its committee, number and day left blank
    ("UBND TỈNH LÀO CAI SỞ CÔNG THƯƠNG Số: /KH-SCT | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
     "Lào Cai, ngày tháng 4 năm 2026\n\nKẾ HOẠCH\nThực hiện Đề án số 08\n",
     {"number": None, "doc_type": "Kế hoạch", "issuer": "Sở Công thương", "province": "Lào Cai", "issued_date": None}),
    ("UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\nSố: 12/KH-SCT | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Lào Cai, ngày 3 tháng 4 năm 2026\n\nKẾ HOẠCH\n",
     {"number": "12/KH-SCT", "issuer": "Sở Công thương", "province": "Lào Cai", "issued_date": "2026-04-03",
      "place": "Lào Cai"}),
])
def test_header_layouts(text, expected):
    doc = parse_header(text)
    assert {k: doc[k] for k in expected} == expected


def test_old_law_layout():
    text = "Chương I QUY ĐỊNH CHUNG\nĐiều 1\nPhạm vi\n1.\nNội dung khoản\nĐiều 2\nĐối tượng\nĐiều 5 Luật này"
    units = parse_structure(text, "x")
    arts = [u for u in units if u["kind"] == "article"]
    assert [a["label"] for a in arts] == ["Điều 1", "Điều 2"]
    chapter = next(u for u in units if u["kind"] == "chapter")
    assert (chapter["label"], chapter["heading"]) == ("Chương I", "QUY ĐỊNH CHUNG")
    clause = next(u for u in units if u["kind"] == "clause")
    assert clause["label"] == "1" and text[clause["start"]:clause["end"]] == "1.\nNội dung khoản"


def _rows(db_path: Path) -> dict:
    con = sqlite3.connect(db_path)
    out = {}
    for t in ("documents", "units", "citations", "relations", "bodies", "body_mentions", "tasks", "task_bodies"):
        out[t] = sorted(map(repr, con.execute(f"select * from [{t}]").fetchall()))
    con.close()
    return out


def test_build_reports_bad_input_and_keeps_going(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "seed.txt").write_bytes(SEED.read_bytes())
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (src / "legacy.txt").write_bytes("Lào Cai, tháng 3 năm 2026".encode("cp1252", errors="ignore"))
    lines = []
    report = build(src, tmp_path / "kb.db", jobs=1, progress=False, echo=lines.append)
    assert report.parsed == ["seed.txt"]
    assert sorted(lines) == [
        "binary.txt: binary file, not text",
        "empty.txt: empty file",
        "legacy.txt: not UTF-8 (looks like windows-1258); convert it to UTF-8",
    ]
    con = sqlite3.connect(tmp_path / "kb.db")
    assert con.execute("select id from documents where is_stub = 0").fetchall() == [
        ("1963-qd-ubnd-2021-ho-chi-minh",)]
    assert dict(con.execute("select path, status from sources").fetchall()) == {
        "binary.txt": "error", "empty.txt": "error", "legacy.txt": "error", "seed.txt": "ok"}


def test_build_twice_gives_same_rows_and_skips_unchanged(tmp_path):
    db1, db2 = tmp_path / "a.db", tmp_path / "b.db"
    build(ROOT / "data", db1, jobs=1, progress=False, echo=lambda _: None)
    build(ROOT / "data", db2, jobs=1, progress=False, echo=lambda _: None)
    assert _rows(db1) == _rows(db2)
    again = build(ROOT / "data", db1, jobs=1, progress=False, echo=lambda _: None)
    assert again.parsed == [] and again.unchanged == ["1963-QD-UBND-2021-HCM.txt"]
    forced = build(ROOT / "data", db1, jobs=1, progress=False, force=True, echo=lambda _: None)
    assert forced.parsed == ["1963-QD-UBND-2021-HCM.txt"] and _rows(db1) == _rows(db2)


def test_every_contract_table_exists(tmp_path):
    build(ROOT / "data", tmp_path / "kb.db", jobs=1, progress=False, echo=lambda _: None)
    con = sqlite3.connect(tmp_path / "kb.db")
    names = {r[0] for r in con.execute("select name from sqlite_master where type = 'table'")}
    assert names >= {"documents", "units", "citations", "relations", "bodies", "body_aliases", "body_mentions",
                     "tasks", "task_bodies", "graph_metrics", "graph_issues", "validity", "body_lineage", "sources"}


def test_cli_parse_prints_the_record():
    result = CliRunner().invoke(cli, ["parse", str(SEED)])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["number"] == "1963/QĐ-UBND" and "text" not in out
    assert set(out) >= {"units", "citations", "relations", "bodies", "body_mentions", "tasks"}


def test_cli_parse_bad_file_is_one_line(tmp_path):
    bad = tmp_path / "empty.md"
    bad.write_text("")
    result = CliRunner().invoke(cli, ["parse", str(bad)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {bad}: empty file"


def test_every_command_and_option_has_help():
    for name, command in cli.commands.items():
        assert command.help and "Example" in command.help, name
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.opts}"


def test_python_m_kb_runs_the_cli():
    out = subprocess.run([sys.executable, "-m", "kb", "--help"], capture_output=True, text=True, check=True)
    assert "build" in out.stdout and "serve" in out.stdout and "parse" in out.stdout


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.slow
def test_serve_publishes_the_database_on_loopback(tmp_path):
    db = tmp_path / "kb.db"  # any file name: the metadata follows the database's name
    build(ROOT / "data", db, jobs=1, progress=False, echo=lambda _: None)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kb", "serve", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/kb/documents.json?_shape=objects&is_stub=0"
        for _ in range(60):
            try:
                data = json.load(urllib.request.urlopen(url, timeout=2))
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("datasette did not answer")
        assert [r["number"] for r in data["rows"]] == ["1963/QĐ-UBND"]
        meta = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/-/metadata.json", timeout=5))
        assert "units" in meta["databases"]["kb"]["tables"]
        query = f"http://127.0.0.1:{port}/kb/tasks_of_body.json?_shape=array&body=S%E1%BB%9F+N%E1%BB%99i+v%E1%BB%A5"
        rows = json.load(urllib.request.urlopen(query, timeout=5))
        assert len(rows) == 5 and {r["jurisdiction"] for r in rows} == {"Hồ Chí Minh"}
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.mark.slow
def test_corpus_agreement_floors():
    if not (CORPUS / "metadata.jsonl").exists():
        pytest.skip("corpus not present")
    from eval.foundation import run

    r = run(CORPUS)
    assert r["article_exact"] >= 0.97, r["article_misses"][:20]
    assert r["number_right_corrected"] >= 0.95, r["number_misses"][:20]
    assert r["number_right_where_text_states_it"] >= 0.99, r["number_misses"][:20]
    assert r["date_right"] >= 0.95, r["date_misses"][:20]
    assert r["offset_errors"] == [] and r["duplicate_unit_ids"] == 0
    assert len(r["unreadable"]) == 9  # the scanned PDFs without a text layer


def test_issuer_links_to_its_body(seed):
    assert seed["document"]["issuer_body_id"] == "ubnd@ho-chi-minh"


def test_structure_attachment_cue_on_the_title_line_parts_and_numbered_points():
    """CongBot copies put the attachment's cue at the end of its capitals title line (QĐ 254/QĐ-UBND Sơn La, 2023);
    `A.` ... `D.` parts in capitals hold roman items (KH 252/KH-BCĐQG1237, 2013); `(1)` points (CĐ 231/CĐ-TTg, 2025)."""
    text = ("QUYẾT ĐỊNH\n\nBAN HÀNH KẾ HOẠCH\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n\n"
            "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\nNơi nhận:\n- Như Điều 2;\n\nKẾ HOẠCH\n\n"
            "THỰC HIỆN CÔNG TÁC BẢO VỆ BÍ MẬT NHÀ NƯỚC NĂM 2023 (Kèm theo Quyết định số 254/QĐ-UBND ngày 17/02/2023)\n\n"
            "A. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nB. NỘI DUNG\n\nI. CÔNG TÁC QUÁN TRIỆT\n\n"
            "2. Chủ tịch Ủy ban nhân dân các tỉnh theo dõi sát tình hình, trong đó:\n"
            "(1) Tập trung kêu gọi tàu thuyền.\n(2) Chủ động rà soát phương án.\n")
    units = parse_structure(text, "d")
    got = [(u["kind"], u.get("label"), u["id"].split("#")[1]) for u in units if u["kind"] in ("attachment", "item")]
    assert got == [("attachment", "KẾ HOẠCH", "attachment-ke-hoach"),
                   ("item", "A", "attachment-ke-hoach/muc-a"), ("item", "1", "attachment-ke-hoach/muc-a/muc-1"),
                   ("item", "B", "attachment-ke-hoach/muc-b"), ("item", "I", "attachment-ke-hoach/muc-b/muc-i"),
                   ("item", "2", "attachment-ke-hoach/muc-b/muc-i/muc-2"),
                   ("item", "(1)", "attachment-ke-hoach/muc-b/muc-i/muc-2/muc-1"),
                   ("item", "(2)", "attachment-ke-hoach/muc-b/muc-i/muc-2/muc-2")]
