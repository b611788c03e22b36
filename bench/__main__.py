"""Benchmark the pipeline: per-stage seconds on the corpus text documents, then a timed `vanban build`.

    python -m bench --corpus ../shared/corpus [--limit N] [--out PATH] [--build-on corpus|text|none]

Stages run in this one process, one document after another (no parallelism), so the M chars/s figures
are per core. The JSON goes to bench/results/bench-<UTC timestamp>.json (or --out) and to stdout.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from ingest import identity
from ingest.bodies import extract_bodies
from ingest.citations import extract_citations
from ingest.header import parse_header
from ingest.normalize import normalize
from ingest.readers import ReadError, read_path
from ingest.structure import parse_structure

from ingest.tasks import extract_tasks  # isort: skip

STAGES = ("read", "normalize", "header", "structure", "citations", "bodies", "tasks")
TEXT_SUFFIXES = {".txt", ".md"}
SKIP_DIRS = {"_meta", ".git", "__pycache__", "node_modules", ".venv"}
SKIP_NAMES = {"README.md", "readme.md"}
RESULTS = Path(__file__).resolve().parent / "results"


def text_files(corpus: Path) -> list[Path]:
    """Every .txt/.md under corpus, sorted, outside `_meta/` (and hidden) folders, README.md left out."""
    out = []
    for dirpath, dirnames, filenames in os.walk(corpus):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        for name in filenames:
            if name in SKIP_NAMES or name.startswith("."):
                continue
            p = Path(dirpath) / name
            if p.suffix.lower() in TEXT_SUFFIXES:
                out.append(p)
    return sorted(out)


def cpu_model() -> str | None:
    try:
        for line in Path("/proc/cpuinfo").read_text(errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def machine() -> dict:
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "cpu_count": os.cpu_count(),
        "cpu_model": cpu_model(),
    }


def run_stages(files: list[Path]) -> dict:
    """Run every stage on every file in this process; seconds per stage summed over the set."""
    secs = dict.fromkeys(STAGES, 0.0)
    raw_chars = chars = docs = 0
    unreadable: list[str] = []
    failed: list[str] = []
    clock = time.perf_counter
    for path in files:
        data = path.read_bytes()
        t0 = clock()
        try:
            raw, hints = read_path(path, data)
        except ReadError as e:
            unreadable.append(str(e))
            continue
        finally:
            secs["read"] += clock() - t0
        raw_chars += len(raw)
        stage = "normalize"
        t0 = clock()
        try:
            text, _ = normalize(raw)
            secs[stage] += clock() - t0
            chars += len(text)

            stage, t0 = "header", clock()
            doc = parse_header(text, hints)
            secs[stage] += clock() - t0
            d = doc.get("issued_date")
            doc["id"] = (identity.document_id(doc.get("number"), int(d[:4]) if d else None, doc.get("province"))
                         or identity.fallback_id(str(path)))

            stage, t0 = "structure", clock()
            units = parse_structure(text, doc["id"])
            secs[stage] += clock() - t0

            stage, t0 = "citations", clock()
            extract_citations(text, units, doc)
            secs[stage] += clock() - t0

            stage, t0 = "bodies", clock()
            bodies = extract_bodies(text, units, doc)
            secs[stage] += clock() - t0
            record = {k: bodies.get(k, []) for k in ("bodies", "body_mentions", "body_aliases")}

            stage, t0 = "tasks", clock()
            extract_tasks(text, units, doc, record)
            secs[stage] += clock() - t0
        except Exception as e:  # a parser bug: count the time spent, name the file, go on
            secs[stage] += clock() - t0
            failed.append(f"{path}: {stage}: {type(e).__name__}: {' '.join(str(e).split())[:200]}")
            continue
        docs += 1
    return {"secs": secs, "raw_chars": raw_chars, "chars": chars, "docs": docs,
            "unreadable": unreadable, "failed": failed}


def time_build(corpus: Path, files: list[Path], on: str, jobs: int) -> dict:
    """Wall time of kb.build.build into a fresh temp DB: the whole corpus root, or symlinks to `files`."""
    from kb.build import build

    with tempfile.TemporaryDirectory(prefix="vanban-bench-") as tmp:
        tmp = Path(tmp)
        if on == "corpus":
            root = corpus
        else:
            root = tmp / "src"
            for p in files:
                link = root / p.relative_to(corpus)
                link.parent.mkdir(parents=True, exist_ok=True)
                link.symlink_to(p.resolve())
        t0 = time.perf_counter()
        report = build(root, tmp / "bench.db", jobs=jobs, progress=False, echo=lambda _: None)
        wall = time.perf_counter() - t0
    return {"on": on, "jobs": jobs, "wall_seconds": round(wall, 3), "parsed": len(report.parsed),
            "failed": len(report.failed), "duplicates": len(report.duplicates)}


def peak_rss_mb(who: int) -> float:
    kb = resource.getrusage(who).ru_maxrss  # KiB on Linux, bytes on macOS
    return round(kb / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    ap.add_argument("--limit", type=int, default=None, help="only the first N text files (quick run)")
    ap.add_argument("--out", type=Path, default=None, help="JSON path (default bench/results/bench-<UTC>.json)")
    ap.add_argument("--build-on", choices=("corpus", "text", "none"), default=None,
                    help="build the whole corpus root (every format; default), symlinks to the text "
                         "files (default with --limit), or skip the build")
    ap.add_argument("--jobs", type=int, default=2, help="build worker processes (default 2)")
    args = ap.parse_args(argv)

    corpus = args.corpus
    if not corpus.is_dir():
        print(f"bench: no corpus at {corpus}; nothing to measure")
        return 0
    files = text_files(corpus)
    if args.limit is not None:
        files = files[: args.limit]
    build_on = args.build_on or ("text" if args.limit is not None else "corpus")
    started = datetime.now(timezone.utc)

    gc.collect()
    wall0 = time.perf_counter()
    r = run_stages(files)
    stages_wall = time.perf_counter() - wall0
    rss_stages = peak_rss_mb(resource.RUSAGE_SELF)

    secs = r["secs"]
    mchars = r["chars"] / 1e6
    pipeline = sum(secs[s] for s in STAGES if s != "read")
    others = sum(secs[s] for s in STAGES if s not in ("read", "citations"))
    stages = {s: {"seconds": round(secs[s], 4),
                  "mchars_per_s": round(mchars / secs[s], 3) if secs[s] > 0 else None,
                  "share_of_pipeline": round(secs[s] / pipeline, 4) if pipeline > 0 else None}
              for s in STAGES}

    build = time_build(corpus, files, build_on, args.jobs) if build_on != "none" else None

    result = {
        "started_utc": started.isoformat(timespec="seconds"),
        "machine": machine(),
        "corpus": str(corpus.resolve()),
        "limit": args.limit,
        "files": len(files),
        "documents": r["docs"],
        "unreadable": len(r["unreadable"]),
        "failed": len(r["failed"]),
        "failures": (r["unreadable"] + r["failed"])[:20],
        "raw_chars": r["raw_chars"],
        "chars": r["chars"],
        "stages": stages,
        "pipeline_seconds": round(pipeline, 4),
        "pipeline_mchars_per_s": round(mchars / pipeline, 3) if pipeline > 0 else None,
        "stages_wall_seconds": round(stages_wall, 3),
        "citations_share": round(secs["citations"] / others, 4) if others > 0 else None,
        "citations_share_limit": 0.30,
        "build": build,
        "peak_rss_mb": {"stages": rss_stages, "self": peak_rss_mb(resource.RUSAGE_SELF),
                        "build_workers": peak_rss_mb(resource.RUSAGE_CHILDREN)},
    }
    out = args.out or RESULTS / f"bench-{started.strftime('%Y%m%dT%H%M%SZ')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    out.write_text(text + "\n", encoding="utf-8")
    print(text)
    print(f"bench: wrote {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
