"""Rows of `tasks` and `task_bodies`."""

from __future__ import annotations

from ingest.tasks.action import leading_action
from ingest.tasks.deadlines import parse_deadline, parse_recurrence


def _task_row(doc: dict, unit_id, start: int, end: int, text: str, origin: str, deadline_src: str | None = None,
              cell: bool = False, action_from: int | None = None) -> dict:
    year = int(doc["issued_date"][:4]) if doc.get("issued_date") else None
    body = text[start:end]
    # (`cell`: a deadline column's text needs no cue word; a row with no such column reads its content as running
    # text, where `Nghị định số 150/2025/NĐ-CP ngày 12/6/2025` is no deadline; Công văn 174/CV-BCĐ, 2025)
    dl = parse_deadline(deadline_src if deadline_src is not None else body, year,
                        cell=cell and deadline_src is not None)
    rec = parse_recurrence(deadline_src if deadline_src is not None else body)
    return {"id": f"{doc.get('id')}#task-{start}", "document_id": doc.get("id"), "unit_id": unit_id,
            "start": start, "end": end, "text": body, "action": leading_action(text[action_from or start:end].lstrip(" ,:")), "origin": origin, **dl,
            "recurrence": rec}


def _add_role(rows: list[dict], seen: set, task_id: str, body_id: str, role: str, raw: str) -> None:
    key = (task_id, body_id, role)
    if key not in seen:
        seen.add(key)
        rows.append({"task_id": task_id, "body_id": body_id, "role": role, "raw": raw})
