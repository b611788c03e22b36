"""The knowledge-base contract (../shared/docs/CONTRACT.md) in one place: tables, columns, keys."""

from __future__ import annotations

import sqlite_utils

# table -> (columns with SQLite types, primary key, foreign keys)
TABLES: dict[str, tuple[dict[str, type], str | tuple | None, list[tuple[str, str, str]]]] = {
    "documents": ({
        "id": str, "number": str, "doc_type": str, "title": str, "issuer": str, "issuer_body_id": str,
        "place": str, "province": str, "issued_date": str, "effective_date": str, "expiry_date": str,
        "signer": str, "signer_title": str, "signer_mode": str, "is_stub": int, "text": str,
        "source_path": str, "source_sha256": str,
    }, "id", []),
    "units": ({
        "id": str, "document_id": str, "parent_id": str, "kind": str, "label": str, "heading": str,
        "text": str, "start": int, "end": int, "ordinal": int, "depth": int,
    }, "id", [("document_id", "documents", "id"), ("parent_id", "units", "id")]),
    "citations": ({
        "id": str, "document_id": str, "unit_id": str, "start": int, "end": int, "raw": str,
        "target_id": str, "cited_number": str, "cited_type": str, "cited_date": str, "cited_issuer": str,
        "cited_title": str, "pinpoint": str, "relation": str, "resolution": str, "flags": str,
        "in_force": int,
    }, "id", [("document_id", "documents", "id"), ("unit_id", "units", "id"), ("target_id", "documents", "id")]),
    "relations": ({
        "source_id": str, "target_id": str, "relation": str, "citation_id": str, "stated_in": str,
        "scope": str,
    }, ("source_id", "target_id", "relation", "citation_id"),
        [("source_id", "documents", "id"), ("target_id", "documents", "id"), ("citation_id", "citations", "id")]),
    "bodies": ({
        "id": str, "name": str, "short_name": str, "kind": str, "level": str, "jurisdiction": str,
        "parent_id": str, "is_group": int, "valid_from": str, "valid_to": str,
    }, "id", []),
    "body_aliases": ({"body_id": str, "alias": str, "alias_key": str}, ("body_id", "alias"),
                     [("body_id", "bodies", "id")]),
    "body_mentions": ({
        "id": str, "document_id": str, "unit_id": str, "body_id": str, "start": int, "end": int, "raw": str,
    }, "id", [("document_id", "documents", "id"), ("unit_id", "units", "id"), ("body_id", "bodies", "id")]),
    "tasks": ({
        "id": str, "document_id": str, "unit_id": str, "start": int, "end": int, "text": str, "action": str,
        "origin": str, "deadline_text": str, "deadline_start": str, "deadline_end": str, "recurrence": str,
    }, "id", [("document_id", "documents", "id"), ("unit_id", "units", "id")]),
    "task_bodies": ({"task_id": str, "body_id": str, "role": str, "raw": str},
                    ("task_id", "body_id", "role"), [("task_id", "tasks", "id"), ("body_id", "bodies", "id")]),
    "graph_metrics": ({
        "document_id": str, "in_degree": int, "out_degree": int, "in_by_relation": str,
        "out_by_relation": str, "pagerank": float, "cited_by_year": str, "first_cited_year": int,
        "last_cited_year": int, "basis_depth": int,
    }, "document_id", []),
    "graph_issues": ({
        "id": str, "kind": str, "document_id": str, "other_id": str, "citation_id": str, "detail": str,
    }, "id", []),
    "validity": ({
        "document_id": str, "status": str, "since": str, "by_document_id": str, "scope": str,
        "citation_id": str,
    }, None, []),
    "body_lineage": ({
        "from_body_id": str, "to_body_id": str, "kind": str, "date": str, "basis_document_id": str,
        "source": str,
    }, None, []),
    "sources": ({
        "path": str, "sha256": str, "size": int, "format": str, "status": str, "message": str,
        "document_id": str, "built_at": str,
    }, "path", []),
}

# Rows of these tables belong to one document and are replaced when it is rebuilt.
PER_DOCUMENT = ("units", "citations", "body_mentions", "tasks")

INDEXES = [
    ("units", ["document_id"]), ("units", ["parent_id"]), ("citations", ["document_id"]),
    ("citations", ["target_id"]), ("relations", ["source_id"]), ("relations", ["target_id"]),
    ("relations", ["stated_in"]), ("body_mentions", ["document_id"]), ("body_mentions", ["body_id"]),
    ("tasks", ["document_id"]), ("task_bodies", ["body_id"]), ("body_aliases", ["alias_key"]),
    ("documents", ["number"]),
]


def create_schema(db: sqlite_utils.Database) -> None:
    """Create every contract table (and index) that does not exist yet."""
    for name, (columns, pk, fks) in TABLES.items():
        if not db[name].exists():
            db[name].create(columns, pk=pk, not_null=None, foreign_keys=fks or None)
    for table, cols in INDEXES:
        db[table].create_index(cols, if_not_exists=True)
    if not db["documents_fts"].exists():
        db["documents"].enable_fts(["number", "title", "text"], create_triggers=True, tokenize="unicode61")


def columns(table: str) -> list[str]:
    return list(TABLES[table][0])
