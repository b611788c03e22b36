"""Body mentions against the gold of eval/gold/bodies (distinct bodies a document mentions, read by hand).

A predicted body is the `bodies` row of any of the document's `body_mentions`; it matches a gold body
when their folded names contain one another (`eval.tasks.same_body`), one to one. Gold entries marked
`borderline` are left out of both sides' counts.
"""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml

from eval.citations import gold_path, ratio
from eval.tasks import parse_record, same_body

GOLD = Path(__file__).with_name("gold") / "bodies"


def match_names(gold: list[str], predicted: list[str]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index); exact folded names first, then containment."""
    pairs, used_g, used_p = [], set(), set()
    for strict in (True, False):
        for gi, g in enumerate(gold):
            if gi in used_g:
                continue
            for pi, p in enumerate(predicted):
                if pi in used_p:
                    continue
                if (g.lower() == p.lower()) if strict else same_body(g, p):
                    pairs.append((gi, pi))
                    used_g.add(gi)
                    used_p.add(pi)
                    break
    return pairs


def score_document(gold: dict, record: dict) -> dict:
    names = [b["name"] for b in gold.get("bodies") or [] if not b.get("borderline")]
    borderline = [b["name"] for b in gold.get("bodies") or [] if b.get("borderline")]
    bodies = {b["id"]: b["name"] for b in record.get("bodies") or []}
    predicted = sorted({bodies.get(m["body_id"], m["body_id"]) for m in record.get("body_mentions") or []})
    predicted = [p for p in predicted if not any(same_body(p, b) for b in borderline)
                 or any(same_body(p, n) for n in names)]
    pairs = match_names(names, predicted)
    hit_g = {g for g, _ in pairs}
    hit_p = {p for _, p in pairs}
    return {"path": gold["path"], "gold": len(names), "predicted": len(predicted), "matched": len(pairs),
            "missed": [n for i, n in enumerate(names) if i not in hit_g],
            "extra": [n for i, n in enumerate(predicted) if i not in hit_p]}


def run(corpus: Path, seeds: Path, jobs: int = 2, gold_dir: Path | None = None) -> dict:
    golds = [yaml.safe_load(p.read_text("utf-8")) for p in sorted((gold_dir or GOLD).glob("*.yaml"))]
    with ProcessPoolExecutor(jobs) as ex:
        records = list(ex.map(parse_record, [str(gold_path(g["path"], corpus, seeds)) for g in golds]))
    rows = [score_document(g, r if "error" not in r else {}) for g, r in zip(golds, records, strict=True)]
    gold, pred, hit = (sum(r[k] for r in rows) for k in ("gold", "predicted", "matched"))
    return {
        "documents": len(rows),
        "body_gold": gold,
        "body_mention_precision": ratio(hit, pred) or 0.0,
        "body_mention_recall": ratio(hit, gold) or 0.0,
        "per_document": [(r["path"], r["gold"], r["predicted"], r["matched"]) for r in rows],
        "body_misses": [(r["path"], n) for r in rows for n in r["missed"]],
        "body_extras": [(r["path"], n) for r in rows for n in r["extra"]],
    }
