"""Task finding scored against the hand gold (eval/gold/tasks): which tasks, which bodies, which roles.

A predicted task matches a gold task when its text holds the first 40 characters of the gold quote
(whitespace folded) or its start falls where the quote occurs in the document text (a few characters
before it allowed for the item label, `a) `, `- `). Matching is one-to-one, greedy in gold order,
taking the earliest free predicted task. Body names are compared folded, one containing the other.
"""

from __future__ import annotations

import re
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml

from eval.citations import gold_path, ratio
from ingest.normalize import fold, normalize

GOLD = Path(__file__).parent / "gold" / "tasks"
PREFIX = 40
LABEL_SLACK = 8  # room for an item label before the quote: `a) `, `1. `, `- `, `+ `


def squash(text: str) -> str:
    """Whitespace runs to one space, ends stripped."""
    return " ".join(text.split())


def quote_key(quote: str) -> str:
    """The normalized, whitespace-folded first 40 characters of a gold quote."""
    return squash(normalize(quote)[0])[:PREFIX]


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Where the (normalized) quote occurs in the text, any whitespace between its words."""
    words = squash(normalize(quote)[0]).split(" ")
    if not words or words == [""]:
        return []
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def task_matches(task: dict, key: str, spans: list[tuple[int, int]]) -> bool:
    if key and key in squash(task.get("text") or ""):
        return True
    start = task.get("start")
    return start is not None and any(s - LABEL_SLACK <= start < e for s, e in spans)


def match_tasks(gold: list[dict], predicted: list[dict], text: str) -> list[tuple[int, int]]:
    """(gold index, predicted index) pairs, one-to-one, greedy in gold order, earliest task first.

    A quote that several gold tasks share (`Chủ trì, phối hợp với các cơ quan, đơn vị` under ten articles) and that
    occurs in the text as many times is read in order: the k-th such gold task is the one at the k-th occurrence, and
    a predicted task matches it only there (so one missed task does not shift the pairs of all the later ones)."""
    order = sorted(range(len(predicted)), key=lambda i: predicted[i].get("start") or 0)
    used: set[int] = set()
    pairs = []
    keys = [quote_key(g["quote"]) for g in gold]
    seen: dict[str, int] = {}
    for gi, g in enumerate(gold):
        key, spans = keys[gi], quote_spans(text, g["quote"])
        k = seen[key] = seen.get(key, -1) + 1
        if keys.count(key) > 1 and len(spans) == keys.count(key):
            at = spans[k][0]
            pi = next((i for i in order if i not in used and (predicted[i].get("start") or 0) - LABEL_SLACK <= at
                       < (predicted[i].get("end") or 0)), None)
        else:
            pi = next((i for i in order if i not in used and task_matches(predicted[i], key, spans)), None)
        if pi is not None:
            used.add(pi)
            pairs.append((gi, pi))
    return pairs


def name_words(name: str) -> str:
    """Folded words of a body name, punctuation and `và` dropped: `các quận, huyện và thành phố` ->
    ` cac quan huyen thanh pho ` (padded so containment respects word edges)."""
    words = [w for w in re.findall(r"\w+", fold(name)) if w != "va"]
    out = f" {' '.join(words)} " if words else ""
    # the committees of every commune (or district) named by their level or by their kinds: `Ủy ban nhân dân cấp xã` ~
    # `Ủy ban nhân dân các xã, phường` (~ `các phường, xã, đặc khu`, `xã, phường, thị trấn`)
    out = re.sub(r" (?:cac )?(?:(?:xa|phuong|thi tran|dac khu) ){2,}", " cap xa ", out)
    out = re.sub(r" (?:cac )?(?:(?:quan|huyen|thi xa|thanh pho thuoc tinh) ){2,}", " cap huyen ", out)
    # `(có) liên quan` is wording: `các sở, ban, ngành có liên quan` is the group `các sở, ban, ngành`
    # (eval/gold/bodies/README.md)
    return re.sub(r" (?:co )?lien quan(?= )", "", out) if out.strip() not in ("co lien quan", "lien quan") else out


def _provinces() -> list[str]:
    """Folded province names, longest first (for stripping a jurisdiction suffix)."""
    global _PROVINCES
    if _PROVINCES is None:
        data = yaml.safe_load((Path(__file__).resolve().parents[1] / "ingest" / "gazetteer" /
                               "provinces.yaml").read_text("utf-8"))
        names = set()
        for key in ("provinces", "provinces_2025", "before_2025", "after_2025"):
            for row in data.get(key) or []:
                if isinstance(row, dict) and row.get("name"):
                    names.add(row["name"])
        _PROVINCES = sorted({name_words(n).strip() for n in names if n}, key=len, reverse=True)
    return _PROVINCES


_PROVINCES: list[str] | None = None


def body_words(name: str) -> list[str]:
    """Folded words of a body name, its jurisdiction suffix (`tỉnh Bắc Ninh`, `Thành phố Cần Thơ`) as one token."""
    words = name_words(name)
    for prov in _provinces():
        for tail, keep in ((f" cap tinh {prov} ", " cap tinh"), (f" tinh {prov} ", ""),
                           (f" thanh pho {prov} ", ""), (f" tp {prov} ", ""), (f" {prov} ", "")):
            if words.endswith(tail) and len(words) > len(tail):
                words = words[: -len(tail)] + keep + " <province> "  # any one province; its name aside
                break
        else:
            continue
        break
    return words.split()


def same_body(a: str, b: str | tuple[str, ...]) -> bool:
    """One folded name inside the other, or the words of one (its jurisdiction as one token, in any order)
    all in the other:
    `Sở Nội vụ` ~ `Sở Nội vụ Thành phố Hồ Chí Minh`; `UBND các phường, xã` ~ `UBND các xã, phường`.
    `b` may be a predicted body's (name, wording): a group keeps its wording in the gold."""
    if isinstance(b, tuple):
        return any(same_body(a, x) for x in b if x)
    sa, sb = name_words(a), name_words(b)
    if sa and sb and (sa in sb or sb in sa):
        return True
    wa, wb = body_words(a), body_words(b)
    if not wa or not wb:
        return False
    ca, cb = Counter(wa), Counter(wb)
    return not (ca - cb) or not (cb - ca)


def name_set_scores(gold: list[str], predicted: list) -> tuple[int, int]:
    """(predicted names matching some gold name, gold names matched by some predicted name)."""
    hit_pred = sum(any(same_body(g, p) for g in gold) for p in predicted)
    hit_gold = sum(any(same_body(g, p) for p in predicted) for g in gold)
    return hit_pred, hit_gold


def gold_bodies(task: dict) -> list[str]:
    """Every body name a gold task names, any role."""
    names = [*(task.get("lead") or []), *(task.get("responsible") or []), *(task.get("partner") or [])]
    for values in (task.get("other_roles") or {}).values():
        names += values or []
    return names


def task_roles(record: dict) -> dict[str, dict[str, list[tuple[str, ...]]]]:
    """task id -> role -> (body name, wording in the text) of each body; the wording only for groups, which the
    gold names as written (eval/gold/tasks/README.md, Body names)."""
    names = {b["id"]: b.get("name") for b in record.get("bodies") or []}
    groups = {b["id"] for b in record.get("bodies") or [] if b.get("is_group")}
    out: dict[str, dict[str, list[tuple[str, ...]]]] = {}
    for tb in record.get("task_bodies") or []:
        name = (names.get(tb.get("body_id")) or tb.get("raw"), tb.get("raw") if tb.get("body_id") in groups else None)
        if name[0]:
            out.setdefault(tb.get("task_id"), {}).setdefault(tb.get("role"), []).append(name)
    return out


def score_document(gold: dict, record: dict) -> dict:
    """Counts for one document: tasks, lead/responsible, partners, deadlines, bodies."""
    text = record.get("document", {}).get("text") or ""
    golds = gold.get("tasks") or []
    preds = record.get("tasks") or []
    pairs = match_tasks(golds, preds, text)
    roles = task_roles(record)
    row = {"path": gold["path"], "gold": len(golds), "predicted": len(preds), "matched": len(pairs),
           "lead_right": 0, "lead_total": 0, "partner_pred": 0, "partner_pred_hit": 0, "partner_gold": 0,
           "partner_gold_hit": 0, "recurrence_right": 0, "recurrence_total": 0, "deadline_right": 0,
           "deadline_total": 0, "lead_misses": []}
    matched_gold = {gi for gi, _ in pairs}
    row["task_misses"] = [(g.get("section"), g["quote"]) for gi, g in enumerate(golds) if gi not in matched_gold]
    for gi, pi in pairs:
        g, p = golds[gi], preds[pi]
        got = roles.get(p.get("id"), {})
        gold_lead = [*(g.get("lead") or []), *(g.get("responsible") or [])]
        pred_lead = [*got.get("lead", []), *got.get("responsible", [])]
        if gold_lead:
            row["lead_total"] += 1
            hit_pred, hit_gold = name_set_scores(gold_lead, pred_lead)
            if pred_lead and hit_pred == len(pred_lead) and hit_gold == len(gold_lead):
                row["lead_right"] += 1
            else:
                row["lead_misses"].append((g.get("section"), gold_lead, [n for n, _ in pred_lead]))
        gold_partner, pred_partner = g.get("partner") or [], got.get("partner", [])
        hit_pred, hit_gold = name_set_scores(gold_partner, pred_partner)
        row["partner_pred"] += len(pred_partner)
        row["partner_pred_hit"] += hit_pred
        row["partner_gold"] += len(gold_partner)
        row["partner_gold_hit"] += hit_gold
        if g.get("recurrence"):
            row["recurrence_total"] += 1
            row["recurrence_right"] += p.get("recurrence") == g["recurrence"]
        if g.get("deadline_start") or g.get("deadline_end"):
            row["deadline_total"] += 1
            row["deadline_right"] += (str(g.get("deadline_start") or None) == str(p.get("deadline_start") or None)
                                      and str(g.get("deadline_end") or None) == str(p.get("deadline_end") or None))
    # Bodies: the gold names every body of its tasks, not every body the document mentions (issuer,
    # recipients, cited issuers), so only recall is fair against the mentions; precision is measured
    # against the bodies the finder puts on tasks.
    all_gold = sorted({n for g in golds for n in gold_bodies(g)})
    names = {b["id"]: b.get("name") or "" for b in record.get("bodies") or []}
    mentioned = sorted({names.get(m.get("body_id")) or m.get("raw") or "" for m in record.get("body_mentions") or []})
    on_tasks = sorted({n for r in roles.values() for ns in r.values() for n in ns})
    row["body_gold"] = len(all_gold)
    row["body_mention_hit"] = sum(any(same_body(g, m) for m in mentioned) for g in all_gold)
    row["body_mention_misses"] = [g for g in all_gold if not any(same_body(g, m) for m in mentioned)]
    row["task_body_pred"] = len(on_tasks)
    row["task_body_pred_hit"] = sum(any(same_body(g, p) for g in all_gold) for p in on_tasks)
    row["task_body_gold_hit"] = sum(any(same_body(g, p) for p in on_tasks) for g in all_gold)
    return row


def parse_record(path: str) -> dict:
    """The parts of one file's record the task scores use (worker)."""
    from ingest.pipeline import parse_file

    try:
        r = parse_file(Path(path))
    except Exception as e:  # noqa: BLE001 - an eval reports a failing document and goes on
        return {"error": f"{type(e).__name__}: {e}"}
    return {k: r.get(k) for k in ("document", "tasks", "task_bodies", "bodies", "body_mentions")}


def run(corpus: Path, seeds: Path, jobs: int = 2, gold_dir: Path | None = None) -> dict:
    """Score the task finder against the gold: task P/R, lead and partner bodies, deadlines, bodies."""
    golds = [yaml.safe_load(p.read_text("utf-8")) for p in sorted((gold_dir or GOLD).glob("*.yaml"))]
    with ProcessPoolExecutor(jobs) as ex:
        records = list(ex.map(parse_record, [str(gold_path(g["path"], corpus, seeds)) for g in golds]))
    rows, errors = [], []
    for g, rec in zip(golds, records, strict=True):
        if "error" in rec:
            errors.append((g["path"], rec["error"]))
            rec = {}
        rows.append(score_document(g, rec))
    result = summarize(rows)
    result["errors"] = errors
    return result


def summarize(rows: list[dict]) -> dict:
    """Micro-averaged figures over the per-document rows, with the per-document table and misses."""
    t = {k: sum(r[k] for r in rows) for k in rows[0] if isinstance(rows[0][k], int)} if rows else {}
    g = t.get
    return {
        "documents": len(rows),
        "task_gold": g("gold", 0),
        "task_precision": ratio(g("matched", 0), g("predicted", 0)) or 0.0,
        "task_recall": ratio(g("matched", 0), g("gold", 0)) or 0.0,
        "lead_accuracy": ratio(g("lead_right", 0), g("lead_total", 0)) or 0.0,
        "partner_precision": ratio(g("partner_pred_hit", 0), g("partner_pred", 0)) or 0.0,
        "partner_recall": ratio(g("partner_gold_hit", 0), g("partner_gold", 0)) or 0.0,
        "recurrence_accuracy": ratio(g("recurrence_right", 0), g("recurrence_total", 0)) or 0.0,
        "deadline_accuracy": ratio(g("deadline_right", 0), g("deadline_total", 0)) or 0.0,
        "body_mention_recall": ratio(g("body_mention_hit", 0), g("body_gold", 0)) or 0.0,
        "task_body_precision": ratio(g("task_body_pred_hit", 0), g("task_body_pred", 0)) or 0.0,
        "task_body_recall": ratio(g("task_body_gold_hit", 0), g("body_gold", 0)) or 0.0,
        "note": "body mentions: recall only (the gold lists task bodies, not every body a document "
                "mentions); task_body_* compare the bodies put on tasks with the gold tasks' bodies",
        "per_doc": [{"path": r["path"], "gold": r["gold"], "predicted": r["predicted"],
                     "precision": ratio(r["matched"], r["predicted"]), "recall": ratio(r["matched"], r["gold"])}
                    for r in rows],
        "task_misses": [(r["path"], *m) for r in rows for m in r["task_misses"]],
        "lead_misses": [(r["path"], *m) for r in rows for m in r["lead_misses"]],
        "body_mention_misses": [(r["path"], m) for r in rows for m in r["body_mention_misses"]],
    }
