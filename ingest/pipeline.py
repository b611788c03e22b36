"""From one file to the rows the knowledge base stores for it (the `vanban parse` JSON).

read -> normalize -> header -> structure -> citations -> bodies -> tasks. Every step is a pure
function of plain data; this module only chains them and gives each row its document id.

The record returned by `parse_file` / `parse_text`:
    {"document": {documents row, with "text"},
     "units": [...], "citations": [...], "relations": [...], "stubs": [documents rows, is_stub=1],
     "bodies": [...], "body_aliases": [...], "body_mentions": [...],
     "tasks": [...], "task_bodies": [...], "warnings": [str, ...]}

Step interfaces (each a pure function):
    parse_header(text, hints) -> dict of documents columns (number, doc_type, title, issuer, place,
        province, issued_date, signer, signer_title, signer_mode)
    parse_structure(text, document_id) -> units rows (id, document_id, parent_id, kind, label, heading,
        text, start, end, ordinal, depth)
    extract_citations(text, units, doc) -> {"citations": [...], "relations": [...], "stubs": [...]}
    extract_bodies(text, units, doc) -> {"bodies": [...], "body_aliases": [...], "body_mentions": [...]}
    extract_tasks(text, units, doc, bodies) -> {"tasks": [...], "task_bodies": [...]}
`doc` is the documents row being built (id, number, doc_type, issuer, province, issued_date ...).
"""

from __future__ import annotations

import bisect
import hashlib
from pathlib import Path

from ingest import header, identity, structure
from ingest.bodies import extract_bodies
from ingest.citations import extract_citations
from ingest.normalize import fold, normalize
from ingest.readers import read_path
from ingest.tasks import extract_tasks

# The finders after the structure, in order (a broken import must fail loudly, not drop rows).
STEPS = (("citations", extract_citations), ("bodies", extract_bodies), ("tasks", extract_tasks))


EMPTY = {
    "citations": [], "relations": [], "stubs": [], "bodies": [], "body_aliases": [],
    "body_mentions": [], "tasks": [], "task_bodies": [],
}


def parse_text(raw: str, *, sha256: str | None = None, source_path: str | None = None,
               hints: dict | None = None) -> dict:
    """Parse one document's raw text into the rows the build writes."""
    text, _ = normalize(raw)
    sha256 = sha256 or hashlib.sha256(raw.encode("utf-8")).hexdigest()
    doc = header.parse_header(text, hints or {})
    doc_id = identity.document_id(doc.get("number"), _year(doc), doc.get("province"))
    doc["id"] = doc_id or identity.fallback_id(sha256)
    doc.update(is_stub=0, text=text, source_path=source_path, source_sha256=sha256)
    units = structure.parse_structure(text, doc["id"])
    record = {"document": doc, "units": units, **{k: [] for k in EMPTY}, "warnings": []}
    for name, step in STEPS:
        if name == "tasks":
            out = step(text, units, doc, record)
        else:
            out = step(text, units, doc)
        for key, rows in out.items():
            record[key].extend(rows)
    _fill_unit_ids(record)
    doc["issuer_body_id"] = _issuer_body(doc.get("issuer"), record["bodies"])
    return record


def _issuer_body(issuer: str | None, bodies: list[dict]) -> str | None:
    """The body row named like the document's issuer, when the text mentions it."""
    if not issuer:
        return None
    key = fold(issuer)
    return next((b["id"] for b in bodies if fold(b.get("name") or "") == key), None)


def _year(doc: dict) -> int | None:
    d = doc.get("issued_date")
    return int(d[:4]) if d else None


def _fill_unit_ids(record: dict) -> None:
    """Rows that carry a span but no unit get the innermost unit holding it."""
    units = sorted(record["units"], key=lambda u: u["start"])
    starts = [u["start"] for u in units]
    for key in ("citations", "body_mentions", "tasks"):
        for row in record[key]:
            if row.get("unit_id") is None and row.get("start") is not None:
                i = bisect.bisect_right(starts, row["start"])
                cands = [u for u in units[:i] if row["end"] <= u["end"]]
                row["unit_id"] = max(cands, key=lambda u: u["depth"])["id"] if cands else None


def parse_file(path: Path, root: Path | None = None) -> dict:
    """Read and parse one file; raises `ReadError` with a one-line reason for unreadable input."""
    data = Path(path).read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    raw, hints = read_path(Path(path), data)
    rel = str(Path(path).relative_to(root)) if root else str(path)
    record = parse_text(raw, sha256=sha, source_path=rel, hints=hints)
    return record
