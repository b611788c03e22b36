"""The table of laws cited by name (ingest/gazetteer/laws.tsv): shape, sources and lookups."""

from __future__ import annotations

import re

import pytest

from ingest.citations import law_candidates, law_target, laws
from ingest.normalize import fold


def test_columns_and_sources():
    rows = laws()
    assert len(rows) > 200
    for r in rows:
        assert set(r) == {"number", "name", "folded_name", "issued_date", "source"}
        assert r["name"].startswith(("Luật", "Bộ luật", "Hiến pháp")), r
        assert r["folded_name"] == fold(r["name"])
        assert r["source"], r
        assert r["issued_date"] and re.fullmatch(r"\d{4}(-\d\d-\d\d)?", r["issued_date"]), r
        if r["number"]:
            assert re.fullmatch(r"\d+/\d{4}/(QH|UBTVQH)\d+", r["number"]), r
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
]


@pytest.mark.parametrize("name,year,expected", LOOKUP)
def test_lookup(name, year, expected):
    assert sorted(law_target(r) for r in law_candidates(name, year)) == sorted(expected)
