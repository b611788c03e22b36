"""Citations of other documents: find the mentions, resolve them to document ids, read the relations.

Three steps, as eyecite splits them:
- `find_citations(text)` (pure): every mention of another document with its span: numbered ones
  (`Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về ...`, `theo 63/2010/NĐ-CP`,
  `24-CT/TW`, lists sharing a type), laws by name (`Luật Tổ chức chính quyền địa phương ngày 19 tháng 6
  năm 2015`, matched against `gazetteer/laws.tsv`) and unnumbered documents a `Căn cứ` line rests on
  (`Căn cứ Nghị quyết Đại hội đại biểu Đảng bộ ...`). Spans run from the type word (or the number) to
  the end of the stated date and `của <issuer>`; the pinpoint and the subject are kept apart.
- `resolve_citations(mentions, doc)`: the target id of each mention (ingest.identity.document_id), with
  the year taken from the stated date and the province from `của Ủy ban nhân dân tỉnh X` or the citing
  document when the number needs them.
- `extract_citations(text, units, doc)`: the pipeline step: citations, relations and stub documents.

Resolution: `exact` (number with year and issuer code; local codes with a named province), `inferred`
(year from the date, or province from the citing document; a law named without a year, with several
laws of that name in the table: the one the same document names with a year, else the one in force on
the citing document's date, see `law_in_force`), `by_name` (law found by name, and year when the table
has several of that name), `ambiguous` (province unknown; law name with several candidates, no year,
and neither rule applies), `unresolved` (yearless number without a date; documents cited without a
number, such as a Party Congress resolution; their target_id is None and no stub is made).

Patterns and cue phrases live in `patterns/citations.yaml`, laws by name in `gazetteer/laws.tsv`.
"""

from __future__ import annotations

import bisect
import csv
import json
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml

from ingest import identity
from ingest.normalize import fold

_HERE = Path(__file__).parent
PATTERNS = yaml.safe_load((_HERE / "patterns" / "citations.yaml").read_text("utf-8"))
LAWS_TSV = _HERE / "gazetteer" / "laws.tsv"

# Cities under central authority: their committee is `Ủy ban nhân dân Thành phố X`.
CITIES = {"ho chi minh", "ha noi", "hai phong", "da nang", "can tho", "hue"}


# `fold` for NFC text in one str.translate: the same result as ingest.normalize.fold, ~10x faster.
_FOLD_TABLE = {c: fold(chr(c)) for c in range(0xC0, 0x1EFA) if fold(chr(c)) != chr(c).lower()}
_FOLD_TABLE[0xF0] = "d"  # `ð`, the lowercase of `Ð` (U+00D0) written for `Đ`


def _fold(s: str) -> str:
    return s.lower().translate(_FOLD_TABLE)


def _province_key(s: str) -> str:
    return re.sub(r"[^a-z]+", "", _fold(s))


_PROVINCES = {_province_key(p): p for p in PATTERNS["provinces"]}
_PROVINCES.update({_province_key(a): p for a, p in PATTERNS["province_aliases"].items()})
_PROVINCE_KEYS = sorted(_PROVINCES, key=len, reverse=True)


def province_at(words: str) -> tuple[str, int] | None:
    """The province named at the start of `words` (`Hồ Chí\nMinh về việc`, `ĐỒNG NAI BAN HÀNH`) and the
    length of its folded key, or None."""
    key = _province_key(words[:40])
    return next(((_PROVINCES[k], len(k)) for k in _PROVINCE_KEYS if key.startswith(k)), None)


def _words(phrase: str) -> str:
    """A phrase as a regex allowing any whitespace (line breaks included) between its words."""
    return r"\s+".join(re.escape(w) for w in phrase.split())


def _alternation(phrases) -> str:
    return "|".join(_words(p) for p in sorted(phrases, key=len, reverse=True))


TYPE_WORDS: dict[str, str | None] = PATTERNS["types"]
_TYPE_BY_FOLD = {_fold(k): v for k, v in TYPE_WORDS.items()}
_TYPE_ALT = _alternation(TYPE_WORDS)

_N = PATTERNS["number"]
_CODE, _DASH, _SLASH = f"(?:{_N['code']})", f"(?:{_N['dash']})", f"(?:{_N['slash']})"
_SERIAL, _YEAR = _N["serial"], _N["year"]
# The serial is factored out of the three forms: the scan runs about 3x faster than three alternatives.
NUMBER = re.compile(
    rf"{_SERIAL}(?:(?P<legal>{_SLASH}{_YEAR}{_SLASH}{_CODE}(?:{_DASH}{_CODE}){{0,3}})"
    rf"|(?P<party>{_DASH}{_CODE}{_SLASH}{_CODE}(?:{_DASH}{_CODE})?)"
    rf"|(?P<admin>{_SLASH}{_CODE}(?:{_DASH}{_CODE}){{1,3}}))"
)

_PARTY_CODES = frozenset(_N.get("party_codes") or ())
_SWAPPED_PARTY = re.compile(r"(?P<serial>\d+[a-zđ]?)/(?P<type>[^/\-]+)-(?P<issuer>[^/\-]+)")


def _party_number(number: str) -> str:
    """`27/NQ-TW` (written `27/NQ- TW`, slash and dash swapped) -> `27-NQ/TW`: a type code then a party
    issuer code (`number.party_codes` of patterns/citations.yaml) is a party number; others unchanged."""
    m = _SWAPPED_PARTY.fullmatch(number)
    if m and m.group("issuer") in _PARTY_CODES and _type_from_code(m.group("type")):
        return f"{m.group('serial')}-{m.group('type')}/{m.group('issuer')}"
    return number


_SO_BEFORE = re.compile(r"(?:(?<![^\W\d_])[Ss][ốo]|SỐ)\s*[:.]?\s*$")
_TYPE_BEFORE = re.compile(
    rf"(?:^|(?<=[\s(\"“'*\-]))(?:(?:các|những|Các|Những)\s+)?(?P<type>{_TYPE_ALT})\s*$", re.IGNORECASE
)
_LIST_BEFORE = re.compile(r"(?:,|;|\bvà|\bhoặc|\bhay|\bcũng như)\s*$")
_NAMED_TYPE = re.compile(r"(?<![^\W\d_])(?P<type>Bộ\s+luật|Luật|Pháp\s+lệnh)\s+(?P<name>[^;:.\n()]{2,150}?(?:\n[^;:.\n()]{1,100}?)?)\s*$")
# The document's own number line: `Số: 1963/QĐ-UBND`, `Số 12/KH-UBND`, `Luật số: 27/2018/QH14`.
_HEADER_LINE = re.compile(r"(?:^|\n)[ \t|*#]*(?:Số(?:\s+hiệu)?\s*[:.]?|(?:Bộ\s+luật|Luật|Pháp\s+lệnh|Lệnh)\s+số\s*:)[ \t]*$")

_DATE_AFTER = re.compile(
    r"\s*,?\s*(?:(?:đã\s+)?được\s+)?(?:ban\s+hành\s+|ký\s+)?(?:ngày\s*)?(?P<d>\d{1,2})\s*"
    r"(?:tháng\s*(?P<m1>\d{1,2})\s*,?\s*năm\s*(?P<y1>\d{4})|[/.\-]\s*(?P<m2>\d{1,2})\s*[/.\-]\s*(?P<y2>\d{4}))",
    re.IGNORECASE,
)
# `tháng 6/2021`, `tháng 6 năm 2021`, `năm 2021`: a year for a yearless number, no full date.
_YEAR_AFTER = re.compile(r"\s*,?\s*(?:tháng\s*\d{1,2}\s*(?:/|năm)\s*|năm\s+)(?P<y>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_CENTRAL = {**{_fold(v): v for v in identity.issuer_codes()["central"].values()},
            **{_fold(v): v for v in PATTERNS["issuers_extra"]}}
_LOCAL_BODY = {"uy ban nhan dan": "Ủy ban nhân dân", "ubnd": "Ủy ban nhân dân",
               "hoi dong nhan dan": "Hội đồng nhân dân", "hdnd": "Hội đồng nhân dân",
               "thanh uy": "Thành ủy", "tinh uy": "Tỉnh ủy"}
_ISSUER_AFTER = re.compile(
    r"\s*,?\s*(?:của|do)\s+(?:(?P<central>" + _alternation(_CENTRAL.values()) + r")(?![^\W\d_])"
    r"|(?:Chủ\s+tịch\s+)?(?P<body>[UỦ]y\s+ban\s+nhân\s+dân|UBND|Hội\s+đồng\s+nhân\s+dân|HĐND|Thành\s+ủy|Tỉnh\s+ủy)"
    r"(?:\s+(?P<level>thành\s+phố|TP\.?|tỉnh)(?P<place>(?:[\s\-–]*[^\W\d_]+){0,5}))?)",
    re.IGNORECASE,
)
# Other issuing bodies of a province, as a mention states them (`của Cục Thuế tỉnh Hà Tĩnh`, `của Ban Thường vụ
# Tỉnh ủy Hậu Giang`, `của Ban Pháp chế Hội đồng nhân dân Thành phố`, `của Giám đốc Sở Tài chính`): the body, then
# the province when written. A tax office needs its province (`Cục Thuế` alone is the central one).
_SO_STOP = r"(?:tỉnh|thành|Thành|TP|tại|về|ngày|số|có|gửi|trình|theo|đã|ban|quy|hướng|đề|thực|phối|chủ|báo|cùng|với)"
_AGENCY = re.compile(
    r"(?:Giám\s+đốc\s+|Thủ\s+trưởng\s+|Trưởng\s+)?(?P<agency>"
    r"(?P<committee>Ban\s+Thường\s+vụ\s+(?:Tỉnh|Thành)\s+ủy)"
    r"|Ban\s+Chấp\s+hành\s+Đảng\s+bộ"
    # `Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số tỉnh (Đồng Tháp)`:
    # a provincial steering committee, its name up to the level word
    r"|Ban\s+Chỉ\s+đạo(?:\s+(?!(?:tỉnh|thành\s+phố|Thành\s+phố|TP|ngày|tại)(?![^\W\d_]))[^\s;:()\[\]“”\"]+){1,20}?"
    r"(?=\s+(?:tỉnh|thành\s+phố|Thành\s+phố|TP\.?)(?![^\W\d_]))"
    r"|Ban\s+(?:Pháp\s+chế|Kinh\s+tế[\s\-–]+(?:và\s+)?[Nn]gân\s+sách|Văn\s+hóa[\s\-–]+(?:và\s+)?[Xx]ã\s+hội"
    r"|Dân\s+tộc|Đô\s+thị)\s+(?:Hội\s+đồng\s+nhân\s+dân|HĐND)"
    r"|(?:Chi\s+cục\s+Thuế|Cục\s+Thuế|Thuế)(?=\s+(?:tỉnh|thành\s+phố|Thành\s+phố|TP)\b)"
    rf"|Sở\s+[A-ZĐ][^\W\d_]*(?:(?:[ \t]*[\-–][ \t]*|\s+)(?!{_SO_STOP}(?![^\W\d_]))[^\W\d_]+){{0,8}}"
    r")(?![^\W\d_])"
)
_AGENCY_LEVEL = re.compile(r"\s+(?P<level>thành\s+phố|Thành\s+phố|TP\.?|tỉnh)(?![^\W\d_])")
_TITLE_START = re.compile(
    r"\s*,?\s*(?:[Vv]ề\s+việc|V/v|[Vv]ề|quy\s+định|hướng\s+dẫn|ban\s+hành|phê\s+duyệt|sửa\s+đổi|bãi\s+bỏ"
    r"|thành\s+lập|công\s+bố|triển\s+khai)(?![^\W\d_])"
)
_TITLE_END = re.compile(r";|\.(?=\s|$)|\n|\)|”|\"|:")
_TITLE_TAIL = re.compile(r"(?:[\s,;]+|\s+(?:và|của|tại|theo|hoặc|các))+$")
MAX_TITLE = 250
_BARE_TITLES = {"ve viec", "ban hanh", "phe duyet", "quy dinh", "huong dan", "sua doi", "bai bo", "thanh lap",
                "cong bo", "trien khai"}
# `của Giám đốc Sở Thông tin và Truyền thông tại Tờ trình số 41/TTr-STTTT`, `ý kiến của Cục Thuế tỉnh Hà Tĩnh
# tại Công văn số 1752/CT-THNVDT`: the body named before `tại` issued it.
_BODY_BEFORE = re.compile(r"(?<![^\W\d_])(?:của|do)\s+(?P<body>(?:(?!của\s)[^,;.\n]){2,90}?)\s+tại\s+(?:các\s+)?$")

_PP_UNIT = r"(?:[Đđ]iểm\s+[a-zđ]\)?|[Kk]hoản\s+\d+|[Đđ]iều\s+\d+[a-z]?|[Cc]hương\s+[IVXLC\d]+|[Mm]ục\s+(?:\d+|[IVXLC]+\b)|[Pp]hụ\s+lục\s+[IVXLC\d]+)"
_PINPOINT = re.compile(
    rf"(?P<pp>{_PP_UNIT}(?:(?:\s*,\s*|\s+và\s+|\s+){_PP_UNIT}|\s*,\s*(?:\d+|[a-zđ]\)?)(?![^\W\d_]))*)\s+(?:của\s+|tại\s+)?$"
)

_LAW_ISSUER = {"Pháp lệnh": "Ủy ban Thường vụ Quốc hội"}
_BILL_BEFORE = re.compile(r"(?:dự\s+án|dự\s+thảo|[Dd]ự\s+án|[Dd]ự\s+thảo)\s+$")
_LAW_WORD = re.compile(r"(?<![^\W\d_])(?:Bộ\s+[Ll]uật|Luật|Hiến\s+pháp|Pháp\s+lệnh)(?![^\W\d_])")  # `Bộ Luật Lao động`
_LAW_DATE = re.compile(
    r"(?:\s+nước\s+Cộng\s+h[oò]a\s+xã\s+hội\s+chủ\s+nghĩa\s+Việt\s+Nam)?\s*,?\s*(?:(?:được\s+Quốc\s+hội\s+)?(?:thông\s+qua\s+)?"
    r"ngày\s*(?P<d>\d{1,2})\s*(?:tháng\s*(?P<m1>\d{1,2})\s*năm\s*(?P<y1>\d{4})|[/.\-]\s*(?P<m2>\d{1,2})\s*[/.\-]\s*(?P<y2>\d{4}))"
    r"|năm\s+(?P<y3>\d{4}))",
    re.IGNORECASE,
)
_UNKNOWN_LAW = re.compile(
    r"(?P<name>(?:Bộ\s+luật|Luật)\s+(?!(?:này|số|sư|pháp|định|lệ|các|đã|được|và)\b)"
    r"(?:(?!số\s+\d)[^\s;:.()\[\]“”\"]+\s+){1,25}?)(?=(?:được\s+Quốc\s+hội\s+thông\s+qua\s+)?ngày\s*\d|năm\s+\d{4})"
)
# `Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15 và Luật ...`:
# an amending law named by its title, which lists the laws it amends (with or without their numbers). The
# title runs to `ngày`, the clause end or a parenthesis; the laws it lists are not cited on their own.
_AMENDING_LAW = re.compile(
    r"(?:Bộ\s+)?[Ll]uật\s+[Ss]ửa\s+đổi\s*,?\s*bổ\s+sung\s+(?:một\s+số\s+điều\s+)?(?:của|tại)\s+(?:các\s+)?"
    r"(?=(?:Bộ\s+)?[Ll]uật\s)"
)
_AMENDING_STOP = re.compile(r";|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+•#]|[a-zđ]\)|\d+\.|Căn\s+cứ|Theo\s+đề\s+nghị|Xét))|\.(?=\s|$)|\*|\(|\s+ngày\s*\d|\s+(?:được|đã|có\s+hiệu)\s|\s+năm\s+\d{4}")
_MEMBER_NUMBER = re.compile(r"\s*,?\s*số\s*:?\s*\d[^\s,;]*")
_UNNUMBERED_BASIS = re.compile(
    rf"(?:^|\n)[ \t\-*+]*(?P<cc>[Cc]ăn)\s+cứ(?:\s+vào)?\s+(?P<type>{_TYPE_ALT})(?![^\W\d_])(?!\s+(?:số|này)\b)"
    r"(?P<rest>[^;\n]*(?:\n(?![ \t]*\n)[^;\n]*){0,3})",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(
    r";|\.(?=\s)|\n[ \t]*\n|:[ \t]*\n|\n(?=[ \t\-*+]*(?:Căn\s+cứ|Theo\s+đề\s+nghị|Xét|Điều\s+\d|[IVX]+\.|\d+\.|[a-zđ]\)))"
)


# identity's lookups rebuild their tables on each call; a document cites the same few codes many times.
_is_local_code = lru_cache(maxsize=4096)(identity.is_local_code)
_issuer_from_code = lru_cache(maxsize=4096)(identity.issuer_from_code)
_document_id = lru_cache(maxsize=16384)(identity.document_id)
_number_parts = lru_cache(maxsize=16384)(identity.number_parts)
_type_from_code = lru_cache(maxsize=1024)(identity.type_from_code)


@lru_cache(maxsize=1)
def _known_codes() -> dict[str, str]:
    """Codes of the gazetteers by their upper case: `TTG` -> `TTg`, `TTR` -> `TTr`."""
    codes = list(identity.type_codes()) + list(identity.issuer_codes()["central"]) + list(identity.issuer_codes()["local"])
    return {c.upper(): c for c in codes}


def _canonical(raw: str) -> str:
    """A number as normally written: `63 / 2010 / ND – CP` -> `63/2010/NĐ-CP`, `1899/QĐ-TTG` -> `1899/QĐ-TTg`."""
    number = identity.restore_diacritics(identity.canonical_number(raw))
    known = _known_codes()
    return re.sub(r"[^/\-]+", lambda p: known.get(p.group(0).upper(), p.group(0)) if not p.group(0)[0].isdigit()
                  else p.group(0), number)


def _iso(d, m, y) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except (TypeError, ValueError):
        return None


def _collapse(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


# ---------------------------------------------------------------- laws by name


@lru_cache(maxsize=1)
def laws() -> list[dict]:
    """Rows of `gazetteer/laws.tsv` (number, name, folded_name, issued_date, effective_date, source)."""
    with LAWS_TSV.open(encoding="utf-8") as f:
        return [{k: (v or None) for k, v in r.items()} for r in csv.DictReader(f, delimiter="\t")]


def _name_key(folded: str) -> str:
    """A folded law name as an index key: commas dropped (`phòng, chống` is also written `phòng chống`)."""
    return _collapse(folded.replace(",", " "))


def _name_words(name: str) -> str:
    """`_words` for a law's name, its commas optional (`Luật Phòng chống bạo lực gia đình` is the table's
    `Luật phòng, chống bạo lực gia đình`; `Luật Phổ biến giáo dục pháp luật`)."""
    return r"\s+".join(re.escape(w[:-1]) + ",?" if w.endswith(",") and len(w) > 1 else re.escape(w)
                       for w in name.split())


@lru_cache(maxsize=1)
def _laws_by_name() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in laws():
        out.setdefault(_name_key(r["folded_name"]), []).append(r)
    return out


_HEAD_WORDS = re.compile(r"(?:Bộ\s+luật|Luật|Hiến\s+pháp|Pháp\s+lệnh)\s*([^\W\d_]*)", re.IGNORECASE)


def _head(name_or_text: str, pos: int = 0) -> str:
    """`Luật Đất đai` -> `luat dat`: the type and the first word of the name, the index of `_known_laws`."""
    m = _HEAD_WORDS.match(name_or_text, pos)
    return _fold(_collapse(m.group(0))) if m else ""


# `QPPL` -> `quy phạm pháp luật` (patterns/citations.yaml laws_by_name.abbreviations): the short forms a
# law's name is written with (`Luật Ban hành văn bản QPPL`), whole words, matched in that case only.
_LAW_ABBREVIATIONS: dict[str, str] = PATTERNS["laws_by_name"].get("abbreviations") or {}
_ABBREVIATION_BY_UPPER = {k.upper(): v for k, v in _LAW_ABBREVIATIONS.items()}
_ABBREVIATION = re.compile(
    rf"(?<![^\W\d_])(?:{'|'.join(map(re.escape, sorted(_LAW_ABBREVIATIONS, key=len, reverse=True)))})(?![^\W\d_])",
    re.IGNORECASE,
) if _LAW_ABBREVIATIONS else None


def expand_law_name(name: str) -> str:
    """`Luật Ban hành văn bản QPPL` -> `Luật Ban hành văn bản quy phạm pháp luật`."""
    return _ABBREVIATION.sub(lambda a: _ABBREVIATION_BY_UPPER[a.group(0).upper()], name) if _ABBREVIATION else name


def _name_forms(name: str) -> set[str]:
    """A name of the table and its forms with the abbreviations of `_LAW_ABBREVIATIONS` (each or all)."""
    forms = {name}
    for short, long in _LAW_ABBREVIATIONS.items():
        rx = re.compile(rf"(?<![^\W\d_]){_words(long)}(?![^\W\d_])", re.IGNORECASE)
        forms |= {rx.sub(short, f) for f in forms}
    return forms


@lru_cache(maxsize=1)
def _known_laws() -> dict[str, re.Pattern]:
    """Names of the table as regexes, grouped by their first words (one alternation per group); a name
    is also matched with its abbreviations (`_name_forms`)."""
    groups: dict[str, set] = {}
    for r in laws():
        for form in _name_forms(r["name"]):  # `Luật BHXH` is looked up under its own first words
            groups.setdefault(_head(form), set()).add(form)
    return {h: re.compile(rf"(?:{'|'.join(_name_words(n) for n in sorted(names, key=len, reverse=True))})(?![^\W\d_])",
                          re.IGNORECASE) for h, names in groups.items()}


def law_candidates(name: str, year: int | None = None) -> list[dict]:
    """Laws of the table with this name (folded), of this year when one is given."""
    rows = _laws_by_name().get(_name_key(_fold(name)), [])
    if year is not None:
        rows = [r for r in rows if (r["issued_date"] or "")[:4] == str(year)]
    return rows


_PROXY_MONTHS = int(PATTERNS["laws_by_name"]["in_force_proxy_months"])


def in_force_from(row: dict) -> str | None:
    """The day a law of the table came into force: its `effective_date`, or, when the table does not
    know it, `issued_date` + `laws_by_name.in_force_proxy_months` of patterns/citations.yaml (6: a
    conservative proxy, most laws take effect within six months of their passing; a year-only date
    counts as 31 December of that year)."""
    if row.get("effective_date"):
        return row["effective_date"]
    issued = row.get("issued_date")
    if not issued:
        return None
    y, m, d = (int(issued[:4]), 12, 31) if len(issued) < 10 else map(int, issued.split("-"))
    y, m = divmod(y * 12 + m - 1 + _PROXY_MONTHS, 12)
    m += 1
    for day in (d, 30, 29, 28):  # 31 August + 6 months -> 28/29 February
        try:
            return date(y, m, day).isoformat()
        except ValueError:
            continue
    return None


def law_in_force(name: str, on: str | None) -> dict | None:
    """Of the laws of the table with this name, the latest one in force on the ISO date `on` (the
    citing document's date): DOMAIN.md §3, a law named without a year is the one in force when the
    citing document was issued. None when `on` is not a full date or no law of that name was in force."""
    if not on or not re.fullmatch(r"\d{4}-\d\d-\d\d", on):
        return None
    live = [(f, r["issued_date"] or "", r) for r in law_candidates(name) if (f := in_force_from(r)) and f <= on]
    return max(live, key=lambda t: t[:2])[2] if live else None


def law_target(row: dict) -> str:
    """Id of a law of the table: from its number, or from its name and year (the Constitution)."""
    if row["number"]:
        return _document_id(row["number"])
    return identity.law_id(row["name"], int(row["issued_date"][:4]) if row["issued_date"] else None)


# ---------------------------------------------------------------- find


def _date_at(text: str, pos: int, rx: re.Pattern = _DATE_AFTER):
    m = rx.match(text, pos)
    if not m:
        return None, pos
    iso = _iso(m.group("d"), m.group("m1") or m.group("m2"), m.group("y1") or m.group("y2"))
    return (iso, m.end()) if iso else (None, pos)


def _place_at(text: str, pos: int) -> tuple[str | None, int]:
    """The province named right after `pos` (spaces first) and the end of its words, or (None, pos)."""
    words = re.match(r"(?:[\s\-–]*[^\W\d_]+){1,5}", text[pos:pos + 60])
    found = province_at(words.group(0).lstrip()) if words else None
    if not found:
        return None, pos
    place, n = found
    for w in re.finditer(r"[^\W\d_]+", words.group(0)):
        if len(_province_key(words.group(0)[:w.end()])) >= n:
            return place, pos + w.end()
    return None, pos


def _agency_at(text: str, pos: int) -> tuple[dict | None, int]:
    """A provincial body other than the People's Council and Committee named at `pos` (`Sở Tài chính`,
    `Cục Thuế tỉnh Hà Tĩnh`, `Ban Thường vụ Tỉnh ủy Hậu Giang`, `Ban Pháp chế Hội đồng nhân dân Thành phố`)."""
    m = _AGENCY.match(text, pos)
    if not m:
        return None, pos
    body = _collapse(m.group("agency"))
    end, level = m.end(), None
    if not m.group("committee"):
        lv = _AGENCY_LEVEL.match(text, end)
        if lv:
            level = "Thành phố" if _fold(lv.group("level")).startswith(("thanh", "tp")) else "tỉnh"
            end = lv.end()
    place, end = _place_at(text, end) if (level or m.group("committee")) else (None, end)
    return {"body": body, "level": level, "place": place, "agency": True}, end


def _issuer_at(text: str, pos: int) -> tuple[dict | None, int]:
    lead = re.compile(r"\s*,?\s*(?:của|do)\s+", re.IGNORECASE).match(text, pos)
    if lead:
        agency, end = _agency_at(text, lead.end())
        if agency:
            return agency, end
    m = _ISSUER_AFTER.match(text, pos)
    if not m:
        return None, pos
    if m.group("central"):
        return {"central": _CENTRAL[_fold(_collapse(m.group("central")))]}, m.end()
    body = _LOCAL_BODY[_fold(_collapse(m.group("body")))]
    level = m.group("level")
    end = m.end("body") if not level else m.end("level")
    place = None
    if level and m.group("place"):
        found = province_at(m.group("place"))
        if found:  # the span ends after the words that make the name
            place, n = found
            for w in re.finditer(r"[^\W\d_]+", m.group("place")):
                if len(_province_key(m.group("place")[:w.end()])) >= n:
                    end = m.start("place") + w.end()
                    break
    if level:
        level = "Thành phố" if _fold(level).startswith(("thanh", "tp")) else "tỉnh"
    return {"body": body, "level": level, "place": place}, end


def _title_at(text: str, pos: int, limit: int) -> str | None:
    m = _TITLE_START.match(text, pos)
    if not m:
        return None
    start = m.end() - len(m.group(0).lstrip(" \t\n,"))
    e = _TITLE_END.search(text, start, min(limit, start + MAX_TITLE + 1))
    end = e.start() if e else min(limit, start + MAX_TITLE + 1)
    if end - start > MAX_TITLE:
        return None
    title = _TITLE_TAIL.sub("", _collapse(text[start:end]))
    return title if title and " " in title.strip() and _fold(title) not in _BARE_TITLES else None


def _pinpoint(text: str, start: int) -> str | None:
    m = _PINPOINT.search(text[max(0, start - 120):start])
    return _collapse(m.group("pp")) if m else None


def _find_numbers(text: str) -> list[dict]:
    found: list[dict] = []
    for m in NUMBER.finditer(text):
        s, e = m.span()
        number = _canonical(m.group(0))
        if m.group("admin"):
            number = _party_number(number)
        window = text[max(0, s - 200):s]
        so = _SO_BEFORE.search(window)
        before = window[: so.start()] if so else window
        if s < 1500 and _HEADER_LINE.search(text[max(0, s - 60):s]):
            continue  # the document's own `Số: ...` line
        start, stated_type, name, list_of = s, None, None, None
        t = _TYPE_BEFORE.search(before)
        if t:
            start = s - len(window) + t.start("type")
            stated_type = TYPE_WORDS.get(_collapse(t.group("type")).capitalize(),
                                         _TYPE_BY_FOLD.get(_fold(_collapse(t.group("type")))))
        elif so and (nt := _NAMED_TYPE.search(before[-160:])) and not _has_mention(found, s - 160, s):
            start = s - len(window) + len(before) - len(before[-160:]) + nt.start("type")
            stated_type = _TYPE_BY_FOLD.get(_fold(_collapse(nt.group("type"))))
            name = _collapse(f"{nt.group('type')} {nt.group('name')}")
        else:
            lb = _LIST_BEFORE.search(before)
            if lb and found and 0 <= (s - len(window) + lb.start()) - found[-1]["end"] <= 2:
                list_of = len(found) - 1
                stated_type = found[-1]["type"]
            if so:
                start = s - len(window) + so.start()
        parts = _number_parts(number)
        dept = _BODY_BEFORE.search(text[max(0, start - 200):start].replace("\n", " ")) if (t or so) else None
        code_type = _type_from_code(parts["type_code"]) if parts["type_code"] else None
        cited_type = stated_type or code_type
        if cited_type is None:
            issuer_code = re.sub(r"\s+", "", parts["issuer_code"] or "")
            if re.fullmatch(r"QH\d*", issuer_code):
                cited_type = "Luật"
            elif parts["year"] is None and m.lastgroup == "admin":
                cited_type = "Công văn"
        cited_date, end = _date_at(text, e)
        year_only = None
        if cited_date is None and (ym := _YEAR_AFTER.match(text, e)):
            year_only, end = int(ym.group("y")), ym.end()
        issuer, end2 = _issuer_at(text, end)
        if issuer is None and cited_date is None:
            issuer, end2 = _issuer_at(text, e)
            if issuer:
                cited_date, end2b = _date_at(text, end2)
                end2 = max(end2, end2b)
        end = max(end, end2)
        if issuer is None and dept:
            issuer, body_end = _agency_at(dept.group("body"), 0)
            if issuer and body_end < len(dept.group("body")):
                issuer = None  # `của Sở Y tế và các đơn vị tại`: not one body
            central = _CENTRAL.get(_fold(_collapse(dept.group("body"))))
            if issuer is None and central:  # `quan điểm chỉ đạo của Bộ Chính trị tại Kết luận số 132-KL/TW`
                issuer = {"central": central, "before": True}
            if issuer:
                issuer["before"] = True
        found.append({
            "kind": "number", "start": start, "end": end, "number_start": s, "number_end": e,
            "number": number, "type": cited_type, "date": cited_date, "year": year_only, "issuer": issuer,
            "name": name, "list_of": list_of, "pinpoint": _pinpoint(text, start),
        })
    return found


def _has_mention(found: list[dict], start: int, end: int) -> bool:
    return any(f["start"] < end and start < f["end"] for f in found[-3:])


def _find_laws(text: str, taken: list[tuple[int, int]]) -> list[dict]:
    found = []
    starts = [a for a, _ in taken]

    def inside(p: int) -> bool:
        i = bisect.bisect_right(starts, p) - 1
        return i >= 0 and taken[i][0] <= p < taken[i][1]

    last_end = -1
    for m in _LAW_WORD.finditer(text):
        p = m.start()
        if p < last_end or inside(p) or _BILL_BEFORE.search(text, max(0, p - 12), p) or (
                p >= 2 and text[p - 2].isdigit() and not _PINPOINT.search(text, max(0, p - 80), p)):
            continue  # `37 Luật có liên quan đến quy hoạch` names no one law (`Điều 40 Luật Kế toán` does); `dự án Luật ...` is a bill
        a = _AMENDING_LAW.match(text, p)
        if a:
            amending = _amending_law(text, p, a.end(), starts, taken)
            if isinstance(amending, int):  # the number that closes the title names the law
                last_end = amending
                continue
            if amending is not None:
                found.append(amending)
                last_end = amending["end"]
                continue
        head = _head(text, p)
        k = None
        for h in (head, head.rsplit(" ", 1)[0]):  # `Luật Đất ...`, then the bare `Hiến pháp`
            rx = _known_laws().get(h)
            if rx and (k := rx.match(text, p)):
                break
        name, rows = None, []
        if k:
            name, end = expand_law_name(_collapse(k.group(0))), k.end()
            rows = _laws_by_name().get(_name_key(_fold(name)), [])
            dm = _LAW_DATE.match(text, end)
        else:
            u = _UNKNOWN_LAW.match(text, p)
            if not u:
                continue
            name = _collapse(u.group("name"))
            if "," in name and not re.match(r"(?:bo )?luat sua doi", _fold(name)):
                continue
            end = u.end("name")
            dm = _LAW_DATE.match(text, end - 1)
            name = name.rstrip(" ,")
        cited_date, year = _law_date(dm)
        if year is not None:
            end = dm.end()
        if not rows and year is None:
            continue
        if not rows and _fold(name).startswith("phap lenh"):
            continue  # an ordinance is found by name only when the table holds it
        nxt = bisect.bisect_right(starts, p)
        if nxt < len(starts) and (starts[nxt] < end or (
                not text[end:starts[nxt]].strip() and text.startswith(("số", "Số"), starts[nxt]))):
            continue  # runs into a numbered mention (`Luật X số 67/2025/QH15`): that one names the law
        law_type = "Bộ luật" if _fold(name).startswith("bo luat") else (
            "Hiến pháp" if _fold(name).startswith("hien phap") else
            "Pháp lệnh" if _fold(name).startswith("phap lenh") else "Luật")
        found.append({
            "kind": "law", "start": p, "end": end, "number": None, "type": law_type, "date": cited_date,
            "year": year, "issuer": {"central": _LAW_ISSUER.get(law_type, "Quốc hội")}, "name": name,
            "list_of": None,
            "pinpoint": _pinpoint(text, p),
        })
        last_end = end
    return found


def _law_date(dm: re.Match | None) -> tuple[str | None, int | None]:
    """(ISO date, year) of a `_LAW_DATE` match after a law's name (`ngày 20 tháng 6 năm 2017`, `năm 2015`)."""
    if not dm:
        return None, None
    if dm.group("y3"):
        return None, int(dm.group("y3"))
    cited_date = _iso(dm.group("d"), dm.group("m1") or dm.group("m2"), dm.group("y1") or dm.group("y2"))
    return cited_date, int(cited_date[:4]) if cited_date else None


def _amending_law(text: str, p: int, body: int, starts: list[int], taken: list[tuple[int, int]]) -> dict | int:
    """The mention of an amending law named by its title (`_AMENDING_LAW`), or where its number starts when
    a single number closes the title (the laws the title lists are then no citations either): `Luật sửa đổi ... của Luật Xây dựng số 62/2020/QH14 ngày ...` is law 62/2020, found
    by its number. Numbers inside a title of several laws are the listed laws' own."""
    stop_m = _AMENDING_STOP.search(text, body, min(len(text), body + 500))
    stop = stop_m.start() if stop_m else min(len(text), body + 500)
    inner = [(a, b) for a, b in taken[bisect.bisect_left(starts, p):] if a < stop]
    if inner and len(inner) == 1 and not text[inner[0][1]:stop].strip(" \t\n,"):
        return inner[0][0]
    name = _collapse(_MEMBER_NUMBER.sub("", text[p:stop])).rstrip(" ,")
    end = stop
    dm = _LAW_DATE.match(text, stop)
    cited_date, year = _law_date(dm)
    if dm:
        end = dm.end()
    law_type = "Bộ luật" if _fold(name).startswith("bo luat") else "Luật"
    return {"kind": "law", "start": p, "end": end, "number": None, "type": law_type, "date": cited_date,
            "year": year, "issuer": {"central": "Quốc hội"}, "name": name, "list_of": None,
            "pinpoint": _pinpoint(text, p), "amending": True}


def _find_unnumbered_basis(text: str, taken: list[tuple[int, int]]) -> list[dict]:
    found = []
    for m in _UNNUMBERED_BASIS.finditer(text):
        tw = _collapse(m.group("type"))
        cited_type = _TYPE_BY_FOLD.get(_fold(tw))
        if cited_type is None or not tw[0].isupper() or not m.group("cc")[0].isupper():
            continue  # `Căn cứ quy định tại ...` names no document
        start = m.start("type")
        end = start + len(text[start:m.end()].rstrip(" \t\n.,*"))
        k = bisect.bisect_left(taken, (end, end))
        if k and taken[k - 1][1] > start:
            continue
        rest = _collapse(m.group("rest")).rstrip(" .,*")
        found.append({
            "kind": "unnumbered", "start": start, "end": end, "number": None, "type": cited_type,
            "date": None, "issuer": None, "name": _collapse(f"{tw} {rest}"), "list_of": None,
            "pinpoint": None,
        })
    return found


def find_citations(text: str) -> list[dict]:
    """Mentions of other documents in `text`, in text order, each with its span and what it states.

    Keys: kind (`number`/`law`/`unnumbered`), start, end, raw (== text[start:end]), number (canonical),
    type, date (ISO), year (laws), issuer ({"central": name} or {"body", "level", "place"}), name
    (law or document name), title (subject), pinpoint, list_of (index of the mention whose type a list
    member shares).

    >>> [m["number"] for m in find_citations("theo Nghị định số 63/2010/ND-CP và số 107/2020/NĐ–CP")]
    ['63/2010/NĐ-CP', '107/2020/NĐ-CP']
    """
    mentions = _find_numbers(text)
    taken = sorted((m["start"], m["end"]) for m in mentions)
    mentions += _find_laws(text, taken)
    taken = sorted((m["start"], m["end"]) for m in mentions)
    mentions += _find_unnumbered_basis(text, taken)
    order = sorted(range(len(mentions)), key=lambda i: mentions[i]["start"])
    remap = {old: new for new, old in enumerate(order)}
    mentions = [mentions[i] for i in order]
    for i, m in enumerate(mentions):
        if m["list_of"] is not None:
            m["list_of"] = remap.get(m["list_of"])
        m["raw"] = text[m["start"]:m["end"]]
        limit = mentions[i + 1]["start"] if i + 1 < len(mentions) else len(text)
        m["title"] = _title_at(text, m["end"], limit) if m["kind"] != "unnumbered" else None
    _share_list_issuers(text, mentions)
    _share_pair_dates(text, mentions)
    return mentions


_MEMBER_SEP = re.compile(r"\s*(?:,|và|hoặc)\s*", re.IGNORECASE)


def _code_issuer(m: dict) -> tuple[str | None, str | None]:
    parts = _number_parts(m["number"])
    return parts["issuer_code"], _issuer_from_code(parts["issuer_code"])


def _share_list_issuers(text: str, mentions: list[dict]) -> None:
    """Members of one list share the issuer it states: `Chỉ thị số 31-CT/TU ngày 06/6/2023, Kế hoạch số
    134-KH/TU ngày 29/12/2023 của Ban Thường vụ Tỉnh ủy` (`của X` after the last member, the members side by
    side), `của Cục Thuế tỉnh Hà Tĩnh tại Công văn số A ngày ... về ... và Công văn số B` (`của X tại` before
    the first, a member's subject may stand between). A member takes it only when it states no issuer and
    its number names none or the same issuer code."""
    def joined(a: dict, b: dict, skip_title: bool) -> bool:
        if a["kind"] != "number" or b["kind"] != "number":
            return False
        gap = text[a["end"]:b["start"]]
        if skip_title and a.get("title"):
            k = _collapse(gap).find(a["title"])
            gap = _collapse(gap)[k + len(a["title"]):] if k >= 0 and not _collapse(gap)[:k].strip() else gap
        return bool(_MEMBER_SEP.fullmatch(gap))

    def takes(member: dict, other: dict) -> bool:
        if member["issuer"] is not None:
            return False
        code, named = _code_issuer(member)
        return named is None or code == _code_issuer(other)[0]

    for i in range(len(mentions) - 2, -1, -1):  # `A, B của X`: from the last member back
        a, b = mentions[i], mentions[i + 1]
        if b["issuer"] and not b["issuer"].get("before") and joined(a, b, False) and takes(a, b):
            a["issuer"] = dict(b["issuer"])
    for i in range(len(mentions) - 1):  # `của X tại A ...; và B`: from the first member on
        a, b = mentions[i], mentions[i + 1]
        if a["issuer"] and a["issuer"].get("before") and joined(a, b, True) and takes(b, a):
            b["issuer"] = dict(a["issuer"])


_AND_ONLY = re.compile(r"\s*và\s*", re.IGNORECASE)


def _share_pair_dates(text: str, mentions: list[dict]) -> None:
    """`số 008/CĐ-UBND và số 009/CĐ-UBND ngày 19/11/2025`: two numbers joined by `và` alone, the date written once
    after the second, were issued that day (an undated first member; a number's own year must agree)."""
    for i in range(len(mentions) - 2, -1, -1):  # `A và B và C ngày D`: from the last member back
        a, b = mentions[i], mentions[i + 1]
        if a["kind"] != "number" or b["kind"] != "number" or a["date"] or not b["date"]:
            continue
        if not _AND_ONLY.fullmatch(text[a["end"]:b["start"]]):
            continue
        year = _number_parts(a["number"])["year"]
        if year is not None and str(year) != b["date"][:4]:
            continue
        a["date"] = b["date"]


# ---------------------------------------------------------------- resolve


def _level_of(doc: dict) -> str:
    issuer = doc.get("issuer") or ""
    if "Thành phố" in issuer or "thành phố" in issuer:
        return "Thành phố"
    if "tỉnh" in issuer.lower():
        return "tỉnh"
    return "Thành phố" if _fold(doc.get("province") or "") in CITIES else "tỉnh"


def _local_issuer(body: str, level: str | None, place: str) -> str:
    """`Ủy ban nhân dân tỉnh Quảng Ngãi`, `Sở Tài chính tỉnh Phú Thọ`, `Ban Pháp chế Hội đồng nhân dân Thành phố
    Hà Nội`, `Ban Thường vụ Tỉnh ủy Quảng Trị` (a Party committee takes no level word)."""
    if body.endswith(("Thành ủy", "Tỉnh ủy", "Thành ủy Thành phố")):
        return f"{body} {place}"
    if level is None:
        level = "Thành phố" if _fold(place) in CITIES else "tỉnh"
    return f"{body} {level} {place}"


_ISSUER_NAMES: dict[str, str] = PATTERNS["issuer_names"]
_JOINT_BODIES: dict[str, str] = {_fold(k): v for k, v in (PATTERNS.get("joint_local_bodies") or {}).items()}


def _joint_local_issuers(number: str, issuer_info: dict, doc: dict) -> tuple[str, str] | None:
    """A joint local document (`Quy chế phối hợp số 49/QCPH-UBND-UBMT-HCTĐ`): a type code the issuer table does not
    know, then the codes of two or more local bodies, each issuer in the province (`Ủy ban nhân dân tỉnh Đắk Lắk,
    Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đắk Lắk, Hội Chữ thập đỏ tỉnh Đắk Lắk`); None otherwise."""
    codes = number.split("/")[-1].split("-")
    bodies = [_JOINT_BODIES.get(_fold(c)) for c in codes[1:]]
    if len(bodies) < 2 or not all(bodies) or _issuer_from_code(codes[0]) or _JOINT_BODIES.get(_fold(codes[0])):
        return None
    province = issuer_info.get("place") or doc.get("province")
    if not province:
        return None
    level = issuer_info.get("level") if issuer_info.get("place") else _level_of(doc)
    return ", ".join(_local_issuer(b, level, province) for b in bodies), province
_PARTY_CENTRAL_BY_TYPE: dict[str, str] = PATTERNS.get("party_central_by_type") or {}


def resolve_mention(m: dict, doc: dict) -> dict:
    """Target id, canonical issuer and resolution of one mention, in the citing document `doc`."""
    r = _resolve_mention(m, doc)
    r["issuer"] = _ISSUER_NAMES.get(r["issuer"], r["issuer"])
    return r


def _law_title(m: dict, row: dict) -> str:
    """The table's name of a law, or the name as the text spells it when the two differ beyond case and spacing
    (`Luật Phòng chống bạo lực gia đình` for the table's `Luật phòng, chống bạo lực gia đình`)."""
    return row["name"] if _collapse(_fold(m["name"])) == _collapse(row["folded_name"]) else m["name"]


def _resolve_mention(m: dict, doc: dict) -> dict:
    flags: list[str] = []
    if m["kind"] == "unnumbered":
        return {"target_id": None, "issuer": None, "resolution": "unresolved", "flags": ["no_number"],
                "number": None, "title": m["name"], "date": None}
    if m["kind"] == "law":
        year = m.get("year")
        rows = law_candidates(m["name"], year) if year else law_candidates(m["name"])
        issuer = (m.get("issuer") or {}).get("central") or "Quốc hội"
        if len(rows) == 1:
            r = rows[0]
            return {"target_id": law_target(r), "issuer": issuer, "resolution": "by_name", "flags": flags,
                    "number": r["number"], "title": _law_title(m, r), "date": m["date"], "stub_date": r["issued_date"]}
        if year is not None and not rows:
            return {"target_id": identity.law_id(m["name"], year), "issuer": issuer, "resolution": "by_name",
                    "flags": ["not_in_law_table"], "number": None, "title": m["name"], "date": m["date"]}
        return {"target_id": None, "issuer": issuer, "resolution": "ambiguous",
                "flags": [f"candidates:{len(rows)}"], "number": None, "title": m["name"], "date": m["date"]}

    number = m["number"]
    parts = _number_parts(number)
    year = parts["year"]
    resolution = "exact"
    if year is None:
        year = int(m["date"][:4]) if m["date"] else m.get("year")
        resolution = "inferred"
    issuer_info = m["issuer"] or {}
    code = parts["issuer_code"]
    local = _is_local_code(code) or "body" in issuer_info
    issuer = issuer_info.get("central")
    province = None
    if local:
        province = issuer_info.get("place")
        if province is None:
            province = doc.get("province")
            if resolution == "exact" and (not issuer_info.get("agency") or _is_local_code(code)):
                resolution = "inferred"
        body = issuer_info.get("body") or _issuer_from_code(code)
        if province and (body in ("Ủy ban nhân dân", "Hội đồng nhân dân", "Thành ủy", "Tỉnh ủy")
                         or issuer_info.get("agency")):
            level = issuer_info.get("level")
            if not issuer_info.get("place") and _fold(province) == _fold(doc.get("province") or ""):
                level = (level or _level_of(doc)) if issuer_info.get("agency") else _level_of(doc)
            if body == "Thành ủy" and issuer_info.get("level") == "Thành phố":
                # `của Thành ủy Thành phố` -> `Thành ủy Thành phố Hồ Chí Minh`, as written; `Thành ủy Cần Thơ`
                body = "Thành ủy Thành phố"
            issuer = _local_issuer(body, level, province)
        elif body:
            issuer = body
    elif issuer is None:
        issuer = _issuer_from_code(code)
        if code in ("TW", "TƯ") and m.get("type") in _PARTY_CENTRAL_BY_TYPE:
            issuer = _PARTY_CENTRAL_BY_TYPE[m["type"]]
        if issuer is None and not issuer_info.get("central"):
            joint = _joint_local_issuers(number, issuer_info, doc)
            if joint:
                issuer, province = joint
                resolution = "inferred"
    if year is None:
        return {"target_id": None, "issuer": issuer, "resolution": "unresolved", "flags": ["no_year"],
                "number": number, "title": m.get("title"), "date": m["date"]}
    target = _document_id(number, year, province)
    if target is None:
        return {"target_id": None, "issuer": issuer, "resolution": "ambiguous", "flags": ["no_province"],
                "number": number, "title": m.get("title"), "date": m["date"]}
    return {"target_id": target, "issuer": issuer, "resolution": resolution, "flags": flags,
            "number": number, "title": m.get("title"), "date": m["date"]}


def resolve_citations(mentions: list[dict], doc: dict) -> list[dict]:
    """`resolve_mention` for each mention, in order."""
    return [resolve_mention(m, doc) for m in mentions]


def _resolve_short_law_names(mentions: list[dict], resolved: list[dict], doc: dict) -> None:
    """A law named without a year, with several laws of that name in the table, is the one the same
    document cites by name with a year (`Căn cứ Luật Hóa chất ngày 14 tháng 6 năm 2025;` ... `theo Luật
    Hóa chất`; flag `year_from_same_document`); else the one in force on the citing document's date
    (`law_in_force`; flag `year_from_force`); a law's own text naming it is itself. All are `inferred`;
    with no such law, or a citing document without a date, it stays `ambiguous`."""
    dated: dict[str, set] = {}
    for m, r in zip(mentions, resolved, strict=True):
        if m["kind"] == "law" and m.get("year") and r["target_id"]:
            dated.setdefault(_name_key(_fold(m["name"])), set()).add((r["target_id"], r["number"], r["title"]))
    issued = doc.get("issued_date")
    for m, r in zip(mentions, resolved, strict=True):
        if m["kind"] != "law" or r["resolution"] != "ambiguous":
            continue
        same = dated.get(_name_key(_fold(m["name"])), set())
        if len(same) == 1:
            target, number, title = next(iter(same))
            r.update(target_id=target, number=number, title=title, resolution="inferred",
                     flags=["year_from_same_document"])
            continue
        # a law's own text naming it (`Quốc hội ban hành Luật thuế tiêu thụ đặc biệt.`): itself, dropped as self
        own = [x for x in law_candidates(m["name"]) if doc.get("id") and law_target(x) == doc.get("id")]
        # a year written with the name keeps the exact-year rule: the law in force decides only without one
        x = own[0] if own else (law_in_force(m["name"], issued) if m.get("year") is None else None)
        if own:
            r.update(target_id=law_target(x), number=x["number"], title=x["name"], resolution="inferred",
                     flags=["names_citing_document"], stub_date=x["issued_date"])
        elif x is not None:
            r.update(target_id=law_target(x), number=x["number"], title=_law_title(m, x), resolution="inferred",
                     flags=["year_from_force"], stub_date=x["issued_date"])


def _is_self(m: dict, r: dict, doc: dict) -> bool:
    if r["target_id"] is not None and r["target_id"] == doc.get("id"):
        return True
    own = doc.get("number")
    if own and m.get("number") and identity.restore_diacritics(identity.canonical_number(own)) == m["number"]:
        own_year = (doc.get("issued_date") or "")[:4]
        stated = (m.get("date") or "")[:4] or str(_number_parts(m["number"])["year"] or "")
        return not stated or not own_year or stated == own_year
    return False


# ---------------------------------------------------------------- relations


def _cue_rx(table: dict, anchor_end: bool = True) -> list[tuple[str, re.Pattern]]:
    filler = PATTERNS["filler"]
    out = []
    for rel, cues in table.items():
        for cue in cues:
            rx = rf"(?<![a-z])(?:{cue})(?:{filler})\s*\(?\s*$" if anchor_end else cue
            out.append((rel, re.compile(rx)))
    return out


_ACTIVE = _cue_rx(PATTERNS["cues"])
_PASSIVE = _cue_rx(PATTERNS["passive"])
_PASSIVE_RX = {rx for _, rx in _PASSIVE}
_TITLE_CUES = _cue_rx(PATTERNS["title_cues"])
_INTRO_CUES = [(rel, re.compile(rf"(?<![a-z])(?:{cue})(?![a-z])")) for rel, cues in PATTERNS["intro_cues"].items()
               for cue in cues]
# Relations a list member shares with the head of its list (`Bãi bỏ A; B; C`, `Thực hiện A; B`).
_LIST_RELATIONS = set(PATTERNS["cues"]) | set(PATTERNS["intro_cues"]) | {"implements"}
# What may stand between the clause start and a list member: bullets, `và`, `hoặc`.
_LIST_SEP = re.compile(r"\s*(?:,|;|và|hoặc)\s*(?:(?:và|hoặc)\s+)?", re.IGNORECASE)
# A law named before its number opens the member: `; Điều 1 của Luật sửa đổi, bổ sung ... số 57/2005/QH11`.
# `(Nghị quyết số A), ` / `(Nghị quyết số A) và `: a member's short name closing it, then the next member.
_ALIAS_SEP = re.compile(r"\s*\)\s*(?:,|;|và|hoặc)\s*(?:(?:và|hoặc)\s+)?", re.IGNORECASE)
_ITEM_NAMED = re.compile(rf"[\s\-*+•]*(?:{_PP_UNIT}(?:[\s,]+{_PP_UNIT})*\s+(?:của\s+)?)?(?:Bộ\s+luật|Luật|Pháp\s+lệnh)\s[^;:\d]{{0,200}}")
_ITEM_LEAD = re.compile(r"[\s\-*+•]*(?:(?:và|hoặc|cũng như)\s+)?[\s\-*+•]*", re.IGNORECASE)
_AFTER = _cue_rx(PATTERNS["after_cues"], anchor_end=False)
_CLAUSE = {k: re.compile(v) for k, v in PATTERNS["clause"].items()}
_OPEN_CUES = [(rel, re.compile(rf"^[\s\-*+#]*(?:{cue})(?![a-z])")) for rel, cues in PATTERNS["clause_open_cues"].items()
              for cue in cues]
_OPEN_PLACE = re.compile(PATTERNS["clause_open_place"])
_QUOTES = re.compile(r"[\"“”]")
_ARTICLE_HEAD = re.compile(r"[ \t#*]*Điều\s+\d+[a-zđ]?\.[ \t*]*")


def _clause_open_cue(text: str, clause_at: int, lead: int) -> str | None:
    """The relation of the verb opening the clause (`Bãi bỏ cụm từ "..." tại khoản 8 Điều 1 Nghị định số X`) when
    the mention at `lead` is placed by `tại` / `của` / `kèm theo` and stands outside quotes."""
    line_at = text.rfind("\n", 0, lead) + 1
    head = _ARTICLE_HEAD.match(text, line_at, lead)
    if head:  # an article heading is one clause, its `;` included (`Điều 1. Sửa đổi ... Nhà nước; cơ quan ... kèm theo`)
        clause_at = min(clause_at, head.end())
    before = text[clause_at:lead]
    if len(_QUOTES.findall(before)) % 2 or not _OPEN_PLACE.search(_collapse(_fold(before))):
        return None
    folded = _collapse(_fold(before))
    return next((rel for rel, rx in _OPEN_CUES if rx.search(folded)), None)


# `theo hướng dẫn tại X`, `các văn bản hướng dẫn X`: the cue word is a noun, the mention a reference.
# `sau 8 năm triển khai thực hiện X`, `kết quả triển khai X`: a past effort, not this document's purpose.
_CUE_AS_NOUN = re.compile(r"(?:\btheo|\btai|\bvan ban|\bcac|\bnhung|\bduoc|\bkhi co|\bnam|\bket qua)\s*$")


# `và hướng dẫn của Bộ Nội vụ tại`, `và chỉ đạo của Ủy ban nhân dân tỉnh theo`: a second object of the clause's verb,
# placed in the mention that follows.
_AND_GUIDANCE_AT = re.compile(r"\bva\s+(?:[^;,]{0,80}?\s)?(?:tai|theo)\s*$")
# `hướng dẫn của Bộ Nội vụ tại Công văn số X`: the cue word owned by a body and placed in the mention is a noun.
_NOUN_OF_AT = re.compile(r"\s+cua\s+[^;]{1,80}?\btai\s*$")


def _best_cue(rxs, window: str) -> str | None:
    """The relation whose cue match starts earliest (the longest cue wins: `hướng dẫn thi hành`)."""
    best = None
    for rel, rx in rxs:
        m = rx.search(window)
        if m and (_CUE_AS_NOUN.search(window, 0, m.start()) or _NOUN_OF_AT.match(window, m.end())) \
                and rx not in _PASSIVE_RX:
            continue
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), rel)
    return best[1] if best else None


def _clause_start(text: str, pos: int) -> int:
    lo = max(0, pos - 800)
    last = lo
    for b in _CLAUSE_BREAK.finditer(text, lo, pos):
        last = b.end()
    return last


def _in_basis_line(text: str, clause_at: int, clause: str, start: int) -> bool:
    """With no units: the clause opens with `Căn cứ` at a line start, or the mention's line does
    (`Căn cứ Nghị định số 120/2016/NĐ-CP ...; Nghị định số 82/2023/NĐ-CP ...` lists several bases)."""
    while clause_at < start and text[clause_at] in " \t\n":  # `...;\nCăn cứ`: the clause opens the next line
        clause_at += 1
    line_at = text.rfind("\n", 0, clause_at) + 1
    if _CLAUSE["basis"].search(clause) and not text[line_at:clause_at].strip(" \t-*+"):
        return True
    line_at = text.rfind("\n", 0, start) + 1
    return bool(_CLAUSE["basis"].search(_fold(text[line_at:line_at + 40])))


def _intro_cue(intro: str) -> str | None:
    """The relation of the verb that governs a list: the intro cue nearest the colon
    (`Nghị định này thay thế các Nghị định sau:`, `Các Quyết định sau đây hết hiệu lực ...:`)."""
    window = _collapse(_fold(intro))
    best = None
    for rel, rx in _INTRO_CUES:
        for m in rx.finditer(window):
            if _CUE_AS_NOUN.search(window, 0, m.start()):
                continue
            if best is None or m.start() > best[0]:
                best = (m.start(), rel)
    return best[1] if best else None


def _list_intro(text: str, clause_at: int, lead: int) -> tuple[int, int] | None:
    """The span of the text that introduces a list whose first member starts at `lead`: the same
    clause up to a colon right before the member (`... tại các Quyết định: Số 2196/QĐ-UBND`), or the
    previous clause when it ends with a colon and a line break (`... hết hiệu lực:\n- Quyết định số`)."""
    before = text[clause_at:lead]
    colon = before.rfind(":")
    if colon >= 0 and _ITEM_LEAD.fullmatch(before[colon + 1:]):
        return clause_at, clause_at + colon
    if not _ITEM_LEAD.fullmatch(before):
        return None
    k = clause_at - 1
    while k >= 0 and text[k] in " \t\n":
        k -= 1
    if k < 0 or text[k] != ":":
        return None
    return _clause_start(text, k), k


# The enacting sentence after the preamble (`Bộ trưởng Bộ Tài chính ban hành Thông tư ...`, `Chính phủ ban hành
# Nghị định ...`): a line opening with the issuer, `ban hành` before any `;`.
_ENACTING_LINE = re.compile(
    r"(?m)^[ \t*_]*(?:Bộ\s+trưởng|Thủ\s+tướng|Chính\s+phủ|Thống\s+đốc|Tổng\s+Kiểm\s+toán|Chánh\s+án|Viện\s+trưởng)"
    r"[^;\n]{0,150}?\sban\s+hành\s")


# A preamble paragraph stating the document's purpose (`Thực hiện Thông tri số 02-TT/TU ...`, `Triển khai thực hiện
# Nghị quyết số ...`, `Để tiếp tục thực hiện ...`), after the `Căn cứ` lines of a plan: it opens a new line after a
# `;` / `.` or a blank line.
_PURPOSE_OPENER = r"[ \t*_\-]*(?:Để\s+(?:tiếp\s+tục\s+)?)?(?:(?:Triển\s+khai\s+)?Thực\s+hiện|Triển\s+khai)\s(?!theo\b)"
_PURPOSE_PARAGRAPH = re.compile(rf"(?<=[;.:])[ \t*_]*\n(?:[ \t]*\n)*(?={_PURPOSE_OPENER})|\n[ \t]*\n(?={_PURPOSE_OPENER})")
_PURPOSE_LINE = re.compile(rf"\s*{_PURPOSE_OPENER}")
# The first heading of the body (`I. MỤC ĐÍCH`, `1. `, `Điều 1`, `QUYẾT ĐỊNH:`): the preamble ends there.
_BODY_HEAD = re.compile(r"(?m)^[ \t\-*#]*(?:[IVX]+\.|1\.\s|Điều\s+1\b|QUYẾT\s+ĐỊNH\s*:|NGHỊ\s+QUYẾT\s*:)")


def _unit_kinds(units: list[dict], text: str) -> list[tuple[int, int, str]]:
    """Spans of the units that place a mention; a `basis` or `proposal` unit counts only when it opens
    as one (`Căn cứ ...`, `Theo đề nghị ...`): not page chrome, nor `Căn cứ quy định nêu trên, ...`."""
    keep = {"basis", "proposal", "title", "attachment", "header"}
    out = []
    for u in units:
        kind = u.get("kind")
        if kind not in keep:
            continue
        if kind in ("basis", "proposal") and not _CLAUSE[kind].search(
                _collapse(_fold(text[u["start"]:u["start"] + 80]))):
            continue
        end = u["end"]
        if kind == "basis":  # the last `Căn cứ` unit runs on: `...;\n\nThực hiện Thông tri số ...` is no basis
            cut = _PURPOSE_PARAGRAPH.search(text, u["start"], end)
            end = cut.start() if cut else end
        if kind == "proposal":  # `Theo đề nghị ...;\n\nBộ trưởng ... ban hành Thông tư sửa đổi ...`
            gap = re.compile(r"\n[ \t]*\n").search(text, u["start"], end)
            end = gap.start() if gap else end
            # hard-wrapped, no blank line: `Theo đề nghị ...;*\n*Bộ trưởng Bộ Tài chính ban hành Thông tư bãi bỏ ...`
            enact = _ENACTING_LINE.search(text, u["start"], end)
            end = enact.start() if enact else end
        out.append((u["start"], end, kind))
    return out


def _enclosing(kinds: list[tuple[int, int, str]], start: int, end: int) -> set[str]:
    return {k for a, b, k in kinds if a <= start and end <= b}


def _title_region_end(text: str) -> int:
    """Mentions before the first `Căn cứ` / `Theo đề nghị` / enacting line / first section (`I.`, `1. `) are
    in the title or purpose lines (`Để tiếp tục thực hiện nghiêm Chỉ thị số ...` of a directive)."""
    m = re.search(r"(?m)^[ \t\-*]*(?:Căn\s+cứ|Theo\s+đề\s+nghị|QUYẾT\s+ĐỊNH\s*:|NGHỊ\s+QUYẾT\s*:|Điều\s+1\b|I\.|1\.\s)",
                  text[:6000])
    return m.start() if m else 0


def _list_relation(text: str, mentions: list[dict], row_of: dict, stated_of: dict, i: int, clause_at: int,
                   lead: int) -> str | None:
    """A mention opening its clause is a member of a list: it takes the cue of the list's intro
    (`thay thế các Quyết định: Số A, số B`; `Các Quyết định sau đây hết hiệu lực:` then items), or the
    cue relation of the first mention of the previous clause (`Thực hiện A về ...; B ...; C ...`) unless that
    clause states an edge between cited documents (the member then belongs to the cited one's subject)."""
    intro = _list_intro(text, clause_at, lead)
    if intro and not any(intro[0] <= mentions[j]["start"] < lead for j in range(i)):
        return _intro_cue(text[intro[0]:intro[1]])
    if not (_ITEM_LEAD.fullmatch(text[clause_at:lead]) or _ITEM_NAMED.fullmatch(text[clause_at:lead])) or not clause_at:
        return None
    k = clause_at
    while k > 0 and text[k - 1] in " \t\n":
        k -= 1
    prev_at = _clause_start(text, k - 1 if k and text[k - 1] in ";," else k)
    members = [j for j in range(i) if prev_at <= mentions[j]["start"] < clause_at]
    # the numbered head, not a law named inside its title (`Luật sửa đổi ... Luật thuế TTĐB số 08/2003/QH11`)
    head = next((j for j in members if mentions[j]["kind"] != "law"), members[0] if members else None)
    if head is None or head not in row_of:
        return None
    if any(prev_at <= mentions[j]["start"] < clause_at for j in stated_of):
        return None  # `Bãi bỏ Điều 1 A sửa đổi B ...; C ...`: C continues the list in A's subject
    relation = row_of[head]["relation"]
    return relation if relation in _LIST_RELATIONS else None


def extract_citations(text: str, units: list[dict], doc: dict) -> dict:
    """The pipeline step: citations, relations (citing -> cited, and stated between cited documents)
    and stub documents for the distinct targets. See the module docstring for the resolution codes."""
    doc_id = doc.get("id")
    mentions = find_citations(text)
    resolved = resolve_citations(mentions, doc)
    _resolve_short_law_names(mentions, resolved, doc)
    kinds = _unit_kinds(units, text)
    has_preamble_units = any(k in ("basis", "proposal") for _, _, k in kinds)
    title_end = _title_region_end(text)
    body = _BODY_HEAD.search(text, title_end) if title_end else None
    preamble_end = body.start() if body else None
    amending_spans = [(m["start"], m["end"]) for m in mentions if m.get("amending")]
    consolidation = "/VBHN-" in (doc.get("number") or "").upper()  # the documents it merges open it

    citations: list[dict] = []
    relations: list[dict] = []
    row_of: dict[int, dict] = {}
    stated_of: dict[int, tuple] = {}
    for i, (m, r) in enumerate(zip(mentions, resolved, strict=True)):
        if _is_self(m, r, doc):
            continue
        cid = f"{doc_id}@{m['start']}"
        clause_at = _clause_start(text, m["start"])
        clause = _fold(text[clause_at:min(m["start"], clause_at + 60)])
        enclosing = _enclosing(kinds, m["start"], m["end"])
        relation, stated = None, None
        # 1. where the mention sits: a basis or proposal unit (or clause, when the structure gave none)
        if _CLAUSE["proposal"].search(clause) and (enclosing & {"basis", "proposal"} or not has_preamble_units):
            # `Căn cứ Quyết định số A ...; Theo đề nghị của Giám đốc Sở ... tại Tờ trình số B`: one line, two units
            relation = "proposal"
        elif "basis" in enclosing or _in_basis_line(text, clause_at, clause, m["start"]):
            relation = "basis"
        elif "proposal" in enclosing or (not has_preamble_units and _CLAUSE["proposal"].search(clause)):
            relation = "proposal"
        elif _CLAUSE["attaches"].search(clause) and len(clause) < 40:
            relation = "attaches"
        # 2. cue phrases right before the mention (its pinpoint included), in the same clause
        lead = m["start"]
        if m.get("pinpoint"):
            pp = _PINPOINT.search(text[max(0, lead - 120):lead])
            if pp:
                lead = lead - (min(120, lead) - pp.start())
        window = _collapse(_fold(text[max(clause_at, lead - 120):lead]))
        prev = None
        for j in range(i - 1, -1, -1):
            if mentions[j]["start"] < clause_at:
                break
            if mentions[j]["end"] <= m["start"]:
                prev = j
                break
        if relation == "basis" and m["list_of"] is None and (
                any(a < m["start"] < b for a, b in amending_spans)
                or (prev is not None and _named_in_title(text, mentions[prev]["end"], lead, window))):
            # the `Căn cứ` cue belongs to the line's main document; one named in its title (or a law the
            # title of an amending law lists) is only referred to
            relation = None
        if m["list_of"] is not None and m["list_of"] in row_of:
            first = row_of[m["list_of"]]
            relation = relation or first["relation"]
            if m["list_of"] in stated_of:  # `... sửa đổi các Nghị định số A và số B`: B shares A's edge
                src_i, rel, dst_i = stated_of[m["list_of"]]
                stated = (src_i, rel, i) if dst_i == m["list_of"] else (i, rel, dst_i)
        else:
            in_title = "title" in enclosing or (title_end is not None and m["start"] < title_end) or (
                preamble_end is not None and m["start"] < preamble_end and relation is None
                and _PURPOSE_LINE.match(text, clause_at))
            passive = _best_cue(_PASSIVE, window)
            active = None if passive else _best_cue(_ACTIVE, window)
            if passive and prev is not None:
                stated = (i, passive, prev)  # this mention <passive> the previous one
            elif active and prev is not None and mentions[prev]["kind"] != "unnumbered":
                stated = (prev, active, i)
            elif active and relation is None and (active != "implements" or in_title or not title_end):
                # `triển khai thực hiện X` is this document's purpose only in its title or purpose lines; in a
                # task (`Chủ trì ... triển khai thực hiện Quyết định số 338/QĐ-TTg`) or in the title of another
                # plan (`Kế hoạch triển khai thực hiện Chỉ thị số 36-CT/TW`) the document assigns or names it.
                relation = active
            if relation is None:
                if in_title and _best_cue(_TITLE_CUES, window):
                    relation = "implements"
                elif in_title and prev in row_of and row_of[prev]["relation"] == "implements" \
                        and _AND_GUIDANCE_AT.search(window):
                    # `Thực hiện Thông tri số A ... và hướng dẫn của Bộ Nội vụ tại Công văn số B`: B is the
                    # verb's second object, not a document named in A's subject
                    relation = "implements"
            if relation is None and (prev is None or _ITEM_NAMED.fullmatch(text[clause_at:lead])):
                relation = _list_relation(text, mentions, row_of, stated_of, i, clause_at, lead)
            elif relation is None and prev in row_of and _LIST_SEP.fullmatch(text[mentions[prev]["end"]:lead]):
                # `Chỉ thị số 31-CT/TU ngày 06/6/2023, Kế hoạch số 134-KH/TU`: a member of the same list
                relation = row_of[prev]["relation"] if row_of[prev]["relation"] in _LIST_RELATIONS else None
            elif relation is None and prev in row_of and _ALIAS_SEP.fullmatch(text[mentions[prev]["end"]:lead]) \
                    and text[:mentions[prev]["start"]].rstrip().endswith("("):
                # `Thực hiện Nghị quyết số A ngày ... về ... (Nghị quyết số A), Nghị quyết số B ...`: the short
                # name closes member A; B is the next member of the list A opens.
                head = next((j for j in range(prev - 1, -1, -1) if j in row_of and mentions[j]["kind"] == "number"
                             and mentions[j].get("number") == mentions[prev].get("number")), None)
                if head is not None and row_of[head]["relation"] in _LIST_RELATIONS:
                    relation = row_of[head]["relation"]
            if relation is None:
                nxt = mentions[i + 1]["start"] if i + 1 < len(mentions) else len(text)
                tail_end = min(nxt, m["end"] + 240)
                sm = re.search(r";|\.(?=\s)", text[m["end"]:tail_end])
                tail = _fold(text[m["end"]:m["end"] + sm.start() if sm else tail_end])
                if any(rx.search(tail) for _, rx in _AFTER):
                    relation = "repeals"
            if relation is None and all(len(_QUOTES.findall(text[clause_at:mentions[j]["start"]])) % 2
                                        for j in range(i) if clause_at <= mentions[j]["start"]):
                relation = _clause_open_cue(text, clause_at, lead)  # no earlier mention of the clause but quoted ones
        if relation is None and consolidation and m["start"] < title_end:
            # a VBHN's opening: `Quyết định số A ..., được sửa đổi, bổ sung bởi:` then `Quyết định số B ...;`
            relation = "consolidates"
        relation = relation or "reference"
        row = {
            "id": cid, "document_id": doc_id, "unit_id": None, "start": m["start"], "end": m["end"],
            "raw": m["raw"], "target_id": r["target_id"], "cited_number": r["number"], "cited_type": m["type"],
            "cited_date": r["date"], "cited_issuer": r["issuer"], "cited_title": r["title"] or m.get("title"),
            "pinpoint": m.get("pinpoint"), "relation": relation, "resolution": r["resolution"],
            "flags": list(r["flags"]), "in_force": None,
            "_stub_date": r.get("stub_date"),
        }
        row_of[i] = row
        citations.append(row)
        if r["target_id"] and r["target_id"] != doc_id:
            relations.append({"source_id": doc_id, "target_id": r["target_id"], "relation": relation,
                              "citation_id": cid, "stated_in": doc_id, "scope": m.get("pinpoint")})
        if stated:
            stated_of[i] = stated
            src_i, rel, dst_i = stated
            src, dst = (row_of.get(k, {}).get("target_id") for k in (src_i, dst_i))
            if src and dst and src != dst:
                relations.append({"source_id": src, "target_id": dst, "relation": rel, "citation_id": cid,
                                  "stated_in": doc_id, "scope": m.get("pinpoint")})

    _flag_date_conflicts(citations)
    stubs = _stubs(citations, doc_id)
    for c in citations:
        c.pop("_stub_date", None)
        c["flags"] = json.dumps(c["flags"], ensure_ascii=False, separators=(",", ":"))
    return {"citations": citations, "relations": relations, "stubs": stubs}


_TYPE_TAIL = re.compile(rf"(?:{_TYPE_ALT})(?:\s+số)?\s*$", re.IGNORECASE)
_LIST_TAIL = re.compile(r"(?:,|;|:|\bva|\bhoac|\bcung nhu|\bva cac|\bcac)\s*$")
_AMENDED_BY = re.compile(r"\bduoc\s+(?:sua doi|bo sung|thay the|hop nhat|dinh chinh|bai bo|dieu chinh)")
# `Thông tư số A ... sửa đổi, bổ sung Điều 6 Thông tư số B`: the amended text is relied on as amended
_AMENDS_TAIL = re.compile(r"\b(?:sua doi|bo sung|thay the|dieu chinh|bai bo|dinh chinh|hop nhat)\b[^;]{0,40}$")
_ITEM_BREAK = re.compile(r"\n[ \t]*(?:[-*+•]|[a-zđ]\)|\d+\.)")


def _named_in_title(text: str, prev_end: int, lead: int, window: str) -> bool:
    """`Căn cứ Nghị quyết số 03/NQ-CP ... Ban hành chương trình hành động ... thực hiện Nghị quyết số 57-NQ/TW`:
    the mention is named in the title of the clause's previous mention, not listed beside it (`..., Nghị
    quyết số B`, `... và Quyết định số B`) nor cited as its amendment (`..., được sửa đổi, bổ sung tại ...`)."""
    between = text[prev_end:lead]
    if _ITEM_BREAK.search(between):  # `- Luật A số ...\n- Luật B số ...`: items of a list
        return False
    between = _collapse(_fold(_TYPE_TAIL.sub("", between)))
    if not between or _AMENDED_BY.search(window) or _LIST_TAIL.search(between) or _AMENDS_TAIL.search(between):
        return False
    return bool(re.search(r"[^\W\d_]", between))


def _flag_date_conflicts(citations: list[dict]) -> None:
    dates: dict[str, set] = {}
    for c in citations:
        if c["target_id"] and c["cited_date"]:
            dates.setdefault(c["target_id"], set()).add(c["cited_date"])
    for c in citations:
        if c["target_id"] and len(dates.get(c["target_id"], ())) > 1 and c["cited_date"]:
            c["flags"].append("date_conflict")


def _stubs(citations: list[dict], doc_id: str | None) -> list[dict]:
    stubs: dict[str, dict] = {}
    for c in citations:
        t = c["target_id"]
        if not t or t == doc_id:
            continue
        s = stubs.get(t)
        if s is None:
            stubs[t] = {"id": t, "number": c["cited_number"], "doc_type": c["cited_type"], "title": c["cited_title"],
                        "issuer": c["cited_issuer"], "issued_date": c["_stub_date"] or c["cited_date"],
                        "is_stub": 1, "text": None}
            continue
        for key, col in (("title", "cited_title"), ("issuer", "cited_issuer"), ("doc_type", "cited_type"),
                         ("number", "cited_number")):
            if s[key] is None and c[col]:
                s[key] = c[col]
        if s["issued_date"] is None and c["cited_date"]:
            s["issued_date"] = c["cited_date"]
    return list(stubs.values())
