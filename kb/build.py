"""Walk a folder, parse new or changed files in parallel, store each document in its own transaction.

A file that cannot be read or parsed gives one line naming it and the reason; the build goes on
and what an earlier build stored for it stays.
"""

from __future__ import annotations

import hashlib
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils
from tqdm import tqdm

from ingest.pipeline import parse_file
from ingest.readers import SUPPORTED, ReadError
from kb.schema import create_schema
from kb.store import record_failure, store_record

# Folders and files of a corpus that are not documents (source metadata, notes).
SKIP_DIRS = {"_meta", ".git", "__pycache__", "node_modules", ".venv"}
SKIP_NAMES = {"README.md", "readme.md"}


@dataclass
class BuildReport:
    """What a build did, for the CLI summary and for tests."""

    parsed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{len(self.parsed)} parsed, {len(self.unchanged)} unchanged, "
                f"{len(self.duplicates)} duplicates, {len(self.failed)} failed")


def find_sources(root: Path) -> list[Path]:
    """Every file under root (or root itself) with a supported format, sorted for stable ids."""
    if root.is_file():
        return [root]
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        for name in filenames:
            p = Path(dirpath) / name
            if name in SKIP_NAMES or name.startswith("."):
                continue
            if p.suffix.lower() in SUPPORTED:
                out.append(p)
    return sorted(out)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _parse_one(args: tuple[str, str]) -> tuple[str, dict | None, str | None]:
    """Worker: (path, root) -> (path, record or None, error line or None)."""
    path, root = args
    try:
        return path, parse_file(Path(path), Path(root)), None
    except ReadError as e:
        return path, None, _one_line(getattr(e, "reason", None) or str(e))
    except Exception as e:  # a parser bug must not stop the build; the line says what broke
        return path, None, _one_line(f"parser failed ({type(e).__name__}: {e})")


def _one_line(message: str, limit: int = 300) -> str:
    line = " ".join(message.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def build(root: Path, db_path: Path, *, jobs: int | None = None, force: bool = False,
          progress: bool = True, echo=None) -> BuildReport:
    """Build or update the knowledge base at db_path from the documents under root."""
    echo = echo or (lambda line: print(line, file=sys.stderr))
    root = Path(root)
    base = root if root.is_dir() else root.parent
    db = sqlite_utils.Database(db_path)
    create_schema(db)
    report = BuildReport()
    known = {r["path"]: r for r in db.query("select path, sha256, status, document_id from sources")}
    todo: list[Path] = []
    for p in find_sources(root):
        rel = str(p.relative_to(base))
        old = known.get(rel)
        if not force and old and old["status"] == "ok" and old["sha256"] == _sha256(p):
            report.unchanged.append(rel)
        else:
            todo.append(p)
    owners = {r["id"]: r["source_path"] for r in db.query(
        "select id, source_path from documents where is_stub = 0 and source_path is not null")}
    jobs = jobs or os.cpu_count() or 1
    work = [(str(p), str(base)) for p in todo]
    pool = ProcessPoolExecutor(jobs) if jobs > 1 and len(work) >= 4 else None
    try:
        results = pool.map(_parse_one, work, chunksize=2) if pool else map(_parse_one, work)
        _store_all(db, base, results, len(work), owners, report, progress, echo)
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    _after_build(db)
    return report


def _store_all(db, base, results, total, owners, report, progress, echo) -> None:
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    for path, record, error in tqdm(results, total=total, disable=not progress, unit="file",
                                    desc="parsing", file=sys.stderr):
        p = Path(path)
        rel = str(p.relative_to(base))
        sha = record["document"]["source_sha256"] if record else _sha256(p)  # the worker hashed what it parsed
        source = {"path": rel, "sha256": sha, "size": p.stat().st_size,
                  "format": p.suffix.lower().lstrip("."), "built_at": now}
        if error:
            echo(f"{rel}: {error}")
            report.failed.append((rel, error))
            record_failure(db, {**source, "status": "error", "message": error, "document_id": None})
            continue
        doc_id = record["document"]["id"]
        owner = owners.get(doc_id)
        if owner and owner != rel and (base / owner).exists():
            msg = f"same document ({doc_id}) as {owner}; kept that one"
            echo(f"{rel}: {msg}")
            report.duplicates.append((rel, owner))
            record_failure(db, {**source, "status": "skipped", "message": msg, "document_id": doc_id})
            continue
        owners[doc_id] = rel
        store_record(db, record, {**source, "status": "ok", "message": None, "document_id": doc_id})
        report.parsed.append(rel)


def _after_build(db: sqlite_utils.Database) -> None:
    """Steps over the whole knowledge base (graph metrics ...) that exist so far."""
    try:
        from kb.graph import write_metrics
    except ImportError:
        return
    write_metrics(db)
