"""The scoring functions of `make eval` on hand-made rows: exact figures."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

# `eval` is a folder of the repository, not an installed package (pyproject installs ingest and kb only).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval import citations, report, tasks  # noqa: E402


def cit(number=None, date=None, relation="basis", issuer=None, target=None, title=None, resolution="exact"):
    raw = title if resolution == "by_name" else f"số {number}"  # a law cited by name never writes its number
    return {"cited_number": number, "cited_date": date, "relation": relation, "cited_issuer": issuer,
            "target_id": target, "cited_title": title, "resolution": resolution, "raw": raw}


@pytest.mark.parametrize(("doc_id", "expected"), [
    ("63_2010_NĐ_CP", "63/2010/NĐ-CP"),
    ("63_2010_ND_CP", "63/2010/NĐ-CP"),
    ("2638_2019_CV_LĐTBXH_KHTC", "2638/LĐTBXH-KHTC"),
    ("3395_2018_CV_LĐTBXH-KHTC", "3395/LĐTBXH-KHTC"),
    ("100_2015_QH13", "100/2015/QH13"),
    ("26_2005_PL_UBTVQH11", "26/2005/PL-UBTVQH11"),
    ("47_2009_TTLT_BTC_BLĐTBXH", "47/2009/TTLT-BTC-BLĐTBXH"),
    ("14_2017_CT_TW", "14-CT/TW"),
    ("11_2020_KH_UBND_SonLa", "11/2020/KH-UBND"),
    ("08_2011_NQ_HDND_HN", "08/2011/NQ-HĐND"),
    ("1699_QĐ_TTg", None),
    ("11_2003_LUAT_QH", None),
    ("Luat_To_Chuc_Chinh_Phu_2015", None),
    ("NULL_2001_LUAT_QH", None),
])
def test_congbot_number(doc_id, expected):
    assert citations.congbot_number(doc_id) == expected


@pytest.mark.parametrize(("number", "year", "expected"), [
    ("63/2010/nd-cp", None, ("63/NĐ-CP", 2010)),
    ("63 / 2010 / NĐ – CP", 1999, ("63/NĐ-CP", 2010)),
    ("1963/QĐ-UBND", 2021, ("1963/QĐ-UBND", 2021)),
    ("24-CT/TW", None, ("24-CT/TW", None)),
])
def test_number_key(number, year, expected):
    assert citations.number_key(number, year) == expected


def test_same_document_year_unknown_on_one_side():
    assert citations.same_document(("1963/QĐ-UBND", 2021), ("1963/QĐ-UBND", None))
    assert not citations.same_document(("1963/QĐ-UBND", 2021), ("1963/QĐ-UBND", 2020))


def test_metadata_number_without_unit_code_and_stated_in_text():
    assert citations.extends(citations.number_key("1609/LĐTBXH"), citations.number_key("1609/LĐTBXH-NCC", 2011))
    assert not citations.extends(citations.number_key("1609/LĐTBXH"), citations.number_key("1609/LĐTBXH"))
    assert citations.stated_in("theo Quyết định số 1227/ QĐ-TTg ngày", "1227/2011/QĐ-TTG")
    assert not citations.stated_in("theo Quyết định số 1227/QĐ-UBND", "1227/2011/QĐ-TTG")


def test_metadata_numbers_per_source():
    diepxuan = {"source": "diepxuan_phapdien_demuc",
                "relations": {"basis": ["NĐ 78/2025/NĐ-CP"], "amended_by": ["x"]},
                "extra": {"relations_numbers": {"basis": ["78/2025/NĐ-CP"]}}}
    congbot = {"source": "TuanHuu168_CongBot",
               "relations": {"references": ["63_2010_ND_CP", "1699_QĐ_TTg"], "amended_by": ["290_2005_QD_TTg"]}}
    other = {"source": "x", "relations": {"replaces": ["Thông tư 79/2020/TT-BCA ngày 14/7/2020"]}}
    assert citations.metadata_numbers(diepxuan) == ["78/2025/NĐ-CP"]
    assert citations.metadata_numbers(congbot) == ["63/2010/NĐ-CP"]
    assert citations.metadata_numbers(other) == ["79/2020/TT-BCA"]


def test_relation_right_takes_the_strongest():
    assert citations.relation_right("basis", {"basis", "reference"})
    assert not citations.relation_right("reference", {"basis", "reference"})
    assert citations.relation_right("amends", {"amends", "repeals", "reference"})


def test_score_document_counts():
    gold = {"path": "p", "cited": [
        {"number": "63/2010/NĐ-CP", "year": 2010, "date": "2010-06-08", "issuer": "Chính phủ", "relation": "basis"},
        {"number": "1963/QĐ-UBND", "year": 2021, "date": None, "issuer": None, "relation": "reference"},
        {"number": "5/CT-TTg", "year": 2020, "date": None, "issuer": None, "relation": "reference"},
        {"number": None, "year": 2015, "name": "Luật Tổ chức chính quyền địa phương", "date": None,
         "issuer": "Quốc hội", "relation": "basis"},
        {"number": None, "name": "Nghị quyết Đại hội", "unnumbered": True, "relation": "basis"},
    ]}
    preds = [
        cit("63/2010/ND-CP", "2010-06-08", "basis", "Chính phủ", "63-2010-nd-cp"),
        cit("63/2010/NĐ-CP", None, "reference", None, "63-2010-nd-cp"),
        cit("1963/QĐ-UBND", "2021-05-28", "basis", None, None),
        cit("99/NQ-CP", "2019-01-01", "reference", None, "99-nq-cp-2019"),
        cit("77/2015/QH13", "2015-06-19", "basis", "Quốc hội", "77-2015-qh13",
            "Luật tổ chức chính quyền địa phương", "by_name"),
    ]
    row = citations.score_document(gold, preds)
    assert (row["gold"], row["predicted"], row["matched"]) == (3, 3, 2)
    assert row["missed"] == ["5/CT-TTg"]
    assert row["extra"] == ["99/NQ-CP (2019)"]
    assert (row["relation_right"], row["relation_total"]) == (2, 3)
    assert (row["date_right"], row["date_total"]) == (1, 1)
    assert (row["issuer_right"], row["issuer_total"]) == (2, 2)
    assert row["resolved"] == 1
    assert (row["name_gold"], row["name_found"], row["name_resolved"]) == (1, 1, 1)
    summary = citations.summarize([row])
    assert summary["numbered_precision"] == pytest.approx(2 / 3)
    assert summary["numbered_recall"] == pytest.approx(2 / 3)
    assert summary["resolution_share"] == pytest.approx(1 / 2)


def test_score_document_with_no_predictions():
    gold = {"path": "p", "cited": [{"number": "63/2010/NĐ-CP", "year": 2010, "date": None, "issuer": None,
                                    "relation": "basis"}]}
    summary = citations.summarize([citations.score_document(gold, [])])
    assert (summary["numbered_precision"], summary["numbered_recall"]) == (0.0, 0.0)


TEXT = "IV. TỔ CHỨC THỰC HIỆN\na) Chủ trì tham mưu\nỦy ban nhân dân\nThành phố.\n- Phối hợp với Sở Tài chính."


def test_match_tasks_by_text_and_by_start():
    gold = [{"quote": "Chủ trì tham mưu Ủy ban nhân dân"}, {"quote": "Phối hợp với Sở Tài chính."},
            {"quote": "Không có trong văn bản"}]
    by_text = {"id": "t1", "start": 0, "text": "Chủ trì tham mưu\nỦy ban nhân dân Thành phố."}
    by_start = {"id": "t2", "start": TEXT.index("- Phối"), "text": "(cut)"}
    stray = {"id": "t3", "start": 0, "text": "IV. TỔ CHỨC"}
    assert tasks.match_tasks(gold, [stray, by_start, by_text], TEXT) == [(0, 2), (1, 1)]


def test_match_tasks_repeated_quote_in_order():
    """A quote three gold tasks share, found three times: the k-th gold task is the one at the k-th place, so a missed
    first task does not pair the second gold task with the first prediction (QĐ 102/2025/QĐ-UBND Phú Thọ)."""
    text = "1. Sở A\na) Chủ trì, phối hợp với X.\n2. Sở B\na) Chủ trì, phối hợp với X.\n3. Sở C\na) Chủ trì, phối hợp với X."
    at = [i for i in range(len(text)) if text.startswith("Chủ trì", i)]
    gold = [{"quote": "Chủ trì, phối hợp với X."}] * 3
    second = {"id": "t2", "start": at[1], "end": at[1] + 24, "text": "Chủ trì, phối hợp với X."}
    third = {"id": "t3", "start": at[2], "end": at[2] + 24, "text": "Chủ trì, phối hợp với X."}
    assert tasks.match_tasks(gold, [second, third], text) == [(1, 0), (2, 1)]


def test_same_body_containment_both_ways():
    assert tasks.same_body("Sở Nội vụ", "Sở Nội vụ Thành phố Hồ Chí Minh")
    assert tasks.same_body("Ủy ban nhân dân các quận, huyện và thành phố Thủ Đức",
                           "Ủy ban nhân dân các quận, huyện, thành phố Thủ Đức Thành phố Hồ Chí Minh")
    assert not tasks.same_body("Sở Tài chính", "Sở Tài nguyên và Môi trường")
    assert not tasks.same_body("Sở Tư pháp", "Sở Tư phápp")  # whole words only
    assert not tasks.same_body("", "Sở Nội vụ")


def test_task_score_document():
    gold = {"path": "p", "tasks": [
        {"quote": "Chủ trì tham mưu", "section": "IV.1.a", "lead": ["Sở Nội vụ"], "responsible": [],
         "partner": ["Sở Tài chính", "Công an tỉnh"], "other_roles": {"advise": ["Sở Nội vụ"]},
         "recurrence": "annual", "deadline_start": None, "deadline_end": None},
        {"quote": "Phối hợp với Sở Tài chính.", "section": "IV.1.b", "lead": [], "responsible": ["Sở Y tế"],
         "partner": [], "other_roles": {}, "recurrence": None},
    ]}
    record = {
        "document": {"text": TEXT},
        "tasks": [{"id": "t1", "start": TEXT.index("a)"), "text": "Chủ trì tham mưu Ủy ban", "recurrence": "annual"}],
        "task_bodies": [{"task_id": "t1", "body_id": "snv", "role": "lead", "raw": "Sở Nội vụ"},
                        {"task_id": "t1", "body_id": "stc", "role": "partner", "raw": "Sở Tài chính"},
                        {"task_id": "t1", "body_id": "sxd", "role": "partner", "raw": "Sở Xây dựng"}],
        "bodies": [{"id": "snv", "name": "Sở Nội vụ Thành phố Hồ Chí Minh"}, {"id": "stc", "name": "Sở Tài chính"},
                   {"id": "sxd", "name": "Sở Xây dựng"}],
        "body_mentions": [{"body_id": "stc"}, {"body_id": "snv"}],
    }
    row = tasks.score_document(gold, record)
    assert (row["gold"], row["predicted"], row["matched"]) == (2, 1, 1)
    assert row["task_misses"] == [("IV.1.b", "Phối hợp với Sở Tài chính.")]
    assert (row["lead_right"], row["lead_total"]) == (1, 1)
    assert (row["partner_pred_hit"], row["partner_pred"], row["partner_gold_hit"], row["partner_gold"]) == (1, 2, 1, 2)
    assert (row["recurrence_right"], row["recurrence_total"]) == (1, 1)
    # gold bodies: Công an tỉnh, Sở Nội vụ, Sở Tài chính, Sở Y tế; mentioned: Sở Nội vụ, Sở Tài chính
    assert (row["body_mention_hit"], row["body_gold"]) == (2, 4)
    assert (row["task_body_pred_hit"], row["task_body_pred"], row["task_body_gold_hit"]) == (2, 3, 2)
    summary = tasks.summarize([row])
    assert (summary["task_precision"], summary["task_recall"]) == (1.0, 0.5)
    assert summary["partner_precision"] == 0.5


def test_task_score_document_empty_record():
    gold = {"path": "p", "tasks": [{"quote": "x", "section": "1"}]}
    summary = tasks.summarize([tasks.score_document(gold, {})])
    assert (summary["task_precision"], summary["task_recall"], summary["body_mention_recall"]) == (0.0, 0.0, 0.0)


def test_report_table_and_record(tmp_path):
    last = tmp_path / "last.json"
    last.write_text(json.dumps({"citations.numbered_recall": 0.5, "tasks.task_recall": 0.25}))
    results = {"citations": {"numbered_recall": 0.75, "documents": 18, "flag": True,
                             "numbered_misses": [("a.md", "1/QĐ-UBND")]}}
    text = report.report(results, path=last)
    lines = text.splitlines()
    assert lines[0].split(" | ")[0].strip() == "metric"
    row = next(line for line in lines if line.startswith("citations.numbered_recall"))
    assert [c.strip() for c in row.split("|")] == ["citations.numbered_recall", "0.500", "0.750", "+0.250"]
    assert "  a.md | 1/QĐ-UBND" in lines
    assert json.loads(last.read_text()) == {"citations.documents": 18, "citations.numbered_recall": 0.75,
                                            "tasks.task_recall": 0.25}


def test_report_creates_record_when_absent(tmp_path):
    last = tmp_path / "last.json"
    text = report.report({"tasks": {"task_recall": 0.5}}, path=last)
    assert "new" in text
    assert json.loads(last.read_text()) == {"tasks.task_recall": 0.5}
    report.report({"tasks": {"task_recall": 0.6}}, path=tmp_path / "other.json", save=False)
    assert not (tmp_path / "other.json").exists()


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Sở Nội vụ", "Sở Nội vụ Thành phố Hồ Chí Minh", True),
    ("Ủy ban nhân dân các phường, xã, đặc khu", "Ủy ban nhân dân các xã, phường, đặc khu tỉnh Quảng Ngãi", True),
    ("Ban Chỉ đạo tỉnh Quảng Ngãi", "Ban Chỉ đạo kiểm kê tỉnh Quảng Ngãi", True),
    ("Sở Tài chính", "Sở Nội vụ tỉnh Phú Thọ", False),
    ("Sở Tài chính tỉnh Phú Thọ", "Sở Tài chính tỉnh Quảng Ngãi", True),
    ("Ủy ban nhân dân tỉnh Đồng Tháp", "Ủy ban nhân dân các xã", False),
    # `(có) liên quan` is wording (KH 552/KH-UBND Đồng Tháp table: `Sở, ban, ngành có liên quan`)
    ("Sở, ban, ngành có liên quan", "Các sở, ban, ngành tỉnh Đồng Tháp", True),
    ("các cơ quan có liên quan", "Sở Tài chính", False),
    # a predicted group as (canonical name, wording in the text): the gold keeps the wording (QĐ 2623/QĐ-TTg)
    ("các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ",
     ("Các bộ, ngành trung ương", "các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"), True),
    ("Bộ Công an", ("Các bộ, ngành trung ương", "các bộ, cơ quan ngang bộ"), False),
    # the committees of every commune by their kinds or by their level (QĐ 102/2025/QĐ-UBND Phú Thọ gold)
    ("Ủy ban nhân dân các xã, phường", "Ủy ban nhân dân cấp xã tỉnh Phú Thọ", True),
    ("Ủy ban nhân dân các quận, huyện", "Ủy ban nhân dân cấp xã", False),
])
def test_same_body(a, b, same):
    from eval.tasks import same_body

    assert same_body(a, b) is same
