"""The before/after table of an evaluation: each scalar figure now against the last recorded one.

The last figures live in `eval/last.json` as one flat object, `{"citations.numbered_recall": 0.99, ...}`;
only numbers are kept there (per-document tables and misses are printed, never recorded).
"""

from __future__ import annotations

import json
from pathlib import Path

LAST = Path(__file__).parent / "last.json"
MAX_MISSES = 15


def scalars(results: dict[str, dict]) -> dict[str, float]:
    """`{"citations": {"numbered_recall": 0.9, "per_doc": [...]}}` -> `{"citations.numbered_recall": 0.9}`."""
    return {f"{name}.{key}": value for name, figures in results.items() for key, value in figures.items()
            if isinstance(value, int | float) and not isinstance(value, bool)}


def load_last(path: Path = LAST) -> dict[str, float]:
    """The recorded figures, or nothing when there are none yet (or the file is unreadable)."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def fmt(value: float | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return str(value)
    return f"{value:.3f}"


def delta(last: float | None, now: float | None) -> str:
    if last is None or now is None:
        return "new" if last is None and now is not None else "-"
    d = now - last
    if abs(d) < 5e-4:
        return "="
    return f"{d:+.3f}" if isinstance(d, float) else f"{d:+d}"


def table(last: dict[str, float], now: dict[str, float]) -> list[str]:
    """Rows `metric | last | now | Δ`, aligned, in the order the evaluations gave them."""
    keys = list(now) + [k for k in last if k not in now and k.split(".")[0] in {n.split(".")[0] for n in now}]
    rows = [("metric", "last", "now", "Δ")] + [
        (k, fmt(last.get(k)), fmt(now.get(k)), delta(last.get(k), now.get(k))) for k in keys]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = [" | ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
             for r in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return lines


def per_doc_lines(name: str, rows: list[dict]) -> list[str]:
    out = [f"{name}: per document (gold / predicted, precision, recall)"]
    for r in rows:
        out.append(f"  {fmt(r.get('precision'))} {fmt(r.get('recall'))}  "
                   f"{r.get('gold')}/{r.get('predicted')}  {r.get('path')}")
    return out


def misses_lines(results: dict[str, dict], limit: int = MAX_MISSES) -> list[str]:
    """Up to `limit` entries of every list of misses (keys ending `_misses`, `_extras`, `errors`)."""
    out = []
    for name, figures in results.items():
        for key, value in figures.items():
            if not isinstance(value, list) or not (key.endswith(("_misses", "_extras", "errors"))
                                                   or key == "unreadable"):
                continue
            if not value:
                continue
            out.append(f"{name}.{key}: {len(value)}" + (f" (first {limit})" if len(value) > limit else ""))
            out += [f"  {' | '.join(str(x) for x in item) if isinstance(item, list | tuple) else item}"
                    for item in value[:limit]]
    return out


def report(results: dict[str, dict], *, save: bool = True, path: Path = LAST) -> str:
    """The printed report; records the new figures in `path` unless `save` is false.

    Figures of evaluations that did not run this time are kept in the record.
    """
    last = load_last(path)
    now = scalars(results)
    lines = table(last, now)
    for name, figures in results.items():
        if figures.get("per_doc"):
            lines += ["", *per_doc_lines(name, figures["per_doc"])]
        if figures.get("note"):
            lines += ["", f"{name}: note: {figures['note']}"]
    misses = misses_lines(results)
    if misses:
        lines += ["", *misses]
    if save:
        path.write_text(json.dumps({**last, **now}, indent=1, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")
        lines += ["", f"figures recorded in {path}"]
    return "\n".join(lines)
