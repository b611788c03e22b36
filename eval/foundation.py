"""Foundation agreement on the corpus: articles found vs `Điều N` headings; number, date and type vs metadata.

The article reference is counted straight from the file's lines (distinct `Điều N` heading numbers at
a line start), independently of the structure parser. Numbers and dates are compared with what the
sources' metadata (`metadata.jsonl`) states.
"""

from __future__ import annotations

import json
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml

from ingest.header import parse_header
from ingest.identity import canonical_number, restore_diacritics
from ingest.normalize import normalize
from ingest.readers import ReadError, read_path
from ingest.structure import parse_structure

HEADING = re.compile(r"^[ \t|*#]*(?:Điều|ĐIỀU)[ \t*]*\n?[ \t*]*(\d+[a-z]?(?:\.[0-9A-Za-zĐđ]+)*)[ \t*]*[.:]",
                     re.MULTILINE)


def reference_articles(text: str) -> int:
    """`Điều N.` headings at a line start (also `Điều` / `N.` wrapped), quoted ones excluded."""
    return len(HEADING.findall(text))


def canon(number: str | None) -> str | None:
    return restore_diacritics(canonical_number(number)).upper() if number else None


def check_one(args: tuple[str, dict]) -> dict:
    path, meta = args
    out = {"path": meta["path"], "meta_number": meta.get("number"), "meta_date": meta.get("issued_date"),
           "meta_type": meta.get("doc_type")}
    try:
        raw, hints = read_path(Path(path), Path(path).read_bytes())
    except ReadError as e:
        out["error"] = getattr(e, "reason", str(e))
        return out
    stated = bool(meta.get("number")) and bool(re.search(
        r"(?:Số(?: hiệu)?|No)[ \t*.:|]*" + re.escape(meta["number"].split("/")[0]) + r"\b", raw[:8000]))
    out["number_stated"] = stated
    text, _ = normalize(raw)
    doc = parse_header(text, hints)
    units = parse_structure(text, "x")
    by_id = {u["id"]: u for u in units}
    bad = [u["id"] for u in units if not text[u["start"]:u["end"]].startswith(u["text"]) or (
        u["parent_id"] and not (by_id[u["parent_id"]]["start"] <= u["start"] <= u["end"] <= by_id[u["parent_id"]]["end"]))]
    out.update(offset_errors=bad[:3], duplicate_unit_ids=len(units) - len(by_id))
    out.update(number=doc.get("number"), date=doc.get("issued_date"), doc_type=doc.get("doc_type"),
               articles=sum(1 for u in units if u["kind"] == "article"),
               ref_articles=reference_articles(text))
    return out


ERRATA = Path(__file__).with_name("metadata_errata.yaml")


def _errata() -> dict[tuple[str, str], str]:
    """(path, field) -> the value the document's text states, for metadata read as wrong or undecided."""
    rows = yaml.safe_load(ERRATA.read_text("utf-8")) or []
    return {(r["path"], r["field"]): r["text"] for r in rows}


def run(corpus: Path, jobs: int = 2) -> dict:
    metas = [json.loads(line) for line in (corpus / "metadata.jsonl").read_text("utf-8").splitlines() if line]
    work = [(str(corpus / m["path"]), m) for m in metas]
    with ProcessPoolExecutor(jobs) as ex:
        rows = list(ex.map(check_one, work, chunksize=8))
    with_articles = [r for r in rows if r.get("ref_articles")]
    art_ok = [r for r in with_articles if r["articles"] == r["ref_articles"]]
    num_rows = [r for r in rows if r["meta_number"] and "error" not in r]
    num_ok = [r for r in num_rows if canon(r["number"]) == canon(r["meta_number"])]
    errata = _errata()
    corrected_ok = [r for r in num_rows if canon(r["number"]) == canon(errata.get((r["path"], "number"),
                                                                                 r["meta_number"]))]
    stated_rows = [r for r in num_rows if r.get("number_stated")]
    stated_ok = [r for r in stated_rows if r in num_ok]
    date_rows = [r for r in rows if r["meta_date"] and "error" not in r]
    date_ok = [r for r in date_rows if r["date"] == r["meta_date"]]
    # `Văn bản hợp nhất` is a consolidation of its type; `Nghị định sửa đổi` is a Nghị định
    type_rows = [r for r in rows if r["meta_type"] and r["meta_type"] != "Văn bản hợp nhất" and "error" not in r]
    type_ok = [r for r in type_rows if r["doc_type"] and r["meta_type"].startswith(r["doc_type"])]
    return {
        "documents": len(rows),
        "unreadable": [(r["path"], r["error"]) for r in rows if "error" in r],
        "offset_errors": [(r["path"], r["offset_errors"]) for r in rows if r.get("offset_errors")],
        "duplicate_unit_ids": sum(r.get("duplicate_unit_ids", 0) for r in rows),
        "article_exact": len(art_ok) / max(len(with_articles), 1),
        "article_docs": len(with_articles),
        "article_misses": [(r["path"], r["articles"], r["ref_articles"]) for r in with_articles if r not in art_ok],
        "number_right": len(num_ok) / max(len(num_rows), 1),
        "number_docs": len(num_rows),
        "number_misses": [(r["path"], r["number"], r["meta_number"]) for r in num_rows if r not in num_ok],
        "number_right_corrected": len(corrected_ok) / max(len(num_rows), 1),
        "number_right_where_text_states_it": len(stated_ok) / max(len(stated_rows), 1),
        "number_docs_text_states": len(stated_rows),
        "date_right": len(date_ok) / max(len(date_rows), 1),
        "date_docs": len(date_rows),
        "date_misses": [(r["path"], r["date"], r["meta_date"]) for r in date_rows if r not in date_ok],
        "type_right": len(type_ok) / max(len(type_rows), 1),
        "type_docs": len(type_rows),
        "type_misses": [(r["path"], r["doc_type"], r["meta_type"]) for r in type_rows if r not in type_ok],
    }
