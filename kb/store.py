"""Writes one parsed document's rows with sqlite-utils, in one transaction."""

from __future__ import annotations

import json

import sqlite_utils

from kb.schema import columns


def _only(table: str, row: dict) -> dict:
    """The row restricted to the contract's columns (steps may carry extra working keys)."""
    cols = columns(table)
    out = {k: row.get(k) for k in cols if k in row}
    for k, v in out.items():
        if isinstance(v, (list, dict)):
            out[k] = json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    return out


def delete_document_rows(db: sqlite_utils.Database, doc_id: str) -> None:
    """Remove what an earlier build stored for this document (not the document row itself)."""
    task_ids = [r["id"] for r in db.query("select id from tasks where document_id = ?", [doc_id])]
    for i in range(0, len(task_ids), 500):
        chunk = task_ids[i : i + 500]
        db.execute(f"delete from task_bodies where task_id in ({','.join('?' * len(chunk))})", chunk)
    for table in ("units", "citations", "body_mentions", "tasks"):
        db.execute(f"delete from [{table}] where document_id = ?", [doc_id])
    db.execute("delete from relations where stated_in = ?", [doc_id])


def store_record(db: sqlite_utils.Database, record: dict, source: dict) -> None:
    """Replace everything stored for the record's document, then record its source file."""
    doc = record["document"]
    with db.atomic():
        delete_document_rows(db, doc["id"])
        db["documents"].upsert(_only("documents", doc), pk="id")
        for stub in record.get("stubs", []):
            if stub["id"] != doc["id"]:
                _store_stub(db, stub)
        for table in ("units", "citations", "body_mentions", "tasks"):
            rows = [_only(table, r) for r in record.get(table, [])]
            if rows:
                db[table].insert_all(rows, pk="id", replace=True)
        rels = [_only("relations", r) for r in record.get("relations", [])]
        if rels:
            db["relations"].insert_all(rels, replace=True)
        bodies = [_only("bodies", r) for r in record.get("bodies", [])]
        if bodies:
            db["bodies"].insert_all(bodies, pk="id", ignore=True)
        aliases = [_only("body_aliases", r) for r in record.get("body_aliases", [])]
        if aliases:
            db["body_aliases"].insert_all(aliases, ignore=True)
        tb = [_only("task_bodies", r) for r in record.get("task_bodies", [])]
        if tb:
            db["task_bodies"].insert_all(tb, replace=True)
        db["sources"].upsert(source, pk="path")


def _store_stub(db: sqlite_utils.Database, stub: dict) -> None:
    """A stub never overwrites a parsed document; it fills what an earlier stub lacked."""
    existing = list(db.query("select * from documents where id = ?", [stub["id"]]))
    row = _only("documents", {**stub, "is_stub": 1})
    if not existing:
        db["documents"].insert(row, pk="id")
        return
    old = existing[0]
    if old["is_stub"]:
        fill = {k: v for k, v in row.items() if v is not None and old.get(k) is None}
        if fill:
            db["documents"].update(stub["id"], fill)


def record_failure(db: sqlite_utils.Database, source: dict) -> None:
    """A file that could not be read or parsed: only its sources row changes."""
    with db.atomic():
        db["sources"].upsert(source, pk="path")
