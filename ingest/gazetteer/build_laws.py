"""Build `laws.tsv`, the table of laws cited by name, from the corpus's own laws.

Usage (from the repo root; needs ../shared/corpus):

    python -m ingest.gazetteer.build_laws [CORPUS_DIR]

Each file of `underthesea_CP_Vietnamese-VLC/raw/` opens with the number line (`Luật số: 91/2015/QH13`,
sometimes `Số: ...`), the place/date line (`Hà Nội, ngày 24 tháng 11 năm 2015`), the type line
(`LUẬT` / `BỘ LUẬT`) and the name line(s) in capitals; most also say `Quốc hội ban hành Luật X.`, which
gives the name in its usual case. Files without a header fall back to their file name
(`Luat-Bien-gioi-Quoc-gia-2003-06-2003-QH11-51044.txt`). Rows of `MANUAL` below are laws the seed and
the corpus cite but the corpus does not hold; each names its source. Last, laws the corpus texts cite with name and number
(`Luật Khoa học, công nghệ và đổi mới sáng tạo số 93/2025/QH15 ngày ...`) and that no row above holds:
the most frequent spelling of the name for each number, its date when one follows (else the number's
year), and the file it was first seen in. Output columns: number, name, folded_name, issued_date,
effective_date, source. The TSV is committed; tests read only the TSV.

`effective_date` is the day the law came into force, read from its own effect article when the
corpus holds its text (`Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2014`, `... kể từ ngày
...`; `từ năm ngân sách 2017` -> 2017-01-01, the budget year being the calendar year), else from
`EFFECTIVE` below (each with its source, appended to the row's `source`), else empty (unknown).
ingest.citations uses it to pick, for a law named without a year, the one in force on the citing
document's date.
"""

from __future__ import annotations

import csv
import datetime
import re
import sys
from pathlib import Path

from ingest.normalize import fold, normalize

HERE = Path(__file__).parent
DEFAULT_CORPUS = HERE.parents[2] / "shared" / "corpus"
RAW = "underthesea_CP_Vietnamese-VLC/raw"
OUT = HERE / "laws.tsv"

# Laws cited in ../shared/seeds and the corpus but absent from the underthesea files.
MANUAL = [
    ("77/2015/QH13", "Luật Tổ chức chính quyền địa phương", "2015-06-19",
     "manual: Luật số 77/2015/QH13, Quốc hội khóa XIII kỳ họp 9 (cited in the seed 1963/QĐ-UBND)"),
    ("47/2019/QH14",
     "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
     "2019-11-22", "manual: Luật số 47/2019/QH14, Quốc hội khóa XIV kỳ họp 8 (cited in the seed)"),
    ("14/2012/QH13", "Luật Phổ biến, giáo dục pháp luật", "2012-06-20",
     "manual: Luật số 14/2012/QH13, Quốc hội khóa XIII kỳ họp 3 (cited in the seed)"),
    ("76/2015/QH13", "Luật Tổ chức Chính phủ", "2015-06-19",
     "manual: Luật số 76/2015/QH13, Quốc hội khóa XIII kỳ họp 9 (named in the seed's amending law)"),
    ("80/2015/QH13", "Luật Ban hành văn bản quy phạm pháp luật", "2015-06-22",
     "manual: Luật số 80/2015/QH13 (../shared/docs/DOMAIN.md §1)"),
    ("64/2025/QH15", "Luật Ban hành văn bản quy phạm pháp luật", "2025-02-19",
     "manual: Luật số 64/2025/QH15 (../shared/docs/DOMAIN.md §1)"),
    ("45/2013/QH13", "Luật Đất đai", "2013-11-29", "manual: Luật số 45/2013/QH13"),
    ("13/2003/QH11", "Luật Đất đai", "2003-11-26", "manual: Luật số 13/2003/QH11"),
    ("31/2024/QH15", "Luật Đất đai", "2024-01-18", "manual: Luật số 31/2024/QH15"),
    # amending laws cited by their title (`được sửa đổi, bổ sung tại Luật sửa đổi, bổ sung một số điều của ...`),
    # the number not written; cited in tnt305_tai_lieu_noi_bo/dataset/001c610b2efdcf0c.md (2820/QĐ-UBND HCM)
    ("57/2024/QH15", "Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư theo phương "
     "thức đối tác công tư và Luật Đấu thầu", "2024-11-29",
     "manual: Luật số 57/2024/QH15, Quốc hội khóa XV kỳ họp 8 (cited by title, `... và Luật Đấu thầu ngày 29 tháng "
     "11 năm 2024`, in tnt305_tai_lieu_noi_bo/dataset/001c610b2efdcf0c.md)"),
    ("43/2024/QH15", "Luật sửa đổi, bổ sung một số điều của Luật Đất đai, Luật Nhà ở, Luật Kinh doanh bất động sản "
     "và Luật Các tổ chức tín dụng", "2024-06-29",
     "manual: Luật số 43/2024/QH15, Quốc hội khóa XV kỳ họp 7 (cited by title in "
     "tnt305_tai_lieu_noi_bo/dataset/001c610b2efdcf0c.md and by number in 50693ea4bb4bda20.md)"),
    ("90/2025/QH15", "Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu, Luật Đầu tư theo phương thức đối tác "
     "công tư, Luật Hải quan, Luật Thuế giá trị gia tăng, Luật Thuế xuất khẩu, thuế nhập khẩu, Luật Đầu tư, Luật "
     "Đầu tư công, Luật Quản lý, sử dụng tài sản công", "2025-06-25",
     "manual: Luật số 90/2025/QH15 ngày 25/6/2025 (as the corpus writes it; see NOT_LAWS), cited by title in "
     "tnt305_tai_lieu_noi_bo/dataset/001c610b2efdcf0c.md"),
    (None, "Hiến pháp", "2013-11-28", "manual: Hiến pháp năm 2013, Quốc hội khóa XIII kỳ họp 6"),
    (None, "Hiến pháp", "1992-04-15", "manual: Hiến pháp năm 1992, Quốc hội khóa VIII kỳ họp 11"),
    # current laws of the main codes, passed in 2025, that the corpus cites too rarely (or without a date)
    # for `cited_laws` below to keep them
    ("80/2025/QH15", "Luật Cán bộ, công chức", "2025-06-24",
     "cited in tnt305_tai_lieu_noi_bo/dataset/27e00d593ec30fac.md (`Căn cứ Luật Cán bộ, công chức số "
     "80/2025/QH15`); passed 24/6/2025, Quốc hội khóa XV kỳ họp 9 (well-known)"),
    ("02/2020/UBTVQH14", "Pháp lệnh Ưu đãi người có công với cách mạng", "2020-12-09",
     "TuanHuu168_CongBot/documents/02_2020_UBTVQH14.md (header: Pháp lệnh số: 02/2020/UBTVQH14, Hà Nội, "
     "ngày 09 tháng 12 năm 2020)"),
    ("26/2005/PL-UBTVQH11", "Pháp lệnh Ưu đãi người có công với cách mạng", "2005-06-29",
     "cited in TuanHuu168_CongBot/documents/47_2009_TTLT_BTC_BLĐTBXH.md (`Pháp lệnh Ưu đãi người có công "
     "với cách mạng số 26/2005/PL-UBTVQH11 ngày 29 tháng 6 năm 2005`); ended by 02/2020/UBTVQH14 Điều 57 khoản 2"),
]

# Days of entry into force of laws whose text the corpus does not hold (number, or name|year for the
# Constitution), each with its source; the effect article of a text in the corpus wins over these.
EFFECTIVE = {
    "13/2003/QH11": ("2004-07-01", "Luật Đất đai 2003: hiệu lực từ 01/7/2004 (well-known)"),
    "31/2024/QH15": ("2024-08-01", "Luật Đất đai 2024, its effect brought forward by Luật số "
                     "43/2024/QH15 (cited in tnt305_tai_lieu_noi_bo/dataset/50693ea4bb4bda20.md): 01/8/2024; "
                     "`Luật Đất đai trước ngày 01/8/2024` in the corpus"),
    "01/2002/QH11": ("2004-01-01", "Luật Ngân sách nhà nước 2002: hiệu lực từ năm ngân sách 2004 "
                     "(well-known)"),
    "89/2025/QH15": ("2026-01-01", "diepxuan_phapdien_demuc/van_ban/tai-chinh/ngan-sach-doi-ngoai/"
                     "nghi-dinh-129-2026-nd-cp-quan-ly-ngan-sach-doi-ngoai.md: `Luật Ngân sách nhà nước "
                     "89/2025/QH15 (có hiệu lực từ 01/01/2026)`"),
    "84/2025/QH15": ("2025-07-01", "Luật Thanh tra 2025 (passed 25/6/2025): hiệu lực từ 01/7/2025 (well-known)"),
    "41/2024/QH15": ("2025-07-01", "Luật Bảo hiểm xã hội 2024: hiệu lực từ 01/7/2025 (well-known)"),
    "02/2020/UBTVQH14": ("2021-07-01", "TuanHuu168_CongBot/documents/02_2020_UBTVQH14.md Điều 57 khoản 1: `Pháp lệnh "
                         "này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2021`"),
    "64/2025/QH15": ("2025-04-01", "Luật Ban hành văn bản quy phạm pháp luật 2025 (passed 19/02/2025): hiệu lực "
                     "từ 01/4/2025 (well-known)"),
    "63/2025/QH15": ("2025-03-01", "Luật Tổ chức Chính phủ 2025 (passed 18/02/2025): hiệu lực từ 01/3/2025 "
                     "(well-known)"),
    "72/2025/QH15": ("2025-07-01", "Luật Tổ chức chính quyền địa phương 2025 (passed 16/6/2025, date cited in "
                     "the corpus: `số 72/2025/QH15 ngày 16/6/2025`): hiệu lực từ 01/7/2025 (well-known)"),
    "80/2025/QH15": ("2025-07-01", "Luật Cán bộ, công chức 2025: hiệu lực từ 01/7/2025 (well-known)"),
    "58/2024/QH15": ("2025-01-01", "Luật Đầu tư công 2024 (passed 29/11/2024): hiệu lực từ 01/01/2025 "
                     "(well-known)"),
    "108/2025/QH15": ("2026-07-01", "Luật Quản lý thuế 2025: hiệu lực từ 01/7/2026 (well-known)"),
    "hien phap|2013": ("2014-01-01", "Hiến pháp 2013: hiệu lực từ 01/01/2014 "
                       "(well-known)"),
}

# Numbers `cited_laws` would read with a wrong name or year, each with the reason it is left out.
NOT_LAWS = {
    "64/2023/QH15": "typo of 64/2025/QH15 in diepxuan_phapdien_demuc/van_ban/ngoai-giao/thong-tu-02-2026-tt-bng-"
                    "phan-cap-nhiem-vu-quyen-han-bo-ngoai-giao.md (no law numbered 64 was passed in 2023; the same "
                    "name is cited 30+ times in the corpus with 64/2025/QH15)",
    "57/2024/QH15": "the amending law of 29/11/2024 (`Luật Đấu thầu, ... số 57/2024/QH15` names the last law its "
                    "title lists, not the one of that number); a MANUAL row holds it under its own title",
    "90/2025/QH15": "an amending law of 25/6/2025 (`Luật số 90/2025/QH15 ngày 25/6/2025` sửa đổi Luật Đầu tư, Luật Đầu tư "
                    "công, Luật Quản lý, sử dụng tài sản công ...): `Luật X, Luật Quản lý, sử dụng tài sản công số "
                    "90/2025/QH15` names the last amended law, not the one of that number",
}

# Old headers whose name line cannot be read by rule (one row each, checked by hand).
NAME_FIXES = {
    "Luat-quyen-tu-do-hoi-hop-1957-101-SL-L-003-36793.txt": "Luật Quy định quyền tự do hội họp",
}

_NUMBER = re.compile(r"^\s*(?:Bộ\s+luật\s+|Luật\s+|Hiến\s+pháp\s+)?số\s*:\s*(\d+/\d{4}/[A-Z\s]+\d*)",
                     re.IGNORECASE | re.MULTILINE)
_DATE = re.compile(r"ngày\s*(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")
_TYPE = re.compile(r"^\s*(BỘ LUẬT|LUẬT|HIẾN PHÁP)\s*$", re.MULTILINE)
_ENACT = re.compile(r"ban\s+hành\s+((?:Bộ\s+luật|Luật|Hiến\s+pháp)\s[^.;\n]+)")
_FILE_NUMBER = re.compile(r"-(\d+)-(\d{4})-(QH\d+)-\d+\.txt$")
_FILE_YEAR = re.compile(r"-((?:19|20)\d\d)-")
# The effect article: `Luật này có hiệu lực thi hành (kể) từ ngày 01 tháng 7 năm 2014`, `... từ năm ngân sách 2017`.
_EFFECT = re.compile(
    r"(?:Bộ\s+luật|Luật|Hiến\s+pháp|Pháp\s+lệnh)\s+này\s+có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s*,?\s*(?:kể\s+)?từ\s+"
    r"(?:ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4})|năm\s+ngân\s+sách\s+(?P<budget>\d{4}))"
)


def effective_date(text: str) -> str | None:
    """The day the law's own effect article puts it in force, or None when the text states no day."""
    m = _EFFECT.search(text)
    if not m:
        return None
    if m.group("budget"):
        return f"{m.group('budget')}-01-01"
    try:
        return datetime.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))).isoformat()
    except ValueError:
        return None


def sentence_case(upper_name: str) -> str:
    """`ĐO ĐẠC VÀ BẢN ĐỒ` -> `Đo đạc và bản đồ` (the case used in citations matters not: we fold)."""
    s = re.sub(r"\s+", " ", upper_name).strip().lower()
    return s[:1].upper() + s[1:]


def law_row(path: Path) -> dict | None:
    """One row of the table from one law file, or None when the file names no law."""
    text = path.read_text("utf-8", errors="replace")
    head = text[:3000]
    number = None
    m = _NUMBER.search(head)
    if m:
        number = re.sub(r"\s+", "", m.group(1))
    else:
        fm = _FILE_NUMBER.search(path.name)
        if fm:
            number = f"{fm.group(1)}/{fm.group(2)}/{fm.group(3)}"
    date = None
    d = _DATE.search(head)
    if d:
        date = f"{int(d.group(3)):04d}-{int(d.group(2)):02d}-{int(d.group(1)):02d}"
    name = None
    e = _ENACT.search(text[:6000])
    if e:
        name = re.sub(r"\s+", " ", e.group(1)).strip()
    else:
        t = _TYPE.search(head)
        if t:
            lines = []
            for line in head[t.end():].splitlines()[1:5]:
                line = line.strip()
                if not line and not lines:
                    continue
                if not line or line != line.upper() or line.startswith(("QUỐC HỘI", "CĂN CỨ")):
                    break
                lines.append(line)
            if lines:
                kind = "Bộ luật" if t.group(1) == "BỘ LUẬT" else "Luật"
                upper = " ".join(lines)
                # old headers: `CỦA QUỐC HỘI ... SỐ 15/2003/QH11 NGÀY ... VỀ THI ĐUA, KHEN THƯỞNG`
                about = re.search(r"\bVỀ\s+(.+)$", upper) if re.match(r"(CỦA|SỐ)\b", upper) else None
                name = f"{kind} {sentence_case(about.group(1) if about else upper)}"
    if path.name in NAME_FIXES:
        name = NAME_FIXES[path.name]
    if name is not None:
        # `Luật Thuế sử dụng đất nông nghiệp số 23-l/ctn ngày ...` -> drop the number tail
        name = re.sub(r"\s+số\s+\S*\d.*$", "", name).rstrip(" ,;:")
    if name is None or not name.startswith(("Luật", "Bộ luật")):
        return None
    if date is None:
        y = _FILE_YEAR.search(path.name)
        date = y.group(1) if y else None
    return {"number": number, "name": name, "folded_name": fold(name), "issued_date": date,
            "effective_date": effective_date(normalize(text)[0]),
            "source": f"underthesea_CP_Vietnamese-VLC/raw/{path.name}"}


_CITED = re.compile(
    r"(?<![^\W\d_])(?P<name>(?:Bộ\s+luật|Luật)\s+[^\W\d_][^;:.\n()“”\"\d]{1,110}?)\s+số\s*:?\s*"
    r"(?P<number>\d{1,3}/(?P<year>(?:19|20)\d\d)/QH\d{2})(?!\d)"
    r"(?:\s*,?\s*ngày\s*(?P<d>\d{1,2})\s*tháng\s*(?P<m>\d{1,2})\s*năm\s*(?P<y>\d{4}))?"
)


def cited_laws(corpus: Path) -> list[dict]:
    """Laws named with their number in the corpus texts, one row per number (most frequent name)."""
    seen: dict[str, dict] = {}
    for path in sorted(corpus.rglob("*")):
        if path.suffix not in (".md", ".txt") or not path.is_file():
            continue
        text, _ = normalize(path.read_text("utf-8", errors="replace"))
        for m in _CITED.finditer(text):
            name = re.sub(r"\s+", " ", m.group("name")).strip(" ,")
            if "sửa đổi" in name or "này" in name.split() or not _term_fits(m.group("number")):
                continue  # `Luật sửa đổi ... của Luật X số N`: the number may be X's; typos of the term
            # the last `Luật` names the law (`căn cứ Luật A và Luật B số ...` -> `Luật B`)
            name = name[name.rfind(" Luật ") + 1:] if " Luật " in name else name
            if len(name.split()) > 16 or re.search(r"\b(?:các|những|có liên quan)\b", name):
                continue
            s = seen.setdefault(m.group("number"), {"names": {}, "date": None,
                                                    "source": f"cited in {path.relative_to(corpus)}"})
            s["names"][name] = s["names"].get(name, 0) + 1
            s["count"] = s.get("count", 0) + 1
            if m.group("y") and m.group("y") == m.group("year") and s["date"] is None:
                s["date"] = f"{m.group('y')}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"
    rows = []
    for number, s in seen.items():
        name = max(s["names"].items(), key=lambda kv: (kv[1], kv[0]))[0]
        if s["count"] < 2 and not s["date"]:
            continue  # seen once without a date: too weak against typos of the number
        rows.append({"number": number, "name": name, "folded_name": fold(name), "count": s["count"],
                     "issued_date": s["date"] or number.split("/")[1], "effective_date": None,
                     "source": f"{s['source']} ({s['count']} mentions)"})
    return rows


# Terms of the National Assembly: a law numbered `/QH14` was passed between 2016 and 2021.
_TERMS = {9: (1992, 1997), 10: (1997, 2002), 11: (2002, 2007), 12: (2007, 2011), 13: (2011, 2016),
          14: (2016, 2021), 15: (2021, 2026), 16: (2026, 2031)}


def _term_fits(number: str) -> bool:
    _, year, code = number.split("/")
    span = _TERMS.get(int(code[2:]))
    return bool(span) and span[0] <= int(year) <= span[1]


def build(corpus: Path = DEFAULT_CORPUS) -> list[dict]:
    raw_dir = corpus / RAW
    rows = [r for p in sorted(raw_dir.glob("*.txt")) if (r := law_row(p))]
    have = {(r["number"], r["folded_name"]) for r in rows}
    for number, name, date, source in MANUAL:
        if (number, fold(name)) not in have and not (number and any(r["number"] == number for r in rows)):
            rows.append({"number": number, "name": name, "folded_name": fold(name),
                         "issued_date": date, "effective_date": None, "source": source})
    numbers = {r["number"] for r in rows if r["number"]}
    name_years = {(r["folded_name"], (r["issued_date"] or "")[:4]) for r in rows}
    # one row per name and year: the number cited most often under that name
    for r in sorted(cited_laws(corpus), key=lambda r: -r.pop("count")):
        key = (r["folded_name"], r["issued_date"][:4])
        if r["number"] not in numbers and key not in name_years and r["number"] not in NOT_LAWS:
            rows.append(r)
            numbers.add(r["number"])
            name_years.add(key)
    for r in rows:
        key = r["number"] or f"{r['folded_name']}|{(r['issued_date'] or '')[:4]}"
        if not r.get("effective_date") and key in EFFECTIVE:
            r["effective_date"], source = EFFECTIVE[key]
            r["source"] = f"{r['source']}; in force: {source}"
    rows.sort(key=lambda r: (r["folded_name"], r["issued_date"] or ""))
    return rows


def write(rows: list[dict], out: Path = OUT) -> None:
    with out.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, ["number", "name", "folded_name", "issued_date", "effective_date", "source"],
                           delimiter="\t", lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: (v or "") for k, v in r.items()})


if __name__ == "__main__":
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    if not (corpus / RAW).is_dir():
        sys.exit(f"build_laws: {corpus / RAW} is not a directory (run from the repo, next to ../shared/corpus)")
    table = build(corpus)
    write(table)
    print(f"{len(table)} laws -> {OUT}")
