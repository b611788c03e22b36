"""Who must do what, by when: tasks and the roles of the bodies in them.

Four sources, in this order (a span already taken by an earlier source is not read again):
- `table`: rows of task tables (`STT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian`),
  both trafilatura's layout (cells between lines holding only `|`) and `| a | b |` rows;
- `section` (items with fields): a content item whose children are assignment fields (`- Cơ quan chủ trì:
  ...`, `b) Cơ quan thực hiện:` over `- Đơn vị chủ trì: ...`, `- Thời gian thực hiện: ...`) is one task,
  like a table row: the fields give lead / responsible / partner and the deadline (patterns/tasks.yaml
  `item_fields`); an item whose fields name no body is not a task;
  Field paragraphs inside a bullet (`- Tổ chức tập huấn ...` / `*Đơn vị chủ trì thực hiện: *Sở X.` /
  `*Thời gian thực hiện: *Thường xuyên.`) count too: bullets sharing one field block are one task;
- `section`: inside a responsibility section (`TỔ CHỨC THỰC HIỆN`, `Trách nhiệm thực hiện` ...), a
  unit whose heading names bodies (`b) Giám đốc Sở Nội vụ`, `2. Các Sở, ngành chủ trì, quản lý ... thuộc
  Chương trình`, `1.5. Trách nhiệm của đối tượng thực hiện kiểm kê:`) gives one task per child bullet
  (`+` bullets stay inside the `-` above; a bullet wrapped after its label, `-\nPhân công ...`, is still one),
  or one task for its paragraph when it has no children; a `Thời gian thực hiện: ...` paragraph under a
  bullet is its deadline. A heading `Sở X chủ trì, phối hợp với Y, Z:` gives each bullet X as lead and Y, Z
  as partners; `Sở X chỉ đạo Chi cục Y thực hiện ... sau:` gives both X and Y. An item that opens with its
  holder and a colon (`2. Sở Tài chính: Căn cứ ...`) is one task, holder included. A heading of body names
  only over items (`1. Thủ trưởng các sở ...; Chủ tịch UBND các xã` over `a) ...`, a Chỉ thị with no
  responsibility section) counts wherever it stands, outside aims sections;
- `inline`: sentences that open with bodies (`Thủ trưởng các sở ... chịu trách nhiệm thi hành`,
  `Sở X có trách nhiệm ...`), or with `Giao X` / `Đề nghị X`, or that send a report to a body. A body
  followed by a verb with no cue word is a duty only in responsibility sections, Kinh phí, decision
  articles or unsectioned text (in `Các bước đánh giá` it is a step of the method). Later sentences of a
  numbered item stay on its task; a paragraph opened by sentences with no duty (`Trên đây là Kế hoạch ...`)
  is the task from its start.

Holders named once for many items: a lead-in that ends with a list intro (`... sau:`, `trong đó:`) hands the items
after it to the bodies it opens with, to those after `Đề nghị` / `Giao` / `Yêu cầu` (as requested / responsible), or to
the bodies or province before `cần` / `phải` (a province stands for its People's Committee); a Thông báo kết luận of a
working session with a province hands its `NHIỆM VỤ, GIẢI PHÁP` items to that province. An item under such a lead-in
that names its own doer keeps it. Task tables are the corpus's pipe tables, trafilatura's `|`-line layout and the
.docx reader's one-line rows. In a Nghị định, Thông tư or law what the issuer or its head does is its own competence;
powers (`X có quyền:`) are no duties.

Roles come from cue words (patterns/tasks.yaml) in front of a list of bodies (`phối hợp với X, Y
và Z` -> partner) or after the subject (`X chủ trì` -> lead). The heading's bodies are `responsible`.
underthesea tags only the first words of each task (for `action`).
"""

from __future__ import annotations

from functools import lru_cache

from ingest.bodies import find_body_spans, fold_same_length
from ingest.normalize import fold
from ingest.tasks.action import leading_action
from ingest.tasks.common import _RECIPIENTS, _Mentions, _Taken, patterns
from ingest.tasks.deadlines import parse_deadline, parse_recurrence
from ingest.tasks.fields import _field_tasks, field_kind
from ingest.tasks.inline import _inline_tasks
from ingest.tasks.letters import _letter_units
from ingest.tasks.sections import _section_tasks
from ingest.tasks.tables import _table_tasks

__all__ = ["extract_tasks", "field_kind", "leading_action", "parse_deadline", "parse_recurrence", "patterns"]


def extract_tasks(text: str, units: list[dict], doc: dict, record: dict) -> dict:
    """Rows of `tasks` and `task_bodies` for one document; `record` holds the bodies step's rows."""
    folded = fold_same_length(text)
    mentions = _Mentions(record)
    tasks: list[dict] = []
    roles: list[dict] = []
    seen: set = set()
    taken = _Taken(len(text))
    for m in _RECIPIENTS.finditer(text):  # a `NƠI NHẬN` list, even read as bullets of the last clause (NĐ
        taken.append((m.start(), m.end()))  # 155/2026/NĐ-CP), holds no duty
    _table_tasks(text, folded, doc, mentions, tasks, roles, seen, taken)
    _field_tasks(text, folded, units, doc, mentions, tasks, roles, seen, taken)
    _section_tasks(text, folded, units, doc, mentions, tasks, roles, seen, taken)
    _inline_tasks(text, folded, units, doc, mentions, tasks, roles, seen, taken)
    letter = _letter_units(text, units, folded, mentions)
    if letter:
        _section_tasks(text, folded, letter, doc, mentions, tasks, roles, seen, taken)
        _inline_tasks(text, folded, letter, doc, mentions, tasks, roles, seen, taken)
    tasks, roles = _without_own_competence(doc, record, tasks, roles)
    tasks.sort(key=lambda t: t["start"])
    used = {r["body_id"] for r in roles}
    return {"tasks": tasks, "task_bodies": roles, "bodies": [b for k, b in mentions.extra.items() if k in used]}


def _without_own_competence(doc: dict, record: dict, tasks: list[dict], roles: list[dict]):
    """Tasks held only by the issuer of a normative document or its head (`Thủ tướng Chính phủ thực hiện nhiệm vụ,
    quyền hạn theo quy định ...` in a Nghị định of the Government) describe its own competence: dropped."""
    if not tasks or doc.get("doc_type") not in patterns()["self_competence_types"] or not doc.get("issuer"):
        return tasks, roles
    key = fold(doc["issuer"])
    own = {b["id"] for b in record.get("bodies", []) if fold(b.get("name") or "") == key}
    own |= _issuer_ids(doc["issuer"], doc.get("province"))
    if not own:
        return tasks, roles
    holders: dict[str, set] = {}
    for r in roles:
        if r["role"] in ("lead", "responsible"):
            holders.setdefault(r["task_id"], set()).add(r["body_id"])
    drop = {tid for tid, ids in holders.items() if ids <= own}
    return [t for t in tasks if t["id"] not in drop], [r for r in roles if r["task_id"] not in drop]


@lru_cache(maxsize=256)
def _issuer_ids(issuer: str, province: str | None) -> frozenset[str]:
    """The body ids an issuer's name reads as, with its head's (`Chính phủ` -> the Prime Minister too); the few
    issuers of the corpus are resolved once each, not once per document."""
    ids = {row["id"] for s, e, row in find_body_spans(issuer, province) if e - s == len(issuer)}
    for bid in list(ids):
        ids.update(patterns()["issuer_heads"].get(bid.split("@")[0], []))
    return frozenset(ids)
