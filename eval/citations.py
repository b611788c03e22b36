"""Citation finding scored against the hand gold (eval/gold/citations) and the corpus metadata.

Gold: one YAML per document listing the DISTINCT documents it cites. A cited document is matched by
its number (canonical, uppercase; a number without a year is told apart by the year of its date), a
law cited only by name by its folded name. Scores are over distinct cited documents, not mentions.

Metadata: the sources' `relations` (diepxuan `extra.relations_numbers`, numbers in the strings,
CongBot doc ids converted to numbers) give a second, looser reference: recall only, overall and over
the numbers the text itself writes (`meta_recall_stated`: metadata also lists documents the text
never names). Reverse relations
(`amended_by`, `replaced_by`) name later documents that the text cannot cite and are skipped.
"""

from __future__ import annotations

import json
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml

from ingest.identity import canonical_number, document_id, restore_diacritics, slug
from ingest.normalize import fold

GOLD = Path(__file__).parent / "gold" / "citations"
# basis > proposal > (amends, replaces, repeals, ...) > implements > reference, as the gold README ranks
RANK = {"basis": 0, "proposal": 1, "implements": 3, "reference": 4}
FORWARD = {"basis", "replaces", "amends", "repeals", "guides", "references", "replaces_partially",
           "suspends", "implements"}
NUMBER = re.compile(r"\d+[a-zđ]?/(?:\d{4}/)?[A-ZĐ][A-ZĐa-z0-9]*(?:[-/][A-ZĐ][A-ZĐa-z0-9]*)*")
YEAR_IN_NUMBER = re.compile(r"^([^/]+)/(\d{4})/(.+)$")


def canon(number: str) -> str:
    """`63/2010/nd-cp` -> `63/2010/NĐ-CP` (the form numbers are compared in)."""
    return restore_diacritics(canonical_number(number).upper())


def split_year(number: str) -> tuple[str, int | None]:
    """`63/2010/NĐ-CP` -> (`63/NĐ-CP`, 2010); `1963/QĐ-UBND` -> (`1963/QĐ-UBND`, None)."""
    m = YEAR_IN_NUMBER.match(number)
    return (f"{m.group(1)}/{m.group(3)}", int(m.group(2))) if m else (number, None)


def number_key(number: str, year: int | None = None) -> tuple[str, int | None]:
    """Match key of a numbered document: the number without its year, and the year (from the number,
    else the one given). `number_key("1963/QĐ-UBND", 2021)` -> (`1963/QĐ-UBND`, 2021)."""
    base, y = split_year(canon(number))
    return base, y if y is not None else year


def same_document(a: tuple[str, int | None], b: tuple[str, int | None]) -> bool:
    """Same number; same year unless one side does not know it."""
    return a[0] == b[0] and (a[1] is None or b[1] is None or a[1] == b[1])


def year_of(date: str | None) -> int | None:
    return int(date[:4]) if date and re.match(r"\d{4}", date) else None


def year_from_target(number: str, target_id: str | None) -> int | None:
    """The year a document id adds after the number's slug: `424-qd-bnv-2021` -> 2021."""
    if not target_id:
        return None
    m = re.match(re.escape(slug(number)) + r"-(\d{4})(?:-|$)", target_id)
    return int(m.group(1)) if m else None


def predicted_documents(citations: list[dict]) -> list[dict]:
    """Citations grouped into distinct cited documents: key, titles, relations, dates, issuers, targets.

    Numbered citations group by `number_key`; citations without a number group by folded title.
    """
    docs: list[dict] = []
    for c in citations:
        number = c.get("cited_number")
        if number:
            year = year_of(c.get("cited_date")) or year_from_target(canonical_number(number),
                                                                     c.get("target_id"))
            key = number_key(number, year)
            found = next((d for d in docs if d["key"] and same_document(d["key"], key)), None)
        else:
            key = None
            title = fold(c.get("cited_title") or "")
            found = next((d for d in docs if not d["key"] and title in d["titles"]), None)
        if found is None:
            found = {"key": key, "titles": set(), "relations": set(),
                     "dates": set(), "issuers": set(), "targets": set(), "by_name": True}
            docs.append(found)
        if key and found["key"][1] is None and key[1] is not None:
            found["key"] = key
        found["titles"].add(fold(c.get("cited_title") or ""))
        found["relations"].add(c.get("relation"))
        found["dates"].add(c.get("cited_date"))
        found["issuers"].add(fold(c.get("cited_issuer") or ""))
        found["targets"].add(c.get("target_id"))
        # cited by name: the mention never writes the number the law table gave it
        serial = (c.get("cited_number") or "").split("/")[0].split("-")[0]
        found["by_name"] = found["by_name"] and not (serial and serial in (c.get("raw") or ""))
    return docs


def year_fits(year: int | None, dates: set) -> bool:
    """A gold year agrees with the predicted dates when either side has none or one date is of it."""
    years = {year_of(str(d)) for d in dates if d}
    return year is None or not years or int(year) in years


def relation_right(gold: str, predicted: set[str]) -> bool:
    """Gold relation equals the strongest predicted one (middle tier: gold among the tied ones)."""
    predicted = {r for r in predicted if r}
    if not predicted:
        return False
    best = min(RANK.get(r, 2) for r in predicted)
    return gold in predicted and RANK.get(gold, 2) == best


def names_match(a: str | None, b: str | None) -> bool:
    """Folded names equal, or one a prefix of the other (`luat to chuc chinh phu` / `... 2015`)."""
    if not a or not b:
        return False
    a, b = " ".join(fold(a).split()), " ".join(fold(b).split())
    return a == b or a.startswith(b) or b.startswith(a)


def score_document(gold: dict, citations: list[dict]) -> dict:
    """Compare one document's predicted citations with its gold entries; counts and misses."""
    preds = predicted_documents(citations)
    numbered = [g for g in gold.get("cited") or [] if g.get("number") and not g.get("unnumbered")]
    by_name = [g for g in gold.get("cited") or [] if not g.get("number") and not g.get("unnumbered")]
    gold_keys = [number_key(g["number"], g.get("year")) for g in numbered]
    # A law the text names (resolution by_name) is scored among the name-only laws unless the gold
    # lists it with its number.
    pred_numbered = [p for p in preds if p["key"] and
                     (not p["by_name"] or any(same_document(p["key"], k) for k in gold_keys))]
    # A keyless citation (law by name) whose target is the gold number's id counts as that document.
    keyless = [p for p in preds if not p["key"]]
    used: set[int] = set()
    used_keyless: set[int] = set()
    matched: list[tuple[dict, dict]] = []
    missed = []
    for g, k in zip(numbered, gold_keys, strict=True):
        i = next((i for i, p in enumerate(pred_numbered) if i not in used and same_document(p["key"], k)),
                 None)
        if i is not None:
            used.add(i)
            matched.append((g, pred_numbered[i]))
            continue
        gid = document_id(g["number"], g.get("year"))
        j = next((j for j, p in enumerate(keyless) if j not in used_keyless and gid and gid in p["targets"]),
                 None)
        if j is None:
            missed.append(g["number"])
        else:
            used_keyless.add(j)
            matched.append((g, keyless[j]))
    extra = [p["key"][0] + (f" ({p['key'][1]})" if p["key"][1] else "")
             for i, p in enumerate(pred_numbered) if i not in used]
    name_found, name_resolved, name_missed = 0, 0, []
    for g in by_name:
        p = next((p for p in preds if any(names_match(g.get("name"), t) for t in p["titles"]) and
                  year_fits(g.get("year"), p["dates"])), None)
        if p is None:
            name_missed.append(g.get("name"))
            continue
        name_found += 1
        name_resolved += any(t for t in p["targets"])
        matched.append((g, p))
    rel = matched
    dated = [(g, p) for g, p in matched if g.get("date")]
    issued = [(g, p) for g, p in matched if g.get("issuer")]
    numbered_matched = [(g, p) for g, p in matched if g.get("number")]
    return {
        "path": gold["path"], "gold": len(numbered), "predicted": len(pred_numbered) + len(used_keyless),
        "matched": len(used) + len(used_keyless),
        "missed": missed, "extra": extra,
        "relation_right": sum(relation_right(g["relation"], p["relations"]) for g, p in rel),
        "relation_total": len(rel),
        "relation_misses": [(g.get("number") or g.get("name"), g["relation"], sorted(r for r in p["relations"] if r))
                            for g, p in rel if not relation_right(g["relation"], p["relations"])],
        "date_right": sum(str(g["date"]) in {str(d) for d in p["dates"]} for g, p in dated),
        "date_total": len(dated),
        "issuer_right": sum(fold(g["issuer"]) in p["issuers"] for g, p in issued),
        "issuer_total": len(issued),
        "issuer_misses": [(g.get("number") or g.get("name"), g["issuer"], sorted(i for i in p["issuers"] if i))
                          for g, p in issued if fold(g["issuer"]) not in p["issuers"]],
        "resolved": sum(any(t for t in p["targets"]) for _, p in numbered_matched),
        "name_gold": len(by_name), "name_found": name_found, "name_resolved": name_resolved,
        "name_missed": name_missed,
    }


def gold_path(entry: str, corpus: Path, seeds: Path) -> Path:
    """`seed:NAME` -> seeds/NAME; anything else is relative to the corpus root."""
    return seeds / entry[5:] if entry.startswith("seed:") else corpus / entry


def parse_citations(path: str) -> dict:
    """Citations of one file (worker): {"citations": [...]} or {"error": reason}."""
    from ingest.pipeline import parse_file

    try:
        return {"citations": parse_file(Path(path))["citations"]}
    except Exception as e:  # noqa: BLE001 - an eval reports a failing document and goes on
        return {"error": f"{type(e).__name__}: {e}"}


def congbot_number(doc_id: str) -> str | None:
    """A CongBot doc id as a document number, or None when it cannot be one.

    `63_2010_NĐ_CP` -> `63/2010/NĐ-CP`; `100_2015_QH13` -> `100/2015/QH13`; `14_2017_CT_TW` ->
    `14-CT/TW` (party style); `2638_2019_CV_LĐTBXH_KHTC` -> `2638/LĐTBXH-KHTC` (a công văn's number
    has neither year nor type code); `1699_QĐ_TTg` (no year), `11_2003_LUAT_QH` (no term) -> None.
    Place suffixes (`11_2020_KH_UBND_SonLa`, `08_2011_NQ_HDND_HN`) are dropped.
    """
    parts = [p for p in re.split(r"[_-]", doc_id.strip()) if p]
    if len(parts) < 3 or not re.fullmatch(r"\d+[a-z]?", parts[0]) or not re.fullmatch(r"(19|20)\d\d", parts[1]):
        return None
    serial, year, codes = parts[0], parts[1], parts[2:]
    codes = [c for c in codes if not (c[0].isupper() and any(ch.islower() for ch in c[1:]) and c != "TTg")]
    if not codes or any(not re.fullmatch(r"[A-ZĐa-zđ]+[0-9]*", c) for c in codes):
        return None
    if any(fold(c) == "luat" for c in codes) or (len(codes) == 1 and fold(codes[0]) == "qh"):
        return None
    codes = [restore_diacritics(c) for c in codes]
    local = next((i for i, c in enumerate(codes) if c in {"UBND", "HĐND", "UB"}), None)
    if codes[0] != "CV" and local:
        codes = codes[:local + 1]  # `08_2011_NQ_HDND_HN`: the place code is not part of the number
    if codes[0] == "CV":
        return "/".join([serial, "-".join(codes[1:])]) if len(codes) > 1 else None
    if codes[-1] == "TW" and len(codes) == 2:
        return f"{serial}-{codes[0]}/TW"
    return f"{serial}/{year}/{'-'.join(codes)}"


def metadata_numbers(meta: dict) -> list[str]:
    """Numbers of the documents a metadata line says this one cites (forward relations only)."""
    rels = {k: v for k, v in (meta.get("relations") or {}).items() if k in FORWARD}
    if not rels:
        return []
    out: list[str] = []
    listed = (meta.get("extra") or {}).get("relations_numbers")
    for kind, values in rels.items():
        if listed and kind in listed:
            out += listed[kind]
            continue
        for v in values if isinstance(values, list) else [values]:
            v = str(v)
            if meta.get("source") == "TuanHuu168_CongBot":
                n = congbot_number(v)
                out += [n] if n else []
            else:
                out += NUMBER.findall(v)
    seen: list[str] = []
    for n in (canon(n) for n in out):
        if n not in seen:
            seen.append(n)
    return seen


def extends(short: tuple[str, int | None], full: tuple[str, int | None]) -> bool:
    """`1609/LĐTBXH` (a CongBot id without the unit code) names `1609/LĐTBXH-NCC`."""
    return full[0].startswith(short[0] + "-") and (short[1] is None or full[1] is None or short[1] == full[1])


def stated_in(text: str, number: str) -> bool:
    """The number, or the number without its year, is written in the text (spaces and diacritics aside)."""
    squashed = fold(re.sub(r"\s+", "", text))
    return any(fold(n) in squashed for n in {number, split_year(number)[0]})


def parse_for_metadata(args: tuple[str, list[str]]) -> dict:
    """Citations of one file and, per metadata number, whether its text writes it (worker)."""
    from ingest.pipeline import parse_file

    path, numbers = args
    try:
        record = parse_file(Path(path))
    except Exception as e:  # noqa: BLE001 - an eval reports a failing document and goes on
        return {"error": f"{type(e).__name__}: {e}"}
    text = record["document"].get("text") or ""
    return {"citations": record["citations"], "stated": [stated_in(text, n) for n in numbers]}


def metadata_recall(corpus: Path, jobs: int = 2) -> dict:
    """Share of metadata-stated cited numbers that the finder reports in that document."""
    metas = [json.loads(line) for line in (corpus / "metadata.jsonl").read_text("utf-8").splitlines() if line]
    work = [(m, metadata_numbers(m)) for m in metas]
    work = [(m, ns) for m, ns in work if ns]
    with ProcessPoolExecutor(jobs) as ex:
        parsed = list(ex.map(parse_for_metadata, [(str(corpus / m["path"]), ns) for m, ns in work]))
    per_source: dict[str, list[int]] = {}
    stated_found, stated_total = 0, 0
    misses, errors = [], []
    for (m, numbers), out in zip(work, parsed, strict=True):
        if "error" in out:
            errors.append((m["path"], out["error"]))
            continue
        keys = [number_key(c["cited_number"], year_of(c.get("cited_date"))) for c in out["citations"]
                if c.get("cited_number")]
        counts = per_source.setdefault(m["source"], [0, 0])
        for n, stated in zip(numbers, out["stated"], strict=True):
            counts[1] += 1
            stated_total += stated
            if any(same_document(number_key(n), k) or extends(number_key(n), k) for k in keys):
                counts[0] += 1
                stated_found += stated
            else:
                misses.append((m["path"], n, "in text" if stated else "not in text"))
    found = sum(c[0] for c in per_source.values())
    total = sum(c[1] for c in per_source.values())
    result = {"meta_recall": found / max(total, 1), "meta_numbers": total,
              "meta_recall_stated": stated_found / max(stated_total, 1), "meta_numbers_stated": stated_total,
              "meta_documents": len(work) - len(errors)}
    for source, (f, t) in sorted(per_source.items()):
        result[f"meta_recall.{source}"] = f / max(t, 1)
    result["meta_misses"] = sorted(misses, key=lambda m: m[2] != "in text")  # the finder's own misses first
    result["meta_errors"] = errors
    return result


def run(corpus: Path, seeds: Path, jobs: int = 2, gold_dir: Path | None = None) -> dict:
    """Score the citation finder: gold P/R of distinct numbered cited documents and attributes, plus
    recall against the corpus metadata relations."""
    golds = [yaml.safe_load(p.read_text("utf-8")) for p in sorted((gold_dir or GOLD).glob("*.yaml"))]
    paths = [str(gold_path(g["path"], corpus, seeds)) for g in golds]
    with ProcessPoolExecutor(jobs) as ex:
        parsed = list(ex.map(parse_citations, paths))
    rows, errors = [], []
    for g, out in zip(golds, parsed, strict=True):
        if "error" in out:
            errors.append((g["path"], out["error"]))
            out = {"citations": []}
        rows.append(score_document(g, out["citations"]))
    result = summarize(rows)
    result["errors"] = errors
    if gold_dir is None and (corpus / "metadata.jsonl").exists():
        result.update(metadata_recall(corpus, jobs))
    return result


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def summarize(rows: list[dict]) -> dict:
    """Micro-averaged figures over the per-document rows, with the per-document table and misses."""
    total = {k: sum(r[k] for r in rows) for k in ("gold", "predicted", "matched", "relation_right",
                                                   "relation_total", "date_right", "date_total",
                                                   "issuer_right", "issuer_total", "resolved",
                                                   "name_gold", "name_found", "name_resolved")}
    return {
        "documents": len(rows),
        "numbered_gold": total["gold"],
        "numbered_precision": ratio(total["matched"], total["predicted"]) or 0.0,
        "numbered_recall": ratio(total["matched"], total["gold"]) or 0.0,
        "relation_accuracy": ratio(total["relation_right"], total["relation_total"]) or 0.0,
        "date_accuracy": ratio(total["date_right"], total["date_total"]) or 0.0,
        "issuer_accuracy": ratio(total["issuer_right"], total["issuer_total"]) or 0.0,
        "resolution_share": ratio(total["resolved"], total["matched"]) or 0.0,
        "laws_by_name_found": ratio(total["name_found"], total["name_gold"]) or 0.0,
        "laws_by_name_resolved": ratio(total["name_resolved"], total["name_gold"]) or 0.0,
        "per_doc": [{"path": r["path"], "gold": r["gold"], "predicted": r["predicted"],
                     "precision": ratio(r["matched"], r["predicted"]), "recall": ratio(r["matched"], r["gold"])}
                    for r in rows],
        "numbered_misses": [(r["path"], n) for r in rows for n in r["missed"]],
        "numbered_extras": [(r["path"], n) for r in rows for n in r["extra"]],
        "relation_misses": [(r["path"], *m) for r in rows for m in r["relation_misses"]],
        "laws_by_name_misses": [(r["path"], n) for r in rows for n in r["name_missed"]],
    }
