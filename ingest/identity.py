"""One stable id per real document, however its number is written.

Scheme (documented in the README):
- the canonical number, folded to ASCII and lowercased, `/` and `-` turned into `-`:
  `63/2010/NĐ-CP` -> `63-2010-nd-cp`, `24-CT/TW` -> `24-ct-tw`;
- when the number carries no year (administrative and party documents), `-{year}` from the date:
  `1963/QĐ-UBND` of 2021 -> `1963-qd-ubnd-2021`;
- when the issuer code is local (UBND, HĐND, Sở codes such as STTTT), `-{province slug}`:
  `1963-qd-ubnd-2021-ho-chi-minh`;
- laws known only by name: `luat-{name slug}-{year}` unless the law table gives their number;
- a parsed document with no number: `doc-{first 12 hex of the file's sha256}`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from ingest.normalize import fold

_GAZ = Path(__file__).parent / "gazetteer"


@lru_cache(maxsize=1)
def issuer_codes() -> dict:
    return yaml.safe_load((_GAZ / "issuer_codes.yaml").read_text("utf-8"))


@lru_cache(maxsize=1)
def type_codes() -> dict[str, str]:
    return yaml.safe_load((_GAZ / "doc_types.yaml").read_text("utf-8"))["codes"]


@lru_cache(maxsize=1)
def _folded_types() -> dict[str, str]:
    return {fold(k): v for k, v in type_codes().items()}


def type_from_code(code: str) -> str | None:
    """`NĐ` / `ND` / `nđ` -> `Nghị định`."""
    return _folded_types().get(fold(code))


def slug(text: str) -> str:
    """`Hồ Chí Minh` -> `ho-chi-minh`; `63/2010/NĐ-CP` -> `63-2010-nd-cp`."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


_DASHES = re.compile(r"\s*[\u2010-\u2015\u2212]\s*|\s+-\s*|\s*-\s+")
_SLASH = re.compile(r"\s*/\s*")


def canonical_number(raw: str) -> str:
    """Write a number as it is normally written: no spaces, ASCII dash, `Đ` not `Ð`.

    >>> canonical_number("63 / 2010 / NĐ – CP")
    '63/2010/NĐ-CP'
    """
    s = raw.replace("\u00d0", "Đ").replace("\n", "")
    s = _DASHES.sub("-", s)
    s = _SLASH.sub("/", s)
    return re.sub(r"\s+", "", s)


_RESTORE = {"ND": "NĐ", "QD": "QĐ", "HDND": "HĐND", "BGDDT": "BGDĐT", "BKHDT": "BKHĐT",
            "LDTBXH": "LĐTBXH", "BLDTBXH": "BLĐTBXH", "DA": "ĐA", "QYD": "QyĐ", "CD": "CĐ",
            "HDTP": "HĐTP", "SKHDT": "SKHĐT", "SGDDT": "SGDĐT", "TLD": "TLĐ"}


def restore_diacritics(number: str) -> str:
    """Codes typed without diacritics (`63/2010/ND-CP`) get them back (`63/2010/NĐ-CP`)."""
    parts = re.split(r"([/-])", number)
    return "".join(_RESTORE.get(p, p) if p not in "/-" else p for p in parts)


def number_parts(number: str) -> dict:
    """Split a canonical number into serial, year, type code and issuer code.

    >>> number_parts("63/2010/NĐ-CP")
    {'serial': '63', 'year': 2010, 'type_code': 'NĐ', 'issuer_code': 'CP'}
    >>> number_parts("24-CT/TW")["issuer_code"]
    'TW'
    """
    serial, _, rest = number.partition("/")
    year = None
    m = re.match(r"(\d{4})/(.*)", rest)
    if m:
        year, rest = int(m.group(1)), m.group(2)
    if "-" in serial and not rest.count("-"):  # party style 24-CT/TW
        serial, type_code = serial.split("-", 1)
        return {"serial": serial, "year": year, "type_code": type_code, "issuer_code": rest}
    codes = rest.split("-")
    if len(codes) == 1:
        # `41/2015/QH13`, `02/2022/UBTVQH15`, `123/UBND-VX` style handled by caller
        return {"serial": serial, "year": year, "type_code": None, "issuer_code": codes[0]}
    if type_from_code(codes[0]) is None and len(codes) >= 2:
        # công văn: `123/UBND-VX` has no type code; the first code is the issuer
        return {"serial": serial, "year": year, "type_code": None, "issuer_code": codes[0]}
    return {"serial": serial, "year": year, "type_code": codes[0], "issuer_code": codes[1]}


def _strip_term(code: str) -> str:
    return re.sub(r"\d+$", "", code)


@lru_cache(maxsize=1)
def _folded_codes() -> tuple[dict[str, str], frozenset, frozenset, str]:
    """(folded code -> issuer, folded local codes, folded central codes, folded local prefix), built once."""
    codes = issuer_codes()
    names = {fold(k): v for k, v in {**codes["central"], **codes["local"]}.items()}
    return (names, frozenset(fold(k) for k in codes["local"]), frozenset(fold(k) for k in codes["central"]),
            fold(codes["local_prefix"]))


def issuer_from_code(code: str | None) -> str | None:
    """`CP` -> `Chính phủ`; `QH13` -> `Quốc hội`; local codes give the bare body kind."""
    if not code:
        return None
    return _folded_codes()[0].get(fold(_strip_term(code)))


def is_local_code(code: str | None) -> bool:
    """True when the issuer code needs a province to name one body (UBND, HĐND, STTTT ...)."""
    if not code:
        return False
    _, local, central, prefix = _folded_codes()
    key = fold(_strip_term(code))
    if key in local:
        return True
    if key in central:
        return False
    return key.startswith(prefix) and len(key) >= 3


def document_id(number: str | None, year: int | None = None, province: str | None = None) -> str | None:
    """The stable id of a numbered document, or None when the year or province is unknown.

    >>> document_id("63/2010/NĐ-CP")
    '63-2010-nd-cp'
    >>> document_id("1963/QĐ-UBND", 2021, "Hồ Chí Minh")
    '1963-qd-ubnd-2021-ho-chi-minh'
    """
    if not number:
        return None
    number = canonical_number(number)
    parts = number_parts(number)
    base = slug(number)
    if parts["year"] is None:
        if year is None:
            return None
        base = f"{base}-{year}"
    if is_local_code(parts["issuer_code"]):
        if not province:
            return None
        base = f"{base}-{slug(province)}"
    return base


def law_id(name: str, year: int | None) -> str:
    """Id of a law known only by its name: `luat-to-chuc-chinh-quyen-dia-phuong-2015`."""
    return f"{slug(name)}-{year}" if year else slug(name)


def fallback_id(sha256: str) -> str:
    """Id of a parsed document with no usable number."""
    return f"doc-{sha256[:12]}"
