"""The table of laws cited by name (ingest/gazetteer/laws.tsv): shape, sources and lookups."""

from __future__ import annotations

import re

import pytest

from ingest.citations import in_force_from, law_candidates, law_in_force, law_target, laws
from ingest.normalize import fold


def test_columns_and_sources():
    rows = laws()
    assert len(rows) > 200
    for r in rows:
        assert set(r) == {"number", "name", "folded_name", "issued_date", "effective_date", "source"}
        assert r["name"].startswith(("Luật", "Bộ luật", "Hiến pháp", "Pháp lệnh")), r
        assert r["folded_name"] == fold(r["name"])
        assert r["source"], r
        assert r["issued_date"] and re.fullmatch(r"\d{4}(-\d\d-\d\d)?", r["issued_date"]), r
        if r["effective_date"]:  # in force on or after the day it was passed, within a few years
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", r["effective_date"]), r
            assert r["issued_date"] <= r["effective_date"] < str(int(r["issued_date"][:4]) + 3), r
        if r["number"]:
            assert re.fullmatch(r"\d+/\d{4}/(PL-)?(QH|UBTVQH)\d+", r["number"]), r
            assert r["number"][-7:-5] == "QH" or r["number"].split("/")[1] == r["issued_date"][:4], r


def test_numbers_are_unique():
    numbers = [r["number"] for r in laws() if r["number"]]
    assert len(numbers) == len(set(numbers))


# (name, year, expected targets)
LOOKUP = [
    ("Luật Tổ chức chính quyền địa phương", None, ["77-2015-qh13", "72-2025-qh15"]),
    ("Luật Tổ chức chính quyền địa phương", 2025, ["72-2025-qh15"]),
    ("Luật Thủ đô", 2024, ["39-2024-qh15"]),
    ("Luật tổ chức chính quyền địa phương", 2015, ["77-2015-qh13"]),
    ("Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương", 2019,
     ["47-2019-qh14"]),
    ("Luật Phổ biến, giáo dục pháp luật", None, ["14-2012-qh13"]),
    ("Bộ luật Dân sự", 2015, ["91-2015-qh13"]),
    ("Bộ luật Lao động", 2019, ["45-2019-qh14"]),
    ("Luật Đất đai", 2003, ["13-2003-qh11"]),
    ("Luật Đất đai", 2013, ["45-2013-qh13"]),
    ("Luật Đất đai", 2024, ["31-2024-qh15"]),
    ("Luật Đất đai", None, ["13-2003-qh11", "45-2013-qh13", "31-2024-qh15"]),
    ("Hiến pháp", 2013, ["hien-phap-2013"]),
    ("Luật Doanh nghiệp", 2020, ["59-2020-qh14"]),
    ("Luật Không có thật", None, []),
    # the current laws of the main codes, with those they replaced
    ("Luật Ban hành văn bản quy phạm pháp luật", None, ["80-2015-qh13", "64-2025-qh15"]),
    ("Luật Kế toán", 2015, ["88-2015-qh13"]),
    ("Luật Quản lý thuế", 2019, ["38-2019-qh14"]),
    ("Luật Ngân sách nhà nước", 2025, ["89-2025-qh15"]),
    ("Luật Đầu tư công", None, ["49-2014-qh13", "39-2019-qh14", "58-2024-qh15"]),
    ("Luật Tổ chức Chính phủ", None, ["76-2015-qh13", "63-2025-qh15"]),
    ("Luật Cán bộ, công chức", None, ["22-2008-qh12", "80-2025-qh15"]),
    # a name whose own text holds a comma; 90/2025/QH15 is an amending law, not this one
    ("Luật Quản lý, sử dụng tài sản công", None, ["15-2017-qh14"]),
    ("Pháp lệnh Ưu đãi người có công với cách mạng", None, ["26-2005-pl-ubtvqh11", "02-2020-ubtvqh14"]),
    ("Pháp lệnh ưu đãi người có công với cách mạng", 2020, ["02-2020-ubtvqh14"]),
]


@pytest.mark.parametrize("name,year,expected", LOOKUP)
def test_lookup(name, year, expected):
    assert sorted(law_target(r) for r in law_candidates(name, year)) == sorted(expected)


# (number, issued_date, effective_date): checked against the law's own effect article (VLC files) or
# the source the row names.
EFFECTIVE = [
    ("13/2003/QH11", "2003-11-26", "2004-07-01"),
    ("45/2013/QH13", "2013-11-29", "2014-07-01"),  # VLC Luat-dat-dai-2013: `từ ngày 01 tháng 7 năm 2014`
    ("31/2024/QH15", "2024-01-18", "2024-08-01"),  # brought forward by Luật 43/2024/QH15
    ("56/2010/QH12", "2010-11-15", "2011-07-01"),
    ("84/2025/QH15", "2025", "2025-07-01"),
    ("01/2002/QH11", "2002", "2004-01-01"),
    ("83/2015/QH13", "2015-06-25", "2017-01-01"),  # `từ năm ngân sách 2017`
    ("89/2025/QH15", "2025-06-25", "2026-01-01"),
    ("02/2020/UBTVQH14", "2020-12-09", "2021-07-01"),  # CongBot 02_2020_UBTVQH14.md Điều 57
    ("26/2005/PL-UBTVQH11", "2005-06-29", None),
    ("64/2025/QH15", "2025-02-19", "2025-04-01"),
    ("63/2025/QH15", "2025-02-18", "2025-03-01"),
    ("72/2025/QH15", "2025-06-16", "2025-07-01"),
    ("80/2025/QH15", "2025-06-24", "2025-07-01"),
    ("58/2024/QH15", "2024-11-29", "2025-01-01"),
    ("88/2015/QH13", "2015-11-20", "2017-01-01"),  # VLC Luat-ke-toan-2015
    ("38/2019/QH14", "2019-06-13", "2020-07-01"),  # VLC Luat-quan-ly-thue-2019
]


@pytest.mark.parametrize("number,issued,effective", EFFECTIVE)
def test_effective_dates(number, issued, effective):
    row = next(r for r in laws() if r["number"] == number)
    assert (row["issued_date"], row["effective_date"]) == (issued, effective)


def test_in_force_proxy():
    assert in_force_from({"issued_date": "2005-06-29", "effective_date": None}) == "2005-12-29"
    assert in_force_from({"issued_date": "2015-08-31", "effective_date": None}) == "2016-02-29"
    assert in_force_from({"issued_date": "2005", "effective_date": None}) == "2006-06-30"
    assert in_force_from({"issued_date": "2013-11-29", "effective_date": "2014-07-01"}) == "2014-07-01"


# (name, citing document's date, expected target or None)
IN_FORCE = [
    ("Luật Đất đai", "2025-06-15", "31-2024-qh15"),
    ("Luật Đất đai", "2020-01-10", "45-2013-qh13"),
    ("Luật Đất đai", "2014-06-30", "13-2003-qh11"),
    ("Luật Đất đai", "2004-06-30", None),
    ("Luật Đất đai", None, None),
    ("Luật Đất đai", "2020", None),
    ("Luật Thanh tra", "2025-11-19", "84-2025-qh15"),
    ("Luật Thanh tra", "2015-01-01", "56-2010-qh12"),
    ("Luật Ngân sách nhà nước", "2025-11-24", "83-2015-qh13"),
    ("Luật Ngân sách nhà nước", "2026-01-01", "89-2025-qh15"),
    ("Pháp lệnh Ưu đãi người có công với cách mạng", "2013-05-04", "26-2005-pl-ubtvqh11"),
    ("Pháp lệnh Ưu đãi người có công với cách mạng", "2021-06-30", "26-2005-pl-ubtvqh11"),
    ("Pháp lệnh Ưu đãi người có công với cách mạng", "2022-01-01", "02-2020-ubtvqh14"),
    ("Hiến pháp", "2013-12-31", "hien-phap-1992"),
    ("Hiến pháp", "2014-01-01", "hien-phap-2013"),
    ("Luật Ban hành văn bản quy phạm pháp luật", "2025-11-20", "64-2025-qh15"),
    ("Luật Tổ chức chính quyền địa phương", "2025-11-21", "72-2025-qh15"),
    ("Luật Quản lý, sử dụng tài sản công", "2025-11-21", "15-2017-qh14"),
]


def test_misread_numbers_are_left_out():
    numbers = {r["number"] for r in laws()}
    assert "64/2023/QH15" not in numbers
    # `Luật ..., Luật Quản lý, sử dụng tài sản công số 90/2025/QH15`, `Luật Đấu thầu số 57/2024/QH15`: the
    # number is the amending law's, never the last listed law's; each is a row under its own title only
    for number in ("90/2025/QH15", "57/2024/QH15"):
        names = [r["name"] for r in laws() if r["number"] == number]
        assert len(names) == 1 and names[0].startswith("Luật sửa đổi, bổ sung một số điều của"), names


def test_amending_laws_by_title():
    """The amending laws a `Căn cứ` line names by title only (2820/QĐ-UBND HCM) resolve through the table."""
    assert [r["number"] for r in law_candidates(
        "Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư theo phương thức đối tác "
        "công tư và Luật Đấu thầu", 2024)] == ["57/2024/QH15"]
    assert [r["number"] for r in law_candidates(
        "Luật sửa đổi, bổ sung một số điều của Luật Đất đai, Luật Nhà ở, Luật Kinh doanh bất động sản và Luật Các "
        "tổ chức tín dụng")] == ["43/2024/QH15"]
    assert [r["number"] for r in law_candidates("Luật Đấu thầu", 2024)] == []


@pytest.mark.parametrize("name,on,expected", IN_FORCE)
def test_law_in_force(name, on, expected):
    row = law_in_force(name, on)
    assert (law_target(row) if row else None) == expected
